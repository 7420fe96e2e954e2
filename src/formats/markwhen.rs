//! Markwhen, the plain-text timeline format.

use crate::model::Timeline;

/// Writes the timeline as Markwhen text to `out`.
pub fn write_to(_timeline: &Timeline, _out: &mut dyn std::io::Write) -> std::io::Result<()> {
    Err(std::io::Error::other("Markwhen is not written yet"))
}
