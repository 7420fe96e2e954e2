//! vis-timeline data, as its users export it from their `DataSet`s: a JSON array of items, or an object with
//! `items` and `groups`. An item has `id`, `content` (HTML), `start` (a date, an ISO date and time, or
//! milliseconds since 1970), an optional `end`, `group`, `type` (`box`, `point`, `range`, `background`) and
//! `title` (its tooltip, HTML). Items become events (a `background` item becomes a period), groups become
//! lanes in their `order`. A date is kept at the precision written: `"2015"` is a year, `"2015-11"` a month,
//! a full date or a time a day. Every problem names its line and column.

use std::collections::HashMap;

use serde::Deserialize;

use super::error::Problem;
use super::locate::{LocatedProblems, Step};
use super::native::serde_problem;
use super::show::quoted;
use super::timelinejs::{Ids, html_to_line, html_to_text};
use crate::model::date::{EdtfDate, date_from_days};
use crate::model::{
    DateSpec, Event, EventDetails, IntervalEnd, Lane, LaneId, Period, Provenance, Timeline,
};

/// The whole file: a list of items, or items with their groups.
#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "a list of vis-timeline items, or an object with \"items\""
)]
enum RawDoc {
    List(Vec<RawItem>),
    WithGroups {
        items: Vec<RawItem>,
        #[serde(default)]
        groups: Vec<RawGroup>,
    },
}

/// A vis-timeline item as written. Unknown keys (`className`, `style`, `editable`, …) are ignored.
#[derive(Deserialize)]
struct RawItem {
    #[serde(default)]
    id: Option<Key>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    start: Option<When>,
    #[serde(default)]
    end: Option<When>,
    #[serde(default)]
    group: Option<Key>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// A group as written.
#[derive(Deserialize)]
struct RawGroup {
    id: Key,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    order: Option<f64>,
}

/// An id: vis-timeline takes strings and numbers alike.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum Key {
    Text(String),
    Number(serde_json::Number),
}

impl Key {
    fn text(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Number(n) => n.to_string(),
        }
    }
}

/// A date as written: a string or milliseconds since 1970.
#[derive(Deserialize)]
#[serde(untagged)]
enum When {
    Text(String),
    Millis(f64),
}

/// Reads vis-timeline JSON. Problems are collected for the whole file, each where it is.
pub fn parse(text: &str) -> Result<Timeline, Vec<Problem>> {
    let doc: RawDoc = serde_json::from_str(text).map_err(|e| vec![serde_problem(text, &e)])?;
    let (items, groups, wrapped) = match doc {
        RawDoc::List(items) => (items, Vec::new(), false),
        RawDoc::WithGroups { items, groups } => (items, groups, true),
    };
    let mut problems = LocatedProblems::new(text);
    let path = |i: usize, key: &'static str| -> Vec<Step<'static>> {
        let mut path = Vec::with_capacity(3);
        if wrapped {
            path.push(Step::Key("items"));
        }
        path.push(Step::Index(i));
        if !key.is_empty() {
            path.push(Step::Key(key));
        }
        path
    };

    let mut timeline = Timeline::default();
    // Groups become lanes, in their order (then as listed).
    let mut ordered: Vec<(usize, &RawGroup)> = groups.iter().enumerate().collect();
    ordered.sort_by(|a, b| {
        let order = |g: &RawGroup| g.order.unwrap_or(f64::INFINITY);
        order(a.1).total_cmp(&order(b.1)).then(a.0.cmp(&b.0))
    });
    let mut lane_ids = Ids::default();
    let mut lane_of: HashMap<String, LaneId> = HashMap::new();
    for (_, group) in ordered {
        let key = group.id.text();
        let label = group
            .content
            .as_deref()
            .map(html_to_line)
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| key.clone());
        add_lane(&mut timeline, &mut lane_ids, &mut lane_of, key, label);
    }

    let mut ids = Ids::default();
    for (i, item) in items.iter().enumerate() {
        let content = item
            .content
            .as_deref()
            .map(html_to_line)
            .unwrap_or_default();
        let title = if content.is_empty() {
            item.title
                .as_deref()
                .map(html_to_line)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| "Untitled item".to_owned())
        } else {
            content
        };
        let name = format!("item {}", quoted(&short(&title)));
        let start = match &item.start {
            None => {
                problems.add(
                    &path(i, ""),
                    format!("{name} has no \"start\" (vis-timeline needs one for every item)"),
                );
                continue;
            }
            Some(when) => match date_of(when) {
                Ok(d) => d,
                Err(why) => {
                    problems.add(&path(i, "start"), format!("{name}: its start {why}"));
                    continue;
                }
            },
        };
        let kind = item.kind.as_deref().map(str::trim).unwrap_or_default();
        let end = match &item.end {
            Some(when) if !matches!(kind, "box" | "point") => match date_of(when) {
                Ok(d) => Some(d),
                Err(why) => {
                    problems.add(&path(i, "end"), format!("{name}: its end {why}"));
                    continue;
                }
            },
            _ => None,
        };
        let when = match end {
            None if matches!(kind, "range" | "background") => {
                problems.add(
                    &path(i, "type"),
                    format!("{name} is a {kind} but has no \"end\""),
                );
                continue;
            }
            None => DateSpec::Single(start),
            Some(e) if e.last_day() < start.first_day() => {
                problems.add(
                    &path(i, "end"),
                    format!("{name} ends before it starts ({start} to {e})"),
                );
                continue;
            }
            Some(e) if e == start && kind != "background" => DateSpec::Single(start),
            Some(e) => DateSpec::Interval {
                start: Some(start),
                end: IntervalEnd::Date(e),
            },
        };
        let summary = item.title.as_deref().map(html_to_text).unwrap_or_default();
        let wanted = item.id.as_ref().map(Key::text);
        if kind == "background" {
            timeline.periods.push(Period {
                id: ids.claim(wanted.as_deref(), &title, "period"),
                title,
                when,
                lane: None,
                summary,
                provenance: Provenance::Unstated,
                sources: Vec::new(),
            });
            continue;
        }
        let group = item.group.as_ref().map(Key::text);
        let lane = match group {
            Some(key) => match lane_of.get(&key) {
                Some(lane) => *lane,
                None => add_lane(&mut timeline, &mut lane_ids, &mut lane_of, key.clone(), key),
            },
            None => add_lane(
                &mut timeline,
                &mut lane_ids,
                &mut lane_of,
                String::new(),
                "Events".to_owned(),
            ),
        };
        let id = ids.claim(wanted.as_deref(), &title, "event");
        let details = EventDetails {
            summary,
            ..EventDetails::default()
        };
        let mut event = Event::new(&id, &title, when, &[], &details.borrowed());
        event.lane = lane;
        // A vis-timeline file does not say where its items came from: nothing is claimed.
        event.provenance = Provenance::Unstated;
        timeline.events.push(event);
    }
    if let Some(problems) = problems.into_sorted() {
        return Err(problems);
    }
    timeline.sort_chronologically();
    Ok(timeline)
}

