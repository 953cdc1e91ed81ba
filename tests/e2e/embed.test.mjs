// Embedding (issue 9) in headless Chromium, with the minified build (www/dist) as a host uses it, under the
// server's strict CSP (script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; no 'unsafe-inline'):
// www/examples/two.html (two explorers with different articles on a host with aggressive CSS), the iframe
// embed, the element's attributes, script API and events, and an export loaded back giving the same views.
// Layout: the left explorer of two.html is compared with the same element on a plain host (plain.html) by
// pixels (pngjs + pixelmatch, within a tolerance) and by the bounding boxes of its key parts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { start, newPage, bundleExport, RESULTS } from './harness.mjs';
import { VIEWS } from '../../www/model/state.js';

/** @type {Awaited<ReturnType<typeof start>>} */
let env;
/** @type {any} */
let expected;

before(async () => {
  env = await start();
  expected = await bundleExport();
});
after(async () => env?.close());

/**
 * Opens `file` (under www/) at 1300×1000 and waits until every explorer on it is ready.
 * @param {string} file
 */
async function open(file) {
  const p = await newPage(env.browser, env.url);
  await p.page.setViewportSize({ width: 1300, height: 1000 });
  await p.page.goto(env.url + file);
  await p.page.waitForFunction(
    () => {
      const all = [...document.querySelectorAll('storylines-explorer')];
      return all.length > 0 && all.every((el) => el.shadowRoot?.querySelector('[data-view]'));
    },
    null,
    { timeout: 20000 },
  );
  return p;
}

