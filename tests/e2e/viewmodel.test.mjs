// The page's pure modules in Node (no browser): URL state, calendar dates, word diff, highlight segments and
// the view-model that derives what the views draw from the export and the filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseState, formatState, emptyState, withState } from '../../www/model/state.js';
import { parseDate, dayString, dayNumber, inDayFilter } from '../../www/model/dates.js';
import { wordDiff, tokens } from '../../www/model/worddiff.js';
import { segments, searchMarks } from '../../www/views/highlight.js';
import { indexModel, derive, overview, diffRows, rowsFromEngineDiff, lisIndexes, collation, agreementOf, timelineItems, readable } from '../../www/model/model.js';
import { ticks, zoomWindow, packRows, fitWindow, shorten, publicationLanes } from '../../www/views/timeline.js';
import { reuseKind, flowColumns } from '../../www/views/provenance.js';
import { bundleExport } from './harness.mjs';
import { richExport } from './fixture.mjs';

test('URL state round-trips, drops defaults and keeps foreign parameters', () => {
  const s = withState(emptyState(), { view: 'timeline', sources: ['b', 'a'], status: ['contested'], from: '2024-01-01', q: 'a b&c', sel: 'e1', zoom: '1.5~20' });
  const qs = formatState(s, '?host=1&other.view=claims');
  assert.match(qs, /host=1/);
  assert.match(qs, /other\.view=claims/);
  assert.deepEqual(parseState(qs), { ...s, sources: ['a', 'b'] });
  assert.equal(formatState(emptyState()), '');
  // Prefixed instances do not read each other's parameters.
  const two = formatState(withState(emptyState(), { view: 'claims' }), qs, 'other');
  assert.equal(parseState(two, 'other').view, 'claims');
  assert.equal(parseState(two).view, 'timeline');
});

test('malformed URL values fall back to defaults', () => {
  const s = parseState('?view=nope&status=contested,bogus&from=yesterday&t=7&zoom=x');
  assert.deepEqual(s, { ...emptyState(), status: ['contested'] });
});

test('dates are calendar dates as written: no time-zone shift, imprecise dates are ranges', () => {
  const table = [
    ['2024-11-30T23:30:00-05:00', '2024-11-30', '2024-12-01', 'day'],
    ['2024-11-30', '2024-11-30', '2024-12-01', 'day'],
    ['2024-11', '2024-11-01', '2024-12-01', 'month'],
    ['2024', '2024-01-01', '2025-01-01', 'year'],
    ['2024-Q4', '2024-10-01', '2025-01-01', 'quarter'],
    ['2024-W01', '2024-01-01', '2024-01-08', 'week'],
    ['199X', '1990-01-01', '2000-01-01', 'decade'],
    ['2024-11-28/2024-11-30', '2024-11-28', '2024-12-01', 'range'],
  ];
  for (const [input, start, end, grain] of table) {
    const r = parseDate(input);
    assert.ok(r, input);
    assert.deepEqual([dayString(r.start), dayString(r.end), r.grain], [start, end, grain], input);
  }
  for (const bad of [null, '', 'soon', '2024-13', '2024-02-40']) assert.equal(parseDate(bad), null, String(bad));
  assert.equal(dayNumber(1970, 1, 1), 0);
  assert.ok(inDayFilter(parseDate('2024-11'), '2024-11-30', ''));
  assert.ok(!inDayFilter(parseDate('2024-11'), '2024-12-01', ''));
  assert.ok(!inDayFilter(null, '2024-12-01', ''));
});

test('word diff keeps both texts and marks only what changed', () => {
  const a = 'The president spoke in Kazakh on Thursday.';
  const b = 'The President spoke in Kazakh on Friday, reports said.';
  const ops = wordDiff(a, b);
  assert.equal(ops.filter((o) => o.op !== 'ins').map((o) => o.text).join(''), a);
  assert.equal(ops.filter((o) => o.op !== 'del').map((o) => (o.op === 'same' ? o.other : o.text)).join(''), b);
  assert.ok(ops.some((o) => o.op === 'del' && o.text.includes('Thursday')));
  assert.ok(!ops.some((o) => o.op !== 'same' && /president/i.test(o.text)), 'case differences are not changes');
  assert.equal(tokens('can’t stop 2024').join('|'), 'can’t| |stop| |2024');
});

