//! Reading and writing timeline files. Each format has its own file; all of them produce the same
//! [`Timeline`] through the same validation, and every problem names the file, line and column.

pub mod atomic;
pub mod csv;
pub mod error;
pub mod locate;
pub mod markwhen;
pub mod native;
pub mod report;
pub mod sheet;
pub mod show;
pub mod timelinejs;
pub mod vis;

use std::path::{Path, PathBuf};

pub use atomic::{write_atomic, write_atomic_with};
pub use error::{LoadError, Problem};
pub use locate::Position;

use crate::model::Timeline;
use locate::{Step, value_offset};

/// Files larger than this are refused with a message rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The formats dateline reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// dateline's own JSON.
    Native,
    /// `TimelineJS` 3 JSON.
    TimelineJs,
    /// CSV in `TimelineJS`'s spreadsheet columns.
    TimelineJsCsv,
    /// CSV in dateline's own columns.
    DatelineCsv,
    /// Markwhen text.
    Markwhen,
    /// vis-timeline items (a JSON list, or an object with `items` and `groups`).
    VisTimeline,
    /// A spreadsheet of the user's own columns (see [`sheet`]).
    Sheet,
}

impl Format {
    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Native => "dateline JSON",
            Self::TimelineJs => "TimelineJS JSON",
            Self::TimelineJsCsv => "TimelineJS spreadsheet CSV",
            Self::DatelineCsv => "dateline CSV",
            Self::Markwhen => "Markwhen",
            Self::VisTimeline => "vis-timeline JSON",
            Self::Sheet => "spreadsheet",
        }
    }
}

/// Decides the format from the content (not the file name), or says in plain words why none fits.
///
/// - A JSON object whose `title` is an object, or whose `events` have `start_date`, or with `eras`, or
///   with a `timeline` object (`TimelineJS` 2, or `TimelineJS` 3 wrapped), is `TimelineJS`; one with `"format"`, `lanes`, `tags`, `periods`, `source`, a string `title`, or events
///   with `date` is dateline JSON.
/// - Text whose first line has commas and known column headers is CSV, and so is `TimelineJS`'s layout
///   separated by semicolons or tabs (see [`csv::sniff`]).
/// - A JSON list of objects with `start` or `content`, or an object with `items` (and `groups`), is
///   vis-timeline's.
/// - Other text that opens with a `---` header or has `DATE: title` event lines is Markwhen (see
///   [`markwhen::looks_like`]).
pub fn detect(text: &str) -> Result<Format, String> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') {
        return detect_json(text);
    }
    if let Some(list) = start.strip_prefix('[') {
        // A list of objects with a start or a content is vis-timeline's; an empty list is too.
        let first = [Step::Index(0)];
        let item = value_offset(text, &first);
        let opens = text.as_bytes().get(item).copied();
        let has = |key| value_offset(text, &[Step::Index(0), Step::Key(key)]) != item;
        let empty = list.trim_start().starts_with(']');
        if empty || (opens == Some(b'{') && (has("start") || has("content"))) {
            return Ok(Format::VisTimeline);
        }
        return Err(
            "a JSON list that is not of vis-timeline items (objects with \"start\" and \"content\"); \
             dateline reads dateline JSON, TimelineJS JSON and vis-timeline JSON"
                .to_owned(),
        );
    }
    match csv::sniff(text) {
        Some(csv::Layout::TimelineJs) => Ok(Format::TimelineJsCsv),
        Some(csv::Layout::Dateline) => Ok(Format::DatelineCsv),
        None if sheet::looks_like(text) => Ok(Format::Sheet),
        None if markwhen::looks_like(text) => Ok(Format::Markwhen),
        None => Err(
            "expected dateline JSON, TimelineJS JSON (objects starting with '{'), CSV with a header row \
             (TimelineJS's Year, Month, Day, Headline, … or dateline's kind, id, title, date, …), or \
             Markwhen (a --- header, or lines such as 2015-11-30: title)"
                .to_owned(),
        ),
    }
}

