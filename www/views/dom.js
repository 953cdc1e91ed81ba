// Tiny DOM helpers. Text is always set with textContent: article text is untrusted and never parsed as HTML.

/**
 * Creates an element with attributes and children (strings become text nodes).
 * @param {string} tag
 * @param {Record<string, string | number | boolean | undefined>} [attrs]
 * @param {(Node | string | null | undefined | false)[]} [children]
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/**
 * A string the user brought (a name, a headline, a quote) in its own bidirectional run: a <bdi>, so that its
 * direction and any override inside it never reorder the page's words around it.
 * @param {string | (Node | string)[]} content the string, or nodes that render it (highlighted pieces)
 * @returns {HTMLElement}
 */
export function bdi(content) {
  return h('bdi', {}, typeof content === 'string' ? [content] : content);
}

/**
 * Strings the user brought, each in its own run, with the page's separator between them.
 * @param {string[]} items
 * @param {string} sep
 * @returns {(Node | string)[]}
 */
export function bdiList(items, sep) {
  return items.flatMap((item, i) => (i ? [sep, bdi(item)] : [bdi(item)]));
}

/**
 * A string the user brought, isolated by the Unicode isolate marks (FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE) where no element can hold it: SVG text that mixes it with the page's words.
 * @param {string} text
 * @returns {string}
 */
export function isolated(text) {
  return `\u2068${text}\u2069`;
}

/**
 * The content of an SVG label that shows a string the user brought, perhaps shortened with a final "…": the
 * string in a <tspan class="isolate"> (its own bidirectional run, explorer.css), the ellipsis outside it.
 * @param {string} shown the label as drawn
 * @returns {(Node | string)[]}
 */
export function isolatedLabel(shown) {
  const cut = shown.endsWith('…') ? shown.slice(0, -1) : shown;
  const span = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
  span.setAttribute('class', 'isolate');
  span.textContent = cut;
  return cut === shown ? [span] : [span, '…'];
}
