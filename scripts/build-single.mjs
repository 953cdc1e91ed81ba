// Builds www/dist/storylines.html: the explorer as ONE self-contained file that works opened from disk
// (file://) with no server and no network. Inlined: the wasm (base64, inside the worker's source), the
// worker (a classic script started from a blob: URL), the element's JavaScript and CSS, and the bundled articles
// (www/articles). Its own Content-Security-Policy lists the sha256 hashes of its inline script and styles and
// 'wasm-unsafe-eval'; no 'unsafe-inline'. Entry: www/single/main.js. Usage: node scripts/build-single.mjs
// (npm run single; also run by scripts/build.sh). With `--embeddings`, the sentence-embedding table
// (www/embeddings.bin, base64, about 5.8 MB more) is inlined too, so that the file matches by meaning.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');

const common = /** @type {const} */ ({ bundle: true, minify: true, format: 'esm', target: 'es2022', legalComments: 'none', logLevel: 'warning', write: false });

/**
 * The worker, with the engine's wasm inlined and the HTML module left out; a classic script (IIFE), since
 * Chromium does not start module workers from blob: URLs in a page opened from disk.
 */
async function workerSource() {
  const out = await build({
    ...common,
    format: 'iife',
    define: { 'import.meta.url': 'self.location.href' },
    entryPoints: [path.join(WWW, 'engine', 'worker.js')],
    loader: { '.wasm': 'binary' },
    plugins: [
      {
        name: 'single-engine',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/pkg\/storylines\.js$/ }, (args) =>
            args.importer === path.join(WWW, 'engine', 'worker.js') ? { path: path.join(WWW, 'single', 'engine.js') } : undefined,
          );
          b.onResolve({ filter: /^\.\.\/pkg-html\// }, () => ({ path: path.join(WWW, 'single', 'no-html.js') }));
        },
      },
    ],
  });
  return out.outputFiles[0].text;
}

/** The element's stylesheet, minified. */
async function css() {
  const out = await build({ ...common, entryPoints: [path.join(WWW, 'element', 'explorer.css')], loader: { '.css': 'css' }, outdir: 'out' });
  return out.outputFiles[0].text.trim();
}

/** The bundled articles and their manifest. */
async function articles() {
  const dir = path.join(WWW, 'articles');
  const manifest = await readFile(path.join(dir, 'manifest.json'), 'utf8');
  const list = [];
  for (const entry of JSON.parse(manifest).articles) list.push({ name: entry.file, text: await readFile(path.join(dir, entry.file), 'utf8') });
  return { manifest, articles: list };
}

/** @param {string} text */
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * @param {string} text content of an inline element
 * @param {string} tag script or style
 */
function checkInline(text, tag) {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) throw new Error(`the inline ${tag} contains </${tag} or <!--, which would end it early`);
  return text;
}

const PAGE_CSS = [
  ':root { color-scheme: light dark; font-family: system-ui, sans-serif; }',
  'body { margin: 0 auto; max-width: 80rem; padding: 0 1rem 2rem; line-height: 1.45; }',
  'h1 { margin: 1rem 0 0.25rem; font-size: 1.6rem; }',
  'header p { margin: 0 0 0.5rem; color: GrayText; }',
  '#notice { border: 2px solid #9a6700; padding: 0.5rem 0.75rem; border-radius: 6px; }',
].join('\n');

/**
 * @param {string} [out]
 * @param {{ embeddings?: boolean }} [opts] inline the embedding table
 */
export async function buildSingle(out = path.join(WWW, 'dist', 'storylines.html'), opts = {}) {
  const [worker, style, bundle] = await Promise.all([workerSource(), css(), articles()]);
  const table = opts.embeddings ? (await readFile(path.join(WWW, 'embeddings.bin'))).toString('base64') : '';
  const main = await build({
    ...common,
    entryPoints: [path.join(WWW, 'single', 'main.js')],
    plugins: [
      {
        name: 'single-virtual',
        setup(b) {
          const modules = { 'storylines:worker-source': worker, 'storylines:css': style, 'storylines:bundle': bundle, 'storylines:embeddings': table };
          b.onResolve({ filter: /^storylines:/ }, (args) => ({ path: args.path, namespace: 'virtual' }));
          b.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => ({
            contents: `export default ${JSON.stringify(modules[/** @type {keyof typeof modules} */ (args.path)])};`,
            loader: 'js',
          }));
        },
      },
    ],
  });
  const script = checkInline(main.outputFiles[0].text, 'script');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(PAGE_CSS)} ${sha256(checkInline(style, 'style'))}`,
    'worker-src blob:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="data:,">
<title>storylines — how one story was covered (single file)</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header>
<h1>storylines</h1>
<p>Who says what, when, who disagrees and who copied whom — computed in your browser; nothing leaves it.</p>
<p>This is the single-file build: it works opened from disk, with the bundled articles inside it. Loading other files by URL (<code>?src=</code>) and HTML articles need the served explorer (<code>npm start</code>).</p>
<p id="notice" role="alert" hidden></p>
</header>
<main>
<storylines-explorer no-history></storylines-explorer>
</main>
<script type="module">${script}</script>
</body>
</html>
`;
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, html);
  return { out, bytes: Buffer.byteLength(html) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.includes('--embeddings');
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const { out, bytes } = await buildSingle(file ? path.resolve(file) : undefined, { embeddings: flag });
  console.error(`${path.relative(ROOT, out)}: ${bytes} bytes`);
}
