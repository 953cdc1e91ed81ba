// The explorer in headless Chromium (time zone and locale pinned by the harness): every view and filter on
// the bundle, checked against the export computed in Node; permalinks and back/forward; the timeline by
// keyboard and pointer; no request outside 127.0.0.1, no console error, no article text parsed as HTML.
// Views whose findings the engine does not produce yet are also checked on a synthetic full export
// (fixture.mjs) shown through the element's `showModel`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, newPage, bundleExport, withBundle, RESULTS } from './harness.mjs';
import { richExport } from './fixture.mjs';
import { indexModel, derive, timelineItems, overview, diffRows, rowsFromEngineDiff, headlineOf } from '../../www/model/model.js';
import { emptyState, withState, VIEWS } from '../../www/model/state.js';

/** @type {Awaited<ReturnType<typeof start>>} */
let env;
/** @type {any} */
let expected;
/** @type {any} */
let rich;

before(async () => {
  env = await start();
  expected = await bundleExport();
  rich = richExport(expected);
});
after(async () => env?.close());

const X = 'storylines-explorer';

/**
 * Opens the page at `query` and waits for the first render.
 * @param {string} [query]
 * @param {{ width?: number, height?: number }} [viewport]
 */
async function open(query = '', viewport) {
  const p = await newPage(env.browser, env.url);
  if (viewport) await p.page.setViewportSize({ width: viewport.width ?? 1280, height: viewport.height ?? 900 });
  await p.page.goto(env.url + query);
  await p.page.locator(`${X} [data-view]`).first().waitFor({ timeout: 15000 });
  // The sample is drawn from its precomputed model first: wait for the engine's own result, which replaces it.
  await p.page.waitForFunction(() => /** @type {any} */ (document.querySelector('storylines-explorer'))?.engineBacked, null, { timeout: 30000 });
  return p;
}

/**
 * Replaces the engine's export with `model` in the page's explorer.
 * @param {import('playwright-core').Page} page
 * @param {any} model
 */
async function show(page, model) {
  await page.evaluate((m) => /** @type {any} */ (document.querySelector('storylines-explorer')).showModel(m), model);
}

/** @param {import('playwright-core').Page} page */
const params = (page) => new URL(page.url()).searchParams;

/** @param {Partial<import('../../www/model/state.js').State>} patch */
const derived = (/** @type {any} */ model, patch = {}) => {
  const ix = indexModel(model);
  return { ix, d: derive(ix, withState(emptyState(), patch)) };
};

