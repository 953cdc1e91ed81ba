// Entry of the single self-contained HTML file (scripts/build-single.mjs): the element with its stylesheet,
// worker, wasm and the bundled articles inlined, for a page opened from disk (file://), where nothing else
// can be fetched and workers come only from blob: URLs. The stylesheet is a <style> whose hash the
// file's CSP lists; the worker is the bundled worker's source as a blob. The embedding table is inlined only
// when the file is built with `--embeddings` (4.3 MB more).
import { assets } from '../engine/assets.js';
import { StorylinesExplorerElement } from '../element/explorer-element.js';
// Virtual modules filled in by scripts/build-single.mjs.
import workerSource from 'storylines:worker-source';
import css from 'storylines:css';
import bundle from 'storylines:bundle';
import table from 'storylines:embeddings';

/** @type {string | null} */
let workerUrl = null;
assets.worker = () => {
  workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  // A classic worker: Chromium starts no module worker from a blob: URL in a page opened from disk.
  return new Worker(workerUrl);
};
assets.stylesheet = () => {
  const style = document.createElement('style');
  style.textContent = css;
  return style;
};
// The embedding table, when the file was built with it (`node scripts/build-single.mjs --embeddings`): handed
// to the worker as bytes after the first render; without it the engine matches by wording and says so.
assets.embeddings = () => (table ? Uint8Array.from(atob(table), (c) => c.charCodeAt(0)) : null);
// Defined only now: the element in the page upgrades at once and asks for its stylesheet and worker.
StorylinesExplorerElement.define();

const notice = document.getElementById('notice');
const src = new URLSearchParams(location.search).get('src');
if (src && notice) {
  notice.textContent = `This file was opened from disk, so it cannot load “${src}” (a page opened from disk cannot fetch other files). It shows its bundled articles instead; to load other files, serve the explorer (npm start) and open it with ?src=.`;
  notice.hidden = false;
}
const explorer = /** @type {StorylinesExplorerElement | null} */ (document.querySelector('storylines-explorer'));
explorer?.load(bundle).catch(() => {});
