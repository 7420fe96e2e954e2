//! The undo history: each step is an edit and its inverse, named for the Edit menu ("move 'Kazakhstan
//! joins the WTO'"). It holds what was changed, never copies of the timeline. A drag gives one step
//! however many edits it made: edits under the same coalescing key join the step before them.

use crate::model::edit::Edit;

/// One undoable step.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// What it did, for the Edit menu: "move 'Kazakhstan joins the WTO'".
    pub name: String,
    /// The edits it made, in order.
    pub forward: Vec<Edit>,
    /// Their inverses, in the order that undoes them (newest first).
    pub inverse: Vec<Edit>,
    /// Steps made under the same key in a row join into one (a drag).
    pub key: Option<u64>,
}

/// Steps done and undone, and where the saved file stands among them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
    /// How many steps were done when the file was last saved (or opened); `None` when that state can no
    /// longer be reached by undo or redo.
    saved_at: Option<usize>,
    /// Counts every change, so what was computed for one state is not taken for another.
    generation: u64,
}

impl History {
    /// An empty history of a timeline just opened or saved.
    pub fn new() -> Self {
        Self {
            saved_at: Some(0),
            ..Self::default()
        }
    }

    /// Records a step that was just applied. Redo is no longer possible afterwards. A step under the same
    /// key as the last one joins it.
    pub fn record(
        &mut self,
        forward: Edit,
        inverse: Edit,
        name: impl Into<String>,
        key: Option<u64>,
    ) {
        self.generation += 1;
        if let Some(saved) = self.saved_at
            && saved > self.done.len()
        {
            // The saved state was among the undone steps, which are dropped now.
            self.saved_at = None;
        }
        self.undone.clear();
        let saved_here = self.saved_at == Some(self.done.len());
        if let (Some(key), Some(last)) = (key, self.done.last_mut())
            && last.key == Some(key)
            && !saved_here
        {
            last.forward.push(forward);
            last.inverse.insert(0, inverse);
            return;
        }
        self.done.push(Step {
            name: name.into(),
            forward: vec![forward],
            inverse: vec![inverse],
            key,
        });
    }

    /// Ends the step being coalesced, so the next edit under its key starts a new one (a drag ended).
    pub fn seal(&mut self) {
        if let Some(last) = self.done.last_mut() {
            last.key = None;
        }
    }

    /// The step undo would take back, for the Edit menu.
    pub fn undo_name(&self) -> Option<&str> {
        self.done.last().map(|s| s.name.as_str())
    }

    /// The step redo would do again, for the Edit menu.
    pub fn redo_name(&self) -> Option<&str> {
        self.undone.last().map(|s| s.name.as_str())
    }

    /// Takes the last step off the done list: its inverse edits are for the caller to apply. Call
    /// [`Self::undone`] with it once they are applied.
    pub fn take_undo(&mut self) -> Option<Step> {
        let step = self.done.pop()?;
        self.generation += 1;
        Some(step)
    }

    /// Puts a step whose inverse was applied on the redo list.
    pub fn undone(&mut self, step: Step) {
        self.undone.push(step);
    }

    /// Takes the next step off the redo list: its forward edits are for the caller to apply. Call
    /// [`Self::redone`] with it once they are applied.
    pub fn take_redo(&mut self) -> Option<Step> {
        let step = self.undone.pop()?;
        self.generation += 1;
        Some(step)
    }

    /// Puts a step that was applied again back on the done list.
    pub fn redone(&mut self, step: Step) {
        self.done.push(Step { key: None, ..step });
    }

    /// Whether the timeline is as it was last saved.
    pub fn is_saved(&self) -> bool {
        self.saved_at == Some(self.done.len())
    }

    /// Marks the timeline as it is now as saved.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.done.len());
        self.seal();
    }

    /// Marks the timeline as it is now as differing from any saved file (restored from a recovery copy,
    /// or kept over a change on disk).
    pub fn mark_unsaved(&mut self) {
        self.saved_at = None;
    }

    /// A number that changes with every change of the timeline through the history.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// How many steps can be undone.
    pub fn undo_count(&self) -> usize {
        self.done.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(at: usize) -> Edit {
        Edit::RemoveEvent { at }
    }

    #[test]
    fn steps_undo_and_redo_in_order_and_know_when_they_are_saved() {
        let mut h = History::new();
        assert!(h.is_saved());
        h.record(edit(1), edit(10), "first", None);
        h.record(edit(2), edit(20), "second", None);
        assert!(!h.is_saved());
        assert_eq!(h.undo_name(), Some("second"));
        let step = h.take_undo().unwrap();
        assert_eq!(step.inverse, [edit(20)]);
        h.undone(step);
        assert_eq!(h.redo_name(), Some("second"));
        h.mark_saved();
        assert!(h.is_saved());
        let step = h.take_redo().unwrap();
        h.redone(step);
        assert!(!h.is_saved());
        let step = h.take_undo().unwrap();
        h.undone(step);
        assert!(h.is_saved(), "back at the saved state");
        // A new step drops the redo list, and with it the way back to nothing else.
        h.record(edit(3), edit(30), "third", None);
        assert_eq!(h.redo_name(), None);
        assert_eq!(h.undo_count(), 2);
    }

    #[test]
    fn a_drag_is_one_step() {
        let mut h = History::new();
        for i in 0..5 {
            h.record(edit(i), edit(100 + i), "move 'A'", Some(7));
        }
        assert_eq!(h.undo_count(), 1);
        let step = h.take_undo().unwrap();
        assert_eq!(step.forward.len(), 5);
        assert_eq!(
            step.inverse.first(),
            Some(&edit(104)),
            "newest undone first"
        );
        h.undone(step);
        // A sealed step takes no more.
        h.record(edit(0), edit(0), "move 'A'", Some(7));
        h.seal();
        h.record(edit(0), edit(0), "move 'A'", Some(7));
        assert_eq!(h.undo_count(), 2);
    }

    #[test]
    fn the_saved_state_is_lost_once_undone_steps_are_replaced() {
        let mut h = History::new();
        h.record(edit(1), edit(10), "one", None);
        h.mark_saved();
        let step = h.take_undo().unwrap();
        h.undone(step);
        h.record(edit(2), edit(20), "two", None);
        assert!(!h.is_saved());
        let step = h.take_undo().unwrap();
        h.undone(step);
        assert!(!h.is_saved(), "the saved file had step one, which is gone");
    }
}
