//! The same/not-same decision of the aligner on MSRP's training pairs (issue 19): accuracy and F1 by wording
//! alone and with the sentence-embedding model, at the default threshold and across thresholds (the dev set
//! on which `align::MEANING_FLOOR` and `MEANING_WEIGHT` were chosen with the realweb stories).
//!
//! `cargo run --release --example eval_msrp -- ../shared/dev-data [data/embeddings.bin]`;
//! `FEATURES=file.tsv` also writes each pair's label, lexical score, word score and cosine.
//!
//! Every sentence is its own one-sentence article, all in one index, so the IDF weights are those of the
//! whole set (no annotations: the aligner sees wording and, with the model, meaning).

use serde_json::Value;
use std::collections::BTreeMap;
use storylines::annotate::embed::Model;
use storylines::input::parse::{parse, Input};
use storylines::xref::align::{Index, SentenceKey};
use storylines::Article;

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| "../shared/dev-data".to_string());
    let table = std::env::args().nth(2).unwrap_or_else(|| "data/embeddings.bin".to_string());
    let text = std::fs::read_to_string(format!("{root}/paraphrase/msrp_train.jsonl"))
        .unwrap_or_else(|e| fail(&format!("{root}/paraphrase/msrp_train.jsonl: {e}")));
    let model = std::fs::read(&table)
        .map_err(|e| e.to_string())
        .and_then(|b| Model::from_bytes(&b).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| fail(&format!("{table}: {e}")));
    let pairs: Vec<Value> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let mut slot: BTreeMap<String, usize> = BTreeMap::new();
    let mut articles: Vec<Article> = Vec::new();
    let mut keys = Vec::new();
    for p in &pairs {
        let mut key = |id: &Value, text: &Value| {
            let id = id.as_str().unwrap_or("").to_string();
            *slot.entry(id.clone()).or_insert_with(|| {
                let input = Input {
                    name: id,
                    bytes: text.as_str().unwrap_or("").as_bytes().to_vec(),
                    meta: Default::default(),
                };
                articles.push(parse(&input).unwrap_or_else(|_| fail("a sentence the parser rejects")));
                articles.len() - 1
            })
        };
        let a = key(&p["id1"], &p["text1"]);
        let b = key(&p["id2"], &p["text2"]);
        keys.push((SentenceKey { article: a, sentence: 0 }, SentenceKey { article: b, sentence: 0 }, p["label"] == 1));
    }
    let refs: Vec<&Article> = articles.iter().collect();
    speed(&model, &refs);
    let words = Index::build(&refs, &[]);
    let both = Index::build_with(&refs, &[], Some(&model));
    println!(
        "MSRP train: {} pairs ({} paraphrases), {} sentences",
        keys.len(),
        keys.iter().filter(|k| k.2).count(),
        refs.len()
    );
    if let Ok(path) = std::env::var("FEATURES") {
        let mut out = String::from("label\tlexical\twords\tcos\n");
        for &(a, b, label) in &keys {
            let (lexical, cos) = both.scores(a, b).unwrap_or((0.0, None));
            let w = words.judge(a, b, 0.0).map_or(0.0, |p| p.score);
            out.push_str(&format!("{}\t{lexical:.4}\t{w:.4}\t{:.4}\n", u8::from(label), cos.unwrap_or(0.0)));
        }
        std::fs::write(&path, out).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    }
    for threshold in [0.2, 0.25, 0.3, 0.35, 0.4, 0.5] {
        for (name, index) in [("words", &words), ("words+meaning", &both)] {
            let decide = |a, b| index.judge(a, b, threshold).is_some();
            let m = measure(&keys, decide);
            let by_meaning = keys.iter().filter(|&&(a, b, _)| {
                index.judge(a, b, threshold).is_some_and(|p| p.evidence == storylines::xref::align::Evidence::Meaning)
            });
            println!(
                "threshold {threshold:.2} {name:>13}: accuracy {:.3}, F1 {:.3}, precision {:.3}, recall {:.3} ({} by meaning alone)",
                m.0,
                m.1,
                m.2,
                m.3,
                by_meaning.count()
            );
        }
    }
}

/// Accuracy, F1, precision and recall of a decision against the labels.
fn measure(
    keys: &[(SentenceKey, SentenceKey, bool)],
    decide: impl Fn(SentenceKey, SentenceKey) -> bool,
) -> (f64, f64, f64, f64) {
    let (mut tp, mut fp, mut fn_, mut tn) = (0f64, 0f64, 0f64, 0f64);
    for &(a, b, label) in keys {
        match (decide(a, b), label) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            (false, false) => tn += 1.0,
        }
    }
    let precision = tp / (tp + fp).max(1.0);
    let recall = tp / (tp + fn_).max(1.0);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    ((tp + tn) / (tp + fp + fn_ + tn).max(1.0), f1, precision, recall)
}

/// Says what is wrong and stops.
fn fail(why: &str) -> ! {
    eprintln!("{why}");
    std::process::exit(2)
}

/// Embedding speed natively: every sentence's text tokenised and pooled, ten rounds.
fn speed(model: &Model, articles: &[&Article]) {
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let start = std::time::Instant::now();
    let mut sink = 0f32;
    for _ in 0..10 {
        for t in &texts {
            sink += model.embed(t).norm;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = texts.len() * 10;
    println!(
        "embedding speed: {:.0} sentences/s ({n} sentences in {secs:.2} s, mean {:.1} words; checksum {sink:.1}); table in memory {:.2} MB",
        n as f64 / secs,
        texts.iter().map(|t| t.split_whitespace().count()).sum::<usize>() as f64 / texts.len().max(1) as f64,
        model.memory() as f64 / 1e6
    );
}
