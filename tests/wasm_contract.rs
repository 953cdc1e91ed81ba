//! The JavaScript-facing contract of the wasm binding, run by `wasm-pack test --node`: camelCase field names,
//! `null` versus missing, thrown error messages, diagnostics instead of throws for bad input, and every part of
//! the model as `JSON.parse` of the CLI's JSON would give it.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use storylines::wasm::{default_options, Corpus};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn has(v: &JsValue, key: &str) -> bool {
    Reflect::has(v, &JsValue::from_str(key)).unwrap_or(false)
}

fn export_of(texts: &[(&str, &str)]) -> JsValue {
    let mut c = Corpus::new();
    for (name, text) in texts {
        assert!(c.add_text(name, text).is_ok());
    }
    c.export(JsValue::UNDEFINED).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen_test]
fn fields_are_camel_case_and_absent_values_are_null() {
    let export = export_of(&[("a.txt", "A headline without a stop\n\nOne sentence here. Another one follows.\n")]);
    assert_eq!(get(&export, "schema").as_string().as_deref(), Some("storylines/1"));
    let articles: Array = get(&export, "articles").unchecked_into();
    let a = articles.get(0);
    assert_eq!(get(&a, "id").as_string().as_deref(), Some("a"));
    assert!(has(&a, "contentHash"), "camelCase key contentHash");
    assert!(!has(&a, "content_hash"));
    assert!(has(&a, "published") && get(&a, "published").is_null(), "published is present and null");
    assert!(get(&a, "outlet").is_null());
    assert!(Array::is_array(&get(&a, "authors")));
    let sentences: Array = get(&a, "sentences").unchecked_into();
    assert_eq!(sentences.length(), 3);
}

#[wasm_bindgen_test]
fn bad_input_comes_back_as_diagnostics_not_throws() {
    let mut c = Corpus::new();
    assert_eq!(c.add_text("empty.txt", "  ").ok().flatten(), None);
    assert!(c.add_bytes("bad.txt", b"Valid start \xff then more text. And a second sentence.").is_ok());
    let export = c.export(JsValue::NULL).unwrap_or(JsValue::NULL);
    let diags: Array = get(&export, "diagnostics").unchecked_into();
    let codes: Vec<String> = diags.iter().filter_map(|d| get(&d, "code").as_string()).collect();
    assert!(codes.contains(&"empty-input".to_string()), "{codes:?}");
    assert!(codes.contains(&"invalid-utf8".to_string()), "{codes:?}");
    let d = diags.get(0);
    assert!(has(&d, "severity") && has(&d, "message") && has(&d, "article"));
}

#[wasm_bindgen_test]
fn misuse_throws_an_error_with_a_readable_message() {
    let c = Corpus::new();
    let opts = js_sys::Object::new();
    let _ = Reflect::set(&opts, &JsValue::from_str("alignThreshold"), &JsValue::from_f64(3.0));
    let err = c.export(opts.into()).err().map(JsValue::from);
    let message = err.as_ref().map(|e| get(e, "message").as_string().unwrap_or_default()).unwrap_or_default();
    assert_eq!(message, "invalid option: alignThreshold must be between 0 and 1, not 3");
    let mut c = Corpus::new();
    let err = c.set_manifest(JsValue::from_str("{not json")).err().map(JsValue::from);
    let message = err.as_ref().map(|e| get(e, "message").as_string().unwrap_or_default()).unwrap_or_default();
    assert!(message.starts_with("the manifest cannot be read"), "{message}");
    let err = c.remove_article("nope").err().map(JsValue::from);
    let message = err.as_ref().map(|e| get(e, "message").as_string().unwrap_or_default()).unwrap_or_default();
    assert_eq!(message, "no article with id \"nope\" is loaded");
}

#[wasm_bindgen_test]
fn unknown_options_are_rejected_and_defaults_are_published() {
    let c = Corpus::new();
    let opts = js_sys::Object::new();
    let _ = Reflect::set(&opts, &JsValue::from_str("threshhold"), &JsValue::from_f64(0.5));
    assert!(c.export(opts.into()).is_err());
    let d = default_options().unwrap_or(JsValue::NULL);
    assert!(get(&d, "alignThreshold").as_f64().is_some());
}

/// Two reports of one event with a date, numbers, a quote with its speaker, people, places and a reworded
/// sentence: every part of the model has items.
const RICH: [(&str, &str); 2] = [
    (
        "a.txt",
        "Flood closes the valley road\n\nBy Mira Olsen\n\nRiverton, 3 March 2024. The valley road was closed on Sunday \
         after 40 millimetres of rain fell in six hours, the Riverton council said. \"We expect it to reopen within \
         two days,\" said Tomas Berg, the council's head of roads. About 200 homes lost power.\n",
    ),
    (
        "b.txt",
        "Valley road shut by flood\n\nRiverton, 4 March 2024. The valley road was shut on Sunday after 45 millimetres \
         of rain fell in six hours, the Riverton council said. \"We expect it to reopen within two days,\" Berg said. \
         About 200 homes lost power.\n",
    ),
];

/// JSON text of a JavaScript value (keys in insertion order, as the serializer writes them).
fn stringify(v: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string())
}

