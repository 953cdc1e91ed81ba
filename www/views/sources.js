// The sources view: one card per article (outlet, title, author, date, counts), and a reader for the
// selected article: its body with entities, dates, numbers and quotes highlighted, each sentence shaded by
// how many independent sources carry it (with a number as the non-colour cue), furniture folded away.
import { h, bdi, bdiList } from './dom.js';
import { visibleName } from '../model/names.js';
import { articleCounts, agreementOf, headlineOf } from '../model/model.js';
import { parseDate, dayLabel } from '../model/dates.js';
import { renderSegments, searchMarks } from './highlight.js';
import { highlightText } from './highlight.js';
import { link, empty, section, paged } from './common.js';
import { renderMetaEditor } from './metaedit.js';

/**
 * @param {import('./common.js').ViewContext} ctx
 * @returns {HTMLElement}
 */
export function renderSources(ctx) {
  const { ix, d, state } = ctx;
  const cards = paged(ctx, 'sources', d.articles, (a) => {
    const n = articleCounts(ix, a.id);
    const r = parseDate(a.published);
    const meta = byline(a, r ? dayLabel(r.start) : 'date unknown');
    const selected = state.sel === a.id;
    return h('li', { class: `card${selected ? ' selected' : ''}`, 'data-testid': 'source-card', 'data-article': a.id }, [
        h('h3', {}, [
          link(ctx, { view: 'sources', sel: a.id, s: '' }, [bdi(highlightText(headlineOf(a), state.q))], {
            'data-article': a.id,
            'aria-current': selected ? 'true' : undefined,
          }),
        ]),
        h('p', { class: 'meta' }, [...(edited(ctx, a.id) ? [h('span', { class: 'yours', title: 'you corrected these details' }, ['✎ yours']), ' '] : []), ...meta]),
        h('p', { class: 'counts', 'data-testid': 'card-counts' }, [
          `${n.claims} claims · ${n.singleSource} single-source · ${n.contradictions} contradictions · ${n.shared} shared sentences`,
        ]),
        h('p', { class: 'id', title: a.id }, [bdi(visibleName(a.file ? `file: ${a.file}` : a.id))]),
        ctx.user?.own.has(a.id) ? renderMetaEditor(ctx.user, a) : null,
      ]);
  }, d.articles.findIndex((a) => a.id === state.sel));
  const article = ix.articleById.get(state.sel);
  return section('sources', 'Sources', [
    d.articles.length ? h('ul', { class: 'cards', 'aria-label': 'Sources' }, cards.nodes) : empty('No sources', ix.model.articles.length > 0),
    cards.more,
    h('div', { class: 'reader-slot', 'data-testid': 'reader' }, [article ? renderReader(ctx, article) : null]),
  ]);
}

/**
 * The marks of an article's annotations (entities, dates, numbers, quotes).
 * @param {import('../model/model.js').Index} ix
 * @param {string} id
 * @returns {import('./highlight.js').Mark[]}
 */
export function articleMarks(ix, id) {
  /** @type {import('./highlight.js').Mark[]} */
  const marks = [];
  for (const e of ix.model.entities) {
    for (const m of e.mentions ?? []) if (m.article === id) marks.push({ start: m.start, end: m.end, kind: `entity-${e.kind}`, label: `${e.kind}: ${e.name}`, id: e.id });
  }
  for (const t of ix.model.times) if (t.article === id) marks.push({ start: t.start, end: t.end, kind: 'time', label: `date: ${t.value ?? 'unresolved'}` });
  for (const n of ix.model.numbers) if (n.article === id) marks.push({ start: n.start, end: n.end, kind: 'number', label: `number: ${n.value ?? n.text}${n.unit ? ` ${n.unit}` : ''}` });
  for (const q of ix.model.quotes) if (q.article === id) marks.push({ start: q.start, end: q.end, kind: 'quote', label: `quote${q.speakerText ? ` by ${q.speakerText}` : ''}` });
  return marks;
}

/**
 * The reader of one article.
 * @param {import('./common.js').ViewContext} ctx
 * @param {any} article
 * @returns {HTMLElement}
 */
