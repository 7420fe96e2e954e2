//! The calendar-aware time axis: ticks on decade, year, month or day boundaries, chosen for the zoom level
//! so labels never overlap. Pure; the plot's grid spacer and label formatter call into it.

use chrono::{Datelike, NaiveDate};

use super::scale::Scale;
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
                format!("1 Jan {}", axis_year(date.year()))
            }
            Self::Days(_) => format!("{} {month}", date.day()),
            Self::Months(_) => format!("{month} {}", axis_year(date.year())),
            Self::Years(n) if (n == 10 || n == 20) && date.year() >= 100 => {
                format!("{}s", date.year())
            }
            Self::Years(_) => axis_year(date.year()),
        }
    }

    /// The first year at or after the astronomical `year` that has a tick of this unit (years only).
    ///
    /// Ticks fall on years a historian counts in: multiples of `n` in each era (500 BCE, 1000 BCE; 500,
    /// 1000), and the first year of the common era, 1 CE, between them. There is no year 0, so a tick on
    /// the astronomical year 0 (1 BCE) would read as an odd number beside round ones.
    fn year_tick_from(self, year: i32) -> i32 {
        let n = match self {
            Self::Years(n) => i32::try_from(n).unwrap_or(i32::MAX),
            Self::Days(_) | Self::Months(_) => 1,
        };
        if year >= 1 {
            // The common era: multiples of n, from n on (1 CE itself is always a tick).
            return if year == 1 {
                1
            } else {
                (year.saturating_add(n - 1) / n).saturating_mul(n)
            };
        }
        // Before the common era, counted back from 1 BCE (the astronomical year 0): the largest multiple
        // of n years BCE not before `year`, or 1 CE when there is none.
        let bce = 1 - i64::from(year);
        let round = bce / i64::from(n) * i64::from(n);
        if round >= 1 {
            i32::try_from(1 - round).unwrap_or(1)
        } else {
            1
        }
    }
}

/// A year as the axis writes it: BCE years with their era, and 1 CE with its own, since it stands beside
/// BCE years; other years of the common era as plain numbers.
fn axis_year(year: i32) -> String {
    if year == 1 {
        "1 CE".to_owned()
    } else {
        year_words(year)
    }
}

