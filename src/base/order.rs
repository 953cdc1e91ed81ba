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
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(idx.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)));
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
}
