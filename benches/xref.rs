//! Cross-referencing time for 5, 100 and 1,000 articles: `cargo bench --bench xref`.
//!
//! Articles are generated deterministically by recombining the sentences of the fixture clusters and the
//! bundled articles (a fixed linear congruential sequence picks 8 sentences per article), so every run
//! measures the same inputs. The corpus is built outside the timed part; `Corpus::export` (annotation,
//! alignment, reuse, claims, stories, events, quote groups, contradictions and the model) is timed.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::path::Path;
use storylines::{Corpus, Input, DEFAULT_OPTIONS};

fn pool() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["www/articles", "tests/data/clusters/bridge", "tests/data/clusters/port"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            let mut fs: Vec<_> = rd
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            fs.sort();
            files.extend(fs);
        }
    }
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        for para in text.split("\n\n") {
            for s in para.split(". ") {
                let s = s.trim();
                if s.split_whitespace().count() >= 6 && !s.contains('\n') {
                    out.push(s.trim_end_matches('.').to_string());
                }
            }
        }
    }
    out
}

fn corpus(n: usize, pool: &[String]) -> Corpus {
    let mut c = Corpus::new();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..n {
        let mut body = format!("Generated article {i}\n\n");
        for _ in 0..8 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let s = &pool[(x >> 33) as usize % pool.len()];
            body.push_str(s);
            body.push_str(". ");
        }
        let _ = c.add(&Input::new(format!("gen-{i:04}.txt"), body.into_bytes()));
    }
    c
}

fn bench(c: &mut Criterion) {
    let pool = pool();
    let mut group = c.benchmark_group("xref");
    group.sample_size(10);
    for n in [5usize, 100, 1000] {
        let corpus = corpus(n, &pool);
        group.bench_with_input(BenchmarkId::new("export", n), &corpus, |b, corpus| {
            b.iter(|| corpus.export(&DEFAULT_OPTIONS).map(|e| e.claims.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
