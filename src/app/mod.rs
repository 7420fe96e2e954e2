//! The window: app state, the frame's layout, and the commands UI code emits, applied after each frame so
//! drawing never changes the model halfway through.

pub mod command;
mod derived;
pub mod editing;
pub mod export;
mod files;
pub mod fonts;
pub mod loader;
pub mod persist;
pub mod wake;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

use chrono::NaiveDate;

pub use command::Command;
use persist::{Persisted, SideTab, ThemeChoice};

use crate::document::Document;
use crate::document::watch::FileWatcher;
use crate::explore::filter::{Counts, Filters};
use crate::explore::search::SearchIndex;
use crate::model::Timeline;
use crate::model::date::days_from_epoch;
use crate::view::confirm::{self, ReplacePrompt};
use crate::view::file_menu::{self, DialogPurpose, FileDialogs};
use crate::view::index::{EventIndex, span_days};
use crate::view::mapping::{self, TimeMapping};
use crate::view::overview::{self, DragMode};
use crate::view::text_panel::{self, FLASH_SECS, SourceTextView};
use crate::view::{details, help, legend, list, timeline};
use loader::Loading;
use wake::RepaintHandle;

/// The search box's id, so shortcuts can focus it.
const SEARCH_ID: &str = "dateline-search";

/// The search box's width, in points, at every window size.
const SEARCH_WIDTH: f32 = 200.0;

/// A message for the person: an error that did not stop the app, or news such as a finished export.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Notice {
    text: String,
    error: bool,
}

impl Notice {
    fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: true,
        }
    }

    fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: false,
        }
    }
}

/// How many lines of a message are shown (an invalid file can have hundreds of problems).
const NOTICE_LINES: usize = 8;

/// How an export finished: a message for the person either way.
type ExportResult = Result<String, String>;

/// The application: the open timeline and what the person is looking at.
// The flags are independent bits of UI state (reveal, help, search focus), not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct DatelineApp {
    /// The open timeline, its file and its undo history.
    doc: Document,
    today: NaiveDate,
    /// Events that pass the filters, indexed for drawing.
    index: EventIndex,
    filters: Filters,
    counts: Counts,
    /// Folded texts for searching, built on the first search.
    search: Option<SearchIndex>,
    /// The list's rows for `matches`.
    list_rows: Vec<list::ListRow>,
    query: String,
    /// The events matching the query (all shown events when it is empty), in time order.
    matches: Vec<usize>,
    /// Counts the changes to `matches`, so drawings made for one search are not reused for another.
    matches_generation: u64,
    selected: Option<usize>,
    /// The visible range as the plot last showed it.
    view_range: Option<(f64, f64)>,
    /// A range to show on the next frame.
    pending_range: Option<(f64, f64)>,
    /// Scroll the list and the text to the selection on the next frame.
    reveal: bool,
    plot_width: f32,
    shapes: usize,
    side_tab: SideTab,
    source_text: Option<SourceTextView>,
    /// The source text read beside each timeline, most recent first.
    texts: Vec<persist::TextFor>,
    /// The remembered state of the last session (and whether it was of the same file), kept until the
    /// file opened at launch has loaded.
    launch_restore: Option<(Persisted, bool)>,
    /// When the selected passage started flashing (egui time, seconds).
    flash_start: Option<f64>,
    overview_drag: Option<(DragMode, (f64, f64))>,
    show_help: bool,
    /// A message for the person (an error that did not stop the app, or news).
    notice: Option<Notice>,
    focus_search: bool,
    /// The "/" that focused the search is not typed into it (its text may arrive a frame later).
    swallow_slash: bool,
    /// The theme in force, read back from egui each frame so it can be remembered.
    theme_choice: ThemeChoice,
    /// The egui context, for background threads to ask for repaints.
    repaint: RepaintHandle,
    /// The file being loaded in the background.
    loading: Option<Loading>,
    /// Watches the open file for changes on disk.
    watcher: Option<FileWatcher>,
    /// The file that could not be watched (not tried again until another file is open).
    watch_failed: Option<PathBuf>,
    /// Why the open file's latest version on disk could not be read; the last good version stays on
    /// screen meanwhile.
    reload_error: Option<String>,
    /// Recently opened timeline files, most recent first.
    recent: Vec<PathBuf>,
    /// The file dialog that is open.
    dialogs: FileDialogs,
    /// An export waiting for the person to say it may replace an existing file.
    replace_prompt: Option<ReplacePrompt>,
    /// Files larger than this are refused.
    max_file_bytes: u64,
    /// The window title last sent.
    title_sent: Option<String>,
    /// Whether the egui context has been given the system's fonts.
    fonts_installed: bool,
    /// Whether the selected event is being edited in the details panel.
    editing: bool,
    /// The fields of the event being edited, as typed.
    form: crate::view::editor::EventForm,
    /// When the timeline was last changed and not yet copied for recovery.
    edited_at: Option<std::time::Instant>,
    /// What waits for the person to say whether to save the changes first.
    unsaved_prompt: Option<editing::Pending>,
    /// What to do once a save asked for by that question has succeeded.
    after_save: Option<editing::Pending>,
    /// The window is closing, its question answered.
    quitting: bool,
    /// The open file changed on disk while there were unsaved edits.
    disk_changed: bool,
    /// Where the recovery copy is written; `None` keeps none.
    recovery_dir: Option<PathBuf>,
    /// How long after an edit the recovery copy is written.
    recovery_delay: std::time::Duration,
    /// A recovery copy left by the last session, offered at launch.
    recovery_offer: Option<crate::document::recovery::Found>,
    /// Where the timeline was drawn last frame (points), for the PNG export.
    /// Shared with the screenshot callback, which reads it once the frame it pictures is painted.
    timeline_rect: Arc<Mutex<Option<egui::Rect>>>,
    /// Results of PNG exports finishing on other threads.
    export_results: (mpsc::Sender<ExportResult>, mpsc::Receiver<ExportResult>),
}

