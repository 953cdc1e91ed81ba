//! The contradictions section of the real-coverage evaluation (issue 18, item 5): gold contradictions found,
//! engine contradictions that are wrong, and the number contradictions of the bundled sample.
//!
//! The rule: a gold contradiction (`gold.json` `contradictions`: kind, articles, texts) is **found** when one
//! engine contradiction of a matching kind (number → number; date → date or weekday; title → role; place →
//! place; quote → quote-wording or quote-attribution) has one span overlapping an occurrence of one of its
//! texts in one listed article and another span overlapping an occurrence of a *different* one of its texts
//! in another listed article, the two spans saying different things (their digits differ, else their words:
//! two articles that write the same figure agree).
//! An engine contradiction is **right** when it finds a gold contradiction by that rule and, for numbers,
//! every span it lists lies inside the gold's texts; a number contradiction that finds a gold one but also
//! lists other figures **mixes** numbers that count different things; one that finds none is **unmatched**
//! (the README's "Traps" are not contradictions). Mixed and unmatched are wrong; `VERBOSE=1` prints each.
//! The bundled sample (`www/articles`) has no number contradiction in its gold, so every number
//! contradiction there counts different things.

use crate::{share, verbose, Story};
use serde_json::Value;
use std::path::Path;

/// A span of an article: engine article id and UTF-16 range.
#[derive(Clone, Copy, PartialEq)]
struct Span<'a> {
    article: &'a str,
    start: u64,
    end: u64,
}

impl Span<'_> {
    fn overlaps(&self, other: &Span<'_>) -> bool {
        self.article == other.article && self.start < other.end && other.start < self.end
    }
}

/// One gold contradiction located in the export: each occurrence of each text, with the text's index.
struct Gold<'a> {
    kind: &'a str,
    why: &'a str,
    occurrences: Vec<(usize, Span<'a>)>,
}

/// What an engine contradiction is, judged against the gold.
#[derive(PartialEq)]
enum Verdict {
    Right,
    Mixed,
    Unmatched,
}

const KINDS: &[&str] = &["number", "date", "title", "place", "quote"];

/// Whether an engine kind may find a gold kind.
fn kind_matches(gold: &str, engine: &str) -> bool {
    match gold {
        "number" => engine == "number",
        "date" => engine == "date" || engine == "weekday",
        "title" => engine == "role",
        "place" => engine == "place",
        "quote" => engine.starts_with("quote"),
        _ => false,
    }
}

/// Every occurrence of `needle` in `text` as UTF-16 ranges.
fn occurrences(text: &str, needle: &str) -> Vec<(u64, u64)> {
    if needle.is_empty() {
        return Vec::new();
    }
    let units = |s: &str| s.encode_utf16().count() as u64;
    text.match_indices(needle)
        .map(|(at, _)| {
            let start = units(text.get(..at).unwrap_or(""));
            (start, start + units(needle))
        })
        .collect()
}

/// The gold contradictions of a story, located in the engine's article texts.
fn gold_of(story: &Story) -> Vec<Gold<'_>> {
    let mut out = Vec::new();
    for g in story.gold["contradictions"].as_array().into_iter().flatten() {
        let mut occ = Vec::new();
        for stem in g["articles"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            let Some(id) = story.id_of(stem) else { continue };
            let text = story.article(id).and_then(|a| a["text"].as_str()).unwrap_or("");
            for (ti, t) in g["texts"].as_array().into_iter().flatten().filter_map(Value::as_str).enumerate() {
                for (start, end) in occurrences(text, t) {
                    occ.push((ti, Span { article: id, start, end }));
                }
            }
        }
        out.push(Gold {
            kind: g["kind"].as_str().unwrap_or(""),
            why: g["why"].as_str().unwrap_or(""),
            occurrences: occ,
        });
    }
    out
}

/// The spans of an engine contradiction.
fn spans(c: &Value) -> Vec<Span<'_>> {
    c["refs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| Span {
            article: r["article"].as_str().unwrap_or(""),
            start: r["start"].as_u64().unwrap_or(0),
            end: r["end"].as_u64().unwrap_or(0),
        })
        .collect()
}

