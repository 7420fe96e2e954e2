//! The timeline a person explores: lanes, tags, events and periods, and where each event came from.
//! Nothing here knows about files or the screen.

use super::date::DateSpec;
pub use super::event::Event;
use super::media::Media;

/// Index of a lane in [`Timeline::lanes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LaneId(pub u16);

/// Index of a tag in [`Timeline::tags`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TagId(pub u16);

/// A whole timeline: what it is about, its rows and themes, its events and its eras.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// The timeline's title, shown in the window's title bar.
    pub title: String,
    /// A sentence or two on what the timeline shows.
    pub description: String,
    /// The text the events were taken from, when there is one.
    pub source: Option<SourceText>,
    /// The rows events are drawn in, top to bottom.
    pub lanes: Vec<Lane>,
    /// The themes events are tagged with.
    pub tags: Vec<Tag>,
    /// Eras drawn as bands behind the events, in chronological order.
    pub periods: Vec<Period>,
    /// The events, in chronological order of their first day.
    pub events: Vec<Event>,
}

/// The text a timeline was drawn from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceText {
    /// The headline or title of the text.
    pub title: String,
    /// Who published it.
    pub publisher: Option<String>,
    /// The section or column it appeared in.
    pub section: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Where it can be read.
    pub url: Option<String>,
    /// When it was published, as precisely as known.
    pub published: Option<DateSpec>,
    /// A remark on the text, such as how its date was inferred.
    pub note: Option<String>,
}

/// A row of the timeline, such as a country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// The identifier events refer to.
    pub id: String,
    /// The name shown beside the row.
    pub label: String,
}

/// A theme such as "trade law" or "diplomacy".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    /// The identifier events refer to.
    pub id: String,
    /// The name shown in the legend.
    pub label: String,
}

/// Whether an event happened, is planned, or is still going on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Status {
    /// It happened.
    #[default]
    Occurred,
    /// It is a plan or a target, not (yet) an occurrence.
    Planned,
    /// It began and is still going on.
    Ongoing,
}

impl Status {
    /// The lowercase name used in files and the command line's output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Occurred => "occurred",
            Self::Planned => "planned",
            Self::Ongoing => "ongoing",
        }
    }

    /// Words for the details panel.
    pub fn words(self) -> &'static str {
        match self {
            Self::Occurred => "Occurred",
            Self::Planned => "Planned or target — not an occurrence",
            Self::Ongoing => "Ongoing",
        }
    }
}

/// Where an event came from, as its file says. A file that does not say gets [`Provenance::Unstated`]:
/// nothing is claimed for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Provenance {
    /// The file does not say where the event came from (a `TimelineJS` file, a spreadsheet, or a dateline
    /// file without the key).
    #[default]
    Unstated,
    /// The source text states or clearly implies it.
    Article,
    /// A sourced fact the text refers to without dating it, or that happened after it was written.
    Context,
}

impl Provenance {
    /// The lowercase name used in files and the command line's output; `None` when unstated, which files
    /// leave out.
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Unstated => None,
            Self::Article => Some("article"),
            Self::Context => Some("context"),
        }
    }

    /// Words for the details panel and the legend; empty when unstated, since nothing is claimed.
    pub fn words(self) -> &'static str {
        match self {
            Self::Unstated => "",
            Self::Article => "From the article",
            Self::Context => "Context",
        }
    }
}

/// A passage quoted from the source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The words, exactly as written.
    pub text: String,
    /// Who said them, when they are someone's words rather than the text's own narration.
    pub speaker: Option<String>,
    /// Where the passage begins in the source text, in characters from its start, when known: it puts
    /// the passages in the text's order even where the text itself is not at hand.
    pub at: Option<u32>,
}

/// A reference backing an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLink {
    /// What the reference is ("CRS report 98-545").
    pub label: String,
    /// Where to read it, when there is an address.
    pub url: Option<String>,
}

/// The parts of an event only the details panel shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventDetails {
    /// A sentence or two on what happened.
    pub summary: String,
    /// A remark on the date, such as why it is uncertain.
    pub note: Option<String>,
    /// The date as the source text gives it, when it differs from the checked date.
    pub text_date: Option<DateSpec>,
    /// Passages from the source text.
    pub quotes: Vec<Quote>,
    /// People involved.
    pub people: Vec<String>,
    /// Places involved.
    pub places: Vec<String>,
    /// References.
    pub sources: Vec<SourceLink>,
    /// A picture, video, map or page shown with it (`TimelineJS` slides carry one at most).
    pub media: Option<Media>,
}

/// An era drawn as a band behind the events.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    /// A stable identifier, unique among events and periods.
    pub id: String,
    /// Its name ("Cold War").
    pub title: String,
    /// The span it covers.
    pub when: DateSpec,
    /// The lane it belongs to, or `None` to span all lanes.
    pub lane: Option<LaneId>,
    /// A sentence or two about it.
    pub summary: String,
    /// Whether the text states it or it is context, when the file says.
    pub provenance: Provenance,
    /// References.
    pub sources: Vec<SourceLink>,
}

impl Timeline {
    /// The lane's label, or an empty string for an unknown id.
    pub fn lane_label(&self, lane: LaneId) -> &str {
        self.lanes
            .get(usize::from(lane.0))
            .map_or("", |l| l.label.as_str())
    }

    /// The tag's label, or an empty string for an unknown id.
    pub fn tag_label(&self, tag: TagId) -> &str {
        self.tags
            .get(usize::from(tag.0))
            .map_or("", |t| t.label.as_str())
    }

    /// The tag's identifier, or an empty string for an unknown id.
    pub fn tag_id(&self, tag: TagId) -> &str {
        self.tags
            .get(usize::from(tag.0))
            .map_or("", |t| t.id.as_str())
    }

    /// The position of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id() == id)
    }

    /// Sorts events and periods chronologically (by first day covered; ties keep the file's order).
    pub fn sort_chronologically(&mut self) {
        // Files are usually in order already: checking is much cheaper than sorting a million events.
        if !self.events.is_sorted_by_key(|e| e.when.first_day()) {
            self.events.sort_by_cached_key(|e| e.when.first_day());
        }
        if !self.periods.is_sorted_by_key(|p| p.when.first_day()) {
            self.periods.sort_by_cached_key(|p| p.when.first_day());
        }
    }
}
