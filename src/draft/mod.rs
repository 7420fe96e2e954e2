//! Drafting a timeline from a text: finding its temporal expressions (TIMEX3 types and values),
//! anchoring the relative ones, and drafting one event per dated statement with its sentence. Pure and
//! egui-free: the command line and the window both call [`mentions`] and [`draft`].

pub mod anchor;
pub mod event;
pub mod find;
pub mod input;
pub mod lexicon;
pub mod published;
pub mod selection;
pub mod sentence;
pub mod tense;
pub mod title;
pub mod token;
pub mod value;
pub mod words;

use chrono::NaiveDate;

pub use anchor::{Anchor, Mention};
pub use event::{DRAFT_TAG, DRAFT_TAG_LABEL, Draft, DraftEvent, DraftOptions, Undated, draft};
pub use find::Modifier;
pub use value::{TimexType, Value};

use sentence::Sentence;
use tense::Tense;
use token::Token;

/// A text read for drafting: its tokens, its sentences and its temporal expressions.
#[derive(Clone, Debug)]
pub struct Reading {
    /// The tokens.
    pub tokens: Vec<Token>,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
    /// The temporal expressions, in order, anchored.
    pub mentions: Vec<Mention>,
}

/// Reads `text`: finds every temporal expression and anchors it to `document_date` (the date the text
/// was written) or to the dates the text mentions before it.
pub fn read(text: &str, document_date: Option<NaiveDate>) -> Reading {
    let tokens = token::tokenize(text);
    let sentences = sentence::split(text, &tokens);
    let found = find::find(text, &tokens);
    let mut cursor = 0usize;
    let mut cached: Option<(usize, Tense)> = None;
    let mentions = anchor::anchor(&found, document_date, |offset| {
        while cursor + 1 < sentences.len() && sentences[cursor].end as usize <= offset {
            cursor += 1;
        }
        if let Some((at, tense)) = cached
            && at == cursor
        {
            return tense;
        }
        let s = sentences.get(cursor).copied();
        let tense = s.map_or(Tense::Present, |s| {
            tense::of_sentence(text, &tokens[s.first as usize..s.last as usize])
        });
        cached = Some((cursor, tense));
        tense
    });
    Reading {
        tokens,
        sentences,
        mentions,
    }
}

/// Every temporal expression of `text`, anchored to `document_date`. The same as [`read`]'s, without
/// splitting the whole text into sentences: a sentence is looked at only when its tense is needed.
pub fn mentions(text: &str, document_date: Option<NaiveDate>) -> Vec<Mention> {
    let tokens = token::tokenize(text);
    let found = find::find(text, &tokens);
    anchor::anchor(&found, document_date, |offset| {
        let at = tokens.partition_point(|t| (t.end as usize) <= offset);
        let (first, last) = sentence::around(text, &tokens, at);
        tense::of_sentence(text, &tokens[first..last])
    })
}

/// Writes one JSON object per mention, one per line: `start` and `end` (UTF-8 byte offsets into
/// `text`, end exclusive), `text`, `type`, `value`; `mod` when the expression narrows or blurs its
/// value (`EARLY`, `MID`, `LATE`, `APPROX`, `BEFORE`, `AFTER`); `range` (the bytes of the whole range)
/// and `range_end` when it is one end of a range; `anchor` (`document`, `narrative` or `missing`) when
/// its value was counted from something.
pub fn write_mentions(
    text: &str,
    mentions: &[Mention],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let mut line = String::with_capacity(160);
    for m in mentions {
        line.clear();
        let words = text.get(m.start..m.end).unwrap_or_default();
        let quoted = serde_json::to_string(words).unwrap_or_default();
        let _ = write!(
            line,
            "{{\"start\":{},\"end\":{},\"text\":{quoted},\"type\":\"{}\",\"value\":\"{}\"",
            m.start,
            m.end,
            m.kind.as_str(),
            m.value
        );
        if let Some(name) = m.modifier.timex_name() {
            let _ = write!(line, ",\"mod\":\"{name}\"");
        }
        if let Some((start, end, is_end)) = m.range {
            let _ = write!(line, ",\"range\":[{start},{end}],\"range_end\":{is_end}");
        }
        let anchor = match m.anchor {
            Anchor::Absolute => None,
            Anchor::Document => Some("document"),
            Anchor::Narrative => Some("narrative"),
            Anchor::Missing => Some("missing"),
        };
        if let Some(anchor) = anchor {
            let _ = write!(line, ",\"anchor\":\"{anchor}\"");
        }
        line.push_str("}\n");
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}
