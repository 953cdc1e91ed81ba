//! The corpus: owns the parsed articles of one bundle and cross-references them into an [`Export`].
//!
//! Articles are kept sorted by id, so the export never depends on the order in which inputs arrived.
//! This module orchestrates the stages; it must not do IO, read clocks or hold JS values.

use crate::annotate::embed::Model;
use crate::annotate::entities;
use crate::annotate::time::{self, Grain};
use crate::annotate::{self, Annotations};
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::error::{Error, ErrorKind};
use crate::base::map::{Map, Set};
use crate::base::text::TextRange;
use crate::input::article::Article;
use crate::input::parse::{self, Input};
use crate::model::export::{self, Export, SCHEMA};
use crate::model::export::{CollationOut, DiffOut};
use crate::xref::align::{Index, SentenceKey, SentenceSignals};
use crate::xref::boilerplate;
use crate::xref::claims::{self, Dependence};
use crate::xref::collate::{self, Witness};
use crate::xref::contradictions;
use crate::xref::dating::{self, InferredDate};
use crate::xref::diff;
use crate::xref::events;
use crate::xref::quote_groups;
use crate::xref::reuse;

/// Most articles one corpus holds.
pub const MAX_ARTICLES: usize = 20_000;

/// The stages of [`Corpus::export_observed`], in the order it reports them: what the page's progress bar
/// counts while the engine cross-references.
pub const STAGES: [&str; 15] = [
    "furniture",
    "annotate",
    "entities",
    "index",
    "align",
    "reuse",
    "dating",
    "dependence",
    "claims",
    "stories",
    "events",
    "quote groups",
    "contradictions",
    "findings",
    "model",
];

/// Options of a cross-reference run. The binding documents the defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Alignment threshold, 0–1 (see [`crate::xref::align::AlignOptions::threshold`]).
    pub align_threshold: f64,
}

impl Options {
    /// Checks that every option lies in its documented range.
    ///
    /// # Errors
    /// When `align_threshold` is not within 0–1.
    pub fn validate(&self) -> Result<(), Error> {
        if !(0.0..=1.0).contains(&self.align_threshold) {
            return Err(Error::new(ErrorKind::InvalidOption(format!(
                "alignThreshold must be between 0 and 1, not {}",
                self.align_threshold
            ))));
        }
        Ok(())
    }
}

/// The default options, as documented for the CLI and the wasm API.
pub const DEFAULT_OPTIONS: Options = Options { align_threshold: 0.3 };

