//! The calendar-aware time axis: ticks on day, month, year or round-year boundaries, chosen for the zoom
//! level so labels never overlap, from a single day to the age of the universe. Pure; the plot's grid
//! spacer and label formatter call into it.
//!
//! Years are counted as a historian counts them (round years in each era: 500 BCE, 1 CE, 500) and, deep in
//! the past, as a reader of deep time expects: "10,000 BCE", "300,000 BCE", then "66 million years ago"
//! and "13.8 billion years ago" once the ticks are at least [`YEARS_AGO_FROM`] years apart.

use super::scale::Scale;
use crate::model::Day;
use crate::model::date::{PRESENT_YEAR, grouped, month_name, year_words};
use crate::model::day::days_in_month;

/// The gap between ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    /// Every `n` calendar days (on days 1, 1 + n, … of each month).
    Days(u32),
    /// Every `n` months (on months 1, 1 + n, … of each year).
    Months(u32),
    /// Every `n` years (on years divisible by `n`).
    Years(u64),
}

/// Units from finest to coarsest: days, months, then 1, 2 and 5 times each power of ten years up to 50
/// billion, beyond the widest view.
pub const UNITS: [TickUnit; UNIT_COUNT] = [
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
    TickUnit::Years(1_000),
    TickUnit::Years(2_000),
    TickUnit::Years(5_000),
    TickUnit::Years(10_000),
    TickUnit::Years(20_000),
    TickUnit::Years(50_000),
    TickUnit::Years(100_000),
    TickUnit::Years(200_000),
    TickUnit::Years(500_000),
    TickUnit::Years(1_000_000),
    TickUnit::Years(2_000_000),
    TickUnit::Years(5_000_000),
    TickUnit::Years(10_000_000),
    TickUnit::Years(20_000_000),
    TickUnit::Years(50_000_000),
    TickUnit::Years(100_000_000),
    TickUnit::Years(200_000_000),
    TickUnit::Years(500_000_000),
    TickUnit::Years(1_000_000_000),
    TickUnit::Years(2_000_000_000),
    TickUnit::Years(5_000_000_000),
    TickUnit::Years(10_000_000_000),
    TickUnit::Years(20_000_000_000),
    TickUnit::Years(50_000_000_000),
];

/// How many units there are.
const UNIT_COUNT: usize = 40;

/// The least space, in points, between two labelled ticks: wide enough for "30 Nov 2015".
pub const MIN_LABEL_SPACING: f64 = 96.0;

/// The space a label's character takes, in points, with its share of the gap to the next label (from
/// [`MIN_LABEL_SPACING`] for the 11 characters of "30 Nov 2015").
const POINTS_PER_LABEL_CHAR: f64 = MIN_LABEL_SPACING / 11.0;

/// The least gap between ticks, in years, at which ticks a million years or more back are labelled in
/// years ago ("66 million years ago") rather than as years before the common era ("1,500,000 BCE"):
/// from there the years between the common era and now are a small part of a step.
pub const YEARS_AGO_FROM: u64 = 100_000;

/// At most this many ticks are produced for one axis.
const MAX_TICKS: usize = 2000;

impl TickUnit {
    /// The smallest gap between two ticks of this unit, in days.
    pub fn min_gap_days(self) -> f64 {
        match self {
            Self::Days(n) => f64::from(n),
            Self::Months(1) => 28.0,
            Self::Months(n) => f64::from(n) * 30.0 - 2.0,
            Self::Years(n) => n as f64 * 365.0,
        }
    }

    /// The unit whose [`TickUnit::min_gap_days`] is `gap` (the plot hands this back as a mark's step size).
    pub fn from_gap_days(gap: f64) -> Option<Self> {
        UNITS
            .into_iter()
            .find(|u| (u.min_gap_days() - gap).abs() <= 1e-9 * u.min_gap_days().max(1.0))
    }

