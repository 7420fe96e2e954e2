//! Dates: every precision's interval, qualifiers, negative years, leap days and invalid strings.

use chrono::NaiveDate;
use dateline::model::{DateError, DateSpec, Day, EdtfDate, IntervalEnd, Precision};

fn ymd(y: i32, m: u32, d: u32) -> Day {
    Day::from(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();

#[test]
fn a_year_covers_the_whole_year() {
    let d = DateSpec::parse("1974").unwrap();
    assert_eq!(d.precision(), Precision::Year);
    assert_eq!(d.covered(TODAY), (ymd(1974, 1, 1), ymd(1974, 12, 31)));
}

#[test]
fn a_month_covers_the_whole_month_including_leap_februaries() {
    assert_eq!(
        DateSpec::parse("2015-11").unwrap().covered(TODAY),
        (ymd(2015, 11, 1), ymd(2015, 11, 30))
    );
    assert_eq!(
        DateSpec::parse("2024-02").unwrap().covered(TODAY),
        (ymd(2024, 2, 1), ymd(2024, 2, 29))
    );
    assert_eq!(
        DateSpec::parse("2023-02").unwrap().covered(TODAY),
        (ymd(2023, 2, 1), ymd(2023, 2, 28))
    );
    assert_eq!(
        DateSpec::parse("1999-12").unwrap().covered(TODAY),
        (ymd(1999, 12, 1), ymd(1999, 12, 31))
    );
    assert_eq!(
        DateSpec::parse("2015-11").unwrap().precision(),
        Precision::Month
    );
}

#[test]
fn a_day_covers_one_day() {
    let d = DateSpec::parse("2015-11-30").unwrap();
    assert_eq!(d.precision(), Precision::Day);
    assert_eq!(d.covered(TODAY), (ymd(2015, 11, 30), ymd(2015, 11, 30)));
}

#[test]
fn leap_days_exist_only_in_leap_years() {
    assert!(DateSpec::parse("2024-02-29").is_ok());
    assert!(DateSpec::parse("2000-02-29").is_ok());
    assert!(matches!(
        DateSpec::parse("1900-02-29"),
        Err(DateError::Day(_))
    ));
    assert!(matches!(
        DateSpec::parse("2023-02-29"),
        Err(DateError::Day(_))
    ));
}

#[test]
fn impossible_dates_are_rejected_with_the_string_named() {
    let err = DateSpec::parse("2015-02-30").unwrap_err();
    assert!(err.to_string().contains("\"2015-02-30\""), "{err}");
    assert!(matches!(
        DateSpec::parse("2015-13"),
        Err(DateError::Month(_, 13))
    ));
    assert!(matches!(
        DateSpec::parse("2015-00-10"),
        Err(DateError::Month(_, 0))
    ));
    assert!(matches!(
        DateSpec::parse("2015-04-31"),
        Err(DateError::Day(_))
    ));
}

#[test]
fn malformed_strings_are_rejected() {
    for bad in [
        "",
        " ",
        "74",
        "1974-1",
        "1974-01-1",
        "19a4",
        "/",
        "..",
        "1974-01-01-01",
        "Nov 2015",
        "1974~~",
        "+1974",
        "--1974",
        "2015-11-30T10:00",
    ] {
        assert!(DateSpec::parse(bad).is_err(), "{bad:?} should be rejected");
    }
}

#[test]
fn approximate_and_uncertain_markers() {
    let a = EdtfDate::parse("1947~").unwrap();
    assert!(a.approximate && !a.uncertain);
    let u = EdtfDate::parse("2024-03-26?").unwrap();
    assert!(u.uncertain && !u.approximate);
    assert_eq!(u.precision(), Precision::Day);
    let both = EdtfDate::parse("2024-03%").unwrap();
    assert!(both.uncertain && both.approximate);
    assert_eq!(
        DateSpec::parse("2024-03-26?").unwrap().describe(),
        "on 26 March 2024 — uncertain"
    );
    assert_eq!(
        DateSpec::parse("2024-03%").unwrap().describe(),
        "around March 2024 — uncertain"
    );
    assert_eq!(DateSpec::parse("1947~").unwrap().short_label(), "c. 1947");
    assert_eq!(
        DateSpec::parse("2024-03-26?").unwrap().short_label(),
        "26 Mar 2024?"
    );
}

#[test]
fn negative_years_are_astronomical() {
    let d = DateSpec::parse("-0044-03-15").unwrap();
    assert_eq!(d.covered(TODAY), (ymd(-44, 3, 15), ymd(-44, 3, 15)));
    assert_eq!(d.describe(), "on 15 March 45 BCE");
    assert_eq!(d.to_string(), "-0044-03-15");
    assert_eq!(
        DateSpec::parse("-0500").unwrap().covered(TODAY),
        (ymd(-500, 1, 1), ymd(-500, 12, 31))
    );
    assert_eq!(DateSpec::parse("0000").unwrap().describe(), "in 1 BCE");
}

#[test]
fn intervals_open_unknown_and_reversed() {
    let cold_war = DateSpec::parse("1947~/1991~").unwrap();
    assert_eq!(
        cold_war.covered(TODAY),
        (ymd(1947, 1, 1), ymd(1991, 12, 31))
    );
    assert!(cold_war.approximate() && cold_war.is_span());
    assert_eq!(cold_war.precision(), Precision::Year);

    let ongoing = DateSpec::parse("2025-01-21/..").unwrap();
    assert!(ongoing.is_open());
    assert_eq!(ongoing.covered(TODAY), (ymd(2025, 1, 21), Day::from(TODAY)));
    assert_eq!(ongoing.describe(), "from 21 January 2025, ongoing");

    let unknown_end = DateSpec::parse("1947/").unwrap();
    assert!(matches!(
        unknown_end,
        DateSpec::Interval {
            end: IntervalEnd::Unknown,
            ..
        }
    ));
    assert_eq!(
        unknown_end.covered(TODAY),
        (ymd(1947, 1, 1), ymd(1947, 12, 31))
    );

    assert!(matches!(
        DateSpec::parse("1991/1947"),
        Err(DateError::EndBeforeStart(_))
    ));
    assert!(matches!(
        DateSpec::parse("../.."),
        Err(DateError::NoEnds(_))
    ));
    // Overlapping precisions are fine: the end's year contains the start's day.
    assert!(DateSpec::parse("2015-11-30/2015").is_ok());
}

#[test]
fn dates_write_back_as_written() {
    for text in [
        "1974",
        "2015-11",
        "2015-11-30",
        "-0044-03-15",
        "1947~",
        "2024-03-26?",
        "2024%",
        "1947~/1991~",
        "2025-01-21/..",
        "1947/",
        "/1991",
    ] {
        assert_eq!(DateSpec::parse(text).unwrap().to_string(), text);
    }
}

#[test]
fn dates_in_words() {
    assert_eq!(DateSpec::parse("1974").unwrap().describe(), "in 1974");
    assert_eq!(
        DateSpec::parse("2015-11-30").unwrap().describe(),
        "on 30 November 2015"
    );
    assert_eq!(
        DateSpec::parse("2026-01").unwrap().describe(),
        "in January 2026"
    );
}
