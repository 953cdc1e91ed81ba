/* global window */
// The in-browser benchmark: headless Chromium (Debian's, driven by playwright-core with the args of the
// browser tests) loads N generated articles (default 1,000) into the page and reports whether the main thread
// stayed responsive (longest task seen by a PerformanceObserver for 'longtask'; the target is no task over
// 100 ms) and what progress the page showed. The corpus is served from memory through a route on
// /bench/corpus/, so nothing is written into www/.
// Usage: node scripts/bench-browser.mjs [N]   (npm run bench runs it too and puts the figures in BENCHMARKS.md)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, newPage } from '../tests/e2e/harness.mjs';
import { generate } from './bench/generate.mjs';

/**
 * @param {number} n articles
 * @param {(msg: string) => void} [log]
 * @param {number} [timeoutMs] per mode
 */
export async function browserBench(n = 1000, log = console.error, timeoutMs = 180_000) {
  const { articles } = generate(n);
  const manifest = JSON.stringify({ articles: articles.map((a) => ({ file: a.name, published: a.published, outlet: a.outlet })) });
  const byName = new Map(articles.map((a) => [a.name, a.text]));
  const all = JSON.stringify({ manifest, articles: articles.map((a) => ({ name: a.name, text: a.text })) });
  const env = await start();
  /** @type {Record<string, any>} */
  const out = { n, bytes: articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0), chromium: env.browser.version() };
  try {
    for (const mode of ['client', 'element']) {
      const { context, page, errors } = await newPage(env.browser, env.url);
      await page.route('**/bench/corpus/**', (route) => {
        const file = decodeURIComponent(new URL(route.request().url()).pathname.split('/bench/corpus/')[1]);
        if (file === 'manifest.json') return route.fulfill({ contentType: 'application/json', body: manifest });
        if (file === 'all.json') return route.fulfill({ contentType: 'application/json', body: all });
        const text = byName.get(file);
        return text === undefined ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ contentType: 'text/plain; charset=utf-8', body: text });
      });
      const t = Date.now();
      await page.goto(new URL(`bench/index.html?mode=${mode}`, env.url).href);
      /** @type {any} */
      let r;
      try {
        await page.waitForFunction(() => 'benchResult' in window, undefined, { timeout: timeoutMs, polling: 500 });
        r = await page.evaluate(() => /** @type {any} */ (window).benchResult);
      } catch {
        const longTasks = await page.evaluate(() => /** @type {any} */ (window).benchLongTasks ?? []).catch(() => []);
        r = { mode, timedOut: timeoutMs, longTasks, longest: longTasks.reduce((/** @type {number} */ m, /** @type {any} */ x) => Math.max(m, x.duration), 0) };
      }
      r.wall = Date.now() - t;
      r.consoleErrors = errors.slice(0, 3);
      out[mode] = r;
      log(`browser ${mode}, ${n} articles: ${r.error ? `error ${r.error}` : r.timedOut ? `did not finish in ${timeoutMs / 1000} s, longest task so far ${r.longest} ms` : `analysed in ${r.analysed} ms, painted at ${r.painted} ms, ${r.longTasks.length} long tasks, longest ${r.longest} ms`}`);
      await context.close();
    }
  } finally {
    await env.close();
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const r = await browserBench(Number(process.argv[2] ?? 1000));
  console.log(JSON.stringify(r, null, 1));
}
