//! Whole-timeline figures: `dateline export IN --to OUT.svg|OUT.png [--width PX] [--from D --until D]`,
//! run as a process, and the figure's layout on hard inputs. The SVG is read back as XML; the PNG is
//! decoded for its size. (The SVG writer puts each text on a line of its own; SVG's white-space rules
//! drop those line breaks, so the texts are compared trimmed.)

mod common;
use common::{TODAY, dateline, fixture, text};

use std::path::Path;

use dateline::figure::{self, FigureOptions};

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Every text of an SVG document, in document order.
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(roxmltree::Node::is_text)
                .filter_map(|t| t.text())
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .collect()
}

fn png_size(path: &Path) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let reader = decoder.read_info().unwrap();
    (reader.info().width, reader.info().height)
}

#[test]
fn an_svg_figure_is_well_formed_and_names_every_lane_and_every_label_that_fits() {
    let dir = tempfile::tempdir().unwrap();
    for (input, timeline) in [
        (None, dateline::formats::builtin().unwrap()),
        (
            Some(fixture("timelinejs.json")),
            dateline::formats::load_path(&fixture("timelinejs.json")).unwrap(),
        ),
    ] {
        let out = dir.path().join("figure.svg");
        let mut args = vec!["export", "--today", "2026-11-29"];
        if let Some(input) = &input {
            args.push(arg(input));
        }
        args.extend(["--to", arg(&out), "--width", "1200"]);
        let run = dateline(&args);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        assert!(
            text(&run.stderr).contains("SVG figure, 1200×"),
            "{}",
            text(&run.stderr)
        );
        let svg = std::fs::read_to_string(&out).unwrap();
        let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
        assert_eq!(doc.root_element().attribute("width"), Some("1200"));
        let texts = svg_texts(&svg);
        assert!(
            texts.contains(&timeline.title),
            "the title is on the figure"
        );
        for lane in &timeline.lanes {
            // Once in the legend and once beside its row.
            let n = texts.iter().filter(|t| **t == lane.label).count();
            assert!(n >= 2, "lane {:?} named {n} times", lane.label);
        }
        // Every label the layout found room for is there, and it found room for most.
        let fig = figure::layout_all(
            &timeline,
            &FigureOptions {
                width: 1200,
                range: None,
                today: TODAY,
            },
        )
        .unwrap();
        assert!(fig.labels.len() * 2 >= fig.marks.len(), "{:?}", fig.labels);
        for label in &fig.labels {
            assert!(texts.contains(label), "label {label:?} missing");
        }
        // Labels not cut are whole event titles.
        let whole = timeline
            .events
            .iter()
            .filter(|e| texts.iter().any(|t| t.contains(e.title())))
            .count();
        assert!(whole >= fig.labels.len() / 2, "{whole} whole titles");
    }
}