test('the overview opens first and shows the story in numbers computed by the engine', async () => {
  const { page, errors, foreign, context } = await open();
  const o = overview(derived(expected).d);
  assert.equal(await page.locator(`${X} nav a[aria-current=page]`).getAttribute('data-view'), 'overview');
  assert.equal(await page.locator(`${X} [data-testid=tile-sources] .n`).innerText(), String(o.sources));
  assert.equal(await page.locator(`${X} [data-testid=tile-shared] .n`).innerText(), String(expected.alignments.length));
  assert.equal(await page.locator(`${X} [aria-label="Sources by publication date"] li`).count(), expected.articles.length);
  // The manifest and each article are fetched once (the upgrade's attribute callback does not reload).
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()));
  assert.equal(fetched.filter((n) => n === 'manifest.json').length, 1);
  await page.screenshot({ path: path.join(RESULTS, 'overview.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('every view renders on the bundle, marks itself current and says what is missing', async () => {
  const { page, errors, foreign, context } = await open();
  for (const v of [...VIEWS.slice(1), VIEWS[0]]) {
    await page.locator(`${X} nav a[data-view=${v}]`).click();
    await page.locator(`${X} section[data-view=${v}]`).waitFor();
    assert.equal(params(page).get('view'), v === 'overview' ? null : v);
    assert.equal(await page.locator(`${X} nav a[aria-current=page]`).getAttribute('data-view'), v);
    // Focus moves to the new view's heading for keyboard and screen-reader users.
    assert.equal(await page.evaluate(() => document.querySelector('storylines-explorer')?.shadowRoot?.activeElement?.tagName), 'H2');
  }
  if (expected.contradictions === undefined || expected.contradictions.length === 0) {
    await page.locator(`${X} nav a[data-view=contradictions]`).click();
    assert.match(await page.locator(`${X} [data-testid=empty]`).first().innerText(), /No contradictions found/);
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('sources: one card per article; opening one shows its text highlighted and shaded, furniture folded', async () => {
  const { page, errors, context } = await open('?view=sources');
  const cards = page.locator(`${X} [data-testid=source-card]`);
  assert.equal(await cards.count(), expected.articles.length);
  for (const a of expected.articles) {
    assert.equal(await page.locator(`${X} [data-testid=source-card][data-article="${a.id}"] h3`).innerText(), headlineOf(a), 'the headline, else the first words of the text, never a raw id');
  }
  const a = expected.articles.find((/** @type {any} */ x) => x.furniture.length > 3);
  await page.locator(`${X} a[data-article="${a.id}"]`).click();
  assert.equal(params(page).get('sel'), a.id);
  const reader = page.locator(`${X} [data-testid=reader] article`);
  await reader.waitFor();
  assert.equal(await reader.locator('.reader-body .sentence').count(), a.sentences.length);
  assert.equal(await reader.locator('.reader-body .agree-cue').count(), a.sentences.length, 'every sentence has a text cue for its agreement');
  // The reader's text is the article's text, sliced at the engine's offsets.
  const first = await reader.locator('.reader-body .sentence').first().evaluate((el) => el.firstChild?.textContent + [...el.childNodes].slice(1, -1).map((n) => n.textContent).join(''));
  assert.equal(first, a.text.slice(a.sentences[0].start, a.sentences[0].end));
  const details = reader.locator('details.furniture');
  assert.equal(await details.evaluate((el) => /** @type {HTMLDetailsElement} */ (el).open), false);
  assert.equal(await details.locator('li').count(), a.furniture.length);
  await page.screenshot({ path: path.join(RESULTS, 'sources.png'), fullPage: true });
  // With annotations (synthetic entities and quotes), spans carry them.
  await show(page, rich);
  const marks = await page.locator(`${X} [data-testid=reader] .hl`).count();
  assert.ok(marks > 0, 'annotations are highlighted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('article text is never parsed as HTML', async () => {
  const { page, context } = await open('?view=sources');
  const evil = structuredClone(expected);
  const a = evil.articles[0];
  const inject = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  a.text = inject + a.text.slice(inject.length);
  a.title = '<b>bold</b>';
  await show(page, evil);
  await page.goto(env.url + `?view=sources&sel=${a.id}`);
  await page.locator(`${X} [data-testid=reader] article`).waitFor();
  await show(page, evil);
  const tags = await page.evaluate(() => {
    const root = document.querySelector('storylines-explorer')?.shadowRoot;
    return [...(root?.querySelectorAll('script, img, iframe, object, b') ?? [])].length;
  });
  assert.equal(tags, 0);
  assert.match(await page.locator(`${X} [data-testid=reader] .reader-body`).innerText(), /<img src=x/);
  await context.close();
});

test('filters combine, obey the export, highlight search hits and live in the URL', async () => {
  const { page, errors, context } = await open('?view=sources');
  const one = expected.articles[1].id;
  await page.locator(`${X} [data-testid=filter-sources][value="${one}"]`).check();
  assert.equal(params(page).get('sources'), one);
  assert.equal(await page.locator(`${X} [data-testid=source-card]`).count(), 1);
  await page.locator(`${X} [data-testid=filter-sources][value="${one}"]`).uncheck();
  await page.locator(`${X} [data-testid=filter-q]`).fill('Kazakh');
  await page.locator(`${X} [data-testid=filter-q]`).press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Kazakh');
  const q = derived(expected, { q: 'Kazakh' }).d;
  assert.equal(await page.locator(`${X} [data-testid=source-card]`).count(), q.articles.length);
  // Combine with the synthetic findings: search + status on the claims list.
  await show(page, rich);
  await page.locator(`${X} nav a[data-view=claims]`).click();
  await page.locator(`${X} [data-testid=filter-status][value=single-source]`).check();
  const both = derived(rich, { q: 'Kazakh', status: ['single-source'] }).d;
  assert.equal(await page.locator(`${X} [data-testid=claim]`).count(), both.claims.length);
  assert.ok(await page.locator(`${X} section[data-view=claims] mark`).count() > 0, 'search hits are marked');
  assert.equal(params(page).get('status'), 'single-source');
  await page.screenshot({ path: path.join(RESULTS, 'claims.png'), fullPage: true });
  // Entity filter from the entities view.
  await page.locator(`${X} nav a[data-view=entities]`).click();
  await page.locator(`${X} button.clear`).click();
  const ent = rich.entities[0];
  await page.locator(`${X} [data-testid=filter-entities][value="${ent.id}"]`).check();
  assert.equal(params(page).get('entities'), ent.id);
  assert.equal(await page.locator(`${X} [data-testid=entity]`).count(), 1);
  await page.screenshot({ path: path.join(RESULTS, 'entities.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a permalink reproduces the view, and back/forward walk the history', async () => {
  const a = expected.articles[2].id;
  const { page, errors, context } = await open(`?view=sources&sel=${a}&q=Putin`);
  await page.locator(`${X} [data-testid=reader] article`).waitFor();
  assert.equal(await page.locator(`${X} [data-testid=filter-q]`).inputValue(), 'Putin');
  assert.equal(await page.locator(`${X} [data-testid=source-card][data-article="${a}"] a`).getAttribute('aria-current'), 'true');
  await page.locator(`${X} nav a[data-view=timeline]`).click();
  await page.locator(`${X} section[data-view=timeline]`).waitFor();
  await page.locator(`${X} nav a[data-view=provenance]`).click();
  await page.locator(`${X} section[data-view=provenance]`).waitFor();
  await page.goBack();
  await page.locator(`${X} section[data-view=timeline]`).waitFor();
  await page.goBack();
  await page.locator(`${X} [data-testid=reader] article`).waitFor();
  assert.equal(params(page).get('sel'), a);
  await page.goForward();
  await page.locator(`${X} section[data-view=timeline]`).waitFor();
  assert.equal(await page.locator(`${X} [data-testid=filter-q]`).inputValue(), 'Putin', 'filters survive view changes');
  assert.deepEqual(errors, []);
  await context.close();
});

test('timeline: as many marks as the export has events under the filters; keyboard zoom, pan and select', async () => {
  const { page, errors, context } = await open('?view=timeline');
  const real = derived(expected).d;
  assert.equal(await page.locator(`${X} [data-testid=event-item]`).count(), real.events.length);
  assert.equal(await page.locator(`${X} [data-testid=pub-mark]`).count(), timelineItems(indexModel(expected), real).published.length);
  await show(page, rich);
  const { ix, d } = derived(rich);
  const items = timelineItems(ix, d);
  assert.equal(await page.locator(`${X} [data-testid=event-mark]`).count(), items.dated.length);
  assert.equal(await page.locator(`${X} [data-testid=event-item]`).count(), d.events.length);
  // Every mark carries its event's label as SVG text, shortened at a word with the full label kept.
  const labels = await page.locator(`${X} [data-testid=event-mark] text.tl-label`).allTextContents();
  assert.equal(labels.length, items.dated.length);
  for (const [i, e] of items.dated.entries()) {
    const full = String(e.ev.label ?? e.ev.id);
    const label = await page.locator(`${X} [data-testid=event-mark][data-event="${e.ev.id}"] text.tl-label`).textContent();
    assert.ok(label && full.startsWith(label.replace(/…$/, '')), `label ${i} is its event's label: ${label}`);
  }
  await page.screenshot({ path: path.join(RESULTS, 'timeline.png'), fullPage: true });
  const plot = page.locator(`${X} [data-testid=timeline-plot]`);
  const win = async () => (await plot.getAttribute('data-window'))?.split('~').map(Number) ?? [];
  await plot.focus();
  const w0 = await win();
  await page.keyboard.press('+');
  const w1 = await win();
  assert.ok(w1[1] - w1[0] < (w0[1] - w0[0]) * 0.6, 'plus zooms in');
  await page.keyboard.press('ArrowRight');
  const w2 = await win();
  assert.ok(w2[0] > w1[0], 'right arrow pans to later');
  assert.match(params(page).get('zoom') ?? '', /~/);
  await page.keyboard.press('0');
  assert.deepEqual(await win(), w0, '0 fits everything again');
  // Tab from the chart reaches an event mark; Enter selects it and shows its sentences per source.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.querySelector('storylines-explorer')?.shadowRoot?.activeElement?.getAttribute('data-event'));
  assert.ok(focused, 'an event mark has the focus');
  await page.keyboard.press('Enter');
  assert.equal(params(page).get('sel'), focused);
  const detail = page.locator(`${X} [data-testid=event-detail]`);
  await detail.waitFor();
  const ev = rich.events.find((/** @type {any} */ e) => e.id === focused);
  assert.equal(await detail.locator('[data-testid=support]').count(), new Set(ev.sentences.map((/** @type {any} */ s) => s.article)).size);
  assert.equal(await page.locator(`${X} [data-testid=event-mark][aria-current=true]`).count(), 1);
  // Searching from the timeline narrows the events like the filter panel does.
  const term = rich.events[0].label.split(' ')[1];
  await page.locator(`${X} [data-testid=timeline-q]`).fill(term);
  await page.locator(`${X} [data-testid=timeline-q]`).press('Enter');
  assert.equal(await page.locator(`${X} [data-testid=event-item]`).count(), derived(rich, { q: term }).d.events.length);
  assert.ok(await page.locator(`${X} [data-testid=event-item] mark`).count() > 0);
  await page.locator(`${X} [data-testid=timeline-q]`).fill('');
  await page.locator(`${X} [data-testid=timeline-q]`).press('Enter');
  // Status filter: the marks follow the export under the same filter.
  await page.locator(`${X} [data-testid=filter-status][value=contested]`).check();
  const contested = timelineItems(ix, derive(ix, withState(emptyState(), { status: ['contested'] })));
  assert.equal(await page.locator(`${X} [data-testid=event-mark]`).count(), contested.dated.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('timeline: wheel zooms, dragging the lowest strip brushes a date range that filters every view', async () => {
  const { page, errors, context } = await open('?view=timeline');
  await show(page, rich);
  const plot = page.locator(`${X} [data-testid=timeline-plot]`);
  const before = (await plot.getAttribute('data-window')) ?? '';
  const box = await plot.boundingBox();
  assert.ok(box);
  await page.mouse.move(box.x + box.width / 2, box.y + 60);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction((b) => {
    const el = document.querySelector('storylines-explorer')?.shadowRoot?.querySelector('[data-testid=timeline-plot]');
    return el && el.getAttribute('data-window') !== b;
  }, before);
  await page.locator(`${X} [data-testid=timeline-plot]`).focus();
  await page.keyboard.press('0');
  const lane = page.locator(`${X} .tl-brush-lane`);
  const lb = await lane.boundingBox();
  assert.ok(lb);
  await page.mouse.move(lb.x + lb.width * 0.55, lb.y + lb.height / 2);
  await page.mouse.down();
  await page.mouse.move(lb.x + lb.width * 0.75, lb.y + lb.height / 2, { steps: 4 });
  await page.mouse.move(lb.x + lb.width * 0.99, lb.y + lb.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from'));
  const from = params(page).get('from') ?? '';
  const to = params(page).get('to') ?? '';
  assert.match(from, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(await page.locator(`${X} [data-testid=filter-from]`).inputValue(), from);
  const d = derived(rich, { from, to }).d;
  assert.equal(await page.locator(`${X} [data-testid=event-item]`).count(), d.events.length);
  await page.locator(`${X} nav a[data-view=claims]`).click();
  assert.equal(await page.locator(`${X} [data-testid=claim]`).count(), d.claims.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('source diffs: side by side, every sentence once, changes and moves marked; collation of a claim', async () => {
  const p = expected.alignments[0];
  const { page, errors, context } = await open(`?view=diff&a=${p.a.article}&b=${p.b.article}`);
  // The engine's pairwise diff when this wasm build has one (the page asks the worker), else the page's own.
  const engine = await withBundle((c) => (typeof c.diff === 'function' ? c.diff(p.a.article, p.b.article) : null));
  const rows = engine ? rowsFromEngineDiff(engine) : diffRows(indexModel(expected), p.a.article, p.b.article);
  await page.waitForFunction(
    (text) => document.querySelector('storylines-explorer')?.shadowRoot?.querySelector('[data-testid=diff-summary]')?.textContent?.includes(text),
    engine ? 'the engine’s diff' : 'computed in the page',
  );
  assert.equal(await page.locator(`${X} [data-testid=diff-row]`).count(), rows.length);
  for (const kind of ['pair', 'move', 'onlyA', 'onlyB']) {
    assert.equal(await page.locator(`${X} [data-testid=diff-row][data-kind=${kind}]`).count(), rows.filter((r) => r.kind === kind).length, kind);
  }
  assert.equal(await page.locator(`${X} [data-testid=diff-a]`).inputValue(), p.a.article);
  await show(page, rich);
  const claim = rich.claims[0];
  await page.locator(`${X} [data-testid=collate-pick]`).selectOption(claim.id);
  assert.equal(params(page).get('sel'), claim.id);
  assert.equal(await page.locator(`${X} [data-testid=collation] tbody tr`).count(), claim.sentences.length);
  await page.screenshot({ path: path.join(RESULTS, 'diff.png'), fullPage: true });
  // Picking another source updates the URL.
  const other = expected.articles.find((/** @type {any} */ a) => a.id !== p.a.article && a.id !== p.b.article).id;
  await page.locator(`${X} [data-testid=diff-b]`).selectOption(other);
  assert.equal(params(page).get('b'), other);
  assert.deepEqual(errors, []);
  await context.close();
});

test('claims, contradictions, quotes and provenance list the findings and link to sentences, timeline and diff', async () => {
  const { page, errors, context } = await open('?view=contradictions');
  await show(page, rich);
  const { d } = derived(rich);
  assert.equal(await page.locator(`${X} [data-testid=contradiction]`).count(), d.contradictions.length);
  await page.screenshot({ path: path.join(RESULTS, 'contradictions.png'), fullPage: true });
  await page.locator(`${X} nav a[data-view=quotes]`).click();
  assert.equal(await page.locator(`${X} [data-testid=quote-group]`).count(), d.quoteGroups.length);
  const g = rich.quoteGroups[0];
  const firstCite = await page.locator(`${X} [data-testid=quote-group] .lineage li`).first().innerText();
  assert.match(firstCite, /^earliest/, 'lineage starts with the earliest quote');
  const second = g.lineage?.[1]?.relation ?? 'rewords';
  assert.equal(await page.locator(`${X} [data-testid=quote-group] .lineage li`).nth(1).getAttribute('data-relation'), second);
  assert.ok(g.quotes.includes(g.earliest), 'the earliest quote is one of the group');
  await page.screenshot({ path: path.join(RESULTS, 'quotes.png'), fullPage: true });
  await page.locator(`${X} nav a[data-view=claims]`).click();
  // The first claim told of an event links to it on the timeline.
  const dated = rich.claims.find((/** @type {any} */ c) => (c.events ?? []).length > 0);
  const claim = page.locator(`${X} [data-testid=claim][data-id="${dated.id}"]`);
  await claim.getByText('on the timeline').click();
  assert.equal(params(page).get('view'), 'timeline');
  assert.equal(params(page).get('sel'), dated.events[0]);
  await page.locator(`${X} [data-testid=event-detail]`).waitFor();
  await page.goBack();
  await page.locator(`${X} [data-testid=claim][data-id="${dated.id}"]`).getByText('compare in the diff').click();
  assert.equal(params(page).get('view'), 'diff');
  await page.locator(`${X} [data-testid=collation]`).waitFor();
  await page.locator(`${X} nav a[data-view=provenance]`).click();
  assert.equal(await page.locator(`${X} [data-testid=reuse-edge]`).count(), d.reuse.length);
  // The flow's columns are publication dates in order, undated sources last.
  const columns = await page.locator(`${X} [data-testid=reuse-graph] text.flow-col`).allTextContents();
  const dates = columns.filter((c) => c !== 'undated');
  assert.deepEqual(dates, [...dates].sort(), 'earliest source on the left');
  assert.ok(!columns.includes('undated') || columns.at(-1) === 'undated');
  assert.equal(await page.locator(`${X} [data-testid=reuse-graph] .flow-node`).count(), new Set(d.reuse.flatMap((/** @type {any} */ r) => [r.from, r.to])).size);
  assert.equal(await page.locator(`${X} [data-testid=aligned-pair]`).count(), expected.alignments.length);
  await page.screenshot({ path: path.join(RESULTS, 'provenance.png'), fullPage: true });
  // A sentence link opens the reader on that sentence, marked as current.
  const ref = expected.alignments[0].b;
  await page.locator(`${X} [data-testid=aligned-pair]`).first().locator('blockquote').nth(1).locator('cite a').click();
  const target = page.locator(`${X} [data-testid=reader] .sentence[aria-current=true]`);
  await target.waitFor();
  assert.equal(await target.getAttribute('data-sentence'), String(ref.sentence));
  assert.equal(params(page).get('s'), String(ref.sentence));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the alignment threshold re-runs the engine in the worker', async () => {
  const { page, errors, context } = await open('?view=provenance');
  const strict = await bundleExport({ alignThreshold: 0.9 });
  const slider = page.locator(`${X} [data-testid=filter-threshold]`);
  await slider.fill('0.9');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('t') === '0.9');
  await page.waitForFunction((n) => document.querySelector('storylines-explorer')?.shadowRoot?.querySelectorAll('[data-testid=aligned-pair]').length === n, strict.alignments.length);
  assert.match(await page.locator(`${X} [data-testid=status]`).innerText(), /threshold 0\.9/);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelector('storylines-explorer')?.shadowRoot?.querySelectorAll('[data-testid=aligned-pair]').length === n, expected.alignments.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two explorers on one page keep their own state', async () => {
  const { page, errors, context } = await open();
  await page.evaluate(() => {
    const second = document.createElement('storylines-explorer');
    second.setAttribute('src', 'articles/manifest.json');
    second.setAttribute('state-key', 'two');
    second.id = 'second';
    document.querySelector('main')?.append(second);
  });
  await page.locator('#second [data-view]').first().waitFor({ timeout: 15000 });
  await page.locator('#second nav a[data-view=sources]').click();
  assert.equal(params(page).get('two.view'), 'sources');
  assert.equal(params(page).get('view'), null);
  assert.equal(await page.locator(`${X}:not(#second) nav a[aria-current=page]`).getAttribute('data-view'), 'overview');
  await page.locator(`${X}:not(#second) nav a[data-view=timeline]`).click();
  assert.equal(await page.locator('#second nav a[aria-current=page]').getAttribute('data-view'), 'sources');
  assert.deepEqual(errors, []);
  await context.close();
});

test('works at 360 px wide without horizontal scrolling', async () => {
  const { page, errors, context } = await open('?view=overview', { width: 360, height: 800 });
  for (const v of ['overview', 'timeline', 'diff', 'sources']) {
    await page.goto(`${env.url}?view=${v}`);
    await page.locator(`${X} section[data-view=${v}]`).waitFor({ timeout: 15000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${v}: ${overflow}px of horizontal overflow`);
  }
  await page.goto(`${env.url}?view=overview`);
  await page.locator(`${X} section[data-view=overview]`).waitFor({ timeout: 15000 });
  // The filters start folded on a narrow screen, and open on demand.
  assert.equal(await page.locator(`${X} details.filters-fold`).evaluate((el) => /** @type {HTMLDetailsElement} */ (el).open), false);
  await page.screenshot({ path: path.join(RESULTS, 'narrow.png'), fullPage: true });
  // The engine's own run replaces the precomputed sample and redraws the filters: type after it, not into a
  // fold about to be replaced (under load the redraw came between typing and Enter).
  await page.waitForFunction(() => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    return el && el.model && !el.busy;
  }, null, { timeout: 60000 });
  await page.locator(`${X} details.filters-fold > summary`).click();
  await page.locator(`${X} [data-testid=filter-q]`).fill('Putin');
  await page.locator(`${X} [data-testid=filter-q]`).press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === 'Putin', { timeout: 15000 });
  assert.equal(params(page).get('q'), 'Putin');
  assert.equal(await page.locator(`${X} details.filters-fold`).evaluate((el) => /** @type {HTMLDetailsElement} */ (el).open), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('calendar dates stay as the sources state them in any time zone', async () => {
  for (const timezoneId of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
    const context = await env.browser.newContext({ timezoneId, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${env.url}?view=timeline`);
    await page.locator(`${X} section[data-view=timeline]`).waitFor({ timeout: 15000 });
    for (const a of expected.articles.filter((/** @type {any} */ x) => x.published)) {
      const label = await page.locator(`${X} [data-testid=pub-mark][data-article="${a.id}"] text`).textContent();
      assert.ok(label?.endsWith(a.published.slice(0, 10)), `${timezoneId}: ${label} for ${a.published}`);
    }
    await context.close();
  }
});
