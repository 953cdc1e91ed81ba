// The user's stories: each is a space of its own (its articles and corrections in a store of its own,
// storage.js), listed in a small IndexedDB registry per explorer with its name, whether the name was chosen
// by the user, and which story was opened last and whether the sample is hidden. A story is named after the
// words its headlines share most until the user renames it. No DOM; never reads the articles' stores.

/**
 * @typedef {object} Story
 * @property {string} id `[a-z0-9-]`, also in the URL (`story=`)
 * @property {string} name
 * @property {boolean} named whether the user chose the name (else it follows the headlines)
 * @property {number} createdAt ms since the epoch
 *
 * @typedef {{ last: string, sampleHidden: boolean }} Settings
 */

/** The first story's id: its store is the workspace's historical one, so articles added before stories existed are in it. */
export const FIRST = 'mine';
const SETTINGS = '~settings';
/** The sample's name in a link (`?story=sample`); no story of the user's has it. */
export const SAMPLE = 'sample';

/** Words a headline name never leads with (function words, reporting verbs, bare numbers). */
const STOP = new Set(
  'a an the and or but of in on at to for from by with as is are was were be been has have had will would could should may might its it this that these those after before over under about into amid says said say new more than not no up out off how why what who when where which his her their our your'.split(
    ' ',
  ),
);

/**
 * The name of a story from its headlines: its three most common words (in at least two headlines when there
 * are several, ties by first appearance), in the case they are most often written; '' when none stands out.
 * @param {(string | null | undefined)[]} titles
 */
export function storyName(titles) {
  const heads = titles.filter((t) => typeof t === 'string' && t.trim());
  /** @type {Map<string, { n: number, first: number, forms: Map<string, number> }>} */
  const words = new Map();
  let pos = 0;
  for (const t of heads) {
    const seen = new Set();
    for (const w of String(t).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
      const key = w.toLowerCase().replace(/['’]s$/, '');
      if (key.length < 3 || STOP.has(key) || /^\d+$/.test(key) || seen.has(key)) continue;
      seen.add(key);
      const e = words.get(key) ?? { n: 0, first: pos++, forms: new Map() };
      e.n++;
      const form = w.replace(/['’]s$/, '');
      e.forms.set(form, (e.forms.get(form) ?? 0) + 1);
      words.set(key, e);
    }
  }
  const least = heads.length > 1 ? 2 : 1;
  const top = [...words.values()].filter((e) => e.n >= least).sort((a, b) => b.n - a.n || a.first - b.first).slice(0, 3);
  const cased = top.sort((a, b) => a.first - b.first).map((e) => [...e.forms].sort((x, y) => y[1] - x[1])[0][0]);
  const name = cased.join(' ');
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : '';
}

/**
 * A new story id: `mine` for the first, then a short one that no story has.
 * @param {Set<string>} taken
 * @param {number} now
 */
export function newStoryId(taken, now) {
  if (!taken.has(FIRST)) return FIRST;
  let n = now;
  while (taken.has(`s${n.toString(36)}`) || `s${n.toString(36)}` === SAMPLE) n++;
  return `s${n.toString(36)}`;
}

/**
 * The store name of a story's workspace: the first story keeps the historical name.
 * @param {string} base e.g. `storylines-workspace` or `storylines-workspace:left`
 * @param {string} id
 */
export const storeOf = (base, id) => (id === FIRST ? base : `${base}@${id}`);

/**
 * @template T
 * @param {IDBRequest<T>} req
 * @returns {Promise<T>}
 */
const done = (req) => new Promise((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));

export class StoryRegistry {
  /** @param {string} name database name (one per explorer `state-key`) */
  constructor(name) {
    this.name = name;
    /** @type {IDBDatabase | null} */
    this.db = null;
    /** @type {Story[]} */
    this.stories = [];
    /** @type {Settings} */
    this.settings = { last: '', sampleHidden: false };
  }

  /** Opens the registry and reads it (memory only when the browser keeps no storage). */
  async open() {
    if (typeof indexedDB === 'undefined') return this;
    try {
      const req = indexedDB.open(this.name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('stories', { keyPath: 'id' });
      this.db = await done(req);
      const all = await done(this.db.transaction('stories', 'readonly').objectStore('stories').getAll());
      this.stories = all.filter((s) => s && typeof s.id === 'string' && /^[a-z0-9-]{1,40}$/.test(s.id) && typeof s.name === 'string').sort((a, b) => a.createdAt - b.createdAt);
      const set = all.find((s) => s?.id === SETTINGS);
      if (set) this.settings = { last: typeof set.last === 'string' ? set.last : '', sampleHidden: !!set.sampleHidden };
    } catch {
      this.db = null;
    }
    return this;
  }

  /** @param {string} id */
  get(id) {
    return this.stories.find((s) => s.id === id) ?? null;
  }

  /** @param {(Story | ({ id: string } & Settings))[]} records */
  async put(records) {
    if (!this.db) return;
    const tx = this.db.transaction('stories', 'readwrite');
    for (const r of records) tx.objectStore('stories').put(r);
    await new Promise((resolve, reject) => ((tx.oncomplete = () => resolve(undefined)), (tx.onabort = tx.onerror = () => reject(tx.error))));
  }

  /**
   * Creates a story (named later from its headlines).
   * @param {number} now
   * @returns {Promise<Story>}
   */
  async create(now) {
    const story = { id: newStoryId(new Set(this.stories.map((s) => s.id)), now), name: 'New story', named: false, createdAt: now };
    this.stories.push(story);
    await this.put([story]);
    return story;
  }

  /**
   * Renames a story; `named` says whether the user chose the name.
   * @param {string} id @param {string} name @param {boolean} named
   */
  async rename(id, name, named) {
    const s = this.get(id);
    if (!s || !name.trim()) return;
    s.name = name.trim().slice(0, 120);
    s.named = named;
    await this.put([s]);
  }

  /**
   * Takes a story off the list (its store is the caller's to delete); the story opened next time is then the
   * sample, unless it was another.
   * @param {string} id
   */
  async remove(id) {
    this.stories = this.stories.filter((s) => s.id !== id);
    if (this.settings.last === id) await this.setSettings({ last: '' });
    if (!this.db) return;
    const tx = this.db.transaction('stories', 'readwrite');
    tx.objectStore('stories').delete(id);
    await new Promise((resolve, reject) => ((tx.oncomplete = () => resolve(undefined)), (tx.onabort = tx.onerror = () => reject(tx.error))));
  }

  /** @param {Partial<Settings>} patch */
  async setSettings(patch) {
    this.settings = { ...this.settings, ...patch };
    await this.put([{ id: SETTINGS, ...this.settings }]);
  }

  close() {
    this.db?.close();
  }
}
