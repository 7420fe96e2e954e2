//! Writing `TimelineJS` 3 JSON that Knight Lab's `TimelineJS` renders as it is, and that dateline reads
//! back to the same events, dates, lanes and periods.
//!
//! - The title slide holds the timeline's title and description (and its source, as a line).
//! - One slide per event: its title as the headline, its summary, quotes (with their speakers), note,
//!   people and places as the text, HTML-escaped; `start_date`/`end_date` at the precision known (a
//!   year is `{year}` only); a `display_date` in dateline's words (see [`super::display`]); the lane's
//!   label as the `group`, the id as the `unique_id`, and its media (or, without one, the first web
//!   link among its sources) as the `media`.
//! - One era per period, with a start and an end always.
//!
//! Deep time: a timeline with a year beyond what JavaScript dates reach (about 271,000 years either
//! way) is written with `"scale": "cosmological"`, the scale `TimelineJS` draws such years on.
//!
//! Years: `TimelineJS` counts BCE years historically (−44 is 44 BCE) and shows a year 0 as "0", so the
//! astronomical year `y ≤ 0` is written `y − 1`. `TimelineJS` 3.9 also drops an end date that equals the
//! start in the parts the start has (and an era without an end breaks the whole timeline), so such a
//! span is written from its first day to its last, with hours when both are the same day. It never
//! checks dates, so only real dates are written (every date in the model is one).

use std::fmt::Write as _;
use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeSeq, SerializeStruct, Serializer};

use super::display;
use crate::model::{
    DateSpec, Day, EdtfDate, Event, IntervalEnd, MediaKind, MediaRef, Status, Timeline,
};

/// Writes the timeline as `TimelineJS` 3 JSON to `out`, each event converted only while it is written.
/// `today` is where a span still going on is drawn to.
pub fn write_to(timeline: &Timeline, today: NaiveDate, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Document { timeline, today })?;
    out.write_all(b"\n")
}

/// The timeline as `TimelineJS` 3 JSON text (see [`write_to`]).
pub fn to_string(timeline: &Timeline, today: NaiveDate) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail, and serde_json writes UTF-8.
    let _ = write_to(timeline, today, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

struct Document<'t> {
    timeline: &'t Timeline,
    today: NaiveDate,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.timeline;
        let mut doc = serializer.serialize_struct("TimelineJs", 4)?;
        let title = TitleSlide {
            text: Text {
                headline: escape(&t.title),
                text: title_text(t),
            },
        };
        if t.title.is_empty() && title.text.text.is_empty() {
            doc.skip_field("title")?;
        } else {
            doc.serialize_field("title", &title)?;
        }
        doc.serialize_field("events", &Events(self))?;
        doc.serialize_field("eras", &Eras(self))?;
        if needs_cosmological_scale(t) {
            doc.serialize_field("scale", "cosmological")?;
        } else {
            doc.skip_field("scale")?;
        }
        doc.end()
    }
}

/// The farthest year, either way, that `TimelineJS`'s human scale can place: JavaScript dates reach
/// 271,821 BCE and 275,760 CE.
const HUMAN_SCALE_YEARS: i64 = 271_000;

/// Whether a date of the timeline lies beyond the human scale, so the file must ask for `TimelineJS`'s
/// cosmological scale (which places years only, out to the Big Bang and beyond).
fn needs_cosmological_scale(timeline: &Timeline) -> bool {
    let far = |when: &DateSpec| {
        let (first, last) = (when.first_day().year(), when.anchor().year);
        let end = when.end_date().map_or(last, |e| e.year);
        [first, last, end]
            .iter()
            .any(|y| y.abs() > HUMAN_SCALE_YEARS)
    };
    timeline.events.iter().any(|e| far(&e.when)) || timeline.periods.iter().any(|p| far(&p.when))
}

/// The events, each turned into a slide only while it is written.
struct Events<'d, 't>(&'d Document<'t>);

impl Serialize for Events<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.0.timeline;
        let mut seq = serializer.serialize_seq(Some(t.events.len()))?;
        for event in &t.events {
            seq.serialize_element(&event_slide(t, event, self.0.today))?;
        }
        seq.end()
    }
}

