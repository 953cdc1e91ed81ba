//! Raw input → [`Article`]: decoding, metadata (title, authors, published date, outlet, language),
//! page furniture, paragraphs and sentences.
//!
//! Parsing never fails: whatever is wrong with an input becomes a [`Diagnostic`] on the article.
//! The original text is never altered: furniture is marked by ranges, not deleted.
//! This module must not look across articles (cross-article furniture is the corpus's job) and must not
//! guess metadata from the body (a date of an event is not a publication date).

use crate::article::{
    Article, Field, FieldSource, Format, Furniture, FurnitureKind, Metadata, Paragraph, ParagraphKind, Sentence,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lexicon;
use crate::manifest::ManifestEntry;
use crate::segment;
use crate::text::{self, TextRange};

/// Largest article accepted, in bytes. Larger inputs are reported and skipped.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

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

/// Parses one input into an article, or says why it cannot be one.
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
    if decoded.text.trim().is_empty() {
        return Err(reject("empty-input", format!("{} is empty or holds only whitespace", input.name)));
    }
    if decoded.control_ratio > 0.05 || decoded.nul_bytes > 16 {
        return Err(reject("binary-input", format!("{} looks like a binary file, not text", input.name)));
    }
    let mut diagnostics = Vec::new();
    if decoded.invalid_utf8 {
        diagnostics.push(Diagnostic::for_article(
            Severity::Warning,
            "invalid-utf8",
            &id,
            "some bytes are not valid UTF-8 and were replaced by \u{FFFD}",
        ));
    }
    if decoded.nul_bytes > 0 {
        diagnostics.push(Diagnostic::for_article(
            Severity::Warning,
            "nul-bytes",
            &id,
            format!("{} NUL bytes were replaced by \u{FFFD}", decoded.nul_bytes),
        ));
    }
    let format = guess_format(&input.name, &decoded.text);
    if format == Format::Html {
        diagnostics.push(Diagnostic::for_article(
            Severity::Warning,
            "html-as-text",
            &id,
            "HTML extraction is not available yet: the page is read as plain text, tags included",
        ));
    }
    let text = decoded.text;
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
    layout(&mut article);
    apply_manifest(&mut article, &input.meta);
    if !article.is_english() {
        let lang = article.meta.language.as_ref().map_or("und", |l| l.value.as_str()).to_string();
        article.diagnostics.push(Diagnostic::for_article(
            Severity::Info,
            "not-english",
            &article.id,
            format!(
                "the article's language looks like \"{lang}\", not English: entities, dates, quotes and claims are only analysed in English text"
            ),
        ));
    }
    Ok(article)
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
        article.meta.published = Some(f);
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
fn layout(article: &mut Article) {
    let text = article.text.as_str();
    let mut lines: Vec<Line> = text::lines(text)
        .into_iter()
        .map(|r| {
            let range = r.trim(text);
            let kind = if range.is_empty() { LineKind::Blank } else { classify(range.slice(text)) };
            Line { range, kind }
        })
        .collect();
    let content: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kind != LineKind::Blank).collect();
    mark_repeated(text, &mut lines, &content);
    mark_captions(text, &mut lines, &content);
    mark_trailer(text, &mut lines, &content);
    let mut meta = Metadata::default();
    read_header(text, &mut lines, &content, &mut meta, article.format);
    read_author_block(text, &lines, &content, &mut meta);
    meta.outlet = outlet_from_furniture(text, &lines);
    meta.language = Some(language(text, &lines));
    article.meta = meta;

    let mut paragraphs = Vec::new();
    let mut furniture = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        match line.kind {
            LineKind::Blank => {}
            LineKind::Furniture(kind) => furniture.push(Furniture { range: line.range, kind }),
            LineKind::Heading => {
                let is_title = article.meta.title.as_ref().and_then(|t| t.range) == Some(line.range);
                let kind = if is_title { ParagraphKind::Headline } else { ParagraphKind::Heading };
                paragraphs.push(Paragraph { range: line.range, kind });
            }
            LineKind::Prose => {
                // Join hard-wrapped lines: a line without a final stop followed by one starting lowercase.
                let mut range = line.range;
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
                paragraphs.push(Paragraph { range, kind: ParagraphKind::Body });
            }
        }
        i += 1;
    }
    let mut sentences = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        for range in segment::sentences(text, para.range) {
            sentences.push(Sentence { range, paragraph: p, tokens: segment::tokens(text, range) });
        }
    }
    article.paragraphs = paragraphs;
    article.sentences = sentences;
    article.furniture = furniture;
}

