//! Story mode: one event at a time in large type over the timeline, for presenting to a room. What a
//! slide says and which slide comes next are pure functions of the timeline (tested without a window);
//! [`slide_ui`] draws a slide. The app keeps where the presentation is, and the timeline under the slide
//! glides to keep the event centred.

use egui::{Align, Layout, RichText};

use super::elide;
use crate::model::{Precision, Provenance, Timeline, capitalize};

/// Where a presentation is: on its title slide, or on an event (its position in the timeline's events).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum At {
    /// The title slide: the timeline's title and description.
    #[default]
    Title,
    /// One event's slide.
    Event(usize),
}

/// The slide after (`direction > 0`) or before (`direction < 0`) `at`, among `order`: the events shown,
/// in time order (as the filters and the search leave them). Forward from the title slide is the first
/// event; back from the first event is the title slide; the last event stays where it is. An event that
/// is no longer in `order` steps to its neighbours in time (positions are in time order).
pub fn step(order: &[usize], at: At, direction: isize) -> At {
    match at {
        At::Title if direction > 0 => order.first().map_or(At::Title, |&i| At::Event(i)),
        At::Title => At::Title,
        At::Event(i) => {
            let k = order.partition_point(|&j| j < i);
            let here = order.get(k) == Some(&i);
            match direction.cmp(&0) {
                std::cmp::Ordering::Greater => {
                    let next = if here { k + 1 } else { k };
                    match order.get(next) {
                        Some(&j) => At::Event(j),
                        None if here => At::Event(i),
                        None => order.last().map_or(At::Title, |&j| At::Event(j)),
                    }
                }
                std::cmp::Ordering::Less => k
                    .checked_sub(1)
                    .and_then(|p| order.get(p))
                    .map_or(At::Title, |&j| At::Event(j)),
                std::cmp::Ordering::Equal => at,
            }
        }
    }
}

/// The most characters of a heading a slide shows: a few lines of large type.
const HEADING_CHARS: usize = 160;
/// The most characters of a quote or a summary a slide shows.
const TEXT_CHARS: usize = 420;
/// The most characters of a line of names (people, places, a source).
const LINE_CHARS: usize = 160;
/// The most quotes a slide shows.
const MAX_QUOTES: usize = 2;

/// A quoted passage on a slide, cut to fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlideQuote {
    /// The words.
    pub text: String,
    /// Who said them, when someone did.
    pub speaker: Option<String>,
}

/// What one slide says, every text already cut to what large type can show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slide {
    /// The large title: the event's title, or the timeline's.
    pub heading: String,
    /// The date in words ("In November 2015"), for an event.
    pub date: Option<String>,
    /// How precisely the date is known and how it is written ("known to the month · 2015-11").
    pub precision: Option<String>,
    /// The passages the source text says about it.
    pub quotes: Vec<SlideQuote>,
    /// The summary (an event's) or the description (the timeline's).
    pub summary: Option<String>,
    /// "People: …".
    pub people: Option<String>,
    /// "Places: …".
    pub places: Option<String>,
    /// Where it comes from: the event's sources, or the timeline's source text.
    pub source: Option<String>,
    /// The lane, and whether the text states it or it is context.
    pub tagline: Option<String>,
    /// Where the slide is in the presentation ("3 of 22"), or how to begin.
    pub counter: String,
}

/// A line of names, or `None` when there are none.
fn names_line(label: &str, names: &[&str]) -> Option<String> {
    (!names.is_empty()).then(|| {
        elide::one_line(&format!("{label}: {}", names.join(", ")), LINE_CHARS).into_owned()
    })
}