/// The periods as eras.
struct Eras<'d, 't>(&'d Document<'t>);

impl Serialize for Eras<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.0.timeline;
        let mut seq = serializer.serialize_seq(Some(t.periods.len()))?;
        for period in &t.periods {
            let (start, end) = era_dates(&period.when, self.0.today);
            seq.serialize_element(&Slide {
                start_date: Some(start),
                end_date: Some(end),
                text: Text {
                    headline: escape(&period.title),
                    text: paragraphs(&period.summary),
                },
                display_date: Some(display::words(&period.when, Status::Occurred)),
                group: None,
                unique_id: &period.id,
                media: None,
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct TitleSlide {
    text: Text,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    text: String,
}

#[derive(Serialize)]
struct Slide<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<Parts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Parts>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    unique_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<Media<'a>>,
}

/// A slide's media: the caption, credit and title as HTML, the rest as plain text.
#[derive(Serialize)]
struct Media<'a> {
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    thumbnail: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alt: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link_target: Option<&'a str>,
}

impl<'a> Media<'a> {
    /// The event's own media, its address given only when a published page may load it (see
    /// [`publishable`]).
    fn of(media: &MediaRef<'a>) -> Self {
        let html = |text: Option<&str>| {
            text.map(|t| t.lines().map(escape).collect::<Vec<_>>().join("<br>"))
        };
        let address = |url: Option<&'a str>| url.filter(|u| publishable(u));
        Self {
            url: if publishable(media.url) {
                media.url
            } else {
                ""
            },
            caption: html(media.caption),
            credit: html(media.credit),
            thumbnail: address(media.thumbnail),
            alt: media.alt,
            title: html(media.title),
            link: address(media.link),
            link_target: media.link_target,
        }
    }

    /// A source's web address shown as the media, captioned with its label.
    fn of_source(label: &str, url: &'a str) -> Self {
        Self {
            url,
            caption: Some(escape(label)).filter(|c| !c.is_empty()),
            credit: None,
            thumbnail: None,
            alt: None,
            title: None,
            link: None,
            link_target: None,
        }
    }
}

/// A `TimelineJS` date: the parts known, nothing more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
struct Parts {
    year: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hour: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<u8>,
}

impl Parts {
    /// The parts of a date at its own precision, the year in `TimelineJS`'s numbering.
    fn of(date: &EdtfDate) -> Self {
        Self {
            year: timelinejs_year(date.year),
            month: date.month,
            day: date.day,
            hour: None,
            minute: None,
        }
    }

    /// A calendar day.
    fn of_day(day: Day) -> Self {
        Self::of(&EdtfDate::on_day(day))
    }

    /// Whether `TimelineJS` would take `end` for this date and drop it: every part this date has is the
    /// same in `end` (a part `end` lacks counting as its first month or day).
    fn swallows(&self, end: &Self) -> bool {
        let same = |a: Option<u8>, b: Option<u8>| a.is_none() || a == Some(b.unwrap_or(1));
        self.year == end.year
            && same(self.month, end.month)
            && same(self.day, end.day)
            && (self.hour.is_none() || self.hour == end.hour)
    }
}

/// `TimelineJS`'s year for an astronomical year: `0` is 1 BCE, written `-1`.
fn timelinejs_year(year: i64) -> i64 {
    if year <= 0 { year - 1 } else { year }
}

/// A start and an end that `TimelineJS` keeps both of: written as they are when it does, else from the
/// first day covered to the last, with hours when that is one day.
fn kept_span(start: (Parts, Day), end: (Parts, Day)) -> (Parts, Parts) {
    let (start_parts, first) = start;
    let (end_parts, last) = end;
    if !start_parts.swallows(&end_parts) {
        return (start_parts, end_parts);
    }
    let (mut s, mut e) = (Parts::of_day(first), Parts::of_day(last));
    if s.swallows(&e) {
        s.hour = Some(0);
        e.hour = Some(23);
        e.minute = Some(59);
    }
    (s, e)
}

/// The start and end dates of an event's slide (`end_date` only for a span with an end to draw).
fn event_dates(when: &DateSpec, today: NaiveDate) -> (Parts, Option<Parts>) {
    let today = Day::from(today);
    match *when {
        DateSpec::Single(d) => (Parts::of(&d), None),
        DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Date(e),
        } => {
            let (s, e) = kept_span(
                (Parts::of(&s), s.first_day()),
                (Parts::of(&e), e.last_day()),
            );
            (s, Some(e))
        }
        DateSpec::Interval {
            start: Some(s),
            end: IntervalEnd::Open,
        } if today > s.last_day() => {
            let (s, e) = kept_span(
                (Parts::of(&s), s.first_day()),
                (Parts::of_day(today), today),
            );
            (s, Some(e))
        }
        DateSpec::Interval { start: Some(s), .. } => (Parts::of(&s), None),
        // An unknown start: the slide stands at the end, its display date says "until".
        DateSpec::Interval {
            start: None,
            end: IntervalEnd::Date(e),
        } => (Parts::of(&e), None),
        DateSpec::Interval { start: None, .. } => (Parts::of_day(today), None),
    }
}

