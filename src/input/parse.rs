//! Raw input → [`Article`]: decoding, metadata (title, authors, published date, outlet, language),
//! page furniture, paragraphs and sentences.
//!
//! Parsing never fails: whatever is wrong with an input becomes a [`Diagnostic`] on the article.
//! The original text is never altered: furniture is marked by ranges, not deleted.
//! This module must not look across articles (cross-article furniture is the corpus's job) and must not
//! guess metadata from the body (a date of an event is not a publication date).

use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::lexicon;
use crate::base::text::Lowercase as _;
use crate::base::text::{self, TextRange};
use crate::input::article::{
    Article, Field, FieldSource, Format, Furniture, FurnitureKind, Metadata, Paragraph, ParagraphKind, Sentence,
};
use crate::input::html;
use crate::input::manifest::ManifestEntry;
use crate::input::markdown;
use crate::input::segment;

/// Largest article accepted, in bytes. Larger inputs are reported and skipped.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// The largest article text (after decoding, Markdown rendering or HTML extraction): a 16 MB page may hold
/// 2 MB of readable text at most. Annotation grows faster than linearly with quote- and name-dense text
/// (2 MB of such text takes a few seconds, 4 MB took 45 s), so longer texts are refused (`too-large`).
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// One input handed to the parser: a name (usually the file name) and its raw bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file name (or any label), used for the default id and for the format guess.
    pub name: String,
    /// The raw bytes.
    pub bytes: Vec<u8>,
    /// Metadata supplied by a manifest; every field optional.
    pub meta: ManifestEntry,
}

impl Input {
    /// An input with no manifest metadata.
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Input {
        Input { name: name.into(), bytes: bytes.into(), meta: ManifestEntry::default() }
    }
}

/// Why an input yielded no article at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The input's name.
    pub name: String,
    /// What was wrong, as a diagnostic of severity error.
    pub diagnostic: Diagnostic,
}

/// The id of an input: the manifest's id, else the file name without folders and extension.
pub fn default_id(input: &Input) -> String {
    if let Some(id) = input.meta.id.as_deref().filter(|s| !s.trim().is_empty()) {
        return id.trim().to_string();
    }
    let base = input.name.rsplit(['/', '\\']).next().unwrap_or(&input.name);
    let stem = match base.rfind('.') {
        Some(0) | None => base,
        Some(dot) => &base[..dot],
    };
    if stem.is_empty() {
        "article".to_string()
    } else {
        stem.to_string()
    }
}

/// What the Markdown renderer dropped as code or embedded content, for a diagnostic: the elements and the
/// lines they open on (the first few), or `None` when nothing was dropped.
fn dropped_html_message(dropped: &[markdown::DroppedHtml]) -> Option<String> {
    const LISTED: usize = 5;
    let first = dropped.first()?;
    if dropped.len() == 1 {
        return Some(format!(
            "a raw HTML <{}> element on line {} was removed with its content, as from an HTML page: scripts, styles and embedded frames are not article text",
            first.element, first.line
        ));
    }
    let listed: Vec<String> =
        dropped.iter().take(LISTED).map(|d| format!("<{}> on line {}", d.element, d.line)).collect();
    let more = dropped.len().saturating_sub(LISTED);
    let more = if more > 0 { format!(" and {more} more") } else { String::new() };
    Some(format!(
        "{} raw HTML elements ({}{more}) were removed with their content, as from an HTML page: scripts, styles and embedded frames are not article text",
        dropped.len(),
        listed.join(", ")
    ))
}

/// Parses one input into an article, or says why it cannot be one.
///
/// Plain text is used as it is; Markdown is rendered to plain text ([`markdown::render`]); an HTML page is
/// reduced to its readable text ([`html::extract`]). The result is the article's `text`, and every range
/// points into it.
pub fn parse(input: &Input) -> Result<Article, Rejected> {
    let id = default_id(input);
    let reject = |code, message: String| Rejected {
        name: input.name.clone(),
        diagnostic: Diagnostic::for_article(Severity::Error, code, &id, message),
    };
    if input.bytes.len() > MAX_ARTICLE_BYTES {
        return Err(reject(
            "too-large",
            format!(
                "{} is {:.1} MB, more than the limit of {} MB per article",
                input.name,
                input.bytes.len() as f64 / 1_048_576.0,
                MAX_ARTICLE_BYTES / 1_048_576
            ),
        ));
    }
    let decoded = text::decode(&input.bytes);
    if let Some((code, message)) = unusable(input, &decoded) {
        return Err(reject(code, message));
    }
    let mut diagnostics = repairs(&decoded, &id);
    let format = guess_format(&input.name, &decoded.text);
    let mut hints = Hints::default();
    let text = readable_text(input, format, decoded.text, &mut hints, &mut diagnostics)
        .map_err(|(code, m)| reject(code, m))?;
    let line_ranges = text::lines(&text);
    if let Some(longest) = line_ranges.iter().map(|r| r.len()).max().filter(|&n| n > LONG_LINE_BYTES) {
        diagnostics.push(Diagnostic::for_article(
            Severity::Warning,
            "long-line",
            &id,
            format!(
                "a single line of {:.1} MB: paragraphs cannot be told apart, and the whole line is read as one paragraph",
                longest as f64 / 1_048_576.0
            ),
        ));
    }
    let content_hash = text::stable_hash(text.as_bytes());
    let mut article = Article {
        id,
        file: Some(input.name.clone()),
        text,
        format,
        meta: Metadata::default(),
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        furniture: Vec::new(),
        content_hash,
        diagnostics,
    };
    layout(&mut article, &hints, line_ranges);
    if format != Format::Text {
        apply_page_meta(&mut article, &hints.page);
    }
    apply_manifest(&mut article, &input.meta);
    settle_language(&mut article);
    Ok(article)
}

/// Why decoded bytes cannot be an article (empty, whitespace only, binary), as a code and a message.
fn unusable(input: &Input, decoded: &text::Decoded) -> Option<(&'static str, String)> {
    if decoded.text.trim().is_empty() {
        let what = if input.bytes.is_empty() { "is empty" } else { "holds only whitespace" };
        return Some(("empty-input", format!("{} {what}", input.name)));
    }
    if decoded.control_ratio > 0.05 || decoded.nul_bytes > 16 {
        return Some((
            "binary-input",
            format!("{} looks like a binary file, not text ({} NUL bytes)", input.name, decoded.nul_bytes),
        ));
    }
    None
}

/// What decoding repaired (invalid UTF-8, NUL bytes, a byte-order mark), as diagnostics of the article `id`.
fn repairs(decoded: &text::Decoded, id: &str) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut note = |severity, code, message: String| {
        diagnostics.push(Diagnostic::for_article(severity, code, id, message));
    };
    if decoded.invalid_utf8 {
        note(
            Severity::Warning,
            "invalid-utf8",
            "some bytes are not valid UTF-8 and were replaced by \u{FFFD}".to_string(),
        );
    }
    if decoded.nul_bytes > 0 {
        note(Severity::Warning, "nul-bytes", format!("{} NUL bytes were replaced by \u{FFFD}", decoded.nul_bytes));
    }
    if decoded.had_bom {
        note(Severity::Info, "bom-removed", "a byte-order mark at the start was removed".to_string());
    }
    diagnostics
}

