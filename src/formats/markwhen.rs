//! Markwhen, the plain-text timeline format people keep in git and in notes: read into the same
//! [`Timeline`] as every other format, with every problem at its line and column, and written back so
//! that reading the file again loses nothing.
//!
//! One concept per file: [`dates`] lexes the dates of event lines, [`blocks`] finds the header, groups
//! and events with their properties and descriptions, [`relative`] counts relative dates, [`recur`]
//! expands recurrences, and [`write`] writes a timeline as Markwhen.
//!
//! What becomes what:
//! - the header's `title` and `description` are the timeline's; `#tag: colour` lines declare tags;
//! - each event line is an event: its `!id` (or an `id:` property) its id, its `#tags` its tags, its
//!   description lines its summary;
//! - the groups and sections an event is in, joined by " / ", are its lane; events in none are in
//!   the "Events" lane;
//! - properties dateline writes keep what Markwhen cannot say: `edtf` (the exact date with its
//!   qualifiers, or an end that is unknown), `status`, `provenance`, `lane`, `title`, `summary`, `note`,
//!   `text_date`, `quotes`, `people`, `places`, `sources`, `media`, `tags`, `kind: period` for a period, and
//!   `order` where events of one day in different lanes would otherwise come back in another order;
//!   `location` becomes a place; other properties are kept in the event's note as `key: value`.
//!   Values may be JSON (a quoted string, a list or an object), which is also YAML.
//! - The header's `dateline:` property (JSON) holds the lanes' and tags' ids and names and the source
//!   text.

mod blocks;
mod dates;
mod recur;
mod relative;
pub mod write;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::Day;
use serde::Deserialize;
use serde::de::DeserializeOwned;

pub use recur::MAX_OCCURRENCES;
pub use write::{to_string, write_to};

use super::error::Problem;
use super::report::Report;
use super::show;
use super::timelinejs::Ids;
use crate::model::{
    DateSpec, EdtfDate, Event, EventDetails, IntervalEnd, Lane, LaneId, Period, Provenance, Quote,
    SourceLink, SourceText, Status, Tag, TagId, Timeline,
};
use blocks::{EventBlock, Header, Line, Property, Reading, Sink};
use dates::{End, When};

/// A value quoted in a message.
fn show_value(value: &str) -> String {
    show::quoted(value)
}

/// Whether `text` looks like Markwhen: it opens with a `---` header, or one of its first lines (past
/// headings, groups and comments) is an event line (`DATE: title`, the date right or wrong).
pub fn looks_like(text: &str) -> bool {
    let mut meaningful = blocks::lines(text)
        .take(10_000)
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty() && !t.starts_with("//") && !blocks::starts_block(t))
        .peekable();
    if meaningful.peek() == Some(&"---") {
        return true;
    }
    meaningful
        .filter(|t| !t.starts_with('#'))
        .take(50)
        .any(|t| {
            t.match_indices(':')
                .take_while(|(i, _)| *i <= 120)
                .any(|(i, _)| !matches!(dates::lex(&t[..i], false), dates::Lexed::NotADate))
        })
}

/// Reads Markwhen text. On failure returns the problems found, each with its line and column (the
/// first [`MAX_LISTED_PROBLEMS`](super::report::MAX_LISTED_PROBLEMS), then how many more).
pub fn parse(text: &str) -> Result<Timeline, Vec<Problem>> {
    let mut report = Report::new();
    let mut builder = Builder::default();
    blocks::read(text, &mut builder, &mut report);
    let timeline = builder.finish();
    report.into_sorted().map_or(Ok(timeline), Err)
}

/// The header's `dateline:` value: what Markwhen has no place for.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct Extra {
    lanes: Vec<Label>,
    tags: Vec<Label>,
    source: Option<Source>,
}

#[derive(Deserialize, serde::Serialize, Clone)]
#[serde(deny_unknown_fields)]
struct Label {
    id: String,
    label: String,
}

