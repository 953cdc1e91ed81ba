// The page in headless Chromium: it opens on the bundled articles, shows what the engine computed, makes no
// request outside 127.0.0.1, logs no error, and never turns article text into HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, newPage, bundleExport, RESULTS } from './harness.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let env;
/** @type {any} */
let expected;

before(async () => {
  env = await start();
  expected = await bundleExport();
});
after(async () => env?.close());

test('the page lists the five bundled articles with the metadata the engine read', async () => {
  const { page, errors, foreign, context } = await newPage(env.browser, env.url);
  await page.goto(env.url);
  const cards = page.locator('storylines-explorer [data-testid=source-card]');
  await cards.first().waitFor({ timeout: 15000 });
  assert.equal(await cards.count(), expected.articles.length);
  assert.equal(expected.articles.length, 5);
  for (const a of expected.articles) {
    const card = page.locator(`storylines-explorer [data-testid=source-card]:has(button[data-article="${a.id}"])`);
    assert.equal(await card.locator('h3').innerText(), a.title ?? '(no headline)');
  }
  await page.screenshot({ path: path.join(RESULTS, 'overview.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('sentences shared by two sources are shown as computed in Rust', async () => {
  const { page, context } = await newPage(env.browser, env.url);
  await page.goto(env.url);
  const pairs = page.locator('storylines-explorer [data-testid=aligned-pair]');
  await pairs.first().waitFor({ timeout: 15000 });
  assert.ok(expected.alignments.length > 0);
  assert.equal(await pairs.count(), expected.alignments.length);
  const first = expected.alignments[0];
  const art = expected.articles.find((/** @type {any} */ a) => a.id === first.a.article);
  const s = art.sentences[first.a.sentence];
  assert.equal(await pairs.first().locator('blockquote span').first().innerText(), art.text.slice(s.start, s.end));
  await context.close();
});

test('opening an article shows its body with the furniture folded away', async () => {
  const { page, context } = await newPage(env.browser, env.url);
  await page.goto(env.url);
  const a = expected.articles.find((/** @type {any} */ x) => x.furniture.length > 3);
  await page.locator(`storylines-explorer button[data-article="${a.id}"]`).click();
  const reader = page.locator('storylines-explorer [data-testid=reader] article');
  await reader.waitFor();
  assert.equal(await reader.locator('.sentence').count(), a.sentences.length);
  const details = reader.locator('details.furniture');
  assert.equal(await details.evaluate((el) => /** @type {HTMLDetailsElement} */ (el).open), false);
  assert.equal(await details.locator('li').count(), a.furniture.length);
  await page.screenshot({ path: path.join(RESULTS, 'reader.png'), fullPage: true });
  await context.close();
});

test('article text is never parsed as HTML', async () => {
  const { page, context } = await newPage(env.browser, env.url);
  await page.goto(env.url);
  await page.locator('storylines-explorer [data-testid=source-card]').first().waitFor({ timeout: 15000 });
  // Everything rendered from the export is text: no element inside the explorer comes from article text.
  const tags = await page.evaluate(() => {
    const root = document.querySelector('storylines-explorer')?.shadowRoot;
    return [...(root?.querySelectorAll('script, img, iframe, object') ?? [])].length;
  });
  assert.equal(tags, 0);
  await context.close();
});
