//! Finds where a value sits in JSON text, so problems found after parsing (an impossible date, an
//! unknown lane) can still name the line and column a person should look at.

/// One step of a path into a JSON document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    /// A member of an object.
    Key(&'a str),
    /// An element of an array.
    Index(usize),
}

/// A 1-based line and column (counted in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, counted in characters.
    pub column: usize,
}

impl Position {
    /// The line and column of a byte offset into `text` (clamped to the text). Lines end at `\n`, `\r\n`
    /// or a lone `\r`, as editors and spreadsheets count them.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let mut cursor = LineCursor::default();
        cursor.advance(text, offset);
        cursor.position(text)
    }

    /// The position `serde_json` gives as a line (counting `\n` only) and a column (counting bytes), as a
    /// position in the same `text` counted the way [`Position::of_offset`] counts.
    pub fn of_serde(text: &str, line: usize, column: usize) -> Self {
        let bytes = text.as_bytes();
        let line_start = if line <= 1 {
            0
        } else {
            memchr::memchr_iter(b'\n', bytes)
                .nth(line - 2)
                .map_or(bytes.len(), |i| i + 1)
        };
        // The column counts the bytes up to and including the one the message is about.
        Self::of_offset(text, line_start.saturating_add(column.saturating_sub(1)))
    }
}

/// A byte offset in a text together with its line, so that later positions are found by reading only
/// the text in between: a reader that goes through a file once finds every position in one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineCursor {
    /// The offset reached.
    offset: usize,
    /// Its line, counted from 0.
    line: usize,
    /// The offset where that line starts.
    line_start: usize,
}

impl LineCursor {
    /// Moves forward to `offset` (clamped to the text and to a character boundary; never backwards),
    /// counting the line breaks passed: `\n`, `\r\n` and a lone `\r` each end a line.
    pub fn advance(&mut self, text: &str, offset: usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset <= self.offset {
            return;
        }
        let bytes = text.as_bytes();
        for i in memchr::memchr2_iter(b'\n', b'\r', &bytes[self.offset..offset]) {
            let i = self.offset + i;
            // The `\n` of a `\r\n` ends the line the `\r` already ended.
            if !(bytes[i] == b'\n' && i > 0 && bytes[i - 1] == b'\r') {
                self.line += 1;
            }
            self.line_start = i + 1;
        }
        self.offset = offset;
    }

    /// The 1-based line and column of the offset reached (the column counted in characters).
    pub fn position(&self, text: &str) -> Position {
        let column = text
            .get(self.line_start.min(self.offset)..self.offset)
            .map_or(0, |s| s.chars().count());
        Position {
            line: self.line + 1,
            column: column + 1,
        }
    }
}

pub use super::report::MAX_LISTED_PROBLEMS;

/// Problems found in JSON text after it parsed, each at the position of its path, collected in a
/// [`Report`](super::report::Report).
pub struct LocatedProblems<'t> {
    text: &'t str,
    report: super::report::Report,
}

impl<'t> LocatedProblems<'t> {
    /// No problems yet, in `text`.
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            report: super::report::Report::new(),
        }
    }

    /// A problem with the value at `path`.
    pub fn add(&mut self, path: &[Step<'_>], message: String) {
        let text = self.text;
        self.report.add(|| locate(text, path), message);
    }

    /// The problems in the order of their positions, or `None` when there are none.
    pub fn into_sorted(self) -> Option<Vec<crate::formats::Problem>> {
        self.report.into_sorted()
    }
}

/// The position of the value at `path`, or of the deepest part of the path that exists.
pub fn locate(text: &str, path: &[Step<'_>]) -> Position {
    Position::of_offset(text, value_offset(text, path))
}

/// The byte offset of the value at `path`, or of the deepest part of the path that exists.
pub fn value_offset(text: &str, path: &[Step<'_>]) -> usize {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for step in path {
        let found = match (step, bytes.get(pos)) {
            (Step::Key(key), Some(b'{')) => find_key(bytes, pos, key),
            (Step::Index(index), Some(b'[')) => find_index(bytes, pos, *index),
            _ => None,
        };
        match found {
            Some(next) => pos = next,
            None => break,
        }
    }
    pos
}

/// The offset of the first byte at or after `pos` that is not JSON white space.
pub(crate) fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
        pos += 1;
    }
    pos
}

/// `pos` is at an opening quote; returns the offset just past the closing quote.
fn skip_string(bytes: &[u8], mut pos: usize) -> usize {
    pos += 1;
    while pos < bytes.len() {
        match bytes[pos] {
            b'\\' => pos += 2,
            b'"' => return pos + 1,
            _ => pos += 1,
        }
    }
    bytes.len()
}

