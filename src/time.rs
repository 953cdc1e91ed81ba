//! Temporal expressions: finding them in an article, normalising them to ISO 8601 / TIMEX3-style values with
//! a grain, and checking them (a weekday that does not fit its date, a past event dated after publication).
//!
//! Relative expressions are resolved against an anchor the caller's article provides (its published date,
//! else the nearest explicit date); news speaks of the past, so ambiguous readings lean before the anchor.
//! This module must not read a clock and must not look at other articles.

use crate::article::Article;
use crate::text::TextRange;
use serde::Serialize;

/// How precise a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Grain {
    /// A time of day.
    Time,
    /// A calendar day.
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A season or a part of a year.
    Season,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// What a value was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Anchor {
    /// The text states the value fully.
    Explicit,
    /// Resolved against the article's published date.
    Published,
    /// Resolved against another date in the context.
    Context,
    /// Nothing anchors it: the value is unresolved.
    None,
}

/// A qualifier of a value ("late October", "around 2020", "since March").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TimeMod {
    /// "around", "about".
    Approx,
    /// "early …".
    Early,
    /// "mid …".
    Mid,
    /// "late …".
    Late,
    /// "before …", "until …".
    Before,
    /// "after …", "since …".
    After,
}

/// A problem found while checking an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeFlag {
    /// A stated weekday does not fall on the stated (or resolved) date.
    WeekdayMismatch,
    /// A past-tense event resolves after the article's publication.
    AfterPublication,
    /// Nothing anchors a relative expression.
    Unresolved,
}

/// A day as a count of days since 1970-01-01 (negative before).
pub type DayNumber = i64;

/// One temporal expression of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Where it is.
    pub range: TextRange,
    /// Normalised value (`2023-11-09`, `2024-10`, `2025`, `2023-W45`, `2013-02-12T07:00`), `None` when unresolved.
    pub value: Option<String>,
    /// Precision of the value.
    pub grain: Grain,
    /// What it was resolved against.
    pub anchor: Anchor,
    /// A qualifier, if any.
    pub modifier: Option<TimeMod>,
    /// Problems found.
    pub flags: Vec<TimeFlag>,
    /// First and last day the value covers, for comparing and drawing (inclusive).
    pub days: Option<(DayNumber, DayNumber)>,
    /// Index of the sentence it is in, when it is in one.
    pub sentence: Option<usize>,
}

/// Finds and normalises the temporal expressions of an article's body.
pub fn extract(article: &Article) -> Vec<TimeExpr> {
    let _ = article;
    Vec::new()
}
