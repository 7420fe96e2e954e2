//! The event list: chronological, grouped by year, in step with the timeline's selection. Only the rows in
//! view are laid out, so a list of a million events costs no more per frame than one of twenty.

use super::elide;
use crate::app::command::Command;
use crate::model::Timeline;

/// One row of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListRow {
    /// A year heading.
    Year(i64),
    /// An event, by index.
    Event(usize),
}

/// The rows for `shown` events (in time order): each year's heading, then its events.
pub fn rows(timeline: &Timeline, shown: &[usize]) -> Vec<ListRow> {
    let mut rows = Vec::with_capacity(shown.len() + shown.len() / 8 + 1);
    let mut last_year = None;
    for &i in shown {
        let Some(event) = timeline.events.get(i) else {
            continue;
        };
        let year = event.when.first_day().year();
        if last_year != Some(year) {
            rows.push(ListRow::Year(year));
            last_year = Some(year);
        }
        rows.push(ListRow::Event(i));
    }
    rows
}

/// Follows a change of one event in `rows` (made by [`rows`]) without making them again: the row of the
/// event that was at `removed` goes (with its year's heading when it was the year's only event), the
/// others are renumbered as the events moved, and the event now at `shown` (when it is shown) gets its
/// row, under its year's heading.
pub fn follow(
    rows: &mut Vec<ListRow>,
    timeline: &Timeline,
    removed: Option<usize>,
    inserted: Option<usize>,
    shown: bool,
) {
    let is_heading = |row: Option<&ListRow>| row.is_none_or(|r| matches!(r, ListRow::Year(_)));
    if let Some(r) = removed
        && let Some(p) = rows.iter().position(|row| *row == ListRow::Event(r))
    {
        rows.remove(p);
        if p > 0 && is_heading(rows.get(p - 1)) && is_heading(rows.get(p)) {
            rows.remove(p - 1);
        }
    }
    for row in rows.iter_mut() {
        if let ListRow::Event(e) = row {
            *e = crate::explore::follow::renumber(*e, removed, inserted);
        }
    }
    let Some(i) = inserted.filter(|_| shown) else {
        return;
    };
    let Some(event) = timeline.events.get(i) else {
        return;
    };
    let year_of = |e: usize| timeline.events.get(e).map(|e| e.when.first_day().year());
    let year = event.when.first_day().year();
    // The next event's row, and the last event's row before it.
    let next = rows
        .iter()
        .position(|row| matches!(row, ListRow::Event(e) if *e > i))
        .unwrap_or(rows.len());
    let prev = rows[..next]
        .iter()
        .rposition(|row| matches!(row, ListRow::Event(_)));
    let event_at = |p: usize| match rows[p] {
        ListRow::Event(e) => Some(e),
        ListRow::Year(_) => None,
    };
    if let Some(p) = prev
        && event_at(p).and_then(year_of) == Some(year)
    {
        rows.insert(p + 1, ListRow::Event(i));
    } else if next < rows.len() && event_at(next).and_then(year_of) == Some(year) {
        rows.insert(next, ListRow::Event(i));
    } else {
        let at = prev.map_or(0, |p| p + 1);
        rows.splice(at..at, [ListRow::Year(year), ListRow::Event(i)]);
    }
}

/// The most characters of a title an entry or its tooltip shows, however wide the list is made.
const MAX_ENTRY_CHARS: usize = 600;

/// The text of an event's entry in the list, which is also its accessible label: its date and its title
/// on one line, a very long title cut with an ellipsis.
pub fn entry_label(timeline: &Timeline, index: usize) -> String {
    entry_text(timeline, index, MAX_ENTRY_CHARS)
}

/// [`entry_label`] with the title cut to at most `max_chars` characters.
fn entry_text(timeline: &Timeline, index: usize, max_chars: usize) -> String {
    let e = &timeline.events[index];
    format!(
        "{}  {}",
        e.when.short_label(),
        elide::one_line(e.title(), max_chars.min(MAX_ENTRY_CHARS))
    )
}

/// What the list reports after a frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct ListOutput {
    /// The list's one Tab stop: the selected event's row when it is in view, else the first event row in
    /// view.
    pub stop: Option<egui::Id>,
    /// Whether a row was clicked (the keyboard focus stays in the list then).
    pub clicked: bool,
}

