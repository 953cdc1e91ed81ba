//! The engine's sentence embeddings against the distillation script's: `scripts/distil-embeddings.py` wrote
//! `tests/data/embed_fixture.json` (token ids and mean vectors of a few sentences) beside
//! `data/embeddings.bin`; the engine must tokenise and pool them the same way.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)]

use serde_json::Value;
use storylines::annotate::embed::Model;

fn model() -> Model {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/embeddings.bin")).unwrap_or_default();
    Model::from_bytes(&bytes).unwrap_or_else(|e| panic!("data/embeddings.bin: {e}"))
}

#[test]
fn vectors_equal_the_scripts() {
    let m = model();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/embed_fixture.json"))
        .unwrap_or_default();
    let fixture: Vec<Value> = serde_json::from_str(&text).unwrap_or_default();
    assert!(fixture.len() >= 5, "fixture has {} sentences", fixture.len());
    for case in &fixture {
        let sentence = case["sentence"].as_str().unwrap_or("");
        let want_tokens: Vec<u32> =
            case["tokens"].as_array().into_iter().flatten().filter_map(|t| t.as_u64()).map(|t| t as u32).collect();
        assert_eq!(m.tokens(sentence), want_tokens, "{sentence}");
        let want: Vec<f64> = case["vector"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
        let got = m.embed(sentence).vector;
        assert_eq!(got.len(), want.len(), "{sentence}");
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            assert!((f64::from(*g) - w).abs() < 1e-4, "{sentence}: dimension {i}: {g} against {w}");
        }
    }
}

#[test]
fn rewordings_are_closer_than_other_facts() {
    let m = model();
    let fact = m.embed("The president opened his remarks in his mother tongue.");
    let reworded = m.embed("He began the speech in the national language rather than in Russian.");
    let other = m.embed("Microsoft agreed to buy the networking site for $26.2 billion in cash.");
    assert!(fact.cosine(&reworded) > fact.cosine(&other), "{} vs {}", fact.cosine(&reworded), fact.cosine(&other));
}

/// Every token of the vocabulary is found by its own text (the look-up table holds them all, `##`
/// continuations apart from word-initial pieces).
#[test]
fn every_token_is_found_by_its_text() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/embeddings.bin")).unwrap_or_default();
    let m = model();
    let field = |at: usize| bytes.get(at..at + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let vocab = std::str::from_utf8(bytes.get(20..20 + field(16)).unwrap_or_default()).unwrap_or_default();
    let tokens: Vec<&str> = vocab.split_terminator('\n').collect();
    assert_eq!(tokens.len(), field(8));
    for (id, token) in tokens.iter().enumerate() {
        assert_eq!(m.token_id(token), Some(id as u32), "{token}");
    }
    assert_eq!(m.token_id("##"), tokens.iter().position(|t| *t == "##").map(|i| i as u32));
    assert_eq!(m.token_id("no-such-token-here"), None);
}
