//! Entry points shared by the fuzz targets (`fuzz/`), the corpus replay test (`tests/fuzz_corpus.rs`) and the
//! property tests (`tests/properties.rs`), so that the saved fuzz corpus and every crash input run as ordinary
//! tests on stable.
//!
//! Each function drives a public entry point end to end and checks the output's invariants (every span inside
//! its text, on UTF-16 boundaries, slicing back to the text it claims; a diff that reconstructs both texts);
//! a violated invariant panics, which is what a fuzzer must find. Nothing here is used by the engine itself.

#![allow(clippy::panic)]

use crate::corpus::{Corpus, DEFAULT_OPTIONS};
use crate::export::{DiffOut, Export};
use crate::manifest::Manifest;
use crate::parse::Input;
use std::collections::BTreeMap;

/// The UTF-16 slice `start..end` of `text`, or `None` when it is out of range or cuts a surrogate pair.
pub fn utf16_slice(text: &str, start: u32, end: u32) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (start as usize, end as usize);
    if s > e {
        return None;
    }
    String::from_utf16(units.get(s..e)?).ok()
}

/// Checks that every exported span of the export slices its article's text on UTF-16 boundaries, and that
/// every span that carries its text slices back to exactly that text: sentences, furniture, paragraphs,
/// entity mentions, times, numbers, quotes, contradiction refs and reuse passages.
pub fn check_spans(export: &Export) {
    for a in &export.articles {
        for s in &a.sentences {
            if utf16_slice(&a.text, s.start, s.end).as_deref() != Some(s.text.as_str()) {
                panic!("sentence {} of {} does not slice back to its text", s.id, a.id);
            }
        }
        for f in &a.furniture {
            if utf16_slice(&a.text, f.start, f.end).as_deref() != Some(f.text.as_str()) {
                panic!("furniture of {} does not slice back to its text", a.id);
            }
        }
        for p in &a.paragraphs {
            if utf16_slice(&a.text, p.start, p.end).is_none() {
                panic!("a paragraph of {} is not on UTF-16 boundaries", a.id);
            }
        }
    }
    let articles: BTreeMap<&str, &str> = export.articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    let text_of = |article: &str| -> &str {
        match articles.get(article) {
            Some(t) => t,
            None => panic!("a span names a missing article {article}"),
        }
    };
    let spans = export
        .times
        .iter()
        .map(|t| ("time", &t.article, t.start, t.end, &t.text))
        .chain(export.numbers.iter().map(|n| ("number", &n.article, n.start, n.end, &n.text)))
        .chain(export.quotes.iter().map(|q| ("quote", &q.article, q.start, q.end, &q.text)))
        .chain(
            export
                .entities
                .iter()
                .flat_map(|e| e.mentions.iter().map(|m| ("mention", &m.article, m.start, m.end, &m.text))),
        )
        .chain(
            export
                .contradictions
                .iter()
                .flat_map(|c| c.refs.iter().map(|r| ("contradiction ref", &r.article, r.start, r.end, &r.text))),
        );
    for (what, article, start, end, text) in spans {
        if utf16_slice(text_of(article), start, end).as_deref() != Some(text.as_str()) {
            panic!("a {what} span of {article} does not slice back to its text");
        }
    }
    for r in &export.reuse {
        let (from, to) = (text_of(&r.from), text_of(&r.to));
        for p in &r.passages {
            if utf16_slice(from, p.from.start, p.from.end).is_none() || utf16_slice(to, p.to.start, p.to.end).is_none()
            {
                panic!("a reuse passage {} → {} is not on UTF-16 boundaries", r.from, r.to);
            }
        }
    }
}

