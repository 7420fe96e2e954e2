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

fn day_of(date: dateline::model::Day) -> f64 {
    date.days()
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

/// Clicks the primary button at `pos` twice, a frame apart.
fn double_click_at(h: &mut Harness<'_, DatelineApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.step();
    }
    h.run_steps(8);
}

/// Drags with the primary button from `from` to `to` in small steps, a frame each, then lets go.
fn drag(h: &mut Harness<'_, DatelineApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    for k in 1..=12 {
        h.hover_at(from + (to - from) * (k as f32 / 12.0));
        h.step();
    }
    h.drop_at(to);
    h.run_steps(8);
}

#[test]
fn a_double_click_on_empty_lane_space_makes_an_event_there_dated_as_the_zoom_suggests() {
    // Frames a sixtieth of a second apart, so two clicks a frame apart are a double-click.
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|_cc| DatelineApp::builtin(TODAY).expect("the built-in dataset loads"));
    h.run();
    // Ten years in view: years are on the axis.
    h.state_mut()
        .apply(Command::SetView(day(2030, 1, 1), day(2040, 1, 1)));
    h.run();
    let count = h.state().timeline().events.len();
    let lane = h.get_by_label_contains("Lane Central Asia,").rect();
    double_click_at(&mut h, egui::pos2(lane.center().x, lane.bottom() - 6.0));
    assert_eq!(h.state().timeline().events.len(), count + 1);
    let at = h.state().selected().expect("the new event is selected");
    let event = &h.state().timeline().events[at];
    assert_eq!(
        h.state().timeline().lanes[usize::from(event.lane.0)]
            .id
            .as_str(),
        "central-asia",
        "in the lane double-clicked"
    );
    assert_eq!(event.when.precision(), dateline::model::Precision::Year);
    let year = event.when.anchor().year;
    assert!(
        (2034..=2035).contains(&year),
        "{year}: the year under the pointer"
    );
    assert!(h.state().is_editing(), "and open for editing");
}

