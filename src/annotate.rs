//! Per-article annotation: runs the extractors of entities, time expressions, numbers and quotes on one
//! article and keeps their results together.
//!
//! This module must not look across articles; cross-article work (entity merging, claims) is the corpus's.

use crate::article::Article;
use crate::entities::{self, Mention};
use crate::numbers::{self, NumberMention};
use crate::quotes::{self, Quote};
use crate::time::{self, TimeExpr};

/// What the extractors found in one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Annotations {
    /// Entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Temporal expressions, in text order.
    pub times: Vec<TimeExpr>,
    /// Numbers, in text order.
    pub numbers: Vec<NumberMention>,
    /// Quotes, in text order.
    pub quotes: Vec<Quote>,
}

/// Annotates one article. Articles not in English get no annotations (the parser reports why).
pub fn annotate(article: &Article) -> Annotations {
    if !article.is_english() {
        return Annotations::default();
    }
    let mentions = entities::mentions(article);
    let quotes = quotes::extract(article, &mentions);
    let times = time::extract(article);
    let numbers = numbers::extract(article, &times);
    Annotations { times, numbers, quotes, mentions }
}
