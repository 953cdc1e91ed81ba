// The glue between the explorer element and its workspace: creates the Workspace with the element as its
// host, draws the panel and the progress bar (keeping the focus), takes dropped files, makes the exports
// downloadable, cancels a job, recovers from a crashed engine and shows a shared bundle. Keeps
// explorer-element.js small; holds no state of its own.
import { h } from '../views/dom.js';
import { Workspace } from './workspace.js';
import { renderPanel, renderProgress } from './panel.js';
import { bundle, claimsCsv, contradictionsCsv, webAnnotations, readBundle, BUNDLE_SCHEMA } from './exports.js';
import { Cancelled } from '../engine/client.js';

/**
 * @typedef {import('../element/explorer-element.js').StorylinesExplorerElement} Explorer
 */

/**
 * The workspace of an explorer (one store per `state-key`).
 * @param {Explorer} el
 */
export function createWorkspace(el) {
  const ws = new Workspace(`storylines-workspace${el.prefix ? `:${el.prefix}` : ''}`, {
    analyse: (articles, label) => el.analyse(articles, label, true),
    baseIds: () => {
      const mine = new Set(ws.articles.map((a) => a.id));
      const ids = el.articles.map((a) => a.name.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, ''));
      for (const a of el.model?.articles ?? []) if (!mine.has(a.id)) ids.push(a.id);
      return new Set(ids);
    },
    diagnosticFor: (id) => (el.model?.diagnostics ?? []).find((/** @type {any} */ d) => d.article === id && d.severity === 'error')?.message ?? null,
    changed: () => el.workspaceChanged(),
  });
  el.addEventListener('dragover', (ev) => {
    if (ev.dataTransfer?.types.includes('Files')) ev.preventDefault();
  });
  el.addEventListener('drop', (ev) => {
    if (!ev.dataTransfer?.files.length) return;
    ev.preventDefault();
    ws.addFiles(ev.dataTransfer.files);
  });
  return ws;
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
  if (kind === 'bundle') return { text: JSON.stringify(bundle(el.model, ws.articles, ws.corrections), null, 1), name: 'storylines-bundle.json', type: 'application/json' };
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
        else await ws.importBundle(json);
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
  const open = [...slot.querySelectorAll('details')].map((d) => /** @type {HTMLDetailsElement} */ (d).open);
  const pasted = /** @type {HTMLTextAreaElement | null} */ (slot.querySelector('textarea'))?.value;
  const headlines = new Map((el.model?.articles ?? []).filter((/** @type {any} */ a) => a.title).map((/** @type {any} */ a) => [a.id, String(a.title)]));
  slot.replaceChildren(renderPanel(ws, actions(el), { hasModel: !!el.model, orphans: el.corrected?.user?.orphans?.length ?? 0, headlines }));
  slot.querySelectorAll('details').forEach((d, i) => open[i] && (/** @type {HTMLDetailsElement} */ (d).open = true));
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
  const said = `The engine crashed (${err.message}). It was restarted and rebuilt from ${el.articles.length} page articles and your ${ws.articles.length} stored articles.`;
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
