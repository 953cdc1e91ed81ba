// npm run bench [-- --dev-data DIR] [--quick]: storylines (wasm, in this Node process) against the JavaScript
// libraries people use today, on identical inputs, plus the whole pipeline on generated corpora, a byte-scan
// reference, memory, the native CLI, and quality on public data. Writes BENCHMARKS.md and docs/benchmarks.svg.
// Not part of npm test. Every figure in BENCHMARKS.md comes from this script; never edit them by hand.
import { writeFileSync, mkdirSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync, execSync } from 'node:child_process';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { generate, ROOT } from './bench/generate.mjs';
import { measure, eachUntil, growthExponent, Capped } from './bench/timing.mjs';
import * as peers from './bench/peers.mjs';
import { loadEngine, has, wordDiffPieces } from './bench/engine.mjs';
import { quality } from './bench/quality.mjs';
import { glued } from './bench/glued.mjs';
import { writeReport } from './bench/report.mjs';
import { browserBench } from './bench-browser.mjs';

const args = process.argv.slice(2);
const devData = args.includes('--dev-data') ? path.resolve(args[args.indexOf('--dev-data') + 1]) : null;
const quick = args.includes('--quick'); // a smoke run: small sizes, short budgets (figures not written)
// --only pipeline,native,criterion,glued,scan,tasks,quality,browser: run only these sections (figures not written);
// `sentences`, `dates` and `entities` are single tasks of `tasks` alone
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const want = (/** @type {string} */ section) => !only || only.includes(section);
const CAP = quick ? 5_000 : 60_000;
const PIPELINE_CAP = quick ? 20_000 : 90_000; // storylines' own whole-pipeline runs (reported as a miss when reached)
const SIZES = quick ? [100, 300] : [100, 1000, 10000];
const t0 = performance.now();
const log = (/** @type {string} */ msg) => console.error(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

const { mod, wasmBytes } = await loadEngine();
const bytesOf = (/** @type {{text: string}[]} */ xs) => xs.reduce((s, a) => s + Buffer.byteLength(a.text), 0);

// ---- inputs ------------------------------------------------------------------------------------------------------
const biggest = generate(SIZES[SIZES.length - 1]);
const corpora = SIZES.map((n) => ({ name: `generated ${n.toLocaleString('en-US')}`, n, articles: biggest.articles.slice(0, n) }));
const bundleDir = path.join(ROOT, 'www', 'articles');
const bundleManifest = JSON.parse(readFileSync(path.join(bundleDir, 'manifest.json'), 'utf8'));
const bundle = bundleManifest.articles.map((/** @type {any} */ e) => ({ name: e.file, text: readFileSync(path.join(bundleDir, e.file), 'utf8'), published: e.published ?? undefined, outlet: e.outlet ?? undefined }));
const singles = corpora[0].articles; // single-stage tasks run per article over the 100-article corpus
const singleBytes = bytesOf(singles);
/** Pairs for the word diff: each story's first article against each of its other articles. */
const diffPairs = [];
for (const s of biggest.stories) {
  for (const other of s.articles.slice(1)) if (diffPairs.length < 40) diffPairs.push([s.articles[0].text, other.text]);
}
const diffBytes = diffPairs.reduce((s, [a, b]) => s + Buffer.byteLength(a) + Buffer.byteLength(b), 0);
log(`inputs: ${biggest.articles.length} generated articles (${(bytesOf(biggest.articles) / 1e6).toFixed(1)} MB), ${singles.length} for single tasks (${(singleBytes / 1e3).toFixed(0)} KB), ${diffPairs.length} diff pairs`);

const available = { times: false, entities: false };
/** @type {any} */
const results = { quick, cap: CAP, tasks: [], pipeline: [], scan: {}, quality: null, native: null };
const NA = (/** @type {string} */ why) => ({ status: 'unavailable', why });
/** A measurement of a per-item pass. @param {any[]} items @param {(x: any) => unknown} fn */
const perItem = (items, fn) => measure((deadline) => eachUntil(items, fn, deadline), { capMs: CAP });
/** @param {string} task @param {string} input @param {number} bytes @param {string} target @param {Record<string, any>} m */
const task = (task, input, bytes, target, m) => {
  results.tasks.push({ task, input, bytes, target, impls: m });
  for (const [k, v] of Object.entries(m)) log(`${task} / ${k}: ${v.status === 'ok' ? `${v.median.toFixed(1)} ms, ${(bytes / 1e6 / (v.median / 1e3)).toFixed(2)} MB/s` : v.status + (v.why ? ` (${v.why})` : v.done !== undefined ? ` (${v.done}/${v.total})` : '')}`);
};
/** Stage that answers nothing on every input is a stub in this build. @param {() => unknown[][]} probe */
const stageWorks = (probe) => probe().some((r) => r.length > 0);

// ---- 1. whole pipeline: each corpus in a worker thread with a fresh wasm instance, stopped at the cap ------------
/** @param {{name: string, text: string, published?: string, outlet?: string}[]} articles @param {number} n */
async function pipelineInWorker(articles, n, task = 'pipeline', cap = PIPELINE_CAP) {
  const opts = { capMs: cap, budgetMs: n >= 10000 ? 0 : 5_000, minReps: n >= 10000 ? 1 : 3, maxReps: n >= 1000 ? 3 : 15 };
  const worker = new Worker(new URL('./bench/pipeline-worker.mjs', import.meta.url), { workerData: { articles, opts, task } });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
  const t = performance.now();
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.terminate();
        resolve({ m: { status: 'capped', capMs: cap, done: 0, total: 1 }, counts: null, wasmMemory: NaN });
      }, cap + 5_000);
      worker.on('message', (msg) => { clearTimeout(timer); resolve(msg); });
      worker.on('error', (e) => { clearTimeout(timer); resolve({ m: { status: 'failed', why: String(e) }, counts: null, wasmMemory: NaN }); });
    });
  } finally {
    clearInterval(sampler);
    await worker.terminate();
    log(`  (${((performance.now() - t) / 1000).toFixed(0)} s in the worker)`);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    lastPeakRss = peakRss;
  }
}
let lastPeakRss = 0;
const SKIPPED = (/** @type {string} */ what) => ({ status: 'unavailable', why: `not run: ${what} already reached the cap at a smaller size` });
for (const c of want('pipeline') ? [{ name: 'bundle', n: bundle.length, articles: bundle }, ...corpora] : []) {
  const bytes = bytesOf(c.articles);
  const prev = results.pipeline.at(-1);
  const { m, counts, wasmMemory } = /** @type {any} */ (prev && prev.wasm.status !== 'ok' ? { m: SKIPPED('storylines'), counts: null, wasmMemory: NaN } : await pipelineInWorker(c.articles, c.n));
  const row = { corpus: c.name, n: c.n, bytes, wasm: m, counts, wasmMemory, rss: lastPeakRss, maxRss: lastPeakRss, glued: null, native: null };
  results.pipeline.push(row);
  log(`pipeline ${c.name}: ${m.status === 'ok' ? `${m.median.toFixed(0)} ms (${m.reps} reps)` : m.status}, wasm memory ${(wasmMemory / 1e6).toFixed(0)} MB, peak rss ${(lastPeakRss / 1e6).toFixed(0)} MB`);
}

