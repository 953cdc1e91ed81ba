//! Time expressions and numbers of the bundled articles against the hand-written gold files
//! (`tests/gold/bundle.times.json`, `tests/gold/bundle.numbers.json`, written before the extractors were tuned),
//! and the fixture article `tests/data/time_fixture.txt` against its own expectations.
//!
//! A found item matches a gold item when their spans overlap in the same article. Figures are printed
//! (`cargo test --test time_gold -- --nocapture`) and floors asserted.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod common;

use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use storylines::annotate::annotate;
use storylines::base::text::TextRange;
use storylines::{Article, Corpus};

fn corpus() -> Corpus {
    let mut corpus = Corpus::new();
    for i in common::inputs(&common::bundle_files()) {
        corpus.add(&i).expect("bundle articles load");
    }
    corpus
}

fn gold(name: &str) -> BTreeMap<String, Vec<Value>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold").join(name);
    let text = std::fs::read_to_string(&path).expect("gold file");
    let v: Value = serde_json::from_str(&text).expect("gold json");
    let mut out = BTreeMap::new();
    for (id, items) in v["articles"].as_object().expect("articles") {
        out.insert(id.clone(), items.as_array().expect("list").clone());
    }
    out
}

/// Locates each gold item's text as the next occurrence inside a body sentence.
fn locate(article: &Article, items: &[Value]) -> Vec<TextRange> {
    let mut from = 0;
    let mut out = Vec::new();
    for item in items {
        let needle = item["text"].as_str().expect("text");
        let mut found = None;
        let mut at = from;
        while let Some(r) = find_loose(&article.text, needle, at) {
            if article.sentences.iter().any(|s| s.range.contains_range(r)) {
                found = Some(r);
                break;
            }
            at = r.end;
        }
        let r = found.unwrap_or_else(|| panic!("{}: gold text {needle:?} not found in a sentence", article.id));
        from = r.end;
        out.push(r);
    }
    out
}

/// Finds `needle` in `text` from byte `from`, a space in the needle matching any whitespace (the articles use
/// no-break spaces).
fn find_loose(text: &str, needle: &str, from: usize) -> Option<TextRange> {
    let starts = text.char_indices().map(|(i, _)| i).filter(|&i| i >= from);
    for start in starts {
        let mut hay = text.get(start..)?.char_indices();
        let mut ok = true;
        let mut end = start;
        for n in needle.chars() {
            match hay.next() {
                Some((i, c)) if c == n || (n == ' ' && c.is_whitespace()) => end = start + i + c.len_utf8(),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return Some(TextRange::new(start, end));
        }
    }
    None
}

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start < b.end && b.start < a.end
}

