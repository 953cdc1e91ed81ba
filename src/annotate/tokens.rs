//! The word tokens the time and number extractors read: words, digit runs (with an attached ordinal suffix)
//! and single punctuation characters, with byte ranges into the text they were cut from.
//!
//! Shared by [`time`](super::time) and [`numbers`](super::numbers) so that neither imports the other. Knows
//! nothing of dates or quantities.

use crate::base::text::{word_hash_finish, word_hash_step};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters.
    Word,
    /// ASCII digits.
    Num,
    /// Digits with an ordinal suffix ("9th", "23rd").
    Ord,
    /// Any other non-space character.
    Punct,
}

/// A token of a text: its kind, its text and its byte range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub(crate) kind: TokKind,
    pub(crate) text: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// For a word, [`crate::base::text::word_hash`] of its bytes, made while the word is cut: the time scanner's filters read it
    /// instead of hashing the word again; 0 for other tokens.
    pub(crate) hash: u32,
}

impl<'a> Tok<'a> {
    /// Whether this token is the word `w` (ASCII case-insensitive). The length is compared inline (it answers
    /// most calls: `w` is a constant at every call site), the rest in [`Tok::is_same_length`], not inlined: it
    /// is called with a constant in a hundred places, and each inlined comparison loop costs wasm bytes.
    #[inline(always)]
    pub(crate) fn is(&self, w: &str) -> bool {
        self.text.len() == w.len() && self.is_same_length(w)
    }

    /// [`Tok::is`] for a `w` as long as the token.
    #[inline(never)]
    fn is_same_length(&self, w: &str) -> bool {
        // The first letter first: it answers most calls without the comparison loop.
        let (a, b) = (self.text.as_bytes(), w.as_bytes());
        self.kind == TokKind::Word
            && a.first().map(u8::to_ascii_lowercase) == b.first().map(u8::to_ascii_lowercase)
            && a.eq_ignore_ascii_case(b)
    }

    /// Whether this token is the punctuation `p`.
    pub(crate) fn is_punct(&self, p: &str) -> bool {
        self.kind == TokKind::Punct && self.text.len() == p.len() && self.text.as_bytes() == p.as_bytes()
    }

    /// The numeric value of a `Num` or `Ord` token.
    pub(crate) fn num(&self) -> Option<u64> {
        match self.kind {
            TokKind::Num => self.text.parse().ok(),
            TokKind::Ord => self.text.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok(),
            _ => None,
        }
    }

    /// The token in ASCII lower case, borrowed when it already is (most words are).
    pub(crate) fn lower(&self) -> std::borrow::Cow<'a, str> {
        if self.text.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(self.text.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(self.text)
        }
    }

    /// Whether the first character is an uppercase letter.
    pub(crate) fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits a text into words, digit runs (with an attached ordinal suffix) and single punctuation characters.
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 6);
    let mut start = 0;
    while let Some(&b) = bytes.get(start) {
        // ASCII white space and letters without decoding (the common case).
        if matches!(b, b' ' | b'\t'..=b'\r') {
            start += 1;
            continue;
        }
        let c = if b.is_ascii() { char::from(b) } else { crate::base::text::char_at(text, start).unwrap_or(' ') };
        let mut end = start + c.len_utf8();
        let mut hash = 0;
        let kind = if c.is_whitespace() {
            start = end;
            continue;
        } else if c.is_alphabetic() {
            // Hashed while it is cut (`word_hash_step` byte by byte, then `word_hash_finish`: `word_hash`),
            // once for every filter that reads it.
            let mut acc = bytes.get(start..end).map_or(0, |first| first.iter().fold(0, |h, &b| word_hash_step(h, b)));
            loop {
                match bytes.get(end) {
                    Some(&b) if b.is_ascii_alphabetic() => {
                        acc = word_hash_step(acc, b);
                        end += 1;
                    }
                    Some(b) if !b.is_ascii() => match crate::base::text::char_at(text, end)
                        .filter(|d| d.is_alphabetic())
                    {
                        Some(d) => {
                            let next = end + d.len_utf8();
                            acc =
                                bytes.get(end..next).map_or(acc, |r| r.iter().fold(acc, |h, &b| word_hash_step(h, b)));
                            end = next;
                        }
                        None => break,
                    },
                    _ => break,
                }
            }
            hash = word_hash_finish(acc);
            TokKind::Word
        } else if c.is_ascii_digit() {
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            // An ordinal suffix attached to the digits: exactly two letters.
            let letters = bytes.get(end..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_alphabetic()).count());
            let suffix = match bytes.get(end..end + 2) {
                Some(&[a, b]) => [a.to_ascii_lowercase(), b.to_ascii_lowercase()],
                _ => [0, 0],
            };
            if letters == 2 && matches!(&suffix, b"st" | b"nd" | b"rd" | b"th") {
                end += 2;
                TokKind::Ord
            } else {
                TokKind::Num
            }
        } else {
            TokKind::Punct
        };
        out.push(Tok { kind, text: text.get(start..end).unwrap_or(""), start, end, hash });
        start = end;
    }
    out
}
