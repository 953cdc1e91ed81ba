//! Quote groups: the same statement of the same speaker across articles (wording and translation differences
//! included), with its lineage (the earliest occurrence by publication date; which later articles repeat it
//! word for word and which reword it).
//!
//! Two quotes are the same statement when their content words overlap enough (containment, so a partial
//! quote joins the fuller one) and their speakers do not differ, or when both render the same sentence of a
//! fuller rendering in the group (a translation and a paraphrase that share few words with each other). This module must not judge the wording
//! differences as contradictions (that is `contradictions`), nor extract quotes (that is `quotes`).

use crate::annotate::Annotations;
use crate::base::map::Set;
use crate::base::text::Lowercase as _;
use crate::input::article::Article;
use crate::xref::diff::Interner;
use crate::xref::reuse::Stems;
use crate::xref::sketch::shared;

/// Smallest containment of content words for two quotes to be the same statement.
const SAME_STATEMENT: f64 = 0.5;

/// Smallest containment between every two quotes of one group: a quote joins a group only when it shares content
/// with each of its quotes, not only with one (which chained a speaker's different statements into one group
/// through a long quote holding two of them).
const SAME_GROUP: f64 = 0.5;

/// Largest number of quote pairs checked to join two groups; larger groups are not joined (a bound on the work
/// for pathological inputs, such as thousands of copies of one quote, which are joined pair by pair before).
const MAX_LINK_CHECKS: usize = 1024;

/// Largest group a single quote joins through a bridge (see `linked`): a bound on the work.
const MAX_BRIDGES: usize = 16;

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

/// Containment of the smaller set in the larger.
pub fn containment(a: &Set<String>, b: &Set<String>) -> f64 {
    let shared = a.intersection(b).count() as f64;
    shared / a.len().min(b.len()).max(1) as f64
}

/// [`containment`] of two content-word lists as ids (ascending, distinct): the same figure.
fn overlap(a: &[u32], b: &[u32]) -> f64 {
    shared(a, b) as f64 / a.len().min(b.len()).max(1) as f64
}

/// The quotes' words and speakers as ids, so that grouping compares integers, not strings (equal ids, equal
/// lowercased words, stems or speakers).
struct Vocab<'t> {
    stems: Stems<'t>,
    speakers: Interner<'t>,
}

impl<'t> Vocab<'t> {
    /// The ids of a text's words (lowercased, in order) and of its content words' stems (ascending, distinct):
    /// [`norm_words`] and `content` as ids.
    fn words(&mut self, text: &'t str) -> (Vec<u32>, Vec<u32>) {
        use unicode_segmentation::UnicodeSegmentation;
        let (mut words, mut content) = (Vec::new(), Vec::new());
        for w in text.unicode_words() {
            let (id, stem) = self.stems.word(w);
            words.push(id);
            content.extend(stem);
        }
        crate::base::order::sort(&mut content);
        content.dedup();
        (words, content)
    }
}

/// A quote as grouping sees it.
struct Q {
    key: QuoteKey,
    speaker: Option<String>,
    /// The speaker's id in [`Vocab`].
    speaker_id: Option<u32>,
    /// Its words' ids.
    words: Vec<u32>,
    /// Its content words' stem ids, ascending.
    content: Vec<u32>,
    /// The content words of each of its sentences (the article's sentences cut to the quote).
    sentences: Vec<Vec<u32>>,
}

impl Q {
    /// Which of this quote's sentences another quote renders: the one sharing the most content words with it (two
    /// at least; the first of equals).
    fn sentence_of(&self, other: &Q) -> Option<usize> {
        let (best, n) = self.sentences.iter().enumerate().map(|(i, s)| (i, shared(s, &other.content))).fold(
            (0, 0),
            |acc, (i, n)| {
                if n > acc.1 {
                    (i, n)
                } else {
                    acc
                }
            },
        );
        (n >= 2).then_some(best)
    }
}

/// Two quotes of different articles that may render one statement, with their containment.
struct Candidate {
    a: usize,
    b: usize,
    containment: f64,
}

