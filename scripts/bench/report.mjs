// Writes BENCHMARKS.md and docs/benchmarks.svg from the results of one run of scripts/bench.mjs.
// Figures come only from the results object; the hand-written notes (no figures) come from scripts/bench/notes.md.
import { writeFileSync, readFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './generate.mjs';

const mbps = (/** @type {number} */ bytes, /** @type {number} */ ms) => bytes / 1e6 / (ms / 1e3);
const f = (/** @type {number} */ x, d = 1) => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '–');
const mb = (/** @type {number} */ b) => `${f(b / 1e6, 0)} MB`;
const pct = (/** @type {number | null | undefined} */ x) => (x === null || x === undefined ? '–' : `${f(100 * x, x !== 0 && Math.abs(x) < 0.001 ? 4 : 1)}%`);

/** @param {any} m */
function cell(m) {
  if (!m) return '–';
  if (m.status === 'ok' && m.ci) return `${f(m.median, m.median < 10 ? 2 : 0)} ms (95% CI ${f(m.min, m.min < 10 ? 2 : 0)}–${f(m.max, m.max < 10 ? 2 : 0)}, ${m.reps} criterion samples)`;
  if (m.status === 'ok') return `${f(m.median, m.median < 10 ? 2 : 0)} ms (${f(m.min, m.min < 10 ? 2 : 0)}–${f(m.max, m.max < 10 ? 2 : 0)}, n=${m.reps})`;
  if (m.status === 'capped') return m.total === 1 ? `capped at ${f(m.capMs / 1000, 0)} s (did not finish)` : `capped at ${f(m.capMs / 1000, 0)} s (${m.done} of ${m.total} steps done)`;
  if (m.status === 'unavailable') return `not measured: ${m.why}`;
  return `failed: ${m.why}`;
}

