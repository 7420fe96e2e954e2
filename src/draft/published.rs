//! The date a text states for itself: a "Published …" or "Updated …" line, or a dateline ("WASHINGTON,
//! Nov. 30, 2015 –") near its top. Only a full day counts: a year alone is not a date to count
//! "yesterday" from.

use chrono::NaiveDate;

use super::find;
use super::token;
use super::value::{Grain, Value};

/// How far into a text its own date is looked for.
const HEAD_BYTES: usize = 2000;

/// Words that introduce a text's own date on its line.
const LEADS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "date",
    "dated",
    "first published",
];

/// The day `text` says it was written, when a line near its top states it.
pub fn stated(text: &str) -> Option<NaiveDate> {
    let mut head_end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &text[..head_end];
    let mut offset = 0;
    for line in head.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_ascii_lowercase();
        let led = LEADS.iter().any(|lead| lower.starts_with(lead));
        let tokens = token::tokenize(line);
        let found = find::find(line, &tokens);
        let Some(first) = found.first() else {
            continue;
        };
        let find::Sem::Cal(p) = first.sem else {
            continue;
        };
        if p.grain < Grain::Day || !p.is_anchored() {
            continue;
        }
        // A dateline: "CITY, DATE –" or "CITY (Agency) DATE -" at the start of a paragraph.
        let before = &line[..first.start as usize];
        let after = line[first.end as usize..].trim_start();
        let dateline = before.len() < 60
            && before.trim_end().ends_with(',')
            && before.chars().take_while(|c| !c.is_lowercase()).count()
                >= before.trim_end().len().min(3)
            && (after.starts_with('–') || after.starts_with('—') || after.starts_with('-'));
        if led || dateline {
            let _ = here;
            return match Value::Point(p) {
                Value::Point(p) => p.date(),
                _ => None,
            };
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_line_or_a_dateline_gives_the_date() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            stated("Title\nPublished: 30 November 2015\n\nText."),
            day(2015, 11, 30)
        );
        assert_eq!(
            stated("Updated Nov. 30, 2015 at 10:00\nText."),
            day(2015, 11, 30)
        );
        assert_eq!(
            stated("WASHINGTON, Nov. 30, 2015 – The Senate voted yesterday."),
            day(2015, 11, 30)
        );
    }

    #[test]
    fn a_text_without_its_own_date_has_none() {
        assert_eq!(
            stated("ASTANA/WASHINGTON, D.C. – Kazakhstan joined the WTO in 2015."),
            None
        );
        assert_eq!(
            stated("The war began on 1 September 1939 and ended in 1945."),
            None
        );
        assert_eq!(stated("Published in 2015."), None);
    }
}
