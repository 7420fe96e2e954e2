//! What the timeline says to assistive technology, in words: the name of an event's node, of a cluster's,
//! of the plot (what it shows), of a period, and a range of days as a person would say it. Pure, so what a
//! screen reader hears is tested without a window.

use super::elide;
use crate::model::Day;
use crate::model::date::{month_name, year_words};
use crate::model::{Provenance, Status, TagId, Timeline};

/// The most characters of a title a node's name carries.
const TITLE_CHARS: usize = 200;
/// How many titles a cluster's name lists before saying how many more it holds.
const CLUSTER_TITLES: usize = 3;

/// An event's accessible name: "title, date in words, lane, status", as in "Kazakhstan becomes a WTO
/// member, 30 November 2015, Kazakhstan, from the article". The status says where it came from (when the
/// file says), whether it is planned or ongoing, and whether it is a draft not yet reviewed.
pub fn event_name(timeline: &Timeline, i: usize, draft_tag: Option<TagId>) -> String {
    let Some(e) = timeline.events.get(i) else {
        return String::new();
    };
    let mut parts = vec![
        elide::one_line(e.title(), TITLE_CHARS).into_owned(),
        e.when.spoken(),
    ];
    let lane = timeline.lane_label(e.lane);
    if !lane.is_empty() {
        parts.push(elide::one_line(lane, TITLE_CHARS).into_owned());
    }
    match e.provenance {
        Provenance::Article => parts.push("from the article".to_owned()),
        Provenance::Context => parts.push("context".to_owned()),
        Provenance::Unstated => {}
    }
    match e.status {
        Status::Planned => parts.push("planned".to_owned()),
        Status::Ongoing => parts.push("ongoing".to_owned()),
        Status::Occurred => {}
    }
    if draft_tag.is_some_and(|t| e.tags().any(|x| x == t)) {
        parts.push("draft, not reviewed".to_owned());
    }
    parts.join(", ")
}

/// A cluster's accessible name: its count, its range in words and its first titles, as in "Cluster of 5
/// events, 1991 to 2001: A; B; C; and 2 more". `events` are the cluster's events in time order (only the
/// first few are read); `range_days` is its span in days since 1970-01-01.
pub fn cluster_name(
    timeline: &Timeline,
    count: usize,
    range_days: (f64, f64),
    events: impl IntoIterator<Item = usize>,
) -> String {
    let titles: Vec<String> = events
        .into_iter()
        .filter_map(|i| timeline.events.get(i))
        .take(CLUSTER_TITLES)
        .map(|e| elide::one_line(e.title(), 80).into_owned())
        .collect();
    let mut name = format!(
        "Cluster of {} events, {}",
        super::timeline::format_count(count),
        range_words(range_days.0, range_days.1)
    );
    if !titles.is_empty() {
        name.push_str(": ");
        name.push_str(&titles.join("; "));
        let more = count.saturating_sub(titles.len());
        if more > 0 {
            name.push_str("; and ");
            name.push_str(&super::timeline::format_count(more));
            name.push_str(" more");
        }
    }
    name
}

/// The plot's accessible name: what it shows, as in "Timeline, 17 events, 1943 to 2036".
pub fn timeline_name(shown: usize, range_days: (f64, f64)) -> String {
    let events = match shown {
        1 => "1 event".to_owned(),
        n => format!("{} events", super::timeline::format_count(n)),
    };
    format!(
        "Timeline, {events}, {}",
        range_words(range_days.0, range_days.1)
    )
}

/// What a zoom or pan announces: "Showing 1943 to 2036".
pub fn showing_words(range_days: (f64, f64)) -> String {
    format!("Showing {}", range_words(range_days.0, range_days.1))
}

/// A period's accessible name: "Period: Cold War, from 1947 to 1991".
pub fn period_name(label: &str, when: &crate::model::date::DateSpec) -> String {
    format!(
        "Period: {}, {}",
        elide::one_line(label, TITLE_CHARS),
        when.describe()
    )
}

/// A range of days (since 1970-01-01, end exclusive) in words, at the precision its length asks for:
/// years for a range of years ("1943 to 2036"), months for months ("March 2015 to June 2016"), days for
/// days ("3 June 2015 to 9 June 2015"); one unit when both ends fall in it ("2015", "June 2015").
pub fn range_words(start_days: f64, end_days: f64) -> String {
    let (a, b) = if start_days <= end_days {
        (start_days, end_days)
    } else {
        (end_days, start_days)
    };
    if !a.is_finite() || !b.is_finite() {
        return "a range beyond the calendar".to_owned();
    }
    let first = Day::containing(a);
    let last = Day::containing(b.ceil() - 1.0).max(first);
    let length = b - a;
    let words = |d: Day, unit: Unit| {
        let (year, month, day) = d.ymd();
        match unit {
            Unit::Year => year_words(year),
            Unit::Month => format!("{} {}", month_name(month), year_words(year)),
            Unit::Day => format!("{day} {} {}", month_name(month), year_words(year)),
        }
    };
    let unit = if length > 3.0 * 365.25 {
        Unit::Year
    } else if length > 90.0 {
        Unit::Month
    } else {
        Unit::Day
    };
    let (s, e) = (words(first, unit), words(last, unit));
    if s == e { s } else { format!("{s} to {e}") }
}

