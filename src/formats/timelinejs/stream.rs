//! Reading `TimelineJS` JSON in one pass: the top-level keys in any order, each slide handed to the
//! [`SlideBuilder`] as soon as it is read, so the file's slides are never all held as parsed values.
//!
//! Three shapes are read:
//! - `TimelineJS` 3: `{"title": …, "events": […], "eras": […]}`;
//! - the same inside a `timeline` object, where the slides may also come as one `slides` list
//!   (`{"timeline": {"slides": […]}}`): a slide of `"type": "title"` (or a first slide without a date)
//!   is the title, one of `"type": "era"` an era, the others events;
//! - `TimelineJS` 2 (2012–2015): `{"timeline": {"headline", "text", "asset", "date": […], "era": […]}}`,
//!   whose slides have `startDate`/`endDate` strings `"YYYY,MM,DD"` (fewer parts, less precision;
//!   negative years BCE), a `headline`, a `text`, a `tag` (the lane) and an `asset` (`media`, `credit`,
//!   `caption`).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{At, DateParts, Media, Part, RawSlide, Scalar, Slide, SlideBuilder, Which};

/// Reads `text` into `builder`, reporting problems found in valid JSON through `at`; a JSON syntax or
/// shape error ends the read.
pub(super) fn read(
    text: &str,
    builder: &mut SlideBuilder,
    at: At<'_>,
) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    de::Deserializer::deserialize_map(
        &mut de,
        FileVisitor {
            builder,
            at,
            wrapped: false,
        },
    )?;
    de.end()
}

/// The keys that are read; every other one is skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Events,
    Title,
    Eras,
    Timeline,
    Slides,
    /// `TimelineJS` 2: the events.
    Date,
    /// `TimelineJS` 2: the eras.
    Era,
    /// `TimelineJS` 2: the title's headline, text and asset.
    Headline,
    Text,
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
                    "timeline" => Key::Timeline,
                    "slides" => Key::Slides,
                    "date" => Key::Date,
                    "era" => Key::Era,
                    "headline" => Key::Headline,
                    "text" => Key::Text,
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
    /// Inside the `timeline` object.
    wrapped: bool,
}

impl<'de> Visitor<'de> for FileVisitor<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.wrapped {
            f.write_str("a timeline: an object with \"events\", \"slides\" or \"date\"")
        } else {
            f.write_str("a TimelineJS timeline: an object with \"events\"")
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen: Vec<Key> = Vec::new();
        let (mut headline, mut text) = (None, None);
        while let Some(key) = map.next_key::<Key>()? {
            let name = match key {
                Key::Events => "events",
                Key::Title => "title",
                Key::Eras => "eras",
                Key::Timeline if !self.wrapped => "timeline",
                Key::Slides | Key::Date | Key::Era | Key::Headline | Key::Text if self.wrapped => {
                    match key {
                        Key::Slides => "slides",
                        Key::Date => "date",
                        Key::Era => "era",
                        Key::Headline => "headline",
                        _ => "text",
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if seen.contains(&key) {
                return Err(de::Error::duplicate_field(name));
            }
            seen.push(key);
            let wrapped = self.wrapped;
            match key {
                Key::Title => {
                    if let Some(slide) = map.next_value::<Option<RawSlide>>()? {
                        self.builder.title(&slide.into_slide());
                    }
                }
                Key::Timeline => map.next_value_seed(TimelineSeed {
                    builder: &mut *self.builder,
                    at: &mut *self.at,
                })?,
                Key::Headline => headline = map.next_value::<Option<Text>>()?.map(|t| t.0),
                Key::Text => text = map.next_value::<Option<Text>>()?.map(|t| t.0),
                Key::Events | Key::Eras | Key::Slides | Key::Date | Key::Era => {
                    let list = match key {
                        Key::Events => List::Events { wrapped },
                        Key::Eras => List::Eras { wrapped },
                        Key::Slides => List::Slides,
                        Key::Date => List::OldDates,
                        _ => List::OldEras,
                    };
                    map.next_value_seed(SlidesSeed {
                        list,
                        builder: &mut *self.builder,
                        at: &mut *self.at,
                    })?;
                }
                Key::Other => {}
            }
        }
        if headline.is_some() || text.is_some() {
            self.builder.title(&Slide {
                headline: headline.unwrap_or_default(),
                text: text.unwrap_or_default(),
                ..Slide::default()
            });
        }
        let has = |k: Key| seen.contains(&k);
        if !(has(Key::Events) || has(Key::Timeline) || has(Key::Slides) || has(Key::Date)) {
            return Err(de::Error::missing_field(if self.wrapped {
                "events\", \"slides\" or \"date"
            } else {
                "events"
            }));
        }
        Ok(())
    }
}

/// A string, number or boolean as text; `null` as nothing.
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::lenient_text(deserializer).map(|t| Self(t.unwrap_or_default()))
    }
}

/// The `timeline` object.
struct TimelineSeed<'b, 'x> {
    builder: &'b mut SlideBuilder,
    at: At<'x>,
}

impl<'de> DeserializeSeed<'de> for TimelineSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(FileVisitor {
            builder: self.builder,
            at: self.at,
            wrapped: true,
        })
    }
}

/// Which list of slides is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Events { wrapped: bool },
    Eras { wrapped: bool },
    Slides,
    OldDates,
    OldEras,
}

/// A list of slides, each handed on as soon as it is read. A `null` list is none.
struct SlidesSeed<'b, 'x> {
    list: List,
    builder: &'b mut SlideBuilder,
    at: At<'x>,
}

