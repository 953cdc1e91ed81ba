//! Cross-referencing on the fixture clusters of `tests/data/clusters/` (written for testing): a planted
//! reworded copy whose passage boundaries are asserted, a quote told by three sources with a transposition
//! whose collation columns are asserted, two strikes a year apart told as two stories with a repeated claim,
//! one flood told in three wordings (claims found, a shared topic kept apart, a role given in an apposition
//! and a place contradicting the others),
//! dependent sources (same outlet, reuse), stable content-derived ids.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;
use storylines::{Corpus, Input, Manifest, DEFAULT_OPTIONS};

fn cluster(names: &[&str]) -> Corpus {
    let mut corpus = Corpus::new();
    for name in names {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/clusters").join(name);
        let manifest = Manifest::from_json(&std::fs::read_to_string(dir.join("manifest.json")).unwrap_or_default())
            .unwrap_or_default();
        for e in &manifest.articles {
            let bytes = std::fs::read(dir.join(&e.file)).unwrap_or_default();
            let meta = manifest.entry_for(&e.file).cloned().unwrap_or_default();
            let added = corpus.add(&Input { name: e.file.clone(), bytes, meta });
            assert!(matches!(added, Ok(Some(_))), "{name}/{}", e.file);
        }
    }
    corpus
}

fn export(c: &Corpus) -> Value {
    serde_json::to_value(c.export(&DEFAULT_OPTIONS).ok()).unwrap_or(Value::Null)
}

fn utf16_slice(export: &Value, article: &str, start: u64, end: u64) -> String {
    let text = export["articles"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["id"] == article))
        .and_then(|a| a["text"].as_str())
        .unwrap_or("");
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(units.get(start as usize..end as usize).unwrap_or(&[]))
}

fn sentence_text(export: &Value, r: &Value) -> String {
    export["articles"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["id"] == r["article"]))
        .and_then(|a| a["sentences"].get(r["sentence"].as_u64().unwrap_or(0) as usize))
        .and_then(|s| s["text"].as_str())
        .unwrap_or("")
        .to_string()
}

#[test]
fn planted_copy_is_found_with_its_passage_and_direction() {
    let x = export(&cluster(&["bridge"]));
    let reuse = x["reuse"].as_array().cloned().unwrap_or_default();
    let edges: Vec<(String, String, bool)> = reuse
        .iter()
        .map(|r| {
            (r["from"].as_str().unwrap_or("").into(), r["to"].as_str().unwrap_or("").into(), r["directed"] == true)
        })
        .collect();
    // Only the copy: the independent tribune shares the mayor's quote, which is no sign of copying.
    assert_eq!(edges, [("gazette".to_string(), "courier".to_string(), true)], "{reuse:?}");
    let p = &reuse[0]["passages"][0];
    let from =
        utf16_slice(&x, "gazette", p["from"]["start"].as_u64().unwrap_or(0), p["from"]["end"].as_u64().unwrap_or(0));
    let to = utf16_slice(&x, "courier", p["to"]["start"].as_u64().unwrap_or(0), p["to"]["end"].as_u64().unwrap_or(0));
    // The reworded word before the passage ("finished" / "completed") bounds it on the left; the shared end
    // of the second sentence bounds it on the right; the changed number and the attribution lie inside.
    assert!(from.starts_with("northern river crossing"), "{from}");
    assert!(from.ends_with("next winter"), "{from}");
    assert!(to.starts_with("northern river crossing"), "{to}");
    assert!(to.ends_with("next winter"), "{to}");
    assert!(to.contains("reports the Harbour Gazette"), "{to}");
    let evidence = reuse[0]["evidence"].to_string();
    assert!(evidence.contains("\\\"gazette\\\" 2024-03-05"), "{evidence}");
}

