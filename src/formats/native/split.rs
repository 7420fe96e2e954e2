//! Reading a large file's events on two threads. The events array is cut at an event boundary near its
//! middle; each half is read into its own builder, and the halves are joined in file order.
//!
//! The cut is found by looking, not by knowing: a candidate is only accepted if an event parses there, and
//! the first half must end exactly on it. Anything unexpected — a problem in the file, a syntax error, no
//! lanes or tags to resolve names against — gives `None`, and the caller reads the file the ordinary way, so
//! the result and every message are the same as reading it on one thread.

use serde::Deserialize;

use super::stream::{Names, Outcome};
use super::{EventsBuilder, RawEvent, RawLabel, finish, stream};
use crate::formats::locate::{Step, skip_ws, value_offset};
use crate::model::Timeline;

/// Files smaller than this are read on one thread: a second one would not pay for itself.
pub const MIN_BYTES: usize = 4 << 20;

/// How many candidate cuts are tried before giving up.
const MAX_CANDIDATES: usize = 256;

/// Reads `text` with its events split over two threads; `None` when it must be read the ordinary way.
pub(super) fn parse(text: &str) -> Option<Timeline> {
    if text.len() < MIN_BYTES {
        return None;
    }
    let bytes = text.as_bytes();
    let start = value_offset(text, &[Step::Key("events")]);
    if bytes.get(start) != Some(&b'[') {
        return None;
    }
    // Names are resolved as events are read, so the lanes and tags before the events are read first (a
    // file without them has none; one with them after its events is left to the ordinary reader, below).
    let before_events = &text[..start];
    let lanes: Vec<RawLabel> = top_level(before_events, "lanes").unwrap_or_default();
    let tags: Vec<RawLabel> = top_level(before_events, "tags").unwrap_or_default();
    let cut = find_cut(text, start + (text.len() - start) / 2)?;

    let (first, second) = std::thread::scope(|scope| {
        let first = scope.spawn(|| read_events(text, start + 1, Some(cut), &lanes, &tags));
        let second = read_events(text, cut, None, &lanes, &tags);
        (first.join().ok().flatten(), second)
    });
    let (mut events, _) = first?;
    let (later, end) = second?;
    events.append(later);

    // Everything else, read from the file with its events array left empty.
    let mut rest = String::with_capacity(start + 2 + (text.len() - end));
    rest.push_str(&text[..start]);
    rest.push_str("[]");
    rest.push_str(&text[end..]);
    let mut clean = true;
    let mut at = |_: &[Step<'_>], _: String| clean = false;
    let Ok(Outcome::Done((head, none))) = stream::parse_parts(&rest, Names::BeforeEvents, &mut at)
    else {
        return None;
    };
    if !none.is_empty() || head.lanes.len() != lanes.len() || head.tags.len() != tags.len() {
        return None;
    }
    let timeline = finish(head, events, &mut at);
    clean.then_some(timeline)
}

/// The value of a top-level key, when it is there and reads as a `T`. The text may end anywhere after
/// the value (at the start of a later key's value, say).
pub(super) fn top_level<'a, T: Deserialize<'a>>(text: &'a str, key: &str) -> Option<T> {
    let at = value_offset(text, &[Step::Key(key)]);
    if at == value_offset(text, &[]) {
        return None;
    }
    let mut values = serde_json::Deserializer::from_str(text.get(at..)?).into_iter::<T>();
    values.next()?.ok()
}

/// One event parsed at `pos`: the event and the offset just past it.
fn event_at(text: &str, pos: usize) -> Option<(RawEvent<'_>, usize)> {
    let mut values = serde_json::Deserializer::from_str(text.get(pos..)?).into_iter::<RawEvent>();
    let event = values.next()?.ok()?;
    Some((event, pos + values.byte_offset()))
}

/// The first offset at or after `from` where an event starts: a `{` after a `,` where an event parses and
/// is followed by `,` or `]`.
fn find_cut(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = from;
    for _ in 0..MAX_CANDIDATES {
        let brace = pos + bytes.get(pos..)?.iter().position(|&b| b == b'{')?;
        let before = bytes[..brace]
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())?;
        if bytes[before] == b','
            && let Some((_, end)) = event_at(text, brace)
            && matches!(bytes.get(skip_ws(bytes, end)), Some(b',' | b']'))
        {
            return Some(brace);
        }
        pos = brace + 1;
    }
    None
}

