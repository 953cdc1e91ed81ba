// The storylines side of the benchmark: loads the release wasm build with the `bench` feature (target/bench-pkg, built by scripts/build-bench.sh) into this Node
// process and wraps its entry points like the peers are wrapped. A single-stage entry point that the build
// does not export, or that finds nothing on any input (a stage still a stub), is reported as not available.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './generate.mjs';

export const PKG = path.join(ROOT, 'target', 'bench-pkg');

/**
 * Loads the wasm build (the bench build by default; `dir` another wasm-pack output with the same names, such as
 * the page's `www/pkg`); returns the module namespace and the instance's exports (for its memory).
 * @param {string} [dir]
 */
export async function loadEngine(dir = PKG) {
  const wasmPath = path.join(dir, 'storylines_bg.wasm');
  if (!existsSync(wasmPath)) throw new Error(`${path.relative(ROOT, dir)} is missing: run \`bash scripts/build-bench.sh\` (or \`npm run build\` for www/pkg) first`);
  const mod = await import(path.join(dir, 'storylines.js'));
  const exports = await mod.default({ module_or_path: readFileSync(wasmPath) });
  return { mod, exports, wasmBytes: readFileSync(wasmPath).length };
}

/**
 * Cross-references articles in the wasm build: add each article, then export to a JS object.
 * @param {any} mod @param {{name: string, text: string, published?: string, outlet?: string}[]} articles
 */
export function runPipeline(mod, articles) {
  const corpus = new mod.Corpus();
  try {
    corpus.setManifest(JSON.stringify({ articles: articles.map((a) => ({ file: a.name, published: a.published ?? null, outlet: a.outlet ?? null })) }));
    for (const a of articles) corpus.addText(a.name, a.text);
    return corpus.export(undefined);
  } finally {
    corpus.free();
  }
}

/** Whether the build exports a function of that name. @param {any} mod @param {string} name */
export function has(mod, name) {
  return typeof mod[name] === 'function';
}

const DIFF_OPS = ['equal', 'delete', 'insert'];
/**
 * The word diff of two texts as `[{op, text}]` pieces (the form jsdiff and diff-match-patch return): the wasm
 * entry answers a flat array `[op, start, end, …]` of UTF-16 ranges (of `a` for equal and delete, of `b` for
 * insert), which a caller slices; the timed call includes the slicing.
 * @param {any} mod @param {string} a @param {string} b
 */
export function wordDiffPieces(mod, a, b) {
  const flat = mod.wordDiff(a, b);
  const out = [];
  for (let i = 0; i < flat.length; i += 3) {
    const op = flat[i];
    out.push({ op: DIFF_OPS[op], text: (op === 2 ? b : a).slice(flat[i + 1], flat[i + 2]) });
  }
  return out;
}
