//! Times the per-article extractors natively on generated articles (the wasm bench's single tasks), and dumps
//! their outputs so that a speed change can be checked for identical results.
//!
//! `node scripts/bench/generate.mjs 10000 --articles-jsonl /tmp/articles.jsonl`, then
//! `cargo run --release --example annot_single -- /tmp/articles.jsonl [N] [REPS] [dump|STAGE]`.
//! A STAGE (`dates`, `parse`, `mentions`, `annotate`) times only that one; `dump` prints every time expression, entity mention, number and quote instead of timings.

use std::time::Instant;
use storylines::annotate::{self, entities, time};
use storylines::input::manifest::ManifestEntry;
use storylines::{input::parse, Input};

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().unwrap_or_else(|| "target/bench/articles-1000.jsonl".to_string());
    let limit: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let reps: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(50);
    let mode = args.next().unwrap_or_default();
    let dump = mode == "dump";
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        eprintln!("{file}: {e}");
        std::process::exit(2)
    });
    let mut items = Vec::new();
    for line in text.lines().take(limit) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let body = v["text"].as_str().unwrap_or("").to_string();
        let published = v["published"].as_str().or(v["ref_date"].as_str()).map(str::to_string);
        let name = v["name"].as_str().unwrap_or("case.txt").to_string();
        items.push((name, body, published));
    }
    let bytes: usize = items.iter().map(|i| i.1.len()).sum();
    let parse_one = |(name, body, published): &(String, String, Option<String>)| {
        let meta = ManifestEntry { file: name.clone(), published: published.clone(), ..ManifestEntry::default() };
        parse::parse(&Input { name: name.clone(), bytes: body.as_bytes().to_vec(), meta }).ok()
    };
    if dump {
        for it in &items {
            let r = it.2.as_deref().and_then(time::CivilDate::parse_iso);
            for t in time::extract_from_text(&it.1, r) {
                println!(
                    "T {} {:?} {:?} {:?} {:?} {:?} {:?}",
                    it.0, t.range, t.value, t.grain, t.anchor, t.modifier, t.flags
                );
            }
            if let Some(a) = parse_one(it) {
                let an = annotate::annotate(&a);
                for m in &an.mentions {
                    println!("M {} {m:?}", it.0);
                }
                for t in &an.times {
                    println!("A {} {t:?}", it.0);
                }
                for n in &an.numbers {
                    println!("N {} {n:?}", it.0);
                }
                for q in &an.quotes {
                    println!("Q {} {q:?}", it.0);
                }
            }
        }
        return;
    }
    let articles: Vec<_> = items.iter().filter_map(parse_one).collect();
    let mb = bytes as f64 / 1e6;
    let time_it = |label: &str, f: &dyn Fn() -> usize| {
        if !mode.is_empty() && mode != label {
            return;
        }
        let mut best = f64::MAX;
        let mut n = 0;
        let c = cpu_seconds();
        for _ in 0..reps {
            let t = Instant::now();
            n = f();
            best = best.min(t.elapsed().as_secs_f64());
        }
        // The thread's CPU clock is updated at scheduler ticks: read as a mean over all repetitions.
        let cpu = (cpu_seconds() - c) / reps.max(1) as f64;
        println!(
            "{label:<12} {:>8.2} ms {:>8.1} MB/s best wall, {:>8.2} ms {:>8.1} MB/s mean CPU ({n})",
            best * 1e3,
            mb / best,
            cpu * 1e3,
            mb / cpu
        );
    };
    println!("{} articles, {mb:.2} MB, best of {reps}", items.len());
    time_it("dates", &|| {
        items
            .iter()
            .map(|it| time::extract_from_text(&it.1, it.2.as_deref().and_then(time::CivilDate::parse_iso)).len())
            .sum()
    });
    time_it("parse", &|| items.iter().filter_map(parse_one).count());
    time_it("mentions", &|| articles.iter().map(|a| entities::mentions(a).len()).sum());
    time_it("annotate", &|| articles.iter().map(|a| annotate::annotate(a).times.len()).sum());
}

/// CPU time of this thread in seconds (Linux `/proc/thread-self/schedstat`; 0 elsewhere), so that figures taken
/// on a loaded machine still compare.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()))
        .map_or(0.0, |ns| ns / 1e9)
}
