// The user's workspace in IndexedDB: the articles they added and their corrections, one object store per kind
// and a `meta` store with the schema version. Every change is one transaction (all of it lands or none);
// records are keyed by id, so two tabs writing the same article leave the last write. Reading checks each
// record: unreadable ones are left in place, skipped and counted, never a reason to lose the readable rest.
// A store written by a newer version is read but not written. Other tabs hear of changes on a
// BroadcastChannel. No DOM.

/** Schema of the records, stored in `meta`; raise it (and migrate in `migrate`) when records change shape. */
export const SCHEMA = 1;
/** IndexedDB version: 1 had the `articles` store only (records `{ id, text }`); 2 added `corrections` and `meta`. */
const DB_VERSION = 2;
const STORES = /** @type {const} */ (['articles', 'corrections', 'meta']);

/**
 * @typedef {object} StoredArticle
 * @property {string} id the article id (also the engine's: the stem of `name`)
 * @property {string} name the name handed to the engine, `{id}.{ext}`
 * @property {string} file the name the user's file had (or "pasted text")
 * @property {string} text
 * @property {number} updatedAt ms since the epoch
 *
 * @typedef {{ id: string, kind: string, at: number, [key: string]: any }} Correction
 *
 * @typedef {object} Loaded
 * @property {StoredArticle[]} articles
 * @property {Correction[]} corrections
 * @property {string[]} problems what could not be read, in words for the user
 * @property {boolean} readOnly whether changes cannot be saved (newer store, or no IndexedDB)
 */

/** @param {any} r */
export const isArticle = (r) =>
  !!r && typeof r === 'object' && typeof r.id === 'string' && r.id !== '' && typeof r.name === 'string' && typeof r.text === 'string' && typeof r.updatedAt === 'number';

/**
 * An article record of an older version brought to today's shape (a copy), or the record itself.
 * @param {any} r
 */
export function migrate(r) {
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || typeof r.text !== 'string' || isArticle(r)) return r;
  return { ...r, name: typeof r.name === 'string' ? r.name : `${r.id}.txt`, file: typeof r.file === 'string' ? r.file : `${r.id}.txt`, updatedAt: typeof r.updatedAt === 'number' ? r.updatedAt : 0 };
}

/** @param {any} r */
export const isCorrection = (r) => !!r && typeof r === 'object' && typeof r.id === 'string' && r.id !== '' && typeof r.kind === 'string' && typeof r.at === 'number';

/**
 * @template T
 * @param {IDBRequest<T>} req
 * @returns {Promise<T>}
 */
const done = (req) => new Promise((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));

/** @param {IDBTransaction} tx */
const committed = (tx) => new Promise((resolve, reject) => ((tx.oncomplete = () => resolve(undefined)), (tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('transaction aborted')))));

/**
 * Deletes a story's whole store (its articles, corrections and schema record). Another tab that has it open
 * closes it first (`onversionchange`), so the deletion is not blocked for long.
 * @param {string} name database name
 * @returns {Promise<void>}
 */
export function deleteStore(name) {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return done(indexedDB.deleteDatabase(name)).then(() => undefined);
}

