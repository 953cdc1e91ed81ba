//! Contradictions and inconsistencies, each with the spans involved and a plain-language explanation:
//! a weekday that does not fit its date, different dates for the same happening, different numbers for the
//! same quantity, different places for the same happening, different titles or roles for the same person, different wordings of the same quote by the
//! same speaker and different speakers for the same words.
//!
//! Dates, numbers and roles are compared only within one story (or one claim inside a story), never between
//! unrelated happenings of a bundle; numbers and dates only when they measure the same thing (the same unit and
//! counted phrase, the same entity, paired across two sentences that say the same thing), never two figures of
//! one sentence against each other; quote wordings only between renderings of one statement. The office words used for roles are general English knowledge.
//! This module reads findings of the other stages; it must not change them (the corpus marks claims
//! contested from what is returned here).

use crate::annotate::entities::Entity;
use crate::annotate::numbers::NumberMention;
use crate::annotate::time::{Grain, TimeExpr, TimeFlag};
use crate::annotate::Annotations;
use crate::base::lexicon::weekday_number;
use crate::base::map::{Map, Set};
use crate::base::text::Lowercase as _;
use crate::base::text::TextRange;
use crate::input::article::Article;
use crate::xref::align::SentenceKey;
use crate::xref::claims::Claim;
use crate::xref::events::Story;
use crate::xref::quote_groups::{containment, norm_words, QuoteGroup};
use serde::Serialize;
use std::cmp::Ordering;

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

