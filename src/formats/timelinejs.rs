//! `TimelineJS` 3 JSON (Knight Lab), the most common hand-made timeline file on the web: its `events`
//! become events, its `eras` periods, its `group`s lanes and its `title` slide the timeline's title.
//!
//! The conversion from slides to a [`Timeline`] ([`build`]) is shared with the `TimelineJS` spreadsheet
//! columns of the CSV reader, so both report the same problems in the same words; only where a problem
//! is (a JSON path or a CSV cell) differs.
//!
//! Years: `TimelineJS` writes BCE years as negative numbers and has no year zero in what it shows (`-500` is
//! shown as "500 BCE"). The model and EDTF count astronomically (`0` is 1 BCE, `-499` is 500 BCE; the EDTF
//! parser reads `-0499` as the astronomical year -499). So a negative `TimelineJS` year `y` becomes the
//! astronomical year `y + 1`, and a year `0` is read as astronomical 0 (1 BCE), like `-1`.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::error::Problem;
use super::locate::{LocatedProblems, Step};
use smallvec::SmallVec;

use super::native::serde_problem;
use super::show::quoted;
use crate::model::date::{MAX_ABS_YEAR, MAX_CALENDAR_YEAR, grouped, month_name, year_words};
use crate::model::{
    DateSpec, EdtfDate, Event, EventDetails, IntervalEnd, Lane, LaneId, Period, Provenance,
    SourceLink, Status, Timeline,
};

mod display;
mod stream;
pub mod write;

pub use write::{to_string, write_to};

/// Reads `TimelineJS` JSON. On failure returns the problems found, each with its line and column (the
/// first [`MAX_LISTED_PROBLEMS`](super::report::MAX_LISTED_PROBLEMS), then how many more).
///
/// Slides are converted one by one as they are read, straight into the model.
pub fn parse(text: &str) -> Result<Timeline, Vec<Problem>> {
    let mut problems = LocatedProblems::new(text);
    let mut builder = SlideBuilder::new();
    stream::read(text, &mut builder, &mut |which, field, message| {
        problems.add(&path_of(which, field), message);
    })
    .map_err(|e| vec![serde_problem(text, &e)])?;
    let timeline = builder.finish();
    problems.into_sorted().map_or(Ok(timeline), Err)
}

/// The JSON path of a part of a slide.
fn path_of(which: Which, field: Field) -> SmallVec<[Step<'static>; 6]> {
    let mut path = SmallVec::new();
    let (wrapped, list, i) = match which {
        Which::Era(i) => (false, "eras", i),
        Which::Event(i) => (false, "events", i),
        Which::Slide(i) => (true, "slides", i),
        Which::WrappedEra(i) => (true, "eras", i),
        Which::WrappedEvent(i) => (true, "events", i),
        Which::OldDate(i) => (true, "date", i),
        Which::OldEra(i) => (true, "era", i),
    };
    if wrapped {
        path.push(Step::Key("timeline"));
    }
    path.extend([Step::Key(list), Step::Index(i)]);
    if matches!(which, Which::OldDate(_) | Which::OldEra(_)) {
        // TimelineJS 2 writes a date as one string, "YYYY,MM,DD", and the group as a tag.
        match field {
            Field::Slide => {}
            Field::Start | Field::StartPart(_) => path.push(Step::Key("startDate")),
            Field::End | Field::EndPart(_) => path.push(Step::Key("endDate")),
            Field::Group => path.push(Step::Key("tag")),
        }
        return path;
    }
    match field {
        Field::Slide => {}
        Field::Start => path.push(Step::Key("start_date")),
        Field::End => path.push(Step::Key("end_date")),
        Field::StartPart(part) => path.extend([Step::Key("start_date"), Step::Key(part.key())]),
        Field::EndPart(part) => path.extend([Step::Key("end_date"), Step::Key(part.key())]),
        Field::Group => path.push(Step::Key("group")),
    }
    path
}

// ---------------------------------------------------------------------------------------------------
// The JSON as written. Unknown keys (background, autolink, scale, …) are ignored.

