//! Measures the time extractor on public test data nobody here wrote: chrono-node's English test cases and
//! Duckling's English time corpus (see `../shared/dev-data/README.md`; the data is never copied into the repo).
//!
//! Run: `cargo run --release --example eval_dates -- ../shared/dev-data` (the folder holding `temporal/`).
//! `scripts/eval-dates.mjs` scores chrono-node on the same cases with the same rules.
//! With `--quality`, scores Duckling's cases by the benchmark's rule instead (`scripts/bench/quality.mjs`;
//! `--verbose` lists the misses).
//!
//! Scoring, per case (one prediction per case: the first expression overlapping the expected span, else the
//! first expression):
//! - precision = cases whose prediction overlaps the expected span / cases with any prediction (a prediction
//!   on a negative case, where nothing may be found, counts against precision);
//! - recall = positive cases whose expected span is overlapped / positive cases;
//! - exact-value accuracy = positive cases whose value equals the expected value at the grain the text
//!   states / positive cases. Our value must match exactly (its grain is part of our output); an interval
//!   is compared by its start. Figures are given for all cases and for the date-grain ones (day and coarser),
//!   since the extractor does not read times of day.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::path::PathBuf;
use storylines::annotate::time::{extract_from_text, CivilDate, TimeExpr};

/// One case to score.
struct Case {
    text: String,
    reference: Option<CivilDate>,
    /// Expected span (UTF-16 offsets are not needed: the texts are located by substring), if asserted.
    span: Option<(usize, usize)>,
    /// Expected value at the stated grain; `None` for a negative case.
    expected: Option<String>,
    /// Whether the expected value is at day grain or coarser.
    date_grain: bool,
    /// Whether Duckling files it as a holiday ("thanksgiving", "Pentecost"), which storylines does not read.
    holiday: bool,
}

impl Case {
    fn clone_case(&self) -> Case {
        Case {
            text: self.text.clone(),
            reference: self.reference,
            span: self.span,
            expected: self.expected.clone(),
            date_grain: self.date_grain,
            holiday: self.holiday,
        }
    }
}

#[derive(Default)]
struct Score {
    cases: usize,
    positives: usize,
    predicted: usize,
    predicted_ok: usize,
    detected: usize,
    exact: usize,
    date_positives: usize,
    date_detected: usize,
    date_exact: usize,
}

fn main() {
    let dir = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/dev-data"));
    let verbose = std::env::args().any(|a| a == "--verbose");
    if std::env::args().any(|a| a == "--quality") {
        quality(&dir, verbose);
        return;
    }
    let chrono = read(&dir.join("temporal/chrono_en.jsonl")).iter().filter_map(chrono_case).collect::<Vec<_>>();
    let duckling = read(&dir.join("temporal/duckling_en.jsonl")).iter().filter_map(duckling_case).collect::<Vec<_>>();
    println!("storylines time extractor on {}", dir.display());
    println!(
        "{:<22} {:>6} {:>9} {:>7} {:>9} | {:>11} {:>7} {:>9}",
        "set", "cases", "precision", "recall", "exact-acc", "date cases", "recall", "exact-acc"
    );
    let plain: Vec<Case> = duckling.iter().filter(|c| !c.holiday).map(Case::clone_case).collect();
    for (name, cases) in [("chrono", &chrono), ("duckling", &duckling), ("duckling, no holidays", &plain)] {
        let s = score(cases, verbose.then_some(name));
        println!(
            "{:<22} {:>6} {:>9.3} {:>7.3} {:>9.3} | {:>11} {:>7.3} {:>9.3}",
            name,
            s.cases,
            ratio(s.predicted_ok, s.predicted),
            ratio(s.detected, s.positives),
            ratio(s.exact, s.positives),
            s.date_positives,
            ratio(s.date_detected, s.date_positives),
            ratio(s.date_exact, s.date_positives),
        );
    }
}

