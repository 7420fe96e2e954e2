//! `dateline draft` run as a process: its JSON lines, its text formats, and plain errors for bad input.

mod common;

use common::{dateline, text};

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn mentions_are_one_json_object_per_line_with_byte_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Tết came early. Kazakhstan joined the WTO on 30 November 2015; the talks took three years.";
    let file = write(&dir, "a.txt", body.as_bytes());
    let out = dateline(&["draft", &file, "--published", "2016-01-05", "--mentions"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let first = &lines[0];
    let (start, end) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    // Byte offsets: "Tết" is 5 bytes long.
    assert_eq!(&body.as_bytes()[start..end], b"30 November 2015");
    assert_eq!(first["text"], "30 November 2015");
    assert_eq!(first["type"], "DATE");
    assert_eq!(first["value"], "2015-11-30");
    assert_eq!(lines[1]["type"], "DURATION");
    assert_eq!(lines[1]["value"], "P3Y");
}

#[test]
fn html_is_read_as_its_text_and_markdown_keeps_its_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let html = write(
        &dir,
        "a.html",
        b"<html><body><p>The act passed in <b>1974</b>.</p><script>var y = 1999;</script></body></html>",
    );
    let out = dateline(&["draft", &html, "--mentions"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        stdout.contains("\"value\":\"1974\"") && !stdout.contains("1999"),
        "{stdout}"
    );

    let md = "# In *1974*\n\nThe act passed in **1975**.\n";
    let file = write(&dir, "a.md", md.as_bytes());
    let out = dateline(&["draft", &file, "--mentions"]);
    for line in text(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&md[s..e], v["text"].as_str().unwrap());
    }
    assert_eq!(text(&out.stdout).lines().count(), 2);
}

#[test]
fn the_text_s_own_dateline_dates_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "news.txt",
        "WASHINGTON, Nov. 30, 2015 – The Senate voted yesterday on the bill.".as_bytes(),
    );
    let out = dateline(&["draft", &file, "--mentions"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"value\":\"2015-11-29\""), "{stdout}");
}

#[test]
fn bad_input_gets_a_plain_error_naming_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let binary = write(&dir, "a.bin", b"PK\x03\x04\x00\x00\x01");
    let out = dateline(&["draft", &binary, "--mentions"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("a.bin:1:5: this is a binary file"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));

    let latin1 = write(&dir, "b.txt", b"Caf\xe9 in 1974\n");
    let out = dateline(&["draft", &latin1, "--mentions"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("b.txt:1:4: the text is not UTF-8"),
        "{}",
        text(&out.stderr)
    );

    let out = dateline(&["draft", "/nonexistent/x.txt", "--mentions"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/nonexistent/x.txt: cannot read the file"));
}

#[test]
fn the_draft_must_be_written_as_json_and_one_output_is_required() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "a.txt", b"In 1974.");
    let csv = dir.path().join("out.csv");
    let out = dateline(&["draft", &file, "--to", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("must end in .json"),
        "{}",
        text(&out.stderr)
    );
    assert!(!csv.exists());
    assert_eq!(dateline(&["draft", &file]).status.code(), Some(2));
}
