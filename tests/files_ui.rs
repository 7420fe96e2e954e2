//! Files in the window, driven headlessly through `egui_kittest`: opening (the command the dialog sends,
//! dropping a file, the recent list), failed opens that keep the timeline, live reload with its banner,
//! cancelling a load, and exports from the menu.

mod common;
use common::harness;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dateline::app::{Command, DatelineApp};
use dateline::view::file_menu::{DialogPurpose, recent_label};
use dateline::view::list::entry_label;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The built-in dataset's best-known event: while it is there, the built-in timeline is on screen.
const BUILTIN_EVENT: &str = "kazakhstan-joins-wto";

/// Steps the app until `done` holds, for at most five seconds (background threads need real time).
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

/// Opens `path` through the command the file dialog sends, and waits for the load to finish.
fn open(h: &mut Harness<'_, DatelineApp>, path: &Path) {
    h.state_mut().apply(Command::Open(path.to_owned()));
    assert!(h.state().is_loading());
    wait_until(h, "the load to finish", |app| !app.is_loading());
}

/// A small dateline JSON timeline titled `title` with the events `(id, title, date)`.
fn timeline_json(title: &str, events: &[(&str, &str, &str)]) -> String {
    let events: Vec<String> = events
        .iter()
        .map(|(id, t, date)| {
            format!(r#"    {{ "id": "{id}", "title": "{t}", "date": "{date}", "lane": "main" }}"#)
        })
        .collect();
    format!(
        "{{\n  \"format\": \"dateline/1\",\n  \"title\": \"{title}\",\n  \"lanes\": [ {{ \"id\": \"main\", \"label\": \"Main\" }} ],\n  \"events\": [\n{}\n  ]\n}}\n",
        events.join(",\n")
    )
}

const FIRST: [(&str, &str, &str); 3] = [
    ("founding", "The founding", "1991-12-16"),
    ("treaty", "The treaty", "1994-05-01"),
    ("visit", "A state visit", "2001-09-10"),
];

fn has_builtin(app: &DatelineApp) -> bool {
    app.timeline().event_index(BUILTIN_EVENT).is_some()
}

/// Splits `PATH:LINE:COL: message` and checks the path, and that line and column are numbers.
fn assert_names_position(text: &str, path: &Path) {
    let prefix = format!("{}:", path.display());
    let rest = text
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix}: {text}"));
    let mut parts = rest.splitn(3, ':');
    let line = parts.next().unwrap_or_default();
    let column = parts.next().unwrap_or_default();
    assert!(
        line.parse::<u32>().is_ok() && column.parse::<u32>().is_ok(),
        "no LINE:COL after the path: {text}"
    );
}

#[test]
fn opening_a_file_shows_its_events_and_names_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.json");
    std::fs::write(&path, timeline_json("My timeline", &FIRST)).unwrap();
    let mut h = harness();
    // Whatever was selected, searched and filtered in the old timeline does not carry over.
    h.state_mut().apply(Command::SelectAndReveal(0));
    h.run();
    open(&mut h, &path);

    let app = h.state();
    assert_eq!(app.timeline().title, "My timeline");
    assert_eq!(app.file(), Some(path.as_path()));
    assert_eq!(app.window_title(), "dateline — My timeline");
    assert_eq!(app.selected(), None);
    assert_eq!(app.listed().len(), 3);
    assert_eq!(app.recent().first(), Some(&path));
    assert!(app.notice().is_none());
    for id in ["founding", "treaty", "visit"] {
        let i = app.timeline().event_index(id).unwrap();
        let label = entry_label(app.timeline(), i);
        assert!(h.query_by_label(&label).is_some(), "{label} not listed");
    }
    assert!(h.query_by_label("My timeline").is_some(), "the heading");
    // Everything is brought into view.
    let (s, e) = h.state().view_range().unwrap();
    assert!(s < 8000.0 && e > 11_500.0, "{s}..{e}");
    // The open file is watched from now on, and watching costs no frames while nothing changes.
    assert!(h.state().is_watching());
    std::thread::sleep(Duration::from_millis(300));
    let idle = h.run();
    assert!(idle <= 1, "idle run took {idle} steps");
}

