//! Helpers the test files share: the app on the built-in dataset in a headless harness, the test fixtures,
//! and the `dateline` binary run as a process.
#![allow(dead_code, reason = "each test file uses only some of these helpers")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use dateline::app::DatelineApp;
use egui_kittest::Harness;

/// The day the tests treat as today.
pub const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();

/// The app on the built-in dataset in a 1400×860 headless window, settled after its first frames.
pub fn harness() -> Harness<'static, DatelineApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_eframe(|_cc| DatelineApp::builtin(TODAY).expect("the built-in dataset loads"));
    h.run();
    h
}

/// The path of a file in `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs the `dateline` binary with `args`.
pub fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Bytes a process printed, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The text of a file in `tests/fixtures`.
pub fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("the fixture is readable")
}

/// The 1-based line and column of the first occurrence of `needle` in `text`.
pub fn position_of(text: &str, needle: &str) -> dateline::formats::Position {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in fixture"));
    dateline::formats::Position::of_offset(text, offset)
}

/// Asserts that one of `problems` is at the first occurrence of `needle` in `text` and says `words`.
pub fn assert_problem_at(
    text: &str,
    problems: &[dateline::formats::Problem],
    needle: &str,
    words: &str,
) {
    let at = position_of(text, needle);
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.position == at && p.message.contains(words)),
        "no problem \"{words}\" at {at:?}; got {messages:#?}"
    );
}
