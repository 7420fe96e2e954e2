//! The app's side of editing: every change goes through the document's edit module as one undoable step;
//! afterwards the view and the selection follow what changed, and what is derived from the timeline is
//! brought up to date. Saving, and asking before unsaved changes would be lost, live here too.

use std::path::{Path, PathBuf};

use super::{DatelineApp, Notice};
use crate::document::Changed;
use crate::model::edit::{Change, Edit};
use crate::model::{DateSpec, DetailsRef, EdtfDate, Event, LaneId, Precision, Provenance};
use crate::view::elide;

/// What the person asked for that would drop unsaved changes, kept while they are asked first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Close the window.
    Quit,
    /// Open this file in place of the timeline.
    Open(PathBuf),
    /// Go back to the built-in dataset.
    OpenBuiltin,
    /// Read the open file again.
    Reload,
    /// Draft a timeline from this text in place of the timeline.
    Draft(PathBuf),
}

impl Pending {
    /// What it does, for the question ("Save the changes before closing?").
    pub fn doing(&self) -> &'static str {
        match self {
            Self::Quit => "before closing",
            Self::Open(_) => "before opening another file",
            Self::OpenBuiltin => "before going back to the built-in timeline",
            Self::Reload => "before reading the file again",
            Self::Draft(_) => "before drafting a new timeline",
        }
    }
}

/// A title as an undo step names it: quoted, on one line, short.
pub fn step_title(title: &str) -> String {
    format!("'{}'", elide::one_line(title, 40))
}

/// The date a new event gets at `day` (days since 1970-01-01) when `days_per_point` days fit in a point of
/// the timeline: a year when years are what the axis shows, a month when months are, else the day.
pub fn date_at(day: f64, days_per_point: f64) -> DateSpec {
    let date = crate::model::date::date_from_days(day.floor() as i64);
    let exact = EdtfDate::from_naive(date);
    let precision = if days_per_point > 2.0 {
        Precision::Year
    } else if days_per_point > 0.1 {
        Precision::Month
    } else {
        Precision::Day
    };
    let (year, month, day) = (exact.year, exact.month, exact.day);
    let edtf = match precision {
        Precision::Year => EdtfDate::new(year, None, None),
        Precision::Month => EdtfDate::new(year, month, None),
        Precision::Day => EdtfDate::new(year, month, day),
    };
    DateSpec::Single(edtf.unwrap_or(exact))
}

impl DatelineApp {
    /// Applies `edit` as one undoable step named `name` (joining the last step when both have `key`), then
    /// follows what changed. A refused edit changes nothing and is said in a message.
    pub(super) fn edit(&mut self, edit: Edit, name: String, key: Option<u64>) -> bool {
        match self.doc.apply(edit, name, key) {
            Ok(changed) => {
                self.after_edit(&changed);
                true
            }
            Err(e) => {
                self.notice = Some(Notice::error(format!("Not changed: {e}")));
                false
            }
        }
    }

    /// Takes back the last step.
    pub(super) fn undo(&mut self) {
        match self.doc.undo() {
            Some(stepped) => {
                self.after_edit(&stepped.changed);
                self.notice = Some(Notice::info(format!("Undid {}", stepped.name)));
            }
            None => self.notice = Some(Notice::info("Nothing to undo.")),
        }
    }

    /// Does the last undone step again.
    pub(super) fn redo(&mut self) {
        match self.doc.redo() {
            Some(stepped) => {
                self.after_edit(&stepped.changed);
                self.notice = Some(Notice::info(format!("Redid {}", stepped.name)));
            }
            None => self.notice = Some(Notice::info("Nothing to redo.")),
        }
    }

    /// Brings what is derived from the timeline up to date after a change, and lets the selection and the
    /// view follow the event that changed.
    fn after_edit(&mut self, changed: &Changed) {
        let selected_id = self.selected_id().map(str::to_owned);
        if self.source_text.is_some() || !self.follow_one_event(changed) {
            self.timeline_changed();
        } else {
            self.overview_drag = None;
            self.reload_error = None;
        }
        self.edited_at = Some(std::time::Instant::now());
        let events = self.doc.timeline().events.len();
        match changed.change {
            Change::EventInserted { at } | Change::EventMoved { to: at, .. } if at < events => {
                self.selected = Some(at);
                self.reveal = true;
                if let Some((s, e)) = self.event_span(at) {
                    let m = self.current_mapping().bring_into_view(s, e, 80.0);
                    self.pending_range = Some((m.start_days, m.end_days));
                }
            }
            _ => {
                self.selected = selected_id.and_then(|id| self.doc.timeline().event_index(&id));
            }
        }
        if self.selected.is_some_and(|i| !self.keeps(i)) {
            self.selected = None;
        }
    }

    /// Opens the selected event in the editor, showing the Details tab the editor is on.
    pub(super) fn start_editing(&mut self) {
        self.editing = self.selected.is_some();
        if self.editing {
            self.side_tab = super::persist::SideTab::Details;
        }
    }