/// The article's text in its format (plain text as it is, Markdown rendered, HTML extracted), with what the
/// format told about it in `hints`; or the code and message of why there is none.
fn readable_text(
    input: &Input,
    format: Format,
    decoded: String,
    hints: &mut Hints,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<String, (&'static str, String)> {
    let text = match format {
        Format::Text => decoded,
        Format::Markdown => {
            let r = markdown::render(&decoded);
            if let Some(message) = dropped_html_message(&r.dropped_html) {
                diagnostics.push(Diagnostic::for_article(
                    Severity::Info,
                    "raw-html-removed",
                    &default_id(input),
                    message,
                ));
            }
            hints.headings = r.headings;
            hints.captions = r.images;
            hints.page = front_matter_meta(&r.front_matter);
            r.text
        }
        Format::Html => match html::extract(&decoded) {
            Ok(x) => {
                let body = x.text.clone();
                hints.page = x;
                body
            }
            Err(why) => return Err(("html-unreadable", format!("{}: {why}", input.name))),
        },
    };
    if text.len() > MAX_TEXT_BYTES {
        return Err((
            "too-large",
            format!(
                "the text of {} is {:.1} MB, more than the limit of {} MB of text per article",
                input.name,
                text.len() as f64 / 1_048_576.0,
                MAX_TEXT_BYTES / 1_048_576
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(("no-text", format!("{} has no readable text", input.name)));
    }
    Ok(text)
}

/// The language tag reduced to its primary subtag, and a `not-english` note when it is not English.
fn settle_language(article: &mut Article) {
    if let Some(lang) = article.meta.language.as_mut() {
        lang.value = primary_language(&lang.value);
    }
    if !article.is_english() {
        let lang = article.meta.language.as_ref().map_or("und", |l| l.value.as_str()).to_string();
        article.diagnostics.push(Diagnostic::for_article(
            Severity::Info,
            "not-english",
            &article.id,
            format!(
                "the article's language looks like \"{lang}\", not English: it is listed with its metadata, but entities, dates, quotes, claims and cross-references are only analysed in English text"
            ),
        ));
    }
}

/// Lines longer than this (in bytes) get a `long-line` warning.
const LONG_LINE_BYTES: usize = 1024 * 1024;

/// What the input format already told about the text before lines are classified.
#[derive(Debug, Default)]
struct Hints {
    /// Lines that are headings (Markdown `#` and setext headings).
    headings: Vec<TextRange>,
    /// Lines that are image captions (Markdown image alt text).
    captions: Vec<TextRange>,
    /// Metadata an HTML page carried.
    page: html::Extracted,
}

/// Metadata from a Markdown front matter block (`title`, `author`/`authors`, `date`/`published`, `outlet`/
/// `publisher`/`site`, `url`, `lang`/`language`), in the shape HTML metadata takes.
fn front_matter_meta(pairs: &[(String, String)]) -> html::Extracted {
    let get = |keys: &[&str]| pairs.iter().find(|(k, _)| keys.contains(&k.as_str())).map(|(_, v)| v.clone());
    let authors = get(&["author", "authors", "byline"])
        .map(|a| {
            a.trim_matches(['[', ']'])
                .split([',', ';'])
                .flat_map(|p| p.split(" and "))
                .map(|p| p.trim().trim_matches(['"', '\'']).trim().to_string())
                .filter(|p| !p.is_empty())
                .collect()
        })
        .unwrap_or_default();
    html::Extracted {
        text: String::new(),
        title: get(&["title", "headline"]),
        authors,
        published: get(&["date", "published", "pubdate", "published_at", "date_published"]),
        outlet: get(&["outlet", "publisher", "site", "site_name", "source"]),
        url: get(&["url", "link", "canonical"]),
        language: get(&["lang", "language", "locale"]),
    }
}

/// "en-GB" → "en"; "EN" → "en"; anything unreadable stays as given.
fn primary_language(tag: &str) -> String {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()) {
        primary
    } else {
        tag.trim().to_string()
    }
}

fn guess_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    let head: String = text.trim_start().chars().take(64).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Format::Html;
    }
    Format::Text
}

/// Metadata an HTML page carried; it wins over what the text suggests (the manifest wins over both).
fn apply_page_meta(article: &mut Article, page: &html::Extracted) {
    let field = |v: String| Field { value: v, source: FieldSource::HtmlMeta, confidence: 0.9, range: None };
    if let Some(t) = page.title.clone() {
        let range = article.text.find(t.as_str()).map(|p| TextRange::new(p, p + t.len()));
        article.meta.title = Some(Field { range, ..field(t) });
    }
    if !page.authors.is_empty() {
        article.meta.authors = page.authors.iter().cloned().map(field).collect();
    }
    if let Some(p) = page.published.as_deref().and_then(normalize_published) {
        article.meta.published = Some(field(p));
    }
    if let Some(o) = page.outlet.clone() {
        article.meta.outlet = Some(field(o));
    }
    if let Some(u) = page.url.clone() {
        article.meta.url = Some(field(u));
    }
    if let Some(l) = page.language.clone() {
        article.meta.language = Some(field(l));
    }
}

/// A publication date as given by a page or a manifest, as ISO 8601, or `None` when it cannot be read.
pub fn normalize_published(s: &str) -> Option<String> {
    let s = s.trim();
    iso_date(s).or_else(|| published_in(s))
}

fn apply_manifest(article: &mut Article, m: &ManifestEntry) {
    let set = |v: &Option<String>| {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(|s| Field::from_manifest(s.to_string()))
    };
    if let Some(f) = set(&m.title) {
        article.meta.title = Some(f);
    }
    if let Some(f) = set(&m.outlet) {
        article.meta.outlet = Some(f);
    }
    if let Some(f) = set(&m.url) {
        article.meta.url = Some(f);
    }
    if let Some(f) = set(&m.published) {
        match normalize_published(&f.value) {
            Some(iso) => article.meta.published = Some(Field::from_manifest(iso)),
            None => article.diagnostics.push(Diagnostic::for_article(
                Severity::Warning,
                "manifest-published",
                &article.id,
                format!(
                    "the manifest's \"published\" value \"{}\" is not an ISO 8601 date such as 2023-11-10 or 2023-11-10T14:53:00+01:00; it was ignored",
                    f.value
                ),
            )),
        }
    }
    if let Some(f) = set(&m.language) {
        article.meta.language = Some(f);
    }
    if !m.authors.is_empty() {
        article.meta.authors = m.authors.iter().map(|a| Field::from_manifest(a.clone())).collect();
    }
}

/// What one line is, before paragraphs are formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Furniture(FurnitureKind),
    /// A short line without a sentence-final stop: a headline or sub-heading.
    Heading,
    /// Running text.
    Prose,
}

struct Line {
    range: TextRange,
    kind: LineKind,
}

/// Classifies lines, reads metadata and builds paragraphs and sentences.
/// `line_ranges` are the text's lines ([`text::lines`]).
fn layout(article: &mut Article, hints: &Hints, line_ranges: Vec<TextRange>) {
    let text = article.text.as_str();
    let mut lines = classify_lines(text, hints, line_ranges);
    let content: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kind != LineKind::Blank).collect();
    promote_headline(text, &mut lines, &content);
    mark_link_lists(text, &mut lines, &content);
    mark_repeated(text, &mut lines, &content);
    mark_captions(text, &mut lines, &content);
    mark_trailer(text, &mut lines, &content);
    let mut meta = Metadata::default();
    read_header(text, &mut lines, &content, &mut meta, article.format);
    read_author_block(text, &mut lines, &content, &mut meta);
    mark_author_bios(text, &mut lines, &content, &meta);
    meta.outlet = outlet_from_furniture(text, &lines, &content);
    meta.language = Some(language(text, &lines));
    let (paragraphs, furniture) = paragraphs(text, &lines, meta.title.as_ref().and_then(|t| t.range));
    let (sentences, cut) = sentences(text, &paragraphs);
    article.meta = meta;
    if cut > 0 {
        article.diagnostics.push(Diagnostic::for_article(
            Severity::Warning,
            "long-sentence",
            &article.id,
            format!(
                "{cut} sentence{} longer than {} KB without a sentence end {} cut into pieces of at most that size",
                if cut == 1 { "" } else { "s" },
                segment::MAX_SENTENCE_BYTES / 1024,
                if cut == 1 { "was" } else { "were" }
            ),
        ));
    }
    article.paragraphs = paragraphs;
    article.sentences = sentences;
    article.furniture = furniture;
}

/// Each line with its kind on its own words ([`classify`]), then as the input format's hints say (Markdown
/// image alt texts are captions, its headings headings).
fn classify_lines(text: &str, hints: &Hints, line_ranges: Vec<TextRange>) -> Vec<Line> {
    let mut lines: Vec<Line> = line_ranges
        .into_iter()
        .map(|r| {
            let range = r.trim(text);
            let kind = if range.is_empty() { LineKind::Blank } else { classify(range.slice(text)) };
            Line { range, kind }
        })
        .collect();
    for line in &mut lines {
        if hints.captions.binary_search(&line.range).is_ok() {
            line.kind = LineKind::Furniture(FurnitureKind::Caption);
        } else if hints.headings.binary_search(&line.range).is_ok() && !matches!(line.kind, LineKind::Furniture(_)) {
            line.kind = LineKind::Heading;
        }
    }
    lines
}

/// Paragraphs (the headline, headings, body paragraphs of hard-wrapped lines joined) and furniture spans of the
/// classified lines; `title` is the headline's range.
fn paragraphs(text: &str, lines: &[Line], title: Option<TextRange>) -> (Vec<Paragraph>, Vec<Furniture>) {
    let mut paragraphs = Vec::new();
    let mut furniture = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        match line.kind {
            LineKind::Blank => {}
            LineKind::Furniture(kind) => furniture.push(Furniture { range: line.range, kind }),
            LineKind::Heading => match title.filter(|t| line.range.contains_range(*t)) {
                Some(t) => {
                    // A section label glued to the headline ("NewsA headline") is furniture of its own.
                    if t.start > line.range.start {
                        let label = TextRange::new(line.range.start, t.start).trim(text);
                        furniture.push(Furniture { range: label, kind: FurnitureKind::SectionLabel });
                    }
                    paragraphs.push(Paragraph { range: t, kind: ParagraphKind::Headline });
                }
                None => paragraphs.push(Paragraph { range: line.range, kind: ParagraphKind::Heading }),
            },
            LineKind::Prose => {
                let (range, last) = wrapped_paragraph(text, lines, i);
                i = last;
                paragraphs.push(Paragraph { range, kind: ParagraphKind::Body });
            }
        }
        i += 1;
    }
    (paragraphs, furniture)
}

/// The paragraph of prose that starts at line `first`, hard-wrapped lines joined (a line without a final stop
/// followed by prose starting lowercase), and the index of its last line.
fn wrapped_paragraph(text: &str, lines: &[Line], first: usize) -> (TextRange, usize) {
    let Some(line) = lines.get(first) else { return (TextRange::new(0, 0), first) };
    let mut range = line.range;
    let mut i = first;
    while let Some(next) = lines.get(i + 1) {
        let cur = range.slice(text);
        let nxt = next.range.slice(text);
        let wraps = next.kind == LineKind::Prose
            && !cur.ends_with(['.', '!', '?', '"', '”', ':'])
            && nxt.chars().next().is_some_and(char::is_lowercase);
        if !wraps {
            break;
        }
        range = TextRange::new(range.start, next.range.end);
        i += 1;
    }
    (range, i)
}

/// The sentences of the paragraphs, and how many overlong sentences were cut into pieces.
fn sentences(text: &str, paragraphs: &[Paragraph]) -> (Vec<Sentence>, usize) {
    let mut sentences = Vec::new();
    let mut cut = 0usize;
    for (p, para) in paragraphs.iter().enumerate() {
        for long in segment::sentences(text, para.range) {
            let pieces = segment::cut_long(text, long);
            cut += usize::from(pieces.len() > 1);
            for range in pieces {
                sentences.push(Sentence { range, paragraph: p, tokens: segment::tokens(text, range) });
            }
        }
    }
    (sentences, cut)
}

/// Collapses every run of whitespace (no-break spaces included) into one space.
fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number of whitespace-separated words (`split_whitespace().count()`), ASCII read byte by byte.
fn words(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(c) = text::char_at_inline(s, i) {
        i += c.len_utf8();
        let space = is_space(c);
        n += usize::from(!in_word && !space);
        in_word = !space;
    }
    n
}

/// `char::is_whitespace`, with ASCII decided inline.
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t'..='\r')
    } else {
        c.is_whitespace()
    }
}

/// A fingerprint of a line as [`mark_repeated`] compares lines (whitespace runs collapsed, lowercase) and its
/// number of words, without building the compared form: equal forms always have equal fingerprints.
/// Lowercasing is `text::lower_char`, char by char as `text::lowercase` does; σ and ς are hashed alike.
fn fingerprint(s: &str) -> (u64, usize) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |c: char| h = (h ^ u64::from(u32::from(c))).wrapping_mul(0x0000_0100_0000_01b3);
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(c) = text::char_at_inline(s, i) {
        i += c.len_utf8();
        if is_space(c) {
            in_word = false;
            continue;
        }
        if !in_word {
            if n > 0 {
                mix(' ');
            }
            n += 1;
            in_word = true;
        }
        if c.is_ascii() {
            mix(c.to_ascii_lowercase());
        } else {
            let l = text::lower_char(c);
            mix(if l == 'ς' { 'σ' } else { l });
        }
    }
    (h, n)
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    t.ends_with(['.', '!', '?', '…', ':'])
}