#[derive(Deserialize, serde::Serialize, Default)]
#[serde(default, deny_unknown_fields)]
struct Source {
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct QuoteValue {
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<u32>,
}

#[derive(Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct LinkValue {
    label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// A property's value as text: a JSON (YAML double-quoted) string decoded, a single-quoted one
/// unquoted, anything else as written.
fn text_value(p: &Property<'_>) -> Result<String, String> {
    let v = p.value;
    if v.starts_with('"') {
        return serde_json::from_str::<String>(v).map_err(|e| {
            format!(
                "the {} property is not a readable quoted string: {e}",
                p.key
            )
        });
    }
    if let Some(inner) = v.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return Ok(inner.replace("''", "'"));
    }
    Ok(v.to_owned())
}

/// A property's value as JSON of type `T`.
fn json_value<T: DeserializeOwned>(p: &Property<'_>, expected: &str) -> Result<T, String> {
    serde_json::from_str(p.value).map_err(|e| {
        format!(
            "the {} property is not {expected}: {}",
            p.key,
            super::native::serde_message(&e)
        )
    })
}

/// A list property: a JSON list of strings, or one plain value.
fn list_value(p: &Property<'_>) -> Result<Vec<String>, String> {
    if p.value.starts_with('[') {
        json_value(p, "a list of strings such as [\"a\", \"b\"]")
    } else {
        Ok(vec![text_value(p)?]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect())
    }
}

#[derive(Default)]
struct Builder {
    timeline: Timeline,
    ids: Ids,
    /// Ids given in the file, and the line that gave each.
    given: HashMap<String, usize>,
    lane_of_id: HashMap<String, LaneId>,
    lane_of_label: HashMap<String, LaneId>,
    lane_ids: Ids,
    default_lane: Option<LaneId>,
    tag_of_id: HashMap<String, TagId>,
    /// The days each event covers, by id, for relative dates.
    days: HashMap<String, (Day, Day)>,
    /// The days the previous event covers.
    previous: Option<(Day, Day)>,
    /// Each event's `order` property (`u64::MAX` without one), beside `timeline.events`.
    orders: Vec<u64>,
    /// Whether a problem was found: nothing more is built, the rest is only checked.
    broken: bool,
}

impl<'t> Sink<'t> for Builder {
    fn header(&mut self, header: Header<'t>, report: &mut Report) -> Reading {
        let mut reading = Reading::default();
        for p in &header.properties {
            let result = match p.key.to_ascii_lowercase().as_str() {
                "title" => text_value(p).map(|t| self.timeline.title = t),
                "description" => text_value(p).map(|t| self.timeline.description = t),
                "dateformat" => match p.value {
                    "d/M/y" | "d/M/yyyy" | "dd/MM/yyyy" => {
                        reading.day_first = true;
                        Ok(())
                    }
                    "M/d/y" | "M/d/yyyy" | "MM/dd/yyyy" => Ok(()),
                    other => Err(format!(
                        "unknown dateFormat {}: Markwhen understands d/M/y (day first); without it slashed dates are month first",
                        show_value(other)
                    )),
                },
                "dateline" => json_value::<Extra>(p, "dateline's header (lanes, tags, source)")
                    .map(|extra| self.extra(extra, p, report)),
                _ => Ok(()),
            };
            if let Err(message) = result {
                report.add(|| p.line.at(p.value), message);
            }
        }
        for (tag, _) in header.tags {
            self.tag(tag);
        }
        reading
    }

    fn event(&mut self, block: EventBlock<'t>, report: &mut Report) {
        let mut found = false;
        let mut problem = |at: Line<'_>, part: &str, message: String| {
            found = true;
            report.add(|| at.at(part), message);
        };
        let converted = self.convert(&block, &mut problem);
        if found {
            self.broken = true;
            self.timeline.events = Vec::new();
            self.timeline.periods = Vec::new();
            self.orders = Vec::new();
        }
        if self.broken {
            return;
        }
        if let Some(converted) = converted {
            self.add(converted);
        }
    }
}

