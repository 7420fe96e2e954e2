//! Changes to a timeline, as data. Each [`Edit`] applies to a [`Timeline`] and gives back its inverse: the
//! edit that undoes it exactly, so an undo history is a list of inverses and costs what was changed, not
//! the size of the timeline. An edit that would make a timeline the loader refuses is refused with the
//! loader's own words, and the timeline is left as it was.
//!
//! Events and periods are named by their position in [`Timeline::events`] and [`Timeline::periods`]
//! (which stay in chronological order); lanes and tags by theirs. Positions in an inverse are those of
//! the timeline the edit produced, so undoing in reverse order always finds what it names.

use std::collections::HashSet;

use thiserror::Error;

use super::event::Event;
use super::timeline::{Lane, LaneId, Period, Tag, TagId, Timeline};
use crate::formats::show::quoted;

/// One change to a timeline.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add an event at position `at`, or where its first day puts it among the others (after those that
    /// start the same day) when `at` is `None`.
    InsertEvent {
        /// Where it goes; `None` for its chronological place.
        at: Option<usize>,
        /// The event.
        event: Event,
    },
    /// Take out the event at `at`.
    RemoveEvent {
        /// Its position.
        at: usize,
    },
    /// Put `event` in place of the event at `at`; it moves to position `to`, or to its chronological
    /// place when `to` is `None` (it stays where it is when that is already in order).
    ReplaceEvent {
        /// The position of the event replaced.
        at: usize,
        /// The new version.
        event: Event,
        /// Where the new version goes.
        to: Option<usize>,
    },
    /// Put each listed event in another lane (events keep their positions).
    SetLanes(Vec<(usize, LaneId)>),
    /// Add a period at position `at`, or at its chronological place.
    InsertPeriod {
        /// Where it goes; `None` for its chronological place.
        at: Option<usize>,
        /// The period.
        period: Period,
    },
    /// Take out the period at `at`.
    RemovePeriod {
        /// Its position.
        at: usize,
    },
    /// Put `period` in place of the period at `at`, moving it to `to` or its chronological place.
    ReplacePeriod {
        /// The position of the period replaced.
        at: usize,
        /// The new version.
        period: Period,
        /// Where the new version goes.
        to: Option<usize>,
    },
    /// Add a lane at position `at` (the lanes after it move down one row).
    InsertLane {
        /// Its row.
        at: usize,
        /// The lane.
        lane: Lane,
    },
    /// Take out the lane at `at`, which no event or period may be in.
    RemoveLane {
        /// Its row.
        at: usize,
    },
    /// Give the lane at `at` another id or name.
    ReplaceLane {
        /// Its row.
        at: usize,
        /// The new id and name.
        lane: Lane,
    },
    /// Move the lane at row `from` to row `to`.
    MoveLane {
        /// Its row now.
        from: usize,
        /// Its row after.
        to: usize,
    },
    /// Add a tag at position `at` in the legend.
    InsertTag {
        /// Its place.
        at: usize,
        /// The tag.
        tag: Tag,
    },
    /// Take out the tag at `at`, which no event may have.
    RemoveTag {
        /// Its place.
        at: usize,
    },
    /// Give the tag at `at` another id or name.
    ReplaceTag {
        /// Its place.
        at: usize,
        /// The new id and name.
        tag: Tag,
    },
    /// Move the tag at `from` to place `to` in the legend.
    MoveTag {
        /// Its place now.
        from: usize,
        /// Its place after.
        to: usize,
    },
    /// Several edits as one step, applied in order (all or none).
    Batch(Vec<Edit>),
}

