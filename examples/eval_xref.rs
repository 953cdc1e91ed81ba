//! Runs the whole engine on the ECB+ development clusters (not in the repository) and reports what it
//! finds: entities merged across articles against the gold cross-document chains (pairwise precision and
//! recall of "same entity" decisions over gold person/organisation/place mentions the engine also found),
//! stories, events, claims, reuse and contradictions.
//!
//! `cargo run --release --example eval_xref -- ../shared/dev-data/ecbplus-dev`

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use storylines::{Corpus, Input, DEFAULT_OPTIONS};

fn main() {
    let root =
        std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/dev-data/ecbplus-dev"));
    let mut topics: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    topics.sort();
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for t in &topics {
        let (a, b, c) = topic(t);
        tp += a;
        fp += b;
        fneg += c;
    }
    let p = if tp + fp == 0 { 0.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fneg == 0 { 0.0 } else { tp as f64 / (tp + fneg) as f64 };
    println!("\nall topics: cross-article entity pairs precision {p:.2} recall {r:.2} (tp {tp}, fp {fp}, fn {fneg})");
}

fn topic(dir: &Path) -> (usize, usize, usize) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut corpus = Corpus::new();
    let mut gold: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for f in &files {
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let json: Value = std::fs::read_to_string(f.with_extension("json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let mut input = Input::new(name.clone(), std::fs::read(f).unwrap_or_default());
        input.meta.outlet = json["outlet"].as_str().map(str::to_string);
        input.meta.url = json["url"].as_str().map(str::to_string);
        if let Ok(Some(id)) = corpus.add(&input) {
            gold.insert(id, json["mentions"].as_array().cloned().unwrap_or_default());
        }
    }
    let x = serde_json::to_value(corpus.export(&DEFAULT_OPTIONS).ok()).unwrap_or(Value::Null);
    let len = |k: &str| x[k].as_array().map_or(0, Vec::len);
    let status = |s: &str| x["claims"].as_array().into_iter().flatten().filter(|c| c["status"] == s).count();
    println!(
        "{}: {} articles, {} stories, {} events, {} claims ({} corroborated, {} single-source, {} contested), {} reuse edges, {} contradictions, {} quote groups, {} entities",
        dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        len("articles"),
        len("stories"),
        len("events"),
        len("claims"),
        status("corroborated"),
        status("single-source"),
        status("contested"),
        len("reuse"),
        len("contradictions"),
        len("quoteGroups"),
        len("entities"),
    );
    for r in x["reuse"].as_array().into_iter().flatten() {
        println!(
            "  reuse {} -> {} score {} ({} passages)",
            r["from"],
            r["to"],
            r["score"],
            r["passages"].as_array().map_or(0, Vec::len)
        );
    }
    for e in x["events"].as_array().into_iter().flatten().take(8) {
        println!(
            "  event {} {} sources {}: {}",
            e["date"],
            e["grain"],
            e["sources"].as_array().map_or(0, Vec::len),
            e["label"]
        );
    }
    // Entity pairs: gold person/org/place mentions the engine found (same start in the same article, ASCII
    // texts so offsets agree), compared pairwise across articles.
    let mut found: Vec<(String, String, String)> = Vec::new(); // (article, gold chain, engine entity)
    for e in x["entities"].as_array().into_iter().flatten() {
        for m in e["mentions"].as_array().into_iter().flatten() {
            let article = m["article"].as_str().unwrap_or("");
            let start = m["start"].as_u64().unwrap_or(u64::MAX);
            let end = m["end"].as_u64().unwrap_or(0);
            for g in gold.get(article).into_iter().flatten() {
                let ty = g["type"].as_str().unwrap_or("");
                let (gs, ge) = (g["start"].as_u64().unwrap_or(0), g["end"].as_u64().unwrap_or(0));
                if (ty.starts_with("HUMAN") || ty.starts_with("LOC") || ty.contains("ORG")) && gs < end && start < ge {
                    found.push((
                        article.to_string(),
                        g["cross_doc_chain"].as_str().unwrap_or("").to_string(),
                        e["id"].as_str().unwrap_or("").to_string(),
                    ));
                    break;
                }
            }
        }
    }
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (i, a) in found.iter().enumerate() {
        for b in found.iter().skip(i + 1) {
            if a.0 == b.0 {
                continue;
            }
            match (a.1 == b.1, a.2 == b.2) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fneg += 1,
                _ => {}
            }
        }
    }
    println!("  entity pairs across articles: tp {tp} fp {fp} fn {fneg} (over {} matched gold mentions)", found.len());
    (tp, fp, fneg)
}