/// Collapses every run of whitespace (no-break spaces included) into one space.
fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    t.ends_with(['.', '!', '?', '…', ':'])
}

/// Classifies a line on its own words.
fn classify(line: &str) -> LineKind {
    let lower = line.to_lowercase();
    let lower = lower.trim();
    let nav = [
        "related content",
        "related",
        "related articles",
        "related stories",
        "trending now",
        "trending",
        "read more",
        "read next",
        "more from",
        "recommended",
        "most popular",
        "most read",
        "see also",
        "you may also like",
        "latest news",
        "advertisement",
        "share this article",
        "share",
        "comments",
        "top stories",
        "more stories",
        "editor's picks",
        "sponsored",
        "watch",
        "listen",
    ];
    if nav.contains(&lower) {
        return LineKind::Furniture(FurnitureKind::Navigation);
    }
    if lower.starts_with("tags:") || lower.starts_with("topics:") || lower.starts_with("filed under") {
        return LineKind::Furniture(FurnitureKind::Tags);
    }
    if lower.starts_with("photo:")
        || lower.starts_with("photos:")
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
    {
        return LineKind::Furniture(FurnitureKind::Credit);
    }
    if lower.starts_with('•') || lower.starts_with("· ") {
        return LineKind::Furniture(FurnitureKind::Promo);
    }
    if lower.contains("subscribe") && words(line) < 20
        || lower.contains("newsletter") && words(line) < 20
        || lower.contains("ad-free")
        || lower.contains("sign up for")
    {
        return LineKind::Furniture(FurnitureKind::Promo);
    }
    if lower.contains(" uses ai") || lower.contains("click here") || lower.starts_with("disclosure") {
        return LineKind::Furniture(FurnitureKind::Disclosure);
    }
    if lower == "about the writer" || lower == "about the author" || lower == "about the authors" {
        return LineKind::Furniture(FurnitureKind::AuthorBio);
    }
    if byline(line).is_some() {
        return LineKind::Furniture(FurnitureKind::Byline);
    }
    if words(line) <= 14 && published_in(line).is_some() {
        return LineKind::Furniture(FurnitureKind::Dateline);
    }
    if line.contains('©') || line.ends_with("Getty Images") || lower.ends_with("/ap") || lower.ends_with("/afp") {
        return LineKind::Furniture(FurnitureKind::Caption);
    }
    if !ends_sentence(line) && words(line) <= 20 {
        return LineKind::Heading;
    }
    LineKind::Prose
}

/// Marks every occurrence of a line that occurs twice or more in the article.
fn mark_repeated(text: &str, lines: &mut [Line], content: &[usize]) {
    let mut seen: std::collections::BTreeMap<String, Vec<usize>> = std::collections::BTreeMap::new();
    for &i in content {
        let key = normalize_ws(lines[i].range.slice(text)).to_lowercase();
        if words(&key) >= 2 {
            seen.entry(key).or_default().push(i);
        }
    }
    for idxs in seen.values().filter(|v| v.len() >= 2) {
        for &i in idxs {
            if matches!(lines[i].kind, LineKind::Heading | LineKind::Prose) {
                lines[i].kind = LineKind::Furniture(FurnitureKind::Repeated);
            }
        }
    }
}

