//! Lexing Markwhen's dates: the part of an event line before its `:`.
//!
//! What is read, as Markwhen's documentation gives it:
//! - EDTF dates `1974`, `2015-11`, `2015-11-30` (a time of day after `T` is read and dropped: dateline
//!   counts days), years of five or six digits, and `now` as the end of a range (still going on);
//! - years with an era: `500 BCE`, `500 BC`, `500 CE`, `500 AD`, in any case (the reference parser
//!   1.2.0 reads a lower-case `bce` as CE; the documented meaning is followed);
//! - natural dates: `Jan 3 2020`, `January 3, 2020`, `3 January 2020`, `Mar 2021`, and slashed ones,
//!   `1/2/2003` (month first, or day first under `dateFormat: d/M/y`) and `04/1776`;
//! - ranges `A/B`, `A - B`, `A – B`, `A to B`, `1271-1295`, `300-200 BCE` (both ends included, BCE
//!   ranges too: the reference parser leaves out a BCE range's last year), where a missing year is taken
//!   from the other end (`January 3 - Apr 6 2020`), and a range may end after a duration (`2018/6
//!   months`);
//! - relative dates: `after !id 3 weeks`, `before !id 1 month`, `!id 2 days`, and `3 days` (after the
//!   previous event), resolved in [`super::relative`];
//! - a recurrence after the date, `every 2 weeks for 10 times`, expanded in [`super::recur`].
//!
//! A text that is not shaped like a date is not one ([`Lexed::NotADate`]): the line is description. A
//! text shaped like a date but impossible (`2015-02-30`) is a problem, never a guess.

use chrono::NaiveDate;

use crate::model::date::MAX_ABS_YEAR;
use crate::model::{DateSpec, EdtfDate};

/// A length of time, as written: `3 weeks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duration {
    /// How many units.
    pub count: u32,
    /// Which unit.
    pub unit: Unit,
}

/// A unit of a [`Duration`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Calendar days.
    Day,
    /// Monday to Friday.
    Weekday,
    /// Seven days.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// The end of a fixed range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// No end: the start covers what its precision says.
    None,
    /// An end date, included.
    Date(EdtfDate),
    /// `now`: still going on.
    Now,
    /// A length from the start.
    After(Duration),
}

/// When an event is, as its line says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum When {
    /// A date or a range of dates.
    Fixed {
        /// The first date.
        start: EdtfDate,
        /// The end.
        end: End,
    },
    /// Starting when the event `id` (the previous event when `None`) ends, lasting `duration`.
    After {
        /// The event counted from.
        id: Option<String>,
        /// How long.
        duration: Duration,
    },
    /// Ending when the event `id` starts, lasting `duration`.
    Before {
        /// The event counted from.
        id: String,
        /// How long.
        duration: Duration,
    },
}

/// A recurrence: every `step`, `count` times in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Every {
    /// The time between two occurrences.
    pub step: Duration,
    /// How long it goes on.
    pub limit: Limit,
}

/// How long a recurrence goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// This many occurrences.
    Times(u32),
    /// Occurrences that start within this length from the first.
    For(Duration),
    /// No limit was written.
    Unbounded,
}

/// The date part of an event line, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateLine {
    /// When.
    pub when: When,
    /// The recurrence, if any.
    pub every: Option<Every>,
}

/// What lexing a text gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lexed {
    /// A date.
    Date(DateLine),
    /// Not shaped like a date at all: the line is not an event line.
    NotADate,
    /// Shaped like a date, but wrong: what is wrong.
    Invalid(String),
}

