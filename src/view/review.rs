//! The review bar over the side panel while a drafted timeline has drafts left or mentions needing a
//! date: what is left, and for the selected draft its sentence and what to do with it (accept, reject,
//! edit, merge with the event before it). The buttons push commands; nothing changes here.

use crate::app::command::Command;
use crate::app::review::NeedsDate;
use crate::model::Timeline;
use crate::view::elide;

/// Shows the review bar: `drafts` left to review, whether `selected_is_draft`, and the mentions that need
/// a date (each can become an event).
pub fn review_bar(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    selected: Option<usize>,
    selected_is_draft: bool,
    drafts: usize,
    needs_date: &[NeedsDate],
    commands: &mut Vec<Command>,
) {
    if drafts == 0 && needs_date.is_empty() {
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(match drafts {
                0 => "Every draft is reviewed".to_owned(),
                1 => "1 draft to review".to_owned(),
                n => format!("{n} drafts to review"),
            });
            if drafts > 0 {
                if ui
                    .button("Next draft")
                    .on_hover_text("Select the next draft not yet reviewed (J)")
                    .clicked()
                {
                    commands.push(Command::NextDraft);
                }
                if ui
                    .button("Accept all")
                    .on_hover_text("Keep every draft left as it is")
                    .clicked()
                {
                    commands.push(Command::AcceptAllDrafts);
                }
            }
        });
        if let Some(at) = selected.filter(|_| selected_is_draft) {
            let event = &timeline.events[at];
            ui.label(format!(
                "Draft: {}, {}",
                elide::one_line(event.title(), 80),
                event.when.describe()
            ));
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button("Accept")
                    .on_hover_text("Keep this event (A)")
                    .clicked()
                {
                    commands.push(Command::AcceptDraft);
                }
                if ui
                    .button("Reject")
                    .on_hover_text("Delete this draft (R)")
                    .clicked()
                {
                    commands.push(Command::RejectDraft);
                }
                if ui
                    .button("Edit")
                    .on_hover_text("Change its title, date or anything else (E)")
                    .clicked()
                {
                    commands.push(Command::StartEditing);
                }
                if ui
                    .add_enabled(at > 0, egui::Button::new("Merge with previous"))
                    .on_hover_text(
                        "The event before this one in time is the same event: keep one, with both sentences",
                    )
                    .clicked()
                {
                    commands.push(Command::MergeWithPrevious);
                }
            });
        }
        if !needs_date.is_empty() {
            egui::CollapsingHeader::new(format!(
                "{} {} a date",
                needs_date.len(),
                if needs_date.len() == 1 {
                    "mention needs"
                } else {
                    "mentions need"
                }
            ))
            .id_salt("dateline-needs-date")
            .show(ui, |ui| {
                for (k, item) in needs_date.iter().enumerate().take(200) {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(elide::one_line(&item.describe, 80));
                        if ui
                            .small_button("Make an event")
                            .on_hover_text(elide::bounded(&item.sentence, 1_000))
                            .clicked()
                        {
                            commands.push(Command::DateMention(k));
                        }
                    });
                }
                if needs_date.len() > 200 {
                    ui.weak(format!("… and {} more", needs_date.len() - 200));
                }
            });
        }
    });
}

/// Offers to draft a timeline from the text file at `path`, which the person opened as if a timeline.
pub fn draft_offer_ui(ctx: &egui::Context, path: &std::path::Path, commands: &mut Vec<Command>) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let modal = egui::Modal::new(egui::Id::unique("dateline-draft-offer")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.heading(format!(
            "“{}” is a text, not a timeline",
            elide::one_line(&name, 60)
        ));
        ui.add_space(4.0);
        ui.label(
            "dateline can draft a timeline from it: it finds every date in the text and drafts one event per dated sentence, for you to review beside the text.",
        );
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Draft a timeline").clicked() {
                commands.push(Command::DraftFromText(path.to_owned()));
            }
            if ui.button("Cancel").on_hover_text("Keep the timeline on screen (Esc)").clicked() {
                commands.push(Command::DeclineDraft);
            }
        });
    });
    if modal.should_close() && commands.is_empty() {
        commands.push(Command::DeclineDraft);
    }
}
