//! Ordered maps and sets as sorted vectors: the subset of `BTreeMap` and `BTreeSet` the engine uses, with the
//! same iteration order (ascending keys) and the same answers, so a module switches by its `use` line alone.
//! Why: every key and value type of a B-tree compiles its own copy of node insertion, splitting, merging and
//! dropping (about 5 KB of wasm each, some thirty types), where a sorted vector needs a binary search and a
//! `Vec::insert`. The engine's maps are small (per article, per story) or filled in key order, where a
//! sorted vector is as fast; a map filled in random order with tens of thousands of keys should stay a B-tree.
//! Beside them, [`WordHasher`]: the one fast unkeyed hash of the engine's hash maps (word interners and
//! indexes, whose iteration order never reaches an output).
//! This module stores and orders; it must hold no other logic.

use std::borrow::Borrow;

/// A map with its entries sorted by key (see the module's comment).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Map<K, V> {
    items: Vec<(K, V)>,
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map { items: Vec::new() }
    }
}

impl<K: Ord, V> Map<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Map { items: Vec::new() }
    }

    /// Where `key` is (`Ok`) or would be inserted (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        // Entries are often added in ascending order: the last place is tried first.
        match self.items.last() {
            None => Err(0),
            Some((last, _)) if last.borrow() < key => Err(self.items.len()),
            _ => self.items.binary_search_by(|(k, _)| k.borrow().cmp(key)),
        }
    }

    /// The entry of `key`, to read or fill.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        let at = self.find(&key);
        Entry { map: self, at, key }
    }

    /// Sets `key` to `value`; returns the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => self.items.get_mut(i).map(|slot| std::mem::replace(&mut slot.1, value)),
            Err(i) => {
                self.items.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().and_then(|i| self.items.get(i)).map(|(_, v)| v)
    }

    /// The value of `key`, to change.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.items.get_mut(i).map(|(_, v)| v)
    }

    /// Whether the map holds `key`.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Takes `key` out; returns its value.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        (i < self.items.len()).then(|| self.items.remove(i).1)
    }

    /// The entries with a key in `keys` (from its start, up to and without its end), in order.
    pub fn range(&self, keys: std::ops::Range<K>) -> impl DoubleEndedIterator<Item = (&K, &V)> {
        let from = self.items.partition_point(|(k, _)| *k < keys.start);
        let to = self.items.partition_point(|(k, _)| *k < keys.end).max(from);
        self.items.get(from..to).unwrap_or_default().iter().map(|(k, v)| (k, v))
    }

    /// Keeps the entries `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.items.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K, V> Map<K, V> {
    /// How many entries.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator + Clone {
        self.items.iter().map(|(k, v)| (k, v))
    }

    /// The entries in key order, values changeable.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> + ExactSizeIterator {
        self.items.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.items.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.items.iter().map(|(_, v)| v)
    }

    /// The values in key order, changeable.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.items.iter_mut().map(|(_, v)| v)
    }

    /// The values in key order, taken.
    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> + ExactSizeIterator {
        self.items.into_iter().map(|(_, v)| v)
    }

    /// The keys in order, taken.
    pub fn into_keys(self) -> impl DoubleEndedIterator<Item = K> + ExactSizeIterator {
        self.items.into_iter().map(|(k, _)| k)
    }

    /// The entry of the smallest key.
    pub fn first_key_value(&self) -> Option<(&K, &V)> {
        self.items.first().map(|(k, v)| (k, v))
    }

    /// The entry of the largest key.
    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.items.last().map(|(k, v)| (k, v))
    }
}

/// A place in a map, filled or not (see [`Map::entry`]).
pub struct Entry<'a, K, V> {
    map: &'a mut Map<K, V>,
    at: Result<usize, usize>,
    key: K,
}