/// A short heading-like line right before a caption or credit is the caption's title (or alt text).
fn mark_captions(text: &str, lines: &mut [Line], content: &[usize]) {
    for w in content.windows(2) {
        let (a, b) = (w[0], w[1]);
        if lines[a].kind == LineKind::Heading
            && words(lines[a].range.slice(text)) >= 2
            && matches!(lines[b].kind, LineKind::Furniture(FurnitureKind::Caption | FurnitureKind::Credit))
            && b == a + 1
        {
            lines[a].kind = LineKind::Furniture(FurnitureKind::Caption);
        }
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
fn read_header(text: &str, lines: &mut [Line], content: &[usize], meta: &mut Metadata, format: Format) {
    // The header ends at the first prose line.
    let header_end = content.iter().position(|&i| lines[i].kind == LineKind::Prose).unwrap_or(content.len());
    let header: Vec<usize> = content[..header_end].to_vec();

    for &i in &header {
        let s = lines[i].range.slice(text);
        match lines[i].kind {
            LineKind::Furniture(FurnitureKind::Byline) => {
                if let Some(names) = byline(s) {
                    for (name, r) in names {
                        let range = TextRange::new(lines[i].range.start + r.start, lines[i].range.start + r.end);
                        meta.authors.push(Field::from_text(name, range, 0.9));
                    }
                }
            }
            LineKind::Furniture(FurnitureKind::Dateline) if meta.published.is_none() => {
                if let Some(iso) = published_in(s) {
                    meta.published = Some(Field::from_text(iso, lines[i].range, 0.9));
                }
            }
            _ => {}
        }
    }

    // A first line that ends with the next line's text is a section label glued to the headline.
    if let [a, b, ..] = header[..] {
        let (sa, sb) = (normalize_ws(lines[a].range.slice(text)), normalize_ws(lines[b].range.slice(text)));
        if sa.len() > sb.len() && sa.ends_with(&sb) && sa.len() - sb.len() <= 40 {
            lines[a].kind = LineKind::Furniture(FurnitureKind::SectionLabel);
        }
    }
    // The headline: the first heading of the header. Markdown's "# " headings count too.
    let title_idx = header.iter().copied().find(|&i| lines[i].kind == LineKind::Heading);
    if let Some(t) = title_idx {
        let mut range = lines[t].range;
        let s = range.slice(text);
        if format == Format::Markdown {
            let stripped = s.trim_start_matches('#').trim_start();
            range = TextRange::new(range.end - stripped.len(), range.end);
        }
        let s = range.slice(text);
        let very_short = words(s) <= 1;
        if !very_short {
            meta.title = Some(Field::from_text(s.to_string(), range, if t == content[0] { 0.9 } else { 0.7 }));
        } else {
            lines[t].kind = LineKind::Furniture(FurnitureKind::SectionLabel);
        }
    }
    // Other one-word header lines before or after the headline are section labels ("News").
    for &i in &header {
        if Some(i) != title_idx && lines[i].kind == LineKind::Heading && words(lines[i].range.slice(text)) <= 1 {
            lines[i].kind = LineKind::Furniture(FurnitureKind::SectionLabel);
        }
    }
    if meta.authors.is_empty() {
        // A line holding only a person-like name next to a credit or caption near the top is a byline.
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
}

/// "About the writer" followed by "Jane Doe is a …": the bio and its author.
fn read_author_block(text: &str, lines: &[Line], content: &[usize], meta: &mut Metadata) {
    for (k, &i) in content.iter().enumerate() {
        if lines[i].kind != LineKind::Furniture(FurnitureKind::AuthorBio) {
            continue;
        }
        let Some(&next) = content.get(k + 1) else { continue };
        let s = lines[next].range.slice(text);
        if let Some(pos) = s.find(" is ") {
            let name = &s[..pos];
            if looks_like_name(name) && meta.authors.iter().all(|a| a.value != name) && meta.authors.is_empty() {
                let start = lines[next].range.start;
                meta.authors.push(Field::from_text(name.to_string(), TextRange::new(start, start + pos), 0.8));
            }
        }
    }
}

/// Byline forms: "By A and B", "From: A", "Written by A", "Author: A". Returns the names and their ranges
/// relative to the line.
fn byline(line: &str) -> Option<Vec<(String, TextRange)>> {
    const PREFIXES: &[&str] =
        &["by ", "from: ", "from ", "written by ", "words by ", "reporting by ", "author: ", "authors: ", "text: "];
    let lower = line.to_lowercase();
    let prefix = PREFIXES.iter().find(|p| lower.starts_with(**p))?;
    let rest_start = prefix.len();
    let rest = line.get(rest_start..)?;
    if words(rest) > 8 || rest.ends_with('.') && words(rest) > 3 {
        return None;
    }
    let mut out = Vec::new();
    let mut offset = rest_start;
    for part in rest.split([',', '&']).flat_map(|p| p.split(" and ")) {
        let trimmed = part.trim();
        if trimmed.is_empty() {
            offset += part.len() + 1;
            continue;
        }
        let lead = part.len() - part.trim_start().len();
        let start = line[offset..].find(trimmed).map_or(offset + lead, |p| offset + p);
        if !looks_like_name(trimmed) {
            return None;
        }
        out.push((trimmed.to_string(), TextRange::new(start, start + trimmed.len())));
        offset = start + trimmed.len();
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// Two to four capitalised words of letters (hyphens and apostrophes allowed), nothing else.
fn looks_like_name(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&ws.len())
        && ws.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                && w.chars().any(char::is_lowercase)
        })
}

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
        if let (Ok(day), Some(m), Some(y)) = (tok.parse::<u32>(), toks.get(k + 1), toks.get(k + 2)) {
            if let (Some(month), Ok(year)) = (lexicon::month_number(m), y.parse::<i32>()) {
                if (1800..=2200).contains(&year) && day >= 1 && day <= lexicon::days_in_month(year, month) {
                    return Some(with_time(format!("{year:04}-{month:02}-{day:02}"), &toks[k + 3..]));
                }
            }
        }
    }
    None
}

