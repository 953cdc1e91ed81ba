//! Text reuse and provenance: passages one article took from another, found by seed-and-extend alignment in
//! the spirit of passim, and the direction of each reuse edge.
//!
//! Seeds are n-grams of lightly stemmed content words (function words dropped, so "the Russian delegation"
//! and "Russian delegation" meet) found through a hash index, never by comparing all article pairs. Seeds
//! of one article pair are chained in order when both gaps are small, which tolerates light rewording
//! inside a passage; a passage is kept when it holds two seeds or more. Quoted words and paragraph breaks
//! are barriers no passage spans. Sentence alignments add evidence for
//! rewriting that shares few exact n-grams. Direction comes from publication dates, else from explicit
//! attribution in the text ("reports X", "according to X", "told X"): the article that cites a source is
//! the later one. No outlet names are known here; this module must not judge claims or contradictions.

use crate::base::text::Lowercase as _;
use crate::base::text::TextRange;
use crate::input::article::Article;
use crate::xref::align::{is_stopword, stem, SentencePair};
use crate::xref::diff::{Interner, WordHasher};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;

/// Seed length in content words.
pub const SEED: usize = 3;
/// Most articles a seed phrase may occur in and still count as evidence of reuse.
pub const MAX_SEED_ARTICLES: usize = 50;
/// Largest gap (in content words) between chained seeds, on either side.
const MAX_GAP: usize = 8;

/// An aligned passage: a span in the source article and the span in the reusing one.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Byte range in the `from` article.
    pub from: TextRange,
    /// Byte range in the `to` article.
    pub to: TextRange,
    /// Share of the passage's content words covered by seeds, 0–1.
    pub score: f64,
}

/// One reuse edge between two articles.
#[derive(Debug, Clone, PartialEq)]
pub struct ReuseEdge {
    /// Index of the source article.
    pub from: usize,
    /// Index of the article that reuses it.
    pub to: usize,
    /// Whether the direction is known (dates or attribution); when not, `from` is the article that sorts first.
    pub directed: bool,
    /// Strength, 0–1.
    pub score: f64,
    /// Why this edge exists and why it points this way, one plain sentence each.
    pub evidence: Vec<String>,
    /// Aligned passages, in the `from` article's order.
    pub passages: Vec<Passage>,
}

/// A content word of an article: its stem (an id from [`Stems`]) and where it is.
#[derive(Debug, Clone)]
struct Word {
    stem: u32,
    range: TextRange,
    /// Quoted words stand in the sequence as barriers: no seed matches them and no passage spans them.
    barrier: bool,
}

/// Which bytes lie inside quotation marks (quotes shared by independent outlets are no sign of copying).
fn quoted(text: &str) -> Vec<bool> {
    let mut out = vec![false; text.len() + 1];
    let mut inside = false;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '„' | '«' => inside = true,
            '”' | '»' => inside = false,
            '"' => inside = !inside,
            '\n' => inside = false,
            _ => {}
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = inside;
        }
    }
    out
}

/// Stems as ids: each distinct lowercased word is looked up (stopword? stem?) once per corpus, not once per
/// occurrence, and seeds compare integers.
#[derive(Default)]
struct Stems<'t> {
    /// Lowercased words.
    words: Interner<'t>,
    /// Per lowercased word id: its stem id, or `None` for a stopword.
    of_word: Vec<Option<u32>>,
    /// Stems (and barrier keys).
    ids: Interner<'t>,
}

impl<'t> Stems<'t> {
    fn id(&mut self, stem: String) -> u32 {
        self.ids.key(Cow::Owned(stem))
    }

    /// The stem id of a word of the text, `None` for a stopword.
    fn of(&mut self, word: &'t str) -> Option<u32> {
        let w = self.words.id(word) as usize;
        if let Some(known) = self.of_word.get(w) {
            return *known;
        }
        let lower = word.lowercase();
        let stem = if is_stopword(&lower) { None } else { Some(self.id(stem(&lower))) };
        if self.of_word.len() == w {
            self.of_word.push(stem);
        }
        stem
    }
}

