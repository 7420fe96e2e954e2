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

/// A label a mark wants, as the layout sees it. A label always spans its anchor, so the leader rising
/// from its mark meets it; it sits after its mark when it can, and before it (ending at the mark, as at
/// the view's right edge) when that leaves more for others.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    /// The x its leader rises from: a point's centre, or a bar's visible start.
    pub anchor: f32,
    /// Where it starts when it sits after its mark.
    pub after_x: f32,
    /// Where it ends when it sits before its mark.
    pub before_end: f32,
    /// The width it needs.
    pub width: f32,
    /// Labels of higher priority are placed first: they take the room they need, and lower ones fit
    /// around them.
    pub priority: u32,
}

/// The room a lane's labels are placed in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelArea {
    /// The left edge.
    pub left: f32,
    /// The right edge.
    pub right: f32,
    /// How many rows there are under the marker line.
    pub rows: usize,
    /// The least space between two labels in a row.
    pub gap: f32,
    /// Labels are shortened down to this width, and left out rather than shortened more (a label whose
    /// own width is less is never shortened).
    pub min_width: f32,
    /// Vertical lines through every row that no label crosses (the today line), unless its own leader
    /// rises at the line.
    pub walls: Vec<f32>,
    /// Places no label covers: rows, and a range of x.
    pub blocked: Vec<(std::ops::Range<usize>, f32, f32)>,
}

/// How far a leader keeps from the ends of the labels it passes, and a label from a wall.
pub const LEADER_CLEARANCE: f32 = 3.0;

/// Counts of positions still waiting, summed over prefixes (a Fenwick tree): how many labels not yet
/// placed have their anchors in a range, in a few steps.
struct Waiting(Vec<u32>);

impl Waiting {
    fn all(n: usize) -> Self {
        let mut tree = vec![0; n + 1];
        for i in 1..=n {
            tree[i] += 1;
            let parent = i + (i & i.wrapping_neg());
            if parent <= n {
                tree[parent] += tree[i];
            }
        }
        Self(tree)
    }

    /// Marks position `i` (from 0) as no longer waiting.
    fn remove(&mut self, i: usize) {
        let mut k = i + 1;
        while k < self.0.len() {
            self.0[k] -= 1;
            k += k & k.wrapping_neg();
        }
    }

    /// How many of positions `0..end` are waiting.
    fn before(&self, end: usize) -> u32 {
        let mut k = end.min(self.0.len() - 1);
        let mut sum = 0;
        while k > 0 {
            sum += self.0[k];
            k -= k & k.wrapping_neg();
        }
        sum
    }
}

/// The places taken in one row: labels, and the leaders passing through it to labels below.
#[derive(Clone, Default)]
struct Row {
    labels: Vec<(f32, f32)>,
    leaders: Vec<f32>,
}

impl Row {
    /// Whether a label in this row covers `x`, with the leader's clearance.
    fn covers(&self, x: f32) -> bool {
        self.labels
            .iter()
            .any(|&(a, b)| a - LEADER_CLEARANCE < x && x < b + LEADER_CLEARANCE)
    }
}