/// The title slide, made from the timeline's title, description and source; `events` is how many event
/// slides follow.
pub fn title_slide(timeline: &Timeline, events: usize) -> Slide {
    let heading = if timeline.title.trim().is_empty() {
        "Untitled timeline".to_owned()
    } else {
        elide::one_line(&timeline.title, HEADING_CHARS).into_owned()
    };
    let summary = (!timeline.description.trim().is_empty())
        .then(|| elide::bounded(&timeline.description, TEXT_CHARS).into_owned());
    let source = timeline.source.as_ref().and_then(|s| {
        // Who and when first, so a long headline is what gets cut.
        let mut parts: Vec<String> = Vec::new();
        parts.extend(s.publisher.clone());
        parts.extend(s.author.as_ref().map(|a| format!("by {a}")));
        parts.extend(s.published.map(|p| p.to_string()));
        let mut line = parts.join(", ");
        if !s.title.is_empty() {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push('“');
            line.push_str(&s.title);
            line.push('”');
        }
        (!line.is_empty())
            .then(|| elide::one_line(&format!("From {line}"), LINE_CHARS).into_owned())
    });
    let counter = match events {
        0 => "No events to show".to_owned(),
        1 => "1 event · → or Space to begin · Esc to leave".to_owned(),
        n => format!(
            "{} events · → or Space to begin · Esc to leave",
            super::timeline::format_count(n)
        ),
    };
    Slide {
        heading,
        summary,
        source,
        counter,
        ..Slide::default()
    }
}

/// The slide of the event at `at` in the timeline, the `position`-th (from 0) of `total` in the
/// presentation's order (`None` when it is not in it); `None` when there is no such event.
pub fn event_slide(
    timeline: &Timeline,
    at: usize,
    position: Option<usize>,
    total: usize,
) -> Option<Slide> {
    let event = timeline.events.get(at)?;
    let d = event.details_ref();
    let precision = match event.when.precision() {
        Precision::Year => "known to the year",
        Precision::Month => "known to the month",
        Precision::Day => "known to the day",
    };
    let quotes = d
        .quotes
        .iter()
        .take(MAX_QUOTES)
        .map(|q| SlideQuote {
            text: elide::bounded(q.text, TEXT_CHARS).into_owned(),
            speaker: q
                .speaker
                .map(|s| elide::one_line(s, LINE_CHARS).into_owned()),
        })
        .collect();
    let sources: Vec<&str> = d.sources.iter().map(|&(label, _)| label).collect();
    let lane = timeline.lane_label(event.lane);
    let provenance = match event.provenance {
        Provenance::Unstated => None,
        p => Some(p.words()),
    };
    let tagline: Vec<&str> = (!lane.is_empty())
        .then_some(lane)
        .into_iter()
        .chain(provenance)
        .collect();
    Some(Slide {
        heading: elide::one_line(event.title(), HEADING_CHARS).into_owned(),
        date: Some(capitalize(&event.when.describe())),
        precision: Some(format!("Date {precision} · {}", event.when)),
        quotes,
        summary: (!d.summary.trim().is_empty())
            .then(|| elide::bounded(d.summary, TEXT_CHARS).into_owned()),
        people: names_line("People", &d.people),
        places: names_line("Places", &d.places),
        source: names_line("Source", &sources),
        tagline: (!tagline.is_empty())
            .then(|| elide::one_line(&tagline.join(" · "), LINE_CHARS).into_owned()),
        counter: match position {
            Some(p) => format!(
                "{} of {}",
                super::timeline::format_count(p + 1),
                super::timeline::format_count(total)
            ),
            None => "Not among the events shown".to_owned(),
        },
    })
}

/// The slide for `at` among `order` (the events shown, in time order).
pub fn slide_for(timeline: &Timeline, order: &[usize], at: At) -> Slide {
    match at {
        At::Title => title_slide(timeline, order.len()),
        At::Event(i) => {
            let position = order.binary_search(&i).ok();
            event_slide(timeline, i, position, order.len())
                .unwrap_or_else(|| title_slide(timeline, order.len()))
        }
    }
}

