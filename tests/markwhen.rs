//! Markwhen in and out: files written from Markwhen's documentation read to the events it describes,
//! every problem is named at its line and column, and a timeline written as Markwhen reads back
//! without losing anything.

mod common;
use common::{TODAY, dateline, fixture, text};

use std::path::Path;

use dateline::formats::{self, Format, LoadError, Position, markwhen};
use dateline::model::{DateSpec, Timeline};
use proptest::prelude::*;
use serde_json::Value;

fn load(name: &str) -> Timeline {
    formats::load_path(&fixture(name)).unwrap_or_else(|e| panic!("{e}"))
}

fn read(text: &str) -> Result<Timeline, LoadError> {
    formats::load_str(text, Path::new("t.mw"))
}

/// The first event with this title.
fn titled<'t>(t: &'t Timeline, title: &str) -> &'t dateline::model::Event {
    t.events
        .iter()
        .find(|e| e.title() == title)
        .unwrap_or_else(|| panic!("no event {title:?}"))
}

fn spec(text: &str) -> DateSpec {
    DateSpec::parse(text).unwrap()
}

#[test]
fn the_documented_constructs_read_to_their_events() {
    let t = load("markwhen-docs.mw");
    assert_eq!(t.title, "Markwhen, as documented");
    assert_eq!(
        t.description,
        "Every construct of Markwhen's documentation, written for the tests."
    );
    for (title, date) in [
        ("EDTF years", "1964/2008"),
        ("Months with spaces", "2004-06/2006-08"),
        ("Days", "2004-02-01/2005-02-08"),
        ("Day to month", "2004-02-01/2005-02"),
        ("Day to year", "2004-02-01/2005"),
        ("Year to month", "2005/2006-02"),
        ("Six months from 2018", "2018/2018-06"),
        ("Five weekdays", "2022-07-04/2022-07-08"),
        ("Still going", "2005/.."),
        ("A Space Odyssey", "2001"),
        ("April 1776", "1776-04"),
        ("New year's day", "2024-01-01"),
        ("American range", "2024-11-11/2024-12-12"),
        ("Natural range", "2020-01-03/2020-04-06"),
        ("Natural day", "2020-01-03"),
        ("Marco Polo travels", "1271/1295"),
        // N BCE is the astronomical year 1 - N; a BCE range includes its last year.
        ("Zhang Qian returns", "-0125"),
        ("A BCE range", "-0299/-0199"),
        ("Across the era", "-0049/0050"),
        ("Start a job", "2020-01-01"),
        // Relative dates, counted as Markwhen counts them (half-open ranges, made inclusive).
        ("Three weeks after the job starts", "2020-01-02/2020-01-22"),
        ("A month before the job", "2019-12"),
        ("Two days after the previous event", "2020-01-01/2020-01-02"),
        ("In an old-style group", "2010"),
        ("In an old-style section", "2011"),
    ] {
        assert_eq!(titled(&t, title).when, spec(date), "{title}");
    }
    // Ids, tags (declared in the header with their colours, or used), descriptions and properties.
    let job = titled(&t, "Start a job");
    assert_eq!(job.id(), "job");
    assert_eq!(titled(&t, "EDTF years").id(), "edtf_years");
    let tags: Vec<&str> = job.tags().map(|g| t.tag_id(g)).collect();
    assert_eq!(tags, ["Economics"]);
    assert_eq!(
        t.tags.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(),
        ["Travel", "Education", "Economics"]
    );
    let details = job.details();
    assert_eq!(details.summary, "A description line.\nAnother one.");
    assert_eq!(details.places, ["Paris"]);
    assert_eq!(
        titled(&t, "A Space Odyssey").details().summary,
        "Starts January 1, 2001, and lasts through December 31, 2001."
    );
    // Headings, nested headings and the old group/section blocks are lanes.
    let lane = |title: &str| t.lane_label(titled(&t, title).lane).to_owned();
    assert_eq!(lane("Start a job"), "Work");
    assert_eq!(lane("Weekly meeting"), "Work / Meetings");
    assert_eq!(
        lane("In an old-style group"),
        "Work / Meetings / Old style group"
    );
    assert_eq!(lane("EDTF years"), "Events");
    // A recurrence is one event per occurrence.
    let weekly: Vec<DateSpec> = t
        .events
        .iter()
        .filter(|e| e.title() == "Weekly meeting")
        .map(|e| e.when)
        .collect();
    assert_eq!(
        weekly,
        [spec("2020-03-02"), spec("2020-03-09"), spec("2020-03-16")]
    );
}

