// The story desk: which story the explorer shows (the read-only sample or one of the user's stories), a
// switcher, renaming, a new story, copying the sample into a story of one's own, hiding the sample, deleting a
// story (after a confirmation in place, which names what goes). Builds DOM
// from the registry (stories.js) and the current story; changes go through the actions. Names are text only.
import { h, bdi } from '../views/dom.js';
import { button } from '../views/correct.js';

/**
 * @typedef {object} DeskActions
 * @property {(id: string) => void} open opens a story ('' the sample)
 * @property {() => void} create starts an empty story
 * @property {(name: string) => void} rename renames the current story
 * @property {() => void} copySample copies the sample's articles into a new story
 * @property {(hidden: boolean) => void} hideSample
 * @property {() => void} remove deletes the current story (after the desk's confirmation)
 */

/**
 * @param {import('./stories.js').StoryRegistry} reg
 * @param {string} current the story shown ('' the sample)
 * @param {DeskActions} actions
 * @param {boolean} busy a job runs
 */
export function renderDesk(reg, current, actions, busy) {
  const hidden = reg.settings.sampleHidden && reg.stories.length > 0;
  const select = /** @type {HTMLSelectElement} */ (
    h('select', { 'data-testid': 'story-select', 'data-key': 'desk-select', disabled: busy }, [
      !hidden || !current ? h('option', { value: '' }, ['Sample story (read-only)']) : null,
      ...reg.stories.map((s) => h('option', { value: s.id }, [s.name])),
    ])
  );
  select.value = current;
  select.addEventListener('change', () => actions.open(select.value));
  const story = reg.get(current);
  /** @type {(Node | null)[]} */
  let tools;
  if (story) {
    const name = /** @type {HTMLInputElement} */ (h('input', { type: 'text', 'data-testid': 'story-name', 'data-key': 'desk-name', 'aria-label': 'Name of this story' }));
    name.value = story.name;
    name.addEventListener('change', () => name.value.trim() && actions.rename(name.value));
    tools = [
      button(reg.settings.sampleHidden ? 'Show the sample' : 'Hide the sample', () => actions.hideSample(!reg.settings.sampleHidden), { 'data-testid': 'hide-sample' }),
      h('label', { class: 'desk-name' }, ['Name ', name]),
      story.named ? null : h('span', { class: 'meta', 'data-testid': 'story-auto' }, ['(after its headlines)']),
      deleteButton(story.name, actions.remove, busy),
    ];
  } else {
    tools = [
      h('span', { class: 'meta' }, ['The sample is read-only: what you add starts a story of your own.']),
      button('Copy it into a story of your own', actions.copySample, { 'data-testid': 'copy-sample' }),
    ];
  }
  return h('section', { class: 'desk', 'aria-label': 'Stories', 'data-testid': 'desk', 'data-story': current }, [
    story ? h('p', { class: 'desk-title', 'data-testid': 'story-title' }, [bdi(story.name)]) : h('p', { class: 'desk-title' }, ['Sample story']),
    h('label', { class: 'desk-switch' }, [h('strong', {}, ['Story ']), select]),
    button('New story', actions.create, { 'data-testid': 'new-story' }),
    ...tools,
  ]);
}

/**
 * "Delete this story…", which asks first, in place: the question names the story and says that its articles
 * and corrections leave this browser; "Keep it" (focused) puts the button back.
 * @param {string} name
 * @param {() => void} remove
 * @param {boolean} busy a job runs
 */
function deleteButton(name, remove, busy) {
  const ask = button('Delete this story…', () => {
    const keep = button('Keep it', () => question.replaceWith(ask), { 'data-testid': 'keep-story', 'data-key': 'desk-keep' });
    const question = h('span', { class: 'desk-confirm', role: 'group', 'aria-label': 'Delete this story?', 'data-testid': 'delete-confirm' }, [
      'Delete “',
      bdi(name),
      '” with its articles and corrections from this browser? ',
      button('Delete the story', remove, { class: 'small-button danger', 'data-testid': 'delete-story-confirm', 'data-key': 'desk-delete-confirm' }),
      ' ',
      keep,
    ]);
    ask.replaceWith(question);
    keep.focus();
  }, { 'data-testid': 'delete-story', 'data-key': 'desk-delete', disabled: busy });
  return ask;
}
