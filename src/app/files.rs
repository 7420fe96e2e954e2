//! The app's side of files: opening and reloading timelines in the background, watching the open file,
//! exporting, and what the window shows meanwhile (progress with a Cancel button, the banner of a broken
//! file on disk, the drop target). A failed open or reload never replaces the timeline on screen. A
//! spreadsheet of the person's own goes through the dialog of its columns (`view::sheet_mapping`) before
//! it is read; reading the open file again reads it as it was opened.

use std::path::{Path, PathBuf};

use super::export::{self, ExportKind};
use super::loader::{Loading, Outcome, Progress, Purpose};
use super::persist::push_recent;
use super::{Command, DatelineApp, Notice};
use crate::document::Document;
use crate::document::watch::FileWatcher;
use crate::explore::filter::Filters;
use crate::formats::ReadOptions;
use crate::model::Timeline;
use crate::view::confirm::ReplacePrompt;
use crate::view::file_menu::DialogPurpose;
use crate::view::sheet_mapping::SheetMapping;
use crate::view::text_panel::SourceTextView;

/// How many problems of a broken file the banner lists before saying how many more there are.
const BANNER_LINES: usize = 4;

impl DatelineApp {
    /// Starts opening `path` in the background; a load already running is cancelled.
    pub(super) fn open(&mut self, path: PathBuf) {
        self.open_with(path, ReadOptions::default());
    }

    /// [`Self::open`], reading the file as `options` say.
    pub(super) fn open_with(&mut self, path: PathBuf, options: ReadOptions) {
        let path = std::path::absolute(&path).unwrap_or(path);
        // A text is not a timeline: opening one drafts a timeline from it, to review beside it.
        if super::review::is_text_file(&path) {
            self.draft_offer = Some(path);
            return;
        }
        self.start_load(path, Purpose::Open, options);
    }

    /// Reads the open file again in the background, unless another file is being opened.
    pub(super) fn reload(&mut self) {
        let Some(file) = self.doc.file().map(Path::to_owned) else {
            return;
        };
        if self
            .loading
            .as_ref()
            .is_some_and(|l| l.purpose() == Purpose::Open)
        {
            return;
        }
        // Read as it was opened: a spreadsheet with the columns and the order chosen then.
        self.start_load(file, Purpose::Reload, self.read_options.clone());
    }

    fn start_load(&mut self, path: PathBuf, purpose: Purpose, options: ReadOptions) {
        if let Some(old) = self.loading.take() {
            old.cancel();
        }
        if purpose == Purpose::Open {
            // Another file asked for: the dialog of the last one has no use.
            self.sheet_mapping = None;
        }
        self.loading = Some(Loading::start(
            path,
            self.max_file_bytes,
            purpose,
            options,
            self.repaint.wake(),
        ));
        self.repaint.repaint();
    }

    /// Stops the load in progress; the timeline on screen stays.
    pub(super) fn cancel_load(&mut self) {
        if let Some(loading) = self.loading.take() {
            loading.cancel();
            self.end_launch();
            if loading.purpose() == Purpose::Open {
                self.notice = Some(Notice::info(format!(
                    "Stopped opening {}.",
                    loading.path().display()
                )));
            }
        }
    }

    /// Opens a file dialog for `purpose`, in the open file's folder.
    pub(super) fn open_dialog(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        let folder = self.doc.file().and_then(Path::parent).map(Path::to_owned);
        let name = match purpose {
            DialogPurpose::Export(kind) => export::proposed_export_name(self.doc.file(), kind),
            DialogPurpose::SaveAs => {
                export::proposed_export_name(self.doc.file(), ExportKind::Json)
            }
            DialogPurpose::Open | DialogPurpose::OpenText | DialogPurpose::DraftFromText => {
                String::new()
            }
        };
        self.dialogs.open(ctx, purpose, folder.as_deref(), &name);
    }

    /// Exports to `path`, unless a file is there already: then the person is asked first, and nothing is
    /// written until they say so.
    pub(super) fn request_export(&mut self, kind: ExportKind, path: PathBuf) {
        // `symlink_metadata`: a dangling link is something there too.
        if std::fs::symlink_metadata(&path).is_ok() {
            let is_open_file = self
                .doc
                .file()
                .is_some_and(|open| export::same_file(open, &path));
            self.replace_prompt = Some(ReplacePrompt {
                kind,
                path,
                is_open_file,
                save_as: false,
            });
        } else {
            self.export_now(kind, path);
        }
    }

