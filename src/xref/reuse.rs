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

use crate::base::map::{FastHash, Map};
use crate::base::text::Lowercase as _;
use crate::base::text::TextRange;
use crate::input::article::{Article, ParagraphKind, Sentence};
use crate::xref::align::{is_stopword, stem, SentencePair};
use crate::xref::diff::Interner;
use std::borrow::Cow;
use std::collections::HashMap;

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
/// occurrence, and seeds compare integers (quote groups use them too).
#[derive(Default)]
pub(crate) struct Stems<'t> {
    /// Lowercased words.
    words: Interner<'t>,
    /// Per lowercased word id: its stem id, or `None` for a stopword.
    of_word: Vec<Option<u32>>,
    /// Stems.
    ids: Interner<'t>,
    /// Barrier ids by (paragraph break?, byte offset): counted down from `u32::MAX`, so that a barrier matches
    /// no stem; two barriers of one kind at the same offset (of two articles) share theirs.
    barriers: HashMap<(bool, usize), u32, FastHash>,
}

impl<'t> Stems<'t> {
    fn id(&mut self, stem: String) -> u32 {
        self.ids.key(Cow::Owned(stem))
    }

    /// The barrier of a paragraph break (`paragraph`) or of quoted words at byte `start` (see
    /// [`Word::barrier`]).
    fn barrier(&mut self, paragraph: bool, start: usize) -> u32 {
        let next = u32::MAX - u32::try_from(self.barriers.len()).unwrap_or(u32::MAX);
        *self.barriers.entry((paragraph, start)).or_insert(next)
    }

    /// The stem id of a word of the text, `None` for a stopword.
    fn of(&mut self, word: &'t str) -> Option<u32> {
        self.word(word).1
    }

    /// The id of a word of the text (lowercased) and its stem id (`None` for a stopword).
    pub(crate) fn word(&mut self, word: &'t str) -> (u32, Option<u32>) {
        let w = self.words.id(word);
        if let Some(known) = self.of_word.get(w as usize) {
            return (w, *known);
        }
        let lower = word.lowercase();
        let stem = if is_stopword(&lower) { None } else { Some(self.id(stem(&lower))) };
        if self.of_word.len() == w as usize {
            self.of_word.push(stem);
        }
        (w, stem)
    }
}

