//! End-to-end figures for large timelines: generate N events to a temporary dateline JSON file, load it,
//! then drive the real app headlessly through pans and zooms from everything-in-view down to a single day,
//! timing each frame as the app's whole UI pass plus tessellation. Prints one JSON line.
//!
//! ```sh
//! cargo run --release --example bench -- --events 1000000
//! ```
//!
//! `shapes_max` counts the shapes handed to egui in a frame (the timeline's kept drawings are already
//! meshes) and `vertices_max` the vertices a frame tessellates to, the better measure of what is drawn.
//!
//! Every figure is taken in a fresh child process, so the generator's memory does not count towards
//! `rss_mb` and no timing inherits another's heap: `parse_only_ms` and `load_ms` are each the median of
//! `--runs` processes (3 by default); `rss_mb` and the frames come from one more.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use clap::Parser;
use dateline::app::DatelineApp;
use dateline::app::command::Command as AppCommand;

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();

/// Benchmark options.
#[derive(Parser)]
struct Args {
    /// How many events to generate.
    #[arg(long, default_value_t = 100_000)]
    events: usize,
    /// The generator's seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Run the scripted sequence this many times (for profiling the frames).
    #[arg(long, default_value_t = 1)]
    repeat: usize,
    /// Measure an existing file (used by the parent process).
    #[arg(long, hide = true)]
    measure: Option<PathBuf>,
    /// Only time parsing a file into plain structs, and print the milliseconds (used by the parent).
    #[arg(long, hide = true)]
    parse_only: Option<PathBuf>,
    /// Only time dateline's whole load of a file, and print the milliseconds (used by the parent).
    #[arg(long, hide = true)]
    load_only: Option<PathBuf>,
    /// The parse-only figure measured in its own processes (passed on by the parent).
    #[arg(long, hide = true)]
    parse_only_ms: Option<f64>,
    /// The load figure measured in its own processes (passed on by the parent).
    #[arg(long, hide = true)]
    load_ms: Option<f64>,
    /// How many fresh processes time parse-only and load each (the median is reported).
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(path) = args.parse_only {
        println!("{}", time_parse_only(&path)?);
        return Ok(());
    }
    if let Some(path) = args.load_only {
        println!("{}", time_load(&path)?.1);
        return Ok(());
    }
    if let Some(path) = args.measure {
        return measure(
            &path,
            args.events,
            args.repeat,
            args.parse_only_ms,
            args.load_ms,
        );
    }
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("generated.json");
    dateline::generate::write_json(args.events, args.seed, std::fs::File::create(&path)?)?;
    // Each timing in a fresh process, so no run inherits another's heap; the median of a few, as times on
    // a shared machine vary from run to run.
    let floor = median_of_runs("--parse-only", &path, args.runs)?;
    let load = median_of_runs("--load-only", &path, args.runs)?;
    let status = Command::new(std::env::current_exe()?)
        .arg("--parse-only-ms")
        .arg(floor.to_string())
        .arg("--load-ms")
        .arg(load.to_string())
        .arg("--events")
        .arg(args.events.to_string())
        .arg("--repeat")
        .arg(args.repeat.to_string())
        .arg("--measure")
        .arg(&path)
        .status()?;
    anyhow::ensure!(status.success(), "the measuring process failed");
    Ok(())
}

