// The story desk, in headless Chromium (issue 20): a folder of the user's articles becomes a story of its
// own (only those articles, none of the sample's findings in any view, named after its headlines, named in
// the URL, kept across a reload, renameable, beside the sample in the switcher); a metadata edit in a source
// card reaches the engine (an article given another's outlet stops counting as an independent source), shows
// where each value came from, suggests an outlet from the text and is undoable; axe finds no violation on
// any view of the user's story; screenshots of every view at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, newPage, bundleExport, axeViolations, RESULTS } from './harness.mjs';
import { VIEWS } from '../../www/model/state.js';
import { storyFolder, deskReady, chooseFolder } from './desk-story.mjs';

/** @type {Awaited<ReturnType<typeof start>>} */
let env;
/** @type {any} */
let sample;
/** @type {string} */
let folder;

const X = 'storylines-explorer';

before(async () => {
  env = await start();
  sample = await bundleExport();
  folder = await storyFolder();
});
after(async () => env?.close());

const ready = deskReady;

/** @param {import('playwright-core').Page} page */
const model = (page) => page.evaluate(() => /** @type {any} */ (document.querySelector('storylines-explorer')).model);

/** The text of the view after clicking through to `v`. @param {import('playwright-core').Page} page @param {string} v */
async function viewText(page, v) {
  await page.locator(`${X} nav a[data-view=${v}]`).click();
  await page.locator(`${X} section[data-view=${v}]`).waitFor();
  return page.locator(`${X} .view-slot`).innerText();
}

/** @param {import('playwright-core').Page} page @param {string} id */
const claim = async (page, id) => (await model(page)).claims.find((/** @type {any} */ c) => c.id === id);

