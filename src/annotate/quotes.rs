//! Quotes: direct quotations (straight and curly marks, spanning sentences or paragraphs, partial quotes) and
//! reported speech, with their speaker found from attribution verbs, pronouns or "according to".
//!
//! Every span in quotation marks in the body is a quote, scare quotes included ("a “provocation”"): those keep
//! a `null` speaker, so a reader sees the marks the article used without a guessed source.
//! The speaker is `None` when it cannot be told: never a guess from mere proximity to a name.
//! This module must not group quotes across articles (the corpus does that).

#![warn(clippy::indexing_slicing)]

use crate::annotate::entities::{EntityKind, Mention};
use crate::base::text::Lowercase as _;
use crate::base::text::TextRange;
use crate::input::article::Article;
use crate::input::segment;

/// One quote in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted words (inside the quotation marks for a direct quote; the reported clause for a paraphrase).
    pub range: TextRange,
    /// Index of the speaker's mention in the article's mentions, when the speaker is a known entity.
    pub speaker: Option<usize>,
    /// The speaker as the text names it ("the Russian president", "the post"), when it can be told.
    pub speaker_text: Option<String>,
    /// The attribution verb ("said", "wrote", "according to").
    pub verb: Option<String>,
    /// The speaker's own words (true) or a paraphrase (false).
    pub direct: bool,
    /// Index of the sentence where the quote starts.
    pub sentence: Option<usize>,
}

/// Verbs that attribute words to a speaker.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "wrote",
    "writes",
    "added",
    "adds",
    "told",
    "tells",
    "asserted",
    "asserts",
    "remarked",
    "remarks",
    "commented",
    "comments",
    "stated",
    "states",
    "explained",
    "explains",
    "described",
    "describes",
    "noted",
    "notes",
    "claimed",
    "claims",
    "argued",
    "argues",
    "insisted",
    "insists",
    "declared",
    "declares",
    "replied",
    "warned",
    "warns",
    "announced",
    "announces",
    "reiterated",
    "referred",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "pointed",
    "asked",
    "asks",
    "continued",
    "concluded",
    "tweeted",
    "posted",
    "suggested",
    "admitted",
    "acknowledged",
    "observed",
    "recalled",
    "responded",
    "urged",
    "quipped",
    "joked",
    "wondered",
    "cautioned",
    "confirmed",
    "denied",
    "predicted",
    "promised",
    "vowed",
    "threatened",
    "called",
    "labelled",
    "labeled",
    "dubbed",
    "reported",
    "reports",
];

/// Pronouns that stand for a speaker.
const PRONOUNS: &[&str] = &["he", "she"];

/// Nouns that name the source of the previous quote ("the post added").
const SOURCE_NOUNS: &[&str] =
    &["post", "statement", "channel", "account", "tweet", "message", "agency", "report", "ministry", "spokesman"];

/// Words before a name that make it an object, not a speaker ("advisor to X", "the visit of X").
const PREPOSITIONS: &[&str] = &[
    "to", "of", "for", "with", "by", "at", "in", "from", "on", "about", "against", "towards", "toward", "than",
    "under", "into", "over", "between", "among", "during", "after", "before", "and",
];

