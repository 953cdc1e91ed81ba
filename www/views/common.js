// Pieces the views share: the view context type, links that change the explorer's state, status badges,
// sentence quotations with search highlighting, and empty states. Pure DOM building; no state.
import { h, bdi } from './dom.js';
import { highlightText } from './highlight.js';
import { sentenceText, sourceName } from '../model/model.js';

/**
 * @typedef {object} ViewContext
 * @property {import('../model/model.js').Index} ix
 * @property {import('../model/model.js').Derived} d
 * @property {import('../model/state.js').State} state
 * @property {(patch: Partial<import('../model/state.js').State>) => string} href URL of the state with `patch` applied
 * @property {(patch: Partial<import('../model/state.js').State>, replace?: boolean) => void} go applies `patch`
 * @property {(message: string) => void} announce says something in the live region
 * @property {{ diff: (a: string, b: string) => any, collation: (id: string) => any }} engine the engine's
 *   pairwise diff and collation table when the wasm offers them and they have arrived (else null: the views
 *   fall back to what the page computes)
 * @property {import('./correct.js').UserContext} [user] the user's corrections and how to make them
 * @property {Paging} [paging] how much of each long list is drawn (kept by the element per model)
 */

/**
 * @typedef {object} Paging
 * @property {(key: string) => number} limit how many items of list `key` are drawn
 * @property {(key: string, limit: number) => void} show draws `limit` items of list `key` (re-renders)
 * @property {(key: string) => string} query what the find box of list `key` holds
 * @property {(key: string, q: string) => void} find keeps what the find box of list `key` holds (no re-render)
 */

/** Items of a long list drawn at first, and per "Show more": a list of thousands drawn at once is one long task. */
export const PAGE = 50;

/**
 * The paging of the element's long lists, kept in `lists` (one entry per list key) by the element; `redraw`
 * draws again after "Show more".
 * @param {Map<string, { limit?: number, q?: string }>} lists
 * @param {() => void} redraw
 * @returns {Paging}
 */
export function pagingOf(lists, redraw) {
  return {
    limit: (key) => lists.get(key)?.limit ?? PAGE,
    show: (key, limit) => {
      lists.set(key, { ...lists.get(key), limit });
      redraw();
    },
    query: (key) => lists.get(key)?.q ?? '',
    find: (key, q) => void lists.set(key, { ...lists.get(key), q }),
  };
}

/**
 * The first page of a long list (at least up to `keep`, the selected item), and a "Show more" button that
 * draws the next page, or null when all are drawn. `draw` gets each item and its index in the whole list.
 * @template T
 * @param {ViewContext} ctx
 * @param {string} key the list's name in the paging (and its button's `data-key`, so the focus stays on it)
 * @param {T[]} items
 * @param {(item: T, index: number) => Node} draw
 * @param {number} [keep] an index that must be drawn
 * @returns {{ nodes: Node[], more: HTMLElement | null }}
 */
export function paged(ctx, key, items, draw, keep = -1) {
  const limit = Math.max(ctx.paging?.limit(key) ?? PAGE, keep + 1);
  const nodes = items.slice(0, limit).map(draw);
  return { nodes, more: moreButton(items.length - limit, () => ctx.paging?.show(key, limit + PAGE), key) };
}

/**
 * "Show 50 more (N not shown yet)" or "Show the other N", or null when nothing is left.
 * @param {number} rest items not drawn
 * @param {() => void} onClick
 * @param {string} key
 */
export function moreButton(rest, onClick, key) {
  if (rest <= 0) return null;
  const b = h('button', { type: 'button', class: 'more', 'data-testid': 'show-more', 'data-key': `more:${key}` }, [rest > PAGE ? `Show ${PAGE} more (${rest} not shown yet)` : `Show the other ${rest}`]);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * A link to another state of the explorer: a real href (so it can be copied or opened in a tab) whose plain
 * click is handled in place.
 * @param {ViewContext} ctx
 * @param {Partial<import('../model/state.js').State>} patch
 * @param {(Node | string | null)[]} children
 * @param {Record<string, string | boolean | undefined>} [attrs]
 */
export function link(ctx, patch, children, attrs = {}) {
  const a = h('a', { href: ctx.href(patch), ...attrs }, children);
  a.addEventListener('click', (ev) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    ctx.go(patch);
  });
  return a;
}

const STATUS_TEXT = /** @type {Record<string, string>} */ ({
  corroborated: '✓ corroborated',
  'single-source': '● single source',
  contested: '✗ contested',
});

/**
 * A status badge: a symbol and a word, never colour alone.
 * @param {string} status
 */
export function badge(status) {
  return h('span', { class: `badge status-${status}` }, [STATUS_TEXT[status] ?? status]);
}

/**
 * A quoted sentence with its source, search hits marked.
 * @param {ViewContext} ctx
 * @param {{ article: string, sentence: number }} ref
 */
export function quoteRef(ctx, ref) {
  const text = sentenceText(ctx.ix, ref);
  return h('blockquote', { 'data-article': ref.article, 'data-sentence': ref.sentence }, [
    h('cite', {}, [link(ctx, { view: 'sources', sel: ref.article, s: String(ref.sentence) }, [bdi(sourceName(ctx.ix, ref.article)), ` · sentence ${ref.sentence + 1}`])]),
    h('span', { class: 'text' }, text ? [bdi(highlightText(text, ctx.state.q))] : ['(sentence not found)']),
  ]);
}

/**
 * The empty state of a list, saying why it is empty.
 * @param {string} what e.g. "No contradictions found"
 * @param {boolean} [filtered] whether filters hide items
 * @param {boolean} [absent] whether the engine did not produce this kind of finding at all
 */
export function empty(what, filtered = false, absent = false) {
  const why = absent ? ' (this engine does not report them yet)' : filtered ? ' under the current filters' : '';
  return h('p', { class: 'empty', 'data-testid': 'empty' }, [`${what}${why}.`]);
}

/**
 * A view's heading and body in a labelled region.
 * @param {string} id
 * @param {string} title
 * @param {(Node | string | null)[]} children
 */
export function section(id, title, children) {
  return h('section', { class: `view view-${id}`, 'aria-labelledby': `${id}-h`, 'data-view': id }, [
    h('h2', { id: `${id}-h`, tabindex: '-1', 'data-key': `view-h:${id}` }, [title]),
    ...children,
  ]);
}
