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

use crate::base::text::Lowercase as _;
use crate::input::article::{Article, Furniture, FurnitureKind, ParagraphKind};
use std::collections::BTreeMap;

/// Most shared paragraphs two articles may have for their shared lines to count as furniture.
const MAX_SHARED: usize = 3;

/// Longest heading (in words) that can be furniture.
const MAX_HEADING_WORDS: usize = 12;

/// Longest tail paragraph (in words) that can be furniture.
const MAX_TAIL_WORDS: usize = 40;

/// For each article, the indices of paragraphs that are cross-article furniture (sorted; often empty).
pub fn recurring(articles: &[&Article]) -> Vec<Vec<usize>> {
    // Normalised paragraph text → (article, paragraph) occurrences; kept in a BTreeMap so that the
    // result does not depend on hash order.
    // A B-tree: filled line by line in no key order at corpus scale (base::map says why).
    let mut index: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (ai, a) in articles.iter().enumerate() {
        for (pi, p) in a.paragraphs.iter().enumerate() {
            let key = normalize(a.slice(p.range));
            if key.split(' ').count() >= 2 {
                index.entry(key).or_default().push((ai, pi));
            }
        }
    }
    // Occurrence lists of texts found in two or more articles, and every pair of articles sharing one.
    let mut recurring_keys: Vec<&Vec<(usize, usize)>> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for occ in index.values() {
        let mut arts: Vec<usize> = occ.iter().map(|&(a, _)| a).collect();
        arts.dedup();
        if arts.len() < 2 {
            continue;
        }
        recurring_keys.push(occ);
        for (k, &x) in arts.iter().enumerate() {
            for &y in arts.get(k + 1..).unwrap_or(&[]) {
                pairs.push((x, y));
            }
        }
    }
    crate::base::order::sort(&mut pairs);
    // How many paragraphs two articles share.
    let shared = |x: usize, y: usize| {
        let key = (x.min(y), x.max(y));
        let from = pairs.partition_point(|p| *p < key);
        pairs.get(from..).map_or(0, |rest| rest.iter().take_while(|p| **p == key).count())
    };
    let light = |x: usize, y: usize| shared(x, y) <= MAX_SHARED;
    // Per article and paragraph: recurs anywhere; marked as furniture.
    let mut recurs: Vec<Vec<bool>> = articles.iter().map(|a| vec![false; a.paragraphs.len()]).collect();
    let mut out: Vec<Vec<bool>> = recurs.clone();
    for occ in &recurring_keys {
        for &(a, p) in occ.iter() {
            if let Some(flag) = recurs.get_mut(a).and_then(|r| r.get_mut(p)) {
                *flag = true;
            }
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
                    let in_tail = recurs.get(a).and_then(|r| r.get(p + 1..)).is_some_and(|r| r.iter().all(|&b| b));
                    let after_furniture = p > 0 && out.get(a).and_then(|o| o.get(p - 1)).copied().unwrap_or(false);
                    let quoted = text.contains(['"', '“', '”', '«', '»', '„']);
                    para.kind == ParagraphKind::Body
                        && in_tail
                        && after_furniture
                        && !quoted
                        && n_words <= MAX_TAIL_WORDS
                };
                if let Some(flag) = out.get_mut(a).and_then(|o| o.get_mut(p)).filter(|_| found) {
                    *flag = true;
                }
            }
        }
    }
    out.into_iter().map(|flags| flags.iter().enumerate().filter(|(_, &f)| f).map(|(p, _)| p).collect()).collect()
}

/// A copy of `article` with the given paragraphs marked as furniture (kind `furniture`, plus a `repeated`
/// furniture span each). Sentence ids and the text are unchanged.
pub fn marked(article: &Article, paragraphs: &[usize]) -> Article {
    let mut a = article.clone();
    for &p in paragraphs {
        if let Some(para) = a.paragraphs.get_mut(p) {
            para.kind = ParagraphKind::Furniture;
            let f = Furniture { range: para.range, kind: FurnitureKind::Repeated };
            let at = a.furniture.partition_point(|g| *g < f);
            a.furniture.insert(at, f);
        }
    }
    a
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse::{parse, Input};

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
