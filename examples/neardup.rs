//! Times near-duplicate detection (`xref::sketch`: MinHash sketches and banded LSH) on generated articles and
//! measures its recall against the exact answer: every pair of documents sharing a word 5-shingle, counted
//! through an inverted index of the shingles (exact, not all pairs, but slow and memory-hungry at scale; it is
//! the truth here, not a method).
//!
//! `node scripts/bench/generate.mjs 10000 --articles-jsonl /tmp/articles-10000.jsonl`, then
//! `cargo run --release --example neardup -- /tmp/articles-10000.jsonl [N]` (the first N articles).

use std::collections::HashMap;
use std::time::Instant;
use storylines::xref::sketch;

const THRESHOLD: f64 = 0.5;

/// The texts of the first `limit` lines of a JSON Lines file of generated articles (`{"text": …}` each).
fn texts(file: &str, limit: usize) -> Vec<String> {
    let Ok(all) = std::fs::read_to_string(file) else {
        eprintln!("cannot read {file}");
        std::process::exit(2)
    };
    let text_of = |line: &str| serde_json::from_str::<serde_json::Value>(line).ok()?["text"].as_str().map(String::from);
    all.lines().take(limit).filter_map(text_of).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let file = args.get(1).map_or("target/bench/articles-1000.jsonl", String::as_str);
    let texts = texts(file, args.get(2).and_then(|n| n.parse().ok()).unwrap_or(usize::MAX));
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let t = Instant::now();
    let found = sketch::near_duplicates(&refs, THRESHOLD);
    let ms = t.elapsed().as_secs_f64() * 1e3;
    println!("{} texts: {} pairs at Jaccard ≥ {THRESHOLD} in {ms:.1} ms", refs.len(), found.len());

    // The truth: shared shingles counted per pair through postings.
    let t = Instant::now();
    let sketches: Vec<sketch::Sketch> = refs.iter().map(|t| sketch::sketch(t)).collect();
    let t2 = Instant::now();
    let c = sketch::candidates(&sketches);
    println!("{} candidates in {:.1} ms", c.len(), t2.elapsed().as_secs_f64() * 1e3);
    println!("(of which sketching alone: {:.1} ms)", t.elapsed().as_secs_f64() * 1e3);
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (d, s) in sketches.iter().enumerate() {
        for &h in &s.shingles {
            postings.entry(h).or_default().push(d as u32);
        }
    }
    let mut shared: HashMap<u64, u32> = HashMap::new();
    for docs in postings.values() {
        for (i, &x) in docs.iter().enumerate() {
            for &y in &docs[i + 1..] {
                *shared.entry(u64::from(x) << 32 | u64::from(y)).or_default() += 1;
            }
        }
    }
    let mut truth: Vec<(usize, usize)> = shared
        .iter()
        .filter_map(|(&p, &n)| {
            let (a, b) = ((p >> 32) as usize, (p & 0xffff_ffff) as usize);
            let union = sketches[a].shingles.len() + sketches[b].shingles.len() - n as usize;
            (n as f64 / union as f64 >= THRESHOLD).then_some((a, b))
        })
        .collect();
    truth.sort_unstable();
    let got: std::collections::HashSet<(usize, usize)> = found.iter().map(|p| (p.a, p.b)).collect();
    let hit = truth.iter().filter(|p| got.contains(p)).count();
    let wrong = got.len() - hit;
    println!(
        "truth {} pairs ({} pairs share a shingle); recall {:.4} ({hit} of {}), {wrong} reported beyond the truth",
        truth.len(),
        shared.len(),
        hit as f64 / truth.len().max(1) as f64,
        truth.len()
    );
}
