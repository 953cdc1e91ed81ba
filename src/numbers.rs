//! Numbers and quantities: cardinals and ordinals in digits and words, percentages, money and approximate
//! forms, with the unit and the thing counted where the sentence says it.
//!
//! This module must not compare numbers across articles; it only reads one article.

use crate::article::Article;
use crate::text::TextRange;

/// One number mentioned in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Where it is (the whole quantity, e.g. "about 60 million tons").
    pub range: TextRange,
    /// The value (60 000 000 for "60 million").
    pub value: f64,
    /// The unit ("percent", "USD", "tons"), when there is one.
    pub unit: Option<String>,
    /// What is counted ("documents", "wheat"), when the sentence says it.
    pub counted: Option<String>,
    /// "about", "around", "some", "nearly".
    pub approximate: bool,
    /// An ordinal ("the 19th forum").
    pub ordinal: bool,
    /// Index of the sentence it is in.
    pub sentence: Option<usize>,
}

/// Finds the numbers of an article's body.
pub fn extract(article: &Article) -> Vec<NumberMention> {
    let _ = article;
    Vec::new()
}