impl<'a, K, V> Entry<'a, K, V> {
    /// The value, inserting `make()`'s when there is none.
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        let i = match self.at {
            Ok(i) => i,
            Err(i) => {
                let i = i.min(self.map.items.len());
                self.map.items.insert(i, (self.key, make()));
                i
            }
        };
        // `i` is in range: found, or just inserted there.
        match self.map.items.get_mut(i) {
            Some((_, v)) => v,
            None => unreachable!("an entry's place is in the map"),
        }
    }

    /// The value, inserting `value` when there is none.
    pub fn or_insert(self, value: V) -> &'a mut V {
        self.or_insert_with(|| value)
    }

    /// The value, inserting the default when there is none.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }

    /// Changes the value when there is one.
    pub fn and_modify(self, change: impl FnOnce(&mut V)) -> Self {
        if let Ok(i) = self.at {
            if let Some((_, v)) = self.map.items.get_mut(i) {
                change(v);
            }
        }
        self
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    /// Like `BTreeMap`'s: a key given twice keeps its last value. Sorted once (not inserted one by one), so
    /// collecting many keys in any order stays O(n log n).
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut items: Vec<(K, V)> = iter.into_iter().collect();
        crate::base::order::sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        // Of a run of equal keys the stable sort keeps the given order: the last one wins.
        let mut kept: Vec<(K, V)> = Vec::with_capacity(items.len());
        for item in items {
            match kept.last_mut() {
                Some(last) if last.0 == item.0 => *last = item,
                _ => kept.push(item),
            }
        }
        Map { items: kept }
    }
}

impl<K: Ord, V> Extend<(K, V)> for Map<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for Map<K, V> {
    fn from(items: [(K, V); N]) -> Self {
        items.into_iter().collect()
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().map(|(k, v)| (k, v))
    }
}

impl<'a, K, V> IntoIterator for &'a mut Map<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = std::iter::Map<std::slice::IterMut<'a, (K, V)>, fn(&'a mut (K, V)) -> (&'a K, &'a mut V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter_mut().map(|(k, v)| (&*k, v))
    }
}

/// A set with its items sorted (see the module's comment).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Set<T> {
    map: Map<T, ()>,
}

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set { map: Map::default() }
    }
}

impl<T: Ord> Set<T> {
    /// An empty set.
    pub fn new() -> Self {
        Set { map: Map::new() }
    }

    /// Adds `item`; whether it was new.
    pub fn insert(&mut self, item: T) -> bool {
        self.map.insert(item, ()).is_none()
    }

    /// Whether the set holds `item`.
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.map.contains_key(item)
    }

    /// Takes `item` out; whether it was there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.map.remove(item).is_some()
    }

    /// Keeps the items `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.map.retain(|k, _| keep(k));
    }

    /// The items also in `other`, in order.
    pub fn intersection<'a>(&'a self, other: &'a Set<T>) -> impl Iterator<Item = &'a T> + 'a {
        self.iter().filter(move |x| other.contains(*x))
    }

    /// The items not in `other`, in order.
    pub fn difference<'a>(&'a self, other: &'a Set<T>) -> impl Iterator<Item = &'a T> + 'a {
        self.iter().filter(move |x| !other.contains(*x))
    }

    /// The items of either, in order, each once.
    pub fn union<'a>(&'a self, other: &'a Set<T>) -> impl Iterator<Item = &'a T> + 'a {
        let mut all: Vec<&T> = self.iter().chain(other.difference(self)).collect();
        crate::base::order::sort(&mut all);
        all.into_iter()
    }

    /// Whether no item is in both.
    pub fn is_disjoint(&self, other: &Set<T>) -> bool {
        self.intersection(other).next().is_none()
    }

    /// Whether every item is in `other`.
    pub fn is_subset(&self, other: &Set<T>) -> bool {
        self.iter().all(|x| other.contains(x))
    }
}

