//! The window's state: the document (timeline, file, history), what is in view and selected, exploring
//! (filters, search), the panels. The frame's layout is in `frame`, the keys in `keys`, and the commands UI
//! code emits are applied in `apply`, after each frame, so drawing never changes the model halfway
//! through; editing is in `editing`, opening files in `files`.

mod announce;
mod apply;
pub mod command;
mod derived;
pub mod editing;
pub mod export;
mod files;
pub mod focus;
pub mod fonts;
mod frame;
pub mod identity;
mod keys;
pub mod loader;
pub mod media_loader;
pub mod persist;
pub mod review;
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
use crate::view::confirm::ReplacePrompt;
use crate::view::file_menu::{DialogPurpose, FileDialogs};
use crate::view::index::{EventIndex, span_days};
use crate::view::list;
use crate::view::mapping::{self, TimeMapping};
use crate::view::overview::DragMode;
use crate::view::scale::Scale;
use crate::view::text_panel::{SourceTextView, TextPanelState};
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
    /// Events that pass the filters, indexed for drawing, in view days (see `scale`).
    index: EventIndex,
    /// Whether the scale for stories is asked for (a view setting, remembered).
    story_scale: bool,
    /// Time ↔ the view's days: the story scale of the open timeline when asked for, else linear. Every
    /// range the app keeps (`view_range`, `pending_range`) is in view days.
    scale: Scale,
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
    /// Where the source text's paragraphs stand, and the words selected in it.
    text_panel: TextPanelState,
    /// The source text read beside each timeline, most recent first.
    texts: Vec<persist::TextFor>,
    /// The remembered state of the last session (and whether it was of the same file), kept until the
    /// file opened at launch has loaded.
    launch_restore: Option<(Persisted, bool)>,
    /// When the selected passage started flashing (egui time, seconds).
    flash_start: Option<f64>,
    overview_drag: Option<(DragMode, (f64, f64))>,
    show_help: bool,
    /// Whether the "Lanes and tags" window is open.
    show_structure: bool,
    /// A text file the person opened, with the offer to draft a timeline from it.
    draft_offer: Option<PathBuf>,
    /// A draft being made from a text on another thread.
    drafting: Option<review::Drafting>,
    /// The mentions of the open draft's text that need a date.
    needs_date: Vec<review::NeedsDate>,
    /// What that window holds between frames.
    structure: crate::view::structure::StructureState,
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
    /// How the open file was read (a spreadsheet's columns and order of day and month): reading it again
    /// reads it the same way.
    read_options: crate::formats::ReadOptions,
    /// A spreadsheet waiting for the person to choose how to read it.
    sheet_mapping: Option<crate::view::sheet_mapping::SheetMapping>,
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
    /// The thread writing the recovery copy, while it runs.
    recovery_writer: Option<std::thread::JoinHandle<()>>,
    /// How long after an edit the recovery copy is written.
    recovery_delay: std::time::Duration,
    /// A recovery copy left by the last session, offered at launch.
    recovery_offer: Option<crate::document::recovery::Found>,
    /// Where the timeline was drawn last frame (points), for the PNG export.
    /// Shared with the screenshot callback, which reads it once the frame it pictures is painted.
    timeline_rect: Arc<Mutex<Option<egui::Rect>>>,
    /// Results of PNG exports finishing on other threads.
    export_results: (mpsc::Sender<ExportResult>, mpsc::Receiver<ExportResult>),
    /// Which slide story mode shows, while presenting.
    present: Option<crate::view::present::At>,
    /// The view gliding to the next slide's place, while it does.
    glide: Option<Glide>,
    /// Where the keyboard is, and the Tab stops of the timeline and the list.
    focus: focus::Focus,
    /// What the status bar's live region last told.
    announcer: announce::Announcer,
}

/// How long the timeline takes to glide to the next slide's event, in seconds.
const GLIDE_SECS: f64 = 0.5;

/// The view moving from one range to another, eased, over [`GLIDE_SECS`].
#[derive(Clone, Copy, Debug, PartialEq)]
struct Glide {
    from: (f64, f64),
    to: (f64, f64),
    /// When it started (egui time, seconds); set on the first frame it is drawn.
    started: Option<f64>,
}

impl Glide {
    /// The range at `now`, and whether the glide is over.
    fn at(&mut self, now: f64) -> ((f64, f64), bool) {
        let started = *self.started.get_or_insert(now);
        let t = ((now - started) / GLIDE_SECS).clamp(0.0, 1.0);
        if t >= 1.0 {
            return (self.to, true);
        }
        let eased = t * t * (3.0 - 2.0 * t);
        let lerp = |a: f64, b: f64| a + (b - a) * eased;
        (
            (lerp(self.from.0, self.to.0), lerp(self.from.1, self.to.1)),
            false,
        )
    }
}

