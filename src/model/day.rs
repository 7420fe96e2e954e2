//! A day as a number: days since 1970-01-01 in the proleptic Gregorian calendar, for any year a timeline
//! can hold, from before the Big Bang to far in the future. chrono's calendar stops near ±262,000 years;
//! this one is plain arithmetic on `i64` (the civil-from-days algorithm), exact for every year in
//! [`super::date::MAX_ABS_YEAR`] and as an `f64` view coordinate (below 2^53).

use chrono::{Datelike, NaiveDate};

/// Days from 0000-03-01 (the start of a 400-year era in the algorithm) to 1970-01-01.
const EPOCH_SHIFT: i64 = 719_468;
/// Days in 400 Gregorian years.
const DAYS_PER_ERA: i64 = 146_097;

/// One calendar day, counted from 1970-01-01 (day 0; negative before).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// The farthest day counted either way, 2^50 days (about three trillion years): far beyond any date a
    /// timeline holds, and still exact as an `f64`. [`Day::ymd`] reads farther days as this one.
    pub const FARTHEST: i64 = 1 << 50;

    /// The day of `year` (astronomical: 0 is 1 BCE), `month` 1–12 and `day` 1–31. Out-of-range months and
    /// days are not checked here: see [`days_in_month`].
    pub fn from_ymd(year: i64, month: u8, day: u8) -> Self {
        let month = i64::from(month.clamp(1, 12));
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let shifted_month = if month > 2 { month - 3 } else { month + 9 };
        let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Self(era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT)
    }

    /// 1 January of `year`.
    pub fn year_start(year: i64) -> Self {
        Self::from_ymd(year, 1, 1)
    }

    /// The year, month (1–12) and day of the month of this day.
    pub fn ymd(self) -> (i64, u8, u8) {
        let z = self.0.clamp(-Self::FARTHEST, Self::FARTHEST) + EPOCH_SHIFT;
        let era = z.div_euclid(DAYS_PER_ERA);
        let day_of_era = z - era * DAYS_PER_ERA;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        (year, month as u8, day as u8)
    }

    /// The year this day is in.
    pub fn year(self) -> i64 {
        self.ymd().0
    }

    /// The day as chrono's date, when chrono's calendar reaches it.
    pub fn date(self) -> Option<NaiveDate> {
        let (year, month, day) = self.ymd();
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, u32::from(month), u32::from(day))
    }

    /// The day as a view coordinate: the time at its start, in days since 1970-01-01.
    pub fn days(self) -> f64 {
        self.0 as f64
    }

    /// The day a view time falls in (rounded down), within [`Day::FARTHEST`] either way; NaN counts as
    /// day 0.
    pub fn containing(days: f64) -> Self {
        Self((days.floor() as i64).clamp(-Self::FARTHEST, Self::FARTHEST))
    }

    /// The day after.
    #[must_use]
    pub fn next(self) -> Self {
        Self(self.0.saturating_add(1))
    }

    /// The day before.
    #[must_use]
    pub fn previous(self) -> Self {
        Self(self.0.saturating_sub(1))
    }
}

impl std::fmt::Display for Day {
    /// Writes the day as ISO 8601 does: `2015-11-30`, `-0044-03-15`, `-13800000000-01-01`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (year, month, day) = self.ymd();
        if year < 0 {
            write!(f, "-{:04}-{month:02}-{day:02}", year.unsigned_abs())
        } else {
            write!(f, "{year:04}-{month:02}-{day:02}")
        }
    }
}

impl From<NaiveDate> for Day {
    fn from(date: NaiveDate) -> Self {
        Self::from_ymd(i64::from(date.year()), date.month() as u8, date.day() as u8)
    }
}

/// Whether `year` (astronomical) is a Gregorian leap year.
pub fn is_leap_year(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// The number of days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn agrees_with_chrono_where_chrono_reaches() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        assert_eq!(Day::from(epoch), Day(0));
        for (y, m, d) in [
            (1969, 12, 31),
            (2000, 2, 29),
            (1, 1, 1),
            (0, 12, 31),
            (-43, 3, 15),
            (-200_000, 1, 1),
            (200_000, 12, 31),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let expected = date.signed_duration_since(epoch).num_days();
            let day = Day::from(date);
            assert_eq!(day.0, expected, "{date}");
            assert_eq!(day.ymd(), (i64::from(y), m as u8, d as u8));
            assert_eq!(day.date(), Some(date));
        }
    }

    #[test]
    fn reaches_the_big_bang_and_back() {
        let big_bang = Day::year_start(-13_800_000_000);
        assert_eq!(big_bang.ymd(), (-13_800_000_000, 1, 1));
        // About 365.2425 days a year, exactly, over whole 400-year eras.
        assert_eq!(
            Day::year_start(-13_800_000_000 + 400).0 - big_bang.0,
            DAYS_PER_ERA
        );
        assert_eq!(big_bang.date(), None);
        // Exact as a view coordinate.
        assert_eq!(big_bang.days() as i64, big_bang.0);
        assert_eq!(
            Day::year_start(20_000_000_001).previous().ymd(),
            (20_000_000_000, 12, 31)
        );
    }

    #[test]
    fn months_have_their_days() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(-4, 2), 29);
        assert_eq!(days_in_month(-1_000_000_000, 2), 29);
        assert_eq!(days_in_month(2015, 13), 0);
    }

    proptest! {
        #[test]
        fn every_day_round_trips(n in -8_000_000_000_000i64..8_000_000_000_000i64) {
            let (y, m, d) = Day(n).ymd();
            prop_assert!((1..=12).contains(&m));
            prop_assert!(d >= 1 && d <= days_in_month(y, m));
            prop_assert_eq!(Day::from_ymd(y, m, d), Day(n));
        }

        #[test]
        fn the_next_day_is_the_next_calendar_day(n in -8_000_000_000_000i64..8_000_000_000_000i64) {
            let (y, m, d) = Day(n).ymd();
            let next = Day(n).next().ymd();
            let expected = if d < days_in_month(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
            prop_assert_eq!(next, expected);
        }
    }
}
