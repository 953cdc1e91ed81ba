// The glue between the explorer element and its workspace: creates the Workspace with the element as its
// host, draws the panel and the progress bar (keeping the focus), takes dropped files, makes the exports
// downloadable, cancels a job, recovers from a crashed engine and shows a shared bundle. Keeps
// explorer-element.js small; holds no state of its own.
import { h } from '../views/dom.js';
import { Workspace } from './workspace.js';
import { droppedFiles, decodeText } from './intake.js';
import { StoryRegistry, FIRST, SAMPLE, storeOf, storyName } from './stories.js';
import { renderDesk } from './desk.js';
import { storyPatch } from '../model/state.js';
import { renderPanel, renderProgress } from './panel.js';
import { bundle, bundleStoryName, claimsCsv, contradictionsCsv, webAnnotations, readBundle, BUNDLE_SCHEMA } from './exports.js';
import { Cancelled } from '../engine/client.js';
import { deleteStore } from './storage.js';

/**
 * @typedef {import('../element/explorer-element.js').StorylinesExplorerElement} Explorer
 */

/** @param {Explorer} el */
const prefixed = (el, /** @type {string} */ name) => `${name}${el.prefix ? `:${el.prefix}` : ''}`;

/**
 * Opens the explorer's story registry (once per element) and listens for files dropped on it. Articles a
 * version before stories stored are the first story's (`mine`, the same store), registered here once.
 * @param {Explorer} el
 */
export async function openDesk(el) {
  el.addEventListener('dragover', (ev) => {
    if (ev.dataTransfer?.types.includes('Files')) ev.preventDefault();
  });
  el.addEventListener('drop', (ev) => {
    const dt = ev.dataTransfer;
    if (!dt?.files.length) return;
    ev.preventDefault();
    droppedFiles(dt).then((files) => el.workspace?.addFiles(files));
  });
  const reg = await new StoryRegistry(prefixed(el, 'storylines-stories')).open();
  if (!reg.get(FIRST) && (await hasArticles(prefixed(el, 'storylines-workspace')))) {
    const first = { id: FIRST, name: 'Your articles', named: false, createdAt: 0 };
    reg.stories.unshift(first);
    await reg.put([first]);
    if (!reg.settings.last) await reg.setSettings({ last: FIRST });
  }
  return reg;
}

/**
 * Whether an IndexedDB database holds any article (without upgrading or migrating it).
 * @param {string} name
 * @returns {Promise<boolean>}
 */
function hasArticles(name) {
  if (typeof indexedDB === 'undefined') return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = indexedDB.open(name);
    req.onerror = () => resolve(false);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('articles')) return (db.close(), resolve(false));
      const count = db.transaction('articles', 'readonly').objectStore('articles').count();
      count.onsuccess = () => (db.close(), resolve(count.result > 0));
      count.onerror = () => (db.close(), resolve(false));
    };
  });
}

/**
 * The story an explorer opens: the one the URL names (`story=sample` names the sample), else the last one
 * opened, else the sample (unless the user hid it and has a story).
 * @param {StoryRegistry} reg
 * @param {string} asked the URL's `story`
 */
export function startingStory(reg, asked) {
  if (asked === SAMPLE) return '';
  if (asked && reg.get(asked)) return asked;
  const last = reg.settings.last;
  if (last && reg.get(last)) return last;
  return reg.settings.sampleHidden && reg.stories.length ? reg.stories[0].id : '';
}

/**
 * Opens a story's workspace ('' the sample, read-only) in place of the current one.
 * @param {Explorer} el
 * @param {string} id
 * @param {boolean} [remember] open it next time (not for a shared export shown once)
 */
export async function enterStory(el, id, remember = true) {
  el.workspace?.store.close();
  const ws = createWorkspace(el, id);
  el.workspace = ws;
  await ws.ready;
  if (remember) await el.stories?.setSettings({ last: id });
}

/**
 * The workspace of one story (one store per story and `state-key`).
 * @param {Explorer} el
 * @param {string} story '' for the sample
 */
