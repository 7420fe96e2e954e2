//! The File menu and its file dialogs (`egui_file`, drawn by egui itself, so they work the same on X11,
//! Wayland and in tests). The menu and the dialogs change nothing themselves: they push
//! [`Command`]s (`Open`, `OpenText`, `ExportJson`, …) that the app applies after the frame.

use std::path::{Path, PathBuf};

use egui_file::FileDialog;

use crate::app::command::Command;
use crate::app::export::{ExportKind, with_extension};

/// What a file dialog is choosing a file for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    /// A timeline to open.
    Open,
    /// A source text to show beside the timeline.
    OpenText,
    /// A text to draft a timeline from.
    DraftFromText,
    /// Where to write an export.
    Export(ExportKind),
    /// Where to save the timeline as dateline JSON.
    SaveAs,
}

/// The file dialog that is open, if any.
#[derive(Default)]
pub struct FileDialogs {
    current: Option<(DialogPurpose, FileDialog)>,
}

impl std::fmt::Debug for FileDialogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileDialogs")
            .field("purpose", &self.purpose())
            .finish()
    }
}

impl FileDialogs {
    /// Opens a dialog for `purpose` in the middle of the window, showing the folder `folder` (the current
    /// folder without one); save dialogs start with `file_name` (with its extension) filled in.
    pub fn open(
        &mut self,
        ctx: &egui::Context,
        purpose: DialogPurpose,
        folder: Option<&Path>,
        file_name: &str,
    ) {
        let size = egui::vec2(640.0, 460.0);
        let corner = ctx.content_rect().center() - size / 2.0;
        let mut dialog = match purpose {
            DialogPurpose::Open => FileDialog::open_file().title("Open a timeline"),
            DialogPurpose::OpenText => FileDialog::open_file().title("Open a source text"),
            DialogPurpose::DraftFromText => {
                FileDialog::open_file().title("Draft a timeline from a text")
            }
            DialogPurpose::SaveAs => FileDialog::save_file()
                .title("Save as dateline JSON")
                .default_filename(file_name),
            DialogPurpose::Export(kind) => FileDialog::save_file()
                .title(match kind {
                    ExportKind::Json => "Export as dateline JSON",
                    ExportKind::Csv => "Export as CSV",
                    ExportKind::Png => "Export the view as PNG",
                    ExportKind::TimelineJs => "Export as TimelineJS (to publish on the web)",
                    ExportKind::Markwhen => "Export as Markwhen",
                    ExportKind::FigureSvg(_) => "Export the whole timeline as SVG",
                    ExportKind::FigurePng(_) => "Export the whole timeline as PNG",
                })
                .default_filename(file_name),
        }
        .id(egui::Id::unique("dateline-file-dialog"))
        .default_size(size)
        .default_pos(corner.max(egui::Pos2::ZERO))
        .show_rename(false)
        .show_new_folder(matches!(
            purpose,
            DialogPurpose::Export(_) | DialogPurpose::SaveAs
        ));
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            dialog = dialog.initial_path(folder);
        }
        dialog.open();
        self.current = Some((purpose, dialog));
    }

    /// What the open dialog is for, when one is open.
    pub fn purpose(&self) -> Option<DialogPurpose> {
        self.current.as_ref().map(|(p, _)| *p)
    }

    /// Whether a dialog is open (it then takes the keyboard).
    pub fn is_open(&self) -> bool {
        self.current.is_some()
    }

    /// Shows the open dialog; when a file is chosen, pushes the command for it and closes the dialog.
    pub fn show(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some((purpose, dialog)) = &mut self.current else {
            return;
        };
        let chosen = dialog.show(ctx).selected().then(|| dialog.path()).flatten();
        if let Some(path) = chosen {
            commands.push(command_for(*purpose, path));
            if *purpose == DialogPurpose::OpenText {
                commands.push(Command::SetTab(crate::app::persist::SideTab::Text));
            }
        }
        if !matches!(dialog.state(), egui_file::State::Open) {
            self.current = None;
        }
    }
}

