// The story desk's pure parts, in Node (issue 20): a story's name from its headlines, story ids, the manifest
// the user's metadata becomes, where a value came from, the outlet a text suggests, human names instead of
// ids, the `story` URL parameter, the story's name in a bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyName, newStoryId, storeOf, FIRST } from '../../www/workspace/stories.js';
import { metaManifest, cleanFields, sourceOf, suggestOutlet } from '../../www/model/metadata.js';
import { headlineOf, independenceSaid, indexModel, readable } from '../../www/model/model.js';
import { parseState, formatState, emptyState, withState, storyPatch } from '../../www/model/state.js';
import { bundle, bundleStoryName } from '../../www/workspace/exports.js';
import { outletsSaid } from '../../www/views/overview.js';

test('a story is named after the words its headlines share most, in the case they are written', () => {
  const cases = [
    [['Harbour bridge in Eastport closes after inspection', 'Eastport shuts harbour bridge for repairs', 'Cracks close Eastport bridge'], 'Harbour bridge Eastport'],
    [['Ferry fares rise', 'Ferry fares rise again'], 'Ferry fares rise'],
    [['One headline only about a storm'], 'One headline only'],
    [['The storm', 'A flood'], ''],
    [['Mayor’s plan approved', "Mayor's plan delayed", 'Plan for the mayor'], 'Mayor plan'],
    [[null, '', undefined], ''],
    [['2024 budget: 2024 figures', '2024 budget cut'], 'Budget'],
  ];
  for (const [titles, want] of cases) assert.equal(storyName(/** @type {any} */ (titles)), want, JSON.stringify(titles));
});

test('story ids: the first is the historical store, later ones are free; the store of each', () => {
  assert.equal(newStoryId(new Set(), 1), FIRST);
  const id = newStoryId(new Set([FIRST]), 1700000000000);
  assert.match(id, /^s[a-z0-9]+$/);
  assert.notEqual(newStoryId(new Set([FIRST, id]), 1700000000000), id);
  assert.equal(storeOf('storylines-workspace', FIRST), 'storylines-workspace');
  assert.equal(storeOf('storylines-workspace:left', 'sabc'), 'storylines-workspace:left@sabc');
});

test('the user\'s metadata becomes the engine\'s manifest, keyed by the name the engine gets', () => {
  const articles = [
    { id: 'a', name: 'a.txt' },
    { id: 'b', name: 'b.md' },
  ];
  const corrections = [
    { id: 'meta:b', kind: 'meta', article: 'b', fields: { outlet: ' Harbour Daily ', published: '2024-03-05', authors: 'Ann Bell; Tom Reed', url: '', title: '' } },
    { id: 'note:x', kind: 'note', target: 'x', text: 'n' },
    { id: 'meta:gone', kind: 'meta', article: 'gone', fields: { outlet: 'X' } },
  ];
  assert.deepEqual(JSON.parse(metaManifest(articles, corrections)), { articles: [{ file: 'b.md', outlet: 'Harbour Daily', published: '2024-03-05', authors: ['Ann Bell', 'Tom Reed'] }] });
  assert.equal(metaManifest(articles, []), '');
  assert.deepEqual(cleanFields({ published: 'last Tuesday', title: '  ', authors: [' A ', ''] }), { authors: ['A'] });
});

test('where a value came from, in words', () => {
  const cases = [
    [null, false, 'not found in the text'],
    [{ source: 'text' }, false, 'found in the text'],
    [[{ source: 'text' }], false, 'found in the text'],
    [{ source: 'manifest' }, true, 'your correction'],
    [{ source: 'manifest' }, false, 'set by the manifest'],
    [{ source: 'htmlMeta' }, false, "from the page's metadata"],
    [{ source: 'inferred' }, false, 'inferred from other articles'],
  ];
  for (const [p, mine, want] of cases) assert.equal(sourceOf(p, /** @type {boolean} */ (mine)), want);
});

