//! The wasm binding: the only module that knows about JavaScript.
//!
//! Every export does three things: convert JS values into core types, call the core, convert the result back.
//! Field names are camelCase; missing values serialise as `null`; errors become `JsError` with a message a user
//! understands. No logic lives here.
//!
//! The four crates of the boundary: `wasm-bindgen` declares the exports; `serde-wasm-bindgen` converts every
//! structured value in both directions (no JSON text in between); `js-sys` reads option keys; `web-sys` posts
//! the model's parts from the page's worker as soon as each is converted ([`Corpus::post_export`]).

use crate::input::manifest::{Manifest, ManifestEntry};
use crate::input::parse::Input;
use crate::model::corpus::{self, Corpus as CoreCorpus};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;

/// How every value goes out: plain objects with the model's camelCase keys, `null` for `None`, maps as plain
/// objects (never `Map`), integers as numbers: the shapes `JSON.parse` of the CLI's JSON would give.
const TO_JS: Serializer = Serializer::json_compatible();

/// Converts a result for JavaScript.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&TO_JS).map_err(|e| JsError::new(&format!("cannot convert the result for JavaScript: {e}")))
}

/// Heap bytes reserved per byte of article text before an export (see [`make_room`]): the analysis's peak
/// was 57 bytes per text byte on 1,000 generated articles (149 MB) and 31 on 924 real news articles of many
/// stories (131 MB).
const ROOM_PER_TEXT_BYTE: usize = 64;

/// Grows the heap ahead of the analysis in one step: a block of [`ROOM_PER_TEXT_BYTE`] times the articles'
/// text (halved until it can be had) is reserved and freed at once, so that the allocator keeps it as free
/// space. Without it the allocator grows the memory 64 KiB at a time as the analysis needs it, and V8 counts
/// each grown memory as new external memory: on 1,000 generated articles (10 → 149 MB) that was about 220
/// full collections of the JavaScript heap, a sixth of the export's CPU time (docs/PERFORMANCE.md, "The
/// engine in wasm"). A later export finds the room already free and grows nothing. Only address space is
/// taken: pages nobody writes are never touched.
fn make_room(corpus: &CoreCorpus) {
    let text: usize = corpus.articles().iter().map(|a| a.text.len()).sum();
    let mut want = text.saturating_mul(ROOM_PER_TEXT_BYTE).min(1 << 30);
    while want >= 1 << 20 {
        let mut room: Vec<u8> = Vec::new();
        if room.try_reserve_exact(want).is_ok() {
            std::hint::black_box(&mut room);
            return;
        }
        want /= 2;
    }
}

/// The module's allocator: talc instead of the standard library's dlmalloc. Measured on 1,000 generated
/// articles it is as fast (the allocator is under a tenth of the profile once [`make_room`] has grown the
/// memory in one step) and 1.8 KB smaller gzipped (docs/PERFORMANCE.md, "Main after the fifth session").
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Where the fields of an export go: [`Whole`] sets them on one object; [`Posted`] (in the page's worker)
/// posts each large array in parts and leaves it empty in the object.
trait Fields {
    /// A field of the export that is not an array of findings.
    fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), JsError>;
    /// An array of the export, in parts of `part` items when it is longer.
    fn array<T: Serialize>(&mut self, key: &'static str, items: Vec<T>, part: usize) -> Result<(), JsError>;
}

/// Sets `key` of `object`.
fn set(object: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    js_sys::Reflect::set(object, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| JsError::new("cannot convert the result for JavaScript"))
}

/// Items per part message of a large export array: articles carry their text, reuse edges their passages,
/// contradictions and entities their evidence and mentions. The page reads each part in one task (the message's
/// deserialisation): on 1,000 generated articles a part of 500 contradictions took 117-133 ms, of 500 entities
/// about 50 ms (`node scripts/bench-page.mjs --load 1000 --generated`), hence the smaller parts.
fn part_size(key: &str) -> usize {
    match key {
        "articles" => 20,
        "contradictions" => 100,
        "reuse" | "entities" => 200,
        _ => 500,
    }
}

/// Converts the export field by field into `out`, each field freed once converted.
fn export_fields(e: crate::model::export::Export, out: &mut impl Fields) -> Result<(), JsError> {
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
    out.value("schema", schema)?;
    out.value("engine", engine)?;
    out.value("matching", matching)?;
    /// Converts each array in turn, in the model's field order.
    macro_rules! arrays {
        ($($key:literal: $items:ident),*) => { $( out.array($key, $items, part_size($key))?; )* };
    }
    arrays!("articles": articles, "entities": entities, "times": times, "numbers": numbers, "quotes": quotes,
        "alignments": alignments, "claims": claims, "contradictions": contradictions, "quoteGroups": quote_groups,
        "reuse": reuse, "stories": stories, "events": events);
    out.value("diagnostics", &diagnostics)
}

/// The whole export as one object (`Corpus.export`).
struct Whole(js_sys::Object);

impl Fields for Whole {
    fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), JsError> {
        set(&self.0, key, &to_js(value)?)
    }

    fn array<T: Serialize>(&mut self, key: &'static str, items: Vec<T>, _part: usize) -> Result<(), JsError> {
        self.value(key, items.as_slice())
    }
}

