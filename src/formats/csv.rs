//! CSV, in two layouts told apart by the header row (matched case-insensitively; unknown columns are
//! ignored and missing ones are empty):
//!
//! - **`TimelineJS` spreadsheet**: `Year, Month, Day, Time, End Year, End Month, End Day, End Time,
//!   Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group,
//!   Background`. Rows become slides and go through the same conversion as `TimelineJS` JSON
//!   ([`super::timelinejs`]); `Type` is `title`, `era` or blank (an event). `Media`, `Media Credit`,
//!   `Media Caption` and `Media Thumbnail` are an event's media. `Time` and `Background` are not used.
//! - **dateline CSV**, as [`write`] produces it, one row per thing, its `kind` saying what:
//!   `kind, id, title, date, text_date, status, lane, tags, summary, note, quotes, people, places,
//!   provenance, sources, publisher, section, author, url, media`.
//!   - `title`: the timeline's `title`, its description in `summary`.
//!   - `source`: the source text's `title`, `date` (published), `note`, `publisher`, `section`, `author`
//!     and `url`.
//!   - `lane` and `tag`: an `id` and its label in `title`, in display order.
//!   - `period`: `id, title, date, lane, summary, provenance, sources`.
//!   - `event` (or blank): every event column; `media` is a JSON object (`{"url", "caption", "credit",
//!     "thumbnail", "alt", "title", "link", "link_target"}`), or typed by hand just the address.
//!
//!   Dates are EDTF. `tags`, `people` and `places` are lists separated by `; ` — or a JSON array of
//!   strings when an item contains `;`, is empty or starts with `[`. `quotes` and `sources` are JSON arrays
//!   of `{"text", "speaker"}` and `{"label", "url"}`; typed by hand, a plain `quotes` cell is one quote, and
//!   a plain `sources` cell is a `;`-separated list of labels, each optionally ending in its address
//!   (`CRS report https://…`). An empty cell is the same as a missing value. Rows are checked by the
//!   same code as dateline JSON, so writing and reading back loses nothing.
//!
//!   A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//!   return) is written with a leading `'`, as OWASP advises, and so is a cell that starts with `'`;
//!   reading dateline CSV removes that one `'` again (a `-0499` date is written `'-0499` and reads back).
//!
//! Every problem is reported at the line and column of its cell.

use std::collections::HashMap;

use super::error::Problem;
use super::locate::{LineCursor, Position, Step};
use super::native::{
    self, RawEvent, RawLabel, RawLink, RawMedia, RawPeriod, RawQuote, RawSource, RawTimeline,
};
use super::report::Report;
use super::show::quoted;
use super::timelinejs::{DateParts, Field, Media, Part, Scalar, Slide, SlideBuilder, Which};
use crate::model::Timeline;

/// The two column layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `TimelineJS`'s spreadsheet columns.
    TimelineJs,
    /// dateline's own columns.
    Dateline,
}

/// The dateline CSV columns, in the order [`write`] writes them.
pub const COLUMNS: [&str; 20] = [
    "kind",
    "id",
    "title",
    "date",
    "text_date",
    "status",
    "lane",
    "tags",
    "summary",
    "note",
    "quotes",
    "people",
    "places",
    "provenance",
    "sources",
    "publisher",
    "section",
    "author",
    "url",
    "media",
];

/// The `TimelineJS` spreadsheet columns (lowercase).
pub const TIMELINEJS_COLUMNS: [&str; 18] = [
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "background",
];

