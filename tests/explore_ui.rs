//! Exploring: search, filters, the source text beside the timeline, the overview strip and the remembered
//! view, driven headlessly through `egui_kittest`.

mod common;
use common::{TODAY, harness};

use std::collections::HashMap;
use std::path::PathBuf;

use dateline::app::DatelineApp;
use dateline::app::command::Command;
use dateline::app::persist::{Persisted, STATE_KEY, SideTab};
use dateline::model::Provenance;
use eframe::App as _;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn ids(h: &Harness<'_, DatelineApp>, list: &[usize]) -> Vec<String> {
    list.iter()
        .map(|&i| h.state().timeline().events[i].id().to_string())
        .collect()
}

#[test]
fn search_narrows_the_list_and_steps_through_matches() {
    let mut h = harness();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("wto");
    h.run();
    let listed = ids(&h, h.state().listed());
    assert!(listed.contains(&"kazakhstan-joins-wto".to_owned()));
    assert!(listed.contains(&"kazakhstan-signs-wto-accession-protocol".to_owned()));
    assert!(listed.len() < h.state().timeline().events.len());
    assert!(
        h.query_by_label_contains("matches").is_some(),
        "the match count shows"
    );
    // Enter steps through the matches in time order, Shift+Enter goes back.
    h.key_press(egui::Key::Enter);
    h.run();
    let first = h.state().selected().unwrap();
    assert_eq!(Some(first), h.state().listed().first().copied());
    h.key_press(egui::Key::Enter);
    h.run();
    let second = h.state().selected().unwrap();
    assert_eq!(Some(second), h.state().listed().get(1).copied());
    h.key_press_modifiers(Modifiers::SHIFT, egui::Key::Enter);
    h.run();
    assert_eq!(h.state().selected(), Some(first));
    // Accent- and case-insensitive: "TOKÁYEV" finds Tokayev.
    h.state_mut().apply(Command::Escape);
    h.run();
    assert_eq!(h.state().query(), "");
    assert_eq!(h.state().listed().len(), h.state().timeline().events.len());
}

#[test]
fn slash_focuses_the_search_without_typing_a_slash() {
    let mut h = harness();
    h.key_press(egui::Key::Slash);
    h.event(Event::Text("/".into()));
    h.run();
    h.get_by_label("Search").type_text("Tokáyev");
    h.run();
    assert_eq!(h.state().query(), "Tokáyev");
    assert!(ids(&h, h.state().listed()).contains(&"daines-meets-tokayev-in-astana".to_owned()));
}

#[test]
fn the_context_filter_hides_and_restores_context_events() {
    let mut h = harness();
    let all = h.state().timeline().events.len();
    let article = h
        .state()
        .timeline()
        .events
        .iter()
        .filter(|e| e.provenance == Provenance::Article)
        .count();
    h.get_by_label_contains("With context").click();
    h.run();
    assert!(h.state().filters().article_only);
    assert_eq!(h.state().listed().len(), article);
    assert_eq!(
        h.state().shown_count(),
        article,
        "the timeline hides them too"
    );
    assert!(
        h.state()
            .listed()
            .iter()
            .all(|&i| h.state().timeline().events[i].provenance == Provenance::Article)
    );
    h.get_by_label_contains("With context").click();
    h.run();
    assert_eq!(h.state().listed().len(), all);
}

#[test]
fn a_lane_toggle_hides_its_events_and_reset_restores() {
    let mut h = harness();
    let all = h.state().timeline().events.len();
    h.get_by_label_contains("United States  (").click();
    h.run();
    let us = h
        .state()
        .timeline()
        .lanes
        .iter()
        .position(|l| l.id == "us")
        .unwrap();
    assert!(
        h.state()
            .listed()
            .iter()
            .all(|&i| usize::from(h.state().timeline().events[i].lane.0) != us)
    );
    assert!(h.state().listed().len() < all);
    h.get_by_label("reset").click();
    h.run();
    assert_eq!(h.state().listed().len(), all);
}

