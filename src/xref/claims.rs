//! Claims: groups of aligned sentences that state the same content, with their sources, their independent
//! sources and an agreement level for every sentence.
//!
//! Groups grow from the strongest alignments down (single linkage), guarded against chaining: two groups
//! merge only when their sentences are, on average, similar enough to each other, not merely through one
//! bridging pair, and never when two of their sentences carry dates months apart (two happenings, not one
//! fact). Two supporting articles are dependent when they share an outlet or a reuse edge joins
//! them; the independent sources are one representative per group of dependent articles.
//! The status (corroborated, single-source, contested) is set here from the number of independent sources
//! and the contradictions found later; this module must not look for contradictions itself.

use crate::base::map::{Map, Set};
use crate::base::text::Lowercase as _;
use crate::input::article::Article;
use crate::xref::align::{Index, SentenceKey, SentencePair};
use crate::xref::reuse::ReuseEdge;
use serde::Serialize;

/// What the sources say about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Two or more independent sources carry it.
    Corroborated,
    /// Only one independent source carries it (maybe through several dependent articles).
    SingleSource,
    /// The sources give different values for the same slot (a date, a number, a role, a quote's words).
    Contested,
}

/// How a sentence's content is shared by other sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    /// Another source has the same words in the same order.
    Verbatim,
    /// Another source says the same in other words.
    Reworded,
    /// No other source carries it.
    None,
}

/// Agreement of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agreement {
    /// Articles carrying the content, this one included.
    pub sources: usize,
    /// Independent groups among them, this one's included.
    pub independent: usize,
    /// The closest kind of agreement.
    pub level: Level,
}

/// One claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Stable id from the first sentence (by article id, then index): `claim:{article}:{sentence}`.
    pub id: String,
    /// Its sentences, sorted.
    pub sentences: Vec<SentenceKey>,
    /// Articles carrying it, sorted.
    pub sources: Vec<usize>,
    /// One article per independent group, sorted.
    pub independent: Vec<usize>,
    /// Status.
    pub status: Status,
    /// A plain-language explanation.
    pub explanation: String,
    /// Event ids it is told of (set by the events stage).
    pub events: Vec<String>,
}

/// Which articles depend on each other: the same outlet, or a reuse edge between them.
#[derive(Debug, Clone)]
pub struct Dependence {
    group: Vec<usize>,
    /// Each article's outlet, trimmed and lowercased (`None` when unknown or empty).
    outlet: Vec<Option<String>>,
    /// Article pairs `(lower, higher)` joined by a reuse edge, sorted.
    reused: Vec<(usize, usize)>,
}

impl Dependence {
    /// Builds the relation from outlets and reuse edges (linear: articles of one outlet join its first).
    pub fn new(articles: &[&Article], reuse: &[ReuseEdge]) -> Dependence {
        let n = articles.len();
        let mut parent: Vec<usize> = (0..n).collect();
        let outlet: Vec<Option<String>> = articles
            .iter()
            .map(|a| a.meta.outlet.as_ref().map(|f| f.value.trim().lowercase()).filter(|x| !x.is_empty()))
            .collect();
        let mut first_of: Map<&str, usize> = Map::new();
        for (i, o) in outlet.iter().enumerate() {
            if let Some(o) = o {
                let first = *first_of.entry(o.as_str()).or_insert(i);
                union(&mut parent, first, i);
            }
        }
        let mut reused = Vec::new();
        for e in reuse {
            if e.from < n && e.to < n {
                union(&mut parent, e.from, e.to);
                reused.push((e.from.min(e.to), e.from.max(e.to)));
            }
        }
        crate::base::order::sort(&mut reused);
        let group = (0..n).map(|i| find(&mut parent, i)).collect();
        Dependence { group, outlet, reused }
    }

    /// The representative (smallest index) of an article's group.
    pub fn group(&self, article: usize) -> usize {
        self.group.get(article).copied().unwrap_or(article)
    }

