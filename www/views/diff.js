// Source diffs: two sources side by side, sentence-aligned, with word-level changes (struck through /
// underlined, and labelled), moved sentences marked as moves and unmatched ones as "only in A/B". The two
// columns are rows of one grid, so they scroll together by construction. Below: the collation table of a
// claim or quote group across all sources.
import { h, bdi } from './dom.js';
import { diffRows, rowsFromEngineDiff, collation, sentenceText, sourceName } from '../model/model.js';
import { link, empty, section } from './common.js';

/**
 * @param {import('./common.js').ViewContext} ctx
 * @returns {HTMLElement}
 */
export function renderDiff(ctx) {
  const { ix, d, state } = ctx;
  const ids = d.articles.map((a) => a.id);
  const [da, db] = defaultPair(ix, ids);
  const a = ids.includes(state.a) ? state.a : da;
  const b = ids.includes(state.b) && state.b !== a ? state.b : db !== a ? db : ids.find((x) => x !== a);
  const pick = (/** @type {'a' | 'b'} */ side, /** @type {string | undefined} */ value) => {
    const sel = h(
      'select',
      { 'aria-label': side === 'a' ? 'Source A' : 'Source B', 'data-testid': `diff-${side}`, 'data-key': `diff-${side}` },
      ids.map((id) => h('option', { value: id, selected: id === value }, [optionLabel(ix, id)])),
    );
    sel.addEventListener('change', () => ctx.go({ [side]: /** @type {HTMLSelectElement} */ (sel).value }));
    return h('label', {}, [side === 'a' ? 'A ' : 'B ', sel]);
  };
  /** @type {(Node | null)[]} */
  const body = [];
  if (!a || !b) body.push(empty('Two sources are needed for a diff', ix.model.articles.length > 1));
  else {
    const engineDiff = ctx.engine.diff(a, b);
    const rows = engineDiff ? rowsFromEngineDiff(engineDiff) : diffRows(ix, a, b);
    const counts = { pair: 0, move: 0, onlyA: 0, onlyB: 0 };
    for (const r of rows) counts[r.kind]++;
    body.push(
      h('p', { class: 'meta', 'data-testid': 'diff-summary' }, [
        `${counts.pair} aligned · ${counts.move} moved · ${counts.onlyA} only in A · ${counts.onlyB} only in B`,
        engineDiff ? ' (the engine’s diff)' : ' (computed in the page from the alignments)',
      ]),
      h('p', { class: 'legend' }, [h('del', {}, ['struck through']), ': only in A; ', h('ins', {}, ['underlined']), ': only in B; ⇅ moved.']),
    );
    const grid = h('div', { class: 'diff-grid', role: 'table', tabindex: '0', 'aria-label': `Differences between ${sourceName(ix, a)} and ${sourceName(ix, b)}`, 'data-testid': 'diff-grid' });
    grid.append(
      h('div', { class: 'diff-row head', role: 'row' }, [
        h('div', { role: 'columnheader' }, ['A: ', bdi(sourceName(ix, a))]),
        h('div', { role: 'columnheader' }, ['B: ', bdi(sourceName(ix, b))]),
      ]),
    );
    for (const r of rows) {
      const tag = r.kind === 'move' ? '⇅ moved' : r.kind === 'onlyA' ? 'only in A' : r.kind === 'onlyB' ? 'only in B' : '';
      /** @type {(Node | string)[]} */
      let left = [];
      /** @type {(Node | string)[]} */
      let right = [];
      if (r.left && r.right) {
        left = r.left.map((p) => (p.op === 'del' ? h('del', {}, [p.text]) : p.text));
        right = r.right.map((p) => (p.op === 'ins' ? h('ins', {}, [p.text]) : p.text));
      } else {
        if (r.a !== null) left = [sentenceText(ix, { article: a, sentence: r.a })];
        if (r.b !== null) right = [sentenceText(ix, { article: b, sentence: r.b })];
      }
      const cell = (/** @type {(Node | string)[]} */ kids, /** @type {number | null} */ n) =>
        h('div', { role: 'cell', class: n === null ? 'gap' : '' }, n === null ? [] : [h('span', { class: 'n' }, [`${n + 1}`]), ' ', bdi(kids)]);
      grid.append(
        h('div', { class: `diff-row ${r.kind}`, role: 'row', 'data-testid': 'diff-row', 'data-kind': r.kind }, [
          cell(left, r.a),
          cell(right, r.b),
          tag ? h('span', { class: 'tag' }, [tag]) : null,
        ]),
      );
    }
    body.push(grid);
  }
  // Collation of a claim or quote group.
  const options = [
    ...ix.model.claims.map((c) => ({ id: c.id, label: `${c.id} (${c.status})` })),
    ...ix.model.quoteGroups.map((g) => ({ id: g.id, label: `${g.id} (quote group)` })),
  ];
  const engineTable = state.sel ? ctx.engine.collation(state.sel) : null;
  const table = state.sel && !engineTable ? collation(ix, state.sel) : null;
  const chooser = h('select', { 'aria-label': 'Claim or quote group to collate', 'data-testid': 'collate-pick', 'data-key': 'collate' }, [
    h('option', { value: '' }, ['— pick a claim or quote group —']),
    ...options.map((o) => h('option', { value: o.id, selected: o.id === state.sel }, [o.label])),
  ]);
  chooser.addEventListener('change', () => ctx.go({ sel: /** @type {HTMLSelectElement} */ (chooser).value }));
  return section('diff', 'Source diffs', [
    h('div', { class: 'pickers' }, [pick('a', a), pick('b', b)]),
    ...body,
    h('h3', {}, ['Collation']),
    options.length ? h('label', {}, ['Collate ', chooser]) : empty('No claims or quote groups to collate', false, !ix.present.has('claims') && !ix.present.has('quoteGroups')),
    engineTable ? renderEngineCollation(ctx, engineTable) : null,
    table
      ? h('table', { class: 'collation', 'data-testid': 'collation' }, [
          h('caption', {}, [bdi(table.title), ': each source against the first']),
          h('thead', {}, [h('tr', {}, [h('th', { scope: 'col' }, ['Source']), h('th', { scope: 'col' }, ['Wording'])])]),
          h(
            'tbody',
            {},
            table.rows.map((row) =>
              h('tr', {}, [
                h('th', { scope: 'row' }, [link(ctx, { view: 'sources', sel: row.article }, [bdi(sourceName(ix, row.article))])]),
                h('td', {}, [bdi(row.ops.map((o) => (o.op === 'ins' ? h('ins', {}, [o.text]) : o.op === 'del' ? h('del', {}, [o.text]) : (o.other ?? o.text))))]),
              ]),
            ),
          ),
        ])
      : null,
  ]);
}

