//! The open timeline as a document: the timeline itself, the file it came from and whether dateline may
//! save over that file, the undo history, whether there are unsaved changes, and the watch on the file.
//! What is selected, in view or filtered is not here (that is the window's); nothing here knows egui.

pub mod history;
pub mod recovery;
pub mod watch;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::formats;
use crate::model::edit::{self, Applied, Change, Edit, EditError, Ids};
use crate::model::{Event, Timeline};
use history::History;

/// Something to call when a background task (a load, a watch) has news for the window.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// The open timeline and its file.
#[derive(Debug)]
pub struct Document {
    timeline: Timeline,
    /// The ids of the events and periods, made on the first edit.
    ids: Option<Ids>,
    /// Where the timeline came from; `None` for the built-in dataset (or a new timeline).
    file: Option<PathBuf>,
    /// Whether the file is dateline JSON, which Save writes over; any other format is saved with Save As.
    saves_in_place: bool,
    history: History,
    /// The file's size and modification time just after dateline last wrote it, so the watcher's news of
    /// that write is not taken for someone else's change.
    written: Option<Stamp>,
}

/// What tells one version of a file from another without reading it: its size and modification time.
type Stamp = (u64, std::time::SystemTime);

/// The stamp of the file at `path` now, if it can be read.
fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// What a step changed: one event's move, insertion or removal (with the event as it was), or
/// [`Change::Other`].
#[derive(Clone, Debug, PartialEq)]
pub struct Changed {
    /// What changed.
    pub change: Change,
    /// The event as it was before, when one event was changed or removed.
    pub before: Option<Event>,
}

impl Changed {
    fn of(applied: &Applied) -> Self {
        Self {
            change: applied.change.clone(),
            before: applied.before().cloned(),
        }
    }

    fn other() -> Self {
        Self {
            change: Change::Other,
            before: None,
        }
    }
}

/// How one undo or redo went: what the step was called, and what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Stepped {
    /// The step's name ("move 'Kazakhstan joins the WTO'").
    pub name: String,
    /// What changed: one event's move when the step was that, else [`Change::Other`].
    pub changed: Changed,
}

impl Document {
    /// A document showing `timeline`, read from `file` (`None` for the built-in dataset); `saves_in_place`
    /// when that file is dateline JSON.
    pub fn new(timeline: Timeline, file: Option<PathBuf>, saves_in_place: bool) -> Self {
        Self {
            timeline,
            ids: None,
            file,
            saves_in_place,
            history: History::new(),
            written: None,
        }
    }

    /// A document for the file at `path` holding `timeline`, read from `text`: Save writes over it when it
    /// is dateline JSON.
    pub fn opened(timeline: Timeline, path: PathBuf, is_dateline_json: bool) -> Self {
        Self::new(timeline, Some(path), is_dateline_json)
    }

    /// The timeline.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The file the timeline came from or was last saved to; `None` for the built-in dataset.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Whether Save writes over the file (it is dateline JSON); otherwise Save asks where to write.
    pub fn saves_in_place(&self) -> bool {
        self.file.is_some() && self.saves_in_place
    }

    /// Whether there are changes the file does not have.
    pub fn is_dirty(&self) -> bool {
        !self.history.is_saved()
    }

    /// The undo history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Applies `edit` as one step named `name` (a step under the same `key` as the last joins it, as a drag
    /// does). A refused edit changes nothing and says why in the loader's words.
    pub fn apply(
        &mut self,
        edit: Edit,
        name: impl Into<String>,
        key: Option<u64>,
    ) -> Result<Changed, EditError> {
        let ids = self.ids.get_or_insert_with(|| Ids::of(&self.timeline));
        let applied = edit::apply(&mut self.timeline, ids, edit.clone())?;
        let changed = Changed::of(&applied);
        self.history.record(edit, applied.inverse, name, key);
        Ok(changed)
    }

    /// Ends the step being built under a key (a drag was let go).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Takes back the last step.
    pub fn undo(&mut self) -> Option<Stepped> {
        let step = self.history.take_undo()?;
        let changed = self.replay(&step.inverse);
        let name = step.name.clone();
        self.history.undone(step);
        Some(Stepped { name, changed })
    }

    /// Does the last undone step again.
    pub fn redo(&mut self) -> Option<Stepped> {
        let step = self.history.take_redo()?;
        let changed = self.replay(&step.forward);
        let name = step.name.clone();
        self.history.redone(step);
        Some(Stepped { name, changed })
    }

    /// Applies edits that were applied before (or their inverses) in order: what change they make.
    fn replay(&mut self, edits: &[Edit]) -> Changed {
        let ids = self.ids.get_or_insert_with(|| Ids::of(&self.timeline));
        let mut changed = Changed::other();
        for e in edits {
            // An edit undoing or redoing exactly what was done cannot be refused; if it were, the
            // timeline would still be valid, only not the one undo promised.
            match edit::apply(&mut self.timeline, ids, e.clone()) {
                Ok(applied) if edits.len() == 1 => changed = Changed::of(&applied),
                _ => changed = Changed::other(),
            }
        }
        changed
    }

