//! The wasm binding: the only module that knows about JavaScript.
//!
//! Every export does three things: convert JS values into core types, call the core, convert the result back.
//! Field names are camelCase; missing values serialise as `null`; errors become `JsError` with a message a user
//! understands. No logic lives here.

use crate::input::manifest::{Manifest, ManifestEntry};
use crate::input::parse::Input;
use crate::model::corpus::{self, Corpus as CoreCorpus};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Converts a result through JSON text and `JSON.parse`: missing values become `null`, maps become objects.
/// One serializer (serde_json's) serves every conversion in both directions, which keeps the wasm small
/// (serde-wasm-bindgen would compile a second one).
fn to_js_via_json<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("cannot convert the result for JavaScript: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("cannot convert the result for JavaScript"))
}

/// Items per JSON text when a large array is converted (articles carry their text: fewer of them), so that the
/// text stays at a few MB whatever the corpus.
const PART: usize = 5_000;
const ARTICLES_PART: usize = 500;

/// Converts a large array in parts of `part` items, from the end, each part's items freed once converted, so
/// that the wasm memory never holds the whole array's JSON text beside the array; JavaScript joins the parts.
fn vec_to_js<T: Serialize>(mut items: Vec<T>, part: usize) -> Result<JsValue, JsError> {
    if items.len() <= part {
        return to_js_via_json(&items);
    }
    let parts = js_sys::Array::new();
    while !items.is_empty() {
        let tail = items.split_off(items.len().saturating_sub(part.max(1)));
        parts.push(&to_js_via_json(&tail)?);
    }
    Ok(parts.reverse().flat(1).into())
}

/// Converts the export field by field (each through [`vec_to_js`], each freed once converted), so that no
/// single JSON text holds a large corpus's whole model (JavaScript strings stop at about 512 MB) and the wasm
/// memory holds the model and at most one part's text at a time.
fn export_to_js(e: crate::model::export::Export) -> Result<JsValue, JsError> {
    // Destructured without `..`: a field added to the model fails to compile here until it is converted too.
    let crate::model::export::Export {
        schema,
        engine,
        matching,
        articles,
        entities,
        times,
        numbers,
        quotes,
        alignments,
        claims,
        contradictions,
        quote_groups,
        reuse,
        stories,
        events,
        diagnostics,
    } = e;
    let out = js_sys::Object::new();
    let set = |key: &str, value: Result<JsValue, JsError>| -> Result<(), JsError> {
        js_sys::Reflect::set(&out, &JsValue::from_str(key), &value?)
            .map(|_| ())
            .map_err(|_| JsError::new("cannot convert the result for JavaScript"))
    };
    set("schema", Ok(JsValue::from_str(schema)))?;
    set("engine", Ok(JsValue::from_str(engine)))?;
    set("matching", Ok(JsValue::from_str(matching)))?;
    set("articles", vec_to_js(articles, ARTICLES_PART))?;
    set("entities", vec_to_js(entities, PART))?;
    set("times", vec_to_js(times, PART))?;
    set("numbers", vec_to_js(numbers, PART))?;
    set("quotes", vec_to_js(quotes, PART))?;
    set("alignments", vec_to_js(alignments, PART))?;
    set("claims", vec_to_js(claims, PART))?;
    set("contradictions", vec_to_js(contradictions, PART))?;
    set("quoteGroups", vec_to_js(quote_groups, PART))?;
    set("reuse", vec_to_js(reuse, PART))?;
    set("stories", vec_to_js(stories, PART))?;
    set("events", vec_to_js(events, PART))?;
    set("diagnostics", to_js_via_json(&diagnostics))?;
    Ok(out.into())
}

/// Installs a panic hook that logs panics to the console (diagnosis only).
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// The engine's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The names of the options `Corpus.export` accepts.
const OPTION_NAMES: &[&str] = &["alignThreshold"];

/// Options accepted by `Corpus.export`, all optional.
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OptionsDto {
    align_threshold: Option<f64>,
}

