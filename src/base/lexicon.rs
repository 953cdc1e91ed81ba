//! General linguistic knowledge shared by the stages: month and weekday names, time-zone abbreviations,
//! English function words.
//!
//! Everything here is general knowledge of English and of calendars, never knowledge of a particular story:
//! no person, place or outlet of any news story belongs in this file (a tidy test checks the bundle's names).

/// A list of words packed into one string, separated by single spaces. A `&[&str]` costs eight bytes of pointer
/// and length per word in the wasm (and compresses poorly); this costs the words alone. Looked up by scanning,
/// as a slice's `contains` would: one pass over the bytes (no per-word search call; a hot path of the index).
#[derive(Clone, Copy, Debug)]
pub struct Words(pub &'static str);

/// The packed entry that starts `rest` (up to the next space) and what follows that space.
fn next_entry(rest: &[u8]) -> (&[u8], Option<&[u8]>) {
    let mut n = 0;
    for &b in rest {
        if b == b' ' {
            break;
        }
        n += 1;
    }
    let (head, tail) = rest.split_at(n.min(rest.len()));
    (head, tail.get(1..))
}

/// Most lists [`Words::contains`] keeps a hash set of; beyond them it scans.
const MAX_SETS: usize = 32;

thread_local! {
    /// Each list's words as a hash set, made on the list's first look-up (the annotators and the stages ask
    /// for nearly every token), keyed by the list's address. A cache of constant data: what a look-up answers
    /// never depends on it.
    static SETS: std::cell::RefCell<Vec<(usize, std::collections::HashSet<&'static str>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl Words {
    /// Whether `w` is one of the words.
    pub fn contains(self, w: &str) -> bool {
        if w.is_empty() {
            return false;
        }
        let key = self.0.as_ptr() as usize;
        let cached = SETS.try_with(|sets| {
            let mut sets = sets.try_borrow_mut().ok()?;
            if let Some((_, set)) = sets.iter().find(|(k, _)| *k == key) {
                return Some(set.contains(w));
            }
            if sets.len() >= MAX_SETS {
                return None;
            }
            let set: std::collections::HashSet<&'static str> = self.iter().collect();
            let found = set.contains(w);
            sets.push((key, set));
            Some(found)
        });
        cached.ok().flatten().unwrap_or_else(|| self.scan(w))
    }

    /// Whether `w` is one of the words, by one pass over the packed bytes.
    fn scan(self, w: &str) -> bool {
        let w = w.as_bytes();
        let mut rest = Some(self.0.as_bytes());
        while let Some(r) = rest {
            let (entry, tail) = next_entry(r);
            if !w.is_empty() && entry == w {
                return true;
            }
            rest = tail;
        }
        false
    }

    /// The words in order.
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        self.0.split(' ').filter(|x| !x.is_empty())
    }
}

/// Pairs of words packed like [`Words`], each written `key:value`.
#[derive(Clone, Copy, Debug)]
pub struct Pairs(pub &'static str);

impl Pairs {
    /// The value paired with `key`.
    pub fn get(self, key: &str) -> Option<&'static str> {
        let key = key.as_bytes();
        if key.contains(&b':') {
            return None;
        }
        let mut rest = Some(self.0.as_bytes());
        while let Some(r) = rest {
            let (entry, tail) = next_entry(r);
            // The entry matches when it starts with the key and a colon (keys hold none).
            if entry.get(key.len()) == Some(&b':') && entry.starts_with(key) {
                let value = entry.get(key.len() + 1..).unwrap_or(&[]);
                return std::str::from_utf8(value).ok();
            }
            rest = tail;
        }
        None
    }
}

/// Month number (1–12) for an English month name or abbreviation, compared case-insensitively,
/// with or without a trailing full stop ("Nov.", "November", "Sept").
pub fn month_number(word: &str) -> Option<u32> {
    let mut buf = [0; 9];
    let n = match ascii_lower(word.trim_end_matches('.'), &mut buf)? {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// A word of at most 9 bytes in ASCII lower case, written into `buf` (longer words are no calendar name).
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 9]) -> Option<&'b [u8]> {
    let b = word.as_bytes();
    let out = buf.get_mut(..b.len())?;
    for (d, s) in out.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(out)
}