function createWorkspace(el, story) {
  const ws = new Workspace(storeOf(prefixed(el, 'storylines-workspace'), story || SAMPLE), {
    analyse: (articles, label, corrections) => el.analyse(articles, label, true, corrections),
    baseIds: () => new Set(story ? [] : el.articles.map((a) => a.name.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, ''))),
    diagnosticFor: (id) => (el.model?.diagnostics ?? []).find((/** @type {any} */ d) => d.article === id && d.severity === 'error')?.message ?? null,
    changed: () => el.workspaceChanged(),
    newStory: (then) => newStory(el, then),
  }, !story);
  return ws;
}

/**
 * Creates a story of the user's own, opens it (the URL names it) and runs `then` on its workspace.
 * @param {Explorer} el
 * @param {(ws: Workspace) => Promise<unknown>} then
 * @param {boolean} [empty] an empty story is what the user asked for ("New story"): it stays even with nothing in it
 */
export function newStory(el, then, empty = false) {
  const reg = el.stories;
  if (!reg) return Promise.resolve();
  const before = el.state.story;
  // One job of the element's story switches, so that whoever waits for them waits for the addition too.
  return el.afterSwitches(async () => {
    const story = await reg.create(Date.now());
    el.go(storyPatch(story.id));
    await el.enterShown(story.id, then);
    const ws = el.workspace;
    // The run a cancel queues (restoring the empty story) finishes first.
    for (let i = 0; i < 3; i++) await ws?.queue;
    if (empty || !ws || ws.articles.length || ws.corrections.length || el.state.story !== story.id) return;
    // Nothing was kept (cancelled, refused or failed): no empty story is left open; the story open before comes
    // back, with what the addition said (its notice and error cards).
    el.state = el.patched(storyPatch(before));
    if (el.usesHistory) history.replaceState(history.state, '', el.href({}));
    await el.enterShown(before);
    await dropStory(el, story.id);
    if (el.workspace) {
      el.workspace.notice = ws.notice;
      el.workspace.errors.push(...ws.errors);
    }
    drawDesk(el);
    el.workspaceChanged();
  });
}

/**
 * Deletes a story's store and takes it off the registry (the story must not be open).
 * @param {Explorer} el
 * @param {string} id
 */
async function dropStory(el, id) {
  await deleteStore(storeOf(prefixed(el, 'storylines-workspace'), id));
  await el.stories?.remove(id);
}

/**
 * Deletes one of the user's stories after the desk's confirmation: its articles and corrections leave this
 * browser's storage, the registry forgets it, and the sample (or, with the sample hidden, another story) is
 * shown with a notice saying what was deleted.
 * @param {Explorer} el
 * @param {string} id
 */
export async function deleteStory(el, id) {
  const reg = el.stories;
  const story = reg?.get(id);
  if (!reg || !story) return;
  // A change under way finishes first.
  await el.workspace?.queue;
  const shown = el.state.story === id && el.workspace && !el.workspace.sample ? el.workspace.articles.length : null;
  const rest = reg.stories.filter((s) => s.id !== id);
  if (el.state.story === id) await el.openStory(reg.settings.sampleHidden && rest.length ? rest[0].id : '');
  await el.afterSwitches(async () => {
    await dropStory(el, id);
    const what = shown === null ? '' : ` and its ${shown} article${shown === 1 ? '' : 's'}`;
    if (el.workspace) el.workspace.notice = `Deleted the story “${story.name}”${what}: nothing of it is kept in this browser any more.`;
    drawDesk(el);
    el.workspaceChanged();
  });
}

/**
 * Names an automatically named story after its headlines (called whenever its model changes).
 * @param {Explorer} el
 */
export function nameStory(el) {
  const s = el.stories?.get(el.state.story);
  if (!s || s.named || !el.model || !el.engineBacked) return;
  const name = storyName(el.model.articles.map((/** @type {any} */ a) => a.title)) || 'New story';
  if (name !== s.name) el.stories?.rename(s.id, name, false);
}

/**
 * The text of an export.
 * @param {Explorer} el
 * @param {'bundle' | 'claims' | 'contradictions' | 'annotations'} kind
 * @returns {{ text: string, name: string, type: string }}
 */
