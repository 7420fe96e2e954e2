//! The date finder on real sentences, one phenomenon of English at a time: what it finds, the TIMEX3
//! type and value it gives, and the traps it must not fall into.

use chrono::NaiveDate;
use dateline::draft::{self, Anchor};

/// Every mention of `text` as (words, type, value), anchored to `dct`.
fn found(text: &str, dct: Option<(i32, u32, u32)>) -> Vec<(String, &'static str, String)> {
    let dct = dct.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    draft::mentions(text, dct)
        .iter()
        .map(|m| {
            (
                text[m.start..m.end].to_owned(),
                m.kind.as_str(),
                m.value.to_string(),
            )
        })
        .collect()
}

fn values(text: &str, dct: Option<(i32, u32, u32)>) -> Vec<String> {
    found(text, dct).into_iter().map(|(_, _, v)| v).collect()
}

fn spans(text: &str) -> Vec<String> {
    found(text, None).into_iter().map(|(s, _, _)| s).collect()
}

const DCT: Option<(i32, u32, u32)> = Some((2025, 2, 1));

#[test]
fn absolute_dates_at_every_precision() {
    let text = "The amendment was enacted in 1974. Kazakhstan became a member on 30 November 2015 \
                (Nov. 30, 2015, or 2015-11-30 in the records), after talks in November 2015.";
    assert_eq!(
        found(text, DCT),
        [
            ("1974".into(), "DATE", "1974".into()),
            ("30 November 2015".into(), "DATE", "2015-11-30".into()),
            ("Nov. 30, 2015".into(), "DATE", "2015-11-30".into()),
            ("2015-11-30".into(), "DATE", "2015-11-30".into()),
            ("November 2015".into(), "DATE", "2015-11".into()),
        ]
    );
}

#[test]
fn decades_centuries_seasons_quarters_and_halves() {
    let text = "Trade grew in the 1990s and slowed in the mid-1990s; the law dates from the 19th \
                century. Talks resumed in spring 2015 and ended in the first quarter of 2016, and \
                again in the second half of 2018.";
    assert_eq!(
        values(text, DCT),
        ["199", "199", "18", "2015-SP", "2016-Q1", "2018-H2"]
    );
    assert_eq!(
        values(
            "It was an eighteenth-century custom, revived in the nineteenth century.",
            DCT
        ),
        ["17", "18"]
    );
}

#[test]
fn fuzzy_dates_keep_their_value_and_say_they_are_fuzzy() {
    let text = "Work began in early 2015 and ended in late 1943; by the end of 1944 it was over.";
    let mentions = draft::mentions(text, None);
    let described: Vec<(String, Option<&str>)> = mentions
        .iter()
        .map(|m| (m.value.to_string(), m.modifier.timex_name()))
        .collect();
    assert_eq!(
        described,
        [
            ("2015".to_owned(), Some("EARLY")),
            ("1943".to_owned(), Some("LATE")),
            ("1944".to_owned(), Some("LATE")),
        ]
    );
}

#[test]
fn years_before_and_in_the_common_era() {
    assert_eq!(
        values(
            "The revolt broke out in 499 BC, Varus fell in AD 9, and Carthage was razed in 146 \
             B.C. The city had been founded c. 814 BCE.",
            None
        ),
        ["BC0499", "0009", "BC0146", "BC0814"]
    );
    assert_eq!(
        values("The war of the 4th century BC ended.", None),
        ["BC03"]
    );
    assert_eq!(values("Settlers came in the 470s BC.", None), ["BC047"]);
}

#[test]
fn a_year_without_its_era_takes_the_narrative_s_era() {
    // After a date before the common era, "in 480," is 480 BC.
    assert_eq!(
        values(
            "The fleet sailed in 481 BC. In 480, the army crossed the straits.",
            None
        ),
        ["BC0481", "BC0480"]
    );
    // Without such a date, a bare three-digit number is not a year.
    assert!(values("In 480, the army crossed the straits.", None).is_empty());
}

#[test]
fn ranges_are_found_as_one_thing_with_a_start_and_an_end() {
    let text = "The war lasted from 1939 to 1945. The campaign of 1939–45 was long. Rain fell between \
                March and May 2015, and the fair ran 1 to 3 June 2016.";
    let mentions = draft::mentions(text, None);
    let ends: Vec<(String, String, bool)> = mentions
        .iter()
        .map(|m| {
            let (_, _, is_end) = m.range.expect("every mention here is an end of a range");
            (text[m.start..m.end].to_owned(), m.value.to_string(), is_end)
        })
        .collect();
    assert_eq!(
        ends,
        [
            ("1939".into(), "1939".into(), false),
            ("1945".into(), "1945".into(), true),
            ("1939".into(), "1939".into(), false),
            ("45".into(), "1945".into(), true),
            ("March".into(), "2015-03".into(), false),
            ("May 2015".into(), "2015-05".into(), true),
            ("1".into(), "2016-06-01".into(), false),
            ("3 June 2016".into(), "2016-06-03".into(), true),
        ]
    );
    // Both ends name the same range.
    let whole = |m: &draft::Mention| m.range.map(|(s, e, _)| (s, e));
    assert_eq!(whole(&mentions[0]), whole(&mentions[1]));
    let (start, end, _) = mentions[0].range.unwrap();
    assert_eq!(&text[start..end], "from 1939 to 1945");
}

