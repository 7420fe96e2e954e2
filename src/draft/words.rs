//! What the finder understood in a temporal expression, in words a person reads at a glance: "a date:
//! November 2015", "a duration: three years", "a repetition: every year", "needs a date: last week (the
//! text's own date is not known)". The text panel shows it over each expression it marks.

use std::fmt::Write as _;

use super::anchor::{Anchor, Mention};
use super::find::Modifier;
use super::lexicon::{DayPart, Season, Unit};
use super::value::{Clock, Grain, Point, SetValue, TimexType, Value, YearPart};
use crate::model::date::{month_name, year_words};

/// What kind of thing an expression was understood to be, for the way it is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A date or time the timeline can place.
    Date,
    /// A date that cannot be placed as written (relative to a date the text does not give, or a year
    /// left unsaid).
    NeedsDate,
    /// Not a date to place: a duration, a repetition, the present, the past or the future at large.
    Other,
}

/// What kind of thing `mention` was understood to be (as [`understood`] says it).
pub fn kind(mention: &Mention) -> Kind {
    match mention.value {
        Value::Point(p) if mention.anchor != Anchor::Missing && p.is_anchored() => Kind::Date,
        Value::Point(_) | Value::Unknown => Kind::NeedsDate,
        Value::Present | Value::Past | Value::Future | Value::Duration(..) | Value::Set(_) => {
            Kind::Other
        }
    }
}

/// At most this many characters of the expression's own words are repeated.
const MAX_WORDS: usize = 60;

/// What `mention` was understood to say, in words; `words` are the expression's words in the text.
pub fn understood(mention: &Mention, words: &str) -> String {
    let words = shown_words(words);
    let needs_date = |why: &str| format!("needs a date: {words} ({why})");
    match mention.value {
        Value::Point(_) | Value::Unknown if mention.anchor == Anchor::Missing => {
            needs_date("the text's own date is not known")
        }
        Value::Point(p) if !p.is_anchored() => needs_date("the year is not known"),
        Value::Point(p) => {
            let kind = if mention.kind == TimexType::Time {
                "a time"
            } else {
                "a date"
            };
            let mut out = match point_words(&p) {
                Some(core) => format!("{kind}: {}", modified(&core, mention.modifier)),
                None => format!("{kind}: {words} ({})", mention.value),
            };
            match mention.range {
                Some((_, _, false)) => out.push_str(", the start of a range"),
                Some((_, _, true)) => out.push_str(", the end of a range"),
                None => {}
            }
            match mention.anchor {
                Anchor::Document => out.push_str(", counted from the text's own date"),
                Anchor::Narrative => out.push_str(", counted from the date before it"),
                Anchor::Absolute | Anchor::Missing => {}
            }
            out
        }
        Value::Present => format!("the present: {words}"),
        Value::Past => format!("some time in the past, without a date: {words}"),
        Value::Future => format!("some time in the future, without a date: {words}"),
        Value::Duration(n, unit) => format!("a duration: {}", counted(n, unit)),
        Value::Set(SetValue::Every(unit)) => format!("a repetition: every {}", unit_name(unit)),
        Value::Set(SetValue::Weekday(d)) => format!("a repetition: every {}", weekday_name(d)),
        Value::Unknown => needs_date("what it refers to is not known"),
    }
}