/// The documented default options.
#[wasm_bindgen(js_name = defaultOptions)]
pub fn default_options() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Defaults {
        align_threshold: f64,
    }
    to_js_via_json(&Defaults { align_threshold: corpus::DEFAULT_OPTIONS.align_threshold })
}

/// A set of articles held in the wasm instance.
#[wasm_bindgen]
pub struct Corpus {
    inner: CoreCorpus,
    manifest: Option<Manifest>,
}

#[wasm_bindgen]
impl Corpus {
    /// An empty corpus.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Corpus {
        Corpus { inner: CoreCorpus::new(), manifest: None }
    }

    /// Sets the manifest (JSON text) whose entries supply metadata for articles added afterwards.
    #[wasm_bindgen(js_name = setManifest)]
    pub fn set_manifest(&mut self, json: &str) -> Result<(), JsError> {
        self.manifest = Some(Manifest::from_json(json)?);
        Ok(())
    }

    /// Adds an article from its text. Returns its id, or `null` when it was rejected (see the export's
    /// diagnostics for why).
    #[wasm_bindgen(js_name = addText)]
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<Option<String>, JsError> {
        self.add_bytes(name, text.as_bytes())
    }

    /// Adds an article from raw bytes (decoded as UTF-8, lossily).
    #[wasm_bindgen(js_name = addBytes)]
    pub fn add_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<Option<String>, JsError> {
        let meta: ManifestEntry = self.manifest.as_ref().and_then(|m| m.entry_for(name)).cloned().unwrap_or_default();
        let input = Input { name: name.to_string(), bytes: bytes.to_vec(), meta };
        Ok(self.inner.add(&input)?)
    }

    /// Gives the engine the sentence-embedding table (the bytes of `embeddings.bin`, fetched by the page after
    /// its first render): sentences then align by meaning as well as by wording. `null` takes it away.
    /// Throws when the bytes are not a table; the engine then keeps what it had.
    #[wasm_bindgen(js_name = setEmbeddings)]
    pub fn set_embeddings(&mut self, bytes: Option<Vec<u8>>) -> Result<(), JsError> {
        let model = bytes.map(|b| crate::annotate::embed::Model::from_bytes(&b)).transpose()?;
        self.inner.set_embeddings(model);
        Ok(())
    }

    /// Whether the engine has the sentence-embedding table (the export's `matching` says the same).
    #[wasm_bindgen(getter, js_name = hasEmbeddings)]
    pub fn has_embeddings(&self) -> bool {
        self.inner.has_embeddings()
    }

    /// Removes an article by id.
    #[wasm_bindgen(js_name = removeArticle)]
    pub fn remove_article(&mut self, id: &str) -> Result<(), JsError> {
        Ok(self.inner.remove(id)?)
    }

    /// Number of articles held.
    #[wasm_bindgen(getter, js_name = articleCount)]
    pub fn article_count(&self) -> usize {
        self.inner.articles().len()
    }

    /// Cross-references the articles; returns the export model as a plain object.
    pub fn export(&self, options: JsValue) -> Result<JsValue, JsError> {
        let dto: OptionsDto = if options.is_undefined() || options.is_null() {
            OptionsDto::default()
        } else {
            // Unknown keys are named in the error (serde's message would only say "unknown field").
            for key in js_sys::Object::keys(&js_sys::Object::from(options.clone())).iter() {
                let key = key.as_string().unwrap_or_default();
                if !OPTION_NAMES.contains(&key.as_str()) {
                    return Err(JsError::new(&format!(
                        "invalid option: unknown option \"{key}\" (known: {})",
                        OPTION_NAMES.join(", ")
                    )));
                }
            }
            let text = js_sys::JSON::stringify(&options)
                .ok()
                .and_then(|t| t.as_string())
                .ok_or_else(|| JsError::new("invalid options: they must be a plain object"))?;
            serde_json::from_str(&text).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
        };
        let opts =
            corpus::Options { align_threshold: dto.align_threshold.unwrap_or(corpus::DEFAULT_OPTIONS.align_threshold) };
        export_to_js(self.inner.export(&opts)?)
    }

    /// The pairwise diff of two articles by id (schema `storylines-diff/1`).
    pub fn diff(&self, a_id: &str, b_id: &str) -> Result<JsValue, JsError> {
        to_js_via_json(&self.inner.diff(a_id, b_id, &corpus::DEFAULT_OPTIONS)?)
    }

    /// The collation table of a claim or quote group by id (schema `storylines-collation/1`), or `null`
    /// when no claim or quote group has that id.
    pub fn collate(&self, id: &str) -> Result<JsValue, JsError> {
        to_js_via_json(&self.inner.collate(id, &corpus::DEFAULT_OPTIONS)?)
    }

    /// The same export as JSON text (identical to the CLI's output for the same inputs).
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> Result<String, JsError> {
        let export = self.inner.export(&corpus::DEFAULT_OPTIONS)?;
        serde_json::to_string(&export).map_err(|e| JsError::new(&format!("cannot write the export as JSON: {e}")))
    }
}

