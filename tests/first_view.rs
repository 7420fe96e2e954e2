//! The first view of the built-in dataset: the article's four key events each have a label, at the window
//! sizes people use, and no two of the timeline's labels overlap.

mod common;
use common::TODAY;

use dateline::app::DatelineApp;
use dateline::model::Timeline;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

/// The ids of the article's key events: the 1974 amendment, the 2015 WTO entry, the 2022 invasion and
/// the 2026 target.
const KEY_EVENTS: [&str; 4] = [
    "trade-act-passed-by-congress",
    "kazakhstan-joins-wto",
    "russia-invades-ukraine",
    "uzbekistan-wto-membership-target",
];

/// The timeline's labels as laid out: the buttons over the timeline that name an event (or a cluster by
/// an event) as its label does, not as its mark does ("title, date") or as a cluster does ("cluster of").
fn labels(h: &Harness<'_, DatelineApp>) -> Vec<(String, egui::Rect)> {
    let timeline: &Timeline = h.state().timeline();
    let marks: Vec<String> = timeline
        .events
        .iter()
        .map(|e| format!("{}, {}", e.title(), e.when.short_label()))
        .collect();
    let plot = h.get_by_label_contains("Lane United States,").rect();
    // Each label is a node kept hidden from screen readers (its words are in its event's name), there to
    // say where the words are drawn.
    h.query_all_by_role(egui::accesskit::Role::Label)
        .filter(|node| node.accesskit_node().is_hidden())
        .filter_map(|node| {
            let label = node.accesskit_node().value()?;
            let rect = node.rect();
            let is_label = rect.left() >= plot.left() - 1.0
                && !label.starts_with("Cluster of")
                && !marks.contains(&label)
                && timeline.events.iter().any(|e| {
                    let title = e.title();
                    let start = &title[..title.len().min(12)];
                    label.starts_with(start) || label.starts_with(&format!("c. {start}"))
                });
            is_label.then_some((label, rect))
        })
        .collect()
}

fn first_view(width: f32, height: f32) {
    let mut h = Harness::builder()
        .with_size([width, height])
        .build_eframe(|_cc| DatelineApp::builtin(TODAY).expect("the built-in dataset loads"));
    h.run();
    let laid_out = labels(&h);
    let timeline = h.state().timeline();
    for id in KEY_EVENTS {
        let event = &timeline.events[timeline.event_index(id).expect("a key event")];
        // Its label starts with its title, whole or cut short at the end; a cluster's label names it too.
        let title = event.title();
        let found = laid_out.iter().find(|(label, _)| {
            let words = label.strip_prefix("c. ").unwrap_or(label);
            let words = words.split(" (+").next().unwrap_or(words);
            let words = words.trim_end_matches(" — target").trim_end_matches(" (?)");
            match words.strip_suffix('…') {
                Some(cut) => cut.len() >= 24 && title.starts_with(cut.trim_end()),
                None => words == title,
            }
        });
        assert!(
            found.is_some(),
            "{width}×{height}: no label for {id}; labels: {:#?}",
            laid_out.iter().map(|l| &l.0).collect::<Vec<_>>()
        );
    }
    for (i, (a, ra)) in laid_out.iter().enumerate() {
        for (b, rb) in &laid_out[i + 1..] {
            // The widgets reach two points past their text on each side.
            assert!(
                !ra.shrink(2.5).intersects(rb.shrink(2.5)),
                "{width}×{height}: \"{a}\" {ra:?} overlaps \"{b}\" {rb:?}"
            );
        }
    }
}

#[test]
fn the_key_events_have_labels_that_do_not_overlap_at_1400_by_900() {
    first_view(1400.0, 900.0);
}

#[test]
fn the_key_events_have_labels_that_do_not_overlap_at_1024_by_700() {
    first_view(1024.0, 700.0);
}
