// The Web Worker that owns the wasm engine: each request builds a corpus from the articles it carries,
// exports it and posts the plain result back. The page never blocks on the engine.
import init, { Corpus } from './pkg/storylines.js';
import { ANALYSE, RESULT, ERROR } from './protocol.js';

const ready = init();

/** @type {Promise<typeof Corpus> | null} */
let htmlEngine = null;

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
  htmlEngine ??= import('./pkg-html/storylines_html.js').then(async (m) => {
    await m.default();
    return /** @type {typeof Corpus} */ (/** @type {unknown} */ (m.Corpus));
  });
  return htmlEngine;
}

/** @param {import('./protocol.js').AnalyseRequest} req */
async function analyse(req) {
  const Engine = await engineFor(req.articles);
  const corpus = new Engine();
  try {
    if (req.manifest) corpus.setManifest(req.manifest);
    for (const a of req.articles) {
      if (a.bytes) corpus.addBytes(a.name, a.bytes);
      else corpus.addText(a.name, a.text ?? '');
    }
    return corpus.export(req.options ?? null);
  } finally {
    corpus.free();
  }
}

self.addEventListener('message', async (/** @type {MessageEvent<import('./protocol.js').Request>} */ event) => {
  const req = event.data;
  if (req.type !== ANALYSE) return;
  try {
    const result = await analyse(req);
    self.postMessage({ type: RESULT, id: req.id, export: result });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    self.postMessage({ type: ERROR, id: req.id, message });
  }
});