impl Default for Corpus {
    fn default() -> Corpus {
        Corpus::new()
    }
}

/// Single-stage entry points for the benchmark (`npm run bench`), built only with the `bench` feature into
/// `target/bench-pkg/`, so that the page's module does not carry them.
#[cfg(feature = "bench")]
pub mod bench {
    use super::*;

    // ---------------------------------------------------------------------------------------------------------------
    // Single-stage entry points for the benchmark (`npm run bench`) and for callers that want one stage alone.
    // Each converts, calls one public core function, converts back; spans are UTF-16 like the export's.
    // ---------------------------------------------------------------------------------------------------------------

    /// Counts the newline bytes of `bytes`: the benchmark's reference for the machine's limit (copy in + one pass).
    #[wasm_bindgen(js_name = byteScan)]
    pub fn byte_scan(bytes: &[u8]) -> u32 {
        u32::try_from(bytes.iter().filter(|&&b| b == b'\n').count()).unwrap_or(u32::MAX)
    }

    /// Splits `text` into sentences (the segmenter alone, over the whole text); returns UTF-16 `[start, end, …]`.
    #[wasm_bindgen(js_name = splitSentences)]
    pub fn split_sentences(text: &str) -> Vec<u32> {
        let map = crate::base::text::Utf16Map::new(text);
        let mut out = Vec::new();
        for r in crate::input::segment::sentences(text, crate::base::text::TextRange::new(0, text.len())) {
            let s = map.span(r);
            out.push(s.start);
            out.push(s.end);
        }
        out
    }

    /// Parses `text` as one article.
    fn bench_article(text: &str) -> Option<crate::Article> {
        crate::input::parse::parse(&Input::new("input.txt", text.as_bytes().to_vec())).ok()
    }

    /// A span found by a single-stage entry point.
    #[derive(Serialize)]
    struct FoundSpan {
        start: u32,
        end: u32,
        text: String,
        value: Option<String>,
    }

    /// Time expressions of a bare `text` (no article parsing), relative ones resolved against `referenceDate`
    /// (ISO `YYYY-MM-DD`) when given; `[{start, end, text, value}]` with UTF-16 spans into `text`.
    #[wasm_bindgen(js_name = extractTimes)]
    pub fn extract_times(text: &str, reference_date: Option<String>) -> Result<JsValue, JsError> {
        let reference = reference_date.as_deref().and_then(crate::annotate::time::CivilDate::parse_iso);
        let map = crate::base::text::Utf16Map::new(text);
        let found: Vec<FoundSpan> = crate::annotate::time::extract_from_text(text, reference)
            .into_iter()
            .map(|t| {
                let s = map.span(t.range);
                FoundSpan { start: s.start, end: s.end, text: t.range.slice(text).to_string(), value: t.value }
            })
            .collect();
        to_js_via_json(&found)
    }

