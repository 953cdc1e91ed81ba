//! A static sentence-embedding model (issue 19): BERT-uncased WordPiece tokens of a sentence looked up in a
//! table of int8 vectors (one scale per token, the token's weight folded in) and averaged, so that two
//! sentences that say the same thing in other words get a high cosine.
//!
//! The table (`data/embeddings.bin`, derived from all-MiniLM-L6-v2 by `scripts/distil-embeddings.py`) is data
//! the caller hands in at run time ([`Model::from_bytes`]); it is never compiled into the engine. A malformed
//! table is a [`TableError`], never a panic. The tokenizer follows BERT uncased (clean text, CJK characters
//! apart, lower case, accents stripped, split at whitespace and punctuation, greedy longest-match WordPiece
//! with `##` continuations) with small tables instead of the Unicode database: punctuation is ASCII's and the
//! general and CJK punctuation blocks, accents are stripped from Latin-1 and Latin Extended-A letters and
//! combining marks dropped.
//!
//! Owns tokenising, pooling and cosine only; must not compare articles or decide what aligns (that is
//! `xref::align`'s work), and does no IO.

#![warn(clippy::indexing_slicing)]

use crate::base::text::{fnv_byte, fnv_extend, FNV_BASIS};
use std::fmt;

/// The file's first eight bytes.
const MAGIC: &[u8; 8] = b"SLEMB1\0\0";
/// Longest word WordPiece splits (in characters); a longer one is unknown, as in BERT.
const MAX_WORD_CHARS: usize = 100;
/// Most dimensions a table may have (the distilled one has 128).
const MAX_DIMS: usize = 1024;

/// Why a table could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError(String);

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the embedding table cannot be read: {}", self.0)
    }
}

impl std::error::Error for TableError {}

fn bad(why: &str) -> TableError {
    TableError(why.to_string())
}

/// A sentence's vector: the mean of its tokens' vectors, with its length kept for cosines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Embedding {
    /// The mean vector (all zeros when no token of the sentence is in the table).
    pub vector: Vec<f32>,
    /// Its Euclidean length.
    pub norm: f32,
}

impl Embedding {
    /// The mean of several embeddings of one size (empty for none).
    pub fn mean(all: &[Embedding]) -> Embedding {
        let Some(first) = all.first() else { return Embedding::default() };
        let dims = first.vector.len();
        let mut sum = vec![0f32; dims];
        for e in all.iter().filter(|e| e.vector.len() == dims) {
            sum.iter_mut().zip(&e.vector).for_each(|(s, v)| *s += v);
        }
        let n = all.len() as f32;
        sum.iter_mut().for_each(|s| *s /= n);
        Embedding::of(sum)
    }

    /// A vector with its length.
    pub fn of(vector: Vec<f32>) -> Embedding {
        let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
        Embedding { vector, norm }
    }

    /// This embedding less `mean` (of a collection it belongs to): what is common to every sentence of the
    /// collection (its subject, the style of news prose) no longer makes two sentences alike. An empty
    /// embedding stays empty.
    pub fn centred(&self, mean: &Embedding) -> Embedding {
        if self.norm <= 0.0 || mean.vector.len() != self.vector.len() {
            return self.clone();
        }
        Embedding::of(self.vector.iter().zip(&mean.vector).map(|(v, m)| v - m).collect())
    }

    /// The cosine of two embeddings, 0 when either is empty or of another size.
    pub fn cosine(&self, other: &Embedding) -> f32 {
        if self.norm <= 0.0 || other.norm <= 0.0 || self.vector.len() != other.vector.len() {
            return 0.0;
        }
        let dot: f32 = self.vector.iter().zip(&other.vector).map(|(a, b)| a * b).sum();
        (dot / (self.norm * other.norm)).clamp(-1.0, 1.0)
    }
}

/// The loaded table: vocabulary, scales and int8 vectors.
#[derive(Clone)]
pub struct Model {
    dims: usize,
    /// The vocabulary, the tokens in id order separated by `\n`.
    words: String,
    /// Byte range of each token in `words`.
    spans: Vec<(u32, u32)>,
    /// Open-addressing hash table of the vocabulary: slot `hash & mask` onwards holds `id + 1` (0: empty),
    /// each hit checked against the token's text. Word-initial tokens are hashed from the FNV-1a offset basis,
    /// `##` continuations from the state after `##`, so a piece is looked up without building its string, and
    /// the hashes of all prefixes of a piece come from one pass (see [`Model::longest_piece`]).
    slots: Vec<u32>,
    scale: Vec<f32>,
    vectors: Vec<i8>,
    /// The id of `[UNK]`, what a word no piece of the vocabulary fits becomes.
    unknown: Option<u32>,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Model {{ tokens: {}, dims: {} }}", self.spans.len(), self.dims)
    }
}

