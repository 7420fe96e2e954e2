//! A spreadsheet of the user's own: any columns, in any order, a header row naming them (`Date`, `When`,
//! `Start`, `End`, `Event`, `Title`, `Description`, `Category`, `Group`, `Tags`, `Year`, `Approximate`, …),
//! cells separated by commas, semicolons or tabs, dates written as people write them (see [`written`]).
//! Columns are mapped by their headers, then by their content (a column of dates is the date); the mapping
//! can be given instead (`--columns date=When,title=Event`). A date whose day and month could be either way
//! round follows the order chosen (`--day-first`, `--month-first`) and without one is refused where it is.

pub mod preview;
pub mod written;

use std::collections::HashMap;

pub use written::{DayOrder, NotADate, Written};

use super::csv::Sheet;
use super::error::Problem;
use super::report::Report;
use super::show::quoted;
use super::timelinejs::Ids;
use crate::model::{
    DateSpec, Event, EventDetails, IntervalEnd, Lane, LaneId, Provenance, Timeline,
};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Role {
    /// The date, or the start of a span.
    Date,
    /// The end of a span.
    End,
    /// The event's title.
    Title,
    /// What happened, in a sentence or more.
    Description,
    /// The lane (a category or group).
    Lane,
    /// Tags, separated by `,` or `;`.
    Tags,
    /// The year, when the date column gives only the day and month (or there is no date column).
    Year,
    /// A mark that the date is approximate (`yes`, `x`, `~`, `c.`).
    Approximate,
}

/// Every role, in the order the mapping shows them.
pub const ROLES: [Role; 8] = [
    Role::Date,
    Role::End,
    Role::Title,
    Role::Description,
    Role::Lane,
    Role::Tags,
    Role::Year,
    Role::Approximate,
];

impl Role {
    /// The role's name on the command line (`date`, `end`, `title`, …).
    pub fn key(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::End => "end",
            Self::Title => "title",
            Self::Description => "description",
            Self::Lane => "lane",
            Self::Tags => "tags",
            Self::Year => "year",
            Self::Approximate => "approximate",
        }
    }

    /// The role a command-line name names.
    pub fn from_key(key: &str) -> Option<Self> {
        ROLES
            .into_iter()
            .find(|r| r.key() == key.trim().to_lowercase())
    }

    /// The headers taken to mean this role (compared trimmed, lowercase, `_` as a space).
    fn headers(self) -> &'static [&'static str] {
        match self {
            Self::Date => &[
                "date",
                "start",
                "start date",
                "begin",
                "begins",
                "from",
                "when",
                "date start",
                "day",
                "dates",
                "started",
            ],
            Self::End => &[
                "end", "end date", "to", "until", "finish", "ends", "date end", "stop", "ended",
            ],
            Self::Title => &[
                "title",
                "event",
                "headline",
                "name",
                "what",
                "subject",
                "event name",
                "item",
                "label",
            ],
            Self::Description => &[
                "description",
                "text",
                "details",
                "detail",
                "notes",
                "note",
                "summary",
                "body",
                "about",
                "comment",
                "comments",
            ],
            Self::Lane => &[
                "category", "group", "lane", "type", "track", "theme", "section", "kind", "class",
            ],
            Self::Tags => &["tags", "tag", "keywords", "labels", "topics"],
            Self::Year => &["year", "yr"],
            Self::Approximate => &[
                "approximate",
                "approx",
                "approx.",
                "circa",
                "estimated",
                "approximately",
            ],
        }
    }
}

/// Which column (by index) plays which role.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mapping {
    columns: HashMap<Role, usize>,
}

impl Mapping {
    /// The column of `role`, when one plays it.
    pub fn get(&self, role: Role) -> Option<usize> {
        self.columns.get(&role).copied()
    }

    /// Gives `role` to `column` (or to none); a column plays one role at a time.
    pub fn set(&mut self, role: Role, column: Option<usize>) {
        if let Some(c) = column {
            self.columns.retain(|_, v| *v != c);
            self.columns.insert(role, c);
        } else {
            self.columns.remove(&role);
        }
    }
}

