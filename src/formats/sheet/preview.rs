//! What a spreadsheet would become, shown before it is opened: its first rows as they would be read (the
//! date in words, the title, the lane) and the first problem, at its line and column, for the mapping and
//! the order of day and month chosen. Only the first rows are read, however large the sheet, so the
//! preview can follow every change of the choice; the whole sheet is read when it is opened.

use super::{Mapping, Role, SheetOptions, delimiter, read};
use crate::formats::Problem;
use crate::view::elide::one_line;

/// How many rows the preview shows.
pub const PREVIEW_ROWS: usize = 20;

/// How many rows are kept to guess the mapping from (the whole sheet's guess looks at as many).
pub const GUESS_ROWS: usize = 200;

/// The most characters of a cell the preview shows.
const CELL_CHARS: usize = 80;

/// One row as it would be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewRow {
    /// The line of the text the row starts on (1-based).
    pub line: usize,
    /// Its date in words ("on 30 November 2015", "from 1996 to 2015").
    pub date: String,
    /// Its title, on one line and bounded.
    pub title: String,
    /// Its lane, on one line and bounded.
    pub lane: String,
}

/// The first rows of a sheet as they would be read, and the first problem.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// The headers, each on one line and bounded, for the choice of columns.
    pub headers: Vec<String>,
    /// The mapping the rows were read with.
    pub mapping: Mapping,
    /// The first rows that read, in the order of the sheet (at most [`PREVIEW_ROWS`]).
    pub rows: Vec<PreviewRow>,
    /// The first problem among the first rows (or of the header row), when there is one.
    pub problem: Option<Problem>,
}

/// The most bytes [`head`] keeps, whatever the rows hold (a quote never closed runs to the end of the
/// file): the preview reads them again at each change of the choice.
pub const MAX_HEAD_BYTES: usize = 32 << 20;

/// The start of `text` holding its header row and its first `rows` rows, cut where the next row starts
/// (a quoted cell may hold line breaks, so the rows are found as the sheet's reader finds them), and at
/// most [`MAX_HEAD_BYTES`] long (then cut at a line's end where there is one).
pub fn head(text: &str, rows: usize) -> &str {
    head_within(text, rows, MAX_HEAD_BYTES)
}

/// [`head`], at most `max_bytes` long.
fn head_within(text: &str, rows: usize, max_bytes: usize) -> &str {
    let head = rows_head(text, rows);
    if head.len() <= max_bytes {
        return head;
    }
    let mut end = max_bytes;
    while !head.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &head[..end];
    match cut.rfind('\n') {
        Some(at) if at > 0 => &cut[..=at],
        _ => cut,
    }
}

/// The start of `text` holding its header row and its first `rows` rows.
fn rows_head(text: &str, rows: usize) -> &str {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter(text))
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = ::csv::ByteRecord::new();
    let mut seen = 0;
    loop {
        let at = reader.position().byte();
        match reader.read_byte_record(&mut record) {
            Ok(true) if seen > rows => {
                let mut at = usize::try_from(at).unwrap_or(text.len()).min(text.len());
                // The reader may place a row after `\r\n` at its `\n`: the cut is past the line break,
                // at a row's first byte, so at a character boundary.
                while matches!(text.as_bytes().get(at), Some(b'\r' | b'\n')) {
                    at += 1;
                }
                return text.get(..at).unwrap_or(text);
            }
            Ok(false) => return text,
            // A row that cannot be read is kept too, for the reader of the head to tell where it is.
            Ok(true) | Err(_) => seen += 1,
        }
    }
}

/// The mapping `options` lead to for the sheet that starts with `text`: the one chosen, else the guess
/// from its first [`GUESS_ROWS`] rows, with the columns named over it.
pub fn mapping_of(text: &str, options: &SheetOptions) -> (Vec<String>, Mapping) {
    let reading = read(head(text, GUESS_ROWS), options);
    (reading.headers, reading.mapping)
}

