//! dateline's own JSON format (`"format": "dateline/1"`): reading with every problem reported at its line
//! and column, and writing back without loss.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use smallvec::SmallVec;

use serde::{Deserialize, Serialize};

use super::error::Problem;
use super::locate::{Position, Step, locate};
use crate::model::{
    DateSpec, Event, EventDetails, Lane, LaneId, Period, Provenance, Quote, SourceLink, SourceText,
    Status, Tag, TagId, Timeline,
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
    #[serde(default)]
    pub periods: Vec<RawPeriod>,
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
pub struct RawQuote {
    /// The words.
    pub text: String,
    /// Who said them.
    #[serde(default)]
    pub speaker: Option<String>,
}

/// A source reference as written.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    /// What it is.
    pub label: String,
    /// Where it is.
    #[serde(default)]
    pub url: Option<String>,
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
    pub id: String,
    /// Title.
    pub title: String,
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
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Remark on the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Quotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<RawQuote>,
    /// People.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// Places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// "article" or "context".
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Cow<'a, str>>,
    /// References.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawLink>,
}

/// A period as written.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawLink>,
}

/// Reads dateline JSON. On failure returns every problem found, each with its line and column.
pub fn parse(text: &str) -> Result<Timeline, Vec<Problem>> {
    let raw: RawTimeline = serde_json::from_str(text).map_err(|e| vec![serde_problem(&e)])?;
    let mut problems = Vec::new();
    let timeline = {
        let mut at = |path: &[Step<'_>], message: String| {
            problems.push(Problem::new(locate(text, path), message));
        };
        convert(raw, &mut at)
    };
    if problems.is_empty() {
        Ok(timeline)
    } else {
        problems.sort_by_key(|p| p.position);
        Err(problems)
    }
}

/// A `serde_json` error as a problem at its line and column, without the position repeated in the words.
pub fn serde_problem(error: &serde_json::Error) -> Problem {
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    };
    let message = if error.is_eof() {
        format!("the file ends too soon: {message}")
    } else {
        message
    };
    Problem::new(
        Position {
            line: error.line().max(1),
            column: error.column().max(1),
        },
        message,
    )
}

