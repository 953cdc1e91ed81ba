//! Stories and timeline events.
//!
//! A story is a group of articles that report the same main happening: articles are placed in time by their
//! publication date (else the latest dated happening their body mentions) and split where dates lie more
//! than [`STORY_GAP_DAYS`] apart, so two visits a year apart are two stories even when they share wording;
//! an undated article joins the story whose distinctive words (in that story's dated articles only) it
//! shares most, else the story it shares most aligned sentences with; so does an article dated only by its
//! body when that date (a background or a future one) left it alone in a story.
//! A timeline event is a dated happening: the time expressions of day, week or month grain with the
//! sentences that carry them, merged across articles when they name the same date, and joined by sentences
//! aligned with those (the same claim told elsewhere in the event's own stories). A claim told of events in
//! two stories is a finding
//! (a possible conflation or a repetition). This module must not compare values for contradictions.

use crate::annotate::time::{DayNumber, Grain, TimeFlag};
use crate::annotate::Annotations;
use crate::base::map::{Map, Set};
use crate::base::text::TextRange;
use crate::input::article::Article;
use crate::xref::align::{SentenceKey, SentencePair};
use crate::xref::claims::{Claim, Dependence};

/// Articles further apart than this (in days) are about different happenings.
pub const STORY_GAP_DAYS: i64 = 45;

/// Summed alignment scores with a story that move an article dated only by its body into that story.
const JOIN_WEIGHT: f64 = 1.0;

/// A story: articles about one main happening.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// `story:{first article id}`.
    pub id: String,
    /// Article indices, sorted.
    pub articles: Vec<usize>,
    /// First and last date (`YYYY-MM-DD`) of its dated articles, when any is dated.
    pub range: Option<(String, String)>,
}

/// A timeline event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// `event:{value}` (the normalised date it is told of).
    pub id: String,
    /// The normalised date (`2023-11-09`, `2024-10`).
    pub date: String,
    /// Its precision.
    pub grain: Grain,
    /// A label a person would write: the best of its sentences shortened around what happened, without its
    /// date ([`sentence_label`]).
    pub label: String,
    /// Supporting sentences, sorted.
    pub sentences: Vec<SentenceKey>,
    /// Articles, sorted.
    pub sources: Vec<usize>,
    /// One article per independent group.
    pub independent: Vec<usize>,
    /// Whether its date is disputed (set by the contradictions stage).
    pub contested: bool,
    /// The story of most of its sources.
    pub story: Option<String>,
    /// First and last day it covers.
    pub days: (DayNumber, DayNumber),
}

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (proleptic Gregorian).
pub fn day_number(iso: &str) -> Option<DayNumber> {
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The date an article is about: its publication day, else the latest day-to-month-grain date its body
/// mentions (not flagged as after publication).
pub fn article_day(article: &Article, ann: Option<&Annotations>) -> Option<DayNumber> {
    if let Some(d) = article.meta.published.as_ref().and_then(|f| day_number(&f.value)) {
        return Some(d);
    }
    ann?.times
        .iter()
        .filter(|t| matches!(t.grain, Grain::Day | Grain::Week | Grain::Month))
        .filter(|t| !t.flags.contains(&TimeFlag::AfterPublication))
        .filter_map(|t| t.days.map(|d| d.1))
        .max()
}

/// Groups articles into stories: dated articles split where their dates lie more than [`STORY_GAP_DAYS`]
/// apart, undated ones joined by distinctive words, else by aligned sentences, else a story of their own;
/// then an article dated only by its body that this date left alone joins the story it aligns with.
pub fn stories(ids: &[&str], articles: &[&Article], annotations: &[Annotations], pairs: &[SentencePair]) -> Vec<Story> {
    stories_with_inferred_days(ids, articles, annotations, pairs, &[])
}

/// [`stories`], with the day of each article in `inferred` (article, day: a publication date inferred from
/// the bundle, `xref::dating`) taken as its publication day instead of the dates its body mentions.
pub fn stories_with_inferred_days(
    ids: &[&str],
    articles: &[&Article],
    annotations: &[Annotations],
    pairs: &[SentencePair],
    inferred: &[(usize, DayNumber)],
) -> Vec<Story> {
    let inferred_day = |i: usize| inferred.iter().find(|(a, _)| *a == i).map(|(_, d)| *d);
    let days: Vec<Option<DayNumber>> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| inferred_day(i).or_else(|| article_day(a, annotations.get(i))))
        .collect();
    let (mut story_of, mut next) = split_by_gaps(&days);
    if story_of.iter().any(Option::is_none) {
        join_by_distinctive_words(articles, &mut story_of);
    }
    let link = alignment_links(pairs);
    join_by_alignment(&link, &mut story_of);
    for slot in story_of.iter_mut().filter(|s| s.is_none()) {
        *slot = Some(next);
        next += 1;
    }
    rejoin_lone_body_dated(articles, &link, &mut story_of);
    stories_out(ids, &days, &story_of)
}

