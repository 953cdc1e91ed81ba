//! Entities: people, organisations and places mentioned in articles, with roles and titles kept apart from
//! names, short forms resolved within an article, and spelling and transliteration variants merged across
//! articles with an explanation of each merge.
//!
//! Mentions are capitalised token sequences of body sentences (headings only keep names the body confirms),
//! classified with general resources under `data/` (places, titles, organisation words, given names).
//! Knowledge used is general; no list of any story's names. This module must not read quotes or dates.

#![warn(clippy::indexing_slicing)]

use crate::base::lexicon;
use crate::base::map::{Map, Set};
use crate::base::text::Lowercase as _;
use crate::base::text::{fnv_byte, fnv_extend, TextRange, FNV_BASIS};
use crate::input::article::{Article, ParagraphKind};
use serde::Serialize;
use std::sync::OnceLock;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, agency, party, company, outlet or alliance.
    Organization,
    /// A country, city, region or other place.
    Place,
}

impl EntityKind {
    /// The prefix of the canonical key.
    fn prefix(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// One mention of an entity in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The span of the name itself (without role or title).
    pub range: TextRange,
    /// The kind.
    pub kind: EntityKind,
    /// The name as the article's fullest form resolves it ("Jane Q. Doe" for a later "Doe").
    pub name: String,
    /// Role or title attached to this mention ("Russian President", "Kremlin chief"), if any.
    pub role: Option<String>,
    /// Span of the role, if any.
    pub role_range: Option<TextRange>,
    /// Index of the sentence it is in.
    pub sentence: Option<usize>,
    /// The kind is a default guess (nothing in the name or its context told it); merging may overrule it.
    pub guessed: bool,
}

/// One entity across the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Stable canonical key derived from the canonical name and kind (e.g. `person:jane-doe`).
    pub key: String,
    /// The canonical name (the fullest, most frequent form).
    pub name: String,
    /// The kind.
    pub kind: EntityKind,
    /// Other names it goes by, sorted.
    pub aliases: Vec<String>,
    /// Why aliases were merged, one sentence per merge.
    pub why: Vec<String>,
    /// Its mentions, as (article index, mention index) into the inputs of [`resolve`].
    pub mentions: Vec<(usize, usize)>,
}

// ---------------------------------------------------------------------------------------------------------
// General resources
// ---------------------------------------------------------------------------------------------------------

/// A word list of `data/` looked up by hash: the scanner asks for nearly every capitalised word, and a binary
/// search over thousands of sorted strings cost a quarter of `mentions` in string comparisons. Never iterated
/// where the order could reach an output.
/// A set over the same map type as [`WordMap`] (values left empty), so that the page's wasm compiles one hash
/// table for all the lists (each key and value type compiles the table's code again: wasm weight).
#[derive(Default)]
struct WordSet(WordMap);

impl WordSet {
    fn insert(&mut self, word: String) {
        self.0.insert(word, String::new());
    }