/// Type sizes of a slide, in points, for a window `width` points wide: large enough to read from the back
/// of a room, smaller in a small window so a slide still fits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypeSizes {
    /// The heading.
    pub heading: f32,
    /// The date in words.
    pub date: f32,
    /// Quotes and the summary.
    pub text: f32,
    /// Lines of names, the source, the counter.
    pub small: f32,
}

impl TypeSizes {
    /// The sizes for a window `width` points wide.
    pub fn for_width(width: f32) -> Self {
        let scale = (width / 1400.0).clamp(0.6, 1.6);
        Self {
            heading: 46.0 * scale,
            date: 30.0 * scale,
            text: 26.0 * scale,
            small: 20.0 * scale,
        }
    }
}

/// Draws `slide` in `ui`, which it fills, in the theme's strongest text colours.
pub fn slide_ui(ui: &mut egui::Ui, slide: &Slide) {
    let sizes = TypeSizes::for_width(ui.available_width());
    let strong = ui.visuals().strong_text_color();
    let text = ui.visuals().text_color();
    let accent = super::palette::article_color(ui.visuals().dark_mode);
    let margin = (ui.available_width() * 0.06).clamp(16.0, 120.0);
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(margin as i8, 16))
        .show(ui, |ui| {
            ui.with_layout(Layout::top_down(Align::Min), |ui| {
                if let Some(tagline) = &slide.tagline {
                    ui.label(RichText::new(tagline).size(sizes.small).color(text));
                }
                ui.add(
                    egui::Label::new(
                        RichText::new(&slide.heading)
                            .size(sizes.heading)
                            .strong()
                            .color(strong),
                    )
                    .wrap(),
                );
                ui.add_space(sizes.small * 0.4);
                if let Some(date) = &slide.date {
                    ui.label(RichText::new(date).size(sizes.date).strong().color(strong));
                }
                if let Some(precision) = &slide.precision {
                    ui.label(RichText::new(precision).size(sizes.small).color(text));
                }
                for quote in &slide.quotes {
                    ui.add_space(sizes.small * 0.6);
                    ui.horizontal_top(|ui| {
                        let (bar, _) = ui.allocate_exact_size(
                            egui::vec2(5.0, sizes.text * 1.4),
                            egui::Sense::hover(),
                        );
                        ui.painter().rect_filled(bar, 2.0, accent);
                        ui.vertical(|ui| {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("“{}”", quote.text))
                                        .size(sizes.text)
                                        .italics()
                                        .color(strong),
                                )
                                .wrap(),
                            );
                            if let Some(speaker) = &quote.speaker {
                                ui.label(
                                    RichText::new(format!("— {speaker}"))
                                        .size(sizes.small)
                                        .color(text),
                                );
                            }
                        });
                    });
                }
                if let Some(summary) = &slide.summary {
                    ui.add_space(sizes.small * 0.6);
                    ui.add(
                        egui::Label::new(RichText::new(summary).size(sizes.text).color(strong))
                            .wrap(),
                    );
                }
                ui.add_space(sizes.small * 0.6);
                for line in [&slide.people, &slide.places, &slide.source]
                    .into_iter()
                    .flatten()
                {
                    ui.add(
                        egui::Label::new(RichText::new(line).size(sizes.small).color(strong))
                            .wrap(),
                    );
                }
            });
        });
}

