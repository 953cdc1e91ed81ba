// The main-thread side of the worker bridge: turns requests into Promises. No DOM, no state beyond the
// pending requests of one client; each explorer element owns its own client (and worker).
import { ANALYSE, DIFF, COLLATE, RESULT, ERROR } from './protocol.js';
import { assets } from './assets.js';

export class EngineClient {
  constructor() {
    /** @type {Worker} */
    this.worker = assets.worker();
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this.pending = new Map();
    this.nextId = 1;
    /** @type {{ alignThreshold?: number } | null} the engine's default options, known after the first result */
    this.defaults = null;
    this.worker.addEventListener('message', (event) => this.onMessage(event));
    this.worker.addEventListener('error', (event) => this.failAll(new Error(`the engine stopped: ${event.message || 'unknown error'}`)));
  }

  /** @param {MessageEvent<import('./protocol.js').Response>} event */
  onMessage(event) {
    const msg = event.data;
    const waiter = this.pending.get(msg.id);
    if (!waiter) return;
    this.pending.delete(msg.id);
    if (msg.type === RESULT) {
      this.defaults = msg.defaults ?? this.defaults;
      waiter.resolve(msg.export);
    }
    else if (msg.type === ERROR) waiter.reject(new Error(msg.message));
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
    return this.request({ type: ANALYSE, articles, manifest: extra.manifest, options: extra.options });
  }

  /**
   * The engine's pairwise diff of two articles of the last analysed corpus (null if the wasm has none).
   * @param {string} a
   * @param {string} b
   * @returns {Promise<any>}
   */
  diff(a, b) {
    return this.request({ type: DIFF, a, b });
  }

  /**
   * The engine's collation table of a claim or quote group (null if the wasm has none).
   * @param {string} of
   * @returns {Promise<any>}
   */
  collate(of) {
    return this.request({ type: COLLATE, of });
  }

  /**
   * @param {any} message a request without its id
   * @returns {Promise<any>}
   */
  request(message) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  terminate() {
    this.worker.terminate();
    this.failAll(new Error('the engine was stopped'));
  }
}
