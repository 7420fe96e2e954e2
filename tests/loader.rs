//! Loading: good files load; bad files give every problem with the right line and column; nothing panics.

mod common;
use common::{assert_problem_at, fixture};

use std::path::Path;

use dateline::formats::{self, LoadError, Position};
use dateline::model::{Precision, Provenance, Status};

#[test]
fn a_valid_file_loads_sorted_with_its_details() {
    let t = formats::load_path(&fixture("valid.json")).unwrap();
    assert_eq!(t.title, "A small valid timeline");
    let ids: Vec<&str> = t.events.iter().map(dateline::model::Event::id).collect();
    assert_eq!(ids, ["early", "late", "plan"]);
    let early = &t.events[0];
    assert!(early.when.uncertain());
    assert_eq!(early.when.precision(), Precision::Day);
    assert_eq!(
        early.details().quotes[0].speaker.as_deref(),
        Some("Someone")
    );
    // It does not say where it came from: nothing is claimed for it.
    assert_eq!(early.provenance, Provenance::Unstated);
    assert_eq!(t.events[1].provenance, Provenance::Context);
    assert_eq!(t.events[2].status, Status::Planned);
    assert_eq!(t.periods.len(), 1);
    assert_eq!(t.periods[0].lane, None);
}

#[test]
fn every_problem_is_reported_at_its_line_and_column() {
    let path = fixture("broken.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let Err(LoadError::Invalid {
        problems,
        path: named,
    }) = formats::load_path(&path)
    else {
        panic!("broken.json should be invalid");
    };
    assert_eq!(named, path);
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expect = |needle: &str, words: &str| assert_problem_at(&text, &problems, needle, words);
    expect(
        "\"2015-02-30\"",
        "invalid date \"2015-02-30\" in event \"wto-entry\"",
    );
    expect("\"mars\"", "unknown lane \"mars\"");
    expect("\"sport\"", "unknown tag \"sport\"");
    expect(
        "\"hearing\", \"title\": \"Hearing again\"",
        "duplicate id \"hearing\"",
    );
    expect("\"1991/1947\"", "the end comes before the start");
    assert_eq!(problems.len(), 5, "{messages:#?}");
    // In the order of the file.
    assert!(problems.windows(2).all(|w| w[0].position <= w[1].position));
}

#[test]
fn the_error_text_names_file_line_and_column() {
    let path = fixture("broken.json");
    let err = formats::load_path(&path).unwrap_err();
    let first = err.lines().into_iter().next().unwrap();
    assert!(
        first.starts_with(&format!("{}:7:", path.display())),
        "{first}"
    );
}

#[test]
fn unknown_fields_are_rejected_at_their_position() {
    let path = fixture("unknown-field.json");
    let err = formats::load_path(&path).unwrap_err();
    let LoadError::Invalid { problems, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.contains("unknown field `colour`"),
        "{}",
        problems[0].message
    );
    assert_eq!(problems[0].position.line, 6);
}

#[test]
fn syntax_errors_have_a_position() {
    let text = "{\n  \"title\": \"x\",\n  \"events\": [ { \"id\": \"a\" \"title\": \"b\" } ]\n}";
    let err = formats::load_str(text, Path::new("x.json")).unwrap_err();
    assert_eq!(
        err.first_position(),
        Some(Position {
            line: 3,
            column: 27
        })
    );
    assert!(err.to_string().starts_with("x.json:3:27: "), "{err}");
}

#[test]
fn empty_binary_and_wrong_files_have_their_own_errors() {
    let p = Path::new("f.json");
    assert!(matches!(
        formats::load_bytes(b"", p),
        Err(LoadError::Empty { .. })
    ));
    assert!(matches!(
        formats::load_bytes(b"  \n ", p),
        Err(LoadError::Empty { .. })
    ));
    let err = formats::load_bytes(b"{\"title\": \"a\xff\"}", p).unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::NotText {
                position: Position {
                    line: 1,
                    column: 13
                },
                ..
            }
        ),
        "{err}"
    );
    assert!(matches!(
        formats::load_bytes(b"hello", p),
        Err(LoadError::UnknownFormat { .. })
    ));
    let missing = formats::load_path(Path::new("/nonexistent/timeline.json")).unwrap_err();
    assert!(
        missing
            .to_string()
            .starts_with("/nonexistent/timeline.json: cannot read"),
        "{missing}"
    );
}

#[test]
fn truncated_files_never_panic_and_always_have_a_position() {
    let text = formats::BUILTIN_JSON;
    let mut cut = 0;
    while cut < text.len() {
        if text.is_char_boundary(cut) {
            let err = formats::load_str(&text[..cut], Path::new("cut.json"));
            if let Err(e) = err {
                assert!(e.first_position().is_some(), "{e}");
            }
        }
        cut += 97;
    }
}

