//! The window keeps faith with what the person gave it, driven headlessly through `egui_kittest`: every key
//! press counts, titles in any script are drawn with real glyphs, only web and mail links open, and an
//! export never replaces a file without asking.

mod common;
use common::{TODAY, harness};

use std::path::Path;
use std::time::{Duration, Instant};

use dateline::app::{Command, DatelineApp};
use eframe::App as _;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app showing the dateline JSON `json`, as if read from `name`.
fn app_with(json: &str, name: &str) -> Harness<'static, DatelineApp> {
    let timeline =
        dateline::formats::load_str(json, Path::new(name)).expect("the timeline is valid");
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::new(timeline, None, TODAY));
    h.run();
    h
}

/// A dateline JSON timeline with one lane and the events `(id, title, date)`.
fn timeline_json(events: &[(&str, &str, &str)]) -> String {
    let events: Vec<String> = events
        .iter()
        .map(|(id, title, date)| {
            serde_json::json!({ "id": id, "title": title, "date": date, "lane": "main" })
                .to_string()
        })
        .collect();
    format!(
        r#"{{ "format": "dateline/1", "title": "Test", "lanes": [{{ "id": "main", "label": "Main" }}], "events": [{}] }}"#,
        events.join(",")
    )
}

/// Steps the app until `done` holds, for at most five seconds (background threads need real time).
fn wait_until(h: &mut Harness<'_, DatelineApp>, what: &str, done: impl Fn(&DatelineApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while !done(h.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
}

/// Presses `key` `times` times, every press and release within a single frame.
fn press_in_one_frame(h: &mut Harness<'_, DatelineApp>, key: egui::Key, times: usize) {
    for _ in 0..times {
        for pressed in [true, false] {
            h.input_mut().events.push(egui::Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers: egui::Modifiers::default(),
            });
        }
    }
    h.step();
    h.run();
}

#[test]
fn eight_quick_right_presses_move_eight_events() {
    let mut h = harness();
    let first = h.state().listed()[0];
    h.state_mut().apply(Command::Select(Some(first)));
    h.run();
    // All eight arrive within one frame, as they do from a fast typist or a held key.
    press_in_one_frame(&mut h, egui::Key::ArrowRight, 8);
    assert_eq!(h.state().selected(), Some(h.state().listed()[8]));
    press_in_one_frame(&mut h, egui::Key::ArrowLeft, 3);
    assert_eq!(h.state().selected(), Some(h.state().listed()[5]));
}

/// Titles in the scripts a user is likely to bring, with a character of each.
const SCRIPTS: [(&str, &str); 6] = [
    ("Chinese", "哈萨克斯坦加入世界贸易组织"),
    ("Japanese", "カザフスタンが世界貿易機関に加盟"),
    ("Arabic", "كازاخستان تنضم إلى منظمة التجارة العالمية"),
    ("Hebrew", "קזחסטן מצטרפת לארגון הסחר העולמי"),
    ("Devanagari", "कज़ाखस्तान विश्व व्यापार संगठन में शामिल"),
    ("Thai", "คาซัคสถานเข้าร่วมองค์การการค้าโลก"),
];

/// Whether fontconfig knows a font on this machine with every letter of `text` (`None` when it cannot be
/// asked).
fn system_has_font_for(text: &str) -> Option<bool> {
    let charset: Vec<String> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| format!("{:x}", u32::from(c)))
        .collect();
    let output = std::process::Command::new("fc-list")
        .arg(format!(":charset={}", charset.join(" ")))
        .arg("family")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| !String::from_utf8_lossy(&output.stdout).trim().is_empty())
}

