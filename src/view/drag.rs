//! Dragging an event on the timeline: which part of it the pointer took hold of, and what the event
//! becomes as the pointer moves. Pure, so it is tested without a window; the timeline only feeds it the
//! pointer and sends the app what it returns.

use crate::model::shift::Part;
use crate::model::{DateSpec, Event, LaneId};

/// How near (in points) to a span's end the pointer takes hold of that end instead of the whole span.
pub const EDGE: f32 = 5.0;

/// A drag under way: the event as it was when taken hold of, where, and what was last sent.
#[derive(Clone, Debug)]
pub struct Grab {
    /// The event as it was before the drag.
    pub original: Event,
    /// What the drag moves.
    pub part: Part,
    /// The day under the pointer when the drag began (days since 1970-01-01).
    pub start_day: f64,
    /// Tells this drag from the next, so its steps are one undo step.
    pub drag: u64,
    /// The date and lane last sent, so each is sent once.
    pub last: (DateSpec, LaneId),
}

impl Grab {
    /// Takes hold of `event`'s `part` at `day`.
    pub fn new(event: Event, part: Part, day: f64, drag: u64) -> Self {
        let last = (event.when, event.lane);
        Self {
            original: event,
            part,
            start_day: day,
            drag,
            last,
        }
    }

    /// The event moved by the pointer now at `day`, over `lane` (the lane under the pointer, when it is
    /// over one), when that differs from what was last sent. Only a whole event changes lane.
    pub fn moved(&mut self, day: f64, lane: Option<LaneId>) -> Option<Event> {
        let when = self
            .original
            .when
            .dragged(self.part, day - self.start_day)
            .unwrap_or(self.original.when);
        let lane = match (self.part, lane) {
            (Part::Whole, Some(lane)) => lane,
            _ => self.original.lane,
        };
        if (when, lane) == self.last {
            return None;
        }
        self.last = (when, lane);
        let mut event = self.original.clone();
        event.when = when;
        event.lane = lane;
        Some(event)
    }
}

/// The part of an event the pointer at `x` takes hold of: a span's start or end when it is within
/// [`EDGE`] of it (and the bar is wide enough to tell its ends from its middle), else all of it. A span
/// with an open or unknown end is held by its start or as a whole.
pub fn part_at(when: &DateSpec, x: f32, start_x: f32, end_x: f32) -> Part {
    if !when.is_span() || end_x - start_x < 3.0 * EDGE {
        return Part::Whole;
    }
    let has_start = matches!(when, DateSpec::Interval { start: Some(_), .. });
    if has_start && (x - start_x).abs() <= EDGE {
        Part::Start
    } else if when.end_date().is_some() && (x - end_x).abs() <= EDGE {
        Part::End
    } else {
        Part::Whole
    }
}

/// The lane at height `y`, of `lanes` lanes `lane_height` tall from `top`.
pub fn lane_at(y: f32, top: f32, lane_height: f32, lanes: usize) -> Option<LaneId> {
    if y < top || lane_height <= 0.0 {
        return None;
    }
    let i = ((y - top) / lane_height).floor() as usize;
    (i < lanes)
        .then(|| u16::try_from(i).ok().map(LaneId))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DetailsRef;

    fn event(date: &str) -> Event {
        Event::new(
            "e",
            "An event",
            DateSpec::parse(date).unwrap(),
            &[],
            &DetailsRef::default(),
        )
    }

    #[test]
    fn a_drag_sends_each_new_date_and_lane_once() {
        let mut grab = Grab::new(event("1974"), Part::Whole, 1000.0, 1);
        assert!(
            grab.moved(1100.0, Some(LaneId(0))).is_none(),
            "not yet half a year"
        );
        let moved = grab.moved(1000.0 + 370.0, Some(LaneId(0))).unwrap();
        assert_eq!(moved.when, DateSpec::parse("1975").unwrap());
        assert!(
            grab.moved(1000.0 + 380.0, Some(LaneId(0))).is_none(),
            "still 1975"
        );
        let moved = grab.moved(1000.0 + 380.0, Some(LaneId(2))).unwrap();
        assert_eq!(
            (moved.when, moved.lane),
            (DateSpec::parse("1975").unwrap(), LaneId(2))
        );
        // Back where it began: the original date again.
        let back = grab.moved(1000.0, None).unwrap();
        assert_eq!(back.when, DateSpec::parse("1974").unwrap());
        assert_eq!(back.lane, LaneId(0), "off the lanes, it keeps its lane");
    }

    #[test]
    fn an_end_of_a_span_is_held_near_it_and_moves_alone() {
        let span = DateSpec::parse("1939/1945").unwrap();
        assert_eq!(part_at(&span, 102.0, 100.0, 200.0), Part::Start);
        assert_eq!(part_at(&span, 197.0, 100.0, 200.0), Part::End);
        assert_eq!(part_at(&span, 150.0, 100.0, 200.0), Part::Whole);
        assert_eq!(
            part_at(&span, 101.0, 100.0, 108.0),
            Part::Whole,
            "too narrow"
        );
        let open = DateSpec::parse("2025-01-21/..").unwrap();
        assert_eq!(part_at(&open, 199.0, 100.0, 200.0), Part::Whole);
        let mut grab = Grab::new(event("1939/1945"), Part::End, 0.0, 1);
        let moved = grab.moved(730.0, Some(LaneId(3))).unwrap();
        assert_eq!(moved.when, DateSpec::parse("1939/1947").unwrap());
        assert_eq!(moved.lane, LaneId(0), "an end's drag keeps the lane");
    }

    #[test]
    fn lanes_are_found_by_height() {
        assert_eq!(lane_at(10.0, 20.0, 50.0, 3), None);
        assert_eq!(lane_at(20.0, 20.0, 50.0, 3), Some(LaneId(0)));
        assert_eq!(lane_at(125.0, 20.0, 50.0, 3), Some(LaneId(2)));
        assert_eq!(lane_at(171.0, 20.0, 50.0, 3), None);
    }
}