#[test]
fn failed_opens_keep_the_timeline_and_say_where_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::copy("tests/fixtures/broken.json", &broken).unwrap();
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("picture.json");
    std::fs::write(&binary, b"{\"title\": \"\xff\xfe\"}").unwrap();
    let prose = dir.path().join("notes.txt");
    std::fs::write(&prose, "Just some notes, nothing dated.\n").unwrap();
    let missing = dir.path().join("gone.json");

    let mut h = harness();
    for (path, says) in [
        (&broken, "2015-02-30"),
        (&empty, "the file is empty"),
        (&binary, "not UTF-8 text"),
    ] {
        open(&mut h, path);
        assert!(
            has_builtin(h.state()),
            "{} replaced the timeline",
            path.display()
        );
        assert_eq!(h.state().file(), None);
        let notice = h.state().notice().expect("a message").to_owned();
        assert!(h.state().notice_is_error());
        assert!(notice.contains(says), "{notice}");
        assert!(
            notice.contains("The timeline on screen is unchanged"),
            "{notice}"
        );
        assert_names_position(&notice, path);
        // The message is on screen.
        let first_line = notice.lines().next().unwrap();
        assert!(
            h.query_by_label_contains(first_line).is_some(),
            "{first_line}"
        );
    }
    // A text is not read as a timeline: drafting one from it is offered, and a text with no dates
    // drafts nothing and leaves the timeline on screen.
    h.state_mut().apply(Command::Open(prose.clone()));
    h.run();
    assert!(!h.state().is_loading());
    assert_eq!(h.state().draft_offer(), Some(prose.as_path()));
    assert!(
        h.query_by_label_contains("is a text, not a timeline")
            .is_some()
    );
    h.get_by_label("Draft a timeline").click();
    // A spinner turns while the draft is made: frames are stepped, not run to rest.
    h.step();
    wait_until(&mut h, "the draft", |app| !app.is_drafting());
    assert!(has_builtin(h.state()));
    let notice = h.state().notice().expect("a message").to_owned();
    assert!(notice.contains("no dates found"), "{notice}");
    assert!(
        notice.contains("The timeline on screen is unchanged"),
        "{notice}"
    );
    open(&mut h, &missing);
    assert!(has_builtin(h.state()));
    assert!(
        h.state()
            .notice()
            .unwrap()
            .contains("gone.json: cannot read the file")
    );
    // Nothing that failed to open is offered again as a recent file.
    assert!(h.state().recent().is_empty());
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    std::fs::write(&path, timeline_json("Big", &FIRST)).unwrap();
    let mut h = harness();
    h.state_mut().set_max_file_bytes(64);
    open(&mut h, &path);
    assert!(has_builtin(h.state()));
    let notice = h.state().notice().unwrap();
    assert!(notice.contains("big.json"), "{notice}");
    assert!(notice.contains("at most 64 bytes"), "{notice}");
}

/// A file dropped on the window, as the windowing integration hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_on_the_window_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dropped.json");
    std::fs::write(&path, timeline_json("Dropped here", &FIRST)).unwrap();
    let mut h = harness();
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    h.step();
    assert!(h.state().is_loading(), "the drop started a load");
    wait_until(&mut h, "the dropped file to load", |app| !app.is_loading());
    assert_eq!(h.state().timeline().title, "Dropped here");
    assert_eq!(h.state().file(), Some(path.as_path()));
}

#[test]
fn ctrl_o_and_the_file_menu_open_the_file_dialog() {
    let mut h = harness();
    assert_eq!(h.state().dialog(), None);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.step();
    assert_eq!(h.state().dialog(), Some(DialogPurpose::Open));
    // Esc closes it, and leaves the timeline's own Esc alone.
    h.key_press(egui::Key::Escape);
    h.step();
    h.step();
    assert_eq!(h.state().dialog(), None);

    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open…").click();
    h.step();
    assert_eq!(h.state().dialog(), Some(DialogPurpose::Open));
}

