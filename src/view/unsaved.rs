//! The questions asked so that no edit is lost: before something would drop unsaved changes ("Save the
//! changes to “story.json” before closing?"), and at launch when a recovery copy of the last session's
//! unsaved changes is there. The buttons push commands; nothing changes here.

use crate::app::command::Command;
use crate::view::elide;

/// An answer to "save the changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Save them, then go on.
    Save,
    /// Go on without them.
    Discard,
    /// Stay, changing nothing.
    Cancel,
}

/// Asks whether to save the changes to `name` before `doing` ("before closing").
pub fn unsaved_prompt_ui(
    ctx: &egui::Context,
    name: &str,
    doing: &str,
    commands: &mut Vec<Command>,
) {
    let modal = egui::Modal::new(egui::Id::unique("dateline-unsaved-prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(format!(
            "Save the changes to “{}” {doing}?",
            elide::one_line(name, 80)
        ));
        ui.add_space(4.0);
        ui.label("Changes you do not save are lost.");
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                commands.push(Command::AnswerUnsaved(Answer::Save));
            }
            if ui
                .button("Discard")
                .on_hover_text("Go on without the changes")
                .clicked()
            {
                commands.push(Command::AnswerUnsaved(Answer::Discard));
            }
            if ui
                .button("Cancel")
                .on_hover_text("Keep editing (Esc)")
                .clicked()
            {
                commands.push(Command::AnswerUnsaved(Answer::Cancel));
            }
        });
    });
    if modal.should_close() && commands.is_empty() {
        commands.push(Command::AnswerUnsaved(Answer::Cancel));
    }
}

/// Offers to restore the unsaved changes the last session left in a recovery copy of `name`.
pub fn recovery_prompt_ui(
    ctx: &egui::Context,
    name: &str,
    written: &str,
    commands: &mut Vec<Command>,
) {
    egui::Modal::new(egui::Id::unique("dateline-recovery-prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("Restore unsaved changes?");
        ui.add_space(4.0);
        ui.label(format!(
            "dateline was closed with unsaved changes to “{}”{written}. A copy of them was kept.",
            elide::one_line(name, 80)
        ));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button("Restore")
                .on_hover_text("Open the changed timeline, unsaved")
                .clicked()
            {
                commands.push(Command::RestoreRecovery);
            }
            if ui
                .button("Discard")
                .on_hover_text("Delete the copy")
                .clicked()
            {
                commands.push(Command::DiscardRecovery);
            }
        });
    });
}
