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

use crate::base::map::FastHash;
use crate::base::text::Lowercase as _;
use crate::base::text::TextRange;
use crate::input::article::Article;
use crate::xref::align::{Index, SentenceKey};
use serde::Serialize;
use similar::algorithms::DiffHook;
use std::borrow::Cow;
use std::collections::HashMap;
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

/// The words of a range of text: the same UAX #29 words as a sentence's tokens (`segment::tokens`), found
/// faster. A word boundary always falls between an ASCII space and an ASCII non-space, whatever surrounds them,
/// so the text is cut there into chunks segmented one by one: pure ASCII chunks by `ascii_words`, others by
/// the `unicode-segmentation` crate.
pub fn words(text: &str, range: TextRange) -> Vec<TextRange> {
    let s = range.slice(text);
    let b = s.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut ascii, mut space) = (0, true, false);
    for (i, &c) in b.iter().enumerate() {
        let ws = c.is_ascii_whitespace();
        if space && !ws && c.is_ascii() {
            chunk(s, start, i, ascii, range.start, &mut out);
            (start, ascii) = (i, true);
        }
        ascii &= c.is_ascii();
        space = ws;
    }
    chunk(s, start, b.len(), ascii, range.start, &mut out);
    out
}

/// The words of `s[start..end]` (offsets from `base`).
fn chunk(s: &str, start: usize, end: usize, ascii: bool, base: usize, out: &mut Vec<TextRange>) {
    let at = base + start;
    match (ascii, s.as_bytes().get(start..end), s.get(start..end)) {
        (true, Some(bytes), _) => ascii_words(bytes, at, out),
        (false, _, Some(text)) => {
            out.extend(text.unicode_word_indices().map(|(p, w)| TextRange::new(at + p, at + p + w.len())))
        }
        _ => {}
    }
}

/// The UAX #29 word-break class of an ASCII byte, as far as words go: letter, digit, `_`, a mid-word
/// punctuation mark (`MidLetter` `:`, `MidNum` `,` `;`, `MidNumLet` `.`, `Single_Quote` `'`), or other.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Under,
    MidLetter,
    MidNum,
    MidBoth,
    Other,
}

#[inline(always)]
fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Under,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidBoth,
        _ => Class::Other,
    }
}

/// The words of an ASCII chunk (rules WB5–WB13b of UAX #29 restricted to ASCII): letters, digits and `_` join;
/// a mid-word mark joins two letters (`:`, `.`, `'`) or two digits (`,`, `;`, `.`, `'`). A segment is a word
/// when it holds a letter or digit (as `unicode_word_indices` keeps segments with an alphanumeric).
fn ascii_words(b: &[u8], base: usize, out: &mut Vec<TextRange>) {
    let word = |c: Class| matches!(c, Class::Letter | Class::Digit | Class::Under);
    let mut i = 0;
    while let Some(&first) = b.get(i) {
        let start = i;
        let mut prev = class(first);
        i += 1;
        if !word(prev) {
            continue;
        }
        let mut alnum = prev != Class::Under;
        while let Some(&x) = b.get(i) {
            let c = class(x);
            if word(c) {
                alnum |= c != Class::Under;
                (prev, i) = (c, i + 1);
                continue;
            }
            let next = b.get(i + 1).map(|&y| class(y));
            let joins = match (prev, c) {
                (Class::Letter, Class::MidLetter | Class::MidBoth) => next == Some(Class::Letter),
                (Class::Digit, Class::MidNum | Class::MidBoth) => next == Some(Class::Digit),
                _ => false,
            };
            if !joins {
                break;
            }
            i += 2;
        }
        if alnum {
            out.push(TextRange::new(base + start, base + i));
        }
    }
}

/// Maps words, compared lowercased, to dense ids in order of first occurrence, so that the diff compares
/// integers and each word is hashed once rather than compared as a string at every step. A key of at most 8
/// bytes (most words) is packed into one integer, compared and hashed as such (lowercased on the way when it is
/// ASCII); a longer one borrows the text when it is lowercase already, else is lowercased into a buffer kept for
/// the next word and copied only when it is new. The hash is a fast unkeyed one (ids do not depend on it).
#[derive(Default)]
pub struct Interner<'t> {
    short: HashMap<u64, u32, FastHash>,
    ids: HashMap<Cow<'t, str>, u32, FastHash>,
    lower: String,
    next: u32,
}

/// A key of 1 to 8 bytes, none of them zero, as one integer (little-endian, zero-padded: two keys get the same
/// integer only when they are the same bytes); `lower` lowercases ASCII letters on the way.
fn packed(key: &[u8], lower: bool) -> Option<u64> {
    if key.is_empty() || key.len() > 8 || key.contains(&0) {
        return None;
    }
    Some(key.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(if lower { b.to_ascii_lowercase() } else { b })))
}

