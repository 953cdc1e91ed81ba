//! Sentence alignment across articles: which sentences of different sources say the same thing.
//!
//! Candidates come from an inverted index over (lightly stemmed) content words, never from all pairs, so the
//! cost grows with the number of sentences that share rare words, not with the square of the corpus. Each
//! candidate is scored by IDF-weighted overlap of content words (the lexical score: two thirds containment in the
//! shorter sentence, one third weighted Jaccard); agreement of what the
//! annotators found (the same entities, the same normalised dates, the same numbers) adds to it, but only
//! for pairs that already share some rare wording, so a shared topic alone never aligns two sentences.
//! Every pair explains itself: the shared words (rarest first), the shared entities, dates and numbers.
//! This module must not group pairs into claims or judge sources; that is for `claims` and `reuse`.

#![warn(clippy::indexing_slicing)]

use crate::article::{Article, ParagraphKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A reference to one sentence: the article's index in the corpus and the sentence's index in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SentenceKey {
    /// Index of the article in the slice handed to [`align`].
    pub article: usize,
    /// Index of the sentence in that article.
    pub sentence: usize,
}

/// Two aligned sentences from different articles.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SentencePair {
    /// The sentence of the article that sorts first.
    pub a: SentenceKey,
    /// The sentence of the other article.
    pub b: SentenceKey,
    /// The combined score, from 0 to 1.
    pub score: f64,
    /// IDF-weighted overlap of content words alone, from 0 to 1.
    pub lexical: f64,
    /// The shared content words (as the first sentence writes them), rarest first.
    pub shared: Vec<String>,
    /// Entity keys both sentences mention.
    pub same_entities: Vec<String>,
    /// Normalised date values both sentences mention.
    pub same_dates: Vec<String>,
    /// Number values both sentences mention.
    pub same_numbers: Vec<String>,
    /// The two sentences have the same words in the same order (case and punctuation aside).
    pub verbatim: bool,
}

/// Options of the aligner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Smallest score for a pair to count as aligned (0–1).
    pub threshold: f64,
}

/// What the annotators found in one sentence, as comparable values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SentenceSignals {
    /// Entity keys mentioned (`person:jane-doe`).
    pub entities: BTreeSet<String>,
    /// Normalised date values at day or month grain (`2023-11-09`, `2024-10`).
    pub dates: BTreeSet<String>,
    /// Number values, written canonically (`14`, `60000000`).
    pub numbers: BTreeSet<String>,
}

/// Words too common to say anything about content.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
    "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "his", "her",
    "they", "their", "them", "we", "our", "you", "your", "i", "my", "me", "us", "him", "not", "no", "so", "if", "than",
    "then", "also", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may",
    "might", "which", "who", "whom", "what", "when", "where", "while", "there", "here", "about", "into", "over",
    "after", "before", "during", "such", "just", "very", "all", "any", "some", "more", "most", "other", "only", "s",
    "t", "said", "says", "one",
];

/// A light, language-agnostic stem of a lowercased word: plural and verbal endings off, so that "devices" and
/// "device", "started" and "start" meet. Never shorter than four letters.
pub fn stem(word: &str) -> String {
    let w = word.trim_end_matches("’s").trim_end_matches("'s");
    let n = w.chars().count();
    let mut out = w.to_string();
    if n >= 5 && w.ends_with("ies") {
        out = format!("{}y", &w[..w.len() - 3]);
    } else if n >= 5 && ["sses", "xes", "ches", "shes", "zes"].iter().any(|s| w.ends_with(s)) {
        out = w[..w.len() - 2].to_string();
    } else if n >= 6 && w.ends_with("ing") {
        out = w[..w.len() - 3].to_string();
    } else if n >= 5 && w.ends_with("ed") {
        out = w[..w.len() - 2].to_string();
    } else if n >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        out = w[..w.len() - 1].to_string();
    }
    // A final "e" goes too, so that "device"/"devices" and "based"/"base" meet.
    if out.chars().count() >= 5 && out.ends_with('e') {
        out.pop();
    }
    out
}