/// Reads little-endian fields from the table, each read checked.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], TableError> {
        let end = self.at.checked_add(n).ok_or_else(|| bad(what))?;
        let out = self.bytes.get(self.at..end).ok_or_else(|| TableError(format!("it ends inside the {what}")))?;
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self, what: &str) -> Result<usize, TableError> {
        let b = self.take(4, what)?;
        let arr: [u8; 4] = b.try_into().map_err(|_| bad(what))?;
        usize::try_from(u32::from_le_bytes(arr)).map_err(|_| bad(what))
    }
}

impl Model {
    /// Reads a table in the format `scripts/distil-embeddings.py` writes (its docstring describes it).
    ///
    /// # Errors
    /// When the bytes are not such a table: wrong magic, sizes that do not fit the file, a vocabulary that is
    /// not UTF-8 or has another number of tokens, a scale that is not a finite number.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, TableError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8, "header")? != MAGIC {
            return Err(bad("it does not start with the storylines embedding magic"));
        }
        let tokens = r.u32("header")?;
        let dims = r.u32("header")?;
        if dims == 0 || dims > MAX_DIMS || tokens == 0 || tokens > u32::MAX as usize / 2 {
            return Err(TableError(format!("{tokens} tokens of {dims} dimensions is not a table")));
        }
        let vocab_len = r.u32("header")?;
        let words = std::str::from_utf8(r.take(vocab_len, "vocabulary")?)
            .map_err(|_| bad("the vocabulary is not UTF-8"))?
            .to_string();
        let scale: Vec<f32> = r
            .take(tokens.checked_mul(4).ok_or_else(|| bad("scales"))?, "scales")?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c.first(), c.get(1), c.get(2), c.get(3)].map(|b| b.copied().unwrap_or(0))))
            .collect();
        if scale.iter().any(|s| !s.is_finite() || *s < 0.0) {
            return Err(bad("a scale is not a finite non-negative number"));
        }
        let vectors: Vec<i8> = r
            .take(tokens.checked_mul(dims).ok_or_else(|| bad("vectors"))?, "vectors")?
            .iter()
            .map(|&b| i8::from_le_bytes([b]))
            .collect();
        if r.at != bytes.len() {
            return Err(bad("it has bytes after the vectors"));
        }
        let spans = token_spans(&words);
        if spans.len() != tokens {
            return Err(TableError(format!("the vocabulary has {} tokens, the header says {tokens}", spans.len())));
        }
        let slots = hash_table(&words, &spans);
        let mut model = Model { dims, words, spans, slots, scale, vectors, unknown: None };
        model.unknown = model.token_id("[UNK]");
        Ok(model)
    }

    /// Number of dimensions of a vector.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// Bytes the loaded table occupies in memory (vectors, scales, vocabulary and its look-up).
    pub fn memory(&self) -> usize {
        self.vectors.len() + self.scale.len() * 4 + self.words.len() + self.spans.len() * 8 + self.slots.len() * 4
    }

    /// The id of a token (`"bridge"`, `"##s"`), if the vocabulary has it.
    pub fn token_id(&self, token: &str) -> Option<u32> {
        match token.strip_prefix(CONTINUATION) {
            Some(rest) => self.find(rest.as_bytes(), true, fnv_extend(CONTINUATION_HASH, rest.as_bytes())),
            None => self.find(token.as_bytes(), false, fnv_extend(FNV_BASIS, token.as_bytes())),
        }
    }

    /// The id of the piece `bytes` (after `##` when `continued`) whose hash is `hash`.
    fn find(&self, bytes: &[u8], continued: bool, hash: u64) -> Option<u32> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = hash as usize & mask;
        loop {
            let slot = *self.slots.get(at)?;
            let id = slot.checked_sub(1)?;
            if self.token_bytes(id).is_some_and(|t| piece_is(t, bytes, continued)) {
                return Some(id);
            }
            at = (at + 1) & mask;
        }
    }

    fn token_bytes(&self, id: u32) -> Option<&[u8]> {
        let &(s, e) = self.spans.get(id as usize)?;
        self.words.as_bytes().get(s as usize..e as usize)
    }

    /// The WordPiece token ids of a text, as BERT uncased tokenises it (unknown words give `[UNK]`'s id).
    pub fn tokens(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        self.each_token(text, |id| out.push(id));
        out
    }

    /// Calls `f` with each WordPiece token id of a text, in order, allocating nothing per word or token.
    fn each_token(&self, text: &str, mut f: impl FnMut(u32)) {
        let mut pieces: Vec<u32> = Vec::new();
        each_word(text, |word| {
            self.wordpiece(word, &mut pieces);
            pieces.iter().for_each(|&id| f(id));
        });
    }

    /// Greedy longest-match-first WordPiece of one word, written to `out` (cleared first).
    fn wordpiece(&self, word: &str, out: &mut Vec<u32>) {
        out.clear();
        if word.len() > MAX_WORD_CHARS && word.chars().count() > MAX_WORD_CHARS {
            out.extend(self.unknown);
            return;
        }
        let mut start = 0usize;
        while start < word.len() {
            match self.longest_piece(word, start) {
                Some((id, end)) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    out.clear();
                    out.extend(self.unknown);
                    return;
                }
            }
        }
    }

    /// The longest token of the vocabulary that `word` has at byte `start` (a `##` continuation after the
    /// first piece), with the byte where it ends: the hashes of every prefix in one pass, then the longest
    /// first.
    fn longest_piece(&self, word: &str, start: usize) -> Option<(u32, usize)> {
        let rest = word.get(start..)?.as_bytes();
        let continued = start > 0;
        let mut hash = if continued { CONTINUATION_HASH } else { FNV_BASIS };
        // (end within `rest`, hash of rest[..end]) at every character boundary; a word is at most
        // MAX_WORD_CHARS characters.
        let mut ends = [(0usize, 0u64); MAX_WORD_CHARS];
        let mut n = 0usize;
        for (i, &b) in rest.iter().enumerate() {
            hash = fnv_byte(hash, b);
            let boundary = rest.get(i + 1).is_none_or(|&next| (next as i8) >= -0x40);
            if boundary {
                if let Some(slot) = ends.get_mut(n) {
                    *slot = (i + 1, hash);
                    n += 1;
                }
            }
        }
        ends.get(..n)?.iter().rev().find_map(|&(end, h)| {
            let piece = rest.get(..end)?;
            self.find(piece, continued, h).map(|id| (id, start + end))
        })
    }

    /// The embedding of a text: the mean of its tokens' vectors (tokens with a zero scale, such as `[UNK]`,
    /// are left out).
    pub fn embed(&self, text: &str) -> Embedding {
        let mut sum = vec![0f32; self.dims];
        let mut count = 0usize;
        self.each_token(text, |id| {
            let scale = self.scale.get(id as usize).copied().unwrap_or(0.0);
            let start = id as usize * self.dims;
            let Some(row) = self.vectors.get(start..start + self.dims) else { return };
            if scale <= 0.0 {
                return;
            }
            count += 1;
            add_scaled(&mut sum, row, scale);
        });
        if count > 0 {
            let n = count as f32;
            sum.iter_mut().for_each(|s| *s /= n);
        }
        Embedding::of(sum)
    }
}

