//! Text primitives: decoding raw bytes, byte ranges, and the one place where byte offsets become UTF-16 offsets.
//!
//! Everything inside the core works on byte ranges ([`TextRange`]) into an article's decoded text.
//! Everything that leaves the core (the export, the wasm API) uses UTF-16 code units, so that JavaScript can
//! slice its own strings with the numbers it receives. [`Utf16Map`] is the only converter.
//!
//! This module must not know about articles, sentences or any linguistic notion.

#![warn(clippy::indexing_slicing)]

use serde::Serialize;

/// A half-open byte range `[start, end)` into a text. Both ends always lie on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TextRange {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl TextRange {
    /// Builds a range; `end` is clamped so that it is never before `start`.
    pub fn new(start: usize, end: usize) -> TextRange {
        TextRange { start, end: end.max(start) }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the range covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside `self`.
    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text the range covers, or `""` when the range does not fit `text` (never panics).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Shrinks the range so that it starts and ends on non-whitespace characters of `text`.
    pub fn trim(self, text: &str) -> TextRange {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return TextRange::new(self.start, self.start);
        }
        TextRange::new(self.start + lead, self.end - trail)
    }
}

/// A span as it leaves the core: UTF-16 code units into the article's exported text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First UTF-16 code unit.
    pub start: u32,
    /// One past the last UTF-16 code unit.
    pub end: u32,
}

/// Converts byte offsets of one text into UTF-16 offsets.
///
/// Built once per text in O(n); each lookup is a binary search over the non-ASCII characters only,
/// so ASCII-heavy text costs almost nothing.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// For every non-ASCII char: (byte offset just after it, cumulative extra bytes minus extra UTF-16 units).
    /// `utf16(byte) = byte - delta(byte)`, where delta sums `len_utf8 - len_utf16` of the chars before `byte`.
    steps: Vec<(usize, usize)>,
    len: usize,
}

impl Utf16Map {
    /// Indexes `text`.
    pub fn new(text: &str) -> Utf16Map {
        let mut steps = Vec::new();
        let mut delta = 0usize;
        // A byte scan: the text is valid UTF-8, so each lead byte tells its character's length in bytes (2–4)
        // and in UTF-16 units (2 for the 4-byte characters outside the Basic Multilingual Plane, else 1).
        for (i, &b) in text.as_bytes().iter().enumerate() {
            let (bytes, units) = match b {
                0xC0..=0xDF => (2, 1),
                0xE0..=0xEF => (3, 1),
                0xF0..=0xF7 => (4, 2),
                _ => continue,
            };
            delta += bytes - units;
            steps.push((i + bytes, delta));
        }
        Utf16Map { steps, len: text.len() }
    }

    /// The UTF-16 offset of a byte offset (clamped to the text's length).
    pub fn utf16(&self, byte: usize) -> u32 {
        let byte = byte.min(self.len);
        let idx = self.steps.partition_point(|&(after, _)| after <= byte);
        let delta = idx.checked_sub(1).and_then(|k| self.steps.get(k)).map_or(0, |s| s.1);
        u32::try_from(byte - delta).unwrap_or(u32::MAX)
    }

    /// Converts a byte range.
    pub fn span(&self, range: TextRange) -> Span {
        Span { start: self.utf16(range.start), end: self.utf16(range.end) }
    }
}

/// The result of decoding raw bytes into the text the core works on.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The decoded text: BOM removed, invalid UTF-8 replaced by U+FFFD, NUL bytes replaced by U+FFFD.
    pub text: String,
    /// A byte-order mark was removed.
    pub had_bom: bool,
    /// Some bytes were not valid UTF-8 and were replaced.
    pub invalid_utf8: bool,
    /// Number of NUL bytes replaced.
    pub nul_bytes: usize,
    /// Share of control characters (other than tab, CR, LF) in the input, between 0 and 1.
    pub control_ratio: f32,
}

