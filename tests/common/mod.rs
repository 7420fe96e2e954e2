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
