// The engine for the single self-contained file: the wasm-bindgen glue with the wasm inlined (esbuild's
// binary loader), so that `init()` needs no fetch. Replaces ./pkg/storylines.js in that build's worker only.
import initGlue from '../pkg/storylines.js';
import wasm from '../pkg/storylines_bg.wasm';

export * from '../pkg/storylines.js';

/** Instantiates the inlined wasm. */
export default function init() {
  return initGlue({ module_or_path: wasm });
}
