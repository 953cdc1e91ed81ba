// What the user takes away, computed in the page from the export model (no wasm): the JSON bundle (the
// engine's export untouched, plus the user's articles and corrections, loadable again), CSV of claims and
// contradictions (the engine's columns and the user's side by side), and W3C Web Annotations (each claim,
// quote and contradiction, with TextQuoteSelector and TextPositionSelector on its sentences). Pure; no DOM.

export const BUNDLE_SCHEMA = 'storylines-bundle/1';

/**
 * The portable bundle.
 * @param {any} model the engine's export (uncorrected)
 * @param {import('./storage.js').StoredArticle[]} articles the user's own articles
 * @param {import('./storage.js').Correction[]} corrections
 * @param {{ name: string } | null} [story] the user's story they belong to (its name travels with them)
 */
export function bundle(model, articles, corrections, story = null) {
  return { schema: BUNDLE_SCHEMA, export: model, workspace: { ...(story ? { story: { name: story.name } } : {}), articles, corrections } };
}

/**
 * The story's name a bundle carries (exported from a story of the user's), or ''.
 * @param {any} json parsed JSON
 */
export const bundleStoryName = (json) => (typeof json?.workspace?.story?.name === 'string' ? json.workspace.story.name.trim().slice(0, 120) : '');

/**
 * Reads a bundle (or a bare export, which then has no workspace part).
 * @param {any} json parsed JSON
 * @returns {{ model: any, articles: import('./storage.js').StoredArticle[], corrections: import('./storage.js').Correction[] }}
 */
