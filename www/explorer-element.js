// <storylines-explorer>: the explorer as a custom element in Shadow DOM. Loads articles (from `src`, a
// manifest URL), runs the engine in its own worker, keeps its state (view, filters, selection) in the URL
// and renders the views. Each instance owns its state; `state-key="x"` prefixes its URL parameters so that
// several explorers on one page do not interfere, and `no-history` keeps an instance out of the URL.
import { EngineClient } from './client.js';
import { toInput } from './workspace.js';
import { createWorkspace, drawPanel, drawJob, exportText, recover, cancel, showBundle } from './workspace-host.js';
import { applyCorrections } from './corrections.js';
import { loadManifest } from './loader.js';
import { h } from './dom.js';
import { parseState, formatState, withState, emptyState, VIEWS, hasFilters } from './state.js';
import { indexModel, derive } from './model.js';
import { renderFilters } from './filters.js';
import { renderOverview } from './views/overview.js';
import { renderSources } from './views/sources.js';
import { renderTimeline } from './views/timeline.js';
import { renderDiff } from './views/diff.js';
import { renderClaims, renderContradictions, renderQuotes } from './views/lists.js';
import { renderEntities } from './views/entities.js';
import { renderProvenance } from './views/provenance.js';

/** @typedef {import('./state.js').State} State */

