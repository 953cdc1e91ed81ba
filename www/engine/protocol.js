// Messages between the page (client.js) and the worker (worker.js). Shared typedefs only; no behaviour.

/**
 * @typedef {{ name: string, text?: string, bytes?: Uint8Array }} ArticleInput
 *   One article handed to the engine: a file name and its text or raw bytes.
 * @typedef {{ type: 'analyse', id: number, articles: ArticleInput[], manifest?: string, options?: object }} AnalyseRequest
 *   Builds a corpus (kept in the worker for later diffs and collations) and exports it.
 * @typedef {{ type: 'diff', id: number, a: string, b: string }} DiffRequest
 *   The engine's pairwise diff of two articles of the last analysed corpus; null when the wasm has none.
 * @typedef {{ type: 'collate', id: number, of: string }} CollateRequest
 *   The engine's collation table of a claim or quote group; null when the wasm has none.
 * @typedef {{ type: 'embeddings', id: number, url?: string, bytes?: Uint8Array }} EmbeddingsRequest
 *   Fetches the sentence-embedding table from `url` (the page's own origin), or takes its `bytes`, and gives it to every later analyse,
 *   so that sentences align by meaning too; answered by a result whose `export` is true, or an error (no table
 *   there, or a wasm without `setEmbeddings`), after which the engine goes on by wording alone.
 * @typedef {{ type: 'trap', id: number }} TrapRequest
 *   Test hook: makes the engine's wasm instance abort (a WebAssembly `unreachable`), as a Rust panic does.
 * @typedef {{ type: 'result', id: number, export: any, added?: (string | null)[], defaults?: { alignThreshold?: number } }} ResultMessage
 *   `added`: for an analyse, the id each input became (null: rejected, see the diagnostics).
 * @typedef {{ type: 'part', id: number, field: string, items: any[] }} PartMessage
 *   A slice of one large array of the coming result's export, in order: each arrives as its own message, so
 *   the page receives a large model in many short tasks instead of one long one; the result then carries
 *   that field empty and the client puts the slices back. Posted by the engine itself (`Corpus.postExport`,
 *   src/wasm.rs, which writes this shape) as soon as each slice is converted.
 * @typedef {{ type: 'progress', id: number, done: number, total: number, stage?: string }} ProgressMessage
 *   How far an analyse is: while reading, `done` of `total` steps (one per article, then one for the
 *   cross-referencing); then, with `stage` (posted as the engine's `Corpus.postExport` calls back), the
 *   cross-referencing's `done`-th of `total` stages has finished, its name in `stage` ("quote groups", …).
 * @typedef {{ type: 'error', id: number, message: string }} ErrorMessage
 * @typedef {{ type: 'crashed', message: string }} CrashedMessage
 *   The wasm instance trapped: the worker is unusable and closes itself; the page starts a new one.
 * @typedef {AnalyseRequest | DiffRequest | CollateRequest | EmbeddingsRequest | TrapRequest} Request
 * @typedef {ResultMessage | PartMessage | ProgressMessage | ErrorMessage | CrashedMessage} Response
 */

export const ANALYSE = 'analyse';
export const DIFF = 'diff';
export const COLLATE = 'collate';
export const EMBEDDINGS = 'embeddings';
export const TRAP = 'trap';
export const RESULT = 'result';
export const PART = 'part';
export const PROGRESS = 'progress';
export const ERROR = 'error';
export const CRASHED = 'crashed';
