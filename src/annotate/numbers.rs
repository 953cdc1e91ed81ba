//! Numbers and quantities: cardinals and ordinals in digits and words, percentages, money and approximate
//! forms, with the unit and the thing counted where the sentence says it.
//!
//! Conventions: a mention's span covers the whole quantity (approximation word, currency sign, number, scale
//! word, unit: "about 60 million tons", "$5 million") but not the thing counted. `counted` is the head noun of
//! the words that follow, lower-cased: "14 documents" → documents; "tons of wheat" → unit tons, counted
//! wheat; "the 19th regional forum" → forum. Not reported: years and dates (the caller passes the time
//! expressions to skip), numerals inside names ("Route 66" mid-sentence, "G7", "COVID-19"), "one" as a
//! pronoun or determiner ("one of them"), frequency adverbs ("twice").
//!
//! This module must not compare numbers across articles; it only reads one article.

use crate::annotate::time::TimeExpr;
use crate::annotate::tokens::{tokenize, Tok, TokKind};
use crate::base::lexicon::{word_value, ORDINALS};
use crate::base::text::TextRange;
use crate::input::article::Article;

/// One number mentioned in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Where it is (the whole quantity, e.g. "about 60 million tons").
    pub range: TextRange,
    /// The value (60 000 000 for "60 million").
    pub value: f64,
    /// The unit ("percent", "USD", "tons"), when there is one.
    pub unit: Option<String>,
    /// What is counted ("documents", "wheat"), when the sentence says it.
    pub counted: Option<String>,
    /// "about", "around", "some", "nearly".
    pub approximate: bool,
    /// An ordinal ("the 19th forum").
    pub ordinal: bool,
    /// Index of the sentence it is in.
    pub sentence: Option<usize>,
}

/// Finds the numbers of an article's body, leaving out the spans of its time expressions.
pub fn extract(article: &Article, times: &[TimeExpr]) -> Vec<NumberMention> {
    let mut out = Vec::new();
    for (i, s) in article.sentences.iter().enumerate() {
        let text = article.slice(s.range);
        let skip: Vec<TextRange> = times
            .iter()
            .filter(|t| s.range.contains_range(t.range))
            .map(|t| TextRange::new(t.range.start - s.range.start, t.range.end - s.range.start))
            .collect();
        for mut n in extract_from_text(text, &skip) {
            n.range = TextRange::new(n.range.start + s.range.start, n.range.end + s.range.start);
            n.sentence = Some(i);
            out.push(n);
        }
    }
    out
}

