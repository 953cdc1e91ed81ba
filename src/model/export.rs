//! The export model: what the CLI prints and the wasm API returns, with camelCase field names and spans as
//! UTF-16 code units into each article's exported `text`.
//!
//! This is the project's public data contract (`schema: "storylines/1"`, described by
//! `schema/storylines.schema.json`). Field names are stable; new fields may be added.
//! This module converts core types into the model; it must not compute findings.

use crate::annotate::entities::{Entity, EntityKind};
use crate::annotate::time::{Anchor, Grain, TimeFlag, TimeMod};
use crate::annotate::Annotations;
use crate::base::diagnostic::Diagnostic;
use crate::base::text::TextRange;
use crate::base::text::Utf16Map;
use crate::input::article::{Article, Field, FieldSource, Format, FurnitureKind, ParagraphKind};
use crate::xref::align::{SentenceKey, SentencePair};
use crate::xref::claims::{Agreement, Claim, Level, Status};
use crate::xref::collate::Table;
use crate::xref::contradictions::{Contradiction, Kind};
use crate::xref::dating::{DateEvidence, InferredDate};
use crate::xref::diff::{PairDiff, Tag, WordDiff};
use crate::xref::events::{Event, Story};
use crate::xref::quote_groups::{QuoteGroup, Relation};
use crate::xref::reuse::ReuseEdge;
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
    /// How sentences were aligned: `words` (shared wording alone) or `words+meaning` (with the
    /// sentence-embedding model as well).
    pub matching: &'static str,
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
    /// Groups of aligned sentences with their sources and status.
    pub claims: Vec<ClaimOut>,
    /// Disagreements and inconsistencies, with the spans involved.
    pub contradictions: Vec<ContradictionOut>,
    /// The same statement of the same speaker across articles.
    pub quote_groups: Vec<QuoteGroupOut>,
    /// Text reuse edges: who took text from whom.
    pub reuse: Vec<ReuseOut>,
    /// Groups of articles about one main happening.
    pub stories: Vec<StoryOut>,
    /// Dated happenings on the timeline.
    pub events: Vec<EventOut>,
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
    /// For an inferred value: the id of the article it came from (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// For an inferred value: what ties the two articles, `reuse` or `aligned N sentences` (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
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
    /// How many sources carry the same content.
    pub agreement: AgreementOut,
}

/// Agreement of one sentence with the other sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgreementOut {
    /// Articles carrying the same content, this one included.
    pub sources: u32,
    /// Independent groups among them.
    pub independent_sources: u32,
    /// verbatim, reworded or none.
    pub level: Level,
}

impl Default for AgreementOut {
    fn default() -> AgreementOut {
        AgreementOut { sources: 1, independent_sources: 1, level: Level::None }
    }
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
    /// The lexical part of the score (IDF-weighted word overlap).
    pub lexical: f64,
    /// The cosine of the sentences' embeddings, or null when the engine ran without the model.
    pub meaning: Option<f64>,
    /// What aligned them: `words`, `meaning` or `both`.
    pub evidence: crate::xref::align::Evidence,
    /// Entity ids both sentences mention.
    pub same_entities: Vec<String>,
    /// Normalised dates both mention.
    pub same_dates: Vec<String>,
    /// Numbers both mention.
    pub same_numbers: Vec<String>,
    /// Same words in the same order.
    pub verbatim: bool,
}