/// The expression's words on one line, cut to [`MAX_WORDS`] characters.
fn shown_words(words: &str) -> String {
    let one_line = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_WORDS {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(MAX_WORDS - 1).collect();
    cut.push('…');
    cut
}

/// A calendar value in words ("30 November 2015", "the 1990s", "spring 2015"), when it is complete
/// enough to say.
fn point_words(p: &Point) -> Option<String> {
    let year = || p.year.map(|y| year_words(y.into()));
    let words = match p.grain {
        Grain::Year => year()?,
        Grain::Month => format!("{} {}", month_name(p.month?), year()?),
        Grain::Day => format!("{} {} {}", p.day?, month_name(p.month?), year()?),
        Grain::Time => {
            let day = format!("{} {} {}", p.day?, month_name(p.month?), year()?);
            match p.clock {
                Some(Clock::At(h, m)) => format!("{day}, {h:02}:{m:02}"),
                Some(Clock::Part(part)) => format!("{day}, {}", day_part_words(part)),
                None => day,
            }
        }
        Grain::Week => format!("week {} of {}", p.week?, year()?),
        Grain::Part => match p.part? {
            YearPart::Season(Season::Winter) => {
                let y = p.year?;
                format!(
                    "winter {}–{}",
                    year_words(y.into()),
                    year_words(i64::from(y) + 1)
                )
            }
            YearPart::Season(s) => format!("{} {}", season_name(s), year()?),
            YearPart::Quarter(q) => {
                format!("the {} quarter of {}", ordinal_word(q)?, year()?)
            }
            YearPart::Half(h) => format!("the {} half of {}", ordinal_word(h)?, year()?),
        },
        Grain::Decade => {
            let first = i64::from(p.era_number) * 10;
            format!("the {first}s{}", era(p.bc))
        }
        Grain::Century => format!("the {} century{}", ordinal(p.era_number + 1), era(p.bc)),
        Grain::Millennium => {
            format!("the {} millennium{}", ordinal(p.era_number + 1), era(p.bc))
        }
    };
    Some(words)
}

/// Words for how a modifier narrows or blurs `core`: "early 2015", "the mid-1990s", "by 2026".
fn modified(core: &str, modifier: Modifier) -> String {
    let inside = |word: &str, joiner: &str| match core.strip_prefix("the ") {
        Some(rest) => format!("the {word}{joiner}{rest}"),
        None => format!("{word}{joiner}{core}"),
    };
    match modifier {
        Modifier::None => core.to_owned(),
        Modifier::Early => inside("early", " "),
        Modifier::Mid => inside("mid", "-"),
        Modifier::Late => inside("late", " "),
        Modifier::Approx => format!("around {core}"),
        Modifier::ByOrBefore => format!("by {core}"),
        Modifier::SinceOrAfter => format!("since {core}"),
    }
}

fn era(bc: bool) -> &'static str {
    if bc { " BCE" } else { "" }
}

/// "1st", "2nd", "3rd", "11th", "21st".
fn ordinal(n: i32) -> String {
    let suffix = match (n.rem_euclid(10), n.rem_euclid(100)) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    let mut out = n.to_string();
    let _ = write!(out, "{suffix}");
    out
}

fn ordinal_word(n: u8) -> Option<&'static str> {
    ["first", "second", "third", "fourth"]
        .get(usize::from(n).checked_sub(1)?)
        .copied()
}

fn season_name(s: Season) -> &'static str {
    match s {
        Season::Spring => "spring",
        Season::Summer => "summer",
        Season::Fall => "autumn",
        Season::Winter => "winter",
    }
}

fn day_part_words(part: DayPart) -> &'static str {
    match part {
        DayPart::Morning => "in the morning",
        DayPart::Midday => "at midday",
        DayPart::Afternoon => "in the afternoon",
        DayPart::Evening => "in the evening",
        DayPart::Night => "at night",
        DayPart::Daytime => "in the daytime",
    }
}

fn weekday_name(d: u8) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .get(usize::from(d).wrapping_sub(1))
    .copied()
    .unwrap_or("week")
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Minute => "minute",
        Unit::Hour => "hour",
        Unit::Day => "day",
        Unit::Night => "night",
        Unit::Week => "week",
        Unit::Fortnight => "fortnight",
        Unit::Month => "month",
        Unit::Quarter => "quarter",
        Unit::Year => "year",
        Unit::Decade => "decade",
        Unit::Century => "century",
        Unit::Millennium => "millennium",
    }
}

fn unit_plural(unit: Unit) -> &'static str {
    match unit {
        Unit::Century => "centuries",
        Unit::Millennium => "millennia",
        Unit::Minute => "minutes",
        Unit::Hour => "hours",
        Unit::Day => "days",
        Unit::Night => "nights",
        Unit::Week => "weeks",
        Unit::Fortnight => "fortnights",
        Unit::Month => "months",
        Unit::Quarter => "quarters",
        Unit::Year => "years",
        Unit::Decade => "decades",
    }
}