/// What the list shows, one frame.
pub struct ListView<'a> {
    /// The timeline.
    pub timeline: &'a Timeline,
    /// The rows.
    pub rows: &'a [ListRow],
    /// The events of the rows, in time order (each row's place among them is told to screen readers).
    pub events: &'a [usize],
    /// The selected event.
    pub selected: Option<usize>,
    /// Scroll the selected entry into view (the selection changed elsewhere).
    pub reveal: bool,
    /// Move the keyboard focus to the list's Tab stop.
    pub take_focus: bool,
}

/// Shows the rows: a list box whose rows say their place ("3 of 17") to screen readers, with one Tab
/// stop (the arrow keys move through it, see the app's keys).
pub fn list_ui(ui: &mut egui::Ui, view: &ListView<'_>, commands: &mut Vec<Command>) -> ListOutput {
    let (timeline, rows, selected) = (view.timeline, view.rows, view.selected);
    let mut out = ListOutput::default();
    if rows.is_empty() {
        ui.weak("No events match.");
        return out;
    }
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    let row_height = ui
        .spacing()
        .interact_size
        .y
        .max(ui.text_style_height(&egui::TextStyle::Body))
        + 2.0;
    let mut area = egui::ScrollArea::vertical().auto_shrink([false, false]);
    if view.reveal
        && let Some(at) = selected.and_then(|s| rows.iter().position(|r| *r == ListRow::Event(s)))
    {
        let spacing = ui.spacing().item_spacing.y;
        let offset = at as f32 * (row_height + spacing) - ui.available_height() / 2.0;
        area = area.vertical_scroll_offset(offset.max(0.0));
    }
    let room = elide::max_chars_for(
        ui.available_width(),
        ui.text_style_height(&egui::TextStyle::Body),
    );
    let total = view.events.len();
    area.show_rows(ui, row_height, rows.len(), |ui, range| {
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            node.set_role(egui::accesskit::Role::ListBox);
            node.set_label(format!("Events, {total}"));
        });
        let visible = &rows[range];
        let selected_in_view = selected.filter(|s| visible.contains(&ListRow::Event(*s)));
        let stop = selected_in_view.or_else(|| {
            visible.iter().find_map(|r| match r {
                ListRow::Event(i) => Some(*i),
                ListRow::Year(_) => None,
            })
        });
        for row in visible {
            match *row {
                ListRow::Year(year) => {
                    ui.allocate_ui_with_layout(
                        egui::vec2(ui.available_width(), row_height),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| ui.strong(crate::model::date::year_words(year)),
                    );
                }
                ListRow::Event(i) => {
                    let is_selected = selected == Some(i);
                    let is_stop = stop == Some(i);
                    let event = &timeline.events[i];
                    // Rows keep their ids while the list scrolls: each is named by its event's id.
                    let response = ui
                        .push_id(("list-row", event.id()), |ui| {
                            ui.add_sized(
                                [ui.available_width(), row_height],
                                // Text on the left, like every list; the rest of the row is space.
                                egui::Button::selectable(
                                    is_selected,
                                    (entry_text(timeline, i, room), egui::Atom::grow()),
                                )
                                .sense(if is_stop {
                                    egui::Sense::click()
                                } else {
                                    egui::Sense::CLICK
                                }),
                            )
                        })
                        .inner;
                    let position = view.events.partition_point(|&j| j < i) + 1;
                    ui.ctx().accesskit_node_builder(response.id, |node| {
                        node.set_role(egui::accesskit::Role::ListBoxOption);
                        node.set_selected(is_selected);
                        node.clear_toggled();
                        node.set_position_in_set(position);
                        node.set_size_of_set(total);
                    });
                    if is_stop {
                        out.stop = Some(response.id);
                        if view.take_focus && !response.has_focus() {
                            response.request_focus();
                        }
                    }
                    let response = response.on_hover_text(format!(
                        "{}\n{}",
                        elide::bounded(event.title(), MAX_ENTRY_CHARS),
                        crate::model::capitalize(&event.when.describe())
                    ));
                    if response.clicked() {
                        out.clicked = true;
                        commands.push(Command::SelectAndReveal(i));
                    }
                }
            }
        }
    });
    out
}
