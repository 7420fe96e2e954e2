//! The command line, run as a process: `check` and `list --json` on good and bad files.

mod common;
use common::{dateline, fixture, text};

use std::fmt::Write as _;

#[test]
fn check_accepts_a_good_file_with_a_summary_line() {
    let good = fixture("valid.json");
    let out = dateline(&["check", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1);
    assert!(
        stdout.contains("3 events") && stdout.contains("1 periods"),
        "{stdout}"
    );
}

#[test]
fn check_reports_every_problem_with_file_line_column_and_exits_1() {
    let good = fixture("valid.json");
    let bad = fixture("broken.json");
    let out = dateline(&["check", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    let prefix = format!("{}:", bad.display());
    for line in &lines {
        let rest = line
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{line}"));
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
    }
    assert!(
        stderr.contains(":7:")
            && stderr.contains("invalid date \"2015-02-30\" in event \"wto-entry\""),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    // The good file is still summarised.
    assert_eq!(text(&out.stdout).lines().count(), 1);
}

#[test]
fn check_names_a_missing_file() {
    let out = dateline(&["check", "/nonexistent/x.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/nonexistent/x.json"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(dateline(&["check"]).status.code(), Some(2));
    assert_eq!(dateline(&["list", "--no-such-flag"]).status.code(), Some(2));
}

#[test]
fn list_json_prints_the_articles_events_in_order_with_exact_keys() {
    let out = dateline(&["list", "--json", "--today", "2026-11-29"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rows: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert!(rows.len() >= 15);
    let keys = [
        "kind",
        "id",
        "title",
        "date",
        "start",
        "end",
        "precision",
        "approximate",
        "uncertain",
        "status",
        "lane",
        "tags",
        "provenance",
    ];
    for row in &rows {
        let obj = row.as_object().unwrap();
        assert_eq!(obj.len(), keys.len(), "{row}");
        for key in keys {
            assert!(obj.contains_key(key), "{key} missing in {row}");
        }
    }
    let starts: Vec<&str> = rows.iter().map(|r| r["start"].as_str().unwrap()).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted, "chronological order");
    let find = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let wto = find("kazakhstan-joins-wto");
    assert_eq!(
        (wto["start"].as_str(), wto["end"].as_str()),
        (Some("2015-11-30"), Some("2015-11-30"))
    );
    assert_eq!(wto["provenance"], "article");
    let target = find("uzbekistan-wto-membership-target");
    assert_eq!(target["precision"], "year");
    assert_eq!(target["end"], "2026-12-31");
    assert_eq!(target["status"], "planned");
    let cold_war = find("cold-war");
    assert_eq!(cold_war["kind"], "period");
    assert_eq!(cold_war["approximate"], true);
    let in_force = find("jackson-vanik-in-force");
    assert_eq!(
        in_force["end"], "2026-11-29",
        "an ongoing span runs to today"
    );
    assert_eq!(in_force["status"], "ongoing");
}

#[test]
fn list_of_a_bad_file_exits_1_with_positions() {
    let bad = fixture("broken.json");
    let out = dateline(&["list", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(&format!("{}:7:", bad.display())));
}

#[test]
fn a_csv_wrong_on_every_row_lists_the_first_problems_and_shortens_long_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wrong.csv");
    let long = "x".repeat(20_000);
    let mut csv = String::from("kind,id,title,date\n");
    for i in 0..1_000 {
        let _ = writeln!(csv, "event,{long}{i},T,{long}");
    }
    std::fs::write(&path, &csv).unwrap();
    let out = dateline(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let limit = dateline::formats::native::MAX_LISTED_PROBLEMS;
    assert_eq!(
        lines.len(),
        limit + 1,
        "{}",
        &stderr[..2_000.min(stderr.len())]
    );
    assert!(
        lines[limit].contains("and 900 more problems"),
        "{}",
        lines[limit]
    );
    assert!(lines[0].contains("invalid date \"xxx"), "{}", lines[0]);
    assert!(lines[0].contains("…\""), "{}", lines[0]);
    for line in &lines {
        assert!(
            line.chars().count() < 600,
            "{} characters",
            line.chars().count()
        );
    }
}

#[test]
fn data_in_messages_and_listings_cannot_forge_lines_or_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // A newline in an id would forge a whole extra FILE:LINE:COL line; so would one in the file's name.
    let path = dir.path().join("bad\nname.json");
    std::fs::write(
        &path,
        r#"{"title": "t", "events": [
            {"id": "x\nfake.json:1:1: forged", "title": "A", "date": "2015-02-30"},
            {"id": "y", "title": "B", "date": "2015", "lane": "\u001b[2J\u001b]0;pwned\u0007"}
        ]}"#,
    )
    .unwrap();
    let out = dateline(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    for line in stderr.lines() {
        assert!(
            line.starts_with(&format!("{}/bad\\nname.json:", dir.path().display())),
            "{line}"
        );
    }
    assert!(
        stderr.contains(r#"in event "x\nfake.json:1:1: forged""#),
        "{stderr}"
    );
    assert!(
        stderr.contains(r#"unknown lane "\u{1b}[2J\u{1b}]0;pwned\u{7}""#),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'));

    // A title with escape sequences, in the summary line and in the listing.
    let good = dir.path().join("good.json");
    std::fs::write(
        &good,
        r#"{"title": "T\u001b[31m", "lanes": [{"id": "l\u001b[1m", "label": "L"}], "events": [
            {"id": "a", "title": "Red\u001b[31m\r\nfake line", "date": "2015", "lane": "l\u001b[1m"}
        ]}"#,
    )
    .unwrap();
    let out = dateline(&["check", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(r#"ok: "T\u{1b}[31m""#), "{stdout}");
    let out = dateline(&["list", good.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains(r"Red\u{1b}[31m\r\nfake line  [l\u{1b}[1m]"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}'));
    // JSON lines are JSON-escaped: the title reads back exactly.
    let out = dateline(&["list", "--json", good.to_str().unwrap()]);
    let row: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).unwrap();
    assert_eq!(row["title"], "Red\u{1b}[31m\r\nfake line");
}