/// Lines that are navigation on their own (compared lowercase, without a final colon).
const NAVIGATION_LINES: &[&str] = &[
    "related content",
    "related",
    "related articles",
    "related stories",
    "related topics",
    "trending now",
    "trending",
    "read more",
    "read next",
    "more from",
    "recommended",
    "recommended stories",
    "most popular",
    "most read",
    "see also",
    "you may also like",
    "you might also like",
    "latest news",
    "latest",
    "advertisement",
    "story continues below advertisement",
    "article continues below advertisement",
    "share this article",
    "share",
    "print",
    "email",
    "copy link",
    "comments",
    "top stories",
    "more stories",
    "editor's picks",
    "sponsored",
    "sponsored content",
    "watch",
    "listen",
    "listen to this article",
    "skip to content",
    "sign in",
    "log in",
    "menu",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
];

/// Line openings that introduce navigation ("Read more: Another headline").
const NAVIGATION_PREFIXES: &[&str] = &[
    "read more:",
    "read also:",
    "also read:",
    "related:",
    "see also:",
    "more:",
    "watch:",
    "listen:",
    "recommended:",
    "follow us on",
    "share on ",
];

/// Endings of image captions that name an agency or photographer.
const CREDIT_ENDINGS: &[&str] = &[
    "getty images",
    "shutterstock",
    "shutterstock.com",
    "/reuters",
    "via reuters",
    "/ap",
    "ap photo",
    "/afp",
    "afp via getty images",
    "/dpa",
    "/epa",
    "imago",
    "alamy",
    "picture alliance",
];

/// Phrases that make a line furniture wherever they stand in it (compared lowercase), with what they make it.
const LINE_PHRASES: &[(&str, Phrase)] = &[
    ("subscribe", Phrase::ShortPromo),
    ("newsletter", Phrase::ShortPromo),
    ("download the app", Phrase::ShortPromo),
    ("get the app", Phrase::ShortPromo),
    ("ad-free", Phrase::Promo),
    ("sign up for", Phrase::Promo),
    (" uses ai", Phrase::Disclosure),
    ("click here", Phrase::Disclosure),
    ("affiliate link", Phrase::Disclosure),
    ("we may earn a commission", Phrase::Disclosure),
];

/// What a phrase of [`LINE_PHRASES`] makes a line (a bit each, so that one pass finds them all).
#[derive(Clone, Copy)]
enum Phrase {
    /// Promotion when the line is short (under 20 words).
    ShortPromo = 1,
    Promo = 2,
    Disclosure = 4,
}

/// The first two bytes of each of [`LINE_PHRASES`], hashed into a set of 1,024 bits ([`pair_hash`]): a position
/// whose two bytes are not in the set starts none of them.
const PHRASE_PAIRS: [u64; 16] = {
    let mut set = [0u64; 16];
    let mut k = 0;
    while k < LINE_PHRASES.len() {
        let p = LINE_PHRASES[k].0.as_bytes();
        assert!(p.len() >= 2);
        let h = pair_hash(p[0], p[1]);
        set[h >> 6] |= 1 << (h & 63);
        k += 1;
    }
    set
};

const fn pair_hash(a: u8, b: u8) -> usize {
    ((a as usize) << 5 ^ b as usize) & 1023
}

/// Which kinds of [`LINE_PHRASES`] occur in `lower` (as [`Phrase`] bits), in one pass over its bytes.
fn phrases_in(lower: &str) -> u8 {
    let bytes = lower.as_bytes();
    let mut found = 0;
    for (i, pair) in bytes.windows(2).enumerate() {
        let &[a, b] = pair else { continue };
        let h = pair_hash(a, b);
        if PHRASE_PAIRS.get(h >> 6).is_none_or(|bits| bits >> (h & 63) & 1 == 0) {
            continue;
        }
        let rest = bytes.get(i..).unwrap_or_default();
        for &(p, kind) in LINE_PHRASES {
            if rest.starts_with(p.as_bytes()) {
                found |= kind as u8;
            }
        }
    }
    found
}

/// Classifies a line on its own words.
fn classify(line: &str) -> LineKind {
    let lower = line.lowercase();
    let lower = lower.trim();
    let phrases = phrases_in(lower);
    let has = |kind: Phrase| phrases & kind as u8 != 0;
    let bare = lower.trim_end_matches(':').trim_end();
    if NAVIGATION_LINES.contains(&bare) || NAVIGATION_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return LineKind::Furniture(FurnitureKind::Navigation);
    }
    if lower.starts_with("tags:")
        || lower.starts_with("topics:")
        || lower.starts_with("filed under")
        || lower.starts_with("keywords:")
    {
        return LineKind::Furniture(FurnitureKind::Tags);
    }
    if lower.starts_with("photo:")
        || lower.starts_with("photos:")
        || lower.starts_with("photo by ")
        || lower.starts_with("photograph:")
        || lower.starts_with("image:")
        || lower.starts_with("images:")
        || lower.starts_with("images source:")
        || lower.starts_with("image source:")
        || lower.starts_with("source:")
        || lower.starts_with("credit:")
        || lower.starts_with("picture:")
        || lower.starts_with("©")
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright ")
        || lower.starts_with("(photo")
    {
        return LineKind::Furniture(FurnitureKind::Credit);
    }
    let n = words(line);
    let short = n <= 14;
    if (lower.starts_with('•') || lower.starts_with("· ") || lower.starts_with("► ")) && short {
        return LineKind::Furniture(FurnitureKind::Promo);
    }
    if n < 20 && has(Phrase::ShortPromo) || has(Phrase::Promo) {
        return LineKind::Furniture(FurnitureKind::Promo);
    }
    if has(Phrase::Disclosure)
        || lower.starts_with("disclosure")
        || lower.starts_with("this article was produced")
        || lower.starts_with("this story was produced")
    {
        return LineKind::Furniture(FurnitureKind::Disclosure);
    }
    if matches!(bare, "about the writer" | "about the author" | "about the authors" | "about the reporter") {
        return LineKind::Furniture(FurnitureKind::AuthorBio);
    }
    if byline_lower(line, lower).is_some() {
        return LineKind::Furniture(FurnitureKind::Byline);
    }
    if short && date_dominant(line) {
        return LineKind::Furniture(FurnitureKind::Dateline);
    }
    let tail = lower.trim_end_matches(|c: char| c == ')' || c == '.' || c.is_whitespace());
    if line.contains('©') || n <= 60 && CREDIT_ENDINGS.iter().any(|e| tail.ends_with(e)) {
        return LineKind::Furniture(FurnitureKind::Caption);
    }
    if !ends_sentence(line) && n <= 20 {
        return LineKind::Heading;
    }
    LineKind::Prose
}

/// Words that label a date line ("Published", "Updated", "date").
const DATE_LABELS: &[&str] =
    &["published", "updated", "posted", "date", "last", "first", "modified", "on", "at", "am", "pm", "a.m.", "p.m."];

/// Whether a line is mostly a date: a date is found, and besides date words, labels and up to three other
/// words (a section label, a place) nothing remains. Body sentences that mention a date are not.
fn date_dominant(line: &str) -> bool {
    if published_in(line).is_none() {
        return false;
    }
    let labelled = line
        .split_whitespace()
        .next()
        .is_some_and(|w| DATE_LABELS.contains(&w.trim_end_matches(':').lowercase().as_str()));
    let other = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let t = w.trim_matches(|c: char| !c.is_alphanumeric());
            let l = t.lowercase();
            !(t.is_empty()
                || t.chars().next().is_some_and(|c| c.is_ascii_digit())
                || lexicon::month_number(&l).is_some()
                || lexicon::weekday_number(&l).is_some()
                || lexicon::zone_offset_minutes(t).is_some()
                || DATE_LABELS.contains(&l.trim_end_matches(':'))
                || matches!(l.as_str(), "a.m" | "p.m" | "utc" | "gmt" | "et" | "pt" | "ct" | "mt" | "by" | "and"))
        })
        .count();
    other <= 3 || labelled && other <= 6
}

/// Marks every occurrence of a line that occurs twice or more in the article.
/// Lines are compared with whitespace runs collapsed and case ignored; only lines of two words or more count.
/// Fingerprints find the candidates without copying a line; only lines sharing one are compared in full.
fn mark_repeated(text: &str, lines: &mut [Line], content: &[usize]) {
    let mut keyed: Vec<(u64, usize)> = content
        .iter()
        .filter_map(|&i| {
            let (hash, n) = fingerprint(lines[i].range.slice(text));
            (n >= 2).then_some((hash, i))
        })
        .collect();
    crate::base::order::sort(&mut keyed);
    for same_hash in keyed.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() >= 2) {
        let mut seen: crate::base::map::Map<String, Vec<usize>> = crate::base::map::Map::new();
        for &(_, i) in same_hash {
            seen.entry(normalize_ws(lines[i].range.slice(text)).lowercase()).or_default().push(i);
        }
        for idxs in seen.values().filter(|v| v.len() >= 2) {
            for &i in idxs {
                if matches!(lines[i].kind, LineKind::Heading | LineKind::Prose) {
                    lines[i].kind = LineKind::Furniture(FurnitureKind::Repeated);
                }
            }
        }
    }
}

/// A short heading-like line right before or right after a caption or credit (no blank line between) is
/// the caption's title or alt text. A person-like name after a credit is left alone (it is often the byline).
fn mark_captions(text: &str, lines: &mut [Line], content: &[usize]) {
    let is_credit = |k: LineKind| matches!(k, LineKind::Furniture(FurnitureKind::Caption | FurnitureKind::Credit));
    for w in content.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b != a + 1 {
            continue;
        }
        if !is_credit(lines[b].kind) {
            continue;
        }
        let n = words(lines[a].range.slice(text));
        let caption_like = lines[a].kind == LineKind::Heading && n >= 2 || lines[a].kind == LineKind::Prose && n <= 40;
        if caption_like {
            lines[a].kind = LineKind::Furniture(FurnitureKind::Caption);
        }
    }
    for w in content.windows(2) {
        let (a, b) = (w[0], w[1]);
        let s = lines[b].range.slice(text);
        if b == a + 1
            && is_credit(lines[a].kind)
            && lines[b].kind == LineKind::Heading
            && words(s) >= 3
            && !looks_like_name(s)
        {
            lines[b].kind = LineKind::Furniture(FurnitureKind::Caption);
        }
    }
}

/// Headers of link lists ("Related content", "Trending now", "Most read"): the short lines under them are
/// headlines of other articles.
const LINK_LIST_HEADERS: &[&str] = &[
    "related",
    "trending",
    "most read",
    "most popular",
    "most viewed",
    "recommended",
    "more from",
    "more stories",
    "more on this story",
    "top stories",
    "latest news",
    "read more",
    "read next",
    "you may also like",
    "you might also like",
    "see also",
    "editor's picks",
];

