//! dateline's own JSON format (`"format": "dateline/1"`): reading with every problem reported at its line
//! and column, and writing back without loss.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use smallvec::SmallVec;

use serde::{Deserialize, Serialize};

mod split;
mod stream;

use stream::{Names, Outcome};

use super::error::Problem;
pub use super::locate::MAX_LISTED_PROBLEMS;
use super::locate::{LocatedProblems, Position, Step};
use super::show::quoted;
use crate::model::{
    DateSpec, DetailsRef, Event, Lane, LaneId, MediaRef, Period, Provenance, SourceLink,
    SourceText, Status, Tag, TagId, Timeline,
};

/// The value of the `format` key that marks a dateline file.
pub const FORMAT_TAG: &str = "dateline/1";

/// The file as written, before validation.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimeline<'a> {
    /// Always [`FORMAT_TAG`].
    #[serde(default)]
    pub format: Option<String>,
    /// The timeline's title.
    pub title: String,
    /// What the timeline shows.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The source text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<RawSource>,
    /// Rows.
    #[serde(default)]
    pub lanes: Vec<RawLabel>,
    /// Themes.
    #[serde(default)]
    pub tags: Vec<RawLabel>,
    /// Eras.
    #[serde(borrow, default)]
    pub periods: Vec<RawPeriod<'a>>,
    /// Events.
    #[serde(borrow, default)]
    pub events: Vec<RawEvent<'a>>,
}

/// The source text as written.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Headline.
    pub title: String,
    /// Publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Section or column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date (EDTF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A lane or a tag as written.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawLabel {
    /// Identifier.
    pub id: String,
    /// Display name.
    pub label: String,
}

/// A quote as written.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote<'a> {
    /// The words.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Who said them.
    #[serde(borrow, default)]
    pub speaker: Option<Cow<'a, str>>,
    /// Where the passage begins in the source text, in characters from its start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<u32>,
}

/// A source reference as written.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink<'a> {
    /// What it is.
    #[serde(borrow)]
    pub label: Cow<'a, str>,
    /// Where it is.
    #[serde(borrow, default)]
    pub url: Option<Cow<'a, str>>,
}

/// An event's media as written: its address and what is said about it (see [`crate::model::Media`]).
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawMedia<'a> {
    /// Where it is: a web address, or a path relative to the file.
    #[serde(borrow)]
    pub url: Cow<'a, str>,
    /// A sentence shown under it.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Cow<'a, str>>,
    /// Who made it.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Cow<'a, str>>,
    /// A smaller picture standing for it.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<Cow<'a, str>>,
    /// What it shows, in words.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<Cow<'a, str>>,
    /// Its title.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Cow<'a, str>>,
    /// Where a click on it leads.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Cow<'a, str>>,
    /// The browser window the link opens in.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub link_target: Option<Cow<'a, str>>,
}

impl<'a> RawMedia<'a> {
    /// The media as written, borrowing its text.
    pub fn of(media: &MediaRef<'a>) -> Self {
        let part = |p: Option<&'a str>| p.map(Cow::Borrowed);
        Self {
            url: Cow::Borrowed(media.url),
            caption: part(media.caption),
            credit: part(media.credit),
            thumbnail: part(media.thumbnail),
            alt: part(media.alt),
            title: part(media.title),
            link: part(media.link),
            link_target: part(media.link_target),
        }
    }

    /// The media, borrowing this text.
    pub fn borrowed(&self) -> MediaRef<'_> {
        MediaRef {
            url: &self.url,
            caption: self.caption.as_deref(),
            credit: self.credit.as_deref(),
            thumbnail: self.thumbnail.as_deref(),
            alt: self.alt.as_deref(),
            title: self.title.as_deref(),
            link: self.link.as_deref(),
            link_target: self.link_target.as_deref(),
        }
    }

    /// An owned copy, borrowing nothing.
    pub fn into_owned(self) -> RawMedia<'static> {
        let part = |p: Option<Cow<'_, str>>| p.map(|p| Cow::Owned(p.into_owned()));
        RawMedia {
            url: Cow::Owned(self.url.into_owned()),
            caption: part(self.caption),
            credit: part(self.credit),
            thumbnail: part(self.thumbnail),
            alt: part(self.alt),
            title: part(self.title),
            link: part(self.link),
            link_target: part(self.link_target),
        }
    }
}