#[test]
fn the_text_links_passages_and_events_both_ways() {
    // The selected passage flashes for a moment: let the harness run through the animation.
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(64)
        .build_eframe(|_cc| DatelineApp::builtin(TODAY).expect("the built-in dataset loads"));
    // A text with the article's words, typographic quotes turned plain and a line break mid-sentence.
    let text = "Intro.\nKazakhstan joined the\nWTO in 2015, signaling its readiness to integrate further into the global economy.\n\
                The amendment, enacted in 1974, aimed to promote human rights by tying trade liberalization to emigration policies in Soviet-bloc countries.\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    h.state_mut().apply(Command::OpenText(path));
    h.state_mut().apply(Command::SetTab(SideTab::Text));
    h.run();
    assert!(h.state().source_text().is_some_and(|t| t.spans.len() >= 2));
    // Click the highlighted passage: its event is selected.
    h.get_by_label_contains("enacted in 1974").click();
    h.run();
    assert_eq!(
        h.state().selected_id(),
        Some("trade-act-passed-by-congress")
    );
    let (s, e) = h.state().selected_passage().unwrap();
    assert!(text[s..e].contains("enacted in 1974"));
    // Select another event: its passage is the one highlighted.
    let i = h
        .state()
        .timeline()
        .event_index("kazakhstan-joins-wto")
        .unwrap();
    h.state_mut().apply(Command::SelectAndReveal(i));
    h.run();
    let (s, e) = h.state().selected_passage().unwrap();
    assert!(
        text[s..e].starts_with("Kazakhstan joined the\nWTO in 2015"),
        "{:?}",
        &text[s..e]
    );
}

#[test]
fn dragging_the_overview_pans_the_view() {
    let mut h = harness();
    h.key_press(egui::Key::Plus);
    h.run();
    h.key_press(egui::Key::Plus);
    h.run();
    let (s0, e0) = h.state().view_range().unwrap();
    let strip = h.get_by_label_contains("Overview").rect();
    // Grab the middle of the view window (it is centred after zooming around the centre) and drag right.
    let start = Pos2::new(strip.center().x, strip.center().y);
    h.event(Event::PointerMoved(start));
    h.event(Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::default(),
    });
    h.step();
    for k in 1..=10 {
        h.event(Event::PointerMoved(Pos2::new(
            start.x + 10.0 * k as f32,
            start.y,
        )));
        h.step();
    }
    let end = Pos2::new(start.x + 100.0, start.y);
    h.event(Event::PointerButton {
        pos: end,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::default(),
    });
    h.run();
    let (s1, e1) = h.state().view_range().unwrap();
    assert!(s1 > s0 + 1.0, "the view moved later in time: {s0} -> {s1}");
    assert!(
        ((e1 - s1) - (e0 - s0)).abs() < 1.0,
        "panning keeps the zoom"
    );
}

#[test]
fn dragging_the_overview_windows_edge_zooms_from_where_the_press_began() {
    let mut h = harness();
    h.key_press(egui::Key::Plus);
    h.run();
    h.key_press(egui::Key::Plus);
    h.run();
    let (s0, e0) = h.state().view_range().unwrap();
    let strip = h.get_by_label_contains("Overview").rect();
    // Where the strip draws the view window's right edge.
    let extent = dateline::view::index::EventIndex::build(
        h.state().timeline(),
        TODAY,
        &dateline::view::scale::Scale::linear(),
        |_| true,
    )
    .extent;
    let (a, b) = dateline::view::overview::strip_range(extent, (s0, e0));
    let edge_x = strip.left() + ((e0 - a) / (b - a)) as f32 * strip.width();
    // Press on the edge, then move in steps larger than the edge's grab: the drag begins away from it.
    let start = Pos2::new(edge_x, strip.center().y);
    h.event(Event::PointerMoved(start));
    h.event(Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::default(),
    });
    h.step();
    for k in 1..=5 {
        h.event(Event::PointerMoved(Pos2::new(
            start.x + 12.0 * k as f32,
            start.y,
        )));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: Pos2::new(start.x + 60.0, start.y),
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::default(),
    });
    h.run();
    let (s1, e1) = h.state().view_range().unwrap();
    assert!(
        (s1 - s0).abs() < 1.0,
        "the left edge stays where it was: {s0} -> {s1}"
    );
    assert!(
        e1 > e0 + (e0 - s0) * 0.1,
        "the right edge moved later, widening the view: {e0} -> {e1}"
    );
}

/// Storage in memory, as eframe's would be on disk.
#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

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
fn the_view_comes_back_on_the_next_launch() {
    let mut h = harness();
    let i = h
        .state()
        .timeline()
        .event_index("russia-invades-ukraine")
        .unwrap();
    h.state_mut().apply(Command::SelectAndReveal(i));
    h.get_by_label_contains("With context").click();
    h.run();
    h.key_press(egui::Key::Plus);
    h.run();
    let range = h.state().view_range().unwrap();
    let mut storage = MemoryStorage::default();
    h.state_mut().save(&mut storage);

    let ctx = egui::Context::default();
    let mut again = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::launch(&ctx, Some(&storage), None, None, TODAY));
    again.run();
    assert_eq!(again.state().selected_id(), Some("russia-invades-ukraine"));
    assert!(again.state().filters().article_only);
    let (s, e) = again.state().view_range().unwrap();
    assert!(
        (s - range.0).abs() < 1.0 && (e - range.1).abs() < 1.0,
        "{:?} vs {range:?}",
        (s, e)
    );
}

