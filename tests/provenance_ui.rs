//! Imported events claim no provenance: the details panel shows no badge for them, and the legend offers
//! no "with context" toggle for a timeline that says nothing about where its events came from.

mod common;
use common::{TODAY, fixture};

use dateline::app::DatelineApp;
use dateline::app::command::Command;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn an_imported_event_shows_no_provenance_badge_and_no_context_toggle() {
    let timeline = dateline::formats::load_path(&fixture("timelinejs.json")).unwrap();
    let summary = timeline.events[0].details().summary;
    assert!(!summary.is_empty());
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::new(timeline, None, TODAY));
    h.run();
    h.state_mut().apply(Command::Select(Some(0)));
    h.run();
    assert_eq!(h.state().selected(), Some(0));
    assert!(
        h.query_by_label(&summary).is_some(),
        "the details panel shows the event"
    );
    assert!(h.query_by_label("FROM THE ARTICLE").is_none());
    assert!(h.query_by_label("CONTEXT").is_none());
    assert!(h.query_by_label_contains("With context").is_none());
}