/// Tells dateline JSON from `TimelineJS` JSON by a few keys, without parsing the whole document.
fn detect_json(text: &str) -> Result<Format, String> {
    // The value at `path` exists when looking it up gets further than looking up its parent.
    let found =
        |path: &[Step<'_>]| value_offset(text, path) != value_offset(text, &path[..path.len() - 1]);
    let starts_with = |path: &[Step<'_>], byte: u8| {
        found(path) && text.as_bytes().get(value_offset(text, path)) == Some(&byte)
    };
    if found(&[Step::Key("format")]) {
        return Ok(Format::Native);
    }
    if starts_with(&[Step::Key("title")], b'{')
        || found(&[Step::Key("eras")])
        || starts_with(&[Step::Key("timeline")], b'{')
    {
        return Ok(Format::TimelineJs);
    }
    for i in 0..3 {
        let event = [Step::Key("events"), Step::Index(i)];
        if found(&[event[0], event[1], Step::Key("start_date")]) {
            return Ok(Format::TimelineJs);
        }
        if found(&[event[0], event[1], Step::Key("date")]) {
            return Ok(Format::Native);
        }
    }
    // vis-timeline's items and groups, exported together.
    if found(&[Step::Key("items")]) && !found(&[Step::Key("events")]) {
        return Ok(Format::VisTimeline);
    }
    let native_keys = ["title", "lanes", "tags", "periods", "source"];
    if native_keys.iter().any(|k| found(&[Step::Key(k)])) {
        return Ok(Format::Native);
    }
    if found(&[Step::Key("events")]) {
        return Ok(Format::TimelineJs);
    }
    // Broken JSON gets the JSON reader's own message and position.
    let has_a_key = text.trim_start_matches('\u{feff}').trim_start()[1..]
        .trim_start()
        .starts_with('"');
    if !has_a_key || serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
        return Ok(Format::Native);
    }
    Err(
        "a JSON object that is neither dateline JSON (with \"format\": \"dateline/1\", a title and events \
         with a \"date\") nor TimelineJS JSON (with \"events\" that have a \"start_date\")"
            .to_owned(),
    )
}

/// How to read a file where its content leaves a choice to the person: a spreadsheet's columns and the
/// order of day and month in its dates. Remembered with the file it was chosen for.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ReadOptions {
    /// How to read a spreadsheet of the user's own.
    pub sheet: sheet::SheetOptions,
}

/// Reads a timeline from text that came from `path` (used in messages), in any format [`detect`] knows.
pub fn load_str(text: &str, path: &Path) -> Result<Timeline, LoadError> {
    load_str_with(text, path, &ReadOptions::default())
}

/// [`load_str`], reading as `options` say.
pub fn load_str_with(
    text: &str,
    path: &Path,
    options: &ReadOptions,
) -> Result<Timeline, LoadError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    let format = match detect(body) {
        // The columns chosen in the window's dialog are of a spreadsheet, whatever it looks like.
        _ if options.sheet.mapping.is_some() => Ok(Format::Sheet),
        // A table whose date column the guess missed, read with the columns named.
        Err(_) if !options.sheet.columns.is_empty() && sheet::is_table(body) => Ok(Format::Sheet),
        found => found,
    }
    .map_err(|reason| LoadError::UnknownFormat {
        path: path.to_owned(),
        reason,
    })?;
    let result = match format {
        Format::Native => native::parse(body),
        Format::TimelineJs => timelinejs::parse(body),
        Format::TimelineJsCsv | Format::DatelineCsv => csv::parse(body),
        Format::Markwhen => markwhen::parse(body),
        Format::VisTimeline => vis::parse(body),
        Format::Sheet => sheet::parse(body, &options.sheet),
    };
    let mut timeline = result.map_err(|problems| LoadError::Invalid {
        path: path.to_owned(),
        problems,
    })?;
    // A file that gives no title is called by its name.
    if timeline.title.is_empty()
        && matches!(
            format,
            Format::TimelineJs
                | Format::TimelineJsCsv
                | Format::Markwhen
                | Format::VisTimeline
                | Format::Sheet
        )
    {
        timeline.title = title_from_name(path);
    }
    Ok(timeline)
}

/// The title of a file that gives none: its name without the extension (`silk-road` for
/// `maps/silk-road.json`).
pub fn title_from_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "Untitled timeline".to_owned())
}

/// Writes the timeline as dateline CSV; reading it back gives the same timeline. See [`csv`].
pub fn write_csv(timeline: &Timeline) -> String {
    csv::write(timeline)
}

/// Writes the timeline as dateline CSV to `out`, row by row (see [`csv::write_to`]).
pub fn write_csv_to(timeline: &Timeline, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    csv::write_to(timeline, out)
}

/// Reads bytes that came from `path`: checks they are text, then parses them.
pub fn load_bytes(bytes: &[u8], path: &Path) -> Result<Timeline, LoadError> {
    load_bytes_with(bytes, path, &ReadOptions::default())
}