#[test]
fn a_corrupted_stored_state_falls_back_to_defaults() {
    let mut storage = MemoryStorage::default();
    storage.0.insert(
        STATE_KEY.to_owned(),
        "(version: 1, view_range: Some((\"oops".to_owned(),
    );
    let ctx = egui::Context::default();
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::launch(&ctx, Some(&storage), None, None, TODAY));
    h.run();
    assert_eq!(h.state().selected(), None);
    assert!(!h.state().filters().is_active());
    assert_eq!(h.state().listed().len(), h.state().timeline().events.len());
    assert!(h.state().notice().is_none());
    assert_eq!(Persisted::from_ron("garbage"), Persisted::default());
}

#[test]
fn a_missing_remembered_file_falls_back_to_the_builtin_with_a_notice() {
    let mut storage = MemoryStorage::default();
    let state = Persisted {
        file: Some(PathBuf::from("/nonexistent/old.json")),
        ..Persisted::default()
    };
    state.store(&mut storage);
    let ctx = egui::Context::default();
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::launch(&ctx, Some(&storage), None, None, TODAY));
    h.run();
    assert!(
        h.state()
            .timeline()
            .event_index("kazakhstan-joins-wto")
            .is_some()
    );
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.contains("/nonexistent/old.json"))
    );
}

#[test]
fn question_mark_shows_every_shortcut() {
    let mut h = harness();
    h.key_press(egui::Key::Questionmark);
    h.run();
    assert!(h.query_by_label("Keyboard shortcuts").is_some());
    for (keys, _) in dateline::view::help::SHORTCUTS {
        assert!(
            h.query_by_label(keys).is_some(),
            "{keys} missing from the help"
        );
    }
}

/// The vertices of the glyphs the last frame painted for the timeline label that reads exactly `words`.
/// Labels are drawn as meshes made once per view, so the glyphs are found by where they are: inside the
/// label's own widget, textured from the font atlas (solid shapes use its white texel).
fn label_glyph_vertices(h: &Harness<'_, DatelineApp>, words: &str) -> Vec<egui::epaint::Vertex> {
    let nodes: Vec<_> = h.get_all_by_label(words).collect();
    assert_eq!(nodes.len(), 1, "one widget labelled {words:?}");
    // The widget reaches two points past its text on each side.
    let rect = nodes[0].rect().shrink(2.0);
    h.output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Mesh(mesh) => Some(mesh),
            _ => None,
        })
        .flat_map(|mesh| mesh.vertices.iter())
        .filter(|v| rect.contains(v.pos) && v.uv != egui::epaint::WHITE_UV)
        .copied()
        .collect()
}

/// The colours of the glyphs the last frame painted for the timeline label that reads exactly `words`.
fn label_colors(h: &Harness<'_, DatelineApp>, words: &str) -> Vec<egui::Color32> {
    let mut colors: Vec<egui::Color32> = label_glyph_vertices(h, words)
        .iter()
        .map(|v| v.color)
        .collect();
    colors.sort_by_key(egui::Color32::to_array);
    colors.dedup();
    colors
}

#[test]
fn a_search_fades_the_labels_of_events_that_do_not_match() {
    // Labels are kept from frame to frame while the view stays; a search must still change them.
    let mut h = harness();
    let label = "Russia launches its full-scale invasion of Ukraine";
    let before = label_colors(&h, label);
    assert_eq!(
        before.len(),
        1,
        "the timeline labels the event in one colour"
    );
    let view = h.state().view_range();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("wto");
    h.run();
    assert_eq!(
        h.state().view_range(),
        view,
        "searching does not move the view"
    );
    let during = label_colors(&h, label);
    assert_eq!(during.len(), 1);
    assert_ne!(during, before, "a label that does not match fades");
    h.state_mut().apply(Command::Escape);
    h.run();
    assert_eq!(
        label_colors(&h, label),
        before,
        "clearing the search restores it"
    );
}

#[test]
fn without_a_source_text_the_quotes_list_selects_the_event_quoted() {
    let mut h = harness();
    h.state_mut().apply(Command::SetTab(SideTab::Text));
    h.run();
    // The passages are shown whole, as in the text: scroll to this one first, as a reader would.
    h.get_by_label_contains("We need more friends in Central Asia")
        .scroll_to_me();
    h.run();
    h.get_by_label_contains("We need more friends in Central Asia")
        .click();
    // Selecting flashes the event for a moment: step rather than wait for it to settle.
    h.run_steps(3);
    assert_eq!(
        h.state().selected_id(),
        Some("senate-central-asia-caucus-launched")
    );
}