/// The command that does what a dialog was opened for with the chosen `path`. Exports get their
/// extension when the name has none.
pub fn command_for(purpose: DialogPurpose, path: &Path) -> Command {
    match purpose {
        DialogPurpose::Open => Command::Open(path.to_owned()),
        DialogPurpose::OpenText => Command::OpenText(path.to_owned()),
        DialogPurpose::DraftFromText => Command::DraftFromText(path.to_owned()),
        DialogPurpose::SaveAs => Command::SaveAs(path.to_owned()),
        DialogPurpose::Export(kind) => {
            let path = with_extension(path, kind.extension());
            match kind {
                ExportKind::Json => Command::ExportJson(path),
                ExportKind::Csv => Command::ExportCsv(path),
                ExportKind::Png => Command::ExportPng(path),
                ExportKind::TimelineJs => Command::ExportTimelineJs(path),
                ExportKind::Markwhen => Command::ExportMarkwhen(path),
                ExportKind::FigureSvg(_) | ExportKind::FigurePng(_) => {
                    Command::ExportFigure(kind, path)
                }
            }
        }
    }
}

/// What the File menu needs to know about the app.
#[derive(Debug)]
pub struct FileMenu<'a> {
    /// Recently opened timelines, most recent first.
    pub recent: &'a [PathBuf],
    /// The open timeline file; `None` for the built-in dataset.
    pub file: Option<&'a Path>,
    /// Whether a source text is open beside the timeline.
    pub text_open: bool,
    /// Whether there are unsaved changes.
    pub dirty: bool,
    /// Whether Save writes over the open file (it is dateline JSON).
    pub saves_in_place: bool,
}

impl FileMenu<'_> {
    /// The folder dialogs start in: the open file's.
    fn folder(&self) -> Option<&Path> {
        self.file.and_then(Path::parent)
    }

    /// Opens the save dialog for an export, proposing a name that is never the open file's own.
    fn export_dialog(&self, ctx: &egui::Context, dialogs: &mut FileDialogs, kind: ExportKind) {
        let name = crate::app::export::proposed_export_name(self.file, kind);
        dialogs.open(ctx, DialogPurpose::Export(kind), self.folder(), &name);
    }
}

/// The label of a recent file in the menu: its name, then its folder.
pub fn recent_label(path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => format!("{name} — {}", folder.display()),
        None => name,
    }
}

/// The figure exports in the Export menu: the width, whether only the visible range, and the two
/// formats. The choice is kept in egui's memory for the session.
fn figure_menu_ui(ui: &mut egui::Ui, menu: &FileMenu<'_>, dialogs: &mut FileDialogs) {
    use crate::app::export::{FIGURE_WIDTHS, FigureChoice};
    let id = egui::Id::unique("dateline-figure-choice");
    let mut choice: FigureChoice = ui.data_mut(|d| *d.get_temp_mut_or_default(id));
    egui::ComboBox::from_label("Figure width")
        .selected_text(format!("{} px", choice.width))
        .show_ui(ui, |ui| {
            for width in FIGURE_WIDTHS {
                ui.selectable_value(&mut choice.width, width, format!("{width} px"));
            }
        });
    ui.checkbox(&mut choice.visible_only, "Only the visible range");
    ui.data_mut(|d| d.insert_temp(id, choice));
    if ui
        .button("Whole timeline as SVG…")
        .on_hover_text(
            "A figure for reports: title, source, legend, axis and every label that fits",
        )
        .clicked()
    {
        menu.export_dialog(ui.ctx(), dialogs, ExportKind::FigureSvg(choice));
    }
    if ui
        .button("Whole timeline as PNG…")
        .on_hover_text("The same figure as a PNG picture of the width chosen")
        .clicked()
    {
        menu.export_dialog(ui.ctx(), dialogs, ExportKind::FigurePng(choice));
    }
}

