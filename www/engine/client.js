// The main-thread side of the worker bridge: turns requests into Promises. No DOM, no state beyond the
// pending requests of one client; each explorer element owns its own client (and worker, started by the first
// request). A worker that dies
// (its wasm trapped, or it failed outright) rejects what was pending with an EngineCrash and calls `onCrash`;
// the client is dead from then on and its owner starts a new one.
import { ANALYSE, DIFF, COLLATE, EMBEDDINGS, TRAP, RESULT, PART, PROGRESS, ERROR, CRASHED } from './protocol.js';
import { assets } from './assets.js';

/** The engine's worker died (not an ordinary error of one request). */
export class EngineCrash extends Error {}

/** The user cancelled the request (its worker was stopped). */
export class Cancelled extends Error {}

export class EngineClient {
  /** @param {{ onCrash?: (error: EngineCrash) => void }} [hooks] */
  constructor(hooks = {}) {
    /** @type {Worker | null} started by the first request, so that a page drawn from a precomputed model does not
     * compile the wasm while it draws its first render */
    this.started = null;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void, progress?: (done: number, total: number, stage?: string) => void, parts?: Map<string, any[]>}>} */
    this.pending = new Map();
    this.nextId = 1;
    this.dead = false;
    this.onCrash = hooks.onCrash;
    /** @type {{ alignThreshold?: number } | null} the engine's default options, known after the first result */
    this.defaults = null;
    /** @type {Promise<void> | null} the answer to the one `useEmbeddings` call this worker gets */
    this.table = null;
  }

  /** Starts the worker now (its wasm compiles while the page fetches the articles), unless it runs. */
  start() {
    return this.worker;
  }

  /** The worker, started on first use. */
  get worker() {
    if (this.started) return this.started;
    const worker = assets.worker();
    worker.addEventListener('message', (event) => this.onMessage(event));
    worker.addEventListener('error', (event) => this.crashed(`the engine stopped: ${event.message || 'unknown error'}`));
    return (this.started = worker);
  }

  /** @param {MessageEvent<import('./protocol.js').Response>} event */
  onMessage(event) {
    const msg = event.data;
    if (msg.type === CRASHED) return this.crashed(`the engine crashed: ${msg.message}`);
    const waiter = this.pending.get(msg.id);
    if (!waiter) return;
    if (msg.type === PROGRESS) return waiter.progress?.(msg.done, msg.total, msg.stage);
    if (msg.type === PART) {
      // Joined as the parts arrive, each in its own task (flattening them all when the result came was one long task).
      waiter.parts ??= new Map();
      const joined = waiter.parts.get(msg.field) ?? [];
      for (const item of msg.items) joined.push(item);
      waiter.parts.set(msg.field, joined);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === RESULT) {
      this.defaults = msg.defaults ?? this.defaults;
      if (waiter.parts && msg.export) for (const [field, joined] of waiter.parts) msg.export[field] = joined;
      waiter.resolve(msg);
    } else if (msg.type === ERROR) waiter.reject(new Error(msg.message));
  }

  /** @param {string} message */
  crashed(message) {
    if (this.dead) return;
    this.dead = true;
    this.started?.terminate();
    const error = new EngineCrash(message);
    this.failAll(error);
    this.onCrash?.(error);
  }

  /** @param {Error} error */
  failAll(error) {
    for (const w of this.pending.values()) w.reject(error);
    this.pending.clear();
  }

  /**
   * Cross-references articles in the worker.
   * @param {import('./protocol.js').ArticleInput[]} articles
   * @param {{ manifest?: string, options?: object }} [extra]
   * @returns {Promise<any>} the export model
   */
  analyse(articles, extra = {}) {
    return this.analyseWithIds(articles, extra).then((r) => r.model);
  }

  /**
   * Cross-references articles, reporting progress; also says which id each input became (null: rejected).
   * @param {import('./protocol.js').ArticleInput[]} articles
   * @param {{ manifest?: string, options?: object, progress?: (done: number, total: number, stage?: string) => void }} [extra]
   * @returns {Promise<{ model: any, added: (string | null)[] }>}
   */
  analyseWithIds(articles, extra = {}) {
    const { progress, ...rest } = extra;
    return this.request({ type: ANALYSE, articles, manifest: rest.manifest, options: rest.options }, progress).then((m) => ({ model: m.export, added: m.added ?? [] }));
  }

  /**
   * The engine's pairwise diff of two articles of the last analysed corpus (null if the wasm has none).
   * @param {string} a
   * @param {string} b
   * @returns {Promise<any>}
   */
  diff(a, b) {
    return this.request({ type: DIFF, a, b }).then((m) => m.export);
  }

  /**
   * The engine's collation table of a claim or quote group (null if the wasm has none).
   * @param {string} of
   * @returns {Promise<any>}
   */
  collate(of) {
    return this.request({ type: COLLATE, of }).then((m) => m.export);
  }

  /**
   * Has the worker fetch the sentence-embedding table (same origin), or hands it the table's bytes, for every
   * later analyse. Resolves when the engine has it; rejects when there is none or this wasm cannot take one.
   * @param {string | Uint8Array} table its URL or its bytes
   * @returns {Promise<void>}
   */
  useEmbeddings(table) {
    // Once per worker: a second call gets the first one's answer.
    this.table ??= this.request(typeof table === 'string' ? { type: EMBEDDINGS, url: table } : { type: EMBEDDINGS, bytes: table }).then(() => undefined);
    return this.table;
  }

  /** Test hook: makes the worker's wasm trap as a panic would (the client then reports a crash). */
  trap() {
    return this.request({ type: TRAP });
  }

  /**
   * @param {any} message a request without its id
   * @param {(done: number, total: number, stage?: string) => void} [progress]
   * @returns {Promise<any>} the result message
   */
  request(message, progress) {
    if (this.dead) return Promise.reject(new EngineCrash('the engine was stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** @param {Error} [reason] what pending requests are rejected with */
  terminate(reason = new Error('the engine was stopped')) {
    this.dead = true;
    this.started?.terminate();
    this.failAll(reason);
  }
}
