//! The export model: what the CLI prints and the wasm API returns, with camelCase field names and spans as
//! UTF-16 code units into each article's exported `text`.
//!
//! This is the project's public data contract (`schema: "storylines/1"`, described by
//! `schema/storylines.schema.json`). Field names are stable; new fields may be added.
//! This module converts core types into the model; it must not compute findings.

use crate::align::SentencePair;
use crate::annotate::Annotations;
use crate::article::{Article, Field, FieldSource, Format, FurnitureKind, ParagraphKind};
use crate::diagnostic::Diagnostic;
use crate::entities::{Entity, EntityKind};
use crate::text::Utf16Map;
use crate::time::{Anchor, Grain, TimeFlag, TimeMod};
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
    /// People, organisations and places, merged across articles.
    pub entities: Vec<EntityOut>,
    /// Temporal expressions of every article.
    pub times: Vec<TimeOut>,
    /// Numbers of every article.
    pub numbers: Vec<NumberOut>,
    /// Quotes of every article.
    pub quotes: Vec<QuoteOut>,
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

/// A mention of an entity.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MentionOut {
    /// Article id.
    pub article: String,
    /// UTF-16 start of the name.
    pub start: u32,
    /// UTF-16 end of the name.
    pub end: u32,
    /// The name as written.
    pub text: String,
    /// Role or title of this mention, or null.
    pub role: Option<String>,
    /// Sentence index, or null.
    pub sentence: Option<u32>,
}

/// An entity across the corpus.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityOut {
    /// Canonical key, stable across runs (`person:jane-doe`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Why aliases were merged.
    pub why: Vec<String>,
    /// Every mention.
    pub mentions: Vec<MentionOut>,
}

/// A temporal expression.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeOut {
    /// `{article}:t{index}`.
    pub id: String,
    /// Article id.
    pub article: String,
    /// UTF-16 start.
    pub start: u32,
    /// UTF-16 end.
    pub end: u32,
    /// The expression as written.
    pub text: String,
    /// Normalised value, or null when unresolved.
    pub value: Option<String>,
    /// Precision.
    pub grain: Grain,
    /// What it was resolved against.
    pub anchor: Anchor,
    /// Qualifier, or null.
    pub modifier: Option<TimeMod>,
    /// Problems found.
    pub flags: Vec<TimeFlag>,
    /// Sentence index, or null.
    pub sentence: Option<u32>,
}

/// A number.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NumberOut {
    /// `{article}:n{index}`.
    pub id: String,
    /// Article id.
    pub article: String,
    /// UTF-16 start.
    pub start: u32,
    /// UTF-16 end.
    pub end: u32,
    /// As written.
    pub text: String,
    /// The value.
    pub value: f64,
    /// Unit, or null.
    pub unit: Option<String>,
    /// What is counted, or null.
    pub counted: Option<String>,
    /// Approximate ("about 60 million").
    pub approximate: bool,
    /// An ordinal.
    pub ordinal: bool,
    /// Sentence index, or null.
    pub sentence: Option<u32>,
}

/// A quote.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteOut {
    /// `{article}:q{index}`.
    pub id: String,
    /// Article id.
    pub article: String,
    /// UTF-16 start of the quoted words.
    pub start: u32,
    /// UTF-16 end of the quoted words.
    pub end: u32,
    /// The quoted words.
    pub text: String,
    /// The speaker's entity id, or null.
    pub speaker: Option<String>,
    /// The speaker as the text names them, or null.
    pub speaker_text: Option<String>,
    /// Attribution verb, or null.
    pub verb: Option<String>,
    /// The speaker's own words (true) or a paraphrase (false).
    pub direct: bool,
    /// Sentence index, or null.
    pub sentence: Option<u32>,
}

/// The annotation part of the export: entities, times, numbers, quotes.
#[derive(Debug, Clone, Default)]
pub struct AnnotationsOut {
    /// Entities.
    pub entities: Vec<EntityOut>,
    /// Times.
    pub times: Vec<TimeOut>,
    /// Numbers.
    pub numbers: Vec<NumberOut>,
    /// Quotes.
    pub quotes: Vec<QuoteOut>,
}

/// Converts annotations; `annotations[i]` belong to `articles[i]`, `entities` come from
/// [`crate::entities::resolve`] over the same articles.
pub fn annotations_out(articles: &[&Article], annotations: &[Annotations], entities: &[Entity]) -> AnnotationsOut {
    let maps: Vec<Utf16Map> = articles.iter().map(|a| Utf16Map::new(&a.text)).collect();
    let mut entity_of: std::collections::HashMap<(usize, usize), &str> = std::collections::HashMap::new();
    for e in entities {
        for &m in &e.mentions {
            entity_of.insert(m, e.key.as_str());
        }
    }
    let mut out = AnnotationsOut::default();
    for e in entities {
        let mut mentions = Vec::new();
        for &(ai, mi) in &e.mentions {
            let (Some(a), Some(ann), Some(map)) = (articles.get(ai), annotations.get(ai), maps.get(ai)) else {
                continue;
            };
            let Some(m) = ann.mentions.get(mi) else { continue };
            let sp = map.span(m.range);
            mentions.push(MentionOut {
                article: a.id.clone(),
                start: sp.start,
                end: sp.end,
                text: a.slice(m.range).to_string(),
                role: m.role.clone(),
                sentence: m.sentence.map(idx),
            });
        }
        out.entities.push(EntityOut {
            id: e.key.clone(),
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
            why: e.why.clone(),
            mentions,
        });
    }
    for (ai, (a, ann)) in articles.iter().zip(annotations).enumerate() {
        let Some(map) = maps.get(ai) else { continue };
        for (i, t) in ann.times.iter().enumerate() {
            let sp = map.span(t.range);
            out.times.push(TimeOut {
                id: format!("{}:t{i}", a.id),
                article: a.id.clone(),
                start: sp.start,
                end: sp.end,
                text: a.slice(t.range).to_string(),
                value: t.value.clone(),
                grain: t.grain,
                anchor: t.anchor,
                modifier: t.modifier,
                flags: t.flags.clone(),
                sentence: t.sentence.map(idx),
            });
        }
        for (i, n) in ann.numbers.iter().enumerate() {
            let sp = map.span(n.range);
            out.numbers.push(NumberOut {
                id: format!("{}:n{i}", a.id),
                article: a.id.clone(),
                start: sp.start,
                end: sp.end,
                text: a.slice(n.range).to_string(),
                value: n.value,
                unit: n.unit.clone(),
                counted: n.counted.clone(),
                approximate: n.approximate,
                ordinal: n.ordinal,
                sentence: n.sentence.map(idx),
            });
        }
        for (i, q) in ann.quotes.iter().enumerate() {
            let sp = map.span(q.range);
            out.quotes.push(QuoteOut {
                id: format!("{}:q{i}", a.id),
                article: a.id.clone(),
                start: sp.start,
                end: sp.end,
                text: a.slice(q.range).to_string(),
                speaker: q.speaker.and_then(|m| entity_of.get(&(ai, m)).map(|k| k.to_string())),
                speaker_text: q.speaker_text.clone(),
                verb: q.verb.clone(),
                direct: q.direct,
                sentence: q.sentence.map(idx),
            });
        }
    }
    out
}