#[test]
fn dateline_json_writes_back_without_loss() {
    let t = formats::builtin().unwrap();
    let text = formats::native::to_string(&t);
    let again = formats::load_str(&text, Path::new("again.json")).unwrap();
    assert_eq!(t, again);
}

#[test]
fn duplicate_ids_are_found_even_when_the_date_is_invalid() {
    let text = r#"{"title": "t", "events": [
        {"id": "a", "title": "A", "date": "2015"},
        {"id": "a", "title": "B", "date": "2015-02-30"}
    ]}"#;
    let Err(LoadError::Invalid { problems, .. }) = formats::load_str(text, Path::new("d.json"))
    else {
        panic!("should be invalid")
    };
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("duplicate id \"a\"")),
        "{problems:?}"
    );
    assert!(problems.iter().any(|p| p.message.contains("2015-02-30")));
}

#[test]
fn a_file_wrong_everywhere_lists_the_first_problems_and_counts_the_rest() {
    let mut raw = dateline::generate::generate_raw(3_000, 3);
    for e in &mut raw.events {
        e.status = Some("happened".into());
    }
    let text = serde_json::to_string(&raw).unwrap();
    let problems = dateline::formats::native::parse(&text).unwrap_err();
    let limit = dateline::formats::native::MAX_LISTED_PROBLEMS;
    assert_eq!(problems.len(), limit + 1);
    assert!(
        problems[0]
            .message
            .contains("unknown status \"happened\" in event \"e0\"")
    );
    let last = &problems[limit].message;
    assert!(
        last.contains(&format!("and {} more problems", 3_000 - limit)),
        "{last}"
    );
}

#[test]
fn blank_ids_of_every_kind_are_errors_at_the_id() {
    let text = "{\"title\": \"t\",\n\
        \"lanes\": [{\"id\": \"\", \"label\": \"Empty\"}, {\"id\": \" \\t\", \"label\": \"Spaces\"}],\n\
        \"tags\": [{\"id\": \"\\u00a0\", \"label\": \"No-break space\"}],\n\
        \"periods\": [{\"id\": \"  \", \"title\": \"P\", \"date\": \"1990/2000\"}],\n\
        \"events\": [{\"id\": \"\\n\", \"title\": \"E\", \"date\": \"2015\"}]}";
    let Err(LoadError::Invalid { problems, .. }) = formats::load_str(text, Path::new("b.json"))
    else {
        panic!("blank ids must not load")
    };
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 5, "{messages:#?}");
    for (problem, (line, what)) in problems.iter().zip([
        (2, "a lane"),
        (2, "a lane"),
        (3, "a tag"),
        (4, "a period"),
        (5, "an event"),
    ]) {
        assert_eq!(problem.position.line, line, "{messages:#?}");
        assert!(
            problem
                .message
                .starts_with(&format!("{what} has an empty id")),
            "{messages:#?}"
        );
    }
    // The same rule in dateline CSV, at the id's cell.
    let csv = "kind,id,title,date\nlane, ,Spaces,\ntag,,Empty,\nevent,\t,E,2015\n";
    let Err(LoadError::Invalid { problems, .. }) = formats::load_str(csv, Path::new("b.csv"))
    else {
        panic!("blank ids must not load")
    };
    let at: Vec<(usize, usize)> = problems
        .iter()
        .map(|p| (p.position.line, p.position.column))
        .collect();
    assert_eq!(at, [(2, 6), (3, 5), (4, 7)], "{problems:?}");
}

#[test]
fn lanes_and_tags_after_the_events_still_resolve_and_locate_every_problem() {
    let text = "{\"title\": \"t\", \"events\": [\n\
        {\"id\": \"a\", \"title\": \"A\", \"date\": \"2015\", \"lane\": \"us\", \"tags\": [\"wto\"]},\n\
        {\"id\": \"b\", \"title\": \"B\", \"date\": \"2016\", \"lane\": \"mars\", \"tags\": [\"sport\"]}\n\
        ],\n\"lanes\": [{\"id\": \"us\", \"label\": \"US\"}],\n\
        \"tags\": [{\"id\": \"wto\", \"label\": \"WTO\"}]}";
    let Err(LoadError::Invalid { problems, .. }) = formats::load_str(text, Path::new("l.json"))
    else {
        panic!("should be invalid")
    };
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{messages:#?}");
    assert_problem_at(text, &problems, "\"mars\"", "unknown lane \"mars\"");
    assert_problem_at(text, &problems, "\"sport\"", "unknown tag \"sport\"");
    let fixed = text
        .replace("\"mars\"", "\"us\"")
        .replace("\"sport\"", "\"wto\"");
    let t = formats::load_str(&fixed, Path::new("l.json")).unwrap();
    assert_eq!(t.lanes.len(), 1);
    assert!(
        t.events
            .iter()
            .all(|e| e.tags().len() == 1 && e.lane.0 == 0)
    );
}