#[test]
fn quote_told_three_times_collates_with_its_transposition() {
    let c = cluster(&["bridge"]);
    let x = export(&c);
    let claim = x["claims"]
        .as_array()
        .and_then(|cs| {
            cs.iter().find(|c| {
                c["sentences"].as_array().is_some_and(|s| {
                    s.iter().any(|s| s["article"] == "tribune" && sentence_text(&x, s).contains("chapter"))
                })
            })
        })
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(claim["sources"], serde_json::json!(["courier", "gazette", "tribune"]), "{claim}");
    // Courier reuses gazette: three sources, two independent.
    assert_eq!(claim["independentSources"], serde_json::json!(["courier", "tribune"]));
    let id = claim["id"].as_str().unwrap_or("");
    let table = c.collate(id, &DEFAULT_OPTIONS).ok().flatten();
    let table = serde_json::to_value(table).unwrap_or(Value::Null);
    let witnesses: Vec<String> = table["witnesses"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|w| w["article"].as_str().unwrap_or("").to_string())
        .collect();
    let rows: Vec<String> = table["columns"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|col| {
            col["cells"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|cell| cell["text"].as_str().unwrap_or("-").to_string())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    println!("{witnesses:?}\n{}", rows.join("\n"));
    // Longest witness first (ties by id): the table does not depend on the order sources arrived in.
    assert_eq!(witnesses, ["gazette", "tribune", "courier"]);
    let expected = [
        "This|This|This",
        "bridge|bridge|bridge",
        "joins|-|joins",
        "two|-|two",
        "halves|-|halves",
        "of|-|of",
        "our|-|our",
        "city|-|city",
        "and|-|and",
        "opens|opens|opens",
        "a|a|a",
        "new|new|new",
        "chapter|chapter|chapter",
        "for|for|for",
        "everyone|everyone|everyone",
        "-|and|-",
        "-|joins|-",
        "-|two|-",
        "-|halves|-",
        "-|of|-",
        "-|our|-",
        "-|city|-",
        "-|-|said",
        "Mayor|Mayor|Mayor",
        "Ellen|Ellen|Ellen",
        "Fosse|Fosse|Fosse",
        "said|-|-",
        "at|-|-",
        "-|told|-",
        "the|the|-",
        "ceremony|crowd|-",
    ];
    assert_eq!(rows, expected);
    // The transposed phrase: tribune says "opens a new chapter" before "joins two halves".
    let words: Vec<String> = table["transpositions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| t["word"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(words, ["city", "halves", "joins", "two"]);
}

#[test]
fn two_strikes_a_year_apart_are_two_stories_and_the_repeated_claim_is_reported() {
    let x = export(&cluster(&["port"]));
    let stories: Vec<Value> = x["stories"].as_array().cloned().unwrap_or_default();
    let groups: Vec<Value> = stories.iter().map(|s| s["articles"].clone()).collect();
    assert_eq!(groups, [serde_json::json!(["dock-2022"]), serde_json::json!(["dock-2023a", "dock-2023b"])]);
    let repeated = x["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["toldOfSeveral"] == true)
        .cloned()
        .unwrap_or(Value::Null);
    let sources = repeated["sources"].as_array().cloned().unwrap_or_default();
    assert!(sources.contains(&Value::from("dock-2022")), "{repeated}");
    assert!(repeated["explanation"].as_str().unwrap_or("").contains("conflation or a repetition"));
    // Each strike's event keeps its own year's sentences, though a claim joins both years.
    for e in x["events"].as_array().into_iter().flatten() {
        let date = e["date"].as_str().unwrap_or("");
        let year = if date.starts_with("2022") { "dock-2022" } else { "dock-2023" };
        for s in e["sentences"].as_array().into_iter().flatten() {
            let article = s["article"].as_str().unwrap_or("");
            assert!(article.starts_with(year), "event {date} holds {article}:{}", s["sentence"]);
        }
    }
    // The two walk-outs are worded alike but dated a year apart: not one claim.
    let walkouts: Vec<Value> = x["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| {
            c["sentences"].as_array().is_some_and(|ss| {
                ss.iter().any(|s| s["article"] == "dock-2022" && sentence_text(&x, s).contains("walked out"))
            })
        })
        .cloned()
        .collect();
    for c in &walkouts {
        let other_year = c["sentences"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|s| s["article"] != "dock-2022" && sentence_text(&x, s).contains("walked out"));
        assert!(!other_year, "{c}");
    }
}

#[test]
fn ids_do_not_change_when_an_unrelated_article_joins() {
    let alone = export(&cluster(&["bridge"]));
    let both = export(&cluster(&["bridge", "port"]));
    let ids = |x: &Value, key: &str| -> Vec<String> {
        x[key].as_array().into_iter().flatten().map(|c| c["id"].as_str().unwrap_or("").to_string()).collect()
    };
    for key in ["claims", "contradictions", "quoteGroups", "events"] {
        let a = ids(&alone, key);
        let b = ids(&both, key);
        for id in &a {
            assert!(b.contains(id), "{key} {id} vanished when unrelated articles joined");
        }
    }
    let a_claims = alone["claims"].to_string();
    assert!(!a_claims.is_empty());
}

fn claim_with(x: &Value, article: &str, needle: &str) -> Value {
    x["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| {
            c["sentences"]
                .as_array()
                .is_some_and(|ss| ss.iter().any(|s| s["article"] == article && sentence_text(x, s).contains(needle)))
        })
        .cloned()
        .unwrap_or(Value::Null)
}

fn texts_of(x: &Value, claim: &Value) -> Vec<String> {
    claim["sentences"].as_array().into_iter().flatten().map(|s| sentence_text(x, s)).collect()
}

#[test]
fn one_flood_in_three_wordings() {
    let x = export(&cluster(&["flood"]));
    // The same fact worded three ways is one claim of three independent sources.
    let flood = claim_with(&x, "post", "over its banks");
    assert_eq!(flood["sources"], serde_json::json!(["herald", "ledger", "post"]), "{flood}");
    assert_eq!(flood["status"], "corroborated", "{flood}");
    let promise = claim_with(&x, "herald", "pledged flood walls");
    assert_eq!(promise["sources"], serde_json::json!(["herald", "ledger", "post"]), "{promise}");
    // The anglers share the river and the town (the topic), not a fact: in no claim with the flood.
    let texts = texts_of(&x, &flood);
    assert!(texts.iter().all(|t| !t.contains("anglers")), "{texts:?}");
    assert!(claim_with(&x, "ledger", "anglers").is_null(), "{}", claim_with(&x, "ledger", "anglers"));
    // Every alignment explains itself.
    for a in x["alignments"].as_array().into_iter().flatten() {
        assert!(a["sharedWords"].as_array().is_some_and(|w| w.len() >= 2), "{a}");
        assert!(a["score"].as_f64().is_some_and(|s| s >= DEFAULT_OPTIONS.align_threshold), "{a}");
    }
    let contradictions: Vec<Value> = x["contradictions"].as_array().cloned().unwrap_or_default();
    let spans = |c: &Value| -> Vec<String> {
        c["refs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                let a = r["article"].as_str().unwrap_or("");
                format!("{a}:{}", utf16_slice(&x, a, r["start"].as_u64().unwrap_or(0), r["end"].as_u64().unwrap_or(0)))
            })
            .collect()
    };
    // Governor (a title in two articles) versus mayor (an apposition in the third): one finding.
    let roles: Vec<&Value> = contradictions.iter().filter(|c| c["kind"] == "role").collect();
    assert_eq!(roles.len(), 1, "{contradictions:#?}");
    assert_eq!(spans(roles[0]), ["ledger:Governor", "post:Regional Governor", "herald:mayor"]);
    assert_eq!(
        roles[0]["explanation"],
        "Mara Quill is called \"Governor\" in ledger and \"Regional Governor\" in post but \"mayor\" in herald."
    );
    // The shelters visited: Brenfield in one source, Ardlow in another.
    let places: Vec<&Value> = contradictions.iter().filter(|c| c["kind"] == "place").collect();
    assert_eq!(places.len(), 1, "{contradictions:#?}");
    assert_eq!(spans(places[0]), ["herald:Brenfield", "post:Ardlow"]);
    assert_eq!(promise["status"], "contested", "{promise}");
    // Nothing else is contradicted: the dates, the weekday and the 300 families agree.
    assert_eq!(contradictions.len(), 2, "{contradictions:#?}");
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "President Jane Roe",
        "Prime Minister Jane Roe",
        "the İstanbul head of government",
        "İstanbul President Jane Roe",
        "the İİ Danish head of government",
        "the Danish head of government",
        "Danish President Jane Roe",
        "Jane Roe, a former advisor to Max Orr,",
        "The advisor to the İnterior Minister, Max Orr,",
        "Governor Max Orr",
        "the regional mayor",
        "opened the bridge in Ardlow",
        "opened the bridge in Brenfield",
        "on Tuesday, March 5, 2024,",
        "1,200 workers",
        "1,500 workers",
        "\"We will build it,\" she said.",
        "ẞtraße",
        "😀",
        "e\u{301}",
        ".",
        "\n\n",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever roles, offices, places and non-ASCII letters the articles hold, cross-referencing does not
    /// panic and every contradiction's refs are non-empty spans on UTF-16 boundaries of their article's text.
    #[test]
    fn contradiction_refs_stay_inside_the_text(
        bodies in prop::collection::vec(prop::collection::vec(piece(), 1..30), 2..4),
    ) {
        let mut corpus = Corpus::new();
        for (i, b) in bodies.iter().enumerate() {
            let text = format!("Head line\n\n{}", b.join(" "));
            let _ = corpus.add(&Input::new(format!("a{i}.txt"), text.into_bytes()));
        }
        let x = serde_json::to_value(corpus.export(&DEFAULT_OPTIONS).ok()).unwrap_or(Value::Null);
        for c in x["contradictions"].as_array().into_iter().flatten() {
            for r in c["refs"].as_array().into_iter().flatten() {
                let text = x["articles"]
                    .as_array()
                    .and_then(|a| a.iter().find(|a| a["id"] == r["article"]))
                    .and_then(|a| a["text"].as_str())
                    .unwrap_or("");
                let (start, end) = (r["start"].as_u64().unwrap_or(0) as u32, r["end"].as_u64().unwrap_or(0) as u32);
                let got = common::js_slice(text, start, end);
                prop_assert!(got.as_deref().is_some_and(|s| !s.is_empty()), "{c}");
                // And on word boundaries: no ref starts or ends inside a word.
                let before = common::js_slice(text, 0, start).unwrap_or_default();
                let after = common::js_slice(text, end, text.encode_utf16().count() as u32).unwrap_or_default();
                let inside = |x: Option<char>, y: Option<char>| x.is_some_and(char::is_alphanumeric) && y.is_some_and(char::is_alphanumeric);
                let got = got.unwrap_or_default();
                prop_assert!(!inside(before.chars().last(), got.chars().next()), "starts inside a word: {c}");
                prop_assert!(!inside(got.chars().last(), after.chars().next()), "ends inside a word: {c}");
            }
        }
    }
}
