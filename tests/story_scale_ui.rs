//! The scale for stories in the window: S (or View → Scale for stories) compresses the built-in dataset's
//! long empty stretch into a marked break, events are still clicked, the times in view survive turning it
//! on and off, and it is remembered — headless, through `egui_kittest`.

mod common;

use common::{TODAY, harness};
use dateline::app::DatelineApp;
use dateline::app::persist::ThemeChoice;
use dateline::model::date::days_from_epoch;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn day(y: i32, m: u32, d: u32) -> f64 {
    days_from_epoch(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()) as f64
}

/// The shown events' screen x, from their accessible nodes (`title, date`).
fn x_of(h: &Harness<'_, DatelineApp>, title: &str) -> f32 {
    h.get_by_label_contains(&format!("{title}, "))
        .rect()
        .center()
        .x
}

#[test]
fn s_compresses_the_long_gap_into_a_marked_break_and_events_still_click() {
    let mut h = harness();
    assert!(!h.state().story_scale());
    assert!(
        h.query_by_label_contains("A break in the scale").is_none(),
        "the linear scale has no break"
    );
    let linear_gap = x_of(&h, "Kazakhstan becomes a WTO member")
        - x_of(&h, "Kyrgyzstan removed from Jackson-Vanik");
    h.key_press(Key::S);
    h.run();
    assert!(h.state().story_scale());
    let breaks: Vec<_> = h.state().scale().breaks().collect();
    assert!(
        !breaks.is_empty(),
        "the article's 1975–2000 stretch is compressed"
    );
    // The break is drawn and named, with how long it is and what it covers.
    let nodes: Vec<_> = h
        .query_all_by_label_contains("A break in the scale: about ")
        .collect();
    assert_eq!(nodes.len(), breaks.len());
    let name = format!("{:?}", nodes[0]);
    assert!(
        name.contains("years") && name.contains("not drawn to scale"),
        "{name}"
    );
    // The whole story is still in view, and the years with events get more of the width: 2000 and 2015
    // are drawn further apart than on the linear scale.
    let (s, e) = h.state().view_range().unwrap();
    assert!(s < day(1974, 1, 1) && e > day(2026, 12, 31), "{s} {e}");
    let story_gap = x_of(&h, "Kazakhstan becomes a WTO member")
        - x_of(&h, "Kyrgyzstan removed from Jackson-Vanik");
    assert!(
        story_gap > 1.5 * linear_gap,
        "{story_gap} > 1.5 × {linear_gap}"
    );
    // A click on an event selects it, where the story scale drew it.
    let at = h
        .state()
        .timeline()
        .events
        .iter()
        .position(|e| e.title() == "Kazakhstan becomes a WTO member")
        .unwrap();
    h.get_by_label_contains("Kazakhstan becomes a WTO member, ")
        .click();
    h.run();
    assert_eq!(h.state().selected(), Some(at));
    // The first break lies between the Cold War's start and the 1974 amendment.
    let b = breaks[0];
    assert!(
        b.days.0 > day(1947, 1, 1) && b.days.1 < day(1974, 12, 20),
        "{b:?}"
    );
}

#[test]
fn turning_the_story_scale_off_keeps_the_times_in_view_and_it_is_remembered() {
    let mut h = harness();
    h.key_press(Key::S);
    h.run();
    // Zoom onto 2014–2023, then turn the scale off: the same years stay in view.
    let (a, b) = h
        .state()
        .scale()
        .span_to_view((day(2014, 1, 1), day(2023, 1, 1)));
    h.state_mut()
        .apply(dateline::app::command::Command::ShowRange(a, b));
    h.run();
    let on = h.state().view_range().unwrap();
    assert!(on.0 > day(2010, 1, 1) && on.1 < day(2027, 1, 1), "{on:?}");
    // What is remembered is in days, whatever the scale.
    let remembered = h.state().persisted(ThemeChoice::System);
    assert!(remembered.story_scale);
    let (rs, re) = remembered.view_range.unwrap();
    assert!((rs - on.0).abs() < 1.0 && (re - on.1).abs() < 1.0);
    h.key_press(Key::S);
    h.run();
    assert!(!h.state().story_scale());
    assert!(h.state().scale().is_linear());
    let off = h.state().view_range().unwrap();
    assert!(
        (off.0 - on.0).abs() < 1.0 && (off.1 - on.1).abs() < 1.0,
        "{on:?} {off:?}"
    );
    // The View menu has it too, and the next launch comes back with it on.
    let mut again = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(|_cc| DatelineApp::builtin(TODAY).unwrap());
    again.state_mut().restore(&remembered, true);
    again.run();
    assert!(again.state().story_scale());
    let back = again.state().view_range().unwrap();
    assert!(
        (back.0 - on.0).abs() < 1.0 && (back.1 - on.1).abs() < 1.0,
        "{back:?}"
    );
    again.get_by_label("View").click();
    again.run();
    again.get_by_label_contains("Scale for stories").click();
    again.run();
    assert!(!again.state().story_scale());
}