    /// One representative per independent group among `sources`, sorted.
    pub fn independent(&self, sources: &[usize]) -> Vec<usize> {
        let mut firsts: Map<usize, usize> = Map::new();
        for &s in sources {
            let e = firsts.entry(self.group(s)).or_insert(s);
            *e = (*e).min(s);
        }
        let mut out: Vec<usize> = firsts.into_values().collect();
        crate::base::order::sort(&mut out);
        out
    }

    /// Whether two articles depend on each other directly (what [`Dependence::why`] explains).
    pub fn depends(&self, a: usize, b: usize) -> bool {
        match (self.outlet.get(a), self.outlet.get(b)) {
            (Some(Some(x)), Some(Some(y))) if a != b && x == y => true,
            _ => self.reused.binary_search(&(a.min(b), a.max(b))).is_ok(),
        }
    }

    /// Why two articles depend on each other directly, if they do.
    pub fn why(&self, a: usize, b: usize) -> Option<String> {
        match (self.outlet.get(a), self.outlet.get(b)) {
            (Some(Some(x)), Some(Some(y))) if a != b && x == y => Some(format!("both are from {x}")),
            _ => self
                .reused
                .binary_search(&(a.min(b), a.max(b)))
                .is_ok()
                .then(|| "one reuses the other's text".to_string()),
        }
    }
}

/// The root of `x` in a disjoint-set forest over indices (path halving; unions attach the larger root to the
/// smaller), shared with the contradictions stage.
pub(crate) fn find(parent: &mut [usize], mut x: usize) -> usize {
    while let Some(&p) = parent.get(x) {
        if p == x {
            break;
        }
        let gp = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(x) {
            *slot = gp;
        }
        x = p;
    }
    x
}

/// Joins the sets of `a` and `b` (the smaller root stays).
pub(crate) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    let (lo, hi) = (ra.min(rb), ra.max(rb));
    if let Some(slot) = parent.get_mut(hi) {
        *slot = lo;
    }
}

/// Groups aligned sentences into claims. `ids[i]` is the id of article `i`.
pub fn group(
    ids: &[&str],
    index: &Index,
    pairs: &[SentencePair],
    dependence: &Dependence,
    threshold: f64,
) -> (Vec<Claim>, Map<SentenceKey, Agreement>) {
    // Guard: the mean similarity across two groups must reach this for them to merge.
    let mut groups = Grouping::grow(index, pairs, threshold * 0.6);
    if index.has_meaning() {
        complete(index, pairs, &mut groups);
    }
    build_claims(ids, pairs, groups, dependence)
}

/// Sentence groups grown from the strongest aligned pair down, with a guard against chaining: a sentence or
/// a group joins another only when the mean similarity across them reaches the guard, and never when two of
/// their sentences are dated months apart.
struct Grouping<'a> {
    index: &'a Index,
    guard: f64,
    /// A B-tree: filled sentence by sentence in no key order at corpus scale (base::map says why).
    member: std::collections::BTreeMap<SentenceKey, usize>,
    groups: Vec<Vec<SentenceKey>>,
}

impl<'a> Grouping<'a> {
    /// The groups of `pairs`, strongest pair first (ties by sentence keys).
    fn grow(index: &'a Index, pairs: &[SentencePair], guard: f64) -> Vec<Vec<SentenceKey>> {
        let mut order: Vec<&SentencePair> = pairs.iter().collect();
        crate::base::order::sort_by(&mut order, |x, y| {
            y.score.total_cmp(&x.score).then_with(|| (x.a, x.b).cmp(&(y.a, y.b)))
        });
        let mut grouping = Grouping { index, guard, member: std::collections::BTreeMap::new(), groups: Vec::new() };
        for p in &order {
            match (grouping.member.get(&p.a).copied(), grouping.member.get(&p.b).copied()) {
                (None, None) => grouping.start(p.a, p.b),
                (Some(g), None) => grouping.join(g, p.b),
                (None, Some(g)) => grouping.join(g, p.a),
                (Some(g), Some(h)) if g != h => grouping.merge(g, h),
                _ => {}
            }
        }
        grouping.groups
    }

