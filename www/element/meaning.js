// Matching by meaning in the page (issue 19): before each engine run (after the sample's precomputed first
// render), the explorer has its worker fetch the sentence-embedding table (a separate asset of the page's own
// origin, engine/assets.js), so that a first load runs the engine once, with it; when a model shown was still
// aligned by wording alone, it re-runs the engine with it; it says which matching is in force. Opting
// out (`no-embeddings`), a missing table (404, a single file built without it) or an engine without
// `setEmbeddings` leave the engine working by wording, and the indicator says so. Owns only that sequence and
// the indicator's words; the engine, the views and the stored articles are elsewhere.
import { assets } from '../engine/assets.js';

/**
 * @typedef {'loading' | 'on' | 'off' | 'declined'} MeaningState
 *   loading: the table is being fetched; on: the engine has it; off: there is none (or the engine cannot take
 *   it); declined: the embedder opted out.
 * @typedef {{ state: MeaningState, why: string }} Meaning
 */

/**
 * What the explorer starts with: declined when the element has `no-embeddings`, else not yet fetched.
 * @param {HTMLElement} el
 * @returns {Meaning}
 */
export function initialMeaning(el) {
  return el.hasAttribute('no-embeddings') ? { state: 'declined', why: 'the page opted out' } : { state: 'loading', why: '' };
}

/**
 * The `matching` the engine will report for the next run.
 * @param {Meaning} meaning
 */
export function expectedMatching(meaning) {
  return meaning.state === 'declined' || meaning.state === 'off' ? 'words' : 'words+meaning';
}

/**
 * The indicator's text for a model (its `matching`) and the state of the table.
 * @param {any} model
 * @param {Meaning} meaning
 */
export function matchingText(model, meaning) {
  if (model?.matching === 'words+meaning') return 'Matching sentences by meaning and by wording.';
  if (meaning.state === 'loading') return 'Matching sentences by words only for now; the meaning model is loading…';
  return `Matching sentences by words only: ${meaning.why || 'no meaning model'}.`;
}

/**
 * Gives a client the table, once per client (a new worker after a cancel or a crash needs it again).
 * Resolves true when the engine has it; on failure records why and resolves false.
 * @param {import('../engine/client.js').EngineClient} client
 * @param {{ meaning: Meaning }} holder where the state is kept (the element)
 * @returns {Promise<boolean>}
 */
export async function giveTable(client, holder) {
  if (holder.meaning.state === 'declined' || holder.meaning.state === 'off') return false;
  const table = assets.embeddings();
  if (!table) {
    holder.meaning = { state: 'off', why: 'this build has no meaning model' };
    return false;
  }
  try {
    await client.useEmbeddings(table);
    holder.meaning = { state: 'on', why: '' };
    return true;
  } catch (err) {
    if (client.dead) return false;
    holder.meaning = { state: 'off', why: err instanceof Error ? err.message : String(err) };
    return false;
  }
}
