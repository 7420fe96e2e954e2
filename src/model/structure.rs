//! Edits to a timeline's lanes and tags that say what becomes of what is in them: a lane is taken out
//! after its events and periods have gone to another lane or been deleted with it; a tag is taken off its
//! events, which keep everything else, before it goes. Each is one [`Edit::Batch`], one undo step.

use super::edit::Edit;
use super::timeline::{Lane, LaneId, Tag, TagId, Timeline};

/// What becomes of a lane's events and periods when the lane is deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneFate {
    /// They move to the lane at this row (as the rows are before the deletion).
    MoveTo(usize),
    /// They are deleted with it.
    DeleteWith,
}

/// How many events and periods the lane at row `at` holds.
pub fn in_lane(timeline: &Timeline, at: usize) -> (usize, usize) {
    let events = timeline
        .events
        .iter()
        .filter(|e| usize::from(e.lane.0) == at)
        .count();
    let periods = timeline
        .periods
        .iter()
        .filter(|p| p.lane.is_some_and(|l| usize::from(l.0) == at))
        .count();
    (events, periods)
}

/// How many events have the tag at `at`.
pub fn tagged(timeline: &Timeline, at: usize) -> usize {
    let Ok(id) = u16::try_from(at).map(TagId) else {
        return 0;
    };
    timeline.events.iter().filter(|e| e.has_tag(id)).count()
}

/// Deletes the lane at row `at`, its events and periods moved or deleted as `fate` says.
pub fn remove_lane(timeline: &Timeline, at: usize, fate: LaneFate) -> Edit {
    let lane_of = |l: LaneId| usize::from(l.0) == at;
    let mut edits = Vec::new();
    match fate {
        LaneFate::MoveTo(to) => {
            let Ok(to) = u16::try_from(to).map(LaneId) else {
                return Edit::Batch(vec![Edit::RemoveLane { at }]);
            };
            let moves: Vec<(usize, LaneId)> = timeline
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| lane_of(e.lane))
                .map(|(i, _)| (i, to))
                .collect();
            if !moves.is_empty() {
                edits.push(Edit::SetLanes(moves));
            }
            for (i, p) in timeline.periods.iter().enumerate() {
                if p.lane.is_some_and(lane_of) {
                    let mut period = p.clone();
                    period.lane = Some(to);
                    edits.push(Edit::ReplacePeriod {
                        at: i,
                        period,
                        to: Some(i),
                    });
                }
            }
        }
        LaneFate::DeleteWith => {
            // From the last, so each position is still the one it was.
            for (i, _) in timeline
                .events
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, e)| lane_of(e.lane))
            {
                edits.push(Edit::RemoveEvent { at: i });
            }
            for (i, _) in timeline
                .periods
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, p)| p.lane.is_some_and(lane_of))
            {
                edits.push(Edit::RemovePeriod { at: i });
            }
        }
    }
    edits.push(Edit::RemoveLane { at });
    Edit::Batch(edits)
}

/// Deletes the tag at `at`, taking it off the events that have it first.
pub fn remove_tag(timeline: &Timeline, at: usize) -> Edit {
    let Ok(id) = u16::try_from(at).map(TagId) else {
        return Edit::Batch(vec![Edit::RemoveTag { at }]);
    };
    let mut edits: Vec<Edit> = timeline
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.has_tag(id))
        .map(|(i, e)| {
            let tags: Vec<TagId> = e.tags().filter(|&t| t != id).collect();
            Edit::ReplaceEvent {
                at: i,
                event: e.with_tags(&tags),
                to: Some(i),
            }
        })
        .collect();
    edits.push(Edit::RemoveTag { at });
    Edit::Batch(edits)
}

/// An id made from `label`: its words in lower case joined by dashes, at most 60 characters; `fallback`
/// when it has no letter or digit.
pub fn slug(label: &str, fallback: &str) -> String {
    let base: String = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(60)
        .collect();
    if base.is_empty() {
        fallback.to_owned()
    } else {
        base
    }
}

