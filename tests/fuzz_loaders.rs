//! Throws a large number of mutated and generated files at each loader (dateline JSON, `TimelineJS` JSON,
//! CSV in both layouts): none may panic, every failure is a `LoadError` with a position, and every
//! imported timeline that loads reads back the same from dateline CSV and dateline JSON.
//!
//! Inputs per run (debug build, a few seconds each):
//! - dateline JSON: 30,000 mutated fixtures;
//! - `TimelineJS` JSON: 22,000 mutated fixtures + 8,000 generated files;
//! - CSV: 22,000 mutated fixtures + 8,000 generated files;
//! - dateline CSV written from loaded timelines: 10,000 mutated files.
//!
//! 100,000 in all.

use std::fmt::Write as _;
use std::path::Path;

use dateline::formats::{self, LoadError};
use dateline::model::Timeline;
use proptest::prelude::*;
use proptest::test_runner::Config;

const VALID_JSON: &str = include_str!("fixtures/valid.json");
const BROKEN_JSON: &str = include_str!("fixtures/broken.json");
const TIMELINEJS: &str = include_str!("fixtures/timelinejs.json");
const TIMELINEJS_BROKEN: &str = include_str!("fixtures/timelinejs-broken.json");
const SHEET: &str = include_str!("fixtures/timelinejs-sheet.csv");
const SHEET_BROKEN: &str = include_str!("fixtures/timelinejs-sheet-broken.csv");

/// Bytes and snippets that matter to the formats' syntax, inserted or written over the input.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "\n",
    "\r\n",
    "\\",
    "-",
    "0",
    "9",
    "null",
    "true",
    "[]",
    "{}",
    "\"\"",
    "\"-\"",
    "-0",
    "1e999",
    "-99999999999999999999",
    "2.5",
    "&amp;",
    "&#x",
    "&#0;",
    "<p>",
    "</b",
    "<",
    "&",
    ";",
    "\u{e9}",
    "\u{feff}",
    "\"year\": ",
    "\"month\": \"13\"",
    "\"day\": 31",
    "\"end_date\": {\"year\": -1}, ",
    "\"group\": \"\", ",
    "era",
    "title",
    "\"\"\"",
    ",\"a, b\"",
    "Year,",
    "kind,",
    "/..",
    "~",
    "?",
    "%",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// Flip one bit of a byte.
    Flip(usize, u8),
    /// Remove up to 8 bytes.
    Delete(usize, usize),
    /// Insert a raw byte (possibly not UTF-8).
    InsertByte(usize, u8),
    /// Insert a syntax token.
    InsertToken(usize, usize),
    /// Overwrite bytes with a token.
    Overwrite(usize, usize),
    /// Cut the input here.
    Truncate(usize),
    /// Repeat a slice of the input.
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        3 => (at, 0u8..8).prop_map(|(p, b)| Mutation::Flip(p, b)),
        2 => (at, 1usize..8).prop_map(|(p, n)| Mutation::Delete(p, n)),
        1 => (at, any::<u8>()).prop_map(|(p, b)| Mutation::InsertByte(p, b)),
        4 => (at, 0..TOKENS.len()).prop_map(|(p, t)| Mutation::InsertToken(p, t)),
        3 => (at, 0..TOKENS.len()).prop_map(|(p, t)| Mutation::Overwrite(p, t)),
        1 => at.prop_map(Mutation::Truncate),
        1 => (at, 1usize..200).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
    ]
}

fn mutate(seed: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = seed.as_bytes().to_vec();
    for m in mutations {
        let len = bytes.len();
        let pos = |p: usize| if len == 0 { 0 } else { p % (len + 1) };
        match *m {
            Mutation::Flip(p, bit) if len > 0 => bytes[p % len] ^= 1 << bit,
            Mutation::Delete(p, n) if len > 0 => {
                let start = p % len;
                bytes.drain(start..(start + n).min(len));
            }
            Mutation::InsertByte(p, b) => bytes.insert(pos(p), b),
            Mutation::InsertToken(p, t) => {
                let at = pos(p);
                bytes.splice(at..at, TOKENS[t].bytes());
            }
            Mutation::Overwrite(p, t) => {
                let at = pos(p);
                let end = (at + TOKENS[t].len()).min(len);
                bytes.splice(at..end, TOKENS[t].bytes());
            }
            Mutation::Truncate(p) => bytes.truncate(pos(p)),
            Mutation::Duplicate(p, n) if len > 0 => {
                let start = p % len;
                let slice = bytes[start..(start + n).min(len)].to_vec();
                bytes.splice(start..start, slice);
            }
            _ => {}
        }
    }
    bytes
}

