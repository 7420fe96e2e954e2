//! The question asked before an export would replace a file that exists: it names the file, says
//! when it is the timeline on screen, and replaces nothing unless the person says so. The buttons push
//! [`Command::ConfirmReplace`] or [`Command::CancelReplace`].

use std::path::PathBuf;

use crate::app::command::Command;
use crate::app::export::ExportKind;
use crate::view::elide;

/// An export waiting for the person to say whether it may replace the file at `path`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplacePrompt {
    /// What the export writes.
    pub kind: ExportKind,
    /// The file that exists.
    pub path: PathBuf,
    /// Whether that file is the timeline on screen.
    pub is_open_file: bool,
    /// Whether this is Save As (the timeline is saved there and it becomes the open file), not an export.
    pub save_as: bool,
}

/// The longest a file name or folder is shown in the question, in characters.
const MAX_NAME_CHARS: usize = 120;

impl ReplacePrompt {
    /// The question, naming the file.
    pub fn question(&self) -> String {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        format!("Replace “{}”?", elide::one_line(&name, MAX_NAME_CHARS))
    }

    /// What replacing it means.
    pub fn consequence(&self) -> String {
        let folder = self
            .path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let folder = elide::one_line(&folder, MAX_NAME_CHARS);
        if self.is_open_file {
            format!(
                "It is the file of the timeline on screen, in {folder}. Replacing it writes {} in its \
                 place: whatever only its own format holds is lost.",
                self.kind.name()
            )
        } else {
            format!(
                "A file of that name already exists in {folder}. Replacing it overwrites what it holds \
                 with {}.",
                self.kind.name()
            )
        }
    }
}

/// Shows the question over the window, until one of its buttons (or Esc, which keeps the file) answers.
pub fn replace_prompt_ui(ctx: &egui::Context, prompt: &ReplacePrompt, commands: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("dateline-replace-prompt")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(prompt.question());
        ui.add_space(4.0);
        ui.label(prompt.consequence());
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let keep = ui
                .button("Cancel")
                .on_hover_text("Keep the file as it is (Esc)");
            if keep.clicked() {
                commands.push(Command::CancelReplace);
            }
            if ui
                .button("Replace")
                .on_hover_text("Overwrite the file with this export")
                .clicked()
            {
                commands.push(Command::ConfirmReplace);
            }
        });
    });
    if modal.should_close() && !commands.contains(&Command::ConfirmReplace) {
        commands.push(Command::CancelReplace);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_question_names_the_file_and_what_is_lost() {
        let prompt = ReplacePrompt {
            kind: ExportKind::Json,
            path: PathBuf::from("/home/ana/story.json"),
            is_open_file: true,
            save_as: false,
        };
        assert_eq!(prompt.question(), "Replace “story.json”?");
        assert!(prompt.consequence().contains("/home/ana"));
        assert!(prompt.consequence().contains("timeline on screen"));
        assert!(prompt.consequence().contains("dateline JSON"));
        let other = ReplacePrompt {
            is_open_file: false,
            ..prompt
        };
        assert!(other.consequence().contains("already exists"));
    }

    #[test]
    fn a_hostile_name_is_shown_on_one_bounded_line() {
        let prompt = ReplacePrompt {
            kind: ExportKind::Csv,
            path: PathBuf::from(format!("/tmp/a\nb{}.csv", "x".repeat(10_000))),
            is_open_file: false,
            save_as: false,
        };
        let question = prompt.question();
        assert!(!question.contains('\n'));
        assert!(question.chars().count() < 140, "{question}");
    }
}
