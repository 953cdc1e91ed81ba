//! Pairwise source diffs: the sentence alignment of two articles (matched, moved, only in one) and, for each
//! matched pair, a word-level diff with semantic cleanup.
//!
//! The diff algorithm itself is the `similar` crate's (Myers over interned word ids); tokenisation and cleanup
//! are ours. Tokens are whole words (UAX #29, compared lowercased), so a diff never splits a word; cleanup
//! folds a lone short function word between two changes into the change, so "at a high level" versus
//! "at a prohibitive level" reads as one replacement rather than a scatter. Operations are compact index
//! ranges over the word lists, in the spirit of `similar::DiffOp`, tagged equal/delete/insert/replace.
//! This module computes; it must not know the export's UTF-16 spans (the export converts).

#![warn(clippy::indexing_slicing)]

use crate::align::{Index, SentenceKey};
use crate::article::Article;
use crate::text::Lowercase as _;
use crate::text::TextRange;
use serde::Serialize;
use similar::algorithms::{myers, Capture, Replace};
use similar::DiffOp;
use unicode_segmentation::UnicodeSegmentation;

/// The tag of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Tag {
    /// The same words.
    Equal,
    /// Words only in A.
    Delete,
    /// Words only in B.
    Insert,
    /// Words of A replaced by words of B.
    Replace,
}

/// One operation over word indices: `a` and `b` are half-open ranges into the two word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Op {
    /// What happened.
    pub tag: Tag,
    /// Word range in A.
    pub a: (usize, usize),
    /// Word range in B.
    pub b: (usize, usize),
}

/// A word diff of two texts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WordDiff {
    /// Words of A (byte ranges into A's text).
    pub a_words: Vec<TextRange>,
    /// Words of B.
    pub b_words: Vec<TextRange>,
    /// Operations, in order, covering both word lists.
    pub ops: Vec<Op>,
}

/// The words of a range of text.
pub fn words(text: &str, range: TextRange) -> Vec<TextRange> {
    range
        .slice(text)
        .unicode_word_indices()
        .map(|(p, w)| TextRange::new(range.start + p, range.start + p + w.len()))
        .collect()
}

/// Runs the diff algorithm over interned word ids (one small instantiation of `similar` serves every caller).
pub fn diff_ids(a: &[String], b: &[String]) -> Vec<DiffOp> {
    let mut ids: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
    let mut ia: Vec<u32> = Vec::with_capacity(a.len());
    let mut ib: Vec<u32> = Vec::with_capacity(b.len());
    for (words, out) in [(a, &mut ia), (b, &mut ib)] {
        for w in words {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            out.push(*ids.entry(w.as_str()).or_insert(next));
        }
    }
    // Myers called directly (not through `similar::Algorithm`, whose dispatch would compile every algorithm
    // into the wasm), with `Replace` folding delete+insert into replacements.
    let mut hook = Replace::new(Capture::new());
    let done = myers::diff(&mut hook, &ia, 0..ia.len(), &ib, 0..ib.len());
    match done {
        Ok(()) => hook.into_inner().into_ops(),
        Err(never) => match never {},
    }
}

fn is_small(w: &str) -> bool {
    w.chars().count() <= 3 && crate::align::is_stopword(&w.lowercase())
}

