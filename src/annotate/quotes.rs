//! Quotes: direct quotations (straight and curly marks, spanning sentences or paragraphs, partial quotes) and
//! reported speech, with their speaker found from attribution verbs, pronouns or "according to".
//!
//! Every span in quotation marks in the body is a quote, scare quotes included ("a “provocation”"): those keep
//! a `null` speaker, so a reader sees the marks the article used without a guessed source.
//! The speaker is `None` when it cannot be told: never a guess from mere proximity to a name.
//! This module must not group quotes across articles (the corpus does that).

#![warn(clippy::indexing_slicing)]

use crate::annotate::entities::{EntityKind, Mention};
use crate::base::lexicon::Words;
use crate::base::map::Map;
use crate::base::text::TextRange;
use crate::base::text::{lowercase, Lowercase as _};
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
    /// How the speaker was found, when there is one.
    pub how: Option<SpeakerHow>,
}

/// How a quote's speaker was found (the sieve's step that found it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SpeakerHow {
    /// A name in the attribution: `X said`, `said X`, `X, the judge, said`, `according to X`, `— X`.
    Name,
    /// A pronoun (`he said`) resolved to the last named person the article's gender evidence fits.
    Pronoun,
    /// A description (`the judge said`) that exactly one person named earlier holds as a role.
    Description,
    /// No attribution of its own: it goes on from the previous quote (the second half of a quote split around
    /// its attribution, or a paragraph that opens with a quote).
    Continuation,
    /// A source noun (`the statement added`) standing for the previous quote's speaker.
    Source,
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
    "saying",
    "adding",
    "telling",
    "noting",
    "arguing",
    "insisting",
    "writing",
    "warning",
    "explaining",
    "declaring",
    "demanded",
    "boasted",
    "yelled",
    "yells",
    "shouted",
    "shouts",
    "chanted",
    "tweeting",
    "asking",
];

/// Words that may stand between a subject and its attribution verb (`X has also said`).
const AUXILIARIES: &[&str] =
    &["has", "had", "have", "was", "is", "also", "then", "later", "earlier", "again", "once", "later"];

/// Pronouns that stand for a speaker.
const PRONOUNS: &[&str] = &["he", "she"];

/// Nouns that name the source of the previous quote ("the post added").
const SOURCE_NOUNS: &[&str] = &[
    "post",
    "statement",
    "channel",
    "account",
    "tweet",
    "message",
    "agency",
    "report",
    "ministry",
    "spokesman",
    "release",
    "spokeswoman",
    "spokesperson",
    "announcement",
    "letter",
    "memo",
    "website",
    "blog",
];

/// Words before a name that make it an object, not a speaker ("advisor to X", "the visit of X").
const PREPOSITIONS: &[&str] = &[
    "to", "of", "for", "with", "by", "at", "in", "from", "on", "about", "against", "towards", "toward", "than",
    "under", "into", "over", "between", "among", "during", "after", "before", "and",
];

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    /// Only opens (`“`, `«`, `„`, two backticks).
    Open,
    /// Only closes (`”`, `»`).
    Close,
    /// Either way (`"`, and two apostrophes `''`): the neighbouring characters tell.
    Either,
    /// A single opening mark `‘` at the start of a word (British style, headlines).
    SingleOpen,
    /// A single closing mark `’` not followed by a letter (so not the apostrophe of `didn’t`): it closes only a
    /// quote opened with `‘`.
    SingleClose,
}

/// The quotation mark starting at byte `i` of `s`: which way it faces and its length in bytes.
fn mark_at(s: &str, i: usize) -> Option<(Facing, usize)> {
    let rest = s.get(i..)?;
    let c = rest.chars().next()?;
    match c {
        '“' | '«' | '„' => Some((Facing::Open, c.len_utf8())),
        '”' | '»' => Some((Facing::Close, c.len_utf8())),
        '"' => Some((Facing::Either, 1)),
        '\'' if rest.starts_with("''") && !rest.starts_with("'''") => Some((Facing::Either, 2)),
        '`' if rest.starts_with("``") => Some((Facing::Open, 2)),
        '‘' => {
            let prev = s.get(..i).and_then(|x| x.chars().next_back());
            let next = rest.chars().nth(1);
            (prev.is_none_or(|p| !p.is_alphanumeric()) && next.is_some_and(char::is_alphabetic))
                .then_some((Facing::SingleOpen, c.len_utf8()))
        }
        '’' => {
            rest.chars().nth(1).is_none_or(|n| !n.is_alphanumeric()).then_some((Facing::SingleClose, c.len_utf8()))
        }
        _ => None,
    }
}

/// Whether a paragraph's text opens with a quotation mark (a continuation mark when a quote is pending).
fn opens_with_mark(s: &str) -> bool {
    mark_at(s.trim_start(), 0).is_some_and(|(f, _)| !matches!(f, Facing::Close | Facing::SingleClose))
}

/// The quotation spans of an article, scanned paragraph by paragraph.
struct MarkScan<'a> {
    text: &'a str,
    /// Inner ranges found so far.
    out: Vec<TextRange>,
    /// Inner start of the open quote.
    open: Option<usize>,
    /// A quote left open at the end of the previous paragraph: its inner start and that paragraph's end.
    pending: Option<(usize, usize)>,
    /// The next opening mark continues the pending quote (skip it).
    skip_open: bool,
    /// The open quote was opened with a single mark `‘` (only `’` closes it).
    single: bool,
}

