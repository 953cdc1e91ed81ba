//! Sentence alignment across articles: which sentences of different sources say the same thing.
//!
//! Candidates come from an inverted index over terms, never from all pairs, so the cost grows with the number
//! of sentences that share rare terms, not with the square of the corpus. Terms are lightly stemmed content
//! words outside entity names plus one term per resolved entity (a long name counts once), and a group term
//! for words of a word group (`data/synonyms.txt`), so that "purchase" meets "buy". Each candidate is
//! scored by IDF-weighted overlap (the lexical score: two thirds containment in the shorter sentence, one
//! third weighted Jaccard), topic terms weighing half; then features of the pair itself: shared phrases and
//! the same quote add, dates months apart subtract, the same dates and numbers add to pairs that already
//! share wording. A pair must share two words, one of them not a topic word (or the same quote), so a shared
//! topic alone never aligns two sentences; a heading with a body sentence needs a margin.
//! Every pair explains itself: the shared words (rarest first), the shared entities, dates and numbers.
//! This module must not group pairs into claims or judge sources; that is for `claims` and `reuse`.

#![warn(clippy::indexing_slicing)]

use crate::annotate::embed::{Embedding, Model};
use crate::base::map::{FastHash, Map, Set};
use crate::base::text::Lowercase as _;
use crate::input::article::{Article, ParagraphKind};
use std::collections::HashMap;

/// Most sentences a word may occur in and still propose candidate pairs (see [`Index::pairs`]).
pub const MAX_POSTING: usize = 200;

/// The most agreement can add to a lexical score (the same quote, three shared phrases, a date, a number).
const MAX_BONUS: f64 = SAME_QUOTE_BONUS + PHRASE_BONUS * 3.0 + 0.1 + 0.08;

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
    /// The cosine of the two sentences' embeddings, when the engine was given the embedding model.
    pub meaning: Option<f64>,
    /// Which evidence made the pair: shared words, meaning, or both.
    pub evidence: Evidence,
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

/// Which evidence aligned two sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Evidence {
    /// Their shared words (and what the annotations add) reach the threshold.
    #[default]
    Words,
    /// Their embeddings' cosine reaches it, their shared words do not: the same statement reworded.
    Meaning,
    /// Both do.
    Both,
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
    pub entities: Set<String>,
    /// Normalised date values at day or month grain (`2023-11-09`, `2024-10`).
    pub dates: Set<String>,
    /// Number values, written canonically (`14`, `60000000`).
    pub numbers: Set<String>,
    /// Byte spans of the names of resolved entities: their words count once, as the entity, not as words
    /// (a four-word organisation name is one shared thing, and two spellings of one name meet).
    pub names: Vec<crate::base::text::TextRange>,
    /// Direct quotes of two words or more, lowercased words joined by spaces: the same quoted words in two
    /// sentences are a sign of the same statement reported.
    pub quotes: Set<String>,
}

/// Share of its weight a topic word keeps (a word found in most articles of a bundle of three or more).
const TOPIC_WEIGHT: f64 = 0.5;
/// What a heading paired with a body sentence needs above the threshold.
const HEADING_MARGIN: f64 = 0.2;
/// What two sentences lose when their dates lie months apart.
const DATE_CONFLICT_PENALTY: f64 = 0.25;

/// The month number (year × 12 + month) of a normalised date (`2023-11-09`, `2024-10`).
fn month_of(value: &str) -> Option<i64> {
    let y: i64 = value.get(0..4)?.parse().ok()?;
    let m: i64 = value.get(5..7)?.parse().ok()?;
    Some(y * 12 + m)
}

/// Whether both sets hold dates and every date of one lies two months or more from every date of the other.
fn far_apart(a: &Set<String>, b: &Set<String>) -> bool {
    let ma: Vec<i64> = a.iter().filter_map(|v| month_of(v)).collect();
    let mb: Vec<i64> = b.iter().filter_map(|v| month_of(v)).collect();
    !ma.is_empty() && !mb.is_empty() && ma.iter().all(|x| mb.iter().all(|y| (x - y).abs() >= 2))
}

/// What the same quoted words (two words or more) add to the score.
const SAME_QUOTE_BONUS: f64 = 0.15;
/// What each shared phrase (two content words near each other in both sentences) adds to the score.
const PHRASE_BONUS: f64 = 0.05;

/// Words common in any news text that carry no fact of their own; alignment leaves them out (the other
/// stages keep them). General English knowledge.
#[rustfmt::skip]
const WEAK_WORDS: crate::base::lexicon::Words = crate::base::lexicon::Words(
    "two three four five between among because however although though despite including according since until against under through again once each both many much own same even still yet well how why now today time times year years day days way part new first last recent recently several made make makes take took get got see seen saw told tell say stated added thing things people like want wants without within out up down off there those every another whether around toward towards across being report reports reported reporting wrote writes confirmed noted explained asked",
);

/// Whether a term found in `in_articles` of `articles` articles, and in two sentences or more of
/// `recurring` of them, is a topic term: in three articles at least, in half of them or more, and recurring
/// in half of those. A fact every source reports is in most articles too, but once in each; and one article
/// repeating a word does not make it the story's topic.
fn is_topical(in_articles: usize, articles: usize, recurring: usize) -> bool {
    in_articles >= 3 && in_articles.saturating_mul(2) >= articles && recurring.saturating_mul(2) >= in_articles
}