impl DatelineApp {
    /// An app showing `timeline`, read from `file` (`None` for the built-in dataset), with `today` as the
    /// day ongoing spans reach.
    pub fn new(timeline: Timeline, file: Option<PathBuf>, today: NaiveDate) -> Self {
        let mut app = Self {
            index: EventIndex::default(),
            doc: Document::new(timeline, file, false),
            today,
            filters: Filters::default(),
            counts: Counts::default(),
            search: None,
            list_rows: Vec::new(),
            query: String::new(),
            matches: Vec::new(),
            matches_generation: 0,
            selected: None,
            view_range: None,
            pending_range: None,
            reveal: false,
            plot_width: 1000.0,
            shapes: 0,
            side_tab: SideTab::Details,
            source_text: None,
            texts: Vec::new(),
            launch_restore: None,
            flash_start: None,
            overview_drag: None,
            show_help: false,
            notice: None,
            focus_search: false,
            swallow_slash: false,
            theme_choice: ThemeChoice::System,
            repaint: RepaintHandle::default(),
            loading: None,
            watcher: None,
            watch_failed: None,
            reload_error: None,
            recent: Vec::new(),
            dialogs: FileDialogs::default(),
            replace_prompt: None,
            max_file_bytes: crate::formats::MAX_FILE_BYTES,
            title_sent: None,
            fonts_installed: false,
            editing: false,
            form: crate::view::editor::EventForm::default(),
            edited_at: None,
            unsaved_prompt: None,
            after_save: None,
            quitting: false,
            disk_changed: false,
            recovery_dir: None,
            recovery_delay: std::time::Duration::from_secs(3),
            recovery_offer: None,
            timeline_rect: Arc::default(),
            export_results: mpsc::channel(),
        };
        app.recount_and_refilter();
        app.pending_range = Some(app.fit_range());
        app
    }

    /// The built-in dataset.
    pub fn builtin(today: NaiveDate) -> anyhow::Result<Self> {
        Ok(Self::new(crate::formats::builtin()?, None, today))
    }

    /// Opens the window's app at once on the built-in dataset, then loads the file given on the command
    /// line, else the one open last time, in the background (with the progress bar and Cancel of
    /// `File → Open`); the remembered view, selection, filters and theme apply where they still fit. A file
    /// that cannot be opened leaves the built-in dataset on screen, with a message.
    pub fn launch(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        file: Option<PathBuf>,
        text: Option<PathBuf>,
        today: NaiveDate,
    ) -> Self {
        let mut state = Persisted::load(storage);
        ctx.set_theme(state.theme.preference());
        let explicit = file.is_some();
        let wanted = file
            .map(|p| std::path::absolute(&p).unwrap_or(p))
            .or_else(|| state.file.clone());
        let builtin = crate::formats::builtin().unwrap_or_default();
        let mut app = Self::new(builtin, None, today);
        app.repaint.set(ctx);
        app.theme_choice = state.theme;
        app.recent.clone_from(&state.recent);
        app.texts.clone_from(&state.texts);
        let text_named = text.is_some();
        if let Some(text) = text {
            // A text named on the command line is what the person wants to read beside this timeline.
            let text = std::path::absolute(&text).unwrap_or(text);
            persist::set_text_for(&mut app.texts, wanted.as_deref(), Some(&text));
        }
        let same_file = !explicit || wanted == state.file;
        if text_named {
            state.side_tab = SideTab::Text;
        }
        if let Some(path) = wanted {
            match std::fs::metadata(&path) {
                Ok(_) => {
                    app.launch_restore = Some((state, same_file));
                    app.open(path);
                }
                Err(e) => {
                    app.restore(&state, false);
                    app.notice = Some(Notice::error(format!(
                        "{}: cannot read the file: {e}",
                        files::shown_path(&path)
                    )));
                    app.follow_text();
                }
            }
        } else {
            app.restore(&state, true);
            app.follow_text();
        }
        app
    }

    /// Applies a remembered state: filters, theme tab and, when it was the same file, the view and the
    /// selection.
    pub fn restore(&mut self, state: &Persisted, same_file: bool) {
        self.filters = state.filters.clone();
        self.side_tab = state.side_tab;
        self.refilter();
        if same_file {
            if let Some((s, e)) = state.view_range {
                self.pending_range = Some(mapping::clamp_span(s, e));
            }
            self.selected = state
                .selected_id
                .as_deref()
                .and_then(|id| self.doc.timeline().event_index(id));
        }
    }

    /// The state to remember. While the file of the last session is still loading, that session's view is
    /// what is remembered, so quitting early does not forget it.
    pub fn persisted(&self, theme: ThemeChoice) -> Persisted {
        if let Some((state, _)) = &self.launch_restore {
            return Persisted {
                theme,
                recent: self.recent.clone(),
                texts: self.texts.clone(),
                ..state.clone()
            };
        }
        Persisted {
            file: self.doc.file().map(Path::to_owned),
            texts: self.texts.clone(),
            view_range: self.pending_range.or(self.view_range),
            selected_id: self.selected_id().map(str::to_owned),
            filters: self.filters.clone(),
            theme,
            side_tab: self.side_tab,
            recent: self.recent.clone(),
            ..Persisted::default()
        }
    }

    /// The open timeline.
    pub fn timeline(&self) -> &Timeline {
        self.doc.timeline()
    }

