//! Media in every format that has a place for it: read from `TimelineJS` JSON (3's `media`, 2's `asset`)
//! and its spreadsheet columns, and written to `TimelineJS`, dateline JSON, dateline CSV and Markwhen so
//! that reading the file back keeps every part of it.

mod common;
use common::{TODAY, fixture, read_fixture};

use dateline::formats::{self, csv, markwhen, native, timelinejs};
use dateline::model::{Media, MediaKind, Timeline};

/// Each event's id and media.
fn media_of(t: &Timeline) -> Vec<(String, Option<Media>)> {
    t.events
        .iter()
        .map(|e| (e.id().to_owned(), e.details().media))
        .collect()
}

fn fixture_timeline() -> Timeline {
    formats::load_path(&fixture("media-local.json")).expect("the media fixture loads")
}

#[test]
fn timelinejs_media_is_kept_with_every_part() {
    let t = fixture_timeline();
    let dot = t.events[t.event_index("blue-dot").unwrap()].details();
    assert_eq!(
        dot.media,
        Some(Media {
            url: "media/dot.png".into(),
            caption: Some("A small blue square & nothing else".into()),
            credit: Some("Drawn for the tests".into()),
            thumbnail: Some("media/dot.png".into()),
            alt: Some("A small blue square".into()),
            title: Some("Dot".into()),
            link: Some("https://example.org/dot".into()),
            link_target: Some("_blank".into()),
        })
    );
    // The media is the media, not one more source.
    assert!(dot.sources.is_empty());
    let video = t.events[t.event_index("a-video").unwrap()].details();
    let video = video.media.unwrap();
    assert_eq!(MediaKind::of(&video.url), MediaKind::YouTube);
}

#[test]
fn every_writer_keeps_the_media() {
    let t = fixture_timeline();
    let expected = media_of(&t);
    assert!(expected.iter().all(|(_, m)| m.is_some()));

    let back = timelinejs::parse(&timelinejs::to_string(&t, TODAY)).expect("TimelineJS reads back");
    assert_eq!(media_of(&back), expected, "TimelineJS");

    let back = native::parse(&native::to_string(&t)).expect("dateline JSON reads back");
    assert_eq!(media_of(&back), expected, "dateline JSON");

    let back = csv::parse(&csv::write(&t)).expect("dateline CSV reads back");
    assert_eq!(media_of(&back), expected, "dateline CSV");

    let back = markwhen::parse(&markwhen::to_string(&t)).expect("Markwhen reads back");
    assert_eq!(media_of(&back), expected, "Markwhen");
}

#[test]
fn dateline_json_keeps_media_exactly_and_old_files_still_open() {
    let mut t = fixture_timeline();
    // Text a TimelineJS file could not keep as it is: spaces and line breaks.
    let event = &t.events[0];
    let mut details = event.details();
    details.media = Some(Media {
        url: " odd/path with spaces.png ".into(),
        caption: Some("two\nlines  and  spaces".into()),
        alt: Some(String::new()),
        ..Media::default()
    });
    let tags: Vec<_> = event.tags().collect();
    t.events[0] = dateline::model::Event::new(
        event.id(),
        event.title(),
        event.when,
        &tags,
        &details.borrowed(),
    );
    let text = native::to_string(&t);
    let back = native::parse(&text).unwrap();
    assert_eq!(media_of(&back), media_of(&t));
    // An event without media writes no key, and a file from before media opens as it did.
    let old = read_fixture("valid.json");
    assert!(!old.contains("\"media\""));
    let old = native::parse(&old).expect("an older file opens");
    assert!(old.events.iter().all(|e| e.details().media.is_none()));
    assert!(!native::to_string(&old).contains("\"media\""));
}

#[test]
fn an_unknown_media_key_is_reported_where_it_is() {
    let text = r#"{"format": "dateline/1", "title": "T", "lanes": [{"id": "a", "label": "A"}],
  "events": [{"id": "e", "title": "E", "date": "2000", "lane": "a",
    "media": {"url": "x.png", "colour": "red"}}]}"#;
    let problems = native::parse(text).unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        messages.iter().any(|m| m.contains("colour")),
        "{messages:?}"
    );
}

#[test]
fn timelinejs_2_assets_and_spreadsheet_columns_are_media() {
    let old = r#"{"timeline": {"headline": "Old", "type": "default", "date": [
      {"startDate": "1990,1,2", "headline": "With an asset",
       "asset": {"media": "https://example.org/a.jpg", "credit": "Someone", "caption": "An <b>asset</b>",
                 "thumbnail": "https://example.org/a-small.jpg"}}]}}"#;
    let t = timelinejs::parse(old).expect("a TimelineJS 2 file reads");
    assert_eq!(
        t.events[0].details().media,
        Some(Media {
            url: "https://example.org/a.jpg".into(),
            caption: Some("An asset".into()),
            credit: Some("Someone".into()),
            thumbnail: Some("https://example.org/a-small.jpg".into()),
            ..Media::default()
        })
    );

    let sheet = "Year,Month,Day,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type\n\
                 1990,1,2,A row,,media/dot.png,Me,A dot,media/dot-small.png,\n\
                 1991,,,No media,,,,,,\n";
    let t = csv::parse(sheet).expect("the sheet reads");
    assert_eq!(
        t.events[0].details().media,
        Some(Media {
            url: "media/dot.png".into(),
            caption: Some("A dot".into()),
            credit: Some("Me".into()),
            thumbnail: Some("media/dot-small.png".into()),
            ..Media::default()
        })
    );
    assert_eq!(t.events[1].details().media, None);
}

#[test]
fn a_hand_typed_media_cell_is_its_address() {
    let text = "kind,id,title,date,lane,media\nlane,a,A,,,\nevent,e,E,2000,a,https://example.org/p.webp\nevent,f,F,2001,a,{\"url\": 3}\n";
    let problems = csv::parse(text).unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("4:") && m.contains("media")),
        "{messages:?}"
    );
    let t = csv::parse(&text.replace(",{\"url\": 3}", ",")).unwrap();
    assert_eq!(
        t.events[0].details().media,
        Some(Media::at("https://example.org/p.webp"))
    );
}

#[test]
fn unsafe_addresses_are_not_given_to_a_published_page() {
    let mut t = fixture_timeline();
    let event = &t.events[0];
    let mut details = event.details();
    details.media = Some(Media {
        url: "javascript:alert(1)".into(),
        caption: Some("<script>".into()),
        link: Some("file:///etc/passwd".into()),
        ..Media::default()
    });
    t.events[0] = dateline::model::Event::new(
        event.id(),
        event.title(),
        event.when,
        &[],
        &details.borrowed(),
    );
    let json = timelinejs::to_string(&t, TODAY);
    assert!(!json.contains("javascript:"), "{json}");
    assert!(!json.contains("file:"), "{json}");
    assert!(json.contains("&lt;script&gt;"), "{json}");
}
