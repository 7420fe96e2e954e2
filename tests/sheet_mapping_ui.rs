//! A spreadsheet of the user's own opened in the window, driven headlessly through `egui_kittest`: the
//! dialog of its columns shows the guess and the first problem; a column's role and the order of day and
//! month are changed by their labels; Open reads the whole sheet that way, Cancel keeps the timeline on
//! screen; the command line's `--day-first` reaches the window.

mod common;
use common::{TODAY, fixture, harness};

use std::time::{Duration, Instant};

use dateline::app::{Command, DatelineApp};
use dateline::formats::sheet::{DayOrder, Role};
use egui::accesskit::Role as A11y;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The built-in dataset's best-known event: while it is there, the built-in timeline is on screen.
const BUILTIN_EVENT: &str = "kazakhstan-joins-wto";

/// Steps the app until `done` holds, for at most five seconds (the loading thread needs real time).
fn wait_until(h: &mut Harness<'_, DatelineApp>, what: &str, done: impl Fn(&DatelineApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done(h.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.step();
    h.run();
}

/// Opens the fixture sheet as the file dialog would, and waits for its dialog.
fn open_sheet(h: &mut Harness<'_, DatelineApp>) {
    h.state_mut()
        .apply(Command::Open(fixture("sheet-own-window.csv")));
    wait_until(h, "the dialog of the columns", |app| {
        app.sheet_mapping().is_some()
    });
    assert!(!h.state().is_loading());
}

/// Picks `column` for the role whose combo box is labelled `role`.
fn choose(h: &mut Harness<'_, DatelineApp>, role: &str, column: &str) {
    h.get_by_role_and_label(A11y::ComboBox, role).click();
    h.run();
    // The popup's choices are buttons labelled with the headers (the event list is a list box too).
    h.get_by_role_and_label(A11y::Button, column).click();
    h.run();
}

#[test]
fn a_sheet_opened_shows_the_guess_and_opens_as_the_person_changes_it() {
    let mut h = harness();
    open_sheet(&mut h);
    // Nothing replaced yet: the dialog, titled with the file's name, shows the guess.
    assert!(h.state().timeline().event_index(BUILTIN_EVENT).is_some());
    h.get_by_label("Open “sheet-own-window.csv” as a timeline");
    let dialog = h.state().sheet_mapping().expect("the dialog");
    assert_eq!(dialog.column(Role::Date), Some(0));
    assert_eq!(dialog.column(Role::Title), Some(1));
    assert_eq!(dialog.column(Role::Lane), Some(2));
    assert_eq!(dialog.order(), None);
    let lane_box = h.get_by_role_and_label(A11y::ComboBox, "Lane column");
    assert_eq!(
        lane_box.accesskit_node().value().as_deref(),
        Some("Category")
    );
    // The preview: the rows that read, and the ambiguous one told at its line and column.
    h.get_by_label("on 30 November 2015");
    h.query_by_label_contains("Line 3, column 1:")
        .expect("the first problem, located");
    assert!(h.query_by_label("on 3 April 2015").is_none());

    // The lanes are the regions; the dates are day first.
    choose(&mut h, "Lane column", "Region");
    h.get_by_label("Day first (30/11/2015)").click();
    h.run();
    let dialog = h.state().sheet_mapping().expect("still asking");
    assert_eq!(dialog.column(Role::Lane), Some(3));
    assert_eq!(dialog.order(), Some(DayOrder::DayFirst));
    assert!(dialog.problem().is_none());
    h.get_by_label("on 3 April 2015");
    assert!(h.query_by_label_contains("Line 3, column 1:").is_none());

    h.get_by_role_and_label(A11y::Button, "Open").click();
    // The load runs in the background and repaints as it goes: step, do not wait for the window to settle.
    h.step();
    wait_until(&mut h, "the sheet to load", |app| {
        !app.is_loading() && app.sheet_mapping().is_none()
    });
    let app = h.state();
    assert_eq!(app.file(), Some(fixture("sheet-own-window.csv").as_path()));
    let t = app.timeline();
    assert_eq!(t.events.len(), 4);
    assert!(t.event_index(BUILTIN_EVENT).is_none());
    let find = |words: &str| {
        t.events
            .iter()
            .find(|e| e.title().contains(words))
            .unwrap_or_else(|| panic!("{words}"))
    };
    assert_eq!(find("Geneva").when.to_string(), "2015-04-03");
    assert_eq!(find("WTO").when.to_string(), "2015-11-30");
    assert_eq!(find("independence").when.to_string(), "1991-12-16");
    assert_eq!(t.lane_label(find("WTO").lane), "Central Asia");
    assert_eq!(t.lane_label(find("Ukraine").lane), "Europe");
    let mut lanes: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
    lanes.sort_unstable();
    assert_eq!(lanes, ["Central Asia", "Europe"]);
    // Reading it again reads it the same way.
    assert_eq!(app.read_options().sheet.order, Some(DayOrder::DayFirst));
    h.state_mut().apply(Command::Reload);
    wait_until(&mut h, "the reload", |app| !app.is_loading());
    assert!(h.state().reload_error().is_none());
    assert!(h.state().sheet_mapping().is_none(), "a reload never asks");
    assert_eq!(h.state().timeline().events.len(), 4);
}