/// Places labels under a lane's marker line so that none overlaps another, none covers a wall or a
/// blocked place, and no leader crosses a label: a label in row `r` has its leader rise through rows
/// `0..r` at its anchor, where no label is.
///
/// Labels are placed by priority, highest first, and within one priority left to right. Each takes the
/// place where it fits whole and covers the fewest anchors of labels still to come, then the lowest row,
/// after its mark rather than before it unless that takes it two rows lower; a label that fits nowhere
/// whole is shortened to the room there is, down to
/// `min_width`, and otherwise left out (`None`: it shows on hover). Crowds, as at the view's right edge,
/// so become staircases of labels ending at their marks, each leader passing right of the labels above.
pub fn place_labels(requests: &[LabelRequest], area: &LabelArea) -> Vec<Option<LabelSlot>> {
    let count = requests.len();
    let mut slots: Vec<Option<LabelSlot>> = vec![None; count];
    if area.rows == 0
        || count == 0
        || area.right.partial_cmp(&area.left) != Some(std::cmp::Ordering::Greater)
    {
        return slots;
    }
    // Anchors in x order, with the positions of labels still to come, to count what a label would cover.
    let mut by_x: Vec<usize> = (0..count).collect();
    by_x.sort_by(|&a, &b| requests[a].anchor.total_cmp(&requests[b].anchor));
    let xs: Vec<f32> = by_x.iter().map(|&i| requests[i].anchor).collect();
    let mut rank = vec![0; count];
    for (k, &i) in by_x.iter().enumerate() {
        rank[i] = k;
    }
    let mut waiting = Waiting::all(count);
    let mut order: Vec<usize> = by_x.clone();
    order.sort_by(|&a, &b| requests[b].priority.cmp(&requests[a].priority));
    let mut rows = vec![Row::default(); area.rows];

    for i in order {
        waiting.remove(rank[i]);
        let r = requests[i];
        let valid = [r.anchor, r.after_x, r.before_end, r.width]
            .iter()
            .all(|v| v.is_finite());
        if !valid || r.width <= 0.0 || r.anchor < area.left || r.anchor > area.right {
            continue;
        }
        let least = r.width.min(area.min_width);
        // (shortened, anchors covered, rows down and sides switched, side) of the best place so far,
        // and the place.
        let mut best: Option<((bool, u32, usize, u8), LabelSlot)> = None;
        for row in 0..area.rows {
            // The leader to a label in this row rises through the rows above: none may cover it there.
            if row > 0 && rows[row - 1].covers(r.anchor) {
                break;
            }
            let Some((free_start, free_end)) = free_around(&rows[row], row, r.anchor, area) else {
                continue;
            };
            let after = {
                let x = r.after_x.max(free_start);
                (x, r.width.min(free_end - x))
            };
            let before = {
                let end = r.before_end.min(free_end);
                let x = (end - r.width).max(free_start);
                (x, end - x)
            };
            for (side, (x, w)) in [(0u8, after), (1u8, before)] {
                if w < least - 1e-3 || x > r.anchor - 1.0 || x + w < r.anchor + 1.0 {
                    continue;
                }
                // Labels still to come whose anchors this one would cover (they lose this row and those
                // below it, since their leaders could not pass).
                let lo = xs.partition_point(|&a| a < x);
                let hi = xs.partition_point(|&a| a <= x + w);
                let covered = waiting.before(hi) - waiting.before(lo);
                // A label keeps to its mark's right while that costs it at most a row: reading on
                // from a mark is easier than reading back to it.
                let key = (
                    w < r.width - 1e-3,
                    covered,
                    row * 2 + usize::from(side) * 3,
                    side,
                );
                if best.as_ref().is_none_or(|(k, _)| key < *k) {
                    best = Some((key, LabelSlot { row, x, width: w }));
                }
            }
        }
        if let Some((_, slot)) = best {
            rows[slot.row].labels.push((slot.x, slot.x + slot.width));
            for above in &mut rows[..slot.row] {
                above.leaders.push(r.anchor);
            }
            slots[i] = Some(slot);
        }
    }
    slots
}

