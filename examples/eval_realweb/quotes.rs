//! The quotes section of the real-coverage evaluation (issue 18): quotes found, their speakers, and quote
//! groups, on the real stories of `realweb/` and on PolNeAR's dev split (`quotes/polnear_dev.jsonl`).
//!
//! Scoring rules.
//! - **Real stories** (`gold.json` `quotes`: one entry per utterance, its speaker and its variants per
//!   article). Each variant is located verbatim in the article's exported text (the first occurrence).
//!   - *found*: an engine quote of that article (direct or not) overlaps the variant.
//!   - *speaker right* (among found variants): every engine quote that overlaps the variant has a speaker
//!     entity, and that entity's canonical name or one of its aliases equals the gold speaker's canonical name
//!     or one of the gold entity's aliases (compared case-folded, with `’` read as `'` and dots dropped, so
//!     `Mr. Cosby` equals `Mr Cosby`; a gold speaker's parenthesis is left out: `Microsoft (press release)` is
//!     Microsoft). A quote split around its attribution must carry the speaker on both
//!     halves; no speaker counts as wrong.
//!   - *statements apart*: over pairs of different gold utterances of one speaker that both have a found
//!     variant, the share for which no engine quote group holds a quote of each.
//!   - *renderings grouped*: over pairs of variants of one utterance in different articles, both found, the
//!     share for which one engine quote group holds a quote overlapping each.
//! - **PolNeAR dev** (`split == "dev"`; an article annotated by several annotators is scored once, with the
//!   first annotation file of it). Scored: attributions whose content (after an optional leading `that`)
//!   opens with a quotation mark and closes with one (before final `.`/`,`/`;`/`:`): a direct quote in
//!   marks, and whose source is named. A source is named when, with a parenthesis (`(D-Wis.)`) and anything
//!   after its first comma removed, its last word is capitalised; its name is the run of capitalised words
//!   ending there (`Trump campaign spokesman Jason Miller` → `Jason Miller`; a trailing `of Place` after two
//!   capitalised words is left out: `Representative Jane Roe of New York` → `Jane Roe`). A pronoun source (`he`, `she`,
//!   any case) takes the name of the nearest preceding attribution (by the source's offset) with a named
//!   source: PolNeAR marks no gender, so this is the gold's own nearest-name reading, reported apart.
//!   - *found*: an engine quote overlaps one of the content's spans (a content split around its attribution
//!     has several spans; the attribution between them, with a title quoted in it, is not content);
//!   - *speaker right*: every overlapping engine quote has a speaker entity whose canonical name or an alias
//!     ends with the gold name's last word (case-folded, `’` as `'`), or with a spelling of it one edit apart
//!     when both have five letters or more (an article that spells one person two ways).
//!   - Not scored: an attribution whose source is in the text's first line when that line is in title case
//!     (three quarters of its words of four letters or more capitalised): there every word passes the named
//!     test (`Jane Roe Hammers Acme CEO: ‘…’`).
//!   - A pronoun does not take a named source opened by a capitalised determiner (`The Republican`, `The New
//!     York Times`): a description or a publication, not a person. `X at the Y` names X, as `X of Y` does.
//!
//! `VERBOSE=1` prints each miss and each wrong speaker.

use crate::{share, verbose, Story};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use storylines::{Corpus, Input, DEFAULT_OPTIONS};

/// Prints this section's figures.
pub(crate) fn report(stories: &[Story], dev_data: &Path) {
    let mut total = Tally::default();
    for story in stories {
        let t = score_story(story);
        println!(
            "  quotes {}: found {}/{}, speaker right {}/{}, statements apart {}/{}, renderings grouped {}/{}",
            story.name,
            t.found,
            t.variants,
            t.speaker_right,
            t.found,
            t.apart,
            t.apart_pairs,
            t.grouped,
            t.grouped_pairs
        );
        total.add(&t);
    }
    println!(
        "quotes found (real stories): {:.3} ({}/{})",
        share(total.found, total.variants),
        total.found,
        total.variants
    );
    println!(
        "quotes speaker right (real stories): {:.3} ({}/{} found)",
        share(total.speaker_right, total.found),
        total.speaker_right,
        total.found
    );
    println!(
        "quote groups statements apart (real stories): {:.3} ({}/{} pairs)",
        share(total.apart, total.apart_pairs),
        total.apart,
        total.apart_pairs
    );
    println!(
        "quote groups renderings grouped (real stories): {:.3} ({}/{} pairs)",
        share(total.grouped, total.grouped_pairs),
        total.grouped,
        total.grouped_pairs
    );
    polnear(dev_data);
}

