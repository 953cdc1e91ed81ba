// The element's declarative options, read from its attributes: the initial state (`view`, `sources`,
// `filters`) and the `height`. Pure except for `applyHeight`; `theme` needs no code (explorer.css matches
// :host([theme=…])).
import { parseState } from '../model/state.js';

/**
 * The state an explorer opens with: its `filters` attribute (a query string in the state's own syntax, e.g.
 * `status=contested&from=2024-11-01&q=ceasefire`), then `view` and `sources` (comma-separated article ids),
 * then this instance's parameters in the page URL, which win (so a shared link reproduces its view).
 * @param {{ view?: string | null, sources?: string | null, filters?: string | null }} attrs
 * @param {string} search the page's query string ('' when the instance keeps out of the URL)
 * @param {string} prefix the instance's `state-key` ('' for none)
 * @returns {import('../model/state.js').State}
 */
export function initialState(attrs, search, prefix) {
  const params = new URLSearchParams(attrs.filters ?? '');
  if (attrs.view) params.set('view', attrs.view);
  if (attrs.sources) params.set('sources', attrs.sources);
  for (const [k, v] of new URLSearchParams(search)) {
    if (prefix && k.startsWith(`${prefix}.`)) params.set(k.slice(prefix.length + 1), v);
    else if (!prefix && !k.includes('.')) params.set(k, v);
  }
  return parseState(params.toString());
}

/**
 * A CSS length for the `height` attribute: a bare number means pixels; anything else must be a length CSS
 * accepts (`40rem`, `80vh`); null when absent or not a length.
 * @param {string | null} value
 */
export function heightOf(value) {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return `${v}px`;
  return typeof CSS !== 'undefined' && CSS.supports('height', v) ? v : null;
}

/**
 * Sets or clears the element's fixed height (it then scrolls inside); through the CSSOM, which a strict CSP
 * allows, unlike a style attribute.
 * @param {HTMLElement} el
 * @param {string | null} value the attribute's value
 */
export function applyHeight(el, value) {
  const height = heightOf(value);
  if (height) el.style.setProperty('--storylines-height', height);
  else el.style.removeProperty('--storylines-height');
}
