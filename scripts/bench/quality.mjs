// Quality next to speed, on public data that nobody here wrote (the dev-data folder given on the command line;
// nothing of it is copied into the repository):
// - dates: exact-value accuracy on Duckling's English corpus (storylines vs chrono-node);
// - sentences: boundary F1 on the ECB+ dev clusters (one gold sentence per line after the first two lines);
// - entities: recall of gold proper-name mentions (people, organisations, places) on the same clusters, and
//   cross-article linking (pairwise precision and recall of "same entity" over the gold cross-document chains).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import * as peers from './peers.mjs';
import { runPipeline, has } from './engine.mjs';

/** Drops ":00" seconds and minutes at the end of each side of a value, so `T07:00` equals `T07`. @param {string} v */
function norm(v) {
  return String(v)
    .split('/')
    .map((s) => s.replace(/(:00)+$/, '').replace(/T00$/, (m) => m))
    .join('/');
}

const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, '0');

/** ISO week of a calendar date. @param {number} y @param {number} m @param {number} d */
function isoWeek(y, m, d) {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return `${date.getUTCFullYear()}-W${pad(Math.ceil(((date.getTime() - yearStart) / 86400000 + 1) / 7))}`;
}

/** Renders chrono's components at Duckling's grain (lenient to chrono: the grain is given, not decided). @param {any} c @param {string} grain */
function chronoAt(c, grain) {
  const y = c.get('year');
  const mo = c.get('month');
  const d = c.get('day');
  const h = c.get('hour');
  const mi = c.get('minute');
  const s = c.get('second');
  switch (grain) {
    case 'Year': return `${y}`;
    case 'Quarter': return `${y}-Q${Math.floor((mo - 1) / 3) + 1}`;
    case 'Month': return `${y}-${pad(mo)}`;
    case 'Week': return isoWeek(y, mo, d);
    case 'Day': return `${y}-${pad(mo)}-${pad(d)}`;
    case 'Hour': return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}`;
    case 'Minute': return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
    default: return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  }
}

/**
 * The accepted values of a Duckling case: its value, and for a closed interval also the same interval with an
 * inclusive end (Duckling's end is exclusive; TIMEX-style taggers and chrono-node give the last unit).
 * @param {any} exp
 */
function accepted(exp) {
  const out = [norm(exp.value)];
  const [a, b] = String(exp.value).split('/');
  if (b && /^\d{4}-\d{2}-\d{2}/.test(b)) {
    const step = { Day: 86400000, Hour: 3600000, Minute: 60000, Second: 1000 }[/** @type {'Day'} */ (exp.grain)];
    if (step) {
      const t = new Date(`${b.length === 10 ? `${b}T00:00:00` : b.length === 13 ? `${b}:00:00` : b.length === 16 ? `${b}:00` : b}Z`).getTime() - step;
      const iso = new Date(t).toISOString();
      const end = { 10: iso.slice(0, 10), 13: iso.slice(0, 13), 16: iso.slice(0, 16), 19: iso.slice(0, 19) }[/** @type {10} */ (b.length)] ?? iso.slice(0, 19);
      out.push(norm(`${a}/${end}`));
    }
  }
  return out;
}

/** @param {any} mod @param {string} dir @param {boolean} slAvailable */
function dates(mod, dir, slAvailable) {
  const file = path.join(dir, 'temporal', 'duckling_en.jsonl');
  if (!existsSync(file)) return null;
  const cases = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((c) => !/latent/i.test(c.source ?? ''));
  let sl = 0;
  let ch = 0;
  /** @type {string[]} */
  const slMisses = [];
  for (const c of cases) {
    const exp = c.expected[0];
    const want = accepted(exp);
    if (slAvailable) {
      const found = /** @type {any[]} */ (mod.extractTimes(c.text, c.ref_date));
      if (found.some((f) => f.value && want.includes(norm(f.value)))) sl++;
      else if (slMisses.length < 8) slMisses.push(`${c.text} → ${found.map((f) => f.value).join(', ') || 'nothing'} (want ${exp.value})`);
    }
    const r = peers.chronoDates(c.text, new Date(c.ref_datetime), -120)[0];
    if (r) {
      const got = r.end && exp.kind.includes('Interval') ? `${chronoAt(r.start, exp.grain)}/${chronoAt(r.end, exp.grain)}` : chronoAt(r.start, exp.grain);
      if (want.includes(norm(got))) ch++;
    }
  }
  return { cases: cases.length, storylines: slAvailable ? sl / cases.length : null, chrono: ch / cases.length, slMisses };
}

/** Gold ECB+ articles: text, the gold sentences and the gold mentions. @param {string} dir */
function ecb(dir) {
  const root = path.join(dir, 'ecbplus-dev');
  if (!existsSync(root)) return [];
  /** @type {{cluster: string, name: string, text: string, bodyStart: number, sentences: string[], mentions: any[]}[]} */
  const out = [];
  for (const cluster of readdirSync(root).sort()) {
    for (const f of readdirSync(path.join(root, cluster)).filter((x) => x.endsWith('.txt')).sort()) {
      const text = readFileSync(path.join(root, cluster, f), 'utf8');
      const lines = text.split('\n');
      const bodyStart = (lines[0]?.length ?? 0) + 1 + (lines[1]?.length ?? 0) + 1;
      const meta = JSON.parse(readFileSync(path.join(root, cluster, f.replace(/\.txt$/, '.json')), 'utf8'));
      out.push({ cluster, name: f, text, bodyStart, sentences: lines.slice(2).map((l) => l.trim()).filter(Boolean), mentions: meta.mentions });
    }
  }
  return out;
}

/** Boundary F1: predicted sentence ends against gold ends (the text's own end excluded). @param {number[]} gold @param {number[]} pred */
function f1(gold, pred) {
  const g = new Set(gold);
  const p = new Set(pred);
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

/** @param {any} mod @param {ReturnType<typeof ecb>} docs */
function sentenceF1(mod, docs) {
  /** @type {Record<string, {tp: number, fp: number, fn: number}>} */
  const tot = {};
  /** @param {string} k @param {{tp: number, fp: number, fn: number}} r */
  const add = (k, r) => {
    tot[k] ??= { tp: 0, fp: 0, fn: 0 };
    tot[k].tp += r.tp;
    tot[k].fp += r.fp;
    tot[k].fn += r.fn;
  };
  for (const d of docs) {
    const input = d.sentences.join(' ');
    /** @type {number[]} */
    const gold = [];
    let pos = 0;
    for (const s of d.sentences) {
      pos += s.length;
      gold.push(pos);
      pos += 1;
    }
    gold.pop();
    const ends = (/** @type {number[]} */ flat) => flat.filter((_, i) => i % 2 === 1).filter((e) => e < input.length);
    if (has(mod, 'splitSentences')) add('storylines', f1(gold, ends(Array.from(mod.splitSentences(input)))));
    add('Intl.Segmenter', f1(gold, ends(peers.intlSentences(input))));
    /** @type {number[]} */
    const sbdEnds = [];
    let cursor = 0;
    for (const s of peers.sbdSentences(input)) {
      const at = input.indexOf(s, cursor);
      if (at < 0) continue;
      cursor = at + s.length;
      if (cursor < input.length) sbdEnds.push(cursor);
    }
    add('sbd', f1(gold, sbdEnds));
  }
  /** @type {Record<string, number>} */
  const out = {};
  for (const [k, { tp, fp, fn }] of Object.entries(tot)) out[k] = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  return out;
}

const NAME_TYPES = /^(HUMAN_PART_PER|HUMAN_PART_ORG|LOC_GEO|LOC_FAC|LOC_OTHER)$/;
/** Gold proper-name mentions of the body (capitalised, of a person, organisation or place type). @param {ReturnType<typeof ecb>[number]} d */
const goldNames = (d) => d.mentions.filter((m) => NAME_TYPES.test(m.type) && /^\p{Lu}/u.test(m.text) && m.start >= d.bodyStart);
const overlaps = (/** @type {number} */ s1, /** @type {number} */ e1, /** @type {number} */ s2, /** @type {number} */ e2) => s1 < e2 && s2 < e1;

/** @param {any} mod @param {ReturnType<typeof ecb>} docs @param {boolean} slAvailable */
function entityRecall(mod, docs, slAvailable) {
  /** @type {Record<string, number>} */
  const hit = { storylines: 0, compromise: 0 };
  let total = 0;
  for (const d of docs) {
    const gold = goldNames(d);
    total += gold.length;
    const sl = has(mod, 'extractEntities') ? /** @type {any[]} */ (mod.extractEntities(d.text)) : [];
    const cp = peers.compromiseEntities(d.text).map((/** @type {any} */ t) => ({ start: t.offset.start, end: t.offset.start + t.offset.length }));
    for (const g of gold) {
      if (sl.some((m) => overlaps(m.start, m.end, g.start, g.end))) hit.storylines++;
      if (cp.some((m) => overlaps(m.start, m.end, g.start, g.end))) hit.compromise++;
    }
  }
  return { gold: total, storylines: total && slAvailable ? hit.storylines / total : null, compromise: total ? hit.compromise / total : null };
}

/** Cross-article linking over the gold chains, per cluster through the whole pipeline. @param {any} mod @param {ReturnType<typeof ecb>} docs */
function linking(mod, docs) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let matched = 0;
  let total = 0;
  for (const cluster of [...new Set(docs.map((d) => d.cluster))]) {
    const cdocs = docs.filter((d) => d.cluster === cluster);
    const model = runPipeline(mod, cdocs.map((d) => ({ name: d.name, text: d.text })));
    const idOf = new Map(model.articles.map((/** @type {any} */ a) => [a.file, a.id]));
    /** @type {{article: string, chain: string, entity: string | null}[]} */
    const items = [];
    for (const d of cdocs) {
      const art = idOf.get(d.name);
      for (const g of goldNames(d)) {
        total++;
        let entity = null;
        for (const e of model.entities) {
          if (e.mentions.some((/** @type {any} */ m) => m.article === art && overlaps(m.start, m.end, g.start, g.end))) {
            entity = e.id;
            break;
          }
        }
        if (entity) matched++;
        items.push({ article: String(art), chain: g.cross_doc_chain, entity });
      }
    }
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i];
        const b = items[j];
        if (a.article === b.article) continue;
        const same = a.chain === b.chain;
        const said = a.entity !== null && a.entity === b.entity;
        if (same && said) tp++;
        else if (said) fp++;
        else if (same) fn++;
      }
    }
  }
  return { goldMentions: total, matched, precision: tp + fp ? tp / (tp + fp) : null, recall: tp + fn ? tp / (tp + fn) : null };
}

/**
 * @param {any} mod @param {string} dir @param {(msg: string) => void} log
 * @param {{times: boolean, entities: boolean}} available which storylines stages work in this build
 */
export async function quality(mod, dir, log, available) {
  const d = dates(mod, dir, available.times);
  log(`dates: ${d ? `storylines ${d.storylines}, chrono ${d.chrono} on ${d.cases} cases` : 'no data'}`);
  const docs = ecb(dir);
  const s = docs.length ? sentenceF1(mod, docs) : null;
  log(`sentences F1: ${JSON.stringify(s)}`);
  const e = docs.length ? entityRecall(mod, docs, available.entities) : null;
  log(`entity recall: ${JSON.stringify(e)}`);
  const l = docs.length && available.entities ? linking(mod, docs) : null;
  log(`linking: ${JSON.stringify(l)}`);
  return { dates: d, sentences: s, entities: e, linking: l, ecbDocs: docs.length };
}
