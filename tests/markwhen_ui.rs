//! Markwhen files in the window: one opens like any other timeline, and a broken one leaves the
//! timeline on screen with a message naming `FILE:LINE:COL`.

mod common;
use common::harness;

use std::path::Path;
use std::time::{Duration, Instant};

use dateline::app::{Command, DatelineApp};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn open(h: &mut Harness<'_, DatelineApp>, path: &Path) {
    h.state_mut().apply(Command::Open(path.to_owned()));
    let deadline = Instant::now() + Duration::from_secs(5);
    while h.state().is_loading() {
        assert!(Instant::now() < deadline, "timed out loading");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.step();
    h.run();
}

#[test]
fn a_markwhen_file_opens_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.mw");
    std::fs::write(
        &path,
        "---\ntitle: Plans\n---\n\n# Work\n2024-03-01: Start the job !job\nafter !job 2 weeks: First review\n",
    )
    .unwrap();
    let mut h = harness();
    open(&mut h, &path);
    let app = h.state();
    assert_eq!(app.timeline().title, "Plans");
    assert_eq!(app.file(), Some(path.as_path()));
    assert_eq!(app.window_title(), "dateline — Plans");
    assert_eq!(app.listed().len(), 2);
    assert!(app.notice().is_none(), "{:?}", app.notice());
    assert!(h.query_by_label("Plans").is_some(), "the heading");
}

#[test]
fn a_broken_markwhen_file_keeps_the_timeline_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.mw");
    std::fs::write(&path, "title: Broken\n\n2015-02-30: An impossible day\n").unwrap();
    let mut h = harness();
    let before = h.state().timeline().events.len();
    open(&mut h, &path);
    assert_eq!(h.state().timeline().events.len(), before);
    assert_eq!(h.state().file(), None);
    let notice = h.state().notice().expect("a message").to_owned();
    assert!(h.state().notice_is_error());
    assert!(
        notice.contains(&format!(
            "{}:3:1: invalid date \"2015-02-30\": that day does not exist",
            path.display()
        )),
        "{notice}"
    );
}
