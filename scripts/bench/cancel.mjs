// node scripts/bench/cancel.mjs [--articles N] [--runs R]   (needs `npm run build` first)
// How soon a cancel is honoured while the engine cross-references (issue 21): in headless Chromium, N generated
// articles are added to the sample (a new story); once the progress bar names a finished stage of the
// cross-referencing, Cancel is clicked in the page and the page's own clock measures (a) until the cancelled
// job's bar is gone (the worker is stopped at the click; the page then restores the state before in a new
// worker, with a bar of its own) and (b) until the "Cancelled" notice shows (the story open before is back). Medians over R runs, each in a fresh context. A benchmark, not a test.
/* global document, requestAnimationFrame -- the callbacks handed to page.evaluate run in the browser */
import { chromium } from 'playwright-core';
import { listen } from '../serve.mjs';
import { generate } from './generate.mjs';

const arg = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? Number(process.argv[k + 1]) : fallback;
};
const n = arg('--articles', 300);
const runs = arg('--runs', 5);
const files = generate(n).articles.map((a) => ({ name: a.name, mimeType: 'text/plain', buffer: Buffer.from(a.text) }));
const { server, url } = await listen(0);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
/** @type {{stopped: number, notice: number, stage: string}[]} */
const results = [];
try {
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => {
      const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
      return el?.model && !el.busy;
    }, null, { timeout: 120000 });
    await page.locator('storylines-explorer [data-testid=add-files]').setInputFiles(files);
    await page.waitForFunction(() => / done\)/.test(document.querySelector('storylines-explorer')?.shadowRoot?.querySelector('[data-testid=job] span')?.textContent ?? ''), null, {
      timeout: 300000,
    });
    results.push(
      await page.evaluate(async () => {
        const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
        const root = el.shadowRoot;
        const stage = root.querySelector('[data-testid=job] span')?.textContent ?? '';
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const t0 = performance.now();
        root.querySelector('[data-testid=cancel]').click();
        // The cancelled job's bar is gone (the page may show another job at once: restoring the state before).
        while (el.workspace?.job && root.querySelector('[data-testid=job] span')?.textContent === stage) await frame();
        const stopped = performance.now() - t0;
        while (!/Cancelled/.test(root.querySelector('[data-testid=ws-notice]')?.textContent ?? '')) await frame();
        return { stopped, notice: performance.now() - t0, stage };
      }),
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const med = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`cancel while cross-referencing ${n} generated articles, ${runs} runs (bar at: ${results.map((x) => JSON.stringify(x.stage)).join(', ')})`);
console.log(`click to the cancelled job's bar gone: median ${med(results.map((x) => x.stopped)).toFixed(0)} ms, max ${Math.max(...results.map((x) => x.stopped)).toFixed(0)} ms`);
console.log(`click to the "Cancelled" notice (the story before back): median ${med(results.map((x) => x.notice)).toFixed(0)} ms, max ${Math.max(...results.map((x) => x.notice)).toFixed(0)} ms`);
