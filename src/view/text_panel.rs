//! The source text beside the timeline: the passages events quote are highlighted in their lane's colour;
//! clicking one selects its event, and selecting an event scrolls the text to its passage and flashes it.

use std::path::PathBuf;

use egui::{Color32, RichText, Sense};

use super::elide;
use super::memo;
use super::palette;
use crate::app::command::Command;
use crate::explore::text_match::QuoteSpan;
use crate::model::{QuoteRef, Timeline};

/// How long a passage flashes after its event is selected, in seconds.
pub const FLASH_SECS: f64 = 1.2;

/// The source text and where its quotes are.
#[derive(Clone, Debug, Default)]
pub struct SourceTextView {
    /// The file the text was read from.
    pub path: PathBuf,
    /// The text.
    pub text: String,
    /// The quoted passages, in order.
    pub spans: Vec<QuoteSpan>,
}

impl SourceTextView {
    /// Takes `text`, read from `path`, and finds the quotes of `timeline` in it.
    pub fn new(path: PathBuf, text: String, timeline: &Timeline) -> Self {
        let spans = crate::explore::text_match::locate_quotes(&text, timeline);
        Self { path, text, spans }
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
}

/// Shows the text with its highlighted passages. `flash` is how far into the flash of the selected
/// passage we are (0 → 1), when it is flashing; `reveal` scrolls to the selected passage.
pub fn text_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    text: &SourceTextView,
    selected: Option<usize>,
    reveal: bool,
    flash: Option<f32>,
    commands: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        if ui
            .button("Close text")
            .on_hover_text("Stop showing this text beside the timeline")
            .clicked()
        {
            commands.push(Command::CloseText);
        }
        let linked = match text.spans.len() {
            1 => "1 passage linked to events".to_owned(),
            n => format!("{n} passages linked to events"),
        };
        let name = text.name();
        let room = elide::max_chars_for(ui.available_width(), 12.0);
        ui.add(
            egui::Label::new(
                RichText::new(elide::one_line(&format!("{name} — {linked}"), room)).weak(),
            )
            .truncate(),
        )
        .on_hover_text(elide::one_line(&text.path.display().to_string(), 400));
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut spans = text.spans.iter().peekable();
            let mut pos = 0;
            for paragraph in text.text.split('\n') {
                let par_start = pos;
                let par_end = pos + paragraph.len();
                pos = par_end + 1;
                if paragraph.trim().is_empty() {
                    ui.add_space(6.0);
                    continue;
                }
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 0.0;
                    let mut at = par_start;
                    while at < par_end {
                        // Skip spans that ended before this point.
                        while spans.peek().is_some_and(|s| s.end <= at) {
                            spans.next();
                        }
                        match spans.peek() {
                            Some(span) if span.start <= at => {
                                let end = span.end.min(par_end);
                                let first = span.events[0];
                                let lane = timeline.events[first].lane.0 as usize;
                                let is_selected = selected
                                    .and_then(|s| text.span_of(s))
                                    .is_some_and(|s| s.start == span.start);
                                let color = palette::series_color(lane, dark);
                                let alpha = match (is_selected, flash) {
                                    (true, Some(f)) => 0.35 + 0.55 * (1.0 - f),
                                    (true, None) => 0.35,
                                    (false, _) => 0.14,
                                };
                                let mut rich = RichText::new(&text.text[at..end])
                                    .background_color(color.gamma_multiply(alpha));
                                if is_selected {
                                    rich = rich.underline();
                                }
                                let r = ui.add(egui::Label::new(rich).sense(Sense::click()));
                                let titles: Vec<_> = span
                                    .events
                                    .iter()
                                    .map(|&e| elide::bounded(timeline.events[e].title(), 300))
                                    .collect();
                                let r = r
                                    .on_hover_text(format!("Quoted by: {}", titles.join("; ")))
                                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                                if r.clicked() {
                                    let next = match selected
                                        .and_then(|s| span.events.iter().position(|&e| e == s))
                                    {
                                        Some(k) => span.events[(k + 1) % span.events.len()],
                                        None => first,
                                    };
                                    commands.push(Command::SelectAndReveal(next));
                                }
                                if is_selected && reveal {
                                    r.scroll_to_me(Some(egui::Align::Center));
                                }
                                at = end;
                            }
                            Some(span) => {
                                let end = span.start.min(par_end);
                                ui.label(&text.text[at..end]);
                                at = end;
                            }
                            None => {
                                ui.label(&text.text[at..par_end]);
                                at = par_end;
                            }
                        }
                    }
                });
            }
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