// ---- 2. the native CLI on the same corpora ---------------------------------------------------------------------------------
const cli = path.join(ROOT, 'target', 'release', 'storylines');
if (!want('native')) {
  results.native = 'not run (--only)';
} else if (existsSync(cli)) {
  const tmp = path.join(os.tmpdir(), 'storylines-bench');
  rmSync(tmp, { recursive: true, force: true });
  for (const [k, row] of results.pipeline.entries()) {
    if (k > 0 && results.pipeline[k - 1].native?.status !== 'ok') {
      row.native = SKIPPED('the native CLI');
      continue;
    }
    const articles = row.corpus === 'bundle' ? bundle : biggest.articles.slice(0, row.n);
    const dir = path.join(tmp, String(row.n));
    mkdirSync(dir, { recursive: true });
    for (const a of articles) writeFileSync(path.join(dir, a.name), a.text);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ articles: articles.map((a) => ({ file: a.name, published: a.published ?? null, outlet: a.outlet ?? null })) }));
    const reps = row.n >= 10000 ? 1 : 3;
    const m = measure(() => {
      const r = spawnSync(cli, ['export', '--manifest', path.join(dir, 'manifest.json')], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, timeout: PIPELINE_CAP });
      if (r.error && /ETIMEDOUT/.test(String(r.error))) throw new Capped(0, 1);
      if (r.status !== 0) throw new Error(`storylines export failed: ${r.stderr}`);
    }, { capMs: PIPELINE_CAP, budgetMs: 0, minReps: reps, maxReps: reps });
    row.native = m;
    log(`native CLI ${row.corpus}: ${m.status === 'ok' ? `${m.median.toFixed(0)} ms` : m.status}`);
  }
  rmSync(tmp, { recursive: true, force: true });
} else {
  results.native = 'target/release/storylines is missing (npm run bench builds it)';
  log(results.native);
}

