//! The command line on imported formats, run as a process: `check`, `list --json` and `export`.

mod common;
use common::{dateline, fixture, text};

use std::path::Path;

use dateline::formats;

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn check_accepts_timelinejs_json_and_spreadsheet_csv() {
    let json = fixture("timelinejs.json");
    let sheet = fixture("timelinejs-sheet.csv");
    let out = dateline(&["check", arg(&json), arg(&sheet)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].contains("\"Writing & Printing\", 9 events, 2 periods, 6 lanes"),
        "{stdout}"
    );
    assert!(
        lines[1].contains("\"Reaching the Moon\", 5 events, 1 periods, 2 lanes"),
        "{stdout}"
    );
}

#[test]
fn check_reports_every_import_problem_at_file_line_column() {
    let json = fixture("timelinejs-broken.json");
    let sheet = fixture("timelinejs-sheet-broken.csv");
    let out = dateline(&["check", arg(&json), arg(&sheet)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 8 + 3, "{stderr}");
    for line in stderr.lines() {
        let rest = line
            .strip_prefix(&format!("{}:", json.display()))
            .or_else(|| line.strip_prefix(&format!("{}:", sheet.display())))
            .unwrap_or_else(|| panic!("{line}"));
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
    }
    assert!(
        stderr.contains(&format!(
            "{}:7:48: invalid month in the start_date of event \"Month in words\"",
            json.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}:6:20: unknown Type \"sidebar\"",
            sheet.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn check_explains_an_unknown_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    std::fs::write(&path, "name,age\nAnn,3\n").unwrap();
    let out = dateline(&["check", arg(&path)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "{}:1:1: not a timeline dateline can read",
            path.display()
        )),
        "{stderr}"
    );
}

#[test]
fn list_json_shows_timelinejs_events_with_bce_years_and_groups() {
    let json = fixture("timelinejs.json");
    let out = dateline(&["list", "--json", "--today", "2026-01-01", arg(&json)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rows: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(rows.len(), 11);
    let find = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let greek = find("the-greek-alphabet-in-wide-use");
    assert_eq!(greek["date"], "-0499");
    assert_eq!(greek["precision"], "year");
    assert_eq!(greek["lane"], "greece");
    assert_eq!(
        greek["provenance"],
        serde_json::Value::Null,
        "nothing is claimed"
    );
    let era = find("the-year-of-the-press");
    assert_eq!(era["kind"], "period");
    assert_eq!(
        (era["start"].as_str(), era["end"].as_str()),
        (Some("1450-01-01"), Some("1450-12-31"))
    );
    let bible = find("gutenberg-2");
    assert_eq!(
        bible["start"], bible["end"],
        "an end equal to the start is no span"
    );
    let starts: Vec<&str> = rows.iter().map(|r| r["start"].as_str().unwrap()).collect();
    let cuneiform = find("cuneiform-in-sumer");
    assert_eq!(starts[0], cuneiform["start"].as_str().unwrap());
}

#[test]
fn list_json_reads_a_spreadsheet_csv() {
    let sheet = fixture("timelinejs-sheet.csv");
    let out = dateline(&["list", "--json", arg(&sheet)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let titles: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["title"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Space Race",
            "Sputnik 1",
            "Luna 2 hits the Moon, the first impact",
            "Gagarin orbits Earth",
            "Apollo 11",
            "Apollo 17"
        ]
    );
}

#[test]
fn export_writes_csv_and_json_that_read_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("kazakhstan.csv");
    let out = dateline(&["export", "--to", arg(&csv)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert_eq!(text(&out.stderr).lines().count(), 1, "one line on stderr");
    let builtin = formats::builtin().unwrap();
    assert_eq!(formats::load_path(&csv).unwrap(), builtin);

    // CSV back to dateline JSON (upper-case extension is fine).
    let json = dir.path().join("again.JSON");
    let out = dateline(&["export", arg(&csv), "--to", arg(&json)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&json).unwrap();
    assert!(written.contains("\"format\": \"dateline/1\""));
    assert_eq!(formats::load_path(&json).unwrap(), builtin);
    // No temporary files are left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["again.JSON", "kazakhstan.csv"]);
}

#[test]
fn export_converts_timelinejs_to_dateline_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = fixture("timelinejs.json");
    let output = dir.path().join("writing.json");
    let out = dateline(&["export", arg(&input), "--to", arg(&output)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        formats::load_path(&output).unwrap(),
        formats::load_path(&input).unwrap()
    );
    let sheet = fixture("timelinejs-sheet.csv");
    let output = dir.path().join("moon.csv");
    let out = dateline(&["export", arg(&sheet), "--to", arg(&output)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&output).unwrap();
    assert!(written.starts_with("kind,id,title,date,"), "{written}");
    assert_eq!(
        formats::load_path(&output).unwrap(),
        formats::load_path(&sheet).unwrap()
    );
}

#[test]
fn export_to_an_unknown_extension_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["out.txt", "out", "out.json.bak"] {
        let target = dir.path().join(name);
        let out = dateline(&["export", "--to", arg(&target)]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(text(&out.stderr).contains(".json"), "{}", text(&out.stderr));
        assert!(!target.exists());
    }
    assert_eq!(
        dateline(&["export"]).status.code(),
        Some(2),
        "--to is required"
    );
}

#[test]
fn export_of_an_invalid_file_exits_1_with_positions_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = fixture("timelinejs-broken.json");
    let target = dir.path().join("out.csv");
    let out = dateline(&["export", arg(&bad), "--to", arg(&target)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 8, "{stderr}");
    assert!(
        stderr.contains(&format!("{}:8:56:", bad.display())),
        "{stderr}"
    );
    assert!(!target.exists());
}

#[test]
fn export_reports_a_write_failure() {
    let target = Path::new("/nonexistent/dir/out.csv");
    let out = dateline(&["export", "--to", arg(target)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr
            .contains("/nonexistent/dir/out.csv: cannot write the file: No such file or directory"),
        "{stderr}"
    );
    // The temporary file's name means nothing to the reader.
    assert!(!stderr.contains(".tmp"), "{stderr}");
}

#[test]
fn imported_events_claim_no_provenance_in_any_output() {
    let dir = tempfile::tempdir().unwrap();
    for input in [fixture("timelinejs.json"), fixture("timelinejs-sheet.csv")] {
        let json = dir.path().join("out.json");
        let out = dateline(&["export", arg(&input), "--to", arg(&json)]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let written = std::fs::read_to_string(&json).unwrap();
        assert!(!written.contains("provenance"), "{written}");
        let csv = dir.path().join("out.csv");
        let out = dateline(&["export", arg(&input), "--to", arg(&csv)]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let written = std::fs::read_to_string(&csv).unwrap();
        assert!(
            !written.contains("article") && !written.contains("context"),
            "{written}"
        );
        // Read back, still nothing is claimed.
        let again = formats::load_path(&csv).unwrap();
        assert!(
            again
                .events
                .iter()
                .all(|e| e.provenance == dateline::model::Provenance::Unstated)
        );
        let out = dateline(&["list", arg(&input)]);
        let listing = text(&out.stdout);
        assert!(
            !listing.contains("(article") && !listing.contains("(context"),
            "{listing}"
        );
        let out = dateline(&["list", "--json", arg(&input)]);
        for line in text(&out.stdout).lines() {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(row["provenance"], serde_json::Value::Null, "{row}");
        }
    }
    // The built-in dataset states every event's provenance, and says so in the listing.
    let out = dateline(&["list"]);
    let listing = text(&out.stdout);
    assert!(
        listing
            .lines()
            .all(|l| l.contains("(article") || l.contains("(context")),
        "{listing}"
    );
}

#[test]
fn export_refuses_to_write_over_its_input_under_any_name_and_replaces_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    let original = std::fs::read(fixture("valid.json")).unwrap();
    std::fs::write(&input, &original).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let respelled = dir.path().join("sub/../in.json");
    let hard = dir.path().join("hard.json");
    std::fs::hard_link(&input, &hard).unwrap();
    let mut outs = vec![input.clone(), respelled, hard];
    #[cfg(unix)]
    {
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        outs.push(link);
    }
    for out_path in &outs {
        let out = dateline(&["export", arg(&input), "--to", arg(out_path)]);
        assert_eq!(out.status.code(), Some(1), "{}", out_path.display());
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("it is the input file"), "{stderr}");
        assert!(!stderr.contains("panicked"));
        assert_eq!(
            std::fs::read(&input).unwrap(),
            original,
            "the input is untouched"
        );
    }
    // Another existing file is replaced, as scripts expect.
    let other = dir.path().join("other.json");
    std::fs::write(&other, "old").unwrap();
    let out = dateline(&["export", arg(&input), "--to", arg(&other)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        formats::load_path(&other).unwrap(),
        formats::load_path(&input).unwrap()
    );
    // And the help says so.
    let help = text(&dateline(&["export", "--help"]).stdout);
    assert!(
        help.contains("replaced") && help.contains("input file"),
        "{help}"
    );
}