export function readBundle(json) {
  if (json && json.schema === BUNDLE_SCHEMA) {
    const ws = json.workspace ?? {};
    return { model: json.export ?? null, articles: Array.isArray(ws.articles) ? ws.articles : [], corrections: Array.isArray(ws.corrections) ? ws.corrections : [] };
  }
  if (json && typeof json.schema === 'string' && json.schema.startsWith('storylines/')) return { model: json, articles: [], corrections: [] };
  throw new Error('this is not a storylines bundle or export');
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading =, +, - or @ is
 * prefixed with ' so that spreadsheets do not run it as a formula.
 * @param {unknown} v
 */
export function csvField(v) {
  let s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @param {unknown[][]} rows */
const csv = (rows) => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/** @param {any} model @param {{ article: string, sentence: number }} r */
function sentenceOf(model, r) {
  const a = (model.articles ?? []).find((/** @type {any} */ x) => x.id === r.article);
  const s = a?.sentences?.[r.sentence];
  return s ? String(a.text).slice(s.start, s.end) : '';
}

/**
 * The user's view of one finding for the CSV columns.
 * @param {any} corrected the corrected model (applyCorrections)
 * @param {string} id
 */
function userOf(corrected, id) {
  const cs = /** @type {any[]} */ (corrected?.user?.corrections ?? []);
  return {
    status: cs.findLast((c) => c.kind === 'status' && c.target === id)?.status ?? '',
    dismissed: cs.some((c) => c.kind === 'dismiss' && c.target === id) ? 'yes' : '',
    note: cs.findLast((c) => c.kind === 'note' && c.target === id)?.text ?? '',
  };
}

/**
 * Claims as CSV: the engine's status and the user's correction in separate columns.
 * @param {any} model the engine's export
 * @param {any} [corrected]
 */
export function claimsCsv(model, corrected) {
  const rows = [['id', 'status', 'your status', 'dismissed by you', 'your note', 'sources', 'independent sources', 'explanation', 'sentences']];
  for (const c of model.claims ?? []) {
    const u = userOf(corrected, c.id);
    rows.push([c.id, c.status, u.status, u.dismissed, u.note, c.sources, c.independentSources, c.explanation, (c.sentences ?? []).map((/** @type {any} */ r) => `${r.article}: ${sentenceOf(model, r)}`)]);
  }
  return csv(rows);
}

/**
 * Contradictions as CSV, one row each, the passages quoted.
 * @param {any} model
 * @param {any} [corrected]
 */
export function contradictionsCsv(model, corrected) {
  const rows = [['id', 'kind', 'dismissed by you', 'your note', 'explanation', 'passages']];
  for (const c of model.contradictions ?? []) {
    const u = userOf(corrected, c.id);
    const passages = (c.refs ?? []).map((/** @type {any} */ r) => {
      const a = (model.articles ?? []).find((/** @type {any} */ x) => x.id === r.article);
      return `${r.article}: ${a ? String(a.text).slice(r.start, r.end) : ''}`;
    });
    rows.push([c.id, c.kind, u.dismissed, u.note, c.explanation, passages]);
  }
  return csv(rows);
}

/**
 * The number of Unicode code points in `text` before the UTF-16 offset `at`. The Web Annotation Data Model
 * counts a TextPositionSelector's positions in code points ("characters"), not in UTF-16 code units.
 * @param {string} text
 * @param {number} at
 */
export function codePointOffset(text, at) {
  let n = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: count it at its first unit only.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}

/** The user as an Agent, the creator of their notes and statuses. */
const USER = { type: 'Person', name: 'storylines user' };

/** Characters of context kept on each side in a TextQuoteSelector. */
const CONTEXT = 32;

/**
 * A target on a span of an article: its source IRI and both selectors.
 * @param {any} article
 * @param {number} start UTF-16
 * @param {number} end UTF-16
 * @param {string} base IRI the article ids are resolved against
 */
export function target(article, start, end, base) {
  const text = String(article.text);
  const prefix = [...text.slice(Math.max(0, start - 2 * CONTEXT), start)].slice(-CONTEXT).join('');
  const suffix = [...text.slice(end, end + 2 * CONTEXT)].slice(0, CONTEXT).join('');
  return {
    source: article.url || new URL(`${encodeURIComponent(article.id)}`, base).href,
    selector: [
      { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix, suffix },
      { type: 'TextPositionSelector', start: codePointOffset(text, start), end: codePointOffset(text, end) },
    ],
  };
}

/**
 * Each claim, quote and contradiction of the export as a W3C Web Annotation, in an AnnotationCollection
 * (one page). Bodies: the engine's explanation (purpose "describing"), the claim's status ("assessing"), and
 * the user's note and status when there is one ("commenting", "assessing"; creator the user).
 * @param {any} model the engine's export
 * @param {{ base?: string, corrected?: any }} [opts] base: IRI for ids and sources (default urn-like)
 */
export function webAnnotations(model, opts = {}) {
  const base = opts.base ?? 'https://storylines.invalid/';
  const byId = new Map((model.articles ?? []).map((/** @type {any} */ a) => [a.id, a]));
  /** @type {any[]} */
  const items = [];
  /** @param {string} id @param {any[]} bodies @param {any[]} targets */
  const add = (id, bodies, targets) => {
    const t = targets.filter(Boolean);
    if (!t.length) return;
    const u = userOf(opts.corrected, id);
    if (u.note) bodies.push({ type: 'TextualBody', value: u.note, purpose: 'commenting', creator: USER });
    if (u.status) bodies.push({ type: 'TextualBody', value: `your status: ${u.status}`, purpose: 'assessing', creator: USER });
    items.push({ id: new URL(`annotations/${encodeURIComponent(id)}`, base).href, type: 'Annotation', motivation: 'describing', body: bodies, target: t.length === 1 ? t[0] : t });
  };
  /** @param {{ article: string, sentence: number }} r */
  const onSentence = (r) => {
    const a = byId.get(r.article);
    const s = a?.sentences?.[r.sentence];
    return s ? target(a, s.start, s.end, base) : null;
  };
  const text = (/** @type {string} */ v, /** @type {string} */ purpose) => ({ type: 'TextualBody', value: v, format: 'text/plain', purpose });
  for (const c of model.claims ?? []) {
    add(c.id, [text(c.explanation ?? '', 'describing'), text(c.status, 'assessing')], (c.sentences ?? []).map(onSentence));
  }
  for (const q of model.quotes ?? []) {
    const a = byId.get(q.article);
    add(q.id, [text(`quote${q.speakerText ? ` by ${q.speakerText}` : ''}${q.verb ? ` (${q.verb})` : ''}`, 'describing')], [a ? target(a, q.start, q.end, base) : null]);
  }
  for (const c of model.contradictions ?? []) {
    add(c.id, [text(c.explanation ?? c.kind, 'describing'), text(`contradiction: ${c.kind}`, 'classifying')], (c.refs ?? []).map((/** @type {any} */ r) => {
      const a = byId.get(r.article);
      return a ? target(a, r.start, r.end, base) : null;
    }));
  }
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', id: new URL('annotations/', base).href, type: 'AnnotationCollection', label: 'storylines findings', total: items.length, first: { id: new URL('annotations/?page=0', base).href, type: 'AnnotationPage', partOf: new URL('annotations/', base).href, startIndex: 0, items } };
}

