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
 * @typedef {{ type: 'result', id: number, export: any, defaults?: { alignThreshold?: number } }} ResultMessage
 * @typedef {{ type: 'error', id: number, message: string }} ErrorMessage
 * @typedef {AnalyseRequest | DiffRequest | CollateRequest} Request
 * @typedef {ResultMessage | ErrorMessage} Response
 */

export const ANALYSE = 'analyse';
export const DIFF = 'diff';
export const COLLATE = 'collate';
export const RESULT = 'result';
export const ERROR = 'error';
