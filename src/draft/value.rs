//! TIMEX3 values: what a temporal expression means, written the way the `TimeML` guidelines write it
//! (`1974`, `2015-11-30`, `199` for the 1990s, `BC0499`, `2015-SP`, `P3Y`, `PRESENT_REF`), and the
//! arithmetic that anchors a relative expression ("two years later") to another date.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate};

use super::lexicon::{DayPart, Season, Unit};

/// How fine a calendar value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    /// A millennium.
    Millennium,
    /// A century (`18` is 1800–1899).
    Century,
    /// A decade (`199` is the 1990s).
    Decade,
    /// A year.
    Year,
    /// A season, quarter or half of a year.
    Part,
    /// A month.
    Month,
    /// A week.
    Week,
    /// A day.
    Day,
    /// A time of day.
    Time,
}

/// A stretch of a year shorter than the year: a season, a quarter or a half.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YearPart {
    /// A season.
    Season(Season),
    /// A quarter 1–4.
    Quarter(u8),
    /// A half 1–2.
    Half(u8),
}

/// A time of day: a clock reading or a part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Clock {
    /// Hours 0–23 and minutes.
    At(u8, u8),
    /// A part of the day.
    Part(DayPart),
}

/// A point or stretch of the calendar, as precise as it was written. Unknown fields are written `X`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Point {
    /// How fine it is.
    pub grain: Grain,
    /// The astronomical year (0 is 1 BC), when known. For a decade, century or millennium: unused.
    pub year: Option<i32>,
    /// For a decade, century or millennium: its number as TIMEX3 writes it (`199`, `18`, `1`).
    pub era_number: i32,
    /// For a decade, century or millennium: whether it is before the common era.
    pub bc: bool,
    /// The month 1–12.
    pub month: Option<u8>,
    /// The day of the month.
    pub day: Option<u8>,
    /// The ISO week 1–53.
    pub week: Option<u8>,
    /// A weekday 1–7 (Monday–Sunday) of an unknown week.
    pub weekday: Option<u8>,
    /// A season, quarter or half.
    pub part: Option<YearPart>,
    /// A time of day.
    pub clock: Option<Clock>,
}

impl Point {
    /// A value of the given grain with nothing known yet.
    pub fn empty(grain: Grain) -> Self {
        Self {
            grain,
            year: None,
            era_number: 0,
            bc: false,
            month: None,
            day: None,
            week: None,
            weekday: None,
            part: None,
            clock: None,
        }
    }

    /// A year.
    pub fn year(year: i32) -> Self {
        Self {
            year: Some(year),
            ..Self::empty(Grain::Year)
        }
    }

    /// A month of a year that may be unknown.
    pub fn month(year: Option<i32>, month: u8) -> Self {
        Self {
            year,
            month: Some(month),
            ..Self::empty(Grain::Month)
        }
    }