test('highlight segments cut text at every mark boundary, in UTF-16 offsets', () => {
  const text = '“Zoë” met 😀 Bob';
  const marks = [
    { start: 0, end: 5, kind: 'quote' },
    { start: 1, end: 4, kind: 'entity-person' },
    ...searchMarks(text, 0, text.length, 'bob'),
  ];
  const segs = segments(0, text.length, marks);
  assert.equal(segs.map((s) => text.slice(s.start, s.end)).join(''), text);
  assert.deepEqual(
    segs.map((s) => [text.slice(s.start, s.end), s.marks.map((m) => m.kind).join('+')]),
    [['“', 'quote'], ['Zoë', 'quote+entity-person'], ['”', 'quote'], [' met 😀 ', ''], ['Bob', 'search']],
  );
});

test('longest increasing subsequence finds the sentences that did not move', () => {
  assert.deepEqual([...lisIndexes([0, 1, 5, 2, 3])].sort(), [0, 1, 3, 4]);
  assert.equal(lisIndexes([]).size, 0);
});

test('timeline scale: ticks fit the width at any span, zoom stays sane, rows do not overlap', () => {
  for (const span of [3, 40, 400, 4000, 40000]) {
    const w = /** @type {[number, number]} */ ([19000, 19000 + span]);
    const t = ticks(w, 800);
    assert.ok(t.minor.length >= 1 && t.minor.length <= 14, `${span} days: ${t.minor.length} ticks`);
    assert.ok(t.major.length >= 1, `${span} days: a major label`);
  }
  const z = zoomWindow([0, 100], 0.5, 25);
  assert.deepEqual(z, [12.5, 62.5]);
  assert.ok(zoomWindow([0, 4], 0.001, 2)[1] - zoomWindow([0, 4], 0.001, 2)[0] >= 3);
  assert.deepEqual(packRows([{ x0: 0, x1: 10 }, { x0: 5, x1: 15 }, { x0: 20, x1: 30 }]), [0, 1, 0]);
  assert.ok(fitWindow([])[1] > fitWindow([])[0]);
});

test('an empty or partial export derives empty views without throwing', () => {
  for (const raw of [null, {}, { articles: [] }, { articles: [{ id: 'a', text: 'x', sentences: [] }], claims: null }]) {
    const ix = indexModel(raw);
    const d = derive(ix, emptyState());
    assert.equal(d.events.length, 0);
    assert.equal(overview(d).claims, 0);
    assert.deepEqual(diffRows(ix, 'a', 'b'), []);
    assert.equal(collation(ix, 'nope'), null);
  }
  // An absent field is "not reported"; an empty array is "none found".
  assert.equal(indexModel({ claims: [] }).present.has('claims'), true);
  assert.equal(indexModel({}).present.has('claims'), false);
});

test('on the bundle, filters combine and every derived list obeys them', async () => {
  const base = await bundleExport();
  const ix = indexModel(richExport(base));
  const all = derive(ix, emptyState());
  assert.equal(all.articles.length, base.articles.length);
  assert.equal(all.events.length, ix.model.events.length);
  const one = base.articles[0].id;
  const bySource = derive(ix, withState(emptyState(), { sources: [one] }));
  assert.equal(bySource.articles.length, 1);
  for (const c of bySource.claims) assert.ok(c.sources.includes(one));
  for (const p of bySource.alignments) assert.ok(p.a.article === one && p.b.article === one);
  const contested = derive(ix, withState(emptyState(), { status: ['contested'] }));
  assert.ok(contested.claims.length > 0 && contested.claims.every((c) => c.status === 'contested'));
  assert.ok(contested.events.every((e) => e.contested));
  const both = derive(ix, withState(emptyState(), { status: ['contested', 'single-source'], sources: [one] }));
  assert.ok(both.claims.every((c) => c.sources.includes(one) && c.status !== 'corroborated'));
  const dated = derive(ix, withState(emptyState(), { from: '2024-01-01', to: '2024-12-31' }));
  for (const e of timelineItems(ix, dated).dated) assert.ok(e.range && e.range.end > dayNumber(2024, 1, 1) && e.range.start <= dayNumber(2024, 12, 31));
  assert.ok(dated.events.length < all.events.length);
  const q = derive(ix, withState(emptyState(), { q: 'KAZAKH' }));
  assert.ok(q.articles.length > 0 && q.articles.every((a) => a.text.toLowerCase().includes('kazakh')));
  const ent = ix.model.entities[0];
  const byEntity = derive(ix, withState(emptyState(), { entities: [ent.id] }));
  assert.deepEqual(byEntity.entities.map((e) => e.id), [ent.id]);
  // Agreement falls back to the alignments when the engine has none.
  const p = base.alignments[0];
  const art = ix.articleById.get(p.a.article);
  assert.ok(agreementOf(ix, p.a.article, art.sentences[p.a.sentence]).independent >= 2);
});

