// Parsing throughput of the release wasm in Node (MB/s): adds every bundled article to a fresh Corpus, many
// times over, and reports bytes parsed per second. Usage: npm run build && node scripts/bench-parse.mjs
// (the figure is recorded in docs/PERFORMANCE.md, "Parsing"). Export and alignment are not included.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = process.argv.includes('--html') ? ['pkg-html', 'storylines_html'] : ['pkg', 'storylines'];
// --pkg DIR: another build of the main module (e.g. target/bench-pkg of an older commit, for a before/after figure).
const dir0 = process.argv.includes('--pkg') ? path.resolve(process.argv[process.argv.indexOf('--pkg') + 1]) : path.join(ROOT, 'www', pkg[0]);
const mod = await import(path.join(dir0, `${pkg[1]}.js`));
mod.initSync({ module: await readFile(path.join(dir0, `${pkg[1]}_bg.wasm`)) });

const dir = path.join(ROOT, 'www', 'articles');
const names = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
const articles = await Promise.all(names.map(async (n) => ({ name: n, bytes: new Uint8Array(await readFile(path.join(dir, n))) })));
const bytes = articles.reduce((s, a) => s + a.bytes.length, 0);

/** Parses the bundle `rounds` times; returns wall-clock and CPU seconds. */
function run(rounds) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    const corpus = new mod.Corpus();
    // Distinct names so the duplicate check does not skip work: it compares texts, which stay the same,
    // so one corpus per round.
    for (const a of articles) corpus.addBytes(a.name, a.bytes);
    corpus.free();
  }
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
}

run(20); // warm-up
const rounds = 400;
const results = [];
for (let k = 0; k < 5; k++) results.push(run(rounds));
const median = (/** @type {'wall' | 'cpu'} */ key) => results.map((r) => r[key]).sort((a, b) => a - b)[2];
const mb = (bytes * rounds) / 1e6;
console.log(`${pkg[1]}: ${names.length} articles, ${bytes} bytes; ${rounds} rounds x5`);
console.log(`parse throughput (wasm, Node ${process.version}): ${(mb / median('wall')).toFixed(2)} MB/s wall-clock, ${(mb / median('cpu')).toFixed(2)} MB/s of CPU time`);