/// A set of articles about one story.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    diagnostics: Vec<Diagnostic>,
    /// The sentence-embedding model, when the caller gave one: alignment then compares meaning too.
    embeddings: Option<std::sync::Arc<Model>>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// Gives the engine the sentence-embedding model (`data/embeddings.bin`, read by [`Model::from_bytes`]), or
    /// takes it away with `None`: with it, sentences are aligned by meaning as well as by wording; without it,
    /// by wording alone. The export's `matching` says which ran.
    pub fn set_embeddings(&mut self, model: Option<Model>) {
        self.embeddings = model.map(std::sync::Arc::new);
    }

    /// Whether the engine has the sentence-embedding model.
    pub fn has_embeddings(&self) -> bool {
        self.embeddings.is_some()
    }

    /// Parses and adds one input. Bad input never fails the call: it becomes a diagnostic, and the id of the
    /// added article (if any) is returned.
    ///
    /// # Errors
    /// Only when the corpus already holds [`MAX_ARTICLES`] articles.
    pub fn add(&mut self, input: &Input) -> Result<Option<String>, Error> {
        if self.articles.len() >= MAX_ARTICLES {
            return Err(Error::new(ErrorKind::TooManyArticles { limit: MAX_ARTICLES }));
        }
        let mut article = match parse::parse(input) {
            Ok(a) => a,
            Err(rejected) => {
                self.diagnostics.push(rejected.diagnostic);
                return Ok(None);
            }
        };
        if let Some(dup) =
            self.articles.iter().find(|a| a.content_hash == article.content_hash && a.text == article.text)
        {
            self.diagnostics.push(Diagnostic::for_article(
                Severity::Warning,
                "duplicate-article",
                &article.id,
                format!("{} has the same text as article \"{}\" and was skipped", input.name, dup.id),
            ));
            return Ok(None);
        }
        // Articles are sorted by id: look ids up by binary search.
        let taken = |articles: &[Article], id: &str| articles.binary_search_by(|a| a.id.as_str().cmp(id)).is_ok();
        if taken(&self.articles, &article.id) {
            let base = article.id.clone();
            let mut n = 2;
            while taken(&self.articles, &format!("{base}-{n}")) {
                n += 1;
            }
            article.id = format!("{base}-{n}");
            self.diagnostics.push(Diagnostic::for_article(
                Severity::Warning,
                "duplicate-id",
                &article.id,
                format!("another article already has the id \"{base}\"; this one is \"{}\"", article.id),
            ));
        }
        let id = article.id.clone();
        let pos = self.articles.partition_point(|a| a.id < article.id);
        self.articles.insert(pos, article);
        Ok(Some(id))
    }

    /// Records a problem with the bundle that is not about one parsed article (an unreadable file, say).
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Removes an article by id.
    ///
    /// # Errors
    /// When no article has that id.
    pub fn remove(&mut self, id: &str) -> Result<(), Error> {
        let pos = self
            .articles
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| Error::new(ErrorKind::UnknownArticle(id.to_string())))?;
        self.articles.remove(pos);
        Ok(())
    }

    /// The articles, sorted by id.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Copies of the articles whose lines recur across articles (a site's furniture), with those lines
    /// marked; `None` for articles without any. Sentence ids do not change.
    fn patched(&self) -> Vec<Option<Article>> {
        let recurring = boilerplate::recurring(&self.articles.iter().collect::<Vec<_>>());
        self.articles
            .iter()
            .zip(&recurring)
            .map(|(a, paras)| (!paras.is_empty()).then(|| boilerplate::marked(a, paras)))
            .collect()
    }

    /// The articles to analyse: the patched copy where there is one.
    fn refs<'a>(&'a self, patched: &'a [Option<Article>]) -> Vec<&'a Article> {
        self.articles.iter().zip(patched).map(|(a, p)| p.as_ref().unwrap_or(a)).collect()
    }

    /// Runs every stage on the articles; `done` hears the name of each stage as it finishes (a profiler's
    /// hook: the core reads no clock itself).
    fn analyse<'a>(
        refs: Vec<&'a Article>,
        options: &Options,
        model: Option<&Model>,
        done: &mut dyn FnMut(&'static str),
    ) -> Analysis<'a> {
        let ids: Vec<&str> = refs.iter().map(|a| a.id.as_str()).collect();
        let mut annotations: Vec<Annotations> = refs.iter().map(|a| annotate::annotate(a)).collect();
        done("annotate");
        let mentions: Vec<Vec<_>> = annotations.iter().map(|a| a.mentions.clone()).collect();
        let entities = entities::resolve(&refs, &mentions);
        done("entities");
        let entity_of = entity_of(&entities);
        let signals = signals(&refs, &annotations, &entity_of);
        let index = Index::build_with(&refs, &signals, model);
        done("index");
        let pairs = index.pairs(options.align_threshold);
        done("align");
        let reuse = reuse::detect(&refs, &pairs);
        done("reuse");
        let dating = dating::infer(&refs, &pairs, &reuse);
        redate(&refs, &mut annotations, &dating);
        done("dating");
        let dependence = Dependence::new(&refs, &reuse);
        done("dependence");
        let (mut claims, agreement) = claims::group(&ids, &index, &pairs, &dependence, options.align_threshold);
        done("claims");
        let inferred_days: Vec<_> = dating.iter().map(|d| (d.article, d.date.day_number())).collect();
        let stories = events::stories_with_inferred_days(&ids, &refs, &annotations, &pairs, &inferred_days);
        done("stories");
        let mut events = events::events(&ids, &refs, &annotations, &mut claims, &stories, &dependence);
        done("events");
        let lookup = |a: usize, m: usize| entity_of.get(&(a, m)).cloned();
        let quote_groups = quote_groups::group(&ids, &refs, &annotations, &lookup);
        done("quote groups");
        let contradictions =
            contradictions::find(&ids, &refs, &annotations, &entities, &claims, &quote_groups, &stories);
        done("contradictions");
        contest_claims(&mut claims, &contradictions, &stories);
        mark_contested_events(&mut events, &refs, &contradictions);
        done("findings");
        Analysis {
            refs,
            annotations,
            entities,
            pairs,
            reuse,
            claims,
            agreement,
            stories,
            events,
            quote_groups,
            contradictions,
            dating,
        }
    }

    /// Cross-references the articles and builds the export.
    ///
    /// # Errors
    /// When an option is out of range.
    pub fn export(&self, options: &Options) -> Result<Export, Error> {
        self.export_observed(options, &mut |_| {})
    }

    /// [`Corpus::export`], telling `done` the name of each stage as it finishes (each of [`STAGES`] once, in
    /// order), so that a caller with a clock can time the stages (`examples/stages.rs`) and the page's worker
    /// can show how far the run is.
    ///
    /// # Errors
    /// When an option is out of range.
    pub fn export_observed(&self, options: &Options, done: &mut dyn FnMut(&'static str)) -> Result<Export, Error> {
        options.validate()?;
        let patched = self.patched();
        done("furniture");
        let mut an = Corpus::analyse(self.refs(&patched), options, self.embeddings.as_deref(), done);
        let pairs = std::mem::take(&mut an.pairs);
        let refs = &an.refs;
        let ann = export::annotations_out(refs, &an.annotations, &an.entities);
        let mut diagnostics = self.diagnostics.clone();
        for a in &self.articles {
            diagnostics.extend(a.diagnostics.iter().cloned());
        }
        crate::base::order::sort_by(&mut diagnostics, |x, y| {
            (&x.article, x.code, &x.message).cmp(&(&y.article, y.code, &y.message))
        });
        let mut articles: Vec<_> = refs.iter().map(|a| export::article_out(a)).collect();
        export::set_agreement(&mut articles, &an.agreement);
        export::set_inferred_dates(&mut articles, &an.dating);
        let out = Export {
            schema: SCHEMA,
            engine: env!("CARGO_PKG_VERSION"),
            matching: if self.embeddings.is_some() { "words+meaning" } else { "words" },
            articles,
            entities: ann.entities,
            times: ann.times,
            numbers: ann.numbers,
            quotes: ann.quotes,
            alignments: export::alignments_out(refs, pairs),
            claims: export::claims_out(refs, &an.claims, &an.stories),
            contradictions: export::contradictions_out(refs, &an.contradictions),
            quote_groups: export::quote_groups_out(refs, &an.quote_groups),
            reuse: export::reuse_out(refs, &an.reuse),
            stories: export::stories_out(refs, &an.stories),
            events: export::events_out(refs, &an.events),
            diagnostics,
        };
        done("model");
        Ok(out)
    }

    /// The pairwise diff of two articles by id.
    ///
    /// # Errors
    /// When an id is unknown or an option is out of range.
    pub fn diff(&self, a: &str, b: &str, options: &Options) -> Result<DiffOut, Error> {
        options.validate()?;
        let find = |id: &str| {
            self.articles
                .iter()
                .find(|x| x.id == id)
                .ok_or_else(|| Error::new(ErrorKind::UnknownArticle(id.to_string())))
        };
        let (x, y) = (find(a)?, find(b)?);
        Ok(export::diff_out(x, y, &diff::diff(x, y, options.align_threshold)))
    }

    /// The collation table of one claim or quote group (by its id in the export). `None` when no claim or
    /// quote group has that id.
    ///
    /// # Errors
    /// When an option is out of range.
    pub fn collate(&self, id: &str, options: &Options) -> Result<Option<CollationOut>, Error> {
        options.validate()?;
        let patched = self.patched();
        let an = Corpus::analyse(self.refs(&patched), options, self.embeddings.as_deref(), &mut |_| {});
        let mut witnesses: Vec<(String, usize, TextRange)> = Vec::new();
        if let Some(c) = an.claims.iter().find(|c| c.id == id) {
            for k in &c.sentences {
                if let Some(s) = an.refs.get(k.article).and_then(|a| a.sentences.get(k.sentence)) {
                    let aid = an.refs.get(k.article).map(|a| a.id.as_str()).unwrap_or("");
                    witnesses.push((format!("{aid}:{}", k.sentence), k.article, s.range));
                }
            }
        } else if let Some(g) = an.quote_groups.iter().find(|g| g.id == id) {
            for k in &g.quotes {
                if let Some(q) = an.annotations.get(k.article).and_then(|a| a.quotes.get(k.quote)) {
                    let aid = an.refs.get(k.article).map(|a| a.id.as_str()).unwrap_or("");
                    witnesses.push((format!("{aid}:q{}", k.quote), k.article, q.range));
                }
            }
        } else {
            return Ok(None);
        }
        let ws: Vec<Witness<'_>> = witnesses
            .iter()
            .map(|(wid, a, r)| Witness {
                id: wid.clone(),
                article: *a,
                text: an.refs.get(*a).map(|x| x.text.as_str()).unwrap_or(""),
                range: *r,
            })
            .collect();
        let table = collate::collate(&ws);
        Ok(Some(export::collation_out(id, &an.refs, &witnesses, &table)))
    }
}

