//! How fast `dateline draft` reads a text, and how much memory it takes.
//!
//! `cargo run --release --example draft_bench -- [FILE...] [--mb N]` reads the given texts (by default
//! the development corpus in `../shared/corpus/temporal/wikiwars-dev/` when it is there), repeats them
//! to at least N megabytes (default 1), then times, on one thread and best of several runs:
//! finding and anchoring every temporal expression with its JSON lines written to memory (what
//! `--mentions` does), and drafting the whole timeline with its JSON (what `--to` does). It prints the
//! throughput, the time per megabyte and the peak resident memory against the text's size.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use dateline::draft;

fn main() {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut megabytes = 1.0f64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--mb" {
            megabytes = args.next().and_then(|n| n.parse().ok()).unwrap_or(1.0);
        } else {
            files.push(PathBuf::from(a));
        }
    }
    if files.is_empty() {
        let dev = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus/temporal/wikiwars-dev");
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dev)
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        if found.is_empty() {
            eprintln!(
                "no texts: name some, or put the development corpus at {}",
                dev.display()
            );
            std::process::exit(2);
        }
        files = found;
    }
    let mut one = String::new();
    for f in &files {
        match std::fs::read_to_string(f) {
            Ok(t) => {
                one.push_str(&t);
                one.push_str("\n\n");
            }
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                std::process::exit(2);
            }
        }
    }
    let target = (megabytes * 1_000_000.0) as usize;
    let mut text = String::with_capacity(target + one.len());
    while text.len() < target {
        text.push_str(&one);
    }
    let mb = text.len() as f64 / 1_000_000.0;
    let dct = NaiveDate::from_ymd_opt(2009, 12, 19);
    let before = peak_rss_bytes();

    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut count = 0;
    let mentions_secs = best_of(7, || {
        out.clear();
        let mentions = draft::mentions(&text, dct);
        count = mentions.len();
        draft::write_mentions(&text, &mentions, &mut out).expect("writing to memory");
    });
    let mut events = 0;
    let draft_secs = best_of(5, || {
        let d = draft::draft(&text, dct, &draft::DraftOptions::default());
        let json = dateline::formats::native::to_string(&d.timeline);
        events = d.timeline.events.len();
        std::hint::black_box(json);
    });
    let peak = peak_rss_bytes();
    println!(
        "text: {mb:.2} MB ({} files repeated), {count} temporal expressions, {events} drafted events",
        files.len()
    );
    println!(
        "--mentions: {:.1} ms, {:.0} MB/s (one thread, best of 7)",
        mentions_secs * 1e3,
        mb / mentions_secs
    );
    println!(
        "--to (draft and JSON): {:.1} ms, {:.1} ms per MB (best of 5)",
        draft_secs * 1e3,
        draft_secs * 1e3 / mb
    );
    if let (Some(before), Some(peak)) = (before, peak) {
        println!(
            "peak resident memory: {:.1} MB, {:.1} MB above the text and the program ({:.1}x the text)",
            peak as f64 / 1e6,
            (peak.saturating_sub(before)) as f64 / 1e6,
            peak.saturating_sub(before) as f64 / text.len() as f64
        );
    }
}

fn best_of(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// The process's peak resident memory (Linux), in bytes.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