/// A role mention: article, role span, role text, office, its object, sentence.
type RoleSeen = (usize, TextRange, String, &'static str, Option<String>, Option<usize>);
/// Spans (article, range) already listed.
type SpanSet = Set<(usize, TextRange)>;
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
fn attribution_candidates(sets: &[&Set<String>], min: f64) -> Vec<(usize, usize)> {
    let mut postings: Map<&str, Vec<usize>> = Map::new();
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
    crate::base::order::sort(&mut out);
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
    story_of: Map<usize, usize>,
    /// The entity of each mention (the first that holds it, as a search in entity order finds it).
    entity_of: Map<(usize, usize), usize>,
    /// The claim of each sentence in one.
    claim_of: Map<SentenceKey, &'a str>,
    /// The name of each entity key.
    names: Map<&'a str, &'a str>,
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

    /// The byte range of a sentence.
    fn sentence_range(&self, k: SentenceKey) -> Option<TextRange> {
        self.articles.get(k.article)?.sentences.get(k.sentence).map(|s| s.range)
    }

    /// The name of the entity with this key.
    fn name_of(&self, key: &str) -> Option<&'a str> {
        self.names.get(key).copied()
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
const FINDERS: &[Finder] = &[weekdays, claim_figures, places, roles, quote_wordings, quote_attributions];

/// Finds the contradictions: every finder of `FINDERS` in turn, then ids from the kind and first span.
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
    let story_of: Map<usize, usize> =
        stories.iter().enumerate().flat_map(|(si, s)| s.articles.iter().map(move |&a| (a, si))).collect();
    // A mention named by two entities belongs to the first: collected in reverse, where the last one wins.
    let entity_of: Map<(usize, usize), usize> =
        entities.iter().enumerate().rev().flat_map(|(ei, e)| e.mentions.iter().map(move |m| (*m, ei))).collect();
    let claim_of: Map<SentenceKey, &str> =
        claims.iter().flat_map(|c| c.sentences.iter().map(move |k| (*k, c.id.as_str()))).collect();
    let names = entities.iter().map(|e| (e.key.as_str(), e.name.as_str())).collect();
    let bundle = Bundle {
        ids,
        articles,
        annotations,
        entities,
        claims,
        quote_groups,
        stories,
        story_of,
        entity_of,
        claim_of,
        names,
    };
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
    let mut seen: Map<String, usize> = Map::new();
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
    let mut others: Map<String, Vec<String>> = Map::new();
    let t_day = t.days.map(|d| d.0)?;
    let story = story_days.get(cx.slot(ai) * 7 + wd as usize).map(Vec::as_slice).unwrap_or(&[]);
    let from = story.partition_point(|x| x.0 < t_day - 62);
    let mut near: Vec<(usize, usize)> =
        story.get(from..).unwrap_or(&[]).iter().take_while(|x| x.0 <= t_day + 62).map(|x| (x.1, x.2)).collect();
    crate::base::order::sort(&mut near);
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

/// What a figure measures, as far as its own words tell: a number's unit and counted noun, or a date's grain.
#[derive(Debug, Clone, PartialEq)]
enum Measure {
    /// A number: its unit ("percent", "USD"; empty when none) and what it counts (empty when the sentence
    /// does not say): the counted noun's stem after the words between the number and it ("active monthly
    /// users" is not "users"). A percentage is a share of whatever its holder has: its counted noun is not
    /// compared.
    Number { unit: String, counted: String },
    /// A date of this precision.
    Date(Grain),
}

impl Measure {
    /// Whether two figures may measure the same thing: the same unit, and the same counted noun where both
    /// name one (a number needs a unit or a counted noun to be told at all); dates of the same grain.
    fn compatible(&self, other: &Measure) -> bool {
        match (self, other) {
            (Measure::Number { unit: u, counted: c }, Measure::Number { unit: v, counted: d }) => {
                u == v && (u == "percent" || c == d || !u.is_empty() && (c.is_empty() || d.is_empty()))
            }
            (Measure::Date(g), Measure::Date(h)) => g == h,
            _ => false,
        }
    }
}

/// A number or a date of a claim's sentence, as compared across sources.
#[derive(Debug, Clone)]
struct Figure {
    article: usize,
    sentence: SentenceKey,
    range: TextRange,
    measure: Measure,
    /// The value: a number's, or a date's normalised value.
    value: String,
    /// For a number: its value and whether the text hedges it ("about 65").
    number: Option<(f64, bool)>,
    /// The entity it belongs to: the nearest entity named before it in its sentence.
    holder: Option<usize>,
    /// A bound the text puts on it: `Greater` for "more than 60" (the value is at least this), `Less` for
    /// "under 10".
    bound: Option<Ordering>,
    /// The lower end when the figure is a range ("65 to 66.1 percent": 65, the value being 66.1).
    low: Option<f64>,
}

/// Words before a number that make it a lower bound ("more than 60") or an upper one ("under 10").
const BOUNDS: &[(&str, Ordering)] = &[
    ("more than", Ordering::Greater),
    ("over", Ordering::Greater),
    ("at least", Ordering::Greater),
    ("above", Ordering::Greater),
    ("upwards of", Ordering::Greater),
    ("less than", Ordering::Less),
    ("fewer than", Ordering::Less),
    ("under", Ordering::Less),
    ("below", Ordering::Less),
    ("up to", Ordering::Less),
    ("at most", Ordering::Less),
    ("nearly", Ordering::Less),
    ("almost", Ordering::Less),
];

/// The bound the words right before byte `at` put on a number.
fn bound_before(article: &Article, sentence: TextRange, at: usize) -> Option<Ordering> {
    let before = article.text.get(sentence.start..at)?.trim_end().to_ascii_lowercase();
    BOUNDS.iter().find(|(w, _)| before.ends_with(w) && !before.ends_with(&format!("{w}-"))).map(|(_, o)| *o)
}

/// What a number counts: the words between it and its counted noun (up to four, function words left out)
/// before the noun's stem; empty when the sentence names no counted noun after it.
fn counted_phrase(article: &Article, sentence: TextRange, n: &NumberMention) -> String {
    let Some(noun) = n.counted.as_deref() else { return String::new() };
    let after = article.text.get(n.range.end..sentence.end).unwrap_or("").to_ascii_lowercase();
    let words: Vec<&str> = after.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let stem = crate::xref::align::stem(noun);
    let Some(at) = words.iter().take(5).position(|w| crate::xref::align::stem(w) == stem) else { return stem };
    let mut phrase: Vec<&str> =
        words.iter().take(at).copied().filter(|w| !crate::xref::align::is_stopword(w)).collect();
    phrase.push(&stem);
    phrase.join(" ")
}

impl Figure {
    /// Whether two figures give the same value: equal, or a hedged number that the other rounds to.
    /// A bound ("more than 60", "under 10") agrees with every value on its side, a range ("65 to 66.1
    /// percent") with every value inside it; two of them agree when they overlap (then the upper end of one
    /// lies in the other).
    fn agrees(&self, other: &Figure) -> bool {
        if self.value == other.value {
            return true;
        }
        let (Some((a, hedged_a)), Some((b, hedged_b))) = (self.number, other.number) else { return false };
        hedged_a && a.fract() == 0.0 && b.round() == a
            || hedged_b && b.fract() == 0.0 && a.round() == b
            || self.allows(b)
            || other.allows(a)
    }

    /// Whether a bound or a range allows the value `v` (an exact figure allows nothing more than itself).
    fn allows(&self, v: f64) -> bool {
        let Some((limit, _)) = self.number else { return false };
        match (self.low, self.bound) {
            (Some(low), _) => low <= v && v <= limit,
            (None, Some(Ordering::Greater)) => v >= limit,
            (None, Some(Ordering::Less)) => v <= limit,
            _ => false,
        }
    }

    /// Whether the text leaves the value open: hedged ("about 65"), a bound or a range.
    fn vague(&self) -> bool {
        self.bound.is_some() || self.low.is_some() || self.number.is_some_and(|n| n.1)
    }
}

/// The lower end of the range whose upper end is `n`, among the numbers of its sentence: the number right
/// before it joined by "to" or a dash ("65 to 66.1 percent", "3-10 years"), or by "and" after "between",
/// smaller than it and of no other unit. "From 5 to 7 percent" is a change, not a range; "65 to 34" a score.
fn range_low<'n>(article: &Article, numbers: &[&'n NumberMention], n: &NumberMention) -> Option<&'n NumberMention> {
    let m = numbers.iter().copied().filter(|m| m.range.end <= n.range.start).max_by_key(|m| m.range.end)?;
    let between = article.text.get(m.range.end..n.range.start)?.trim();
    // The word before the lower end (only it: the text before may be long).
    let before = article.text.get(..m.range.start)?.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let joined = matches!(between, "to" | "-" | "–" | "—") && !before.eq_ignore_ascii_case("from")
        || between == "and" && before.eq_ignore_ascii_case("between");
    let same_unit = m.unit.is_none() || m.unit == n.unit;
    (joined && same_unit && m.value < n.value).then_some(m)
}

