// The shared-sentences view: pairs of sentences from different sources that say the same thing, with the
// words they share and the score. Pure rendering.
import { h } from '../dom.js';

/**
 * @param {any} model the export
 * @returns {HTMLElement}
 */
export function renderShared(model) {
  const byId = new Map(model.articles.map((/** @type {any} */ a) => [a.id, a]));
  /** @param {{article: string, sentence: number}} ref */
  const quote = (ref) => {
    const a = byId.get(ref.article);
    const s = a?.sentences[ref.sentence];
    return h('blockquote', { 'data-article': ref.article, 'data-sentence': ref.sentence }, [
      h('cite', {}, [a?.outlet ?? a?.title ?? ref.article]),
      h('span', {}, [s ? a.text.slice(s.start, s.end) : '(missing sentence)']),
    ]);
  };
  const list = h('ol', { class: 'pairs', 'aria-label': 'Sentences shared by two sources' });
  for (const p of model.alignments) {
    list.append(
      h('li', { class: 'pair', 'data-testid': 'aligned-pair' }, [
        h('div', { class: 'pair-quotes' }, [quote(p.a), quote(p.b)]),
        h('p', { class: 'why' }, [`score ${p.score.toFixed(2)} · shared words: ${p.sharedWords.join(', ')}`]),
      ]),
    );
  }
  if (model.alignments.length === 0) list.append(h('li', {}, ['No two sources share a sentence at this threshold.']));
  return list;
}
