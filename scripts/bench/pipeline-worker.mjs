// Runs the whole storylines pipeline (or its near-duplicate detection) on one corpus in a worker thread with its
// own wasm instance, so that each corpus size starts from fresh linear memory and a run past the cap can be
// stopped (worker.terminate()).
import { parentPort, workerData } from 'node:worker_threads';
import { loadEngine, runPipeline } from './engine.mjs';
import { measure } from './timing.mjs';

const { articles, opts, task } = workerData;
const { mod, exports } = await loadEngine();
/** @type {any} */
let counts = null;
const texts = articles.map((/** @type {{text: string}} */ a) => a.text);
const m = measure(() => {
  if (task === 'nearDuplicates') {
    const flat = mod.nearDuplicates(texts);
    counts = { pairs: Array.from(flat) };
    return;
  }
  const model = runPipeline(mod, articles);
  counts = {
    articles: model.articles.length,
    sentences: model.articles.reduce((/** @type {number} */ s, /** @type {any} */ a) => s + a.sentences.length, 0),
    entities: model.entities.length,
    times: model.times.length,
    alignments: model.alignments.length,
    reuse: model.reuse?.length,
    claims: model.claims?.length,
  };
}, opts);
parentPort?.postMessage({ m: { ...m, result: undefined }, counts, wasmMemory: exports.memory.buffer.byteLength });
