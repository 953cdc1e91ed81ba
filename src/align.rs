//! Sentence alignment across articles: which sentences of different sources say the same thing.
//!
//! Candidates come from an inverted index over content words (never from all pairs), so the cost grows with
//! the number of sentences that share rare words, not with the square of the corpus. Each pair is scored by
//! IDF-weighted overlap of content words and explains itself with the words it shares.
//! This module must not group pairs into claims or judge sources; that is the corpus's job.

use crate::article::{Article, ParagraphKind};
use std::collections::{BTreeMap, HashMap};

/// A reference to one sentence: the article's index in the corpus and the sentence's index in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentenceKey {
    /// Index of the article in the slice handed to [`align`].
    pub article: usize,
    /// Index of the sentence in that article.
    pub sentence: usize,
}

/// Two aligned sentences from different articles.
#[derive(Debug, Clone, PartialEq)]
pub struct SentencePair {
    /// The sentence of the article that sorts first.
    pub a: SentenceKey,
    /// The sentence of the other article.
    pub b: SentenceKey,
    /// IDF-weighted overlap of content words, from 0 to 1.
    pub score: f64,
    /// The shared content words, rarest first.
    pub shared: Vec<String>,
}

/// Options of the aligner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Smallest score for a pair to count as aligned (0–1).
    pub threshold: f64,
}

/// Words too common to say anything about content.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
    "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she", "his", "her",
    "they", "their", "them", "we", "our", "you", "your", "i", "my", "me", "us", "him", "not", "no", "so", "if", "than",
    "then", "also", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may",
    "might", "which", "who", "whom", "what", "when", "where", "while", "there", "here", "about", "into", "over",
    "after", "before", "during", "such", "just", "very", "all", "any", "some", "more", "most", "other", "only", "s",
    "t", "said", "says", "one",
];

/// Lowercased content words of a sentence, in order, duplicates removed.
pub fn content_words(article: &Article, sentence: usize) -> Vec<String> {
    let Some(s) = article.sentences.get(sentence) else { return Vec::new() };
    if article.paragraphs.get(s.paragraph).is_some_and(|p| p.kind == ParagraphKind::Furniture) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for t in &s.tokens {
        let w = article.slice(*t).to_lowercase();
        let w = w.trim_end_matches("’s").trim_end_matches("'s").to_string();
        if w.chars().count() < 2 && !w.chars().all(|c| c.is_numeric()) || STOPWORDS.contains(&w.as_str()) {
            continue;
        }
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Aligns the sentences of `articles` pairwise across articles.
///
/// Output is sorted by `(a, b)` and does not depend on hash order.
pub fn align(articles: &[&Article], options: AlignOptions) -> Vec<SentencePair> {
    // Content words per sentence, with an id per distinct word.
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut bags: Vec<(SentenceKey, Vec<u32>)> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        if !a.is_english() {
            continue;
        }
        for si in 0..a.sentences.len() {
            let mut ids: Vec<u32> = content_words(a, si)
                .into_iter()
                .map(|w| {
                    let next = u32::try_from(words.len()).unwrap_or(u32::MAX);
                    *vocab.entry(w.clone()).or_insert_with(|| {
                        words.push(w);
                        next
                    })
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            if ids.len() >= 2 {
                bags.push((SentenceKey { article: ai, sentence: si }, ids));
            }
        }
    }
    let n = bags.len().max(1) as f64;
    let mut df = vec![0u32; words.len()];
    for (_, ids) in &bags {
        for &w in ids {
            df[w as usize] += 1;
        }
    }
    let idf: Vec<f64> = df.iter().map(|&d| (1.0 + n / f64::from(d.max(1))).ln()).collect();
    // Inverted index; words in more than a tenth of all sentences (and at least 50) do not propose candidates.
    let cap = ((n * 0.1) as u32).max(50);
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); words.len()];
    for (bi, (_, ids)) in bags.iter().enumerate() {
        for &w in ids {
            if df[w as usize] <= cap {
                postings[w as usize].push(bi);
            }
        }
    }
    let mut out = Vec::new();
    let mut shared_weight: BTreeMap<usize, f64> = BTreeMap::new();
    for (bi, (key, ids)) in bags.iter().enumerate() {
        shared_weight.clear();
        for &w in ids {
            for &other in &postings[w as usize] {
                if other > bi && bags[other].0.article != key.article {
                    *shared_weight.entry(other).or_insert(0.0) += idf[w as usize];
                }
            }
        }
        let weight_a: f64 = ids.iter().map(|&w| idf[w as usize]).sum();
        for (&other, &shared) in &shared_weight {
            let (okey, oids) = &bags[other];
            let weight_b: f64 = oids.iter().map(|&w| idf[w as usize]).sum();
            // Overlap relative to the shorter sentence, damped by the longer: a short sentence fully inside a
            // long one aligns, a long one sharing a few words does not.
            let union = weight_a + weight_b - shared;
            let jaccard = if union > 0.0 { shared / union } else { 0.0 };
            let containment = shared / weight_a.min(weight_b).max(f64::EPSILON);
            let score = (jaccard + containment) / 2.0;
            if score >= options.threshold {
                let mut common: Vec<u32> = ids.iter().copied().filter(|w| oids.binary_search(w).is_ok()).collect();
                common.sort_by(|x, y| {
                    idf[*y as usize]
                        .total_cmp(&idf[*x as usize])
                        .then_with(|| words[*x as usize].cmp(&words[*y as usize]))
                });
                let (a, b) = if key <= okey { (*key, *okey) } else { (*okey, *key) };
                out.push(SentencePair {
                    a,
                    b,
                    score: (score * 1000.0).round() / 1000.0,
                    shared: common.into_iter().map(|w| words[w as usize].clone()).collect(),
                });
            }
        }
    }
    out.sort_by_key(|p| (p.a, p.b));
    out
}
