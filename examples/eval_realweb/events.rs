//! The events section of the real-coverage evaluation (issue 18, item 7): event labels as the page shows them
//! (the export's `label`, which the overview and the timeline print as is).
//!
//! Prints, per story, the five events with the most sources (ties in date order) with their date and label,
//! so a person judges whether they read as sentences; and counts, over every event of the stories and of the
//! bundled sample, the labels with a hole where a date was cut out: a preposition that ends the label or is
//! followed by punctuation or by a word that cannot open its object ("on when", "on ,", "in the …" is fine);
//! and the labels that are not a reported clause (issue 18, item 7): a quotation (a quotation mark in it), or
//! shorter than a clause (fewer than four words, fewer than two lower-case words as a date line or a heading
//! of names has, or a verb phrase with no subject: a first word in `-ed` before a determiner).

use crate::{share, verbose, Story};
use serde_json::Value;
use std::path::Path;

/// Prepositions that take a date ("on Monday", "in May").
const DATE_PREPOSITIONS: &[&str] =
    &["on", "in", "at", "since", "by", "from", "until", "before", "after", "of", "during"];

/// Words that cannot open a preposition's object: a preposition before one of them lost its object.
const NO_OBJECT: &[&str] = &[
    "when", "that", "and", "or", "but", "as", "after", "before", "with", "to", "for", "on", "in", "at", "of", "was",
    "were", "is", "are", "had", "has", "have", "said", "says", "will", "would",
];

/// Whether a label has a hole where a date was (see the module's rule).
fn holed(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        if !DATE_PREPOSITIONS.contains(&bare.as_str()) {
            return false;
        }
        // A preposition written with punctuation right after it ("on,") lost its object too.
        if w.ends_with(|c: char| !c.is_alphanumeric()) {
            return true;
        }
        match words.get(i + 1) {
            None => true,
            Some(next) => {
                let n = next.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
                n.is_empty() || NO_OBJECT.contains(&n.as_str())
            }
        }
    })
}

/// Why a label is not a reported clause, if it is not (see the module's rule).
fn unreported(label: &str) -> Option<&'static str> {
    let words: Vec<&str> = label.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    let lower = words.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
    let verb_first = words.first().is_some_and(|w| w.len() > 4 && w.ends_with("ed"))
        && words
            .get(1)
            .is_some_and(|w| ["its", "the", "a", "an", "his", "her", "their"].contains(&w.to_lowercase().as_str()));
    if label.contains(['"', '“', '”', '«', '»', '„']) {
        Some("a quotation")
    } else if words.len() < 4 || lower < 2 {
        Some("shorter than a clause")
    } else if verb_first {
        Some("a verb phrase with no subject")
    } else {
        None
    }
}

/// Counts labels that are not reported clauses among an export's events, printing each when verbose.
fn unreported_labels(name: &str, export: &Value) -> (usize, usize) {
    let events: Vec<&Value> = export["events"].as_array().into_iter().flatten().collect();
    let mut n = 0;
    for e in &events {
        let label = e["label"].as_str().unwrap_or("");
        if let Some(why) = unreported(label) {
            n += 1;
            if verbose() {
                println!("  not a report ({name}, {why}) {}: {label}", e["date"].as_str().unwrap_or(""));
            }
        }
    }
    (n, events.len())
}

/// The events of an export, most sources first, then in date order.
fn ranked(export: &Value) -> Vec<&Value> {
    let mut events: Vec<&Value> = export["events"].as_array().into_iter().flatten().collect();
    let sources = |e: &Value| e["sources"].as_array().map_or(0, Vec::len);
    events.sort_by(|a, b| {
        sources(b).cmp(&sources(a)).then_with(|| a["date"].as_str().unwrap_or("").cmp(b["date"].as_str().unwrap_or("")))
    });
    events
}

/// Counts holed labels among an export's events, printing each when verbose.
fn holes(name: &str, export: &Value) -> (usize, usize) {
    let mut n = 0;
    let events: Vec<&Value> = export["events"].as_array().into_iter().flatten().collect();
    for e in &events {
        let label = e["label"].as_str().unwrap_or("");
        if holed(label) {
            n += 1;
            if verbose() {
                println!("  holed ({name}) {}: {label}", e["date"].as_str().unwrap_or(""));
            }
        }
    }
    (n, events.len())
}

/// The bundled sample's export, through the same loader as the contradictions section.
fn bundle() -> Option<Value> {
    crate::contradictions::bundle()
}

/// Prints this section's figures.
pub(crate) fn report(stories: &[Story], _dev_data: &Path) {
    let (mut holed_n, mut all, mut unreported_n) = (0, 0, 0);
    for story in stories {
        println!("events: {} ({} events), the five with most sources:", story.name, ranked(&story.export).len());
        for e in ranked(&story.export).into_iter().take(5) {
            let n = e["sources"].as_array().map_or(0, Vec::len);
            println!("  {} [{n}] {}", e["date"].as_str().unwrap_or(""), e["label"].as_str().unwrap_or(""));
        }
        let (h, a) = holes(&story.name, &story.export);
        holed_n += h;
        all += a;
        unreported_n += unreported_labels(&story.name, &story.export).0;
    }
    println!("events: labels with a hole where a date was (dev stories) {:.2} ({holed_n}/{all})", share(holed_n, all));
    println!(
        "events: labels that are quotations or shorter than a clause (dev stories) {:.2} ({unreported_n}/{all})",
        share(unreported_n, all)
    );
    if let Some(b) = bundle() {
        let (h, a) = holes("bundle", &b);
        println!("events: labels with a hole where a date was (bundle) {:.2} ({h}/{a})", share(h, a));
        let (u, _) = unreported_labels("bundle", &b);
        println!("events: labels that are quotations or shorter than a clause (bundle) {:.2} ({u}/{a})", share(u, a));
        for e in ranked(&b).into_iter().take(5) {
            println!("  bundle {} {}", e["date"].as_str().unwrap_or(""), e["label"].as_str().unwrap_or(""));
        }
    }
}
