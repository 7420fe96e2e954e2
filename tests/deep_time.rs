//! Deep time: a teaching timeline from the Big Bang to the Moon landing opens as it is, is said and drawn
//! as a reader of deep time expects, zooms from billions of years to a single day, and leaves through
//! every export with its dates unchanged.

mod common;

use std::path::Path;

use dateline::app::DatelineApp;
use dateline::app::command::Command;
use dateline::formats;
use dateline::model::{Precision, Timeline};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn deep() -> Timeline {
    formats::load_path(&common::fixture("deep-time.json")).expect("the deep-time file opens")
}

fn dates(t: &Timeline) -> Vec<String> {
    let mut out: Vec<String> = t
        .events
        .iter()
        .map(|e| format!("{} {}", e.title(), e.when))
        .collect();
    out.extend(t.periods.iter().map(|p| format!("{} {}", p.title, p.when)));
    out
}

#[test]
fn the_big_bang_and_a_day_in_1969_open_in_one_timeline() {
    let t = deep();
    assert_eq!(t.title, "From the Big Bang to the Moon");
    let by_title = |title: &str| {
        t.events
            .iter()
            .find(|e| e.title() == title)
            .unwrap_or_else(|| panic!("{title}"))
    };
    let big_bang = by_title("The Big Bang");
    // TimelineJS's -13800000000 is 13,800,000,000 BCE, the astronomical year -13,799,999,999.
    assert_eq!(big_bang.when.anchor().year, -13_799_999_999);
    assert_eq!(big_bang.when.precision(), Precision::Year);
    assert_eq!(big_bang.when.describe(), "13.8 billion years ago");
    // Beyond the calendar's years a month is not kept: TimelineJS shows the year alone there too.
    let k_pg = by_title("The dinosaurs die out");
    assert_eq!(k_pg.when.precision(), Precision::Year);
    assert_eq!(k_pg.when.describe(), "66 million years ago");
    assert_eq!(
        by_title("The first Homo sapiens").when.describe(),
        "in 300,000 BCE"
    );
    let moon = by_title("The first people on the Moon");
    assert_eq!(moon.when.to_string(), "1969-07-20");
    assert_eq!(
        by_title("The Cambrian").when.describe(),
        "from 538.8 million years ago to 485.4 million years ago"
    );
    // Sorted by date, the Big Bang first and the Moon last.
    assert_eq!(t.events[0].title(), "The Big Bang");
    assert_eq!(
        t.events.last().unwrap().title(),
        "The first people on the Moon"
    );
    assert_eq!(t.periods[0].title, "Mesozoic");
}

#[test]
fn every_export_keeps_deep_dates() {
    let t = deep();
    let before = dates(&t);
    let tjs = formats::timelinejs::write::to_string(&t, common::TODAY);
    let value: serde_json::Value = serde_json::from_str(&tjs).unwrap();
    assert_eq!(
        value["scale"], "cosmological",
        "TimelineJS needs its cosmological scale"
    );
    assert_eq!(value["events"][0]["start_date"]["year"], -13_800_000_000i64);
    let exports = [
        ("TimelineJS", tjs, "deep.json"),
        ("dateline JSON", formats::native::to_string(&t), "deep.json"),
        ("CSV", formats::write_csv(&t), "deep.csv"),
        (
            "Markwhen",
            formats::markwhen::write::to_string(&t),
            "deep.mw",
        ),
    ];
    for (name, text, file) in exports {
        let back = formats::load_str(&text, Path::new(file))
            .unwrap_or_else(|e| panic!("{name} does not read back: {e}\n{text}"));
        assert_eq!(dates(&back), before, "{name}");
        // Nothing of the dates is left over as a note or a date the text gives.
        for e in &back.events {
            let details = e.details();
            assert_eq!(
                (details.note, details.text_date),
                (None, None),
                "{name}: {}",
                e.title()
            );
        }
    }
    // A timeline within the human scale does not ask for the cosmological one.
    let built_in = formats::builtin().unwrap();
    let plain = formats::timelinejs::write::to_string(&built_in, common::TODAY);
    assert!(!plain.contains("cosmological"));
}

#[test]
fn a_timeline_file_cannot_reach_past_twenty_billion_years() {
    let text =
        r#"{"events": [{"start_date": {"year": -30000000000}, "text": {"headline": "Too far"}}]}"#;
    let err = formats::load_str(text, Path::new("far.json")).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("far.json"), "{message}");
    assert!(message.contains("out of range"), "{message}");
    assert!(message.contains("20,000,000,001 BCE"), "{message}");
}

fn app(timeline: Timeline) -> Harness<'static, DatelineApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::new(timeline, None, common::TODAY));
    h.run();
    h
}

#[test]
fn the_window_shows_billions_of_years_and_zooms_to_a_day() {
    let t = deep();
    let big_bang = t.events[0].when.first_day().days();
    let moon = t.events.last().unwrap().when.first_day().days();
    let mut h = app(t);
    // Fit all: the Big Bang and the Moon landing both in view, the view said in deep time.
    let (s, e) = h.state().view_range().unwrap();
    assert!(s < big_bang && e > moon, "{s}..{e}");
    assert!(h.query_by_label("The Big Bang").is_some());
    assert!(
        h.query_by_label_contains("Showing 14.").is_some(),
        "the view is said in deep time"
    );
    // Straight to one day in 1969: the same timeline, the day drawn and said.
    h.state_mut()
        .apply(Command::SetView(moon - 0.5, moon + 1.5));
    h.run();
    let (s, e) = h.state().view_range().unwrap();
    assert!(s <= moon && e >= moon + 1.0 && e - s < 3.0, "{s}..{e}");
    assert!(h.query_by_label("The first people on the Moon").is_some());
    assert!(h.query_by_label_contains("20 July 1969").is_some());
    // And back out in steps, all the way: every view in between draws and keeps both ends in reach.
    for _ in 0..80 {
        h.key_press(egui::Key::Minus);
        h.run();
    }
    let (s, e) = h.state().view_range().unwrap();
    assert!(e - s > moon - big_bang, "zoomed out to all of it: {s}..{e}");
    h.key_press(egui::Key::F);
    h.run();
    let (s, e) = h.state().view_range().unwrap();
    assert!(s < big_bang && e > moon);
    assert!(
        e - s < (moon - big_bang) * 1.5,
        "fit all is tight: {s}..{e}"
    );
}
