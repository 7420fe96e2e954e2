//! A deterministic generator of realistic synthetic timelines — bursts and quiet spells, several lanes and
//! tags, some spans, some imprecise or uncertain dates — for tests and benchmarks. The same seed always
//! gives the same timeline.

use crate::formats::native::{RawEvent, RawLabel, RawLink, RawPeriod, RawQuote, RawTimeline};
use crate::model::EdtfDate;
use crate::model::date::{date_from_days, days_from_epoch};

const LANES: [&str; 8] = [
    "Politics",
    "Economy",
    "Security",
    "Diplomacy",
    "Society",
    "Science",
    "Culture",
    "Environment",
];
const TAGS: [&str; 12] = [
    "elections",
    "trade",
    "conflict",
    "treaty",
    "protest",
    "energy",
    "health",
    "technology",
    "migration",
    "law",
    "finance",
    "climate",
];
const WORDS: [&str; 24] = [
    "agreement",
    "summit",
    "strike",
    "reform",
    "crisis",
    "vote",
    "accord",
    "inquiry",
    "launch",
    "ruling",
    "sanctions",
    "rally",
    "merger",
    "outbreak",
    "census",
    "mission",
    "ceasefire",
    "budget",
    "festival",
    "flood",
    "report",
    "visit",
    "tariff",
    "referendum",
];
const PEOPLE: [&str; 10] = [
    "A. Rahimova",
    "B. Okafor",
    "C. Lindqvist",
    "D. Moreau",
    "E. Tanaka",
    "F. Haddad",
    "G. Kowalski",
    "H. Silva",
    "I. Novak",
    "J. Mensah",
];

/// Generates `events` events with `seed`, in chronological order, as a file would hold them.
pub fn generate_raw(events: usize, seed: u64) -> RawTimeline<'static> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let first = days_from_epoch(chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default());
    let last = days_from_epoch(chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default());
    let span = (last - first) as f64;

    // Bursts: a few hundred centres with a weight each; half the events fall near one, the rest anywhere.
    let bursts: Vec<(f64, f64)> = (0..(events / 2000).clamp(8, 400))
        .map(|_| (first as f64 + rng.f64() * span, 2.0 + rng.f64() * 90.0))
        .collect();
    let mut days: Vec<i64> = (0..events)
        .map(|_| {
            let t = if rng.bool() {
                let (centre, width) = bursts[rng.usize(..bursts.len())];
                centre + (rng.f64() - 0.5) * 2.0 * width
            } else {
                first as f64 + rng.f64() * span
            };
            (t as i64).clamp(first, last)
        })
        .collect();
    days.sort_unstable();

    let mut raw_events = Vec::with_capacity(events);
    for (i, &day) in days.iter().enumerate() {
        let date = date_from_days(day);
        let roll = rng.u32(..100);
        let mut d = EdtfDate::from_naive(date);
        if roll < 10 {
            d.day = None;
            d.month = None;
        } else if roll < 25 {
            d.day = None;
        }
        d.approximate = rng.u32(..100) < 3;
        d.uncertain = rng.u32(..100) < 4;
        let date_text = if rng.u32(..100) < 5 {
            let end = EdtfDate::from_naive(date_from_days(day + 1 + i64::from(rng.u32(..2000))));
            format!("{d}/{end}")
        } else {
            d.to_string()
        };
        let lane = LANES[rng.usize(..LANES.len())];
        let tags: Vec<String> = (0..rng.usize(1..=2))
            .map(|_| TAGS[rng.usize(..TAGS.len())].to_owned())
            .collect();
        let word = WORDS[rng.usize(..WORDS.len())];
        let with_quote = rng.u32(..100) < 20;
        raw_events.push(RawEvent {
            id: format!("e{i}").into(),
            title: format!("{} {word} {i}", crate::model::capitalize(lane)).into(),
            date: date_text.into(),
            status: Some(
                if day > last - 365 && rng.bool() {
                    "planned"
                } else {
                    "occurred"
                }
                .into(),
            ),
            lane: Some(slug(lane).into()),
            tags: dedup(tags).into_iter().map(Into::into).collect(),
            summary: format!(
                "A {word} in {} affecting {}.",
                lane.to_lowercase(),
                TAGS[rng.usize(..TAGS.len())]
            )
            .into(),
            quotes: if with_quote {
                vec![RawQuote {
                    text: format!("The {word} changed everything.").into(),
                    speaker: None,
                    at: None,
                }]
            } else {
                Vec::new()
            },
            people: if rng.u32(..100) < 30 {
                vec![PEOPLE[rng.usize(..PEOPLE.len())].into()]
            } else {
                Vec::new()
            },
            provenance: Some(if with_quote { "article" } else { "context" }.into()),
            sources: if rng.u32(..100) < 10 {
                vec![RawLink {
                    label: format!("Record {i}").into(),
                    url: None,
                }]
            } else {
                Vec::new()
            },
            ..RawEvent::default()
        });
    }
    let periods = (0..12)
        .map(|k| {
            let s = first + i64::from(k) * (last - first) / 12;
            let e = s + (last - first) / 14;
            RawPeriod {
                id: format!("period-{k}"),
                title: format!("Era {}", k + 1),
                date: format!(
                    "{}/{}",
                    EdtfDate::from_naive(date_from_days(s)),
                    EdtfDate::from_naive(date_from_days(e))
                ),
                lane: None,
                summary: String::new(),
                provenance: Some("context".to_owned()),
                sources: Vec::new(),
            }
        })
        .collect();
    RawTimeline {
        format: Some(crate::formats::native::FORMAT_TAG.to_owned()),
        title: format!("Synthetic timeline of {events} events (seed {seed})"),
        description: "Generated for tests and benchmarks.".to_owned(),
        source: None,
        lanes: LANES
            .iter()
            .map(|l| RawLabel {
                id: slug(l),
                label: (*l).to_owned(),
            })
            .collect(),
        tags: TAGS
            .iter()
            .map(|t| RawLabel {
                id: (*t).to_owned(),
                label: crate::model::capitalize(t),
            })
            .collect(),
        periods,
        events: raw_events,
    }
}