/// A header as matched: trimmed, lowercase, runs of white space or `_` made one space.
fn normalize_header(header: &str) -> String {
    header
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Which layout the text's header row is in, if it looks like CSV at all: the first line has a comma,
/// and the headers include `date` (with `kind`, `id` or `title`) for dateline CSV, or `Year` or
/// `Headline` for `TimelineJS`. A header row separated by semicolons or tabs (as spreadsheets save in
/// much of the world) is `TimelineJS`'s when it has both `Year` and `Headline`.
pub fn sniff(text: &str) -> Option<Layout> {
    sniff_delimited(text).map(|(layout, _)| layout)
}

/// [`sniff`], with the separator of the cells.
fn sniff_delimited(text: &str) -> Option<(Layout, u8)> {
    let first_line = text.lines().next()?;
    let headers = |delimiter| -> Option<Vec<String>> {
        let mut reader = reader_with(text, delimiter);
        let record = reader.records().next()?.ok()?;
        Some(record.iter().map(normalize_header).collect())
    };
    if first_line.contains(',') {
        let names = headers(b',')?;
        let has = |name: &str| names.iter().any(|n| n == name);
        if has("date") && !has("year") && (has("kind") || has("id") || has("title")) {
            return Some((Layout::Dateline, b','));
        }
        if has("year") || has("headline") {
            return Some((Layout::TimelineJs, b','));
        }
    }
    let delimiter = super::sheet::delimiter(text);
    if delimiter == b',' || !first_line.as_bytes().contains(&delimiter) {
        return None;
    }
    // Stricter than with commas: a sheet of one's own may well have a Year column.
    let names = headers(delimiter)?;
    let has = |name: &str| names.iter().any(|n| n == name);
    (has("year") && has("headline")).then_some((Layout::TimelineJs, delimiter))
}

/// A reader of rows separated by `delimiter` (`,`, `;` or a tab).
fn reader_with(text: &str, delimiter: u8) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// One data row: its cells and where it starts.
pub(crate) struct Row {
    /// The row's cells.
    pub(crate) cells: ::csv::StringRecord,
    /// Byte offset of the row's first cell.
    start: usize,
    /// The row's start, with its line.
    at: LineCursor,
}

/// The rows of a CSV text, with the header's columns by normalized name.
pub(crate) struct Sheet<'a> {
    text: &'a str,
    columns: HashMap<String, usize>,
    /// The header row's cells as written.
    pub(crate) headers: Vec<String>,
    /// The data rows.
    pub(crate) rows: Vec<Row>,
    delimiter: u8,
}

impl<'a> Sheet<'a> {
    fn read(text: &'a str, problems: &mut Report) -> Self {
        Self::read_with(text, b',', problems)
    }

    /// The rows of `text`, its cells separated by `delimiter`.
    pub(crate) fn read_with(text: &'a str, delimiter: u8, problems: &mut Report) -> Self {
        let mut headers = Vec::new();
        let mut columns = HashMap::new();
        let mut rows = Vec::new();
        let unclosed = unclosed_quote(text, delimiter);
        if let Some(open) = unclosed {
            problems.add(
                || Position::of_offset(text, open),
                "this quote is never closed, so the rest of the file would be one cell (a quote inside a \
                 quoted cell is written twice: \"\")"
                    .to_owned(),
            );
        }
        let mut cursor = LineCursor::default();
        for (i, record) in reader_with(text, delimiter).records().enumerate() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let offset = e.position().map_or(0, |p| p.byte() as usize);
                    let message = match e.kind() {
                        ::csv::ErrorKind::Utf8 { .. } => "the row is not UTF-8 text".to_owned(),
                        _ => format!("the row cannot be read: {e}"),
                    };
                    problems.add(|| Position::of_offset(text, offset), message);
                    continue;
                }
            };
            if i == 0 {
                headers = record.iter().map(str::to_owned).collect();
                for (index, name) in record.iter().enumerate() {
                    columns.entry(normalize_header(name)).or_insert(index);
                }
                continue;
            }
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            // The reader may place a row after `\r\n` at its `\n`: the row starts past the line break.
            let mut start = record.position().map_or(0, |p| p.byte() as usize);
            while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
                start += 1;
            }
            // Lines are counted here rather than by the CSV reader, which counts only `\n`.
            cursor.advance(text, start);
            rows.push(Row {
                cells: record,
                start,
                at: cursor,
            });
        }
        // The row where the quote opens runs to the end of the file: its cells are not what was meant.
        if let Some(open) = unclosed
            && rows.last().is_some_and(|r| r.start <= open)
        {
            rows.pop();
        }
        Self {
            text,
            columns,
            headers,
            rows,
            delimiter,
        }
    }

    /// The line and column where cell `index` of data row `row` starts.
    pub(crate) fn position_of_cell(&self, row: usize, index: usize) -> Position {
        let Some(r) = self.rows.get(row) else {
            return Position { line: 1, column: 1 };
        };
        let offset = field_start(self.text, r.start, index, self.delimiter);
        let mut at = r.at;
        at.advance(self.text, offset);
        at.position(self.text)
    }

    /// The cell of `row` in the column `name`, or `""` when the column or cell is missing.
    fn cell<'r>(&self, row: &'r Row, name: &str) -> &'r str {
        self.columns
            .get(&normalize_header(name))
            .and_then(|&i| row.cells.get(i))
            .unwrap_or("")
    }

    /// The line and column where the cell of `row` in the column `name` starts (the row's start when the
    /// column is missing).
    fn position(&self, row: usize, name: &str) -> Position {
        let Some(r) = self.rows.get(row) else {
            return Position { line: 1, column: 1 };
        };
        let offset = match self.columns.get(&normalize_header(name)) {
            Some(&index) => field_start(self.text, r.start, index, self.delimiter),
            None => r.start,
        };
        // Counted from the row rather than the start of the text, so many problems stay cheap.
        let mut at = r.at;
        at.advance(self.text, offset);
        at.position(self.text)
    }
}