/// Word-level diff of `a_range` of `a_text` against `b_range` of `b_text`.
pub fn word_diff(a_text: &str, a_range: TextRange, b_text: &str, b_range: TextRange) -> WordDiff {
    let a_words = words(a_text, a_range);
    let b_words = words(b_text, b_range);
    let ka: Vec<String> = a_words.iter().map(|r| r.slice(a_text).lowercase()).collect();
    let kb: Vec<String> = b_words.iter().map(|r| r.slice(b_text).lowercase()).collect();
    let raw = diff_ids(&ka, &kb);
    let mut ops: Vec<Op> = raw
        .iter()
        .map(|op| match *op {
            DiffOp::Equal { old_index, new_index, len } => {
                Op { tag: Tag::Equal, a: (old_index, old_index + len), b: (new_index, new_index + len) }
            }
            DiffOp::Delete { old_index, old_len, new_index } => {
                Op { tag: Tag::Delete, a: (old_index, old_index + old_len), b: (new_index, new_index) }
            }
            DiffOp::Insert { old_index, new_index, new_len } => {
                Op { tag: Tag::Insert, a: (old_index, old_index), b: (new_index, new_index + new_len) }
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                Op { tag: Tag::Replace, a: (old_index, old_index + old_len), b: (new_index, new_index + new_len) }
            }
        })
        .collect();
    ops = cleanup(ops, &ka);
    WordDiff { a_words, b_words, ops }
}

/// Semantic cleanup: merge adjacent non-equal ops, and fold a single short function word that stands alone
/// between two changes into them.
fn cleanup(ops: Vec<Op>, ka: &[String]) -> Vec<Op> {
    // Fold lone small equal words between changes.
    let mut folded: Vec<Op> = Vec::with_capacity(ops.len());
    for (i, op) in ops.iter().enumerate() {
        let lone = op.tag == Tag::Equal
            && op.a.1 - op.a.0 == 1
            && i > 0
            && ops.get(i + 1).is_some_and(|n| n.tag != Tag::Equal)
            && ops.get(i - 1).is_some_and(|p| p.tag != Tag::Equal)
            && ka.get(op.a.0).is_some_and(|w| is_small(w));
        folded.push(if lone { Op { tag: Tag::Replace, ..*op } } else { *op });
    }
    let mut out: Vec<Op> = Vec::with_capacity(folded.len());
    for op in folded {
        if let Some(last) = out.last_mut() {
            if last.tag != Tag::Equal && op.tag != Tag::Equal {
                last.a.1 = op.a.1;
                last.b.1 = op.b.1;
                last.tag = match (last.a.0 == last.a.1, last.b.0 == last.b.1) {
                    (true, _) => Tag::Insert,
                    (_, true) => Tag::Delete,
                    _ => Tag::Replace,
                };
                continue;
            }
            if last.tag == Tag::Equal && op.tag == Tag::Equal {
                last.a.1 = op.a.1;
                last.b.1 = op.b.1;
                continue;
            }
        }
        out.push(op);
    }
    out
}

/// A matched pair of sentences in a pairwise diff.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// Sentence index in A.
    pub a: usize,
    /// Sentence index in B.
    pub b: usize,
    /// Alignment score.
    pub score: f64,
    /// Whether the pair is out of order relative to the other matches (moved).
    pub moved: bool,
    /// The word diff.
    pub diff: WordDiff,
}

/// The diff of two articles.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PairDiff {
    /// Matched sentences, in A's order.
    pub matched: Vec<Matched>,
    /// Sentences only in A.
    pub only_a: Vec<usize>,
    /// Sentences only in B.
    pub only_b: Vec<usize>,
}

