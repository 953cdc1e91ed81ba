//! Furniture that only shows across articles: lines that recur in several articles of a bundle, which is how
//! a site's own furniture gives itself away (a standard sub-heading, a promo line, a newsletter blurb).
//!
//! A recurring line is furniture only when it does not look like shared reporting: it is a short heading
//! (not the headline), or a paragraph without quotation marks in the article's tail right after such a heading,
//! and the two articles
//! share few paragraphs (many shared paragraphs mean one copied the other, which is a finding, not furniture).
//! Marking never deletes and never renumbers: the marked paragraphs get the kind `furniture`, their
//! sentences keep their ids and are left out of alignment, and a `repeated` furniture span is added.
//! This module must not parse single articles; it only compares paragraphs the parser produced.

use crate::article::{Article, Furniture, FurnitureKind, ParagraphKind};
use std::collections::{BTreeMap, BTreeSet};

/// Most shared paragraphs two articles may have for their shared lines to count as furniture.
const MAX_SHARED: usize = 3;

/// Longest heading (in words) that can be furniture.
const MAX_HEADING_WORDS: usize = 12;

/// Longest tail paragraph (in words) that can be furniture.
const MAX_TAIL_WORDS: usize = 40;

/// For each article, the indices of paragraphs that are cross-article furniture (sorted; often empty).
pub fn recurring(articles: &[&Article]) -> Vec<Vec<usize>> {
    // Normalised paragraph text → (article, paragraph) occurrences.
    let mut index: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (ai, a) in articles.iter().enumerate() {
        for (pi, p) in a.paragraphs.iter().enumerate() {
            let key = normalize(a.slice(p.range));
            if key.split(' ').count() >= 2 {
                index.entry(key).or_default().push((ai, pi));
            }
        }
    }
    // How many paragraphs each pair of articles shares.
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut recurring_keys: Vec<&Vec<(usize, usize)>> = Vec::new();
    for occ in index.values() {
        let arts: BTreeSet<usize> = occ.iter().map(|&(a, _)| a).collect();
        if arts.len() < 2 {
            continue;
        }
        recurring_keys.push(occ);
        let arts: Vec<usize> = arts.into_iter().collect();
        for (k, &x) in arts.iter().enumerate() {
            for &y in &arts[k + 1..] {
                *shared.entry((x, y)).or_default() += 1;
            }
        }
    }
    let light = |x: usize, y: usize| shared.get(&(x.min(y), x.max(y))).copied().unwrap_or(0) <= MAX_SHARED;
    let mut out: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); articles.len()];
    // Paragraphs that recur anywhere, per article (to find each article's tail).
    let mut recurs: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); articles.len()];
    for occ in &recurring_keys {
        for &(a, p) in occ.iter() {
            recurs[a].insert(p);
        }
    }
    // Two passes: short headings first, then tail paragraphs that follow furniture already found.
    for pass in 0..2 {
        for occ in &recurring_keys {
            for &(a, p) in occ.iter() {
                let Some(article) = articles.get(a) else { continue };
                let Some(para) = article.paragraphs.get(p) else { continue };
                if !occ.iter().any(|&(b, _)| b != a && light(a, b)) {
                    continue;
                }
                let text = article.slice(para.range);
                let n_words = text.split_whitespace().count();
                let found = if pass == 0 {
                    para.kind == ParagraphKind::Heading && n_words <= MAX_HEADING_WORDS
                } else {
                    let in_tail = ((p + 1)..article.paragraphs.len()).all(|q| recurs[a].contains(&q));
                    let after_furniture = p > 0 && out[a].contains(&(p - 1));
                    let quoted = text.contains(['"', '“', '”', '«', '»', '„']);
                    para.kind == ParagraphKind::Body
                        && in_tail
                        && after_furniture
                        && !quoted
                        && n_words <= MAX_TAIL_WORDS
                };
                if found {
                    out[a].insert(p);
                }
            }
        }
    }
    out.into_iter().map(|s| s.into_iter().collect()).collect()
}

/// A copy of `article` with the given paragraphs marked as furniture (kind `furniture`, plus a `repeated`
/// furniture span each). Sentence ids and the text are unchanged.
pub fn marked(article: &Article, paragraphs: &[usize]) -> Article {
    let mut a = article.clone();
    for &p in paragraphs {
        if let Some(para) = a.paragraphs.get_mut(p) {
            para.kind = ParagraphKind::Furniture;
            a.furniture.push(Furniture { range: para.range, kind: FurnitureKind::Repeated });
        }
    }
    a.furniture.sort();
    a
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse, Input};

    fn article(name: &str, text: &str) -> Option<Article> {
        parse(&Input::new(name, text)).ok()
    }

    #[test]
    fn a_site_heading_recurring_across_articles_is_furniture_but_shared_reporting_is_not() {
        let a = article(
            "a.txt",
            "First headline here\n\nThe council voted on Monday to close the bridge for repairs.\n\nOfficials said the work would take a month.\n\nThe vote was close.\n\nMore from our newsroom today\n\nOur reporters cover the region every day.\n",
        );
        let b = article(
            "b.txt",
            "Second headline there\n\nA storm flooded the valley overnight.\n\nOfficials said the work would take a month.\n\nRoads stayed closed.\n\nMore from our newsroom today\n\nOur reporters cover the region every day.\n",
        );
        let (Some(a), Some(b)) = (a, b) else { panic!("articles parse") };
        let got = recurring(&[&a, &b]);
        let texts = |art: &Article, idx: &[usize]| -> Vec<String> {
            idx.iter().filter_map(|&p| art.paragraphs.get(p)).map(|p| art.slice(p.range).to_string()).collect()
        };
        // The shared sub-heading and the shared tail line are furniture; the shared sentence of reporting is
        // not (it is in the middle of the body), and neither is either headline.
        assert_eq!(texts(&a, &got[0]), ["More from our newsroom today", "Our reporters cover the region every day."]);
        assert_eq!(texts(&b, &got[1]), ["More from our newsroom today", "Our reporters cover the region every day."]);
        let m = marked(&a, &got[0]);
        assert_eq!(m.sentences.len(), a.sentences.len());
        assert!(m.furniture.iter().any(|f| f.kind == FurnitureKind::Repeated));
    }
}
