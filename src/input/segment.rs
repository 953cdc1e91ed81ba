//! Sentence and word segmentation of body paragraphs, as byte ranges into the article text.
//!
//! Sentence boundaries are rule-based and tuned for news prose: abbreviations ("U.S.", "Nov.", "Mr."),
//! initials, decimals, closing quotation marks after the full stop, ellipses and em dashes.
//! Word tokens come from Unicode word segmentation (UAX #29, the `unicode-segmentation` crate).
//! This module must not decide what is body and what is furniture; it segments the ranges it is given.

#![warn(clippy::indexing_slicing)]

use crate::base::text::{self, TextRange};
use unicode_segmentation::UnicodeSegmentation;

/// Words that end with a full stop without ending a sentence (compared lowercase, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "rev", "del", "hon", "pres", "vs", "etc", "inc", "ltd", "co", "corp", "no", "nos", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "approx", "est", "dept", "univ", "fig", "vol", "p", "pp", "e.g", "i.e", "al",
    "cf", "ca",
];

/// Splits `range` of `text` into sentences.
///
/// Works in one pass over the characters without copying them, so a paragraph of many megabytes costs
/// linear time and no extra memory beyond the output.
pub fn sentences(text: &str, range: TextRange) -> Vec<TextRange> {
    let body = range.slice(text);
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut pos = 0usize;
    // A byte scan: the marks are ASCII or start with the byte 0xE2 (never a continuation byte), so every match
    // lies on a character boundary; the rare candidates are then read as characters.
    while let Some(&b) = body.as_bytes().get(pos) {
        if !matches!(b, b'.' | b'!' | b'?' | 0xE2) {
            pos += 1;
            continue;
        }
        let Some(c) = text::char_at_inline(body, pos).filter(|&c| is_terminal(c)) else {
            pos += 1;
            continue;
        };
        // Extend over runs of terminal punctuation, then closing quotes and brackets.
        let mut run_end = pos + c.len_utf8();
        let mut run_len = 1usize;
        let mut second = None;
        while let Some(d) = text::char_at_inline(body, run_end).filter(|&d| is_terminal(d)) {
            second = second.or(Some(d));
            run_len += 1;
            run_end += d.len_utf8();
        }
        while let Some(d) = text::char_at_inline(body, run_end).filter(|&d| is_closing(d)) {
            run_end += d.len_utf8();
        }
        let run = Run { punct: c, pos, len: run_len, second, end: run_end };
        if is_boundary(body, &run) {
            let r = TextRange::new(range.start + start, range.start + run_end).trim(text);
            if !r.is_empty() {
                out.push(r);
            }
            start = run_end;
        }
        pos = run_end;
    }
    let r = TextRange::new(range.start + start, range.end).trim(text);
    if !r.is_empty() {
        out.push(r);
    }
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The longest sentence, in bytes (about 1,300 English words): a longer run without a sentence end is cut
/// into pieces of at most this size ([`cut_long`]), so that no stage meets a sentence of unbounded length.
pub const MAX_SENTENCE_BYTES: usize = 8 * 1024;

/// Cuts a sentence longer than [`MAX_SENTENCE_BYTES`] into pieces of at most that size, at the last whitespace
/// before the limit (at the last character boundary when a single word is longer); shorter ones come back
/// as they are. Every piece is trimmed and non-empty.
pub fn cut_long(text: &str, range: TextRange) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut rest = range.trim(text);
    while rest.len() > MAX_SENTENCE_BYTES {
        let window = TextRange::new(rest.start, rest.start + MAX_SENTENCE_BYTES);
        let mut cut = window.end;
        while cut > rest.start && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = TextRange::new(rest.start, cut).slice(text);
        if let Some(ws) = head.rfind(char::is_whitespace).filter(|&p| p > 0) {
            cut = rest.start + ws;
        }
        if cut <= rest.start {
            break;
        }
        let piece = TextRange::new(rest.start, cut).trim(text);
        if !piece.is_empty() {
            out.push(piece);
        }
        rest = TextRange::new(cut, rest.end).trim(text);
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// A run of terminal punctuation (with the closing quotes after it).
struct Run {
    /// The first mark.
    punct: char,
    /// Byte offset of the first mark in the paragraph.
    pos: usize,
    /// Number of terminal marks in the run.
    len: usize,
    /// The second mark, if any.
    second: Option<char>,
    /// Byte offset just after the run and its closing quotes.
    end: usize,
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '›')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '‹' | '„')
}