    fn contains(&self, word: &str) -> bool {
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

/// A word list of `data/` with a value per word, looked up by hash (see [`WordSet`]).
type WordMap = std::collections::HashMap<String, String, WordHash>;

/// FNV-1a over the bytes of short words: the standard library's SipHash costs several times more per word in
/// wasm, and these keys come from general lists and the article's own words (no flooding to defend against).
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let start = if self.0 == 0 { FNV_BASIS } else { self.0 };
        self.0 = fnv_extend(start, bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hasher of the entity module's word sets and maps.
type WordHash = std::hash::BuildHasherDefault<WordHasher>;

/// The general word lists, parsed once from `data/`.
struct Resources {
    /// Lowercased place name or alias → canonical place name.
    places: WordMap,
    /// Lowercased demonym → canonical country name.
    demonyms: WordMap,
    /// Lowercased titles and role words.
    titles: WordSet,
    /// Lowercased words that make a name an organisation.
    org_words: WordSet,
    /// Lowercased nouns that mark the name before them as an organisation.
    org_nouns: WordSet,
    /// Given names, lowercased.
    given: WordSet,
    /// Short forms of given names ("bill william"), lowercased, each "short formal".
    short_forms: WordSet,
}

/// Whether a place name is broad: a country or a region with a demonym of its own (general list), so that a
/// town inside it is no different place.
pub fn is_broad_place(name: &str) -> bool {
    let r = resources();
    r.places.get(&name.lowercase()).is_some_and(|canon| r.demonyms.values().any(|c| c == canon))
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn resources() -> &'static Resources {
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
        for line in data_lines(include_str!("../../data/places.txt")) {
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
        r.titles.extend(data_lines(include_str!("../../data/titles.txt")).map(crate::base::text::lowercase));
        let mut nouns = false;
        for w in data_lines(include_str!("../../data/org_words.txt")) {
            if w == "--" {
                nouns = true;
            } else if nouns {
                r.org_nouns.insert(w.lowercase());
            } else {
                r.org_words.insert(w.lowercase());
            }
        }
        for line in data_lines(include_str!("../../data/given_names.txt")) {
            r.given.extend(line.split_whitespace().map(crate::base::text::lowercase));
        }
        for line in data_lines(include_str!("../../data/nicknames.txt")) {
            let mut names = line.split_whitespace().map(crate::base::text::lowercase);
            let Some(formal) = names.next() else { continue };
            r.short_forms.extend(names.map(|short| format!("{short} {formal}")));
        }
        r
    })
}

/// Words that start sentences or headings without being names.
const STOP_CAPS: crate::base::lexicon::Words = crate::base::lexicon::Words(
    "a an the this that these those there here it its he she we they i you his her our their my your in on at by for from to of with without during after before since until while when where what which who whom why how if but and or so yet as although though because despite however meanwhile also still then now today yesterday tomorrow some many most all both each every other others another such no not one two three first last next new according once over under about against between among into through earlier later recently finally instead indeed thus therefore moreover furthermore besides perhaps maybe just only even especially mr mrs ms dr read click watch see photo video image images related more less like unlike tags source sources update updated breaking live exclusive opinion analysis back again already almost around near nearly shortly soon it's let yes",
);

/// Particles inside personal names ("Ludwig van Beethoven", "Osama bin Laden").
const PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "bin", "bint", "ibn", "al", "da", "du", "la", "le", "del", "di", "dos", "das"];

/// Words that never end a name: pronouns, determiners and question words.
const NEVER_LAST: &[&str] = &[
    "what", "who", "which", "where", "when", "why", "how", "he", "she", "it", "they", "we", "i", "you", "the", "a",
    "an", "this", "that", "his", "her", "their", "its",
];

/// Corporate suffixes: part of a company's written name, never its identity or an entity of their own.
const CORPORATE_SUFFIXES: &[&str] = &["inc", "corp", "corporation", "co", "ltd", "llc", "plc", "limited", "gmbh"];

/// Particles that open a surname written without a given name ("Le Pen", "De Gaulle", "Von Trapp").
const SURNAME_OPENERS: &[&str] = &["de", "der", "den", "von", "da", "du", "la", "le", "del", "di", "dos", "das"];

/// Connectors allowed inside organisation and place names ("Ministry of Foreign Affairs of …").
/// "in" joins only inside a name ("… Cooperation in Europe"), never after a whole one ("the X Museum in Paris").
const CONNECTORS: &[&str] = &["of", "for", "on", "and", "the", "in", "de"];

/// Words that end a place name ("Caspian Sea", "Donetsk People's Republic").
const PLACE_WORDS: &[&str] = &[
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
const SURNAME_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "ovich", "evich", "ovna", "evna", "enko", "sky", "skyy", "ski", "skiy", "skaya", "ska",
    "vili", "dze", "yan", "escu", "ich", "sson", "iak", "czyk", "chuk",
];

/// Endings of English common nouns; a lone capitalised word with one is rarely a name.
const COMMON_NOUN_ENDINGS: &[&str] = &["ment", "tion", "sion", "ness", "ity", "ance", "ence", "ism", "ings", "ship"];

/// Words that make a capitalised sequence an event, which is not an entity here ("World War II").
const EVENT_WORDS: &[&str] = &[
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
fn is_stop_cap(lower: &str) -> bool {
    STOP_CAPS.contains(lower) || lexicon::month_number(lower).is_some() || lexicon::weekday_number(lower).is_some()
}

fn is_month_or_weekday(lower: &str) -> bool {
    lexicon::month_number(lower).is_some() || lexicon::weekday_number(lower).is_some()
}

// ---------------------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------------------

/// A word of a sentence, with a possessive ending split off.
#[derive(Debug, Clone, Copy)]
struct Tok {
    /// The word without a possessive ending.
    range: TextRange,
    /// End including the possessive ending, when there is one.
    full_end: usize,
    /// Followed by a possessive `'s` / `’s`.
    possessive: bool,
    /// Written as a name: capitalised, with no lowercase part ("Russian-speaking" is not).
    name_shape: bool,
    /// Written as a name and a month or weekday name (a name only before an organisation word).
    calendar: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits a range into words: letters and digits joined by inner hyphens or apostrophes, and initialisms
/// ("U.S.") kept whole; a possessive ending is split off.
fn words(text: &str, range: TextRange) -> Vec<Tok> {
    words_with(text, range, &mut Vec::new())
}

/// [`words`] with the buffer of the range's characters handed in, so that the words of an article's sentences
/// are read without one allocation per sentence.
fn words_with(text: &str, range: TextRange, chars: &mut Vec<(usize, char)>) -> Vec<Tok> {
    let s = range.slice(text);
    chars.clear();
    chars.extend(s.char_indices());
    let chars = &*chars;
    // About one word in six characters of news text: most sentences fill this without growing it.
    let mut out = Vec::with_capacity(chars.len() / 6 + 1);
    let mut i = 0;
    while i < chars.len() {
        let Some(&(start, c)) = chars.get(i) else { break };
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut possessive = false;
        let mut poss_end = 0;
        while let Some(&(_, cj)) = chars.get(j) {
            if cj.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|&(_, c)| c);
            let after = chars.get(j + 2).map(|&(_, c)| c);
            if is_apostrophe(cj) && matches!(next, Some('s') | Some('S')) && !after.is_some_and(char::is_alphanumeric) {
                possessive = true;
                poss_end = chars.get(j + 2).map_or(s.len(), |&(p, _)| p);
                break;
            }
            if (cj == '-' || is_apostrophe(cj)) && next.is_some_and(char::is_alphanumeric) {
                j += 1;
                continue;
            }
            // Initialisms: "U.S.", "U.S.S.R.".
            if cj == '.' {
                let prev_single = j >= 1
                    && chars.get(j - 1).is_some_and(|&(_, p)| p.is_uppercase())
                    && (j < 2 || chars.get(j - 2).is_none_or(|&(_, p)| !p.is_alphanumeric()));
                if prev_single && next.is_some_and(char::is_uppercase) && !after.is_some_and(char::is_alphanumeric) {
                    j += 1;
                    continue;
                }
                if prev_single && j >= 2 && chars.get(j - 2).is_some_and(|&(_, p)| p == '.') {
                    j += 1; // the closing dot of an initialism
                }
                break;
            }
            break;
        }
        let end = chars.get(j).map_or(s.len(), |&(p, _)| p);
        let start = start + name_prefix_len(s.get(start..end).unwrap_or(""));
        let word = TextRange::new(range.start + start, range.start + end);
        let full_end = if possessive { range.start + poss_end } else { word.end };
        // The name shape and the calendar test, read once here (the candidate finder asks for each word again
        // as a name is extended).
        let written = word.slice(text);
        let name_shape = is_capitalised(written) && !has_lower_part(written);
        let calendar = name_shape
            && if written.is_ascii() { is_month_or_weekday(written) } else { is_month_or_weekday(&fold(written)) };
        out.push(Tok { range: word, full_end, possessive, name_shape, calendar });
        // The possessive ending lies after character `j`, so the search starts there.
        i = if possessive {
            chars.get(j..).and_then(|rest| rest.iter().position(|&(p, _)| p >= poss_end)).map_or(chars.len(), |k| j + k)
        } else {
            j
        };
    }
    out
}

/// The length of a lowercase prefix joined by a hyphen to a name ("anti-" of "anti-European", "pro-" of "pro-EU"),
/// which is no part of the name; 0 when there is none.
fn name_prefix_len(word: &str) -> usize {
    // Each prefix ends with a hyphen: most words have none and are answered without trying them.
    if !word.as_bytes().contains(&b'-') {
        return 0;
    }
    const PREFIXES: &[&str] = &["anti-", "pro-", "non-", "ex-", "post-", "pre-", "mid-", "pan-"];
    PREFIXES
        .iter()
        .find(|p| word.strip_prefix(**p).is_some_and(|rest| first_char(rest).is_some_and(char::is_uppercase)))
        .map_or(0, |p| p.len())
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// Whether a word is written as a name: capitalised, or an acronym.
fn is_capitalised(w: &str) -> bool {
    first_char(w).is_some_and(char::is_uppercase)
}

/// Whether a word is an acronym ("NATO", "U.S.", "EU").
fn is_acronym(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    (2..=7).contains(&letters)
}

/// Whether a hyphenated word has a lowercase part ("Russian-speaking", "EU-sanctioned").
fn has_lower_part(w: &str) -> bool {
    w.split('-').any(|p| first_char(p).is_some_and(char::is_lowercase))
}

/// Whether the gap between two words is plain space (no punctuation that would end a name).
fn plain_gap(text: &str, from: usize, to: usize) -> bool {
    let gap = text.get(from..to).unwrap_or("x");
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

// ---------------------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------------------

/// Folds the common Latin diacritics to ASCII.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// Lowercase, diacritics folded, typographic apostrophes made straight.
fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] written into `out` (cleared first), so that a loop folding many words reuses one buffer.
fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        out.extend(
            s.chars().map(crate::base::text::lower_char).map(fold_char).map(|c| if c == '’' { '\'' } else { c }),
        );
    }
}

/// A stable key for a name: folded, letters and digits joined by `-` (`jane-doe`).
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The transliteration key of one name part: diacritics stripped and common alternations folded
/// (y/j/i, k/c/q, zh/z, kh/h, ck/k, ou/u, w/v, ph/f, double letters, a glide between vowels).
fn translit_key(part: &str) -> String {
    let s: Vec<char> = fold(part).chars().filter(|c| c.is_alphabetic()).collect();
    let mut out: Vec<char> = Vec::new();
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        let next = s.get(i + 1).copied();
        let mapped: &[char] = match (c, next) {
            ('z', Some('h')) | ('k', Some('h')) | ('c', Some('k')) | ('p', Some('h')) | ('o', Some('u')) => {
                i += 1;
                match c {
                    'z' => &['z'],
                    'k' => &['h'],
                    'c' => &['k'],
                    'p' => &['f'],
                    _ => &['u'],
                }
            }
            ('c', Some('h')) => {
                i += 1;
                &['c', 'h']
            }
            ('y' | 'j', _) => &['i'],
            ('c' | 'q', _) => &['k'],
            ('w', _) => &['v'],
            ('x', _) => &['k', 's'],
            _ => s.get(i..=i).unwrap_or(&[]),
        };
        for &m in mapped {
            if out.last() != Some(&m) {
                out.push(m);
            }
        }
        i += 1;
    }
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiou".contains(*c));
    let mut key = String::new();
    for (i, c) in out.iter().enumerate() {
        if *c == 'i' && i > 0 && vowel(out.get(i - 1)) && vowel(out.get(i + 1)) {
            continue;
        }
        key.push(*c);
    }
    key
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = sub.min(del).min(ins);
            }
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// The words of a name, possessive endings removed; a surname that opens with a particle is one part ("Le Pen"
/// in "Marine Le Pen", "de Gaulle"), unless the particle is also a given name ("Van", "Al").
fn name_parts(name: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = Vec::new();
    let mut at = 0;
    let words: Vec<(usize, &str)> = name
        .split(' ')
        .map(|w| {
            let start = at;
            at += w.len() + 1;
            (start, w)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let mut i = 0;
    while let Some(&(start, w)) = words.get(i) {
        let next = words.get(i + 1).filter(|_| opens_surname(w, i == 0));
        let end = next.map_or(start + w.len(), |&(s, n)| s + n.len());
        let part = name.get(start..end).unwrap_or(w);
        parts.push(part.trim_end_matches("'s").trim_end_matches("’s"));
        i += if next.is_some() { 2 } else { 1 };
    }
    // Generational suffixes are not the surname ("John Doe Jr.").
    while parts.len() > 1
        && parts.last().is_some_and(|p| matches!(p.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV"))
    {
        parts.pop();
    }
    parts
}

/// Whether a word is a particle that opens a surname ("Le" of "Le Pen", "van" of "Ludwig van Beethoven"). A
/// name's first word is one only when it cannot be a given name ("Le", "De"; not "Van", "Al").
fn opens_surname(w: &str, first: bool) -> bool {
    let l = fold(w);
    if first {
        SURNAME_OPENERS.contains(&l.as_str()) && !resources().given.contains(&l)
    } else {
        PARTICLES.contains(&l.as_str())
    }
}

/// Whether a person's name has a given name and a surname ("Marine Le Pen"; not "Le Pen").
fn is_full_name(name: &str) -> bool {
    name_parts(name).len() >= 2
}

/// Initials of the capitalised words of an expansion ("North Atlantic Treaty Organization" → "NATO").
fn initials(expansion: &str) -> String {
    expansion
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| first_char(w).is_some_and(char::is_uppercase))
        .filter_map(first_char)
        .collect()
}

// ---------------------------------------------------------------------------------------------------------
// Mentions of one article
// ---------------------------------------------------------------------------------------------------------

/// A capitalised word sequence found in a sentence, before it is classified.
#[derive(Debug, Clone)]
struct Candidate {
    /// Indices into the sentence's words.
    words: Vec<usize>,
    sentence: usize,
    /// Ends with a trailing number ("Channel 4").
    numbered: bool,
}

/// Per-article facts the classifier uses.
struct ArticleFacts {
    /// Lowercased words seen capitalised in a body sentence other than as its first word (hash sets: filled word
    /// by word in text order, where a sorted map shifted its tail and compared strings at each new word).
    known: WordSet,
    /// Of those, the words written so twice or more.
    known_twice: WordSet,
    /// The folded words that open a sentence or a quotation (the only words the classifier asks `lower` about)
    /// which the body also writes in lowercase.
    lower: WordSet,
}

impl ArticleFacts {
    /// Whether the body writes this (lowercased) word capitalised away from a sentence start.
    fn known(&self, lower: &str) -> bool {
        self.known.contains(lower)
    }

    fn known_twice(&self, lower: &str) -> bool {
        self.known_twice.contains(lower)
    }
}

/// Finds the entity mentions of one article.
pub fn mentions(article: &Article) -> Vec<Mention> {
    let text = &article.text;
    let res = resources();
    let mut chars = Vec::new();
    let sentence_words: Vec<Vec<Tok>> =
        article.sentences.iter().map(|s| words_with(text, s.range, &mut chars)).collect();
    let is_heading = |si: usize| {
        article
            .sentences
            .get(si)
            .and_then(|s| article.paragraphs.get(s.paragraph))
            .is_some_and(|p| p.kind != ParagraphKind::Body)
    };
    let in_furniture = |r: TextRange| article.furniture.iter().any(|f| f.range.contains_range(r));
    // What the body writes capitalised away from the start of a sentence.
    let mut facts =
        ArticleFacts { known: WordSet::default(), known_twice: WordSet::default(), lower: WordSet::default() };
    let mut folded = String::new();
    let mut lower: Vec<&str> = Vec::new();
    for (si, ws) in sentence_words.iter().enumerate() {
        if is_heading(si) {
            continue;
        }
        for (wi, w) in ws.iter().enumerate() {
            let t = w.range.slice(text);
            if wi > 0 && is_capitalised(t) && !after_open_quote(text, ws, wi, article, si) {
                // Folded into one buffer: a word seen before costs no allocation.
                fold_into(t, &mut folded);
                if !facts.known.contains(&folded) {
                    facts.known.insert(folded.clone());
                } else if !facts.known_twice.contains(&folded) {
                    facts.known_twice.insert(folded.clone());
                }
            } else if first_char(t).is_some_and(char::is_lowercase) {
                lower.push(t);
            }
        }
    }
    facts.lower = written_lower(text, article, &sentence_words, &lower);
    let mut found: Vec<Mention> = Vec::new();
    for (si, ws) in sentence_words.iter().enumerate() {
        let Some(sentence) = article.sentences.get(si) else { continue };
        if in_furniture(sentence.range) {
            continue;
        }
        let heading = is_heading(si);
        for cand in candidates(text, ws, si) {
            let c = Classifier { text, ws, cand: &cand, facts: &facts, res, article };
            found.extend(classify(&c, heading));
        }
    }
    // Candidates swallowed by another mention's role ("Kremlin" in "Kremlin chief X") are roles, not names.
    let roles: Vec<TextRange> = found.iter().filter_map(|m| m.role_range).collect();
    found.retain(|m| !roles.iter().any(|r| r.contains_range(m.range)));
    crate::base::order::sort_by_key(&mut found, |m| (m.range.start, m.range.end));
    found.dedup_by_key(|m| m.range);
    add_lowercase_variants(article, &sentence_words, &mut found);
    resolve_within(article, &mut found);
    found
}

/// Of the words that open a sentence or a quotation (folded), those the body writes in lowercase (`lower`, its
/// lowercase words as written): the classifier asks only about such words, so only they are kept, and each
/// lowercase word costs one hash instead of a place in a sorted set of all of them.
fn written_lower(text: &str, article: &Article, sentence_words: &[Vec<Tok>], lower: &[&str]) -> WordSet {
    let mut initial = WordSet::default();
    for (si, ws) in sentence_words.iter().enumerate() {
        for (wi, w) in ws.iter().enumerate() {
            if wi == 0 || after_open_quote(text, ws, wi, article, si) {
                initial.insert(fold(w.range.slice(text)));
            }
        }
    }
    let mut found = WordSet::default();
    for &t in lower {
        if initial.contains(t) && !found.contains(t) {
            found.insert(t.to_string());
        }
    }
    found
}

/// Whether word `wi` directly follows an opening quotation mark (a quote's first word is capitalised).
fn after_open_quote(text: &str, ws: &[Tok], wi: usize, article: &Article, si: usize) -> bool {
    let Some(w) = ws.get(wi) else { return false };
    let from = if wi == 0 {
        article.sentences.get(si).map_or(w.range.start, |s| s.range.start)
    } else {
        ws.get(wi - 1).map_or(w.range.start, |p| p.full_end)
    };
    let gap = text.get(from..w.range.start).unwrap_or("");
    // Most gaps are one space: answered without the character searches.
    if gap == " " {
        return false;
    }
    gap.contains(['"', '“', '«', '‘']) || gap.contains(['(', ':', '–', '—'])
}

/// The words of one sentence, read by the candidate finder.
struct SentenceWords<'a> {
    text: &'a str,
    ws: &'a [Tok],
    res: &'a Resources,
}

impl SentenceWords<'_> {
    fn word(&self, i: usize) -> &str {
        self.ws.get(i).map_or("", |w| w.range.slice(self.text))
    }

    /// Whether word `i` is written as a name (capitalised, not "Russian-speaking"); a month or weekday is a name
    /// only before an organisation word ("Sunday Times").
    fn name_like(&self, i: usize) -> bool {
        // The shape and the calendar test were read once, when the sentence was split.
        let Some(w) = self.ws.get(i) else { return false };
        let calendar = || {
            w.calendar && {
                let n = self.word(i + 1);
                !(is_capitalised(n) && self.res.org_words.contains(&fold(n)))
            }
        };
        w.name_shape && !calendar()
    }

    /// Whether the folded word is an organisation word or a place word.
    fn org_or_place_word(&self, l: &str) -> bool {
        self.res.org_words.contains(l) || PLACE_WORDS.contains(&l)
    }

    /// After the name's words so far, at lowercase word `j`: one or two particles or connectors ("of the") and
    /// then a capitalised word; returns the index of that word. Connectors join only organisation and place
    /// names; "X Times and Y Times" are two names ("and" joins only when no organisation word follows it).
    fn connector_run(&self, seq: &[usize], j: usize) -> Option<usize> {
        let has_org = seq.iter().any(|&k| self.org_or_place_word(&fold(self.word(k))));
        let whole = seq.last().is_some_and(|&k| self.org_or_place_word(&fold(self.word(k))));
        if whole && fold(self.word(j)) == "in" {
            return None;
        }
        let mut k = j;
        let mut ok = false;
        while k < j + 2 {
            let lk = fold(self.word(k));
            let is_particle = PARTICLES.contains(&lk.as_str()) && !is_capitalised(self.word(k));
            let is_connector = CONNECTORS.contains(&lk.as_str()) && has_org;
            if !(is_particle || is_connector) {
                break;
            }
            let (Some(a), Some(b)) = (self.ws.get(k), self.ws.get(k + 1)) else { break };
            if !plain_gap(self.text, a.full_end, b.range.start) {
                break;
            }
            if self.name_like(k + 1) {
                ok = true;
                break;
            }
            k += 1;
        }
        let and_splits = fold(self.word(j)) == "and" && {
            let mut m = k + 1;
            let mut org_after = false;
            while self.name_like(m) {
                org_after |= self.res.org_words.contains(&fold(self.word(m)));
                m += 1;
            }
            org_after
        };
        (ok && !and_splits).then_some(k + 1)
    }

    /// Whether word `j` is a short number closing a name of at most two words ("Channel 4").
    fn numbered_tail(&self, seq: &[usize], j: usize) -> bool {
        let w = self.word(j);
        let Some(next) = self.ws.get(j) else { return false };
        w.len() <= 3
            && w.chars().all(|c| c.is_ascii_digit())
            && seq.len() <= 2
            && self.ws.get(j + 1).is_none_or(|n| !plain_gap(self.text, next.full_end, n.range.start))
    }

    /// The name that starts at word `i`: following capitalised words, particles and connectors.
    fn extend_name(&self, i: usize, si: usize) -> Candidate {
        let mut seq = vec![i];
        let mut j = i + 1;
        let mut numbered = false;
        while let Some(last) = seq.last().and_then(|&k| self.ws.get(k)) {
            let Some(next) = self.ws.get(j) else { break };
            // A possessive ends a name unless an organisation or place word follows ("People's Republic").
            if last.possessive {
                if !(self.name_like(j) && self.org_or_place_word(&fold(self.word(j)))) {
                    break;
                }
                seq.push(j);
                j += 1;
                continue;
            }
            let initial_dot = last.range.len() == 1
                && last.range.slice(self.text).chars().all(char::is_uppercase)
                && self.text.get(last.range.end..next.range.start) == Some(". ");
            if !plain_gap(self.text, last.full_end, next.range.start) && !initial_dot {
                break;
            }
            if self.name_like(j) {
                seq.push(j);
                j += 1;
                continue;
            }
            if let Some(end) = self.connector_run(&seq, j) {
                seq.extend(j..=end);
                j = end + 1;
                continue;
            }
            if self.numbered_tail(&seq, j) {
                numbered = true;
                seq.push(j);
            }
            break;
        }
        Candidate { words: seq, sentence: si, numbered }
    }
}

/// Maximal capitalised word sequences of a sentence, joined by particles and by connectors when the name is
/// an organisation's or a place's ("Ministry of Foreign Affairs of …").
fn candidates(text: &str, ws: &[Tok], si: usize) -> Vec<Candidate> {
    let sw = SentenceWords { text, ws, res: resources() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !sw.name_like(i) {
            // Not written as a name (lowercase, a month, "Russian-speaking").
            i += 1;
            continue;
        }
        let cand = sw.extend_name(i, si);
        i = cand.words.last().map_or(i + 1, |&l| l + 1);
        out.push(cand);
    }
    out
}

/// What the classifier reads of one candidate's sentence.
struct Classifier<'a> {
    text: &'a str,
    ws: &'a [Tok],
    cand: &'a Candidate,
    facts: &'a ArticleFacts,
    res: &'a Resources,
    article: &'a Article,
}