fn provenance<T>(f: &Field<T>, map: &Utf16Map) -> Provenance {
    let span = f.range.map(|r| map.span(r));
    Provenance {
        source: f.source,
        confidence: f.confidence,
        start: span.map(|s| s.start),
        end: span.map(|s| s.end),
        from: None,
        evidence: None,
    }
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
                    agreement: AgreementOut::default(),
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
pub fn alignments_out(articles: &[&Article], pairs: Vec<SentencePair>) -> Vec<AlignmentOut> {
    // Takes the pairs: a large corpus has hundreds of thousands, and their word lists move instead of being copied.
    let sref = |k: crate::xref::align::SentenceKey| SentenceRef {
        article: articles.get(k.article).map(|a| a.id.clone()).unwrap_or_default(),
        sentence: idx(k.sentence),
    };
    pairs
        .into_iter()
        .map(|p| AlignmentOut {
            a: sref(p.a),
            b: sref(p.b),
            score: p.score,
            shared_words: p.shared,
            lexical: p.lexical,
            meaning: p.meaning,
            evidence: p.evidence,
            same_entities: p.same_entities,
            same_dates: p.same_dates,
            same_numbers: p.same_numbers,
            verbatim: p.verbatim,
        })
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
    /// How the speaker was found (name, pronoun, description, continuation, source), or null.
    pub speaker_how: Option<crate::annotate::quotes::SpeakerHow>,
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
/// [`crate::annotate::entities::resolve`] over the same articles.
pub fn annotations_out(articles: &[&Article], annotations: &[Annotations], entities: &[Entity]) -> AnnotationsOut {
    let maps: Vec<Utf16Map> = articles.iter().map(|a| Utf16Map::new(&a.text)).collect();
    let speakers = SpeakerKeys::of(entities);
    let mut out = AnnotationsOut {
        entities: entities.iter().map(|e| entity_out(e, articles, annotations, &maps)).collect(),
        ..AnnotationsOut::default()
    };
    for (ai, ((a, ann), map)) in articles.iter().zip(annotations).zip(&maps).enumerate() {
        out.times.extend(ann.times.iter().enumerate().map(|(i, t)| time_out(a, map, i, t)));
        out.numbers.extend(ann.numbers.iter().enumerate().map(|(i, n)| number_out(a, map, i, n)));
        out.quotes.extend(ann.quotes.iter().enumerate().map(|(i, q)| quote_out(a, map, i, q, speakers.key(ai, q))));
    }
    out
}

/// The entity each mention `(article index, mention index)` was resolved to, by key: a quote's speaker.
struct SpeakerKeys<'a>(std::collections::HashMap<(usize, usize), &'a str>);

impl<'a> SpeakerKeys<'a> {
    fn of(entities: &'a [Entity]) -> SpeakerKeys<'a> {
        SpeakerKeys(entities.iter().flat_map(|e| e.mentions.iter().map(|&m| (m, e.key.as_str()))).collect())
    }

    /// The key of the entity speaking quote `q` of article `ai`, if its speaker was resolved to one.
    fn key(&self, ai: usize, q: &crate::annotate::quotes::Quote) -> Option<String> {
        q.speaker.and_then(|m| self.0.get(&(ai, m)).map(|k| k.to_string()))
    }
}

/// One entity with its mentions, each at UTF-16 offsets into its article's text.
fn entity_out(e: &Entity, articles: &[&Article], annotations: &[Annotations], maps: &[Utf16Map]) -> EntityOut {
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
    EntityOut {
        id: e.key.clone(),
        name: e.name.clone(),
        kind: e.kind,
        aliases: e.aliases.clone(),
        why: e.why.clone(),
        mentions,
    }
}

/// Time expression `i` of article `a`.
fn time_out(a: &Article, map: &Utf16Map, i: usize, t: &crate::annotate::time::TimeExpr) -> TimeOut {
    let sp = map.span(t.range);
    TimeOut {
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
    }
}

/// Number `i` of article `a`.
fn number_out(a: &Article, map: &Utf16Map, i: usize, n: &crate::annotate::numbers::NumberMention) -> NumberOut {
    let sp = map.span(n.range);
    NumberOut {
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
    }
}

/// Quote `i` of article `a`, its speaker given as an entity key.
fn quote_out(
    a: &Article,
    map: &Utf16Map,
    i: usize,
    q: &crate::annotate::quotes::Quote,
    speaker: Option<String>,
) -> QuoteOut {
    let sp = map.span(q.range);
    QuoteOut {
        id: format!("{}:q{i}", a.id),
        article: a.id.clone(),
        start: sp.start,
        end: sp.end,
        text: a.slice(q.range).to_string(),
        speaker_how: speaker.as_ref().and(q.how),
        speaker,
        speaker_text: q.speaker_text.clone(),
        verb: q.verb.clone(),
        direct: q.direct,
        sentence: q.sentence.map(idx),
    }
}

/// A span in one article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpanRef {
    /// Article id.
    pub article: String,
    /// UTF-16 start.
    pub start: u32,
    /// UTF-16 end.
    pub end: u32,
    /// The text of the span.
    pub text: String,
}

/// A claim.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimOut {
    /// `claim:{article}:{sentence}` of its first sentence.
    pub id: String,
    /// Its sentences.
    pub sentences: Vec<SentenceRef>,
    /// Article ids carrying it.
    pub sources: Vec<String>,
    /// One article id per independent group.
    pub independent_sources: Vec<String>,
    /// corroborated, single-source or contested.
    pub status: Status,
    /// Plain-language explanation ("2 sources, 1 independent (…)").
    pub explanation: String,
    /// Event ids it is told of.
    pub events: Vec<String>,
    /// Story ids of its sources.
    pub stories: Vec<String>,
    /// Told in two or more stories: a possible conflation or a repetition.
    pub told_of_several: bool,
}

