//! The reuse section of the real-coverage evaluation (issue 18, item 4): which of the gold's copy, paraphrase
//! and attributed pairs between two articles of one story the engine reports as a reuse edge, whether the
//! edge points the right way, and which edges the gold does not have.
//!
//! Rules: a gold pair is a `provenance` entry whose `from` is one of the story's articles (not
//! `external:…`) and whose kind is `copy`, `paraphrase` or `attributed`. It is **found** when an exported
//! reuse edge joins the two articles in either direction; its direction is **right** when the edge is
//! directed from the gold's `from` to its `to`, **unknown** when the edge is undirected, **wrong** when it is
//! directed the other way. An edge the gold does not have is **unsupported**, except when both articles take
//! text from one external source in the gold, one of them as a copy or paraphrase (two wire copies, or a copy
//! and an article quoting the same source, share text without one taking from the other): those are counted
//! as **siblings** and listed apart.

use crate::{share, verbose, Story};
use serde_json::Value;
use std::path::Path;

/// One gold pair of articles: `to` took text from `from`.
struct GoldPair<'g> {
    from: &'g str,
    to: &'g str,
    kind: &'g str,
}

/// What the engine said about one gold pair.
#[derive(PartialEq)]
enum Verdict {
    Missed,
    Right,
    Undirected,
    Reversed,
}

/// Figures summed over the stories.
#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    right: usize,
    undirected: usize,
    reversed: usize,
    edges: usize,
    siblings: usize,
    unsupported: usize,
}

/// Prints this section's figures.
pub(crate) fn report(stories: &[Story], _dev_data: &Path) {
    let mut t = Tally::default();
    for story in stories {
        score_story(story, &mut t);
    }
    println!(
        "reuse: gold article pairs found {}/{} = {:.2} (direction right {}, undirected {}, reversed {})",
        t.found,
        t.gold,
        share(t.found, t.gold),
        t.right,
        t.undirected,
        t.reversed
    );
    println!(
        "reuse: edges {} (on gold pairs {}, siblings of one external source {}, unsupported {}); precision {:.2} counting siblings as right, {:.2} counting them wrong",
        t.edges,
        t.edges - t.siblings - t.unsupported,
        t.siblings,
        t.unsupported,
        share(t.edges - t.unsupported, t.edges),
        share(t.edges - t.unsupported - t.siblings, t.edges)
    );
}

fn score_story(story: &Story, t: &mut Tally) {
    let gold = gold_pairs(story);
    let edges: Vec<&Value> = story.export["reuse"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
    for pair in &gold {
        let verdict = verdict(story, pair, &edges);
        t.gold += 1;
        t.found += usize::from(verdict != Verdict::Missed);
        t.right += usize::from(verdict == Verdict::Right);
        t.undirected += usize::from(verdict == Verdict::Undirected);
        t.reversed += usize::from(verdict == Verdict::Reversed);
        if verbose() && verdict != Verdict::Right {
            let what = match verdict {
                Verdict::Missed => "missed",
                Verdict::Undirected => "found, undirected",
                _ => "found, reversed",
            };
            println!("  reuse {what}: {} {} → {} ({})", story.name, pair.from, pair.to, pair.kind);
        }
    }
    for e in &edges {
        let (Some(a), Some(b)) = (stem(story, &e["from"]), stem(story, &e["to"])) else { continue };
        t.edges += 1;
        if gold.iter().any(|p| (p.from, p.to) == (a, b) || (p.from, p.to) == (b, a)) {
            continue;
        }
        let sibling = common_external_source(story, a, b);
        match sibling {
            Some(_) => t.siblings += 1,
            None => t.unsupported += 1,
        }
        if verbose() {
            let why = sibling.map_or_else(|| "unsupported".to_string(), |s| format!("siblings of {s}"));
            let evidence: Vec<&str> =
                e["evidence"].as_array().map(|v| v.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
            println!("  reuse edge not in gold ({why}): {} {a} → {b}: {}", story.name, evidence.join(" / "));
        }
    }
}

/// The gold's copy, paraphrase and attributed pairs between two articles of the story.
fn gold_pairs(story: &Story) -> Vec<GoldPair<'_>> {
    let Some(list) = story.gold["provenance"].as_array() else { return Vec::new() };
    list.iter()
        .filter_map(|p| {
            let (from, to, kind) = (p["from"].as_str()?, p["to"].as_str()?, p["kind"].as_str()?);
            let ours = story.id_of(from).is_some() && story.id_of(to).is_some();
            (ours && matches!(kind, "copy" | "paraphrase" | "attributed")).then_some(GoldPair { from, to, kind })
        })
        .collect()
}

fn verdict(story: &Story, pair: &GoldPair, edges: &[&Value]) -> Verdict {
    for e in edges {
        let (Some(a), Some(b)) = (stem(story, &e["from"]), stem(story, &e["to"])) else { continue };
        let directed = e["directed"].as_bool().unwrap_or(false);
        if (a, b) == (pair.from, pair.to) {
            return if directed { Verdict::Right } else { Verdict::Undirected };
        }
        if (a, b) == (pair.to, pair.from) {
            return if directed { Verdict::Reversed } else { Verdict::Undirected };
        }
    }
    Verdict::Missed
}

/// The gold stem of an exported article id.
fn stem<'s>(story: &'s Story, id: &Value) -> Option<&'s str> {
    story.stem_of(id.as_str()?)
}

/// An external source (`external:…`) the gold says both articles take text from, at least one of them as a
/// copy or paraphrase (the other may quote it with attribution).
fn common_external_source<'g>(story: &'g Story, a: &str, b: &str) -> Option<&'g str> {
    let list = story.gold["provenance"].as_array()?;
    let taken = |stem: &str, kinds: &[&str]| -> Vec<&'g str> {
        list.iter()
            .filter(|p| p["to"] == stem && p["kind"].as_str().is_some_and(|k| kinds.contains(&k)))
            .filter_map(|p| p["from"].as_str().filter(|f| f.starts_with("external:")))
            .collect()
    };
    let (copied, any) = (["copy", "paraphrase"], ["copy", "paraphrase", "attributed"]);
    let (copied_a, any_b) = (taken(a, &copied), taken(b, &any));
    let (copied_b, any_a) = (taken(b, &copied), taken(a, &any));
    copied_a.into_iter().find(|s| any_b.contains(s)).or_else(|| copied_b.into_iter().find(|s| any_a.contains(s)))
}