/// Groups quotes across articles. `entity_of(article, mention)` gives the entity key of a mention.
///
/// The steps: gather the quotes with two content words or more; find candidate pairs through an index on
/// content words (same statement: containment ≥ `SAME_STATEMENT`, speakers not different); join them from
/// the strongest pair down, two groups only when every quote of one still shares content with every quote of
/// the other (`SAME_GROUP`), so that a long quote holding two statements does not chain them into one group;
/// then order each group's lineage.
pub fn group(
    ids: &[&str],
    articles: &[&Article],
    annotations: &[Annotations],
    entity_of: &dyn Fn(usize, usize) -> Option<String>,
) -> Vec<QuoteGroup> {
    let qs = gather(articles, annotations, entity_of);
    let pairs = candidates(&qs);
    let clusters = cluster(&qs, pairs);
    let mut out: Vec<QuoteGroup> = clusters.iter().filter_map(|members| build(ids, articles, &qs, members)).collect();
    crate::base::order::sort_by(&mut out, |x, y| x.id.cmp(&y.id));
    out
}

/// The quotes of every article with two content words or more.
fn gather(
    articles: &[&Article],
    annotations: &[Annotations],
    entity_of: &dyn Fn(usize, usize) -> Option<String>,
) -> Vec<Q> {
    let mut qs: Vec<Q> = Vec::new();
    let mut vocab = Vocab { stems: Stems::default(), speakers: Interner::default() };
    for (ai, (a, ann)) in articles.iter().zip(annotations).enumerate() {
        for (qi, q) in ann.quotes.iter().enumerate() {
            let text = a.slice(q.range);
            let speaker =
                q.speaker.and_then(|m| entity_of(ai, m)).or_else(|| q.speaker_text.as_ref().map(|s| s.lowercase()));
            let (words, content) = vocab.words(text);
            if content.len() >= 2 {
                let key = QuoteKey { article: ai, quote: qi };
                let sentences = sentences_of(a, q.range, &mut vocab);
                let speaker_id = speaker.clone().map(|s| vocab.speakers.key(std::borrow::Cow::Owned(s)));
                qs.push(Q { key, speaker, speaker_id, words, content, sentences });
            }
        }
    }
    qs
}

/// The content words of each sentence of an article that a quote's range overlaps, cut to the range.
fn sentences_of<'t>(a: &'t Article, r: crate::base::text::TextRange, vocab: &mut Vocab<'t>) -> Vec<Vec<u32>> {
    let first = a.sentences.partition_point(|s| s.range.end <= r.start);
    let overlapping = a.sentences.get(first..).unwrap_or(&[]).iter().take_while(|s| s.range.start < r.end);
    let cut = overlapping.map(|s| {
        let (start, end) = (s.range.start.max(r.start), s.range.end.min(r.end));
        vocab.words(a.text.get(start..end.max(start)).unwrap_or("")).1
    });
    cut.filter(|c| !c.is_empty()).collect()
}

/// Whether two quotes may be one statement by their speakers (unknown fits any).
fn speakers_fit(a: &Q, b: &Q) -> bool {
    !matches!((a.speaker_id, b.speaker_id), (Some(x), Some(y)) if x != y)
}

