//! The entities section of the real-coverage evaluation (issue 18): how the engine's entities merge the
//! aliases of one real entity, keep different entities apart and type them, on the real stories; cross-article
//! linking on ECB+ clusters; and whether each person of the bundled sample ends in one entity.
//!
//! Real stories: each gold alias (as written) is found in the articles the gold lists for its entity (whole
//! words, case kept; an occurrence inside a longer alias of another entity is left out, so "Doe" inside
//! "Jane Doe" is Jane's; of an alias "Town, State" only the town counts, the state being a place of its own). An engine mention that overlaps an occurrence is that alias's mention.
//! - alias pairs merged: pairs of distinct aliases of one gold entity, both found, whose mentions all end in one
//!   engine entity (the headline figure); also over (article, alias) nodes, which counts cross-outlet merges;
//! - wrong merges: engine entities holding mentions of two different gold entities;
//! - kind accuracy: the kind of the engine entity holding most of a gold entity's mentions against the gold kind.
//!
//! ECB+: gold mentions of people, organisations and places (`HUMAN_PART_PER`, `HUMAN_PART_ORG`, `LOC_*`) with
//! a cross-document chain, written as a proper name, matched to the engine's mentions by character overlap;
//! pairwise precision and recall of "same entity" decisions between matched mentions of different articles.
//!
//! Bundle: the sample's hand-written gold (`tests/gold/bundle.entities.json`): each person's forms in each
//! article should all end in one engine entity.

use crate::{share, verbose, Story};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use storylines::{Corpus, Input, DEFAULT_OPTIONS};

/// Prints this section's figures.
pub(crate) fn report(stories: &[Story], dev_data: &Path) {
    let mut total = RealScores::default();
    for story in stories {
        let s = score_story(story);
        if verbose() {
            for w in &s.wrong {
                println!("  wrong merge [{}]: {w}", story.name);
            }
            for m in &s.split {
                println!("  split [{}]: {m}", story.name);
            }
            for k in &s.kind_misses {
                println!("  kind [{}]: {k}", story.name);
            }
        }
        println!(
            "entities [{}]: alias pairs merged {}/{}, wrong merges {}, kinds right {}/{}",
            story.name,
            s.pairs_merged,
            s.pairs,
            s.wrong.len(),
            s.kinds_right,
            s.kinds
        );
        total.add(s);
    }
    println!(
        "entities: aliases found {:.3} ({}/{})",
        share(total.aliases_found, total.aliases),
        total.aliases_found,
        total.aliases
    );
    println!(
        "entities: alias pairs merged {:.3} ({}/{}); (article, alias) pairs merged {:.3} ({}/{})",
        share(total.pairs_merged, total.pairs),
        total.pairs_merged,
        total.pairs,
        share(total.node_pairs_merged, total.node_pairs),
        total.node_pairs_merged,
        total.node_pairs
    );
    println!("entities: wrong merges {} (engine entities holding two gold entities)", total.wrong.len());
    println!(
        "entities: kind accuracy {:.3} ({}/{})",
        share(total.kinds_right, total.kinds),
        total.kinds_right,
        total.kinds
    );
    ecb_report(dev_data);
    bundle_report();
}

// ---------------------------------------------------------------------------------------------------------
// Real stories
// ---------------------------------------------------------------------------------------------------------

#[derive(Default)]
struct RealScores {
    aliases: usize,
    aliases_found: usize,
    pairs: usize,
    pairs_merged: usize,
    node_pairs: usize,
    node_pairs_merged: usize,
    wrong: Vec<String>,
    split: Vec<String>,
    kinds: usize,
    kinds_right: usize,
    kind_misses: Vec<String>,
}