#[derive(Deserialize)]
#[serde(expecting = "a slide: an object with \"start_date\", \"text\", …")]
struct RawSlide {
    #[serde(default)]
    start_date: Option<RawDate>,
    #[serde(default)]
    end_date: Option<RawDate>,
    #[serde(default)]
    text: Option<RawText>,
    #[serde(default)]
    media: Option<RawMedia>,
    #[serde(default, deserialize_with = "lenient_text")]
    group: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    display_date: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    unique_id: Option<String>,
    /// `title` or `era` in a `slides` list.
    #[serde(default, rename = "type", deserialize_with = "lenient_text")]
    kind: Option<String>,
}

#[derive(Deserialize)]
#[serde(expecting = "an object with \"headline\" and \"text\"")]
struct RawText {
    #[serde(default, deserialize_with = "lenient_text")]
    headline: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(expecting = "a media object with a \"url\"")]
struct RawMedia {
    #[serde(default, deserialize_with = "lenient_text")]
    url: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    caption: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    credit: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    title: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    thumbnail: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    alt: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    link: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    link_target: Option<String>,
}

#[derive(Deserialize)]
#[serde(expecting = "a date: an object such as {\"year\": 1969, \"month\": 7}")]
struct RawDate {
    #[serde(default)]
    year: Option<Scalar>,
    #[serde(default)]
    month: Option<Scalar>,
    #[serde(default)]
    day: Option<Scalar>,
    #[serde(default)]
    hour: Option<Scalar>,
    #[serde(default)]
    minute: Option<Scalar>,
    #[serde(default)]
    second: Option<Scalar>,
    #[serde(default)]
    millisecond: Option<Scalar>,
    #[serde(default, deserialize_with = "lenient_text")]
    display_date: Option<String>,
}

impl RawSlide {
    fn into_slide(self) -> Slide {
        let text = self.text.unwrap_or(RawText {
            headline: None,
            text: None,
        });
        Slide {
            start: self.start_date.map(RawDate::into_parts),
            end: self.end_date.map(RawDate::into_parts),
            headline: text.headline.unwrap_or_default(),
            text: text.text.unwrap_or_default(),
            media: self.media.map(|m| Media {
                url: m.url.unwrap_or_default(),
                caption: m.caption.unwrap_or_default(),
                credit: m.credit.unwrap_or_default(),
                title: m.title.unwrap_or_default(),
                thumbnail: m.thumbnail.unwrap_or_default(),
                alt: m.alt.unwrap_or_default(),
                link: m.link.unwrap_or_default(),
                link_target: m.link_target.unwrap_or_default(),
            }),
            group: self.group,
            display_date: self.display_date,
            unique_id: self.unique_id,
        }
    }
}

impl RawDate {
    fn into_parts(self) -> DateParts {
        let times = [
            (Part::Hour, self.hour),
            (Part::Minute, self.minute),
            (Part::Second, self.second),
            (Part::Millisecond, self.millisecond),
        ];
        DateParts {
            year: self.year,
            month: self.month,
            day: self.day,
            times: times
                .into_iter()
                .filter_map(|(p, v)| v.map(|v| (p, v)))
                .collect(),
            display_date: self.display_date,
        }
    }
}

/// Reads a string, number or boolean as text; `null` as nothing. Objects and arrays are type errors.
fn lenient_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    struct TextVisitor;
    impl<'de> Visitor<'de> for TextVisitor {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(self)
        }
    }
    deserializer.deserialize_any(TextVisitor)
}

// ---------------------------------------------------------------------------------------------------
// Slides, whether they came from JSON or from spreadsheet rows.

