//! The lines of a Markwhen file: its header, its groups and sections, and its events with their
//! properties and descriptions, each handed on with the line and column it came from.
//!
//! - The header is a `---` block at the top (`title:`, `description:`, `timezone:`, `dateFormat:`,
//!   `#tag: colour`), or, without one, such lines before the first event.
//! - Groups are Markdown headings (`#` to `######`, nested by level), and `group NAME` … `endGroup` or
//!   `section NAME` … `endSection` blocks, as Markwhen's documentation has them (the reference parser
//!   1.2.0 reads those keyword lines as description text; dateline follows the documentation).
//! - An event is a line `DATE: title #tags !id`, then `key: value` property lines, then description
//!   lines, up to the next event, heading or group line. `//` starts a comment line.
//! - A document's pages, separated by a `_-_-_break_-_-_` line, are read into one timeline.

use super::dates::{self, DateLine, Lexed};
use crate::formats::locate::Position;
use crate::formats::report::Report;

/// One line of the file: its number (from 1) and its text, without the line break.
#[derive(Clone, Copy, Debug)]
pub struct Line<'t> {
    /// The line number, from 1.
    pub number: usize,
    /// The text.
    pub text: &'t str,
}

impl Line<'_> {
    /// The position of `part`, a slice of this line's text (its start when it is not one).
    pub fn at(&self, part: &str) -> Position {
        let offset = (part.as_ptr() as usize)
            .checked_sub(self.text.as_ptr() as usize)
            .filter(|o| *o <= self.text.len())
            .unwrap_or(0);
        let column = self.text.get(..offset).map_or(0, |s| s.chars().count());
        Position {
            line: self.number,
            column: column + 1,
        }
    }
}

/// The lines of `text`, ended by `\n`, `\r\n` or a lone `\r`.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut rest = Some(text);
    let mut number = 0;
    std::iter::from_fn(move || {
        let current = rest?;
        number += 1;
        if let Some(i) = current.find(['\n', '\r']) {
            let skip = if current[i..].starts_with("\r\n") {
                2
            } else {
                1
            };
            rest = Some(&current[i + skip..]);
            return Some(Line {
                number,
                text: &current[..i],
            });
        }
        rest = None;
        (!current.is_empty() || number == 1).then_some(Line {
            number,
            text: current,
        })
    })
}

/// A `key: value` line.
#[derive(Clone, Copy, Debug)]
pub struct Property<'t> {
    /// The key.
    pub key: &'t str,
    /// The value, trimmed.
    pub value: &'t str,
    /// The line it is on.
    pub line: Line<'t>,
}

/// A `key: value` line: keys are a letter or `_`, then letters, digits, `_` and `-`.
pub fn property(line: Line<'_>) -> Option<Property<'_>> {
    let text = line.text.trim();
    let (key, value) = text.split_once(':')?;
    let mut chars = key.chars();
    let first = chars.next()?;
    let key_ok = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (key_ok && (value.is_empty() || value.starts_with([' ', '\t']))).then(|| Property {
        key,
        value: value.trim(),
        line,
    })
}

/// The header of a file.
#[derive(Debug, Default)]
pub struct Header<'t> {
    /// `key: value` lines, in order.
    pub properties: Vec<Property<'t>>,
    /// `#tag: colour` lines: the tag and its line.
    pub tags: Vec<(&'t str, Line<'t>)>,
}

/// An event as its lines give it.
#[derive(Debug)]
pub struct EventBlock<'t> {
    /// The event line.
    pub line: Line<'t>,
    /// The date part, as written.
    pub date_text: &'t str,
    /// The date part, read.
    pub date: DateLine,
    /// The title, without its tags and id, white space made single spaces.
    pub title: String,
    /// The `#tags` of the event line and of its description, with where each is.
    pub tags: Vec<(&'t str, Line<'t>)>,
    /// The `!id` of the event line.
    pub id: Option<(&'t str, Line<'t>)>,
    /// The property lines.
    pub properties: Vec<Property<'t>>,
    /// The description lines, trimmed, without leading or trailing blank lines.
    pub description: Vec<&'t str>,
    /// The titles of the groups it is in, outermost first.
    pub groups: Vec<String>,
}