/// Candidate pairs through an index on content words (a word in more than 200 quotes proposes none), strongest
/// first.
fn candidates(qs: &[Q]) -> Vec<Candidate> {
    // Postings by stem id (ids are dense).
    let mut index: Vec<Vec<usize>> = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        for &w in &q.content {
            let w = w as usize;
            if index.len() <= w {
                index.resize_with(w + 1, Vec::new);
            }
            if let Some(p) = index.get_mut(w) {
                p.push(i);
            }
        }
    }
    let mut out = Vec::new();
    let mut near: Vec<usize> = Vec::new();
    // The last quote that proposed each quote: each pair is checked once without sorting the proposals (the
    // candidates are sorted in the end).
    let mut proposed_by: Vec<usize> = vec![usize::MAX; qs.len()];
    for (i, q) in qs.iter().enumerate() {
        near.clear();
        for p in q.content.iter().filter_map(|&w| index.get(w as usize)).filter(|p| p.len() <= 200) {
            // Postings ascend: the part after `i`.
            for &j in p.get(p.partition_point(|&j| j <= i)..).unwrap_or(&[]) {
                if let Some(slot) = proposed_by.get_mut(j).filter(|s| **s != i) {
                    *slot = i;
                    near.push(j);
                }
            }
        }
        for &j in &near {
            let Some(o) = qs.get(j) else { continue };
            if o.key.article == q.key.article || !speakers_fit(q, o) {
                continue;
            }
            let c = overlap(&q.content, &o.content);
            if c >= SAME_STATEMENT {
                out.push(Candidate { a: i, b: j, containment: c });
            }
        }
    }
    crate::base::order::sort_by(&mut out, |x, y| {
        y.containment.total_cmp(&x.containment).then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    out
}

/// Joins candidate pairs, strongest first, into groups whose quotes all share content pairwise and whose
/// speakers agree. Returns each group's quote indices (ascending), groups in order of their first quote.
fn cluster(qs: &[Q], pairs: Vec<Candidate>) -> Vec<Vec<usize>> {
    let mut group_of: Vec<usize> = (0..qs.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..qs.len()).map(|i| vec![i]).collect();
    for p in pairs {
        let (Some(&ga), Some(&gb)) = (group_of.get(p.a), group_of.get(p.b)) else { continue };
        if ga == gb {
            continue;
        }
        let (Some(xa), Some(xb)) = (members.get(ga), members.get(gb)) else { continue };
        let fits = xa.len() * xb.len() <= MAX_LINK_CHECKS && linked(qs, xa, xb);
        if !fits {
            continue;
        }
        let (keep, gone) = (ga.min(gb), ga.max(gb));
        let moved = members.get_mut(gone).map(std::mem::take).unwrap_or_default();
        for &i in &moved {
            if let Some(slot) = group_of.get_mut(i) {
                *slot = keep;
            }
        }
        if let Some(m) = members.get_mut(keep) {
            m.extend(moved);
            crate::base::order::sort(m);
        }
    }
    members.into_iter().filter(|m| !m.is_empty()).collect()
}

/// Whether two groups may join: speakers agree throughout, and more than half of the pairs across them are the
/// same statement by their content. A single quote joining a small group may also count the pairs it forms
/// with quotes that render the same sentence of a third quote of the group as itself (a translation and a
/// paraphrase that share few words with each other but each much with one sentence of a longer rendering; two
/// statements held by one long quote are its different sentences, so they stay apart).
fn linked(qs: &[Q], xa: &[usize], xb: &[usize]) -> bool {
    let total = xa.len() * xb.len();
    let bridging = xa.len().min(xb.len()) == 1 && xa.len().max(xb.len()) <= MAX_BRIDGES;
    let (mut strong, mut weak) = (0, Vec::new());
    for (i, j) in xa.iter().flat_map(|&i| xb.iter().map(move |&j| (i, j))) {
        let (Some(a), Some(b)) = (qs.get(i), qs.get(j)) else { return false };
        if !speakers_fit(a, b) {
            return false;
        }
        // Copies (the same words) need no set intersection.
        if a.words == b.words || overlap(&a.content, &b.content) >= SAME_GROUP {
            strong += 1;
        } else {
            weak.push((a, b));
        }
        // Stop once more than half of the pairs can no longer be one statement.
        if !bridging && 2 * weak.len() >= total {
            return false;
        }
    }
    if 2 * strong > total || !bridging {
        return 2 * strong > total;
    }
    let group = || xa.iter().chain(xb).filter_map(|&k| qs.get(k));
    let bridged = |a: &Q, b: &Q| {
        group()
            .any(|z| z.key != a.key && z.key != b.key && z.sentence_of(a).is_some_and(|s| z.sentence_of(b) == Some(s)))
    };
    2 * (strong + weak.iter().filter(|(a, b)| bridged(a, b)).count()) > total
}

/// One group's lineage and id; `None` when its quotes come from one article only.
fn build(ids: &[&str], articles: &[&Article], qs: &[Q], members: &[usize]) -> Option<QuoteGroup> {
    let mut ms: Vec<&Q> = members.iter().filter_map(|&i| qs.get(i)).collect();
    let mut arts: Vec<usize> = ms.iter().map(|q| q.key.article).collect();
    crate::base::order::sort(&mut arts);
    arts.dedup();
    if arts.len() < 2 {
        return None;
    }
    let published = |a: usize| -> Option<String> {
        articles.get(a).and_then(|x| x.meta.published.as_ref()).map(|f| f.value.chars().take(10).collect())
    };
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
    let first = *ms.first()?;
    let identical = ms.iter().all(|q| q.words == first.words);
    let relation = |i: usize, q: &Q| match i {
        0 => Relation::Earliest,
        _ if q.words == first.words => Relation::Repeats,
        _ => Relation::Rewords,
    };
    let lineage: Vec<(QuoteKey, Relation)> = ms.iter().enumerate().map(|(i, q)| (q.key, relation(i, q))).collect();
    let speaker = ms.iter().find_map(|q| q.speaker.clone());
    let mut keys: Vec<QuoteKey> = ms.iter().map(|q| q.key).collect();
    crate::base::order::sort_by(&mut keys, |x, y| (ids.get(x.article), x.quote).cmp(&(ids.get(y.article), y.quote)));
    let qid = |k: &QuoteKey| format!("quotes:{}:q{}", ids.get(k.article).copied().unwrap_or(""), k.quote);
    let id = keys.first().map(qid).unwrap_or_default();
    Some(QuoteGroup { id, speaker, quotes: keys, identical, earliest: first.key, lineage })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::annotate::quotes::Quote;
    use crate::base::text::TextRange;
    use crate::input::parse::{parse, Input};
    use crate::xref::align::{is_stopword, stem};

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
    fn a_long_quote_holding_two_statements_does_not_chain_them_into_one_group() {
        let first = "We will rebuild the old market hall this year.";
        let second = "Taxes for families will not rise before the election.";
        let both = format!("{first} {second}");
        let a = dated("a", None, &format!("Head\n\n\"{first}\" the mayor said."));
        let b = dated("b", None, &format!("Head\n\n\"{both}\" the mayor said."));
        let c = dated("c", None, &format!("Head\n\n\"{second}\" the mayor said."));
        let d = dated("d", None, &format!("Head\n\n\"{second}\" the mayor said."));
        let ann = vec![quote(&a, first), quote(&b, &both), quote(&c, second), quote(&d, second)];
        let groups = group(&["a", "b", "c", "d"], &[&a, &b, &c, &d], &ann, &|_, _| None);
        let articles: Vec<Vec<usize>> = groups.iter().map(|g| g.quotes.iter().map(|k| k.article).collect()).collect();
        assert!(articles.iter().all(|g| !(g.contains(&0) && g.contains(&2))), "{articles:?}");
        assert!(articles.iter().any(|g| g.contains(&2) && g.contains(&3)), "{articles:?}");
    }

    #[test]
    fn renderings_of_one_sentence_of_a_longer_quote_join_through_it() {
        // Two translations share no content word, but each renders the first sentence of the fuller quote.
        let full = "I know the anger, the anxiety and the doubts many of you expressed. We will act now.";
        let short = "I have heard your anger and your anxiety.";
        let other = "the rage, fear and doubts you expressed";
        let a = dated("a", None, &format!("Head\n\n\"{full}\" the mayor said."));
        let b = dated("b", None, &format!("Head\n\n\"{short}\" the mayor said."));
        let c = dated("c", None, &format!("Head\n\nShe spoke of \"{other}\" on the night."));
        let ann = vec![quote(&a, full), quote(&b, short), quote(&c, other)];
        let groups = group(&["a", "b", "c"], &[&a, &b, &c], &ann, &|_, _| None);
        let articles: Vec<Vec<usize>> = groups.iter().map(|g| g.quotes.iter().map(|k| k.article).collect()).collect();
        assert_eq!(articles, [vec![0, 1, 2]]);
    }

    fn content(text: &str) -> Set<String> {
        norm_words(text).into_iter().filter(|w| !is_stopword(w)).map(|w| stem(&w)).collect()
    }

    #[test]
    fn containment_is_symmetric_and_partial_quotes_join() {
        let a = content("We will never give up and we will never surrender to them");
        let b = content("never surrender");
        assert!((containment(&a, &b) - 1.0).abs() < 1e-9);
        assert!((containment(&b, &a) - 1.0).abs() < 1e-9);
    }
}
