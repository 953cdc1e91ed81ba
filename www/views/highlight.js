// Highlights in untrusted text: the text is cut at UTF-16 offsets into plain text nodes and spans (never
// HTML). `segments` is pure and computes the pieces; `renderSegments` turns them into DOM.
import { h } from './dom.js';

/**
 * @typedef {{ start: number, end: number, kind: string, label?: string, id?: string }} Mark
 *   An annotation over [start, end) in UTF-16 code units of the article's text.
 * @typedef {{ start: number, end: number, marks: Mark[] }} Segment
 */

/**
 * Cuts [from, to) of a text at every mark boundary; each piece lists the marks covering it. Marks outside
 * the window are ignored; overlapping marks nest naturally.
 * @param {number} from
 * @param {number} to
 * @param {Mark[]} marks
 * @returns {Segment[]}
 */
export function segments(from, to, marks) {
  const inside = marks.filter((m) => m.start < to && from < m.end && m.start < m.end);
  const cuts = new Set([from, to]);
  for (const m of inside) {
    cuts.add(Math.max(from, m.start));
    cuts.add(Math.min(to, m.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  /** @type {Segment[]} */
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    out.push({ start: s, end: e, marks: inside.filter((m) => m.start <= s && e <= m.end) });
  }
  return out;
}

/**
 * Marks where a search term occurs in [from, to) of a text (case-insensitive).
 * @param {string} text
 * @param {number} from
 * @param {number} to
 * @param {string} q
 * @returns {Mark[]}
 */
export function searchMarks(text, from, to, q) {
  const needle = q.trim().toLowerCase();
  if (!needle) return [];
  const hay = text.slice(from, to).toLowerCase();
  /** @type {Mark[]} */
  const out = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) {
    out.push({ start: from + i, end: from + i + needle.length, kind: 'search' });
  }
  return out;
}

/**
 * DOM for [from, to) of `text` with marks: a `mark` element for search hits, spans with `hl-<kind>` classes
 * for annotations (a title names them, for pointer and screen-reader users).
 * @param {string} text
 * @param {number} from
 * @param {number} to
 * @param {Mark[]} marks
 * @returns {Node[]}
 */
export function renderSegments(text, from, to, marks) {
  return segments(from, to, marks).map((seg) => {
    /** @type {Node} */
    let node = document.createTextNode(text.slice(seg.start, seg.end));
    const ann = seg.marks.filter((m) => m.kind !== 'search');
    if (ann.length) {
      const label = ann.map((m) => m.label ?? m.kind).join('; ');
      node = h('span', { class: ann.map((m) => `hl hl-${m.kind}`).join(' '), title: label }, [node]);
    }
    if (seg.marks.some((m) => m.kind === 'search')) node = h('mark', {}, [node]);
    return node;
  });
}

/**
 * Plain text with search hits wrapped in `mark`.
 * @param {string} text
 * @param {string} q
 * @returns {Node[]}
 */
export function highlightText(text, q) {
  return renderSegments(text, 0, text.length, searchMarks(text, 0, text.length, q));
}
