// The findings lists: claims (status badge, explanation, sentences), contradictions (kind, explanation,
// the conflicting passages) and quote groups (lineage, earliest first). Each item links to its sentences,
// the timeline and the diff.
import { h, bdi, bdiList, isolated } from './dom.js';
import { sourceName, sentenceAt, sentenceText, readable, independenceSaid } from '../model/model.js';
import { highlightText } from './highlight.js';
import { link, badge, empty, section, quoteRef, paged } from './common.js';
import { findingTools, userMarks, dismissedList } from './correct.js';

/**
 * Links from a finding to the timeline (its first event) and the diff (its first two sources).
 * @param {import('./common.js').ViewContext} ctx
 * @param {string[]} events
 * @param {string[]} articles
 * @param {string} [collate] id for the collation table
 */
function jumps(ctx, events, articles, collate) {
  const uniq = [...new Set(articles)];
  return h('p', { class: 'jumps' }, [
    events.length ? link(ctx, { view: 'timeline', sel: events[0] }, ['on the timeline']) : h('span', { class: 'meta' }, ['no dated event']),
    ' · ',
    uniq.length > 1 ? link(ctx, { view: 'diff', a: uniq[0], b: uniq[1], sel: collate ?? '' }, ['compare in the diff']) : h('span', { class: 'meta' }, ['one source']),
  ]);
}

/**
 * @param {import('./common.js').ViewContext} ctx
 */
export function renderClaims(ctx) {
  const { ix, d, state } = ctx;
  const claims = paged(ctx, 'claims', d.claims, (c, i) => {
    const selected = state.sel === c.id;
    return h('li', { class: `finding${selected ? ' selected' : ''}`, 'data-testid': 'claim', 'data-id': c.id, 'aria-current': selected ? 'true' : undefined }, [
      h('h3', {}, [badge(c.status), ' ', link(ctx, { sel: c.id }, [`Claim ${i + 1}`], { 'data-key': `cl:${c.id}`, title: c.id })]),
      h('p', { class: 'why' }, [bdi(highlightText(readable(ix, c.explanation ?? '', isolated), state.q))]),
      h('p', { class: 'meta' }, [
        `${independenceSaid((c.independentSources ?? []).length, (c.sources ?? []).length)}: `,
        ...bdiList((c.sources ?? []).map((s) => sourceName(ix, s)), ', '),
      ]),
      selected || (c.sentences ?? []).length <= 3 ? h('div', {}, (c.sentences ?? []).map((r) => quoteRef(ctx, r))) : null,
      jumps(ctx, c.events ?? [], (c.sentences ?? []).map((r) => r.article), c.id),
      userMarks(c),
      ctx.user ? findingTools(ctx.user, c.id, { status: c.status, label: `claim ${i + 1}` }) : null,
    ]);
  }, d.claims.findIndex((c) => c.id === state.sel));
  return section('claims', 'Claims', [
    d.claims.length ? h('ol', { class: 'findings', 'aria-label': 'Claims' }, claims.nodes) : empty('No claims found', ix.model.claims.length > 0, !ix.present.has('claims')),
    claims.more,
    ctx.user ? dismissedList(ctx.user, ix.user?.dismissed ?? [], 'claims', (c) => `${c.id}: ${c.explanation ?? ''}`) : null,
  ]);
}

/**
 * @param {import('./common.js').ViewContext} ctx
 */
export function renderContradictions(ctx) {
  const { ix, d, state } = ctx;
  const items = paged(ctx, 'contradictions', d.contradictions, (c, i) => {
    const selected = state.sel === c.id;
    const refs = c.refs ?? [];
    const events = ix.model.events
      .filter((ev) => (ev.sentences ?? []).some((/** @type {any} */ s) => refs.some((/** @type {any} */ r) => r.article === s.article && sentenceAt(ix, r.article, r.start) === s.sentence)))
      .map((ev) => ev.id);
    return h('li', { class: `finding${selected ? ' selected' : ''}`, 'data-testid': 'contradiction', 'data-id': c.id, 'aria-current': selected ? 'true' : undefined }, [
      h('h3', {}, [badge('contested'), ' ', h('span', { class: 'badge kind' }, [c.kind]), ' ', link(ctx, { sel: c.id }, [`Contradiction ${i + 1}`], { 'data-key': `co:${c.id}`, title: c.id })]),
      h('p', { class: 'why' }, [bdi(highlightText(readable(ix, c.explanation ?? '', isolated), state.q))]),
      h(
        'ul',
        { class: 'refs' },
        refs.map((/** @type {any} */ r) => {
          const a = ix.articleById.get(r.article);
          const passage = typeof r.text === 'string' ? r.text : a ? String(a.text).slice(r.start, r.end) : '';
          const sentence = sentenceAt(ix, r.article, r.start);
          return h('li', {}, [
            link(ctx, { view: 'sources', sel: r.article, s: sentence >= 0 ? String(sentence) : '' }, [bdi(sourceName(ix, r.article))]),
            ': “',
            h('strong', {}, [bdi(highlightText(passage, state.q))]),
            '”',
            sentence >= 0 ? h('span', { class: 'context' }, [' in: ', bdi(highlightText(sentenceText(ix, { article: r.article, sentence }), state.q))]) : null,
          ]);
        }),
      ),
      jumps(ctx, events, refs.map((/** @type {any} */ r) => r.article)),
      userMarks(c),
      ctx.user ? findingTools(ctx.user, c.id, { label: `contradiction ${i + 1}` }) : null,
    ]);
  }, d.contradictions.findIndex((c) => c.id === state.sel));
  return section('contradictions', 'Contradictions', [
    d.contradictions.length
      ? h('ol', { class: 'findings', 'aria-label': 'Contradictions' }, items.nodes)
      : empty('No contradictions found', ix.model.contradictions.length > 0, !ix.present.has('contradictions')),
    items.more,
    ctx.user ? dismissedList(ctx.user, ix.user?.dismissed ?? [], 'contradictions', (c) => `${c.kind}: ${c.explanation ?? c.id}`) : null,
  ]);
}