/// How to read a spreadsheet, as the person chose.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SheetOptions {
    /// Roles given to columns by their header (`date=When`), over the guess (or over `mapping`).
    pub columns: Vec<(Role, String)>,
    /// The order of day and month in dates of numbers only.
    pub order: Option<DayOrder>,
    /// Every column's role as chosen in the window's mapping dialog, used in place of the guess; a role
    /// it gives no column has none.
    pub mapping: Option<Mapping>,
}

impl SheetOptions {
    /// Whether the person said nothing about how to read the sheet: no columns, no order, no mapping.
    pub fn is_unstated(&self) -> bool {
        *self == Self::default()
    }

    /// Reads `date=When,title=Event,lane=Category` (roles: date, end, title, description, lane, tags,
    /// year, approximate).
    pub fn parse_columns(spec: &str) -> Result<Vec<(Role, String)>, String> {
        spec.split(',')
            .filter(|p| !p.trim().is_empty())
            .map(|pair| {
                let (key, header) = pair
                    .split_once('=')
                    .ok_or_else(|| format!("{} is not role=Header", quoted(pair.trim())))?;
                let role = Role::from_key(key).ok_or_else(|| {
                    format!(
                        "{} is not a role (the roles: {})",
                        quoted(key.trim()),
                        ROLES.map(Role::key).join(", ")
                    )
                })?;
                Ok((role, header.trim().to_owned()))
            })
            .collect()
    }
}

/// A header as compared: trimmed, lowercase, runs of white space or `_` one space.
fn normal(header: &str) -> String {
    header
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The separator of a sheet's cells: the one of `,`, `;` and tab its header row has most of (outside
/// quotes), a comma when it has none.
pub fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                if b == *d {
                    *n += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(d, n)| (n, d == b','))
        .filter(|&(_, n)| n > 0)
        .map_or(b',', |(d, _)| d)
}

/// How many rows are looked at to guess what a column holds.
const SAMPLE_ROWS: usize = 200;

/// The mapping guessed from the headers, then from the cells: a column of dates is the date, the first
/// other column of words is the title.
pub fn guess(headers: &[String], rows: &[Vec<&str>]) -> Mapping {
    let mut mapping = Mapping::default();
    let names: Vec<String> = headers.iter().map(|h| normal(h)).collect();
    for role in ROLES {
        if let Some(c) = names
            .iter()
            .position(|n| role.headers().contains(&n.as_str()))
            .filter(|c| !mapping.columns.values().any(|v| v == c))
        {
            mapping.set(role, Some(c));
        }
    }
    let taken = |m: &Mapping, c: usize| m.columns.values().any(|v| *v == c);
    let cells = |c: usize| {
        rows.iter()
            .take(SAMPLE_ROWS)
            .filter_map(move |r| r.get(c).copied())
            .filter(|v| !v.trim().is_empty())
    };
    let date_like = |c: usize| {
        let (mut n, mut dates) = (0, 0);
        for v in cells(c) {
            n += 1;
            if !matches!(
                written::read(v, None),
                Err(NotADate::Unreadable | NotADate::NoSuchDay)
            ) {
                dates += 1;
            }
        }
        n > 0 && dates * 5 >= n * 4
    };
    if mapping.get(Role::Date).is_none() && mapping.get(Role::Year).is_none() {
        let found = (0..headers.len()).find(|&c| !taken(&mapping, c) && date_like(c));
        mapping.set(Role::Date, found);
    }
    if mapping.get(Role::Title).is_none() {
        let found = (0..headers.len()).find(|&c| {
            !taken(&mapping, c)
                && !date_like(c)
                && cells(c).any(|v| v.chars().any(char::is_alphabetic))
        });
        mapping.set(Role::Title, found);
    }
    mapping
}

