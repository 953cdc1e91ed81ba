//! Throughput of entity and quote annotation (not a test): the bundled articles, parsed once, then
//! `entities::mentions` + `quotes::extract` per article and `entities::resolve` over all of them.
//!
//! `cargo bench --bench annotate_entities` (reports MB/s of article text).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;
use storylines::annotate::{entities, quotes};
use storylines::input::article::Article;
use storylines::{input::parse, Input};

fn bundle() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            parse::parse(&Input::new(name, std::fs::read(f).unwrap())).ok()
        })
        .collect()
}

fn annotate(c: &mut Criterion) {
    let articles = bundle();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("annotate");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("entities+quotes+resolve (bundle)", |b| {
        b.iter(|| {
            let refs: Vec<&Article> = articles.iter().collect();
            let ms: Vec<Vec<entities::Mention>> = refs.iter().map(|a| entities::mentions(a)).collect();
            let qs: usize = refs.iter().zip(&ms).map(|(a, m)| quotes::extract(a, m).len()).sum();
            let es = entities::resolve(&refs, &ms);
            std::hint::black_box((qs, es.len()))
        })
    });
    let refs: Vec<&Article> = articles.iter().collect();
    let ms: Vec<Vec<entities::Mention>> = refs.iter().map(|a| entities::mentions(a)).collect();
    group.bench_function("entities::mentions", |b| {
        b.iter(|| std::hint::black_box(refs.iter().map(|a| entities::mentions(a).len()).sum::<usize>()))
    });
    group.bench_function("quotes::extract", |b| {
        b.iter(|| std::hint::black_box(refs.iter().zip(&ms).map(|(a, m)| quotes::extract(a, m).len()).sum::<usize>()))
    });
    group.bench_function("entities::resolve", |b| b.iter(|| std::hint::black_box(entities::resolve(&refs, &ms).len())));
    group.finish();
}

criterion_group!(benches, annotate);
criterion_main!(benches);