/// The free stretch of `row` around `anchor`: between the nearest labels (with the gap), leaders and
/// walls (with their clearance) and blocked places on either side; `None` when one of them is at the
/// anchor itself.
fn free_around(row: &Row, row_index: usize, anchor: f32, area: &LabelArea) -> Option<(f32, f32)> {
    let (mut s, mut e) = (area.left, area.right);
    let mut take = |a: f32, b: f32| -> bool {
        if a < anchor && anchor < b {
            return false;
        }
        if b <= anchor {
            s = s.max(b);
        } else {
            e = e.min(a);
        }
        true
    };
    let labels = row
        .labels
        .iter()
        .map(|&(a, b)| (a - area.gap, b + area.gap));
    let leaders = row
        .leaders
        .iter()
        .map(|&x| (x - LEADER_CLEARANCE, x + LEADER_CLEARANCE));
    // A wall at the label's own anchor is where its leader rises: the label may span it.
    let walls = area
        .walls
        .iter()
        .filter(|&&x| (x - anchor).abs() > 2.0 * LEADER_CLEARANCE)
        .map(|&x| (x - LEADER_CLEARANCE, x + LEADER_CLEARANCE));
    let blocked = area
        .blocked
        .iter()
        .filter(|(rows, _, _)| rows.contains(&row_index))
        .map(|(_, a, b)| (*a, *b));
    for (a, b) in labels.chain(leaders).chain(walls).chain(blocked) {
        if !take(a, b) {
            return None;
        }
    }
    (s < e).then_some((s, e))
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

    fn point(anchor: f32, width: f32, priority: u32) -> LabelRequest {
        LabelRequest {
            anchor,
            after_x: anchor - 6.0,
            before_end: anchor + 6.0,
            width,
            priority,
        }
    }

    fn area(right: f32, rows: usize) -> LabelArea {
        LabelArea {
            left: 0.0,
            right,
            rows,
            gap: 8.0,
            min_width: 60.0,
            ..LabelArea::default()
        }
    }

    #[test]
    fn labels_sit_after_their_marks_when_there_is_room() {
        let slots = place_labels(
            &[point(100.0, 80.0, 0), point(300.0, 80.0, 0)],
            &area(1000.0, 3),
        );
        assert_eq!(
            slots,
            [
                Some(LabelSlot {
                    row: 0,
                    x: 94.0,
                    width: 80.0
                }),
                Some(LabelSlot {
                    row: 0,
                    x: 294.0,
                    width: 80.0
                })
            ]
        );
    }

    #[test]
    fn a_crowd_at_the_right_edge_becomes_a_staircase_ending_at_its_marks() {
        let crowd: Vec<LabelRequest> = [960.0, 972.0, 984.0]
            .iter()
            .map(|&a| point(a, 200.0, 0))
            .collect();
        let slots = place_labels(&crowd, &area(1000.0, 3));
        for (k, slot) in slots.iter().enumerate() {
            let slot = slot.expect("every label placed");
            assert_eq!(slot.row, k, "{slots:?}");
            assert!(
                (slot.x + slot.width - (crowd[k].anchor + 6.0)).abs() < 1e-3,
                "ends at its mark"
            );
            assert!((slot.width - 200.0).abs() < 1e-3, "whole");
        }
    }

    #[test]
    fn higher_priorities_take_their_room_first() {
        // Two labels wanting the same place: the more important one gets it, whatever their order.
        for (a, b) in [(0, 5), (5, 0)] {
            let slots = place_labels(
                &[point(100.0, 300.0, a), point(103.0, 300.0, b)],
                &area(1000.0, 1),
            );
            let winner = usize::from(b > a);
            assert!(
                slots[winner].is_some() && slots[1 - winner].is_none(),
                "{slots:?}"
            );
        }
    }

    #[test]
    fn walls_and_blocked_places_are_kept_clear() {
        let mut room = area(1000.0, 2);
        room.walls = vec![150.0];
        room.blocked = vec![(0..1, 400.0, 500.0)];
        let slots = place_labels(&[point(100.0, 200.0, 0), point(380.0, 200.0, 0)], &room);
        let a = slots[0].unwrap();
        assert!(
            a.x + a.width <= 150.0 - LEADER_CLEARANCE + 1e-3,
            "stops short of the wall: {a:?}"
        );
        let b = slots[1].unwrap();
        assert!(
            b.row == 1 || b.x + b.width <= 400.0,
            "clear of the blocked place: {b:?}"
        );
        // A label whose leader rises at the wall may span it.
        let on_wall = place_labels(&[point(150.0, 200.0, 0)], &room);
        assert!(on_wall[0].is_some_and(|s| (s.width - 200.0).abs() < 1e-3));
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
