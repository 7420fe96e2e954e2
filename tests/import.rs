//! Importing: `TimelineJS` JSON and spreadsheet CSV load with their eras, groups, BCE years and HTML made
//! plain; dateline CSV reads back exactly what was written; problems name their line and column.

mod common;
use common::{assert_problem_at, fixture, read_fixture};

use std::path::Path;

use dateline::formats::{self, Format, LoadError, Position};
use dateline::model::date::year_words;
use dateline::model::{DateSpec, EdtfDate, IntervalEnd, Precision, Provenance, Timeline};

fn event<'a>(t: &'a Timeline, id: &str) -> &'a dateline::model::Event {
    let i = t
        .event_index(id)
        .unwrap_or_else(|| panic!("no event {id}: {:?}", ids(t)));
    &t.events[i]
}

fn ids(t: &Timeline) -> Vec<&str> {
    t.events.iter().map(dateline::model::Event::id).collect()
}

fn single(when: DateSpec) -> EdtfDate {
    match when {
        DateSpec::Single(d) => d,
        other @ DateSpec::Interval { .. } => panic!("expected a single date, got {other}"),
    }
}

// ---- TimelineJS JSON ------------------------------------------------------------------------------

#[test]
fn timelinejs_json_is_detected_and_loads_title_and_lanes_in_order_of_first_appearance() {
    let text = read_fixture("timelinejs.json");
    assert_eq!(formats::detect(&text), Ok(Format::TimelineJs));
    let t = formats::load_path(&fixture("timelinejs.json")).unwrap();
    assert_eq!(t.title, "Writing & Printing");
    assert_eq!(
        t.description,
        "From clay tablets to the printing press.\nA TimelineJS test file."
    );
    let lanes: Vec<(&str, &str)> = t
        .lanes
        .iter()
        .map(|l| (l.id.as_str(), l.label.as_str()))
        .collect();
    assert_eq!(
        lanes,
        [
            ("mesopotamia", "Mesopotamia"),
            ("greece", "Greece"),
            ("china", "China"),
            ("europe", "Europe"),
            ("korea", "Korea"),
            ("events", "Events"),
        ]
    );
    assert_eq!(t.events.len(), 9);
    // A TimelineJS file does not say where its events came from, so nothing is claimed.
    assert!(
        t.events
            .iter()
            .all(|e| e.provenance == Provenance::Unstated)
    );
    assert!(
        t.periods
            .iter()
            .all(|p| p.provenance == Provenance::Unstated)
    );
    assert!(t.tags.is_empty());
    // Sorted chronologically.
    assert!(
        t.events
            .windows(2)
            .all(|w| w[0].when.first_day() <= w[1].when.first_day())
    );
    let europe = t.lanes.iter().position(|l| l.id == "europe").unwrap();
    assert_eq!(usize::from(event(&t, "gutenberg").lane.0), europe);
    let events_lane = t.lanes.iter().position(|l| l.id == "events").unwrap();
    assert_eq!(
        usize::from(event(&t, "project-gutenberg-begins").lane.0),
        events_lane,
        "an event without a group (or with \"group\": null) goes to the Events lane"
    );
}

#[test]
fn timelinejs_negative_years_are_bce_and_become_astronomical_years() {
    // Convention: TimelineJS -500 is 500 BCE (as TimelineJS shows it), which is the astronomical year -499,
    // written -0499 in EDTF (the EDTF parser reads -0499 as -499).
    let t = formats::load_path(&fixture("timelinejs.json")).unwrap();
    let greek = single(event(&t, "the-greek-alphabet-in-wide-use").when);
    assert_eq!(greek.year, -499);
    assert_eq!(year_words(greek.year), "500 BCE");
    assert_eq!(greek.precision(), Precision::Year);
    assert_eq!(greek.to_string(), "-0499");
    assert_eq!(EdtfDate::parse("-0499").unwrap(), greek);
    // A string year works the same way.
    let cuneiform = single(event(&t, "cuneiform-in-sumer").when);
    assert_eq!(year_words(cuneiform.year), "3200 BCE");
    // The era from -3200 to -500 covers 3200 BCE through 500 BCE.
    let era = &t.periods[0];
    assert_eq!(era.title, "Early writing systems");
    assert_eq!(era.when.to_string(), "-3199/-0499");
    assert_eq!(era.summary, "Before alphabets spread.");
    assert_eq!(era.lane, None);
}