    /// A new group of two sentences.
    fn start(&mut self, a: SentenceKey, b: SentenceKey) {
        self.member.insert(a, self.groups.len());
        self.member.insert(b, self.groups.len());
        self.groups.push(vec![a, b]);
    }

    /// Sentence `new` joins group `g` if the guard allows it.
    fn join(&mut self, g: usize, new: SentenceKey) {
        let Some(members) = self.groups.get(g) else { return };
        if members.iter().any(|&m| self.index.dates_conflict(m, new)) {
            return;
        }
        let mean = members.iter().map(|&m| self.index.similarity(m, new)).sum::<f64>() / members.len() as f64;
        if mean >= self.guard {
            self.member.insert(new, g);
            if let Some(ms) = self.groups.get_mut(g) {
                ms.push(new);
            }
        }
    }

    /// Group `h` moves into group `g` if the guard allows it.
    fn merge(&mut self, g: usize, h: usize) {
        let (Some(x), Some(y)) = (self.groups.get(g), self.groups.get(h)) else { return };
        if x.iter().any(|&m| y.iter().any(|&n| self.index.dates_conflict(m, n))) {
            return;
        }
        let mut total = 0.0;
        for &m in x {
            for &n in y {
                total += self.index.similarity(m, n);
            }
        }
        if total / (x.len() * y.len()).max(1) as f64 >= self.guard {
            let moved = self.groups.get_mut(h).map(std::mem::take).unwrap_or_default();
            for m in &moved {
                self.member.insert(*m, g);
            }
            if let Some(gs) = self.groups.get_mut(g) {
                gs.extend(moved);
            }
        }
    }
}

/// Fewest articles a group must hold before the articles it misses are searched for it.
const COMPLETE_MIN_SOURCES: usize = 3;
/// Share of the articles aligned with a group (its story, in practice) it must already hold: only a fact most
/// of the story's articles tell is looked for in the others.
const COMPLETE_MIN_SHARE: f64 = 0.6;
/// Most members a candidate is compared with (the first in key order).
const COMPLETE_MEMBERS: usize = 8;
/// Least (centred) cosine of a candidate with a member it is close to, and least mean over those members.
const COMPLETE_COS: f64 = 0.3;
const COMPLETE_MEAN_COS: f64 = 0.35;

/// A fact most articles of a story tell, each in its own words, is missed by an article whose sentence shares
/// only the story's topic words with the others (the words every article uses): with the model, each group
/// that already holds most of the articles aligned with it (at least [`COMPLETE_MIN_SOURCES`] and
/// [`COMPLETE_MIN_SHARE`]) takes, from each article it lacks, the one sentence of that article closest in
/// meaning to its members, when that sentence belongs to no group and is close to most of its strongest
/// members (see [`closeness`]).
fn complete(index: &Index, pairs: &[SentencePair], groups: &mut [Vec<SentenceKey>]) {
    let mut linked: Vec<(usize, usize)> = pairs.iter().map(|p| (p.a.article, p.b.article)).collect();
    linked.extend(pairs.iter().map(|p| (p.b.article, p.a.article)));
    crate::base::order::sort(&mut linked);
    linked.dedup();
    let mut grouped: Vec<SentenceKey> = groups.iter().flatten().copied().collect();
    crate::base::order::sort(&mut grouped);
    let keys = index.keys();
    let mut added: Vec<(usize, SentenceKey)> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let mut sources: Vec<usize> = g.iter().map(|k| k.article).collect();
        crate::base::order::sort(&mut sources);
        sources.dedup();
        if sources.len() < COMPLETE_MIN_SOURCES {
            continue;
        }
        let missing = missing_articles(&linked, &sources);
        if missing.is_empty() || (sources.len() as f64) < COMPLETE_MIN_SHARE * (sources.len() + missing.len()) as f64 {
            continue;
        }
        let members: Vec<SentenceKey> = g.iter().copied().take(COMPLETE_MEMBERS).collect();
        for article in missing {
            let from = keys.partition_point(|k| k.article < article);
            let to = keys.partition_point(|k| k.article <= article);
            let candidates = keys.get(from..to).unwrap_or(&[]).iter().filter(|k| grouped.binary_search(k).is_err());
            let best = candidates
                .filter_map(|&k| closeness(index, &members, k).map(|c| (c, k)))
                .max_by(|x, y| x.0 .0.cmp(&y.0 .0).then_with(|| x.0 .1.total_cmp(&y.0 .1)).then_with(|| y.1.cmp(&x.1)));
            if let Some((_, k)) = best {
                added.push((gi, k));
            }
        }
    }
    // A sentence two groups would take stays out of both.
    let mut taken: Vec<SentenceKey> = added.iter().map(|a| a.1).collect();
    crate::base::order::sort(&mut taken);
    for (gi, k) in added {
        let twice = taken.iter().filter(|&&t| t == k).count() > 1;
        if let (false, Some(g)) = (twice, groups.get_mut(gi)) {
            g.push(k);
        }
    }
}