impl<'t> Interner<'t> {
    /// The id of a word.
    pub fn id(&mut self, word: &'t str) -> u32 {
        if !word.is_ascii() {
            return self.key(Cow::Owned(word.lowercase()));
        }
        if let Some(k) = packed(word.as_bytes(), true) {
            return self.packed_id(k);
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.long_id(Cow::Borrowed(word));
        }
        self.lower.clear();
        self.lower.push_str(word);
        self.lower.make_ascii_lowercase();
        if let Some(&id) = self.ids.get(self.lower.as_str()) {
            return id;
        }
        let key = Cow::Owned(self.lower.clone());
        self.long_id(key)
    }

    /// The id of a key taken as it is (already lowercased, or not a word).
    pub fn key(&mut self, key: Cow<'t, str>) -> u32 {
        match packed(key.as_bytes(), false) {
            Some(k) => self.packed_id(k),
            None => self.long_id(key),
        }
    }

    /// The next id, counted over both tables.
    fn fresh(next: &mut u32) -> u32 {
        let id = *next;
        *next = next.saturating_add(1);
        id
    }

    fn packed_id(&mut self, key: u64) -> u32 {
        let next = &mut self.next;
        *self.short.entry(key).or_insert_with(|| Interner::fresh(next))
    }

    fn long_id(&mut self, key: Cow<'t, str>) -> u32 {
        let next = &mut self.next;
        *self.ids.entry(key).or_insert_with(|| Interner::fresh(next))
    }

    /// The ids of the words at `ranges` of `text`.
    pub fn ids(&mut self, text: &'t str, ranges: &[TextRange]) -> Vec<u32> {
        ranges.iter().map(|r| self.id(r.slice(text))).collect()
    }
}

/// Collects the diff algorithm's events as [`Op`]s, merging adjacent equal runs and the deletions and insertions
/// between two equal runs into one operation (as `similar`'s `Replace` hook does).
#[derive(Default)]
struct Collect(Vec<Op>);

impl Collect {
    fn push(&mut self, op: Op) {
        if op.a.0 == op.a.1 && op.b.0 == op.b.1 {
            return;
        }
        let op = Op { tag: tag_of(op.tag, op.a, op.b), ..op };
        if let Some(last) = self.0.last_mut() {
            if (last.tag == Tag::Equal) == (op.tag == Tag::Equal) {
                last.a.1 = op.a.1;
                last.b.1 = op.b.1;
                last.tag = tag_of(last.tag, last.a, last.b);
                return;
            }
        }
        self.0.push(op);
    }
}

/// The tag of a change covering word ranges `a` and `b` (equal runs stay equal).
fn tag_of(tag: Tag, a: (usize, usize), b: (usize, usize)) -> Tag {
    match (tag, a.0 == a.1, b.0 == b.1) {
        (Tag::Equal, ..) => Tag::Equal,
        (_, true, _) => Tag::Insert,
        (_, _, true) => Tag::Delete,
        _ => Tag::Replace,
    }
}

impl DiffHook for Collect {
    type Error = std::convert::Infallible;
    fn equal(&mut self, a: usize, b: usize, len: usize) -> Result<(), Self::Error> {
        self.push(Op { tag: Tag::Equal, a: (a, a + len), b: (b, b + len) });
        Ok(())
    }
    fn delete(&mut self, a: usize, len: usize, b: usize) -> Result<(), Self::Error> {
        self.push(Op { tag: Tag::Delete, a: (a, a + len), b: (b, b) });
        Ok(())
    }
    fn insert(&mut self, a: usize, b: usize, len: usize) -> Result<(), Self::Error> {
        self.push(Op { tag: Tag::Insert, a: (a, a), b: (b, b + len) });
        Ok(())
    }
}

/// Myers' algorithm (`similar`'s, called directly: its `Algorithm` dispatch would compile every algorithm into
/// the wasm) over `a[ra]` and `b[rb]`.
fn myers(out: &mut Collect, a: &[u32], ra: std::ops::Range<usize>, b: &[u32], rb: std::ops::Range<usize>) {
    // Between adjacent anchors most stretches are empty on one side at least: no search needed.
    if ra.is_empty() || rb.is_empty() {
        out.push(Op { tag: Tag::Replace, a: (ra.start, ra.end), b: (rb.start, rb.end) });
        return;
    }
    match similar::algorithms::myers::diff_deadline_raw(out, a, ra, b, rb, None) {
        Ok(()) => {}
        Err(never) => match never {},
    }
}