/// A short string such as an id or keyword, borrowed from the file's text when it has no escapes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Word<'a>(#[serde(borrow)] pub Cow<'a, str>);

impl Word<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Word<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Word<'_> {
    fn from(text: String) -> Self {
        Self(Cow::Owned(text))
    }
}

/// An event as written.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent<'a> {
    /// Identifier.
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    /// Title.
    #[serde(borrow)]
    pub title: Cow<'a, str>,
    /// EDTF date or interval.
    #[serde(borrow)]
    pub date: Cow<'a, str>,
    /// The date as the source text gives it.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub text_date: Option<Cow<'a, str>>,
    /// "occurred", "planned" or "ongoing".
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Cow<'a, str>>,
    /// Lane id.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub lane: Option<Cow<'a, str>>,
    /// Tag ids (held inline: most events have one or two, and a heap list per event would be freed again
    /// at once, fragmenting the heap of a large file).
    #[serde(borrow, default, skip_serializing_if = "SmallVec::is_empty")]
    pub tags: SmallVec<[Word<'a>; 2]>,
    /// Summary.
    #[serde(borrow, default, skip_serializing_if = "str::is_empty")]
    pub summary: Cow<'a, str>,
    /// Remark on the date.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
    /// Quotes.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<RawQuote<'a>>,
    /// People.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Cow<'a, str>>,
    /// Places.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Cow<'a, str>>,
    /// "article" or "context".
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Cow<'a, str>>,
    /// References.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawLink<'a>>,
    /// A picture, video, map or page shown with the event.
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub media: Option<RawMedia<'a>>,
}

/// A period as written.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod<'a> {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// EDTF interval.
    pub date: String,
    /// Lane id, or none for all lanes.
    #[serde(default)]
    pub lane: Option<String>,
    /// Summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// "article" or "context".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<String>,
    /// References.
    #[serde(borrow, default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawLink<'a>>,
}

/// Reads dateline JSON. On failure returns the problems found, each with its line and column (the first
/// [`MAX_LISTED_PROBLEMS`] of them, then one saying how many more there are).
///
/// Events are converted one by one as they are read, straight into the compact model: the file's events
/// are never all held as parsed values at once.
pub fn parse(text: &str) -> Result<Timeline, Vec<Problem>> {
    // A large, valid file is read on two threads; anything else the ordinary way.
    if let Some(timeline) = split::parse(text) {
        return Ok(timeline);
    }
    let read = |names| {
        let mut problems = LocatedProblems::new(text);
        let outcome = stream::parse(text, names, &mut |path, message| {
            problems.add(path, message);
        })
        .map_err(|e| vec![serde_problem(text, &e)])?;
        Ok::<_, Vec<Problem>>(match outcome {
            Outcome::Done(timeline) => {
                Outcome::Done(problems.into_sorted().map_or(Ok(timeline), Err))
            }
            Outcome::NamesAfterEvents => Outcome::NamesAfterEvents,
        })
    };
    match read(Names::BeforeEvents)? {
        Outcome::Done(result) => result,
        Outcome::NamesAfterEvents => {
            // The lanes or tags come after the events: read them first, then the events again.
            let lanes: Vec<RawLabel> = split::top_level(text, "lanes").unwrap_or_default();
            let tags: Vec<RawLabel> = split::top_level(text, "tags").unwrap_or_default();
            match read(Names::Given(&lanes, &tags))? {
                Outcome::Done(result) => result,
                // Names given are never late; were they, the file could not be read as it stands.
                Outcome::NamesAfterEvents => Err(vec![Problem::new(
                    Position { line: 1, column: 1 },
                    "the lanes and tags could not be read before the events",
                )]),
            }
        }
    }
}