/// The line at the foot of a slide: where it is, and the keys.
pub fn counter_ui(ui: &mut egui::Ui, slide: &Slide) {
    let sizes = TypeSizes::for_width(ui.available_width());
    ui.horizontal(|ui| {
        ui.add_space(16.0);
        ui.label(
            RichText::new(&slide.counter)
                .size(sizes.small * 0.8)
                .color(ui.visuals().text_color()),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.add_space(16.0);
            ui.label(
                RichText::new("← → step · Home: title · F11: full screen · Esc: leave")
                    .size(sizes.small * 0.7)
                    .weak(),
            );
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Timeline {
        crate::formats::builtin().unwrap()
    }

    #[test]
    fn stepping_goes_from_the_title_through_the_order_and_back() {
        let order = [2, 5, 9];
        assert_eq!(step(&order, At::Title, 1), At::Event(2));
        assert_eq!(step(&order, At::Event(2), 1), At::Event(5));
        assert_eq!(step(&order, At::Event(5), 1), At::Event(9));
        // The last stays the last.
        assert_eq!(step(&order, At::Event(9), 1), At::Event(9));
        assert_eq!(step(&order, At::Event(9), -1), At::Event(5));
        assert_eq!(step(&order, At::Event(2), -1), At::Title);
        assert_eq!(step(&order, At::Title, -1), At::Title);
        // An event filtered out meanwhile steps to its neighbours in time.
        assert_eq!(step(&order, At::Event(6), 1), At::Event(9));
        assert_eq!(step(&order, At::Event(6), -1), At::Event(5));
        assert_eq!(step(&order, At::Event(12), 1), At::Event(9));
        // Nothing shown: only the title slide.
        assert_eq!(step(&[], At::Title, 1), At::Title);
        assert_eq!(step(&[], At::Event(3), 1), At::Title);
    }

    #[test]
    fn the_title_slide_is_made_from_the_timelines_title_and_description() {
        let t = builtin();
        let slide = title_slide(&t, 22);
        assert_eq!(slide.heading, t.title);
        assert_eq!(slide.summary.as_deref(), Some(t.description.as_str()));
        // Who published it and when come before the headline, which is what gets cut.
        let source = slide.source.unwrap();
        let publisher = t.source.as_ref().unwrap().publisher.clone().unwrap();
        assert!(source.starts_with(&format!("From {publisher}")), "{source}");
        assert!(slide.counter.starts_with("22 events"), "{}", slide.counter);
        assert!(slide.date.is_none());
        let empty = title_slide(&Timeline::default(), 0);
        assert_eq!(empty.heading, "Untitled timeline");
        assert_eq!(empty.counter, "No events to show");
    }

    #[test]
    fn an_event_slide_says_the_date_in_words_its_precision_and_the_quote() {
        let t = builtin();
        let (at, event) = t
            .events
            .iter()
            .enumerate()
            .find(|(_, e)| !e.details_ref().quotes.is_empty())
            .expect("the built-in dataset quotes the article");
        let slide = event_slide(&t, at, Some(2), 22).unwrap();
        assert_eq!(slide.heading, event.title());
        assert_eq!(
            slide.date.as_deref(),
            Some(capitalize(&event.when.describe()).as_str())
        );
        assert!(slide.precision.as_deref().unwrap().contains("known to the"));
        assert_eq!(
            slide.quotes[0].text,
            event.details_ref().quotes[0].text.to_owned()
        );
        assert_eq!(slide.counter, "3 of 22");
        assert!(event_slide(&t, t.events.len(), None, 22).is_none());
        assert_eq!(
            event_slide(&t, at, None, 22).unwrap().counter,
            "Not among the events shown"
        );
    }

    #[test]
    fn long_texts_are_cut_to_what_a_slide_can_show() {
        let mut t = builtin();
        t.title = "Ш".repeat(5_000_000);
        t.description = "word ".repeat(2_000_000);
        let slide = title_slide(&t, 1);
        assert!(slide.heading.chars().count() <= HEADING_CHARS);
        assert!(slide.heading.ends_with(elide::ELLIPSIS));
        assert!(slide.summary.unwrap().chars().count() <= TEXT_CHARS);
    }

    #[test]
    fn type_is_large_and_grows_with_the_window() {
        let small = TypeSizes::for_width(800.0);
        let large = TypeSizes::for_width(2400.0);
        assert!(small.heading >= 27.0 && small.small >= 12.0);
        assert!(large.heading > small.heading);
        assert!(large.heading > large.date && large.date > large.text && large.text > large.small);
    }
}