    /// The label of a tick at the start of `day`.
    pub fn label(self, day: Day) -> String {
        let (year, month_number, date) = day.ymd();
        let month = &month_name(month_number)[..3];
        match self {
            Self::Days(_) if month_number == 1 && date == 1 => {
                format!("1 Jan {}", axis_year(year))
            }
            Self::Days(_) => format!("{date} {month}"),
            Self::Months(_) => format!("{month} {}", axis_year(year)),
            Self::Years(n) if (n == 10 || n == 20) && (100..10_000).contains(&year) => {
                format!("{year}s")
            }
            Self::Years(n) => deep_year(year, n).unwrap_or_else(|| axis_year(year)),
        }
    }

    /// The first year at or after the astronomical `year` that has a tick of this unit (years only).
    ///
    /// Ticks fall on years a historian counts in: multiples of `n` in each era (500 BCE, 1000 BCE; 500,
    /// 1000), and the first year of the common era, 1 CE, between them. There is no year 0, so a tick on
    /// the astronomical year 0 (1 BCE) would read as an odd number beside round ones.
    fn year_tick_from(self, year: i64) -> i64 {
        let n = match self {
            Self::Years(n) => i64::try_from(n).unwrap_or(i64::MAX),
            Self::Days(_) | Self::Months(_) => 1,
        };
        // 1 CE is a tick between the eras, except at the scale of deep time, where it would stand out
        // as a date among round counts of years ago.
        let first_ce = if n >= YEARS_AGO_FROM as i64 { n } else { 1 };
        if year >= 1 {
            // The common era: multiples of n, from n on.
            return if year == 1 {
                first_ce
            } else {
                year.saturating_add(n - 1) / n * n
            };
        }
        // Before the common era, counted back from 1 BCE (the astronomical year 0): the largest multiple
        // of n years BCE not before `year`, or the first tick of the common era when there is none.
        let bce = 1 - year;
        let round = bce / n * n;
        if round >= 1 { 1 - round } else { first_ce }
    }
}

/// A year as the axis writes it: BCE years with their era, and 1 CE with its own, since it stands beside
/// BCE years; other years of the common era as plain numbers.
fn axis_year(year: i64) -> String {
    if year == 1 {
        "1 CE".to_owned()
    } else if year <= 0 && 1 - year >= 1_000_000 {
        // Deep in the past at fine ticks: every year written out, so neighbours differ.
        format!("{} BCE", grouped(1 - i128::from(year)))
    } else {
        year_words(year)
    }
}

/// A tick deep in the past, `n` years from the next, in years ago: "66 million years ago", "13.801
/// billion years ago", with as many decimals as it takes to tell neighbours apart. `None` nearer than a
/// million years, or for ticks closer than [`YEARS_AGO_FROM`].
fn deep_year(year: i64, n: u64) -> Option<String> {
    let ago = i128::from(PRESENT_YEAR) - i128::from(year);
    if n < YEARS_AGO_FROM || ago < 1_000_000 {
        return None;
    }
    let (unit, name) = if ago >= 1_000_000_000 {
        (1e9, "billion")
    } else {
        (1e6, "million")
    };
    let decimals = (unit / n as f64).log10().ceil().max(0.0) as usize;
    let text = format!("{:.decimals$}", ago as f64 / unit);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    Some(format!("{text} {name} years ago"))
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
    let first = Day::containing(start_days).year();
    // The view's right edge is the start of the day after the last one shown.
    let last = Day::containing(end_days.ceil() - 1.0)
        .max(Day::containing(start_days))
        .year();
    Some(if first == last {
        year_words(first)
    } else if first <= 0 && last >= 1 {
        format!("{} – {} CE", year_words(first), last)
    } else {
        format!("{}–{}", year_words(first), year_words(last))
    })
}

/// The finest unit whose labels keep apart at `points_per_day` over the view `[start_days, end_days]`:
/// at least `min_spacing` points between ticks, and more for long labels ("13.8 billion years ago").
pub fn choose_unit(
    points_per_day: f64,
    min_spacing: f64,
    start_days: f64,
    end_days: f64,
) -> TickUnit {
    let ends = [Day::containing(start_days), Day::containing(end_days)];
    UNITS
        .into_iter()
        .find(|u| {
            let gap = u.min_gap_days() * points_per_day;
            gap >= min_spacing && gap >= label_room(*u, &ends)
        })
        .unwrap_or(UNITS[UNIT_COUNT - 1])
}

