// The npm package (packages/storylines, `npm run package`) as a host uses it: the tarball installed into a
// scratch project in a temporary folder (offline: the package has no dependencies), its types checked with
// tsc, built with Vite (the repository's pinned copy, through its JS API, the scratch project as root), the
// build served under the strict CSP and checked in headless Chromium; and the same package imported by a
// plain <script type="module"> without a bundler. The core API (`storylines/core`) runs in Node too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { createServer } from '../../scripts/serve.mjs';
import { start, newPage, bundleExport, RESULTS, ROOT } from './harness.mjs';

const run = promisify(execFile);
const X = 'storylines-explorer';

/** @type {Awaited<ReturnType<typeof start>>} */
let env;
/** @type {any} */
let expected;
/** scratch project folder */
let dir = '';

/**
 * Serves `root` on 127.0.0.1 (with the strict CSP header of scripts/serve.mjs).
 * @param {string} root
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
function serve(root) {
  const server = createServer(root);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ url: `http://127.0.0.1:${addr.port}/`, close: () => new Promise((r) => server.close(() => r(undefined))) });
    });
  });
}

const MAIN = `import { StorylinesExplorerElement } from 'storylines';
import { exportModel } from 'storylines/core';

const out = document.getElementById('core');
exportModel([
  { name: 'a.txt', text: 'The museum reopened on 3 May 2030 after a fire, the mayor said.' },
  { name: 'b.txt', text: 'The city museum reopened on 3 May 2030, the mayor said on Friday.' },
]).then(
  (m) => (out.textContent = \`core: \${m.schema} \${m.articles.length} articles, defined: \${customElements.get('storylines-explorer') === StorylinesExplorerElement}\`),
  (e) => (out.textContent = \`core failed: \${e.message}\`),
);
`;

const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>scratch</title>
<script type="module" src="/main.js"></script></head>
<body><${X} src="/articles/manifest.json" theme="dark"></${X}><p id="core"></p></body></html>
`;

const PLAIN = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>plain</title>
<script type="module" src="./node_modules/storylines/dist/storylines.js"></script></head>
<body><${X} src="./public/articles/manifest.json" view="claims"></${X}></body></html>
`;

const CHECK_TS = `import { StorylinesExplorerElement, type StorylinesSelectDetail } from 'storylines';
import { exportModel, parse, Corpus } from 'storylines/core';

const el: StorylinesExplorerElement = document.createElement('storylines-explorer');
el.addEventListener('storylines-select', (e) => {
  const d: StorylinesSelectDetail = e.detail;
  console.log(d.kind, d.id);
});
el.articles = [{ name: 'a.txt', text: 'Text.' }];
const done: Promise<void> = el.load({ articles: el.articles, manifest: { articles: [] } });
const model: Promise<unknown> = exportModel([{ name: 'a.txt', text: 'Text.' }]);
parse([]).then((c: Corpus) => c.free());
console.log(done, model);
`;

before(async () => {
  env = await start();
  expected = await bundleExport();
  const { stdout } = await run('bash', [path.join(ROOT, 'scripts', 'package.sh')], { cwd: ROOT, timeout: 120000 });
  const tarball = stdout.trim().split('\n').pop() ?? '';
  dir = await mkdtemp(path.join(tmpdir(), 'storylines-scratch-'));
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir, timeout: 120000 });
  await cp(path.join(ROOT, 'www', 'articles'), path.join(dir, 'public', 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'main.js'), MAIN);
  await writeFile(path.join(dir, 'index.html'), INDEX);
  await writeFile(path.join(dir, 'plain.html'), PLAIN);
  await writeFile(path.join(dir, 'check.ts'), CHECK_TS);
});
after(async () => {
  await env?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the installed package has its files, exports and types', async () => {
  const pkg = JSON.parse(await readFile(path.join(dir, 'node_modules', 'storylines', 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(pkg.exports), ['.', './core', './explorer.css', './wasm', './package.json']);
  for (const f of ['storylines.js', 'worker.js', 'core.js', 'explorer.css', 'storylines_bg.wasm', 'storylines.d.ts', 'core.d.ts', 'engine.d.ts']) {
    await readFile(path.join(dir, 'node_modules', 'storylines', 'dist', f));
  }
  // The declarations describe the element, its events and the core API (tsc, strict).
  const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--lib', 'esnext,dom', 'check.ts'];
  await run(tsc, args, { cwd: dir, timeout: 120000 }).catch((e) => assert.fail(`tsc: ${e.stdout}${e.stderr}`));
});

test('the core API (parse, export, diff) runs in Node from the installed package', async () => {
  const core = await import(pathToFileURL(path.join(dir, 'node_modules', 'storylines', 'dist', 'core.js')).href);
  const wasm = fileURLToPath(new URL('./storylines_bg.wasm', pathToFileURL(path.join(dir, 'node_modules', 'storylines', 'dist', 'core.js'))));
  await core.init(await readFile(wasm));
  const dirArticles = path.join(ROOT, 'www', 'articles');
  const manifest = await readFile(path.join(dirArticles, 'manifest.json'), 'utf8');
  const articles = [];
  for (const e of JSON.parse(manifest).articles) articles.push({ name: e.file, bytes: new Uint8Array(await readFile(path.join(dirArticles, e.file))) });
  const model = await core.exportModel(articles, { manifest });
  assert.equal(model.claims.length, expected.claims.length);
  const ids = model.articles.map((/** @type {any} */ a) => a.id);
  assert.deepEqual(
    ids,
    expected.articles.map((/** @type {any} */ a) => a.id),
  );
  const corpus = await core.parse(articles, { manifest });
  assert.equal(corpus.articleCount, expected.articles.length);
  corpus.free();
  const diff = await core.diff(articles, ids[0], ids[1], { manifest });
  assert.equal(diff.schema, 'storylines-diff/1');
});

test('a Vite build of a scratch project using the package renders the explorer under a strict CSP', async () => {
  const outDir = path.join(dir, 'dist');
  await build({ root: dir, configFile: false, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const site = await serve(outDir);
  const { page, errors, foreign, context } = await newPage(env.browser, site.url);
  try {
    await page.goto(site.url);
    await page.locator(`${X} [data-testid=tile-sources] .n`).waitFor({ timeout: 20000 });
    assert.equal(await page.locator(`${X} [data-testid=tile-sources] .n`).innerText(), String(expected.articles.length));
    await page.locator('#core', { hasText: 'core:' }).waitFor({ timeout: 20000 });
    assert.equal(await page.locator('#core').innerText(), 'core: storylines/1 2 articles, defined: true');
    assert.equal(await page.locator(`${X} .frame`).evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(17, 20, 24)');
    await page.screenshot({ path: path.join(RESULTS, 'package-vite.png') });
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('a plain <script type="module"> imports the installed package without a bundler', async () => {
  const site = await serve(dir);
  const { page, errors, foreign, context } = await newPage(env.browser, site.url);
  try {
    await page.goto(`${site.url}plain.html`);
    await page.locator(`${X} section[data-view=claims]`).waitFor({ timeout: 20000 });
    assert.equal(await page.locator(`${X} [data-testid=claim]`).count(), expected.claims.length);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
  } finally {
    await context.close();
    await site.close();
  }
});
