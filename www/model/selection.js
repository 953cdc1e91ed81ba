// What a selection (the state's `sel`) refers to in an export model, for the `storylines-select` event:
// its kind, its id and the item itself. Pure; no DOM.

/** Where each kind of item lives in the export model, in lookup order. */
const KINDS = /** @type {const} */ ([
  ['article', 'articles'],
  ['event', 'events'],
  ['claim', 'claims'],
  ['contradiction', 'contradictions'],
  ['quoteGroup', 'quoteGroups'],
  ['quote', 'quotes'],
  ['entity', 'entities'],
]);

/**
 * @typedef {object} Selection
 * @property {string} kind article | event | claim | contradiction | quoteGroup | quote | entity | reuse | unknown
 * @property {string} id the selected id (`from>to` for a reuse edge)
 * @property {string} view the view it was selected in
 * @property {number | null} sentence the sentence shown in the reader, if any
 * @property {any} item the item of the export model (null when not found)
 */

/**
 * @param {any} model an export model
 * @param {import('./state.js').State} state
 * @returns {Selection | null} null when nothing is selected
 */
export function selectionOf(model, state) {
  const id = state.sel;
  if (!id) return null;
  const base = { id, view: state.view, sentence: state.s ? Number(state.s) : null };
  for (const [kind, key] of KINDS) {
    const list = Array.isArray(model?.[key]) ? model[key] : [];
    const item = list.find((/** @type {any} */ x) => x?.id === id);
    if (item) return { ...base, kind, item };
  }
  const [from, to] = id.split('>');
  if (to !== undefined) {
    const reuse = Array.isArray(model?.reuse) ? model.reuse : [];
    const item = reuse.find((/** @type {any} */ r) => r?.from === from && r?.to === to) ?? null;
    return { ...base, kind: 'reuse', item };
  }
  return { ...base, kind: 'unknown', item: null };
}
