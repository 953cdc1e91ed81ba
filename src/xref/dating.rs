//! Publication dates from the bundle: an article that states no publication date (an aggregator's copy, a
//! forum repost) is given the date of the dated article it shares the most text with: a reuse edge first,
//! else aligned sentences. Reports of one happening are written within a day or two of each other, so the
//! sibling's date is the nearest reliable anchor for the copy's "on Friday", "last year", "this morning".
//!
//! Each inference names the article it came from and its evidence, so that the export can mark the date as
//! inferred and the time annotator can flag what it resolves against it. Stated dates are used first; an
//! article tied only to undated siblings takes, in a second round, the date one of them was given (it names
//! that sibling). Must not change an article, read a clock or date an article
//! that states its own date.

use crate::annotate::time::CivilDate;
use crate::base::map::Set;
use crate::input::article::Article;
use crate::xref::align::SentencePair;
use crate::xref::reuse::ReuseEdge;

/// Fewest aligned sentences that date an article without a reuse edge: one shared sentence is too often a
/// set phrase or a quote every outlet carries.
const MIN_ALIGNED: usize = 2;

/// Why an article was given a sibling's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateEvidence {
    /// The two share passages (a reuse edge, either direction).
    Reuse,
    /// The two have this many aligned sentences (of the undated article).
    Aligned(usize),
}

/// A publication date inferred for an article that states none.
#[derive(Debug, Clone, PartialEq)]
pub struct InferredDate {
    /// The undated article (index into the articles).
    pub article: usize,
    /// The date: the sibling's stated publication date.
    pub date: CivilDate,
    /// The dated sibling it came from (index into the articles).
    pub from: usize,
    /// What ties the two.
    pub evidence: DateEvidence,
}

impl InferredDate {
    /// How far the date can be trusted, 0–1: a shared passage more than aligned sentences.
    pub fn confidence(&self) -> f64 {
        match self.evidence {
            DateEvidence::Reuse => 0.6,
            DateEvidence::Aligned(n) if n >= 2 * MIN_ALIGNED => 0.5,
            DateEvidence::Aligned(_) => 0.4,
        }
    }
}

/// How strongly an undated article is tied to one dated sibling.
#[derive(Debug, Clone, Copy, Default)]
struct Tie {
    reuse: bool,
    aligned: usize,
    score: f64,
}

/// The inferred publication dates of the articles that state none and are tied to a dated sibling, in article
/// order.
pub fn infer(articles: &[&Article], pairs: &[SentencePair], reuse: &[ReuseEdge]) -> Vec<InferredDate> {
    let stated: Vec<Option<CivilDate>> = articles.iter().map(|a| stated_date(a)).collect();
    let dated = |i: usize| stated.get(i).copied().flatten();
    let undated: Vec<usize> = (0..articles.len()).filter(|&i| dated(i).is_none()).collect();
    if undated.is_empty() || undated.len() == articles.len() {
        return Vec::new();
    }
    let mut out = date_from(&undated, pairs, reuse, &dated);
    // A second round: an article tied only to undated siblings takes the date one of them was just given.
    let first: Vec<Option<CivilDate>> =
        (0..articles.len()).map(|i| dated(i).or_else(|| out.iter().find(|d| d.article == i).map(|d| d.date))).collect();
    let left: Vec<usize> = undated.into_iter().filter(|&u| out.iter().all(|d| d.article != u)).collect();
    let second = date_from(&left, pairs, reuse, &|i| first.get(i).copied().flatten());
    out.extend(second);
    crate::base::order::sort_by(&mut out, |x, y| x.article.cmp(&y.article));
    out
}

/// For each article of `undated`, the date of its most strongly tied sibling that `dated` dates.
fn date_from(
    undated: &[usize],
    pairs: &[SentencePair],
    reuse: &[ReuseEdge],
    dated: &dyn Fn(usize) -> Option<CivilDate>,
) -> Vec<InferredDate> {
    let mut out = Vec::new();
    for &u in undated {
        let ties = ties_of(u, pairs, reuse, dated);
        let best = ties
            .iter()
            .filter(|(_, t)| t.reuse || t.aligned >= MIN_ALIGNED)
            .filter_map(|(d, t)| Some((*d, *t, dated(*d)?)))
            .max_by(stronger);
        if let Some((from, tie, date)) = best {
            let evidence = if tie.reuse { DateEvidence::Reuse } else { DateEvidence::Aligned(tie.aligned) };
            out.push(InferredDate { article: u, date, from, evidence });
        }
    }
    out
}

/// The article's own publication date, when it states a readable one.
fn stated_date(a: &Article) -> Option<CivilDate> {
    a.meta.published.as_ref().and_then(|f| CivilDate::parse_iso(&f.value))
}