/// Why an edit was refused. The words are the loader's, for the same fault in a file.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum EditError {
    /// An id is empty or only white space.
    #[error("{}", blank_id(.0))]
    BlankId(&'static str),
    /// An event's or period's id is already another's.
    #[error("duplicate id {}", quoted(.0))]
    DuplicateId(String),
    /// A lane's id is already another lane's.
    #[error("duplicate lane id {}", quoted(.0))]
    DuplicateLaneId(String),
    /// A tag's id is already another tag's.
    #[error("duplicate tag id {}", quoted(.0))]
    DuplicateTagId(String),
    /// An event or period is in a lane the timeline does not have.
    #[error("unknown lane {} in {what} {}", quoted(.lane), quoted(.id))]
    UnknownLane {
        /// The lane's row, as a number.
        lane: String,
        /// What refers to it: "event" or "period".
        what: &'static str,
        /// Its id.
        id: String,
    },
    /// An event has a tag the timeline does not have.
    #[error("unknown tag {} in event {}", quoted(.tag), quoted(.id))]
    UnknownTag {
        /// The tag's place, as a number.
        tag: String,
        /// The event's id.
        id: String,
    },
    /// A lane that events or periods are in cannot be taken out.
    #[error("lane {} still holds {count} events or periods: move or delete them first", quoted(.id))]
    LaneInUse {
        /// The lane's id.
        id: String,
        /// How many are in it.
        count: usize,
    },
    /// A tag that events have cannot be taken out.
    #[error("tag {} is still given to {count} events: take it off them first", quoted(.id))]
    TagInUse {
        /// The tag's id.
        id: String,
        /// How many events have it.
        count: usize,
    },
    /// A timeline holds at most `u16::MAX` lanes and as many tags.
    #[error("too many {0}: at most {max} are allowed", max = u16::MAX)]
    TooMany(&'static str),
    /// A position past the end (the timeline changed under the edit).
    #[error("there is no {what} at position {at}")]
    NoSuch {
        /// "event", "period", "lane" or "tag".
        what: &'static str,
        /// The position asked for.
        at: usize,
    },
    /// A position that would put an event or period out of chronological order.
    #[error("position {at} would put the {what} out of chronological order")]
    OutOfOrder {
        /// "event" or "period".
        what: &'static str,
        /// The position asked for.
        at: usize,
    },
}

/// The loader's message for an id that is empty or only white space.
fn blank_id(what: &str) -> String {
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!(
        "{article} {what} has an empty id (ids must have a letter or digit that is not white space)"
    )
}

/// What an edit changed, so what is derived from the timeline (indices, counts, the list) can follow
/// without being rebuilt when one event moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// One event went from position `from` to `to` (equal when it stayed in place); those in between
    /// moved one place towards `from`.
    EventMoved {
        /// Its position before.
        from: usize,
        /// Its position after.
        to: usize,
    },
    /// An event was inserted at `at`; those from there on moved one place later.
    EventInserted {
        /// Its position.
        at: usize,
    },
    /// The event at `at` was taken out; those after it moved one place earlier.
    EventRemoved {
        /// Its position before.
        at: usize,
    },
    /// Anything else: lanes, tags, periods, several events.
    Other,
}

/// The ids of a timeline's events and periods, kept beside it so an edit checks an id is free without a
/// pass over a million events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ids(HashSet<Box<str>>);

impl Ids {
    /// The ids of `timeline`'s events and periods.
    pub fn of(timeline: &Timeline) -> Self {
        let mut ids = HashSet::with_capacity(timeline.events.len() + timeline.periods.len());
        ids.extend(timeline.events.iter().map(|e| Box::from(e.id())));
        ids.extend(timeline.periods.iter().map(|p| Box::from(p.id.as_str())));
        Self(ids)
    }

    /// Whether an event or period has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    /// An id made from `base` that no event or period has (`base`, then `base-2`, `base-3`…).
    pub fn fresh(&self, base: &str) -> String {
        let base = if base.trim().is_empty() {
            "event"
        } else {
            base
        };
        if !self.contains(base) {
            return base.to_owned();
        }
        // Of the next `len + 2` numbers at least one is free, so the search ends.
        (2..self.0.len() + 4)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.contains(id))
            .unwrap_or_default()
    }
}

/// What applying an edit gave: the edit that undoes it, and what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// Applying this to the edited timeline gives back the timeline as it was.
    pub inverse: Edit,
    /// What changed.
    pub change: Change,
}

impl Applied {
    /// The event as it was before, when the edit changed or removed one event (it is in the inverse).
    pub fn before(&self) -> Option<&Event> {
        before_in(&self.inverse, &self.change)
    }
}

/// The event as it was before a one-event change, found in that change's `inverse`.
fn before_in<'a>(inverse: &'a Edit, change: &Change) -> Option<&'a Event> {
    match (inverse, change) {
        (Edit::Batch(edits), _) if edits.len() == 1 => before_in(&edits[0], change),
        (Edit::InsertEvent { event, .. }, Change::EventRemoved { .. })
        | (Edit::ReplaceEvent { event, .. }, Change::EventMoved { .. }) => Some(event),
        _ => None,
    }
}