/// Paragraph-level quotation spans, inner ranges (without the marks).
fn spans(article: &Article) -> Vec<TextRange> {
    let text = &article.text;
    let mut out = Vec::new();
    // An open quote carried over a paragraph break: (inner start, curly).
    let mut pending: Option<usize> = None;
    let mut pending_end = 0;
    for p in &article.paragraphs {
        if article.furniture.iter().any(|f| f.range.contains_range(p.range)) {
            continue;
        }
        let s = p.range.slice(text);
        let starts_with_open = s.trim_start().starts_with(['"', '“', '«', '„']);
        let mut open: Option<usize> = None;
        if let Some(start) = pending.take() {
            if starts_with_open {
                // The quote goes on in this paragraph: its opening mark is a continuation mark.
                open = Some(start);
            } else {
                out.push(TextRange::new(start, pending_end).trim(text));
            }
        }
        let mut skip_first_open = open.is_some();
        for (i, c) in s.char_indices() {
            let at = p.range.start + i;
            let after = at + c.len_utf8();
            match c {
                '“' | '«' | '„' => {
                    // An opening mark written where a closing one belongs (“… there goes the orchestra “, she said).
                    let next = s.get(i + c.len_utf8()..).and_then(|x| x.chars().next());
                    let misused_close = open.is_some() && next.is_none_or(|n| n.is_whitespace() || ",.;:".contains(n));
                    if skip_first_open {
                        skip_first_open = false;
                    } else if misused_close {
                        if let Some(o) = open.take() {
                            out.push(TextRange::new(o, at));
                        }
                    } else if open.is_none() {
                        open = Some(after);
                    }
                }
                '”' | '»' => {
                    if let Some(o) = open.take() {
                        out.push(TextRange::new(o, at));
                    }
                    skip_first_open = false;
                }
                '"' => {
                    // Which way a straight mark faces: a word on one side only tells; else it alternates.
                    let prev = s.get(..i).and_then(|x| x.chars().next_back());
                    let next = s.get(i + 1..).and_then(|x| x.chars().next());
                    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || ".,!?;:…—–-)".contains(c));
                    let opening = !word(prev) && next.is_some_and(|c| !c.is_whitespace());
                    let closing = word(prev) && next.is_none_or(|c| !c.is_alphanumeric());
                    if skip_first_open {
                        skip_first_open = false;
                    } else if opening && !closing {
                        open = Some(after);
                    } else if closing && !opening {
                        if let Some(o) = open.take() {
                            out.push(TextRange::new(o, at));
                        }
                    } else if let Some(o) = open.take() {
                        out.push(TextRange::new(o, at));
                    } else {
                        open = Some(after);
                    }
                }
                _ => {
                    if !c.is_whitespace() {
                        skip_first_open = false;
                    }
                }
            }
        }
        if let Some(o) = open {
            pending = Some(o);
            pending_end = p.range.end;
        }
    }
    if let Some(start) = pending {
        out.push(TextRange::new(start, pending_end).trim(text));
    }
    out.retain(|r| !r.slice(text).trim().is_empty());
    out
}

/// The sentence index holding a byte offset.
fn sentence_at(article: &Article, at: usize) -> Option<usize> {
    // Sentences are in text order and do not overlap: a binary search, not a scan per quote (which made an
    // article of n sentences and n quotes cost n²).
    let i = article.sentences.partition_point(|s| s.range.start <= at).checked_sub(1)?;
    let s = article.sentences.get(i)?;
    (at < s.range.end.max(s.range.start + 1)).then_some(i)
}

/// What a clause says about who spoke.
#[derive(Debug, Clone, Default)]
struct Attribution {
    speaker: Option<usize>,
    speaker_text: Option<String>,
    verb: Option<String>,
}