    /// The index of the selected event.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The id of the selected event.
    pub fn selected_id(&self) -> Option<&str> {
        self.selected
            .and_then(|i| self.doc.timeline().events.get(i))
            .map(crate::model::Event::id)
    }

    /// The visible time range, in days since 1970-01-01, as last shown.
    pub fn view_range(&self) -> Option<(f64, f64)> {
        self.view_range
    }

    /// The number of marks and labels the timeline drew in the last frame.
    pub fn shapes_last_frame(&self) -> usize {
        self.shapes
    }

    /// The filters in force.
    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// The events shown in the list: passing the filters and matching the search, in time order.
    pub fn listed(&self) -> &[usize] {
        &self.matches
    }

    /// The number of events drawn on the timeline (passing the filters).
    pub fn shown_count(&self) -> usize {
        self.index.len()
    }

    /// The search text.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The source text beside the timeline, when one is open.
    pub fn source_text(&self) -> Option<&SourceTextView> {
        self.source_text.as_ref()
    }

    /// Where the selected event's passage is in the source text (byte range), when both are there: the
    /// passage the text panel highlights and scrolls to.
    pub fn selected_passage(&self) -> Option<(usize, usize)> {
        let text = self.source_text.as_ref()?;
        text.span_of(self.selected?).map(|s| (s.start, s.end))
    }

    /// The side panel's tab.
    pub fn side_tab(&self) -> SideTab {
        self.side_tab
    }

    /// A message shown to the person, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// Whether the message shown is an error.
    pub fn notice_is_error(&self) -> bool {
        self.notice.as_ref().is_some_and(|n| n.error)
    }

    /// The open timeline file; `None` for the built-in dataset.
    pub fn file(&self) -> Option<&Path> {
        self.doc.file()
    }

    /// Recently opened timeline files, most recent first.
    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// Whether a file is loading in the background.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// How far the background load has got, while one runs.
    pub fn load_progress(&self) -> Option<loader::Progress> {
        self.loading.as_ref().map(Loading::progress)
    }

    /// Why the open file's latest version could not be read (the banner's text), while it cannot.
    pub fn reload_error(&self) -> Option<&str> {
        self.reload_error.as_deref()
    }

    /// Whether the open file is being watched for changes.
    pub fn is_watching(&self) -> bool {
        self.watcher.is_some()
    }

    /// The export waiting to be allowed to replace an existing file, while the question is asked.
    pub fn replace_prompt(&self) -> Option<&ReplacePrompt> {
        self.replace_prompt.as_ref()
    }

    /// What the open file dialog is for, when one is open.
    pub fn dialog(&self) -> Option<DialogPurpose> {
        self.dialogs.purpose()
    }

    /// The window's title: `dateline — <timeline title>`, on one line of at most a couple of hundred
    /// characters.
    pub fn window_title(&self) -> String {
        let unsaved = if self.doc.is_dirty() { "*" } else { "" };
        format!(
            "dateline — {unsaved}{}",
            crate::view::elide::one_line(&self.doc.timeline().title, 160)
        )
    }

    /// Whether there are changes not saved to a file.
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// What waits for the answer to "save the changes?", while it is asked.
    pub fn unsaved_prompt(&self) -> Option<&editing::Pending> {
        self.unsaved_prompt.as_ref()
    }

    /// Whether the selected event is being edited.
    pub fn is_editing(&self) -> bool {
        self.editing
    }

    /// The document: the timeline, its file and its history.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Keeps a recovery copy of unsaved changes in `folder`, `delay` after each edit; offers the copy the
    /// last session left there, if any.
    pub fn set_recovery(&mut self, folder: PathBuf, delay: std::time::Duration) {
        self.recovery_offer = crate::document::recovery::find(&folder);
        self.recovery_dir = Some(folder);
        self.recovery_delay = delay;
    }

    /// Whether a recovery copy from the last session is offered.
    pub fn recovery_offered(&self) -> bool {
        self.recovery_offer.is_some()
    }

    /// Refuses files larger than `bytes` from now on (the default is [`crate::formats::MAX_FILE_BYTES`]).
    pub fn set_max_file_bytes(&mut self, bytes: u64) {
        self.max_file_bytes = bytes;
    }

    fn keeps(&self, i: usize) -> bool {
        self.doc
            .timeline()
            .events
            .get(i)
            .is_some_and(|e| self.filters.keeps(self.doc.timeline(), e))
    }

    fn fit_range(&self) -> (f64, f64) {
        self.index.extent.map_or_else(
            || {
                let t = days_from_epoch(self.today) as f64;
                mapping::fit_range(t - 365.0, t + 1.0)
            },
            // Labels run to the right of their markers: leave them a little room.
            |(s, e)| {
                let (a, b) = mapping::fit_range(s, e);
                (a, b + (b - a) * 0.06)
            },
        )
    }

    fn current_mapping(&self) -> TimeMapping {
        let (s, e) = self
            .pending_range
            .or(self.view_range)
            .unwrap_or_else(|| self.fit_range());
        TimeMapping::new(s, e, 0.0, self.plot_width)
    }

    fn event_span(&self, i: usize) -> Option<(f64, f64)> {
        self.doc
            .timeline()
            .events
            .get(i)
            .map(|e| span_days(e.when.covered(self.today)))
    }

