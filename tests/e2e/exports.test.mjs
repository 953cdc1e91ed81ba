// The workspace's pure modules in Node: exports (CSV quoting, Web Annotations checked against the shape the
// W3C Web Annotation Data Model and its JSON-LD context give, positions counted in code points, tested with
// a character outside the BMP), corrections applied in the view model, and the intake's checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleExport } from './harness.mjs';
import { webAnnotations, codePointOffset, csvField, claimsCsv, contradictionsCsv, bundle, readBundle } from '../../www/workspace/exports.js';
import { applyCorrections, correction, alignmentId } from '../../www/model/corrections.js';
import { decodeText, slug, freeId, readPaste, readFiles, MAX_BYTES } from '../../www/workspace/intake.js';

/** The terms of http://www.w3.org/ns/anno.jsonld this export uses; any other key would be dropped by JSON-LD. */
const TERMS = new Set(['@context', 'id', 'type', 'motivation', 'body', 'target', 'source', 'selector', 'exact', 'prefix', 'suffix', 'start', 'end', 'value', 'format', 'purpose', 'creator', 'name', 'label', 'total', 'first', 'items', 'partOf', 'startIndex']);
/** The motivations of the model (§3.3.5), used both as `motivation` and as a body's `purpose`. */
const MOTIVATIONS = new Set(['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging']);

/** @param {unknown} s */
const isIri = (s) => typeof s === 'string' && URL.canParse(s);

/**
 * Checks an AnnotationCollection against the Data Model's requirements; returns the problems found.
 * @param {any} coll
 * @param {Map<string, string>} texts article source IRI → text, to resolve the selectors
 */
function validate(coll, texts) {
  /** @type {string[]} */
  const bad = [];
  const keys = (/** @type {any} */ o, /** @type {string} */ where) => {
    if (o && typeof o === 'object' && !Array.isArray(o)) {
      for (const [k, v] of Object.entries(o)) {
        if (!TERMS.has(k)) bad.push(`${where}: ${k} is not a term of the context`);
        keys(v, `${where}.${k}`);
      }
    } else if (Array.isArray(o)) o.forEach((v, i) => keys(v, `${where}[${i}]`));
  };
  keys(coll, 'collection');
  if (coll['@context'] !== 'http://www.w3.org/ns/anno.jsonld') bad.push('@context must be the anno.jsonld context');
  if (coll.type !== 'AnnotationCollection' || !isIri(coll.id)) bad.push('collection: type and IRI id');
  const page = coll.first;
  if (page?.type !== 'AnnotationPage' || !isIri(page.id) || !Array.isArray(page.items)) bad.push('first: an AnnotationPage with items');
  if (coll.total !== page.items.length) bad.push('total counts the items');
  for (const a of page.items) {
    const at = `annotation ${a.id}`;
    if (!isIri(a.id) || a.type !== 'Annotation') bad.push(`${at}: IRI id and type Annotation`);
    if (!MOTIVATIONS.has(a.motivation)) bad.push(`${at}: motivation`);
    for (const b of [a.body].flat()) {
      if (b.type !== 'TextualBody' || typeof b.value !== 'string') bad.push(`${at}: body is a TextualBody with a value`);
      if (b.purpose !== undefined && !MOTIVATIONS.has(b.purpose)) bad.push(`${at}: body purpose ${b.purpose}`);
      if (b.creator !== undefined && (b.creator.type !== 'Person' || typeof b.creator.name !== 'string')) bad.push(`${at}: creator is an Agent`);
    }
    const targets = [a.target].flat();
    if (!targets.length) bad.push(`${at}: at least one target`);
    for (const t of targets) {
      if (!isIri(t.source)) bad.push(`${at}: target source IRI`);
      const quote = t.selector.find((/** @type {any} */ s) => s.type === 'TextQuoteSelector');
      const pos = t.selector.find((/** @type {any} */ s) => s.type === 'TextPositionSelector');
      if (typeof quote?.exact !== 'string' || !quote.exact || typeof quote.prefix !== 'string' || typeof quote.suffix !== 'string') bad.push(`${at}: TextQuoteSelector exact/prefix/suffix`);
      if (!Number.isInteger(pos?.start) || !Number.isInteger(pos?.end) || pos.start < 0 || pos.end < pos.start) bad.push(`${at}: TextPositionSelector start/end`);
      // Positions count characters (code points): they select the quote's exact text, and the prefix and
      // suffix surround it.
      const chars = [...(texts.get(t.source) ?? '')];
      if (chars.slice(pos.start, pos.end).join('') !== quote.exact) bad.push(`${at}: the positions do not select the exact text`);
      if (!chars.slice(0, pos.start).join('').endsWith(quote.prefix) || !chars.slice(pos.end).join('').startsWith(quote.suffix)) bad.push(`${at}: prefix/suffix`);
    }
  }
  return bad;
}

