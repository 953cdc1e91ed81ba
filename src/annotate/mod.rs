//! Stage 2, per-article annotation: entity mentions ([`entities`]), temporal expressions ([`time`]),
//! numbers ([`numbers`]) and quotes ([`quotes`]) of one article, kept together as [`Annotations`]; and the
//! static sentence-embedding model ([`embed`]) that turns a sentence into a vector when the caller gives one.
//! [`entities::resolve`] is the one cross-article step here: it merges the mentions of all articles into
//! entities, which every later stage reads.
//!
//! Uses [`input`](crate::input) and [`base`](crate::base) only; must not align, group or compare
//! sentences of different articles (that is [`xref`](crate::xref)'s work).

pub mod embed;
pub mod entities;
pub mod numbers;
pub mod quotes;
pub mod time;
pub mod tokens;

use crate::input::article::Article;
use entities::Mention;
use numbers::NumberMention;
use quotes::Quote;
use time::TimeExpr;

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