/// Finds the quotes of an article. `mentions` are the article's entity mentions.
pub fn extract(article: &Article, mentions: &[Mention]) -> Vec<Quote> {
    let text = &article.text;
    let quoted = spans(article);
    let mut out: Vec<Quote> = Vec::new();
    let outside = |m: &Mention| !quoted.iter().any(|q| q.contains_range(m.range));
    for (qi, &q) in quoted.iter().enumerate() {
        let open_len = text.get(..q.start).and_then(|r| r.chars().next_back()).map_or(0, char::len_utf8);
        let open_at = q.start.saturating_sub(open_len);
        let first_sentence = sentence_at(article, q.start).or_else(|| sentence_at(article, open_at));
        let last_sentence = sentence_at(article, q.end.saturating_sub(1)).or(first_sentence);
        // After the closing mark, up to the end of its sentence or the next quote.
        let after_end = last_sentence
            .and_then(|s| article.sentences.get(s))
            .map_or(q.end, |s| s.range.end)
            .min(quoted.get(qi + 1).map_or(usize::MAX, |n| n.start));
        let close_len = text.get(q.end..).and_then(|r| r.chars().next()).map_or(0, char::len_utf8);
        let after = TextRange::new((q.end + close_len).min(after_end), after_end);
        // Before the opening mark, from the start of its sentence or the previous quote.
        let before_start = first_sentence
            .and_then(|s| article.sentences.get(s))
            .map_or(open_at, |s| s.range.start)
            .max(if qi > 0 { quoted.get(qi - 1).map_or(0, |p| p.end) } else { 0 });
        let before = TextRange::new(before_start.min(open_at), open_at);
        let previous_speaker = out.last().filter(|p| {
            let near = match (p.sentence, first_sentence) {
                (Some(a), Some(b)) => b.saturating_sub(a) <= 3,
                _ => false,
            };
            near && p.speaker.is_some()
        });
        let ctx = Context { article, mentions, quoted: &quoted, quote: q, previous: previous_speaker.cloned() };
        let mut att = ctx.after(after);
        if att.verb.is_none() {
            att = ctx.before(before);
        }
        let _ = &outside;
        out.push(Quote {
            range: q,
            speaker: att.speaker,
            speaker_text: att.speaker_text,
            verb: att.verb,
            direct: true,
            sentence: first_sentence,
        });
    }
    out.extend(paraphrases(article, mentions, &quoted));
    out.sort_by_key(|q| (q.range.start, q.range.end));
    out
}

/// What attribution needs to look at.
struct Context<'a> {
    article: &'a Article,
    mentions: &'a [Mention],
    quoted: &'a [TextRange],
    quote: TextRange,
    previous: Option<Quote>,
}

