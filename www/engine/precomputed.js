// A precomputed model of a fixed set of articles (issue 21): the export the engine gives for them, written
// when the page is built (scripts/build-sample.mjs, the page's own wasm in Node) so that the first render of
// the sample does not wait for the worker's wasm. This module fetches one (same origin only) and hands it out
// only when it was computed from exactly the articles and manifest the page fetched (a SHA-256 digest of
// them is stored beside it), with the options the page would use. It decides nothing about what is shown and
// never replaces the engine: the worker's own result replaces the precomputed one when it arrives.

export const PRECOMPUTED_SCHEMA = 'storylines-precomputed/1';

/**
 * @typedef {{ schema: string, inputs: string, matching: string, export: any }} Precomputed
 *   `inputs`: the digest of the manifest and articles it was computed from (inputsDigest); `matching`: the
 *   export's `matching` (words, or words+meaning when the engine had the embedding table).
 */

/**
 * The SHA-256 digest (hex) of a manifest and articles, in their order: what a precomputed model is keyed by.
 * Each piece is preceded by its length, so that no two different inputs give the same bytes. Works in
 * browsers (secure contexts, 127.0.0.1 included) and in Node.
 * @param {string} manifest the manifest's JSON text ('' for none)
 * @param {import('./protocol.js').ArticleInput[]} articles
 */
export async function inputsDigest(manifest, articles) {
  const enc = new TextEncoder();
  /** @type {Uint8Array[]} */
  const pieces = [];
  const piece = (/** @type {Uint8Array} */ bytes) => {
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, bytes.length);
    pieces.push(len, bytes);
  };
  piece(enc.encode(manifest));
  for (const a of articles) {
    piece(enc.encode(a.name));
    piece(a.bytes ?? enc.encode(a.text ?? ''));
  }
  const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Starts fetching a precomputed model (same origin only), so that it arrives while the articles do.
 * @param {string} src URL of the precomputed model, relative to the document
 * @returns {Promise<Precomputed | null>} null when it is missing, foreign or not one
 */
export async function fetchPrecomputed(src) {
  try {
    const url = new URL(src, document.baseURI);
    if (url.origin !== location.origin) return null;
    const res = await fetch(url);
    const pre = res.ok ? await res.json() : null;
    return pre?.schema === PRECOMPUTED_SCHEMA ? pre : null;
  } catch {
    return null;
  }
}

/**
 * The export of a precomputed model when it belongs to exactly these inputs and was computed with the
 * expected matching; null otherwise (stale, another story, or no Web Crypto here).
 * @param {Precomputed | null} pre
 * @param {string} manifest
 * @param {import('./protocol.js').ArticleInput[]} articles
 * @param {string} matching the `matching` the page's engine will use ('words' or 'words+meaning')
 * @returns {Promise<any | null>}
 */
export async function precomputedFor(pre, manifest, articles, matching) {
  if (!pre || pre.matching !== matching || !globalThis.crypto?.subtle) return null;
  const digest = await inputsDigest(manifest, articles).catch(() => '');
  return pre.inputs === digest ? (pre.export ?? null) : null;
}