/// The lane for group `key`, added when first seen.
fn add_lane(
    timeline: &mut Timeline,
    ids: &mut Ids,
    lane_of: &mut HashMap<String, LaneId>,
    key: String,
    label: String,
) -> LaneId {
    if let Some(lane) = lane_of.get(&key) {
        return *lane;
    }
    let at = timeline.lanes.len().min(usize::from(u16::MAX) - 1);
    if at < timeline.lanes.len() {
        return LaneId(at as u16);
    }
    let lane = LaneId(at as u16);
    timeline.lanes.push(Lane {
        id: ids.claim(None, &label, "lane"),
        label,
    });
    lane_of.insert(key, lane);
    lane
}

/// A title cut short for messages.
fn short(text: &str) -> String {
    crate::view::elide::one_line(text, 60).into_owned()
}

/// The date a vis-timeline value gives, at the precision it is written with; a time of day is dropped
/// (dateline dates go down to the day). Milliseconds since 1970 (or `/Date(…)/`, as .NET writes them)
/// are a day in UTC.
fn date_of(when: &When) -> Result<EdtfDate, String> {
    match when {
        When::Millis(ms) => from_millis(*ms),
        When::Text(text) => {
            let t = text.trim();
            if let Some(ms) = t
                .strip_prefix("/Date(")
                .and_then(|r| r.strip_suffix(")/"))
                .and_then(|n| n.parse::<f64>().ok())
            {
                return from_millis(ms);
            }
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) && t.len() > 6 {
                // Milliseconds written as a string.
                if let Ok(ms) = t.parse::<f64>() {
                    return from_millis(ms);
                }
            }
            // An ISO date, maybe with a time after `T` or a space.
            let date = t.split(['T', ' ']).next().unwrap_or(t);
            EdtfDate::parse(date).map_err(|_| {
                format!(
                    "{} is not a date vis-timeline writes (2015, 2015-11, 2015-11-30, an ISO date and \
                     time such as 2015-11-30T10:00:00Z, or milliseconds since 1970)",
                    quoted(&short(t))
                )
            })
        }
    }
}

fn from_millis(ms: f64) -> Result<EdtfDate, String> {
    // About ±270,000 years either side of 1970: the reach of a JavaScript date.
    if !ms.is_finite() || ms.abs() > 8.64e15 {
        return Err(format!(
            "{ms} is beyond the dates a JavaScript date can hold"
        ));
    }
    let days = (ms / 86_400_000.0).floor() as i64;
    Ok(EdtfDate::from_naive(date_from_days(days)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;

    #[test]
    fn dates_keep_the_precision_they_are_written_with() {
        let p = |s: &str| date_of(&When::Text(s.to_owned())).unwrap();
        assert_eq!(p("2015").precision(), Precision::Year);
        assert_eq!(p("2015-11").precision(), Precision::Month);
        assert_eq!(p("2015-11-30").to_string(), "2015-11-30");
        assert_eq!(p("2015-11-30T10:00:00Z").to_string(), "2015-11-30");
        assert_eq!(p("2015-11-30 23:59").to_string(), "2015-11-30");
        assert_eq!(p("/Date(1448841600000)/").to_string(), "2015-11-30");
        assert_eq!(
            date_of(&When::Millis(1_448_841_600_000.0))
                .unwrap()
                .to_string(),
            "2015-11-30"
        );
        // Before 1970, milliseconds are negative.
        assert_eq!(
            date_of(&When::Millis(-86_400_000.0)).unwrap().to_string(),
            "1969-12-31"
        );
        assert!(date_of(&When::Text("next Tuesday".into())).is_err());
        assert!(date_of(&When::Millis(f64::INFINITY)).is_err());
        assert!(date_of(&When::Millis(1e300)).is_err());
    }
}
