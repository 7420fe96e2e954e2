//! Reviewing a draft in the window, driven headlessly: draft the article, accept two events, reject one,
//! save, and read the saved timeline back.

mod common;
use common::harness;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline::app::{Command, DatelineApp};
use dateline::draft::DRAFT_TAG;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn article() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/article.txt");
    path.exists().then_some(path)
}

/// Runs frames until the draft is made (or ten seconds pass).
fn wait_for_draft(h: &mut Harness<'_, DatelineApp>) {
    let start = Instant::now();
    while h.state().is_drafting() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run_steps(6);
    assert!(!h.state().is_drafting(), "the draft was not made");
}

/// The app with the article drafted, when the article is here to draft.
fn drafted_article() -> Option<Harness<'static, DatelineApp>> {
    let Some(article) = article() else {
        eprintln!("../shared/reference/article.txt is not here; not checked");
        return None;
    };
    let mut h = harness();
    h.state_mut().apply(Command::DraftFromText(article));
    wait_for_draft(&mut h);
    Some(h)
}

fn is_draft(timeline: &dateline::model::Timeline, e: &dateline::model::Event) -> bool {
    e.tags().any(|t| timeline.tag_id(t) == DRAFT_TAG)
}

#[test]
fn the_article_is_drafted_reviewed_and_saved() {
    let Some(mut h) = drafted_article() else {
        return;
    };
    let drafted = h.state().timeline().events.len();
    assert_eq!(drafted, 4, "the article's four dated events");
    assert_eq!(h.state().drafts_to_review(), 4);
    assert!(h.state().is_dirty(), "a draft is unsaved");
    assert!(
        !h.state().needs_date().is_empty(),
        "the recent meeting needs a date"
    );
    // The first draft is selected, with its sentence beside it and the review bar.
    assert!(h.query_by_label("4 drafts to review").is_some());
    let first = h.state().selected().expect("a draft is selected");
    let first_id = h.state().timeline().events[first].id().to_owned();
    // Accept, accept, reject: each goes on to the next draft.
    h.key_press(Key::A);
    h.run_steps(4);
    let second = h.state().selected().expect("the next draft is selected");
    let second_id = h.state().timeline().events[second].id().to_owned();
    assert_ne!(first_id, second_id);
    h.get_by_label("Accept").click();
    h.run_steps(4);
    let third = h.state().selected().expect("the next draft is selected");
    let rejected = h.state().timeline().events[third].id().to_owned();
    h.key_press(Key::R);
    h.run_steps(4);
    assert_eq!(h.state().drafts_to_review(), 1);
    // Saved as dateline JSON, and read back.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reviewed.json");
    h.state_mut().apply(Command::SaveAs(out.clone()));
    h.run_steps(4);
    let back = dateline::formats::load_path(&out).expect("the saved draft reads back");
    assert_eq!(back.events.len(), 3);
    let reviewed: Vec<&str> = back
        .events
        .iter()
        .filter(|e| !is_draft(&back, e))
        .map(dateline::model::Event::id)
        .collect();
    assert_eq!(reviewed.len(), 2);
    assert!(reviewed.contains(&first_id.as_str()) && reviewed.contains(&second_id.as_str()));
    assert!(back.events.iter().all(|e| e.id() != rejected));
    // Each event keeps its sentence, from the article.
    for e in &back.events {
        assert_eq!(e.details().quotes.len(), 1, "{}", e.id());
    }
}

#[test]
fn a_mention_that_needs_a_date_becomes_an_event_to_date() {
    let Some(mut h) = drafted_article() else {
        return;
    };
    let before = h.state().timeline().events.len();
    let waiting = h.state().needs_date().len();
    let sentence = h.state().needs_date()[0].sentence.clone();
    h.state_mut().apply(Command::DateMention(0));
    h.run_steps(4);
    assert_eq!(h.state().timeline().events.len(), before + 1);
    assert_eq!(h.state().needs_date().len(), waiting - 1);
    assert!(h.state().is_editing(), "open for its date to be typed");
    // The editor is on the Details tab, which takes the place of the text to show it.
    assert_eq!(
        h.state().side_tab(),
        dateline::app::persist::SideTab::Details
    );
    assert!(h.query_by_label("Edit event").is_some());
    let at = h.state().selected().unwrap();
    let quotes = h.state().timeline().events[at].details().quotes;
    assert_eq!(quotes[0].text, sentence);
    // Undone, it is gone again.
    h.state_mut().apply(Command::Undo);
    h.run_steps(4);
    assert_eq!(h.state().timeline().events.len(), before);
}
