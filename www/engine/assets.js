// Where the element's stylesheet, worker and sentence-embedding table come from. By default they are files found from this module's
// URL (import.meta.url): a <link rel="stylesheet"> (never an inline <style>, which a strict host CSP forbids)
// and a module worker. In the source tree the worker sits beside this module and the stylesheet in
// www/element/; the minified build (scripts/build-dist.mjs) puts both beside its storylines.js and rewrites
// the stylesheet's path to './explorer.css'. Both URLs stay literals, the pattern bundlers such as Vite
// follow. A build that cannot fetch files, the single self-contained HTML file, replaces both before the
// element is defined (see www/single/main.js).

export const assets = {
  /** @returns {HTMLElement} the node that styles one explorer's shadow root */
  stylesheet() {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('../element/explorer.css', import.meta.url).href;
    return link;
  },
  /** @returns {Worker} a new engine worker (one per explorer) */
  worker() {
    return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  },
  /**
   * The sentence-embedding table the worker fetches after the first render (issue 19): its URL (www/ in the
   * source tree, beside storylines.js in the minified build), its bytes, or null when this build has none.
   * @returns {string | Uint8Array | null}
   */
  embeddings() {
    return new URL('../embeddings.bin', import.meta.url).href;
  },
};