/// Turns a raw file into a timeline, reporting each problem through `at(path, message)`.
pub fn convert(raw: RawTimeline<'_>, at: &mut dyn FnMut(&[Step<'_>], String)) -> Timeline {
    if let Some(format) = &raw.format
        && format != FORMAT_TAG
    {
        at(
            &[Step::Key("format")],
            format!("unknown format \"{format}\": expected \"{FORMAT_TAG}\""),
        );
    }
    let lanes: Vec<Lane> = labels(&raw.lanes, "lanes", "lane", at);
    let tags: Vec<Tag> = labels(&raw.tags, "tags", "tag", at);
    let lane_ids: HashMap<&str, LaneId> = raw
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), LaneId(i as u16)))
        .collect();
    let tag_ids: HashMap<&str, TagId> = raw
        .tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), TagId(i as u16)))
        .collect();
    let mut lanes = lanes;
    let mut default_lane: Option<LaneId> = None;
    let mut seen_ids: HashSet<&str> = HashSet::with_capacity_and_hasher(
        raw.events.len() + raw.periods.len(),
        rustc_hash::FxBuildHasher,
    );

    let source = raw.source.as_ref().map(|s| SourceText {
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
                        e.to_string(),
                    );
                    None
                }
            }),
        note: s.note.clone(),
    });

    let mut periods = Vec::with_capacity(raw.periods.len());
    for (i, p) in raw.periods.iter().enumerate() {
        let path = |key| [Step::Key("periods"), Step::Index(i), Step::Key(key)];
        check_id(&p.id, "period", &mut seen_ids, &path("id"), at);
        let when = match DateSpec::parse(&p.date) {
            Ok(d) => d,
            Err(e) => {
                at(
                    &path("date"),
                    format!(
                        "invalid date \"{}\" in period \"{}\": {}",
                        p.date,
                        p.id,
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
                        format!("unknown lane \"{id}\" in period \"{}\"", p.id),
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

    let mut events = Vec::with_capacity(raw.events.len());
    // For each event built, its position in the file (events with an invalid date are left out).
    let mut file_index: Vec<usize> = Vec::with_capacity(raw.events.len());
    // Ids of events left out for an invalid date, with their positions in the file.
    let mut skipped_ids: Vec<(String, usize)> = Vec::new();
    for (i, e) in raw.events.into_iter().enumerate() {
        let path = |key| [Step::Key("events"), Step::Index(i), Step::Key(key)];
        if is_blank(&e.id) {
            at(&path("id"), "an event has an empty id".to_owned());
        }
        if is_blank(&e.title) {
            at(
                &path("title"),
                format!("event \"{}\" has an empty title", e.id),
            );
        }
        let when = match DateSpec::parse(&e.date) {
            Ok(d) => Some(d),
            Err(err) => {
                at(
                    &path("date"),
                    format!(
                        "invalid date \"{}\" in event \"{}\": {}",
                        e.date,
                        e.id,
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
                            "invalid text_date \"{d}\" in event \"{}\": {}",
                            e.id,
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
                        "unknown status \"{other}\" in event \"{}\": expected occurred, planned or ongoing",
                        e.id
                    ),
                );
                Status::Occurred
            }
        };
        let lane = match e.lane.as_deref() {
            Some(id) => lane_ids.get(id).copied().unwrap_or_else(|| {
                at(
                    &path("lane"),
                    format!("unknown lane \"{id}\" in event \"{}\"", e.id),
                );
                LaneId(0)
            }),
            None => *default_lane.get_or_insert_with(|| {
                lanes.push(Lane {
                    id: String::new(),
                    label: "Events".to_owned(),
                });
                LaneId((lanes.len() - 1) as u16)
            }),
        };
        let mut event_tags = Vec::with_capacity(e.tags.len());
        for (j, t) in e.tags.iter().enumerate() {
            match tag_ids.get(t.as_str()) {
                Some(id) => event_tags.push(*id),
                None => at(
                    &[
                        Step::Key("events"),
                        Step::Index(i),
                        Step::Key("tags"),
                        Step::Index(j),
                    ],
                    format!("unknown tag \"{t}\" in event \"{}\"", e.id),
                ),
            }
        }
        let provenance = provenance(e.provenance.as_deref(), &path("provenance"), &e.id, at);
        let Some(when) = when else {
            // Still counted for duplicate ids.
            skipped_ids.push((e.id, i));
            continue;
        };
        let has_details = !(e.summary.is_empty()
            && e.note.is_none()
            && text_date.is_none()
            && e.quotes.is_empty()
            && e.people.is_empty()
            && e.places.is_empty()
            && e.sources.is_empty());
        let details = has_details.then(|| {
            Box::new(EventDetails {
                summary: e.summary,
                note: e.note,
                text_date,
                quotes: e
                    .quotes
                    .into_iter()
                    .map(|q| Quote {
                        text: q.text,
                        speaker: q.speaker,
                    })
                    .collect(),
                people: e.people,
                places: e.places,
                sources: e
                    .sources
                    .into_iter()
                    .map(|l| SourceLink {
                        label: l.label,
                        url: l.url,
                    })
                    .collect(),
            })
        });
        events.push(Event {
            id: e.id.into_boxed_str(),
            title: e.title.into_boxed_str(),
            when,
            status,
            lane,
            tags: event_tags.into(),
            provenance,
            details,
        });
        file_index.push(i);
    }
    // Duplicate ids, among periods and events alike.
    let mut all_ids: Vec<(&str, usize)> = events
        .iter()
        .map(|e| &*e.id)
        .zip(file_index.iter().copied())
        .collect();
    all_ids.extend(skipped_ids.iter().map(|(id, i)| (id.as_str(), *i)));
    all_ids.sort_by_key(|&(_, i)| i);
    for (id, i) in all_ids {
        if !is_blank(id) && !seen_ids.insert(id) {
            at(
                &[Step::Key("events"), Step::Index(i), Step::Key("id")],
                format!("duplicate id \"{id}\""),
            );
        }
    }

    let mut timeline = Timeline {
        title: raw.title.clone(),
        description: raw.description.clone(),
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
        if !seen.insert(l.id.as_str()) {
            at(
                &[Step::Key(key), Step::Index(i), Step::Key("id")],
                format!("duplicate {what} id \"{}\"", l.id),
            );
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
        at(path, format!("a {what} has an empty id"));
    } else if !seen.insert(id) {
        at(path, format!("duplicate id \"{id}\""));
    }
}

fn provenance(
    value: Option<&str>,
    path: &[Step<'_>],
    id: &str,
    at: &mut dyn FnMut(&[Step<'_>], String),
) -> Provenance {
    match value {
        None | Some("article") => Provenance::Article,
        Some("context") => Provenance::Context,
        Some(other) => {
            at(
                path,
                format!("unknown provenance \"{other}\" in \"{id}\": expected article or context"),
            );
            Provenance::Context
        }
    }
}

fn links(raw: &[RawLink]) -> Vec<SourceLink> {
    raw.iter()
        .map(|l| SourceLink {
            label: l.label.clone(),
            url: l.url.clone(),
        })
        .collect()
}

/// Whether a string is empty or only white space (stops at the first other character).
fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// The timeline as a raw file, ready to be written.
pub fn to_raw(timeline: &Timeline) -> RawTimeline<'static> {
    let lane_id = |lane: LaneId| {
        timeline
            .lanes
            .get(usize::from(lane.0))
            .map(|l| l.id.clone())
    };
    let raw_links = |links: &[SourceLink]| {
        links
            .iter()
            .map(|l| RawLink {
                label: l.label.clone(),
                url: l.url.clone(),
            })
            .collect::<Vec<_>>()
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
                provenance: Some(p.provenance.as_str().to_owned()),
                sources: raw_links(&p.sources),
            })
            .collect(),
        events: timeline
            .events
            .iter()
            .map(|e| {
                let d = e.details();
                RawEvent {
                    id: e.id.to_string(),
                    title: e.title.to_string(),
                    date: e.when.to_string().into(),
                    text_date: d.text_date.map(|t| t.to_string().into()),
                    status: Some(e.status.as_str().into()),
                    lane: lane_id(e.lane).filter(|id| !id.is_empty()).map(Into::into),
                    tags: e
                        .tags
                        .iter()
                        .map(|t| Word(timeline.tag_id(*t).to_owned().into()))
                        .collect(),
                    summary: d.summary.clone(),
                    note: d.note.clone(),
                    quotes: d
                        .quotes
                        .iter()
                        .map(|q| RawQuote {
                            text: q.text.clone(),
                            speaker: q.speaker.clone(),
                        })
                        .collect(),
                    people: d.people.clone(),
                    places: d.places.clone(),
                    provenance: Some(e.provenance.as_str().into()),
                    sources: raw_links(&d.sources),
                }
            })
            .collect(),
    }
}

/// Writes the timeline as pretty-printed dateline JSON.
pub fn to_string(timeline: &Timeline) -> String {
    let mut text = serde_json::to_string_pretty(&to_raw(timeline)).unwrap_or_default();
    text.push('\n');
    text
}