/// Whether `text` looks like a spreadsheet of the user's own: a header row and rows, separated by a
/// comma, a semicolon or a tab, with a column that is or holds dates.
pub fn looks_like(text: &str) -> bool {
    let d = delimiter(text);
    let first = text.lines().next().unwrap_or("");
    if !first.as_bytes().contains(&d) {
        return false;
    }
    let mut report = Report::new();
    let sheet = Sheet::read_with(text, d, &mut report);
    if sheet.rows.is_empty() {
        return false;
    }
    let rows: Vec<Vec<&str>> = sheet
        .rows
        .iter()
        .map(|r| r.cells.iter().collect())
        .collect();
    let mapping = guess(&sheet.headers, &rows);
    mapping.get(Role::Date).is_some() || mapping.get(Role::Year).is_some()
}

/// Whether `text` is a table at all: a header row with a comma, a semicolon or a tab, and a row under it.
/// Such a text may be read as a spreadsheet once the person has said which column holds the dates.
pub fn is_table(text: &str) -> bool {
    let d = delimiter(text);
    let mut lines = text.lines();
    lines
        .next()
        .is_some_and(|first| first.as_bytes().contains(&d))
        && lines.any(|l| !l.trim().is_empty())
}

/// A sheet as read: the events of the rows that read, in the order of the rows, with the line each
/// starts on, and every problem, each at its cell, in the order of the text.
#[derive(Debug, Default)]
pub struct Reading {
    /// The headers, as written.
    pub headers: Vec<String>,
    /// Which column plays which role.
    pub mapping: Mapping,
    /// The events of the rows that read (not yet in time order), with their lanes and tags.
    pub timeline: Timeline,
    /// The line of the text each event's row starts on (1-based), one for each event.
    pub lines: Vec<usize>,
    /// What did not read. When the header row is at fault (no date column, a column named that is not
    /// there), no row is read.
    pub problems: Vec<Problem>,
}

/// Reads a spreadsheet as `options` say. On failure returns every problem, each at its cell.
pub fn parse(text: &str, options: &SheetOptions) -> Result<Timeline, Vec<Problem>> {
    let mut reading = read(text, options);
    if !reading.problems.is_empty() {
        return Err(reading.problems);
    }
    reading.timeline.sort_chronologically();
    Ok(reading.timeline)
}

