//! Quote groups: the same statement of the same speaker across articles (wording and translation differences
//! included), with its lineage (the earliest occurrence by publication date; which later articles repeat it
//! word for word and which reword it).
//!
//! Two quotes are the same statement when their content words overlap enough (containment, so a partial
//! quote joins the fuller one) and their speakers do not differ. This module must not judge the wording
//! differences as contradictions (that is `contradictions`), nor extract quotes (that is `quotes`).

use crate::annotate::Annotations;
use crate::base::text::Lowercase as _;
use crate::input::article::Article;
use crate::xref::align::{is_stopword, stem};
use std::collections::BTreeSet;

/// Smallest containment of content words for two quotes to be the same statement.
const SAME_STATEMENT: f64 = 0.5;

/// A quote's place: article index and quote index within the article's annotations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct QuoteKey {
    /// Article index.
    pub article: usize,
    /// Quote index in that article.
    pub quote: usize,
}

/// How a later occurrence relates to the earliest one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Relation {
    /// The earliest occurrence.
    Earliest,
    /// The same words.
    Repeats,
    /// Other words for the same statement.
    Rewords,
}

/// A group of quotes.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteGroup {
    /// `quotes:{first quote id}`.
    pub id: String,
    /// The speaker's entity key, or the speaker as written (lowercased) when not resolved.
    pub speaker: Option<String>,
    /// Its quotes, sorted.
    pub quotes: Vec<QuoteKey>,
    /// Whether all have the same words.
    pub identical: bool,
    /// The earliest quote (by publication date, then article id).
    pub earliest: QuoteKey,
    /// Every quote with its relation to the earliest, in lineage order.
    pub lineage: Vec<(QuoteKey, Relation)>,
}

/// Normalised words of a text (lowercase, letters and digits).
pub fn norm_words(text: &str) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words().map(crate::base::text::lowercase).collect()
}

fn content(text: &str) -> BTreeSet<String> {
    norm_words(text).into_iter().filter(|w| !is_stopword(w)).map(|w| stem(&w)).collect()
}

/// Containment of the smaller set in the larger.
pub fn containment(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let shared = a.intersection(b).count() as f64;
    shared / a.len().min(b.len()).max(1) as f64
}

struct Q {
    key: QuoteKey,
    speaker: Option<String>,
    words: Vec<String>,
    content: BTreeSet<String>,
}

/// Groups quotes across articles. `entity_of(article, mention)` gives the entity key of a mention.
pub fn group(
    ids: &[&str],
    articles: &[&Article],
    annotations: &[Annotations],
    entity_of: &dyn Fn(usize, usize) -> Option<String>,
) -> Vec<QuoteGroup> {
    let mut qs: Vec<Q> = Vec::new();
    for (ai, (a, ann)) in articles.iter().zip(annotations).enumerate() {
        for (qi, q) in ann.quotes.iter().enumerate() {
            let text = a.slice(q.range);
            let speaker =
                q.speaker.and_then(|m| entity_of(ai, m)).or_else(|| q.speaker_text.as_ref().map(|s| s.lowercase()));
            let c = content(text);
            if c.len() < 2 {
                continue;
            }
            qs.push(Q { key: QuoteKey { article: ai, quote: qi }, speaker, words: norm_words(text), content: c });
        }
    }
    // Candidate pairs through an index on content words.
    let mut index: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, q) in qs.iter().enumerate() {
        for w in &q.content {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..qs.len()).collect();
    let mut cands: Vec<usize> = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        cands.clear();
        for w in &q.content {
            if let Some(p) = index.get(w.as_str()) {
                if p.len() <= 200 {
                    // Postings ascend: the part after `i`.
                    cands.extend_from_slice(p.get(p.partition_point(|&j| j <= i)..).unwrap_or(&[]));
                }
            }
        }
        cands.sort_unstable();
        cands.dedup();
        for &j in &cands {
            let Some(o) = qs.get(j) else { continue };
            if o.key.article == q.key.article {
                continue;
            }
            let speakers_differ = matches!((&q.speaker, &o.speaker), (Some(x), Some(y)) if x != y);
            // Already one group: the union would change nothing (the containment is not needed).
            if speakers_differ || root(&mut parent, i) == root(&mut parent, j) {
                continue;
            }
            if containment(&q.content, &o.content) >= SAME_STATEMENT {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if let Some(slot) = parent.get_mut(ri.max(rj)) {
                    *slot = ri.min(rj);
                }
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for i in 0..qs.len() {
        groups.entry(root(&mut parent, i)).or_default().push(i);
    }
    let published = |a: usize| -> Option<String> {
        articles.get(a).and_then(|x| x.meta.published.as_ref()).map(|f| f.value.chars().take(10).collect())
    };
    let qid = |k: QuoteKey| format!("{}:q{}", ids.get(k.article).copied().unwrap_or(""), k.quote);
    let mut out = Vec::new();
    for members in groups.into_values() {
        let mut arts: Vec<usize> = members.iter().filter_map(|&i| qs.get(i)).map(|q| q.key.article).collect();
        crate::base::order::sort(&mut arts);
        arts.dedup();
        if arts.len() < 2 {
            continue;
        }
        let mut ms: Vec<&Q> = members.iter().filter_map(|&i| qs.get(i)).collect();
        // Lineage order: dated articles first by date, then by article id.
        crate::base::order::sort_by(&mut ms, |x, y| {
            let (px, py) = (published(x.key.article), published(y.key.article));
            (px.is_none(), px, ids.get(x.key.article), x.key.quote).cmp(&(
                py.is_none(),
                py,
                ids.get(y.key.article),
                y.key.quote,
            ))
        });
        let Some(first) = ms.first() else { continue };
        let identical = ms.iter().all(|q| q.words == first.words);
        let lineage: Vec<(QuoteKey, Relation)> = ms
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let r = if i == 0 {
                    Relation::Earliest
                } else if q.words == first.words {
                    Relation::Repeats
                } else {
                    Relation::Rewords
                };
                (q.key, r)
            })
            .collect();
        let speaker = ms.iter().find_map(|q| q.speaker.clone());
        let mut keys: Vec<QuoteKey> = ms.iter().map(|q| q.key).collect();
        crate::base::order::sort_by(&mut keys, |x, y| {
            (ids.get(x.article), x.quote).cmp(&(ids.get(y.article), y.quote))
        });
        let id = keys.first().map(|k| format!("quotes:{}", qid(*k))).unwrap_or_default();
        out.push(QuoteGroup { id, speaker, quotes: keys, identical, earliest: first.key, lineage });
    }
    crate::base::order::sort_by(&mut out, |x, y| x.id.cmp(&y.id));
    out
}

