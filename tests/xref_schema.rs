//! Every export (the bundle, the fixture clusters), the pairwise diff and a collation validate against
//! `schema/storylines.schema.json`; an export loads back (JSON round trip) to the same model.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use serde_json::Value;
use std::path::Path;
use storylines::{Corpus, Input, Manifest, DEFAULT_OPTIONS};

fn schema() -> Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/storylines.schema.json"))
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn check(instance: &Value, def: Option<&str>) {
    let mut s = schema();
    if let Some(d) = def {
        // Validate against one of the $defs, keeping the $defs for references.
        let defs = s["$defs"].clone();
        s = s["$defs"][d].clone();
        s["$defs"] = defs;
    }
    let validator = jsonschema::validator_for(&s);
    assert!(validator.is_ok(), "the schema itself is invalid: {:?}", validator.err());
    if let Ok(v) = validator {
        let errors: Vec<String> =
            v.iter_errors(instance).take(10).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

fn clusters() -> Corpus {
    let mut corpus = Corpus::new();
    for name in ["bridge", "port"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/clusters").join(name);
        let manifest = Manifest::from_json(&std::fs::read_to_string(dir.join("manifest.json")).unwrap_or_default())
            .unwrap_or_default();
        for e in &manifest.articles {
            let bytes = std::fs::read(dir.join(&e.file)).unwrap_or_default();
            let _ = corpus.add(&Input { name: e.file.clone(), bytes, meta: e.clone() });
        }
    }
    corpus
}

#[test]
fn exports_validate_and_round_trip() {
    let bundle = serde_json::to_value(common::export(&common::inputs(&common::bundle_files()))).unwrap_or(Value::Null);
    check(&bundle, None);
    let text = serde_json::to_string(&bundle).unwrap_or_default();
    let back: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    assert_eq!(back, bundle);
    let c = clusters();
    let x = serde_json::to_value(c.export(&DEFAULT_OPTIONS).ok()).unwrap_or(Value::Null);
    check(&x, None);
    for s in x["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|a| a["sentences"].as_array().cloned().unwrap_or_default())
    {
        assert!(s["agreement"].is_object(), "every sentence has an agreement");
    }
}

#[test]
fn diff_and_collation_validate() {
    let c = clusters();
    let d = serde_json::to_value(c.diff("gazette", "courier", &DEFAULT_OPTIONS).ok()).unwrap_or(Value::Null);
    check(&d, Some("diff"));
    assert!(d["matched"].as_array().is_some_and(|m| !m.is_empty()));
    let x = serde_json::to_value(c.export(&DEFAULT_OPTIONS).ok()).unwrap_or(Value::Null);
    let id = x["claims"][0]["id"].as_str().unwrap_or("").to_string();
    let t = serde_json::to_value(c.collate(&id, &DEFAULT_OPTIONS).ok().flatten()).unwrap_or(Value::Null);
    check(&t, Some("collation"));
    assert_eq!(c.collate("claim:nope:0", &DEFAULT_OPTIONS).ok().flatten().map(|_| ()), None);
    assert!(c.diff("gazette", "nope", &DEFAULT_OPTIONS).is_err());
}