/** A one-article export with a character outside the BMP before its second sentence. */
function astral() {
  const text = 'Rivers rose by 2 metres 🌊 on Monday. The mayor said “we are ready” at noon.';
  const s2 = text.indexOf('The mayor');
  const q = text.indexOf('“');
  return {
    schema: 'storylines/1',
    articles: [{ id: 'flood', url: 'https://example.org/flood', text, sentences: [{ id: 0, start: 0, end: s2 - 1 }, { id: 1, start: s2, end: text.length }] }],
    claims: [{ id: 'claim:flood:1', sentences: [{ article: 'flood', sentence: 1 }], sources: ['flood'], independentSources: ['flood'], status: 'single-source', explanation: 'one source' }],
    quotes: [{ id: 'flood:q0', article: 'flood', start: q, end: text.indexOf('”') + 1, text: '“we are ready”', speakerText: 'The mayor', verb: 'said' }],
    contradictions: [{ id: 'number:flood', kind: 'number', explanation: 'two heights', refs: [{ article: 'flood', start: text.indexOf('2 metres'), end: text.indexOf('2 metres') + 8 }] }],
  };
}

test('positions are counted in code points: a character outside the BMP counts once', () => {
  const text = 'a🌊b';
  assert.equal(text.length, 4);
  assert.deepEqual([0, 1, 3, 4].map((i) => codePointOffset(text, i)), [0, 1, 2, 3]);
  const m = astral();
  const coll = webAnnotations(m);
  const claim = coll.first.items.find((/** @type {any} */ a) => a.id.endsWith(encodeURIComponent('claim:flood:1')));
  const pos = claim.target.selector.find((/** @type {any} */ s) => s.type === 'TextPositionSelector');
  const utf16 = m.articles[0].sentences[1].start;
  assert.equal(pos.start, utf16 - 1, 'one less than the UTF-16 offset: the wave is two code units, one character');
  assert.equal(claim.target.selector[0].exact, 'The mayor said “we are ready” at noon.');
  assert.deepEqual(validate(coll, new Map([['https://example.org/flood', m.articles[0].text]])), []);
});

test('the Web Annotations of the bundle validate against the model and its context', async () => {
  const m = await bundleExport();
  const base = 'http://127.0.0.1/';
  const coll = webAnnotations(m, { base });
  assert.equal(coll.total, m.claims.length + m.quotes.length + m.contradictions.length);
  const texts = new Map(m.articles.map((/** @type {any} */ a) => [a.url || new URL(encodeURIComponent(a.id), base).href, a.text]));
  assert.deepEqual(validate(coll, texts), []);
  // The user's note and status travel as bodies of their own, created by the user.
  const corrected = applyCorrections(m, [correction.note(m.claims[0].id, 'my note', 1), correction.status(m.claims[0].id, 'contested', 2)]);
  const a = webAnnotations(m, { base, corrected }).first.items[0];
  assert.deepEqual(a.body.filter((/** @type {any} */ b) => b.creator).map((/** @type {any} */ b) => [b.purpose, b.value]), [['commenting', 'my note'], ['assessing', 'your status: contested']]);
  assert.deepEqual(validate(webAnnotations(m, { base, corrected }), texts), []);
});

test('CSV: RFC 4180 quoting, formulas defused, the engine and the user in separate columns', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, "b"\nc'), '"a, ""b""\nc"');
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField(['a', 'b']), 'a; b');
  const m = astral();
  const corrected = applyCorrections(m, [correction.status('claim:flood:1', 'contested', 1), correction.dismiss('number:flood', 2)]);
  const claims = claimsCsv(m, corrected).split('\r\n');
  assert.equal(claims[0], 'id,status,your status,dismissed by you,your note,sources,independent sources,explanation,sentences');
  assert.equal(claims[1], 'claim:flood:1,single-source,contested,,,flood,flood,one source,flood: The mayor said “we are ready” at noon.');
  assert.equal(contradictionsCsv(m, corrected).split('\r\n')[1], 'number:flood,number,yes,,two heights,flood: 2 metres');
});

