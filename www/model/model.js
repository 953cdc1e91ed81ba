// The view-model: derives what the views draw from the export and the filter state. Pure and DOM-free
// (unit-tested in Node); tolerant of absent or empty arrays, so each view renders whatever of the
// "storylines/1" contract the engine produced and lights up when more arrives.
import { visibleName } from './names.js';
import { parseDate, inDayFilter } from './dates.js';
import { wordDiff, similarity } from './worddiff.js';

/** @typedef {import('./state.js').State} State */
/** @typedef {{ article: string, sentence: number }} SentenceRef */

/** @param {unknown} x */
const arr = (x) => (Array.isArray(x) ? x : []);
/** @param {unknown} x count of a list or a number */
export const count = (x) => (Array.isArray(x) ? x.length : Number(x) || 0);

/**
 * Indexes an export for the views. Never throws on a partial export.
 * @param {any} raw the export
 */
export function indexModel(raw) {
  const m = raw && typeof raw === 'object' ? raw : {};
  const model = {
    articles: arr(m.articles),
    entities: arr(m.entities),
    times: arr(m.times),
    numbers: arr(m.numbers),
    quotes: arr(m.quotes),
    alignments: arr(m.alignments),
    diagnostics: arr(m.diagnostics),
    claims: arr(m.claims),
    contradictions: arr(m.contradictions),
    quoteGroups: arr(m.quoteGroups),
    reuse: arr(m.reuse),
    stories: arr(m.stories),
    events: arr(m.events),
  };
  /** The kinds of findings the export carries at all (an empty array is a finding: none found). */
  const present = new Set(Object.keys(model).filter((k) => Array.isArray(m[k])));
  /** @type {Map<string, any>} */
  const articleById = new Map(model.articles.map((a) => [a.id, a]));
  // The maps over every mention and every alignment are built on first use (a large export has hundreds of
  // thousands of them, and the first screen needs none of these maps).
  /** @type {{ entitiesAt: Map<string, Set<string>>, entitiesIn: Map<string, Set<string>> } | null} */
  let mentionMaps = null;
  const mentionMapsOf = () => {
    if (mentionMaps) return mentionMaps;
    /** @type {Map<string, Set<string>>} entity ids mentioned per `article:sentence` */
    const entitiesAt = new Map();
    /** @type {Map<string, Set<string>>} entity ids mentioned per article */
    const entitiesIn = new Map();
    for (const e of model.entities) {
      for (const mn of arr(e.mentions)) {
        const k = `${mn.article}:${mn.sentence}`;
        if (!entitiesAt.has(k)) entitiesAt.set(k, new Set());
        entitiesAt.get(k)?.add(e.id);
        if (!entitiesIn.has(mn.article)) entitiesIn.set(mn.article, new Set());
        entitiesIn.get(mn.article)?.add(e.id);
      }
    }
    return (mentionMaps = { entitiesAt, entitiesIn });
  };
  /** @type {Map<string, any>} */
  const quoteById = new Map(model.quotes.map((q) => [q.id, q]));
  /** @type {Map<string, any>} */
  const eventById = new Map(model.events.map((e) => [e.id, e]));
  /** @type {Map<string, any[]>} claims per event id */
  const claimsByEvent = new Map();
  for (const c of model.claims) {
    for (const ev of arr(c.events)) {
      if (!claimsByEvent.has(ev)) claimsByEvent.set(ev, []);
      claimsByEvent.get(ev)?.push(c);
    }
  }
  /** @type {Map<string, number> | null} other articles aligned with each `article:sentence` */
  let alignedAt = null;
  const alignedAtOf = () => {
    if (alignedAt) return alignedAt;
    alignedAt = new Map();
    // Per article, per sentence, the other articles (nested maps: a string key per side would be most of the cost).
    /** @type {Map<string, Map<number, Set<string>>>} */
    const alignedSources = new Map();
    /** @param {any} x @param {any} y */
    const side = (x, y) => {
      let at = alignedSources.get(x.article);
      if (!at) alignedSources.set(x.article, (at = new Map()));
      const others = at.get(x.sentence);
      if (others) others.add(y.article);
      else at.set(x.sentence, new Set([y.article]));
    };
    for (const p of model.alignments) {
      side(p.a, p.b);
      side(p.b, p.a);
    }
    for (const [article, at] of alignedSources) for (const [sentence, v] of at) alignedAt.set(`${article}:${sentence}`, v.size);
    return alignedAt;
  };
  /** @type {Map<string, any[]> | null} entities per kind, most mentioned first, ties by name (built on first use) */
  let ranked = null;
  const rankedOf = () => {
    if (ranked) return ranked;
    /** @type {Map<string, any[]>} */
    const byKind = new Map();
    for (const e of model.entities) {
      if (!byKind.has(e.kind)) byKind.set(e.kind, []);
      byKind.get(e.kind)?.push(e);
    }
    const n = (/** @type {any} */ e) => arr(e.mentions).length;
    // Code-unit order for ties: `localeCompare` on thousands of names was most of the filters' drawing.
    const byName = (/** @type {any} */ x, /** @type {any} */ y) => (String(x.name) < String(y.name) ? -1 : String(x.name) > String(y.name) ? 1 : 0);
    for (const list of byKind.values()) list.sort((x, y) => n(y) - n(x) || byName(x, y));
    return (ranked = byKind);
  };
  /** The user's corrections as applied (corrections.js), or null. */
  const user = m.user && typeof m.user === 'object' ? m.user : null;
  return {
    model,
    present,
    articleById,
    get entitiesAt() {
      return mentionMapsOf().entitiesAt;
    },
    get entitiesIn() {
      return mentionMapsOf().entitiesIn;
    },
    quoteById,
    eventById,
    claimsByEvent,
    get alignedAt() {
      return alignedAtOf();
    },
    /** @returns {Map<string, any[]>} entities per kind, most mentioned first */
    get entitiesByKind() {
      return rankedOf();
    },
    user,
  };
}