/// The offset of a quote that opens a cell and is never closed, if there is one. The CSV reader takes such
/// a cell to run to the end of the file; walking the cells as it does finds where it opens.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        // `pos` is at the start of a cell.
        if bytes[pos] == b'"' {
            let open = pos;
            pos += 1;
            loop {
                let Some(quote) = bytes[pos.min(bytes.len())..]
                    .iter()
                    .position(|&b| b == b'"')
                else {
                    return Some(open);
                };
                pos += quote + 1;
                if bytes.get(pos) == Some(&b'"') {
                    pos += 1;
                } else {
                    break;
                }
            }
        }
        // The rest of the cell, up to a comma or the end of the line.
        while pos < bytes.len() && bytes[pos] != delimiter && !matches!(bytes[pos], b'\n' | b'\r') {
            pos += 1;
        }
        pos += 1;
    }
    None
}

/// The byte offset where field `index` of the record starting at `start` begins, found by walking the
/// raw text (quoted fields may hold commas, quotes and line breaks). Clamped to the record's end.
fn field_start(text: &str, start: usize, index: usize, delimiter: u8) -> usize {
    let bytes = text.as_bytes();
    let mut pos = start.min(bytes.len());
    for _ in 0..index {
        if bytes.get(pos) == Some(&b'"') {
            pos += 1;
            while pos < bytes.len() {
                if bytes[pos] == b'"' {
                    if bytes.get(pos + 1) == Some(&b'"') {
                        pos += 2;
                        continue;
                    }
                    pos += 1;
                    break;
                }
                pos += 1;
            }
        }
        while pos < bytes.len() && bytes[pos] != delimiter && !matches!(bytes[pos], b'\n' | b'\r') {
            pos += 1;
        }
        if bytes.get(pos) == Some(&delimiter) {
            pos += 1;
        } else {
            return pos;
        }
    }
    pos
}

/// Reads CSV in either layout. On failure returns every problem found, each with its line and column.
pub fn parse(text: &str) -> Result<Timeline, Vec<Problem>> {
    match sniff_delimited(text) {
        Some((Layout::Dateline, _)) => parse_dateline(text),
        Some((Layout::TimelineJs, delimiter)) => parse_timelinejs(text, delimiter),
        None => Err(vec![Problem::new(
            Position { line: 1, column: 1 },
            "the header row names no known columns: expected TimelineJS's (Year, Month, Day, Headline, …) \
             or dateline's (kind, id, title, date, …)",
        )]),
    }
}

fn finish(timeline: Timeline, problems: Report) -> Result<Timeline, Vec<Problem>> {
    problems.into_sorted().map_or(Ok(timeline), Err)
}

// ---------------------------------------------------------------------------------------------------
// TimelineJS spreadsheet.

