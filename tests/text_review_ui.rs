//! The drafted text beside the timeline, driven headlessly: every temporal expression the finder found is
//! marked with what it understood, and words selected in the text become an event (M, the panel's
//! button), its quote the sentence around them, undoable, open in the editor.

mod common;
use common::TODAY;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline::app::persist::SideTab;
use dateline::app::{Command, DatelineApp};
use dateline::draft::DRAFT_TAG;
use dateline::model::Provenance;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn article() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/article.txt");
    path.exists().then_some(path)
}

/// The app with the article drafted, in a window tall enough to show the whole text beside the
/// timeline, when the article is here to draft.
fn drafted_article() -> Option<Harness<'static, DatelineApp>> {
    let Some(article) = article() else {
        eprintln!("../shared/reference/article.txt is not here; not checked");
        return None;
    };
    let mut h = Harness::builder()
        .with_size([1400.0, 3600.0])
        .with_max_steps(64)
        .build_eframe(|_cc| DatelineApp::builtin(TODAY).expect("the built-in dataset loads"));
    h.run();
    h.state_mut().apply(Command::DraftFromText(article));
    let start = Instant::now();
    while h.state().is_drafting() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
    assert!(!h.state().is_drafting(), "the draft was not made");
    assert_eq!(h.state().side_tab(), SideTab::Text, "the text opens beside");
    Some(h)
}

/// The point on screen at the start of character `k` of `words` (at its end with `end`), in the first
/// row of the source text that holds them whole.
fn point_in_text(h: &Harness<'_, DatelineApp>, words: &str, k: usize, end: bool) -> Pos2 {
    let run = h
        .query_all_by(|n| {
            n.role() == Role::TextRun
                && n.value().is_some_and(|v| v.contains(words))
                && n.parent()
                    .is_some_and(|p| p.role() == Role::MultilineTextInput)
        })
        .next()
        .expect("the words are in a row of the text");
    let node = run.accesskit_node();
    let value = node.value().unwrap_or_default();
    let at = value[..value.find(words).unwrap()].chars().count() + k;
    let positions = node
        .data()
        .character_positions()
        .expect("a text run has positions");
    let widths = node
        .data()
        .character_widths()
        .expect("a text run has widths");
    let x = if end {
        positions[at] + widths[at] - 0.5
    } else {
        positions[at] + 0.5
    };
    Pos2::new(run.rect().min.x + x, run.rect().center().y)
}

/// Drags the pointer over `words` in the text, selecting them.
fn select(h: &mut Harness<'_, DatelineApp>, words: &str) {
    let from = point_in_text(h, words, 0, false);
    let to = point_in_text(h, words, words.chars().count() - 1, true);
    h.event(Event::PointerMoved(from));
    h.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::default(),
    });
    h.step();
    for k in 1..=6 {
        let t = k as f32 / 6.0;
        h.event(Event::PointerMoved(from + (to - from) * t));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::default(),
    });
    h.run();
}

fn selected_words(h: &Harness<'_, DatelineApp>) -> String {
    let (a, b) = h.state().text_selection().expect("words are selected");
    h.state().source_text().unwrap().text[a..b].to_owned()
}

#[test]
fn every_expression_found_is_marked_with_what_was_understood() {
    let Some(mut h) = drafted_article() else {
        return;
    };
    let text = h
        .state()
        .source_text()
        .expect("the text is beside the timeline");
    assert!(text.mentions.len() >= 6, "{:?}", text.mentions);
    let mut want: BTreeMap<String, usize> = BTreeMap::new();
    for m in 0..text.mentions.len() {
        *want.entry(text.understood(m)).or_default() += 1;
    }
    for said in [
        "a date: 1974",
        "a date: 2015",
        "a date: 2022",
        "a date: 2026",
    ] {
        assert!(want.contains_key(said), "{said} not in {want:?}");
    }
    // Each expression is marked in the text, named for what was understood.
    for (said, n) in &want {
        let marks = h.query_all_by_role_and_label(Role::Mark, said).count();
        assert_eq!(marks, *n, "{said}");
    }
    // The quoted passages stay highlighted, each named for its words.
    assert!(
        h.query_by_label_contains("Quoted passage: The amendment, enacted in 1974")
            .is_some()
    );
    // Hovering an expression says what was understood, and who quotes the passage it is in.
    let tooltip = "a date: 2022\nQuoted by: ";
    assert_eq!(h.query_all_by_label_contains(tooltip).count(), 0);
    h.get_by_role_and_label(Role::Mark, "a date: 2022").hover();
    h.run();
    let start = Instant::now();
    while h.query_all_by_label_contains(tooltip).count() == 0
        && start.elapsed() < Duration::from_secs(3)
    {
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
    assert!(
        h.query_all_by_label_contains(tooltip).count() > 0,
        "the tooltip says what was understood"
    );
}

#[test]
fn words_selected_for_a_date_the_finder_missed_become_an_event_with_their_sentence() {
    let Some(mut h) = drafted_article() else {
        return;
    };
    let before = h.state().timeline().events.len();
    assert!(
        h.get_by_label("Make an event from the selection")
            .accesskit_node()
            .is_disabled(),
        "nothing is selected yet"
    );
    select(&mut h, "confirmation hearing");
    assert_eq!(selected_words(&h), "confirmation hearing");
    assert!(
        !h.get_by_label("Make an event from the selection")
            .accesskit_node()
            .is_disabled()
    );
    h.key_press(Key::M);
    h.run();
    let timeline = h.state().timeline();
    assert_eq!(timeline.events.len(), before + 1);
    let at = h.state().selected().expect("the new event is selected");
    let event = &timeline.events[at];
    let quotes = event.details().quotes;
    assert_eq!(
        quotes[0].text,
        "During his confirmation hearing to be U.S. Secretary of State, then-Senator Marco Rubio \
         called for the amendment\u{2019}s repeal."
    );
    assert_eq!(event.provenance, Provenance::Article);
    assert!(event.tags().any(|t| timeline.tag_id(t) == DRAFT_TAG));
    // The editor is open, on the tab that shows it, for the date to be typed.
    assert!(h.state().is_editing());
    assert_eq!(h.state().side_tab(), SideTab::Details);
    assert!(h.query_by_label("Edit event").is_some());
    let title = event.title().to_owned();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Title").value(),
        Some(title)
    );
    assert_eq!(h.state().text_selection(), None, "the selection is used up");
    // Ctrl+Z takes it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().timeline().events.len(), before);
}