impl DatelineApp {
    /// An app showing `timeline`, read from `file` (`None` for the built-in dataset), with `today` as the
    /// day ongoing spans reach.
    pub fn new(timeline: Timeline, file: Option<PathBuf>, today: NaiveDate) -> Self {
        let mut app = Self {
            index: EventIndex::default(),
            story_scale: false,
            scale: Scale::linear(),
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
            text_panel: TextPanelState::default(),
            texts: Vec::new(),
            launch_restore: None,
            flash_start: None,
            overview_drag: None,
            show_help: false,
            show_structure: false,
            drafting: None,
            draft_offer: None,
            needs_date: Vec::new(),
            structure: crate::view::structure::StructureState::default(),
            notice: None,
            focus_search: false,
            swallow_slash: false,
            theme_choice: ThemeChoice::System,
            repaint: RepaintHandle::default(),
            loading: None,
            read_options: crate::formats::ReadOptions::default(),
            sheet_mapping: None,
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
            recovery_writer: None,
            recovery_delay: std::time::Duration::from_secs(3),
            recovery_offer: None,
            timeline_rect: Arc::default(),
            export_results: mpsc::channel(),
            present: None,
            glide: None,
            focus: focus::Focus::default(),
            announcer: announce::Announcer::default(),
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
        Self::launch_with(
            ctx,
            storage,
            file,
            text,
            crate::formats::ReadOptions::default(),
            today,
        )
    }

    /// [`Self::launch`], reading the file as `options` say (the command line's `--columns`,
    /// `--day-first`, `--month-first`).
    pub fn launch_with(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        file: Option<PathBuf>,
        text: Option<PathBuf>,
        options: crate::formats::ReadOptions,
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
        // The file open last time is read as it was then, unless the command line says otherwise.
        let options = if same_file && options == crate::formats::ReadOptions::default() {
            state.reading.clone()
        } else {
            options
        };
        if let Some(path) = wanted {
            match std::fs::metadata(&path) {
                Ok(_) => {
                    app.launch_restore = Some((state, same_file));
                    app.open_with(path, options);
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
        self.story_scale = state.story_scale;
        self.refilter();
        if same_file {
            if let Some(range) = state.view_range {
                let (s, e) = self.scale.span_to_view(range);
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
            view_range: self
                .pending_range
                .or(self.view_range)
                .map(|r| self.scale.span_to_days(r)),
            story_scale: self.story_scale,
            selected_id: self.selected_id().map(str::to_owned),
            filters: self.filters.clone(),
            theme,
            side_tab: self.side_tab,
            recent: self.recent.clone(),
            reading: self.read_options.clone(),
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
        self.view_range.map(|r| self.scale.span_to_days(r))
    }

    /// Whether the scale for stories is on (it may still be linear, for a timeline without long gaps).
    pub fn story_scale(&self) -> bool {
        self.story_scale
    }

    /// Time ↔ the view's days, as the timeline is drawn now.
    pub fn scale(&self) -> &Scale {
        &self.scale
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

    /// The words selected in the source text (byte range), when there are.
    pub fn text_selection(&self) -> Option<(usize, usize)> {
        self.text_panel.selection(self.source_text.as_ref()?)
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

    /// The spreadsheet waiting for the person to choose its columns, while the dialog is shown.
    pub fn sheet_mapping(&self) -> Option<&crate::view::sheet_mapping::SheetMapping> {
        self.sheet_mapping.as_ref()
    }

    /// How the open file was read, and is read again when it changes on disk.
    pub fn read_options(&self) -> &crate::formats::ReadOptions {
        &self.read_options
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

    /// The slide story mode shows, while presenting.
    pub fn presenting(&self) -> Option<crate::view::present::At> {
        self.present
    }

    /// Whether the selected event is being edited.
    pub fn is_editing(&self) -> bool {
        self.editing
    }

    /// How many drafted events are left to review.
    pub fn drafts_to_review(&self) -> usize {
        // The draft tag's count, kept with the others: no pass over the events each frame.
        review::draft_tag(self.doc.timeline())
            .and_then(|t| self.counts.tags.get(usize::from(t.0)).copied())
            .unwrap_or(0)
    }

    /// The text file whose drafting is offered, when one was opened.
    pub fn draft_offer(&self) -> Option<&Path> {
        self.draft_offer.as_deref()
    }

    /// Whether a draft is being made from a text.
    pub fn is_drafting(&self) -> bool {
        self.drafting.is_some()
    }

    /// The mentions of the drafted text that need a date.
    pub fn needs_date(&self) -> &[review::NeedsDate] {
        &self.needs_date
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
                let t = self.scale.to_view(days_from_epoch(self.today) as f64);
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
        self.doc.timeline().events.get(i).map(|e| {
            self.scale
                .span_to_view(span_days(e.when.covered(self.today)))
        })
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
    run_with_options(file, text, crate::formats::ReadOptions::default(), today)
}

/// Opens the window on `file` (or what was open last time, or the built-in dataset), read as `options`
/// say, with `text` beside it.
pub fn run_with_options(
    file: Option<PathBuf>,
    text: Option<PathBuf>,
    read_options: crate::formats::ReadOptions,
    today: NaiveDate,
) -> anyhow::Result<()> {
    // Fail early, on the terminal, when a file named on the command line is not there to read at all; its
    // content is read in the window, in the background, which says what is wrong with it if anything is.
    for path in file.iter().chain(text.iter()) {
        std::fs::File::open(path).map_err(|e| {
            anyhow::anyhow!("{}: cannot read the file: {e}", files::shown_path(path))
        })?;
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1400.0, 860.0])
        .with_min_inner_size([720.0, 420.0])
        .with_title("dateline")
        .with_app_id(identity::APP_ID);
    if let Some(icon) = identity::icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // The app installs the system's fonts itself (see `fonts`), the same way in tests.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "dateline",
        options,
        Box::new(move |cc| {
            let mut app =
                DatelineApp::launch_with(&cc.egui_ctx, cc.storage, file, text, read_options, today);
            // Unsaved changes are copied beside the remembered state, a few seconds after each edit.
            if let Some(folder) = eframe::storage_dir("dateline") {
                app.set_recovery(folder.join("recovery"), std::time::Duration::from_secs(3));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
