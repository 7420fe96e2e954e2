//! The details panel: everything known about the selected event, and where it came from.

use egui::{Color32, RichText};

use super::elide;
use super::palette;
use crate::model::capitalize;
use crate::model::{Event, Provenance, Timeline};

/// The most characters of a summary, note, quote or list the panel lays out: far more than any real one
/// has, and few enough that a frame stays quick with a file's worth of text in one field.
const MAX_TEXT_CHARS: usize = 20_000;

/// The most characters of a name (a lane, a speaker, a source) the panel lays out.
const MAX_NAME_CHARS: usize = 500;

/// Shows the details of `event`; `file` is the timeline's file, which media paths are relative to.
pub fn details_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    event: &Event,
    file: Option<&std::path::Path>,
) {
    let dark = ui.visuals().dark_mode;
    let d = event.details();
    ui.add_space(4.0);
    provenance_badge(ui, event.provenance, dark);
    ui.add_space(4.0);
    // A title fills a few lines at most, however long it is; the rest is cut with an ellipsis.
    let heading_chars = 4 * elide::max_chars_for(ui.available_width(), 20.0);
    let title = elide::bounded(event.title(), heading_chars);
    let heading = ui.heading(title.as_ref());
    // Read as the panel's heading, not as one more label.
    ui.ctx().accesskit_node_builder(heading.id, |node| {
        node.set_role(egui::accesskit::Role::Heading);
        node.set_level(1);
        node.set_label(title.as_ref());
    });
    ui.add_space(2.0);
    ui.label(RichText::new(capitalize(&event.when.describe())).strong());
    let precision = match event.when.precision() {
        crate::model::Precision::Year => "known to the year",
        crate::model::Precision::Month => "known to the month",
        crate::model::Precision::Day => "known to the day",
    };
    ui.weak(format!("Date {precision} · {}", event.when));
    if let Some(text_date) = d.text_date {
        ui.label(format!("The article says: {}", text_date.describe()));
    }
    if let Some(note) = &d.note {
        ui.label(
            RichText::new(format!("Note: {}", elide::bounded(note, MAX_TEXT_CHARS))).italics(),
        );
    }
    ui.add_space(6.0);
    egui::Grid::new("details-facts")
        .num_columns(2)
        .spacing([8.0, 3.0])
        .show(ui, |ui| {
            ui.weak("Status");
            ui.label(event.status.words());
            ui.end_row();
            ui.weak("Lane");
            ui.label(elide::bounded(
                timeline.lane_label(event.lane),
                MAX_NAME_CHARS,
            ));
            ui.end_row();
            if event.tags().len() > 0 {
                ui.weak("Tags");
                let tags: Vec<&str> = event.tags().map(|t| timeline.tag_label(t)).collect();
                ui.label(elide::bounded(&tags.join(", "), MAX_TEXT_CHARS));
                ui.end_row();
            }
            if !d.people.is_empty() {
                ui.weak("People");
                ui.label(elide::bounded(&d.people.join(", "), MAX_TEXT_CHARS));
                ui.end_row();
            }
            if !d.places.is_empty() {
                ui.weak("Places");
                ui.label(elide::bounded(&d.places.join(", "), MAX_TEXT_CHARS));
                ui.end_row();
            }
        });
    if let Some(media) = &d.media {
        ui.add_space(8.0);
        super::media::media_ui(ui, media, file);
    }
    if !d.summary.is_empty() {
        ui.add_space(6.0);
        ui.label(elide::bounded(&d.summary, MAX_TEXT_CHARS));
    }
    if !d.quotes.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new("What the article says").strong());
        for quote in &d.quotes {
            quote_ui(
                ui,
                &quote.text,
                quote.speaker.as_deref(),
                palette::article_color(dark),
            );
        }
    }
    if !d.sources.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new("Sources").strong());
        for source in &d.sources {
            match &source.url {
                Some(url) => {
                    super::link::link_ui(ui, &elide::bounded(&source.label, MAX_NAME_CHARS), url);
                }
                None => {
                    ui.label(elide::bounded(&source.label, MAX_NAME_CHARS));
                }
            }
        }
    }
}

/// "From the article" or "Context", told apart by colour and words; nothing when the file does not say.
pub fn provenance_badge(ui: &mut egui::Ui, provenance: Provenance, dark: bool) {
    let (color, text) = match provenance {
        Provenance::Unstated => return,
        Provenance::Article => (palette::article_color(dark), "FROM THE ARTICLE"),
        Provenance::Context => (palette::context_color(dark), "CONTEXT"),
    };
    egui::Frame::new()
        .fill(color.gamma_multiply(0.18))
        .stroke(egui::Stroke::new(1.0, color))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(color).strong().small());
        })
        .response
        .on_hover_text(match provenance {
            Provenance::Unstated => "",
            Provenance::Article => {
                "The article states or clearly implies this event; its words are quoted below."
            }
            Provenance::Context => {
                "A sourced fact the article refers to without dating it, or that came after it."
            }
        });
}

fn quote_ui(ui: &mut egui::Ui, text: &str, speaker: Option<&str>, color: Color32) {
    let response = egui::Frame::new()
        .inner_margin(egui::Margin {
            left: 10,
            right: 4,
            top: 4,
            bottom: 4,
        })
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("“{}”", elide::bounded(text, MAX_TEXT_CHARS))).italics(),
            );
            if let Some(speaker) = speaker {
                ui.weak(format!("— {}", elide::bounded(speaker, MAX_NAME_CHARS)));
            }
        })
        .response;
    let rect = response.rect;
    ui.painter().vline(
        rect.left() + 3.0,
        rect.y_range().shrink(3.0),
        egui::Stroke::new(3.0, color),
    );
}