/// Reads events from `from` (just after `[` or at an event) until the offset `until`, or to the end of the
/// array when `until` is `None`. Returns the builder and the offset just past the array's `]` (or `until`);
/// `None` on any problem or surprise.
fn read_events(
    text: &str,
    from: usize,
    until: Option<usize>,
    lanes: &[RawLabel],
    tags: &[RawLabel],
) -> Option<(EventsBuilder, usize)> {
    let bytes = text.as_bytes();
    let mut builder = EventsBuilder::new(lanes, tags, 0);
    let clean = std::cell::Cell::new(true);
    let mut at = |_: &[Step<'_>], _: String| clean.set(false);
    let mut pos = skip_ws(bytes, from);
    if until.is_none() && bytes.get(pos) == Some(&b']') {
        return Some((builder, pos + 1));
    }
    let mut i = 0;
    loop {
        if until == Some(pos) {
            break;
        }
        if until.is_some_and(|u| pos > u) {
            return None;
        }
        let (event, end) = event_at(text, pos)?;
        builder.add(i, event, &mut at);
        if !clean.get() {
            return None;
        }
        i += 1;
        pos = skip_ws(bytes, end);
        match bytes.get(pos) {
            Some(b',') => pos = skip_ws(bytes, pos + 1),
            Some(b']') if until.is_none() => return Some((builder, pos + 1)),
            _ => return None,
        }
    }
    Some((builder, pos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::locate::locate;
    use std::fmt::Write as _;

    /// A generated file just over the threshold, compact or pretty-printed.
    fn large(pretty: bool) -> String {
        let raw = crate::generate::generate_raw(24_000, 5);
        let text = if pretty {
            serde_json::to_string_pretty(&raw).unwrap()
        } else {
            serde_json::to_string(&raw).unwrap()
        };
        assert!(text.len() >= MIN_BYTES, "{} bytes", text.len());
        text
    }

    /// The file read by the one-thread reader alone, with no problem.
    fn one_thread(text: &str) -> Timeline {
        // What the first pass reports is dropped when it has to read the file again.
        let mut first = Vec::new();
        let outcome = stream::parse(text, Names::BeforeEvents, &mut |_, m| first.push(m)).unwrap();
        match outcome {
            Outcome::Done(t) => {
                assert!(first.is_empty(), "{first:?}");
                t
            }
            Outcome::NamesAfterEvents => {
                let lanes: Vec<RawLabel> = top_level(text, "lanes").unwrap_or_default();
                let tags: Vec<RawLabel> = top_level(text, "tags").unwrap_or_default();
                let given = Names::Given(&lanes, &tags);
                match stream::parse(text, given, &mut |_, m| panic!("{m}")).unwrap() {
                    Outcome::Done(t) => t,
                    Outcome::NamesAfterEvents => panic!("names given are never late"),
                }
            }
        }
    }

    #[test]
    fn two_threads_read_the_same_timeline_as_one() {
        for pretty in [false, true] {
            let text = large(pretty);
            let split = parse(&text).expect("a large valid file is read on two threads");
            assert_eq!(split, one_thread(&text));
            assert_eq!(split.events.len(), 24_000);
        }
    }

    #[test]
    fn a_file_without_tags_is_read_on_two_threads() {
        let mut raw = crate::generate::generate_raw(24_000, 9);
        raw.tags.clear();
        for e in &mut raw.events {
            e.tags.clear();
        }
        let value = serde_json::to_value(&raw).unwrap();
        let mut text = String::from("{");
        for key in ["format", "title", "lanes", "periods", "events"] {
            let _ = write!(text, "\"{key}\":{},", value[key]);
        }
        text.pop();
        text.push('}');
        assert!(!text.contains("\"tags\""));
        let split = parse(&text).expect("read on two threads");
        assert_eq!(split, one_thread(&text));
        assert_eq!(split.events.len(), 24_000);
    }

    #[test]
    fn the_cut_is_an_event_boundary_even_when_titles_look_like_one() {
        let mut raw = crate::generate::generate_raw(24_000, 6);
        for e in &mut raw.events {
            e.title = format!("{},{{\"id\":\"x\"}} ,{{", e.title).into();
        }
        let text = serde_json::to_string(&raw).unwrap();
        let split = parse(&text).expect("read on two threads");
        assert_eq!(split, one_thread(&text));
    }

    #[test]
    fn problems_are_left_to_the_ordinary_reader_and_key_order_does_not_matter() {
        // A problem in the second half: the ordinary reader reports it at its place.
        let mut raw = crate::generate::generate_raw(24_000, 7);
        raw.events[20_000].date = "2015-02-30".into();
        let text = serde_json::to_string(&raw).unwrap();
        assert!(parse(&text).is_none());
        let problems = crate::formats::native::parse(&text).unwrap_err();
        assert_eq!(problems.len(), 1);
        let path = [Step::Key("events"), Step::Index(20_000), Step::Key("date")];
        assert_eq!(problems[0].position, locate(&text, &path));

        // Events before the lanes and tags: left to the ordinary reader, which reads the same timeline.
        let raw = crate::generate::generate_raw(24_000, 8);
        let value = serde_json::to_value(&raw).unwrap();
        let mut text = String::from("{\"events\":");
        text.push_str(&value["events"].to_string());
        for key in ["title", "lanes", "tags", "periods"] {
            text.push_str(",\"");
            text.push_str(key);
            text.push_str("\":");
            text.push_str(&value[key].to_string());
        }
        text.push('}');
        let t = one_thread(&text);
        assert_eq!(t.events.len(), 24_000);
        assert!(parse(&text).is_none());
        assert_eq!(crate::formats::native::parse(&text), Ok(t));

        // A syntax error near the end.
        let mut broken = large(false);
        broken.truncate(broken.len() - 3);
        assert!(parse(&broken).is_none());
        assert!(crate::formats::native::parse(&broken).is_err());
    }
}
