// Article metadata the user can correct: the manifest override built from their `meta` corrections (what the
// engine reads as the manifest, so independence, dating and every view follow), where each value of the
// export came from in words, and an outlet suggested from what the text itself says (a dateline's agency, a
// web address). Pure; no DOM. Suggestions are phenomena of news text, never names of a particular story.

/**
 * @typedef {object} MetaFields the user's values; a missing key keeps the engine's
 * @property {string} [title]
 * @property {string} [outlet]
 * @property {string} [published] ISO 8601 date
 * @property {string} [url]
 * @property {string[]} [authors]
 */

/** The fields the source card edits, in order, with their labels. */
export const META_FIELDS = /** @type {const} */ ([
  ['title', 'Headline'],
  ['outlet', 'Outlet'],
  ['published', 'Date'],
  ['url', 'URL'],
  ['authors', 'Authors'],
]);

/**
 * The user's fields cleaned: trimmed, empty ones left out, a date only when it reads as ISO 8601.
 * @param {Record<string, unknown>} raw
 * @returns {MetaFields}
 */
export function cleanFields(raw) {
  /** @type {MetaFields} */
  const out = {};
  const str = (/** @type {unknown} */ v) => (typeof v === 'string' ? v.trim().slice(0, 500) : '');
  if (str(raw.title)) out.title = str(raw.title);
  if (str(raw.outlet)) out.outlet = str(raw.outlet);
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(str(raw.published))) out.published = str(raw.published);
  if (str(raw.url)) out.url = str(raw.url);
  const authors = Array.isArray(raw.authors) ? raw.authors.map(str) : str(raw.authors).split(/\s*[,;]\s*/);
  if (authors.some(Boolean)) out.authors = authors.filter(Boolean);
  return out;
}

/**
 * The manifest (JSON text) that hands the user's metadata to the engine: one entry per article with a `meta`
 * correction, keyed by the name the engine gets; '' when there is none.
 * @param {{ id: string, name: string }[]} articles
 * @param {{ kind: string, article?: string, fields?: any }[]} corrections
 */
export function metaManifest(articles, corrections) {
  const byId = new Map(corrections.filter((c) => c.kind === 'meta' && typeof c.article === 'string').map((c) => [c.article, cleanFields(c.fields ?? {})]));
  const entries = articles.filter((a) => byId.has(a.id)).map((a) => ({ file: a.name, ...byId.get(a.id) }));
  return entries.length ? JSON.stringify({ articles: entries }) : '';
}

/**
 * Where a value of the export came from, in words.
 * @param {any} provenance the export's `provenance[field]` (an object, a list for authors, or null)
 * @param {boolean} corrected whether the user corrected this field
 */
export function sourceOf(provenance, corrected) {
  const p = Array.isArray(provenance) ? provenance[0] : provenance;
  if (!p) return 'not found in the text';
  if (p.source === 'manifest') return corrected ? 'your correction' : 'set by the manifest';
  if (p.source === 'htmlMeta') return "from the page's metadata";
  if (p.source === 'inferred') return 'inferred from other articles';
  return 'found in the text';
}

/** A dateline: a place in capitals (or a capitalised place), then an agency in parentheses, then a dash. */
const DATELINE = /^[\p{Lu}][\p{L} .,'-]{1,60}\(([\p{Lu}][\p{L}&. -]{0,40})\)\s*[-–—]/mu;
/** A web address written in the text. */
const ADDRESS = /\bhttps?:\/\/(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i;

/**
 * An outlet the text itself suggests: the agency of a dateline ("CITY (Agency) —") in the first lines, else
 * the host of a web address in the text.
 * @param {string} text
 * @returns {{ value: string, why: string } | null}
 */
export function suggestOutlet(text) {
  const head = text.slice(0, 2000);
  const d = DATELINE.exec(head);
  if (d) return { value: d[1].trim(), why: 'the dateline names it' };
  const u = ADDRESS.exec(text);
  if (u) return { value: u[1].toLowerCase(), why: 'a web address in the text' };
  return null;
}
