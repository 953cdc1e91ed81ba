//! Across articles: one article's mentions of a name become a local entity, and locals are merged by spelling
//! and transliteration variants, short forms and dominance, each merge with its reason. People are paired
//! through surname and given-name keys, never all pairs of a block. Must not scan text.

#![warn(clippy::indexing_slicing)]

use super::lists::*;
use super::names::*;
use super::words::*;
use super::*;
use crate::base::map::{Map, Set};
use crate::base::text::{fnv_byte, fnv_extend, FNV_BASIS};
use crate::input::article::Article;

/// The mentions of one name in one article.
#[derive(Debug, Clone)]
pub(super) struct Local {
    pub(super) article: usize,
    pub(super) kind: EntityKind,
    pub(super) name: String,
    /// (mention index, surface form).
    pub(super) mentions: Vec<(usize, String)>,
    /// Acronym written for it in the article, if any.
    pub(super) acronym: Option<String>,
    /// Every mention's kind was a default guess.
    pub(super) guessed: bool,
}

/// Whether two sets share no item: the smaller one probed in the larger (a cluster of thousands of articles met by
/// one local costs a few look-ups, not one per article of the cluster).
pub(super) fn disjoint(a: &Set<usize>, b: &Set<usize>) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().all(|x| !large.contains(x))
}

/// A disjoint-set forest over local entities that refuses to join two names of one article.
pub(super) struct Clusters {
    pub(super) parent: Vec<usize>,
    pub(super) articles: Vec<Set<usize>>,
}

impl Clusters {
    pub(super) fn new(locals: &[Local]) -> Clusters {
        Clusters {
            parent: (0..locals.len()).collect(),
            articles: locals.iter().map(|l| Set::from([l.article])).collect(),
        }
    }

    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = gp;
            }
            x = p;
        }
        x
    }

    /// Joins two clusters unless they share an article (two names one article keeps apart are two entities).
    pub(super) fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        // One cluster already: answered before its article set is probed against itself.
        if ra == rb {
            return false;
        }
        let disjoint = match (self.articles.get(ra), self.articles.get(rb)) {
            (Some(sa), Some(sb)) => disjoint(sa, sb),
            _ => false,
        };
        disjoint && self.join_roots(ra, rb)
    }

    /// Joins two clusters although they share an article: a short form the bundle resolves to a full name of its
    /// own article.
    pub(super) fn join_within_article(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.join_roots(ra, rb);
        }
    }

    pub(super) fn join_roots(&mut self, ra: usize, rb: usize) -> bool {
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        let mut moved = std::mem::take(self.articles.get_mut(hi).map_or(&mut Set::new(), |s| s));
        if let Some(s) = self.articles.get_mut(lo) {
            // The smaller set goes into the larger (the union is the same either way).
            if s.len() < moved.len() {
                std::mem::swap(s, &mut moved);
            }
            s.extend(moved);
        }
        if let Some(slot) = self.parent.get_mut(hi) {
            *slot = lo;
        }
        true
    }
}

/// A person name as the cross-article test reads it: its parts and their transliteration keys, made once per
/// name (the test meets each name of a surname block once per other name of the block).
pub(super) struct PersonName<'a> {
    pub(super) parts: Vec<&'a str>,
    /// The surname's key.
    pub(super) surname: String,
    /// The given name's key and the keys of its hyphenated parts (empty for a single-part name).
    pub(super) given: String,
    pub(super) given_parts: Vec<String>,
}

