//! Writing a timeline as Markwhen that Markwhen's reference parser reads to the same events and days,
//! and that dateline reads back without loss.
//!
//! - A `---` header with the title, the description, `timezone: UTC` (so no reader applies its own
//!   zone) and a `dateline:` line holding the lanes', tags' and source's ids and names as JSON.
//! - Periods first (`kind: period`), and the events of the unnamed lane; then one `# heading` per lane
//!   with its events.
//! - Each event line has the date as Markwhen reads it right: ISO dates (`2015-11-30`, never the
//!   American `11/30/2015`), ranges as `START/END`, a span still going on as `START/now`, BCE years as
//!   upper-case `N BCE` (Markwhen reads a lower-case `bce` as CE). What the line cannot say goes into
//!   properties under it: `edtf` (approximate, uncertain, an unknown end, BCE months and days), and the
//!   id, lane, status, provenance, quotes, people, places, sources, media and note.
//! - A title or summary that Markwhen would read otherwise (a `#word` it would take as a tag, a line it
//!   would take as a date, a heading or a property) is written as a `title:` or `summary:` property;
//!   the event line then shows the title with `#` and `!` as their full-width forms.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::blocks::one_line;
use super::{LinkValue, QuoteValue, Source, blocks, dates};
use crate::model::{DateSpec, EdtfDate, Event, IntervalEnd, Period, Provenance, Status, Timeline};

/// Writes the timeline as Markwhen text to `out`, each event converted only while it is written.
pub fn write_to(timeline: &Timeline, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    header(timeline, &mut out)?;
    let lane_id = |e: &Event| {
        timeline
            .lanes
            .get(usize::from(e.lane.0))
            .map_or("", |l| l.id.as_str())
    };
    for period in &timeline.periods {
        period_block(timeline, period, &mut out)?;
    }
    let orders = orders(timeline);
    for (i, event) in timeline.events.iter().enumerate() {
        if lane_id(event).is_empty() {
            event_block(timeline, event, orders[i], &mut out)?;
        }
    }
    let mut by_lane: Vec<Vec<(&Event, Option<usize>)>> = vec![Vec::new(); timeline.lanes.len()];
    for (i, event) in timeline.events.iter().enumerate() {
        if let Some(list) = by_lane.get_mut(usize::from(event.lane.0)) {
            list.push((event, orders[i]));
        }
    }
    for (lane, events) in timeline.lanes.iter().zip(by_lane) {
        if lane.id.is_empty() || events.is_empty() {
            continue;
        }
        let label = if lane.label.trim().is_empty() {
            &lane.id
        } else {
            &lane.label
        };
        writeln!(out, "# {}\n", one_line(label))?;
        for (event, order) in events {
            event_block(timeline, event, order, &mut out)?;
        }
    }
    out.flush()
}

/// For each event, its place in the timeline when events of its first day are in more than one lane:
/// written as an `order` property, since the lanes' headings put them in another order.
fn orders(timeline: &Timeline) -> Vec<Option<usize>> {
    let events = &timeline.events;
    let mut out = vec![None; events.len()];
    let mut start = 0;
    while start < events.len() {
        let day = events[start].when.first_day();
        let end = events[start..]
            .iter()
            .position(|e| e.when.first_day() != day)
            .map_or(events.len(), |n| start + n);
        let lanes_differ = events[start..end]
            .iter()
            .any(|e| e.lane != events[start].lane);
        if lanes_differ {
            for (i, slot) in out.iter_mut().enumerate().take(end).skip(start) {
                *slot = Some(i);
            }
        }
        start = end;
    }
    out
}

/// The timeline as Markwhen text (see [`write_to`]).
pub fn to_string(timeline: &Timeline) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail, and everything written is UTF-8.
    let _ = write_to(timeline, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

fn header(timeline: &Timeline, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "---")?;
    writeln!(out, "title: {}", quoted(&timeline.title))?;
    if !timeline.description.is_empty() {
        writeln!(out, "description: {}", quoted(&timeline.description))?;
    }
    writeln!(out, "timezone: UTC")?;
    let extra = serde_json::json!({
        "lanes": timeline.lanes.iter().filter(|l| !l.id.is_empty())
            .map(|l| serde_json::json!({"id": l.id, "label": l.label})).collect::<Vec<_>>(),
        "tags": timeline.tags.iter()
            .map(|t| serde_json::json!({"id": t.id, "label": t.label})).collect::<Vec<_>>(),
        "source": timeline.source.as_ref().map(|s| Source {
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            section: s.section.clone(),
            author: s.author.clone(),
            url: s.url.clone(),
            published: s.published.map(|d| d.to_string()),
            note: s.note.clone(),
        }),
    });
    let mut extra = extra;
    if let Some(map) = extra.as_object_mut() {
        map.retain(|_, v| !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)));
    }
    if extra.as_object().is_some_and(|m| !m.is_empty()) {
        writeln!(out, "dateline: {}", yaml_safe(extra.to_string()))?;
    }
    writeln!(out, "---\n")
}