fn parse_timelinejs(text: &str, delimiter: u8) -> Result<Timeline, Vec<Problem>> {
    let mut problems = Report::new();
    let sheet = Sheet::read_with(text, delimiter, &mut problems);
    let mut builder = SlideBuilder::new();
    let mut has_title = false;
    let (mut events, mut eras) = (0, 0);
    for (index, row) in sheet.rows.iter().enumerate() {
        let cell = |name: &str| sheet.cell(row, name);
        let parts = |year, month, day, time| {
            let value = |name| {
                let c: &str = cell(name);
                (!c.trim().is_empty()).then(|| Scalar::Text(c.to_owned()))
            };
            let parts = DateParts {
                year: value(year),
                month: value(month),
                day: value(day),
                times: Vec::new(),
                display_date: None,
            };
            let any = parts.year.is_some()
                || parts.month.is_some()
                || parts.day.is_some()
                || !cell(time).trim().is_empty();
            any.then_some(parts)
        };
        let optional = |name| {
            let c: &str = cell(name);
            (!c.trim().is_empty()).then(|| c.to_owned())
        };
        let media = Media {
            url: cell("media").to_owned(),
            caption: cell("media caption").to_owned(),
            credit: cell("media credit").to_owned(),
            thumbnail: cell("media thumbnail").to_owned(),
            ..Media::default()
        };
        let slide = Slide {
            start: parts("year", "month", "day", "time"),
            end: parts("end year", "end month", "end day", "end time"),
            headline: cell("headline").to_owned(),
            text: cell("text").to_owned(),
            media: Some(media),
            group: optional("group"),
            display_date: optional("display date"),
            unique_id: optional("unique id"),
        };
        // Each problem is placed at its cell in this row.
        let mut at = |_: Which, field: Field, message: String| {
            problems.add(|| sheet.position(index, column_of(field)), message);
        };
        let kind = cell("type").trim().to_lowercase();
        match kind.as_str() {
            "" => {
                builder.event(Which::Event(events), &slide, &mut at);
                events += 1;
            }
            "era" => {
                builder.era(Which::Era(eras), &slide, &mut at);
                eras += 1;
            }
            "title" if !has_title => {
                has_title = true;
                builder.title(&slide);
            }
            "title" => problems.add(
                || sheet.position(index, "type"),
                "a second title row: a timeline has one title".to_owned(),
            ),
            other => problems.add(
                || sheet.position(index, "type"),
                format!(
                    "unknown Type {}: expected title, era or an empty cell (an event)",
                    quoted(other)
                ),
            ),
        }
    }
    finish(builder.finish(), problems)
}

/// The column a part of a slide is read from.
fn column_of(field: Field) -> &'static str {
    match field {
        Field::Slide => "",
        Field::Start | Field::StartPart(Part::Year) => "year",
        Field::StartPart(Part::Month) => "month",
        Field::StartPart(Part::Day) => "day",
        Field::StartPart(_) => "time",
        Field::End | Field::EndPart(Part::Year) => "end year",
        Field::EndPart(Part::Month) => "end month",
        Field::EndPart(Part::Day) => "end day",
        Field::EndPart(_) => "end time",
        Field::Group => "group",
    }
}

// ---------------------------------------------------------------------------------------------------
// dateline CSV.

/// What a dateline CSV row is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Title,
    Source,
    Lane,
    Tag,
    Period,
    Event,
}