impl<'a> PersonName<'a> {
    pub(super) fn of(name: &'a str) -> PersonName<'a> {
        let parts = name_parts(name);
        let surname = parts.last().map(|p| translit_key(p)).unwrap_or_default();
        let (given, given_parts) = match parts.first().filter(|_| parts.len() >= 2) {
            Some(f) => (translit_key(f), f.split('-').map(translit_key).collect()),
            None => (String::new(), Vec::new()),
        };
        PersonName { parts, surname, given, given_parts }
    }
}

/// Why two person names are the same person, or `None`.
pub(super) fn same_person(a: &str, b: &str) -> Option<String> {
    same_person_names(&PersonName::of(a), &PersonName::of(b))
}

/// [`same_person`] on names read once.
pub(super) fn same_person_names(a: &PersonName, b: &PersonName) -> Option<String> {
    let (pa, pb) = (&a.parts, &b.parts);
    let (Some(la), Some(lb)) = (pa.last(), pb.last()) else { return None };
    let (ka, kb) = (&a.surname, &b.surname);
    let d = || edit_distance(ka, kb);
    if !surnames_fit(ka, kb) {
        return None;
    }
    let given = if pa.len() >= 2 && pb.len() >= 2 { Some(same_given_name(a, b)?) } else { None };
    let surname = if la == lb {
        "same surname".to_string()
    } else if ka == kb {
        format!("same transliteration key '{ka}' for the surname")
    } else {
        format!("transliteration keys '{ka}' and '{kb}' at edit distance {} on the surname", d())
    };
    let middle = given.is_some() && pa.len() != pb.len();
    let mut reasons = vec![surname];
    reasons.extend(given);
    if middle {
        reasons.push("one form adds a middle name or patronymic".to_string());
    }
    Some(reasons.join(", "))
}

/// Whether [`same_person_names`] accepts the two names, without writing its reason.
pub(super) fn person_fits(a: &PersonName, b: &PersonName) -> bool {
    let several = a.parts.len() >= 2 && b.parts.len() >= 2;
    !a.parts.is_empty()
        && !b.parts.is_empty()
        && surnames_fit(&a.surname, &b.surname)
        && (!several || same_given_name(a, b).is_some())
}

/// Whether two surname keys can be one person's: the same, or one edit apart when both have five letters or more.
pub(super) fn surnames_fit(ka: &str, kb: &str) -> bool {
    let (na, nb) = (ka.chars().count(), kb.chars().count());
    // (An edit distance is at least the difference of the lengths.)
    ka == kb || (na.min(nb) >= 5 && na.abs_diff(nb) <= 1 && edit_distance(ka, kb) <= 1)
}

/// Why the given names of two names of several parts fit, or `None`.
pub(super) fn same_given_name(a: &PersonName, b: &PersonName) -> Option<String> {
    let (Some(fa), Some(fb)) = (a.parts.first(), b.parts.first()) else { return None };
    let (ga, gb) = (&a.given, &b.given);
    let initial = (fa.trim_end_matches('.').chars().count() == 1 || fb.trim_end_matches('.').chars().count() == 1)
        && ga.chars().next() == gb.chars().next();
    let gd = || -> usize {
        if a.given_parts.len() == b.given_parts.len() {
            a.given_parts.iter().zip(&b.given_parts).map(|(x, y)| edit_distance(x, y)).sum()
        } else {
            edit_distance(ga, gb)
        }
    };
    let max_gd = if ga.chars().count().min(gb.chars().count()) >= 8 { 2 } else { 1 };
    Some(if ga == gb && fa == fb {
        "same given name".to_string()
    } else if ga == gb {
        format!("same transliteration key '{ga}' for the given name")
    } else if is_short_form(fa, fb) || is_short_form(fb, fa) {
        format!("'{fa}' and '{fb}' are one given name and its short form")
    } else if initial {
        "matching initial".to_string()
    } else if ga.chars().count() >= 4 && gd() <= max_gd {
        format!("edit distance {} on the given name", gd())
    } else {
        return None;
    })
}

/// The acronyms an organisation goes by, lowercased: the one written for it, its name when that is one, and
/// the initials of a name of several words.
pub(super) fn org_acronyms(l: &Local) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    if let Some(x) = &l.acronym {
        v.push(x.lowercase());
    }
    if is_acronym(&l.name) {
        v.push(l.name.replace('.', "").lowercase());
    }
    if l.name.contains(' ') {
        let i = initials(&l.name).lowercase();
        if i.chars().count() >= 2 {
            v.push(i);
        }
    }
    v
}

/// Why two local names of one kind are the same entity, or `None` (the test of the cross-article pass).
#[inline(never)]
pub(super) fn same_entity(a: &Local, b: &Local) -> Option<String> {
    match a.kind {
        EntityKind::Person if is_full_name(&a.name) && is_full_name(&b.name) => same_person(&a.name, &b.name),
        EntityKind::Organization => same_org(a, b),
        EntityKind::Place => (fold(&a.name) == fold(&b.name)).then(|| "same place name".to_string()),
        EntityKind::Person => None,
    }
}

/// An organisation's name folded, "Ministry of the Interior" written as "interior ministry": an organisation
/// word, "of", an optional "the" and a name become the name and the word.
pub(super) fn org_key(name: &str) -> String {
    let f = fold(name);
    let Some((head, rest)) = f.split_once(" of ") else { return f };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    const HEADS: &[&str] =
        &["ministry", "department", "office", "bureau", "agency", "commission", "committee", "council"];
    if rest.contains(" of ") || !HEADS.contains(&head) {
        return f;
    }
    format!("{rest} {head}")
}

/// Why two organisation names are the same organisation, or `None`.
pub(super) fn same_org(a: &Local, b: &Local) -> Option<String> {
    let (fa, fb) = (fold(&a.name), fold(&b.name));
    if fa == fb {
        return Some("same name ignoring case".to_string());
    }
    if org_key(&a.name) == org_key(&b.name) {
        return Some(format!("the same name in the other order ('{}')", org_key(&a.name)));
    }
    let (xa, xb) = (org_acronyms(a), org_acronyms(b));
    if let Some(x) = xa.iter().find(|x| xb.contains(x)) {
        return Some(format!("same acronym '{}'", x.chars().map(crate::base::text::upper_char).collect::<String>()));
    }
    if xa.contains(&fb) || xb.contains(&fa) {
        return Some("acronym and its expansion".to_string());
    }
    None
}

/// Why a form written in an article stands for the name the article resolved it to, or `None` when it is that
/// name (up to a possessive).
pub(super) fn within_reason(form: &str, name: &str, kind: EntityKind) -> Option<String> {
    if form == name {
        return None;
    }
    if fold(form) == fold(name) {
        return Some(format!("'{form}' is '{name}' written in another case"));
    }
    let suffix = form.strip_prefix(name).map(|r| fold(r.trim_start().trim_end_matches('.')));
    if kind == EntityKind::Organization && suffix.is_some_and(|x| CORPORATE_SUFFIXES.contains(&x.as_str())) {
        return Some(format!("'{form}' is '{name}' with its corporate suffix"));
    }
    if is_acronym(form) && kind == EntityKind::Organization {
        return Some(format!(
            "'{form}' stands for '{name}' in the same article (written after it in brackets, or its initials)"
        ));
    }
    if kind == EntityKind::Place {
        return Some(format!("'{form}' is another name of '{name}' (general list of places)"));
    }
    let parts = name_parts(name);
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else { return None };
    if kind == EntityKind::Person && !is_full_name(form) {
        if form == *last {
            return Some(format!("'{form}' is the surname of '{name}', the one person of that surname in the article"));
        }
        if form == *first {
            return Some(format!("'{form}' is the given name of '{name}', the one person of that name in the article"));
        }
        if fold(form) == fold(last) {
            return Some(format!("'{form}' is the surname of '{name}' written in another case"));
        }
        let (kf, kl) = (translit_key(form), translit_key(last));
        if kf == kl {
            return Some(format!(
                "'{form}' is the surname of '{name}' in another spelling: same transliteration key '{kf}'"
            ));
        }
    }
    if kind == EntityKind::Person {
        return Some(format!("'{form}' is '{name}' without a middle name or patronymic"));
    }
    None
}

