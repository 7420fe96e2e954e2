//! Where things go on screen, decided without a screen: level of detail (events closer than a few points
//! merge into one mark), label rows that never overlap, and hit testing. Pure and unit tested.

use egui::{Pos2, Rect};

use super::index::LaneIndex;
use super::mapping::TimeMapping;

/// Events whose starts fall within this many points of a mark's start merge into it.
pub const MERGE_POINTS: f32 = 2.0;
/// Spans narrower than this are drawn as a point marker.
pub const MIN_BAR_POINTS: f32 = 8.0;

/// One thing drawn in a lane: a single event or a cluster of several.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// The first position in the lane's index.
    pub first: usize,
    /// How many consecutive positions it stands for.
    pub count: usize,
    /// Screen x where it starts.
    pub x0: f32,
    /// Screen x where it ends (equal to `x0` for a point).
    pub x1: f32,
    /// Earliest start covered, in days.
    pub t0: f64,
    /// Latest end covered (exclusive), in days.
    pub t1: f64,
    /// Whether it stands for events that start before the view and reach into it (their positions are not
    /// consecutive; see [`mark_positions`]).
    pub overhang: bool,
}

impl Mark {
    /// Whether this mark is one event, not a cluster.
    pub fn is_single(&self) -> bool {
        self.count == 1
    }

    /// Whether it is drawn as a bar (wide enough) rather than a point.
    pub fn is_bar(&self) -> bool {
        self.is_single() && self.x1 - self.x0 >= MIN_BAR_POINTS
    }

    /// The x of its point marker: the centre of what it covers.
    pub fn center_x(&self) -> f32 {
        f32::midpoint(self.x0, self.x1)
    }
}

/// The marks of a lane in view: every visible event is in exactly one mark, and the number of marks is
/// bounded by the width in points, not by the number of events.
///
/// Events that start before the view but reach into it form one mark of their own (`overhang`), drawn from
/// the left edge; events starting in view merge when their starts fall in the same cell of a grid fixed in
/// time (see [`merge_cell_days`]), so panning moves marks without re-forming them.
pub fn lane_marks(lane: &LaneIndex, mapping: &TimeMapping, merge_points: f32) -> Vec<Mark> {
    let (t0, t1) = (mapping.start_days, mapping.end_days);
    let first_in_view = lane.starts.partition_point(|&s| s < t0);
    let end = lane.starts.partition_point(|&s| s <= t1).max(first_in_view);
    let mut marks = Vec::new();

    let mut overhang: Option<Mark> = None;
    for pos in lane.overhanging(t0, first_in_view) {
        let (s, e) = (lane.starts[pos], lane.ends[pos]);
        match &mut overhang {
            None => {
                overhang = Some(Mark {
                    first: pos,
                    count: 1,
                    x0: mapping.x_from_time(s),
                    x1: mapping.x_from_time(e),
                    t0: s,
                    t1: e,
                    overhang: true,
                });
            }
            Some(m) => {
                m.count += 1;
                m.t0 = m.t0.min(s);
                m.t1 = m.t1.max(e);
                m.x0 = mapping.x_from_time(m.t0);
                m.x1 = mapping.x_from_time(m.t1);
            }
        }
    }
    marks.extend(overhang);

    let cell = merge_cell_days(merge_points, mapping.points_per_day());
    let mut pos = first_in_view;
    while pos < end {
        let start = lane.starts[pos];
        // Every event starting in this one's cell joins the mark.
        let limit = if cell > 0.0 {
            ((start / cell).floor() + 1.0) * cell
        } else {
            start
        };
        let next = lane.first_start_from(pos + 1, end, limit);
        let count = next - pos;
        let mut last = lane.ends[pos];
        if count > 1 {
            // A large cluster is bounded by the starts it holds; a small one looks at every end.
            last = if count <= 64 {
                lane.ends[pos..next]
                    .iter()
                    .copied()
                    .fold(f64::MIN, f64::max)
            } else {
                lane.starts[next - 1]
            };
        }
        let x0 = mapping.x_from_time(start);
        let x1 = if count == 1 {
            mapping.x_from_time(last)
        } else {
            mapping.x_from_time(lane.starts[next - 1])
        };
        marks.push(Mark {
            first: pos,
            count,
            x0,
            x1: x1.max(x0),
            t0: start,
            t1: last,
            overhang: false,
        });
        pos = next;
    }
    marks
}

/// The width in days of the cells events merge in: the smallest power of two of days at least
/// `merge_points` wide (0 when nothing merges). Fixed in time rather than counted from the view's edge,
/// cells keep a mark's events (and its count and label) while the view pans, and while it zooms within a
/// factor of two.
pub fn merge_cell_days(merge_points: f32, points_per_day: f64) -> f64 {
    let days = f64::from(merge_points.max(0.0)) / points_per_day;
    if days > 0.0 && days.is_finite() {
        days.log2().ceil().exp2()
    } else {
        0.0
    }
}