/// Applies `edit` to `timeline`, whose event and period ids are `ids` (kept up to date). On success the
/// timeline is changed and the inverse returned; on refusal nothing has changed.
pub fn apply(timeline: &mut Timeline, ids: &mut Ids, edit: Edit) -> Result<Applied, EditError> {
    match edit {
        Edit::Batch(edits) => apply_batch(timeline, ids, edits),
        Edit::InsertEvent { at, event } => {
            check_event(timeline, ids, &event, None)?;
            let at = place_event(timeline, &event, at, None)?;
            ids.0.insert(event.id().into());
            timeline.events.insert(at, event);
            Ok(Applied {
                inverse: Edit::RemoveEvent { at },
                change: Change::EventInserted { at },
            })
        }
        Edit::RemoveEvent { at } => {
            if at >= timeline.events.len() {
                return Err(EditError::NoSuch { what: "event", at });
            }
            let event = timeline.events.remove(at);
            ids.0.remove(event.id());
            Ok(Applied {
                inverse: Edit::InsertEvent {
                    at: Some(at),
                    event,
                },
                change: Change::EventRemoved { at },
            })
        }
        Edit::ReplaceEvent { at, event, to } => {
            let Some(old) = timeline.events.get(at) else {
                return Err(EditError::NoSuch { what: "event", at });
            };
            check_event(timeline, ids, &event, Some(old.id()))?;
            let to = place_event(timeline, &event, to, Some(at))?;
            let old_id: Box<str> = old.id().into();
            let new_id: Box<str> = event.id().into();
            let old = std::mem::replace(&mut timeline.events[at], event);
            move_within(&mut timeline.events, at, to);
            if old_id != new_id {
                ids.0.remove(&old_id);
                ids.0.insert(new_id);
            }
            Ok(Applied {
                inverse: Edit::ReplaceEvent {
                    at: to,
                    event: old,
                    to: Some(at),
                },
                change: Change::EventMoved { from: at, to },
            })
        }
        Edit::SetLanes(moves) => {
            for &(at, lane) in &moves {
                let Some(event) = timeline.events.get(at) else {
                    return Err(EditError::NoSuch { what: "event", at });
                };
                if usize::from(lane.0) >= timeline.lanes.len() {
                    return Err(unknown_lane(lane, "event", event.id()));
                }
            }
            let mut undo = Vec::with_capacity(moves.len());
            for (at, lane) in moves {
                let event = &mut timeline.events[at];
                undo.push((at, event.lane));
                event.lane = lane;
            }
            undo.reverse();
            Ok(Applied {
                inverse: Edit::SetLanes(undo),
                change: Change::Other,
            })
        }
        Edit::InsertPeriod { at, period } => {
            check_period(timeline, ids, &period, None)?;
            let at = place_period(timeline, &period, at, None)?;
            ids.0.insert(period.id.as_str().into());
            timeline.periods.insert(at, period);
            Ok(other(Edit::RemovePeriod { at }))
        }
        Edit::RemovePeriod { at } => {
            if at >= timeline.periods.len() {
                return Err(EditError::NoSuch { what: "period", at });
            }
            let period = timeline.periods.remove(at);
            ids.0.remove(period.id.as_str());
            Ok(other(Edit::InsertPeriod {
                at: Some(at),
                period,
            }))
        }
        Edit::ReplacePeriod { at, period, to } => {
            let Some(old) = timeline.periods.get(at) else {
                return Err(EditError::NoSuch { what: "period", at });
            };
            check_period(timeline, ids, &period, Some(&old.id))?;
            let to = place_period(timeline, &period, to, Some(at))?;
            let new_id: Box<str> = period.id.as_str().into();
            let old = std::mem::replace(&mut timeline.periods[at], period);
            move_within(&mut timeline.periods, at, to);
            if *old.id != *new_id {
                ids.0.remove(old.id.as_str());
                ids.0.insert(new_id);
            }
            Ok(other(Edit::ReplacePeriod {
                at: to,
                period: old,
                to: Some(at),
            }))
        }
        Edit::InsertLane { at, lane } => {
            if at > timeline.lanes.len() {
                return Err(EditError::NoSuch { what: "lane", at });
            }
            if timeline.lanes.len() >= usize::from(u16::MAX) {
                return Err(EditError::TooMany("lanes"));
            }
            check_label(&lane.id, "lane", timeline.lanes.iter().map(|l| &l.id), None)
                .map_err(|e| e.unwrap_or_else(|| EditError::DuplicateLaneId(lane.id.clone())))?;
            // Events of a timeline without lanes are all in its one implied lane: the first lane added
            // is that lane, so they stay in it.
            let first = timeline.lanes.is_empty();
            timeline.lanes.insert(at, lane);
            if !first {
                remap_lanes(timeline, |l| if l >= at { l + 1 } else { l });
            }
            Ok(other(Edit::RemoveLane { at }))
        }
        Edit::RemoveLane { at } => {
            let Some(lane) = timeline.lanes.get(at) else {
                return Err(EditError::NoSuch { what: "lane", at });
            };
            let (events, periods) = super::structure::in_lane(timeline, at);
            // The last lane may go with its events: the timeline is then one without lanes, whose events
            // are all in its one implied lane (a period, though, is in a lane it names, or in none).
            let count = events + periods;
            if periods > 0 || (events > 0 && timeline.lanes.len() > 1) {
                return Err(EditError::LaneInUse {
                    id: lane.id.clone(),
                    count,
                });
            }
            let lane = timeline.lanes.remove(at);
            if !timeline.lanes.is_empty() {
                remap_lanes(timeline, |l| if l > at { l - 1 } else { l });
            }
            Ok(other(Edit::InsertLane { at, lane }))
        }
        Edit::ReplaceLane { at, lane } => {
            let Some(old) = timeline.lanes.get(at) else {
                return Err(EditError::NoSuch { what: "lane", at });
            };
            check_label(
                &lane.id,
                "lane",
                timeline.lanes.iter().map(|l| &l.id),
                Some(&old.id),
            )
            .map_err(|e| e.unwrap_or_else(|| EditError::DuplicateLaneId(lane.id.clone())))?;
            let old = std::mem::replace(&mut timeline.lanes[at], lane);
            Ok(other(Edit::ReplaceLane { at, lane: old }))
        }
        Edit::MoveLane { from, to } => {
            let n = timeline.lanes.len();
            for at in [from, to] {
                if at >= n {
                    return Err(EditError::NoSuch { what: "lane", at });
                }
            }
            move_within(&mut timeline.lanes, from, to);
            remap_lanes(timeline, |l| moved_position(l, from, to));
            Ok(other(Edit::MoveLane { from: to, to: from }))
        }
        Edit::InsertTag { at, tag } => {
            if at > timeline.tags.len() {
                return Err(EditError::NoSuch { what: "tag", at });
            }
            if timeline.tags.len() >= usize::from(u16::MAX) {
                return Err(EditError::TooMany("tags"));
            }
            check_label(&tag.id, "tag", timeline.tags.iter().map(|t| &t.id), None)
                .map_err(|e| e.unwrap_or_else(|| EditError::DuplicateTagId(tag.id.clone())))?;
            timeline.tags.insert(at, tag);
            remap_tags(timeline, |t| if t >= at { t + 1 } else { t });
            Ok(other(Edit::RemoveTag { at }))
        }
        Edit::RemoveTag { at } => {
            let Some(tag) = timeline.tags.get(at) else {
                return Err(EditError::NoSuch { what: "tag", at });
            };
            let id = TagId(at as u16);
            let count = timeline.events.iter().filter(|e| e.has_tag(id)).count();
            if count > 0 {
                return Err(EditError::TagInUse {
                    id: tag.id.clone(),
                    count,
                });
            }
            let tag = timeline.tags.remove(at);
            remap_tags(timeline, |t| if t > at { t - 1 } else { t });
            Ok(other(Edit::InsertTag { at, tag }))
        }
        Edit::MoveTag { from, to } => {
            let n = timeline.tags.len();
            for at in [from, to] {
                if at >= n {
                    return Err(EditError::NoSuch { what: "tag", at });
                }
            }
            move_within(&mut timeline.tags, from, to);
            remap_tags(timeline, |t| moved_position(t, from, to));
            Ok(other(Edit::MoveTag { from: to, to: from }))
        }
        Edit::ReplaceTag { at, tag } => {
            let Some(old) = timeline.tags.get(at) else {
                return Err(EditError::NoSuch { what: "tag", at });
            };
            check_label(
                &tag.id,
                "tag",
                timeline.tags.iter().map(|t| &t.id),
                Some(&old.id),
            )
            .map_err(|e| e.unwrap_or_else(|| EditError::DuplicateTagId(tag.id.clone())))?;
            let old = std::mem::replace(&mut timeline.tags[at], tag);
            Ok(other(Edit::ReplaceTag { at, tag: old }))
        }
    }
}