/** @typedef {ReturnType<typeof indexModel>} Index */

/**
 * The text of a sentence reference, or '' when it does not resolve.
 * @param {Index} ix
 * @param {SentenceRef} ref
 */
export function sentenceText(ix, ref) {
  const a = ix.articleById.get(ref?.article);
  const s = a ? arr(a.sentences)[ref.sentence] : null;
  return s ? String(a.text).slice(s.start, s.end) : '';
}

/**
 * A short name of a source: outlet, else its headline (`headlineOf`); never a raw id where the article has
 * words (ids stay in tooltips and exports).
 * @param {Index} ix
 * @param {string} id
 */
export function sourceName(ix, id) {
  const a = ix.articleById.get(id);
  if (!a) return visibleName(id);
  return a.outlet ?? headlineOf(a);
}

/**
 * What a reader calls an article: its headline, else the first words of its first body sentence in quotation
 * marks, else its file name (control characters made visible).
 * @param {any} a an export article
 * @returns {string}
 */
export function headlineOf(a) {
  if (a.title) return String(a.title);
  const body = new Set((a.paragraphs ?? []).flatMap((/** @type {any} */ p, /** @type {number} */ i) => (p.kind === 'body' ? [i] : [])));
  const first = (a.sentences ?? []).find((/** @type {any} */ s) => body.has(s.paragraph));
  const words = typeof first?.text === 'string' ? first.text.split(/\s+/).filter(Boolean) : [];
  if (words.length) return `“${words.slice(0, 8).join(' ')}${words.length > 8 ? '…' : ''}”`;
  return visibleName(a.file ?? a.id);
}

/** @type {WeakMap<object, Map<string, string>>} the readable names of an index's ids, built on first use */
const namesOf = new WeakMap();

