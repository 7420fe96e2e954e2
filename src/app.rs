//! The window: app state, the frame's layout, and the commands UI code emits, applied after each frame so
//! drawing never changes the model halfway through.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli;
use crate::model::Timeline;
use crate::model::date::days_from_epoch;
use crate::view::index::{EventIndex, span_days};
use crate::view::mapping::{self, TimeMapping};
use crate::view::{details, list, timeline};

/// What the person asked for during a frame.
#[derive(Clone, Copy, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Select an event (or clear the selection), without moving the view.
    Select(Option<usize>),
    /// Select an event and bring it into view.
    SelectAndReveal(usize),
    /// Select the next (`+1`) or previous (`-1`) event in time and bring it into view.
    Step(isize),
    /// Show every event and period.
    FitAll,
    /// Zoom around the centre of the view (> 1 zooms in).
    ZoomBy(f64),
    /// Show a time range (days since 1970-01-01), with a little room around it.
    ShowRange(f64, f64),
}

/// The application: the open timeline and what the person is looking at.
pub struct DatelineApp {
    timeline: Timeline,
    source_name: String,
    today: NaiveDate,
    index: EventIndex,
    selected: Option<usize>,
    /// The visible range as the plot last showed it.
    view_range: Option<(f64, f64)>,
    /// A range to show on the next frame.
    pending_range: Option<(f64, f64)>,
    /// Scroll the list to the selection on the next frame.
    reveal_in_list: bool,
    plot_width: f32,
    shapes: usize,
}

impl DatelineApp {
    /// An app showing `timeline`, read from `source_name`, with `today` as the day ongoing spans reach.
    pub fn new(timeline: Timeline, source_name: impl Into<String>, today: NaiveDate) -> Self {
        let index = EventIndex::build(&timeline, today, |_| true);
        let mut app = Self {
            timeline,
            source_name: source_name.into(),
            today,
            index,
            selected: None,
            view_range: None,
            pending_range: None,
            reveal_in_list: false,
            plot_width: 1000.0,
            shapes: 0,
        };
        app.pending_range = Some(app.fit_range());
        app
    }

    /// The built-in dataset.
    pub fn builtin(today: NaiveDate) -> anyhow::Result<Self> {
        Ok(Self::new(
            crate::formats::builtin()?,
            crate::formats::BUILTIN_NAME,
            today,
        ))
    }

    /// The open timeline.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The index of the selected event.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The id of the selected event.
    pub fn selected_id(&self) -> Option<&str> {
        self.selected
            .and_then(|i| self.timeline.events.get(i))
            .map(|e| &*e.id)
    }

    /// The visible time range, in days since 1970-01-01, as last shown.
    pub fn view_range(&self) -> Option<(f64, f64)> {
        self.view_range
    }

    /// The number of shapes the timeline painted for events and labels in the last frame.
    pub fn shapes_last_frame(&self) -> usize {
        self.shapes
    }

    /// Where the file came from.
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    fn fit_range(&self) -> (f64, f64) {
        match self.index.extent {
            // Labels run to the right of their markers: leave them room.
            Some((s, e)) => {
                let (a, b) = mapping::fit_range(s, e);
                (a, b + (b - a) * 0.3)
            }
            None => {
                let t = days_from_epoch(self.today) as f64;
                mapping::fit_range(t - 365.0, t + 1.0)
            }
        }
    }

    fn current_mapping(&self) -> TimeMapping {
        let (s, e) = self
            .pending_range
            .or(self.view_range)
            .unwrap_or_else(|| self.fit_range());
        TimeMapping::new(s, e, 0.0, self.plot_width)
    }

