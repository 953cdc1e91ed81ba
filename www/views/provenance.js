// Provenance: who reused whom as a flow in time (sources in publication-date columns, the earliest on the
// left; copy, rewrite and attributed use drawn differently), the edges as a list with their passages, and
// the sentences two sources share (the alignments) as evidence.
import { h, bdi, isolated, isolatedLabel } from './dom.js';
import { parseDate, dayString } from '../model/dates.js';
import { sourceName, sentenceText, readable } from '../model/model.js';
import { highlightText } from './highlight.js';
import { link, empty, section } from './common.js';
import { findingTools, userMarks, dismissedList } from './correct.js';
import { alignmentId } from '../model/corrections.js';

const SVG = 'http://www.w3.org/2000/svg';
/**
 * @param {string} tag
 * @param {Record<string, string | number>} [attrs]
 * @param {(Node | string)[]} [children]
 */
function s(tag, attrs = {}, children = []) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/**
 * How an edge reused its source, for its line style: `attributed` (the later text names its source),
 * `copy` (shared passages of identical wording), `rewrite` (sentences aligned without shared passages).
 * The engine's own `kind` wins when it gives one.
 * @param {any} r a reuse edge
 * @returns {'copy' | 'rewrite' | 'attributed'}
 */
export function reuseKind(r) {
  if (r.kind === 'copy' || r.kind === 'rewrite' || r.kind === 'attributed') return r.kind;
  const evidence = (Array.isArray(r.evidence) ? r.evidence : []).join(' ');
  if (/attribut/i.test(evidence)) return 'attributed';
  return (r.passages ?? []).length ? 'copy' : 'rewrite';
}

/**
 * The flow's columns: the sources of the reuse edges, grouped by publication day in date order (earliest
 * left), undated sources in a last column; within a column, in id order.
 * @param {import('../model/model.js').Index} ix
 * @param {any[]} reuse
 * @returns {{ label: string, ids: string[] }[]}
 */
export function flowColumns(ix, reuse) {
  const ids = [...new Set(reuse.flatMap((r) => [r.from, r.to]))].sort();
  /** @type {Map<number, string[]>} */
  const byDay = new Map();
  const undated = [];
  for (const id of ids) {
    const range = parseDate(ix.articleById.get(id)?.published);
    if (!range) undated.push(id);
    else byDay.set(range.start, [...(byDay.get(range.start) ?? []), id]);
  }
  const columns = [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, list]) => ({ label: dayString(day), ids: list }));
  if (undated.length) columns.push({ label: 'undated', ids: undated });
  return columns;
}

/**
 * The reuse graph as a flow in time: sources as labelled boxes in date columns, the earliest on the left,
 * and an arrow from each source to the text that reused it, drawn solid for a copy, dashed for a rewrite,
 * dotted for attributed use. Each arrow is focusable and names its passages.
 * @param {import('./common.js').ViewContext} ctx
 */
function renderFlow(ctx) {
  const { ix, d, state } = ctx;
  const columns = flowColumns(ix, d.reuse);
  const BOX_H = 30;
  const GAP = 14;
  const TOP = 34;
  const colW = Math.max(150, Math.min(220, 720 / Math.max(1, columns.length)));
  const boxW = colW - 36;
  const W = Math.max(320, colW * columns.length);
  const H = TOP + Math.max(1, ...columns.map((c) => c.ids.length)) * (BOX_H + GAP) + 10;
  /** @type {Map<string, { x: number, y: number }>} */
  const pos = new Map();
  columns.forEach((c, i) => c.ids.forEach((id, j) => pos.set(id, { x: 12 + i * colW, y: TOP + j * (BOX_H + GAP) })));
  const svg = s('svg', { class: 'graph flow', viewBox: `0 0 ${W} ${H}`, width: W, role: 'group', 'aria-label': `Who reused whom, earliest source on the left: ${d.reuse.length} edges`, 'data-testid': 'reuse-graph' });
  svg.append(
    s('defs', {}, [
      s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [s('path', { d: 'M0 0 L10 5 L0 10 z', class: 'arrowhead' })]),
    ]),
  );
  columns.forEach((c, i) => svg.append(s('text', { class: 'flow-col', x: 12 + i * colW, y: 16 }, [c.label])));
  for (const r of d.reuse) {
    const p = pos.get(r.from);
    const q = pos.get(r.to);
    if (!p || !q) continue;
    const forward = q.x > p.x;
    const [x1, y1] = forward ? [p.x + boxW, p.y + BOX_H / 2] : [p.x + boxW / 2, p.y + BOX_H];
    const [x2, y2] = forward ? [q.x, q.y + BOX_H / 2] : [q.x + boxW / 2 + 8, q.y + (q.y > p.y ? 0 : BOX_H)];
    const bend = forward ? (x2 - x1) / 2 : 40;
    const path = forward ? `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}` : `M${x1} ${y1} C${x1 + bend} ${y1 + 10} ${x2 + bend} ${y2} ${x2} ${y2}`;
    const kind = reuseKind(r);
    const sel = state.sel === `${r.from}>${r.to}`;
    const name = `${sourceName(ix, r.from)} ${r.directed === false ? '↔' : '→'} ${sourceName(ix, r.to)}: ${kind}, ${(r.passages ?? []).length} shared passages`;
    const g = s('g', { class: `flow-edge kind-${kind}${sel ? ' selected' : ''}`, tabindex: 0, role: 'button', 'aria-label': name, 'data-sel': `${r.from}>${r.to}` }, [
      s('path', { class: `edge${sel ? ' selected' : ''}${r.directed === false ? ' undirected' : ''}`, d: path, fill: 'none', 'marker-end': r.directed === false ? 'none' : 'url(#arrow)', 'stroke-width': 1.5 + 3 * Number(r.score), 'data-testid': 'reuse-edge' }),
      s('title', {}, [[name, ...passageTexts(ix, r, 2)].join('\n')]),
    ]);
    svg.append(g);
  }
  for (const [id, p] of pos) {
    const name = sourceName(ix, id);
    const label = name.length > 26 ? `${name.slice(0, 25)}…` : name;
    svg.append(
      s('g', { class: 'flow-node', 'data-article': id }, [
        s('rect', { class: 'node', x: p.x, y: p.y, width: boxW, height: BOX_H, rx: 6 }),
        s('text', { class: 'node-label', x: p.x + 8, y: p.y + BOX_H / 2 + 4 }, isolatedLabel(label)),
        s('title', {}, [name]),
      ]),
    );
  }
  const choose = (/** @type {Event} */ ev) => {
    const g = /** @type {Element} */ (ev.target).closest?.('.flow-edge');
    if (!g) return false;
    ctx.go({ sel: g.getAttribute('data-sel') ?? '' });
    return true;
  };
  svg.addEventListener('click', choose);
  svg.addEventListener('keydown', (ev) => {
    if ((ev.key === 'Enter' || ev.key === ' ') && choose(ev)) ev.preventDefault();
  });
  return h('div', { class: 'flow-scroll' }, [svg]);
}

