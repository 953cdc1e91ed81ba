// Provenance: the reuse graph between sources as a small SVG (sources on a circle, arrows from the earlier
// text to the one that reuses it, labelled with the score), the edges as a list, and the sentences two
// sources share (the alignments) as evidence.
import { h } from './dom.js';
import { sourceName, sentenceText } from '../model/model.js';
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
 * @param {import('./common.js').ViewContext} ctx
 */
export function renderProvenance(ctx) {
  const { ix, d, state } = ctx;
  const nodes = d.articles.map((a) => a.id);
  const W = 640;
  const H = 360;
  const R = 120;
  const pos = new Map(nodes.map((id, i) => [id, { x: W / 2 + R * Math.cos((2 * Math.PI * i) / nodes.length - Math.PI / 2), y: H / 2 + R * Math.sin((2 * Math.PI * i) / nodes.length - Math.PI / 2) }]));
  const svg = s('svg', { class: 'graph', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Reuse between sources: ${d.reuse.length} edges`, 'data-testid': 'reuse-graph' });
  svg.append(
    s('defs', {}, [
      s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' }, [s('path', { d: 'M0 0 L10 5 L0 10 z', class: 'arrowhead' })]),
    ]),
  );
  for (const r of d.reuse) {
    const p = pos.get(r.from);
    const q = pos.get(r.to);
    if (!p || !q) continue;
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const len = Math.hypot(dx, dy) || 1;
    const [ux, uy] = [dx / len, dy / len];
    const sel = state.sel === `${r.from}>${r.to}`;
    svg.append(
      s('line', {
        class: `edge${sel ? ' selected' : ''}${r.directed === false ? ' undirected' : ''}`,
        x1: p.x + ux * 22,
        y1: p.y + uy * 22,
        x2: q.x - ux * 24,
        y2: q.y - uy * 24,
        'marker-end': r.directed === false ? 'none' : 'url(#arrow)',
        'stroke-width': 1 + 4 * Number(r.score),
        'data-testid': 'reuse-edge',
      }),
      s('text', { class: 'edge-label', x: (p.x + q.x) / 2 + uy * 10, y: (p.y + q.y) / 2 - ux * 10, 'text-anchor': 'middle' }, [Number(r.score).toFixed(2)]),
    );
  }
  nodes.forEach((id, i) => {
    const p = pos.get(id);
    if (!p) return;
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    const [c, sn] = [Math.cos(angle), Math.sin(angle)];
    const name = sourceName(ix, id);
    const label = name.length > 24 ? `${name.slice(0, 23)}…` : name;
    svg.append(
      s('circle', { class: 'node', cx: p.x, cy: p.y, r: 20 }),
      s('text', { class: 'node-n', x: p.x, y: p.y + 5, 'text-anchor': 'middle' }, [String(i + 1)]),
      s('text', { class: 'node-label', x: p.x + c * 28, y: p.y + sn * 30 + 4, 'text-anchor': Math.abs(c) < 0.3 ? 'middle' : c > 0 ? 'start' : 'end' }, [label]),
      s('title', {}, [name]),
    );
  });
  const edges = d.reuse.length
    ? h(
        'ol',
        { class: 'findings', 'aria-label': 'Reuse edges, strongest first' },
        d.reuse.map((r) =>
          h('li', { 'data-testid': 'reuse-item', 'aria-current': state.sel === `${r.from}>${r.to}` ? 'true' : undefined }, [
            link(ctx, { view: 'diff', a: r.from, b: r.to, sel: '' }, [`${sourceName(ix, r.from)} ${r.directed === false ? '↔' : '→'} ${sourceName(ix, r.to)}`]),
            ` · score ${Number(r.score).toFixed(2)} · ${(r.passages ?? []).length} shared passages${r.directed === false ? ' · direction unknown' : ''}`,
            h(
              'ul',
              { class: 'evidence' },
              (Array.isArray(r.evidence) ? r.evidence : r.evidence ? [r.evidence] : []).map((/** @type {any} */ e) => h('li', { class: 'meta' }, [typeof e === 'string' ? e : JSON.stringify(e)])),
            ),
          ]),
        ),
      )
    : empty('No reuse between sources found', ix.model.reuse.length > 0, !ix.present.has('reuse'));
  const pairs = h('ol', { class: 'pairs', 'aria-label': 'Sentences shared by two sources' });
  for (const p of d.alignments) {
    const q = (/** @type {any} */ ref) =>
      h('blockquote', { 'data-article': ref.article, 'data-sentence': ref.sentence }, [
        h('cite', {}, [link(ctx, { view: 'sources', sel: ref.article, s: String(ref.sentence) }, [sourceName(ix, ref.article)])]),
        h('span', {}, highlightText(sentenceText(ix, ref), state.q)),
      ]);
    pairs.append(
      h('li', { class: 'pair', 'data-testid': 'aligned-pair' }, [
        h('div', { class: 'pair-quotes' }, [q(p.a), q(p.b)]),
        h('p', { class: 'why' }, [`score ${Number(p.score).toFixed(2)} · shared words: ${(p.sharedWords ?? []).join(', ')} · `, link(ctx, { view: 'diff', a: p.a.article, b: p.b.article, sel: '' }, ['compare'])]),
        userMarks(p),
        ctx.user ? findingTools(ctx.user, alignmentId(p), { label: 'this pair' }) : null,
      ]),
    );
  }
  return section('provenance', 'Provenance', [
    h('figure', { class: 'graph-fig' }, [svg, h('figcaption', {}, ['Arrows point from the source whose text was reused to the one reusing it (a line without arrow: direction unknown); labels are reuse scores (0–1), line width grows with the score.'])]),
    edges,
    h('h3', {}, [`Sentences shared by two sources (${d.alignments.length})`]),
    d.alignments.length ? pairs : empty('No two sources share a sentence at this threshold', ix.model.alignments.length > 0),
    ctx.user ? dismissedList(ctx.user, ix.user?.dismissed ?? [], 'alignments', (p) => `${sentenceText(ix, p.a).slice(0, 60)} ↔ ${sentenceText(ix, p.b).slice(0, 60)}`) : null,
  ]);
}