    /// A day.
    pub fn day(year: Option<i32>, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
            ..Self::empty(Grain::Day)
        }
    }

    /// A calendar day.
    pub fn from_date(date: NaiveDate) -> Self {
        Self::day(Some(date.year()), date.month() as u8, date.day() as u8)
    }

    /// A decade (`decade` is the first year / 10, e.g. 199), before the common era when `bc`.
    pub fn decade(decade: i32, bc: bool) -> Self {
        Self {
            era_number: decade,
            bc,
            ..Self::empty(Grain::Decade)
        }
    }

    /// A century: `index` is the TIMEX3 number (18 for the 19th century; 3 for the 4th century BC).
    pub fn century(index: i32, bc: bool) -> Self {
        Self {
            era_number: index,
            bc,
            ..Self::empty(Grain::Century)
        }
    }

    /// The calendar day, when year, month and day are known.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, u32::from(self.month?), u32::from(self.day?))
    }

    /// Whether the year (or the decade or century) is known.
    pub fn is_anchored(&self) -> bool {
        match self.grain {
            Grain::Millennium | Grain::Century | Grain::Decade => true,
            _ => self.year.is_some(),
        }
    }

    /// The same value cut to a coarser grain (a day to its month or year).
    #[must_use]
    pub fn truncate(&self, grain: Grain) -> Self {
        let mut p = *self;
        if grain >= p.grain {
            return p;
        }
        p.grain = grain;
        if grain < Grain::Time {
            p.clock = None;
        }
        if grain < Grain::Day {
            p.day = None;
            p.weekday = None;
        }
        if grain < Grain::Week {
            p.week = None;
        }
        if grain < Grain::Month {
            p.month = None;
        }
        if grain < Grain::Part {
            p.part = None;
        }
        if grain < Grain::Year
            && let Some(y) = p.year
        {
            // A year to its decade or century, in TIMEX3's numbering.
            let (bc, historical) = if y <= 0 { (true, 1 - y) } else { (false, y) };
            p.bc = bc;
            p.era_number = match grain {
                Grain::Decade => historical / 10,
                Grain::Century => historical / 100,
                _ => historical / 1000,
            };
            p.year = None;
        }
        p
    }

    /// The value `n` units later (earlier for negative `n`), at the unit's grain or the value's own, the
    /// coarser of the two. `None` when the value lacks what the arithmetic needs.
    pub fn shift(&self, unit: Unit, n: i32) -> Option<Self> {
        match unit {
            Unit::Minute | Unit::Hour => None,
            Unit::Day | Unit::Night => {
                let date = self.date()?;
                let moved = date.checked_add_signed(Duration::days(i64::from(n)))?;
                Some(Self::from_date(moved))
            }
            Unit::Week | Unit::Fortnight => {
                let weeks = if unit == Unit::Fortnight { 2 * n } else { n };
                let date = self.date()?;
                let moved = date.checked_add_signed(Duration::weeks(i64::from(weeks)))?;
                let iso = moved.iso_week();
                Some(Self {
                    year: Some(iso.year()),
                    week: Some(iso.week() as u8),
                    ..Self::empty(Grain::Week)
                })
            }
            Unit::Month | Unit::Quarter => {
                let months = if unit == Unit::Quarter { 3 * n } else { n };
                let year = self.year?;
                let month = self.month?;
                let index = year * 12 + i32::from(month) - 1 + months;
                Some(Self::month(
                    Some(index.div_euclid(12)),
                    (index.rem_euclid(12) + 1) as u8,
                ))
            }
            Unit::Year => match self.grain {
                Grain::Decade | Grain::Century | Grain::Millennium => None,
                _ => Some(Self::year(self.year?.checked_add(n)?)),
            },
            Unit::Decade | Unit::Century | Unit::Millennium => {
                let grain = match unit {
                    Unit::Decade => Grain::Decade,
                    Unit::Century => Grain::Century,
                    _ => Grain::Millennium,
                };
                let base = if self.grain <= grain {
                    *self
                } else {
                    self.truncate(grain)
                };
                if base.grain != grain {
                    return None;
                }
                // Later in time means a smaller number before the common era.
                let signed = if base.bc {
                    -base.era_number - 1
                } else {
                    base.era_number
                };
                let moved = signed + n;
                Some(if moved < 0 {
                    Self {
                        era_number: -moved - 1,
                        bc: true,
                        ..base
                    }
                } else {
                    Self {
                        era_number: moved,
                        bc: false,
                        ..base
                    }
                })
            }
        }
    }
}

impl fmt::Display for Point {
    /// Writes the TIMEX3 value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.grain {
            Grain::Millennium | Grain::Century | Grain::Decade => {
                let width = match self.grain {
                    Grain::Decade => 3,
                    Grain::Century => 2,
                    _ => 1,
                };
                let bc = if self.bc { "BC" } else { "" };
                return write!(f, "{bc}{:0width$}", self.era_number);
            }
            _ => {}
        }
        match self.year {
            Some(y) if y <= 0 => write!(f, "BC{:04}", 1 - i64::from(y))?,
            Some(y) => write!(f, "{y:04}")?,
            None => f.write_str("XXXX")?,
        }
        if self.grain == Grain::Year {
            return Ok(());
        }
        if let Some(part) = self.part {
            return match part {
                YearPart::Season(s) => write!(f, "-{}", s.code()),
                YearPart::Quarter(q) => write!(f, "-Q{q}"),
                YearPart::Half(h) => write!(f, "-H{h}"),
            };
        }
        if self.grain == Grain::Week || (self.weekday.is_some() && self.month.is_none()) {
            match self.week {
                Some(w) => write!(f, "-W{w:02}")?,
                None => f.write_str("-WXX")?,
            }
            if let Some(d) = self.weekday {
                write!(f, "-{d}")?;
            }
            return Ok(());
        }
        match self.month {
            Some(m) => write!(f, "-{m:02}")?,
            None => f.write_str("-XX")?,
        }
        if self.grain == Grain::Month {
            return Ok(());
        }
        match self.day {
            Some(d) => write!(f, "-{d:02}")?,
            None => f.write_str("-XX")?,
        }
        match self.clock {
            Some(Clock::At(h, m)) => write!(f, "T{h:02}:{m:02}"),
            Some(Clock::Part(p)) => write!(f, "T{}", p.code()),
            None => Ok(()),
        }
    }
}

/// The TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or stretch (`DATE`).
    Date,
    /// A time of day (`TIME`).
    Time,
    /// A length of time (`DURATION`).
    Duration,
    /// A repetition (`SET`).
    Set,
}

impl TimexType {
    /// The name TIMEX3 uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Duration => "DURATION",
            Self::Set => "SET",
        }
    }
}

