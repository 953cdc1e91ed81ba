//! HTML page → readable text and the metadata the page carries (`<title>`, `og:title`,
//! `article:published_time`, `author`, `og:site_name`, `<html lang>`, JSON-LD `NewsArticle`).
//!
//! Extraction is `dom_smoothie`, a maintained Rust port of Mozilla's Readability, so the CLI and the page
//! (through the second wasm module, `www/pkg-html/`) give the same article. It is compiled in natively
//! always and for wasm only with the `html` feature: it weighs about 390 KB gzipped, more than the main
//! module's budget allows. Without it, [`extract`] says so and the caller reports the input.
//! This module must not classify lines or segment sentences: it hands plain text to the parser.

#![warn(clippy::indexing_slicing)]

/// What an HTML page yielded: the readable text (the article's text from then on) and page metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    /// The readable text: the page's title on the first line, then the body, one paragraph per block,
    /// blank lines between blocks, indentation removed.
    pub text: String,
    /// Title from JSON-LD `headline`/`name`, `og:title` or `<title>`.
    pub title: Option<String>,
    /// Authors from JSON-LD `author`, `<meta name="author">` or the page's byline.
    pub authors: Vec<String>,
    /// Publication time as given by the page (JSON-LD `datePublished`, `article:published_time`).
    pub published: Option<String>,
    /// The site's name (`og:site_name`, JSON-LD `publisher.name`).
    pub outlet: Option<String>,
    /// The canonical URL when the page names one.
    pub url: Option<String>,
    /// The `lang` attribute of the page.
    pub language: Option<String>,
}

/// Whether this build can extract HTML.
pub const AVAILABLE: bool = cfg!(any(feature = "html", not(target_arch = "wasm32")));

/// The deepest element nesting a page may have (as Chromium's parser, which stops nesting at 512): the
/// readability scoring walks every element's ancestors, so a deeper page costs time quadratic in its depth
/// (100,000 nested `<div>`s ran for minutes).
pub const MAX_HTML_DEPTH: usize = 512;

/// Elements that never have content, or whose end tag may be left out (the parser closes them itself):
/// they do not deepen the nesting [`nesting_depth`] estimates.
const FLAT_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rt",
    "rp", "html", "head", "body", "!doctype",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"];

/// An estimate of the deepest element nesting of a page, in one linear pass over its tags (comments,
/// raw-text elements, void elements and elements with optional end tags skipped; a stray end tag never
/// makes it negative). Cheap enough to run before handing the page to the parser.
pub fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = rest.get(lt + 1..).unwrap_or("");
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").and_then(|e| after.get(e + 3..)).unwrap_or("");
            continue;
        }
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name: String = rest
            .get(name_start..)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-')
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        let Some(gt) = rest.find('>') else { break };
        let self_closing = rest.get(..gt).is_some_and(|t| t.ends_with('/'));
        rest = rest.get(gt + 1..).unwrap_or("");
        if name.is_empty() || name.starts_with('!') && name != "!doctype" {
            continue;
        }
        if closing {
            if !FLAT_ELEMENTS.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
        } else if RAW_TEXT.contains(&name.as_str()) {
            rest = end_tag(rest, &name).and_then(|e| rest.get(e..)).unwrap_or("");
        } else if !self_closing && !FLAT_ELEMENTS.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Where the end tag `</name` (any case) starts in `s`.
fn end_tag(s: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = s.get(from..)?.find("</") {
        let at = from + p;
        if s.as_bytes().get(at + 2..at + 2 + name.len()).is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes())) {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Extracts the readable text and metadata of an HTML page.
///
/// # Errors
/// With a lowercase message when the page has no readable content, nests elements deeper than
/// [`MAX_HTML_DEPTH`], or this build has no HTML extraction.
#[cfg(any(feature = "html", not(target_arch = "wasm32")))]
pub fn extract(html: &str) -> Result<Extracted, String> {
    use dom_smoothie::{Config, Readability, TextMode};
    let depth = nesting_depth(html);
    if depth > MAX_HTML_DEPTH {
        return Err(format!(
            "the page nests its elements {depth} levels deep, more than the limit of {MAX_HTML_DEPTH}; save its text instead"
        ));
    }
    let config = Config { text_mode: TextMode::Formatted, max_elements_to_parse: 200_000, ..Config::default() };
    let mut reader = Readability::new(html, None, Some(config)).map_err(|e| e.to_string())?;
    let article = reader.parse().map_err(|e| format!("no readable article found in the page ({e})"))?;
    let clean = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    let title = clean(&article.title);
    let outlet = article.site_name.as_deref().and_then(clean);
    let title = title.map(|t| strip_site_suffix(&t, outlet.as_deref()));
    let body = tidy_lines(&article.text_content);
    let mut text = String::new();
    if let Some(t) = &title {
        // The headline is the first line unless the body already starts with it.
        if !body.trim_start().starts_with(t.as_str()) {
            text.push_str(t);
            text.push_str("\n\n");
        }
    }
    text.push_str(&body);
    let authors = article.byline.as_deref().map(split_authors).unwrap_or_default();
    Ok(Extracted {
        text,
        title,
        authors,
        published: article.published_time.as_deref().and_then(clean),
        outlet,
        url: article.url.as_deref().and_then(clean),
        language: article.lang.as_deref().and_then(clean),
    })
}

/// Extracts the readable text and metadata of an HTML page.
///
/// # Errors
/// Always in this build: HTML extraction lives in the second wasm module (`html` feature).
#[cfg(not(any(feature = "html", not(target_arch = "wasm32"))))]
pub fn extract(_html: &str) -> Result<Extracted, String> {
    Err("this build has no HTML extraction: the page loads it as a second module (storylines_html)".to_string())
}

/// Trims every line, drops runs of blank lines down to one, and trims the whole text.
#[cfg_attr(not(any(feature = "html", not(target_arch = "wasm32"))), allow(dead_code))]
fn tidy_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = true;
    for line in s.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        out.push_str(&line);
        out.push('\n');
        blank = false;
    }
    out.trim_end().to_string()
}