/// The glyph atlas's size in texels.
#[expect(
    clippy::redundant_closure_for_method_calls,
    reason = "the method path does not satisfy the reader's lifetime bound"
)]
fn atlas_size(ctx: &egui::Context) -> [usize; 2] {
    ctx.fonts(|f| f.font_image_size())
}

/// The corners of the glyphs the last frame drew inside the timeline label that reads exactly `words`, in
/// texels of the font atlas as it is now.
fn label_glyph_corners(h: &Harness<'_, DatelineApp>, words: &str) -> Vec<[u32; 2]> {
    let [w, ht] = atlas_size(&h.ctx);
    let mut corners: Vec<[u32; 2]> = label_glyph_vertices(h, words)
        .iter()
        .map(|v| {
            [
                (v.uv.x * w as f32).round() as u32,
                (v.uv.y * ht as f32).round() as u32,
            ]
        })
        .collect();
    corners.sort_unstable();
    corners.dedup();
    corners
}

#[test]
fn labels_stay_readable_when_the_font_atlas_grows() {
    // Labels are kept as meshes whose texture coordinates are fractions of the font atlas's size; when new
    // glyphs make the atlas grow, they must be made again, or they would show the wrong part of it.
    let mut h = harness();
    let label = "Russia launches its full-scale invasion of Ukraine";
    let font = egui::FontId::proportional(12.5);
    let expected = |h: &Harness<'_, DatelineApp>| -> Vec<[u32; 2]> {
        let galley = h
            .ctx
            .fonts_mut(|f| f.layout_no_wrap(label.to_owned(), font.clone(), egui::Color32::WHITE));
        let mut corners: Vec<[u32; 2]> = galley
            .rows
            .iter()
            .flat_map(|placed| placed.row.glyphs.iter())
            .filter(|g| g.uv_rect.max[0] > g.uv_rect.min[0])
            .flat_map(|g| {
                let (a, b) = (g.uv_rect.min, g.uv_rect.max);
                [
                    [u32::from(a[0]), u32::from(a[1])],
                    [u32::from(b[0]), u32::from(b[1])],
                ]
            })
            .collect();
        corners.sort_unstable();
        corners.dedup();
        corners
    };
    let drawn = label_glyph_corners(&h, label);
    let wanted = expected(&h);
    assert!(
        wanted.iter().all(|c| drawn.contains(c)),
        "before: {drawn:?} lacks some of {wanted:?}"
    );

    // Glyphs at a size nothing uses yet fill the atlas until it grows.
    let before = atlas_size(&h.ctx);
    let big = egui::FontId::proportional(90.0);
    let text: String = ('A'..='Z').chain('a'..='z').chain('0'..='9').collect();
    h.ctx
        .fonts_mut(|f| f.layout_no_wrap(text, big, egui::Color32::WHITE));
    assert_ne!(atlas_size(&h.ctx), before, "the atlas grew");
    h.run();

    let drawn = label_glyph_corners(&h, label);
    let wanted = expected(&h);
    assert!(
        wanted.iter().all(|c| drawn.contains(c)),
        "after: {drawn:?} lacks some of {wanted:?}"
    );
}

#[test]
fn the_mouse_wheel_zooms_about_the_pointer_and_back() {
    let mut h = harness();
    let (s0, e0) = h.state().view_range().unwrap();
    // A lane's row spans the plot's width: a point a third of the way across it, in the lane.
    let lane = h.get_by_label_contains("Lane Kazakhstan,").rect();
    let fraction = 1.0 / 3.0;
    let at = Pos2::new(lane.left() + lane.width() * fraction, lane.center().y);
    let time_at = |(s, e): (f64, f64)| s + (e - s) * f64::from(fraction);
    let wheel = |h: &mut Harness<'_, DatelineApp>, lines: f32| {
        h.event(Event::PointerMoved(at));
        h.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, lines),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        // egui smooths the wheel over a few frames.
        h.run_steps(30);
    };

    wheel(&mut h, 3.0);
    let zoomed = h.state().view_range().unwrap();
    assert!(
        zoomed.1 - zoomed.0 < 0.7 * (e0 - s0),
        "three notches zoom in: {zoomed:?} from {:?}",
        (s0, e0)
    );
    let drift = (time_at(zoomed) - time_at((s0, e0))).abs();
    assert!(
        drift < 0.01 * (e0 - s0),
        "the time under the pointer stays put (moved {drift} days)"
    );

    wheel(&mut h, -3.0);
    let back = h.state().view_range().unwrap();
    assert!(
        ((back.1 - back.0) / (e0 - s0) - 1.0).abs() < 0.01,
        "scrolling back restores the span: {back:?} vs {:?}",
        (s0, e0)
    );
}