/// Counts over real stories.
#[derive(Default)]
struct Tally {
    variants: usize,
    found: usize,
    speaker_right: usize,
    apart_pairs: usize,
    apart: usize,
    grouped_pairs: usize,
    grouped: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.variants += o.variants;
        self.found += o.found;
        self.speaker_right += o.speaker_right;
        self.apart_pairs += o.apart_pairs;
        self.apart += o.apart;
        self.grouped_pairs += o.grouped_pairs;
        self.grouped += o.grouped;
    }
}

/// One gold variant as located: its utterance, article stem and the engine quotes overlapping it.
struct Located {
    utterance: usize,
    stem: String,
    quotes: Vec<Value>,
}

/// A name folded for comparison: lowercase, `’` as `'`, no dots, single spaces.
fn fold(s: &str) -> String {
    let s: String = s.to_lowercase().replace('’', "'").replace('.', "");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// UTF-16 offset of a byte offset of `text`.
fn utf16_at(text: &str, byte: usize) -> u64 {
    text.get(..byte).map_or(0, |t| t.encode_utf16().count() as u64)
}

/// The quotes of an export's article that overlap `[start, end)` (UTF-16).
fn overlapping(export: &Value, article: &str, start: u64, end: u64) -> Vec<Value> {
    let Some(qs) = export["quotes"].as_array() else { return Vec::new() };
    qs.iter()
        .filter(|q| q["article"] == article)
        .filter(|q| q["start"].as_u64().unwrap_or(0) < end && start < q["end"].as_u64().unwrap_or(0))
        .cloned()
        .collect()
}

/// The exported entity with this id.
fn entity<'a>(export: &'a Value, id: &str) -> Option<&'a Value> {
    export["entities"].as_array()?.iter().find(|e| e["id"] == id)
}

/// Every name of an exported entity, folded.
fn entity_names(e: &Value) -> Vec<String> {
    let mut names = vec![fold(e["name"].as_str().unwrap_or(""))];
    names.extend(e["aliases"].as_array().into_iter().flatten().filter_map(Value::as_str).map(fold));
    names
}

/// Whether every quote has a speaker entity `fits` accepts.
fn speakers_fit(export: &Value, quotes: &[Value], fits: &dyn Fn(&[String]) -> bool) -> bool {
    !quotes.is_empty()
        && quotes
            .iter()
            .all(|q| q["speaker"].as_str().and_then(|id| entity(export, id)).is_some_and(|e| fits(&entity_names(e))))
}

/// The gold speaker's names: the canonical name and, when it is a gold entity, its aliases (folded).
fn gold_names(gold: &Value, speaker: &str) -> BTreeSet<String> {
    // "Microsoft (press release)" is Microsoft speaking through its release.
    let speaker = speaker.split(" (").next().unwrap_or(speaker);
    let mut names = BTreeSet::from([fold(speaker)]);
    for e in gold["entities"].as_array().into_iter().flatten().filter(|e| e["canonical"] == speaker) {
        names.extend(e["aliases"].as_array().into_iter().flatten().filter_map(Value::as_str).map(fold));
    }
    names
}

/// Which engine quote group holds a quote id.
fn group_of(export: &Value, quote: &str) -> Option<String> {
    export["quoteGroups"].as_array()?.iter().find_map(|g| {
        g["quotes"].as_array()?.iter().any(|q| q == quote).then(|| g["id"].as_str().unwrap_or("").to_string())
    })
}

/// The groups holding any of these quotes.
fn groups_of(export: &Value, quotes: &[Value]) -> BTreeSet<String> {
    quotes.iter().filter_map(|q| group_of(export, q["id"].as_str()?)).collect()
}