fn words<'t>(article: &'t Article, q: &[bool], stems: &mut Stems<'t>) -> Vec<Word> {
    let mut out = Vec::new();
    let mut paragraph = None;
    for s in &article.sentences {
        // Paragraph breaks are barriers too: a passage stays within one paragraph on each side.
        if paragraph.is_some_and(|p| p != s.paragraph) && !out.last().is_some_and(|x: &Word| x.barrier) {
            if let Some(t) = s.tokens.first() {
                out.push(Word { stem: stems.barrier(true, t.start), range: *t, barrier: true });
            }
        }
        paragraph = Some(s.paragraph);
        for t in &s.tokens {
            if q.get(t.start).copied().unwrap_or(false) {
                if !out.last().is_some_and(|x: &Word| x.barrier) {
                    out.push(Word { stem: stems.barrier(false, t.start), range: *t, barrier: true });
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

/// One seed: a phrase at content-word position `i` of article `a` and at `j` of article `b` (`a < b`). The
/// seeds of the whole corpus are one flat vector, sorted once, so that each article pair's seeds are one run
/// of it in `(i, j)` order (a map of vectors filled in no key order cost a look-up and a push per seed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Seed {
    a: u32,
    b: u32,
    i: u32,
    j: u32,
}

/// All seeds of the corpus, sorted by article pair, then by position in each.
struct Seeds(Vec<Seed>);

impl Seeds {
    /// The article pairs that share a seed, in order.
    fn keys(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.0
            .chunk_by(|x, y| (x.a, x.b) == (y.a, y.b))
            .filter_map(|run| run.first())
            .map(|s| (s.a as usize, s.b as usize))
    }

    /// The seeds of one article pair as (position in `a`, position in `b`), sorted.
    fn of(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        let key = |s: &Seed| (s.a as usize, s.b as usize);
        let from = self.0.partition_point(|s| key(s) < (a, b));
        let to = self.0.partition_point(|s| key(s) <= (a, b));
        self.0.get(from..to).unwrap_or(&[]).iter().map(|s| (s.i as usize, s.j as usize)).collect()
    }
}

/// Finds reuse edges among `articles`; `pairs` are the sentence alignments (extra evidence for rewording).
pub fn detect(articles: &[&Article], pairs: &[SentencePair]) -> Vec<ReuseEdge> {
    let mut stems = Stems::default();
    // Which bytes of each article are quoted, found once per article.
    let masks: Vec<Vec<bool>> =
        articles.iter().map(|a| if a.is_english() { quoted(&a.text) } else { Vec::new() }).collect();
    let words: Vec<Vec<Word>> = articles
        .iter()
        .zip(&masks)
        .map(|(a, q)| if a.is_english() { words(a, q, &mut stems) } else { Vec::new() })
        .collect();
    let seeds = seed_pairs(&words, articles.len());
    let mut aligned: Map<(usize, usize), Vec<&SentencePair>> = Map::new();
    for p in pairs {
        aligned.entry((p.a.article, p.b.article)).or_default().push(p);
    }
    let mut keys: Vec<(usize, usize)> = seeds.keys().collect();
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
        let s = seeds.of(a, b);
        let found = one_to_one(passages(wa, wb, &s));
        let sentence_pairs = aligned.get(&(a, b)).map_or(&[][..], Vec::as_slice);
        let (qa, qb) = (masks.get(a).map_or(&[][..], Vec::as_slice), masks.get(b).map_or(&[][..], Vec::as_slice));
        let pair = Pair { a, b, aa, ab, wa, wb, qa, qb };
        if let Some(edge) = edge(&pair, &found, sentence_pairs, &mut cited) {
            out.push(edge);
        }
    }
    crate::base::order::sort_by_key(&mut out, |e| (e.from, e.to));
    out
}

/// One occurrence of a seed phrase: article, content-word position, and the next occurrence of the same phrase
/// (`u32::MAX`: none), so that the index keeps one flat list instead of a vector per phrase.
struct Post {
    article: u32,
    at: u32,
    next: u32,
}

/// Seed phrases shared by two articles, per article pair: every n-gram of stem ids through a hash index.
fn seed_pairs(words: &[Vec<Word>], articles: usize) -> Seeds {
    // Seed index: n-gram of stem ids → its first and last post and how many (posts chained in order of
    // article and position). Seeds in more than half the articles (and 3+) say nothing.
    let mut index: HashMap<[u32; SEED], (u32, u32, u32), FastHash> = HashMap::default();
    let mut posts: Vec<Post> = Vec::new();
    for (ai, ws) in words.iter().enumerate() {
        for (i, win) in ws.windows(SEED).enumerate() {
            let mut key = [0; SEED];
            for (k, w) in key.iter_mut().zip(win) {
                *k = w.stem;
            }
            let new = u32::try_from(posts.len()).unwrap_or(u32::MAX);
            posts.push(Post { article: ai as u32, at: i as u32, next: u32::MAX });
            let entry = index.entry(key).or_insert((new, new, 0));
            if entry.2 > 0 {
                if let Some(last) = posts.get_mut(entry.1 as usize) {
                    last.next = new;
                }
            }
            (entry.1, entry.2) = (new, entry.2 + 1);
        }
    }
    // Phrases shared by more than a quarter of the articles are the story's stock phrases (names, the
    // headline fact), not evidence that one article copied another; so are phrases in more than
    // MAX_SEED_ARTICLES articles, which keeps the seed pairs of a large corpus linear in its size.
    let limit = (articles / 4).clamp(3, MAX_SEED_ARTICLES);
    let mut seeds = Vec::new();
    let mut found: Vec<(u32, u32)> = Vec::new();
    for &(first, _, count) in index.values() {
        if count < 2 || count as usize > 4 * limit {
            continue;
        }
        found.clear();
        let mut at = first;
        while let Some(p) = posts.get(at as usize) {
            found.push((p.article, p.at));
            at = p.next;
        }
        let arts = 1 + found.windows(2).filter(|w| w.first().map(|p| p.0) != w.get(1).map(|p| p.0)).count();
        if arts < 2 || arts > limit {
            continue;
        }
        for (x, &(a, i)) in found.iter().enumerate() {
            for &(b, j) in found.iter().skip(x + 1) {
                if a < b {
                    seeds.push(Seed { a, b, i, j });
                } else if b < a {
                    seeds.push(Seed { a: b, b: a, i: j, j: i });
                }
            }
        }
    }
    seeds.sort_unstable();
    Seeds(seeds)
}

/// Two articles compared for reuse: their indices, the articles and their content words.
struct Pair<'p> {
    a: usize,
    b: usize,
    aa: &'p Article,
    ab: &'p Article,
    wa: &'p [Word],
    wb: &'p [Word],
    /// Which bytes of each article are quoted ([`quoted`]).
    qa: &'p [bool],
    qb: &'p [bool],
}

/// The reuse edge of an article pair, when its shared passages (`found`: start and end in each article's
/// content words, matched words), its sentences aligned closely or a run of rewritten sentences in the same
/// order ([`rewritten_run`]) are evidence enough.
fn edge(
    pair: &Pair,
    found: &[(usize, usize, usize, usize, usize)],
    sentence_pairs: &[&SentencePair],
    cited: &mut [Option<Vec<String>>],
) -> Option<ReuseEdge> {
    let Pair { a, b, aa, ab, wa, wb, .. } = *pair;
    let sentences = sentence_pairs.iter().filter(|p| p.lexical >= 0.5).count();
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
    let run = if is_reuse { None } else { rewritten_run(pair, sentence_pairs, found) };
    if !is_reuse && run.is_none() {
        return None;
    }
    let mut evidence = match &run {
        Some(run) => vec![run.explain(aa, ab)],
        None => vec![format!(
            "{} shared passage(s) cover {:.0}% of the shorter article's content words; {} sentence(s) are aligned closely",
            found.len(),
            text_share * 100.0,
            sentences
        )],
    };
    let (from, to, directed) = direction(aa, ab, a, b, &mut evidence, cited);
    evidence.extend(altered_quotes(pair, sentence_pairs));
    let run_share = run.as_ref().map_or(0.0, |r| r.pairs.len() as f64 / shorter_sentences as f64);
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
        score: crate::xref::align::round3(text_share.max(sentence_share).max(run_share).min(1.0)),
        evidence,
        passages: ps,
    })
}