test('an outlet suggested by the text: a dateline\'s agency, else a web address; nothing from ordinary prose', () => {
  const cases = [
    ['Headline\n\nEASTPORT (Coastline News) — The bridge closed.', { value: 'Coastline News', why: 'the dateline names it' }],
    ['Headline\n\nNew Harbour (Wire Service) - The bridge closed.', { value: 'Wire Service', why: 'the dateline names it' }],
    ['Headline\n\nMore at https://www.harbourdaily.example/news today.', { value: 'harbourdaily.example', why: 'a web address in the text' }],
    ['Headline\n\nThe mayor (who spoke on Monday) said the bridge would reopen.', null],
    ['Headline\n\nThe bridge closed (for now) — officials said.', null],
  ];
  for (const [text, want] of cases) assert.deepEqual(suggestOutlet(/** @type {string} */ (text)), want, String(text));
});

test('human names instead of ids: an untitled article by its first words, story ids by their dates', () => {
  const a = { id: '003_x', file: '003_x.txt', title: null, paragraphs: [{ kind: 'furniture' }, { kind: 'body' }], sentences: [{ paragraph: 0, text: 'Photo: credit' }, { paragraph: 1, text: 'One two three four five six seven eight nine ten.' }] };
  assert.equal(headlineOf(a), '“One two three four five six seven eight…”');
  assert.equal(headlineOf({ ...a, title: 'A headline' }), 'A headline');
  assert.equal(headlineOf({ id: 'x', file: 'x.txt', sentences: [] }), 'x.txt');
  const ix = indexModel({ schema: 'storylines/1', articles: [{ ...a, id: 'a', title: 'Bridge shut' }, { ...a, id: 'b', title: null, outlet: 'Harbour Daily' }], entities: [{ id: 'person:ann-bell', name: 'Ann Bell', kind: 'person', aliases: [], mentions: [] }], stories: [{ id: 'story:000_a', date: '2023-11-10' }], claims: [], contradictions: [], events: [], quotes: [], quoteGroups: [], reuse: [], alignments: [], times: [], numbers: [], diagnostics: [] });
  assert.equal(readable(ix, 'Told in 2 stories (story:000_a, story:001_b) by person:ann-bell.'), 'Told in 2 stories (the story of 2023-11-10, story:001_b) by Ann Bell.');
  assert.equal(readable(ix, "3 sources, 2 independent (a and b: one reuses the other's text; b and x: both are from X)."), "3 sources, 2 independent (Bridge shut and Harbour Daily: one reuses the other's text; b and x: both are from X).");
  assert.equal(independenceSaid(1, 1), '1 source');
  assert.equal(independenceSaid(2, 3), '2 independent of 3 sources');
  assert.equal(outletsSaid(3, 0, 3), '3 articles, outlets unknown');
  assert.equal(outletsSaid(3, 1, 2), '3 articles from 1 outlet, 2 of unknown outlet');
  assert.equal(outletsSaid(2, 2, 0), '2 articles from 2 outlets');
});

test('the URL names the story; a malformed one is ignored; a bundle carries the story\'s name', () => {
  assert.equal(parseState('?story=s1abc&view=claims').story, 's1abc');
  assert.equal(parseState('?story=..%2Fx').story, '');
  assert.equal(formatState({ ...emptyState(), story: 'mine' }), '?story=mine');
  assert.equal(formatState(emptyState()), '');
  const opened = withState({ ...emptyState(), view: 'claims', q: 'bridge', status: ['contested'], sel: 'c1', t: '0.5', story: 'mine' }, storyPatch('s2'));
  assert.deepEqual(opened, { ...emptyState(), t: '0.5', story: 's2' }, 'a story opens on its overview, unfiltered; the threshold stays');
  assert.equal(bundleStoryName(bundle({}, [], [], { name: ' Eastport bridge ' })), 'Eastport bridge');
  assert.equal(bundleStoryName(bundle({}, [], [])), '');
  assert.deepEqual(Object.keys(bundle({}, [], []).workspace), ['articles', 'corrections']);
});
