//! The app with 100,000 generated events: it opens, zooms, a click on a cluster zooms into it, and it
//! settles — headless, through `egui_kittest`.

use chrono::NaiveDate;
use dateline::app::DatelineApp;
use dateline::app::command::Command;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();

#[test]
fn a_hundred_thousand_events_open_zoom_and_settle() {
    let timeline = dateline::generate::generate(100_000, 3);
    assert_eq!(timeline.events.len(), 100_000);
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::new(timeline, None, TODAY));
    h.run();
    let (s0, e0) = h.state().view_range().unwrap();
    // Screen-bounded: far fewer shapes than events.
    assert!(
        h.state().shapes_last_frame() < 5_000,
        "{} shapes",
        h.state().shapes_last_frame()
    );

    // Zoom in with the keyboard.
    for _ in 0..4 {
        h.key_press(egui::Key::Plus);
        h.run();
    }
    let (s1, e1) = h.state().view_range().unwrap();
    assert!(e1 - s1 < (e0 - s0) / 4.0);

    // With this many events in view, marks share one hit test; a cluster has its count in its tooltip.
    // Click the middle of the first lane's marker line, where clusters sit, and the view zooms in further.
    h.state_mut().apply(Command::FitAll);
    h.run();
    let lane = h.get_by_label_contains("Lane Politics,").rect();
    let before = h.state().view_range().unwrap();
    let mut zoomed = false;
    for dx in [200.0, 260.0, 330.0, 410.0, 480.0, 560.0] {
        let pos = egui::pos2(lane.left() + dx, lane.top() + 30.0);
        h.event(egui::Event::PointerMoved(pos));
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::default(),
            });
        }
        h.run();
        let after = h.state().view_range().unwrap();
        if after.1 - after.0 < (before.1 - before.0) / 2.0 {
            zoomed = true;
            break;
        }
    }
    assert!(zoomed, "clicking a cluster zooms into it");
    // Nothing happening: no further frames.
    assert!(h.run() <= 1);
}