    /// The date a new event gets before the person sets it: the middle of the view, at the precision the
    /// zoom suggests.
    pub(super) fn date_in_view(&self) -> DateSpec {
        let mapping = self.current_mapping();
        let day = mapping.time_from_x(mapping.width / 2.0);
        date_at(day, 1.0 / mapping.points_per_day().max(f64::MIN_POSITIVE))
    }

    /// Adds an event at `day` (or in the middle of the view) in `lane`, dated at the precision the zoom
    /// suggests, selects it and opens it for editing.
    pub(super) fn new_event(&mut self, day: Option<f64>, lane: Option<LaneId>) {
        let mapping = self.current_mapping();
        let day = day.unwrap_or_else(|| mapping.time_from_x(mapping.width / 2.0));
        let days_per_point = 1.0 / mapping.points_per_day().max(f64::MIN_POSITIVE);
        let when = date_at(day, days_per_point);
        let id = self.doc.fresh_id("new-event");
        let mut event = Event::new(&id, "New event", when, &[], &DetailsRef::default());
        event.lane = lane
            .or_else(|| self.selected_event().map(|e| e.lane))
            .unwrap_or_default();
        event.provenance = Provenance::Unstated;
        if self.edit(
            Edit::InsertEvent { at: None, event },
            "add 'New event'".to_owned(),
            None,
        ) {
            self.start_editing();
        }
    }

    /// Deletes the selected event.
    pub(super) fn delete_selected(&mut self) {
        let Some(at) = self.selected else {
            return;
        };
        let name = format!(
            "delete {}",
            step_title(self.doc.timeline().events[at].title())
        );
        if self.edit(Edit::RemoveEvent { at }, name, None) {
            self.selected = None;
            self.editing = false;
        }
    }

    /// Adds a copy of the selected event, with an id of its own, and selects it.
    pub(super) fn duplicate_selected(&mut self) {
        let Some(event) = self.selected_event() else {
            return;
        };
        let (title, base) = (event.title().to_owned(), event.id().to_owned());
        let id = self.doc.fresh_id(&format!("{base}-copy"));
        let Some(event) = self.selected_event() else {
            return;
        };
        let tags: Vec<_> = event.tags().collect();
        let mut copy = Event::new(&id, &title, event.when, &tags, &event.details_ref());
        copy.lane = event.lane;
        copy.status = event.status;
        copy.provenance = event.provenance;
        let name = format!("duplicate {}", step_title(&title));
        self.edit(
            Edit::InsertEvent {
                at: None,
                event: copy,
            },
            name,
            None,
        );
    }

    /// The selected event.
    pub(super) fn selected_event(&self) -> Option<&Event> {
        self.selected
            .and_then(|i| self.doc.timeline().events.get(i))
    }

    /// Saves the timeline to its file when that is dateline JSON; otherwise asks where (Save As). Says how
    /// it went.
    pub(super) fn save(&mut self, ctx: Option<&egui::Context>) {
        match self.doc.save() {
            Ok(true) => self.saved(),
            Ok(false) => {
                if let Some(ctx) = ctx {
                    self.open_dialog(ctx, crate::view::file_menu::DialogPurpose::SaveAs);
                } else {
                    self.notice = Some(Notice::info(
                        "This timeline is not a dateline JSON file of its own yet: use Save As.",
                    ));
                }
            }
            Err(message) => self.notice = Some(Notice::error(message)),
        }
    }

    /// Saves the timeline as dateline JSON to `path` (asked first when a file is there and not the one
    /// open), and from then on Save writes there.
    pub(super) fn save_as(&mut self, path: &Path, confirmed: bool) {
        let path = super::export::with_extension(path, "json");
        let is_open = self
            .doc
            .file()
            .is_some_and(|open| super::export::same_file(open, &path));
        if !confirmed && std::fs::symlink_metadata(&path).is_ok() {
            self.replace_prompt = Some(crate::view::confirm::ReplacePrompt {
                kind: super::export::ExportKind::Json,
                path,
                is_open_file: is_open,
                save_as: true,
            });
            return;
        }
        match self.doc.save_as(&path) {
            Ok(()) => {
                crate::app::persist::push_recent(&mut self.recent, &path);
                self.saved();
            }
            Err(message) => self.notice = Some(Notice::error(message)),
        }
    }

    fn saved(&mut self) {
        let path = self
            .doc
            .file()
            .map(crate::formats::show::path)
            .unwrap_or_default();
        self.notice = Some(Notice::info(format!(
            "Saved {path} (dateline JSON): {} events, {} periods",
            self.doc.timeline().events.len(),
            self.doc.timeline().periods.len()
        )));
        self.disk_changed = false;
        self.remove_recovery();
        if let Some(then) = self.after_save.take() {
            self.go_on(then);
        }
    }

    /// Does `pending` now, or, when there are unsaved changes, asks first (Save, Discard or Cancel).
    pub(super) fn when_saved_or_asked(&mut self, pending: Pending) {
        if self.doc.is_dirty() {
            self.unsaved_prompt = Some(pending);
        } else {
            self.go_on(pending);
        }
    }

