//! Recurrences (`2020-01-01 every 2 weeks for 10 times`): one event per occurrence, each as long as
//! the first, up to [`MAX_OCCURRENCES`].
//!
//! The reference parser 1.2.0 reports "Cannot parse recurrence" for every recurrence it is given and
//! keeps only the first occurrence; dateline follows the documented meaning and expands them.

use chrono::{Datelike, NaiveDate};

use super::dates::{Every, Limit};
use super::relative::shift;

/// A recurrence gives at most this many events; one that would give more is a problem, so a file can
/// never make dateline build millions of events from one line.
pub const MAX_OCCURRENCES: u32 = 1000;

/// The first and last day of every occurrence, the first one being `first`..`last`.
pub fn occurrences(
    first: NaiveDate,
    last: NaiveDate,
    every: Every,
) -> Result<Vec<(NaiveDate, NaiveDate)>, String> {
    let length = last - first;
    let count = match every.limit {
        Limit::Times(0) => return Err("a recurrence of 0 times has no occurrence".to_owned()),
        Limit::Times(n) if n > MAX_OCCURRENCES => {
            return Err(format!(
                "the recurrence repeats {n} times; dateline expands at most {MAX_OCCURRENCES}"
            ));
        }
        Limit::Times(n) => Some(n),
        Limit::For(_) => None,
        Limit::Unbounded => {
            return Err(format!(
                "the recurrence has no end: add \"for N times\", \"xN\" or \"for 2 years\" (dateline expands at most {MAX_OCCURRENCES} occurrences)"
            ));
        }
    };
    let until = match every.limit {
        Limit::For(d) => Some(shift(first, d, false)?),
        _ => None,
    };
    let mut out = Vec::new();
    for k in 0..=MAX_OCCURRENCES {
        if count.is_some_and(|n| k >= n) {
            break;
        }
        let step = super::dates::Duration {
            count: every
                .step
                .count
                .checked_mul(k)
                .ok_or("the recurrence goes out of range")?,
            unit: every.step.unit,
        };
        let start = shift(first, step, false)?;
        if until.is_some_and(|u| start >= u) {
            break;
        }
        if k == MAX_OCCURRENCES {
            return Err(format!(
                "the recurrence repeats more than {MAX_OCCURRENCES} times; dateline expands at most {MAX_OCCURRENCES}"
            ));
        }
        let end = start
            .checked_add_signed(length)
            .filter(|d| i64::from(d.year()).abs() <= crate::model::date::MAX_CALENDAR_YEAR)
            .ok_or("the recurrence goes out of range")?;
        out.push((start, end));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::dates::{Duration, Unit};
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn occurrences_repeat_the_first_one() {
        let every = Every {
            step: Duration {
                count: 2,
                unit: Unit::Week,
            },
            limit: Limit::Times(3),
        };
        assert_eq!(
            occurrences(day("2020-01-01"), day("2020-01-01"), every).unwrap(),
            [
                (day("2020-01-01"), day("2020-01-01")),
                (day("2020-01-15"), day("2020-01-15")),
                (day("2020-01-29"), day("2020-01-29")),
            ]
        );
        let yearly = Every {
            step: Duration {
                count: 1,
                unit: Unit::Year,
            },
            limit: Limit::For(Duration {
                count: 4,
                unit: Unit::Year,
            }),
        };
        assert_eq!(
            occurrences(day("1950-01-01"), day("1950-12-31"), yearly)
                .unwrap()
                .len(),
            4
        );
    }

    #[test]
    fn endless_or_huge_recurrences_are_refused() {
        let step = Duration {
            count: 1,
            unit: Unit::Day,
        };
        let unbounded = Every {
            step,
            limit: Limit::Unbounded,
        };
        assert!(occurrences(day("2020-01-01"), day("2020-01-01"), unbounded).is_err());
        let many = Every {
            step,
            limit: Limit::Times(MAX_OCCURRENCES + 1),
        };
        assert!(occurrences(day("2020-01-01"), day("2020-01-01"), many).is_err());
        let long = Every {
            step,
            limit: Limit::For(Duration {
                count: 10,
                unit: Unit::Year,
            }),
        };
        assert!(occurrences(day("2020-01-01"), day("2020-01-01"), long).is_err());
        let exactly = Every {
            step,
            limit: Limit::Times(MAX_OCCURRENCES),
        };
        assert_eq!(
            occurrences(day("2020-01-01"), day("2020-01-01"), exactly)
                .unwrap()
                .len(),
            MAX_OCCURRENCES as usize
        );
    }
}
