//! The problems of one file as they are found: the first [`MAX_LISTED_PROBLEMS`] kept with their
//! positions, the rest only counted. Every format reports through this, so no file, however wrong, makes
//! a report longer than that or costs more than that to locate.

use super::error::Problem;
use super::locate::Position;

/// At most this many problems are listed with their positions; the rest are counted. Finding a position
/// can mean scanning the text up to it, and a file wrong on every line would otherwise take hours to
/// report and print gigabytes.
pub const MAX_LISTED_PROBLEMS: usize = 100;

/// Problems found so far.
#[derive(Debug, Default)]
pub struct Report {
    listed: Vec<Problem>,
    unlisted: usize,
}

impl Report {
    /// No problems yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A problem at the position `at` finds (only called while the problem is still listed).
    pub fn add(&mut self, at: impl FnOnce() -> Position, message: String) {
        if self.listed.len() < MAX_LISTED_PROBLEMS {
            self.listed.push(Problem::new(at(), message));
        } else {
            self.unlisted += 1;
        }
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// The problems in the order of their positions, then one saying how many more there are; `None`
    /// when there are none.
    pub fn into_sorted(self) -> Option<Vec<Problem>> {
        let mut problems = self.listed;
        problems.sort_by_key(|p| p.position);
        let last = problems.last()?.position;
        if self.unlisted > 0 {
            problems.push(Problem::new(
                last,
                format!(
                    "and {} more problems after these (only the first {MAX_LISTED_PROBLEMS} are listed)",
                    self.unlisted
                ),
            ));
        }
        Some(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_limit_problems_are_counted_and_not_located() {
        let mut report = Report::new();
        assert!(report.is_empty());
        let mut located = 0;
        for i in (0..250).rev() {
            report.add(
                || {
                    located += 1;
                    Position {
                        line: i + 1,
                        column: 1,
                    }
                },
                format!("problem {i}"),
            );
        }
        assert_eq!(located, MAX_LISTED_PROBLEMS);
        let problems = report.into_sorted().unwrap();
        assert_eq!(problems.len(), MAX_LISTED_PROBLEMS + 1);
        assert!(problems.windows(2).all(|w| w[0].position <= w[1].position));
        assert!(
            problems[MAX_LISTED_PROBLEMS]
                .message
                .starts_with("and 150 more problems")
        );
        assert_eq!(Report::new().into_sorted(), None);
    }
}
