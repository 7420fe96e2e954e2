//! The command line, run as a process: `check` and `list --json` on good and bad files.

mod common;
use common::{dateline, fixture, text};

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
