// The user's corrections in the views: the tools to make them (dismiss, set a claim's status, note; merge
// and split entities), what the user changed shown as theirs (a "yours" mark, the engine's value beside it),
// and the list of what they dismissed, with undo. Pure DOM building; changes go through `ctx.user`.
import { h, bdi, bdiList } from './dom.js';
import { STATUSES } from '../model/state.js';
import { correction } from '../model/corrections.js';

/**
 * @typedef {object} UserContext
 * @property {(c: import('../workspace/storage.js').Correction) => void} correct stores a correction and re-renders
 * @property {(id: string) => void} undo removes a correction
 * @property {import('../workspace/storage.js').Correction[]} corrections
 * @property {Set<string>} own ids of the articles the user added (in a story of their own: all of them)
 */

/**
 * A button.
 * @param {string | (Node | string)[]} label
 * @param {() => void} onClick
 * @param {Record<string, string | boolean | undefined>} [attrs]
 */
export function button(label, onClick, attrs = {}) {
  const b = h('button', { type: 'button', class: 'small-button', ...attrs }, typeof label === 'string' ? [label] : label);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * What the user changed on an item, in words, marked as theirs.
 * @param {any} item
 */
export function userMarks(item) {
  const u = item?.user;
  if (!u) return null;
  /** @type {(Node | string)[][]} */
  const lines = [];
  if (u.status) lines.push([`you set the status to ${u.status} (the engine said ${u.engineStatus})`]);
  if (u.merged?.length) lines.push(['you merged ', ...bdiList(u.merged.map(String), ', '), ' into this']);
  if (u.split?.length) lines.push(['you split off ', ...u.split.flatMap((/** @type {string} */ a, /** @type {number} */ i) => [i ? ', “' : '“', bdi(a), '”'])]);
  if (u.splitFrom) lines.push(['you split this off ', bdi(String(u.splitFrom))]);
  return h('div', { class: 'user-marks', 'data-testid': 'user-marks' }, [
    ...lines.map((l) => h('p', {}, [h('span', { class: 'yours' }, ['✎ yours']), ' ', ...l])),
    u.note !== undefined ? h('p', { class: 'user-note', 'data-testid': 'user-note' }, [h('span', { class: 'yours' }, ['✎ your note']), ' ', bdi(String(u.note))]) : null,
  ]);
}

/**
 * The correction tools of a finding: dismiss, note, and for claims the status.
 * @param {UserContext} user
 * @param {string} id the finding's id
 * @param {{ status?: string, label: string }} opts status: the claim's current status (claims only)
 */
export function findingTools(user, id, opts) {
  const children = [
    button('Dismiss', () => user.correct(correction.dismiss(id)), { 'data-testid': 'dismiss', 'aria-label': `Dismiss ${opts.label}` }),
  ];
  if (opts.status !== undefined) {
    const select = /** @type {HTMLSelectElement} */ (
      h('select', { 'data-testid': 'set-status', 'data-key': `status:${id}` }, STATUSES.map((s) => h('option', { value: s, selected: s === opts.status }, [s])))
    );
    select.addEventListener('change', () => user.correct(correction.status(id, select.value)));
    children.push(h('label', {}, ['Status ', select]));
  }
  children.push(...noteTools(user, id));
  const mine = user.corrections.filter((c) => (c.kind === 'status' || c.kind === 'note') && c.target === id);
  if (mine.length) children.push(button('Undo my changes', () => mine.forEach((c) => user.undo(c.id)), { 'data-testid': 'undo' }));
  return h('details', { class: 'correct' }, [h('summary', { 'data-key': `correct:${id}` }, ['Correct']), h('div', { class: 'correct-body' }, children)]);
}

/**
 * A note's text area and its Save button (an empty note removes it).
 * @param {UserContext} user
 * @param {string} id
 */
function noteTools(user, id) {
  const note = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 2, 'data-testid': 'note-text', 'data-key': `note:${id}` }));
  note.value = user.corrections.findLast((c) => c.kind === 'note' && c.target === id)?.text ?? '';
  return [
    h('label', { class: 'note-label' }, ['Your note', note]),
    button('Save note', () => (note.value.trim() ? user.correct(correction.note(id, note.value.trim())) : user.undo(`note:${id}`)), { 'data-testid': 'save-note' }),
  ];
}

/**
 * The correction tools of an entity: merge another into it, split an alias off.
 * @param {UserContext} user
 * @param {any} entity
 * @param {any[]} all the entities (after corrections)
 */
export function entityTools(user, entity, all) {
  const others = all.filter((e) => e.id !== entity.id && e.kind === entity.kind);
  const select = /** @type {HTMLSelectElement} */ (
    h('select', { 'data-testid': 'merge-with', 'data-key': `merge:${entity.id}` }, [h('option', { value: '' }, ['choose…']), ...others.map((e) => h('option', { value: e.id }, [e.name ?? e.id]))])
  );
  const mine = user.corrections.filter((c) => (c.kind === 'merge' && c.keep === entity.id) || (c.kind === 'split' && c.entity === entity.id) || (c.kind === 'note' && c.target === entity.id));
  return h('details', { class: 'correct' }, [
    h('summary', { 'data-key': `correct:${entity.id}` }, ['Correct']),
    h('div', { class: 'correct-body' }, [
      h('label', {}, ['Merge into this: ', select]),
      button('Merge', () => select.value && user.correct(correction.merge(entity.id, select.value)), { 'data-testid': 'merge' }),
      ...(entity.aliases ?? []).map((/** @type {string} */ a) => button(['Split off “', bdi(a), '”'], () => user.correct(correction.split(entity.id, a)), { 'data-testid': 'split' })),
      ...noteTools(user, entity.id),
      mine.length ? button('Undo my changes', () => mine.forEach((c) => user.undo(c.id)), { 'data-testid': 'undo' }) : null,
    ]),
  ]);
}

/**
 * The findings of one list the user dismissed, each with a way back.
 * @param {UserContext} user
 * @param {{ list: string, item: any, correction: any }[]} dismissed
 * @param {string} list e.g. 'claims'
 * @param {(item: any) => string} label
 */
export function dismissedList(user, dismissed, list, label) {
  const mine = dismissed.filter((x) => x.list === list);
  if (!mine.length) return null;
  return h('details', { class: 'dismissed', 'data-testid': 'dismissed' }, [
    h('summary', {}, [`Dismissed by you (${mine.length})`]),
    h(
      'ul',
      {},
      mine.map((x) => h('li', { 'data-id': x.correction.target }, [h('span', { class: 'yours' }, ['✎ dismissed']), ' ', bdi(label(x.item)), ' ', button('Restore', () => user.undo(x.correction.id), { 'data-testid': 'restore' })])),
    ),
  ]);
}
