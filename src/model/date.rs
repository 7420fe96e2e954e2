//! Dates as people write them about the past: EDTF-style strings with a precision, approximate (`~`) and
//! uncertain (`?`) markers, negative years and open-ended spans. Each date knows the exact interval of days it
//! covers, so a year is drawn over the whole year and a day as a point.

use std::fmt;

use chrono::NaiveDate;
use thiserror::Error;

use super::day::{Day, days_in_month};

/// How specific a written date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known (`1974`).
    Year,
    /// The year and the month are known (`2015-11`).
    Month,
    /// The exact day is known (`2015-11-30`).
    Day,
}

impl Precision {
    /// The lowercase name used in the command line's JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
        }
    }
}

/// Why a date string could not be read.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum DateError {
    /// The string is empty.
    #[error("the date is empty")]
    Empty,
    /// The string does not follow the `YYYY`, `YYYY-MM` or `YYYY-MM-DD` pattern.
    #[error(
        "invalid date \"{0}\": expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~, ? or %"
    )]
    Syntax(String),
    /// The month is outside 1–12.
    #[error("invalid date \"{0}\": there is no month {1}")]
    Month(String, u32),
    /// The day does not exist in that month (`2015-02-30`).
    #[error("invalid date \"{0}\": that day does not exist")]
    Day(String),
    /// The year is outside the range a timeline can hold.
    #[error(
        "invalid date \"{0}\": the year is out of range (dateline reads years up to 20 billion either way)"
    )]
    Year(String),
    /// A month or a day is given for a year too far off for the calendar to apply.
    #[error(
        "invalid date \"{0}\": a month or a day can only be given for years within 200,000 of the common era; write the year alone"
    )]
    BeyondCalendar(String),
    /// The end of an interval comes before its start.
    #[error("invalid date \"{0}\": the end comes before the start")]
    EndBeforeStart(String),
    /// An interval has neither a start nor an end.
    #[error("invalid date \"{0}\": an interval needs at least one known end")]
    NoEnds(String),
}

impl DateError {
    /// What is wrong, without the date itself ("that day does not exist").
    pub fn reason(&self) -> String {
        match self {
            Self::Empty => "the date is empty".to_owned(),
            Self::Syntax(_) => {
                "expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~, ? or %".to_owned()
            }
            Self::Month(_, month) => format!("there is no month {month}"),
            Self::Day(_) => "that day does not exist".to_owned(),
            Self::Year(_) => {
                "the year is out of range (dateline reads years up to 20 billion either way)"
                    .to_owned()
            }
            Self::BeyondCalendar(_) => "a month or a day can only be given for years within 200,000 of the common era; write the year alone".to_owned(),
            Self::EndBeforeStart(_) => "the end comes before the start".to_owned(),
            Self::NoEnds(_) => "an interval needs at least one known end".to_owned(),
        }
    }
}

/// The largest absolute year accepted, at year precision: 20 billion years, beyond the Big Bang (13.8
/// billion years ago) and the Sun's end. Every day of this range is exact as an `f64` view coordinate.
pub const MAX_ABS_YEAR: i64 = 20_000_000_000;

/// The largest absolute year that may carry a month and a day: the calendar is meaningless much further
/// off, and chrono, which the calendar arithmetic of some formats uses, reaches about ±262,000.
pub const MAX_CALENDAR_YEAR: i64 = 200_000;

/// One calendar date as written: a year, optionally a month and a day, and qualifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EdtfDate {
    /// The astronomical year: `0` is 1 BCE, `-43` is 44 BCE; within ±[`MAX_ABS_YEAR`].
    pub year: i64,
    /// The month 1–12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
    /// Marked `~` (or `%`): the date is approximately right.
    pub approximate: bool,
    /// Marked `?` (or `%`): the date is not certain.
    pub uncertain: bool,
}

impl EdtfDate {
    /// Builds a date from parts, checking that the day exists and that a month is given only where the
    /// calendar applies.
    pub fn new(year: i64, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        let date = Self {
            year,
            month,
            day,
            approximate: false,
            uncertain: false,
        };
        if year.abs() > MAX_ABS_YEAR || (day.is_some() && month.is_none()) {
            return None;
        }
        if let Some(m) = month
            && (!(1..=12).contains(&m) || year.abs() > MAX_CALENDAR_YEAR)
        {
            return None;
        }
        if let (Some(m), Some(d)) = (month, day)
            && (d == 0 || d > days_in_month(year, m))
        {
            return None;
        }
        Some(date)
    }

