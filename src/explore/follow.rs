//! How a sorted list of event positions (the events shown, the matches) follows a change of one event
//! without being made again: the positions after a removal move one earlier, those at or after an insertion
//! one later.

/// The position an event at `e` has after the event at `removed` was taken out and one put in at
/// `inserted` (`e` is neither of them).
pub fn renumber(e: usize, removed: Option<usize>, inserted: Option<usize>) -> usize {
    let mut e = e;
    if let Some(r) = removed
        && e > r
    {
        e -= 1;
    }
    if let Some(i) = inserted
        && e >= i
    {
        e += 1;
    }
    e
}

/// Follows the change in `positions` (sorted, each once): `removed` is dropped, the others renumbered, and
/// `inserted` added in its place when `keep_inserted`.
pub fn follow(
    positions: &mut Vec<usize>,
    removed: Option<usize>,
    inserted: Option<usize>,
    keep_inserted: bool,
) {
    if let Some(r) = removed
        && let Ok(p) = positions.binary_search(&r)
    {
        positions.remove(p);
    }
    for e in positions.iter_mut() {
        *e = renumber(*e, removed, inserted);
    }
    if let Some(i) = inserted
        && keep_inserted
        && let Err(p) = positions.binary_search(&i)
    {
        positions.insert(p, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same change done the slow way: a list of ids, changed, then each id's position looked up.
    fn by_ids(
        len: usize,
        shown: &[usize],
        removed: Option<usize>,
        inserted: Option<usize>,
        keep: bool,
    ) -> Vec<usize> {
        // Events are named by their positions before; the inserted one is `usize::MAX`.
        let mut order: Vec<usize> = (0..len).collect();
        if let Some(r) = removed {
            order.remove(r);
        }
        if let Some(i) = inserted {
            order.insert(i, usize::MAX);
        }
        order
            .iter()
            .enumerate()
            .filter(|&(_, &id)| {
                if id == usize::MAX {
                    keep
                } else {
                    shown.contains(&id)
                }
            })
            .map(|(p, _)| p)
            .collect()
    }

    #[test]
    fn positions_follow_a_move_an_insertion_and_a_removal() {
        let mut rng = fastrand::Rng::with_seed(9);
        for _ in 0..2000 {
            let len = rng.usize(1..12);
            let shown: Vec<usize> = (0..len).filter(|_| rng.bool()).collect();
            let removed = rng.bool().then(|| rng.usize(0..len));
            let after = len - usize::from(removed.is_some());
            let inserted = rng.bool().then(|| rng.usize(0..=after));
            let keep = rng.bool();
            let mut got = shown.clone();
            follow(&mut got, removed, inserted, keep);
            assert_eq!(
                got,
                by_ids(len, &shown, removed, inserted, keep),
                "{len} {shown:?} {removed:?} {inserted:?} {keep}"
            );
        }
    }
}
