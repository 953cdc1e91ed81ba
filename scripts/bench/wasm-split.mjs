// Where the whole pipeline's time goes in wasm, in one Node process: adding N generated articles, export() (JavaScript
// objects) and exportJson() (one JSON text). Usage: node scripts/bench/wasm-split.mjs [N]  (after scripts/build-bench.sh).
import { loadEngine } from './engine.mjs';
import { generate } from './generate.mjs';
const n = Number(process.argv[2] || 1000);
const { mod, exports } = await loadEngine();
const arts = generate(n).articles;
const c = new mod.Corpus();
c.setManifest(JSON.stringify({ articles: arts.map((a) => ({ file: a.name, published: a.published ?? null, outlet: a.outlet ?? null })) }));
let t = performance.now();
for (const a of arts) c.addText(a.name, a.text);
const tAdd = performance.now() - t; t = performance.now();
const m = c.export(undefined);
const tExp = performance.now() - t; t = performance.now();
const j = c.exportJson();
const tJson = performance.now() - t;
console.log(`n=${n} add ${tAdd.toFixed(0)} ms, export() ${tExp.toFixed(0)} ms, exportJson() ${tJson.toFixed(0)} ms (${(j.length / 1e6).toFixed(1)} MB), alignments ${m.alignments.length}, memory ${(exports.memory.buffer.byteLength / 1e6).toFixed(0)} MB`);