/// Everything the stages found, kept together for the export and the on-demand views.
struct Analysis<'a> {
    refs: Vec<&'a Article>,
    annotations: Vec<Annotations>,
    entities: Vec<entities::Entity>,
    pairs: Vec<crate::xref::align::SentencePair>,
    reuse: Vec<reuse::ReuseEdge>,
    claims: Vec<claims::Claim>,
    agreement: Map<crate::xref::align::SentenceKey, claims::Agreement>,
    stories: Vec<events::Story>,
    events: Vec<events::Event>,
    quote_groups: Vec<quote_groups::QuoteGroup>,
    contradictions: Vec<contradictions::Contradiction>,
    dating: Vec<InferredDate>,
}

/// Re-reads the time expressions of each article given an inferred publication date, anchored on it.
fn redate(refs: &[&Article], annotations: &mut [Annotations], dating: &[InferredDate]) {
    for d in dating {
        if let (Some(a), Some(ann)) = (refs.get(d.article), annotations.get_mut(d.article)) {
            ann.times = time::extract_inferred(a, d.date);
        }
    }
}

/// Each mention's entity key, by (article, mention).
fn entity_of(entities: &[entities::Entity]) -> Map<(usize, usize), String> {
    // Collected, not inserted one by one: a mention named twice keeps its last entity, and the sorted map is
    // sorted once (base::map).
    entities.iter().flat_map(|e| e.mentions.iter().map(|&m| (m, e.key.clone()))).collect()
}

