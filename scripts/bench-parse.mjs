// Parsing throughput of the release wasm in Node (MB/s): adds every bundled article to a fresh Corpus, many
// times over, and reports bytes parsed per second. Usage: npm run build && node scripts/bench-parse.mjs
// (the figure is recorded in docs/PERFORMANCE.md, "Parsing"). Export and alignment are not included.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = process.argv.includes('--html') ? ['pkg-html', 'storylines_html'] : ['pkg', 'storylines'];
const mod = await import(path.join(ROOT, 'www', pkg[0], `${pkg[1]}.js`));
mod.initSync({ module: await readFile(path.join(ROOT, 'www', pkg[0], `${pkg[1]}_bg.wasm`)) });

const dir = path.join(ROOT, 'www', 'articles');
const names = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
const articles = await Promise.all(names.map(async (n) => ({ name: n, bytes: new Uint8Array(await readFile(path.join(dir, n))) })));
const bytes = articles.reduce((s, a) => s + a.bytes.length, 0);

/** Parses the bundle `rounds` times; returns seconds. */
function run(rounds) {
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    const corpus = new mod.Corpus();
    // Distinct names so the duplicate check does not skip work: it compares texts, which stay the same,
    // so one corpus per round.
    for (const a of articles) corpus.addBytes(a.name, a.bytes);
    corpus.free();
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

run(20); // warm-up
const rounds = 400;
const results = [];
for (let k = 0; k < 5; k++) results.push(run(rounds));
results.sort((a, b) => a - b);
const median = results[2];
const mb = (bytes * rounds) / 1e6;
console.log(`${pkg[1]}: ${names.length} articles, ${bytes} bytes; ${rounds} rounds x5, median ${median.toFixed(3)} s`);
console.log(`parse throughput (wasm, Node ${process.version}): ${(mb / median).toFixed(2)} MB/s`);
