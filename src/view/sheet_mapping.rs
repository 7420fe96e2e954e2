//! The dialog shown before a spreadsheet of the person's own replaces the timeline on screen: titled with
//! the file's name, it shows which column plays which role (the guess, to change with a combo box per
//! role), the order of day and month in dates of numbers only, and a preview of the first rows as they
//! would be read, with the first problem at its line and column. The controls push commands; the choice
//! and its preview change when they are applied, after the frame.
//!
//! The dialog shows even when the guess reads cleanly: a guess can read without a problem and still be
//! wrong (the notes taken for the titles, the wrong column for the lanes), and the person should see it
//! before their timeline is replaced. Only a sheet whose reading the person has already stated (with
//! `--columns`, `--day-first` or `--month-first`) opens directly, and even then the dialog shows if it
//! does not read.

use std::path::{Path, PathBuf};

use crate::app::command::Command;
use crate::formats::sheet::preview::{self, Preview, column_name, role_name};
use crate::formats::sheet::{DayOrder, Mapping, ROLES, Role, SheetOptions};
use crate::formats::{Problem, ReadOptions};
use crate::view::elide;

/// A spreadsheet waiting for the person to say how to read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetMapping {
    /// The file.
    pub path: PathBuf,
    /// Its header row and first rows (the preview reads these, never the whole file).
    head: String,
    /// Which column plays which role, as chosen so far.
    mapping: Mapping,
    /// The order of day and month chosen, if one is.
    order: Option<DayOrder>,
    /// The first rows as the choice reads them.
    preview: Preview,
    /// Why the whole sheet did not read with the choice it was opened with, until the choice changes.
    whole_problem: Option<Problem>,
}

impl SheetMapping {
    /// The dialog for the sheet at `path` that starts with `head`, as `options` (the guess when they say
    /// nothing) would read it; `problem` is why the whole sheet did not read with them, if it did not.
    pub fn new(
        path: PathBuf,
        head: String,
        options: &SheetOptions,
        problem: Option<Problem>,
    ) -> Self {
        let (_, mapping) = preview::mapping_of(&head, options);
        let preview = preview::preview(&head, &mapping, options.order);
        Self {
            path,
            head,
            mapping,
            order: options.order,
            preview,
            whole_problem: problem,
        }
    }

    /// The column of `role` as chosen.
    pub fn column(&self, role: Role) -> Option<usize> {
        self.mapping.get(role)
    }

    /// The order of day and month as chosen.
    pub fn order(&self) -> Option<DayOrder> {
        self.order
    }

    /// The preview of the first rows.
    pub fn preview(&self) -> &Preview {
        &self.preview
    }

    /// The problem to show: the whole sheet's (from opening it) until the choice changes, else the
    /// preview's.
    pub fn problem(&self) -> Option<&Problem> {
        self.whole_problem
            .as_ref()
            .or(self.preview.problem.as_ref())
    }

    /// Gives `role` to `column` (or to none); the column's other role, if it had one, is dropped.
    pub fn set_column(&mut self, role: Role, column: Option<usize>) {
        let column = column.filter(|&c| c < self.preview.headers.len());
        self.mapping.set(role, column);
        self.refresh();
    }

    /// Chooses the order of day and month (or none).
    pub fn set_order(&mut self, order: Option<DayOrder>) {
        self.order = order;
        self.refresh();
    }

    fn refresh(&mut self) {
        self.whole_problem = None;
        self.preview = preview::preview(&self.head, &self.mapping, self.order);
    }

    /// How to read the file as chosen.
    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            sheet: SheetOptions {
                columns: Vec::new(),
                order: self.order,
                mapping: Some(self.mapping.clone()),
            },
        }
    }

    /// The dialog's title: "Open “name.csv” as a timeline".
    pub fn title(&self) -> String {
        format!(
            "Open “{}” as a timeline",
            elide::one_line(&file_name(&self.path), 60)
        )
    }
}

/// The file's name, or the path when it has none.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The words of a day order choice.
fn order_label(order: Option<DayOrder>) -> &'static str {
    match order {
        None => "Not chosen",
        Some(DayOrder::DayFirst) => "Day first (30/11/2015)",
        Some(DayOrder::MonthFirst) => "Month first (11/30/2015)",
    }
}

/// The most columns a role's combo box offers (a header row can have any number).
const MAX_CHOICES: usize = 1_000;

/// The accessible label of a role's combo box ("Date column").
pub fn role_label(role: Role) -> String {
    format!("{} column", role_name(role))
}

/// Shows the dialog over the window; Open and Cancel (or Esc) answer it.
pub fn sheet_mapping_ui(ctx: &egui::Context, dialog: &SheetMapping, commands: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("dateline-sheet-mapping")).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(dialog.title());
        ui.add_space(4.0);
        ui.label("Which column is which? This is the guess from the headers and the cells; change it where it is wrong.");
        ui.add_space(6.0);
        columns_ui(ui, dialog, commands);
        ui.add_space(6.0);
        order_ui(ui, dialog, commands);
        ui.add_space(6.0);
        preview_ui(ui, dialog);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button("Open")
                .on_hover_text("Read the whole sheet this way; it replaces the timeline on screen")
                .clicked()
            {
                commands.push(Command::OpenMappedSheet);
            }
            if ui
                .button("Cancel")
                .on_hover_text("Keep the timeline on screen (Esc)")
                .clicked()
            {
                commands.push(Command::CancelSheetMapping);
            }
        });
    });
    if modal.should_close() && commands.is_empty() {
        commands.push(Command::CancelSheetMapping);
    }
}