impl Context<'_> {
    fn word(&self, r: TextRange) -> String {
        r.slice(&self.article.text).lowercase()
    }

    /// Mentions that can speak (people and organisations outside any quote) inside a range.
    fn speakers_in(&self, r: TextRange) -> Vec<usize> {
        self.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind != EntityKind::Place && r.contains_range(m.range))
            .filter(|(_, m)| !self.quoted.iter().any(|q| q.contains_range(m.range)))
            .filter(|(_, m)| !self.is_object(m))
            .map(|(i, _)| i)
            .collect()
    }

    /// A name that is a possessive or the object of a preposition does not speak.
    fn is_object(&self, m: &Mention) -> bool {
        let text = &self.article.text;
        let after = text.get(m.range.end..).unwrap_or("");
        if after.starts_with("'s") || after.starts_with("’s") {
            return true;
        }
        let start = m.role_range.map_or(m.range.start, |r| r.start.min(m.range.start));
        let before = text.get(..start).unwrap_or("");
        let prev = before
            .split_whitespace()
            .rev()
            .map(crate::base::text::lowercase)
            .find(|w| !matches!(w.as_str(), "the" | "a" | "an"))
            .unwrap_or_default();
        PREPOSITIONS.contains(&prev.as_str())
    }

    /// Attribution after a quote: `, VERB SPEAKER` or `, SPEAKER VERB`.
    fn after(&self, r: TextRange) -> Attribution {
        let text = &self.article.text;
        let toks = segment::tokens(text, r);
        let Some(vi) = toks.iter().take(8).position(|t| VERBS.contains(&self.word(*t).as_str())) else {
            return self.according_to(r, &toks);
        };
        let Some(&v) = toks.get(vi) else { return Attribution::default() };
        let verb = self.verb_text(&toks, vi);
        // SPEAKER VERB
        let head = TextRange::new(r.start, v.start);
        if let Some(a) = self.subject_before(head, toks.get(..vi).unwrap_or_default(), verb.clone()) {
            return a;
        }
        // VERB SPEAKER
        let tail = TextRange::new(v.end, r.end);
        if let Some(&m) = self.speakers_in(tail).first() {
            return self.attribution(m, verb);
        }
        if let Some(a) = self.noun_phrase(toks.get(vi + 1..).unwrap_or_default(), verb.clone(), true) {
            return a;
        }
        Attribution { verb, ..Attribution::default() }
    }

    /// Attribution before a quote: `SPEAKER VERB: "…"`, `SPEAKER described it as "…"`.
    fn before(&self, r: TextRange) -> Attribution {
        let text = &self.article.text;
        let toks = segment::tokens(text, r);
        let Some(vi) = toks.iter().rposition(|t| VERBS.contains(&self.word(*t).as_str())) else {
            return self.according_to(r, &toks);
        };
        let Some(&v) = toks.get(vi) else { return Attribution::default() };
        let verb = self.verb_text(&toks, vi);
        let head = TextRange::new(r.start, v.start);
        self.subject_before(head, toks.get(..vi).unwrap_or_default(), verb.clone())
            .unwrap_or(Attribution { verb, ..Attribution::default() })
    }

    /// "pointed out" keeps its particle.
    fn verb_text(&self, toks: &[TextRange], vi: usize) -> Option<String> {
        let v = self.word(*toks.get(vi)?);
        let next = toks.get(vi + 1).map(|t| self.word(*t));
        Some(match next.as_deref() {
            Some("out") if v == "pointed" => "pointed out".to_string(),
            _ => v,
        })
    }

    /// The subject written before a verb: a pronoun, a name, or a noun phrase ("the post").
    fn subject_before(&self, head: TextRange, toks: &[TextRange], verb: Option<String>) -> Option<Attribution> {
        // The words right before the verb, skipping adverbs.
        let mut k = toks.len();
        while k > 0 && toks.get(k - 1).is_some_and(|t| self.word(*t).ends_with("ly") || self.word(*t) == "also") {
            k -= 1;
        }
        let last = toks.get(k.checked_sub(1)?).map(|t| self.word(*t));
        if let Some(p) = last.as_deref().filter(|w| PRONOUNS.contains(w)) {
            let at = toks.get(k - 1).map_or(head.end, |t| t.start);
            let speaker = self.resolve_pronoun(at);
            return Some(Attribution { speaker, speaker_text: Some(p.to_string()), verb });
        }
        if let Some(&m) = self.speakers_in(head).last() {
            return Some(self.attribution(m, verb));
        }
        self.noun_phrase(toks.get(..k)?, verb, false)
    }

    /// "the Russian president", "the post", "the Chancellor": a role that one person of the article holds, or
    /// the source of the previous quote.
    fn noun_phrase(&self, toks: &[TextRange], verb: Option<String>, forward: bool) -> Option<Attribution> {
        let words: Vec<String> = toks.iter().map(|t| self.word(*t)).collect();
        let phrase: Vec<String> = if forward {
            let start = words.iter().position(|w| w == "the")?;
            if start > 0 {
                return None;
            }
            words.iter().skip(1).take_while(|w| !PREPOSITIONS.contains(&w.as_str())).take(3).cloned().collect()
        } else {
            let start = words.iter().rposition(|w| w == "the")?;
            if words.len() - start > 4 {
                return None;
            }
            words.get(start + 1..)?.to_vec()
        };
        if phrase.is_empty() {
            return None;
        }
        let speaker_text = format!("the {}", phrase.join(" "));
        let head = phrase.last()?.clone();
        if SOURCE_NOUNS.contains(&head.as_str()) {
            let speaker = self.previous.as_ref().and_then(|p| p.speaker);
            return Some(Attribution { speaker, speaker_text: Some(speaker_text), verb });
        }
        // A role: persons earlier in the article whose role ends with these words.
        let wanted = phrase.join(" ");
        let mut holders: Vec<(usize, &str)> = self
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == EntityKind::Person && m.range.start < self.quote.start)
            .filter(|(_, m)| m.role.as_deref().is_some_and(|r| r.lowercase().ends_with(&wanted)))
            .map(|(i, m)| (i, m.name.as_str()))
            .collect();
        let mut names: Vec<&str> = holders.iter().map(|h| h.1).collect();
        names.sort_unstable();
        names.dedup();
        if names.len() == 1 {
            let speaker = holders.pop().map(|h| h.0);
            return Some(Attribution { speaker, speaker_text: Some(speaker_text), verb });
        }
        None
    }

    /// He/she: the speaker of the previous quote when it is a person, else the nearest person named before
    /// (outside quotes) within three sentences.
    fn resolve_pronoun(&self, at: usize) -> Option<usize> {
        let here = sentence_at(self.article, at)?;
        let fits = |m: &Mention| {
            m.kind == EntityKind::Person
                && m.range.end <= at
                && !self.quoted.iter().any(|q| q.contains_range(m.range))
                && !self.is_object(m)
        };
        // A person named earlier in the same sentence ("X sparked anger when he claimed …").
        let same = self.mentions.iter().enumerate().rfind(|(_, m)| fits(m) && m.sentence == Some(here));
        if let Some((i, _)) = same {
            return Some(i);
        }
        if let Some(p) = self.previous.as_ref().and_then(|p| p.speaker) {
            if self.mentions.get(p).is_some_and(|m| m.kind == EntityKind::Person) {
                return Some(p);
            }
        }
        self.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| fits(m) && m.sentence.is_some_and(|s| here.saturating_sub(s) <= 3))
            .map(|(i, _)| i)
            .next_back()
    }

    /// "according to X".
    fn according_to(&self, r: TextRange, toks: &[TextRange]) -> Attribution {
        let words: Vec<String> = toks.iter().map(|t| self.word(*t)).collect();
        let Some(i) = words.windows(2).position(|w| {
            w.first().map(String::as_str) == Some("according") && w.get(1).map(String::as_str) == Some("to")
        }) else {
            return Attribution::default();
        };
        let from = toks.get(i + 1).map_or(r.end, |t| t.end);
        let verb = Some("according to".to_string());
        let tail = TextRange::new(from, r.end);
        let found = self
            .mentions
            .iter()
            .enumerate()
            .find(|(_, m)| m.kind != EntityKind::Place && tail.contains_range(m.range))
            .map(|(i, _)| i);
        match found {
            Some(m) => self.attribution(m, verb),
            None => Attribution { verb, ..Attribution::default() },
        }
    }

    fn attribution(&self, m: usize, verb: Option<String>) -> Attribution {
        let text = self.mentions.get(m).map(|x| x.range.slice(&self.article.text).to_string());
        Attribution { speaker: Some(m), speaker_text: text, verb }
    }
}