    /// Parses one date such as `1974`, `2015-11`, `2015-11-30`, `-0044-03-15`, `1947~` or `2024-03-26?`.
    /// Years of more than four digits may carry EDTF's `Y` prefix (`Y-13800000000`).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let original = text;
        let text = text.trim();
        if text.is_empty() {
            return Err(DateError::Empty);
        }
        let (body, approximate, uncertain) = match text.as_bytes()[text.len() - 1] {
            b'~' => (&text[..text.len() - 1], true, false),
            b'?' => (&text[..text.len() - 1], false, true),
            b'%' => (&text[..text.len() - 1], true, true),
            _ => (text, false, false),
        };
        let syntax = || DateError::Syntax(original.to_owned());
        let body = body.strip_prefix('Y').unwrap_or(body);
        let (negative, digits) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let mut parts = digits.split('-');
        let year_text = parts.next().ok_or_else(syntax)?;
        let month_text = parts.next();
        let day_text = parts.next();
        if parts.next().is_some() || year_text.len() < 4 || !is_digits(year_text) {
            return Err(syntax());
        }
        let year_abs: i64 = year_text
            .parse()
            .map_err(|_| DateError::Year(original.to_owned()))?;
        if year_abs > MAX_ABS_YEAR {
            return Err(DateError::Year(original.to_owned()));
        }
        let year = if negative { -year_abs } else { year_abs };
        if month_text.is_some() && year_abs > MAX_CALENDAR_YEAR {
            return Err(DateError::BeyondCalendar(original.to_owned()));
        }
        let month = match month_text {
            None => None,
            Some(m) if m.len() == 2 && is_digits(m) => {
                let value: u32 = m.parse().map_err(|_| syntax())?;
                if !(1..=12).contains(&value) {
                    return Err(DateError::Month(original.to_owned(), value));
                }
                Some(value as u8)
            }
            Some(_) => return Err(syntax()),
        };
        let day = match day_text {
            None => None,
            Some(d) if d.len() == 2 && is_digits(d) => {
                let value: u32 = d.parse().map_err(|_| syntax())?;
                let m = month.ok_or_else(syntax)?;
                if value == 0 || value > u32::from(days_in_month(year, m)) {
                    return Err(DateError::Day(original.to_owned()));
                }
                Some(value as u8)
            }
            Some(_) => return Err(syntax()),
        };
        Ok(Self {
            year,
            month,
            day,
            approximate,
            uncertain,
        })
    }

    /// How specific this date is.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day this date covers (1 January for a year, the 1st for a month).
    pub fn first_day(&self) -> Day {
        Day::from_ymd(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date covers, inclusive (31 December for a year, the month's last day for a month).
    pub fn last_day(&self) -> Day {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Day::from_ymd(self.year, m, d),
            (Some(m), None) => Day::from_ymd(self.year, m, days_in_month(self.year, m)),
            _ => Day::from_ymd(self.year, 12, 31),
        }
    }

    /// A date of day precision for a calendar day.
    pub fn from_naive(date: NaiveDate) -> Self {
        Self::on_day(Day::from(date))
    }

    /// The date of `day`: of day precision where the calendar applies (within ±[`MAX_CALENDAR_YEAR`]),
    /// of year precision beyond.
    pub fn on_day(day: Day) -> Self {
        let (year, month, day) = day.ymd();
        let calendar = year.abs() <= MAX_CALENDAR_YEAR;
        Self {
            year: year.clamp(-MAX_ABS_YEAR, MAX_ABS_YEAR),
            month: calendar.then_some(month),
            day: calendar.then_some(day),
            approximate: false,
            uncertain: false,
        }
    }

    /// The date in words, as a person would say it: "1974", "November 2015", "30 November 2015",
    /// "44 BCE". Qualifiers are not included; see [`DateSpec::describe`].
    pub fn words(&self) -> String {
        let year = year_words(self.year);
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {year}", month_name(m)),
            (Some(m), None) => format!("{} {year}", month_name(m)),
            _ => year,
        }
    }

    /// A short label for a marker: "1974", "Nov 2015", "30 Nov 2015", prefixed "c." when approximate and
    /// suffixed "?" when uncertain.
    pub fn short_label(&self) -> String {
        let year = year_words(self.year);
        let core = match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {year}", &month_name(m)[..3]),
            (Some(m), None) => format!("{} {year}", &month_name(m)[..3]),
            _ => year,
        };
        qualify_short(&core, self.approximate, self.uncertain)
    }
}

