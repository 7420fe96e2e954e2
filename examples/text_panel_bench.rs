//! How long a frame of the window takes with a long source text beside the timeline.
//!
//! ```sh
//! cargo run --release --example text_panel_bench -- [FILE] [--mb N]
//! ```
//!
//! Builds a text of at least N megabytes (default 1, about a 300-page book) by repeating FILE (by default
//! the reference article, `../shared/reference/article.txt`, whose passages the built-in timeline quotes),
//! opens it beside the built-in timeline on the Text tab, then times whole frames of the app headlessly
//! (the UI pass and tessellation): idle frames at the top of the text, frames scrolling down it with the
//! mouse wheel, the frame after an event is selected (the text scrolls to its passage), and, for
//! comparison, idle frames on the Details tab. Prints one JSON line with the median and the worst frame
//! of each, in milliseconds.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use dateline::app::DatelineApp;
use dateline::app::command::Command;
use dateline::app::persist::SideTab;

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();

/// The window's size, as the app opens.
const SIZE: egui::Vec2 = egui::vec2(1400.0, 860.0);

fn main() -> anyhow::Result<()> {
    let mut file: Option<PathBuf> = None;
    let mut megabytes = 1.0f64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--mb" {
            megabytes = args.next().and_then(|n| n.parse().ok()).unwrap_or(1.0);
        } else {
            file = Some(PathBuf::from(a));
        }
    }
    let file = file.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/article.txt")
    });
    let one =
        std::fs::read_to_string(&file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    anyhow::ensure!(!one.trim().is_empty(), "{}: empty", file.display());
    let target = (megabytes * 1_000_000.0) as usize;
    let mut text = String::with_capacity(target + one.len());
    while text.len() < target {
        text.push_str(&one);
        text.push_str("\n\n");
    }
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("book.txt");
    std::fs::write(&path, &text)?;

    let mut app = DatelineApp::builtin(TODAY)?;
    let t = Instant::now();
    app.apply(Command::OpenText(path));
    let open_ms = t.elapsed().as_secs_f64() * 1000.0;
    anyhow::ensure!(app.source_text().is_some(), "the text did not open");
    app.apply(Command::SetTab(SideTab::Text));

    let ctx = egui::Context::default();
    let mut time = 0.0;
    // Over the side panel, where the text is.
    let over_text = egui::pos2(SIZE.x - 170.0, SIZE.y / 2.0);
    let mut frame = |app: &mut DatelineApp, events: Vec<egui::Event>| -> f64 {
        time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            time: Some(time),
            events,
            ..Default::default()
        };
        let t = Instant::now();
        let mut output = ctx.run_ui(input, |ui| app.show(ui));
        output.textures_delta.clear();
        let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(meshes);
        t.elapsed().as_secs_f64() * 1000.0
    };
    // Warm up: fonts, the first layout, the pointer over the text.
    for _ in 0..5 {
        frame(&mut app, vec![egui::Event::PointerMoved(over_text)]);
    }
    let idle: Vec<f64> = (0..30).map(|_| frame(&mut app, Vec::new())).collect();
    let scroll: Vec<f64> = (0..60)
        .map(|_| {
            frame(
                &mut app,
                vec![egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, -400.0),
                    phase: egui::TouchPhase::Move,
                    modifiers: egui::Modifiers::NONE,
                    source: egui::MouseWheelSource::Wheel,
                }],
            )
        })
        .collect();
    let idle_scrolled: Vec<f64> = (0..30).map(|_| frame(&mut app, Vec::new())).collect();
    let event = app
        .timeline()
        .event_index("kazakhstan-joins-wto")
        .unwrap_or(0);
    app.apply(Command::SelectAndReveal(event));
    let reveal: Vec<f64> = (0..5).map(|_| frame(&mut app, Vec::new())).collect();
    app.apply(Command::SetTab(SideTab::Details));
    for _ in 0..3 {
        frame(&mut app, Vec::new());
    }
    let details: Vec<f64> = (0..30).map(|_| frame(&mut app, Vec::new())).collect();

    let stats = |v: &[f64]| -> String {
        let mut s = v.to_vec();
        s.sort_by(f64::total_cmp);
        format!(
            "{{\"median_ms\":{:.2},\"max_ms\":{:.2}}}",
            s[s.len() / 2],
            s[s.len() - 1]
        )
    };
    println!(
        "{{\"text_mb\":{:.2},\"open_ms\":{open_ms:.1},\"idle\":{},\"scrolling\":{},\"idle_scrolled\":{},\"reveal\":{},\"details_tab\":{}}}",
        text.len() as f64 / 1_000_000.0,
        stats(&idle),
        stats(&scroll),
        stats(&idle_scrolled),
        stats(&reveal),
        stats(&details),
    );
    Ok(())
}