#[test]
fn titles_in_any_script_the_machine_has_fonts_for_are_drawn_without_boxes() {
    // CI installs a CJK and an Arabic font, and asks for every script to be checked.
    let strict = std::env::var_os("DATELINE_REQUIRE_SCRIPT_FONTS").is_some();
    let events: Vec<(String, String, String)> = SCRIPTS
        .iter()
        .enumerate()
        .map(|(i, (_, title))| {
            (
                format!("e{i}"),
                (*title).to_owned(),
                format!("{}", 2000 + i),
            )
        })
        .collect();
    let refs: Vec<(&str, &str, &str)> = events
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    // Missing glyphs are what this test looks for itself, per script, so the harness draws boxes
    // for them rather than stopping at the first.
    let timeline = dateline::formats::load_str(&timeline_json(&refs), Path::new("scripts.json"))
        .expect("the timeline is valid");
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .allow_missing_glyphs()
        .build_eframe(move |_cc| DatelineApp::new(timeline, None, TODAY));
    h.run();
    // The titles are on screen: in the list, and on the timeline.
    for (_, title) in SCRIPTS {
        assert!(
            h.query_all_by_label_contains(title).next().is_some(),
            "{title} is not shown"
        );
    }
    let font = egui::FontId::proportional(14.0);
    let mut checked = 0;
    for (script, title) in SCRIPTS {
        let available = system_has_font_for(title);
        if available != Some(true) && !strict {
            eprintln!("no system font for {script} here ({available:?}); not checked");
            continue;
        }
        let drawn = h.ctx.fonts_mut(|f| f.has_glyphs(&font, title));
        assert!(
            drawn,
            "{script} title drawn with replacement glyphs: {title}"
        );
        checked += 1;
    }
    h.run();
    // The Latin baseline holds everywhere.
    assert!(
        h.ctx
            .fonts_mut(|f| f.has_glyphs(&font, "Kazakhstan joins the WTO"))
    );
    eprintln!("{checked} of {} scripts checked", SCRIPTS.len());
}

/// A timeline whose one event cites an address of every kind.
const LINKS: &str = r#"{ "format": "dateline/1", "title": "Links", "lanes": [{ "id": "main", "label": "Main" }],
  "events": [{ "id": "e", "title": "An event with sources", "date": "2015", "lane": "main", "summary": "s",
    "sources": [
      { "label": "The web page", "url": "https://example.org/report" },
      { "label": "A script", "url": "javascript:alert(1)" },
      { "label": "A local file", "url": "file:///etc/passwd" }
    ] }] }"#;

fn opened_urls(h: &Harness<'_, DatelineApp>) -> Vec<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn web_links_open_and_other_schemes_are_plain_text() {
    let mut h = app_with(LINKS, "links.json");
    h.state_mut().apply(Command::Select(Some(0)));
    h.run();
    h.get_by_label("The web page").click();
    h.step();
    assert_eq!(opened_urls(&h), ["https://example.org/report"]);
    h.run();
    for label in ["A script", "A local file"] {
        h.get_by_label(label).click();
        h.step();
        assert!(opened_urls(&h).is_empty(), "{label} opened something");
        h.run();
    }
    // The address is there to read, as text.
    assert!(h.query_by_label("(javascript:alert(1))").is_some());
}

#[test]
fn an_export_asks_before_replacing_a_file_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("mine.json");
    std::fs::write(&existing, "what was there").unwrap();
    let mut h = harness();
    h.state_mut().apply(Command::ExportJson(existing.clone()));
    h.run();
    // Nothing is written yet; the question names the file.
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "what was there"
    );
    assert!(h.state().replace_prompt().is_some());
    assert!(h.query_by_label("Replace “mine.json”?").is_some());
    // Cancel keeps it.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().replace_prompt().is_none());
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "what was there"
    );
    assert!(h.state().notice().unwrap().contains("Nothing written"));
    // Esc keeps it too.
    h.state_mut().apply(Command::ExportCsv(existing.clone()));
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().replace_prompt().is_none());
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "what was there"
    );
    // Replace writes it.
    h.state_mut().apply(Command::ExportJson(existing.clone()));
    h.run();
    h.get_by_label("Replace").click();
    h.run();
    let back = dateline::formats::load_path(&existing).unwrap();
    assert_eq!(back.events.len(), h.state().timeline().events.len());
    // A new file is written at once.
    let fresh = dir.path().join("fresh.csv");
    h.state_mut().apply(Command::ExportCsv(fresh.clone()));
    assert!(h.state().replace_prompt().is_none());
    assert!(fresh.is_file());
}

#[test]
fn exporting_onto_the_open_file_says_it_is_the_timeline_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    let original = common::read_fixture("timelinejs.json");
    std::fs::write(&path, &original).unwrap();
    let mut h = harness();
    h.state_mut().apply(Command::Open(path.clone()));
    wait_until(&mut h, "the file to open", |app| !app.is_loading());
    assert_eq!(h.state().file(), Some(path.as_path()));
    // The same file under another spelling.
    let spelled = dir.path().join(".").join("story.json");
    h.state_mut().apply(Command::ExportJson(spelled));
    h.run();
    let prompt = h.state().replace_prompt().expect("asked first");
    assert!(prompt.is_open_file);
    assert!(h.query_by_label_contains("timeline on screen").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

#[test]
fn the_export_dialog_proposes_the_builtin_datasets_own_name() {
    // The file dialog's own text fields have no accessible names: that check is not this test's.
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_accessibility_check(false)
        .build_eframe(|_cc| DatelineApp::builtin(TODAY).expect("the built-in dataset loads"));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").hover();
    h.run();
    h.get_by_label("dateline JSON…").click();
    h.run();
    // The built-in dataset is proposed under its own name.
    assert!(
        h.query_all_by_value("kazakhstan-us.json").next().is_some(),
        "the dialog proposes kazakhstan-us.json"
    );
}

/// Storage in memory, as eframe's would be on disk.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// The app as a launch would make it, with `storage` as what the last session stored.
fn launched(
    storage: MemoryStorage,
    file: Option<std::path::PathBuf>,
    text: Option<std::path::PathBuf>,
) -> Harness<'static, DatelineApp> {
    let ctx = egui::Context::default();
    Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(move |_cc| DatelineApp::launch(&ctx, Some(&storage), file, text, TODAY))
}

