//! One stable sort for the whole crate and the web app.
//!
//! Every `slice::sort_by` call is compiled anew for its element type and
//! comparator, about 3 KB of WebAssembly each. Here the sort itself is
//! compiled once, over indices with a dynamic comparator, and each caller
//! only adds a small permutation step.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their original order
/// (like `slice::sort_by`).
pub fn by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let view: &[T] = items;
        sort_indices(&mut order, &mut |a, b| match (view.get(a), view.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        });
    }
    permute(items, order);
}

/// Sorts `items` by a key, stably (like `slice::sort_by_key`).
pub fn by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// The one compiled sort: indices, compared through `cmp`.
fn sort_indices(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Reorders `items` so that position `i` holds what was at `order[i]`,
/// following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut current = start;
        loop {
            let Some(from) = order
                .get_mut(current)
                .map(|slot| std::mem::replace(slot, current))
            else {
                return;
            };
            if from == start {
                break;
            }
            items.swap(current, from);
            current = from;
        }
    }
}

#[cfg(test)]
mod tests;