impl Classifier<'_> {
    fn word(&self, i: usize) -> &str {
        self.ws.get(i).map_or("", |w| w.range.slice(self.text))
    }

    /// Whether word `i` starts the sentence or a quotation.
    fn initial(&self, i: usize) -> bool {
        i == 0 || after_open_quote(self.text, self.ws, i, self.article, self.cand.sentence)
    }

    /// The span from word `first` to word `last`.
    fn span(&self, first: usize, last: usize) -> Option<TextRange> {
        let (fw, lw) = (self.ws.get(first)?, self.ws.get(last)?);
        Some(TextRange::new(fw.range.start, lw.range.end))
    }

    /// Hyphenated compounds of places ("Russia-Germany") become one mention per place.
    fn hyphenated_places(&self, idx: &[usize]) -> Option<Vec<Mention>> {
        let [only] = idx else { return None };
        let w = self.word(*only);
        let parts: Vec<&str> = w.split('-').collect();
        if !w.contains('-') || !parts.iter().all(|p| self.res.places.contains_key(&fold(p))) {
            return None;
        }
        let mut out = Vec::new();
        let mut off = self.ws.get(*only).map_or(0, |t| t.range.start);
        for p in parts {
            let r = TextRange::new(off, off + p.len());
            off += p.len() + 1;
            out.push(place_mention(r, p, self.cand.sentence, self.res));
        }
        Some(out)
    }

    /// Drops leading stop words and determiners ("The", "During", "However"), and a sentence's first word the
    /// article otherwise writes in lowercase.
    fn drop_leading_stops(&self, idx: &mut Vec<usize>) {
        let res = self.res;
        while let Some(&first) = idx.first() {
            let l = fold(self.word(first));
            let calendar_name =
                is_month_or_weekday(&l) && idx.get(1).is_some_and(|&n| res.org_words.contains(&fold(self.word(n))));
            let participle = (l.ends_with("ing") || l.ends_with("ed")) && !res.given.contains(&l);
            // "Said Jane Roe:", "Says Jane Roe": an inverted verb of saying opens no name (though "Said" is a
            // given name too).
            let inverted = self.initial(first) && idx.len() > 1 && matches!(l.as_str(), "said" | "says");
            // "Independent Jane Doe": a capitalised modifier before a given name and a surname.
            let before_given = idx.len() > 2
                && idx.get(1).is_some_and(|&n| res.given.contains(&fold(self.word(n))))
                && !res.org_words.contains(&l);
            let drop = inverted
                || (is_stop_cap(&l) && !calendar_name)
                || (self.initial(first)
                    && idx.len() > 1
                    && (self.facts.lower.contains(l.as_str()) || participle || before_given)
                    && !self.facts.known(&l)
                    && !res.given.contains(&l)
                    && !res.places.contains_key(&l)
                    && !res.titles.contains(&l)
                    && !res.demonyms.contains_key(&l)
                    && !is_acronym(self.word(first)));
            // "New Jersey" of "New Jersey Gov. X" is a place, whatever its first word.
            let place = || {
                let joined: Vec<String> = idx.iter().map(|&i| fold(self.word(i))).collect();
                idx.len() > 1 && res.places.contains_key(&joined.join(" "))
            };
            if !drop || place() {
                break;
            }
            idx.remove(0);
        }
        // A name never ends in a pronoun or question word ("the Louvre What has …", a lost line break).
        while idx.len() > 1 && idx.last().is_some_and(|&l| NEVER_LAST.contains(&fold(self.word(l)).as_str())) {
            idx.pop();
        }
    }

    /// After "Secretary of", "Minister for" the first words are the portfolio, not the name ("State" of
    /// "Secretary of State Jane Roe"): up to a given name, else the first word, when two words stay.
    fn drop_portfolio(&self, idx: &mut Vec<usize>) {
        let Some(&first) = idx.first() else { return };
        let before = |k: usize| first.checked_sub(k).map(|i| fold(self.word(i)));
        let after_title = matches!(before(1).as_deref(), Some("of" | "for"))
            && before(2).is_some_and(|t| self.res.titles.contains(&t));
        if !after_title || idx.len() < 3 {
            return;
        }
        let given = idx.iter().skip(1).position(|&i| self.res.given.contains(&fold(self.word(i))));
        let cut = given.map_or(1, |g| g + 1).min(idx.len() - 2);
        idx.drain(..cut);
    }

    /// A lone word that starts a sentence is a name only when the article, the lists or its shape say so.
    fn lone_initial_dropped(&self, idx: &[usize]) -> bool {
        let [only] = idx else { return false };
        if !self.initial(*only) {
            return false;
        }
        let w = self.word(*only);
        let l = fold(w);
        let keep = self.facts.known(&l)
            || self.res.places.contains_key(&l)
            || self.res.given.contains(&l)
            || is_acronym(w)
            || has_surname_ending(&l)
            || is_camel_case(w)
            || self.span(*only, *only).is_some_and(|r| self.dateline(r));
        !keep
    }

    /// A title inside a sequence splits it: "Superior Court Judge Jane Doe" is Jane Doe with her role.
    fn person_after_title(&self, idx: &[usize]) -> Option<Mention> {
        let res = self.res;
        let k = idx.iter().rposition(|&i| {
            let l = fold(self.word(i));
            res.titles.contains(&l)
                && !res.demonyms.contains_key(&l)
                && !matches!(l.as_str(), "first" | "former" | "late")
        })?;
        if k == 0 || k + 1 >= idx.len() {
            return None;
        }
        // A portfolio after the title ("Secretary of State", "Minister for Health") is part of the role.
        let portfolio = idx.get(k + 1).is_some_and(|&i| matches!(fold(self.word(i)).as_str(), "of" | "for"));
        let k = if portfolio && k + 3 < idx.len() { k + 2 } else { k };
        let tail: Vec<String> = idx.iter().skip(k + 1).map(|&i| fold(self.word(i))).collect();
        let personal = tail.first().is_some_and(|f| res.given.contains(f)) || tail.len() >= 2;
        if !personal || tail.iter().any(|l| res.org_words.contains(l) || res.places.contains_key(l)) {
            return None;
        }
        let (&first, &last) = (idx.get(k + 1)?, idx.last()?);
        let range = self.span(first, last)?;
        let (role, role_range) = role_before(self.text, self.ws, first, res);
        Some(Mention {
            range,
            kind: EntityKind::Person,
            name: range.slice(self.text).to_string(),
            role,
            role_range,
            sentence: Some(self.cand.sentence),
            guessed: false,
        })
    }

    /// Splits role words off the name: leading titles and demonyms (organisations keep their leading modifiers,
    /// "Foreign Ministry"), and trailing titles after an organisation or place ("a U.S. News Reporter").
    /// Returns whether a leading role was split off.
    fn strip_roles(&self, idx: &mut Vec<usize>) -> bool {
        let res = self.res;
        let org_at_end = idx.last().is_some_and(|&l| res.org_words.contains(&fold(self.word(l))));
        let mut had_role = false;
        if !org_at_end {
            while idx.len() > 1 || idx.first().is_some_and(|&f| is_role_word(&fold(self.word(f)), res)) {
                let Some(&f) = idx.first() else { break };
                let l = fold(self.word(f));
                if !is_role_word(&l, res) || res.places.contains_key(&l) {
                    break;
                }
                had_role = true;
                idx.remove(0);
                // A portfolio after the title ("Secretary of State Jane Roe") is part of the role.
                let portfolio = idx.first().is_some_and(|&c| matches!(fold(self.word(c)).as_str(), "of" | "for"));
                if portfolio && idx.len() > 3 {
                    idx.drain(..2);
                }
            }
        }
        while idx.len() > 1 && idx.last().is_some_and(|&l| res.titles.contains(&fold(self.word(l)))) {
            let before_title = idx.get(idx.len() - 2).map_or(String::new(), |&b| fold(self.word(b)));
            if !(res.org_words.contains(&before_title) || res.places.contains_key(&before_title)) {
                break;
            }
            idx.pop();
        }
        had_role
    }

    /// Whether the words left are no name: an event ("World War II"), a demonym, a lone title or letter, or a
    /// lone capitalised common noun ("Announcement") the body does not confirm elsewhere.
    fn not_a_name(&self, idx: &[usize], lower: &str, surface: &str) -> bool {
        let res = self.res;
        let event = idx.iter().any(|&i| EVENT_WORDS.contains(&fold(self.word(i)).as_str()))
            && !idx.iter().any(|&i| res.org_words.contains(&fold(self.word(i))));
        let demonym = res.demonyms.contains_key(lower) || res.demonyms.contains_key(lower.trim_end_matches('s'));
        let lone = idx.len() == 1;
        event
            || demonym
            || (lone && surface.chars().count() < 2)
            || (lone
                && res.titles.contains(lower)
                && !idx.first().is_some_and(|&i| after_honorific(self.text, self.ws, i)))
            || (lone && CORPORATE_SUFFIXES.contains(&lower))
            || (lone && !self.facts.known_twice(lower) && COMMON_NOUN_ENDINGS.iter().any(|e| lower.ends_with(e)))
    }

    /// The mention of the name left after roles were split off, with its kind.
    fn name_mention(&self, idx: &[usize], had_role: bool) -> Option<Mention> {
        let (&first, &last) = (idx.first()?, idx.last()?);
        let range = self.span(first, last)?;
        let surface = range.slice(self.text);
        let lower = fold(surface);
        if self.not_a_name(idx, &lower, surface) {
            return None;
        }
        let (kind, guessed) = if self.dateline(range) {
            (EntityKind::Place, false)
        } else {
            kind_of(self.text, self.ws, idx, self.cand, self.res, had_role)?
        };
        let (role, role_range) =
            if kind == EntityKind::Person { role_before(self.text, self.ws, first, self.res) } else { (None, None) };
        let name = match kind {
            EntityKind::Place => self.res.places.get(&lower).cloned().unwrap_or_else(|| surface.to_string()),
            EntityKind::Organization => self.without_corporate_suffix(idx).unwrap_or_else(|| surface.to_string()),
            EntityKind::Person => surface.to_string(),
        };
        Some(Mention { range, kind, name, role, role_range, sentence: Some(self.cand.sentence), guessed })
    }

    /// Whether a name is the town of a dateline: it opens the first body paragraph and is followed, within the
    /// line, by at most a short comma part (a state, a date) and a parenthesis (an agency), then a dash (`CITY,
    /// State —`, `CITY (Agency) —`, `CITY, Month Day (Agency) -`).
    fn dateline(&self, range: TextRange) -> bool {
        let before = self.text.get(..range.start).unwrap_or("x").trim_end_matches(' ');
        if !(before.is_empty() || before.ends_with('\n')) {
            return false;
        }
        let a = self.article;
        let body = a
            .paragraphs
            .iter()
            .find(|p| p.kind == ParagraphKind::Body && !a.furniture.iter().any(|f| f.range.contains_range(p.range)));
        let Some(p) = body.filter(|p| self.text.get(p.range.start..range.start).is_some_and(|g| g.trim().is_empty()))
        else {
            return false;
        };
        let rest = self.text.get(range.end..p.range.end).unwrap_or("");
        let rest = rest.split('\n').next().unwrap_or("");
        let (rest, comma) = match rest.strip_prefix(',') {
            Some(r) => {
                (r.get(r.find(['(', '—', '–', '-']).filter(|&i| i <= 40).unwrap_or(r.len())..).unwrap_or(""), true)
            }
            None => (rest, false),
        };
        let rest = rest.trim_start();
        let (rest, agency) = match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
            Some((agency, after)) if agency.len() <= 30 => (after.trim_start(), true),
            _ => (rest, false),
        };
        // A name and a dash alone (`Jane Roe — the mayor — said`) is a dateline only in capitals.
        let name = range.slice(self.text);
        let capitals = !name.chars().any(char::is_lowercase);
        let dash = ["— ", "– ", "-- ", "- "].iter().any(|d| rest.starts_with(d));
        dash && (comma || agency || capitals) && name.split(' ').count() <= 4
    }

    /// An organisation's name without a closing corporate suffix ("Acme" of "Acme Corp."), when one is there.
    fn without_corporate_suffix(&self, idx: &[usize]) -> Option<String> {
        let (&first, [.., before_last, last]) = (idx.first()?, idx) else { return None };
        if !CORPORATE_SUFFIXES.contains(&fold(self.word(*last)).as_str()) {
            return None;
        }
        Some(self.span(first, *before_last)?.slice(self.text).to_string())
    }
}