/// Lowercased content words of a sentence, in order, duplicates removed.
pub fn content_words(article: &Article, sentence: usize) -> Vec<String> {
    let Some(s) = article.sentences.get(sentence) else { return Vec::new() };
    if article.paragraphs.get(s.paragraph).is_some_and(|p| p.kind == ParagraphKind::Furniture) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    // A set beside the list: a linear `contains` made a sentence of n words cost n² (issue 10's long sentences).
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for t in &s.tokens {
        let w = article.slice(*t).to_lowercase();
        let w = w.trim_end_matches("’s").trim_end_matches("'s").to_string();
        if is_stopword(&w) {
            continue;
        }
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// Whether a lowercased word carries no content.
pub fn is_stopword(w: &str) -> bool {
    w.chars().count() < 2 && !w.chars().all(char::is_numeric) || STOPWORDS.contains(&w)
}

/// Lowercased words of a sentence in order (all of them), for verbatim comparison.
fn all_words(article: &Article, sentence: usize) -> Vec<String> {
    article
        .sentences
        .get(sentence)
        .map(|s| s.tokens.iter().map(|t| article.slice(*t).to_lowercase()).collect())
        .unwrap_or_default()
}

/// An inverted index over the sentences of a corpus, with IDF weights; answers both "which pairs align" and
/// "how similar are these two sentences" (used by `claims` to keep groups from chaining).
#[derive(Debug, Clone, Default)]
pub struct Index {
    keys: Vec<SentenceKey>,
    bags: Vec<Vec<u32>>,
    surface: Vec<BTreeMap<u32, String>>,
    words: Vec<String>,
    idf: Vec<f64>,
    weight: Vec<f64>,
    position: HashMap<SentenceKey, usize>,
    signals: Vec<SentenceSignals>,
    plain: Vec<Vec<String>>,
    /// Entities found in most articles (the story's protagonists): shared, they say nothing about a fact.
    topical_entities: BTreeSet<String>,
}

impl Index {
    /// Indexes the English sentences of `articles`. `signals[i][s]`, when present, are the annotations of
    /// sentence `s` of article `i`.
    pub fn build(articles: &[&Article], signals: &[Vec<SentenceSignals>]) -> Index {
        let mut ix = Index::default();
        let mut vocab: HashMap<String, u32> = HashMap::new();
        for (ai, a) in articles.iter().enumerate() {
            if !a.is_english() {
                continue;
            }
            for si in 0..a.sentences.len() {
                let mut surface = BTreeMap::new();
                let mut ids: Vec<u32> = Vec::new();
                for w in content_words(a, si) {
                    let st = stem(&w);
                    let next = u32::try_from(ix.words.len()).unwrap_or(u32::MAX);
                    let id = *vocab.entry(st.clone()).or_insert_with(|| {
                        ix.words.push(st);
                        next
                    });
                    surface.entry(id).or_insert(w);
                    ids.push(id);
                }
                crate::order::sort(&mut ids);
                ids.dedup();
                if ids.len() >= 2 {
                    let key = SentenceKey { article: ai, sentence: si };
                    ix.position.insert(key, ix.keys.len());
                    ix.keys.push(key);
                    ix.bags.push(ids);
                    ix.surface.push(surface);
                    ix.signals.push(signals.get(ai).and_then(|s| s.get(si)).cloned().unwrap_or_default());
                    ix.plain.push(all_words(a, si));
                }
            }
        }
        let n = ix.bags.len().max(1) as f64;
        let mut df = vec![0u32; ix.words.len()];
        for ids in &ix.bags {
            for &w in ids {
                if let Some(d) = df.get_mut(w as usize) {
                    *d += 1;
                }
            }
        }
        // Topic words: in most articles of a bundle of three or more, a word says what the story is about,
        // not which fact a sentence states; it keeps a quarter of its weight.
        let mut article_df = vec![0usize; ix.words.len()];
        let mut last_seen = vec![usize::MAX; ix.words.len()];
        for (key, ids) in ix.keys.iter().zip(&ix.bags) {
            for &w in ids {
                let w = w as usize;
                if let (Some(seen), Some(df)) = (last_seen.get_mut(w), article_df.get_mut(w)) {
                    if *seen != key.article {
                        *seen = key.article;
                        *df += 1;
                    }
                }
            }
        }
        let n_articles = articles.iter().filter(|a| a.is_english()).count();
        let mut entity_articles: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        for (ai, per) in signals.iter().enumerate() {
            for s in per {
                for e in &s.entities {
                    entity_articles.entry(e.as_str()).or_default().insert(ai);
                }
            }
        }
        ix.topical_entities = entity_articles
            .iter()
            .filter(|(_, arts)| n_articles >= 3 && arts.len() * 5 > n_articles * 3)
            .map(|(e, _)| e.to_string())
            .collect();
        ix.idf = df
            .iter()
            .zip(&article_df)
            .map(|(&d, &ad)| {
                let idf = (1.0 + n / f64::from(d.max(1))).ln();
                if n_articles >= 3 && ad * 5 > n_articles * 3 {
                    idf * 0.25
                } else {
                    idf
                }
            })
            .collect();
        ix.weight = ix.bags.iter().map(|ids| ids.iter().map(|&w| ix.idf_of(w)).sum()).collect();
        ix
    }

    fn idf_of(&self, w: u32) -> f64 {
        self.idf.get(w as usize).copied().unwrap_or(0.0)
    }

    /// Number of indexed sentences.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether nothing was indexed.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The lexical similarity of two sentences (0 when either is not indexed).
    pub fn similarity(&self, a: SentenceKey, b: SentenceKey) -> f64 {
        let (Some(&x), Some(&y)) = (self.position.get(&a), self.position.get(&b)) else { return 0.0 };
        let (Some(bx), Some(by)) = (self.bags.get(x), self.bags.get(y)) else { return 0.0 };
        let shared: f64 = bx.iter().filter(|w| by.binary_search(w).is_ok()).map(|&w| self.idf_of(w)).sum();
        self.lexical(x, y, shared)
    }

    fn lexical(&self, x: usize, y: usize, shared: f64) -> f64 {
        let wa = self.weight.get(x).copied().unwrap_or(0.0);
        let wb = self.weight.get(y).copied().unwrap_or(0.0);
        // Overlap relative to the shorter sentence (two thirds), damped by the longer (one third): a short
        // sentence fully inside a long one aligns, a long one sharing a few words does not.
        let union = wa + wb - shared;
        let jaccard = if union > 0.0 { shared / union } else { 0.0 };
        let containment = shared / wa.min(wb).max(f64::EPSILON);
        (jaccard + 2.0 * containment) / 3.0
    }

    /// The aligned pairs at `threshold`, sorted by `(a, b)`.
    pub fn pairs(&self, threshold: f64) -> Vec<SentencePair> {
        let n = self.bags.len() as f64;
        // Words in more than a tenth of all sentences (and at least 50) do not propose candidates.
        let cap = ((n * 0.1) as usize).max(50);
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); self.words.len()];
        for (bi, ids) in self.bags.iter().enumerate() {
            for &w in ids {
                if let Some(p) = postings.get_mut(w as usize) {
                    p.push(bi);
                }
            }
        }
        for p in &mut postings {
            if p.len() > cap {
                p.clear();
            }
        }
        let mut out = Vec::new();
        let mut shared_weight: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
        for (bi, ids) in self.bags.iter().enumerate() {
            let Some(key) = self.keys.get(bi) else { continue };
            shared_weight.clear();
            for &w in ids {
                for &other in postings.get(w as usize).map(Vec::as_slice).unwrap_or(&[]) {
                    if other > bi && self.keys.get(other).is_some_and(|k| k.article != key.article) {
                        let e = shared_weight.entry(other).or_insert((0.0, 0));
                        e.0 += self.idf_of(w);
                        e.1 += 1;
                    }
                }
            }
            for (&other, &(shared, count)) in &shared_weight {
                if let Some(p) = self.pair(bi, other, shared, count, threshold) {
                    out.push(p);
                }
            }
        }
        crate::order::sort_by_key(&mut out, |p| (p.a, p.b));
        out
    }

    fn pair(&self, x: usize, y: usize, shared: f64, count: usize, threshold: f64) -> Option<SentencePair> {
        let (key, okey) = (*self.keys.get(x)?, *self.keys.get(y)?);
        let (ids, oids) = (self.bags.get(x)?, self.bags.get(y)?);
        let lexical = self.lexical(x, y, shared);
        let (sa, sb) = (self.signals.get(x)?, self.signals.get(y)?);
        let same_entities: Vec<String> = sa.entities.intersection(&sb.entities).cloned().collect();
        let same_dates: Vec<String> = sa.dates.intersection(&sb.dates).cloned().collect();
        let same_numbers: Vec<String> = sa.numbers.intersection(&sb.numbers).cloned().collect();
        // Annotation agreement only adds to pairs that already share wording (two content words at least
        // and a fair lexical overlap): same entities alone are a shared topic, not a shared fact.
        let mut bonus = 0.0;
        if count >= 2 && lexical >= threshold * 0.6 {
            let telling = same_entities.iter().filter(|e| !self.topical_entities.contains(*e)).count();
            bonus += 0.06 * telling.min(2) as f64;
            bonus += if same_dates.is_empty() { 0.0 } else { 0.1 };
            bonus += if same_numbers.is_empty() { 0.0 } else { 0.08 };
        }
        let score = (lexical + bonus).min(1.0);
        if count < 2 || score < threshold {
            return None;
        }
        let mut common: Vec<u32> = ids.iter().copied().filter(|w| oids.binary_search(w).is_ok()).collect();
        crate::order::sort_by(&mut common, |p, q| {
            self.idf_of(*q)
                .total_cmp(&self.idf_of(*p))
                .then_with(|| self.words.get(*p as usize).cmp(&self.words.get(*q as usize)))
        });
        let surface = self.surface.get(x)?;
        let verbatim = self.plain.get(x) == self.plain.get(y);
        let (a, b) = if key <= okey { (key, okey) } else { (okey, key) };
        Some(SentencePair {
            a,
            b,
            score: round3(score),
            lexical: round3(lexical),
            shared: common.into_iter().filter_map(|w| surface.get(&w).cloned()).collect(),
            same_entities,
            same_dates,
            same_numbers,
            verbatim,
        })
    }
}