/// Reads a spreadsheet as `options` say, keeping what reads and what does not: the rows that read even
/// when others do not (see [`parse`] for all or nothing).
pub fn read(text: &str, options: &SheetOptions) -> Reading {
    let mut problems = Report::new();
    let sheet = Sheet::read_with(text, delimiter(text), &mut problems);
    let rows: Vec<Vec<&str>> = sheet
        .rows
        .iter()
        .map(|r| r.cells.iter().collect())
        .collect();
    let mut mapping = options
        .mapping
        .clone()
        .unwrap_or_else(|| guess(&sheet.headers, &rows));
    let names: Vec<String> = sheet.headers.iter().map(|h| normal(h)).collect();
    for (role, header) in &options.columns {
        match names.iter().position(|n| *n == normal(header)) {
            Some(c) => mapping.set(*role, Some(c)),
            None => problems.add(
                || super::Position { line: 1, column: 1 },
                format!(
                    "the {} column is to be {}, but the header row has no such column (it has: {})",
                    role.key(),
                    quoted(header),
                    sheet
                        .headers
                        .iter()
                        .map(|h| quoted(h))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
    }
    if mapping.get(Role::Date).is_none() && mapping.get(Role::Year).is_none() {
        problems.add(
            || super::Position { line: 1, column: 1 },
            "no column holds the dates: name one Date, When, Start or Year, or say which with \
             --columns date=HEADER"
                .to_owned(),
        );
    }
    let mut reading = Reading {
        headers: sheet.headers.clone(),
        mapping: mapping.clone(),
        ..Reading::default()
    };
    if let Some(p) = problems.into_sorted() {
        reading.problems = p;
        return reading;
    }
    let mut problems = Report::new();
    let mut timeline = Timeline::default();
    let mut row_lines = Vec::new();
    let mut ids = Ids::default();
    let mut lane_ids = Ids::default();
    let mut lanes: HashMap<String, LaneId> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        let cell = |role: Role| {
            mapping
                .get(role)
                .and_then(|c| row.get(c))
                .map_or("", |v| v.trim())
        };
        let at = |role: Role| sheet.position_of_cell(i, mapping.get(role).unwrap_or(0));
        let title = match cell(Role::Title) {
            "" => "Untitled event".to_owned(),
            t => crate::view::elide::one_line(t, 2_000).into_owned(),
        };
        let name = format!("row {}", quoted(&crate::view::elide::one_line(&title, 60)));
        let approximate = is_yes(cell(Role::Approximate));
        let start = match date_in(cell(Role::Date), cell(Role::Year), options.order) {
            Ok(Some(mut d)) => {
                d.approximate |= approximate;
                d
            }
            Ok(None) => {
                let role = if mapping.get(Role::Date).is_some() {
                    Role::Date
                } else {
                    Role::Year
                };
                problems.add(|| at(role), format!("{name} has no date"));
                continue;
            }
            Err((role, value, why)) => {
                let role = if role { Role::Year } else { Role::Date };
                problems.add(
                    || at(role),
                    format!("{name}: {} is not a date: {}", quoted(value), why.words()),
                );
                continue;
            }
        };
        let end = match cell(Role::End) {
            "" => None,
            v => match date_in(v, cell(Role::Year), options.order) {
                Ok(Some(mut e)) => {
                    e.approximate |= approximate;
                    Some(e)
                }
                Ok(None) => None,
                Err((_, value, why)) => {
                    problems.add(
                        || at(Role::End),
                        format!(
                            "{name}: its end {} is not a date: {}",
                            quoted(value),
                            why.words()
                        ),
                    );
                    continue;
                }
            },
        };
        let when = match end {
            None => DateSpec::Single(start),
            Some(e) if e == start => DateSpec::Single(start),
            Some(e) if e.last_day() < start.first_day() => {
                problems.add(
                    || at(Role::End),
                    format!("{name} ends ({e}) before it starts ({start})"),
                );
                continue;
            }
            Some(e) => DateSpec::Interval {
                start: Some(start),
                end: IntervalEnd::Date(e),
            },
        };
        let lane = lane_for(&mut timeline, &mut lane_ids, &mut lanes, cell(Role::Lane));
        let tags: Vec<String> = cell(Role::Tags)
            .split([',', ';'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        let tag_ids: Vec<crate::model::TagId> =
            tags.iter().map(|t| tag_for(&mut timeline, t)).collect();
        let details = EventDetails {
            summary: cell(Role::Description).to_owned(),
            ..EventDetails::default()
        };
        let id = ids.claim(None, &title, "event");
        let mut event = Event::new(&id, &title, when, &tag_ids, &details.borrowed());
        event.lane = lane;
        // A spreadsheet does not say where its rows came from: nothing is claimed.
        event.provenance = Provenance::Unstated;
        timeline.events.push(event);
        row_lines.push(sheet.position_of_cell(i, 0).line);
    }
    reading.timeline = timeline;
    reading.lines = row_lines;
    reading.problems = problems.into_sorted().unwrap_or_default();
    reading
}

/// The date of a row from its date cell and its year cell: `Ok(None)` when both are empty; on failure,
/// whether it was the year cell, the value and why.
fn date_in<'c>(
    date: &'c str,
    year: &'c str,
    order: Option<DayOrder>,
) -> Result<Option<crate::model::EdtfDate>, (bool, &'c str, NotADate)> {
    let year_of = || -> Result<Option<crate::model::EdtfDate>, (bool, &'c str, NotADate)> {
        if year.is_empty() {
            return Ok(None);
        }
        match written::read(year, order) {
            Ok(Written::Date(d)) if d.month.is_none() => Ok(Some(d)),
            Ok(_) => Err((true, year, NotADate::Unreadable)),
            Err(e) => Err((true, year, e)),
        }
    };
    if date.is_empty() {
        return year_of();
    }
    match written::read(date, order) {
        Ok(Written::Date(d)) => Ok(Some(d)),
        Ok(Written::DayMonth { month, day }) => {
            let Some(y) = year_of()? else {
                return Err((false, date, NotADate::Unreadable));
            };
            crate::model::EdtfDate::new(y.year, Some(month), Some(day))
                .map(|mut d| {
                    d.approximate = y.approximate;
                    d.uncertain = y.uncertain;
                    Some(d)
                })
                .ok_or((false, date, NotADate::NoSuchDay))
        }
        Err(e) => Err((false, date, e)),
    }
}

/// Whether an "approximate" cell says yes.
fn is_yes(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "yes"
            | "y"
            | "true"
            | "x"
            | "1"
            | "~"
            | "c."
            | "circa"
            | "approx"
            | "approximate"
            | "approx."
    )
}

/// The lane named `label` (the "Events" lane for none), added when first seen.
fn lane_for(
    timeline: &mut Timeline,
    ids: &mut Ids,
    lanes: &mut HashMap<String, LaneId>,
    label: &str,
) -> LaneId {
    let label = if label.is_empty() { "Events" } else { label };
    let label = crate::view::elide::one_line(label, 200).into_owned();
    if let Some(lane) = lanes.get(&label) {
        return *lane;
    }
    if timeline.lanes.len() >= usize::from(u16::MAX) {
        return LaneId(0);
    }
    let lane = LaneId(timeline.lanes.len() as u16);
    timeline.lanes.push(Lane {
        id: ids.claim(None, &label, "lane"),
        label: label.clone(),
    });
    lanes.insert(label, lane);
    lane
}

/// The tag labelled `label`, added when first seen.
fn tag_for(timeline: &mut Timeline, label: &str) -> crate::model::TagId {
    if let Some(i) = timeline.tags.iter().position(|t| t.label == label) {
        return crate::model::TagId(i as u16);
    }
    let tag = crate::model::structure::new_tag(timeline, label);
    timeline.tags.push(tag);
    crate::model::TagId((timeline.tags.len() - 1) as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn columns_are_mapped_by_their_headers_in_any_order() {
        let m = guess(
            &headers(&["Category", "Event", "When", "Notes", "Until"]),
            &[vec!["Trade", "Act signed", "1975-01-03", "x", "1976"]],
        );
        assert_eq!(m.get(Role::Date), Some(2));
        assert_eq!(m.get(Role::Title), Some(1));
        assert_eq!(m.get(Role::Lane), Some(0));
        assert_eq!(m.get(Role::Description), Some(3));
        assert_eq!(m.get(Role::End), Some(4));
    }

    #[test]
    fn without_known_headers_the_content_says_which_column_is_the_date() {
        let m = guess(
            &headers(&["Was", "Am"]),
            &[
                vec!["Act signed", "3 January 1975"],
                vec!["WTO", "30/11/2015"],
            ],
        );
        assert_eq!(m.get(Role::Date), Some(1));
        assert_eq!(m.get(Role::Title), Some(0));
    }

    #[test]
    fn the_separator_is_found_from_the_header_row() {
        assert_eq!(delimiter("Date;Event\n2015;x\n"), b';');
        assert_eq!(delimiter("Date\tEvent\n2015\tx\n"), b'\t');
        assert_eq!(delimiter("\"a;b\",Date,Event\n"), b',');
        assert_eq!(delimiter("Date\n"), b',');
    }

    #[test]
    fn columns_given_by_name_are_read() {
        assert_eq!(
            SheetOptions::parse_columns("date=When, title=Event,lane=Category"),
            Ok(vec![
                (Role::Date, "When".to_owned()),
                (Role::Title, "Event".to_owned()),
                (Role::Lane, "Category".to_owned())
            ])
        );
        assert!(
            SheetOptions::parse_columns("when=Date")
                .unwrap_err()
                .contains("not a role")
        );
        assert!(
            SheetOptions::parse_columns("date")
                .unwrap_err()
                .contains("role=Header")
        );
    }

    #[test]
    fn a_mapping_gives_a_column_one_role() {
        let mut m = Mapping::default();
        m.set(Role::Date, Some(0));
        m.set(Role::Title, Some(0));
        assert_eq!(m.get(Role::Date), None);
        assert_eq!(m.get(Role::Title), Some(0));
    }
}
