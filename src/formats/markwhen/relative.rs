//! Relative dates: lengths of time counted from another event (`after !id 3 weeks`, `before !id 1
//! month`, `3 days` after the previous event) or from a range's start (`2018/6 months`), and the dates
//! such a count gives.
//!
//! Markwhen's ranges are half-open (`[from, to)` at midnight); dateline's are the first and last day
//! covered. So `after !id 3 weeks` starts the day after `!id`'s last day and lasts 21 days; `before !id
//! 1 month` ends the day before `!id`'s first day.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::dates::{Duration, Unit};
use crate::model::date::MAX_CALENDAR_YEAR;
use crate::model::{DateSpec, EdtfDate, IntervalEnd};

/// The longest length counted, in days or weekdays: beyond it a date leaves the calendar dateline draws.
const MAX_COUNT: u64 = 100_000_000;

/// The day `duration` after `day` (before it when `back`), or why there is none.
pub fn shift(day: NaiveDate, duration: Duration, back: bool) -> Result<NaiveDate, String> {
    let out_of_range = || "the date it gives is out of range".to_owned();
    let count = u64::from(duration.count);
    let result = match duration.unit {
        Unit::Day | Unit::Week => {
            let days = count * if duration.unit == Unit::Week { 7 } else { 1 };
            if days > MAX_COUNT {
                return Err(out_of_range());
            }
            if back {
                day.checked_sub_days(Days::new(days))
            } else {
                day.checked_add_days(Days::new(days))
            }
        }
        Unit::Month | Unit::Year => {
            let months = count * if duration.unit == Unit::Year { 12 } else { 1 };
            let months = u32::try_from(months).map_err(|_| out_of_range())?;
            if back {
                day.checked_sub_months(Months::new(months))
            } else {
                day.checked_add_months(Months::new(months))
            }
        }
        Unit::Weekday => {
            if count > MAX_COUNT / 7 {
                return Err(out_of_range());
            }
            let weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            let step = |d: NaiveDate| if back { d.pred_opt() } else { d.succ_opt() };
            let mut d = day;
            let mut left = count;
            // Off a weekend first; from a weekday, five weekdays are seven days.
            while left > 0 && weekend(d) {
                d = step(d).ok_or_else(out_of_range)?;
                if !weekend(d) {
                    left -= 1;
                }
            }
            let days = Days::new(left / 5 * 7);
            d = if back {
                d.checked_sub_days(days)
            } else {
                d.checked_add_days(days)
            }
            .ok_or_else(out_of_range)?;
            left %= 5;
            while left > 0 {
                d = step(d).ok_or_else(out_of_range)?;
                if !weekend(d) {
                    left -= 1;
                }
            }
            Some(d)
        }
    };
    result
        .filter(|d| i64::from(d.year()).abs() <= MAX_CALENDAR_YEAR)
        .ok_or_else(out_of_range)
}

/// The days from `start` for `duration`: its first and last day (the last day before the day the
/// length reaches; for weekdays, the last of them).
pub fn days_for(start: NaiveDate, duration: Duration) -> Result<(NaiveDate, NaiveDate), String> {
    if duration.count == 0 {
        return Err("a length of 0 covers no day".to_owned());
    }
    if duration.unit == Unit::Weekday {
        // Weekdays are counted from the start itself: `5 weekdays` from a Monday is Monday to Friday.
        let before = start.pred_opt().ok_or("the date is out of range")?;
        return Ok((start, shift(before, duration, false)?));
    }
    let end = shift(start, duration, false)?;
    Ok((start, end.pred_opt().unwrap_or(end)))
}

/// The days before `end` (excluded) for `duration`.
pub fn days_before(end: NaiveDate, duration: Duration) -> Result<(NaiveDate, NaiveDate), String> {
    if duration.count == 0 {
        return Err("a length of 0 covers no day".to_owned());
    }
    let start = shift(end, duration, true)?;
    Ok((start, end.pred_opt().unwrap_or(end)))
}