#[test]
fn timelinejs_precision_is_the_most_specific_part_given() {
    let t = formats::load_path(&fixture("timelinejs.json")).unwrap();
    let press = single(event(&t, "gutenberg").when);
    assert_eq!((press.year, press.precision()), (1440, Precision::Year));
    // "month": "" counts as no month.
    let newspaper = single(event(&t, "first-newspaper-relation").when);
    assert_eq!(newspaper.precision(), Precision::Year);
    let pg = single(event(&t, "project-gutenberg-begins").when);
    assert_eq!(pg.to_string(), "1971-07");
    assert_eq!(pg.precision(), Precision::Month);
    let bible = single(event(&t, "gutenberg-2").when);
    assert_eq!(bible.to_string(), "1455-02-23");
}

#[test]
fn timelinejs_end_dates_make_spans_except_an_event_ending_on_its_start() {
    let t = formats::load_path(&fixture("timelinejs.json")).unwrap();
    // end_date equal to start_date: no end for an event …
    assert!(matches!(event(&t, "gutenberg-2").when, DateSpec::Single(_)));
    // … a real span otherwise, at each side's own precision.
    assert_eq!(
        event(&t, "steam-powered-press-prints-the-times")
            .when
            .to_string(),
        "1814-11-29/1814-12"
    );
    // An era ending on its start date spans the whole of that year.
    let era = t
        .periods
        .iter()
        .find(|p| p.title == "The year of the press")
        .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let (first, last) = era.when.covered(today);
    assert_eq!(first.to_string(), "1450-01-01");
    assert_eq!(last.to_string(), "1450-12-31");
    assert!(matches!(
        era.when,
        DateSpec::Interval {
            end: IntervalEnd::Date(_),
            ..
        }
    ));
}

#[test]
fn timelinejs_ids_come_from_unique_id_or_the_headline_and_are_made_unique() {
    let t = formats::load_path(&fixture("timelinejs.json")).unwrap();
    let mut all = ids(&t);
    for id in [
        "gutenberg",
        "gutenberg-2",
        "movable-type",
        "movable-type-2",
        "cuneiform-in-sumer",
        "project-gutenberg-begins",
    ] {
        assert!(all.contains(&id), "{id} missing from {all:?}");
    }
    // The earlier "Movable type" (1040, China) got the plain slug: ids follow the file's order.
    assert_eq!(
        t.lane_label(event(&t, "movable-type").lane),
        "China",
        "{all:?}"
    );
    all.sort_unstable();
    let before = all.len();
    all.dedup();
    assert_eq!(all.len(), before, "ids are unique");
}

#[test]
fn timelinejs_html_becomes_plain_text_and_media_a_source_link() {
    let t = formats::load_path(&fixture("timelinejs.json")).unwrap();
    assert_eq!(
        event(&t, "gutenberg").title(),
        "Gutenberg's press & movable type"
    );
    assert_eq!(event(&t, "gutenberg-2").title(), "Gutenberg Bible printed");
    assert_eq!(
        event(&t, "first-newspaper-relation").title(),
        "First newspaper – Relation"
    );
    assert_eq!(
        event(&t, "steam-powered-press-prints-the-times").title(),
        "Steam-powered press prints \"The Times\""
    );
    let cuneiform = event(&t, "cuneiform-in-sumer").details();
    assert_eq!(cuneiform.summary, "Clay tablets & reed styluses.");
    // The media is kept as media, its caption as plain text.
    assert!(cuneiform.sources.is_empty());
    let media = cuneiform.media.expect("the slide's media");
    assert_eq!(media.url, "https://example.org/tablet.jpg");
    assert_eq!(media.caption.as_deref(), Some("A clay tablet"));
    assert_eq!(media.credit.as_deref(), Some("A museum"));
    assert_eq!(
        media.thumbnail.as_deref(),
        Some("https://example.org/tablet-small.jpg")
    );
    // Without a headline the title is the text; media without a caption has none.
    let pg = event(&t, "project-gutenberg-begins");
    assert_eq!(pg.title(), "Project Gutenberg begins");
    assert_eq!(pg.details().media.unwrap().caption, None);
}