/// A dateline JSON file of `n` events, one a day from 1 January 2000.
fn many_events(n: usize) -> String {
    let events: Vec<String> = (0..n)
        .map(|i| {
            let day = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
                + chrono::Days::new(i as u64 % 9000);
            format!(
                r#"{{"id":"e{i}","title":"Event number {i}","date":"{}","lane":"main"}}"#,
                day.format("%Y-%m-%d")
            )
        })
        .collect();
    format!(
        r#"{{"format":"dateline/1","title":"Many","lanes":[{{"id":"main","label":"Main"}}],"events":[{}]}}"#,
        events.join(",\n")
    )
}

#[test]
fn a_file_named_at_launch_loads_behind_a_window_that_is_already_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.json");
    std::fs::write(&path, many_events(2_000)).unwrap();
    // Launching returns at once, with the load under way and the built-in dataset on screen meanwhile.
    let app = DatelineApp::launch(
        &egui::Context::default(),
        None,
        Some(path.clone()),
        None,
        TODAY,
    );
    assert!(app.is_loading());
    assert_eq!(app.file(), None);
    let mut h = launched(MemoryStorage::default(), Some(path.clone()), None);
    wait_until(&mut h, "the launch load", |app| !app.is_loading());
    assert_eq!(h.state().file(), Some(path.as_path()));
    assert_eq!(h.state().timeline().events.len(), 2_000);
    assert_eq!(h.state().window_title(), "dateline — Many");
}

#[test]
fn the_last_sessions_file_comes_back_with_its_view_after_loading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.json");
    std::fs::write(&path, many_events(300)).unwrap();
    let mut h = harness();
    h.state_mut().apply(Command::Open(path.clone()));
    wait_until(&mut h, "the open", |app| !app.is_loading());
    let i = h.state().timeline().event_index("e150").unwrap();
    h.state_mut().apply(Command::SelectAndReveal(i));
    h.run();
    let range = h.state().view_range().unwrap();
    let mut storage = MemoryStorage::default();
    h.state_mut().save(&mut storage);

    let mut again = launched(storage, None, None);
    wait_until(&mut again, "the launch load", |app| !app.is_loading());
    assert_eq!(again.state().file(), Some(path.as_path()));
    assert_eq!(again.state().selected_id(), Some("e150"));
    let (s, e) = again.state().view_range().unwrap();
    assert!((s - range.0).abs() < 1.0 && (e - range.1).abs() < 1.0);
}

#[test]
fn cancelling_the_launch_load_leaves_the_builtin_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.json");
    std::fs::write(&path, many_events(50_000)).unwrap();
    let mut h = launched(MemoryStorage::default(), Some(path), None);
    assert!(
        h.state().is_loading(),
        "50,000 events take longer than a frame"
    );
    h.get_by_label("Cancel").click();
    h.step();
    h.step();
    assert!(!h.state().is_loading());
    assert_eq!(h.state().file(), None);
    assert!(
        h.state()
            .timeline()
            .event_index("kazakhstan-joins-wto")
            .is_some()
    );
}

#[test]
fn a_broken_file_named_at_launch_leaves_the_builtin_timeline_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(
        &path,
        "{\n  \"format\": \"dateline/1\",\n  \"title\": 5\n}\n",
    )
    .unwrap();
    let mut h = launched(MemoryStorage::default(), Some(path.clone()), None);
    wait_until(&mut h, "the launch load", |app| !app.is_loading());
    assert_eq!(h.state().file(), None);
    let notice = h.state().notice().unwrap();
    assert!(
        notice.contains(&format!("{}:3:", path.display())),
        "{notice}"
    );
}