/// Fewest sentence pairs in a [`RewrittenRun`] without a [`CopiedClause`].
pub const MIN_RUN: usize = 3;
/// Fewest content words (function words aside) of a passage that is a clause copied word for word.
const COPIED_CLAUSE: usize = 8;
/// Fewest words (outside quotes, function words included) two sentences keep in the same order to count as
/// one rewritten from the other.
const MIN_FRAME_WORDS: usize = 6;

/// Sentences of one article rewritten from the other's in the same order: what a machine paraphraser or a
/// rewriting desk leaves when it swaps most words but keeps each sentence's frame (its function words, names
/// and numbers in their order) and the order of the sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct RewrittenRun {
    /// The sentence pairs (sentence of the first article, sentence of the second), in order in both.
    pub pairs: Vec<(usize, usize)>,
    /// How many of them share under half their content words (the aligner's lexical overlap below 0.5).
    pub low_overlap: usize,
    /// The clause one of the pairs copies word for word, when the run needs it (a run of fewer than
    /// [`MIN_RUN`] pairs, or one covering less than a quarter of the shorter article).
    pub copied: Option<CopiedClause>,
}

/// A passage of `COPIED_CLAUSE` content words or more shared word for word by a sentence pair of a
/// [`RewrittenRun`]: a desk that rewords a story sentence by sentence keeps some clauses whole, while two
/// reports written apart rarely share that many words in a row outside quotes (the story's stock phrases,
/// shared by more articles, seed no passage).
#[derive(Debug, Clone, PartialEq)]
pub struct CopiedClause {
    /// The sentence pair (sentence of the first article, sentence of the second).
    pub pair: (usize, usize),
    /// Its content words.
    pub words: usize,
    /// The passage's text in the first article.
    pub text: String,
}

