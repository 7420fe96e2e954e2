//! One dated event, stored compactly: its id, title, tags and details share a single allocation, so a
//! timeline of a million events costs little more than its text. Reading a field decodes it in place.

use std::fmt::Write as _;

use smallvec::SmallVec;

use super::date::DateSpec;
use super::media::MediaRef;
use super::timeline::{EventDetails, LaneId, Provenance, Quote, SourceLink, Status, TagId};

/// One dated event.
#[derive(Clone, PartialEq)]
pub struct Event {
    /// When it happened, as precisely as known.
    pub when: DateSpec,
    /// Whether it happened, is planned or is ongoing.
    pub status: Status,
    /// The row it is drawn in.
    pub lane: LaneId,
    /// Whether the text states it or it is context, when the file says.
    pub provenance: Provenance,
    /// Id, title, tags and details, encoded by [`encode`].
    packed: Box<[u8]>,
}

/// An event's details as borrowed text, to build an [`Event`] without owning its strings first, and to
/// read them without copying.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DetailsRef<'a> {
    /// A sentence or two on what happened.
    pub summary: &'a str,
    /// A remark on the date.
    pub note: Option<&'a str>,
    /// The date as the source text gives it, when it differs from the checked date.
    pub text_date: Option<DateSpec>,
    /// Passages from the source text.
    pub quotes: SmallVec<[QuoteRef<'a>; 1]>,
    /// People involved.
    pub people: SmallVec<[&'a str; 2]>,
    /// Places involved.
    pub places: SmallVec<[&'a str; 2]>,
    /// References: what each is, and where to read it.
    pub sources: SmallVec<[(&'a str, Option<&'a str>); 1]>,
    /// A picture, video, map or page shown with the event.
    pub media: Option<MediaRef<'a>>,
}

/// A passage quoted from the source text, as borrowed text (see [`Quote`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuoteRef<'a> {
    /// The words, exactly as written.
    pub text: &'a str,
    /// Who said them.
    pub speaker: Option<&'a str>,
    /// Where the passage begins in the source text, in characters from its start, when known.
    pub at: Option<u32>,
}

impl<'a> QuoteRef<'a> {
    /// Words nobody in particular said, at no known place.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            speaker: None,
            at: None,
        }
    }
}

impl DetailsRef<'_> {
    /// Whether there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.summary.is_empty()
            && self.note.is_none()
            && self.text_date.is_none()
            && self.quotes.is_empty()
            && self.people.is_empty()
            && self.places.is_empty()
            && self.sources.is_empty()
            && self.media.is_none()
    }

    /// An owned copy.
    pub fn to_owned_details(&self) -> EventDetails {
        EventDetails {
            summary: self.summary.to_owned(),
            note: self.note.map(str::to_owned),
            text_date: self.text_date,
            quotes: self
                .quotes
                .iter()
                .map(|q| Quote {
                    text: q.text.to_owned(),
                    speaker: q.speaker.map(str::to_owned),
                    at: q.at,
                })
                .collect(),
            people: self.people.iter().map(|&p| p.to_owned()).collect(),
            places: self.places.iter().map(|&p| p.to_owned()).collect(),
            sources: self
                .sources
                .iter()
                .map(|&(label, url)| SourceLink {
                    label: label.to_owned(),
                    url: url.map(str::to_owned),
                })
                .collect(),
            media: self.media.as_ref().map(MediaRef::to_owned_media),
        }
    }
}

impl EventDetails {
    /// The same details as borrowed text.
    pub fn borrowed(&self) -> DetailsRef<'_> {
        DetailsRef {
            summary: &self.summary,
            note: self.note.as_deref(),
            text_date: self.text_date,
            quotes: self
                .quotes
                .iter()
                .map(|q| QuoteRef {
                    text: &q.text,
                    speaker: q.speaker.as_deref(),
                    at: q.at,
                })
                .collect(),
            people: self.people.iter().map(String::as_str).collect(),
            places: self.places.iter().map(String::as_str).collect(),
            sources: self
                .sources
                .iter()
                .map(|s| (s.label.as_str(), s.url.as_deref()))
                .collect(),
            media: self.media.as_ref().map(super::media::Media::borrowed),
        }
    }
}

impl Event {
    /// An event that occurred, in the first lane, with no provenance stated; set the public fields to
    /// change that.
    pub fn new(
        id: &str,
        title: &str,
        when: DateSpec,
        tags: &[TagId],
        details: &DetailsRef<'_>,
    ) -> Self {
        let parts = Parts {
            id,
            title,
            tags,
            details,
        };
        let mut size = Counter(0);
        encode(&parts, &mut size);
        let mut packed = Vec::with_capacity(size.0);
        encode(&parts, &mut packed);
        Self {
            when,
            status: Status::default(),
            lane: LaneId::default(),
            provenance: Provenance::default(),
            packed: packed.into_boxed_slice(),
        }
    }

    /// The same event with other tags.
    #[must_use]
    pub fn with_tags(&self, tags: &[TagId]) -> Self {
        let mut event = Self::new(
            self.id(),
            self.title(),
            self.when,
            tags,
            &self.details_ref(),
        );
        event.status = self.status;
        event.lane = self.lane;
        event.provenance = self.provenance;
        event
    }

