//! The label layout on random lanes: labels never overlap one another, each spans its mark's anchor so its
//! leader meets it, no leader crosses a label, walls and blocked places stay clear, and the most important
//! label is placed whenever there is room for it.

use dateline::view::layout::{LEADER_CLEARANCE, LabelArea, LabelRequest, LabelSlot, place_labels};
use proptest::prelude::*;

/// Requests for marks anywhere across a view `right` points wide, points and bars, of any width and
/// priority, often crowded together.
fn requests(right: f32) -> impl Strategy<Value = Vec<LabelRequest>> {
    let one = (
        prop_oneof![2 => 0.0..right, 1 => (right - 60.0)..right],
        any::<bool>(),
        20.0..400.0f32,
        0..5u32,
    )
        .prop_map(|(anchor, bar, width, priority)| {
            let (after_x, before_end) = if bar {
                (anchor - 1.0, anchor + 1.0)
            } else {
                (anchor - 6.0, anchor + 6.0)
            };
            LabelRequest {
                anchor,
                after_x,
                before_end,
                width,
                priority,
            }
        });
    prop::collection::vec(one, 0..120)
}

fn areas() -> impl Strategy<Value = LabelArea> {
    (
        300.0..1600.0f32,
        1..8usize,
        prop::collection::vec(0.0..1.0f32, 0..2),
        prop::collection::vec((0..8usize, 1..3usize, 0.0..1.0f32, 20.0..120.0f32), 0..2),
    )
        .prop_map(|(right, rows, walls, blocked)| LabelArea {
            left: 0.0,
            right,
            rows,
            gap: 8.0,
            min_width: 60.0,
            walls: walls.into_iter().map(|f| f * right).collect(),
            blocked: blocked
                .into_iter()
                .map(|(row, n, at, w)| (row..row + n, at * right, at * right + w))
                .collect(),
        })
}

/// Whether `slot` covers `x`, with the leader's clearance.
fn covers(slot: &LabelSlot, x: f32) -> bool {
    slot.x - LEADER_CLEARANCE + 0.01 < x && x < slot.x + slot.width + LEADER_CLEARANCE - 0.01
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn labels_never_overlap_and_leaders_never_cross_them(
        (area, wanted) in areas().prop_flat_map(|a| { let r = a.right; (Just(a), requests(r)) })
    ) {
        let slots = place_labels(&wanted, &area);
        prop_assert_eq!(slots.len(), wanted.len());
        let placed: Vec<(usize, LabelSlot)> =
            slots.iter().enumerate().filter_map(|(i, s)| s.map(|s| (i, s))).collect();
        for &(i, a) in &placed {
            let r = wanted[i];
            // Within the lane's rows and edges, no wider than wanted, no narrower than the least allowed.
            prop_assert!(a.row < area.rows);
            prop_assert!(a.x >= area.left - 1e-3 && a.x + a.width <= area.right + 1e-3, "{:?}", a);
            prop_assert!(a.width <= r.width + 1e-3 && a.width >= r.width.min(area.min_width) - 1e-3);
            // Its leader meets it.
            prop_assert!(a.x <= r.anchor && r.anchor <= a.x + a.width, "{:?} for {:?}", a, r);
            for &(j, b) in &placed {
                if i == j {
                    continue;
                }
                // No two labels in a row overlap.
                if a.row == b.row {
                    prop_assert!(
                        a.x + a.width + area.gap <= b.x + 1e-3 || b.x + b.width + area.gap <= a.x + 1e-3,
                        "{:?} and {:?} overlap", a, b
                    );
                }
                // A leader rises through the rows above its label: no label there covers it.
                if b.row < a.row {
                    prop_assert!(!covers(&b, r.anchor), "the leader of {:?} crosses {:?}", a, b);
                }
            }
            // Walls are crossed only by labels whose leaders rise at them; blocked places are never covered.
            for &w in &area.walls {
                if (w - r.anchor).abs() > 2.0 * LEADER_CLEARANCE {
                    prop_assert!(!covers(&a, w), "{:?} crosses the wall at {}", a, w);
                }
            }
            for (rows, x0, x1) in &area.blocked {
                if rows.contains(&a.row) {
                    prop_assert!(a.x + a.width <= *x0 + 1e-3 || a.x >= *x1 - 1e-3, "{:?} on {:?}", a, (x0, x1));
                }
            }
        }
        // The most important label, when alone it would have room, is placed.
        if let Some((top, r)) = wanted
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.priority.cmp(&b.1.priority).then(b.1.anchor.total_cmp(&a.1.anchor)))
        {
            let alone = place_labels(std::slice::from_ref(r), &area);
            let unique = wanted.iter().filter(|w| w.priority == r.priority).count() == 1;
            if unique && alone[0].is_some() {
                prop_assert!(slots[top].is_some(), "{:?} is left out", r);
            }
        }
    }
}