/// Words too common to say anything about content.
pub const STOPWORDS: crate::base::lexicon::Words = crate::base::lexicon::Words(
    "a an the and or but of to in on at by for with from as is are was were be been being it its this that these those he she his her they their them we our you your i my me us him not no so if than then also has have had do does did will would can could should may might which who whom what when where while there here about into over after before during such just very all any some more most other only s t said says one",
);

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

/// Common English irregular verb forms and their base form (general English knowledge), so that "spoke"
/// meets "speak" and "began" meets "begin" where suffix stripping cannot reach.
#[rustfmt::skip]
const IRREGULAR: crate::base::lexicon::Pairs = crate::base::lexicon::Pairs(
    "began:begin begun:begin brought:bring built:build bought:buy came:come chose:choose chosen:choose did:do done:do drew:draw drawn:draw drove:drive driven:drive fell:fall fallen:fall felt:feel fled:flee flew:fly flown:fly fought:fight found:find gave:give given:give went:go gone:go grew:grow grown:grow held:hold hit:hit kept:keep knew:know known:know led:lead left:leave lost:lose made:make meant:mean met:meet paid:pay ran:run rose:rise risen:rise sank:sink saw:see seen:see sent:send shot:shoot shut:shut sold:sell spoke:speak spoken:speak spent:spend stood:stand stole:steal stolen:steal struck:strike swore:swear sworn:swear took:take taken:take taught:teach thought:think threw:throw thrown:throw told:tell understood:understand woke:wake won:win wore:wear wrote:write written:write withdrew:withdraw withdrawn:withdraw",
);

/// The stem of a word's base form: the base of an irregular verb, else [`stem`], with a doubled final
/// consonant made single ("skipped" and "skip", "planned" and "plan" meet).
fn base(word: &str) -> String {
    let mut st = match IRREGULAR.get(word) {
        Some(base) => stem(base),
        None => stem(word),
    };
    let mut tail = st.chars().rev();
    if let (Some(x), Some(y)) = (tail.next(), tail.next()) {
        if x == y && x.is_ascii_alphabetic() && !"aeiou".contains(x) && st.len() >= 5 {
            st.pop();
        }
    }
    st
}

/// Word groups of `data/synonyms.txt`: the base of each listed word and the base of its group's first word.
fn synonyms() -> &'static Map<String, String> {
    static CELL: std::sync::OnceLock<Map<String, String>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let mut map = Map::new();
        let lines = include_str!("../../data/synonyms.txt").lines().map(str::trim);
        for line in lines.filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let Some(head) = line.split_whitespace().next().map(base) else { continue };
            for w in line.split_whitespace() {
                map.entry(base(w)).or_insert_with(|| head.clone());
            }
        }
        map
    })
}

/// The term a word is indexed under: the stem of its base form (irregular verbs to their base, a doubled
/// final consonant made single). A word of a word group (`data/synonyms.txt`) is indexed under its group
/// too, as `~` and the term of the group's first word ([`group_term`]).
pub fn term(word: &str) -> String {
    base(word)
}

/// The group term of a word's term, when the word belongs to a word group: "purchase" and "buy" both give
/// `~buy`. A group term weighs less than a word (0.8 of its IDF) and is its own term, so that a group
/// does not make its words a topic.
pub fn group_term(term: &str) -> Option<String> {
    synonyms().get(term).map(|head| format!("~{head}"))
}

/// Share of its weight a group term keeps: the same word is stronger evidence than a word of its group.
const GROUP_WEIGHT: f64 = 0.8;

/// The terms of one lowercased word (possessive ending already off): its term and its group term, or `None`
/// for a stopword, a weak word or a weekday or month name (dates are compared as values, `same_dates`, not as
/// words).
fn word_terms(w: &str) -> Option<(String, Option<String>)> {
    let calendar = crate::base::lexicon::weekday_number(w).is_some() || crate::base::lexicon::month_number(w).is_some();
    if is_stopword(w) || WEAK_WORDS.contains(w) || calendar {
        return None;
    }
    let st = term(w);
    let group = group_term(&st);
    Some((st, group))
}

/// A token's lowercased form and possessive ending off (the surface of its terms).
fn surface_of(lower: &str) -> &str {
    lower.trim_end_matches("’s").trim_end_matches("'s")
}

/// Whether a token lies inside one of the entity names of its sentence.
fn in_names(names: &[crate::base::text::TextRange], t: crate::base::text::TextRange) -> bool {
    names.iter().any(|n| n.start <= t.start && t.end <= n.end)
}

