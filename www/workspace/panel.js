// The workspace panel: add articles (drop, choose, paste), the user's article cards (remove) and error cards,
// the progress bar with Cancel, what the store said, and the exports and the import. Builds DOM from the
// workspace's state; changes go through the workspace and the actions. Article text is only ever set as text.
import { h, bdi } from '../views/dom.js';
import { visibleName } from '../model/names.js';
import { folderFiles } from './intake.js';
import { PAGE, moreButton } from '../views/common.js';

/**
 * @typedef {object} PanelActions
 * @property {() => void} cancel stops the running job
 * @property {(kind: 'bundle' | 'claims' | 'contradictions' | 'annotations') => void} exportAs
 * @property {(file: File) => void} importFile
 */

/**
 * @param {string} label
 * @param {() => void} onClick
 * @param {Record<string, string | boolean | undefined>} [attrs]
 */
function button(label, onClick, attrs = {}) {
  const b = h('button', { type: 'button', ...attrs }, [label]);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * The progress bar of the running job, updated in place.
 * @param {import('./workspace.js').Workspace} ws
 * @param {PanelActions} actions
 */
export function renderProgress(ws, actions) {
  const job = ws.job;
  if (!job) return h('div', { class: 'job', hidden: true, 'data-testid': 'job' });
  const bar = h('progress', { max: job.total, value: job.done, 'data-testid': 'progress', 'aria-label': job.label });
  return h('div', { class: 'job', 'data-testid': 'job' }, [
    h('span', {}, [`${job.label}… ${job.done} of ${job.total} steps`]),
    bar,
    button('Cancel', actions.cancel, { 'data-testid': 'cancel', 'data-key': 'ws-cancel' }),
  ]);
}

/**
 * The card of one of the user's articles: the headline the engine found, else the file name (never the raw
 * first line, which is markup in a saved page or a Markdown file); names isolated, control characters shown.
 * @param {import('./workspace.js').Workspace} ws
 * @param {import('./storage.js').StoredArticle} a
 * @param {string | undefined} headline
 * @param {boolean} busy
 */
function ownCard(ws, a, headline, busy) {
  const file = visibleName(a.file);
  const kb = Math.max(1, Math.round(a.text.length / 1024));
  return h('li', { class: 'own-card', 'data-testid': 'own-article', 'data-article': a.id }, [
    h('p', {}, [h('strong', { 'data-testid': 'own-title' }, [bdi(headline ?? file)])]),
    h('p', { class: 'meta' }, [bdi(file), ` · ${kb} KB · id `, bdi(visibleName(a.id))]),
    button('Remove', () => ws.remove(a.id), { 'data-testid': 'remove', 'aria-label': `Remove ${file}`, 'data-key': `ws-rm:${a.id}`, disabled: busy }),
  ]);
}

/**
 * @param {import('./workspace.js').Workspace} ws
 * @param {PanelActions} actions
 * @param {{ hasModel: boolean, orphans: number, headlines: Map<string, string>, paging?: import('../views/common.js').Paging }} opts orphans: corrections that
 *   no longer match a finding; headlines: the headline the engine found per article id; paging: how many cards are drawn
 */
export function renderPanel(ws, actions, opts) {
  const files = /** @type {HTMLInputElement} */ (h('input', { type: 'file', multiple: true, accept: '.txt,.text,.md,.markdown,.html,.htm,.xhtml', 'data-testid': 'add-files', 'data-key': 'ws-files' }));
  files.addEventListener('change', () => {
    if (files.files?.length) ws.addFiles(files.files);
    files.value = '';
  });
  const folder = /** @type {HTMLInputElement} */ (h('input', { type: 'file', webkitdirectory: true, 'data-testid': 'add-folder', 'data-key': 'ws-folder' }));
  folder.addEventListener('change', () => {
    if (folder.files?.length) ws.addFiles(folderFiles(folder.files));
    folder.value = '';
  });
  const paste = /** @type {HTMLTextAreaElement} */ (h('textarea', { rows: 4, 'data-testid': 'paste-text', 'data-key': 'ws-paste' }));
  const importer = /** @type {HTMLInputElement} */ (h('input', { type: 'file', accept: '.json,application/json', 'data-testid': 'import-file', 'data-key': 'ws-import' }));
  importer.addEventListener('change', () => {
    const f = importer.files?.[0];
    if (f) actions.importFile(f);
    importer.value = '';
  });
  const busy = !!ws.job;
  // A story of a thousand articles draws its cards a page at a time.
  const ownLimit = opts.paging?.limit('own') ?? PAGE;
  return h('section', { class: 'workspace', 'aria-labelledby': 'ws-h', 'data-testid': 'workspace' }, [
    h('h2', { id: 'ws-h' }, [ws.sample ? 'Add your articles' : 'Articles of this story']),
    h('div', { class: 'drop', 'data-testid': 'drop' }, [
      h('p', {}, ['Drop .txt, .md or .html files on the explorer, or:']),
      h('label', { class: 'file-label' }, ['Choose files ', files]),
      h('label', { class: 'file-label' }, ['Choose a folder ', folder]),
    ]),
    h('details', { class: 'paste' }, [
      h('summary', { 'data-key': 'ws-paste-summary' }, ['Paste an article']),
      h('label', {}, ['Article text (first line: headline)', paste]),
      button('Add pasted text', () => paste.value.trim() && (ws.addText(paste.value), (paste.value = '')), { 'data-testid': 'paste-add', 'data-key': 'ws-paste-add', disabled: busy }),
    ]),
    renderProgress(ws, actions),
    ws.notice ? h('p', { class: 'notice', 'data-testid': 'ws-notice' }, [ws.notice]) : null,
    ...ws.problems.map((p) => h('p', { class: 'notice problem', 'data-testid': 'ws-problem' }, [`⚠ ${p}`])),
    opts.orphans
      ? h('p', { class: 'notice', 'data-testid': 'ws-orphans' }, [`${opts.orphans} of your corrections no longer match a finding (the articles changed); they are kept and apply again if it comes back.`])
      : null,
    ws.errors.length
      ? h(
          'ul',
          { class: 'own-cards', 'aria-label': 'Files not added' },
          ws.errors.map((e, i) =>
            h('li', { class: 'own-card error', 'data-testid': 'own-error' }, [
              h('p', {}, [h('strong', {}, [bdi(visibleName(e.file))]), ': ', e.error]),
              button('Dismiss', () => (ws.errors.splice(i, 1), ws.host.changed()), { 'aria-label': `Dismiss the error about ${visibleName(e.file)}`, 'data-key': `ws-err:${i}` }),
            ]),
          ),
        )
      : null,
    // The story's articles fold away on a narrow screen, so that the view is not pushed below them.
    ws.articles.length
      ? h('details', { class: 'own-list', open: !matchMedia('(max-width: 48rem)').matches }, [
          h('summary', { 'data-key': 'ws-own-summary' }, [`${ws.articles.length} article${ws.articles.length === 1 ? '' : 's'}`]),
          h('ul', { class: 'own-cards', 'aria-label': 'Your articles' }, ws.articles.slice(0, ownLimit).map((a) => ownCard(ws, a, opts.headlines.get(a.id), busy))),
          moreButton(ws.articles.length - ownLimit, () => opts.paging?.show('own', ownLimit + PAGE), 'own'),
        ])
      : ws.errors.length
        ? null
        : h('p', { class: 'meta' }, [ws.sample ? 'What you add becomes a story of your own and stays in this browser only.' : 'None yet. What you add stays in this browser only.']),
    h('details', { class: 'exports' }, [
      h('summary', { 'data-key': 'ws-export-summary' }, ['Export and import']),
      h('div', { class: 'export-buttons' }, [
        button('JSON bundle', () => actions.exportAs('bundle'), { 'data-testid': 'export-bundle', disabled: !opts.hasModel }),
        button('Claims CSV', () => actions.exportAs('claims'), { 'data-testid': 'export-claims', disabled: !opts.hasModel }),
        button('Contradictions CSV', () => actions.exportAs('contradictions'), { 'data-testid': 'export-contradictions', disabled: !opts.hasModel }),
        button('Web Annotations', () => actions.exportAs('annotations'), { 'data-testid': 'export-annotations', disabled: !opts.hasModel }),
      ]),
      h('label', { class: 'file-label' }, ['Import a JSON bundle ', importer]),
    ]),
  ]);
}
