//! The `display_date` dateline writes on a `TimelineJS` slide: the date in dateline's words, with what
//! `TimelineJS`'s date parts cannot say (approximate, uncertain, a target, an open or unknown end).
//!
//! `TimelineJS` shows it instead of the date it computes, so a published timeline says "c. 1947" or
//! "target: 2026"; reading an export back, a `display_date` written exactly this way gives back the
//! date, its qualifiers and the status, as long as it names the same days as the slide's date parts.
//!
//! The words: a date is `30 November 2015`, `November 2015`, `2015` or `44 BCE`, prefixed `c. ` when
//! approximate and followed by ` (uncertain)` when uncertain. A span is `A – B` (an en dash between
//! spaces); a span still going on is `since A`; one whose end is unknown `from A, end unknown`; one whose
//! start is unknown `until B`. A planned event is prefixed `target: `, an ongoing one followed by
//! ` (ongoing)`.

use crate::model::date::{month_name, year_words};
use crate::model::{DateSpec, EdtfDate, IntervalEnd, Status};

/// The words for a date as the slide shows it.
pub fn words(when: &DateSpec, status: Status) -> String {
    let core = match *when {
        DateSpec::Single(d) => date_words(&d),
        DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Date(e),
        } => format!("{} – {}", date_words(&s), date_words(&e)),
        DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Open,
        } => format!("since {}", date_words(&s)),
        DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Unknown,
        } => format!("from {}, end unknown", date_words(&s)),
        DateSpec::Interval {
            start: None,
            end: IntervalEnd::Date(e),
        } => format!("until {}", date_words(&e)),
        DateSpec::Interval { start: None, .. } => "at an unknown date".to_owned(),
    };
    match status {
        Status::Occurred => core,
        Status::Planned => format!("target: {core}"),
        Status::Ongoing => format!("{core} (ongoing)"),
    }
}

/// One date in words, with its qualifiers.
fn date_words(d: &EdtfDate) -> String {
    let mut out = String::new();
    if d.approximate {
        out.push_str("c. ");
    }
    out.push_str(&d.words());
    if d.uncertain {
        out.push_str(" (uncertain)");
    }
    out
}

/// The date and status that [`words`] wrote as `shown`, when `shown` is exactly such words; `None` for
/// any other text (a `display_date` written by hand). `parts` are the slide's start and end dates as its
/// date parts give them: deep in the past the words round the year ("13.8 billion years ago"), so a date
/// whose words are those of a part is that part.
pub fn read(shown: &str, parts: [Option<EdtfDate>; 2]) -> Option<(DateSpec, Status)> {
    let [start_part, end_part] = parts;
    let (status, rest) = if let Some(rest) = shown.strip_prefix("target: ") {
        (Status::Planned, rest)
    } else if let Some(rest) = shown.strip_suffix(" (ongoing)") {
        (Status::Ongoing, rest)
    } else {
        (Status::Occurred, shown)
    };
    let when = if let Some(start) = rest.strip_prefix("since ") {
        DateSpec::Interval {
            start: Some(read_date(start, start_part)?),
            end: IntervalEnd::Open,
        }
    } else if let Some(end) = rest.strip_prefix("until ") {
        DateSpec::Interval {
            start: None,
            end: IntervalEnd::Date(read_date(end, start_part)?),
        }
    } else if let Some(start) = rest
        .strip_prefix("from ")
        .and_then(|r| r.strip_suffix(", end unknown"))
    {
        DateSpec::Interval {
            start: Some(read_date(start, start_part)?),
            end: IntervalEnd::Unknown,
        }
    } else if let Some((start, end)) = rest.split_once(" – ") {
        let (start, end) = (read_date(start, start_part)?, read_date(end, end_part)?);
        if end.last_day() < start.first_day() {
            return None;
        }
        DateSpec::Interval {
            start: Some(start),
            end: IntervalEnd::Date(end),
        }
    } else {
        DateSpec::Single(read_date(rest, start_part)?)
    };
    // Only dateline's own words count: anything written another way is left as it was.
    (words(&when, status) == shown).then_some((when, status))
}

