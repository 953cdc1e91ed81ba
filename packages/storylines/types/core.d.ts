// Types of `storylines/core`, the engine without the UI (hand-written around wasm-pack's generated
// engine.d.ts; the module is www/core.js in the storylines repository).
import type { Corpus } from './engine.js';

export { Corpus, defaultOptions, version } from './engine.js';

/** One article: a file name and its text (or raw UTF-8 bytes). */
export interface ArticleInput {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

export interface ParseOptions {
  /** the manifest (JSON text or object) supplying the articles' metadata */
  manifest?: string | object;
  /** engine options (see `defaultOptions()`) */
  options?: object;
}

/** Loads the wasm once; without an argument it is fetched from beside the module (pass the bytes in Node). */
export function init(wasm?: BufferSource | WebAssembly.Module | URL | string): Promise<unknown>;
/** Parses articles into a corpus (free it with `corpus.free()`). */
export function parse(articles: ArticleInput[], opts?: ParseOptions): Promise<Corpus>;
/** Cross-references articles; the `storylines/1` export model (see schema/storylines.schema.json). */
export function exportModel(articles: ArticleInput[], opts?: ParseOptions): Promise<any>;
/** The engine's pairwise diff of two articles (ids), `storylines-diff/1`, or null when the engine has none. */
export function diff(articles: ArticleInput[], a: string, b: string, opts?: ParseOptions): Promise<any | null>;
