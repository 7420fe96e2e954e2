//! `TimelineJS` files from any year of its life: `TimelineJS` 2 (`timeline` with `date` and `era`),
//! `TimelineJS` 3 inside a `timeline` wrapper with one `slides` list, and files with no title slide,
//! which are called by their file's name.

mod common;
use common::{dateline, fixture, text};

use std::path::Path;

use dateline::formats::{self, Format, LoadError, Position};
use dateline::model::{DateSpec, Timeline};

fn load(name: &str) -> Timeline {
    formats::load_path(&fixture(name)).unwrap_or_else(|e| panic!("{e}"))
}

fn titled<'t>(t: &'t Timeline, title: &str) -> &'t dateline::model::Event {
    t.events
        .iter()
        .find(|e| e.title() == title)
        .unwrap_or_else(|| panic!("no event {title:?}"))
}

fn spec(text: &str) -> DateSpec {
    DateSpec::parse(text).unwrap()
}

fn problems(json: &str) -> Vec<formats::Problem> {
    match formats::load_str(json, Path::new("t.json")) {
        Err(LoadError::Invalid { problems, .. }) => problems,
        Err(e) => panic!("{e}"),
        Ok(t) => panic!("loaded {} events", t.events.len()),
    }
}

#[test]
fn timelinejs_2_files_open_with_their_title_dates_tags_assets_and_eras() {
    let text = std::fs::read_to_string(fixture("timelinejs2.json")).unwrap();
    assert_eq!(formats::detect(&text), Ok(Format::TimelineJs));
    let t = load("timelinejs2.json");
    assert_eq!(t.title, "Sh*t People Say");
    assert_eq!(t.description, "People say stuff & things");
    // "YYYY,MM,DD": fewer parts, less precision; negative years BCE, as TimelineJS counts them.
    let politicians = titled(&t, "Sh*t Politicians Say");
    assert_eq!(politicians.when, spec("2011-12-10/2011-12-11"));
    assert_eq!(titled(&t, "A month").when, spec("2012-01"));
    assert_eq!(titled(&t, "A year, ending on its start").when, spec("1974"));
    assert_eq!(titled(&t, "Five hundred BCE").when, spec("-0499"));
    assert_eq!(titled(&t, "With a time of day").when, spec("2012-01-26"));
    // The tag is the lane; the asset the event's media.
    assert_eq!(t.lane_label(politicians.lane), "Politics");
    assert_eq!(
        t.lane_label(titled(&t, "Five hundred BCE").lane),
        "Antiquity"
    );
    let media = politicians.details().media.expect("the asset");
    assert_eq!(media.caption.as_deref(), Some("Caption text goes here"));
    assert_eq!(media.url, "https://example.org/video");
    assert_eq!(
        politicians.details().summary,
        "In true political fashion, his character rattles off common jargon."
    );
    assert_eq!(t.periods.len(), 1);
    assert_eq!(t.periods[0].title, "Headline Goes Here");
    assert_eq!(t.periods[0].when, spec("2011-12-10/2011-12-11"));
}

#[test]
fn timelinejs_2_problems_are_at_their_dates() {
    let p = problems(
        r#"{"timeline": {"headline": "x", "date": [
  {"startDate": "2011,12,10", "headline": "fine"},
  {"startDate": "2011,13,10", "headline": "bad month"},
  {"startDate": "2011,2,30", "headline": "bad day"},
  {"headline": "no date"},
  {"startDate": "20x1", "headline": "not a number"}
]}}"#,
    );
    let at: Vec<(usize, usize)> = p
        .iter()
        .map(|p| (p.position.line, p.position.column))
        .collect();
    assert_eq!(at, [(3, 17), (4, 17), (5, 3), (6, 17)], "{p:?}");
    assert!(p[0].message.contains("there is no month 13"), "{p:?}");
    assert!(
        p[1].message.contains("30 February 2011 does not exist"),
        "{p:?}"
    );
    assert!(p[2].message.contains("has no startDate"), "{p:?}");
    assert!(p[0].message.contains("in the startDate of event"), "{p:?}");
    assert!(p[3].message.contains("\"20x1\" is not a number"), "{p:?}");
}

#[test]
fn a_timeline_wrapper_with_slides_opens() {
    let t = load("timelinejs-slides.json");
    assert_eq!(t.title, "Welcome to TimelineJS");
    assert_eq!(t.description, "A title slide first, without a date.");
    assert_eq!(t.events.len(), 2);
    let whitney = titled(&t, "Whitney Houston");
    assert_eq!(whitney.id(), "whitney");
    assert_eq!(whitney.when, spec("2013-11-10"));
    assert_eq!(t.lane_label(whitney.lane), "Music");
    assert_eq!(t.periods[0].title, "The sixties");
    assert_eq!(t.periods[0].when, spec("1960/1969"));
    // A wrapper may hold TimelineJS 3's own lists too.
    let t = formats::load_str(
        r#"{"timeline": {"title": {"text": {"headline": "T"}}, "events": [{"start_date": {"year": 2001}, "text": {"headline": "E"}}], "eras": []}}"#,
        Path::new("w.json"),
    )
    .unwrap();
    assert_eq!((t.title.as_str(), t.events.len()), ("T", 1));
    // Problems in slides are located in the wrapper.
    let p = problems(
        "{\"timeline\": {\"slides\": [\n  {\"text\": {\"headline\": \"title\"}},\n  {\"start_date\": {\"year\": 2001, \"month\": 14}}\n]}}",
    );
    assert_eq!(
        p[0].position,
        Position {
            line: 3,
            column: 42
        },
        "{p:?}"
    );
    // A wrapper with nothing to show says what it lacks.
    let err =
        formats::load_str(r#"{"timeline": {"scale": "human"}}"#, Path::new("e.json")).unwrap_err();
    assert!(err.to_string().contains("slides"), "{err}");
}

#[test]
fn a_file_without_a_title_is_called_by_its_name() {
    assert_eq!(
        load("timelinejs-untitled.json").title,
        "timelinejs-untitled"
    );
    let out = dateline(&[
        "check",
        fixture("timelinejs-untitled.json").to_str().unwrap(),
    ]);
    assert!(
        text(&out.stdout).contains("ok: \"timelinejs-untitled\", 1 events"),
        "{}",
        text(&out.stdout)
    );
    // Spreadsheets and Markwhen files too; a file's own title, and dateline's own files, are kept.
    let sheet = formats::load_str(
        "Year,Headline\n1969,Moon landing\n",
        Path::new("dir/moon.csv"),
    )
    .unwrap();
    assert_eq!(sheet.title, "moon");
    let mw = formats::load_str("2015: A year\n", Path::new("plans.mw")).unwrap();
    assert_eq!(mw.title, "plans");
    assert_eq!(load("timelinejs.json").title, "Writing & Printing");
}

#[test]
fn old_and_wrapped_files_export_and_read_back() {
    for name in ["timelinejs2.json", "timelinejs-slides.json"] {
        let t = load(name);
        let json = formats::timelinejs::to_string(&t, common::TODAY);
        let back = formats::load_str(&json, Path::new("again.json")).unwrap();
        assert_eq!(back.events.len(), t.events.len(), "{name}");
        for (a, b) in t.events.iter().zip(&back.events) {
            assert_eq!((a.id(), a.title(), a.when), (b.id(), b.title(), b.when));
        }
        let mw = formats::markwhen::to_string(&t);
        let back = formats::load_str(&mw, Path::new("again.mw")).unwrap();
        assert_eq!(
            formats::native::to_string(&back),
            formats::native::to_string(&t)
        );
    }
}
