//! The source text beside the timeline, read and worked on in place. The passages events quote are
//! highlighted in their lane's colour: clicking one selects its event, and selecting an event scrolls
//! the text to its passage and flashes it. Every temporal expression the finder found is underlined in
//! the colour of what it was understood to be (a date, a date still needed, or neither), with what was
//! understood on hover. Words can be selected and copied, and made into an event for a date the drafting
//! missed ("Make an event from the selection", the selection's context menu, or M).
//!
//! A long text (a book) costs a frame only the paragraphs in view: each paragraph is laid out by itself
//! when it comes near the view, the others stand at estimated heights (see [`super::text_heights`]).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use egui::{Color32, RichText, Sense};

mod column;

use super::elide;
use super::memo;
use super::palette;
use super::paragraphs;
use super::text_heights::Heights;
use crate::app::command::Command;
use crate::draft::{self, Mention, words};
use crate::explore::text_match::QuoteSpan;
use crate::model::{QuoteRef, Timeline};

/// How long a passage flashes after its event is selected, in seconds.
pub const FLASH_SECS: f64 = 1.2;

/// The space between two paragraphs, in points.
const PARAGRAPH_GAP: f32 = 8.0;

/// The label of the button (and the context menu's entry) that makes an event from the selection.
pub const MAKE_EVENT: &str = "Make an event from the selection";

/// Tells one text from another, so what was laid out or selected in one is not taken for another's.
static TEXT_IDS: AtomicU64 = AtomicU64::new(1);

/// The source text, where its quotes are and what the finder found in it.
#[derive(Clone, Debug, Default)]
pub struct SourceTextView {
    /// The file the text was read from.
    pub path: PathBuf,
    /// The text.
    pub text: String,
    /// The quoted passages, in order.
    pub spans: Vec<QuoteSpan>,
    /// Every temporal expression the finder found in the text, in order, anchored to its dates.
    pub mentions: Vec<Mention>,
    /// The date the text says it was written, when it says.
    pub published: Option<NaiveDate>,
    /// The paragraphs the panel lays out one at a time (byte ranges).
    pub paragraphs: Vec<(usize, usize)>,
    /// Tells this text from any other; kept when its passages are found again after an edit.
    pub text_id: u64,
}

impl SourceTextView {
    /// Takes `text`, read from `path`: finds the quotes of `timeline` in it, and its temporal
    /// expressions, anchored to the date the text states for itself.
    pub fn new(path: PathBuf, text: String, timeline: &Timeline) -> Self {
        let published = draft::published::stated(&text);
        let mentions = draft::mentions(&text, published);
        Self::with_mentions(path, text, timeline, mentions, published)
    }