#[test]
fn a_date_in_the_words_selected_dates_the_event_and_m_is_typed_in_a_field() {
    let Some(mut h) = drafted_article() else {
        return;
    };
    let before = h.state().timeline().events.len();
    select(&mut h, "enacted in 1974");
    assert_eq!(selected_words(&h), "enacted in 1974");
    h.get_by_label("Make an event from the selection").click();
    h.run();
    assert_eq!(h.state().timeline().events.len(), before + 1);
    let at = h.state().selected().expect("the new event is selected");
    let event = &h.state().timeline().events[at];
    assert_eq!(event.when.to_string(), "1974");
    assert!(
        event.details().quotes[0]
            .text
            .starts_with("The amendment, enacted in 1974, aimed to promote human rights")
    );
    assert!(h.query_by_label("Edit event").is_some());
    // In the editor's fields, M is a letter.
    h.get_by_role_and_label(Role::TextInput, "Title").focus();
    h.run();
    h.key_press(Key::M);
    h.run();
    assert_eq!(h.state().timeline().events.len(), before + 1);
    // Undone, the event is gone and the draft is as it was.
    h.key_press(Key::Escape);
    h.run();
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().timeline().events.len(), before);
}

#[test]
fn the_selections_context_menu_makes_the_event_too() {
    let Some(mut h) = drafted_article() else {
        return;
    };
    let before = h.state().timeline().events.len();
    select(&mut h, "foster");
    assert_eq!(selected_words(&h), "foster");
    // A right-click on the selection keeps it, and offers to make the event.
    let on = point_in_text(&h, "foster", 4, false);
    h.event(Event::PointerMoved(on));
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: on,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::default(),
        });
    }
    h.run();
    assert_eq!(selected_words(&h), "foster");
    // The menu's entry names its key.
    h.get_by_label("Make an event from the selection M").click();
    h.run();
    assert_eq!(h.state().timeline().events.len(), before + 1);
    let at = h.state().selected().expect("the new event is selected");
    assert!(
        h.state().timeline().events[at].details().quotes[0]
            .text
            .starts_with("Recent developments highlight their growing efforts")
    );
    assert!(h.query_by_label("Edit event").is_some());
}

#[test]
fn selecting_an_event_scrolls_a_long_text_to_its_passage_far_down() {
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(64)
        .build_eframe(|_cc| DatelineApp::builtin(TODAY).expect("the built-in dataset loads"));
    h.run();
    // A book of filler with one passage of the article deep inside it.
    let mut filler = String::new();
    for k in 0..800 {
        let _ = write!(
            filler,
            "Paragraph {k} of a long book, with nothing quoted in it, only words that fill the \
             page and wrap over a few rows of the panel.\n\n"
        );
    }
    let text = format!(
        "{filler}Kazakhstan joined the WTO in 2015, signaling its readiness to integrate further \
         into the global economy.\n\n{filler}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.txt");
    std::fs::write(&path, &text).unwrap();
    h.state_mut().apply(Command::OpenText(path));
    h.state_mut().apply(Command::SetTab(SideTab::Text));
    h.run();
    let passage = "Quoted passage: Kazakhstan joined the WTO in 2015";
    assert!(
        h.query_by_label_contains(passage).is_none(),
        "far down the text, not laid out"
    );
    let i = h
        .state()
        .timeline()
        .event_index("kazakhstan-joins-wto")
        .unwrap();
    h.state_mut().apply(Command::SelectAndReveal(i));
    h.run();
    let (s, e) = h.state().selected_passage().expect("the passage is found");
    assert!(text[s..e].starts_with("Kazakhstan joined"));
    let mark = h.get_by_label_contains(passage).rect();
    assert!(
        mark.min.y > 100.0 && mark.max.y < 860.0,
        "the passage is in view: {mark:?}"
    );
}

#[test]
fn the_shortcuts_work_in_the_text_except_the_keys_that_move_in_it() {
    let Some(mut h) = drafted_article() else {
        return;
    };
    select(&mut h, "confirmation hearing");
    assert_eq!(selected_words(&h), "confirmation hearing");
    let first = h.state().selected();
    assert!(first.is_some(), "a draft is selected");
    // The arrow moves the text's cursor (the selection goes), not the timeline's selection.
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().selected(), first);
    assert_eq!(h.state().text_selection(), None);
    // J still goes to the next draft.
    h.key_press(Key::J);
    h.run();
    assert!(h.state().selected().is_some());
    assert_ne!(h.state().selected(), first);
}