#[test]
fn timelinejs_display_dates_become_text_dates_or_notes() {
    let t = formats::load_path(&fixture("timelinejs.json")).unwrap();
    let bible = event(&t, "gutenberg-2").details();
    assert_eq!(
        bible.text_date.map(|d| d.to_string()).as_deref(),
        Some("1455-02-23?")
    );
    assert_eq!(bible.note, None);
    let newspaper = event(&t, "first-newspaper-relation").details();
    assert_eq!(newspaper.text_date, None);
    assert_eq!(newspaper.note.as_deref(), Some("Shown as: Early 1605"));
}

#[test]
fn timelinejs_problems_are_all_reported_at_their_values() {
    let path = fixture("timelinejs-broken.json");
    let text = read_fixture("timelinejs-broken.json");
    let Err(LoadError::Invalid { problems, .. }) = formats::load_path(&path) else {
        panic!("timelinejs-broken.json should be invalid");
    };
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expect = |needle: &str, words: &str| assert_problem_at(&text, &problems, needle, words);
    expect("{ \"start_date\": { \"year\": 1900 }", "has no end_date");
    expect("\"July\"", "\"July\" is not a number");
    expect("30 }", "30 February 2015 does not exist");
    expect(
        "{ \"text\": { \"headline\": \"No start date\" } }",
        "has no start_date",
    );
    expect("{ \"month\": 3 }", "has no year");
    expect("{ \"year\": 1999 }", "ends (1999) before it starts (2000)");
    expect("\"1,963\"", "\"1,963\" is not a number");
    expect("13 }", "there is no month 13");
    assert_eq!(problems.len(), 8, "{messages:#?}");
    assert!(problems.windows(2).all(|w| w[0].position <= w[1].position));
}

#[test]
fn timelinejs_type_errors_and_syntax_errors_have_a_position() {
    let text =
        "{\n  \"events\": [\n    { \"start_date\": { \"year\": 1 }, \"text\": \"plain\" }\n  ]\n}";
    let err = formats::load_str(text, Path::new("t.json")).unwrap_err();
    assert_eq!(err.first_position().map(|p| p.line), Some(3), "{err}");
    let text = "{\"events\": [{\"start_date\": {\"year\": 1}}";
    let err = formats::load_str(text, Path::new("t.json")).unwrap_err();
    assert!(err.to_string().contains("ends too soon"), "{err}");
    // Unknown keys are ignored; a day without a month is in January; years may be huge (past the Big
    // Bang) but not too huge.
    let text = r#"{"events": [{"start_date": {"year": 2000, "day": 5, "format": "x"}, "colour": 1,
        "text": {"headline": "A"}}, {"start_date": {"year": 138000000000}, "text": {"headline": "Big bang"}}]}"#;
    let err = formats::load_str(text, Path::new("t.json")).unwrap_err();
    let LoadError::Invalid { problems, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(problems.len(), 1, "{err}");
    assert!(problems[0].message.contains("out of range"), "{err}");
    let text =
        r#"{"events": [{"start_date": {"year": 2000, "day": 5}, "text": {"headline": "A"}}]}"#;
    let t = formats::load_str(text, Path::new("t.json")).unwrap();
    assert_eq!(t.events[0].when.to_string(), "2000-01-05");
}

// ---- TimelineJS spreadsheet CSV --------------------------------------------------------------------

