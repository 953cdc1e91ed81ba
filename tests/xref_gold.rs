//! Precision and recall of cross-referencing on the bundled articles against the hand-written gold
//! (`tests/gold/bundle.xref.json`, written from the texts before tuning). Prints the figures per kind and
//! asserts floors: see the comments at each assertion for why a floor is where it is.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn gold() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/bundle.xref.json"))
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Maps `[article letter, substring]` to (article id, sentence index).
fn locate(export: &Value, letters: &BTreeMap<String, String>, r: &Value) -> Option<(String, u64)> {
    let letter = r.get(0)?.as_str()?;
    let needle = r.get(1)?.as_str()?;
    let id = letters.get(letter)?;
    let article = export["articles"].as_array()?.iter().find(|a| a["id"] == id.as_str())?;
    if let Some(s) =
        article["sentences"].as_array()?.iter().find(|s| s["text"].as_str().is_some_and(|t| t.contains(needle)))
    {
        return Some((id.clone(), s["id"].as_u64()?));
    }
    // Text outside the body (a caption) is keyed by its furniture span, offset past any sentence id.
    let f =
        article["furniture"].as_array()?.iter().position(|f| f["text"].as_str().is_some_and(|t| t.contains(needle)))?;
    Some((id.clone(), FURNITURE_KEY + f as u64))
}

/// Keys of furniture spans start here, so that they never collide with sentence ids.
const FURNITURE_KEY: u64 = 1_000_000;

fn pr(name: &str, tp: usize, found: usize, gold_n: usize, gold_hit: usize) -> (f64, f64) {
    let p = if found == 0 { 1.0 } else { tp as f64 / found as f64 };
    let r = if gold_n == 0 { 1.0 } else { gold_hit as f64 / gold_n as f64 };
    println!("{name:<16} precision {p:.2} ({tp}/{found})  recall {r:.2} ({gold_hit}/{gold_n})");
    (p, r)
}