/// The lane positions a mark stands for, given the start of the view it was made for.
pub fn mark_positions(lane: &LaneIndex, mark: &Mark, view_start: f64) -> Vec<usize> {
    if mark.overhang {
        let first_in_view = lane.starts.partition_point(|&s| s < view_start);
        lane.overhanging(view_start, first_in_view).collect()
    } else {
        (mark.first..mark.first + mark.count).collect()
    }
}

/// Which of `marks` (made by [`lane_marks`] for a view starting at `view_start`) stands for the event
/// at lane position `pos`, if any is: a binary search among the marks of events starting in view, or the
/// mark of those reaching in from before it.
pub fn mark_holding(
    marks: &[Mark],
    lane: &LaneIndex,
    pos: usize,
    view_start: f64,
) -> Option<usize> {
    let start = *lane.starts.get(pos)?;
    if start < view_start {
        // It reaches into view only if it ends after the view starts: then it is in the overhang mark.
        return (lane.ends[pos] > view_start)
            .then(|| marks.iter().position(|m| m.overhang))
            .flatten();
    }
    let in_view = marks
        .iter()
        .position(|m| !m.overhang)
        .unwrap_or(marks.len());
    let rest = &marks[in_view..];
    let k = rest.partition_point(|m| m.first + m.count <= pos);
    rest.get(k).filter(|m| m.first <= pos).map(|_| in_view + k)
}

/// Where a label goes: its row under the lane's marker line and the width it may use.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelSlot {
    /// The row, from 0.
    pub row: usize,
    /// The x it starts at.
    pub x: f32,
    /// The width it may take; less than the label's own width means it is shortened with an ellipsis.
    pub width: f32,
}

/// Stacks labels into at most `rows` rows so none overlap. `labels` are `(x, width)` in increasing x.
/// A label that would collide shortens the one before it in a row when enough of that one is left
/// (`min_width`), and is otherwise left out (`None`: it shows on hover).
pub fn stack_labels(
    labels: &[(f32, f32)],
    rows: usize,
    gap: f32,
    min_width: f32,
) -> Vec<Option<LabelSlot>> {
    let mut slots: Vec<Option<LabelSlot>> = vec![None; labels.len()];
    // For each row, the label placed last in it.
    let mut last: Vec<Option<usize>> = vec![None; rows];
    for (i, &(x, width)) in labels.iter().enumerate() {
        let end_of = |j: Option<usize>, slots: &[Option<LabelSlot>]| {
            j.and_then(|j| slots[j])
                .map_or(f32::NEG_INFINITY, |s| s.x + s.width + gap)
        };
        if let Some(row) = (0..rows).find(|&r| end_of(last[r], &slots) <= x) {
            slots[i] = Some(LabelSlot { row, x, width });
            last[row] = Some(i);
            continue;
        }
        // No free row: shorten the previous label of the row where it started earliest.
        let best = (0..rows)
            .filter_map(|r| last[r].and_then(|j| slots[j]).map(|s| (r, s)))
            .min_by(|a, b| a.1.x.total_cmp(&b.1.x));
        if let Some((row, prev)) = best {
            let room = x - gap - prev.x;
            if room >= min_width {
                if let Some(j) = last[row] {
                    slots[j] = Some(LabelSlot {
                        width: room.min(prev.width),
                        ..prev
                    });
                }
                slots[i] = Some(LabelSlot { row, x, width });
                last[row] = Some(i);
            }
        }
    }
    slots
}

/// The distance from `pos` to `rect` (0 inside).
pub fn distance_to_rect(rect: Rect, pos: Pos2) -> f32 {
    let dx = (rect.min.x - pos.x).max(pos.x - rect.max.x).max(0.0);
    let dy = (rect.min.y - pos.y).max(pos.y - rect.max.y).max(0.0);
    dx.hypot(dy)
}