/// The start and end of an era: always both, and never one `TimelineJS` drops.
fn era_dates(when: &DateSpec, today: NaiveDate) -> (Parts, Parts) {
    let (first, last) = when.covered(today);
    let part = |date: Option<EdtfDate>, day: Day| {
        (
            date.map_or_else(|| Parts::of_day(day), |d| Parts::of(&d)),
            day,
        )
    };
    let (start, end) = match *when {
        DateSpec::Single(d) => (part(Some(d), first), part(Some(d), last)),
        DateSpec::Interval { start, end } => {
            let end = match end {
                IntervalEnd::Date(e) => Some(e),
                IntervalEnd::Open | IntervalEnd::Unknown => None,
            };
            (part(start, first), part(end, last))
        }
    };
    kept_span(start, end)
}

fn event_slide<'t>(timeline: &'t Timeline, event: &'t Event, today: NaiveDate) -> Slide<'t> {
    let (start, end) = event_dates(&event.when, today);
    let details = event.details_ref();
    let media = match &details.media {
        Some(media) => Some(Media::of(media)),
        None => details
            .sources
            .iter()
            .find_map(|&(label, url)| Some((label, url.filter(|u| is_web(u))?)))
            .map(|(label, url)| Media::of_source(label, url)),
    };
    let lane = timeline.lanes.get(usize::from(event.lane.0));
    let group = lane.map(|l| if l.label.is_empty() { &l.id } else { &l.label });
    Slide {
        start_date: Some(start),
        end_date: end,
        text: Text {
            headline: escape(event.title()),
            text: event_text(event),
        },
        display_date: Some(display::words(&event.when, event.status)),
        group: group.filter(|g| !g.trim().is_empty()).map(|g| escape(g)),
        unique_id: event.id(),
        media,
    }
}

/// An event's text as HTML: its summary's paragraphs, each quote as a block quote with its speaker, the
/// note, the people and places, and where it came from when the file says.
fn event_text(event: &Event) -> String {
    let d = event.details_ref();
    let mut html = paragraphs(d.summary);
    for quote in &d.quotes {
        html.push_str("<blockquote>");
        html.push_str(&paragraphs(quote.text));
        if let Some(speaker) = quote.speaker {
            html.push_str("<p>— ");
            html.push_str(&escape(speaker));
            html.push_str("</p>");
        }
        html.push_str("</blockquote>");
    }
    if let Some(note) = d.note {
        html.push_str(&paragraphs(note));
    }
    for (label, names) in [("People", &d.people), ("Places", &d.places)] {
        if !names.is_empty() {
            let _ = write!(html, "<p>{label}: {}</p>", escape(&names.join(", ")));
        }
    }
    let provenance = event.provenance.words();
    if !provenance.is_empty() {
        let _ = write!(html, "<p><small>{provenance}</small></p>");
    }
    html
}