impl fmt::Display for EdtfDate {
    /// Writes the date back in EDTF form (`2015-11-30`, `-0044`, `1947~`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}", -self.year)?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        match (self.approximate, self.uncertain) {
            (true, true) => f.write_str("%"),
            (true, false) => f.write_str("~"),
            (false, true) => f.write_str("?"),
            (false, false) => Ok(()),
        }
    }
}

/// The end of an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntervalEnd {
    /// A known date.
    Date(EdtfDate),
    /// Open (`..`): still going on.
    Open,
    /// Unknown (empty): it ended, but when is not known.
    Unknown,
}

/// A date as an event or period carries it: one date, or an interval between two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateSpec {
    /// A single date (`2015-11-30`).
    Single(EdtfDate),
    /// A span (`1947~/1991~`, `2025-01-21/..`, `1947/`).
    Interval {
        /// Where it starts. `None` for an unknown start (`/1991`).
        start: Option<EdtfDate>,
        /// Where it ends.
        end: IntervalEnd,
    },
}

impl DateSpec {
    /// Parses a single date or an interval `START/END`, where either side may be `..` (open) or empty
    /// (unknown), but not both.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let trimmed = text.trim();
        let Some((start_text, end_text)) = trimmed.split_once('/') else {
            return EdtfDate::parse(trimmed)
                .map(Self::Single)
                .map_err(|e| rename(&e, text));
        };
        let start = match start_text {
            "" | ".." => None,
            s => Some(EdtfDate::parse(s).map_err(|e| rename(&e, text))?),
        };
        let end = match end_text {
            ".." => IntervalEnd::Open,
            "" => IntervalEnd::Unknown,
            s => IntervalEnd::Date(EdtfDate::parse(s).map_err(|e| rename(&e, text))?),
        };
        match (start, end) {
            (None, IntervalEnd::Open | IntervalEnd::Unknown) => {
                Err(DateError::NoEnds(text.to_owned()))
            }
            (Some(s), IntervalEnd::Date(e)) if e.last_day() < s.first_day() => {
                Err(DateError::EndBeforeStart(text.to_owned()))
            }
            _ => Ok(Self::Interval { start, end }),
        }
    }

    /// The date the span starts with, or the single date. For an interval with an unknown start, its end.
    pub fn anchor(&self) -> EdtfDate {
        match *self {
            Self::Single(d)
            | Self::Interval { start: Some(d), .. }
            | Self::Interval {
                start: None,
                end: IntervalEnd::Date(d),
            } => d,
            // `parse` never builds an interval with neither end; fall back to the epoch for a hand-built one.
            Self::Interval { start: None, .. } => EdtfDate::on_day(Day(0)),
        }
    }

    /// The first day covered. Unlike [`DateSpec::covered`] this never depends on today's date.
    pub fn first_day(&self) -> Day {
        match *self {
            Self::Interval {
                start: None,
                end: IntervalEnd::Date(e),
            } => e.first_day(),
            _ => self.anchor().first_day(),
        }
    }

    /// The end date, when the span has a known one.
    pub fn end_date(&self) -> Option<EdtfDate> {
        match *self {
            Self::Interval {
                end: IntervalEnd::Date(d),
                ..
            } => Some(d),
            _ => None,
        }
    }

    /// Whether this is a span rather than a single date.
    pub fn is_span(&self) -> bool {
        matches!(self, Self::Interval { .. })
    }

    /// Whether the span is open-ended (still going on).
    pub fn is_open(&self) -> bool {
        matches!(
            self,
            Self::Interval {
                end: IntervalEnd::Open,
                ..
            }
        )
    }

    /// The precision of the least precise date written.
    pub fn precision(&self) -> Precision {
        match *self {
            Self::Single(d) => d.precision(),
            Self::Interval { start, end } => {
                let mut p = start.map_or(Precision::Day, |d| d.precision());
                if let IntervalEnd::Date(e) = end {
                    p = p.min(e.precision());
                }
                p
            }
        }
    }

    /// Whether any written date is approximate.
    pub fn approximate(&self) -> bool {
        self.dates().any(|d| d.approximate)
    }

    /// Whether any written date is uncertain.
    pub fn uncertain(&self) -> bool {
        self.dates().any(|d| d.uncertain)
    }

    fn dates(&self) -> impl Iterator<Item = EdtfDate> {
        let (a, b) = match *self {
            Self::Single(d) => (Some(d), None),
            Self::Interval { start, end } => (
                start,
                match end {
                    IntervalEnd::Date(e) => Some(e),
                    _ => None,
                },
            ),
        };
        a.into_iter().chain(b)
    }

    /// The first and last day covered, end inclusive. An open end runs to `today`; an unknown end is the
    /// start's own last day; an unknown start is the end's first day.
    pub fn covered(&self, today: impl Into<Day>) -> (Day, Day) {
        let today = today.into();
        match *self {
            Self::Single(d) => (d.first_day(), d.last_day()),
            Self::Interval { start, end } => {
                let end_day = match end {
                    IntervalEnd::Date(e) => Some(e.last_day()),
                    IntervalEnd::Open => Some(today.max(start.map_or(today, |s| s.last_day()))),
                    IntervalEnd::Unknown => None,
                };
                let start_day = start.map(|s| s.first_day());
                match (start_day, end_day) {
                    (Some(s), Some(e)) => (s, e.max(s)),
                    (Some(s), None) => (s, start.map_or(s, |d| d.last_day())),
                    (None, Some(e)) => {
                        let first = match end {
                            IntervalEnd::Date(d) => d.first_day(),
                            _ => e,
                        };
                        (first, e)
                    }
                    (None, None) => (today, today),
                }
            }
        }
    }

    /// The date in words, with its precision and qualifiers: "in 1974", "on 30 November 2015",
    /// "around March 2024 — uncertain", "from 21 January 2025, ongoing".
    pub fn describe(&self) -> String {
        match *self {
            Self::Single(d) => describe_single(&d),
            Self::Interval { start, end } => {
                let start_words =
                    start.map(|s| qualify_words(&s.words(), s.approximate, s.uncertain));
                match (start_words, end) {
                    (Some(s), IntervalEnd::Open) => format!("from {s}, ongoing"),
                    (Some(s), IntervalEnd::Unknown) => format!("from {s} to an unknown date"),
                    (Some(s), IntervalEnd::Date(e)) => {
                        format!(
                            "from {s} to {}",
                            qualify_words(&e.words(), e.approximate, e.uncertain)
                        )
                    }
                    (None, IntervalEnd::Date(e)) => {
                        format!(
                            "until {}",
                            qualify_words(&e.words(), e.approximate, e.uncertain)
                        )
                    }
                    (None, _) => "at an unknown date".to_owned(),
                }
            }
        }
    }

    /// The date as a screen reader says it after a title: "30 November 2015", "around 1947 (uncertain)",
    /// "from 1947 to 1991", "from 21 January 2025, ongoing".
    pub fn spoken(&self) -> String {
        match *self {
            Self::Single(d) => qualify_words(&d.words(), d.approximate, d.uncertain),
            Self::Interval { .. } => self.describe(),
        }
    }

    /// A short label for markers and lists: "1974", "c. 1947–c. 1991", "21 Jan 2025–".
    pub fn short_label(&self) -> String {
        match *self {
            Self::Single(d) => d.short_label(),
            Self::Interval { start, end } => {
                let s = start.map(|d| d.short_label()).unwrap_or_default();
                match end {
                    IntervalEnd::Date(e) => format!("{s}–{}", e.short_label()),
                    IntervalEnd::Open => format!("{s}–"),
                    IntervalEnd::Unknown => format!("{s}–?"),
                }
            }
        }
    }
}

