// <storylines-explorer>: the explorer as a custom element in Shadow DOM. Loads articles (from `src`, a
// manifest, export or bundle URL, or from script: `element.articles = [...]`, `element.load(...)`), runs the
// engine in its own worker, keeps its state (view, filters, selection) in the URL and renders the views. Each
// instance owns its state; `state-key="x"` prefixes its URL parameters so that several explorers on one page
// do not interfere, and `no-history` keeps an instance out of the URL. Public surface (README, "Embedding"):
// attributes src, precomputed, no-embeddings, view, sources, filters, theme, height, state-key, no-history;
// properties articles, load(); events storylines-ready, storylines-select, storylines-error. The user's stories
// (workspace/stories.js) are spaces of their own: the URL's `story` names the one shown, and each is
// cross-referenced alone. Loading: a precomputed model of the sample's `src` articles is drawn first when it
// matches them (engine/precomputed.js), the engine's own result replaces it, and the embedding table is
// fetched after that first render and before the engine's run, so that the engine runs once (meaning.js).
import { EngineClient } from '../engine/client.js';
import { toInput } from '../workspace/workspace.js';
import { openDesk, enterStory, startingStory, nameStory, drawDesk, drawPanel, drawJob, exportText, recover, cancel, showBundle } from '../workspace/host.js';
import { metaManifest } from '../model/metadata.js';
import { applyCorrections } from '../model/corrections.js';
import { resolveInput, articlesOfExport } from './input.js';
import { assets } from '../engine/assets.js';
import { fetchPrecomputed, precomputedFor } from '../engine/precomputed.js';
import { initialMeaning, expectedMatching, matchingText, giveTable } from './meaning.js';
import { initialState, applyHeight } from './attributes.js';
import { selectionOf } from '../model/selection.js';
import { h, bdi } from '../views/dom.js';
import { pagingOf } from '../views/common.js';
import { visibleName } from '../model/names.js';
import { formatState, withState, emptyState, storyPatch, VIEWS, hasFilters } from '../model/state.js';
import { indexModel, derive, readable } from '../model/model.js';
import { renderFilters } from '../views/filters.js';
import { renderOverview } from '../views/overview.js';
import { renderSources } from '../views/sources.js';
import { renderTimeline } from '../views/timeline.js';
import { renderDiff } from '../views/diff.js';
import { renderClaims, renderContradictions, renderQuotes } from '../views/lists.js';
import { renderEntities } from '../views/entities.js';
import { renderProvenance } from '../views/provenance.js';

/** @typedef {import('../model/state.js').State} State */