/**
 * The first `n` passages of an edge as quoted text of the source, for tooltips and the list.
 * @param {import('../model/model.js').Index} ix
 * @param {any} r
 * @param {number} n
 * @returns {string[]}
 */
function passageTexts(ix, r, n) {
  const text = ix.articleById.get(r.from)?.text ?? '';
  return (r.passages ?? []).slice(0, n).map((/** @type {any} */ p) => `“${text.slice(p.from.start, p.from.end)}”`);
}

/**
 * @param {import('./common.js').ViewContext} ctx
 */
export function renderProvenance(ctx) {
  const { ix, d, state } = ctx;
  const svg = renderFlow(ctx);
  const edges = d.reuse.length
    ? h(
        'ol',
        { class: 'findings', 'aria-label': 'Reuse edges, strongest first' },
        d.reuse.map((r) =>
          h('li', { 'data-testid': 'reuse-item', 'aria-current': state.sel === `${r.from}>${r.to}` ? 'true' : undefined }, [
            link(ctx, { view: 'diff', a: r.from, b: r.to, sel: '' }, [bdi(sourceName(ix, r.from)), ` ${r.directed === false ? '↔' : '→'} `, bdi(sourceName(ix, r.to))]),
            ` · ${reuseKind(r)} · score ${Number(r.score).toFixed(2)} · ${(r.passages ?? []).length} shared passages${r.directed === false ? ' · direction unknown' : ''}`,
            h('ul', { class: 'passages' }, passageTexts(ix, r, 3).map((t) => h('li', { class: 'passage' }, [bdi(t)]))),
            h(
              'ul',
              { class: 'evidence' },
              (Array.isArray(r.evidence) ? r.evidence : r.evidence ? [r.evidence] : []).map((/** @type {any} */ e) => h('li', { class: 'meta' }, [bdi(readable(ix, typeof e === 'string' ? e : JSON.stringify(e), isolated))])),
            ),
          ]),
        ),
      )
    : empty('No reuse between sources found', ix.model.reuse.length > 0, !ix.present.has('reuse'));
  const pairs = h('ol', { class: 'pairs', 'aria-label': 'Sentences shared by two sources' });
  for (const p of d.alignments) {
    const q = (/** @type {any} */ ref) =>
      h('blockquote', { 'data-article': ref.article, 'data-sentence': ref.sentence }, [
        h('cite', {}, [link(ctx, { view: 'sources', sel: ref.article, s: String(ref.sentence) }, [bdi(sourceName(ix, ref.article))])]),
        h('span', {}, [bdi(highlightText(sentenceText(ix, ref), state.q))]),
      ]);
    pairs.append(
      h('li', { class: 'pair', 'data-testid': 'aligned-pair' }, [
        h('div', { class: 'pair-quotes' }, [q(p.a), q(p.b)]),
        h('p', { class: 'why' }, [`score ${Number(p.score).toFixed(2)} · shared words: `, bdi((p.sharedWords ?? []).join(', ')), ' · ', link(ctx, { view: 'diff', a: p.a.article, b: p.b.article, sel: '' }, ['compare'])]),
        userMarks(p),
        ctx.user ? findingTools(ctx.user, alignmentId(p), { label: 'this pair' }) : null,
      ]),
    );
  }
  return section('provenance', 'Provenance', [
    h('figure', { class: 'graph-fig' }, [svg, h('figcaption', {}, ['Sources in order of publication, the earliest on the left. Arrows point from the source whose text was reused to the one reusing it: solid for a copy (shared passages), dashed for a rewrite (sentences reworded in the same order), dotted for attributed use; a line without arrow: direction unknown; thicker lines are stronger reuse. Focus or hover an arrow to read its passages.'])]),
    edges,
    h('h3', {}, [`Sentences shared by two sources (${d.alignments.length})`]),
    d.alignments.length ? pairs : empty('No two sources share a sentence at this threshold', ix.model.alignments.length > 0),
    ctx.user ? dismissedList(ctx.user, ix.user?.dismissed ?? [], 'alignments', (p) => `${sentenceText(ix, p.a).slice(0, 60)} ↔ ${sentenceText(ix, p.b).slice(0, 60)}`) : null,
  ]);
}
