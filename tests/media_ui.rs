//! Media in the details panel, driven headlessly through `egui_kittest`: a picture next to the timeline's
//! file is loaded in the background and shown with its caption, credit and alt text; a missing, broken or
//! too large picture leaves a message in its place; other media are links that name their kind. Only
//! local pictures are used.

mod common;
use common::{TODAY, fixture};

use std::path::Path;
use std::time::{Duration, Instant};

use dateline::app::{Command, DatelineApp};
use dateline::view::media::CANNOT_SHOW;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app on the timeline in `path`, read as the window reads it, with `file` as its file.
fn harness_on(path: &Path, file: Option<&Path>) -> Harness<'static, DatelineApp> {
    let timeline = dateline::formats::load_path(path).expect("the timeline loads");
    let file = file.map(Path::to_owned);
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::new(timeline.clone(), file.clone(), TODAY));
    h.run();
    h
}

/// Selects the event with this id.
fn select(h: &mut Harness<'static, DatelineApp>, id: &str) {
    let at = h.state().timeline().event_index(id).expect("the event");
    h.state_mut().apply(Command::Select(Some(at)));
    h.run_steps(2);
}

/// Steps the app until `done` holds, for at most five seconds (pictures load on background threads).
fn wait_until(
    h: &mut Harness<'static, DatelineApp>,
    what: &str,
    done: impl Fn(&Harness<'static, DatelineApp>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done(h) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The picture nodes named `alt`.
fn pictures(h: &Harness<'static, DatelineApp>, alt: &str) -> usize {
    h.query_all_by_role_and_label(Role::Image, alt).count()
}

#[test]
fn a_local_picture_is_shown_in_the_details_panel() {
    let path = fixture("media-local.json");
    let mut h = harness_on(&path, Some(&path));
    select(&mut h, "blue-dot");
    wait_until(&mut h, "the picture", |h| {
        pictures(h, "A small blue square") == 1
    });
    // The picture has its size, and its words are beside it.
    let picture = h.get_by_role_and_label(Role::Image, "A small blue square");
    let size = picture.rect().size();
    assert!(size.x >= 7.0 && size.y >= 7.0, "{size:?}");
    assert!(
        h.query_by_label_contains("A small blue square & nothing else")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Credit: Drawn for the tests")
            .is_some()
    );
    assert!(h.query_by_label_contains(CANNOT_SHOW).is_none());
    // The texture is egui's: the loader made it from the file's bytes.
    let uri = format!(
        "file://{}",
        path.parent().unwrap().join("media/dot.png").display()
    );
    let texture = h.ctx.try_load_texture(
        &uri,
        egui::TextureOptions::default(),
        egui::SizeHint::default(),
    );
    match texture {
        Ok(egui::load::TexturePoll::Ready { texture }) => {
            assert_eq!(texture.size, egui::vec2(8.0, 8.0));
        }
        other => panic!("no texture: {:?}", other.err()),
    }
}

#[test]
fn a_picture_that_cannot_be_shown_leaves_a_message() {
    let path = fixture("media-local.json");
    let mut h = harness_on(&path, Some(&path));
    select(&mut h, "missing-picture");
    wait_until(&mut h, "the message for a missing file", |h| {
        h.query_by_label_contains(CANNOT_SHOW).is_some()
    });
    let message = h.get_by_label_contains(CANNOT_SHOW);
    let words = message.accesskit_node().value().unwrap_or_default();
    assert!(
        words.contains("no file at") && words.contains("missing.png"),
        "{words}"
    );
    assert!(
        h.query_by_label_contains("It shows: A picture that is not there")
            .is_some()
    );
    assert_eq!(pictures(&h, "A picture that is not there"), 0);

    // Bytes that are no picture: the decoder's refusal, in place.
    select(&mut h, "broken-picture");
    wait_until(&mut h, "the message for a broken picture", |h| {
        h.query_by_label_contains("It shows: Bytes that are no picture")
            .is_some()
    });
    assert_eq!(pictures(&h, "Bytes that are no picture"), 0);
    // The rest of the panel still works: the next event's picture shows.
    select(&mut h, "blue-dot");
    wait_until(&mut h, "the picture", |h| {
        pictures(h, "A small blue square") == 1
    });
}

#[test]
fn other_media_are_links_that_name_their_kind() {
    let path = fixture("media-local.json");
    let mut h = harness_on(&path, Some(&path));
    select(&mut h, "a-video");
    assert!(
        h.query_by_role_and_label(Role::Link, "Video on YouTube")
            .is_some()
    );
    select(&mut h, "a-map");
    assert!(h.query_by_role_and_label(Role::Link, "Map").is_some());
    assert!(h.query_by_label_contains("Credit: OpenStreetMap").is_some());
}

#[test]
fn a_relative_path_without_a_file_and_a_file_too_large_are_refused() {
    // Read from the fixture but opened as if it had no file: a relative path has nothing to be relative to.
    let path = fixture("media-local.json");
    let mut h = harness_on(&path, None);
    select(&mut h, "blue-dot");
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("is relative to the timeline's file")
            .is_some()
    );

    // A picture over the size limit is refused before it is read (a sparse file: nothing is written).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.json");
    std::fs::write(
        &file,
        r#"{"events": [{"start_date": {"year": 2000}, "text": {"headline": "Big"}, "unique_id": "big",
            "media": {"url": "big.png", "alt": "A huge picture"}}]}"#,
    )
    .unwrap();
    std::fs::File::create(dir.path().join("big.png"))
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    let mut h = harness_on(&file, Some(&file));
    select(&mut h, "big");
    wait_until(&mut h, "the size limit's message", |h| {
        h.query_by_label_contains("larger than 20 MB").is_some()
    });
    assert_eq!(pictures(&h, "A huge picture"), 0);
}
