// The metadata editor of one of the user's articles, in its source card: headline, outlet, date, URL and
// authors, each with where the engine's value came from, an outlet suggested from the text, and Save / Undo.
// What is saved is the user's `meta` correction; the workspace hands it to the engine as the manifest's
// override and re-runs it. Builds DOM only; values are set as properties and text, never as HTML.
import { h, bdi } from './dom.js';
import { button } from './correct.js';
import { correction } from '../model/corrections.js';
import { META_FIELDS, cleanFields, sourceOf, suggestOutlet } from '../model/metadata.js';

/**
 * @param {import('./correct.js').UserContext} user
 * @param {any} a the export's article
 * @returns {HTMLElement}
 */
export function renderMetaEditor(user, a) {
  const mine = user.corrections.find((c) => c.kind === 'meta' && c.article === a.id);
  /** @type {Record<string, HTMLInputElement>} */
  const inputs = {};
  const rows = META_FIELDS.map(([key, label]) => {
    const value = key === 'authors' ? (a.authors ?? []).join(', ') : (a[key] ?? '');
    const input = /** @type {HTMLInputElement} */ (
      h('input', { type: key === 'published' ? 'date' : key === 'url' ? 'url' : 'text', name: key, 'data-testid': `meta-${key}`, 'data-key': `meta:${a.id}:${key}` })
    );
    input.value = String(value);
    inputs[key] = input;
    const from = sourceOf(a.provenance?.[key], !!mine?.fields?.[key]);
    return h('div', { class: 'meta-row' }, [
      h('label', {}, [h('span', { class: 'meta-label' }, [label]), input]),
      h('span', { class: 'meta-from', 'data-testid': `meta-from-${key}` }, [from]),
    ]);
  });
  const hint = !a.outlet ? suggestOutlet(String(a.text ?? '')) : null;
  const suggestion = hint
    ? h('p', { class: 'meta-suggest', 'data-testid': 'meta-suggest' }, [
        'Suggested outlet: ',
        bdi(hint.value),
        ` (${hint.why}) `,
        button('Use it', () => (inputs.outlet.value = hint.value), { 'data-testid': 'meta-use-suggestion' }),
      ])
    : null;
  const save = () => user.correct(correction.meta(a.id, cleanFields(Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value])))));
  return h('details', { class: 'meta-edit', 'data-testid': 'meta-edit' }, [
    h('summary', { 'data-key': `meta-summary:${a.id}` }, [mine ? 'Details ✎ yours' : 'Edit details']),
    h('div', { class: 'meta-form' }, [
      ...rows,
      suggestion,
      h('p', { class: 'meta-actions' }, [
        button('Save details', save, { 'data-testid': 'meta-save', 'data-key': `meta-save:${a.id}` }),
        mine ? button('Undo my details', () => user.undo(mine.id), { 'data-testid': 'meta-undo' }) : null,
      ]),
    ]),
  ]);
}