/// A contradiction.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContradictionOut {
    /// `{kind}:{article}:{byte start}` of its first span.
    pub id: String,
    /// The kind.
    pub kind: Kind,
    /// Plain-language explanation.
    pub explanation: String,
    /// The spans involved.
    pub refs: Vec<SpanRef>,
    /// Claim ids it makes contested.
    pub claims: Vec<String>,
}

/// One step of a quote's lineage.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineageOut {
    /// Quote id.
    pub quote: String,
    /// Article id.
    pub article: String,
    /// The article's publication date, or null.
    pub published: Option<String>,
    /// earliest, repeats or rewords.
    pub relation: Relation,
}

/// A quote group.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteGroupOut {
    /// `quotes:{first quote id}`.
    pub id: String,
    /// Speaker entity id (or the speaker as written, lowercased), or null.
    pub speaker: Option<String>,
    /// Quote ids.
    pub quotes: Vec<String>,
    /// All the same words.
    pub identical: bool,
    /// The earliest quote id.
    pub earliest: String,
    /// Every quote in lineage order.
    pub lineage: Vec<LineageOut>,
}

/// A span pair of a reuse passage.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RangeOut {
    /// UTF-16 start.
    pub start: u32,
    /// UTF-16 end.
    pub end: u32,
}

/// An aligned passage.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PassageOut {
    /// Span in the source article.
    pub from: RangeOut,
    /// Span in the reusing article.
    pub to: RangeOut,
    /// Share of matching words, 0–1.
    pub score: f64,
}

/// A reuse edge.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReuseOut {
    /// Source article id.
    pub from: String,
    /// Reusing article id.
    pub to: String,
    /// Whether the direction is known.
    pub directed: bool,
    /// Strength, 0–1.
    pub score: f64,
    /// Why the edge exists and points this way.
    pub evidence: Vec<String>,
    /// Aligned passages.
    pub passages: Vec<PassageOut>,
}

/// A date range.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateRange {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
}

/// A story.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoryOut {
    /// `story:{first article id}`.
    pub id: String,
    /// Article ids.
    pub articles: Vec<String>,
    /// The date when all dated articles share one day, else null.
    pub date: Option<String>,
    /// First and last day of its dated articles, or null.
    pub range: Option<DateRange>,
}

/// A timeline event.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventOut {
    /// `event:{date}`.
    pub id: String,
    /// Normalised date.
    pub date: String,
    /// Precision.
    pub grain: Grain,
    /// Short label taken from the text.
    pub label: String,
    /// Supporting sentences.
    pub sentences: Vec<SentenceRef>,
    /// Article ids.
    pub sources: Vec<String>,
    /// One article id per independent group.
    pub independent_sources: Vec<String>,
    /// Whether a contradiction disputes its date.
    pub contested: bool,
    /// Story id, or null.
    pub story: Option<String>,
}

fn aid(articles: &[&Article], i: usize) -> String {
    articles.get(i).map(|a| a.id.clone()).unwrap_or_default()
}

fn sref_of(articles: &[&Article], k: SentenceKey) -> SentenceRef {
    SentenceRef { article: aid(articles, k.article), sentence: idx(k.sentence) }
}

fn span_ref(articles: &[&Article], maps: &[Utf16Map], a: usize, r: TextRange) -> SpanRef {
    let sp = maps.get(a).map(|m| m.span(r));
    SpanRef {
        article: aid(articles, a),
        start: sp.map_or(0, |s| s.start),
        end: sp.map_or(0, |s| s.end),
        text: articles.get(a).map(|x| x.slice(r).to_string()).unwrap_or_default(),
    }
}

