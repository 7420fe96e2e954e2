//! The timeline model: dates with honest precision, events, periods, lanes and tags. No egui here.

pub mod date;
pub mod day;
pub mod edit;
pub mod event;
pub mod media;
pub mod media_kind;
pub mod shift;
pub mod structure;
pub mod timeline;

pub use date::{DateError, DateSpec, EdtfDate, IntervalEnd, Precision};
pub use day::Day;
pub use event::{DetailsRef, QuoteRef};
pub use media::{Media, MediaRef};
pub use media_kind::MediaKind;
pub use timeline::{
    Event, EventDetails, Lane, LaneId, Period, Provenance, Quote, SourceLink, SourceText, Status,
    Tag, TagId, Timeline,
};

/// The text with its first letter in upper case: a date described in words ("in 1974") at the start of a
/// line, or a generated lane's name.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::capitalize;

    #[test]
    fn capitalize_raises_the_first_letter_only() {
        assert_eq!(capitalize("in 1974"), "In 1974");
        assert_eq!(capitalize("économie mondiale"), "Économie mondiale");
        assert_eq!(capitalize(""), "");
    }
}
