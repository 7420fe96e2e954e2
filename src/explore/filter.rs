//! Filters: which lanes, tags, statuses and provenances are shown. Stored by id so they survive a reload.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Event, Provenance, Status, Timeline};

/// What is hidden. The default hides nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Lane ids hidden.
    pub hidden_lanes: BTreeSet<String>,
    /// Tag ids hidden; an event is hidden when it has tags and all of them are hidden.
    pub hidden_tags: BTreeSet<String>,
    /// Hide planned events (plans and targets).
    pub hide_planned: bool,
    /// Hide events that occurred (and ongoing ones).
    pub hide_occurred: bool,
    /// Show only what the article itself states (hide context, and events whose file does not say).
    pub article_only: bool,
}

impl Filters {
    /// Whether anything is hidden.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    /// Whether `event` passes the filters.
    pub fn keeps(&self, timeline: &Timeline, event: &Event) -> bool {
        if self.article_only && event.provenance != Provenance::Article {
            return false;
        }
        match event.status {
            Status::Planned if self.hide_planned => return false,
            Status::Occurred | Status::Ongoing if self.hide_occurred => return false,
            _ => {}
        }
        if !self.hidden_lanes.is_empty() {
            let lane = timeline
                .lanes
                .get(usize::from(event.lane.0))
                .map_or("", |l| l.id.as_str());
            if self.hidden_lanes.contains(lane) {
                return false;
            }
        }
        if !self.hidden_tags.is_empty() && event.tags().len() > 0 {
            let all_hidden = event
                .tags()
                .all(|t| self.hidden_tags.contains(timeline.tag_id(t)));
            if all_hidden {
                return false;
            }
        }
        true
    }

    /// Shows or hides a lane.
    pub fn toggle_lane(&mut self, id: &str) {
        toggle(&mut self.hidden_lanes, id);
    }

    /// Shows or hides a tag.
    pub fn toggle_tag(&mut self, id: &str) {
        toggle(&mut self.hidden_tags, id);
    }
}

fn toggle(set: &mut BTreeSet<String>, id: &str) {
    if !set.remove(id) {
        set.insert(id.to_owned());
    }
}

/// How many events each lane, tag, status and provenance has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per lane, in the timeline's order.
    pub lanes: Vec<usize>,
    /// Per tag, in the timeline's order.
    pub tags: Vec<usize>,
    /// Planned events.
    pub planned: usize,
    /// Events that occurred or are ongoing.
    pub occurred: usize,
    /// Events from the article.
    pub article: usize,
    /// Context events.
    pub context: usize,
    /// Events whose file does not say where they came from.
    pub unstated: usize,
}

impl Counts {
    /// Counts every event of `timeline`.
    pub fn of(timeline: &Timeline) -> Self {
        let mut c = Self {
            lanes: vec![0; timeline.lanes.len()],
            tags: vec![0; timeline.tags.len()],
            ..Self::default()
        };
        for e in &timeline.events {
            c.count(e, true);
        }
        c
    }

    /// Counts `event` in (`add`) or out (not `add`): how the counts follow one event's change without a
    /// pass over the others.
    pub fn count(&mut self, e: &Event, add: bool) {
        let step = |n: &mut usize| {
            *n = if add { *n + 1 } else { n.saturating_sub(1) };
        };
        if let Some(n) = self.lanes.get_mut(usize::from(e.lane.0)) {
            step(n);
        }
        for t in e.tags() {
            if let Some(n) = self.tags.get_mut(usize::from(t.0)) {
                step(n);
            }
        }
        match e.status {
            Status::Planned => step(&mut self.planned),
            _ => step(&mut self.occurred),
        }
        match e.provenance {
            Provenance::Article => step(&mut self.article),
            Provenance::Context => step(&mut self.context),
            Provenance::Unstated => step(&mut self.unstated),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_filter_hides_and_restores_the_right_events() {
        let t = crate::formats::builtin().unwrap();
        let shown = |f: &Filters| t.events.iter().filter(|e| f.keeps(&t, e)).count();
        let all = t.events.len();
        let mut f = Filters::default();
        assert_eq!(shown(&f), all);

        f.article_only = true;
        let counts = Counts::of(&t);
        assert_eq!(shown(&f), counts.article);
        assert!(
            t.events
                .iter()
                .filter(|e| f.keeps(&t, e))
                .all(|e| e.provenance == Provenance::Article)
        );
        f.article_only = false;

        f.toggle_lane("us");
        assert_eq!(
            shown(&f),
            all - counts.lanes[t.lanes.iter().position(|l| l.id == "us").unwrap()]
        );
        f.toggle_lane("us");
        assert_eq!(shown(&f), all);

        f.hide_planned = true;
        assert_eq!(shown(&f), all - counts.planned);
        f = Filters::default();
        for tag in &t.tags {
            f.toggle_tag(&tag.id);
        }
        let untagged = t.events.iter().filter(|e| e.tags().len() == 0).count();
        assert_eq!(shown(&f), untagged);
        assert!(f.is_active());
    }

    #[test]
    fn only_what_the_article_states_leaves_out_events_whose_file_does_not_say() {
        let t = crate::formats::load_str(
            r#"{"title": "t", "events": [
                {"id": "a", "title": "A", "date": "2001", "provenance": "article"},
                {"id": "c", "title": "C", "date": "2002", "provenance": "context"},
                {"id": "u", "title": "U", "date": "2003"}
            ]}"#,
            std::path::Path::new("t.json"),
        )
        .unwrap();
        let counts = Counts::of(&t);
        assert_eq!((counts.article, counts.context, counts.unstated), (1, 1, 1));
        let f = Filters {
            article_only: true,
            ..Filters::default()
        };
        let kept: Vec<&str> = t
            .events
            .iter()
            .filter(|e| f.keeps(&t, e))
            .map(Event::id)
            .collect();
        assert_eq!(kept, ["a"]);
    }
}