/// The same file read into plain structs of owned strings: what `serde_json` costs with no validation, no
/// model and no index — the floor a loader can approach.
mod plain {
    #![allow(dead_code, missing_docs)]
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Timeline {
        pub format: Option<String>,
        pub title: String,
        #[serde(default)]
        pub description: String,
        pub source: Option<Source>,
        #[serde(default)]
        pub lanes: Vec<Label>,
        #[serde(default)]
        pub tags: Vec<Label>,
        #[serde(default)]
        pub periods: Vec<Period>,
        #[serde(default)]
        pub events: Vec<Event>,
    }
    #[derive(Deserialize)]
    pub struct Source {
        pub title: String,
        pub publisher: Option<String>,
        pub section: Option<String>,
        pub author: Option<String>,
        pub url: Option<String>,
        pub published: Option<String>,
        pub note: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct Label {
        pub id: String,
        pub label: String,
    }
    #[derive(Deserialize)]
    pub struct Quote {
        pub text: String,
        pub speaker: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct Link {
        pub label: String,
        pub url: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct Period {
        pub id: String,
        pub title: String,
        pub date: String,
        pub lane: Option<String>,
        #[serde(default)]
        pub summary: String,
        pub provenance: Option<String>,
        #[serde(default)]
        pub sources: Vec<Link>,
    }
    #[derive(Deserialize)]
    pub struct Event {
        pub id: String,
        pub title: String,
        pub date: String,
        pub text_date: Option<String>,
        pub status: Option<String>,
        pub lane: Option<String>,
        #[serde(default)]
        pub tags: Vec<String>,
        #[serde(default)]
        pub summary: String,
        pub note: Option<String>,
        #[serde(default)]
        pub quotes: Vec<Quote>,
        #[serde(default)]
        pub people: Vec<String>,
        #[serde(default)]
        pub places: Vec<String>,
        pub provenance: Option<String>,
        #[serde(default)]
        pub sources: Vec<Link>,
    }
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The median of `runs` figures printed by this program run with `flag path`, each in a fresh process.
fn median_of_runs(flag: &str, path: &Path, runs: usize) -> anyhow::Result<f64> {
    let mut figures = Vec::new();
    for _ in 0..runs.max(1) {
        let out = Command::new(std::env::current_exe()?)
            .arg(flag)
            .arg(path)
            .output()?;
        anyhow::ensure!(out.status.success(), "the {flag} process failed");
        figures.push(String::from_utf8_lossy(&out.stdout).trim().parse::<f64>()?);
    }
    figures.sort_by(f64::total_cmp);
    Ok(figures[figures.len() / 2])
}

/// dateline's whole load — read, parse, validate, build the app with its index — and its milliseconds.
fn time_load(path: &Path) -> anyhow::Result<(DatelineApp, f64)> {
    let t = Instant::now();
    let timeline = dateline::formats::load_path(path)?;
    let parsed_ms = t.elapsed().as_secs_f64() * 1000.0;
    let app = DatelineApp::new(timeline, Some(path.to_owned()), TODAY);
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    if std::env::var_os("BENCH_TRACE").is_some() {
        eprintln!(
            "read and parse {parsed_ms:.1} ms, app and index {:.1} ms",
            load_ms - parsed_ms
        );
    }
    Ok((app, load_ms))
}

/// `serde_json` parsing the file into plain structs, in milliseconds (the file is read first, untimed).
fn time_parse_only(path: &Path) -> anyhow::Result<f64> {
    let text = std::fs::read_to_string(path)?;
    let t = Instant::now();
    let raw: plain::Timeline = serde_json::from_str(&text)?;
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    drop(raw);
    Ok(ms)
}

fn measure(
    path: &Path,
    events: usize,
    repeat: usize,
    parse_only_ms: Option<f64>,
    load_ms: Option<f64>,
) -> anyhow::Result<()> {
    let file_mb = std::fs::metadata(path)?.len() as f64 / 1_048_576.0;

    // dateline's whole load: read, parse, validate, build the app with its index.
    let (mut app, load_here_ms) = time_load(path)?;
    let rss = rss_mb();
    let load_ms = load_ms.unwrap_or(load_here_ms);
    // The floor: serde_json parsing the same file into plain structs, best in its own process (as the
    // parent does); here, after the load, the heap it inherits may slow it down.
    let parse_only_ms = match parse_only_ms {
        Some(ms) => ms,
        None => time_parse_only(path)?,
    };

    let ctx = egui::Context::default();
    let size = egui::vec2(1400.0, 860.0);
    let mut frame_ms = Vec::new();
    let mut shapes_max = 0usize;
    let mut vertices_max = 0usize;
    let mut time = 0.0;
    let mut frame = |app: &mut DatelineApp, record: bool| {
        time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            time: Some(time),
            ..Default::default()
        };
        let t = Instant::now();
        let mut output = ctx.run_ui(input, |ui| app.show(ui));
        output.textures_delta.clear();
        let n = output.shapes.len();
        let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let vertices: usize = meshes
            .iter()
            .map(|clipped| match &clipped.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        std::hint::black_box(meshes);
        if std::env::var_os("BENCH_TRACE").is_some() {
            eprintln!(
                "frame {ms:.2} ms, {n} shapes, view {:?}",
                app.view_range().map(|(s, e)| e - s)
            );
        }
        if record {
            frame_ms.push(ms);
            shapes_max = shapes_max.max(n);
            vertices_max = vertices_max.max(vertices);
        }
    };
    // Warm up (fonts, first layout).
    for _ in 0..3 {
        frame(&mut app, false);
    }
    for _ in 0..repeat {
        // Everything in view, then zoom around the middle down to a single day, panning at each level.
        app.apply(AppCommand::FitAll);
        frame(&mut app, false);
        let (s, e) = app.view_range().unwrap_or((0.0, 1.0));
        let mut half = (e - s) / 2.0;
        let centre = f64::midpoint(s, e);
        for _ in 0..10 {
            frame(&mut app, true);
        }
        while half > 0.5 {
            for pan in [-0.3, 0.0, 0.3] {
                let c = centre + pan * half;
                app.apply(AppCommand::SetView(c - half, c + half));
                frame(&mut app, true);
                frame(&mut app, true);
            }
            half /= 1.6;
        }
        for _ in 0..10 {
            frame(&mut app, true);
        }
    }
    // Edits: move one event by a year, then undo it, each timed from the edit to the end of the next
    // frame drawn, at a view of about a year around it.
    let mut edit_ms = Vec::new();
    let mut rng = fastrand::Rng::with_seed(7);
    for _ in 0..40 {
        let n = app.timeline().events.len();
        let at = rng.usize(0..n);
        let mut moved = app.timeline().events[at].clone();
        let Some(when) = moved.when.shifted_years(1) else {
            continue;
        };
        moved.when = when;
        let (s, _) = dateline::view::index::span_days(moved.when.covered(TODAY));
        app.apply(AppCommand::SetView(s - 180.0, s + 180.0));
        frame(&mut app, false);
        frame(&mut app, false);
        let t = Instant::now();
        app.apply(AppCommand::ReplaceEvent {
            at,
            event: Box::new(moved),
            name: "move".to_owned(),
        });
        frame(&mut app, false);
        edit_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        app.apply(AppCommand::Undo);
        frame(&mut app, false);
        edit_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let pick_of = |v: &mut Vec<f64>, q: f64| {
        v.sort_by(f64::total_cmp);
        v.get(((v.len().max(1) - 1) as f64 * q).round() as usize)
            .copied()
            .unwrap_or(f64::NAN)
    };
    let (edit_median, edit_p95) = (pick_of(&mut edit_ms, 0.5), pick_of(&mut edit_ms, 0.95));
    frame_ms.sort_by(f64::total_cmp);
    let pick = |q: f64| frame_ms[((frame_ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "{{\"events\":{events},\"file_mb\":{file_mb:.1},\"parse_only_ms\":{parse_only_ms:.1},\"load_ms\":{load_ms:.1},\"rss_mb\":{rss:.1},\"frame_ms_median\":{:.2},\"frame_ms_p95\":{:.2},\"shapes_max\":{shapes_max},\"vertices_max\":{vertices_max},\"frames\":{},\"edit_to_frame_ms_median\":{edit_median:.2},\"edit_to_frame_ms_p95\":{edit_p95:.2},\"edits\":{}}}",
        pick(0.5),
        pick(0.95),
        frame_ms.len(),
        edit_ms.len()
    );
    Ok(())
}