/// The terms of one sentence: (term, surface) for its content words outside entity names, each followed by
/// its group term when it has one, then one `@key` term per entity it mentions (surface: the key),
/// duplicates removed.
pub fn terms(article: &Article, sentence: usize, signals: Option<&SentenceSignals>) -> Vec<(String, String)> {
    let Some(s) = article.sentences.get(sentence) else { return Vec::new() };
    if article.paragraphs.get(s.paragraph).is_some_and(|p| p.kind == ParagraphKind::Furniture) {
        return Vec::new();
    }
    let names: &[crate::base::text::TextRange] = signals.map(|g| g.names.as_slice()).unwrap_or(&[]);
    let mut out: Vec<(String, String)> = Vec::new();
    for t in s.tokens.iter().filter(|t| !in_names(names, **t)) {
        let lower = article.slice(*t).lowercase();
        let w = surface_of(&lower);
        let Some((st, group)) = word_terms(w) else { continue };
        if !out.iter().any(|(x, _)| *x == st) {
            out.push((st, w.to_string()));
        }
        if let Some(g) = group.filter(|g| !out.iter().any(|(x, _)| x == g)) {
            out.push((g, w.to_string()));
        }
    }
    for e in signals.map(|g| &g.entities).into_iter().flatten() {
        out.push((format!("@{e}"), e.clone()));
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
    let mut seen: Set<String> = Set::new();
    for t in &s.tokens {
        let w = article.slice(*t).lowercase();
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
    w.chars().count() < 2 && !w.chars().all(char::is_numeric) || STOPWORDS.contains(w)
}

/// The word behind a term in one sentence: as written there (lowercased, possessive off; an entity term's is
/// its key), as an id into the index's table of surfaces, and its own term, which for a group term tells which
/// word of the group the sentence used.
#[derive(Debug, Clone, Copy)]
struct Surface {
    text: u32,
    term: u32,
}

/// Pairs of terms that stand near each other in a sentence's term order (at most one term between them),
/// each pair written smaller id first, sorted, duplicates removed.
fn near_pairs(seq: &[u32]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (i, &p) in seq.iter().enumerate() {
        for &q in seq.iter().skip(i + 1).take(2) {
            if p != q {
                out.push((p.min(q), p.max(q)));
            }
        }
    }
    crate::base::order::sort(&mut out);
    out.dedup();
    out
}

/// One written form of a word (a token's text as written), as the index saw it: the id of its lowercased form
/// (two forms with the same lowercased form share it), its surface's id (see [`Surface`]), and its term ids once
/// they were asked for (`Some(None)`: no content word).
struct WordForm {
    lower: u32,
    surface: u32,
    terms: Option<Option<(u32, Option<u32>)>>,
}

/// What [`Index::build_with`] computes once per corpus rather than once per token: the term ids of each term,
/// each written form's lowercased form, surface and term ids, and the ids of lowercased forms and surfaces.
#[derive(Default)]
struct Vocabulary<'a> {
    ids: HashMap<String, u32, FastHash>,
    forms: HashMap<&'a str, WordForm, FastHash>,
    lowers: HashMap<String, u32, FastHash>,
    surfaces: HashMap<String, u32, FastHash>,
}

/// The id of `key` in `ids`, numbered in the order keys are first met; a new key is pushed onto `table` too
/// when one is given.
fn intern(ids: &mut HashMap<String, u32, FastHash>, key: &str, table: Option<&mut Vec<String>>) -> u32 {
    if let Some(&id) = ids.get(key) {
        return id;
    }
    let id = u32::try_from(ids.len()).unwrap_or(u32::MAX);
    ids.insert(key.to_string(), id);
    if let Some(t) = table {
        t.push(key.to_string());
    }
    id
}

impl<'a> Vocabulary<'a> {
    /// The written form `text`, lowercased on first sight (its surface kept in `surfaces`).
    fn form(&mut self, text: &'a str, surfaces: &mut Vec<String>) -> &WordForm {
        let (lowers, table) = (&mut self.lowers, &mut self.surfaces);
        self.forms.entry(text).or_insert_with(|| {
            let lower = text.lowercase();
            let surface = intern(table, surface_of(&lower), Some(surfaces));
            WordForm { lower: intern(lowers, &lower, None), surface, terms: None }
        })
    }

    /// The lowercased words of a sentence in order (all of them) as ids, for verbatim comparison: two
    /// sentences have the same ids when they have the same words, case aside.
    fn all_words(&mut self, article: &'a Article, sentence: usize, surfaces: &mut Vec<String>) -> Vec<u32> {
        let tokens = article.sentences.get(sentence).map(|s| s.tokens.as_slice()).unwrap_or(&[]);
        tokens.iter().map(|t| self.form(article.slice(*t), surfaces).lower).collect()
    }
}

/// An inverted index over the sentences of a corpus, with IDF weights; answers both "which pairs align" and
/// "how similar are these two sentences" (used by `claims` to keep groups from chaining).
#[derive(Debug, Clone, Default)]
pub struct Index {
    keys: Vec<SentenceKey>,
    bags: Vec<Vec<u32>>,
    surface: Vec<Map<u32, Surface>>,
    /// The surfaces of [`Surface::text`], by id.
    surfaces: Vec<String>,
    words: Vec<String>,
    idf: Vec<f64>,
    weight: Vec<f64>,
    position: HashMap<SentenceKey, usize, FastHash>,
    signals: Vec<SentenceSignals>,
    /// Each sentence's words as ids of their lowercased forms (see `Vocabulary::all_words`).
    plain: Vec<Vec<u32>>,
    /// Each term's place in the order shared words are shown in: rarest (highest IDF) first, then by the
    /// term's text.
    rank: Vec<u32>,
    /// Word terms (no entities) of each sentence in their order, for shared phrases.
    order: Vec<Vec<u32>>,
    /// The near term pairs of each sentence (see [`near_pairs`]), sorted: made once per sentence, compared per
    /// candidate pair.
    near: Vec<Vec<(u32, u32)>>,
    /// Whether a term is a topic term (found in most articles of a bundle of three or more).
    topical: Vec<bool>,
    /// Whether an indexed sentence is a headline or sub-heading.
    heading: Vec<bool>,
    /// Each indexed sentence's embedding (empty when the index was built without a model).
    meaning: Vec<Embedding>,
}

impl Index {
    /// Indexes the English sentences of `articles`. `signals[i][s]`, when present, are the annotations of
    /// sentence `s` of article `i`.
    pub fn build(articles: &[&Article], signals: &[Vec<SentenceSignals>]) -> Index {
        Index::build_with(articles, signals, None)
    }

    /// [`Index::build`], and with a model each indexed sentence's embedding, so that pairs can be compared by
    /// meaning as well as by wording.
    pub fn build_with(articles: &[&Article], signals: &[Vec<SentenceSignals>], model: Option<&Model>) -> Index {
        let mut ix = Index::default();
        let mut vocab = Vocabulary::default();
        for (ai, a) in articles.iter().enumerate() {
            if !a.is_english() {
                continue;
            }
            for si in 0..a.sentences.len() {
                ix.add_sentence(a, SentenceKey { article: ai, sentence: si }, signals, &mut vocab, model);
            }
        }
        let n_articles = articles.iter().filter(|a| a.is_english()).count();
        ix.weigh(n_articles);
        // Centred on the corpus's mean sentence: static embeddings of news sentences all share a large
        // common part, and only what a sentence has beyond it tells one fact from another.
        let mean = Embedding::mean(&ix.meaning);
        ix.meaning = ix.meaning.iter().map(|e| e.centred(&mean)).collect();
        ix
    }

    /// The term id of `term`, numbered in the order terms are first met.
    fn term_id(&mut self, vocab: &mut Vocabulary<'_>, term: String) -> u32 {
        let next = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        *vocab.ids.entry(term).or_insert_with_key(|t| {
            self.words.push(t.clone());
            next
        })
    }

    /// The term ids of a token (`None` for no content word), looked up once per written form of a word.
    fn token_terms<'a>(&mut self, vocab: &mut Vocabulary<'a>, text: &'a str) -> Option<(u32, Option<u32>)> {
        if let Some(known) = vocab.forms.get(text).and_then(|f| f.terms) {
            return known;
        }
        let lower = vocab.form(text, &mut self.surfaces).surface;
        let lower = self.surfaces.get(lower as usize).cloned().unwrap_or_default();
        let found = match word_terms(&lower) {
            Some((st, group)) => {
                let t = self.term_id(vocab, st);
                Some((t, group.map(|g| self.term_id(vocab, g))))
            }
            None => None,
        };
        if let Some(f) = vocab.forms.get_mut(text) {
            f.terms = Some(found);
        }
        found
    }

    /// The term ids of one sentence in the order of [`terms`] (duplicates removed, entities last) and the
    /// surface of each.
    fn sentence_terms<'a>(
        &mut self,
        a: &'a Article,
        si: usize,
        sig: Option<&SentenceSignals>,
        vocab: &mut Vocabulary<'a>,
    ) -> (Vec<u32>, Map<u32, Surface>) {
        let mut surface = Map::new();
        let mut ids: Vec<u32> = Vec::new();
        let Some(s) = a.sentences.get(si) else { return (ids, surface) };
        if a.paragraphs.get(s.paragraph).is_some_and(|p| p.kind == ParagraphKind::Furniture) {
            return (ids, surface);
        }
        let names: &[crate::base::text::TextRange] = sig.map(|g| g.names.as_slice()).unwrap_or(&[]);
        for t in s.tokens.iter().filter(|t| !in_names(names, **t)) {
            let text = a.slice(*t);
            let Some((st, group)) = self.token_terms(vocab, text) else { continue };
            for id in std::iter::once(st).chain(group) {
                if !ids.contains(&id) {
                    ids.push(id);
                    let w = vocab.forms.get(text).map_or(0, |f| f.surface);
                    surface.entry(id).or_insert(Surface { text: w, term: st });
                }
            }
        }
        for e in sig.map(|g| &g.entities).into_iter().flatten() {
            let id = self.term_id(vocab, format!("@{e}"));
            let text = intern(&mut vocab.surfaces, e, Some(&mut self.surfaces));
            surface.entry(id).or_insert(Surface { text, term: id });
            ids.push(id);
        }
        (ids, surface)
    }

    /// Indexes one sentence (one with two terms or more).
    fn add_sentence<'a>(
        &mut self,
        a: &'a Article,
        key: SentenceKey,
        signals: &[Vec<SentenceSignals>],
        vocab: &mut Vocabulary<'a>,
        model: Option<&Model>,
    ) {
        let si = key.sentence;
        let sig = signals.get(key.article).and_then(|g| g.get(si));
        let (mut ids, surface) = self.sentence_terms(a, si, sig, vocab);
        let order = self.phrase_order(&ids);
        crate::base::order::sort(&mut ids);
        ids.dedup();
        if ids.len() < 2 {
            return;
        }
        self.near.push(near_pairs(&order));
        self.order.push(order);
        let kind = a.sentences.get(si).and_then(|s| a.paragraphs.get(s.paragraph)).map(|p| p.kind);
        self.heading.push(matches!(kind, Some(ParagraphKind::Headline | ParagraphKind::Heading)));
        self.position.insert(key, self.keys.len());
        self.keys.push(key);
        self.bags.push(ids);
        self.surface.push(surface);
        self.signals.push(sig.cloned().unwrap_or_default());
        self.plain.push(vocab.all_words(a, si, &mut self.surfaces));
        if let Some(m) = model {
            self.meaning.push(a.sentences.get(si).map(|s| m.embed(a.slice(s.range))).unwrap_or_default());
        }
    }

    /// The word terms of a sentence in their order, for shared phrases. A word of a word group stands in the
    /// order as its group, so that phrases meet across synonyms ("rather than" and "instead of" before the
    /// same word); entities are left out.
    fn phrase_order(&self, ids: &[u32]) -> Vec<u32> {
        let mut order: Vec<u32> = Vec::new();
        for &i in ids {
            match self.words.get(i as usize).map(|t| t.as_bytes().first()) {
                Some(Some(b'~')) => {
                    if let Some(last) = order.last_mut() {
                        *last = i;
                    }
                }
                Some(Some(b'@')) | None => {}
                Some(_) => order.push(i),
            }
        }
        order
    }

    /// The IDF weights of the terms, topic terms (see `is_topical`) keeping part of their weight
    /// (`TOPIC_WEIGHT`): they say what the story is about, not which fact a sentence states.
    fn weigh(&mut self, n_articles: usize) {
        let n = self.bags.len().max(1) as f64;
        let mut df = vec![0u32; self.words.len()];
        for ids in &self.bags {
            for &w in ids {
                if let Some(d) = df.get_mut(w as usize) {
                    *d += 1;
                }
            }
        }
        let (article_df, repeated) = self.spread();
        // Entities are terms like words: one found in most articles, recurring, is the story's protagonist
        // and weighs as a topic term.
        self.topical = article_df.iter().zip(&repeated).map(|(&ad, &rep)| is_topical(ad, n_articles, rep)).collect();
        self.idf = df
            .iter()
            .zip(&self.topical)
            .zip(&self.words)
            .map(|((&d, &topical), word)| {
                let mut idf = (1.0 + n / f64::from(d.max(1))).ln();
                if word.starts_with('~') {
                    idf *= GROUP_WEIGHT;
                }
                if topical {
                    idf * TOPIC_WEIGHT
                } else {
                    idf
                }
            })
            .collect();
        self.weight = self.bags.iter().map(|ids| ids.iter().map(|&w| self.idf_of(w)).sum()).collect();
        let mut order: Vec<u32> = (0..u32::try_from(self.words.len()).unwrap_or(u32::MAX)).collect();
        crate::base::order::sort_by(&mut order, |p, q| {
            self.idf_of(*q)
                .total_cmp(&self.idf_of(*p))
                .then_with(|| self.words.get(*p as usize).cmp(&self.words.get(*q as usize)))
        });
        self.rank = vec![0; order.len()];
        for (place, &w) in order.iter().enumerate() {
            if let Some(r) = self.rank.get_mut(w as usize) {
                *r = u32::try_from(place).unwrap_or(u32::MAX);
            }
        }
    }

    /// Per term: the number of articles it is in, and the number of articles in which it recurs (two
    /// sentences or more).
    fn spread(&self) -> (Vec<usize>, Vec<usize>) {
        let mut article_df = vec![0usize; self.words.len()];
        let mut repeated = vec![0usize; self.words.len()];
        // The last article a term was seen in, and its count there.
        let mut last_seen = vec![(usize::MAX, 0usize); self.words.len()];
        for (key, ids) in self.keys.iter().zip(&self.bags) {
            for &w in ids {
                let w = w as usize;
                if let (Some(seen), Some(df), Some(rep)) =
                    (last_seen.get_mut(w), article_df.get_mut(w), repeated.get_mut(w))
                {
                    if seen.0 != key.article {
                        *seen = (key.article, 0);
                        *df += 1;
                    }
                    seen.1 += 1;
                    if seen.1 == 2 {
                        *rep += 1;
                    }
                }
            }
        }
        (article_df, repeated)
    }

    fn idf_of(&self, w: u32) -> f64 {
        self.idf.get(w as usize).copied().unwrap_or(0.0)
    }

    /// Number of indexed sentences.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// The indexed sentences, in article order and within an article in sentence order.
    pub fn keys(&self) -> &[SentenceKey] {
        &self.keys
    }

    /// Whether nothing was indexed.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether two sentences both carry dates and every date of one lies months from every date of the
    /// other: they tell of two happenings, whatever their wording.
    pub fn dates_conflict(&self, a: SentenceKey, b: SentenceKey) -> bool {
        let (Some(&x), Some(&y)) = (self.position.get(&a), self.position.get(&b)) else { return false };
        match (self.signals.get(x), self.signals.get(y)) {
            (Some(sa), Some(sb)) => far_apart(&sa.dates, &sb.dates),
            _ => false,
        }
    }

    /// The similarity of two sentences: the lexical score, plus what their meaning adds when the index has
    /// embeddings (see [`meaning_score`]); 0 when either sentence is not indexed.
    pub fn similarity(&self, a: SentenceKey, b: SentenceKey) -> f64 {
        let (Some(&x), Some(&y)) = (self.position.get(&a), self.position.get(&b)) else { return 0.0 };
        let (Some(bx), Some(by)) = (self.bags.get(x), self.bags.get(y)) else { return 0.0 };
        let shared: f64 = bx.iter().filter(|w| by.binary_search(w).is_ok()).map(|&w| self.idf_of(w)).sum();
        let meaning = self.cosine(x, y).map_or(0.0, meaning_score);
        self.lexical(x, y, shared) + meaning
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

    /// How many pairs of terms stand near each other (at most one content word between them) in both
    /// sentences, in either order: "river crossing" and "crossing of the river" share one. Two topic
    /// words together are still the topic, and do not count.
    pub fn shared_phrases(&self, x: usize, y: usize) -> usize {
        let (Some(nx), Some(ny)) = (self.near.get(x), self.near.get(y)) else { return 0 };
        // A group term gathers several words, so its spread says less than a word's: in a phrase it never counts
        // as topical.
        let topical = |w: u32| {
            self.topical.get(w as usize).copied().unwrap_or(false)
                && !self.words.get(w as usize).is_some_and(|t| t.starts_with('~'))
        };
        nx.iter().filter(|p| ny.binary_search(p).is_ok() && !(topical(p.0) && topical(p.1))).count()
    }

    /// Whether a term both sentences have counts as a shared word: not an entity, and a group term only where
    /// the two sentences use different words of the group.
    fn is_shared_word(&self, x: usize, y: usize, w: u32) -> bool {
        match self.words.get(w as usize) {
            Some(t) if t.starts_with('~') => self.synonym_pair(x, y, w).is_some(),
            Some(t) => !t.starts_with('@'),
            None => false,
        }
    }

    /// The two words behind a shared group term `w` when they differ ("purchase", "buy"); `None` for any
    /// other term, or when both sentences use the same word (the word itself is shared then).
    fn synonym_pair(&self, x: usize, y: usize, w: u32) -> Option<(&str, &str)> {
        let (mine, theirs) = (self.surface.get(x)?.get(&w)?, self.surface.get(y)?.get(&w)?);
        if !self.words.get(w as usize)?.starts_with('~') || mine.term == theirs.term {
            return None;
        }
        Some((self.surfaces.get(mine.text as usize)?, self.surfaces.get(theirs.text as usize)?))
    }

    /// The aligned pairs at `threshold`, sorted by `(a, b)`.
    pub fn pairs(&self, threshold: f64) -> Vec<SentencePair> {
        let n = self.bags.len() as f64;
        // Words in more than a tenth of all sentences (and at least 50) do not propose candidates, nor do
        // words in more than MAX_POSTING sentences: such a word is the vocabulary of the whole corpus, and
        // pairs that share nothing rarer are not the same fact. The fixed ceiling keeps the candidates of a
        // large corpus linear in its size (each proposing word pairs at most MAX_POSTING sentences).
        let cap = ((n * 0.1) as usize).clamp(50, MAX_POSTING);
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
                *p = Vec::new();
            }
        }
        let mut out = Vec::new();
        // Shared weight and count per candidate, in dense arrays reset through the list of touched entries.
        let mut shared_weight: Vec<(f64, usize)> = vec![(0.0, 0); self.bags.len()];
        let mut touched: Vec<usize> = Vec::new();
        for (bi, ids) in self.bags.iter().enumerate() {
            let Some(key) = self.keys.get(bi) else { continue };
            for &w in ids {
                for &other in postings.get(w as usize).map(Vec::as_slice).unwrap_or(&[]) {
                    if other > bi && self.keys.get(other).is_some_and(|k| k.article != key.article) {
                        if let Some(e) = shared_weight.get_mut(other) {
                            if e.1 == 0 {
                                touched.push(other);
                            }
                            e.0 += self.idf_of(w);
                            e.1 += 1;
                        }
                    }
                }
            }
            // In the order candidates were met: each pair is judged alone, and `out` is sorted at the end.
            for &other in &touched {
                let (shared, count) = shared_weight.get(other).copied().unwrap_or((0.0, 0));
                if let Some(p) = self.pair(bi, other, shared, count, threshold) {
                    out.push(p);
                }
                if let Some(e) = shared_weight.get_mut(other) {
                    *e = (0.0, 0);
                }
            }
            touched.clear();
        }
        crate::base::order::sort_by_key(&mut out, |p| (p.a, p.b));
        out
    }

    /// The cosine of two indexed sentences' embeddings, when the index has them.
    fn cosine(&self, x: usize, y: usize) -> Option<f64> {
        Some(f64::from(self.meaning.get(x)?.cosine(self.meaning.get(y)?)))
    }

    /// Two indexed sentences judged as [`Index::pairs`] judges a candidate: the pair if it aligns at
    /// `threshold` (`None` also when either sentence is not indexed). For evaluations of single pairs.
    pub fn judge(&self, a: SentenceKey, b: SentenceKey, threshold: f64) -> Option<SentencePair> {
        let (&x, &y) = (self.position.get(&a)?, self.position.get(&b)?);
        let (bx, by) = (self.bags.get(x)?, self.bags.get(y)?);
        let common: Vec<u32> = bx.iter().copied().filter(|w| by.binary_search(w).is_ok()).collect();
        let shared = common.iter().map(|&w| self.idf_of(w)).sum();
        self.pair(x, y, shared, common.len(), threshold)
    }

    /// The lexical score and the embeddings' cosine (when the index has embeddings) of two indexed sentences.
    pub fn scores(&self, a: SentenceKey, b: SentenceKey) -> Option<(f64, Option<f64>)> {
        let (&x, &y) = (self.position.get(&a)?, self.position.get(&b)?);
        let (bx, by) = (self.bags.get(x)?, self.bags.get(y)?);
        let shared: f64 = bx.iter().filter(|w| by.binary_search(w).is_ok()).map(|&w| self.idf_of(w)).sum();
        Some((self.lexical(x, y, shared), self.cosine(x, y)))
    }

    /// Whether the index compares sentences by meaning (it was built with a model).
    pub fn has_meaning(&self) -> bool {
        !self.meaning.is_empty()
    }

    /// The pair `x`, `y` if it aligns at `threshold`: by its wording (the lexical score with what the
    /// annotations add), with its meaning (the embeddings' cosine) adding to that, or both.
    fn pair(&self, x: usize, y: usize, shared: f64, count: usize, threshold: f64) -> Option<SentencePair> {
        let lexical = self.lexical(x, y, shared);
        // Too far below the threshold for any agreement bonus or the meaning to lift it, the pair fails
        // whatever the annotations say: skip comparing them (and their embeddings, when even the most the
        // meaning can add would not do).
        let most = if lexical >= threshold * 0.6 { MAX_BONUS } else { SAME_QUOTE_BONUS };
        // A pair sharing a single term never aligns, whatever its meaning: most candidates of a large corpus
        // share one, and comparing all their embeddings and annotations would cost more than the rest of
        // alignment.
        let most_meaning = if self.has_meaning() { meaning_score(1.0) } else { 0.0 };
        if count < 2 || lexical + most + most_meaning + 1e-9 < threshold {
            return None;
        }
        let cos = self.cosine(x, y);
        let meaning = cos.map_or(0.0, meaning_score);
        if lexical + most + meaning + 1e-9 < threshold {
            return None;
        }
        let ag = self.agreement(x, y)?;
        // A heading sums a story up in few words; with a body sentence it needs a clear margin.
        let margin = if self.heading.get(x) == self.heading.get(y) { 0.0 } else { HEADING_MARGIN };
        // A shared topic alone never aligns by wording: two shared words at least, one of them not a topic
        // word (or the same quoted words).
        let worded = count >= 2 && ag.words >= 2 && (ag.telling > 0 || ag.same_quote);
        let words = if worded { (lexical + ag.bonus(count, lexical, threshold)).min(1.0) } else { 0.0 };
        // Meaning adds to the wording; it never joins two happenings dated months apart.
        let meaning = if ag.far_apart || !ag.anchored { 0.0 } else { meaning };
        let score = (words + meaning).min(1.0);
        if score < threshold + margin {
            return None;
        }
        let evidence = match (words >= threshold + margin, meaning > 0.0) {
            (true, true) => Evidence::Both,
            (true, false) => Evidence::Words,
            (false, _) => Evidence::Meaning,
        };
        Some(self.explained(x, y, PairScores { score, lexical, cos, evidence }))
    }

    /// What two sentences share besides their wording score.
    fn agreement(&self, x: usize, y: usize) -> Option<Agreement> {
        let (ids, oids) = (self.bags.get(x)?, self.bags.get(y)?);
        let (sa, sb) = (self.signals.get(x)?, self.signals.get(y)?);
        // What the pair shares beyond entities, and beyond the story's topic words.
        let is_topical = |w: u32| self.topical.get(w as usize).copied().unwrap_or(false);
        let (mut words, mut telling) = (0, 0);
        for &w in ids.iter().filter(|w| oids.binary_search(w).is_ok() && self.is_shared_word(x, y, **w)) {
            words += 1;
            telling += usize::from(!is_topical(w));
        }
        let anchored = ids.iter().any(|w| oids.binary_search(w).is_ok());
        Some(Agreement {
            same_dates: sa.dates.intersection(&sb.dates).next().is_some(),
            same_numbers: sa.numbers.intersection(&sb.numbers).next().is_some(),
            phrases: self.shared_phrases(x, y),
            words,
            telling,
            anchored,
            same_quote: sa.quotes.intersection(&sb.quotes).next().is_some(),
            far_apart: far_apart(&sa.dates, &sb.dates),
        })
    }

    /// The pair as the export shows it: shared words rarest first, a word met through its group as both
    /// forms ("purchase/buy").
    fn explained(&self, x: usize, y: usize, scores: PairScores) -> SentencePair {
        let (key, okey) =
            (self.keys.get(x).copied().unwrap_or_default(), self.keys.get(y).copied().unwrap_or_default());
        let (ids, oids) =
            (self.bags.get(x).map(Vec::as_slice).unwrap_or(&[]), self.bags.get(y).map(Vec::as_slice).unwrap_or(&[]));
        let mut common: Vec<u32> = ids.iter().copied().filter(|w| oids.binary_search(w).is_ok()).collect();
        // By rank (distinct per term): an insertion sort when the list is short, as it mostly is.
        let rank = |w: u32| self.rank.get(w as usize).copied().unwrap_or(u32::MAX);
        if common.len() > 16 {
            crate::base::order::sort_by_key(&mut common, |&w| rank(w));
        }
        for i in 1..common.len() {
            let mut j = i;
            while j > 0 && common.get(j - 1).zip(common.get(j)).is_some_and(|(&p, &q)| rank(p) > rank(q)) {
                common.swap(j - 1, j);
                j -= 1;
            }
        }
        let no_surface = Map::new();
        let surface = self.surface.get(x).unwrap_or(&no_surface);
        let (sa, sb) = (self.signals.get(x), self.signals.get(y));
        let same = |of: fn(&SentenceSignals) -> &Set<String>| match (sa, sb) {
            (Some(sa), Some(sb)) => of(sa).intersection(of(sb)).cloned().collect(),
            _ => Vec::new(),
        };
        let (a, b) = if key <= okey { (key, okey) } else { (okey, key) };
        SentencePair {
            a,
            b,
            score: round3(scores.score),
            lexical: round3(scores.lexical),
            meaning: scores.cos.map(round3),
            evidence: scores.evidence,
            shared: common
                .into_iter()
                .filter(|w| self.is_shared_word(x, y, *w))
                .filter_map(|w| match self.synonym_pair(x, y, w) {
                    Some((mine, theirs)) => Some(format!("{mine}/{theirs}")),
                    None => surface.get(&w).and_then(|s| self.surfaces.get(s.text as usize)).cloned(),
                })
                .collect(),
            same_entities: same(|g| &g.entities),
            same_dates: same(|g| &g.dates),
            same_numbers: same(|g| &g.numbers),
            verbatim: self.plain.get(x) == self.plain.get(y),
        }
    }
}