/// Merges mentions across articles into entities. `mentions[i]` are the mentions of `articles[i]`.
pub fn resolve(articles: &[&Article], mentions: &[Vec<Mention>]) -> Vec<Entity> {
    let locals = local_entities(articles, mentions);
    let mut merger = Merger { clusters: Clusters::new(&locals), why: vec![Vec::new(); locals.len()] };
    // Candidate pairs come from blocks (locals with the same name; forms sharing a name key), never from all
    // pairs, and are tried in the order an all-pairs loop over (i, j) would try them, so the merges (which
    // refuse to join two names of one article, and so depend on order) are those of that loop.
    let names = Names::of(&locals);
    join_by_dominance(&locals, &names, &mut merger);
    join_same_names(&locals, &names.forms, &mut merger.clusters);
    let blocks = NameBlocks::of(&locals, &names.forms);
    let related = related_forms(&locals, &names, &blocks);
    join_related(&locals, &names.forms, &related, &mut merger);
    join_single_names(&locals, &names, &mut merger);
    // Gather clusters.
    let mut groups: Map<usize, Vec<usize>> = Map::new();
    for i in 0..locals.len() {
        let r = merger.clusters.find(i);
        groups.entry(r).or_default().push(i);
    }
    let mut entities: Vec<Entity> = groups
        .into_iter()
        .filter_map(|(root, members)| {
            let why = merger.why.get_mut(root).map(std::mem::take).unwrap_or_default();
            entity_of(&locals, &members, why)
        })
        .collect();
    number_repeated_keys(&mut entities);
    entities
}

/// Local entities: one per (article, kind, resolved name).
pub(super) fn local_entities(articles: &[&Article], mentions: &[Vec<Mention>]) -> Vec<Local> {
    let mut locals: Vec<Local> = Vec::new();
    for (ai, (article, ms)) in articles.iter().zip(mentions).enumerate() {
        let mut by_name: Map<(EntityKind, String), usize> = Map::new();
        for (mi, m) in ms.iter().enumerate() {
            let key = (m.kind, m.name.clone());
            let li = *by_name.entry(key).or_insert_with(|| {
                locals.push(Local {
                    article: ai,
                    kind: m.kind,
                    name: m.name.clone(),
                    mentions: Vec::new(),
                    acronym: None,
                    guessed: true,
                });
                locals.len() - 1
            });
            let surface = m.range.slice(&article.text).trim_end_matches("'s").trim_end_matches("’s").to_string();
            if let Some(l) = locals.get_mut(li) {
                if is_acronym(&surface) && surface != l.name {
                    l.acronym = Some(surface.replace('.', ""));
                }
                l.mentions.push((mi, surface));
                l.guessed &= m.guessed;
            }
        }
    }
    locals
}

/// The clusters being built, with the reasons of each merge by the cluster's root.
pub(super) struct Merger {
    pub(super) clusters: Clusters,
    /// By root (a vector over the locals: roots come in no order).
    pub(super) why: Vec<Vec<String>>,
}

impl Merger {
    /// Joins two locals' clusters and records why, when they could be joined.
    pub(super) fn record(&mut self, a: usize, b: usize, reason: &dyn Fn() -> String) {
        if self.clusters.union(a, b) {
            let root = self.clusters.find(a);
            self.note(root, reason());
        }
    }

    /// Records a reason for the cluster of `root`.
    pub(super) fn note(&mut self, root: usize, reason: String) {
        if let Some(v) = self.why.get_mut(root) {
            v.push(reason);
        }
    }
}

/// What the cross-article passes read of the names, made once: the forms, each full person name read once (by
/// form), and the full person names by surname key.
pub(super) struct Names<'a> {
    pub(super) forms: Forms,
    /// By form: the full person name it is (`None` for other kinds and for single-word names).
    pub(super) persons: Vec<Option<PersonName<'a>>>,
    pub(super) surnames: Surnames,
}

impl<'a> Names<'a> {
    pub(super) fn of(locals: &'a [Local]) -> Names<'a> {
        let forms = Forms::of(locals);
        let persons: Vec<Option<PersonName>> = (0..forms.first.len())
            .map(|f| {
                forms.local(locals, f).filter(|l| l.kind == EntityKind::Person && forms.full.get(f) == Some(&true))
            })
            .map(|l| l.map(|l| PersonName::of(&l.name)))
            .collect();
        let surnames = Surnames::of(&persons);
        Names { forms, persons, surnames }
    }

    /// The full person name of form `f`.
    pub(super) fn person(&self, f: usize) -> Option<&PersonName<'a>> {
        self.persons.get(f).and_then(Option::as_ref)
    }

    /// The locals of form `f`, in article order.
    pub(super) fn locals_of(&self, f: usize) -> &[usize] {
        self.forms.locals_of.get(f).map_or(&[], Vec::as_slice)
    }
}