/// Returns the offset just past the value starting at `pos`.
fn skip_value(bytes: &[u8], pos: usize) -> usize {
    match bytes.get(pos) {
        Some(b'"') => skip_string(bytes, pos),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut p = pos;
            while p < bytes.len() {
                match bytes[p] {
                    b'"' => {
                        p = skip_string(bytes, p);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return p + 1;
                        }
                    }
                    _ => {}
                }
                p += 1;
            }
            bytes.len()
        }
        _ => {
            let mut p = pos;
            while p < bytes.len()
                && !matches!(bytes[p], b',' | b'}' | b']')
                && !bytes[p].is_ascii_whitespace()
            {
                p += 1;
            }
            p
        }
    }
}

fn find_key(bytes: &[u8], open: usize, key: &str) -> Option<usize> {
    let mut pos = skip_ws(bytes, open + 1);
    while pos < bytes.len() && bytes[pos] == b'"' {
        let key_end = skip_string(bytes, pos);
        let this_key = bytes.get(pos + 1..key_end.saturating_sub(1))?;
        pos = skip_ws(bytes, key_end);
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        pos = skip_ws(bytes, pos + 1);
        if this_key == key.as_bytes() {
            return Some(pos);
        }
        pos = skip_ws(bytes, skip_value(bytes, pos));
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(bytes, pos + 1);
    }
    None
}

fn find_index(bytes: &[u8], open: usize, index: usize) -> Option<usize> {
    let mut pos = skip_ws(bytes, open + 1);
    for _ in 0..index {
        if matches!(bytes.get(pos), None | Some(b']')) {
            return None;
        }
        pos = skip_ws(bytes, skip_value(bytes, pos));
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(bytes, pos + 1);
    }
    if matches!(bytes.get(pos), None | Some(b']')) {
        None
    } else {
        Some(pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str =
        "{\n  \"a\": [1, {\"b\": \"x,]}\"}, {\"c\": 2}],\n  \"d\": \"é\", \"e\": true\n}";

    #[test]
    fn finds_nested_values() {
        assert_eq!(
            locate(DOC, &[Step::Key("a"), Step::Index(2), Step::Key("c")]),
            Position {
                line: 2,
                column: 33
            }
        );
        assert_eq!(
            locate(DOC, &[Step::Key("e")]),
            Position {
                line: 3,
                column: 18
            }
        );
    }

    #[test]
    fn missing_parts_fall_back_to_the_deepest_found() {
        assert_eq!(
            locate(DOC, &[Step::Key("a"), Step::Index(9)]),
            Position { line: 2, column: 8 }
        );
        assert_eq!(
            locate(DOC, &[Step::Key("zz")]),
            Position { line: 1, column: 1 }
        );
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        let at = |line, column| Position { line, column };
        for text in ["a\nbé\nc", "a\r\nbé\r\nc", "a\rbé\rc"] {
            let c = text.find('c').unwrap();
            assert_eq!(Position::of_offset(text, c), at(3, 1), "{text:?}");
            let e = text.find('é').unwrap();
            assert_eq!(Position::of_offset(text, e), at(2, 2), "{text:?}");
            assert_eq!(
                Position::of_offset(text, e + 1),
                at(2, 2),
                "inside a character"
            );
            assert_eq!(Position::of_offset(text, text.len()), at(3, 2));
        }
        // Line breaks mixed in one text, and a cursor moved in steps, count the same.
        let text = "x\r\n\r\ny\rz\n\nw";
        let w = text.find('w').unwrap();
        assert_eq!(Position::of_offset(text, w), at(6, 1));
        let mut cursor = LineCursor::default();
        for offset in 0..=w {
            cursor.advance(text, offset);
            assert_eq!(
                cursor.position(text),
                Position::of_offset(text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn serde_positions_become_character_columns_on_any_line_break() {
        // serde_json counts lines by `\n` only and columns in bytes; the error here is at the `x`.
        let text = "{\r  \"é\": x}";
        let err = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        assert_eq!(
            Position::of_serde(text, err.line(), err.column()),
            Position { line: 2, column: 8 }
        );
        let text = "{\n  \"é\": x}";
        let err = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        assert_eq!(
            Position::of_serde(text, err.line(), err.column()),
            Position { line: 2, column: 8 }
        );
    }

    #[test]
    fn never_panics_on_broken_text() {
        for text in [
            "",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\"",
            "{\"a\":[{\"b\"",
            "\u{e9}{",
        ] {
            let _ = locate(text, &[Step::Key("a"), Step::Index(3), Step::Key("b")]);
        }
    }
}