/// Classifies a candidate into zero or more mentions (roles split off, sentence-initial words dropped,
/// headings restricted to names the body confirms).
fn classify(c: &Classifier, heading: bool) -> Vec<Mention> {
    let mut idx = c.cand.words.clone();
    if let Some(places) = c.hyphenated_places(&idx) {
        return places;
    }
    // "Gov." of "New Jersey Gov. Jane Doe", "Rev." of "the Rev. John Doe": the role of the name after it.
    while idx.last().is_some_and(|&l| title_abbreviation(c.text, c.ws, l, c.res)) {
        idx.pop();
    }
    c.drop_leading_stops(&mut idx);
    if idx.is_empty() {
        return Vec::new();
    }
    if heading {
        return heading_mentions(c.text, c.ws, &idx, c.cand.sentence, c.facts, c.res);
    }
    c.drop_portfolio(&mut idx);
    if c.lone_initial_dropped(&idx) {
        return Vec::new();
    }
    if let Some(m) = c.person_after_title(&idx) {
        return vec![m];
    }
    // "Mr. King": after an honorific a lone title word is the surname.
    let surname_after_honorific = matches!(idx.as_slice(), [only] if after_honorific(c.text, c.ws, *only));
    let had_role = surname_after_honorific || c.strip_roles(&mut idx);
    c.name_mention(&idx, had_role).into_iter().collect()
}

fn place_mention(range: TextRange, surface: &str, sentence: usize, res: &Resources) -> Mention {
    let name = res.places.get(&fold(surface)).cloned().unwrap_or_else(|| surface.to_string());
    Mention {
        range,
        kind: EntityKind::Place,
        name,
        role: None,
        role_range: None,
        sentence: Some(sentence),
        guessed: false,
    }
}

