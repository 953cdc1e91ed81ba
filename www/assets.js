// Where the element's stylesheet and worker come from. By default they are files beside this module (found
// with import.meta.url, which bundlers such as Vite and esbuild follow): a <link rel="stylesheet"> (never an
// inline <style>, which a strict host CSP forbids) and a module worker. A build that cannot fetch files, the
// single self-contained HTML file, replaces both before the element is defined (see www/single/main.js).

export const assets = {
  /** @returns {HTMLElement} the node that styles one explorer's shadow root */
  stylesheet() {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('./explorer.css', import.meta.url).href;
    return link;
  },
  /** @returns {Worker} a new engine worker (one per explorer) */
  worker() {
    return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  },
};
