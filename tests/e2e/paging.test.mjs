// Long lists drawn a page at a time (issues 20 and 21: a 1,000-article story drew thousands of checkboxes and
// cards at once, one long task), in headless Chromium on a large model made from the sample's export: the
// filters' source and entity groups draw a page with "Show more" and a find box that narrows them by name (a
// chosen box stays drawn); the sources, claims and entities views draw a page with "Show more"; a permalink to
// an item beyond the first page draws it; axe finds no violation; screenshots at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, newPage, bundleExport, axeViolations, RESULTS } from './harness.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let env;
/** @type {any} */
let big;

const X = 'storylines-explorer';
/** Copies of the sample's articles (and of their claims and entities) in the large model. */
const COPIES = 24;

/**
 * The sample's export with its articles, claims and entities copied `n` times under new ids (the k-th copy's
 * headlines end in "(copy k)"); the findings between articles are left out.
 * @param {any} m
 * @param {number} n
 */
function enlarge(m, n) {
  const ks = Array.from({ length: n }, (_, k) => k);
  const id = (/** @type {string} */ a, /** @type {number} */ k) => `${a}-${k}`;
  const ref = (/** @type {any} */ r, /** @type {number} */ k) => ({ ...r, article: id(r.article, k) });
  return {
    ...m,
    articles: ks.flatMap((k) => m.articles.map((/** @type {any} */ a) => ({ ...a, id: id(a.id, k), title: `${a.title ?? a.id} (copy ${k})` }))),
    claims: ks.flatMap((k) =>
      m.claims.map((/** @type {any} */ c) => ({
        ...c,
        id: id(c.id, k),
        sources: c.sources.map((/** @type {string} */ s) => id(s, k)),
        independentSources: c.independentSources.map((/** @type {string} */ s) => id(s, k)),
        sentences: c.sentences.map((/** @type {any} */ r) => ref(r, k)),
        events: [],
      })),
    ),
    entities: ks.flatMap((k) => m.entities.map((/** @type {any} */ e) => ({ ...e, id: id(e.id, k), name: `${e.name} ${k}`, mentions: e.mentions.map((/** @type {any} */ r) => ref(r, k)) }))),
    ...Object.fromEntries(['contradictions', 'quotes', 'quoteGroups', 'reuse', 'alignments', 'events', 'stories', 'times', 'numbers'].map((k) => [k, []])),
  };
}

before(async () => {
  env = await start();
  big = enlarge(await bundleExport(), COPIES);
});
after(async () => env?.close());

/**
 * Opens the page and shows the large model (as an export shown from script).
 * @param {string} [query]
 */
async function open(query = '') {
  const p = await newPage(env.browser, env.url);
  await p.page.goto(env.url + query);
  await p.page.waitForFunction(() => /** @type {any} */ (document.querySelector('storylines-explorer'))?.engineBacked && !(/** @type {any} */ (document.querySelector('storylines-explorer')).busy));
  await p.page.evaluate((m) => /** @type {any} */ (document.querySelector('storylines-explorer')).showModel(m), big);
  return p;
}