/// The export of the same articles by the core, as the CLI writes it (serde_json), then `JSON.parse`d.
fn json_export_of(texts: &[(&str, &str)]) -> JsValue {
    let mut core = storylines::Corpus::new();
    for (name, text) in texts {
        assert!(core.add(&storylines::Input::new(*name, text.as_bytes().to_vec())).is_ok());
    }
    let json = core.export(&storylines::DEFAULT_OPTIONS).ok().and_then(|e| serde_json::to_string(&e).ok());
    js_sys::JSON::parse(&json.unwrap_or_default()).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen_test]
fn every_part_of_the_model_equals_its_json_rendering() {
    for texts in [&RICH[..], &[("x.txt", "Heading line\n\nThe first fact. The second fact.\n")]] {
        same_as_json(texts);
    }
}

/// Checks each field of the export object against the CLI's JSON of the same articles.
fn same_as_json(texts: &[(&str, &str)]) {
    let from_json = json_export_of(texts);
    let object = export_of(texts);
    let keys_of = |v: &JsValue| js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>());
    let keys = keys_of(&from_json);
    assert_eq!(keys.length(), keys_of(&object).length());
    for key in keys.iter().filter_map(|k| k.as_string()) {
        let (a, b) = (get(&from_json, &key), get(&object, &key));
        if let Some(items) = a.dyn_ref::<Array>() {
            let may_be_empty = texts.len() < 2 || key == "contradictions" || key == "diagnostics";
            assert!(items.length() > 0 || may_be_empty, "{key} has items");
        }
        assert_eq!(stringify(&a), stringify(&b), "{key}");
    }
}

#[wasm_bindgen_test]
fn a_manifest_is_read_from_its_text_or_from_the_object() {
    let text = r#"{"articles":[{"file":"a.txt","outlet":"Valley Post","published":"2024-03-03"}]}"#;
    let object = js_sys::JSON::parse(text).unwrap_or(JsValue::NULL);
    let mut outlets = Vec::new();
    for manifest in [JsValue::from_str(text), object] {
        let mut c = Corpus::new();
        assert!(c.set_manifest(manifest).is_ok());
        assert!(c.add_text(RICH[0].0, RICH[0].1).is_ok());
        let export = c.export(JsValue::UNDEFINED).unwrap_or(JsValue::NULL);
        let articles: Array = get(&export, "articles").unchecked_into();
        outlets.push(stringify(&get(&articles.get(0), "outlet")));
    }
    assert_eq!(outlets[0], outlets[1]);
    assert!(outlets[0].as_deref().is_some_and(|o| o.contains("Valley Post")), "{outlets:?}");
    let no_file = js_sys::JSON::parse(r#"{"articles":[{"outlet":"X"}]}"#).unwrap_or(JsValue::NULL);
    let err = Corpus::new().set_manifest(no_file).err().map(JsValue::from);
    let message = err.as_ref().map(|e| get(e, "message").as_string().unwrap_or_default()).unwrap_or_default();
    assert_eq!(message, "the manifest cannot be read: entry 1 has no \"file\"");
}

#[wasm_bindgen_test]
fn post_export_needs_a_worker() {
    let c = Corpus::new();
    let err = c.post_export(JsValue::UNDEFINED, 1.0, &js_sys::Function::new_no_args("")).err().map(JsValue::from);
    let message = err.as_ref().map(|e| get(e, "message").as_string().unwrap_or_default()).unwrap_or_default();
    assert_eq!(message, "postExport runs only in a dedicated worker");
}

#[wasm_bindgen_test]
fn cross_reference_fields_diff_and_collate() {
    let mut c = Corpus::new();
    let a =
        "Bridge opens\n\nEngineers finished the northern river crossing after four years of delays and rising costs.\n";
    let b =
        "Bridge done\n\nEngineers completed the northern river crossing after four years of delays and rising costs.\n";
    assert!(c.add_text("a.txt", a).is_ok());
    assert!(c.add_text("b.txt", b).is_ok());
    let export = c.export(JsValue::UNDEFINED).unwrap_or(JsValue::NULL);
    for key in ["claims", "contradictions", "quoteGroups", "reuse", "stories", "events"] {
        assert!(Array::is_array(&get(&export, key)), "{key} is an array");
    }
    let articles: Array = get(&export, "articles").unchecked_into();
    let sentences: Array = get(&articles.get(0), "sentences").unchecked_into();
    let agreement = get(&sentences.get(1), "agreement");
    assert!(has(&agreement, "independentSources"));
    let claims: Array = get(&export, "claims").unchecked_into();
    assert_eq!(claims.length(), 1);
    let id = get(&claims.get(0), "id").as_string().unwrap_or_default();
    let table = c.collate(&id).unwrap_or(JsValue::NULL);
    assert_eq!(get(&table, "schema").as_string().as_deref(), Some("storylines-collation/1"));
    assert!(c.collate("claim:none:0").map(|v| v.is_null()).unwrap_or(false));
    let d = c.diff("a", "b").unwrap_or(JsValue::NULL);
    let matched: Array = get(&d, "matched").unchecked_into();
    assert_eq!(matched.length(), 1);
    assert!(has(&d, "onlyA") && has(&d, "onlyB"));
    assert!(c.diff("a", "missing").is_err());
}