    fn select_and_reveal(&mut self, i: usize) {
        if let Some((s, e)) = self.event_span(i) {
            self.selected = Some(i);
            self.reveal = true;
            self.flash_start = None;
            let m = self.current_mapping().bring_into_view(s, e, 80.0);
            self.pending_range = Some((m.start_days, m.end_days));
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(selection) => {
                self.selected = selection.filter(|&i| i < self.doc.timeline().events.len());
                self.reveal = self.selected.is_some();
                self.flash_start = None;
            }
            Command::SelectAndReveal(i) => self.select_and_reveal(i),
            Command::Step(direction) => {
                let shown: Vec<usize> = if self.query.is_empty() {
                    (0..self.doc.timeline().events.len())
                        .filter(|&i| self.keeps(i))
                        .collect()
                } else {
                    self.matches.clone()
                };
                if let Some(j) = self.step_in(&shown, direction) {
                    self.select_and_reveal(j);
                }
            }
            Command::StepMatch(direction) => {
                let matches = self.matches.clone();
                if let Some(j) = self.step_in(&matches, direction) {
                    self.select_and_reveal(j);
                }
            }
            Command::FitAll => self.pending_range = Some(self.fit_range()),
            Command::ZoomBy(factor) => {
                let m = self.current_mapping();
                let z = m.zoom_at(factor, m.width / 2.0);
                self.pending_range = Some((z.start_days, z.end_days));
            }
            Command::ShowRange(s, e) => self.pending_range = Some(mapping::fit_range(s, e)),
            Command::SetView(s, e) => self.pending_range = Some(mapping::clamp_span(s, e)),
            Command::SetFilters(filters) => {
                self.filters = filters;
                self.refilter();
                if self.selected.is_some_and(|i| !self.keeps(i)) {
                    self.selected = None;
                }
            }
            Command::Escape => {
                if self.query.is_empty() {
                    self.selected = None;
                } else {
                    self.query.clear();
                    self.rematch();
                }
            }
            Command::SetTab(tab) => {
                self.side_tab = tab;
                self.reveal = true;
            }
            Command::OpenText(path) => {
                let path = std::path::absolute(&path).unwrap_or(path);
                if self.open_text(&path) {
                    persist::set_text_for(&mut self.texts, self.doc.file(), Some(&path));
                }
            }
            Command::CloseText => {
                self.source_text = None;
                persist::set_text_for(&mut self.texts, self.doc.file(), None);
            }
            Command::Open(path) => self.when_saved_or_asked(editing::Pending::Open(path)),
            Command::OpenBuiltin => self.when_saved_or_asked(editing::Pending::OpenBuiltin),
            Command::Reload => self.when_saved_or_asked(editing::Pending::Reload),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Save => {
                let ctx = self.repaint.ctx();
                self.save(ctx.as_ref());
            }
            Command::SaveAs(path) => self.save_as(&path, false),
            Command::NewEvent { day, lane } => self.new_event(day, lane),
            Command::ReplaceEvent { at, event, name } => {
                self.edit(
                    crate::model::edit::Edit::ReplaceEvent {
                        at,
                        event: *event,
                        to: None,
                    },
                    name,
                    None,
                );
            }
            Command::DragEvent { at, event, drag } => {
                let name = format!("move {}", editing::step_title(event.title()));
                self.edit(
                    crate::model::edit::Edit::ReplaceEvent {
                        at,
                        event: *event,
                        to: None,
                    },
                    name,
                    Some(drag),
                );
            }
            Command::EndDrag => self.doc.seal(),
            Command::DeleteSelected => self.delete_selected(),
            Command::DuplicateSelected => self.duplicate_selected(),
            Command::StartEditing => self.editing = self.selected.is_some(),
            Command::StopEditing => self.editing = false,
            Command::AnswerUnsaved(answer) => self.answer_unsaved(answer),
            Command::RestoreRecovery => self.restore_recovery(),
            Command::DiscardRecovery => {
                self.recovery_offer = None;
                self.remove_recovery();
            }
            Command::ReloadDroppingEdits => {
                self.disk_changed = false;
                self.go_on(editing::Pending::Reload);
            }
            Command::KeepEdits => {
                self.disk_changed = false;
                self.doc.keep_over_disk_change();
            }
            Command::CancelLoad => self.cancel_load(),
            Command::ExportJson(path) => self.request_export(export::ExportKind::Json, path),
            Command::ExportCsv(path) => self.request_export(export::ExportKind::Csv, path),
            Command::ExportPng(path) => self.request_export(export::ExportKind::Png, path),
            Command::ConfirmReplace => {
                if let Some(prompt) = self.replace_prompt.take() {
                    if prompt.save_as {
                        self.save_as(&prompt.path, true);
                    } else {
                        self.export_now(prompt.kind, prompt.path);
                    }
                }
            }
            Command::CancelReplace => {
                if let Some(prompt) = self.replace_prompt.take() {
                    self.notice = Some(Notice::info(format!(
                        "Nothing written: {} is as it was.",
                        files::shown_path(&prompt.path)
                    )));
                }
            }
            Command::ClearRecent => self.recent.clear(),
            Command::Quit => self.when_saved_or_asked(editing::Pending::Quit),
        }
    }