/// Writes a generated timeline as dateline JSON to `out`.
pub fn write_json(events: usize, seed: u64, out: impl std::io::Write) -> serde_json::Result<()> {
    serde_json::to_writer(std::io::BufWriter::new(out), &generate_raw(events, seed))
}

/// A generated timeline, loaded as a file would be.
pub fn generate(events: usize, seed: u64) -> crate::model::Timeline {
    let mut problems = Vec::new();
    let mut at = |_: &[crate::formats::locate::Step<'_>], m: String| problems.push(m);
    let timeline = crate::formats::native::convert(generate_raw(events, seed), &mut at);
    debug_assert!(problems.is_empty(), "{problems:?}");
    timeline
}

fn slug(text: &str) -> String {
    text.to_lowercase().replace(' ', "-")
}

fn dedup(mut tags: Vec<String>) -> Vec<String> {
    tags.sort();
    tags.dedup();
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_timeline_and_it_is_valid() {
        let a = serde_json::to_string(&generate_raw(500, 7)).unwrap();
        let b = serde_json::to_string(&generate_raw(500, 7)).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, serde_json::to_string(&generate_raw(500, 8)).unwrap());
        let t = crate::formats::load_str(&a, std::path::Path::new("gen.json")).unwrap();
        assert_eq!(t.events.len(), 500);
        assert!(t.events.iter().any(|e| e.when.is_span()));
        assert!(t.events.iter().any(|e| e.when.uncertain()));
        assert!(
            t.events
                .iter()
                .any(|e| e.when.precision() == crate::model::Precision::Year)
        );
        assert_eq!(generate(500, 7), t);
    }
}
