//! Cross-article entity merging measured on ECB+ (data nobody here wrote).
//!
//! `cargo run --release --example eval_entities -- ../shared/dev-data`
//!
//! Each `topicNN_ecbplus/` folder is one story: its articles go into one corpus. Gold mentions of people,
//! organisations and places (`HUMAN_PART_PER`, `HUMAN_PART_ORG`, `LOC_*`) that have a cross-document chain
//! and are written as a proper name (a capitalised word other than a determiner or pronoun) are matched to
//! the engine's mentions by character overlap. Reported:
//! - found: the share of those gold mentions that overlap a mention of the engine;
//! - pairwise precision and recall of "same entity" decisions between matched mentions in different articles
//!   (the engine says same when both mentions belong to one exported entity; the gold when the chains are equal);
//! - end-to-end recall: the same recall over all gold proper-name pairs, unmatched mentions counting as misses.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use storylines::{Corpus, Input, DEFAULT_OPTIONS};

/// A gold mention: (article stem, char start, char end, chain, text).
type Gold = (String, usize, usize, String, String);

fn is_proper(text: &str) -> bool {
    const SKIP: &[&str] = &[
        "The", "A", "An", "He", "She", "His", "Her", "They", "Their", "It", "Its", "This", "That", "I", "We", "You",
        "Where", "Who", "What",
    ];
    text.split_whitespace().any(|w| {
        let w = w.split(['\'', '’']).next().unwrap_or(w);
        w.chars().next().is_some_and(char::is_uppercase) && !SKIP.contains(&w)
    })
}

/// UTF-16 offset → char offset of a text.
fn char_offsets(text: &str) -> Vec<usize> {
    let mut map = Vec::new();
    for (ci, c) in text.chars().enumerate() {
        for _ in 0..c.len_utf16() {
            map.push(ci);
        }
    }
    map.push(text.chars().count());
    map
}

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| "../shared/dev-data".to_string());
    let dir = Path::new(&root).join("ecbplus-dev");
    let mut topics: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    topics.sort();
    let (mut gold_total, mut gold_found) = (0usize, 0usize);
    let (mut tp, mut pred_same, mut gold_same, mut gold_same_all) = (0usize, 0usize, 0usize, 0usize);
    let mut bytes_total = 0usize;
    for topic in &topics {
        let mut files: Vec<PathBuf> = std::fs::read_dir(topic)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let mut corpus = Corpus::new();
        let mut golds: Vec<Gold> = Vec::new();
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        for f in &files {
            let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(f).unwrap();
            bytes_total += bytes.len();
            texts.insert(stem.clone(), String::from_utf8_lossy(&bytes).into_owned());
            let _ = corpus.add(&Input::new(format!("{stem}.txt"), bytes));
            let meta: Value =
                serde_json::from_str(&std::fs::read_to_string(f.with_extension("json")).unwrap()).unwrap();
            for m in meta["mentions"].as_array().unwrap() {
                let ty = m["type"].as_str().unwrap_or("");
                let Some(chain) = m["cross_doc_chain"].as_str() else { continue };
                let text = m["text"].as_str().unwrap_or("");
                let wanted = ty == "HUMAN_PART_PER" || ty == "HUMAN_PART_ORG" || ty.starts_with("LOC_");
                if wanted && is_proper(text) {
                    let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
                    golds.push((stem.clone(), s, e, chain.to_string(), text.to_string()));
                }
            }
        }
        let export = corpus.export(&DEFAULT_OPTIONS).unwrap();
        // The engine's mentions in char offsets: article → (start, end, entity id).
        let mut ours: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
        let maps: BTreeMap<String, Vec<usize>> =
            export.articles.iter().map(|a| (a.id.clone(), char_offsets(&a.text))).collect();
        for e in &export.entities {
            for m in &e.mentions {
                let Some(map) = maps.get(&m.article) else { continue };
                let s = map.get(m.start as usize).copied().unwrap_or(0);
                let en = map.get(m.end as usize).copied().unwrap_or(0);
                ours.entry(m.article.clone()).or_default().push((s, en, e.id.clone()));
            }
        }
        // Match each gold mention to the engine's mention with the largest overlap.
        let matched: Vec<(usize, Option<String>)> = golds
            .iter()
            .enumerate()
            .map(|(gi, (a, s, e, _, _))| {
                let best = ours.get(a).and_then(|ms| {
                    ms.iter()
                        .map(|(ms_, me, id)| ((*e).min(*me).saturating_sub((*s).max(*ms_)), id))
                        .filter(|(o, _)| *o > 0)
                        .max_by_key(|(o, _)| *o)
                        .map(|(_, id)| id.clone())
                });
                (gi, best)
            })
            .collect();
        let found = matched.iter().filter(|(_, b)| b.is_some()).count();
        gold_total += golds.len();
        gold_found += found;
        let (mut t_tp, mut t_pred, mut t_gold, mut t_all) = (0, 0, 0, 0);
        for (i, (gi, bi)) in matched.iter().enumerate() {
            for (gj, bj) in matched.iter().skip(i + 1) {
                let (a, b) = (&golds[*gi], &golds[*gj]);
                if a.0 == b.0 {
                    continue;
                }
                let gsame = a.3 == b.3;
                if gsame {
                    t_all += 1;
                }
                let (Some(x), Some(y)) = (bi, bj) else { continue };
                let psame = x == y;
                if psame {
                    t_pred += 1;
                }
                if gsame {
                    t_gold += 1;
                }
                if psame && gsame {
                    t_tp += 1;
                }
            }
        }
        if std::env::var_os("VERBOSE").is_some() {
            let mut by_chain: BTreeMap<&str, BTreeMap<String, Vec<&str>>> = BTreeMap::new();
            for (gi, b) in &matched {
                let g = &golds[*gi];
                let id = b.clone().unwrap_or_else(|| "(not found)".to_string());
                by_chain.entry(g.3.as_str()).or_default().entry(id).or_default().push(g.4.as_str());
            }
            for (chain, ids) in by_chain.iter().filter(|(_, ids)| ids.len() > 1) {
                println!("  split {chain}: {ids:?}");
            }
        }
        let name = topic.file_name().unwrap().to_string_lossy().into_owned();
        println!(
            "{name}: {} articles, gold proper-name mentions {}, found {found}; cross-article pairs: predicted same {t_pred}, gold same {t_gold}, both {t_tp}",
            files.len(),
            golds.len()
        );
        tp += t_tp;
        pred_same += t_pred;
        gold_same += t_gold;
        gold_same_all += t_all;
        let _ = texts;
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, pred_same), ratio(tp, gold_same));
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    println!("input: {} topics, {} bytes", topics.len(), bytes_total);
    println!("gold proper-name mentions found: {gold_found}/{gold_total} = {:.3}", ratio(gold_found, gold_total));
    println!("cross-article same-entity pairs (matched mentions): precision {p:.3}, recall {r:.3}, F1 {f:.3}");
    println!("end-to-end pairwise recall (unmatched gold mentions count as misses): {:.3}", ratio(tp, gold_same_all));
}