/// Of the full names a lone name fits (those of its surname key), the one written in more than twice as many
/// articles as any other: (its form, its articles, the runner-up's). It depends on the name alone, so each name
/// is ranked once, however many articles write it; and it reads the names of its key, not their locals.
pub(super) fn dominant(name: &str, locals: &[Local], names: &Names) -> Option<(usize, usize, usize)> {
    let k = names.surnames.keys.binary_search(&translit_key(name)).ok()?;
    let lone = PersonName::of(name);
    // (articles, name, form) of each fitting name, most articles first. A person form's locals are in
    // different articles (one local per article, kind and name).
    let mut ranked: Vec<(usize, &str, usize)> = Vec::new();
    for &f in names.surnames.forms.get(k).map_or(&[][..], Vec::as_slice) {
        let (Some(p), Some(l)) = (names.person(f), names.forms.local(locals, f)) else { continue };
        if person_fits(&lone, p) {
            ranked.push((names.locals_of(f).len(), l.name.as_str(), f));
        }
    }
    crate::base::order::sort_by(&mut ranked, |a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let [(c1, _, top), (c2, ..), ..] = ranked.as_slice() else { return None };
    (*c1 > 2 * *c2).then_some((*top, *c1, *c2))
}

/// Pass 0: a lone surname that several full names of the bundle fit (a family: "Doe" beside "John Doe" and
/// "Jane Doe") goes to the one written in more than twice as many articles as any other: to its local in the
/// surname's own article when that article writes it. (One full name fitting is left to the later passes.)
pub(super) fn join_by_dominance(locals: &[Local], names: &Names, merger: &mut Merger) {
    // The ranking of each form's name, made at its first local.
    let mut ranked: Vec<Option<Option<(usize, usize, usize)>>> = vec![None; names.forms.first.len()];
    for (i, l) in locals.iter().enumerate() {
        let (f, full) = names.forms.of_local(i);
        if !(l.kind == EntityKind::Person || l.guessed) || full {
            continue;
        }
        let Some(slot) = ranked.get_mut(f) else { continue };
        let Some((top, c1, c2)) = *slot.get_or_insert_with(|| dominant(&l.name, locals, names)) else { continue };
        let of_top = names.locals_of(top);
        let article = |j: &usize| locals.get(*j).map_or(usize::MAX, |t| t.article);
        // The name's local in the local's own article (a form's locals are in article order).
        let own = of_top.get(of_top.partition_point(|j| article(j) < l.article)).filter(|j| article(j) == l.article);
        // A name whose kind was only guessed joins a person only in an article that writes the full name.
        let elsewhere = of_top.first().filter(|_| l.kind == EntityKind::Person);
        let Some(&target) = own.or(elsewhere) else { continue };
        let top = names.forms.local(locals, top).map_or("", |t| t.name.as_str());
        let why = || {
            format!(
                "'{}' merged with '{top}': of the full names its surname fits, the one most articles write ({c1} against {c2})",
                l.name
            )
        };
        if own.is_some() {
            merger.clusters.join_within_article(target, i);
            let root = merger.clusters.find(i);
            merger.note(root, why());
        } else {
            merger.record(target, i, &why);
        }
    }
}

/// Pass 1: identical names. A union only joins locals of one name here, so each name's block is independent;
/// when its locals are all of one kind (one per article), they all join its first.
pub(super) fn join_same_names(locals: &[Local], forms: &Forms, clusters: &mut Clusters) {
    let name = |i: &usize| locals.get(*i).map_or("", |l| l.name.as_str());
    // The blocks in name order; within a block the locals in index order (a name of several forms is sorted).
    for run in forms.by_name.chunk_by(|a, b| name(a) == name(b)) {
        let mut block = run.to_vec();
        crate::base::order::sort(&mut block);
        let (Some(&first), Some(kind)) = (block.first(), block.first().and_then(|&i| locals.get(i)).map(|l| l.kind))
        else {
            continue;
        };
        if block.iter().all(|&i| locals.get(i).is_some_and(|l| l.kind == kind)) {
            for &j in block.iter().skip(1) {
                clusters.union(first, j);
            }
            continue;
        }
        for (x, &i) in block.iter().enumerate() {
            for &j in block.iter().skip(x + 1) {
                let (Some(a), Some(b)) = (locals.get(i), locals.get(j)) else { continue };
                if a.article != b.article && (a.kind == b.kind || a.guessed || b.guessed) {
                    clusters.union(i, j);
                }
            }
        }
    }
}

/// Forms: what the merge tests read of a local (kind, name and, for organisations, its acronym).
pub(super) struct Forms {
    /// The form of each local.
    pub(super) form_of: Vec<usize>,
    /// A representative local per form (its first).
    pub(super) first: Vec<usize>,
    /// The locals of each form, in index (and so article) order.
    pub(super) locals_of: Vec<Vec<usize>>,
    /// Whether each form's name is a full name (a given name and a surname).
    pub(super) full: Vec<bool>,
    /// The locals sorted by name, form and index: one sort gives both the forms (numbered in this order; no
    /// pass depends on the numbering) and the blocks of identical names.
    pub(super) by_name: Vec<usize>,
}

impl Forms {
    pub(super) fn of(locals: &[Local]) -> Forms {
        let key = |i: usize| {
            let l = locals.get(i);
            let acronym = l.filter(|l| l.kind == EntityKind::Organization).and_then(|l| l.acronym.as_deref());
            (l.map_or("", |l| l.name.as_str()), l.map(|l| l.kind), acronym)
        };
        // Each local with the first eight bytes of its name (most comparisons end there, without reading names).
        let mut order: Vec<(u64, usize)> = locals.iter().map(|l| name_prefix(&l.name)).zip(0..).collect();
        crate::base::order::sort_by(&mut order, |a, b| {
            a.0.cmp(&b.0).then_with(|| key(a.1).cmp(&key(b.1))).then(a.1.cmp(&b.1))
        });
        let mut forms = Forms {
            form_of: vec![0; locals.len()],
            first: Vec::new(),
            locals_of: Vec::new(),
            full: Vec::new(),
            by_name: order.iter().map(|x| x.1).collect(),
        };
        for run in forms.by_name.chunk_by(|&a, &b| key(a) == key(b)) {
            let f = forms.first.len();
            for &i in run {
                if let Some(slot) = forms.form_of.get_mut(i) {
                    *slot = f;
                }
            }
            forms.first.push(run.first().copied().unwrap_or(0));
            forms.full.push(is_full_name(key(run.first().copied().unwrap_or(0)).0));
            forms.locals_of.push(run.to_vec());
        }
        forms
    }

    /// The representative local of form `f`.
    pub(super) fn local<'a>(&self, locals: &'a [Local], f: usize) -> Option<&'a Local> {
        self.first.get(f).and_then(|&i| locals.get(i))
    }

    /// The form of local `i`, and whether its name is a full name.
    pub(super) fn of_local(&self, i: usize) -> (usize, bool) {
        let f = self.form_of.get(i).copied().unwrap_or(0);
        (f, self.full.get(f).copied().unwrap_or(false))
    }
}

