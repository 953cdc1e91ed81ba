// node scripts/bench/once.mjs PKG_DIR CORPUS_DIR: one whole-pipeline run of a wasm build on a folder of articles
// (`new Corpus()`, `addText` per article, `export()`), timed by wall clock and by this process's CPU time. For paired
// comparisons of two builds (two commits' `target/bench-pkg` or `www/pkg`) run alternately in the same minutes; the
// bench's own tables come from `npm run bench`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, runPipeline } from './engine.mjs';

const [dir, corpus] = process.argv.slice(2);
if (!dir || !corpus) throw new Error('usage: node scripts/bench/once.mjs PKG_DIR CORPUS_DIR');
const { mod } = await loadEngine(path.resolve(dir));
/** @type {Record<string, {published?: string, outlet?: string}>} */
const meta = {};
try {
  for (const a of JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')).articles) meta[a.file] = a;
} catch {
  // no manifest: articles undated
}
const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
const articles = files.map((f) => ({ name: f, text: readFileSync(path.join(corpus, f), 'utf8'), published: meta[f]?.published, outlet: meta[f]?.outlet }));
const c0 = process.cpuUsage();
const t0 = performance.now();
const model = runPipeline(mod, articles);
const wallMs = Math.round(performance.now() - t0);
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({ dir, articles: model.articles.length, claims: model.claims?.length, wallMs, cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