#[test]
fn every_problem_is_named_at_its_line_and_column() {
    let path = fixture("markwhen-broken.mw");
    let out = dateline(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let expected = [
        "4:1: invalid date \"2015-02-30\": that day does not exist",
        "5:1: invalid date \"2015-13\": there is no month 13",
        "6:1: no event !missing before this one",
        "8:11: unknown status \"maybe\": expected occurred, planned or ongoing",
        "9:11: the quotes property is not a list of quotes",
        "10:25: the id \"fine\" is already the id of the event on line 7",
        "11:1: the recurrence has no end",
        "12:1: endGroup without a group or section to end",
        "14:9: the edtf property \"2019\" does not fall within the date \"2021\"",
    ];
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{stderr}");
    for (line, want) in lines.iter().zip(expected) {
        let want = format!("{}:{want}", path.display());
        assert!(line.starts_with(&want), "{line}\nexpected {want}");
    }
}

fn problems(text: &str) -> Vec<formats::Problem> {
    match read(text) {
        Err(LoadError::Invalid { problems, .. }) => problems,
        Err(e) => panic!("{e}"),
        Ok(t) => panic!("loaded {} events", t.events.len()),
    }
}

#[test]
fn structural_problems_are_located() {
    let p = problems("---\ntitle: x\n\n2015: never closed\n");
    assert_eq!(p[0].position, Position { line: 1, column: 1 });
    assert!(p[0].message.contains("never closed"), "{p:?}");
    let p = problems("2015: a\n  dateline: x\n2016: \"now\" alone\nnow: b\n");
    assert_eq!(p[0].position, Position { line: 4, column: 1 });
    assert!(p[0].message.contains("only as the end of a range"), "{p:?}");
    let p = problems("2015: x\n3 hours: y\n");
    assert!(p[0].message.contains("whole days"), "{p:?}");
    let p = problems("2020-01-01 every day x5000: many\n");
    assert!(p[0].message.contains("at most 1000"), "{p:?}");
    let deep = "group g\n".repeat(100) + "2015: deep\n";
    let p = problems(&deep);
    assert!(p[0].message.contains("nested more than"), "{p:?}");
    // A file wrong everywhere lists the first problems and counts the rest.
    let bad = "2015-02-30: x\n".repeat(500);
    let p = problems(&bad);
    assert_eq!(p.len(), 101);
    assert!(p[100].message.starts_with("and 400 more problems"), "{p:?}");
}

#[test]
fn a_relative_date_counts_from_the_id_as_written() {
    // The first event's title makes the id "job"; the second asks for it and is renamed, and the
    // third still counts from the second.
    let t =
        read("2020-01-01: job\n2021-01-01: The real job !job\nafter !job 1 week: Later\n").unwrap();
    assert_eq!(titled(&t, "job").id(), "job");
    assert_eq!(titled(&t, "The real job").id(), "job-2");
    assert_eq!(titled(&t, "Later").when, spec("2021-01-02/2021-01-08"));
}

#[test]
fn the_pages_of_a_document_are_one_timeline() {
    let t = read("# A\n2015: first\n_-_-_break_-_-_\n2016: second\n").unwrap();
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.lane_label(titled(&t, "first").lane), "A");
    assert_eq!(t.lane_label(titled(&t, "second").lane), "Events");
    assert!(titled(&t, "first").details().summary.is_empty());
}

#[test]
fn markwhen_is_detected_from_content() {
    assert_eq!(
        formats::detect("---\ntitle: A\n---\n"),
        Ok(Format::Markwhen)
    );
    assert_eq!(
        formats::detect("// a comment\n2015-11-30: Kazakhstan joins the WTO\n"),
        Ok(Format::Markwhen)
    );
    assert_eq!(
        formats::detect("title: Plans\n\n# Work\n2024: A year\n"),
        Ok(Format::Markwhen)
    );
    assert!(formats::detect("notes: nothing dated here\n").is_err());
    // The TimelineJS and CSV files are still what they were.
    assert_eq!(
        formats::detect(&std::fs::read_to_string(fixture("timelinejs-sheet.csv")).unwrap()),
        Ok(Format::TimelineJsCsv)
    );
}

