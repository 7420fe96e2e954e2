//! Everything on screen. The pure parts (mapping, axis, index, layout, palette) are tested without a
//! window; the `*_ui` functions paint what they decided and push [`crate::app::Command`]s.

pub mod axis;
pub mod details;
pub mod index;
pub mod layout;
pub mod list;
pub mod mapping;
pub mod palette;
pub mod timeline;