/// Reads a date part. `day_first` reads `1/2/2003` as 1 February (`dateFormat: d/M/y`).
pub fn lex(text: &str, day_first: bool) -> Lexed {
    let text = text.trim();
    if text.is_empty() || text.len() > 120 {
        return Lexed::NotADate;
    }
    let (date_text, every) = match find_word(text, "every") {
        Some(i) if i > 0 => match every(&text[i + "every".len()..]) {
            Ok(e) => (text[..i].trim(), Some(e)),
            Err(reason) => {
                // Only a date followed by `every` is a recurrence.
                return match when(text[..i].trim(), day_first) {
                    Lexed::NotADate => Lexed::NotADate,
                    Lexed::Invalid(r) => Lexed::Invalid(r),
                    Lexed::Date(_) => Lexed::Invalid(reason),
                };
            }
        },
        _ => (text, None),
    };
    match when(date_text, day_first) {
        Lexed::Date(mut line) => {
            line.every = every;
            Lexed::Date(line)
        }
        other => other,
    }
}

/// The byte offset of `word` in `text` as a whole word, ignoring case.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(word) {
        let at = from + i;
        let before = lower[..at].chars().next_back();
        let after = lower[at + word.len()..].chars().next();
        if before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

fn date(line: When) -> Lexed {
    Lexed::Date(DateLine {
        when: line,
        every: None,
    })
}

/// A date, a range or a relative date, without a recurrence.
fn when(text: &str, day_first: bool) -> Lexed {
    let lower = text.to_ascii_lowercase();
    // Relative dates.
    for (keyword, before) in [("after ", false), ("before ", true)] {
        if let Some(rest) = lower.strip_prefix(keyword) {
            let rest = rest.trim_start();
            if !rest.starts_with('!') {
                return Lexed::NotADate;
            }
            let (id, rest) = take_id(&text[text.len() - rest.len()..]);
            let Some(id) = id else {
                return Lexed::NotADate;
            };
            return match duration(rest) {
                Some(Ok(duration)) if before => date(When::Before { id, duration }),
                Some(Ok(duration)) => date(When::After {
                    id: Some(id),
                    duration,
                }),
                Some(Err(reason)) => Lexed::Invalid(reason),
                None => Lexed::Invalid(format!(
                    "expected a length after !{id}, such as \"3 weeks\""
                )),
            };
        }
    }
    if text.starts_with('!') {
        let (id, rest) = take_id(text);
        let Some(id) = id else {
            return Lexed::NotADate;
        };
        return match duration(rest) {
            Some(Ok(duration)) => date(When::After {
                id: Some(id),
                duration,
            }),
            Some(Err(reason)) => Lexed::Invalid(reason),
            None => Lexed::NotADate,
        };
    }
    match duration(text) {
        Some(Ok(duration)) => {
            return date(When::After { id: None, duration });
        }
        Some(Err(reason)) => return Lexed::Invalid(reason),
        None => {}
    }
    // One date on its own.
    match point(text, day_first) {
        Point::Date(p) => {
            return match p.finish(None) {
                Ok(start) => date(When::Fixed {
                    start,
                    end: End::None,
                }),
                Err(reason) => Lexed::Invalid(reason),
            };
        }
        Point::Now => {
            return Lexed::Invalid(
                "\"now\" alone depends on the day the file is read; dateline reads \"now\" only as the \
                 end of a range (still going on), such as 2020/now"
                    .to_owned(),
            );
        }
        Point::Invalid(reason) => return Lexed::Invalid(reason),
        Point::NotADate => {}
    }
    range(text, day_first)
}

/// A range: two points around a separator, the first split that reads.
fn range(text: &str, day_first: bool) -> Lexed {
    if let Some(lexed) = bare_year_range(text) {
        return lexed;
    }
    let mut invalid = None;
    for separator in [" - ", " – ", " — ", " to ", "/", "–", "-"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(separator) {
            let at = from + i;
            from = at + separator.len();
            let (left, right) = (text[..at].trim(), text[at + separator.len()..].trim());
            if left.is_empty() || right.is_empty() {
                continue;
            }
            let Point::Date(start) = point(left, day_first) else {
                if let Point::Invalid(r) = point(left, day_first) {
                    invalid.get_or_insert(r);
                }
                continue;
            };
            let end = match point(right, day_first) {
                Point::Date(end) => end,
                Point::Now => match start.finish(None) {
                    Ok(start) => {
                        return date(When::Fixed {
                            start,
                            end: End::Now,
                        });
                    }
                    Err(reason) => return Lexed::Invalid(reason),
                },
                Point::Invalid(reason) => {
                    invalid.get_or_insert(reason);
                    continue;
                }
                Point::NotADate => match duration(right) {
                    Some(Ok(d)) => {
                        return match start.finish(None) {
                            Ok(start) => date(When::Fixed {
                                start,
                                end: End::After(d),
                            }),
                            Err(reason) => Lexed::Invalid(reason),
                        };
                    }
                    Some(Err(reason)) => return Lexed::Invalid(reason),
                    None => continue,
                },
            };
            return finish_range(start, end);
        }
    }
    invalid.map_or(Lexed::NotADate, Lexed::Invalid)
}

