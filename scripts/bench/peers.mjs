// The JavaScript libraries people glue together today, each wrapped as "one item in, comparable result out".
// Versions come from package.json (pinned exactly) and are printed into BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import sbd from 'sbd';
import { diffWords } from 'diff';
import DiffMatchPatch from 'diff-match-patch';
import minhashPkg from 'minhash';
import { ROOT } from './generate.mjs';

const { Minhash, LshIndex } = minhashPkg;

/** Installed versions of the peers, read from their package.json. */
export function peerVersions() {
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of ['chrono-node', 'compromise', 'wink-nlp', 'wink-eng-lite-web-model', 'sbd', 'diff', 'diff-match-patch', 'minhash']) {
    try {
      out[name] = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      out[name] = 'not installed';
    }
  }
  return out;
}

// ---- sentences -------------------------------------------------------------------------------------------
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Intl.Segmenter: [start, end] UTF-16 offsets of each sentence (trailing space trimmed). @param {string} text */
export function intlSentences(text) {
  /** @type {number[]} */
  const out = [];
  for (const s of segmenter.segment(text)) {
    const t = s.segment.trimEnd();
    if (t.trim()) out.push(s.index, s.index + t.length);
  }
  return out;
}

/** sbd: the sentences as strings (sbd returns no offsets). @param {string} text */
export function sbdSentences(text) {
  return sbd.sentences(text, { newline_boundaries: true, preserve_whitespace: false });
}

// ---- dates -------------------------------------------------------------------------------------------------
/**
 * chrono-node with a reference instant.
 * @param {string} text @param {Date} ref @param {number} [tzMinutes] reference time zone offset in minutes
 */
export function chronoDates(text, ref, tzMinutes) {
  return chrono.parse(text, tzMinutes === undefined ? ref : { instant: ref, timezone: tzMinutes });
}

// ---- entities ------------------------------------------------------------------------------------------------
const wink = winkNLP(winkModel);
const its = wink.its;

/** compromise: people, places and organisations (its "topics"). @param {string} text */
export function compromiseEntities(text) {
  return nlp(text).topics().json({ offset: true, terms: false });
}

/** wink-nlp with the lite web model: its entities (dates, numbers, …; the lite model has no person names). @param {string} text */
export function winkEntities(text) {
  return wink.readDoc(text).entities().out(its.detail);
}

// ---- word diff -------------------------------------------------------------------------------------------------
/** jsdiff diffWords. @param {string} a @param {string} b */
export function jsdiffWords(a, b) {
  return diffWords(a, b);
}

const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0; // the full diff, as the other implementations compute

/**
 * diff-match-patch in word mode (each word and each run of separators mapped to one character, the documented
 * line-mode trick applied to words), then semantic cleanup.
 * @param {string} a @param {string} b
 */
export function dmpWords(a, b) {
  /** @type {string[]} */
  const tokens = [''];
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @param {string} s */
  const encode = (s) => {
    let out = '';
    for (const t of s.match(/\w+|[^\w]+/gu) ?? []) {
      let i = index.get(t);
      if (i === undefined) {
        i = tokens.length;
        tokens.push(t);
        index.set(t, i);
      }
      out += String.fromCharCode(i);
    }
    return out;
  };
  const ca = encode(a);
  const cb = encode(b);
  const diffs = dmp.diff_main(ca, cb, false);
  dmp.diff_charsToLines_(diffs, tokens);
  dmp.diff_cleanupSemantic(diffs);
  return diffs;
}

// ---- near-duplicates --------------------------------------------------------------------------------------------
/** Lowercased word 5-shingles of a text, as strings. @param {string} text */
export function shingles(text) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  /** @type {Set<string>} */
  const out = new Set();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

/** @param {Set<string>} a @param {Set<string>} b */
function jaccard(a, b) {
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (big.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

/**
 * The naive baseline: exact Jaccard of word 5-shingles over all pairs. Returns [i, j] pairs at or above `threshold`.
 * @param {string[]} texts @param {number} threshold @param {number} deadline
 */
export function naiveNearDuplicates(texts, threshold, deadline) {
  const sets = texts.map(shingles);
  /** @type {[number, number][]} */
  const pairs = [];
  for (let i = 0; i < sets.length; i++) {
    if (performance.now() > deadline) throw Object.assign(new Error('capped'), { capped: { done: i, total: sets.length } });
    for (let j = i + 1; j < sets.length; j++) if (jaccard(sets[i], sets[j]) >= threshold) pairs.push([i, j]);
  }
  return pairs;
}

/**
 * The `minhash` package: 128 permutations, LSH with bands of 4, candidates verified by estimated Jaccard.
 * @param {string[]} texts @param {number} threshold @param {number} deadline
 */
export function minhashNearDuplicates(texts, threshold, deadline) {
  const index = new LshIndex({ bandSize: 4 });
  /** @type {any[]} */
  const sigs = [];
  for (let i = 0; i < texts.length; i++) {
    if (performance.now() > deadline) throw Object.assign(new Error('capped'), { capped: { done: i, total: 2 * texts.length } });
    const m = new Minhash();
    for (const s of shingles(texts[i])) m.update(s);
    sigs.push(m);
    index.insert(i, m);
  }
  /** @type {[number, number][]} */
  const pairs = [];
  for (let i = 0; i < sigs.length; i++) {
    if (performance.now() > deadline) throw Object.assign(new Error('capped'), { capped: { done: texts.length + i, total: 2 * texts.length } });
    for (const j of index.query(sigs[i])) if (j > i && sigs[i].jaccard(sigs[j]) >= threshold) pairs.push([i, j]);
  }
  return pairs;
}
