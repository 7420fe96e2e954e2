//! The window: app state, the frame's layout, and the commands UI code emits, applied after each frame.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli;
use crate::model::Timeline;

/// The application: the open timeline and what the person is looking at.
pub struct DatelineApp {
    /// The timeline on screen.
    pub timeline: Timeline,
    /// The day treated as today.
    pub today: NaiveDate,
}

impl DatelineApp {
    /// An app showing `timeline`.
    pub fn new(timeline: Timeline, today: NaiveDate) -> Self {
        Self { timeline, today }
    }
}

impl eframe::App for DatelineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.timeline.title);
            egui::ScrollArea::vertical().show(ui, |ui| {
                for event in &self.timeline.events {
                    ui.label(format!("{}  {}", event.when.short_label(), event.title));
                }
            });
        });
    }
}

/// Opens the window on `file`, or on the built-in dataset without one.
pub fn run(file: Option<PathBuf>, today: NaiveDate) -> anyhow::Result<()> {
    let timeline = cli::open(file.as_deref())?;
    let title = format!("dateline — {}", timeline.title);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_title(&title),
        ..Default::default()
    };
    eframe::run_native(
        "dateline",
        options,
        Box::new(move |_cc| Ok(Box::new(DatelineApp::new(timeline, today)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))
}