test('the filters draw a page of a long group, more on demand, and a find box narrows it by name', async () => {
  const { page, context, errors } = await open();
  const sources = page.locator(`${X} [data-testid=filter-sources]`);
  assert.ok(big.articles.length > 100);
  assert.equal(await sources.count(), 50, 'a page of the sources');
  const more = page.locator(`${X} .checks-sources [data-testid=show-more]`);
  assert.match(await more.innerText(), new RegExp(`Show 50 more \\(${big.articles.length - 50} not shown yet\\)`));
  await more.click();
  await page.waitForFunction(() => document.querySelector('storylines-explorer')?.shadowRoot?.querySelectorAll('[data-testid=filter-sources]').length === 100);
  // A box beyond the first page, checked, stays drawn (and filters the views).
  const far = big.articles[80].id;
  await page.locator(`${X} [data-testid=filter-sources][value="${far}"]`).check();
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('sources') === id, far);
  assert.equal(await page.locator(`${X} [data-testid=filter-sources][value="${far}"]`).isChecked(), true);
  // The find box: only the sources whose name has the words, the chosen one kept.
  await page.locator(`${X} [data-testid=find-f-sources]`).fill('(copy 7)');
  await page.waitForFunction(() => document.querySelector('storylines-explorer')?.shadowRoot?.querySelectorAll('[data-testid=filter-sources]').length < 10);
  const labels = await page.locator(`${X} .checks-sources label:has([data-testid=filter-sources])`).allInnerTexts();
  const perCopy = big.articles.length / COPIES;
  assert.equal(labels.length, perCopy + 1, labels.join('\n'));
  assert.equal(labels.filter((l) => l.includes('(copy 7)')).length, perCopy);
  // People: a page of them, with their own find box.
  const people = big.entities.filter((/** @type {any} */ e) => e.kind === 'person');
  assert.ok(people.length > 50, `${people.length} people`);
  const boxes = page.locator(`${X} .checks-entities:has(legend:text-is("People")) [data-testid=filter-entities]`);
  assert.equal(await boxes.count(), 50);
  await page.locator(`${X} [data-testid=find-f-person]`).fill(`${people[0].name}`);
  await page.waitForFunction(
    () => document.querySelector('storylines-explorer')?.shadowRoot?.querySelector('[data-testid=find-f-person]')?.closest('fieldset')?.querySelectorAll('[data-testid=filter-entities]').length === 1,
  );
  assert.equal(await boxes.getAttribute('value'), people[0].id);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
    await page.locator(`${X} .filters-fold`).evaluate((d) => /** @type {HTMLDetailsElement} */ (d).setAttribute('open', ''));
    await page.locator(`${X} .side`).screenshot({ path: path.join(RESULTS, `paging-filters-${width}.png`) });
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the sources, claims and entities views draw a page, more on demand, and a linked item beyond it', async () => {
  const { page, context, errors } = await open();
  for (const [view, item, total] of /** @type {const} */ ([
    ['sources', 'source-card', big.articles.length],
    ['claims', 'claim', big.claims.length],
  ])) {
    await page.locator(`${X} nav a[data-view=${view}]`).click();
    const items = page.locator(`${X} [data-testid=${item}]`);
    assert.ok(total > 100, `${view}: ${total}`);
    assert.equal(await items.count(), 50, `${view}: a page`);
    await page.locator(`${X} .view-slot [data-testid=show-more]`).click();
    await page.waitForFunction((t) => document.querySelector('storylines-explorer')?.shadowRoot?.querySelectorAll(`[data-testid=${t}]`).length === 100, item);
    // The focus stays on "Show more", so that a keyboard user goes on where they were.
    assert.equal(await page.evaluate(() => document.querySelector('storylines-explorer')?.shadowRoot?.activeElement?.getAttribute('data-testid')), 'show-more');
    for (const [width, height] of [
      [390, 844],
      [1366, 900],
    ]) {
      await page.setViewportSize({ width, height });
      await page.locator(`${X} .view-slot [data-testid=show-more]`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS, `paging-${view}-${width}.png`) });
    }
  }
  const entities = page.locator(`${X} [data-testid=entity]`);
  await page.locator(`${X} nav a[data-view=entities]`).click();
  const kinds = new Set(big.entities.map((/** @type {any} */ e) => e.kind)).size;
  assert.ok((await entities.count()) <= 50 * kinds, 'a page of each kind');
  assert.ok((await entities.count()) < big.entities.length);
  assert.deepEqual(errors, []);
  // (axe's own injected styles are refused by the page's CSP and logged: the errors are checked before.)
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
  // A permalink to the 120th claim draws it (beyond the first page), selected.
  const target = big.claims[119].id;
  const linked = await open(`?view=claims&sel=${encodeURIComponent(target)}`);
  await linked.page.locator(`${X} [data-testid=claim][data-id="${target}"][aria-current=true]`).waitFor({ timeout: 10000 });
  assert.deepEqual(linked.errors, []);
  await linked.context.close();
});