#[derive(Clone, Copy)]
enum Unit {
    Year,
    Month,
    Day,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::days_from_epoch;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> f64 {
        days_from_epoch(NaiveDate::from_ymd_opt(y, m, d).unwrap()) as f64
    }

    #[test]
    fn ranges_are_said_at_the_precision_of_their_length() {
        assert_eq!(
            range_words(day(1943, 3, 1), day(2036, 6, 1)),
            "1943 to 2036"
        );
        assert_eq!(
            range_words(day(2015, 3, 4), day(2016, 6, 20)),
            "March 2015 to June 2016"
        );
        assert_eq!(
            range_words(day(2015, 6, 3), day(2015, 6, 10)),
            "3 June 2015 to 9 June 2015"
        );
        assert_eq!(range_words(day(2015, 6, 3), day(2015, 6, 4)), "3 June 2015");
        assert_eq!(
            range_words(day(-500, 1, 1), day(-100, 1, 1)),
            "501 BCE to 102 BCE"
        );
        // Backwards ends are put in order; no range panics.
        assert_eq!(
            range_words(day(2036, 6, 1), day(1943, 3, 1)),
            "1943 to 2036"
        );
        assert_eq!(range_words(f64::NAN, 3.0), "a range beyond the calendar");
        assert_eq!(
            range_words(f64::NEG_INFINITY, 3.0),
            "a range beyond the calendar"
        );
        // Deep time is said as a reader of it expects.
        let big_bang = crate::model::Day::year_start(-13_800_000_000).days();
        assert_eq!(
            range_words(big_bang, day(1969, 7, 21)),
            "13.8 billion years ago to 1969"
        );
        assert_eq!(
            range_words(-1e300, 1e300),
            "3.083 trillion years ago to 3.083 trillion CE"
        );
    }

    #[test]
    fn the_plot_says_what_it_shows() {
        assert_eq!(
            timeline_name(17, (day(1943, 1, 1), day(2037, 1, 1))),
            "Timeline, 17 events, 1943 to 2036"
        );
        assert_eq!(
            timeline_name(1, (day(2015, 1, 1), day(2015, 1, 2))),
            "Timeline, 1 event, 1 January 2015"
        );
        assert_eq!(
            showing_words((day(1990, 1, 1), day(2001, 1, 1))),
            "Showing 1990 to 2000"
        );
    }

    #[test]
    fn an_event_is_named_by_title_date_lane_and_status() {
        let timeline = crate::formats::builtin().expect("the built-in dataset loads");
        let wto = timeline
            .events
            .iter()
            .position(|e| e.title().contains("WTO") && e.when.short_label() == "30 Nov 2015")
            .expect("the WTO entry is in the built-in dataset");
        let name = event_name(&timeline, wto, None);
        assert!(name.contains(", 30 November 2015, "), "{name}");
        assert!(
            name.ends_with("from the article") || name.ends_with("context"),
            "{name}"
        );
        let lane = timeline.lane_label(timeline.events[wto].lane);
        assert!(name.contains(lane), "{name}");
        // A planned event says so.
        let planned = timeline
            .events
            .iter()
            .position(|e| e.status == Status::Planned)
            .expect("the built-in dataset has a target");
        assert!(event_name(&timeline, planned, None).ends_with("planned"));
        // Out of range: nothing, no panic.
        assert_eq!(event_name(&timeline, usize::MAX, None), "");
    }

    #[test]
    fn a_cluster_names_its_count_range_and_first_titles() {
        let timeline = crate::formats::builtin().expect("the built-in dataset loads");
        let name = cluster_name(&timeline, 5, (day(1991, 1, 1), day(2002, 1, 1)), 0..5);
        assert!(
            name.starts_with("Cluster of 5 events, 1991 to 2001: "),
            "{name}"
        );
        assert!(name.contains(timeline.events[0].title()), "{name}");
        assert!(name.ends_with("; and 2 more"), "{name}");
        let two = cluster_name(&timeline, 2, (day(1991, 1, 1), day(2002, 1, 1)), 0..2);
        assert!(!two.contains("more"), "{two}");
    }
}