impl MarkScan<'_> {
    /// One paragraph: a quote left open by the previous paragraph goes on when this one reopens it.
    fn paragraph(&mut self, p: TextRange) {
        let s = p.slice(self.text);
        self.open = None;
        self.skip_open = false;
        if let Some((start, end)) = self.pending.take() {
            if opens_with_mark(s) {
                self.open = Some(start);
                self.skip_open = true;
            } else {
                self.out.push(TextRange::new(start, end).trim(self.text));
            }
        }
        let mut i = 0;
        while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
            match mark_at(s, i) {
                Some((facing, len)) => {
                    self.mark(s, p.start, i, facing, len);
                    i += len;
                }
                None => {
                    if !c.is_whitespace() {
                        self.skip_open = false;
                    }
                    i += c.len_utf8();
                }
            }
        }
        if let Some(o) = self.open.take() {
            self.pending = Some((o, p.end));
        }
    }

    /// One mark at byte `i` of the paragraph text `s` (which starts at byte `base` of the article).
    fn mark(&mut self, s: &str, base: usize, i: usize, facing: Facing, len: usize) {
        let (at, after) = (base + i, base + i + len);
        if std::mem::take(&mut self.skip_open) && !matches!(facing, Facing::Close | Facing::SingleClose) {
            return;
        }
        match facing {
            Facing::SingleOpen if self.open.is_none() => {
                self.open = Some(after);
                self.single = true;
                return;
            }
            Facing::SingleClose if self.open.is_some() && self.single => {
                if let Some(o) = self.open.take() {
                    self.out.push(TextRange::new(o, at));
                }
                return;
            }
            // Single marks inside a double quote, and double marks inside a single one, are nested quotes.
            Facing::SingleOpen | Facing::SingleClose => return,
            _ if self.single && self.open.is_some() => return,
            _ => self.single = false,
        }
        let prev = s.get(..i).and_then(|x| x.chars().next_back());
        let next = s.get(i + len..).and_then(|x| x.chars().next());
        let closes = match facing {
            // An opening mark written where a closing one belongs (“… there goes the orchestra “, she said).
            Facing::Open => self.open.is_some() && next.is_none_or(|n| n.is_whitespace() || ",.;:".contains(n)),
            // A closing mark that opens a word with nothing open is written for an opening one (”Fortunately, …).
            Facing::Close => {
                self.open.is_some()
                    || !(prev.is_none_or(char::is_whitespace) && next.is_some_and(char::is_alphanumeric))
            }
            Facing::SingleOpen | Facing::SingleClose => true,
            Facing::Either => {
                // A word on one side only tells which way it faces; else it alternates.
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || ".,!?;:…—–-)".contains(c));
                let opening = !word(prev) && next.is_some_and(|c| !c.is_whitespace());
                let closing = word(prev) && next.is_none_or(|c| !c.is_alphanumeric());
                if opening == closing {
                    self.open.is_some()
                } else {
                    closing
                }
            }
        };
        if closes {
            if let Some(o) = self.open.take() {
                self.out.push(TextRange::new(o, at));
            }
        } else if self.open.is_none() {
            self.open = Some(after);
        }
    }
}

/// Paragraph-level quotation spans, inner ranges (without the marks); page furniture is skipped.
fn spans(article: &Article) -> Vec<TextRange> {
    let text = &article.text;
    let mut scan = MarkScan { text, out: Vec::new(), open: None, pending: None, skip_open: false, single: false };
    for p in &article.paragraphs {
        if !article.furniture.iter().any(|f| f.range.contains_range(p.range)) {
            scan.paragraph(p.range);
        }
    }
    if let Some((start, end)) = scan.pending.take() {
        scan.out.push(TextRange::new(start, end).trim(text));
    }
    let mut out = scan.out;
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

/// The paragraph index holding a byte offset (a paragraph's end included).
fn paragraph_at(article: &Article, at: usize) -> Option<usize> {
    let i = article.paragraphs.partition_point(|p| p.range.start <= at).checked_sub(1)?;
    article.paragraphs.get(i).filter(|p| at <= p.range.end).map(|_| i)
}

/// What a clause says about who spoke.
#[derive(Debug, Clone, Default)]
struct Attribution {
    speaker: Option<usize>,
    speaker_text: Option<String>,
    verb: Option<String>,
    how: Option<SpeakerHow>,
}

impl Attribution {
    /// Whether the clause attributes the quote at all (a verb or a speaker).
    fn found(&self) -> bool {
        self.verb.is_some() || self.speaker.is_some()
    }

    /// A verb with no subject found.
    fn verb_only(verb: Option<String>) -> Attribution {
        Attribution { verb, ..Attribution::default() }
    }
}

/// Where the attribution of one quote is looked for.
struct Window {
    /// From the start of the quote's sentence (or the previous quote's end) to its opening mark.
    before: TextRange,
    /// From its closing mark to the end of its last sentence (or the next quote's start).
    after: TextRange,
    /// The sentence where the quote starts.
    sentence: Option<usize>,
    /// The byte offset of its opening mark.
    open_at: usize,
}

/// The attribution window of quote `qi` of `quoted`.
fn window(article: &Article, quoted: &[TextRange], qi: usize) -> Window {
    let text = &article.text;
    let q = quoted.get(qi).copied().unwrap_or_default();
    let marks: usize = text
        .get(..q.start)
        .unwrap_or("")
        .chars()
        .rev()
        .take_while(|c| "\"“«„'`‘".contains(*c))
        .map(char::len_utf8)
        .sum();
    let open_at = q.start.saturating_sub(marks);
    let first_sentence = sentence_at(article, q.start).or_else(|| sentence_at(article, open_at));
    let last_sentence = sentence_at(article, q.end.saturating_sub(1)).or(first_sentence);
    let close_len: usize =
        text.get(q.end..).unwrap_or("").chars().take_while(|c| "\"”»'’".contains(*c)).map(char::len_utf8).sum();
    let sentence_end = |s: usize| article.sentences.get(s).map(|x| (x.range.end, x.paragraph));
    let mut after_end = last_sentence.and_then(sentence_end).map_or(q.end, |e| e.0);
    // A quote that ends its sentence: the attribution is the next sentence of the paragraph when that holds no
    // quote (`“…?” X said.`).
    let next_quote = quoted.get(qi + 1).map_or(usize::MAX, |n| n.start);
    if text.get(q.end + close_len..after_end).is_none_or(|g| g.trim().is_empty()) {
        let here = last_sentence.and_then(|s| article.sentences.get(s)).map(|x| x.paragraph);
        if let Some((end, p)) = last_sentence.and_then(|s| sentence_end(s + 1)) {
            after_end = if Some(p) == here && end <= next_quote { end } else { after_end };
        }
    }
    let after_end = after_end.min(next_quote);
    let after = TextRange::new((q.end + close_len).min(after_end), after_end);
    let previous_end = qi.checked_sub(1).and_then(|p| quoted.get(p)).map_or(0, |p| p.end);
    let before_start =
        first_sentence.and_then(|s| article.sentences.get(s)).map_or(open_at, |s| s.range.start).max(previous_end);
    Window { before: TextRange::new(before_start.min(open_at), open_at), after, sentence: first_sentence, open_at }
}

/// Finds the quotes of an article. `mentions` are the article's entity mentions.
pub fn extract(article: &Article, mentions: &[Mention]) -> Vec<Quote> {
    let quoted = spans(article);
    let genders = Genders::of(article, mentions, &quoted);
    let mut out: Vec<Quote> = Vec::new();
    for (qi, &q) in quoted.iter().enumerate() {
        let w = window(article, &quoted, qi);
        let previous = out
            .iter()
            .rev()
            .take_while(|p| matches!((p.sentence, w.sentence), (Some(a), Some(b)) if b.saturating_sub(a) <= 3))
            .find(|p| p.speaker.is_some())
            .cloned();
        let ctx = Context { article, mentions, quoted: &quoted, quote: q, previous, genders: &genders };
        let mut att = ctx.after(w.after);
        if att.speaker.is_none() {
            let before = ctx.before(w.before);
            if before.speaker.is_some() || !att.found() {
                att = before;
            }
        }
        if att.speaker.is_none() {
            if let Some(intro) = introduction(article, w.open_at).map(|r| ctx.before(r)) {
                if intro.speaker.is_some() || (!att.found() && intro.found()) {
                    att = intro;
                }
            }
        }
        if att.speaker.is_none() && att.speaker_text.is_none() {
            att = ctx.continuation(last_speech(&out, &article.text), &w).unwrap_or(att);
        }
        out.push(Quote {
            range: q,
            speaker: att.speaker,
            speaker_text: att.speaker_text,
            verb: att.verb,
            direct: true,
            sentence: w.sentence,
            how: att.how,
        });
    }
    out.extend(paraphrases(article, mentions, &quoted));
    crate::base::order::sort_by_key(&mut out, |q| (q.range.start, q.range.end));
    out
}

/// The last sentence of the paragraph before a quote that opens its own paragraph, when that paragraph ends with
/// a colon: it introduces the quote (`X continued:`, `He said:`, `The agency reports:`).
fn introduction(article: &Article, open_at: usize) -> Option<TextRange> {
    let text = &article.text;
    let p = paragraph_at(article, open_at)?;
    let here = article.paragraphs.get(p)?.range;
    let previous = article.paragraphs.get(p.checked_sub(1)?)?.range;
    let opens = text.get(here.start..open_at)?.trim().is_empty();
    if !opens || !previous.slice(text).trim_end().ends_with(':') {
        return None;
    }
    let last = sentence_at(article, previous.end.saturating_sub(1)).and_then(|s| article.sentences.get(s))?;
    Some(TextRange::new(last.range.start.max(previous.start), previous.end))
}

/// The last quote that can be speech going on: phrases quoted after it inside its attribution (a title, `on Fox
/// News’s “Fox and Friends.”`: at most two, each short, inside a sentence, unpunctuated but for a final period,
/// without a speaker) are passed over.
fn last_speech<'q>(out: &'q [Quote], text: &str) -> Option<&'q Quote> {
    let phrase = |q: &Quote| {
        let inner = q.range.slice(text).trim_end();
        let before = text.get(..q.range.start).unwrap_or("").trim_end_matches(['"', '“', '‘', '\'', '`']);
        let inside_sentence = before.trim_end().chars().next_back().is_some_and(char::is_alphanumeric);
        q.speaker.is_none()
            && inside_sentence
            && inner.split_whitespace().count() <= 5
            && !inner.trim_end_matches('.').contains(['.', ',', '!', '?', '…', '—'])
    };
    let skipped = out.iter().rev().take_while(|q| phrase(q)).take(3).count();
    if skipped > 2 {
        return None;
    }
    out.len().checked_sub(skipped + 1).and_then(|i| out.get(i))
}