#[test]
fn bundle_against_gold() {
    // THRESHOLD=x measures at another alignment threshold (the floors below hold for the default only).
    let threshold = std::env::var("THRESHOLD").ok().and_then(|t| t.parse::<f64>().ok());
    let export = match threshold {
        None => serde_json::to_value(common::export(&common::inputs(&common::bundle_files()))).unwrap_or(Value::Null),
        Some(t) => {
            let mut corpus = storylines::Corpus::new();
            for i in common::inputs(&common::bundle_files()) {
                let _ = corpus.add(&i);
            }
            let mut options = storylines::DEFAULT_OPTIONS;
            options.align_threshold = t;
            corpus.export(&options).ok().and_then(|e| serde_json::to_value(e).ok()).unwrap_or(Value::Null)
        }
    };
    let g = gold();
    let letters: BTreeMap<String, String> = g["articles"]
        .as_object()
        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string())).collect())
        .unwrap_or_default();

    let (cp, cr) = claim_pairs("claims (pairs)", &export, &g, &letters);
    // With the sentence-embedding model (data/embeddings.bin): sentences also align by meaning.
    let meaning = export_with_meaning(threshold);
    let (mp, mr) = claim_pairs("claims, meaning", &meaning, &g, &letters);
    let opening = one_claim_of_all(&meaning, &g, &letters, 1);
    println!(
        "the opening-in-Kazakh fact in one claim with all five articles: {opening:?} (by wording alone: {:?})",
        one_claim_of_all(&export, &g, &letters, 1)
    );

    // Reuse edges (directed).
    let want: BTreeSet<(String, String)> = g["reuse"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| Some((letters.get(r["from"].as_str()?)?.clone(), letters.get(r["to"].as_str()?)?.clone())))
        .collect();
    let got: BTreeSet<(String, String)> = export["reuse"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| (r["from"].as_str().unwrap_or("").to_string(), r["to"].as_str().unwrap_or("").to_string()))
        .collect();
    let (rp, rr) = pr("reuse", got.intersection(&want).count(), got.len(), want.len(), want.intersection(&got).count());

    // Stories: pairwise "same story" over articles.
    let mut gold_story: BTreeMap<String, usize> = BTreeMap::new();
    for (si, s) in g["stories"].as_array().into_iter().flatten().enumerate() {
        for a in s["articles"].as_array().into_iter().flatten() {
            if let Some(id) = a.as_str().and_then(|l| letters.get(l)) {
                gold_story.insert(id.clone(), si);
            }
        }
    }
    let mut found_story: BTreeMap<String, String> = BTreeMap::new();
    for s in export["stories"].as_array().into_iter().flatten() {
        for a in s["articles"].as_array().into_iter().flatten() {
            found_story.insert(a.as_str().unwrap_or("").to_string(), s["id"].as_str().unwrap_or("").to_string());
        }
    }
    let ids: Vec<&String> = gold_story.keys().collect();
    let (mut stp, mut sfp, mut sfn) = (0, 0, 0);
    for (i, a) in ids.iter().enumerate() {
        for b in ids.iter().skip(i + 1) {
            match (gold_story.get(*a) == gold_story.get(*b), found_story.get(*a) == found_story.get(*b)) {
                (true, true) => stp += 1,
                (false, true) => sfp += 1,
                (true, false) => sfn += 1,
                _ => {}
            }
        }
    }
    let (sp, sr) = pr("stories (pairs)", stp, stp + sfp, stp + sfn, stp);

    // Contradictions: a gold one is found when a found one of the same kind covers one of its refs' sentences.
    let sentence_of = |article: &str, start: u64| -> Option<u64> {
        let a = export["articles"].as_array()?.iter().find(|a| a["id"] == article)?;
        let within = |s: &&Value| {
            s["start"].as_u64().is_some_and(|x| x <= start) && s["end"].as_u64().is_some_and(|e| start < e)
        };
        if let Some(s) = a["sentences"].as_array()?.iter().find(within) {
            return s["id"].as_u64();
        }
        let f = a["furniture"].as_array()?.iter().position(|f| within(&f))?;
        Some(FURNITURE_KEY + f as u64)
    };
    let found_c: Vec<(String, BTreeSet<(String, u64)>)> = export["contradictions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            let refs = c["refs"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| {
                    let a = r["article"].as_str()?;
                    Some((a.to_string(), sentence_of(a, r["start"].as_u64()?)?))
                })
                .collect();
            (c["kind"].as_str().unwrap_or("").to_string(), refs)
        })
        .collect();
    let gold_c: Vec<(String, BTreeSet<(String, u64)>)> = g["contradictions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            let refs =
                c["refs"].as_array().into_iter().flatten().filter_map(|r| locate(&export, &letters, r)).collect();
            (c["kind"].as_str().unwrap_or("").to_string(), refs)
        })
        .collect();
    let matches = |f: &(String, BTreeSet<(String, u64)>), g: &(String, BTreeSet<(String, u64)>)| {
        f.0 == g.0 && !f.1.is_disjoint(&g.1)
    };
    let hit = gold_c.iter().filter(|gc| found_c.iter().any(|f| matches(f, gc))).count();
    let ok = found_c.iter().filter(|f| gold_c.iter().any(|gc| matches(f, gc))).count();
    let (xp, xr) = pr("contradictions", ok, found_c.len(), gold_c.len(), hit);

    // Quote groups: a gold group is found when a found group holds quotes in two of its articles' sentences.
    let qsent = |qid: &str| -> Option<(String, u64)> {
        let q = export["quotes"].as_array()?.iter().find(|q| q["id"] == qid)?;
        Some((q["article"].as_str()?.to_string(), q["sentence"].as_u64()?))
    };
    let found_q: Vec<BTreeSet<(String, u64)>> = export["quoteGroups"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| g["quotes"].as_array().into_iter().flatten().filter_map(|q| qsent(q.as_str()?)).collect())
        .collect();
    let gold_q: Vec<BTreeSet<(String, u64)>> = g["quoteGroups"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|q| q["quotes"].as_array().into_iter().flatten().filter_map(|r| locate(&export, &letters, r)).collect())
        .collect();
    let qmatch = |f: &BTreeSet<(String, u64)>, g: &BTreeSet<(String, u64)>| f.intersection(g).count() >= 2;
    let qhit = gold_q.iter().filter(|gq| found_q.iter().any(|f| qmatch(f, gq))).count();
    let qok = found_q.iter().filter(|f| gold_q.iter().any(|gq| qmatch(f, gq))).count();
    let (qp, qr) = pr("quote groups", qok, found_q.len(), gold_q.len(), qhit);

    // Events: a gold event is found when an event has its date.
    let dates: BTreeSet<String> = export["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["date"].as_str().map(str::to_string))
        .collect();
    let gold_e: BTreeSet<String> =
        g["events"].as_array().into_iter().flatten().filter_map(|e| e["date"].as_str().map(str::to_string)).collect();
    let (_ep, er) = pr(
        "events (dates)",
        dates.intersection(&gold_e).count(),
        dates.len(),
        gold_e.len(),
        gold_e.intersection(&dates).count(),
    );

    if threshold.is_some() {
        return;
    }
    // Floors. Reuse: the one rewriting edge must be found, in the right direction, with no other edge.
    assert_eq!((rp, rr), (1.0, 1.0), "reuse");
    // Claims: alignment is lexical plus annotation signals; pairwise precision must stay high (a wrong merge
    // misleads a reader), recall of reworded pairs is what the engine is weakest at.
    // Measured 0.92 / 0.59 at the default threshold (docs/ACCURACY.md; 0.95 / 0.44 before word groups); the
    // floors leave a little room.
    assert!(cp >= 0.9, "claim precision {cp}");
    assert!(cr >= 0.55, "claim recall {cr}");
    // With the sentence-embedding model (issue 19: recall 0.6 or more at precision 0.9 or more): measured
    // 0.90 / 0.68 (28 of 31 pairs right, 28 of 41 found); 0.92 / 0.80 (33 of 36, 33 of 41) since a group that
    // holds most of a story's articles takes the closest sentence of each article it lacks (claims::complete).
    // The meaning's weight and floor were chosen on MSRP and the realweb stories, not here.
    assert!(mp >= 0.9, "claim precision with meaning {mp}");
    assert!(mr >= 0.75, "claim recall with meaning {mr}");
    // Issue 19: the fact every article tells in its own words (the opening in Kazakh) is one claim with all
    // five articles, fewer of them independent (two are dependent). Its sentences share only the story's
    // topic words; the group completes it from the article it lacks (claims::complete).
    assert!(opening.is_some_and(|(sources, independent)| sources == 5 && independent < 5), "opening: {opening:?}");
    // Stories: the two happenings a year apart must be told apart, undated articles placed right.
    assert_eq!((sp, sr), (1.0, 1.0), "stories");
    // Quote groups and events rest on the quote and time annotators; what they find must group right.
    assert!(qp >= 0.99 && qr >= 0.66, "quote groups {qp} {qr}");
    assert!(er >= 0.5, "events recall {er}");
    // Contradictions: every one reported must be in the gold (a false alarm costs a reader's trust).
    assert!(xp >= 0.99, "contradiction precision {xp}");
    // Five of six: the one missed is a role told in two stories a year apart, which is not compared by design.
    assert!(xr >= 0.8, "contradiction recall {xr}");
}