fn score_story(story: &Story) -> Tally {
    let mut t = Tally::default();
    let mut located: Vec<Located> = Vec::new();
    let utterances = story.gold["quotes"].as_array().cloned().unwrap_or_default();
    for (ui, u) in utterances.iter().enumerate() {
        let speaker = u["speaker"].as_str().unwrap_or("");
        let names = gold_names(&story.gold, speaker);
        for v in u["variants"].as_array().into_iter().flatten() {
            let (Some(stem), Some(words)) = (v[0].as_str(), v[1].as_str()) else { continue };
            t.variants += 1;
            let Some(id) = story.id_of(stem) else { continue };
            let text = story.article(id).and_then(|a| a["text"].as_str()).unwrap_or("");
            let Some(at) = text.find(words) else {
                println!("  quotes {}: variant not in {stem}: {words}", story.name);
                continue;
            };
            let quotes = overlapping(&story.export, id, utf16_at(text, at), utf16_at(text, at + words.len()));
            if quotes.is_empty() {
                if verbose() {
                    println!("    missed [{stem}] {speaker}: {words}");
                }
                continue;
            }
            t.found += 1;
            if speakers_fit(&story.export, &quotes, &|ns| ns.iter().any(|n| names.contains(n))) {
                t.speaker_right += 1;
            } else if verbose() {
                let got: Vec<&str> = quotes.iter().map(|q| q["speaker"].as_str().unwrap_or("-")).collect();
                println!("    wrong speaker [{stem}] {speaker} got {got:?}: {words}");
            }
            located.push(Located { utterance: ui, stem: stem.to_string(), quotes });
        }
    }
    score_groups(story, &utterances, &located, &mut t);
    t
}

