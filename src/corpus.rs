//! The corpus: owns the parsed articles of one bundle and cross-references them into an [`Export`].
//!
//! Articles are kept sorted by id, so the export never depends on the order in which inputs arrived.
//! This module orchestrates the stages; it must not do IO, read clocks or hold JS values.

use crate::align::{self, AlignOptions};
use crate::annotate::{self, Annotations};
use crate::article::Article;
use crate::boilerplate;
use crate::diagnostic::{Diagnostic, Severity};
use crate::entities;
use crate::error::{Error, ErrorKind};
use crate::export::{self, Export, SCHEMA};
use crate::parse::{self, Input};

/// Most articles one corpus holds.
pub const MAX_ARTICLES: usize = 20_000;

/// Options of a cross-reference run. The binding documents the defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Alignment threshold, 0–1 (see [`AlignOptions::threshold`]).
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
pub const DEFAULT_OPTIONS: Options = Options { align_threshold: 0.45 };

/// A set of articles about one story.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    diagnostics: Vec<Diagnostic>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Corpus {
        Corpus::default()
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
        if self.articles.iter().any(|a| a.id == article.id) {
            let base = article.id.clone();
            let mut n = 2;
            while self.articles.iter().any(|a| a.id == format!("{base}-{n}")) {
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

    /// Cross-references the articles and builds the export.
    ///
    /// # Errors
    /// When an option is out of range.
    pub fn export(&self, options: &Options) -> Result<Export, Error> {
        options.validate()?;
        // Lines that recur across articles (a site's furniture) are marked on copies of the affected articles;
        // sentence ids do not change.
        let recurring = boilerplate::recurring(&self.articles.iter().collect::<Vec<_>>());
        let patched: Vec<Option<Article>> = self
            .articles
            .iter()
            .zip(&recurring)
            .map(|(a, paras)| (!paras.is_empty()).then(|| boilerplate::marked(a, paras)))
            .collect();
        let refs: Vec<&Article> = self.articles.iter().zip(&patched).map(|(a, p)| p.as_ref().unwrap_or(a)).collect();
        let annotations: Vec<Annotations> = refs.iter().map(|a| annotate::annotate(a)).collect();
        let mentions: Vec<Vec<_>> = annotations.iter().map(|a| a.mentions.clone()).collect();
        let entities = entities::resolve(&refs, &mentions);
        let ann = export::annotations_out(&refs, &annotations, &entities);
        let pairs = align::align(&refs, AlignOptions { threshold: options.align_threshold });
        let mut diagnostics = self.diagnostics.clone();
        for a in &self.articles {
            diagnostics.extend(a.diagnostics.iter().cloned());
        }
        diagnostics.sort_by(|x, y| (&x.article, x.code, &x.message).cmp(&(&y.article, y.code, &y.message)));
        Ok(Export {
            schema: SCHEMA,
            engine: env!("CARGO_PKG_VERSION"),
            articles: refs.iter().map(|a| export::article_out(a)).collect(),
            entities: ann.entities,
            times: ann.times,
            numbers: ann.numbers,
            quotes: ann.quotes,
            alignments: export::alignments_out(&refs, &pairs),
            diagnostics,
        })
    }
}
