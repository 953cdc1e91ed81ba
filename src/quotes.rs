//! Quotes: direct quotations (straight and curly marks, spanning sentences or paragraphs, partial quotes) and
//! reported speech, with their speaker found from attribution verbs, pronouns or "according to".
//!
//! The speaker is `None` when it cannot be told: never a guess from mere proximity to a name.
//! This module must not group quotes across articles (the corpus does that).

use crate::article::Article;
use crate::entities::Mention;
use crate::text::TextRange;

/// One quote in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words (inside the quotation marks for a direct quote; the reported clause for a paraphrase).
    pub range: TextRange,
    /// Index of the speaker's mention in the article's mentions, when the speaker is a known entity.
    pub speaker: Option<usize>,
    /// The speaker as the text names it ("the Russian president", "the post"), when it can be told.
    pub speaker_text: Option<String>,
    /// The attribution verb ("said", "wrote", "according to").
    pub verb: Option<String>,
    /// The speaker's own words (true) or a paraphrase (false).
    pub direct: bool,
    /// Index of the sentence where the quote starts.
    pub sentence: Option<usize>,
}

/// Finds the quotes of an article. `mentions` are the article's entity mentions.
pub fn extract(article: &Article, mentions: &[Mention]) -> Vec<Quote> {
    let _ = (article, mentions);
    Vec::new()
}