/// An id made from `label` ([`slug`]), free among `taken`.
fn fresh_id(label: &str, taken: &[&str], fallback: &str) -> String {
    let base = slug(label, fallback);
    if !taken.contains(&base.as_str()) {
        return base;
    }
    // Of the next `taken.len() + 1` numbers at least one is free.
    (2..taken.len() + 3)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or(base)
}

/// A new lane named `label`, with an id of its own.
pub fn new_lane(timeline: &Timeline, label: &str) -> Lane {
    Lane {
        id: fresh_id(
            label,
            &timeline
                .lanes
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>(),
            "lane",
        ),
        label: label.to_owned(),
    }
}

/// A new tag named `label`, with an id of its own.
pub fn new_tag(timeline: &Timeline, label: &str) -> Tag {
    Tag {
        id: fresh_id(
            label,
            &timeline
                .tags
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>(),
            "tag",
        ),
        label: label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::{self, Ids};

    fn builtin() -> Timeline {
        crate::formats::builtin().unwrap()
    }

    fn run(timeline: &mut Timeline, edit: Edit) -> Edit {
        let mut ids = Ids::of(timeline);
        edit::apply(timeline, &mut ids, edit).unwrap().inverse
    }

    #[test]
    fn a_deleted_lane_gives_its_events_to_another_and_undo_gives_them_back() {
        let original = builtin();
        let mut t = original.clone();
        let us = t.lanes.iter().position(|l| l.id == "us").unwrap();
        let kz = t.lanes.iter().position(|l| l.id == "kazakhstan").unwrap();
        let (events, _) = in_lane(&t, us);
        let (kz_before, _) = in_lane(&t, kz);
        assert!(events > 0);
        let inverse = run(&mut t, remove_lane(&original, us, LaneFate::MoveTo(kz)));
        assert_eq!(t.lanes.len(), original.lanes.len() - 1);
        assert_eq!(t.events.len(), original.events.len(), "no event lost");
        let kz_now = t.lanes.iter().position(|l| l.id == "kazakhstan").unwrap();
        assert_eq!(in_lane(&t, kz_now).0, kz_before + events);
        run(&mut t, inverse);
        assert_eq!(t, original);
    }

    #[test]
    fn a_lane_deleted_with_its_events_takes_only_those() {
        let original = builtin();
        let mut t = original.clone();
        let at = t.lanes.iter().position(|l| l.id == "central-asia").unwrap();
        let (events, periods) = in_lane(&t, at);
        let inverse = run(&mut t, remove_lane(&original, at, LaneFate::DeleteWith));
        assert_eq!(t.events.len(), original.events.len() - events);
        assert_eq!(t.periods.len(), original.periods.len() - periods);
        run(&mut t, inverse);
        assert_eq!(t, original);
    }

    #[test]
    fn a_deleted_tag_comes_off_its_events_which_keep_the_rest() {
        let original = builtin();
        let mut t = original.clone();
        let at = (0..t.tags.len()).max_by_key(|&i| tagged(&t, i)).unwrap();
        assert!(tagged(&t, at) > 0);
        let inverse = run(&mut t, remove_tag(&original, at));
        assert_eq!(t.tags.len(), original.tags.len() - 1);
        assert_eq!(t.events.len(), original.events.len());
        for (a, b) in t.events.iter().zip(&original.events) {
            assert_eq!((a.id(), a.title(), a.when), (b.id(), b.title(), b.when));
        }
        run(&mut t, inverse);
        assert_eq!(t, original);
    }

    #[test]
    fn new_lanes_and_tags_get_free_ids_from_their_names() {
        let t = builtin();
        assert_eq!(new_lane(&t, "Trade law").id, "trade-law");
        assert_eq!(new_lane(&t, "United States").label, "United States");
        assert_eq!(new_lane(&t, "US").id, "us-2");
        assert_eq!(new_lane(&t, "  ").id, "lane");
        assert_eq!(new_tag(&t, "Қазақстан").id, "қазақстан");
    }
}