test('without filters every list is the whole list: the same as under a filter that keeps everything', async () => {
  // derive() skips the filter passes when no filter is set (a large model's passes were a long task); what it
  // gives must equal the filtered path with a filter that keeps every item (all sources chosen).
  const base = await bundleExport();
  for (const m of [base, richExport(base)]) {
    const ix = indexModel(m);
    const all = withState(emptyState(), { sources: ix.model.articles.map((/** @type {any} */ a) => a.id) });
    assert.deepEqual(derive(ix, emptyState()), derive(ix, all));
    assert.ok(derive(ix, emptyState()).claims.length > 0);
  }
});

test('the diff of two sources accounts for every sentence of both, once', async () => {
  const base = await bundleExport();
  const ix = indexModel(base);
  const p = base.alignments[0];
  const rows = diffRows(ix, p.a.article, p.b.article);
  const a = rows.filter((r) => r.a !== null).map((r) => r.a);
  const b = rows.filter((r) => r.b !== null).map((r) => r.b);
  assert.deepEqual(a, [...a].sort((x, y) => x - y));
  assert.equal(new Set(a).size, ix.articleById.get(p.a.article).sentences.length);
  assert.equal(new Set(b).size, ix.articleById.get(p.b.article).sentences.length);
  assert.ok(rows.some((r) => (r.kind === 'pair' || r.kind === 'move') && r.a === p.a.sentence && r.b === p.b.sentence));
});

test('rows from the engine diff: word operations become marked pieces, moves and unmatched sentences kept', () => {
  const a = 'One two three. Four five.';
  const b = 'Four five! One two 3.';
  const out = {
    schema: 'storylines-diff/1',
    a: { id: 'A', text: a, sentences: [{ start: 0, end: 14 }, { start: 15, end: 25 }] },
    b: { id: 'B', text: b, sentences: [{ start: 0, end: 10 }, { start: 11, end: 21 }] },
    matched: [
      {
        a: 0,
        b: 1,
        score: 0.8,
        moved: true,
        diff: {
          aWords: [{ start: 0, end: 3 }, { start: 4, end: 7 }, { start: 8, end: 13 }],
          bWords: [{ start: 11, end: 14 }, { start: 15, end: 18 }, { start: 19, end: 20 }],
          ops: [
            { tag: 'equal', a: [0, 2], b: [0, 2] },
            { tag: 'replace', a: [2, 3], b: [2, 3] },
          ],
        },
      },
    ],
    onlyA: [1],
    onlyB: [0],
  };
  const rows = rowsFromEngineDiff(out);
  assert.deepEqual(rows.map((r) => [r.kind, r.a, r.b]), [['move', 0, 1], ['onlyA', 1, null], ['onlyB', null, 0]]);
  assert.deepEqual(rows[0].left, [{ text: 'One two ', op: 'same' }, { text: 'three.', op: 'del' }]);
  assert.deepEqual(rows[0].right, [{ text: 'One two ', op: 'same' }, { text: '3.', op: 'ins' }]);
});

test('readable names replace the ids an explanation names; other words stay', () => {
  const ix = indexModel({ articles: [{ id: 'a_1', outlet: 'The Daily' }, { id: 'b', title: 'A headline' }], entities: [{ id: 'person:jane-doe', name: 'Jane Doe', mentions: [] }] });
  assert.equal(readable(ix, 'The same statement of person:jane-doe differs: "x" (a_1) versus "y" (b).'), 'The same statement of Jane Doe differs: "x" (The Daily) versus "y" (A headline).');
  assert.equal(readable(ix, 'person:john-roe and a_12 are unknown'), 'person:john-roe and a_12 are unknown');
});