/// What an expression means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// A calendar value.
    Point(Point),
    /// The present (`PRESENT_REF`): "now", "currently".
    Present,
    /// Some time in the past (`PAST_REF`): "recently", "the past".
    Past,
    /// Some time in the future (`FUTURE_REF`): "the future".
    Future,
    /// A length of time: how many units (unknown for "several years"), and the unit.
    Duration(Option<u32>, Unit),
    /// A repetition: every so many units, or every given weekday.
    Set(SetValue),
    /// A temporal expression whose value cannot be told from the text ("that period").
    Unknown,
}

/// What repeats in a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetValue {
    /// Every unit ("every year", "annually").
    Every(Unit),
    /// Every given weekday ("every Monday").
    Weekday(u8),
}

impl Value {
    /// The TIMEX3 type of an expression with this value.
    pub fn timex_type(&self) -> TimexType {
        match self {
            Self::Point(p) if p.clock.is_some() => TimexType::Time,
            Self::Duration(..) => TimexType::Duration,
            Self::Set(_) => TimexType::Set,
            _ => TimexType::Date,
        }
    }
}

impl fmt::Display for Value {
    /// Writes the TIMEX3 value (empty for [`Value::Unknown`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Point(p) => write!(f, "{p}"),
            Self::Present => f.write_str("PRESENT_REF"),
            Self::Past => f.write_str("PAST_REF"),
            Self::Future => f.write_str("FUTURE_REF"),
            Self::Duration(n, unit) => {
                let (code, per, time) = unit.duration_code();
                let t = if time { "T" } else { "" };
                match n {
                    Some(n) => write!(f, "P{t}{}{code}", n.saturating_mul(per)),
                    None => write!(f, "P{t}X{code}"),
                }
            }
            Self::Set(SetValue::Every(unit)) => {
                let (code, per, time) = unit.duration_code();
                let t = if time { "T" } else { "" };
                write!(f, "P{t}{per}{code}")
            }
            Self::Set(SetValue::Weekday(d)) => write!(f, "XXXX-WXX-{d}"),
            Self::Unknown => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_timex3_writes_them() {
        assert_eq!(Point::year(1974).to_string(), "1974");
        assert_eq!(Point::year(-498).to_string(), "BC0499");
        assert_eq!(Point::month(Some(2015), 11).to_string(), "2015-11");
        assert_eq!(Point::day(Some(2015), 11, 30).to_string(), "2015-11-30");
        assert_eq!(Point::day(None, 11, 30).to_string(), "XXXX-11-30");
        assert_eq!(Point::decade(199, false).to_string(), "199");
        assert_eq!(Point::decade(47, true).to_string(), "BC047");
        assert_eq!(Point::century(18, false).to_string(), "18");
        assert_eq!(Point::century(3, true).to_string(), "BC03");
        let spring = Point {
            year: Some(2015),
            part: Some(YearPart::Season(Season::Spring)),
            ..Point::empty(Grain::Part)
        };
        assert_eq!(spring.to_string(), "2015-SP");
        let night = Point {
            clock: Some(Clock::Part(DayPart::Night)),
            ..Point::day(Some(1775), 4, 18)
        };
        assert_eq!(night.to_string(), "1775-04-18TNI");
        assert_eq!(Value::Duration(Some(3), Unit::Year).to_string(), "P3Y");
        assert_eq!(Value::Duration(None, Unit::Day).to_string(), "PXD");
        assert_eq!(Value::Duration(Some(2), Unit::Hour).to_string(), "PT2H");
        assert_eq!(Value::Duration(Some(2), Unit::Decade).to_string(), "P20Y");
        assert_eq!(Value::Set(SetValue::Every(Unit::Year)).to_string(), "P1Y");
        assert_eq!(Value::Present.to_string(), "PRESENT_REF");
    }

    #[test]
    fn shifting_keeps_the_calendar_and_the_era_right() {
        let d = Point::day(Some(1940), 6, 10);
        assert_eq!(d.shift(Unit::Day, 12).unwrap().to_string(), "1940-06-22");
        assert_eq!(d.shift(Unit::Month, 7).unwrap().to_string(), "1941-01");
        assert_eq!(d.shift(Unit::Year, -1).unwrap().to_string(), "1939");
        // 445 BC plus 14 years is 431 BC.
        assert_eq!(
            Point::year(-444).shift(Unit::Year, 14).unwrap().to_string(),
            "BC0431"
        );
        // The decade after the 490s BC is the 480s BC.
        assert_eq!(
            Point::decade(49, true)
                .shift(Unit::Decade, 1)
                .unwrap()
                .to_string(),
            "BC048"
        );
        assert_eq!(
            Point::year(1995)
                .shift(Unit::Decade, -2)
                .unwrap()
                .to_string(),
            "197"
        );
        // A year has no day to count days from.
        assert!(Point::year(1940).shift(Unit::Day, 2).is_none());
    }
}
