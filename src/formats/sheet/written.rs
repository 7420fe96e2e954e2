//! Dates as people write them in their own spreadsheets: `2015-11-30`, `30/11/2015`, `11/30/2015`,
//! `30.11.2015`, `Nov 30, 2015`, `30 November 2015`, `30-Nov-2015`, `November 2015`, `2015`, `c. 1947`,
//! `1947?`, `44 BC`; and a day and month without a year (`16 December`), for a sheet whose year is in a
//! column of its own. A date whose day and month could be either way round (`03/04/2015`) follows the
//! order chosen, and without one is refused, never guessed.

use crate::model::date::EdtfDate;

/// Which number comes first in a date written with numbers only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DayOrder {
    /// `30/11/2015`: day, month, year (most of the world).
    DayFirst,
    /// `11/30/2015`: month, day, year (the United States).
    MonthFirst,
}

/// What was read from a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// A date, at the precision written.
    Date(EdtfDate),
    /// A day and month (`16 December`, `12/16`), waiting for a year from another column.
    DayMonth {
        /// The month, 1–12.
        month: u8,
        /// The day of the month.
        day: u8,
    },
}

/// Why a cell is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotADate {
    /// Both numbers could be the month: the order must be chosen.
    Ambiguous {
        /// The date read day first.
        day_first: String,
        /// The date read month first.
        month_first: String,
    },
    /// A two-digit year, whose century cannot be known.
    ShortYear,
    /// The day does not exist (`31/02/2015`), or the numbers are out of range.
    NoSuchDay,
    /// Nothing here reads as a date.
    Unreadable,
}