test('timeline labels are cut at a word; outlets get one publication lane each', () => {
  assert.equal(shorten('Short label', 34), 'Short label');
  assert.equal(shorten('A judge sentenced the actor to three to ten years in state prison', 34), 'A judge sentenced the actor to…');
  assert.ok(shorten('x'.repeat(80), 34).length <= 34);
  const ix = indexModel({ articles: [{ id: 'a', outlet: 'Wire' }, { id: 'b', outlet: 'Paper' }, { id: 'c', outlet: 'Wire' }] });
  const at = (/** @type {string} */ id, /** @type {string} */ day) => ({ article: ix.articleById.get(id), range: parseDate(day) });
  const lanes = publicationLanes(ix, [at('b', '2024-01-03'), at('a', '2024-01-01'), at('c', '2024-01-05')]);
  assert.deepEqual(lanes.map((l) => [l.name, l.marks.map((m) => m.article.id)]), [['Wire', ['a', 'c']], ['Paper', ['b']]]);
});

test('provenance flows from the earliest source: date columns, undated last; edge kinds', () => {
  const ix = indexModel({ articles: [{ id: 'late', published: '2024-02-01' }, { id: 'early', published: '2024-01-01' }, { id: 'nodate' }, { id: 'alone', published: '2023-01-01' }] });
  const reuse = [{ from: 'early', to: 'late', passages: [{}] }, { from: 'early', to: 'nodate', passages: [] }];
  assert.deepEqual(flowColumns(ix, reuse), [{ label: '2024-01-01', ids: ['early'] }, { label: '2024-02-01', ids: ['late'] }, { label: 'undated', ids: ['nodate'] }]);
  assert.equal(reuseKind(reuse[0]), 'copy');
  assert.equal(reuseKind(reuse[1]), 'rewrite');
  assert.equal(reuseKind({ passages: [{}], evidence: ['"b" attributes its text to another outlet'] }), 'attributed');
  assert.equal(reuseKind({ kind: 'rewrite', passages: [{}] }), 'rewrite');
});

test('a file name shows its control and format characters as code points, and keeps what spells a name', async () => {
  const { visibleName } = await import('../../www/model/names.js');
  const cases = [
    ['report-\u202Etxt.exe.txt', 'report-⟨U+202E⟩txt.exe.txt'],
    ['a\u2066b\u2069c\u200Fd\u061Ce', 'a⟨U+2066⟩b⟨U+2069⟩c⟨U+200F⟩d⟨U+061C⟩e'],
    ['tab\there\u0007.txt', 'tab⟨U+0009⟩here⟨U+0007⟩.txt'],
    ['zero\u200Bwidth\uFEFF.md', 'zero⟨U+200B⟩width⟨U+FEFF⟩.md'],
    ['family 👩\u200D👩\u200D👧 and می\u200Cخواهم.txt', 'family 👩\u200D👩\u200D👧 and می\u200Cخواهم.txt'],
    ['café — 東京 — עברית.txt', 'café — 東京 — עברית.txt'],
  ];
  for (const [name, shown] of cases) assert.equal(visibleName(name), shown, JSON.stringify(name));
});

test('the notice after an addition counts what it added and what it refused', async () => {
  const { additionNotice } = await import('../../www/workspace/workspace.js');
  const { PASTED } = await import('../../www/workspace/intake.js');
  const file = (/** @type {string} */ f) => ({ file: f, error: 'the file is empty' });
  const cases = [
    [1, [], '1 article added.'],
    [3, [], '3 articles added.'],
    [0, [file('a.txt'), file('b.txt')], 'Nothing added: 2 files refused, see below.'],
    [2, [file('a.txt')], '2 articles added; 1 file refused, see below.'],
    [0, [file(PASTED)], 'Nothing added: the pasted text was refused, see below.'],
  ];
  for (const [added, refused, want] of cases) assert.equal(additionNotice(Number(added), /** @type {any[]} */ (refused)), want);
});