/// [`load_bytes`], reading as `options` say.
pub fn load_bytes_with(
    bytes: &[u8],
    path: &Path,
    options: &ReadOptions,
) -> Result<Timeline, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str_with(text, path, options),
        Err(e) => {
            if let Some(text) = other_encoding(bytes) {
                return load_str_with(&text, path, options);
            }
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            // Columns are counted in the text after a byte order mark, as everywhere else.
            let valid = valid.strip_prefix('\u{feff}').unwrap_or(valid);
            Err(LoadError::NotText {
                path: path.to_owned(),
                position: Position::of_offset(valid, valid.len()),
            })
        }
    }
}

/// The text of a file's bytes: UTF-8 as it is, else one of the other encodings [`other_encoding`] reads;
/// `None` when the bytes are no text dateline reads.
pub fn text_of(bytes: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(std::borrow::Cow::Borrowed(text)),
        Err(_) => other_encoding(bytes).map(std::borrow::Cow::Owned),
    }
}

/// The text of a file that is not UTF-8 but is one of the encodings spreadsheet programs save in: UTF-16
/// with its byte order mark (Excel's "Unicode Text", tab-separated), or, for a spreadsheet only,
/// Windows-1252 (Excel's "CSV" on a Western Windows; every byte is a character there, so only a file
/// that then reads as a table, and does not begin with UTF-8's byte order mark, is taken). `None` for anything else, which stays "not UTF-8 text".
fn other_encoding(bytes: &[u8]) -> Option<String> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        // A file that says it is UTF-8 and is not is refused where it goes wrong.
        if encoding == encoding_rs::UTF_8 {
            return None;
        }
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (!malformed).then(|| text.into_owned());
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    // Control characters other than line ends and tabs mean a binary file, not a table.
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    let table = matches!(
        detect(&text),
        Ok(Format::Sheet | Format::TimelineJsCsv | Format::DatelineCsv)
    );
    (table && !binary).then(|| text.into_owned())
}

/// Reads a timeline file from disk.
pub fn load_path(path: &Path) -> Result<Timeline, LoadError> {
    load_path_with(path, &ReadOptions::default())
}

/// [`load_path`], reading as `options` say.
pub fn load_path_with(path: &Path, options: &ReadOptions) -> Result<Timeline, LoadError> {
    let size = checked_size(path, MAX_FILE_BYTES)?;
    let bytes = read_whole(path, size).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    load_bytes_with(&bytes, path, options)
}

/// The size of the file at `path`, refused with [`LoadError::TooLarge`] above `limit_bytes`.
pub fn checked_size(path: &Path, limit_bytes: u64) -> Result<u64, LoadError> {
    let size = std::fs::metadata(path)
        .map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })?
        .len();
    if size > limit_bytes {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: limit_bytes,
        });
    }
    Ok(size)
}

/// The whole file, `size` bytes long when it was looked at. A large file is read in two halves on two
/// threads, each also taking the cost of mapping in its half's memory.
fn read_whole(path: &Path, size: u64) -> std::io::Result<Vec<u8>> {
    /// Below this size one thread reads as fast.
    const PARALLEL_BYTES: u64 = 16 << 20;
    #[cfg(unix)]
    if size >= PARALLEL_BYTES {
        use std::os::unix::fs::FileExt;
        let file = std::fs::File::open(path)?;
        let len = usize::try_from(size).map_err(std::io::Error::other)?;
        let mut bytes = vec![0; len];
        let (first, second) = bytes.split_at_mut(len / 2);
        let offset = first.len() as u64;
        std::thread::scope(|scope| {
            let later = scope.spawn(|| file.read_exact_at(second, offset));
            let early = file.read_exact_at(first, 0);
            let later = later
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("the reading thread failed")));
            early.and(later)
        })?;
        return Ok(bytes);
    }
    std::fs::read(path)
}

/// The built-in dataset's text: the Kazakhstan–US article's timeline, embedded in the binary.
pub const BUILTIN_JSON: &str = include_str!("../../data/kazakhstan-us.json");

/// The name the built-in dataset goes by in messages and the title bar.
pub const BUILTIN_NAME: &str = "built-in: kazakhstan-us.json";

/// The built-in dataset, parsed.
pub fn builtin() -> Result<Timeline, LoadError> {
    load_str(BUILTIN_JSON, &PathBuf::from(BUILTIN_NAME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_read_on_two_threads_has_every_byte_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("large.bin");
        let bytes: Vec<u8> = (0..(17u32 << 20)).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read_whole(&path, bytes.len() as u64).unwrap(), bytes);
        // A file that shrank after it was measured is an error, not a short read.
        assert!(read_whole(&path, bytes.len() as u64 + 10).is_err());
    }
}
