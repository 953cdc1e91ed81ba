//! Parsing throughput (MB/s) on the bundled articles and on the test fixtures:
//! `CARGO_PROFILE_RELEASE_PANIC=unwind cargo bench --bench parse` (see docs/PERFORMANCE.md for why the variable).
//! Figures are recorded in docs/PERFORMANCE.md ("Parsing"); the wasm figure comes from scripts/bench-parse.mjs.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use storylines::input::parse::{parse, Input};

fn inputs(dir: &Path, prefix: &str) -> Vec<Input> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_else(|_| Vec::new());
    files.retain(|p| {
        p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            && p.extension().is_some_and(|e| e == "txt" || e == "md" || e == "html")
    });
    files.sort();
    files
        .iter()
        .map(|f| {
            let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Input::new(name, std::fs::read(f).unwrap_or_default())
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sets = [
        ("bundle (plain text)", inputs(&root.join("www/articles"), "")),
        ("fixtures (text, Markdown, HTML)", inputs(&root.join("tests/data"), "case")),
    ];
    let mut group = c.benchmark_group("parse");
    for (label, set) in &sets {
        let bytes: usize = set.iter().map(|i| i.bytes.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(*label, |b| {
            b.iter(|| {
                for i in set {
                    let _ = black_box(parse(black_box(i)));
                }
            });
        });
    }
    // One large plain-text article: the bundle concatenated 40 times (about 1 MB).
    let once: Vec<u8> = sets[0].1.iter().flat_map(|i| i.bytes.iter().copied().chain(*b"\n\n")).collect();
    let big = Input::new("big.txt", once.repeat(40));
    group.throughput(Throughput::Bytes(big.bytes.len() as u64));
    group.sample_size(20);
    group.bench_function("one 1 MB article", |b| b.iter(|| black_box(parse(black_box(&big)))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