    /// Takes `text`, read from `path`, with the temporal expressions already found in it (by the
    /// drafting), and finds the quotes of `timeline` in it.
    pub fn with_mentions(
        path: PathBuf,
        text: String,
        timeline: &Timeline,
        mentions: Vec<Mention>,
        published: Option<NaiveDate>,
    ) -> Self {
        let spans = crate::explore::text_match::locate_quotes(&text, timeline);
        let paragraphs = paragraphs::paragraphs(&text);
        Self {
            path,
            text,
            spans,
            mentions,
            published,
            paragraphs,
            text_id: TEXT_IDS.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The same text with the quotes of `timeline` found again (after an edit): what the finder found
    /// and how the text is laid out stay.
    #[must_use]
    pub fn relocated(mut self, timeline: &Timeline) -> Self {
        self.spans = crate::explore::text_match::locate_quotes(&self.text, timeline);
        self
    }

    /// The file's name, for the panel's heading.
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The first passage that `event` quotes.
    pub fn span_of(&self, event: usize) -> Option<&QuoteSpan> {
        self.spans.iter().find(|s| s.events.contains(&event))
    }

    /// The paragraph that holds byte `at` (the next one, when `at` lies between two).
    pub fn paragraph_of(&self, at: usize) -> Option<usize> {
        let k = self.paragraphs.partition_point(|p| p.1 <= at);
        (k < self.paragraphs.len()).then_some(k)
    }

    /// What the finder understood in mention `m`, in words.
    pub fn understood(&self, m: usize) -> String {
        self.mentions.get(m).map_or_else(String::new, |mention| {
            words::understood(
                mention,
                self.text
                    .get(mention.start..mention.end)
                    .unwrap_or_default(),
            )
        })
    }
}

/// What the text panel keeps between frames: where its paragraphs stand, the words selected, and which
/// paragraph has the keyboard.
#[derive(Clone, Debug, Default)]
pub struct TextPanelState {
    /// What `heights` were worked out for: the text, the width and the row height (their bits).
    layout_key: Option<(u64, u32, u32)>,
    heights: Heights,
    /// The text `line_chars` and `line_starts` are of.
    lines_of: Option<u64>,
    /// The characters of each line of each paragraph, one after the other.
    line_chars: Vec<u32>,
    /// Where each paragraph's lines start in `line_chars`; one more entry for the end.
    line_starts: Vec<u32>,
    /// The words selected: the text's id and the bytes.
    selection: Option<(u64, usize, usize)>,
    /// The paragraph that had the keyboard last.
    focused: Option<egui::Id>,
    /// A scroll offset to go to on the next frame.
    scroll_to: Option<f32>,
}

impl TextPanelState {
    /// The words selected in `text` (bytes), when there are.
    pub fn selection(&self, text: &SourceTextView) -> Option<(usize, usize)> {
        self.selection
            .filter(|s| s.0 == text.text_id)
            .map(|s| (s.1, s.2))
    }

    /// Forgets the selection.
    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// The paragraph of the text that has the keyboard, if one has. The text cannot be typed into, so
    /// the window's shortcuts still apply there (except the keys that move in the text).
    pub fn keyboard(&self, ctx: &egui::Context) -> Option<egui::Id> {
        self.focused.filter(|&id| ctx.memory(|m| m.has_focus(id)))
    }
}

/// What the text panel shows: the text and its marks, what is selected, and how far into its flash
/// the selected passage is.
pub struct TextPanel<'a> {
    /// The timeline whose events quote the text.
    pub timeline: &'a Timeline,
    /// The text.
    pub text: &'a SourceTextView,
    /// The selected event.
    pub selected: Option<usize>,
    /// Scroll to the selected event's passage.
    pub reveal: bool,
    /// How far into the flash of the selected passage we are (0 → 1), while it flashes.
    pub flash: Option<f32>,
}

/// Shows the text with its marked passages and expressions, and the buttons above it.
pub fn text_ui(
    ui: &mut egui::Ui,
    panel: &TextPanel<'_>,
    state: &mut TextPanelState,
    commands: &mut Vec<Command>,
) {
    let text = panel.text;
    let selection = state.selection(text);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Close text")
            .on_hover_text("Stop showing this text beside the timeline")
            .clicked()
        {
            commands.push(Command::CloseText);
        }
        let make = ui
            .add_enabled(selection.is_some(), egui::Button::new(MAKE_EVENT))
            .on_hover_text(
                "A new event whose quote is the sentence around the words selected, dated by what \
                 they say when the finder reads a date there (M)",
            )
            .on_disabled_hover_text(
                "Select words in the text (a date the drafting missed, say) to make an event from them",
            );
        if make.clicked()
            && let Some((start, end)) = selection
        {
            commands.push(Command::EventFromText { start, end });
        }
    });
    let linked = match text.spans.len() {
        1 => "1 passage linked to events".to_owned(),
        n => format!("{n} passages linked to events"),
    };
    let found = match text.mentions.len() {
        1 => "1 expression of time found".to_owned(),
        n => format!("{n} expressions of time found"),
    };
    let name = text.name();
    let room = elide::max_chars_for(ui.available_width(), 12.0);
    ui.add(
        egui::Label::new(
            RichText::new(elide::one_line(
                &format!("{name} — {linked} · {found}"),
                room,
            ))
            .weak(),
        )
        .truncate(),
    )
    .on_hover_text(elide::one_line(&text.path.display().to_string(), 400));
    ui.separator();
    let mut area = egui::ScrollArea::vertical()
        .id_salt("dateline-source-text")
        .auto_shrink([false, false]);
    if let Some(y) = state.scroll_to.take() {
        area = area.vertical_scroll_offset(y.max(0.0));
    }
    area.show_viewport(ui, |ui, viewport| {
        column::paragraphs_ui(ui, viewport, panel, state, commands);
    });
}

/// Up to this many passages are shown whole, wrapped and highlighted as in the full text; a timeline with
/// more shows one line each, laying out only the rows in view.
const MAX_WRAPPED_PASSAGES: usize = 400;

/// Without a source text: the passages the timeline quotes, highlighted in their events' colours as in
/// the full text; a click selects the passage's event, and selecting an event scrolls to its passage. A
/// line says where the whole text can be read, and how to open it here. Which events have quotes is found
/// once per index (`index_generation`), not every frame.
pub fn quotes_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    index_generation: u64,
    selected: Option<usize>,
    reveal: bool,
    commands: &mut Vec<Command>,
) {
    let source = timeline.source.as_ref();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        match source {
            Some(source) => {
                ui.weak(format!(
                    "The text of “{}” is not part of this timeline. These are the passages its events quote, in the text's order.",
                    elide::one_line(&source.title, 200)
                ));
                if let Some(url) = &source.url {
                    super::link::link_ui(ui, "Read the whole text", url);
                }
            }
            None => {
                ui.weak("This timeline has no source text. These are the passages its events quote.");
            }
        }
    });
    ui.weak("To read them in place, open the text with File → Open text… or dateline --text FILE.");
    ui.separator();
    let quotes = memo::memoized(
        ui.ctx(),
        egui::Id::unique("dateline-quotes"),
        index_generation,
        || quote_rows(timeline),
    );
    if quotes.is_empty() {
        ui.weak("No event quotes its source.");
        return;
    }
    if quotes.len() <= MAX_WRAPPED_PASSAGES {
        passages_ui(ui, timeline, &quotes, selected, reveal, commands);
    } else {
        passage_lines_ui(ui, timeline, &quotes, selected, commands);
    }
}