#[test]
fn cancel_keeps_the_timeline_on_screen() {
    let mut h = harness();
    let before = h.state().timeline().events.len();
    open_sheet(&mut h);
    h.get_by_role_and_label(A11y::Button, "Cancel").click();
    h.run();
    let app = h.state();
    assert!(app.sheet_mapping().is_none());
    assert!(!app.is_loading());
    assert_eq!(app.file(), None);
    assert_eq!(app.timeline().events.len(), before);
    assert!(app.timeline().event_index(BUILTIN_EVENT).is_some());
    assert!(
        app.notice().is_some_and(|n| n.contains("unchanged")),
        "{:?}",
        app.notice()
    );
}

#[test]
fn the_order_given_on_the_command_line_opens_the_sheet_without_asking() {
    let mut options = dateline::formats::ReadOptions::default();
    options.sheet.order = Some(DayOrder::DayFirst);
    let ctx = egui::Context::default();
    let path = fixture("sheet-own-window.csv");
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| {
            DatelineApp::launch_with(&ctx, None, Some(path), None, options, TODAY)
        });
    wait_until(&mut h, "the launch load", |app| !app.is_loading());
    assert!(h.state().sheet_mapping().is_none());
    let t = h.state().timeline();
    assert_eq!(t.events.len(), 4);
    assert_eq!(t.lane_label(t.events[0].lane), "Politics");
}

/// Storage in memory, as eframe's would be on disk.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_next_launch_reads_the_sheet_as_it_was_chosen_without_asking() {
    let mut h = harness();
    open_sheet(&mut h);
    choose(&mut h, "Lane column", "Region");
    h.get_by_label("Day first (30/11/2015)").click();
    h.run();
    h.get_by_role_and_label(A11y::Button, "Open").click();
    h.step();
    wait_until(&mut h, "the sheet to load", |app| {
        !app.is_loading() && app.sheet_mapping().is_none()
    });
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);

    let ctx = egui::Context::default();
    let mut again = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::launch(&ctx, Some(&storage), None, None, TODAY));
    wait_until(&mut again, "the launch load", |app| !app.is_loading());
    let app = again.state();
    assert!(
        app.sheet_mapping().is_none(),
        "the choice is not asked again"
    );
    assert_eq!(app.file(), Some(fixture("sheet-own-window.csv").as_path()));
    let t = app.timeline();
    assert_eq!(t.events.len(), 4);
    let mut lanes: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
    lanes.sort_unstable();
    assert_eq!(
        lanes,
        ["Central Asia", "Europe"],
        "the lanes are the regions, as chosen"
    );
    assert_eq!(app.read_options().sheet.order, Some(DayOrder::DayFirst));
}
