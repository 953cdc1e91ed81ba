//! Near-duplicate documents at corpus scale: MinHash sketches of word 5-shingles and banded
//! locality-sensitive hashing (LSH), each candidate pair then verified by the exact Jaccard of the two
//! documents' shingle sets, so that every pair reported is a true one.
//!
//! A document's words are its runs of letters and digits (`char::is_alphanumeric`), folded by
//! [`lower_char`]; its shingles are the hashes of each five consecutive words. Its sketch is, for each of
//! [`HASHES`] hash functions (multiply-shift over the shingle's 64-bit hash, one odd multiplier each), the
//! least value over its shingles. The sketch is cut into bands of [`ROWS`] values; two documents whose values
//! agree on a whole band are candidates. Two documents of Jaccard similarity `J` meet in one band with
//! probability `J^ROWS`, in at least one of [`BANDS`] with `1 − (1 − J^ROWS)^BANDS`: at `J = 0.5` that misses
//! one pair in about 10,000 (ROWS 2, BANDS 32), and at `J = 0.1` a pair becomes a candidate one time in four,
//! which the exact check then drops. Cost: one sketch per document (its shingles times [`HASHES`]
//! multiplications), one sort of the band keys, and the merge of two sorted vectors per candidate; never all
//! pairs, never an index of every shingle.
//!
//! Owns the sketches, the bands and the check. Must not parse articles or read annotations (it takes bare
//! texts), and does no IO.

use crate::base::text::lower_char;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Values per band: two documents are candidates when they agree on all of one band's values.
pub const ROWS: usize = 2;
/// Bands per sketch.
pub const BANDS: usize = 32;
/// Hash functions, hence values, per sketch.
pub const HASHES: usize = ROWS * BANDS;

/// A pair of documents whose shingle sets have a Jaccard similarity at or above the threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearPair {
    /// The first document's index (always below `b`).
    pub a: usize,
    /// The second document's index.
    pub b: usize,
    /// Exact Jaccard similarity of their shingle sets, 0–1.
    pub jaccard: f64,
}

/// One document's shingle set (sorted hashes, no repeats) and its MinHash sketch.
#[derive(Debug, Clone, PartialEq)]
pub struct Sketch {
    /// The hashes of the document's word 5-shingles, sorted, each once.
    pub shingles: Vec<u64>,
    /// The least value of each hash function over the shingles ([`HASHES`] values; empty without shingles).
    pub mins: Vec<u32>,
}

/// SplitMix64's finaliser: spreads every input bit over the whole word.
const fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The odd multipliers of the hash functions, fixed, so that sketches are the same on every run.
const MULTIPLIERS: [u64; HASHES] = {
    let mut out = [0u64; HASHES];
    let mut i = 0;
    while i < HASHES {
        out[i] = mix(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1)) | 1;
        i += 1;
    }
    out
};

/// The hash of each word of `text` (runs of letters and digits, folded to lower case), in order.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut h: u64 = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            h = (h.rotate_left(5) ^ u64::from(u32::from(lower_char(c)))).wrapping_mul(0x517c_c1b7_2722_0a95);
            in_word = true;
        } else if in_word {
            out.push(mix(h));
            (h, in_word) = (0, false);
        }
    }
    if in_word {
        out.push(mix(h));
    }
    out
}

/// The sketch of one text.
pub fn sketch(text: &str) -> Sketch {
    let words = word_hashes(text);
    let mut shingles: Vec<u64> =
        words.windows(SHINGLE).map(|w| mix(w.iter().fold(0u64, |acc, &x| acc.rotate_left(13) ^ x))).collect();
    shingles.sort_unstable();
    shingles.dedup();
    if shingles.is_empty() {
        return Sketch { shingles, mins: Vec::new() };
    }
    let mut mins = [u32::MAX; HASHES];
    for &s in &shingles {
        for (m, &k) in mins.iter_mut().zip(MULTIPLIERS.iter()) {
            // Multiply-shift: the high half of the product of the (well mixed) shingle and an odd multiplier.
            let v = (s.wrapping_mul(k) >> 32) as u32;
            *m = (*m).min(v);
        }
    }
    Sketch { shingles, mins: mins.to_vec() }
}

