//! Tidy checks that keep the codebase honest: module docs, the wasm boundary, no story knowledge in the engine.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn src_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_default()
}

#[test]
fn every_source_file_opens_with_a_module_doc_comment() {
    let missing: Vec<String> =
        src_files().iter().filter(|p| !read(p).starts_with("//!")).map(|p| p.display().to_string()).collect();
    assert!(missing.is_empty(), "files without a leading //! doc comment: {missing:?}");
}

#[test]
fn only_the_binding_module_names_javascript_crates() {
    let offenders: Vec<String> = src_files()
        .iter()
        .filter(|p| !p.ends_with("wasm.rs"))
        .filter(|p| {
            let t = read(p);
            ["wasm_bindgen", "js_sys", "web_sys", "serde_wasm_bindgen"].iter().any(|c| t.contains(c))
        })
        .map(|p| p.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "JS crates outside src/wasm.rs: {offenders:?}");
}

#[test]
fn no_should_panic_or_ignore_and_no_unwrap_in_the_binding() {
    let mut files = src_files();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"), &mut files);
    let needle_panic = ["#[should", "_panic]"].concat();
    let needle_ignore = ["#[ig", "nore]"].concat();
    for p in &files {
        let t = read(p);
        assert!(
            !t.contains(&needle_panic) && !t.contains(&needle_ignore),
            "{} uses should_panic or ignore",
            p.display()
        );
    }
    let binding = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/wasm.rs"));
    assert!(!binding.contains(".unwrap()") && !binding.contains(".expect("), "src/wasm.rs must not unwrap");
}

/// Distinctive proper names of the bundled story (people, outlets, organisations, weapons, accounts).
/// None of them may appear in the engine's code or data: the engine is judged on stories it has never seen.
/// Country names, capitals and demonyms are general knowledge and are not listed here.
const STORY_NAMES: &[&str] = &[
    "Tokayev",
    "Tokajew",
    "Tokaev",
    "Kassym",
    "Jomart",
    "Kasym",
    "Zomart",
    "Kemelovich",
    "Kamyzham",
    "Ishemilevich",
    "Putin",
    "Nishanov",
    "Bakhti",
    "Bennetts",
    "Drutska",
    "Visegr",
    "Czmiel",
    "Gerashchenko",
    "Zelensky",
    "Lukashenko",
    "Oreshnik",
    "Hartz",
    "Menzel",
    "Lavrov",
    "Peskov",
    "Scholz",
    "Macron",
    "Newsweek",
    "Darragh",
    "Roche",
    "CSTO",
    "Collective Security Treaty",
    "Krym Wind",
    "Corzo",
    "Bednyakov",
    "Ak Orda",
    "Interregional Cooperation Forum",
];

#[test]
fn the_engine_holds_no_name_of_the_bundled_story() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = src_files();
    // Engine data files, if any, live under data/.
    let mut data = Vec::new();
    if let Ok(entries) = fs::read_dir(root.join("data")) {
        data.extend(entries.filter_map(Result::ok).map(|e| e.path()));
    }
    files.extend(data);
    let mut hits = Vec::new();
    for p in &files {
        let t = read(p).to_lowercase();
        for name in STORY_NAMES {
            if t.contains(&name.to_lowercase()) {
                hits.push(format!("{} mentions {name}", p.display()));
            }
        }
    }
    assert!(hits.is_empty(), "story-specific names in the engine: {hits:#?}");
}
