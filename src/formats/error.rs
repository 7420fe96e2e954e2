//! What can go wrong when opening a timeline file, said so a person can fix it.

use std::fmt;
use std::path::PathBuf;

use thiserror::Error;

use super::locate::Position;
use super::show;

/// One problem in a file's content, at a line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub position: Position,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Problem {
    /// A problem at a position. The message is escaped and bounded (see [`show::bounded`]), whatever
    /// data it quotes.
    pub fn new(position: Position, message: impl AsRef<str>) -> Self {
        Self {
            position,
            message: show::bounded(message.as_ref()),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            self.position.line, self.position.column, self.message
        )
    }
}

/// Why a timeline file could not be opened. Every variant names the file.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read from disk.
    #[error("{}: cannot read the file: {source}", show::path(path))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is larger than dateline opens.
    #[error(
        "{}: the file is {size} bytes; dateline opens files of at most {limit} bytes",
        show::path(path)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The largest size accepted.
        limit: u64,
    },
    /// The file is empty.
    #[error("{}:1:1: the file is empty", show::path(path))]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is not UTF-8 text.
    #[error("{}:{}:{}: the file is not UTF-8 text (unreadable bytes here)", show::path(path), position.line, position.column)]
    NotText {
        /// The file.
        path: PathBuf,
        /// Where the first unreadable byte is.
        position: Position,
    },
    /// The content is not a format dateline knows.
    #[error("{}:1:1: not a timeline dateline can read: {reason}", show::path(path))]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// What was expected.
        reason: String,
    },
    /// The content has problems; all of them are listed.
    #[error("{}", Problems { path, problems })]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found, in the order of the file.
        problems: Vec<Problem>,
    },
}

struct Problems<'a> {
    path: &'a PathBuf,
    problems: &'a [Problem],
}

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{problem}", show::path(self.path))?;
        }
        Ok(())
    }
}

impl LoadError {
    /// Each problem as its own `FILE:LINE:COL: message` line.
    pub fn lines(&self) -> Vec<String> {
        self.to_string().lines().map(str::to_owned).collect()
    }

    /// The position of the first problem, for error types that have one.
    pub fn first_position(&self) -> Option<Position> {
        match self {
            Self::Empty { .. } | Self::UnknownFormat { .. } => {
                Some(Position { line: 1, column: 1 })
            }
            Self::NotText { position, .. } => Some(*position),
            Self::Invalid { problems, .. } => problems.first().map(|p| p.position),
            Self::Io { .. } | Self::TooLarge { .. } => None,
        }
    }
}