/// The articles aligned with two or more of `sources` (sorted) that are not among them, sorted.
fn missing_articles(linked: &[(usize, usize)], sources: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = sources
        .iter()
        .flat_map(|&s| {
            let from = linked.partition_point(|l| l.0 < s);
            linked.get(from..).unwrap_or(&[]).iter().take_while(move |l| l.0 == s).map(|l| l.1)
        })
        .filter(|a| sources.binary_search(a).is_err())
        .collect();
    crate::base::order::sort(&mut out);
    let mut twice: Vec<usize> =
        out.windows(2).filter(|w| w.first() == w.get(1)).filter_map(|w| w.first().copied()).collect();
    twice.dedup();
    twice
}

/// How close `k` is to `members` (the group's first, so strongest, members) when it may join them (see
/// [`complete`]): the number of members it shares words with at a cosine of [`COMPLETE_COS`] or more, and the
/// mean cosine with those; `None` unless that holds for more than half the members and both of the group's
/// founding pair, with a mean of [`COMPLETE_MEAN_COS`] or more, and no member is dated months from it.
fn closeness(index: &Index, members: &[SentenceKey], k: SentenceKey) -> Option<(usize, f64)> {
    let (mut close, mut total) = (0usize, 0.0);
    for (i, &m) in members.iter().enumerate() {
        if index.dates_conflict(m, k) {
            return None;
        }
        let (lexical, cos) = index.scores(m, k)?;
        let cos = cos?;
        if lexical > 0.0 && cos >= COMPLETE_COS {
            close += 1;
            total += cos;
        } else if i < 2 {
            return None;
        }
    }
    let mean = total / close.max(1) as f64;
    (2 * close > members.len() && mean >= COMPLETE_MEAN_COS).then_some((close, mean))
}

/// The claims of the sentence groups that hold two sources or more, with each sentence's agreement; sorted
/// by id.
fn build_claims(
    ids: &[&str],
    pairs: &[SentencePair],
    groups: Vec<Vec<SentenceKey>>,
    dependence: &Dependence,
) -> (Vec<Claim>, Map<SentenceKey, Agreement>) {
    let verbatim: Set<SentenceKey> = pairs.iter().filter(|p| p.verbatim).flat_map(|p| [p.a, p.b]).collect();
    let mut claims = Vec::new();
    let mut agreement = Vec::new();
    for mut g in groups.into_iter().filter(|g| !g.is_empty()) {
        crate::base::order::sort_by(&mut g, |x, y| {
            (ids.get(x.article), x.sentence).cmp(&(ids.get(y.article), y.sentence))
        });
        g.dedup();
        let mut sources: Vec<usize> = g.iter().map(|k| k.article).collect();
        crate::base::order::sort(&mut sources);
        sources.dedup();
        if sources.len() < 2 {
            continue;
        }
        let independent = dependence.independent(&sources);
        let Some(first) = g.first() else { continue };
        let id = format!("claim:{}:{}", ids.get(first.article).copied().unwrap_or(""), first.sentence);
        let status = if independent.len() >= 2 { Status::Corroborated } else { Status::SingleSource };
        let explanation = explain(ids, &sources, &independent, dependence);
        for k in &g {
            let level = if verbatim.contains(k) { Level::Verbatim } else { Level::Reworded };
            agreement.push((*k, Agreement { sources: sources.len(), independent: independent.len(), level }));
        }
        crate::base::order::sort(&mut g);
        claims.push(Claim { id, sentences: g, sources, independent, status, explanation, events: Vec::new() });
    }
    crate::base::order::sort_by(&mut claims, |x, y| x.id.cmp(&y.id));
    // Collected once (a sentence of two groups keeps its last agreement), not inserted one by one (base::map).
    (claims, agreement.into_iter().collect())
}