/// Two points made into a range: a missing year or era taken from the other end, the end not before
/// the start.
fn finish_range(start: Partial, end: Partial) -> Lexed {
    let mut start = start;
    if start.era.is_none() && start.bare && end.era == Some(Era::Bce) {
        start.era = Some(Era::Bce);
    }
    let end_date = match end.finish(None) {
        Ok(d) => d,
        Err(reason) => return Lexed::Invalid(reason),
    };
    let start_date = match start.finish(Some(end_date.year)) {
        Ok(d) => d,
        Err(reason) => return Lexed::Invalid(reason),
    };
    if end_date.last_day() < start_date.first_day() {
        return Lexed::Invalid(format!(
            "the range ends ({}) before it starts ({})",
            end_date.words(),
            start_date.words()
        ));
    }
    date(When::Fixed {
        start: start_date,
        end: End::Date(end_date),
    })
}

/// `1271-1295`, `1271 - 1295`, `300-200 BCE`: two bare years with one era for both.
fn bare_year_range(text: &str) -> Option<Lexed> {
    let (body, era) = strip_era(text);
    let (left, right) = body.split_once('-')?;
    let (left, right) = (left.trim(), right.trim());
    let digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(left) || !digits(right) {
        return None;
    }
    // `2015-11` is a month; only a year of three or more digits after the dash, or an era, makes a range.
    if era.is_none() && (right.len() < 3 || left.len() < 3) {
        return None;
    }
    let part = |s: &str| Partial {
        year: s.parse().ok(),
        month: None,
        day: None,
        era,
        bare: s.len() < 4,
    };
    Some(finish_range(part(left), part(right)))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Era {
    Bce,
    Ce,
}

/// A date as read before its year is known for sure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Partial {
    /// The year as written (a BCE year counted back from 1).
    year: Option<i64>,
    month: Option<u8>,
    day: Option<u8>,
    era: Option<Era>,
    /// Written as a number of fewer than four digits, so only a year with an era.
    bare: bool,
}

impl Partial {
    /// The date, with `other_year` when none was written.
    fn finish(self, other_year: Option<i64>) -> Result<EdtfDate, String> {
        if self.bare && self.era.is_none() {
            return Err(
                "a year of fewer than four digits needs an era: write 0500 or 500 CE".into(),
            );
        }
        let year = match (self.year, other_year) {
            (Some(y), _) => {
                let astronomical = if self.era == Some(Era::Bce) {
                    if y == 0 {
                        return Err("there is no year 0 BCE: 1 BCE is the year before 1 CE".into());
                    }
                    1 - y
                } else {
                    y
                };
                Some(astronomical)
                    .filter(|y| y.abs() <= MAX_ABS_YEAR)
                    .ok_or_else(|| {
                        format!("the year {y} is out of range (dateline reads years up to 20 billion either way)")
                    })?
            }
            (None, Some(y)) => y,
            (None, None) => return Err("the date has no year".into()),
        };
        EdtfDate::new(year, self.month, self.day).ok_or_else(|| {
            format!(
                "{} {} {} does not exist",
                self.day.unwrap_or(0),
                crate::model::date::month_name(self.month.unwrap_or(1)),
                crate::model::date::year_words(year)
            )
        })
    }
}