    /// Entity mentions of `text` read as one article (parse + entity stage); `[{start, end, text, value}]` where
    /// `value` is the kind (`person`, `organization`, `place`).
    #[wasm_bindgen(js_name = extractEntities)]
    pub fn extract_entities(text: &str) -> Result<JsValue, JsError> {
        let Some(article) = bench_article(text) else { return to_js_via_json(&Vec::<FoundSpan>::new()) };
        let map = crate::base::text::Utf16Map::new(&article.text);
        let found: Vec<FoundSpan> = crate::annotate::entities::mentions(&article)
            .into_iter()
            .map(|m| {
                let s = map.span(m.range);
                let kind = serde_json::to_value(m.kind).ok().and_then(|v| v.as_str().map(str::to_string));
                FoundSpan { start: s.start, end: s.end, text: m.range.slice(&article.text).to_string(), value: kind }
            })
            .collect();
        to_js_via_json(&found)
    }

    /// Byte offset where the piece of word `k` begins: the text before the first word goes with it, and each word
    /// takes the separator after it, so the pieces of words `0..n` tile the whole text.
    fn piece_start(words: &[crate::base::text::TextRange], len: usize, k: usize) -> usize {
        if k == 0 {
            0
        } else {
            words.get(k).map_or(len, |w| w.start)
        }
    }

    /// Word diff of two texts (the diff module: `similar`'s algorithm over words) as a flat array of pieces
    /// `[op, start, end, …]`: op 0 (equal) and 1 (delete) are UTF-16 ranges of `a`, op 2 (insert) of `b`. The
    /// equal and delete pieces tile `a`, the equal and insert pieces tile `b` (the benchmark slices them back
    /// into texts and checks both).
    #[wasm_bindgen(js_name = wordDiff)]
    pub fn word_diff(a: &str, b: &str) -> Vec<u32> {
        use crate::base::text::TextRange;
        let d = crate::xref::diff::word_diff(a, TextRange::new(0, a.len()), b, TextRange::new(0, b.len()));
        let (ma, mb) = (crate::base::text::Utf16Map::new(a), crate::base::text::Utf16Map::new(b));
        let mut out: Vec<u32> = Vec::with_capacity(3 * d.ops.len() + 6);
        let mut push = |op: u32, map: &crate::base::text::Utf16Map, s: usize, e: usize| {
            if s < e {
                out.extend([op, map.utf16(s), map.utf16(e)]);
            }
        };
        if d.a_words.is_empty() {
            push(1, &ma, 0, a.len());
        }
        if d.b_words.is_empty() {
            push(2, &mb, 0, b.len());
        }
        for op in &d.ops {
            let (sa, ea) = (piece_start(&d.a_words, a.len(), op.a.0), piece_start(&d.a_words, a.len(), op.a.1));
            let (sb, eb) = (piece_start(&d.b_words, b.len(), op.b.0), piece_start(&d.b_words, b.len(), op.b.1));
            if op.tag == crate::xref::diff::Tag::Equal && a.get(sa..ea) == b.get(sb..eb) {
                push(0, &ma, sa, ea);
            } else {
                push(1, &ma, sa, ea);
                push(2, &mb, sb, eb);
            }
        }
        out
    }

    /// Near-duplicates among `texts` the storylines way: each text parsed as an article, candidate sentence pairs
    /// from the alignment index, then passage-level reuse detection. Returns `[from, to, score, …]` (indices into
    /// `texts`), one triple per reuse edge.
    #[wasm_bindgen(js_name = nearDuplicates)]
    pub fn near_duplicates(texts: Vec<String>) -> Vec<f64> {
        let mut index = Vec::new();
        let mut articles = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            if let Some(a) = bench_article(t) {
                index.push(i);
                articles.push(a);
            }
        }
        let refs: Vec<&crate::Article> = articles.iter().collect();
        let pairs = crate::xref::align::align(
            &refs,
            crate::xref::align::AlignOptions { threshold: corpus::DEFAULT_OPTIONS.align_threshold },
        );
        let mut out = Vec::new();
        for e in crate::xref::reuse::detect(&refs, &pairs) {
            if let (Some(&from), Some(&to)) = (index.get(e.from), index.get(e.to)) {
                out.extend([from as f64, to as f64, e.score]);
            }
        }
        out
    }
}