impl RealScores {
    fn add(&mut self, o: RealScores) {
        self.aliases += o.aliases;
        self.aliases_found += o.aliases_found;
        self.pairs += o.pairs;
        self.pairs_merged += o.pairs_merged;
        self.node_pairs += o.node_pairs;
        self.node_pairs_merged += o.node_pairs_merged;
        self.wrong.extend(o.wrong);
        self.split.extend(o.split);
        self.kinds += o.kinds;
        self.kinds_right += o.kinds_right;
        self.kind_misses.extend(o.kind_misses);
    }
}

/// One gold alias written in one article: (gold entity index, alias, UTF-16 start, UTF-16 end).
struct Occurrence {
    entity: usize,
    alias: String,
    start: usize,
    end: usize,
}

/// UTF-16 offsets of the whole-word occurrences of `needle` in `text`.
fn whole_word_occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(needle)
        .filter(|(b, _)| {
            let before = text.get(..*b).and_then(|s| s.chars().next_back());
            let after = text.get(b + needle.len()..).and_then(|s| s.chars().next());
            !is_word(before) && !is_word(after)
        })
        .map(|(b, _)| {
            let s = text.get(..b).map_or(0, |p| p.encode_utf16().count());
            (s, s + needle.encode_utf16().count())
        })
        .collect()
}

/// The gold aliases' occurrences in one article (those inside a longer occurrence of another entity left out).
fn occurrences(gold: &[Value], stem: &str, text: &str) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (ei, e) in gold.iter().enumerate() {
        let listed = e["articles"].as_array().is_some_and(|a| a.iter().any(|s| s == stem));
        if !listed {
            continue;
        }
        for alias in e["aliases"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            // "Town, State" names the town: the state is a place of its own, which the engine may find apart.
            let head = alias.split(", ").next().unwrap_or(alias);
            for (start, _) in whole_word_occurrences(text, alias) {
                let end = start + head.encode_utf16().count();
                out.push(Occurrence { entity: ei, alias: alias.to_string(), start, end });
            }
        }
    }
    let inside_other = |o: &Occurrence| {
        out.iter()
            .any(|p| p.entity != o.entity && p.start <= o.start && o.end <= p.end && p.end - p.start > o.end - o.start)
    };
    let keep: Vec<bool> = out.iter().map(|o| !inside_other(o)).collect();
    out.into_iter().zip(keep).filter(|(_, k)| *k).map(|(o, _)| o).collect()
}

/// The engine's entity mentions of one article: (start, end, entity id, kind).
fn engine_mentions<'a>(export: &'a Value, article: &str) -> Vec<(usize, usize, &'a str, &'a str)> {
    let mut out = Vec::new();
    for e in export["entities"].as_array().into_iter().flatten() {
        let (Some(id), Some(kind)) = (e["id"].as_str(), e["kind"].as_str()) else { continue };
        for m in e["mentions"].as_array().into_iter().flatten().filter(|m| m["article"] == article) {
            let (Some(s), Some(en)) = (m["start"].as_u64(), m["end"].as_u64()) else { continue };
            out.push((s as usize, en as usize, id, kind));
        }
    }
    out
}

/// A gold entity's alias in one article: the engine entities its mentions ended in.
type Nodes<'a> = BTreeMap<(usize, String, String), BTreeSet<&'a str>>;