impl<'de> DeserializeSeed<'de> for SlidesSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.list == (List::Events { wrapped: false }) {
            deserializer.deserialize_seq(self)
        } else {
            deserializer.deserialize_option(self)
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
        match self.list {
            List::OldDates | List::OldEras => {
                while let Some(raw) = seq.next_element::<OldSlide>()? {
                    let slide = raw.into_slide();
                    if self.list == List::OldEras {
                        self.builder.era(Which::OldEra(i), &slide, self.at);
                    } else {
                        self.builder.event(Which::OldDate(i), &slide, self.at);
                    }
                    i += 1;
                }
            }
            List::Events { wrapped } | List::Eras { wrapped } => {
                let era = matches!(self.list, List::Eras { .. });
                while let Some(raw) = seq.next_element::<RawSlide>()? {
                    let slide = raw.into_slide();
                    match (era, wrapped) {
                        (true, false) => self.builder.era(Which::Era(i), &slide, self.at),
                        (true, true) => self.builder.era(Which::WrappedEra(i), &slide, self.at),
                        (false, false) => self.builder.event(Which::Event(i), &slide, self.at),
                        (false, true) => {
                            self.builder.event(Which::WrappedEvent(i), &slide, self.at);
                        }
                    }
                    i += 1;
                }
            }
            List::Slides => {
                while let Some(raw) = seq.next_element::<RawSlide>()? {
                    let kind = raw
                        .kind
                        .as_deref()
                        .map(str::trim)
                        .map(str::to_ascii_lowercase);
                    let undated = raw.start_date.is_none();
                    let slide = raw.into_slide();
                    match kind.as_deref() {
                        Some("title") => self.builder.title(&slide),
                        None if i == 0 && undated => self.builder.title(&slide),
                        Some("era") => self.builder.era(Which::Slide(i), &slide, self.at),
                        _ => self.builder.event(Which::Slide(i), &slide, self.at),
                    }
                    i += 1;
                }
            }
        }
        Ok(())
    }
}

/// A `TimelineJS` 2 slide, as written.
#[derive(Deserialize)]
#[serde(expecting = "a slide: an object with \"startDate\", \"headline\", …")]
struct OldSlide {
    #[serde(default, rename = "startDate")]
    start: Option<Scalar>,
    #[serde(default, rename = "endDate")]
    end: Option<Scalar>,
    #[serde(default, deserialize_with = "super::lenient_text")]
    headline: Option<String>,
    #[serde(default, deserialize_with = "super::lenient_text")]
    text: Option<String>,
    #[serde(default, deserialize_with = "super::lenient_text")]
    tag: Option<String>,
    #[serde(default)]
    asset: Option<OldAsset>,
}

#[derive(Deserialize)]
#[serde(expecting = "an asset: an object with \"media\", \"credit\", \"caption\"")]
struct OldAsset {
    #[serde(default, deserialize_with = "super::lenient_text")]
    media: Option<String>,
    #[serde(default, deserialize_with = "super::lenient_text")]
    credit: Option<String>,
    #[serde(default, deserialize_with = "super::lenient_text")]
    caption: Option<String>,
    #[serde(default, deserialize_with = "super::lenient_text")]
    thumbnail: Option<String>,
}

impl OldSlide {
    fn into_slide(self) -> Slide {
        Slide {
            start: self.start.and_then(old_date),
            end: self.end.and_then(old_date),
            headline: self.headline.unwrap_or_default(),
            text: self.text.unwrap_or_default(),
            media: self.asset.map(|a| Media {
                url: a.media.unwrap_or_default(),
                caption: a.caption.unwrap_or_default(),
                credit: a.credit.unwrap_or_default(),
                thumbnail: a.thumbnail.unwrap_or_default(),
                ..Media::default()
            }),
            group: self.tag,
            ..Slide::default()
        }
    }
}

/// A `TimelineJS` 2 date, `"YYYY,MM,DD"` (and hours, minutes, seconds after): its parts, checked as
/// `TimelineJS` 3's are. An empty string is no date.
fn old_date(value: Scalar) -> Option<DateParts> {
    let text = match value {
        Scalar::Text(text) => text,
        other => {
            return Some(DateParts {
                year: Some(other),
                ..DateParts::default()
            });
        }
    };
    if text.trim().is_empty() {
        return None;
    }
    let mut parts = text.split(',').map(|p| Scalar::Text(p.trim().to_owned()));
    let year = parts.next();
    let month = parts.next();
    let day = parts.next();
    let times = [Part::Hour, Part::Minute, Part::Second, Part::Millisecond]
        .into_iter()
        .zip(parts.by_ref())
        .collect();
    // Anything past the milliseconds is a part too many: left as a year that reads wrong.
    let year = if parts.next().is_some() {
        Some(Scalar::Text(text))
    } else {
        year
    };
    Some(DateParts {
        year,
        month,
        day,
        times,
        display_date: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_dates_split_into_parts() {
        let parts = old_date(Scalar::Text("2011,12,10".into())).unwrap();
        assert_eq!(parts.year, Some(Scalar::Text("2011".into())));
        assert_eq!(parts.month, Some(Scalar::Text("12".into())));
        assert_eq!(parts.day, Some(Scalar::Text("10".into())));
        let parts = old_date(Scalar::Text("-500".into())).unwrap();
        assert_eq!(parts.month, None);
        assert!(old_date(Scalar::Text(" ".into())).is_none());
        assert_eq!(
            old_date(Scalar::Int(1969)).unwrap().year,
            Some(Scalar::Int(1969))
        );
    }
}