impl RewrittenRun {
    fn explain(&self, aa: &Article, ab: &Article) -> String {
        let list = |side: fn(&(usize, usize)) -> usize| {
            self.pairs.iter().map(|p| (side(p) + 1).to_string()).collect::<Vec<_>>().join(", ")
        };
        let clause = self.copied.as_ref().map_or_else(String::new, |c| {
            let shown = first_words(&c.text.split_whitespace().collect::<Vec<_>>());
            format!(
                "; sentence {} of \"{}\" and sentence {} of \"{}\" share a clause of {} content words word for word (\"{shown}\")",
                c.pair.0 + 1,
                aa.id,
                c.pair.1 + 1,
                ab.id,
                c.words
            )
        });
        format!(
            "{} sentences are rewritten in the same order in both (each keeps the other's words in their order outside quotes, at least half of the shorter sentence): sentences {} of \"{}\" and {} of \"{}\"; {} of the pairs share under half their content words{clause}",
            self.pairs.len(),
            list(|p| p.0),
            aa.id,
            list(|p| p.1),
            ab.id,
            self.low_overlap
        )
    }
}

/// A run of at least [`MIN_RUN`] aligned body sentences of `aa` and `ab` (from `sentence_pairs`), each pair
/// rewritten one from the other ([`frame_words`] at least [`MIN_FRAME_WORDS`] and half the shorter sentence,
/// quotes left out, since independent reports quote the same words), one to one and in the same order in
/// both, covering a quarter of the shorter article's body sentences or more. Independent reports of one event
/// share facts in a natural order, but each in its own sentence frame. A shorter run (one pair fewer) or one
/// covering less is a run when one of its pairs also shares a [`CopiedClause`] (`found`: the pair's
/// passages as [`edge`] takes them): a rewrite of a longer story, or of an excerpt cut short.
fn rewritten_run(
    pair: &Pair,
    sentence_pairs: &[&SentencePair],
    found: &[(usize, usize, usize, usize, usize)],
) -> Option<RewrittenRun> {
    let Pair { aa, ab, qa, qb, .. } = *pair;
    let body = |a: &Article| {
        a.sentences
            .iter()
            .filter(|s| a.paragraphs.get(s.paragraph).is_some_and(|p| p.kind == ParagraphKind::Body))
            .count()
    };
    let shorter = body(aa).min(body(ab));
    if sentence_pairs.len() + 1 < MIN_RUN || shorter < MIN_RUN {
        return None;
    }
    let mut rewritten: Vec<(usize, usize, bool)> = sentence_pairs
        .iter()
        .filter_map(|p| {
            let (sa, sb) = (body_sentence(aa, p.a.sentence)?, body_sentence(ab, p.b.sentence)?);
            let (xa, xb) = (unquoted_words(aa, sa, qa), unquoted_words(ab, sb, qb));
            let kept = frame_words(&xa, &xb);
            let rewritten = kept >= MIN_FRAME_WORDS && 2 * kept >= xa.len().min(xb.len());
            rewritten.then_some((p.a.sentence, p.b.sentence, p.lexical < 0.5))
        })
        .collect();
    crate::base::order::sort(&mut rewritten);
    let chain = longest_chain(&rewritten);
    let pairs: Vec<(usize, usize)> = chain.iter().map(|&(i, j, _)| (i, j)).collect();
    let copied = if chain.len() >= MIN_RUN && 4 * chain.len() >= shorter {
        None
    } else if chain.len() + 1 >= MIN_RUN {
        Some(copied_clause(pair, &pairs, found)?)
    } else {
        return None;
    };
    Some(RewrittenRun { pairs, low_overlap: chain.iter().filter(|p| p.2).count(), copied })
}