/// Pairwise "same claim" decisions over the sentences the gold names: precision and recall.
fn claim_pairs(name: &str, export: &Value, g: &Value, letters: &BTreeMap<String, String>) -> (f64, f64) {
    let mut gold_claim: BTreeMap<(String, u64), usize> = BTreeMap::new();
    for (ci, c) in g["claims"].as_array().into_iter().flatten().enumerate() {
        for r in c["sentences"].as_array().into_iter().flatten() {
            if let Some(k) = locate(export, letters, r) {
                gold_claim.insert(k, ci);
            } else {
                println!("gold sentence not found: {r}");
            }
        }
    }
    let mut found_claim: BTreeMap<(String, u64), String> = BTreeMap::new();
    for c in export["claims"].as_array().into_iter().flatten() {
        for s in c["sentences"].as_array().into_iter().flatten() {
            let k = (s["article"].as_str().unwrap_or("").to_string(), s["sentence"].as_u64().unwrap_or(0));
            found_claim.insert(k, c["id"].as_str().unwrap_or("").to_string());
        }
    }
    let keys: Vec<&(String, u64)> = gold_claim.keys().collect();
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (i, a) in keys.iter().enumerate() {
        for b in keys.iter().skip(i + 1) {
            if a.0 == b.0 {
                continue;
            }
            let same_gold = gold_claim.get(*a) == gold_claim.get(*b);
            let same_found = found_claim.contains_key(*a) && found_claim.get(*a) == found_claim.get(*b);
            match (same_gold, same_found) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fneg += 1,
                _ => {}
            }
        }
    }
    // Pairs the gold keeps apart (a shared topic or word, different facts): grouped together they are false
    // positives too (within one article as well: a headline and a quote of its own article).
    for pair in g["apart"]["pairs"].as_array().into_iter().flatten() {
        let (Some(a), Some(b)) = (locate(export, letters, &pair[0]), locate(export, letters, &pair[1])) else {
            println!("apart sentence not found: {pair}");
            continue;
        };
        if found_claim.contains_key(&a) && found_claim.get(&a) == found_claim.get(&b) {
            fp += 1;
            println!("grouped although the gold keeps them apart: {a:?} / {b:?}");
        }
    }
    // Claims touching no gold sentence at all are not judged (the gold is not exhaustive).
    let scores = pr(name, tp, tp + fp, tp + fneg, tp);
    if std::env::var_os("VERBOSE").is_some() {
        explain_claim_pairs(export, &gold_claim, &found_claim);
    }
    scores
}

