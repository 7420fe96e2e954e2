//! `TimelineJS` export: what `TimelineJS` 3 needs to render a file as it is, and reading the export back
//! with dateline's own `TimelineJS` reader gives the same events, dates, lanes and periods.

mod common;
use common::{TODAY, dateline, fixture, text};

use std::collections::BTreeMap;
use std::path::Path;

use dateline::formats::{self, timelinejs};
use dateline::model::{DateSpec, Status, Timeline};
use proptest::prelude::*;
use serde_json::Value;

/// What a reader of the timeline relies on, per event and period id.
#[derive(Debug, PartialEq)]
struct Story {
    events: BTreeMap<String, (String, DateSpec, Status, String)>,
    periods: BTreeMap<String, (String, DateSpec)>,
}

fn story(t: &Timeline) -> Story {
    Story {
        events: t
            .events
            .iter()
            .map(|e| {
                let lane = t.lane_label(e.lane).to_owned();
                (
                    e.id().to_owned(),
                    (e.title().to_owned(), e.when, e.status, lane),
                )
            })
            .collect(),
        periods: t
            .periods
            .iter()
            .map(|p| (p.id.clone(), (p.title.clone(), p.when)))
            .collect(),
    }
}

/// The timeline exported to `TimelineJS` and read back.
fn round_trip(t: &Timeline) -> Timeline {
    let json = timelinejs::to_string(t, TODAY);
    formats::load_str(&json, Path::new("export.json"))
        .unwrap_or_else(|e| panic!("the export reads back: {e}\n{json}"))
}

fn load(name: &str) -> Timeline {
    formats::load_path(&fixture(name)).unwrap()
}

#[test]
fn the_builtin_dataset_reads_back_with_the_same_events_dates_lanes_and_periods() {
    let t = formats::builtin().unwrap();
    let back = round_trip(&t);
    assert_eq!(story(&back), story(&t));
    assert_eq!(back.title, t.title);
    let lanes = |t: &Timeline| {
        let mut l: Vec<String> = t.lanes.iter().map(|l| l.label.clone()).collect();
        l.sort();
        l
    };
    assert_eq!(lanes(&back), lanes(&t));
}

#[test]
fn bce_dates_spans_eras_uncertain_and_planned_dates_read_back_the_same() {
    let t = load("interop.json");
    let back = round_trip(&t);
    assert_eq!(story(&back), story(&t));
    // What dateline says about a date is not lost either: no event gets a "Shown as" note.
    assert!(back.events.iter().all(|e| e.details().note.is_none()));
}

#[test]
fn imported_timelinejs_files_survive_a_second_trip() {
    let t = load("timelinejs.json");
    assert_eq!(story(&round_trip(&t)), story(&t));
}

/// The export of the fixture, as JSON.
fn exported() -> Value {
    serde_json::from_str(&timelinejs::to_string(&load("interop.json"), TODAY)).unwrap()
}

fn slide<'v>(doc: &'v Value, id: &str) -> &'v Value {
    doc["events"]
        .as_array()
        .into_iter()
        .chain(doc["eras"].as_array())
        .flatten()
        .find(|s| s["unique_id"] == id)
        .unwrap_or_else(|| panic!("no slide {id}"))
}

#[test]
fn slides_carry_what_timelinejs_shows() {
    let doc = exported();
    assert_eq!(
        doc["title"]["text"]["headline"],
        "Interop &lt;test&gt; &amp; &quot;friends&quot;"
    );
    assert_eq!(
        doc["title"]["text"]["text"],
        "<p>Dates of every kind, for exports.</p><p>A second line.</p>"
    );
    let ides = slide(&doc, "ides");
    // 44 BCE is -44 in TimelineJS's own numbering; a day is year, month and day.
    assert_eq!(
        ides["start_date"],
        serde_json::json!({"year": -44, "month": 3, "day": 15})
    );
    assert_eq!(ides["display_date"], "15 March 44 BCE");
    assert_eq!(ides["group"], "Rome &amp; Co.");
    let html = ides["text"]["text"].as_str().unwrap();
    assert!(
        html.starts_with("<p>Caesar is killed &lt;in the Senate&gt;.</p>"),
        "{html}"
    );
    assert!(
        html.contains("<blockquote><p>Et tu, Brute?</p><p>— Caesar</p></blockquote>"),
        "{html}"
    );
    assert!(
        html.contains("<blockquote><p>A quote without a speaker</p></blockquote>"),
        "{html}"
    );
    // The first source with a web address is the media; its caption is escaped.
    assert_eq!(
        ides["media"],
        serde_json::json!({"url": "https://example.org/plutarch?a=1&b=2", "caption": "Plutarch, &quot;Caesar&quot;"})
    );
    // A year is the year only; qualifiers, targets and open ends are said in words.
    assert_eq!(
        slide(&doc, "target")["start_date"],
        serde_json::json!({"year": 2026})
    );
    assert_eq!(slide(&doc, "target")["display_date"], "target: 2026");
    assert_eq!(slide(&doc, "founding")["display_date"], "c. 753 BCE");
    assert_eq!(slide(&doc, "founding")["start_date"]["year"], -753);
    assert_eq!(slide(&doc, "year-zero")["start_date"]["year"], -1);
    assert_eq!(
        slide(&doc, "meeting")["display_date"],
        "26 March 2024 (uncertain)"
    );
    assert_eq!(
        slide(&doc, "ongoing")["display_date"],
        "since 21 January 2025 (ongoing)"
    );
    assert_eq!(
        slide(&doc, "ongoing")["end_date"],
        serde_json::json!({"year": 2026, "month": 11, "day": 29})
    );
    assert_eq!(slide(&doc, "treaty")["display_date"], "c. 1947 – c. 1991");
    // Only web links become media: a javascript: address never reaches a published page.
    assert!(slide(&doc, "unicode").get("media").is_none());
    assert_eq!(
        slide(&doc, "unicode")["text"]["headline"],
        "東京 — Ünïcode &lt;b&gt;bold&lt;/b&gt;"
    );
}

