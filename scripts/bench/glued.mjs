// The pipeline someone would glue together from the JavaScript peers today, to set against the whole storylines
// pipeline: sbd for sentences, chrono-node for dates (reference = publication date), compromise for people,
// places and organisations, MinHash LSH for candidate article pairs, and jsdiff diffWords on each candidate pair
// (the word-level comparison that cross-referencing needs). It stops at the deadline (the cap).
import * as peers from './peers.mjs';
import minhashPkg from 'minhash';
import { Capped } from './timing.mjs';

const { Minhash, LshIndex } = minhashPkg;

/**
 * @param {{name: string, text: string, published?: string}[]} articles
 * @param {number} deadline performance.now() value at which to stop
 */
export function glued(articles, deadline) {
  const steps = articles.length * 2;
  let done = 0;
  const check = () => {
    if (performance.now() > deadline) throw new Capped(done, steps);
  };
  const index = new LshIndex({ bandSize: 4 });
  const sigs = [];
  const annotated = [];
  for (let i = 0; i < articles.length; i++) {
    check();
    const a = articles[i];
    const ref = new Date(`${a.published ?? '2024-01-01'}T12:00:00Z`);
    annotated.push({ sentences: peers.sbdSentences(a.text), dates: peers.chronoDates(a.text, ref), entities: peers.compromiseEntities(a.text) });
    const m = new Minhash();
    for (const s of peers.shingles(a.text)) m.update(s);
    sigs.push(m);
    index.insert(i, m);
    done++;
  }
  let pairs = 0;
  for (let i = 0; i < articles.length; i++) {
    for (const j of index.query(sigs[i])) {
      if (j <= i) continue;
      check();
      peers.jsdiffWords(articles[i].text, articles[j].text);
      pairs++;
    }
    done++;
  }
  return { annotated: annotated.length, pairs };
}