// ---- 2b. the same stages natively (criterion, benches/pipeline.rs) on the same generated inputs ------------------------
const native = {};
if (!args.includes('--no-criterion') && want('criterion')) {
  const dataDir = path.join(ROOT, 'target', 'bench');
  mkdirSync(dataDir, { recursive: true });
  for (const n of [100, 1000]) {
    const xs = biggest.articles.slice(0, n);
    if (xs.length === n) writeFileSync(path.join(dataDir, `articles-${n}.jsonl`), `${xs.map((a) => JSON.stringify({ name: a.name, published: a.published, outlet: a.outlet, text: a.text })).join('\n')}\n`);
  }
  // A run that fails must not report an earlier run's estimates: they are removed first.
  rmSync(path.join(ROOT, 'target', 'criterion'), { recursive: true, force: true });
  const t = performance.now();
  const criterion = () => spawnSync('cargo', ['bench', '--bench', 'pipeline', '--', '--warm-up-time', '1', '--measurement-time', quick ? '1' : '3', '--noplot'], { cwd: ROOT, env: { ...process.env, STORYLINES_BENCH_DATA: dataDir }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 360_000 });
  let r = criterion();
  // Right after a release build, cargo can fail once on a stale artefact ("output filename collision", then
  // "panic strategy abort incompatible"); the next run builds cleanly.
  if (r.status !== 0) {
    log(`criterion: exit ${r.status}, run again: ${String(r.stderr).trim().split('\n').slice(-2).join(' / ')}`);
    r = criterion();
  }
  log(`criterion: exit ${r.status} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  for (const id of ['single/sentences', 'single/parse', 'single/dates', 'single/entities', 'single/word_diff', 'single/near_duplicates_100', 'single/byte_scan', 'pipeline/100']) {
    try {
      const est = JSON.parse(readFileSync(path.join(ROOT, 'target', 'criterion', ...id.split('/'), 'new', 'estimates.json'), 'utf8'));
      const sample = JSON.parse(readFileSync(path.join(ROOT, 'target', 'criterion', ...id.split('/'), 'new', 'sample.json'), 'utf8'));
      native[id] = { status: 'ok', median: est.median.point_estimate / 1e6, min: est.median.confidence_interval.lower_bound / 1e6, max: est.median.confidence_interval.upper_bound / 1e6, reps: sample.iters.length, ci: true };
    } catch {
      native[id] = NA('no criterion estimate in this run');
    }
  }
}
results.criterion = native;
const nativeRow = (/** @type {string} */ id) => ({ ...(native[id] ?? NA('criterion not run (--no-criterion)')), native: true });

// ---- 3. the glued JavaScript pipeline on the same corpora (capped) -----------------------------------------------------------
for (const [k, row] of want('glued') ? results.pipeline.entries() : []) {
  if (k > 0 && results.pipeline[k - 1].glued?.status !== 'ok') {
    row.glued = SKIPPED('the glued pipeline');
    continue;
  }
  const articles = row.corpus === 'bundle' ? bundle : biggest.articles.slice(0, row.n);
  row.glued = measure((deadline) => glued(articles, deadline), { capMs: CAP, budgetMs: 0, minReps: 1, maxReps: row.n >= 1000 ? 1 : 3 });
  log(`glued JS pipeline ${row.corpus}: ${row.glued.status === 'ok' ? `${row.glued.median.toFixed(0)} ms` : `${row.glued.status} ${row.glued.done ?? ''}/${row.glued.total ?? ''}`}`);
}

// ---- 4. the machine's limit: a byte scan of the largest corpus --------------------------------------------------------------------
if (want('scan')) {
  const all = Buffer.from(biggest.articles.map((a) => a.text).join('\n'));
  const u8 = new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  const js = measure(() => {
    let n = 0;
    for (let i = 0; i < u8.length; i++) if (u8[i] === 10) n++;
    return n;
  }, { capMs: CAP });
  const w = measure(() => mod.byteScan(u8), { capMs: CAP });
  results.scan = { bytes: u8.length, js, wasm: has(mod, 'byteScan') ? w : NA('byteScan is not in this build'), nativeSmall: native['single/byte_scan'], smallBytes: singleBytes };
  log(`byte scan: js ${js.status === 'ok' ? (u8.length / 1e6 / (js.median / 1e3)).toFixed(0) : '?'} MB/s, wasm ${w.status === 'ok' ? (u8.length / 1e6 / (w.median / 1e3)).toFixed(0) : '?'} MB/s`);
}

// ---- 5. single tasks on identical inputs ------------------------------------------------------------------------------------------
const texts = singles.map((a) => a.text);
// `--only sentences` runs the sentence-splitting task alone (part of `tasks`).
if (want('tasks') || want('sentences')) {
  task('sentence splitting', `${singles.length} generated articles`, singleBytes, '≥ 2× Intl.Segmenter', {
    storylines: has(mod, 'splitSentences') ? perItem(texts, (t) => mod.splitSentences(t)) : NA('splitSentences is not in this build'),
    'Intl.Segmenter': perItem(texts, peers.intlSentences),
    sbd: perItem(texts, peers.sbdSentences),
    'storylines, native': nativeRow('single/sentences'),
  });
}
if (want('tasks') || want('dates')) {
  const datesOk = available.times = has(mod, 'extractTimes') && stageWorks(() => singles.slice(0, 10).map((a) => mod.extractTimes(a.text, a.published)));
  task('date extraction (reference date; bare text)', `${singles.length} generated articles`, singleBytes, '≥ 10× chrono-node', {
    storylines: datesOk ? perItem(singles, (a) => mod.extractTimes(a.text, a.published)) : NA('not available in this build (the time stage finds nothing: not merged yet)'),
    'chrono-node': perItem(singles, (a) => peers.chronoDates(a.text, new Date(`${a.published}T12:00:00Z`))),
    'storylines, native': nativeRow('single/dates'),
  });
}
if (want('tasks') || want('entities')) {
  const entitiesOk = available.entities = has(mod, 'extractEntities') && stageWorks(() => texts.slice(0, 10).map((t) => mod.extractEntities(t)));
  task('entity extraction', `${singles.length} generated articles`, singleBytes, '≥ 10× wink-nlp', {
    storylines: entitiesOk ? perItem(texts, (t) => mod.extractEntities(t)) : NA('not available in this build (the entity stage finds nothing: not merged yet)'),
    'wink-nlp': perItem(texts, peers.winkEntities),
    compromise: perItem(texts, peers.compromiseEntities),
    'storylines, native': nativeRow('single/entities'),
  });
}
if (want('tasks')) {
  /** @type {any} */
  let diffCheck = null;
  if (has(mod, 'wordDiff')) {
    let exact = 0;
    for (const [a, b] of diffPairs) {
      const ops = wordDiffPieces(mod, a, b);
      const ra = ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
      const rb = ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');
      if (ra === a && rb === b) exact++;
    }
    diffCheck = { exact, total: diffPairs.length };
  }
  task('pairwise word diff', `${diffPairs.length} article pairs (original vs near-copy or rewrite)`, diffBytes, '≥ 50× jsdiff, ≥ 10× diff-match-patch', {
    storylines: diffCheck ? perItem(diffPairs, ([a, b]) => wordDiffPieces(mod, a, b)) : NA('not available in this build (wordDiff arrives with the diff module)'),
    'jsdiff diffWords': perItem(diffPairs, ([a, b]) => peers.jsdiffWords(a, b)),
    'diff-match-patch (word mode + semantic cleanup)': perItem(diffPairs, ([a, b]) => peers.dmpWords(a, b)),
    'storylines, native': nativeRow('single/word_diff'),
  });
  results.diffCheck = diffCheck;
  for (const c of corpora) {
    const ts = c.articles.map((a) => a.text);
    const asCapped = (/** @type {(d: number) => unknown} */ f) => measure((d) => {
      try {
        return f(d);
      } catch (e) {
        const capped = /** @type {any} */ (e).capped;
        if (capped) throw new Capped(capped.done, capped.total);
        throw e;
      }
    }, { capMs: CAP, budgetMs: 0, minReps: 1, maxReps: c.n >= 1000 ? 1 : 3 });
    const naive = asCapped((d) => peers.naiveNearDuplicates(ts, 0.5, d));
    const mh = asCapped((d) => peers.minhashNearDuplicates(ts, 0.5, d));
    /** @type {any} */
    let sl = NA('not available in this build (nearDuplicates arrives with the sketch module)');
    if (has(mod, 'nearDuplicates')) {
      const prevSl = results.tasks.filter((/** @type {any} */ t) => t.task.startsWith('near-duplicate')).at(-1)?.impls.storylines;
      if (prevSl && prevSl.status !== 'ok') sl = SKIPPED('storylines');
      else {
        const w = /** @type {any} */ (await pipelineInWorker(c.articles, c.n, 'nearDuplicates', CAP));
        sl = { ...w.m, result: w.counts?.pairs };
      }
    }
    const truth = naive.status === 'ok' ? new Set(/** @type {[number, number][]} */ (naive.result).map(([i, j]) => `${i},${j}`)) : null;
    /** @param {any} m */
    const recall = (m) => {
      if (!truth || m.status !== 'ok' || truth.size === 0) return null;
      const found = new Set(toPairs(m.result).map(([i, j]) => `${Math.min(i, j)},${Math.max(i, j)}`));
      let hit = 0;
      for (const p of truth) if (found.has(p)) hit++;
      return { recall: hit / truth.size, found: found.size, truth: truth.size };
    };
    task('near-duplicate detection (Jaccard ≥ 0.5 of word 5-shingles)', c.name, bytesOf(c.articles), 'faster than MinHash at equal recall', {
      storylines: { ...sl, quality: recall(sl) },
      'all-pairs Jaccard (naive)': { ...naive, quality: recall(naive) },
      'minhash (LSH)': { ...mh, quality: recall(mh) },
      ...(c.n === 100 ? { 'storylines, native': nativeRow('single/near_duplicates_100') } : {}),
    });
  }
}

/** Pairs from either [[i, j], …] or a flat [i, j, score, …] array. @param {any} r @returns {[number, number][]} */
function toPairs(r) {
  if (Array.isArray(r) && Array.isArray(r[0])) return r.map((p) => [p[0], p[1]]);
  const flat = Array.from(r ?? []);
  /** @type {[number, number][]} */
  const out = [];
  for (let k = 0; k + 2 < flat.length; k += 3) out.push([Number(flat[k]), Number(flat[k + 1])]);
  return out;
}

// ---- 6. quality on public data ------------------------------------------------------------------------------------------
if (devData && want('quality')) {
  log(`quality on ${devData}`);
  results.quality = await quality(mod, devData, log, available);
}

// ---- 7. in headless Chromium ---------------------------------------------------------------------------------------------
if (!args.includes('--no-browser') && want('browser')) {
  try {
    results.browser = await browserBench(quick ? 100 : 1000, log, quick ? 60_000 : 90_000);
  } catch (e) {
    results.browser = { error: String(e) };
    log(`browser benchmark failed: ${e}`);
  }
}

// ---- report -----------------------------------------------------------------------------------------------------------------
const okRows = results.pipeline.filter((/** @type {any} */ r) => r.corpus !== 'bundle' && r.wasm.status === 'ok');
results.growth = okRows.length >= 2 ? growthExponent(okRows.map((/** @type {any} */ r) => r.n), okRows.map((/** @type {any} */ r) => r.wasm.median)) : null;
results.machine = {
  cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memory: os.totalmem(),
  load: os.loadavg(),
  node: process.version,
  engine: has(mod, 'version') ? mod.version() : '?',
  commit: (() => { try { return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim(); } catch { return '?'; } })(),
  wasmBytes,
  date: new Date().toISOString(),
};
results.versions = peers.peerVersions();
results.elapsed = (performance.now() - t0) / 1000;
results.command = `npm run bench${devData ? ` -- --dev-data ${path.relative(ROOT, devData)}` : ''}`;
mkdirSync(path.join(ROOT, 'target', 'bench'), { recursive: true });
writeFileSync(path.join(ROOT, 'target', 'bench', quick || only ? 'results-quick.json' : 'results.json'), JSON.stringify(results, (k, v) => (k === 'result' ? undefined : v), 1));
if (quick || only) {
  log('quick or partial run: figures not written (see target/bench/results-quick.json)');
} else {
  writeReport(results);
  log('wrote BENCHMARKS.md and docs/benchmarks.svg');
}
log(`done in ${results.elapsed.toFixed(0)} s`);