/// Applies the edits in order; when one is refused, undoes those before it and passes on the refusal.
fn apply_batch(
    timeline: &mut Timeline,
    ids: &mut Ids,
    edits: Vec<Edit>,
) -> Result<Applied, EditError> {
    let single = edits.len() == 1;
    let mut inverses = Vec::with_capacity(edits.len());
    let mut change = Change::Other;
    for edit in edits {
        match apply(timeline, ids, edit) {
            Ok(applied) => {
                change = applied.change;
                inverses.push(applied.inverse);
            }
            Err(e) => {
                for inverse in inverses.into_iter().rev() {
                    // Undoing what was just done cannot be refused.
                    let _ = apply(timeline, ids, inverse);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Applied {
        inverse: Edit::Batch(inverses),
        change: if single { change } else { Change::Other },
    })
}

fn other(inverse: Edit) -> Applied {
    Applied {
        inverse,
        change: Change::Other,
    }
}

fn unknown_lane(lane: LaneId, what: &'static str, id: &str) -> EditError {
    EditError::UnknownLane {
        lane: lane.0.to_string(),
        what,
        id: id.to_owned(),
    }
}

/// Whether `text` is empty or only white space.
fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// Checks an event against the loader's rules; `replacing` is the id of the event it takes the place of.
fn check_event(
    timeline: &Timeline,
    ids: &Ids,
    event: &Event,
    replacing: Option<&str>,
) -> Result<(), EditError> {
    let id = event.id();
    if is_blank(id) {
        return Err(EditError::BlankId("event"));
    }
    if replacing != Some(id) && ids.contains(id) {
        return Err(EditError::DuplicateId(id.to_owned()));
    }
    if usize::from(event.lane.0) >= timeline.lanes.len().max(1) {
        return Err(unknown_lane(event.lane, "event", id));
    }
    if let Some(tag) = event
        .tags()
        .find(|t| usize::from(t.0) >= timeline.tags.len())
    {
        return Err(EditError::UnknownTag {
            tag: tag.0.to_string(),
            id: id.to_owned(),
        });
    }
    Ok(())
}

/// Checks a period against the loader's rules.
fn check_period(
    timeline: &Timeline,
    ids: &Ids,
    period: &Period,
    replacing: Option<&str>,
) -> Result<(), EditError> {
    if is_blank(&period.id) {
        return Err(EditError::BlankId("period"));
    }
    if replacing != Some(period.id.as_str()) && ids.contains(&period.id) {
        return Err(EditError::DuplicateId(period.id.clone()));
    }
    if let Some(lane) = period.lane
        && usize::from(lane.0) >= timeline.lanes.len()
    {
        return Err(unknown_lane(lane, "period", &period.id));
    }
    Ok(())
}

/// Checks a lane's or tag's id: not blank (`Err(Some)`), not another's (`Err(None)`, for the caller to
/// name), `replacing` being the id it takes the place of.
fn check_label<'a>(
    id: &str,
    what: &'static str,
    mut others: impl Iterator<Item = &'a String>,
    replacing: Option<&str>,
) -> Result<(), Option<EditError>> {
    if is_blank(id) {
        return Err(Some(EditError::BlankId(what)));
    }
    if replacing != Some(id) && others.any(|o| o == id) {
        return Err(None);
    }
    Ok(())
}

/// Where an event goes: `wanted`, checked to keep the events in order, or its chronological place.
/// `leaving` is the position it leaves (when it replaces one), not counted.
fn place_event(
    timeline: &Timeline,
    event: &Event,
    wanted: Option<usize>,
    leaving: Option<usize>,
) -> Result<usize, EditError> {
    let day = event.when.first_day();
    let others = timeline.events.len() - usize::from(leaving.is_some());
    let day_of = |k: usize| {
        let k = match leaving {
            Some(l) if k >= l => k + 1,
            _ => k,
        };
        timeline.events[k].when.first_day()
    };
    place(day, others, day_of, wanted, leaving, "event")
}

/// Where a period goes, as [`place_event`] for events.
fn place_period(
    timeline: &Timeline,
    period: &Period,
    wanted: Option<usize>,
    leaving: Option<usize>,
) -> Result<usize, EditError> {
    let day = period.when.first_day();
    let others = timeline.periods.len() - usize::from(leaving.is_some());
    let day_of = |k: usize| {
        let k = match leaving {
            Some(l) if k >= l => k + 1,
            _ => k,
        };
        timeline.periods[k].when.first_day()
    };
    place(day, others, day_of, wanted, leaving, "period")
}

/// The position among `count` others (first days `day_of(k)`, in order) for a thing starting on `day`:
/// `wanted` when it keeps the order, else refused; without a wish, the place it leaves when that is in
/// order, else after the others that start by its day.
fn place(
    day: crate::model::Day,
    count: usize,
    day_of: impl Fn(usize) -> crate::model::Day,
    wanted: Option<usize>,
    leaving: Option<usize>,
    what: &'static str,
) -> Result<usize, EditError> {
    let fits = |k: usize| (k == 0 || day_of(k - 1) <= day) && (k == count || day <= day_of(k));
    if let Some(k) = wanted {
        if k > count || !fits(k) {
            return Err(EditError::OutOfOrder { what, at: k });
        }
        return Ok(k);
    }
    if let Some(k) = leaving
        && k <= count
        && fits(k)
    {
        return Ok(k);
    }
    // The first place whose day is later: a binary search, the days being in order.
    let (mut lo, mut hi) = (0, count);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if day_of(mid) <= day {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// Moves the item at `from` to `to`, shifting those between by one: a rotation of just that stretch.
fn move_within<T>(items: &mut [T], from: usize, to: usize) {
    if from < to {
        items[from..=to].rotate_left(1);
    } else if to < from {
        items[to..=from].rotate_right(1);
    }
}

/// Where position `k` ends up when the item at `from` moves to `to`.
pub fn moved_position(k: usize, from: usize, to: usize) -> usize {
    if k == from {
        to
    } else if from < to && (from..=to).contains(&k) {
        k - 1
    } else if to < from && (to..=from).contains(&k) {
        k + 1
    } else {
        k
    }
}

/// Gives every event and period the lane row `map` makes of its own.
fn remap_lanes(timeline: &mut Timeline, map: impl Fn(usize) -> usize) {
    let lane = |l: LaneId| LaneId(map(usize::from(l.0)) as u16);
    for event in &mut timeline.events {
        event.lane = lane(event.lane);
    }
    for period in &mut timeline.periods {
        period.lane = period.lane.map(lane);
    }
}

/// Gives every event the tag places `map` makes of its own (only events whose tags change are rebuilt).
fn remap_tags(timeline: &mut Timeline, map: impl Fn(usize) -> usize) {
    for event in &mut timeline.events {
        let tags: Vec<TagId> = event.tags().collect();
        let mapped: Vec<TagId> = tags
            .iter()
            .map(|t| TagId(map(usize::from(t.0)) as u16))
            .collect();
        if mapped != tags {
            *event = event.with_tags(&mapped);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpec, DetailsRef};

    fn event(id: &str, date: &str) -> Event {
        Event::new(
            id,
            id,
            DateSpec::parse(date).unwrap(),
            &[],
            &DetailsRef::default(),
        )
    }

    fn timeline() -> Timeline {
        Timeline {
            lanes: vec![
                Lane {
                    id: "a".into(),
                    label: "A".into(),
                },
                Lane {
                    id: "b".into(),
                    label: "B".into(),
                },
            ],
            tags: vec![Tag {
                id: "t".into(),
                label: "T".into(),
            }],
            events: vec![event("x", "1990"), event("y", "2000"), event("z", "2010")],
            ..Timeline::default()
        }
    }

    fn ids(t: &Timeline) -> Vec<&str> {
        t.events.iter().map(Event::id).collect()
    }

    #[test]
    fn an_event_goes_to_its_place_in_time_and_undo_takes_it_out() {
        let mut t = timeline();
        let mut known = Ids::of(&t);
        let applied = apply(
            &mut t,
            &mut known,
            Edit::InsertEvent {
                at: None,
                event: event("w", "2000-06"),
            },
        )
        .unwrap();
        assert_eq!(ids(&t), ["x", "y", "w", "z"]);
        assert_eq!(applied.change, Change::EventInserted { at: 2 });
        assert!(known.contains("w"));
        apply(&mut t, &mut known, applied.inverse).unwrap();
        assert_eq!(t, timeline());
        assert!(!known.contains("w"));
    }

    #[test]
    fn a_changed_date_moves_the_event_and_undo_moves_it_back() {
        let mut t = timeline();
        let mut known = Ids::of(&t);
        let applied = apply(
            &mut t,
            &mut known,
            Edit::ReplaceEvent {
                at: 0,
                event: event("x", "2020"),
                to: None,
            },
        )
        .unwrap();
        assert_eq!(ids(&t), ["y", "z", "x"]);
        assert_eq!(applied.change, Change::EventMoved { from: 0, to: 2 });
        apply(&mut t, &mut known, applied.inverse).unwrap();
        assert_eq!(t, timeline());
    }

    #[test]
    fn refused_edits_leave_the_timeline_as_it_was_and_say_why_as_the_loader_does() {
        let mut t = timeline();
        let mut known = Ids::of(&t);
        let cases = [
            (
                Edit::InsertEvent {
                    at: None,
                    event: event("y", "1999"),
                },
                "duplicate id \"y\"",
            ),
            (
                Edit::InsertEvent {
                    at: None,
                    event: event("  ", "1999"),
                },
                "an event has an empty id (ids must have a letter or digit that is not white space)",
            ),
            (
                Edit::InsertLane {
                    at: 0,
                    lane: Lane {
                        id: "b".into(),
                        label: "again".into(),
                    },
                },
                "duplicate lane id \"b\"",
            ),
            (
                Edit::InsertEvent {
                    at: Some(0),
                    event: event("late", "2030"),
                },
                "position 0 would put the event out of chronological order",
            ),
            (
                Edit::RemoveLane { at: 0 },
                "lane \"a\" still holds 3 events or periods: move or delete them first",
            ),
        ];
        for (edit, message) in cases {
            let err = apply(&mut t, &mut known, edit).unwrap_err();
            assert_eq!(err.to_string(), message);
            assert_eq!(t, timeline());
        }
    }

    #[test]
    fn a_refused_batch_undoes_what_it_had_done() {
        let mut t = timeline();
        let mut known = Ids::of(&t);
        let err = apply(
            &mut t,
            &mut known,
            Edit::Batch(vec![
                Edit::RemoveEvent { at: 0 },
                Edit::RemoveEvent { at: 7 },
            ]),
        )
        .unwrap_err();
        assert_eq!(
            err,
            EditError::NoSuch {
                what: "event",
                at: 7
            }
        );
        assert_eq!(t, timeline());
        assert_eq!(known, Ids::of(&t));
    }

    #[test]
    fn lanes_move_and_their_events_follow() {
        let mut t = timeline();
        t.events[2].lane = LaneId(1);
        let mut known = Ids::of(&t);
        let before = t.clone();
        let applied = apply(&mut t, &mut known, Edit::MoveLane { from: 1, to: 0 }).unwrap();
        assert_eq!(t.lanes[0].id, "b");
        assert_eq!(t.events[2].lane, LaneId(0));
        assert_eq!(t.events[0].lane, LaneId(1));
        apply(&mut t, &mut known, applied.inverse).unwrap();
        assert_eq!(t, before);
    }

    #[test]
    fn positions_follow_a_move() {
        assert_eq!(moved_position(0, 0, 2), 2);
        assert_eq!(moved_position(1, 0, 2), 0);
        assert_eq!(moved_position(2, 0, 2), 1);
        assert_eq!(moved_position(3, 0, 2), 3);
        assert_eq!(moved_position(0, 2, 0), 1);
        assert_eq!(moved_position(2, 2, 0), 0);
    }

    #[test]
    fn fresh_ids_are_free() {
        let t = timeline();
        let known = Ids::of(&t);
        assert_eq!(known.fresh("x"), "x-2");
        assert_eq!(known.fresh("new"), "new");
        assert_eq!(known.fresh(" "), "event");
    }
}