#[test]
fn spreadsheet_csv_loads_title_era_groups_and_quoted_cells() {
    let text = read_fixture("timelinejs-sheet.csv");
    assert_eq!(formats::detect(&text), Ok(Format::TimelineJsCsv));
    let t = formats::load_path(&fixture("timelinejs-sheet.csv")).unwrap();
    assert_eq!(t.title, "Reaching the Moon");
    assert_eq!(
        t.description,
        "A short history of the Space Race, 1957–1972."
    );
    assert_eq!(t.periods.len(), 1);
    assert_eq!(t.periods[0].title, "Space Race");
    assert_eq!(t.periods[0].when.to_string(), "1957/1975");
    assert_eq!(
        ids(&t),
        [
            "sputnik-1",
            "luna-2-hits-the-moon-the-first-impact",
            "gagarin-orbits-earth",
            "apollo-11",
            "apollo-17"
        ]
    );
    let labels: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["USSR", "USA"], "groups are trimmed");
    let luna = event(&t, "luna-2-hits-the-moon-the-first-impact");
    assert_eq!(luna.title(), "Luna 2 hits the Moon, the first impact");
    assert_eq!(
        luna.details().summary,
        "The first object made by people to reach the Moon.\nIt carried Soviet pennants."
    );
    let sputnik = event(&t, "sputnik-1")
        .details()
        .media
        .expect("the Media column");
    assert_eq!(sputnik.url, "https://example.org/sputnik.jpg");
    assert_eq!(sputnik.caption.as_deref(), Some("Sputnik 1 model"));
    assert_eq!(sputnik.credit.as_deref(), Some("NASA"));
    let apollo = event(&t, "apollo-11");
    assert_eq!(apollo.when.to_string(), "1969-07-16/1969-07-24");
    assert_eq!(
        apollo.details().media.and_then(|m| m.caption).as_deref(),
        Some("Aldrin on the Moon, by Armstrong")
    );
    assert_eq!(
        apollo.details().note.as_deref(),
        Some("Shown as: July 1969")
    );
    assert_eq!(event(&t, "apollo-17").when.precision(), Precision::Month);
}

#[test]
fn spreadsheet_csv_problems_name_the_cell_even_after_a_line_break() {
    let path = fixture("timelinejs-sheet-broken.csv");
    let text = read_fixture("timelinejs-sheet-broken.csv");
    let Err(LoadError::Invalid { problems, .. }) = formats::load_path(&path) else {
        panic!("timelinejs-sheet-broken.csv should be invalid");
    };
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expect = |needle: &str, words: &str| assert_problem_at(&text, &problems, needle, words);
    expect("Sept", "\"Sept\" is not a number");
    expect("30,No such day", "30 February 2015 does not exist");
    expect("sidebar", "unknown Type \"sidebar\"");
    assert_eq!(problems.len(), 3, "{messages:#?}");
    assert_eq!(
        problems[2].position,
        Position {
            line: 6,
            column: 20
        }
    );
}

#[test]
fn headers_match_case_insensitively_and_missing_columns_are_fine() {
    let text = "HEADLINE, year ,End_Year\nOne,2001,2003\nTwo,-44,\n";
    let t = formats::load_str(text, Path::new("x.csv")).unwrap();
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].when.to_string(), "-0043");
    assert_eq!(t.events[1].when.to_string(), "2001/2003");
}

// ---- dateline CSV ------------------------------------------------------------------------------------

#[test]
fn dateline_json_to_csv_and_back_loses_nothing() {
    let t = formats::builtin().unwrap();
    let csv = formats::write_csv(&t);
    assert_eq!(formats::detect(&csv), Ok(Format::DatelineCsv));
    let again = formats::load_str(&csv, Path::new("again.csv")).unwrap();
    assert_eq!(t, again);
    // And on to dateline JSON, which reads back the same too.
    let json = formats::native::to_string(&again);
    assert_eq!(
        t,
        formats::load_str(&json, Path::new("again.json")).unwrap()
    );
    // Writing is stable.
    assert_eq!(formats::write_csv(&again), csv);
}