test('corrections apply in the view model, marked as the user\'s, without changing the engine\'s export', () => {
  const m = {
    entities: [
      { id: 'person:a', name: 'Ann Lee', kind: 'person', aliases: ['Lee'], mentions: [{ article: 'x', start: 0, end: 7, text: 'Ann Lee' }, { article: 'x', start: 20, end: 23, text: 'Lee' }] },
      { id: 'person:b', name: 'A. Lee', kind: 'person', aliases: [], mentions: [{ article: 'y', start: 5, end: 11, text: 'A. Lee' }] },
    ],
    claims: [{ id: 'c1', status: 'corroborated' }, { id: 'c2', status: 'single-source' }],
    contradictions: [{ id: 'k1' }],
    alignments: [{ a: { article: 'x', sentence: 0 }, b: { article: 'y', sentence: 2 }, score: 1 }],
    quotes: [{ id: 'q', speaker: 'person:b' }],
  };
  const frozen = JSON.stringify(m);
  const cs = [
    correction.split('person:a', 'Lee', 1),
    correction.merge('person:a', 'person:b', 2),
    correction.status('c1', 'contested', 3),
    correction.note('c1', 'n', 4),
    correction.dismiss('k1', 5),
    correction.dismiss(alignmentId(m.alignments[0]), 6),
    correction.note('k1', 'why dismissed', 7),
    correction.dismiss('gone', 8),
  ];
  const out = applyCorrections(m, cs);
  assert.equal(JSON.stringify(m), frozen, 'the input is not changed');
  assert.deepEqual(out.entities.map((/** @type {any} */ e) => [e.id, e.aliases, e.mentions.length, e.user]), [
    ['person:a', ['A. Lee'], 2, { split: ['Lee'], merged: ['person:b'] }],
    ['person:a~Lee', [], 1, { splitFrom: 'person:a' }],
  ]);
  assert.equal(out.quotes[0].speaker, 'person:a');
  assert.deepEqual(out.claims[0], { id: 'c1', status: 'contested', user: { status: 'contested', engineStatus: 'corroborated', note: 'n' } });
  assert.deepEqual([out.contradictions.length, out.alignments.length], [0, 0]);
  assert.deepEqual(out.user.dismissed.map((/** @type {any} */ d) => [d.list, d.item.user?.note ?? null]), [['contradictions', 'why dismissed'], ['alignments', null]]);
  assert.deepEqual(out.user.orphans.map((/** @type {any} */ c) => c.id), ['dismiss:gone']);
});

test('the bundle reads back; a bare export reads as one without a workspace; other JSON is refused', () => {
  const b = bundle({ schema: 'storylines/1', articles: [] }, [{ id: 'a', name: 'a.txt', file: 'a.txt', text: 'x', updatedAt: 1 }], [correction.note('c', 'n', 1)]);
  assert.deepEqual(readBundle(JSON.parse(JSON.stringify(b))), { model: b.export, articles: b.workspace.articles, corrections: b.workspace.corrections });
  assert.deepEqual(readBundle({ schema: 'storylines/1' }).articles, []);
  assert.throws(() => readBundle({ hello: 1 }), /not a storylines bundle/);
});

test('intake: text only, valid UTF-8, under the limit; ids are slugs kept free of clashes', async () => {
  assert.deepEqual(decodeText(new Uint8Array([0x68, 0x69])), { text: 'hi' });
  assert.match(/** @type {any} */ (decodeText(new Uint8Array([0x68, 0, 0x69]))).error, /binary/);
  assert.match(/** @type {any} */ (decodeText(new Uint8Array([0xff, 0xfe, 0x41]))).error, /not valid UTF-8/);
  assert.match(/** @type {any} */ (decodeText(new Uint8Array(MAX_BYTES + 1).fill(65))).error, /too large/);
  assert.equal(slug('Élection: résultats (2024)'), 'election-resultats-2024');
  assert.equal(slug('***'), 'article');
  const taken = new Set(['a', 'a-2']);
  assert.equal(freeId('a', taken), 'a-3');
  const p = /** @type {any} */ (readPaste('Headline here\nBody.', new Set(), 5));
  assert.deepEqual(p.article, { id: 'headline-here', name: 'headline-here.txt', file: 'pasted text', text: 'Headline here\nBody.', updatedAt: 5 });
  const { articles, rejected } = await readFiles([new File(['# T\n\nx'], 'Notes.MD'), new File(['x'], 'a.pdf')], new Set(['notes']), 1);
  assert.deepEqual(articles.map((a) => a.name), ['notes-2.md']);
  assert.deepEqual(rejected, [{ file: 'a.pdf', error: 'not a .txt, .md or .html file' }]);
});

test('storage: records are checked one by one; an older article record is brought to today\'s shape', async () => {
  const { isArticle, isCorrection, migrate } = await import('../../www/workspace/storage.js');
  assert.equal(isArticle({ id: 'a', name: 'a.txt', text: 'x', updatedAt: 1 }), true);
  assert.equal(isArticle({ id: 'a', name: 42, text: 'x', updatedAt: 1 }), false);
  assert.equal(isArticle('a string'), false);
  assert.equal(isCorrection({ id: 'note:x', kind: 'note', at: 1 }), true);
  assert.equal(isCorrection({ id: 'note:x', kind: 'note' }), false);
  assert.deepEqual(migrate({ id: 'old', text: 'x' }), { id: 'old', text: 'x', name: 'old.txt', file: 'old.txt', updatedAt: 0 });
  const today = { id: 'a', name: 'a.md', file: 'A.md', text: 'x', updatedAt: 3 };
  assert.equal(migrate(today), today);
  assert.deepEqual(migrate({ id: 'no text' }), { id: 'no text' });
});