/// Reported speech without quotation marks: "X said that …" and "According to X, …".
fn paraphrases(article: &Article, mentions: &[Mention], quoted: &[TextRange]) -> Vec<Quote> {
    let text = &article.text;
    let mut out = Vec::new();
    for (si, s) in article.sentences.iter().enumerate() {
        if quoted.iter().any(|q| q.start < s.range.end && s.range.start < q.end) {
            continue;
        }
        let toks = segment::tokens(text, s.range);
        let words: Vec<String> = toks.iter().map(|t| t.slice(text).lowercase()).collect();
        let speakers = |r: TextRange| -> Option<usize> {
            mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.kind != EntityKind::Place && r.contains_range(m.range))
                .map(|(i, _)| i)
                .next_back()
        };
        // "According to X, clause."
        if words.first().map(String::as_str) == Some("according") && words.get(1).map(String::as_str) == Some("to") {
            let comma = s.range.slice(text).find(',').map(|c| s.range.start + c);
            if let Some(c) = comma {
                if let Some(m) = speakers(TextRange::new(s.range.start, c)) {
                    let clause = TextRange::new(c + 1, s.range.end).trim(text);
                    out.push(paraphrase(article, mentions, m, clause, "according to", si));
                }
            }
            continue;
        }
        // "X said that clause."
        for (vi, w) in words.iter().enumerate() {
            if !matches!(w.as_str(), "said" | "says" | "stated" | "announced" | "claimed" | "argued" | "warned") {
                continue;
            }
            if words.get(vi + 1).map(String::as_str) != Some("that") {
                continue;
            }
            let (Some(v), Some(that)) = (toks.get(vi), toks.get(vi + 1)) else { continue };
            let head = TextRange::new(s.range.start, v.start);
            // The subject must end right before the verb.
            let Some(m) = speakers(head) else { continue };
            let gap = mentions.get(m).map_or("x", |x| text.get(x.range.end..v.start).unwrap_or("x"));
            if !gap.trim().is_empty() {
                continue;
            }
            let clause = TextRange::new(that.end, s.range.end).trim(text);
            out.push(paraphrase(article, mentions, m, clause, w, si));
            break;
        }
    }
    out
}

