// The user's workspace as the explorer sees it: the articles they added and their corrections, held in
// memory as the last committed state and kept in the store (storage.js). Every change to the articles is
// tried in the engine first and committed (memory, then one store transaction) only when it succeeded; a
// cancelled or crashed run leaves the committed state as it was. A workspace is one story's (stories.js); the
// sample's is read-only and starts a new story when the user adds something. Changes are serialised; another tab's
// change is picked up from the store. No DOM: the panel (workspace-panel.js) draws this state.
import { WorkspaceStore, isArticle, isCorrection } from './storage.js';
import { readFiles, readPaste, freeId, slug, PASTED } from './intake.js';
import { readBundle } from './exports.js';
import { Cancelled } from '../engine/client.js';

/**
 * @typedef {import('./storage.js').StoredArticle} StoredArticle
 * @typedef {import('./storage.js').Correction} Correction
 * @typedef {import('./intake.js').Rejected} Rejected
 *
 * @typedef {object} Host what the explorer provides
 * @property {(articles: StoredArticle[], label: string, corrections?: Correction[]) => Promise<(string | null)[]>} analyse
 *   runs the engine on the story's articles (`articles`, with the metadata of `corrections`, default the
 *   committed ones) and shows the result; resolves with the id each of `articles` became
 * @property {(then: (ws: Workspace) => Promise<unknown>) => Promise<unknown>} newStory on the read-only sample:
 *   creates a story of the user's own, opens it and runs `then` on its workspace
 * @property {() => Set<string>} baseIds ids of the page's own (non-workspace) articles
 * @property {(model: any) => string | null} diagnosticFor finds why an article was rejected (by id)
 * @property {() => void} changed the workspace changed (redraw the panel; re-apply corrections)
 */

/** @param {StoredArticle} a */
export const toInput = (a) => ({ name: a.name, text: a.text });

/**
 * The notice after an addition: what it added and what it refused (the refusals have their own cards).
 * @param {number} added articles added
 * @param {Rejected[]} refused what this addition could not add
 * @returns {string}
 */
export function additionNotice(added, refused) {
  const articles = `${added} article${added === 1 ? '' : 's'}`;
  if (!refused.length) return `${articles} added.`;
  const what = refused.length === 1 && refused[0].file === PASTED ? 'the pasted text was refused' : `${refused.length} file${refused.length === 1 ? '' : 's'} refused`;
  return added ? `${articles} added; ${what}, see below.` : `Nothing added: ${what}, see below.`;
}

export class Workspace {
  /**
   * @param {string} name the store's name
   * @param {Host} host
   * @param {boolean} [sample] the bundled sample: read-only, nothing stored; an addition starts a new story
   */
  constructor(name, host, sample = false) {
    this.store = new WorkspaceStore(name);
    this.host = host;
    this.sample = sample;
    /** @type {StoredArticle[]} committed articles */
    this.articles = [];
    /** @type {Correction[]} */
    this.corrections = [];
    /** @type {Rejected[]} files that could not be added, shown on their own cards until dismissed */
    this.errors = [];
    /** @type {string[]} what the store said (unreadable records, newer version…) */
    this.problems = [];
    /** @type {{ label: string, done: number, total: number } | null} the running job */
    this.job = null;
    /** @type {string} a short message about the last change */
    this.notice = '';
    /** @type {Promise<unknown>} the queue of changes */
    this.queue = Promise.resolve();
    this.ready = sample
      ? Promise.resolve()
      : this.load().catch((err) => {
          this.problems.push(`your stored articles cannot be read (${err instanceof Error ? err.message : String(err)})`);
        });
    if (!sample) this.store.onChange(() => this.enqueue(() => this.fromStore()));
  }

  async load() {
    await this.store.open();
    const loaded = await this.store.load();
    this.articles = loaded.articles;
    this.corrections = loaded.corrections;
    this.problems = loaded.problems;
  }

  /** Another tab changed the store: take its state (last write wins per record). */
  async fromStore() {
    const loaded = await this.store.load();
    const key = (/** @type {StoredArticle[]} */ xs) => xs.map((a) => `${a.id}@${a.updatedAt}`).join();
    this.corrections = loaded.corrections;
    if (key(loaded.articles) !== key(this.articles)) {
      await this.host.analyse(loaded.articles, 'Taking the articles another tab changed');
      this.articles = loaded.articles;
    }
    this.notice = 'Updated from another tab.';
    this.host.changed();
  }

  /**
   * Runs changes one after another.
   * @param {() => Promise<unknown>} job
   */
  enqueue(job) {
    const next = this.queue.then(job).catch((err) => {
      this.notice = err instanceof Error ? err.message : String(err);
      this.host.changed();
    });
    this.queue = next;
    return next;
  }

  /**
   * Creates a story of the user's own, opens it and runs `then` on its workspace (one of the element's story
   * switches, so that waiting for them waits for the addition too).
   * @param {(ws: Workspace) => Promise<unknown>} then
   */
  intoNewStory(then) {
    return this.host.newStory(then);
  }

  /** Ids in use: the page's articles and the workspace's. */
  taken() {
    return new Set([...this.host.baseIds(), ...this.articles.map((a) => a.id)]);
  }

  /** @param {Iterable<File>} files */
  addFiles(files) {
    const list = [...files];
    if (this.sample) return this.intoNewStory((ws) => ws.addFiles(list));
    return this.enqueue(async () => {
      const { articles, rejected } = await readFiles(list, this.taken());
      await this.commit(articles, [], `Adding ${articles.length} article${articles.length === 1 ? '' : 's'}`, [], rejected);
    });
  }

