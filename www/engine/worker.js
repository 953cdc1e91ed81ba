// The Web Worker that owns the wasm engine: an analyse request builds a corpus from the articles it carries,
// exports it and posts the plain result back; the corpus is kept for diff and collate requests until the
// next analyse. The sentence-embedding table, once fetched (an `embeddings` request, sent by the page after
// its first render), is given to every later corpus. Requests are answered one at a time, in order. The page
// never blocks on the engine. When the wasm traps (a Rust panic aborts), the instance is unusable: the worker
// says so and closes, and the page starts a new one (see client.js).
import init, { Corpus, defaultOptions } from '../pkg/storylines.js';
import { ANALYSE, DIFF, COLLATE, EMBEDDINGS, TRAP, RESULT, PROGRESS, ERROR, CRASHED } from './protocol.js';

const ready = init();

/** @type {Promise<typeof Corpus> | null} */
let htmlEngine = null;
/** @type {{ corpus: any, options: object | null } | null} */
let current = null;
/** @type {Uint8Array | null} the sentence-embedding table, once fetched (see `embeddings`) */
let table = null;

/**
 * Whether an article is an HTML page: an .html/.htm/.xhtml name, or text or bytes that start like a page.
 * The page UI may call this too (it is pure) to tell the user that HTML support is being loaded.
 * @param {import('./protocol.js').ArticleInput} a
 */
export function isHtmlArticle(a) {
  if (/\.x?html?$/i.test(a.name)) return true;
  const head = a.text ?? (a.bytes ? new TextDecoder().decode(a.bytes.subarray(0, 256)) : '');
  return /^\uFEFF?\s*<(!doctype html|html)/i.test(head);
}

/**
 * The engine to use for a request: the main module, or, when any article is HTML, the second module
 * (www/pkg-html, the same engine built with the "html" feature), fetched once on first need.
 * @param {import('./protocol.js').ArticleInput[]} articles
 * @returns {Promise<typeof Corpus>}
 */
async function engineFor(articles) {
  if (!articles.some(isHtmlArticle)) {
    await ready;
    return Corpus;
  }
  htmlEngine ??= import('../pkg-html/storylines_html.js').then(async (m) => {
    await m.default();
    return /** @type {typeof Corpus} */ (/** @type {unknown} */ (m.Corpus));
  });
  return htmlEngine;
}

/** @param {import('./protocol.js').AnalyseRequest} req */
async function analyse(req) {
  const Engine = await engineFor(req.articles);
  current?.corpus.free();
  current = null;
  const corpus = new Engine();
  const total = req.articles.length + 1;
  /** @type {(string | null)[]} */
  const added = [];
  try {
    if (req.manifest) corpus.setManifest(req.manifest);
    if (table && typeof corpus.setEmbeddings === 'function') corpus.setEmbeddings(table);
    for (const a of req.articles) {
      added.push(a.bytes ? corpus.addBytes(a.name, a.bytes) : corpus.addText(a.name, a.text ?? ''));
      if (added.length % 8 === 0) self.postMessage({ type: PROGRESS, id: req.id, done: added.length, total });
    }
    self.postMessage({ type: PROGRESS, id: req.id, done: total - 1, total });
    // The engine posts the model's large arrays to the page itself, part by part (see protocol.js).
    const result = corpus.postExport(req.options ?? null, req.id, (/** @type {string} */ stage, /** @type {number} */ done, /** @type {number} */ of) =>
      self.postMessage({ type: PROGRESS, id: req.id, done, total: of, stage }),
    );
    current = { corpus, options: req.options ?? null };
    return { result, added };
  } catch (err) {
    corpus.free();
    throw err;
  }
}

/**
 * Fetches the sentence-embedding table and checks that the engine takes it (a wasm built without the
 * "embeddings" feature has no `setEmbeddings`); later analyses then match by meaning too.
 * @param {import('./protocol.js').EmbeddingsRequest} req
 */
async function embeddings(req) {
  // The table's fetch starts beside the wasm's compilation, not after it.
  const fetched = req.bytes ? null : fetch(req.url ?? '');
  fetched?.catch(() => {});
  await ready;
  const probe = /** @type {any} */ (new Corpus());
  try {
    if (typeof probe.setEmbeddings !== 'function') throw new Error('this engine cannot match by meaning');
    let bytes = req.bytes ?? null;
    if (!bytes) {
      const res = await /** @type {Promise<Response>} */ (fetched);
      if (!res.ok) throw new Error(`no embedding table at ${new URL(req.url ?? '', location.href).pathname} (HTTP ${res.status})`);
      bytes = new Uint8Array(await res.arrayBuffer());
    }
    probe.setEmbeddings(bytes);
    table = bytes;
    return true;
  } finally {
    probe.free();
  }
}

/**
 * Calls an optional engine method on the current corpus; null when this wasm build does not have it.
 * @param {string} name
 * @param {unknown[]} args
 */
async function optional(name, args) {
  await ready;
  const c = /** @type {any} */ (current?.corpus);
  if (!c || typeof c[name] !== 'function') return null;
  return c[name](...args, current?.options ?? null);
}

/**
 * The test hook of crash recovery: makes the engine's own instance abort, as a Rust panic does under
 * panic = "abort". It asks the wasm-bindgen allocator for more than 2 GiB, which it refuses with
 * `std::process::abort()`, a WebAssembly `unreachable`; the release engine needs no debug export for it.
 */
async function trap() {
  const wasm = /** @type {any} */ (await ready);
  wasm.__wbindgen_malloc(0xfffffff0, 8);
  throw new Error('the engine did not trap');
}

/** @type {Promise<void>} the request being answered: the next waits for it (an analyse after an `embeddings`) */
let queue = Promise.resolve();

self.addEventListener('message', (/** @type {MessageEvent<import('./protocol.js').Request>} */ event) => {
  queue = queue.then(() => answer(event.data));
});

/** @param {import('./protocol.js').Request} req */
async function answer(req) {
  try {
    let result;
    let added;
    if (req.type === ANALYSE) ({ result, added } = await analyse(req));
    else if (req.type === DIFF) result = await optional('diff', [req.a, req.b]);
    else if (req.type === COLLATE) result = await optional('collate', [req.of]);
    else if (req.type === EMBEDDINGS) result = await embeddings(req);
    else if (req.type === TRAP) await trap();
    else return;
    self.postMessage({ type: RESULT, id: req.id, export: result ?? null, added, defaults: defaultOptions() });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof WebAssembly.RuntimeError) {
      // The instance's memory may be half-written: nothing more can be asked of it.
      self.postMessage({ type: CRASHED, message });
      self.close();
      return;
    }
    self.postMessage({ type: ERROR, id: req.id, message });
  }
}