fn read(path: &std::path::Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines().filter(|l| !l.trim().is_empty()).filter_map(|l| serde_json::from_str(l).ok()).collect()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn reference_of(v: &Value) -> Option<CivilDate> {
    if let Some(d) = v["ref_date"].as_str().and_then(CivilDate::parse_iso) {
        return Some(d);
    }
    // Some chrono tests give the reference as prose ("Tue Aug 2 2022"): read it with the extractor itself.
    let raw = v["ref_raw"].as_str()?;
    let t = extract_from_text(raw, None).into_iter().find(|t| t.value.as_deref().is_some_and(|x| x.len() == 10))?;
    CivilDate::parse_iso(t.value.as_deref()?)
}

fn span_of(text: &str, e: &Value) -> Option<(usize, usize)> {
    let sub = e["text"].as_str()?;
    let start = text.find(sub)?;
    Some((start, start + sub.len()))
}

fn chrono_case(v: &Value) -> Option<Case> {
    let parser = v["parser"].as_str().unwrap_or("");
    if parser.contains(".fr") {
        return None;
    }
    let text = v["text"].as_str()?.to_string();
    let reference = reference_of(v);
    let Some(e) = v["expected"].as_array().and_then(|a| a.first()) else {
        return Some(Case { text, reference, span: None, expected: None, date_grain: false, holiday: false });
    };
    let expected = e["value"].as_str().or(e["value_time_only"].as_str()).unwrap_or("").to_string();
    let date_grain = !expected.contains('T') && !expected.is_empty();
    let span = span_of(&text, e);
    Some(Case { text, reference, span, expected: Some(expected), date_grain, holiday: false })
}

fn duckling_case(v: &Value) -> Option<Case> {
    let text = v["text"].as_str()?.to_string();
    let reference = reference_of(v);
    let e = v["expected"].as_array().and_then(|a| a.first())?;
    let value = e["value"].as_str()?;
    let start = value.split('/').find(|p| !p.is_empty()).unwrap_or("").to_string();
    let grain = e["grain"].as_str().unwrap_or("");
    let date_grain = matches!(grain, "Day" | "Week" | "Month" | "Quarter" | "Year");
    let holiday = e["kind"].as_str().is_some_and(|k| k.contains("Holiday"));
    Some(Case { span: Some((0, text.len())), text, reference, expected: Some(start), date_grain, holiday })
}

/// Whether our value equals the expected one at the grain the text states: an interval by its start; a
/// coarser value of ours equals an expected value whose finer components are chrono-node's defaults
/// ("September 2012": ours `2012-09`, chrono's test `2012-09-01`).
fn same_value(ours: &str, expected: &str) -> bool {
    let ours = ours.split('/').next().unwrap_or(ours);
    if ours == expected {
        return true;
    }
    // Ours gives minutes where the text states an hour ("3 pm": ours `…T15:00`, expected `…T15`).
    // A test that asserts only the day of "Thursday at 3 pm" is compared at the day.
    if ours.strip_prefix(expected).is_some_and(|rest| rest == ":00" || rest == ":00:00" || rest.starts_with('T')) {
        return true;
    }
    match expected.strip_prefix(ours) {
        Some(rest) => !rest.is_empty() && rest.split('-').skip(1).all(|p| p == "01") && rest.starts_with('-'),
        None => false,
    }
}

fn overlaps(t: &TimeExpr, span: (usize, usize)) -> bool {
    t.range.start < span.1 && span.0 < t.range.end
}

fn score(cases: &[Case], verbose: Option<&str>) -> Score {
    let mut s = Score::default();
    for c in cases {
        s.cases += 1;
        let found = extract_from_text(&c.text, c.reference);
        let pick = match c.span {
            Some(span) => found.iter().find(|t| overlaps(t, span)).or(found.first()),
            None => found.first(),
        };
        if pick.is_some() {
            s.predicted += 1;
        }
        let Some(expected) = &c.expected else {
            if verbose.is_some() && pick.is_some() {
                println!("  FP {:?} -> {:?}", c.text, pick.map(|t| &t.value));
            }
            continue;
        };
        s.positives += 1;
        if c.date_grain {
            s.date_positives += 1;
        }
        let detected = pick.is_some_and(|t| c.span.is_none_or(|span| overlaps(t, span)));
        if detected {
            s.predicted_ok += 1;
            s.detected += 1;
            if c.date_grain {
                s.date_detected += 1;
            }
        }
        let exact = detected && pick.and_then(|t| t.value.as_deref()).is_some_and(|v| same_value(v, expected));
        if exact {
            s.exact += 1;
            if c.date_grain {
                s.date_exact += 1;
            }
        }
        if let Some(name) = verbose {
            if !exact && c.date_grain {
                let got = pick.map(|t| (t.range.slice(&c.text).to_string(), t.value.clone()));
                println!("  {name} {:?} ref {:?}: want {expected} got {got:?}", c.text, c.reference);
            }
        }
    }
    s
}

/// The benchmark's quality score (`scripts/bench/quality.mjs`): exact-value accuracy on Duckling's non-latent
/// cases, where any found value equal to the expected one (or, for a closed interval, to the same interval
/// with an inclusive end) counts, after dropping ":00" at the end of each side.
fn quality(dir: &std::path::Path, verbose: bool) {
    let norm = |v: &str| v.split('/').map(|s| s.trim_end_matches(":00").to_string()).collect::<Vec<_>>().join("/");
    let (mut n, mut ok) = (0, 0);
    for v in read(&dir.join("temporal/duckling_en.jsonl")) {
        if v["source"].as_str().is_some_and(|s| s.to_ascii_lowercase().contains("latent")) {
            continue;
        }
        let (Some(text), Some(e)) = (v["text"].as_str(), v["expected"].get(0)) else { continue };
        let value = e["value"].as_str().unwrap_or("");
        let mut want = vec![norm(value)];
        if let Some((a, b)) = value.split_once('/') {
            let step = match e["grain"].as_str() {
                Some("Day") => Some(chrono::TimeDelta::days(1)),
                Some("Hour") => Some(chrono::TimeDelta::hours(1)),
                Some("Minute") => Some(chrono::TimeDelta::minutes(1)),
                Some("Second") => Some(chrono::TimeDelta::seconds(1)),
                _ => None,
            };
            let full = match b.len() {
                10 => format!("{b}T00:00:00"),
                13 => format!("{b}:00:00"),
                16 => format!("{b}:00"),
                _ => b.to_string(),
            };
            if let (Some(step), Ok(t)) = (step, full.parse::<chrono::NaiveDateTime>()) {
                let t = t - step;
                use chrono::{Datelike, Timelike};
                let iso = format!(
                    "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                    t.year(),
                    t.month(),
                    t.day(),
                    t.hour(),
                    t.minute(),
                    t.second()
                );
                want.push(norm(&format!("{a}/{}", iso.get(..b.len().min(19)).unwrap_or(&iso))));
            }
        }
        let reference = reference_of(&v);
        let found = extract_from_text(text, reference);
        n += 1;
        if found.iter().any(|f| f.value.as_deref().is_some_and(|x| want.contains(&norm(x)))) {
            ok += 1;
        } else if verbose {
            let got: Vec<_> = found
                .iter()
                .map(|f| format!("{}={}", f.range.slice(text), f.value.as_deref().unwrap_or("?")))
                .collect();
            println!(
                "MISS\t{}\t{}\t{}\t{text}\t{}",
                e["kind"].as_str().unwrap_or(""),
                e["grain"].as_str().unwrap_or(""),
                want[0],
                got.join(" | ")
            );
        }
    }
    println!("duckling exact-value accuracy (quality.mjs rules): {ok}/{n} = {:.1}%", 100.0 * ok as f64 / n as f64);
}