/// A date part as written: a number, a string (which should be numeric), or something else entirely.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Scalar {
    /// A whole JSON number.
    Int(i64),
    /// Any other JSON number.
    Float(f64),
    /// A string, such as `"1963"` from JSON or any spreadsheet cell.
    Text(String),
    /// A value of another type (`true`, an object, an array), named for messages.
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl<'de> Visitor<'de> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a numeric string")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(i64::try_from(v).map_or(Scalar::Float(v as f64), Scalar::Int))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Text(v))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scalar, E> {
                Ok(Scalar::Other("true or false"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Text(String::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other("a list"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other("an object"))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// The parts of a `TimelineJS` date.
#[derive(Clone, Debug, Default)]
pub(crate) struct DateParts {
    /// The year: negative for BCE (see the module's notes).
    pub year: Option<Scalar>,
    /// The month 1–12.
    pub month: Option<Scalar>,
    /// The day of the month.
    pub day: Option<Scalar>,
    /// Hours, minutes, seconds and milliseconds: checked to be numbers, then not used (the model counts
    /// days).
    pub times: Vec<(Part, Scalar)>,
    /// A date-level display date.
    pub display_date: Option<String>,
}

/// A media attachment, as written: an empty text is one the slide does not give. The caption, credit and
/// title are HTML; the address, thumbnail, alt text, link and link target plain text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Media {
    pub url: String,
    pub caption: String,
    pub credit: String,
    pub title: String,
    pub thumbnail: String,
    pub alt: String,
    pub link: String,
    pub link_target: String,
}

/// One slide: an event, an era or the title.
#[derive(Clone, Debug, Default)]
pub(crate) struct Slide {
    pub start: Option<DateParts>,
    pub end: Option<DateParts>,
    /// HTML.
    pub headline: String,
    /// HTML.
    pub text: String,
    pub media: Option<Media>,
    pub group: Option<String>,
    pub display_date: Option<String>,
    pub unique_id: Option<String>,
}

/// Which slide a problem is in (the title slide has none: only its texts are used).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Which {
    /// `eras[i]`.
    Era(usize),
    /// `events[i]`.
    Event(usize),
    /// `timeline.slides[i]`: a slide list in the `timeline` wrapper.
    Slide(usize),
    /// `timeline.eras[i]`.
    WrappedEra(usize),
    /// `timeline.events[i]`.
    WrappedEvent(usize),
    /// `timeline.date[i]`: an event of a `TimelineJS` 2 file.
    OldDate(usize),
    /// `timeline.era[i]`: an era of a `TimelineJS` 2 file.
    OldEra(usize),
}

impl Which {
    /// The key of the slide's start or end date, as messages name it: `startDate`/`endDate` in a
    /// `TimelineJS` 2 file, `start_date`/`end_date` otherwise.
    fn date_key(self, is_end: bool) -> &'static str {
        match (self, is_end) {
            (Self::OldDate(_) | Self::OldEra(_), false) => "startDate",
            (Self::OldDate(_) | Self::OldEra(_), true) => "endDate",
            (_, false) => "start_date",
            (_, true) => "end_date",
        }
    }
}

/// A part of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Millisecond,
}

impl Part {
    /// The JSON key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
            Self::Hour => "hour",
            Self::Minute => "minute",
            Self::Second => "second",
            Self::Millisecond => "millisecond",
        }
    }
}

/// Where in a slide a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// The slide as a whole.
    Slide,
    /// The start date as a whole.
    Start,
    /// The end date as a whole.
    End,
    /// One part of the start date.
    StartPart(Part),
    /// One part of the end date.
    EndPart(Part),
    /// The group.
    Group,
}

/// Where problems go: the slide, the part of it, and what is wrong.
pub(crate) type At<'x> = &'x mut dyn FnMut(Which, Field, String);

/// Builds a timeline from slides given one at a time, as they are read, reporting each problem through
/// `at(slide, field, message)`. Events are converted as they come, so a file's slides are never all held
/// at once; eras take their ids after every event has taken its own, wherever they are in the file.
/// Once a problem is found the file cannot load, so nothing more is built: the rest is only checked.
#[derive(Default)]
pub(crate) struct SlideBuilder {
    timeline: Timeline,
    ids: Ids,
    lane_ids: Ids,
    lane_of: HashMap<String, LaneId>,
    /// Each era kept so far: its place in `timeline.periods` is its place here; the id it asks for.
    era_ids: Vec<Option<String>>,
    /// Whether a problem was found.
    broken: bool,
}