fn words<'t>(article: &'t Article, stems: &mut Stems<'t>) -> Vec<Word> {
    let mut out = Vec::new();
    let q = quoted(&article.text);
    let mut paragraph = None;
    for s in &article.sentences {
        // Paragraph breaks are barriers too: a passage stays within one paragraph on each side.
        if paragraph.is_some_and(|p| p != s.paragraph) && !out.last().is_some_and(|x: &Word| x.barrier) {
            if let Some(t) = s.tokens.first() {
                out.push(Word { stem: stems.id(format!("\u{0}p{}", t.start)), range: *t, barrier: true });
            }
        }
        paragraph = Some(s.paragraph);
        for t in &s.tokens {
            if q.get(t.start).copied().unwrap_or(false) {
                if !out.last().is_some_and(|x: &Word| x.barrier) {
                    out.push(Word { stem: stems.id(format!("\u{0}{}", t.start)), range: *t, barrier: true });
                }
            } else if let Some(stem) = stems.of(article.slice(*t)) {
                out.push(Word { stem, range: *t, barrier: false });
            }
        }
    }
    out
}

/// Finds passages of `a` and `b` that share text. Positions are content-word indices.
fn passages(wa: &[Word], wb: &[Word], seeds: &[(usize, usize)]) -> Vec<(usize, usize, usize, usize, usize)> {
    // seeds sorted by (i, j); chain greedily, each seed joining the first open chain it continues.
    let mut chains: Vec<Vec<(usize, usize)>> = Vec::new();
    for &(i, j) in seeds {
        let mut joined = false;
        for c in chains.iter_mut().rev() {
            if let Some(&(li, lj)) = c.last() {
                let clear = |ws: &[Word], from: usize, to: usize| {
                    !ws.get(from..to).is_some_and(|r| r.iter().any(|w| w.barrier))
                };
                if i > li
                    && j > lj
                    && i - li <= MAX_GAP + SEED
                    && j - lj <= MAX_GAP + SEED
                    && clear(wa, li, i)
                    && clear(wb, lj, j)
                {
                    c.push((i, j));
                    joined = true;
                    break;
                }
            }
        }
        if !joined {
            chains.push(vec![(i, j)]);
        }
    }
    let mut out = Vec::new();
    for c in chains {
        let (Some(&(fi, fj)), Some(&(li, lj))) = (c.first(), c.last()) else { continue };
        // Extend over exactly matching words on both ends.
        let (mut si, mut sj) = (fi, fj);
        while si > 0 && sj > 0 && wa.get(si - 1).map(|w| &w.stem) == wb.get(sj - 1).map(|w| &w.stem) {
            si -= 1;
            sj -= 1;
        }
        let (mut ei, mut ej) = (li + SEED, lj + SEED);
        while ei < wa.len() && ej < wb.len() && wa.get(ei).map(|w| &w.stem) == wb.get(ej).map(|w| &w.stem) {
            ei += 1;
            ej += 1;
        }
        let mut covered = vec![false; ei - si];
        for &(i, _) in &c {
            for k in i..i + SEED {
                if let Some(x) = covered.get_mut(k - si) {
                    *x = true;
                }
            }
        }
        let matched = covered.iter().filter(|x| **x).count() + (fi - si) + (ei - li - SEED);
        if c.len() >= 2 || ei - si >= SEED + 2 {
            out.push((si, ei, sj, ej, matched.min(ei - si)));
        }
    }
    out
}

/// Keeps passages that overlap no longer one on either side (a phrase repeated in both articles counts once).
fn one_to_one(mut ps: Vec<(usize, usize, usize, usize, usize)>) -> Vec<(usize, usize, usize, usize, usize)> {
    crate::base::order::sort_by(&mut ps, |x, y| y.4.cmp(&x.4).then_with(|| (x.0, x.2).cmp(&(y.0, y.2))));
    let mut kept: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
    for p in ps {
        if kept.iter().all(|k| (p.1 <= k.0 || k.1 <= p.0) && (p.3 <= k.2 || k.3 <= p.2)) {
            kept.push(p);
        }
    }
    crate::base::order::sort(&mut kept);
    kept
}

