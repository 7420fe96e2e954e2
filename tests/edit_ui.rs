//! Editing in the window, driven headlessly through `egui_kittest`: new events, typed dates checked as they
//! are typed, delete with undo and redo, saving and reading back, the question before unsaved changes are
//! lost, and restoring the copy a crash left.

mod common;
use common::{TODAY, harness};

use std::time::{Duration, Instant};

use dateline::app::{Command, DatelineApp};
use dateline::model::date::days_from_epoch;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Replaces the text of the field named `name` with `text`, then presses Enter to apply it.
fn type_into(h: &mut Harness<'_, DatelineApp>, name: &str, text: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, name)
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, name)
        .type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

fn day(y: i32, m: u32, d: u32) -> f64 {
    days_from_epoch(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()) as f64
}

#[test]
fn a_new_event_takes_a_typed_month_and_refuses_an_impossible_day() {
    let mut h = harness();
    let before = h.state().timeline().events.len();
    h.key_press(Key::N);
    h.run();
    assert_eq!(h.state().timeline().events.len(), before + 1);
    assert!(h.state().is_editing());
    let at = h.state().selected().expect("the new event is selected");
    assert_eq!(h.state().timeline().events[at].title(), "New event");
    type_into(&mut h, "Date", "2015-11");
    let at = h.state().selected().unwrap();
    let event = &h.state().timeline().events[at];
    assert_eq!(event.when.to_string(), "2015-11");
    // Drawn over the whole month: it covers 1–30 November.
    let (first, last) = event.when.covered(TODAY);
    assert_eq!(
        (day_of(first), day_of(last)),
        (day(2015, 11, 1), day(2015, 11, 30))
    );
    assert!(
        h.query_by_label_contains("In November 2015, known to the month")
            .is_some()
    );
    // An impossible day: the loader's words, and the date stays as it was.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Date")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Date")
        .type_text("2015-02-30");
    h.run();
    assert!(
        h.query_by_label_contains("invalid date \"2015-02-30\": that day does not exist")
            .is_some()
    );
    h.key_press(Key::Enter);
    h.run();
    let at = h.state().selected().unwrap();
    assert_eq!(h.state().timeline().events[at].when.to_string(), "2015-11");
    // The title, typed and applied.
    type_into(&mut h, "Title", "Kazakhstan opens a trade office");
    let at = h.state().selected().unwrap();
    assert_eq!(
        h.state().timeline().events[at].title(),
        "Kazakhstan opens a trade office"
    );
    assert!(
        h.state().window_title().contains("— *"),
        "{}",
        h.state().window_title()
    );
}

fn day_of(date: chrono::NaiveDate) -> f64 {
    days_from_epoch(date) as f64
}

#[test]
fn delete_undo_and_redo_name_their_steps() {
    let mut h = harness();
    let at = h
        .state()
        .timeline()
        .event_index("kazakhstan-joins-wto")
        .unwrap();
    let count = h.state().timeline().events.len();
    h.state_mut().apply(Command::Select(Some(at)));
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().timeline().events.len(), count - 1);
    assert!(
        h.state()
            .timeline()
            .event_index("kazakhstan-joins-wto")
            .is_none()
    );
    h.get_by_label("Edit").click();
    h.run();
    assert!(
        h.query_by_label_contains("Undo delete 'Kazakhstan becomes a WTO member'")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().timeline().events.len(), count);
    assert_eq!(
        h.state().timeline().event_index("kazakhstan-joins-wto"),
        Some(at)
    );
    assert!(!h.state().is_dirty(), "back as it was opened");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(
        h.state()
            .timeline()
            .event_index("kazakhstan-joins-wto")
            .is_none()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert!(
        h.state()
            .timeline()
            .event_index("kazakhstan-joins-wto")
            .is_none()
    );
}

