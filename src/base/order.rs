//! Sorting without code bloat: one compiled sort (over indices, with a dynamic comparator) serves every
//! cross-referencing stage, instead of one copy of the standard library's sort per element type and
//! comparator, which together cost tens of kilobytes of wasm. Stable, like `slice::sort_by`.
//! This module orders; it must hold no other logic.

use std::cmp::Ordering;

/// The one instantiation of the standard sort.
fn sort_indices(idx: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    idx.sort_by(|a, b| cmp(*a, *b));
}

/// Whether the `n` items `cmp` compares by index are already in order (a stable sort would keep them as
/// they are). Not generic, like [`sort_indices`].
fn in_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> bool {
    (1..n).all(|i| cmp(i - 1, i) != Ordering::Greater)
}

/// Sorts `v` stably by `cmp`. A vector already in order is left as it is without moving its items (many
/// are: postings, candidates gathered in order).
// A slice would do since the items are permuted in place; the signature stays that of the callers' vectors
// (a slice here makes clippy ask the same of every function that only sorts the vector it is given).
#[allow(clippy::ptr_arg)]
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx: Vec<usize>;
    {
        let view: &[T] = v;
        let f = |a: usize, b: usize| match (view.get(a), view.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        };
        if in_order(view.len(), &f) {
            return;
        }
        idx = (0..view.len()).collect();
        sort_indices(&mut idx, &f);
    }
    permute(v, &mut idx);
}

/// Reorders `v` so that its item at `k` is the one that was at `idx[k]` (`idx` a permutation of the
/// positions), in place: each cycle of the permutation is followed with swaps, and `idx` marks the positions
/// done. No second vector of items (in wasm an allocation and a copy of every item cost more than the swaps).
fn permute<T>(v: &mut [T], idx: &mut [usize]) {
    for start in 0..idx.len() {
        let mut j = start;
        while let Some(slot) = idx.get_mut(j) {
            let k = std::mem::replace(slot, j);
            if k == start || k == j || k >= v.len() {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// Sorts `v` stably by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, |a, b| a.cmp(b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut w = vec!["b", "a", "c"];
        sort(&mut w);
        assert_eq!(w, ["a", "b", "c"]);
        let mut e: Vec<u8> = Vec::new();
        sort(&mut e);
        assert!(e.is_empty());
        // Already in order, with ties: left as it is.
        let mut s = vec![(0, 'a'), (1, 'b'), (1, 'a'), (3, 'c')];
        sort_by_key(&mut s, |x| x.0);
        assert_eq!(s, [(0, 'a'), (1, 'b'), (1, 'a'), (3, 'c')]);
    }

    #[test]
    fn permutes_in_place_cycle_by_cycle() {
        // (positions taken from, expected order): a fixed point, one cycle, two cycles, the reversal.
        let cases: [(&[usize], &str); 4] =
            [(&[0, 1, 2, 3], "abcd"), (&[1, 2, 3, 0], "bcda"), (&[1, 0, 3, 2], "badc"), (&[3, 2, 1, 0], "dcba")];
        for (idx, want) in cases {
            let mut v: Vec<char> = "abcd".chars().collect();
            permute(&mut v, &mut idx.to_vec());
            assert_eq!(v.iter().collect::<String>(), want, "{idx:?}");
        }
        // Many items with equal keys keep their order (stable), whatever the permutation's cycles.
        let mut w: Vec<(u8, usize)> = (0..200).map(|i| ((i * 7 % 5) as u8, i)).collect();
        sort_by_key(&mut w, |x| x.0);
        assert!(w.windows(2).all(|p| p[0].0 < p[1].0 || (p[0].0 == p[1].0 && p[0].1 < p[1].1)));
    }
}