impl SlideBuilder {
    /// Nothing read yet.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The title slide: only its texts are used.
    pub(crate) fn title(&mut self, slide: &Slide) {
        self.timeline.title = html_to_line(&slide.headline);
        self.timeline.description = html_to_text(&slide.text);
    }

    /// An event slide, `which` saying where it is in the file.
    pub(crate) fn event(&mut self, which: Which, slide: &Slide, at: At<'_>) {
        let mut found = false;
        let mut report = |which, field, message| {
            found = true;
            at(which, field, message);
        };
        let title = slide_title(slide, "Untitled event");
        let name = format!("event {}", quoted(&shorten(&title)));
        let start = required_date(slide.start.as_ref(), false, which, &name, &mut report);
        let end = slide
            .end
            .as_ref()
            .and_then(|parts| date_of(parts, true, which, &name, &mut report));
        let when = match (start, end) {
            (Some(s), None) => Some(DateSpec::Single(s)),
            (Some(s), Some(e)) if e == s => Some(DateSpec::Single(s)),
            (Some(s), Some(e)) => span(s, e, which, &name, &mut report),
            (None, _) => None,
        };
        let lane = self.lane(slide, which, &mut report);
        if found {
            self.break_off();
        }
        let Some(when) = when.filter(|_| !self.broken) else {
            return;
        };
        let shown = slide
            .display_date
            .as_deref()
            .or_else(|| slide.start.as_ref()?.display_date.as_deref())
            .map(html_to_line)
            .filter(|d| !d.is_empty());
        // A display date in dateline's own words gives back what the date parts cannot say.
        let stated = shown.as_deref().and_then(|s| own_words(s, start, end));
        let (when, status) = stated.unwrap_or((when, Status::Occurred));

        let id = self.ids.claim(slide.unique_id.as_deref(), &title, "event");
        let mut details = EventDetails {
            summary: html_to_text(&slide.text),
            media: slide.media.as_ref().and_then(model_media),
            ..EventDetails::default()
        };
        if let Some(shown) = shown.filter(|_| stated.is_none()) {
            match DateSpec::parse(&shown) {
                Ok(date) => details.text_date = Some(date),
                Err(_) => details.note = Some(format!("Shown as: {shown}")),
            }
        }
        let mut event = Event::new(&id, &title, when, &[], &details.borrowed());
        event.status = status;
        event.lane = lane;
        // A TimelineJS file does not say where its events came from: nothing is claimed.
        event.provenance = Provenance::Unstated;
        self.timeline.events.push(event);
    }

    /// The lane of the slide's group (the "Events" lane without one), added when first seen.
    fn lane(&mut self, slide: &Slide, which: Which, at: At<'_>) -> LaneId {
        let group = slide
            .group
            .as_deref()
            .map(html_to_line)
            .filter(|g| !g.is_empty())
            .unwrap_or_else(|| "Events".to_owned());
        if let Some(lane) = self.lane_of.get(&group) {
            return *lane;
        }
        if self.timeline.lanes.len() >= usize::from(u16::MAX) {
            at(
                which,
                Field::Group,
                format!("too many groups: at most {} are allowed", u16::MAX),
            );
            return LaneId(0);
        }
        let lane = LaneId(self.timeline.lanes.len() as u16);
        self.timeline.lanes.push(Lane {
            id: self.lane_ids.claim(None, &group, "lane"),
            label: group.clone(),
        });
        self.lane_of.insert(group, lane);
        lane
    }

    /// An era slide, `which` saying where it is in the file.
    pub(crate) fn era(&mut self, which: Which, slide: &Slide, at: At<'_>) {
        let mut found = false;
        let mut report = |which, field, message| {
            found = true;
            at(which, field, message);
        };
        let title = slide_title(slide, "Untitled era");
        let name = format!("era {}", quoted(&shorten(&title)));
        let start = required_date(slide.start.as_ref(), false, which, &name, &mut report);
        let end = required_date(slide.end.as_ref(), true, which, &name, &mut report);
        // An era ending on its start date still spans what that date covers (a whole year for a year).
        let when = start
            .zip(end)
            .and_then(|(s, e)| span(s, e, which, &name, &mut report));
        if found {
            self.break_off();
        }
        let Some(when) = when.filter(|_| !self.broken) else {
            return;
        };
        // An era dateline wrote says its date in dateline's words: what its parts cannot say comes back.
        let when = slide
            .display_date
            .as_deref()
            .and_then(|s| own_words(&html_to_line(s), start, end))
            .map_or(when, |(when, _)| when);
        self.era_ids.push(slide.unique_id.clone());
        self.timeline.periods.push(Period {
            id: String::new(),
            title,
            when,
            lane: None,
            summary: html_to_text(&slide.text),
            provenance: Provenance::Unstated,
            sources: slide.media.iter().filter_map(media_link).collect(),
        });
    }

