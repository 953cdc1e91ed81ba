//! The export contract on the bundle and on bad inputs: offsets slice back as JavaScript would slice them,
//! output is deterministic, bad files become diagnostics while the others load, and the CLI prints the same
//! model as the library.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use storylines::{Corpus, Input, DEFAULT_OPTIONS};

#[test]
fn every_exported_span_slices_back_to_its_text_as_a_js_string() {
    let export = common::export(&common::inputs(&common::bundle_files()));
    assert_eq!(export.schema, "storylines/1");
    let mut checked = 0;
    for a in &export.articles {
        for s in &a.sentences {
            assert_eq!(
                common::js_slice(&a.text, s.start, s.end).as_deref(),
                Some(s.text.as_str()),
                "{} s{}",
                a.id,
                s.id
            );
            checked += 1;
        }
        for f in &a.furniture {
            assert_eq!(
                common::js_slice(&a.text, f.start, f.end).as_deref(),
                Some(f.text.as_str()),
                "{} furniture",
                a.id
            );
            checked += 1;
        }
        for p in &a.paragraphs {
            assert!(common::js_slice(&a.text, p.start, p.end).is_some(), "{} paragraph", a.id);
        }
    }
    assert!(checked > 100, "only {checked} spans checked");
}

#[test]
fn the_bundle_has_sentences_shared_across_sources() {
    let export = common::export(&common::inputs(&common::bundle_files()));
    assert!(export.alignments.len() >= 3, "{} alignments", export.alignments.len());
    for p in &export.alignments {
        assert_ne!(p.a.article, p.b.article);
        assert!(!p.shared_words.is_empty());
        assert!(p.score >= DEFAULT_OPTIONS.align_threshold);
    }
}

#[test]
fn export_is_deterministic_and_independent_of_input_order() {
    let mut inputs = common::inputs(&common::bundle_files());
    let first = serde_json::to_string(&common::export(&inputs)).unwrap_or_default();
    inputs.reverse();
    let second = serde_json::to_string(&common::export(&inputs)).unwrap_or_default();
    assert!(!first.is_empty());
    assert_eq!(first, second);
}

#[test]
fn the_observed_export_reports_every_stage_once_in_order_and_equals_the_plain_one() {
    let inputs = common::inputs(&common::bundle_files());
    let mut corpus = Corpus::new();
    for input in &inputs {
        let _ = corpus.add(input);
    }
    let mut heard = Vec::new();
    let observed = corpus.export_observed(&DEFAULT_OPTIONS, &mut |stage| heard.push(stage));
    assert_eq!(heard, storylines::model::corpus::STAGES, "the page's progress bar counts these");
    let plain = serde_json::to_string(&common::export(&inputs)).unwrap_or_default();
    let observed = serde_json::to_string(&observed.expect("the bundle exports")).unwrap_or_default();
    assert!(!plain.is_empty());
    assert_eq!(observed, plain, "observing the stages changes nothing");
}

#[test]
fn bad_inputs_become_diagnostics_and_the_rest_loads() {
    let mut inputs = common::inputs(&common::bundle_files()[..2]);
    inputs.push(Input::new("empty.txt", "   \n"));
    inputs.push(Input::new("binary.bin", vec![0u8; 64]));
    inputs.push(Input::new("latin1.txt", b"Caf\xe9 owners said the town is quiet. They were right.\n".to_vec()));
    inputs.push(Input::new("bom.txt", "\u{FEFF}A headline here\r\n\r\nA first sentence. A second one.\r\n"));
    inputs.push(inputs[0].clone());
    let export = common::export(&inputs);
    let codes: Vec<&str> = export.diagnostics.iter().map(|d| d.code).collect();
    for code in ["empty-input", "binary-input", "invalid-utf8", "duplicate-article"] {
        assert!(codes.contains(&code), "missing {code} in {codes:?}");
    }
    assert_eq!(export.articles.len(), 4, "two bundle articles, latin1 and bom");
    let bom = export.articles.iter().find(|a| a.id == "bom");
    assert_eq!(bom.map(|a| a.text.starts_with('A')), Some(true), "BOM removed");
    assert_eq!(bom.and_then(|a| a.title.clone()).as_deref(), Some("A headline here"));
}

#[test]
fn an_out_of_range_option_is_an_error_with_a_plain_message() {
    let corpus = Corpus::new();
    let mut opts = DEFAULT_OPTIONS;
    opts.align_threshold = 1.5;
    let err = corpus.export(&opts).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(err, "invalid option: alignThreshold must be between 0 and 1, not 1.5");
}

#[test]
fn cli_prints_the_same_model_as_the_library() {
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_storylines")).arg("export").arg(common::bundle_dir()).output();
    let Ok(out) = out else { panic!("the CLI runs") };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cli: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let lib = serde_json::to_value(common::export(&common::inputs(&common::bundle_files()))).unwrap_or_default();
    assert_eq!(cli, lib);
}

#[test]
fn cli_reports_misuse_on_stderr_with_exit_code_2() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_storylines")).args(["export", "--bogus"]).output();
    let Ok(out) = out else { panic!("the CLI runs") };
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown option \"--bogus\""));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever the text, parsing does not panic and every span lies inside the text on UTF-16 boundaries.
    #[test]
    fn spans_stay_on_utf16_boundaries(text in "(\\PC|[\"“”'.!?\\n\\r ]|😀|e\u{301}){0,400}") {
        let mut corpus = Corpus::new();
        let _ = corpus.add(&Input::new("p.txt", text.as_bytes()));
        let export = corpus.export(&DEFAULT_OPTIONS).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for a in &export.articles {
            for s in &a.sentences {
                prop_assert_eq!(common::js_slice(&a.text, s.start, s.end), Some(s.text.clone()));
            }
            for f in &a.furniture {
                prop_assert_eq!(common::js_slice(&a.text, f.start, f.end), Some(f.text.clone()));
            }
            for p in &a.paragraphs {
                prop_assert!(common::js_slice(&a.text, p.start, p.end).is_some(), "paragraph {}..{}", p.start, p.end);
            }
            for s in &a.sentences {
                let p = a.paragraphs.get(s.paragraph as usize);
                prop_assert!(p.is_some_and(|p| p.start <= s.start && s.end <= p.end), "sentence inside its paragraph");
            }
        }
    }

    /// The same for Markdown, whose text is a rendering of the input.
    #[test]
    fn markdown_spans_stay_on_utf16_boundaries(text in "(\\PC|[#*_`>\\[\\]()!\"“”.\\n -]|😀|e\u{301}){0,300}") {
        let mut corpus = Corpus::new();
        let _ = corpus.add(&Input::new("p.md", text.as_bytes()));
        let export = corpus.export(&DEFAULT_OPTIONS).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for a in &export.articles {
            for s in &a.sentences {
                prop_assert_eq!(common::js_slice(&a.text, s.start, s.end), Some(s.text.clone()));
            }
            for f in &a.furniture {
                prop_assert_eq!(common::js_slice(&a.text, f.start, f.end), Some(f.text.clone()));
            }
            for p in &a.paragraphs {
                prop_assert!(common::js_slice(&a.text, p.start, p.end).is_some());
            }
        }
    }
}
