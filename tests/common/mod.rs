//! Helpers shared by the integration tests: the bundled articles and export shortcuts.

#![allow(dead_code, unreachable_pub, clippy::panic)]

use std::path::{Path, PathBuf};
use storylines::{Corpus, Export, Input, DEFAULT_OPTIONS};

/// The folder of the bundled articles.
pub fn bundle_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("www/articles")
}

/// The bundled article files, sorted by name.
pub fn bundle_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(bundle_dir())
        .map(|d| {
            d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Inputs for the given files.
pub fn inputs(files: &[PathBuf]) -> Vec<Input> {
    files
        .iter()
        .map(|f| {
            let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Input::new(name, std::fs::read(f).unwrap_or_default())
        })
        .collect()
}

/// Exports a set of inputs with default options.
pub fn export(inputs: &[Input]) -> Export {
    let mut corpus = Corpus::new();
    for i in inputs {
        let _ = corpus.add(i);
    }
    match corpus.export(&DEFAULT_OPTIONS) {
        Ok(e) => e,
        Err(e) => panic!("default options are valid: {e}"),
    }
}

/// Slices `text` like JavaScript's `String.prototype.slice` with UTF-16 indices.
pub fn js_slice(text: &str, start: u32, end: u32) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (start as usize, end as usize);
    if s > e || e > units.len() {
        return None;
    }
    String::from_utf16(&units[s..e]).ok()
}
