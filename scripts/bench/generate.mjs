// Deterministic corpus generator for the benchmark and the scaling example.
//
// Recombines and perturbs the sentences of the fixture articles (the bundle in www/articles and any .txt
// fixtures under tests/data) into N articles grouped into stories: each story has an original and articles
// that are near-copies (a few sentences reworded) or rewrites (reworded and mixed with other sentences), so
// that reuse, alignment and near-duplicate detection have something to find. Names, weekdays, months and
// numbers are swapped per story so that stories differ. Seeded: the same N gives the same bytes on every run,
// and the first N articles of a larger corpus are the corpus of size N.
//
// CLI: node scripts/bench/generate.mjs N [--out DIR] [--stories-jsonl FILE] [--articles-jsonl FILE]
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** mulberry32: a small seeded PRNG. @param {number} seed */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {string} dir @returns {string[]} */
function txtFiles(dir) {
  /** @type {string[]} */
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...txtFiles(p));
    else if (e.endsWith('.txt')) out.push(p);
  }
  return out;
}

/** The fixture files the generator draws from, in a fixed order. */
export function fixtureFiles() {
  return [...txtFiles(path.join(ROOT, 'www', 'articles')), ...txtFiles(path.join(ROOT, 'tests', 'data')).filter((f) => !f.includes(`${path.sep}expected${path.sep}`))];
}

