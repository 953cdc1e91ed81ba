// The timeline: events on a calendar axis (own small SVG scale, no library), imprecise dates as ranges,
// marks sized by independent sources and patterned by status, contested events flagged, publication dates
// in their own lane, a context strip of the whole extent, zoom and pan by wheel, drag, pinch and keyboard,
// and brushing a date range. The window lives in the URL (`zoom`); dates are calendar days as stated.
import { h, bdi, isolated, isolatedLabel } from './dom.js';
import { timelineItems, eventStatus, sourceName, count, independenceSaid } from '../model/model.js';
import { dayString, dayParts, dayNumber, monthName, parseDate } from '../model/dates.js';
import { link, badge, empty, section, quoteRef } from './common.js';
import { highlightText } from './highlight.js';
import { findingTools, userMarks, dismissedList } from './correct.js';

const SVG = 'http://www.w3.org/2000/svg';
const MIN_SPAN = 3;
const MAX_SPAN = 365.25 * 400;

/**
 * An SVG element with attributes.
 * @param {string} tag
 * @param {Record<string, string | number>} [attrs]
 * @param {(Node | string)[]} [children]
 * @returns {SVGElement}
 */
function s(tag, attrs = {}, children = []) {
  const el = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/**
 * The extent of everything dated, padded; the default window.
 * @param {{ start: number, end: number }[]} ranges
 * @returns {[number, number]}
 */
export function fitWindow(ranges) {
  if (!ranges.length) return [dayNumber(2000, 1, 1), dayNumber(2001, 1, 1)];
  let lo = Math.min(...ranges.map((r) => r.start));
  let hi = Math.max(...ranges.map((r) => r.end));
  if (hi - lo < MIN_SPAN * 3) {
    const mid = (lo + hi) / 2;
    [lo, hi] = [mid - MIN_SPAN * 1.5, mid + MIN_SPAN * 1.5];
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/**
 * Zooms a window by `factor` (< 1 zooms in) around day `at`, within sane spans.
 * @param {[number, number]} w
 * @param {number} factor
 * @param {number} at
 * @returns {[number, number]}
 */
export function zoomWindow(w, factor, at) {
  const span = w[1] - w[0];
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span * factor));
  const k = next / span;
  return [at - (at - w[0]) * k, at + (w[1] - at) * k];
}

/**
 * Ticks for a window: a minor step that fits the width and major labels one unit up.
 * @param {[number, number]} w
 * @param {number} width pixels
 * @returns {{ minor: { day: number, label: string }[], major: { day: number, label: string }[] }}
 */
export function ticks(w, width) {
  const span = w[1] - w[0];
  const fit = Math.max(2, Math.floor(width / 70));
  /** @type {[string, number][]} */
  const steps = [
    ['day', 1],
    ['day', 2],
    ['week', 7],
    ['month', 1],
    ['month', 3],
    ['year', 1],
    ['year', 2],
    ['year', 5],
    ['year', 10],
    ['year', 25],
    ['year', 50],
    ['year', 100],
  ];
  const approx = (/** @type {[string, number]} */ [u, n]) => (u === 'year' ? n * 365.25 : u === 'month' ? n * 30.44 : n);
  const step = steps.find((st) => span / approx(st) <= fit) ?? steps[steps.length - 1];
  const [unit, n] = step;
  const start = dayParts(w[0]);
  /** @type {{ day: number, label: string }[]} */
  const minor = [];
  /** @type {{ day: number, label: string }[]} */
  const major = [];
  if (unit === 'day' || unit === 'week') {
    let d0 = Math.floor(w[0]);
    if (unit === 'week') d0 -= (dayParts(d0).weekday + 6) % 7;
    for (let d = d0; d <= w[1] && minor.length < 500; d += n) {
      const p = dayParts(d);
      minor.push({ day: d, label: `${p.d} ${monthName(p.m)}` });
    }
    for (let m = dayNumber(start.y, start.m, 1); m <= w[1]; ) {
      const p = dayParts(m);
      if (m >= w[0]) major.push({ day: m, label: `${monthName(p.m)} ${p.y}` });
      m = dayNumber(p.y, p.m + 1, 1);
    }
    if (!major.length) major.push({ day: w[0], label: `${monthName(start.m)} ${start.y}` });
  } else if (unit === 'month') {
    for (let i = 0; i < 600; i += n) {
      const d = dayNumber(start.y, start.m + i, 1);
      if (d > w[1]) break;
      const p = dayParts(d);
      if (d >= w[0]) minor.push({ day: d, label: monthName(p.m) });
      if (d >= w[0] && p.m === 1) major.push({ day: d, label: String(p.y) });
    }
    if (!major.length) major.push({ day: w[0], label: String(start.y) });
  } else {
    const y0 = Math.floor(start.y / n) * n;
    for (let y = y0; ; y += n) {
      const d = dayNumber(y, 1, 1);
      if (d > w[1] || minor.length > 500) break;
      if (d >= w[0]) minor.push({ day: d, label: String(y) });
      const big = n >= 10 ? 100 : 10;
      if (d >= w[0] && y % big === 0) major.push({ day: d, label: big === 100 ? `${y}s` : `${y}s` });
    }
  }
  return { minor, major };
}

/**
 * Packs ranges into rows so that marks do not overlap (greedy, in start order).
 * @param {{ x0: number, x1: number }[]} items pixel extents
 * @returns {number[]} row of each item
 */
export function packRows(items) {
  /** @type {number[]} */
  const ends = [];
  const order = items.map((_, i) => i).sort((a, b) => items[a].x0 - items[b].x0);
  const rows = new Array(items.length).fill(0);
  for (const i of order) {
    let r = ends.findIndex((e) => e + 4 <= items[i].x0);
    if (r < 0) r = ends.length;
    ends[r] = items[i].x1;
    rows[i] = r;
  }
  return rows;
}

/**
 * @param {import('./common.js').ViewContext} ctx
 * @param {number} width available pixels
 * @returns {HTMLElement}
 */
export function renderTimeline(ctx, width) {
  const { ix, d, state } = ctx;
  const items = timelineItems(ix, d);
  const all = [...items.dated.map((e) => /** @type {any} */ (e.range)), ...items.published.map((p) => /** @type {any} */ (p.range))];
  const fit = fitWindow(all);
  /** @type {[number, number]} */
  let win = fit;
  if (state.zoom) {
    const [a, b] = state.zoom.split('~').map(Number);
    if (b > a) win = [a, b];
  }
  const W = Math.max(300, Math.floor(width));
  const M = 12;
  const x = (/** @type {number} */ day) => M + ((day - win[0]) / (win[1] - win[0])) * (W - 2 * M);
  const dayAt = (/** @type {number} */ px) => win[0] + ((px - M) / (W - 2 * M)) * (win[1] - win[0]);

  // Event marks with their labels, packed into rows so that neither overlaps.
  const ext = items.dated.map((e) => eventExtent(e, x, W - M));
  const rows = packRows(ext);
  const nRows = Math.max(1, ...rows.map((r) => r + 1));
  // Publication marks: one lane per outlet (who reported when).
  const lanes = publicationLanes(ix, items.published);
  const nPub = Math.max(1, lanes.length);
  const AXIS = 44;
  const ROW = 26;
  const evTop = AXIS + 8;
  const pubTop = evTop + nRows * ROW + 14;
  const LANE = 16;
  const brushTop = pubTop + 8 + nPub * LANE + 6;
  const H = brushTop + 26;

  const svg = /** @type {SVGSVGElement} */ (
    s('svg', { class: 'tl-svg', width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': 'Timeline of events' })
  );
  const clip = `tlclip-${Math.random().toString(36).slice(2, 8)}`;
  svg.append(s('defs', {}, [s('clipPath', { id: clip }, [s('rect', { x: M, y: 0, width: W - 2 * M, height: H })])]));
  const plot = s('g', { 'clip-path': `url(#${clip})` });
  svg.append(plot);
  const tk = ticks(win, W);
  for (const t of tk.minor) {
    plot.append(s('line', { class: 'tl-grid', x1: x(t.day), x2: x(t.day), y1: 28, y2: brushTop }));
    plot.append(s('text', { class: 'tl-tick', x: x(t.day) + 3, y: 38 }, [t.label]));
  }
  for (const t of tk.major) plot.append(s('text', { class: 'tl-major', x: Math.max(M, x(t.day)) + 3, y: 16 }, [t.label]));
  // Brushed range.
  const fr = state.from ? parseDate(state.from) : null;
  const to = state.to ? parseDate(state.to) : null;
  if (fr || to) {
    const bx0 = fr ? x(fr.start) : M;
    const bx1 = to ? x(to.end) : W - M;
    plot.append(s('rect', { class: 'tl-brushed', x: Math.max(M, bx0), y: 24, width: Math.max(1, Math.min(W - M, bx1) - Math.max(M, bx0)), height: H - 24 }));
  }
  plot.append(s('text', { class: 'tl-lane', x: M + 2, y: pubTop - 4 }, ['published']));
  plot.append(s('line', { class: 'tl-lane-line', x1: M, x2: W - M, y1: pubTop, y2: pubTop }));
  plot.append(s('rect', { class: 'tl-brush-lane', x: M, y: brushTop, width: W - 2 * M, height: 20 }));
  plot.append(s('text', { class: 'tl-lane', x: M + 4, y: brushTop + 14 }, ['drag here to filter by dates']));

  items.dated.forEach((e, i) => {
    const r = /** @type {any} */ (e.range);
    const y = evTop + rows[i] * ROW + ROW / 2;
    const { rad } = ext[i];
    const selected = state.sel === e.ev.id;
    const label = `${e.ev.label ?? e.ev.id}, ${r.label}, ${e.independent} independent source${e.independent === 1 ? '' : 's'}, ${e.status}${selected ? ', selected' : ''}`;
    const g = s('g', {
      class: `tl-event status-${e.status}${selected ? ' selected' : ''}`,
      tabindex: 0,
      role: 'button',
      'aria-label': label,
      'data-testid': 'event-mark',
      'data-event': e.ev.id,
      'data-key': `ev:${e.ev.id}`,
    });
    if (selected) g.setAttribute('aria-current', 'true');
    if (r.end - r.start > 1) {
      g.append(s('rect', { class: 'tl-mark', x: x(r.start), y: y - rad, width: Math.max(2 * rad, x(r.end) - x(r.start)), height: 2 * rad, rx: rad }));
    } else {
      g.append(s('circle', { class: 'tl-mark', cx: x(r.start), cy: y, r: rad }));
    }
    const sym = e.status === 'contested' ? '!' : e.status === 'corroborated' ? '✓' : '';
    if (sym) g.append(s('text', { class: 'tl-sym', x: x(r.start) + (r.end - r.start > 1 ? rad : 0), y: y + 4, 'text-anchor': 'middle' }, [sym]));
    const { lx, anchor, short } = ext[i];
    g.append(s('text', { class: 'tl-label', x: lx, y: y + 4, 'text-anchor': anchor }, isolatedLabel(short)));
    if (short !== fullLabel(e)) g.append(s('text', { class: 'tl-label-full', x: lx, y: y + 4, 'text-anchor': anchor }, [fullLabel(e)]));
    g.append(s('title', {}, [label]));
    plot.append(g);
  });
  lanes.forEach((lane, i) => {
    const ly = pubTop + 8 + i * LANE + LANE / 2;
    plot.append(s('text', { class: 'tl-pub-label', x: M + 2, y: ly + 4 }, isolatedLabel(lane.name)));
    for (const pb of lane.marks) {
      const cx = x(pb.range.start + 0.5);
      const g = s('g', { class: 'tl-pub', 'data-testid': 'pub-mark', 'data-article': pb.article.id });
      g.append(s('path', { d: `M${cx} ${ly - 5} l5 5 l-5 5 l-5 -5 z` }));
      g.append(s('text', { class: 'tl-pub-date', x: cx + 7, y: ly + 4 }, [pb.range.label]));
      g.append(s('title', {}, [`${isolated(sourceName(ix, pb.article.id))} published ${pb.range.label}`]));
      plot.append(g);
    }
  });

  // Context strip: the whole extent with the current window.
  const ctxW = W;
  const cx = (/** @type {number} */ day) => M + ((day - fit[0]) / (fit[1] - fit[0])) * (ctxW - 2 * M);
  const strip = s('svg', { class: 'tl-context', width: ctxW, height: 22, viewBox: `0 0 ${ctxW} 22`, 'aria-hidden': 'true' });
  strip.append(s('rect', { class: 'tl-context-bg', x: M, y: 4, width: ctxW - 2 * M, height: 14 }));
  for (const e of items.dated) strip.append(s('rect', { class: 'tl-context-ev', x: cx(/** @type {any} */ (e.range).start), y: 6, width: 2, height: 10 }));
  strip.append(s('rect', { class: 'tl-context-win', x: Math.max(M, cx(win[0])), y: 2, width: Math.max(3, Math.min(ctxW - M, cx(win[1])) - Math.max(M, cx(win[0]))), height: 18 }));

  const setWin = (/** @type {[number, number]} */ w) => ctx.go({ zoom: `${w[0].toFixed(2)}~${w[1].toFixed(2)}` }, true);
  const pan = (/** @type {number} */ frac) => {
    const dd = (win[1] - win[0]) * frac;
    setWin([win[0] + dd, win[1] + dd]);
  };
  const plotBox = h('div', {
    class: 'tl-plot',
    tabindex: '0',
    role: 'application',
    'aria-roledescription': 'timeline',
    'aria-label': `Timeline from ${dayString(win[0])} to ${dayString(win[1])}. Arrow keys pan, plus and minus zoom, 0 fits all; Tab moves to the events.`,
    'data-testid': 'timeline-plot',
    'data-key': 'tl-plot',
    'data-window': `${win[0]}~${win[1]}`,
  });
  plotBox.append(svg);
  plotBox.addEventListener('keydown', (ev) => {
    const t = /** @type {Element} */ (ev.target);
    const onEvent = t.closest?.('.tl-event');
    if (onEvent && (ev.key === 'Enter' || ev.key === ' ')) {
      ev.preventDefault();
      ctx.go({ sel: onEvent.getAttribute('data-event') ?? '' });
      return;
    }
    const big = ev.shiftKey ? 0.5 : 0.1;
    if (ev.key === 'ArrowLeft') pan(-big);
    else if (ev.key === 'ArrowRight') pan(big);
    else if (ev.key === '+' || ev.key === '=') setWin(zoomWindow(win, 0.5, (win[0] + win[1]) / 2));
    else if (ev.key === '-' || ev.key === '_') setWin(zoomWindow(win, 2, (win[0] + win[1]) / 2));
    else if (ev.key === '0' || ev.key === 'Home') ctx.go({ zoom: '' }, true);
    else return;
    ev.preventDefault();
  });
  plotBox.addEventListener('click', (ev) => {
    const g = /** @type {Element} */ (ev.target).closest?.('.tl-event');
    if (g) ctx.go({ sel: g.getAttribute('data-event') ?? '' });
  });
  // Wheel zooms around the pointer; drag pans; two pointers pinch; a drag in the brush lane filters dates.
  plotBox.addEventListener(
    'wheel',
    (ev) => {
      ev.preventDefault();
      const rect = svg.getBoundingClientRect();
      const at = dayAt(((ev.clientX - rect.left) / rect.width) * W);
      setWin(zoomWindow(win, ev.deltaY > 0 ? 1.25 : 0.8, at));
    },
    { passive: false },
  );
  /** @type {Map<number, number>} */
  const pointers = new Map();
  /** @type {{ mode: 'pan' | 'brush', x0: number, dist?: number } | null} */
  let drag = null;
  /** @type {SVGElement | null} */
  let brushRect = null;
  const localX = (/** @type {PointerEvent} */ ev) => {
    const rect = svg.getBoundingClientRect();
    return ((ev.clientX - rect.left) / rect.width) * W;
  };
  svg.addEventListener('pointerdown', (ev) => {
    if (/** @type {Element} */ (ev.target).closest?.('.tl-event')) return;
    pointers.set(ev.pointerId, ev.clientX);
    svg.setPointerCapture?.(ev.pointerId);
    const rect = svg.getBoundingClientRect();
    const y = ((ev.clientY - rect.top) / rect.height) * H;
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      drag = { mode: 'pan', x0: (a + b) / 2, dist: Math.abs(a - b) };
    } else drag = { mode: y >= brushTop - 4 ? 'brush' : 'pan', x0: localX(ev) };
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag || !pointers.has(ev.pointerId)) return;
    pointers.set(ev.pointerId, ev.clientX);
    if (drag.mode === 'brush') {
      const [a, b] = [drag.x0, localX(ev)].sort((p, q) => p - q);
      brushRect?.remove();
      brushRect = s('rect', { class: 'tl-brushed', x: a, y: 24, width: Math.max(1, b - a), height: H - 24 });
      plot.append(brushRect);
    } else if (pointers.size === 1) {
      const dx = localX(ev) - drag.x0;
      svg.setAttribute('viewBox', `${-dx} 0 ${W} ${H}`);
    }
  });
  const end = (/** @type {PointerEvent} */ ev) => {
    if (!drag || !pointers.has(ev.pointerId)) return;
    const d0 = drag;
    const vals = [...pointers.values()];
    pointers.delete(ev.pointerId);
    drag = null;
    if (d0.mode === 'brush') {
      const [a, b] = [d0.x0, localX(ev)].sort((p, q) => p - q);
      if (b - a < 3) return;
      ctx.go({ from: dayString(dayAt(a)), to: dayString(dayAt(b)) });
    } else if (d0.dist !== undefined && vals.length === 2) {
      const dist = Math.abs(vals[0] - vals[1]) || 1;
      setWin(zoomWindow(win, d0.dist / dist, dayAt(d0.x0)));
    } else {
      const dx = localX(ev) - d0.x0;
      if (Math.abs(dx) < 2) return;
      const dd = (dx / (W - 2 * M)) * (win[1] - win[0]);
      setWin([win[0] - dd, win[1] - dd]);
    }
  };
  svg.addEventListener('pointerup', end);
  svg.addEventListener('pointercancel', end);

  const button = (/** @type {string} */ text, /** @type {string} */ label, /** @type {() => void} */ fn, /** @type {string} */ key) => {
    const b = h('button', { type: 'button', 'aria-label': label, 'data-key': key }, [text]);
    b.addEventListener('click', fn);
    return b;
  };
  const controls = h('div', { class: 'tl-controls', role: 'toolbar', 'aria-label': 'Timeline zoom' }, [
    button('−', 'Zoom out', () => setWin(zoomWindow(win, 2, (win[0] + win[1]) / 2)), 'tl-out'),
    button('+', 'Zoom in', () => setWin(zoomWindow(win, 0.5, (win[0] + win[1]) / 2)), 'tl-in'),
    button('◀', 'Pan to earlier', () => pan(-0.25), 'tl-left'),
    button('▶', 'Pan to later', () => pan(0.25), 'tl-right'),
    button('Fit', 'Fit: show everything', () => ctx.go({ zoom: '' }, true), 'tl-fit'),
    h('span', { class: 'tl-window', 'data-testid': 'timeline-window' }, [`${dayString(win[0])} – ${dayString(win[1])}`]),
    findBox(ctx),
  ]);

  // The same events as a list: the accessible reading of the chart, and the selection's details.
  const list = h(
    'ol',
    { class: 'tl-list', 'aria-label': 'Events in date order' },
    [...items.dated, ...items.undated]
      .sort((p, q) => (p.range?.start ?? Infinity) - (q.range?.start ?? Infinity))
      .map((e) =>
        h('li', { 'data-testid': 'event-item', 'data-event': e.ev.id }, [
          h('span', { class: 'date' }, [e.range ? e.range.label : 'undated']),
          ' ',
          link(ctx, { sel: e.ev.id }, [bdi(highlightText(e.ev.label ?? e.ev.id, state.q))], { 'aria-current': state.sel === e.ev.id ? 'true' : undefined, 'data-key': `evl:${e.ev.id}` }),
          ' ',
          badge(eventStatus(e.ev)),
          h('span', { class: 'meta' }, [` ${independenceSaid(count(e.ev.independentSources), count(e.ev.sources))}`]),
        ]),
      ),
  );
  const selected = ix.eventById.get(state.sel);
  const detail = selected ? renderEventDetail(ctx, selected) : null;
  const noEvents = ix.model.events.length === 0;
  const absent = !ix.present.has('events');
  return section('timeline', 'Timeline', [
    noEvents ? empty('No events found', false, absent) : d.events.length === 0 ? empty('No events', true) : null,
    controls,
    plotBox,
    strip,
    h('p', { class: 'hint' }, [
      'Wheel or pinch zooms, dragging pans, dragging in the lowest strip filters by dates; on the keyboard focus the chart and use ← → (Shift: faster), + − and 0. Dates are calendar dates as the sources state them.',
    ]),
    detail,
    h('h3', {}, [`Events (${d.events.length})`]),
    d.events.length ? list : null,
    ctx.user ? dismissedList(ctx.user, ctx.ix.user?.dismissed ?? [], 'events', (ev) => `${ev.date ?? 'undated'}: ${ev.label ?? ev.id}`) : null,
  ]);
}

/** The longest event label drawn on the chart; the full label shows on focus and in the list. */
const LABEL_CHARS = 34;
/** The chart's left margin in pixels: labels stay right of it. */
const LEFT_EDGE = 12;
/** Average width of a label character at the chart's font size, in pixels. */
const CHAR_PX = 6.1;

/**
 * An event's label as the engine gives it.
 * @param {any} e a dated timeline item
 */
function fullLabel(e) {
  return String(e.ev.label ?? e.ev.id);
}

/**
 * A label cut at a word boundary to at most `n` characters, with an ellipsis when cut.
 * @param {string} text
 * @param {number} n
 */
export function shorten(text, n) {
  if (text.length <= n) return text;
  const cut = text.slice(0, n - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > n / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * An event mark's pixel extent together with its label (right of the mark, or left of it when it would run
 * past the chart's right edge), for row packing.
 * @param {any} e a dated timeline item
 * @param {(day: number) => number} x
 * @param {number} right the chart's right edge
 */
function eventExtent(e, x, right) {
  const r = e.range;
  const rad = 4 + Math.min(4, e.independent) * 2;
  const ranged = r.end - r.start > 1;
  const m0 = ranged ? x(r.start) : x(r.start) - rad;
  const m1 = ranged ? Math.max(x(r.end), m0 + 2 * rad) : x(r.start) + rad;
  // The side with room for the label (the right unless it runs past the edge); on a narrow chart the label
  // is shortened to the room there is.
  const roomRight = right - m1 - 6;
  const roomLeft = m0 - 6 - LEFT_EDGE;
  const full = fullLabel(e);
  const before = full.length * CHAR_PX > roomRight && roomLeft > roomRight;
  const room = Math.max(roomLeft, roomRight);
  const short = shorten(full, Math.max(6, Math.min(LABEL_CHARS, Math.floor((before ? roomLeft : room) / CHAR_PX))));
  const w = short.length * CHAR_PX;
  return before
    ? { x0: m0 - 6 - w, x1: m1, rad, lx: m0 - 6, anchor: 'end', short }
    : { x0: m0, x1: m1 + 6 + w, rad, lx: m1 + 6, anchor: 'start', short };
}

/** At most this many outlet lanes; the other outlets share one last lane. */
const MAX_LANES = 12;

/**
 * Publication marks grouped into one lane per outlet, in order of each outlet's first publication.
 * @param {import('../model/model.js').Index} ix
 * @param {{ article: any, range: any }[]} published
 * @returns {{ name: string, marks: { article: any, range: any }[] }[]}
 */
export function publicationLanes(ix, published) {
  /** @type {Map<string, { article: any, range: any }[]>} */
  const byOutlet = new Map();
  const dated = published.filter((p) => p.range).sort((a, b) => a.range.start - b.range.start || String(a.article.id).localeCompare(String(b.article.id)));
  for (const p of dated) {
    const name = shorten(sourceName(ix, p.article.id), 24);
    byOutlet.set(name, [...(byOutlet.get(name) ?? []), p]);
  }
  const lanes = [...byOutlet.entries()].map(([name, marks]) => ({ name, marks }));
  if (lanes.length <= MAX_LANES) return lanes;
  const rest = lanes.slice(MAX_LANES - 1).flatMap((l) => l.marks);
  return [...lanes.slice(0, MAX_LANES - 1), { name: `${lanes.length - MAX_LANES + 1} other outlets`, marks: rest }];
}

/**
 * A search box for the timeline: the same free-text filter as the filter panel (it narrows every view).
 * @param {import('./common.js').ViewContext} ctx
 */
function findBox(ctx) {
  const input = /** @type {HTMLInputElement} */ (
    h('input', { type: 'search', value: ctx.state.q, 'aria-label': 'Search events', placeholder: 'Search events…', 'data-key': 'tl-q', 'data-testid': 'timeline-q' })
  );
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => ctx.go({ q: input.value }, true), 250);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    clearTimeout(timer);
    ctx.go({ q: input.value });
  });
  return h('label', { class: 'tl-find' }, [input]);
}