export function renderReader(ctx, article) {
  const marks = articleMarks(ctx.ix, article.id);
  const body = h('div', { class: 'reader-body' });
  for (const p of article.paragraphs ?? []) {
    const para = h(p.kind === 'body' ? 'p' : 'h4', { class: `para ${p.kind}` });
    for (const s of article.sentences ?? []) {
      if (s.start < p.start || s.end > p.end) continue;
      const ag = agreementOf(ctx.ix, article.id, s);
      const level = Math.min(3, Math.max(1, ag.independent));
      const said = ag.independent <= 1 ? 'only this source' : `${ag.independent} independent sources`;
      const target = ctx.state.s !== '' && Number(ctx.state.s) === s.id;
      para.append(
        h('span', { class: `sentence agree-${level}${target ? ' target' : ''}`, 'data-sentence': s.id, 'data-agreement': ag.independent, 'aria-current': target ? 'true' : undefined, tabindex: target ? '-1' : undefined, 'data-key': target ? `target:${s.id}` : undefined }, [
          bdi(renderSegments(article.text, s.start, s.end, [...marks, ...searchMarks(article.text, s.start, s.end, ctx.state.q)])),
          h('sup', { class: 'agree-cue', title: `carried by ${said}`, 'aria-label': `carried by ${said}` }, [ag.independent <= 1 ? '1' : String(ag.independent)]),
        ]),
        ' ',
      );
    }
    body.append(para);
  }
  const furniture = h('details', { class: 'furniture' }, [
    h('summary', {}, [`Page furniture (${(article.furniture ?? []).length})`]),
    h(
      'ul',
      {},
      (article.furniture ?? []).map((/** @type {any} */ f) => h('li', {}, [h('span', { class: 'badge' }, [f.kind]), ' ', bdi(article.text.slice(f.start, f.end))])),
    ),
  ]);
  const legend = h('p', { class: 'legend', 'aria-label': 'Legend' }, [
    h('span', { class: 'hl hl-entity-person' }, ['person']),
    ' ',
    h('span', { class: 'hl hl-entity-organization' }, ['organisation']),
    ' ',
    h('span', { class: 'hl hl-entity-place' }, ['place']),
    ' ',
    h('span', { class: 'hl hl-time' }, ['date']),
    ' ',
    h('span', { class: 'hl hl-number' }, ['number']),
    ' ',
    h('span', { class: 'hl hl-quote' }, ['quote']),
    ' · shading and the small number after each sentence: how many independent sources carry it ',
    h('span', { class: 'sentence agree-1' }, ['only here', h('sup', { class: 'agree-cue' }, ['1'])]),
    ' ',
    h('span', { class: 'sentence agree-2' }, ['two', h('sup', { class: 'agree-cue' }, ['2'])]),
    ' ',
    h('span', { class: 'sentence agree-3' }, ['three or more', h('sup', { class: 'agree-cue' }, ['3'])]),
  ]);
  const r = parseDate(article.published);
  return h('article', { class: 'reader', 'aria-label': headlineOf(article) }, [
    h('h3', {}, [bdi(headlineOf(article))]),
    h('p', { class: 'meta' }, [
      ...byline(article, r ? `published ${r.label}` : 'date unknown'),
      ' · ',
      link(ctx, { view: 'diff', a: article.id, sel: '' }, ['compare with another source']),
    ]),
    legend,
    body,
    furniture,
  ]);
}

/**
 * Whether the user corrected an article's details (headline, outlet, date, URL, authors).
 * @param {import('./common.js').ViewContext} ctx
 * @param {string} id
 */
const edited = (ctx, id) => !!ctx.user?.corrections.some((c) => c.kind === 'meta' && c.article === id);

/**
 * Outlet · authors · date of an article, each name the article gave in its own run.
 * @param {any} a an export article
 * @param {string} date the date as the line shows it
 * @returns {(Node | string)[]}
 */
function byline(a, date) {
  const authors = a.authors?.length ? bdiList(a.authors.map(String), ', ') : ['author unknown'];
  return [bdi(a.outlet ?? 'outlet unknown'), ' · ', ...authors, ` · ${date}`];
}
