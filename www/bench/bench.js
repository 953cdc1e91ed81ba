// The browser benchmark's page script (driven by scripts/bench-browser.mjs, not part of the explorer).
// ?mode=element: mounts <storylines-explorer src="corpus/manifest.json"> and waits for `storylines-ready`;
// ?mode=client: sends the articles of corpus/all.json through the worker bridge (www/client.js) directly.
// Records long main-thread tasks (PerformanceObserver 'longtask'), the status texts the element showed, and
// timings, into `window.benchResult`.
import { EngineClient } from '../engine/client.js';

/** @type {{start: number, duration: number}[]} */
const longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
}).observe({ type: 'longtask', buffered: true });
Object.assign(window, { benchLongTasks: longTasks });

/** Resolves after two animation frames (the next paint has happened). */
const painted = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(undefined))));

async function run() {
  const params = new URLSearchParams(location.search);
  const mode = params.get('mode') ?? 'element';
  const slot = /** @type {HTMLElement} */ (document.getElementById('slot'));
  /** @type {{t: number, text: string}[]} */
  const statuses = [];
  const t0 = performance.now();
  /** @type {Record<string, any>} */
  const out = { mode };
  if (mode === 'client') {
    const res = await fetch('corpus/all.json');
    const { manifest, articles } = await res.json();
    out.fetched = Math.round(performance.now() - t0);
    const client = new EngineClient();
    const model = await client.analyse(articles, { manifest });
    out.analysed = Math.round(performance.now() - t0);
    out.articles = model.articles.length;
    client.terminate();
  } else {
    await import('../element/define.js');
    const el = document.createElement('storylines-explorer');
    const ready = new Promise((resolve, reject) => {
      el.addEventListener('storylines-ready', resolve);
      el.addEventListener('storylines-error', (e) => reject(new Error(/** @type {CustomEvent} */ (e).detail?.message)));
    });
    el.setAttribute('src', 'corpus/manifest.json');
    slot.append(el);
    const watch = () => {
      const s = el.shadowRoot?.querySelector('[role=status]');
      const text = s?.textContent ?? '';
      if (statuses.length === 0 || statuses[statuses.length - 1].text !== text) statuses.push({ t: Math.round(performance.now() - t0), text });
    };
    const timer = setInterval(watch, 50);
    const detail = /** @type {CustomEvent} */ (await ready).detail;
    watch();
    clearInterval(timer);
    out.analysed = Math.round(performance.now() - t0);
    out.articles = detail?.articles;
  }
  await painted();
  out.painted = Math.round(performance.now() - t0);
  // Long tasks are reported asynchronously; give the observer a moment.
  await new Promise((r) => setTimeout(r, 300));
  out.statuses = statuses;
  out.longTasks = longTasks.filter((t) => t.start >= t0);
  out.longest = out.longTasks.reduce((m, t) => Math.max(m, t.duration), 0);
  return out;
}

run().then(
  (r) => Object.assign(window, { benchResult: r }),
  (e) => Object.assign(window, { benchResult: { error: String(e) } }),
);
