//! Markdown → plain text: the article's text for a Markdown input is its plain rendering.
//!
//! The rendering keeps the line structure (one output line per input line, blank lines where markup lines
//! such as fences, rules, setext underlines and link definitions were), drops the markup (heading hashes,
//! emphasis marks, list markers, quote marks, inline HTML tags, link targets) and keeps the words.
//! It reports which output lines were headings and which were images (their alt text, a caption).
//! All later offsets point into the rendered text, which is what the export carries as `text`.
//! This module must not classify lines as furniture or read metadata; it only renders.

use crate::base::text::Lowercase as _;
use crate::base::text::{self, TextRange};

/// The plain rendering of a Markdown document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rendered {
    /// The rendered text.
    pub text: String,
    /// Lines that were ATX (`# …`) or setext headings, as ranges into [`Rendered::text`].
    pub headings: Vec<TextRange>,
    /// Lines that held only an image: the alt text, as ranges into [`Rendered::text`].
    pub images: Vec<TextRange>,
    /// `key: value` pairs of a YAML front matter block (`---` … `---` at the top), keys lowercased, values
    /// without quotes; the block itself renders as blank lines.
    pub front_matter: Vec<(String, String)>,
    /// Raw HTML elements whose content was dropped ([`DROPPED_ELEMENTS`]), in source order.
    pub dropped_html: Vec<DroppedHtml>,
}

/// Raw HTML elements whose content is never article text, dropped with their content as the HTML reader
/// drops them: code, styles and embedded pages.
pub const DROPPED_ELEMENTS: &[&str] = &["script", "style", "iframe"];

/// A raw HTML element dropped with its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DroppedHtml {
    /// The element's name, one of [`DROPPED_ELEMENTS`].
    pub element: &'static str,
    /// The source line it opens on, counted from 1.
    pub line: usize,
}

/// Renders Markdown as plain text. Never fails; what is not Markdown passes through unchanged.
pub fn render(src: &str) -> Rendered {
    let lines = text::lines(src);
    let front_end = front_matter_end(src, &lines);
    let mut r = Renderer { src, ..Renderer::default() };
    for (n, range) in lines.into_iter().enumerate() {
        if n > 0 {
            r.out.text.push('\n');
        }
        if front_end.is_some_and(|end| n <= end) {
            r.front_matter_line(n, range.slice(src));
        } else {
            r.line(n, range);
        }
    }
    r.out
}

/// An open code fence: its character (`` ` `` or `~`) and how many of them opened it.
#[derive(Debug, Clone, Copy)]
struct Fence {
    ch: char,
    len: usize,
}

/// An open raw HTML block whose content is dropped: the element and what closes the block.
#[derive(Debug, Clone, Copy)]
struct RawBlock {
    element: &'static str,
    /// Whether the document holds the element's end tag; without one the block ends at a blank line, so an
    /// unclosed tag cannot swallow the rest of the article.
    closed: bool,
}

/// The line-by-line rendering: the output so far and what the previous lines left open.
#[derive(Default)]
struct Renderer<'a> {
    src: &'a str,
    out: Rendered,
    fence: Option<Fence>,
    raw: Option<RawBlock>,
    /// The previous rendered line when a setext underline may make it a heading.
    prev_line: Option<TextRange>,
    /// Per dropped element, where its last end tag ends in the source, once looked up (one scan each).
    last_end_tags: Vec<(&'static str, Option<usize>)>,
}