    /// A problem was found: what was built is dropped, and nothing more will be.
    fn break_off(&mut self) {
        if !self.broken {
            self.broken = true;
            self.timeline.events = Vec::new();
            self.timeline.periods = Vec::new();
            self.era_ids = Vec::new();
            self.ids = Ids::default();
        }
    }

    /// The timeline, its eras given their ids and everything in chronological order.
    pub(crate) fn finish(mut self) -> Timeline {
        for (period, wanted) in self.timeline.periods.iter_mut().zip(&self.era_ids) {
            period.id = self.ids.claim(wanted.as_deref(), &period.title, "era");
        }
        self.timeline.sort_chronologically();
        self.timeline
    }
}

/// The date and status a `display_date` written in dateline's words (see [`display`]) gives, when it
/// names the days the slide's own parts give: its first day is the first day of `start`, and its last
/// day the last day of `end` (an end still going on may end anywhere; a date without an end may have
/// none). `None` otherwise.
fn own_words(
    shown: &str,
    start: Option<EdtfDate>,
    end: Option<EdtfDate>,
) -> Option<(DateSpec, Status)> {
    let (when, status) = display::read(shown, [start, end])?;
    let start = start?;
    // Today only matters for an open end, which is not compared.
    let (first, last) = when.covered(start.first_day());
    let same_end = |e: EdtfDate| e.last_day() == last;
    let fits = first == start.first_day()
        && match when {
            DateSpec::Interval {
                end: IntervalEnd::Open,
                ..
            } => true,
            DateSpec::Interval {
                end: IntervalEnd::Date(_),
                start: Some(_),
            } => end.is_some_and(same_end),
            _ => end.is_none_or(same_end),
        };
    fits.then_some((when, status))
}

/// A date that must be there: a problem when it is missing or invalid.
fn required_date(
    parts: Option<&DateParts>,
    is_end: bool,
    which: Which,
    name: &str,
    at: At<'_>,
) -> Option<EdtfDate> {
    if let Some(parts) = parts {
        return date_of(parts, is_end, which, name, at);
    }
    let message = if is_end {
        format!(
            "{name} has no {} (an era needs both a start and an end)",
            which.date_key(true)
        )
    } else {
        format!("{name} has no {}", which.date_key(false))
    };
    at(which, Field::Slide, message);
    None
}

/// The span from `start` to `end`, or a problem when the end comes first.
fn span(
    start: EdtfDate,
    end: EdtfDate,
    which: Which,
    name: &str,
    at: &mut dyn FnMut(Which, Field, String),
) -> Option<DateSpec> {
    if end.last_day() < start.first_day() {
        at(
            which,
            Field::End,
            format!(
                "{name} ends ({}) before it starts ({})",
                end.words(),
                start.words()
            ),
        );
        return None;
    }
    Some(DateSpec::Interval {
        start: Some(start),
        end: IntervalEnd::Date(end),
    })
}

/// A slide's title as plain text: its headline, else the start of its text, else `fallback`.
fn slide_title(slide: &Slide, fallback: &str) -> String {
    let headline = html_to_line(&slide.headline);
    if !headline.is_empty() {
        return headline;
    }
    let text = html_to_line(&slide.text);
    if !text.is_empty() {
        return shorten_to(&text, 80);
    }
    let caption = slide
        .media
        .as_ref()
        .map(|m| html_to_line(&m.caption))
        .unwrap_or_default();
    if caption.is_empty() {
        fallback.to_owned()
    } else {
        shorten_to(&caption, 80)
    }
}

