// Shared set-up of the browser tests: the static server, Debian's Chromium driven by playwright-core, a
// watcher for console errors and for requests leaving 127.0.0.1, and the engine loaded in Node for expected
// values.
import { chromium } from 'playwright-core';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS = path.join(ROOT, 'test-results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts the server and a browser; returns what tests need and a close function.
 */
export async function start() {
  const { server, url } = await listen(0);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_BIN || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  await mkdir(RESULTS, { recursive: true });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * A new page with time zone and language pinned, recording console errors and foreign requests.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 */
export async function newPage(browser, origin) {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const foreign = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return { context, page, errors, foreign };
}

/**
 * Runs the engine in Node on the bundled articles, for expected values.
 * @param {object} [options] engine options, e.g. `{ alignThreshold: 0.6 }`
 * @param {{ embeddings?: boolean }} [how] `embeddings: false` for a page without the table (the single file)
 * @returns {Promise<any>} the export model
 */
export async function bundleExport(options = undefined, how = {}) {
  return withBundle((corpus) => corpus.export(options), how);
}

/**
 * Runs `fn` on a corpus of the bundled articles in Node (the corpus is freed afterwards).
 * @template T
 * @param {(corpus: any) => T} fn
 * @param {{ embeddings?: boolean }} [how] whether the corpus has the embedding table, as the page has (default)
 * @returns {Promise<T>}
 */
export async function withBundle(fn, how = {}) {
  const pkg = path.join(ROOT, 'www', 'pkg', 'storylines.js');
  const mod = await import(pkg);
  await mod.default({ module_or_path: await readFile(path.join(ROOT, 'www', 'pkg', 'storylines_bg.wasm')) });
  const dir = path.join(ROOT, 'www', 'articles');
  const manifest = await readFile(path.join(dir, 'manifest.json'), 'utf8');
  const corpus = new mod.Corpus();
  corpus.setManifest(manifest);
  // The page gives its engine the embedding table after the first render (www/element/meaning.js): so does this.
  const table = how.embeddings === false ? null : await readFile(path.join(ROOT, 'www', 'embeddings.bin')).catch(() => null);
  if (table && typeof corpus.setEmbeddings === 'function') corpus.setEmbeddings(new Uint8Array(table));
  for (const entry of JSON.parse(manifest).articles) {
    corpus.addBytes(entry.file, new Uint8Array(await readFile(path.join(dir, entry.file))));
  }
  try {
    return fn(corpus);
  } finally {
    corpus.free();
  }
}

/**
 * The violations axe-core (the pinned devDependency, injected through the DevTools protocol, which the page's
 * CSP does not govern) finds on the page, shadow DOM included, of the impacts given (all when none).
 * @param {import('playwright-core').Page} page
 * @param {string[]} [impacts] e.g. `['serious', 'critical']`
 * @returns {Promise<{ id: string, impact: string, nodes: string[] }[]>}
 */
export async function axeViolations(page, impacts) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const r = await /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((/** @type {any} */ v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((/** @type {any} */ n) => n.target.join(' ')) }));
  });
  return impacts ? result.filter((/** @type {any} */ v) => impacts.includes(v.impact)) : result;
}
