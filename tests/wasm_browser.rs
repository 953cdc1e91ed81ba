//! What only a real browser shows, run by `wasm-pack test --headless --chrome`: exported UTF-16 offsets slice
//! the browser's own strings correctly around emoji, combining marks and other non-ASCII text.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect};
use storylines::wasm::Corpus;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn offsets_slice_browser_strings_around_emoji_and_combining_marks() {
    let text = "Cafe\u{301} 😀 owners met on Friday. The me\u{301}tro closed — again! 👩‍👩‍👧 Families said “no”.\n";
    let mut c = Corpus::new();
    assert!(c.add_text("emoji.txt", text).is_ok());
    let export = c.export(JsValue::UNDEFINED).unwrap_or(JsValue::NULL);
    let articles: Array = get(&export, "articles").unchecked_into();
    let a = articles.get(0);
    let js_text: JsString = get(&a, "text").unchecked_into();
    assert_eq!(String::from(js_text.clone()), text);
    let sentences: Array = get(&a, "sentences").unchecked_into();
    assert_eq!(sentences.length(), 3);
    for s in sentences.iter() {
        let start = get(&s, "start").as_f64().unwrap_or(-1.0) as u32;
        let end = get(&s, "end").as_f64().unwrap_or(-1.0) as u32;
        let sliced = String::from(js_text.slice(start, end));
        assert_eq!(Some(sliced), get(&s, "text").as_string());
    }
    let last = sentences.get(2);
    assert_eq!(get(&last, "text").as_string().as_deref(), Some("👩‍👩‍👧 Families said “no”."));
}

#[wasm_bindgen_test]
fn the_engine_runs_in_the_browser_on_many_articles() {
    let mut c = Corpus::new();
    for i in 0..20 {
        let t = format!(
            "Report {i}\n\nThe council approved the new bridge on Monday. Officials in district {i} disagreed.\n"
        );
        assert!(c.add_text(&format!("r{i:02}.txt"), &t).is_ok());
    }
    assert_eq!(c.article_count(), 20);
    let export = c.export(JsValue::UNDEFINED).unwrap_or(JsValue::NULL);
    let pairs: Array = get(&export, "alignments").unchecked_into();
    assert!(pairs.length() >= 19, "the shared sentence aligns across the twenty reports");
}