impl<T> Set<T> {
    /// How many items.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator + Clone {
        self.map.keys()
    }

    /// The smallest item.
    pub fn first(&self) -> Option<&T> {
        self.map.first_key_value().map(|(k, _)| k)
    }

    /// The largest item.
    pub fn last(&self) -> Option<&T> {
        self.map.last_key_value().map(|(k, _)| k)
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Set { map: iter.into_iter().map(|x| (x, ())).collect() }
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.map.extend(iter.into_iter().map(|x| (x, ())));
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Set<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::iter::Map<std::vec::IntoIter<(T, ())>, fn((T, ())) -> T>;
    fn into_iter(self) -> Self::IntoIter {
        self.map.items.into_iter().map(|(k, ())| k)
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (T, ())>, fn(&'a (T, ())) -> &'a T>;
    fn into_iter(self) -> Self::IntoIter {
        self.map.items.iter().map(|(k, ())| k)
    }
}

/// FxHash-style hashing (a rotate, xor and multiply per 8 bytes): several times cheaper than the standard
/// library's SipHash on short keys such as words, and unkeyed (the same hash on every run). For hash maps whose
/// iteration order never reaches an output: interners, indexes looked up by key.
#[derive(Default)]
pub struct WordHasher(u64);

/// The [`std::hash::BuildHasher`] of [`WordHasher`], for `HashMap<K, V, FastHash>`.
pub type FastHash = std::hash::BuildHasherDefault<WordHasher>;

impl WordHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Each 8 bytes as one little-endian word; the last few bytes zero-extended.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(chunk.try_into().map_or(0, u64::from_le_bytes));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(rest.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        // The multiply moves entropy up only; the table takes its bucket from the low bits.
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// A tiny deterministic sequence of keys in no particular order, with repeats.
    fn keys(n: usize) -> Vec<u32> {
        (0..n as u32).map(|i| i.wrapping_mul(2_654_435_761) % 97).collect()
    }

    #[test]
    fn a_map_answers_like_a_btree_map() {
        let mut ours: Map<u32, usize> = Map::new();
        let mut theirs: BTreeMap<u32, usize> = BTreeMap::new();
        for (i, k) in keys(300).into_iter().enumerate() {
            *ours.entry(k).or_default() += i;
            *theirs.entry(k).or_default() += i;
            if i % 7 == 0 {
                assert_eq!(ours.remove(&(k / 2)), theirs.remove(&(k / 2)));
            }
            if i % 5 == 0 {
                assert_eq!(ours.insert(k + 1, i), theirs.insert(k + 1, i));
            }
        }
        assert!(ours.iter().eq(theirs.iter()));
        assert_eq!(ours.len(), theirs.len());
        assert_eq!(ours.get(&10), theirs.get(&10));
        assert_eq!(ours.first_key_value(), theirs.first_key_value());
        assert!(ours.range(20..60).eq(theirs.range(20..60)));
        let (hi, lo) = (60, 20);
        assert!(ours.range(hi..lo).eq(std::iter::empty()), "a reversed range is empty (BTreeMap's would panic)");
        let collected: Map<u32, usize> = keys(50).into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        let expected: BTreeMap<u32, usize> = keys(50).into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        assert!(collected.into_iter().eq(expected), "a repeated key keeps its last value, like BTreeMap's collect");
    }

    #[test]
    fn a_set_answers_like_a_btree_set() {
        let a: Set<u32> = keys(40).into_iter().collect();
        let b: Set<u32> = keys(90).into_iter().skip(30).collect();
        let (x, y): (BTreeSet<u32>, BTreeSet<u32>) =
            (keys(40).into_iter().collect(), keys(90).into_iter().skip(30).collect());
        assert!(a.iter().eq(x.iter()));
        assert!(a.intersection(&b).eq(x.intersection(&y)));
        assert!(a.difference(&b).eq(x.difference(&y)));
        assert!(a.union(&b).eq(x.union(&y)));
        assert_eq!(a.is_disjoint(&b), x.is_disjoint(&y));
        assert_eq!(a.is_subset(&b), x.is_subset(&y));
        assert_eq!((a.first(), a.last()), (x.first(), x.last()));
    }

    #[test]
    fn word_hasher_reads_eight_bytes_at_a_time_as_little_endian_words() {
        use std::hash::Hasher as _;
        let hash = |bytes: &[u8]| {
            let mut h = WordHasher::default();
            h.write(bytes);
            h.finish()
        };
        // A key of 8 bytes is one word; 11 bytes are a word and a zero-extended rest.
        let mut one = WordHasher::default();
        one.add(u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(hash(b"abcdefgh"), one.finish());
        one.add(u64::from(b'i') | u64::from(b'j') << 8 | u64::from(b'k') << 16);
        assert_eq!(hash(b"abcdefghijk"), one.finish());
        assert_ne!(hash(b"ab"), hash(b"ba"));
        assert_eq!(hash(b""), WordHasher::default().finish());
    }
}
