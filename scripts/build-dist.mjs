// Builds www/dist/: what a host page downloads, minified by esbuild. Called by scripts/build.sh after the wasm.
//   storylines.js   the element (www/element/define.js and everything it imports), one ES module
//   worker.js       the engine's worker (www/engine/worker.js with the wasm-bindgen glue), loaded by the
//                   element as new URL('./worker.js', import.meta.url), so it must sit beside storylines.js
//   core.js         the programmatic API without the UI (www/engine/core.js: parse, export, diff)
//   explorer.css    the element's shadow stylesheet (linked, never inlined: strict CSPs forbid inline styles);
//                   www/engine/assets.js names it '../element/explorer.css', its place in the source tree,
//                   and the plugin `flatAssets` rewrites that path to the file beside storylines.js
//   storylines_bg.wasm, and the HTML module (chunk + wasm) when www/pkg-html exists, loaded on demand
//   embeddings.bin  the sentence-embedding table (issue 19), fetched by the worker after the first render
// Usage: node scripts/build-dist.mjs [out-dir]
import { build } from 'esbuild';
import { cp, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const ASSETS = path.join(WWW, 'engine', 'assets.js');

/** In the flat build the stylesheet sits beside the element's bundle: rewrites assets.js's source-tree path. */
const flatAssets = {
  name: 'flat-assets',
  /** @param {import('esbuild').PluginBuild} b */
  setup(b) {
    b.onLoad({ filter: /assets\.js$/ }, async (args) => {
      if (args.path !== ASSETS) return undefined;
      const text = await readFile(args.path, 'utf8');
      const moves = [
        ["new URL('../element/explorer.css', import.meta.url)", "new URL('./explorer.css', import.meta.url)"],
        ["new URL('../embeddings.bin', import.meta.url)", "new URL('./embeddings.bin', import.meta.url)"],
      ];
      let contents = text;
      for (const [from, to] of moves) {
        if (!contents.includes(from)) throw new Error(`${ASSETS} no longer contains ${from}; update scripts/build-dist.mjs`);
        contents = contents.replace(from, to);
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * @param {string} out folder to (re)create
 */
export async function buildDist(out = path.join(WWW, 'dist')) {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const common = /** @type {const} */ ({
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    outdir: out,
  });
  // The element and the core API: each one file (no shared chunks, so a host includes one script).
  await build({
    ...common,
    entryPoints: { storylines: path.join(WWW, 'element', 'define.js'), core: path.join(WWW, 'engine', 'core.js') },
    plugins: [flatAssets],
  });
  // The worker: the HTML module is a dynamic import, so it becomes its own chunk, fetched only when needed.
  const html = existsSync(path.join(WWW, 'pkg-html', 'storylines_html.js'));
  await build({
    ...common,
    entryPoints: { worker: path.join(WWW, 'engine', 'worker.js') },
    splitting: true,
    chunkNames: '[name]-[hash]',
    external: html ? [] : ['../pkg-html/*'],
  });
  await build({ ...common, entryPoints: { explorer: path.join(WWW, 'element', 'explorer.css') }, loader: { '.css': 'css' } });
  // The wasm files sit beside the glue that resolves them with new URL(name, import.meta.url).
  await cp(path.join(WWW, 'pkg', 'storylines_bg.wasm'), path.join(out, 'storylines_bg.wasm'));
  if (html) await cp(path.join(WWW, 'pkg-html', 'storylines_html_bg.wasm'), path.join(out, 'storylines_html_bg.wasm'));
  // The embedding table, fetched by the worker only after the first render (not part of the size budget).
  if (existsSync(path.join(WWW, 'embeddings.bin'))) await cp(path.join(WWW, 'embeddings.bin'), path.join(out, 'embeddings.bin'));
  return (await readdir(out)).sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await buildDist(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.error(`www/dist: ${files.join(' ')}`);
}