/// In a heading, only runs of words the body confirms (or places and acronyms) are names.
fn heading_mentions(
    text: &str,
    ws: &[Tok],
    idx: &[usize],
    sentence: usize,
    facts: &ArticleFacts,
    res: &Resources,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<Mention>| {
        if let (Some(&a), Some(&b)) = (run.first(), run.last()) {
            if let (Some(wa), Some(wb)) = (ws.get(a), ws.get(b)) {
                let range = TextRange::new(wa.range.start, wb.range.end);
                let s = range.slice(text);
                let l = fold(s);
                let (kind, guessed) = if res.places.contains_key(&l) {
                    (EntityKind::Place, false)
                } else if is_acronym(s) || res.org_words.contains(l.rsplit(' ').next().unwrap_or("")) {
                    (EntityKind::Organization, false)
                } else {
                    (EntityKind::Person, true)
                };
                let name = if kind == EntityKind::Place { res.places.get(&l).cloned() } else { None };
                out.push(Mention {
                    range,
                    kind,
                    name: name.unwrap_or_else(|| s.to_string()),
                    role: None,
                    role_range: None,
                    sentence: Some(sentence),
                    guessed,
                });
            }
        }
        run.clear();
    };
    for &i in idx {
        let w = ws.get(i).map_or("", |t| t.range.slice(text));
        let l = fold(w);
        let ok = (facts.known(&l) || res.places.contains_key(&l) || is_acronym(w))
            && !res.titles.contains(&l)
            && !res.demonyms.contains_key(&l)
            && !res.org_words.contains(&l)
            && !is_stop_cap(&l);
        if ok {
            run.push(i);
            if ws.get(i).is_some_and(|t| t.possessive) {
                flush(&mut run, &mut out);
            }
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn is_role_word(lower: &str, res: &Resources) -> bool {
    res.titles.contains(lower) || res.demonyms.contains_key(lower)
}

/// Capitalised abbreviations with a period that are no title before a name: place prefixes ("St. Louis"),
/// generational suffixes, numbering and the like.
const NOT_TITLES: &[&str] = &["st", "mt", "ft", "jr", "sr", "no", "nos", "vs", "vol", "fig", "pp", "ca", "al", "cf"];

/// Honorifics after which a title word is a surname ("Mr. King").
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "mme", "mlle"];

/// Whether word `i` of a sentence is an abbreviated title: a capitalised word of two to four letters (the rest
/// lowercase) written with a period right before another capitalised word of the sentence ("Sen. Jane Doe",
/// "the Rev. John Doe", "Lt. Gen. John Doe"), and no place ("Fla."), month, corporate suffix ("Co.") or place
/// prefix ("St. Louis"). Such a word is evidence that a person's name follows, and part of no name itself.
fn title_abbreviation(text: &str, ws: &[Tok], i: usize, res: &Resources) -> bool {
    let (Some(w), Some(next)) = (ws.get(i), ws.get(i + 1)) else { return false };
    if text.get(w.range.end..next.range.start) != Some(". ") || w.possessive {
        return false;
    }
    let word = w.range.slice(text);
    let mut chars = word.chars();
    let shape = chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && (2..=4).contains(&word.chars().count());
    if !shape || !is_capitalised(next.range.slice(text)) {
        return false;
    }
    let l = fold(word);
    !res.places.contains_key(&l)
        && !is_month_or_weekday(&l)
        && !CORPORATE_SUFFIXES.contains(&l.as_str())
        && !NOT_TITLES.contains(&l.as_str())
}

/// Whether word `i` follows an honorific written with its period ("Mr. King", "Dr. Page").
fn after_honorific(text: &str, ws: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| ws.get(p)) else { return false };
    let gap = ws.get(i).and_then(|w| text.get(prev.range.end..w.range.start));
    gap == Some(". ") && HONORIFICS.contains(&fold(prev.range.slice(text)).as_str())
}

/// A word with a capital after a short lowercase prefix ("McX", "MacX", "DeX", "LaX"): a surname's shape no
/// common word has.
fn is_camel_case(w: &str) -> bool {
    let mut chars = w.chars();
    let lowers = chars.by_ref().skip(1).take_while(|c| c.is_lowercase()).count();
    chars.next().is_some_and(char::is_lowercase)
        && w.chars().next().is_some_and(char::is_uppercase)
        && (1..=2).contains(&lowers)
        && w.chars().nth(lowers + 1).is_some_and(char::is_uppercase)
}

fn has_surname_ending(lower: &str) -> bool {
    lower.chars().count() >= 5 && SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// The kind of a candidate, or `None` when it is not an entity.
fn kind_of(
    text: &str,
    ws: &[Tok],
    idx: &[usize],
    cand: &Candidate,
    res: &Resources,
    had_title: bool,
) -> Option<(EntityKind, bool)> {
    let word = |i: usize| ws.get(i).map_or("", |w| w.range.slice(text));
    let lowers: Vec<String> = idx.iter().map(|&i| fold(word(i))).collect();
    let joined = lowers.join(" ");
    if res.places.contains_key(&joined) {
        return Some((EntityKind::Place, false));
    }
    let last = lowers.last().map(String::as_str).unwrap_or("");
    if cand.numbered {
        return Some((EntityKind::Organization, false));
    }
    if lowers.iter().any(|l| res.org_words.contains(l)) {
        return Some((EntityKind::Organization, false));
    }
    if PLACE_WORDS.contains(&last) && lowers.len() > 1 {
        return Some((EntityKind::Place, false));
    }
    let (Some(&first_i), Some(&last_i)) = (idx.first(), idx.last()) else { return None };
    // Context: "the X agency", "news agency X".
    let after = ws.get(last_i + 1).map(|w| fold(w.range.slice(text)));
    let before = first_i.checked_sub(1).and_then(|b| ws.get(b)).map(|w| fold(w.range.slice(text)));
    if after.as_deref().is_some_and(|a| res.org_nouns.contains(a)) {
        return Some((EntityKind::Organization, false));
    }
    if before.as_deref().is_some_and(|b| res.org_nouns.contains(b) && b != "party") {
        return Some((EntityKind::Organization, false));
    }
    if idx.len() == 1 && is_acronym(word(first_i)) {
        return Some((EntityKind::Organization, false));
    }
    // "in X, Country" and "X and Y People's Republics" are places.
    let comma_place = ws.get(last_i + 1).is_some_and(|n| {
        let gap = text.get(ws.get(last_i).map_or(0, |w| w.full_end)..n.range.start).unwrap_or("");
        gap.trim() == "," && res.places.contains_key(&fold(n.range.slice(text)))
    });
    let shared_place_word = after.as_deref() == Some("and") && {
        let mut m = last_i + 2;
        let mut place_word = false;
        while let Some(w) = ws.get(m).map(|w| w.range.slice(text)).filter(|w| is_capitalised(w)) {
            place_word |= PLACE_WORDS.contains(&fold(w).as_str());
            m += 1;
        }
        place_word
    };
    if idx.len() == 1 && (comma_place || shared_place_word) {
        return Some((EntityKind::Place, false));
    }
    Some(person_or_guess(text, ws, &lowers, first_i, last_i, had_title))
}

/// Words after a name that make it a company ("X shares", "X's stock", "X CEO").
const ORG_AFTER: &[&str] =
    &["shares", "stock", "stocks", "ceo", "cfo", "coo", "subsidiary", "subsidiaries", "shareholders", "stockholders"];

/// Word pairs before a name that make it an organisation ("spokesperson for X", "shares of X", "stake in X").
const ORG_BEFORE: &[(&str, &str)] = &[
    ("spokesperson", "for"),
    ("spokesman", "for"),
    ("spokeswoman", "for"),
    ("shares", "of"),
    ("stake", "in"),
    ("acquisition", "of"),
];

/// Whether the words around a name say it is an organisation (see [`ORG_AFTER`] and [`ORG_BEFORE`]).
fn org_context(text: &str, ws: &[Tok], first_i: usize, last_i: usize) -> bool {
    let folded = |i: usize| ws.get(i).map(|w| fold(w.range.slice(text)));
    let joined = |a: usize, b: usize| match (ws.get(a), ws.get(b)) {
        (Some(x), Some(y)) => plain_gap(text, x.full_end, y.range.start),
        _ => false,
    };
    let after = folded(last_i + 1).filter(|_| joined(last_i, last_i + 1));
    if after.as_deref().is_some_and(|a| ORG_AFTER.contains(&a)) {
        return true;
    }
    let (Some(b1), Some(b2)) = (first_i.checked_sub(2), first_i.checked_sub(1)) else { return false };
    let pair = (folded(b1), folded(b2));
    joined(b1, b2)
        && joined(b2, first_i)
        && ORG_BEFORE.iter().any(|(x, y)| pair.0.as_deref() == Some(*x) && pair.1.as_deref() == Some(*y))
}

/// The kind of a name no list decided: a person by its title, given name or surname ending; an organisation by
/// its context; else a guess from its shape.
fn person_or_guess(
    text: &str,
    ws: &[Tok],
    lowers: &[String],
    first_i: usize,
    last_i: usize,
    had_title: bool,
) -> (EntityKind, bool) {
    let res = resources();
    // A title written just before the name (not "…, CEO, Acme").
    let before = first_i
        .checked_sub(1)
        .and_then(|b| ws.get(b))
        .filter(|b| ws.get(first_i).is_some_and(|f| plain_gap(text, b.full_end, f.range.start)))
        .map(|w| fold(w.range.slice(text)));
    let given = lowers.first().is_some_and(|f| res.given.contains(f));
    let abbreviated = first_i.checked_sub(1).is_some_and(|b| title_abbreviation(text, ws, b, res));
    if had_title || abbreviated || given || lowers.iter().any(|l| has_surname_ending(l)) {
        return (EntityKind::Person, false);
    }
    if org_context(text, ws, first_i, last_i) {
        return (EntityKind::Organization, false);
    }
    if before.as_deref().is_some_and(|b| res.titles.contains(b)) {
        return (EntityKind::Person, false);
    }
    if lowers.len() == 1 && before.as_deref().is_some_and(|b| matches!(b, "in" | "near" | "from")) {
        return (EntityKind::Place, true);
    }
    let name_words = lowers.iter().all(|l| l.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.'));
    if (2..=4).contains(&lowers.len()) && name_words {
        return (EntityKind::Person, true);
    }
    (EntityKind::Organization, true)
}

/// The role written before a person's name: titles, demonyms and attached capitalised modifiers
/// ("Russian President", "Kremlin chief", "Foreign Minister").
fn role_before(text: &str, ws: &[Tok], first: usize, res: &Resources) -> (Option<String>, Option<TextRange>) {
    let mut start: Option<usize> = None;
    let mut end: Option<usize> = None;
    let mut has_head = false;
    let mut k = first;
    while k > 0 {
        let (Some(prev), Some(cur)) = (ws.get(k - 1), ws.get(k)) else { break };
        let abbreviated = title_abbreviation(text, ws, k - 1, res);
        if !(plain_gap(text, prev.full_end, cur.range.start) || abbreviated) || prev.possessive {
            break;
        }
        let w = prev.range.slice(text);
        let l = fold(w);
        let title = res.titles.contains(&l) || abbreviated;
        let demonym = res.demonyms.contains_key(&l);
        let modifier = is_capitalised(w) && start.is_some() && !res.places.contains_key(&l) && !is_stop_cap(&l);
        if !(title || demonym || modifier) {
            break;
        }
        if title && !matches!(l.as_str(), "former" | "then" | "late" | "acting" | "first" | "foreign") {
            has_head = true;
        }
        if end.is_none() {
            end = Some(prev.range.end);
        }
        start = Some(prev.range.start);
        k -= 1;
    }
    match (start, end) {
        (Some(s), Some(e)) if has_head => {
            let r = TextRange::new(s, e);
            (Some(r.slice(text).to_string()), Some(r))
        }
        _ => (None, None),
    }
}

/// Lowercase writings of a person's surname ("with smith" after "John Smith") are mentions too.
fn add_lowercase_variants(article: &Article, sentence_words: &[Vec<Tok>], found: &mut Vec<Mention>) {
    let text = &article.text;
    let mut surnames: Map<String, usize> = Map::new();
    for m in found.iter().filter(|m| m.kind == EntityKind::Person) {
        if let Some(last) = name_parts(m.range.slice(text)).last() {
            if last.chars().count() >= 4 {
                *surnames.entry(last.to_string()).or_insert(0) += 1;
            }
        }
    }
    // The surnames written twice or more, folded once.
    let twice: Vec<(String, &String)> = surnames.iter().filter(|(_, &c)| c >= 2).map(|(n, _)| (fold(n), n)).collect();
    if twice.is_empty() {
        return;
    }
    let mut extra = Vec::new();
    for (si, ws) in sentence_words.iter().enumerate() {
        for w in ws {
            let s = w.range.slice(text);
            if !twice.iter().any(|(_, n)| n.len() == s.len()) || !first_char(s).is_some_and(char::is_lowercase) {
                continue;
            }
            let folded = fold(s);
            let hit = twice.iter().find(|(f, n)| n.len() == s.len() && *f == folded);
            if let Some(&(_, n)) = hit {
                extra.push(Mention {
                    range: w.range,
                    kind: EntityKind::Person,
                    name: n.clone(),
                    role: None,
                    role_range: None,
                    sentence: Some(si),
                    guessed: false,
                });
            }
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        crate::base::order::sort_by_key(found, |m| (m.range.start, m.range.end));
        found.dedup_by_key(|m| m.range);
    }
}

/// What a single-word name is compared with in a full person name: its first part folded, its last part folded
/// with its transliteration key, and the article's fullest form of the name.
struct FullKeys {
    first: Option<String>,
    last: Option<(String, String)>,
    fullest: Option<String>,
}

impl FullKeys {
    fn of(parts: &[String], fulls: &FullNames) -> FullKeys {
        FullKeys {
            first: parts.first().map(|f| fold(f)),
            last: parts.last().map(|l| (fold(l), translit_key(l))),
            fullest: fulls.fullest(parts),
        }
    }
}

/// Within one article: short forms take the full name written elsewhere in it, acronyms their expansion,
/// case variants one spelling.
fn resolve_within(article: &Article, found: &mut [Mention]) {
    let text = &article.text;
    let expansions = acronym_expansions(text, found);
    let fulls = FullNames::of(found);
    // Per full name, computed when a single-word name first needs them.
    let full_keys: std::cell::OnceCell<Vec<FullKeys>> = std::cell::OnceCell::new();
    for i in 0..found.len() {
        let Some(m) = found.get(i) else { continue };
        let surface = m.range.slice(text);
        let kind = m.kind;
        let parts: Vec<String> = name_parts(&m.name).iter().map(|p| p.to_string()).collect();
        let (new_name, new_kind) = if let Some(e) = expansions.get(surface) {
            (Some(e.clone()), EntityKind::Organization)
        } else if parts.len() >= 2 && kind == EntityKind::Person {
            (fulls.fullest(&parts), kind)
        } else if parts.len() == 1 && (kind != EntityKind::Place || m.guessed) {
            let keys = full_keys.get_or_init(|| fulls.0.iter().map(|f| FullKeys::of(&f.1, &fulls)).collect());
            let part = parts.first().map_or("", String::as_str);
            let part = SingleName::of(part);
            match single_name_fit(&part, keys) {
                Some(n) => (Some(n), EntityKind::Person),
                // Two namesakes of the article fit: which one is not told, but a person it is.
                None if m.guessed && keys.iter().any(|k| part.fits(k)) => (None, EntityKind::Person),
                None => (None, kind),
            }
        } else {
            (None, kind)
        };
        if let Some(m) = found.get_mut(i) {
            if let Some(n) = new_name {
                m.name = n;
            }
            if m.kind != new_kind {
                retype(article, m, new_kind);
            }
        }
    }
    one_kind_per_name(found);
    // Case variants of one organisation's name share the first spelling ("Acme"/"ACME").
    let mut first_spelling: Map<(EntityKind, String), String> = Map::new();
    for m in found.iter_mut() {
        let key = (m.kind, fold(&m.name));
        let n = first_spelling.entry(key).or_insert_with(|| m.name.clone());
        m.name = n.clone();
    }
}

/// Acronyms written "Expansion (ACR)", and acronyms the article uses that are the initials of one of its
/// organisations of several words: acronym → expansion.
fn acronym_expansions(text: &str, found: &[Mention]) -> Map<String, String> {
    let mut expansions: Map<String, String> = Map::new();
    for m in found.iter().filter(|m| m.kind == EntityKind::Organization) {
        let after = text.get(m.range.end..).unwrap_or("");
        let Some(inner) = after.strip_prefix(" (").and_then(|r| r.split(')').next()) else { continue };
        if is_acronym(inner) && !inner.contains(' ') && m.range.slice(text).contains(' ') {
            expansions.insert(inner.to_string(), m.name.clone());
        }
    }
    // (initials, name) of each organisation of several words.
    let orgs: Vec<(String, String)> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Organization && m.name.contains(' '))
        .map(|m| (initials(&m.name), m.name.clone()))
        .collect();
    for m in found.iter() {
        let s = m.range.slice(text);
        if is_acronym(s) && !expansions.contains_key(s) {
            let bare = s.replace('.', "");
            if let Some((_, e)) = orgs.iter().find(|(i, _)| *i == bare) {
                expansions.insert(s.to_string(), e.clone());
            }
        }
    }
    expansions
}

/// The article's full person names: (start, parts, name).
struct FullNames(Vec<(usize, Vec<String>, String)>);

impl FullNames {
    fn of(found: &[Mention]) -> FullNames {
        FullNames(
            found
                .iter()
                .filter(|m| m.kind == EntityKind::Person)
                .map(|m| {
                    (
                        m.range.start,
                        name_parts(&m.name).iter().map(|p| p.to_string()).collect::<Vec<_>>(),
                        m.name.clone(),
                    )
                })
                .filter(|(_, parts, _)| parts.len() >= 2)
                .collect(),
        )
    }

    /// The fullest written form with the same last part and the same first part or its formal given name
    /// (with or without a middle name; "William H. Doe" for "Bill Doe").
    fn fullest(&self, parts: &[String]) -> Option<String> {
        let (f, l) = (parts.first()?, parts.last()?);
        self.0
            .iter()
            .filter(|(_, p, _)| p.last() == Some(l) && p.first().is_some_and(|g| g == f || is_short_form(f, g)))
            .max_by_key(|(start, p, _)| (p.len(), p.first() != Some(f), std::cmp::Reverse(*start)))
            .map(|(_, _, n)| n.clone())
    }
}

/// A single-word name folded, with its transliteration key when it has four letters or more.
struct SingleName {
    folded: String,
    key: Option<String>,
}

impl SingleName {
    fn of(part: &str) -> SingleName {
        let folded = fold(part);
        let key = (folded.len() >= 4).then(|| translit_key(&folded));
        SingleName { folded, key }
    }

    /// Whether it is the surname (or a spelling of it) or the given name of a full name.
    fn fits(&self, k: &FullKeys) -> bool {
        let p = &self.folded;
        k.last.as_ref().is_some_and(|(l, kl)| l == p || self.key.as_ref() == Some(kl))
            || k.first.as_ref().is_some_and(|f| f == p)
    }
}

/// The one full name a single-word name fits (its surname, a spelling of it, or its given name); two different
/// people sharing the surname leave it unresolved, unless one of them dominates the article (more than twice the
/// mentions in full of any other).
fn single_name_fit(part: &SingleName, keys: &[FullKeys]) -> Option<String> {
    let mut fits: Map<String, usize> = Map::new();
    for k in keys.iter().filter(|k| part.fits(k)) {
        if let Some(n) = k.fullest.clone() {
            *fits.entry(n).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(usize, String)> = fits.into_iter().map(|(n, c)| (c, n)).collect();
    crate::base::order::sort_by(&mut ranked, |a, b| b.cmp(a));
    match ranked.as_slice() {
        [(_, only)] => Some(only.clone()),
        [(c1, top), (c2, _), ..] if *c1 > 2 * *c2 => Some(top.clone()),
        _ => None,
    }
}

/// Gives a mention another kind; a person gets the role written before it.
fn retype(article: &Article, m: &mut Mention, kind: EntityKind) {
    m.kind = kind;
    if kind == EntityKind::Person && m.role.is_none() {
        let text = &article.text;
        let from = m.sentence.and_then(|si| article.sentences.get(si)).map_or(0, |s| s.range.start);
        let ws = words(text, TextRange::new(from, m.range.end));
        let first = ws.len().saturating_sub(1);
        let (role, rr) = role_before(text, &ws, first, resources());
        m.role = role;
        m.role_range = rr;
    }
}

/// One name, one kind within an article: what was told wins over guesses, a person guess over others.
fn one_kind_per_name(found: &mut [Mention]) {
    let mut kinds: Map<String, (bool, EntityKind)> = Map::new();
    for m in found.iter() {
        let rank = |(told, k): (bool, EntityKind)| (told, k == EntityKind::Person, std::cmp::Reverse(k));
        let e = kinds.entry(fold(&m.name)).or_insert((!m.guessed, m.kind));
        if rank((!m.guessed, m.kind)) > rank(*e) {
            *e = (!m.guessed, m.kind);
        }
    }
    for m in found.iter_mut() {
        if let Some(&(told, k)) = kinds.get(&fold(&m.name)) {
            if m.kind != k && m.guessed {
                m.kind = k;
                m.guessed = !told;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Across articles
// ---------------------------------------------------------------------------------------------------------

/// The mentions of one name in one article.
#[derive(Debug, Clone)]
struct Local {
    article: usize,
    kind: EntityKind,
    name: String,
    /// (mention index, surface form).
    mentions: Vec<(usize, String)>,
    /// Acronym written for it in the article, if any.
    acronym: Option<String>,
    /// Every mention's kind was a default guess.
    guessed: bool,
}

/// Whether two sets share no item: the smaller one probed in the larger (a cluster of thousands of articles met by
/// one local costs a few look-ups, not one per article of the cluster).
fn disjoint(a: &Set<usize>, b: &Set<usize>) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().all(|x| !large.contains(x))
}

/// A disjoint-set forest over local entities that refuses to join two names of one article.
struct Clusters {
    parent: Vec<usize>,
    articles: Vec<Set<usize>>,
}

impl Clusters {
    fn new(locals: &[Local]) -> Clusters {
        Clusters {
            parent: (0..locals.len()).collect(),
            articles: locals.iter().map(|l| Set::from([l.article])).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
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
    fn union(&mut self, a: usize, b: usize) -> bool {
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
    fn join_within_article(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.join_roots(ra, rb);
        }
    }

    fn join_roots(&mut self, ra: usize, rb: usize) -> bool {
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

/// Whether `short` is a common short form of the given name `formal` ("Bill" of "William", general list).
fn is_short_form(short: &str, formal: &str) -> bool {
    resources().short_forms.contains(&format!("{} {}", fold(short), fold(formal)))
}

/// A person name as the cross-article test reads it: its parts and their transliteration keys, made once per
/// name (the test meets each name of a surname block once per other name of the block).
struct PersonName<'a> {
    parts: Vec<&'a str>,
    /// The surname's key.
    surname: String,
    /// The given name's key and the keys of its hyphenated parts (empty for a single-part name).
    given: String,
    given_parts: Vec<String>,
}

impl<'a> PersonName<'a> {
    fn of(name: &'a str) -> PersonName<'a> {
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
fn same_person(a: &str, b: &str) -> Option<String> {
    same_person_names(&PersonName::of(a), &PersonName::of(b))
}

/// [`same_person`] on names read once.
fn same_person_names(a: &PersonName, b: &PersonName) -> Option<String> {
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
fn person_fits(a: &PersonName, b: &PersonName) -> bool {
    let several = a.parts.len() >= 2 && b.parts.len() >= 2;
    !a.parts.is_empty()
        && !b.parts.is_empty()
        && surnames_fit(&a.surname, &b.surname)
        && (!several || same_given_name(a, b).is_some())
}

/// Whether two surname keys can be one person's: the same, or one edit apart when both have five letters or more.
fn surnames_fit(ka: &str, kb: &str) -> bool {
    let (na, nb) = (ka.chars().count(), kb.chars().count());
    // (An edit distance is at least the difference of the lengths.)
    ka == kb || (na.min(nb) >= 5 && na.abs_diff(nb) <= 1 && edit_distance(ka, kb) <= 1)
}

/// Why the given names of two names of several parts fit, or `None`.
fn same_given_name(a: &PersonName, b: &PersonName) -> Option<String> {
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
fn org_acronyms(l: &Local) -> Vec<String> {
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
fn same_entity(a: &Local, b: &Local) -> Option<String> {
    match a.kind {
        EntityKind::Person if is_full_name(&a.name) && is_full_name(&b.name) => same_person(&a.name, &b.name),
        EntityKind::Organization => same_org(a, b),
        EntityKind::Place => (fold(&a.name) == fold(&b.name)).then(|| "same place name".to_string()),
        EntityKind::Person => None,
    }
}

/// An organisation's name folded, "Ministry of the Interior" written as "interior ministry": an organisation
/// word, "of", an optional "the" and a name become the name and the word.
fn org_key(name: &str) -> String {
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
fn same_org(a: &Local, b: &Local) -> Option<String> {
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
fn within_reason(form: &str, name: &str, kind: EntityKind) -> Option<String> {
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
fn local_entities(articles: &[&Article], mentions: &[Vec<Mention>]) -> Vec<Local> {
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
struct Merger {
    clusters: Clusters,
    /// By root (a vector over the locals: roots come in no order).
    why: Vec<Vec<String>>,
}

impl Merger {
    /// Joins two locals' clusters and records why, when they could be joined.
    fn record(&mut self, a: usize, b: usize, reason: &dyn Fn() -> String) {
        if self.clusters.union(a, b) {
            let root = self.clusters.find(a);
            self.note(root, reason());
        }
    }

    /// Records a reason for the cluster of `root`.
    fn note(&mut self, root: usize, reason: String) {
        if let Some(v) = self.why.get_mut(root) {
            v.push(reason);
        }
    }
}

/// What the cross-article passes read of the names, made once: the forms, each full person name read once (by
/// form), and the full person names by surname key.
struct Names<'a> {
    forms: Forms,
    /// By form: the full person name it is (`None` for other kinds and for single-word names).
    persons: Vec<Option<PersonName<'a>>>,
    surnames: Surnames,
}

impl<'a> Names<'a> {
    fn of(locals: &'a [Local]) -> Names<'a> {
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
    fn person(&self, f: usize) -> Option<&PersonName<'a>> {
        self.persons.get(f).and_then(Option::as_ref)
    }

    /// The locals of form `f`, in article order.
    fn locals_of(&self, f: usize) -> &[usize] {
        self.forms.locals_of.get(f).map_or(&[], Vec::as_slice)
    }
}

/// Of the full names a lone name fits (those of its surname key), the one written in more than twice as many
/// articles as any other: (its form, its articles, the runner-up's). It depends on the name alone, so each name
/// is ranked once, however many articles write it; and it reads the names of its key, not their locals.
fn dominant(name: &str, locals: &[Local], names: &Names) -> Option<(usize, usize, usize)> {
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
fn join_by_dominance(locals: &[Local], names: &Names, merger: &mut Merger) {
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
fn join_same_names(locals: &[Local], forms: &Forms, clusters: &mut Clusters) {
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
struct Forms {
    /// The form of each local.
    form_of: Vec<usize>,
    /// A representative local per form (its first).
    first: Vec<usize>,
    /// The locals of each form, in index (and so article) order.
    locals_of: Vec<Vec<usize>>,
    /// Whether each form's name is a full name (a given name and a surname).
    full: Vec<bool>,
    /// The locals sorted by name, form and index: one sort gives both the forms (numbered in this order; no
    /// pass depends on the numbering) and the blocks of identical names.
    by_name: Vec<usize>,
}

impl Forms {
    fn of(locals: &[Local]) -> Forms {
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
    fn local<'a>(&self, locals: &'a [Local], f: usize) -> Option<&'a Local> {
        self.first.get(f).and_then(|&i| locals.get(i))
    }

    /// The form of local `i`, and whether its name is a full name.
    fn of_local(&self, i: usize) -> (usize, bool) {
        let f = self.form_of.get(i).copied().unwrap_or(0);
        (f, self.full.get(f).copied().unwrap_or(false))
    }
}

/// The first eight bytes of `name`, big-endian and padded with zeros: ordering these orders the names, up to
/// ties that only the names themselves decide.
fn name_prefix(name: &str) -> u64 {
    let mut b = [0u8; 8];
    for (slot, &x) in b.iter_mut().zip(name.as_bytes()) {
        *slot = x;
    }
    u64::from_be_bytes(b)
}

/// FNV-1a of `tag`, then of the bytes of `s`.
fn key_hash(tag: u8, s: &str) -> u64 {
    fnv_extend(fnv_byte(FNV_BASIS, tag), s.as_bytes())
}

/// The hashes (from `seed`) of `key` and of every string made from it by deleting up to `deletions` (0 to 2)
/// characters: two keys within that many edits of each other share one (a symmetric deletion neighbourhood).
fn variant_hashes(seed: u64, key: &str, deletions: usize, out: &mut Vec<u64>) {
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
struct Surnames {
    /// The distinct keys, sorted.
    keys: Vec<String>,
    /// The person forms of each key, ascending.
    forms: Vec<Vec<usize>>,
    /// (hash of a key or of one of its deletions, the key's index), sorted.
    near: Vec<(u64, usize)>,
    /// Where the entries whose hashes open with each `bits`-bit prefix start in `near` (and the end): a look-up
    /// reads one or two entries where a binary search would read seventeen.
    starts: Vec<usize>,
    bits: u32,
}

impl Surnames {
    fn of(persons: &[Option<PersonName>]) -> Surnames {
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
    fn bucket(&self, h: u64) -> u64 {
        h >> (64 - self.bits)
    }

    /// The keys that fit `key` (itself included), ascending.
    fn fitting(&self, key: &str) -> Vec<usize> {
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
    fn forms_fitting(&self, key: &str) -> Vec<usize> {
        let mut fs: Vec<usize> =
            self.fitting(key).into_iter().flat_map(|k| self.forms.get(k).into_iter().flatten().copied()).collect();
        crate::base::order::sort(&mut fs);
        fs
    }
}

/// The index entries of a surname key: itself, and its one-letter deletions when it has five letters or more.
fn surname_hashes(key: &str, out: &mut Vec<u64>) {
    variant_hashes(FNV_BASIS, key, usize::from(key.chars().count() >= 5), out);
}

/// A given-name key of a person form. Two given names that [`same_given_name`] accepts share a key of which one
/// of the two entries is wild (not `tame`): an initial meets every given name of its letter, the other keys
/// meet their own kind. Wild entries sort first within a key.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct GivenKey {
    hash: u64,
    tame: bool,
    form: usize,
}

/// The given-name keys of a full person name `p` (form `form`):
/// - its key with up to one letter deleted (the same key, one edit: the distance of two given names is that of
///   their keys unless both have as many hyphenated parts), and up to two when it has eight letters or more
///   (two edits are allowed when both have);
/// - for a hyphenated name, the parts' keys joined, with up to two letters deleted, by the number of parts (the
///   parts' summed distance is at least the joined parts' distance, and at most two);
/// - the formal name it is, or is a short form of (general list: `shorts` is (short, formal) sorted);
/// - its first letter, wild for an initial.
fn given_keys(p: &PersonName, shorts: &[(&str, &str)], form: usize, out: &mut Vec<GivenKey>) {
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
fn short_form_pairs() -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<(&str, &str)> = resources().short_forms.0.keys().filter_map(|k| k.split_once(' ')).collect();
    crate::base::order::sort(&mut v);
    v
}

/// Person form pairs (smaller form first) whose surnames fit and whose given names share a key: every pair the
/// test accepts, from keys and never from all pairs of a surname.
fn person_pairs(names: &Names, tried: &mut Vec<(usize, usize)>) {
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
fn pairs_sharing_keys(a: &[GivenKey], b: &[GivenKey], out: &mut Vec<(usize, usize)>) {
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
struct NameBlocks {
    /// A B-tree: filled name by name in no key order at corpus scale (base::map says why).
    block_of: std::collections::BTreeMap<String, usize>,
    blocks: Vec<Vec<usize>>,
}

impl NameBlocks {
    fn of(locals: &[Local], forms: &Forms) -> NameBlocks {
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
fn related_forms(locals: &[Local], names: &Names, blocks: &NameBlocks) -> Vec<Vec<usize>> {
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
fn join_related(locals: &[Local], forms: &Forms, related: &[Vec<usize>], merger: &mut Merger) {
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
fn full_names_fitting(name: &str, names: &Names, clusters: &mut Clusters) -> Vec<Vec<usize>> {
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
fn only_fitting_cluster(
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
fn join_single_names(locals: &[Local], names: &Names, merger: &mut Merger) {
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
fn entity_of(locals: &[Local], members: &[usize], mut reasons: Vec<String>) -> Option<Entity> {
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
fn canonical_name(locals: &[Local], members: &[usize]) -> Option<String> {
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
fn number_repeated_keys(entities: &mut [Entity]) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// An article whose whole text is one body paragraph.
    fn article(body: &str) -> Article {
        Article::one_paragraph(body)
    }

    fn names(body: &str) -> Vec<(String, EntityKind, String, Option<String>)> {
        let a = article(body);
        mentions(&a)
            .into_iter()
            .map(|m| (a.slice(m.range).to_string(), m.kind, m.name.clone(), m.role.clone()))
            .collect()
    }

    #[test]
    fn translit_keys_fold_common_alternations() {
        let cases = [
            ("Dostoyevsky", "dostoevski"),
            ("Dostoevskiy", "dostoevski"),
            ("Dmitriy", "dmitri"),
            ("Dmitry", "dmitri"),
            ("Sergey", "sergei"),
            ("Sergei", "sergei"),
            ("Khrushchev", "hrushchev"),
            ("Chrushchev", "chrushchev"),
            ("Gorbachov", "gorbachov"),
            ("Nikolayev", "nikolaev"),
            ("Nikolajew", "nikolaev"),
            ("Nikolaev", "nikolaev"),
            ("Müller", "muler"),
            ("Yusuf", "iusuf"),
        ];
        for (input, key) in cases {
            assert_eq!(translit_key(input), key, "{input}");
        }
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        for (a, b, d) in [("", "", 0), ("abc", "abc", 0), ("abc", "abd", 1), ("abc", "ab", 1), ("kitten", "sitting", 3)]
        {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
        }
    }

    #[test]
    fn same_person_needs_matching_given_names() {
        let cases = [
            ("Nikolai Nikolayev", "Nikolai Nikolajew", true),
            ("Nikolai Nikolayev", "Nikolay Nikolaev", true),
            ("Anna Petrova", "Anna Ivanovna Petrova", true),
            ("John Smith", "Jane Smith", false),
            ("Boris Johnson", "Dwayne Johnson", false),
            ("J. Smith", "John Smith", true),
            ("Anna Petrova", "Anna Petrovic", false),
            // Short forms of given names (general list).
            ("William H. Doe", "Bill Doe", true),
            ("Maurice Roe", "Mo Roe", true),
            ("William Doe", "Robert Doe", false),
            ("Bill Doe", "Bob Doe", false),
        ];
        for (a, b, same) in cases {
            assert_eq!(same_person(a, b).is_some(), same, "{a} / {b}: {:?}", same_person(a, b));
        }
    }

    #[test]
    fn roles_are_kept_apart_from_names() {
        let got = names("Yesterday Russian President Ivan Petrov met Chancellor Hans Weber in Berlin. Later, Kremlin chief Petrov left.");
        let want = [
            ("Ivan Petrov", EntityKind::Person, "Ivan Petrov", Some("Russian President")),
            ("Hans Weber", EntityKind::Person, "Hans Weber", Some("Chancellor")),
            ("Berlin", EntityKind::Place, "Berlin", None),
            ("Petrov", EntityKind::Person, "Ivan Petrov", Some("Kremlin chief")),
        ];
        let want: Vec<_> =
            want.iter().map(|(s, k, n, r)| (s.to_string(), *k, n.to_string(), r.map(str::to_string))).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn organisations_with_connectors_and_acronyms() {
        let got = names(
            "The Ministry of Foreign Affairs of France spoke. Analysts at the Institute for the Study of Peace agreed. \
             The North Atlantic Treaty Organization (NATO) met. Later NATO said no. The Acme agency and ACME staff.",
        );
        let got: Vec<(&str, EntityKind, &str)> = got.iter().map(|(s, k, n, _)| (s.as_str(), *k, n.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    "Ministry of Foreign Affairs of France",
                    EntityKind::Organization,
                    "Ministry of Foreign Affairs of France"
                ),
                ("Institute for the Study of Peace", EntityKind::Organization, "Institute for the Study of Peace"),
                ("North Atlantic Treaty Organization", EntityKind::Organization, "North Atlantic Treaty Organization"),
                ("NATO", EntityKind::Organization, "North Atlantic Treaty Organization"),
                ("NATO", EntityKind::Organization, "North Atlantic Treaty Organization"),
                ("Acme", EntityKind::Organization, "Acme"),
                ("ACME", EntityKind::Organization, "Acme"),
            ]
        );
    }

    #[test]
    fn short_forms_possessives_and_case_variants_resolve_within_an_article() {
        let got = names(
            "Prime Minister Anna-Maria Kowalska spoke in Warsaw. Kowalska's aides listened. \
             Critics said kowalska was late. Kowalska left.",
        );
        let got: Vec<(&str, &str)> = got.iter().map(|(s, _, n, _)| (s.as_str(), n.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Anna-Maria Kowalska", "Anna-Maria Kowalska"),
                ("Warsaw", "Warsaw"),
                ("Kowalska", "Anna-Maria Kowalska"),
                ("kowalska", "Anna-Maria Kowalska"),
                ("Kowalska", "Anna-Maria Kowalska"),
            ]
        );
    }

    #[test]
    fn demonyms_and_sentence_starts_are_not_entities() {
        let got = names("Russian officials met. Pictures showed Germans in Paris. During the talks the Japanese left.");
        let got: Vec<&str> = got.iter().map(|(s, _, _, _)| s.as_str()).collect();
        assert_eq!(got, ["Paris"]);
    }

    #[test]
    fn places_take_their_canonical_name() {
        let got = names("He flew from the U.S. to the UK and then to Germany-Austria talks.");
        let got: Vec<(&str, &str)> = got.iter().map(|(s, _, n, _)| (s.as_str(), n.as_str())).collect();
        assert_eq!(
            got,
            [("U.S.", "United States"), ("UK", "United Kingdom"), ("Germany", "Germany"), ("Austria", "Austria")]
        );
    }

    #[test]
    fn resolve_merges_variants_but_not_namesakes() {
        let a = article("Nikolai Nikolayev met John Smith in Oslo. Nikolayev spoke.");
        let b = article("Nikolay Nikolajew met Jane Smith. Smith said no.");
        let c = article("Nikolaev spoke to the North Atlantic Treaty Organization. Jane Smith agreed.");
        let d = article("NATO officials met in Oslo.");
        let arts = [&a, &b, &c, &d];
        let ms: Vec<Vec<Mention>> = arts.iter().map(|x| mentions(x)).collect();
        let es = resolve(&arts, &ms);
        let keys: Vec<(&str, usize)> = es.iter().map(|e| (e.key.as_str(), e.mentions.len())).collect();
        assert_eq!(
            keys,
            [
                ("organization:north-atlantic-treaty-organization", 2),
                ("person:jane-smith", 3),
                ("person:john-smith", 1),
                ("person:nikolai-nikolayev", 4),
                ("place:oslo", 2),
            ]
        );
        let nik = es.iter().find(|e| e.key == "person:nikolai-nikolayev").map(|e| e.why.clone()).unwrap_or_default();
        assert!(nik.iter().any(|w| w.contains("same transliteration key 'nikolaev'")), "{nik:?}");
    }

    #[test]
    fn particle_surnames_are_one_part() {
        let parts = [
            ("Marine Le Pen", vec!["Marine", "Le Pen"]),
            ("Le Pen", vec!["Le Pen"]),
            ("Ludwig van Beethoven", vec!["Ludwig", "van Beethoven"]),
            ("Van Morrison", vec!["Van", "Morrison"]),
            ("John Doe Jr.", vec!["John", "Doe"]),
        ];
        for (name, want) in parts {
            assert_eq!(name_parts(name), want, "{name}");
        }
    }

    #[test]
    fn kinds_from_context_and_suffixes() {
        // (text, surface, kind, resolved name)
        let cases = [
            ("Yesterday Acme Corp. said profits rose.", "Acme Corp", EntityKind::Organization, "Acme"),
            ("Yesterday Zorblat shares fell.", "Zorblat", EntityKind::Organization, "Zorblat"),
            ("Investors bought Zorblat stock.", "Zorblat", EntityKind::Organization, "Zorblat"),
            ("A spokesperson for Zorblat declined.", "Zorblat", EntityKind::Organization, "Zorblat"),
            ("A quote by Jane Roe, CEO, Zorblat ended it.", "Zorblat", EntityKind::Organization, "Zorblat"),
            (
                "The group waved anti-European Union flags.",
                "European Union",
                EntityKind::Organization,
                "European Union",
            ),
            (
                "Staff of the Montgomery County Courthouse left.",
                "Montgomery County Courthouse",
                EntityKind::Place,
                "Montgomery County Courthouse",
            ),
            (
                "Crowds met at the Grand Museum in Paris on Monday.",
                "Grand Museum",
                EntityKind::Organization,
                "Grand Museum",
            ),
            (
                "The Commission on Security and Cooperation in Europe met.",
                "Commission on Security and Cooperation in Europe",
                EntityKind::Organization,
                "Commission on Security and Cooperation in Europe",
            ),
            ("Police in Springfield, Pa. said so.", "Pa", EntityKind::Place, "Pennsylvania"),
        ];
        for (text, surface, kind, name) in cases {
            let got = names(text);
            let hit = got.iter().find(|(s, _, _, _)| s == surface);
            assert!(
                hit.is_some_and(|(_, k, n, _)| *k == kind && n == name),
                "{text}: want {surface} {kind:?} {name}, got {got:?}"
            );
        }
        // Suffixes, titles and trailing question words are never names of their own.
        for (text, not) in [
            ("Yesterday Acme Corp. said profits rose.", "Corp"),
            ("Fans gathered outside the Louvre What happens next?", "Louvre What"),
            ("Independent Jane Roe won the vote.", "Independent Jane Roe"),
        ] {
            assert!(names(text).iter().all(|(s, _, _, _)| s != not), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn abbreviated_titles_metonyms_and_namesakes_decide_kinds() {
        // (text, surface, kind, role)
        let cases = [
            ("Yesterday Del. Ann Roe voted no.", "Ann Roe", EntityKind::Person, Some("Del")),
            ("It was said by the Rev. Paul Zorbek on Sunday.", "Paul Zorbek", EntityKind::Person, Some("Rev")),
            ("Critics and Lt. Gen. Tom Vask disagreed.", "Tom Vask", EntityKind::Person, Some("Lt. Gen")),
            ("Then New Jersey Gov. Zed Orlo spoke.", "New Jersey", EntityKind::Place, None),
            ("Then Secretary of State Zed Orlo spoke.", "Zed Orlo", EntityKind::Person, None),
            ("Later Mr. King and Ms. Page arrived.", "King", EntityKind::Person, Some("Mr")),
            ("A White House aide spoke.", "White House", EntityKind::Organization, None),
            ("Voters met Republican Zed Orlo.", "Zed Orlo", EntityKind::Person, Some("Republican")),
            // Two namesakes leave the surname unresolved, but a person.
            ("Bill Varga met Anna Varga. Then Varga left.", "Varga", EntityKind::Person, None),
            // A sentence-initial surname shaped "McX" is a name.
            ("Tom McVeigh left. McVeigh said no.", "McVeigh", EntityKind::Person, None),
        ];
        for (text, surface, kind, role) in cases {
            let got = names(text);
            let hit = got.iter().rfind(|(s, _, _, _)| s == surface);
            assert!(
                hit.is_some_and(|(_, k, _, r)| *k == kind && r.as_deref() == role),
                "{text}: want {surface} {kind:?} {role:?}, got {got:?}"
            );
        }
        // A dateline's town is a place, whatever its shape.
        for (text, town) in [
            ("FLINT, Mich., Oct. 4 (UPI) — Zed Orlo spoke.", "FLINT"),
            ("ZORBAVILLE (Reuters) - Zed Orlo spoke.", "ZORBAVILLE"),
            ("Varga, Ohio — Zed Orlo spoke.", "Varga"),
        ] {
            let got = names(text);
            assert!(got.iter().any(|(s, k, _, _)| s == town && *k == EntityKind::Place), "{text}: {got:?}");
        }
        // An abbreviated title is part of no name; a place prefix is no title.
        for (text, not) in [
            ("Yesterday Del. Ann Roe voted no.", "Del"),
            ("Then New Jersey Gov. Zed Orlo spoke.", "Jersey Gov"),
            ("It was said by the Rev. Paul Zorbek on Sunday.", "Rev"),
        ] {
            assert!(names(text).iter().all(|(s, _, _, _)| s != not), "{text}: {:?}", names(text));
        }
        assert!(names("They flew to St. Louis on Monday.").iter().any(|(s, _, _, _)| s == "Louis" || s == "St"));
    }

    #[test]
    fn resolve_merges_by_evidence_across_outlets() {
        let arts = [
            article("Bill Roe was sentenced. Roe's wife Camille Roe attended. Roe said nothing. Then Mr. Roe, smiling, left."),
            article("Bill Roe was sentenced on Tuesday. Roe spoke."),
            article("Bill Roe heard the sentence. Roe stood."),
            article("William H. Roe Jr. left the court. Bill Roe had been convicted."),
            article("Marine Le Pen conceded. Le Pen spoke."),
            article("Ms Le Pen conceded."),
            article("The Interior Ministry counted votes. Acme Corp. fell."),
            article("The Ministry of the Interior said turnout fell as Acme shares fell."),
        ];
        let refs: Vec<&Article> = arts.iter().collect();
        let ms: Vec<Vec<Mention>> = refs.iter().map(|x| mentions(x)).collect();
        let es = resolve(&refs, &ms);
        let entity = |key: &str| es.iter().find(|e| e.key == key);
        let articles_of = |key: &str| {
            let mut v: Vec<usize> = entity(key).map(|e| e.mentions.iter().map(|m| m.0).collect()).unwrap_or_default();
            v.dedup();
            v
        };
        assert_eq!(articles_of("person:bill-roe"), [0, 1, 2, 3], "{es:#?}");
        assert_eq!(articles_of("person:camille-roe"), [0]);
        assert_eq!(articles_of("person:marine-le-pen"), [4, 5], "{es:#?}");
        assert_eq!(articles_of("organization:ministry-of-the-interior"), [6, 7], "{es:#?}");
        assert_eq!(articles_of("organization:acme"), [6, 7], "{es:#?}");
        let why = entity("person:bill-roe").map(|e| e.why.join(" | ")).unwrap_or_default();
        assert!(why.contains("short form"), "{why}");
        assert!(why.contains("most articles write"), "{why}");
        let acme = entity("organization:acme").map(|e| e.why.join(" | ")).unwrap_or_default();
        assert!(acme.contains("corporate suffix"), "{acme}");
    }

    #[test]
    fn resolve_is_independent_of_processing_order_for_keys() {
        let a = article("Olga Ivanova met officials in Kyiv.");
        let b = article("Olga Ivanowa spoke in Kyiv.");
        let ab = resolve(&[&a, &b], &[mentions(&a), mentions(&b)]);
        let ba = resolve(&[&b, &a], &[mentions(&b), mentions(&a)]);
        let k1: Vec<&str> = ab.iter().map(|e| e.key.as_str()).collect();
        let k2: Vec<&str> = ba.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(k1, k2);
    }

    /// A deterministic stream of small numbers (a linear congruential generator).
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    /// `word` with one edit (a letter deleted, replaced or added; capitalised again).
    fn edited(word: &str, rng: &mut Lcg) -> String {
        let mut c: Vec<char> = word.to_lowercase().chars().collect();
        let at = rng.below(c.len() + 1);
        let letter = char::from(b'a' + rng.below(26) as u8);
        match rng.below(3) {
            0 if at < c.len() && c.len() > 1 => {
                c.remove(at);
            }
            1 if at < c.len() => c[at] = letter,
            _ => c.insert(at, letter),
        }
        let mut out: String = c.into_iter().collect();
        out[..1].make_ascii_uppercase();
        out
    }

    /// Person names with many near misses: given names and surnames one or two edits apart, initials, short
    /// forms of the general list, hyphenated given names, middle names, transliteration alternations.
    fn near_miss_names(count: usize) -> Vec<String> {
        let given =
            ["William", "Bill", "Katharina", "Katarzyna", "Alexandra", "Jean-Luc", "Anna-Maria", "Yusuf", "Sergei"];
        let surnames = ["Doe", "Ivanova", "Schmidt", "Kowalski", "Nakamura", "Okafor", "Van Dyke"];
        let mut rng = Lcg(20_261_208);
        let mut out = Vec::new();
        while out.len() < count {
            let mut g = given[rng.below(given.len())].to_string();
            let mut s = surnames[rng.below(surnames.len())].to_string();
            for _ in 0..rng.below(3) {
                g = if g.contains('-') && rng.below(2) == 0 {
                    let (a, b) = g.split_once('-').unwrap();
                    format!("{}-{}", edited(a, &mut rng), b)
                } else {
                    edited(&g, &mut rng)
                };
            }
            if rng.below(3) == 0 && !s.contains(' ') {
                s = edited(&s, &mut rng);
            }
            match rng.below(5) {
                0 => g = format!("{}.", &g[..1]),
                1 => g = format!("{g} {}.", char::from(b'A' + rng.below(26) as u8)),
                _ => {}
            }
            out.push(format!("{g} {s}"));
        }
        // Hyphenated given names whose parts are the same keys though the whole names' keys are two edits apart
        // (a "ch" across the hyphen is not the "kh" of the parts): only the parts' key brings them together.
        out.extend(["Mac-Hac-Hac Doe", "Mak-Hak-Hak Doe"].map(String::from));
        out.sort();
        out.dedup();
        out
    }

    fn person_locals(names: &[String]) -> Vec<Local> {
        let local = |(article, name): (usize, &String)| Local {
            article,
            kind: EntityKind::Person,
            name: name.clone(),
            mentions: Vec::new(),
            acronym: None,
            guessed: false,
        };
        names.iter().enumerate().map(local).collect()
    }

    #[test]
    fn the_keyed_person_pairs_hold_every_pair_the_test_accepts() {
        let all = near_miss_names(400);
        let locals = person_locals(&all);
        let names = Names::of(&locals);
        let mut proposed = Vec::new();
        person_pairs(&names, &mut proposed);
        crate::base::order::sort(&mut proposed);
        proposed.dedup();
        let mut accepted = 0;
        for p in 0..names.forms.first.len() {
            for q in p + 1..names.forms.first.len() {
                let (Some(a), Some(b)) = (names.person(p), names.person(q)) else { continue };
                if same_person_names(a, b).is_some() || same_person_names(b, a).is_some() {
                    accepted += 1;
                    assert!(proposed.binary_search(&(p, q)).is_ok(), "{:?} and {:?} not proposed", a.parts, b.parts);
                }
            }
        }
        // Near misses on purpose: many pairs pass, and the keys propose far fewer than all pairs.
        assert!(accepted > 300, "{accepted}");
        assert!(proposed.len() < all.len() * all.len() / 8, "{} of {}", proposed.len(), all.len() * all.len() / 2);
    }

    #[test]
    fn person_fits_answers_as_the_test_with_its_reason() {
        let all = near_miss_names(150);
        let persons: Vec<PersonName> = all.iter().map(|n| PersonName::of(n)).collect();
        for a in &persons {
            for b in &persons {
                assert_eq!(person_fits(a, b), same_person_names(a, b).is_some(), "{:?} {:?}", a.parts, b.parts);
            }
        }
    }

    #[test]
    fn surnames_within_one_edit_are_found_by_the_index() {
        let keys =
            ["ivanova", "ivanov", "ivanowa", "ivonova", "doe", "dow", "schmidt", "shmidt", "schmitt", "kovalski"];
        let locals = person_locals(&keys.iter().map(|k| format!("Anna {k}")).collect::<Vec<_>>());
        let surnames = Names::of(&locals).surnames;
        assert_eq!(surnames.keys.len(), 9, "{:?}", surnames.keys); // "ivanowa" is "ivanova" by its key
        for q in ["ivanova", "ivanov", "doe", "schmidt", "smidt", "kovalski", "ivanovna", "ivanovaa"] {
            let found: Vec<&str> = surnames.fitting(q).iter().map(|&k| surnames.keys[k].as_str()).collect();
            let expected: Vec<&str> = surnames.keys.iter().map(String::as_str).filter(|k| surnames_fit(q, k)).collect();
            assert_eq!(found, expected, "{q}");
            assert!(!found.is_empty() || q == "smidt", "{q}");
        }
    }

    #[test]
    fn name_prefixes_order_names_as_the_names_do() {
        let names = ["", "a", "a b", "ab", "abcdefgh", "abcdefghi", "abcdefgi", "Ångström", "b", "Z"];
        for a in names {
            for b in names {
                let (pa, pb) = (name_prefix(a), name_prefix(b));
                if pa != pb {
                    assert_eq!(pa.cmp(&pb), a.cmp(b), "{a:?} {b:?}");
                }
            }
        }
    }
}