/// The longest passage of [`COPIED_CLAUSE`] content words or more that lies in one of the sentence `pairs`
/// on both sides (the first such pair on ties).
fn copied_clause(
    pair: &Pair,
    pairs: &[(usize, usize)],
    found: &[(usize, usize, usize, usize, usize)],
) -> Option<CopiedClause> {
    let Pair { aa, ab, wa, wb, .. } = *pair;
    let span = |ws: &[Word], from: usize, to: usize| -> Option<TextRange> {
        Some(TextRange::new(ws.get(from)?.range.start, ws.get(to.checked_sub(1)?)?.range.end))
    };
    let inside = |article: &Article, i: usize, r: TextRange| {
        article.sentences.get(i).is_some_and(|s| s.range.start < r.end && r.start < s.range.end)
    };
    let mut best: Option<CopiedClause> = None;
    for &(si, ei, sj, ej, words) in found.iter().filter(|p| p.4 >= COPIED_CLAUSE) {
        let (Some(ra), Some(rb)) = (span(wa, si, ei), span(wb, sj, ej)) else { continue };
        let Some(&at) = pairs.iter().find(|&&(i, j)| inside(aa, i, ra) && inside(ab, j, rb)) else { continue };
        if best.as_ref().is_none_or(|b| words > b.words) {
            best = Some(CopiedClause { pair: at, words, text: aa.slice(ra).to_string() });
        }
    }
    best
}

/// The sentence `i` of an article when it is in a body paragraph (headlines and headings are left out).
fn body_sentence(article: &Article, i: usize) -> Option<&Sentence> {
    let s = article.sentences.get(i)?;
    (article.paragraphs.get(s.paragraph)?.kind == ParagraphKind::Body).then_some(s)
}

/// The lowercased words of a sentence outside quotation marks.
fn unquoted_words(article: &Article, s: &Sentence, quoted: &[bool]) -> Vec<String> {
    s.tokens
        .iter()
        .filter(|t| !quoted.get(t.start).copied().unwrap_or(false))
        .map(|t| article.slice(*t).lowercase())
        .collect()
}

