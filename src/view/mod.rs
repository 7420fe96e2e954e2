//! Everything on screen. The pure parts (mapping, axis, index, layout, palette) are tested without a
//! window; the `*_ui` functions paint what they decided and push [`crate::app::command::Command`]s.

pub mod access;
pub mod axis;
pub mod bake;
pub mod confirm;
pub mod contrast;
pub mod details;
pub mod drag;
pub mod editor;
pub mod elide;
pub mod file_menu;
pub mod help;
pub mod index;
pub mod layout;
pub mod legend;
pub mod link;
pub mod list;
pub mod mapping;
mod marks;
pub mod media;
pub mod memo;
pub mod nodes;
pub mod overview;
pub mod palette;
pub mod paragraphs;
pub mod pieces;
pub mod present;
pub mod review;
pub mod scale;
pub mod sheet_mapping;
pub mod structure;
pub mod text_heights;
pub mod text_panel;
pub mod timeline;
pub mod unsaved;
