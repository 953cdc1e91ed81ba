// Fetches a manifest and the article files it lists (same origin only), as engine inputs.

/**
 * @param {string} src URL of a manifest JSON (or of an export or a bundle, returned as `shared`)
 * @returns {Promise<{ manifest: string, articles: import('./protocol.js').ArticleInput[], problems: string[], shared?: any }>}
 */
export async function loadManifest(src) {
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin) throw new Error(`only same-origin manifests can be loaded, not ${url.origin}`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot load the manifest ${url.pathname}: HTTP ${res.status}`);
  const manifest = await res.text();
  /** @type {unknown} */
  let parsed;
  try {
    parsed = JSON.parse(manifest);
  } catch {
    throw new Error(`the manifest ${url.pathname} is not valid JSON`);
  }
  // An export or a bundle (exports.js) is shown as it is, not read as a manifest.
  if (/^storylines(-bundle)?\//.test(String(/** @type {any} */ (parsed)?.schema ?? ''))) return { manifest: '', articles: [], problems: [], shared: parsed };
  return loadListed(manifest, parsed, url);
}

/**
 * Fetches the article files a parsed manifest lists (same origin only), relative to the manifest's URL.
 * @param {string} manifest the manifest's JSON text (handed to the engine for the articles' metadata)
 * @param {any} parsed the same, parsed
 * @param {URL} url where the manifest came from
 * @returns {Promise<{ manifest: string, articles: import('./protocol.js').ArticleInput[], problems: string[] }>}
 */
export async function loadListed(manifest, parsed, url) {
  const entries = Array.isArray(parsed.articles) ? parsed.articles : [];
  /** @type {string[]} */
  const problems = [];
  const loaded = await Promise.all(
    entries.map(async (entry) => {
      const fileUrl = new URL(entry.file, url);
      if (fileUrl.origin !== location.origin) {
        problems.push(`${entry.file}: only same-origin files can be loaded`);
        return null;
      }
      const r = await fetch(fileUrl);
      if (!r.ok) {
        problems.push(`${entry.file}: cannot be loaded (HTTP ${r.status})`);
        return null;
      }
      return { name: entry.file, bytes: new Uint8Array(await r.arrayBuffer()) };
    }),
  );
  const articles = loaded.filter((a) => a !== null);
  return { manifest, articles, problems };
}