/// Whether an engine contradiction finds a gold one (see the module's rule).
fn finds(gold: &Gold<'_>, c: &Value) -> bool {
    if !kind_matches(gold.kind, c["kind"].as_str().unwrap_or("")) {
        return false;
    }
    let refs: Vec<(Span<'_>, String)> = spans(c).into_iter().zip(ref_values(c)).collect();
    let hits: Vec<(usize, &Span<'_>, &str)> = refs
        .iter()
        .flat_map(|(s, v)| {
            gold.occurrences.iter().filter(|(_, o)| o.overlaps(s)).map(|(t, o)| (*t, o, v.as_str())).collect::<Vec<_>>()
        })
        .collect();
    hits.iter().any(|(ta, a, va)| hits.iter().any(|(tb, b, vb)| ta != tb && a.article != b.article && va != vb))
}

/// What each span of an engine contradiction says, to tell two values apart: its digits when it has any
/// ("47%" and "47 percent" say the same), else its lowercased words.
fn ref_values(c: &Value) -> Vec<String> {
    c["refs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let t = r["text"].as_str().unwrap_or("");
            let digits: String = t.chars().filter(char::is_ascii_digit).collect();
            if digits.is_empty() {
                t.to_lowercase()
            } else {
                digits
            }
        })
        .collect()
}

/// The verdict on one engine contradiction.
fn verdict(golds: &[Gold<'_>], c: &Value) -> Verdict {
    let found: Vec<&Gold<'_>> = golds.iter().filter(|g| finds(g, c)).collect();
    if found.is_empty() {
        return Verdict::Unmatched;
    }
    let inside = |s: &Span<'_>| found.iter().any(|g| g.occurrences.iter().any(|(_, o)| o.overlaps(s)));
    if c["kind"] == "number" && !spans(c).iter().all(inside) {
        return Verdict::Mixed;
    }
    Verdict::Right
}

/// One engine contradiction as a person judges it: kind, explanation, spans.
fn show(c: &Value) -> String {
    let refs: Vec<String> = c["refs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            format!("{}@{} \"{}\"", r["article"].as_str().unwrap_or(""), r["start"], r["text"].as_str().unwrap_or(""))
        })
        .collect();
    format!("{}: {} [{}]", c["kind"].as_str().unwrap_or(""), c["explanation"].as_str().unwrap_or(""), refs.join("; "))
}

/// Counts per gold kind: (found, total).
fn found_by_kind(stories: &[Story]) -> Vec<(&'static str, usize, usize)> {
    let mut out: Vec<(&'static str, usize, usize)> = KINDS.iter().map(|k| (*k, 0, 0)).collect();
    for story in stories {
        let found = story.export["contradictions"].as_array().cloned().unwrap_or_default();
        for g in gold_of(story) {
            let hit = found.iter().any(|c| finds(&g, c));
            if let Some(row) = out.iter_mut().find(|r| r.0 == g.kind) {
                row.2 += 1;
                row.1 += usize::from(hit);
            }
            if !hit && verbose() {
                println!("  missed ({}) {}: {}", story.name, g.kind, g.why);
            }
        }
    }
    out
}

/// The engine's contradictions as judged.
#[derive(Default)]
struct Judged {
    right: usize,
    mixed: usize,
    unmatched: usize,
    /// Number contradictions, and those of them that are wrong.
    numbers: usize,
    numbers_wrong: usize,
}

/// Judges every engine contradiction of the stories.
fn judged(stories: &[Story]) -> Judged {
    let mut j = Judged::default();
    for story in stories {
        let golds = gold_of(story);
        for c in story.export["contradictions"].as_array().into_iter().flatten() {
            let v = verdict(&golds, c);
            let number = c["kind"] == "number";
            j.numbers += usize::from(number);
            match v {
                Verdict::Right => j.right += 1,
                Verdict::Mixed => j.mixed += 1,
                Verdict::Unmatched => j.unmatched += 1,
            }
            if v != Verdict::Right {
                j.numbers_wrong += usize::from(number);
                if verbose() {
                    let what = if v == Verdict::Mixed { "mixes other figures" } else { "matches no gold" };
                    println!("  wrong ({}, {what}) {}", story.name, show(c));
                }
            }
        }
    }
    j
}

/// The bundled sample's export (with its manifest), as JSON.
pub(crate) fn bundle() -> Option<Value> {
    crate::export_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("www/articles"), None).map(|(_, export)| export)
}

/// Prints this section's figures.
pub(crate) fn report(stories: &[Story], _dev_data: &Path) {
    let rows = found_by_kind(stories);
    let (found, total) = rows.iter().fold((0, 0), |acc, r| (acc.0 + r.1, acc.1 + r.2));
    let per_kind: Vec<String> = rows.iter().filter(|r| r.2 > 0).map(|r| format!("{} {}/{}", r.0, r.1, r.2)).collect();
    println!("contradictions: gold found {:.2} ({found}/{total}; {})", share(found, total), per_kind.join(", "));
    let j = judged(stories);
    let (wrong, all) = (j.mixed + j.unmatched, j.right + j.mixed + j.unmatched);
    println!(
        "contradictions: engine wrong {:.2} ({wrong}/{all}: {} mixing figures, {} matching no gold)",
        share(wrong, all),
        j.mixed,
        j.unmatched
    );
    println!(
        "contradictions: numbers counting different things (dev stories) {} of {} number contradictions",
        j.numbers_wrong, j.numbers
    );
    let Some(b) = bundle() else {
        println!("contradictions: bundle not loaded");
        return;
    };
    let list = b["contradictions"].as_array().cloned().unwrap_or_default();
    let numbers: Vec<&Value> = list.iter().filter(|c| c["kind"] == "number").collect();
    println!(
        "contradictions: numbers counting different things (bundle) {} ({} contradictions in all)",
        numbers.len(),
        list.len()
    );
    if verbose() {
        for c in &list {
            println!("  bundle {}", show(c));
        }
    }
}
