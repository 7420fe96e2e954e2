//! Moving a date along time in whole steps of its own precision, as a drag does: a year event moves by
//! whole years, a month event by months, a day event by days. A date never gains precision by moving (a
//! year stays a year), and its approximate and uncertain marks go with it.

use super::date::{DateSpec, EdtfDate, IntervalEnd, Precision};
use super::day::Day;

/// The mean length of a step of each precision, in days: how far the pointer must travel for one step.
pub fn step_days(precision: Precision) -> f64 {
    match precision {
        Precision::Year => 365.2425,
        Precision::Month => 30.436_875,
        Precision::Day => 1.0,
    }
}

/// The number of whole steps of `precision` nearest to `days`.
pub fn steps_for(days: f64, precision: Precision) -> i64 {
    let steps = (days / step_days(precision)).round();
    if steps.is_finite() {
        // Beyond the farthest years in every precision, so a drag that far is refused, not shortened.
        steps.clamp(-1e12, 1e12) as i64
    } else {
        0
    }
}

/// Which part of a date a drag moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// All of it: a single date, or both ends of a span.
    Whole,
    /// A span's start only.
    Start,
    /// A span's end only.
    End,
}

impl EdtfDate {
    /// This date moved by `steps` of its own precision; `None` past the years dateline reads. A day that
    /// the new month lacks (31 January moved by a month) becomes the month's last day.
    pub fn shifted(&self, steps: i64) -> Option<Self> {
        let moved = match (self.month, self.day) {
            (Some(_), Some(_)) => {
                let day = self.first_day().0.checked_add(steps)?;
                // A day stays a day: past the calendar's years it cannot move.
                Some(Self::on_day(Day(day))).filter(|d| d.day.is_some())?
            }
            (Some(m), None) => {
                let months = self.year * 12 + i64::from(m) - 1 + steps;
                let year = months.div_euclid(12);
                let month = u8::try_from(months.rem_euclid(12) + 1).ok()?;
                Self::new(year, Some(month), None)?
            }
            _ => Self::new(self.year.checked_add(steps)?, None, None)?,
        };
        let moved = Self {
            approximate: self.approximate,
            uncertain: self.uncertain,
            ..moved
        };
        Self::new(moved.year, moved.month, moved.day).map(|_| moved)
    }

    /// This date moved by whole years, keeping its month and day (29 February becomes the 28th).
    pub fn shifted_years(&self, years: i64) -> Option<Self> {
        let year = self.year.checked_add(years)?;
        let day = match (self.month, self.day) {
            (Some(m), Some(d)) => Some(d.min(days_in_month(year, m)?)),
            _ => self.day,
        };
        let moved = Self::new(year, self.month, day)?;
        Some(Self {
            approximate: self.approximate,
            uncertain: self.uncertain,
            ..moved
        })
    }
}

/// The number of days in `month` of `year`, for a month that exists.
fn days_in_month(year: i64, month: u8) -> Option<u8> {
    Some(super::day::days_in_month(year, month)).filter(|&n| n > 0)
}

impl DateSpec {
    /// The date moved by `days` (the pointer's travel), snapped to whole steps of the precision of what
    /// moves: `part` of a span, or all of it. `None` when it would not move, or would leave the years
    /// dateline reads, or would put a span's end before its start.
    pub fn dragged(&self, part: Part, days: f64) -> Option<Self> {
        let moved = match (*self, part) {
            (Self::Single(d), _) => Self::Single(d.shifted(steps_for(days, d.precision()))?),
            (Self::Interval { start, end }, Part::Whole) => {
                // Both ends move by the same whole steps of the coarser precision, so the span keeps its
                // length in those steps.
                let p = self.precision();
                let steps = steps_for(days, p);
                let by = |d: EdtfDate| match p {
                    Precision::Year => d.shifted_years(steps),
                    Precision::Month => shift_months(d, steps),
                    Precision::Day => d.shifted(steps),
                };
                Self::Interval {
                    start: match start {
                        Some(s) => Some(by(s)?),
                        None => None,
                    },
                    end: match end {
                        IntervalEnd::Date(e) => IntervalEnd::Date(by(e)?),
                        other => other,
                    },
                }
            }
            (Self::Interval { start, end }, Part::Start) => {
                let s = start?;
                Self::Interval {
                    start: Some(s.shifted(steps_for(days, s.precision()))?),
                    end,
                }
            }
            (Self::Interval { start, end }, Part::End) => {
                let IntervalEnd::Date(e) = end else {
                    return None;
                };
                Self::Interval {
                    start,
                    end: IntervalEnd::Date(e.shifted(steps_for(days, e.precision()))?),
                }
            }
        };
        if moved == *self {
            return None;
        }
        if let (Self::Interval { start: Some(s), .. }, Some(e)) = (moved, moved.end_date())
            && e.last_day() < s.first_day()
        {
            return None;
        }
        Some(moved)
    }