/// Whether a run of terminal punctuation ends a sentence.
fn is_boundary(body: &str, run: &Run) -> bool {
    let after = body.get(run.end..).unwrap_or("");
    // What follows: must be whitespace, then a sentence start (or the end of the paragraph).
    let Some(next) = after.chars().next() else { return true };
    if !next.is_whitespace() {
        return false;
    }
    let Some(first) = after.trim_start().chars().next() else { return true };
    // Anything but a lowercase letter or a continuing punctuation mark can start a sentence (capitals, digits,
    // opening quotes, emoji). A dash after the stop continues the sentence ("... – and then").
    let starts_sentence =
        !first.is_lowercase() && !matches!(first, ',' | ';' | ':' | ')' | ']' | '}' | '%' | '–' | '—');
    if !starts_sentence {
        return false;
    }
    if run.punct != '.' || run.len > 1 && run.second == Some('.') {
        // "!", "?", an ellipsis: a boundary when a sentence start follows.
        return true;
    }
    if run.len > 1 {
        // "Inc.?" and the like: the last mark decides.
        return true;
    }
    // A single full stop: check the word before it.
    let before = body.get(..run.pos).unwrap_or("");
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || is_opening(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = before.get(word_start..).unwrap_or("");
    if word.is_empty() {
        return true;
    }
    if is_abbreviation(word) {
        return false;
    }
    // Initials and dotted acronyms: "J.", "U.S", "e.g".
    let mut letters = word.chars().filter(|c| *c != '.');
    if let (Some(l), None) = (letters.next(), letters.next()) {
        if l.is_uppercase() {
            return false;
        }
    }
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) {
        // "U.S." ends a sentence only when the next word is clearly a new sentence; keep it together when
        // the next word is capitalised too often to tell: prefer not splitting.
        return false;
    }
    true
}

/// Whether `word` (without its stop) is one of [`ABBREVIATIONS`], case ignored. Lowercased without allocating:
/// the list is ASCII, and no other character lowercases to an ASCII letter of the list (only U+212A, the Kelvin
/// sign, lowercases to ASCII, "k"), so a word with a non-ASCII character is never one.
fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 6];
    let Some(lower) = buf.get_mut(..word.len()) else { return false };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATIONS.iter().any(|a| a.as_bytes() == lower)
}

/// The word tokens of a range (letters and digits; punctuation and spaces left out).
pub fn tokens(text: &str, range: TextRange) -> Vec<TextRange> {
    let s = range.slice(text);
    let at = |from: usize, to: usize| TextRange::new(range.start + from, range.start + to);
    match plain_tokens(s) {
        Some(found) => found.into_iter().map(|(from, to)| at(from, to)).collect(),
        None => s.unicode_word_indices().map(|(p, w)| at(p, p + w.len())).collect(),
    }
}

/// The Unicode word tokens (UAX #29, as `unicode-segmentation` finds them) of a text made of ASCII and of the
/// few other characters of ordinary news prose ([`plain_class`]), in one loop; `None` for any other text.
///
/// In such text a word is a run of ASCII letters, digits and "_", joined across one full stop or apostrophe
/// ("." "'" "‘" "’") between two letters or two digits ("e.g", "don’t", "3.5"), one "," or ";" between two
/// digits ("1,000") and one ":" between two letters; a run without a letter or digit ("__") is not a word.
/// The non-ASCII characters allowed are never part of a word except the curly apostrophes, which behave as
/// the full stop does (all three are MidNumLet in UAX #29). The tests compare this with the crate.
fn plain_tokens(s: &str) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    // The word being read: where it starts and whether it holds a letter or digit yet.
    let mut word: Option<(usize, bool)> = None;
    let mut prev = ' ';
    let mut i = 0;
    while let Some(c) = text::char_at_inline(s, i) {
        if !c.is_ascii() && !plain_class(c) {
            return None;
        }
        let len = c.len_utf8();
        let joins = c.is_ascii_alphanumeric()
            || c == '_'
            || word.is_some() && {
                let next = text::char_at_inline(s, i + len).unwrap_or(' ');
                let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
                let digits = prev.is_ascii_digit() && next.is_ascii_digit();
                match c {
                    '.' | '\'' | '‘' | '’' => letters || digits,
                    ',' | ';' => digits,
                    ':' => letters,
                    _ => false,
                }
            };
        if joins {
            let w = word.get_or_insert((i, false));
            w.1 |= c.is_ascii_alphanumeric();
        } else if let Some((start, true)) = word.take() {
            out.push((start, i));
        }
        prev = c;
        i += len;
    }
    if let Some((start, true)) = word {
        out.push((start, s.len()));
    }
    Some(out)
}