  /** @param {string} text */
  addText(text) {
    if (this.sample) return this.intoNewStory((ws) => ws.addText(text));
    return this.enqueue(async () => {
      const r = readPaste(text, this.taken());
      if ('error' in r) await this.commit([], [], 'Adding the pasted text', [], [r]);
      else await this.commit([r.article], [], 'Adding the pasted text');
    });
  }

  /** @param {string} id */
  remove(id) {
    return this.enqueue(() => this.commit([], [id], 'Removing an article'));
  }

  /**
   * Tries the workspace with `add` added and `drop` removed in the engine, then commits it, together with
   * `corrections`, in one store transaction. Resolves true when it committed; on cancel or failure nothing changes.
   * `refused` are inputs of the same addition refused before the engine: they get their cards and the notice
   * counts them with the ones the engine refuses.
   * @param {StoredArticle[]} add
   * @param {string[]} drop ids
   * @param {string} label
   * @param {Correction[]} [corrections]
   * @param {Rejected[]} [refused]
   * @returns {Promise<boolean>}
   */
  async commit(add, drop, label, corrections = [], refused = []) {
    this.errors.push(...refused);
    if (!add.length && !drop.length) {
      if (corrections.length) await this.store.write({ corrections });
      if (refused.length) this.notice = additionNotice(0, refused);
      this.host.changed();
      return true;
    }
    const replaced = new Set([...add.map((a) => a.id), ...drop]);
    const next = [...this.articles.filter((a) => !replaced.has(a.id)), ...add];
    let ids;
    try {
      ids = await this.host.analyse(next, label);
    } catch (err) {
      if (err instanceof Cancelled) this.notice = 'Cancelled: nothing was changed.';
      else {
        const failed = add.map((a) => ({ file: a.file, error: `not added: ${err instanceof Error ? err.message : String(err)}` }));
        this.errors.push(...failed);
        if (add.length) this.notice = additionNotice(0, [...refused, ...failed]);
      }
      this.host.changed();
      return false;
    }
    const rejected = new Set(next.filter((_, i) => !ids[i]).map((a) => a.id));
    const unread = add.filter((x) => rejected.has(x.id)).map((a) => ({ file: a.file, error: this.host.diagnosticFor(a.id) ?? 'the engine could not read it' }));
    this.errors.push(...unread);
    const kept = next.filter((a) => !rejected.has(a.id));
    const keptAdd = add.filter((a) => !rejected.has(a.id));
    this.articles = kept;
    await this.store.write({ articles: keptAdd, deleteArticles: drop, corrections });
    this.notice = drop.length ? 'Removed.' : additionNotice(keptAdd.length, [...refused, ...unread]);
    this.host.changed();
    return true;
  }

  /**
   * Stores a correction (replacing one with the same id) and redraws.
   * @param {Correction} c
   */
  correct(c) {
    return this.enqueue(async () => {
      const next = [...this.corrections.filter((x) => x.id !== c.id), c];
      if (c.kind === 'meta' && !(await this.rerun(next, 'Applying your details'))) return;
      this.corrections = next;
      await this.store.write({ corrections: [c] });
      this.host.changed();
    });
  }

  /** @param {string} id */
  undo(id) {
    return this.enqueue(async () => {
      const next = this.corrections.filter((x) => x.id !== id);
      if (this.corrections.some((x) => x.id === id && x.kind === 'meta') && !(await this.rerun(next, 'Restoring the found details'))) return;
      this.corrections = next;
      await this.store.write({ deleteCorrections: [id] });
      this.host.changed();
    });
  }

  /**
   * Runs the engine with the metadata of `corrections` (a metadata change is the engine's input, not a view
   * correction); false when cancelled or failed, with nothing changed.
   * @param {Correction[]} corrections
   * @param {string} label
   */
  async rerun(corrections, label) {
    try {
      await this.host.analyse(this.articles, label, corrections);
      return true;
    } catch (err) {
      this.notice = err instanceof Cancelled ? 'Cancelled: nothing was changed.' : `Not changed: ${err instanceof Error ? err.message : String(err)}`;
      this.host.changed();
      return false;
    }
  }

  /**
   * Takes in a bundle's articles and corrections (theirs win over ones with the same id).
   * @param {any} json a parsed bundle
   */
  importBundle(json) {
    if (this.sample) return this.intoNewStory((ws) => ws.importBundle(json));
    return this.enqueue(async () => {
      const { articles, corrections } = readBundle(json);
      const good = articles.filter(isArticle);
      const taken = new Set(this.host.baseIds());
      // An id the page's own articles already use gets a free one (the engine's id is the name's stem).
      const add = good.map((a) => {
        if (!taken.has(a.id)) return a;
        const id = freeId(slug(a.id), taken);
        return { ...a, id, name: `${id}${/\.[^.]+$/.exec(a.name)?.[0] ?? '.txt'}` };
      });
      const cs = corrections.filter(isCorrection);
      const skipped = articles.length - good.length + corrections.length - cs.length;
      // Articles and corrections land in one transaction: a cancelled or failed import stores neither.
      if (!(await this.commit(add, [], `Importing ${add.length} article${add.length === 1 ? '' : 's'}`, cs))) return;
      const ids = new Set(cs.map((c) => c.id));
      this.corrections = [...this.corrections.filter((c) => !ids.has(c.id)), ...cs];
      this.notice = `Imported ${add.length} article${add.length === 1 ? '' : 's'} and ${cs.length} correction${cs.length === 1 ? '' : 's'}${skipped ? `; ${skipped} unreadable record${skipped === 1 ? '' : 's'} skipped` : ''}.`;
      this.host.changed();
    });
  }

  /**
   * Progress of the running job.
   * @param {string | null} label null ends the job
   * @param {number} [done]
   * @param {number} [total]
   */
  progress(label, done = 0, total = 1) {
    this.job = label === null ? null : { label, done, total };
  }
}