/// The File menu's contents.
pub fn file_menu_ui(
    ui: &mut egui::Ui,
    menu: &FileMenu<'_>,
    dialogs: &mut FileDialogs,
    commands: &mut Vec<Command>,
) {
    if ui
        .button("Open…          Ctrl+O")
        .on_hover_text("Open a timeline: dateline JSON or CSV, TimelineJS JSON or spreadsheet CSV")
        .clicked()
    {
        dialogs.open(ui.ctx(), DialogPurpose::Open, menu.folder(), "");
    }
    ui.add_enabled_ui(!menu.recent.is_empty(), |ui| {
        ui.menu_button("Open recent", |ui| {
            for path in menu.recent {
                let exists = path.is_file();
                let response = ui
                    .add_enabled(exists, egui::Button::new(recent_label(path)))
                    .on_hover_text(path.display().to_string())
                    .on_disabled_hover_text(format!("{} no longer exists", path.display()));
                if response.clicked() {
                    commands.push(Command::Open(path.clone()));
                }
            }
            ui.separator();
            if ui.button("Clear the list").clicked() {
                commands.push(Command::ClearRecent);
            }
        });
    });
    if ui
        .add_enabled(
            menu.file.is_some(),
            egui::Button::new("Built-in article timeline"),
        )
        .on_hover_text("The Kazakhstan–US article's timeline that dateline opens with")
        .on_disabled_hover_text("It is the timeline on screen")
        .clicked()
    {
        commands.push(Command::OpenBuiltin);
    }
    if ui
        .add_enabled(menu.file.is_some(), egui::Button::new("Reload"))
        .on_hover_text(
            "Read the open file again (it also reloads by itself when it changes on disk)",
        )
        .clicked()
    {
        commands.push(Command::Reload);
    }
    ui.separator();
    if ui
        .button("Draft from text…")
        .on_hover_text(
            "Find every date in a text (plain, Markdown or HTML) and draft one event per dated sentence, to review beside the text",
        )
        .clicked()
    {
        dialogs.open(ui.ctx(), DialogPurpose::DraftFromText, menu.folder(), "");
    }
    if ui
        .button("Open text…")
        .on_hover_text("Open the source text to read beside the timeline")
        .clicked()
    {
        dialogs.open(ui.ctx(), DialogPurpose::OpenText, menu.folder(), "");
    }
    if ui
        .add_enabled(menu.text_open, egui::Button::new("Close text"))
        .on_hover_text("Stop showing the source text beside this timeline")
        .clicked()
    {
        commands.push(Command::CloseText);
    }
    ui.separator();
    let save = if menu.saves_in_place {
        "Save           Ctrl+S"
    } else {
        "Save…          Ctrl+S"
    };
    if ui
        .add_enabled(menu.dirty || !menu.saves_in_place, egui::Button::new(save))
        .on_hover_text(if menu.saves_in_place {
            "Write the changes to the open dateline JSON file"
        } else {
            "Choose where to save this timeline as dateline JSON (the built-in dataset, TimelineJS and CSV files are not written over)"
        })
        .clicked()
    {
        commands.push(Command::Save);
    }
    if ui.button("Save as…       Ctrl+Shift+S").clicked() {
        let name = crate::app::export::proposed_export_name(menu.file, ExportKind::Json);
        dialogs.open(ui.ctx(), DialogPurpose::SaveAs, menu.folder(), &name);
    }
    ui.separator();
    ui.menu_button("Export", |ui| {
        if ui.button("dateline JSON…").clicked() {
            menu.export_dialog(ui.ctx(), dialogs, ExportKind::Json);
        }
        if ui.button("CSV…").clicked() {
            menu.export_dialog(ui.ctx(), dialogs, ExportKind::Csv);
        }
        if ui
            .button("TimelineJS…")
            .on_hover_text("A file Knight Lab's TimelineJS 3 shows on a web page as it is")
            .clicked()
        {
            menu.export_dialog(ui.ctx(), dialogs, ExportKind::TimelineJs);
        }
        if ui
            .button("Markwhen…")
            .on_hover_text(
                "A Markwhen text file (.mw); what Markwhen cannot say is kept in properties",
            )
            .clicked()
        {
            menu.export_dialog(ui.ctx(), dialogs, ExportKind::Markwhen);
        }
        ui.separator();
        figure_menu_ui(ui, menu, dialogs);
    });
    if ui
        .button("Export view as PNG…")
        .on_hover_text("A picture of the timeline as it is on screen")
        .clicked()
    {
        menu.export_dialog(ui.ctx(), dialogs, ExportKind::Png);
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        commands.push(Command::Quit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_file_becomes_the_right_command() {
        let p = Path::new("/tmp/x");
        assert_eq!(
            command_for(DialogPurpose::Open, p),
            Command::Open(p.to_owned())
        );
        assert_eq!(
            command_for(DialogPurpose::OpenText, p),
            Command::OpenText(p.to_owned())
        );
        assert_eq!(
            command_for(DialogPurpose::Export(ExportKind::Csv), p),
            Command::ExportCsv(PathBuf::from("/tmp/x.csv"))
        );
        assert_eq!(
            command_for(
                DialogPurpose::Export(ExportKind::Png),
                Path::new("/tmp/v.png")
            ),
            Command::ExportPng(PathBuf::from("/tmp/v.png"))
        );
    }

    #[test]
    fn recent_labels_name_the_file_then_its_folder() {
        assert_eq!(recent_label(Path::new("/a/b/t.json")), "t.json — /a/b");
        assert_eq!(recent_label(Path::new("t.json")), "t.json");
    }
}