#[derive(Default)]
struct Tally {
    found: usize,
    gold: usize,
    matched_found: usize,
    matched_gold: usize,
    exact: usize,
    extra: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(self.matched_found, self.found)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched_gold, self.gold)
    }
    fn accuracy(&self) -> f64 {
        ratio(self.exact, self.gold)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores found spans against gold spans; `same(found_index, gold_index)` says whether the values agree.
fn score(found: &[TextRange], gold: &[TextRange], same: impl Fn(usize, usize) -> (bool, bool), t: &mut Tally) {
    t.found += found.len();
    t.gold += gold.len();
    t.matched_found += found.iter().filter(|f| gold.iter().any(|g| overlaps(**f, *g))).count();
    for (gi, g) in gold.iter().enumerate() {
        if let Some(fi) = found.iter().position(|f| overlaps(*f, *g)) {
            t.matched_gold += 1;
            let (value, other) = same(fi, gi);
            if value {
                t.exact += 1;
            }
            if value && other {
                t.extra += 1;
            }
        }
    }
}

fn str_or_null(v: &Value) -> Option<&str> {
    v.as_str()
}

#[test]
fn time_expressions_match_the_gold() {
    let corpus = corpus();
    let gold = gold("bundle.times.json");
    let mut t = Tally::default();
    let mut misses = Vec::new();
    for a in corpus.articles() {
        let items = gold.get(&a.id).cloned().unwrap_or_default();
        let spans = locate(a, &items);
        let ann = annotate(a);
        // The gold covers body sentences only; expressions read from captions (sentence None) are checked below.
        let body: Vec<_> = ann.times.iter().filter(|x| x.sentence.is_some()).collect();
        let found: Vec<TextRange> = body.iter().map(|x| x.range).collect();
        score(
            &found,
            &spans,
            |fi, gi| {
                let (f, g) = (body[fi], &items[gi]);
                let value = f.value.as_deref() == str_or_null(&g["value"]);
                let anchor = serde_json::to_value(f.anchor).ok() == Some(g["anchor"].clone());
                let grain = serde_json::to_value(f.grain).ok() == Some(g["grain"].clone());
                (value, anchor && grain)
            },
            &mut t,
        );
        for (gi, g) in spans.iter().enumerate() {
            let f = ann.times.iter().find(|f| overlaps(f.range, *g));
            let want = str_or_null(&items[gi]["value"]);
            if f.map(|f| f.value.as_deref()) != Some(want) {
                misses.push(format!("{} {:?}: want {want:?}, got {:?}", a.id, a.slice(*g), f.map(|f| &f.value)));
            }
        }
        for f in &ann.times {
            if !spans.iter().any(|g| overlaps(f.range, *g)) {
                misses.push(format!("{} extra {:?} = {:?}", a.id, a.slice(f.range), f.value));
            }
        }
    }
    eprintln!(
        "times: gold {} found {} precision {:.3} recall {:.3} exact-value accuracy {:.3} (value+anchor+grain {:.3})",
        t.gold,
        t.found,
        t.precision(),
        t.recall(),
        t.accuracy(),
        ratio(t.extra, t.gold)
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(t.accuracy() >= 0.9, "exact-value accuracy on the time gold fell below 0.9");
    assert!(t.precision() >= 0.9, "precision on the time gold fell below 0.9");
}

#[test]
fn numbers_match_the_gold() {
    let corpus = corpus();
    let gold = gold("bundle.numbers.json");
    let mut t = Tally::default();
    let mut misses = Vec::new();
    for a in corpus.articles() {
        let items = gold.get(&a.id).cloned().unwrap_or_default();
        let spans = locate(a, &items);
        let ann = annotate(a);
        let found: Vec<TextRange> = ann.numbers.iter().map(|x| x.range).collect();
        score(
            &found,
            &spans,
            |fi, gi| {
                let (f, g) = (&ann.numbers[fi], &items[gi]);
                let value = g["value"].as_f64() == Some(f.value);
                let unit = f.unit.as_deref() == str_or_null(&g["unit"]);
                let counted = f.counted.as_deref() == str_or_null(&g["counted"]);
                let flags =
                    g["approximate"].as_bool() == Some(f.approximate) && g["ordinal"].as_bool() == Some(f.ordinal);
                (value, unit && counted && flags)
            },
            &mut t,
        );
        for (gi, g) in spans.iter().enumerate() {
            let f = ann.numbers.iter().find(|f| overlaps(f.range, *g));
            let want =
                (items[gi]["value"].as_f64(), str_or_null(&items[gi]["unit"]), str_or_null(&items[gi]["counted"]));
            let got = f.map(|f| (Some(f.value), f.unit.as_deref(), f.counted.as_deref()));
            if got != Some(want) {
                misses.push(format!("{} {:?}: want {want:?}, got {got:?}", a.id, a.slice(*g)));
            }
        }
        for f in &ann.numbers {
            if !spans.iter().any(|g| overlaps(f.range, *g)) {
                misses.push(format!("{} extra {:?} = {}", a.id, a.slice(f.range), f.value));
            }
        }
    }
    eprintln!(
        "numbers: gold {} found {} precision {:.3} recall {:.3} value accuracy {:.3} (value+unit+counted+flags {:.3})",
        t.gold,
        t.found,
        t.precision(),
        t.recall(),
        t.accuracy(),
        ratio(t.extra, t.gold)
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(t.precision() >= 0.85 && t.recall() >= 0.85, "number precision or recall fell below 0.85");
    assert!(t.accuracy() >= 0.85, "number value accuracy fell below 0.85");
}

/// The fixture article with tricky dates: anchors, weekday checks, future verbs, ranges, years and numbers.
#[test]
fn the_time_fixture_reads_as_intended() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/time_fixture.txt");
    let mut corpus = Corpus::new();
    let input = storylines::Input::new("time_fixture.txt".to_string(), std::fs::read(&path).expect("fixture"));
    corpus.add(&input).expect("fixture loads");
    let a = &corpus.articles()[0];
    assert_eq!(a.meta.published.as_ref().map(|p| p.value.as_str()), Some("2024-03-14"));
    let ann = annotate(a);
    let times: Vec<(String, Option<String>, Vec<String>)> = ann
        .times
        .iter()
        .map(|t| {
            let flags = t.flags.iter().map(|f| serde_json::to_value(f).unwrap().as_str().unwrap().to_string());
            (a.slice(t.range).to_string(), t.value.clone(), flags.collect())
        })
        .collect();
    let want: Vec<(&str, Option<&str>, Vec<&str>)> = vec![
        ("Tuesday (March 12)", Some("2024-03-12"), vec![]),
        ("two days after", None, vec!["unresolved"]),
        ("Sunday, 10 March 2024", Some("2024-03-10"), vec![]),
        ("Monday (March 12)", Some("2024-03-12"), vec!["weekday-mismatch"]),
        ("last year", Some("2023"), vec![]),
        ("December", Some("2023-12"), vec![]),
        ("early 2022", Some("2022"), vec![]),
        ("1990s", Some("199"), vec![]),
        ("2024-03-13", Some("2024-03-13"), vec![]),
        ("10-12 March", Some("2024-03-10/2024-03-12"), vec![]),
        ("March 20", Some("2024-03-20"), vec!["after-publication"]),
        ("March 28", Some("2024-03-28"), vec![]),
        ("next month", Some("2024-04"), vec![]),
        // A future cue before or after a bare weekday reads it forward (issue 22): "would", "is to", "will" after
        // it, "plans to", "is expected"; with no tense cue at all ("Photographs … on Monday show") it leans back
        // and says so.
        ("Monday", Some("2024-03-18"), vec![]),
        ("Friday", Some("2024-03-15"), vec![]),
        ("Tuesday", Some("2024-03-19"), vec![]),
        ("Saturday", Some("2024-03-16"), vec![]),
        ("Wednesday", Some("2024-03-20"), vec![]),
        ("Monday", Some("2024-03-11"), vec!["past-leaning"]),
        ("2023", Some("2023"), vec![]),
    ];
    let got: Vec<(&str, Option<&str>, Vec<&str>)> =
        times.iter().map(|(t, v, f)| (t.as_str(), v.as_deref(), f.iter().map(String::as_str).collect())).collect();
    assert_eq!(got, want);
    let numbers: Vec<(String, f64, Option<String>, Option<String>)> = ann
        .numbers
        .iter()
        .map(|n| (a.slice(n.range).to_string(), n.value, n.unit.clone(), n.counted.clone()))
        .collect();
    let want_numbers = vec![
        ("two".to_string(), 2.0, None, Some("authorities".to_string())),
        ("first".to_string(), 1.0, None, Some("round".to_string())),
        ("1,500".to_string(), 1500.0, None, Some("workers".to_string())),
        ("about 20 percent".to_string(), 20.0, Some("percent".to_string()), None),
        ("2,000 tons".to_string(), 2000.0, Some("tons".to_string()), Some("steel".to_string())),
        ("14".to_string(), 14.0, None, Some("ships".to_string())),
    ];
    assert_eq!(numbers, want_numbers);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever the text and reference, extraction does not panic, every range lies inside the text on char
    /// boundaries, expressions come in text order without overlapping, and covered days are ordered.
    #[test]
    fn times_and_numbers_never_panic_and_stay_in_bounds(
        text in "([0-9]{1,4}|[-/.,:()%$€ ]|January|May|Sept\\.|Thursday|Thu|last|next|this|week|year|ago|the|of|in|at|pm|a\\.m\\.|Q|quarter|third|two|days|since|late|mid|s|😀|é|\\PC){0,60}",
        y in 1i32..3000, m in 1u32..13, d in 1u32..29, with_ref in any::<bool>(),
    ) {
        let reference = if with_ref { storylines::annotate::time::CivilDate::new(y, m, d) } else { None };
        let times = storylines::annotate::time::extract_from_text(&text, reference);
        let mut last_end = 0;
        for t in &times {
            prop_assert!(t.range.start <= t.range.end && t.range.end <= text.len());
            prop_assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end));
            prop_assert!(t.range.start >= last_end);
            last_end = t.range.end;
            if let Some((a, b)) = t.days {
                prop_assert!(a <= b);
            }
            prop_assert_eq!(t.value.is_none(), t.flags.contains(&storylines::annotate::time::TimeFlag::Unresolved));
        }
        let skip: Vec<TextRange> = times.iter().map(|t| t.range).collect();
        for n in storylines::annotate::numbers::extract_from_text(&text, &skip) {
            prop_assert!(n.range.end <= text.len() && text.is_char_boundary(n.range.start) && text.is_char_boundary(n.range.end));
            prop_assert!(n.value.is_finite());
        }
    }
}

#[test]
fn caption_dates_are_read_and_a_weekday_that_does_not_fit_is_flagged() {
    let text = "A headline about a meeting\n\nDate: 2023-11-10\n\nThe two ministers met on Thursday. They talked.\n\n\
The ministers on Thursday (October 9) in the capital. © Agency/Photographer\n\nMore text follows here. It ends.\n";
    let mut corpus = Corpus::new();
    let _ = corpus.add(&storylines::Input::new("caption.txt", text));
    let a = &corpus.articles()[0];
    let ann = annotate(a);
    let caption: Vec<_> = ann.times.iter().filter(|t| t.sentence.is_none()).collect();
    assert_eq!(caption.len(), 1, "{:?}", ann.times);
    assert_eq!(caption[0].value.as_deref(), Some("2023-10-09"));
    assert!(caption[0].flags.contains(&storylines::annotate::time::TimeFlag::WeekdayMismatch));
    let body: Vec<_> = ann.times.iter().filter(|t| t.sentence.is_some()).collect();
    assert_eq!(body.first().and_then(|t| t.value.as_deref()), Some("2023-11-09"));
}
