//! The sorted index the view queries each frame: per lane, events ordered by start, so the visible ones
//! are found by binary search instead of a pass over every event.

use chrono::NaiveDate;

use super::scale::Scale;
use crate::model::Day;
use crate::model::Timeline;

/// The events of one lane, sorted by start.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneIndex {
    /// Event indices into [`Timeline::events`], sorted by start.
    pub events: Vec<u32>,
    /// Start of each, in days since 1970-01-01.
    pub starts: Vec<f64>,
    /// End of each, exclusive (the day after the last day covered).
    pub ends: Vec<f64>,
    /// The longest span in this lane, in days, to widen the search to the left.
    pub max_len: f64,
    /// The length in characters of each event's label (title and date qualifiers), so label widths can be
    /// estimated without touching the events; empty when not computed.
    pub label_chars: Vec<u16>,
    /// The latest end within each block of [`BLOCK`] positions, so runs of events that end before the view
    /// are skipped a block at a time.
    pub block_max_end: Vec<f64>,
    /// The first start of each block of [`BLOCK`] positions: a small array that searches through a lane
    /// read first, so a search touches a few cache lines of `starts` instead of one per halving.
    pub block_starts: Vec<f64>,
}

/// From this many events on, indexing (and the work beside it) is split over two threads; below it a
/// second thread costs more than it saves.
pub const PARALLEL_EVENTS: usize = 50_000;

/// The number of positions per entry of [`LaneIndex::block_max_end`] and [`LaneIndex::block_starts`].
pub const BLOCK: usize = 64;

impl LaneIndex {
    /// An index of events given by parallel arrays, sorted here by start.
    pub fn from_parts(events: Vec<u32>, starts: Vec<f64>, ends: Vec<f64>) -> Self {
        let mut lane = Self {
            events,
            starts,
            ends,
            max_len: 0.0,
            label_chars: Vec::new(),
            block_max_end: Vec::new(),
            block_starts: Vec::new(),
        };
        lane.finish();
        lane
    }

    /// Sorts by start and computes the span and block summaries.
    fn finish(&mut self) {
        if !self.starts.is_sorted() {
            let mut order: Vec<usize> = (0..self.len()).collect();
            order.sort_by(|&a, &b| self.starts[a].total_cmp(&self.starts[b]));
            self.events = order.iter().map(|&i| self.events[i]).collect();
            self.starts = order.iter().map(|&i| self.starts[i]).collect();
            self.ends = order.iter().map(|&i| self.ends[i]).collect();
            if !self.label_chars.is_empty() {
                self.label_chars = order.iter().map(|&i| self.label_chars[i]).collect();
            }
        }
        self.summarise();
    }

    /// Computes the span and block summaries of the sorted arrays.
    fn summarise(&mut self) {
        self.max_len = self
            .starts
            .iter()
            .zip(&self.ends)
            .map(|(s, e)| e - s)
            .fold(0.0, f64::max);
        self.block_max_end = self
            .ends
            .chunks(BLOCK)
            .map(|c| c.iter().copied().fold(f64::MIN, f64::max))
            .collect();
        self.block_starts = self.starts.iter().step_by(BLOCK).copied().collect();
    }

    /// The first position in `from..to` whose event starts at or after `limit`, or `to` if none does.
    ///
    /// Clustering asks this once per mark, left to right, over arrays too large to stay in the cache from
    /// one frame to the next: the blocks' first starts are searched outward from `from` (a step per
    /// doubling of the distance), then one block of `starts`.
    pub fn first_start_from(&self, from: usize, to: usize, limit: f64) -> usize {
        let to = to.min(self.len());
        if from >= to {
            return to;
        }
        // The first block after `from`'s own whose first start reaches `limit` (or none): the answer is at
        // most its first position and after the block before it.
        let b0 = from / BLOCK + 1;
        let blocks = self.block_starts.len();
        let b = if b0 >= blocks {
            blocks
        } else {
            b0 + gallop(&self.block_starts[b0..], limit)
        };
        let lo = from.max((b - 1) * BLOCK);
        if lo >= to {
            return to;
        }
        let hi = to.min(b * BLOCK);
        lo + self.starts[lo..hi].partition_point(|&s| s < limit)
    }

    /// The position of `event` (an index into [`Timeline::events`]) that starts at `start`, if it is in
    /// this lane: a binary search to its start, then a look along the events that share it.
    pub fn position_of(&self, event: u32, start: f64) -> Option<usize> {
        let from = self.starts.partition_point(|&s| s < start);
        (from..self.len())
            .take_while(|&p| self.starts[p] == start)
            .find(|&p| self.events[p] == event)
    }