/// A `serde_json` error in `text` as a problem at its line and column, without the position repeated in
/// the words.
pub fn serde_problem(text: &str, error: &serde_json::Error) -> Problem {
    Problem::new(
        Position::of_serde(text, error.line(), error.column()),
        serde_message(error),
    )
}

/// What a `serde_json` error says, without its position.
pub fn serde_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    };
    if error.is_eof() {
        format!("the file ends too soon: {message}")
    } else {
        message
    }
}

/// Turns a raw file into a timeline, reporting each problem through `at(path, message)`.
pub fn convert(raw: RawTimeline<'_>, at: &mut dyn FnMut(&[Step<'_>], String)) -> Timeline {
    let RawTimeline {
        format,
        title,
        description,
        source,
        lanes,
        tags,
        periods,
        events,
    } = raw;
    let mut builder = EventsBuilder::new(&lanes, &tags, events.len());
    for (i, e) in events.into_iter().enumerate() {
        builder.add(i, e, at);
    }
    let head = Head {
        format,
        title,
        description,
        source,
        lanes,
        tags,
        periods,
    };
    finish(head, builder, at)
}

/// Everything in a file but its events.
#[derive(Default)]
pub(crate) struct Head<'a> {
    pub format: Option<String>,
    pub title: String,
    pub description: String,
    pub source: Option<RawSource>,
    pub lanes: Vec<RawLabel>,
    pub tags: Vec<RawLabel>,
    pub periods: Vec<RawPeriod<'a>>,
}

/// Events converted one at a time as they are read: lane and tag names resolved, dates parsed, text
/// packed into the compact model.
pub(crate) struct EventsBuilder {
    lane_ids: HashMap<String, LaneId>,
    tag_ids: HashMap<String, TagId>,
    /// The lane of events that name none, added at the end of the lanes when first needed.
    default_lane: Option<LaneId>,
    lane_count: usize,
    events: Vec<Event>,
    /// For each event built, its position in the file (events with an invalid date are left out).
    file_index: Vec<u32>,
    /// Ids of events left out for an invalid date, with their positions in the file.
    skipped_ids: Vec<(String, usize)>,
}

impl EventsBuilder {
    /// A builder resolving names against these lanes and tags.
    pub(crate) fn new(lanes: &[RawLabel], tags: &[RawLabel], capacity: usize) -> Self {
        let ids = |labels: &[RawLabel]| -> Vec<(String, u16)> {
            labels
                .iter()
                .take(usize::from(u16::MAX))
                .enumerate()
                .rev() // the first of duplicate ids wins
                .map(|(i, l)| (l.id.clone(), i as u16))
                .collect()
        };
        Self {
            lane_ids: ids(lanes)
                .into_iter()
                .map(|(k, v)| (k, LaneId(v)))
                .collect(),
            tag_ids: ids(tags).into_iter().map(|(k, v)| (k, TagId(v))).collect(),
            default_lane: None,
            lane_count: lanes.len().min(usize::from(u16::MAX)),
            events: Vec::with_capacity(capacity),
            file_index: Vec::with_capacity(capacity),
            skipped_ids: Vec::new(),
        }
    }

    /// Whether no event has been read.
    pub(crate) fn is_empty(&self) -> bool {
        self.file_index.is_empty() && self.skipped_ids.is_empty()
    }

    /// Adds the events of `later`, which were read from further on in the same file.
    pub(crate) fn append(&mut self, later: Self) {
        let offset = self.file_index.len() + self.skipped_ids.len();
        self.events.extend(later.events);
        self.file_index
            .extend(later.file_index.iter().map(|&i| i + offset as u32));
        self.skipped_ids.extend(
            later
                .skipped_ids
                .into_iter()
                .map(|(id, i)| (id, i + offset)),
        );
        if self.default_lane.is_none() {
            self.default_lane = later.default_lane;
            self.lane_count = later.lane_count;
        }
    }