#[test]
fn the_recent_menu_lists_opened_files_most_recent_first_and_disables_missing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    std::fs::write(&a, timeline_json("A", &FIRST)).unwrap();
    std::fs::write(&b, timeline_json("B", &FIRST)).unwrap();
    let mut h = harness();
    open(&mut h, &a);
    open(&mut h, &b);
    open(&mut h, &a);
    assert_eq!(h.state().recent(), [a.clone(), b.clone()]);
    std::fs::remove_file(&b).unwrap();

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open recent").click();
    h.run();
    let (label_a, label_b) = (recent_label(&a), recent_label(&b));
    assert!(!h.get_by_label(&label_a).accesskit_node().is_disabled());
    let entry_b = h.get_by_label(&label_b);
    assert!(entry_b.accesskit_node().is_disabled(), "b.json is gone");
    // Picking an entry opens it.
    std::fs::write(&b, timeline_json("B again", &FIRST)).unwrap();
    h.run();
    h.get_by_label(&recent_label(&b)).click();
    h.step();
    wait_until(&mut h, "the recent file to load", |app| !app.is_loading());
    assert_eq!(h.state().timeline().title, "B again");
    assert_eq!(h.state().recent()[0], b);

    // The list is remembered for the next launch.
    let state = h
        .state()
        .persisted(dateline::app::persist::ThemeChoice::System);
    assert_eq!(state.recent, [b, a]);
}

#[test]
fn live_reload_follows_valid_broken_and_fixed_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.json");
    std::fs::write(&path, timeline_json("Version one", &FIRST)).unwrap();
    let mut h = harness();
    open(&mut h, &path);
    assert!(h.state().is_watching());
    let treaty = h.state().timeline().event_index("treaty").unwrap();
    h.state_mut().apply(Command::SelectAndReveal(treaty));
    h.run();
    let view = h.state().view_range().unwrap();

    // A half-saved file: the last good timeline stays, with a banner naming the file, line and column.
    let good = timeline_json("Version two", &FIRST);
    std::fs::write(&path, &good[..good.len() / 2]).unwrap();
    wait_until(&mut h, "the banner", |app| app.reload_error().is_some());
    let banner = h.state().reload_error().unwrap().to_owned();
    assert_names_position(&banner, &path);
    assert_eq!(h.state().timeline().title, "Version one");
    assert_eq!(h.state().selected_id(), Some("treaty"));
    assert!(
        h.query_by_label_contains("showing the last good version")
            .is_some()
    );
    assert!(
        h.query_by_label_contains(banner.lines().next().unwrap())
            .is_some()
    );

    // The file is fixed: the new version shows and the banner goes away by itself; the view and the
    // selection stay, although the selected event moved in the file.
    let mut events = vec![("added", "Something new", "1999-01-01")];
    events.extend_from_slice(&FIRST);
    events.reverse();
    std::fs::write(&path, timeline_json("Version two", &events)).unwrap();
    wait_until(&mut h, "the fixed file", |app| {
        app.timeline().title == "Version two"
    });
    assert_eq!(h.state().reload_error(), None);
    assert!(
        h.query_by_label_contains("showing the last good version")
            .is_none()
    );
    assert_eq!(h.state().timeline().events.len(), 4);
    assert_eq!(h.state().selected_id(), Some("treaty"));
    let (s, e) = h.state().view_range().unwrap();
    assert!(
        (s - view.0).abs() < 1.0 && (e - view.1).abs() < 1.0,
        "{:?} vs {view:?}",
        (s, e)
    );
    assert_eq!(h.state().window_title(), "dateline — Version two");
}

#[test]
fn the_selection_survives_a_reload_only_while_its_event_exists() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sel.json");
    std::fs::write(&path, timeline_json("Selection", &FIRST)).unwrap();
    let mut h = harness();
    open(&mut h, &path);
    let visit = h.state().timeline().event_index("visit").unwrap();
    h.state_mut().apply(Command::SelectAndReveal(visit));
    h.run();

    // The event is still there, after a new earlier one: still selected, at its new index.
    let mut moved = vec![("earliest", "Before everything", "1980-01-01")];
    moved.extend_from_slice(&FIRST);
    moved.reverse();
    std::fs::write(&path, timeline_json("Selection", &moved)).unwrap();
    h.state_mut().apply(Command::Reload);
    wait_until(&mut h, "the reload", |app| !app.is_loading());
    assert_eq!(h.state().selected_id(), Some("visit"));
    assert_ne!(h.state().selected(), Some(visit), "its index changed");

    // The event is gone: nothing is selected.
    std::fs::write(&path, timeline_json("Selection", &FIRST[..2])).unwrap();
    h.state_mut().apply(Command::Reload);
    wait_until(&mut h, "the reload", |app| !app.is_loading());
    assert_eq!(h.state().timeline().events.len(), 2);
    assert_eq!(h.state().selected(), None);
}