/// The figures of one sentence, in text order: numbers (not ordinals) with a unit or a counted noun, and
/// resolved dates of day, month or year grain (a date of a year needs a holder: a year alone says too little
/// about what happened in it).
fn figures_of(cx: &Bundle<'_>, k: SentenceKey) -> Vec<Figure> {
    let Some(ann) = cx.annotations.get(k.article) else { return Vec::new() };
    let holder = |at: usize| holder_before(cx, k, at);
    let mut out: Vec<Figure> = Vec::new();
    let Some(article) = cx.articles.get(k.article) else { return Vec::new() };
    // The sentence's range (the whole text if the sentence is not the article's: the words around a number
    // are then read up to the text's ends).
    let sentence = cx.sentence_range(k).unwrap_or(TextRange::new(0, article.text.len()));
    let numbers: Vec<&NumberMention> =
        ann.numbers.iter().filter(|n| n.sentence == Some(k.sentence) && !n.ordinal).collect();
    let lows: Vec<Option<&NumberMention>> = numbers.iter().map(|n| range_low(article, &numbers, n)).collect();
    for (n, low) in numbers.iter().zip(&lows) {
        let unit = n.unit.clone().unwrap_or_default();
        let counted = counted_phrase(article, sentence, n);
        // The lower end of a range is part of the range's figure.
        let is_low = lows.iter().flatten().any(|l| std::ptr::eq(*l, *n));
        if unit.is_empty() && counted.is_empty() || is_low {
            continue;
        }
        let start = low.map_or(n.range.start, |l| l.range.start);
        out.push(Figure {
            article: k.article,
            sentence: k,
            range: TextRange::new(start, n.range.end),
            measure: Measure::Number { unit, counted },
            value: low.map_or_else(|| format!("{}", n.value), |l| format!("{}-{}", l.value, n.value)),
            number: Some((n.value, n.approximate)),
            holder: holder(start),
            bound: bound_before(article, sentence, start),
            low: low.map(|l| l.value),
        });
    }
    for t in ann.times.iter().filter(|t| t.sentence == Some(k.sentence) && comparable_date(t)) {
        let Some(value) = t.value.clone() else { continue };
        let holder = holder(t.range.start);
        if t.grain == Grain::Year && holder.is_none() {
            continue;
        }
        let measure = Measure::Date(t.grain);
        let (range, number, bound, low) = (t.range, None, None, None);
        out.push(Figure { article: k.article, sentence: k, range, measure, value, number, holder, bound, low });
    }
    crate::base::order::sort_by(&mut out, |x, y| x.range.start.cmp(&y.range.start));
    out
}

/// Whether a time expression may be compared as a date: resolved, of day, month or year grain, with no
/// modifier ("early May", "since 2015" are not the date of a happening) and no flag that doubts it.
/// A weekday read backward only by the news default (`PastLeaning`, issue 22 item 5) or a date resolved against
/// a publication date inferred from the bundle (`InferredAnchor`) is a guess, not evidence of a different date.
fn comparable_date(t: &TimeExpr) -> bool {
    matches!(t.grain, Grain::Day | Grain::Month | Grain::Year)
        && t.value.is_some()
        && t.modifier.is_none()
        && !t.flags.iter().any(|f| {
            matches!(
                f,
                TimeFlag::Unresolved | TimeFlag::AfterPublication | TimeFlag::PastLeaning | TimeFlag::InferredAnchor
            )
        })
}

/// The entity named nearest before byte `at` in the sentence (a possessive "Acme's" included).
fn holder_before(cx: &Bundle<'_>, k: SentenceKey, at: usize) -> Option<usize> {
    let ann = cx.annotations.get(k.article)?;
    ann.mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.sentence == Some(k.sentence) && m.range.end <= at)
        .max_by_key(|(_, m)| m.range.end)
        .and_then(|(mi, _)| cx.entity_of.get(&(k.article, mi)).copied())
}

/// The holders of a list of figures when each is known and no two are the same: then they tell the figures
/// apart.
fn distinct_holders(list: &[&Figure]) -> Option<Vec<usize>> {
    let holders: Vec<usize> = list.iter().map(|f| f.holder).collect::<Option<Vec<_>>>()?;
    let mut sorted = holders.clone();
    crate::base::order::sort(&mut sorted);
    sorted.dedup();
    (sorted.len() == holders.len()).then_some(holders)
}