/**
 * The visible text of one explorer's view, without the status line (it carries a time) and the correction
 * controls (a shared export is read-only).
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
async function viewText(page, selector) {
  const view = page.locator(`${selector} [data-testid=view]`);
  // The diff view draws the page's own diff first and the engine's when the worker answers.
  if (await view.locator('section[data-view=diff]').count()) await view.getByText('the engine’s diff').waitFor({ timeout: 10000 });
  // A shared export is shown read-only: the workspace's "Correct" controls are left out.
  return (await view.innerText())
    .split('\n')
    .filter((line) => line !== 'Correct')
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

test('two explorers with different articles on an aggressive host: both render, state and events stay apart', async () => {
  const { page, errors, foreign, context } = await open('examples/two.html');
  // Different data: the bundle on the left, the three script-handed articles on the right.
  assert.equal(await page.locator('#left [data-testid=tile-sources] .n').innerText(), String(expected.articles.length));
  assert.equal(await page.locator('#right nav a[aria-current=page]').getAttribute('data-view'), 'sources');
  assert.equal(await page.locator('#right [data-testid=source-card]').count(), 3);
  const rightTitles = await page.locator('#right [data-testid=source-card] h3').allInnerTexts();
  assert.ok(rightTitles.some((t) => t.includes('Alder Bridge')), rightTitles.join(' | '));
  // Both fired storylines-ready; the host logged them.
  await page.waitForFunction(() => {
    const v = /** @type {HTMLOutputElement} */ (document.getElementById('log')).value;
    return v.includes('left ready') && v.includes('right ready');
  });
  const log = await page.locator('#log').evaluate((el) => el.textContent ?? '');
  assert.match(log, /left ready \(5 articles\)/);
  assert.match(log, /right ready \(3 articles\)/);
  // Selecting a claim in the right one fires storylines-select there only, and moves only its state.
  await page.locator('#right nav a[data-view=claims]').click();
  const claimId = await page.locator('#right [data-testid=claim]').first().getAttribute('data-id');
  await page.locator('#right [data-testid=claim] h3 a').first().click();
  await page.waitForFunction(() => /right selected claim/.test(/** @type {HTMLOutputElement} */ (document.getElementById('log')).value));
  assert.match(await page.locator('#log').evaluate((el) => el.textContent ?? ''), new RegExp(`right selected claim ${claimId?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.doesNotMatch(await page.locator('#log').evaluate((el) => el.textContent ?? ''), /left selected/);
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('right.view'), 'claims');
  assert.equal(params.get('right.sel'), claimId);
  assert.equal(params.get('left.view'), null);
  assert.equal(await page.locator('#left nav a[aria-current=page]').getAttribute('data-view'), 'overview');
  // theme: the left is forced light, the right dark; height: the right is 900 px tall and scrolls inside.
  const bg = (/** @type {string} */ id) => page.locator(`#${id} .frame`).evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await bg('left'), 'rgb(255, 255, 255)');
  assert.equal(await bg('right'), 'rgb(17, 20, 24)');
  // Forced themes hold whatever the system prefers.
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await bg('left'), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await bg('right'), 'rgb(17, 20, 24)');
  assert.equal(await page.locator('#right').evaluate((el) => el.getBoundingClientRect().height), 900);
  // The host can hide an explorer with the hidden attribute.
  assert.equal(await page.locator('#right').evaluate((el) => ((el.hidden = true), getComputedStyle(el).display)), 'none');
  await page.locator('#right').evaluate((el) => (el.hidden = false));
  await page.screenshot({ path: path.join(RESULTS, 'embed-two.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('the host page CSS does not change the explorer: same pixels and boxes as on a plain host', async () => {
  const shots = [];
  /** @type {Record<string, number[]>[]} */
  const boxes = [];
  /** @type {number | null} the explorer's top on the aggressive host, for the plain one to match */
  let top = null;
  for (const file of ['examples/two.html', 'examples/plain.html']) {
    const { page, errors, context } = await open(file);
    const y = await page.locator('#left').evaluate((el) => el.getBoundingClientRect().y);
    if (top === null) top = y;
    else {
      // Text is drawn at subpixel positions: give the plain host the same fraction of a pixel above the explorer.
      const shift = (((top - y) % 1) + 1) % 1;
      await page.evaluate((px) => (document.body.style.paddingTop = `${12 + px}px`), shift);
    }
    // The status line carries the time the engine took; everything below it is compared.
    const content = page.locator('#left .content');
    shots.push(PNG.sync.read(await content.screenshot()));
    boxes.push(
      await page.locator('#left').evaluate((el) => {
        const root = /** @type {ShadowRoot} */ (el.shadowRoot);
        const origin = root.querySelector('.content')?.getBoundingClientRect();
        /** @type {Record<string, number[]>} */
        const out = {};
        for (const sel of ['nav', '.side', '[data-testid=view]', 'h2', '[data-testid=tile-sources]', 'details.filters-fold summary']) {
          const r = root.querySelector(sel)?.getBoundingClientRect();
          out[sel] = r && origin ? [r.x - origin.x, r.y - origin.y, r.width, r.height].map((v) => Math.round(v)) : [];
        }
        return out;
      }),
    );
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.deepEqual(boxes[0], boxes[1], 'key parts moved or changed size on the aggressive host');
  const [a, b] = shots;
  assert.equal(`${a.width}×${a.height}`, `${b.width}×${b.height}`, 'the explorer changed size on the aggressive host');
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  await writeFile(path.join(RESULTS, 'embed-layout-diff.png'), PNG.sync.write(diff));
  const share = differing / (a.width * a.height);
  assert.ok(share < 0.001, `${differing} pixels (${(share * 100).toFixed(2)}%) differ; see test-results/embed-layout-diff.png`);
});

test('the iframe embed shows the page in full isolation', async () => {
  const { page, errors, foreign, context } = await newPage(env.browser, env.url);
  await page.goto(`${env.url}examples/iframe.html`);
  const frame = page.frameLocator('#frame');
  await frame.locator('storylines-explorer section[data-view=claims]').waitFor({ timeout: 20000 });
  assert.equal(await frame.locator('storylines-explorer [data-testid=claim]').count(), expected.claims.length);
  await page.screenshot({ path: path.join(RESULTS, 'embed-iframe.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('attributes set the initial view and filters; the page URL of the instance wins', async () => {
  const { page, errors, context } = await open('examples/plain.html?left.q=Putin');
  const contested = expected.claims.filter((/** @type {any} */ c) => c.status === 'contested');
  const made = await page.evaluate(() => {
    const el = /** @type {any} */ (document.createElement('storylines-explorer'));
    el.id = 'made';
    el.setAttribute('view', 'claims');
    el.setAttribute('filters', 'status=contested');
    el.setAttribute('no-history', '');
    document.body.append(el);
    return new Promise((resolve) => {
      el.addEventListener('storylines-ready', (/** @type {CustomEvent} */ ev) => resolve(ev.detail));
      el.setAttribute('src', '../articles/manifest.json');
    });
  });
  assert.deepEqual(made, { articles: expected.articles.length, ms: made.ms, from: 'articles' });
  assert.equal(await page.locator('#made nav a[aria-current=page]').getAttribute('data-view'), 'claims');
  assert.equal(await page.locator('#made [data-testid=claim]').count(), contested.length);
  // The left explorer's `q` came from the URL, over its attributes.
  assert.equal(await page.locator('#left [data-testid=filter-q]').inputValue(), 'Putin');
  // Changing the view attribute later moves the explorer there.
  await page.evaluate(() => document.getElementById('made')?.setAttribute('view', 'entities'));
  await page.locator('#made section[data-view=entities]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('element.articles, element.load(list) and storylines-error', async () => {
  const { page, errors, context } = await open('examples/plain.html');
  const result = await page.evaluate(async () => {
    const el = /** @type {any} */ (document.getElementById('left'));
    const ready = new Promise((resolve) => el.addEventListener('storylines-ready', (/** @type {CustomEvent} */ ev) => resolve(ev.detail), { once: true }));
    el.articles = [
      { name: 'a.txt', text: 'The museum reopened on 3 May 2030 after a fire, the mayor said.' },
      { name: 'b.txt', text: 'The city museum reopened on 3 May 2030, the mayor said on Friday.' },
    ];
    const detail = await ready;
    const failed = new Promise((resolve) => el.addEventListener('storylines-error', (/** @type {CustomEvent} */ ev) => resolve(ev.detail.message), { once: true }));
    const rejected = await el.load('does-not-exist.json').then(() => 'resolved', (/** @type {Error} */ e) => e.message);
    return { detail, names: el.articles.map((/** @type {any} */ a) => a.name), failed: await failed, rejected };
  });
  assert.equal(result.detail.articles, 2);
  assert.deepEqual(result.names, ['a.txt', 'b.txt']);
  assert.match(result.failed, /HTTP 404/);
  assert.equal(result.rejected, result.failed);
  assert.match(await page.locator('#left [data-testid=status]').innerText(), /HTTP 404/);
  // Bad input from script is an error event, not an exception in the page.
  const bad = await page.evaluate(() => /** @type {any} */ (document.getElementById('left')).load([{ name: 'x' }]).catch((/** @type {Error} */ e) => e.message));
  assert.match(bad, /has no text/);
  assert.deepEqual(
    errors.filter((e) => !e.includes('404')),
    [],
  );
  await context.close();
});

test('an export loaded back (by src URL or load(object)) gives the same views as the articles', async () => {
  const { page, errors, context } = await open('examples/plain.html');
  /** @type {Record<string, string>} */
  const fromArticles = {};
  for (const v of VIEWS) {
    await page.locator(`#left nav a[data-view=${v}]`).click();
    fromArticles[v] = await viewText(page, '#left');
  }
  // Served as a file: the same-origin URL answers with the export Node computed.
  await page.route('**/examples/export.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(expected) }));
  const detail = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = /** @type {any} */ (document.getElementById('left'));
        el.addEventListener('storylines-ready', (/** @type {CustomEvent} */ ev) => resolve(ev.detail), { once: true });
        el.setAttribute('src', 'export.json');
      }),
  );
  assert.equal(/** @type {any} */ (detail).from, 'export');
  for (const v of VIEWS) {
    await page.locator(`#left nav a[data-view=${v}]`).click();
    assert.equal(await viewText(page, '#left'), fromArticles[v], `view ${v} differs when loaded from the export`);
  }
  // And handed over as an object.
  await page.evaluate((m) => /** @type {any} */ (document.getElementById('left')).load(m), expected);
  await page.locator('#left nav a[data-view=claims]').click();
  assert.equal(await viewText(page, '#left'), fromArticles.claims);
  // The threshold cannot be re-applied to an export: the explorer says so instead of changing nothing silently.
  await page.evaluate(() => /** @type {any} */ (document.getElementById('left')).go({ t: '0.5' }));
  assert.match(await page.locator('#left [data-testid=status]').innerText(), /loaded export/);
  assert.equal(await viewText(page, '#left'), fromArticles.claims);
  assert.deepEqual(errors, []);
  await context.close();
});

test('load() before the element is connected resolves once it is, and a moved element keeps its articles', async () => {
  const { page, errors, context } = await open('examples/plain.html');
  const result = await page.evaluate(async () => {
    const el = /** @type {any} */ (document.createElement('storylines-explorer'));
    el.id = 'late';
    el.setAttribute('no-history', '');
    const articles = [
      { name: 'a.txt', text: 'The museum reopened on 3 May 2030 after a fire, the mayor said.' },
      { name: 'b.txt', text: 'The city museum reopened on 3 May 2030, the mayor said on Friday.' },
      { name: 'c.txt', text: 'The museum reopened on Saturday, 3 May 2030.' },
    ];
    const loaded = el.load(articles);
    document.body.append(el);
    await loaded;
    const first = el.model.articles.length;
    // Moving it stops its worker; it starts a new one and loads the same articles again.
    const again = new Promise((resolve) => el.addEventListener('storylines-ready', (/** @type {CustomEvent} */ ev) => resolve(ev.detail.articles), { once: true }));
    document.body.prepend(el);
    return { first, again: await again };
  });
  assert.deepEqual(result, { first: 3, again: 3 });
  assert.equal(await page.locator('#late [data-testid=tile-sources] .n').innerText(), '3');
  assert.deepEqual(errors, []);
  await context.close();
});
