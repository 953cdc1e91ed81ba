//! Runs the whole engine on the ECB+ development clusters (not in the repository) and reports what it
//! finds: entities merged across articles against the gold cross-document chains (pairwise precision and
//! recall of "same entity" decisions over gold person/organisation/place mentions the engine also found),
//! stories, events, claims, reuse and contradictions.
//!
//! Claims are scored against the gold event chains: two sentences of different articles that hold a mention
//! of the same gold action chain (ECB+ `ACTION_*` markables with a cross-document chain) state the same
//! happening; pairwise precision and recall of "same claim" over the sentences that hold such a mention.
//!
//! `cargo run --release --example eval_xref -- ../shared/dev-data` (the folder holding `ecbplus-dev/`, or
//! that folder itself; `THRESHOLD=x` for another alignment threshold, `VERBOSE=1` to print the claims).

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use storylines::{Corpus, Input, DEFAULT_OPTIONS};

fn main() {
    let mut root =
        std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/dev-data/ecbplus-dev"));
    if root.join("ecbplus-dev").is_dir() {
        root = root.join("ecbplus-dev");
    }
    let mut topics: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    topics.sort();
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let (mut ctp, mut cfp, mut cfn) = (0usize, 0usize, 0usize);
    for t in &topics {
        let ((a, b, c), (d, e, f)) = topic(t);
        tp += a;
        fp += b;
        fneg += c;
        ctp += d;
        cfp += e;
        cfn += f;
    }
    let ratio = |x: usize, y: usize| if x + y == 0 { 0.0 } else { x as f64 / (x + y) as f64 };
    let (p, r) = (ratio(tp, fp), ratio(tp, fneg));
    println!("\nall topics: cross-article entity pairs precision {p:.2} recall {r:.2} (tp {tp}, fp {fp}, fn {fneg})");
    let (p, r) = (ratio(ctp, cfp), ratio(ctp, cfn));
    println!("all topics: same-claim sentence pairs vs gold event chains precision {p:.2} recall {r:.2} (tp {ctp}, fp {cfp}, fn {cfn})");
}

/// Pairwise "same claim" decisions against the gold action chains, over the sentences that hold a mention
/// of an action chain found in two articles or more.
fn claim_pairs(x: &Value, gold: &BTreeMap<String, Vec<Value>>) -> (usize, usize, usize) {
    use std::collections::{BTreeMap as Map, BTreeSet};
    let is_action = |g: &Value| g["type"].as_str().is_some_and(|t| t.contains("ACTION"));
    let mut chain_articles: Map<String, BTreeSet<String>> = Map::new();
    for (article, ms) in gold {
        for g in ms.iter().filter(|g| is_action(g)) {
            if let Some(c) = g["cross_doc_chain"].as_str() {
                chain_articles.entry(c.to_string()).or_default().insert(article.clone());
            }
        }
    }
    // (article, sentence) -> the shared action chains it mentions.
    let mut chains: Map<(String, u64), BTreeSet<String>> = Map::new();
    for a in x["articles"].as_array().into_iter().flatten() {
        let id = a["id"].as_str().unwrap_or("").to_string();
        for g in gold.get(&id).into_iter().flatten().filter(|g| is_action(g)) {
            let (Some(c), Some(start)) = (g["cross_doc_chain"].as_str(), g["start"].as_u64()) else { continue };
            if chain_articles.get(c).map_or(0, BTreeSet::len) < 2 {
                continue;
            }
            let within = |s: &&Value| {
                s["start"].as_u64().is_some_and(|x| x <= start) && s["end"].as_u64().is_some_and(|e| start < e)
            };
            if let Some(s) = a["sentences"].as_array().and_then(|ss| ss.iter().find(within)) {
                chains.entry((id.clone(), s["id"].as_u64().unwrap_or(0))).or_default().insert(c.to_string());
            }
        }
    }
    let mut claim_of: Map<(String, u64), String> = Map::new();
    for c in x["claims"].as_array().into_iter().flatten() {
        for s in c["sentences"].as_array().into_iter().flatten() {
            let k = (s["article"].as_str().unwrap_or("").to_string(), s["sentence"].as_u64().unwrap_or(0));
            claim_of.insert(k, c["id"].as_str().unwrap_or("").to_string());
        }
    }
    let keys: Vec<&(String, u64)> = chains.keys().collect();
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (i, a) in keys.iter().enumerate() {
        for b in keys.iter().skip(i + 1) {
            if a.0 == b.0 {
                continue;
            }
            let same_gold = match (chains.get(*a), chains.get(*b)) {
                (Some(p), Some(q)) => !p.is_disjoint(q),
                _ => false,
            };
            let same_found = claim_of.contains_key(*a) && claim_of.get(*a) == claim_of.get(*b);
            match (same_gold, same_found) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fneg += 1,
                _ => {}
            }
        }
    }
    (tp, fp, fneg)
}

type Counts = (usize, usize, usize);

fn topic(dir: &Path) -> (Counts, Counts) {
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
    let mut options = DEFAULT_OPTIONS;
    if let Some(t) = std::env::var("THRESHOLD").ok().and_then(|t| t.parse::<f64>().ok()) {
        options.align_threshold = t;
    }
    let x = serde_json::to_value(corpus.export(&options).ok()).unwrap_or(Value::Null);
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
    let claims = claim_pairs(&x, &gold);
    println!("  same-claim sentence pairs vs gold event chains: tp {} fp {} fn {}", claims.0, claims.1, claims.2);
    if std::env::var_os("VERBOSE").is_some() {
        let text = |r: &Value| -> String {
            x["articles"]
                .as_array()
                .and_then(|a| a.iter().find(|a| a["id"] == r["article"]))
                .and_then(|a| a["sentences"].get(r["sentence"].as_u64().unwrap_or(0) as usize))
                .and_then(|s| s["text"].as_str())
                .unwrap_or("")
                .chars()
                .take(100)
                .collect()
        };
        for c in x["claims"].as_array().into_iter().flatten() {
            println!("  {} {}", c["id"], c["status"]);
            for s in c["sentences"].as_array().into_iter().flatten() {
                println!("      {}:{} {}", s["article"], s["sentence"], text(s));
            }
        }
    }
    ((tp, fp, fneg), claims)
}