/**
 * @param {import('./common.js').ViewContext} ctx
 */
export function renderQuotes(ctx) {
  const { ix, d, state } = ctx;
  const entityName = (/** @type {string | null} */ id) => ix.model.entities.find((e) => e.id === id)?.name;
  const groups = paged(ctx, 'quote-groups', d.quoteGroups, (g) => {
    const selected = state.sel === g.id;
    const quotes = g.quotes.map((/** @type {string} */ id) => ix.quoteById.get(id)).filter(Boolean);
    /** @type {Map<string, any>} */
    const lineage = new Map((Array.isArray(g.lineage) ? g.lineage : []).map((/** @type {any} */ l) => [l.quote, l]));
    return h('li', { class: `finding${selected ? ' selected' : ''}`, 'data-testid': 'quote-group', 'data-id': g.id, 'aria-current': selected ? 'true' : undefined }, [
      h('h3', {}, [
        link(ctx, { sel: g.id }, [bdi(entityName(g.speaker) ?? quotes[0]?.speakerText ?? g.speaker ?? 'Unknown speaker'), `: ${quotes.length} quote${quotes.length === 1 ? '' : 's'}`], { 'data-key': `qg:${g.id}` }),
        ' ',
        h('span', { class: 'badge' }, [g.identical ? '= identical wording' : '≠ wording differs']),
      ]),
      h(
        'ol',
        { class: 'lineage', 'aria-label': 'Lineage, earliest first' },
        quotes.map((/** @type {any} */ q, /** @type {number} */ i) => {
          const step = lineage.get(q.id);
          const relation = step?.relation ?? (i === 0 ? 'earliest' : '');
          return h('li', { 'data-relation': relation }, [
            h('span', { class: 'badge' }, [relation || 'quote']),
            ' ',
            link(ctx, { view: 'sources', sel: q.article, s: q.sentence === null || q.sentence === undefined ? '' : String(q.sentence) }, [bdi(sourceName(ix, q.article))]),
            step?.published ? h('span', { class: 'meta' }, [` (${String(step.published).slice(0, 10)})`]) : null,
            `: ${q.direct ? '' : '(indirect) '}“`,
            bdi(highlightText(String(q.text), state.q)),
            '”',
            q.verb ? h('span', { class: 'meta' }, [' — ', bdi(q.speakerText ?? ''), ` ${q.verb}`]) : null,
          ]);
        }),
      ),
      jumps(ctx, [], quotes.map((/** @type {any} */ q) => q.article), g.id),
      userMarks(ix.model.quoteGroups.find((x) => x.id === g.id)),
      ctx.user ? findingTools(ctx.user, g.id, { label: `the quotes of ${g.id}` }) : null,
    ]);
  }, d.quoteGroups.findIndex((g) => g.id === state.sel));
  // Quotes the engine found but did not group (or no groups yet).
  const grouped = new Set(ix.model.quoteGroups.flatMap((g) => g.quotes ?? []));
  const loose = d.quotes.filter((q) => !grouped.has(q.id));
  const looseDrawn = paged(ctx, 'quotes', loose, (q) =>
    h('li', { 'data-testid': 'quote' }, [
      link(ctx, { view: 'sources', sel: q.article }, [bdi(sourceName(ix, q.article))]),
      ': ',
      q.speakerText ? bdi(String(q.speakerText)) : '',
      `${q.speakerText ? ' ' : ''}${q.verb ?? ''} “`,
      bdi(highlightText(String(q.text), state.q)),
      '”',
    ]),
  );
  return section('quotes', 'Quotes', [
    d.quoteGroups.length ? h('ol', { class: 'findings', 'aria-label': 'Quote groups' }, groups.nodes) : empty('No quote groups found', ix.model.quoteGroups.length > 0, !ix.present.has('quoteGroups')),
    groups.more,
    ctx.user ? dismissedList(ctx.user, ix.user?.dismissed ?? [], 'quoteGroups', (g) => `${g.id} (${(g.quotes ?? []).length} quotes)`) : null,
    h('h3', {}, [`Other quotes (${loose.length})`]),
    loose.length ? h('ul', { class: 'quotes' }, looseDrawn.nodes) : empty('No quotes found', ix.model.quotes.length > 0, !ix.present.has('quotes')),
    looseDrawn.more,
  ]);
}