fn explain(ids: &[&str], sources: &[usize], independent: &[usize], dep: &Dependence) -> String {
    let name = |i: usize| ids.get(i).copied().unwrap_or("?");
    let mut s = format!(
        "{} source{}, {} independent",
        sources.len(),
        if sources.len() == 1 { "" } else { "s" },
        independent.len()
    );
    // However many sources, the explanation stays short: the first pairs, and how many more.
    const MAX_NOTES: usize = 12;
    let mut notes = Vec::new();
    let mut more = 0usize;
    for (x, &a) in sources.iter().enumerate() {
        for &b in sources.iter().skip(x + 1) {
            if notes.len() >= MAX_NOTES {
                more += usize::from(dep.depends(a, b));
            } else if let Some(w) = dep.why(a, b) {
                notes.push(format!("{} and {}: {w}", name(a), name(b)));
            }
        }
    }
    if !notes.is_empty() {
        s.push_str(" (");
        s.push_str(&notes.join("; "));
        if more > 0 {
            s.push_str(&format!("; and {more} more pairs"));
        }
        s.push(')');
    }
    s.push('.');
    s
}

/// Sets the status of claims touched by contradictions to contested and says why.
pub fn contest(claims: &mut [Claim], contested: &Map<String, String>) {
    for c in claims {
        if let Some(why) = contested.get(&c.id) {
            c.status = Status::Contested;
            c.explanation = format!("{} Contested: {why}", c.explanation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse::{parse, Input};
    use crate::xref::align::{align, AlignOptions};

    fn article(name: &str, outlet: Option<&str>, body: &str) -> Article {
        let meta = crate::input::manifest::ManifestEntry { outlet: outlet.map(str::to_string), ..Default::default() };
        let input = Input { name: name.to_string(), bytes: body.as_bytes().to_vec(), meta };
        match parse(&input) {
            Ok(a) => a,
            Err(r) => unreachable!("{:?}", r.diagnostic),
        }
    }

    #[test]
    fn sources_and_independent_sources() {
        let a = article(
            "a",
            Some("Daily One"),
            "Title one\n\nThe new harbour bridge opened on Monday after six years of work.",
        );
        let b = article(
            "b",
            Some("Daily One"),
            "Title two\n\nAfter six years of work, the new harbour bridge opened on Monday.",
        );
        let c = article(
            "c",
            Some("Other Times"),
            "Title three\n\nThe harbour bridge, six years in the making, opened Monday.",
        );
        let arts = [&a, &b, &c];
        let pairs = align(&arts, AlignOptions { threshold: 0.4 });
        let index = Index::build(&arts, &[]);
        let dep = Dependence::new(&arts, &[]);
        let (claims, agreement) = group(&["a", "b", "c"], &index, &pairs, &dep, 0.4);
        let bridge: Vec<&Claim> = claims.iter().filter(|c| c.sentences.iter().any(|k| k.sentence >= 1)).collect();
        assert_eq!(bridge.len(), 1, "{claims:?}");
        let claim = bridge[0];
        assert_eq!(claim.sources, [0, 1, 2]);
        assert_eq!(claim.independent, [0, 2]);
        assert_eq!(claim.status, Status::Corroborated);
        assert!(claim.explanation.starts_with("3 sources, 2 independent"), "{}", claim.explanation);
        let ag = agreement.get(&claim.sentences[0]).copied();
        assert_eq!(ag.map(|g| (g.sources, g.independent)), Some((3, 2)));
    }
}