    fn event_span(&self, i: usize) -> Option<(f64, f64)> {
        self.timeline
            .events
            .get(i)
            .map(|e| span_days(e.when.covered(self.today)))
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(selection) => {
                self.selected = selection.filter(|&i| i < self.timeline.events.len());
                self.reveal_in_list = self.selected.is_some();
            }
            Command::SelectAndReveal(i) => {
                if let Some((s, e)) = self.event_span(i) {
                    self.selected = Some(i);
                    self.reveal_in_list = true;
                    let m = self.current_mapping().bring_into_view(s, e, 80.0);
                    self.pending_range = Some((m.start_days, m.end_days));
                }
            }
            Command::Step(direction) => {
                let n = self.timeline.events.len();
                if n == 0 {
                    return;
                }
                let next = match self.selected {
                    Some(i) => i.checked_add_signed(direction).filter(|&j| j < n),
                    None if direction > 0 => {
                        let start = self.view_range.map_or(f64::MIN, |r| r.0);
                        Some(
                            (0..n)
                                .find(|&i| self.event_span(i).is_some_and(|s| s.1 > start))
                                .unwrap_or(0),
                        )
                    }
                    None => {
                        let end = self.view_range.map_or(f64::MAX, |r| r.1);
                        Some(
                            (0..n)
                                .rev()
                                .find(|&i| self.event_span(i).is_some_and(|s| s.0 < end))
                                .unwrap_or(n - 1),
                        )
                    }
                };
                if let Some(j) = next {
                    self.apply(Command::SelectAndReveal(j));
                }
            }
            Command::FitAll => self.pending_range = Some(self.fit_range()),
            Command::ZoomBy(factor) => {
                let m = self.current_mapping();
                let z = m.zoom_at(factor, m.width / 2.0);
                self.pending_range = Some((z.start_days, z.end_days));
            }
            Command::ShowRange(s, e) => self.pending_range = Some(mapping::fit_range(s, e)),
        }
    }

    fn keyboard(ctx: &egui::Context, commands: &mut Vec<Command>) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        ctx.input(|i| {
            if i.key_pressed(egui::Key::ArrowRight) {
                commands.push(Command::Step(1));
            }
            if i.key_pressed(egui::Key::ArrowLeft) {
                commands.push(Command::Step(-1));
            }
            if i.key_pressed(egui::Key::Home) {
                commands.push(Command::FitAll);
            }
            if i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals) {
                commands.push(Command::ZoomBy(1.5));
            }
            if i.key_pressed(egui::Key::Minus) {
                commands.push(Command::ZoomBy(1.0 / 1.5));
            }
            if i.key_pressed(egui::Key::Escape) {
                commands.push(Command::Select(None));
            }
        });
    }

    fn top_bar(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.heading(&self.timeline.title);
            if let Some(source) = &self.timeline.source {
                let mut by = Vec::new();
                if let Some(p) = &source.publisher {
                    by.push(p.clone());
                }
                if let Some(a) = &source.author {
                    by.push(format!("by {a}"));
                }
                if !by.is_empty() {
                    ui.weak(format!("— {}", by.join(", ")));
                }
                if let Some(url) = &source.url {
                    ui.hyperlink_to("source", url).on_hover_text(url);
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Fit all")
                    .on_hover_text("Show every event (Home, or double-click the timeline)")
                    .clicked()
                {
                    commands.push(Command::FitAll);
                }
                if ui.button("−").on_hover_text("Zoom out (-)").clicked() {
                    commands.push(Command::ZoomBy(1.0 / 1.5));
                }
                if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
                    commands.push(Command::ZoomBy(1.5));
                }
                ui.weak(format!(
                    "{} events · {} periods",
                    self.timeline.events.len(),
                    self.timeline.periods.len()
                ));
            });
        });
    }
}

impl eframe::App for DatelineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut commands = Vec::new();
        Self::keyboard(ui.ctx(), &mut commands);

        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar(ui, &mut commands);
            ui.add_space(2.0);
        });
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            ui.weak("Drag to pan · wheel or +/- to zoom · click an event to read it · Left/Right arrow keys: previous/next · Home: fit all · Esc: clear");
        });
        egui::Panel::left("event-list")
            .resizable(true)
            .default_size(280.0)
            .min_size(180.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.strong("Events");
                list::list_ui(
                    ui,
                    &self.timeline,
                    &|_| true,
                    self.selected,
                    self.reveal_in_list,
                    &mut commands,
                );
            });
        if let Some(event) = self.selected.and_then(|i| self.timeline.events.get(i)) {
            egui::Panel::right("details")
                .resizable(true)
                .default_size(340.0)
                .min_size(220.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            details::details_ui(ui, &self.timeline, event);
                        });
                });
        }
        self.reveal_in_list = false;
        egui::CentralPanel::default().show(ui, |ui| {
            let view = timeline::TimelineView {
                timeline: &self.timeline,
                index: &self.index,
                selected: self.selected,
                highlight: None,
                today_days: days_from_epoch(self.today) as f64,
                set_range: self.pending_range.take(),
            };
            let out = timeline::timeline_ui(ui, &view, &mut commands);
            let (s, e) = mapping::clamp_span(out.range.0, out.range.1);
            if (s, e) != out.range {
                self.pending_range = Some((s, e));
            }
            self.view_range = Some((s, e));
            self.plot_width = out.width;
            self.shapes = out.shapes;
        });
        let repaint = !commands.is_empty() || self.pending_range.is_some();
        for command in commands {
            self.apply(command);
        }
        if repaint {
            ui.ctx().request_repaint();
        }
    }
}

/// Opens the window on `file`, or on the built-in dataset without one.
pub fn run(file: Option<PathBuf>, today: NaiveDate) -> anyhow::Result<()> {
    let timeline = cli::open(file.as_deref())?;
    let name = file.map_or_else(
        || crate::formats::BUILTIN_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let title = format!("dateline — {}", timeline.title);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([640.0, 400.0])
            .with_title(&title)
            .with_app_id("dateline"),
        ..Default::default()
    };
    eframe::run_native(
        "dateline",
        options,
        Box::new(move |_cc| Ok(Box::new(DatelineApp::new(timeline, name, today)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
