// Word-level differences between two short texts (sentences), for the diff view and the collation table.
// Pure: tokens are words and the whitespace/punctuation between them; the longest common subsequence of
// word tokens (case-insensitive) decides what is kept, deleted and inserted.

/**
 * @typedef {{ op: 'same' | 'del' | 'ins', text: string, other?: string }} DiffOp
 *   For `same`, `text` is a's spelling and `other` b's.
 */

/**
 * Splits a text into word and non-word tokens that concatenate back to the text.
 * @param {string} text
 * @returns {string[]}
 */
export function tokens(text) {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[^\p{L}\p{N}]+/gu) ?? [];
}

const isWord = (/** @type {string} */ t) => /[\p{L}\p{N}]/u.test(t);

/**
 * Word-level diff of `a` against `b`; concatenating `same`+`del` texts gives `a`, `same` (`other`)+`ins`
 * gives `b`.
 * Long inputs (over 400 tokens a side) fall back to one deletion and one insertion.
 * @param {string} a
 * @param {string} b
 * @returns {DiffOp[]}
 */
export function wordDiff(a, b) {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length > 400 || tb.length > 400) return merge([{ op: 'del', text: a }, { op: 'ins', text: b }]);
  const key = (/** @type {string} */ t) => (isWord(t) ? t.toLowerCase() : ' ');
  const n = ta.length;
  const m = tb.length;
  // LCS table over suffixes.
  const dp = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i][j] = key(ta[i]) === key(tb[j]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  /** @type {DiffOp[]} */
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(ta[i]) === key(tb[j])) {
      // Words match case-insensitively and separators match each other: keep both sides' spelling.
      ops.push({ op: 'same', text: ta[i], other: tb[j] });
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) ops.push({ op: 'del', text: ta[i++] });
    else ops.push({ op: 'ins', text: tb[j++] });
  }
  while (i < n) ops.push({ op: 'del', text: ta[i++] });
  while (j < m) ops.push({ op: 'ins', text: tb[j++] });
  return merge(cleanup(ops));
}

/**
 * Semantic cleanup: a run of changes with only separators (spaces, punctuation) or one short word kept in
 * between reads as one replacement — all of A's words struck, then all of B's — rather than a scatter.
 * @param {DiffOp[]} ops
 * @returns {DiffOp[]}
 */
function cleanup(ops) {
  /** @type {DiffOp[]} */
  const out = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].op === 'same') {
      out.push(ops[k++]);
      continue;
    }
    // A run of changes, absorbing weak "same" tokens that sit between two changes.
    let del = '';
    let ins = '';
    let end = k;
    for (let x = k; x < ops.length; x++) {
      const o = ops[x];
      if (o.op === 'del') del += o.text;
      else if (o.op === 'ins') ins += o.text;
      else {
        const weak = !isWord(o.text) || o.text.length <= 3;
        const nextChange = ops.slice(x + 1, x + 3).some((y) => y.op !== 'same');
        if (!(weak && nextChange)) break;
        del += o.text;
        ins += o.other ?? o.text;
      }
      end = x + 1;
    }
    if (del) out.push({ op: 'del', text: del });
    if (ins) out.push({ op: 'ins', text: ins });
    k = end;
  }
  return out;
}

/**
 * Joins neighbouring operations of the same kind.
 * @param {DiffOp[]} ops
 * @returns {DiffOp[]}
 */
function merge(ops) {
  /** @type {DiffOp[]} */
  const out = [];
  for (const o of ops) {
    if (!o.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === o.op) {
      last.text += o.text;
      if (o.op === 'same') last.other = (last.other ?? '') + (o.other ?? o.text);
    }
    else out.push({ ...o });
  }
  return out;
}

/**
 * Share of word tokens two texts have in common (0..1), from the diff.
 * @param {string} a
 * @param {string} b
 */
export function similarity(a, b) {
  const ops = wordDiff(a, b);
  let same = 0;
  let all = 0;
  for (const o of ops) {
    const words = tokens(o.text).filter(isWord).length;
    all += words;
    if (o.op === 'same') same += 2 * words;
    if (o.op === 'same') all += words;
  }
  return all ? same / all : 1;
}