/// Rounds to three decimals (scores are shown, not computed with, after this).
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Aligns the sentences of `articles` pairwise across articles, from wording alone.
///
/// Output is sorted by `(a, b)` and does not depend on hash order.
pub fn align(articles: &[&Article], options: AlignOptions) -> Vec<SentencePair> {
    Index::build(articles, &[]).pairs(options.threshold)
}

/// Aligns with annotation signals (`signals[i][s]` for sentence `s` of article `i`).
pub fn align_with(articles: &[&Article], signals: &[Vec<SentenceSignals>], options: AlignOptions) -> Vec<SentencePair> {
    Index::build(articles, signals).pairs(options.threshold)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(name: &str, body: &str) -> Article {
        Article::parsed(name, body)
    }

    #[test]
    fn stems_meet() {
        for (a, b) in [("devices", "device"), ("started", "start"), ("countries", "country"), ("speaking", "speak")] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("press"), "press");
        assert_eq!(stem("bus"), "bus");
    }

    #[test]
    fn reworded_fact_aligns_shared_topic_does_not() {
        let a = article(
            "a",
            "The mayor opened the new harbour bridge on Monday after six years of construction.\n\nThe weather was fine and crowds gathered along the river banks.",
        );
        let b = article(
            "b",
            "After six years of construction, the new harbour bridge was opened by the mayor.\n\nThe mayor later spoke about the city budget for schools.",
        );
        let pairs = align(&[&a, &b], AlignOptions { threshold: 0.45 });
        let keys: Vec<(usize, usize)> = pairs.iter().map(|p| (p.a.sentence, p.b.sentence)).collect();
        assert_eq!(keys, [(0, 0)], "{pairs:?}");
        assert!(pairs[0].shared.contains(&"bridge".to_string()));
    }

    #[test]
    fn annotation_agreement_adds_and_explains() {
        let a = article("a", "The council approved 14 new housing projects on the northern edge.");
        let b = article("b", "Fourteen housing projects got approval from the council for the northern edge.");
        let mut sa = SentenceSignals::default();
        sa.numbers.insert("14".into());
        let signals = vec![vec![sa.clone()], vec![sa]];
        let plain = align(&[&a, &b], AlignOptions { threshold: 0.0 });
        let with = align_with(&[&a, &b], &signals, AlignOptions { threshold: 0.0 });
        assert_eq!(with.len(), 1);
        assert!(with[0].score > plain[0].score);
        assert_eq!(with[0].same_numbers, ["14"]);
    }
}
