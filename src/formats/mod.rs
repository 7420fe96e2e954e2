//! Reading and writing timeline files. Each format has its own file; all of them produce the same
//! [`Timeline`] through the same validation, and every problem names the file, line and column.

pub mod error;
pub mod locate;
pub mod native;

use std::path::{Path, PathBuf};

pub use error::{LoadError, Problem};
pub use locate::Position;

use crate::model::Timeline;

/// Files larger than this are refused with a message rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The formats dateline reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// dateline's own JSON.
    Native,
}

impl Format {
    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Native => "dateline JSON",
        }
    }
}

/// Decides the format from the content (not the file name).
pub fn detect(text: &str) -> Result<Format, String> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') {
        Ok(Format::Native)
    } else {
        Err("expected dateline JSON (an object starting with '{')".to_owned())
    }
}

/// Reads a timeline from text that came from `path` (used in messages).
pub fn load_str(text: &str, path: &Path) -> Result<Timeline, LoadError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    let format = detect(body).map_err(|reason| LoadError::UnknownFormat {
        path: path.to_owned(),
        reason,
    })?;
    let result = match format {
        Format::Native => native::parse(body),
    };
    result.map_err(|problems| LoadError::Invalid {
        path: path.to_owned(),
        problems,
    })
}

/// Reads bytes that came from `path`: checks they are text, then parses them.
pub fn load_bytes(bytes: &[u8], path: &Path) -> Result<Timeline, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text, path),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            Err(LoadError::NotText {
                path: path.to_owned(),
                position: Position::of_offset(valid, valid.len()),
            })
        }
    }
}

/// Reads a timeline file from disk.
pub fn load_path(path: &Path) -> Result<Timeline, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    load_bytes(&bytes, path)
}

/// The built-in dataset's text: the Kazakhstan–US article's timeline, embedded in the binary.
pub const BUILTIN_JSON: &str = include_str!("../../data/kazakhstan-us.json");

/// The name the built-in dataset goes by in messages and the title bar.
pub const BUILTIN_NAME: &str = "built-in: kazakhstan-us.json";

/// The built-in dataset, parsed.
pub fn builtin() -> Result<Timeline, LoadError> {
    load_str(BUILTIN_JSON, &PathBuf::from(BUILTIN_NAME))
}

/// Writes `contents` to `path` atomically: into a temporary file beside it, then renamed into place, so a
/// crash never leaves a half-written file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
