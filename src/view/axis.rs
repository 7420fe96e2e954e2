//! The calendar-aware time axis: ticks on decade, year, month or day boundaries, chosen for the zoom level
//! so labels never overlap. Pure; the plot's grid spacer and label formatter call into it.

use chrono::{Datelike, NaiveDate};

use crate::model::date::{date_from_days, days_from_epoch, month_name, year_words};

/// The gap between ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    /// Every `n` calendar days (on days 1, 1 + n, … of each month).
    Days(u32),
    /// Every `n` months (on months 1, 1 + n, … of each year).
    Months(u32),
    /// Every `n` years (on years divisible by `n`).
    Years(u32),
}

/// Units from finest to coarsest.
pub const UNITS: [TickUnit; 25] = [
    TickUnit::Days(1),
    TickUnit::Days(2),
    TickUnit::Days(5),
    TickUnit::Days(10),
    TickUnit::Months(1),
    TickUnit::Months(3),
    TickUnit::Months(6),
    TickUnit::Years(1),
    TickUnit::Years(2),
    TickUnit::Years(5),
    TickUnit::Years(10),
    TickUnit::Years(20),
    TickUnit::Years(50),
    TickUnit::Years(100),
    TickUnit::Years(200),
    TickUnit::Years(500),
    TickUnit::Years(1000),
    TickUnit::Years(2000),
    TickUnit::Years(5000),
    TickUnit::Years(10_000),
    TickUnit::Years(20_000),
    TickUnit::Years(50_000),
    TickUnit::Years(100_000),
    TickUnit::Years(200_000),
    TickUnit::Years(500_000),
];

/// The least space, in points, between two labelled ticks: wide enough for "30 Nov 2015".
pub const MIN_LABEL_SPACING: f64 = 96.0;

/// At most this many ticks are produced for one axis.
const MAX_TICKS: usize = 2000;

impl TickUnit {
    /// The smallest gap between two ticks of this unit, in days.
    pub fn min_gap_days(self) -> f64 {
        match self {
            Self::Days(n) => f64::from(n),
            Self::Months(1) => 28.0,
            Self::Months(n) => f64::from(n) * 30.0 - 2.0,
            Self::Years(n) => f64::from(n) * 365.0,
        }
    }

    /// The unit whose [`TickUnit::min_gap_days`] is `gap` (the plot hands this back as a mark's step size).
    pub fn from_gap_days(gap: f64) -> Option<Self> {
        UNITS
            .into_iter()
            .find(|u| (u.min_gap_days() - gap).abs() < 1e-6)
    }

    /// The label of a tick at the start of `date`.
    pub fn label(self, date: NaiveDate) -> String {
        let month = &month_name(date.month() as u8)[..3];
        match self {
            Self::Days(_) if date.month() == 1 && date.day() == 1 => {
                format!("1 Jan {}", year_words(date.year()))
            }
            Self::Days(_) => format!("{} {month}", date.day()),
            Self::Months(_) => format!("{month} {}", year_words(date.year())),
            Self::Years(n) if (n == 10 || n == 20) && date.year() > 0 => {
                format!("{}s", date.year())
            }
            Self::Years(_) => year_words(date.year()),
        }
    }
}

/// The finest unit whose labels are at least `min_spacing` points apart at `points_per_day`.
pub fn choose_unit(points_per_day: f64, min_spacing: f64) -> TickUnit {
    UNITS
        .into_iter()
        .find(|u| u.min_gap_days() * points_per_day >= min_spacing)
        .unwrap_or(TickUnit::Years(500_000))
}

/// One tick of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where it is, in days since 1970-01-01 (the start of the day, month or year).
    pub days: f64,
    /// Its label.
    pub label: String,
}

/// The ticks of `unit` within `[start_days, end_days]`.
pub fn ticks(start_days: f64, end_days: f64, unit: TickUnit) -> Vec<Tick> {
    let mut out = Vec::new();
    if !(start_days.is_finite() && end_days.is_finite()) || end_days < start_days {
        return out;
    }
    let first = date_from_days(start_days.floor() as i64);
    let last_days = end_days.ceil() as i64;
    let mut push = |date: NaiveDate| {
        let days = days_from_epoch(date);
        if (days as f64) >= start_days && days <= last_days {
            out.push(Tick {
                days: days as f64,
                label: unit.label(date),
            });
        }
    };
    match unit {
        TickUnit::Years(n) => {
            let n = n as i32;
            let mut year = first.year().div_euclid(n) * n;
            for _ in 0..MAX_TICKS {
                let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                    break;
                };
                if days_from_epoch(date) > last_days {
                    break;
                }
                push(date);
                year += n;
            }
        }
        TickUnit::Months(n) => {
            let n = n as i32;
            let mut index = (first.year() * 12 + first.month0() as i32).div_euclid(n) * n;
            for _ in 0..MAX_TICKS {
                let Some(date) = NaiveDate::from_ymd_opt(
                    index.div_euclid(12),
                    index.rem_euclid(12) as u32 + 1,
                    1,
                ) else {
                    break;
                };
                if days_from_epoch(date) > last_days {
                    break;
                }
                push(date);
                index += n;
            }
        }
        TickUnit::Days(n) => {
            let mut date = first;
            for _ in 0..MAX_TICKS * n as usize {
                if days_from_epoch(date) > last_days {
                    break;
                }
                let month_len = days_in_month(date);
                let day = date.day();
                if (day - 1).is_multiple_of(n) && month_len - day + 1 >= n {
                    push(date);
                }
                let Some(next) = date.succ_opt() else { break };
                date = next;
            }
        }
    }
    out
}