/**
 * The selected event: its date as stated, status, and its supporting sentences grouped by source.
 * @param {import('./common.js').ViewContext} ctx
 * @param {any} ev
 */
function renderEventDetail(ctx, ev) {
  /** @type {Map<string, any[]>} */
  const bySource = new Map();
  for (const r of ev.sentences ?? []) {
    if (!bySource.has(r.article)) bySource.set(r.article, []);
    bySource.get(r.article)?.push(r);
  }
  const claims = ctx.ix.claimsByEvent.get(ev.id) ?? [];
  return h('div', { class: 'detail', 'data-testid': 'event-detail', role: 'region', 'aria-label': `Selected event: ${ev.label ?? ev.id}` }, [
    h('h3', {}, [bdi(ev.label ?? ev.id), ' ', badge(eventStatus(ev))]),
    h('p', { class: 'meta' }, [`Date as stated: ${ev.date ?? 'undated'}${ev.grain ? ` (${ev.grain})` : ''}`]),
    ...[...bySource.entries()].map(([article, refs]) =>
      h('div', { class: 'support', 'data-testid': 'support' }, [h('h4', {}, [bdi(sourceName(ctx.ix, article))]), ...refs.map((r) => quoteRef(ctx, r))]),
    ),
    claims.length
      ? h('p', {}, ['Claims: ', ...claims.flatMap((c, i) => [i ? ', ' : '', link(ctx, { view: 'claims', sel: c.id }, [`claim ${ctx.d.claims.indexOf(c) + 1 || i + 1}`], { title: c.id })])])
      : null,
    userMarks(ev),
    ctx.user ? findingTools(ctx.user, ev.id, { label: 'this event' }) : null,
  ]);
}