/// A slice of one large array of the coming result (protocol.js's `PartMessage`).
#[derive(Serialize)]
struct PartMessage<'a, T> {
    r#type: &'static str,
    id: f64,
    field: &'static str,
    items: &'a [T],
}

/// The export of the page's worker (`Corpus.postExport`): each large array is posted to the page in parts as
/// soon as each part is converted, so that the page receives a large model in many short tasks; the object
/// keeps the small fields and the posted arrays empty.
struct Posted {
    scope: web_sys::DedicatedWorkerGlobalScope,
    id: f64,
    rest: js_sys::Object,
}

impl Fields for Posted {
    fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), JsError> {
        set(&self.rest, key, &to_js(value)?)
    }

    fn array<T: Serialize>(&mut self, key: &'static str, items: Vec<T>, part: usize) -> Result<(), JsError> {
        if items.len() <= part {
            return self.value(key, items.as_slice());
        }
        for chunk in items.chunks(part.max(1)) {
            let message = to_js(&PartMessage { r#type: "part", id: self.id, field: key, items: chunk })?;
            self.scope.post_message(&message).map_err(|_| JsError::new("cannot post a part of the result"))?;
        }
        set(&self.rest, key, &js_sys::Array::new())
    }
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

/// The core's options from `Corpus.export`'s argument: `undefined`/`null` for the defaults, else an object of
/// known options (an unknown key is named in the error; serde's message would only say "unknown field").
fn options_of(options: JsValue) -> Result<corpus::Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(corpus::DEFAULT_OPTIONS);
    }
    for key in js_sys::Object::keys(&js_sys::Object::from(options.clone())).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "invalid option: unknown option \"{key}\" (known: {})",
                OPTION_NAMES.join(", ")
            )));
        }
    }
    let dto: OptionsDto =
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    Ok(corpus::Options { align_threshold: dto.align_threshold.unwrap_or(corpus::DEFAULT_OPTIONS.align_threshold) })
}