#[test]
fn a_png_figure_has_the_width_asked() {
    let dir = tempfile::tempdir().unwrap();
    for width in ["640", "2000"] {
        let out = dir.path().join(format!("figure-{width}.png"));
        let run = dateline(&["export", "--to", arg(&out), "--width", width]);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        let (w, h) = png_size(&out);
        assert_eq!(w.to_string(), width);
        assert!(h > 200, "{w}×{h}");
    }
    // Without --width: 1600 pixels.
    let out = dir.path().join("default.png");
    let run = dateline(&["export", "--to", arg(&out)]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(png_size(&out).0, figure::DEFAULT_WIDTH);
}

#[test]
fn from_and_until_draw_only_that_range() {
    let dir = tempfile::tempdir().unwrap();
    let all = dir.path().join("all.svg");
    let part = dir.path().join("part.svg");
    assert_eq!(
        dateline(&["export", "--to", arg(&all)]).status.code(),
        Some(0)
    );
    let run = dateline(&[
        "export",
        "--to",
        arg(&part),
        "--from",
        "2015",
        "--until",
        "2016-06",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    // The two events of that range are counted, not the timeline's.
    assert!(
        text(&run.stderr).contains(": 2 events"),
        "{}",
        text(&run.stderr)
    );
    let part_texts = svg_texts(&std::fs::read_to_string(&part).unwrap());
    assert!(
        part_texts
            .iter()
            .any(|t| t == "1 January 2015 – 30 June 2016 · 2 events"),
        "{part_texts:?}"
    );
    assert!(
        part_texts
            .iter()
            .any(|t| t.contains("Kazakhstan becomes a WTO member"))
    );
    assert!(
        !part_texts
            .iter()
            .any(|t| t.contains("Congress passes the Trade Act"))
    );
    let all_texts = svg_texts(&std::fs::read_to_string(&all).unwrap());
    assert!(
        all_texts
            .iter()
            .any(|t| t.contains("Congress passes the Trade Act"))
    );
}

#[test]
fn wrong_figure_options_are_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("f.svg");
    let run = dateline(&["export", "--to", arg(&out), "--width", "5"]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("f.svg") && stderr.contains("320 to 20000"),
        "{stderr}"
    );
    assert!(!out.exists());
    let run = dateline(&[
        "export",
        "--to",
        arg(&out),
        "--from",
        "2020",
        "--until",
        "2010",
    ]);
    assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
    let run = dateline(&["export", "--to", arg(&out), "--from", "2015-13"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("2015-13"));
    // The figure's options mean nothing to JSON.
    let json = dir.path().join("t.json");
    let run = dateline(&["export", "--to", arg(&json), "--width", "800"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!json.exists());
    // As with the other exports, the input itself is never written over.
    let input = dir.path().join("in.svg");
    std::fs::copy(fixture("valid.json"), &input).unwrap();
    let run = dateline(&["export", arg(&input), "--to", arg(&input)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains("it is the input file"));
}

#[test]
fn huge_and_non_latin_texts_make_a_bounded_well_formed_figure() {
    let mut timeline = dateline::formats::builtin().unwrap();
    timeline.title = format!("北京 <&> \u{1}{}", "長".repeat(5_000_000));
    timeline.lanes[0].label = "Қазақстан & \"ЕАЭО\"".to_owned();
    timeline.lanes[1].label = "दिल्ली & Delhi".to_owned();
    timeline.lanes[2].label = "القاهرة — दिल्ली".to_owned();
    let long = "Ж".repeat(10_000_000);
    let mut details = timeline.events[0].details();
    details.summary.clone_from(&long);
    let old = timeline.events[0].clone();
    let mut event = dateline::model::Event::new("long", &long, old.when, &[], &details.borrowed());
    event.lane = old.lane;
    timeline.events[0] = event;
    let fig = figure::layout_all(
        &timeline,
        &FigureOptions {
            width: 1000,
            range: None,
            today: TODAY,
        },
    )
    .unwrap();
    let svg = figure::svg::to_string(&fig);
    assert!(svg.len() < 200_000, "{} bytes", svg.len());
    let texts = svg_texts(&svg);
    let title = texts
        .iter()
        .find(|t| t.starts_with("北京 <&> "))
        .expect("the title");
    assert!(
        title.ends_with('…') && title.chars().count() < 200,
        "{title}"
    );
    assert!(texts.iter().any(|t| t == "Қазақстан & \"ЕАЭО\""));
    // A script set in its own font is still one text, whole.
    assert!(texts.iter().any(|t| t == "दिल्ली & Delhi"), "{texts:?}");
    assert!(svg.contains("Noto Sans Devanagari"));
    // Right-to-left text beside such a script renders too (and a renderer failure would be an error).
    assert!(figure::raster::render_png(&svg).is_ok());
    // The long title's label is cut to the figure.
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("ЖЖЖ") && t.ends_with('…'))
    );
}

/// Runs the window's frames until the export on another thread has said how it went.
fn wait_for_notice(h: &mut egui_kittest::Harness<'_, dateline::app::DatelineApp>) -> String {
    for _ in 0..400 {
        h.run();
        if let Some(notice) = h.state().notice() {
            return notice.to_owned();
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    panic!("the export never finished");
}

#[test]
fn the_window_exports_figures_at_the_width_chosen_and_asks_before_replacing() {
    use dateline::app::Command;
    use dateline::app::export::{ExportKind, FigureChoice};
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness();
    // The File menu offers both figures, with the width chosen.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Whole timeline as SVG…").click();
    // Stepped, not run: the file dialog's own text fields have no accessible names.
    h.step();
    assert_eq!(
        h.state().dialog(),
        Some(dateline::view::file_menu::DialogPurpose::Export(
            ExportKind::FigureSvg(FigureChoice::default())
        ))
    );
    h.key_press(egui::Key::Escape);
    h.step();
    h.step();
    assert_eq!(h.state().dialog(), None);
    let svg = dir.path().join("whole.svg");
    let choice = FigureChoice {
        width: 1000,
        visible_only: false,
    };
    h.state_mut().apply(Command::ExportFigure(
        ExportKind::FigureSvg(choice),
        svg.clone(),
    ));
    let notice = wait_for_notice(&mut h);
    assert!(
        notice.starts_with("Wrote") && notice.contains("1000×"),
        "{notice}"
    );
    let texts = svg_texts(&std::fs::read_to_string(&svg).unwrap());
    assert!(texts.contains(&h.state().timeline().title));
    // The PNG of the visible range only.
    h.get_by_label("dismiss").click();
    h.run();
    let png = dir.path().join("range.png");
    let choice = FigureChoice {
        width: 700,
        visible_only: true,
    };
    h.state_mut().apply(Command::ExportFigure(
        ExportKind::FigurePng(choice),
        png.clone(),
    ));
    let notice = wait_for_notice(&mut h);
    assert!(notice.starts_with("Wrote"), "{notice}");
    assert_eq!(png_size(&png).0, 700);
    // An existing file is not replaced unasked.
    h.get_by_label("dismiss").click();
    h.run();
    let before = std::fs::read(&svg).unwrap();
    h.state_mut().apply(Command::ExportFigure(
        ExportKind::FigurePng(choice),
        svg.clone(),
    ));
    assert!(h.state().replace_prompt().is_some());
    h.state_mut().apply(Command::CancelReplace);
    assert_eq!(std::fs::read(&svg).unwrap(), before);
}