#[test]
fn windows_files_foreign_scripts_and_huge_values_read_or_fail_clearly() {
    // CRLF, a byte order mark, and lone CRs count lines as editors do.
    let crlf =
        "\u{feff}---\r\ntitle: Ünïcode 東京\r\n---\r\n2015: Один #тег\r\n2015-02-30: bad\r\n";
    let p = problems(crlf);
    assert_eq!(p[0].position, Position { line: 5, column: 1 });
    let cr = "2015: a\r2016: b\r2015-02-30: c\r";
    assert_eq!(problems(cr)[0].position, Position { line: 3, column: 1 });
    let t = read("\u{feff}title: Ünïcode 東京\r\n\r\n2015-11-30: مرحبا 東京 !ok\r\n  नमस्ते\r\n")
        .unwrap();
    assert_eq!(t.title, "Ünïcode 東京");
    assert_eq!(t.events[0].title(), "مرحبا 東京");
    assert_eq!(t.events[0].id(), "ok");
    assert_eq!(t.events[0].details().summary, "नमस्ते");
    // Latin-1 bytes are not UTF-8: refused where the first such byte is.
    let latin1 = b"2015: caf\xe9\n";
    let err = formats::load_bytes(latin1, Path::new("l.mw")).unwrap_err();
    assert_eq!(
        err.first_position(),
        Some(Position {
            line: 1,
            column: 10
        })
    );
    // Control characters are data, and messages escape them.
    let p = problems("2015: x\n  status: \u{1b}[31m\n");
    assert!(!p[0].to_string().contains('\u{1b}'), "{p:?}");
    // A 10 MB title and description read, and a message quoting one stays short.
    let huge = "é".repeat(5 << 20);
    let t = read(&format!("2015: {huge}\n{huge}\n")).unwrap();
    assert_eq!(t.events[0].title().len(), huge.len());
    let p = problems(&format!("2015: x\n  status: {huge}\n"));
    assert!(
        p[0].message.chars().count() <= 400,
        "{}",
        p[0].message.len()
    );
    // A 10 MB line with no date reads as nothing, quickly.
    assert!(read(&format!("---\ntitle: x\n---\n{}\n", ":".repeat(10 << 20))).is_ok());
}

// ---------------------------------------------------------------------------------------------------
// Out and back in.

/// Both timelines as dateline JSON: reading an export back must give the very same file.
fn same_timeline(a: &Timeline, b: &Timeline) {
    let (a, b) = (formats::native::to_string(a), formats::native::to_string(b));
    if a != b {
        let line = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        panic!(
            "not the same at line {}:\n{}\n{}",
            line + 1,
            a.lines().nth(line).unwrap_or(""),
            b.lines().nth(line).unwrap_or("")
        );
    }
}

fn round_trip(t: &Timeline) -> Timeline {
    let mw = markwhen::to_string(t);
    read(&mw).unwrap_or_else(|e| panic!("the export reads back: {e}\n{mw}"))
}

#[test]
fn the_builtin_dataset_and_the_fixtures_read_back_without_loss() {
    let builtin = formats::builtin().unwrap();
    same_timeline(&round_trip(&builtin), &builtin);
    for name in [
        "interop.json",
        "timelinejs.json",
        "valid.json",
        "markwhen-docs.mw",
    ] {
        let t = load(name);
        same_timeline(&round_trip(&t), &t);
    }
}

#[test]
fn what_markwhen_reads_is_on_the_event_lines() {
    let mw = markwhen::to_string(&load("interop.json"));
    assert!(
        mw.starts_with("---\ntitle: \"Interop <test> & \\\"friends\\\"\"\n"),
        "{mw}"
    );
    assert!(mw.contains("\ntimezone: UTC\n"), "{mw}");
    // BCE years in capitals, ISO dates, spans as START/END, an ongoing span to now.
    for line in [
        "\n509 BCE - 27 BCE: Roman Republic\n",
        "\n44 BCE: Ides of March #war\n",
        "\n1947/1991: A treaty 'signed'\n",
        "\n2025-01-21/now: Still happening\n",
        "\n2015/2015-06: Within a year\n",
        "\n# Rome & Co.\n",
        "\n  edtf: \"-0043-03-15\"\n",
        "\n  status: planned\n",
    ] {
        assert!(mw.contains(line), "{line:?} not in\n{mw}");
    }
    assert!(!mw.to_lowercase().contains(" bce:") || !mw.contains(" bce:"));
    // Tags Markwhen cannot write as #words are kept as a property.
    assert!(mw.contains("\n  tags: [\"trade-law\"]\n"), "{mw}");
    assert!(
        mw.contains("\n44 BCE: Ides of March #war\n  id: ides\n"),
        "{mw}"
    );
}

