//! The Kazakhstan–US article drafted: exactly the four dated events of its design card, each with its
//! sentence as the quote, its "recent meeting" listed as needing a date, and nothing invented.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline::draft::{self, DRAFT_TAG, DraftOptions};
use dateline::model::{Provenance, Status};

fn article() -> Option<(PathBuf, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/article.txt");
    if let Ok(text) = std::fs::read_to_string(&path) {
        Some((path, text))
    } else {
        eprintln!("skipped: {} is not here", path.display());
        None
    }
}

#[test]
fn the_article_yields_its_four_events_and_nothing_else() {
    let Some((_, text)) = article() else {
        return;
    };
    let published = NaiveDate::from_ymd_opt(2025, 2, 1);
    let d = draft::draft(&text, published, &DraftOptions::default());
    let events: Vec<(String, &str, String)> = d
        .timeline
        .events
        .iter()
        .map(|e| (e.when.to_string(), e.status.as_str(), e.title().to_owned()))
        .collect();
    assert_eq!(
        events,
        [
            ("1974".into(), "occurred", "The amendment enacted".into()),
            (
                "2015".into(),
                "occurred",
                "Kazakhstan joined the WTO".into()
            ),
            (
                "2022".into(),
                "occurred",
                "Its full-scale invasion of Ukraine".into()
            ),
            (
                "2026".into(),
                "planned",
                "Uzbekistan eyeing WTO membership".into()
            ),
        ]
    );
    for e in &d.timeline.events {
        assert_eq!(e.provenance, Provenance::Article);
        assert!(e.tags().any(|t| d.timeline.tag_id(t) == DRAFT_TAG));
        let details = e.details();
        assert_eq!(details.quotes.len(), 1, "{e:?}");
        // The quote is the sentence, word for word.
        let quote = &details.quotes[0].text;
        assert!(text.contains(quote.as_str()), "{quote}");
        // It says where in the text it is, in characters, so the text view can find it.
        let at = details.quotes[0]
            .at
            .expect("a drafted quote knows where it is") as usize;
        let from: String = text.chars().skip(at).take(quote.chars().count()).collect();
        assert_eq!(&from, quote);
        assert!(
            quote.ends_with('.') && quote.contains(&e.when.to_string()),
            "{quote}"
        );
    }
    assert_eq!(d.timeline.events[3].status, Status::Planned);
    // The recent meeting needs a date; it is not placed on a guessed one.
    assert_eq!(d.undated.len(), 1, "{:?}", d.undated);
    assert_eq!(d.undated[0].words, "recent");
    assert!(
        text[d.undated[0].sentence.0..d.undated[0].sentence.1].contains("recent meeting in Astana")
    );
}

#[test]
fn without_a_published_date_the_target_is_still_a_target() {
    let Some((_, text)) = article() else {
        return;
    };
    let d = draft::draft(&text, None, &DraftOptions::default());
    let statuses: Vec<&str> = d
        .timeline
        .events
        .iter()
        .map(|e| e.status.as_str())
        .collect();
    assert_eq!(statuses, ["occurred", "occurred", "occurred", "planned"]);
}

#[test]
fn the_command_line_writes_the_draft_and_it_reads_back() {
    let Some((path, _)) = article() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.json");
    let run = common::dateline(&[
        "draft",
        path.to_str().unwrap(),
        "--published",
        "2025-02-01",
        "--to",
        out.to_str().unwrap(),
    ]);
    let stderr = common::text(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("4 drafted events, 1 mention needing a date"),
        "{stderr}"
    );
    let timeline = dateline::formats::load_path(&out).expect("the draft is a valid dateline file");
    let dates: Vec<String> = timeline.events.iter().map(|e| e.when.to_string()).collect();
    assert_eq!(dates, ["1974", "2015", "2022", "2026"]);
    assert_eq!(
        timeline
            .source
            .as_ref()
            .and_then(|s| s.published)
            .map(|p| p.to_string()),
        Some("2025-02-01".to_owned())
    );
    assert!(
        timeline.description.contains("recent"),
        "{}",
        timeline.description
    );
}
