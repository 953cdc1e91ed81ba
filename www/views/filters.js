// The filter panel: free-text search, sources, entities by kind, claim status, date range and the
// alignment threshold. Builds DOM from the state and reports changes through `go`; keeps no state itself.
import { h, bdiList } from './dom.js';
import { STATUSES, hasFilters, emptyState } from '../model/state.js';
import { sourceName } from '../model/model.js';

/**
 * @param {import('./common.js').ViewContext} ctx
 * @param {{ defaultThreshold: number | null, busy: boolean }} engine
 * @returns {HTMLElement}
 */
export function renderFilters(ctx, engine) {
  const { ix, state } = ctx;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const search = /** @type {HTMLInputElement} */ (
    h('input', { type: 'search', value: state.q, 'aria-label': 'Search all text', placeholder: 'Search…', 'data-key': 'f-q', 'data-testid': 'filter-q' })
  );
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => ctx.go({ q: search.value }, true), 200);
  });
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      clearTimeout(timer);
      ctx.go({ q: search.value });
    }
  });

  /**
   * A group of checkboxes bound to one list of the state.
   * @param {string} legend
   * @param {'sources' | 'entities' | 'status'} key
   * @param {{ value: string, label?: string, names?: string[], count?: number }[]} options a label in the page's
   *   words, or names from the articles (each shown in its own run)
   */
  const checks = (legend, key, options) => {
    const chosen = new Set(state[key]);
    return h('fieldset', { class: `checks checks-${key}` }, [
      h('legend', {}, [legend]),
      ...options.map((o) => {
        const box = /** @type {HTMLInputElement} */ (
          h('input', { type: 'checkbox', value: o.value, checked: chosen.has(o.value), 'data-key': `f-${key}-${o.value}`, 'data-testid': `filter-${key}` })
        );
        box.addEventListener('change', () => {
          const next = new Set(state[key]);
          if (box.checked) next.add(o.value);
          else next.delete(o.value);
          ctx.go({ [key]: [...next] });
        });
        return h('label', {}, [box, ' ', ...(o.names ? bdiList(o.names, ' — ') : [o.label ?? '']), o.count === undefined ? '' : ` (${o.count})`]);
      }),
    ]);
  };

  const sources = checks(
    'Sources',
    'sources',
    ix.model.articles.map((a) => ({ value: a.id, names: a.outlet || a.title ? [a.outlet, a.title].filter(Boolean).map(String) : [sourceName(ix, a.id)] })),
  );
  const status = checks(
    'Claim status',
    'status',
    STATUSES.map((s) => ({ value: s, label: s === 'corroborated' ? '✓ corroborated' : s === 'contested' ? '✗ contested' : '● single source' })),
  );
  /** @type {HTMLElement[]} */
  const entityGroups = [];
  for (const [kind, title] of [
    ['person', 'People'],
    ['organization', 'Organisations'],
    ['place', 'Places'],
  ]) {
    const list = ix.model.entities
      .filter((e) => e.kind === kind)
      .sort((x, y) => (y.mentions?.length ?? 0) - (x.mentions?.length ?? 0) || String(x.name).localeCompare(String(y.name)));
    const shown = list.filter((e, i) => i < 25 || state.entities.includes(e.id));
    if (shown.length) entityGroups.push(checks(title, 'entities', shown.map((e) => ({ value: e.id, names: [String(e.name)], count: e.mentions?.length ?? 0 }))));
  }

  const date = (/** @type {'from' | 'to'} */ key) => {
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'date', value: state[key], 'data-key': `f-${key}`, 'data-testid': `filter-${key}` }));
    input.addEventListener('change', () => ctx.go({ [key]: input.value }));
    return h('label', {}, [key === 'from' ? 'From ' : 'To ', input]);
  };

  const threshold = /** @type {HTMLInputElement} */ (
    h('input', {
      type: 'range',
      min: '0.05',
      max: '0.95',
      step: '0.05',
      value: state.t || String(engine.defaultThreshold ?? 0.3),
      'aria-label': 'Alignment threshold',
      'data-key': 'f-t',
      'data-testid': 'filter-threshold',
      disabled: engine.busy,
    })
  );
  const shown = h('output', {}, [state.t || `${engine.defaultThreshold ?? '?'} (default)`]);
  threshold.addEventListener('input', () => (shown.textContent = threshold.value));
  threshold.addEventListener('change', () => ctx.go({ t: threshold.value }));

  const clear = h('button', { type: 'button', class: 'clear', 'data-key': 'f-clear', disabled: !hasFilters(state) }, ['Clear filters']);
  clear.addEventListener('click', () => {
    const e = emptyState();
    ctx.go({ sources: e.sources, entities: e.entities, status: e.status, from: '', to: '', q: '' });
  });

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filters' }, [
    h('label', { class: 'search' }, ['Search ', search]),
    sources,
    ...entityGroups,
    status,
    h('fieldset', { class: 'dates' }, [h('legend', {}, ['Dates (or drag on the timeline)']), date('from'), date('to')]),
    h('fieldset', { class: 'threshold' }, [
      h('legend', {}, ['Matching strictness']),
      h('label', {}, ['Alignment threshold ', threshold, ' ', shown]),
      h('p', { class: 'hint' }, ['Higher: only near-identical sentences count as shared; lower: looser matches. Re-runs the engine.']),
    ]),
    clear,
  ]);
  form.addEventListener('submit', (ev) => ev.preventDefault());
  return form;
}
