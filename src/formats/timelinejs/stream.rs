//! Reading `TimelineJS` JSON in one pass: the top-level keys in any order, each slide handed to the
//! [`SlideBuilder`] as soon as it is read, so the file's slides are never all held as parsed values.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{At, RawSlide, SlideBuilder};

/// Reads `text` into `builder`, reporting problems found in valid JSON through `at`; a JSON syntax or
/// shape error ends the read.
pub(super) fn read(
    text: &str,
    builder: &mut SlideBuilder,
    at: At<'_>,
) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    de::Deserializer::deserialize_map(&mut de, FileVisitor { builder, at })?;
    de.end()
}

/// The top-level keys that are read; every other one is skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Events,
    Title,
    Eras,
    Other,
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(match key {
                    "events" => Key::Events,
                    "title" => Key::Title,
                    "eras" => Key::Eras,
                    _ => Key::Other,
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

struct FileVisitor<'b, 'x> {
    builder: &'b mut SlideBuilder,
    at: At<'x>,
}

impl<'de> Visitor<'de> for FileVisitor<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TimelineJS timeline: an object with \"events\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; 3];
        while let Some(key) = map.next_key::<Key>()? {
            let (index, name) = match key {
                Key::Events => (0, "events"),
                Key::Title => (1, "title"),
                Key::Eras => (2, "eras"),
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if std::mem::replace(&mut seen[index], true) {
                return Err(de::Error::duplicate_field(name));
            }
            match key {
                Key::Title => {
                    if let Some(slide) = map.next_value::<Option<RawSlide>>()? {
                        self.builder.title(&slide.into_slide());
                    }
                }
                Key::Events | Key::Eras => map.next_value_seed(SlidesSeed {
                    eras: key == Key::Eras,
                    builder: &mut *self.builder,
                    at: &mut *self.at,
                })?,
                Key::Other => {}
            }
        }
        if !seen[0] {
            return Err(de::Error::missing_field("events"));
        }
        Ok(())
    }
}

/// The events or the eras, each slide handed on as soon as it is read. `null` eras are none.
struct SlidesSeed<'b, 'x> {
    eras: bool,
    builder: &'b mut SlideBuilder,
    at: At<'x>,
}

impl<'de> DeserializeSeed<'de> for SlidesSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.eras {
            deserializer.deserialize_option(self)
        } else {
            deserializer.deserialize_seq(self)
        }
    }
}

impl<'de> Visitor<'de> for SlidesSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        while let Some(raw) = seq.next_element::<RawSlide>()? {
            let slide = raw.into_slide();
            if self.eras {
                self.builder.era(i, &slide, self.at);
            } else {
                self.builder.event(i, &slide, self.at);
            }
            i += 1;
        }
        Ok(())
    }
}
