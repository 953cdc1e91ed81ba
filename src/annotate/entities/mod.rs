//! Entities: people, organisations and places mentioned in articles, with roles and titles kept apart from
//! names, short forms resolved within an article, and spelling and transliteration variants merged across
//! articles with an explanation of each merge.
//!
//! Mentions are capitalised token sequences of body sentences (headings only keep names the body confirms),
//! classified with general resources under `data/` (places, titles, organisation words, given names).
//! Knowledge used is general; no list of any story's names. This module must not read quotes or dates.

#![warn(clippy::indexing_slicing)]

use crate::base::text::Lowercase as _;
use crate::base::text::TextRange;
use serde::Serialize;

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

mod lists;
mod mentions;
mod names;
mod resolve;
mod words;

pub use lists::is_broad_place;
pub use mentions::mentions;
pub use resolve::resolve;

#[cfg(test)]
mod tests {
    use super::mentions::*;
    use super::names::*;
    use super::resolve::*;
    use super::*;
    use crate::input::article::Article;

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
