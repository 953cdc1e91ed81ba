// Where the whole pipeline's time goes in wasm, in one Node process: adding N generated articles, export() (JavaScript
// objects) and exportJson() (one JSON text; bench build only). Usage: node scripts/bench/wasm-split.mjs [N] [--pkg DIR]  (after
// scripts/build-bench.sh; with `--pkg www/pkg`, the page's own module after `npm run build`).
import path from 'node:path';
import { loadEngine, PKG } from './engine.mjs';
import { generate } from './generate.mjs';
const args = process.argv.slice(2);
const pi = args.indexOf('--pkg');
const dir = pi >= 0 ? path.resolve(args.splice(pi, 2)[1]) : PKG;
const n = Number(args[0] || 1000);
const { mod, exports } = await loadEngine(dir);
const arts = generate(n).articles;
const c = new mod.Corpus();
c.setManifest(JSON.stringify({ articles: arts.map((a) => ({ file: a.name, published: a.published ?? null, outlet: a.outlet ?? null })) }));
/** Wall and CPU milliseconds of `f` (CPU time, user + system of this process, is what a loaded machine leaves
 * comparable). @template T @param {() => T} f @returns {[T, string]} */
function timed(f) {
  const t = performance.now();
  const c = process.cpuUsage();
  const out = f();
  const cpu = process.cpuUsage(c);
  return [out, `${(performance.now() - t).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`];
}
const [, tAdd] = timed(() => { for (const a of arts) c.addText(a.name, a.text); });
const [m, tExp] = timed(() => c.export(undefined));
// exportJson() is in the bench build only (the page's module has no JSON serializer of the model).
const [j, tJson] = typeof c.exportJson === 'function' ? timed(() => c.exportJson()) : ['', 'not in this build'];
console.log(`n=${n} add ${tAdd}, export() ${tExp}, exportJson() ${tJson} (${(j.length / 1e6).toFixed(1)} MB), alignments ${m.alignments.length}, memory ${(exports.memory.buffer.byteLength / 1e6).toFixed(0)} MB`);