/// The first [`PREVIEW_ROWS`] rows of the sheet that starts with `text`, read with `mapping` and `order`
/// (the preview of the dialog's choice: nothing is guessed here).
pub fn preview(text: &str, mapping: &Mapping, order: Option<super::DayOrder>) -> Preview {
    let options = SheetOptions {
        columns: Vec::new(),
        order,
        mapping: Some(mapping.clone()),
    };
    let reading = read(head(text, PREVIEW_ROWS), &options);
    let timeline = &reading.timeline;
    let rows = timeline
        .events
        .iter()
        .zip(&reading.lines)
        .map(|(event, &line)| PreviewRow {
            line,
            date: event.when.describe(),
            title: one_line(event.title(), CELL_CHARS).into_owned(),
            lane: one_line(timeline.lane_label(event.lane), CELL_CHARS).into_owned(),
        })
        .collect();
    Preview {
        headers: reading
            .headers
            .iter()
            .map(|h| one_line(h, CELL_CHARS).into_owned())
            .collect(),
        mapping: reading.mapping,
        rows,
        problem: reading.problems.into_iter().next(),
    }
}

/// The column a role's choice names, in words: the header, or "column 3" for an empty one.
pub fn column_name(headers: &[String], column: Option<usize>) -> String {
    match column {
        None => "(none)".to_owned(),
        Some(c) => match headers.get(c).map(|h| h.trim()) {
            Some(h) if !h.is_empty() => h.to_owned(),
            _ => format!("column {}", c + 1),
        },
    }
}

/// The role's name in the dialog ("Date", "End", …).
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Date => "Date",
        Role::End => "End",
        Role::Title => "Title",
        Role::Description => "Description",
        Role::Lane => "Lane",
        Role::Tags => "Tags",
        Role::Year => "Year",
        Role::Approximate => "Approximate",
    }
}

#[cfg(test)]
mod tests {
    use super::super::DayOrder;
    use super::*;

    const OWN: &str = "When;Event;Category\n30/11/2015;Kazakhstan joins the WTO;Trade\n\
                       03/04/2015;A day either way round;Trade\n24/02/2022;Russia invades Ukraine;Security\n";

    fn guessed(text: &str) -> Mapping {
        mapping_of(text, &SheetOptions::default()).1
    }

    #[test]
    fn the_head_holds_the_header_and_the_first_rows_cut_at_a_row() {
        let text = "a,b\n1,\"x\ny\"\n2,z\n3,w\n";
        assert_eq!(head(text, 1), "a,b\n1,\"x\ny\"\n");
        assert_eq!(head(text, 2), "a,b\n1,\"x\ny\"\n2,z\n");
        assert_eq!(head(text, 9), text);
        assert_eq!(head("", 3), "");
        // CRLF, and the last row without a line break.
        assert_eq!(head("a,b\r\n1,2\r\n3,4", 1), "a,b\r\n1,2\r\n");
        // A quote never closed would take the rest of the file: the head is bounded, at a line's end.
        let open = format!("a,b\n1,\"x\n{}", "y\n".repeat(1_000));
        assert_eq!(head_within(&open, 20, 12), "a,b\n1,\"x\ny\n");
        assert_eq!(head_within("ab\u{e9}", 1, 3), "ab");
    }