/// Pairs the figures of two sentences that measure the same thing, as (index in `a`, index in `b`, whether
/// they agree). Agreeing values pair first; of the rest, figures with distinct holders on both sides pair by
/// holder, else two lists of the same length pair in text order (sentences that say the same thing list
/// their figures in the same order), else only a holder named once on each side pairs. A year pairs only by
/// holder.
fn pair_figures(a: &[Figure], b: &[Figure]) -> Vec<(usize, usize, bool)> {
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    let mut used_b = vec![false; b.len()];
    let mut rest_a: Vec<usize> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        let same = b.iter().enumerate().position(|(j, y)| {
            !used_b.get(j).copied().unwrap_or(true) && x.measure.compatible(&y.measure) && x.agrees(y)
        });
        match same {
            Some(j) => {
                if let Some(u) = used_b.get_mut(j) {
                    *u = true;
                }
                out.push((i, j, true));
            }
            None => rest_a.push(i),
        }
    }
    let rest_b: Vec<usize> = (0..b.len()).filter(|&j| !used_b.get(j).copied().unwrap_or(true)).collect();
    // Compatible groups: each figure of `a` left with the figures of `b` left that measure the same thing.
    for (i, x) in rest_a.iter().filter_map(|&i| a.get(i).map(|x| (i, x))) {
        let peers_a: Vec<usize> =
            rest_a.iter().copied().filter(|&p| a.get(p).is_some_and(|p| p.measure.compatible(&x.measure))).collect();
        let peers_b: Vec<usize> =
            rest_b.iter().copied().filter(|&q| b.get(q).is_some_and(|q| q.measure.compatible(&x.measure))).collect();
        if let Some(j) = partner(a, b, &peers_a, &peers_b, i) {
            out.push((i, j, false));
        }
    }
    out
}

/// The partner in `b` of figure `i` of `a` among the compatible figures left on each side (see
/// [`pair_figures`]).
fn partner(a: &[Figure], b: &[Figure], peers_a: &[usize], peers_b: &[usize], i: usize) -> Option<usize> {
    let x = a.get(i)?;
    let side_a: Vec<&Figure> = peers_a.iter().filter_map(|&p| a.get(p)).collect();
    let side_b: Vec<&Figure> = peers_b.iter().filter_map(|&q| b.get(q)).collect();
    let by_holder = |h: usize| -> Option<usize> {
        let mut hits = peers_b.iter().copied().filter(|&q| b.get(q).is_some_and(|y| y.holder == Some(h)));
        let first = hits.next()?;
        hits.next().is_none().then_some(first)
    };
    let year = x.measure == Measure::Date(Grain::Year);
    if distinct_holders(&side_a).is_some() && distinct_holders(&side_b).is_some() || year {
        let h = x.holder?;
        let j = by_holder(h)?;
        let same_holder_in_a = side_a.iter().filter(|f| f.holder == Some(h)).count();
        return (same_holder_in_a == 1).then_some(j);
    }
    if side_a.len() == side_b.len() {
        let at = peers_a.iter().position(|&p| p == i)?;
        return peers_b.get(at).copied();
    }
    let h = x.holder?;
    let same_holder_in_a = side_a.iter().filter(|f| f.holder == Some(h)).count();
    by_holder(h).filter(|_| same_holder_in_a == 1)
}

/// Figures of one story compared across sources: the sentences of one claim pair with each other, and so do
/// two sentences of different articles that give figures of the same measures for the same entities in the
/// same order ([`frame`]: "A's shares rose 48% … while B's fell 3.3%" and "A's shares surged 47 percent …
/// while B's stock was down 3.2 percent"). Their figures pair by [`pair_figures`]; figures linked by pairs
/// (agreeing or not) are one quantity, a finding when two of its values differ, dropped when it holds two
/// figures of one sentence (it would set a sentence against itself).
fn claim_figures(cx: &Bundle<'_>) -> Vec<Contradiction> {
    let pairs = sentence_pairs(cx);
    let mut keys: Vec<SentenceKey> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    crate::base::order::sort(&mut keys);
    keys.dedup();
    let figures: Vec<Vec<Figure>> = keys.iter().map(|&k| figures_of(cx, k)).collect();
    let mut offset: Vec<usize> = Vec::with_capacity(figures.len());
    let mut flat: Vec<&Figure> = Vec::new();
    for f in &figures {
        offset.push(flat.len());
        flat.extend(f.iter());
    }
    let at = |k: SentenceKey| keys.binary_search(&k).ok();
    let mut parent: Vec<usize> = (0..flat.len()).collect();
    let mut differ: Vec<(usize, usize)> = Vec::new();
    for &(ka, kb) in &pairs {
        let (Some(x), Some(y)) = (at(ka), at(kb)) else { continue };
        let (Some(fa), Some(fb)) = (figures.get(x), figures.get(y)) else { continue };
        let (oa, ob) = (offset.get(x).copied().unwrap_or(0), offset.get(y).copied().unwrap_or(0));
        for (i, j, agree) in pair_figures(fa, fb) {
            let restated = |k: SentenceKey, f: Option<&Figure>| f.is_some_and(|f| gives_value(cx, k, f));
            if !agree && (restated(ka, fb.get(j)) || restated(kb, fa.get(i))) {
                continue;
            }
            crate::xref::claims::union(&mut parent, oa + i, ob + j);
            if !agree {
                differ.push((oa + i, ob + j));
            }
        }
    }
    quantities(cx, &flat, &mut parent, &differ)
}

