//! The general word lists entity scanning and resolution read (under `data/`: places, titles, organisation
//! words, given names) and the short fixed lists of this module, looked up by hash. Knowledge is general; no
//! list of any story's names. Must not scan articles.

#![warn(clippy::indexing_slicing)]

use super::*;
use crate::base::lexicon;
use crate::base::map::FastHash;
use std::sync::OnceLock;

/// A word list of `data/` looked up by hash: the scanner asks for nearly every capitalised word, and a binary
/// search over thousands of sorted strings cost a quarter of `mentions` in string comparisons. Never iterated
/// where the order could reach an output.
/// A set over the same map type as [`WordMap`] (values left empty), so that the page's wasm compiles one hash
/// table for all the lists (each key and value type compiles the table's code again: wasm weight).
#[derive(Default)]
pub(super) struct WordSet(pub(super) WordMap);

impl WordSet {
    pub(super) fn insert(&mut self, word: String) {
        self.0.insert(word, String::new());
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        self.0.contains_key(word)
    }
}

impl Extend<String> for WordSet {
    fn extend<I: IntoIterator<Item = String>>(&mut self, words: I) {
        for w in words {
            self.insert(w);
        }
    }
}

/// A word list of `data/` with a value per word, looked up by hash (see [`WordSet`]) with the engine's one fast
/// unkeyed hash ([`FastHash`]: these keys come from general lists and the article's own words, no flooding to
/// defend against; the standard library's SipHash costs several times more per word in wasm).
pub(super) type WordMap = std::collections::HashMap<String, String, FastHash>;

/// The general word lists, parsed once from `data/`.
pub(super) struct Resources {
    /// Lowercased place name or alias → canonical place name.
    pub(super) places: WordMap,
    /// Lowercased demonym → canonical country name.
    pub(super) demonyms: WordMap,
    /// Lowercased titles and role words.
    pub(super) titles: WordSet,
    /// Lowercased words that make a name an organisation.
    pub(super) org_words: WordSet,
    /// Lowercased nouns that mark the name before them as an organisation.
    pub(super) org_nouns: WordSet,
    /// Given names, lowercased.
    pub(super) given: WordSet,
    /// Short forms of given names ("bill william"), lowercased, each "short formal".
    pub(super) short_forms: WordSet,
}

/// Whether a place name is broad: a country or a region with a demonym of its own (general list), so that a
/// town inside it is no different place.
pub fn is_broad_place(name: &str) -> bool {
    let r = resources();
    r.places.get(&name.lowercase()).is_some_and(|canon| r.demonyms.values().any(|c| c == canon))
}

pub(super) fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub(super) fn resources() -> &'static Resources {
    static CELL: OnceLock<Resources> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut r = Resources {
            places: WordMap::default(),
            demonyms: WordMap::default(),
            titles: WordSet::default(),
            org_words: WordSet::default(),
            org_nouns: WordSet::default(),
            given: WordSet::default(),
            short_forms: WordSet::default(),
        };
        for line in data_lines(include_str!("../../../data/places.txt")) {
            let cols: Vec<&str> = line.split('|').map(str::trim).collect();
            let Some(&name) = cols.first() else { continue };
            r.places.insert(name.lowercase(), name.to_string());
            if let Some(capital) = cols.get(1).filter(|c| !c.is_empty()) {
                r.places.entry(capital.lowercase()).or_insert_with(|| capital.to_string());
            }
            for d in cols.get(2).unwrap_or(&"").split(',').map(str::trim).filter(|d| !d.is_empty()) {
                r.demonyms.insert(d.lowercase(), name.to_string());
            }
            for a in cols.get(3).unwrap_or(&"").split(',').map(str::trim).filter(|a| !a.is_empty()) {
                r.places.insert(a.lowercase(), name.to_string());
            }
        }
        r.titles.extend(data_lines(include_str!("../../../data/titles.txt")).map(crate::base::text::lowercase));
        let mut nouns = false;
        for w in data_lines(include_str!("../../../data/org_words.txt")) {
            if w == "--" {
                nouns = true;
            } else if nouns {
                r.org_nouns.insert(w.lowercase());
            } else {
                r.org_words.insert(w.lowercase());
            }
        }
        for line in data_lines(include_str!("../../../data/given_names.txt")) {
            r.given.extend(line.split_whitespace().map(crate::base::text::lowercase));
        }
        for line in data_lines(include_str!("../../../data/nicknames.txt")) {
            let mut names = line.split_whitespace().map(crate::base::text::lowercase);
            let Some(formal) = names.next() else { continue };
            r.short_forms.extend(names.map(|short| format!("{short} {formal}")));
        }
        r
    })
}