    /// Writes the export to `path` now, replacing what is there.
    pub(super) fn export_now(&mut self, kind: ExportKind, path: PathBuf) {
        match kind {
            ExportKind::Png => self.export_png(path),
            ExportKind::Json | ExportKind::Csv | ExportKind::TimelineJs | ExportKind::Markwhen => {
                self.export_timeline(kind, &path);
            }
            ExportKind::FigureSvg(choice) => self.export_figure(choice, false, path),
            ExportKind::FigurePng(choice) => self.export_figure(choice, true, path),
        }
    }

    /// Lays out a figure of the events shown (the whole timeline, or the visible range) and writes it as
    /// SVG or PNG on another thread; the result comes back through `export_results`.
    fn export_figure(&mut self, choice: export::FigureChoice, png: bool, path: PathBuf) {
        let options = crate::figure::FigureOptions {
            width: choice.width,
            range: if choice.visible_only {
                self.view_range
            } else {
                None
            },
            today: self.today,
        };
        let (svg, size) =
            match export::figure_svg(self.doc.timeline(), &self.index, &options, &path) {
                Ok(made) => made,
                Err(message) => {
                    self.notice = Some(Notice::error(message));
                    return;
                }
            };
        let results = self.export_results.0.clone();
        let wake = self.repaint.wake();
        let work = move || {
            let _ = results.send(export::write_figure(svg, size, png, &path));
            wake();
        };
        let work = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
        let spare = std::sync::Arc::clone(&work);
        if std::thread::Builder::new()
            .name("dateline-figure".to_owned())
            .spawn(move || run_once(&spare))
            .is_err()
        {
            run_once(&work);
        }
    }

    /// Writes the timeline as dateline JSON or CSV, and says how it went.
    fn export_timeline(&mut self, kind: ExportKind, path: &Path) {
        self.notice = Some(
            match export::write_timeline(self.doc.timeline(), kind, path, self.today) {
                Ok(message) => Notice::info(message),
                Err(message) => Notice::error(message),
            },
        );
    }

    /// Asks for a screenshot of the next frame; its timeline area (where the timeline was in that very
    /// frame) is cropped, encoded and written on another thread, and the result comes back through
    /// `export_results`. Nothing on screen changes meanwhile, so the picture shows what the person saw.
    fn export_png(&mut self, path: PathBuf) {
        let drawn = self.timeline_rect.lock().ok().and_then(|r| *r).is_some();
        let (Some(ctx), true) = (self.repaint.ctx(), drawn) else {
            self.notice = Some(Notice::error(format!(
                "{}: the timeline has not been drawn yet; nothing written",
                path.display()
            )));
            return;
        };
        let pixels_per_point = ctx.pixels_per_point();
        let results = self.export_results.0.clone();
        let wake = self.repaint.wake();
        let rect_cell = std::sync::Arc::clone(&self.timeline_rect);
        ctx.request_screenshot(move |image| {
            let rect = rect_cell.lock().ok().and_then(|r| *r);
            let work = move || {
                let result = match rect {
                    Some(rect) => export::write_png(&image, rect, pixels_per_point, &path),
                    None => Err(format!("{}: no timeline to picture", path.display())),
                };
                let _ = results.send(result);
                wake();
            };
            // Encoding takes a moment: keep it off the thread that paints, when a thread can be had.
            let work = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
            let spare = std::sync::Arc::clone(&work);
            let spawned = std::thread::Builder::new()
                .name("dateline-export".to_owned())
                .spawn(move || run_once(&spare));
            if spawned.is_err() {
                run_once(&work);
            }
        });
        ctx.request_repaint();
    }

    /// Takes in what background threads finished: a load, a change of the open file on disk, an export.
    pub(super) fn poll_background(&mut self) {
        let outcome = self.loading.as_ref().map(Loading::poll);
        match outcome {
            None | Some(Outcome::Pending) => {}
            Some(outcome) => {
                if let Some(loading) = self.loading.take() {
                    self.finish_load(&loading, outcome);
                }
            }
        }
        if self.watcher.as_ref().is_some_and(FileWatcher::take_changed)
            && !self.doc.file_is_as_written()
        {
            if self.doc.is_dirty() {
                // Neither side is dropped silently: the banner asks.
                self.disk_changed = true;
            } else {
                self.reload();
            }
        }
        while let Ok(result) = self.export_results.1.try_recv() {
            self.notice = Some(match result {
                Ok(message) => Notice::info(message),
                Err(message) => Notice::error(message),
            });
        }
    }