/// Weekday number (Monday = 0 … Sunday = 6) for an English weekday name or abbreviation.
pub fn weekday_number(word: &str) -> Option<u32> {
    let mut buf = [0; 9];
    let n = match ascii_lower(word.trim_end_matches('.'), &mut buf)? {
        b"monday" | b"mon" => 0,
        b"tuesday" | b"tue" | b"tues" => 1,
        b"wednesday" | b"wed" => 2,
        b"thursday" | b"thu" | b"thur" | b"thurs" => 3,
        b"friday" | b"fri" => 4,
        b"saturday" | b"sat" => 5,
        b"sunday" | b"sun" => 6,
        _ => return None,
    };
    Some(n)
}

/// UTC offset in minutes of a common time-zone abbreviation.
pub fn zone_offset_minutes(abbr: &str) -> Option<i32> {
    let m = match abbr.to_ascii_uppercase().as_str() {
        "UTC" | "GMT" | "Z" | "WET" => 0,
        "CET" | "BST" | "WEST" | "IST" => 60,
        "CEST" | "EET" => 120,
        "EEST" | "MSK" => 180,
        "EST" => -300,
        "EDT" | "AST" => -240,
        "CST" => -360,
        "CDT" => -300,
        "MST" => -420,
        "MDT" => -360,
        "PST" => -480,
        "PDT" => -420,
        "JST" | "KST" => 540,
        _ => return None,
    };
    Some(m)
}

/// Frequent English function words, used to tell English text from other languages.
pub const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "at", "from", "it", "his",
    "he", "be", "are", "has", "have", "an", "a", "this", "which", "not", "but", "were", "had", "their", "they", "its",
    "who", "will", "would", "been", "said",
];