    /// The positions before `before` whose events start before `t0` but end after it (they reach into a
    /// view starting at `t0`), found skipping whole blocks that end earlier.
    pub fn overhanging(&self, t0: f64, before: usize) -> impl Iterator<Item = usize> + '_ {
        let lo = self.starts.partition_point(|&s| s < t0 - self.max_len);
        let mut pos = lo;
        std::iter::from_fn(move || {
            while pos < before {
                if pos % BLOCK == 0
                    && pos + BLOCK <= before
                    && self.block_max_end[pos / BLOCK] <= t0
                {
                    pos += BLOCK;
                    continue;
                }
                let here = pos;
                pos += 1;
                if self.ends[here] > t0 {
                    return Some(here);
                }
            }
            None
        })
    }

    /// The range of positions whose events may overlap `[t0, t1]`: every event that does is inside it.
    pub fn candidates(&self, t0: f64, t1: f64) -> std::ops::Range<usize> {
        let lo = self.starts.partition_point(|&s| s < t0 - self.max_len);
        let hi = self.starts.partition_point(|&s| s <= t1);
        lo..hi.max(lo)
    }

    /// The positions of events that overlap `[t0, t1]`.
    pub fn visible(&self, t0: f64, t1: f64) -> impl Iterator<Item = usize> + '_ {
        self.candidates(t0, t1).filter(move |&i| self.ends[i] > t0)
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether the lane has no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

/// The number of leading values below `limit` in sorted `values`: an exponential search from the front,
/// so the work and the memory touched follow the answer, not the length.
fn gallop(values: &[f64], limit: f64) -> usize {
    let mut hi = 1;
    while hi < values.len() && values[hi - 1] < limit {
        hi *= 2;
    }
    let lo = hi / 2;
    let hi = hi.min(values.len());
    lo + values[lo..hi].partition_point(|&s| s < limit)
}

/// Per-lane indices of the events a filter lets through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventIndex {
    /// One index per lane of the timeline.
    pub lanes: Vec<LaneIndex>,
    /// The first and last day covered by all indexed events and periods, in days (end exclusive).
    pub extent: Option<(f64, f64)>,
    /// A number no other index built by this process has, so what was computed from one index is never
    /// taken for another's.
    pub generation: u64,
}

/// The generation of the next index built.
static NEXT_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// One part of an index: the lanes (not yet finished) and the extent of the kept events in `range`.
type Part = (Vec<LaneIndex>, Option<(f64, f64)>);

/// Indexes the kept events in `range`.
fn index_part(
    timeline: &Timeline,
    today: NaiveDate,
    scale: &Scale,
    keep: &(impl Fn(usize) -> bool + Sync),
    range: std::ops::Range<usize>,
) -> Part {
    let mut lanes = vec![LaneIndex::default(); timeline.lanes.len().max(1)];
    let mut extent: Option<(f64, f64)> = None;
    for i in range {
        if !keep(i) {
            continue;
        }
        let event = &timeline.events[i];
        let (s, e) = scale.span_to_view(span_days(event.when.covered(today)));
        extent = Some(grow(extent, (s, e)));
        let Some(lane) = lanes.get_mut(usize::from(event.lane.0)) else {
            continue;
        };
        lane.events.push(i as u32);
        lane.starts.push(s);
        lane.ends.push(e);
        lane.label_chars
            .push(crate::view::timeline::label_chars(event));
    }
    (lanes, extent)
}

/// `extent` grown to take in `[s, e)` (just that, when there is no extent yet).
fn grow(extent: Option<(f64, f64)>, (s, e): (f64, f64)) -> (f64, f64) {
    extent.map_or((s, e), |(a, b)| (a.min(s), b.max(e)))
}

/// `first` followed by `later`, lane by lane.
fn join_parts(first: Part, later: Part) -> Part {
    let (mut lanes, extent) = first;
    for (lane, more) in lanes.iter_mut().zip(later.0) {
        lane.events.extend(more.events);
        lane.starts.extend(more.starts);
        lane.ends.extend(more.ends);
        lane.label_chars.extend(more.label_chars);
    }
    let extent = later.1.map(|span| grow(extent, span)).or(extent);
    (lanes, extent)
}

