//! The whole app, driven headlessly through `egui_kittest` by accessible labels, as a person would use it.

mod common;
use common::harness;

use chrono::NaiveDate;
use dateline::app::DatelineApp;
use dateline::view::list::entry_label;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn index_of(h: &Harness<'_, DatelineApp>, id: &str) -> usize {
    h.state()
        .timeline()
        .event_index(id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn click_at(h: &Harness<'_, DatelineApp>, pos: Pos2) {
    h.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::default(),
        });
    }
}

#[test]
fn selecting_from_the_list_shows_the_articles_words() {
    let mut h = harness();
    let i = index_of(&h, "kazakhstan-joins-wto");
    let label = entry_label(h.state().timeline(), i);
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().selected_id(), Some("kazakhstan-joins-wto"));
    // The details panel quotes the article and says where the event came from.
    assert!(
        h.query_by_label_contains("Kazakhstan joined the WTO in 2015")
            .is_some()
    );
    assert!(h.query_by_label("FROM THE ARTICLE").is_some());
    assert!(h.query_by_label_contains("On 30 November 2015").is_some());
    assert!(
        h.query_by_label_contains("The article says: in 2015")
            .is_some()
    );
    // The selection is brought into view.
    let (start, end) = h.state().view_range().unwrap();
    let wto_day =
        dateline::model::date::days_from_epoch(NaiveDate::from_ymd_opt(2015, 11, 30).unwrap())
            as f64;
    assert!(
        start <= wto_day && wto_day <= end,
        "{start}..{end} does not show {wto_day}"
    );
}

#[test]
fn a_context_event_is_marked_as_context() {
    let mut h = harness();
    let i = index_of(&h, "ford-signs-trade-act");
    let label = entry_label(h.state().timeline(), i);
    h.get_by_label(&label).click();
    h.run();
    assert!(h.query_by_label("CONTEXT").is_some());
    assert!(h.query_by_label("FROM THE ARTICLE").is_none());
}

#[test]
fn right_arrow_moves_to_the_next_event_in_time_and_escape_clears() {
    let mut h = harness();
    let i = index_of(&h, "kyrgyzstan-removed-from-jackson-vanik");
    let label = entry_label(h.state().timeline(), i);
    h.get_by_label(&label).click();
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    let next = h.state().selected().unwrap();
    assert_eq!(next, i + 1);
    let events = &h.state().timeline().events;
    assert!(events[next].when.first_day() >= events[i].when.first_day());
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().selected(), Some(i));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().selected(), None);
}

#[test]
fn a_click_at_a_markers_position_selects_it_and_empty_space_clears() {
    let mut h = harness();
    // Markers have accessible names: "title, date in words, lane, status".
    let rect = h
        .get_by_label_contains("Ukraine removed from Jackson-Vanik, 23 March 2006, ")
        .rect();
    click_at(&h, rect.center());
    h.run();
    assert_eq!(
        h.state().selected_id(),
        Some("ukraine-removed-from-jackson-vanik")
    );
    // The lane's marker line well before its first event is empty (the details panel now takes the
    // right-hand side and the plot narrows, so look left of the marker).
    click_at(&h, Pos2::new(rect.center().x - 150.0, rect.center().y));
    h.run();
    assert_eq!(h.state().selected(), None);
}

#[test]
fn every_visible_event_has_a_labelled_marker() {
    let h = harness();
    let t = h.state().timeline();
    let labelled = (0..t.events.len())
        .filter(|&i| {
            h.query_by_label(&dateline::view::access::event_name(t, i, None))
                .is_some()
        })
        .count();
    let clusters = h.query_all_by_label_contains("Cluster of ").count();
    assert!(
        labelled + clusters >= 8,
        "{labelled} event markers and {clusters} clusters"
    );
    assert!(labelled >= 5);
}

#[test]
fn keyboard_zoom_and_home_change_the_view() {
    let mut h = harness();
    let (s0, e0) = h.state().view_range().unwrap();
    h.key_press(egui::Key::Plus);
    h.run();
    let (s1, e1) = h.state().view_range().unwrap();
    assert!((e1 - s1) < (e0 - s0) * 0.8, "zoomed in");
    h.key_press(egui::Key::Home);
    h.run();
    let (s2, e2) = h.state().view_range().unwrap();
    assert!(
        ((e2 - s2) - (e0 - s0)).abs() < 1.0,
        "Home fits everything again"
    );
}

#[test]
fn the_app_settles_after_input() {
    let mut h = harness();
    h.key_press(egui::Key::ArrowRight);
    let steps = h.run();
    assert!(steps <= 4, "took {steps} steps to settle");
    // With nothing happening, a frame asks for no further frames.
    let idle = h.run();
    assert!(idle <= 1, "idle run took {idle} steps");
}

#[test]
fn a_cluster_tells_how_many_events_it_holds_and_when() {
    let mut h = harness();
    // Everything in view: the Trade Act's passage (20 Dec 1974) and signing (3 Jan 1975) are one cluster.
    let centre = h
        .query_by_label_contains("Cluster of 2 events, 20 December 1974 to 3 January 1975: ")
        .expect("the 1974 cluster is named with its count, its first and last day and its titles")
        .rect()
        .center();
    // Hovering it shows the count and the range in words.
    h.event(Event::PointerMoved(centre));
    for _ in 0..60 {
        h.step();
        if h.query_by_label("2 events").is_some() {
            break;
        }
    }
    assert!(h.query_by_label("2 events").is_some(), "the tooltip counts");
    // The cluster's name and the tooltip both say the range.
    assert!(
        h.query_all_by_label_contains("20 December 1974 to 3 January 1975")
            .count()
            >= 2,
        "the tooltip gives the range"
    );
}