/**
 * "outlet — title", or whichever of them is known.
 * @param {import('../model/model.js').Index} ix
 * @param {string} id
 */
function optionLabel(ix, id) {
  const a = ix.articleById.get(id);
  return [a?.outlet, a?.title].filter(Boolean).join(' — ') || id;
}

/**
 * The two sources (among `ids`) that share the most sentences; the first two otherwise.
 * @param {import('../model/model.js').Index} ix
 * @param {string[]} ids
 * @returns {[string | undefined, string | undefined]}
 */
function defaultPair(ix, ids) {
  /** @type {Map<string, number>} */
  const n = new Map();
  for (const p of ix.model.alignments) {
    if (!ids.includes(p.a.article) || !ids.includes(p.b.article) || p.a.article === p.b.article) continue;
    const k = [p.a.article, p.b.article].sort().join(' ');
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  const best = [...n.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
  if (best) {
    const [x, y] = best[0].split(' ');
    return [x, y];
  }
  return [ids[0], ids[1]];
}

/**
 * The engine's collation table (`storylines-collation/1`): one row per witness, one column per aligned word
 * position; columns where the witnesses differ are marked with ≠ and bold cells.
 * @param {import('./common.js').ViewContext} ctx
 * @param {any} t
 */
function renderEngineCollation(ctx, t) {
  const witnesses = Array.isArray(t.witnesses) ? t.witnesses : [];
  const columns = Array.isArray(t.columns) ? t.columns : [];
  const moved = new Set((t.transpositions ?? []).flatMap((/** @type {any} */ x) => x.columns ?? []));
  return h('div', { class: 'collation-wrap', tabindex: '0', role: 'region', 'aria-label': 'Collation table (scrolls sideways)' }, [
    h('table', { class: 'collation engine', 'data-testid': 'collation' }, [
      h('caption', {}, [`Collation of ${t.of}: ≠ marks a column where the wording differs, ⇄ a word placed differently`]),
      h('thead', {}, [
        h('tr', {}, [
          h('th', { scope: 'col' }, ['Source']),
          ...columns.map((/** @type {any} */ c, /** @type {number} */ i) => h('th', { scope: 'col', class: c.variant ? 'variant' : '' }, [c.variant ? '≠' : '', moved.has(i) ? '⇄' : ''])),
        ]),
      ]),
      h(
        'tbody',
        {},
        witnesses.map((/** @type {any} */ w, /** @type {number} */ wi) =>
          h('tr', {}, [
            h('th', { scope: 'row' }, [link(ctx, { view: 'sources', sel: w.article }, [bdi(sourceName(ctx.ix, w.article))])]),
            ...columns.map((/** @type {any} */ c) => {
              const cell = c.cells?.[wi];
              return h('td', { class: c.variant ? 'variant' : '' }, [cell ? (c.variant ? h('strong', {}, [bdi(cell.text)]) : bdi(cell.text)) : '—']);
            }),
          ]),
        ),
      ),
    ]),
  ]);
}