impl Renderer<'_> {
    /// A line of the front matter block: read as `key: value` (not the opening `---`), rendered blank.
    fn front_matter_line(&mut self, n: usize, line: &str) {
        if let Some((k, v)) = line.split_once(':').filter(|_| n > 0) {
            let v = v.trim().trim_matches(['"', '\'']).trim();
            if !k.trim().is_empty() && !v.is_empty() {
                self.out.front_matter.push((k.trim().lowercase(), v.to_string()));
            }
        }
    }

    /// One line of the body (`n` counted from 0): each block construct in turn, else a line of content.
    fn line(&mut self, n: usize, range: TextRange) {
        let line = range.slice(self.src);
        let trimmed = line.trim_start();
        let shallow = line.len() - trimmed.len() <= 3;
        let start = self.out.text.len();
        let consumed = self.fenced_code(line, trimmed, shallow)
            || self.raw_html(n, range.end, trimmed, shallow)
            || (shallow && (self.rule_or_underline(trimmed) || self.link_definition(trimmed)));
        if !consumed {
            self.content(n, start, trimmed);
        }
    }

    /// Fenced code: the fences become blank lines, the code is kept as it is.
    fn fenced_code(&mut self, line: &str, trimmed: &str, shallow: bool) -> bool {
        if let Some(Fence { ch, len }) = self.fence {
            let closes = shallow
                && trimmed.chars().take_while(|&c| c == ch).count() >= len
                && trimmed.trim_matches(ch).trim().is_empty();
            if closes {
                self.fence = None;
            } else {
                self.out.text.push_str(line);
            }
            self.prev_line = None;
            return true;
        }
        let Some(ch) = trimmed.chars().next().filter(|c| shallow && matches!(c, '`' | '~')) else { return false };
        let len = trimmed.chars().take_while(|&c| c == ch).count();
        if len < 3 {
            return false;
        }
        self.fence = Some(Fence { ch, len });
        self.prev_line = None;
        true
    }

    /// A raw HTML block of a dropped element (CommonMark's first kind of HTML block): from the line that
    /// opens with its start tag to the line holding its end tag, rendered blank but for text after the end
    /// tag. `end` is where the line ends in the source.
    fn raw_html(&mut self, n: usize, end: usize, trimmed: &str, shallow: bool) -> bool {
        let (block, line) = match self.raw {
            Some(open) => (open, trimmed),
            None => {
                let Some(element) = start_tag_at(trimmed, 0).filter(|_| shallow) else { return false };
                let closed = self.last_end_tag(element).is_some_and(|last| last > end);
                self.out.dropped_html.push(DroppedHtml { element, line: n + 1 });
                let after_name = trimmed.get(1 + element.len()..).unwrap_or("");
                (RawBlock { element, closed }, after_name)
            }
        };
        self.prev_line = None;
        self.raw = None;
        if let Some(after) = end_tag_in(line, block.element) {
            let start = self.out.text.len();
            self.inline_line(n, line.get(after..).unwrap_or("").trim_start());
            self.prev_line =
                Some(TextRange::new(start, self.out.text.len()).trim(&self.out.text)).filter(|r| !r.is_empty());
        } else if block.closed || !trimmed.is_empty() {
            self.raw = Some(block);
        }
        true
    }

    /// Where the last end tag of `element` ends in the source (looked up once per element).
    fn last_end_tag(&mut self, element: &'static str) -> Option<usize> {
        if let Some(&(_, last)) = self.last_end_tags.iter().find(|(e, _)| *e == element) {
            return last;
        }
        let last = last_end_tag(self.src, element);
        self.last_end_tags.push((element, last));
        last
    }

    /// Renders the inline markup of line `n`, noting the elements dropped inside it.
    fn inline_line(&mut self, n: usize, s: &str) {
        let mut dropped = Vec::new();
        inline(s, &mut self.out.text, &mut dropped);
        self.out.dropped_html.extend(dropped.into_iter().map(|element| DroppedHtml { element, line: n + 1 }));
    }

    /// A setext underline (the previous line becomes a heading) or a thematic break (a blank line).
    fn rule_or_underline(&mut self, trimmed: &str) -> bool {
        if trimmed.is_empty() {
            return false;
        }
        let body: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
        let only = |c: char| body.chars().all(|d| d == c);
        if (only('=') || only('-')) && !body.is_empty() && !trimmed.trim_end().contains(' ') {
            if let Some(prev) = self.prev_line.take() {
                self.out.headings.push(prev);
                return true;
            }
            if only('-') && body.len() >= 3 {
                return true;
            }
        }
        if (only('*') || only('_') || only('-')) && body.len() >= 3 {
            self.prev_line = None;
            return true;
        }
        false
    }

    /// Link reference definitions ("[id]: https://…") render blank.
    fn link_definition(&mut self, trimmed: &str) -> bool {
        if !is_link_definition(trimmed) {
            return false;
        }
        self.prev_line = None;
        true
    }

    /// A line of content: block markers stripped, inline markup rendered; a heading or an image line noted.
    fn content(&mut self, n: usize, start: usize, trimmed: &str) {
        let (content, heading) = strip_block_markers(trimmed);
        let image_only = is_image_only(content);
        self.inline_line(n, content);
        let rendered = TextRange::new(start, self.out.text.len()).trim(&self.out.text);
        if heading && !rendered.is_empty() {
            self.out.headings.push(rendered);
        }
        if image_only && !rendered.is_empty() {
            self.out.images.push(rendered);
        }
        self.prev_line = if rendered.is_empty() || heading || image_only { None } else { Some(rendered) };
    }
}

