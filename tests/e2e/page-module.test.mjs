// The page's wasm is built unlike the native engine (scripts/env.sh wasm_size_env: the standard library rebuilt,
// panics that trap, `{:?}` formatting compiled away), so it is checked here to export exactly what the native
// CLI exports: the bundled sample with its manifest, and 60 generated articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const CLI = path.join(ROOT, 'target', 'debug', 'storylines');

/** The page's module, loaded in this process. */
async function pageEngine() {
  const mod = await import(path.join(ROOT, 'www', 'pkg', 'storylines.js'));
  mod.initSync({ module: await readFile(path.join(ROOT, 'www', 'pkg', 'storylines_bg.wasm')) });
  return mod;
}

/**
 * The page module's export of a folder holding a manifest.json, its articles added in file-name order (as
 * the CLI reads a folder).
 * @param {any} mod @param {string} dir
 */
async function wasmExport(mod, dir) {
  const corpus = new mod.Corpus();
  try {
    corpus.setManifest(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
    for (const n of names) corpus.addText(n, await readFile(path.join(dir, n), 'utf8'));
    return corpus.export(null);
  } finally {
    corpus.free();
  }
}

/** The native CLI's export of the same folder, by wording alone like the page's module. @param {string} dir */
function nativeExport(dir) {
  const out = execFileSync(CLI, ['export', '--no-embeddings', '--manifest', path.join(dir, 'manifest.json')], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return JSON.parse(out);
}

test('the page module exports the bundled sample exactly as the native CLI does', { skip: !existsSync(CLI) && 'the native CLI is built by `cargo test`' }, async () => {
  const dir = path.join(ROOT, 'www', 'articles');
  assert.deepEqual(await wasmExport(await pageEngine(), dir), nativeExport(dir));
});

test('the page module exports 60 generated articles exactly as the native CLI does', { skip: !existsSync(CLI) && 'the native CLI is built by `cargo test`' }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'storylines-gen-'));
  try {
    execFileSync('node', [path.join(ROOT, 'scripts', 'bench', 'generate.mjs'), '60', '--out', dir], { stdio: 'ignore' });
    const wasm = await wasmExport(await pageEngine(), dir);
    assert.ok(wasm.articles.length === 60 && wasm.contradictions.length + wasm.claims.length > 0, 'a model with findings');
    assert.deepEqual(wasm, nativeExport(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