/// Story numbers of the dated articles (a new story where dates lie more than [`STORY_GAP_DAYS`] apart),
/// `None` for the undated; and the next free story number.
fn split_by_gaps(days: &[Option<DayNumber>]) -> (Vec<Option<usize>>, usize) {
    let mut dated: Vec<(DayNumber, usize)> = days.iter().enumerate().filter_map(|(i, d)| d.map(|d| (d, i))).collect();
    crate::base::order::sort(&mut dated);
    let mut story_of: Vec<Option<usize>> = vec![None; days.len()];
    let mut count = 0usize;
    let mut last: Option<DayNumber> = None;
    for &(d, i) in &dated {
        if last.is_some_and(|l| d - l > STORY_GAP_DAYS) {
            count += 1;
        }
        if let Some(s) = story_of.get_mut(i) {
            *s = Some(count);
        }
        last = Some(d);
    }
    let next = if dated.is_empty() { 0 } else { count + 1 };
    (story_of, next)
}

/// Undated articles go to the story whose distinctive words (found in that story's dated articles and in no
/// other story's) they share most, weighted by rarity across articles, when its lead is clear (half as much
/// again as the runner-up).
fn join_by_distinctive_words(articles: &[&Article], story_of: &mut [Option<usize>]) {
    let n = articles.len();
    let bags: Vec<Set<String>> = articles
        .iter()
        .map(|a| {
            (0..a.sentences.len())
                .flat_map(|s| crate::xref::align::content_words(a, s))
                .map(|w| crate::xref::align::stem(&w))
                .collect()
        })
        .collect();
    let mut story_words: Map<usize, Set<&str>> = Map::new();
    for (i, s) in story_of.iter().enumerate() {
        if let (Some(s), Some(bag)) = (s, bags.get(i)) {
            story_words.entry(*s).or_default().extend(bag.iter().map(String::as_str));
        }
    }
    let mut df: Map<&str, usize> = Map::new();
    for bag in &bags {
        for w in bag {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    // The one story a word is found in (usize::MAX when in several).
    let mut owner: Map<&str, usize> = Map::new();
    for (&st, words) in &story_words {
        for &w in words {
            let o = owner.entry(w).or_insert(st);
            if *o != st {
                *o = usize::MAX;
            }
        }
    }
    if story_words.len() < 2 {
        return;
    }
    for i in 0..n {
        if story_of.get(i).copied().flatten().is_some() {
            continue;
        }
        let Some(bag) = bags.get(i) else { continue };
        let mut scores: Map<usize, f64> = story_words.keys().map(|&st| (st, 0.0)).collect();
        for w in bag {
            if let Some(score) = owner.get(w.as_str()).and_then(|st| scores.get_mut(st)) {
                *score += (1.0 + n as f64 / df.get(w.as_str()).copied().unwrap_or(1) as f64).ln();
            }
        }
        if let (Some(st), Some(slot)) = (clear_lead(&scores), story_of.get_mut(i)) {
            *slot = Some(st);
        }
    }
}

/// The story with the highest positive score when it leads the runner-up by half as much again.
fn clear_lead(scores: &Map<usize, f64>) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    let mut second = 0.0;
    for (&st, &score) in scores {
        if best.is_none_or(|b| score > b.0) {
            second = best.map_or(0.0, |b| b.0);
            best = Some((score, st));
        } else if score > second {
            second = score;
        }
    }
    let (score, st) = best?;
    (score > 0.0 && score >= second * 1.5).then_some(st)
}

/// Summed alignment scores of each ordered pair of articles.
fn alignment_links(pairs: &[SentencePair]) -> Map<(usize, usize), f64> {
    let mut link: Map<(usize, usize), f64> = Map::new();
    for p in pairs {
        *link.entry((p.a.article, p.b.article)).or_default() += p.score;
        *link.entry((p.b.article, p.a.article)).or_default() += p.score;
    }
    link
}

/// Undated articles still without a story go to the story they share most aligned sentences with (two
/// rounds, so that an undated article can follow another one).
fn join_by_alignment(link: &Map<(usize, usize), f64>, story_of: &mut [Option<usize>]) {
    for _round in 0..2 {
        for i in 0..story_of.len() {
            if story_of.get(i).copied().flatten().is_some() {
                continue;
            }
            let mut best: Map<usize, f64> = Map::new();
            for (&(_, j), w) in link.range((i, 0)..(i + 1, 0)) {
                if let Some(Some(s)) = story_of.get(j) {
                    *best.entry(*s).or_default() += w;
                }
            }
            let pick = best.iter().max_by(|x, y| x.1.total_cmp(y.1).then_with(|| y.0.cmp(x.0))).map(|(s, _)| *s);
            if let (Some(s), Some(slot)) = (pick, story_of.get_mut(i)) {
                *slot = Some(s);
            }
        }
    }
}

/// An article without a publication date that its body's latest date left alone in a story (a background
/// date, or a future one) joins the story it shares aligned sentences with: the body date is weaker evidence
/// than the wording it shares.
fn rejoin_lone_body_dated(articles: &[&Article], link: &Map<(usize, usize), f64>, story_of: &mut [Option<usize>]) {
    let n = articles.len();
    let published = |i: usize| articles.get(i).is_some_and(|a| a.meta.published.is_some());
    for i in 0..n {
        let Some(Some(mine)) = story_of.get(i).copied() else { continue };
        let alone = story_of.iter().enumerate().all(|(j, s)| j == i || *s != Some(mine));
        if published(i) || !alone {
            continue;
        }
        let mut weight: Map<usize, f64> = Map::new();
        for j in 0..n {
            if let (Some(Some(s)), Some(w)) = (story_of.get(j), link.get(&(i, j))) {
                *weight.entry(*s).or_default() += w;
            }
        }
        let best = weight.iter().max_by(|x, y| x.1.total_cmp(y.1).then_with(|| y.0.cmp(x.0)));
        if let Some((&s, &w)) = best {
            if s != mine && w >= JOIN_WEIGHT {
                if let Some(slot) = story_of.get_mut(i) {
                    *slot = Some(s);
                }
            }
        }
    }
}

/// The stories of the story numbers, each with its id (its smallest article id) and date range, by id.
fn stories_out(ids: &[&str], days: &[Option<DayNumber>], story_of: &[Option<usize>]) -> Vec<Story> {
    let mut groups: Map<usize, Vec<usize>> = Map::new();
    for (i, s) in story_of.iter().enumerate() {
        if let Some(s) = s {
            groups.entry(*s).or_default().push(i);
        }
    }
    let mut out: Vec<Story> = groups
        .into_values()
        .map(|arts| {
            let first = arts.iter().map(|&i| ids.get(i).copied().unwrap_or("")).min().unwrap_or("");
            let mut ds: Vec<DayNumber> = arts.iter().filter_map(|&i| days.get(i).copied().flatten()).collect();
            crate::base::order::sort(&mut ds);
            let range = match (ds.first(), ds.last()) {
                (Some(a), Some(b)) => Some((civil(*a), civil(*b))),
                _ => None,
            };
            Story { id: format!("story:{first}"), articles: arts, range }
        })
        .collect();
    crate::base::order::sort_by(&mut out, |x, y| x.id.cmp(&y.id));
    out
}

/// ISO date of a day number.
pub fn civil(z: DayNumber) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    format!("{:04}-{:02}-{:02}", if m <= 2 { y + 1 } else { y }, m, d)
}

