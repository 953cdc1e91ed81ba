//! Parsing and sentence-splitting throughput in CPU seconds (the machine is shared, so wall-clock time says
//! little), and a dump of every parse result to check that a speed change leaves the output alone.
//!
//! `node scripts/bench/generate.mjs 1000 --articles-jsonl target/bench/articles-1000.jsonl` once, then
//! `cargo run --release --example parse_speed -- time [SECONDS]`: MB/s of CPU time on the bundle, on the first
//! 100 generated articles, and of `segment::sentences` alone on those 100 texts.
//! `cargo run --release --example parse_speed -- dump OUT [DIR…]`: the parse of the bundle, the fixtures, the
//! fuzz corpus, the 1,000 generated articles and any further folders (e.g. the dev data) written to OUT;
//! compare the files from before and after a change with `cmp`.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::Write;
use std::path::Path;
use std::time::Instant;
use storylines::base::text::TextRange;
use storylines::input::parse::{parse, Input};

/// Every file under `dir` (sorted, recursively) except JSON sidecars.
fn files(dir: &Path, out: &mut Vec<Input>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_none_or(|e| e != "json") {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            out.push(Input::new(name, std::fs::read(&p).unwrap_or_default()));
        }
    }
}

/// The generated articles of `target/bench/articles-1000.jsonl` (none when it is missing).
fn generated() -> Vec<Input> {
    let text = std::fs::read_to_string("target/bench/articles-1000.jsonl").unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let name = v["name"].as_str().unwrap_or("article.txt");
            Input::new(name, v["text"].as_str().unwrap_or("").as_bytes().to_vec())
        })
        .collect()
}

/// CPU seconds this thread has run (Linux), or wall-clock seconds since the first call elsewhere.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()))
        .map_or_else(|| START.get_or_init(Instant::now).elapsed().as_secs_f64(), |ns| ns / 1e9)
}

/// Runs `pass` until `seconds` of CPU time are spent; returns MB/s of CPU time for `bytes` per pass.
fn throughput(seconds: f64, bytes: usize, mut pass: impl FnMut()) -> f64 {
    let t0 = cpu_seconds();
    let mut n = 0usize;
    while cpu_seconds() - t0 < seconds || n == 0 {
        pass();
        n += 1;
    }
    bytes as f64 * n as f64 / (cpu_seconds() - t0) / 1e6
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(root).unwrap();
    let mut bundle = Vec::new();
    files(Path::new("www/articles"), &mut bundle);
    let generated = generated();
    if args.first().map(String::as_str) == Some("dump") {
        let out = args.get(1).expect("dump OUT [DIR…]");
        let mut inputs = bundle;
        for dir in
            ["tests/data", "fuzz/corpus", "fuzz/regressions"].into_iter().chain(args.iter().skip(2).map(String::as_str))
        {
            files(Path::new(dir), &mut inputs);
        }
        inputs.extend(generated);
        let mut f = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
        for i in &inputs {
            writeln!(f, "== {}\n{:#?}", i.name, parse(i)).unwrap();
            let t = String::from_utf8_lossy(&i.bytes);
            writeln!(f, "{:?}", storylines::input::segment::sentences(&t, TextRange::new(0, t.len()))).unwrap();
        }
        println!("{} inputs written to {out}", inputs.len());
        return;
    }
    let seconds: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3.0);
    let hundred: Vec<Input> = generated.into_iter().take(100).collect();
    for (label, set) in [("the bundle", &bundle), ("100 generated articles", &hundred)] {
        let bytes: usize = set.iter().map(|i| i.bytes.len()).sum();
        let mbs = throughput(seconds, bytes, || {
            for i in set {
                std::hint::black_box(parse(std::hint::black_box(i)).ok());
            }
        });
        println!("parse, {label} ({bytes} bytes): {mbs:.1} MB/s of CPU time");
    }
    let texts: Vec<String> = hundred.iter().map(|i| String::from_utf8_lossy(&i.bytes).into_owned()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mbs = throughput(seconds, bytes, || {
        for t in &texts {
            std::hint::black_box(storylines::input::segment::sentences(t, TextRange::new(0, t.len())));
        }
    });
    println!("segment::sentences, 100 generated articles ({bytes} bytes): {mbs:.1} MB/s of CPU time");
}