/// Whether sentence `k` also gives the value of figure `f` (as any number, with or without its unit): then
/// it agrees with `f`, and its own different figure counts something else ("played 11 seasons and coached
/// for seven" beside "coached for seven seasons"; "finished 30 days of a 90-day stay" beside "the 90 days").
fn gives_value(cx: &Bundle<'_>, k: SentenceKey, f: &Figure) -> bool {
    let Some((v, _)) = f.number else { return false };
    let numbers = cx.annotations.get(k.article).map_or(&[][..], |a| a.numbers.as_slice());
    numbers.iter().any(|n| n.sentence == Some(k.sentence) && !n.ordinal && n.value == v)
}

/// The sentence pairs whose figures are compared: sentences of different articles in one claim of one story,
/// and sentences of different articles of one story with the same [`frame`].
fn sentence_pairs(cx: &Bundle<'_>) -> Vec<(SentenceKey, SentenceKey)> {
    let mut out: Vec<(SentenceKey, SentenceKey)> = Vec::new();
    for c in cx.claims.iter().filter(|c| cx.one_story(c)) {
        for (x, &a) in c.sentences.iter().enumerate() {
            // The next few sentences of other articles only: linked figures form one quantity anyway, and a
            // value that differs differs from a neighbour (the pairs stay linear in a claim's size).
            let next = c.sentences.iter().skip(x + 1).filter(|b| b.article != a.article).take(CLAIM_NEIGHBOURS);
            out.extend(next.map(|&b| (a.min(b), a.max(b))));
        }
    }
    let mut frames: Map<(usize, String), Vec<SentenceKey>> = Map::new();
    for (ai, a) in cx.articles.iter().enumerate() {
        for si in 0..a.sentences.len() {
            let k = SentenceKey { article: ai, sentence: si };
            if let Some(f) = frame(cx, k) {
                frames.entry((cx.slot(ai), f)).or_default().push(k);
            }
        }
    }
    for keys in frames.values().filter(|v| v.len() <= MAX_FRAME_SENTENCES) {
        for (x, &a) in keys.iter().enumerate() {
            out.extend(keys.iter().skip(x + 1).filter(|b| b.article != a.article).map(|&b| (a, b)));
        }
    }
    crate::base::order::sort(&mut out);
    out.dedup();
    out
}

/// How many later sentences of other articles each sentence of a claim is compared with.
const CLAIM_NEIGHBOURS: usize = 4;

/// Most sentences one frame may hold in a story (a frame shared more widely is no evidence of one happening).
const MAX_FRAME_SENTENCES: usize = 12;

/// The frame of a sentence: the measures of its numbers with the entity each belongs to, in text order, when
/// it gives two numbers or more, every one with a holder, and names two holders or more; `None` otherwise.
fn frame(cx: &Bundle<'_>, k: SentenceKey) -> Option<String> {
    let ann = cx.annotations.get(k.article)?;
    let count = ann.numbers.iter().filter(|n| n.sentence == Some(k.sentence) && !n.ordinal).count();
    if count < 2 {
        return None;
    }
    let figures: Vec<Figure> = figures_of(cx, k).into_iter().filter(|f| f.number.is_some()).collect();
    let holders: Vec<usize> = figures.iter().map(|f| f.holder).collect::<Option<Vec<_>>>()?;
    let mut distinct = holders.clone();
    crate::base::order::sort(&mut distinct);
    distinct.dedup();
    if figures.len() < 2 || distinct.len() < 2 {
        return None;
    }
    let parts: Vec<String> = figures
        .iter()
        .zip(&holders)
        .map(|(f, h)| match &f.measure {
            Measure::Number { unit, counted, .. } => format!("{unit}/{counted}@{h}"),
            Measure::Date(g) => format!("{}@{h}", g.name()),
        })
        .collect();
    Some(parts.join(" "))
}

/// One finding per quantity (a set of linked figures) with a disagreeing pair and no two figures of one
/// sentence.
fn quantities(
    cx: &Bundle<'_>,
    flat: &[&Figure],
    parent: &mut [usize],
    differ: &[(usize, usize)],
) -> Vec<Contradiction> {
    let mut roots: Vec<usize> = differ.iter().map(|&(a, _)| crate::xref::claims::find(parent, a)).collect();
    crate::base::order::sort(&mut roots);
    roots.dedup();
    let mut out = Vec::new();
    for r in roots {
        let members: Vec<&Figure> = (0..flat.len())
            .filter(|&i| crate::xref::claims::find(parent, i) == r)
            .filter_map(|i| flat.get(i).copied())
            .collect();
        let mut sentences: Vec<SentenceKey> = members.iter().map(|f| f.sentence).collect();
        crate::base::order::sort(&mut sentences);
        if sentences.windows(2).any(|w| w.first() == w.get(1)) {
            continue;
        }
        out.extend(quantity_finding(cx, &members));
    }
    out
}

