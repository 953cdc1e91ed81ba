//! Contradictions and inconsistencies, each with the spans involved and a plain-language explanation:
//! a weekday that does not fit its date, different dates for the same happening, different numbers for the
//! same quantity, different places for the same happening, different titles or roles for the same person, different wordings of the same quote by the
//! same speaker and different speakers for the same words.
//!
//! Dates, numbers and roles are compared only within one story (or one claim inside a story), never between
//! unrelated happenings of a bundle. The office words used for roles are general English knowledge.
//! This module reads findings of the other stages; it must not change them (the corpus marks claims
//! contested from what is returned here).

use crate::annotate::entities::Entity;
use crate::annotate::time::{Grain, TimeExpr, TimeFlag};
use crate::annotate::Annotations;
use crate::base::lexicon::weekday_number;
use crate::base::text::Lowercase as _;
use crate::base::text::TextRange;
use crate::input::article::Article;
use crate::xref::align::SentenceKey;
use crate::xref::claims::Claim;
use crate::xref::events::Story;
use crate::xref::quote_groups::{containment, norm_words, QuoteGroup};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What kind of disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Different dates for the same happening.
    Date,
    /// A weekday that does not fit its date.
    Weekday,
    /// Different numbers for the same quantity.
    Number,
    /// Different titles or roles for the same person.
    Role,
    /// Different places for the same happening.
    Place,
    /// Different wordings of the same quote by the same speaker.
    QuoteWording,
    /// The same words attributed to different speakers.
    QuoteAttribution,
}

impl Kind {
    /// The kind's name as exported (`quote-wording`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Weekday => "weekday",
            Kind::Number => "number",
            Kind::Role => "role",
            Kind::Place => "place",
            Kind::QuoteWording => "quote-wording",
            Kind::QuoteAttribution => "quote-attribution",
        }
    }
}

/// One contradiction.
#[derive(Debug, Clone, PartialEq)]
pub struct Contradiction {
    /// Stable id: kind and first span (`date:{article}:{start}`).
    pub id: String,
    /// The kind.
    pub kind: Kind,
    /// Plain-language explanation.
    pub explanation: String,
    /// The spans involved: (article index, byte range).
    pub refs: Vec<(usize, TextRange)>,
    /// Claims it makes contested.
    pub claims: Vec<String>,
}

