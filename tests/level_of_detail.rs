//! Level of detail on random data: the index finds exactly what a brute-force filter finds, clusters
//! account for every visible event exactly once at every zoom, and zooming into a cluster reveals exactly
//! its events.

use std::collections::BTreeSet;

use dateline::view::index::LaneIndex;
use dateline::view::layout::{self, MERGE_POINTS, mark_positions};
use dateline::view::mapping::TimeMapping;
use proptest::prelude::*;

/// A lane of random events: starts in [0, 20000) days, most a day long, some spans up to ~3 years.
fn lanes() -> impl Strategy<Value = LaneIndex> {
    prop::collection::vec(
        (
            0.0..20_000.0f64,
            prop_oneof![4 => Just(1.0), 1 => 1.0..1200.0f64],
        ),
        0..400,
    )
    .prop_map(|v| {
        let starts: Vec<f64> = v.iter().map(|(s, _)| s.floor()).collect();
        let ends: Vec<f64> = v.iter().map(|(s, d)| s.floor() + d.ceil()).collect();
        LaneIndex::from_parts((0..v.len() as u32).collect(), starts, ends)
    })
}

fn views() -> impl Strategy<Value = TimeMapping> {
    (-2000.0..22_000.0f64, 0.5..25_000.0f64, 200.0..2000.0f32)
        .prop_map(|(start, span, width)| TimeMapping::new(start, start + span, 0.0, width))
}

fn visible(lane: &LaneIndex, m: &TimeMapping) -> BTreeSet<usize> {
    (0..lane.len())
        .filter(|&i| lane.starts[i] <= m.end_days && lane.ends[i] > m.start_days)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_index_query_equals_a_brute_force_filter(lane in lanes(), m in views()) {
        let found: BTreeSet<usize> = lane.visible(m.start_days, m.end_days).collect();
        prop_assert_eq!(found, visible(&lane, &m));
    }

    #[test]
    fn the_search_by_blocks_equals_a_binary_search(
        lane in lanes(),
        from in 0..420usize,
        to in 0..420usize,
        limit in -100.0..21_000.0f64,
    ) {
        let to_in = to.min(lane.len());
        let want = if from >= to_in {
            to_in
        } else {
            from + lane.starts[from..to_in].partition_point(|&s| s < limit)
        };
        prop_assert_eq!(lane.first_start_from(from, to, limit), want);
    }

    #[test]
    fn panning_keeps_the_marks_that_stay_in_view(lane in lanes(), m in views(), shift in -0.5..0.5f64) {
        let d = shift * (m.end_days - m.start_days);
        let panned = TimeMapping::new(m.start_days + d, m.end_days + d, m.left_x, m.width);
        let cell = layout::merge_cell_days(MERGE_POINTS, m.points_per_day());
        // Marks whose cells lie inside both views, away from either view's edges.
        let (lo, hi) = (m.start_days.max(panned.start_days) + cell, m.end_days.min(panned.end_days) - cell);
        let inside = |marks: Vec<layout::Mark>| -> Vec<(usize, usize)> {
            marks
                .into_iter()
                .filter(|k| !k.overhang && k.t0 >= lo && ((k.t0 / cell).floor() + 1.0) * cell <= hi)
                .map(|k| (k.first, k.count))
                .collect()
        };
        prop_assert_eq!(
            inside(layout::lane_marks(&lane, &m, MERGE_POINTS)),
            inside(layout::lane_marks(&lane, &panned, MERGE_POINTS))
        );
    }

    #[test]
    fn clusters_account_for_every_visible_event_exactly_once(lane in lanes(), m in views()) {
        let marks = layout::lane_marks(&lane, &m, MERGE_POINTS);
        let mut seen = BTreeSet::new();
        let mut total = 0;
        for mark in &marks {
            let positions = mark_positions(&lane, mark, m.start_days);
            prop_assert_eq!(positions.len(), mark.count);
            total += positions.len();
            seen.extend(positions);
        }
        prop_assert_eq!(total, seen.len(), "an event is in two marks");
        prop_assert_eq!(seen, visible(&lane, &m));
        // Bounded by the screen: at most one overhang mark plus one mark per MERGE_POINTS of width.
        prop_assert!(marks.len() as f32 <= 2.0 + m.width / MERGE_POINTS);
    }

    #[test]
    fn zooming_into_a_cluster_reveals_exactly_its_events(lane in lanes(), m in views()) {
        let marks = layout::lane_marks(&lane, &m, MERGE_POINTS);
        for mark in marks.iter().filter(|k| k.count > 1 && !k.overhang).take(3) {
            let members: BTreeSet<usize> = mark_positions(&lane, mark, m.start_days).into_iter().collect();
            let last_start = lane.starts[mark.first + mark.count - 1];
            let zoomed = TimeMapping::new(mark.t0, last_start.max(mark.t0 + 1e-3), 0.0, m.width);
            let inside: BTreeSet<usize> = layout::lane_marks(&lane, &zoomed, MERGE_POINTS)
                .iter()
                .filter(|k| !k.overhang)
                .flat_map(|k| mark_positions(&lane, k, zoomed.start_days))
                .filter(|&p| lane.starts[p] >= mark.t0 && lane.starts[p] <= last_start)
                .collect();
            prop_assert_eq!(&inside, &members);
            // Far enough in (distinct starts at least twice the merge distance apart), events with distinct
            // starts are each their own mark again.
            let starts: Vec<f64> = members.iter().map(|&p| lane.starts[p]).collect();
            let min_gap = starts.windows(2).map(|w| w[1] - w[0]).filter(|&g| g > 0.0).fold(f64::INFINITY, f64::min);
            if min_gap.is_finite() {
                let span = f64::from(m.width) * min_gap / (2.0 * f64::from(MERGE_POINTS));
                let close = TimeMapping::new(mark.t0, mark.t0 + span, 0.0, m.width);
                let distinct: BTreeSet<u64> = starts.iter().filter(|&&s| s <= close.end_days).map(|s| s.to_bits()).collect();
                let marks_here = layout::lane_marks(&lane, &close, MERGE_POINTS)
                    .iter()
                    .filter(|k| !k.overhang && k.t0 >= mark.t0 && k.t0 <= last_start)
                    .count();
                prop_assert_eq!(marks_here, distinct.len());
            }
        }
    }
}
