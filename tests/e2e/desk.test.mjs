// The story desk, in headless Chromium (issue 20): a folder of the user's articles becomes a story of its
// own (only those articles, none of the sample's findings in any view, named after its headlines, named in
// the URL, kept across a reload, renameable, beside the sample in the switcher); a metadata edit in a source
// card reaches the engine (an article given another's outlet stops counting as an independent source), shows
// where each value came from, suggests an outlet from the text and is undoable; axe finds no violation on
// any view of the user's story; screenshots of every view at 1366 and 390 px. A dropped folder (directory
// entries in a synthetic drop) becomes a story of its own; a story can be deleted, after a confirmation, with
// its stored articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, newPage, bundleExport, axeViolations, RESULTS } from './harness.mjs';
import { VIEWS } from '../../www/model/state.js';
import { storyFolder, deskReady, chooseFolder, DESK_ARTICLES } from './desk-story.mjs';

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

test('a dropped folder (directory entries, as Chromium hands them over) becomes a story of its own with only its articles', async () => {
  const { page, context, errors } = await newPage(env.browser, env.url);
  await page.goto(env.url);
  await ready(page);
  // A synthetic drop whose DataTransfer holds one directory entry (with a subfolder and a hidden file), read the
  // way intake.js reads a real one: webkitGetAsEntry, createReader, readEntries in batches, file().
  await page.evaluate((files) => {
    /** @param {string} name @param {string} text */
    const file = (name, text) => ({ isFile: true, isDirectory: false, name, file: (/** @type {(f: File) => void} */ ok) => ok(new File([text], name, { type: 'text/plain' })) });
    /** @param {string} name @param {any[]} children */
    const dir = (name, children) => ({
      isFile: false,
      isDirectory: true,
      name,
      createReader: () => {
        // Two batches, then an empty one: a reader that must be called until it returns nothing.
        const batches = [children.slice(0, 2), children.slice(2), []];
        return { readEntries: (/** @type {(x: any[]) => void} */ ok) => ok(batches.shift() ?? []) };
      },
    });
    const [a, b, c] = Object.entries(files).map(([name, text]) => file(name, text));
    const root = dir('eastport', [a, file('.hidden.txt', 'not an article'), dir('more', [b]), c]);
    const dt = { files: [new File([], 'eastport')], items: [{ kind: 'file', webkitGetAsEntry: () => root }], types: ['Files'] };
    const ev = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(ev, 'dataTransfer', { value: dt });
    document.querySelector('storylines-explorer')?.dispatchEvent(ev);
  }, DESK_ARTICLES);
  await page.waitForFunction(() => new URLSearchParams(location.search).has('story'));
  await ready(page);
  const story = new URL(page.url()).searchParams.get('story');
  assert.ok(story && story !== 'sample', 'a story of the user\'s is open');
  assert.deepEqual((await model(page)).articles.map((/** @type {any} */ a) => a.id), ['a', 'b', 'c'], 'only the folder\'s articles, the subfolder\'s included, the hidden file left out');
  assert.deepEqual(await page.locator(`${X} [data-testid=own-article]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-article'))), ['a', 'b', 'c']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a story can be deleted: asked first, then its stored articles are gone and the sample is shown, with a notice', async () => {
  const { page, context, errors } = await newPage(env.browser, env.url);
  const id = await chooseFolder(page, env.url, folder);
  const stores = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('storylines-workspace')));
  assert.deepEqual(await stores(), ['storylines-workspace'], 'the story (the first, `mine`) has its store');
  // Asked first; keeping it changes nothing.
  await page.locator(`${X} [data-testid=delete-story]`).click();
  assert.match(await page.locator(`${X} [data-testid=delete-confirm]`).innerText(), /Delete “Harbour bridge Eastport” with its articles and corrections/);
  assert.equal(await page.evaluate(() => document.querySelector('storylines-explorer')?.shadowRoot?.activeElement?.getAttribute('data-testid')), 'keep-story', 'the safe answer has the focus');
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator(`${X} [data-testid=desk]`).screenshot({ path: path.join(RESULTS, `desk-delete-${width}.png`) });
  }
  await page.locator(`${X} [data-testid=keep-story]`).click();
  assert.equal(await page.locator(`${X} [data-testid=delete-confirm]`).count(), 0);
  assert.equal((await model(page)).articles.length, 3);
  // Deleted: the sample is shown, the switcher no longer lists the story, its store is gone, and the user is told.
  await page.locator(`${X} [data-testid=delete-story]`).click();
  await page.locator(`${X} [data-testid=delete-story-confirm]`).click();
  await page.locator(`${X} [data-testid=ws-notice]`).filter({ hasText: /Deleted the story “Harbour bridge Eastport” and its 3 articles/ }).waitFor({ timeout: 20000 });
  await ready(page);
  assert.equal((await model(page)).articles.length, sample.articles.length, 'the sample is shown');
  assert.equal(new URL(page.url()).searchParams.get('story'), null);
  const options = () => page.locator(`${X} [data-testid=story-select] option`).evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value));
  assert.deepEqual(await options(), ['']);
  assert.deepEqual(await stores(), [], 'its articles and corrections left the browser');
  // Gone for good: neither a reload nor a link brings it back.
  await page.goto(`${env.url}?story=${id}`);
  await ready(page);
  assert.deepEqual(await options(), ['']);
  assert.equal((await model(page)).articles.length, sample.articles.length);
  // "New story" asks for an empty story: unlike an addition that keeps nothing, it stays open.
  await page.locator(`${X} [data-testid=new-story]`).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('story'));
  await ready(page);
  assert.equal((await options()).length, 2, 'the empty story asked for is kept');
  assert.equal((await model(page)).articles.length, 0);
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
