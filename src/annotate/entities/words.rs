//! The words of a sentence as entity scanning sees them: possessive endings and name prefixes split off, and
//! the capitalisation tests a name is made of. Must not classify.

#![warn(clippy::indexing_slicing)]

use super::lists::*;
use super::names::*;
use crate::base::text::TextRange;

/// A word of a sentence, with a possessive ending split off.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// The word without a possessive ending.
    pub(super) range: TextRange,
    /// End including the possessive ending, when there is one.
    pub(super) full_end: usize,
    /// Followed by a possessive `'s` / `’s`.
    pub(super) possessive: bool,
    /// Written as a name: capitalised, with no lowercase part ("Russian-speaking" is not).
    pub(super) name_shape: bool,
    /// Written as a name and a month or weekday name (a name only before an organisation word).
    pub(super) calendar: bool,
}

pub(super) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits a range into words: letters and digits joined by inner hyphens or apostrophes, and initialisms
/// ("U.S.") kept whole; a possessive ending is split off.
pub(super) fn words(text: &str, range: TextRange) -> Vec<Tok> {
    words_with(text, range, &mut Vec::new())
}

/// [`words`] with the buffer of the range's characters handed in, so that the words of an article's sentences
/// are read without one allocation per sentence.
pub(super) fn words_with(text: &str, range: TextRange, chars: &mut Vec<(usize, char)>) -> Vec<Tok> {
    let s = range.slice(text);
    chars.clear();
    chars.extend(s.char_indices());
    let chars = &*chars;
    // About one word in six characters of news text: most sentences fill this without growing it.
    let mut out = Vec::with_capacity(chars.len() / 6 + 1);
    let mut i = 0;
    while i < chars.len() {
        let Some(&(start, c)) = chars.get(i) else { break };
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut possessive = false;
        let mut poss_end = 0;
        while let Some(&(_, cj)) = chars.get(j) {
            if cj.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|&(_, c)| c);
            let after = chars.get(j + 2).map(|&(_, c)| c);
            if is_apostrophe(cj) && matches!(next, Some('s') | Some('S')) && !after.is_some_and(char::is_alphanumeric) {
                possessive = true;
                poss_end = chars.get(j + 2).map_or(s.len(), |&(p, _)| p);
                break;
            }
            if (cj == '-' || is_apostrophe(cj)) && next.is_some_and(char::is_alphanumeric) {
                j += 1;
                continue;
            }
            // Initialisms: "U.S.", "U.S.S.R.".
            if cj == '.' {
                let prev_single = j >= 1
                    && chars.get(j - 1).is_some_and(|&(_, p)| p.is_uppercase())
                    && (j < 2 || chars.get(j - 2).is_none_or(|&(_, p)| !p.is_alphanumeric()));
                if prev_single && next.is_some_and(char::is_uppercase) && !after.is_some_and(char::is_alphanumeric) {
                    j += 1;
                    continue;
                }
                if prev_single && j >= 2 && chars.get(j - 2).is_some_and(|&(_, p)| p == '.') {
                    j += 1; // the closing dot of an initialism
                }
                break;
            }
            break;
        }
        let end = chars.get(j).map_or(s.len(), |&(p, _)| p);
        let start = start + name_prefix_len(s.get(start..end).unwrap_or(""));
        let word = TextRange::new(range.start + start, range.start + end);
        let full_end = if possessive { range.start + poss_end } else { word.end };
        // The name shape and the calendar test, read once here (the candidate finder asks for each word again
        // as a name is extended).
        let written = word.slice(text);
        let name_shape = is_capitalised(written) && !has_lower_part(written);
        let calendar = name_shape
            && if written.is_ascii() { is_month_or_weekday(written) } else { is_month_or_weekday(&fold(written)) };
        out.push(Tok { range: word, full_end, possessive, name_shape, calendar });
        // The possessive ending lies after character `j`, so the search starts there.
        i = if possessive {
            chars.get(j..).and_then(|rest| rest.iter().position(|&(p, _)| p >= poss_end)).map_or(chars.len(), |k| j + k)
        } else {
            j
        };
    }
    out
}

/// The length of a lowercase prefix joined by a hyphen to a name ("anti-" of "anti-European", "pro-" of "pro-EU"),
/// which is no part of the name; 0 when there is none.
pub(super) fn name_prefix_len(word: &str) -> usize {
    // Each prefix ends with a hyphen: most words have none and are answered without trying them.
    if !word.as_bytes().contains(&b'-') {
        return 0;
    }
    const PREFIXES: &[&str] = &["anti-", "pro-", "non-", "ex-", "post-", "pre-", "mid-", "pan-"];
    PREFIXES
        .iter()
        .find(|p| word.strip_prefix(**p).is_some_and(|rest| first_char(rest).is_some_and(char::is_uppercase)))
        .map_or(0, |p| p.len())
}

/// Whether a word is written as a name: capitalised, or an acronym.
pub(super) fn is_capitalised(w: &str) -> bool {
    first_char(w).is_some_and(char::is_uppercase)
}

/// Whether a word is an acronym ("NATO", "U.S.", "EU").
pub(super) fn is_acronym(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    (2..=7).contains(&letters)
}

/// Whether a hyphenated word has a lowercase part ("Russian-speaking", "EU-sanctioned").
pub(super) fn has_lower_part(w: &str) -> bool {
    w.split('-').any(|p| first_char(p).is_some_and(char::is_lowercase))
}

/// Whether the gap between two words is plain space (no punctuation that would end a name).
pub(super) fn plain_gap(text: &str, from: usize, to: usize) -> bool {
    let gap = text.get(from..to).unwrap_or("x");
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}