/// A combo box per role: none, or one of the headers.
fn columns_ui(ui: &mut egui::Ui, dialog: &SheetMapping, commands: &mut Vec<Command>) {
    let headers = &dialog.preview.headers;
    egui::Grid::new("dateline-sheet-columns")
        .num_columns(4)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (i, role) in ROLES.into_iter().enumerate() {
                let current = dialog.column(role);
                let mut chosen = current;
                egui::ComboBox::new(("dateline-sheet-role", i), role_label(role))
                    .selected_text(column_name(headers, current))
                    .width(160.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, column_name(headers, None));
                        for c in 0..headers.len().min(MAX_CHOICES) {
                            ui.selectable_value(
                                &mut chosen,
                                Some(c),
                                column_name(headers, Some(c)),
                            );
                        }
                    });
                if chosen != current {
                    commands.push(Command::MapSheetColumn {
                        role,
                        column: chosen,
                    });
                }
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
        });
}

/// The order of day and month in dates of numbers only.
fn order_ui(ui: &mut egui::Ui, dialog: &SheetMapping, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Dates such as 03/04/2015:");
        let current = dialog.order();
        let mut chosen = current;
        for order in [None, Some(DayOrder::DayFirst), Some(DayOrder::MonthFirst)] {
            ui.radio_value(&mut chosen, order, order_label(order));
        }
        if chosen != current {
            commands.push(Command::SetSheetDayOrder(chosen));
        }
    });
}

/// The first rows as they would be read, and the first problem.
fn preview_ui(ui: &mut egui::Ui, dialog: &SheetMapping) {
    let preview = dialog.preview();
    ui.strong(format!(
        "The first {} rows as they would be read",
        preview::PREVIEW_ROWS
    ));
    if let Some(problem) = dialog.problem() {
        let warn = ui.visuals().warn_fg_color;
        // Problem messages are escaped and bounded where they are made.
        let said = ui.colored_label(
            warn,
            format!(
                "Line {}, column {}: {}",
                problem.position.line, problem.position.column, problem.message
            ),
        );
        ui.ctx().accesskit_node_builder(said.id, |node| {
            node.set_live(egui::accesskit::Live::Polite);
        });
    }
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("dateline-sheet-preview")
                .num_columns(4)
                .striped(true)
                .spacing([12.0, 2.0])
                .show(ui, |ui| {
                    for header in ["Line", "Date", "Title", "Lane"] {
                        ui.strong(header);
                    }
                    ui.end_row();
                    for row in &preview.rows {
                        ui.label(row.line.to_string());
                        ui.label(&row.date);
                        ui.label(&row.title);
                        ui.label(&row.lane);
                        ui.end_row();
                    }
                });
            if preview.rows.is_empty() {
                ui.weak("No row reads with this choice.");
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: &str = "When;Event;Category\n30/11/2015;Kazakhstan joins the WTO;Trade\n03/04/2015;Either way;Trade\n";

    fn dialog() -> SheetMapping {
        SheetMapping::new(
            PathBuf::from("/home/ana/own.csv"),
            OWN.to_owned(),
            &SheetOptions::default(),
            None,
        )
    }

    #[test]
    fn the_dialog_starts_from_the_guess_and_follows_the_choice() {
        let mut d = dialog();
        assert_eq!(d.title(), "Open “own.csv” as a timeline");
        assert_eq!(d.column(Role::Date), Some(0));
        assert_eq!(d.column(Role::Lane), Some(2));
        assert!(d.problem().is_some(), "03/04/2015 is either way round");
        d.set_order(Some(DayOrder::DayFirst));
        assert_eq!(d.problem(), None);
        assert_eq!(d.preview().rows.len(), 2);
        // Giving the lane's column to the title takes it from the lane.
        d.set_column(Role::Title, Some(2));
        assert_eq!(d.column(Role::Lane), None);
        assert_eq!(d.preview().rows[0].title, "Trade");
        // A column that is not there is none.
        d.set_column(Role::Tags, Some(99));
        assert_eq!(d.column(Role::Tags), None);
        let options = d.options();
        assert_eq!(options.sheet.order, Some(DayOrder::DayFirst));
        assert_eq!(
            options
                .sheet
                .mapping
                .as_ref()
                .and_then(|m| m.get(Role::Title)),
            Some(2)
        );
    }

    #[test]
    fn the_whole_sheets_problem_shows_until_the_choice_changes() {
        let whole = Problem::new(
            crate::formats::Position {
                line: 900,
                column: 1,
            },
            "late",
        );
        let mut d = SheetMapping::new(
            PathBuf::from("own.csv"),
            OWN.to_owned(),
            &SheetOptions {
                order: Some(DayOrder::DayFirst),
                ..SheetOptions::default()
            },
            Some(whole.clone()),
        );
        assert_eq!(d.problem(), Some(&whole));
        d.set_order(Some(DayOrder::DayFirst));
        assert_eq!(d.problem(), None);
    }

    #[test]
    fn a_hostile_name_is_one_bounded_line() {
        let d = SheetMapping::new(
            PathBuf::from(format!("/tmp/a\nb{}.csv", "x".repeat(5_000))),
            OWN.to_owned(),
            &SheetOptions::default(),
            None,
        );
        assert!(!d.title().contains('\n'));
        assert!(d.title().chars().count() < 100);
    }
}