/// Diffs two id sequences, patience style: the words that occur exactly once in each sequence are anchors; the
/// longest common run of anchors (Myers over the anchor sequences) splits both sequences into short stretches,
/// each anchored again on its own unique words (a few levels deep), then diffed with Myers. On rewritten text
/// this is far cheaper than one Myers over everything (whose cost grows with length times differences), and it
/// does not match common words ("the", "of") across unrelated sentences. Operations cover both sequences in
/// order, changes between two equal runs merged into one.
pub fn diff_ids(a: &[u32], b: &[u32]) -> Vec<Op> {
    // Ids are dense (an interner's); one beyond a few million is simply never an anchor.
    let n = a.iter().chain(b).max().map_or(0, |&m| (m as usize + 1).min(1 << 22));
    let mut count = vec![(0u8, 0u8); n];
    let mut out = Collect::default();
    anchored(&mut out, &mut count, a, 0..a.len(), b, 0..b.len(), 0);
    out.0
}

/// Myers over the whole of two id sequences, no anchoring (collation tables of short witnesses keep the longest
/// common subsequence of words).
pub fn myers_ids(a: &[u32], b: &[u32]) -> Vec<Op> {
    let mut out = Collect::default();
    myers(&mut out, a, 0..a.len(), b, 0..b.len());
    out.0
}

/// Anchors `a[ra]` against `b[rb]` on their unique common words and diffs the stretches between (see
/// [`diff_ids`]); `count` is all zeros on entry and on return.
fn anchored(
    out: &mut Collect,
    count: &mut [(u8, u8)],
    a: &[u32],
    ra: std::ops::Range<usize>,
    b: &[u32],
    rb: std::ops::Range<usize>,
    depth: usize,
) {
    let (Some(sa), Some(sb)) = (a.get(ra.clone()), b.get(rb.clone())) else { return };
    if depth >= 4 || sa.len().min(sb.len()) < 8 {
        myers(out, a, ra, b, rb);
        return;
    }
    for (xs, side) in [(sa, 0), (sb, 1)] {
        for &x in xs {
            if let Some(c) = count.get_mut(x as usize) {
                let k = if side == 0 { &mut c.0 } else { &mut c.1 };
                *k = k.saturating_add(1);
            }
        }
    }
    let unique = |x: u32| count.get(x as usize) == Some(&(1, 1));
    let pa: Vec<usize> = ra.clone().filter(|&i| a.get(i).is_some_and(|&x| unique(x))).collect();
    let pb: Vec<usize> = rb.clone().filter(|&j| b.get(j).is_some_and(|&x| unique(x))).collect();
    for &x in sa.iter().chain(sb) {
        if let Some(c) = count.get_mut(x as usize) {
            *c = (0, 0);
        }
    }
    if pa.is_empty() || pb.is_empty() {
        myers(out, a, ra, b, rb);
        return;
    }
    let ua: Vec<u32> = pa.iter().filter_map(|&i| a.get(i).copied()).collect();
    let ub: Vec<u32> = pb.iter().filter_map(|&j| b.get(j).copied()).collect();
    let mut anchors = Collect::default();
    myers(&mut anchors, &ua, 0..ua.len(), &ub, 0..ub.len());
    let (mut i, mut j) = (ra.start, rb.start);
    for op in anchors.0.iter().filter(|op| op.tag == Tag::Equal) {
        for k in 0..op.a.1 - op.a.0 {
            let (Some(&x), Some(&y)) = (pa.get(op.a.0 + k), pb.get(op.b.0 + k)) else { continue };
            anchored(out, count, a, i..x, b, j..y, depth + 1);
            out.push(Op { tag: Tag::Equal, a: (x, x + 1), b: (y, y + 1) });
            (i, j) = (x + 1, y + 1);
        }
    }
    anchored(out, count, a, i..ra.end, b, j..rb.end, depth + 1);
}

fn is_small(w: &str) -> bool {
    let w = w.lowercase();
    w.chars().count() <= 3 && crate::xref::align::is_stopword(&w)
}

/// Word-level diff of `a_range` of `a_text` against `b_range` of `b_text`.
pub fn word_diff(a_text: &str, a_range: TextRange, b_text: &str, b_range: TextRange) -> WordDiff {
    diff_words(a_text, words(a_text, a_range), b_text, words(b_text, b_range))
}

/// Word-level diff of two texts already cut into words (`a_words` of `a_text`, `b_words` of `b_text`).
pub fn diff_words(a_text: &str, a_words: Vec<TextRange>, b_text: &str, b_words: Vec<TextRange>) -> WordDiff {
    let mut interner = Interner::default();
    let ia = interner.ids(a_text, &a_words);
    let ib = interner.ids(b_text, &b_words);
    let ops = cleanup(diff_ids(&ia, &ib), |k| a_words.get(k).is_some_and(|r| is_small(r.slice(a_text))));
    WordDiff { a_words, b_words, ops }
}