    /// Converts the event at position `i` of the file.
    pub(crate) fn add(
        &mut self,
        i: usize,
        e: RawEvent<'_>,
        at: &mut dyn FnMut(&[Step<'_>], String),
    ) {
        let path = |key| [Step::Key("events"), Step::Index(i), Step::Key(key)];
        if is_blank(&e.id) {
            at(&path("id"), empty_id("event"));
        }
        if is_blank(&e.title) {
            at(
                &path("title"),
                format!("event {} has an empty title", quoted(&e.id)),
            );
        }
        let when = match DateSpec::parse(&e.date) {
            Ok(d) => Some(d),
            Err(err) => {
                at(
                    &path("date"),
                    format!(
                        "invalid date {} in event {}: {}",
                        quoted(&e.date),
                        quoted(&e.id),
                        err.reason()
                    ),
                );
                None
            }
        };
        let text_date = e
            .text_date
            .as_deref()
            .and_then(|d| match DateSpec::parse(d) {
                Ok(d) => Some(d),
                Err(err) => {
                    at(
                        &path("text_date"),
                        format!(
                            "invalid text_date {} in event {}: {}",
                            quoted(d),
                            quoted(&e.id),
                            err.reason()
                        ),
                    );
                    None
                }
            });
        let status = match e.status.as_deref() {
            None | Some("occurred") => Status::Occurred,
            Some("planned") => Status::Planned,
            Some("ongoing") => Status::Ongoing,
            Some(other) => {
                at(
                    &path("status"),
                    format!(
                        "unknown status {} in event {}: expected occurred, planned or ongoing",
                        quoted(other),
                        quoted(&e.id)
                    ),
                );
                Status::Occurred
            }
        };
        let lane = match e.lane.as_deref() {
            Some(id) => self.lane_ids.get(id).copied().unwrap_or_else(|| {
                at(
                    &path("lane"),
                    format!("unknown lane {} in event {}", quoted(id), quoted(&e.id)),
                );
                LaneId(0)
            }),
            None => *self.default_lane.get_or_insert_with(|| {
                self.lane_count += 1;
                LaneId((self.lane_count - 1) as u16)
            }),
        };
        let mut event_tags: SmallVec<[TagId; 4]> = SmallVec::new();
        for (j, t) in e.tags.iter().enumerate() {
            match self.tag_ids.get(t.as_str()) {
                Some(id) => event_tags.push(*id),
                None => at(
                    &[
                        Step::Key("events"),
                        Step::Index(i),
                        Step::Key("tags"),
                        Step::Index(j),
                    ],
                    format!(
                        "unknown tag {} in event {}",
                        quoted(t.as_str()),
                        quoted(&e.id)
                    ),
                ),
            }
        }
        let provenance = provenance(e.provenance.as_deref(), &path("provenance"), &e.id, at);
        let Some(when) = when else {
            // Still counted for duplicate ids.
            self.skipped_ids.push((e.id.into_owned(), i));
            return;
        };
        let details = DetailsRef {
            summary: &e.summary,
            note: e.note.as_deref(),
            text_date,
            quotes: e
                .quotes
                .iter()
                .map(|q| crate::model::QuoteRef {
                    text: &q.text,
                    speaker: q.speaker.as_deref(),
                    at: q.at,
                })
                .collect(),
            people: e.people.iter().map(|p| &**p).collect(),
            places: e.places.iter().map(|p| &**p).collect(),
            sources: e
                .sources
                .iter()
                .map(|l| (&*l.label, l.url.as_deref()))
                .collect(),
            media: e.media.as_ref().map(RawMedia::borrowed),
        };
        let mut event = Event::new(&e.id, &e.title, when, &event_tags, &details);
        event.status = status;
        event.lane = lane;
        event.provenance = provenance;
        self.events.push(event);
        self.file_index.push(i as u32);
    }
}

/// Checks and converts everything but the events, then puts the timeline together.
pub(crate) fn finish(
    head: Head<'_>,
    builder: EventsBuilder,
    at: &mut dyn FnMut(&[Step<'_>], String),
) -> Timeline {
    if let Some(format) = &head.format
        && format != FORMAT_TAG
    {
        at(
            &[Step::Key("format")],
            format!(
                "unknown format {}: expected \"{FORMAT_TAG}\"",
                quoted(format)
            ),
        );
    }
    let mut lanes: Vec<Lane> = labels(&head.lanes, "lanes", "lane", at);
    let tags: Vec<Tag> = labels(&head.tags, "tags", "tag", at);
    if builder.default_lane.is_some() {
        lanes.push(Lane {
            id: String::new(),
            label: "Events".to_owned(),
        });
    }
    let lane_ids = &builder.lane_ids;
    let mut seen_ids: HashSet<&str> = HashSet::with_capacity_and_hasher(
        builder.events.len() + head.periods.len(),
        rustc_hash::FxBuildHasher,
    );

    let source = head.source.as_ref().map(|s| SourceText {
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        section: s.section.clone(),
        author: s.author.clone(),
        url: s.url.clone(),
        published: s
            .published
            .as_deref()
            .and_then(|d| match DateSpec::parse(d) {
                Ok(d) => Some(d),
                Err(e) => {
                    at(
                        &[Step::Key("source"), Step::Key("published")],
                        format!("invalid date {} for the source: {}", quoted(d), e.reason()),
                    );
                    None
                }
            }),
        note: s.note.clone(),
    });

    let mut periods = Vec::with_capacity(head.periods.len());
    for (i, p) in head.periods.iter().enumerate() {
        let path = |key| [Step::Key("periods"), Step::Index(i), Step::Key(key)];
        check_id(&p.id, "period", &mut seen_ids, &path("id"), at);
        let when = match DateSpec::parse(&p.date) {
            Ok(d) => d,
            Err(e) => {
                at(
                    &path("date"),
                    format!(
                        "invalid date {} in period {}: {}",
                        quoted(&p.date),
                        quoted(&p.id),
                        e.reason()
                    ),
                );
                continue;
            }
        };
        let lane = match p.lane.as_deref() {
            None => None,
            Some(id) => {
                let found = lane_ids.get(id).copied();
                if found.is_none() {
                    at(
                        &path("lane"),
                        format!("unknown lane {} in period {}", quoted(id), quoted(&p.id)),
                    );
                }
                found
            }
        };
        periods.push(Period {
            id: p.id.clone(),
            title: p.title.clone(),
            when,
            lane,
            summary: p.summary.clone(),
            provenance: provenance(p.provenance.as_deref(), &path("provenance"), &p.id, at),
            sources: links(&p.sources),
        });
    }

    // Duplicate ids, among periods and events alike, reported in file order.
    let mut all_ids: Vec<(&str, usize)> = builder
        .events
        .iter()
        .map(Event::id)
        .zip(builder.file_index.iter().map(|&i| i as usize))
        .collect();
    all_ids.extend(builder.skipped_ids.iter().map(|(id, i)| (id.as_str(), *i)));
    if !all_ids.is_sorted_by_key(|&(_, i)| i) {
        all_ids.sort_by_key(|&(_, i)| i);
    }
    for (id, i) in all_ids {
        if !is_blank(id) && !seen_ids.insert(id) {
            at(
                &[Step::Key("events"), Step::Index(i), Step::Key("id")],
                format!("duplicate id {}", quoted(id)),
            );
        }
    }
    drop(seen_ids);

    let mut events = builder.events;
    events.shrink_to_fit();
    let mut timeline = Timeline {
        title: head.title,
        description: head.description,
        source,
        lanes,
        tags,
        periods,
        events,
    };
    timeline.sort_chronologically();
    timeline
}

fn labels<T: From<(String, String)>>(
    raw: &[RawLabel],
    key: &'static str,
    what: &str,
    at: &mut dyn FnMut(&[Step<'_>], String),
) -> Vec<T> {
    let mut seen = HashSet::default();
    if raw.len() > usize::from(u16::MAX) {
        at(
            &[Step::Key(key)],
            format!("too many {key}: at most {} are allowed", u16::MAX),
        );
    }
    for (i, l) in raw.iter().enumerate() {
        let path = [Step::Key(key), Step::Index(i), Step::Key("id")];
        if is_blank(&l.id) {
            at(&path, empty_id(what));
        } else if !seen.insert(l.id.as_str()) {
            at(&path, format!("duplicate {what} id {}", quoted(&l.id)));
        }
    }
    raw.iter()
        .take(usize::from(u16::MAX))
        .map(|l| T::from((l.id.clone(), l.label.clone())))
        .collect()
}

impl From<(String, String)> for Lane {
    fn from((id, label): (String, String)) -> Self {
        Self { id, label }
    }
}

impl From<(String, String)> for Tag {
    fn from((id, label): (String, String)) -> Self {
        Self { id, label }
    }
}

fn check_id<'a>(
    id: &'a str,
    what: &str,
    seen: &mut HashSet<&'a str>,
    path: &[Step<'_>],
    at: &mut dyn FnMut(&[Step<'_>], String),
) {
    if is_blank(id) {
        at(path, empty_id(what));
    } else if !seen.insert(id) {
        at(path, format!("duplicate id {}", quoted(id)));
    }
}

fn provenance(
    value: Option<&str>,
    path: &[Step<'_>],
    id: &str,
    at: &mut dyn FnMut(&[Step<'_>], String),
) -> Provenance {
    match value {
        None => Provenance::Unstated,
        Some("article") => Provenance::Article,
        Some("context") => Provenance::Context,
        Some(other) => {
            at(
                path,
                format!(
                    "unknown provenance {} in {}: expected article or context",
                    quoted(other),
                    quoted(id)
                ),
            );
            Provenance::Context
        }
    }
}

fn links(raw: &[RawLink<'_>]) -> Vec<SourceLink> {
    raw.iter()
        .map(|l| SourceLink {
            label: l.label.clone().into_owned(),
            url: l.url.clone().map(Cow::into_owned),
        })
        .collect()
}

/// The one message for an id that is empty or only white space, whatever it identifies: such an id
/// could not be told apart from a missing one when written back, so no kind of id may be blank.
fn empty_id(what: &str) -> String {
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!(
        "{article} {what} has an empty id (ids must have a letter or digit that is not white space)"
    )
}

/// Whether a string is empty or only white space (stops at the first other character).
fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// Source links as written, borrowing their text.
fn raw_links(links: &[SourceLink]) -> Vec<RawLink<'_>> {
    links
        .iter()
        .map(|l| RawLink {
            label: Cow::Borrowed(l.label.as_str()),
            url: l.url.as_deref().map(Cow::Borrowed),
        })
        .collect::<Vec<_>>()
}

/// The timeline as a raw file, ready to be written.
pub fn to_raw(timeline: &Timeline) -> RawTimeline<'_> {
    RawTimeline {
        events: timeline
            .events
            .iter()
            .map(|e| raw_event(timeline, e))
            .collect(),
        ..raw_head(timeline)
    }
}

/// The timeline as a raw file without its events: everything [`raw_event`] does not write.
pub fn raw_head(timeline: &Timeline) -> RawTimeline<'_> {
    let lane_id = |lane: LaneId| {
        timeline
            .lanes
            .get(usize::from(lane.0))
            .map(|l| l.id.clone())
    };
    RawTimeline {
        format: Some(FORMAT_TAG.to_owned()),
        title: timeline.title.clone(),
        description: timeline.description.clone(),
        source: timeline.source.as_ref().map(|s| RawSource {
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            section: s.section.clone(),
            author: s.author.clone(),
            url: s.url.clone(),
            published: s.published.map(|d| d.to_string()),
            note: s.note.clone(),
        }),
        lanes: timeline
            .lanes
            .iter()
            .filter(|l| !l.id.is_empty())
            .map(|l| RawLabel {
                id: l.id.clone(),
                label: l.label.clone(),
            })
            .collect(),
        tags: timeline
            .tags
            .iter()
            .map(|t| RawLabel {
                id: t.id.clone(),
                label: t.label.clone(),
            })
            .collect(),
        periods: timeline
            .periods
            .iter()
            .map(|p| RawPeriod {
                id: p.id.clone(),
                title: p.title.clone(),
                date: p.when.to_string(),
                lane: p.lane.and_then(lane_id),
                summary: p.summary.clone(),
                provenance: p.provenance.as_str().map(str::to_owned),
                sources: raw_links(&p.sources),
            })
            .collect(),
        events: Vec::new(),
    }
}

/// One event as written.
pub fn raw_event<'t>(timeline: &'t Timeline, e: &'t Event) -> RawEvent<'t> {
    let lane_id = |lane: LaneId| {
        timeline
            .lanes
            .get(usize::from(lane.0))
            .map(|l| l.id.as_str())
    };
    let d = e.details_ref();
    RawEvent {
        id: Cow::Borrowed(e.id()),
        title: Cow::Borrowed(e.title()),
        date: e.when.to_string().into(),
        text_date: d.text_date.map(|t| t.to_string().into()),
        status: Some(e.status.as_str().into()),
        lane: lane_id(e.lane)
            .filter(|id| !id.is_empty())
            .map(Cow::Borrowed),
        tags: e
            .tags()
            .map(|t| Word(Cow::Borrowed(timeline.tag_id(t))))
            .collect(),
        summary: Cow::Borrowed(d.summary),
        note: d.note.map(Cow::Borrowed),
        quotes: d
            .quotes
            .iter()
            .map(|q| RawQuote {
                text: Cow::Borrowed(q.text),
                speaker: q.speaker.map(Cow::Borrowed),
                at: q.at,
            })
            .collect(),
        people: d.people.iter().map(|&p| Cow::Borrowed(p)).collect(),
        places: d.places.iter().map(|&p| Cow::Borrowed(p)).collect(),
        provenance: e.provenance.as_str().map(Cow::Borrowed),
        sources: d
            .sources
            .iter()
            .map(|&(label, url)| RawLink {
                label: Cow::Borrowed(label),
                url: url.map(Cow::Borrowed),
            })
            .collect(),
        media: d.media.as_ref().map(RawMedia::of),
    }
}

/// Writes the timeline as pretty-printed dateline JSON to `out`, each event converted as it is written,
/// so writing costs no copy of the timeline.
pub fn write_to(timeline: &Timeline, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Document(timeline))?;
    out.write_all(b"\n")
}

/// Writes the timeline as pretty-printed dateline JSON.
pub fn to_string(timeline: &Timeline) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail, and serde_json writes UTF-8.
    let _ = write_to(timeline, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// A whole timeline, serialized as [`RawTimeline`] is, its events converted one at a time.
struct Document<'t>(&'t Timeline);

impl Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let head = raw_head(self.0);
        let mut doc = serializer.serialize_struct("RawTimeline", 8)?;
        doc.serialize_field("format", &head.format)?;
        doc.serialize_field("title", &head.title)?;
        if head.description.is_empty() {
            doc.skip_field("description")?;
        } else {
            doc.serialize_field("description", &head.description)?;
        }
        match &head.source {
            Some(source) => doc.serialize_field("source", source)?,
            None => doc.skip_field("source")?,
        }
        doc.serialize_field("lanes", &head.lanes)?;
        doc.serialize_field("tags", &head.tags)?;
        doc.serialize_field("periods", &head.periods)?;
        doc.serialize_field("events", &Events(self.0))?;
        doc.end()
    }
}

/// A timeline's events, each converted to a [`RawEvent`] only while it is written.
struct Events<'t>(&'t Timeline);

impl Serialize for Events<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.0.events.len()))?;
        for e in &self.0.events {
            seq.serialize_element(&raw_event(self.0, e))?;
        }
        seq.end()
    }
}