/// The coarsest date that covers exactly the days from `first` to `last`: a year or a month when they
/// are whole years or months, else days.
pub fn spec_of_days(first: NaiveDate, last: NaiveDate) -> DateSpec {
    let month_start = first.day() == 1;
    let year_start = month_start && first.month() == 1;
    let month_end = last.succ_opt().is_none_or(|n| n.day() == 1);
    let year_end = month_end && last.month() == 12;
    let year = |d: NaiveDate| EdtfDate::new(i64::from(d.year()), None, None);
    let month = |d: NaiveDate| EdtfDate::new(i64::from(d.year()), Some(d.month() as u8), None);
    let (start, end) = if year_start && year_end {
        (year(first), year(last))
    } else if month_start && month_end {
        (month(first), month(last))
    } else {
        (
            Some(EdtfDate::from_naive(first)),
            Some(EdtfDate::from_naive(last)),
        )
    };
    match (start, end) {
        (Some(s), Some(e)) if s == e => DateSpec::Single(s),
        (Some(s), Some(e)) => DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Date(e),
        },
        _ => DateSpec::Interval {
            start: Some(EdtfDate::from_naive(first)),
            end: IntervalEnd::Date(EdtfDate::from_naive(last)),
        },
    }
}

/// The end date of a range that starts at `start` and lasts `duration`: a year or month when the length
/// ends on a year's or month's end and counts in those units, else a day.
pub fn end_after(start: EdtfDate, duration: Duration) -> Result<EdtfDate, String> {
    let first = start
        .first_day()
        .date()
        .ok_or("a length counts in the calendar, and the date is beyond its years")?;
    let (_, last) = days_for(first, duration)?;
    let month_end = last.succ_opt().is_none_or(|n| n.day() == 1);
    let coarse = match duration.unit {
        Unit::Year if month_end && last.month() == 12 && start.month.is_none() => {
            EdtfDate::new(i64::from(last.year()), None, None)
        }
        Unit::Year | Unit::Month if month_end && start.day.is_none() => {
            EdtfDate::new(i64::from(last.year()), Some(last.month() as u8), None)
        }
        _ => None,
    };
    Ok(coarse.unwrap_or_else(|| EdtfDate::from_naive(last)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    const WEEKS_3: Duration = Duration {
        count: 3,
        unit: Unit::Week,
    };

    #[test]
    fn lengths_count_as_markwhen_counts_them() {
        // `after !base 3 weeks` where !base is 2020-01-01: Markwhen gives 2020-01-02 .. 2020-01-23.
        assert_eq!(
            days_for(day("2020-01-02"), WEEKS_3).unwrap(),
            (day("2020-01-02"), day("2020-01-22"))
        );
        // `before !rng 1 month` where !rng starts 2020-02-10: 2020-01-10 .. 2020-02-10.
        let month = Duration {
            count: 1,
            unit: Unit::Month,
        };
        assert_eq!(
            days_before(day("2020-02-10"), month).unwrap(),
            (day("2020-01-10"), day("2020-02-09"))
        );
        let weekdays = Duration {
            count: 5,
            unit: Unit::Weekday,
        };
        // Friday + 5 weekdays is the next Friday.
        assert_eq!(
            shift(day("2024-03-01"), weekdays, false).unwrap(),
            day("2024-03-08")
        );
        // Five weekdays from a Monday are that week's Monday to Friday, as Markwhen counts them.
        assert_eq!(
            days_for(day("2022-07-04"), weekdays).unwrap(),
            (day("2022-07-04"), day("2022-07-08"))
        );
        // From a Saturday, the next five.
        assert_eq!(
            days_for(day("2022-07-02"), weekdays).unwrap(),
            (day("2022-07-02"), day("2022-07-08"))
        );
        assert!(
            shift(
                day("2024-03-01"),
                Duration {
                    count: u32::MAX,
                    unit: Unit::Year
                },
                false
            )
            .is_err()
        );
    }

    #[test]
    fn whole_years_and_months_keep_their_precision() {
        assert_eq!(
            spec_of_days(day("2018-01-01"), day("2018-12-31")),
            DateSpec::parse("2018").unwrap()
        );
        assert_eq!(
            spec_of_days(day("2018-01-01"), day("2018-06-30")),
            DateSpec::parse("2018-01/2018-06").unwrap()
        );
        assert_eq!(
            spec_of_days(day("2018-01-02"), day("2018-01-02")),
            DateSpec::parse("2018-01-02").unwrap()
        );
        let six_months = Duration {
            count: 6,
            unit: Unit::Month,
        };
        assert_eq!(
            end_after(EdtfDate::parse("2018").unwrap(), six_months).unwrap(),
            EdtfDate::parse("2018-06").unwrap()
        );
    }
}