/// An event or a period as converted, with its occurrences when it recurs.
struct Converted {
    id: String,
    title: String,
    when: Vec<DateSpec>,
    status: Status,
    provenance: Provenance,
    lane: LaneId,
    explicit_lane: bool,
    tags: Vec<TagId>,
    details: EventDetails,
    period: bool,
    /// Where the event goes among events of the same first day (dateline writes it when its lanes'
    /// headings would change that order).
    order: Option<u64>,
}

type ProblemAt<'p> = &'p mut dyn FnMut(Line<'_>, &str, String);

impl Builder {
    fn extra(&mut self, extra: Extra, p: &Property<'_>, report: &mut Report) {
        for lane in extra.lanes {
            if lane.id.trim().is_empty() || self.lane_of_id.contains_key(&lane.id) {
                report.add(
                    || p.line.at(p.value),
                    format!(
                        "lane id {} is empty or given twice in the dateline header",
                        show_value(&lane.id)
                    ),
                );
                continue;
            }
            self.new_lane(lane.id, lane.label);
        }
        for tag in extra.tags {
            let id = self.tag(&tag.id);
            if let Some(t) = self.timeline.tags.get_mut(usize::from(id.0)) {
                t.label = tag.label;
            }
        }
        if let Some(s) = extra.source {
            let published = match s.published.as_deref().map(DateSpec::parse) {
                Some(Ok(d)) => Some(d),
                Some(Err(e)) => {
                    report.add(
                        || p.line.at(p.value),
                        format!("the source's published date: {e}"),
                    );
                    None
                }
                None => None,
            };
            self.timeline.source = Some(SourceText {
                title: s.title,
                publisher: s.publisher,
                section: s.section,
                author: s.author,
                url: s.url,
                published,
                note: s.note,
            });
        }
    }

    fn new_lane(&mut self, id: String, label: String) -> LaneId {
        let lane = LaneId(self.timeline.lanes.len().min(usize::from(u16::MAX)) as u16);
        self.lane_ids.claim(Some(&id), &label, "lane");
        self.lane_of_id.insert(id.clone(), lane);
        self.lane_of_label.entry(label.clone()).or_insert(lane);
        self.timeline.lanes.push(Lane { id, label });
        lane
    }

    /// The tag with this id, declared when first seen.
    fn tag(&mut self, id: &str) -> TagId {
        if let Some(tag) = self.tag_of_id.get(id) {
            return *tag;
        }
        let tag = TagId(self.timeline.tags.len().min(usize::from(u16::MAX)) as u16);
        self.timeline.tags.push(Tag {
            id: id.to_owned(),
            label: id.to_owned(),
        });
        self.tag_of_id.insert(id.to_owned(), tag);
        tag
    }

    /// The lane of an event: the one its `lane` property names, else its groups', else "Events".
    fn lane(&mut self, wanted: Option<&str>, groups: &[String]) -> LaneId {
        let label = groups.join(" / ");
        if let Some(id) = wanted {
            if let Some(lane) = self.lane_of_id.get(id) {
                return *lane;
            }
            let label = if label.is_empty() {
                id.to_owned()
            } else {
                label
            };
            return self.new_lane(id.to_owned(), label);
        }
        if label.is_empty() {
            if let Some(lane) = self.default_lane {
                return lane;
            }
            let lane = LaneId(self.timeline.lanes.len().min(usize::from(u16::MAX)) as u16);
            self.timeline.lanes.push(Lane {
                id: String::new(),
                label: "Events".to_owned(),
            });
            self.default_lane = Some(lane);
            return lane;
        }
        if let Some(lane) = self.lane_of_label.get(&label) {
            return *lane;
        }
        let id = self.lane_ids.claim(None, &label, "lane");
        self.new_lane(id, label)
    }

    /// The days of an event's date line, and the date they make, or a problem.
    fn when(&self, block: &EventBlock<'_>) -> Result<(DateSpec, (Day, Day)), String> {
        // Relative dates count in the calendar: an event beyond its years has no day to count from.
        let calendar = |day: Day| {
            day.date().ok_or_else(|| {
                "a length counts in the calendar, and the event it counts from is beyond its years"
                    .to_owned()
            })
        };
        let reference = |id: &str| {
            self.days.get(id).copied().ok_or_else(|| {
                format!(
                    "no event !{id} before this one: a relative date counts from an event earlier in the file"
                )
            })
        };
        let spec = match &block.date.when {
            When::Fixed { start, end } => match end {
                End::None => DateSpec::Single(*start),
                End::Date(e) => DateSpec::Interval {
                    start: Some(*start),
                    end: IntervalEnd::Date(*e),
                },
                End::Now => DateSpec::Interval {
                    start: Some(*start),
                    end: IntervalEnd::Open,
                },
                End::After(d) => {
                    let e = relative::end_after(*start, *d)?;
                    if e == *start {
                        DateSpec::Single(*start)
                    } else {
                        DateSpec::Interval {
                            start: Some(*start),
                            end: IntervalEnd::Date(e),
                        }
                    }
                }
            },
            When::After { id, duration } => {
                let (_, last) = match id {
                    Some(id) => reference(id)?,
                    None => self.previous.ok_or(
                        "a length alone counts from the end of the previous event, and there is none before it",
                    )?,
                };
                let from = calendar(last)?
                    .succ_opt()
                    .ok_or("the date is out of range")?;
                let (first, last) = relative::days_for(from, *duration)?;
                relative::spec_of_days(first, last)
            }
            When::Before { id, duration } => {
                let (first, _) = reference(id)?;
                let (first, last) = relative::days_before(calendar(first)?, *duration)?;
                relative::spec_of_days(first, last)
            }
        };
        let days = match spec {
            DateSpec::Interval {
                start: Some(s),
                end: IntervalEnd::Open,
            } => (s.first_day(), s.last_day()),
            _ => spec.covered(NaiveDate::MIN),
        };
        Ok((spec, days))
    }

    fn convert(&mut self, block: &EventBlock<'_>, problem: ProblemAt<'_>) -> Option<Converted> {
        let date_at = block.line;
        let (line_spec, days) = match self.when(block) {
            Ok(w) => w,
            Err(message) => {
                problem(date_at, block.date_text, message);
                return None;
            }
        };
        let mut when = line_spec;
        let mut details = EventDetails::default();
        let mut status = Status::Occurred;
        let mut provenance = Provenance::Unstated;
        let mut title = block.title.clone();
        let mut wanted_id = block.id.map(|(id, _)| id.to_owned());
        let mut wanted_lane = None;
        let mut tag_names: Vec<String> = block.tags.iter().map(|(t, _)| (*t).to_owned()).collect();
        let mut period = false;
        let mut listed_tags: Option<Vec<String>> = None;
        let mut order = None;
        let mut summary = None;
        let mut notes: Vec<String> = Vec::new();
        for p in &block.properties {
            let result: Result<(), String> = (|| {
                match p.key {
                    "id" => wanted_id = Some(text_value(p)?),
                    "title" => title = text_value(p)?,
                    // An empty lane property names no lane.
                    "lane" => {
                        wanted_lane = Some(text_value(p)?).filter(|l| !l.trim().is_empty());
                    }
                    "summary" => summary = Some(text_value(p)?),
                    "note" => details.note = Some(text_value(p)?),
                    "order" => {
                        order = Some(text_value(p)?.parse::<u64>().map_err(|_| {
                            format!(
                                "the order property is not a whole number: {}",
                                show_value(p.value)
                            )
                        })?);
                    }
                    "kind" => match text_value(p)?.as_str() {
                        "period" => period = true,
                        "event" => {}
                        other => {
                            return Err(format!(
                                "unknown kind {}: expected event or period",
                                show_value(other)
                            ));
                        }
                    },
                    "edtf" => {
                        let exact = DateSpec::parse(&text_value(p)?).map_err(|e| e.to_string())?;
                        if !refines(&exact, days, &line_spec) {
                            return Err(format!(
                                "the edtf property {} does not fall within the date {} on the event line; make them agree, or remove the property",
                                show_value(&exact.to_string()),
                                show_value(block.date_text)
                            ));
                        }
                        when = exact;
                    }
                    "status" => {
                        status = match text_value(p)?.as_str() {
                            "occurred" => Status::Occurred,
                            "planned" => Status::Planned,
                            "ongoing" => Status::Ongoing,
                            other => {
                                return Err(format!(
                                    "unknown status {}: expected occurred, planned or ongoing",
                                    show_value(other)
                                ));
                            }
                        }
                    }
                    "provenance" => {
                        provenance = match text_value(p)?.as_str() {
                            "article" => Provenance::Article,
                            "context" => Provenance::Context,
                            other => {
                                return Err(format!(
                                    "unknown provenance {}: expected article or context",
                                    show_value(other)
                                ));
                            }
                        }
                    }
                    "text_date" => {
                        details.text_date =
                            Some(DateSpec::parse(&text_value(p)?).map_err(|e| e.to_string())?);
                    }
                    "quotes" => {
                        let quotes: Vec<QuoteValue> = json_value(
                            p,
                            "a list of quotes such as [{\"text\": \"…\", \"speaker\": \"…\"}]",
                        )?;
                        details.quotes = quotes
                            .into_iter()
                            .map(|q| Quote {
                                text: q.text,
                                speaker: q.speaker,
                                at: q.at,
                            })
                            .collect();
                    }
                    "sources" => {
                        let links: Vec<LinkValue> = json_value(
                            p,
                            "a list of sources such as [{\"label\": \"…\", \"url\": \"…\"}]",
                        )?;
                        details
                            .sources
                            .extend(links.into_iter().map(|l| SourceLink {
                                label: l.label,
                                url: l.url,
                            }));
                    }
                    "media" => {
                        details.media = Some(if p.value.starts_with('{') {
                            let raw: super::native::RawMedia<'_> = serde_json::from_str(p.value)
                                .map_err(|e| {
                                    format!(
                                        "the media property is not an object such as {{\"url\": \"…\", \"caption\": \"…\"}}: {}",
                                        super::native::serde_message(&e)
                                    )
                                })?;
                            raw.borrowed().to_owned_media()
                        } else {
                            crate::model::Media::at(text_value(p)?)
                        });
                    }
                    "link" | "url" => {
                        let url = text_value(p)?;
                        details.sources.push(SourceLink {
                            label: url.clone(),
                            url: Some(url),
                        });
                    }
                    "people" => details.people = list_value(p)?,
                    "places" | "location" | "locations" => details.places.extend(list_value(p)?),
                    "tags" => listed_tags = Some(list_value(p)?),
                    other => notes.push(format!("{other}: {}", text_value(p)?)),
                }
                Ok(())
            })();
            if let Err(message) = result {
                problem(p.line, p.value, message);
            }
        }
        // A `tags` property gives every tag in its order; `#tags` it does not list come after.
        if let Some(mut listed) = listed_tags {
            listed.extend(
                tag_names
                    .drain(..)
                    .filter(|t| !listed.contains(t))
                    .collect::<Vec<_>>(),
            );
            tag_names = listed;
        }
        let mut seen = std::collections::HashSet::new();
        tag_names.retain(|t| seen.insert(t.clone()));
        details.summary = summary.unwrap_or_else(|| block.description.join("\n"));
        if !notes.is_empty() {
            let mut note = details.note.take().unwrap_or_default();
            for line in notes {
                if !note.is_empty() {
                    note.push('\n');
                }
                note.push_str(&line);
            }
            details.note = Some(note);
        }
        if title.trim().is_empty() {
            "Untitled event".clone_into(&mut title);
        }
        // Ids: a given one must be new; a made one is made unique.
        let id = match wanted_id.filter(|w| !w.trim().is_empty()) {
            Some(id) => {
                if let Some(first) = self.given.get(&id) {
                    let at = block.id.map_or(block.line, |(_, l)| l);
                    problem(
                        at,
                        block.id.map_or(at.text, |(id, _)| id),
                        format!(
                            "the id {} is already the id of the event on line {first}",
                            show_value(&id)
                        ),
                    );
                    return None;
                }
                self.given.insert(id.clone(), block.line.number);
                // `!id` in a relative date means the id as written, even when an event before took it
                // as the slug of its title and this one is renamed.
                self.days.insert(id.clone(), days);
                self.ids.claim(Some(&id), &title, "event")
            }
            None => self.ids.claim(None, &title, "event"),
        };
        self.days.insert(id.clone(), days);
        self.previous = Some(days);
        let mut whens = vec![when];
        if let Some(every) = block.date.every {
            let calendar = days.0.date().zip(days.1.date()).ok_or_else(|| {
                "a recurrence counts in the calendar, and this event is beyond its years".to_owned()
            });
            match calendar.and_then(|(first, last)| recur::occurrences(first, last, every)) {
                Ok(list) => whens.extend(
                    list.into_iter()
                        .skip(1)
                        .map(|(first, last)| relative::spec_of_days(first, last)),
                ),
                Err(message) => {
                    problem(block.line, block.date_text, message);
                    return None;
                }
            }
        }
        let explicit_lane = wanted_lane.is_some();
        // A period is in a lane only when it names one.
        let lane = if period && !explicit_lane {
            LaneId(0)
        } else {
            self.lane(wanted_lane.as_deref(), &block.groups)
        };
        let tags = tag_names.iter().map(|t| self.tag(t)).collect();
        Some(Converted {
            id,
            title,
            when: whens,
            status,
            provenance,
            lane,
            explicit_lane,
            tags,
            details,
            period,
            order,
        })
    }

    fn add(&mut self, c: Converted) {
        if c.period {
            let Some(&when) = c.when.first() else {
                return;
            };
            self.timeline.periods.push(Period {
                id: c.id,
                title: c.title,
                when,
                lane: c.explicit_lane.then_some(c.lane),
                summary: c.details.summary,
                provenance: c.provenance,
                sources: c.details.sources,
            });
            return;
        }
        let details = c.details.borrowed();
        for (k, when) in c.when.iter().enumerate() {
            let id = if k == 0 {
                c.id.clone()
            } else {
                self.ids
                    .claim(Some(&format!("{}-{}", c.id, k + 1)), &c.title, "event")
            };
            let mut event = Event::new(&id, &c.title, *when, &c.tags, &details);
            event.status = c.status;
            event.lane = c.lane;
            event.provenance = c.provenance;
            self.timeline.events.push(event);
            self.orders.push(c.order.unwrap_or(u64::MAX));
        }
    }

    fn finish(mut self) -> Timeline {
        // Events of one day in different lanes come back in the order they were written in.
        if self.orders.iter().any(|o| *o != u64::MAX) {
            let events = std::mem::take(&mut self.timeline.events);
            let mut keyed: Vec<(u64, Event)> = self.orders.into_iter().zip(events).collect();
            keyed.sort_by_cached_key(|(order, e)| (e.when.first_day(), *order));
            self.timeline.events = keyed.into_iter().map(|(_, e)| e).collect();
        }
        self.timeline.sort_chronologically();
        self.timeline
    }
}

/// Whether the `edtf` property's date says more exactly what the event line says: its days within the
/// line's, starting on the line's first day (an open end, or an unknown one, ends anywhere in them).
fn refines(exact: &DateSpec, line_days: (Day, Day), line: &DateSpec) -> bool {
    let (first, last) = match *exact {
        DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Open,
        } => return s.first_day() == line_days.0 || line.is_open(),
        DateSpec::Interval { start, end } => {
            let s = start.map(|s: EdtfDate| s.first_day());
            let e = match end {
                IntervalEnd::Date(e) => Some(e.last_day()),
                _ => None,
            };
            (
                s.or(e.map(|_| line_days.0)).unwrap_or(line_days.0),
                e.unwrap_or(line_days.1),
            )
        }
        DateSpec::Single(d) => (d.first_day(), d.last_day()),
    };
    first >= line_days.0 && last <= line_days.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_that_looks_like_markwhen() {
        assert!(looks_like("---\ntitle: x\n---\n"));
        assert!(looks_like("// notes\ntitle: x\n\n2015: A year\n"));
        assert!(!looks_like("just some text\nwith: a colon\n"));
        assert!(!looks_like("Year,Month,Day\n1974,1,1\n"));
    }
}
