//! The timeline as assistive technology reads it: a list box named with what it shows, holding one group
//! per lane with one node per event (its id made from the event's id, so it survives zooming and layout),
//! the periods with their spans, the range in view and the today line. The timeline is one Tab stop: the
//! selected event's node, or the list box itself when nothing is selected; the arrow keys move inside it.

use egui::accesskit::{Action, Role};
use egui::{Id, Rect, Sense, UiBuilder};
use rustc_hash::FxHashMap;

use super::access;
use super::marks::Target;
use crate::model::{TagId, Timeline};

/// The id of the timeline's own node (the list box), which is its Tab stop while nothing is selected.
pub fn timeline_stop_id() -> Id {
    Id::unique("dateline-timeline-stop")
}

/// The id of an event's node, made from the event's id: the same whatever the zoom, the layout or the
/// event's place in the order.
pub fn event_node_id(event_id: &str) -> Id {
    Id::unique(("dateline-event-node", event_id))
}

/// What the nodes are made from, one frame.
pub(super) struct NodesIn<'a> {
    /// The timeline.
    pub timeline: &'a Timeline,
    /// The tag of drafts not yet reviewed.
    pub draft_tag: Option<TagId>,
    /// The selected event.
    pub selected: Option<usize>,
    /// How many events pass the filters.
    pub shown: usize,
    /// The range in view, in real days.
    pub range_days: (f64, f64),
    /// The plot's frame.
    pub frame: Rect,
    /// Each lane's name, rect and number of events shown.
    pub lanes: Vec<(String, Rect, usize)>,
    /// What the pointer can hit, and the lane of each.
    pub targets: &'a [(Rect, Target)],
    /// The lane of each target.
    pub target_lanes: &'a [usize],
    /// Whether every mark in view gets a node (else only the selected event's).
    pub every_mark: bool,
    /// Move the keyboard focus to the Tab stop this frame.
    pub take_focus: bool,
    /// The periods' strips in view, with each one's index.
    pub periods: Vec<(Rect, usize)>,
    /// The today line, when in view: where, and its words.
    pub today: Option<(Rect, String)>,
}

/// The nodes made, for the marks' widgets to join their lanes.
pub(super) struct Nodes {
    /// The lanes' groups: a widget made in one is read as part of that lane.
    pub lanes: Vec<egui::Ui>,
    /// The timeline's Tab stop this frame.
    pub stop: Id,
    /// Whether the keyboard focus is on it.
    pub focused: bool,
    /// An event chosen through assistive technology (its node clicked or focused).
    pub chosen: Option<usize>,
}