/// The heading-like lines (up to twelve) under a link-list header are navigation, until running text.
fn mark_link_lists(text: &str, lines: &mut [Line], content: &[usize]) {
    for (k, &i) in content.iter().enumerate() {
        if lines[i].kind != LineKind::Furniture(FurnitureKind::Navigation) {
            continue;
        }
        let lower = lines[i].range.slice(text).lowercase();
        let bare = lower.trim().trim_end_matches(':');
        if !LINK_LIST_HEADERS.iter().any(|h| bare.starts_with(h)) || words(bare) > 5 {
            continue;
        }
        for &j in content.iter().skip(k + 1).take(12) {
            match lines[j].kind {
                LineKind::Heading => lines[j].kind = LineKind::Furniture(FurnitureKind::Navigation),
                LineKind::Furniture(_) => {}
                _ => break,
            }
        }
    }
}

/// The first line of an article is its headline when it is short and reads as one, even when it ends with a
/// question or exclamation mark ("Is this the end?"). A lede of several sentences is not.
fn promote_headline(text: &str, lines: &mut [Line], content: &[usize]) {
    let Some(&first) = content.first() else { return };
    let s = lines[first].range.slice(text);
    let one_sentence = segment::sentences(text, lines[first].range).len() == 1;
    if lines[first].kind == LineKind::Prose && words(s) <= 16 && one_sentence && s.trim_end().ends_with(['?', '!']) {
        lines[first].kind = LineKind::Heading;
    }
}

/// After the last paragraph of prose, once furniture has started, short lines are furniture too.
fn mark_trailer(text: &str, lines: &mut [Line], content: &[usize]) {
    let Some(last_prose) = content.iter().rev().copied().find(|&i| lines[i].kind == LineKind::Prose) else { return };
    let first_furniture_after =
        content.iter().copied().find(|&i| i > last_prose && matches!(lines[i].kind, LineKind::Furniture(_)));
    // Headings between the last prose and trailing furniture (promo headers, section names) are furniture.
    for &i in content {
        if i <= last_prose {
            continue;
        }
        if lines[i].kind == LineKind::Heading && first_furniture_after.is_some() {
            lines[i].kind = LineKind::Furniture(FurnitureKind::Promo);
        }
    }
    // A heading followed only by furniture up to the last prose is a promo header ("Uncommon Knowledge").
    let mut i = 0;
    while i < content.len() {
        let idx = content[i];
        if lines[idx].kind == LineKind::Heading {
            let next = content.get(i + 1).copied();
            if next.is_some_and(|n| {
                matches!(lines[n].kind, LineKind::Furniture(FurnitureKind::Repeated | FurnitureKind::Promo))
            }) && words(lines[idx].range.slice(text)) <= 4
            {
                lines[idx].kind = LineKind::Furniture(FurnitureKind::Promo);
            }
        }
        i += 1;
    }
}

/// Reads the header: section labels, the headline, bylines, datelines, a name line.
fn read_header(text: &str, lines: &mut [Line], content: &[usize], meta: &mut Metadata, _format: Format) {
    // The header ends at the first prose line.
    let header_end = content.iter().position(|&i| lines[i].kind == LineKind::Prose).unwrap_or(content.len());
    let header: Vec<usize> = content[..header_end].to_vec();
    read_header_bylines_and_dates(text, lines, &header, meta);
    // No date in the header: a labelled date line after the body ("Published 9 November 2023") will do.
    if meta.published.is_none() {
        meta.published = published_after_body(text, lines, content);
    }
    let title_idx = read_title(text, lines, &header, content, meta);
    if meta.authors.is_empty() {
        read_name_line(text, lines, &header, title_idx, meta);
    }
    if meta.authors.is_empty() {
        read_name_after_credit(text, lines, content, meta);
    }
}

/// Authors from byline lines of the header, and the publication date from a byline or a date line.
fn read_header_bylines_and_dates(text: &str, lines: &[Line], header: &[usize], meta: &mut Metadata) {
    for &i in header {
        let s = lines[i].range.slice(text);
        match lines[i].kind {
            LineKind::Furniture(FurnitureKind::Byline) => {
                if let Some(names) = byline(s) {
                    for (name, r) in names {
                        let range = TextRange::new(lines[i].range.start + r.start, lines[i].range.start + r.end);
                        if meta.authors.iter().all(|a| a.value != name) {
                            meta.authors.push(Field::from_text(name, range, 0.9));
                        }
                    }
                }
                // "By Jane Doe | November 9, 2023": the date rides on the byline.
                if meta.published.is_none() {
                    if let Some(iso) = published_in(s) {
                        meta.published = Some(Field::from_text(iso, lines[i].range, 0.8));
                    }
                }
            }
            LineKind::Furniture(FurnitureKind::Dateline) => {
                // "Published …" wins over "Updated …"; otherwise the first date line.
                let label = s.trim_start().lowercase();
                let updated = label.starts_with("updated") || label.starts_with("last updated");
                let published = label.starts_with("published") || label.starts_with("first published");
                let weaker = meta.published.as_ref().is_none_or(|p| p.confidence < 0.9);
                if let Some(iso) = published_in(s).filter(|_| meta.published.is_none() || published && weaker) {
                    let conf = if updated { 0.7 } else { 0.9 };
                    meta.published = Some(Field::from_text(iso, lines[i].range, conf));
                }
            }
            _ => {}
        }
    }
}

/// A labelled date line after the last prose ("Published 9 November 2023").
fn published_after_body(text: &str, lines: &[Line], content: &[usize]) -> Option<Field<String>> {
    let last_prose = content.iter().rev().copied().find(|&i| lines[i].kind == LineKind::Prose);
    for &i in content.iter().filter(|&&i| last_prose.is_some_and(|p| i > p)) {
        let s = lines[i].range.slice(text);
        let label = s.trim_start().lowercase();
        let labelled = ["published", "first published", "posted"].iter().any(|l| label.starts_with(l));
        if lines[i].kind == LineKind::Furniture(FurnitureKind::Dateline) && labelled {
            if let Some(iso) = published_in(s) {
                return Some(Field::from_text(iso, lines[i].range, 0.7));
            }
        }
    }
    None
}

/// The headline (`meta.title`) and its line: section labels before and after it are marked.
fn read_title(
    text: &str,
    lines: &mut [Line],
    header: &[usize],
    content: &[usize],
    meta: &mut Metadata,
) -> Option<usize> {
    // A first line that ends with the next line's text is a section label glued to the headline.
    if let [a, b, ..] = header[..] {
        let (sa, sb) = (normalize_ws(lines[a].range.slice(text)), normalize_ws(lines[b].range.slice(text)));
        if sa.len() > sb.len() && sa.ends_with(&sb) && sa.len() - sb.len() <= 40 && lines[b].kind == LineKind::Heading {
            lines[a].kind = LineKind::Furniture(FurnitureKind::SectionLabel);
        }
    }
    // The headline: the heading of the header that the lede is about (one-word headings are section labels).
    let candidates: Vec<usize> = header
        .iter()
        .copied()
        .filter(|&i| lines[i].kind == LineKind::Heading && words(lines[i].range.slice(text)) >= 2)
        .collect();
    // The lede decides only between two candidates or more.
    let lede = if candidates.len() >= 2 { lede_words(text, lines, content, header.len()) } else { Vec::new() };
    let choice = choose_headline(text, lines, &candidates, &lede);
    let title_idx = choice.map(|c| c.line);
    if let Some(HeadlineChoice { line: t, chosen_over_others }) = choice {
        let mut range = lines[t].range;
        // "NewsA headline": a known section word glued to the headline's first word.
        if let Some(cut) = glued_label(range.slice(text)) {
            range = TextRange::new(range.start + cut, range.end);
        }
        let s = range.slice(text);
        // Not the first line, or chosen over a heading above it: a reader should check it.
        let conf = if Some(&t) == content.first() && !chosen_over_others { 0.9 } else { 0.75 };
        meta.title = Some(Field::from_text(s.to_string(), range, conf));
    }
    for &i in header {
        let one_word = words(lines[i].range.slice(text)) <= 1;
        // One-word header lines are section labels ("News"); so are the headings above the headline that the
        // lede is not about (a site's name, "Watch live", a kicker).
        let above = title_idx.is_some_and(|t| i < t);
        if Some(i) != title_idx && lines[i].kind == LineKind::Heading && (one_word || above) {
            lines[i].kind = LineKind::Furniture(FurnitureKind::SectionLabel);
        }
    }
    title_idx
}

/// How many words of the body's first prose lines the headline choice reads.
const LEDE_WORDS: usize = 60;

/// The content words ([`content_key`]) of the body's first prose lines after the header (`header_len` content
/// lines), up to [`LEDE_WORDS`] words: what the headline must be about.
fn lede_words(text: &str, lines: &[Line], content: &[usize], header_len: usize) -> Vec<String> {
    let mut out = Vec::new();
    for &i in content.iter().skip(header_len) {
        if lines[i].kind != LineKind::Prose {
            continue;
        }
        // Only the words still wanted are read (a first paragraph may be hundreds of words long).
        out.extend(content_keys(lines[i].range.slice(text)).take(LEDE_WORDS.saturating_sub(out.len())));
        if out.len() >= LEDE_WORDS {
            break;
        }
    }
    out.truncate(LEDE_WORDS);
    out
}

/// The words of a line as compared with the lede: lowercase, a possessive or plural `s` dropped, function
/// words and one-letter words left out.
fn content_keys(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric()).filter_map(content_key)
}

/// One word as [`content_keys`] compares it, or `None` for a function word.
fn content_key(w: &str) -> Option<String> {
    let lower = w.lowercase();
    if lower.chars().count() < 2 || lexicon::ENGLISH_FUNCTION_WORDS.contains(&lower.as_str()) {
        return None;
    }
    let plural = lower.len() > 4 && lower.ends_with('s') && !lower.ends_with("ss");
    Some(if plural { lower[..lower.len() - 1].to_string() } else { lower })
}

