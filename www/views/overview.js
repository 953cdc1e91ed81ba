// The overview (first screen): it leads with each story in a few lines (its main event, dates, outlets and
// independent sources, the strongest disagreement, the earliest source), then the story in numbers — sources
// and their dates, events, claims by status, the strongest contradictions and reuse edges — each a link into
// its view.
import { h, bdi, isolated } from './dom.js';
import { overview, sourceName, headlineOf, eventStatus, count, readable } from '../model/model.js';
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
        link(ctx, { view: 'sources', sel: a.id }, [bdi(headlineOf(a))]),
        h('span', { class: 'meta' }, [' — ', bdi(a.outlet ?? 'outlet unknown')]),
      ]),
    ),
  );
  const contradictions = o.topContradictions.length
    ? h(
        'ul',
        { class: 'top' },
        o.topContradictions.map((c) =>
          h('li', {}, [h('span', { class: 'badge kind' }, [c.kind]), ' ', link(ctx, { view: 'contradictions', sel: c.id }, [bdi(readable(ix, c.explanation || c.id, isolated))])]),
        ),
      )
    : empty('No contradictions found', false, !ix.present.has('contradictions'));
  const reuse = o.topReuse.length
    ? h(
        'ul',
        { class: 'top' },
        o.topReuse.map((r) =>
          h('li', {}, [
            link(ctx, { view: 'provenance', sel: `${r.from}>${r.to}` }, [bdi(sourceName(ix, r.from)), ' → ', bdi(sourceName(ix, r.to))]),
            ` (score ${Number(r.score).toFixed(2)})`,
          ]),
        ),
      )
    : empty('No reuse between sources found');
  return section('overview', 'Overview', [
    storyLeads(ctx),
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
              link(ctx, { view: 'timeline', sel: ev.id }, [bdi(ev.label ?? ev.id)]),
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
            .flatMap((/** @type {string} */ a, /** @type {number} */ i) => [i ? ', ' : '', link(ctx, { view: 'sources', sel: a }, [bdi(sourceName(ix, a))])]),
          (st.articles ?? []).length > STORY_LINKS ? ` and ${(st.articles ?? []).length - STORY_LINKS} more` : '',
        ]),
      ),
    ),
    list.length > STORY_LINKS ? h('p', {}, [`and ${list.length - STORY_LINKS} more stories`]) : null,
  ]);
}

/** How many stories the overview leads with; the others are listed below. */
const LEAD_STORIES = 3;

/**
 * The lead of each of the largest stories: its main event (the one most independent sources report) in
 * one line, the date range, outlets and independent sources, the strongest contradiction among its
 * articles, and its earliest source.
 * @param {import('./common.js').ViewContext} ctx
 */
function storyLeads(ctx) {
  const { ix, d } = ctx;
  const keep = new Set(d.articles.map((a) => a.id));
  const list = [...ix.model.stories]
    .map((st) => ({ st, articles: (st.articles ?? []).filter((/** @type {string} */ a) => keep.has(a)) }))
    .filter((x) => x.articles.length)
    .sort((a, b) => b.articles.length - a.articles.length || String(a.st.id).localeCompare(String(b.st.id)))
    .slice(0, LEAD_STORIES);
  if (!list.length) return null;
  return h('div', { class: 'leads', 'data-testid': 'story-leads' }, list.map(({ st, articles }) => storyLead(ctx, st, articles)));
}

/**
 * "3 articles from 2 outlets, 1 of unknown outlet", in words.
 * @param {number} n articles
 * @param {number} known distinct outlets the articles name
 * @param {number} unknown articles that name none
 */
export function outletsSaid(n, known, unknown) {
  const plural = (/** @type {number} */ k, /** @type {string} */ w) => `${k} ${w}${k === 1 ? '' : 's'}`;
  if (!known) return `${plural(n, 'article')}, outlet${n === 1 ? '' : 's'} unknown`;
  return `${plural(n, 'article')} from ${plural(known, 'outlet')}${unknown ? `, ${unknown} of unknown outlet` : ''}`;
}

/**
 * @param {import('./common.js').ViewContext} ctx
 * @param {any} st a story of the model
 * @param {string[]} articles its articles under the current filters
 */
function storyLead(ctx, st, articles) {
  const { ix, d } = ctx;
  const mine = new Set(articles);
  const main = d.events
    .filter((ev) => ev.story === st.id)
    .sort((a, b) => count(b.independentSources) - count(a.independentSources) || count(b.sources) - count(a.sources))[0];
  // Only outlets the articles name count as outlets; an article of unknown outlet is said as such.
  const outlets = new Set(articles.flatMap((a) => ix.articleById.get(a)?.outlet ?? []));
  const unknown = articles.filter((a) => !ix.articleById.get(a)?.outlet).length;
  const independent = main ? count(main.independentSources) : 0;
  const contradiction = d.contradictions.find((c) => (c.refs ?? []).some((/** @type {any} */ r) => mine.has(r.article)));
  const earliest = articles
    .map((a) => ({ a, r: parseDate(ix.articleById.get(a)?.published) }))
    .filter((x) => x.r)
    .sort((x, y) => (x.r?.start ?? 0) - (y.r?.start ?? 0))[0];
  const range = st.date ?? (st.range ? `${st.range.start} – ${st.range.end}` : 'undated');
  return h('article', { class: 'lead', 'data-testid': 'story-lead' }, [
    h('h3', { class: 'lead-title' }, [
      main ? link(ctx, { view: 'timeline', sel: main.id }, [bdi(main.label ?? main.id)]) : articles.length ? link(ctx, { view: 'sources', sel: (earliest?.a ?? articles[0]) }, [bdi(headlineOf(ix.articleById.get(earliest?.a ?? articles[0])))]) : 'No articles',
    ]),
    h('p', { class: 'lead-facts' }, [
      h('span', { class: 'date' }, [range]),
      ` · ${outletsSaid(articles.length, outlets.size, unknown)}`,
      main ? ` · main event reported by ${independent} independent source${independent === 1 ? '' : 's'}` : '',
    ]),
    contradiction ? h('p', { class: 'lead-line' }, [h('span', { class: 'badge kind' }, ['disagreement']), ' ', link(ctx, { view: 'contradictions', sel: contradiction.id }, [bdi(readable(ix, contradiction.explanation || 'see the contradiction', isolated))])]) : null,
    earliest ? h('p', { class: 'lead-line' }, ['Earliest source: ', link(ctx, { view: 'sources', sel: earliest.a }, [bdi(sourceName(ix, earliest.a))]), ` (${earliest.r ? dayLabel(earliest.r.start) : ''})`]) : null,
  ]);
}
