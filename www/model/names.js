// How names a user brings are shown: a file name's control characters (bidi overrides and marks, other
// format and control characters) become visible code points instead of being obeyed, as a browser's
// download bar shows them, so a name cannot reorder or hide the page's own text. Pure; no DOM.

/**
 * Control (Cc) and format (Cf) characters, except the zero-width joiner and non-joiner that emoji sequences
 * and several scripts need to spell a name.
 */
const CONTROLS = /(?![\u200C\u200D])[\p{Cc}\p{Cf}]/gu;

/**
 * A file name with each control or format character written out as ⟨U+XXXX⟩.
 * @param {string} name
 * @returns {string}
 */
export function visibleName(name) {
  return name.replace(CONTROLS, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
