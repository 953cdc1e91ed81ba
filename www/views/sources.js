// The sources view: one card per article with its metadata, and a reader that shows the body with
// furniture folded away. Pure rendering: takes the export, returns DOM; keeps no state.
import { h } from '../dom.js';

/**
 * @param {any} model the export
 * @param {(id: string) => void} onOpen called when a card asks to open its article
 * @returns {HTMLElement}
 */
export function renderSources(model, onOpen) {
  const list = h('ul', { class: 'cards', 'aria-label': 'Sources' });
  for (const a of model.articles) {
    const aligned = model.alignments.filter((p) => p.a.article === a.id || p.b.article === a.id).length;
    const meta = [
      a.outlet ?? 'outlet unknown',
      a.authors.length ? a.authors.join(', ') : 'author unknown',
      a.published ?? 'date unknown',
    ];
    const button = h('button', { type: 'button', class: 'link', 'data-article': a.id }, [a.title ?? '(no headline)']);
    button.addEventListener('click', () => onOpen(a.id));
    list.append(
      h('li', { class: 'card', 'data-testid': 'source-card' }, [
        h('h3', {}, [button]),
        h('p', { class: 'meta' }, [meta.join(' · ')]),
        h('p', { class: 'counts' }, [`${a.sentences.length} sentences · ${aligned} shared with other sources · ${a.furniture.length} furniture`]),
        h('p', { class: 'id' }, [a.id]),
      ]),
    );
  }
  return list;
}

/**
 * The reader: the article's text, sentences as spans, furniture in a folded details element.
 * @param {any} article one article of the export
 * @returns {HTMLElement}
 */
export function renderReader(article) {
  const body = h('div', { class: 'reader-body' });
  for (const p of article.paragraphs) {
    const para = h(p.kind === 'body' ? 'p' : 'h4', { class: `para ${p.kind}` });
    for (const s of article.sentences) {
      if (s.start >= p.start && s.end <= p.end) {
        para.append(h('span', { class: 'sentence', 'data-sentence': s.id }, [article.text.slice(s.start, s.end)]), ' ');
      }
    }
    body.append(para);
  }
  const furniture = h('details', { class: 'furniture' }, [
    h('summary', {}, [`Page furniture (${article.furniture.length})`]),
    h(
      'ul',
      {},
      article.furniture.map((/** @type {any} */ f) => h('li', {}, [h('span', { class: 'badge' }, [f.kind]), ' ', article.text.slice(f.start, f.end)])),
    ),
  ]);
  return h('article', { class: 'reader', 'aria-label': article.title ?? article.id }, [
    h('h3', {}, [article.title ?? '(no headline)']),
    body,
    furniture,
  ]);
}