    /// The date moved by whole years (used to move an event by a year).
    pub fn shifted_years(&self, years: i64) -> Option<Self> {
        Some(match *self {
            Self::Single(d) => Self::Single(d.shifted_years(years)?),
            Self::Interval { start, end } => Self::Interval {
                start: match start {
                    Some(s) => Some(s.shifted_years(years)?),
                    None => None,
                },
                end: match end {
                    IntervalEnd::Date(e) => IntervalEnd::Date(e.shifted_years(years)?),
                    other => other,
                },
            },
        })
    }
}

/// `d` moved by whole months; a year-precision date moves by the years those months make.
fn shift_months(d: EdtfDate, months: i64) -> Option<EdtfDate> {
    match (d.month, d.day) {
        (Some(_), None) => d.shifted(months),
        (Some(m), Some(day)) => {
            let total = d.year * 12 + i64::from(m) - 1 + months;
            let year = total.div_euclid(12);
            let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
            let day = day.min(days_in_month(year, month)?);
            let moved = EdtfDate::new(year, Some(month), Some(day))?;
            Some(EdtfDate {
                approximate: d.approximate,
                uncertain: d.uncertain,
                ..moved
            })
        }
        _ => d.shifted_years(months.div_euclid(12)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> DateSpec {
        DateSpec::parse(text).unwrap()
    }

    #[test]
    fn a_date_moves_in_whole_steps_of_its_own_precision() {
        // Half a year of travel moves a year event by one year (rounded), never to a day.
        assert_eq!(date("1974").dragged(Part::Whole, 200.0), Some(date("1975")));
        assert_eq!(date("1974").dragged(Part::Whole, 100.0), None);
        assert_eq!(
            date("1974~").dragged(Part::Whole, -800.0),
            Some(date("1972~"))
        );
        assert_eq!(
            date("2015-11").dragged(Part::Whole, 45.0),
            Some(date("2015-12"))
        );
        assert_eq!(
            date("2015-11").dragged(Part::Whole, 75.0),
            Some(date("2016-01"))
        );
        assert_eq!(
            date("2015-11-30?").dragged(Part::Whole, 2.4),
            Some(date("2015-12-02?"))
        );
        assert_eq!(
            date("0001").dragged(Part::Whole, -730.0),
            Some(date("-0001"))
        );
    }

    #[test]
    fn a_span_moves_whole_or_by_one_end_and_never_turns_round() {
        assert_eq!(
            date("1947~/1991~").dragged(Part::Whole, 366.0),
            Some(date("1948~/1992~"))
        );
        assert_eq!(
            date("2015-01-31/2015-03").dragged(Part::Whole, 31.0),
            Some(date("2015-02-28/2015-04"))
        );
        assert_eq!(
            date("2025-01-21/..").dragged(Part::Whole, 1.0),
            Some(date("2025-01-22/.."))
        );
        assert_eq!(
            date("1939/1945").dragged(Part::End, 365.0),
            Some(date("1939/1946"))
        );
        assert_eq!(
            date("1939/1945").dragged(Part::Start, -365.0),
            Some(date("1938/1945"))
        );
        assert_eq!(date("1939/1945").dragged(Part::Start, 365.0 * 7.0), None);
        assert_eq!(date("2025-01-21/..").dragged(Part::End, 30.0), None);
    }

    #[test]
    fn dates_stay_within_what_dateline_reads() {
        assert_eq!(date("20000000000").dragged(Part::Whole, 400.0), None);
        // Months and days stop where the calendar does; years go on.
        assert_eq!(date("200000-12").dragged(Part::Whole, 40.0), None);
        assert_eq!(
            date("200000").dragged(Part::Whole, 400.0),
            Some(date("200001"))
        );
        assert_eq!(date("1974").dragged(Part::Whole, f64::NAN), None);
        assert_eq!(date("1974").dragged(Part::Whole, 1e300), None);
        assert_eq!(date("2015-11-30").dragged(Part::Whole, 1e12), None);
        assert_eq!(
            date("2016-02-29").shifted_years(1),
            Some(date("2017-02-28"))
        );
    }
}