/// The ties of article `u` to each dated article, by article index.
fn ties_of(
    u: usize,
    pairs: &[SentencePair],
    reuse: &[ReuseEdge],
    dated: &dyn Fn(usize) -> Option<CivilDate>,
) -> Vec<(usize, Tie)> {
    let mut ties: Vec<(usize, Tie)> = Vec::new();
    for e in reuse {
        let other = if e.from == u {
            e.to
        } else if e.to == u {
            e.from
        } else {
            continue;
        };
        if let Some(t) = tie_with(&mut ties, other, dated) {
            t.reuse = true;
        }
    }
    // Aligned sentences: each sentence of `u` counts once per sibling.
    let mut seen: Set<(usize, usize)> = Set::new();
    for p in pairs {
        let (mine, other) = if p.a.article == u {
            (p.a, p.b)
        } else if p.b.article == u {
            (p.b, p.a)
        } else {
            continue;
        };
        if other.article == u {
            continue;
        }
        let fresh = seen.insert((other.article, mine.sentence));
        if let Some(t) = tie_with(&mut ties, other.article, dated) {
            t.aligned += usize::from(fresh);
            t.score += p.score;
        }
    }
    ties
}

/// The tie with article `d`, added when new; `None` when `d` states no date.
fn tie_with<'t>(
    ties: &'t mut Vec<(usize, Tie)>,
    d: usize,
    dated: &dyn Fn(usize) -> Option<CivilDate>,
) -> Option<&'t mut Tie> {
    dated(d)?;
    let at = match ties.iter().position(|(x, _)| *x == d) {
        Some(at) => at,
        None => {
            ties.push((d, Tie::default()));
            ties.len() - 1
        }
    };
    ties.get_mut(at).map(|(_, t)| t)
}

/// Orders two candidate siblings: a reuse edge first, then more aligned sentences, a higher summed score, the
/// earlier date (news of one happening leans to its first reports), the lower index.
fn stronger(x: &(usize, Tie, CivilDate), y: &(usize, Tie, CivilDate)) -> std::cmp::Ordering {
    (x.1.reuse, x.1.aligned)
        .cmp(&(y.1.reuse, y.1.aligned))
        .then(x.1.score.total_cmp(&y.1.score))
        .then(y.2.cmp(&x.2))
        .then(y.0.cmp(&x.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse::{parse, Input};
    use crate::xref::align::SentenceKey;

    /// An article stating `published` in a header line, or none.
    fn article(name: &str, published: Option<&str>) -> Article {
        let header = published.map(|p| format!("Published {p}\n\n")).unwrap_or_default();
        let body = format!("{header}The bridge reopened to traffic. Repairs took a week. Officials praised the crews.");
        match parse(&Input::new(name, body.into_bytes())) {
            Ok(a) => a,
            Err(r) => unreachable!("{:?}", r.diagnostic),
        }
    }

    /// Sentence `s` of article `a` aligned with sentence `s` of article `b`.
    fn aligned(a: usize, b: usize, s: usize) -> SentencePair {
        let key = |article| SentenceKey { article, sentence: s };
        SentencePair { a: key(a), b: key(b), score: 0.8, ..SentencePair::default() }
    }

    fn reused(from: usize, to: usize) -> ReuseEdge {
        ReuseEdge { from, to, directed: true, score: 0.9, evidence: Vec::new(), passages: Vec::new() }
    }

    /// (article, date, from, evidence) of each inference.
    fn inferred(
        dates: &[Option<&str>],
        pairs: &[SentencePair],
        reuse: &[ReuseEdge],
    ) -> Vec<(usize, String, usize, DateEvidence)> {
        let articles: Vec<Article> = dates.iter().enumerate().map(|(i, d)| article(&format!("a{i}.txt"), *d)).collect();
        let refs: Vec<&Article> = articles.iter().collect();
        infer(&refs, pairs, reuse)
            .into_iter()
            .map(|d| (d.article, format!("{}-{:02}-{:02}", d.date.year, d.date.month, d.date.day), d.from, d.evidence))
            .collect()
    }

    #[test]
    fn undated_articles_take_the_date_of_their_closest_dated_sibling() {
        let (march, april) = (Some("14 March 2024"), Some("2 April 2024"));
        let day = |s: &str| s.to_string();
        // Two aligned sentences date an article; one does not.
        assert_eq!(
            inferred(&[march, None], &[aligned(0, 1, 0), aligned(0, 1, 1)], &[]),
            vec![(1, day("2024-03-14"), 0, DateEvidence::Aligned(2))]
        );
        assert_eq!(inferred(&[march, None], &[aligned(0, 1, 0)], &[]), vec![]);
        // A reuse edge outweighs more aligned sentences with another dated article.
        let pairs = [aligned(0, 2, 0), aligned(0, 2, 1), aligned(0, 2, 2)];
        assert_eq!(
            inferred(&[march, april, None], &pairs, &[reused(2, 1)]),
            vec![(2, day("2024-04-02"), 1, DateEvidence::Reuse)]
        );
        // An article tied only to an undated sibling takes the date that sibling was given, naming it.
        let pairs = [aligned(0, 1, 0), aligned(0, 1, 1), aligned(1, 2, 1), aligned(1, 2, 2)];
        assert_eq!(
            inferred(&[march, None, None], &pairs, &[]),
            vec![
                (1, day("2024-03-14"), 0, DateEvidence::Aligned(2)),
                (2, day("2024-03-14"), 1, DateEvidence::Aligned(2))
            ]
        );
        // A dated article keeps its own date, and a bundle with no dated article infers nothing.
        assert_eq!(inferred(&[march, april], &[aligned(0, 1, 0), aligned(0, 1, 1)], &[]), vec![]);
        assert_eq!(inferred(&[None, None], &[aligned(0, 1, 0), aligned(0, 1, 1)], &[]), vec![]);
    }
}
