//! What the window derives from the timeline — the index the view draws from, the counts beside the
//! filters, the matches and the event list's rows, the search's folded texts — and how it follows a change:
//! built again after a new timeline or filter, followed event by event after an edit of one event, so an
//! edit on a million events is drawn within a frame.

use super::DatelineApp;
use crate::document::Changed;
use crate::explore::filter::{Counts, Filters};
use crate::explore::follow;
use crate::explore::search::{SearchIndex, fold};
use crate::model::Timeline;
use crate::model::edit::Change;
use crate::view::index::{EventIndex, span_days};
use crate::view::list;
use crate::view::scale::Scale;

impl DatelineApp {
    /// Rebuilds the index and the match list after the filters changed.
    pub(super) fn refilter(&mut self) {
        self.rebuild(false);
    }

    /// Counts the events of a new timeline by lane, tag and kind, and builds its index and match list.
    pub(super) fn recount_and_refilter(&mut self) {
        self.rebuild(true);
    }

    /// Rebuilds the index and the match list, and the counts when `recount`. For a large timeline they are
    /// built side by side on other threads.
    fn rebuild(&mut self, recount: bool) {
        let _ = self.rescale();
        let (filters, timeline, today) = (&self.filters, self.doc.timeline(), self.today);
        let scale = &self.scale;
        let build = || {
            EventIndex::build(timeline, today, scale, |i| {
                filters.keeps(timeline, &timeline.events[i])
            })
        };
        let (query, search) = (&self.query, &mut self.search);
        let (index, (matches, rows), counts) =
            if timeline.events.len() >= crate::view::index::PARALLEL_EVENTS {
                std::thread::scope(|scope| {
                    let index = scope.spawn(build);
                    let counts = recount.then(|| scope.spawn(|| Counts::of(timeline)));
                    let listed = matching(timeline, filters, query, search);
                    let counts = counts.map(|c| c.join().unwrap_or_else(|_| Counts::of(timeline)));
                    (index.join().unwrap_or_else(|_| build()), listed, counts)
                })
            } else {
                let counts = recount.then(|| Counts::of(timeline));
                (build(), matching(timeline, filters, query, search), counts)
            };
        self.index = index;
        if let Some(counts) = counts {
            self.counts = counts;
        }
        self.set_matches(matches, rows);
    }

    /// The scale the timeline should be drawn on now: its story scale when that is asked for, else linear.
    fn wanted_scale(&self) -> Scale {
        if self.story_scale {
            story_scale_of(self.doc.timeline(), self.today)
        } else {
            Scale::linear()
        }
    }

    /// Takes the scale the timeline should be drawn on, keeping the range in view (which is kept in view
    /// days) on the same times; returns whether the scale changed.
    fn rescale(&mut self) -> bool {
        let scale = self.wanted_scale();
        if scale == self.scale {
            return false;
        }
        let moved = |r: (f64, f64)| scale.span_to_view(self.scale.span_to_days(r));
        // The plot keeps its own bounds from frame to frame: it is told the moved range.
        self.pending_range = self.pending_range.or(self.view_range).map(moved);
        self.view_range = self.view_range.map(moved);
        self.scale = scale;
        true
    }

    /// Turns the scale for stories on or off, keeping the times in view (fitting all when turned on, so
    /// the whole story is seen at once).
    pub(super) fn set_story_scale(&mut self, on: bool) {
        if self.story_scale == on {
            return;
        }
        self.story_scale = on;
        self.refilter();
        if on {
            self.pending_range = Some(self.fit_range());
        }
    }

    /// Finds the matches again after the query changed.
    pub(super) fn rematch(&mut self) {
        let (matches, rows) = matching(
            self.doc.timeline(),
            &self.filters,
            &self.query,
            &mut self.search,
        );
        self.set_matches(matches, rows);
    }

    pub(super) fn set_matches(&mut self, matches: Vec<usize>, rows: Vec<list::ListRow>) {
        self.matches_generation += 1;
        self.matches = matches;
        self.list_rows = rows;
    }

    /// Follows a change of one event in what is derived from the timeline, without building it again;
    /// returns false (and changes nothing) when the change was not of one event.
    pub(super) fn follow_one_event(&mut self, changed: &Changed) -> bool {
        let (removed, inserted) = match changed.change {
            Change::EventMoved { from, to } => (Some(from), Some(to)),
            Change::EventInserted { at } => (None, Some(at)),
            Change::EventRemoved { at } => (Some(at), None),
            Change::Other => return false,
        };
        if removed.is_some() != changed.before.is_some()
            || inserted.is_some_and(|i| i >= self.doc.timeline().events.len())
        {
            return false;
        }
        // An event moved into or out of a long empty stretch changes the story scale: all is placed anew
        // (the scale is taken now, so the rebuild finds it as it should be).
        if self.story_scale && self.rescale() {
            return false;
        }
        let timeline = self.doc.timeline();
        let (filters, today) = (&self.filters, self.today);
        let keeps = |i: usize| filters.keeps(timeline, &timeline.events[i]);
        self.index
            .follow(timeline, today, &self.scale, keeps, removed, inserted);
        if let Some(before) = &changed.before {
            self.counts.count(before, false);
        }
        let new = inserted.map(|i| (i, &timeline.events[i]));
        if let Some((_, event)) = new {
            self.counts.count(event, true);
        }
        if let Some(search) = &mut self.search {
            search.follow(removed, new);
        }
        let q = fold(&self.query);
        let shown = inserted.is_some_and(|i| {
            keeps(i)
                && (q.is_empty()
                    || self
                        .search
                        .get_or_insert_with(|| SearchIndex::build(timeline))
                        .matches(i, &q))
        });
        let mut matches = std::mem::take(&mut self.matches);
        follow::follow(&mut matches, removed, inserted, shown);
        let mut rows = std::mem::take(&mut self.list_rows);
        list::follow(&mut rows, timeline, removed, inserted, shown);
        self.set_matches(matches, rows);
        true
    }
}

