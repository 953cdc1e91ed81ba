//! Property tests of the whole export (issue 10): on generated news-like articles (names, dates, numbers,
//! quotes, hostile Unicode), every exported span slices back to its text on UTF-16 boundaries, the export is
//! deterministic and independent of the order articles are added in, always validates against
//! `schema/storylines.schema.json`, the pairwise diff reconstructs both texts, and an unrelated article does
//! not change the findings between two others (docs/ARCHITECTURE.md, "Corpus-level statistics").
//!
//! Case counts are small so that `cargo test` stays fast; the fuzz targets (`fuzz/`, docs/FUZZING.md) cover
//! arbitrary bytes.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;
use storylines::fuzzing::{check_diff, check_spans};
use storylines::{Corpus, Export, Input, DEFAULT_OPTIONS};

const NAMES: &[&str] =
    &["Maria Lopez", "Jan Kowalski", "Amina Diallo", "the Ministry of Water", "Lopez", "Dr Chen Wei"];
const PLACES: &[&str] = &["Lagos", "Peru", "the Harbour District", "Ōsaka", "Zürich"];
const DATES: &[&str] =
    &["on Monday", "on March 3, 2024", "last week", "in 2019", "on 12 May", "yesterday", "on Friday, June 7"];
const VERBS: &[&str] = &["said", "told reporters", "wrote", "announced", "denied"];
const NOUNS: &[&str] = &["the bridge", "the harbour", "the vote", "the budget", "the storm", "the report"];
/// Pieces that break naive offset arithmetic or naive HTML handling.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "<!-- note -->",
    "<![CDATA[x]]>",
    "\u{202E}evil\u{202C}",
    "👩\u{200D}👩\u{200D}👧",
    "e\u{301}\u{302}",
    "😀",
    "東京",
    "\u{FEFF}",
    "\"",
    "“”",
    "«»",
];

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..5000).prop_map(|n| n.to_string()),
        (1u32..99).prop_map(|n| format!("{n}%")),
        (1u32..900).prop_map(|n| format!("${n} million")),
        Just("about forty".to_string()),
        Just("1,250".to_string()),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    let pick = |xs: &'static [&'static str]| prop::sample::select(xs).prop_map(str::to_string);
    prop_oneof![
        (pick(NAMES), pick(VERBS), pick(NOUNS), number(), pick(DATES))
            .prop_map(|(n, v, o, k, d)| format!("{n} {v} that {o} cost {k} {d}.")),
        (pick(NOUNS), pick(PLACES), pick(DATES), number())
            .prop_map(|(o, p, d, k)| format!("In {p}, {o} was closed {d} after {k} people complained.")),
        (pick(NAMES), pick(NOUNS), pick(VERBS))
            .prop_map(|(n, o, v)| format!("\u{201C}We will rebuild {o},\u{201D} {n} {v}.")),
        (pick(NAMES), pick(HOSTILE), pick(NOUNS)).prop_map(|(n, h, o)| format!("{n} posted {h} about {o}.")),
        (pick(HOSTILE), pick(HOSTILE), number()).prop_map(|(a, b, k)| format!("{a}{b} {k}")),
        "[a-zA-Z\u{e9}\u{301}😀 ,.'\"-]{0,60}",
    ]
}

/// One article: a headline and a few paragraphs of generated sentences.
fn article() -> impl Strategy<Value = String> {
    (sentence(), prop::collection::vec(prop::collection::vec(sentence(), 1..4), 1..5)).prop_map(|(head, paras)| {
        let body: Vec<String> = paras.iter().map(|p| p.join(" ")).collect();
        format!("{}\n\n{}\n", head.trim_end_matches('.'), body.join("\n\n"))
    })
}

/// Two to four articles, where later ones may copy sentences of the first (so that findings exist).
fn bundle() -> impl Strategy<Value = Vec<String>> {
    (article(), prop::collection::vec((article(), any::<bool>()), 1..4)).prop_map(|(first, rest)| {
        let mut out = vec![first.clone()];
        for (a, copy) in rest {
            out.push(if copy { format!("{a}\n{}", first.lines().skip(2).collect::<Vec<_>>().join("\n")) } else { a });
        }
        out
    })
}

fn export_of(texts: &[(String, String)]) -> Result<Export, TestCaseError> {
    let mut corpus = Corpus::new();
    for (name, text) in texts {
        let _ = corpus.add(&Input::new(name.clone(), text.as_bytes()));
    }
    corpus.export(&DEFAULT_OPTIONS).map_err(|e| TestCaseError::fail(e.to_string()))
}

fn named(texts: &[String]) -> Vec<(String, String)> {
    texts.iter().enumerate().map(|(i, t)| (format!("art{i}.txt"), t.clone())).collect()
}

fn json(e: &Export) -> String {
    serde_json::to_string(e).unwrap_or_default()
}

fn validator() -> Option<&'static jsonschema::Validator> {
    static V: OnceLock<Option<jsonschema::Validator>> = OnceLock::new();
    V.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/storylines.schema.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
        jsonschema::validator_for(&schema).ok()
    })
    .as_ref()
}