fn days_in_month(date: NaiveDate) -> u32 {
    let (y, m) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .map_or(31, |d| d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> f64 {
        days_from_epoch(NaiveDate::from_ymd_opt(y, m, d).unwrap()) as f64
    }

    /// Ticks for a view of `span_days` ending around 2020, `width` points wide.
    fn view(span_days: f64, width: f64) -> (TickUnit, Vec<Tick>, f64) {
        let ppd = width / span_days;
        let unit = choose_unit(ppd, MIN_LABEL_SPACING);
        let end = day(2020, 6, 15);
        (unit, ticks(end - span_days, end, unit), ppd)
    }

    #[test]
    fn every_zoom_level_gets_the_right_unit_and_labels() {
        let cases: [(f64, TickUnit, &str); 7] = [
            (365.25 * 300.0, TickUnit::Years(50), "1750"),
            (365.25 * 60.0, TickUnit::Years(10), "1970s"),
            (365.25 * 8.0, TickUnit::Years(1), "2015"),
            (365.25, TickUnit::Months(3), "Oct 2019"),
            (120.0, TickUnit::Months(1), "Apr 2020"),
            (30.0, TickUnit::Days(5), "21 May"),
            (2.0, TickUnit::Days(1), "14 Jun"),
        ];
        for (span, unit, label) in cases {
            let (chosen, ticks, _) = view(span, 1000.0);
            assert_eq!(chosen, unit, "span {span}");
            assert!(
                ticks.iter().any(|t| t.label == label),
                "{label} not in {ticks:?}"
            );
            assert!(!ticks.is_empty());
        }
    }

    #[test]
    fn labels_never_overlap_at_any_zoom() {
        let mut span = 0.1;
        // Out to the widest view, which holds everything the model can date.
        while span < crate::view::mapping::MAX_SPAN_DAYS * 1.37 {
            for width in [300.0, 800.0, 1920.0] {
                let (_, ticks, ppd) = view(span, width);
                for pair in ticks.windows(2) {
                    let gap = (pair[1].days - pair[0].days) * ppd;
                    assert!(
                        gap >= MIN_LABEL_SPACING - 1e-6,
                        "span {span}: {pair:?} only {gap} pt apart"
                    );
                }
                assert!(ticks.len() as f64 <= width / MIN_LABEL_SPACING + 2.0);
            }
            span *= 1.37;
        }
    }

    #[test]
    fn ticks_fall_on_calendar_boundaries() {
        let t = ticks(day(2015, 1, 10), day(2015, 12, 31), TickUnit::Months(3));
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Apr 2015", "Jul 2015", "Oct 2015"]);
        assert_eq!(t[0].days, day(2015, 4, 1));
        let d = ticks(day(2015, 1, 28), day(2015, 2, 3), TickUnit::Days(1));
        assert!(d.iter().any(|t| t.label == "1 Feb"));
        let n = ticks(day(2015, 12, 25), day(2016, 1, 5), TickUnit::Days(5));
        assert!(n.iter().any(|t| t.label == "1 Jan 2016"));
    }

    #[test]
    fn negative_years_and_units_round_trip() {
        let t = ticks(day(-100, 1, 1), day(100, 1, 1), TickUnit::Years(50));
        assert!(t.iter().any(|t| t.label == "51 BCE"), "{t:?}");
        for unit in UNITS {
            assert_eq!(TickUnit::from_gap_days(unit.min_gap_days()), Some(unit));
        }
    }

    #[test]
    fn bad_ranges_give_no_ticks() {
        assert!(ticks(f64::NAN, 1.0, TickUnit::Years(1)).is_empty());
        assert!(ticks(10.0, 1.0, TickUnit::Years(1)).is_empty());
    }
}