enum Point {
    Date(Partial),
    Now,
    NotADate,
    Invalid(String),
}

/// One date: EDTF, a year with an era, a natural or a slashed date, or `now`.
fn point(text: &str, day_first: bool) -> Point {
    let text = text.trim();
    if text.eq_ignore_ascii_case("now") {
        return Point::Now;
    }
    if let Some(p) = edtf(text) {
        return p;
    }
    let (body, era) = strip_era(text);
    if era.is_some() {
        let digits = body.trim();
        if !digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Point::Date(Partial {
                year: digits.parse().ok(),
                month: None,
                day: None,
                era,
                bare: digits.len() < 4,
            });
        }
        return Point::NotADate;
    }
    if let Some(p) = slashed(text, day_first) {
        return p;
    }
    natural(text)
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, with an optional time of day after `T`; five- and six-digit years.
fn edtf(text: &str) -> Option<Point> {
    let (date, _time) = match text.split_once(['T', 't']) {
        Some((d, t)) if t.starts_with(|c: char| c.is_ascii_digit()) => (d, Some(t)),
        _ => (text, None),
    };
    let mut parts = date.split('-');
    let year = parts.next()?;
    let month = parts.next();
    let day = parts.next();
    let is_digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !is_digits(year, 4..=6) {
        return None;
    }
    if month.is_some_and(|m| !is_digits(m, 2..=2)) || day.is_some_and(|d| !is_digits(d, 2..=2)) {
        return None;
    }
    if year.len() > 4 && month.is_some() {
        return None;
    }
    let number = |s: &str| s.parse::<u32>().unwrap_or(0);
    let month_value = month.map(number);
    if let Some(m) = month_value
        && !(1..=12).contains(&m)
    {
        return Some(Point::Invalid(format!(
            "invalid date {}: there is no month {m}",
            super::show_value(text)
        )));
    }
    let y: i64 = year.parse().ok()?;
    let partial = Partial {
        year: Some(y),
        month: month_value.map(|m| m as u8),
        day: day.map(|d| number(d).min(99) as u8),
        era: None,
        bare: false,
    };
    if let (Some(m), Some(d)) = (partial.month, partial.day) {
        let valid = i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d)));
        if valid.is_none() {
            return Some(Point::Invalid(format!(
                "invalid date {}: that day does not exist",
                super::show_value(text)
            )));
        }
    }
    Some(Point::Date(partial))
}

/// The text without a trailing era (`BCE`, `BC`, `CE`, `AD`, any case), and the era.
fn strip_era(text: &str) -> (&str, Option<Era>) {
    let lower = text.to_ascii_lowercase();
    for (suffix, era) in [
        ("bce", Era::Bce),
        ("b.c.e.", Era::Bce),
        ("bc", Era::Bce),
        ("b.c.", Era::Bce),
        ("ce", Era::Ce),
        ("ad", Era::Ce),
        ("a.d.", Era::Ce),
    ] {
        if lower.ends_with(suffix) {
            let body = &text[..text.len() - suffix.len()];
            // "500BC" and "500 BC", not "Dec".
            if body.ends_with(|c: char| c.is_ascii_digit() || c.is_whitespace()) {
                return (body.trim_end(), Some(era));
            }
        }
    }
    (text, None)
}

/// `1/2/2003` (month first unless `day_first`) and `04/1776`.
fn slashed(text: &str, day_first: bool) -> Option<Point> {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    let digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
    if !parts.iter().all(|p| digits(p)) {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().unwrap_or(0);
    let (month, day, year) = match parts.as_slice() {
        [m, y] if m.len() <= 2 && y.len() == 4 => (n(m), None, *y),
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && y.len() == 4 => {
            if day_first {
                (n(b), Some(n(a)), *y)
            } else {
                (n(a), Some(n(b)), *y)
            }
        }
        _ => return None,
    };
    if !(1..=12).contains(&month) {
        return Some(Point::Invalid(format!(
            "invalid date {}: there is no month {month}{}",
            super::show_value(text),
            if day_first {
                ""
            } else {
                " (slashed dates are month first unless the header says dateFormat: d/M/y)"
            }
        )));
    }
    let partial = Partial {
        year: year.parse().ok(),
        month: Some(month as u8),
        day: day.map(|d| d.min(99) as u8),
        era: None,
        bare: false,
    };
    Some(check_day(partial, text))
}

fn check_day(partial: Partial, text: &str) -> Point {
    if let (Some(y), Some(m), Some(d)) = (partial.year, partial.month, partial.day) {
        let valid = i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d)));
        if valid.is_none() {
            return Point::Invalid(format!(
                "invalid date {}: that day does not exist",
                super::show_value(text)
            ));
        }
    }
    Point::Date(partial)
}