/// Every passage whole, wrapped, on its event's lane colour, with who said it.
fn passages_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    quotes: &[(u32, u16)],
    selected: Option<usize>,
    reveal: bool,
    commands: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for &(i, q) in quotes {
                let index = i as usize;
                let event = &timeline.events[index];
                let details = event.details_ref();
                let Some(&QuoteRef { text, speaker, .. }) = details.quotes.get(usize::from(q))
                else {
                    continue;
                };
                let is_selected = selected == Some(index);
                let color = palette::series_color(usize::from(event.lane.0), dark);
                let alpha = if is_selected { 0.35 } else { 0.14 };
                let mut rich = RichText::new(format!("“{}”", elide::bounded(text, 5_000)))
                    .background_color(color.gamma_multiply(alpha));
                if is_selected {
                    rich = rich.underline();
                }
                let response = ui
                    .add(egui::Label::new(rich).wrap().sense(Sense::click()))
                    .on_hover_text(format!("Quoted by: {}", elide::bounded(event.title(), 300)))
                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                if response.clicked() {
                    commands.push(Command::SelectAndReveal(index));
                }
                if is_selected && reveal {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
                let said = match speaker {
                    Some(speaker) => format!(
                        "— {} · {}",
                        elide::one_line(speaker, 100),
                        event.when.short_label()
                    ),
                    None => event.when.short_label(),
                };
                ui.weak(said);
                ui.add_space(6.0);
            }
        });
}

/// One line per passage (the whole passage on hover), laying out only the rows in view.
fn passage_lines_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    quotes: &[(u32, u16)],
    selected: Option<usize>,
    commands: &mut Vec<Command>,
) {
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let room = elide::max_chars_for(ui.available_width(), row_height - 4.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, quotes.len(), |ui, range| {
            for &(i, q) in &quotes[range] {
                let event = &timeline.events[i as usize];
                let details = event.details_ref();
                let Some(&QuoteRef { text, .. }) = details.quotes.get(usize::from(q)) else {
                    continue;
                };
                let rich = RichText::new(format!("“{}”", elide::one_line(text, room))).italics();
                let rich = if selected == Some(i as usize) {
                    rich.color(ui.visuals().strong_text_color())
                        .background_color(Color32::from_gray(128).gamma_multiply(0.2))
                } else {
                    rich
                };
                if ui
                    .add(egui::Label::new(rich).sense(Sense::click()))
                    .on_hover_text(format!(
                        "“{}”\n— {}",
                        elide::bounded(text, 2_000),
                        elide::bounded(event.title(), 500)
                    ))
                    .clicked()
                {
                    commands.push(Command::SelectAndReveal(i as usize));
                }
            }
        });
}

/// Every quote as (event, quote within the event): in the source text's order where the quotes say where
/// they are in it, the others after them in timeline order.
fn quote_rows(timeline: &Timeline) -> Vec<(u32, u16)> {
    let mut rows: Vec<(Option<u32>, u32, u16)> = timeline
        .events
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            let d = e.details_ref();
            let ats: Vec<Option<u32>> = d
                .quotes
                .iter()
                .take(usize::from(u16::MAX))
                .map(|q| q.at)
                .collect();
            ats.into_iter()
                .enumerate()
                .map(move |(q, at)| (at, i as u32, q as u16))
        })
        .collect();
    // Placed quotes first, by place; a stable sort keeps the rest in timeline order.
    rows.sort_by_key(|&(at, _, _)| at.map_or((1, 0), |at| (0, at)));
    rows.into_iter().map(|(_, i, q)| (i, q)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpec, DetailsRef, Event};

    fn quoted(id: &str, date: &str, quotes: &[(&str, Option<u32>)]) -> Event {
        let details = DetailsRef {
            quotes: quotes
                .iter()
                .map(|&(text, at)| QuoteRef {
                    text,
                    speaker: None,
                    at,
                })
                .collect(),
            ..DetailsRef::default()
        };
        Event::new(id, id, DateSpec::parse(date).unwrap(), &[], &details)
    }

    #[test]
    fn passages_come_in_the_texts_order_where_it_is_known() {
        let timeline = Timeline {
            events: vec![
                quoted(
                    "a",
                    "1974",
                    &[("first in time, late in the text", Some(900))],
                ),
                quoted(
                    "b",
                    "2000",
                    &[("unplaced", None), ("early in the text", Some(10))],
                ),
                quoted("c", "2015", &[("middle", Some(400))]),
                quoted("d", "2020", &[("also unplaced", None)]),
            ],
            ..Timeline::default()
        };
        assert_eq!(
            quote_rows(&timeline),
            [(1, 1), (2, 0), (0, 0), (1, 0), (3, 0)]
        );
    }
}