#[test]
fn titles_and_summaries_markwhen_would_misread_are_kept_in_properties() {
    let json = r#"{"format": "dateline/1", "title": "T", "events": [
        {"id": "a", "title": "We're #1 !really // yes", "date": "2015",
         "summary": "2016: not an event\n# not a heading\nsection 402 applies\nid: not a property\n\n#tag-like"},
        {"id": "b", "title": "  spaced  out ", "date": "2016", "summary": "Fine.\nStill fine: yes"}
    ]}"#;
    let t = read(json).unwrap();
    let mw = markwhen::to_string(&t);
    assert!(mw.contains("2015: We're ＃1 ！really / / yes\n"), "{mw}");
    assert!(
        mw.contains("\n  title: \"We're #1 !really // yes\"\n"),
        "{mw}"
    );
    assert!(mw.contains("\n  summary: \"2016: not an event"), "{mw}");
    assert!(mw.contains("\nFine.\nStill fine: yes\n"), "{mw}");
    same_timeline(&round_trip(&t), &t);
}

#[test]
fn the_command_line_writes_and_checks_markwhen() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timeline.mw");
    let run = dateline(&["export", "--to", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(text(&run.stderr).contains("(Markwhen): 17 events, 3 periods"));
    let run = dateline(&["check", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(
        text(&run.stdout).contains("17 events, 3 periods, 4 lanes, 5 tags"),
        "{}",
        text(&run.stdout)
    );
    // --list --json gives the same rows from the export as from the original.
    let original = dateline(&["list", "--json", "--today", "2026-11-29"]);
    let exported = dateline(&[
        "list",
        out.to_str().unwrap(),
        "--json",
        "--today",
        "2026-11-29",
    ]);
    assert_eq!(text(&exported.stdout), text(&original.stdout));
    // Formats a file name cannot hold are usage errors (exit 2), saying what fits.
    for (name, format, says) in [
        ("x.json", Some("markwhen"), "ending in .mw"),
        ("x.mw", Some("timelinejs"), "ending in .json"),
        ("x.txt", None, ".mw (Markwhen)"),
    ] {
        let to = dir.path().join(name);
        let mut args = vec!["export", "--to", to.to_str().unwrap()];
        if let Some(format) = format {
            args.extend(["--format", format]);
        }
        let run = dateline(&args);
        assert_eq!(run.status.code(), Some(2), "{name}: {}", text(&run.stderr));
        assert!(text(&run.stderr).contains(says), "{}", text(&run.stderr));
        assert!(!to.exists());
    }
    let _ = TODAY;
}

// ---------------------------------------------------------------------------------------------------
// Any timeline.

fn any_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-z0-9 #!:/\\-\"'\\\\é東\u{0430}]{1,16}").unwrap()
}

fn any_line() -> impl Strategy<Value = String> {
    prop_oneof![
        any_text(),
        Just("2015: looks like an event".to_owned()),
        Just("# heading".to_owned()),
        Just("group x".to_owned()),
        Just("endSection".to_owned()),
        Just("key: value".to_owned()),
        Just("// comment".to_owned()),
        Just("---".to_owned()),
        Just(String::new()),
        Just("  indented".to_owned()),
    ]
}

fn any_date() -> impl Strategy<Value = dateline::model::EdtfDate> {
    (-3000i64..12000, 1u8..=12, 1u8..=28, 0u8..3, 0u8..4).prop_map(|(y, m, d, p, f)| {
        let (m, d) = match p {
            0 => (None, None),
            1 => (Some(m), None),
            _ => (Some(m), Some(d)),
        };
        let mut date = dateline::model::EdtfDate::new(y, m, d).unwrap();
        date.approximate = f & 1 != 0;
        date.uncertain = f & 2 != 0;
        date
    })
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

fn any_event() -> impl Strategy<Value = Value> {
    (
        any_text(),
        any_spec(),
        proptest::collection::vec(any_line(), 0..4),
        0usize..4,
        proptest::collection::vec(0usize..3, 0..3),
        0u8..3,
        0u8..3,
        proptest::option::of((any_text(), proptest::option::of(any_text()))),
        proptest::option::of(any_text()),
    )
        .prop_map(|(title, date, summary, lane, tags, status, provenance, quote, note)| {
            let status = ["occurred", "planned", "ongoing"][usize::from(status)];
            let mut e = serde_json::json!({
                "title": title.trim(), "date": date, "summary": summary.join("\n"), "status": status,
            });
            if lane < 3 {
                e["lane"] = Value::from(["us", "kz-lane", "lane_3"][lane]);
            }
            let mut tag_ids: Vec<&str> = tags.iter().map(|&t| ["wto", "trade-law", "x_y"][t]).collect();
            tag_ids.sort_unstable();
            tag_ids.dedup();
            e["tags"] = serde_json::json!(tag_ids);
            if provenance > 0 {
                e["provenance"] = Value::from(["article", "context"][usize::from(provenance) - 1]);
            }
            if let Some((text, speaker)) = quote {
                e["quotes"] = serde_json::json!([{"text": text, "speaker": speaker}]);
            }
            if let Some(note) = note {
                e["note"] = Value::from(note);
                e["people"] = serde_json::json!(["A B", "東京"]);
                e["sources"] = serde_json::json!([{"label": "L", "url": "https://example.org/#x"}]);
            }
            e
        })
}

prop_compose! {
    fn any_timeline()(
        events in proptest::collection::vec(any_event(), 1..12),
        periods in proptest::collection::vec((any_text(), any_spec(), 0usize..4), 0..3),
        title in any_text(),
    ) -> String {
        let events: Vec<Value> = events
            .into_iter()
            .enumerate()
            .map(|(i, mut e)| {
                e["id"] = Value::from(format!("e-{i}"));
                if e["title"].as_str().is_some_and(str::is_empty) {
                    e["title"] = Value::from("untitled");
                }
                e
            })
            .collect();
        let periods: Vec<Value> = periods
            .into_iter()
            .enumerate()
            .map(|(i, (t, date, lane))| {
                let mut p = serde_json::json!({"id": format!("p{i}"), "title": format!("P {}", t.trim()), "date": date});
                if lane < 3 {
                    p["lane"] = Value::from(["us", "kz-lane", "lane_3"][lane]);
                }
                p
            })
            .collect();
        serde_json::json!({
            "format": "dateline/1", "title": title, "description": "line one\nline: two",
            "lanes": [{"id": "us", "label": "United States"}, {"id": "kz-lane", "label": "# Kazakhstan #kz"},
                      {"id": "lane_3", "label": "Third / lane"}],
            "tags": [{"id": "wto", "label": "WTO"}, {"id": "trade-law", "label": "Trade law"}, {"id": "x_y", "label": "X"}],
            "events": events, "periods": periods,
        })
        .to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_timeline_reads_back_from_markwhen_without_loss(json in any_timeline()) {
        let t = formats::load_str(&json, Path::new("generated.json")).unwrap();
        same_timeline(&round_trip(&t), &t);
    }
}

// ---------------------------------------------------------------------------------------------------
// Mutated files: never a panic, every failure located, and what loads writes back the same.

const TOKENS: &[&str] = &[
    ":",
    ": ",
    "\n",
    "\r\n",
    "\r",
    "#",
    "# ",
    "!",
    "/",
    " - ",
    "-",
    "now",
    " every week x3",
    "BCE",
    "bce",
    "after !job ",
    "before !x 2 days",
    "3 weeks",
    "2015-02-30",
    "13",
    "group g\n",
    "endGroup\n",
    "section s\n",
    "endSection\n",
    "---\n",
    "  id: ",
    "  edtf: ",
    "\"",
    "[",
    "{",
    "é",
    "\u{feff}",
    "\u{1b}",
    "\0",
    "//",
    "  kind: period\n",
    "  order: x\n",
    "Jan 3",
    "1/2/2003",
    "x99999",
];

fn mutated(seed: &str, edits: &[(usize, usize, u8)]) -> String {
    let mut text = seed.to_owned();
    for &(at, token, kind) in edits {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match kind % 3 {
            0 => text.insert_str(at, TOKENS[token % TOKENS.len()]),
            1 => {
                let mut end = (at + token % 12).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            }
            _ => {
                let mut end = (at + token % 40).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let copy = text[at..end].to_owned();
                text.insert_str(at, &copy);
            }
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn mutated_markwhen_never_panics_and_every_failure_is_located(
        seed in 0usize..2,
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<u8>()), 1..6),
    ) {
        let seeds = [
            std::fs::read_to_string(fixture("markwhen-docs.mw")).unwrap(),
            markwhen::to_string(&load("interop.json")),
        ];
        let text = mutated(&seeds[seed], &edits);
        match read(&text) {
            Ok(t) => same_timeline(&round_trip(&t), &t),
            Err(e) => {
                prop_assert!(e.first_position().is_some(), "{e}");
                if let LoadError::Invalid { problems, .. } = &e {
                    prop_assert!(problems.iter().all(|p| p.position.line >= 1 && p.position.column >= 1));
                    prop_assert!(problems.windows(2).all(|w| w[0].position <= w[1].position));
                }
            }
        }
    }
}