/// A person's gender as the article shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// Words before or beside a name that tell a man (titles, kinship and role nouns).
const MALE_WORDS: Words = Words(
    "mr sir lord king prince duke father son brother husband uncle grandfather man boy spokesman chairman \
     congressman businessman councilman actor monsieur herr senor",
);
/// Words before or beside a name that tell a woman.
const FEMALE_WORDS: Words = Words(
    "mrs ms miss madam madame mme lady dame queen princess duchess mother daughter sister wife aunt grandmother \
     woman girl spokeswoman chairwoman congresswoman businesswoman councilwoman actress widow frau senora",
);
/// Common given names of men (English and European usage).
const MALE_NAMES: Words = Words(
    "john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony \
     mark donald steven steve paul andrew joshua kenneth kevin brian george edward ronald timothy jason jeffrey \
     jeff ryan jacob gary nicholas eric jonathan stephen larry justin scott frank benjamin ben gregory samuel \
     raymond patrick alexander jack dennis jerry tyler aaron henry peter adam nathan zachary walter harold \
     kyle carl arthur gerald roger keith jeremy lawrence sean christian ted bill jim tom tim mike joe bob \
     barack bernie mitch hans pierre jean francois emmanuel nicolas vladimir sergei dmitry ivan juan carlos \
     jose luis miguel giuseppe marco luca angelo mohammed muhammad ahmed ali omar hassan xi li",
);
/// Common given names of women (English and European usage).
const FEMALE_NAMES: Words = Words(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra \
     ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura \
     cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine \
     debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly \
     christina lauren joan evelyn judith megan cheryl martha andrea hannah jacqueline gloria teresa ann \
     kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly \
     danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla hillary \
     marine angela theresa nadia natalia olga tatiana svetlana irina ekaterina anastasia fatima aisha \
     claire sophie chloe camille ingrid greta sonia carmen ana lucia giulia francesca",
);

/// The gender evidence of an article's people, by resolved name: a title or role noun with the name, a given
/// name, and he/she pronouns in sentences that name only that person (outside quotes), or in the sentence
/// right after one that does and names nobody.
struct Genders(Map<String, Gender>);

impl Genders {
    fn of(article: &Article, mentions: &[Mention], quoted: &[TextRange]) -> Genders {
        let text = &article.text;
        let mut votes: Map<&str, (u32, u32)> = Map::new();
        let outside = |r: TextRange| !quoted.iter().any(|q| q.start <= r.start && r.end <= q.end);
        let people: Vec<&Mention> =
            mentions.iter().filter(|m| m.kind == EntityKind::Person && outside(m.range)).collect();
        for m in &people {
            let v = votes.entry(m.name.as_str()).or_default();
            let before = text.get(..m.range.start).unwrap_or("").split_whitespace().next_back().unwrap_or("");
            let role = m.role.as_deref().unwrap_or(before);
            let given = m.name.split_whitespace().next().filter(|_| m.name.contains(' ')).unwrap_or("");
            for w in role.split(|c: char| !c.is_alphabetic()).map(lowercase).chain([lowercase(given)]) {
                v.0 += 2 * u32::from(MALE_WORDS.contains(&w) || MALE_NAMES.contains(&w));
                v.1 += 2 * u32::from(FEMALE_WORDS.contains(&w) || FEMALE_NAMES.contains(&w));
            }
        }
        let mut single: Option<&str> = None;
        for (si, s) in article.sentences.iter().enumerate() {
            let mut names: Vec<&str> =
                people.iter().filter(|m| m.sentence == Some(si)).map(|m| m.name.as_str()).collect();
            names.dedup();
            let holder = match names.as_slice() {
                [one] => Some(*one),
                [] => single.take(),
                _ => None,
            };
            single = if names.len() == 1 { holder } else { None };
            let Some(name) = holder else { continue };
            let (mut he, mut she) = (0, 0);
            for t in s.tokens.iter().filter(|t| outside(**t)) {
                match lowercase(t.slice(text)).as_str() {
                    "he" | "him" | "his" | "himself" => he += 1,
                    "she" | "her" | "hers" | "herself" => she += 1,
                    _ => {}
                }
            }
            let v = votes.entry(name).or_default();
            v.0 += he;
            v.1 += she;
        }
        let decided = votes.into_iter().filter_map(|(n, (m, f))| {
            let g = match m.cmp(&f) {
                std::cmp::Ordering::Greater => Gender::Male,
                std::cmp::Ordering::Less => Gender::Female,
                std::cmp::Ordering::Equal => return None,
            };
            Some((n.to_string(), g))
        });
        Genders(decided.collect())
    }