/// The years a view shows, when its tick labels do not say them (days are labelled "16 Jun"), or when it
/// shows no tick at all: "2021", "2021–2022", "45 BCE", "1 BCE – 1 CE". `None` when every label carries
/// its year.
pub fn context_label(start_days: f64, end_days: f64, unit: TickUnit) -> Option<String> {
    if !(start_days.is_finite() && end_days.is_finite()) || end_days < start_days {
        return None;
    }
    if !matches!(unit, TickUnit::Days(_)) && !ticks(start_days, end_days, unit).is_empty() {
        return None;
    }
    let first = date_from_days(start_days.floor() as i64).year();
    // The view's right edge is the start of the day after the last one shown.
    let last = date_from_days((end_days.ceil() as i64 - 1).max(start_days.floor() as i64)).year();
    Some(if first == last {
        year_words(first)
    } else if first <= 0 && last >= 1 {
        format!("{} – {} CE", year_words(first), last)
    } else {
        format!("{}–{}", year_words(first), year_words(last))
    })
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

/// The ticks of `unit` within the view range `[start, end]` (in view days) under `scale`: the calendar's
/// ticks in each part drawn at the normal scale, none inside a break, and none closer than `min_gap` view
/// days to the one before it (two parts meet across a break). Each tick's `days` is where it is drawn, in
/// view days; its label names the time there.
pub fn scaled_ticks(
    scale: &Scale,
    start: f64,
    end: f64,
    unit: TickUnit,
    min_gap: f64,
) -> Vec<Tick> {
    if scale.is_linear() {
        return ticks(start, end, unit);
    }
    let mut out: Vec<Tick> = Vec::new();
    for (a, b) in scale.linear_parts(start, end) {
        let (days_a, days_b) = scale.span_to_days((a, b));
        for mut tick in ticks(days_a, days_b, unit) {
            tick.days = scale.to_view(tick.days);
            if out
                .last()
                .is_none_or(|last| tick.days - last.days >= min_gap)
            {
                out.push(tick);
            }
        }
    }
    out
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
        TickUnit::Years(_) => {
            let mut year = unit.year_tick_from(first.year());
            for _ in 0..MAX_TICKS {
                let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                    break;
                };
                if days_from_epoch(date) > last_days {
                    break;
                }
                push(date);
                let Some(next) = year.checked_add(1) else {
                    break;
                };
                year = unit.year_tick_from(next);
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
        view_to(day(2020, 6, 15), span_days, width)
    }

    /// Ticks for a view of `span_days` ending at `end`, `width` points wide.
    fn view_to(end: f64, span_days: f64, width: f64) -> (TickUnit, Vec<Tick>, f64) {
        let ppd = width / span_days;
        let unit = choose_unit(ppd, MIN_LABEL_SPACING);
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
            for (width, end) in [300.0, 800.0, 1920.0]
                .into_iter()
                .flat_map(|w| [(w, day(2020, 6, 15)), (w, day(1, 1, 1) + span / 3.0)])
            {
                let (_, ticks, ppd) = view_to(end, span, width);
                for pair in ticks.windows(2) {
                    let gap = (pair[1].days - pair[0].days) * ppd;
                    // 1 CE stands a year short of a round unit from the next tick ("1 CE", "500"):
                    // there the labels, not the unit, must keep apart.
                    let least = if pair[0].label == "1 CE" {
                        (pair[0].label.len() + pair[1].label.len()) as f64 * 7.0 / 2.0 + 8.0
                    } else {
                        MIN_LABEL_SPACING - 1e-6
                    };
                    assert!(gap >= least, "span {span}: {pair:?} only {gap} pt apart");
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

    fn labels(t: &[Tick]) -> Vec<&str> {
        t.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn ticks_across_the_era_boundary_fall_on_years_a_historian_counts() {
        // There is no year 0: 500 BCE, then 1 CE, then 500.
        let t = ticks(day(-1100, 1, 1), day(1100, 1, 1), TickUnit::Years(500));
        assert_eq!(
            labels(&t),
            ["1000 BCE", "500 BCE", "1 CE", "500", "1000"],
            "{t:?}"
        );
        // 500 BCE is the astronomical year -499, and 1 CE begins on its first day.
        assert_eq!(t[1].days, day(-499, 1, 1));
        assert_eq!(t[2].days, day(1, 1, 1));
        let t = ticks(day(-100, 1, 1), day(100, 1, 1), TickUnit::Years(50));
        assert_eq!(labels(&t), ["100 BCE", "50 BCE", "1 CE", "50", "100"]);
        let t = ticks(day(-3, 1, 1), day(3, 1, 1), TickUnit::Years(1));
        assert_eq!(
            labels(&t),
            ["4 BCE", "3 BCE", "2 BCE", "1 BCE", "1 CE", "2", "3"]
        );
        // Far from the boundary, nothing changes: round years in each era.
        let t = ticks(day(1940, 1, 1), day(2000, 1, 1), TickUnit::Years(20));
        assert_eq!(labels(&t), ["1940s", "1960s", "1980s", "2000s"]);
        let t = ticks(day(-2100, 1, 1), day(-999, 6, 1), TickUnit::Years(500));
        assert_eq!(labels(&t), ["2000 BCE", "1500 BCE", "1000 BCE"]);
    }

    #[test]
    fn the_year_is_said_at_every_zoom() {
        // Days read "16 Jun": a context line gives the year, and the era before the common era.
        let unit = TickUnit::Days(5);
        assert_eq!(
            context_label(day(2021, 6, 14), day(2021, 6, 30), unit).as_deref(),
            Some("2021")
        );
        assert_eq!(
            context_label(day(2021, 12, 20), day(2022, 1, 10), unit).as_deref(),
            Some("2021–2022")
        );
        assert_eq!(
            context_label(day(-44, 3, 1), day(-44, 3, 20), unit).as_deref(),
            Some("45 BCE")
        );
        assert_eq!(
            context_label(day(0, 12, 20), day(1, 1, 10), unit).as_deref(),
            Some("1 BCE – 1 CE")
        );
        // The view's right edge is the start of the next day: a view ending at midnight on 1 January
        // shows nothing of the new year.
        assert_eq!(
            context_label(day(2021, 12, 1), day(2022, 1, 1), unit).as_deref(),
            Some("2021")
        );
        // Months and years carry their year in every label, so no context line is needed while a tick
        // shows; when none does, it is there.
        assert_eq!(
            context_label(day(2019, 1, 1), day(2020, 6, 1), TickUnit::Months(3)),
            None
        );
        assert_eq!(
            context_label(day(2019, 2, 1), day(2019, 2, 20), TickUnit::Months(3)).as_deref(),
            Some("2019")
        );
        // At every zoom from two hours to the widest view, a tick label or the context line names a year.
        let mut span = crate::view::mapping::MIN_SPAN_DAYS;
        while span < crate::view::mapping::MAX_SPAN_DAYS {
            let (unit, ticks, _) = view(span, 1000.0);
            let end = day(2020, 6, 15);
            let named = context_label(end - span, end, unit).is_some()
                || ticks.iter().any(|t| {
                    t.label.chars().any(|c| c.is_ascii_digit())
                        && !matches!(unit, TickUnit::Days(_))
                });
            assert!(named, "span {span}: {ticks:?}");
            span *= 1.9;
        }
    }

    #[test]
    fn negative_years_and_units_round_trip() {
        for unit in UNITS {
            assert_eq!(TickUnit::from_gap_days(unit.min_gap_days()), Some(unit));
        }
    }

    #[test]
    fn bad_ranges_give_no_ticks() {
        assert!(ticks(f64::NAN, 1.0, TickUnit::Years(1)).is_empty());
        assert!(ticks(10.0, 1.0, TickUnit::Years(1)).is_empty());
    }

    #[test]
    fn under_a_story_scale_ticks_skip_the_break_and_name_real_times() {
        let spans: Vec<(f64, f64)> = [1974, 2000, 2004, 2015, 2020, 2026]
            .into_iter()
            .map(|y| (day(y, 1, 1), day(y, 12, 31) + 1.0))
            .collect();
        let scale = Scale::story(spans);
        let b = scale.breaks().next().expect("a break");
        let (start, end) = (
            scale.to_view(day(1970, 1, 1)),
            scale.to_view(day(2030, 1, 1)),
        );
        let width = 1000.0;
        let ppd = width / (end - start);
        let unit = choose_unit(ppd, MIN_LABEL_SPACING);
        let min_gap = MIN_LABEL_SPACING / ppd;
        let ticks = scaled_ticks(&scale, start, end, unit, min_gap);
        assert!(ticks.len() >= 3, "{ticks:?}");
        for t in &ticks {
            // None inside the break, and each says the time where it is drawn.
            assert!(t.days <= b.view.0 || t.days >= b.view.1, "{t:?} in {b:?}");
            let real = scale.to_days(t.days);
            let date = date_from_days(real.round() as i64);
            assert_eq!(t.label, unit.label(date));
        }
        for w in ticks.windows(2) {
            assert!(w[1].days - w[0].days >= min_gap - 1e-9, "{w:?}");
        }
        // Labels on both sides of the break.
        assert!(ticks.iter().any(|t| t.days < b.view.0) && ticks.iter().any(|t| t.days > b.view.1));
        // The linear scale gives the plain ticks.
        assert_eq!(
            scaled_ticks(&Scale::linear(), start, end, unit, min_gap),
            super::ticks(start, end, unit)
        );
    }
}