/// The target nearest to `pos` within `radius` points, if any; on a tie the one listed last (drawn on top).
pub fn hit_test<T: Copy>(targets: &[(Rect, T)], pos: Pos2, radius: f32) -> Option<T> {
    let mut best: Option<(f32, T)> = None;
    for &(rect, target) in targets {
        let d = distance_to_rect(rect, pos);
        if d <= radius && best.is_none_or(|(bd, _)| d <= bd) {
            best = Some((d, target));
        }
    }
    best.map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lane(points: &[(f64, f64)]) -> LaneIndex {
        LaneIndex::from_parts(
            (0..points.len() as u32).collect(),
            points.iter().map(|p| p.0).collect(),
            points.iter().map(|p| p.1).collect(),
        )
    }

    #[test]
    fn merge_cells_are_powers_of_two_of_days_at_least_the_merge_distance() {
        assert_eq!(merge_cell_days(2.0, 1.0), 2.0);
        assert_eq!(merge_cell_days(2.0, 0.7), 4.0);
        assert_eq!(merge_cell_days(2.0, 100.0), 1.0 / 32.0);
        assert_eq!(merge_cell_days(2.0, 2.0 / 3000.0), 4096.0);
        assert_eq!(merge_cell_days(0.0, 1.0), 0.0);
    }

    #[test]
    fn close_events_merge_and_far_ones_do_not() {
        let l = lane(&[(0.0, 1.0), (1.0, 2.0), (2.0, 3.0), (500.0, 501.0)]);
        let m = TimeMapping::new(-10.0, 990.0, 0.0, 1000.0); // 1 point per day
        let marks = lane_marks(&l, &m, 4.0);
        assert_eq!(marks.len(), 2);
        assert_eq!((marks[0].first, marks[0].count), (0, 3));
        assert_eq!((marks[1].first, marks[1].count), (3, 1));
        let zoomed = TimeMapping::new(-1.0, 4.0, 0.0, 1000.0);
        assert_eq!(lane_marks(&l, &zoomed, 4.0).len(), 3);
    }

    #[test]
    fn every_event_in_view_is_found_in_the_mark_that_holds_it() {
        let l = lane(&[
            (-50.0, 60.0),
            (0.0, 1.0),
            (1.0, 2.0),
            (2.0, 3.0),
            (500.0, 501.0),
            (2000.0, 2001.0),
        ]);
        let m = TimeMapping::new(-10.0, 990.0, 0.0, 1000.0);
        let marks = lane_marks(&l, &m, 4.0);
        for pos in 0..l.len() {
            let held = mark_holding(&marks, &l, pos, m.start_days);
            let expected = marks
                .iter()
                .position(|k| mark_positions(&l, k, m.start_days).contains(&pos));
            assert_eq!(held, expected, "position {pos}");
        }
        assert_eq!(
            mark_holding(&marks, &l, 5, m.start_days),
            None,
            "out of view"
        );
        assert_eq!(mark_holding(&marks, &l, 99, m.start_days), None);
        assert!(marks[mark_holding(&marks, &l, 0, m.start_days).unwrap()].overhang);
    }

    #[test]
    fn spans_reaching_into_view_are_kept_and_wide_ones_are_bars() {
        let l = lane(&[(0.0, 365.0), (400.0, 401.0)]);
        let m = TimeMapping::new(100.0, 500.0, 0.0, 400.0);
        let marks = lane_marks(&l, &m, 4.0);
        assert_eq!(marks.len(), 2);
        assert!(marks[0].is_bar());
        assert!(!marks[1].is_bar());
    }

    #[test]
    fn labels_never_overlap_and_shorten_when_short_of_space() {
        let labels: Vec<(f32, f32)> = (0..40).map(|i| (i as f32 * 25.0, 120.0)).collect();
        let slots = stack_labels(&labels, 3, 6.0, 30.0);
        let placed: Vec<LabelSlot> = slots.iter().flatten().copied().collect();
        assert!(!placed.is_empty());
        for a in &placed {
            for b in &placed {
                if a != b && a.row == b.row {
                    assert!(
                        a.x + a.width + 6.0 <= b.x + 1e-3 || b.x + b.width + 6.0 <= a.x + 1e-3,
                        "{a:?} {b:?}"
                    );
                }
            }
            assert!(a.width >= 30.0 && a.width <= 120.0);
        }
        assert!(
            placed.iter().any(|s| s.width < 120.0),
            "some labels are shortened"
        );
        let roomy = stack_labels(&[(0.0, 50.0), (100.0, 50.0)], 1, 6.0, 30.0);
        assert!(
            roomy
                .iter()
                .all(|s| s.is_some_and(|s| s.row == 0 && s.width == 50.0))
        );
    }

    #[test]
    fn hit_test_picks_the_nearest_within_the_radius() {
        let a = Rect::from_center_size(Pos2::new(10.0, 10.0), egui::vec2(10.0, 10.0));
        let b = Rect::from_center_size(Pos2::new(40.0, 10.0), egui::vec2(10.0, 10.0));
        let targets = [(a, 'a'), (b, 'b')];
        assert_eq!(hit_test(&targets, Pos2::new(12.0, 10.0), 6.0), Some('a'));
        assert_eq!(hit_test(&targets, Pos2::new(33.0, 10.0), 6.0), Some('b'));
        assert_eq!(hit_test(&targets, Pos2::new(25.0, 40.0), 6.0), None);
        assert_eq!(hit_test::<char>(&[], Pos2::ZERO, 6.0), None);
    }
}