    fn finish_load(&mut self, loading: &Loading, outcome: Outcome) {
        let path = loading.path().to_owned();
        match (loading.purpose(), outcome) {
            (_, Outcome::Pending | Outcome::Cancelled) => {}
            (Purpose::Open, Outcome::Loaded(timeline)) => {
                let restore = self.launch_restore.take();
                self.install_opened(*timeline, path, loading.is_dateline_json());
                self.read_options = loading.options().clone();
                if let Some((state, same_file)) = restore {
                    self.restore(&state, same_file);
                }
            }
            (Purpose::Open, Outcome::Failed(e)) => {
                self.notice = Some(Notice::error(format!(
                    "{e}\nThe timeline on screen is unchanged."
                )));
                self.end_launch();
            }
            // A reload of a file that is no longer the open one is of no use.
            (Purpose::Reload, _) if self.doc.file() != Some(path.as_path()) => {}
            (Purpose::Reload, Outcome::Loaded(timeline)) => self.install_reloaded(*timeline),
            (Purpose::Reload, Outcome::Failed(e)) => self.reload_error = Some(e.to_string()),
            (Purpose::Open, Outcome::MapColumns(sheet)) => {
                let sheet = *sheet;
                self.sheet_mapping = Some(SheetMapping::new(
                    path,
                    sheet.head,
                    &loading.options().sheet,
                    sheet.problem,
                ));
            }
            // Reading again never asks.
            (Purpose::Reload, Outcome::MapColumns(_)) => {}
        }
    }

    /// Opens the spreadsheet of the dialog as its columns are chosen, on the background thread; the
    /// dialog shows again if the whole sheet does not read that way.
    pub(super) fn open_mapped_sheet(&mut self) {
        if let Some(dialog) = self.sheet_mapping.take() {
            let options = dialog.options();
            self.start_load(dialog.path, Purpose::Open, options);
        }
    }

    /// Closes the dialog of a spreadsheet's columns: nothing is opened, the timeline on screen stays.
    pub(super) fn cancel_sheet_mapping(&mut self) {
        if let Some(dialog) = self.sheet_mapping.take() {
            self.notice = Some(Notice::info(format!(
                "Did not open {}; the timeline on screen is unchanged.",
                shown_path(&dialog.path)
            )));
            self.end_launch();
        }
    }

    /// Shows a newly opened timeline: fresh filters, search and selection, everything in view, and the
    /// source text read beside it last time, if any.
    fn install_opened(&mut self, timeline: Timeline, path: PathBuf, dateline_json: bool) {
        push_recent(&mut self.recent, &path);
        self.install_document(Document::opened(timeline, path, dateline_json));
        self.follow_text();
    }

    /// Goes back to the built-in dataset (no file is open or watched then).
    pub(super) fn open_builtin(&mut self) {
        if let Some(loading) = self.loading.take() {
            loading.cancel();
        }
        self.sheet_mapping = None;
        self.end_launch();
        match crate::formats::builtin() {
            Ok(timeline) => {
                self.read_options = ReadOptions::default();
                self.install_document(Document::new(timeline, None, false));
                self.follow_text();
            }
            Err(e) => self.notice = Some(Notice::error(e.to_string())),
        }
    }

    /// The file opened at launch will not be shown after all (it failed, or the person chose otherwise):
    /// the built-in dataset on screen gets the last session's filters and its own text.
    fn end_launch(&mut self) {
        if let Some((state, _)) = self.launch_restore.take() {
            self.restore(&state, false);
            self.follow_text();
        }
    }

    /// Shows the source text remembered for the timeline on screen, or none when it has none.
    pub(super) fn follow_text(&mut self) {
        let wanted = super::persist::text_for(&self.texts, self.doc.file()).map(Path::to_owned);
        let showing = self.source_text.as_ref().map(|t| t.path.clone());
        if wanted == showing {
            return;
        }
        self.source_text = None;
        if let Some(path) = wanted {
            self.open_text(&path);
        }
    }

    /// Reads the source text at `path` and shows it beside the timeline; says why not when it cannot.
    pub(super) fn open_text(&mut self, path: &Path) -> bool {
        match read_text(path) {
            Ok(text) => {
                self.source_text = Some(SourceTextView::new(
                    path.to_owned(),
                    text,
                    self.doc.timeline(),
                ));
                true
            }
            Err(message) => {
                self.notice = Some(Notice::error(message));
                false
            }
        }
    }

