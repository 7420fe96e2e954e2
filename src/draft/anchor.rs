//! Anchoring: turning what an expression says into a TIMEX3 value. Expressions that point from the time
//! of writing ("yesterday", "last year", "two years ago", "on Friday") are counted from the document's
//! date, in the direction the sentence's tense gives; expressions that point back into the text ("the
//! following year", "that day", a month without its year) are counted from the date last mentioned, as
//! a narrative is read. Without a date to count from, an expression keeps its unknown parts unknown.

use chrono::{Datelike, Duration, NaiveDate};

use super::find::{Found, Modifier, Sem};
use super::lexicon::{DayPart, Season, Unit};
use super::tense::Tense;
use super::value::{Clock, Grain, Point, TimexType, Value, YearPart};

/// What a value was counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// Nothing: the expression says its date in full ("30 November 2015"), or needs none.
    Absolute,
    /// The document's date ("yesterday", "last year").
    Document,
    /// The date last mentioned in the text ("the following year", "in March").
    Narrative,
    /// Nothing to count from: the value keeps unknown parts (`XXXX-03`), or is empty.
    Missing,
}

/// One temporal expression, found and anchored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mention {
    /// Its first byte in the text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value.
    pub value: Value,
    /// How it narrows or blurs its value.
    pub modifier: Modifier,
    /// What its value was counted from.
    pub anchor: Anchor,
    /// When it is one end of a range: the bytes of the whole range, and whether it is the end.
    pub range: Option<(usize, usize, bool)>,
}

/// Anchors what was found, in order. `tense_at` gives the tense of the sentence around a byte offset.
pub fn anchor(
    found: &[Found],
    document_date: Option<NaiveDate>,
    mut tense_at: impl FnMut(usize) -> Tense,
) -> Vec<Mention> {
    let mut out = Vec::with_capacity(found.len());
    let mut state = State {
        dct: document_date,
        last: None,
    };
    for f in found {
        let Some((value, anchor)) = state.resolve(f, &mut tense_at) else {
            continue;
        };
        // The date the narrative has reached: a range counts from its start; a date counted from the
        // time of writing moves it only in a text about its own days.
        let moves = match anchor {
            Anchor::Document => state.last.is_none(),
            _ => true,
        };
        let range_end = f.range.is_some_and(|(_, _, end)| end);
        if let Value::Point(p) = value
            && p.is_anchored()
            && p.grain >= Grain::Year
            && moves
            && !range_end
        {
            state.last = Some(p);
        }
        out.push(Mention {
            start: f.start as usize,
            end: f.end as usize,
            kind: value.timex_type(),
            value,
            modifier: f.modifier,
            anchor,
            range: f.range.map(|(s, e, end)| (s as usize, e as usize, end)),
        });
    }
    out
}

struct State {
    dct: Option<NaiveDate>,
    /// The date last mentioned, with its year known.
    last: Option<Point>,
}

impl State {
    /// Whether expressions without a year take it from the document's date (news: the text is about
    /// the days around its date) rather than from the date last mentioned (a narrative of the past).
    fn news(&self) -> bool {
        self.dct.is_some() && self.last.is_none()
    }