/// A line in the shape of a page title: a topic, a separator, and a site's name in capitalised words
/// ("Topic - Example News", "Topic | Example", "Topic -Example").
fn site_title(line: &str) -> bool {
    [" - ", " -", " | ", " – ", " — "].iter().any(|sep| {
        line.rsplit_once(sep).is_some_and(|(topic, site)| {
            !topic.trim().is_empty()
                && !site.trim().is_empty()
                && site.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
    })
}

/// The heading chosen as the headline.
#[derive(Debug, Clone, Copy, PartialEq)]
struct HeadlineChoice {
    /// Its line.
    line: usize,
    /// Whether an earlier heading was passed over for it.
    chosen_over_others: bool,
}

/// The headline among the header's `candidates`: the first one, unless a later one is clearly more about the
/// lede (a larger share of its content words is in the lede, by a margin, and two words at least): a site's
/// name, a "Watch …" line or a kicker above the headline shares little with the story's first sentences.
fn choose_headline(text: &str, lines: &[Line], candidates: &[usize], lede: &[String]) -> Option<HeadlineChoice> {
    let scored: Vec<(usize, usize, f64)> = candidates
        .iter()
        .map(|&i| {
            let keys: Vec<String> = content_keys(lines[i].range.slice(text)).collect();
            let shared = keys.iter().filter(|k| lede.contains(k)).count();
            (i, shared, shared as f64 / keys.len().max(1) as f64)
        })
        .collect();
    let &(first, first_shared, first_share) = scored.first()?;
    let mut best = (first, first_shared, first_share);
    for &(i, shared, share) in scored.iter().skip(1) {
        // Only a short line that shares no word with the lede, or reads as a page title ("Topic - Site"), is
        // passed over (a headline of few words above a deck that repeats the lede stays the headline); the
        // later line must read as a headline: four words or more, not a person's name or a job title.
        let above = lines[best.0].range.slice(text);
        let passable = words(above) <= 5 && (best.1 == 0 || site_title(above));
        let s = lines[i].range.slice(text);
        let headline_like = words(s) >= 4 && !looks_like_name(s) && !is_role(s);
        if passable && headline_like && shared >= 2 && share >= best.2 + 0.25 {
            best = (i, shared, share);
        }
    }
    Some(HeadlineChoice { line: best.0, chosen_over_others: best.0 != first })
}

/// A name line under the headline: a person-like name next to other header furniture (a date line, a credit),
/// or followed by a role ("Jane Doe" / "Senior correspondent"), or "Jane Doe, Reporter".
fn read_name_line(text: &str, lines: &mut [Line], header: &[usize], title_idx: Option<usize>, meta: &mut Metadata) {
    let after_title = title_idx.and_then(|t| header.iter().position(|&i| i == t)).map_or(0, |p| p + 1);
    for (k, &i) in header.iter().enumerate().skip(after_title) {
        if lines[i].kind != LineKind::Heading {
            continue;
        }
        let s = lines[i].range.slice(text);
        let (name, role) = match s.split_once(", ") {
            Some((n, r)) if is_role(r) => (n, true),
            _ => (s, false),
        };
        let near = |j: Option<&usize>| {
            j.is_some_and(|&j| {
                matches!(
                    lines[j].kind,
                    LineKind::Furniture(FurnitureKind::Dateline | FurnitureKind::Credit | FurnitureKind::Caption)
                ) || lines[j].kind == LineKind::Heading && is_role(lines[j].range.slice(text))
            })
        };
        let context = role || near(header.get(k + 1)) || k > 0 && near(header.get(k - 1));
        if context && looks_like_name(name) {
            lines[i].kind = LineKind::Furniture(FurnitureKind::Byline);
            let r = TextRange::new(lines[i].range.start, lines[i].range.start + name.len());
            meta.authors.push(Field::from_text(name.to_string(), r, 0.7));
            // The role line under the name is part of the byline.
            if let Some(&j) = header.get(k + 1) {
                if lines[j].kind == LineKind::Heading && is_role(lines[j].range.slice(text)) {
                    lines[j].kind = LineKind::Furniture(FurnitureKind::Byline);
                }
            }
            break;
        }
    }
}

/// A line holding only a person-like name right after a credit or caption near the top is a byline.
fn read_name_after_credit(text: &str, lines: &mut [Line], content: &[usize], meta: &mut Metadata) {
    let limit = content.len().div_ceil(2);
    for w in content[..limit].windows(2) {
        let (prev, i) = (w[0], w[1]);
        let s = lines[i].range.slice(text);
        let after_furniture =
            matches!(lines[prev].kind, LineKind::Furniture(FurnitureKind::Credit | FurnitureKind::Caption));
        if after_furniture && lines[i].kind == LineKind::Heading && looks_like_name(s) {
            lines[i].kind = LineKind::Furniture(FurnitureKind::Byline);
            meta.authors.push(Field::from_text(s.to_string(), lines[i].range, 0.6));
            break;
        }
    }
}

/// The byte length of a section label glued to a headline ("NewsA headline" → 4), when the line starts with
/// a known section word immediately followed by a capitalised word.
fn glued_label(line: &str) -> Option<usize> {
    let first = line.split_whitespace().next()?;
    for label in lexicon::SECTION_LABELS {
        let n = label.len();
        let (Some(head), Some(rest)) = (first.get(..n), first.get(n..)) else { continue };
        if head.eq_ignore_ascii_case(label)
            && head.chars().next().is_some_and(char::is_uppercase)
            && rest.chars().next().is_some_and(char::is_uppercase)
            && rest.chars().nth(1).is_some_and(char::is_lowercase)
        {
            return Some(n);
        }
    }
    None
}

/// A job title on a byline ("Senior Correspondent", "Staff Writer", "Reporter").
fn is_role(s: &str) -> bool {
    words(s) <= 6
        && s.lowercase()
            .split_whitespace()
            .any(|w| lexicon::ROLE_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// "About the writer" followed by "Jane Doe is a …": the bio (furniture) and its author.
fn read_author_block(text: &str, lines: &mut [Line], content: &[usize], meta: &mut Metadata) {
    for k in 0..content.len() {
        let i = content[k];
        if lines[i].kind != LineKind::Furniture(FurnitureKind::AuthorBio)
            || !lines[i].range.slice(text).lowercase().starts_with("about the")
        {
            continue;
        }
        // The bio runs until the next line that is other furniture.
        for &next in &content[k + 1..] {
            if !matches!(lines[next].kind, LineKind::Prose | LineKind::Heading) {
                break;
            }
            lines[next].kind = LineKind::Furniture(FurnitureKind::AuthorBio);
            let s = lines[next].range.slice(text);
            if let Some(name) = bio_subject(s) {
                if looks_like_name(name) && meta.authors.is_empty() {
                    let start = lines[next].range.start;
                    meta.authors.push(Field::from_text(
                        name.to_string(),
                        TextRange::new(start, start + name.len()),
                        0.8,
                    ));
                }
            } else if looks_like_name(s) && meta.authors.is_empty() {
                meta.authors.push(Field::from_text(s.to_string(), lines[next].range, 0.7));
            }
        }
    }
}

/// "Jane Doe is a reporter …" → "Jane Doe".
fn bio_subject(s: &str) -> Option<&str> {
    // A name is short: only the first 64 characters are searched (a character starts at every byte that is not
    // a continuation byte). All verbs start with a space: the first space that starts one ends the name.
    let cut = s.bytes().enumerate().filter(|&(_, b)| b & 0xC0 != 0x80).nth(64).map_or(s.len(), |(p, _)| p);
    let head = s.get(..cut).unwrap_or(s);
    let verbs = [" is a ", " is an ", " is the ", " is ", " covers ", " writes ", " has been ", " was "];
    let p = (0..head.len()).filter(|&p| head.as_bytes().get(p) == Some(&b' ')).find(|&p| {
        // Comparing the byte after the space first saves most comparisons.
        let next = head.as_bytes().get(p + 1);
        head.get(p..).is_some_and(|r| verbs.iter().any(|v| v.as_bytes().get(1) == next && r.starts_with(v)))
    })?;
    s.get(..p).filter(|name| words(name) <= 4)
}

/// A paragraph that starts with an author's name and describes them ("Jane Doe is a reporter …") is their bio.
fn mark_author_bios(text: &str, lines: &mut [Line], content: &[usize], meta: &Metadata) {
    for &i in content {
        if lines[i].kind != LineKind::Prose {
            continue;
        }
        let s = lines[i].range.slice(text);
        let Some(subject) = bio_subject(s) else { continue };
        // `subject` is the start of `s`: what follows it must be one of these.
        let rest = s.get(subject.len()..).unwrap_or_default();
        let describes = [" is a ", " is an ", " covers ", " writes "].iter().any(|v| rest.starts_with(v));
        if describes && meta.authors.iter().any(|a| a.value == subject) {
            lines[i].kind = LineKind::Furniture(FurnitureKind::AuthorBio);
        }
    }
}

/// How bylines open (compared lowercase).
const BYLINE_PREFIXES: &[&str] = &[
    "by: ",
    "by ",
    "from: ",
    "from ",
    "written by ",
    "words by ",
    "reporting by ",
    "reported by ",
    "story by ",
    "author: ",
    "authors: ",
    "text: ",
    "von ",
    "par ",
    "por ",
    "door ",
];

/// Byline forms: "By A and B", "From: A", "Written by A", "Author: A", "By A, Agency", "By A in Place",
/// "By A | November 9, 2023". Returns the names and their ranges relative to the line.
fn byline(line: &str) -> Option<Vec<(String, TextRange)>> {
    byline_lower(line, &line.lowercase())
}

/// [`byline`] of a line whose lowercase form the caller has already made.
fn byline_lower(line: &str, lower: &str) -> Option<Vec<(String, TextRange)>> {
    let prefix = BYLINE_PREFIXES.iter().find(|p| lower.starts_with(**p))?;
    let rest_start = prefix.len();
    // Cut at a separator that starts a date or other furniture: "|", "•", "·", " - ", " — ".
    let rest_full = line.get(rest_start..)?;
    let cut = [" | ", "|", " • ", " · ", " - ", " — ", " – "]
        .iter()
        .filter_map(|sep| rest_full.find(sep))
        .min()
        .unwrap_or(rest_full.len());
    let rest = rest_full.get(..cut)?.trim_end();
    if words(rest) > 12 || rest.ends_with('.') && words(rest) > 4 {
        return None;
    }
    let mut out = Vec::new();
    let mut offset = rest_start;
    for part in rest.split([',', '&', ';']).flat_map(|p| p.split(" and ")) {
        let trimmed = part.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = line.get(offset..).and_then(|r| r.find(trimmed)).map_or(offset, |p| offset + p);
        offset = start + trimmed.len();
        // "Jane Doe in Brussels": the place is not part of the name.
        let name = trimmed.split(" in ").next().unwrap_or(trimmed).trim_end();
        if is_role(name) {
            continue;
        }
        if looks_like_name(name) {
            out.push((name.to_string(), TextRange::new(start, start + name.len())));
        } else if words(name) > 3 || name.chars().next().is_some_and(char::is_lowercase) {
            // Not a name and not a one-word agency or role: this is not a byline.
            return None;
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// Two to five words that read as a person's name: capitalised words (hyphens, apostrophes and initials
/// allowed), lowercase particles ("von", "de", "al") inside, all-capital names accepted.
fn looks_like_name(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&ws.len()) {
        return false;
    }
    let last = ws.len() - 1;
    let capitalised = ws.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    capitalised >= 2
        && ws.iter().enumerate().all(|(k, w)| {
            let letters_ok = w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
            let lower = w.lowercase();
            if !letters_ok || ENGLISH_NON_NAME.contains(&lower.as_str()) {
                return false;
            }
            if w.chars().next().is_some_and(char::is_uppercase) {
                return true;
            }
            k != 0 && k != last && lexicon::NAME_PARTICLES.contains(&lower.as_str())
        })
}

/// Words that never occur in a person's name line (function words that show a line is a phrase).
const ENGLISH_NON_NAME: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "and", "or", "is", "are", "was", "by", "from", "as",
    "not", "how", "why", "what", "who", "news", "video", "photos", "live", "updates",
];

/// Finds a publication date (and time) in a short header line; returns it as ISO 8601.
pub fn published_in(line: &str) -> Option<String> {
    let toks: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|t| !t.is_empty() && *t != "-" && *t != "–" && *t != "·")
        .collect();
    for (k, tok) in toks.iter().enumerate() {
        // ISO: 2023-11-10 or 2023-11-10T14:53:00+01:00
        if let Some(iso) = iso_date(tok) {
            return Some(iso);
        }
        // Nov.30 2024 / Nov. 30, 2024 / November 9, 2023 [2:53 PM CET]
        let (month_word, day_part) = match tok.split_once('.') {
            Some((m, d)) if !d.is_empty() && lexicon::month_number(m).is_some() => (m, Some(d)),
            _ => (*tok, None),
        };
        if let Some(month) = lexicon::month_number(month_word) {
            if month_word.len() < 3 {
                continue;
            }
            let mut j = k + 1;
            let day = match day_part {
                Some(d) => d,
                None => {
                    j += 1;
                    toks.get(k + 1).copied().unwrap_or("")
                }
            };
            let day: u32 = day.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()?;
            let year: i32 = toks.get(j)?.parse().ok()?;
            if !(1800..=2200).contains(&year) || day == 0 || day > lexicon::days_in_month(year, month) {
                return None;
            }
            let date = format!("{year:04}-{month:02}-{day:02}");
            return Some(with_time(date, &toks[j + 1..]));
        }
        // 9 November 2023
        let day_tok = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        if let (Ok(day), Some(m), Some(y)) = (day_tok.parse::<u32>(), toks.get(k + 1), toks.get(k + 2)) {
            if let (Some(month), Ok(year)) = (lexicon::month_number(m), y.parse::<i32>()) {
                if (1800..=2200).contains(&year) && day >= 1 && day <= lexicon::days_in_month(year, month) {
                    return Some(with_time(format!("{year:04}-{month:02}-{day:02}"), &toks[k + 3..]));
                }
            }
        }
    }
    None
}

/// Appends "THH:MM:SS±HH:MM" when the tokens start with a time such as "2:53 PM CET", "at 10:05 a.m. EST",
/// "14:53 (UTC+1)" or "2:53PM". A zone that cannot be resolved ("ET") leaves the time without offset.
fn with_time(date: String, rest: &[&str]) -> String {
    let mut rest = rest;
    while let Some(first) = rest.first() {
        if matches!(first.to_ascii_lowercase().as_str(), "at" | "um" | "a" | "updated" | "published") {
            rest = &rest[1..];
        } else {
            break;
        }
    }
    let Some(t) = rest.first() else { return date };
    let lower = t.to_ascii_lowercase();
    let (clock, glued) = match lower.strip_suffix("pm").or_else(|| lower.strip_suffix("p.m.")) {
        Some(c) => (c.to_string(), Some(true)),
        None => match lower.strip_suffix("am").or_else(|| lower.strip_suffix("a.m.")) {
            Some(c) => (c.to_string(), Some(false)),
            None => (lower.clone(), None),
        },
    };
    let Some((h, m)) = clock.split_once([':', '.']) else { return date };
    let (Ok(mut h), Ok(m)) = (h.parse::<u32>(), m.get(..2).unwrap_or("").parse::<u32>()) else { return date };
    let mut k = 1;
    let pm = match glued {
        Some(pm) => Some(pm),
        None => match rest.get(1).map(|s| s.to_ascii_lowercase()) {
            Some(ref p) if p == "pm" || p == "p.m." => {
                k = 2;
                Some(true)
            }
            Some(ref p) if p == "am" || p == "a.m." => {
                k = 2;
                Some(false)
            }
            _ => None,
        },
    };
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    if h > 23 || m > 59 {
        return date;
    }
    let zone = rest.get(k).and_then(|z| zone_minutes(z));
    match zone {
        Some(off) => {
            let sign = if off < 0 { '-' } else { '+' };
            let off = off.unsigned_abs();
            format!("{date}T{h:02}:{m:02}:00{sign}{:02}:{:02}", off / 60, off % 60)
        }
        None => format!("{date}T{h:02}:{m:02}:00"),
    }
}

/// A zone token: an abbreviation ("CET"), "UTC+1", "GMT+01:00", "+0100", "(CEST)".
fn zone_minutes(tok: &str) -> Option<i32> {
    let t = tok.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | '.'));
    if let Some(m) = lexicon::zone_offset_minutes(t) {
        return Some(m);
    }
    let upper = t.to_ascii_uppercase();
    let offset = upper.strip_prefix("UTC").or_else(|| upper.strip_prefix("GMT")).unwrap_or(&upper);
    let sign = match offset.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = offset[1..].chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 | 4 => {
            (digits.get(..digits.len() - 2)?.parse::<i32>().ok()?, digits.get(digits.len() - 2..)?.parse::<i32>().ok()?)
        }
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

fn iso_date(tok: &str) -> Option<String> {
    let b = tok.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' && b[7] == b'-') {
        return None;
    }
    let year: i32 = tok.get(0..4)?.parse().ok()?;
    let month: u32 = tok.get(5..7)?.parse().ok()?;
    let day: u32 = tok.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > lexicon::days_in_month(year, month) {
        return None;
    }
    let rest = tok.get(10..)?;
    if rest.is_empty() {
        return Some(tok.to_string());
    }
    let valid_time = rest.starts_with('T')
        && rest.len() >= 6
        && rest.chars().skip(1).all(|c| c.is_ascii_digit() || matches!(c, ':' | '+' | '-' | 'Z' | '.'));
    valid_time.then(|| tok.to_string())
}

/// The outlet when the text names itself in its own furniture: a copyright line after the body
/// ("© 2024 Example Media. All rights reserved."), or self-promotion ("X is committed to …", "To read how X
/// uses …", "… on X.com") seen at least twice. Photo credits name agencies, not the outlet, and are skipped.
fn outlet_from_furniture(text: &str, lines: &[Line], content: &[usize]) -> Option<Field<String>> {
    let last_prose = content.iter().rev().copied().find(|&i| lines[i].kind == LineKind::Prose);
    for &i in content.iter().rev() {
        if last_prose.is_some_and(|p| i < p) {
            break;
        }
        let s = lines[i].range.slice(text);
        if let Some((name, offset)) = copyright_holder(s) {
            let start = lines[i].range.start + offset;
            let range = TextRange::new(start, start + name.len());
            return Some(Field::from_text(name, range, 0.8));
        }
    }
    let mut counts: crate::base::map::Map<String, (usize, TextRange)> = crate::base::map::Map::new();
    let self_promo = |k: LineKind| matches!(k, LineKind::Furniture(kind) if !matches!(kind, FurnitureKind::Credit | FurnitureKind::Caption | FurnitureKind::Byline | FurnitureKind::Dateline));
    for line in lines.iter().filter(|l| self_promo(l.kind)) {
        let s = line.range.slice(text);
        let mut found = |name: &str| {
            let name = name.trim_matches(|c: char| !c.is_alphanumeric());
            if name.chars().next().is_some_and(char::is_uppercase) && words(name) <= 3 && name.len() >= 2 {
                let start = s.find(name).map_or(line.range.start, |p| line.range.start + p);
                let e = counts.entry(name.to_string()).or_insert((0, TextRange::new(start, start + name.len())));
                e.0 += 1;
            }
        };
        if let Some(p) = s.find(" is committed to") {
            found(&s[..p]);
        }
        if let Some(rest) = s.strip_prefix("To read how ") {
            if let Some(p) = rest.find(" uses ") {
                found(&rest[..p]);
            }
        }
        for (p, _) in s.match_indices(".com") {
            let before = &s[..p];
            let w = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            found(w);
        }
    }
    let (name, (n, range)) = counts.into_iter().max_by_key(|(_, (n, _))| *n)?;
    (n >= 2).then_some(Field { value: name, source: FieldSource::Text, confidence: 0.7, range: Some(range) })
}

/// "© 2024 Example Media. All rights reserved." / "Copyright 2023 The Example Times" → the holder and its byte
/// offset in the line. Needs a year or "all rights reserved", so a bare photo credit ("© Agency") is not one.
fn copyright_holder(line: &str) -> Option<(String, usize)> {
    let lower = line.lowercase();
    let marker = ["copyright ©", "copyright (c)", "copyright", "©", "(c)"]
        .iter()
        .find_map(|m| lower.find(m).map(|p| (p, m.len())))?;
    let has_year = line.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4 && d.starts_with(['1', '2']));
    if !has_year && !lower.contains("all rights reserved") {
        return None;
    }
    let mut offset = marker.0 + marker.1;
    let rest = line.get(offset..)?;
    // Skip spaces, years and year ranges.
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || c.is_ascii_digit() || matches!(c, '-' | '–' | ','))
            .len();
    offset += skip;
    let rest = line.get(offset..)?;
    let end = [". ", ".", ",", " all rights", " All rights", " | ", "|"]
        .iter()
        .filter_map(|e| rest.find(e))
        .min()
        .unwrap_or(rest.len());
    let name = rest.get(..end)?.trim().trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let ok = name.chars().next().is_some_and(char::is_uppercase) && (1..=6).contains(&words(name));
    ok.then(|| (name.to_string(), offset))
}