fn score_story(story: &Story) -> RealScores {
    let gold: Vec<Value> = story.gold["entities"].as_array().cloned().unwrap_or_default();
    let mut nodes: Nodes = BTreeMap::new();
    let mut holds: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut kinds_of: BTreeMap<usize, BTreeMap<(&str, &str), usize>> = BTreeMap::new();
    let mut listed_aliases: BTreeSet<(usize, String)> = BTreeSet::new();
    for (stem, id) in &story.articles {
        let Some(text) = story.article(id).and_then(|a| a["text"].as_str()) else { continue };
        let mentions = engine_mentions(&story.export, id);
        for o in occurrences(&gold, stem, text) {
            listed_aliases.insert((o.entity, o.alias.clone()));
            let node = nodes.entry((o.entity, o.alias.clone(), stem.clone())).or_default();
            for &(s, e, eid, kind) in mentions.iter().filter(|(s, e, _, _)| *s < o.end && o.start < *e) {
                let _ = (s, e);
                node.insert(eid);
                holds.entry(eid).or_default().insert(o.entity);
                *kinds_of.entry(o.entity).or_default().entry((eid, kind)).or_insert(0) += 1;
            }
        }
    }
    let mut out = RealScores { aliases: listed_aliases.len(), ..RealScores::default() };
    let name = |ei: usize| gold.get(ei).and_then(|e| e["canonical"].as_str()).unwrap_or("?").to_string();
    // Per (entity, alias): the engine entities of all its found mentions.
    let mut by_alias: BTreeMap<(usize, &str), BTreeSet<&str>> = BTreeMap::new();
    for ((ei, alias, _), ids) in &nodes {
        if !ids.is_empty() {
            by_alias.entry((*ei, alias.as_str())).or_default().extend(ids.iter().copied());
        }
    }
    out.aliases_found = by_alias.len();
    let alias_list: Vec<(&(usize, &str), &BTreeSet<&str>)> = by_alias.iter().collect();
    for (x, ((ea, aa), ia)) in alias_list.iter().enumerate() {
        for ((eb, ab), ib) in alias_list.iter().skip(x + 1) {
            if ea != eb {
                continue;
            }
            out.pairs += 1;
            let union: BTreeSet<&str> = ia.union(ib).copied().collect();
            if union.len() == 1 {
                out.pairs_merged += 1;
            } else {
                out.split.push(format!("{}: '{aa}' in {ia:?}, '{ab}' in {ib:?}", name(*ea)));
            }
        }
    }
    let found_nodes: Vec<_> = nodes.iter().filter(|(_, ids)| !ids.is_empty()).collect();
    for (x, ((ea, _, _), ia)) in found_nodes.iter().enumerate() {
        for ((eb, _, _), ib) in found_nodes.iter().skip(x + 1) {
            if ea == eb {
                out.node_pairs += 1;
                out.node_pairs_merged += usize::from(ia.union(ib).count() == 1);
            }
        }
    }
    for (eid, gs) in holds.iter().filter(|(_, gs)| gs.len() > 1) {
        let names: Vec<String> = gs.iter().map(|&g| name(g)).collect();
        out.wrong.push(format!("{eid} holds {}", names.join(" + ")));
    }
    for (ei, counts) in &kinds_of {
        let Some(((eid, kind), _)) = counts.iter().max_by_key(|(k, c)| (**c, std::cmp::Reverse(**k))) else { continue };
        let gold_kind = gold.get(*ei).and_then(|e| e["kind"].as_str()).unwrap_or("");
        let want = if gold_kind == "org" { "organization" } else { gold_kind };
        out.kinds += 1;
        if *kind == want {
            out.kinds_right += 1;
        } else {
            out.kind_misses.push(format!("{} is {gold_kind}, engine {eid} says {kind}", name(*ei)));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// ECB+ cross-article linking
// ---------------------------------------------------------------------------------------------------------

/// A gold ECB+ mention of a named entity.
struct EcbGold {
    article: String,
    start: usize,
    end: usize,
    chain: String,
    text: String,
}

/// Pairwise counts over matched mentions of different articles.
#[derive(Default)]
struct EcbCounts {
    gold: usize,
    found: usize,
    both: usize,
    predicted_same: usize,
    gold_same: usize,
    gold_same_all: usize,
}

fn is_proper(text: &str) -> bool {
    const SKIP: &[&str] = &[
        "The", "A", "An", "He", "She", "His", "Her", "They", "Their", "It", "Its", "This", "That", "I", "We", "You",
        "Where", "Who", "What",
    ];
    text.split_whitespace().any(|w| {
        let w = w.split(['\'', '’']).next().unwrap_or(w);
        w.chars().next().is_some_and(char::is_uppercase) && !SKIP.contains(&w)
    })
}

/// UTF-16 offset → char offset of a text.
fn char_offsets(text: &str) -> Vec<usize> {
    let mut map = Vec::new();
    for (ci, c) in text.chars().enumerate() {
        for _ in 0..c.len_utf16() {
            map.push(ci);
        }
    }
    map.push(text.chars().count());
    map
}

fn sorted_entries(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).filter(|p| keep(p)).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The gold named mentions of one ECB+ article (from its `.json` beside the `.txt`).
fn ecb_gold(stem: &str, meta: &Value) -> Vec<EcbGold> {
    let mut out = Vec::new();
    for m in meta["mentions"].as_array().into_iter().flatten() {
        let ty = m["type"].as_str().unwrap_or("");
        let Some(chain) = m["cross_doc_chain"].as_str() else { continue };
        let text = m["text"].as_str().unwrap_or("");
        let wanted = ty == "HUMAN_PART_PER" || ty == "HUMAN_PART_ORG" || ty.starts_with("LOC_");
        let (Some(start), Some(end)) = (m["start"].as_u64(), m["end"].as_u64()) else { continue };
        if wanted && is_proper(text) {
            let (start, end) = (start as usize, end as usize);
            out.push(EcbGold {
                article: stem.to_string(),
                start,
                end,
                chain: chain.to_string(),
                text: text.to_string(),
            });
        }
    }
    out
}

/// One ECB+ topic: its articles through the engine, each gold mention matched to the engine entity of the
/// mention that overlaps it most.
fn ecb_topic(topic: &Path) -> (Vec<EcbGold>, Vec<Option<String>>) {
    let mut corpus = Corpus::new();
    let mut golds = Vec::new();
    for f in sorted_entries(topic, |p| p.extension().is_some_and(|e| e == "txt")) {
        let stem = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let Ok(bytes) = std::fs::read(&f) else { continue };
        let _ = corpus.add(&Input::new(format!("{stem}.txt"), bytes));
        let meta: Value = std::fs::read_to_string(f.with_extension("json"))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        golds.extend(ecb_gold(&stem, &meta));
    }
    let Ok(export) = corpus.export(&DEFAULT_OPTIONS) else { return (golds, Vec::new()) };
    let maps: BTreeMap<String, Vec<usize>> =
        export.articles.iter().map(|a| (a.id.clone(), char_offsets(&a.text))).collect();
    let mut ours: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
    for e in &export.entities {
        for m in &e.mentions {
            let Some(map) = maps.get(&m.article) else { continue };
            let s = map.get(m.start as usize).copied().unwrap_or(0);
            let en = map.get(m.end as usize).copied().unwrap_or(0);
            ours.entry(m.article.clone()).or_default().push((s, en, e.id.clone()));
        }
    }
    let matched = golds
        .iter()
        .map(|g| {
            let ms = ours.get(&g.article)?;
            ms.iter()
                .map(|(s, e, id)| (g.end.min(*e).saturating_sub(g.start.max(*s)), id))
                .filter(|(o, _)| *o > 0)
                .max_by_key(|(o, _)| *o)
                .map(|(_, id)| id.clone())
        })
        .collect();
    (golds, matched)
}

fn ecb_count(golds: &[EcbGold], matched: &[Option<String>]) -> EcbCounts {
    let mut c =
        EcbCounts { gold: golds.len(), found: matched.iter().filter(|m| m.is_some()).count(), ..Default::default() };
    let pairs: Vec<(&EcbGold, &Option<String>)> = golds.iter().zip(matched).collect();
    for (i, (a, x)) in pairs.iter().enumerate() {
        for (b, y) in pairs.iter().skip(i + 1) {
            if a.article == b.article {
                continue;
            }
            let gsame = a.chain == b.chain;
            c.gold_same_all += usize::from(gsame);
            let (Some(x), Some(y)) = (x, y) else { continue };
            let psame = x == y;
            c.predicted_same += usize::from(psame);
            c.gold_same += usize::from(gsame);
            c.both += usize::from(psame && gsame);
        }
    }
    c
}

fn ecb_print_misses(topic: &str, golds: &[EcbGold], matched: &[Option<String>]) {
    let mut by_chain: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    let mut by_id: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (g, m) in golds.iter().zip(matched) {
        let id = m.as_deref().unwrap_or("(not found)");
        by_chain.entry(g.chain.as_str()).or_default().entry(id).or_default().push(g.text.as_str());
        if m.is_some() {
            by_id.entry(id).or_default().insert(g.chain.as_str());
        }
    }
    for (chain, ids) in by_chain.iter().filter(|(_, ids)| ids.len() > 1) {
        println!("  ecb split [{topic}] {chain}: {ids:?}");
    }
    for (id, chains) in by_id.iter().filter(|(_, c)| c.len() > 1) {
        println!("  ecb wrong merge [{topic}] {id}: chains {chains:?}");
    }
}

fn ecb_report(dev_data: &Path) {
    let dir = dev_data.join("ecbplus-dev");
    let topics = sorted_entries(&dir, Path::is_dir);
    if topics.is_empty() {
        println!("entities: ECB+ not measured (no {})", dir.display());
        return;
    }
    let mut t = EcbCounts::default();
    for topic in &topics {
        let (golds, matched) = ecb_topic(topic);
        if verbose() {
            ecb_print_misses(&topic.file_name().unwrap_or_default().to_string_lossy(), &golds, &matched);
        }
        let c = ecb_count(&golds, &matched);
        t.gold += c.gold;
        t.found += c.found;
        t.both += c.both;
        t.predicted_same += c.predicted_same;
        t.gold_same += c.gold_same;
        t.gold_same_all += c.gold_same_all;
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(t.both, t.predicted_same), ratio(t.both, t.gold_same));
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    println!(
        "entities: ECB+ gold proper-name mentions found {:.3} ({}/{}, {} topics)",
        ratio(t.found, t.gold),
        t.found,
        t.gold,
        topics.len()
    );
    println!(
        "entities: ECB+ cross-article linking precision {p:.3}, recall {r:.3}, F1 {f:.3} (pairs: predicted {}, gold {}, both {}); end-to-end recall {:.3}",
        t.predicted_same,
        t.gold_same,
        t.both,
        ratio(t.both, t.gold_same_all)
    );
}

// ---------------------------------------------------------------------------------------------------------
// The bundled sample
// ---------------------------------------------------------------------------------------------------------

fn norm(s: &str) -> String {
    let s = s.replace('’', "'");
    s.strip_suffix("'s").unwrap_or(&s).to_lowercase()
}

fn bundle_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold: Option<Value> = std::fs::read_to_string(root.join("tests/gold/bundle.entities.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok());
    let (Some(gold), Some(export)) =
        (gold, crate::export_folder(&root.join("www/articles"), None).map(|(_, export)| export))
    else {
        println!("entities: bundle not measured (www/articles or its gold missing)");
        return;
    };
    let (mut people, mut whole) = (0, 0);
    for g in gold["entities"].as_array().into_iter().flatten().filter(|g| g["kind"] == "person") {
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        for (article, forms) in g["articles"].as_object().into_iter().flatten() {
            let forms: BTreeSet<String> =
                forms.as_array().into_iter().flatten().filter_map(Value::as_str).map(norm).collect();
            for e in export["entities"].as_array().into_iter().flatten() {
                let hit = e["mentions"].as_array().into_iter().flatten().any(|m| {
                    m["article"] == article.as_str() && m["text"].as_str().is_some_and(|t| forms.contains(&norm(t)))
                });
                if hit {
                    ids.extend(e["id"].as_str());
                }
            }
        }
        people += 1;
        if ids.len() == 1 {
            whole += 1;
        } else if verbose() {
            println!("  bundle split: {} in {ids:?}", g["name"]);
        }
    }
    println!("entities: bundle people whose spellings end in one entity across their articles: {whole}/{people}");
}
