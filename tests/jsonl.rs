//! `storylines jsonl`: story clusters as JSON Lines on stdin, one export per line on stdout, in input order;
//! a bad line becomes an error line and the run goes on (the map step of docs/SCALING.md).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `storylines jsonl` with `input` on stdin; returns the exit status and the parsed output lines.
fn run_jsonl(input: &str) -> (bool, Vec<Value>) {
    run_jsonl_with(&[], input)
}

/// Runs `storylines jsonl ARGS…` with `input` on stdin.
fn run_jsonl_with(args: &[&str], input: &str) -> (bool, Vec<Value>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_storylines"))
        .arg("jsonl")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (out.status.success(), text.lines().map(|l| serde_json::from_str(l).unwrap()).collect())
}

fn bundle_story() -> Value {
    let files = common::bundle_files();
    let articles: Vec<Value> = files
        .iter()
        .map(|f| json!({"name": f.file_name().unwrap().to_string_lossy(), "text": std::fs::read_to_string(f).unwrap()}))
        .collect();
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(common::bundle_dir().join("manifest.json")).unwrap()).unwrap();
    json!({"id": "bundle", "articles": articles, "manifest": manifest})
}

#[test]
fn each_story_line_gives_its_export_in_input_order() {
    let small = json!({"id": 7, "articles": [
        {"name": "a.txt", "text": "Rain hits the coast\n\nHeavy rain hit the coast on Monday, officials said.\n"},
        {"name": "b.txt", "text": "Coast flooded\n\nOfficials said heavy rain hit the coast on Monday.\n"}
    ]});
    let input = format!("{}\n\n{}\n", bundle_story(), small);
    let (ok, lines) = run_jsonl(&input);
    assert!(ok);
    assert_eq!(lines.len(), 2, "blank lines are skipped");
    assert_eq!(lines[0]["id"], "bundle");
    assert_eq!(lines[1]["id"], 7, "ids come back as given, whatever their JSON type");
    assert_eq!(lines[0]["export"]["schema"], "storylines/1");
    assert_eq!(lines[0]["export"]["articles"].as_array().unwrap().len(), common::bundle_files().len());
    assert_eq!(lines[1]["export"]["articles"].as_array().unwrap().len(), 2);
    assert!(lines.iter().all(|l| l.get("error").is_none()));
}

#[test]
fn a_story_line_exports_what_the_export_command_prints() {
    let (_, lines) = run_jsonl(&format!("{}\n", bundle_story()));
    let manifest = common::bundle_dir().join("manifest.json");
    let cli =
        Command::new(env!("CARGO_BIN_EXE_storylines")).arg("export").arg("--manifest").arg(&manifest).output().unwrap();
    let expected: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(lines[0]["export"], expected);
}

#[test]
fn a_story_line_matches_by_meaning_with_the_table_as_the_export_command_does() {
    let table = concat!(env!("CARGO_MANIFEST_DIR"), "/data/embeddings.bin");
    let manifest = common::bundle_dir().join("manifest.json");
    let cases = [(vec!["--embeddings", table], "words+meaning"), (vec!["--no-embeddings"], "words")];
    for (args, matching) in cases {
        let (ok, lines) = run_jsonl_with(&args, &format!("{}\n", bundle_story()));
        assert!(ok, "{args:?}");
        let cli = Command::new(env!("CARGO_BIN_EXE_storylines"))
            .arg("export")
            .args(&args)
            .arg("--manifest")
            .arg(&manifest)
            .output()
            .unwrap();
        let expected: Value = serde_json::from_slice(&cli.stdout).unwrap();
        assert_eq!(lines[0]["export"]["matching"], matching, "{args:?}");
        assert_eq!(lines[0]["export"], expected, "{args:?}");
    }
    let (ok, _) = run_jsonl_with(&["--embeddings", "/nonexistent/embeddings.bin"], "");
    assert!(!ok, "a table given by the flag that cannot be read is misuse");
}

#[test]
fn bad_lines_become_error_lines_and_the_run_goes_on() {
    let cases = [
        ("not json at all", Value::Null, "not a story"),
        (r#"{"id": "x", "articles": "nope"}"#, json!("x"), "not a story"),
        (r#"{"id": "y", "articles": [], "extra": 1}"#, json!("y"), "unknown field"),
        (r#"{"id": "z", "articles": [], "manifest": {"articles": 3}}"#, json!("z"), "manifest"),
    ];
    for (line, id, needle) in cases {
        let input = format!("{line}\n{}\n", json!({"id": "after", "articles": []}));
        let (ok, lines) = run_jsonl(&input);
        assert!(ok, "{line}");
        assert_eq!(lines.len(), 2, "{line}");
        assert_eq!(lines[0]["id"], id, "{line}");
        let error = lines[0]["error"].as_str().unwrap_or_default();
        assert!(error.contains(needle), "{line}: {error}");
        assert!(lines[0].get("export").is_none(), "{line}");
        assert_eq!(lines[1]["id"], "after", "{line}");
        assert!(lines[1]["export"].is_object(), "{line}");
    }
}

#[test]
fn an_invalid_option_is_misuse_not_an_error_line() {
    let out = Command::new(env!("CARGO_BIN_EXE_storylines"))
        .args(["jsonl", "--threshold", "2"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid option"));
}