/// The parts of a `TimelineJS` date, in order, as far as it has them.
fn parts(date: &Value) -> Vec<i64> {
    ["year", "month", "day", "hour", "minute"]
        .iter()
        .map_while(|k| date.get(*k).and_then(Value::as_i64))
        .collect()
}

/// Whether `TimelineJS` 3.9 would drop `end`: every part the start has is the same in the end.
fn swallowed(start: &Value, end: &Value) -> bool {
    let (s, e) = (parts(start), parts(end));
    s.iter()
        .enumerate()
        .all(|(i, v)| e.get(i).copied().unwrap_or(1) == *v)
}

#[test]
fn no_end_is_one_timelinejs_would_drop_and_every_era_has_both_dates() {
    let doc = exported();
    for era in doc["eras"].as_array().unwrap() {
        assert!(
            era["start_date"].is_object() && era["end_date"].is_object(),
            "{era}"
        );
        assert!(!swallowed(&era["start_date"], &era["end_date"]), "{era}");
    }
    for event in doc["events"].as_array().unwrap() {
        if event.get("end_date").is_some() {
            assert!(
                !swallowed(&event["start_date"], &event["end_date"]),
                "{event}"
            );
        }
        assert_ne!(event["start_date"]["year"], 0, "{event}");
    }
    // The same-year era is written from its first day to its last.
    let era = slide(&doc, "same-year-era");
    assert_eq!(parts(&era["start_date"]), [2026, 1, 1]);
    assert_eq!(parts(&era["end_date"]), [2026, 12, 31]);
    // A one-day era gets hours so that TimelineJS keeps its end.
    let era = slide(&doc, "one-day-era");
    assert_eq!(parts(&era["start_date"]), [2015, 11, 30, 0]);
    assert_eq!(parts(&era["end_date"]), [2015, 11, 30, 23, 59]);
}

#[test]
fn display_dates_written_by_hand_are_kept_as_before() {
    let json = r#"{"events": [
        {"start_date": {"year": 1974}, "display_date": "Spring 1974", "text": {"headline": "A"}},
        {"start_date": {"year": 1974}, "display_date": "c. 1975", "text": {"headline": "B"}},
        {"start_date": {"year": 1974}, "display_date": "target: 1974", "text": {"headline": "C"}}
    ]}"#;
    let t = formats::load_str(json, Path::new("hand.json")).unwrap();
    let by_title = |title: &str| t.events.iter().find(|e| e.title() == title).unwrap();
    assert_eq!(
        by_title("A").details().note.as_deref(),
        Some("Shown as: Spring 1974")
    );
    // Words that name other days than the date's parts are not dateline's: the parts win.
    assert_eq!(by_title("B").when, DateSpec::parse("1974").unwrap());
    assert_eq!(by_title("C").status, Status::Planned);
}