/// A first label from the sentence that dates an event: its first words, the time expression left out
/// (replaced by [`event_label`] when one of the event's sentences gives a label).
fn label(article: &Article, sentence: usize, skip: TextRange) -> String {
    let Some(s) = article.sentences.get(sentence) else { return String::new() };
    let words: Vec<&str> =
        s.tokens.iter().filter(|t| t.end <= skip.start || t.start >= skip.end).map(|t| article.slice(*t)).collect();
    let mut out = words.iter().take(9).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 9 {
        out.push('…');
    }
    out
}

/// Words a time expression's phrase opens with ("on Tuesday", "in late May", "last week"): cut with it.
const TIME_LEAD: &[&str] = &[
    "on", "in", "at", "since", "by", "from", "until", "during", "of", "this", "last", "next", "early", "late", "mid",
    "earlier", "later", "the",
];

/// Words that open a leading adverbial clause ("As of 10 p.m., X won …", "After the vote, …") or a
/// discourse opener ("For example, X …", "Meanwhile, X …"): a label starts after its comma.
const CLAUSE_OPENERS: &[&str] = &[
    "for",
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "separately",
    "instead",
    "still",
    "indeed",
    "nevertheless",
    "as",
    "after",
    "when",
    "while",
    "with",
    "according",
    "in",
    "on",
    "at",
    "following",
    "despite",
    "amid",
    "although",
    "because",
    "since",
    "before",
    "during",
    "once",
    "if",
];

/// Where a sentence goes on with another clause: a label ends there (after its first few words).
const CLAUSE_BREAKS: &[&str] =
    &[", while ", ", which ", ", who ", "; ", " — ", " – ", " - ", ", but ", ", as ", ", and "];