    /// The event after (or before) the selection among `shown` (time-ordered); without a selection, the
    /// first (or last) one in view.
    fn step_in(&self, shown: &[usize], direction: isize) -> Option<usize> {
        if shown.is_empty() {
            return None;
        }
        match self.selected {
            Some(i) => {
                let at = shown.partition_point(|&j| j < i);
                if direction > 0 {
                    let k = if shown.get(at) == Some(&i) {
                        at + 1
                    } else {
                        at
                    };
                    shown.get(k).copied()
                } else {
                    at.checked_sub(1).and_then(|k| shown.get(k).copied())
                }
            }
            None if direction > 0 => {
                let start = self.view_range.map_or(f64::MIN, |r| r.0);
                Some(
                    shown
                        .iter()
                        .copied()
                        .find(|&i| self.event_span(i).is_some_and(|s| s.1 > start))
                        .unwrap_or(shown[0]),
                )
            }
            None => {
                let end = self.view_range.map_or(f64::MAX, |r| r.1);
                Some(
                    shown
                        .iter()
                        .rev()
                        .copied()
                        .find(|&i| self.event_span(i).is_some_and(|s| s.0 < end))
                        .unwrap_or(shown[shown.len() - 1]),
                )
            }
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.swallow_slash {
            ctx.input_mut(|i| {
                let slash = |e: &egui::Event| matches!(e, egui::Event::Text(t) if t == "/");
                if let Some(k) = i.events.iter().position(slash) {
                    i.events.remove(k);
                    self.swallow_slash = false;
                } else if i.events.iter().any(|e| matches!(e, egui::Event::Text(_))) {
                    self.swallow_slash = false;
                }
            });
        }
        let search_id = egui::Id::unique(SEARCH_ID);
        let search_focused = ctx.memory(|m| m.has_focus(search_id));
        if self.dialogs.is_open()
            || self.replace_prompt.is_some()
            || self.unsaved_prompt.is_some()
            || self.recovery_offer.is_some()
        {
            // The file dialog or the question takes the keyboard (Esc closes it, typing names a file).
            return;
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            self.open_dialog(ctx, DialogPurpose::Open);
            return;
        }
        let shift_command = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
        if ctx.input_mut(|i| i.consume_key(shift_command, egui::Key::S)) {
            self.open_dialog(ctx, DialogPurpose::SaveAs);
            return;
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S)) {
            commands.push(Command::Save);
            return;
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            self.focus_search = true;
        }
        if ctx.egui_wants_keyboard_input() {
            if search_focused && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
                commands.push(Command::Escape);
            }
            // A text field keeps its own undo (Ctrl+Z) and its own keys.
            return;
        }
        ctx.input_mut(|i| {
            // Checked before Ctrl+Z alone, which they contain.
            if i.consume_key(shift_command, egui::Key::Z)
                || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y)
            {
                commands.push(Command::Redo);
            }
            if i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z) {
                commands.push(Command::Undo);
            }
            if i.consume_key(egui::Modifiers::COMMAND, egui::Key::D) {
                commands.push(Command::DuplicateSelected);
            }
            if i.modifiers.is_none() {
                if i.key_pressed(egui::Key::N) {
                    commands.push(Command::NewEvent {
                        day: None,
                        lane: None,
                    });
                }
                if i.key_pressed(egui::Key::E) {
                    commands.push(Command::StartEditing);
                }
                if i.key_pressed(egui::Key::Delete) {
                    commands.push(Command::DeleteSelected);
                }
            }
            if i.key_pressed(egui::Key::Slash) {
                self.focus_search = true;
                let before = i.events.len();
                i.events
                    .retain(|e| !matches!(e, egui::Event::Text(t) if t == "/"));
                self.swallow_slash = i.events.len() == before;
            }
            if i.key_pressed(egui::Key::Questionmark) {
                self.show_help = !self.show_help;
            }
            if i.key_pressed(egui::Key::T) && i.modifiers.is_none() {
                commands.push(Command::SetTab(if self.side_tab == SideTab::Text {
                    SideTab::Details
                } else {
                    SideTab::Text
                }));
            }
            // Every press counts, however many arrive in one frame (a key held down, or a fast typist).
            for _ in 0..i.num_presses(egui::Key::ArrowRight) {
                commands.push(Command::Step(1));
            }
            for _ in 0..i.num_presses(egui::Key::ArrowLeft) {
                commands.push(Command::Step(-1));
            }
            if i.key_pressed(egui::Key::Home) {
                commands.push(Command::FitAll);
            }
            let zoom_in = i.num_presses(egui::Key::Plus) + i.num_presses(egui::Key::Equals);
            for _ in 0..zoom_in {
                commands.push(Command::ZoomBy(1.5));
            }
            for _ in 0..i.num_presses(egui::Key::Minus) {
                commands.push(Command::ZoomBy(1.0 / 1.5));
            }
            if i.key_pressed(egui::Key::Escape) {
                commands.push(Command::Escape);
            }
        });
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                let menu = file_menu::FileMenu {
                    recent: &self.recent,
                    file: self.doc.file(),
                    text_open: self.source_text.is_some(),
                    dirty: self.doc.is_dirty(),
                    saves_in_place: self.doc.saves_in_place(),
                };
                file_menu::file_menu_ui(ui, &menu, &mut self.dialogs, commands);
            });
            ui.menu_button("Edit", |ui| self.edit_menu_ui(ui, commands));
            ui.menu_button("View", |ui| {
                if ui.button("Fit all        Home").clicked() {
                    commands.push(Command::FitAll);
                }
                if ui.button("Zoom in        +").clicked() {
                    commands.push(Command::ZoomBy(1.5));
                }
                if ui.button("Zoom out       -").clicked() {
                    commands.push(Command::ZoomBy(1.0 / 1.5));
                }
                ui.separator();
                if ui.button("Details panel").clicked() {
                    commands.push(Command::SetTab(SideTab::Details));
                }
                if ui.button("Source text    T").clicked() {
                    commands.push(Command::SetTab(SideTab::Text));
                }
                ui.separator();
                ui.label("Theme");
                egui::widgets::global_theme_preference_buttons(ui);
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Keyboard shortcuts   ?").clicked() {
                    self.show_help = true;
                }
            });
        });
    }

    /// The Edit menu: undo and redo, named for their steps; new, edit, duplicate and delete.
    fn edit_menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let history = self.doc.history();
        let undo = history
            .undo_name()
            .map_or_else(|| "Undo".to_owned(), |n| format!("Undo {n}"));
        if ui
            .add_enabled(
                history.undo_name().is_some(),
                egui::Button::new(undo).shortcut_text("Ctrl+Z"),
            )
            .clicked()
        {
            commands.push(Command::Undo);
        }
        let redo = history
            .redo_name()
            .map_or_else(|| "Redo".to_owned(), |n| format!("Redo {n}"));
        if ui
            .add_enabled(
                history.redo_name().is_some(),
                egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"),
            )
            .clicked()
        {
            commands.push(Command::Redo);
        }
        ui.separator();
        if ui
            .add(egui::Button::new("New event").shortcut_text("N"))
            .clicked()
        {
            commands.push(Command::NewEvent {
                day: None,
                lane: None,
            });
        }
        let selected = self.selected.is_some();
        if ui
            .add_enabled(selected, egui::Button::new("Edit event").shortcut_text("E"))
            .clicked()
        {
            commands.push(Command::StartEditing);
        }
        if ui
            .add_enabled(
                selected,
                egui::Button::new("Duplicate event").shortcut_text("Ctrl+D"),
            )
            .clicked()
        {
            commands.push(Command::DuplicateSelected);
        }
        if ui
            .add_enabled(
                selected,
                egui::Button::new("Delete event").shortcut_text("Delete"),
            )
            .clicked()
        {
            commands.push(Command::DeleteSelected);
        }
    }

    /// The title line: the timeline's title and source on the left, cut to the room left once the search
    /// box and the buttons on the right have theirs (which they always get in full).
    fn top_bar(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        // Copies of what the left side shows, so the right side may change the app; a title is cut well
        // past any room first.
        let title = crate::view::elide::bounded(&self.doc.timeline().title, 2_000).into_owned();
        let source = self.doc.timeline().source.clone();
        egui::Sides::new().shrink_left().truncate().show(
            ui,
            |ui| title_ui(ui, &title, source.as_ref()),
            |ui| {
                let (icon, next, tip) = match self.theme_choice {
                    ThemeChoice::System => (
                        "Theme: system",
                        ThemeChoice::Dark,
                        "The theme follows the system; click for dark",
                    ),
                    ThemeChoice::Dark => (
                        "Theme: dark",
                        ThemeChoice::Light,
                        "Dark theme; click for light",
                    ),
                    ThemeChoice::Light => (
                        "Theme: light",
                        ThemeChoice::System,
                        "Light theme; click to follow the system",
                    ),
                };
                if ui.button(icon).on_hover_text(tip).clicked() {
                    ui.ctx().set_theme(next.preference());
                }
                if ui
                    .button("Shortcuts")
                    .on_hover_text("Every keyboard shortcut (?)")
                    .clicked()
                {
                    self.show_help = true;
                }
                let text_open = self.side_tab == SideTab::Text;
                if ui
                    .selectable_label(text_open, "Text")
                    .on_hover_text("Show the source text beside the timeline (T)")
                    .clicked()
                {
                    commands.push(Command::SetTab(if text_open {
                        SideTab::Details
                    } else {
                        SideTab::Text
                    }));
                }
                if ui
                    .button("New event")
                    .on_hover_text(
                        "Add an event in the middle of the view (N), or double-click a lane",
                    )
                    .clicked()
                {
                    commands.push(Command::NewEvent {
                        day: None,
                        lane: None,
                    });
                }
                if ui
                    .button("Fit all")
                    .on_hover_text("Show every event (Home, or double-click the timeline)")
                    .clicked()
                {
                    commands.push(Command::FitAll);
                }
                self.search_ui(ui, commands);
            },
        );
    }

    fn search_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let id = egui::Id::unique(SEARCH_ID);
        if !self.query.is_empty() {
            if ui
                .small_button("Next")
                .on_hover_text("Next match (Enter)")
                .clicked()
            {
                commands.push(Command::StepMatch(1));
            }
            if ui
                .small_button("Prev")
                .on_hover_text("Previous match (Shift+Enter)")
                .clicked()
            {
                commands.push(Command::StepMatch(-1));
            }
            let n = self.matches.len();
            ui.label(if n == 1 {
                "1 match".to_owned()
            } else {
                format!("{n} matches")
            });
        }
        // The search box keeps a usable width whatever the window's: the title gives way instead.
        let edit = egui::TextEdit::singleline(&mut self.query)
            .id(id)
            .hint_text("Search (Ctrl+F or /)")
            .desired_width(SEARCH_WIDTH)
            .min_size(egui::vec2(SEARCH_WIDTH, 0.0));
        let response = ui
            .add(edit)
            .on_hover_text("Titles, summaries, quotes, people and places");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, "Search"));
        if response.changed() {
            self.rematch();
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            commands.push(Command::StepMatch(if back { -1 } else { 1 }));
            response.request_focus();
        }
        if self.focus_search {
            response.request_focus();
            self.focus_search = false;
        }
    }

    fn side_panel(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui
                .selectable_label(self.side_tab == SideTab::Details, "Details")
                .clicked()
            {
                commands.push(Command::SetTab(SideTab::Details));
            }
            if ui
                .selectable_label(self.side_tab == SideTab::Text, "Text")
                .clicked()
            {
                commands.push(Command::SetTab(SideTab::Text));
            }
        });
        ui.separator();
        match self.side_tab {
            SideTab::Details => match self
                .selected
                .filter(|&i| i < self.doc.timeline().events.len())
            {
                Some(at) if self.editing => {
                    let generation = self.doc.history().generation();
                    let filled = self.form.filled_for == Some((at, generation));
                    let typing = ui.ctx().memory(|m| m.focused().is_some());
                    if !filled && !typing {
                        self.form = crate::view::editor::EventForm::of(
                            &self.doc.timeline().events[at],
                            at,
                            generation,
                        );
                    }
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            crate::view::editor::editor_ui(
                                ui,
                                self.doc.timeline(),
                                at,
                                &mut self.form,
                                commands,
                            );
                        });
                }
                Some(at) => {
                    ui.horizontal(|ui| {
                        if ui
                            .button("Edit")
                            .on_hover_text("Edit this event (E)")
                            .clicked()
                        {
                            commands.push(Command::StartEditing);
                        }
                        if ui
                            .button("Duplicate")
                            .on_hover_text("Add a copy of this event (Ctrl+D)")
                            .clicked()
                        {
                            commands.push(Command::DuplicateSelected);
                        }
                        if ui
                            .button("Delete")
                            .on_hover_text("Delete this event (Delete)")
                            .clicked()
                        {
                            commands.push(Command::DeleteSelected);
                        }
                    });
                    let event = &self.doc.timeline().events[at];
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            details::details_ui(ui, self.doc.timeline(), event);
                        });
                }
                None => {
                    ui.weak("Click an event on the timeline or in the list to read what the text says about it.");
                }
            },
            SideTab::Text => {
                let now = ui.input(|i| i.time);
                let flash = match (self.selected, self.flash_start) {
                    (Some(_), Some(start)) if now - start < FLASH_SECS => {
                        ui.ctx().request_repaint();
                        Some(((now - start) / FLASH_SECS) as f32)
                    }
                    _ => None,
                };
                if self.reveal && self.selected.is_some() {
                    self.flash_start = Some(now);
                }
                match &self.source_text {
                    Some(text) => text_panel::text_ui(
                        ui,
                        self.doc.timeline(),
                        text,
                        self.selected,
                        self.reveal,
                        flash,
                        commands,
                    ),
                    None => text_panel::quotes_ui(
                        ui,
                        self.doc.timeline(),
                        self.index.generation,
                        self.selected,
                        self.reveal,
                        commands,
                    ),
                }
            }
        }
    }
}