/// Gives each undated article its inferred publication date, with provenance `inferred`, the article it came
/// from and the evidence.
pub fn set_inferred_dates(out: &mut [ArticleOut], dating: &[InferredDate]) {
    for d in dating {
        let from = out.get(d.from).map(|a| a.id.clone());
        let evidence = match d.evidence {
            DateEvidence::Reuse => "reuse".to_string(),
            DateEvidence::Aligned(n) => format!("aligned {n} sentences"),
        };
        let Some(a) = out.get_mut(d.article) else { continue };
        a.published = Some(format!("{:04}-{:02}-{:02}", d.date.year, d.date.month, d.date.day));
        a.provenance.published = Some(Provenance {
            source: FieldSource::Inferred,
            confidence: d.confidence(),
            start: None,
            end: None,
            from,
            evidence: Some(evidence),
        });
    }
}

/// Sets each exported sentence's agreement.
pub fn set_agreement(out: &mut [ArticleOut], agreement: &crate::base::map::Map<SentenceKey, Agreement>) {
    for (k, ag) in agreement {
        if let Some(s) = out.get_mut(k.article).and_then(|a| a.sentences.get_mut(k.sentence)) {
            s.agreement =
                AgreementOut { sources: idx(ag.sources), independent_sources: idx(ag.independent), level: ag.level };
        }
    }
}

/// Converts claims; `stories_of[i]` is the story id of article `i`.
pub fn claims_out(articles: &[&Article], claims: &[Claim], stories: &[Story]) -> Vec<ClaimOut> {
    claims
        .iter()
        .map(|c| {
            let mut st: Vec<String> = stories
                .iter()
                .filter(|s| s.articles.iter().any(|a| c.sources.contains(a)))
                .map(|s| s.id.clone())
                .collect();
            crate::base::order::sort(&mut st);
            ClaimOut {
                id: c.id.clone(),
                sentences: c.sentences.iter().map(|k| sref_of(articles, *k)).collect(),
                sources: c.sources.iter().map(|&a| aid(articles, a)).collect(),
                independent_sources: c.independent.iter().map(|&a| aid(articles, a)).collect(),
                status: c.status,
                explanation: c.explanation.clone(),
                events: c.events.clone(),
                told_of_several: st.len() >= 2,
                stories: st,
            }
        })
        .collect()
}

/// Converts contradictions.
pub fn contradictions_out(articles: &[&Article], found: &[Contradiction]) -> Vec<ContradictionOut> {
    let maps: Vec<Utf16Map> = articles.iter().map(|a| Utf16Map::new(&a.text)).collect();
    found
        .iter()
        .map(|c| ContradictionOut {
            id: c.id.clone(),
            kind: c.kind,
            explanation: c.explanation.clone(),
            refs: c.refs.iter().map(|&(a, r)| span_ref(articles, &maps, a, r)).collect(),
            claims: c.claims.clone(),
        })
        .collect()
}

/// Converts quote groups.
pub fn quote_groups_out(articles: &[&Article], groups: &[QuoteGroup]) -> Vec<QuoteGroupOut> {
    let qid = |k: crate::xref::quote_groups::QuoteKey| format!("{}:q{}", aid(articles, k.article), k.quote);
    groups
        .iter()
        .map(|g| QuoteGroupOut {
            id: g.id.clone(),
            speaker: g.speaker.clone(),
            quotes: g.quotes.iter().map(|k| qid(*k)).collect(),
            identical: g.identical,
            earliest: qid(g.earliest),
            lineage: g
                .lineage
                .iter()
                .map(|(k, r)| LineageOut {
                    quote: qid(*k),
                    article: aid(articles, k.article),
                    published: articles.get(k.article).and_then(|a| a.meta.published.as_ref()).map(|f| f.value.clone()),
                    relation: *r,
                })
                .collect(),
        })
        .collect()
}