/// The documented default options.
#[wasm_bindgen(js_name = defaultOptions)]
pub fn default_options() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Defaults {
        align_threshold: f64,
    }
    to_js(&Defaults { align_threshold: corpus::DEFAULT_OPTIONS.align_threshold })
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

    /// Sets the manifest whose entries supply metadata for articles added afterwards: the object, or its JSON
    /// text (parsed by `JSON.parse`, so that the module carries no JSON parser of its own).
    #[wasm_bindgen(js_name = setManifest)]
    pub fn set_manifest(&mut self, manifest: JsValue) -> Result<(), JsError> {
        let unreadable = |why: String| JsError::new(&format!("the manifest cannot be read: {why}"));
        let object = match manifest.as_string() {
            Some(json) => js_sys::JSON::parse(&json).map_err(|e| {
                unreadable(e.dyn_into::<js_sys::Error>().map_or_else(|_| "not JSON".into(), |e| e.message().into()))
            })?,
            None => manifest,
        };
        let m: Manifest = serde_wasm_bindgen::from_value(object).map_err(|e| unreadable(e.to_string()))?;
        self.manifest = Some(m.checked()?);
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

    /// Gives the engine the sentence-embedding table (the bytes of `embeddings.bin`): sentences then align by
    /// meaning as well as by wording. `null` takes it away. Throws when the bytes are not a table; the engine
    /// then keeps what it had. Only in builds with the `embeddings` feature: the page's main module leaves it
    /// out (size budget) until the page fetches the table.
    #[cfg(feature = "embeddings")]
    #[wasm_bindgen(js_name = setEmbeddings)]
    pub fn set_embeddings(&mut self, bytes: Option<Vec<u8>>) -> Result<(), JsError> {
        let model = bytes.map(|b| crate::annotate::embed::Model::from_bytes(&b)).transpose()?;
        self.inner.set_embeddings(model);
        Ok(())
    }

    /// Whether the engine has the sentence-embedding table (the export's `matching` says the same).
    #[cfg(feature = "embeddings")]
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
        let mut whole = Whole(js_sys::Object::new());
        make_room(&self.inner);
        export_fields(self.inner.export(&options_of(options)?)?, &mut whole)?;
        Ok(whole.0.into())
    }

    /// In the page's worker: cross-references the articles, calling `onStage(name, done, total)` as each stage
    /// finishes (the `done`-th of `total`, [`corpus::STAGES`]), and posts each large array of the model to the
    /// page as `{type: "part", id, field, items}` messages as soon as each part is converted; returns the model
    /// with those arrays empty (the page puts the parts back). Throws outside a dedicated worker.
    #[wasm_bindgen(js_name = postExport)]
    pub fn post_export(&self, options: JsValue, id: f64, on_stage: &js_sys::Function) -> Result<JsValue, JsError> {
        let scope: web_sys::DedicatedWorkerGlobalScope =
            js_sys::global().dyn_into().map_err(|_| JsError::new("postExport runs only in a dedicated worker"))?;
        let options = options_of(options)?;
        make_room(&self.inner);
        let total = JsValue::from_f64(corpus::STAGES.len() as f64);
        let mut done = 0.0;
        let export = self.inner.export_observed(&options, &mut |stage| {
            done += 1.0;
            // Best effort: a progress callback that throws is ignored, and the run goes on.
            let _ = on_stage.call3(&JsValue::NULL, &JsValue::from_str(stage), &JsValue::from_f64(done), &total);
        })?;
        let mut posted = Posted { scope, id, rest: js_sys::Object::new() };
        export_fields(export, &mut posted)?;
        Ok(posted.rest.into())
    }

    /// The pairwise diff of two articles by id (schema `storylines-diff/1`).
    pub fn diff(&self, a_id: &str, b_id: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.diff(a_id, b_id, &corpus::DEFAULT_OPTIONS)?)
    }

    /// The collation table of a claim or quote group by id (schema `storylines-collation/1`), or `null`
    /// when no claim or quote group has that id.
    pub fn collate(&self, id: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.collate(id, &corpus::DEFAULT_OPTIONS)?)
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

    #[wasm_bindgen]
    impl Corpus {
        /// The same export as JSON text (identical to the CLI's output for the same inputs). Only in the bench
        /// build: serde_json's serializer of the whole model costs about 10 KB of gzipped wasm, and the page
        /// never asks for the text.
        #[wasm_bindgen(js_name = exportJson)]
        pub fn export_json(&self) -> Result<String, JsError> {
            make_room(&self.inner);
            let export = self.inner.export(&corpus::DEFAULT_OPTIONS)?;
            serde_json::to_string(&export).map_err(|e| JsError::new(&format!("cannot write the export as JSON: {e}")))
        }
    }

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

    /// A span found by a single-stage entry point (its text and value borrowed: nothing is copied before the
    /// conversion to JavaScript).
    #[derive(Serialize)]
    struct FoundSpan<'a> {
        start: u32,
        end: u32,
        text: &'a str,
        value: Option<&'a str>,
    }

    /// Time expressions of a bare `text` (no article parsing), relative ones resolved against `referenceDate`
    /// (ISO `YYYY-MM-DD`) when given; `[{start, end, text, value}]` with UTF-16 spans into `text`.
    #[wasm_bindgen(js_name = extractTimes)]
    pub fn extract_times(text: &str, reference_date: Option<String>) -> Result<JsValue, JsError> {
        let reference = reference_date.as_deref().and_then(crate::annotate::time::CivilDate::parse_iso);
        let map = crate::base::text::Utf16Map::new(text);
        let times = crate::annotate::time::extract_from_text(text, reference);
        let found: Vec<FoundSpan> = times
            .iter()
            .map(|t| {
                let s = map.span(t.range);
                FoundSpan { start: s.start, end: s.end, text: t.range.slice(text), value: t.value.as_deref() }
            })
            .collect();
        to_js(&found)
    }

    /// Entity mentions of `text` read as one article (parse + entity stage); `[{start, end, text, value}]` where
    /// `value` is the kind (`person`, `organization`, `place`).
    #[wasm_bindgen(js_name = extractEntities)]
    pub fn extract_entities(text: &str) -> Result<JsValue, JsError> {
        let Some(article) = bench_article(text) else { return to_js(&Vec::<FoundSpan>::new()) };
        let map = crate::base::text::Utf16Map::new(&article.text);
        let mentions = crate::annotate::entities::mentions(&article);
        let found: Vec<FoundSpan> = mentions
            .iter()
            .map(|m| {
                let s = map.span(m.range);
                // The kind as the export writes it (serde's camelCase names of `EntityKind`).
                let kind = match m.kind {
                    crate::annotate::entities::EntityKind::Person => "person",
                    crate::annotate::entities::EntityKind::Organization => "organization",
                    crate::annotate::entities::EntityKind::Place => "place",
                };
                FoundSpan { start: s.start, end: s.end, text: m.range.slice(&article.text), value: Some(kind) }
            })
            .collect();
        to_js(&found)
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

    /// Near-duplicates among `texts`: pairs whose word 5-shingle sets have a Jaccard similarity of at least
    /// `threshold` (0.5 when not given), by MinHash sketches and banded LSH with every candidate checked exactly
    /// (`xref::sketch`). Returns `[a, b, jaccard, …]` (indices into `texts`, `a < b`), one triple per pair.
    #[wasm_bindgen(js_name = nearDuplicates)]
    pub fn near_duplicates(texts: Vec<String>, threshold: Option<f64>) -> Vec<f64> {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut out = Vec::new();
        for p in crate::xref::sketch::near_duplicates(&refs, threshold.unwrap_or(0.5)) {
            out.extend([p.a as f64, p.b as f64, p.jaccard]);
        }
        out
    }
}