/// The first day and the day after the last day an interval covers, in days since 1970-01-01.
pub fn span_days(covered: (Day, Day)) -> (f64, f64) {
    (covered.0.days(), covered.1.days() + 1.0)
}

impl EventIndex {
    /// Indexes the events for which `keep(index)` holds, placed in view days by `scale`. A large timeline
    /// is indexed in two halves on two threads, joined lane by lane (the events are in time order, so the
    /// lanes stay sorted).
    pub fn build(
        timeline: &Timeline,
        today: NaiveDate,
        scale: &Scale,
        keep: impl Fn(usize) -> bool + Sync,
    ) -> Self {
        let n = timeline.events.len();
        let part = |range: std::ops::Range<usize>| index_part(timeline, today, scale, &keep, range);
        let (mut lanes, mut extent) = if n >= PARALLEL_EVENTS {
            let mid = n / 2;
            let (first, later) = std::thread::scope(|scope| {
                let later = scope.spawn(|| part(mid..n));
                (part(0..mid), later.join())
            });
            match later {
                Ok(later) => join_parts(first, later),
                Err(_) => part(0..n),
            }
        } else {
            part(0..n)
        };
        for period in &timeline.periods {
            extent = Some(grow(
                extent,
                scale.span_to_view(span_days(period.when.covered(today))),
            ));
        }
        for lane in &mut lanes {
            lane.finish();
        }
        let generation = NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self {
            lanes,
            extent,
            generation,
        }
    }

    /// Follows a change of one event without indexing the others again: the event that was at `removed`
    /// (if any) is taken out, the others are renumbered as the timeline's events moved, and the event
    /// now at `inserted` (if any) is indexed when `keep` lets it through. The result equals what
    /// [`EventIndex::build`] gives for the changed timeline, with a new generation.
    pub fn follow(
        &mut self,
        timeline: &Timeline,
        today: NaiveDate,
        scale: &Scale,
        keep: impl Fn(usize) -> bool,
        removed: Option<usize>,
        inserted: Option<usize>,
    ) {
        let renumber = |e: u32| -> u32 {
            let mut e = e as usize;
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
            e as u32
        };
        let mut touched = vec![false; self.lanes.len()];
        for (lane, touched) in self.lanes.iter_mut().zip(&mut touched) {
            if let Some(r) = removed
                && let Some(p) = lane.events.iter().position(|&e| e as usize == r)
            {
                lane.events.remove(p);
                lane.starts.remove(p);
                lane.ends.remove(p);
                if !lane.label_chars.is_empty() {
                    lane.label_chars.remove(p);
                }
                *touched = true;
            }
            if removed.is_some() || inserted.is_some() {
                for e in &mut lane.events {
                    *e = renumber(*e);
                }
            }
        }
        if let Some(i) = inserted
            && i < timeline.events.len()
            && keep(i)
        {
            let event = &timeline.events[i];
            let lane_at = usize::from(event.lane.0);
            if let Some(lane) = self.lanes.get_mut(lane_at) {
                let (s, e) = scale.span_to_view(span_days(event.when.covered(today)));
                // Among equal starts, events stay in the timeline's order, as a build leaves them.
                let p = lane.starts.partition_point(|&x| x < s);
                let p = p + lane.events[p..]
                    .iter()
                    .zip(&lane.starts[p..])
                    .take_while(|&(&ev, &x)| x == s && (ev as usize) < i)
                    .count();
                lane.events.insert(p, i as u32);
                lane.starts.insert(p, s);
                lane.ends.insert(p, e);
                if lane.label_chars.len() + 1 == lane.events.len() {
                    lane.label_chars
                        .insert(p, crate::view::timeline::label_chars(event));
                }
                touched[lane_at] = true;
            }
        }
        for (lane, touched) in self.lanes.iter_mut().zip(touched) {
            if touched {
                lane.summarise();
            }
        }
        let mut extent: Option<(f64, f64)> = None;
        for lane in &self.lanes {
            if let (Some(&s), Some(e)) = (
                lane.starts.first(),
                lane.block_max_end.iter().copied().reduce(f64::max),
            ) {
                extent = Some(grow(extent, (s, e)));
            }
        }
        for period in &timeline.periods {
            extent = Some(grow(
                extent,
                scale.span_to_view(span_days(period.when.covered(today))),
            ));
        }
        self.extent = extent;
        self.generation = NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// The number of indexed events.
    pub fn len(&self) -> usize {
        self.lanes.iter().map(LaneIndex::len).sum()
    }

    /// Whether no event is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gallop_agrees_with_partition_point() {
        let v: Vec<f64> = (0..1000).map(|i| f64::from(i / 3)).collect();
        for limit in [-1.0, 0.0, 0.5, 1.0, 7.0, 100.0, 332.9, 333.0, 400.0] {
            for from in [0, 1, 5, 500, 999, 1000] {
                let slice = &v[from..];
                assert_eq!(
                    gallop(slice, limit),
                    slice.partition_point(|&s| s < limit),
                    "{limit} from {from}"
                );
            }
        }
    }

