//! The JavaScript-facing contract of the wasm binding, run by `wasm-pack test --node`: camelCase field names,
//! `null` versus missing, thrown error messages, diagnostics instead of throws for bad input.

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
    let err = c.set_manifest("{not json").err().map(JsValue::from);
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

#[wasm_bindgen_test]
fn export_json_matches_the_object_export() {
    let mut c = Corpus::new();
    assert!(c.add_text("x.txt", "Heading line\n\nThe first fact. The second fact.\n").is_ok());
    let json = c.export_json().unwrap_or_default();
    let parsed = js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL);
    let obj = c.export(JsValue::UNDEFINED).unwrap_or(JsValue::NULL);
    let s1 = js_sys::JSON::stringify(&parsed).ok().and_then(|s| s.as_string());
    let s2 = js_sys::JSON::stringify(&obj).ok().and_then(|s| s.as_string());
    assert_eq!(s1, s2);
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
