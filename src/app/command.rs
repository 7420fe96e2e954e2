//! What the person asked for during a frame. UI code pushes these; the app applies them after the frame.

use std::path::PathBuf;

use crate::explore::filter::Filters;
use crate::model::{Event, LaneId};
use crate::view::unsaved::Answer;

use super::persist::SideTab;

/// One request from the UI.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Select an event (or clear the selection), without moving the view.
    Select(Option<usize>),
    /// Select an event and bring it into view.
    SelectAndReveal(usize),
    /// Select the next (`+1`) or previous (`-1`) shown event in time and bring it into view.
    Step(isize),
    /// Select the shown event nearest in time to the selected one in the lane below (`+1`) or above
    /// (`-1`), skipping lanes with nothing shown, and bring it into view.
    StepLane(isize),
    /// Select the first (`false`) or last (`true`) shown event and bring it into view.
    StepToEnd(bool),
    /// Show the selected event's details (the side panel's Details tab).
    OpenDetails,
    /// Show every event and period.
    FitAll,
    /// Zoom around the centre of the view (> 1 zooms in).
    ZoomBy(f64),
    /// Show a time range (days since 1970-01-01), with a little room around it.
    ShowRange(f64, f64),
    /// Show exactly this range (from the overview strip).
    SetView(f64, f64),
    /// Turn the scale for stories on or off: long empty stretches compressed into short marked breaks.
    SetStoryScale(bool),
    /// Replace the filters.
    SetFilters(Filters),
    /// Step to the next (`+1`) or previous (`-1`) search match and bring it into view.
    StepMatch(isize),
    /// Clear the search; when it is already empty, clear the selection.
    Escape,
    /// Switch the side panel's tab.
    SetTab(SideTab),
    /// Go back to the built-in dataset (the Kazakhstan–US article's timeline).
    OpenBuiltin,
    /// Open a source text file to show beside the timeline (and remember it for this timeline).
    OpenText(PathBuf),
    /// Close the source text (and forget it for this timeline).
    CloseText,
    /// Open a timeline file (on a background thread); it replaces the open timeline when it loads, and
    /// a failure leaves the open timeline as it is.
    Open(PathBuf),
    /// Read the open file again, keeping the view and the selection.
    Reload,
    /// Stop the load in progress; the open timeline stays.
    CancelLoad,
    /// In the dialog of a spreadsheet's columns, give `role` to `column` (or to none).
    MapSheetColumn {
        /// The role.
        role: crate::formats::sheet::Role,
        /// The column, by its place in the header row.
        column: Option<usize>,
    },
    /// In the dialog of a spreadsheet's columns, choose the order of day and month (or none).
    SetSheetDayOrder(Option<crate::formats::sheet::DayOrder>),
    /// Open the spreadsheet of the dialog as its columns are chosen (read on a background thread).
    OpenMappedSheet,
    /// Close the dialog of a spreadsheet's columns; the timeline on screen stays.
    CancelSheetMapping,
    /// Write the timeline as dateline JSON (asking first when the file exists).
    ExportJson(PathBuf),
    /// Write the timeline as dateline CSV (asking first when the file exists).
    ExportCsv(PathBuf),
    /// Export the timeline as a `TimelineJS` file to this path (asking first when a file is there).
    ExportTimelineJs(PathBuf),
    /// Export the timeline as a Markwhen file to this path (asking first when a file is there).
    ExportMarkwhen(PathBuf),
    /// Write a picture of the timeline area as PNG (asking first when the file exists).
    ExportPng(PathBuf),
    /// Write a figure of the timeline (`ExportKind::FigureSvg` or `FigurePng`), asking first when the
    /// file exists.
    ExportFigure(crate::app::export::ExportKind, PathBuf),
    /// Go on with the export waiting to replace an existing file.
    ConfirmReplace,
    /// Drop the export waiting to replace an existing file; the file stays as it is.
    CancelReplace,
    /// Forget the recently opened files.
    ClearRecent,
    /// Close the window (asking first when there are unsaved changes).
    Quit,
    /// Take back the last edit.
    Undo,
    /// Do the last undone edit again.
    Redo,
    /// Save to the open dateline JSON file (Save As for anything else).
    Save,
    /// Save as dateline JSON to this file (asking first when one is there), which Save then writes to.
    SaveAs(PathBuf),
    /// Add an event at this day (days since 1970-01-01; the middle of the view without one) in this lane
    /// (the selected event's without one), and edit it.
    NewEvent {
        /// Where in time.
        day: Option<f64>,
        /// Which lane.
        lane: Option<LaneId>,
    },
    /// Put `event` in place of the event at `at`, as one undoable step named `name`.
    ReplaceEvent {
        /// The position of the event changed.
        at: usize,
        /// Its new version.
        event: Box<Event>,
        /// The step's name in the Edit menu.
        name: String,
    },
    /// Move the event at `at` to the date and lane of `event` while it is dragged: the steps of one drag
    /// (same `drag`) are one undo step.
    DragEvent {
        /// The position of the event dragged.
        at: usize,
        /// Where the drag has taken it.
        event: Box<Event>,
        /// Tells one drag from the next.
        drag: u64,
    },
    /// A drag was let go.
    EndDrag,
    /// Apply `edit` as one undoable step named `name` (lanes and tags are changed this way).
    ApplyEdit {
        /// The change.
        edit: Box<crate::model::edit::Edit>,
        /// The step's name in the Edit menu.
        name: String,
    },
    /// Show or hide the "Lanes, tags and periods" window.
    ShowLanesAndTags(bool),
    /// Draft a timeline from the text in this file (asking first when there are unsaved changes).
    DraftFromText(PathBuf),
    /// Decline the offer to draft a timeline from the text file opened.
    DeclineDraft,
    /// Accept the selected draft: it is reviewed.
    AcceptDraft,
    /// Reject the selected draft: it is deleted.
    RejectDraft,
    /// Accept every draft left.
    AcceptAllDrafts,
    /// Select the next draft not yet reviewed.
    NextDraft,
    /// Merge the selected event into the one before it (one event the text mentions twice).
    MergeWithPrevious,
    /// Make an event from the sentence of the mention that needs a date at this place in the list.
    DateMention(usize),
    /// Make an event from the words of the source text at these bytes: its quote is the sentence
    /// covering them, its date what the finder reads in them (else the person types it). It is a draft
    /// from the article, selected and open in the editor.
    EventFromText {
        /// The first byte selected.
        start: usize,
        /// One past the last byte selected.
        end: usize,
    },
    /// Delete the selected event.
    DeleteSelected,
    /// Add a copy of the selected event.
    DuplicateSelected,
    /// Edit the selected event in the details panel.
    StartEditing,
    /// Stop editing.
    StopEditing,
    /// The answer to "save the changes?".
    AnswerUnsaved(Answer),
    /// Restore the recovery copy the last session left.
    RestoreRecovery,
    /// Delete the recovery copy the last session left.
    DiscardRecovery,
    /// The open file changed on disk while there were unsaved edits: read it, dropping the edits.
    ReloadDroppingEdits,
    /// The open file changed on disk while there were unsaved edits: keep the edits (saving will replace
    /// the file's new version).
    KeepEdits,
    /// Start (`true`) or leave (`false`) story mode: one event at a time, in large type, over the timeline.
    Present(bool),
    /// In story mode, the next (`+1`) or previous (`-1`) slide in time order.
    PresentStep(isize),
    /// In story mode, the title slide.
    PresentTitle,
    /// In story mode, the slide of this event (clicked on the timeline).
    PresentEvent(usize),
    /// Enter or leave full screen.
    ToggleFullscreen,
}