/// Most words a label keeps before it is cut with an ellipsis.
const LABEL_WORDS: usize = 16;

/// A label a person would write from one sentence: the sentence without its time expressions (each with the
/// words that lead into it, so no "on" is left without its date), without parentheses, a leading adverbial
/// clause or a trailing attribution, up to where another clause begins, at most `LABEL_WORDS` words, never
/// ending on a function word. `None` when fewer than three words are left.
pub fn sentence_label(article: &Article, ann: &Annotations, sentence: usize) -> Option<String> {
    let s = article.sentences.get(sentence)?;
    let mut text = article.slice(s.range).to_string();
    // Time expressions, last first so that earlier ranges stay valid.
    let mut cuts: Vec<TextRange> = ann
        .times
        .iter()
        .filter(|t| t.sentence == Some(sentence) && s.range.contains_range(t.range))
        .map(|t| TextRange::new(t.range.start - s.range.start, t.range.end - s.range.start))
        .collect();
    crate::base::order::sort_by_key(&mut cuts, |r| std::cmp::Reverse(r.start));
    for r in cuts {
        let start = lead_start(&text, r.start);
        text = format!("{}{}", text.get(..start).unwrap_or(""), text.get(r.end..).unwrap_or(""));
    }
    let text = without_parentheses(&text);
    let text = tidy_punctuation(&text);
    let text = after_leading_clause(&text);
    let text = before_attribution(text);
    let text = before_inner_attribution(text);
    let text = before_clause_break(text);
    shortened(text)
}

/// The start of a time expression's phrase: back over the words of [`TIME_LEAD`] right before it.
fn lead_start(text: &str, mut start: usize) -> usize {
    for _ in 0..3 {
        let head = text.get(..start).unwrap_or("");
        let trimmed = head.trim_end();
        let word_at = trimmed.rfind(|c: char| !c.is_alphanumeric() && c != '-').map_or(0, |p| p + 1);
        let word = trimmed.get(word_at..).unwrap_or("").to_ascii_lowercase();
        if word.is_empty() || !TIME_LEAD.contains(&word.as_str()) {
            break;
        }
        start = word_at;
    }
    start
}

/// The text without its parenthesised parts.
fn without_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Spaces and commas left by the cuts put right: no double spaces, no space before a comma or full stop, no
/// doubled or leading comma.
fn tidy_punctuation(text: &str) -> String {
    let mut t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (from, to) in [(" ,", ","), (" .", "."), (",,", ","), (", ,", ","), (" ;", ";"), (" :", ":")] {
        while t.contains(from) {
            t = t.replace(from, to);
        }
    }
    t.trim_start_matches([',', ';', ':', ' ', '—', '–', '-', '*', '•', '·']).trim().to_string()
}

/// The text after a leading adverbial clause ("As of 10 p.m. in the capital, the winner had won …" → "The winner
/// had won …"), when four words or more follow its comma.
fn after_leading_clause(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    if !CLAUSE_OPENERS.contains(&first.trim_matches(|c: char| !c.is_alphanumeric())) {
        return text.to_string();
    }
    let Some(comma) = text.find(", ") else { return text.to_string() };
    let rest = text.get(comma + 2..).unwrap_or("");
    if text.get(..comma).unwrap_or("").split_whitespace().count() > 14 || rest.split_whitespace().count() < 4 {
        return text.to_string();
    }
    crate::base::text::capitalised(rest)
}

/// The text without a trailing attribution (", the minister said.", ", according to the agency.").
fn before_attribution(text: String) -> String {
    let Some(comma) = text.rfind(", ") else { return text };
    let tail = text.get(comma + 2..).unwrap_or("").trim_end_matches(['.', '"', '”', '\'']).to_ascii_lowercase();
    let words = tail.split_whitespace().count();
    let said = ["said", "says", "added", "reported", "reports", "told"]
        .iter()
        .any(|v| tail.split_whitespace().any(|w| w == *v));
    if words <= 6 && (said || tail.starts_with("according to")) {
        return text.get(..comma).unwrap_or(&text).to_string();
    }
    text
}

