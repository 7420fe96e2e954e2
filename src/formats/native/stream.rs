//! Reading dateline JSON in one pass: the top-level keys in any order, and the events converted into the
//! compact model one by one as they are read, so a large file's events are never all held as parsed values.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{EventsBuilder, Head, RawEvent, finish};
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

/// Parses `text`, reporting problems found in valid JSON through `at`; a JSON syntax or shape error
/// ends the parse.
pub(super) fn parse(text: &str, at: At<'_>) -> Result<Timeline, serde_json::Error> {
    let (head, builder) = parse_parts(text, &mut *at)?;
    Ok(finish(head, builder, at))
}

/// Everything but the final checks: the file's head, and its events converted.
pub(super) fn parse_parts<'de>(
    text: &'de str,
    at: At<'_>,
) -> Result<(Head<'de>, EventsBuilder), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let (head, builder) = de::Deserializer::deserialize_struct(
        &mut de,
        "RawTimeline",
        FIELDS,
        TimelineVisitor { at },
    )?;
    de.end()?;
    Ok((head, builder))
}

struct TimelineVisitor<'x> {
    at: At<'x>,
}

impl<'de> Visitor<'de> for TimelineVisitor<'_> {
    type Value = (Head<'de>, EventsBuilder);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a dateline timeline object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut head = Head::default();
        let mut seen: Vec<Key> = Vec::with_capacity(8);
        let mut title = None;
        let mut builder: Option<EventsBuilder> = None;
        // Events that came before the lanes and tags were known, converted at the end.
        let mut pending: Vec<RawEvent<'de>> = Vec::new();
        while let Some(key) = map.next_key::<Key>()? {
            if seen.contains(&key) {
                return Err(de::Error::duplicate_field(FIELDS[key as usize]));
            }
            seen.push(key);
            match key {
                Key::Format => head.format = map.next_value()?,
                Key::Title => title = Some(map.next_value::<String>()?),
                Key::Description => head.description = map.next_value()?,
                Key::Source => head.source = map.next_value()?,
                Key::Lanes => head.lanes = map.next_value()?,
                Key::Tags => head.tags = map.next_value()?,
                Key::Periods => head.periods = map.next_value()?,
                Key::Events => {
                    if seen.contains(&Key::Lanes) && seen.contains(&Key::Tags) {
                        let mut b = EventsBuilder::new(&head.lanes, &head.tags, 0);
                        map.next_value_seed(EventsSeed {
                            builder: &mut b,
                            at: &mut *self.at,
                        })?;
                        builder = Some(b);
                    } else {
                        pending = map.next_value()?;
                    }
                }
            }
        }
        head.title = title.ok_or_else(|| de::Error::missing_field("title"))?;
        let builder = builder.unwrap_or_else(|| {
            let mut b = EventsBuilder::new(&head.lanes, &head.tags, pending.len());
            for (i, e) in pending.into_iter().enumerate() {
                b.add(i, e, self.at);
            }
            b
        });
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