/// The room the longest label of `unit` near `ends` takes, in points: the labels at the ends and at the
/// starts of their years (where days are labelled with the year: "1 Jan 65,998,051 BCE").
fn label_room(unit: TickUnit, ends: &[Day]) -> f64 {
    let chars = ends
        .iter()
        .flat_map(|&d| [d, Day::year_start(d.year())])
        .map(|d| unit.label(d).chars().count())
        .max()
        .unwrap_or(0);
    chars as f64 * POINTS_PER_LABEL_CHAR
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
    let first = Day::containing(start_days);
    let last = Day::containing(end_days.ceil());
    let mut push = |day: Day| {
        if day.days() >= start_days && day <= last {
            out.push(Tick {
                days: day.days(),
                label: unit.label(day),
            });
        }
    };
    match unit {
        TickUnit::Years(_) => {
            let mut year = unit.year_tick_from(first.year());
            for _ in 0..MAX_TICKS {
                let day = Day::year_start(year);
                if day > last {
                    break;
                }
                push(day);
                year = unit.year_tick_from(year + 1);
            }
        }
        TickUnit::Months(n) => {
            let n = i64::from(n);
            let (year, month, _) = first.ymd();
            let mut index = (year * 12 + i64::from(month) - 1).div_euclid(n) * n;
            for _ in 0..MAX_TICKS {
                let day = Day::from_ymd(index.div_euclid(12), index.rem_euclid(12) as u8 + 1, 1);
                if day > last {
                    break;
                }
                push(day);
                index += n;
            }
        }
        TickUnit::Days(n) => {
            let mut day = first;
            for _ in 0..MAX_TICKS * n as usize {
                if day > last {
                    break;
                }
                let (year, month, date) = day.ymd();
                let month_len = u32::from(days_in_month(year, month));
                let date = u32::from(date);
                if (date - 1).is_multiple_of(n) && month_len - date + 1 >= n {
                    push(day);
                }
                day = day.next();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u8, d: u8) -> f64 {
        Day::from_ymd(y, m, d).days()
    }

    /// Ticks for a view of `span_days` ending around 2020, `width` points wide.
    fn view(span_days: f64, width: f64) -> (TickUnit, Vec<Tick>, f64) {
        view_to(day(2020, 6, 15), span_days, width)
    }

    /// Ticks for a view of `span_days` ending at `end`, `width` points wide.
    fn view_to(end: f64, span_days: f64, width: f64) -> (TickUnit, Vec<Tick>, f64) {
        let ppd = width / span_days;
        let unit = choose_unit(ppd, MIN_LABEL_SPACING, end - span_days, end);
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
            let big_bang = Day::year_start(-13_800_000_000).days();
            for (width, end) in [300.0, 800.0, 1920.0].into_iter().flat_map(|w| {
                [
                    (w, day(2020, 6, 15)),
                    (w, day(1, 1, 1) + span / 3.0),
                    (w, big_bang + span / 3.0),
                    (w, day(-65_998_050, 1, 1) + span / 2.0),
                ]
            }) {
                let (_, ticks, ppd) = view_to(end, span, width);
                for pair in ticks.windows(2) {
                    let gap = (pair[1].days - pair[0].days) * ppd;
                    // 1 CE stands a year short of a round unit from the next tick ("1 CE", "500"):
                    // there the labels, not the unit, must keep apart.
                    let least = if pair[0].label == "1 CE" {
                        (pair[0].label.len() + pair[1].label.len()) as f64 * 7.0 / 2.0 + 8.0
                    } else {
                        // Long labels ("13.801 billion years ago") keep their own room.
                        let chars = pair[0]
                            .label
                            .chars()
                            .count()
                            .max(pair[1].label.chars().count());
                        (MIN_LABEL_SPACING - 1e-6).max(chars as f64 * POINTS_PER_LABEL_CHAR * 0.9)
                    };
                    assert!(gap >= least, "span {span}: {pair:?} only {gap} pt apart");
                }
                assert!(ticks.len() as f64 <= width / MIN_LABEL_SPACING + 2.0);
            }
            span *= 1.37;
        }
    }

    #[test]
    fn deep_time_is_labelled_as_a_reader_expects_at_every_scale() {
        let now = day(2026, 1, 1);
        let years = |n: f64| n * 365.2425;
        let at = |end: f64, span: f64| {
            let (unit, ticks, _) = view_to(end, span, 1000.0);
            (unit, ticks.into_iter().map(|t| t.label).collect::<Vec<_>>())
        };
        // The age of the universe.
        let (_, labels) = at(now, years(14.5e9));
        assert!(
            labels.contains(&"10 billion years ago".to_owned()),
            "{labels:?}"
        );
        assert!(!labels.contains(&"1 CE".to_owned()), "{labels:?}");
        assert!(
            labels
                .iter()
                .all(|l| l.ends_with("years ago") || !l.contains("billion"))
        );
        // Around the Big Bang, finer: decimals enough to tell neighbours apart.
        let big_bang = Day::year_start(-13_800_000_000).days();
        let (_, labels) = at(big_bang + years(5e7), years(1e8));
        assert!(
            labels.contains(&"13.8 billion years ago".to_owned()),
            "{labels:?}"
        );
        assert!(
            labels.contains(&"13.85 billion years ago".to_owned()),
            "{labels:?}"
        );
        let (_, labels) = at(big_bang + years(5e6), years(1e7));
        assert!(
            labels.contains(&"13.805 billion years ago".to_owned()),
            "{labels:?}"
        );
        // The dinosaurs' end.
        let k_pg = day(-65_998_050, 1, 1);
        let (_, labels) = at(k_pg + years(2e7), years(6e7));
        assert!(
            labels.contains(&"60 million years ago".to_owned()),
            "{labels:?}"
        );
        // Prehistory: years before the common era, with separators.
        let (_, labels) = at(day(-7_999, 1, 1), years(20_000.0));
        assert!(labels.contains(&"10,000 BCE".to_owned()), "{labels:?}");
        // A million years back at fine ticks: every year written out, not rounded to millions.
        let (unit, labels) = at(day(-1_499_990, 1, 1), years(40.0));
        assert!(matches!(unit, TickUnit::Years(5 | 10)), "{unit:?}");
        assert!(labels.contains(&"1,500,000 BCE".to_owned()), "{labels:?}");
        // Then ordinary years, months and days, in the same timeline.
        let (_, labels) = at(day(1969, 12, 31), years(60.0));
        assert!(labels.contains(&"1950s".to_owned()), "{labels:?}");
        let (_, labels) = at(day(1969, 7, 25), 10.0);
        assert!(labels.contains(&"20 Jul".to_owned()), "{labels:?}");
        // Neighbouring labels always differ.
        let mut span = crate::view::mapping::MIN_SPAN_DAYS;
        while span < crate::view::mapping::MAX_SPAN_DAYS {
            for end in [now, big_bang + span / 2.0, k_pg + span / 2.0] {
                let (_, labels) = at(end, span);
                for w in labels.windows(2) {
                    assert_ne!(w[0], w[1], "span {span}");
                }
            }
            span *= 1.7;
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
        let unit = choose_unit(
            ppd,
            MIN_LABEL_SPACING,
            scale.to_days(start),
            scale.to_days(end),
        );
        let min_gap = MIN_LABEL_SPACING / ppd;
        let ticks = scaled_ticks(&scale, start, end, unit, min_gap);
        assert!(ticks.len() >= 3, "{ticks:?}");
        for t in &ticks {
            // None inside the break, and each says the time where it is drawn.
            assert!(t.days <= b.view.0 || t.days >= b.view.1, "{t:?} in {b:?}");
            let real = scale.to_days(t.days);
            assert_eq!(t.label, unit.label(Day::containing(real.round())));
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