/// The first eight bytes of `name`, big-endian and padded with zeros: ordering these orders the names, up to
/// ties that only the names themselves decide.
pub(super) fn name_prefix(name: &str) -> u64 {
    let mut b = [0u8; 8];
    for (slot, &x) in b.iter_mut().zip(name.as_bytes()) {
        *slot = x;
    }
    u64::from_be_bytes(b)
}

/// FNV-1a of `tag`, then of the bytes of `s`.
pub(super) fn key_hash(tag: u8, s: &str) -> u64 {
    fnv_extend(fnv_byte(FNV_BASIS, tag), s.as_bytes())
}

/// The hashes (from `seed`) of `key` and of every string made from it by deleting up to `deletions` (0 to 2)
/// characters: two keys within that many edits of each other share one (a symmetric deletion neighbourhood).
pub(super) fn variant_hashes(seed: u64, key: &str, deletions: usize, out: &mut Vec<u64>) {
    let chars: Vec<char> = key.chars().collect();
    let hash = |skip: [usize; 2]| {
        let kept = chars.iter().enumerate().filter(|(i, _)| !skip.contains(i));
        kept.fold(seed, |h, (_, c)| fnv_extend(h, c.encode_utf8(&mut [0; 4]).as_bytes()))
    };
    out.push(hash([usize::MAX; 2]));
    for i in 0..chars.len() {
        if deletions >= 1 {
            out.push(hash([i, usize::MAX]));
        }
        if deletions >= 2 {
            out.extend((i + 1..chars.len()).map(|j| hash([i, j])));
        }
    }
}

/// The full person names by the transliteration key of their surname, and the keys indexed by themselves and,
/// when of five letters or more, by each of their one-letter deletions, so that two keys that [`surnames_fit`]
/// share an entry. (What surname blocks were, with one entry per key rather than one per name.)
pub(super) struct Surnames {
    /// The distinct keys, sorted.
    pub(super) keys: Vec<String>,
    /// The person forms of each key, ascending.
    pub(super) forms: Vec<Vec<usize>>,
    /// (hash of a key or of one of its deletions, the key's index), sorted.
    pub(super) near: Vec<(u64, usize)>,
    /// Where the entries whose hashes open with each `bits`-bit prefix start in `near` (and the end): a look-up
    /// reads one or two entries where a binary search would read seventeen.
    pub(super) starts: Vec<usize>,
    pub(super) bits: u32,
}

impl Surnames {
    pub(super) fn of(persons: &[Option<PersonName>]) -> Surnames {
        let mut named: Vec<(&str, usize)> =
            persons.iter().enumerate().filter_map(|(f, p)| p.as_ref().map(|p| (p.surname.as_str(), f))).collect();
        crate::base::order::sort(&mut named);
        let mut s = Surnames { keys: Vec::new(), forms: Vec::new(), near: Vec::new(), starts: Vec::new(), bits: 1 };
        let mut hashes = Vec::new();
        for (key, f) in named {
            if s.keys.last().map(String::as_str) != Some(key) {
                hashes.clear();
                surname_hashes(key, &mut hashes);
                s.near.extend(hashes.iter().map(|&h| (h, s.keys.len())));
                s.keys.push(key.to_string());
                s.forms.push(Vec::new());
            }
            if let Some(v) = s.forms.last_mut() {
                v.push(f);
            }
        }
        crate::base::order::sort(&mut s.near);
        s.near.dedup();
        s.bits = (usize::BITS - s.near.len().leading_zeros()).clamp(1, 32);
        let mut at = 0;
        for b in 0..=(1u64 << s.bits) {
            at += s.near.get(at..).unwrap_or(&[]).iter().take_while(|e| s.bucket(e.0) < b).count();
            s.starts.push(at);
        }
        s
    }

    /// The bucket of hash `h`: its first `bits` bits.
    pub(super) fn bucket(&self, h: u64) -> u64 {
        h >> (64 - self.bits)
    }