impl NotADate {
    /// Plain words for a message, after "… is not a date: ".
    pub fn words(&self) -> String {
        match self {
            Self::Ambiguous {
                day_first,
                month_first,
            } => format!(
                "its day and month could be either way round ({day_first} day first, {month_first} \
                 month first); choose which comes first (day first or month first; on the command line \
                 --day-first or --month-first)"
            ),
            Self::ShortYear => "its year has two digits; write the year in full".to_owned(),
            Self::NoSuchDay => "that day does not exist".to_owned(),
            Self::Unreadable => {
                "it reads as no date (write 2015-11-30, 30/11/2015, Nov 30, 2015, November 2015 or 2015)"
                    .to_owned()
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names: the English name or its first three letters (`Sept` too), any case.
fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u8 + 1)
}

/// Reads a cell. `order` is the order chosen for dates of numbers only, when one was.
pub fn read(cell: &str, order: Option<DayOrder>) -> Result<Written, NotADate> {
    let mut text = cell.trim();
    let mut approximate = false;
    let mut uncertain = false;
    for prefix in [
        "circa ", "ca. ", "ca ", "c. ", "c.", "about ", "around ", "~",
    ] {
        if let Some(rest) = strip_prefix_ignore_case(text, prefix) {
            approximate = true;
            text = rest.trim_start();
            break;
        }
    }
    if let Some(rest) = text.strip_suffix('?') {
        uncertain = true;
        text = rest.trim_end();
    }
    if let Some(rest) = text.strip_suffix('~') {
        approximate = true;
        text = rest.trim_end();
    }
    let written = read_plain(text, order)?;
    Ok(match written {
        Written::Date(mut d) => {
            d.approximate |= approximate;
            d.uncertain |= uncertain;
            Written::Date(d)
        }
        other @ Written::DayMonth { .. } => other,
    })
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn read_plain(text: &str, order: Option<DayOrder>) -> Result<Written, NotADate> {
    if text.is_empty() {
        return Err(NotADate::Unreadable);
    }
    // Years before the common era: "44 BC", "500 BCE".
    let lower = text.to_lowercase();
    for era in [" bce", " bc", " b.c.", " b.c.e."] {
        if let Some(year) = lower.strip_suffix(era) {
            let n: i32 = year.trim().parse().map_err(|_| NotADate::Unreadable)?;
            if n < 1 {
                return Err(NotADate::Unreadable);
            }
            return EdtfDate::new(i64::from(1 - n), None, None)
                .map(Written::Date)
                .ok_or(NotADate::NoSuchDay);
        }
    }
    // "AD 9", "9 AD", "476 CE": a year of the common era, however short.
    let common_era = [" ad", " ce"]
        .iter()
        .find_map(|era| lower.strip_suffix(era))
        .or_else(|| lower.strip_prefix("ad "));
    if let Some(year) = common_era {
        let year = year.trim();
        if let Ok(n) = year.parse::<i32>()
            && n >= 1
        {
            return date(n, None, None);
        }
        return read_plain(year, order);
    }
    // ISO and EDTF: 2015, 2015-11, 2015-11-30, -0044-03-15 (and a time after T, dropped).
    let iso = text.split('T').next().unwrap_or(text);
    if iso.len() >= 4
        && iso
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'-')
        && let Ok(d) = EdtfDate::parse(iso)
    {
        return Ok(Written::Date(d));
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| w.chars().any(char::is_alphabetic)) {
        return read_words(&words);
    }
    read_numbers(text, order)
}

/// `Nov 30, 2015`, `30 November 2015`, `30-Nov-2015`, `November 2015`, `16 December`, `30th Nov 2015`.
fn read_words(words: &[&str]) -> Result<Written, NotADate> {
    // `30-Nov-2015` is one word of three parts.
    let split: Vec<&str> = if words.len() == 1 {
        words[0].split('-').collect()
    } else {
        words.to_vec()
    };
    let mut month = None;
    let mut numbers = Vec::new();
    for w in &split {
        if let Some(m) = month_of(w) {
            if month.replace(m).is_some() {
                return Err(NotADate::Unreadable);
            }
            continue;
        }
        let digits = w
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th")
            .trim_end_matches('.');
        let n: u32 = digits.parse().map_err(|_| NotADate::Unreadable)?;
        numbers.push((n, digits.len()));
    }
    let Some(month) = month else {
        return Err(NotADate::Unreadable);
    };
    let day_of = |n: u32| -> Result<u8, NotADate> {
        u8::try_from(n)
            .ok()
            .filter(|d| (1..=31).contains(d))
            .ok_or(NotADate::NoSuchDay)
    };
    match numbers.as_slice() {
        // November 2015.
        [(year, len)] if *len >= 3 => date(*year as i32, Some(month), None),
        // 16 December.
        [(day, _)] => {
            let day = day_of(*day)?;
            if chrono::NaiveDate::from_ymd_opt(2000, u32::from(month), u32::from(day)).is_none() {
                return Err(NotADate::NoSuchDay);
            }
            Ok(Written::DayMonth { month, day })
        }
        // 30 November 2015, November 30, 2015.
        [(a, _), (b, len)] | [(b, len), (a, _)] if *len >= 3 => {
            date(*b as i32, Some(month), Some(day_of(*a)?))
        }
        [_, (_, 2)] | [(_, 2), _] => Err(NotADate::ShortYear),
        _ => Err(NotADate::Unreadable),
    }
}

/// `30/11/2015`, `11/30/2015`, `30.11.2015`, `2015/11/30`, `11/2015`.
fn read_numbers(text: &str, order: Option<DayOrder>) -> Result<Written, NotADate> {
    let dots = text.contains('.');
    let parts: Vec<&str> = text.split(['/', '.', '-']).map(str::trim).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(NotADate::Unreadable);
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().map_err(|_| NotADate::Unreadable))
        .collect::<Result<_, _>>()?;
    match (parts.as_slice(), n.as_slice()) {
        // 2015/11/30: year first is always year, month, day.
        ([y, _, _], [year, m, d]) if y.len() == 4 => {
            date(*year as i32, Some(small(*m)?), Some(small(*d)?))
        }
        // 11/2015.
        ([_, y], [m, year]) if y.len() == 4 => date(*year as i32, Some(small(*m)?), None),
        ([_, _, y], [a, b, year]) if y.len() == 4 => {
            let (a, b) = (small(*a)?, small(*b)?);
            let day_first = date(*year as i32, Some(b), Some(a));
            let month_first = date(*year as i32, Some(a), Some(b));
            match (a > 12, b > 12) {
                (true, true) => Err(NotADate::NoSuchDay),
                (true, false) => day_first,
                (false, true) => month_first,
                // Dots are written day first: 30.11.2015.
                _ if a == b || dots => day_first,
                _ => match order {
                    Some(DayOrder::DayFirst) => day_first,
                    Some(DayOrder::MonthFirst) => month_first,
                    None => Err(NotADate::Ambiguous {
                        day_first: iso_words(*year, b, a),
                        month_first: iso_words(*year, a, b),
                    }),
                },
            }
        }
        ([_, _, y], _) if y.len() == 2 => Err(NotADate::ShortYear),
        // 12/16, 16/12: a day and a month.
        ([_, _], [a, b]) => {
            let (a, b) = (small(*a)?, small(*b)?);
            let (month, day) = match (a > 12, b > 12, order) {
                (true, false, _) | (false, false, Some(DayOrder::DayFirst)) => (b, a),
                (false, true, _) | (false, false, Some(DayOrder::MonthFirst)) => (a, b),
                (false, false, None) if a == b => (a, b),
                (false, false, None) => {
                    return Err(NotADate::Ambiguous {
                        day_first: format!("{a} {}", month_title(b)),
                        month_first: format!("{} {b}", month_title(a)),
                    });
                }
                (true, true, _) => return Err(NotADate::NoSuchDay),
            };
            if month > 12
                || chrono::NaiveDate::from_ymd_opt(2000, u32::from(month), u32::from(day)).is_none()
            {
                return Err(NotADate::NoSuchDay);
            }
            Ok(Written::DayMonth { month, day })
        }
        _ => Err(NotADate::Unreadable),
    }
}

fn small(n: u32) -> Result<u8, NotADate> {
    u8::try_from(n)
        .ok()
        .filter(|&v| v >= 1)
        .ok_or(NotADate::NoSuchDay)
}

fn date(year: i32, month: Option<u8>, day: Option<u8>) -> Result<Written, NotADate> {
    EdtfDate::new(i64::from(year), month, day)
        .map(Written::Date)
        .ok_or(NotADate::NoSuchDay)
}

fn month_title(month: u8) -> String {
    let name = MONTHS[usize::from(month.clamp(1, 12) - 1)];
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn iso_words(year: u32, month: u8, day: u8) -> String {
    format!("{day} {} {year}", month_title(month))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(cell: &str, order: Option<DayOrder>) -> String {
        match read(cell, order) {
            Ok(Written::Date(d)) => d.to_string(),
            Ok(Written::DayMonth { month, day }) => format!("--{month:02}-{day:02}"),
            Err(e) => format!("error: {e:?}"),
        }
    }

    #[test]
    fn the_ways_people_write_dates_read_at_their_precision() {
        for (cell, want) in [
            ("2015-11-30", "2015-11-30"),
            ("2015-11", "2015-11"),
            ("2015", "2015"),
            ("30/11/2015", "2015-11-30"),
            ("11/30/2015", "2015-11-30"),
            ("30.11.2015", "2015-11-30"),
            ("2015/11/30", "2015-11-30"),
            ("Nov 30, 2015", "2015-11-30"),
            ("Nov. 30, 2015", "2015-11-30"),
            ("November 30, 2015", "2015-11-30"),
            ("30 November 2015", "2015-11-30"),
            ("30th November 2015", "2015-11-30"),
            ("30-Nov-2015", "2015-11-30"),
            ("November 2015", "2015-11"),
            ("Sept 2001", "2001-09"),
            ("11/2015", "2015-11"),
            ("  2015-11-30T10:00:00Z ", "2015-11-30"),
            ("c. 1947", "1947~"),
            ("circa 1947", "1947~"),
            ("1947?", "1947?"),
            ("1947~", "1947~"),
            ("44 BC", "-0043"),
            ("500 BCE", "-0499"),
            ("AD 9", "0009"),
            ("16 December", "--12-16"),
            ("December 16", "--12-16"),
            ("16/12", "--12-16"),
            ("05/05/2015", "2015-05-05"),
        ] {
            assert_eq!(d(cell, None), want, "{cell}");
        }
    }

    #[test]
    fn an_ambiguous_date_follows_the_order_chosen_and_is_never_guessed() {
        assert!(matches!(
            read("03/04/2015", None),
            Err(NotADate::Ambiguous { .. })
        ));
        let Err(why) = read("03/04/2015", None) else {
            panic!("refused")
        };
        let words = why.words();
        assert!(words.contains("3 April 2015 day first"), "{words}");
        assert!(words.contains("4 March 2015 month first"), "{words}");
        assert_eq!(d("03/04/2015", Some(DayOrder::DayFirst)), "2015-04-03");
        assert_eq!(d("03/04/2015", Some(DayOrder::MonthFirst)), "2015-03-04");
        // A number above 12 settles it whatever was chosen.
        assert_eq!(d("30/11/2015", Some(DayOrder::MonthFirst)), "2015-11-30");
        assert!(matches!(
            read("03/04", None),
            Err(NotADate::Ambiguous { .. })
        ));
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        assert_eq!(read("30/11/15", None), Err(NotADate::ShortYear));
        assert_eq!(read("31/02/2015", None), Err(NotADate::NoSuchDay));
        assert_eq!(read("13/13/2015", None), Err(NotADate::NoSuchDay));
        assert_eq!(read("soon", None), Err(NotADate::Unreadable));
        assert_eq!(read("", None), Err(NotADate::Unreadable));
        assert_eq!(read("May", None), Err(NotADate::Unreadable));
        assert_eq!(read("$1974", None), Err(NotADate::Unreadable));
        assert_eq!(read("31 February 2015", None), Err(NotADate::NoSuchDay));
        // Nothing panics on odd input.
        for cell in [
            "//",
            "1/2/3/4",
            "99999999999999999999/1/2015",
            "Nov Dec 2015",
            "🙂",
            "-",
        ] {
            let _ = read(cell, None);
        }
    }
}