#[test]
fn relative_expressions_count_from_the_document_s_date() {
    let text = "The minister spoke yesterday. Prices rose last week and fell last year; two years ago \
                they were lower. The board meets next month. This week is calm. Now it is quiet.";
    assert_eq!(
        values(text, DCT),
        [
            "2025-01-31",
            "2025-W04",
            "2024",
            "2023",
            "2025-03",
            "2025-W05",
            "PRESENT_REF"
        ]
    );
    let anchors: Vec<Anchor> = draft::mentions(text, NaiveDate::from_ymd_opt(2025, 2, 1))
        .iter()
        .map(|m| m.anchor)
        .collect();
    assert_eq!(anchors[0], Anchor::Document);
}

#[test]
fn a_weekday_goes_the_way_the_tense_goes() {
    // 2025-02-01 is a Saturday.
    assert_eq!(values("The talks ended on Friday.", DCT), ["2025-01-31"]);
    assert_eq!(
        values("The talks will resume on Friday.", DCT),
        ["2025-02-07"]
    );
}

#[test]
fn a_month_without_its_year_goes_the_way_the_tense_goes() {
    // Written on 1 February 2025: a past March is 2024's, a coming March is 2025's.
    assert_eq!(values("The treaty was signed in March.", DCT), ["2024-03"]);
    assert_eq!(
        values("The treaty will be signed in March.", DCT),
        ["2025-03"]
    );
}

#[test]
fn the_following_year_counts_from_the_date_last_mentioned() {
    let text = "The siege began in May 1940. The following year the city fell, and two days later \
                its port. In March the fleet left; that day was cold.";
    assert_eq!(
        values(text, DCT),
        ["1940-05", "1941", "1941-XX-XX", "1941-03", "1941-03-XX"]
    );
    let text = "The armistice was signed on 11 November 1918. The next day, troops went home.";
    assert_eq!(values(text, DCT), ["1918-11-11", "1918-11-12"]);
}

#[test]
fn without_a_date_to_count_from_relative_expressions_stay_unknown() {
    let mentions = draft::mentions("The minister spoke yesterday.", None);
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0].anchor, Anchor::Missing);
    assert_eq!(mentions[0].value.to_string(), "");
}

#[test]
fn times_of_day() {
    let text = "The guns fell silent at 11 a.m. on 11 November 1918. Fighting resumed on the morning \
                of 12 November 1918 at 10:30.";
    assert_eq!(
        found(text, None),
        [
            ("11 a.m.".into(), "TIME", "XXXX-XX-XXT11:00".into()),
            ("11 November 1918".into(), "DATE", "1918-11-11".into()),
            (
                "morning of 12 November 1918".into(),
                "TIME",
                "1918-11-12TMO".into()
            ),
            ("10:30".into(), "TIME", "1918-11-12T10:30".into()),
        ]
    );
}

#[test]
fn durations_and_sets_are_found_and_typed_as_such() {
    let text = "The siege lasted three years. The council meets every year and reports annually. \
                It took a few days.";
    assert_eq!(
        found(text, None),
        [
            ("three years".into(), "DURATION", "P3Y".into()),
            ("every year".into(), "SET", "P1Y".into()),
            ("annually".into(), "SET", "P1Y".into()),
            ("a few days".into(), "DURATION", "PXD".into()),
        ]
    );
}

#[test]
fn may_the_verb_and_march_the_verb_are_not_months() {
    assert!(spans("The court may rule soon. Troops may march on the capital.").is_empty());
    assert!(spans("May I ask a question? Theresa May spoke.").is_empty());
    assert_eq!(spans("The vote was held in May."), ["May"]);
    assert_eq!(spans("They met in March 2015."), ["March 2015"]);
}

#[test]
fn numbers_that_are_not_years_are_not_years() {
    for text in [
        "The general commanded 2000 troops.",
        "The painting sold for $1974 at auction.",
        "The quote is on page 1945 of the record.",
        "She lived at 1600 Pennsylvania Avenue.",
        "The team scored 1999 points that season.",
        "The file ran to 1,945 pages.",
        "Flight 1549 landed on the river.",
        "Windows 2000 was released.",
        "The resolution passed with 1200 votes.",
    ] {
        assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
    }
    // The same numbers are years where they stand for one.
    assert_eq!(spans("In 2000 troops were sent."), ["2000"]);
    assert_eq!(spans("Flight paths changed in 1945."), ["1945"]);
}

#[test]
fn a_year_is_never_made_more_precise_than_written() {
    let mentions = draft::mentions("The amendment, enacted in 1974, still applies.", None);
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0].value.to_string(), "1974");
    let draft = draft::draft(
        "The amendment, enacted in 1974, still applies.",
        None,
        &draft::DraftOptions::default(),
    );
    assert_eq!(draft.timeline.events[0].when.to_string(), "1974");
}

#[test]
fn two_digit_years_take_the_narrative_s_century() {
    assert_eq!(
        values(
            "The revolution began in 1789. The men of '89 were proud of it.",
            None
        ),
        ["1789", "1789"]
    );
}

#[test]
fn past_present_and_future_references() {
    assert_eq!(
        values(
            "It is now clear. The region recently changed. In the future it may grow.",
            None
        ),
        ["PRESENT_REF", "PAST_REF", "FUTURE_REF"]
    );
}