#[test]
fn the_command_line_writes_timelinejs_with_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("published.json");
    let run = dateline(&[
        "export",
        fixture("interop.json").to_str().unwrap(),
        "--to",
        out.to_str().unwrap(),
        "--format",
        "timelinejs",
        "--today",
        "2026-11-29",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(
        text(&run.stderr).contains("(TimelineJS JSON): 15 events, 5 periods"),
        "{}",
        text(&run.stderr)
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written, timelinejs::to_string(&load("interop.json"), TODAY));
    let back = formats::load_path(&out).unwrap();
    assert_eq!(story(&back), story(&load("interop.json")));

    // A format the file name cannot hold is a usage error.
    let run = dateline(&[
        "export",
        "--to",
        dir.path().join("x.csv").to_str().unwrap(),
        "--format",
        "timelinejs",
    ]);
    assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
    assert!(
        text(&run.stderr).contains("--format timelinejs"),
        "{}",
        text(&run.stderr)
    );
}

// ---------------------------------------------------------------------------------------------------
// Any timeline: generated dateline files, exported and read back.

fn date_text(year: i32, month: u8, day: u8, precision: u8, flags: u8) -> dateline::model::EdtfDate {
    let (m, d) = match precision {
        0 => (None, None),
        1 => (Some(month), None),
        _ => (Some(month), Some(day)),
    };
    let mut date = dateline::model::EdtfDate::new(year.into(), m, d).unwrap();
    date.approximate = flags & 1 != 0;
    date.uncertain = flags & 2 != 0;
    date
}

prop_compose! {
    fn any_date()(year in -4000i32..4000, month in 1u8..=12, day in 1u8..=28, precision in 0u8..3,
                  flags in 0u8..4) -> dateline::model::EdtfDate {
        date_text(year, month, day, precision, flags)
    }
}

fn any_spec() -> impl Strategy<Value = String> {
    (any_date(), any_date(), 0u8..6).prop_map(|(a, b, kind)| {
        let (a, b) = if b.last_day() < a.first_day() {
            (b, a)
        } else {
            (a, b)
        };
        match kind {
            0 | 1 => a.to_string(),
            2 => format!("{a}/{b}"),
            3 => format!("{a}/.."),
            4 => format!("{a}/"),
            _ => format!("/{b}"),
        }
    })
}

fn any_title() -> impl Strategy<Value = String> {
    "[A-Za-z0-9<>&\"'#!東é–—;]{1,12}( [A-Za-z0-9<>&\"'#!東é–—;]{1,12}){0,3}"
}

prop_compose! {
    fn any_timeline()(
        lanes in 1usize..5,
        events in proptest::collection::vec((any_title(), any_spec(), 0usize..5, 0u8..3), 1..25),
        periods in proptest::collection::vec((any_title(), any_spec()), 0..5),
    ) -> String {
        let lane_list: Vec<Value> = (0..lanes)
            .map(|i| serde_json::json!({"id": format!("lane-{i}"), "label": format!("Lane {i} <&> \"{i}\"")}))
            .collect();
        let event_list: Vec<Value> = events
            .iter()
            .enumerate()
            .map(|(i, (title, date, lane, status))| {
                let status = ["occurred", "planned", "ongoing"][usize::from(*status)];
                let mut e = serde_json::json!({"id": format!("e{i}"), "title": title, "date": date, "status": status});
                if *lane < lanes {
                    e["lane"] = Value::from(format!("lane-{lane}"));
                }
                e
            })
            .collect();
        let period_list: Vec<Value> = periods
            .iter()
            .enumerate()
            .map(|(i, (title, date))| serde_json::json!({"id": format!("p{i}"), "title": title, "date": date}))
            .collect();
        serde_json::json!({
            "format": "dateline/1", "title": "Generated", "lanes": lane_list,
            "events": event_list, "periods": period_list,
        })
        .to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_timeline_reads_back_with_the_same_events_dates_lanes_and_periods(json in any_timeline()) {
        let t = formats::load_str(&json, Path::new("generated.json")).unwrap();
        let back = round_trip(&t);
        prop_assert_eq!(story(&back), story(&t));
    }
}

#[test]
fn control_characters_foreign_scripts_and_huge_texts_export_and_read_back() {
    let huge = "é".repeat(5 << 20); // 10 MB
    let json = serde_json::json!({
        "format": "dateline/1", "title": "Ünïcode 東京 \u{202e}rtl",
        "events": [
            {"id": "nul", "title": "NUL \u{0} and ESC \u{1b}[31m", "date": "2015", "summary": huge},
            {"id": "арабский", "title": "مرحبا बड़ा 東京", "date": "-0499~"}
        ]
    })
    .to_string();
    let t = formats::load_str(&json, Path::new("hostile.json")).unwrap();
    let exported = timelinejs::to_string(&t, TODAY);
    // Still one valid JSON document, with the text escaped inside its strings.
    let doc: Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(
        slide(&doc, "nul")["text"]["headline"],
        "NUL \u{0} and ESC \u{1b}[31m"
    );
    let back = round_trip(&t);
    assert_eq!(story(&back), story(&t));
    assert_eq!(back.title, t.title);
    assert_eq!(
        back.events
            .iter()
            .find(|e| e.id() == "nul")
            .unwrap()
            .details()
            .summary
            .len(),
        huge.len()
    );
}