    /// A fresh id for a new event or period, from `base`.
    pub fn fresh_id(&mut self, base: &str) -> String {
        self.ids
            .get_or_insert_with(|| Ids::of(&self.timeline))
            .fresh(base)
    }

    /// Writes the timeline as dateline JSON to its file, atomically, and marks it saved. Refused (with
    /// `Ok(false)`) when the file is not dateline JSON or there is no file: then Save As is wanted.
    pub fn save(&mut self) -> Result<bool, String> {
        let Some(path) = self.file.clone().filter(|_| self.saves_in_place) else {
            return Ok(false);
        };
        self.write_to(&path)?;
        Ok(true)
    }

    /// Writes the timeline as dateline JSON to `path`, atomically; from then on that is the document's
    /// file, and Save writes over it.
    pub fn save_as(&mut self, path: &Path) -> Result<(), String> {
        self.write_to(path)?;
        self.file = Some(path.to_owned());
        self.saves_in_place = true;
        Ok(())
    }

    fn write_to(&mut self, path: &Path) -> Result<(), String> {
        formats::write_atomic_with(path, &mut |out| {
            formats::native::write_to(&self.timeline, out)
        })
        .map_err(|e| format!("{}: cannot write the file: {e}", formats::show::path(path)))?;
        self.history.mark_saved();
        self.written = stamp(path);
        Ok(())
    }

    /// Whether the file on disk is, by its size and modification time, the one dateline last wrote: a
    /// change the watcher reports then is dateline's own save, not news.
    pub fn file_is_as_written(&self) -> bool {
        self.written.is_some() && self.file.as_deref().and_then(stamp) == self.written
    }

    /// Puts a new version of the file in place of the timeline (it changed on disk): no unsaved changes
    /// and no history any more.
    pub fn reloaded(&mut self, timeline: Timeline) {
        self.timeline = timeline;
        self.ids = None;
        self.history = History::new();
    }

    /// Keeps the edits over a change of the file on disk: the timeline now differs from the file, and
    /// saving will replace the file's new version.
    pub fn keep_over_disk_change(&mut self) {
        self.history.mark_unsaved();
    }

    /// Marks the timeline as differing from its file (restored from a recovery copy).
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpec, DetailsRef, Event};

    fn doc() -> Document {
        Document::new(crate::formats::builtin().unwrap(), None, false)
    }

    #[test]
    fn edits_undo_and_redo_and_track_unsaved_changes() {
        let mut d = doc();
        let before = d.timeline().clone();
        assert!(!d.is_dirty());
        let id = d.fresh_id("new");
        let event = Event::new(
            &id,
            "A new event",
            DateSpec::parse("2001").unwrap(),
            &[],
            &DetailsRef::default(),
        );
        d.apply(
            Edit::InsertEvent { at: None, event },
            "add 'A new event'",
            None,
        )
        .unwrap();
        assert!(d.is_dirty());
        assert_eq!(d.history().undo_name(), Some("add 'A new event'"));
        let undone = d.undo().unwrap();
        assert_eq!(undone.name, "add 'A new event'");
        assert_eq!(d.timeline(), &before);
        assert!(!d.is_dirty());
        d.redo().unwrap();
        assert_eq!(d.timeline().events.len(), before.events.len() + 1);
    }

    #[test]
    fn save_writes_only_over_dateline_json_and_save_as_makes_that_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = doc();
        d.apply(Edit::RemoveEvent { at: 0 }, "delete", None)
            .unwrap();
        assert_eq!(
            d.save(),
            Ok(false),
            "the built-in dataset has no file to save over"
        );
        let path = dir.path().join("mine.json");
        d.save_as(&path).unwrap();
        assert!(!d.is_dirty());
        assert!(d.saves_in_place());
        let back = crate::formats::load_path(&path).unwrap();
        assert_eq!(&back, d.timeline());
        d.apply(Edit::RemoveEvent { at: 0 }, "delete", None)
            .unwrap();
        assert_eq!(d.save(), Ok(true));
        assert_eq!(&crate::formats::load_path(&path).unwrap(), d.timeline());
        // The file as saved is known for dateline's own write; another program's change is not.
        assert!(d.file_is_as_written());
        std::fs::write(&path, "{}").unwrap();
        assert!(!d.file_is_as_written());
        // A TimelineJS file is never written over by Save.
        let tljs = Document::opened(d.timeline().clone(), dir.path().join("t.json"), false);
        assert!(!tljs.saves_in_place());
    }
}