    #[test]
    fn an_event_is_found_at_its_position_among_others_sharing_its_start() {
        let lane = LaneIndex::from_parts(
            vec![7, 3, 9, 4, 5],
            vec![10.0, 5.0, 10.0, 10.0, 20.0],
            vec![11.0, 6.0, 11.0, 11.0, 21.0],
        );
        for (event, start) in [(7, 10.0), (3, 5.0), (9, 10.0), (4, 10.0), (5, 20.0)] {
            let at = lane.position_of(event, start).unwrap();
            assert_eq!((lane.events[at], lane.starts[at]), (event, start));
        }
        assert_eq!(lane.position_of(7, 5.0), None, "not at that start");
        assert_eq!(lane.position_of(8, 10.0), None, "not in the lane");
    }

    #[test]
    fn an_index_built_in_two_halves_equals_one_built_in_one_pass() {
        let timeline = crate::generate::generate(60_000, 11);
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let keep = |i: usize| !i.is_multiple_of(7);
        let whole = EventIndex::build(&timeline, today, &Scale::linear(), keep);
        let (mut lanes, mut extent) = index_part(
            &timeline,
            today,
            &Scale::linear(),
            &keep,
            0..timeline.events.len(),
        );
        for period in &timeline.periods {
            extent = Some(grow(extent, span_days(period.when.covered(today))));
        }
        for lane in &mut lanes {
            lane.finish();
        }
        assert_eq!(whole.lanes, lanes);
        assert_eq!(whole.extent, extent);
        assert_eq!(whole.len(), (0..60_000).filter(|&i| keep(i)).count());
    }

    #[test]
    fn following_one_changed_event_gives_the_index_a_build_gives() {
        use crate::model::edit::{self, Change, Edit, Ids};
        let mut timeline = crate::generate::generate(400, 5);
        let mut ids = Ids::of(&timeline);
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        // Kept or not by what the event is, as the filters decide.
        let keeps = |t: &Timeline, i: usize| !t.events[i].title().len().is_multiple_of(3);
        let mut index =
            EventIndex::build(&timeline, today, &Scale::linear(), |i| keeps(&timeline, i));
        let mut rng = fastrand::Rng::with_seed(3);
        let lanes = timeline.lanes.len();
        for step in 0..600 {
            let n = timeline.events.len();
            let edit = match rng.u8(0..3) {
                0 if n > 1 => Edit::RemoveEvent {
                    at: rng.usize(0..n),
                },
                1 => {
                    let mut event = timeline.events[rng.usize(0..n)].clone();
                    let id = format!("copy-{step}");
                    event = event.with_id(&id);
                    Edit::InsertEvent { at: None, event }
                }
                _ => {
                    let at = rng.usize(0..n);
                    let mut event = timeline.events[rng.usize(0..n)].clone();
                    event = event.with_id(timeline.events[at].id());
                    event.lane = crate::model::LaneId(rng.u16(0..lanes as u16));
                    Edit::ReplaceEvent {
                        at,
                        event,
                        to: None,
                    }
                }
            };
            let applied = edit::apply(&mut timeline, &mut ids, edit).unwrap();
            let (removed, inserted) = match applied.change {
                Change::EventMoved { from, to } => (Some(from), Some(to)),
                Change::EventInserted { at } => (None, Some(at)),
                Change::EventRemoved { at } => (Some(at), None),
                Change::Other => unreachable!("one event changed"),
            };
            let before = index.generation;
            index.follow(
                &timeline,
                today,
                &Scale::linear(),
                |i| keeps(&timeline, i),
                removed,
                inserted,
            );
            let built =
                EventIndex::build(&timeline, today, &Scale::linear(), |i| keeps(&timeline, i));
            assert_eq!(index.lanes, built.lanes, "after step {step}");
            assert_eq!(index.extent, built.extent, "after step {step}");
            assert_ne!(index.generation, before);
        }
    }
}
