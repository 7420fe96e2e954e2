//! Story mode in the window, driven headlessly through `egui_kittest`: `P` opens the title slide, the
//! arrow keys and Space step through the events shown in time order with the timeline centred on each,
//! other shortcuts do nothing meanwhile, and Esc leaves.

mod common;

use dateline::app::DatelineApp;
use dateline::view::present::At;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app on the built-in dataset, given the frames a glide of the timeline takes to settle.
fn harness() -> Harness<'static, DatelineApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(12)
        .build_eframe(|_cc| {
            DatelineApp::builtin(common::TODAY).expect("the built-in dataset loads")
        });
    h.run();
    h
}

#[test]
fn story_mode_steps_three_events_in_time_order_and_leaves() {
    let mut h = harness();
    let title = h.state().timeline().title.clone();
    let total = h.state().timeline().events.len();
    h.key_press(Key::P);
    h.run();
    assert_eq!(h.state().presenting(), Some(At::Title));
    // The title slide shows the timeline's title, and the rest of the window is gone.
    assert!(h.query_by_label(&title).is_some());
    assert!(h.query_by_label("Filters and legend").is_none());

    let order = h.state().listed().to_vec();
    assert!(order.len() >= 3);
    for (k, key) in [Key::ArrowRight, Key::Space, Key::ArrowRight]
        .into_iter()
        .enumerate()
    {
        h.key_press(key);
        h.run();
        let at = order[k];
        assert_eq!(h.state().presenting(), Some(At::Event(at)));
        assert_eq!(h.state().selected(), Some(at));
        // The slide says the event's title and its date in words (which only the slide shows now).
        let event = &h.state().timeline().events[at];
        let (event_title, words) = (
            event.title().to_owned(),
            dateline::model::capitalize(&event.when.describe()),
        );
        assert!(h.query_all_by_label(&event_title).next().is_some());
        assert!(h.query_by_label(&words).is_some(), "slide {k} says {words}");
        assert!(
            h.query_by_label(&format!("{} of {}", k + 1, order.len()))
                .is_some()
        );
        // Once the glide is over, the event is in the middle of the view.
        let (view_start, view_end) = h.state().view_range().unwrap();
        let (first, after) = {
            let (first, last) = h.state().timeline().events[at].when.covered(common::TODAY);
            let d = |x: dateline::model::Day| x.days();
            (d(first), d(last) + 1.0)
        };
        let centre = f64::midpoint(view_start, view_end);
        assert!(
            (centre - f64::midpoint(first, after)).abs() < (view_end - view_start) * 0.02,
            "view {view_start}..{view_end} is centred on {first}..{after}"
        );
    }
    // Back one.
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().presenting(), Some(At::Event(order[1])));
    // Other shortcuts do nothing while presenting: Delete deletes nothing, N adds nothing.
    h.key_press(Key::Delete);
    h.run();
    h.key_press(Key::N);
    h.run();
    assert_eq!(h.state().timeline().events.len(), total);
    assert!(!h.state().is_dirty());
    // Home: the title slide again.
    h.key_press(Key::Home);
    h.run();
    assert_eq!(h.state().presenting(), Some(At::Title));
    // Esc leaves; the window is back.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().presenting(), None);
    assert!(h.query_by_label("Filters and legend").is_some());
}

#[test]
fn story_mode_follows_the_search_and_opens_from_the_view_menu() {
    let mut h = harness();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Present").click();
    h.run();
    assert_eq!(h.state().presenting(), Some(At::Title));
    h.key_press(Key::Escape);
    h.run();
    // With a search, only its matches are presented, in time order.
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("wto");
    h.run();
    let matches = h.state().listed().to_vec();
    assert!(matches.len() >= 2 && matches.len() < h.state().timeline().events.len());
    // Story mode takes the keys even from the search box.
    h.state_mut().apply(dateline::app::Command::Present(true));
    h.run();
    for &at in &matches {
        h.key_press(Key::ArrowRight);
        h.run();
        assert_eq!(h.state().presenting(), Some(At::Event(at)));
    }
    // Past the last match it stays on the last.
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(
        h.state().presenting(),
        Some(At::Event(*matches.last().unwrap()))
    );
}

#[test]
fn f11_asks_for_full_screen_without_leaving_story_mode() {
    let mut h = harness();
    h.key_press(Key::P);
    h.run();
    // One frame per input event: the frame of the key going down is the one that asks.
    h.key_down(Key::F11);
    h.step();
    let asked = |h: &Harness<'_, DatelineApp>, on: bool| {
        h.output().viewport_output.values().any(|v| {
            v.commands
                .iter()
                .any(|c| *c == egui::ViewportCommand::Fullscreen(on))
        })
    };
    assert!(asked(&h, true), "F11 asks for full screen");
    h.key_up(Key::F11);
    h.run();
    // Still presenting: F11 is not one of the keys that leave.
    assert_eq!(h.state().presenting(), Some(At::Title));
}

#[test]
fn clicking_an_event_on_the_timeline_shows_its_slide() {
    let mut h = harness();
    h.key_press(Key::P);
    h.run();
    let at = h
        .state()
        .timeline()
        .events
        .iter()
        .position(|e| e.title() == "Kyrgyzstan removed from Jackson-Vanik")
        .expect("the built-in dataset has the event");
    h.get_by_label_contains("Kyrgyzstan removed from Jackson-Vanik, ")
        .click();
    h.run();
    assert_eq!(h.state().presenting(), Some(At::Event(at)));
    // Stepping goes on from there, in time order.
    h.key_press(Key::ArrowRight);
    h.run();
    let order = h.state().listed().to_vec();
    let k = order.iter().position(|&i| i == at).unwrap();
    assert_eq!(h.state().presenting(), Some(At::Event(order[k + 1])));
}
