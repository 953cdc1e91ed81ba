// The entities view: people, organisations and places with their aliases, mentions per source and the
// reasons the engine gives for merging aliases. Selecting one toggles it as an entity filter.
import { h, bdi } from './dom.js';
import { sourceName } from '../model/model.js';
import { highlightText } from './highlight.js';
import { link, empty, section, paged } from './common.js';
import { entityTools, userMarks } from './correct.js';

const KINDS = /** @type {const} */ ([
  ['person', 'People'],
  ['organization', 'Organisations'],
  ['place', 'Places'],
]);

/**
 * @param {import('./common.js').ViewContext} ctx
 */
export function renderEntities(ctx) {
  const { ix, d, state } = ctx;
  const groups = KINDS.map(([kind, title]) => {
    const list = d.entities.filter((e) => e.kind === kind);
    if (!list.length) return null;
    const drawn = paged(ctx, `entities-${kind}`, list, (e) => {
          /** @type {Map<string, number>} */
          const per = new Map();
          for (const m of e.mentions ?? []) per.set(m.article, (per.get(m.article) ?? 0) + 1);
          const filtered = state.entities.includes(e.id);
          const next = filtered ? state.entities.filter((x) => x !== e.id) : [...state.entities, e.id];
          return h('li', { class: `entity${state.sel === e.id ? ' selected' : ''}`, 'data-testid': 'entity', 'data-id': e.id }, [
            h('h4', {}, [
              link(ctx, { sel: e.id }, [bdi(highlightText(e.name ?? e.id, state.q))], { 'aria-current': state.sel === e.id ? 'true' : undefined, 'data-key': `en:${e.id}` }),
              ' ',
              link(ctx, { entities: next }, [filtered ? '− remove from filter' : '+ filter by this'], { class: 'small', 'data-key': `enf:${e.id}` }),
            ]),
            (e.aliases ?? []).length ? h('p', { class: 'meta' }, ['also: ', ...e.aliases.flatMap((/** @type {string} */ x, /** @type {number} */ i) => [i ? ', ' : '', bdi(highlightText(x, state.q))])]) : null,
            h('p', { class: 'meta' }, [
              'mentions: ',
              ...(per.size
                ? [...per.entries()].sort((x, y) => y[1] - x[1]).flatMap(([a, n], i) => [i ? ' · ' : '', bdi(sourceName(ix, a)), ` ${n}`])
                : ['none']),
            ]),
            (e.why ?? []).length ? h('details', {}, [h('summary', {}, ['why these names were merged']), h('ul', {}, e.why.map((/** @type {any} */ w) => h('li', {}, [bdi(typeof w === 'string' ? w : JSON.stringify(w))])))]) : null,
            userMarks(e),
            ctx.user ? entityTools(ctx.user, e, ix.model.entities) : null,
          ]);
    }, list.findIndex((e) => e.id === state.sel));
    return h('div', {}, [h('h3', {}, [`${title} (${list.length})`]), h('ul', { class: 'entities' }, drawn.nodes), drawn.more]);
  }).filter(Boolean);
  return section('entities', 'Entities', groups.length ? groups : [empty('No entities found', ix.model.entities.length > 0, !ix.present.has('entities'))]);
}
