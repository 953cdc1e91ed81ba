//! The dates section of the real-coverage evaluation (issue 18): the share of gold time values the engine
//! gets right, overall and separately for articles with and without a publication date in the manifest.
//!
//! A gold entry (`time_expressions`: article, verbatim text, value at the stated grain) is found at the first
//! occurrence of its text in the article's exported text; it is right when a time expression of the export
//! overlaps that span and its value, cut to the gold's grain, equals the gold value (a finer engine value,
//! `2017-05-07T20:00` for `2017-05-07`, is right; a coarser one is not). `VERBOSE=1` lists every miss with
//! what the engine said there.

use crate::{share, verbose, Story};
use serde_json::Value;
use std::path::Path;

/// Right and total counts of one group of gold entries.
#[derive(Default)]
struct Tally {
    right: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }

    fn line(&self) -> String {
        format!("{:.2} ({}/{})", share(self.right, self.total), self.right, self.total)
    }
}

/// What the engine said at one gold entry's place.
enum Found {
    /// The gold text is not in the exported text.
    TextMissing,
    /// No time expression overlaps it.
    Nothing,
    /// The overlapping expressions' values (`None` unresolved), right or not.
    Values(Vec<Option<String>>, bool),
}

/// Prints this section's figures.
pub(crate) fn report(stories: &[Story], _dev_data: &Path) {
    let (mut all, mut dated, mut undated) = (Tally::default(), Tally::default(), Tally::default());
    let mut inferred = 0;
    let mut undated_articles = 0;
    for story in stories {
        for (stem, id) in &story.articles {
            let Some(article) = story.article(id) else { continue };
            if story.gold["articles"][stem.as_str()]["published"].is_null() {
                undated_articles += 1;
                inferred += usize::from(article["provenance"]["published"]["source"] == "inferred");
            }
        }
        for g in story.gold["time_expressions"].as_array().into_iter().flatten() {
            let (Some(stem), Some(text), Some(value)) =
                (g["article"].as_str(), g["text"].as_str(), g["value"].as_str())
            else {
                continue;
            };
            let found = story.id_of(stem).map_or(Found::TextMissing, |id| found_at(story, id, text, value));
            let right = matches!(found, Found::Values(_, true));
            all.add(right);
            if story.gold["articles"][stem]["published"].is_null() {
                undated.add(right);
            } else {
                dated.add(right);
            }
            if verbose() && !right {
                let said = match found {
                    Found::TextMissing => "text not found".to_string(),
                    Found::Nothing => "no time expression".to_string(),
                    Found::Values(v, _) => format!("{v:?}"),
                };
                println!("  miss {}/{stem}: {text:?} gold {value}, engine {said}", story.name);
            }
        }
    }
    println!("dates: time values right {}", all.line());
    println!("dates: time values right, dated articles {}", dated.line());
    println!("dates: time values right, undated articles {}", undated.line());
    println!("dates: undated articles given an inferred publication date {inferred}/{undated_articles}");
}

/// The engine's time expressions overlapping the first occurrence of `text` in article `id`.
fn found_at(story: &Story, id: &str, text: &str, gold: &str) -> Found {
    let Some(body) = story.article(id).and_then(|a| a["text"].as_str()) else { return Found::TextMissing };
    let Some(at) = body.find(text) else { return Found::TextMissing };
    let start = utf16_len(&body[..at]);
    let end = start + utf16_len(text);
    let times: Vec<&Value> = story.export["times"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["article"] == id)
        .filter(|t| t["start"].as_u64().unwrap_or(0) < end as u64 && t["end"].as_u64().unwrap_or(0) > start as u64)
        .collect();
    if times.is_empty() {
        return Found::Nothing;
    }
    let values: Vec<Option<String>> = times.iter().map(|t| t["value"].as_str().map(str::to_string)).collect();
    let right = values.iter().flatten().any(|v| v.len() >= gold.len() && v.get(..gold.len()) == Some(gold));
    Found::Values(values, right)
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}