/// `sum += scale × row`, in blocks of sixteen that the compiler turns into vector instructions (a plain loop
/// inside the pooling closure stayed scalar and was nine tenths of the embedding time).
#[inline(never)]
fn add_scaled(sum: &mut [f32], row: &[i8], scale: f32) {
    let mut sums = sum.chunks_exact_mut(16);
    let mut rows = row.chunks_exact(16);
    for (s, r) in (&mut sums).zip(&mut rows) {
        for (x, &q) in s.iter_mut().zip(r) {
            *x += scale * f32::from(q);
        }
    }
    for (x, &q) in sums.into_remainder().iter_mut().zip(rows.remainder()) {
        *x += scale * f32::from(q);
    }
}

/// The byte range of each `\n`-terminated token of the vocabulary block.
fn token_spans(words: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (i, b) in words.bytes().enumerate() {
        if b == b'\n' {
            out.push((start as u32, i as u32));
            start = i + 1;
        }
    }
    out
}

/// What every continuation token starts with.
const CONTINUATION: &str = "##";
/// FNV-1a's state after `##`: continuation pieces are hashed on from here.
const CONTINUATION_HASH: u64 = fnv_byte(fnv_byte(FNV_BASIS, b'#'), b'#');

/// Whether the vocabulary's token `token` is the piece `bytes` (after `##` when `continued`).
fn piece_is(token: &[u8], bytes: &[u8], continued: bool) -> bool {
    if continued {
        token.strip_prefix(CONTINUATION.as_bytes()) == Some(bytes)
    } else {
        token == bytes
    }
}