    /// Whether a person can be the referent of a pronoun of this gender (an unknown gender fits either).
    fn fits(&self, m: &Mention, g: Option<Gender>) -> bool {
        g.is_none() || self.0.get(&m.name).is_none_or(|x| Some(*x) == g)
    }
}

/// The object and possessive pronoun of a gender (`him`/`her`), which refers back without naming anyone.
fn object_pronoun(gender: Option<Gender>) -> Option<&'static str> {
    match gender {
        Some(Gender::Male) => Some("him"),
        Some(Gender::Female) => Some("her"),
        None => None,
    }
}

/// The gender a speaker pronoun states.
fn pronoun_gender(p: &str) -> Option<Gender> {
    match p {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// What attribution needs to look at.
struct Context<'a> {
    article: &'a Article,
    mentions: &'a [Mention],
    quoted: &'a [TextRange],
    quote: TextRange,
    /// The last earlier quote with a speaker, within three sentences.
    previous: Option<Quote>,
    genders: &'a Genders,
}

impl Context<'_> {
    fn word(&self, r: TextRange) -> String {
        r.slice(&self.article.text).lowercase()
    }

    fn inside_quote(&self, m: &Mention) -> bool {
        self.quoted.iter().any(|q| q.contains_range(m.range))
    }

    /// Mentions that can speak (people and organisations outside any quote) inside a range.
    fn speakers_in(&self, r: TextRange) -> Vec<usize> {
        self.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind != EntityKind::Place && r.contains_range(m.range))
            .filter(|(_, m)| !self.inside_quote(m) && !self.is_possessive(m) && !self.is_object(m))
            .filter(|(_, m)| !self.is_modifier(m))
            .map(|(i, _)| i)
            .collect()
    }

    fn is_possessive(&self, m: &Mention) -> bool {
        let after = self.article.text.get(m.range.end..).unwrap_or("");
        after.starts_with("'s") || after.starts_with("’s")
    }

    /// A name inside another's role (`X campaign spokesman Jane Roe`, `X communication director …`) modifies it, and
    /// so does a person's name between a determiner and a noun (`the X campaign`).
    fn is_modifier(&self, m: &Mention) -> bool {
        let near = self.mentions.partition_point(|x| x.range.start < m.range.start);
        let around = self.mentions.get(near.saturating_sub(1)..(near + 4).min(self.mentions.len())).unwrap_or(&[]);
        let text = &self.article.text;
        // Right before the role, or before it with at most two lowercase nouns between (`X press secretary Jane
        // Roe`, `X campaign spokesman Jane Roe`), never a verb or a preposition (`X told reporters …`).
        let before = |r: TextRange| {
            text.get(m.range.end..r.start).is_some_and(|g| {
                let words: Vec<&str> = g.split_whitespace().collect();
                words.len() <= 2
                    && words.iter().all(|w| {
                        w.chars().all(|c| c.is_lowercase())
                            && !VERBS.contains(w)
                            && !PREPOSITIONS.contains(w)
                            && !AUXILIARIES.contains(w)
                    })
            })
        };
        // `the X campaign`, `an X ally`: a person's name between a determiner and a lowercase noun modifies it.
        let determined = text
            .get(..m.range.start)
            .and_then(|t| t.split_whitespace().next_back())
            .is_some_and(|w| matches!(lowercase(w).as_str(), "the" | "a" | "an"));
        let noun_after = text.get(m.range.end..).and_then(|t| t.split_whitespace().next()).is_some_and(|w| {
            w.chars().all(char::is_lowercase)
                && !VERBS.contains(&w)
                && !PREPOSITIONS.contains(&w)
                && !AUXILIARIES.contains(&w)
        });
        let determined = determined && noun_after;
        let person = m.kind == EntityKind::Person;
        (person && determined)
            || around
                .iter()
                .any(|x| x.range != m.range && x.role_range.is_some_and(|r| r.contains_range(m.range) || before(r)))
    }

    /// A name that is the object of a preposition does not speak ("advisor to X").
    fn is_object(&self, m: &Mention) -> bool {
        let text = &self.article.text;
        let start = m.role_range.map_or(m.range.start, |r| r.start.min(m.range.start));
        let before = text.get(..start).unwrap_or("");
        let prev = before
            .split_whitespace()
            .rev()
            .map(lowercase)
            .find(|w| !matches!(w.as_str(), "the" | "a" | "an"))
            .unwrap_or_default();
        PREPOSITIONS.contains(&prev.as_str())
    }

    /// Attribution after a quote: `, VERB SPEAKER`, `, SPEAKER VERB`, `— SPEAKER`.
    fn after(&self, r: TextRange) -> Attribution {
        let text = &self.article.text;
        let toks = segment::tokens(text, r);
        let verb_at = toks.iter().take(8).position(|t| VERBS.contains(&self.word(*t).as_str()));
        let Some(vi) = verb_at.or_else(|| self.verb_after_apposition(r, &toks)) else {
            return self.dash_name(r).unwrap_or_else(|| self.according_to(r, &toks));
        };
        let Some(&v) = toks.get(vi) else { return Attribution::default() };
        let verb = self.verb_text(&toks, vi);
        // SPEAKER VERB: the name right after the quote, even with an apposition before the verb.
        let head = TextRange::new(r.start, v.start);
        let named = self.speakers_in(head);
        let leading = named.iter().copied().find(|&m| self.right_after(r.start, m));
        if let Some(m) = leading {
            return self.attribution(m, verb, SpeakerHow::Name);
        }
        if let Some(a) = self.subject_before(head, toks.get(..vi).unwrap_or_default(), verb.clone()) {
            return a;
        }
        // VERB SPEAKER
        let tail = TextRange::new(v.end, r.end);
        if let Some(&m) = self.speakers_in(tail).first() {
            return self.attribution(m, verb, SpeakerHow::Name);
        }
        if let Some(a) = self.noun_phrase(toks.get(vi + 1..).unwrap_or_default(), verb.clone(), true) {
            return a;
        }
        Attribution { verb, ..Attribution::default() }
    }

    /// The verb of `“…,” NAME (PARTY), AN APPOSITION OF SOME LENGTH, VERB`: a name right after the quote, then
    /// only a parenthesis and an apposition closed by a comma before a verb within 24 words.
    fn verb_after_apposition(&self, r: TextRange, toks: &[TextRange]) -> Option<usize> {
        let text = &self.article.text;
        let m = self.speakers_in(r).into_iter().find(|&m| self.right_after(r.start, m))?;
        let end = self.mentions.get(m)?.range.end;
        let vi = toks.iter().take(24).position(|t| t.start >= end && VERBS.contains(&self.word(*t).as_str()))?;
        let gap = text.get(end..toks.get(vi)?.start)?.trim();
        let closed = gap.starts_with([',', '(']) && gap.ends_with([',', ')']);
        let one_clause = !gap.contains(['.', ';', ':', '"', '“', '”']);
        (closed && one_clause).then_some(vi)
    }

    /// Whether mention `m` (with its role) follows `from` with only punctuation and spaces between.
    fn right_after(&self, from: usize, m: usize) -> bool {
        self.mentions.get(m).is_some_and(|x| self.gap_is_blank(from, x))
    }

    fn gap_is_blank(&self, from: usize, m: &Mention) -> bool {
        let start = m.role_range.map_or(m.range.start, |r| r.start.min(m.range.start));
        self.article.text.get(from..start).is_some_and(|g| g.chars().all(|c| !c.is_alphanumeric()))
    }

    /// Whether the words between a subject and its verb leave it the subject: nothing, an apposition between
    /// commas, or auxiliaries and adverbs (`has also said`), never a noun it modifies (`the X deal is described`).
    fn subject_gap_ok(&self, m: &Mention, verb_start: usize) -> bool {
        let gap = self.article.text.get(m.range.end..verb_start).unwrap_or("x").trim();
        // A parenthesis after the name (`Jane Roe (D-Ohio) said`) is part of it.
        let gap = match gap.strip_prefix('(').and_then(|g| g.split_once(')')) {
            Some((inner, rest)) if !inner.contains('(') => rest.trim(),
            _ => gap,
        };
        gap.is_empty()
            || gap.starts_with(',')
            || gap.split_whitespace().all(|w| {
                let w = lowercase(w.trim_matches(|c: char| !c.is_alphanumeric()));
                w.ends_with("ly") || AUXILIARIES.contains(&w.as_str())
            })
    }

    /// `“…” — Jane Doe`: a dash and a name right after the closing mark (in the same paragraph, even when the
    /// sentence ended with the quote).
    fn dash_name(&self, r: TextRange) -> Option<Attribution> {
        let gap = self.article.text.get(r.start..)?.trim_start();
        if !gap.starts_with(['―', '—', '–', '-']) {
            return None;
        }
        let paragraph = paragraph_at(self.article, r.start).and_then(|p| self.article.paragraphs.get(p))?;
        let next_quote = self.quoted.iter().find(|q| q.start > r.start).map_or(usize::MAX, |q| q.start);
        let reach = TextRange::new(r.start, paragraph.range.end.min(next_quote).max(r.start));
        let m = self.speakers_in(reach).into_iter().next().filter(|&m| self.right_after(r.start, m))?;
        Some(self.attribution(m, None, SpeakerHow::Name))
    }

    /// Attribution before a quote: `SPEAKER VERB: "…"`, `SPEAKER described it as "…"`, `…, saying "…"`.
    fn before(&self, r: TextRange) -> Attribution {
        let text = &self.article.text;
        let toks = segment::tokens(text, r);
        let Some(vi) = toks.iter().rposition(|t| VERBS.contains(&self.word(*t).as_str())) else {
            return self.according_to(r, &toks);
        };
        let Some(&v) = toks.get(vi) else { return Attribution::default() };
        let verb = self.verb_text(&toks, vi);
        let head = TextRange::new(r.start, v.start);
        let head_toks = toks.get(..vi).unwrap_or_default();
        if let Some(a) = self.passive_agent(&toks, vi, verb.clone()) {
            return a;
        }
        let found = if verb.as_deref().is_some_and(|v| v.ends_with("ing")) {
            self.clause_subject(head, head_toks, verb.clone())
        } else {
            self.subject_before(head, head_toks, verb.clone())
        };
        // `Said X: “…”`: the name right after the verb, and nothing but punctuation up to the quote.
        let inverted = || {
            let m = self.speakers_in(TextRange::new(v.end, r.end)).into_iter().next()?;
            let x = self.mentions.get(m)?;
            let rest = self.article.text.get(x.range.end..r.end)?;
            (self.gap_is_blank(v.end, x) && rest.chars().all(|c| !c.is_alphanumeric()))
                .then(|| self.attribution(m, verb.clone(), SpeakerHow::Name))
        };
        found.or_else(inverted).unwrap_or(Attribution::verb_only(verb))
    }

    /// `described by X as "…"`: the agent of a passive attribution verb.
    fn passive_agent(&self, toks: &[TextRange], vi: usize, verb: Option<String>) -> Option<Attribution> {
        let by = toks.get(vi + 1).filter(|t| self.word(**t) == "by")?;
        let rest = TextRange::new(by.end, toks.last()?.end);
        let m = self.mentions.iter().position(|m| {
            m.kind != EntityKind::Place && rest.contains_range(m.range) && self.gap_is_blank(by.end, m)
        })?;
        Some(self.attribution(m, verb, SpeakerHow::Name))
    }

    /// The subject of a clause a participle hangs on (`the judge ordered him locked up, saying "…"`): its first
    /// speaking name, else a description one person of the article holds.
    fn clause_subject(&self, head: TextRange, toks: &[TextRange], verb: Option<String>) -> Option<Attribution> {
        // The clause after the last `but`; names after its `that` sit in a reported clause, not in the subject
        // (`a witness testified that X should not be listed, arguing that …`).
        let from = toks.iter().rposition(|t| self.word(*t) == "but").map_or(0, |i| i + 1);
        let toks = toks.get(from..).unwrap_or(toks);
        // `He then defended the remark, saying “…”`: the clause's subject is a pronoun.
        if let Some(p) = toks.first().filter(|t| PRONOUNS.contains(&self.word(**t).as_str())) {
            let speaker = self.resolve_pronoun(p.start, pronoun_gender(&self.word(*p)));
            let how = speaker.map(|_| SpeakerHow::Pronoun);
            return Some(Attribution { speaker, speaker_text: Some(self.word(*p)), verb, how });
        }
        let that = toks.iter().position(|t| self.word(*t) == "that").unwrap_or(toks.len());
        let start = toks.first().map_or(head.start, |t| t.start.min(head.end));
        let head = TextRange::new(start, toks.get(that).map_or(head.end, |t| t.start).max(start));
        if let Some(&m) = self.speakers_in(head).first() {
            return Some(self.attribution(m, verb, SpeakerHow::Name));
        }
        // `footage of X saying “…”`: a name right before the participle is its subject, object of a preposition
        // or not.
        let right_before = self.mentions.iter().rposition(|m| {
            m.kind == EntityKind::Person
                && head.contains_range(m.range)
                && self.article.text.get(m.range.end..head.end).is_some_and(|g| g.trim().is_empty())
        });
        if let Some(m) = right_before {
            return Some(self.attribution(m, verb, SpeakerHow::Name));
        }
        let words: Vec<String> = toks.iter().map(|t| self.word(*t)).collect();
        words.iter().enumerate().filter(|(_, w)| *w == "the").find_map(|(i, _)| {
            let phrase: Vec<String> = words.get(i + 1..(i + 3).min(words.len()))?.to_vec();
            (1..=phrase.len()).rev().find_map(|n| self.description(phrase.get(..n)?, verb.clone()))
        })
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
            let speaker = self.resolve_pronoun(at, pronoun_gender(p));
            let how = speaker.map(|_| SpeakerHow::Pronoun);
            return Some(Attribution { speaker, speaker_text: Some(p.to_string()), verb, how });
        }
        if let Some(&m) = self.speakers_in(head).last() {
            let ok = self.mentions.get(m).is_some_and(|x| self.subject_gap_ok(x, head.end));
            let owner = || self.source_owner(head);
            return (if ok { Some(m) } else { owner() }).map(|m| self.attribution(m, verb, SpeakerHow::Name));
        }
        if let Some(m) = self.source_owner(head) {
            return Some(self.attribution(m, verb, SpeakerHow::Name));
        }
        self.noun_phrase(toks.get(..k)?, verb, false)
    }

    /// `X's statement said`, `X's press release stresses`, `the X report stated`: the owner of a source noun right
    /// before the verb.
    fn source_owner(&self, head: TextRange) -> Option<usize> {
        let text = &self.article.text;
        // Mentions are in text order: only those inside the head are read.
        let from = self.mentions.partition_point(|m| m.range.start < head.start);
        let to = self.mentions.partition_point(|m| m.range.start < head.end);
        let inside = self.mentions.get(from..to.max(from)).unwrap_or_default();
        inside.iter().enumerate().rev().find_map(|(k, m)| {
            let i = from + k;
            if m.kind == EntityKind::Place || !head.contains_range(m.range) {
                return None;
            }
            let possessive = self.is_possessive(m);
            let rest = text.get(m.range.end..head.end)?;
            let words: Vec<String> = rest.split_whitespace().skip(usize::from(possessive)).map(lowercase).collect();
            let noun = words.last().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())?;
            // Without a possessive the noun follows the name at once (`the X report stated`).
            let near = possessive && words.len() <= 3 || words.len() == 1;
            (near && SOURCE_NOUNS.contains(&noun.as_str())).then_some(i)
        })
    }

    /// "the Russian president", "the post", "the judge": a role that one person of the article holds, or the
    /// source of the previous quote.
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
        let head = phrase.last()?.clone();
        if SOURCE_NOUNS.contains(&head.as_str()) {
            let speaker = self.previous.as_ref().and_then(|p| p.speaker);
            let how = speaker.map(|_| SpeakerHow::Source);
            return Some(Attribution { speaker, speaker_text: Some(format!("the {}", phrase.join(" "))), verb, how });
        }
        self.description(&phrase, verb)
    }

    /// A description ("the judge", "the Russian president") that exactly one person named before the quote
    /// holds: its words end that person's role, or its head noun is one of the role's words.
    fn description(&self, phrase: &[String], verb: Option<String>) -> Option<Attribution> {
        let wanted = phrase.join(" ");
        let head = phrase.last()?;
        if head.is_empty() {
            return None;
        }
        let holds = |role: &str| {
            let role = role.lowercase();
            role.ends_with(&wanted) || role.split(|c: char| !c.is_alphabetic()).any(|w| w == head)
        };
        let holders: Vec<(usize, &str)> = self
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == EntityKind::Person && m.range.start < self.quote.start)
            .filter(|(_, m)| m.role.as_deref().is_some_and(holds))
            .map(|(i, m)| (i, m.name.as_str()))
            .collect();
        let first = holders.first()?;
        if holders.iter().any(|h| h.1 != first.1) {
            return None;
        }
        let speaker = holders.last().map(|h| h.0);
        Some(Attribution {
            speaker,
            speaker_text: Some(format!("the {wanted}")),
            verb,
            how: Some(SpeakerHow::Description),
        })
    }

    /// He/she: a person named earlier in the same sentence, else the first person named in the nearest of the
    /// three sentences before (the subject of what the text was saying, not the people it named in passing:
    /// `X noted that he backed Y to replace Z. “…,” he said.` is X), else the speaker of the previous quote; each
    /// only when the article's gender evidence does not contradict the pronoun. Names inside quotes, possessives
    /// and objects of a preposition are passed over.
    fn resolve_pronoun(&self, at: usize, gender: Option<Gender>) -> Option<usize> {
        let here = sentence_at(self.article, at)?;
        let fits = |m: &Mention| {
            m.kind == EntityKind::Person
                && m.range.end <= at
                && !self.inside_quote(m)
                && !self.is_object(m)
                && self.genders.fits(m, gender)
        };
        // A person named earlier in the same sentence ("X sparked anger when he claimed …"; "X's statement, in
        // which she said …").
        let same = self.mentions.iter().enumerate().rfind(|(_, m)| fits(m) && m.sentence == Some(here));
        if let Some((i, _)) = same {
            return Some(i);
        }
        if let Some(i) = self.pronoun_chain(here, gender, &fits) {
            return Some(i);
        }
        self.previous.as_ref().and_then(|p| p.speaker).filter(|&p| {
            self.mentions.get(p).is_some_and(|m| m.kind == EntityKind::Person && self.genders.fits(m, gender))
        })
    }

    /// The person a pronoun chain goes back to: sentence by sentence before sentence `here`, the earliest person
    /// that `fits` of the first sentence naming one before it says he or she again (the subject of what the text
    /// was saying, not the people it named in passing). Names after the same pronoun in a sentence (`She says X's
    /// tweets …`, `However, he could not explain why X …`, `“…,” she said of X`) are passed over: that sentence
    /// goes on about the same person; neither it nor a sentence that only refers back by that pronoun counts
    /// towards the three sentences looked at (at most eight in all).
    fn pronoun_chain(&self, here: usize, gender: Option<Gender>, fits: &dyn Fn(&Mention) -> bool) -> Option<usize> {
        let mut counted = 0;
        for si in (here.saturating_sub(8)..here).rev() {
            let sentence = self.article.sentences.get(si)?;
            let outside: Vec<TextRange> = sentence
                .tokens
                .iter()
                .filter(|t| !self.quoted.iter().any(|q| q.contains_range(**t)))
                .copied()
                .collect();
            let same = |w: &str| PRONOUNS.contains(&w) && (gender.is_none() || pronoun_gender(w) == gender);
            let pronoun_at = outside.iter().find(|t| same(&self.word(**t))).map_or(usize::MAX, |t| t.start);
            let first = self
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.sentence == Some(si) && m.range.start < pronoun_at)
                .filter(|(_, m)| fits(m) && !self.is_possessive(m) && !self.is_modifier(m))
                .min_by_key(|(_, m)| m.range.start);
            if let Some((i, _)) = first {
                return Some(i);
            }
            let refers = pronoun_at != usize::MAX
                || outside.iter().any(|t| Some(self.word(*t).as_str()) == object_pronoun(gender));
            counted += usize::from(!refers);
            if counted >= 3 {
                return None;
            }
        }
        None
    }

    /// A quote with no attribution of its own that continues the previous quote's speaker: it opens a sentence
    /// right after that quote's attribution in the same paragraph (`“…,” she said. “…”`), or it opens the next
    /// paragraph; nobody else is named (outside quotes) between the two, nor in the rest of the quote's own
    /// sentence (or, for a new paragraph, in that paragraph).
    fn continuation(&self, prev: Option<&Quote>, w: &Window) -> Option<Attribution> {
        let prev = prev.filter(|p| p.direct)?;
        let speaker = prev.speaker?;
        let text = &self.article.text;
        let mark_before = text.get(..w.open_at)?.trim_end().chars().next_back();
        let (pq, pp) = (paragraph_at(self.article, w.open_at)?, paragraph_at(self.article, prev.range.end)?);
        let paragraph = self.article.paragraphs.get(pq)?.range;
        let opens_paragraph = text.get(paragraph.start..w.open_at)?.trim().is_empty();
        let same_sentence = prev.sentence.is_some() && prev.sentence == w.sentence;
        let same = pq == pp && (same_sentence || mark_before.is_some_and(|c| ".!?:”\"'".contains(c)));
        if !(same || (pq == pp + 1 && opens_paragraph)) {
            return None;
        }
        let inner = self.quote.slice(text).trim_end();
        // Quoted speech, not a phrase: it ends like a sentence (a new paragraph must), or has four words or more.
        let punctuated = inner.ends_with(['.', ',', '!', '?', '…', '—']);
        let sentence_like = punctuated || (same && inner.split_whitespace().count() >= 4);
        let rest = if same { w.after } else { TextRange::new(self.quote.end, paragraph.end) };
        let name = self.mentions.get(speaker).map(|m| m.name.as_str());
        let other = |r: TextRange| {
            self.speakers_in(r)
                .iter()
                .filter_map(|&m| self.mentions.get(m))
                .any(|x| x.kind == EntityKind::Person && Some(x.name.as_str()) != name)
        };
        // Names in the rest of the previous quote's sentence belong to its attribution (`“…,” said X, a friend of
        // Y, where Z also spoke.`): the next sentence goes on with X.
        let attribution_end = sentence_at(self.article, prev.range.end.saturating_sub(1))
            .and_then(|s| self.article.sentences.get(s))
            .map_or(prev.range.end, |s| s.range.end.clamp(prev.range.end, w.open_at.max(prev.range.end)));
        if !sentence_like || other(TextRange::new(attribution_end, w.open_at)) || other(rest) {
            return None;
        }
        Some(Attribution {
            speaker: Some(speaker),
            speaker_text: prev.speaker_text.clone(),
            verb: None,
            how: Some(SpeakerHow::Continuation),
        })
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
        // The name after "to" is the object of that preposition: speakers_in would leave it out.
        let named = self.mentions.iter().position(|m| {
            m.kind != EntityKind::Place
                && tail.contains_range(m.range)
                && !self.inside_quote(m)
                && !self.is_possessive(m)
        });
        match named {
            Some(m) => self.attribution(m, verb, SpeakerHow::Name),
            None => Attribution { verb, ..Attribution::default() },
        }
    }

    fn attribution(&self, m: usize, verb: Option<String>, how: SpeakerHow) -> Attribution {
        let text = self.mentions.get(m).map(|x| x.range.slice(&self.article.text).to_string());
        Attribution { speaker: Some(m), speaker_text: text, verb, how: Some(how) }
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
        how: Some(SpeakerHow::Name),
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

    /// Each body's quotes must be the row list beside it.
    fn check(cases: &[(&str, Vec<Row>)]) {
        for (body, want) in cases {
            assert_eq!(&quotes(body), want, "{body}");
        }
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
        check(&cases);
    }

    #[test]
    fn the_sieve_finds_each_attribution_shape() {
        let cases: Vec<(&str, Vec<Row>)> = vec![
            // Two apostrophes as marks.
            (
                "''This is a serious matter,'' Jane Walker said.",
                vec![q("This is a serious matter,", Some("Jane Walker"), Some("said"), true)],
            ),
            // A quote split around its attribution: both halves get the speaker.
            (
                "“We won,” John Carter said. “It was hard work.”",
                vec![
                    q("We won,", Some("John Carter"), Some("said"), true),
                    q("It was hard work.", Some("John Carter"), None, true),
                ],
            ),
            // The attribution is the next sentence.
            (
                "“Why now?” Paul Brenner asked. “Nobody knows.”",
                vec![
                    q("Why now?", Some("Paul Brenner"), Some("asked"), true),
                    q("Nobody knows.", Some("Paul Brenner"), None, true),
                ],
            ),
            // A name with an apposition between it and the verb; the name in the apposition does not speak.
            (
                "“It is over,” Ann Hale, an aide to Tom Grant, said.",
                vec![q("It is over,", Some("Ann Hale"), Some("said"), true)],
            ),
            ("“We will win.” ― Maria Lopez", vec![q("We will win.", Some("Maria Lopez"), None, true)]),
            (
                "The plan was described by John Carter as “a farce.”",
                vec![q("a farce.", Some("John Carter"), Some("described"), true)],
            ),
            (
                "“The deal is done,” according to Ruth Blake.",
                vec![q("The deal is done,", Some("Ruth Blake"), Some("according to"), true)],
            ),
            // A possessive does not speak: no speaker rather than a wrong one.
            ("“It is over,” Carter's lawyer said.", vec![q("It is over,", None, Some("said"), true)]),
            // A party and state in parentheses between the name and the verb.
            (
                "“It is over,” Sen. Ann Hale (D-Ohio) said.",
                vec![q("It is over,", Some("Ann Hale"), Some("said"), true)],
            ),
            // A long apposition puts the verb past the first eight words.
            (
                "“It is over,” Ann Hale, a longtime writer for a weekly magazine in the city, said on air.",
                vec![q("It is over,", Some("Ann Hale"), Some("said"), true)],
            ),
            // A name after `that` is in the reported clause, not the subject of the participle.
            (
                "A final witness testified that John Carter should be freed, arguing that the risk is “very low.”",
                vec![q("very low.", None, Some("arguing"), true)],
            ),
        ];
        check(&cases);
    }

    #[test]
    fn pronoun_chains_introductions_and_modifiers() {
        let cases: Vec<(&str, Vec<Row>)> = vec![
            // A sentence whose subject is the same pronoun goes on about the same person: names after it are
            // passed over.
            (
                "Mary Jones spoke first. She says Anna Pike's letters were wrong. She wrote: “It is a lie.”",
                vec![q("It is a lie.", Some("Mary Jones"), Some("wrote"), true)],
            ),
            (
                "Aide Tom Grant spoke. However, he could not explain why Alex Varga said so. “We lack the text,” he said.",
                vec![q("We lack the text,", Some("Tom Grant"), Some("said"), true)],
            ),
            // A name before the pronoun in its sentence is its subject.
            (
                "Tom Grant agreed, but he said the talks should wait. “There is no chance,” he said.",
                vec![q("There is no chance,", Some("Tom Grant"), Some("said"), true)],
            ),
            // A name in another's role, or after a determiner, never speaks.
            (
                "“It is over,” Grant campaign spokesman Tom Vask said.",
                vec![q("It is over,", Some("Tom Vask"), Some("said"), true)],
            ),
            (
                "Mary Jones spoke. She thinks the Tom Grant campaign erred. “It is over,” she said.",
                vec![q("It is over,", Some("Mary Jones"), Some("said"), true)],
            ),
            // The verb before the name.
            ("Said Tom Grant: “It is over.”", vec![q("It is over.", Some("Tom Grant"), Some("said"), true)]),
            // A closing mark written for an opening one at a paragraph's start.
            (
                "”It is over,” Tom Grant said. “It is not,” Ann Hale said.",
                vec![q("It is over,", Some("Tom Grant"), Some("said"), true), q("It is not,", Some("Ann Hale"), Some("said"), true)],
            ),
            // The name right before a participle is its subject, even after a preposition.
            (
                "The ad ends with footage of Tom Grant saying, “It is fine.”",
                vec![q("It is fine.", Some("Tom Grant"), Some("saying"), true)],
            ),
            // A participle whose clause has a pronoun for its subject.
            (
                "Tom Grant spoke. He defended the remark, saying, “It is fine.”",
                vec![q("It is fine.", Some("Tom Grant"), Some("saying"), true)],
            ),
        ];
        check(&cases);
    }

    #[test]
    fn pronouns_follow_gender_evidence_and_descriptions_follow_roles() {
        let cases: Vec<(&str, Vec<Row>)> = vec![
            (
                "Mary Jones met John Carter. “It is over,” she said.",
                vec![q("It is over,", Some("Mary Jones"), Some("said"), true)],
            ),
            (
                "Mary Jones met John Carter. “It is over,” he said.",
                vec![q("It is over,", Some("John Carter"), Some("said"), true)],
            ),
            (
                "Judge Steven Miller read the verdict. “This is serious,” the judge said.",
                vec![q("This is serious,", Some("Steven Miller"), Some("said"), true)],
            ),
            (
                "The judge ordered him held, saying that “he is a danger.” Judge Steven Miller ruled.",
                vec![q("he is a danger.", None, Some("saying"), true)],
            ),
            // The subject of the sentence before, not a name in passing nor one modifying another's role.
            (
                "John Carter said he backed Tom Grant to replace Paul Brenner. “It is over,” he said.",
                vec![q("It is over,", Some("John Carter"), Some("said"), true)],
            ),
            (
                "Grant campaign director Mary Jones spoke. “It is over,” she said.",
                vec![q("It is over,", Some("Mary Jones"), Some("said"), true)],
            ),
        ];
        check(&cases);
    }

    /// (quoted text, speaker name) of an article parsed from plain text (paragraphs split at blank lines).
    fn parsed_quotes(body: &str) -> Vec<(String, Option<String>)> {
        let input = crate::input::parse::Input {
            name: "a.txt".into(),
            bytes: body.as_bytes().to_vec(),
            meta: Default::default(),
        };
        let Ok(a) = crate::input::parse::parse(&input) else { unreachable!("the article parses") };
        let ms = entities::mentions(&a);
        extract(&a, &ms)
            .iter()
            .map(|x| (a.slice(x.range).to_string(), x.speaker.and_then(|i| ms.get(i)).map(|m| m.name.clone())))
            .collect()
    }

    #[test]
    fn a_paragraph_ending_with_a_colon_introduces_the_next() {
        let row = |t: &str, s: &str| (t.to_string(), Some(s.to_string()));
        let cases = [
            // A paragraph ending with a colon introduces the quote that opens the next one.
            (
                "Head\n\nTom Grant spoke on Monday.\n\nTom Grant continued:\n\n“It is over.”\n",
                vec![row("It is over.", "Tom Grant")],
            ),
        ];
        for (body, want) in cases {
            assert_eq!(parsed_quotes(body), want, "{body}");
        }
    }

    #[test]
    fn a_paragraph_that_opens_with_quoted_speech_continues_the_speaker() {
        let body = "Head\n\n“We will rebuild,” Ruth Blake said.\n\n“It will take years.”\n\n“Trust in us”\n";
        let input = crate::input::parse::Input {
            name: "a.txt".into(),
            bytes: body.as_bytes().to_vec(),
            meta: Default::default(),
        };
        let Ok(a) = crate::input::parse::parse(&input) else { unreachable!("the article parses") };
        let ms = entities::mentions(&a);
        let got: Vec<(String, Option<SpeakerHow>)> =
            extract(&a, &ms).iter().map(|x| (a.slice(x.range).to_string(), x.how)).collect();
        let want = [
            ("We will rebuild,".to_string(), Some(SpeakerHow::Name)),
            ("It will take years.".to_string(), Some(SpeakerHow::Continuation)),
            // A phrase on its own (a pull quote) is not speech that goes on.
            ("Trust in us".to_string(), None),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_quote_split_around_its_attribution_goes_on_past_names_in_that_attribution() {
        let cases: [(&str, [Option<&str>; 2]); 2] = [
            (
                "“We won,” said Ann Hale, an aide to Tom Grant, where Mary Jones also spoke. “It was hard work.”",
                [Some("Ann Hale"), Some("Ann Hale")],
            ),
            // Someone else named in a sentence of their own between the two: no speaker.
            ("“We won,” said Ann Hale. Tom Grant disagreed. “It was luck.”", [Some("Ann Hale"), None]),
        ];
        for (body, want) in cases {
            let got = quotes(body);
            let speakers: Vec<Option<&str>> = got.iter().map(|r| r.1.as_deref()).collect();
            assert_eq!(speakers, want, "{body}");
        }
    }

    #[test]
    fn a_title_quoted_in_the_attribution_does_not_stop_the_speech_going_on() {
        let got = quotes("“We won,” Ann Hale, a Tom Grant aide, said on the show “Good Morning.” “It was hard work.”");
        let last = got.last().map(|r| (r.0.as_str(), r.1.as_deref()));
        assert_eq!(last, Some(("It was hard work.", Some("Ann Hale"))), "{got:?}");
    }

    #[test]
    fn single_marks_quote_only_at_word_starts() {
        let got = quotes("He said: ‘Europe is waiting for us.’ It didn’t rain.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got.first().map(|r| r.0.as_str()), Some("Europe is waiting for us."));
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
