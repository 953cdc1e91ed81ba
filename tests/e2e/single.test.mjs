// The single self-contained file (www/dist/storylines.html, scripts/build-single.mjs), opened by file:// in
// headless Chromium: it renders the bundled articles with no request but itself (and its blob: worker), no
// console error and no CSP violation under its own policy (hashes, 'wasm-unsafe-eval', no 'unsafe-inline'),
// and says in the page what cannot work from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { start, bundleExport, RESULTS, ROOT } from './harness.mjs';

const FILE = path.join(ROOT, 'www', 'dist', 'storylines.html');
const X = 'storylines-explorer';

/** @type {Awaited<ReturnType<typeof start>>} */
let env;
/** @type {any} */
let expected;

before(async () => {
  env = await start();
  // The single file is built without the embedding table: its engine matches by wording alone.
  expected = await bundleExport(undefined, { embeddings: false });
});
after(async () => env?.close());

/** @param {string} [query] */
async function openFile(query = '') {
  const context = await env.browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const requests = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => requests.push(req.url()));
  await page.addInitScript(() => {
    /** @type {any} */ (window).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => /** @type {any} */ (window).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const url = pathToFileURL(FILE).href + query;
  await page.goto(url);
  await page.locator(`${X} [data-view]`).first().waitFor({ timeout: 20000 });
  return { context, page, errors, requests, url };
}

test('the single file carries its own strict CSP with hashes', async () => {
  const html = await readFile(FILE, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:/);
  // Nothing is loaded from elsewhere: no src= or href= but data: in the markup.
  assert.deepEqual([...html.matchAll(/\s(?:src|href)="(?!data:)([^"]*)"/g)].map((m) => m[1]), []);
});

test('opened from disk it renders the bundle with no request, no console error and no CSP violation', async () => {
  const { context, page, errors, requests, url } = await openFile();
  assert.equal(await page.locator(`${X} [data-testid=tile-sources] .n`).innerText(), String(expected.articles.length));
  await page.locator(`${X} nav a[data-view=claims]`).click();
  assert.equal(await page.locator(`${X} [data-testid=claim]`).count(), expected.claims.length);
  // Built without the embedding table (no --embeddings), it says it matches by words only.
  await page.locator(`${X} [data-testid=matching]`).filter({ hasText: /words only: this build has no meaning model/ }).waitFor({ timeout: 20000 });
  // The hashed stylesheet is in force inside the shadow root.
  assert.equal(await page.locator(`${X} nav ul`).evaluate((el) => getComputedStyle(el).display), 'flex');
  await page.screenshot({ path: path.join(RESULTS, 'single-file.png') });
  assert.deepEqual(
    requests.filter((u) => u !== url && !u.startsWith('blob:')),
    [],
  );
  assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('what cannot work from disk says so in the page', async () => {
  const { context, page, requests, url } = await openFile('?src=other.json');
  const notice = page.locator('#notice');
  assert.equal(await notice.isVisible(), true);
  assert.match(await notice.innerText(), /cannot load “other\.json”/);
  assert.equal(await page.locator(`${X} [data-testid=tile-sources] .n`).innerText(), String(expected.articles.length));
  // HTML articles need the module the single file leaves out: the explorer says so.
  const message = await page.evaluate(() =>
    /** @type {any} */ (document.querySelector('storylines-explorer')).load([{ name: 'page.html', text: '<!doctype html><p>Hi</p>' }]).catch((/** @type {Error} */ e) => e.message),
  );
  assert.match(message, /HTML articles need the served explorer/);
  assert.match(await page.locator(`${X} [data-testid=status]`).innerText(), /HTML articles need the served explorer/);
  assert.deepEqual(
    requests.filter((u) => u !== url && !u.startsWith('blob:')),
    [],
  );
  await context.close();
});
