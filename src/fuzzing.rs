//! Entry points shared by the fuzz targets (`fuzz/`), the corpus replay test (`tests/fuzz_corpus.rs`) and the
//! property tests (`tests/properties.rs`), so that the saved fuzz corpus and every crash input run as ordinary
//! tests on stable.
//!
//! Each function drives a public entry point end to end and checks the output's invariants (every span inside
//! its text, on UTF-16 boundaries, slicing back to the text it claims; a diff that reconstructs both texts);
//! a violated invariant panics, which is what a fuzzer must find. Nothing here is used by the engine itself.

#![warn(clippy::indexing_slicing)]
#![allow(clippy::panic)]

use crate::base::text::Lowercase as _;
use crate::input::manifest::Manifest;
use crate::input::parse::Input;
use crate::model::corpus::{Corpus, DEFAULT_OPTIONS};
use crate::model::export::{DiffOut, Export};
use std::collections::BTreeMap;

/// The UTF-16 slice `start..end` of `text`, or `None` when it is out of range or cuts a surrogate pair.
pub fn utf16_slice(text: &str, start: u32, end: u32) -> Option<String> {
    slice_units(&text.encode_utf16().collect::<Vec<u16>>(), start, end)
}

/// The slice `start..end` of UTF-16 code units, or `None` when it is out of range or cuts a surrogate pair.
fn slice_units(units: &[u16], start: u32, end: u32) -> Option<String> {
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
    let units: BTreeMap<&str, Vec<u16>> =
        export.articles.iter().map(|a| (a.id.as_str(), a.text.encode_utf16().collect())).collect();
    let units_of = |article: &str| -> &[u16] {
        match units.get(article) {
            Some(u) => u,
            None => panic!("a span names a missing article {article}"),
        }
    };
    for a in &export.articles {
        let u = units_of(&a.id);
        for s in &a.sentences {
            if slice_units(u, s.start, s.end).as_deref() != Some(s.text.as_str()) {
                panic!("sentence {} of {} does not slice back to its text", s.id, a.id);
            }
        }
        for f in &a.furniture {
            if slice_units(u, f.start, f.end).as_deref() != Some(f.text.as_str()) {
                panic!("furniture of {} does not slice back to its text", a.id);
            }
        }
        for p in &a.paragraphs {
            if slice_units(u, p.start, p.end).is_none() {
                panic!("a paragraph of {} is not on UTF-16 boundaries", a.id);
            }
        }
    }
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
        if slice_units(units_of(article), start, end).as_deref() != Some(text.as_str()) {
            panic!("a {what} span of {article} does not slice back to its text");
        }
    }
    for r in &export.reuse {
        let (from, to) = (units_of(&r.from), units_of(&r.to));
        for p in &r.passages {
            if slice_units(from, p.from.start, p.from.end).is_none() || slice_units(to, p.to.start, p.to.end).is_none()
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
    let (ua, ub): (Vec<u16>, Vec<u16>) = (d.a.text.encode_utf16().collect(), d.b.text.encode_utf16().collect());
    for (side, u) in [(&d.a, &ua), (&d.b, &ub)] {
        for s in &side.sentences {
            if slice_units(u, s.start, s.end).is_none() {
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
        let words = |u: &[u16], ws: &[crate::model::export::RangeOut]| -> Vec<String> {
            ws.iter()
                .map(|r| match slice_units(u, r.start, r.end) {
                    Some(s) => s.lowercase(),
                    None => panic!("a diff word is not on UTF-16 boundaries"),
                })
                .collect()
        };
        let (wa, wb) = (words(&ua, &w.a_words), words(&ub, &w.b_words));
        let (mut at_a, mut at_b) = (0u32, 0u32);
        for op in &w.ops {
            if op.a[0] != at_a || op.b[0] != at_b || op.a[1] < op.a[0] || op.b[1] < op.b[0] {
                panic!("the operations of a word diff leave a gap or overlap");
            }
            if op.tag == crate::xref::diff::Tag::Equal {
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

/// A deterministic word of the pathological inputs (a fixed linear congruential sequence over a small vocabulary).
fn word(i: usize) -> String {
    const SYL: [&str; 16] =
        ["ka", "ro", "mi", "te", "su", "lo", "ne", "va", "di", "po", "ru", "ze", "ba", "fi", "go", "hu"];
    let x = i.wrapping_mul(2_654_435_761) % 4096;
    let pick = |k: usize| SYL.get(k % 16).copied().unwrap_or("a");
    format!("{}{}{}", pick(x), pick(x / 16), pick(x / 256))
}

/// The pathological inputs of the documented limits (README "Limits", docs/FUZZING.md): each a name and the
/// inputs of one corpus. Used by `tests/limits.rs` (each gives its diagnostic or a result) and
/// `benches/limits.rs` (how long each takes).
pub fn pathological() -> Vec<(&'static str, Vec<Input>)> {
    let same = "The council approved the new budget for the harbour on Monday. ".repeat(10_000);
    let long_sentence: String = (0..150_000).map(|i| word(i) + " ").collect::<String>();
    let mut edited = long_sentence.clone();
    edited.insert_str(edited.len() / 2, "and then something else entirely ");
    let quotes = "\"“”'‘’«»„‟‹›".repeat(20_000);
    let long_word = |c: char| std::iter::once('Z').chain(std::iter::repeat_n(c, 9_999)).collect::<String>();
    let long_words: String = (0..20)
        .map(|i| format!("{} said {} was here. ", long_word('a'), long_word(if i % 2 == 0 { 'b' } else { 'c' })))
        .collect();
    let deep_html = format!(
        "<html><body>{}<p>Deep text here.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let mut largest = String::from("The largest article\n\n");
    let mut i = 0;
    while largest.len() < crate::input::parse::MAX_TEXT_BYTES - 200 {
        largest.push_str(&format!(
            "The {} of the {} said on Monday that {} people saw \"{}\". ",
            word(i),
            word(i + 1),
            i % 97,
            word(i + 2)
        ));
        if i % 5 == 4 {
            largest.push_str("\n\n");
        }
        i += 1;
    }
    let many: Vec<Input> = (0..1_000)
        .map(|i| {
            Input::new(
                format!("n{i:04}.txt"),
                format!("Note {i}\n\nThe {} of the {} rose by {i} on Monday.\n", word(i), word(i + 7)),
            )
        })
        .collect();
    vec![
        (
            "identical-sentences",
            vec![
                Input::new("same-a.txt", format!("First\n\n{same}")),
                Input::new("same-b.txt", format!("Second\n\n{same}")),
            ],
        ),
        ("one-mb-sentence", vec![Input::new("long-a.txt", long_sentence), Input::new("long-b.txt", edited)]),
        ("only-quotes", vec![Input::new("quotes.txt", quotes)]),
        (
            "long-words",
            vec![
                Input::new("words-a.txt", long_words.clone()),
                Input::new("words-b.txt", format!("Copy\n\n{long_words}")),
            ],
        ),
        ("deep-html", vec![Input::new("deep.html", deep_html)]),
        ("largest-article", vec![Input::new("largest.txt", largest)]),
        (
            "too-much-text",
            vec![Input::new("long.txt", "All work and no play. ".repeat(crate::input::parse::MAX_TEXT_BYTES / 20))],
        ),
        ("too-large", vec![Input::new("huge.txt", vec![b'a'; crate::input::parse::MAX_ARTICLE_BYTES + 1])]),
        ("thousand-articles", many),
    ]
}