/**
 * A text of the engine (an explanation, a reuse edge's evidence) with the ids it names — article ids and
 * entity ids such as `person:jane-doe` — replaced by the names a reader knows (the source's outlet or
 * headline, the entity's name). The ids stay in exports and tooltips; text without ids is returned as is.
 * @param {Index} ix
 * @param {string} text
 * @param {(name: string) => string} [wrap] applied to each name put in (the views isolate it: dom.js isolated)
 * @returns {string}
 */
export function readable(ix, text, wrap = (name) => name) {
  let names = namesOf.get(ix);
  if (!names) {
    names = new Map();
    for (const a of ix.model.articles) names.set(`article ${a.id}`, sourceName(ix, a.id));
    for (const e of ix.model.entities) if (e.id && e.name) names.set(e.id, e.name);
    for (const st of ix.model.stories ?? []) if (st.id) names.set(st.id, `the story of ${st.date ?? (st.range ? `${st.range.start} – ${st.range.end}` : 'no date')}`);
    namesOf.set(ix, names);
  }
  const known = names;
  // Entity ids anywhere (`kind:slug`); article ids only where the engine writes them, in parentheses or
  // quotation marks, so that an id that is also a word ("report") never replaces the word.
  return String(text)
    .replace(/\b[a-z]+:[\w.-]*\w/g, (id) => {
      const name = known.get(id);
      return name === undefined ? id : wrap(name);
    })
    .replace(/(["(\u201c])([^"()\u201c\u201d\s]+)([")\u201d])/g, (all, open, id, close) => {
      const name = known.get(`article ${id}`);
      return name ? `${open}${wrap(name)}${close}` : all;
    })
    // The pairs a claim's explanation gives for dependent sources: "(a and b: one reuses the other's text; …)".
    .replace(/([(;] ?)([^\s();:]+) and ([^\s();:]+):/g, (all, open, x, y) => {
      const [nx, ny] = [known.get(`article ${x}`), known.get(`article ${y}`)];
      return nx && ny ? `${open}${wrap(nx)} and ${wrap(ny)}:` : all;
    });
}

/**
 * How many independent sources carry a sentence: the engine's `agreement` when present, else the number of
 * sources the alignments pair it with (plus itself; marked `derived`).
 * @param {Index} ix
 * @param {string} article
 * @param {any} sentence
 * @returns {{ sources: number, independent: number, level: string, derived: boolean }}
 */
export function agreementOf(ix, article, sentence) {
  const ag = sentence?.agreement;
  if (ag && typeof ag === 'object') {
    const sources = count(ag.sources);
    const independent = ag.independentSources === undefined ? sources : count(ag.independentSources);
    return { sources, independent, level: String(ag.level ?? 'none'), derived: false };
  }
  const n = 1 + (ix.alignedAt.get(`${article}:${sentence?.id}`) ?? 0);
  return { sources: n, independent: n, level: n > 1 ? 'reworded' : 'none', derived: true };
}

/**
 * The status of an event, in claim-status terms.
 * @param {any} ev
 */
export function eventStatus(ev) {
  if (ev.contested) return 'contested';
  return count(ev.independentSources) >= 2 ? 'corroborated' : 'single-source';
}

/** @param {string} q */
const needle = (q) => q.trim().toLowerCase();

/**
 * @param {string} q lower-cased search
 * @param {() => (string | null | undefined)[]} texts computed only when there is a search
 */
const matches = (q, texts) => !q || texts().some((t) => typeof t === 'string' && t.toLowerCase().includes(q));

/**
 * Everything the views draw, under the filters of `state`. Filters combine (AND); within one filter the
 * chosen values are alternatives (OR). An empty filter keeps everything.
 * @param {Index} ix
 * @param {State} state
 */
export function derive(ix, state) {
  const { model } = ix;
  const q = needle(state.q);
  const src = new Set(state.sources);
  const ent = new Set(state.entities);
  const st = new Set(state.status);
  const dated = !!(state.from || state.to);
  const srcOk = (/** @type {string} */ id) => src.size === 0 || src.has(id);
  const anySrc = (/** @type {string[]} */ ids) => src.size === 0 || ids.some((id) => src.has(id));
  const refsEnt = (/** @type {SentenceRef[]} */ refs) =>
    ent.size === 0 || refs.some((r) => [...(ix.entitiesAt.get(`${r.article}:${r.sentence}`) ?? [])].some((e) => ent.has(e)));
  const refTexts = (/** @type {SentenceRef[]} */ refs) => refs.map((r) => sentenceText(ix, r));
  /** @param {any} ev */
  const eventRange = (ev) => (dated ? parseDate(ev.date) : null);
  /** @param {any[]} evIds */
  const eventsInRange = (evIds) => evIds.some((id) => inDayFilter(eventRange(ix.eventById.get(id) ?? {}), state.from, state.to));

  // Without any filter every list is kept whole (a large model's filter passes were a long task of their own).
  const unfiltered = !q && !src.size && !ent.size && !st.size && !dated;
  if (unfiltered) return unfilteredLists(ix);

  const articles = model.articles.filter(
    (a) =>
      srcOk(a.id) &&
      (ent.size === 0 || [...(ix.entitiesIn.get(a.id) ?? [])].some((e) => ent.has(e))) &&
      matches(q, () => [a.title, a.outlet, a.text, ...arr(a.authors)]),
  );

  const events = model.events.filter((ev) => {
    const refs = arr(ev.sentences);
    return (
      anySrc(arr(ev.sources).length ? arr(ev.sources) : refs.map((r) => r.article)) &&
      refsEnt(refs) &&
      (st.size === 0 || st.has(eventStatus(ev))) &&
      inDayFilter(eventRange(ev), state.from, state.to) &&
      matches(q, () => [ev.label, ev.date, ...refTexts(refs)])
    );
  });

  const claims = model.claims.filter((c) => {
    const refs = arr(c.sentences);
    return (
      anySrc(arr(c.sources).length ? arr(c.sources) : refs.map((r) => r.article)) &&
      refsEnt(refs) &&
      (st.size === 0 || st.has(c.status)) &&
      (!dated || eventsInRange(arr(c.events))) &&
      matches(q, () => [c.explanation, ...refTexts(refs)])
    );
  });

  const contradictions = model.contradictions.filter((c) => {
    const refs = arr(c.refs);
    const text = () =>
      refs.map((r) => {
        const a = ix.articleById.get(r.article);
        return typeof r.text === 'string' ? r.text : a ? String(a.text).slice(r.start, r.end) : '';
      });
    const sentences = () => refs.map((r) => ({ article: r.article, sentence: sentenceAt(ix, r.article, r.start) }));
    return (
      anySrc(refs.map((r) => r.article)) &&
      (ent.size === 0 || refsEnt(sentences())) &&
      (st.size === 0 || st.has('contested')) &&
      (!dated || refs.some((r) => timesAt(ix, r).some((t) => inDayFilter(parseDate(t.value), state.from, state.to)))) &&
      matches(q, () => [c.explanation, c.kind, ...text()])
    );
  });

  const quoteOk = (/** @type {any} */ qu) =>
    !!qu &&
    srcOk(qu.article) &&
    (ent.size === 0 || ent.has(qu.speaker) || refsEnt([{ article: qu.article, sentence: qu.sentence }])) &&
    matches(q, () => [qu.text, qu.speakerText]);
  const quotes = model.quotes.filter(quoteOk);
  const quoteGroups = model.quoteGroups
    .map((g) => ({ ...g, quotes: groupOrder(ix, g).filter((id) => quoteOk(ix.quoteById.get(id))) }))
    .filter((g) => g.quotes.length > 0);

  const entities = model.entities.filter(
    (e) =>
      (ent.size === 0 || ent.has(e.id)) &&
      arr(e.mentions).some((mn) => srcOk(mn.article)) &&
      matches(q, () => [e.name, ...arr(e.aliases)]),
  );

  const reuse = model.reuse.filter((r) => srcOk(r.from) && srcOk(r.to)).sort((x, y) => y.score - x.score);
  const alignments = model.alignments.filter(
    (p) => srcOk(p.a.article) && srcOk(p.b.article) && refsEnt([p.a, p.b]) && matches(q, () => [sentenceText(ix, p.a), sentenceText(ix, p.b)]),
  );
  const times = model.times.filter(
    (t) => srcOk(t.article) && (!dated || inDayFilter(parseDate(t.value), state.from, state.to)) && matches(q, () => [t.text, t.value]),
  );

  return { articles, events, claims, contradictions, quotes, quoteGroups, entities, reuse, alignments, times };
}

/**
 * What `derive` gives without any filter, without testing each item: the same lists (entities with a mention,
 * quote groups' quotes that resolve, in lineage order; reuse by score).
 * @param {Index} ix
 */
function unfilteredLists(ix) {
  const { model } = ix;
  const quotes = model.quotes.filter(Boolean);
  const quoteGroups = model.quoteGroups.map((g) => ({ ...g, quotes: groupOrder(ix, g).filter((id) => !!ix.quoteById.get(id)) })).filter((g) => g.quotes.length > 0);
  return {
    articles: model.articles.slice(),
    events: model.events.slice(),
    claims: model.claims.slice(),
    contradictions: model.contradictions.slice(),
    quotes,
    quoteGroups,
    entities: model.entities.filter((e) => arr(e.mentions).length > 0),
    reuse: model.reuse.slice().sort((x, y) => y.score - x.score),
    alignments: model.alignments.slice(),
    times: model.times.slice(),
  };
}

/** @typedef {ReturnType<typeof derive>} Derived */

/**
 * The quotes of a group in lineage order: the engine's `lineage` when given, else earliest first.
 * @param {Index} ix
 * @param {any} g
 * @returns {string[]}
 */
export function groupOrder(ix, g) {
  const lineage = arr(g.lineage)
    .map((l) => l?.quote)
    .filter((id) => typeof id === 'string');
  const listed = new Set(lineage);
  const rest = arr(g.quotes).filter((id) => !listed.has(id));
  return lineage.length ? [...lineage, ...orderQuotes(ix, rest, g.earliest)] : orderQuotes(ix, arr(g.quotes), g.earliest);
}

/**
 * Quote ids with the earliest first, then by the publication date of their article.
 * @param {Index} ix
 * @param {string[]} ids
 * @param {string} [earliest]
 */
export function orderQuotes(ix, ids, earliest) {
  // Each date parsed once, not once per comparison (a group of hundreds of copies of one quote was most of `derive`).
  const pubs = new Map(
    ids.map((id) => {
      const a = ix.articleById.get(ix.quoteById.get(id)?.article);
      return [id, parseDate(a?.published)?.start ?? Infinity];
    }),
  );
  const pub = (/** @type {string} */ id) => pubs.get(id) ?? Infinity;
  return [...ids].sort((x, y) => (x === earliest ? -1 : y === earliest ? 1 : pub(x) - pub(y) || (x < y ? -1 : x > y ? 1 : 0)));
}

/**
 * The sentence of an article that holds a UTF-16 offset (-1 if none).
 * @param {Index} ix
 * @param {string} article
 * @param {number} offset
 */
export function sentenceAt(ix, article, offset) {
  const a = ix.articleById.get(article);
  const s = arr(a?.sentences).find((x) => x.start <= offset && offset < x.end);
  return s ? s.id : -1;
}

/**
 * Time expressions overlapping a span.
 * @param {Index} ix
 * @param {{ article: string, start: number, end: number }} r
 */
function timesAt(ix, r) {
  return ix.model.times.filter((t) => t.article === r.article && t.start < r.end && r.start < t.end);
}

/**
 * Counts for the overview and the badges.
 * @param {Derived} d
 */
export function overview(d) {
  /** @type {Record<string, number>} */
  const byStatus = { corroborated: 0, 'single-source': 0, contested: 0 };
  for (const c of d.claims) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
  return {
    sources: d.articles.length,
    events: d.events.length,
    claims: d.claims.length,
    byStatus,
    contradictions: d.contradictions.length,
    quoteGroups: d.quoteGroups.length,
    entities: d.entities.length,
    reuse: d.reuse.length,
    topContradictions: d.contradictions.slice(0, 3),
    topReuse: d.reuse.slice(0, 3),
  };
}

/**
 * Per-article counts for the source cards: claims it carries, claims only it carries, contradictions it is
 * part of.
 * @param {Index} ix
 * @param {string} id
 */
export function articleCounts(ix, id) {
  const claims = ix.model.claims.filter((c) => arr(c.sources).includes(id) || arr(c.sentences).some((r) => r.article === id));
  return {
    claims: claims.length,
    singleSource: claims.filter((c) => c.status === 'single-source').length,
    contradictions: ix.model.contradictions.filter((c) => arr(c.refs).some((r) => r.article === id)).length,
    shared: ix.model.alignments.filter((p) => p.a.article === id || p.b.article === id).length,
  };
}

/**
 * The timeline's items: events (with their day ranges) and publication dates, under the filters.
 * @param {Index} ix
 * @param {Derived} d
 */
export function timelineItems(ix, d) {
  const events = d.events.map((ev) => ({ ev, range: parseDate(ev.date), status: eventStatus(ev), independent: count(ev.independentSources) }));
  const published = d.articles
    .map((a) => ({ article: a, range: parseDate(a.published) }))
    .filter((p) => p.range !== null);
  return { events, undated: events.filter((e) => !e.range), dated: events.filter((e) => e.range), published };
}

/**
 * @typedef {{ text: string, op: 'same' | 'del' | 'ins' }} Piece a run of one side's text
 * @typedef {object} DiffRow
 * @property {'pair' | 'move' | 'onlyA' | 'onlyB'} kind
 * @property {number | null} a sentence index in A
 * @property {number | null} b sentence index in B
 * @property {number} [score]
 * @property {Piece[]} [left] A's sentence with deletions marked (pairs and moves)
 * @property {Piece[]} [right] B's sentence with insertions marked
 * @typedef {{ b: number, score: number, moved?: boolean, left: Piece[], right: Piece[] }} Pair
 */

/**
 * Aligns two sources sentence by sentence for the side-by-side diff, in JavaScript: the export's alignments
 * plus word similarity of the remaining sentences (≥ 0.5); pairs out of order relative to A are moves. The
 * engine's own pairwise diff, when the wasm offers one, goes through `rowsFromEngineDiff` instead.
 * @param {Index} ix
 * @param {string} aId
 * @param {string} bId
 * @returns {DiffRow[]}
 */
export function diffRows(ix, aId, bId) {
  const A = ix.articleById.get(aId);
  const B = ix.articleById.get(bId);
  if (!A || !B) return [];
  const sa = arr(A.sentences);
  const sb = arr(B.sentences);
  /** @type {{ a: number, b: number, score: number }[]} */
  const cands = [];
  for (const p of ix.model.alignments) {
    if (p.a.article === aId && p.b.article === bId) cands.push({ a: p.a.sentence, b: p.b.sentence, score: p.score });
    else if (p.a.article === bId && p.b.article === aId) cands.push({ a: p.b.sentence, b: p.a.sentence, score: p.score });
  }
  cands.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  /** @type {Map<number, {b: number, score: number}>} */
  const pairA = new Map();
  const usedB = new Set();
  for (const c of cands) {
    if (pairA.has(c.a) || usedB.has(c.b)) continue;
    pairA.set(c.a, { b: c.b, score: c.score });
    usedB.add(c.b);
  }
  // Near-identical sentences the alignment threshold did not pair (small texts only).
  if (sa.length * sb.length <= 40000) {
    for (let i = 0; i < sa.length; i++) {
      if (pairA.has(i)) continue;
      const ta = sentenceText(ix, { article: aId, sentence: i });
      let best = -1;
      let bestScore = 0.5;
      for (let j = 0; j < sb.length; j++) {
        if (usedB.has(j)) continue;
        const tb = sentenceText(ix, { article: bId, sentence: j });
        if (Math.abs(ta.length - tb.length) > Math.max(ta.length, tb.length) / 2) continue;
        const sim = similarity(ta, tb);
        if (sim > bestScore) [best, bestScore] = [j, sim];
      }
      if (best >= 0) {
        pairA.set(i, { b: best, score: Number(bestScore.toFixed(3)) });
        usedB.add(best);
      }
    }
  }
  /** @type {Map<number, Pair>} */
  const pairs = new Map();
  for (const [i, p] of pairA) {
    const ops = wordDiff(sentenceText(ix, { article: aId, sentence: i }), sentenceText(ix, { article: bId, sentence: p.b }));
    pairs.set(i, { ...p, ...piecesOf(ops) });
  }
  return assembleRows(pairs, sa.length, sb.length);
}

/**
 * Left and right pieces of a word diff.
 * @param {import('./worddiff.js').DiffOp[]} ops
 * @returns {{ left: Piece[], right: Piece[] }}
 */
export function piecesOf(ops) {
  return {
    left: ops.filter((o) => o.op !== 'ins').map((o) => ({ text: o.text, op: o.op })),
    right: ops.filter((o) => o.op !== 'del').map((o) => ({ text: o.op === 'same' ? (o.other ?? o.text) : o.text, op: o.op })),
  };
}

/**
 * Rows in A's order with B's unmatched sentences placed where they fall; a pair is a move when the engine
 * says so or, without the engine's word, when it lies outside the longest run in B's order.
 * @param {Map<number, Pair>} pairs by sentence index in A
 * @param {number} nA
 * @param {number} nB
 * @returns {DiffRow[]}
 */
function assembleRows(pairs, nA, nB) {
  const sorted = [...pairs.entries()].sort((x, y) => x[0] - y[0]);
  const inOrder = lisIndexes(sorted.map(([, p]) => p.b));
  const usedB = new Set(sorted.map(([, p]) => p.b));
  /** @type {DiffRow[]} */
  const rows = [];
  let nextB = 0;
  const flushB = (/** @type {number} */ upto) => {
    for (; nextB < upto; nextB++) if (!usedB.has(nextB)) rows.push({ kind: 'onlyB', a: null, b: nextB });
  };
  let k = 0;
  for (let i = 0; i < nA; i++) {
    const p = pairs.get(i);
    if (!p) {
      rows.push({ kind: 'onlyA', a: i, b: null });
      continue;
    }
    const moved = p.moved ?? !inOrder.has(k);
    k++;
    if (!moved) flushB(p.b);
    rows.push({ kind: moved ? 'move' : 'pair', a: i, b: p.b, score: p.score, left: p.left, right: p.right });
  }
  flushB(nB);
  return rows;
}

/**
 * Rows from the engine's pairwise diff (`storylines-diff/1`): matched pairs with word operations over
 * UTF-16 word spans, moves as the engine marks them, and the sentences only in A or B.
 * @param {any} out
 * @returns {DiffRow[]}
 */
export function rowsFromEngineDiff(out) {
  const A = out?.a;
  const B = out?.b;
  if (!A || !B) return [];
  /** @type {Map<number, Pair>} */
  const pairs = new Map();
  for (const m of arr(out.matched)) {
    const d = m.diff ?? {};
    const sa = arr(A.sentences)[m.a];
    const sb = arr(B.sentences)[m.b];
    if (!sa || !sb) continue;
    const ops = arr(d.ops);
    pairs.set(m.a, {
      b: m.b,
      score: m.score,
      moved: !!m.moved,
      left: sidePieces(String(A.text), sa, arr(d.aWords), ops.map((o) => [o.tag, o.a]), 'del'),
      right: sidePieces(String(B.text), sb, arr(d.bWords), ops.map((o) => [o.tag, o.b]), 'ins'),
    });
  }
  return assembleRows(pairs, arr(A.sentences).length, arr(B.sentences).length);
}

/**
 * One side's pieces: text before the first word is unchanged; each operation covers its words and the
 * separator after them.
 * @param {string} text
 * @param {{ start: number, end: number }} sentence
 * @param {{ start: number, end: number }[]} words
 * @param {[string, number[]][]} ops tag and this side's word range
 * @param {'del' | 'ins'} changed the op this side's changes get
 * @returns {Piece[]}
 */
function sidePieces(text, sentence, words, ops, changed) {
  /** @type {Piece[]} */
  const out = [];
  let pos = sentence.start;
  for (const [tag, range] of ops) {
    const [i, j] = range ?? [0, 0];
    if (!(j > i)) continue;
    const first = words[i];
    const end = j < words.length && words[j].start <= sentence.end ? words[j].start : sentence.end;
    if (!first) continue;
    if (first.start > pos) out.push({ text: text.slice(pos, first.start), op: 'same' });
    out.push({ text: text.slice(Math.max(pos, first.start), end), op: tag === 'equal' ? 'same' : changed });
    pos = Math.max(pos, end);
  }
  if (pos < sentence.end) out.push({ text: text.slice(pos, sentence.end), op: 'same' });
  return out.filter((p) => p.text);
}

/**
 * Positions (into `xs`) of one longest strictly increasing subsequence.
 * @param {number[]} xs
 * @returns {Set<number>}
 */
export function lisIndexes(xs) {
  /** @type {number[]} */
  const tails = [];
  /** @type {number[]} */
  const prev = new Array(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]] < xs[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out = new Set();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.add(i);
  return out;
}

/**
 * A collation table: one row per source for a claim (its sentences) or a quote group (its quotes), each
 * with the word diff against the first row (the earliest quote, or the first source).
 * @param {Index} ix
 * @param {string} id a claim id or a quote group id
 * @returns {{ title: string, rows: { article: string, text: string, ops: import('./worddiff.js').DiffOp[] }[] } | null}
 */
export function collation(ix, id) {
  const claim = ix.model.claims.find((c) => c.id === id);
  /** @type {{ article: string, text: string }[]} */
  let items = [];
  let title = '';
  if (claim) {
    title = `Claim ${claim.id}`;
    items = arr(claim.sentences).map((r) => ({ article: r.article, text: sentenceText(ix, r) }));
  } else {
    const g = ix.model.quoteGroups.find((x) => x.id === id);
    if (!g) return null;
    title = `Quote group ${g.id}`;
    items = groupOrder(ix, g)
      .map((qid) => ix.quoteById.get(qid))
      .filter(Boolean)
      .map((qu) => ({ article: qu.article, text: String(qu.text) }));
  }
  const base = items[0]?.text ?? '';
  return { title, rows: items.map((it, i) => ({ ...it, ops: i === 0 ? [{ op: 'same', text: it.text }] : wordDiff(base, it.text) })) };
}

/**
 * "2 independent of 3 sources", "1 source", in words.
 * @param {number} independent
 * @param {number} sources
 */
export function independenceSaid(independent, sources) {
  if (sources <= 1) return `${sources} source`;
  return `${independent} independent of ${sources} sources`;
}
