//! vis-timeline data opens as it is: a list of items, or items with their groups; dates at the precision
//! written, ranges as spans, background items as periods, groups as lanes in their order, and every
//! problem at its line and column.

mod common;

use dateline::formats::{self, Format, LoadError};
use dateline::model::{DateSpec, Precision};

fn open(name: &str) -> dateline::model::Timeline {
    formats::load_path(&common::fixture(name)).expect("the vis-timeline file opens")
}

#[test]
fn a_list_of_items_opens_with_each_kind_of_item_and_date() {
    assert_eq!(
        formats::detect(&common::read_fixture("vis-items.json")),
        Ok(Format::VisTimeline)
    );
    let t = open("vis-items.json");
    // No title in the file: the file's name.
    assert_eq!(t.title, "vis-items");
    let by_id = |id: &str| &t.events[t.event_index(id).unwrap_or_else(|| panic!("{id}"))];
    let wto = by_id("1");
    assert_eq!(wto.title(), "Kazakhstan joins the WTO", "HTML made text");
    assert_eq!(wto.when.to_string(), "2015-11-30");
    // A point with a time: the day.
    assert_eq!(by_id("2").when.to_string(), "1975-01-03");
    // A range: a span at the months written, its tooltip the summary.
    let talks = by_id("talks");
    assert!(matches!(talks.when, DateSpec::Interval { .. }));
    assert_eq!(talks.when.to_string(), "1996-01/2015-07");
    assert_eq!(talks.details().summary, "Nineteen years of negotiation");
    // Milliseconds since 1970: the day.
    assert_eq!(by_id("5").when.to_string(), "2015-11-30");
    // A year stays a year: no made-up day.
    assert_eq!(by_id("6").when.precision(), Precision::Year);
    // A background item is a period, not an event.
    assert_eq!(t.periods.len(), 1);
    assert_eq!(t.periods[0].title, "Jackson-Vanik in force");
    assert_eq!(t.periods[0].when.to_string(), "1975/2026");
    assert_eq!(t.events.len(), 5);
    // Without groups, one lane.
    assert_eq!(t.lanes.len(), 1);
}

#[test]
fn groups_become_lanes_in_their_order() {
    let t = open("vis-groups.json");
    let labels: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(
        labels,
        ["United States", "Kazakhstan", "Central Asia", "elsewhere"],
        "ordered by `order`, then as listed; an unknown group gets a lane of its own"
    );
    let lane_of = |id: &str| t.lane_label(t.events[t.event_index(id).unwrap()].lane);
    assert_eq!(lane_of("wto"), "Kazakhstan");
    assert_eq!(lane_of("act"), "United States");
    assert_eq!(lane_of("none"), "elsewhere");
}

#[test]
fn every_problem_is_told_at_its_line_and_column_and_nothing_opens() {
    let text = common::read_fixture("vis-broken.json");
    let path = common::fixture("vis-broken.json");
    let Err(LoadError::Invalid { problems, .. }) = formats::load_str(&text, &path) else {
        panic!("a broken file is refused");
    };
    assert_eq!(problems.len(), 3, "{problems:?}");
    common::assert_problem_at(
        &text,
        &problems,
        "\"next Tuesday\"",
        "is not a date vis-timeline writes",
    );
    common::assert_problem_at(
        &text,
        &problems,
        "\"range\"",
        "is a range but has no \"end\"",
    );
    common::assert_problem_at(&text, &problems, "\"2009-01-01\"", "ends before it starts");
}

#[test]
fn lists_that_are_not_vis_timeline_items_are_refused_in_plain_words() {
    let refused = formats::detect("[1, 2, 3]").unwrap_err();
    assert!(refused.contains("vis-timeline"), "{refused}");
    assert_eq!(formats::detect("[]"), Ok(Format::VisTimeline));
    // Broken JSON gets the reader's position.
    let path = std::path::Path::new("items.json");
    let Err(LoadError::Invalid { problems, .. }) =
        formats::load_str("[{\"content\": \"a\", \"start\": \"2015\"},]", path)
    else {
        panic!("refused");
    };
    assert_eq!(problems[0].position.line, 1);
}

#[test]
fn the_command_line_lists_a_vis_timeline_file() {
    let out = common::dateline(&["list", common::fixture("vis-groups.json").to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let listed = common::text(&out.stdout);
    assert!(
        listed.contains("Kazakhstan becomes a WTO member"),
        "{listed}"
    );
}