/// The non-ASCII characters [`plain_tokens`] knows: no-break space, curly quotes, dashes and the ellipsis
/// (word-break class Other: never in a word), and the curly apostrophes (MidNumLet).
fn plain_class(c: char) -> bool {
    matches!(c, '\u{a0}' | '“' | '”' | '‘' | '’' | '–' | '—' | '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentences_are_cut_at_spaces() {
        let short = "A short sentence.";
        assert_eq!(cut_long(short, TextRange::new(0, short.len())), [TextRange::new(0, short.len())]);
        let long = "word ".repeat(4000);
        let pieces = cut_long(&long, TextRange::new(0, long.len()));
        assert_eq!(pieces.len(), 3);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES && p.slice(&long).ends_with("word")));
        // One word longer than the limit is cut at a character boundary.
        let word = "é".repeat(9000);
        let pieces = cut_long(&word, TextRange::new(0, word.len()));
        assert_eq!(pieces.len(), 3);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES && !p.slice(&word).is_empty()));
        assert_eq!(pieces.iter().map(|p| p.len()).sum::<usize>(), word.len());
    }

    fn check(input: &str, expected: &[&str]) {
        let got: Vec<&str> =
            sentences(input, TextRange::new(0, input.len())).into_iter().map(|r| r.slice(input)).collect();
        assert_eq!(got, expected, "input: {input}");
    }

    #[test]
    fn sentence_rules() {
        check("One. Two.", &["One.", "Two."]);
        check(
            "Mr. Smith met the U.S. envoy on Nov. 9. Then he left.",
            &["Mr. Smith met the U.S. envoy on Nov. 9.", "Then he left."],
        );
        check("It grew 3.5 percent. Fine.", &["It grew 3.5 percent.", "Fine."]);
        check("\"We will go.\" He said so.", &["\"We will go.\"", "He said so."]);
        check("Changing times... During the visit it rained.", &["Changing times...", "During the visit it rained."]);
        check("J. R. Smith spoke. Yes!", &["J. R. Smith spoke.", "Yes!"]);
        check("a sentence without a stop", &["a sentence without a stop"]);
        check("Why? because.", &["Why? because."]);
    }

    #[test]
    fn sentence_rules_for_news_prose() {
        let cases: &[(&str, &[&str])] = &[
            // Abbreviations and titles.
            (
                "Gen. Smith and Sen. Doe met Dr. Roe. They talked.",
                &["Gen. Smith and Sen. Doe met Dr. Roe.", "They talked."],
            ),
            (
                "It happened at 3 p.m. on Tuesday. Nobody was hurt.",
                &["It happened at 3 p.m. on Tuesday.", "Nobody was hurt."],
            ),
            ("Shares of Example Inc. rose. Analysts cheered.", &["Shares of Example Inc. rose.", "Analysts cheered."]),
            ("Item No. 5 was sold. Then No. 6.", &["Item No. 5 was sold.", "Then No. 6."]),
            // Initials.
            ("J.R.R. Tolkien wrote it. A. B. Doe read it.", &["J.R.R. Tolkien wrote it.", "A. B. Doe read it."]),
            // Decimals, money and versions.
            (
                "It cost $2.5 billion, or 3.14 times more. Fine.",
                &["It cost $2.5 billion, or 3.14 times more.", "Fine."],
            ),
            // Quotes spanning sentences: each sentence on its own, the attribution stays with the last one.
            (
                "\u{201c}We will go. We will win,\u{201d} she said. He left.",
                &["\u{201c}We will go.", "We will win,\u{201d} she said.", "He left."],
            ),
            ("\"Is it over?\" he asked. No.", &["\"Is it over?\" he asked.", "No."]),
            ("He said: \"Go now.\" Then he left.", &["He said: \"Go now.\"", "Then he left."]),
            // Dashes do not split; a stop before a dash does not either.
            (
                "The plan \u{2014} first floated in May \u{2014} failed. Next.",
                &["The plan \u{2014} first floated in May \u{2014} failed.", "Next."],
            ),
            ("It ended. \u{2013} and then it began again.", &["It ended. \u{2013} and then it began again."]),
            // Ellipses.
            ("Wait... what happened? Nothing.", &["Wait... what happened?", "Nothing."]),
            ("Wait\u{2026} Then it rained.", &["Wait\u{2026}", "Then it rained."]),
            // Exclamation, question, and a closing bracket.
            ("Stop! (He meant it.) Go.", &["Stop!", "(He meant it.)", "Go."]),
        ];
        for (input, want) in cases {
            check(input, want);
        }
    }

    #[test]
    fn tokens_skip_punctuation() {
        let t = "Well-known, 20 percent!";
        let got: Vec<&str> = tokens(t, TextRange::new(0, t.len())).into_iter().map(|r| r.slice(t)).collect();
        assert_eq!(got, ["Well", "known", "20", "percent"]);
    }

    #[test]
    fn abbreviations_fit_the_lowercasing_buffer() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 6 && a.is_ascii() && *a == a.to_lowercase()));
        assert!(is_abbreviation("Mr") && is_abbreviation("APPROX") && is_abbreviation("e.g"));
        assert!(!is_abbreviation("Mrs\u{212a}") && !is_abbreviation("approxi") && !is_abbreviation(""));
    }

    #[test]
    fn tokens_of_news_prose_without_and_with_the_fast_path() {
        let cases: &[(&str, &[&str])] = &[
            ("It\u{2019}s 3.5% of 1,000 e.g. don't", &["It\u{2019}s", "3.5", "of", "1,000", "e.g", "don't"]),
            ("\u{201c}Yes\u{201d} \u{2014} no\u{a0}way\u{2026} __ a_b _c", &["Yes", "no", "way", "a_b", "_c"]),
            ("Caf\u{e9} 10:30 a:b", &["Caf\u{e9}", "10", "30", "a:b"]),
        ];
        for (t, want) in cases {
            let got: Vec<&str> = tokens(t, TextRange::new(0, t.len())).into_iter().map(|r| r.slice(t)).collect();
            assert_eq!(got, *want, "{t:?}");
        }
    }

    /// Agreement with the slower readings they replace (proptest is not built for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    mod agreement {
        use super::*;

        /// The splitter as it was before the byte scan: the same rules read character by character.
        fn sentences_by_chars(text: &str, range: TextRange) -> Vec<TextRange> {
            let body = range.slice(text);
            let mut out = Vec::new();
            let mut start = 0usize;
            let mut iter = body.char_indices().peekable();
            while let Some((pos, c)) = iter.next() {
                if !is_terminal(c) {
                    continue;
                }
                let mut run_end = pos + c.len_utf8();
                let mut run_len = 1usize;
                let mut second = None;
                while let Some(&(p, d)) = iter.peek() {
                    if !is_terminal(d) {
                        break;
                    }
                    second = second.or(Some(d));
                    run_len += 1;
                    run_end = p + d.len_utf8();
                    iter.next();
                }
                while let Some(&(p, d)) = iter.peek() {
                    if !is_closing(d) {
                        break;
                    }
                    run_end = p + d.len_utf8();
                    iter.next();
                }
                if is_boundary(body, &Run { punct: c, pos, len: run_len, second, end: run_end }) {
                    let r = TextRange::new(range.start + start, range.start + run_end).trim(text);
                    if !r.is_empty() {
                        out.push(r);
                    }
                    start = run_end;
                }
            }
            let r = TextRange::new(range.start + start, range.end).trim(text);
            if !r.is_empty() {
                out.push(r);
            }
            out
        }

        proptest::proptest! {
            #![proptest_config(proptest::prelude::ProptestConfig { cases: 1000, ..Default::default() })]

            /// The byte scan finds the sentences the character-by-character reading finds.
            #[test]
            fn sentences_agree_with_the_reading_by_characters(
                t in "([a-cA-C1 .!?…\"'”’»)\\]“(\n\u{a0},;:–—é]|Mr|Inc|U\\.S|e\\.g|😀){0,60}"
            ) {
                let r = TextRange::new(0, t.len());
                proptest::prop_assert_eq!(sentences(&t, r), sentences_by_chars(&t, r));
            }

            /// Word tokens are the crate's UAX #29 words: on the text the fast path reads ...
            #[test]
            fn plain_tokens_agree_with_unicode_segmentation(
                t in "[a-cA-C0-2_ .,;:'\"!\\-\r\n\t\u{a0}“”‘’–—…]{0,40}"
            ) {
                let want: Vec<TextRange> =
                    t.unicode_word_indices().map(|(p, w)| TextRange::new(p, p + w.len())).collect();
                proptest::prop_assert_eq!(tokens(&t, TextRange::new(0, t.len())), want);
            }

            /// ... and on any other.
            #[test]
            fn tokens_agree_with_unicode_segmentation(
                t in "[a-cA-C0-2_ .,;:'\"!\\-\r\n\t\u{a0}“”‘’–—…é\u{301}\u{200d}©😀]{0,40}"
            ) {
                let want: Vec<TextRange> =
                    t.unicode_word_indices().map(|(p, w)| TextRange::new(p, p + w.len())).collect();
                proptest::prop_assert_eq!(tokens(&t, TextRange::new(0, t.len())), want);
            }
        }
    }
}
