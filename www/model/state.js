// URL state of one explorer: the story, the view, the filters and the selection, read from and written to a query
// string. Pure (no DOM, no globals): the element decides when to push or replace history entries. Several
// explorers on one page keep apart by a key prefix (`<storylines-explorer state-key="x">` → `x.view=…`).

/** The views, in navigation order. */
export const VIEWS = /** @type {const} */ (['overview', 'sources', 'timeline', 'diff', 'claims', 'contradictions', 'quotes', 'entities', 'provenance']);

/** Claim statuses, in display order. */
export const STATUSES = /** @type {const} */ (['corroborated', 'single-source', 'contested']);

/**
 * @typedef {object} State
 * @property {string} view one of VIEWS
 * @property {string[]} sources article ids to keep (empty: all)
 * @property {string[]} entities entity ids to keep (empty: all)
 * @property {string[]} status claim statuses to keep (empty: all)
 * @property {string} from first calendar day kept, `YYYY-MM-DD` or ''
 * @property {string} to last calendar day kept, `YYYY-MM-DD` or ''
 * @property {string} q free-text search
 * @property {string} sel the selected item (article, event, claim, contradiction, quote group or entity id)
 * @property {string} a left source of the diff
 * @property {string} b right source of the diff
 * @property {string} t alignment threshold as typed ('' = the engine's default)
 * @property {string} zoom timeline window `start~end` in day numbers ('' = fit)
 * @property {string} s sentence index to show in the reader ('' = none)
 * @property {string} story the story shown: '' the bundled sample, else the id of one of the user's stories
 */

/** @returns {State} */
export function emptyState() {
  return { view: 'overview', sources: [], entities: [], status: [], from: '', to: '', q: '', sel: '', a: '', b: '', t: '', zoom: '', s: '', story: '' };
}

const LISTS = /** @type {const} */ (['sources', 'entities', 'status']);
const SCALARS = /** @type {const} */ (['from', 'to', 'q', 'sel', 'a', 'b', 't', 'zoom', 's', 'story']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a state from a query string; unknown or malformed values fall back to the defaults.
 * @param {string} search e.g. `location.search`
 * @param {string} [prefix] key prefix of this explorer ('' for none)
 * @returns {State}
 */
export function parseState(search, prefix = '') {
  const params = new URLSearchParams(search);
  const get = (/** @type {string} */ k) => params.get(prefix ? `${prefix}.${k}` : k) ?? '';
  const state = emptyState();
  const view = get('view');
  if (/** @type {readonly string[]} */ (VIEWS).includes(view)) state.view = view;
  for (const k of LISTS) {
    state[k] = get(k)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  state.status = state.status.filter((s) => /** @type {readonly string[]} */ (STATUSES).includes(s));
  for (const k of SCALARS) state[k] = get(k);
  if (state.from && !DAY.test(state.from)) state.from = '';
  if (state.to && !DAY.test(state.to)) state.to = '';
  if (state.t && !(Number(state.t) >= 0 && Number(state.t) <= 1)) state.t = '';
  if (state.s && !/^\d+$/.test(state.s)) state.s = '';
  if (state.story && !/^[a-z0-9-]{1,40}$/.test(state.story)) state.story = '';
  if (state.zoom && !/^-?\d+(\.\d+)?~-?\d+(\.\d+)?$/.test(state.zoom)) state.zoom = '';
  return state;
}

/**
 * Writes a state into a query string, keeping parameters that belong to others (other prefixes, the host).
 * Default values are left out so that URLs stay short.
 * @param {State} state
 * @param {string} [search] the current query string, whose foreign parameters are kept
 * @param {string} [prefix]
 * @returns {string} a query string starting with `?`, or '' when empty
 */
export function formatState(state, search = '', prefix = '') {
  const params = new URLSearchParams(search);
  const key = (/** @type {string} */ k) => (prefix ? `${prefix}.${k}` : k);
  const set = (/** @type {string} */ k, /** @type {string} */ v) => (v ? params.set(key(k), v) : params.delete(key(k)));
  set('view', state.view === 'overview' ? '' : state.view);
  for (const k of LISTS) set(k, [...state[k]].sort().join(','));
  for (const k of SCALARS) set(k, state[k]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * A copy of `state` with `patch` applied.
 * @param {State} state
 * @param {Partial<State>} patch
 * @returns {State}
 */
export function withState(state, patch) {
  return { ...state, ...patch };
}

/**
 * The patch that opens a story ('' the sample): the overview, none of the filters or selection of the one before.
 * @param {string} story
 * @returns {Partial<State>}
 */
export function storyPatch(story) {
  // The threshold (`t`) is the user's setting, kept across stories.
  const { view, sources, entities, status, from, to, q, sel, a, b, zoom, s } = emptyState();
  return { view, sources, entities, status, from, to, q, sel, a, b, zoom, s, story };
}

/**
 * Whether any filter (not view or selection) is set.
 * @param {State} s
 */
export function hasFilters(s) {
  return s.sources.length > 0 || s.entities.length > 0 || s.status.length > 0 || !!s.from || !!s.to || !!s.q;
}
