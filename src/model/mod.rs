//! The timeline model: dates with honest precision, events, periods, lanes and tags. No egui here.

pub mod date;
pub mod event;
pub mod timeline;

pub use date::{DateError, DateSpec, EdtfDate, IntervalEnd, Precision};
pub use event::DetailsRef;
pub use timeline::{
    Event, EventDetails, Lane, LaneId, Period, Provenance, Quote, SourceLink, SourceText, Status,
    Tag, TagId, Timeline,
};
