//! Worst-case inputs of the documented limits: `cargo bench --bench limits` (figures in docs/FUZZING.md).
//!
//! Each case of `storylines::fuzzing::pathological` (10,000 identical sentences twice, a 1 MB sentence and
//! an edited copy, a text of only quotation marks, 10,000-character words, 100,000 nested `<div>`s, the
//! largest text accepted, too much text, too many bytes, 1,000 small articles) is added and exported;
//! where two articles are kept, their pairwise diff too. Building the inputs is outside the timed part.

use criterion::{criterion_group, criterion_main, Criterion};
use storylines::{Corpus, DEFAULT_OPTIONS};

fn limits(c: &mut Criterion) {
    let mut group = c.benchmark_group("limits");
    group.sample_size(10);
    for (name, inputs) in storylines::fuzzing::pathological() {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut corpus = Corpus::new();
                for i in &inputs {
                    let _ = corpus.add(i);
                }
                let e = corpus.export(&DEFAULT_OPTIONS).map(|e| e.articles.len()).unwrap_or(0);
                let ids: Vec<String> = corpus.articles().iter().take(2).map(|a| a.id.clone()).collect();
                let d = match ids.as_slice() {
                    [a, b] => corpus.diff(a, b, &DEFAULT_OPTIONS).map(|d| d.matched.len()).unwrap_or(0),
                    _ => 0,
                };
                (e, d)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, limits);
criterion_main!(benches);