impl fmt::Display for DateSpec {
    /// Writes the date back in EDTF form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Single(d) => write!(f, "{d}"),
            Self::Interval { start, end } => {
                if let Some(s) = start {
                    write!(f, "{s}")?;
                }
                f.write_str("/")?;
                match end {
                    IntervalEnd::Date(e) => write!(f, "{e}"),
                    IntervalEnd::Open => f.write_str(".."),
                    IntervalEnd::Unknown => Ok(()),
                }
            }
        }
    }
}

fn describe_single(d: &EdtfDate) -> String {
    let words = d.words();
    let core = match (d.precision(), d.approximate) {
        (_, true) => format!("around {words}"),
        (Precision::Day, false) => format!("on {words}"),
        // "66 million years ago" says when on its own.
        (_, false) if words.ends_with(" ago") => words,
        (_, false) => format!("in {words}"),
    };
    if d.uncertain {
        format!("{core} — uncertain")
    } else {
        core
    }
}

fn qualify_words(words: &str, approximate: bool, uncertain: bool) -> String {
    let core = if approximate {
        format!("around {words}")
    } else {
        words.to_owned()
    };
    if uncertain {
        format!("{core} (uncertain)")
    } else {
        core
    }
}

fn qualify_short(core: &str, approximate: bool, uncertain: bool) -> String {
    let core = if approximate {
        format!("c. {core}")
    } else {
        core.to_owned()
    };
    if uncertain { format!("{core}?") } else { core }
}