/// Loads the bytes; a failure must carry a position, and problems must be in the file's order with
/// 1-based positions.
fn load_checked(bytes: &[u8]) -> Result<Option<Timeline>, TestCaseError> {
    match formats::load_bytes(bytes, Path::new("fuzz")) {
        Ok(t) => Ok(Some(t)),
        Err(e) => {
            prop_assert!(
                e.first_position().is_some(),
                "no position for a content error: {e}"
            );
            if let LoadError::Invalid { problems, .. } = &e {
                prop_assert!(!problems.is_empty());
                for p in problems {
                    prop_assert!(p.position.line >= 1 && p.position.column >= 1, "{e}");
                    prop_assert!(!p.message.is_empty());
                }
                prop_assert!(problems.windows(2).all(|w| w[0].position <= w[1].position));
            }
            prop_assert!(
                !matches!(e, LoadError::Io { .. } | LoadError::TooLarge { .. }),
                "{e}"
            );
            Ok(None)
        }
    }
}

/// An imported timeline that loaded reads back unchanged from both dateline formats.
fn round_trips(t: &Timeline) -> Result<(), TestCaseError> {
    let csv = formats::write_csv(t);
    match formats::load_str(&csv, Path::new("again.csv")) {
        Ok(again) => prop_assert_eq!(&again, t, "via CSV:\n{}", csv),
        Err(e) => prop_assert!(false, "{}\n{}", e, csv),
    }
    let json = formats::native::to_string(t);
    match formats::load_str(&json, Path::new("again.json")) {
        Ok(again) => prop_assert_eq!(&again, t, "via JSON:\n{}", json),
        Err(e) => prop_assert!(false, "{}\n{}", e, json),
    }
    Ok(())
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

// ---- generated inputs ------------------------------------------------------------------------------

/// A date part as `TimelineJS` files write them: mostly numbers and numeric strings in `range`, sometimes
/// a mistake.
fn part(range: std::ops::Range<i64>) -> impl Strategy<Value = String> {
    prop_oneof![
        40 => range.clone().prop_map(|n| n.to_string()),
        20 => range.prop_map(|n| format!("\"{n}\"")),
        1 => Just("\"\"".to_owned()),
        1 => Just("null".to_owned()),
        1 => Just("\"-\"".to_owned()),
        1 => Just("\"March\"".to_owned()),
        1 => Just("1.5".to_owned()),
        1 => Just("true".to_owned()),
        1 => Just("{}".to_owned()),
        1 => Just("99999999999".to_owned()),
    ]
}

fn html_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z ]{0,8}",
            Just("<b>".to_owned()),
            Just("</p>".to_owned()),
            Just("<br/>".to_owned()),
            Just("&amp;".to_owned()),
            Just("&#39;".to_owned()),
            Just("&#x1F600;".to_owned()),
            Just("&bogus;".to_owned()),
            Just("\\n".to_owned()),
            Just("\\\"".to_owned()),
            Just(",".to_owned()),
            Just(";".to_owned()),
            Just("\\u00e9".to_owned()),
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

fn date_json() -> impl Strategy<Value = String> {
    (
        part(-3000..3000),
        proptest::option::of(part(1..13)),
        proptest::option::of(part(1..32)),
    )
        .prop_map(|(y, m, d)| {
            let mut s = format!("{{\"year\": {y}");
            if let Some(m) = m {
                let _ = write!(s, ", \"month\": {m}");
            }
            if let Some(d) = d {
                let _ = write!(s, ", \"day\": {d}");
            }
            s.push('}');
            s
        })
}

/// A slide; eras nearly always have an end date.
fn slide_json(era: bool) -> impl Strategy<Value = String> {
    let end = if era {
        proptest::option::weighted(0.95, date_json())
    } else {
        proptest::option::weighted(0.3, date_json())
    };
    (
        date_json(),
        end,
        html_text(),
        html_text(),
        proptest::option::of("[A-Za-z ]{0,6}"),
        proptest::option::of("[a-z0-9-]{0,4}"),
        proptest::option::of(html_text()),
    )
        .prop_map(|(start, end, headline, text, group, id, display)| {
            let mut s = format!(
                "{{\"start_date\": {start}, \"text\": {{\"headline\": \"{headline}\", \"text\": \"{text}\"}}"
            );
            if let Some(end) = end {
                let _ = write!(s, ", \"end_date\": {end}");
            }
            if let Some(g) = group {
                let _ = write!(s, ", \"group\": \"{g}\"");
            }
            if let Some(id) = id {
                let _ = write!(s, ", \"unique_id\": \"{id}\"");
            }
            if let Some(d) = display {
                let _ = write!(s, ", \"display_date\": \"{d}\"");
            }
            s.push('}');
            s
        })
}