/// One date in the words [`date_words`] writes: the slide's own date `part` when the words are its
/// words, else the date the words spell out.
fn read_date(text: &str, part: Option<EdtfDate>) -> Option<EdtfDate> {
    let (approximate, text) = match text.strip_prefix("c. ") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (uncertain, text) = match text.strip_suffix(" (uncertain)") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if let Some(part) = part.filter(|p| p.words() == text) {
        return Some(EdtfDate {
            approximate,
            uncertain,
            ..part
        });
    }
    let (text, bce) = match text.strip_suffix(" BCE") {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let mut words = text.rsplitn(3, ' ');
    let year_text = words.next()?;
    if year_text.is_empty() || !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: i64 = year_text.parse().ok()?;
    let year = i32::try_from(if bce { 1 - number } else { number }).ok()?;
    let month = match words.next() {
        None => None,
        Some(name) => Some((1..=12u8).find(|&m| month_name(m) == name)?),
    };
    let day = match words.next() {
        None => None,
        Some(day) => Some(day.parse::<u8>().ok()?),
    };
    let mut date = EdtfDate::new(i64::from(year), month, day)?;
    date.approximate = approximate;
    date.uncertain = uncertain;
    // "0 BCE" or "0" are not words dateline writes.
    (year_words(date.year) == year_text_with_era(year_text, bce)).then_some(date)
}

fn year_text_with_era(year: &str, bce: bool) -> String {
    if bce {
        format!("{year} BCE")
    } else {
        year.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> DateSpec {
        DateSpec::parse(text).unwrap()
    }

    #[test]
    fn dateline_words_read_back_to_the_same_date_and_status() {
        for (date, status, shown) in [
            ("1974", Status::Occurred, "1974"),
            ("1947~", Status::Occurred, "c. 1947"),
            ("2024-03-26?", Status::Occurred, "26 March 2024 (uncertain)"),
            ("2026", Status::Planned, "target: 2026"),
            ("-0043-03-15", Status::Occurred, "15 March 44 BCE"),
            ("0000", Status::Occurred, "1 BCE"),
            ("1947~/1991~", Status::Occurred, "c. 1947 – c. 1991"),
            (
                "2025-01-21/..",
                Status::Ongoing,
                "since 21 January 2025 (ongoing)",
            ),
            ("1947/", Status::Occurred, "from 1947, end unknown"),
            ("/1991-12", Status::Occurred, "until December 1991"),
            ("2015-11%", Status::Occurred, "c. November 2015 (uncertain)"),
        ] {
            let when = spec(date);
            assert_eq!(words(&when, status), shown);
            assert_eq!(read(shown, [None, None]), Some((when, status)), "{shown}");
        }
    }

    #[test]
    fn deep_years_read_back_from_the_slides_own_parts() {
        let big_bang = EdtfDate::new(-13_799_999_999, None, None).unwrap();
        let k_pg = EdtfDate::new(-65_999_999, None, None).unwrap();
        let (when, _) = read("c. 13.8 billion years ago", [Some(big_bang), None]).unwrap();
        assert_eq!(when.to_string(), "-13799999999~");
        let (when, _) = read(
            "13.8 billion years ago – 66 million years ago",
            [Some(big_bang), Some(k_pg)],
        )
        .unwrap();
        assert_eq!(when.to_string(), "-13799999999/-65999999");
        let prehistory = EdtfDate::new(-9_999, None, None).unwrap();
        let (when, _) = read("10,000 BCE", [Some(prehistory), None]).unwrap();
        assert_eq!(when.to_string(), "-9999");
        // Words that are not the part's are not taken for it.
        assert_eq!(read("13.8 billion years ago", [Some(k_pg), None]), None);
    }

    #[test]
    fn other_display_dates_are_not_read() {
        for shown in [
            "",
            "Spring 1974",
            "c.1947",
            "0 BCE",
            "01974",
            "31 February 2015",
            "1991 – 1947",
            "13 Smarch 2015",
            "target: target: 2026",
            "1974 ",
        ] {
            assert_eq!(read(shown, [None, None]), None, "{shown}");
        }
    }
}
