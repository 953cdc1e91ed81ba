// The filter panel: free-text search, sources, entities by kind, claim status, date range and the
// alignment threshold. Builds DOM from the state and reports changes through `go`; keeps no state itself (a
// long group's page and find box are kept in the view context's paging). Long groups are drawn a page at a
// time: a checkbox per source and per entity of a 1,000-article story was one long task.
import { h, bdiList } from './dom.js';
import { STATUSES, hasFilters, emptyState } from '../model/state.js';
import { sourceName } from '../model/model.js';
import { PAGE, moreButton } from './common.js';

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
   * A group of checkboxes bound to one list of the state. A long group draws a page of them (the chosen ones
   * always), with "Show more" and a find box that narrows it by name (kept in the paging under `page`).
   * @param {string} legend
   * @param {'sources' | 'entities' | 'status'} key
   * @param {{ value: string, label?: string, names?: string[], count?: number }[]} options a label in the page's
   *   words, or names from the articles (each shown in its own run)
   * @param {string} [page] the group's name in the paging (long groups only)
   */
  const checks = (legend, key, options, page) => {
    const chosen = new Set(state[key]);
    const box = (/** @type {typeof options[number]} */ o) => {
      const input = /** @type {HTMLInputElement} */ (
        h('input', { type: 'checkbox', value: o.value, checked: chosen.has(o.value), 'data-key': `f-${key}-${o.value}`, 'data-testid': `filter-${key}` })
      );
      input.addEventListener('change', () => {
        const next = new Set(state[key]);
        if (input.checked) next.add(o.value);
        else next.delete(o.value);
        ctx.go({ [key]: [...next] });
      });
      return h('label', {}, [input, ' ', ...(o.names ? bdiList(o.names, ' — ') : [o.label ?? '']), o.count === undefined ? '' : ` (${o.count})`]);
    };
    const set = h('fieldset', { class: `checks checks-${key}` }, [h('legend', {}, [legend])]);
    if (!page || options.length <= PAGE) {
      set.append(...options.map(box));
      return set;
    }
    const list = h('div', { class: 'check-list' });
    const draw = () => {
      const q = (ctx.paging?.query(page) ?? '').toLowerCase();
      const found = q ? options.filter((o) => (o.names ?? [o.label ?? '']).join(' ').toLowerCase().includes(q)) : options;
      const limit = ctx.paging?.limit(page) ?? PAGE;
      const drawn = found.slice(0, limit);
      const extra = options.filter((o) => chosen.has(o.value) && !drawn.includes(o));
      const more = moreButton(found.length - limit, () => ctx.paging?.show(page, limit + PAGE), page);
      list.replaceChildren(...[...extra, ...drawn].map(box), ...(found.length ? [] : [h('p', { class: 'meta' }, ['None found.'])]), ...(more ? [more] : []));
    };
    const find = /** @type {HTMLInputElement} */ (
      h('input', { type: 'search', value: ctx.paging?.query(page) ?? '', 'aria-label': `Find in ${legend.toLowerCase()}`, placeholder: `Find among ${options.length}…`, 'data-key': `f-find-${page}`, 'data-testid': `find-${page}` })
    );
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let typing;
    find.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => {
        ctx.paging?.find(page, find.value);
        draw();
      }, 150);
    });
    draw();
    set.append(h('label', { class: 'find' }, [find]), list);
    return set;
  };

  const sources = checks(
    'Sources',
    'sources',
    ix.model.articles.map((a) => ({ value: a.id, names: a.outlet || a.title ? [a.outlet, a.title].filter(Boolean).map(String) : [sourceName(ix, a.id)] })),
    'f-sources',
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
    const list = ix.entitiesByKind.get(kind) ?? [];
    if (list.length) entityGroups.push(checks(title, 'entities', list.map((e) => ({ value: e.id, names: [String(e.name)], count: e.mentions?.length ?? 0 })), `f-${kind}`));
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