/** Target checks: [label, measured text, met?]. @param {any} r */
function targets(r) {
  /** @type {[string, string, string][]} */
  const rows = [];
  const t = (/** @type {string} */ name) => r.tasks.find((/** @type {any} */ x) => x.task.startsWith(name));
  /** @param {string} label @param {any} tk @param {string} peer @param {number} want */
  const ratio = (label, tk, peer, want) => {
    const s = tk?.impls.storylines;
    const p = tk?.impls[peer];
    if (s?.status !== 'ok') return rows.push([label, `storylines not measured (${s?.why ?? s?.status ?? 'no task'})`, 'not measured']);
    if (p?.status === 'capped') return rows.push([label, `${peer} capped at ${f(p.capMs / 1000, 0)} s`, 'met (peer capped)']);
    if (p?.status !== 'ok') return rows.push([label, `${peer} not measured`, 'not measured']);
    const x = p.median / s.median;
    rows.push([label, `${f(x, 1)}×`, x >= want ? 'met' : 'missed']);
  };
  ratio('dates ≥ 10× chrono-node', t('date'), 'chrono-node', 10);
  ratio('entities ≥ 10× wink-nlp', t('entity'), 'wink-nlp', 10);
  ratio('sentences ≥ 2× Intl.Segmenter', t('sentence'), 'Intl.Segmenter', 2);
  ratio('word diff ≥ 50× jsdiff diffWords', t('pairwise'), 'jsdiff diffWords', 50);
  ratio('word diff ≥ 10× diff-match-patch', t('pairwise'), 'diff-match-patch (word mode + semantic cleanup)', 10);
  const near = r.tasks.filter((/** @type {any} */ x) => x.task.startsWith('near-duplicate'));
  ratio('near-duplicate detection ≥ 5× minhash at 10,000', near.find((/** @type {any} */ x) => x.input.includes('10,000')), 'minhash (LSH)', 5);
  const recalled = near.filter((/** @type {any} */ x) => x.impls.storylines?.quality).at(-1);
  if (recalled) {
    const rq = recalled.impls.storylines.quality;
    rows.push([`near-duplicate recall ≥ 99% (largest corpus with the exact answer: ${recalled.input})`, `${pct(rq.recall)} of ${rq.truth} pairs`, rq.recall >= 0.99 ? 'met' : 'missed']);
  }
  if (r.diffCheck) rows.push(['word diff reconstructs both texts exactly', `${r.diffCheck.exact} of ${r.diffCheck.total} pairs`, r.diffCheck.exact === r.diffCheck.total ? 'met' : 'missed']);
  const q = r.quality?.dates;
  if (q && q.storylines !== null) rows.push(['date accuracy ≥ chrono-node on Duckling', `${pct(q.storylines)} vs ${pct(q.chrono)}`, q.storylines >= q.chrono ? 'met' : 'missed']);
  for (const [n, limit] of [[1000, 2000], [10000, 20000]]) {
    const row = r.pipeline.find((/** @type {any} */ p) => p.n === n && p.corpus !== 'bundle');
    if (!row) continue;
    rows.push([`${n.toLocaleString('en-US')} articles < ${limit / 1000} s in wasm`, row.wasm.status === 'ok' ? `${f(row.wasm.median / 1000, 2)} s` : cell(row.wasm), row.wasm.status === 'ok' && row.wasm.median < limit ? 'met' : 'missed']);
    rows.push([`memory < 1 GB at ${n.toLocaleString('en-US')} articles`, row.wasm.status === 'ok' ? `wasm ${mb(row.wasmMemory)}, peak RSS ${mb(row.maxRss)}` : 'not measured (the run did not finish)', row.wasm.status !== 'ok' ? 'not measured' : row.maxRss < 1e9 ? 'met' : 'missed']);
  }
  if (r.growth !== null) rows.push(['cost per article flat or nearly so', `time ∝ N^${f(r.growth, 2)}`, r.growth <= 1.15 ? 'met' : 'missed']);
  const big = r.pipeline.filter((/** @type {any} */ p) => p.wasm.status === 'ok' && p.corpus !== 'bundle').at(-1);
  if (big && r.scan.wasm?.status === 'ok') {
    const frac = mbps(big.bytes, big.wasm.median) / mbps(r.scan.bytes, r.scan.wasm.median);
    rows.push(['annotation throughput > 10% of the wasm byte scan', `${pct(frac)} (whole pipeline, ${big.corpus})`, frac > 0.1 ? 'met' : 'missed']);
  }
  return rows;
}