/// The dropped element whose start tag (`<script`, `<style …>`, any case) begins at byte `at` of `s`.
fn start_tag_at(s: &str, at: usize) -> Option<&'static str> {
    let rest = s.get(at..)?.strip_prefix('<')?;
    DROPPED_ELEMENTS.iter().copied().find(|name| {
        rest.get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && rest
                .get(name.len()..)
                .and_then(|r| r.chars().next())
                .is_none_or(|c| c.is_whitespace() || c == '>' || c == '/')
    })
}

/// Where the last end tag of `element` ends in `s`, in one pass.
fn last_end_tag(s: &str, element: &str) -> Option<usize> {
    let (mut from, mut last) = (0, None);
    while let Some(after) = s.get(from..).and_then(|rest| end_tag_in(rest, element)) {
        from += after;
        last = Some(from);
    }
    last
}

/// Where the last end tag of each dropped element ends in a line: a start tag with no end tag after it then
/// costs no search, so a line of many unclosed tags is read in linear time.
fn last_end_tags(s: &str) -> Vec<(&'static str, usize)> {
    if !s.contains("</") {
        return Vec::new();
    }
    DROPPED_ELEMENTS.iter().filter_map(|&e| last_end_tag(s, e).map(|end| (e, end))).collect()
}

/// The byte just after the end tag `</element …>` (any case) in `s`, or `None`.
fn end_tag_in(s: &str, element: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = s.get(from..)?.find("</") {
        let name_at = from + p + 2;
        let after = name_at + element.len();
        if s.get(name_at..after).is_some_and(|n| n.eq_ignore_ascii_case(element)) {
            let rest = s.get(after..)?;
            if rest.starts_with(|c: char| c.is_whitespace() || c == '>') {
                return rest.find('>').map(|gt| after + gt + 1);
            }
        }
        from = name_at;
    }
    None
}

/// The index of the closing line of a front matter block that opens the document (`---` on the first line,
/// closed by `---` or `...` within the first 60 lines, every line between being `key: value`, a list item or
/// blank), or `None`.
fn front_matter_end(src: &str, lines: &[TextRange]) -> Option<usize> {
    if lines.first().map(|r| r.slice(src).trim_end()) != Some("---") {
        return None;
    }
    for (n, r) in lines.iter().enumerate().skip(1).take(60) {
        let l = r.slice(src).trim_end();
        if l == "---" || l == "..." {
            return (n > 1).then_some(n);
        }
        let ok = l.trim().is_empty() || l.trim_start().starts_with("- ") || l.contains(": ") || l.ends_with(':');
        if !ok {
            return None;
        }
    }
    None
}

/// Strips block quote marks, list markers and ATX heading hashes; says whether the line is an ATX heading.
fn strip_block_markers(line: &str) -> (&str, bool) {
    let mut s = line;
    loop {
        let t = s.trim_start();
        if let Some(rest) = t.strip_prefix('>') {
            s = rest.strip_prefix(' ').unwrap_or(rest);
            continue;
        }
        break;
    }
    let t = s.trim_start();
    // ATX heading: 1–6 hashes then a space or the end of the line.
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = t.get(hashes..).unwrap_or("");
        if rest.is_empty() || rest.starts_with([' ', '\t']) {
            let mut body = rest.trim();
            // Closing hashes: "## Title ##".
            let closing = body.trim_end_matches('#');
            if closing.len() < body.len() && (closing.is_empty() || closing.ends_with([' ', '\t'])) {
                body = closing.trim_end();
            }
            return (body, true);
        }
    }
    // Bullet list item: "- ", "* ", "+ ".
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return (rest.trim_start(), false);
        }
    }
    // Ordered list item: "1. " or "1) ".
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = t.get(digits..).unwrap_or("");
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return (r.trim_start(), false);
        }
    }
    (t, false)
}