/// The text before an attribution inside it (", one said Announcement …": a sentence run on past its
/// attribution), when six words or more come before it.
fn before_inner_attribution(text: String) -> String {
    let cut = text.match_indices(", ").map(|(p, _)| p).find(|&p| {
        let head = text.get(..p).unwrap_or("").split_whitespace().count();
        let tail: Vec<&str> = text.get(p + 2..).unwrap_or("").split_whitespace().take(4).collect();
        let said =
            tail.iter().position(|w| matches!(w.trim_end_matches([',', '.']), "said" | "says" | "added" | "told"));
        head >= 6 && said.is_some_and(|i| i < 3 && tail.len() > i + 1)
    });
    match cut {
        Some(p) => text.get(..p).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// The text up to where another clause begins, when six words or more come before it.
fn before_clause_break(text: String) -> String {
    let cut = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| text.find(b))
        .filter(|&p| text.get(..p).unwrap_or("").split_whitespace().count() >= 6)
        .min();
    match cut {
        Some(p) => text.get(..p).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// At most [`LABEL_WORDS`] words, never ending on a function word, an ellipsis where words were cut; the
/// final full stop dropped, the first letter a capital.
fn shortened(text: String) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let cut = words.len() > LABEL_WORDS;
    let mut kept: Vec<&str> = words.iter().take(LABEL_WORDS - 2).copied().collect();
    if !cut {
        kept = words.clone();
    }
    while let Some(last) = kept.last() {
        let bare = crate::base::text::lowercase(last.trim_matches(|c: char| !c.is_alphanumeric()));
        if kept.len() > 3 && (crate::xref::align::is_stopword(&bare) || TIME_LEAD.contains(&bare.as_str())) {
            kept.pop();
        } else {
            break;
        }
    }
    if kept.len() < 3 {
        return None;
    }
    let mut out = kept.join(" ").trim_end_matches([',', ';', ':', '.', ' ']).to_string();
    // A quotation mark whose partner was cut off goes too.
    if out.chars().filter(|c| matches!(c, '"' | '“' | '”')).count() % 2 == 1 {
        out = match out.strip_prefix(['"', '“']) {
            Some(rest) => rest.to_string(),
            None => out.trim_end_matches(['"', '”']).to_string(),
        };
    }
    if cut || kept.len() < words.len() {
        out.push('…');
    }
    Some(crate::base::text::capitalised(&out))
}

/// The label of an event: the label of its best sentence, the one whose claim the most of the event's
/// sentences share (the happening most sources tell), body text before headings, then the label nearest
/// ten words, then the first in article order.
fn event_label(
    e: &Event,
    articles: &[&Article],
    annotations: &[Annotations],
    claim_of: &Map<SentenceKey, usize>,
) -> Option<String> {
    let mut told_by: Map<usize, usize> = Map::new();
    for c in e.sentences.iter().filter_map(|k| claim_of.get(k)) {
        *told_by.entry(*c).or_default() += 1;
    }
    let mut best: Option<((bool, usize, bool, usize), String)> = None;
    for k in &e.sentences {
        let (Some(a), Some(ann)) = (articles.get(k.article), annotations.get(k.article)) else { continue };
        let Some(label) = sentence_label(a, ann, k.sentence) else { continue };
        let (label, subject_given) = match lead_in_subject(a, k.sentence) {
            Some(subject) => (format!("{subject} {}", first_lowered(&label)), true),
            None => (label, false),
        };
        let told = claim_of.get(k).and_then(|c| told_by.get(c)).copied().unwrap_or(1);
        let body = a
            .sentences
            .get(k.sentence)
            .and_then(|s| a.paragraphs.get(s.paragraph))
            .is_some_and(|p| p.kind == crate::input::article::ParagraphKind::Body);
        let words = label.split_whitespace().count();
        let report = subject_given || reads_as_report(a, ann, k.sentence);
        let reported = report && words >= MIN_LABEL_WORDS && !label.contains(is_quote_mark);
        let score = (reported, told, body, usize::MAX - words.abs_diff(10));
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, label));
        }
    }
    match best {
        Some(((true, ..), label)) => Some(label),
        other => headline_label(e, articles, annotations).or(other.map(|b| b.1)),
    }
}

/// When no sentence of an event reads as a report (a date line, a quotation): the headline of its first
/// article that gives a label, what that article reports.
fn headline_label(e: &Event, articles: &[&Article], annotations: &[Annotations]) -> Option<String> {
    e.sentences.iter().find_map(|k| {
        let (a, ann) = (articles.get(k.article)?, annotations.get(k.article)?);
        let at = a.sentences.iter().position(|s| {
            a.paragraphs.get(s.paragraph).is_some_and(|p| p.kind == crate::input::article::ParagraphKind::Headline)
        })?;
        let label = sentence_label(a, ann, at)?;
        let reported = reads_as_report(a, ann, at) && !label.contains(is_quote_mark);
        (reported && label.split_whitespace().count() >= MIN_LABEL_WORDS).then_some(label)
    })
}

/// Fewest words of a label that reads as a clause (subject, verb, object); a shorter one is a date line or a
/// fragment.
const MIN_LABEL_WORDS: usize = 4;

