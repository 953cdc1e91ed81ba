//! Entities: people, organisations and places mentioned in articles, with roles and titles kept apart from
//! names, short forms resolved within an article, and spelling and transliteration variants merged across
//! articles with an explanation of each merge.
//!
//! Knowledge used is general (titles, honorifics, organisation words, countries, demonyms); no list of any
//! story's names. This module must not read quotes or dates.

use crate::article::Article;
use crate::text::TextRange;
use serde::Serialize;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, agency, party, company, outlet or alliance.
    Organization,
    /// A country, city, region or other place.
    Place,
}

/// One mention of an entity in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The span of the name itself (without role or title).
    pub range: TextRange,
    /// The kind.
    pub kind: EntityKind,
    /// The name as the article's fullest form resolves it ("Jane Q. Doe" for a later "Doe").
    pub name: String,
    /// Role or title attached to this mention ("Russian President", "Kremlin chief"), if any.
    pub role: Option<String>,
    /// Span of the role, if any.
    pub role_range: Option<TextRange>,
    /// Index of the sentence it is in.
    pub sentence: Option<usize>,
}

/// One entity across the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable canonical key derived from the canonical name and kind (e.g. `person:jane-doe`).
    pub key: String,
    /// The canonical name (the fullest, most frequent form).
    pub name: String,
    /// The kind.
    pub kind: EntityKind,
    /// Other names it goes by, sorted.
    pub aliases: Vec<String>,
    /// Why aliases were merged, one sentence per merge.
    pub why: Vec<String>,
    /// Its mentions, as (article index, mention index) into the inputs of [`resolve`].
    pub mentions: Vec<(usize, usize)>,
}

/// Finds the entity mentions of one article.
pub fn mentions(article: &Article) -> Vec<Mention> {
    let _ = article;
    Vec::new()
}

/// Merges mentions across articles into entities. `mentions[i]` are the mentions of `articles[i]`.
pub fn resolve(articles: &[&Article], mentions: &[Vec<Mention>]) -> Vec<Entity> {
    let _ = (articles, mentions);
    Vec::new()
}
