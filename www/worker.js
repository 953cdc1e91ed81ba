// The Web Worker that owns the wasm engine: each request builds a corpus from the articles it carries,
// exports it and posts the plain result back. The page never blocks on the engine.
import init, { Corpus, defaultOptions } from './pkg/storylines.js';
import { ANALYSE, RESULT, ERROR } from './protocol.js';

const ready = init();

/** @param {import('./protocol.js').AnalyseRequest} req */
async function analyse(req) {
  await ready;
  const corpus = new Corpus();
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
    self.postMessage({ type: RESULT, id: req.id, export: result, defaults: defaultOptions() });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    self.postMessage({ type: ERROR, id: req.id, message });
  }
});