/// Whether a sentence is the engine's own report of a happening, which a label may be: not a quotation (a
/// direct quote covering half of it or more, or opening it), not a fragment that continues a lead-in (its
/// first letter in lower case, as a list item's "reiterated its intention …").
fn reads_as_report(article: &Article, ann: &Annotations, sentence: usize) -> bool {
    let Some(s) = article.sentences.get(sentence) else { return false };
    let text = article.slice(s.range);
    let first = text.chars().find(|c| c.is_alphanumeric() || is_quote_mark(*c));
    if first.is_none_or(|c| is_quote_mark(c) || c.is_lowercase()) || verb_first(text) {
        return false;
    }
    let quoted: usize = ann
        .quotes
        .iter()
        .filter(|q| q.direct)
        .map(|q| q.range.end.min(s.range.end).saturating_sub(q.range.start.max(s.range.start)))
        .sum();
    2 * quoted < s.range.end.saturating_sub(s.range.start)
}

/// Words that open a noun phrase: after a sentence's first word they make it a verb with its object.
const DETERMINERS: &[&str] = &["its", "the", "a", "an", "his", "her", "their", "our", "this", "that", "these", "those"];

/// Whether a sentence is a verb phrase with no subject, as the items of a list under a lead-in are
/// ("Reiterated its intention to …", "Returned the …"): a first word in `-ed` followed by a determiner.
fn verb_first(text: &str) -> bool {
    let mut words =
        text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty());
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
    first.len() > 4 && first.ends_with("ed") && DETERMINERS.contains(&crate::base::text::lowercase(second).as_str())
}

/// The subject a list item with none takes from its lead-in ("June 13 (Agency) - Some Corp :" above
/// "* Reiterated its intention …" gives "Some Corp"): for a verb-first sentence, the words before the colon
/// that ends one of the twelve sentences before it, after a dateline's dash; one to four words, the first
/// capitalised.
fn lead_in_subject(article: &Article, sentence: usize) -> Option<String> {
    let s = article.sentences.get(sentence)?;
    if !verb_first(article.slice(s.range)) {
        return None;
    }
    let lead = (sentence.saturating_sub(12)..sentence)
        .rev()
        .filter_map(|i| article.sentences.get(i))
        .map(|p| article.slice(p.range).trim())
        .find(|t| t.ends_with(':'))?;
    let head = lead.trim_end_matches(':').trim();
    let subject = [" - ", " — ", " – "].iter().filter_map(|d| head.rfind(d).map(|p| p + d.len())).max().unwrap_or(0);
    let subject = head.get(subject..)?.trim();
    let words = subject.split_whitespace().count();
    let capital = subject.chars().next().is_some_and(char::is_uppercase);
    ((1..=4).contains(&words) && capital).then(|| subject.to_string())
}

/// A label with its first letter in lower case (it follows a subject now).
fn first_lowered(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map(|c| crate::base::text::lower_char(c).to_string() + chars.as_str()).unwrap_or_default()
}

/// A quotation mark of news text (straight, curly, guillemets, low-9).
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '`')
}

/// Finds timeline events and tells each claim which events it is told of.
pub fn events(
    ids: &[&str],
    articles: &[&Article],
    annotations: &[Annotations],
    claims: &mut [Claim],
    stories: &[Story],
    dependence: &Dependence,
) -> Vec<Event> {
    let _ = ids;
    let by_value = dated_events(articles, annotations);
    // Sentences of the same claim join the event (the same happening told without its date).
    let mut claim_of: Map<SentenceKey, usize> = Map::new();
    for (ci, c) in claims.iter().enumerate() {
        for k in &c.sentences {
            claim_of.insert(*k, ci);
        }
    }
    let story_of: Map<usize, &str> =
        stories.iter().flat_map(|s| s.articles.iter().map(move |&a| (a, s.id.as_str()))).collect();
    let mut out: Vec<Event> =
        by_value.into_values().map(|e| completed(e, claims, &claim_of, &story_of, dependence)).collect();
    for e in &mut out {
        if let Some(label) = event_label(e, articles, annotations, &claim_of) {
            e.label = label;
        }
    }
    tell_claims(claims, &out, &claim_of);
    out
}