/// "Headline | Site" or "Headline - Site" → "Headline" when the suffix is the site's name.
#[cfg_attr(not(any(feature = "html", not(target_arch = "wasm32"))), allow(dead_code))]
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let Some(site) = site else { return title.to_string() };
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// "By Jane Doe and John Roe", "Jane Doe, John Roe" → the names.
#[cfg_attr(not(any(feature = "html", not(target_arch = "wasm32"))), allow(dead_code))]
fn split_authors(byline: &str) -> Vec<String> {
    let mut s = byline.trim();
    for prefix in ["By ", "by ", "BY "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
        }
    }
    s.split([',', '&', ';', '|'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_estimates() {
        let cases: &[(&str, usize)] = &[
            ("<html><body><div><div><span>x</span></div></div></body></html>", 3),
            // Optional end tags, void and self-closing elements do not nest.
            ("<body><p>a<p>b<p>c<li>d<li>e<br><img src=x><hr/><div/>", 0),
            // Comments and raw text hide what looks like tags.
            ("<div><!-- <div><div> --><script>'<div><div>'</script><style></STYLE></div>", 1),
            // Stray end tags never go below zero.
            ("</div></div><div>x</div>", 1),
            ("<div attr='>'>", 1),
            ("<", 0),
            ("<div", 0),
        ];
        for (html, want) in cases {
            assert_eq!(nesting_depth(html), *want, "{html}");
        }
        let deep = format!("{}x{}", "<div>".repeat(600), "</div>".repeat(600));
        assert_eq!(nesting_depth(&deep), 600);
    }

    #[test]
    fn too_deep_pages_are_refused_with_the_limit() {
        let deep =
            format!("<html><body>{}<p>Deep text.</p>{}</body></html>", "<div>".repeat(600), "</div>".repeat(600));
        let err = extract(&deep).err().unwrap_or_default();
        assert!(err.contains("600 levels deep") && err.contains("512"), "{err}");
    }

    #[test]
    fn site_suffix_and_author_lists() {
        assert_eq!(strip_site_suffix("A headline | The Example", Some("The Example")), "A headline");
        assert_eq!(strip_site_suffix("A headline", Some("The Example")), "A headline");
        assert_eq!(split_authors("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(split_authors("Jane Doe, John Roe"), ["Jane Doe", "John Roe"]);
    }

    #[test]
    fn json_ld_and_meta_are_read() {
        let page = r#"<!doctype html><html lang="en-GB"><head><title>Rates rise again | Example Times</title>
<meta property="og:site_name" content="Example Times">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Rates rise again",
"datePublished":"2023-11-10T14:53:00+01:00","author":[{"@type":"Person","name":"Jane Doe"}],
"publisher":{"@type":"Organization","name":"Example Times"}}</script></head>
<body><article><h1>Rates rise again</h1><p>The central bank raised its main rate on Thursday, the third rise this year, and said more could follow if prices keep climbing at the pace of recent months.</p>
<p>Economists had expected the move. Markets barely moved after the announcement, which came at noon.</p></article></body></html>"#;
        let got = extract(page);
        assert!(got.is_ok(), "{got:?}");
        let got = got.unwrap_or_default();
        assert_eq!(got.title.as_deref(), Some("Rates rise again"));
        assert_eq!(got.authors, ["Jane Doe"]);
        assert_eq!(got.published.as_deref(), Some("2023-11-10T14:53:00+01:00"));
        assert_eq!(got.outlet.as_deref(), Some("Example Times"));
        assert_eq!(got.language.as_deref(), Some("en-GB"));
        assert!(got.text.starts_with("Rates rise again\n"), "{}", got.text);
        assert!(got.text.contains("Economists had expected the move."), "{}", got.text);
    }
}