#[test]
fn dragging_an_event_moves_it_by_whole_years_and_to_another_lane_as_one_step() {
    let mut h = harness();
    let id = "uzbekistan-wto-membership-target";
    h.state_mut()
        .apply(Command::SetView(day(2023, 1, 1), day(2030, 1, 1)));
    h.run_steps(8);
    let at = h.state().timeline().event_index(id).unwrap();
    h.state_mut().apply(Command::Select(Some(at)));
    h.run_steps(8);
    let title = h.state().timeline().events[at].title().to_owned();
    // The event's bar covers 2026: its width is a year.
    let bar = h
        .query_all_by_label_contains(&title)
        .map(|n| n.rect())
        .filter(|r| r.height() < 20.0)
        .min_by(|a, b| a.width().total_cmp(&b.width()))
        .expect("the event's mark is on screen");
    let year = bar.width() - 4.0;
    assert!(year > 50.0, "{bar:?}");
    let from = bar.center();
    drag(&mut h, from, from + egui::vec2(year, 0.0));
    let at = h.state().timeline().event_index(id).unwrap();
    let event = &h.state().timeline().events[at];
    assert_eq!(event.when.to_string(), "2027", "a year later, still a year");
    assert_eq!(
        h.state().timeline().lanes[usize::from(event.lane.0)]
            .id
            .as_str(),
        "central-asia"
    );
    assert_eq!(h.state().selected(), Some(at), "the selection follows it");
    // Down to the next lane, and back a year.
    let lane = h.get_by_label_contains("Lane Russia and Ukraine,").rect();
    let bar_now = from + egui::vec2(year, 0.0);
    drag(&mut h, bar_now, egui::pos2(from.x, lane.center().y));
    let at = h.state().timeline().event_index(id).unwrap();
    let event = &h.state().timeline().events[at];
    assert_eq!(event.when.to_string(), "2026");
    assert_eq!(
        h.state().timeline().lanes[usize::from(event.lane.0)]
            .id
            .as_str(),
        "russia-ukraine"
    );
    // Each drag is one step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(8);
    let at = h.state().timeline().event_index(id).unwrap();
    let event = &h.state().timeline().events[at];
    assert_eq!(
        (
            event.when.to_string(),
            h.state().timeline().lanes[usize::from(event.lane.0)]
                .id
                .as_str()
        ),
        ("2027".to_owned(), "central-asia")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(8);
    let at = h.state().timeline().event_index(id).unwrap();
    assert_eq!(h.state().timeline().events[at].when.to_string(), "2026");
}

#[test]
fn lanes_are_added_renamed_and_deleted_with_their_events_moved_and_all_undone() {
    let mut h = harness();
    let original = h.state().timeline().clone();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Lanes, tags and periods…").click();
    h.run();
    // A new lane, named as typed.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "New lane name")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "New lane name")
        .type_text("Trade law");
    h.run();
    h.get_by_label("Add lane").click();
    h.run();
    let lanes = &h.state().timeline().lanes;
    assert_eq!(lanes.len(), original.lanes.len() + 1);
    assert_eq!(
        (
            lanes.last().unwrap().id.as_str(),
            lanes.last().unwrap().label.as_str()
        ),
        ("trade-law", "Trade law")
    );
    // Renamed by typing over its name.
    type_into(&mut h, "Name of lane Trade law", "Trade and law");
    assert_eq!(
        h.state().timeline().lanes.last().unwrap().label,
        "Trade and law"
    );
    // Deleting the United States lane asks where its events go; they go to the first other lane.
    let us_events = original
        .events
        .iter()
        .filter(|e| original.lanes[usize::from(e.lane.0)].id == "us")
        .count();
    let delete_buttons: Vec<_> = h.query_all_by_label("Delete…").collect();
    delete_buttons[0].click();
    h.run();
    assert!(
        h.query_by_label_contains(&format!("holds {us_events} events"))
            .is_some()
    );
    h.get_by_label("Move them and delete the lane").click();
    h.run();
    let t = h.state().timeline();
    assert!(t.lanes.iter().all(|l| l.id != "us"));
    assert_eq!(t.events.len(), original.events.len(), "no event lost");
    let kz = t.lanes.iter().position(|l| l.id == "kazakhstan").unwrap();
    let kz_before = original
        .events
        .iter()
        .filter(|e| original.lanes[usize::from(e.lane.0)].id == "kazakhstan")
        .count();
    assert_eq!(
        t.events
            .iter()
            .filter(|e| usize::from(e.lane.0) == kz)
            .count(),
        kz_before + us_events
    );
    // Three steps, each undone.
    for _ in 0..3 {
        h.state_mut().apply(Command::Undo);
        h.run();
    }
    assert_eq!(h.state().timeline(), &original);
}

#[test]
fn periods_are_added_redated_duplicated_and_deleted_each_as_one_step() {
    let mut h = harness();
    let original = h.state().timeline().clone();
    h.state_mut().apply(Command::ShowLanesAndTags(true));
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "New period name")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "New period name")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "New period name")
        .type_text("Soviet era");
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "New period date")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "New period date")
        .type_text("1922/1991-12-26");
    h.run();
    h.get_by_label("Add period").scroll_to_me();
    h.run();
    h.get_by_label("Add period").click();
    h.run();
    let t = h.state().timeline();
    let at = t
        .periods
        .iter()
        .position(|p| p.title == "Soviet era")
        .unwrap();
    assert_eq!(t.periods[at].when.to_string(), "1922/1991-12-26");
    assert_eq!(t.periods[at].id, "soviet-era");
    // An impossible date is refused with the loader's words; the period keeps its date.
    h.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "Date of period Soviet era",
    )
    .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "Date of period Soviet era",
    )
    .type_text("1922/1991-02-30");
    h.run();
    assert!(
        h.query_by_label_contains("that day does not exist")
            .is_some()
    );
    h.key_press(Key::Enter);
    h.run();
    let t = h.state().timeline();
    let at = t
        .periods
        .iter()
        .position(|p| p.title == "Soviet era")
        .unwrap();
    assert_eq!(t.periods[at].when.to_string(), "1922/1991-12-26");
    // Duplicated, then the copy deleted.
    let before = t.periods.len();
    let duplicate: Vec<_> = h.query_all_by_label("Duplicate").collect();
    duplicate[at].scroll_to_me();
    h.run();
    let duplicate: Vec<_> = h.query_all_by_label("Duplicate").collect();
    duplicate[at].click();
    h.run();
    assert_eq!(h.state().timeline().periods.len(), before + 1);
    assert!(
        h.state()
            .timeline()
            .periods
            .iter()
            .any(|p| p.id == "soviet-era-copy")
    );
    let copy = h
        .state()
        .timeline()
        .periods
        .iter()
        .position(|p| p.id == "soviet-era-copy")
        .unwrap();
    let delete: Vec<_> = h.query_all_by_label("Delete").collect();
    delete[copy].scroll_to_me();
    h.run();
    let delete: Vec<_> = h.query_all_by_label("Delete").collect();
    delete[copy].click();
    h.run();
    assert_eq!(h.state().timeline().periods.len(), before);
    for _ in 0..3 {
        h.state_mut().apply(Command::Undo);
        h.run();
    }
    assert_eq!(h.state().timeline(), &original);
}

#[test]
fn the_editor_keeps_to_its_panel_frame_after_frame() {
    let mut h = harness();
    let at = h
        .state()
        .timeline()
        .event_index("kazakhstan-joins-wto")
        .unwrap();
    h.state_mut().apply(Command::Select(Some(at)));
    h.run();
    h.key_press(Key::E);
    h.run();
    let title = |h: &Harness<'_, DatelineApp>| {
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
            .rect()
    };
    let first = title(&h);
    h.run_steps(30);
    let later = title(&h);
    assert_eq!(first, later, "the panel grew");
    // The panel is beside the timeline, not over it, and within the window.
    assert!(
        later.right() <= 1400.0 && later.width() < 500.0,
        "{later:?}"
    );
}