fn parse_dateline(text: &str) -> Result<Timeline, Vec<Problem>> {
    let mut problems = Report::new();
    let sheet = Sheet::read(text, &mut problems);
    let mut raw = RawTimeline::default();
    // The sheet row behind each raw item, to place the problems found when checking them.
    let mut title_row = None;
    let mut source_row = None;
    let mut lane_rows = Vec::new();
    let mut tag_rows = Vec::new();
    let mut period_rows = Vec::new();
    let mut event_rows = Vec::new();

    for (index, row) in sheet.rows.iter().enumerate() {
        let cell = |name: &str| defused_back(sheet.cell(row, name));
        let optional = |name| {
            let c: &str = cell(name);
            (!c.is_empty()).then(|| c.to_owned())
        };
        let keyword = |name| {
            let c: &str = cell(name);
            let c = c.trim();
            (!c.is_empty()).then(|| c.to_lowercase())
        };
        let mut problem = |name: &str, message: String| {
            problems.add(|| sheet.position(index, name), message);
        };
        let kind = match cell("kind").trim().to_lowercase().as_str() {
            "" | "event" => Kind::Event,
            "title" => Kind::Title,
            "source" => Kind::Source,
            "lane" => Kind::Lane,
            "tag" => Kind::Tag,
            "period" => Kind::Period,
            other => {
                problem(
                    "kind",
                    format!(
                        "unknown kind {}: expected title, source, lane, tag, period or event",
                        quoted(other)
                    ),
                );
                continue;
            }
        };
        match kind {
            Kind::Title => {
                if title_row.is_some() {
                    problem(
                        "kind",
                        "a second title row: a timeline has one title".into(),
                    );
                    continue;
                }
                title_row = Some(index);
                cell("title").clone_into(&mut raw.title);
                cell("summary").clone_into(&mut raw.description);
            }
            Kind::Source => {
                if source_row.is_some() {
                    problem(
                        "kind",
                        "a second source row: a timeline has one source text".into(),
                    );
                    continue;
                }
                source_row = Some(index);
                raw.source = Some(RawSource {
                    title: cell("title").to_owned(),
                    publisher: optional("publisher"),
                    section: optional("section"),
                    author: optional("author"),
                    url: optional("url"),
                    published: optional("date"),
                    note: optional("note"),
                });
            }
            Kind::Lane | Kind::Tag => {
                let label = RawLabel {
                    id: cell("id").to_owned(),
                    label: cell("title").to_owned(),
                };
                if kind == Kind::Lane {
                    lane_rows.push(index);
                    raw.lanes.push(label);
                } else {
                    tag_rows.push(index);
                    raw.tags.push(label);
                }
            }
            Kind::Period => {
                let sources = decode_sources(cell("sources")).unwrap_or_else(|e| {
                    problem("sources", e);
                    Vec::new()
                });
                period_rows.push(index);
                raw.periods.push(RawPeriod {
                    id: cell("id").to_owned(),
                    title: cell("title").to_owned(),
                    date: cell("date").to_owned(),
                    lane: optional("lane"),
                    summary: cell("summary").to_owned(),
                    provenance: keyword("provenance"),
                    sources,
                });
            }
            Kind::Event => {
                let mut list = |name: &str| {
                    decode_list(cell(name)).unwrap_or_else(|e| {
                        problem(name, e);
                        Vec::new()
                    })
                };
                let tags = list("tags");
                let people = list("people");
                let places = list("places");
                let quotes = decode_quotes(cell("quotes")).unwrap_or_else(|e| {
                    problem("quotes", e);
                    Vec::new()
                });
                let sources = decode_sources(cell("sources")).unwrap_or_else(|e| {
                    problem("sources", e);
                    Vec::new()
                });
                let media = decode_media(cell("media")).unwrap_or_else(|e| {
                    problem("media", e);
                    None
                });
                event_rows.push(index);
                raw.events.push(RawEvent {
                    id: cell("id").to_owned().into(),
                    title: cell("title").to_owned().into(),
                    date: cell("date").to_owned().into(),
                    text_date: optional("text_date").map(Into::into),
                    status: keyword("status").map(Into::into),
                    lane: optional("lane").map(Into::into),
                    tags: tags.into_iter().map(Into::into).collect(),
                    summary: cell("summary").to_owned().into(),
                    note: optional("note").map(Into::into),
                    quotes,
                    people: people.into_iter().map(Into::into).collect(),
                    places: places.into_iter().map(Into::into).collect(),
                    provenance: keyword("provenance").map(Into::into),
                    sources,
                    media,
                });
            }
        }
    }

    let timeline = native::convert(raw, &mut |path, message| {
        let (row, column) = match path {
            [Step::Key("source"), Step::Key(key), ..] => {
                (source_row, if *key == "published" { "date" } else { key })
            }
            [Step::Key("lanes"), Step::Index(i), ..] => (lane_rows.get(*i).copied(), "id"),
            [Step::Key("tags"), Step::Index(i), ..] => (tag_rows.get(*i).copied(), "id"),
            [Step::Key("periods"), Step::Index(i), Step::Key(key), ..] => {
                (period_rows.get(*i).copied(), *key)
            }
            [Step::Key("events"), Step::Index(i), Step::Key(key), ..] => {
                (event_rows.get(*i).copied(), *key)
            }
            _ => (title_row, "kind"),
        };
        let position = || {
            row.map_or(Position { line: 1, column: 1 }, |r| {
                sheet.position(r, column)
            })
        };
        problems.add(position, message);
    });
    finish(timeline, problems)
}

/// A `; `-separated list, or a JSON array of strings.
fn decode_list(cell: &str) -> Result<Vec<String>, String> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(Vec::new());
    }
    if t.starts_with('[') {
        return serde_json::from_str(t)
            .map_err(|e| format!("not a JSON array of strings: {}", json_reason(&e)));
    }
    Ok(t.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect())
}

/// The list as `a; b; c`, or as a JSON array when that would not read back the same.
fn encode_list<S: AsRef<str> + serde::Serialize>(items: &[S]) -> String {
    let plain = items
        .iter()
        .map(AsRef::as_ref)
        .all(|s: &str| !s.is_empty() && !s.contains(';') && s.trim() == s && !s.starts_with('['));
    if plain {
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<&str>>()
            .join("; ")
    } else {
        serde_json::to_string(items).unwrap_or_default()
    }
}

