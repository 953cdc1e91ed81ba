// What `src` and `element.load(...)` accept, normalised: a URL of a manifest or of an export or bundle JSON
// (told apart by content), an export or bundle object, or a list of articles (`[{name, text}|{name, bytes}]`,
// or `{articles, manifest}`). Returns either articles for the engine or a finished export to show as it is.
import { loadListed } from '../engine/loader.js';

/**
 * @typedef {import('../engine/protocol.js').ArticleInput} ArticleInput
 * @typedef {{ kind: 'articles', articles: ArticleInput[], manifest: string, problems: string[] }} ArticlesInput
 * @typedef {{ kind: 'export', model: any }} ExportInput an export or a bundle, as parsed
 */

/**
 * Whether a parsed JSON value is a storylines export or a bundle (an export with the user's articles and
 * corrections, www/exports.js), rather than a manifest or an article list.
 * @param {any} value
 */
export function isExport(value) {
  return !!value && typeof value === 'object' && typeof value.schema === 'string' && /^storylines(-bundle)?\//.test(value.schema);
}

/**
 * Checks and copies an article list handed over from script.
 * @param {unknown} list
 * @returns {ArticleInput[]}
 */
export function articleList(list) {
  if (!Array.isArray(list)) throw new Error('articles must be an array of {name, text} objects');
  return list.map((a, i) => {
    if (!a || typeof a !== 'object') throw new Error(`article ${i + 1} is not an object`);
    const name = typeof a.name === 'string' && a.name ? a.name : `article-${i + 1}.txt`;
    if (a.bytes instanceof Uint8Array) return { name, bytes: a.bytes };
    if (typeof a.text !== 'string') throw new Error(`article ${i + 1} (${name}) has no text`);
    return { name, text: a.text };
  });
}

/**
 * @param {string | URL | object | unknown[]} source
 * @returns {Promise<ArticlesInput | ExportInput>}
 */
export async function resolveInput(source) {
  if (typeof source === 'string' || source instanceof URL) return fetchSource(String(source));
  if (Array.isArray(source)) return { kind: 'articles', articles: articleList(source), manifest: '', problems: [] };
  if (isExport(source)) return { kind: 'export', model: source };
  const o = /** @type {any} */ (source);
  if (o && typeof o === 'object' && Array.isArray(o.articles)) {
    const manifest = typeof o.manifest === 'string' ? o.manifest : o.manifest ? JSON.stringify(o.manifest) : '';
    return { kind: 'articles', articles: articleList(o.articles), manifest, problems: [] };
  }
  throw new Error('load() takes a manifest or export URL, an export object, or a list of {name, text} articles');
}

/**
 * Fetches a same-origin URL and tells an export from a manifest by its content.
 * @param {string} src
 * @returns {Promise<ArticlesInput | ExportInput>}
 */
async function fetchSource(src) {
  if (location.protocol === 'file:') {
    throw new Error('a page opened from disk cannot fetch other files; serve the page (npm start) or hand the articles over from script');
  }
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin) throw new Error(`only same-origin files can be loaded, not ${url.origin}`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot load ${url.pathname}: HTTP ${res.status}`);
  const text = await res.text();
  /** @type {any} */
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${url.pathname} is not valid JSON`);
  }
  if (isExport(parsed)) return { kind: 'export', model: parsed };
  return { kind: 'articles', ...(await loadListed(text, parsed, url)) };
}

/**
 * The articles of an export as engine input, with a manifest carrying their ids and metadata, so that the
 * worker can compute what the export does not store (pairwise diffs, collations) for the same article ids.
 * @param {any} model an export model
 * @returns {{ articles: ArticleInput[], manifest: string }}
 */
export function articlesOfExport(model) {
  const list = Array.isArray(model?.articles) ? model.articles : [];
  /** @type {ArticleInput[]} */
  const articles = [];
  const entries = [];
  for (const a of list) {
    if (!a || typeof a.id !== 'string' || typeof a.text !== 'string') continue;
    // Its text is already extracted (from HTML or Markdown): it goes back as plain text.
    const file = `${a.id}.txt`;
    articles.push({ name: file, text: a.text });
    const entry = { file, id: a.id, title: a.title, outlet: a.outlet, url: a.url, published: a.published, language: a.language, authors: a.authors };
    entries.push(Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== null && v !== undefined)));
  }
  return { articles, manifest: JSON.stringify({ articles: entries }) };
}