/// The slide's media as the model keeps it: the caption, credit and title as plain text (tags removed,
/// entities decoded), the other parts trimmed; `None` when the slide says nothing about it.
fn model_media(media: &Media) -> Option<crate::model::Media> {
    let html = |text: &str| Some(html_to_text(text)).filter(|t| !t.is_empty());
    let plain = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    let media = crate::model::Media {
        url: media.url.trim().to_owned(),
        caption: html(&media.caption),
        credit: html(&media.credit),
        title: html(&media.title),
        thumbnail: plain(&media.thumbnail),
        alt: plain(&media.alt),
        link: plain(&media.link),
        link_target: plain(&media.link_target),
    };
    (!media.is_empty()).then_some(media)
}

/// An era's media as a source link (a period has no media of its own): labelled by its caption, credit or
/// title ("Media" without one).
fn media_link(media: &Media) -> Option<SourceLink> {
    let label = [&media.caption, &media.credit, &media.title]
        .into_iter()
        .map(|s| html_to_line(s))
        .find(|s| !s.is_empty());
    let url = media.url.trim();
    let url = (!url.is_empty()).then(|| url.to_owned());
    if label.is_none() && url.is_none() {
        return None;
    }
    Some(SourceLink {
        label: label.unwrap_or_else(|| "Media".to_owned()),
        url,
    })
}

fn shorten(text: &str) -> String {
    shorten_to(text, 40)
}

fn shorten_to(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Reads one date from its parts. The precision is the most specific part given; a missing month
/// defaults to January when a day is given (as `TimelineJS` does).
fn date_of(
    parts: &DateParts,
    is_end: bool,
    which: Which,
    name: &str,
    at: &mut dyn FnMut(Which, Field, String),
) -> Option<EdtfDate> {
    let label = which.date_key(is_end);
    let whole = if is_end { Field::End } else { Field::Start };
    let field = |part| {
        if is_end {
            Field::EndPart(part)
        } else {
            Field::StartPart(part)
        }
    };
    let mut ok = true;
    let mut number = |part: Part, value: Option<&Scalar>, ok: &mut bool| -> Option<i64> {
        match part_value(value?) {
            Ok(v) => v,
            Err(reason) => {
                at(
                    which,
                    field(part),
                    format!("invalid {} in the {label} of {name}: {reason}", part.key()),
                );
                *ok = false;
                None
            }
        }
    };
    let year = number(Part::Year, parts.year.as_ref(), &mut ok);
    let month = number(Part::Month, parts.month.as_ref(), &mut ok);
    let day = number(Part::Day, parts.day.as_ref(), &mut ok);
    for (part, value) in &parts.times {
        number(*part, Some(value), &mut ok);
    }
    if !ok {
        return None;
    }
    let Some(year) = year else {
        at(which, whole, format!("the {label} of {name} has no year"));
        return None;
    };
    // TimelineJS's -500 is 500 BCE, the astronomical year -499 (see the module's notes).
    let astronomical = if year < 0 { year + 1 } else { year };
    let Some(year) = Some(astronomical).filter(|y| y.abs() <= MAX_ABS_YEAR) else {
        at(
            which,
            field(Part::Year),
            format!(
                "invalid year in the {label} of {name}: {} is out of range (dateline reads years between {} BCE and {})",
                parts.year.as_ref().map(written).unwrap_or_default(),
                grouped(i128::from(MAX_ABS_YEAR) + 1),
                grouped(i128::from(MAX_ABS_YEAR)),
            ),
        );
        return None;
    };
    // Beyond the calendar's years TimelineJS's cosmological scale shows the year alone; so does dateline.
    let (month, day) = if year.abs() > MAX_CALENDAR_YEAR {
        (None, None)
    } else {
        (month, day)
    };
    let month = match month {
        None if day.is_some() => Some(1),
        None => None,
        Some(m) if (1..=12).contains(&m) => Some(m as u8),
        Some(_) => {
            at(
                which,
                field(Part::Month),
                format!(
                    "invalid month in the {label} of {name}: there is no month {}",
                    parts.month.as_ref().map(written).unwrap_or_default()
                ),
            );
            return None;
        }
    };
    let day = match day {
        None => None,
        Some(d) if (1..=31).contains(&d) => Some(d as u8),
        Some(_) => {
            at(
                which,
                field(Part::Day),
                format!(
                    "invalid day in the {label} of {name}: there is no day {}",
                    parts.day.as_ref().map(written).unwrap_or_default()
                ),
            );
            return None;
        }
    };
    let date = EdtfDate::new(year, month, day);
    if date.is_none() {
        let m = month.unwrap_or(1);
        at(
            which,
            field(Part::Day),
            format!(
                "invalid day in the {label} of {name}: {} {} {} does not exist",
                day.unwrap_or(0),
                month_name(m),
                year_words(year)
            ),
        );
    }
    date
}

/// The number a part holds, `None` for an empty string. Strings must match `^-?\d*$` (surrounding
/// whitespace is allowed). A whole number too large for any date part is held as the largest (or
/// smallest) one, so the range checks reject it in the words they use for every number out of range.
fn part_value(value: &Scalar) -> Result<Option<i64>, String> {
    /// Beyond this a float is past `i64` (whose limit is about 9.22e18).
    const I64_LIMIT: f64 = 9.0e18;
    let saturated = |negative: bool| if negative { i64::MIN } else { i64::MAX };
    match value {
        Scalar::Int(v) => Ok(Some(*v)),
        Scalar::Float(v) => {
            if v.fract() != 0.0 {
                Err(format!("{} is not a whole number", written(value)))
            } else if v.abs() < I64_LIMIT {
                Ok(Some(*v as i64))
            } else {
                Ok(Some(saturated(*v < 0.0)))
            }
        }
        Scalar::Text(text) => {
            let t = text.trim();
            let digits = t.strip_prefix('-').unwrap_or(t);
            if !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "{} is not a number (expected digits, with a leading - for BCE years)",
                    quoted(&shorten(t))
                ));
            }
            if digits.is_empty() {
                return Ok(None);
            }
            Ok(Some(
                t.parse::<i64>()
                    .unwrap_or_else(|_| saturated(t.starts_with('-'))),
            ))
        }
        Scalar::Other(what) => Err(format!(
            "expected a number or a numeric string, found {what}"
        )),
    }
}

