//! The event list: chronological, grouped by year, in step with the timeline's selection.

use chrono::Datelike;

use crate::app::command::Command;
use crate::model::Timeline;

/// The text of an event's entry in the list, which is also its accessible label.
pub fn entry_label(timeline: &Timeline, index: usize) -> String {
    let e = &timeline.events[index];
    format!("{}  {}", e.when.short_label(), e.title)
}

/// Shows the events for which `shown(i)` holds, grouped by year. `reveal` scrolls the selected entry into
/// view (when the selection changed elsewhere).
pub fn list_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    shown: &dyn Fn(usize) -> bool,
    selected: Option<usize>,
    reveal: bool,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut last_year = None;
            let mut any = false;
            for (i, event) in timeline.events.iter().enumerate() {
                if !shown(i) {
                    continue;
                }
                any = true;
                let year = event.when.first_day().year();
                if last_year != Some(year) {
                    ui.add_space(4.0);
                    ui.label(egui::RichText::new(crate::model::date::year_words(year)).strong());
                    last_year = Some(year);
                }
                let is_selected = selected == Some(i);
                let response = ui.selectable_label(is_selected, entry_label(timeline, i));
                let response = response.on_hover_text(event.when.describe());
                if response.clicked() {
                    commands.push(Command::SelectAndReveal(i));
                }
                if is_selected && reveal {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
            }
            if !any {
                ui.weak("No events match.");
            }
        });
}