/// "three years", "one day", "40 years", "some years".
fn counted(n: Option<u32>, unit: Unit) -> String {
    const SMALL: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    match n {
        None => format!("some {}", unit_plural(unit)),
        Some(1) => format!("one {}", unit_name(unit)),
        Some(n) => {
            let number = n
                .checked_sub(1)
                .and_then(|i| SMALL.get(i as usize))
                .map_or_else(|| n.to_string(), |w| (*w).to_owned());
            format!("{number} {}", unit_plural(unit))
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    /// What was understood in each expression of `text`, in order.
    fn said(text: &str, published: Option<NaiveDate>) -> Vec<String> {
        crate::draft::mentions(text, published)
            .iter()
            .map(|m| understood(m, &text[m.start..m.end]))
            .collect()
    }

    #[test]
    fn dates_are_said_at_the_precision_written() {
        assert_eq!(
            said("The amendment, enacted in 1974, still applies.", None),
            ["a date: 1974"]
        );
        assert_eq!(
            said("Kazakhstan became a member in November 2015.", None),
            ["a date: November 2015"]
        );
        assert_eq!(
            said("It joined on 30 November 2015 in Geneva.", None),
            ["a date: 30 November 2015"]
        );
        assert_eq!(
            said("Trade grew in the 1990s and again in the mid-1990s.", None),
            ["a date: the 1990s", "a date: the mid-1990s"]
        );
        assert_eq!(
            said("The city was founded in the 19th century.", None),
            ["a date: the 19th century"]
        );
        assert_eq!(
            said("The battle was fought in 499 BC.", None),
            ["a date: 499 BCE"]
        );
        assert_eq!(
            said("Prices rose in spring 2015.", None),
            ["a date: spring 2015"]
        );
    }

    #[test]
    fn durations_sets_and_ranges_are_told_apart() {
        assert_eq!(
            said("The talks lasted three years.", None),
            ["a duration: three years"]
        );
        assert_eq!(
            said("The ministers meet every year.", None),
            ["a repetition: every year"]
        );
        assert_eq!(
            said("The war lasted from 1939 to 1945.", None),
            [
                "a date: 1939, the start of a range",
                "a date: 1945, the end of a range"
            ]
        );
    }

    #[test]
    fn relative_dates_say_what_they_were_counted_from_or_that_they_need_a_date() {
        assert_eq!(
            said("The ministers met last year.", None),
            ["needs a date: last year (the text's own date is not known)"]
        );
        let published = NaiveDate::from_ymd_opt(2025, 2, 1);
        assert_eq!(
            said("The ministers met last year.", published),
            ["a date: 2024, counted from the text's own date"]
        );
        assert_eq!(
            said(
                "The treaty was signed in 1941. The following year, it was broken.",
                None
            ),
            [
                "a date: 1941",
                "a date: 1942, counted from the date before it"
            ]
        );
    }

    #[test]
    fn kinds_tell_dates_from_dates_needed_and_from_the_rest() {
        let kinds = |text: &str| -> Vec<Kind> {
            crate::draft::mentions(text, None)
                .iter()
                .map(kind)
                .collect()
        };
        assert_eq!(
            kinds("In 1974 it passed; last year it lapsed; it lasted three years."),
            [Kind::Date, Kind::NeedsDate, Kind::Other]
        );
    }

    #[test]
    fn words_are_kept_short_and_on_one_line() {
        assert_eq!(shown_words("last\n  week"), "last week");
        let long = "word ".repeat(40);
        assert_eq!(shown_words(&long).chars().count(), MAX_WORDS);
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(counted(Some(40), Unit::Year), "40 years");
        assert_eq!(counted(None, Unit::Century), "some centuries");
        assert_eq!(modified("2015", Modifier::Early), "early 2015");
        assert_eq!(modified("the 1990s", Modifier::Late), "the late 1990s");
        assert_eq!(modified("2026", Modifier::ByOrBefore), "by 2026");
    }
}
