//! Titles of ten megabytes: the timeline cuts every text it draws or names to the room it has before
//! anything lays it out, so a frame costs what the screen shows, not what the file holds.

mod common;
use common::TODAY;

use dateline::model::date::days_from_epoch;
use dateline::model::{Event, Timeline};
use dateline::view::index::EventIndex;
use dateline::view::mapping;
use dateline::view::timeline::{TimelineView, timeline_ui};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

/// What the long titles repeat.
const WORDS: &str = "Kazakhstan joins the WTO ";
/// Ten megabytes.
const LONG: usize = 10 * 1024 * 1024;
/// The longest text the timeline may hand to egui or to a screen reader in these tests: a long line.
const MOST_BYTES: usize = 2_000;

/// `WORDS` repeated to ten megabytes.
fn long_text() -> String {
    WORDS.repeat(LONG / WORDS.len())
}

/// A timeline whose lane, period and events all have ten-megabyte names: one event alone, and two a day
/// apart that merge into a cluster when the view shows decades.
fn long_timeline() -> Timeline {
    let mut timeline = dateline::formats::load_str(
        r#"{"title": "Long", "lanes": [{"id": "a", "label": "A"}],
            "periods": [{"id": "p", "title": "P", "date": "1990/2010"}],
            "events": [
                {"id": "alone", "title": "x", "date": "1975-06-01", "lane": "a"},
                {"id": "one", "title": "x", "date": "2015-11-30", "lane": "a"},
                {"id": "two", "title": "x", "date": "2015-12-01", "lane": "a"}
            ]}"#,
        std::path::Path::new("long.json"),
    )
    .expect("the timeline loads");
    let long = long_text();
    for event in &mut timeline.events {
        let tags: Vec<_> = event.tags().collect();
        let mut renamed = Event::new(event.id(), &long, event.when, &tags, &event.details_ref());
        renamed.lane = event.lane;
        renamed.status = event.status;
        renamed.provenance = event.provenance;
        *event = renamed;
    }
    timeline.lanes[0].label.clone_from(&long);
    timeline.periods[0].title = long;
    timeline
}

/// Collects the texts of `shape` and the shapes inside it.
fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
    match shape {
        egui::Shape::Text(text) => out.push(text.galley.job.text.clone()),
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
        _ => {}
    }
}

/// Every text in the last frame's output: what screen readers are told, and what was handed to egui to
/// lay out and paint (the shapes not already baked into meshes).
fn texts_of(h: &Harness<'_>) -> Vec<String> {
    let mut texts: Vec<String> = h
        .query_all_by(|_| true)
        .flat_map(|node| [node.accesskit_node().label(), node.value()])
        .flatten()
        .collect();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut texts);
    }
    texts
}

#[test]
fn a_ten_megabyte_title_is_cut_to_its_room_before_it_is_laid_out() {
    let timeline = long_timeline();
    let index = EventIndex::build(
        &timeline,
        TODAY,
        &dateline::view::scale::Scale::linear(),
        |_| true,
    );
    let (s, e) = index.extent.expect("events");
    let range = mapping::fit_range(s, e);
    let today_days = days_from_epoch(TODAY) as f64;
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui(|ui| {
            let view = TimelineView {
                timeline: &timeline,
                index: &index,
                selected: None,
                highlight: None,
                highlight_key: 0,
                today_days,
                set_range: Some(range),
                draft_tag: None,
                scale: &dateline::view::scale::Scale::linear(),
                take_focus: false,
            };
            timeline_ui(ui, &view, &mut Vec::new());
        });
    h.ctx
        .all_styles_mut(|style| style.interaction.tooltip_delay = 0.0);
    h.run();

    let texts = texts_of(&h);
    let longest = texts.iter().map(String::len).max().unwrap_or(0);
    assert!(longest <= MOST_BYTES, "a text of {longest} bytes");
    // The lone event's label is there, cut with an ellipsis (the cluster's, as wide as the view, would
    // have its leader cross it, and shows on hover); so are the lane's name and the marks' names.
    assert!(
        h.query_all_by_label_contains(WORDS)
            .filter_map(|n| n.accesskit_node().label())
            .any(|l| l.starts_with(WORDS) && l.ends_with('…'))
    );
    assert!(
        h.query_all_by_label_contains(WORDS).count() >= 3,
        "{:?}",
        texts
            .iter()
            .map(|t| &t[..t.len().min(40)])
            .collect::<Vec<_>>()
    );

    // Hovering the lone event's label shows its tooltip, cut too.
    let alone = h
        .query_all_by_label_contains(WORDS)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| !l.contains("more") && !l.starts_with("Lane"))
        })
        .expect("the lone event's label")
        .rect();
    h.hover_at(alone.center());
    h.run();
    let texts = texts_of(&h);
    let longest = texts.iter().map(String::len).max().unwrap_or(0);
    assert!(
        longest <= MOST_BYTES,
        "a text of {longest} bytes after hovering"
    );
    let tooltip_lines = texts
        .iter()
        .filter(|t| t.starts_with(WORDS) && t.ends_with('…') && t.len() > 200)
        .count();
    assert!(tooltip_lines >= 1, "the tooltip names the event at length");
}
