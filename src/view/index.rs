//! The sorted index the view queries each frame: per lane, events ordered by start, so the visible ones
//! are found by binary search instead of a pass over every event.

use chrono::NaiveDate;

use crate::model::Timeline;
use crate::model::date::days_from_epoch;

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
}

impl LaneIndex {
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

/// Per-lane indices of the events a filter lets through.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventIndex {
    /// One index per lane of the timeline.
    pub lanes: Vec<LaneIndex>,
    /// The first and last day covered by all indexed events and periods, in days (end exclusive).
    pub extent: Option<(f64, f64)>,
}

/// The first day and the day after the last day an interval covers, in days since 1970-01-01.
pub fn span_days(covered: (NaiveDate, NaiveDate)) -> (f64, f64) {
    (
        days_from_epoch(covered.0) as f64,
        days_from_epoch(covered.1) as f64 + 1.0,
    )
}

impl EventIndex {
    /// Indexes the events for which `keep(index)` holds.
    pub fn build(timeline: &Timeline, today: NaiveDate, keep: impl Fn(usize) -> bool) -> Self {
        let mut lanes = vec![LaneIndex::default(); timeline.lanes.len().max(1)];
        let mut extent: Option<(f64, f64)> = None;
        let mut grow = |s: f64, e: f64| {
            extent = Some(extent.map_or((s, e), |(a, b)| (a.min(s), b.max(e))));
        };
        for (i, event) in timeline.events.iter().enumerate() {
            if !keep(i) {
                continue;
            }
            let (s, e) = span_days(event.when.covered(today));
            grow(s, e);
            let Some(lane) = lanes.get_mut(usize::from(event.lane.0)) else {
                continue;
            };
            lane.events.push(i as u32);
            lane.starts.push(s);
            lane.ends.push(e);
            lane.max_len = lane.max_len.max(e - s);
        }
        for period in &timeline.periods {
            let (s, e) = span_days(period.when.covered(today));
            grow(s, e);
        }
        for lane in &mut lanes {
            if !lane.starts.is_sorted() {
                let mut order: Vec<usize> = (0..lane.len()).collect();
                order.sort_by(|&a, &b| lane.starts[a].total_cmp(&lane.starts[b]));
                lane.events = order.iter().map(|&i| lane.events[i]).collect();
                lane.starts = order.iter().map(|&i| lane.starts[i]).collect();
                lane.ends = order.iter().map(|&i| lane.ends[i]).collect();
            }
        }
        Self { lanes, extent }
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