/** A small horizontal bar chart of throughput (MB/s, log scale) per task and implementation. @param {any} r */
function svg(r) {
  /** @type {{label: string, impl: string, v: number}[]} */
  const bars = [];
  for (const tk of r.tasks) {
    if (tk.task.startsWith('near-duplicate') && !tk.input.includes('1,000')) continue;
    for (const [impl, m] of Object.entries(tk.impls)) if (/** @type {any} */ (m).status === 'ok') bars.push({ label: tk.task.replace(/ \(.*/, '') + (tk.task.startsWith('near') ? ' (1,000)' : ''), impl, v: mbps(tk.bytes, /** @type {any} */ (m).median) });
  }
  for (const p of r.pipeline) if (p.wasm.status === 'ok' && p.corpus !== 'bundle') bars.push({ label: `whole pipeline, ${p.corpus}`, impl: 'storylines', v: mbps(p.bytes, p.wasm.median) });
  const W = 760;
  const rowH = 18;
  const left = 330;
  const max = Math.max(...bars.map((b) => b.v), 1);
  const min = Math.min(...bars.map((b) => b.v), 0.01);
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const x = (/** @type {number} */ v) => left + ((Math.log10(v) - lo) / (hi - lo)) * (W - left - 60);
  const H = 40 + bars.length * rowH + 30;
  const esc = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">\n`;
  out += `<text x="10" y="18" font-size="13" font-weight="bold">Throughput, MB/s (log scale; longer is faster) — ${esc(r.machine.date.slice(0, 10))}, ${esc(r.machine.cpu)}</text>\n`;
  for (let e = lo; e <= hi; e++) out += `<line x1="${x(10 ** e)}" y1="28" x2="${x(10 ** e)}" y2="${H - 24}" stroke="#ddd"/><text x="${x(10 ** e)}" y="${H - 10}" text-anchor="middle">${10 ** e >= 1 ? 10 ** e : (10 ** e).toFixed(-e)}</text>\n`;
  bars.forEach((b, i) => {
    const y = 32 + i * rowH;
    const color = b.impl === 'storylines' ? '#2b6cb0' : '#a0aec0';
    out += `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${esc(`${b.label}: ${b.impl}`)}</text><rect x="${left}" y="${y + 2}" width="${Math.max(1, x(b.v) - left)}" height="${rowH - 5}" fill="${color}"/><text x="${x(b.v) + 4}" y="${y + 12}">${f(b.v, b.v < 10 ? 2 : 0)}</text>\n`;
  });
  return `${out}</svg>\n`;
}

/** @param {any} r */
export function writeReport(r) {
  const L = [];
  L.push('# Benchmarks', '');
  L.push(`Generated by \`${r.command}\` on ${r.machine.date.replace('T', ' ').slice(0, 16)} UTC (commit \`${r.machine.commit}\`), in ${f(r.elapsed, 0)} s. Every figure below comes from that run: rerun the command to refresh them, never edit them by hand.`, '');
  L.push(`- **Machine:** ${r.machine.cpu}, ${r.machine.cores} cores, ${mb(r.machine.memory)} RAM; load average at the end ${r.machine.load.map((/** @type {number} */ x) => f(x, 2)).join(' / ')} (other work was running on the machine when the load is above 1).`);
  L.push(`- **Versions:** Node ${r.machine.node}; storylines ${r.machine.engine} (release wasm, ${f(r.machine.wasmBytes / 1024, 0)} KB, \`--target web\`, loaded in the same Node process); ${Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join(', ')} (pinned exactly in package.json and package-lock.json).`);
  L.push(`- **Method:** each task is one pass over identical inputs: a warm-up pass, then repetitions (at least 3 unless a pass is long; at most 15 or about 3 s), median with min–max. Each peer is capped at ${f(r.cap / 1000, 0)} s per task and size; a capped run is reported as capped with how far it got, never as a figure. The corpus is generated deterministically by \`scripts/bench/generate.mjs\` from the fixture articles (stories of 3–12 articles with near-copies and rewrites).`);
  L.push('', '![Throughput chart](docs/benchmarks.svg)', '');

  L.push('## Targets', '', '| target | measured | verdict |', '|---|---|---|');
  for (const [a, b, c] of targets(r)) L.push(`| ${a} | ${b} | ${c} |`);
  L.push('');

  L.push('## Single tasks (identical inputs, one Node process)', '');
  L.push('Speed-up = the peer\'s median time ÷ storylines\' median time (above 1: storylines is faster).', '');
  L.push('| task | input | implementation | median (min–max, reps) | MB/s | storylines speed-up | quality on this input |', '|---|---|---|---|---|---|---|');
  for (const tk of r.tasks) {
    const s = tk.impls.storylines;
    for (const [impl, m] of Object.entries(tk.impls)) {
      const mm = /** @type {any} */ (m);
      const speed = mm.status === 'ok' ? f(mbps(tk.bytes, mm.median), 2) : '–';
      const ratio = mm.native
        ? s?.status === 'ok' && mm.status === 'ok' ? `wasm takes ${f(s.median / mm.median, 2)}× native` : ''
        : impl !== 'storylines' && s?.status === 'ok' && mm.status === 'ok' ? `${f(mm.median / s.median, 1)}×` : '';
      const q = mm.quality ? `recall ${pct(mm.quality.recall)} of ${mm.quality.truth} exact pairs (${mm.quality.found} reported)` : '';
      L.push(`| ${tk.task} | ${tk.input}, ${f(tk.bytes / 1e3, 0)} KB | ${impl} | ${cell(m)} | ${speed} | ${ratio} | ${q} |`);
    }
  }
  if (r.diffCheck) L.push('', `Word diff check: the storylines diff rebuilds both texts exactly for ${r.diffCheck.exact} of ${r.diffCheck.total} pairs.`);
  L.push('');

  L.push('## Whole pipeline (cross-referencing in wasm; native CLI; the glued JavaScript pipeline)', '');
  L.push('wasm: `new Corpus()`, `addText` per article, `export()` to a JS object, in this Node process. Native: `target/release/storylines export --manifest …` on the same files (includes reading files and writing JSON to /dev/null). Glued JS: sbd + chrono-node + compromise per article, MinHash LSH candidate pairs, jsdiff `diffWords` per candidate pair. Sizes run in ascending order, so wasm linear memory (which never shrinks) after a size is its high-water mark; RSS is the whole Node process (peers included).', '');
  L.push('| corpus | articles | size | storylines wasm | ms / article | MB/s | native CLI | wasm ÷ native | native library (criterion) | glued JS pipeline | wasm memory | peak RSS of the process | found |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const p of r.pipeline) {
    const w = p.wasm;
    const ok = w.status === 'ok';
    const nat = p.native?.status === 'ok' && ok ? `${f(w.median / p.native.median, 2)}×` : '–';
    const c = p.counts ? Object.entries(p.counts).filter(([, v]) => v !== undefined).map(([k, v]) => `${v} ${k}`).join(', ') : '';
    const crit = r.criterion?.[`pipeline/${p.n}`];
    L.push(`| ${p.corpus} | ${p.n.toLocaleString('en-US')} | ${f(p.bytes / 1e6, 2)} MB | ${cell(w)} | ${ok ? f(w.median / p.n, 2) : '–'} | ${ok ? f(mbps(p.bytes, w.median), 2) : '–'} | ${p.native ? cell(p.native) : 'not measured'} | ${nat} | ${p.corpus !== 'bundle' && crit ? cell(crit) : '–'} | ${cell(p.glued)} | ${mb(p.wasmMemory)} | ${mb(p.maxRss)} | ${c} |`);
  }
  if (r.growth !== null) L.push('', `Growth exponent (least-squares slope of log time over log articles, generated corpora): **${f(r.growth, 2)}** (1.00 = cost per article flat).`);
  if (r.native && typeof r.native === 'string') L.push('', `Native: ${r.native}.`);
  L.push('');

  L.push('## Reference: the machine\'s limit', '');
  L.push(`A newline count over the ${f(r.scan.bytes / 1e6, 1)} MB of the largest corpus: plain JavaScript loop over a Uint8Array, and \`byteScan\` in wasm (including the copy into wasm memory).`, '');
  L.push('| scan | median | MB/s |', '|---|---|---|');
  for (const [k, m] of [['plain JS', r.scan.js], ['wasm byteScan', r.scan.wasm]]) L.push(`| ${k} | ${cell(m)} | ${m?.status === 'ok' ? f(mbps(r.scan.bytes, m.median), 0) : '–'} |`);
  if (r.scan.nativeSmall?.status === 'ok') L.push(`| native (criterion, the ${f(r.scan.smallBytes / 1e3, 0)} KB single-task input) | ${cell(r.scan.nativeSmall)} | ${f(mbps(r.scan.smallBytes, r.scan.nativeSmall.median), 0)} |`);
  if (r.scan.wasm?.status === 'ok') {
    L.push('');
    for (const p of r.pipeline.filter((/** @type {any} */ x) => x.wasm.status === 'ok' && x.corpus !== 'bundle')) L.push(`- Whole pipeline on ${p.corpus}: ${f(mbps(p.bytes, p.wasm.median), 2)} MB/s = ${pct(mbps(p.bytes, p.wasm.median) / mbps(r.scan.bytes, r.scan.wasm.median))} of the wasm byte scan.`);
  }
  L.push('');

  L.push('## Quality on public data', '');
  const q = r.quality;
  if (!q) L.push('Not measured in this run (give the dev-data folder: `npm run bench -- --dev-data ../shared/dev-data`).');
  else {
    L.push('| measure | data | storylines | peers |', '|---|---|---|---|');
    if (q.dates) L.push(`| date exact-value accuracy (non-latent cases; values compared with trailing \`:00\` dropped; chrono-node rendered at the expected grain, which favours it) | Duckling English corpus, ${q.dates.cases} phrases, reference 2013-02-12 04:30 UTC−2 (storylines gets the date only) | ${pct(q.dates.storylines)} | chrono-node ${pct(q.dates.chrono)} |`);
    if (q.sentences) L.push(`| sentence boundary F1 | ECB+ dev, ${q.ecbDocs} articles (gold: one sentence per line after the first two lines, joined with spaces) | ${pct(q.sentences.storylines)} | Intl.Segmenter ${pct(q.sentences['Intl.Segmenter'])}, sbd ${pct(q.sentences.sbd)} |`);
    if (q.entities) L.push(`| entity mention recall (gold capitalised person, organisation and place mentions after the first two lines, ${q.entities.gold} in all; any overlap counts) | ECB+ dev | ${pct(q.entities.storylines)} | compromise ${pct(q.entities.compromise)}; wink-nlp's lite model has no name entities |`);
    if (q.linking) L.push(`| cross-article linking: pairwise precision / recall of "same entity" over the gold chains (mentions of different articles; ${q.linking.matched} of ${q.linking.goldMentions} gold mentions matched an exported mention) | ECB+ dev, whole pipeline per cluster | ${pct(q.linking.precision)} / ${pct(q.linking.recall)} | none of the peers links across articles |`);
    if (q.dates?.slMisses?.length) L.push('', `Examples of date misses: ${q.dates.slMisses.map((/** @type {string} */ s) => `\`${s}\``).join('; ')}.`);
  }
  L.push('');
  L.push('## In headless Chromium', '');
  const b = r.browser;
  if (!b) L.push('Not measured in this run.');
  else if (b.error) L.push(`The browser benchmark failed: ${b.error}`);
  else {
    L.push(`\`scripts/bench-browser.mjs\` (run by \`npm run bench\`; alone: \`node scripts/bench-browser.mjs ${b.n}\`): Debian's Chromium ${b.chromium}, headless, ${b.n.toLocaleString('en-US')} generated articles (${f(b.bytes / 1e6, 1)} MB) served from memory. Long tasks come from a \`PerformanceObserver\` for \`longtask\` on the page's main thread; the target is none over 100 ms.`, '');
    L.push('| route | cross-referenced after | painted after | long tasks | longest task | progress shown |', '|---|---|---|---|---|---|');
    for (const [label, x] of [['worker bridge (`www/engine/client.js`, the engine in its Web Worker), no rendering', b.client], ['`<storylines-explorer>` element (fetch, engine in its worker, render)', b.element]]) {
      if (!x) continue;
      if (x.timedOut) L.push(`| ${label} | did not finish within ${f(x.timedOut / 1000, 0)} s | – | ${x.longTasks.length} so far | ${f(x.longest, 0)} ms so far | – |`);
      else if (x.error) L.push(`| ${label} | failed: ${x.error} | | | | |`);
      else L.push(`| ${label} | ${f(x.analysed, 0)} ms | ${f(x.painted, 0)} ms | ${x.longTasks.length} | ${f(x.longest, 0)} ms ${x.longest <= 100 ? '(met)' : '(missed)'} | ${x.statuses?.length ? x.statuses.map((/** @type {any} */ s) => `${s.t} ms: “${s.text}”`).join('; ') : 'none (no element)'} |`);
    }
  }
  L.push('');
  const notes = path.join(ROOT, 'scripts', 'bench', 'notes.md');
  if (existsSync(notes)) L.push(readFileSync(notes, 'utf8').trim(), '');
  writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), `${L.join('\n')}\n`);
  mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  writeFileSync(path.join(ROOT, 'docs', 'benchmarks.svg'), svg(r));
}