#[test]
fn timelinejs_sheets_saved_with_semicolons_or_tabs_read_as_with_commas() {
    let with_commas = formats::load_path(&fixture("timelinejs-sheet.csv")).unwrap();
    // Saved as spreadsheets save in much of the world: semicolons, CRLF, a cell quoted for its `;`.
    let text = read_fixture("timelinejs-sheet-semicolon.csv");
    assert!(text.starts_with("Year;Month;Day;"));
    assert_eq!(formats::detect(&text), Ok(Format::TimelineJsCsv));
    let path = fixture("timelinejs-sheet-semicolon.csv");
    let t = formats::load_path(&path).unwrap();
    assert_eq!(t, with_commas);
    // Tabs too (no cell holds one).
    let tabs = text.replace(
        "\"A short history of the <b>Space Race</b>, 1957&ndash;1972.\"",
        "x",
    );
    let tabs = tabs.replace(';', "\t");
    assert_eq!(formats::detect(&tabs), Ok(Format::TimelineJsCsv));
    let t = formats::load_str(&tabs, Path::new("tabs.tsv")).unwrap();
    assert_eq!(ids(&t), ids(&with_commas));
    // Problems are at their cells, counted with the semicolons.
    let broken = text.replacen("1957;10;4;", "1957;13;4;", 1);
    let Err(LoadError::Invalid { problems, .. }) = formats::load_str(&broken, &path) else {
        panic!("month 13 was read");
    };
    let at = broken.find("1957;13").unwrap() + "1957;".len();
    assert_eq!(
        problems[0].position,
        Position::of_offset(&broken, at),
        "{problems:?}"
    );
    // A sheet of one's own with a Year column but no Headline stays a sheet of one's own.
    assert_eq!(
        formats::detect("Year;Event\n1947;The Cold War begins\n"),
        Ok(Format::Sheet)
    );
}

#[test]
fn imported_timelines_round_trip_through_both_dateline_formats() {
    for name in ["timelinejs.json", "timelinejs-sheet.csv", "valid.json"] {
        let t = formats::load_path(&fixture(name)).unwrap();
        let csv = formats::write_csv(&t);
        assert_eq!(
            formats::load_str(&csv, Path::new("x.csv")).unwrap(),
            t,
            "{name} via CSV"
        );
        let json = formats::native::to_string(&t);
        assert_eq!(
            formats::load_str(&json, Path::new("x.json")).unwrap(),
            t,
            "{name} via JSON"
        );
    }
}

#[test]
fn dateline_csv_cells_hold_commas_quotes_line_breaks_and_awkward_lists() {
    let text = "kind,id,title,date,tags,people,quotes,sources,summary\n\
        title,,\"A, \"\"quoted\"\" title\",,,,,,\"Two\nlines\"\n\
        tag,t1,Theme one,,,,,,\n\
        tag,t2,Theme two,,,,,,\n\
        event,e1,First,2001-02-03,t1; t2,\"[\"\"Smith; John\"\"]\",Plain words,CRS report https://example.org/crs; A book,\n\
        ,e2,Second,2002,,Ann;Bob,\"[{\"\"text\"\": \"\"Hi\"\", \"\"speaker\"\": \"\"Ann\"\"}]\",,\n";
    assert_eq!(formats::detect(text), Ok(Format::DatelineCsv));
    let t = formats::load_str(text, Path::new("x.csv")).unwrap();
    assert_eq!(t.title, "A, \"quoted\" title");
    assert_eq!(t.description, "Two\nlines");
    let e1 = event(&t, "e1");
    assert_eq!(e1.tags().len(), 2);
    assert_eq!(e1.details().people, ["Smith; John"]);
    assert_eq!(e1.details().quotes[0].text, "Plain words");
    assert_eq!(e1.details().sources[0].label, "CRS report");
    assert_eq!(
        e1.details().sources[0].url.as_deref(),
        Some("https://example.org/crs")
    );
    assert_eq!(e1.details().sources[1].label, "A book");
    let e2 = event(&t, "e2");
    assert_eq!(e2.details().people, ["Ann", "Bob"]);
    assert_eq!(e2.details().quotes[0].speaker.as_deref(), Some("Ann"));
    let back = formats::load_str(&formats::write_csv(&t), Path::new("y.csv")).unwrap();
    assert_eq!(back, t);
}