    /// The keys that fit `key` (itself included), ascending.
    pub(super) fn fitting(&self, key: &str) -> Vec<usize> {
        let mut hashes = Vec::new();
        surname_hashes(key, &mut hashes);
        let mut out: Vec<usize> = Vec::new();
        for h in hashes {
            let b = usize::try_from(self.bucket(h)).unwrap_or(0);
            let (from, to) = (self.starts.get(b).copied().unwrap_or(0), self.starts.get(b + 1).copied().unwrap_or(0));
            out.extend(self.near.get(from..to).unwrap_or(&[]).iter().filter(|e| e.0 == h).map(|e| e.1));
        }
        crate::base::order::sort(&mut out);
        out.dedup();
        out.retain(|&k| self.keys.get(k).is_some_and(|x| surnames_fit(key, x)));
        out
    }

    /// The person forms whose surname fits `key`, ascending.
    pub(super) fn forms_fitting(&self, key: &str) -> Vec<usize> {
        let mut fs: Vec<usize> =
            self.fitting(key).into_iter().flat_map(|k| self.forms.get(k).into_iter().flatten().copied()).collect();
        crate::base::order::sort(&mut fs);
        fs
    }
}

/// The index entries of a surname key: itself, and its one-letter deletions when it has five letters or more.
pub(super) fn surname_hashes(key: &str, out: &mut Vec<u64>) {
    variant_hashes(FNV_BASIS, key, usize::from(key.chars().count() >= 5), out);
}

/// A given-name key of a person form. Two given names that [`same_given_name`] accepts share a key of which one
/// of the two entries is wild (not `tame`): an initial meets every given name of its letter, the other keys
/// meet their own kind. Wild entries sort first within a key.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct GivenKey {
    pub(super) hash: u64,
    pub(super) tame: bool,
    pub(super) form: usize,
}

/// The given-name keys of a full person name `p` (form `form`):
/// - its key with up to one letter deleted (the same key, one edit: the distance of two given names is that of
///   their keys unless both have as many hyphenated parts), and up to two when it has eight letters or more
///   (two edits are allowed when both have);
/// - for a hyphenated name, the parts' keys joined, with up to two letters deleted, by the number of parts (the
///   parts' summed distance is at least the joined parts' distance, and at most two);
/// - the formal name it is, or is a short form of (general list: `shorts` is (short, formal) sorted);
/// - its first letter, wild for an initial.
pub(super) fn given_keys(p: &PersonName, shorts: &[(&str, &str)], form: usize, out: &mut Vec<GivenKey>) {
    let mut hashes = Vec::new();
    variant_hashes(fnv_byte(FNV_BASIS, 1), &p.given, 1, &mut hashes);
    if p.given.chars().count() >= 8 {
        variant_hashes(fnv_byte(FNV_BASIS, 2), &p.given, 2, &mut hashes);
    }
    if p.given_parts.len() >= 2 {
        let seed = fnv_byte(fnv_byte(FNV_BASIS, 3), p.given_parts.len().min(255) as u8);
        variant_hashes(seed, &p.given_parts.concat(), 2, &mut hashes);
    }
    let first = p.parts.first().copied().unwrap_or_default();
    let folded = fold(first);
    hashes.push(key_hash(5, &folded));
    let from = shorts.partition_point(|s| s.0 < folded.as_str());
    let formal = shorts.get(from..).unwrap_or(&[]).iter().take_while(|s| s.0 == folded);
    hashes.extend(formal.map(|s| key_hash(5, s.1)));
    out.extend(hashes.into_iter().map(|hash| GivenKey { hash, tame: false, form }));
    let initial = first.trim_end_matches('.').chars().count() == 1;
    let letter = p.given.chars().next().map(String::from).unwrap_or_default();
    out.push(GivenKey { hash: key_hash(4, &letter), tame: !initial, form });
}

/// The general list's short forms of given names as (short, formal), sorted.
pub(super) fn short_form_pairs() -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&str, &str)> = resources().short_forms.0.keys().filter_map(|k| k.split_once(' ')).collect();
    crate::base::order::sort(&mut v);
    v
}

/// Person form pairs (smaller form first) whose surnames fit and whose given names share a key: every pair the
/// test accepts, from keys and never from all pairs of a surname.
pub(super) fn person_pairs(names: &Names, tried: &mut Vec<(usize, usize)>) {
    let shorts = short_form_pairs();
    let given: Vec<Vec<GivenKey>> = names
        .surnames
        .forms
        .iter()
        .map(|fs| {
            let mut keys = Vec::new();
            for &f in fs {
                if let Some(p) = names.person(f) {
                    given_keys(p, &shorts, f, &mut keys);
                }
            }
            crate::base::order::sort(&mut keys);
            keys.dedup();
            keys
        })
        .collect();
    for (k, key) in names.surnames.keys.iter().enumerate() {
        for other in names.surnames.fitting(key).into_iter().filter(|&o| o >= k) {
            if let (Some(a), Some(b)) = (given.get(k), given.get(other)) {
                pairs_sharing_keys(a, b, tried);
            }
        }
    }
}

/// The form pairs of two sorted key lists (or of one with itself) that share a key, one of the two entries wild.
pub(super) fn pairs_sharing_keys(a: &[GivenKey], b: &[GivenKey], out: &mut Vec<(usize, usize)>) {
    let run = |v: &[GivenKey], at: usize| -> usize {
        let h = v.get(at).map(|x| x.hash);
        v.get(at..).unwrap_or(&[]).iter().take_while(|x| Some(x.hash) == h).count()
    };
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        if x.hash != y.hash {
            if x.hash < y.hash {
                i += 1;
            } else {
                j += 1;
            }
            continue;
        }
        let (ra, rb) = (run(a, i), run(b, j));
        let (xs, ys) = (a.get(i..i + ra).unwrap_or(&[]), b.get(j..j + rb).unwrap_or(&[]));
        for x in xs {
            // A tame entry meets only the wild ones, which come first.
            for y in ys.iter().take_while(|y| !x.tame || !y.tame).filter(|y| y.form != x.form) {
                out.push((x.form.min(y.form), x.form.max(y.form)));
            }
        }
        (i, j) = (i + ra, j + rb);
    }
}

