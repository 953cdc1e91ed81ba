// The overview (first screen): the story in numbers — sources and their dates, events, claims by status,
// the strongest contradictions and reuse edges — each a link into its view.
import { h } from './dom.js';
import { overview, sourceName, eventStatus } from '../model/model.js';
import { parseDate, dayLabel } from '../model/dates.js';
import { link, badge, empty, section } from './common.js';

/**
 * @param {import('./common.js').ViewContext} ctx
 * @returns {HTMLElement}
 */
export function renderOverview(ctx) {
  const { ix, d } = ctx;
  const o = overview(d);
  const tile = (/** @type {string} */ label, /** @type {number} */ n, /** @type {any} */ patch, /** @type {string} */ id) =>
    h('li', { class: 'tile', 'data-testid': `tile-${id}` }, [link(ctx, patch, [h('span', { class: 'n' }, [String(n)]), ' ', h('span', { class: 'label' }, [label])])]);
  const tiles = h('ul', { class: 'tiles', 'aria-label': 'The story in numbers' }, [
    tile('sources', o.sources, { view: 'sources', sel: '' }, 'sources'),
    tile('events', o.events, { view: 'timeline', sel: '' }, 'events'),
    tile('claims', o.claims, { view: 'claims', sel: '' }, 'claims'),
    tile('contradictions', o.contradictions, { view: 'contradictions', sel: '' }, 'contradictions'),
    tile('quote groups', o.quoteGroups, { view: 'quotes', sel: '' }, 'quotes'),
    tile('entities', o.entities, { view: 'entities', sel: '' }, 'entities'),
    tile('reuse edges', o.reuse, { view: 'provenance', sel: '' }, 'reuse'),
    tile('shared sentences', d.alignments.length, { view: 'diff', sel: '' }, 'shared'),
  ]);
  const statuses = h(
    'ul',
    { class: 'statuses', 'aria-label': 'Claims by status' },
    Object.entries(o.byStatus).map(([s, n]) =>
      h('li', { 'data-testid': `status-${s}` }, [link(ctx, { view: 'claims', status: [s], sel: '' }, [badge(s), ` ${n}`])]),
    ),
  );
  const dated = d.articles
    .map((a) => ({ a, r: parseDate(a.published) }))
    .sort((x, y) => (x.r?.start ?? Infinity) - (y.r?.start ?? Infinity) || (x.a.id < y.a.id ? -1 : 1));
  const sources = h(
    'ol',
    { class: 'source-dates', 'aria-label': 'Sources by publication date' },
    dated.slice(0, 12).map(({ a, r }) =>
      h('li', {}, [
        h('span', { class: 'date' }, [r ? dayLabel(r.start) : 'date unknown']),
        ' ',
        link(ctx, { view: 'sources', sel: a.id }, [a.title ?? '(no headline)']),
        h('span', { class: 'meta' }, [` — ${a.outlet ?? 'outlet unknown'}`]),
      ]),
    ),
  );
  const contradictions = o.topContradictions.length
    ? h(
        'ul',
        { class: 'top' },
        o.topContradictions.map((c) =>
          h('li', {}, [h('span', { class: 'badge kind' }, [c.kind]), ' ', link(ctx, { view: 'contradictions', sel: c.id }, [c.explanation || c.id])]),
        ),
      )
    : empty('No contradictions found', false, !ix.present.has('contradictions'));
  const reuse = o.topReuse.length
    ? h(
        'ul',
        { class: 'top' },
        o.topReuse.map((r) =>
          h('li', {}, [
            link(ctx, { view: 'provenance', sel: `${r.from}>${r.to}` }, [`${sourceName(ix, r.from)} → ${sourceName(ix, r.to)}`]),
            ` (score ${Number(r.score).toFixed(2)})`,
          ]),
        ),
      )
    : empty('No reuse between sources found');
  return section('overview', 'Overview', [
    tiles,
    h('div', { class: 'columns' }, [
      h('div', {}, [
        events(ctx),
        h('h3', {}, ['Claims by status']),
        o.claims ? statuses : empty('No claims found', false, !ix.present.has('claims')),
        h('h3', {}, [`Sources and their dates (${dated.length})`]),
        sources,
        dated.length > 12 ? h('p', {}, [link(ctx, { view: 'sources', sel: '' }, [`all ${dated.length} sources`])]) : null,
      ]),
      h('div', {}, [h('h3', {}, ['Strongest contradictions']), contradictions, h('h3', {}, ['Strongest reuse']), reuse, stories(ctx)]),
    ]),
  ]);
}

/**
 * The first events in date order (up to six), each a link to it on the timeline.
 * @param {import('./common.js').ViewContext} ctx
 */
function events(ctx) {
  const { ix, d } = ctx;
  const dated = d.events
    .map((ev) => ({ ev, r: parseDate(ev.date) }))
    .sort((x, y) => (x.r?.start ?? Infinity) - (y.r?.start ?? Infinity));
  return h('div', {}, [
    h('h3', {}, [`Events (${d.events.length})`]),
    dated.length
      ? h(
          'ol',
          { class: 'source-dates', 'data-testid': 'overview-events' },
          dated.slice(0, 6).map(({ ev, r }) =>
            h('li', {}, [
              h('span', { class: 'date' }, [r ? r.label : 'undated']),
              ' ',
              link(ctx, { view: 'timeline', sel: ev.id }, [ev.label ?? ev.id]),
              ' ',
              badge(eventStatus(ev)),
            ]),
          ),
        )
      : empty('No events found', ix.model.events.length > 0, !ix.present.has('events')),
    dated.length > 6 ? h('p', {}, [link(ctx, { view: 'timeline', sel: '' }, [`all ${dated.length} events on the timeline`])]) : null,
  ]);
}

/**
 * The stories the engine found (groups of articles about one occurrence), with their dates.
 * @param {import('./common.js').ViewContext} ctx
 */
function stories(ctx) {
  // A large corpus may hold thousands of stories, and a story thousands of articles: the overview names the
  // first ones of each.
  const STORY_LINKS = 12;
  const { ix, d } = ctx;
  const keep = new Set(d.articles.map((a) => a.id));
  const list = ix.model.stories.filter((st) => (st.articles ?? []).some((/** @type {string} */ a) => keep.has(a)));
  if (!list.length) return null;
  return h('div', {}, [
    h('h3', {}, [`Stories (${list.length})`]),
    h(
      'ul',
      { class: 'top', 'data-testid': 'stories' },
      list.slice(0, STORY_LINKS).map((st) =>
        h('li', {}, [
          h('span', { class: 'date' }, [st.date ?? (st.range ? `${st.range.start} – ${st.range.end}` : 'undated')]),
          ': ',
          ...(st.articles ?? [])
            .slice(0, STORY_LINKS)
            .flatMap((/** @type {string} */ a, /** @type {number} */ i) => [i ? ', ' : '', link(ctx, { view: 'sources', sel: a }, [sourceName(ix, a)])]),
          (st.articles ?? []).length > STORY_LINKS ? ` and ${(st.articles ?? []).length - STORY_LINKS} more` : '',
        ]),
      ),
    ),
    list.length > STORY_LINKS ? h('p', {}, [`and ${list.length - STORY_LINKS} more stories`]) : null,
  ]);
}