/// Decodes raw bytes as UTF-8, lossily. Never fails; what was repaired is reported in [`Decoded`].
pub fn decode(bytes: &[u8]) -> Decoded {
    let (bytes, had_bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let lossy = String::from_utf8_lossy(bytes);
    let invalid_utf8 = matches!(lossy, std::borrow::Cow::Owned(_));
    // Characters, NUL bytes and other control characters are counted on the bytes: a character starts at every
    // byte that is not a continuation byte (0b10xx_xxxx); the C1 controls U+0080–U+009F are 0xC2 0x80–0x9F.
    let mut nul_bytes = 0usize;
    let mut control = 0usize;
    let mut total = 0usize;
    let mut prev = 0u8;
    for &b in lossy.as_bytes() {
        total += usize::from(b & 0xC0 != 0x80);
        match b {
            0 => nul_bytes += 1,
            0x01..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F => control += 1,
            0x80..=0x9F if prev == 0xC2 => control += 1,
            _ => {}
        }
        prev = b;
    }
    control += nul_bytes;
    let text = if nul_bytes == 0 { lossy.into_owned() } else { lossy.replace('\0', "\u{FFFD}") };
    let control_ratio = if total == 0 { 0.0 } else { control as f32 / total as f32 };
    Decoded { text, had_bom, invalid_utf8, nul_bytes, control_ratio }
}

/// Iterates over the lines of `text` as byte ranges without their terminator; accepts LF, CRLF and lone CR.
pub fn lines(text: &str) -> Vec<TextRange> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'\n' => {
                out.push(TextRange::new(start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push(TextRange::new(start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(TextRange::new(start, bytes.len()));
    }
    out
}

/// The character starting at byte `i` of `s` (ASCII without decoding), or `None` at the end of `s` or when `i`
/// is not on a character boundary.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    match *s.as_bytes().get(i)? {
        b if b < 0x80 => Some(char::from(b)),
        _ => s.get(i..)?.chars().next(),
    }
}

/// [`char_at`] forced inline: the scanners' per-character loops read ASCII with no call (the page's wasm is
/// compiled for size, where `char_at` stays a call per byte); only a non-ASCII byte calls `char_at`.
#[inline(always)]
pub fn char_at_inline(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => char_at(s, i),
        None => None,
    }
}

/// FNV-1a's 64-bit offset basis: the state [`stable_hash`] starts from (its hash of nothing).
pub const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte into an FNV-1a state (usable in constants, to start from a known prefix).
#[inline]
pub const fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
}

/// The FNV-1a state `h` carried on over `bytes`: `fnv_extend(FNV_BASIS, b)` is `stable_hash(b)`, and hashing a
/// word in pieces gives the hash of the whole.
#[inline]
pub fn fnv_extend(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| fnv_byte(h, b))
}

/// The hash of a word the engine's word filters read, in ASCII lower case (usable in constants): a word token
/// carries it (`annotate::tokens`, made while the word is cut with [`word_hash_step`] and [`word_hash_finish`]),
/// the time scanner's starter, tense and unit tables are built with it, and so are the number-word lists'
/// shapes in `base::lexicon`. The word's bytes are mixed by a rotation and an exclusive or each, then by one
/// multiplication (FNV-1a's multiplication at every byte was most of the tokenizer's time). Equal for words
/// that differ only in ASCII case.
pub const fn word_hash(word: &[u8]) -> u32 {
    let (mut acc, mut rest) = (0, word);
    while let [b, tail @ ..] = rest {
        acc = word_hash_step(acc, *b);
        rest = tail;
    }
    word_hash_finish(acc)
}

/// One byte of [`word_hash`].
#[inline(always)]
pub const fn word_hash_step(acc: u64, b: u8) -> u64 {
    acc.rotate_left(5) ^ b.to_ascii_lowercase() as u64
}