impl eframe::App for DatelineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // The theme lives in egui's options; the app reads it back each frame.
        self.persisted(self.theme_choice).store(storage);
    }
}

impl DatelineApp {
    /// The questions over the window: replace a file, save unsaved changes, restore a recovery copy.
    fn questions_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(prompt) = &self.replace_prompt {
            confirm::replace_prompt_ui(ctx, prompt, commands);
        }
        if let Some(pending) = &self.unsaved_prompt {
            let name = self.doc.file().and_then(Path::file_name).map_or_else(
                || self.doc.timeline().title.clone(),
                |n| n.to_string_lossy().into_owned(),
            );
            crate::view::unsaved::unsaved_prompt_ui(ctx, &name, pending.doing(), commands);
        }
        if let Some(found) = &self.recovery_offer {
            let name = found
                .origin
                .as_deref()
                .and_then(Path::file_name)
                .map_or_else(
                    || "the built-in timeline".to_owned(),
                    |n| n.to_string_lossy().into_owned(),
                );
            let written = found
                .written
                .map(|t| {
                    let when: chrono::DateTime<chrono::Local> = t.into();
                    format!(" on {}", when.format("%-d %B %Y at %H:%M"))
                })
                .unwrap_or_default();
            crate::view::unsaved::recovery_prompt_ui(ctx, &name, &written, commands);
        }
    }

    /// Closing the window with unsaved changes asks first.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.quitting {
            return;
        }
        if self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.unsaved_prompt = Some(editing::Pending::Quit);
        } else {
            self.remove_recovery();
        }
    }

    /// Shows the whole window's contents for one frame and applies what the person did.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        if !self.fonts_installed {
            fonts::install(ui.ctx());
            self.fonts_installed = true;
        }
        self.repaint.set(ui.ctx());
        self.poll_background();
        self.ensure_watcher();
        self.update_title(ui.ctx());
        self.theme_choice = ThemeChoice::from_preference(ui.ctx().options(|o| o.theme_preference));
        self.keyboard(ui.ctx(), &mut commands);
        self.guard_close(ui.ctx());
        self.keep_recovery_copy();
        files::dropped_files(ui.ctx(), &mut commands);

        egui::Panel::top("menu-bar").show(ui, |ui| self.menu_bar(ui, &mut commands));
        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.add_space(2.0);
            self.top_bar(ui, &mut commands);
            if let Some(loading) = &self.loading {
                files::loading_ui(ui, loading, &mut commands);
            }
            if self.disk_changed {
                files::disk_changed_banner_ui(ui, &mut commands);
            }
            if let Some(error) = &self.reload_error {
                files::reload_banner_ui(ui, error);
            }
            if let Some(notice) = self.notice.clone() {
                ui.horizontal(|ui| {
                    let color = if notice.error {
                        ui.visuals().warn_fg_color
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.colored_label(color, files::shortened(&notice.text, NOTICE_LINES));
                    if ui.small_button("dismiss").clicked() {
                        self.notice = None;
                    }
                });
            }
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            let shown = self.index.len();
            let total = self.doc.timeline().events.len();
            let filtered = if shown == total { String::new() } else { format!("{shown} of {total} events shown · ") };
            ui.weak(format!("{filtered}Drag to pan · wheel or +/- to zoom · click an event to read it · Left/Right: previous/next · ?: all shortcuts"));
        });
        egui::Panel::left("event-list")
            .resizable(true)
            .default_size(290.0)
            .min_size(200.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                egui::CollapsingHeader::new("Filters and legend")
                    .default_open(true)
                    .show(ui, |ui| {
                        legend::legend_ui(
                            ui,
                            self.doc.timeline(),
                            &self.filters,
                            &self.counts,
                            &mut commands,
                        );
                    });
                ui.separator();
                ui.strong(if self.query.is_empty() {
                    "Events".to_owned()
                } else {
                    format!(
                        "Events matching “{}”",
                        crate::view::elide::one_line(&self.query, 40)
                    )
                });
                list::list_ui(
                    ui,
                    self.doc.timeline(),
                    &self.list_rows,
                    self.selected,
                    self.reveal,
                    &mut commands,
                );
            });
        if self.selected.is_some() || self.side_tab == SideTab::Text {
            egui::Panel::right("side-panel")
                .resizable(true)
                .default_size(340.0)
                .min_size(240.0)
                .show(ui, |ui| {
                    self.side_panel(ui, &mut commands);
                });
        }
        self.reveal = false;
        egui::CentralPanel::default().show(ui, |ui| {
            let overview_height = overview::HEIGHT + 8.0;
            let timeline_height = (ui.available_height() - overview_height).max(120.0);
            let query_active = !self.query.is_empty();
            let matches = &self.matches;
            let highlight = move |i: usize| matches.binary_search(&i).is_ok();
            let view = timeline::TimelineView {
                timeline: self.doc.timeline(),
                index: &self.index,
                selected: self.selected,
                highlight: if query_active { Some(&highlight) } else { None },
                highlight_key: if query_active {
                    self.matches_generation
                } else {
                    0
                },
                today_days: days_from_epoch(self.today) as f64,
                set_range: self.pending_range.take(),
            };
            let drawn = ui.allocate_ui(egui::vec2(ui.available_width(), timeline_height), |ui| {
                timeline::timeline_ui(ui, &view, &mut commands)
            });
            if let Ok(mut rect) = self.timeline_rect.lock() {
                *rect = Some(drawn.response.rect);
            }
            let out = drawn.inner;
            let (s, e) = mapping::clamp_span(out.range.0, out.range.1);
            if (s, e) != out.range {
                self.pending_range = Some((s, e));
            }
            self.view_range = Some((s, e));
            self.plot_width = out.width;
            self.shapes = out.shapes;
            ui.add_space(6.0);
            if let Some((s, e)) =
                overview::overview_ui(ui, &self.index, (s, e), &mut self.overview_drag)
            {
                commands.push(Command::SetView(s, e));
            }
        });
        help::help_window(ui.ctx(), &mut self.show_help);
        self.dialogs.show(ui.ctx(), &mut commands);
        self.questions_ui(ui.ctx(), &mut commands);
        files::drop_overlay(ui.ctx());

        // Text laid out after the timeline can grow the glyph atlas under what the timeline baked.
        let repaint = !commands.is_empty()
            || self.pending_range.is_some()
            || crate::view::memo::atlas_grew_since_generation(ui.ctx());
        for command in commands {
            self.apply(command);
        }
        if repaint {
            ui.ctx().request_repaint();
        }
    }
}

