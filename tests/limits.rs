//! The documented limits (README "Limits", docs/FUZZING.md): each pathological input of
//! `storylines::fuzzing::pathological` gives its clear diagnostic or a result, never a hang or a panic.
//! How long each takes is a benchmark figure (`cargo bench --bench limits`), not asserted here.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)]

use storylines::fuzzing::{check_diff, check_spans, pathological};
use storylines::{Corpus, Export, DEFAULT_OPTIONS};

/// What each case must give: the diagnostic codes it must carry, and how many articles must be kept.
const EXPECTED: &[(&str, &[&str], usize)] = &[
    ("identical-sentences", &[], 2),
    ("one-mb-sentence", &["long-line", "long-sentence"], 2),
    ("only-quotes", &[], 1),
    ("long-words", &["long-sentence"], 2),
    ("deep-html", &["html-unreadable"], 0),
    ("largest-article", &[], 1),
    ("too-much-text", &["too-large"], 0),
    ("too-large", &["too-large"], 0),
    ("thousand-articles", &[], 1_000),
];

fn run(name: &str) -> (Corpus, Export) {
    let Some((_, inputs)) = pathological().into_iter().find(|(n, _)| *n == name) else { panic!("no case {name}") };
    let mut corpus = Corpus::new();
    for i in &inputs {
        let _ = corpus.add(i);
    }
    match corpus.export(&DEFAULT_OPTIONS) {
        Ok(e) => (corpus, e),
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn every_case_is_specified() {
    let names: Vec<&str> = pathological().iter().map(|(n, _)| *n).collect();
    let specified: Vec<&str> = EXPECTED.iter().map(|(n, _, _)| *n).collect();
    assert_eq!(names, specified);
}

fn check(name: &str) {
    let Some((_, codes, kept)) = EXPECTED.iter().find(|(n, _, _)| *n == name) else { panic!("no case {name}") };
    let (corpus, export) = run(name);
    assert_eq!(export.articles.len(), *kept, "{name}: articles kept");
    for code in *codes {
        let d = export.diagnostics.iter().find(|d| d.code == *code);
        assert!(d.is_some_and(|d| !d.message.is_empty()), "{name}: no {code} diagnostic in {:?}", export.diagnostics);
    }
    check_spans(&export);
    let ids: Vec<String> = corpus.articles().iter().take(2).map(|a| a.id.clone()).collect();
    if let [a, b] = ids.as_slice() {
        match corpus.diff(a, b, &DEFAULT_OPTIONS) {
            Ok(d) => check_diff(&d),
            Err(e) => panic!("{name}: {e}"),
        }
    }
}

#[test]
fn identical_sentences() {
    check("identical-sentences");
}

#[test]
fn one_mb_sentence() {
    check("one-mb-sentence");
}

#[test]
fn only_quotes() {
    check("only-quotes");
}

#[test]
fn long_words() {
    check("long-words");
}

#[test]
fn deep_html() {
    check("deep-html");
}

#[test]
fn largest_article() {
    check("largest-article");
}

#[test]
fn too_much_text() {
    check("too-much-text");
}

#[test]
fn too_large() {
    check("too-large");
}

#[test]
fn thousand_articles() {
    check("thousand-articles");
}