const TITLES = /** @type {Record<string, string>} */ ({
  overview: 'Overview',
  sources: 'Sources',
  timeline: 'Timeline',
  diff: 'Source diffs',
  claims: 'Claims',
  contradictions: 'Contradictions',
  quotes: 'Quotes',
  entities: 'Entities',
  provenance: 'Provenance',
});

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
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' }, ['Loading…']);
    /** @type {HTMLElement} */
    this.nav = h('nav', { class: 'views-nav', 'aria-label': 'Views' });
    /** @type {HTMLElement} */
    this.filters = h('div', { class: 'filters-slot' });
    /** @type {HTMLElement} the user's workspace panel */
    this.wsSlot = h('div', { class: 'workspace-slot' });
    /** @type {HTMLElement} */
    this.view = h('div', { class: 'view-slot', 'data-testid': 'view' });
    /** @type {HTMLElement} */
    this.footer = h('div', { class: 'footer' });
    /** @type {HTMLElement} */
    this.content = h('div', { class: 'content', part: 'content' }, [
      this.nav,
      h('div', { class: 'layout' }, [h('aside', { class: 'side', 'aria-label': 'Filters and settings' }, [this.wsSlot, this.filters]), this.view]),
      this.footer,
    ]);
    root.append(css, this.status, this.content);
    /** @type {EngineClient | null} */
    this.client = null;
    /** @type {any} */
    this.model = null;
    /** @type {import('./model.js').Index | null} */
    this.ix = null;
    /** @type {State} */
    this.state = emptyState();
    /** @type {import('./protocol.js').ArticleInput[]} */
    this.articles = [];
    this.manifest = '';
    /** @type {string[]} */
    this.problems = [];
    /** @type {string} threshold the current model was computed with */
    this.modelThreshold = '';
    this.busy = false;
    /** @type {string | null} the `src` being or last loaded */
    this.loadedSrc = null;
    this.engineBacked = false;
    this.loadMs = 0;
    this.onPop = () => this.fromUrl();
    /** @type {ResizeObserver | null} */
    this.resize = null;
    this.lastWidth = 0;
    /** @type {Map<string, any>} engine diffs and collations of the current model: value, or undefined while pending */
    this.engineCache = new Map();
    /** the `sel#s` of the sentence last scrolled into view */
    this.shownTarget = '';
    /** @type {boolean | undefined} whether the filters disclosure is open */
    this.filtersOpen = undefined;
    /** @type {import('./workspace.js').Workspace | null} the user's articles and corrections */
    this.workspace = null;
    /** @type {any} the export with the user's corrections applied */
    this.corrected = null;
    /** crashes of the engine in a row (recovery gives up after a few) */
    this.crashes = 0;
    /** @type {import('./storage.js').Correction[] | null} a shared bundle's corrections, shown but not stored */
    this.sharedCorrections = null;
  }

  /**
   * Shows a bundle (exports.js) or a bare export as it was shared: its export, with its corrections applied
   * but not stored (importing the bundle by file keeps them).
   * @param {any} json
   */
  showBundle(json) {
    showBundle(this, json);
  }

  /** A client whose worker's death starts the recovery. */
  newClient() {
    return new EngineClient({ onCrash: (err) => this.recover(err) });
  }

  /**
   * The worker died (its wasm trapped): start a new one, rebuild it from the page's and the stored
   * articles, and say so.
   * @param {Error} err
   */
  recover(err) {
    if (this.isConnected) recover(this, err);
  }

  /** Stops the running job: a new worker replaces the busy one and is rebuilt from the committed state. */
  cancel() {
    cancel(this);
  }

  /** The workspace changed: re-apply the corrections, redraw the panel and the view. */
  workspaceChanged() {
    if (this.model) this.useModel(this.model, this.engineBacked);
    else drawPanel(this, this.wsSlot);
  }

  /**
   * The text of an export of the current state (what the panel's buttons download).
   * @param {'bundle' | 'claims' | 'contradictions' | 'annotations'} kind
   */
  exportText(kind) {
    return exportText(this, kind).text;
  }

  /** The URL parameter prefix of this instance. */
  get prefix() {
    return this.getAttribute('state-key') ?? '';
  }

  get usesHistory() {
    return !this.hasAttribute('no-history');
  }

  connectedCallback() {
    this.client ??= this.newClient();
    this.workspace ??= createWorkspace(this);
    if (this.usesHistory) {
      window.addEventListener('popstate', this.onPop);
      this.state = parseState(location.search, this.prefix);
    }
    this.resize = new ResizeObserver(() => {
      const w = this.view.clientWidth;
      if (this.ix && this.state.view === 'timeline' && Math.abs(w - this.lastWidth) > 20) this.render();
    });
    this.resize.observe(this.view);
    queueMicrotask(() => this.reload());
  }

  disconnectedCallback() {
    this.loadedSrc = null;
    window.removeEventListener('popstate', this.onPop);
    this.resize?.disconnect();
    this.client?.terminate();
    this.client = null;
  }

  /**
   * @param {string} _name
   * @param {string | null} old
   * @param {string | null} value
   */
  attributeChangedCallback(_name, old, value) {
    // On upgrade the parsed `src` arrives here too; connectedCallback loads it, so only real changes reload.
    if (this.isConnected && old !== value) queueMicrotask(() => this.reload());
  }

  /** Loads the manifest and its articles, then runs the engine. */
  async reload() {
    const src = this.getAttribute('src');
    if (!src || !this.client || src === this.loadedSrc) return;
    this.loadedSrc = src;
    this.status.textContent = 'Loading articles…';
    try {
      const { manifest, articles, problems, shared } = await loadManifest(src);
      Object.assign(this, { manifest, articles, problems });
      if (shared) return this.showBundle(shared);
      await this.workspace?.ready;
      drawPanel(this, this.wsSlot);
      await this.analyse();
    } catch (err) {
      this.fail(err);
    }
  }

  /**
   * Runs the engine in the worker with the threshold of the state, on the page's articles and the
   * workspace's (or `user` instead of them, for a change being tried), showing progress.
   * @param {import('./storage.js').StoredArticle[]} [user]
   * @param {string} [label] what the progress bar says
   * @param {boolean} [rethrow] let the caller handle a failure (the workspace does)
   * @returns {Promise<(string | null)[]>} the id each of `user` became (null: rejected)
   */
  async analyse(user = this.workspace?.articles ?? [], label = 'Cross-referencing', rethrow = false) {
    const client = this.client;
    if (!client) return [];
    const t = this.state.t;
    const inputs = [...this.articles, ...user.map(toInput)];
    const step = (/** @type {number} */ done, /** @type {number} */ total) => {
      this.workspace?.progress(label, done, total);
      drawJob(this, this.wsSlot);
    };
    this.busy = true;
    this.status.textContent = `${label}: ${inputs.length} articles…`;
    this.workspace?.progress(label, 0, inputs.length + 1);
    drawPanel(this, this.wsSlot);
    try {
      const t0 = performance.now();
      const options = t ? { alignThreshold: Number(t) } : undefined;
      const { model, added } = await client.analyseWithIds(inputs, { manifest: this.manifest, options, progress: step });
      this.loadMs = Math.round(performance.now() - t0);
      this.busy = false;
      this.modelThreshold = t;
      this.workspace?.progress(null);
      this.useModel(model, true);
      this.dispatchEvent(new CustomEvent('storylines-ready', { bubbles: true, composed: true, detail: { articles: model.articles?.length ?? 0, ms: this.loadMs } }));
      return added.slice(this.articles.length);
    } catch (err) {
      this.busy = false;
      this.workspace?.progress(null);
      drawPanel(this, this.wsSlot);
      if (this.model && err instanceof Error && !rethrow) this.render();
      else if (!rethrow) this.fail(err);
      if (rethrow) throw err;
      return [];
    }
  }

  /** @param {unknown} err */
  fail(err) {
    const message = err instanceof Error ? err.message : String(err);
    this.status.textContent = `Could not load the articles: ${message}`;
    this.dispatchEvent(new CustomEvent('storylines-error', { bubbles: true, composed: true, detail: { message } }));
  }

  /**
   * Shows an export computed elsewhere (also used by tests and embedders).
   * @param {any} model
   */
  showModel(model) {
    // A model from elsewhere is not the worker's corpus: its diffs are computed in the page.
    this.useModel(model, false);
  }

  /**
   * @param {any} model
   * @param {boolean} backed whether the worker's corpus is this model's (for engine diffs and collations)
   */
  useModel(model, backed) {
    if (this.model !== model || !backed) this.engineCache = new Map();
    this.model = model;
    this.engineBacked = backed;
    if (backed) this.sharedCorrections = null;
    this.corrected = applyCorrections(model, this.sharedCorrections ?? this.workspace?.corrections ?? []);
    this.ix = indexModel(this.corrected);
    drawPanel(this, this.wsSlot);
    this.render();
  }

  /** Reads the state from the URL (back/forward). */
  fromUrl() {
    const next = parseState(location.search, this.prefix);
    const rerun = next.t !== this.state.t;
    const viewChanged = next.view !== this.state.view;
    this.state = next;
    if (rerun && this.articles.length) this.analyse();
    else this.render(viewChanged);
  }

  /**
   * The URL of the state with `patch` applied.
   * @param {Partial<State>} patch
   */
  href(patch) {
    const next = this.patched(patch);
    return `${location.pathname}${formatState(next, location.search, this.prefix)}${location.hash}`;
  }

  /**
   * A new state from a patch: changing view keeps the filters; changing a filter keeps the selection.
   * @param {Partial<State>} patch
   */
  patched(patch) {
    return withState(this.state, patch);
  }

  /**
   * Applies a state change: records it in history (a new entry, or replacing the current one for continuous
   * changes such as zooming and typing) and re-renders; a new threshold re-runs the engine.
   * @param {Partial<State>} patch
   * @param {boolean} [replace]
   */
  go(patch, replace = false) {
    const next = this.patched(patch);
    const viewChanged = next.view !== this.state.view;
    const rerun = next.t !== this.state.t;
    this.state = next;
    if (this.usesHistory) {
      const url = `${location.pathname}${formatState(next, location.search, this.prefix)}${location.hash}`;
      if (replace) history.replaceState(history.state, '', url);
      else history.pushState(history.state, '', url);
    }
    if (rerun) this.analyse();
    else this.render(viewChanged);
  }

  /**
   * A result of an optional engine call, cached per model; starts the call and re-renders when it arrives.
   * @param {string} key
   * @param {(client: EngineClient) => Promise<any>} call
   * @returns {any} the result, or null while pending or when the engine does not offer it
   */
  fromEngine(key, call) {
    if (this.engineCache.has(key)) return this.engineCache.get(key) ?? null;
    const client = this.client;
    if (!client || !this.engineBacked || this.busy || this.modelThreshold !== this.state.t) return null;
    const cache = this.engineCache;
    cache.set(key, null);
    call(client).then(
      (result) => {
        if (cache !== this.engineCache || !result) return;
        cache.set(key, result);
        this.render();
      },
      (err) => console.warn(`storylines: ${key} failed:`, err),
    );
    return null;
  }

  /**
   * Renders the navigation, the filters and the current view; keeps the keyboard focus where it was.
   * @param {boolean} [focusView] move the focus to the view's heading (after switching views)
   */
  render(focusView = false) {
    const ix = this.ix;
    if (!ix) return;
    const root = /** @type {ShadowRoot} */ (this.shadowRoot);
    const focused = /** @type {HTMLElement | null} */ (root.activeElement);
    const key = focused?.getAttribute('data-key');
    const sel = focused instanceof HTMLInputElement && focused.type === 'search' ? [focused.selectionStart, focused.selectionEnd] : null;

    const state = this.state;
    const d = derive(ix, state);
    /** @type {import('./views/common.js').ViewContext} */
    const ctx = {
      ix,
      d,
      state,
      href: (patch) => this.href(patch),
      go: (patch, replace) => this.go(patch, replace),
      announce: (m) => (this.status.textContent = m),
      user: this.workspace && !this.sharedCorrections ? { correct: (c) => this.workspace?.correct(c), undo: (id) => this.workspace?.undo(id), corrections: this.workspace.corrections, own: new Set(this.workspace.articles.map((a) => a.id)) } : undefined,
      engine: { diff: (a, b) => this.fromEngine(`diff ${a} ${b}`, (c) => c.diff(a, b)), collation: (id) => this.fromEngine(`collate ${id}`, (c) => c.collate(id)) },
    };
    // Navigation: real links, the current view marked for assistive technology.
    const counts = /** @type {Record<string, number>} */ ({
      sources: d.articles.length,
      timeline: d.events.length,
      claims: d.claims.length,
      contradictions: d.contradictions.length,
      quotes: d.quoteGroups.length + d.quotes.length,
      entities: d.entities.length,
      provenance: d.reuse.length,
    });
    this.nav.replaceChildren(
      h(
        'ul',
        {},
        VIEWS.map((v) => {
          const a = h('a', { href: this.href({ view: v, sel: '', s: '' }), 'aria-current': v === state.view ? 'page' : undefined, 'data-view': v, 'data-key': `nav:${v}` }, [
            TITLES[v],
            counts[v] !== undefined ? h('span', { class: 'count' }, [` ${counts[v]}`]) : null,
          ]);
          a.addEventListener('click', (ev) => {
            if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
            ev.preventDefault();
            this.go(v === state.view ? {} : { view: v, sel: '', s: '' });
          });
          return h('li', {}, [a]);
        }),
      ),
    );
    const threshold = this.client?.defaults?.alignThreshold ?? null;
    // The filters fold into a disclosure; closed at first on narrow screens, then as the user leaves it.
    this.filtersOpen ??= !matchMedia('(max-width: 48rem)').matches;
    const active = state.sources.length + state.entities.length + state.status.length + (state.from || state.to ? 1 : 0) + (state.q ? 1 : 0);
    const fold = /** @type {HTMLDetailsElement} */ (
      h('details', { class: 'filters-fold', open: this.filtersOpen }, [
        h('summary', { 'data-key': 'f-summary' }, [`Filters${active ? ` (${active} active)` : ''}`]),
        renderFilters(ctx, { defaultThreshold: threshold, busy: this.busy }),
      ])
    );
    fold.addEventListener('toggle', () => (this.filtersOpen = fold.open));
    this.filters.replaceChildren(fold);
    this.lastWidth = this.view.clientWidth;
    const width = this.lastWidth || 800;
    const views = /** @type {Record<string, () => HTMLElement>} */ ({
      overview: () => renderOverview(ctx),
      sources: () => renderSources(ctx),
      timeline: () => renderTimeline(ctx, width - 4),
      diff: () => renderDiff(ctx),
      claims: () => renderClaims(ctx),
      contradictions: () => renderContradictions(ctx),
      quotes: () => renderQuotes(ctx),
      entities: () => renderEntities(ctx),
      provenance: () => renderProvenance(ctx),
    });
    this.view.replaceChildren((views[state.view] ?? views.overview)());
    const diagnostics = [...this.problems, ...ix.model.diagnostics.map((/** @type {any} */ x) => `${x.article ?? 'bundle'}: ${x.message}`)];
    this.footer.replaceChildren(
      diagnostics.length
        ? h('details', { class: 'diagnostics' }, [h('summary', {}, [`Diagnostics (${diagnostics.length})`]), h('ul', {}, diagnostics.map((x) => h('li', {}, [x])))])
        : '',
    );
    const filtered = hasFilters(state) ? ` Filters show ${d.articles.length} of ${ix.model.articles.length} sources, ${d.events.length} events, ${d.claims.length} claims.` : '';
    const t = this.modelThreshold ? ` (alignment threshold ${this.modelThreshold})` : '';
    const said = `${ix.model.articles.length} articles cross-referenced in ${this.loadMs} ms${t}. ${TITLES[state.view]} view.${filtered}`;
    // The live region speaks only when what it says changes (not on every zoom step).
    if (this.status.textContent !== said) this.status.textContent = said;
    // A linked sentence is scrolled into view once per link.
    const target = /** @type {HTMLElement | null} */ (this.view.querySelector('.sentence.target'));
    const targetKey = `${state.sel}#${state.s}`;
    if (target && this.shownTarget !== targetKey) {
      this.shownTarget = targetKey;
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
      return;
    }
    // Keep the focus: the same control if it still exists, else the view's heading after a view switch.
    const again = key ? /** @type {HTMLElement | null} */ (root.querySelector(`[data-key="${CSS.escape(key)}"]`)) : null;
    if (focusView) /** @type {HTMLElement | null} */ (this.view.querySelector('h2'))?.focus();
    else if (again) {
      again.focus();
      if (sel && again instanceof HTMLInputElement) again.setSelectionRange(sel[0], sel[1]);
    }
  }
}