fn paraphrase(article: &Article, mentions: &[Mention], m: usize, clause: TextRange, verb: &str, si: usize) -> Quote {
    Quote {
        range: clause,
        speaker: Some(m),
        speaker_text: mentions.get(m).map(|x| x.range.slice(&article.text).to_string()),
        verb: Some(verb.to_string()),
        direct: false,
        sentence: Some(si),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::entities;

    /// An article whose whole text is one body paragraph.
    fn article(body: &str) -> Article {
        Article::one_paragraph(body)
    }

    /// (quoted text, speaker text as its mention is written, verb, direct)
    fn quotes(body: &str) -> Vec<Row> {
        let a = article(body);
        let ms = entities::mentions(&a);
        extract(&a, &ms)
            .into_iter()
            .map(|q| {
                let sp = q.speaker.and_then(|i| ms.get(i)).map(|m| m.name.clone());
                (a.slice(q.range).to_string(), sp, q.verb, q.direct)
            })
            .collect()
    }

    /// (quoted text, speaker name, verb, direct)
    type Row = (String, Option<String>, Option<String>, bool);

    fn q(t: &str, s: Option<&str>, v: Option<&str>, d: bool) -> Row {
        (t.to_string(), s.map(str::to_string), v.map(str::to_string), d)
    }

    #[test]
    fn attribution_patterns() {
        let cases: Vec<(&str, Vec<Row>)> = vec![
            ("\"We will win,\" John Smith said.", vec![q("We will win,", Some("John Smith"), Some("said"), true)]),
            (
                "“We will win,” said Chancellor Hans Weber.",
                vec![q("We will win,", Some("Hans Weber"), Some("said"), true)],
            ),
            ("Maria Lopez wrote: \"It is over.\"", vec![q("It is over.", Some("Maria Lopez"), Some("wrote"), true)]),
            (
                "Ivan Petrov, an aide to President Hans Weber, described the vote as “a farce.”",
                vec![q("a farce.", Some("Ivan Petrov"), Some("described"), true)],
            ),
            (
                "John Smith arrived. \"It was cold,\" he added.",
                vec![q("It was cold,", Some("John Smith"), Some("added"), true)],
            ),
            ("Critics called the plan a \"disaster\" for years.", vec![q("disaster", None, Some("called"), true)]),
            ("It was seen as a “provocation” by many.", vec![q("provocation", None, None, true)]),
        ];
        for (body, want) in cases {
            assert_eq!(quotes(body), want, "{body}");
        }
    }

    #[test]
    fn roles_and_sources_resolve_speakers() {
        let got = quotes(
            "Russian President Ivan Petrov met Chancellor Hans Weber. \
             “We are allies,” the Russian president said. “Trade matters,” said the Chancellor.",
        );
        assert_eq!(
            got,
            [
                q("We are allies,", Some("Ivan Petrov"), Some("said"), true),
                q("Trade matters,", Some("Hans Weber"), Some("said"), true),
            ]
        );
    }

    #[test]
    fn quotes_span_sentences_and_paragraphs() {
        let body = "\"It had never happened. They were shocked,\" the post added.";
        assert_eq!(quotes(body), [q("It had never happened. They were shocked,", None, Some("added"), true)]);
    }

    #[test]
    fn paraphrases_are_not_direct() {
        let got = quotes("John Smith said that the talks failed. According to Reuters, the talks failed.");
        assert_eq!(
            got,
            [
                q("the talks failed.", Some("John Smith"), Some("said"), false),
                q("the talks failed.", Some("Reuters"), Some("according to"), false),
            ]
        );
    }
}