fn decode_quotes(cell: &str) -> Result<Vec<RawQuote<'_>>, String> {
    let t = cell.trim();
    if t.is_empty() {
        Ok(Vec::new())
    } else if t.starts_with('[') {
        serde_json::from_str(t).map_err(|e| {
            format!(
                "not a JSON array of {{\"text\", \"speaker\"}} objects: {}",
                json_reason(&e)
            )
        })
    } else {
        Ok(vec![RawQuote {
            at: None,
            text: cell.to_owned().into(),
            speaker: None,
        }])
    }
}

fn decode_sources(cell: &str) -> Result<Vec<RawLink<'_>>, String> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(Vec::new());
    }
    if t.starts_with('[') {
        return serde_json::from_str(t).map_err(|e| {
            format!(
                "not a JSON array of {{\"label\", \"url\"}} objects: {}",
                json_reason(&e)
            )
        });
    }
    Ok(t.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            let (label, last) = item.rsplit_once(char::is_whitespace).unwrap_or(("", item));
            if last.starts_with("http://") || last.starts_with("https://") {
                let label = label.trim();
                RawLink {
                    label: if label.is_empty() { last } else { label }
                        .to_owned()
                        .into(),
                    url: Some(last.to_owned().into()),
                }
            } else {
                RawLink {
                    label: item.to_owned().into(),
                    url: None,
                }
            }
        })
        .collect())
}

/// An event's media: a JSON object such as `{"url": "…", "caption": "…"}`, or typed by hand, just its
/// address.
fn decode_media(cell: &str) -> Result<Option<RawMedia<'_>>, String> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.starts_with('{') {
        return serde_json::from_str(t).map(Some).map_err(|e| {
            format!(
                "not a JSON media object such as {{\"url\": \"…\", \"caption\": \"…\"}}: {}",
                json_reason(&e)
            )
        });
    }
    Ok(Some(RawMedia {
        url: t.into(),
        ..RawMedia::default()
    }))
}

/// The media's cell: just its address when that is all there is and reads back the same, else a JSON
/// object.
fn encode_media(media: Option<&RawMedia<'_>>) -> String {
    let Some(media) = media else {
        return String::new();
    };
    let only_url = media
        .borrowed()
        .optional_parts()
        .iter()
        .all(Option::is_none);
    let url = &*media.url;
    if only_url && !url.is_empty() && url.trim() == url && !url.starts_with('{') {
        url.to_owned()
    } else {
        serde_json::to_string(media).unwrap_or_default()
    }
}

fn json_reason(error: &serde_json::Error) -> String {
    native::serde_message(error)
}

// ---------------------------------------------------------------------------------------------------
// Writing.

