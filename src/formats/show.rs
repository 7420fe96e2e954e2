//! Data shown in messages: quoted, escaped and bounded, so that a value from a file can neither forge a
//! line of output, reach the terminal as a control sequence, nor flood the report.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// A value quoted in a message shows at most this many of its characters.
pub const MAX_VALUE_CHARS: usize = 60;

/// A message is at most this many characters long.
pub const MAX_MESSAGE_CHARS: usize = 400;

/// The value in double quotes, as messages quote data: control characters, `"` and `\` escaped, and at
/// most [`MAX_VALUE_CHARS`] characters of it, the rest replaced by an ellipsis.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(4 * MAX_VALUE_CHARS) + 2);
    out.push('"');
    for (i, c) in value.chars().enumerate() {
        if i == MAX_VALUE_CHARS - 1 && value.chars().nth(MAX_VALUE_CHARS).is_some() {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => push_escaped(&mut out, c),
        }
    }
    out.push('"');
    out
}

/// The text with every control character, and every character that breaks or reorders lines, escaped
/// (`\n`, `\t`, `\u{1b}`, …); the text itself when it has none.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// The message escaped, and cut to at most [`MAX_MESSAGE_CHARS`] characters: its start and its end (where
/// messages say what was expected), with an ellipsis between.
pub fn bounded(message: &str) -> String {
    let message = escaped(message);
    let count = message.chars().count();
    if count <= MAX_MESSAGE_CHARS {
        return message.into_owned();
    }
    let tail = MAX_MESSAGE_CHARS / 4;
    let head = MAX_MESSAGE_CHARS - tail - 1;
    let mut out: String = message.chars().take(head).collect();
    out.push('…');
    out.extend(message.chars().skip(count - tail));
    out
}

/// A file's path as messages show it: decoded (unreadable bytes replaced) and escaped.
pub fn path(path: &Path) -> String {
    escaped(&path.to_string_lossy()).into_owned()
}

/// Whether `c` is escaped when shown: control characters (C0, DEL, C1), line and paragraph separators,
/// and the marks that override or isolate the direction of text.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        )
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn push_escaped(out: &mut String, c: char) {
    if !needs_escape(c) {
        out.push(c);
        return;
    }
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_are_escaped_and_short() {
        assert_eq!(quoted("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(quoted("x\ny\u{1b}[31m"), r#""x\ny\u{1b}[31m""#);
        let exact = "é".repeat(MAX_VALUE_CHARS);
        assert_eq!(quoted(&exact), format!("\"{exact}\""));
        let long = "é".repeat(MAX_VALUE_CHARS + 1);
        let shown = quoted(&long);
        assert_eq!(shown.chars().count(), MAX_VALUE_CHARS + 2);
        assert!(shown.ends_with("é…\""), "{shown}");
    }

    #[test]
    fn escaping_leaves_plain_text_alone() {
        assert!(matches!(escaped("Ünïcode 東京 ok"), Cow::Borrowed(_)));
        assert_eq!(escaped("a\u{202e}b\u{85}\0"), "a\\u{202e}b\\u{85}\\u{0}");
    }

    #[test]
    fn long_messages_keep_their_start_and_end() {
        let message = format!("start {} end", "x".repeat(10_000));
        let shown = bounded(&message);
        assert_eq!(shown.chars().count(), MAX_MESSAGE_CHARS);
        assert!(
            shown.starts_with("start x") && shown.ends_with("x end"),
            "{shown}"
        );
        assert_eq!(bounded("short\n"), "short\\n");
    }
}