    /// Does what was waiting for the unsaved changes to be saved or dropped.
    pub(super) fn go_on(&mut self, pending: Pending) {
        match pending {
            Pending::Quit => {
                self.remove_recovery();
                self.quitting = true;
                if let Some(ctx) = self.repaint.ctx() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Pending::Open(path) => {
                self.remove_recovery();
                self.open(path);
            }
            Pending::OpenBuiltin => {
                self.remove_recovery();
                self.open_builtin();
            }
            Pending::Reload => {
                self.disk_changed = false;
                self.remove_recovery();
                self.reload();
            }
            Pending::Draft(path) => {
                self.remove_recovery();
                let path = std::path::absolute(&path).unwrap_or(path);
                self.start_draft(path);
            }
        }
    }

    /// The answer to "save the changes?": save first (then go on), go on without them, or stay.
    pub(super) fn answer_unsaved(&mut self, answer: crate::view::unsaved::Answer) {
        use crate::view::unsaved::Answer;
        let Some(pending) = self.unsaved_prompt.take() else {
            return;
        };
        match answer {
            Answer::Save => {
                self.after_save = Some(pending);
                let ctx = self.repaint.ctx();
                self.save(ctx.as_ref());
            }
            Answer::Discard => self.go_on(pending),
            Answer::Cancel => {}
        }
    }

    /// Writes the recovery copy when the timeline has had unsaved changes for a few seconds.
    pub(super) fn keep_recovery_copy(&mut self) {
        let (Some(folder), Some(edited)) = (self.recovery_dir.clone(), self.edited_at) else {
            return;
        };
        if !self.doc.is_dirty() {
            self.edited_at = None;
            return;
        }
        let wait = self.recovery_delay;
        // One copy is written at a time: the next waits for the last.
        let writing = self
            .recovery_writer
            .as_ref()
            .is_some_and(|w| !w.is_finished());
        if writing {
            if let Some(ctx) = self.repaint.ctx() {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            return;
        }
        if edited.elapsed() < wait {
            if let Some(ctx) = self.repaint.ctx() {
                ctx.request_repaint_after(wait.saturating_sub(edited.elapsed()));
            }
            return;
        }
        self.edited_at = None;
        let timeline = self.doc.timeline().clone();
        let origin = self.doc.file().map(Path::to_owned);
        // Written beside the window's work; a failure is said once, the edits stay on screen.
        let results = self.export_results.0.clone();
        let wake = self.repaint.wake();
        self.recovery_writer = std::thread::Builder::new()
            .name("dateline-recovery".to_owned())
            .spawn(move || {
                if let Err(e) =
                    crate::document::recovery::write(&folder, &timeline, origin.as_deref())
                {
                    let _ = results.send(Err(format!(
                        "The recovery copy could not be written in {}: {e}",
                        crate::formats::show::path(&folder)
                    )));
                    wake();
                }
            })
            .ok();
    }

    /// Removes the recovery copy (the changes were saved or dropped).
    pub(super) fn remove_recovery(&mut self) {
        self.edited_at = None;
        // A copy still being written would land after the removal and be offered for changes that were
        // saved or dropped: it is waited for first.
        if let Some(writer) = self.recovery_writer.take() {
            let _ = writer.join();
        }
        if let Some(folder) = &self.recovery_dir {
            crate::document::recovery::remove(folder);
        }
    }

    /// Puts the recovered timeline on screen, as unsaved changes to the file it came from.
    pub(super) fn restore_recovery(&mut self) {
        let Some(found) = self.recovery_offer.take() else {
            return;
        };
        match crate::formats::load_path(&found.copy) {
            Ok(timeline) => {
                let dateline_json = found.origin.as_deref().is_some_and(is_dateline_json);
                let mut doc = crate::document::Document::new(timeline, found.origin, dateline_json);
                doc.mark_unsaved();
                self.launch_restore = None;
                if let Some(loading) = self.loading.take() {
                    loading.cancel();
                }
                self.install_document(doc);
                self.edited_at = Some(std::time::Instant::now());
                self.notice = Some(Notice::info(
                    "Restored the unsaved changes of the last session. Save them to keep them.",
                ));
            }
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }
}

/// Whether the file at `path` is dateline JSON (so Save may write over it).
fn is_dateline_json(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| {
        crate::formats::detect(text.trim_start_matches('\u{feff}'))
            == Ok(crate::formats::Format::Native)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> f64 {
        crate::model::date::days_from_epoch(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
            as f64
    }

    #[test]
    fn a_new_events_date_has_the_precision_the_zoom_shows() {
        let at = day(2015, 11, 30) + 0.4;
        assert_eq!(date_at(at, 30.0).to_string(), "2015");
        assert_eq!(date_at(at, 0.5).to_string(), "2015-11");
        assert_eq!(date_at(at, 0.01).to_string(), "2015-11-30");
    }

    #[test]
    fn step_titles_are_short_and_on_one_line() {
        assert_eq!(step_title("Kazakhstan joins"), "'Kazakhstan joins'");
        assert!(step_title(&"x\n".repeat(500)).chars().count() < 45);
    }
}
