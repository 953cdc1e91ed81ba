// The user's corrections, applied to the engine's export in the view model (the core never sees them):
// merge two entities, split an alias off an entity, dismiss a finding, set a claim's status, note a finding.
// Pure and DOM-free. The result keeps what the engine said next to what the user changed (`user` fields,
// the `dismissed` list), so the views can show the user's work as theirs and never mix it in silently.

/** @typedef {import('../workspace/storage.js').Correction} Correction */

/** The id of an alignment (the export gives alignments none): `align:{a article}:{a sentence}~{b article}:{b sentence}`. */
export const alignmentId = (/** @type {any} */ p) => `align:${p.a?.article}:${p.a?.sentence}~${p.b?.article}:${p.b?.sentence}`;

/** The lists of findings a correction can address by id, and what each is called. */
export const FINDINGS = /** @type {const} */ ([
  ['claims', 'claim'],
  ['contradictions', 'contradiction'],
  ['alignments', 'alignment'],
  ['quoteGroups', 'quote group'],
  ['entities', 'entity'],
  ['events', 'event'],
]);

/** Makers of correction records (ids make a second correction of the same thing replace the first). */
export const correction = {
  /** @param {string} keep @param {string} fold */
  merge: (keep, fold, at = Date.now()) => ({ id: `merge:${fold}`, kind: 'merge', keep, fold, at }),
  /** @param {string} entity @param {string} alias */
  split: (entity, alias, at = Date.now()) => ({ id: `split:${entity}:${alias}`, kind: 'split', entity, alias, at }),
  /** @param {string} target */
  dismiss: (target, at = Date.now()) => ({ id: `dismiss:${target}`, kind: 'dismiss', target, at }),
  /** @param {string} target @param {string} status */
  status: (target, status, at = Date.now()) => ({ id: `status:${target}`, kind: 'status', target, status, at }),
  /** @param {string} target @param {string} text */
  note: (target, text, at = Date.now()) => ({ id: `note:${target}`, kind: 'note', target, text, at }),
  /**
   * The user's metadata of one of their articles (headline, outlet, date, URL, authors), handed to the engine
   * as the manifest's override (model/metadata.js), not applied here.
   * @param {string} article @param {import('./metadata.js').MetaFields} fields
   */
  meta: (article, fields, at = Date.now()) => ({ id: `meta:${article}`, kind: 'meta', article, fields, at }),
};

/**
 * The export with the corrections applied. The input is not changed. Adds to the result:
 * `user: { corrections, dismissed: [{ list, item, correction }], orphans: Correction[] }` and, on corrected
 * items, `user: { note?, status?, engineStatus?, merged?: string[], splitFrom?: string }`.
 * @param {any} model the engine's export
 * @param {Correction[]} corrections in the order they were made
 * @returns {any}
 */
export function applyCorrections(model, corrections) {
  const m = { ...(model ?? {}) };
  /** @type {{ list: string, item: any, correction: Correction }[]} */
  const dismissed = [];
  /** @type {Correction[]} */
  const orphans = [];
  m.user = { corrections, dismissed, orphans };
  if (!corrections.length) return m;
  for (const [list] of FINDINGS) if (Array.isArray(m[list])) m[list] = m[list].map((/** @type {any} */ x) => ({ ...x }));
  const list = (/** @type {string} */ k) => /** @type {any[]} */ (Array.isArray(m[k]) ? m[k] : []);
  const idOf = (/** @type {string} */ k, /** @type {any} */ x) => (k === 'alignments' ? alignmentId(x) : x.id);
  /** @param {string} id */
  const find = (id) => {
    for (const [k] of FINDINGS) {
      const i = list(k).findIndex((x) => idOf(k, x) === id);
      if (i >= 0) return { k, i, item: list(k)[i] };
    }
    return null;
  };
  const mark = (/** @type {any} */ item, /** @type {object} */ patch) => (item.user = { ...item.user, ...patch });

  for (const c of corrections) {
    if (c.kind === 'merge') {
      const keep = find(c.keep);
      const fold = find(c.fold);
      if (!keep || !fold || keep.k !== 'entities' || fold.k !== 'entities' || keep.item === fold.item) {
        orphans.push(c);
        continue;
      }
      const a = keep.item;
      const b = fold.item;
      a.aliases = [...new Set([...(a.aliases ?? []), b.name, ...(b.aliases ?? [])])].filter((x) => x && x !== a.name);
      a.mentions = [...(a.mentions ?? []), ...(b.mentions ?? [])].sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : x.start - y.start));
      mark(a, { merged: [...(a.user?.merged ?? []), b.id] });
      m.entities = list('entities').filter((e) => e !== b);
      for (const key of ['quotes', 'quoteGroups']) {
        if (Array.isArray(m[key])) m[key] = m[key].map((/** @type {any} */ q) => (q.speaker === b.id ? { ...q, speaker: a.id } : q));
      }
    } else if (c.kind === 'split') {
      const hit = find(c.entity);
      if (!hit || hit.k !== 'entities' || !(hit.item.aliases ?? []).includes(c.alias)) {
        orphans.push(c);
        continue;
      }
      const e = hit.item;
      const moved = (e.mentions ?? []).filter((/** @type {any} */ x) => x.text === c.alias);
      e.aliases = e.aliases.filter((/** @type {string} */ x) => x !== c.alias);
      e.mentions = (e.mentions ?? []).filter((/** @type {any} */ x) => x.text !== c.alias);
      mark(e, { split: [...(e.user?.split ?? []), c.alias] });
      list('entities').push({ id: `${e.id}~${c.alias}`, name: c.alias, kind: e.kind, aliases: [], why: [], mentions: moved, user: { splitFrom: e.id } });
    } else if (c.kind === 'dismiss') {
      const hit = find(c.target);
      if (!hit) {
        orphans.push(c);
        continue;
      }
      m[hit.k] = list(hit.k).filter((x) => x !== hit.item);
      dismissed.push({ list: hit.k, item: hit.item, correction: c });
    } else if (c.kind === 'status' || c.kind === 'note') {
      const hit = find(c.target) ?? dismissed.find((x) => idOf(x.list, x.item) === c.target);
      if (!hit || (c.kind === 'status' && hit.item.status === undefined)) {
        orphans.push(c);
        continue;
      }
      if (c.kind === 'note') mark(hit.item, { note: String(c.text) });
      else {
        mark(hit.item, { status: c.status, engineStatus: hit.item.user?.engineStatus ?? hit.item.status });
        hit.item.status = c.status;
      }
    } else if (c.kind !== 'meta') orphans.push(c);
  }
  return m;
}