/// What two sentences share, found while scoring them.
struct Agreement {
    /// Whether both mention a date (the same value).
    same_dates: bool,
    /// Whether both mention a number (the same value).
    same_numbers: bool,
    /// Shared phrases (see [`Index::shared_phrases`]).
    phrases: usize,
    /// How many word terms they share (no entities; a group term only where the words differ).
    words: usize,
    /// How many of `words` are not topic terms.
    telling: usize,
    /// Whether they share a term (word, group or entity; a candidate of the index always does).
    anchored: bool,
    same_quote: bool,
    /// Both dated, every date of one months from every date of the other.
    far_apart: bool,
}

impl Agreement {
    /// What the annotations add to (or take from) a lexical score. Agreement only adds to pairs that
    /// already share wording (two content words at least and a fair lexical overlap): same entities alone
    /// are a shared topic, not a shared fact.
    fn bonus(&self, count: usize, lexical: f64, threshold: f64) -> f64 {
        let mut bonus = 0.0;
        // Two happenings (the same strike a year later), however alike the wording.
        if self.far_apart {
            bonus -= DATE_CONFLICT_PENALTY;
        }
        if self.same_quote {
            bonus += SAME_QUOTE_BONUS;
        }
        if count >= 2 && lexical >= threshold * 0.6 {
            bonus += PHRASE_BONUS * self.phrases.min(3) as f64;
            bonus += if self.same_dates { 0.1 } else { 0.0 };
            bonus += if self.same_numbers { 0.08 } else { 0.0 };
        }
        bonus
    }
}