/// How many words two sentences keep in the same order (their longest common subsequence). Sentences are cut
/// to [`FRAME_WORDS_CAP`] words, which bounds the work on pathological input.
fn frame_words(a: &[String], b: &[String]) -> usize {
    let (a, b) = (a.get(..FRAME_WORDS_CAP).unwrap_or(a), b.get(..FRAME_WORDS_CAP).unwrap_or(b));
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (k, y) in b.iter().enumerate() {
            let above = row.get(k + 1).copied().unwrap_or(0);
            let left = row.get(k).copied().unwrap_or(0);
            let value = if x == y { diagonal + 1 } else { above.max(left) };
            diagonal = above;
            if let Some(slot) = row.get_mut(k + 1) {
                *slot = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// Most words of a sentence [`frame_words`] compares.
const FRAME_WORDS_CAP: usize = 120;
/// Most rewritten pairs of one article pair [`longest_chain`] orders (a bound on pathological input).
const CHAIN_CAP: usize = 400;

/// The longest chain of pairs increasing in both sentences (one to one), the earliest on ties; `pairs` sorted.
fn longest_chain(pairs: &[(usize, usize, bool)]) -> Vec<(usize, usize, bool)> {
    let pairs = pairs.get(..CHAIN_CAP).unwrap_or(pairs);
    // Per pair: the chain length ending there and the previous pair of that chain.
    let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(pairs.len());
    for (k, &(i, j, _)) in pairs.iter().enumerate() {
        let mut here = (1, None);
        for (m, &(pi, pj, _)) in pairs.iter().enumerate().take(k) {
            let len = best.get(m).map_or(0, |b| b.0);
            if pi < i && pj < j && len + 1 > here.0 {
                here = (len + 1, Some(m));
            }
        }
        best.push(here);
    }
    let mut end = best.iter().enumerate().fold(None, |acc: Option<(usize, usize)>, (k, b)| match acc {
        Some((_, len)) if len >= b.0 => acc,
        _ => Some((k, b.0)),
    });
    let mut chain = Vec::new();
    while let Some((k, _)) = end {
        if let Some(&p) = pairs.get(k) {
            chain.push(p);
        }
        end = best.get(k).and_then(|b| b.1).map(|m| (m, 0));
    }
    chain.reverse();
    chain
}

/// Aligned sentences of a reuse edge whose quoted words differ: a copy that altered its quotes (what machine
/// paraphrasers do, since they reword inside quotation marks too). One sentence naming how many and the
/// first example, or nothing.
fn altered_quotes(pair: &Pair, sentence_pairs: &[&SentencePair]) -> Option<String> {
    let Pair { aa, ab, qa, qb, .. } = *pair;
    // Curly and straight apostrophes are one character here ("it’s" and "it's" are the same word).
    let word = |w: &str| w.lowercase().replace('’', "'");
    let quoted_words =
        |article: &Article, i: usize, q: &[bool]| -> Vec<String> { quoted_in(article, i, q).map(word).collect() };
    let mut altered: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for p in sentence_pairs {
        // The same statement reworded inside: both quote three words or more, with the same first and last
        // words, half of the longer quote's words kept in order, but not all of the shorter one's (a quote cut
        // shorter or longer is not altered; different statements in aligned sentences rarely share both ends).
        // The cheap tests first: most aligned pairs quote nothing, and the order of words is a quadratic count.
        // Counted before any word is lowercased: most quote fewer than three words.
        if quoted_in(aa, p.a.sentence, qa).nth(2).is_none() || quoted_in(ab, p.b.sentence, qb).nth(2).is_none() {
            continue;
        }
        let (ends_a, ends_b) = (ends(quoted_in(aa, p.a.sentence, qa)), ends(quoted_in(ab, p.b.sentence, qb)));
        if ends_a.map(|(x, y)| (word(x), word(y))) != ends_b.map(|(x, y)| (word(x), word(y))) {
            continue;
        }
        let (xa, xb) = (quoted_words(aa, p.a.sentence, qa), quoted_words(ab, p.b.sentence, qb));
        let (shorter, longer) = (xa.len().min(xb.len()), xa.len().max(xb.len()));
        let kept = frame_words(&xa, &xb);
        if kept < shorter && 2 * kept >= longer {
            altered.push((xa, xb));
        }
    }
    let (xa, xb) = altered.first()?;
    let show = |words: &[String]| first_words(words);
    Some(format!(
        "the quoted words differ in {} aligned sentence pair(s), so the quotes were altered in copying (\"{}\" in \"{}\", \"{}\" in \"{}\")",
        altered.len(),
        show(xa),
        aa.id,
        show(xb),
        ab.id
    ))
}

/// The words of sentence `i` of an article that lie inside quotation marks (`q`: [`quoted`]).
fn quoted_in<'a>(article: &'a Article, i: usize, q: &'a [bool]) -> impl Iterator<Item = &'a str> + 'a {
    let tokens = article.sentences.get(i).map_or(&[][..], |s| s.tokens.as_slice());
    tokens.iter().filter(move |t| q.get(t.start).copied().unwrap_or(false)).map(|t| article.slice(*t))
}

/// The first and the last of some words (`None` when there are none).
fn ends<'w>(mut words: impl Iterator<Item = &'w str>) -> Option<(&'w str, &'w str)> {
    let first = words.next()?;
    Some((first, words.last().unwrap_or(first)))
}

/// Most words of a quote or a clause an explanation shows.
const QUOTE_WORDS_SHOWN: usize = 12;

/// Words as an explanation shows them: a long run by its first [`QUOTE_WORDS_SHOWN`] words and "…".
fn first_words<S: AsRef<str>>(words: &[S]) -> String {
    let joined = |ws: &[S]| ws.iter().map(AsRef::as_ref).collect::<Vec<&str>>().join(" ");
    match words.get(..QUOTE_WORDS_SHOWN) {
        Some(head) if words.len() > QUOTE_WORDS_SHOWN => format!("{} …", joined(head)),
        _ => joined(words),
    }
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
    // The sources each cites, found once per article and borrowed from then on.
    for (i, article) in [(a, aa), (b, ab)] {
        if let Some(slot @ None) = cited.get_mut(i) {
            *slot = Some(cited_sources(article));
        }
    }
    let (ca, cb) = match (cited.get(a), cited.get(b)) {
        (Some(Some(ca)), Some(Some(cb))) => (ca.as_slice(), cb.as_slice()),
        _ => (&[][..], &[][..]),
    };
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

    /// Aligned pairs as the aligner would hand them over: sentence i of the first article with sentence j of the
    /// second, at a low lexical overlap (so that only the order and the sentence frames can make reuse).
    fn aligned(pairs: &[(usize, usize)]) -> Vec<SentencePair> {
        pairs
            .iter()
            .map(|&(i, j)| SentencePair {
                a: crate::xref::align::SentenceKey { article: 0, sentence: i },
                b: crate::xref::align::SentenceKey { article: 1, sentence: j },
                score: 0.5,
                lexical: 0.3,
                ..SentencePair::default()
            })
            .collect()
    }

    const SOURCE: &str = "Bridge works end\n\nThe city council approved the new bridge over the river on Monday after a long debate.\nThe project will cost the city about 40 million dollars over the next five years.\nThe mayor said: \"We will rebuild the old bridge for everyone in this town.\"\nOpponents of the plan said the money should be spent on schools and on buses instead.\nWork on the bridge is expected to begin in the spring of next year.\n";

    /// Rewrites of [`SOURCE`] and whether each is reuse of it: a machine paraphrase (synonyms swapped
    /// throughout, sentence frames and order kept, the quote reworded too) is; an independent report of the
    /// same event in the same natural order, in its own sentences, is not; nor is the paraphrase when its
    /// sentences come in another order.
    #[test]
    fn rewrites_in_the_same_order_are_reuse_independent_reports_are_not() {
        const SPUN: &str = "Bridge plan approved\n\nThe town council accepted the new bridge across the river on Monday after a lengthy discussion.\nThe scheme will cost the town roughly 40 million dollars over the coming five years.\nThe mayor stated: \"We will reconstruct the old bridge for everybody in this town.\"\nCritics of the plan said the cash should be used on schools and on buses instead.\nConstruction on the bridge is expected to start in the spring of next year.\n";
        const INDEPENDENT: &str = "Council backs river crossing\n\nOn Monday, after hours of argument, councillors voted to build a bridge across the river.\nIts price tag, roughly 40 million dollars, will be paid over five years.\n\"It is a great day,\" the mayor told reporters.\nSchools and buses deserve that money more, critics argued.\nBuilders hope to break ground next spring.\n";
        const SHUFFLED: &str = "Bridge plan approved\n\nConstruction on the bridge is expected to start in the spring of next year.\nCritics of the plan said the cash should be used on schools and on buses instead.\nThe mayor stated: \"We will reconstruct the old bridge for everybody in this town.\"\nThe scheme will cost the town roughly 40 million dollars over the coming five years.\nThe town council accepted the new bridge across the river on Monday after a lengthy discussion.\n";
        let in_order = [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)];
        let reversed = [(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)];
        /// A case: its name, the rewrite, the aligned sentence pairs, whether it is reuse.
        type Case<'c> = (&'c str, &'c str, &'c [(usize, usize)], bool);
        let cases: &[Case] = &[
            ("machine paraphrase", SPUN, &in_order, true),
            ("independent report", INDEPENDENT, &[(1, 1), (2, 2), (4, 4), (5, 5)], false),
            ("paraphrase reordered", SHUFFLED, &reversed, false),
        ];
        let src = article("src", SOURCE);
        for &(name, text, pairs, reuse) in cases {
            let other = article("other", text);
            let edges = detect(&[&src, &other], &aligned(pairs));
            assert_eq!(edges.len(), usize::from(reuse), "{name}: {edges:?}");
            if let Some(e) = edges.first() {
                let evidence = e.evidence.join(" / ");
                assert!(evidence.contains("4 sentences are rewritten in the same order"), "{name}: {evidence}");
                assert!(evidence.contains("the quotes were altered"), "{name}: {evidence}");
                assert!(
                    evidence.contains("\"we will reconstruct the old bridge for everybody in this town\""),
                    "{evidence}"
                );
            }
        }
    }

    const LONG_SOURCE: &str = "Ferry line to close\n\nThe regional transport board voted on Thursday to close the island ferry line at the end of the summer season.\nThe ferry has carried passengers between the harbour and the island for more than sixty years.\nBoard members said the ageing vessel needed repairs that the budget could no longer cover.\nResidents of the island gathered outside the offices to protest against the decision.\nA shopkeeper said the closure would cut the island off from doctors, schools and markets.\nThe board promised a replacement bus service across the new causeway once it opens next spring.\nCritics noted that the causeway has already been delayed twice by flooding.\nThe last crossing is planned for the final weekend of September.\nTickets for the final crossings will go on sale next week.\nLocal historians plan an exhibition about the ferry at the town library.\n";

    /// A longer story rewritten by a desk that keeps only a few of its sentences (or an excerpt cut short):
    /// two rewritten sentences in the same order are reuse when one of them keeps a clause word for word
    /// (eight content words or more); the same two sentences each reworded throughout are not (independent
    /// reports share facts in order and a short phrase or two), nor is the clause in a pair out of order.
    #[test]
    fn two_rewritten_sentences_with_a_copied_clause_are_reuse() {
        let rewrite = |first: &str, kept: &str, swap: bool| {
            let mut lines = [
                "Island residents are angry after officials decided to shut down the ferry service when summer ends.",
                first,
                "Fishermen in the harbour say the boat is the only reliable link in winter.",
                "The council has not yet said what will happen to the crew.",
                "Weather forecasters expect a stormy autumn on the coast.",
                kept,
                "Several shops rely on tourists who arrive by boat.",
                "Ticket prices have risen twice in the past year.",
                "A protest march is planned for Saturday.",
                "The mayor will meet the board next month.",
            ];
            if swap {
                lines.swap(1, 5);
            }
            format!("Ferry anger\n\n{}\n", lines.join("\n"))
        };
        const FIRST: &str =
            "A regional transport board voted on Thursday to end the island ferry route at the close of the summer season.";
        const CLAUSE: &str =
            "The board promised a replacement bus service across the new causeway once it opens next spring, officials confirmed.";
        const REWORDED: &str =
            "The board offered a substitute coach service over the new causeway when it opens next spring.";
        /// A case: its name, the rewrite, the aligned sentence pairs, whether it is reuse.
        type Case<'c> = (&'c str, String, &'c [(usize, usize)], bool);
        let cases: &[Case] = &[
            ("a clause kept word for word", rewrite(FIRST, CLAUSE, false), &[(1, 2), (6, 6)], true),
            ("every sentence reworded", rewrite(FIRST, REWORDED, false), &[(1, 2), (6, 6)], false),
            ("the clause out of order", rewrite(FIRST, CLAUSE, true), &[(1, 6), (6, 2)], false),
        ];
        let src = article("src", LONG_SOURCE);
        for (name, text, pairs, reuse) in cases {
            let other = article("other", text);
            let edges = detect(&[&src, &other], &aligned(pairs));
            assert_eq!(edges.len(), usize::from(*reuse), "{name}: {edges:?}");
            if let Some(e) = edges.first() {
                let evidence = e.evidence.join(" / ");
                assert!(evidence.contains("2 sentences are rewritten in the same order"), "{name}: {evidence}");
                assert!(
                    evidence.contains("sentence 7 of \"src\" and sentence 7 of \"other\" share a clause of"),
                    "{evidence}"
                );
            }
        }
    }

    #[test]
    fn frame_words_and_chains() {
        let w = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        let frames: &[(&str, &str, usize)] = &[
            ("the council approved the bridge", "the council accepted the bridge", 4),
            ("a b c", "c b a", 1),
            ("", "a b", 0),
        ];
        for &(a, b, kept) in frames {
            assert_eq!(frame_words(&w(a), &w(b)), kept, "{a} / {b}");
        }
        /// Rewritten pairs (sorted) and the longest chain through them.
        type Chain<'c> = (&'c [(usize, usize, bool)], &'c [(usize, usize)]);
        let chains: &[Chain] = &[
            (&[(1, 1, false), (2, 5, false), (3, 2, false), (4, 3, false)], &[(1, 1), (3, 2), (4, 3)]),
            (&[(1, 3, false), (2, 2, false), (3, 1, false)], &[(1, 3)]),
            (&[(1, 1, false), (1, 2, false), (2, 2, false)], &[(1, 1), (2, 2)]),
            (&[], &[]),
        ];
        for &(pairs, want) in chains {
            let got: Vec<(usize, usize)> = longest_chain(pairs).iter().map(|&(i, j, _)| (i, j)).collect();
            assert_eq!(got, want, "{pairs:?}");
        }
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