/// The month a word names (`Jan`, `January`, `Sept.`), any case.
fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    (1..=12u8).find(|&m| {
        let name = crate::model::date::month_name(m).to_ascii_lowercase();
        name.starts_with(&w) && (w.len() == 3 || w == name || (m == 9 && w == "sept"))
    })
}

/// `Jan 3 2020`, `January 3, 2020`, `3 January 2020`, `Mar 2021`, `January 3` (year from the other
/// end of a range).
fn natural(text: &str) -> Point {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let day_of = |w: &str| -> Option<u32> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        matches!(
            suffix.to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        )
        .then(|| digits.parse().ok())
        .flatten()
    };
    let year_of = |w: &str| -> Option<i64> {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let (month, day, year) = match words.as_slice() {
        [m, d, y] if month_of(m).is_some() => (month_of(m), day_of(d), year_of(y)),
        [d, m, y] if month_of(m).is_some() => (month_of(m), day_of(d), year_of(y)),
        [m, y] if month_of(m).is_some() && year_of(y).is_some() => {
            (month_of(m), Some(0), year_of(y))
        }
        [m, d] | [d, m] if month_of(m).is_some() && day_of(d).is_some() => {
            (month_of(m), day_of(d), Some(-1))
        }
        _ => return Point::NotADate,
    };
    let (Some(month), Some(day), Some(year)) = (month, day, year) else {
        return Point::NotADate;
    };
    let partial = Partial {
        year: (year >= 0).then_some(year),
        month: Some(month),
        day: (day > 0).then(|| day.min(99) as u8),
        era: None,
        bare: false,
    };
    check_day(partial, text)
}

/// `!id` at the start of `text`: the id (letters, digits and `_`, as Markwhen reads them) and the rest.
fn take_id(text: &str) -> (Option<String>, &str) {
    let Some(rest) = text.strip_prefix('!') else {
        return (None, text);
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    if end == 0 {
        return (None, text);
    }
    (Some(rest[..end].to_owned()), &rest[end..])
}

/// `3 weeks`, `a month`, `1 day`: `None` when the text is not shaped like a length; a reason when it is
/// one dateline cannot count (hours, minutes, seconds).
pub fn duration(text: &str) -> Option<Result<Duration, String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [count, unit] = words.as_slice() else {
        return None;
    };
    let count: u32 = match count.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        digits if digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= 9 => {
            digits.parse().ok()?
        }
        _ => return None,
    };
    let unit = unit.to_ascii_lowercase();
    let unit = unit.strip_suffix('s').unwrap_or(&unit);
    let unit = match unit {
        "day" => Unit::Day,
        "weekday" | "work day" | "workday" => Unit::Weekday,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "hour" | "minute" | "second" | "millisecond" => {
            return Some(Err(format!(
                "dateline counts whole days: a length of {count} {unit}s cannot be kept"
            )));
        }
        _ => return None,
    };
    Some(Ok(Duration { count, unit }))
}

