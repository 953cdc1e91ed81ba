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

/// The source tree in pipeline order: a folder, then its modules in the order data flows through them
/// (`mod` is the folder's own `mod.rs`, after its modules). A module may import only modules earlier in this
/// list, so imports point one way, back towards raw text, and no two modules import each other.
const PIPELINE: &[(&str, &[&str])] = &[
    ("base", &["text", "order", "map", "diagnostic", "error", "lexicon", "mod"]),
    ("input", &["segment", "article", "manifest", "markdown", "html", "parse", "mod"]),
    ("annotate", &["tokens", "time", "numbers", "entities", "quotes", "embed", "mod"]),
    (
        "xref",
        &[
            "boilerplate",
            "sketch",
            "align",
            "diff",
            "reuse",
            "dating",
            "claims",
            "quote_groups",
            "events",
            "contradictions",
            "collate",
            "mod",
        ],
    ),
    ("model", &["export", "corpus", "mod"]),
];

/// A module's place in [`PIPELINE`]; a name that is not a module of the folder (a type declared in its
/// `mod.rs`, such as `crate::annotate::Annotations`) is the folder's `mod`.
fn pipeline_rank(folder: &str, module: &str) -> Option<(usize, usize)> {
    let f = PIPELINE.iter().position(|(name, _)| *name == folder)?;
    let modules = PIPELINE[f].1;
    let m = modules.iter().position(|name| *name == module).unwrap_or(modules.len() - 1);
    Some((f, m))
}

/// The code of a file: comment lines and the unit-test module left out (tests may build their inputs with
/// any stage).
fn code_of(text: &str) -> String {
    let text = text.find("#[cfg(test)]\nmod tests").map_or(text, |i| &text[..i]);
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The `crate::folder::module` paths named in `code`.
fn imported_modules(code: &str) -> Vec<(String, String)> {
    let word = |s: &str| s.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or("").to_string();
    code.match_indices("crate::")
        .filter_map(|(i, _)| {
            let mut parts = code[i + "crate::".len()..].splitn(3, "::");
            Some((word(parts.next()?), word(parts.next()?)))
        })
        .collect()
}

#[test]
fn every_module_sits_in_the_pipeline_and_imports_only_earlier_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for p in src_files() {
        let rel = p.strip_prefix(&root).unwrap_or(&p).to_path_buf();
        let parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
        // A module grown into a folder of its own (`annotate/entities/mentions.rs`) sits at its folder's place.
        let (folder, module) = match parts.as_slice() {
            [folder, module] | [folder, module, _] => (folder, module),
            _ => continue,
        };
        if folder == "bin" {
            continue;
        }
        let here = PIPELINE
            .iter()
            .position(|(name, _)| name == folder)
            .and_then(|f| Some((f, PIPELINE[f].1.iter().position(|m| m == module)?)));
        let Some(here) = here else {
            wrong.push(format!("{} is not in tidy.rs's PIPELINE", rel.display()));
            continue;
        };
        for (f, m) in imported_modules(&code_of(&read(&p))) {
            if pipeline_rank(&f, &m).is_some_and(|there| there >= here) {
                wrong.push(format!("{} imports crate::{f}::{m}, which is not earlier in the pipeline", rel.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the pipeline's direction: {wrong:#?}");
}

#[test]
fn the_pipeline_check_sees_an_import_of_a_later_stage() {
    let code =
        code_of("//! see crate::model::corpus\nuse crate::xref::claims::Claim;\nuse crate::base::text::TextRange;\n");
    let imports = imported_modules(&code);
    assert_eq!(imports, [("xref".to_string(), "claims".to_string()), ("base".to_string(), "text".to_string())]);
    let align = pipeline_rank("xref", "align");
    assert!(pipeline_rank("xref", "claims") > align, "claims comes after align");
    assert!(pipeline_rank("base", "text") < align);
    assert_eq!(pipeline_rank("annotate", "Annotations"), pipeline_rank("annotate", "mod"));
}

/// The longest a function of `src/` may be, in lines from its `fn` line to its closing brace: a function
/// should read as the algorithm it implements, its steps named.
const MAX_FUNCTION_LINES: usize = 80;

/// Functions still over the limit, to be split into named steps; the list only ever shrinks.
const LONG_FUNCTIONS_TO_SPLIT: &[&str] = &[];

/// Each function of a rustfmt-formatted file with its length in lines: from a line holding `fn name` to the
/// first later line that is a lone `}` at the `fn` line's indentation.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some(at) = trimmed.find("fn ").filter(|&at| at == 0 || trimmed[..at].ends_with(' ')) else { continue };
        if trimmed.starts_with("//") || trimmed.ends_with(';') || !trimmed[at + 3..].contains('(') {
            continue;
        }
        let name: String = trimmed[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i + 1..].iter().position(|l| *l == close) {
            out.push((name, end + 2));
        }
    }
    out
}

#[test]
fn no_function_of_the_core_is_over_the_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    for p in src_files() {
        let rel = p.strip_prefix(&root).unwrap_or(&p).display().to_string();
        for (name, n) in function_lengths(&read(&p)) {
            let id = format!("{rel}::{name}");
            if n > MAX_FUNCTION_LINES && !LONG_FUNCTIONS_TO_SPLIT.contains(&id.as_str()) {
                long.push(format!("{id}: {n} lines"));
            }
        }
    }
    assert!(long.is_empty(), "functions over {MAX_FUNCTION_LINES} lines: {long:#?}");
}

#[test]
fn function_lengths_count_from_the_fn_line_to_its_closing_brace() {
    let text =
        "fn a() {\n    x();\n}\n\nimpl T {\n    pub(crate) fn b(\n        y: u8,\n    ) -> u8 {\n        y\n    }\n}\n";
    assert_eq!(function_lengths(text), [("a".to_string(), 3), ("b".to_string(), 5)]);
}
