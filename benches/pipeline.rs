//! Native counterparts of the tasks `npm run bench` times in wasm, on the same generated inputs, to show what
//! wasm costs against native: `cargo bench --bench pipeline` (npm run bench runs it and reads the estimates).
//!
//! Inputs: `$STORYLINES_BENCH_DATA/articles-N.jsonl` (one `{"name", "text", "published", …}` per line) as
//! written by `node scripts/bench/generate.mjs N --articles-jsonl FILE`; generated into `target/bench/` when
//! missing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::path::{Path, PathBuf};
use std::time::Duration;
use storylines::base::text::TextRange;
use storylines::input::manifest::ManifestEntry;
use storylines::{Corpus, Input, DEFAULT_OPTIONS};

#[derive(serde::Deserialize)]
struct GenArticle {
    name: String,
    text: String,
    published: String,
}

fn data_dir() -> PathBuf {
    std::env::var_os("STORYLINES_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench"))
}

/// The first `n` generated articles (the generator's output is a prefix-stable sequence).
fn articles(n: usize) -> Vec<GenArticle> {
    let file = data_dir().join(format!("articles-{n}.jsonl"));
    if !file.exists() {
        std::fs::create_dir_all(data_dir()).unwrap();
        let status = std::process::Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/bench/generate.mjs"))
            .arg(n.to_string())
            .arg("--articles-jsonl")
            .arg(&file)
            .status()
            .expect("node runs the corpus generator");
        assert!(status.success());
    }
    std::fs::read_to_string(&file).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn input(a: &GenArticle) -> Input {
    let meta = ManifestEntry { file: a.name.clone(), published: Some(a.published.clone()), ..ManifestEntry::default() };
    Input { name: a.name.clone(), bytes: a.text.as_bytes().to_vec(), meta }
}

fn bytes(xs: &[GenArticle]) -> u64 {
    xs.iter().map(|a| a.text.len() as u64).sum()
}

fn single_tasks(c: &mut Criterion) {
    let singles = articles(100);
    let mut g = c.benchmark_group("single");
    g.throughput(Throughput::Bytes(bytes(&singles)));
    g.bench_function("sentences", |b| {
        b.iter(|| {
            for a in &singles {
                black_box(storylines::input::segment::sentences(&a.text, TextRange::new(0, a.text.len())));
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for a in &singles {
                let _ = black_box(storylines::input::parse::parse(&input(a)));
            }
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            for a in &singles {
                let reference = storylines::annotate::time::CivilDate::parse_iso(&a.published);
                black_box(storylines::annotate::time::extract_from_text(&a.text, reference));
            }
        })
    });
    g.bench_function("entities", |b| {
        b.iter(|| {
            for a in &singles {
                let plain = Input::new(a.name.clone(), a.text.as_bytes().to_vec());
                if let Ok(article) = storylines::input::parse::parse(&plain) {
                    black_box(storylines::annotate::entities::mentions(&article));
                }
            }
        })
    });
    let pairs: Vec<(String, String)> = {
        let xs = articles(1000);
        let mut by_story: std::collections::BTreeMap<String, Vec<&GenArticle>> = std::collections::BTreeMap::new();
        for a in &xs {
            by_story.entry(a.name.rsplit_once('-').map_or(a.name.clone(), |(s, _)| s.to_string())).or_default().push(a);
        }
        let mut out = Vec::new();
        for group in by_story.values() {
            for other in group.iter().skip(1) {
                if out.len() < 40 {
                    out.push((group[0].text.clone(), other.text.clone()));
                }
            }
        }
        out
    };
    g.throughput(Throughput::Bytes(pairs.iter().map(|(a, b)| (a.len() + b.len()) as u64).sum()));
    g.bench_function("word_diff", |b| {
        b.iter(|| {
            for (x, y) in &pairs {
                black_box(storylines::xref::diff::word_diff(
                    x,
                    TextRange::new(0, x.len()),
                    y,
                    TextRange::new(0, y.len()),
                ));
            }
        })
    });
    let hundred = articles(100);
    g.throughput(Throughput::Bytes(bytes(&hundred)));
    g.sample_size(10);
    g.bench_function("near_duplicates_100", |b| {
        let texts: Vec<&str> = hundred.iter().map(|a| a.text.as_str()).collect();
        b.iter(|| black_box(storylines::xref::sketch::near_duplicates(&texts, 0.5)))
    });
    let all: Vec<u8> = articles(100).iter().flat_map(|a| a.text.bytes()).collect();
    g.bench_function("byte_scan", |b| b.iter(|| black_box(all.iter().filter(|&&x| x == b'\n').count())));
    g.finish();
}

fn pipeline(c: &mut Criterion) {
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    // 1,000 articles and more are timed by `npm run bench` (with a cap), not here: criterion has none.
    {
        let n = 100usize;
        let xs = articles(n);
        g.throughput(Throughput::Bytes(bytes(&xs)));
        g.bench_with_input(BenchmarkId::from_parameter(n), &xs, |b, xs| {
            b.iter(|| {
                let mut corpus = Corpus::new();
                for a in xs {
                    let _ = corpus.add(&input(a));
                }
                black_box(corpus.export(&DEFAULT_OPTIONS).unwrap())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, single_tasks, pipeline);
criterion_main!(benches);