    #[test]
    fn the_preview_shows_the_guess_and_the_first_problem_at_its_cell() {
        let mapping = guessed(OWN);
        assert_eq!(mapping.get(Role::Date), Some(0));
        assert_eq!(mapping.get(Role::Title), Some(1));
        assert_eq!(mapping.get(Role::Lane), Some(2));
        let p = preview(OWN, &mapping, None);
        assert_eq!(p.headers, ["When", "Event", "Category"]);
        // The rows that read are shown; the ambiguous one is the problem, at line 3, column 1.
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[0].date, "on 30 November 2015");
        assert_eq!(p.rows[0].title, "Kazakhstan joins the WTO");
        assert_eq!(p.rows[0].lane, "Trade");
        assert_eq!(p.rows[0].line, 2);
        assert_eq!(p.rows[1].lane, "Security");
        let problem = p.problem.expect("the ambiguous date");
        assert_eq!((problem.position.line, problem.position.column), (3, 1));
        assert!(problem.message.contains("either way round"), "{problem}");
    }

    #[test]
    fn choosing_the_order_reads_every_row() {
        let p = preview(OWN, &guessed(OWN), Some(DayOrder::DayFirst));
        assert_eq!(p.problem, None);
        assert_eq!(p.rows.len(), 3);
        assert_eq!(p.rows[1].date, "on 3 April 2015");
        let p = preview(OWN, &guessed(OWN), Some(DayOrder::MonthFirst));
        // 30/11 cannot be month first, so it is read day first; 03/04 follows the order.
        assert_eq!(p.problem, None);
        assert_eq!(p.rows[1].date, "on 4 March 2015");
    }

    #[test]
    fn a_column_changed_reads_with_the_change() {
        let mut mapping = guessed(OWN);
        mapping.set(Role::Lane, None);
        mapping.set(Role::Title, Some(2));
        let p = preview(OWN, &mapping, Some(DayOrder::DayFirst));
        assert_eq!(p.rows[0].title, "Trade");
        assert_eq!(p.rows[0].lane, "Events");
        // No date column: the header row is at fault, and no row is read.
        mapping.set(Role::Date, None);
        let p = preview(OWN, &mapping, None);
        assert!(p.rows.is_empty());
        let problem = p.problem.expect("no date column");
        assert!(problem.message.contains("no column holds the dates"));
    }

    #[test]
    fn a_large_sheet_is_previewed_from_its_first_rows_only() {
        let mut text = String::from("Date,Title\n");
        for i in 0..200_000 {
            text.push_str("2015-01-01,Event ");
            text.push_str(&i.to_string());
            text.push('\n');
        }
        text.push_str("not a date,The last\n");
        let started = std::time::Instant::now();
        let p = preview(&text, &guessed(&text), None);
        assert_eq!(p.rows.len(), PREVIEW_ROWS);
        assert_eq!(p.problem, None, "the last row is not read");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn hostile_sheets_preview_without_panicking_and_bounded() {
        let huge = "x".repeat(10 << 20);
        let cases = [
            "\u{feff}When,Event\r\n2015-11-30,A\r\n".to_owned(),
            format!("When,Event\n2015-11-30,{huge}\n"),
            format!("When,Event\n{huge},A\n"),
            "When,Event\n2015-11-30,bell\u{7}\u{1b}[31m\nnext\n".to_owned(),
            "Дата;Событие;Категория\n30.11.2015;Вступление в ВТО;Торговля\n".to_owned(),
            "日付\t出来事\n2015-11-30\t加盟\n".to_owned(),
            "When,Event\n\"2015-11-30,never closed\n".to_owned(),
            ",,,\n,,,\n".to_owned(),
            "When\n".to_owned(),
            String::new(),
        ];
        for text in &cases {
            let mapping = guessed(text);
            let p = preview(text, &mapping, None);
            for row in &p.rows {
                assert!(row.title.chars().count() <= CELL_CHARS);
                assert!(!row.title.chars().any(char::is_control), "{row:?}");
            }
            for h in &p.headers {
                assert!(h.chars().count() <= CELL_CHARS);
            }
            if let Some(problem) = &p.problem {
                assert!(problem.message.chars().count() <= 400);
                assert!(!problem.message.chars().any(char::is_control));
            }
        }
        // Non-Latin headers are shown as written, and the dates under them read.
        let p = preview(&cases[4], &guessed(&cases[4]), None);
        assert_eq!(p.headers[0], "Дата");
        assert_eq!(p.rows[0].date, "on 30 November 2015");
        // A 10 MB cell is shown cut.
        let p = preview(&cases[1], &guessed(&cases[1]), None);
        assert!(p.rows[0].title.ends_with('…'));
    }

    #[test]
    fn columns_are_named_by_their_headers() {
        let headers = ["When".to_owned(), " ".to_owned()];
        assert_eq!(column_name(&headers, Some(0)), "When");
        assert_eq!(column_name(&headers, Some(1)), "column 2");
        assert_eq!(column_name(&headers, None), "(none)");
        assert_eq!(role_name(Role::Lane), "Lane");
    }
}
