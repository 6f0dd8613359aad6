//! Sorting for the whole crate through one instantiation of the standard library's stable sort.
//!
//! `slice::sort_by` is generic over the item and the comparison, so every call site with its
//! own closure adds a copy of the sort to the module (17 of them were 16 KiB of gzip). Here
//! only positions are sorted, with the comparison behind a `dyn`, and the items are moved into
//! that order afterwards: one sort in the module, whatever is sorted where.

use std::cmp::Ordering;

/// The positions `0..n` ordered by `cmp` on positions; stable (ties keep their order).
///
/// ```
/// let names = ["Stendal", "Altmark", "Havelberg"];
/// assert_eq!(foerderweg::order::indices(3, &|a, b| names[a].cmp(names[b])), [1, 2, 0]);
/// ```
pub fn indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    sort_positions(&mut order, cmp);
    order
}

/// Sorts a list of positions by `cmp` on them; stable.
pub fn sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts `items` by `cmp`; stable.
///
/// ```
/// let mut v = vec![3.5, -1.0, 2.0];
/// foerderweg::order::sort_by(&mut v, f64::total_cmp);
/// assert_eq!(v, [-1.0, 2.0, 3.5]);
/// ```
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = indices(items.len(), &|a, b| cmp(&items[a], &items[b]));
    apply(items, &order);
}

/// Sorts `items` by a key made once per item (not once per comparison); stable.
///
/// ```
/// let mut v = vec!["ccc", "a", "bb"];
/// foerderweg::order::sort_by_cached_key(&mut v, |s| s.len());
/// assert_eq!(v, ["a", "bb", "ccc"]);
/// ```
pub fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = indices(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    apply(items, &order);
}

/// Moves `items` into `order` (a permutation of their positions).
fn apply<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_complete() {
        let mut v: Vec<(u8, usize)> = (0..50).map(|i| ((i * 7 % 5) as u8, i)).collect();
        let mut expected = v.clone();
        expected.sort_by_key(|x| x.0);
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, expected);
        let mut w: Vec<String> = ["b", "a", "c", "a"].map(String::from).to_vec();
        sort_by_cached_key(&mut w, |s| s.clone());
        assert_eq!(w, ["a", "a", "b", "c"]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }
}
