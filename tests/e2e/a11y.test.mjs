// Polish, in headless Chromium: the axe-core audit (pinned devDependency, injected through the DevTools
// protocol, which the page's CSP does not govern) on every view and on the workspace panel, in the light and
// the dark theme, with no violation of any impact; screenshots at 360 px, in the dark theme and for
// print; the Content-Security-Policy in force (header and meta; an inline script is refused).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, newPage, axeViolations, RESULTS } from './harness.mjs';
import { VIEWS } from '../../www/model/state.js';

/** @type {Awaited<ReturnType<typeof start>>} */
let env;

before(async () => {
  env = await start();
});
after(async () => env?.close());

const X = 'storylines-explorer';

/** @param {import('playwright-core').Page} page */
async function ready(page) {
  await page.locator(`${X} [data-view]`).first().waitFor({ timeout: 20000, state: 'attached' });
  await page.waitForFunction(() => {
    const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
    return el?.model && !el.busy && !el.workspace?.job;
  });
}

/** Every violation axe finds on the page, of any impact (issue 20: 0 on every view). @param {import('playwright-core').Page} page */
const audit = (page) => axeViolations(page);

for (const scheme of /** @type {const} */ (['light', 'dark'])) {
  test(`axe: no violation of any impact on any view (${scheme} theme)`, async () => {
    const { page, context } = await newPage(env.browser, env.url);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(env.url);
    await ready(page);
    // Open the disclosures so that their contents are audited too.
    await page.evaluate(() => document.querySelector('storylines-explorer')?.shadowRoot?.querySelectorAll('.side details').forEach((d) => (/** @type {HTMLDetailsElement} */ (d).open = true)));
    /** @type {Record<string, any[]>} */
    const found = {};
    for (const v of VIEWS) {
      await page.locator(`${X} nav a[data-view=${v}]`).click();
      await page.locator(`${X} section[data-view=${v}]`).waitFor();
      await page.evaluate(() => document.querySelector('storylines-explorer')?.shadowRoot?.querySelector('.view-slot details.correct')?.setAttribute('open', ''));
      const bad = await audit(page);
      if (bad.length) found[v] = bad;
    }
    assert.deepEqual(found, {});
    await page.locator(`${X} nav a[data-view=overview]`).click();
    if (scheme === 'dark') await page.screenshot({ path: path.join(RESULTS, 'dark.png'), fullPage: true });
    await context.close();
  });
}

test('usable at 360 px: nothing wider than the screen; a screenshot of the narrow and the print layout', async () => {
  const { page, context } = await newPage(env.browser, env.url);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const v of VIEWS) {
    await page.goto(`${env.url}?view=${v}`);
    await ready(page);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `${v} is ${wide} px wide at 360 px`);
  }
  await page.goto(`${env.url}?view=claims`);
  await ready(page);
  await page.screenshot({ path: path.join(RESULTS, 'narrow-360.png'), fullPage: true });
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${env.url}?view=contradictions`);
  await ready(page);
  assert.equal(await page.locator(`${X} nav`).isVisible(), false, 'print hides the navigation');
  assert.equal(await page.locator(`${X} [data-testid=workspace]`).isVisible(), false, 'print hides the workspace');
  await page.screenshot({ path: path.join(RESULTS, 'print.png'), fullPage: true });
  await context.close();
});

test('the Content-Security-Policy is in force: header and meta, inline script refused, the page still works', async () => {
  const { page, context, errors } = await newPage(env.browser, env.url);
  const response = await page.goto(env.url);
  const header = response?.headers()['content-security-policy'] ?? '';
  assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(header, /style-src 'self'(;|$)/);
  assert.doesNotMatch(header, /unsafe-inline/);
  const meta = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(meta ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
  await ready(page);
  const outcome = await page.evaluate(
    () =>
      new Promise((resolve) => {
        /** @type {string[]} */
        const refused = [];
        document.addEventListener('securitypolicyviolation', (e) => refused.push(e.violatedDirective));
        const s = document.createElement('script');
        s.textContent = 'window.inlineRan = true';
        document.body.append(s);
        const st = document.createElement('div');
        st.setAttribute('style', 'color: red');
        document.body.append(st);
        setTimeout(() => resolve({ ran: /** @type {any} */ (window).inlineRan === true, refused: [...new Set(refused)].sort() }), 300);
      }),
  );
  assert.deepEqual(outcome, { ran: false, refused: ['script-src-elem', 'style-src-attr'] });
  // The console reports the refusals; nothing else went wrong.
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  await context.close();
});