/// Converts reuse edges.
pub fn reuse_out(articles: &[&Article], edges: &[ReuseEdge]) -> Vec<ReuseOut> {
    let maps: Vec<Utf16Map> = articles.iter().map(|a| Utf16Map::new(&a.text)).collect();
    let range = |a: usize, r: TextRange| {
        let sp = maps.get(a).map(|m| m.span(r));
        RangeOut { start: sp.map_or(0, |s| s.start), end: sp.map_or(0, |s| s.end) }
    };
    edges
        .iter()
        .map(|e| ReuseOut {
            from: aid(articles, e.from),
            to: aid(articles, e.to),
            directed: e.directed,
            score: e.score,
            evidence: e.evidence.clone(),
            passages: e
                .passages
                .iter()
                .map(|p| PassageOut { from: range(e.from, p.from), to: range(e.to, p.to), score: p.score })
                .collect(),
        })
        .collect()
}

/// Converts stories.
pub fn stories_out(articles: &[&Article], stories: &[Story]) -> Vec<StoryOut> {
    stories
        .iter()
        .map(|s| StoryOut {
            id: s.id.clone(),
            articles: s.articles.iter().map(|&a| aid(articles, a)).collect(),
            date: s.range.as_ref().filter(|(a, b)| a == b).map(|(a, _)| a.clone()),
            range: s.range.as_ref().map(|(a, b)| DateRange { start: a.clone(), end: b.clone() }),
        })
        .collect()
}

/// Converts events.
pub fn events_out(articles: &[&Article], events: &[Event]) -> Vec<EventOut> {
    events
        .iter()
        .map(|e| EventOut {
            id: e.id.clone(),
            date: e.date.clone(),
            grain: e.grain,
            label: e.label.clone(),
            sentences: e.sentences.iter().map(|k| sref_of(articles, *k)).collect(),
            sources: e.sources.iter().map(|&a| aid(articles, a)).collect(),
            independent_sources: e.independent.iter().map(|&a| aid(articles, a)).collect(),
            contested: e.contested,
            story: e.story.clone(),
        })
        .collect()
}

/// The pairwise diff of two articles (schema: `$defs/diff` of `schema/storylines.schema.json`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffOut {
    /// Always `storylines-diff/1`.
    pub schema: &'static str,
    /// Article A (id, text, sentences).
    pub a: DiffSide,
    /// Article B.
    pub b: DiffSide,
    /// Matched sentence pairs, in A's order.
    pub matched: Vec<MatchedOut>,
    /// Sentence indices only in A.
    pub only_a: Vec<u32>,
    /// Sentence indices only in B.
    pub only_b: Vec<u32>,
}

/// One side of a diff.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffSide {
    /// Article id.
    pub id: String,
    /// Title, or null.
    pub title: Option<String>,
    /// The text all spans refer to.
    pub text: String,
    /// Sentences (UTF-16 spans).
    pub sentences: Vec<RangeOut>,
}

/// One word diff operation over word indices (half-open ranges).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpOut {
    /// equal, delete, insert or replace.
    pub tag: Tag,
    /// Word range in A: `[start, end)`.
    pub a: [u32; 2],
    /// Word range in B.
    pub b: [u32; 2],
}

/// A word diff.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WordDiffOut {
    /// Words of A, UTF-16 spans into A's text.
    pub a_words: Vec<RangeOut>,
    /// Words of B.
    pub b_words: Vec<RangeOut>,
    /// The operations.
    pub ops: Vec<OpOut>,
}

/// A matched pair.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchedOut {
    /// Sentence index in A.
    pub a: u32,
    /// Sentence index in B.
    pub b: u32,
    /// Alignment score.
    pub score: f64,
    /// Out of order relative to the other matches.
    pub moved: bool,
    /// Word diff of the two sentences.
    pub diff: WordDiffOut,
}

/// Converts a word diff.
pub fn word_diff_out(a: &Article, b: &Article, d: &WordDiff) -> WordDiffOut {
    let (ma, mb) = (Utf16Map::new(&a.text), Utf16Map::new(&b.text));
    let r = |m: &Utf16Map, x: TextRange| {
        let s = m.span(x);
        RangeOut { start: s.start, end: s.end }
    };
    WordDiffOut {
        a_words: d.a_words.iter().map(|x| r(&ma, *x)).collect(),
        b_words: d.b_words.iter().map(|x| r(&mb, *x)).collect(),
        ops: d
            .ops
            .iter()
            .map(|o| OpOut { tag: o.tag, a: [idx(o.a.0), idx(o.a.1)], b: [idx(o.b.0), idx(o.b.1)] })
            .collect(),
    }
}

