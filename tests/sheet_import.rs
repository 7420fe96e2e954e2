//! A spreadsheet of the user's own opens as it is: columns mapped by their headers (in any order) or
//! their content, commas, semicolons or tabs, Excel's byte-order mark and CRLF, dates as people write
//! them, a Year column read with a Date column of days and months, approximate marks; and a date whose
//! day and month could be either way round refused, where it is, until the order is chosen.

mod common;

use std::path::Path;

use dateline::formats::sheet::{DayOrder, Role, SheetOptions};
use dateline::formats::{self, Format, LoadError, ReadOptions};
use dateline::model::Precision;

fn with(order: Option<DayOrder>, columns: Vec<(Role, String)>) -> ReadOptions {
    ReadOptions {
        sheet: SheetOptions {
            columns,
            order,
            mapping: None,
        },
    }
}

#[test]
fn a_sheet_of_ones_own_columns_saved_by_excel_opens() {
    let text = common::read_fixture("sheet-own.csv");
    assert_eq!(
        formats::detect(text.trim_start_matches('\u{feff}')),
        Ok(Format::Sheet)
    );
    let t = formats::load_path(&common::fixture("sheet-own.csv")).expect("it opens");
    assert_eq!(t.title, "sheet-own", "the file's name is its title");
    assert_eq!(t.events.len(), 4);
    let find = |words: &str| {
        t.events
            .iter()
            .find(|e| e.title().contains(words))
            .unwrap_or_else(|| panic!("{words}"))
    };
    let act = find("Trade Act");
    assert_eq!(
        act.title(),
        "Congress passes the Trade Act, with Jackson-Vanik"
    );
    assert_eq!(act.when.to_string(), "1974-12-20");
    assert_eq!(act.details().summary, "The vote");
    assert_eq!(t.lane_label(act.lane), "Trade");
    assert_eq!(find("WTO member").when.to_string(), "2015-11-30");
    // A year stays a year.
    assert_eq!(find("Uzbekistan").when.precision(), Precision::Year);
    let lanes: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(lanes, ["Trade", "Security"]);
}

