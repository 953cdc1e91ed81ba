// Scores chrono-node on the public temporal dev-data with the same rules as examples/eval_dates.rs, so that
// the two can be read side by side (docs/ACCURACY.md, section "Dates").
//
// Run: node scripts/eval-dates.mjs ../shared/dev-data
//
// One prediction per case (the first result overlapping the expected span, else the first result).
// precision = predictions overlapping the expected span / cases with a prediction (negatives count);
// recall = positives whose span is overlapped / positives;
// exact-value accuracy = positives whose value, rendered at the grain the expected value states, equals it.
// chrono-node resolves points, not grains, so its result is rendered at the expected grain (generous to it);
// storylines' value must match as it stands.

import fs from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';

const dir = process.argv[2] ?? '../shared/dev-data';
const verbose = process.argv.includes('--verbose');

/** @param {string} file */
function read(file) {
  return fs
    .readFileSync(path.join(dir, 'temporal', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** @param {number} n @param {number} w */
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** A naive local reference from `YYYY-MM-DDTHH:MM[:SS][zone]` (the zone is ignored, like the Rust side). */
function localDate(/** @type {string} */ s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (!m) return null;
  return new Date(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 12), +(m[5] ?? 0), +(m[6] ?? 0));
}

/** ISO week-numbering year and week of a calendar date. */
function isoWeek(/** @type {number} */ y, /** @type {number} */ mo, /** @type {number} */ d) {
  const t = new Date(Date.UTC(y, mo - 1, d));
  const day = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - day + 3);
  const wy = t.getUTCFullYear();
  const first = new Date(Date.UTC(wy, 0, 4));
  const week = 1 + Math.round((t.getTime() - first.getTime()) / 86400000 / 7 - ((first.getUTCDay() + 6) % 7 - 3) / 7);
  return `${wy}-W${pad(week)}`;
}

/** Renders a chrono component set at a grain. */
function render(/** @type {any} */ c, /** @type {string} */ grain) {
  const y = c.get('year');
  const mo = c.get('month');
  const d = c.get('day');
  const ymd = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  switch (grain) {
    case 'Year':
      return pad(y, 4);
    case 'Month':
      return `${pad(y, 4)}-${pad(mo)}`;
    case 'Quarter':
      return `${pad(y, 4)}-Q${Math.ceil(mo / 3)}`;
    case 'Week':
      return isoWeek(y, mo, d);
    case 'Day':
      return ymd;
    case 'Hour':
      return `${ymd}T${pad(c.get('hour'))}`;
    case 'Minute':
      return `${ymd}T${pad(c.get('hour'))}:${pad(c.get('minute'))}`;
    case 'TimeOnly':
      return `T${pad(c.get('hour'))}:${pad(c.get('minute'))}`;
    default:
      return `${ymd}T${pad(c.get('hour'))}:${pad(c.get('minute'))}:${pad(c.get('second'))}`;
  }
}

/** The grain a chrono test's expected value states. */
function grainOf(/** @type {string} */ v) {
  if (v.startsWith('T')) return 'TimeOnly';
  if (v.length === 4) return 'Year';
  if (v.length === 7) return 'Month';
  if (v.length === 10) return 'Day';
  if (v.length === 13) return 'Hour';
  if (v.length === 16) return 'Minute';
  return 'Second';
}

/** @typedef {{text: string, ref: Date, span: [number, number] | null, expected: string | null, grain: string, parser: any, options: any, holiday?: boolean}} Case */

/** @returns {Case | null} */
function chronoCase(/** @type {any} */ v) {
  if ((v.parser ?? '').includes('.fr')) return null;
  const ref = (v.ref_datetime && localDate(v.ref_datetime)) || (v.ref_raw && new Date(v.ref_raw)) || new Date(2020, 0, 1, 12);
  const parser = { 'chrono.strict': chrono.strict, 'chrono.casual': chrono.casual, 'chrono.en.GB': chrono.en.GB }[v.parser] ?? chrono;
  const options = typeof v.options === 'string' && v.options.includes('forwardDate: true') ? { forwardDate: true } : {};
  const e = v.expected?.[0];
  if (!e) return { text: v.text, ref, span: null, expected: null, grain: '', parser, options };
  const expected = e.value ?? e.value_time_only ?? '';
  const at = e.text ? v.text.indexOf(e.text) : -1;
  const span = at >= 0 ? /** @type {[number, number]} */ ([at, at + e.text.length]) : null;
  return { text: v.text, ref, span, expected, grain: grainOf(expected), parser, options };
}

/** @returns {Case | null} */
function ducklingCase(/** @type {any} */ v) {
  const e = v.expected?.[0];
  if (!e?.value) return null;
  const expected = e.value.split('/').find((/** @type {string} */ p) => p) ?? '';
  return { text: v.text, ref: localDate(v.ref_datetime) ?? new Date(2013, 1, 12, 4, 30), span: [0, v.text.length], expected, grain: e.grain, parser: chrono, options: {}, holiday: String(e.kind).includes('Holiday') };
}

const DATE_GRAINS = new Set(['Day', 'Week', 'Month', 'Quarter', 'Year']);

function score(/** @type {Case[]} */ cases, /** @type {string} */ name) {
  const s = { cases: 0, positives: 0, predicted: 0, predictedOk: 0, detected: 0, exact: 0, datePositives: 0, dateDetected: 0, dateExact: 0 };
  for (const c of cases) {
    s.cases++;
    let results = [];
    try {
      results = c.parser.parse(c.text, c.ref, c.options);
    } catch {
      results = [];
    }
    const overlaps = (/** @type {any} */ r) => c.span && r.index < c.span[1] && c.span[0] < r.index + r.text.length;
    const pick = (c.span && results.find(overlaps)) || results[0];
    if (pick) s.predicted++;
    if (c.expected === null) {
      if (verbose && pick) console.log(`  FP ${JSON.stringify(c.text)} -> ${pick.text}`);
      continue;
    }
    s.positives++;
    const dateGrain = DATE_GRAINS.has(c.grain);
    if (dateGrain) s.datePositives++;
    const detected = !!pick && (!c.span || overlaps(pick));
    if (detected) {
      s.predictedOk++;
      s.detected++;
      if (dateGrain) s.dateDetected++;
    }
    const got = pick ? render(pick.start, c.grain) : null;
    const exact = detected && got === c.expected;
    if (exact) {
      s.exact++;
      if (dateGrain) s.dateExact++;
    }
    if (verbose && !exact && dateGrain) console.log(`  ${name} ${JSON.stringify(c.text)}: want ${c.expected} got ${got}`);
  }
  return s;
}

const ratio = (/** @type {number} */ a, /** @type {number} */ b) => (b ? a / b : 0).toFixed(3);
const duckling = read('duckling_en.jsonl').map(ducklingCase).filter((c) => c !== null);
const sets = [
  ['chrono', read('chrono_en.jsonl').map(chronoCase).filter((c) => c !== null)],
  ['duckling', duckling],
  ['duckling, no holidays', duckling.filter((c) => !c.holiday)],
];
console.log(`chrono-node ${JSON.parse(fs.readFileSync(new URL('../node_modules/chrono-node/package.json', import.meta.url), 'utf8')).version} on ${dir}`);
console.log('set                     cases precision  recall exact-acc |  date cases  recall exact-acc');
for (const [name, cases] of /** @type {[string, Case[]][]} */ (sets)) {
  const s = score(cases, name);
  console.log(
    `${name.padEnd(22)} ${String(s.cases).padStart(6)} ${ratio(s.predictedOk, s.predicted).padStart(9)} ${ratio(s.detected, s.positives).padStart(7)} ${ratio(s.exact, s.positives).padStart(9)} | ${String(s.datePositives).padStart(11)} ${ratio(s.dateDetected, s.datePositives).padStart(7)} ${ratio(s.dateExact, s.datePositives).padStart(9)}`,
  );
}
