//! Reading dateline JSON in one pass: the top-level keys in any order, and the events converted into the
//! compact model one by one as they are read, so a large file's events are never all held as parsed values.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{EventsBuilder, Head, RawEvent, RawLabel, finish};
use crate::formats::locate::Step;
use crate::model::Timeline;

/// Where problems found after parsing go: a path into the file and what is wrong there.
type At<'x> = &'x mut dyn FnMut(&[Step<'_>], String);

/// The top-level keys of a dateline file, in the order of [`Key`].
const FIELDS: &[&str] = &[
    "format",
    "title",
    "description",
    "source",
    "lanes",
    "tags",
    "periods",
    "events",
];

/// The top-level keys of a dateline file.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Key {
    Format,
    Title,
    Description,
    Source,
    Lanes,
    Tags,
    Periods,
    Events,
}

/// The lanes and tags event names are resolved against.
#[derive(Clone, Copy)]
pub(super) enum Names<'n> {
    /// Those read before the events (none when the file has none there). Lanes or tags that come after
    /// the events end the parse with [`Outcome::NamesAfterEvents`]: read the file again with them given.
    BeforeEvents,
    /// These, read from the file beforehand.
    Given(&'n [RawLabel], &'n [RawLabel]),
}

/// How a parse ended.
pub(super) enum Outcome<T> {
    /// It went through the whole file.
    Done(T),
    /// The file's lanes or tags come after its events, so the events were resolved against the wrong
    /// names; nothing was reported.
    NamesAfterEvents,
}

/// Parses `text`, reporting problems found in valid JSON through `at`; a JSON syntax or shape error
/// ends the parse.
pub(super) fn parse(
    text: &str,
    names: Names<'_>,
    at: At<'_>,
) -> Result<Outcome<Timeline>, serde_json::Error> {
    Ok(match parse_parts(text, names, &mut *at)? {
        Outcome::Done((head, builder)) => Outcome::Done(finish(head, builder, at)),
        Outcome::NamesAfterEvents => Outcome::NamesAfterEvents,
    })
}

/// Everything but the final checks: the file's head, and its events converted.
pub(super) fn parse_parts<'de>(
    text: &'de str,
    names: Names<'_>,
    at: At<'_>,
) -> Result<Outcome<(Head<'de>, EventsBuilder)>, serde_json::Error> {
    let late = std::cell::Cell::new(false);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = de::Deserializer::deserialize_struct(
        &mut de,
        "RawTimeline",
        FIELDS,
        TimelineVisitor {
            at,
            names,
            late: &late,
        },
    );
    if late.get() {
        return Ok(Outcome::NamesAfterEvents);
    }
    let (head, builder) = parsed?;
    de.end()?;
    Ok(Outcome::Done((head, builder)))
}

struct TimelineVisitor<'x, 'n> {
    at: At<'x>,
    names: Names<'n>,
    /// Set when lanes or tags turn up after events resolved against none.
    late: &'n std::cell::Cell<bool>,
}

impl<'de> Visitor<'de> for TimelineVisitor<'_, '_> {
    type Value = (Head<'de>, EventsBuilder);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a dateline timeline object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut head = Head::default();
        let mut seen: Vec<Key> = Vec::with_capacity(8);
        let mut title = None;
        let mut builder: Option<EventsBuilder> = None;
        while let Some(key) = map.next_key::<Key>()? {
            if seen.contains(&key) {
                return Err(de::Error::duplicate_field(FIELDS[key as usize]));
            }
            seen.push(key);
            let names_now = matches!(key, Key::Lanes | Key::Tags);
            if names_now && builder.is_some() && matches!(self.names, Names::BeforeEvents) {
                self.late.set(true);
                return Err(de::Error::custom("lanes or tags after the events"));
            }
            match key {
                Key::Format => head.format = map.next_value()?,
                Key::Title => title = Some(map.next_value::<String>()?),
                Key::Description => head.description = map.next_value()?,
                Key::Source => head.source = map.next_value()?,
                Key::Lanes => head.lanes = map.next_value()?,
                Key::Tags => head.tags = map.next_value()?,
                Key::Periods => head.periods = map.next_value()?,
                Key::Events => {
                    // Resolved as they are read: against the names given, or those read so far (a file
                    // with no tags has none, wherever they would be).
                    let mut b = match self.names {
                        Names::Given(lanes, tags) => EventsBuilder::new(lanes, tags, 0),
                        Names::BeforeEvents => EventsBuilder::new(&head.lanes, &head.tags, 0),
                    };
                    map.next_value_seed(EventsSeed {
                        builder: &mut b,
                        at: &mut *self.at,
                    })?;
                    builder = Some(b);
                }
            }
        }
        head.title = title.ok_or_else(|| de::Error::missing_field("title"))?;
        let builder = builder.unwrap_or_else(|| EventsBuilder::new(&head.lanes, &head.tags, 0));
        Ok((head, builder))
    }
}

/// The events array, each element converted as soon as it is read.
struct EventsSeed<'b, 'x> {
    builder: &'b mut EventsBuilder,
    at: At<'x>,
}

impl<'de> DeserializeSeed<'de> for EventsSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EventsSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of events")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        while let Some(event) = seq.next_element::<RawEvent<'de>>()? {
            self.builder.add(i, event, self.at);
            i += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_is_named_at_its_place_in_the_list() {
        for (i, name) in FIELDS.iter().enumerate() {
            let key: Key = serde_json::from_str(&format!("\"{name}\"")).unwrap();
            assert_eq!(key as usize, i, "{name}");
        }
    }
}