/// How many words of the body the language guess reads (enough to tell, and bounded for huge inputs).
const LANGUAGE_SAMPLE_WORDS: usize = 3000;

/// The number of languages besides English that the guess can name.
const OTHER_LANGUAGES: usize = lexicon::OTHER_FUNCTION_WORDS.len();

/// The codes of [`lexicon::OTHER_FUNCTION_WORDS`].
static OTHER_CODES: [&str; OTHER_LANGUAGES] = {
    let mut codes = [""; OTHER_LANGUAGES];
    let mut k = 0;
    while k < OTHER_LANGUAGES {
        codes[k] = lexicon::OTHER_FUNCTION_WORDS[k].0;
        k += 1;
    }
    codes
};

/// The number of entries of the function-word lists (English and the others).
const FUNCTION_WORD_ENTRIES: usize = {
    let mut n = lexicon::ENGLISH_FUNCTION_WORDS.len();
    let mut k = 0;
    while k < OTHER_LANGUAGES {
        n += lexicon::OTHER_FUNCTION_WORDS[k].1.len();
        k += 1;
    }
    n
};

/// The function-word lists as one table built at compile time: each word packed into an integer ([`pack`]),
/// sorted, with the languages it belongs to (bit 0 English, bit k + 1 `OTHER_FUNCTION_WORDS[k]`); a word of
/// several lists has an entry per list. Looked up by binary search instead of comparing strings.
static FUNCTION_WORDS: ([u64; FUNCTION_WORD_ENTRIES], [u16; FUNCTION_WORD_ENTRIES]) = {
    assert!(OTHER_LANGUAGES < 16);
    let mut keys = [0u64; FUNCTION_WORD_ENTRIES];
    let mut langs = [0u16; FUNCTION_WORD_ENTRIES];
    let mut n = 0;
    let mut list = 0;
    while list <= OTHER_LANGUAGES {
        let words = if list == 0 { lexicon::ENGLISH_FUNCTION_WORDS } else { lexicon::OTHER_FUNCTION_WORDS[list - 1].1 };
        let mut k = 0;
        while k < words.len() {
            // Words longer than 8 bytes cannot be packed (and would never be looked up).
            assert!(words[k].len() <= 8);
            let key = pack(words[k].as_bytes());
            // Insertion sort: shift greater keys up.
            let mut j = n;
            while j > 0 && keys[j - 1] > key {
                keys[j] = keys[j - 1];
                langs[j] = langs[j - 1];
                j -= 1;
            }
            keys[j] = key;
            langs[j] = 1 << list;
            n += 1;
            k += 1;
        }
        list += 1;
    }
    (keys, langs)
};