/// Function words of a few other languages, to name the language of a non-English article.
pub const OTHER_FUNCTION_WORDS: &[(&str, &[&str])] = &[
    ("de", &["der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "auch", "sich", "dem"]),
    ("fr", &["le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "pas", "du", "qui"]),
    ("es", &["el", "los", "las", "y", "que", "una", "por", "con", "para", "del", "es", "se", "como"]),
    ("it", &["il", "che", "della", "per", "una", "non", "sono", "gli", "con", "del", "nel", "anche"]),
    ("nl", &["het", "een", "van", "en", "niet", "zijn", "ook", "dat", "met", "voor", "op", "werd"]),
    ("pl", &["nie", "się", "jest", "że", "na", "do", "oraz", "jak", "przez", "dla", "czy", "ich"]),
    ("pt", &["não", "uma", "os", "as", "com", "para", "mais", "foi", "pelo", "pela", "também", "ao"]),
];

/// Section words that sites put before a headline ("News", "World", "Opinion"), sometimes glued to it when
/// a page is copied as text ("NewsA headline"). Longest first, so that "Sports" wins over "Sport".
pub const SECTION_LABELS: &[&str] = &[
    "entertainment",
    "international",
    "technology",
    "exclusive",
    "lifestyle",
    "politics",
    "business",
    "breaking",
    "analysis",
    "opinion",
    "economy",
    "culture",
    "science",
    "markets",
    "finance",
    "sports",
    "health",
    "travel",
    "europe",
    "world",
    "sport",
    "video",
    "local",
    "news",
    "live",
    "tech",
];

/// Words of job titles on bylines ("Senior Correspondent", "Staff Writer").
pub const ROLE_WORDS: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "journalist",
    "columnist",
    "contributor",
    "staff",
    "producer",
    "analyst",
    "chief",
    "bureau",
    "desk",
    "newsroom",
    "intern",
    "freelance",
    "freelancer",
    "photographer",
];

/// Lowercase particles inside personal names ("Ursula von der Leyen", "Jan de Vries", "Ali bin Saleh").
pub const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "bint", "al", "el", "ibn",
    "dos", "das", "do", "ter", "ten", "y", "zu",
];

/// Number of days in a month of a year of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

// ---------------------------------------------------------------------------------------------------------
// Number words (read by the time and number extractors)

pub(crate) const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
];

pub(crate) const ORDINALS: &[(&str, u64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
];

/// What every word of a number-word list shares: its shortest and longest length, and a 512-bit Bloom filter of
/// its words (two bits each, from [`crate::base::text::word_hash`]), so that nearly every other word is refused before the list is
/// compared word by word.
#[derive(Clone, Copy)]
struct ListShape {
    min: usize,
    max: usize,
    bits: [u64; 8],
}

/// The two bits of a word in a [`ListShape`]'s filter (the hash folds ASCII case, for the lists' words and the
/// words asked about alike, so a word of the list is always admitted).
const fn shape_bits(word: &[u8]) -> (usize, usize) {
    let h = crate::base::text::word_hash(word);
    ((h & 511) as usize, ((h >> 9) & 511) as usize)
}

impl ListShape {
    /// The shape of a list of words.
    const fn of(list: &[(&str, u64)]) -> ListShape {
        let mut shape = ListShape { min: usize::MAX, max: 0, bits: [0; 8] };
        let mut i = 0;
        while i < list.len() {
            let w = list[i].0.as_bytes();
            if w.len() < shape.min {
                shape.min = w.len();
            }
            if w.len() > shape.max {
                shape.max = w.len();
            }
            let (a, b) = shape_bits(w);
            shape.bits[a / 64] |= 1 << (a % 64);
            shape.bits[b / 64] |= 1 << (b % 64);
            i += 1;
        }
        shape
    }

    /// Whether `word` may be in the list (exactly: a word of the list always may).
    fn admits(self, word: &str) -> bool {
        if !(self.min..=self.max).contains(&word.len()) {
            return false;
        }
        let (a, b) = shape_bits(word.as_bytes());
        let set = |h: usize| self.bits.get(h / 64).is_some_and(|w| (w >> (h % 64)) & 1 == 1);
        set(a) && set(b)
    }
}

const ORDINALS_SHAPE: ListShape = ListShape::of(ORDINALS);
const UNITS_SHAPE: ListShape = ListShape::of(UNITS);

/// The value of an ordinal number word ("ninth" → 9), for the time module's days of the month.
pub(crate) fn ordinal_word_value(lower: &str) -> Option<u64> {
    if !ORDINALS_SHAPE.admits(lower) {
        return None;
    }
    ORDINALS.iter().find(|(w, _)| *w == lower).map(|&(_, v)| v)
}

/// The value of a cardinal number word ("fourteen" → 14), for the time module's counts too.
pub(crate) fn word_value(lower: &str) -> Option<u64> {
    if !UNITS_SHAPE.admits(lower) {
        return None;
    }
    UNITS.iter().find(|(w, _)| *w == lower).map(|&(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_pass_their_list_shape_and_others_mostly_do_not() {
        for (list, value) in [(UNITS, word_value as fn(&str) -> Option<u64>), (ORDINALS, ordinal_word_value)] {
            for &(w, v) in list {
                assert_eq!(value(w), Some(v), "{w}");
            }
        }
        for w in ["", "a", "the", "One", "1", "é", "twentyone", "thousandths", "said", "zzz"] {
            assert_eq!((word_value(w), ordinal_word_value(w)), (None, None), "{w:?}");
        }
        // Most other words are refused by the shape alone (a Bloom filter lets a few through; the list rejects them).
        let common = ["the", "said", "court", "after", "which", "people", "government", "their", "other", "years"];
        assert!(common.iter().filter(|w| UNITS_SHAPE.admits(w) || ORDINALS_SHAPE.admits(w)).count() <= 2);
    }

    #[test]
    fn packed_words_and_pairs_are_looked_up_whole() {
        const LIST: Words = Words("a an the  said");
        for (w, member) in [("a", true), ("an", true), ("the", true), ("said", true), ("", false), ("th", false)] {
            for _ in 0..2 {
                // The second look-up reads the cached set; both agree with the scan.
                assert_eq!(LIST.contains(w), member, "{w:?}");
                assert_eq!(LIST.scan(w), member, "{w:?}");
            }
        }
        for w in ["the said", "a an", " ", "saids", "A"] {
            assert!(!LIST.contains(w) && !LIST.scan(w), "{w:?}");
        }
        const PAIRS: Pairs = Pairs("began:begin  took:take");
        assert_eq!(PAIRS.get("began"), Some("begin"));
        assert_eq!(PAIRS.get("took"), Some("take"));
        for k in ["", "begin", "beg", "began:", "took:take"] {
            assert_eq!(PAIRS.get(k), None, "{k:?}");
        }
    }

    #[test]
    fn month_and_weekday_names() {
        for (w, n) in [("Nov.", 11), ("september", 9), ("Sept", 9), ("May", 5)] {
            assert_eq!(month_number(w), Some(n), "{w}");
        }
        assert_eq!(month_number("Mayday"), None);
        assert_eq!(weekday_number("Thursday"), Some(3));
        assert_eq!(zone_offset_minutes("cet"), Some(60));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
    }
}