/// Statements apart and renderings grouped, over the located variants.
fn score_groups(story: &Story, utterances: &[Value], located: &[Located], t: &mut Tally) {
    let groups: Vec<BTreeSet<String>> = located.iter().map(|l| groups_of(&story.export, &l.quotes)).collect();
    let speaker = |u: usize| utterances.get(u).and_then(|x| x["speaker"].as_str()).unwrap_or("");
    for (i, a) in located.iter().enumerate() {
        for (j, b) in located.iter().enumerate().skip(i + 1) {
            let (ga, gb) = (&groups[i], &groups[j]);
            if a.utterance == b.utterance && a.stem != b.stem {
                t.grouped_pairs += 1;
                if !ga.is_disjoint(gb) {
                    t.grouped += 1;
                } else if verbose() {
                    println!("    not grouped: [{}] / [{}] of {}", a.stem, b.stem, speaker(a.utterance));
                }
            }
        }
    }
    // Utterance pairs of one speaker: apart when no group holds a variant of each.
    let found: BTreeSet<usize> = located.iter().map(|l| l.utterance).collect();
    for &u in &found {
        for &w in found.iter().filter(|&&w| w > u && speaker(w) == speaker(u)) {
            t.apart_pairs += 1;
            let of = |x: usize| -> BTreeSet<String> {
                located.iter().zip(&groups).filter(|(l, _)| l.utterance == x).flat_map(|(_, g)| g.clone()).collect()
            };
            if of(u).is_disjoint(&of(w)) {
                t.apart += 1;
            } else if verbose() {
                println!("    statements joined: utterances {u} and {w} of {}", speaker(u));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// PolNeAR
// ---------------------------------------------------------------------------------------------------------

/// A scored PolNeAR attribution: the content's char span and the gold speaker's name.
struct Direct {
    /// The content's spans (a discontinuous content, `“…,” she said, “…”`, has several).
    spans: Vec<(usize, usize)>,
    name: String,
    resolved: bool,
}

/// The named head of a source text, if it is named (see the module's rules).
fn named_head(source: &str) -> Option<String> {
    let mut s = String::new();
    let mut depth = 0;
    for c in source.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => s.push(c),
            _ => {}
        }
    }
    let first = s.split(',').next().unwrap_or("");
    let caps = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    // A place or an employer after the name (`Representative Jane Roe of Ohio`, `Jane Roe at the Daily News`): the
    // name ends before `of`/`at` when two capitalised words end there (`Secretary of State Jane Roe` keeps its name).
    let first = first.replace(" at ", " of ");
    let first = first
        .split(" of ")
        .scan(String::new(), |acc, part| {
            if !acc.is_empty() {
                acc.push_str(" of ");
            }
            acc.push_str(part);
            Some(acc.clone())
        })
        .find(|head| head.split_whitespace().rev().take(2).filter(caps).count() == 2 && head.len() < first.len())
        .unwrap_or_else(|| first.clone());
    let words: Vec<&str> = first.split_whitespace().collect();
    let run: Vec<&str> = words.iter().rev().copied().take_while(|w| caps(w)).collect();
    let lower = run.first().map(|w| w.to_lowercase());
    if run.is_empty() || matches!(lower.as_deref(), Some("he" | "she" | "i" | "it" | "they" | "we")) {
        return None;
    }
    Some(run.into_iter().rev().collect::<Vec<_>>().join(" "))
}

/// Whether a named source can be the person a he/she stands for: not a name opened by a capitalised determiner
/// (`The Republican`, `The New York Times`: a description or a publication).
fn personal(name: &str) -> bool {
    !name.starts_with("The ")
}

/// Whether a char offset lies in the text's first line when that line is in title case (most of its words of
/// four letters or more capitalised): there the named-source test cannot tell a name from the headline's words.
fn in_title_case_headline(text: &str, at: usize) -> bool {
    let line: String = text.chars().take_while(|&c| c != '\n').collect();
    let long: Vec<&str> = line.split_whitespace().filter(|w| w.chars().count() >= 4).collect();
    let caps = long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    at < line.chars().count() && long.len() >= 3 && caps * 4 >= long.len() * 3
}

fn is_pronoun(source: &str) -> bool {
    matches!(source.trim().to_lowercase().as_str(), "he" | "she")
}

/// The scored attributions of one annotation file.
fn directs(rec: &Value) -> Vec<Direct> {
    let text = rec["text"].as_str().unwrap_or("");
    let chars: Vec<char> = text.chars().collect();
    let span = |r: &Value| -> Option<(usize, usize)> {
        let spans = r["spans"].as_array()?;
        Some((spans.first()?[0].as_u64()? as usize, spans.last()?[1].as_u64()? as usize))
    };
    // Named sources by offset, for pronouns.
    let mut named: Vec<(usize, String)> = rec["attributions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| Some((span(&a["source"])?.0, named_head(a["source"]["text"].as_str()?)?)))
        .collect();
    named.sort();
    let mut out = Vec::new();
    for a in rec["attributions"].as_array().into_iter().flatten() {
        let (Some((s, e)), Some((src_at, _))) = (span(&a["content"]), span(&a["source"])) else { continue };
        let spans: Vec<(usize, usize)> = a["content"]["spans"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| Some((x[0].as_u64()? as usize, x[1].as_u64()? as usize)))
            .collect();
        let content: String = chars.get(s..e).unwrap_or_default().iter().collect();
        let inner = content.trim();
        let inner = inner.strip_prefix("that ").or_else(|| inner.strip_prefix("That ")).unwrap_or(inner);
        let opens = inner.starts_with(['"', '“', '‘']);
        let closes = inner.trim_end_matches(['.', ',', ';', ':']).ends_with(['"', '”', '’']);
        if !(opens && closes) || in_title_case_headline(text, src_at) {
            continue;
        }
        let source = a["source"]["text"].as_str().unwrap_or("");
        let (name, resolved) = if is_pronoun(source) {
            match named.iter().rev().find(|(at, n)| *at < src_at && personal(n)) {
                Some((_, n)) => (n.clone(), true),
                None => continue,
            }
        } else {
            match named_head(source) {
                Some(n) => (n, false),
                None => continue,
            }
        };
        out.push(Direct { spans, name, resolved });
    }
    out
}

/// Whether two folded surnames are one: equal, or of five letters or more and one edit apart (an article that
/// spells one person two ways, `McClenney` and `McLenney`).
fn same_surname(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    if a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    // One substitution, insertion or deletion: skip the common prefix and suffix.
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    a.len().max(b.len()) <= prefix + suffix + 1
}

/// UTF-16 offset of each char offset of a text (one past the end included).
fn utf16_of_chars(text: &str) -> Vec<u64> {
    let mut map = Vec::new();
    let mut at = 0u64;
    for c in text.chars() {
        map.push(at);
        at += c.len_utf16() as u64;
    }
    map.push(at);
    map
}

/// Counts for PolNeAR, split by how the gold name was found.
#[derive(Default)]
struct PolTally {
    scored: usize,
    found: usize,
    right: usize,
    resolved_scored: usize,
    resolved_found: usize,
    resolved_right: usize,
}

fn polnear(dev_data: &Path) {
    let path = dev_data.join("quotes/polnear_dev.jsonl");
    let Ok(lines) = std::fs::read_to_string(&path) else {
        println!("quotes polnear: {} not readable", path.display());
        return;
    };
    let mut seen = BTreeSet::new();
    let mut t = PolTally::default();
    for rec in lines.lines().filter_map(|l| serde_json::from_str::<Value>(l).ok()) {
        let name = rec["filename"].as_str().unwrap_or("").to_string();
        if rec["split"] != "dev" || !seen.insert(name.clone()) {
            continue;
        }
        score_polnear(&name, &rec, &mut t);
    }
    println!(
        "quotes found (PolNeAR dev, direct, named source): {:.3} ({}/{}; {} of them through a pronoun: {}/{})",
        share(t.found, t.scored),
        t.found,
        t.scored,
        t.resolved_scored,
        t.resolved_found,
        t.resolved_scored
    );
    println!(
        "quotes speaker right (PolNeAR dev): {:.3} ({}/{} found; through a pronoun {}/{})",
        share(t.right, t.found),
        t.right,
        t.found,
        t.resolved_right,
        t.resolved_found
    );
}

fn score_polnear(name: &str, rec: &Value, t: &mut PolTally) {
    let text = rec["text"].as_str().unwrap_or("");
    let mut corpus = Corpus::new();
    let input = Input { name: format!("{name}.txt"), bytes: text.as_bytes().to_vec(), meta: Default::default() };
    if corpus.add(&input).is_err() {
        return;
    }
    let Some(export) = corpus.export(&DEFAULT_OPTIONS).ok().and_then(|e| serde_json::to_value(e).ok()) else {
        return;
    };
    let Some(id) = export["articles"][0]["id"].as_str().map(str::to_string) else { return };
    // The engine's text is the input decoded; offsets map through chars.
    let exported = export["articles"][0]["text"].as_str().unwrap_or("");
    if exported != text {
        println!("  quotes polnear {name}: exported text differs from the input; skipped");
        return;
    }
    let map = utf16_of_chars(text);
    for d in directs(rec) {
        let utf16: Option<Vec<(u64, u64)>> = d.spans.iter().map(|&(s, e)| Some((*map.get(s)?, *map.get(e)?))).collect();
        let Some(utf16) = utf16 else { continue };
        t.scored += 1;
        t.resolved_scored += usize::from(d.resolved);
        let mut quotes: Vec<Value> = Vec::new();
        for &(s, e) in &utf16 {
            for q in overlapping(&export, &id, s, e) {
                if !quotes.iter().any(|x| x["id"] == q["id"]) {
                    quotes.push(q);
                }
            }
        }
        let content: String = d
            .spans
            .iter()
            .map(|&(s, e)| text.chars().skip(s).take(e - s).collect::<String>())
            .collect::<Vec<_>>()
            .join(" … ");
        if quotes.is_empty() {
            if verbose() {
                println!("    polnear missed [{name}] {}: {content}", d.name);
            }
            continue;
        }
        t.found += 1;
        t.resolved_found += usize::from(d.resolved);
        let last = fold(d.name.split_whitespace().last().unwrap_or(""));
        let fits =
            |ns: &[String]| ns.iter().any(|n| n.split_whitespace().last().is_some_and(|l| same_surname(l, &last)));
        if speakers_fit(&export, &quotes, &fits) {
            t.right += 1;
            t.resolved_right += usize::from(d.resolved);
        } else if verbose() {
            let got: Vec<&str> = quotes.iter().map(|q| q["speaker"].as_str().unwrap_or("-")).collect();
            println!(
                "    polnear wrong speaker [{name}] {}{} got {got:?}: {content}",
                d.name,
                if d.resolved { " (pronoun)" } else { "" }
            );
        }
    }
}
