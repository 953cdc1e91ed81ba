// Time to first render of the explorer on the bundled articles in headless Chromium: from navigation start
// to the `storylines-ready` event (manifest and articles fetched, wasm compiled in the worker, engine run,
// overview rendered). Each run uses a fresh browser context (empty cache). A benchmark, not a test.
// First render is the `storylines-first-render` mark (the first model drawn: the sample's precomputed model when
// it applies, else the engine's); engine ready is `storylines-ready` (the worker's own result drawn).
// Usage: node scripts/bench-page.mjs [--runs N]   (needs `npm run build` first)
// With `--load N` (issue 10): N generated articles served through a manifest fixture (the page's requests
// for articles/ are answered by the script), and the longest main-thread task from navigation to the
// rendered overview and the engine's re-run with the embedding table, if any (PerformanceObserver `longtask`,
// tasks over 50 ms), over --runs runs. `--generated` serves
// the benchmark's generated corpus instead of one-sentence notes (issue 11: a model of realistic size).
/* global window, document -- the callbacks handed to page.evaluate run in the browser */
import { chromium } from 'playwright-core';
import { listen } from './serve.mjs';

const i = process.argv.indexOf('--runs');
const runs = Number(i > 0 ? process.argv[i + 1] : 10);
const li = process.argv.indexOf('--load');
const load = li > 0 ? Number(process.argv[li + 1]) : 0;
// With `--generated`, the N articles come from the benchmark's generator (scripts/bench/generate.mjs) instead of
// one-sentence notes, so that the model (alignments, claims, findings) is as large as a real corpus's.
const generated = process.argv.includes('--generated');
const { server, url } = await listen(0);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
/** @type {number[]} */
const times = [];
/** @type {number[]} */
const engine = [];
/** @type {number[]} */
const readyTimes = [];
/** @type {string[]} */
const from = [];
/** @type {number[]} */
const renders = [];
if (load > 0) {
  /** @type {Record<string, string>} */
  const files = {};
  /** @type {{file: string, published?: string | null, outlet?: string | null}[]} */
  const entries = [];
  if (generated) {
    // The benchmark's generated corpus (near-copies and rewrites of one story): a model of realistic size.
    const { generate } = await import('./bench/generate.mjs');
    for (const a of generate(load).articles) {
      files[a.name] = a.text;
      entries.push({ file: a.name, published: a.published ?? null, outlet: a.outlet ?? null });
    }
  } else {
    for (let k = 0; k < load; k++) {
      const file = `n${String(k).padStart(5, '0')}.txt`;
      files[file] = `Note number ${k}\n\nThe council of district ${k} said on Monday that ${k + 3} people attended the meeting about item ${k * 7}.\n`;
      entries.push({ file });
    }
  }
  const manifest = JSON.stringify({ articles: entries });
  /** @type {number[]} */
  const longest = [];
  /** @type {number[]} */
  const over100 = [];
  /** @type {number[]} */
  const readyAt = [];
  /** @type {string[]} */
  const tasks = [];
  /** @type {number[]} */
  const firstAt = [];
  /** @type {string[]} */
  const matched = [];
  try {
    for (let r = 0; r < runs + 1; r++) {
      const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 900 } });
      await context.route('**/articles/**', (route) => {
        const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
        if (name === 'manifest.json') return route.fulfill({ status: 200, contentType: 'application/json', body: manifest });
        return route.fulfill({ status: name in files ? 200 : 404, contentType: 'text/plain', body: files[name] ?? '' });
      });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = /** @type {any} */ (window);
        w.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
        document.addEventListener('storylines-ready', (ev) => {
          // The first result (a re-run with the embedding table fires it again).
          w.__ready ??= { at: performance.now(), articles: /** @type {CustomEvent} */ (ev).detail.articles };
        });
      });
      await page.goto(url);
      await page.waitForFunction(() => /** @type {any} */ (window).__ready, null, { timeout: 300000 });
      // The load is over when the explorer has settled: the table fetched (or not) and any re-run with it done.
      await page.waitForFunction(() => {
        const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
        return el && !el.busy && el.meaning?.state !== 'loading' && !el.workspace?.job;
      }, null, { timeout: 300000 });
      await page.waitForTimeout(500);
      const got = await page.evaluate(() => ({
        ready: /** @type {any} */ (window).__ready,
        long: /** @type {any} */ (window).__long,
        first: performance.getEntriesByName('storylines-first-render')[0]?.startTime ?? NaN,
        matching: /** @type {any} */ (document.querySelector('storylines-explorer')).model?.matching,
      }));
      if (got.ready.articles !== load) throw new Error(`${got.ready.articles} of ${load} articles arrived`);
      if (r > 0) {
        longest.push(Math.max(0, ...got.long));
        tasks.push(got.long.map((/** @type {number} */ d) => Math.round(d)).join(' '));
        over100.push(got.long.filter((/** @type {number} */ d) => d > 100).length);
        readyAt.push(got.ready.at);
        firstAt.push(got.first);
        matched.push(got.matching);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const med = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${load} articles through a manifest, ${runs} runs: all arrived; time to first render median ${med(firstAt).toFixed(0)} ms, engine ready median ${med(readyAt).toFixed(0)} ms; matching at the end: ${[...new Set(matched)].join(', ')}`);
  console.log(`main-thread tasks over 50 ms (ms), per run: ${tasks.map((t) => `[${t}]`).join(' ')}`);
  console.log(`longest main-thread task: median ${med(longest).toFixed(0)} ms, max ${Math.max(...longest).toFixed(0)} ms; tasks over 100 ms per run: median ${med(over100)}`);
  process.exit(0);
}
try {
  for (let r = 0; r < runs + 1; r++) {
    const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('storylines-ready', (ev) => {
        /** @type {any} */ (window).__ready = { at: performance.now(), ms: /** @type {CustomEvent} */ (ev).detail.ms };
      });
    });
    await page.goto(url);
    await page.waitForFunction(() => /** @type {any} */ (window).__ready, null, { timeout: 30000 });
    const ready = await page.evaluate(() => /** @type {any} */ (window).__ready);
    // The first model drawn (precomputed or the engine's) and where it came from.
    const mark = await page.evaluate(() => {
      const m = /** @type {PerformanceMark | undefined} */ (performance.getEntriesByName('storylines-first-render')[0]);
      return m ? { startTime: m.startTime, from: m.detail?.from ?? 'none' } : null;
    });
    // Re-rendering the current view (overview) on the loaded model, five times.
    const again = await page.evaluate(() => {
      const el = /** @type {any} */ (document.querySelector('storylines-explorer'));
      const t = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        el.render();
        t.push(performance.now() - t0);
      }
      return t;
    });
    if (r > 0) renders.push(...again);
    if (r > 0) {
      // The first run warms the browser process itself and is not counted.
      times.push(mark?.startTime ?? NaN);
      from.push(mark?.from ?? 'none');
      readyTimes.push(ready.at);
      engine.push(ready.ms);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const sorted = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b);
const median = (/** @type {number[]} */ xs) => sorted(xs)[Math.floor(xs.length / 2)];
console.log(`time to first render over ${runs} runs (fresh context each): median ${median(times).toFixed(0)} ms, min ${sorted(times)[0].toFixed(0)} ms, max ${sorted(times)[times.length - 1].toFixed(0)} ms (drawn from: ${[...new Set(from)].join(', ')})`);
console.log(`time to the engine's own result drawn (storylines-ready): median ${median(readyTimes).toFixed(0)} ms`);
console.log(`of which the worker (wasm start + engine, reported by the page): median ${median(engine)} ms`);
console.log(`re-rendering the overview on the loaded model: median ${median(renders).toFixed(1)} ms`);
