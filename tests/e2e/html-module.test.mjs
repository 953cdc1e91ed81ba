// The second wasm module (www/pkg-html, the engine built with the "html" feature) reads a saved HTML page in
// Node exactly as the native CLI does: same text, same metadata. The main module reports HTML as unreadable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const PAGE = path.join(ROOT, 'tests', 'data', 'case02.01.jsonld_page.html');

/** @param {string} dir @param {string} name */
async function engine(dir, name) {
  const mod = await import(path.join(ROOT, 'www', dir, `${name}.js`));
  mod.initSync({ module: await readFile(path.join(ROOT, 'www', dir, `${name}_bg.wasm`)) });
  return mod;
}

test('the HTML module extracts a page like the native CLI', async () => {
  const html = await engine('pkg-html', 'storylines_html');
  const corpus = new html.Corpus();
  corpus.addBytes('case02.01.jsonld_page.html', new Uint8Array(await readFile(PAGE)));
  const wasm = corpus.export(null);
  corpus.free();
  const a = wasm.articles[0];
  assert.equal(a.format, 'html');
  assert.equal(a.title, 'Rail strike halts trains across the region');
  assert.deepEqual(a.authors, ['Mira Sample', 'Olek Testowy']);
  assert.equal(a.published, '2024-03-05T08:30:00+01:00');
  assert.equal(a.outlet, 'Example Daily');
  const cli = path.join(ROOT, 'target', 'debug', 'storylines');
  let native;
  try {
    native = JSON.parse(execFileSync(cli, ['export', PAGE], { encoding: 'utf8' }));
  } catch {
    return; // the native binary is built by `cargo test`; without it only the wasm side is checked
  }
  assert.equal(a.text, native.articles[0].text);
  assert.deepEqual(a.sentences, native.articles[0].sentences);
});

test('the main module says HTML needs the second module', async () => {
  const main = await engine('pkg', 'storylines');
  const corpus = new main.Corpus();
  corpus.addText('page.html', '<!doctype html><html><body><p>Hello there.</p></body></html>');
  const out = corpus.export(null);
  corpus.free();
  assert.equal(out.articles.length, 0);
  assert.equal(out.diagnostics[0].code, 'html-unreadable');
  assert.match(out.diagnostics[0].message, /storylines_html/);
});