/// A text as a double-quoted string, which YAML and JSON read alike.
fn quoted(text: &str) -> String {
    yaml_safe(serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned()))
}

/// JSON with the characters YAML takes as line breaks escaped.
fn yaml_safe(json: String) -> String {
    if !json.contains(['\u{2028}', '\u{2029}', '\u{85}']) {
        return json;
    }
    json.replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        .replace('\u{85}', "\\u0085")
}

/// A value that YAML reads as the same plain string: letters, digits, `.`, `_` and `-` inside.
fn plain_or_quoted(text: &str) -> String {
    let plain = !text.is_empty()
        && text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && text.parse::<f64>().is_err()
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain { text.to_owned() } else { quoted(text) }
}

/// One date as Markwhen reads it right: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` for years 1 to 9999, the year
/// alone beyond, and `N BCE` before year 1 (Markwhen has no BCE months or days).
fn date_text(d: &EdtfDate) -> String {
    if d.year <= 0 {
        return format!("{} BCE", 1 - d.year);
    }
    if d.year > 9999 {
        return format!("{}", d.year);
    }
    let mut text = format!("{:04}", d.year);
    if let Some(m) = d.month {
        let _ = write!(text, "-{m:02}");
        if let Some(day) = d.day {
            let _ = write!(text, "-{day:02}");
        }
    }
    text
}

/// The date part of an event line, and whether it says the whole of `when` (else an `edtf` property
/// says it).
fn line_date(when: &DateSpec) -> (String, bool) {
    let join = |s: &EdtfDate, e: &str| {
        if s.year <= 0 {
            format!("{} - {e}", date_text(s))
        } else {
            format!("{}/{e}", date_text(s))
        }
    };
    let text = match *when {
        DateSpec::Single(d) => date_text(&d),
        DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Date(e),
        } => join(&s, &date_text(&e)),
        DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Open,
        } => join(&s, "now"),
        DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Unknown,
        } => date_text(&s),
        DateSpec::Interval {
            start: None,
            end: IntervalEnd::Date(e),
        } => date_text(&e),
        DateSpec::Interval { start: None, .. } => "now".to_owned(),
    };
    let exact = dates::reads_as(&text) == Some(*when);
    (text, exact)
}

/// Whether Markwhen (and dateline) would read `title` on an event line as exactly this title.
fn title_fits(title: &str) -> bool {
    !title.is_empty()
        && one_line(title) == title
        && !title.chars().any(char::is_control)
        && !title.contains("//")
        && blocks::tags_in(title).next().is_none()
        && !title.split_whitespace().any(|w| {
            w.strip_prefix('!')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
        })
}

/// The title as the event line shows it when it does not fit there as it is.
fn shown_title(title: &str) -> String {
    let shown = one_line(title)
        .replace('#', "＃")
        .replace('!', "！")
        .replace("//", "/ /");
    if shown.is_empty() {
        "(untitled)".to_owned()
    } else {
        shown
    }
}

/// Whether a summary written as description lines reads back as exactly this summary.
fn summary_fits(summary: &str) -> bool {
    if summary.is_empty() {
        return true;
    }
    let lines: Vec<&str> = summary.split('\n').collect();
    if lines.first().is_some_and(|l| l.is_empty()) || lines.last().is_some_and(|l| l.is_empty()) {
        return false;
    }
    let reading = blocks::Reading::default();
    lines.iter().enumerate().all(|(i, line)| {
        let probe = blocks::Line {
            number: 1,
            text: line,
        };
        line.is_empty()
            || (line.trim() == *line
                && !line.chars().any(char::is_control)
                && !line.starts_with("//")
                && !line.starts_with('#')
                && !blocks::starts_block(line)
                && blocks::tags_in(line).next().is_none()
                && !blocks::is_event_line(probe, reading)
                && (i > 0 || blocks::property(probe).is_none()))
    })
}