/// The finding for one quantity: its values, each with the texts and sources that give it.
fn quantity_finding(cx: &Bundle<'_>, members: &[&Figure]) -> Option<Contradiction> {
    // A hedged figure, a bound or a range is no side of the disagreement when it agrees with every other
    // figure, or with an exact one (that figure speaks for its side: "more than 65 percent" beside "65.5").
    let speaks_for =
        |f: &Figure| members.iter().all(|g| f.agrees(g)) || members.iter().any(|g| !g.vague() && f.agrees(g));
    let shown: Vec<&Figure> = members.iter().copied().filter(|f| !(f.vague() && speaks_for(f))).collect();
    let members = shown.as_slice();
    let first = members.first()?;
    let mut values: Vec<(String, Vec<String>, Vec<&str>)> = Vec::new();
    for f in members {
        let text = format!("\"{}\"", cx.slice(f.article, f.range));
        match values.iter_mut().find(|v| v.0 == f.value) {
            Some(v) => {
                if !v.1.contains(&text) {
                    v.1.push(text);
                }
                if !v.2.contains(&cx.id(f.article)) {
                    v.2.push(cx.id(f.article));
                }
            }
            None => values.push((f.value.clone(), vec![text], vec![cx.id(f.article)])),
        }
    }
    if values.len() < 2 {
        return None;
    }
    let holders: Vec<Option<usize>> = members.iter().map(|f| f.holder).collect();
    let of = match holders.first().copied().flatten() {
        Some(h) if holders.iter().all(|x| *x == Some(h)) => {
            cx.entities.get(h).map(|e| format!(" of {}", e.name)).unwrap_or_default()
        }
        _ => String::new(),
    };
    let listed: Vec<String> =
        values.iter().map(|(_, texts, arts)| format!("{} ({})", texts.join(", "), arts.join(", "))).collect();
    let (kind, what) = match first.measure {
        Measure::Date(_) => (Kind::Date, "date"),
        Measure::Number { .. } => (Kind::Number, "figure"),
    };
    Some(Contradiction {
        id: String::new(),
        kind,
        explanation: format!("The sources give a different {what}{of}: {}.", listed.join(" versus ")),
        refs: members.iter().map(|f| (f.article, f.range)).collect(),
        claims: cx.claims_at(&members.iter().map(|f| f.sentence).collect::<Vec<_>>()),
    })
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

/// One quote as compared with other renderings of its statement.
struct Rendering {
    article: usize,
    range: TextRange,
    sentence: Option<usize>,
    /// Its words, lowercased, curly apostrophes written straight (`’` and `'` are one spelling).
    words: Vec<String>,
    /// Its content words, stemmed.
    content: Set<String>,
}

/// A quote of the group as a [`Rendering`].
fn rendering(cx: &Bundle<'_>, k: &crate::xref::quote_groups::QuoteKey) -> Option<Rendering> {
    let q = cx.annotations.get(k.article)?.quotes.get(k.quote)?;
    Some(rendering_of(k.article, q.range, q.sentence, &cx.slice(k.article, q.range)))
}

/// The [`Rendering`] of a quote's text.
fn rendering_of(article: usize, range: TextRange, sentence: Option<usize>, text: &str) -> Rendering {
    let words = norm_words(&text.replace(['\u{2019}', '\u{2018}'], "'"));
    // Figures are no words of a statement: "three to 10 years" and "no less than three years" share none.
    let figure = |w: &str| w.chars().any(|c| c.is_ascii_digit()) || crate::base::lexicon::word_value(w).is_some();
    let content = words
        .iter()
        .filter(|w| !crate::xref::align::is_stopword(w) && !figure(w))
        .map(|w| crate::xref::align::stem(w))
        .collect();
    Rendering { article, range, sentence, words, content }
}

/// Whether two quotes of different articles render one statement differently: they share two content words
/// or more, at least half of the smaller one's (the same statement, not another one of the same speaker),
/// and neither is a run of the other's words (a partial quote inside a fuller one is the same wording).
fn renders_differently(x: &Rendering, y: &Rendering) -> bool {
    let shared = x.content.intersection(&y.content).count();
    x.article != y.article
        && shared >= 2
        && shared * 2 >= x.content.len().min(y.content.len())
        && !contains_run(&x.words, &y.words)
        && !contains_run(&y.words, &x.words)
}

/// Quote wording: the renderings of one statement in a quote group that differ from another rendering of it
/// in another article, with the speaker's name.
fn quote_wordings(cx: &Bundle<'_>) -> Vec<Contradiction> {
    let mut out: Vec<Contradiction> = Vec::new();
    for g in cx.quote_groups.iter().filter(|g| !g.identical) {
        let all: Vec<Rendering> = g.quotes.iter().filter_map(|k| rendering(cx, k)).collect();
        let differing: Vec<&Rendering> = all
            .iter()
            .enumerate()
            .filter(|(i, x)| all.iter().enumerate().any(|(j, y)| *i != j && renders_differently(x, y)))
            .map(|(_, x)| x)
            .collect();
        if differing.is_empty() {
            continue;
        }
        let refs: Vec<(usize, TextRange)> = differing.iter().map(|r| (r.article, r.range)).collect();
        let sentences: Vec<SentenceKey> = differing
            .iter()
            .filter_map(|r| r.sentence.map(|s| SentenceKey { article: r.article, sentence: s }))
            .collect();
        let texts: Vec<String> =
            differing.iter().map(|r| format!("\"{}\" ({})", cx.slice(r.article, r.range), cx.id(r.article))).collect();
        let of = g.speaker.as_deref().and_then(|s| cx.name_of(s)).map(|n| format!(" of {n}")).unwrap_or_default();
        out.push(Contradiction {
            id: String::new(),
            kind: Kind::QuoteWording,
            explanation: format!("One statement{of} is quoted in different words: {}.", listed(&texts, " versus ")),
            refs,
            claims: cx.claims_at(&sentences),
        });
    }
    out
}

/// Whether two speakers' names end in the same word ("Jane Roe" and "Chair Jane Roe"): more likely one person
/// the entity stage left in two entities than two people saying the same words.
fn same_surname(cx: &Bundle<'_>, a: &str, b: &str) -> bool {
    let last = |key: &str| cx.name_of(key).and_then(|n| n.split_whitespace().last()).map(crate::base::text::lowercase);
    last(a).is_some_and(|x| Some(x) == last(b))
}

/// Quote attribution: nearly the same words, different speakers (not two entities of one surname).
fn quote_attributions(cx: &Bundle<'_>) -> Vec<Contradiction> {
    let mut out: Vec<Contradiction> = Vec::new();
    let mut all: Vec<(usize, usize, String, Set<String>)> = Vec::new();
    let entity_at: Map<(usize, usize), String> =
        cx.entities.iter().flat_map(|e| e.mentions.iter().map(move |m| (*m, e.key.clone()))).collect();
    for (ai, ann) in cx.annotations.iter().enumerate() {
        for (qi, q) in ann.quotes.iter().enumerate() {
            let who = q.speaker.and_then(|m| entity_at.get(&(ai, m)).cloned());
            if let Some(w) = who {
                let words: Set<String> = norm_words(&cx.slice(ai, q.range))
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
            if a.0 != b.0 && a.2 != b.2 && !same_surname(cx, &a.2, &b.2) && containment(&a.3, &b.3) >= 0.7 {
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
                        cx.name_of(&a.2).unwrap_or(&a.2),
                        cx.id(a.0),
                        cx.name_of(&b.2).unwrap_or(&b.2),
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
fn office_holders(cx: &Bundle<'_>) -> Map<usize, Vec<(usize, String)>> {
    let mut office_holders: Map<usize, Vec<(usize, String)>> = Map::new();
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
    office_holders: &Map<usize, Vec<(usize, String)>>,
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
    let objects: Vec<Option<Set<String>>> =
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
                    listed_spans.push((Set::new(), Set::new()));
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

    fn fig(value: f64, unit: &str, holder: Option<usize>, bound: Option<Ordering>) -> Figure {
        Figure {
            article: 0,
            sentence: SentenceKey::default(),
            range: TextRange::new(0, 0),
            measure: Measure::Number { unit: unit.into(), counted: String::new() },
            value: format!("{value}"),
            number: Some((value, false)),
            holder,
            bound,
            low: None,
        }
    }

    type PairCase = (&'static str, Vec<Figure>, Vec<Figure>, Vec<(usize, usize, bool)>);

    /// Figures of two sentences that say the same thing: which pair (index in a, index in b, agreeing).
    #[test]
    fn figures_pair_only_when_they_measure_the_same_thing() {
        let (x, y) = (Some(1), Some(2));
        let cases: Vec<PairCase> = vec![
            (
                "X 65.1% to Y 34.9% / X 57.85% while Y 42.15%: by holder",
                vec![fig(65.1, "percent", x, None), fig(34.9, "percent", y, None)],
                vec![fig(57.85, "percent", x, None), fig(42.15, "percent", y, None)],
                vec![(0, 0, false), (1, 1, false)],
            ),
            (
                "reversed order, distinct holders: still by holder",
                vec![fig(65.1, "percent", x, None), fig(34.9, "percent", y, None)],
                vec![fig(42.15, "percent", y, None), fig(57.85, "percent", x, None)],
                vec![(0, 1, false), (1, 0, false)],
            ),
            (
                "X defeated Y by 65.5% to 34.5% (one holder for both): in text order",
                vec![fig(65.1, "percent", x, None), fig(34.9, "percent", y, None)],
                vec![fig(65.5, "percent", y, None), fig(34.5, "percent", y, None)],
                vec![(0, 0, false), (1, 1, false)],
            ),
            (
                "the same value agrees first, the other two pair by holder",
                vec![fig(7.6, "USD", x, None), fig(8.5, "USD", y, None), fig(1.2, "USD", Some(3), None)],
                vec![fig(8.5, "USD", y, None), fig(7.2, "USD", x, None)],
                vec![(1, 0, true), (0, 1, false)],
            ),
            ("different holders: no pair", vec![fig(7.6, "USD", x, None)], vec![fig(7.2, "USD", y, None)], vec![]),
            ("different units: no pair", vec![fig(47.0, "percent", x, None)], vec![fig(47.0, "USD", x, None)], vec![]),
            (
                "a bound agrees with the values on its side",
                vec![fig(65.0, "percent", x, Some(Ordering::Greater))],
                vec![fig(65.5, "percent", x, None)],
                vec![(0, 0, true)],
            ),
        ];
        for (name, a, b, want) in cases {
            assert_eq!(pair_figures(&a, &b), want, "{name}");
        }
    }

    /// The number findings of one-sentence articles (a headline, then the sentence) whose sentences form one
    /// claim of one story, annotated by the annotators themselves.
    fn number_findings(texts: &[&str]) -> Vec<String> {
        let articles: Vec<Article> =
            texts.iter().enumerate().map(|(i, t)| article(&format!("{}", i), &format!("Head\n\n{t}"))).collect();
        let refs: Vec<&Article> = articles.iter().collect();
        let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let ann: Vec<Annotations> = refs.iter().map(|a| crate::annotate::annotate(a)).collect();
        let all: Vec<usize> = (0..texts.len()).collect();
        let claims = vec![Claim {
            id: "claim:0:0".into(),
            sentences: all.iter().map(|&article| SentenceKey { article, sentence: 0 }).collect(),
            sources: all.clone(),
            independent: all.clone(),
            status: Status::Corroborated,
            explanation: String::new(),
            events: vec![],
        }];
        let stories = vec![Story { id: "story:0".into(), articles: all, range: None }];
        let found = find(&ids, &refs, &ann, &[], &claims, &[], &stories);
        found.into_iter().filter(|c| c.kind == Kind::Number).map(|c| c.explanation).collect()
    }

    /// Figures compared across the sentences of one claim: a range agrees with the values inside it and is
    /// shown whole; a bound or a range that an exact figure speaks for is not listed; a sentence that also
    /// gives the other's value counts something else with its own figure.
    #[test]
    fn ranges_bounds_and_restated_values() {
        let cases: &[(&str, &[&str], Option<&str>)] = &[
            (
                "exact values differ",
                &["Turnout was 61.5 percent.", "Turnout was 57.85 percent."],
                Some("\"61.5 percent\" (0) versus \"57.85 percent\" (1)"),
            ),
            ("a value inside a range", &["Turnout was 65 to 66.1 percent.", "Turnout was 65.5 percent."], None),
            (
                "a value outside a range",
                &["Turnout was 65 to 66.1 percent.", "Turnout was 57.85 percent."],
                Some("\"65 to 66.1 percent\" (0) versus \"57.85 percent\" (1)"),
            ),
            ("between one and the other", &["They face between 3 and 10 years.", "They face 5 years."], None),
            (
                "a change is no range",
                &["Turnout rose from 65 to 66.1 percent.", "Turnout rose to 65.5 percent."],
                Some("\"66.1 percent\" (0) versus \"65.5 percent\" (1)"),
            ),
            (
                "a bound beside an exact value on its side",
                &["Turnout was more than 65 percent.", "Turnout was 65.5 percent.", "Turnout was 57.85 percent."],
                Some("The sources give a different figure: \"65.5 percent\" (1) versus \"57.85 percent\" (2)."),
            ),
            (
                "the other's value restated",
                &["He played 11 seasons and coached for seven.", "He coached for seven seasons."],
                None,
            ),
            (
                "no value restated",
                &["He played 11 seasons.", "He played seven seasons."],
                Some("\"11\" (0) versus \"seven\" (1)"),
            ),
        ];
        for (name, texts, want) in cases {
            let found = number_findings(texts);
            match want {
                Some(w) => assert!(found.len() == 1 && found.iter().all(|f| f.contains(w)), "{name}: {found:?}"),
                None => assert!(found.is_empty(), "{name}: {found:?}"),
            }
        }
    }

    /// Renderings of one statement differ; a speaker's other statement, a partial quote, figures alone or a
    /// curly apostrophe do not.
    #[test]
    fn renderings_of_one_statement() {
        let r = |article: usize, text: &str| rendering_of(article, TextRange::new(0, text.len()), None, text);
        let cases: &[(&str, &str, bool)] = &[
            ("This is a serious crime", "This was a serious crime", true),
            ("America's Dad", "America\u{2019}s Dad", false),
            ("three to 10 years", "no less than three and no more than 10 years", false),
            ("The team has grown a fantastic business", "Together we can accelerate the growth", false),
            ("hope and renewed confidence", "A page of hope and renewed confidence tonight", false),
            ("trolling at a high level", "trolling at a prohibitive level", true),
        ];
        for (a, b, want) in cases {
            assert_eq!(renders_differently(&r(0, a), &r(1, b)), *want, "{a} / {b}");
        }
        // Two quotes of one article are no disagreement between sources.
        assert!(!renders_differently(&r(0, "This is a serious crime"), &r(0, "This was a serious crime")));
    }
}