/// Name keys of organisations and places: every pair the tests below accept shares one (an organisation's
/// folded name and acronyms; a place's folded name). People are paired through [`Surnames`] and given-name keys.
/// The forms sharing each key (keys prefixed by the kind).
pub(super) struct NameBlocks {
    /// A B-tree: filled name by name in no key order at corpus scale (base::map says why).
    pub(super) block_of: std::collections::BTreeMap<String, usize>,
    pub(super) blocks: Vec<Vec<usize>>,
}

impl NameBlocks {
    pub(super) fn of(locals: &[Local], forms: &Forms) -> NameBlocks {
        let mut nb = NameBlocks { block_of: std::collections::BTreeMap::new(), blocks: Vec::new() };
        for (f, &i) in forms.first.iter().enumerate() {
            let Some(l) = locals.get(i) else { continue };
            let keys = match l.kind {
                EntityKind::Person => Vec::new(),
                EntityKind::Organization => {
                    let mut v = org_acronyms(l);
                    v.push(org_key(&l.name));
                    v
                }
                EntityKind::Place => vec![fold(&l.name)],
            };
            for k in keys {
                let next = nb.blocks.len();
                let b = *nb.block_of.entry(format!("{}\u{0}{k}", l.kind.prefix())).or_insert(next);
                if b == next {
                    nb.blocks.push(Vec::new());
                }
                if let Some(v) = nb.blocks.get_mut(b) {
                    v.push(f);
                }
            }
        }
        nb
    }
}

/// Form pairs of one kind and different names that pass the test (in either order): per form, the related forms.
pub(super) fn related_forms(locals: &[Local], names: &Names, blocks: &NameBlocks) -> Vec<Vec<usize>> {
    let forms = &names.forms;
    let mut related: Vec<Vec<usize>> = vec![Vec::new(); forms.first.len()];
    let mut tried: Vec<(usize, usize)> = Vec::new();
    for block in &blocks.blocks {
        for (x, &p) in block.iter().enumerate() {
            tried.extend(block.iter().skip(x + 1).map(|&q| (p.min(q), p.max(q))));
        }
    }
    person_pairs(names, &mut tried);
    crate::base::order::sort(&mut tried);
    tried.dedup();
    let fits = |p: usize, q: usize, a: &Local, b: &Local| match (names.person(p), names.person(q)) {
        (Some(x), Some(y)) => person_fits(x, y) || person_fits(y, x),
        _ => same_entity(a, b).is_some() || same_entity(b, a).is_some(),
    };
    for &(p, q) in &tried {
        let (Some(a), Some(b)) = (forms.local(locals, p), forms.local(locals, q)) else { continue };
        if a.name != b.name && fits(p, q, a, b) {
            if let Some(v) = related.get_mut(p) {
                v.push(q);
            }
            if let Some(v) = related.get_mut(q) {
                v.push(p);
            }
        }
    }
    related
}

/// Joins each local with the locals of related forms in other articles, in index order, with the test's reason.
pub(super) fn join_related(locals: &[Local], forms: &Forms, related: &[Vec<usize>], merger: &mut Merger) {
    // Reason per form and related form (by its place in `related`); "" when the test fails (a reason is never
    // empty).
    let mut reasons: Vec<Vec<Option<String>>> = related.iter().map(|r| r.iter().map(|_| None).collect()).collect();
    for (i, a) in locals.iter().enumerate() {
        let fa = forms.form_of.get(i).copied().unwrap_or(0);
        let mut cands: Vec<(usize, usize)> = Vec::new();
        for (at, &q) in related.get(fa).map(Vec::as_slice).unwrap_or(&[]).iter().enumerate() {
            for &j in forms.locals_of.get(q).map(Vec::as_slice).unwrap_or(&[]) {
                if j > i && locals.get(j).is_some_and(|b| b.article != a.article) {
                    cands.push((j, at));
                }
            }
        }
        crate::base::order::sort(&mut cands);
        for (j, at) in cands {
            let Some(b) = locals.get(j) else { continue };
            // Already one entity: the union would change nothing (and record no reason).
            if merger.clusters.find(i) == merger.clusters.find(j) {
                continue;
            }
            let Some(slot) = reasons.get_mut(fa).and_then(|v| v.get_mut(at)) else { continue };
            let r = slot.get_or_insert_with(|| same_entity(a, b).unwrap_or_default());
            if !r.is_empty() {
                merger.record(i, j, &|| format!("'{}' merged with '{}': {r}", b.name, a.name));
            }
        }
    }
}

/// The full-name locals a single-word name fits, grouped by their cluster when computed (clusters only merge
/// later, so a group stays within one cluster), each group in index order.
pub(super) fn full_names_fitting(name: &str, names: &Names, clusters: &mut Clusters) -> Vec<Vec<usize>> {
    let lone = PersonName::of(name);
    let mut out: Vec<usize> = Vec::new();
    for f in names.surnames.forms_fitting(&lone.surname) {
        if names.person(f).is_some_and(|p| person_fits(&lone, p)) {
            out.extend_from_slice(names.locals_of(f));
        }
    }
    crate::base::order::sort(&mut out);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: Map<usize, usize> = Map::new();
    for j in out {
        let root = clusters.find(j);
        let g = *group_of.entry(root).or_insert(groups.len());
        if g == groups.len() {
            groups.push(Vec::new());
        }
        if let Some(v) = groups.get_mut(g) {
            v.push(j);
        }
    }
    groups
}

