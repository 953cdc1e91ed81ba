//! Replays the saved fuzz corpus and every crash input (fuzz/corpus/TARGET and fuzz/regressions/TARGET) through
//! the same entry points the fuzz targets call, on stable, as ordinary tests.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else { continue };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for f in files {
            if let Ok(bytes) = std::fs::read(&f) {
                run(&bytes);
                n += 1;
            }
        }
    }
    n
}

#[test]
fn parse_text_corpus_replays() {
    assert!(replay("parse_text", storylines::fuzzing::one_article) > 0, "the parse_text corpus is empty");
}

#[test]
fn export_many_corpus_replays() {
    assert!(replay("export_many", storylines::fuzzing::many_articles) > 0, "the export_many corpus is empty");
}

#[test]
fn parse_manifest_corpus_replays() {
    assert!(replay("parse_manifest", storylines::fuzzing::manifest) > 0, "the parse_manifest corpus is empty");
}

#[test]
fn parse_markdown_corpus_replays() {
    assert!(replay("parse_markdown", storylines::fuzzing::one_markdown) > 0, "the parse_markdown corpus is empty");
}

#[test]
fn diff_pair_corpus_replays() {
    assert!(replay("diff_pair", storylines::fuzzing::pair_diff) > 0, "the diff_pair corpus is empty");
}
