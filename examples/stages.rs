//! Times each stage of the cross-reference (`Corpus::export_observed`) on generated articles, to find the
//! stages whose cost grows faster than the corpus.
//!
//! `node scripts/bench/generate.mjs 1000 --articles-jsonl /tmp/articles-1000.jsonl`, then
//! `cargo run --release --example stages -- /tmp/articles-1000.jsonl [N]` (the first N articles of the file);
//! `EMBEDDINGS=data/embeddings.bin` gives the engine the sentence-embedding model (its load is timed apart).
//! Each line gives wall time and, on Linux, the CPU time of the process (user + system, 10 ms ticks from
//! `/proc/self/stat`): on a shared machine the CPU time is the figure to compare.

use std::time::Instant;
use storylines::input::manifest::ManifestEntry;
use storylines::{Corpus, Input, DEFAULT_OPTIONS};

/// CPU time (user + system) of this process in milliseconds, from `/proc/self/stat` (0 elsewhere).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which ends with the last ')'): utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let field = |i: usize| rest.split_whitespace().nth(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (field(11) + field(12)) * 10.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().unwrap_or_else(|| "target/bench/articles-1000.jsonl".to_string());
    let limit: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        eprintln!("{file}: {e}");
        std::process::exit(2)
    });
    let mut corpus = Corpus::new();
    if let Ok(path) = std::env::var("EMBEDDINGS") {
        let t = Instant::now();
        let bytes = std::fs::read(&path).unwrap_or_default();
        match storylines::annotate::embed::Model::from_bytes(&bytes) {
            Ok(m) => corpus.set_embeddings(Some(m)),
            Err(e) => eprintln!("{path}: {e}"),
        }
        println!("{:<16} {:>10}", "embeddings load", format!("{:.1} ms", t.elapsed().as_secs_f64() * 1e3));
    }
    let (t0, c0) = (Instant::now(), cpu_ms());
    let mut bytes = 0usize;
    for line in text.lines().take(limit) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let body = v["text"].as_str().unwrap_or("");
        bytes += body.len();
        let meta = ManifestEntry {
            file: v["name"].as_str().unwrap_or("").to_string(),
            published: v["published"].as_str().map(str::to_string),
            outlet: v["outlet"].as_str().map(str::to_string),
            ..ManifestEntry::default()
        };
        let _ = corpus.add(&Input { name: meta.file.clone(), bytes: body.as_bytes().to_vec(), meta });
    }
    let n = corpus.articles().len();
    println!("{n} articles, {:.2} MB", bytes as f64 / 1e6);
    let line = |name: &str, wall: f64, cpu: f64| {
        println!("{name:<16} {:>10}  cpu {:>8}", format!("{wall:.1} ms"), format!("{cpu:.0} ms"))
    };
    line("parse (add)", t0.elapsed().as_secs_f64() * 1e3, cpu_ms() - c0);
    let (mut last, mut last_cpu) = (Instant::now(), cpu_ms());
    let (start, start_cpu) = (last, last_cpu);
    let export = corpus.export_observed(&DEFAULT_OPTIONS, &mut |stage| {
        let (now, now_cpu) = (Instant::now(), cpu_ms());
        line(stage, (now - last).as_secs_f64() * 1e3, now_cpu - last_cpu);
        (last, last_cpu) = (now, now_cpu);
    });
    let total = start.elapsed().as_secs_f64() * 1e3;
    line("export total", total, cpu_ms() - start_cpu);
    println!("({:.3} ms per article)", total / n.max(1) as f64);
    if let Ok(e) = export {
        let sentences: usize = e.articles.iter().map(|a| a.sentences.len()).sum();
        println!(
            "{sentences} sentences, {} entities, {} alignments, {} claims, {} reuse edges, {} stories, {} events, {} quote groups, {} contradictions",
            e.entities.len(),
            e.alignments.len(),
            e.claims.len(),
            e.reuse.len(),
            e.stories.len(),
            e.events.len(),
            e.quote_groups.len(),
            e.contradictions.len()
        );
    }
}