/// Of the fitting groups, the one cluster reached in another article than `article`: (its root, the first
/// local reaching it), or `None` when none or several clusters are reached.
pub(super) fn only_fitting_cluster(
    groups: &[Vec<usize>],
    article: usize,
    locals: &[Local],
    clusters: &mut Clusters,
) -> Option<(usize, usize)> {
    let mut only: Option<(usize, usize)> = None;
    for g in groups {
        let Some(&j) = g.iter().find(|&&j| locals.get(j).is_some_and(|b| b.article != article)) else {
            continue;
        };
        let root = clusters.find(j);
        match only {
            None => only = Some((root, j)),
            Some((o, k)) if o == root => only = Some((root, j.min(k))),
            Some(_) => return None,
        }
    }
    only
}

/// Pass 2: a single-word person name joins the one full-name person it fits; never when two fit.
pub(super) fn join_single_names(locals: &[Local], names: &Names, merger: &mut Merger) {
    // The fitting full names of each form's name, grouped by cluster at its first local (clusters only merge
    // later, so a group stays within one cluster; which one answers does not depend on when it was grouped).
    let mut fits: Vec<Option<Vec<Vec<usize>>>> = names.forms.first.iter().map(|_| None).collect();
    for (i, a) in locals.iter().enumerate() {
        let (f, full) = names.forms.of_local(i);
        if !(a.kind == EntityKind::Person || a.guessed) || full {
            continue;
        }
        let Some(slot) = fits.get_mut(f) else { continue };
        let groups = slot.get_or_insert_with(|| full_names_fitting(&a.name, names, &mut merger.clusters));
        if let Some((_, j)) = only_fitting_cluster(groups, a.article, locals, &mut merger.clusters) {
            let b_name = locals.get(j).map(|b| b.name.as_str()).unwrap_or_default();
            let text = || {
                let full = names.person(names.forms.of_local(j).0);
                let r = full.and_then(|p| same_person_names(&PersonName::of(&a.name), p)).unwrap_or_default();
                format!("'{}' merged with '{}': {r}, the only full name it fits", a.name, b_name)
            };
            merger.record(j, i, &text);
        }
    }
}

/// The entity of one cluster of locals: its kind by vote, canonical name, aliases, reasons and mentions.
pub(super) fn entity_of(locals: &[Local], members: &[usize], mut reasons: Vec<String>) -> Option<Entity> {
    // The kind most members were told (guesses count only when nothing was told).
    let mut votes: Map<(bool, EntityKind), usize> = Map::new();
    for l in members.iter().filter_map(|&i| locals.get(i)) {
        *votes.entry((!l.guessed, l.kind)).or_insert(0) += 1;
    }
    let kind = votes
        .iter()
        .max_by_key(|((told, k), c)| (*told, **c, std::cmp::Reverse(*k)))
        .map_or(EntityKind::Organization, |((_, k), _)| *k);
    let name = canonical_name(locals, members)?;
    let mut aliases: Set<String> = Set::new();
    let mut ms: Vec<(usize, usize)> = Vec::new();
    for l in members.iter().filter_map(|&i| locals.get(i)) {
        aliases.insert(l.name.clone());
        for (mi, s) in &l.mentions {
            aliases.insert(s.clone());
            ms.push((l.article, *mi));
        }
    }
    aliases.remove(&name);
    crate::base::order::sort(&mut ms);
    for l in members.iter().filter_map(|&i| locals.get(i)) {
        for (_, form) in &l.mentions {
            if let Some(r) = within_reason(form, &l.name, kind) {
                reasons.push(r);
            }
        }
    }
    crate::base::order::sort(&mut reasons);
    reasons.dedup();
    Some(Entity {
        key: format!("{}:{}", kind.prefix(), slug(&name)),
        name,
        kind,
        aliases: aliases.into_iter().collect(),
        why: reasons,
        mentions: ms,
    })
}

/// Canonical name: the name most articles use, preferring multi-word names, then the longer, then the
/// alphabetically first (never the order articles came in).
pub(super) fn canonical_name(locals: &[Local], members: &[usize]) -> Option<String> {
    let mut counts: Map<String, usize> = Map::new();
    for l in members.iter().filter_map(|&i| locals.get(i)) {
        *counts.entry(l.name.clone()).or_insert(0) += 1;
    }
    counts
        .iter()
        .max_by(|(na, ca), (nb, cb)| {
            let score = |n: &str, c: usize| (is_full_name(n) && !is_acronym(n), c, n.chars().count());
            score(na, **ca).cmp(&score(nb, **cb)).then_with(|| nb.cmp(na))
        })
        .map(|(n, _)| n.clone())
}

/// Keys are unique: a second entity with the same name (kept apart on purpose) gets a numbered key, ordered by
/// its first mention.
pub(super) fn number_repeated_keys(entities: &mut [Entity]) {
    entities.sort_by(|a, b| (&a.key, a.mentions.first()).cmp(&(&b.key, b.mentions.first())));
    let mut seen: Map<String, usize> = Map::new();
    for e in entities {
        let c = seen.entry(e.key.clone()).or_insert(0);
        *c += 1;
        if *c > 1 {
            e.key = format!("{}-{}", e.key, c);
        }
    }
}
