//! Name normalisation shared by scanning and resolution: diacritics folded, transliteration keys, name parts,
//! surname openers, initials and edit distance. Must not look at articles.

#![warn(clippy::indexing_slicing)]

use super::lists::*;

/// Folds the common Latin diacritics to ASCII.
pub(super) fn fold_char(c: char) -> char {
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
pub(super) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] written into `out` (cleared first), so that a loop folding many words reuses one buffer.
pub(super) fn fold_into(s: &str, out: &mut String) {
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
pub(super) fn slug(s: &str) -> String {
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
pub(super) fn translit_key(part: &str) -> String {
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
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
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
pub(super) fn name_parts(name: &str) -> Vec<&str> {
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
pub(super) fn opens_surname(w: &str, first: bool) -> bool {
    let l = fold(w);
    if first {
        SURNAME_OPENERS.contains(&l.as_str()) && !resources().given.contains(&l)
    } else {
        PARTICLES.contains(&l.as_str())
    }
}

/// Whether a person's name has a given name and a surname ("Marine Le Pen"; not "Le Pen").
pub(super) fn is_full_name(name: &str) -> bool {
    name_parts(name).len() >= 2
}

/// Initials of the capitalised words of an expansion ("North Atlantic Treaty Organization" → "NATO").
pub(super) fn initials(expansion: &str) -> String {
    expansion
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| first_char(w).is_some_and(char::is_uppercase))
        .filter_map(first_char)
        .collect()
}

/// Whether `short` is a common short form of the given name `formal` ("Bill" of "William", general list).
pub(super) fn is_short_form(short: &str, formal: &str) -> bool {
    resources().short_forms.contains(&format!("{} {}", fold(short), fold(formal)))
}

/// The first character of a word.
pub(super) fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}
