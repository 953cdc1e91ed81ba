// Builds www/sample-model.json: the precomputed model of the bundled articles (www/articles) that the page
// shows at once, before its worker's wasm has started (issue 21; www/engine/precomputed.js reads it, and the
// worker's own result replaces it). It is exactly the engine's output: the page's own wasm (www/pkg) run in
// Node on the same files, with the embedding table (www/embeddings.bin) as the page gives it, so `matching`
// is "words+meaning" (without the table it is "words", and the page uses it only when it too runs without).
// Keyed by the SHA-256 of the manifest and files (inputsDigest), so a stale or foreign one is never shown;
// tests/e2e/pageload.test.mjs checks it equals a fresh run. Called by scripts/build.sh after the wasm.
// Usage: node scripts/build-sample.mjs [out-file]
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, exportModel } from '../www/engine/core.js';
import { inputsDigest, PRECOMPUTED_SCHEMA } from '../www/engine/precomputed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');

/**
 * The bundled articles as the page fetches them: the manifest's text and each listed file's bytes.
 * @param {string} dir
 */
export async function sampleInputs(dir = path.join(WWW, 'articles')) {
  const manifest = await readFile(path.join(dir, 'manifest.json'), 'utf8');
  const articles = [];
  for (const entry of JSON.parse(manifest).articles) articles.push({ name: entry.file, bytes: new Uint8Array(await readFile(path.join(dir, entry.file))) });
  return { manifest, articles };
}

/**
 * The precomputed model of the bundled articles, computed now by the page's wasm.
 * @param {{ embeddings?: string | null }} [opts] the table's path (null: without it)
 */
export async function precompute(opts = {}) {
  await init(await readFile(path.join(WWW, 'pkg', 'storylines_bg.wasm')));
  const table = opts.embeddings === undefined ? path.join(WWW, 'embeddings.bin') : opts.embeddings;
  const embeddings = table && existsSync(table) ? new Uint8Array(await readFile(table)) : undefined;
  const { manifest, articles } = await sampleInputs();
  const model = await exportModel(articles, { manifest, embeddings });
  return { schema: PRECOMPUTED_SCHEMA, inputs: await inputsDigest(manifest, articles), matching: model.matching, export: model };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(WWW, 'sample-model.json');
  const pre = await precompute();
  const text = JSON.stringify(pre);
  await writeFile(out, text);
  console.error(`${path.relative(ROOT, out)}: ${text.length} bytes, matching ${pre.matching}`);
}
