//! The value types every stage shares: an [`Article`] with its metadata, paragraphs, sentences and furniture.
//!
//! All positions are byte ranges ([`TextRange`]) into [`Article::text`]; conversion to UTF-16 happens only
//! when the export is built. This module holds data and small accessors; it must not parse or analyse.

use crate::base::diagnostic::Diagnostic;
use crate::base::text::TextRange;
use serde::Serialize;

/// Where a metadata value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FieldSource {
    /// Supplied by the manifest.
    Manifest,
    /// Read from the article's own text (a headline line, a byline, a date line, furniture).
    Text,
    /// Read from the document's own metadata: HTML (`<title>`, `<meta>`, JSON-LD) or a Markdown front matter.
    HtmlMeta,
    /// Inferred from other articles of the bundle (a publication date from a dated sibling: `xref::dating`).
    Inferred,
}

/// A metadata value with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub source: FieldSource,
    /// How sure the parser is, from 0 to 1 (1 for manifest values).
    pub confidence: f64,
    /// Where in the text it was read, when it was read from the text.
    #[serde(skip)]
    pub range: Option<TextRange>,
}

impl<T> Field<T> {
    /// A value read from the text at `range`.
    pub fn from_text(value: T, range: TextRange, confidence: f64) -> Field<T> {
        Field { value, source: FieldSource::Text, confidence, range: Some(range) }
    }

    /// A value given by the manifest.
    pub fn from_manifest(value: T) -> Field<T> {
        Field { value, source: FieldSource::Manifest, confidence: 1.0, range: None }
    }
}

/// Which input format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// Plain text, as copied from a web page.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page.
    Html,
}

/// An article's metadata. Every field may be absent; absence is never guessed away.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metadata {
    /// The headline, or `None` when the text has none.
    pub title: Option<Field<String>>,
    /// The authors named by a byline or an author block.
    pub authors: Vec<Field<String>>,
    /// The publication date (and time when given) as ISO 8601: `2023-11-10` or `2024-11-30T14:53:00+01:00`.
    pub published: Option<Field<String>>,
    /// The outlet that published it.
    pub outlet: Option<Field<String>>,
    /// The article's URL.
    pub url: Option<Field<String>>,
    /// A BCP 47 language tag (`en`, or another when the text is clearly not English).
    pub language: Option<Field<String>>,
}

/// What a piece of page furniture is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FurnitureKind {
    /// A section label or breadcrumb ("News", "Home page politics").
    SectionLabel,
    /// A byline ("By …", "From: …", "Written by …").
    Byline,
    /// A date line in the header.
    Dateline,
    /// An image caption.
    Caption,
    /// An image or agency credit ("Photo: …", "© …", "Getty Images").
    Credit,
    /// A line repeated within the article or across articles of the bundle.
    Repeated,
    /// Promotion, subscription offers and bulleted promo lists.
    Promo,
    /// "Related content", "Trending now", "Read more" and their kin.
    Navigation,
    /// A tag list ("Tags: …").
    Tags,
    /// An author biography ("About the writer" and what follows).
    AuthorBio,
    /// A disclosure or policy line ("To read how … uses AI …").
    Disclosure,
}

/// A span of page furniture: not part of the article's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Furniture {
    /// Where it is.
    pub range: TextRange,
    /// What it is.
    pub kind: FurnitureKind,
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ParagraphKind {
    /// The headline.
    Headline,
    /// A sub-heading inside the body.
    Heading,
    /// Running text.
    Body,
    /// A paragraph the corpus found to be a site's furniture: a line that recurs across articles of the
    /// bundle. Its sentences keep their ids but are left out of cross-referencing.
    Furniture,
}

/// A paragraph of the body (furniture excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Where it is.
    pub range: TextRange,
    /// What it is.
    pub kind: ParagraphKind,
}

/// A sentence of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is.
    pub range: TextRange,
    /// Index of its paragraph in [`Article::paragraphs`].
    pub paragraph: usize,
    /// Its word tokens (letters and digits; punctuation left out).
    pub tokens: Vec<TextRange>,
}

/// One parsed article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// A stable id: the manifest's id, else the file name without its extension.
    pub id: String,
    /// The file name it was read from, when known.
    pub file: Option<String>,
    /// The decoded text all ranges refer to.
    pub text: String,
    /// The input format.
    pub format: Format,
    /// Metadata with provenance.
    pub meta: Metadata,
    /// Body paragraphs and headings, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of the body, in text order.
    pub sentences: Vec<Sentence>,
    /// Page furniture, in text order.
    pub furniture: Vec<Furniture>,
    /// A stable hash of the text, for duplicate detection.
    pub content_hash: u64,
    /// What was wrong with this input.
    pub diagnostics: Vec<Diagnostic>,
}

impl Article {
    /// The text of a range of this article.
    pub fn slice(&self, range: TextRange) -> &str {
        range.slice(&self.text)
    }

    /// Whether the language is English (or unknown, which is treated as English).
    pub fn is_english(&self) -> bool {
        self.meta.language.as_ref().is_none_or(|l| l.value == "en")
    }
}