/// A part's value as the file gives it, for messages: a large number in exponent form (`1e15`), a string
/// shortened.
fn written(value: &Scalar) -> String {
    match value {
        Scalar::Int(v) => v.to_string(),
        Scalar::Float(v) if v.abs() >= 1e15 => format!("{v:e}"),
        Scalar::Float(v) => v.to_string(),
        Scalar::Text(text) => shorten(text.trim()),
        Scalar::Other(what) => (*what).to_owned(),
    }
}

/// Hands out identifiers, unique among those already given: a wanted one when there is one, else a slug of
/// the title; a taken one gets `-2`, `-3`, … appended.
#[derive(Default)]
pub(crate) struct Ids {
    taken: HashSet<String>,
    /// The next suffix to try for each base, so many equal titles stay fast.
    next: HashMap<String, u64>,
}

impl Ids {
    /// The wanted id, else a slug of `title`, else `fallback`, made unique.
    pub(crate) fn claim(&mut self, wanted: Option<&str>, title: &str, fallback: &str) -> String {
        let slug = || {
            let slug = slugify(title);
            if slug.is_empty() {
                fallback.to_owned()
            } else {
                slug
            }
        };
        let base = wanted
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map_or_else(slug, str::to_owned);
        let mut id = base.clone();
        if self.taken.contains(&id) {
            let n = self.next.entry(base.clone()).or_insert(2);
            while self.taken.contains(&id) {
                id = format!("{base}-{n}");
                *n += 1;
            }
        }
        self.taken.insert(id.clone());
        id
    }
}