/// Up to 8 bytes as one integer, first byte lowest, zero-padded. Distinct words of at most 8 bytes without NUL
/// bytes (letters) get distinct keys.
const fn pack(mut bytes: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut shift = 0;
    while let Some((&b, rest)) = bytes.split_first() {
        if shift == 64 {
            break;
        }
        key |= (b as u64) << shift;
        shift += 8;
        bytes = rest;
    }
    key
}

/// The languages (bits as in [`FUNCTION_WORDS`]) whose function-word list holds `word` (at most 8 bytes),
/// compared lowercase.
fn function_word_languages(word: &str) -> u16 {
    let key = if word.is_ascii() {
        word.bytes().rev().fold(0u64, |key, b| key << 8 | u64::from(b.to_ascii_lowercase()))
    } else {
        let lower = word.lowercase();
        if lower.len() > 8 {
            return 0;
        }
        pack(lower.as_bytes())
    };
    let (keys, langs) = &FUNCTION_WORDS;
    let first = keys.partition_point(|&k| k < key);
    let same = keys.get(first..).unwrap_or_default().iter().take_while(|&&k| k == key).count();
    langs.get(first..first + same).unwrap_or_default().iter().fold(0, |acc, l| acc | l)
}

/// English or not, from the share of English function words among the body's words.
fn language(text: &str, lines: &[Line]) -> Field<String> {
    let mut total = 0usize;
    let mut english = 0usize;
    let mut other = [0usize; OTHER_LANGUAGES];
    'lines: for line in lines.iter().filter(|l| matches!(l.kind, LineKind::Prose | LineKind::Heading)) {
        // Words are runs of letters; read byte by byte where the text is ASCII.
        let s = line.range.slice(text);
        let mut start = None;
        let mut i = 0;
        loop {
            let c = text::char_at_inline(s, i);
            let letter = c.is_some_and(char::is_alphabetic);
            if letter && start.is_none() {
                start = Some(i);
            } else if let (false, Some(from)) = (letter, start) {
                start = None;
                if total == LANGUAGE_SAMPLE_WORDS {
                    break 'lines;
                }
                total += 1;
                // Function words are short: longer words cannot be one, and need no lowercasing.
                let w = s.get(from..i).unwrap_or_default();
                let langs = if w.len() <= 8 { function_word_languages(w) } else { 0 };
                if langs != 0 {
                    english += usize::from(langs & 1);
                    for (k, n) in other.iter_mut().enumerate() {
                        *n += usize::from(langs >> (k + 1) & 1);
                    }
                }
            }
            let Some(c) = c else { break };
            i += c.len_utf8();
        }
    }
    let r = TextRange::new(0, 0);
    if total < 20 {
        return Field { value: "en".to_string(), source: FieldSource::Text, confidence: 0.3, range: Some(r) };
    }
    let (best, best_n) = other.iter().enumerate().max_by_key(|(_, n)| **n).map_or((0, 0), |(k, n)| (k, *n));
    if english * 10 >= total || english >= best_n {
        let conf = ((english as f64 / total as f64 * 4.0).min(0.99) * 100.0).round() / 100.0;
        return Field { value: "en".to_string(), source: FieldSource::Text, confidence: conf, range: Some(r) };
    }
    let code = if best_n * 20 >= total { OTHER_CODES.get(best).copied().unwrap_or("und") } else { "und" };
    Field { value: code.to_string(), source: FieldSource::Text, confidence: 0.6, range: Some(r) }
}

#[cfg(test)]
impl Article {
    // Test helpers for the stages after parsing; they live here, not in `article`, because they parse.
    /// An article parsed from `body` as the file `name`: for unit tests of the stages after parsing.
    pub(crate) fn parsed(name: &str, body: &str) -> Article {
        match parse(&Input::new(name, body)) {
            Ok(a) => a,
            Err(r) => unreachable!("{:?}", r.diagnostic),
        }
    }