#[test]
fn each_timeline_keeps_its_own_source_text_and_the_text_can_be_closed() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "An article about the WTO.\n").unwrap();
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        timeline_json(&[("a", "Something else", "1999"), ("b", "And more", "2001")]),
    )
    .unwrap();
    // A session on the built-in dataset, with the article beside it.
    let mut h = launched(MemoryStorage::default(), None, Some(article.clone()));
    h.run();
    assert!(h.state().source_text().is_some());
    // Another timeline does not show that article.
    h.state_mut().apply(Command::Open(other.clone()));
    wait_until(&mut h, "the open", |app| !app.is_loading());
    assert!(
        h.state().source_text().is_none(),
        "the article stuck to another timeline"
    );
    // Back to the built-in dataset: its article is back.
    h.state_mut().apply(Command::OpenBuiltin);
    h.run();
    assert_eq!(
        h.state().source_text().map(|t| t.path.clone()),
        Some(article.clone())
    );
    // The next launch remembers the same.
    let mut storage = MemoryStorage::default();
    h.state_mut().save(&mut storage);
    let mut again = launched(storage, None, None);
    again.run();
    assert!(again.state().source_text().is_some());
    // Closing the text forgets it for this timeline.
    again
        .state_mut()
        .apply(Command::SetTab(dateline::app::persist::SideTab::Text));
    again.run();
    again.get_by_label("Close text").click();
    again.run();
    assert!(again.state().source_text().is_none());
    let mut storage = MemoryStorage::default();
    again.state_mut().save(&mut storage);
    let mut third = launched(storage, None, None);
    third.run();
    assert!(third.state().source_text().is_none());
}

/// The rectangle of the only node labelled `label`.
fn rect_of(h: &Harness<'_, DatelineApp>, label: &str) -> egui::Rect {
    h.get_by_label(label).rect()
}

#[test]
fn the_header_keeps_the_search_box_usable_and_nothing_overlaps_at_small_widths() {
    for (width, height) in [(900.0, 600.0), (720.0, 420.0), (1400.0, 860.0)] {
        let mut h = Harness::builder()
            .with_size([width, height])
            .build_eframe(|_cc| DatelineApp::builtin(TODAY).expect("the built-in dataset loads"));
        h.run();
        let search = h.get_by_role_and_label(egui::accesskit::Role::SearchInput, "Search");
        let r = search.rect();
        assert!(
            r.width() >= 190.0,
            "the search box is {} wide at {width}",
            r.width()
        );
        let buttons = ["Fit all", "Shortcuts", "Text"];
        let mut taken: Vec<egui::Rect> = buttons.iter().map(|b| rect_of(&h, b)).collect();
        taken.push(r);
        // The title and the source line are there, and stay clear of the controls.
        let title = h
            .query_all_by_label_contains("Kazakhstan, the United States")
            .map(|n| n.rect())
            .find(|r| r.min.y < 60.0)
            .expect("the title is in the header");
        for rect in &taken {
            assert!(
                !rect.intersects(title.shrink(0.5)),
                "the title runs under a control at {width}"
            );
            assert!(
                rect.max.x <= width + 0.5,
                "a control is off the window at {width}"
            );
        }
    }
}

#[test]
fn a_huge_title_is_cut_to_the_room_everywhere() {
    let huge = "A very long title ".repeat(600_000); // about 10 MB
    let long = "Long ".repeat(300); // 1,500 characters
    let json = serde_json::json!({
        "format": "dateline/1",
        "title": huge,
        "lanes": [{ "id": "main", "label": "Main" }],
        "events": [
            { "id": "a", "title": huge, "date": "2015", "lane": "main", "summary": huge },
            { "id": "b", "title": long, "date": "2016", "lane": "main" }
        ]
    })
    .to_string();
    let mut h = app_with(&json, "huge.json");
    h.state_mut().apply(Command::Select(Some(0)));
    h.run();
    // No widget holds more than a screenful of the text: nothing laid out all ten megabytes.
    let longest = h
        .query_all_by_label_contains("A very long")
        .map(|n| n.accesskit_node().label().map_or(0, |l| l.chars().count()))
        .max()
        .unwrap_or(0);
    assert!(
        longest > 0 && longest < 20_000,
        "a label of {longest} characters"
    );
    // The search box is still there and usable.
    let search = h.get_by_role_and_label(egui::accesskit::Role::SearchInput, "Search");
    let r = search.rect();
    assert!(r.width() >= 190.0 && r.max.x <= 1400.0);
    // The window's title is one short line.
    assert!(h.state().window_title().chars().count() < 200);
    assert!(!h.state().window_title().contains('\n'));
}