/// The scores a pair was judged by.
struct PairScores {
    score: f64,
    lexical: f64,
    cos: Option<f64>,
    evidence: Evidence,
}

/// The (centred) cosine below which two sentences' embeddings add nothing to their wording score. Chosen
/// with [`MEANING_WEIGHT`] on the development data (MSRP's training pairs and the realweb stories, never the
/// bundle): docs/ACCURACY.md, "Corroboration by meaning".
pub const MEANING_FLOOR: f64 = 0.3;
/// What each unit of cosine above [`MEANING_FLOOR`] adds to the wording score (at most 0.35).
pub const MEANING_WEIGHT: f64 = 0.5;

/// What two sentences' (centred) cosine adds to their wording score.
pub fn meaning_score(cos: f64) -> f64 {
    ((cos - MEANING_FLOOR) * MEANING_WEIGHT).max(0.0)
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

    #[test]
    fn irregular_verbs_meet_their_base() {
        for (a, b) in [("spoke", "speaking"), ("began", "begins"), ("met", "meeting"), ("built", "build")] {
            assert_eq!(term(a), term(b), "{a} / {b}");
        }
    }

    #[test]
    fn words_of_one_group_meet_and_say_so() {
        // "purchase"/"buy" and "vessel"/"ship" are word groups (data/synonyms.txt); "skipped" meets "skip".
        let a = article("a", "The harbour board will purchase two cargo vessels from the northern yard.");
        let b = article("b", "Two cargo ships from the northern yard are what the harbour board plans to buy.");
        let pairs = align(&[&a, &b], AlignOptions { threshold: 0.3 });
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert!(pairs[0].shared.contains(&"purchase/buy".to_string()), "{:?}", pairs[0].shared);
        assert!(pairs[0].shared.contains(&"vessels/ships".to_string()), "{:?}", pairs[0].shared);
        assert_eq!(term("skipped"), term("skip"));
        assert_eq!(group_term(&term("purchased")), group_term(&term("buying")));
        assert_eq!(group_term(&term("harbour")), None);
    }

    #[test]
    fn shared_topic_alone_does_not_align_a_shared_phrase_helps() {
        // "strike" and "port" recur in every article (the topic); only the second pair shares a fact.
        let a = article(
            "a",
            "The port strike began at dawn.\n\nThe strike at the port closed the grain terminal for a week.",
        );
        let b = article("b", "Strike at the port.\n\nThe port strike shut the grain terminal for a week.");
        let c = article("c", "The strike hit the port.\n\nA strike at the port, the union said, was near.");
        let pairs = align(&[&a, &b, &c], AlignOptions { threshold: 0.3 });
        let keys: Vec<(usize, usize, usize, usize)> =
            pairs.iter().map(|p| (p.a.article, p.a.sentence, p.b.article, p.b.sentence)).collect();
        assert!(keys.contains(&(0, 1, 1, 1)), "{pairs:#?}");
        assert!(pairs.iter().all(|p| p.shared.iter().any(|w| w != "strike" && w != "port")), "{pairs:#?}");
    }

    #[test]
    fn dates_months_apart_part_two_happenings() {
        let mut x = Set::new();
        x.insert("2022-06-13".to_string());
        let mut y = Set::new();
        y.insert("2023-06-20".to_string());
        assert!(far_apart(&x, &y));
        y.insert("2022-06".to_string());
        assert!(!far_apart(&x, &y));
        assert!(!far_apart(&x, &Set::new()));
    }
}