/// Diffs two articles: one-to-one sentence matching (greedy by score) and a word diff per match.
pub fn diff(a: &Article, b: &Article, threshold: f64) -> PairDiff {
    let arts = [a, b];
    let index = Index::build(&arts, &[]);
    let mut pairs = index.pairs(threshold);
    crate::order::sort_by(&mut pairs, |x, y| y.score.total_cmp(&x.score).then_with(|| (x.a, x.b).cmp(&(y.a, y.b))));
    let mut used_a = vec![false; a.sentences.len()];
    let mut used_b = vec![false; b.sentences.len()];
    let mut matched: Vec<(usize, usize, f64)> = Vec::new();
    for p in &pairs {
        let (ka, kb): (SentenceKey, SentenceKey) = if p.a.article == 0 { (p.a, p.b) } else { (p.b, p.a) };
        let (Some(ua), Some(ub)) = (used_a.get(ka.sentence), used_b.get(kb.sentence)) else { continue };
        if *ua || *ub {
            continue;
        }
        if let Some(x) = used_a.get_mut(ka.sentence) {
            *x = true;
        }
        if let Some(x) = used_b.get_mut(kb.sentence) {
            *x = true;
        }
        matched.push((ka.sentence, kb.sentence, p.score));
    }
    crate::order::sort_by_key(&mut matched, |m| (m.0, m.1));
    // Moved: not on the longest increasing run of B indices along A's order.
    let bs: Vec<usize> = matched.iter().map(|m| m.1).collect();
    let keep = lis(&bs);
    let out_matched = matched
        .iter()
        .enumerate()
        .map(|(i, &(sa, sb, score))| {
            let ra = a.sentences.get(sa).map_or(TextRange::new(0, 0), |s| s.range);
            let rb = b.sentences.get(sb).map_or(TextRange::new(0, 0), |s| s.range);
            Matched {
                a: sa,
                b: sb,
                score,
                moved: !keep.get(i).copied().unwrap_or(false),
                diff: word_diff(&a.text, ra, &b.text, rb),
            }
        })
        .collect();
    PairDiff {
        matched: out_matched,
        only_a: used_a.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i).collect(),
        only_b: used_b.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i).collect(),
    }
}

/// Marks the members of one longest strictly increasing subsequence.
// Indices `i` and `j` run below `n`, the length of both vectors indexed.
#[allow(clippy::indexing_slicing)]
fn lis(xs: &[usize]) -> Vec<bool> {
    let n = xs.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if xs.get(j) < xs.get(i) && len.get(j).copied().unwrap_or(0) + 1 > len.get(i).copied().unwrap_or(0) {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let mut keep = vec![false; n];
    let mut at = (0..n).max_by_key(|&i| (len.get(i).copied().unwrap_or(0), usize::MAX - i));
    while let Some(i) = at {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
        at = prev.get(i).copied().filter(|&p| p != usize::MAX);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(a: &str, b: &str) -> Vec<String> {
        let d = word_diff(a, TextRange::new(0, a.len()), b, TextRange::new(0, b.len()));
        d.ops
            .iter()
            .map(|op| {
                let wa: Vec<&str> = d.a_words[op.a.0..op.a.1].iter().map(|r| r.slice(a)).collect();
                let wb: Vec<&str> = d.b_words[op.b.0..op.b.1].iter().map(|r| r.slice(b)).collect();
                format!("{:?} [{}] [{}]", op.tag, wa.join(" "), wb.join(" "))
            })
            .collect()
    }

    #[test]
    fn word_diffs_with_cleanup() {
        assert_eq!(
            show("Trolling at a high level", "trolling at a prohibitive level"),
            ["Equal [Trolling at a] [trolling at a]", "Replace [high] [prohibitive]", "Equal [level] [level]"]
        );
        assert_eq!(
            show("the big red dog ran", "the small dog quickly ran"),
            [
                "Equal [the] [the]",
                "Replace [big red] [small]",
                "Equal [dog] [dog]",
                "Insert [] [quickly]",
                "Equal [ran] [ran]"
            ]
        );
        // A lone function word between two changes folds into one replacement.
        assert_eq!(
            show("sharp rise of prices", "slow fall of costs"),
            ["Replace [sharp rise of prices] [slow fall of costs]"]
        );
        // Never splits a word: "well-known" is two words, compared whole.
        assert_eq!(
            show("a well-known man", "a well-liked man"),
            ["Equal [a well] [a well]", "Replace [known] [liked]", "Equal [man] [man]"]
        );
    }

    #[test]
    fn lis_marks_moved() {
        assert_eq!(lis(&[0, 1, 5, 2, 3]), [true, true, false, true, true]);
        assert_eq!(lis(&[]), Vec::<bool>::new());
    }
}