/// The last step of [`word_hash`]: the accumulated bytes mixed into 32 bits.
#[inline(always)]
pub const fn word_hash_finish(acc: u64) -> u32 {
    ((acc ^ (acc >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}

/// A 64-bit FNV-1a hash: stable across platforms and releases, used for content ids and duplicate detection.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    fnv_extend(FNV_BASIS, bytes)
}

/// The lower-case form of `c` for the scripts news text mostly uses: Basic Latin, Latin-1, Latin Extended-A, the
/// paired letters of Latin Extended-B and Latin Extended Additional (Romanian, Vietnamese), Greek, Cyrillic and
/// Armenian; `c` itself elsewhere. One character in, one out ("İ" gives "i", "Σ" always "σ"). The standard
/// library's full table and `str::to_lowercase` cost about 6 KB of gzipped wasm; folding words for comparison
/// needs only that both sides go through the same function.
pub fn lower_char(c: char) -> char {
    let u = u32::from(c);
    let even = u % 2 == 0;
    let mapped = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        0x130 => 0x69,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 | 0x200..=0x21F | 0x222..=0x233 if even => u + 1,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if even => u + 1,
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if !even => u + 1,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 0x3F,
        0x400..=0x40F => u + 0x50,
        0x4C0 => 0x4CF,
        0x531..=0x556 => u + 0x30,
        0x1E9E => 0xDF,
        0x220 => 0x19E,
        _ => u,
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// `s` in lower case by [`lower_char`] (ASCII text takes the fast path).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().map(lower_char).collect()
    }
}

/// `.lowercase()` on string slices: [`lowercase`] as a method, in place of `str::to_lowercase`.
pub trait Lowercase {
    /// See [`lowercase`].
    fn lowercase(&self) -> String;
}

impl Lowercase for str {
    fn lowercase(&self) -> String {
        lowercase(self)
    }
}

/// The upper-case form of `c` for the scripts news text mostly uses (Basic Latin, Latin-1, Latin Extended-A,
/// Greek and Cyrillic), or `c` itself elsewhere and where the upper case is more than one character ("ß").
/// Used only to capitalise words in explanations; the standard library's full table costs about 8 KB of
/// gzipped wasm, for characters an explanation's first letter almost never is.
pub fn upper_char(c: char) -> char {
    let u = u32::from(c);
    let mapped = match u {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3CB | 0x430..=0x44F => u - 0x20,
        0xFF => 0x178,
        0x131 => 0x49,
        0x17F => 0x53,
        0x101..=0x137 | 0x14B..=0x177 if u % 2 == 1 => u - 1,
        0x13A..=0x148 | 0x17A..=0x17E if u % 2 == 0 => u - 1,
        0x3C2 => 0x3A3,
        0x3AC => 0x386,
        0x3AD..=0x3AF => u - 0x25,
        0x3CC => 0x38C,
        0x3CD | 0x3CE => u - 0x3F,
        0x450..=0x45F => u - 0x50,
        _ => u,
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// `w` with its first character in upper case (see [`upper_char`]).
pub fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| format!("{}{}", upper_char(f), c.as_str())).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs_and_multibyte_chars() {
        let text = "a😀é\u{301}b";
        let map = Utf16Map::new(text);
        let b = text.find('b').unwrap_or(0);
        // 'a' 1 unit, emoji 2 units, 'é' 1 unit, combining acute 1 unit.
        assert_eq!(map.utf16(b), 5);
        assert_eq!(map.utf16(0), 0);
        assert_eq!(map.utf16(text.len()), 6);
    }

    #[test]
    fn decode_strips_bom_and_reports_invalid_utf8_and_nul() {
        let d = decode(b"\xEF\xBB\xBFab\xFFc\0");
        assert!(d.had_bom);
        assert!(d.invalid_utf8);
        assert_eq!(d.nul_bytes, 1);
        assert_eq!(d.text, "ab\u{FFFD}c\u{FFFD}");
    }

    #[test]
    fn lines_accept_lf_crlf_and_lone_cr() {
        let text = "a\r\nb\rc\nd";
        let got: Vec<&str> = lines(text).into_iter().map(|r| r.slice(text)).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
    }

    #[test]
    fn trim_shrinks_to_content() {
        let text = "  ab  ";
        assert_eq!(TextRange::new(0, 6).trim(text).slice(text), "ab");
        assert!(TextRange::new(0, 2).trim(text).is_empty());
    }

    /// Checks a one-to-one case map against the standard library's for every character below `end`: each
    /// character `ours` changes (except the deliberate `exceptions`) changes as the standard library changes it,
    /// and each character in a `covered` block that the standard library maps to one character is mapped too.
    /// Returns how many characters `ours` changes.
    fn agreement(
        end: u32,
        ours: fn(char) -> char,
        std: fn(char) -> Vec<char>,
        covered: fn(u32) -> bool,
        exceptions: &[u32],
    ) -> usize {
        let mut mapped = 0;
        for u in 0..end {
            let Some(c) = char::from_u32(u) else { continue };
            let (o, s) = (ours(c), std(c));
            if o != c && !exceptions.contains(&u) {
                mapped += 1;
                assert_eq!(vec![o], s, "U+{u:04X}");
            } else if let [one] = s.as_slice() {
                // Characters left alone are either already in the target case or outside the covered blocks.
                assert!(*one == c || !covered(u), "U+{u:04X} should map to {one}");
            }
        }
        mapped
    }

    #[test]
    fn upper_char_agrees_with_the_standard_library_where_it_maps() {
        let covered = |u| matches!(u, 0x61..=0x7A | 0xE0..=0x17F | 0x3AC..=0x3CE | 0x430..=0x45F);
        let mapped = agreement(0x500, upper_char, |c| c.to_uppercase().collect(), covered, &[]);
        assert!(mapped > 200, "{mapped}");
        assert_eq!(capitalised("émir of the region"), "Émir of the region");
        assert_eq!(capitalised("президент"), "Президент");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn lower_char_agrees_with_the_standard_library_where_it_maps() {
        let covered = |u| matches!(u, 0x41..=0x5A | 0xC0..=0x17F | 0x200..=0x233 | 0x386..=0x3AB | 0x400..=0x52F | 0x531..=0x556 | 0x1E00..=0x1EFF);
        // "İ" becomes a plain "i" here; the standard library adds a combining dot.
        let mapped = agreement(0x2000, lower_char, |c| c.to_lowercase().collect(), covered, &[0x130]);
        assert!(mapped > 400, "{mapped}");
        assert_eq!(lowercase("ŞTEFAN Țurcanu ÉLYSÉE Ελλάδα ĐÀ NẴNG"), "ştefan țurcanu élysée ελλάδα đà nẵng");
        assert_eq!(lowercase("İstanbul").len(), "istanbul".len());
    }
}