/// How many items two ascending lists of distinct items share (one merge; quote groups count shared word
/// ids with it too).
pub fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// Jaccard similarity of two sorted sets without repeats (0 when both are empty).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let shared = shared(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// Candidate pairs: documents that agree on all values of at least one band, each pair once (`a < b`,
/// packed as `a << 32 | b`), sorted.
pub fn candidates(sketches: &[Sketch]) -> Vec<u64> {
    let mut keys: Vec<(u64, u32)> = Vec::with_capacity(sketches.len() * BANDS);
    for (d, s) in sketches.iter().enumerate() {
        let Ok(d) = u32::try_from(d) else { break };
        for (band, values) in s.mins.chunks(ROWS).enumerate() {
            let key = values.iter().fold(mix(band as u64 + 1), |acc, &v| mix(acc ^ u64::from(v)));
            keys.push((key, d));
        }
    }
    keys.sort_unstable();
    let mut pairs = Vec::new();
    for run in keys.chunk_by(|x, y| x.0 == y.0) {
        for (i, x) in run.iter().enumerate() {
            for y in run.iter().skip(i + 1) {
                pairs.push(u64::from(x.1.min(y.1)) << 32 | u64::from(x.1.max(y.1)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The pairs of `texts` whose word 5-shingle sets have a Jaccard similarity of at least `threshold`, by
/// MinHash and banded LSH (see the module's documentation for what a pair at the threshold risks), sorted
/// by `(a, b)`.
pub fn near_duplicates(texts: &[&str], threshold: f64) -> Vec<NearPair> {
    let sketches: Vec<Sketch> = texts.iter().map(|t| sketch(t)).collect();
    candidates(&sketches)
        .into_iter()
        .filter_map(|p| {
            let (a, b) = ((p >> 32) as usize, (p & u64::from(u32::MAX)) as usize);
            let j = jaccard(&sketches.get(a)?.shingles, &sketches.get(b)?.shingles);
            (j >= threshold).then_some(NearPair { a, b, jaccard: j })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exact all-pairs answer, the specification LSH approximates.
    fn all_pairs(texts: &[&str], threshold: f64) -> Vec<(usize, usize)> {
        let s: Vec<Sketch> = texts.iter().map(|t| sketch(t)).collect();
        let mut out = Vec::new();
        for (i, x) in s.iter().enumerate() {
            for (j, y) in s.iter().enumerate().skip(i + 1) {
                if !x.shingles.is_empty() && jaccard(&x.shingles, &y.shingles) >= threshold {
                    out.push((i, j));
                }
            }
        }
        out
    }

    #[test]
    fn words_are_letter_and_digit_runs_folded_to_lower_case() {
        let cases: &[(&str, &str)] = &[
            ("The court ruled on 3 May.", "the court ruled on 3 may"),
            ("THE—Court, ruled  on\n3 MAY!", "the court ruled on 3 may"),
            ("Ελλάδα ΕΛΛΆΔΑ", "ελλάδα ελλάδα"),
        ];
        for (text, same) in cases {
            assert_eq!(word_hashes(text), word_hashes(same), "{text}");
        }
        assert_ne!(word_hashes("court ruled"), word_hashes("ruled court"));
    }

    #[test]
    fn jaccard_of_sorted_sets() {
        let cases: &[(&[u64], &[u64], f64)] =
            &[(&[], &[], 0.0), (&[1, 2, 3], &[1, 2, 3], 1.0), (&[1, 2, 3], &[2, 3, 4], 0.5), (&[1], &[2], 0.0)];
        for (a, b, want) in cases {
            assert!((jaccard(a, b) - want).abs() < 1e-12, "{a:?} {b:?}");
        }
    }

    #[test]
    fn a_text_shorter_than_a_shingle_has_no_sketch_and_no_pair() {
        let s = sketch("four words only here");
        assert!(s.shingles.is_empty() && s.mins.is_empty());
        assert!(near_duplicates(&["four words only here", "four words only here"], 0.5).is_empty());
    }

    #[test]
    fn reports_exactly_the_pairs_all_pairs_finds_on_copies_and_edits() {
        let base: Vec<String> = (0..40).map(|i| format!("word{i}")).collect();
        let edited = |every: usize| -> String {
            base.iter()
                .enumerate()
                .map(|(i, w)| if i % every == 0 { "changed" } else { w.as_str() })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let other: Vec<String> = (0..40).map(|i| format!("other{i}")).collect();
        let texts = [base.join(" "), edited(13), edited(7), edited(3), other.join(" "), base.join(" ")];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let found: Vec<(usize, usize)> = near_duplicates(&refs, 0.5).iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(found, all_pairs(&refs, 0.5));
        assert!(found.contains(&(0, 5)) && found.contains(&(0, 1)) && !found.iter().any(|&(a, b)| a == 4 || b == 4));
    }

    #[test]
    fn every_reported_pair_is_at_or_above_the_threshold_and_ordered() {
        let texts = ["a b c d e f g h", "a b c d e f g x", "a b c d e q r s", "x y z w v u t s"];
        for p in near_duplicates(&texts, 0.3) {
            assert!(p.a < p.b && p.jaccard >= 0.3, "{p:?}");
        }
    }
}