#[test]
fn save_writes_dateline_json_that_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.json");
    let mut h = harness();
    h.state_mut().apply(Command::Select(Some(0)));
    h.state_mut().apply(Command::DuplicateSelected);
    h.run();
    // The built-in dataset has no file of its own: Save asks where; Save As writes there.
    h.state_mut().apply(Command::SaveAs(path.clone()));
    h.run();
    assert!(!h.state().is_dirty());
    let back = dateline::formats::load_path(&path).unwrap();
    assert_eq!(&back, h.state().timeline());
    // Later saves go to the same file, with Ctrl+S.
    h.state_mut().apply(Command::Select(Some(0)));
    h.key_press(Key::Delete);
    h.run();
    assert!(h.state().is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().is_dirty());
    assert_eq!(
        &dateline::formats::load_path(&path).unwrap(),
        h.state().timeline()
    );
}

#[test]
fn a_timelinejs_file_is_never_saved_over_in_another_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    let original = common::read_fixture("timelinejs.json");
    std::fs::write(&path, &original).unwrap();
    // The file dialog's own text fields have no accessible names: that check is not this test's.
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_accessibility_check(false)
        .build_eframe(|_cc| DatelineApp::builtin(TODAY).expect("the built-in dataset loads"));
    h.run();
    h.state_mut().apply(Command::Open(path.clone()));
    let deadline = Instant::now() + Duration::from_secs(5);
    while h.state().is_loading() {
        assert!(Instant::now() < deadline);
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
    h.state_mut().apply(Command::Select(Some(0)));
    h.state_mut().apply(Command::DeleteSelected);
    h.run();
    h.state_mut().apply(Command::Save);
    h.run();
    // Save asks where to write dateline JSON instead.
    assert_eq!(
        h.state().dialog(),
        Some(dateline::view::file_menu::DialogPurpose::SaveAs)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    assert!(h.state().is_dirty());
}

#[test]
fn unsaved_changes_are_asked_about_before_quitting_or_opening_another_timeline() {
    let mut h = harness();
    h.state_mut().apply(Command::Select(Some(0)));
    h.state_mut().apply(Command::DeleteSelected);
    h.run();
    h.state_mut().apply(Command::Quit);
    h.run();
    assert!(h.state().unsaved_prompt().is_some());
    assert!(h.query_by_label_contains("Save the changes to").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().unsaved_prompt().is_none());
    assert!(h.state().is_dirty(), "nothing was lost");
    // Going back to the built-in dataset asks too; Discard goes on without the changes.
    h.state_mut().apply(Command::OpenBuiltin);
    h.run();
    assert!(h.state().unsaved_prompt().is_some());
    h.get_by_label("Discard").click();
    h.run();
    assert!(!h.state().is_dirty());
    assert_eq!(
        h.state().timeline(),
        &dateline::formats::builtin().unwrap(),
        "the built-in dataset as it ships"
    );
}

#[test]
fn a_recovery_copy_is_kept_after_an_edit_and_offered_on_the_next_launch() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("recovery");
    let mut h = harness();
    h.state_mut()
        .set_recovery(folder.clone(), Duration::from_millis(0));
    let at = h
        .state()
        .timeline()
        .event_index("kazakhstan-joins-wto")
        .unwrap();
    h.state_mut().apply(Command::Select(Some(at)));
    h.state_mut().apply(Command::DeleteSelected);
    let deadline = Instant::now() + Duration::from_secs(5);
    while dateline::document::recovery::find(&folder).is_none() {
        assert!(Instant::now() < deadline, "no recovery copy was written");
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    // The window was killed; a new one starts and offers the copy.
    std::thread::sleep(Duration::from_millis(100));
    let mut again = harness();
    again
        .state_mut()
        .set_recovery(folder.clone(), Duration::from_millis(0));
    again.run();
    assert!(again.state().recovery_offered());
    assert!(again.query_by_label("Restore unsaved changes?").is_some());
    again.get_by_label("Restore").click();
    again.run();
    assert!(
        again
            .state()
            .timeline()
            .event_index("kazakhstan-joins-wto")
            .is_none()
    );
    assert!(again.state().is_dirty());
    // A clean end (here: discarding) removes it.
    again.state_mut().apply(Command::OpenBuiltin);
    again.run();
    again.get_by_label("Discard").click();
    again.run();
    assert!(dateline::document::recovery::find(&folder).is_none());
}