    fn resolve(
        &self,
        f: &Found,
        tense_at: &mut impl FnMut(usize) -> Tense,
    ) -> Option<(Value, Anchor)> {
        let start = f.start as usize;
        match f.sem {
            Sem::Fixed(v) => Some((v, Anchor::Absolute)),
            Sem::Cal(p) if p.is_anchored() => Some((Value::Point(p), Anchor::Absolute)),
            Sem::Cal(p) => {
                // Only a text about its own days needs the tense to place a month.
                let tense = if self.news() {
                    tense_at(start)
                } else {
                    Tense::Past
                };
                Some(self.complete(p, tense))
            }
            Sem::ErelessYear(n) => {
                let last = self.last?.year?;
                let n = i32::try_from(n).ok()?;
                if last <= 0 {
                    let historical = 1 - last;
                    ((historical - n).abs() <= 200)
                        .then(|| (Value::Point(Point::year(1 - n)), Anchor::Narrative))
                } else {
                    ((last - n).abs() <= 200)
                        .then(|| (Value::Point(Point::year(n)), Anchor::Narrative))
                }
            }
            Sem::ShortYear(n) => {
                let (base, anchor) = self.reference_year()?;
                let n = i32::try_from(n).ok()?;
                // The year ending in those digits nearest the reference.
                let century = base - base.rem_euclid(100);
                let year = [century - 100 + n, century + n, century + 100 + n]
                    .into_iter()
                    .min_by_key(|y| (y - base).abs())?;
                Some((Value::Point(Point::year(year)), anchor))
            }
            Sem::ShortDecade(n) => {
                let (base, anchor) = self.reference_year()?;
                let n = i32::try_from(n).ok()?;
                let century = base - base.rem_euclid(100);
                let mut year = century + n;
                if year > base + 10 {
                    year -= 100;
                }
                Some((Value::Point(Point::decade(year / 10, false)), anchor))
            }
            Sem::Deictic(unit, 0, part) if self.last.is_some() && unit != Unit::Year => {
                // "this day", "this month" in a narrative: the day or month it has reached.
                let base = self.last?;
                let p = at_unit(base, unit, 0).unwrap_or_else(|| unknown_at(base, unit));
                Some((Value::Point(with_part(p, part)), Anchor::Narrative))
            }
            Sem::Deictic(unit, n, part) => {
                let Some(dct) = self.dct else {
                    return Some((Value::Unknown, Anchor::Missing));
                };
                let p = at_unit(Point::from_date(dct), unit, n)?;
                Some((Value::Point(with_part(p, part)), Anchor::Document))
            }
            Sem::DeicticMonth(m, n) => {
                let Some(dct) = self.dct else {
                    return Some((Value::Point(Point::month(None, m)), Anchor::Missing));
                };
                let current = dct.month() as u8;
                let year = match n.signum() {
                    -1 if m < current => dct.year(),
                    -1 => dct.year() - 1,
                    1 if m > current => dct.year(),
                    1 => dct.year() + 1,
                    _ => dct.year(),
                };
                Some((Value::Point(Point::month(Some(year), m)), Anchor::Document))
            }
            Sem::DeicticSeason(s, n, true) => {
                let base = self.last.and_then(|p| p.year);
                let season = Point {
                    part: Some(YearPart::Season(s)),
                    year: base.map(|y| y + n),
                    ..Point::empty(Grain::Part)
                };
                let anchor = if base.is_some() {
                    Anchor::Narrative
                } else {
                    Anchor::Missing
                };
                Some((Value::Point(season), anchor))
            }
            Sem::DeicticSeason(s, n, false) => {
                let season = Point {
                    part: Some(YearPart::Season(s)),
                    ..Point::empty(Grain::Part)
                };
                let Some(dct) = self.dct else {
                    return Some((Value::Point(season), Anchor::Missing));
                };
                let (first, last) = s.months();
                let month = dct.month() as u8;
                let year = match n.signum() {
                    -1 if s != Season::Winter && last < month => dct.year(),
                    -1 => dct.year() - 1,
                    1 if first > month => dct.year(),
                    1 => dct.year() + 1,
                    _ => dct.year(),
                };
                Some((
                    Value::Point(Point {
                        year: Some(year),
                        ..season
                    }),
                    Anchor::Document,
                ))
            }
            Sem::Anaphoric(unit, n, part) => {
                let (base, anchor) = match (self.last, self.dct) {
                    (Some(p), _) => (p, Anchor::Narrative),
                    (None, Some(d)) => (Point::from_date(d), Anchor::Document),
                    (None, None) => return Some((Value::Unknown, Anchor::Missing)),
                };
                let p = match at_unit(base, unit, n) {
                    Some(p) => p,
                    None => unknown_at(base, unit),
                };
                Some((Value::Point(with_part(p, part)), anchor))
            }
            Sem::Weekday(d, n) => {
                let tense = tense_at(start);
                if let Some(dct) = self.dct.filter(|_| self.news()) {
                    let dir = if n != 0 {
                        n
                    } else {
                        match tense {
                            Tense::Past => -1,
                            Tense::Future => 1,
                            Tense::Present => 0,
                        }
                    };
                    let date = weekday_near(dct, d, dir)?;
                    return Some((Value::Point(Point::from_date(date)), Anchor::Document));
                }
                if let Some(date) = self.last.and_then(|p| p.date()) {
                    let date = weekday_near(date, d, 1)?;
                    return Some((Value::Point(Point::from_date(date)), Anchor::Narrative));
                }
                let unknown = Point {
                    weekday: Some(d),
                    ..Point::empty(Grain::Day)
                };
                Some((Value::Point(unknown), Anchor::Missing))
            }
        }
    }

    /// The year to read a two-digit year against.
    fn reference_year(&self) -> Option<(i32, Anchor)> {
        if let Some(y) = self.last.and_then(|p| p.year) {
            return Some((y, Anchor::Narrative));
        }
        self.dct.map(|d| (d.year(), Anchor::Document))
    }