/// Appends "THH:MM:SS±HH:MM" when the tokens start with a time such as "2:53 PM CET".
fn with_time(date: String, rest: &[&str]) -> String {
    let Some(t) = rest.first() else { return date };
    let Some((h, m)) = t.split_once(':') else { return date };
    let (Ok(mut h), Ok(m)) = (h.parse::<u32>(), m.get(..2).unwrap_or("").parse::<u32>()) else { return date };
    let mut k = 1;
    match rest.get(1).map(|s| s.to_ascii_lowercase()) {
        Some(ref p) if p == "pm" || p == "p.m." => {
            if h < 12 {
                h += 12;
            }
            k = 2;
        }
        Some(ref p) if p == "am" || p == "a.m." => {
            if h == 12 {
                h = 0;
            }
            k = 2;
        }
        _ => {}
    }
    if h > 23 || m > 59 {
        return date;
    }
    let zone = rest.get(k).and_then(|z| lexicon::zone_offset_minutes(z));
    match zone {
        Some(off) => {
            let sign = if off < 0 { '-' } else { '+' };
            let off = off.unsigned_abs();
            format!("{date}T{h:02}:{m:02}:00{sign}{:02}:{:02}", off / 60, off % 60)
        }
        None => format!("{date}T{h:02}:{m:02}:00"),
    }
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

/// The outlet when the text names itself in its own furniture ("X is committed to …", "© 2024 X").
fn outlet_from_furniture(text: &str, lines: &[Line]) -> Option<Field<String>> {
    let mut counts: std::collections::BTreeMap<String, (usize, TextRange)> = std::collections::BTreeMap::new();
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

/// English or not, from the share of English function words among the body's words.
fn language(text: &str, lines: &[Line]) -> Field<String> {
    let mut total = 0usize;
    let mut english = 0usize;
    let mut other = vec![0usize; lexicon::OTHER_FUNCTION_WORDS.len()];
    for line in lines.iter().filter(|l| matches!(l.kind, LineKind::Prose | LineKind::Heading)) {
        for w in line.range.slice(text).split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            let w = w.to_lowercase();
            total += 1;
            if lexicon::ENGLISH_FUNCTION_WORDS.contains(&w.as_str()) {
                english += 1;
            }
            for (k, (_, list)) in lexicon::OTHER_FUNCTION_WORDS.iter().enumerate() {
                if list.contains(&w.as_str()) {
                    other[k] += 1;
                }
            }
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
    let code = if best_n * 20 >= total { lexicon::OTHER_FUNCTION_WORDS[best].0 } else { "und" };
    Field { value: code.to_string(), source: FieldSource::Text, confidence: 0.6, range: Some(r) }
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
}