fn rename(error: &DateError, whole: &str) -> DateError {
    let whole = whole.to_owned();
    match error {
        DateError::Empty | DateError::Syntax(_) => DateError::Syntax(whole),
        DateError::Month(_, m) => DateError::Month(whole, *m),
        DateError::Day(_) => DateError::Day(whole),
        DateError::Year(_) => DateError::Year(whole),
        DateError::BeyondCalendar(_) => DateError::BeyondCalendar(whole),
        DateError::EndBeforeStart(_) => DateError::EndBeforeStart(whole),
        DateError::NoEnds(_) => DateError::NoEnds(whole),
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The English name of a month 1–12 ("January"); an empty string outside that range.
pub fn month_name(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// The year "years ago" counts back from: 1950, the "present" of years before present.
pub const PRESENT_YEAR: i64 = 1950;

/// A year as people write it: "1974", "44 BCE" for the astronomical year -43, "10,000 BCE", and years a
/// million or more before the common era as a reader of deep time expects them: "66 million years ago",
/// "13.8 billion years ago", "538.8 million years ago". Years ago count back from [`PRESENT_YEAR`] and are
/// rounded to ten thousand years or coarser (a hundred thousand from a hundred million years, a million
/// from a billion), so the years since the common era never show as a false precision.
pub fn year_words(year: i64) -> String {
    if year <= 0 {
        let before = 1 - i128::from(year);
        if before >= 1_000_000 {
            let ago = i128::from(PRESENT_YEAR) - i128::from(year);
            format!("{} years ago", large_number(ago))
        } else if before >= 10_000 {
            format!("{} BCE", grouped(before))
        } else {
            format!("{before} BCE")
        }
    } else if year >= 1_000_000 {
        format!("{} CE", large_number(i128::from(year)))
    } else if year >= 10_000 {
        grouped(i128::from(year))
    } else {
        year.to_string()
    }
}

/// A count with thousands separators: "10,000".
pub fn grouped(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count of a million or more in words, to ten thousand or coarser (see [`year_words`]): "66 million",
/// "1.25 million", "538.8 million", "4.54 billion", "13.8 billion".
fn large_number(n: i128) -> String {
    let (unit, name) = if n >= 1_000_000_000_000 {
        (1e12, "trillion")
    } else if n >= 1_000_000_000 {
        (1e9, "billion")
    } else {
        (1e6, "million")
    };
    let value = n as f64 / unit;
    let decimals = match (name, value) {
        ("million", v) if v < 100.0 => 2,
        ("million", _) => 1,
        (_, v) if v < 10.0 => 3,
        (_, v) if v < 100.0 => 2,
        _ => 1,
    };
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    format!("{text} {name}")
}

/// The number of days from 1970-01-01 to `date` (negative before): the time coordinate of the view.
pub fn days_from_epoch(date: NaiveDate) -> i64 {
    Day::from(date).0
}

/// The calendar day `days` after 1970-01-01, clamped to the calendar's range.
pub fn date_from_days(days: i64) -> NaiveDate {
    let clamped = days.clamp(Day::from(NaiveDate::MIN).0, Day::from(NaiveDate::MAX).0);
    Day(clamped).date().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_view_coordinate_counts_from_1970() {
        assert_eq!(days_from_epoch(ymd(1970, 1, 2)), 1);
        assert_eq!(date_from_days(-1), ymd(1969, 12, 31));
        assert_eq!(date_from_days(i64::MIN), NaiveDate::MIN);
    }

    #[test]
    fn deep_time_is_read_at_year_precision_only() {
        let big_bang = DateSpec::parse("-13800000000").unwrap();
        assert_eq!(big_bang.anchor().year, -13_800_000_000);
        assert_eq!(big_bang.precision(), Precision::Year);
        assert_eq!(big_bang.to_string(), "-13800000000");
        assert_eq!(DateSpec::parse("Y-13800000000").unwrap(), big_bang);
        let (first, last) = big_bang.covered(ymd(2026, 1, 1));
        assert_eq!(last.0 - first.0, 365);
        assert!(matches!(
            DateSpec::parse("-13800000000-01"),
            Err(DateError::BeyondCalendar(_))
        ));
        assert!(matches!(
            DateSpec::parse("-20000000001"),
            Err(DateError::Year(_))
        ));
        assert!(DateSpec::parse("-20000000000").is_ok());
        assert!(DateSpec::parse("-200000-03-01").is_ok());
        assert!(EdtfDate::new(-300_000, Some(1), None).is_none());
        assert!(EdtfDate::new(-300_000, None, None).is_some());
        // A span from the Big Bang to a day in 1969 is ordered and covers both.
        let span = DateSpec::parse("-13800000000/1969-07-20").unwrap();
        let (s, e) = span.covered(ymd(2026, 1, 1));
        assert_eq!(s, big_bang.first_day());
        assert_eq!(e, Day::from(ymd(1969, 7, 20)));
    }

    #[test]
    fn years_read_as_people_say_them_at_every_depth() {
        assert_eq!(year_words(1974), "1974");
        assert_eq!(year_words(-43), "44 BCE");
        assert_eq!(year_words(-9_999), "10,000 BCE");
        assert_eq!(year_words(-299_999), "300,000 BCE");
        assert_eq!(year_words(-65_999_999), "66 million years ago");
        assert_eq!(year_words(-13_800_000_000), "13.8 billion years ago");
        assert_eq!(year_words(-1_249_999), "1.25 million years ago");
        assert_eq!(year_words(-538_799_999), "538.8 million years ago");
        assert_eq!(year_words(-1_234_566), "1.24 million years ago");
        assert_eq!(year_words(-4_540_000_000), "4.54 billion years ago");
        assert_eq!(year_words(12_000), "12,000");
        assert_eq!(year_words(5_000_000_000), "5 billion CE");
        assert_eq!(grouped(-1_234_567), "-1,234,567");
        let k_pg = DateSpec::parse("-65999999").unwrap();
        assert_eq!(k_pg.describe(), "66 million years ago");
        assert_eq!(
            DateSpec::parse("-65999999~").unwrap().describe(),
            "around 66 million years ago"
        );
        assert_eq!(
            DateSpec::parse("-251899999/-65999999").unwrap().describe(),
            "from 251.9 million years ago to 66 million years ago"
        );
    }

    #[test]
    fn a_day_beyond_the_calendar_is_a_year() {
        let far = EdtfDate::on_day(Day::year_start(-1_000_000));
        assert_eq!(far.precision(), Precision::Year);
        assert_eq!(far.year, -1_000_000);
        let near = EdtfDate::on_day(Day::from(ymd(1969, 7, 20)));
        assert_eq!(near.to_string(), "1969-07-20");
    }
}