    /// Shows another document: fresh filters, search and selection, everything in view.
    pub(super) fn install_document(&mut self, doc: Document) {
        self.filters = Filters::default();
        self.query.clear();
        self.selected = None;
        self.reveal = false;
        self.flash_start = None;
        self.notice = None;
        self.doc = doc;
        self.timeline_changed();
        self.pending_range = Some(self.fit_range());
    }

    /// Shows a new version of the open file, keeping the view, the filters, the search and the
    /// selection where its event still exists (and is shown).
    fn install_reloaded(&mut self, timeline: Timeline) {
        let selected_id = self.selected_id().map(str::to_owned);
        let view = self.pending_range.or(self.view_range);
        self.doc.reloaded(timeline);
        self.timeline_changed();
        self.selected = selected_id
            .and_then(|id| self.doc.timeline().event_index(&id))
            .filter(|&i| self.keeps(i));
        self.pending_range = Some(view.unwrap_or_else(|| self.fit_range()));
    }

    /// Rebuilds what is derived from the timeline after it changed: the search index, the counts, the
    /// index, the match list and the quotes found in the source text.
    pub(super) fn timeline_changed(&mut self) {
        self.search = None;
        self.overview_drag = None;
        self.reload_error = None;
        self.relocate_text();
        self.recount_and_refilter();
    }

    /// Finds the new timeline's quotes in the open source text.
    fn relocate_text(&mut self) {
        if let Some(text) = self.source_text.take() {
            self.source_text = Some(text.relocated(self.doc.timeline()));
        }
    }

    /// Watches the open file (and only it); a file that cannot be watched is said once.
    pub(super) fn ensure_watcher(&mut self) {
        let wanted = self.doc.file();
        if self.watcher.as_ref().map(FileWatcher::path) == wanted {
            return;
        }
        self.watcher = None;
        let Some(path) = wanted else {
            return;
        };
        if self.watch_failed.as_deref() == Some(path) {
            return;
        }
        match FileWatcher::new(path, self.repaint.wake()) {
            Ok(watcher) => {
                self.watcher = Some(watcher);
                self.watch_failed = None;
            }
            Err(e) => {
                self.notice = Some(Notice::error(format!(
                    "{}: changes on disk will not be followed: {e}",
                    path.display()
                )));
                self.watch_failed = Some(path.to_owned());
            }
        }
    }

    /// Sets the window title to `dateline — <title>` when the timeline's title changed.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if self.title_sent.as_deref() != Some(title.as_str()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = Some(title);
        }
    }
}

/// Runs a piece of work kept in a shared slot, once.
fn run_once<F: FnOnce()>(slot: &std::sync::Mutex<Option<F>>) {
    let work = slot.lock().ok().and_then(|mut w| w.take());
    if let Some(work) = work {
        work();
    }
}

/// Opens the first file dropped on the window.
pub(super) fn dropped_files(ctx: &egui::Context, commands: &mut Vec<Command>) {
    let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_owned()));
    if let Some(path) = dropped {
        commands.push(Command::Open(path));
    }
}

