// The element's pure embedding modules in Node: the initial state from attributes and the URL
// (www/element/attributes.js), what `src`/`load()` accept (www/element/input.js) and what a selection refers to
// (www/model/selection.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, heightOf } from '../../www/element/attributes.js';
import { isExport, articleList, articlesOfExport, resolveInput } from '../../www/element/input.js';
import { selectionOf } from '../../www/model/selection.js';
import { emptyState, withState } from '../../www/model/state.js';

test('initial state: filters, then view and sources, then the instance URL parameters', () => {
  const cases = [
    { attrs: {}, search: '', prefix: '', want: {} },
    { attrs: { view: 'claims' }, search: '', prefix: '', want: { view: 'claims' } },
    { attrs: { view: 'nonsense' }, search: '', prefix: '', want: {} },
    { attrs: { sources: 'b,a' }, search: '', prefix: '', want: { sources: ['b', 'a'] } },
    { attrs: { filters: 'status=contested,bogus&from=2024-11-01&q=x' }, search: '', prefix: '', want: { status: ['contested'], from: '2024-11-01', q: 'x' } },
    { attrs: { filters: 'view=timeline', view: 'quotes' }, search: '', prefix: '', want: { view: 'quotes' } },
    { attrs: { view: 'claims', filters: 'q=a' }, search: '?view=entities&q=b', prefix: '', want: { view: 'entities', q: 'b' } },
    { attrs: { view: 'claims' }, search: '?view=entities&x.view=quotes', prefix: 'x', want: { view: 'quotes' } },
    { attrs: { view: 'claims' }, search: '?x.view=quotes', prefix: '', want: { view: 'claims' } },
  ];
  for (const c of cases) {
    assert.deepEqual(initialState(c.attrs, c.search, c.prefix), withState(emptyState(), c.want), JSON.stringify(c));
  }
});

test('height: a bare number is pixels; nothing or junk is no height', () => {
  assert.equal(heightOf('600'), '600px');
  assert.equal(heightOf(' 12.5 '), '12.5px');
  assert.equal(heightOf(null), null);
  assert.equal(heightOf(''), null);
});

test('inputs: exports are told from manifests and article lists; bad lists are errors', async () => {
  assert.equal(isExport({ schema: 'storylines/1', articles: [] }), true);
  assert.equal(isExport({ articles: [{ file: 'a.txt' }] }), false);
  assert.equal(isExport(null), false);
  assert.deepEqual(articleList([{ name: 'a.txt', text: 'A.' }, { text: 'B.' }]), [
    { name: 'a.txt', text: 'A.' },
    { name: 'article-2.txt', text: 'B.' },
  ]);
  assert.throws(() => articleList('nope'), /must be an array/);
  assert.throws(() => articleList([{ name: 'x' }]), /has no text/);
  assert.deepEqual(await resolveInput([{ name: 'a.txt', text: 'A.' }]), { kind: 'articles', articles: [{ name: 'a.txt', text: 'A.' }], manifest: '', problems: [] });
  const withManifest = await resolveInput({ articles: [{ name: 'a.txt', text: 'A.' }], manifest: { articles: [{ file: 'a.txt', title: 'T' }] } });
  assert.equal(withManifest.kind === 'articles' && withManifest.manifest, '{"articles":[{"file":"a.txt","title":"T"}]}');
  assert.deepEqual(await resolveInput({ schema: 'storylines/1', articles: [] }), { kind: 'export', model: { schema: 'storylines/1', articles: [] } });
  await assert.rejects(resolveInput(/** @type {any} */ ({ nothing: 1 })), /load\(\) takes/);
});

test('an export goes back to the engine as plain text with its ids and metadata', () => {
  const model = {
    schema: 'storylines/1',
    articles: [
      { id: 'one', file: 'one.html', text: 'Text one.', title: 'One', outlet: 'O', published: '2024-01-02', url: null, language: 'en', authors: ['A'] },
      { id: 2, text: 'skipped: no string id' },
    ],
  };
  const { articles, manifest } = articlesOfExport(model);
  assert.deepEqual(articles, [{ name: 'one.txt', text: 'Text one.' }]);
  assert.deepEqual(JSON.parse(manifest), { articles: [{ file: 'one.txt', id: 'one', title: 'One', outlet: 'O', published: '2024-01-02', language: 'en', authors: ['A'] }] });
});

test('a selection names its kind and item', () => {
  const model = {
    articles: [{ id: 'a1' }],
    events: [{ id: 'e1' }],
    claims: [{ id: 'c1' }],
    entities: [{ id: 'person:x' }],
    reuse: [{ from: 'a1', to: 'a2', score: 0.9 }],
  };
  const at = (/** @type {any} */ patch) => selectionOf(model, withState(emptyState(), patch));
  assert.equal(at({ sel: '' }), null);
  assert.deepEqual(at({ view: 'sources', sel: 'a1', s: '3' }), { id: 'a1', view: 'sources', sentence: 3, kind: 'article', item: { id: 'a1' } });
  assert.equal(at({ sel: 'c1' })?.kind, 'claim');
  assert.equal(at({ sel: 'person:x' })?.kind, 'entity');
  assert.deepEqual(at({ view: 'provenance', sel: 'a1>a2' })?.item, { from: 'a1', to: 'a2', score: 0.9 });
  assert.equal(at({ sel: 'zzz' })?.kind, 'unknown');
});