/// The open-addressing table of [`Model::find`]: a power of two at least twice the vocabulary, each token at
/// the first free slot from its hash on (a token already present keeps its first id, as a look-up of the
/// vocabulary's first occurrence would).
fn hash_table(words: &str, spans: &[(u32, u32)]) -> Vec<u32> {
    let size = (spans.len() * 2).next_power_of_two().max(2);
    let mask = size - 1;
    let mut slots = vec![0u32; size];
    for (id, &(s, e)) in spans.iter().enumerate() {
        let token = words.as_bytes().get(s as usize..e as usize).unwrap_or(&[]);
        let hash = match token.strip_prefix(CONTINUATION.as_bytes()) {
            Some(rest) => fnv_extend(CONTINUATION_HASH, rest),
            None => fnv_extend(FNV_BASIS, token),
        };
        let mut at = hash as usize & mask;
        loop {
            match slots.get(at).copied() {
                Some(0) => {
                    if let Some(slot) = slots.get_mut(at) {
                        *slot = id as u32 + 1;
                    }
                    break;
                }
                Some(other) => {
                    let same = spans
                        .get(other as usize - 1)
                        .and_then(|&(os, oe)| words.as_bytes().get(os as usize..oe as usize))
                        == Some(token);
                    if same {
                        break;
                    }
                }
                None => break,
            }
            at = (at + 1) & mask;
        }
    }
    slots
}

/// Accent-free lower-case letters of U+00C0–U+017F by code point (`.`: the letter has no accent to strip and
/// stays as it is: æ, ð, ø, ß, đ, ħ, ı, ł, œ, …), as Unicode's canonical decomposition gives them.
const LATIN_BASE: &[u8; 192] = b"aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.";

/// A character as BERT uncased normalises it: lower case, accent stripped; `None` for a character it drops
/// (control and format characters, combining marks, NUL and the replacement character).
fn normalise(c: char) -> Option<char> {
    if c.is_ascii() {
        return match c {
            '\t' | '\n' | '\r' => Some(' '),
            _ if c.is_ascii_control() => None,
            _ => Some(c.to_ascii_lowercase()),
        };
    }
    let u = u32::from(c);
    if c.is_control()
        || matches!(u, 0x300..=0x36F | 0xAD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF | 0xFFFD)
    {
        return None;
    }
    let lower = crate::base::text::lower_char(c);
    let l = u32::from(lower);
    match l.checked_sub(0xC0).and_then(|i| LATIN_BASE.get(i as usize)) {
        Some(b'.') | None => Some(lower),
        Some(&b) => Some(char::from(b)),
    }
}

fn is_space(c: char) -> bool {
    matches!(u32::from(c), 0x20 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000)
}

/// Punctuation as BERT splits at it: every ASCII symbol, and Unicode punctuation of Latin-1, the general
/// punctuation block and the CJK and full-width punctuation.
fn is_punct(c: char) -> bool {
    let u = u32::from(c);
    (c.is_ascii_punctuation())
        || matches!(u, 0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF | 0x2010..=0x2027 | 0x2030..=0x2043)
        || matches!(u, 0x2045..=0x2051 | 0x2053..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F)
        || matches!(u, 0xFF01..=0xFF03 | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F | 0xFF1A | 0xFF1B | 0xFF1F | 0xFF20)
}