    /// A value written without its year (or month): "in March", "on 6 July", "the 20th", "10:58".
    fn complete(&self, p: Point, tense: Tense) -> (Value, Anchor) {
        let mut p = p;
        if self.news()
            && let Some(dct) = self.dct
        {
            if p.month.is_none() && p.part.is_none() && p.grain <= Grain::Day {
                p.month = Some(dct.month() as u8);
            }
            p.year = Some(match (p.month, tense) {
                (Some(m), Tense::Past) if m > dct.month() as u8 => dct.year() - 1,
                (Some(m), Tense::Future) if m < dct.month() as u8 => dct.year() + 1,
                _ => dct.year(),
            });
            if p.grain == Grain::Time && p.day.is_none() {
                return (Value::Point(p), Anchor::Document);
            }
            return (Value::Point(p), Anchor::Document);
        }
        let Some(last) = self.last else {
            return (Value::Point(p), Anchor::Missing);
        };
        if p.grain == Grain::Time && p.month.is_none() {
            // A clock time alone: on the day last mentioned, when it was a day.
            if last.grain >= Grain::Day {
                return (
                    Value::Point(Point {
                        clock: p.clock,
                        grain: Grain::Time,
                        ..last.truncate(Grain::Day)
                    }),
                    Anchor::Narrative,
                );
            }
            return (Value::Point(p), Anchor::Missing);
        }
        if p.month.is_none() && p.part.is_none() && p.day.is_some() {
            // "the 20th": of the month last mentioned.
            if last.month.is_none() {
                return (Value::Unknown, Anchor::Missing);
            }
            p.month = last.month;
        }
        p.year = last.year;
        (Value::Point(p), Anchor::Narrative)
    }
}

/// `base` moved by `n` units and cut to the unit's grain ("last week" is a week, "two years ago" a year).
fn at_unit(base: Point, unit: Unit, n: i32) -> Option<Point> {
    match unit {
        Unit::Minute | Unit::Hour => None,
        Unit::Day | Unit::Night => {
            if n == 0 {
                return (base.grain >= Grain::Day && base.date().is_some())
                    .then(|| base.truncate(Grain::Day));
            }
            base.shift(Unit::Day, n)
        }
        Unit::Week | Unit::Fortnight => {
            let date = base.date()?;
            let moved = date.checked_add_signed(Duration::weeks(i64::from(n)))?;
            let iso = moved.iso_week();
            Some(Point {
                year: Some(iso.year()),
                week: Some(iso.week() as u8),
                ..Point::empty(Grain::Week)
            })
        }
        Unit::Month => {
            base.month?;
            base.shift(Unit::Month, n)
        }
        Unit::Quarter => {
            let moved = base.shift(Unit::Month, 3 * n)?;
            let q = (moved.month? - 1) / 3 + 1;
            Some(Point {
                year: moved.year,
                part: Some(YearPart::Quarter(q)),
                ..Point::empty(Grain::Part)
            })
        }
        Unit::Year => base.shift(Unit::Year, n),
        Unit::Decade | Unit::Century | Unit::Millennium => base.shift(unit, n),
    }
}

/// The value at the unit's grain with the parts the base lacks left unknown ("four days later" after
/// a year: `1915-XX-XX`).
fn unknown_at(base: Point, unit: Unit) -> Point {
    let grain = match unit {
        Unit::Day | Unit::Night | Unit::Minute | Unit::Hour => Grain::Day,
        Unit::Week | Unit::Fortnight => Grain::Week,
        Unit::Month | Unit::Quarter => Grain::Month,
        _ => Grain::Year,
    };
    Point {
        grain,
        month: if grain >= Grain::Month {
            base.month
        } else {
            None
        },
        day: None,
        week: None,
        part: None,
        clock: None,
        ..base
    }
}

fn with_part(p: Point, part: Option<DayPart>) -> Point {
    match part {
        Some(part) => Point {
            grain: Grain::Time,
            clock: Some(Clock::Part(part)),
            ..p
        },
        None => p,
    }
}

/// The weekday `d` (1 = Monday) nearest `date` in direction `dir`: before it (-1), after it (1), or in
/// its week (0).
fn weekday_near(date: NaiveDate, d: u8, dir: i32) -> Option<NaiveDate> {
    let today = i64::from(date.weekday().number_from_monday());
    let d = i64::from(d);
    let offset = match dir.signum() {
        -1 => -((today - d).rem_euclid(7)).max(0) - if today == d { 7 } else { 0 },
        1 => (d - today).rem_euclid(7) + if today == d { 7 } else { 0 },
        _ => d - today,
    };
    date.checked_add_signed(Duration::days(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_found_in_the_tense_s_direction() {
        let d = NaiveDate::from_ymd_opt(2025, 2, 1).unwrap(); // a Saturday
        assert_eq!(weekday_near(d, 5, -1).unwrap().to_string(), "2025-01-31");
        assert_eq!(weekday_near(d, 5, 1).unwrap().to_string(), "2025-02-07");
        assert_eq!(weekday_near(d, 6, -1).unwrap().to_string(), "2025-01-25");
        assert_eq!(weekday_near(d, 1, 0).unwrap().to_string(), "2025-01-27");
    }
}