/// The root of `x`'s group (its smallest index: unions attach the larger root to the smaller), halving the
/// path on the way (which changes no root).
fn root(parent: &mut [usize], mut x: usize) -> usize {
    while let Some(&p) = parent.get(x) {
        if p == x {
            break;
        }
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(x) {
            *slot = grand;
        }
        x = grand;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::annotate::quotes::Quote;
    use crate::base::text::TextRange;
    use crate::input::parse::{parse, Input};

    fn dated(name: &str, date: Option<&str>, body: &str) -> Article {
        let meta = crate::input::manifest::ManifestEntry { published: date.map(str::to_string), ..Default::default() };
        match parse(&Input { name: name.to_string(), bytes: body.as_bytes().to_vec(), meta }) {
            Ok(a) => a,
            Err(r) => unreachable!("{:?}", r.diagnostic),
        }
    }

    fn quote(a: &Article, words: &str) -> Annotations {
        let start = a.text.find(words).unwrap_or(0);
        Annotations {
            quotes: vec![Quote {
                range: TextRange::new(start, start + words.len()),
                speaker: None,
                speaker_text: Some("The Mayor".into()),
                verb: Some("said".into()),
                direct: true,
                sentence: Some(0),
                how: None,
            }],
            ..Default::default()
        }
    }

    #[test]
    fn same_statement_groups_with_lineage_from_the_earliest() {
        let a = dated(
            "a",
            Some("2024-03-06"),
            "Head\n\n\"We will rebuild the old market hall this year,\" the mayor said.",
        );
        let b =
            dated("b", Some("2024-03-05"), "Head\n\n\"We will rebuild the market hall this year,\" the mayor said.");
        let c = dated("c", None, "Head\n\n\"We will rebuild the market hall this year,\" said the mayor.");
        let ann = vec![
            quote(&a, "We will rebuild the old market hall this year,"),
            quote(&b, "We will rebuild the market hall this year,"),
            quote(&c, "We will rebuild the market hall this year,"),
        ];
        let groups = group(&["a", "b", "c"], &[&a, &b, &c], &ann, &|_, _| None);
        assert_eq!(groups.len(), 1, "{groups:?}");
        let g = &groups[0];
        assert_eq!(g.speaker.as_deref(), Some("the mayor"));
        assert!(!g.identical);
        assert_eq!(g.earliest, QuoteKey { article: 1, quote: 0 });
        let lineage: Vec<(usize, Relation)> = g.lineage.iter().map(|(k, r)| (k.article, *r)).collect();
        assert_eq!(lineage, [(1, Relation::Earliest), (0, Relation::Rewords), (2, Relation::Repeats)]);
        assert_eq!(g.id, "quotes:a:q0");
    }

    #[test]
    fn containment_is_symmetric_and_partial_quotes_join() {
        let a = content("We will never give up and we will never surrender to them");
        let b = content("never surrender");
        assert!((containment(&a, &b) - 1.0).abs() < 1e-9);
        assert!((containment(&b, &a) - 1.0).abs() < 1e-9);
    }
}