fn event_block(
    timeline: &Timeline,
    e: &Event,
    order: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let details = e.details_ref();
    let (date, exact) = line_date(&e.when);
    let title = e.title();
    let fits = title_fits(title);
    let mut line = format!(
        "{date}: {}",
        if fits {
            title.to_owned()
        } else {
            shown_title(title)
        }
    );
    let tags: Vec<&str> = e.tags().map(|t| timeline.tag_id(t)).collect();
    for tag in tags.iter().filter(|t| blocks::is_word(t)) {
        line.push_str(" #");
        line.push_str(tag);
    }
    // Tags Markwhen cannot write as `#word` are listed, with all the others in their order.
    let listed = !tags.iter().all(|t| blocks::is_word(t));
    writeln!(out, "{line}")?;
    let property = |out: &mut dyn Write, key: &str, value: &str| writeln!(out, "  {key}: {value}");
    property(out, "id", &plain_or_quoted(e.id()))?;
    if let Some(lane) = timeline.lanes.get(usize::from(e.lane.0))
        && !lane.id.is_empty()
    {
        property(out, "lane", &plain_or_quoted(&lane.id))?;
    }
    if !exact {
        property(out, "edtf", &quoted(&e.when.to_string()))?;
    }
    if let Some(order) = order {
        property(out, "order", &order.to_string())?;
    }
    match e.status {
        Status::Occurred => {}
        other => property(out, "status", other.as_str())?,
    }
    if let Some(p) = e.provenance.as_str() {
        property(out, "provenance", p)?;
    }
    if !fits {
        property(out, "title", &quoted(title))?;
    }
    if let Some(d) = details.text_date {
        property(out, "text_date", &quoted(&d.to_string()))?;
    }
    if let Some(note) = details.note {
        property(out, "note", &quoted(note))?;
    }
    if !details.quotes.is_empty() {
        let quotes: Vec<QuoteValue> = details
            .quotes
            .iter()
            .map(|q| QuoteValue {
                text: q.text.to_owned(),
                speaker: q.speaker.map(str::to_owned),
                at: q.at,
            })
            .collect();
        property(out, "quotes", &json(&quotes))?;
    }
    for (key, list) in [("people", &details.people), ("places", &details.places)] {
        if !list.is_empty() {
            property(out, key, &json(list))?;
        }
    }
    if !details.sources.is_empty() {
        let links: Vec<LinkValue> = details
            .sources
            .iter()
            .map(|&(label, url)| LinkValue {
                label: label.to_owned(),
                url: url.map(str::to_owned),
            })
            .collect();
        property(out, "sources", &json(&links))?;
    }
    if let Some(media) = &details.media {
        property(
            out,
            "media",
            &json(&crate::formats::native::RawMedia::of(media)),
        )?;
    }
    if listed {
        property(out, "tags", &json(&tags))?;
    }
    if summary_fits(details.summary) {
        if !details.summary.is_empty() {
            writeln!(out, "{}", details.summary)?;
        }
    } else {
        property(out, "summary", &quoted(details.summary))?;
    }
    writeln!(out)
}

fn period_block(timeline: &Timeline, p: &Period, out: &mut dyn Write) -> io::Result<()> {
    let (date, exact) = line_date(&p.when);
    let fits = title_fits(&p.title);
    let shown = if fits {
        p.title.clone()
    } else {
        shown_title(&p.title)
    };
    writeln!(out, "{date}: {shown}")?;
    writeln!(out, "  kind: period")?;
    writeln!(out, "  id: {}", plain_or_quoted(&p.id))?;
    if let Some(lane) = p.lane.and_then(|l| timeline.lanes.get(usize::from(l.0)))
        && !lane.id.is_empty()
    {
        writeln!(out, "  lane: {}", plain_or_quoted(&lane.id))?;
    }
    if !exact {
        writeln!(out, "  edtf: {}", quoted(&p.when.to_string()))?;
    }
    if p.provenance != Provenance::Unstated
        && let Some(word) = p.provenance.as_str()
    {
        writeln!(out, "  provenance: {word}")?;
    }
    if !fits {
        writeln!(out, "  title: {}", quoted(&p.title))?;
    }
    if !p.sources.is_empty() {
        let links: Vec<LinkValue> = p
            .sources
            .iter()
            .map(|l| LinkValue {
                label: l.label.clone(),
                url: l.url.clone(),
            })
            .collect();
        writeln!(out, "  sources: {}", json(&links))?;
    }
    if summary_fits(&p.summary) {
        if !p.summary.is_empty() {
            writeln!(out, "{}", p.summary)?;
        }
    } else {
        writeln!(out, "  summary: {}", quoted(&p.summary))?;
    }
    writeln!(out)
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    yaml_safe(serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned()))
}
