//! Golden files of the parsed bundle and of the fixtures under tests/data/ (described in tests/data/README.md):
//! one readable summary per article under tests/data/expected/, reviewed by a person.
//! `UPDATE_EXPECT=1 cargo test --test golden` rewrites them after a deliberate change.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use expect_test::expect_file;
use std::fmt::Write;

fn summary(export: &storylines::Export, id: &str) -> String {
    let mut out = String::new();
    let Some(a) = export.articles.iter().find(|a| a.id == id) else { return format!("no article {id}") };
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "null".to_string());
    let _ = writeln!(out, "id:        {}", a.id);
    let _ = writeln!(out, "title:     {}", show(&a.title));
    let _ = writeln!(out, "authors:   {:?}", a.authors);
    let _ = writeln!(out, "published: {}", show(&a.published));
    let _ = writeln!(out, "outlet:    {}", show(&a.outlet));
    let _ = writeln!(out, "language:  {}", show(&a.language));
    let _ = writeln!(out, "url:       {}", show(&a.url));
    let _ = writeln!(out, "format:    {:?}", a.format);
    let diags: Vec<String> =
        export.diagnostics.iter().filter(|d| d.article.as_deref() == Some(id)).map(|d| d.code.to_string()).collect();
    let _ = writeln!(out, "diagnostics: {diags:?}");
    let _ = writeln!(out, "\nfurniture:");
    for f in &a.furniture {
        let _ = writeln!(out, "  {:<12} {}", format!("{:?}", f.kind), f.text);
    }
    let _ = writeln!(out, "\nsentences:");
    for s in &a.sentences {
        let kind = a.paragraphs.get(s.paragraph as usize).map(|p| format!("{:?}", p.kind)).unwrap_or_default();
        let _ = writeln!(out, "  [{:>2}] p{:<2} {:<8} {}", s.id, s.paragraph, kind, s.text);
    }
    out
}

#[test]
fn bundled_articles_parse_as_reviewed() {
    let files = common::bundle_files();
    assert_eq!(files.len(), 5, "the bundle has five articles");
    let export = common::export(&common::inputs(&files));
    for a in &export.articles {
        let path = format!("data/expected/bundle.{}.txt", a.id);
        expect_file![path].assert_eq(&summary(&export, &a.id));
    }
}

#[test]
fn fixtures_parse_as_reviewed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("case")))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    assert!(files.len() >= 3, "at least three fixtures");
    // Each fixture on its own, so that no cross-article rule mixes them.
    for f in &files {
        let export = common::export(&common::inputs(std::slice::from_ref(f)));
        let Some(a) = export.articles.first() else { panic!("{} did not parse", f.display()) };
        let path = format!("data/expected/{}.txt", a.id);
        let mut text = summary(&export, &a.id);
        let _ = writeln!(text, "\ntext:\n{}", a.text);
        expect_file![path].assert_eq(&text);
    }
}