export function exportText(el, kind) {
  const ws = /** @type {Workspace} */ (el.workspace);
  const corrected = el.corrected;
  if (kind === 'bundle') return { text: JSON.stringify(bundle(el.model, ws.articles, ws.corrections, el.stories?.get(el.state.story)), null, 1), name: 'storylines-bundle.json', type: 'application/json' };
  if (kind === 'claims') return { text: claimsCsv(el.model, corrected), name: 'storylines-claims.csv', type: 'text/csv' };
  if (kind === 'contradictions') return { text: contradictionsCsv(el.model, corrected), name: 'storylines-contradictions.csv', type: 'text/csv' };
  const base = new URL('./', location.href).href;
  return { text: JSON.stringify(webAnnotations(el.model, { base, corrected }), null, 1), name: 'storylines-annotations.jsonld', type: 'application/ld+json' };
}

/** @param {Explorer} el */
function actions(el) {
  return {
    cancel: () => el.cancel(),
    /** @param {'bundle' | 'claims' | 'contradictions' | 'annotations'} kind */
    exportAs: (kind) => {
      const { text, name, type } = exportText(el, kind);
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = h('a', { href: url, download: name, hidden: true });
      el.wsSlot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    /** @param {File} file */
    importFile: async (file) => {
      const ws = /** @type {Workspace} */ (el.workspace);
      try {
        const json = JSON.parse(await file.text());
        const { model, articles, corrections } = readBundle(json);
        if (!articles.length && !corrections.length && model) el.showBundle(json);
        else {
          await ws.importBundle(json);
          // The story the bundle came from lends its name to a story still named after its headlines.
          const name = bundleStoryName(json);
          const story = el.stories?.get(el.state.story);
          if (name && story && !story.named) await el.stories?.rename(story.id, name, true);
          drawDesk(el);
        }
      } catch (err) {
        ws.errors.push({ file: file.name, error: `cannot be imported: ${err instanceof Error ? err.message : String(err)}` });
        el.workspaceChanged();
      }
    },
  };
}

/**
 * Draws the panel into `slot`, keeping the focused control.
 * @param {Explorer} el
 * @param {HTMLElement} slot
 */
export function drawPanel(el, slot) {
  const ws = el.workspace;
  if (!ws) return;
  const root = /** @type {ShadowRoot} */ (el.shadowRoot);
  const key = /** @type {HTMLElement | null} */ (root.activeElement)?.getAttribute('data-key');
  const open = new Set([...slot.querySelectorAll('details')].filter((d) => /** @type {HTMLDetailsElement} */ (d).open).map((d) => d.className));
  const pasted = /** @type {HTMLTextAreaElement | null} */ (slot.querySelector('textarea'))?.value;
  const headlines = new Map((el.model?.articles ?? []).filter((/** @type {any} */ a) => a.title).map((/** @type {any} */ a) => [a.id, String(a.title)]));
  slot.replaceChildren(renderPanel(ws, actions(el), { hasModel: !!el.model, orphans: el.corrected?.user?.orphans?.length ?? 0, headlines, paging: el.paging }));
  slot.querySelectorAll('details').forEach((d) => open.has(d.className) && (/** @type {HTMLDetailsElement} */ (d).open = true));
  const area = /** @type {HTMLTextAreaElement | null} */ (slot.querySelector('textarea'));
  if (area && pasted) area.value = pasted;
  if (key) /** @type {HTMLElement | null} */ (slot.querySelector(`[data-key="${CSS.escape(key)}"]`))?.focus();
}

/**
 * Updates the progress bar in place (a new bar when a job starts or ends).
 * @param {Explorer} el
 * @param {HTMLElement} slot
 */
export function drawJob(el, slot) {
  const ws = el.workspace;
  const old = slot.querySelector('[data-testid=job]');
  if (!ws || !old) return;
  const bar = /** @type {HTMLProgressElement | null} */ (old.querySelector('progress'));
  if (ws.job && bar) {
    bar.max = ws.job.total;
    bar.value = ws.job.done;
    const label = old.querySelector('span');
    if (label) label.textContent = `${ws.job.label}… ${ws.job.done} of ${ws.job.total} steps`;
  } else old.replaceWith(renderProgress(ws, actions(el)));
}

/**
 * The engine's worker died (its wasm trapped): a new one is started, rebuilt from the page's and the
 * workspace's articles, and the user is told. Gives up after a few crashes in a row.
 * @param {Explorer} el
 * @param {Error} err
 */
export function recover(el, err) {
  el.client = el.newClient();
  const ws = el.workspace;
  if (++el.crashes > 3 || !ws) {
    el.status.textContent = `The engine crashed again (${err.message}); reload the page to start over.`;
    return;
  }
  const from = ws.sample ? `the sample's ${el.articles.length} articles` : `this story's ${ws.articles.length} stored article${ws.articles.length === 1 ? '' : 's'}`;
  const said = `The engine crashed (${err.message}). It was restarted and rebuilt from ${from}.`;
  ws.enqueue(async () => {
    await el.analyse(ws.articles, 'Rebuilding after a crash', true);
    el.crashes = 0;
    ws.notice = said;
    el.workspaceChanged();
    el.status.textContent = said;
  });
}

/**
 * Stops the running job: a new worker replaces the busy one and is rebuilt from the committed state (the
 * view keeps showing it meanwhile).
 * @param {Explorer} el
 */
export function cancel(el) {
  const old = el.client;
  el.client = el.newClient();
  old?.terminate(new Cancelled('cancelled'));
  const ws = el.workspace;
  if (el.model && ws) ws.enqueue(() => el.analyse(ws.articles, 'Restoring', true));
}

/**
 * Shows a bundle or a bare export as it was shared: its export with its corrections applied, not stored.
 * @param {Explorer} el
 * @param {any} json
 */
export function showBundle(el, json) {
  const { model, corrections } = readBundle(json);
  el.sharedCorrections = corrections;
  if (el.workspace) {
    const what = json.schema === BUNDLE_SCHEMA ? 'bundle' : 'export';
    el.workspace.notice = `Showing a shared ${what} (${corrections.length} correction${corrections.length === 1 ? '' : 's'}); import it under “Export and import” to keep it.`;
  }
  el.showModel(model);
}

/**
 * Draws the story desk (switcher, name, new story) into the element's desk slot.
 * @param {Explorer} el
 */
export function drawDesk(el) {
  const reg = el.stories;
  if (!reg) return;
  const root = /** @type {ShadowRoot} */ (el.shadowRoot);
  const key = /** @type {HTMLElement | null} */ (root.activeElement)?.getAttribute('data-key');
  el.deskSlot.replaceChildren(
    renderDesk(
      reg,
      el.state.story,
      {
        open: (id) => el.openStory(id),
        create: () => newStory(el, async () => {}, true),
        rename: (name) => reg.rename(el.state.story, name, true).then(() => drawDesk(el)),
        copySample: () => el.workspace?.intoNewStory((ws) => ws.commit(el.articles.flatMap(sampleArticle), [], 'Copying the sample')),
        hideSample: (hidden) => reg.setSettings({ sampleHidden: hidden }).then(() => drawDesk(el)),
        remove: () => deleteStory(el, el.state.story),
      },
      !!el.workspace?.job,
    ),
  );
  if (key?.startsWith('desk-')) /** @type {HTMLElement | null} */ (el.deskSlot.querySelector(`[data-key="${key}"]`))?.focus();
}

/**
 * One of the sample's articles as a stored article of the user's (none when it is not UTF-8 text).
 * @param {import('../engine/protocol.js').ArticleInput} a
 * @returns {import('./storage.js').StoredArticle[]}
 */
function sampleArticle(a) {
  const name = a.name.replace(/^.*[/\\]/, '');
  const read = 'text' in a && typeof a.text === 'string' ? { text: a.text } : 'bytes' in a && a.bytes ? decodeText(a.bytes) : { error: '' };
  return 'text' in read ? [{ id: name.replace(/\.[^.]*$/, ''), name, file: name, text: read.text, updatedAt: Date.now() }] : [];
}
