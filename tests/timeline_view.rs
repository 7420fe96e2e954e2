//! The timeline view on timelines made for the purpose: the limits of the calendar, an event selected
//! inside a cluster, and very long titles — headless, through `egui_kittest`.

mod common;
use common::TODAY;

use dateline::app::DatelineApp;
use dateline::model::Timeline;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

/// A timeline read from dateline JSON text.
fn timeline(json: &str) -> Timeline {
    dateline::formats::load_str(json, std::path::Path::new("test.json"))
        .expect("the timeline loads")
}

/// The app on `timeline` in a `width`×`height` headless window, settled after its first frames.
fn app(timeline: Timeline, width: f32, height: f32) -> Harness<'static, DatelineApp> {
    let mut h = Harness::builder()
        .with_size([width, height])
        .build_eframe(move |_cc| DatelineApp::new(timeline, None, TODAY));
    h.run();
    h
}

#[test]
fn fit_all_shows_events_at_the_limits_the_loader_accepts() {
    let deep = timeline(
        r#"{"title": "Deep time", "lanes": [{"id": "a", "label": "A"}], "events": [
            {"id": "first", "title": "The earliest year", "date": "-20000000000", "lane": "a"},
            {"id": "last", "title": "The latest year", "date": "20000000000", "lane": "a"}
        ]}"#,
    );
    let (first, last) = (
        deep.events[0].when.covered(TODAY),
        deep.events[1].when.covered(TODAY),
    );
    let span = |d: dateline::model::Day| d.days();
    let mut h = app(deep, 1400.0, 860.0);
    let (s, e) = h.state().view_range().unwrap();
    assert!(
        s <= span(first.0) && e >= span(last.1) + 1.0,
        "fit all shows both ends: {s}..{e}"
    );
    // Both are drawn, each with its label.
    assert!(h.query_by_label("The earliest year").is_some());
    assert!(h.query_by_label("The latest year").is_some());
    // Zooming out as far as the view goes still shows them.
    for _ in 0..10 {
        h.key_press(egui::Key::Minus);
        h.run();
    }
    let (s, e) = h.state().view_range().unwrap();
    assert!(s <= span(first.0) && e >= span(last.1) + 1.0, "{s}..{e}");
}

#[test]
fn the_year_shows_at_day_zoom() {
    let mut h = common::harness();
    let day = |y, m, d| {
        dateline::model::date::days_from_epoch(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
            as f64
    };
    // Ticks read "16 Jun", "21 Jun": the year is said beside them.
    h.state_mut()
        .apply(dateline::app::command::Command::SetView(
            day(2021, 6, 14),
            day(2021, 6, 30),
        ));
    h.run();
    assert!(h.query_by_label("2021").is_some(), "the year is shown");
    h.state_mut()
        .apply(dateline::app::command::Command::SetView(
            day(2021, 12, 20),
            day(2022, 1, 10),
        ));
    h.run();
    assert!(h.query_by_label("2021–2022").is_some());
    // Zoomed out to years, the ticks say them.
    h.state_mut().apply(dateline::app::command::Command::FitAll);
    h.run();
    assert!(h.query_by_label("2021").is_none());
}

#[test]
fn an_event_selected_inside_a_cluster_is_marked_there() {
    // Three events on three days merge into one mark at a view of decades.
    let clustered = timeline(
        r#"{"title": "Close", "lanes": [{"id": "a", "label": "A"}], "events": [
            {"id": "one", "title": "The first of three", "date": "2000-01-01", "lane": "a"},
            {"id": "two", "title": "The second of three", "date": "2000-01-02", "lane": "a"},
            {"id": "three", "title": "The third of three", "date": "2000-01-03", "lane": "a"},
            {"id": "later", "title": "Much later", "date": "2020-01-01", "lane": "a"}
        ]}"#,
    );
    let second = clustered.event_index("two").unwrap();
    let mut h = app(clustered, 1400.0, 860.0);
    assert!(h.query_by_label_contains("Cluster of 3 events").is_some());
    assert!(h.query_by_label("The first of three (+2 more)").is_some());
    // Stepping to it (as the arrow keys do) selects it inside the cluster: the cluster says so, and its
    // label names it, highlighted.
    h.state_mut()
        .apply(dateline::app::command::Command::SelectAndReveal(second));
    h.run();
    assert_eq!(h.state().selected(), Some(second));
    assert!(
        h.query_by_label_contains("Cluster of 3 events")
            .is_some_and(|n| n
                .accesskit_node()
                .label()
                .is_some_and(|l| l.ends_with("holding the selected The second of three"))),
        "the cluster names the selected event"
    );
    assert!(h.query_by_label("The second of three (+2 more)").is_some());
}