#[test]
fn cancelling_an_open_keeps_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("slow.json");
    std::fs::write(&path, timeline_json("Never shown", &FIRST)).unwrap();
    let mut h = harness();
    h.state_mut().apply(Command::Open(path.clone()));
    assert!(h.state().is_loading());
    h.state_mut().apply(Command::CancelLoad);
    assert!(!h.state().is_loading());
    // Give a finished thread every chance to deliver: nothing comes.
    std::thread::sleep(Duration::from_millis(100));
    h.run();
    assert!(has_builtin(h.state()));
    assert!(h.state().notice().unwrap().contains("Stopped opening"));
}

/// A named pipe with no writer blocks its reader: a load that stays in progress until the test lets it go.
#[cfg(unix)]
#[test]
fn the_cancel_button_stops_a_load_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipping");
        return;
    }
    let mut h = harness();
    h.state_mut().apply(Command::Open(fifo.clone()));
    for _ in 0..5 {
        h.step();
    }
    assert!(h.state().is_loading());
    assert!(h.query_by_label_contains("Opening pipe.json").is_some());
    h.get_by_label("Cancel").click();
    h.step();
    assert!(!h.state().is_loading());
    assert!(has_builtin(h.state()));
    // Let the blocked loader go: it sees it was cancelled and ends.
    let _ = std::fs::write(&fifo, timeline_json("Too late", &FIRST));
    std::thread::sleep(Duration::from_millis(50));
    h.run();
    assert!(has_builtin(h.state()));
}

#[test]
fn exports_from_the_menu_write_dateline_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    let json = dir.path().join("out.json");
    let csv = dir.path().join("out.csv");
    h.state_mut().apply(Command::ExportJson(json.clone()));
    assert!(h.state().notice().unwrap().starts_with("Wrote"));
    h.state_mut().apply(Command::ExportCsv(csv.clone()));
    h.run();
    assert!(!h.state().notice_is_error());
    let count = h.state().timeline().events.len();
    for path in [&json, &csv] {
        let back = dateline::formats::load_path(path).unwrap();
        assert_eq!(back.events.len(), count, "{}", path.display());
    }
    // A place that cannot be written: a message, and nothing else changes.
    h.state_mut()
        .apply(Command::ExportJson(dir.path().join("missing/dir/x.json")));
    assert!(h.state().notice_is_error());
    assert!(has_builtin(h.state()));
    // The PNG export asks the window for a screenshot (the harness has no renderer to answer), and
    // changes nothing on screen meanwhile, so the picture shows what the person saw.
    h.run();
    h.get_by_label("dismiss").click();
    h.run();
    assert_eq!(h.state().notice(), None);
    h.state_mut()
        .apply(Command::ExportPng(dir.path().join("view.png")));
    assert_eq!(h.state().notice(), None);
    h.step();
    let asked = h.output().viewport_output.values().any(|v| {
        v.commands
            .iter()
            .any(|c| matches!(c, egui::ViewportCommand::Screenshot(_)))
    });
    assert!(asked, "a screenshot was asked for");
}

#[test]
fn the_file_menu_goes_back_to_the_builtin_timeline() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.json");
    std::fs::write(&path, timeline_json("Mine", &FIRST)).unwrap();
    open(&mut h, &path);
    assert!(!has_builtin(h.state()));
    assert_eq!(h.state().file(), Some(path.as_path()));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Built-in article timeline").click();
    h.run();
    assert!(has_builtin(h.state()));
    assert_eq!(h.state().file(), None, "no file is open or watched");
    assert_eq!(
        h.state().timeline().title,
        "Kazakhstan, the United States and the Jackson-Vanik amendment"
    );
}