    /// An article whose whole text is one body paragraph, segmented: for unit tests of the annotators.
    pub(crate) fn one_paragraph(body: &str) -> Article {
        let all = TextRange::new(0, body.len());
        let sentences = crate::input::segment::sentences(body, all)
            .into_iter()
            .map(|r| Sentence { range: r, paragraph: 0, tokens: crate::input::segment::tokens(body, r) })
            .collect();
        Article {
            id: "t".to_string(),
            file: None,
            text: body.to_string(),
            format: Format::Text,
            meta: Metadata::default(),
            paragraphs: vec![Paragraph { range: all, kind: ParagraphKind::Body }],
            sentences,
            furniture: Vec::new(),
            content_hash: 0,
            diagnostics: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_date_forms() {
        let cases = [
            ("date 2023-11-10 Home page politics", Some("2023-11-10")),
            ("Nov.30 - 2024 2:53 PM CET", Some("2024-11-30T14:53:00+01:00")),
            ("November 9, 2023", Some("2023-11-09")),
            ("Published 9 November 2023 10:05", Some("2023-11-09T10:05:00")),
            ("2024-02-30", None),
            ("Updated: 2023-11-10T14:53:00+01:00", Some("2023-11-10T14:53:00+01:00")),
            ("May the force", None),
        ];
        for (line, want) in cases {
            assert_eq!(published_in(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn byline_forms() {
        let names = |l: &str| byline(l).map(|v| v.into_iter().map(|(n, _)| n).collect::<Vec<_>>());
        assert_eq!(names("By Jane Doe and John Roe"), Some(vec!["Jane Doe".to_string(), "John Roe".to_string()]));
        assert_eq!(names("From: Erika Mustermann"), Some(vec!["Erika Mustermann".to_string()]));
        assert_eq!(names("Written by Ann Example"), Some(vec!["Ann Example".to_string()]));
        assert_eq!(names("By the way, this is not a byline."), None);
    }

    #[test]
    fn default_id_is_the_file_stem() {
        assert_eq!(default_id(&Input::new("a/b/003_x.txt", "")), "003_x");
        assert_eq!(default_id(&Input::new(".hidden", "")), ".hidden");
    }

    #[test]
    fn bad_inputs_are_rejected_with_a_reason() {
        let empty = parse(&Input::new("e.txt", "  \n\t ")).err().map(|r| r.diagnostic.code);
        assert_eq!(empty, Some("empty-input"));
        let binary =
            parse(&Input::new("b.bin", vec![0u8, 1, 2, 3, 0, 0, 5, 6, 7, 0, 0])).err().map(|r| r.diagnostic.code);
        assert_eq!(binary, Some("binary-input"));
    }

    #[test]
    fn headline_section_label_and_prose_lede() {
        let text = "NewsA headline about things\n\nA headline about things\n\nThe first paragraph says something. It goes on.\n";
        let a = parse(&Input::new("x.txt", text)).ok();
        let title = a.as_ref().and_then(|a| a.meta.title.as_ref()).map(|t| t.value.clone());
        assert_eq!(title.as_deref(), Some("A headline about things"));
        let lede_only =
            parse(&Input::new("y.txt", "Someone said something today in a long opening sentence. Then more.\n")).ok();
        assert_eq!(lede_only.and_then(|a| a.meta.title), None);
    }

    fn parsed(text: &str) -> Article {
        match parse(&Input::new("t.txt", text)) {
            Ok(a) => a,
            Err(r) => panic!("{text:?} rejected: {}", r.diagnostic.message),
        }
    }

    const BODY: &str =
        "The council approved the budget on Monday after a long debate. Officials said the vote was close.\n";
    const BODY2: &str = "Opponents said they would keep fighting the plan. The mayor did not comment.\n";

    #[test]
    fn titles() {
        let cases: &[(&str, Option<&str>)] = &[
            // Plain headline.
            ("A headline about the budget\n\n", Some("A headline about the budget")),
            // Section label glued to the headline, headline repeated on the next line.
            ("NewsA headline about the budget\n\nA headline about the budget\n\n", Some("A headline about the budget")),
            // Section label glued, no repetition.
            ("PoliticsBudget passes after long night\n\n", Some("Budget passes after long night")),
            // Section label on its own line before the headline.
            ("World\n\nBudget passes after long night\n\n", Some("Budget passes after long night")),
            // A byline between headline and body.
            ("Budget passes after long night\n\nBy Jane Doe\n\n", Some("Budget passes after long night")),
            // A question as headline.
            ("Will the budget pass this time?\n\n", Some("Will the budget pass this time?")),
            // No headline: the lede is not a title.
            ("", None),
        ];
        for (head, want) in cases {
            let a = parsed(&format!("{head}{BODY}"));
            assert_eq!(a.meta.title.as_ref().map(|t| t.value.as_str()), *want, "{head:?}");
        }
    }

    /// Invented page starts with furniture above or around the headline: the headline is the line the lede
    /// is about, with its confidence; the lines passed over are furniture, not headings of the body.
    #[test]
    fn headlines_of_furniture_heavy_page_starts() {
        let cases: &[(&str, Option<&str>, f64, usize)] = &[
            // A "watch" line with the site's name above the headline.
            (
                "Watch Example News\n\nCouncil approves budget after long debate\n\n",
                Some("Council approves budget after long debate"),
                0.75,
                0,
            ),
            // A site-name line ("Topic -Site News") above the headline, both naming the topic.
            (
                "Council budget -Example Daily News\n\nCouncil approves the budget after a close vote\n\n",
                Some("Council approves the budget after a close vote"),
                0.75,
                0,
            ),
            // A photo caption and its credit between the headline and the lede do not compete.
            (
                "Council approves budget after long debate\n\nThe mayor leaves the chamber\nPhoto: Jane Roe/Example Agency\n\n",
                Some("Council approves budget after long debate"),
                0.9,
                0,
            ),
            // A deck under the headline that repeats the lede's words is not the headline.
            (
                "Budget passes at last\n\nThe council approved the budget on Monday after a long debate\n\n",
                Some("Budget passes at last"),
                0.9,
                1,
            ),
            // A name line and a role under the headline are a byline, never the headline.
            (
                "Opinion\n\nWhy the budget will not help\n\nJane Doe\nSenior Correspondent\n\n",
                Some("Why the budget will not help"),
                0.75,
                0,
            ),
            // A kicker that shares nothing with the lede, then the headline.
            (
                "Live updates\n\nCouncil approves budget after long debate\n\n",
                Some("Council approves budget after long debate"),
                0.75,
                0,
            ),
            // Only a navigation line and a credit: no headline.
            ("Read more: Another story entirely\n\nPhoto: Example Agency\n\n", None, 0.0, 0),
        ];
        for (head, want, confidence, headings_left) in cases {
            let a = parsed(&format!("{head}{BODY}{BODY2}"));
            let title = a.meta.title.as_ref();
            assert_eq!(title.map(|t| t.value.as_str()), *want, "{head:?}");
            assert_eq!(title.map_or(0.0, |t| t.confidence), *confidence, "{head:?}");
            let headings = a.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Heading).count();
            assert_eq!(headings, *headings_left, "headings of the body left by {head:?}");
        }
    }

    #[test]
    fn authors() {
        let cases: &[(&str, &[&str])] = &[
            ("By Jane Doe", &["Jane Doe"]),
            ("By Jane Doe and John Roe", &["Jane Doe", "John Roe"]),
            ("By Jane Doe, John Roe & Ann Poe", &["Jane Doe", "John Roe", "Ann Poe"]),
            ("By JANE DOE", &["JANE DOE"]),
            ("By Jane Doe, Reuters", &["Jane Doe"]),
            ("By Jane Doe in Brussels", &["Jane Doe"]),
            ("By Jane Doe | November 9, 2023", &["Jane Doe"]),
            ("From: Erika Mustermann", &["Erika Mustermann"]),
            ("Written by Ursula von der Leyen", &["Ursula von der Leyen"]),
            ("Reporting by Mary O'Neil", &["Mary O'Neil"]),
            ("Jane Doe, Senior Correspondent", &["Jane Doe"]),
            ("Jane Doe\nStaff Writer", &["Jane Doe"]),
            ("Jane Doe\n9 November 2023", &["Jane Doe"]),
            // Not bylines.
            ("By the way this is not one", &[]),
            ("From Paris to Berlin, the trains stopped", &[]),
            ("Budget Talks Resume Today", &[]),
        ];
        for (line, want) in cases {
            let a = parsed(&format!("A headline about the budget\n\n{line}\n\n{BODY}"));
            let got: Vec<&str> = a.meta.authors.iter().map(|f| f.value.as_str()).collect();
            assert_eq!(got, *want, "{line:?}");
        }
        // The "About the writer" block names the author and is furniture.
        let a = parsed(&format!(
            "A headline about the budget\n\n{BODY}\nAbout the writer\n\nJane Doe is a reporter covering cities.\n"
        ));
        assert_eq!(a.meta.authors.first().map(|f| f.value.as_str()), Some("Jane Doe"));
        assert!(a.furniture.iter().any(|f| f.kind == FurnitureKind::AuthorBio && a.slice(f.range).starts_with("Jane")));
    }

    #[test]
    fn published_only_from_the_header() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Published: 10 November 2023 14:53 CET", Some("2023-11-10T14:53:00+01:00")),
            ("Thursday, November 9, 2023 at 10:05 a.m. EST", Some("2023-11-09T10:05:00-05:00")),
            ("Updated 2:53PM UTC+1, 9th November 2023", Some("2023-11-09")),
            ("Nov. 9, 2023 / 10:05 ET", Some("2023-11-09")),
            ("2023-11-10T14:53:00Z", Some("2023-11-10T14:53:00Z")),
            ("", None),
        ];
        for (line, want) in cases {
            let a = parsed(&format!("A headline about the budget\n\n{line}\n\n{BODY}"));
            assert_eq!(a.meta.published.as_ref().map(|f| f.value.as_str()), *want, "{line:?}");
        }
        // "Published" wins over "Updated"; a labelled date line after the body counts when the header has none.
        let a = parsed(&format!(
            "A headline about the budget\n\nUpdated 10 November 2023\n\nPublished 9 November 2023\n\n{BODY}"
        ));
        assert_eq!(a.meta.published.as_ref().map(|f| f.value.as_str()), Some("2023-11-09"));
        let a = parsed(&format!("A headline about the budget\n\n{BODY}\nPublished 9 November 2023\n"));
        assert_eq!(a.meta.published.as_ref().map(|f| f.value.as_str()), Some("2023-11-09"));
        // A date in the body is an event, not the publication date.
        let a = parsed(&format!("A headline\n\n{BODY}\nThe vote was held on November 9, 2023.\n\nNovember 9, 2023\n"));
        assert_eq!(a.meta.published, None);
    }

    #[test]
    fn outlet_from_its_own_furniture() {
        let cases: &[(&str, Option<&str>)] = &[
            ("© 2024 The Example Times. All rights reserved.", Some("The Example Times")),
            ("Copyright 2023 Example Media Group", Some("Example Media Group")),
            ("© Getty Images", None),
            ("Example is committed to facts.\n\nExample is committed to facts.", Some("Example")),
            ("", None),
        ];
        for (tail, want) in cases {
            let a = parsed(&format!("A headline about the budget\n\n{BODY}\n{tail}\n"));
            assert_eq!(a.meta.outlet.as_ref().map(|f| f.value.as_str()), *want, "{tail:?}");
        }
    }

    #[test]
    fn furniture_kinds_of_lines() {
        let cases: &[(&str, FurnitureKind)] = &[
            ("Photo: Jane Doe / Example Agency", FurnitureKind::Credit),
            ("© Example Agency", FurnitureKind::Credit),
            ("The minister arrives at the meeting on Monday. Example Agency/Getty Images", FurnitureKind::Caption),
            ("Related content", FurnitureKind::Navigation),
            ("Read more: Another headline entirely", FurnitureKind::Navigation),
            ("Trending Now", FurnitureKind::Navigation),
            ("Advertisement", FurnitureKind::Navigation),
            ("Tags: budget, council, vote", FurnitureKind::Tags),
            ("Sign up for our daily newsletter", FurnitureKind::Promo),
            ("• Get the magazine delivered to your door", FurnitureKind::Promo),
            ("This article contains affiliate links and we may earn a commission.", FurnitureKind::Disclosure),
            ("About the writer", FurnitureKind::AuthorBio),
            ("By Jane Doe", FurnitureKind::Byline),
            ("Published 9 November 2023", FurnitureKind::Dateline),
        ];
        for (line, kind) in cases {
            let a = parsed(&format!("A headline about the budget\n\n{BODY}\n{line}\n\n{BODY2}"));
            let got = a.furniture.iter().find(|f| a.slice(f.range) == *line).map(|f| f.kind);
            assert_eq!(got, Some(*kind), "{line:?}");
            assert!(a.sentences.iter().all(|s| !a.slice(s.range).contains(line)), "{line:?} left the body");
        }
        // Lines repeated within an article are furniture, every time.
        let a = parsed(&format!("A headline\n\n{BODY}\nThe standard promo line\n\n{BODY2}\nThe standard promo line\n"));
        assert_eq!(a.furniture.iter().filter(|f| f.kind == FurnitureKind::Repeated).count(), 2);
    }

    #[test]
    fn link_lists_under_related_headers_are_navigation() {
        let a = parsed(&format!(
            "A headline about the budget\n\n{BODY}\nRelated content\n\nAnother story about roads\n\nA third story about trains\n\n{BODY2}"
        ));
        for line in ["Another story about roads", "A third story about trains"] {
            let kind = a.furniture.iter().find(|f| a.slice(f.range) == line).map(|f| f.kind);
            assert_eq!(kind, Some(FurnitureKind::Navigation), "{line}");
        }
        assert!(a.sentences.iter().any(|s| a.slice(s.range) == "The mayor did not comment."));
    }

    #[test]
    fn language_is_english_or_named() {
        let cases: &[(&str, &str)] = &[
            (BODY, "en"),
            ("Der Rat hat am Montag den Haushalt beschlossen, und die Opposition ist nicht zufrieden mit dem Ergebnis der Abstimmung, die sich lange hinzog.", "de"),
            ("Le conseil a adopté le budget lundi et les élus de l'opposition ne sont pas satisfaits du résultat du vote, qui a duré longtemps dans la nuit.", "fr"),
        ];
        for (text, want) in cases {
            let a = parsed(&format!("{text}\n"));
            assert_eq!(a.meta.language.as_ref().map(|l| l.value.as_str()), Some(*want), "{text:?}");
            assert_eq!(a.diagnostics.iter().any(|d| d.code == "not-english"), *want != "en");
        }
    }
}