/// Words that start sentences or headings without being names.
pub(super) const STOP_CAPS: crate::base::lexicon::Words = crate::base::lexicon::Words(
    "a an the this that these those there here it its he she we they i you his her our their my your in on at by for from to of with without during after before since until while when where what which who whom why how if but and or so yet as although though because despite however meanwhile also still then now today yesterday tomorrow some many most all both each every other others another such no not one two three first last next new according once over under about against between among into through earlier later recently finally instead indeed thus therefore moreover furthermore besides perhaps maybe just only even especially mr mrs ms dr read click watch see photo video image images related more less like unlike tags source sources update updated breaking live exclusive opinion analysis back again already almost around near nearly shortly soon it's let yes",
);

/// Particles inside personal names ("Ludwig van Beethoven", "Osama bin Laden").
pub(super) const PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "bin", "bint", "ibn", "al", "da", "du", "la", "le", "del", "di", "dos", "das"];

/// Words that never end a name: pronouns, determiners and question words.
pub(super) const NEVER_LAST: &[&str] = &[
    "what", "who", "which", "where", "when", "why", "how", "he", "she", "it", "they", "we", "i", "you", "the", "a",
    "an", "this", "that", "his", "her", "their", "its",
];

/// Corporate suffixes: part of a company's written name, never its identity or an entity of their own.
pub(super) const CORPORATE_SUFFIXES: &[&str] =
    &["inc", "corp", "corporation", "co", "ltd", "llc", "plc", "limited", "gmbh"];

/// Particles that open a surname written without a given name ("Le Pen", "De Gaulle", "Von Trapp").
pub(super) const SURNAME_OPENERS: &[&str] =
    &["de", "der", "den", "von", "da", "du", "la", "le", "del", "di", "dos", "das"];

/// Connectors allowed inside organisation and place names ("Ministry of Foreign Affairs of …").
/// "in" joins only inside a name ("… Cooperation in Europe"), never after a whole one ("the X Museum in Paris").
pub(super) const CONNECTORS: &[&str] = &["of", "for", "on", "and", "the", "in", "de"];

/// Words that end a place name ("Caspian Sea", "Donetsk People's Republic").
pub(super) const PLACE_WORDS: &[&str] = &[
    "sea",
    "ocean",
    "river",
    "lake",
    "mountains",
    "mountain",
    "mount",
    "island",
    "islands",
    "republic",
    "republics",
    "region",
    "province",
    "oblast",
    "krai",
    "county",
    "city",
    "bay",
    "gulf",
    "peninsula",
    "valley",
    "strait",
    "street",
    "square",
    "avenue",
    "district",
    "state",
    "canal",
    "desert",
    "coast",
    "highway",
    "airport",
    "palace",
    "courthouse",
];

/// Endings of surnames in many languages.
pub(super) const SURNAME_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "ovich", "evich", "ovna", "evna", "enko", "sky", "skyy", "ski", "skiy", "skaya", "ska",
    "vili", "dze", "yan", "escu", "ich", "sson", "iak", "czyk", "chuk",
];

/// Endings of English common nouns; a lone capitalised word with one is rarely a name.
pub(super) const COMMON_NOUN_ENDINGS: &[&str] =
    &["ment", "tion", "sion", "ness", "ity", "ance", "ence", "ism", "ings", "ship"];

/// Words that make a capitalised sequence an event, which is not an entity here ("World War II").
pub(super) const EVENT_WORDS: &[&str] = &[
    "war",
    "games",
    "olympics",
    "cup",
    "championship",
    "festival",
    "revolution",
    "crisis",
    "election",
    "elections",
    "show",
];

/// Subject pronouns and people-words that never start a name.
pub(super) fn is_stop_cap(lower: &str) -> bool {
    STOP_CAPS.contains(lower) || lexicon::month_number(lower).is_some() || lexicon::weekday_number(lower).is_some()
}

pub(super) fn is_month_or_weekday(lower: &str) -> bool {
    lexicon::month_number(lower).is_some() || lexicon::weekday_number(lower).is_some()
}
