//! Times `reuse::detect` alone (parse and alignment done once, outside the timing) on the first N generated
//! articles, and prints a digest of its output so that a speed change can show it changed nothing:
//! `cargo run --profile bench --example reuse_time -- FILE N [REPS]` with FILE from
//! `node scripts/bench/generate.mjs 10000 --articles-jsonl FILE`.

#![allow(missing_docs, clippy::unwrap_used)]
use std::time::Instant;
use storylines::input::manifest::ManifestEntry;
use storylines::Input;
fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().unwrap();
    let n: usize = args.next().unwrap().parse().unwrap();
    let reps: usize = args.next().map_or(3, |r| r.parse().unwrap());
    let text = std::fs::read_to_string(&file).unwrap();
    let mut arts = Vec::new();
    for line in text.lines().take(n) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let meta = ManifestEntry {
            file: v["name"].as_str().unwrap().to_string(),
            published: v["published"].as_str().map(str::to_string),
            outlet: v["outlet"].as_str().map(str::to_string),
            ..ManifestEntry::default()
        };
        let input = Input { name: meta.file.clone(), bytes: v["text"].as_str().unwrap().as_bytes().to_vec(), meta };
        if let Ok(a) = storylines::input::parse::parse(&input) {
            arts.push(a);
        }
    }
    let refs: Vec<_> = arts.iter().collect();
    let pairs = storylines::xref::align::align(
        &refs,
        storylines::xref::align::AlignOptions { threshold: storylines::DEFAULT_OPTIONS.align_threshold },
    );
    let mut out = Vec::new();
    let t = Instant::now();
    for _ in 0..reps {
        out = storylines::xref::reuse::detect(&refs, &pairs);
    }
    println!("reuse {:.1} ms, {} edges", t.elapsed().as_secs_f64() * 1e3 / reps as f64, out.len());
    let mut h = std::collections::hash_map::DefaultHasher::new();
    use std::hash::{Hash, Hasher};
    format!("{out:?}").hash(&mut h);
    println!("digest {:x}", h.finish());
}