fn is_link_definition(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else { return false };
    let Some(close) = rest.find("]:") else { return false };
    close > 0 && !rest[..close].contains('[') && rest[close + 2..].split_whitespace().next().is_some()
}

fn is_image_only(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("![") && t.ends_with(')') && link_at(t, 1).is_some_and(|l| l.end == t.len())
}

/// A parsed inline link or image: `[text](target)` or `[text][ref]`, starting at a `[`.
struct Link {
    /// Byte range of the link text (inside the brackets).
    text: TextRange,
    /// Byte offset just after the link.
    end: usize,
}

/// Reads `[text](target)` or `[text][ref]` with `[` at byte `at` of `s`.
fn link_at(s: &str, at: usize) -> Option<Link> {
    let rest = s.get(at..)?;
    if !rest.starts_with('[') {
        return None;
    }
    let mut depth = 0usize;
    let mut close = None;
    let mut escaped = false;
    for (p, c) in rest.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    close = Some(p);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let after = rest.get(close + 1..)?;
    let (open, shut) = if after.starts_with('(') {
        ('(', ')')
    } else if after.starts_with('[') {
        ('[', ']')
    } else {
        return None;
    };
    let mut depth = 0usize;
    for (p, c) in after.char_indices() {
        if c == open {
            depth += 1;
        } else if c == shut {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(Link { text: TextRange::new(at + 1, at + close), end: at + close + 1 + p + 1 });
            }
        } else if c == '\n' {
            return None;
        }
    }
    None
}

/// Renders inline markup of one line into `out`; the dropped elements it met go to `dropped`.
fn inline(s: &str, out: &mut String, dropped: &mut Vec<&'static str>) {
    let ends = last_end_tags(s);
    let mut iter = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((p, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let Some(span) = markup_at(s, p, Around { c, next, prev }, &ends) else {
            out.push(c);
            prev = Some(c);
            continue;
        };
        match span.shown {
            Shown::Literal(t) => out.push_str(t),
            Shown::Inline(t) => inline(t, out, dropped),
            Shown::Nothing => {}
        }
        dropped.extend(span.dropped);
        while iter.peek().is_some_and(|&(q, _)| q < span.end) {
            iter.next();
        }
        prev = span.prev;
    }
}

/// An inline construct read at one byte of a line: what it shows and where it ends.
struct Span<'a> {
    shown: Shown<'a>,
    /// The byte just after the construct.
    end: usize,
    /// The character the emphasis rules see before whatever follows the construct.
    prev: Option<char>,
    /// The element dropped with its content, if the construct was one.
    dropped: Option<&'static str>,
}