/// The findings of an export that involve only articles `a` and `b`, with what may depend on corpus-level
/// statistics (scores, ids numbered across the corpus) left out.
fn findings_between(e: &Export, a: &str, b: &str) -> Vec<String> {
    let ours = |x: &str| x == a || x == b;
    let mut out: Vec<String> = Vec::new();
    for al in &e.alignments {
        if ours(&al.a.article) && ours(&al.b.article) {
            out.push(format!(
                "align {}:{} {}:{} {:?}",
                al.a.article, al.a.sentence, al.b.article, al.b.sentence, al.shared_words
            ));
        }
    }
    for r in &e.reuse {
        if ours(&r.from) && ours(&r.to) {
            let spans: Vec<String> = r
                .passages
                .iter()
                .map(|p| format!("{}-{}/{}-{}", p.from.start, p.from.end, p.to.start, p.to.end))
                .collect();
            out.push(format!("reuse {} {} {} {:?}", r.from, r.to, r.directed, spans));
        }
    }
    for c in &e.claims {
        if c.sentences.iter().all(|s| ours(&s.article)) {
            let s: Vec<String> = c.sentences.iter().map(|s| format!("{}:{}", s.article, s.sentence)).collect();
            out.push(format!("claim {s:?} {:?} {:?}", c.sources, c.status));
        }
    }
    for c in &e.contradictions {
        if c.refs.iter().all(|r| ours(&r.article)) {
            let s: Vec<String> = c.refs.iter().map(|r| format!("{}:{}-{}", r.article, r.start, r.end)).collect();
            out.push(format!("contradiction {:?} {s:?}", c.kind));
        }
    }
    out.sort();
    out
}

/// Sentences whose content words are fresh (no word repeats across sentences), so that two sentences either
/// copy each other or share no content word: their alignment then cannot depend on IDF weights.
fn fresh_sentences(words: &[String], n: usize, offset: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let w = |k: usize| words.get((offset + i * 3 + k) % words.len().max(1)).cloned().unwrap_or_default();
            format!("The {} of the {} was {} and it was not over.", w(0), w(1), w(2))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Every exported span (sentences, furniture, paragraphs, entity mentions, times, numbers, quotes,
    /// contradiction refs, reuse passages) lies inside its text on UTF-16 boundaries and slices back to its text.
    #[test]
    fn every_span_slices_back_to_its_text(texts in bundle()) {
        let e = export_of(&named(&texts))?;
        check_spans(&e);
    }

    /// The same input gives the same export, whatever order the articles are added in.
    #[test]
    fn export_is_deterministic_and_order_independent(texts in bundle(), rot in 0usize..4) {
        let named = named(&texts);
        let first = json(&export_of(&named)?);
        prop_assert_eq!(&first, &json(&export_of(&named)?));
        let mut turned = named.clone();
        let k = rot % turned.len().max(1);
        turned.rotate_left(k);
        turned.reverse();
        prop_assert_eq!(&first, &json(&export_of(&turned)?));
    }

    /// The export always validates against the JSON Schema.
    #[test]
    fn export_validates_against_the_schema(texts in bundle()) {
        let e = export_of(&named(&texts))?;
        let Some(v) = validator() else { return Err(TestCaseError::fail("the schema does not load")) };
        let instance = serde_json::to_value(&e).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let errors: Vec<String> = v.iter_errors(&instance).take(5).map(|e| format!("{e} at {}", e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:#?}", errors);
    }

    /// The pairwise diff accounts for every sentence of both articles once and its word operations
    /// reconstruct both word lists; an article diffed with itself matches every sentence unmoved.
    #[test]
    fn diff_reconstructs_both_texts(texts in bundle()) {
        let mut corpus = Corpus::new();
        for (name, text) in named(&texts) {
            let _ = corpus.add(&Input::new(name, text.as_bytes()));
        }
        let ids: Vec<String> = corpus.articles().iter().map(|a| a.id.clone()).collect();
        for a in &ids {
            for b in &ids {
                let d = corpus.diff(a, b, &DEFAULT_OPTIONS).map_err(|e| TestCaseError::fail(e.to_string()))?;
                check_diff(&d);
                if a == b {
                    prop_assert!(d.matched.iter().all(|m| !m.moved && m.a == m.b));
                }
            }
        }
    }

    /// Adding an article that shares no word with two others leaves the findings between those two as they
    /// were (alignments and their shared words, reuse passages, claims and their status, contradictions).
    /// Scores and corpus-wide numbering may move: they depend on the declared corpus-level statistics.
    #[test]
    fn an_unrelated_article_changes_nothing_between_two_others(
        words in prop::collection::btree_set("[b-df-hj-np-tv-z]{3}[aeiou][b-df-hj-np-tv-z]{2}", 70..90),
        copied in prop::collection::vec(any::<bool>(), 8),
    ) {
        let words: Vec<String> = words.into_iter().collect();
        let a_sentences = fresh_sentences(&words, 8, 0);
        let mut b_sentences = fresh_sentences(&words, 8, 24);
        for (i, c) in copied.iter().enumerate() {
            if *c {
                if let (Some(b), Some(a)) = (b_sentences.get_mut(i), a_sentences.get(i)) {
                    b.clone_from(a);
                }
            }
        }
        let c_sentences = fresh_sentences(&words, 6, 48);
        let text = |title: &str, s: &[String]| format!("{title}\n\n{}\n", s.join(" "));
        let pair = vec![
            ("a.txt".to_string(), text("First report", &a_sentences)),
            ("b.txt".to_string(), text("Second report", &b_sentences)),
        ];
        let mut three = pair.clone();
        three.push(("c.txt".to_string(), text("Unrelated note", &c_sentences)));
        let before = findings_between(&export_of(&pair)?, "a", "b");
        let after = findings_between(&export_of(&three)?, "a", "b");
        prop_assert_eq!(before, after);
    }
}