/// The title slide's text: the description's paragraphs and the source text, linked when it has a web
/// address.
fn title_text(timeline: &Timeline) -> String {
    let mut html = paragraphs(&timeline.description);
    if let Some(source) = &timeline.source {
        let mut line = escape(&source.title);
        if let Some(url) = source.url.as_deref().filter(|u| is_web(u)) {
            line = format!("<a href=\"{}\">{line}</a>", escape(url));
        }
        if let Some(publisher) = &source.publisher {
            line.push_str(", ");
            line.push_str(&escape(publisher));
        }
        if let Some(published) = source.published {
            line.push_str(", ");
            line.push_str(&escape(&published.anchor().words()));
        }
        let _ = write!(html, "<p>Source: {line}</p>");
    }
    html
}

/// Text as HTML paragraphs, one per line; nothing for empty text.
fn paragraphs(text: &str) -> String {
    let mut html = String::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        html.push_str("<p>");
        html.push_str(&escape(line));
        html.push_str("</p>");
    }
    html
}

/// Text escaped for HTML: `&`, `<`, `>`, `"` and `'` as entities, so it shows as written.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether a published page may be given a media address: a web address, a `data:` picture, or a path
/// relative to the page (no scheme). Other schemes (`javascript:`, `file:`) are left out.
fn publishable(url: &str) -> bool {
    let url = url.trim();
    if is_web(url)
        || MediaKind::of(url) == MediaKind::Image
            && url
                .get(..5)
                .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
    {
        return true;
    }
    let scheme_end = url.find(':');
    let path_start = url.find(['/', '?', '#']).unwrap_or(url.len());
    scheme_end.is_none_or(|colon| colon > path_start)
}

/// Whether an address is a web page (`http`, `https`): only those are given to a published page.
fn is_web(url: &str) -> bool {
    let lower = url
        .trim_start()
        .get(..8)
        .unwrap_or(url)
        .to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> DateSpec {
        DateSpec::parse(text).unwrap()
    }

    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();

    #[test]
    fn bce_years_are_counted_as_timelinejs_shows_them() {
        assert_eq!(timelinejs_year(-43), -44);
        assert_eq!(timelinejs_year(0), -1);
        assert_eq!(timelinejs_year(1), 1);
    }

    #[test]
    fn spans_timelinejs_would_cut_are_written_in_full() {
        // A year span within one year: from its first day to its last.
        let (s, e) = event_dates(&spec("2026/2026"), TODAY);
        assert_eq!((s.year, s.month, s.day), (2026, Some(1), Some(1)));
        let e = e.unwrap();
        assert_eq!((e.year, e.month, e.day), (2026, Some(12), Some(31)));
        assert!(!s.swallows(&e));
        // A span over years keeps its parts as they are.
        let (s, e) = event_dates(&spec("1947/1991"), TODAY);
        assert_eq!(s, Parts::of(&EdtfDate::new(1947, None, None).unwrap()));
        assert_eq!(e.unwrap().month, None);
        // A one-day era gets hours so that its end is kept.
        let (s, e) = era_dates(&spec("2015-11-30"), TODAY);
        assert_eq!((s.hour, e.hour, e.minute), (Some(0), Some(23), Some(59)));
        assert!(!s.swallows(&e));
        // An era still going on ends today.
        let (_, e) = era_dates(&spec("2025-01-21/.."), TODAY);
        assert_eq!((e.year, e.month, e.day), (2026, Some(11), Some(29)));
    }

    #[test]
    fn html_is_escaped_and_only_web_links_become_media() {
        assert_eq!(
            escape("a < b & \"c\" 'd'"),
            "a &lt; b &amp; &quot;c&quot; &#39;d&#39;"
        );
        assert!(is_web("HTTPS://example.org"));
        assert!(!is_web("javascript:alert(1)"));
        assert!(!is_web("file:///etc/passwd"));
        assert!(!is_web("http"));
        for url in [
            "media/dot.png",
            "dot.png",
            "https://example.org/a.png",
            "data:image/png;base64,AA",
            "a/b:c.png",
        ] {
            assert!(publishable(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<b>",
            "C:\\x.png",
        ] {
            assert!(!publishable(url), "{url}");
        }
    }
}