/// What an inline construct shows in the plain rendering.
enum Shown<'a> {
    /// This text as it is.
    Literal(&'a str),
    /// This text with its own inline markup rendered (a link's or an image's text).
    Inline(&'a str),
    /// Nothing (an emphasis mark, a tag, a dropped element).
    Nothing,
}

/// A character of a line with its neighbours, as the inline rules see them.
#[derive(Clone, Copy)]
struct Around {
    c: char,
    /// The following character.
    next: Option<char>,
    /// The character the emphasis rules see before `c`.
    prev: Option<char>,
}

/// The inline construct that starts with `at.c` at byte `p` of `s`, if any; `ends` are the line's last end
/// tags ([`last_end_tags`]).
fn markup_at<'a>(s: &'a str, p: usize, at: Around, ends: &[(&'static str, usize)]) -> Option<Span<'a>> {
    match at.c {
        '\\' => escape_at(s, p, at.next?),
        '`' => code_span_at(s, p),
        '!' if at.next == Some('[') => link_span_at(s, p + 1),
        '[' => link_span_at(s, p),
        '<' => tag_at(s, p, ends),
        '*' | '_' => emphasis_at(s, p, at.c, at.prev),
        _ => None,
    }
}

/// `\*`: an escaped punctuation character, shown as itself.
fn escape_at(s: &str, p: usize, next: char) -> Option<Span<'_>> {
    let at = p + 1;
    let end = at + next.len_utf8();
    next.is_ascii_punctuation().then_some(())?;
    Some(Span { shown: Shown::Literal(s.get(at..end)?), end, prev: Some(next), dropped: None })
}

/// `` `code` ``: a code span, shown trimmed without its backticks.
fn code_span_at(s: &str, p: usize) -> Option<Span<'_>> {
    let run = s.get(p..)?.chars().take_while(|&d| d == '`').count();
    let fence = s.get(p..p + run)?;
    let close = s.get(p + run..)?.find(fence)?;
    let code = s.get(p + run..p + run + close)?;
    Some(Span { shown: Shown::Literal(code.trim()), end: p + run + close + run, prev: Some('`'), dropped: None })
}

/// `[text](target)`, `[text][ref]` or, from the `[` of `![…]`, an image: shown as its text.
fn link_span_at(s: &str, at: usize) -> Option<Span<'_>> {
    let link = link_at(s, at)?;
    Some(Span { shown: Shown::Inline(link.text.slice(s)), end: link.end, prev: Some(')'), dropped: None })
}