export class WorkspaceStore {
  /**
   * @param {string} name database name (one per explorer `state-key`)
   */
  constructor(name) {
    this.name = name;
    /** @type {IDBDatabase | null} */
    this.db = null;
    this.readOnly = false;
    /** @type {string[]} */
    this.openProblems = [];
    /** @type {BroadcastChannel | null} */
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`storylines:${name}`) : null;
  }

  /** Opens (creating or upgrading) the database; falls back to reading only, or to memory, with a problem said. */
  async open() {
    if (typeof indexedDB === 'undefined') {
      this.readOnly = true;
      this.openProblems.push('this browser keeps no storage here: what you add lasts until the page is closed');
      return this;
    }
    try {
      const req = indexedDB.open(this.name, DB_VERSION);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onblocked = () => this.openProblems.push('another tab holds an older version of the store open');
      this.db = await done(req);
    } catch (err) {
      // A newer version of storylines upgraded the store: read what we understand, write nothing.
      if (err instanceof DOMException && err.name === 'VersionError') {
        this.db = await done(indexedDB.open(this.name));
        this.readOnly = true;
        this.openProblems.push('your stored articles were saved by a newer version of storylines: they are shown, but changes here are not saved');
      } else {
        this.readOnly = true;
        this.openProblems.push(`the store cannot be opened (${err instanceof Error ? err.message : String(err)}): what you add lasts until the page is closed`);
      }
    }
    if (this.db) this.db.onversionchange = () => this.db?.close();
    return this;
  }

  /**
   * Everything stored, checked record by record.
   * @returns {Promise<Loaded>}
   */
  async load() {
    const problems = [...this.openProblems];
    /** @type {Loaded} */
    const out = { articles: [], corrections: [], problems, readOnly: this.readOnly };
    const db = this.db;
    if (!db) return out;
    const names = STORES.filter((s) => db.objectStoreNames.contains(s));
    if (names.length < STORES.length) problems.push('the store is missing parts; what it has is shown');
    if (!names.length) return out;
    const tx = db.transaction(names, 'readonly');
    const get = (/** @type {string} */ s) => (names.includes(/** @type {any} */ (s)) ? done(tx.objectStore(s).getAll()) : Promise.resolve([]));
    const [articles, corrections, meta] = await Promise.all([get('articles'), get('corrections'), get('meta')]);
    const schema = meta.find((m) => m?.key === 'schema')?.value;
    if (typeof schema === 'number' && schema > SCHEMA && !this.readOnly) {
      this.readOnly = out.readOnly = true;
      problems.push('your stored articles were saved by a newer version of storylines: they are shown, but changes here are not saved');
    }
    const migrated = articles.map(migrate);
    const old = migrated.filter((a, i) => a !== articles[i] && isArticle(a));
    if (old.length && !this.readOnly) {
      await this.write({ articles: old });
      problems.push(`${old.length} article${old.length === 1 ? '' : 's'} stored by an older version of storylines ${old.length === 1 ? 'was' : 'were'} brought up to date`);
    }
    out.articles = migrated.filter(isArticle);
    out.corrections = corrections.filter(isCorrection);
    const bad = articles.length - out.articles.length + corrections.length - out.corrections.length;
    if (bad) problems.push(`${bad} stored record${bad === 1 ? '' : 's'} could not be read and ${bad === 1 ? 'was' : 'were'} left aside (the rest is intact)`);
    out.articles.sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1));
    out.corrections.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    return out;
  }

  /**
   * One atomic change: puts and deletes in both stores, in one transaction.
   * @param {{ articles?: StoredArticle[], corrections?: Correction[], deleteArticles?: string[], deleteCorrections?: string[] }} change
   */
  async write(change) {
    if (this.readOnly || !this.db) return;
    const tx = this.db.transaction(['articles', 'corrections', 'meta'], 'readwrite');
    const ok = committed(tx);
    const arts = tx.objectStore('articles');
    const cors = tx.objectStore('corrections');
    try {
      for (const a of change.articles ?? []) arts.put(a);
      for (const id of change.deleteArticles ?? []) arts.delete(id);
      for (const c of change.corrections ?? []) cors.put(c);
      for (const id of change.deleteCorrections ?? []) cors.delete(id);
      tx.objectStore('meta').put({ key: 'schema', value: SCHEMA });
    } catch (err) {
      // A record the store refuses: none of the change lands.
      tx.abort();
      await ok.catch(() => {});
      throw err;
    }
    await ok;
    this.channel?.postMessage('changed');
  }

  /** @param {() => void} listener called when another tab changed the store */
  onChange(listener) {
    if (this.channel) this.channel.onmessage = () => listener();
  }

  close() {
    this.channel?.close();
    this.db?.close();
  }
}

/**
 * Creates the stores a database lacks (a new one, or one from an older version).
 * @param {IDBDatabase} db
 */
function upgrade(db) {
  if (!db.objectStoreNames.contains('articles')) db.createObjectStore('articles', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('corrections')) db.createObjectStore('corrections', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
}
