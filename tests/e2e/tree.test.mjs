// The page's source tree (www/), checked like the core's in tests/tidy.rs: its modules are grouped in folders
// that follow the data flow, each module opens with a comment saying its job, no module imports one from a
// later folder, and index.html preloads exactly the element's modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const WWW = path.join(ROOT, 'www');

/**
 * The element's folders in data-flow order; a module may import from its own folder and earlier ones only.
 * engine: the bridge to the wasm engine (worker, client, protocol, loader, where the worker and the
 *   stylesheet come from, the data-only core API);
 * model: the pure, DOM-free view model (state, derived lists, dates, word diffs, corrections applied);
 * views: DOM building (the views, the filter panel, highlights, the DOM helpers);
 * workspace: the user's own articles and corrections (storage, intake, exports, the panel and its glue);
 * element: the custom element, its attributes, what it accepts as input, its stylesheet.
 */
const FOLDERS = ['engine', 'model', 'views', 'workspace', 'element'];
/** Not the element's own modules: the entry, the worker's and the package's data-only API. */
const NOT_PRELOADED = ['element/define.js', 'engine/worker.js', 'engine/core.js'];

/** @returns {Promise<string[]>} the element's modules as `folder/file.js`, folder by folder */
async function modules() {
  const out = [];
  for (const folder of FOLDERS) {
    for (const f of (await readdir(path.join(WWW, folder))).sort()) if (f.endsWith('.js')) out.push(`${folder}/${f}`);
  }
  return out;
}

/**
 * The modules a source imports at run time (static imports, re-exports and awaited dynamic imports; JSDoc's
 * `import('…').Type` is a type, not an import), as paths relative to www/.
 * @param {string} file `folder/file.js`
 */
async function importsOf(file) {
  const text = await readFile(path.join(WWW, file), 'utf8');
  const specs = [
    ...[...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*'([^']+)'/gms)].map((m) => m[1]),
    ...[...text.matchAll(/\bawait import\('([^']+)'\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/new URL\('(\.[^']+\.js)', import\.meta\.url\)/g)].map((m) => m[1]),
  ];
  return specs.filter((s) => s.startsWith('.')).map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)));
}

test('www/ has no loose modules: the element lives in its folders, the page keeps only its own script', async () => {
  const loose = (await readdir(WWW)).filter((f) => f.endsWith('.js'));
  assert.deepEqual(loose, ['page.js']);
});

test('every module of www/ opens with a comment saying its job', async () => {
  const all = [...(await modules()), 'page.js', 'single/main.js', 'single/engine.js', 'single/no-html.js', 'bench/bench.js', 'examples/two.js'];
  for (const file of all) {
    const first = (await readFile(path.join(WWW, file), 'utf8')).split('\n')[0];
    assert.match(first, /^(\/\/|\/\*\*) \S.{20,}/, `${file} opens without a comment saying what it does`);
  }
});

test('no module of the element imports one from a later folder (engine, model, views, workspace, element)', async () => {
  const rank = (/** @type {string} */ file) => FOLDERS.indexOf(file.split('/')[0]);
  const wrong = [];
  for (const file of await modules()) {
    for (const target of await importsOf(file)) {
      if (target.startsWith('pkg')) continue;
      assert.ok(rank(target) >= 0, `${file} imports ${target}, outside the element's folders`);
      if (rank(target) > rank(file)) wrong.push(`${file} -> ${target}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the direction check sees a backward import', async () => {
  // A model module importing a view would be reported: the check can fail.
  const rank = (/** @type {string} */ file) => FOLDERS.indexOf(file.split('/')[0]);
  assert.ok(rank('views/dom.js') > rank('model/model.js'));
  assert.deepEqual(await importsOf('element/define.js'), ['element/explorer-element.js']);
});

test('index.html preloads every module of the element (and nothing that does not exist)', async () => {
  const html = await readFile(path.join(WWW, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  const expected = (await modules()).filter((f) => !NOT_PRELOADED.includes(f)).sort();
  assert.deepEqual(preloaded, expected);
});
