//! The corroboration section of the real-coverage evaluation (issue 19): how many of gold's corroborated facts
//! end as one claim holding (nearly) all their articles' evidence, overall, reworded and copied, and how many
//! near misses ("the same words, a different fact") stay in separate claims; by wording alone (the loader's
//! export) and with the sentence-embedding model (`EMBEDDINGS=path`, default `data/embeddings.bin`; the
//! story is run again with it). Scored as realweb/README.md says: a claim holds an evidence text when one of
//! its sentences from that article overlaps it; a fact is found when one claim holds the evidence of 80% of
//! its articles, rounded up.

use crate::{share, verbose, Story};
use serde_json::Value;
use std::path::Path;
use storylines::annotate::embed::Model;

/// The figures of one run over all stories.
#[derive(Default)]
struct Tally {
    facts: [usize; 2],
    found: [usize; 2],
    near: usize,
    apart: usize,
    claims: usize,
    by_meaning: usize,
}

/// Prints this section's figures.
pub(crate) fn report(stories: &[Story], dev_data: &Path) {
    let table = std::env::var("EMBEDDINGS").unwrap_or_else(|_| "data/embeddings.bin".to_string());
    let model = std::fs::read(&table).ok().and_then(|b| Model::from_bytes(&b).ok());
    let mut runs = vec![("words", stories.iter().map(|s| s.export.clone()).collect::<Vec<_>>())];
    match &model {
        Some(m) => runs.push((
            "words+meaning",
            stories
                .iter()
                .map(|s| rerun(s, &dev_data.join("realweb").join(&s.name), m).unwrap_or(Value::Null))
                .collect(),
        )),
        None => println!("corroboration: no embedding table at {table} (EMBEDDINGS=path): wording only"),
    }
    for (name, exports) in runs {
        let mut t = Tally::default();
        for (story, export) in stories.iter().zip(&exports) {
            score(story, export, name, &mut t);
        }
        let [copied, reworded] = t.facts;
        println!(
            "corroboration ({name}): facts found {} of {} ({:.2}; reworded {} of {reworded}, copied {} of {copied}); near misses kept apart {} of {} ({:.2}); {} claims, {} alignments by meaning alone",
            t.found[0] + t.found[1],
            copied + reworded,
            share(t.found[0] + t.found[1], copied + reworded),
            t.found[1],
            t.found[0],
            t.apart,
            t.near,
            share(t.apart, t.near),
            t.claims,
            t.by_meaning,
        );
    }
}

/// The story run again with the model.
fn rerun(story: &Story, dir: &Path, model: &Model) -> Option<Value> {
    let (_, export) = crate::export_folder(dir, Some(model))?;
    // The loader's ids hold for this run too: the same files in the same corpus.
    let same = story
        .articles
        .iter()
        .all(|(_, id)| export["articles"].as_array().is_some_and(|a| a.iter().any(|x| x["id"] == id.as_str())));
    same.then_some(export)
}

/// The UTF-16 span of `text` in the exported article `id`.
fn span(export: &Value, id: &str, text: &str) -> Option<(usize, usize)> {
    let article = export["articles"].as_array()?.iter().find(|a| a["id"] == id)?;
    let body = article["text"].as_str()?;
    let at = body.find(text)?;
    let start = body.get(..at)?.encode_utf16().count();
    Some((start, start + text.encode_utf16().count()))
}

/// Whether a claim holds the span of article `id`: one of its sentences there overlaps it.
fn holds(export: &Value, claim: &Value, id: &str, (start, end): (usize, usize)) -> bool {
    let Some(article) = export["articles"].as_array().and_then(|a| a.iter().find(|a| a["id"] == id)) else {
        return false;
    };
    claim["sentences"].as_array().into_iter().flatten().filter(|r| r["article"] == id).any(|r| {
        let s = &article["sentences"][r["sentence"].as_u64().unwrap_or(u64::MAX) as usize];
        let (a, b) = (s["start"].as_u64().unwrap_or(0) as usize, s["end"].as_u64().unwrap_or(0) as usize);
        a < end && start < b
    })
}

fn score(story: &Story, export: &Value, run: &str, t: &mut Tally) {
    let claims = export["claims"].as_array().cloned().unwrap_or_default();
    t.claims += claims.len();
    t.by_meaning +=
        export["alignments"].as_array().into_iter().flatten().filter(|a| a["evidence"] == "meaning").count();
    for fact in story.gold["corroboration"].as_array().into_iter().flatten() {
        let evidence: Vec<(String, (usize, usize))> = fact["evidence"]
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(stem, text)| {
                let id = story.id_of(stem)?;
                Some((id.to_string(), span(export, id, text.as_str()?)?))
            })
            .collect();
        let n = fact["articles"].as_array().map_or(0, Vec::len);
        let need = (n * 4).div_ceil(5).max(2).min(n);
        let best = claims
            .iter()
            .map(|c| evidence.iter().filter(|(id, sp)| holds(export, c, id, *sp)).count())
            .max()
            .unwrap_or(0);
        let kind = usize::from(fact["reworded"] == true);
        t.facts[kind] += 1;
        if best >= need {
            t.found[kind] += 1;
        } else if verbose() {
            println!("  {run} {}: missed ({best} of {need}): {}", story.name, fact["claim"]);
        }
    }
    for near in story.gold["near_misses"].as_array().into_iter().flatten() {
        let side = |v: &Value| -> Option<(String, (usize, usize))> {
            let id = story.id_of(v[0].as_str()?)?;
            Some((id.to_string(), span(export, id, v[1].as_str()?)?))
        };
        let (Some(a), Some(b)) = (side(&near["a"]), side(&near["b"])) else { continue };
        t.near += 1;
        let merged = claims.iter().any(|c| holds(export, c, &a.0, a.1) && holds(export, c, &b.0, b.1));
        if merged {
            if verbose() {
                println!("  {run} {}: near miss merged: {}", story.name, near["why"]);
            }
        } else {
            t.apart += 1;
        }
    }
}