/// Where a value was found: article, span, sentence.
type Occurrence = (usize, TextRange, SentenceKey);
/// A role mention: article, role span, role text, office, its object, sentence.
type RoleSeen = (usize, TextRange, String, &'static str, Option<String>, Option<usize>);
/// Spans (article, range) already listed.
type SpanSet = BTreeSet<(usize, TextRange)>;
/// The role mentions on either side of one disagreement.
type RoleSides<'a> = (Vec<&'a RoleSeen>, Vec<&'a RoleSeen>);

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Offices a role may name, with the canonical office each stands for (general English knowledge).
const OFFICES: &[(&str, &str)] = &[
    ("prime minister", "prime minister"),
    ("premier", "prime minister"),
    ("head of government", "prime minister"),
    ("head of state", "president"),
    ("vice president", "vice president"),
    ("vice-president", "vice president"),
    ("president", "president"),
    ("chancellor", "chancellor"),
    ("foreign minister", "foreign minister"),
    ("interior minister", "interior minister"),
    ("defence minister", "defence minister"),
    ("defense minister", "defence minister"),
    ("finance minister", "finance minister"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("spokesperson", "spokesperson"),
    ("adviser", "advisor"),
    ("advisor", "advisor"),
    ("ambassador", "ambassador"),
    ("governor", "governor"),
    ("mayor", "mayor"),
    ("senator", "senator"),
    ("king", "monarch"),
    ("queen", "monarch"),
    ("chief executive", "chief executive"),
    ("ceo", "chief executive"),
];

/// The office a role names and what it is "to"/"of" ("advisor to the interior minister"), lowercased.
pub fn office(role: &str) -> Option<(&'static str, Option<String>)> {
    let r = format!(" {} ", role.lowercase().replace(['-', ','], " "));
    let mut best: Option<(usize, &'static str, usize)> = None;
    for (name, canon) in OFFICES {
        if let Some(p) = r.find(&format!(" {name} ")) {
            if best.is_none_or(|b| p < b.0) {
                best = Some((p, canon, p + name.len() + 1));
            }
        }
    }
    let (_, canon, end) = best?;
    let rest = r.get(end..).unwrap_or("").trim();
    let object =
        rest.strip_prefix("to ").map(|o| o.trim_start_matches("the ").trim().to_string()).filter(|o| !o.is_empty());
    Some((canon, object))
}

/// The capitalised qualifier of a role ("Danish President" → "danish"), lowercased; empty when none.
fn office_qualifier(role: &str) -> String {
    let words: Vec<&str> = role.split_whitespace().collect();
    let lower = role.to_ascii_lowercase();
    let at = OFFICES.iter().filter_map(|(name, _)| find_word(&lower, name)).min().unwrap_or(0);
    let head = role.get(..at).unwrap_or("").trim();
    let q = head.rsplit(' ').next().unwrap_or("");
    if words.len() >= 2 && q.chars().next().is_some_and(char::is_uppercase) && !q.eq_ignore_ascii_case("former") {
        q.lowercase()
    } else {
        String::new()
    }
}

/// Whether two different values come from two different articles.
fn across_sources(values: &BTreeMap<String, Vec<Occurrence>>) -> bool {
    let arts: Vec<Vec<usize>> = values.values().map(|o| o.iter().map(|x| x.0).collect()).collect();
    arts.iter().enumerate().any(|(i, a)| arts.iter().skip(i + 1).any(|b| a.iter().any(|x| b.iter().any(|y| x != y))))
}

/// Whether `small` occurs as a contiguous run of words in `big`.
fn contains_run(big: &[String], small: &[String]) -> bool {
    small.is_empty() || big.windows(small.len()).any(|w| w == small)
}

fn weekday_of(day: i64) -> usize {
    usize::try_from((day + 3).rem_euclid(7)).unwrap_or(0)
}

fn weekday_in(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_alphabetic()).find_map(weekday_number)
}

/// Most items an explanation lists; the refs hold them all.
const MAX_LISTED: usize = 12;

/// The first [`MAX_LISTED`] items joined by `sep`, and how many more there are (an explanation stays short
/// however many articles carry a finding).
fn listed(items: &[String], sep: &str) -> String {
    let mut s = items.iter().take(MAX_LISTED).cloned().collect::<Vec<_>>().join(sep);
    if items.len() > MAX_LISTED {
        s.push_str(&format!(" and {} more", items.len() - MAX_LISTED));
    }
    s
}

/// Pairs `(x, y)`, `x < y`, of word sets that may reach `containment >= min`, ascending, from an inverted
/// index instead of all pairs: words are ordered rarest first, and the smaller set of a pair that reaches the
/// containment shares a word of its prefix (all but `needed - 1` of its words) with the larger one. Words in
/// more than [`crate::xref::align::MAX_POSTING`] sets propose no pairs (the vocabulary of a large corpus, as in
/// alignment); below that size the candidates hold every pair that reaches the containment.
fn attribution_candidates(sets: &[&BTreeSet<String>], min: f64) -> Vec<(usize, usize)> {
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, set) in sets.iter().enumerate() {
        for w in set.iter() {
            postings.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (x, set) in sets.iter().enumerate() {
        let size = set.len();
        // Fewest shared words that reach the containment, computed as `containment` computes it.
        let needed = (0..=size).find(|&k| k as f64 / size.max(1) as f64 >= min).unwrap_or(size).max(1);
        let mut words: Vec<(usize, &str)> =
            set.iter().map(|w| (postings.get(w.as_str()).map_or(0, Vec::len), w.as_str())).collect();
        crate::base::order::sort(&mut words);
        for (df, w) in words.iter().take(size + 1 - needed) {
            if *df > crate::xref::align::MAX_POSTING {
                continue;
            }
            for &y in postings.get(w).into_iter().flatten() {
                let larger = sets.get(y).is_some_and(|o| o.len() > size || o.len() == size && y != x);
                if larger {
                    out.push((x.min(y), x.max(y)));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A role written as an apposition beside a person's name: "NAME, a former advisor to X," or
/// "The advisor to X, NAME". Returns the role's text and span (from "former" or the office's qualifiers on).
pub fn apposition_role(article: &Article, name: TextRange, sentence: TextRange) -> Option<(String, TextRange)> {
    let text = article.text.as_str();
    // After the name: ", a former advisor to X," up to the next comma or the sentence's end.
    let after = text.get(name.end..sentence.end).unwrap_or("");
    if let Some(rest) = after.strip_prefix(", ") {
        let len = rest.find([',', ';', '(', '"', '“', '”']).unwrap_or(rest.len());
        let seg = rest.get(..len).unwrap_or("");
        let start = name.end + 2;
        if let Some(found) = role_in(seg, start) {
            return Some(found);
        }
    }
    // Before the name: "The advisor to X, NAME" from the previous comma, dash or the sentence's start.
    let before = text.get(sentence.start..name.start).unwrap_or("");
    let seg_end = before.strip_suffix(", ").map(str::len)?;
    let seg = before.get(..seg_end).unwrap_or("");
    let from = [", ", " - ", " – ", " — ", ": ", "\" "]
        .iter()
        .filter_map(|b| seg.match_indices(b).last().map(|(p, _)| p + b.len()))
        .max();
    let from = from.unwrap_or(0);
    role_in(seg.get(from..).unwrap_or(""), sentence.start + from)
}

/// The role phrase inside a segment (starting at byte `offset` of the text): from the office word back over
/// "former" and capitalised qualifiers, to the segment's end.
fn role_in(seg: &str, offset: usize) -> Option<(String, TextRange)> {
    office(seg)?;
    let lower = seg.to_ascii_lowercase();
    let at = OFFICES.iter().filter_map(|(name, _)| find_word(&lower, name)).min()?;
    let mut start = at;
    // Walk back over "former" and capitalised words ("Ukrainian", "Danish").
    while let Some(prev) = seg.get(..start).and_then(|h| h.trim_end().rfind(' ').map(|p| p + 1).or(Some(0))) {
        let word = seg.get(prev..start).unwrap_or("").trim();
        if word.is_empty() || prev >= start {
            break;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if word.eq_ignore_ascii_case("former") || capital && !crate::xref::align::is_stopword(&word.lowercase()) {
            start = prev;
        } else {
            break;
        }
        if prev == 0 {
            break;
        }
    }
    let role = seg.get(start..)?.trim_end();
    Some((role.to_string(), TextRange::new(offset + start, offset + start + role.len())))
}

/// Byte position of `word` in `hay` at word boundaries.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = hay.get(from..).and_then(|h| h.find(word)).map(|p| p + from) {
        let before = hay.get(..p).and_then(|h| h.chars().last());
        let after = hay.get(p + word.len()..).and_then(|h| h.chars().next());
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(p);
        }
        from = p + word.len().max(1);
    }
    None
}

/// Offices that lead a country or a government (a bare "the Danish head of government" names its holder).
const LEADING: &[&str] = &["president", "prime minister", "chancellor", "monarch"];

/// An office named without a person ("the Danish head of government", a heading's "Prime Minister"): the
/// office, the capitalised qualifier before it (lowercased, may be empty) and the span.
fn bare_offices(article: &Article, sentence: TextRange, roles: &[TextRange]) -> Vec<(&'static str, String, TextRange)> {
    let seg = article.slice(sentence);
    let lower = seg.to_ascii_lowercase();
    let mut out: Vec<(&'static str, String, TextRange)> = Vec::new();
    for (name, canon) in OFFICES {
        if !LEADING.contains(canon) {
            continue;
        }
        let mut from = 0;
        while let Some(p) = lower.get(from..).and_then(|h| find_word(h, name)).map(|p| p + from) {
            from = p + name.len();
            let range = TextRange::new(sentence.start + p, sentence.start + p + name.len());
            // Part of a longer office ("vice president") or of a role already attached to a name.
            let longer = out.iter().any(|(_, _, r)| r.contains_range(range))
                || lower.get(..p).is_some_and(|h| h.ends_with("vice ") || h.ends_with("vice-"));
            if longer || roles.iter().any(|r| r.contains_range(range) || range.contains_range(*r)) {
                continue;
            }
            // Followed by a capitalised name: a title, which the entity stage attaches.
            let next = seg.get(p + name.len()..).unwrap_or("").trim_start_matches(' ');
            if name.chars().next().is_some()
                && next.chars().next().is_some_and(char::is_uppercase)
                && !next.starts_with("I ")
            {
                let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
                if !crate::xref::align::is_stopword(&word.lowercase()) {
                    continue;
                }
            }
            let head = seg.get(..p).unwrap_or("").trim_end();
            let qualifier = head.rsplit(' ').next().unwrap_or("");
            let qualifier = if qualifier.chars().next().is_some_and(char::is_uppercase) && !qualifier.ends_with(':') {
                qualifier.lowercase()
            } else {
                String::new()
            };
            out.push((canon, qualifier, range));
        }
    }
    out
}

/// What every finder reads: the stages' results and the lookups they share.
struct Bundle<'a> {
    ids: &'a [&'a str],
    articles: &'a [&'a Article],
    annotations: &'a [Annotations],
    entities: &'a [Entity],
    claims: &'a [Claim],
    quote_groups: &'a [QuoteGroup],
    stories: &'a [Story],
    /// The story index of each article in one.
    story_of: BTreeMap<usize, usize>,
    /// The entity of each mention (the first that holds it, as a search in entity order finds it).
    entity_of: BTreeMap<(usize, usize), usize>,
    /// The claim of each sentence in one.
    claim_of: BTreeMap<SentenceKey, &'a str>,
}

impl<'a> Bundle<'a> {
    /// Story slot of an article: its story's index, or one past the last for an article in none (vectors
    /// indexed by slot rather than maps keyed by story: no new map type to compile).
    fn slot(&self, a: usize) -> usize {
        self.story_of.get(&a).copied().unwrap_or(self.stories.len())
    }

    /// The text of a span.
    fn slice(&self, a: usize, r: TextRange) -> String {
        self.articles.get(a).map(|x| x.slice(r).to_string()).unwrap_or_default()
    }

    /// An article's id.
    fn id(&self, a: usize) -> &'a str {
        self.ids.get(a).copied().unwrap_or("")
    }

    /// The claims holding these sentences, sorted.
    fn claims_at(&self, sentences: &[SentenceKey]) -> Vec<String> {
        let mut v: Vec<String> = sentences.iter().filter_map(|k| self.claim_of.get(k).map(|s| s.to_string())).collect();
        crate::base::order::sort(&mut v);
        v.dedup();
        v
    }

    /// Whether all of a claim's sources lie in one story.
    fn one_story(&self, c: &Claim) -> bool {
        let first_story = c.sources.first().and_then(|a| self.story_of.get(a));
        c.sources.iter().all(|a| self.story_of.get(a) == first_story)
    }
}

/// One finder per kind of disagreement: each reads the bundle and returns its findings (ids still empty).
type Finder = fn(&Bundle<'_>) -> Vec<Contradiction>;

/// The finders, run in this order.
const FINDERS: &[Finder] = &[weekdays, claim_dates_and_numbers, places, roles, quote_wordings, quote_attributions];

/// Finds the contradictions: every finder of [`FINDERS`] in turn, then ids from the kind and first span.
#[allow(clippy::too_many_arguments)]
pub fn find(
    ids: &[&str],
    articles: &[&Article],
    annotations: &[Annotations],
    entities: &[Entity],
    claims: &[Claim],
    quote_groups: &[QuoteGroup],
    stories: &[Story],
) -> Vec<Contradiction> {
    let story_of: BTreeMap<usize, usize> =
        stories.iter().enumerate().flat_map(|(si, s)| s.articles.iter().map(move |&a| (a, si))).collect();
    let mut entity_of: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (ei, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            entity_of.entry(*m).or_insert(ei);
        }
    }
    let claim_of: BTreeMap<SentenceKey, &str> =
        claims.iter().flat_map(|c| c.sentences.iter().map(move |k| (*k, c.id.as_str()))).collect();
    let bundle =
        Bundle { ids, articles, annotations, entities, claims, quote_groups, stories, story_of, entity_of, claim_of };
    let mut out: Vec<Contradiction> = FINDERS.iter().flat_map(|f| f(&bundle)).collect();
    number(&mut out, ids);
    out
}

/// Ids from the kind and the first span, sorted, repeats numbered (`-2`, `-3`).
fn number(out: &mut Vec<Contradiction>, ids: &[&str]) {
    for c in out.iter_mut() {
        let (a, r) = c.refs.first().copied().unwrap_or((0, TextRange::new(0, 0)));
        let kind = c.kind.name();
        c.id = format!("{kind}:{}:{}", ids.get(a).copied().unwrap_or(""), r.start);
    }
    crate::base::order::sort_by(out, |x, y| x.id.cmp(&y.id));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for c in out.iter_mut() {
        let n = seen.entry(c.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            c.id = format!("{}-{}", c.id, n);
        }
    }
}

/// The times that may date a weekday a second time (day grain, a day, no mismatch of their own, a weekday
/// word), per story and weekday (`slot * 7 + weekday`), by day: (day, article, time index).
fn story_days(cx: &Bundle<'_>) -> Vec<Vec<(i64, usize, usize)>> {
    let mut story_days: Vec<Vec<(i64, usize, usize)>> = vec![Vec::new(); (cx.stories.len() + 1) * 7];
    for bi in 0..cx.annotations.len().max(cx.articles.len()) {
        for (ui, u) in cx.annotations.get(bi).map(|b| b.times.as_slice()).unwrap_or(&[]).iter().enumerate() {
            let Some(d) = u.days else { continue };
            if u.flags.contains(&TimeFlag::WeekdayMismatch) || u.grain != Grain::Day {
                continue;
            }
            let Some(wd) = weekday_in(cx.articles.get(bi).map_or("", |x| x.slice(u.range))) else { continue };
            if let Some(v) = story_days.get_mut(cx.slot(bi) * 7 + wd as usize) {
                v.push((d.0, bi, ui));
            }
        }
    }
    for v in &mut story_days {
        crate::base::order::sort(v);
    }
    story_days
}

/// Weekdays: a weekday the time annotator flagged as not fitting its date, and the same weekday dated twice
/// in one story.
fn weekdays(cx: &Bundle<'_>) -> Vec<Contradiction> {
    let story_days = story_days(cx);
    let mut out = Vec::new();
    for (ai, ann) in cx.annotations.iter().enumerate() {
        for t in ann.times.iter().filter(|t| t.flags.contains(&TimeFlag::WeekdayMismatch)) {
            let text = cx.slice(ai, t.range);
            let actual = t.days.map(|d| WEEKDAYS.get(weekday_of(d.0)).copied().unwrap_or(""));
            let explanation = match (&t.value, actual) {
                (Some(v), Some(w)) => format!("\"{text}\": {v} fell on a {w}, not on the weekday the text names."),
                _ => format!("\"{text}\": the weekday does not fit the date."),
            };
            let sentences: Vec<SentenceKey> =
                t.sentence.map(|s| SentenceKey { article: ai, sentence: s }).into_iter().collect();
            out.push(Contradiction {
                id: String::new(),
                kind: Kind::Weekday,
                explanation,
                refs: vec![(ai, t.range)],
                claims: cx.claims_at(&sentences),
            });
            out.extend(weekday_dated_twice(cx, &story_days, ai, t, &text, sentences));
        }
    }
    out
}

/// Correct dates with the same weekday word as a mismatched one, in the same story: the same day dated twice.
/// All of them are reported in one finding, since one wrong date explains them all.
fn weekday_dated_twice(
    cx: &Bundle<'_>,
    story_days: &[Vec<(i64, usize, usize)>],
    ai: usize,
    t: &crate::annotate::time::TimeExpr,
    text: &str,
    mut sentences: Vec<SentenceKey>,
) -> Option<Contradiction> {
    let wd = weekday_in(text)?;
    let mut refs: Vec<(usize, TextRange)> = Vec::new();
    let mut others: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let t_day = t.days.map(|d| d.0)?;
    let story = story_days.get(cx.slot(ai) * 7 + wd as usize).map(Vec::as_slice).unwrap_or(&[]);
    let from = story.partition_point(|x| x.0 < t_day - 62);
    let mut near: Vec<(usize, usize)> =
        story.get(from..).unwrap_or(&[]).iter().take_while(|x| x.0 <= t_day + 62).map(|x| (x.1, x.2)).collect();
    near.sort_unstable();
    for (bi, ui) in near {
        let Some(u) = cx.annotations.get(bi).and_then(|b| b.times.get(ui)) else { continue };
        let utext = cx.articles.get(bi).map_or("", |x| x.slice(u.range));
        if u.value != t.value {
            sentences.extend(u.sentence.map(|s| SentenceKey { article: bi, sentence: s }));
            refs.push((bi, u.range));
            let texts = others.entry(u.value.clone().unwrap_or_else(|| "?".to_string())).or_default();
            let quoted = format!("\"{utext}\"");
            if !texts.contains(&quoted) {
                texts.push(quoted);
            }
        }
    }
    if refs.is_empty() {
        return None;
    }
    refs.push((ai, t.range));
    let elsewhere: Vec<String> = others.iter().map(|(v, texts)| format!("{v} ({})", texts.join(", "))).collect();
    Some(Contradiction {
        id: String::new(),
        kind: Kind::Date,
        explanation: format!(
            "The same {} is dated {} and {} (\"{text}\").",
            WEEKDAYS.get(wd as usize).copied().unwrap_or("day"),
            elsewhere.join(" and "),
            t.value.as_deref().unwrap_or("?"),
        ),
        refs,
        claims: cx.claims_at(&sentences),
    })
}

/// Dates and numbers within one claim (sentences of one story).
fn claim_dates_and_numbers(cx: &Bundle<'_>) -> Vec<Contradiction> {
    let mut out: Vec<Contradiction> = Vec::new();
    for c in cx.claims {
        let mut dates: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
        let mut numbers: BTreeMap<String, BTreeMap<String, Vec<Occurrence>>> = BTreeMap::new();
        for k in &c.sentences {
            let Some(ann) = cx.annotations.get(k.article) else { continue };
            // A weekday read backward only by the news default, or a date resolved against a publication date
            // inferred from the bundle, is a guess, not evidence of a different date.
            let told =
                |t: &&TimeExpr| !t.flags.iter().any(|f| matches!(f, TimeFlag::PastLeaning | TimeFlag::InferredAnchor));
            for t in ann.times.iter().filter(|t| t.sentence == Some(k.sentence) && t.grain == Grain::Day).filter(told) {
                if let Some(v) = &t.value {
                    dates.entry(v.clone()).or_default().push((k.article, t.range, *k));
                }
            }
            for n in ann.numbers.iter().filter(|n| n.sentence == Some(k.sentence) && !n.ordinal) {
                let slot = format!(
                    "{}|{}",
                    n.unit.as_deref().unwrap_or(""),
                    n.counted.as_deref().map(crate::xref::align::stem).unwrap_or_default()
                );
                numbers
                    .entry(slot)
                    .or_default()
                    .entry(format!("{}", n.value))
                    .or_default()
                    .push((k.article, n.range, *k));
            }
        }
        if !cx.one_story(c) {
            continue;
        }
        if dates.len() >= 2 && across_sources(&dates) {
            let refs: Vec<(usize, TextRange)> = dates.values().flatten().map(|(a, r, _)| (*a, *r)).collect();
            let texts: Vec<String> = dates
                .iter()
                .map(|(v, occ)| {
                    let (a, r, _) = occ.first().copied().unwrap_or((0, TextRange::new(0, 0), SentenceKey::default()));
                    format!("{v} (\"{}\", {})", cx.slice(a, r), cx.id(a))
                })
                .collect();
            out.push(Contradiction {
                id: String::new(),
                kind: Kind::Date,
                explanation: format!("The same happening is dated differently: {}.", texts.join(" versus ")),
                refs,
                claims: vec![c.id.clone()],
            });
        }
        for (slot, values) in &numbers {
            // The same quantity needs a unit or a counted noun to be told; and two sources must differ (one
            // article giving two numbers is no disagreement between sources).
            if values.len() < 2 || slot == "|" || !across_sources(values) {
                continue;
            }
            let refs: Vec<(usize, TextRange)> = values.values().flatten().map(|(a, r, _)| (*a, *r)).collect();
            let texts: Vec<String> = values
                .values()
                .filter_map(|occ| occ.first())
                .map(|&(a, r, _)| format!("\"{}\" ({})", cx.slice(a, r), cx.id(a)))
                .collect();
            out.push(Contradiction {
                id: String::new(),
                kind: Kind::Number,
                explanation: format!(
                    "The sources give different numbers for the same thing: {}.",
                    texts.join(" versus ")
                ),
                refs,
                claims: vec![c.id.clone()],
            });
        }
    }

    out
}

/// Places within one claim of one story: each of two articles puts the happening "in"/"at" a place the
/// other's sentences never name (countries and regions aside: a town lies in them).
fn places(cx: &Bundle<'_>) -> Vec<Contradiction> {
    let mut out: Vec<Contradiction> = Vec::new();
    for c in cx.claims {
        if !cx.one_story(c) {
            continue;
        }
        // Per article: places the claim's sentences put the happening at, and every entity they name.
        // (article, entity named, whether it is a place, the span where the happening is put "in"/"at" it).
        let mut marks: Vec<(usize, &Entity, bool, Option<TextRange>)> = Vec::new();
        for k in &c.sentences {
            let (Some(ann), Some(a)) = (cx.annotations.get(k.article), cx.articles.get(k.article)) else { continue };
            for (mi, m) in ann.mentions.iter().enumerate().filter(|(_, m)| m.sentence == Some(k.sentence)) {
                let Some(e) = cx.entity_of.get(&(k.article, mi)).and_then(|&ei| cx.entities.get(ei)) else { continue };
                let before = a.text.get(..m.range.start).unwrap_or("");
                let placed = before.ends_with(" in ") || before.ends_with(" at ");
                let place = e.kind == crate::annotate::entities::EntityKind::Place || m.guessed;
                let at = (placed && place && !crate::annotate::entities::is_broad_place(&e.name)).then_some(m.range);
                marks.push((k.article, e, place, at));
            }
        }
        let mut arts: Vec<usize> = marks.iter().filter(|m| m.3.is_some()).map(|m| m.0).collect();
        crate::base::order::sort(&mut arts);
        arts.dedup();
        let names =
            |art: usize, key: &str, place: bool| marks.iter().any(|y| y.0 == art && y.1.key == key && (y.2 || !place));
        // A place one article puts the happening at and the other never names.
        let only = |art: usize, other: usize| {
            marks
                .iter()
                .find(|x| x.0 == art && x.3.is_some() && !names(other, &x.1.key, false))
                .map(|x| (x.1.name.clone(), x.3.unwrap_or(TextRange::new(0, 0))))
        };
        for (x, &a) in arts.iter().enumerate() {
            for &b in arts.iter().skip(x + 1) {
                // Sentences that agree on one place and add another tell of moves, not of a disagreement.
                if marks.iter().any(|m| m.0 == a && m.2 && names(b, &m.1.key, true)) {
                    continue;
                }
                let (Some(p), Some(q)) = (only(a, b), only(b, a)) else { continue };
                // One name inside the other ("Harbour" and "Harbour Point") is one place written twice.
                let (wp, wq) = (norm_words(&p.0), norm_words(&q.0));
                if contains_run(&wp, &wq) || contains_run(&wq, &wp) {
                    continue;
                }
                out.push(Contradiction {
                    id: String::new(),
                    kind: Kind::Place,
                    explanation: format!(
                        "The same happening is placed in {} by {} but in {} by {}.",
                        p.0,
                        cx.id(a),
                        q.0,
                        cx.id(b)
                    ),
                    refs: vec![(a, p.1), (b, q.1)],
                    claims: vec![c.id.clone()],
                });
            }
        }
    }

    out
}

/// Quote wording: a group where two quotes differ in words (a partial quote inside a fuller one is not a
/// different wording).
fn quote_wordings(cx: &Bundle<'_>) -> Vec<Contradiction> {
    let mut out: Vec<Contradiction> = Vec::new();
    let words_of = |k: &crate::xref::quote_groups::QuoteKey| -> Vec<String> {
        cx.annotations
            .get(k.article)
            .and_then(|a| a.quotes.get(k.quote))
            .map(|q| norm_words(&cx.slice(k.article, q.range)))
            .unwrap_or_default()
    };
    let varies = |g: &QuoteGroup| {
        let ws: Vec<Vec<String>> = g.quotes.iter().map(words_of).collect();
        ws.iter().enumerate().any(|(i, x)| ws.iter().skip(i + 1).any(|y| !contains_run(x, y) && !contains_run(y, x)))
    };
    for g in cx.quote_groups.iter().filter(|g| !g.identical && varies(g)) {
        let mut refs = Vec::new();
        let mut sentences = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        for k in &g.quotes {
            let Some(q) = cx.annotations.get(k.article).and_then(|a| a.quotes.get(k.quote)) else { continue };
            refs.push((k.article, q.range));
            sentences.extend(q.sentence.map(|s| SentenceKey { article: k.article, sentence: s }));
            texts.push(format!("\"{}\" ({})", cx.slice(k.article, q.range), cx.id(k.article)));
        }
        out.push(Contradiction {
            id: String::new(),
            kind: Kind::QuoteWording,
            explanation: format!(
                "The same statement{} is quoted in different words: {}.",
                g.speaker.as_deref().map(|s| format!(" of {s}")).unwrap_or_default(),
                listed(&texts, " versus ")
            ),
            refs,
            claims: cx.claims_at(&sentences),
        });
    }

    out
}

/// Quote attribution: nearly the same words, different speakers.
fn quote_attributions(cx: &Bundle<'_>) -> Vec<Contradiction> {
    let mut out: Vec<Contradiction> = Vec::new();
    let mut all: Vec<(usize, usize, String, BTreeSet<String>)> = Vec::new();
    let entity_at: BTreeMap<(usize, usize), String> =
        cx.entities.iter().flat_map(|e| e.mentions.iter().map(move |m| (*m, e.key.clone()))).collect();
    for (ai, ann) in cx.annotations.iter().enumerate() {
        for (qi, q) in ann.quotes.iter().enumerate() {
            let who = q.speaker.and_then(|m| entity_at.get(&(ai, m)).cloned());
            if let Some(w) = who {
                let words: BTreeSet<String> = norm_words(&cx.slice(ai, q.range))
                    .into_iter()
                    .filter(|w| !crate::xref::align::is_stopword(w))
                    .collect();
                if words.len() >= 3 {
                    all.push((ai, qi, w, words));
                }
            }
        }
    }
    for (x, y) in attribution_candidates(&all.iter().map(|q| &q.3).collect::<Vec<_>>(), 0.7) {
        let (Some(a), Some(b)) = (all.get(x), all.get(y)) else { continue };
        {
            if a.0 != b.0 && a.2 != b.2 && containment(&a.3, &b.3) >= 0.7 {
                let (Some(qa), Some(qb)) = (
                    cx.annotations.get(a.0).and_then(|n| n.quotes.get(a.1)),
                    cx.annotations.get(b.0).and_then(|n| n.quotes.get(b.1)),
                ) else {
                    continue;
                };
                out.push(Contradiction {
                    id: String::new(),
                    kind: Kind::QuoteAttribution,
                    explanation: format!(
                        "The same words are attributed to {} in {} and to {} in {}.",
                        a.2,
                        cx.id(a.0),
                        b.2,
                        cx.id(b.0)
                    ),
                    refs: vec![(a.0, qa.range), (b.0, qb.range)],
                    claims: Vec::new(),
                });
            }
        }
    }

    out
}

/// Roles of the same person within one story: titles before the name, appositions beside it, and a leading
/// office the article names bare with the same qualifier as the person's title ("Danish President NAME" …
/// "the Danish head of government"), headings included.
fn roles(cx: &Bundle<'_>) -> Vec<Contradiction> {
    let holders = office_holders(cx);
    let mut out = Vec::new();
    for e in cx.entities.iter().filter(|e| e.kind == crate::annotate::entities::EntityKind::Person) {
        let seen = roles_of(cx, e);
        out.extend(bare_leading_office(cx, e, &seen, &holders));
        out.extend(differing_roles(cx, e, &seen));
    }
    out
}

/// Per article, the holders of titled offices: (entity, the title's qualifier), for the rivals test of
/// [`bare_leading_office`].
fn office_holders(cx: &Bundle<'_>) -> BTreeMap<usize, Vec<(usize, String)>> {
    let mut office_holders: BTreeMap<usize, Vec<(usize, String)>> = BTreeMap::new();
    for (oi, o) in cx.entities.iter().enumerate() {
        for &(oa, om) in &o.mentions {
            let role = cx.annotations.get(oa).and_then(|n| n.mentions.get(om)).and_then(|m| m.role.as_deref());
            if let Some(r) = role.filter(|r| office(r).is_some()) {
                office_holders.entry(oa).or_default().push((oi, office_qualifier(r)));
            }
        }
    }
    office_holders
}

/// The offices a person's mentions give: a title before the name, else an apposition beside it.
fn roles_of(cx: &Bundle<'_>, e: &Entity) -> Vec<RoleSeen> {
    let (annotations, articles) = (cx.annotations, cx.articles);
    let mut seen: Vec<RoleSeen> = Vec::new();
    for &(ai, mi) in &e.mentions {
        let Some(m) = annotations.get(ai).and_then(|a| a.mentions.get(mi)) else { continue };
        let titled = match (&m.role, m.role_range) {
            (Some(role), Some(rr)) => Some((role.clone(), rr)),
            _ => {
                let sentence = m.sentence.and_then(|s| articles.get(ai).and_then(|a| a.sentences.get(s)));
                match (articles.get(ai), sentence) {
                    (Some(a), Some(s)) => apposition_role(a, m.range, s.range),
                    _ => None,
                }
            }
        };
        let Some((role, rr)) = titled else { continue };
        if let Some((canon, object)) = office(&role) {
            if !seen.iter().any(|x| x.0 == ai && x.1 == rr) {
                seen.push((ai, rr, role, canon, object, m.sentence));
            }
        }
    }
    seen
}

/// Bare leading offices in the articles where this person holds a qualified leading office: one finding
/// when one of them names another office.
fn bare_leading_office(
    cx: &Bundle<'_>,
    e: &Entity,
    seen: &[RoleSeen],
    office_holders: &BTreeMap<usize, Vec<(usize, String)>>,
) -> Option<Contradiction> {
    let mut bare: Vec<RoleSeen> = Vec::new();
    // Only articles where the person holds a leading office can have one (ascending, as all articles were).
    let mut leading: Vec<usize> = seen.iter().filter(|r| LEADING.contains(&r.3)).map(|r| r.0).collect();
    crate::base::order::sort(&mut leading);
    leading.dedup();
    for ai in leading {
        let Some(title) = seen.iter().find(|r| r.0 == ai && LEADING.contains(&r.3)) else { continue };
        let qualifier = office_qualifier(&title.2);
        if qualifier.is_empty() {
            continue;
        }
        // Another person of the article holding an office with the same qualifier makes a bare office
        // ambiguous.
        let rivals = office_holders.get(&ai).is_some_and(|holders| {
            holders.iter().any(|(oi, q)| *q == qualifier && cx.entities.get(*oi).is_some_and(|o| o.key != e.key))
        });
        if !rivals {
            bare.extend(bare_offices_of(cx, ai, title, &qualifier));
        }
    }
    if bare.is_empty() {
        return None;
    }
    let t = seen.iter().find(|r| LEADING.contains(&r.3) && bare.iter().any(|b| b.0 == r.0)).cloned()?;
    let mut refs = vec![(t.0, t.1)];
    refs.extend(bare.iter().map(|b| (b.0, b.1)));
    let mut words: Vec<String> = bare.iter().map(|b| format!("\"{}\"", b.2)).collect();
    crate::base::order::sort(&mut words);
    words.dedup();
    let sentences: Vec<SentenceKey> = std::iter::once(&t)
        .chain(bare.iter())
        .filter_map(|r| r.5.map(|s| SentenceKey { article: r.0, sentence: s }))
        .collect();
    Some(Contradiction {
        id: String::new(),
        kind: Kind::Role,
        explanation: format!(
            "{} is called \"{}\" in {}, which also gives the office {} to the same {} leader.",
            e.name,
            t.2,
            cx.id(t.0),
            words.join(", "),
            crate::base::text::capitalised(&office_qualifier(&t.2)),
        ),
        refs,
        claims: cx.claims_at(&sentences),
    })
}

/// The bare leading offices of one article other than the person's `title`: at least one must carry the
/// person's own qualifier; the unqualified mentions of that office then join it.
fn bare_offices_of(cx: &Bundle<'_>, ai: usize, title: &RoleSeen, qualifier: &str) -> Vec<RoleSeen> {
    let Some(a) = cx.articles.get(ai) else { return Vec::new() };
    let roles: Vec<TextRange> =
        cx.annotations.get(ai).map(|n| n.mentions.iter().filter_map(|m| m.role_range).collect()).unwrap_or_default();
    let mut found: Vec<(RoleSeen, bool)> = Vec::new();
    for (si, s) in a.sentences.iter().enumerate() {
        for (canon, q, r) in bare_offices(a, s.range, &roles) {
            if canon == title.3 || !q.is_empty() && q != qualifier {
                continue;
            }
            found.push(((ai, r, a.slice(r).to_string(), canon, None, Some(si)), q == qualifier));
        }
    }
    let offices: Vec<&str> = found.iter().filter(|f| f.1).map(|f| f.0 .3).collect();
    found.into_iter().filter(|f| offices.contains(&f.0 .3)).map(|f| f.0).collect()
}

/// One finding per pair of differing offices of one person within one story, with every span that gives
/// either.
fn differing_roles(cx: &Bundle<'_>, e: &Entity, seen: &[RoleSeen]) -> Vec<Contradiction> {
    let differing = differing_offices(cx, seen);
    let mut out = Vec::new();
    for (_, (one, other)) in &differing {
        let list = |side: &[&RoleSeen]| -> String {
            side.iter().map(|r| format!("\"{}\" in {}", r.2, cx.id(r.0))).collect::<Vec<_>>().join(" and ")
        };
        let all: Vec<&&RoleSeen> = one.iter().chain(other.iter()).collect();
        let sentences: Vec<SentenceKey> =
            all.iter().filter_map(|r| r.5.map(|s| SentenceKey { article: r.0, sentence: s })).collect();
        out.push(Contradiction {
            id: String::new(),
            kind: Kind::Role,
            explanation: format!("{} is called {} but {}.", e.name, list(one), list(other)),
            refs: all.iter().map(|r| (r.0, r.1)).collect(),
            claims: cx.claims_at(&sentences),
        });
    }
    out
}

/// The pairs of differing offices (by office, or by words when both hold the same office with disjoint
/// objects) of one person's role mentions within one story, sorted, each with the mentions on either side.
fn differing_offices<'s>(cx: &Bundle<'_>, seen: &'s [RoleSeen]) -> Vec<((String, String), RoleSides<'s>)> {
    let mut differing: Vec<((String, String), RoleSides<'_>)> = Vec::new();
    // The role mentions of each story, in order: pairs are only looked for within one story.
    let mut by_story: Vec<Vec<usize>> = vec![Vec::new(); cx.stories.len() + 1];
    for (x, a) in seen.iter().enumerate() {
        if let Some(v) = by_story.get_mut(cx.slot(a.0)) {
            v.push(x);
        }
    }
    // The words of each role's object, computed once; and per finding the spans already on each side.
    let objects: Vec<Option<BTreeSet<String>>> =
        seen.iter().map(|r| r.4.as_deref().map(|o| norm_words(o).into_iter().collect())).collect();
    let mut listed_spans: Vec<(SpanSet, SpanSet)> = Vec::new();
    let lowered: Vec<String> = seen.iter().map(|r| r.2.lowercase()).collect();
    for (x, a) in seen.iter().enumerate() {
        let later = by_story.get(cx.slot(a.0)).map(Vec::as_slice).unwrap_or(&[]);
        let later = later.get(later.partition_point(|&y| y <= x)..).unwrap_or(&[]);
        for (y, b) in later.iter().filter_map(|&y| seen.get(y).map(|b| (y, b))) {
            let differ = a.3 != b.3
                || matches!((objects.get(x), objects.get(y)), (Some(Some(wp)), Some(Some(wq))) if wp.is_disjoint(wq));
            if !differ {
                continue;
            }
            // Each side is named by its office, or by its words when both hold the same office.
            let (ka, kb) = if a.3 != b.3 {
                (a.3, b.3)
            } else {
                (lowered.get(x).map_or("", String::as_str), lowered.get(y).map_or("", String::as_str))
            };
            let (first, second, key) = if ka <= kb { (a, b, (ka, kb)) } else { (b, a, (kb, ka)) };
            let at = match differing.iter().position(|d| d.0 .0 == key.0 && d.0 .1 == key.1) {
                Some(i) => i,
                None => {
                    differing.push(((key.0.to_string(), key.1.to_string()), (Vec::new(), Vec::new())));
                    listed_spans.push((BTreeSet::new(), BTreeSet::new()));
                    differing.len() - 1
                }
            };
            let (Some((_, entry)), Some(spans)) = (differing.get_mut(at), listed_spans.get_mut(at)) else {
                continue;
            };
            if spans.0.insert((first.0, first.1)) {
                entry.0.push(first);
            }
            if spans.1.insert((second.0, second.1)) {
                entry.1.push(second);
            }
        }
    }
    crate::base::order::sort_by(&mut differing, |x, y| x.0.cmp(&y.0));
    differing
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case<'a> = (&'a str, Option<(&'a str, Option<&'a str>)>);

    #[test]
    fn offices_and_their_objects() {
        let cases: &[Case<'_>] = &[
            ("French President", Some(("president", None))),
            ("Prime Minister", Some(("prime minister", None))),
            ("the head of government", Some(("prime minister", None))),
            ("former advisor to Jane Roe", Some(("advisor", Some("jane roe")))),
            ("The advisor to the Finnish Interior Minister", Some(("advisor", Some("finnish interior minister")))),
            ("party boss", None),
        ];
        for (role, want) in cases {
            let got = office(role);
            let got = got.as_ref().map(|(c, o)| (*c, o.as_deref()));
            assert_eq!(got, *want, "{role}");
        }
    }

    use crate::annotate::entities::{EntityKind, Mention};
    use crate::annotate::numbers::NumberMention;
    use crate::annotate::time::{Anchor, TimeExpr};
    use crate::annotate::Annotations;
    use crate::input::parse::{parse, Input};
    use crate::xref::claims::{Claim, Status};
    use crate::xref::events::Story;

    fn article(name: &str, body: &str) -> Article {
        match parse(&Input::new(name, body.as_bytes().to_vec())) {
            Ok(a) => a,
            Err(r) => unreachable!("{:?}", r.diagnostic),
        }
    }

    fn range_of(a: &Article, needle: &str) -> TextRange {
        let start = a.text.find(needle).unwrap_or(0);
        TextRange::new(start, start + needle.len())
    }

    fn time(a: &Article, needle: &str, value: &str, flags: Vec<TimeFlag>) -> TimeExpr {
        let day = crate::xref::events::day_number(value).unwrap_or(0);
        TimeExpr {
            range: range_of(a, needle),
            value: Some(value.to_string()),
            grain: Grain::Day,
            anchor: Anchor::Explicit,
            modifier: None,
            flags,
            days: Some((day, day)),
            sentence: Some(0),
        }
    }

    fn number(a: &Article, needle: &str, value: f64) -> NumberMention {
        NumberMention {
            range: range_of(a, needle),
            value,
            unit: None,
            counted: Some("workers".into()),
            approximate: false,
            ordinal: false,
            sentence: Some(0),
        }
    }

    fn mention(a: &Article, name: &str, role: &str) -> Mention {
        Mention {
            range: range_of(a, name),
            kind: EntityKind::Person,
            name: name.to_string(),
            role: Some(role.to_string()),
            role_range: Some(range_of(a, role)),
            sentence: Some(0),
            guessed: false,
        }
    }

    /// Planted contradictions in two articles of one story, annotations constructed by hand (the
    /// annotators are other modules): a weekday that does not fit, the same Tuesday dated twice, 1,200
    /// versus 1,500 workers in one claim, President versus Prime Minister.
    #[test]
    fn planted_contradictions_are_found_with_explanations() {
        let a = article("a", "Head\n\nOn Tuesday, March 5, 2024, President Ann Vale thanked the 1,200 workers.");
        let b = article("b", "Head\n\nOn Monday, March 5, 2024, Prime Minister Ann Vale thanked the 1,500 workers.");
        let ann = vec![
            Annotations {
                mentions: vec![mention(&a, "Ann Vale", "President")],
                times: vec![time(&a, "Tuesday, March 5, 2024", "2024-03-05", vec![])],
                numbers: vec![number(&a, "1,200", 1200.0)],
                quotes: vec![],
            },
            Annotations {
                mentions: vec![mention(&b, "Ann Vale", "Prime Minister")],
                times: vec![time(&b, "Monday, March 5, 2024", "2024-03-05", vec![TimeFlag::WeekdayMismatch])],
                numbers: vec![number(&b, "1,500", 1500.0)],
                quotes: vec![],
            },
        ];
        let entities = vec![Entity {
            key: "person:ann-vale".into(),
            name: "Ann Vale".into(),
            kind: EntityKind::Person,
            aliases: vec![],
            why: vec![],
            mentions: vec![(0, 0), (1, 0)],
        }];
        let k = |article| SentenceKey { article, sentence: 0 };
        let claims = vec![Claim {
            id: "claim:a:0".into(),
            sentences: vec![k(0), k(1)],
            sources: vec![0, 1],
            independent: vec![0, 1],
            status: Status::Corroborated,
            explanation: String::new(),
            events: vec![],
        }];
        let stories = vec![Story { id: "story:a".into(), articles: vec![0, 1], range: None }];
        let found = find(&["a", "b"], &[&a, &b], &ann, &entities, &claims, &[], &stories);
        let kinds: Vec<Kind> = found.iter().map(|c| c.kind).collect();
        assert!(kinds.contains(&Kind::Weekday), "{found:#?}");
        assert!(kinds.contains(&Kind::Number), "{found:#?}");
        assert!(kinds.contains(&Kind::Role), "{found:#?}");
        let weekday = found.iter().find(|c| c.kind == Kind::Weekday).map(|c| c.explanation.clone());
        assert_eq!(
            weekday.as_deref(),
            Some("\"Monday, March 5, 2024\": 2024-03-05 fell on a Tuesday, not on the weekday the text names.")
        );
        let number = found.iter().find(|c| c.kind == Kind::Number);
        assert_eq!(number.map(|c| c.claims.clone()), Some(vec!["claim:a:0".to_string()]));
        assert!(number.is_some_and(|c| c.explanation.contains("\"1,200\" (a) versus \"1,500\" (b)")), "{number:?}");
        // Not across stories: the same facts in two stories are not compared.
        let apart = vec![
            Story { id: "story:a".into(), articles: vec![0], range: None },
            Story { id: "story:b".into(), articles: vec![1], range: None },
        ];
        let found = find(&["a", "b"], &[&a, &b], &ann, &entities, &claims, &[], &apart);
        let kinds: Vec<Kind> = found.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [Kind::Weekday], "{found:#?}");
    }

    #[test]
    fn weekdays() {
        // 2023-11-09 was a Thursday, 2023-10-09 a Monday.
        let thu = crate::xref::events::day_number("2023-11-09").unwrap_or(0);
        let mon = crate::xref::events::day_number("2023-10-09").unwrap_or(0);
        assert_eq!(WEEKDAYS[weekday_of(thu)], "Thursday");
        assert_eq!(WEEKDAYS[weekday_of(mon)], "Monday");
        assert_eq!(weekday_in("Thursday (October 9)"), Some(3));
    }

    #[test]
    fn appositions_name_roles() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("Jane Roe, a former advisor to the mayor, spoke.", "Jane Roe", Some("former advisor to the mayor")),
            (
                "The advisor to the Interior Minister, Jane Roe, spoke.",
                "Jane Roe",
                Some("advisor to the Interior Minister"),
            ),
            ("\"Fine\" - remarked former advisor to Max Orr, Jane Roe.", "Jane Roe", Some("former advisor to Max Orr")),
            ("Jane Roe, who lives nearby, spoke.", "Jane Roe", None),
        ];
        for (text, name, want) in cases {
            let a = Article::parsed("a", text);
            let Some(s) = a.sentences.first() else { unreachable!("{text}") };
            let got = apposition_role(&a, range_of(&a, name), s.range);
            assert_eq!(got.as_ref().map(|g| g.0.as_str()), *want, "{text}");
            if let Some((role, r)) = got {
                assert_eq!(a.slice(r), role);
            }
        }
    }

    #[test]
    fn bare_leading_offices_and_their_qualifiers() {
        let a = Article::parsed("a", "A statement from the Danish head of government caused a stir.");
        let s = a.sentences.first().map(|s| s.range).unwrap_or(TextRange::new(0, 0));
        let found: Vec<(&str, String)> = bare_offices(&a, s, &[]).into_iter().map(|(o, q, _)| (o, q)).collect();
        assert_eq!(found, [("prime minister", "danish".to_string())]);
        // A title before a name is the entity stage's, not a bare office.
        let b = Article::parsed("b", "Prime Minister Jane Roe spoke.");
        let s = b.sentences.first().map(|s| s.range).unwrap_or(TextRange::new(0, 0));
        assert!(bare_offices(&b, s, &[]).is_empty());
        assert_eq!(office_qualifier("Danish President"), "danish");
        assert_eq!(office_qualifier("President"), "");
    }
}