/// While a file is dragged over the window: a veil that says dropping it opens it.
pub(super) fn drop_overlay(ctx: &egui::Context) {
    let hovering = ctx.input(|i| i.raw.hovered_files.first().map(|f| f.path.clone()));
    let Some(path) = hovering else {
        return;
    };
    let text = match path.as_deref().and_then(Path::file_name) {
        Some(name) => format!("Drop to open {}", name.to_string_lossy()),
        None => "Drop to open the timeline".to_owned(),
    };
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("dateline-drop-target"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}

/// Source texts larger than this are refused: no article or book comes near it.
pub const MAX_TEXT_BYTES: u64 = 256 << 20;

/// The source text at `path`, or a message naming the file and what is wrong.
fn read_text(path: &Path) -> Result<String, String> {
    let shown = shown_path(path);
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{shown}: cannot read the file: {e}"))?
        .len();
    if size > MAX_TEXT_BYTES {
        return Err(format!(
            "{shown}: the text is {}; dateline reads texts of at most {}",
            human_bytes(size),
            human_bytes(MAX_TEXT_BYTES)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: cannot read the file: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let position = crate::formats::Position::of_offset(
            std::str::from_utf8(valid).unwrap_or_default(),
            valid.len(),
        );
        format!(
            "{shown}:{}:{}: the file is not UTF-8 text (unreadable bytes here)",
            position.line, position.column
        )
    })
}

/// A path as a message shows it: on one line, and at most a few hundred characters long.
pub(super) fn shown_path(path: &Path) -> String {
    crate::view::elide::one_line(&path.display().to_string(), 300).into_owned()
}

/// The most characters of one line of a message the window shows.
const MAX_LINE_CHARS: usize = 400;

/// The first `max_lines` lines of `text`, then how many more there are, each line at most
/// [`MAX_LINE_CHARS`] characters.
pub(super) fn shortened(text: &str, max_lines: usize) -> String {
    let line = |l: &str| crate::view::elide::one_line(l, MAX_LINE_CHARS).into_owned();
    let count = text.lines().count();
    if count <= max_lines {
        return text.lines().map(line).collect::<Vec<_>>().join("\n");
    }
    let mut out: Vec<String> = text.lines().take(max_lines - 1).map(line).collect();
    out.push(format!("… and {} more lines", count - max_lines));
    out.push(line(text.lines().last().unwrap_or_default()));
    out.join("\n")
}

/// A human size: bytes, KB, MB or GB.
pub(super) fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// The progress of a load: what is loading, a bar (bytes read of the size, then "parsing…"), and Cancel.
pub(super) fn loading_ui(ui: &mut egui::Ui, loading: &Loading, commands: &mut Vec<Command>) {
    let name = loading.path().file_name().map_or_else(
        || loading.path().display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    ui.horizontal(|ui| {
        ui.label(match loading.purpose() {
            Purpose::Open => format!("Opening {name}…"),
            Purpose::Reload => format!("Reloading {name}…"),
        });
        let progress = loading.progress();
        let bar = match progress {
            Progress::Reading { read, total } => egui::ProgressBar::new(
                progress.fraction().unwrap_or(0.0),
            )
            .text(format!("{} of {}", human_bytes(read), human_bytes(total))),
            Progress::Parsing => egui::ProgressBar::new(1.0).animate(true).text("parsing…"),
        };
        ui.add(bar.desired_width(280.0));
        if ui
            .button("Cancel")
            .on_hover_text("Stop loading; the timeline on screen stays")
            .clicked()
        {
            commands.push(Command::CancelLoad);
        }
    });
}

/// The banner shown when the open file changed on disk while there are unsaved edits: read the file
/// (dropping the edits) or keep the edits (saving later replaces the file, after asking).
pub(super) fn disk_changed_banner_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, warn))
        .inner_margin(egui::Margin::symmetric(8, 4))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    warn,
                    "The file changed on disk, and this window has unsaved edits to it.",
                );
                if ui
                    .button("Reload the file")
                    .on_hover_text("Read the file as it is now; the unsaved edits are dropped")
                    .clicked()
                {
                    commands.push(Command::ReloadDroppingEdits);
                }
                if ui
                    .button("Keep my edits")
                    .on_hover_text("Keep editing; saving will replace the file's new version")
                    .clicked()
                {
                    commands.push(Command::KeepEdits);
                }
            });
        });
}

/// The banner of a broken file on disk: the last good version stays on screen, and the banner goes away
/// by itself when the file is fixed.
pub(super) fn reload_banner_ui(ui: &mut egui::Ui, error: &str) {
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, warn))
        .inner_margin(egui::Margin::symmetric(8, 4))
        .corner_radius(4.0)
        .show(ui, |ui| {
            let said = ui.colored_label(
                warn,
                "The file on disk cannot be read as it is now; showing the last good version. \
                 This goes away by itself when the file is fixed.",
            );
            // Read out when it appears.
            ui.ctx().accesskit_node_builder(said.id, |node| {
                node.set_live(egui::accesskit::Live::Assertive);
            });
            let lines: Vec<&str> = error.lines().collect();
            for line in lines.iter().take(BANNER_LINES) {
                ui.monospace(*line);
            }
            if lines.len() > BANNER_LINES {
                ui.weak(format!(
                    "… and {} more problems",
                    lines.len() - BANNER_LINES
                ));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::{MAX_LINE_CHARS, human_bytes, shortened};

    #[test]
    fn long_messages_keep_their_first_and_last_lines() {
        assert_eq!(shortened("a\nb", 3), "a\nb");
        let text = "1\n2\n3\n4\n5\nlast";
        assert_eq!(shortened(text, 3), "1\n2\n… and 3 more lines\nlast");
        let long = "x".repeat(100_000);
        assert!(shortened(&long, 3).chars().count() <= MAX_LINE_CHARS);
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_bytes(12), "12 bytes");
        assert_eq!(human_bytes(1_500), "1.5 KB");
        assert_eq!(human_bytes(2_000_000), "2.0 MB");
        assert_eq!(human_bytes(3_000_000_000_000), "3000.0 GB");
    }
}
