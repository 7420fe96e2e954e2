//! Finding and narrowing: search, filters, and matching the source text's sentences to events. Pure; the
//! view shows what these decide.

pub mod filter;
pub mod follow;
pub mod search;
pub mod text_match;
