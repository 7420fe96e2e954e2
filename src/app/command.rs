//! What the person asked for during a frame. UI code pushes these; the app applies them after the frame.

use std::path::PathBuf;

use crate::explore::filter::Filters;

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
    /// Show every event and period.
    FitAll,
    /// Zoom around the centre of the view (> 1 zooms in).
    ZoomBy(f64),
    /// Show a time range (days since 1970-01-01), with a little room around it.
    ShowRange(f64, f64),
    /// Show exactly this range (from the overview strip).
    SetView(f64, f64),
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
    /// Write the timeline as dateline JSON (asking first when the file exists).
    ExportJson(PathBuf),
    /// Write the timeline as dateline CSV (asking first when the file exists).
    ExportCsv(PathBuf),
    /// Write a picture of the timeline area as PNG (asking first when the file exists).
    ExportPng(PathBuf),
    /// Go on with the export waiting to replace an existing file.
    ConfirmReplace,
    /// Drop the export waiting to replace an existing file; the file stays as it is.
    CancelReplace,
    /// Forget the recently opened files.
    ClearRecent,
    /// Close the window.
    Quit,
}