/// The story scale of all of `timeline`'s events (filters do not change it, so the view does not jump
/// while filtering). A period's start and end count too (as a day each), so an era that begins long
/// before the first event does not stretch the view: its empty beginning is compressed like any gap.
pub fn story_scale_of(timeline: &Timeline, today: chrono::NaiveDate) -> Scale {
    let events = timeline
        .events
        .iter()
        .map(|e| span_days(e.when.covered(today)));
    let period_ends = timeline.periods.iter().flat_map(|p| {
        let (s, e) = span_days(p.when.covered(today));
        [(s, s + 1.0), (e - 1.0, e)]
    });
    Scale::story(events.chain(period_ends))
}

/// The events the filters keep that match `query` (all kept events when it is empty), in time order, and
/// the event list's rows for them. The search index is built on first use.
fn matching(
    timeline: &Timeline,
    filters: &Filters,
    query: &str,
    search: &mut Option<SearchIndex>,
) -> (Vec<usize>, Vec<list::ListRow>) {
    let q = fold(query);
    let kept = |i: usize| filters.keeps(timeline, &timeline.events[i]);
    let matches: Vec<usize> = if q.is_empty() {
        (0..timeline.events.len()).filter(|&i| kept(i)).collect()
    } else {
        let search = search.get_or_insert_with(|| SearchIndex::build(timeline));
        (0..timeline.events.len())
            .filter(|&i| kept(i) && search.matches(i, &q))
            .collect()
    };
    let rows = list::rows(timeline, &matches);
    (matches, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::command::Command;
    use crate::model::DateSpec;
    use chrono::NaiveDate;

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();

    /// What the app derived, beside what building it all again gives.
    fn assert_as_built(app: &mut DatelineApp, step: &str) {
        let (index, counts, matches, rows) = (
            app.index.clone(),
            app.counts.clone(),
            app.matches.clone(),
            app.list_rows.clone(),
        );
        app.search = None;
        app.recount_and_refilter();
        assert_eq!(index.lanes, app.index.lanes, "{step}");
        assert_eq!(index.extent, app.index.extent, "{step}");
        assert_eq!(counts, app.counts, "{step}");
        assert_eq!(matches, app.matches, "{step}");
        assert_eq!(rows, app.list_rows, "{step}");
    }

    #[test]
    fn under_the_story_scale_edits_that_open_or_close_a_gap_place_all_anew() {
        let mut app = DatelineApp::builtin(TODAY).unwrap();
        app.apply(Command::SetStoryScale(true));
        assert!(!app.scale.is_linear(), "the article has a long gap");
        let mut rng = fastrand::Rng::with_seed(5);
        for step in 0..60 {
            let n = app.doc.timeline().events.len();
            let at = rng.usize(0..n);
            app.apply(Command::Select(Some(at)));
            match rng.u8(0..4) {
                0 => app.apply(Command::Undo),
                1 => app.apply(Command::Redo),
                _ => {
                    // Into the long gap, far beyond the ends, or back among the others.
                    let year = [1950, 1985, 1990, 2010, 2300][rng.usize(0..5)];
                    let mut moved = app.doc.timeline().events[at].clone();
                    moved.when = DateSpec::parse(&year.to_string()).unwrap();
                    app.apply(Command::ReplaceEvent {
                        at,
                        event: Box::new(moved),
                        name: "move".to_owned(),
                    });
                }
            }
            let scale = app.scale.clone();
            assert_as_built(&mut app, &format!("step {step}"));
            assert_eq!(
                scale, app.scale,
                "step {step}: the scale follows the events"
            );
            assert_eq!(
                app.scale,
                story_scale_of(app.doc.timeline(), TODAY),
                "step {step}"
            );
        }
    }

    #[test]
    fn edits_of_one_event_are_followed_as_a_rebuild_would_have_it() {
        let timeline = crate::generate::generate(2_000, 4);
        let mut app = DatelineApp::new(timeline, None, TODAY);
        // A search and a filter narrow what is shown.
        app.query = "a".to_owned();
        let mut filters = app.filters.clone();
        filters.toggle_lane(&app.doc.timeline().lanes[1].id.clone());
        app.apply(Command::SetFilters(filters));
        let mut rng = fastrand::Rng::with_seed(21);
        for step in 0..150 {
            let n = app.doc.timeline().events.len();
            let at = rng.usize(0..n);
            app.apply(Command::Select(Some(at)));
            match rng.u8(0..5) {
                0 => app.apply(Command::DeleteSelected),
                1 => app.apply(Command::DuplicateSelected),
                2 => app.apply(Command::Undo),
                3 => app.apply(Command::Redo),
                _ => {
                    let event = &app.doc.timeline().events[at];
                    let year = 1800 + rng.i32(0..300);
                    let mut moved = event.clone();
                    moved.when = DateSpec::parse(&year.to_string()).unwrap();
                    moved.lane =
                        crate::model::LaneId(rng.u16(0..app.doc.timeline().lanes.len() as u16));
                    app.apply(Command::ReplaceEvent {
                        at,
                        event: Box::new(moved),
                        name: "move".to_owned(),
                    });
                }
            }
            assert_as_built(&mut app, &format!("step {step}"));
        }
    }
}