#[test]
fn an_ambiguous_date_is_refused_where_it_is_until_the_order_is_chosen() {
    let path = common::fixture("sheet-semicolon.csv");
    let text = common::read_fixture("sheet-semicolon.csv");
    let Err(LoadError::Invalid { problems, .. }) = formats::load_path(&path) else {
        panic!("refused without a choice");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    common::assert_problem_at(&text, &problems, "03/04/2015", "either way round");
    assert!(problems[0].message.contains("--day-first"));
    // Chosen: it reads that way, and the rest of the sheet with it.
    let t = formats::load_path_with(&path, &with(Some(DayOrder::DayFirst), vec![])).unwrap();
    let day = t
        .events
        .iter()
        .find(|e| e.title().starts_with("A day"))
        .unwrap();
    assert_eq!(day.when.to_string(), "2015-04-03");
    let t = formats::load_path_with(&path, &with(Some(DayOrder::MonthFirst), vec![])).unwrap();
    let day = t
        .events
        .iter()
        .find(|e| e.title().starts_with("A day"))
        .unwrap();
    assert_eq!(day.when.to_string(), "2015-03-04");
    // Semicolons, a span from Start to End, tags.
    let talks = t
        .events
        .iter()
        .find(|e| e.title() == "Accession talks")
        .unwrap();
    assert_eq!(talks.when.to_string(), "1996/2015");
    let wto = t.events.iter().find(|e| e.title().contains("WTO")).unwrap();
    let tags: Vec<&str> = wto.tags().map(|g| t.tag_label(g)).collect();
    assert_eq!(tags, ["WTO", "trade"]);
}

#[test]
fn a_year_column_is_read_with_days_and_months_and_approximate_marks_are_kept() {
    let t = formats::load_path(&common::fixture("sheet-tabs.tsv"))
        .expect("a tab-separated sheet opens");
    let find = |words: &str| t.events.iter().find(|e| e.title().contains(words)).unwrap();
    assert_eq!(find("Trade Act").when.to_string(), "1974-12-20");
    assert_eq!(find("Cold War").when.to_string(), "1947~");
    assert_eq!(
        find("WTO").when.to_string(),
        "2015-11-30",
        "30/11 can only be day first"
    );
}

#[test]
fn columns_can_be_named_and_a_wrong_name_is_told() {
    let path = common::fixture("sheet-own.csv");
    // The notes as the title: the mapping given wins over the guess.
    let t = formats::load_path_with(
        &path,
        &with(
            None,
            vec![
                (Role::Title, "Notes".to_owned()),
                (Role::Lane, "Event".to_owned()),
            ],
        ),
    )
    .unwrap();
    assert!(t.events.iter().any(|e| e.title() == "The vote"));
    let Err(LoadError::Invalid { problems, .. }) =
        formats::load_path_with(&path, &with(None, vec![(Role::Date, "Datum".to_owned())]))
    else {
        panic!("refused");
    };
    assert!(
        problems[0].message.contains("no such column"),
        "{}",
        problems[0].message
    );
    assert!(
        problems[0].message.contains("\"When\""),
        "it lists the headers there are"
    );
}

#[test]
fn the_command_line_takes_the_order_and_the_columns() {
    let file = common::fixture("sheet-semicolon.csv");
    let file = file.to_str().unwrap();
    let refused = common::dateline(&["check", file]);
    assert_eq!(refused.status.code(), Some(1));
    let said = common::text(&refused.stderr);
    assert!(said.contains("sheet-semicolon.csv:3:1:"), "{said}");
    let ok = common::dateline(&["check", "--day-first", file]);
    assert!(ok.status.success(), "{}", common::text(&ok.stderr));
    assert!(common::text(&ok.stdout).contains("3 events"));
    let listed = common::dateline(&[
        "list",
        file,
        "--month-first",
        "--columns",
        "title=Title,lane=Group",
    ]);
    assert!(listed.status.success(), "{}", common::text(&listed.stderr));
    assert!(common::text(&listed.stdout).contains("A day either way round"));
    let wrong = common::dateline(&["check", "--columns", "when=Start", file]);
    assert_eq!(
        wrong.status.code(),
        Some(2),
        "a bad --columns is a usage error"
    );
    assert!(common::text(&wrong.stderr).contains("not a role"));
    let both = common::dateline(&["check", "--day-first", "--month-first", file]);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn spreadsheets_saved_in_excels_other_encodings_open() {
    // Excel's "CSV" on a Western Windows: Windows-1252, é and ã as single bytes, “quotes” in 0x93/0x94.
    let latin = b"Date;Event\r\n30/11/2015;Caf\xe9 opens in S\xe3o Paulo \x93at last\x94\r\n";
    let options = with(Some(DayOrder::DayFirst), Vec::new());
    let t = formats::load_bytes_with(latin, Path::new("excel.csv"), &options)
        .expect("a Windows-1252 sheet opens");
    assert_eq!(t.events[0].title(), "Café opens in São Paulo “at last”");
    assert_eq!(t.events[0].when.to_string(), "2015-11-30");
    // Excel's "Unicode Text": UTF-16 with its byte order mark, tab-separated, any script.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Date\tEvent\r\n2015-11-30\tКазахстан вступает в ВТО\r\n".encode_utf16()
    {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let t = formats::load_bytes(&utf16, Path::new("unicode.txt")).expect("a UTF-16 sheet opens");
    assert_eq!(t.events[0].title(), "Казахстан вступает в ВТО");
    // Bytes that are no table are still refused where they go wrong, not read as Windows-1252.
    let binary = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe";
    let err = formats::load_bytes(binary, Path::new("picture.csv")).unwrap_err();
    assert!(err.to_string().contains("not UTF-8 text"), "{err}");
    let json = b"{\"title\": \"Caf\xe9\", \"events\": []}";
    let err = formats::load_bytes(json, Path::new("t.json")).unwrap_err();
    assert!(err.to_string().contains("t.json:1:"), "{err}");
}