/// Writes the timeline as dateline CSV (see the module's notes), one row per title, source, lane, tag,
/// period and event. Reading it back gives the same timeline.
pub fn write(timeline: &Timeline) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail, and every cell is UTF-8.
    let _ = write_to(timeline, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// Writes the timeline as dateline CSV to `out`, row by row: each event is converted only while its row
/// is written, so writing costs no copy of the timeline.
pub fn write_to(timeline: &Timeline, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let raw = native::raw_head(timeline);
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    writer.write_record(COLUMNS)?;
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap_or(0);
    let mut row = |kind: &str, cells: &[(&str, String)]| -> std::io::Result<()> {
        let mut r: [&str; COLUMNS.len()] = [""; COLUMNS.len()];
        r[0] = kind;
        for (name, value) in cells {
            r[col(name)] = value;
        }
        writer.write_record(r.iter().map(|cell| defused(cell).into_owned()))?;
        Ok(())
    };

    row(
        "title",
        &[
            ("title", raw.title.clone()),
            ("summary", raw.description.clone()),
        ],
    )?;
    if let Some(s) = &raw.source {
        row(
            "source",
            &[
                ("title", s.title.clone()),
                ("date", s.published.clone().unwrap_or_default()),
                ("note", s.note.clone().unwrap_or_default()),
                ("publisher", s.publisher.clone().unwrap_or_default()),
                ("section", s.section.clone().unwrap_or_default()),
                ("author", s.author.clone().unwrap_or_default()),
                ("url", s.url.clone().unwrap_or_default()),
            ],
        )?;
    }
    for lane in &raw.lanes {
        row(
            "lane",
            &[("id", lane.id.clone()), ("title", lane.label.clone())],
        )?;
    }
    for tag in &raw.tags {
        row(
            "tag",
            &[("id", tag.id.clone()), ("title", tag.label.clone())],
        )?;
    }
    for p in &raw.periods {
        row(
            "period",
            &[
                ("id", p.id.clone()),
                ("title", p.title.clone()),
                ("date", p.date.clone()),
                ("lane", p.lane.clone().unwrap_or_default()),
                ("summary", p.summary.clone()),
                ("provenance", p.provenance.clone().unwrap_or_default()),
                ("sources", json_cell(&p.sources)),
            ],
        )?;
    }
    for event in &timeline.events {
        let e = native::raw_event(timeline, event);
        row(
            "event",
            &[
                ("id", e.id.to_string()),
                ("title", e.title.to_string()),
                ("date", e.date.to_string()),
                (
                    "text_date",
                    e.text_date.as_deref().unwrap_or_default().to_owned(),
                ),
                ("status", e.status.as_deref().unwrap_or_default().to_owned()),
                ("lane", e.lane.as_deref().unwrap_or_default().to_owned()),
                (
                    "tags",
                    encode_list(
                        &e.tags
                            .iter()
                            .map(|t| t.as_str().to_owned())
                            .collect::<Vec<_>>(),
                    ),
                ),
                ("summary", e.summary.to_string()),
                ("note", e.note.as_deref().unwrap_or_default().to_owned()),
                ("quotes", json_cell(&e.quotes)),
                ("people", encode_list(&e.people)),
                ("places", encode_list(&e.places)),
                (
                    "provenance",
                    e.provenance.as_deref().unwrap_or_default().to_owned(),
                ),
                ("sources", json_cell(&e.sources)),
                ("media", encode_media(e.media.as_ref())),
            ],
        )?;
    }

    writer.flush()
}

/// What a cell may start with for a spreadsheet to take it as a formula (OWASP's list: `=`, `+`, `-`,
/// `@`, tab and carriage return), and the quote that marks a cell defused.
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// The cell as written: a cell that a spreadsheet would run as a formula gets a leading `'`, which
/// spreadsheets show as text. A cell that already starts with `'` gets one too, so reading back (see
/// [`defused_back`]) removes exactly what was added.
fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The cell as it was before [`defused`]: a `'` followed by a formula character or another `'` is
/// dropped; any other cell, including a lone leading `'` typed by hand, is read as it is.
fn defused_back(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// A list as a JSON cell, or an empty cell when there is nothing.
fn json_cell<T: serde::Serialize>(items: &[T]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        serde_json::to_string(items).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip() {
        for items in [
            vec![],
            vec!["a".to_owned()],
            vec!["a".to_owned(), "b c".to_owned()],
            vec!["x; y".to_owned()],
            vec![String::new()],
            vec![" padded ".to_owned()],
            vec!["[bracket".to_owned()],
        ] {
            assert_eq!(decode_list(&encode_list(&items)).unwrap(), items);
        }
    }

    #[test]
    fn field_starts_skip_quoted_commas_and_line_breaks() {
        let text = "a,b,c\n1,\"x, \"\"y\"\"\nz\",3\n";
        let second = text.find("1,").unwrap();
        assert_eq!(field_start(text, second, 0, b','), second);
        assert_eq!(&text[field_start(text, second, 1, b',')..][..2], "\"x");
        assert_eq!(&text[field_start(text, second, 2, b',')..][..1], "3");
        assert_eq!(field_start(text, second, 9, b','), text.len() - 1);
    }

    #[test]
    fn defusing_is_undone_exactly() {
        for cell in [
            "=1+2", "+cmd", "-0499", "@SUM(A1)", "\tx", "\rx", "'", "'plain", "''", "'=x", "plain",
            "",
        ] {
            let written = defused(cell);
            assert!(
                !written.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{written:?}"
            );
            assert_eq!(defused_back(&written), cell);
        }
        // A leading quote typed by hand, before anything else, stays.
        assert_eq!(defused_back("'tis"), "'tis");
    }

    #[test]
    fn plain_sources_split_label_and_address() {
        let links = decode_sources("CRS report https://example.org/a; Only a label").unwrap();
        assert_eq!(links[0].label, "CRS report");
        assert_eq!(links[0].url.as_deref(), Some("https://example.org/a"));
        assert_eq!(links[1].label, "Only a label");
        assert_eq!(links[1].url, None);
    }
}