#[test]
fn dateline_csv_problems_are_at_their_cells() {
    let text = "kind,id,title,date,lane,tags,quotes\n\
        lane,us,United States,,,,\n\
        event,a,\"Multi\nline title\",2015-02-30,us,,\n\
        event,b,B,2015,mars,nope,\n\
        event,b,Again,2016,us,,[oops\n\
        spaceship,c,C,2017,,,\n";
    let Err(LoadError::Invalid { problems, .. }) = formats::load_str(text, Path::new("x.csv"))
    else {
        panic!("should be invalid");
    };
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expect = |needle: &str, words: &str| assert_problem_at(text, &problems, needle, words);
    expect("2015-02-30", "that day does not exist");
    expect("mars", "unknown lane \"mars\"");
    expect("nope", "unknown tag \"nope\"");
    expect("b,Again", "duplicate id \"b\"");
    expect("[oops", "not a JSON array");
    expect("spaceship", "unknown kind \"spaceship\"");
    assert_eq!(problems.len(), 6, "{messages:#?}");
}

// ---- detection ---------------------------------------------------------------------------------------

#[test]
fn formats_are_detected_from_content_not_names() {
    let p = Path::new("timeline.txt");
    assert!(formats::load_path(&fixture("timelinejs.json")).is_ok());
    assert_eq!(
        formats::detect(r#"{"title": {"text": {"headline": "x"}}, "events": []}"#),
        Ok(Format::TimelineJs)
    );
    assert_eq!(
        formats::detect(r#"{"events": [{"date": "2001", "id": "a", "title": "A"}]}"#),
        Ok(Format::Native)
    );
    assert_eq!(
        formats::detect(r#"{"format": "dateline/1", "title": "x"}"#),
        Ok(Format::Native)
    );
    assert_eq!(
        formats::detect(r#"{"events": [{"start_date": {"year": 1}}]}"#),
        Ok(Format::TimelineJs)
    );
    for (text, words) in [
        (
            r#"{"things": [{"start": "2001"}]}"#,
            "neither dateline JSON",
        ),
        ("[1, 2, 3]", "not of vis-timeline items"),
        ("just some words\nand more", "expected dateline JSON"),
        ("name,age\nAnn,3\n", "expected dateline JSON"),
    ] {
        let err = formats::load_str(text, p).unwrap_err();
        assert!(
            matches!(&err, LoadError::UnknownFormat { reason, .. } if reason.contains(words)),
            "{text}: {err}"
        );
        assert_eq!(err.first_position(), Some(Position { line: 1, column: 1 }));
    }
    // Broken JSON is reported where it breaks, not as an unknown format.
    let err = formats::load_str("{\"a\": [1, 2", p).unwrap_err();
    assert!(matches!(err, LoadError::Invalid { .. }), "{err}");
    // A UTF-8 byte order mark (as spreadsheets write) is fine.
    let with_bom = format!("\u{feff}{}", read_fixture("timelinejs-sheet.csv"));
    assert!(formats::load_str(&with_bom, p).is_ok());
}

// ---- hostile CSV ---------------------------------------------------------------------------------------

/// The problems of a file that must not load.
fn problems_of(text: &str) -> Vec<dateline::formats::Problem> {
    match formats::load_str(text, Path::new("x.csv")) {
        Err(LoadError::Invalid { problems, .. }) => problems,
        Err(other) => panic!("expected problems, got {other}"),
        Ok(t) => panic!("expected problems, got {} events", t.events.len()),
    }
}

#[test]
fn an_unclosed_quote_is_an_error_where_it_opens_in_every_layout() {
    for (text, at) in [
        (
            "Year,Headline,Text\n2015,\"oops,a\n2016,b,c\n2017,d,e\n",
            Position { line: 2, column: 6 },
        ),
        (
            "kind,id,title,date\nevent,a,\"oops,2015\nevent,b,B,2016\n",
            Position { line: 2, column: 9 },
        ),
        // A doubled quote inside the cell does not close it.
        (
            "kind,id,title,date\nevent,a,A,2015\nevent,b,\"say \"\"hi\"\",2016\n",
            Position { line: 3, column: 9 },
        ),
    ] {
        let problems = problems_of(text);
        assert_eq!(problems.len(), 1, "{text:?}: {problems:?}");
        assert_eq!(problems[0].position, at, "{text:?}");
        assert!(problems[0].message.contains("never closed"), "{problems:?}");
    }
    // Quoted cells that close, even across lines, are fine.
    let text = "kind,id,title,date\nevent,a,\"two\nlines, \"\"quoted\"\"\",2015\n";
    let t = formats::load_str(text, Path::new("x.csv")).unwrap();
    assert_eq!(t.events[0].title(), "two\nlines, \"quoted\"");
}

#[test]
fn positions_count_crlf_and_cr_line_ends_in_every_format_with_or_without_a_bom() {
    let at = |line, column| Position { line, column };
    for end in ["\n", "\r\n", "\r"] {
        for bom in ["", "\u{feff}"] {
            let lines = |rows: &[&str]| format!("{bom}{}{end}", rows.join(end));
            // TimelineJS spreadsheet: the month 13 is on line 4, column 6.
            let text = lines(&["Year,Month,Headline", "2015,1,a", "2016,2,b", "2017,13,c"]);
            let problems = problems_of(&text);
            assert_eq!(problems.len(), 1, "{end:?} {problems:?}");
            assert_eq!(problems[0].position, at(4, 6), "{end:?} {bom:?}");
            // dateline CSV, with a quoted cell holding a line break before the problem.
            let text = lines(&[
                "kind,id,title,date",
                "event,a,\"two\nlines\",2015",
                "event,b,é,2015-02-30",
            ]);
            let problems = problems_of(&text);
            assert_eq!(problems.len(), 1, "{end:?} {problems:?}");
            assert_eq!(problems[0].position, at(4, 11), "{end:?} {bom:?}");
            // dateline JSON: a problem found after parsing, and a syntax error.
            let text = lines(&[
                "{\"title\": \"t\", \"events\": [",
                "  {\"id\": \"é\", \"title\": \"x\", \"date\": \"2015-02-30\"}",
                "]}",
            ]);
            let problems = problems_of(&text);
            assert_eq!(problems[0].position, at(2, 37), "{end:?} {bom:?}");
            let text = lines(&["{\"title\": \"é\",", "  \"events\": [}"]);
            let problems = problems_of(&text);
            assert_eq!(problems[0].position, at(2, 14), "{end:?} {bom:?}");
            // TimelineJS JSON.
            let text = lines(&[
                "{\"events\": [",
                "  {\"start_date\": {\"year\": 2015, \"month\": 13}}",
                "]}",
            ]);
            let problems = problems_of(&text);
            assert_eq!(problems[0].position, at(2, 42), "{end:?} {bom:?}");
        }
    }
}

#[test]
fn a_huge_whole_year_is_out_of_range_not_a_fraction() {
    for (year, shown) in [
        ("1e15", "1e15"),
        ("-1e300", "-1e300"),
        ("99999999999999999999", "1e20"),
        ("\"-99999999999999999999\"", "-99999999999999999999"),
    ] {
        let text = format!(
            r#"{{"events": [{{"start_date": {{"year": {year}}}, "text": {{"headline": "A"}}}}]}}"#
        );
        let problems = problems_of(&text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let message = &problems[0].message;
        assert!(
            message.contains(&format!(
                "invalid year in the start_date of event \"A\": {shown} is out of range"
            )),
            "{message}"
        );
        assert!(!message.contains("whole number"), "{message}");
    }
    // A month or day as large reads the same way; a fraction is still not a whole number.
    let text = r#"{"events": [{"start_date": {"year": 2000, "month": 1e15}, "text": {"headline": "A"}},
        {"start_date": {"year": 2000.5}, "text": {"headline": "B"}}]}"#;
    let problems = problems_of(text);
    assert!(
        problems[0].message.contains("there is no month 1e15"),
        "{problems:?}"
    );
    assert!(
        problems[1].message.contains("2000.5 is not a whole number"),
        "{problems:?}"
    );
}

#[test]
fn csv_export_writes_no_live_formula_and_reads_back_every_cell() {
    let text = r#"{"title": "=HYPERLINK(\"http://evil.example\", \"click\")",
        "lanes": [{"id": "@lane", "label": "+cmd|' /C calc'!A0"}],
        "events": [
            {"id": "-1", "title": "@SUM(1+1)*cmd|' /C calc'!A0", "date": "-0499", "lane": "@lane",
             "summary": "\tTabbed", "people": ["=1+2", "'quoted"], "note": "\rCarriage"},
            {"id": "'plain", "title": "''twice", "date": "2015", "summary": "'=already"}
        ]}"#;
    let t = formats::load_str(text, Path::new("f.json")).unwrap();
    let csv = formats::write_csv(&t);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    let mut cells = 0;
    for record in reader.records() {
        for cell in &record.unwrap() {
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a live formula cell: {cell:?}"
            );
        }
    }
    assert!(cells > 20);
    assert!(csv.contains("'-0499"), "{csv}");
    let again = formats::load_str(&csv, Path::new("again.csv")).unwrap();
    assert_eq!(again, t);
    assert_eq!(again.events[0].when.to_string(), "-0499");
    assert_eq!(again.events[1].id(), "'plain");
    assert_eq!(again.events[1].title(), "''twice");
}

#[test]
fn hostile_cells_neither_panic_nor_flood_a_message() {
    let huge = "é".repeat(5 << 20); // 10 MB of two-byte characters
    // A 10 MB cell in a row with a problem: the message quotes a bounded piece of it.
    let text = format!("kind,id,title,date\nevent,{huge},T,{huge}\n");
    let problems = problems_of(&text);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].position,
        Position {
            line: 2,
            column: 5_242_890
        }
    );
    assert!(problems[0].message.chars().count() <= formats::show::MAX_MESSAGE_CHARS);
    assert!(
        problems[0].message.contains("é…\""),
        "{}",
        problems[0].message
    );
    // A valid 10 MB cell loads and round trips.
    let text = format!("kind,id,title,date,summary\nevent,a,T,2015,{huge}\n");
    let t = formats::load_str(&text, Path::new("big.csv")).unwrap();
    assert_eq!(t.events[0].details().summary.len(), huge.len());
    assert_eq!(
        formats::load_str(&formats::write_csv(&t), Path::new("again.csv")).unwrap(),
        t
    );
    // The same in TimelineJS JSON: the event is named by a short piece of its headline.
    let text = format!(
        r#"{{"events": [{{"start_date": {{"year": 2000, "month": 13}}, "text": {{"headline": "{huge}"}}}}]}}"#
    );
    let problems = problems_of(&text);
    assert!(
        problems[0].message.chars().count() < 200,
        "{}",
        problems[0].message
    );

    // NUL bytes load as the text they are, and are escaped in messages.
    let text = "kind,id,title,date\nevent,a\0b,T\0,2015\nevent,c,C,\0\n";
    let problems = problems_of(text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains(r#""\u{0}""#), "{problems:?}");
    assert!(!problems[0].message.contains('\0'));

    // Non-Latin scripts: columns count characters, not bytes.
    let text = "kind,id,title,date\nevent,東京,タイトル,2015-02-30\nevent,دبي,عنوان,2015\nevent,दिल्ली,शीर्षक,1947~\n";
    let problems = problems_of(text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].position,
        Position {
            line: 2,
            column: 15
        }
    );
    assert!(problems[0].message.contains("\"東京\""), "{problems:?}");

    // Windows-1252 text reads as such (Excel's CSV on a Western Windows); after UTF-8's byte order mark,
    // which says the file is UTF-8, it is refused where its first byte that is not UTF-8 is.
    let latin = b"Year,Headline\r\n2015,Caf\xe9\r\n";
    let t = formats::load_bytes(latin, Path::new("latin1.csv")).unwrap();
    assert_eq!(t.events[0].title(), "Café");
    {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(latin);
        let err = formats::load_bytes(&bytes, Path::new("latin1.csv")).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::NotText {
                    position: Position { line: 2, column: 9 },
                    ..
                }
            ),
            "{err}"
        );
    }
}