fn timelinejs_file() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(slide_json(false), 0..5),
        proptest::collection::vec(slide_json(true), 0..3),
        proptest::option::of(html_text()),
    )
        .prop_map(|(events, eras, title)| {
            let title = title
                .map(|t| format!("\"title\": {{\"text\": {{\"headline\": \"{t}\"}}}}, "))
                .unwrap_or_default();
            format!(
                "{{{title}\"eras\": [{}], \"events\": [{}]}}",
                eras.join(", "),
                events.join(",\n")
            )
        })
}

fn csv_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        3 => (-3000i64..3000).prop_map(|n| n.to_string()),
        2 => (0i64..40).prop_map(|n| n.to_string()),
        2 => "[A-Za-z ,;]{0,10}".prop_map(|s| format!("\"{s}\"")),
        1 => Just("\"two\nlines\"".to_owned()),
        1 => Just("\"say \"\"hi\"\"\"".to_owned()),
        1 => Just("era".to_owned()),
        1 => Just("title".to_owned()),
        1 => Just("event".to_owned()),
        1 => Just("2015-02-30".to_owned()),
        1 => Just("1947~/1991?".to_owned()),
        1 => Just("[\"a\", \"b\"]".to_owned()),
        1 => Just("\"[{\"\"text\"\": 1}]\"".to_owned()),
        1 => Just("<b>x</b> &amp;".to_owned()),
        1 => Just("-".to_owned()),
        1 => Just("\"".to_owned()),
    ]
}

fn csv_file() -> impl Strategy<Value = String> {
    let headers = prop_oneof![
        Just(
            "Year,Month,Day,End Year,End Month,End Day,Headline,Text,Type,Group,Display Date,Media,Media Caption"
        ),
        Just("headline,year,month,type"),
        Just(
            "kind,id,title,date,text_date,status,lane,tags,summary,note,quotes,people,places,provenance,sources"
        ),
        Just("kind,id,title,date,lane"),
    ];
    (
        headers,
        proptest::collection::vec(proptest::collection::vec(csv_cell(), 0..16), 0..6),
    )
        .prop_map(|(header, rows)| {
            let mut text = format!("{header}\n");
            for row in rows {
                text.push_str(&row.join(","));
                text.push('\n');
            }
            text
        })
}

// ---- the properties ----------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(30_000))]
    #[test]
    fn native_json_loader_survives_mutations(
        seed in 0usize..2,
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let seed = [VALID_JSON, BROKEN_JSON][seed];
        load_checked(&mutate(seed, &mutations))?;
    }
}

proptest! {
    #![proptest_config(config(22_000))]
    #[test]
    fn timelinejs_loader_survives_mutations(
        seed in 0usize..2,
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let seed = [TIMELINEJS, TIMELINEJS_BROKEN][seed];
        if let Some(t) = load_checked(&mutate(seed, &mutations))? {
            round_trips(&t)?;
        }
    }
}

proptest! {
    #![proptest_config(config(8_000))]
    #[test]
    fn timelinejs_loader_survives_generated_files(file in timelinejs_file()) {
        if let Some(t) = load_checked(file.as_bytes())? {
            round_trips(&t)?;
        }
    }
}

proptest! {
    #![proptest_config(config(22_000))]
    #[test]
    fn csv_loader_survives_mutations(
        seed in 0usize..2,
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let seed = [SHEET, SHEET_BROKEN][seed];
        if let Some(t) = load_checked(&mutate(seed, &mutations))? {
            round_trips(&t)?;
        }
    }
}

proptest! {
    #![proptest_config(config(8_000))]
    #[test]
    fn csv_loader_survives_generated_files(file in csv_file()) {
        load_checked(file.as_bytes())?;
    }
}

proptest! {
    #![proptest_config(config(10_000))]
    #[test]
    fn dateline_csv_loader_survives_mutations(
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let seed = dateline_csv_seed();
        load_checked(&mutate(seed, &mutations))?;
    }
}

/// dateline CSV written from the small valid fixture and the `TimelineJS` fixture together.
fn dateline_csv_seed() -> &'static str {
    use std::sync::OnceLock;
    static SEED: OnceLock<String> = OnceLock::new();
    SEED.get_or_init(|| {
        let native = formats::load_str(VALID_JSON, Path::new("v.json")).unwrap();
        let imported = formats::load_str(TIMELINEJS, Path::new("t.json")).unwrap();
        let mut text = formats::write_csv(&native);
        // Append the imported rows (without their header and title rows).
        for line in formats::write_csv(&imported).lines().skip(2) {
            text.push_str(line);
            text.push('\n');
        }
        text
    })
}