/// The day, week and month time expressions with their sentences, one event per value.
fn dated_events(articles: &[&Article], annotations: &[Annotations]) -> Map<String, Event> {
    let mut by_value: Map<String, Event> = Map::new();
    for (ai, (a, ann)) in articles.iter().zip(annotations).enumerate() {
        for t in &ann.times {
            let (Some(value), Some(days), Some(s)) = (&t.value, t.days, t.sentence) else { continue };
            if !matches!(t.grain, Grain::Day | Grain::Week | Grain::Month) {
                continue;
            }
            let key = SentenceKey { article: ai, sentence: s };
            let e = by_value.entry(value.clone()).or_insert_with(|| Event {
                id: format!("event:{value}"),
                date: value.clone(),
                grain: t.grain,
                label: Some(label(a, s, t.range))
                    .filter(|l| !l.is_empty())
                    .unwrap_or_else(|| a.slice(t.range).to_string()),
                sentences: Vec::new(),
                sources: Vec::new(),
                independent: Vec::new(),
                contested: false,
                story: None,
                days,
            });
            e.sentences.push(key);
        }
    }
    by_value
}

/// An event with the sentences of its claims joined (only from the stories of its dated sentences: a scene
/// told of two visits a year apart is one claim of two events, and each event keeps its own visit's
/// sentences), its sources, independent sources and the story most of its dated sentences are in.
fn completed(
    mut e: Event,
    claims: &[Claim],
    claim_of: &Map<SentenceKey, usize>,
    story_of: &Map<usize, &str>,
    dependence: &Dependence,
) -> Event {
    let dated: Set<SentenceKey> = e.sentences.iter().copied().collect();
    let home: Vec<&str> = dated.iter().filter_map(|k| story_of.get(&k.article).copied()).collect();
    let mut all: Set<SentenceKey> = dated.clone();
    for k in &dated {
        if let Some(c) = claim_of.get(k).and_then(|&ci| claims.get(ci)) {
            all.extend(
                c.sentences.iter().copied().filter(|s| story_of.get(&s.article).is_none_or(|st| home.contains(st))),
            );
        }
    }
    e.sentences = all.into_iter().collect();
    let mut sources: Vec<usize> = e.sentences.iter().map(|k| k.article).collect();
    crate::base::order::sort(&mut sources);
    sources.dedup();
    e.independent = dependence.independent(&sources);
    let mut votes: Map<&str, usize> = Map::new();
    for k in &dated {
        if let Some(s) = story_of.get(&k.article) {
            *votes.entry(s).or_default() += 1;
        }
    }
    e.story = votes.iter().max_by(|x, y| x.1.cmp(y.1).then_with(|| y.0.cmp(x.0))).map(|(s, _)| s.to_string());
    e.sources = sources;
    e
}

/// A claim is told of the events that hold one of its sentences (claims do not share sentences).
fn tell_claims(claims: &mut [Claim], events: &[Event], claim_of: &Map<SentenceKey, usize>) {
    let mut evs: Vec<Vec<String>> = vec![Vec::new(); claims.len()];
    for e in events {
        for k in &e.sentences {
            if let Some(v) = claim_of.get(k).and_then(|&ci| evs.get_mut(ci)) {
                v.push(e.id.clone());
            }
        }
    }
    for (c, mut v) in claims.iter_mut().zip(evs) {
        crate::base::order::sort(&mut v);
        v.dedup();
        c.events = v;
    }
}