/// A source an article cites explicitly: the words after "according to", "reports", "told" and their kin.
pub fn cited_sources(article: &Article) -> Vec<String> {
    const CUES: &[&str] = &["according to", "reports", "reported", "told", "citing", "cited by", "quoted by", "via"];
    let mut out = Vec::new();
    for s in &article.sentences {
        let text = article.slice(s.range);
        let lower = text.lowercase();
        for cue in CUES {
            let mut from = 0;
            while let Some(p) = lower.get(from..).and_then(|t| t.find(cue)) {
                let at = from + p + cue.len();
                from = at;
                let before_ok = from - cue.len() == 0
                    || lower[..from - cue.len()].ends_with(|c: char| c.is_whitespace() || c == ',' || c == '(');
                let Some(rest) = text.get(at..) else { break };
                if !before_ok || !rest.starts_with(' ') {
                    continue;
                }
                let mut name: Vec<&str> = Vec::new();
                for w in rest.split_whitespace() {
                    let clean = w.trim_matches(|c: char| !c.is_alphanumeric());
                    if name.is_empty() && matches!(clean, "the" | "The") {
                        continue;
                    }
                    if clean.chars().next().is_some_and(char::is_uppercase) && name.len() < 4 {
                        name.push(clean);
                        if w.ends_with([',', '.', ';', ':', ')']) {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                if !name.is_empty() {
                    out.push(name.join(" "));
                }
            }
        }
    }
    crate::base::order::sort(&mut out);
    out.dedup();
    out
}

/// Whether a cited name refers to an article's outlet (the name itself or its initials).
fn names_outlet(cited: &str, article: &Article) -> bool {
    let Some(outlet) = article.meta.outlet.as_ref().map(|f| f.value.lowercase()) else { return false };
    let c = cited.lowercase();
    let initials: String = outlet.split_whitespace().filter_map(|w| w.chars().next()).collect();
    c == outlet || outlet.contains(&c) && c.len() >= 3 || initials.len() >= 2 && c == initials
}

fn published_day(article: &Article) -> Option<String> {
    article.meta.published.as_ref().and_then(|f| f.value.get(..10)).map(str::to_string)
}

/// Seeds of one article pair: (position in the first article, position in the second), content-word indices.
type Seeds = BTreeMap<(usize, usize), Vec<(usize, usize)>>;

/// Finds reuse edges among `articles`; `pairs` are the sentence alignments (extra evidence for rewording).
pub fn detect(articles: &[&Article], pairs: &[SentencePair]) -> Vec<ReuseEdge> {
    let mut stems = Stems::default();
    let words: Vec<Vec<Word>> =
        articles.iter().map(|a| if a.is_english() { words(a, &mut stems) } else { Vec::new() }).collect();
    let seeds = seed_pairs(&words, articles.len());
    let mut aligned: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for p in pairs {
        if p.lexical >= 0.5 {
            *aligned.entry((p.a.article, p.b.article)).or_default() += 1;
        }
    }
    let mut keys: Vec<(usize, usize)> = seeds.keys().copied().collect();
    keys.extend(aligned.keys().copied());
    crate::base::order::sort(&mut keys);
    keys.dedup();
    let mut out = Vec::new();
    // The sources each article cites, found once per article (an article may have many edges).
    let mut cited: Vec<Option<Vec<String>>> = vec![None; articles.len()];
    for (a, b) in keys {
        let (Some(wa), Some(wb), Some(aa), Some(ab)) = (words.get(a), words.get(b), articles.get(a), articles.get(b))
        else {
            continue;
        };
        let mut s = seeds.get(&(a, b)).cloned().unwrap_or_default();
        crate::base::order::sort(&mut s);
        let found = one_to_one(passages(wa, wb, &s));
        let sentences = aligned.get(&(a, b)).copied().unwrap_or(0);
        let pair = Pair { a, b, aa, ab, wa, wb };
        if let Some(edge) = edge(&pair, &found, sentences, &mut cited) {
            out.push(edge);
        }
    }
    crate::base::order::sort_by_key(&mut out, |e| (e.from, e.to));
    out
}

/// Seed phrases shared by two articles, per article pair: every n-gram of stem ids through a hash index.
fn seed_pairs(words: &[Vec<Word>], articles: usize) -> Seeds {
    // Seed index: n-gram of stem ids → (article, position). Seeds in more than half the articles (and 3+) say
    // nothing.
    let mut index: HashMap<[u32; SEED], Vec<(u32, u32)>, BuildHasherDefault<WordHasher>> = HashMap::default();
    for (ai, ws) in words.iter().enumerate() {
        for (i, win) in ws.windows(SEED).enumerate() {
            let mut key = [0; SEED];
            for (k, w) in key.iter_mut().zip(win) {
                *k = w.stem;
            }
            index.entry(key).or_default().push((ai as u32, i as u32));
        }
    }
    // Phrases shared by more than a quarter of the articles are the story's stock phrases (names, the
    // headline fact), not evidence that one article copied another; so are phrases in more than
    // MAX_SEED_ARTICLES articles, which keeps the seed pairs of a large corpus linear in its size.
    let limit = (articles / 4).clamp(3, MAX_SEED_ARTICLES);
    let mut seeds: Seeds = BTreeMap::new();
    for posts in index.values() {
        let mut arts: Vec<u32> = posts.iter().map(|p| p.0).collect();
        arts.dedup();
        if arts.len() < 2 || arts.len() > limit || posts.len() > 4 * limit {
            continue;
        }
        for (x, &(a, i)) in posts.iter().enumerate() {
            for &(b, j) in posts.iter().skip(x + 1) {
                let (a, b, i, j) = (a as usize, b as usize, i as usize, j as usize);
                if a < b {
                    seeds.entry((a, b)).or_default().push((i, j));
                } else if b < a {
                    seeds.entry((b, a)).or_default().push((j, i));
                }
            }
        }
    }
    seeds
}

/// Two articles compared for reuse: their indices, the articles and their content words.
struct Pair<'p> {
    a: usize,
    b: usize,
    aa: &'p Article,
    ab: &'p Article,
    wa: &'p [Word],
    wb: &'p [Word],
}

/// The reuse edge of an article pair, when its shared passages (`found`: start and end in each article's
/// content words, matched words) and its `sentences` aligned closely are evidence enough.
fn edge(
    pair: &Pair,
    found: &[(usize, usize, usize, usize, usize)],
    sentences: usize,
    cited: &mut [Option<Vec<String>>],
) -> Option<ReuseEdge> {
    let Pair { a, b, aa, ab, wa, wb } = *pair;
    let matched: usize = found.iter().map(|p| p.4).sum();
    let shorter = wa.len().min(wb.len()).max(1);
    let shorter_sentences = aa.sentences.len().min(ab.sentences.len()).max(1);
    let text_share = matched as f64 / shorter as f64;
    let sentence_share = sentences as f64 / shorter_sentences as f64;
    // Reuse: a large share of the shorter article's words in passages; or a fair share together with
    // closely aligned sentences; or many sentences rewritten with some shared passage text. Same-event
    // reports by independent outlets share sentences about the facts, but rarely passages as well.
    let is_reuse = matched >= 12 && text_share >= 0.25
        || matched >= 12 && text_share >= 0.08 && sentences >= 2
        || matched >= 6 && sentences >= 3 && sentence_share >= 0.3;
    if !is_reuse {
        return None;
    }
    let mut evidence = vec![format!(
        "{} shared passage(s) cover {:.0}% of the shorter article's content words; {} sentence(s) are aligned closely",
        found.len(),
        text_share * 100.0,
        sentences
    )];
    let (from, to, directed) = direction(aa, ab, a, b, &mut evidence, cited);
    let mut ps: Vec<Passage> = found
        .iter()
        .filter_map(|&(si, ei, sj, ej, m)| {
            let ra = TextRange::new(wa.get(si)?.range.start, wa.get(ei.checked_sub(1)?)?.range.end);
            let rb = TextRange::new(wb.get(sj)?.range.start, wb.get(ej.checked_sub(1)?)?.range.end);
            let score = crate::xref::align::round3(m as f64 / (ei - si).max(ej - sj).max(1) as f64);
            Some(if from == a { Passage { from: ra, to: rb, score } } else { Passage { from: rb, to: ra, score } })
        })
        .collect();
    crate::base::order::sort_by_key(&mut ps, |p| (p.from.start, p.to.start));
    Some(ReuseEdge {
        from,
        to,
        directed,
        score: crate::xref::align::round3(text_share.max(sentence_share).min(1.0)),
        evidence,
        passages: ps,
    })
}

/// Which way an edge points: earlier publication first; else the article that cites a source is the later.
fn direction(
    aa: &Article,
    ab: &Article,
    a: usize,
    b: usize,
    evidence: &mut Vec<String>,
    cited: &mut [Option<Vec<String>>],
) -> (usize, usize, bool) {
    let (da, db) = (published_day(aa), published_day(ab));
    if let (Some(x), Some(y)) = (&da, &db) {
        if x != y {
            evidence.push(format!("\"{}\" was published {} and \"{}\" {}", aa.id, x, ab.id, y));
            return if x < y { (a, b, true) } else { (b, a, true) };
        }
    }
    let mut sources = |i: usize, article: &Article| -> Vec<String> {
        match cited.get_mut(i) {
            Some(Some(known)) => known.clone(),
            Some(slot) => slot.insert(cited_sources(article)).clone(),
            None => cited_sources(article),
        }
    };
    let (ca, cb) = (sources(a, aa), sources(b, ab));
    let a_cites_b = ca.iter().find(|c| names_outlet(c, ab));
    let b_cites_a = cb.iter().find(|c| names_outlet(c, aa));
    match (a_cites_b, b_cites_a) {
        (Some(c), None) => {
            evidence.push(format!("\"{}\" names \"{}\" as its source (\"{c}\")", aa.id, ab.id));
            return (b, a, true);
        }
        (None, Some(c)) => {
            evidence.push(format!("\"{}\" names \"{}\" as its source (\"{c}\")", ab.id, aa.id));
            return (a, b, true);
        }
        _ => {}
    }
    match (ca.is_empty(), cb.is_empty()) {
        (false, true) => {
            evidence.push(format!(
                "\"{}\" attributes its text to another outlet ({}); \"{}\" cites no source",
                aa.id,
                ca.join(", "),
                ab.id
            ));
            (b, a, true)
        }
        (true, false) => {
            evidence.push(format!(
                "\"{}\" attributes its text to another outlet ({}); \"{}\" cites no source",
                ab.id,
                cb.join(", "),
                aa.id
            ));
            (a, b, true)
        }
        _ => {
            evidence.push("neither dates nor attribution tell which came first".to_string());
            (a, b, false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(name: &str, body: &str) -> Article {
        Article::parsed(name, body)
    }

    #[test]
    fn cites_sources_generically() {
        let a = article(
            "a",
            "Headline here\n\nThe talks collapsed, reports AFP. Prices rose, according to the Central Bank. He told Interfax that all was well.",
        );
        assert_eq!(cited_sources(&a), ["AFP", "Central Bank", "Interfax"]);
    }

    #[test]
    fn reworded_copy_is_found_with_direction_from_attribution() {
        let src = article(
            "src",
            "Dam works\n\nEngineers finished the northern river dam on Friday after four years of delays and rising costs. The regional governor praised the builders and promised lower electricity prices for every household next winter. Fishermen complained about the muddy water downstream.",
        );
        let copy = article(
            "copy",
            "Dam done\n\nEngineers completed the northern river dam on Friday after four years of delays and rising costs, reports Daily Planet. The governor praised the builders and promised lower electricity prices for every household next winter. Tourists are expected in spring.",
        );
        let edges = detect(&[&src, &copy], &[]);
        assert_eq!(edges.len(), 1, "{edges:?}");
        let e = &edges[0];
        assert_eq!((e.from, e.to, e.directed), (0, 1, true));
        assert!(e.passages.iter().any(|p| src.slice(p.from).starts_with("northern river dam")));
    }
}