/// `<…>`: an autolink (shown as its address), an inline dropped element with its content up to its end tag
/// on the same line (shown as nothing), or another tag (dropped, its content kept).
fn tag_at<'a>(s: &'a str, p: usize, ends: &[(&'static str, usize)]) -> Option<Span<'a>> {
    let close = s.get(p + 1..)?.find('>').filter(|&k| k <= 200)?;
    let inner = s.get(p + 1..p + 1 + close)?;
    let autolink = inner.starts_with("http://") || inner.starts_with("https://") || inner.starts_with("mailto:");
    let tag =
        inner.trim_start_matches('/').chars().next().is_some_and(|d| d.is_ascii_alphabetic()) && !inner.contains('<');
    if !autolink && !tag {
        return None;
    }
    let tag_end = p + 1 + close + 1;
    let element = start_tag_at(s, p);
    let closed_later = |e: &&str| ends.iter().any(|(x, end)| x == e && *end > tag_end);
    let content_end = element.filter(closed_later).and_then(|e| s.get(tag_end..).and_then(|rest| end_tag_in(rest, e)));
    let shown = if autolink && !inner.contains(' ') { Shown::Literal(inner) } else { Shown::Nothing };
    let dropped = element.filter(|_| content_end.is_some());
    Some(Span { shown, end: tag_end + content_end.unwrap_or(0), prev: Some('>'), dropped })
}

/// Emphasis delimiters (`*`, `_`, up to three): dropped when they touch a word on one side only.
fn emphasis_at(s: &str, p: usize, c: char, prev: Option<char>) -> Option<Span<'static>> {
    let run = s.get(p..)?.chars().take_while(|&d| d == c).count();
    let after = s.get(p + run..).and_then(|r| r.chars().next());
    let left = after.is_some_and(|a| !a.is_whitespace());
    let right = prev.is_some_and(|b| !b.is_whitespace());
    let intraword = prev.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
    (run <= 3 && (left || right) && !intraword).then_some(Span {
        shown: Shown::Nothing,
        end: p + run,
        prev,
        dropped: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str, want: &str) {
        assert_eq!(render(src).text, want, "source: {src:?}");
    }

    #[test]
    fn markup_is_dropped_and_words_kept() {
        check("# A *big* title\n\nBody with **bold** and _em_ text.", "A big title\n\nBody with bold and em text.");
        check("See [the report](https://example.org/r \"t\") now.", "See the report now.");
        check("![A caption](img.png)", "A caption");
        check("> quoted *line*", "quoted line");
        check("- one\n- two\n1. three", "one\ntwo\nthree");
        check("snake_case and 2 * 3 stay", "snake_case and 2 * 3 stay");
        check("Title\n=====\nText", "Title\n\nText");
        check("```\ncode *x*\n```", "\ncode *x*\n");
        check("[ref]: https://example.org\nUse `x` here <br> and <https://e.org>.", "\nUse x here  and https://e.org.");
        check(r"An \*escaped\* star", "An *escaped* star");
        check("---\nafter a rule", "\nafter a rule");
    }

    #[test]
    fn front_matter_is_read_and_rendered_blank() {
        let r = render("---\ntitle: \"A title\"\nauthor: Jane Doe\ndate: 2024-01-12\n---\n# A title\n\nBody.");
        assert_eq!(r.text, "\n\n\n\n\nA title\n\nBody.");
        let keys: Vec<(&str, &str)> = r.front_matter.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(keys, [("title", "A title"), ("author", "Jane Doe"), ("date", "2024-01-12")]);
        // A thematic break followed by prose is not front matter.
        assert!(render("---\nJust prose here. More.\n---\n").front_matter.is_empty());
    }

    #[test]
    fn script_style_and_iframe_are_dropped_with_their_content_and_reported() {
        /// The dropped elements with the line they open on.
        type Dropped = &'static [(&'static str, usize)];
        // (source, rendering, dropped)
        let cases: &[(&str, &str, Dropped)] = &[
            ("Before.\n<script>\nvar a = 1;\n</script>\nAfter.", "Before.\n\n\n\nAfter.", &[("script", 2)]),
            ("<script src=\"x.js\"></script>\nBody.", "\nBody.", &[("script", 1)]),
            ("<STYLE type=\"text/css\">\np { color: red }\n</Style >\nBody.", "\n\n\nBody.", &[("style", 1)]),
            ("<iframe src=\"https://e.org\">Your browser</iframe>", "", &[("iframe", 1)]),
            ("  <style>p{}</style> Visible *text*", "Visible text", &[("style", 1)]),
            ("Text <script>evil()</script> more.", "Text  more.", &[("script", 1)]),
            ("A <style>p{}</style> and <iframe src=a></iframe>.", "A  and .", &[("style", 1), ("iframe", 1)]),
            // Unclosed: the block ends at the next blank line, so the article after it is kept.
            ("<script>\ncode();\n\nBody text.", "\n\n\nBody text.", &[("script", 1)]),
            // Not one of the dropped elements, or not raw HTML: as before.
            ("<scripture> is kept", " is kept", &[]),
            ("A `<script>x</script>` code span", "A <script>x</script> code span", &[]),
            ("```\n<script>x</script>\n```", "\n<script>x</script>\n", &[]),
            ("<b>bold</b> stays", "bold stays", &[]),
        ];
        for &(src, want, dropped) in cases {
            let r = render(src);
            assert_eq!(r.text, want, "source: {src:?}");
            let got: Vec<(&str, usize)> = r.dropped_html.iter().map(|d| (d.element, d.line)).collect();
            assert_eq!(got, dropped, "source: {src:?}");
        }
    }

    #[test]
    fn a_closing_tag_later_in_the_document_keeps_the_block_open_across_blank_lines() {
        let r = render("<script>\nlet a = 1;\n\nlet b = 2;\n</script>\nBody.");
        assert_eq!(r.text, "\n\n\n\n\nBody.");
        // A thousand unclosed tags cost one scan of the document, not one per tag; likewise on one line
        // (200,000 unclosed inline tags: a search per tag would run for minutes).
        let many = "<script>\n\n".repeat(1000) + "Body.";
        assert_eq!(render(&many).dropped_html.len(), 1000);
        let line = "a <script> ".repeat(200_000) + "</style>";
        let r = render(&line);
        assert!(r.dropped_html.is_empty() && r.text.len() == 3 * 200_000, "{}", r.text.len());
    }

    #[test]
    fn headings_and_images_are_reported() {
        let r = render("# Head\n\nPara.\n\nSub\n---\n\n![Alt text](a.png)\n");
        let heads: Vec<&str> = r.headings.iter().map(|h| h.slice(&r.text)).collect();
        assert_eq!(heads, ["Head", "Sub"]);
        let imgs: Vec<&str> = r.images.iter().map(|h| h.slice(&r.text)).collect();
        assert_eq!(imgs, ["Alt text"]);
    }
}