/// CJK ideographs, which BERT treats as words of their own.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// Calls `f` with each word of a text after BERT's normalisation and pre-tokenisation: runs between
/// whitespace, each punctuation mark and CJK ideograph a word of its own (one buffer for all the words).
fn each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        if !word.is_empty() {
            f(word);
            word.clear();
        }
    };
    for c in text.chars().filter_map(normalise) {
        if is_space(c) {
            flush(&mut word);
        } else if is_punct(c) || is_cjk(c) {
            flush(&mut word);
            word.push(c);
            flush(&mut word);
        } else {
            word.push(c);
        }
    }
    flush(&mut word);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of four dimensions over a small vocabulary, in the file format.
    fn tiny() -> Vec<u8> {
        let vocab = ["[PAD]", "[UNK]", "the", "bridge", "open", "##ed", "span", "cafe", "."];
        let mut words = String::new();
        for t in vocab {
            words.push_str(t);
            words.push('\n');
        }
        let mut out = MAGIC.to_vec();
        for n in [vocab.len(), 4, words.len()] {
            out.extend((n as u32).to_le_bytes());
        }
        out.extend(words.as_bytes());
        for (i, _) in vocab.iter().enumerate() {
            let s: f32 = if i < 2 { 0.0 } else { 0.5 };
            out.extend(s.to_le_bytes());
        }
        let rows: [[i8; 4]; 9] = [
            [0; 4],
            [0; 4],
            [1, 1, 1, 1],
            [100, 0, 0, 0],
            [0, 100, 0, 0],
            [0, 0, 10, 0],
            [90, 20, 0, 0],
            [0, 0, 0, 100],
            [0; 4],
        ];
        out.extend(rows.iter().flatten().map(|&v| v as u8));
        out
    }

    #[test]
    fn bert_uncased_words() {
        let cases: &[(&str, &[&str])] = &[
            ("The Bridge opened.", &["the", "bridge", "opened", "."]),
            ("Café  ZÜRICH\tweren't", &["cafe", "zurich", "weren", "'", "t"]),
            ("“Quoted”—dash", &["“", "quoted", "”", "—", "dash"]),
            ("soft\u{AD}hyphen a\u{301}", &["softhyphen", "a"]),
            ("北京 x", &["北", "京", "x"]),
        ];
        for (text, want) in cases {
            let mut got = Vec::new();
            each_word(text, |w| got.push(w.to_string()));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn wordpiece_takes_the_longest_known_piece() {
        let m = Model::from_bytes(&tiny()).unwrap_or_else(|e| unreachable!("{e}"));
        let cases: &[(&str, &[u32])] =
            &[("The bridge opened.", &[2, 3, 4, 5, 8]), ("Café", &[7]), ("bridgeless", &[1]), (&"x".repeat(200), &[1])];
        for (text, want) in cases {
            assert_eq!(m.tokens(text), *want, "{text}");
        }
    }

    #[test]
    fn pooling_and_cosine() {
        let m = Model::from_bytes(&tiny()).unwrap_or_else(|e| unreachable!("{e}"));
        let e = m.embed("bridge open");
        assert_eq!(e.vector, vec![25.0, 25.0, 0.0, 0.0]);
        let near = m.embed("span");
        let far = m.embed("cafe");
        assert!(m.embed("bridge").cosine(&near) > 0.9);
        assert_eq!(m.embed("bridge").cosine(&far), 0.0);
        assert_eq!(m.embed("unknownword").norm, 0.0);
        assert_eq!(m.embed("unknownword").cosine(&near), 0.0);
    }

    #[test]
    fn malformed_tables_are_errors() {
        let good = tiny();
        let mut wrong_magic = good.clone();
        wrong_magic[0] = b'X';
        let mut bad_scale = good.clone();
        let at = 8 + 12 + 49; // header, vocabulary
        bad_scale.splice(at..at + 4, f32::NAN.to_le_bytes());
        let mut extra = good.clone();
        extra.push(0);
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("empty", Vec::new(), "ends inside the header"),
            ("magic", wrong_magic, "magic"),
            ("cut", good[..good.len() - 3].to_vec(), "ends inside the vectors"),
            ("nan", bad_scale, "finite"),
            ("extra", extra, "after the vectors"),
            ("huge", [MAGIC.as_slice(), &u32::MAX.to_le_bytes(), &8u32.to_le_bytes()].concat(), "not a table"),
        ];
        for (name, bytes, want) in cases {
            match Model::from_bytes(&bytes) {
                Ok(_) => panic!("{name}: read"),
                Err(e) => assert!(e.to_string().contains(want), "{name}: {e}"),
            }
        }
    }
}