/// Finds the numbers of a bare text (one sentence or more), leaving out the byte ranges in `skip`.
pub fn extract_from_text(text: &str, skip: &[TextRange]) -> Vec<NumberMention> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match quantity(&toks, i, skip) {
            Some((end, n)) => {
                out.push(n);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// Lexicon

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
    ("m", 1e6),
    ("k", 1e3),
    ("tn", 1e12),
];

const APPROX: &[&str] =
    &["about", "around", "approximately", "roughly", "nearly", "almost", "some", "circa", "estimated", "over", "under"];

const CURRENCY_SIGNS: &[(&str, &str)] = &[("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₽", "RUB")];

/// Unit words after a number and their canonical names.
const UNIT_WORDS: &[(&str, &str)] = &[
    ("percent", "percent"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("yuan", "CNY"),
    ("tons", "tons"),
    ("ton", "tons"),
    ("tonnes", "tons"),
    ("tonne", "tons"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("miles", "miles"),
    ("mile", "miles"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("metres", "m"),
    ("meters", "m"),
    ("barrels", "barrels"),
    ("hectares", "hectares"),
    ("degrees", "degrees"),
];

/// Words that end the phrase naming what is counted.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "were",
    "was",
    "is",
    "are",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "as",
    "than",
    "this",
    "these",
    "those",
    "their",
    "its",
    "his",
    "her",
    "our",
    "your",
    "available",
    "each",
    "per",
    "since",
    "when",
    "while",
    "after",
    "before",
    "into",
    "over",
    "under",
    "about",
    "around",
    "more",
    "less",
    "ago",
    "later",
    "earlier",
    "so",
    "if",
    "then",
    "there",
    "here",
    "not",
    "also",
    "only",
    "just",
    "all",
    "both",
    "among",
    "between",
    "during",
    "without",
    "against",
];

/// Irregular plurals that count things.
const PLURALS: &[&str] = &["men", "women", "people", "children", "police", "staff", "personnel", "data", "media"];

/// Capitalised words that may stand before a number mid-sentence without making it part of a name.
const FUNCTION_CAPS: &[&str] = &[
    "The",
    "In",
    "On",
    "At",
    "By",
    "Of",
    "And",
    "Some",
    "About",
    "Around",
    "Over",
    "Only",
    "Just",
    "Nearly",
    "Almost",
    "More",
    "Less",
    "Fewer",
    "All",
    "With",
    "For",
    "From",
    "To",
    "After",
    "Before",
    "Since",
    "Until",
    "Another",
    "Those",
    "These",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "About",
    "Roughly",
    "Approximately",
];

fn lower<'a>(t: &Tok<'a>) -> std::borrow::Cow<'a, str> {
    t.lower()
}

fn adjacent(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.end == b.start
}

fn scale_of(t: &Tok<'_>, attached: bool) -> Option<f64> {
    if t.kind != TokKind::Word {
        return None;
    }
    let l = lower(t);
    let &(w, v) = SCALES.iter().find(|(w, _)| *w == l)?;
    // Short suffixes ("bn", "m", "k") only when attached to the digits ("€3bn", "5m").
    if w.len() <= 2 && !attached {
        return None;
    }
    Some(v)
}

// ---------------------------------------------------------------------------------------------------------
// Recognition

/// A number written in digits at `i` ("14", "2,500", "1.5"): value, ordinal, index after it.
fn digits(toks: &[Tok<'_>], i: usize) -> Option<(f64, bool, usize)> {
    let t = toks.get(i)?;
    if t.kind == TokKind::Ord {
        return Some((t.num()? as f64, true, i + 1));
    }
    if t.kind != TokKind::Num {
        return None;
    }
    // Digits are summed by hand: float parsing from strings would add kilobytes to the wasm.
    let mut whole = digit_value(t.text)?;
    let mut j = i + 1;
    // Thousands separators: groups of three digits.
    while let (Some(c), Some(g)) = (toks.get(j), toks.get(j + 1)) {
        let prev = toks.get(j - 1)?;
        if c.is_punct(",") && adjacent(prev, c) && adjacent(c, g) && g.kind == TokKind::Num && g.text.len() == 3 {
            whole = whole * 1000.0 + digit_value(g.text)?;
            j += 2;
        } else {
            break;
        }
    }
    if let (Some(p), Some(f)) = (toks.get(j), toks.get(j + 1)) {
        let prev = toks.get(j - 1)?;
        if p.is_punct(".") && adjacent(prev, p) && adjacent(p, f) && f.kind == TokKind::Num && f.text.len() <= 9 {
            let scale = 10f64.powi(i32::try_from(f.text.len()).ok()?);
            whole += digit_value(f.text)? / scale;
            j += 2;
        }
    }
    Some((whole, false, j))
}

/// The value of a run of ASCII digits (at most 15, so that it is exact in an f64).
fn digit_value(s: &str) -> Option<f64> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    s.bytes().try_fold(0u64, |acc, b| b.is_ascii_digit().then(|| acc * 10 + u64::from(b - b'0'))).map(|v| v as f64)
}

/// A number written in words at `i` ("fourteen", "twenty-five", "two hundred", "third").
fn words(toks: &[Tok<'_>], i: usize) -> Option<(f64, bool, usize)> {
    let t = toks.get(i)?;
    let l = lower(t);
    if let Some(&(_, v)) = ORDINALS.iter().find(|(w, _)| *w == l) {
        return Some((v as f64, true, i + 1));
    }
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut j = i;
    let mut any = false;
    while let Some(w) = toks.get(j) {
        let l = lower(w);
        if let Some(v) = word_value(&l) {
            current = current.saturating_add(v);
            any = true;
            j += 1;
        } else if l == "hundred" && any {
            current = current.saturating_mul(100);
            j += 1;
        } else if l == "thousand" && any {
            total = total.saturating_add(current.saturating_mul(1000));
            current = 0;
            j += 1;
        } else {
            break;
        }
        // "twenty-five", "one hundred and five".
        match (toks.get(j), toks.get(j + 1)) {
            (Some(h), Some(n)) if h.is_punct("-") && word_value(&lower(n)).is_some() => j += 1,
            (Some(a), Some(n)) if a.is("and") && word_value(&lower(n)).is_some() && current >= 100 => j += 1,
            _ => {}
        }
    }
    if !any {
        return None;
    }
    Some(((total + current) as f64, false, j))
}

/// Whether the token before `i` makes a digit number at `i` part of a name or code.
fn inside_name(toks: &[Tok<'_>], i: usize) -> bool {
    let (Some(t), Some(p)) = (toks.get(i), i.checked_sub(1).and_then(|k| toks.get(k))) else { return false };
    if adjacent(p, t) && (p.kind == TokKind::Word || p.is_punct("-") || p.is_punct(":") || p.is_punct("/")) {
        return true; // "G7", "COVID-19", "9:30"
    }
    p.kind == TokKind::Word && p.capitalised() && !FUNCTION_CAPS.contains(&p.text)
}

fn is_determiner_before(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|k| toks.get(k)) else { return false };
    ["the", "a", "its", "his", "her", "their", "our", "my", "your", "s", "this", "every"].iter().any(|w| p.is(w))
}

fn quantity(toks: &[Tok<'_>], i: usize, skip: &[TextRange]) -> Option<(usize, NumberMention)> {
    let first = toks.get(i)?;
    let mut j = i;
    let approximate = APPROX.iter().any(|w| first.is(w));
    if approximate {
        j += 1;
    }
    let mut unit: Option<String> = None;
    if let Some(&(_, code)) = toks.get(j).and_then(|t| CURRENCY_SIGNS.iter().find(|(s, _)| t.is_punct(s))) {
        unit = Some(code.to_string());
        j += 1;
    }
    let start_tok = toks.get(j)?;
    if skip.iter().any(|r| r.start <= start_tok.start && start_tok.end <= r.end) {
        return None;
    }
    let by_digits = digits(toks, j);
    // Digits glued to letters that are not a scale, a unit or an ordinal suffix: a name or a code ("76ers").
    if let Some((_, false, e)) = by_digits {
        if let (Some(last), Some(n)) = (toks.get(e - 1), toks.get(e)) {
            let glued_word = n.kind == TokKind::Word && adjacent(last, n);
            let known = scale_of(n, true).is_some() || UNIT_WORDS.iter().any(|(w, _)| n.text.eq_ignore_ascii_case(w));
            if glued_word && !known {
                return None;
            }
        }
    }
    let (mut value, ordinal, mut k) = match by_digits {
        Some(d) => {
            if inside_name(toks, j)
                || toks.get(d.2).is_some_and(|n| n.is_punct(":") && toks.get(d.2 - 1).is_some_and(|p| adjacent(p, n)))
            {
                return None;
            }
            d
        }
        None => words(toks, j)?,
    };
    let is_word = by_digits.is_none();
    if is_word && ordinal && (!is_determiner_before(toks, j) || !toks.get(k).is_some_and(|n| n.kind == TokKind::Word)) {
        return None;
    }
    // Scale words: "60 million", "€3bn".
    if let Some(s) = toks.get(k).and_then(|n| scale_of(n, toks.get(k - 1).is_some_and(|p| adjacent(p, n)))) {
        value *= s;
        k += 1;
    } else if is_word && !ordinal && value == 1.0 {
        // "one" alone is a pronoun or a determiner.
        let l = toks.get(j).map(lower).unwrap_or_default();
        if l == "one" && !approximate {
            return None;
        }
    }
    // Units after the number: "%", "percent", "per cent", "dollars", "tons".
    if let Some(n) = toks.get(k) {
        if n.is_punct("%") {
            unit = Some("percent".into());
            k += 1;
        } else if n.is("per") && toks.get(k + 1).is_some_and(|c| c.is("cent")) {
            unit = Some("percent".into());
            k += 2;
        } else if let Some(&(_, u)) = UNIT_WORDS.iter().find(|(w, _)| n.kind == TokKind::Word && lower(n) == *w) {
            unit = Some(u.to_string());
            k += 1;
        }
    }
    let last = toks.get(k.checked_sub(1)?)?;
    let range = TextRange::new(first.start, last.end);
    let counted = counted_after(toks, k, unit.is_some(), value, ordinal);
    Some((k, NumberMention { range, value, unit, counted, approximate, ordinal, sentence: None }))
}

fn looks_plural(l: &str) -> bool {
    PLURALS.contains(&l)
        || l.ends_with("men")
        || (l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is"))
}

/// The head noun of what follows a quantity ("documents", "wheat"), lower-cased.
fn counted_after(toks: &[Tok<'_>], k: usize, has_unit: bool, value: f64, ordinal: bool) -> Option<String> {
    let mut j = k;
    if has_unit {
        // Only "tons of wheat", "20 percent of the vote".
        if !toks.get(j).is_some_and(|t| t.is("of")) {
            return None;
        }
        j += 1;
        while toks.get(j).is_some_and(|t| ["the", "a", "an", "its", "their", "his", "her"].iter().any(|w| t.is(w))) {
            j += 1;
        }
    }
    let mut run: Vec<String> = Vec::new();
    while let Some(t) = toks.get(j) {
        if run.len() >= 5 {
            break;
        }
        if t.kind != TokKind::Word {
            // Hyphenated words continue the phrase ("Russia-Kazakhstan", "military-technical").
            let joined = t.is_punct("-")
                && toks.get(j + 1).is_some_and(|n| n.kind == TokKind::Word && adjacent(t, n))
                && j > 0
                && toks.get(j - 1).is_some_and(|p| adjacent(p, t));
            if joined {
                j += 2;
                if let (Some(last), Some(n)) = (run.last_mut(), toks.get(j - 1)) {
                    last.push('-');
                    last.push_str(&lower(n));
                }
                continue;
            }
            break;
        }
        let l = lower(t);
        if STOP.contains(&&*l) {
            break;
        }
        run.push(l.into_owned());
        j += 1;
        // A cardinal above one counts a plural: the first plural word is the head ("two leaders comes").
        if !ordinal && value != 1.0 && run.last().is_some_and(|w| looks_plural(w)) {
            break;
        }
        // A lower-case word ending in -ed or -ing after a noun is a verb or a participle ("documents signed").
        if let Some(n) = toks.get(j) {
            let nl = lower(n);
            if n.kind == TokKind::Word && !n.capitalised() && (nl.ends_with("ed") || nl.ends_with("ing")) {
                break;
            }
        }
    }
    let head = run.pop()?;
    Some(head.rsplit('-').next().unwrap_or(&head).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the first number found in `text`: (span text, value, unit, counted, approximate, ordinal).
    fn check(text: &str, expect: (&str, f64, Option<&str>, Option<&str>, bool, bool)) {
        let found = extract_from_text(text, &[]);
        let Some(n) = found.first() else {
            assert!(expect.0.is_empty(), "{text:?}: nothing found, expected {expect:?}");
            return;
        };
        let got = (n.range.slice(text), n.value, n.unit.as_deref(), n.counted.as_deref(), n.approximate, n.ordinal);
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn cardinals_and_ordinals() {
        check("Fourteen documents were signed.", ("Fourteen", 14.0, None, Some("documents"), false, false));
        check("The leaders signed 14 documents, though", ("14", 14.0, None, Some("documents"), false, false));
        check("at the 19th regional summit on Monday", ("19th", 19.0, None, Some("summit"), false, true));
        check("the 80th anniversary of the war", ("80th", 80.0, None, Some("anniversary"), false, true));
        check("her third known foreign trip since May", ("third", 3.0, None, Some("trip"), false, true));
        check("twenty-five delegates arrived", ("twenty-five", 25.0, None, Some("delegates"), false, false));
        check("two hundred and five seats", ("two hundred and five", 205.0, None, Some("seats"), false, false));
        check("the two neighbouring countries", ("two", 2.0, None, Some("countries"), false, false));
        check("the two statesmen met", ("two", 2.0, None, Some("statesmen"), false, false));
    }

    #[test]
    fn decimals_separators_percent_money() {
        check("it cost 2,500 dollars", ("2,500 dollars", 2500.0, Some("USD"), None, false, false));
        check("a 1.5 percent rise", ("1.5 percent", 1.5, Some("percent"), None, false, false));
        check("at around 20 percent.", ("around 20 percent", 20.0, Some("percent"), None, true, false));
        check("rose 20% last", ("20%", 20.0, Some("percent"), None, false, false));
        check("a 3 per cent drop", ("3 per cent", 3.0, Some("percent"), None, false, false));
        check("a $5 million grant", ("$5 million", 5e6, Some("USD"), None, false, false));
        check("a €3bn deal", ("€3bn", 3e9, Some("EUR"), None, false, false));
        check(
            "about 60 million tons of wheat available",
            ("about 60 million tons", 6e7, Some("tons"), Some("wheat"), true, false),
        );
        check("some 40 people", ("some 40", 40.0, None, Some("people"), true, false));
    }

    #[test]
    fn what_is_not_a_number() {
        for text in [
            "one of the allies",
            "one said",
            "the G7 summit",
            "COVID-19 cases",
            "an account called Channel 24 wrote",
            "the 76ers won",
            "at 9:30",
            "at first, he",
        ] {
            check(text, ("", 0.0, None, None, false, false));
        }
    }

    #[test]
    fn time_spans_are_skipped() {
        let text = "In 2025 they signed 12 deals.";
        let skip = [TextRange::new(3, 7)];
        let found: Vec<&str> = extract_from_text(text, &skip).iter().map(|n| n.range.slice(text)).collect();
        assert_eq!(found, vec!["12"]);
    }
}
