//! The built-in dataset: it loads, its ids are unique, it carries the fact sheet's dates, and every quote is
//! the article's own words.

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;
use dateline::formats;
use dateline::model::{Precision, Provenance, Status, Timeline};

fn builtin() -> Timeline {
    formats::builtin().expect("the built-in dataset loads and validates")
}

fn event<'a>(t: &'a Timeline, id: &str) -> &'a dateline::model::Event {
    t.events
        .iter()
        .find(|e| e.id() == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn ids_are_unique_and_every_lane_and_tag_is_used() {
    let t = builtin();
    let mut ids = HashSet::new();
    for id in t
        .events
        .iter()
        .map(|e| e.id().to_string())
        .chain(t.periods.iter().map(|p| p.id.clone()))
    {
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
    for (i, lane) in t.lanes.iter().enumerate() {
        assert!(
            t.events.iter().any(|e| usize::from(e.lane.0) == i),
            "lane {} unused",
            lane.id
        );
    }
    for (i, tag) in t.tags.iter().enumerate() {
        assert!(
            t.events
                .iter()
                .any(|e| e.tags().any(|x| usize::from(x.0) == i)),
            "tag {} unused",
            tag.id
        );
    }
}

#[test]
fn the_key_events_carry_the_fact_sheets_dates() {
    let t = builtin();
    let today = day(2026, 11, 29);
    let cases = [
        (
            "trade-act-passed-by-congress",
            day(1974, 12, 20),
            Precision::Day,
        ),
        ("ford-signs-trade-act", day(1975, 1, 3), Precision::Day),
        ("kazakhstan-joins-wto", day(2015, 11, 30), Precision::Day),
        ("russia-invades-ukraine", day(2022, 2, 24), Precision::Day),
        (
            "rubio-confirmation-hearing",
            day(2025, 1, 15),
            Precision::Day,
        ),
        (
            "uzbekistan-wto-membership-target",
            day(2026, 1, 1),
            Precision::Year,
        ),
    ];
    for (id, start, precision) in cases {
        let e = event(&t, id);
        assert_eq!(e.when.covered(today).0, start.into(), "{id}");
        assert_eq!(e.when.precision(), precision, "{id}");
    }
    assert_eq!(
        event(&t, "uzbekistan-wto-membership-target").status,
        Status::Planned
    );
    assert_eq!(
        event(&t, "ford-signs-trade-act").provenance,
        Provenance::Context
    );
    // The article's own "enacted in 1974" is kept beside the precise record.
    let enacted = event(&t, "trade-act-passed-by-congress");
    assert_eq!(
        enacted
            .details()
            .text_date
            .map(|d| d.to_string())
            .as_deref(),
        Some("1974")
    );
}

#[test]
fn uncertain_events_say_so_with_a_note() {
    let t = builtin();
    for id in [
        "daines-meets-tokayev-in-astana",
        "senate-central-asia-caucus-launched",
    ] {
        let e = event(&t, id);
        assert!(e.when.uncertain(), "{id} should be uncertain");
    }
    for e in t
        .events
        .iter()
        .filter(|e| e.when.uncertain() || e.when.approximate())
    {
        assert!(
            e.details().note.as_deref().is_some_and(|n| !n.is_empty()),
            "{} needs a note",
            e.id()
        );
    }
}

#[test]
fn article_events_quote_the_article_and_context_events_have_sources() {
    let t = builtin();
    for p in &t.periods {
        assert_ne!(
            p.provenance,
            Provenance::Unstated,
            "{} does not say where it came from",
            p.id
        );
    }
    for e in &t.events {
        match e.provenance {
            Provenance::Article => {
                assert!(!e.details().quotes.is_empty(), "{} has no quote", e.id());
            }
            Provenance::Context => {
                assert!(!e.details().sources.is_empty(), "{} has no source", e.id());
            }
            Provenance::Unstated => panic!("{} does not say where it came from", e.id()),
        }
    }
}

#[test]
fn every_quote_occurs_word_for_word_in_the_article() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/article.txt");
    let Ok(article) = std::fs::read_to_string(&path) else {
        eprintln!(
            "{} is not present; skipping the word-for-word check",
            path.display()
        );
        return;
    };
    let t = builtin();
    let mut count = 0;
    for e in &t.events {
        for q in &e.details().quotes {
            let Some(byte) = article.find(&q.text) else {
                panic!("quote of {} is not in the article: {:?}", e.id(), q.text);
            };
            // Each passage says where it is in the article, so the passages can be shown in the article's
            // order without the article.
            let at = article[..byte].chars().count();
            assert_eq!(q.at, Some(at as u32), "the place of {}'s quote", e.id());
            count += 1;
        }
    }
    assert!(count >= 10, "only {count} quotes");
    // Short passages only: the dataset does not carry the article.
    let quoted: usize = t
        .events
        .iter()
        .flat_map(|e| e.details().quotes)
        .map(|q| q.text.len())
        .sum();
    assert!(
        quoted < article.len() / 2,
        "quotes add up to {quoted} of {} bytes",
        article.len()
    );
}
