//! dateline: a desktop timeline explorer. A text's dated events on a timeline a person explores by
//! clicking, with honest dates (each knows its precision) and the provenance of every event.
//!
//! The model ([`model`]) and the file formats ([`formats`]) know nothing of the screen; the window lives in
//! [`app`] and [`view`].

pub mod app;
pub mod cli;
pub mod document;
pub mod draft;
pub mod explore;
pub mod figure;
pub mod formats;
pub mod generate;
pub mod model;
pub mod view;
