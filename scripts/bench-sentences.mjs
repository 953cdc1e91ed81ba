// Sentence splitting in CPU time: storylines' wasm `splitSentences` (target/bench-pkg, built by
// scripts/build-bench.sh) against Intl.Segmenter and sbd on the 100 generated articles of `npm run bench`, the
// implementations interleaved round by round so that the shared machine's load hits them alike.
// Usage: node scripts/bench-sentences.mjs [--base DIR] (DIR: another bench build, e.g. of an older commit).
// Figures are recorded in docs/PERFORMANCE.md ("Parsing"); `npm run bench` gives the wall-clock ones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate, ROOT } from './bench/generate.mjs';
import * as peers from './bench/peers.mjs';

/** @param {string} dir a wasm-pack output folder of the bench build */
async function load(dir) {
  const mod = await import(`${path.join(dir, 'storylines.js')}?${encodeURIComponent(dir)}`);
  await mod.default({ module_or_path: readFileSync(path.join(dir, 'storylines_bg.wasm')) });
  return mod;
}
const args = process.argv.slice(2);
const base = args.includes('--base') ? await load(path.resolve(args[args.indexOf('--base') + 1])) : null;
const now = await load(path.join(ROOT, 'target', 'bench-pkg'));
const texts = generate(100).articles.slice(0, 100).map((a) => a.text);
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
/** @type {Record<string, (t: string) => unknown>} */
const fns = { storylines: (t) => now.splitSentences(t), 'Intl.Segmenter': peers.intlSentences, sbd: peers.sbdSentences };
if (base) fns['storylines (--base)'] = (t) => base.splitSentences(t);
/** @type {Record<string, number[]>} */
const cpu = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
for (let round = 0; round < 30; round++) {
  for (const [k, f] of Object.entries(fns)) {
    const c0 = process.cpuUsage();
    for (let r = 0; r < 5; r++) for (const t of texts) f(t);
    const c = process.cpuUsage(c0);
    cpu[k].push((c.user + c.system) / 1e6 / 5);
  }
}
const median = (/** @type {number[]} */ xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const intl = median(cpu['Intl.Segmenter']);
console.log(`sentence splitting, ${texts.length} generated articles (${bytes} bytes), CPU time, medians of 30 interleaved rounds:`);
for (const k of Object.keys(fns)) {
  const m = median(cpu[k]);
  console.log(`  ${k}: ${(m * 1e3).toFixed(2)} ms, ${(bytes / 1e6 / m).toFixed(1)} MB/s, ${(intl / m).toFixed(2)}× Intl.Segmenter`);
}