/// Converts a pairwise diff.
pub fn diff_out(a: &Article, b: &Article, d: &PairDiff) -> DiffOut {
    let side = |x: &Article| {
        let m = Utf16Map::new(&x.text);
        DiffSide {
            id: x.id.clone(),
            title: x.meta.title.as_ref().map(|f| f.value.clone()),
            text: x.text.clone(),
            sentences: x
                .sentences
                .iter()
                .map(|s| {
                    let sp = m.span(s.range);
                    RangeOut { start: sp.start, end: sp.end }
                })
                .collect(),
        }
    };
    DiffOut {
        schema: "storylines-diff/1",
        a: side(a),
        b: side(b),
        matched: d
            .matched
            .iter()
            .map(|m| MatchedOut {
                a: idx(m.a),
                b: idx(m.b),
                score: m.score,
                moved: m.moved,
                diff: word_diff_out(a, b, &m.diff),
            })
            .collect(),
        only_a: d.only_a.iter().map(|&i| idx(i)).collect(),
        only_b: d.only_b.iter().map(|&i| idx(i)).collect(),
    }
}

/// A collation table (schema: `$defs/collation`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CollationOut {
    /// Always `storylines-collation/1`.
    pub schema: &'static str,
    /// The claim or quote group collated.
    pub of: String,
    /// Witnesses in cell order.
    pub witnesses: Vec<WitnessOut>,
    /// Columns: one cell per witness (null where a witness has no word).
    pub columns: Vec<ColumnOut>,
    /// Words that different witnesses place in different columns.
    pub transpositions: Vec<TranspositionOut>,
}

/// A witness of a collation.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WitnessOut {
    /// Sentence (`{article}:{index}`) or quote id.
    pub id: String,
    /// Article id.
    pub article: String,
    /// UTF-16 start in the article.
    pub start: u32,
    /// UTF-16 end.
    pub end: u32,
    /// The witnessed text.
    pub text: String,
}

/// A cell of a collation column.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellOut {
    /// The word.
    pub text: String,
    /// UTF-16 start in the witness's article.
    pub start: u32,
    /// UTF-16 end.
    pub end: u32,
}

/// A column.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnOut {
    /// One cell per witness.
    pub cells: Vec<Option<CellOut>>,
    /// The witnesses differ here.
    pub variant: bool,
}

/// A transposed word.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TranspositionOut {
    /// The word, lowercased.
    pub word: String,
    /// Column indices.
    pub columns: Vec<u32>,
}

/// Converts a collation; `witnesses` are `(id, article index, text range)` in input order.
pub fn collation_out(
    of: &str,
    articles: &[&Article],
    witnesses: &[(String, usize, TextRange)],
    t: &Table,
) -> CollationOut {
    let maps: Vec<Utf16Map> = articles.iter().map(|a| Utf16Map::new(&a.text)).collect();
    let ordered: Vec<&(String, usize, TextRange)> = t.order.iter().filter_map(|&i| witnesses.get(i)).collect();
    CollationOut {
        schema: "storylines-collation/1",
        of: of.to_string(),
        witnesses: ordered
            .iter()
            .map(|(id, a, r)| {
                let s = span_ref(articles, &maps, *a, *r);
                WitnessOut { id: id.clone(), article: s.article, start: s.start, end: s.end, text: s.text }
            })
            .collect(),
        columns: t
            .columns
            .iter()
            .map(|c| ColumnOut {
                cells: c
                    .cells
                    .iter()
                    .enumerate()
                    .map(|(p, cell)| {
                        let a = ordered.get(p)?.1;
                        let s = span_ref(articles, &maps, a, (*cell)?);
                        Some(CellOut { text: s.text, start: s.start, end: s.end })
                    })
                    .collect(),
                variant: c.variant,
            })
            .collect(),
        transpositions: t
            .transpositions
            .iter()
            .map(|x| TranspositionOut { word: x.word.clone(), columns: x.columns.iter().map(|&c| idx(c)).collect() })
            .collect(),
    }
}