/// What follows `every`: `2 weeks for 10 times`, `other day x5`, `month for 2 years`.
fn every(text: &str) -> Result<Every, String> {
    let lower = text.trim().to_ascii_lowercase();
    let (step_text, limit_text) = match find_word(&lower, "for") {
        Some(i) => (lower[..i].trim(), Some(lower[i + 3..].trim().to_owned())),
        None => match lower.rsplit_once(' ') {
            Some((s, x)) if x.starts_with('x') && x[1..].bytes().all(|b| b.is_ascii_digit()) => {
                (s.trim(), Some(format!("{} times", &x[1..])))
            }
            _ => (lower.as_str(), None),
        },
    };
    let step_text = step_text.replace("other ", "2 ");
    let step_text = if step_text.starts_with(|c: char| c.is_ascii_digit()) {
        step_text
    } else {
        format!("1 {step_text}")
    };
    let step = match duration(&step_text) {
        Some(Ok(d)) if d.count > 0 => d,
        Some(Err(reason)) => return Err(reason),
        _ => {
            return Err(format!(
                "cannot read the recurrence {}: expected \"every 2 weeks for 10 times\", \"every month x6\" or \"every year for 5 years\"",
                super::show_value(text.trim())
            ));
        }
    };
    let limit = match limit_text {
        None => Limit::Unbounded,
        Some(limit) => {
            let mut words = limit.split_whitespace();
            match (words.next(), words.next(), words.next()) {
                (Some(n), Some("times" | "time"), None) => Limit::Times(
                    n.parse()
                        .map_err(|_| format!("cannot read the count {}", super::show_value(n)))?,
                ),
                _ => match duration(&limit) {
                    Some(Ok(d)) => Limit::For(d),
                    Some(Err(reason)) => return Err(reason),
                    None => {
                        return Err(format!(
                            "cannot read how long the recurrence goes on: {}",
                            super::show_value(&limit)
                        ));
                    }
                },
            }
        }
    };
    Ok(Every { step, limit })
}

