//! The export model: what the CLI prints and the wasm API returns, with camelCase field names and spans as
//! UTF-16 code units into each article's exported `text`.
//!
//! This is the project's public data contract (`schema: "storylines/1"`, described by
//! `schema/storylines.schema.json`). Field names are stable; new fields may be added.
//! This module converts core types into the model; it must not compute findings.

use crate::align::SentencePair;
use crate::article::{Article, Field, FieldSource, Format, FurnitureKind, ParagraphKind};
use crate::diagnostic::Diagnostic;
use crate::text::Utf16Map;
use serde::Serialize;

/// The schema identifier of this model.
pub const SCHEMA: &str = "storylines/1";

/// The whole export.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Export {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The engine version that produced it.
    pub engine: &'static str,
    /// The articles, sorted by id.
    pub articles: Vec<ArticleOut>,
    /// Aligned sentence pairs across articles.
    pub alignments: Vec<AlignmentOut>,
    /// What was wrong with the inputs, per article and for the bundle.
    pub diagnostics: Vec<Diagnostic>,
}

/// Metadata provenance: where a value was read and how sure the parser is.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    /// Where it was found.
    pub source: FieldSource,
    /// From 0 to 1.
    pub confidence: f64,
    /// Span in the text, when read from the text.
    pub start: Option<u32>,
    /// End of that span.
    pub end: Option<u32>,
}

/// Provenance of each metadata field that has a value.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetadataProvenance {
    /// Of the title.
    pub title: Option<Provenance>,
    /// Of each author, in order.
    pub authors: Vec<Provenance>,
    /// Of the published date.
    pub published: Option<Provenance>,
    /// Of the outlet.
    pub outlet: Option<Provenance>,
    /// Of the language.
    pub language: Option<Provenance>,
}

/// One article.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleOut {
    /// Stable id.
    pub id: String,
    /// The file it was read from.
    pub file: Option<String>,
    /// Input format.
    pub format: Format,
    /// The decoded text every span of this article refers to.
    pub text: String,
    /// Headline, or null.
    pub title: Option<String>,
    /// Authors (may be empty).
    pub authors: Vec<String>,
    /// Outlet, or null.
    pub outlet: Option<String>,
    /// Publication date, ISO 8601, or null.
    pub published: Option<String>,
    /// URL, or null.
    pub url: Option<String>,
    /// Language tag, or null.
    pub language: Option<String>,
    /// Where each metadata value came from.
    pub provenance: MetadataProvenance,
    /// Paragraphs of the body.
    pub paragraphs: Vec<ParagraphOut>,
    /// Sentences of the body.
    pub sentences: Vec<SentenceOut>,
    /// Page furniture.
    pub furniture: Vec<FurnitureOut>,
    /// Hex of a stable hash of the text.
    pub content_hash: String,
}

/// A paragraph.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParagraphOut {
    /// UTF-16 start.
    pub start: u32,
    /// UTF-16 end.
    pub end: u32,
    /// Headline, heading or body.
    pub kind: ParagraphKind,
}

/// A sentence.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentenceOut {
    /// Index of the sentence within its article.
    pub id: u32,
    /// UTF-16 start.
    pub start: u32,
    /// UTF-16 end.
    pub end: u32,
    /// The sentence's text (equal to slicing the article text at start..end).
    pub text: String,
    /// Index of its paragraph.
    pub paragraph: u32,
}

/// A span of furniture.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FurnitureOut {
    /// UTF-16 start.
    pub start: u32,
    /// UTF-16 end.
    pub end: u32,
    /// What it is.
    pub kind: FurnitureKind,
    /// Its text.
    pub text: String,
}

/// A sentence reference: article id and sentence index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentenceRef {
    /// Article id.
    pub article: String,
    /// Sentence index within the article.
    pub sentence: u32,
}

/// Two aligned sentences, with why they were aligned.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AlignmentOut {
    /// One sentence.
    pub a: SentenceRef,
    /// The other sentence.
    pub b: SentenceRef,
    /// Score from 0 to 1.
    pub score: f64,
    /// The content words both share, rarest first.
    pub shared_words: Vec<String>,
}

fn provenance<T>(f: &Field<T>, map: &Utf16Map) -> Provenance {
    let span = f.range.map(|r| map.span(r));
    Provenance { source: f.source, confidence: f.confidence, start: span.map(|s| s.start), end: span.map(|s| s.end) }
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Converts one article.
pub fn article_out(a: &Article) -> ArticleOut {
    let map = Utf16Map::new(&a.text);
    let m = &a.meta;
    ArticleOut {
        id: a.id.clone(),
        file: a.file.clone(),
        format: a.format,
        text: a.text.clone(),
        title: m.title.as_ref().map(|f| f.value.clone()),
        authors: m.authors.iter().map(|f| f.value.clone()).collect(),
        outlet: m.outlet.as_ref().map(|f| f.value.clone()),
        published: m.published.as_ref().map(|f| f.value.clone()),
        url: m.url.as_ref().map(|f| f.value.clone()),
        language: m.language.as_ref().map(|f| f.value.clone()),
        provenance: MetadataProvenance {
            title: m.title.as_ref().map(|f| provenance(f, &map)),
            authors: m.authors.iter().map(|f| provenance(f, &map)).collect(),
            published: m.published.as_ref().map(|f| provenance(f, &map)),
            outlet: m.outlet.as_ref().map(|f| provenance(f, &map)),
            language: m.language.as_ref().map(|f| provenance(f, &map)),
        },
        paragraphs: a
            .paragraphs
            .iter()
            .map(|p| {
                let s = map.span(p.range);
                ParagraphOut { start: s.start, end: s.end, kind: p.kind }
            })
            .collect(),
        sentences: a
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let sp = map.span(s.range);
                SentenceOut {
                    id: idx(i),
                    start: sp.start,
                    end: sp.end,
                    text: a.slice(s.range).to_string(),
                    paragraph: idx(s.paragraph),
                }
            })
            .collect(),
        furniture: a
            .furniture
            .iter()
            .map(|f| {
                let sp = map.span(f.range);
                FurnitureOut { start: sp.start, end: sp.end, kind: f.kind, text: a.slice(f.range).to_string() }
            })
            .collect(),
        content_hash: format!("{:016x}", a.content_hash),
    }
}

/// Converts aligned pairs, naming articles by id.
pub fn alignments_out(articles: &[&Article], pairs: &[SentencePair]) -> Vec<AlignmentOut> {
    let sref = |k: crate::align::SentenceKey| SentenceRef {
        article: articles.get(k.article).map(|a| a.id.clone()).unwrap_or_default(),
        sentence: idx(k.sentence),
    };
    pairs
        .iter()
        .map(|p| AlignmentOut { a: sref(p.a), b: sref(p.b), score: p.score, shared_words: p.shared.clone() })
        .collect()
}