    /// The same event under another id.
    #[must_use]
    pub fn with_id(&self, id: &str) -> Self {
        let tags: SmallVec<[TagId; 4]> = self.tags().collect();
        let mut event = Self::new(id, self.title(), self.when, &tags, &self.details_ref());
        event.status = self.status;
        event.lane = self.lane;
        event.provenance = self.provenance;
        event
    }

    /// A stable identifier, unique within the timeline.
    pub fn id(&self) -> &str {
        Reader::new(&self.packed).str()
    }

    /// A short title.
    pub fn title(&self) -> &str {
        let mut r = Reader::new(&self.packed);
        r.skip_str();
        r.str()
    }

    /// Its themes.
    pub fn tags(&self) -> impl ExactSizeIterator<Item = TagId> + '_ {
        let mut r = self.after_title();
        let n = r.varint();
        r.rest()
            .chunks_exact(2)
            .take(n)
            .map(|b| TagId(u16::from_le_bytes([b[0], b[1]])))
    }

    /// Whether it has this theme.
    pub fn has_tag(&self, tag: TagId) -> bool {
        self.tags().any(|t| t == tag)
    }

    /// Whether there is more to say than the title and date (a summary, quotes, sources…).
    pub fn has_details(&self) -> bool {
        let mut r = self.after_tags();
        r.byte() == 1
    }

    /// The details, as borrowed text (empty when the event has none).
    pub fn details_ref(&self) -> DetailsRef<'_> {
        let mut r = self.after_tags();
        if r.byte() != 1 {
            return DetailsRef::default();
        }
        let summary = r.str();
        let note = r.opt_str();
        let text_date = r.opt_str().and_then(|d| DateSpec::parse(d).ok());
        let quotes = (0..r.varint())
            .map(|_| QuoteRef {
                text: r.str(),
                speaker: r.opt_str(),
                at: r.opt_varint().and_then(|n| u32::try_from(n).ok()),
            })
            .collect();
        let people = (0..r.varint()).map(|_| r.str()).collect();
        let places = (0..r.varint()).map(|_| r.str()).collect();
        let sources = (0..r.varint()).map(|_| (r.str(), r.opt_str())).collect();
        let media = (r.byte() == 1).then(|| {
            let url = r.str();
            MediaRef::from_parts(url, std::array::from_fn(|_| r.opt_str()))
        });
        DetailsRef {
            summary,
            note,
            text_date,
            quotes,
            people,
            places,
            sources,
            media,
        }
    }

    /// The details, or an empty set when the event has none.
    pub fn details(&self) -> EventDetails {
        self.details_ref().to_owned_details()
    }

    fn after_title(&self) -> Reader<'_> {
        let mut r = Reader::new(&self.packed);
        r.skip_str();
        r.skip_str();
        r
    }

    fn after_tags(&self) -> Reader<'_> {
        let mut r = self.after_title();
        let n = r.varint();
        r.skip(2 * n);
        r
    }
}

impl std::fmt::Debug for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Event")
            .field("id", &self.id())
            .field("title", &self.title())
            .field("when", &self.when)
            .field("status", &self.status)
            .field("lane", &self.lane)
            .field("tags", &self.tags().collect::<Vec<_>>())
            .field("provenance", &self.provenance)
            .field("details", &self.details_ref())
            .finish_non_exhaustive()
    }
}

/// What is packed.
struct Parts<'a, 'b> {
    id: &'a str,
    title: &'a str,
    tags: &'a [TagId],
    details: &'a DetailsRef<'b>,
}

/// Where encoded bytes go: a buffer, or a counter that sizes the buffer first.
trait Out {
    fn put(&mut self, bytes: &[u8]);
}

struct Counter(usize);

impl Out for Counter {
    fn put(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }
}

impl Out for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Lengths and counts as LEB128 varints, strings as length and bytes, optional strings behind a 0/1 byte,
/// tags as little-endian `u16`s: id, title, tags, then a 0/1 byte and the details when there are any; the
/// media last, behind a 0/1 byte, as its address and its optional parts.
fn encode(p: &Parts<'_, '_>, out: &mut impl Out) {
    put_str(out, p.id);
    put_str(out, p.title);
    put_varint(out, p.tags.len());
    for t in p.tags {
        out.put(&t.0.to_le_bytes());
    }
    let d = p.details;
    if d.is_empty() {
        out.put(&[0]);
        return;
    }
    out.put(&[1]);
    put_str(out, d.summary);
    put_opt_str(out, d.note);
    match d.text_date {
        Some(date) => {
            let mut text = String::new();
            let _ = write!(text, "{date}");
            put_opt_str(out, Some(&text));
        }
        None => put_opt_str(out, None),
    }
    put_varint(out, d.quotes.len());
    for q in &d.quotes {
        put_str(out, q.text);
        put_opt_str(out, q.speaker);
        match q.at {
            Some(at) => {
                out.put(&[1]);
                put_varint(out, at as usize);
            }
            None => out.put(&[0]),
        }
    }
    for list in [&d.people, &d.places] {
        put_varint(out, list.len());
        for s in list {
            put_str(out, s);
        }
    }
    put_varint(out, d.sources.len());
    for &(label, url) in &d.sources {
        put_str(out, label);
        put_opt_str(out, url);
    }
    match &d.media {
        Some(media) => {
            out.put(&[1]);
            put_str(out, media.url);
            for part in media.optional_parts() {
                put_opt_str(out, part);
            }
        }
        None => out.put(&[0]),
    }
}