/** Resolves in a later task (the browser may paint and handle input in between). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

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
  static observedAttributes = ['src', 'height', 'view', 'sources', 'filters'];

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
    const css = assets.stylesheet();
    /** @type {HTMLElement} */
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' }, ['Loading…']);
    /** @type {HTMLElement} which matching the engine used (by meaning, or words only and why) */
    this.matching = h('p', { class: 'matching', 'data-testid': 'matching' });
    /** @type {HTMLElement} */
    this.nav = h('nav', { class: 'views-nav', 'aria-label': 'Views' });
    /** @type {HTMLElement} */
    this.filters = h('div', { class: 'filters-slot' });
    /** @type {HTMLElement} the user's workspace panel */
    this.wsSlot = h('div', { class: 'workspace-slot' });
    /** @type {HTMLElement} */
    this.view = h('div', { class: 'view-slot', 'data-testid': 'view' });
    /** @type {HTMLElement} the story desk (switcher, name) */
    this.deskSlot = h('div', { class: 'desk-slot' });
    /** @type {HTMLElement} */
    this.footer = h('div', { class: 'footer' });
    /** @type {HTMLElement} */
    this.content = h('div', { class: 'content', part: 'content' }, [
      this.deskSlot,
      this.nav,
      h('div', { class: 'layout' }, [h('aside', { class: 'side', 'aria-label': 'Filters and settings' }, [this.wsSlot, this.filters]), this.view]),
      this.footer,
    ]);
    // One wrapper resets what a host page's styles would pass down by inheritance (explorer.css, `.frame`).
    root.append(css, h('div', { class: 'frame', part: 'frame' }, [this.status, this.matching, this.content]));
    /** @type {EngineClient | null} */
    this.client = null;
    /** @type {any} */
    this.model = null;
    /** @type {import('../model/model.js').Index | null} */
    this.ix = null;
    /** @type {State} */
    this.state = emptyState();
    /** @type {import('../engine/protocol.js').ArticleInput[]} the page's articles the engine runs on (`articles`) */
    this.inputs = [];
    /** whether the model shown is a loaded export or bundle (nothing for a threshold to re-run) */
    this.exported = false;
    /** @type {{ source: any } | null} what to load when connected: given while disconnected, or shown before a move */
    this.pending = null;
    /** @type {{ source: any } | null} the last source handed over from script (loaded again after a move) */
    this.scripted = null;
    /** @type {{ resolve: () => void, reject: (err: unknown) => void }[]} `load()` calls made while disconnected */
    this.waiters = [];
    this.loads = 0;
    this.manifest = '';
    /** @type {string[]} */
    this.problems = [];
    /** @type {string} threshold the current model was computed with */
    this.modelThreshold = '';
    this.busy = false;
    /** engine runs under way (`busy` while any is, or while the embedding table is being fetched for a re-run) */
    this.runs = 0;
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
    /** @type {import('../workspace/workspace.js').Workspace | null} the user's articles and corrections */
    this.workspace = null;
    /** @type {any} the export with the user's corrections applied */
    this.corrected = null;
    /** crashes of the engine in a row (recovery gives up after a few) */
    this.crashes = 0;
    /** @type {import('../workspace/storage.js').Correction[] | null} a shared bundle's corrections, shown but not stored */
    this.sharedCorrections = null;
    /** @type {import('../workspace/stories.js').StoryRegistry | null} the user's stories */
    this.stories = null;
    /** @type {Promise<unknown> | null} the registry being opened */
    this.deskReady = null;
    /** @type {Promise<void> | null} the first story being opened */
    this.firstStory = null;
    /** @type {string | null} the story whose articles the model shown was computed from */
    this.modelStory = null;
    /** @type {Promise<import('../engine/precomputed.js').Precomputed | null> | null} a precomputed model for the next analyse */
    this.preview = null;
    /** whether the model shown is the precomputed one (until the engine's own result replaces it) */
    this.precomputed = false;
    /** whether the first model has been drawn (the `storylines-first-render` mark) */
    this.drawn = false;
    /** counts the filter drawings, so that a deferred one yields to a later render */
    this.filterTurn = 0;
    /** @type {import('./meaning.js').Meaning} whether the engine matches by meaning */
    this.meaning = initialMeaning(this);
    /** @type {Map<string, { limit?: number, q?: string }>} how much of each long list is drawn, per model */
    this.lists = new Map();
    /** @type {{ ix: import('../model/model.js').Index, key: string, d: import('../model/model.js').Derived } | null} the last `derived` */
    this.memo = null;
    this.paging = pagingOf(this.lists, () => {
      drawPanel(this, this.wsSlot);
      this.render();
    });
  }

  /**
   * Opens a story ('' the sample): the URL names it, its workspace replaces the current one, the engine runs
   * on its articles alone. Resolves when it is shown.
   * @param {string} id
   */
  openStory(id) {
    this.go(storyPatch(id));
    return this.storySwitch;
  }

  /**
   * Shows the sample's place (without analysing: the caller does), the URL updated in place.
   * @param {boolean} remember open it next time
   */
  async showSample(remember) {
    this.state = this.patched({ story: '' });
    if (this.usesHistory) history.replaceState(history.state, '', this.href({}));
    this.storyShown = '';
    await enterStory(this, '', remember);
    drawDesk(this);
  }

  /** The state names another story than the workspace's: open it and cross-reference its articles. */
  switchStory() {
    const id = this.state.story;
    // A switch the state has moved on from by its turn is skipped (a later one is queued for the story named now;
    // an addition that left its new story empty has gone back, and the story no longer exists).
    return this.afterSwitches(async () => {
      if (id === this.state.story) await this.enterShown(id);
    });
  }

  /**
   * Runs `job` after the story switches under way (they run one after another; `storySwitch` is the last).
   * @param {() => Promise<void>} job
   */
  afterSwitches(job) {
    this.storySwitch = this.storySwitch.then(job).catch((err) => {
      this.status.textContent = `The story could not be opened: ${err instanceof Error ? err.message : String(err)}`;
    });
    return this.storySwitch;
  }

  /**
   * Opens story `id`'s workspace unless it is open, runs `then` on it (the addition that starts a new story),
   * and cross-references the story unless the model shown is already its.
   * @param {string} id
   * @param {(ws: import('../workspace/workspace.js').Workspace) => Promise<unknown>} [then]
   */
  async enterShown(id, then) {
    if (!(this.workspace && this.workspace.sample === !id && this.storyShown === id)) {
      // A change under way finishes first.
      await this.workspace?.queue;
      await enterStory(this, id);
      this.storyShown = id;
      drawDesk(this);
      drawPanel(this, this.wsSlot);
    }
    if (then && this.workspace) await then(this.workspace);
    if (this.modelStory !== id && (id || !this.exported)) await this.analyse();
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

  /** The page's articles the engine runs on (the workspace's own are apart); setting them loads them (`load`). */
  get articles() {
    return this.inputs;
  }

  set articles(list) {
    this.load(list).catch(() => {});
  }

  connectedCallback() {
    this.client ??= this.newClient();
    // The worker compiles its wasm beside the articles' fetch, unless a precomputed model is to be drawn first:
    // then it starts after that first render (its first request), not competing with it.
    if (!this.hasAttribute('precomputed')) this.client.start();
    /** @type {Promise<unknown>} story switches, one after another */
    this.storySwitch ??= Promise.resolve();
    this.storyShown ??= '';
    this.deskReady ??= openDesk(this).then((reg) => (this.stories = reg));
    // A property set before the element was defined shadows the accessor: take it over.
    if (Object.hasOwn(this, 'articles')) {
      const list = /** @type {any} */ (this).articles;
      delete (/** @type {any} */ (this).articles);
      this.pending = { source: list };
    }
    applyHeight(this, this.getAttribute('height'));
    this.state = initialState(this.stateAttributes(), this.usesHistory ? location.search : '', this.prefix);
    if (this.usesHistory) window.addEventListener('popstate', this.onPop);
    this.resize = new ResizeObserver(() => {
      const w = this.view.clientWidth;
      if (this.ix && this.state.view === 'timeline' && Math.abs(w - this.lastWidth) > 20) this.render();
    });
    this.resize.observe(this.view);
    queueMicrotask(() => this.reload());
  }

  disconnectedCallback() {
    this.loadedSrc = null;
    // A move (disconnect, then connect) stops the worker; what script handed over is loaded again.
    this.pending ??= this.scripted;
    window.removeEventListener('popstate', this.onPop);
    this.resize?.disconnect();
    this.client?.terminate();
    this.client = null;
  }

  /** The attributes that set the initial state. */
  stateAttributes() {
    return { view: this.getAttribute('view'), sources: this.getAttribute('sources'), filters: this.getAttribute('filters') };
  }

  /**
   * @param {string} name
   * @param {string | null} old
   * @param {string | null} value
   */
  attributeChangedCallback(name, old, value) {
    // On upgrade the parsed attributes arrive here too; connectedCallback applies them, so only real changes act.
    if (!this.isConnected || old === value) return;
    if (name === 'height') applyHeight(this, value);
    else if (name === 'src') queueMicrotask(() => this.reload());
    else if (this.ix) {
      // view, sources, filters: move to the state they describe (the selection is kept when the view is).
      const { view, sources, entities, status, from, to, q } = initialState(this.stateAttributes(), '', '');
      this.go({ view, sources, entities, status, from, to, q, ...(view === this.state.view ? {} : { sel: '', s: '' }) });
    }
  }

  /** Loads what `load()` was given before the element was connected, else the `src` attribute. */
  async reload() {
    if (!this.client) return;
    if (this.pending) {
      const { source } = this.pending;
      this.pending = null;
      const waiters = this.waiters.splice(0);
      this.load(source).then(
        () => waiters.forEach((w) => w.resolve()),
        (err) => waiters.forEach((w) => w.reject(err)),
      );
      return;
    }
    const src = this.getAttribute('src');
    if (!src || src === this.loadedSrc) return;
    this.loadedSrc = src;
    this.load(src).catch(() => {});
    this.scripted = null;
  }

  /**
   * Loads a manifest, export or bundle URL, an export or bundle object, or a list of articles
   * (`[{name, text}]` or `{articles, manifest}`), replacing what was shown (the workspace's own articles
   * stay). Resolves when the explorer is ready (after `storylines-ready`); rejects on failure (after
   * `storylines-error`). A later load supersedes an earlier one.
   * @param {string | URL | object | unknown[]} source
   * @returns {Promise<void>}
   */
  async load(source) {
    if (!this.client) {
      this.pending = { source };
      return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    }
    this.scripted = { source };
    const ticket = ++this.loads;
    this.status.textContent = 'Loading articles…';
    // A precomputed model of the `src` articles is fetched alongside them (used only if it is theirs).
    const pre = this.getAttribute('precomputed');
    const preview = typeof source === 'string' && pre && !this.state.t ? fetchPrecomputed(pre) : null;
    try {
      const input = await resolveInput(source);
      if (ticket !== this.loads) return;
      if (input.kind === 'export') {
        // Shown as it was shared (workspace-host.js); its articles also go to the worker, for the diffs and
        // collations an export does not store. It is nobody's story: the sample's read-only workspace.
        await this.deskReady;
        if (ticket !== this.loads) return;
        if (this.state.story || !this.workspace) await this.showSample(false);
        Object.assign(this, { inputs: [], manifest: '', problems: [], exported: true, modelThreshold: '' });
        this.showBundle(input.model);
        const { articles, manifest } = articlesOfExport(this.model);
        const t0 = performance.now();
        await this.client?.analyse(articles, { manifest });
        if (ticket !== this.loads) return;
        Object.assign(this, { inputs: articles, manifest, engineBacked: true, engineCache: new Map() });
        this.loadMs = Math.round(performance.now() - t0);
        this.render();
        this.ready('export');
        return;
      }
      const { manifest, articles, problems } = input;
      Object.assign(this, { inputs: articles, manifest, problems, exported: false });
      await this.deskReady;
      // The first load opens the story the URL or the last visit names (once, however many loads overlap).
      const first = !this.firstStory;
      const reg = this.stories;
      if (reg) {
        this.firstStory ??= (async () => {
          this.state.story = startingStory(reg, this.state.story);
          await enterStory(this, this.state.story);
          this.storyShown = this.state.story;
          drawDesk(this);
        })();
        await this.firstStory;
      }
      // Articles handed over from script later are shown: they are the sample's place, not the user's story.
      if (!first && this.state.story && typeof source !== 'string' && !(source instanceof URL)) await this.showSample(true);
      await this.workspace?.ready;
      if (ticket !== this.loads) return;
      drawPanel(this, this.wsSlot);
      this.preview = preview;
      await this.analyse(undefined, undefined, true);
      this.matchByMeaning(ticket);
    } catch (err) {
      if (ticket === this.loads) this.fail(err);
      throw err;
    }
  }

  /**
   * Tells the host the explorer shows a model.
   * @param {'articles' | 'export'} from
   */
  ready(from) {
    const detail = { articles: this.model?.articles?.length ?? 0, ms: this.loadMs, from };
    this.dispatchEvent(new CustomEvent('storylines-ready', { bubbles: true, composed: true, detail }));
  }

  /** Re-runs the engine for a new threshold; a loaded export says why it cannot. */
  rerun() {
    if (!this.exported) {
      this.analyse();
      return;
    }
    this.render();
    this.status.textContent = 'This is a loaded export, shown as it was computed: the alignment threshold applies only when the explorer cross-references articles itself.';
  }

  /**
   * Runs the engine in the worker with the threshold of the state, on the page's articles and the
   * workspace's (or `user` instead of them, for a change being tried), showing progress.
   * @param {import('../workspace/storage.js').StoredArticle[]} [user]
   * @param {string} [label] what the progress bar says
   * @param {boolean} [rethrow] let the caller handle a failure (the workspace does)
   * @param {import('../workspace/storage.js').Correction[]} [corrections] whose metadata the engine reads (default: the workspace's)
   * @returns {Promise<(string | null)[]>} the id each of `user` became (null: rejected)
   */
  async analyse(user = this.workspace?.articles ?? [], label = 'Cross-referencing', rethrow = false, corrections = this.workspace?.corrections ?? []) {
    const client = this.client;
    if (!client) return [];
    const t = this.state.t;
    const preview = this.preview;
    this.preview = null;
    // A story of the user's is analysed alone, with their metadata as the manifest; the sample is the page's articles.
    const story = !!this.state.story;
    const base = story ? [] : this.inputs;
    const inputs = [...base, ...user.map(toInput)];
    const manifest = story ? metaManifest(user, corrections) : this.manifest;
    // Reading the articles, one step each; then the engine's stages, each named as it finishes.
    const step = (/** @type {number} */ done, /** @type {number} */ total, /** @type {string | undefined} */ stage) => {
      this.workspace?.progress(stage ? `${label} (${stage} done)` : label, done, total);
      drawJob(this, this.wsSlot);
    };
    this.busy = true;
    this.runs++;
    this.status.textContent = `${label}: ${inputs.length} articles…`;
    this.workspace?.progress(label, 0, inputs.length + 1);
    drawPanel(this, this.wsSlot);
    let counted = false;
    try {
      if (preview && !story && !user.length && !t) await this.showPrecomputed(await preview);
      // The embedding table before the engine's run, so that it runs once (a first word-only run re-run with the
      // table would transfer and draw the whole model twice); after the sample's precomputed model is drawn, so
      // that its first render does not wait for it. A new worker (after a cancel or a crash) gets it again
      // (giveTable answers at once when it has it); a missing table leaves the run by wording alone.
      await giveTable(client, this);
      const t0 = performance.now();
      const options = t ? { alignThreshold: Number(t) } : undefined;
      const shown = this.state.story;
      const { model, added } = await client.analyseWithIds(inputs, { manifest, options, progress: step });
      this.modelStory = shown;
      this.loadMs = Math.round(performance.now() - t0);
      this.modelThreshold = t;
      this.workspace?.progress(null);
      this.exported = false;
      // Indexing, filtering and drawing a large model are tasks of their own, so that the page answers in between.
      await nextTask();
      this.useModel(model, true, true);
      await nextTask();
      if (this.ix) this.derived(this.ix, this.state);
      await nextTask();
      // The filters' entity groups, ranked by mentions once per model (thousands of entities on a large one), and
      // the names the views put in place of ids (built on first use).
      void this.ix?.entitiesByKind;
      if (this.ix) readable(this.ix, '');
      await nextTask();
      this.precomputed = false;
      // Busy until the new model is drawn: nothing reads a half-shown state as ready.
      this.busy = --this.runs > 0;
      counted = true;
      this.render(false, true);
      this.markDrawn('engine');
      this.ready('articles');
      return added.slice(base.length);
    } catch (err) {
      if (!counted) this.busy = --this.runs > 0;
      this.workspace?.progress(null);
      drawPanel(this, this.wsSlot);
      if (this.model && err instanceof Error && !rethrow) this.render();
      else if (!rethrow) this.fail(err);
      if (rethrow) throw err;
      return [];
    }
  }

  /**
   * Draws a precomputed model of the page's articles, when it is theirs and computed with the matching the
   * engine will use; the engine's own result replaces it.
   * @param {import('../engine/precomputed.js').Precomputed | null} pre
   */
  async showPrecomputed(pre) {
    const early = await precomputedFor(pre, this.manifest, this.inputs, expectedMatching(this.meaning));
    if (!early || this.model) return;
    this.precomputed = true;
    this.useModel(early, false);
    this.markDrawn('precomputed');
  }

  /**
   * Marks the first model drawn on the page's performance timeline (the browser benchmark reads it).
   * @param {'precomputed' | 'engine'} from
   */
  markDrawn(from) {
    if (this.drawn) return;
    this.drawn = true;
    performance.mark('storylines-first-render', { detail: { from } });
  }

  /**
   * After the first render: gives the worker the embedding table and, when the model shown was aligned by
   * wording alone, re-runs the engine with it (in the workspace's queue, so no change of the user's runs
   * beside it); a missing table leaves the model as it is and the indicator says why. A later `load` (its
   * `ticket` no longer the last) makes it give up, so that it never draws over what that load shows or says.
   * @param {number} ticket the load this follows
   */
  matchByMeaning(ticket) {
    if (this.meaning.state !== 'loading' || this.exported) return;
    const current = () => ticket === this.loads && !this.exported;
    const run = async () => {
      const client = this.client;
      if (!client || this.meaning.state !== 'loading' || !current()) return;
      // Busy from the first result on until the re-run with the table is drawn (or the table is known missing).
      this.busy = true;
      let ok = false;
      try {
        ok = await giveTable(client, this);
      } finally {
        this.busy = this.runs > 0;
      }
      if (!current()) return;
      if (ok && this.model?.matching === 'words') await this.analyse(undefined, 'Matching by meaning', true);
      else this.render();
    };
    if (this.workspace) this.workspace.enqueue(run);
    else run();
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
   * @param {boolean} [later] leave the drawing to the caller (it draws in a task of its own)
   */
  useModel(model, backed, later = false) {
    if (this.model !== model || !backed) this.engineCache = new Map();
    if (this.model !== model) this.lists.clear();
    this.model = model;
    this.engineBacked = backed;
    if (backed) this.sharedCorrections = null;
    this.corrected = applyCorrections(model, this.sharedCorrections ?? this.workspace?.corrections ?? []);
    this.ix = indexModel(this.corrected);
    nameStory(this);
    drawDesk(this);
    drawPanel(this, this.wsSlot);
    if (!later) this.render();
  }

  /** Reads the state from the URL (back/forward). */
  fromUrl() {
    const next = initialState(this.stateAttributes(), location.search, this.prefix);
    const rerun = next.t !== this.state.t;
    const viewChanged = next.view !== this.state.view;
    const story = next.story !== this.state.story;
    this.state = next;
    if (story && this.stories) this.switchStory();
    else if (rerun && this.model) this.rerun();
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
    const selected = next.sel !== this.state.sel || (next.sel && next.s !== this.state.s);
    const story = next.story !== this.state.story;
    this.state = next;
    if (this.usesHistory) {
      const url = `${location.pathname}${formatState(next, location.search, this.prefix)}${location.hash}`;
      if (replace) history.replaceState(history.state, '', url);
      else history.pushState(history.state, '', url);
    }
    if (story) this.switchStory();
    else if (rerun) this.rerun();
    else this.render(viewChanged);
    const selection = selected ? selectionOf(this.corrected ?? this.model, next) : null;
    if (selection) this.dispatchEvent(new CustomEvent('storylines-select', { bubbles: true, composed: true, detail: selection }));
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
   * What the views draw under the state's filters, kept until the model or a filter changes (on a large model
   * filtering is a task's worth of work, not to be repeated for a view switch or a redraw).
   * @param {import('../model/model.js').Index} ix
   * @param {State} state
   */
  derived(ix, state) {
    const key = JSON.stringify([state.q, state.sources, state.entities, state.status, state.from, state.to]);
    if (this.memo?.ix !== ix || this.memo.key !== key) this.memo = { ix, key, d: derive(ix, state) };
    return this.memo.d;
  }

  /**
   * Renders the navigation, the filters and the current view; keeps the keyboard focus where it was.
   * @param {boolean} [focusView] move the focus to the view's heading (after switching views)
   * @param {boolean} [filtersLater] draw the filters in a later task (after a new model)
   */
  render(focusView = false, filtersLater = false) {
    const ix = this.ix;
    if (!ix) return;
    const root = /** @type {ShadowRoot} */ (this.shadowRoot);
    const focused = /** @type {HTMLElement | null} */ (root.activeElement);
    const key = focused?.getAttribute('data-key');
    const sel = focused instanceof HTMLInputElement && focused.type === 'search' ? [focused.selectionStart, focused.selectionEnd] : null;

    const state = this.state;
    const d = this.derived(ix, state);
    /** @type {import('../views/common.js').ViewContext} */
    const ctx = {
      ix,
      d,
      state,
      href: (patch) => this.href(patch),
      go: (patch, replace) => this.go(patch, replace),
      announce: (m) => (this.status.textContent = m),
      // The sample is read-only: corrections and metadata belong to the user's own stories.
      user:
        this.workspace && !this.workspace.sample && !this.sharedCorrections
          ? { correct: (c) => this.workspace?.correct(c), undo: (id) => this.workspace?.undo(id), corrections: this.workspace.corrections, own: new Set(this.workspace.articles.map((a) => a.id)) }
          : undefined,
      paging: this.paging,
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
    const drawFilters = () => {
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
    };
    // After a new model the filters (a checkbox per source and per entity) are drawn in a task of their own, so
    // that on a large model neither drawing is one long task; a later render supersedes a pending one.
    const turn = ++this.filterTurn;
    if (filtersLater) {
      setTimeout(() => {
        if (turn !== this.filterTurn) return;
        drawFilters();
        if (key) /** @type {HTMLElement | null} */ (this.filters.querySelector(`[data-key="${CSS.escape(key)}"]`))?.focus();
      }, 0);
    } else drawFilters();
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
    // The engine's messages quote file names: their control characters are shown, not obeyed.
    const diagnostics = [
      ...this.problems.map((p) => [p]),
      ...ix.model.diagnostics.map((/** @type {any} */ x) => [bdi(visibleName(String(x.article ?? 'bundle'))), ': ', visibleName(String(x.message))]),
    ];
    this.footer.replaceChildren(
      diagnostics.length
        ? h('details', { class: 'diagnostics' }, [h('summary', {}, [`Diagnostics (${diagnostics.length})`]), h('ul', {}, diagnostics.map((x) => h('li', {}, x)))])
        : '',
    );
    const filtered = hasFilters(state) ? ` Filters show ${d.articles.length} of ${ix.model.articles.length} sources, ${d.events.length} events, ${d.claims.length} claims.` : '';
    const t = this.modelThreshold ? ` (alignment threshold ${this.modelThreshold})` : '';
    const how = this.precomputed ? ' when the page was built (the engine is running them again)' : ` in ${this.loadMs} ms${t}`;
    const said = `${ix.model.articles.length} articles cross-referenced${how}. ${TITLES[state.view]} view.${filtered}`;
    this.matching.textContent = matchingText(this.model, this.meaning);
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