/** Body sentences of the fixtures (lines of prose split at sentence ends). */
export function sentencePool() {
  /** @type {string[]} */
  const pool = [];
  for (const f of fixtureFiles()) {
    for (const para of readFileSync(f, 'utf8').split(/\n\s*\n/)) {
      const line = para.replace(/\s*\n\s*/g, ' ').trim();
      if (line.length < 60 || !/[.!?"”]$/.test(line)) continue;
      for (const s of line.split(/(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/)) if (s.length >= 30) pool.push(s);
    }
  }
  return [...new Set(pool)];
}

const FIRST = ['Amara', 'Bruno', 'Chiara', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tessa', 'Ulrich', 'Vera', 'Wen', 'Yusuf', 'Zofia'];
const LAST = ['Abara', 'Berger', 'Castillo', 'Dubois', 'Eriksen', 'Fontaine', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quispe', 'Rahman', 'Silva', 'Tanaka', 'Umarov', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zeller'];
const PLACES = ['Lisbon', 'Nairobi', 'Osaka', 'Quito', 'Tallinn', 'Hanoi', 'Accra', 'Bergen', 'Cusco', 'Dakar', 'Gdansk', 'Porto', 'Split', 'Tbilisi', 'Valencia'];
const OUTLETS = ['The Daily Ledger', 'Morning Courier', 'Harbor Times', 'Valley Herald', 'Global Wire', 'City Gazette', 'Northern Post', 'Evening Standard Review'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SYNONYMS = [['said', 'stated'], ['told', 'informed'], ['leader', 'head'], ['meeting', 'talks'], ['began', 'started'], ['appeared', 'seemed'], ['country', 'nation'], ['officials', 'authorities'], ['speech', 'address'], ['visit', 'trip'], ['also', 'as well'], ['later', 'afterwards'], ['large', 'big'], ['week', 'weekend'], ['video', 'footage']];

/** Frequent two-word capitalised sequences (likely names) in the pool, most frequent first. @param {string[]} pool */
function frequentNames(pool) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const s of pool) {
    for (const m of s.matchAll(/\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ([A-Z][a-z]+)\b/g)) {
      if (WEEKDAYS.includes(m[1]) || MONTHS.includes(m[1]) || m.index === 0) continue;
      counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 12).map(([n]) => n);
}

/** Month and weekday names stay as they are (dates must remain dates). */
const KEEP = new Set([...MONTHS, ...WEEKDAYS, 'By']);
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'ta', 'vo', 'sel', 'du', 'ni', 'bar', 'e', 'os', 'tri', 'an', 'pel', 'go', 'ru', 'fen', 'si', 'mar', 'ul', 'de', 'quo', 'zan', 'hi', 'or', 'bel', 'ca', 'nus', 'te', 'vi', 'lan'];

/** The `k` most frequent lowercase words of the pool (the vocabulary all stories share). @param {string[]} pool @param {number} k */
function commonWords(pool, k) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const s of pool) for (const w of s.match(/\p{Ll}[\p{L}'’-]*/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Set([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k).map(([w]) => w));
}

/** A pseudo-word standing for `word` in story `story` (same case shape), from an FNV hash. @param {string} word @param {number} story */
function pseudo(word, story) {
  let h = 0x811c9dc5 ^ story;
  for (const ch of word.toLowerCase()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const n = 2 + (h % 3);
  let out = '';
  for (let i = 0; i < n; i++) {
    out += SYLLABLES[(h >>> (5 * i + 2)) % SYLLABLES.length];
  }
  if (word === word.toUpperCase() && word.length > 1) return out.toUpperCase();
  if (word[0] === word[0].toUpperCase()) return out[0].toUpperCase() + out.slice(1);
  return out;
}

/**
 * Generates `n` articles.
 * @param {number} n
 * @param {{seed?: number}} [opts]
 * @returns {{stories: {id: string, date: string, articles: {name: string, text: string, published: string, outlet: string, story: string}[]}[], articles: {name: string, text: string, published: string, outlet: string, story: string}[]}}
 */
export function generate(n, opts = {}) {
  const rand = rng(opts.seed ?? 20261125);
  const pick = (/** @type {any[]} */ xs) => xs[Math.floor(rand() * xs.length)];
  const pool = sentencePool();
  const names = frequentNames(pool);
  const shared = commonWords(pool, 250);
  /** @type {ReturnType<typeof generate>['stories']} */
  const stories = [];
  /** @type {ReturnType<typeof generate>['articles']} */
  const articles = [];
  let day = Date.UTC(2010, 0, 1);
  for (let s = 0; articles.length < n; s++) {
    day += Math.floor(1 + rand() * 3) * 86400000;
    const date = new Date(day);
    const iso = date.toISOString().slice(0, 10);
    const storyId = `story-${String(s).padStart(5, '0')}`;
    // Per-story substitutions: names, weekday, month, a place.
    /** @type {[RegExp, string][]} */
    const subs = [];
    for (const full of names) {
      const [, last] = full.split(' ');
      const f = pick(FIRST);
      const l = pick(LAST);
      subs.push([new RegExp(`\\b${full}\\b`, 'g'), `${f} ${l}`], [new RegExp(`\\b${last}\\b`, 'g'), l]);
    }
    const wd = WEEKDAYS[date.getUTCDay() === 0 ? 6 : date.getUTCDay() - 1];
    subs.push([new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'g'), wd]);
    subs.push([new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'g'), MONTHS[date.getUTCMonth()]]);
    const place = pick(PLACES);
    const shift = Math.floor(rand() * 7) + 1;
    /** @param {string} x */
    const storify = (x) => {
      let y = x;
      for (const [re, to] of subs) y = y.replace(re, to);
      // Words outside the shared common vocabulary become this story's own words, so that stories differ
      // lexically as real ones do (their own names and terms) while copies within a story still match.
      y = y.replace(/\p{L}[\p{L}'’-]*/gu, (w) => (shared.has(w.toLowerCase()) || KEEP.has(w) ? w : pseudo(w, s)));
      return y.replace(/\b(\d{1,3})\b/g, (d) => String(Number(d) + shift)).replace(/\bthe capital\b/g, `the capital, ${place},`);
    };
    /** @param {string} x */
    const reword = (x) => {
      let y = x;
      for (const [a, b] of SYNONYMS) if (rand() < 0.5) y = y.replace(new RegExp(`\\b${a}\\b`), b);
      const words = y.split(' ');
      if (words.length > 8 && rand() < 0.5) words.splice(1 + Math.floor(rand() * (words.length - 2)), 1);
      return words.join(' ');
    };
    const size = Math.min(n - articles.length, 3 + Math.floor(rand() * 10));
    const start = Math.floor(rand() * pool.length);
    const len = 12 + Math.floor(rand() * 24);
    const original = Array.from({ length: len }, (_, i) => storify(rand() < 0.7 ? pool[(start + i) % pool.length] : pick(pool)));
    /** @type {ReturnType<typeof generate>['articles']} */
    const storyArticles = [];
    for (let k = 0; k < size; k++) {
      /** @type {string[]} */
      let body;
      if (k === 0) body = original;
      else if (rand() < 0.4) body = original.map((x) => (rand() < 0.2 ? reword(x) : x));
      else {
        body = original.filter(() => rand() < 0.6).map((x) => (rand() < 0.6 ? reword(x) : x));
        const extra = 3 + Math.floor(rand() * 10);
        for (let e = 0; e < extra; e++) body.splice(Math.floor(rand() * (body.length + 1)), 0, storify(pick(pool)));
      }
      const outlet = OUTLETS[(s + k) % OUTLETS.length];
      /** @type {string[]} */
      const paras = [];
      for (let i = 0; i < body.length; ) {
        const take = 1 + Math.floor(rand() * 3);
        paras.push(body.slice(i, i + take).join(' '));
        i += take;
      }
      const headline = reword(storify(pick(pool))).split(' ').slice(0, 10).join(' ').replace(/[.,;:"“”]+$/, '');
      const published = new Date(day + k * 3600000 * Math.floor(rand() * 30)).toISOString().slice(0, 10);
      const [y, m, d] = published.split('-').map(Number);
      const text = `${headline}\n\nBy ${pick(FIRST)} ${pick(LAST)}, ${outlet}\n${MONTHS[m - 1]} ${d}, ${y}\n\n${paras.join('\n\n')}\n`;
      const a = { name: `${storyId}-${String(k).padStart(2, '0')}.txt`, text, published, outlet, story: storyId };
      storyArticles.push(a);
      articles.push(a);
    }
    stories.push({ id: storyId, date: iso, articles: storyArticles });
  }
  return { stories, articles };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const n = Number(args[0]);
  if (!Number.isInteger(n) || n < 1) {
    console.error('usage: node scripts/bench/generate.mjs N [--out DIR] [--stories-jsonl FILE] [--articles-jsonl FILE]');
    process.exit(2);
  }
  const { stories, articles } = generate(n);
  for (let i = 1; i < args.length; i += 2) {
    const [flag, target] = [args[i], args[i + 1]];
    if (flag === '--out') {
      mkdirSync(target, { recursive: true });
      for (const a of articles) writeFileSync(path.join(target, a.name), a.text);
      const manifest = { articles: articles.map((a) => ({ file: a.name, outlet: a.outlet, published: a.published })) };
      writeFileSync(path.join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    } else if (flag === '--stories-jsonl') {
      const lines = stories.map((s) => JSON.stringify({ id: s.id, articles: s.articles.map((a) => ({ name: a.name, text: a.text })), manifest: { articles: s.articles.map((a) => ({ file: a.name, outlet: a.outlet, published: a.published })) } }));
      writeFileSync(target, `${lines.join('\n')}\n`);
    } else if (flag === '--articles-jsonl') {
      writeFileSync(target, `${articles.map((a) => JSON.stringify({ name: a.name, published: a.published, outlet: a.outlet, text: a.text })).join('\n')}\n`);
    } else {
      console.error(`unknown option ${flag}`);
      process.exit(2);
    }
  }
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
  console.error(`generated ${articles.length} articles in ${stories.length} stories, ${(bytes / 1e6).toFixed(2)} MB`);
}