/// The bundle exported with the sentence-embedding model.
fn export_with_meaning(threshold: Option<f64>) -> Value {
    let table = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/embeddings.bin")).unwrap_or_default();
    let mut corpus = storylines::Corpus::new();
    corpus.set_embeddings(storylines::annotate::embed::Model::from_bytes(&table).ok());
    assert!(corpus.has_embeddings(), "data/embeddings.bin is not a table");
    for i in common::inputs(&common::bundle_files()) {
        let _ = corpus.add(&i);
    }
    let mut options = storylines::DEFAULT_OPTIONS;
    options.align_threshold = threshold.unwrap_or(options.align_threshold);
    corpus.export(&options).ok().and_then(|e| serde_json::to_value(e).ok()).unwrap_or(Value::Null)
}

/// Whether the sentences of gold claim `index` are all in one claim of the export, and its sources and
/// independent sources then.
fn one_claim_of_all(
    export: &Value,
    g: &Value,
    letters: &BTreeMap<String, String>,
    index: usize,
) -> Option<(usize, usize)> {
    let wanted: Vec<(String, u64)> =
        g["claims"][index]["sentences"].as_array()?.iter().filter_map(|r| locate(export, letters, r)).collect();
    let claim = export["claims"].as_array()?.iter().find(|c| {
        wanted.iter().all(|(a, s)| {
            c["sentences"].as_array().into_iter().flatten().any(|x| x["article"] == a.as_str() && x["sentence"] == *s)
        })
    })?;
    Some((claim["sources"].as_array()?.len(), claim["independentSources"].as_array()?.len()))
}

/// With `VERBOSE=1`: every gold pair the engine gets wrong, with both sentences and the alignment score the
/// engine gives them at threshold 0 (so a reader sees how far below the threshold a missed pair lies).
fn explain_claim_pairs(export: &Value, gold: &BTreeMap<(String, u64), usize>, found: &BTreeMap<(String, u64), String>) {
    let mut corpus = storylines::Corpus::new();
    for i in common::inputs(&common::bundle_files()) {
        let _ = corpus.add(&i);
    }
    let mut options = storylines::DEFAULT_OPTIONS;
    options.align_threshold = 0.0;
    let loose = corpus.export(&options).ok().and_then(|e| serde_json::to_value(e).ok()).unwrap_or(Value::Null);
    let text = |k: &(String, u64)| -> String {
        export["articles"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["id"] == k.0.as_str()))
            .and_then(|a| a["sentences"].get(k.1 as usize))
            .and_then(|s| s["text"].as_str())
            .unwrap_or("")
            .chars()
            .take(90)
            .collect()
    };
    let alignment = |a: &(String, u64), b: &(String, u64)| -> String {
        let hit = loose["alignments"].as_array().into_iter().flatten().find(|p| {
            let side =
                |x: &Value| (x["article"].as_str().unwrap_or("").to_string(), x["sentence"].as_u64().unwrap_or(0));
            let (x, y) = (side(&p["a"]), side(&p["b"]));
            (&x == a && &y == b) || (&x == b && &y == a)
        });
        hit.map_or("no candidate".to_string(), |p| format!("score {} shared {}", p["score"], p["sharedWords"]))
    };
    let keys: Vec<&(String, u64)> = gold.keys().collect();
    for (i, a) in keys.iter().enumerate() {
        for b in keys.iter().skip(i + 1) {
            if a.0 == b.0 {
                continue;
            }
            let same_gold = gold.get(*a) == gold.get(*b);
            let same_found = found.contains_key(*a) && found.get(*a) == found.get(*b);
            if same_gold != same_found {
                let what = if same_gold { "MISSED" } else { "WRONG" };
                println!("{what} {}:{} / {}:{}  ({})", a.0, a.1, b.0, b.1, alignment(a, b));
                println!("    {}\n    {}", text(a), text(b));
            }
        }
    }
}