/// Checks that a pairwise diff reconstructs both texts: every sentence of each side is either matched once or
/// listed as only in that side; sentence and word spans lie on UTF-16 boundaries; each word diff's operations
/// cover both word lists in order without gaps, so concatenating the words of A's (B's) side of the operations
/// gives back A's (B's) words; `equal` operations pair words that compare equal (lowercased).
pub fn check_diff(d: &DiffOut) {
    for side in [&d.a, &d.b] {
        for s in &side.sentences {
            if utf16_slice(&side.text, s.start, s.end).is_none() {
                panic!("a sentence of {} is not on UTF-16 boundaries", side.id);
            }
        }
    }
    let mut seen_a = vec![0u32; d.a.sentences.len()];
    let mut seen_b = vec![0u32; d.b.sentences.len()];
    let mark = |seen: &mut [u32], i: u32| match seen.get_mut(i as usize) {
        Some(n) => *n += 1,
        None => panic!("a diff names sentence {i}, which does not exist"),
    };
    for m in &d.matched {
        mark(&mut seen_a, m.a);
        mark(&mut seen_b, m.b);
    }
    d.only_a.iter().for_each(|&i| mark(&mut seen_a, i));
    d.only_b.iter().for_each(|&i| mark(&mut seen_b, i));
    if seen_a.iter().chain(&seen_b).any(|&n| n != 1) {
        panic!("a diff does not account for every sentence exactly once");
    }
    for m in &d.matched {
        let w = &m.diff;
        let words = |text: &str, ws: &[crate::export::RangeOut]| -> Vec<String> {
            ws.iter()
                .map(|r| match utf16_slice(text, r.start, r.end) {
                    Some(s) => s.to_lowercase(),
                    None => panic!("a diff word is not on UTF-16 boundaries"),
                })
                .collect()
        };
        let (wa, wb) = (words(&d.a.text, &w.a_words), words(&d.b.text, &w.b_words));
        let (mut at_a, mut at_b) = (0u32, 0u32);
        for op in &w.ops {
            if op.a[0] != at_a || op.b[0] != at_b || op.a[1] < op.a[0] || op.b[1] < op.b[0] {
                panic!("the operations of a word diff leave a gap or overlap");
            }
            if op.tag == crate::diff::Tag::Equal {
                let xa = wa.get(op.a[0] as usize..op.a[1] as usize);
                let xb = wb.get(op.b[0] as usize..op.b[1] as usize);
                if xa.is_none() || xa != xb {
                    panic!("an equal operation pairs different words");
                }
            }
            (at_a, at_b) = (op.a[1], op.b[1]);
        }
        if at_a as usize != wa.len() || at_b as usize != wb.len() {
            panic!("the operations of a word diff do not cover both word lists");
        }
    }
}

fn export_checked(corpus: &Corpus) -> Export {
    match corpus.export(&DEFAULT_OPTIONS) {
        Ok(export) => {
            check_spans(&export);
            export
        }
        Err(e) => panic!("default options must be valid: {e}"),
    }
}

/// One article from raw bytes, exported.
pub fn one_article(data: &[u8]) {
    let mut corpus = Corpus::new();
    let name = if data.starts_with(b"<") { "fuzz.html" } else { "fuzz.txt" };
    let _ = corpus.add(&Input::new(name, data));
    export_checked(&corpus);
}

/// One article from raw bytes read as Markdown, exported.
pub fn one_markdown(data: &[u8]) {
    let mut corpus = Corpus::new();
    let _ = corpus.add(&Input::new("fuzz.md", data));
    export_checked(&corpus);
}

/// Splits `data` at each "\n---\n" into at most `max` parts (the last part keeps the rest).
pub fn split_articles(data: &[u8], max: usize) -> Vec<&[u8]> {
    let sep: &[u8] = b"\n---\n";
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() + 1 < max {
        let Some(at) = rest.windows(sep.len()).position(|w| w == sep) else { break };
        let (head, tail) = rest.split_at(at);
        parts.push(head);
        rest = tail.get(sep.len()..).unwrap_or_default();
    }
    parts.push(rest);
    parts
}

/// Several articles separated by "\n---\n", exported together.
pub fn many_articles(data: &[u8]) {
    let mut corpus = Corpus::new();
    for (n, part) in split_articles(data, 17).into_iter().enumerate() {
        let _ = corpus.add(&Input::new(format!("a{n}.txt"), part));
    }
    export_checked(&corpus);
}

/// Two articles separated by the first "\n---\n", diffed pairwise (`storylines diff`).
pub fn pair_diff(data: &[u8]) {
    let mut corpus = Corpus::new();
    let parts = split_articles(data, 2);
    for (n, part) in parts.iter().enumerate() {
        let _ = corpus.add(&Input::new(format!("d{n}.txt"), *part));
    }
    let ids: Vec<String> = corpus.articles().iter().map(|a| a.id.clone()).collect();
    if let (Some(a), Some(b)) = (ids.first(), ids.get(1).or(ids.first())) {
        match corpus.diff(a, b, &DEFAULT_OPTIONS) {
            Ok(d) => check_diff(&d),
            Err(e) => panic!("diffing two added articles must work: {e}"),
        }
    }
}

/// Any bytes as a manifest: either a manifest or an error, never a panic.
pub fn manifest(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = Manifest::from_json(&text);
}