/// The timeline's title, who published its source and a link to it, each cut to the room there is.
fn title_ui(ui: &mut egui::Ui, title: &str, source: Option<&crate::model::SourceText>) {
    use crate::view::elide;
    let room = |ui: &egui::Ui, size: f32| elide::max_chars_for(ui.available_width(), size);
    let heading = room(ui, 20.0);
    ui.add(
        egui::Label::new(egui::RichText::new(elide::one_line(title, heading)).heading()).truncate(),
    )
    .on_hover_text(elide::bounded(title, 1_000));
    let Some(source) = source else {
        return;
    };
    let by: Vec<String> = source
        .publisher
        .iter()
        .cloned()
        .chain(source.author.iter().map(|a| format!("by {a}")))
        .collect();
    if !by.is_empty() && ui.available_width() > 40.0 {
        let line = format!("— {}", by.join(", "));
        ui.add(
            egui::Label::new(egui::RichText::new(elide::one_line(&line, room(ui, 14.0))).weak())
                .truncate(),
        )
        .on_hover_text(elide::bounded(&line, 1_000));
    }
    if let Some(url) = &source.url
        && ui.available_width() > 40.0
    {
        crate::view::link::link_ui(ui, "source", url);
    }
}

/// Opens the window on `file` (or what was open last time, or the built-in dataset).
pub fn run(file: Option<PathBuf>, today: NaiveDate) -> anyhow::Result<()> {
    run_with_text(file, None, today)
}

/// Opens the window on `file` (or what was open last time, or the built-in dataset), with `text` beside it.
pub fn run_with_text(
    file: Option<PathBuf>,
    text: Option<PathBuf>,
    today: NaiveDate,
) -> anyhow::Result<()> {
    // Fail early, on the terminal, when a file named on the command line is not there to read at all; its
    // content is read in the window, in the background, which says what is wrong with it if anything is.
    for path in file.iter().chain(text.iter()) {
        std::fs::File::open(path).map_err(|e| {
            anyhow::anyhow!("{}: cannot read the file: {e}", files::shown_path(path))
        })?;
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([720.0, 420.0])
            .with_title("dateline")
            .with_app_id("dateline"),
        // The app installs the system's fonts itself (see `fonts`), the same way in tests.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "dateline",
        options,
        Box::new(move |cc| {
            let mut app = DatelineApp::launch(&cc.egui_ctx, cc.storage, file, text, today);
            // Unsaved changes are copied beside the remembered state, a few seconds after each edit.
            if let Some(folder) = eframe::storage_dir("dateline") {
                app.set_recovery(folder.join("recovery"), std::time::Duration::from_secs(3));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