fn put_varint(out: &mut impl Out, mut n: usize) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.put(&[low]);
            return;
        }
        out.put(&[low | 0x80]);
    }
}

fn put_str(out: &mut impl Out, s: &str) {
    put_varint(out, s.len());
    out.put(s.as_bytes());
}

fn put_opt_str(out: &mut impl Out, s: Option<&str>) {
    match s {
        None => out.put(&[0]),
        Some(s) => {
            out.put(&[1]);
            put_str(out, s);
        }
    }
}

/// A cursor over packed bytes. The bytes were written by [`encode`], so reading never runs short; if it
/// did, it would read empty values rather than fail.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn varint(&mut self) -> usize {
        let mut n = 0usize;
        let mut shift = 0;
        loop {
            let b = self.byte();
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 || shift > 56 {
                return n;
            }
            shift += 7;
        }
    }

    fn skip(&mut self, n: usize) {
        self.at = (self.at + n).min(self.bytes.len());
    }

    fn skip_str(&mut self) {
        let n = self.varint();
        self.skip(n);
    }

    fn str(&mut self) -> &'a str {
        let n = self.varint();
        let start = self.at.min(self.bytes.len());
        self.skip(n);
        std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default()
    }

    fn opt_str(&mut self) -> Option<&'a str> {
        (self.byte() == 1).then(|| self.str())
    }

    fn opt_varint(&mut self) -> Option<usize> {
        (self.byte() == 1).then(|| self.varint())
    }

    fn rest(&self) -> &'a [u8] {
        &self.bytes[self.at.min(self.bytes.len())..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smallvec::smallvec;

    fn date(text: &str) -> DateSpec {
        DateSpec::parse(text).unwrap()
    }

    #[test]
    fn every_field_reads_back_as_written() {
        let long = "é".repeat(200);
        let details = DetailsRef {
            summary: &long,
            note: Some("reported a day late"),
            text_date: Some(date("1974~")),
            quotes: smallvec![
                QuoteRef {
                    text: "We need more friends",
                    speaker: Some("Daines"),
                    at: Some(70_000),
                },
                QuoteRef::new("Plain words")
            ],
            people: smallvec!["Ann", ""],
            places: smallvec!["Astana"],
            sources: smallvec![("CRS", Some("https://example.org")), ("Book", None)],
            media: Some(MediaRef {
                url: "media/dot.png",
                caption: Some("A dot"),
                alt: Some(""),
                link_target: Some("_blank"),
                ..MediaRef::default()
            }),
        };
        let tags = [TagId(3), TagId(300)];
        let e = Event::new("e-1", "Jackson–Vanik", date("1974-12-20"), &tags, &details);
        assert_eq!(e.id(), "e-1");
        assert_eq!(e.title(), "Jackson–Vanik");
        assert_eq!(e.tags().collect::<Vec<_>>(), tags);
        assert_eq!(e.tags().len(), 2);
        assert!(e.has_tag(TagId(300)) && !e.has_tag(TagId(4)));
        assert!(e.has_details());
        let expected = format!("{details:?}");
        assert_eq!(format!("{:?}", e.details_ref()), expected);
        assert_eq!(format!("{:?}", e.details().borrowed()), expected);
        // Packed, the event costs its text and a few bytes of lengths and flags.
        let text: usize = [
            "e-1",
            "Jackson–Vanik",
            long.as_str(),
            "reported a day late",
            "1974~",
        ]
        .iter()
        .chain(&[
            "We need more friends",
            "Daines",
            "Plain words",
            "Ann",
            "Astana",
        ])
        .chain(&["CRS", "https://example.org", "Book"])
        .chain(&["media/dot.png", "A dot", "_blank"])
        .map(|s| s.len())
        .sum();
        assert!(
            e.packed.len() <= text + 50,
            "{} bytes for {text}",
            e.packed.len()
        );
    }

    #[test]
    fn an_event_without_details_has_empty_ones() {
        let e = Event::new("x", "", date("2015"), &[], &DetailsRef::default());
        assert_eq!((e.id(), e.title(), e.tags().len()), ("x", "", 0));
        assert!(!e.has_details());
        assert_eq!(e.details(), EventDetails::default());
        assert!(e.packed.len() <= 5);
    }

    #[test]
    fn long_strings_use_multi_byte_lengths() {
        let title = "t".repeat(70_000);
        let e = Event::new(
            "id",
            &title,
            date("2000"),
            &[TagId(1)],
            &DetailsRef::default(),
        );
        assert_eq!(e.title(), title);
        assert_eq!(e.tags().collect::<Vec<_>>(), [TagId(1)]);
    }
}
