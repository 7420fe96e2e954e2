//! Reading a text to draft from: UTF-8 plain text, Markdown, or HTML. HTML is converted to plain text
//! (paragraphs kept); Markdown keeps its bytes where they are and blanks its markup, so offsets into
//! a Markdown file's text are offsets into the file. A file that is binary, not UTF-8, or too large
//! is refused with a message naming the file and the place.

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::formats::Position;

/// Texts larger than this are refused rather than read (a long book is a few megabytes).
pub const MAX_TEXT_BYTES: u64 = 64 << 20;

/// How a text was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    /// Plain text.
    Plain,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`, or content that starts like an HTML document).
    Html,
}

/// A text ready to draft from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    /// The text the finder reads (for HTML: the extracted text).
    pub text: String,
    /// How the file was written.
    pub format: TextFormat,
}

/// Why a text could not be read.
#[derive(Debug, Error)]
pub enum InputError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is larger than dateline drafts from.
    #[error("{}: the file is {size} bytes; dateline drafts from texts of at most {limit} bytes", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The largest size accepted.
        limit: u64,
    },
    /// The file holds binary data, not text.
    #[error("{}:{}:{}: this is a binary file, not text (a zero byte here)", path.display(), position.line, position.column)]
    Binary {
        /// The file.
        path: PathBuf,
        /// Where the first zero byte is.
        position: Position,
    },
    /// The file is not UTF-8.
    #[error("{}:{}:{}: the text is not UTF-8 (unreadable bytes here); save it as UTF-8 and try again", path.display(), position.line, position.column)]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the first unreadable byte is.
        position: Position,
    },
    /// The HTML could not be converted to text.
    #[error("{}: cannot read the HTML: {reason}", path.display())]
    Html {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

/// Reads the text at `path`, in the format its name or content says.
pub fn read_path(path: &Path) -> Result<SourceText, InputError> {
    let io = |source| InputError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_TEXT_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_TEXT_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    read_bytes(&bytes, path)
}

/// Reads a text from bytes that came from `path` (used for the format and in messages).
pub fn read_bytes(bytes: &[u8], path: &Path) -> Result<SourceText, InputError> {
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_TEXT_BYTES,
        });
    }
    // A zero byte means binary data, wherever the first unreadable byte is.
    if let Some(at) = memchr_zero(bytes) {
        let before = String::from_utf8_lossy(&bytes[..at]);
        return Err(InputError::Binary {
            path: path.to_owned(),
            position: Position::of_offset(&before, before.len()),
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            return Err(InputError::NotUtf8 {
                path: path.to_owned(),
                position: Position::of_offset(valid, valid.len()),
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = format_of(path, text);
    let text = match format {
        TextFormat::Plain => text.to_owned(),
        TextFormat::Markdown => markdown_text(text),
        TextFormat::Html => html_text(text).map_err(|reason| InputError::Html {
            path: path.to_owned(),
            reason,
        })?,
    };
    Ok(SourceText { text, format })
}

fn memchr_zero(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// The format, from the file's extension, else from how the content starts.
pub fn format_of(path: &Path, text: &str) -> TextFormat {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" | "xhtml" => return TextFormat::Html,
        "md" | "markdown" | "mdown" | "mkd" => return TextFormat::Markdown,
        "txt" | "text" => return TextFormat::Plain,
        _ => {}
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        TextFormat::Html
    } else {
        TextFormat::Plain
    }
}

/// HTML converted to plain text: block elements become paragraphs, lines are not wrapped.
pub fn html_text(html: &str) -> Result<String, String> {
    html2text::config::plain_no_decorate()
        .raw_mode(true)
        .allow_width_overflow()
        .string_from_read(html.as_bytes(), 1 << 16)
        .map_err(|e| e.to_string())
}

/// Markdown with its markup blanked: the text of every paragraph, heading and list item stays at its
/// own bytes, everything else (`#`, `**`, link targets, code fences' markers) becomes spaces, and
/// line breaks stay, so offsets into the result are offsets into the file.
pub fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut keep = vec![false; markdown.len()];
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        if let Event::Text(_) | Event::Code(_) = event {
            for k in &mut keep[range] {
                *k = true;
            }
        }
    }
    let mut out = String::with_capacity(markdown.len());
    for (i, c) in markdown.char_indices() {
        if keep[i] || c == '\n' {
            out.push(c);
        } else {
            // As many spaces as the character has bytes, so every later offset stays put.
            for _ in 0..c.len_utf8() {
                out.push(' ');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_its_offsets_and_loses_its_markup() {
        let md = "# The *1974* amendment\n\nSee [the act](https://example.org/1975) of **1974**.\n";
        let text = markdown_text(md);
        assert_eq!(text.len(), md.len());
        assert_eq!(&text[md.find("1974").unwrap()..][..4], "1974");
        assert!(!text.contains('#') && !text.contains("**") && !text.contains("1975"));
        assert!(text.contains("\n\n"));
    }

    #[test]
    fn html_becomes_paragraphs_of_text() {
        let text = html_text(
            "<html><body><h1>Title</h1><p>Kazakhstan joined the <b>WTO</b> in 2015.</p>\
             <p>Second &amp; last.</p><script>var x = 1999;</script></body></html>",
        )
        .unwrap();
        assert!(
            text.contains("Kazakhstan joined the WTO in 2015."),
            "{text}"
        );
        assert!(text.contains("Second & last."), "{text}");
        assert!(!text.contains("1999"), "{text}");
    }

    #[test]
    fn binary_and_non_utf8_files_are_refused_with_their_place() {
        let path = Path::new("a.txt");
        let e = read_bytes(b"line one\nab\xffcd", path).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.txt:2:3: the text is not UTF-8 (unreadable bytes here); save it as UTF-8 and try again"
        );
        let e = read_bytes(b"PK\x03\x04\x00\x00", path).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("a.txt:1:5: this is a binary file"),
            "{e}"
        );
        // A program: unreadable bytes and zero bytes; it is binary.
        let e = read_bytes(b"\x7fELF\x02\x01\x01\x00\xff\xfe", path).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("a.txt:1:8: this is a binary file"),
            "{e}"
        );
    }
}
