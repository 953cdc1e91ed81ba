// Messages between the page (client.js) and the worker (worker.js). Shared typedefs only; no behaviour.

/**
 * @typedef {{ name: string, text?: string, bytes?: Uint8Array }} ArticleInput
 *   One article handed to the engine: a file name and its text or raw bytes.
 * @typedef {{ type: 'analyse', id: number, articles: ArticleInput[], manifest?: string, options?: object }} AnalyseRequest
 * @typedef {{ type: 'result', id: number, export: any, defaults?: { alignThreshold?: number } }} ResultMessage
 * @typedef {{ type: 'error', id: number, message: string }} ErrorMessage
 * @typedef {AnalyseRequest} Request
 * @typedef {ResultMessage | ErrorMessage} Response
 */

export const ANALYSE = 'analyse';
export const RESULT = 'result';
export const ERROR = 'error';