/// What a file is read into, block by block.
pub trait Sink<'t> {
    /// The header, before anything else.
    fn header(&mut self, header: Header<'t>, report: &mut Report) -> Reading;
    /// One event, in the file's order.
    fn event(&mut self, event: EventBlock<'t>, report: &mut Report);
}

/// How dates are read: set by the header.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reading {
    /// `dateFormat: d/M/y`: slashed dates are day first.
    pub day_first: bool,
}

/// The line that separates the pages of a Markwhen document.
pub const PAGE_BREAK: &str = "_-_-_break_-_-_";

/// Groups may be nested this deep, which no timeline needs; deeper nesting is a problem, so a file
/// cannot make each of its events carry a path of a million groups.
pub const MAX_DEPTH: usize = 64;

/// One level of grouping.
struct Group {
    title: String,
    /// The heading level, or `None` for a `group`/`section` block.
    level: Option<usize>,
}

/// Reads `text` into `sink`, reporting problems of structure (an unclosed header, an `endGroup`
/// without a group, an impossible date) to `report`.
pub fn read<'t>(text: &'t str, sink: &mut dyn Sink<'t>, report: &mut Report) {
    let mut all = lines(text).peekable();
    let mut header = Header::default();
    // A `---` block at the top.
    while all.peek().is_some_and(|l| l.text.trim().is_empty()) {
        all.next();
    }
    let mut reading = Reading::default();
    let mut header_done = false;
    if let Some(open) = all.peek().copied()
        && open.text.trim() == "---"
    {
        all.next();
        let mut closed = false;
        for line in all.by_ref() {
            if line.text.trim() == "---" {
                closed = true;
                break;
            }
            header_line(line, &mut header);
        }
        if !closed {
            report.add(
                || open.at(open.text),
                "the header opened here with --- is never closed by a line of ---".to_owned(),
            );
            return;
        }
        reading = sink.header(std::mem::take(&mut header), report);
        header_done = true;
    }

    let mut groups: Vec<Group> = Vec::new();
    let mut current: Option<EventBlock<'t>> = None;
    // After a heading, its own `key: value` lines (`style: section`) until something else.
    let mut group_properties = false;
    // After a broken event line, its lines belong to no event.
    let mut in_broken_event = false;
    let flush =
        |current: &mut Option<EventBlock<'t>>, sink: &mut dyn Sink<'t>, report: &mut Report| {
            if let Some(mut event) = current.take() {
                while event.description.last().is_some_and(|l| l.is_empty()) {
                    event.description.pop();
                }
                sink.event(event, report);
            }
        };
    for line in all {
        let trimmed = line.text.trim();
        if trimmed.starts_with("//") {
            continue;
        }
        // A page break: the next page's events join the same timeline, outside the groups of this one.
        if trimmed == PAGE_BREAK {
            flush(&mut current, sink, report);
            finish_header(&mut header_done, &mut header, &mut reading, sink, report);
            groups.clear();
            in_broken_event = false;
            group_properties = false;
            continue;
        }
        if let Some((level, title)) = heading(trimmed) {
            flush(&mut current, sink, report);
            finish_header(&mut header_done, &mut header, &mut reading, sink, report);
            while groups
                .last()
                .is_some_and(|g| g.level.is_some_and(|l| l >= level))
            {
                groups.pop();
            }
            groups.push(Group {
                title: title.to_owned(),
                level: Some(level),
            });
            group_properties = true;
            in_broken_event = false;
            continue;
        }
        if let Some(keyword) = block_keyword(trimmed) {
            flush(&mut current, sink, report);
            finish_header(&mut header_done, &mut header, &mut reading, sink, report);
            in_broken_event = false;
            group_properties = false;
            match keyword {
                Keyword::Open(_) if groups.len() >= MAX_DEPTH => report.add(
                    || line.at(trimmed),
                    format!("groups and sections are nested more than {MAX_DEPTH} deep here"),
                ),
                Keyword::Open(title) => groups.push(Group {
                    title: title.to_owned(),
                    level: None,
                }),
                Keyword::Close(word) => {
                    // Headings inside the block end with it.
                    while groups.last().is_some_and(|g| g.level.is_some()) {
                        groups.pop();
                    }
                    if groups.pop().is_none() {
                        report.add(
                            || line.at(trimmed),
                            format!("{word} without a group or section to end"),
                        );
                    }
                }
            }
            continue;
        }
        if !header_done {
            match event_line(line, reading) {
                EventLine::Not => {
                    header_line(line, &mut header);
                    continue;
                }
                _ => finish_header(&mut header_done, &mut header, &mut reading, sink, report),
            }
        }
        match event_line(line, reading) {
            EventLine::Event(block) => {
                flush(&mut current, sink, report);
                let mut block = *block;
                block.groups = groups.iter().map(|g| g.title.clone()).collect();
                current = Some(block);
                group_properties = false;
                in_broken_event = false;
                continue;
            }
            EventLine::Invalid(position, reason) => {
                flush(&mut current, sink, report);
                report.add(|| position, reason);
                in_broken_event = true;
                continue;
            }
            EventLine::Not => {}
        }
        if in_broken_event {
            continue;
        }
        if let Some(event) = current.as_mut() {
            if event.description.is_empty()
                && let Some(p) = property(line)
            {
                event.properties.push(p);
                continue;
            }
            if event.description.is_empty() && trimmed.is_empty() {
                continue;
            }
            event.tags.extend(tags_in(trimmed).map(|t| (t, line)));
            event.description.push(trimmed);
            continue;
        }
        if group_properties && property(line).is_some() {
            continue;
        }
        group_properties = false;
    }
    flush(&mut current, sink, report);
    finish_header(&mut header_done, &mut header, &mut reading, sink, report);
}

