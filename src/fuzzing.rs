//! Entry points shared by the fuzz targets (`fuzz/`) and the corpus replay test (`tests/fuzz_corpus.rs`), so
//! that the saved fuzz corpus and every crash input run as ordinary tests on stable.
//!
//! Each function drives a public entry point end to end and checks the export's invariants (spans inside the
//! text, on UTF-16 boundaries); a violated invariant panics, which is what a fuzzer must find.
//! Nothing here is used by the engine itself.

#![allow(clippy::panic)]

use crate::corpus::{Corpus, DEFAULT_OPTIONS};
use crate::export::Export;
use crate::manifest::Manifest;
use crate::parse::Input;

/// Checks that every exported span of every article slices its text on UTF-16 boundaries.
pub fn check_spans(export: &Export) {
    for a in &export.articles {
        let units: Vec<u16> = a.text.encode_utf16().collect();
        let slice = |s: u32, e: u32| -> Option<String> {
            let (s, e) = (s as usize, e as usize);
            if s > e || e > units.len() {
                return None;
            }
            String::from_utf16(units.get(s..e)?).ok()
        };
        for s in &a.sentences {
            if slice(s.start, s.end).as_deref() != Some(s.text.as_str()) {
                panic!("sentence {} of {} does not slice back to its text", s.id, a.id);
            }
        }
        for f in &a.furniture {
            if slice(f.start, f.end).as_deref() != Some(f.text.as_str()) {
                panic!("furniture of {} does not slice back to its text", a.id);
            }
        }
        for p in &a.paragraphs {
            if slice(p.start, p.end).is_none() {
                panic!("a paragraph of {} is not on UTF-16 boundaries", a.id);
            }
        }
    }
    let articles: std::collections::BTreeMap<&str, &str> =
        export.articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    let spans = export
        .times
        .iter()
        .map(|t| (&t.article, t.start, t.end, &t.text))
        .chain(export.numbers.iter().map(|n| (&n.article, n.start, n.end, &n.text)))
        .chain(export.quotes.iter().map(|q| (&q.article, q.start, q.end, &q.text)))
        .chain(export.entities.iter().flat_map(|e| e.mentions.iter().map(|m| (&m.article, m.start, m.end, &m.text))));
    for (article, start, end, text) in spans {
        let Some(full) = articles.get(article.as_str()) else { panic!("a span names a missing article {article}") };
        let units: Vec<u16> = full.encode_utf16().collect();
        let got = units.get(start as usize..end as usize).and_then(|u| String::from_utf16(u).ok());
        if got.as_deref() != Some(text.as_str()) {
            panic!("an annotation span of {article} does not slice back to its text");
        }
    }
}

/// One article from raw bytes, exported.
pub fn one_article(data: &[u8]) {
    let mut corpus = Corpus::new();
    let name = if data.starts_with(b"<") { "fuzz.html" } else { "fuzz.txt" };
    let _ = corpus.add(&Input::new(name, data));
    match corpus.export(&DEFAULT_OPTIONS) {
        Ok(export) => check_spans(&export),
        Err(e) => panic!("default options must be valid: {e}"),
    }
}

/// Several articles separated by "\n---\n", exported together.
pub fn many_articles(data: &[u8]) {
    let mut corpus = Corpus::new();
    let mut start = 0;
    let mut n = 0;
    let sep = b"\n---\n";
    let mut i = 0;
    while i + sep.len() <= data.len() && n < 16 {
        if &data[i..i + sep.len()] == sep {
            let _ = corpus.add(&Input::new(format!("a{n}.txt"), &data[start..i]));
            n += 1;
            i += sep.len();
            start = i;
        } else {
            i += 1;
        }
    }
    let _ = corpus.add(&Input::new(format!("a{n}.txt"), &data[start.min(data.len())..]));
    match corpus.export(&DEFAULT_OPTIONS) {
        Ok(export) => check_spans(&export),
        Err(e) => panic!("default options must be valid: {e}"),
    }
}

/// Any bytes as a manifest: either a manifest or an error, never a panic.
pub fn manifest(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = Manifest::from_json(&text);
}
