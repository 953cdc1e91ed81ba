//! Time-expression (and number) extraction throughput in MB/s of body text, natively:
//! `cargo bench --bench annotate_time`. Figures are recorded in docs/ACCURACY.md ("Dates", "Numbers").
//! Parsing is done once outside the timed loop; only extraction is measured.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use storylines::annotate::{numbers, time};
use storylines::input::parse::{parse, Input};

fn bundle() -> Vec<Input> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_else(|_| Vec::new());
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
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
    let articles: Vec<_> = bundle().iter().filter_map(|i| parse(i).ok()).collect();
    let body: usize = articles.iter().flat_map(|a| a.sentences.iter().map(|s| s.range.len())).sum();
    let mut group = c.benchmark_group("annotate_time");
    group.throughput(Throughput::Bytes(body as u64));
    group.bench_function("times, bundle bodies", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(time::extract(black_box(a)));
            }
        });
    });
    let times: Vec<_> = articles.iter().map(time::extract).collect();
    group.bench_function("numbers, bundle bodies", |b| {
        b.iter(|| {
            for (a, t) in articles.iter().zip(&times) {
                black_box(numbers::extract(black_box(a), t));
            }
        });
    });
    // About 1 MB of running text: the bodies concatenated, read as one text.
    let once: String = articles
        .iter()
        .flat_map(|a| a.sentences.iter().map(|s| a.slice(s.range).to_string()))
        .collect::<Vec<_>>()
        .join(" ");
    let big = once.repeat((1 << 20) / once.len().max(1) + 1);
    let reference = time::CivilDate::new(2023, 11, 10);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(20);
    group.bench_function("times, 1 MB text", |b| {
        b.iter(|| black_box(time::extract_from_text(black_box(&big), reference)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
