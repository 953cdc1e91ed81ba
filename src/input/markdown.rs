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
}

/// Renders Markdown as plain text. Never fails; what is not Markdown passes through unchanged.
pub fn render(src: &str) -> Rendered {
    let mut out = Rendered::default();
    let mut fence: Option<(char, usize)> = None;
    let mut prev_line: Option<TextRange> = None;
    let mut first = true;
    let all = text::lines(src);
    let front_end = front_matter_end(src, &all);
    for (n, range) in all.into_iter().enumerate() {
        if !first {
            out.text.push('\n');
        }
        first = false;
        let line = range.slice(src);
        if front_end.is_some_and(|end| n <= end) {
            if let Some((k, v)) = line.split_once(':').filter(|_| n > 0) {
                let v = v.trim().trim_matches(['"', '\'']).trim();
                if !k.trim().is_empty() && !v.is_empty() {
                    out.front_matter.push((k.trim().lowercase(), v.to_string()));
                }
            }
            continue;
        }
        let start = out.text.len();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        // Fenced code: the fences become blank lines, the code is kept as it is.
        if let Some((ch, n)) = fence {
            if indent <= 3
                && trimmed.chars().take_while(|&c| c == ch).count() >= n
                && trimmed.trim_matches(ch).trim().is_empty()
            {
                fence = None;
            } else {
                out.text.push_str(line);
            }
            prev_line = None;
            continue;
        }
        if indent <= 3 {
            if let Some(ch) = trimmed.chars().next().filter(|c| matches!(c, '`' | '~')) {
                let n = trimmed.chars().take_while(|&c| c == ch).count();
                if n >= 3 {
                    fence = Some((ch, n));
                    prev_line = None;
                    continue;
                }
            }
        }
        // Setext underline or thematic break.
        if indent <= 3 && !trimmed.is_empty() {
            let body: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
            let only = |c: char| body.chars().all(|d| d == c);
            if (only('=') || only('-')) && !body.is_empty() && !trimmed.trim_end().contains(' ') {
                if let Some(prev) = prev_line {
                    out.headings.push(prev);
                    prev_line = None;
                    continue;
                }
                if only('-') && body.len() >= 3 {
                    continue;
                }
            }
            if (only('*') || only('_') || only('-')) && body.len() >= 3 {
                prev_line = None;
                continue;
            }
        }
        // Link reference definitions: "[id]: https://…".
        if indent <= 3 && is_link_definition(trimmed) {
            prev_line = None;
            continue;
        }
        let (content, heading) = strip_block_markers(trimmed);
        let image_only = is_image_only(content);
        inline(content, &mut out.text);
        let end = out.text.len();
        let rendered = TextRange::new(start, end).trim(&out.text);
        if heading && !rendered.is_empty() {
            out.headings.push(rendered);
        }
        if image_only && !rendered.is_empty() {
            out.images.push(rendered);
        }
        prev_line = if rendered.is_empty() || heading || image_only { None } else { Some(rendered) };
    }
    out
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

/// Renders inline markup of one line into `out`.
fn inline(s: &str, out: &mut String) {
    let mut iter = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((p, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                if let Some((_, n)) = iter.next() {
                    out.push(n);
                    prev = Some(n);
                }
                continue;
            }
            '`' => {
                let run = s[p..].chars().take_while(|&d| d == '`').count();
                let fence = &s[p..p + run];
                if let Some(close) = s.get(p + run..).and_then(|r| r.find(fence)) {
                    let code = &s[p + run..p + run + close];
                    out.push_str(code.trim());
                    let end = p + run + close + run;
                    while iter.peek().is_some_and(|&(q, _)| q < end) {
                        iter.next();
                    }
                    prev = Some('`');
                    continue;
                }
            }
            '!' if next == Some('[') => {
                if let Some(link) = link_at(s, p + 1) {
                    inline(link.text.slice(s), out);
                    while iter.peek().is_some_and(|&(q, _)| q < link.end) {
                        iter.next();
                    }
                    prev = Some(')');
                    continue;
                }
            }
            '[' => {
                if let Some(link) = link_at(s, p) {
                    inline(link.text.slice(s), out);
                    while iter.peek().is_some_and(|&(q, _)| q < link.end) {
                        iter.next();
                    }
                    prev = Some(')');
                    continue;
                }
            }
            '<' => {
                if let Some(close) = s.get(p + 1..).and_then(|r| r.find('>')).filter(|&k| k <= 200) {
                    let inner = &s[p + 1..p + 1 + close];
                    let autolink =
                        inner.starts_with("http://") || inner.starts_with("https://") || inner.starts_with("mailto:");
                    let tag = inner.trim_start_matches('/').chars().next().is_some_and(|d| d.is_ascii_alphabetic())
                        && !inner.contains('<');
                    if autolink || tag {
                        if autolink && !inner.contains(' ') {
                            out.push_str(inner);
                        }
                        let end = p + 1 + close + 1;
                        while iter.peek().is_some_and(|&(q, _)| q < end) {
                            iter.next();
                        }
                        prev = Some('>');
                        continue;
                    }
                }
            }
            '*' | '_' => {
                // Emphasis delimiters: dropped when they touch a word on one side only.
                let run = s[p..].chars().take_while(|&d| d == c).count();
                let after = s.get(p + run..).and_then(|r| r.chars().next());
                let left = after.is_some_and(|a| !a.is_whitespace());
                let right = prev.is_some_and(|b| !b.is_whitespace());
                let intraword = prev.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
                if run <= 3 && (left || right) && !intraword {
                    for _ in 1..run {
                        iter.next();
                    }
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        prev = Some(c);
    }
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
    fn headings_and_images_are_reported() {
        let r = render("# Head\n\nPara.\n\nSub\n---\n\n![Alt text](a.png)\n");
        let heads: Vec<&str> = r.headings.iter().map(|h| h.slice(&r.text)).collect();
        assert_eq!(heads, ["Head", "Sub"]);
        let imgs: Vec<&str> = r.images.iter().map(|h| h.slice(&r.text)).collect();
        assert_eq!(imgs, ["Alt text"]);
    }
}