/// A lowercase identifier from a title: letters and digits kept, everything else a single `-`
/// ("Apollo 11 lands!" → `apollo-11-lands`), at most 60 characters.
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    let mut dash = false;
    for c in title.chars() {
        if c.is_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.extend(c.to_lowercase());
        } else {
            dash = true;
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    slug
}

// ---------------------------------------------------------------------------------------------------
// HTML to plain text.

/// HTML as one line of plain text: tags removed, entities decoded, runs of white space made one space.
pub fn html_to_line(html: &str) -> String {
    html_to_text(html).split('\n').collect::<Vec<_>>().join(" ")
}

/// HTML as plain text: tags removed (block tags such as `<p>` and `<br>` end a line), entities decoded
/// (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&nbsp;`, `&#NNN;`, `&#xHH;` and a few common named
/// ones), runs of white space made one space, blank lines dropped.
pub fn html_to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    // Once no `>` follows, no later `<` can start a tag: stop looking (keeps long broken text linear).
    let mut closing_left = true;
    while let Some(i) = rest.find(['<', '&']) {
        raw.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = if closing_left && starts_tag(rest) {
                let end = rest.find('>');
                closing_left = end.is_some();
                end
            } else {
                None
            };
            if let Some(end) = end {
                if is_block_tag(&rest[1..end]) {
                    raw.push('\n');
                }
                rest = &rest[end + 1..];
            } else {
                raw.push('<');
                rest = &rest[1..];
            }
        } else if let Some((c, len)) = decode_entity(rest) {
            raw.push(c);
            rest = &rest[len..];
        } else {
            raw.push('&');
            rest = &rest[1..];
        }
    }
    raw.push_str(rest);
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&words.join(" "));
    }
    out
}

/// Whether the `<` at the start of `text` starts a tag (`<p`, `</p`, `<!--`, `<?`), not "3 < 4".
fn starts_tag(text: &str) -> bool {
    text[1..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
}

fn is_block_tag(inner: &str) -> bool {
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    matches!(
        name.as_str(),
        "br" | "p"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

/// The character an entity at the start of `text` stands for, and the entity's length in bytes.
fn decode_entity(text: &str) -> Option<(char, usize)> {
    let end = text.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = &text[1..end];
    let c = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|c| *c != '\0')?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "copy" => '©',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            html_to_text(
                "<p>Tom &amp; Jerry</p><p>a&nbsp;&lt;b&gt; &#39;c&#39; &#x263A; &#8212;</p>"
            ),
            "Tom & Jerry\na <b> 'c' ☺ —"
        );
        assert_eq!(
            html_to_line("<b>One</b><br/>two &unknown; 3 < 4"),
            "One two &unknown; 3 < 4"
        );
        assert_eq!(html_to_text("&#0; &#xD800; &"), "&#0; &#xD800; &");
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert_eq!(slugify("Apollo 11 lands!"), "apollo-11-lands");
        assert_eq!(slugify("  --  "), "");
        assert_eq!(slugify("Émile Zola"), "émile-zola");
    }

    #[test]
    fn parts_follow_the_numeric_pattern() {
        assert_eq!(part_value(&Scalar::Text(" 1963 ".into())), Ok(Some(1963)));
        assert_eq!(part_value(&Scalar::Text("-500".into())), Ok(Some(-500)));
        assert_eq!(part_value(&Scalar::Text(String::new())), Ok(None));
        assert_eq!(part_value(&Scalar::Text("-".into())), Ok(None));
        assert!(part_value(&Scalar::Text("1,963".into())).is_err());
        assert!(part_value(&Scalar::Float(2.5)).is_err());
        assert_eq!(part_value(&Scalar::Float(1963.0)), Ok(Some(1963)));
        // Whole numbers too large for a date part are whole numbers, out of range.
        assert_eq!(
            part_value(&Scalar::Float(1e15)),
            Ok(Some(1_000_000_000_000_000))
        );
        assert_eq!(part_value(&Scalar::Float(-1e300)), Ok(Some(i64::MIN)));
        assert_eq!(
            part_value(&Scalar::Text("99999999999999999999".into())),
            Ok(Some(i64::MAX))
        );
        assert_eq!(written(&Scalar::Float(1e15)), "1e15");
    }
}