/// Claims told in articles of two or more stories: a possible conflation or repetition. Returns
/// `(claim id, story ids)`.
pub fn told_of_several(claims: &[Claim], stories: &[Story]) -> Vec<(String, Vec<String>)> {
    let story_of: Map<usize, &str> =
        stories.iter().flat_map(|s| s.articles.iter().map(move |&a| (a, s.id.as_str()))).collect();
    let mut out = Vec::new();
    for c in claims {
        let mut ss: Vec<String> = c.sources.iter().filter_map(|a| story_of.get(a).map(|s| s.to_string())).collect();
        crate::base::order::sort(&mut ss);
        ss.dedup();
        if ss.len() >= 2 {
            out.push((c.id.clone(), ss));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for d in ["1970-01-01", "2023-11-09", "2024-02-29", "1999-12-31", "1600-03-01"] {
            let n = day_number(d);
            assert_eq!(n.map(civil).as_deref(), Some(d));
        }
        assert_eq!(day_number("2023-11-09"), Some(19_670));
        assert_eq!(day_number("2023-13-01"), None);
    }

    #[test]
    fn dated_articles_a_year_apart_are_two_stories() {
        use crate::input::parse::{parse, Input};
        let mk = |name: &str, date: &str| {
            let meta =
                crate::input::manifest::ManifestEntry { published: Some(date.to_string()), ..Default::default() };
            let input = Input {
                name: name.to_string(),
                bytes: b"Title\n\nThe leaders met in the capital and spoke about trade.".to_vec(),
                meta,
            };
            match parse(&input) {
                Ok(a) => a,
                Err(r) => unreachable!("{:?}", r.diagnostic),
            }
        };
        let (a, b, c) = (mk("a", "2023-11-10"), mk("b", "2023-11-12"), mk("c", "2024-11-30"));
        let st = stories(&["a", "b", "c"], &[&a, &b, &c], &[], &[]);
        let groups: Vec<Vec<usize>> = st.iter().map(|s| s.articles.clone()).collect();
        assert_eq!(groups, [vec![0, 1], vec![2]]);
        assert_eq!(st[0].range, Some(("2023-11-10".to_string(), "2023-11-12".to_string())));
    }

    #[test]
    fn an_article_dated_only_by_a_background_date_joins_the_story_it_aligns_with() {
        use crate::input::parse::{parse, Input};
        let mk = |name: &str, date: Option<&str>, body: &str| {
            let meta =
                crate::input::manifest::ManifestEntry { published: date.map(str::to_string), ..Default::default() };
            match parse(&Input { name: name.to_string(), bytes: body.as_bytes().to_vec(), meta }) {
                Ok(a) => a,
                Err(r) => unreachable!("{:?}", r.diagnostic),
            }
        };
        let a = mk("a", Some("2024-05-02"), "Title\n\nThe coach was fired on Tuesday after one season.");
        let b = mk("b", Some("2024-05-03"), "Title\n\nThe team fired its coach after a single season.");
        let c = mk("c", None, "Title\n\nThe coach, hired in March 2019, was fired after one season.");
        let ann: Vec<Annotations> = [&a, &b, &c].iter().map(|x| crate::annotate::annotate(x)).collect();
        let pair = |x: usize, y: usize| SentencePair {
            a: SentenceKey { article: x, sentence: 1 },
            b: SentenceKey { article: y, sentence: 1 },
            score: 0.6,
            ..SentencePair::default()
        };
        let alone = stories(&["a", "b", "c"], &[&a, &b, &c], &ann, &[]);
        assert_eq!(alone.len(), 2, "{alone:?}");
        let joined = stories(&["a", "b", "c"], &[&a, &b, &c], &ann, &[pair(0, 2), pair(1, 2)]);
        let groups: Vec<Vec<usize>> = joined.iter().map(|s| s.articles.clone()).collect();
        assert_eq!(groups, [vec![0, 1, 2]]);
    }

    /// Labels of one sentence: the date with the words leading into it is cut (no hole is left), and so are a
    /// leading adverbial clause, a trailing attribution and parentheses.
    #[test]
    fn labels_read_as_sentences() {
        let cases: &[(&str, &str)] = &[
            (
                "A judge on Tuesday sentenced the actor to three to 10 years in prison.",
                "A judge sentenced the actor to three to 10 years in prison",
            ),
            ("On Thursday, the two leaders met in the capital.", "The two leaders met in the capital"),
            (
                "In late October 2024, the government announced its opposition to the plan.",
                "The government announced its opposition to the plan",
            ),
            ("The company (founded in 2002) agreed to the deal, the agency said.", "The company agreed to the deal"),
            (
                "Shares of the firm surged 47 percent, while the buyer's stock was down 3 percent.",
                "Shares of the firm surged 47 percent",
            ),
            ("May 2017", ""),
            (
                "For example, the republic announced that it opposes the use of its territory.",
                "The republic announced that it opposes the use of its territory",
            ),
            (
                "Meanwhile, the central bank raised its main rate by half a point.",
                "The central bank raised its main rate by half a point",
            ),
            (
                "The meeting between the two statesmen was a success, one said Another line ran on.",
                "The meeting between the two statesmen was a success",
            ),
        ];
        for (text, want) in cases {
            let a = Article::parsed("a", text);
            let ann = crate::annotate::annotate(&a);
            let got = sentence_label(&a, &ann, 0).unwrap_or_default();
            assert_eq!(got, *want, "{text}");
        }
    }

    /// A label is a report: quotations and subjectless list items are not, unless a lead-in gives the subject.
    #[test]
    fn reports_quotations_and_list_items() {
        let cases: &[(&str, usize, bool, Option<&str>)] = &[
            ("The court ruled on the appeal.", 0, true, None),
            ("\"We won, the country won,\" the winner said.", 0, false, None),
            ("and then the court ruled on the appeal.", 0, false, None),
            (
                "Some Corp :\n\n* Reiterated its plan to buy back shares by the end of the year",
                1,
                false,
                Some("Some Corp"),
            ),
            ("* Reiterated its plan to buy back shares by the end of the year", 0, false, None),
        ];
        for (text, sentence, report, subject) in cases {
            let a = Article::parsed("a", text);
            let ann = crate::annotate::annotate(&a);
            assert_eq!(reads_as_report(&a, &ann, *sentence), *report, "{text}");
            assert_eq!(lead_in_subject(&a, *sentence).as_deref(), *subject, "{text}");
        }
    }
}