/// Makes the timeline's nodes under `ui`, before the marks' widgets (so they lie beneath them and never
/// take the pointer's clicks).
pub(super) fn build(ui: &mut egui::Ui, input: &NodesIn<'_>) -> Nodes {
    let name = access::timeline_name(input.shown, input.range_days);
    let selected_has_node = input.selected.is_some_and(|s| {
        input.targets.iter().any(|(_, t)| match *t {
            Target::Event(e) => e == s,
            Target::Cluster { selected, .. } => selected == Some(s),
        })
    });
    let stop_is_container = !selected_has_node;
    let mut container = ui.new_child(
        UiBuilder::new()
            .id_salt("dateline-timeline-nodes")
            .max_rect(input.frame)
            .accessibility_role(Role::ListBox)
            .accessibility_label(name.clone()),
    );
    container.set_min_size(input.frame.size());
    set_bounds(&container, input.frame);
    // The list box is its own Tab stop while nothing is selected: a widget with the stop's id over it.
    let mut focused = false;
    let mut stop = timeline_stop_id();
    if stop_is_container {
        let r = container.interact(input.frame, stop, Sense::FOCUSABLE);
        r.widget_info(|| egui::WidgetInfo::labeled(Role::Pane, true, &name));
        if input.take_focus && !r.has_focus() {
            r.request_focus();
        }
        focused = r.has_focus();
    }
    // The range in view, as a line a reader can find.
    let showing = access::showing_words(input.range_days);
    let axis = container.interact(
        Rect::from_min_size(
            egui::pos2(input.frame.left(), input.frame.bottom() - 16.0),
            egui::vec2(input.frame.width(), 16.0),
        ),
        Id::unique("dateline-axis-node"),
        Sense::hover(),
    );
    axis.widget_info(|| egui::WidgetInfo::labeled(Role::Label, true, &showing));
    for &(rect, i) in &input.periods {
        period_node(&container, rect, i, input.timeline);
    }
    if let Some((rect, words)) = &input.today {
        let r = container.interact(*rect, Id::unique("dateline-today-node"), Sense::hover());
        r.widget_info(|| egui::WidgetInfo::labeled(Role::Label, true, words));
    }

    let mut lanes: Vec<egui::Ui> = input
        .lanes
        .iter()
        .enumerate()
        .map(|(i, (lane_name, rect, count))| {
            let events = match count {
                1 => "1 event".to_owned(),
                n => format!("{} events", super::timeline::format_count(*n)),
            };
            let mut lane = container.new_child(
                UiBuilder::new()
                    .id_salt(("dateline-lane-group", i))
                    .max_rect(*rect)
                    .accessibility_role(Role::Group)
                    .accessibility_label(format!(
                        "Lane {}, {events}",
                        super::elide::one_line(lane_name, 200)
                    )),
            );
            // The group's bounds are the lane's band.
            lane.set_min_size(rect.size());
            set_bounds(&lane, *rect);
            lane
        })
        .collect();

    // Each event's node lies on its mark (its first target; its label is read in its name), in the
    // lane's time order.
    let mut order: Vec<(usize, usize)> = Vec::new();
    let mut rects: FxHashMap<usize, Rect> = FxHashMap::default();
    for ((rect, target), &lane) in input.targets.iter().zip(input.target_lanes) {
        let event = match *target {
            Target::Event(e) if input.every_mark || input.selected == Some(e) => e,
            Target::Cluster {
                selected: Some(e), ..
            } => e,
            _ => continue,
        };
        rects.entry(event).or_insert_with(|| {
            order.push((lane, event));
            rect.expand(2.0).intersect(input.frame)
        });
    }
    order.sort_by_key(|&(lane, event)| (lane, event));
    let mut chosen = None;
    for (lane, event) in order {
        let Some(ui) = lanes.get_mut(lane) else {
            continue;
        };
        let Some(e) = input.timeline.events.get(event) else {
            continue;
        };
        let id = event_node_id(e.id());
        let is_selected = input.selected == Some(event);
        let is_stop = is_selected;
        let rect = rects[&event];
        let sense = if is_stop {
            Sense::FOCUSABLE
        } else {
            Sense::hover()
        };
        let r = ui.interact(rect, id, sense);
        r.widget_info(|| {
            egui::WidgetInfo::labeled(
                Role::ListBoxOption,
                true,
                access::event_name(input.timeline, event, input.draft_tag),
            )
        });
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_selected(is_selected);
            node.add_action(Action::Click);
            node.add_action(Action::Focus);
        });
        let asked = ui.input(|i| {
            i.has_accesskit_action_request(id, Action::Click)
                || (!is_stop && i.has_accesskit_action_request(id, Action::Focus))
        });
        if asked {
            chosen = Some(event);
        }
        if is_stop {
            stop = id;
            if input.take_focus && !r.has_focus() {
                r.request_focus();
            }
            focused = r.has_focus();
        }
    }
    // A focused stop shows it: the keyboard is in the timeline.
    if focused {
        let stroke = egui::Stroke::new(2.0, ui.visuals().selection.bg_fill);
        ui.painter()
            .rect_stroke(input.frame, 2.0, stroke, egui::StrokeKind::Inside);
    }
    Nodes {
        lanes,
        stop,
        focused,
        chosen,
    }
}

/// Names a period's band for assistive technology (periods are drawn, not widgets).
fn period_node(ui: &egui::Ui, rect: Rect, index: usize, timeline: &Timeline) {
    let Some(p) = timeline.periods.get(index) else {
        return;
    };
    let r = ui.interact(
        rect,
        Id::unique(("dateline-period-node", index)),
        Sense::hover(),
    );
    r.widget_info(|| {
        egui::WidgetInfo::labeled(Role::Label, true, access::period_name(&p.title, &p.when))
    });
}

/// Gives a `Ui`'s node the bounds of `rect` (a group's node has none of its own).
fn set_bounds(ui: &egui::Ui, rect: Rect) {
    ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
    });
}

/// Names the title bar of the egui window whose id is `window` and whose title is `title` (egui makes the
/// bar a focusable node, to be dragged, with no name of its own), so no focusable node is left unnamed.
pub fn name_window_title(ctx: &egui::Context, window: Id, title: &str) {
    ctx.accesskit_node_builder(window.with("__title_click"), |node| {
        node.set_role(Role::TitleBar);
        node.set_label(format!("{title}, title bar"));
    });
}