/// Hands the header on once, when the first event or group ends it.
fn finish_header<'t>(
    done: &mut bool,
    header: &mut Header<'t>,
    reading: &mut Reading,
    sink: &mut dyn Sink<'t>,
    report: &mut Report,
) {
    if !*done {
        *done = true;
        *reading = sink.header(std::mem::take(header), report);
    }
}

/// One line of the header: `#tag: colour` or `key: value`; anything else is ignored, as Markwhen does.
fn header_line<'t>(line: Line<'t>, header: &mut Header<'t>) {
    let trimmed = line.text.trim();
    if let Some(rest) = trimmed.strip_prefix('#')
        && let Some((tag, _colour)) = rest.split_once(':')
        && is_word(tag)
    {
        header.tags.push((tag, line));
        return;
    }
    if let Some(p) = property(line) {
        header.properties.push(p);
    }
}

/// `## Title`: the level and the title.
fn heading(trimmed: &str) -> Option<(usize, &str)> {
    let level = trimmed.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &trimmed[level..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = rest.trim();
    (!title.is_empty()).then_some((level, title))
}

enum Keyword<'t> {
    Open(&'t str),
    Close(&'t str),
}

/// `group NAME`, `section NAME`, `endGroup`, `endSection` (any case).
fn block_keyword(trimmed: &str) -> Option<Keyword<'_>> {
    let (word, rest) = trimmed
        .split_once(char::is_whitespace)
        .unwrap_or((trimmed, ""));
    let lower = word.to_ascii_lowercase();
    match lower.as_str() {
        "group" | "section" => Some(Keyword::Open(rest.trim())),
        "endgroup" | "endsection" if rest.trim().is_empty() => Some(Keyword::Close(word)),
        _ => None,
    }
}

/// Whether a line opens or closes a `group` or `section` block.
pub fn starts_block(trimmed: &str) -> bool {
    block_keyword(trimmed).is_some()
}

/// Whether a line is an event line, or one shaped like it with a wrong date.
pub fn is_event_line(line: Line<'_>, reading: Reading) -> bool {
    !matches!(event_line(line, reading), EventLine::Not)
}

/// Text on one line, white space made single spaces: a title as an event line gives it.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a word is made of what Markwhen's tags and ids are made of: ASCII letters, digits and `_`.
pub fn is_word(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The `#tags` in a text: a `#` at the start or after white space, then a word.
pub fn tags_in(text: &str) -> impl Iterator<Item = &str> {
    marked(text, '#').map(|(_, word)| word)
}

/// Every `mark` + word in `text`, with the byte range of the whole (mark included).
fn marked(text: &str, mark: char) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    text.match_indices(mark).filter_map(move |(i, _)| {
        let before = text[..i].chars().next_back();
        if !before.is_none_or(char::is_whitespace) {
            return None;
        }
        let rest = &text[i + 1..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        (end > 0).then(|| (i..i + 1 + end, &rest[..end]))
    })
}

enum EventLine<'t> {
    Event(Box<EventBlock<'t>>),
    Invalid(Position, String),
    Not,
}

/// An event line: the first `:` whose text before it is a date (a `:` followed by a digit is part of a
/// time of day, not the end of the date).
fn event_line(line: Line<'_>, reading: Reading) -> EventLine<'_> {
    let text = line.text.trim_start();
    let mut invalid = None;
    for (i, _) in text.match_indices(':').take_while(|(i, _)| *i <= 120) {
        if text[i + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let date_text = text[..i].trim_end();
        match dates::lex(date_text, reading.day_first) {
            Lexed::Date(date) => {
                let rest = &text[i + 1..];
                let (title, tags, id) = title_parts(rest);
                return EventLine::Event(Box::new(EventBlock {
                    line,
                    date_text,
                    date,
                    title,
                    tags: tags.into_iter().map(|t| (t, line)).collect(),
                    id: id.map(|id| (id, line)),
                    properties: Vec::new(),
                    description: Vec::new(),
                    groups: Vec::new(),
                }));
            }
            Lexed::Invalid(reason) => {
                invalid.get_or_insert((line.at(date_text), reason));
            }
            Lexed::NotADate => {}
        }
    }
    match invalid {
        Some((position, reason)) => EventLine::Invalid(position, reason),
        None => EventLine::Not,
    }
}

/// The title of an event line's text after the date, its `#tags` and its first `!id`.
fn title_parts(rest: &str) -> (String, Vec<&str>, Option<&str>) {
    let tags: Vec<(std::ops::Range<usize>, &str)> = marked(rest, '#').collect();
    let ids: Vec<(std::ops::Range<usize>, &str)> = marked(rest, '!').collect();
    let mut title = String::with_capacity(rest.len());
    let mut cut: Vec<std::ops::Range<usize>> = tags
        .iter()
        .map(|(r, _)| r.clone())
        .chain(ids.first().map(|(r, _)| r.clone()))
        .collect();
    cut.sort_by_key(|r| r.start);
    let mut at = 0;
    for range in cut {
        title.push_str(&rest[at..range.start]);
        at = range.end;
    }
    title.push_str(&rest[at..]);
    let title = one_line(&title);
    (
        title,
        tags.into_iter().map(|(_, t)| t).collect(),
        ids.first().map(|(_, id)| *id),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_any_line_break() {
        let numbered: Vec<(usize, &str)> = lines("a\r\nb\rc\n\nd")
            .map(|l| (l.number, l.text))
            .collect();
        assert_eq!(numbered, [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
        assert_eq!(lines("a\n").count(), 1);
    }

    #[test]
    fn titles_lose_their_tags_and_id() {
        let (title, tags, id) = title_parts(" Kazakhstan joins the WTO !kzwto #trade #wto2");
        assert_eq!(title, "Kazakhstan joins the WTO");
        assert_eq!(tags, ["trade", "wto2"]);
        assert_eq!(id, Some("kzwto"));
        // A hyphen ends a tag; a # inside a word is no tag.
        let (title, tags, _) = title_parts(" see https://x.org/a#b #kz-wto");
        assert_eq!(title, "see https://x.org/a#b -wto");
        assert_eq!(tags, ["kz"]);
    }

    #[test]
    fn headings_and_keywords() {
        assert_eq!(heading("## Trade"), Some((2, "Trade")));
        assert_eq!(heading("#trade"), None);
        assert_eq!(heading("####### seven"), None);
        assert!(matches!(
            block_keyword("group Old Group"),
            Some(Keyword::Open("Old Group"))
        ));
        assert!(matches!(block_keyword("endGroup"), Some(Keyword::Close(_))));
        assert!(block_keyword("grouping things").is_none());
    }
}