test('a chosen folder becomes a story of its own: only its articles, none of the sample, named, in the URL, kept across a reload', async () => {
  const { page, context, errors, foreign } = await newPage(env.browser, env.url);
  await page.goto(env.url);
  await ready(page);
  assert.equal(await page.locator(`${X} [data-testid=story-select]`).inputValue(), '', 'the page opens with the sample');
  assert.equal((await model(page)).articles.length, sample.articles.length);
  await page.locator(`${X} [data-testid=add-folder]`).setInputFiles(folder);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('story') === 'mine');
  await ready(page);
  const m = await model(page);
  assert.deepEqual(m.articles.map((/** @type {any} */ a) => a.id), ['a', 'b', 'c'], 'only the folder\'s articles (the hidden file left out)');
  assert.equal(await page.locator(`${X} [data-testid=story-select]`).inputValue(), 'mine');
  assert.equal(await page.locator(`${X} [data-testid=story-title]`).innerText(), 'Harbour bridge Eastport', 'named after the words its headlines share');
  // None of the sample's articles, headlines or findings in any view.
  const sampleTitles = sample.articles.map((/** @type {any} */ a) => a.title).filter(Boolean);
  for (const v of VIEWS) {
    const text = await viewText(page, v);
    for (const t of sampleTitles) assert.ok(!text.includes(t), `${v} shows the sample's headline ${t}`);
    const ids = await page.locator(`${X} .view-slot [data-article]`).evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-article')))]);
    assert.deepEqual(ids.filter((id) => !['a', 'b', 'c'].includes(String(id))), [], `${v} names only the story's articles`);
  }
  await page.reload();
  await ready(page);
  assert.deepEqual((await model(page)).articles.map((/** @type {any} */ a) => a.id), ['a', 'b', 'c'], 'a reload keeps the story');
  // Renamed by the user, the name stays; the sample is one choice away and unchanged.
  await page.locator(`${X} [data-testid=story-name]`).fill('Eastport bridge');
  await page.locator(`${X} [data-testid=story-name]`).press('Enter');
  await page.locator(`${X} [data-testid=story-title]`).getByText('Eastport bridge').waitFor();
  // The sample can be hidden from the switcher, and shown again.
  const options = () => page.locator(`${X} [data-testid=story-select] option`).evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value));
  assert.deepEqual(await options(), ['', 'mine']);
  await page.locator(`${X} [data-testid=hide-sample]`).click();
  await page.locator(`${X} [data-testid=hide-sample]`).getByText('Show the sample').waitFor();
  assert.deepEqual(await options(), ['mine']);
  await page.locator(`${X} [data-testid=hide-sample]`).click();
  await page.locator(`${X} [data-testid=hide-sample]`).getByText('Hide the sample').waitFor();
  assert.deepEqual(await options(), ['', 'mine']);
  await page.locator(`${X} [data-testid=story-select]`).selectOption('');
  await ready(page);
  assert.equal((await model(page)).articles.length, sample.articles.length, 'the sample is analysed alone');
  assert.equal(new URL(page.url()).searchParams.get('story'), null);
  await page.goto(`${env.url}?story=mine&view=sources`);
  await ready(page);
  assert.deepEqual((await model(page)).articles.map((/** @type {any} */ a) => a.id), ['a', 'b', 'c'], 'a link opens the story');
  assert.equal(await page.locator(`${X} [data-testid=story-title]`).innerText(), 'Eastport bridge');
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('metadata edits reach the engine: an article given another\'s outlet stops counting as independent; undoable', async () => {
  const { page, context, errors } = await newPage(env.browser, env.url);
  await chooseFolder(page, env.url, folder);
  const before = await claim(page, 'claim:b:0');
  assert.deepEqual([before.status, before.independentSources], ['corroborated', ['b', 'c']]);
  await page.locator(`${X} nav a[data-view=sources]`).click();
  const card = (/** @type {string} */ id) => page.locator(`${X} [data-testid=source-card][data-article=${id}]`);
  // Where each value came from, and an outlet suggested by the dateline.
  await card('a').locator('[data-testid=meta-edit] summary').click();
  assert.equal(await card('a').locator('[data-testid=meta-from-title]').innerText(), 'found in the text');
  assert.equal(await card('a').locator('[data-testid=meta-from-outlet]').innerText(), 'not found in the text');
  assert.match(await card('a').locator('[data-testid=meta-suggest]').innerText(), /Coastline News \(the dateline names it\)/);
  for (const id of ['b', 'c']) {
    await card(id).locator('[data-testid=meta-edit] summary').click();
    await card(id).locator('[data-testid=meta-outlet]').fill('Harbour Daily');
    await card(id).locator('[data-testid=meta-save]').click();
    await ready(page);
  }
  const after = await claim(page, 'claim:b:0');
  assert.deepEqual([after.status, after.independentSources], ['single-source', ['b']], 'same outlet: one independent source');
  const c = (await model(page)).articles.find((/** @type {any} */ a) => a.id === 'c');
  assert.deepEqual([c.outlet, c.provenance.outlet.source], ['Harbour Daily', 'manifest']);
  await card('c').locator('[data-testid=meta-edit] summary').click();
  assert.equal(await card('c').locator('[data-testid=meta-from-outlet]').innerText(), 'your correction');
  assert.match(await card('c').locator('[data-testid=meta-edit] summary').innerText(), /✎ yours/);
  assert.equal(await page.locator(`${X} [data-testid=source-card] .yours`).count(), 2, 'the corrected cards are marked as the user\'s');
  await page.reload();
  await ready(page);
  assert.equal((await claim(page, 'claim:b:0')).status, 'single-source', 'the edit is kept across a reload');
  await card('c').locator('[data-testid=meta-edit] summary').click();
  await card('c').locator('[data-testid=meta-undo]').click();
  await ready(page);
  assert.deepEqual((await claim(page, 'claim:b:0')).independentSources, ['b', 'c'], 'undone: independent again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every view of the user\'s story: no axe violation; screenshots at 1366 and 390 px', async () => {
  const { page, context } = await newPage(env.browser, env.url);
  await page.setViewportSize({ width: 1366, height: 900 });
  await chooseFolder(page, env.url, folder);
  /** @type {Record<string, any[]>} */
  const found = {};
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
    for (const v of VIEWS) {
      await page.goto(`${env.url}?story=mine&view=${v}${v === 'sources' ? '&sel=a' : ''}`);
      await ready(page);
      await page.evaluate(() => document.querySelector('storylines-explorer')?.shadowRoot?.querySelector('.meta-edit')?.setAttribute('open', ''));
      const bad = await axeViolations(page);
      if (bad.length) found[`${v}@${width}`] = bad;
      await page.screenshot({ path: path.join(RESULTS, `desk-${v}-${width}.png`), fullPage: true });
    }
  }
  assert.deepEqual(found, {});
  await context.close();
});