/// The date a line like `WRITTEN: title` gives for `spec` in dateline's own reading, to know whether a
/// written line says all of `spec` or needs an `edtf` property beside it.
pub fn reads_as(text: &str) -> Option<DateSpec> {
    let Lexed::Date(DateLine { when, every: None }) = lex(text, false) else {
        return None;
    };
    match when {
        When::Fixed { start, end } => Some(match end {
            End::None => DateSpec::Single(start),
            End::Date(e) => DateSpec::Interval {
                start: Some(start),
                end: crate::model::IntervalEnd::Date(e),
            },
            End::Now => DateSpec::Interval {
                start: Some(start),
                end: crate::model::IntervalEnd::Open,
            },
            End::After(_) => return None,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> (EdtfDate, End) {
        match lex(text, false) {
            Lexed::Date(DateLine {
                when: When::Fixed { start, end },
                ..
            }) => (start, end),
            other => panic!("{text}: {other:?}"),
        }
    }

    fn d(text: &str) -> EdtfDate {
        EdtfDate::parse(text).unwrap()
    }

    #[test]
    fn documented_dates_and_ranges_read() {
        assert_eq!(fixed("1974"), (d("1974"), End::None));
        assert_eq!(fixed("2015-11"), (d("2015-11"), End::None));
        assert_eq!(fixed("2022-05-05T10:30"), (d("2022-05-05"), End::None));
        assert_eq!(fixed("1964/2008"), (d("1964"), End::Date(d("2008"))));
        assert_eq!(
            fixed("2004-02-01/2005"),
            (d("2004-02-01"), End::Date(d("2005")))
        );
        assert_eq!(
            fixed("2004-06 / 2006-08"),
            (d("2004-06"), End::Date(d("2006-08")))
        );
        assert_eq!(fixed("2005/now"), (d("2005"), End::Now));
        assert_eq!(
            fixed("2018/6 months"),
            (
                d("2018"),
                End::After(Duration {
                    count: 6,
                    unit: Unit::Month
                })
            )
        );
        assert_eq!(
            fixed("Jan 3 2020 - Apr 6 2020"),
            (d("2020-01-03"), End::Date(d("2020-04-06")))
        );
        assert_eq!(
            fixed("January 3 - Apr 6 2020"),
            (d("2020-01-03"), End::Date(d("2020-04-06")))
        );
        assert_eq!(fixed("January 3, 2020"), (d("2020-01-03"), End::None));
        assert_eq!(fixed("3rd January 2020"), (d("2020-01-03"), End::None));
        assert_eq!(fixed("Sept 2021"), (d("2021-09"), End::None));
        assert_eq!(fixed("1/2/2003"), (d("2003-01-02"), End::None));
        assert_eq!(fixed("04/1776"), (d("1776-04"), End::None));
        assert_eq!(
            fixed("11/11/2024-12/12/2024"),
            (d("2024-11-11"), End::Date(d("2024-12-12")))
        );
        assert_eq!(fixed("1271 - 1295"), (d("1271"), End::Date(d("1295"))));
        assert_eq!(fixed("1974-1975"), (d("1974"), End::Date(d("1975"))));
        assert_eq!(fixed("10000"), (d("10000"), End::None));
    }

    #[test]
    fn bce_follows_the_documented_meaning_in_any_case() {
        assert_eq!(fixed("126 BCE"), (d("-0125"), End::None));
        // The reference parser reads this as 126 CE; it means 126 BCE.
        assert_eq!(fixed("126 bce"), (d("-0125"), End::None));
        assert_eq!(fixed("1 BC"), (d("0000"), End::None));
        assert_eq!(fixed("500 AD"), (d("0500"), End::None));
        // Both ends of a BCE range are included.
        assert_eq!(fixed("300-200 BCE"), (d("-0299"), End::Date(d("-0199"))));
        assert_eq!(
            fixed("300 BCE - 200 BCE"),
            (d("-0299"), End::Date(d("-0199")))
        );
        assert_eq!(fixed("50 BC - 50 AD"), (d("-0049"), End::Date(d("0050"))));
        assert!(matches!(lex("0 BCE", false), Lexed::Invalid(_)));
    }

    #[test]
    fn relative_dates_and_recurrences_read() {
        let week3 = Duration {
            count: 3,
            unit: Unit::Week,
        };
        assert_eq!(
            lex("after !base 3 weeks", false),
            date(When::After {
                id: Some("base".into()),
                duration: week3
            })
        );
        assert_eq!(
            lex("before !launch a month", false),
            date(When::Before {
                id: "launch".into(),
                duration: Duration {
                    count: 1,
                    unit: Unit::Month
                }
            })
        );
        assert_eq!(
            lex("3 weeks", false),
            date(When::After {
                id: None,
                duration: week3
            })
        );
        let Lexed::Date(line) = lex("2020-01-01 every 2 weeks for 10 times", false) else {
            panic!()
        };
        assert_eq!(
            line.every,
            Some(Every {
                step: Duration {
                    count: 2,
                    unit: Unit::Week
                },
                limit: Limit::Times(10)
            })
        );
        let Lexed::Date(line) = lex("2020-01 every other month x4", false) else {
            panic!()
        };
        assert_eq!(line.every.unwrap().limit, Limit::Times(4));
        let Lexed::Date(line) = lex("1950 every year for 4 years", false) else {
            panic!()
        };
        assert_eq!(
            line.every.unwrap().limit,
            Limit::For(Duration {
                count: 4,
                unit: Unit::Year
            })
        );
    }

    #[test]
    fn impossible_dates_are_problems_and_other_text_is_not_a_date() {
        for text in [
            "2015-02-30",
            "2003-13-45",
            "2/30/2015",
            "Feb 30 2015",
            "2015 - 2010",
            "3 hours",
            "now",
        ] {
            assert!(matches!(lex(text, false), Lexed::Invalid(_)), "{text}");
        }
        for text in [
            "Note",
            "id",
            "location",
            "Three things",
            "12",
            "https",
            "a b c d",
            "May",
        ] {
            assert_eq!(lex(text, false), Lexed::NotADate, "{text}");
        }
        assert!(matches!(lex("13/1/2015", false), Lexed::Invalid(_)));
        assert!(matches!(lex("13/1/2015", true), Lexed::Date(_)));
    }
}