/// Marks the claims a contradiction names as contested, and the claims told in several stories.
fn contest_claims(
    claims: &mut [claims::Claim],
    contradictions: &[contradictions::Contradiction],
    stories: &[events::Story],
) {
    let mut contested: Map<String, String> = Map::new();
    for c in contradictions {
        for id in &c.claims {
            contested.entry(id.clone()).or_insert_with(|| c.explanation.clone());
        }
    }
    claims::contest(claims, &contested);
    let claim_at: Map<String, usize> = claims.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
    for (claim, st) in events::told_of_several(claims, stories) {
        if let Some(c) = claim_at.get(&claim).and_then(|&i| claims.get_mut(i)) {
            c.explanation = format!(
                "{} Told in {} different stories ({}): a possible conflation or a repetition.",
                c.explanation,
                st.len(),
                st.join(", ")
            );
        }
    }
}

/// Marks as contested the events whose sentences hold a date or weekday contradiction.
fn mark_contested_events(
    events: &mut [events::Event],
    refs: &[&Article],
    contradictions: &[contradictions::Contradiction],
) {
    let mut disputed: Set<SentenceKey> = Set::new();
    for c in contradictions {
        if !matches!(c.kind, contradictions::Kind::Date | contradictions::Kind::Weekday) {
            continue;
        }
        for (a, r) in &c.refs {
            let Some(x) = refs.get(*a) else { continue };
            for (si, s) in x.sentences.iter().enumerate() {
                if s.range.contains_range(*r) {
                    disputed.insert(SentenceKey { article: *a, sentence: si });
                }
            }
        }
    }
    for e in events {
        e.contested = e.sentences.iter().any(|k| disputed.contains(k));
    }
}

/// What the annotators found per sentence, as values alignment can compare.
fn signals(
    articles: &[&Article],
    annotations: &[Annotations],
    entity_of: &Map<(usize, usize), String>,
) -> Vec<Vec<SentenceSignals>> {
    articles
        .iter()
        .enumerate()
        .map(|(ai, a)| {
            let mut out = vec![SentenceSignals::default(); a.sentences.len()];
            let Some(ann) = annotations.get(ai) else { return out };
            for (mi, m) in ann.mentions.iter().enumerate() {
                if let (Some(s), Some(key)) = (m.sentence.and_then(|s| out.get_mut(s)), entity_of.get(&(ai, mi))) {
                    s.entities.insert(key.clone());
                    s.names.push(m.range);
                }
            }
            for t in &ann.times {
                if let (Some(s), Some(v)) = (t.sentence.and_then(|s| out.get_mut(s)), &t.value) {
                    if matches!(t.grain, Grain::Day | Grain::Month) {
                        s.dates.insert(v.clone());
                    }
                }
            }
            for q in ann.quotes.iter().filter(|q| q.direct) {
                let words = crate::xref::quote_groups::norm_words(a.slice(q.range));
                if let (Some(s), true) = (q.sentence.and_then(|s| out.get_mut(s)), words.len() >= 2) {
                    s.quotes.insert(words.join(" "));
                }
            }
            for n in &ann.numbers {
                if let Some(s) = n.sentence.and_then(|s| out.get_mut(s)) {
                    if !n.ordinal {
                        s.numbers.insert(format!("{}", n.value));
                    }
                }
            }
            out
        })
        .collect()
}
