//! The real-coverage evaluation (issue 18): runs the whole engine on the real multi-outlet stories of
//! `realweb/` and on the public corpora beside it (none of it in the repository), and prints every figure of
//! docs/ACCURACY.md's "Real coverage" table in one run.
//!
//! `cargo run --release --example eval_realweb -- ../shared/dev-data` (the dev-data folder);
//! `VERBOSE=1` prints each miss and each wrong finding; `ONLY=quotes,dates` runs some sections.
//!
//! Each section is a module with one `report` function that prints its figures as `name: value (detail)`
//! lines; this file only loads the stories and runs the engine once per story.

mod contradictions;
mod corroboration;
mod dates;
mod entities;
mod events;
mod headlines;
mod quotes;
mod reuse;

use serde_json::Value;
use std::path::{Path, PathBuf};
use storylines::annotate::embed::Model;
use storylines::{Corpus, Input, Manifest, DEFAULT_OPTIONS};

/// One real story: its gold, its articles' texts and the engine's export as JSON.
#[allow(dead_code)] // the sections read these as they are written
pub(crate) struct Story {
    /// The folder name, e.g. `macron-elected`.
    pub(crate) name: String,
    /// `gold.json` as written (see realweb/README.md for the schema).
    pub(crate) gold: Value,
    /// Each article's file stem (`01_latimes`) with the engine's article id for it.
    pub(crate) articles: Vec<(String, String)>,
    /// The engine's export (`storylines export --manifest … folder`), as JSON.
    pub(crate) export: Value,
}

#[allow(dead_code)] // the sections use these as they are written
impl Story {
    /// The engine's article id of a gold stem.
    pub(crate) fn id_of(&self, stem: &str) -> Option<&str> {
        self.articles.iter().find(|(s, _)| s == stem).map(|(_, id)| id.as_str())
    }

    /// The gold stem of an engine article id.
    pub(crate) fn stem_of(&self, id: &str) -> Option<&str> {
        self.articles.iter().find(|(_, i)| i == id).map(|(s, _)| s.as_str())
    }

    /// The exported article with this engine id.
    pub(crate) fn article(&self, id: &str) -> Option<&Value> {
        self.export["articles"].as_array()?.iter().find(|a| a["id"] == id)
    }
}

/// Whether `VERBOSE` is set: sections then print each miss.
#[allow(dead_code)]
pub(crate) fn verbose() -> bool {
    std::env::var_os("VERBOSE").is_some()
}

/// `part / whole` as a share, 0 for an empty whole.
#[allow(dead_code)]
pub(crate) fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn main() {
    let mut root = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/dev-data"));
    if root.ends_with("realweb") {
        root.pop();
    }
    let stories = load_stories(&root.join("realweb"));
    if stories.is_empty() {
        eprintln!("no stories under {}/realweb: give the dev-data folder", root.display());
        std::process::exit(2);
    }
    let only = std::env::var("ONLY").unwrap_or_default();
    let run = |section: &str| only.is_empty() || only.split(',').any(|s| s == section);
    println!("real stories: {} ({} articles)", stories.len(), stories.iter().map(|s| s.articles.len()).sum::<usize>());
    if run("quotes") {
        quotes::report(&stories, &root);
    }
    if run("entities") {
        entities::report(&stories, &root);
    }
    if run("dates") {
        dates::report(&stories, &root);
    }
    if run("reuse") {
        reuse::report(&stories, &root);
    }
    if run("contradictions") {
        contradictions::report(&stories, &root);
    }
    if run("headlines") {
        headlines::report(&stories, &root);
    }
    if run("events") {
        events::report(&stories, &root);
    }
    if run("corroboration") {
        corroboration::report(&stories, &root);
    }
}

/// Every story folder under `realweb/` (those with a `gold.json`), in name order, run through the engine.
fn load_stories(dir: &Path) -> Vec<Story> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("gold.json").is_file()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs.iter().filter_map(|d| load_story(d)).collect()
}

/// One story: its manifest's files added to a corpus with their manifest entries, exported as JSON.
fn load_story(dir: &Path) -> Option<Story> {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).ok()?).ok()?;
    let (manifest, export) = export_folder(dir, None)?;
    let articles = manifest
        .articles
        .iter()
        .filter_map(|entry| {
            let a = export["articles"].as_array()?.iter().find(|a| a["file"] == entry.file.as_str())?;
            Some((entry.file.trim_end_matches(".txt").to_string(), a["id"].as_str()?.to_string()))
        })
        .collect();
    Some(Story { name: dir.file_name()?.to_string_lossy().into_owned(), gold, articles, export })
}

/// The engine's export, as JSON, of the articles that a folder's `manifest.json` lists, each added with its
/// manifest entry (as `storylines export --manifest`), with the sentence-embedding model when one is given.
pub(crate) fn export_folder(dir: &Path, model: Option<&Model>) -> Option<(Manifest, Value)> {
    let manifest = Manifest::from_json(&std::fs::read_to_string(dir.join("manifest.json")).ok()?).ok()?;
    let mut corpus = Corpus::new();
    corpus.set_embeddings(model.cloned());
    for entry in &manifest.articles {
        let bytes = std::fs::read(dir.join(&entry.file)).ok()?;
        corpus.add(&Input { name: entry.file.clone(), bytes, meta: entry.clone() }).ok()?;
    }
    let export = serde_json::to_value(corpus.export(&DEFAULT_OPTIONS).ok()?).ok()?;
    Some((manifest, export))
}
