//! Sentence and word segmentation of body paragraphs, as byte ranges into the article text.
//!
//! Sentence boundaries are rule-based and tuned for news prose: abbreviations ("U.S.", "Nov.", "Mr."),
//! initials, decimals, closing quotation marks after the full stop, ellipses and em dashes.
//! Word tokens come from Unicode word segmentation (UAX #29, the `unicode-segmentation` crate).
//! This module must not decide what is body and what is furniture; it segments the ranges it is given.

#![warn(clippy::indexing_slicing)]

use crate::text::TextRange;
use unicode_segmentation::UnicodeSegmentation;

/// Words that end with a full stop without ending a sentence (compared lowercase, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "rev", "hon", "pres", "vs", "etc", "inc", "ltd", "co", "corp", "no", "nos", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "approx", "est", "dept", "univ", "fig", "vol", "p", "pp", "e.g", "i.e", "al", "cf",
    "ca",
];

/// Splits `range` of `text` into sentences.
///
/// Works in one pass over the characters without copying them, so a paragraph of many megabytes costs
/// linear time and no extra memory beyond the output.
pub fn sentences(text: &str, range: TextRange) -> Vec<TextRange> {
    let body = range.slice(text);
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut iter = body.char_indices().peekable();
    while let Some((pos, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Extend over runs of terminal punctuation, then closing quotes and brackets.
        let mut run_end = pos + c.len_utf8();
        let mut run_len = 1usize;
        let mut second = None;
        while let Some(&(p, d)) = iter.peek() {
            if !matches!(d, '.' | '!' | '?' | '…') {
                break;
            }
            if second.is_none() {
                second = Some(d);
            }
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
        let run = Run { punct: c, pos, len: run_len, second, end: run_end };
        if is_boundary(body, &run) {
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
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
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

/// The word tokens of a range (letters and digits; punctuation and spaces left out).
pub fn tokens(text: &str, range: TextRange) -> Vec<TextRange> {
    range
        .slice(text)
        .unicode_word_indices()
        .map(|(p, w)| TextRange::new(range.start + p, range.start + p + w.len()))
        .collect()
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
}
