// <storylines-explorer>: the explorer as a custom element in Shadow DOM. Loads articles (from `src`, a
// manifest URL), runs the engine in its own worker and renders the views. Each instance owns its state.
import { EngineClient } from './client.js';
import { loadManifest } from './loader.js';
import { h } from './dom.js';
import { renderSources, renderReader } from './views/sources.js';
import { renderShared } from './views/shared.js';

export class StorylinesExplorerElement extends HTMLElement {
  static observedAttributes = ['src'];

  /**
   * Registers the element.
   * @param {string} [tag]
   * @param {CustomElementRegistry} [registry]
   */
  static define(tag = 'storylines-explorer', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const css = h('link', { rel: 'stylesheet', href: new URL('./explorer.css', import.meta.url).href });
    /** @type {HTMLElement} */
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, ['Loading…']);
    /** @type {HTMLElement} */
    this.content = h('div', { class: 'content', part: 'content' });
    root.append(css, this.status, this.content);
    /** @type {EngineClient | null} */
    this.client = null;
    /** @type {any} */
    this.model = null;
  }

  connectedCallback() {
    this.client ??= new EngineClient();
    queueMicrotask(() => this.reload());
  }

  disconnectedCallback() {
    this.client?.terminate();
    this.client = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) queueMicrotask(() => this.reload());
  }

  async reload() {
    const src = this.getAttribute('src');
    if (!src || !this.client) return;
    const client = this.client;
    this.status.textContent = 'Loading articles…';
    try {
      const { manifest, articles, problems } = await loadManifest(src);
      this.status.textContent = `Cross-referencing ${articles.length} articles…`;
      const t0 = performance.now();
      this.model = await client.analyse(articles, { manifest });
      const ms = Math.round(performance.now() - t0);
      this.status.textContent = `${this.model.articles.length} articles cross-referenced in ${ms} ms.`;
      this.render(problems);
      this.dispatchEvent(new CustomEvent('storylines-ready', { bubbles: true, composed: true, detail: { articles: this.model.articles.length } }));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.status.textContent = `Could not load the articles: ${message}`;
      this.dispatchEvent(new CustomEvent('storylines-error', { bubbles: true, composed: true, detail: { message } }));
    }
  }

  /** @param {string[]} problems loader problems to show beside the engine's diagnostics */
  render(problems) {
    const model = this.model;
    const reader = h('div', { class: 'reader-slot', 'data-testid': 'reader' });
    const open = (/** @type {string} */ id) => {
      const a = model.articles.find((/** @type {any} */ x) => x.id === id);
      reader.replaceChildren(a ? renderReader(a) : h('p', {}, ['Article not found.']));
    };
    const diagnostics = [...problems, ...model.diagnostics.map((/** @type {any} */ d) => `${d.article ?? 'bundle'}: ${d.message}`)];
    const sections = [
      h('section', { 'aria-labelledby': 'sources-h' }, [h('h2', { id: 'sources-h' }, ['Sources']), renderSources(model, open), reader]),
      h('section', { 'aria-labelledby': 'shared-h' }, [
        h('h2', { id: 'shared-h' }, ['Said by more than one source']),
        renderShared(model),
      ]),
      diagnostics.length
        ? h('section', { 'aria-labelledby': 'diag-h' }, [
            h('h2', { id: 'diag-h' }, ['Diagnostics']),
            h('ul', { class: 'diagnostics' }, diagnostics.map((d) => h('li', {}, [d]))),
          ])
        : null,
    ];
    this.content.replaceChildren(...sections.filter((x) => x !== null));
  }
}