/// Semantic cleanup: fold a single short function word that stands alone between two changes into them
/// (`small(k)` says whether word `k` of A is one), merging the changes around it.
fn cleanup(ops: Vec<Op>, small: impl Fn(usize) -> bool) -> Vec<Op> {
    let mut out = Collect::default();
    for (i, op) in ops.iter().enumerate() {
        let lone = op.tag == Tag::Equal
            && op.a.1 - op.a.0 == 1
            && i > 0
            && ops.get(i + 1).is_some_and(|n| n.tag != Tag::Equal)
            && small(op.a.0);
        out.push(if lone { Op { tag: Tag::Replace, ..*op } } else { *op });
    }
    out.0
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
    crate::base::order::sort_by(&mut pairs, |x, y| {
        y.score.total_cmp(&x.score).then_with(|| (x.a, x.b).cmp(&(y.a, y.b)))
    });
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
    crate::base::order::sort_by_key(&mut matched, |m| (m.0, m.1));
    // Moved: not on the longest increasing run of B indices along A's order.
    let bs: Vec<usize> = matched.iter().map(|m| m.1).collect();
    let keep = lis(&bs);
    let out_matched = matched
        .iter()
        .enumerate()
        .map(|(i, &(sa, sb, score))| {
            // A sentence's tokens are its words: no need to segment it again.
            let wa = a.sentences.get(sa).map_or_else(Vec::new, |s| s.tokens.clone());
            let wb = b.sentences.get(sb).map_or_else(Vec::new, |s| s.tokens.clone());
            Matched {
                a: sa,
                b: sb,
                score,
                moved: !keep.get(i).copied().unwrap_or(false),
                diff: diff_words(&a.text, wa, &b.text, wb),
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

    #[test]
    fn interner_numbers_words_in_order_of_first_sight_whatever_their_case_or_length() {
        let mut ix = Interner::default();
        // (word, id): short and long words, capitals, a non-ASCII word, keys with a zero byte (never packed).
        let cases = [
            ("The", 0),
            ("harbour", 1),
            ("the", 0),
            ("THE", 0),
            ("reconstruction", 2),
            ("Reconstruction", 2),
            ("harbours", 3),
            ("Ärzte", 4),
            ("ärzte", 4),
            ("eightchr", 5),
            ("EightChr", 5),
            ("ninechars", 6),
        ];
        for (word, id) in cases {
            assert_eq!(ix.id(word), id, "{word}");
        }
        assert_eq!(ix.key(Cow::Borrowed("harbour")), 1, "a key and a word of the same bytes meet");
        assert_eq!(ix.key(Cow::Borrowed("a\u{0}")), 7);
        assert_eq!(ix.key(Cow::Borrowed("a")), 8, "a zero byte is not padding");
        assert_eq!(ix.key(Cow::Borrowed("")), 9);
    }
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
    fn words_are_the_unicode_words() {
        let cases = [
            "Plain words, and 3.5 or 1,000; don't e.g. a:b a.b. _x__ __ x_1 '9 9' 9.a.",
            "“Quoted,” she said — naïve café’s 10’000 ‘x’ end",
            " \u{301}x a\u{301}b 😀 🇫🇷🇩🇪 \t\r\n\u{b}x\u{3000} \u{300}y ,\u{ad}z",
            "",
        ];
        for t in cases {
            assert_eq!(
                words(t, TextRange::new(0, t.len())),
                crate::input::segment::tokens(t, TextRange::new(0, t.len())),
                "{t:?}"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The fast word finder agrees with `unicode-segmentation` on any text (ASCII-heavy, with the marks
        /// that matter to UAX #29 and some non-ASCII letters, spaces, joiners and combining marks).
        #[test]
        fn words_agree_with_unicode_segmentation(t in "[a-zA-Z0-9 _.,;:'\"\t\n\r\u{b}\u{c}\u{85}\u{a0}\u{3000}\u{300}\u{301}\u{ad}\u{200d}é’‘“—😀🇫]{0,40}") {
            let r = TextRange::new(0, t.len());
            proptest::prop_assert_eq!(words(&t, r), crate::input::segment::tokens(&t, r));
        }
    }

    #[test]
    fn lis_marks_moved() {
        assert_eq!(lis(&[0, 1, 5, 2, 3]), [true, true, false, true, true]);
        assert_eq!(lis(&[]), Vec::<bool>::new());
    }
}
