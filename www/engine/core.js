// The programmatic API of the engine alone (no DOM, no worker, no UI): for hosts that want the data. Works in
// browsers and in Node (pass the wasm bytes to `init` there). Published as the package's `./core` export.
import initWasm, { Corpus, defaultOptions, version } from '../pkg/storylines.js';

export { Corpus, defaultOptions, version };

/**
 * @typedef {{ name: string, text?: string, bytes?: Uint8Array }} ArticleInput one article: a file name and its text or bytes
 * @typedef {{ manifest?: string | object, options?: object, embeddings?: Uint8Array }} ParseOptions
 *   `embeddings`: the bytes of the sentence-embedding table (`embeddings.bin`): sentences then align by meaning too
 */

/** @type {Promise<unknown> | null} */
let ready = null;

/**
 * Loads the wasm once. Without an argument it is fetched from beside this module; in Node pass its bytes
 * (`await readFile(new URL(import.meta.resolve('storylines/wasm')))`) or a `WebAssembly.Module`.
 * @param {BufferSource | WebAssembly.Module | URL | string} [wasm]
 */
export function init(wasm) {
  ready ??= initWasm(wasm === undefined ? undefined : { module_or_path: wasm });
  return ready;
}

/**
 * Parses articles into a corpus (the caller frees it with `corpus.free()`, or uses `using`).
 * @param {ArticleInput[]} articles
 * @param {ParseOptions} [opts] `manifest`: the manifest (JSON text or object) supplying metadata; `embeddings`:
 *   the embedding table's bytes
 * @returns {Promise<Corpus>}
 */
export async function parse(articles, opts = {}) {
  await init();
  const corpus = new Corpus();
  try {
    if (opts.manifest) corpus.setManifest(opts.manifest);
    if (opts.embeddings) corpus.setEmbeddings(opts.embeddings);
    for (const a of articles) {
      if (a.bytes) corpus.addBytes(a.name, a.bytes);
      else corpus.addText(a.name, a.text ?? '');
    }
    return corpus;
  } catch (err) {
    corpus.free();
    throw err;
  }
}

/**
 * Cross-references articles and returns the `storylines/1` export model (a plain object).
 * @param {ArticleInput[]} articles
 * @param {ParseOptions} [opts] `options`: engine options (see `defaultOptions()`)
 */
export async function exportModel(articles, opts = {}) {
  const corpus = await parse(articles, opts);
  try {
    return corpus.export(opts.options ?? null);
  } finally {
    corpus.free();
  }
}

/**
 * The engine's pairwise diff of articles `a` and `b` (article ids) of a set of articles, or null when this
 * build of the engine has no diff.
 * @param {ArticleInput[]} articles
 * @param {string} a
 * @param {string} b
 * @param {ParseOptions} [opts]
 */
export async function diff(articles, a, b, opts = {}) {
  const corpus = /** @type {any} */ (await parse(articles, opts));
  try {
    if (typeof corpus.diff !== 'function') return null;
    corpus.export(opts.options ?? null);
    return corpus.diff(a, b, opts.options ?? null);
  } finally {
    corpus.free();
  }
}
