//! The timeline plot: `egui_plot` gives the calendar axis, panning and zooming; this file paints lanes,
//! periods, events and labels from what the pure layout decided, and turns clicks into commands.

use egui::text::{LayoutJob, TextWrapping};
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, pos2, vec2};
use egui_plot::{GridInput, GridMark, Plot};

use super::axis::{self, TickUnit};
use super::bake;
use super::drag;
use super::elide;
use super::index::{EventIndex, LaneIndex, span_days};
use super::layout::{self, Mark};
use super::mapping::TimeMapping;
use super::marks::{
    self, LaneLook, LaneMarks, LaneShapes, MARKER_RADIUS, SelectedInCluster, Target,
};
use super::memo;
use super::palette;
use super::scale::{self, Scale};
use crate::app::command::Command;
use crate::model::date::date_from_days;
use crate::model::{Event, Status, Timeline};

/// Height of the strip at the top where periods are named.
const PERIOD_ROW: f32 = 20.0;
/// Distance from a lane's top to its marker line.
const MARKER_LINE: f32 = 30.0;
/// Height of one label row.
const LABEL_ROW: f32 = 17.0;
/// Room each mark needs to be drawn as a shape of its own (a cluster's pill is at least 13 points wide):
/// with less, a lane's marks are drawn as ticks in one mesh, which do not overlap one another.
const MARK_ROOM: f32 = 16.0;
/// Above this many marks and labels in view, they share one hit test instead of a widget each: a list of
/// hundreds of marks is no way through a timeline for a screen reader (the event list and the arrow keys
/// are), and a widget each costs a frame a quarter of its time when only the pointer moves.
const MAX_MARK_WIDGETS: usize = 250;
/// How far from a mark a click still selects it.
const HIT_RADIUS: f32 = 6.0;

/// What the timeline needs to draw one frame.
pub struct TimelineView<'a> {
    /// The timeline.
    pub timeline: &'a Timeline,
    /// The index of the events shown.
    pub index: &'a EventIndex,
    /// The selected event.
    pub selected: Option<usize>,
    /// Events that match the search, when a search is active (others fade).
    pub highlight: Option<&'a dyn Fn(usize) -> bool>,
    /// A number that changes whenever `highlight` would answer differently, so drawings made for one
    /// search are not reused for another.
    pub highlight_key: u64,
    /// Today, in days since 1970-01-01.
    pub today_days: f64,
    /// A range to show this frame, when the app asks for one.
    pub set_range: Option<(f64, f64)>,
    /// The tag of drafts not yet reviewed, when the timeline has one (they are drawn apart).
    pub draft_tag: Option<crate::model::TagId>,
    /// Time ↔ the plot's x (view days): linear, or the scale for stories. The index, `set_range` and the
    /// range reported are in view days.
    pub scale: &'a Scale,
    /// Move the keyboard focus to the timeline's Tab stop this frame (the selection moved while the
    /// keyboard was in the timeline, or an event was clicked).
    pub take_focus: bool,
}

/// What the plot reports after a frame.
pub struct TimelineOutput {
    /// The visible time range after this frame's panning and zooming.
    pub range: (f64, f64),
    /// The plot's width in points.
    pub width: f32,
    /// The number of marks and labels drawn (bounded by the screen, not by the data).
    pub shapes: usize,
    /// The timeline's Tab stop this frame: the selected event's node, or the timeline's own.
    pub stop: egui::Id,
    /// Whether the keyboard focus is in the timeline.
    pub focused: bool,
    /// Whether an event was chosen in the timeline this frame (clicked, or through its node), so the
    /// keyboard focus follows it there.
    pub chose_event: bool,
}

/// A lane's labels as drawn: their texts, leader lines and selection, baked; what each label hits; and
/// each label's text (also its accessible name).
#[derive(Default)]
struct LabelShapes {
    drawn: bake::Baked,
    targets: Vec<(Rect, Target)>,
    texts: Vec<String>,
}

/// A lane's marks as kept from frame to frame: baked, and what the pointer can hit.
struct KeptMarks {
    drawn: bake::Baked,
    targets: Vec<(Rect, Target)>,
}

/// What decides where a lane's labels go besides its marks: the rows, the selected mark, and what they
/// keep clear of.
struct LabelRoom {
    rows: usize,
    /// The mark holding the selected event: its label comes first.
    selected_mark: Option<usize>,
    /// The today line.
    walls: Vec<f32>,
    /// The rows and x ranges of what is drawn over the lane's labels (the context line, "today").
    blocked: Vec<(std::ops::Range<usize>, f32, f32)>,
}

/// Where each of a lane's marks has its label (`None`: no room), on the widths `measure` gives when there
/// is one, or else on widths estimated from their length (cheap for thousands of marks); only the labels
/// that get a place are laid out to be drawn, shortened with an ellipsis if the estimate was short. The selected event's label comes first, then single events the
/// source text states, then other single events, then clusters.
fn lane_label_slots(
    timeline: &Timeline,
    lane: &LaneIndex,
    marks: &[Mark],
    frame: Rect,
    room: &LabelRoom,
    measure: Option<&dyn Fn(String) -> f32>,
) -> Vec<Option<layout::LabelSlot>> {
    let requests: Vec<layout::LabelRequest> = marks
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let named = named_position(timeline, lane, m);
            let event = &timeline.events[lane.events[named] as usize];
            let chars = match lane.label_chars.get(named) {
                Some(&n) => usize::from(n),
                None => usize::from(label_chars(event)),
            };
            // No label is wider than the view, however long its title. Few marks are measured exactly;
            // many, estimated from their length.
            let width = match measure {
                Some(measure) => {
                    let room = elide::max_chars_for(frame.width(), LABEL_FONT_SIZE);
                    // With room for the 8 points a drawn label's width is rounded down by.
                    measure(mark_label(event, m.count, room)) + 12.0
                }
                None => estimated_label_width(chars, m.count),
            }
            .min(frame.width() - 6.0);
            let (anchor, after_x, before_end) = label_anchor(m, frame);
            let article = event.provenance == crate::model::Provenance::Article;
            let priority = match (room.selected_mark == Some(k), m.is_single(), article) {
                (true, _, _) => 4,
                (false, true, true) => 3,
                (false, true, false) => 2,
                (false, false, true) => 1,
                (false, false, false) => 0,
            };
            layout::LabelRequest {
                anchor,
                after_x,
                before_end,
                width,
                priority,
            }
        })
        .collect();
    let area = layout::LabelArea {
        left: frame.left() + 2.0,
        right: frame.right() - 2.0,
        rows: room.rows,
        gap: 8.0,
        min_width: MIN_LABEL_WIDTH,
        walls: room.walls.clone(),
        blocked: room.blocked.clone(),
    };
    layout::place_labels(&requests, &area)
}

/// The most events of a cluster looked at to find the one its label names.
const NAME_SEARCH: usize = 64;

/// The lane position of the event a mark's label names: a cluster is named by the first event in it that
/// the source text states (looking at its first [`NAME_SEARCH`]), or else by its first event.
fn named_position(timeline: &Timeline, lane: &LaneIndex, m: &Mark) -> usize {
    if m.is_single() || m.overhang {
        return m.first;
    }
    (m.first..m.first + m.count.min(NAME_SEARCH))
        .find(|&p| {
            timeline.events[lane.events[p] as usize].provenance == crate::model::Provenance::Article
        })
        .unwrap_or(m.first)
}

/// The rows of a lane's labels, below its marker line at `marker_y`, that the screen band `y` overlaps.
fn label_rows_under(marker_y: f32, rows: usize, y: egui::Rangef) -> std::ops::Range<usize> {
    let row_of = |at: f32| ((at - marker_y - LABEL_TOP) / LABEL_ROW).floor();
    let first = row_of(y.min).max(0.0) as usize;
    let end = (row_of(y.max) + 1.0).max(0.0) as usize;
    first.min(rows)..end.min(rows)
}

/// How far below the marker line a lane's first row of labels starts.
const LABEL_TOP: f32 = 10.0;

/// Shows the timeline and pushes what the person did onto `commands`.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    view: &TimelineView<'_>,
    commands: &mut Vec<Command>,
) -> TimelineOutput {
    let dark = ui.visuals().dark_mode;
    let set_range = view.set_range;
    let n_lanes = view.timeline.lanes.len().max(1);
    let response = Plot::new("dateline-timeline")
        .show_axes([true, false])
        .show_grid([true, false])
        .allow_zoom([true, false])
        .allow_scroll([true, false])
        .allow_drag([true, false])
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        // Clicks and drags, not a Tab stop of its own: the timeline's one Tab stop is its node (see
        // `nodes`).
        .sense(Sense::CLICK | Sense::DRAG)
        .show_x(false)
        .show_y(false)
        .x_grid_spacer(|input| calendar_grid(&input, view.scale))
        .x_axis_formatter(|mark, _range| {
            TickUnit::from_gap_days(mark.step_size)
                .map(|unit| {
                    unit.label(crate::model::Day::containing(
                        view.scale.to_days(mark.value).round(),
                    ))
                })
                .unwrap_or_default()
        })
        .show(ui, |plot_ui| {
            if let Some((start, end)) = set_range {
                plot_ui.set_plot_bounds_x(start..=end);
            }
            plot_ui.set_plot_bounds_y(-(n_lanes as f64)..=0.0);
            // The mouse wheel zooms about the pointer, as on a map; egui_plot pans on a sideways scroll
            // and zooms on Ctrl+wheel or a pinch (which leave no vertical scroll).
            if plot_ui.response().contains_pointer() {
                let scrolled = plot_ui.ctx().input(|i| i.smooth_scroll_delta.y);
                if scrolled != 0.0 {
                    let factor = super::mapping::wheel_zoom_factor(scrolled) as f32;
                    plot_ui.zoom_bounds_around_hovered(vec2(factor, 1.0));
                }
            }
        });
    let frame = *response.transform.frame();
    let bounds = response.transform.bounds();
    let mapping = TimeMapping::new(
        bounds.min()[0],
        bounds.max()[0],
        frame.left(),
        frame.width(),
    );
    let plot_response = response.response;

    let painter = ui.painter_at(frame);
    // Kept drawings hold galleys: they are made again when egui starts its text afresh.
    let text_generation = memo::text_generation(&painter);
    let mut targets: Vec<(Rect, Target)> = Vec::new();
    // For each label target, where its visible text (also its accessible label) is: which lane's labels,
    // and which of them. Looked up only when marks get widgets of their own.
    let mut lane_labels: Vec<std::sync::Arc<LabelShapes>> = Vec::new();
    let mut label_texts_by_target: Vec<Option<(usize, usize)>> = Vec::new();
    // The lane of each target, and each lane's name, place and count, for the lanes' groups.
    let mut target_lanes: Vec<usize> = Vec::new();
    let mut shapes = 0;

    let today = date_from_days(view.today_days as i64);
    // The story scale's breaks lie under everything else: periods and long bars go on through them.
    let breaks = break_marks(&painter, &mapping, view.scale, frame);
    paint_breaks(ui, &painter, &breaks, frame, plot_response.id);
    let (period_rows, period_strips) = paint_periods(ui, &painter, view, &mapping, frame, dark);
    let lanes_top = frame.top() + period_rows as f32 * PERIOD_ROW + 4.0;
    let lane_height = ((frame.bottom() - lanes_top) / n_lanes as f32).max(MARKER_LINE + LABEL_ROW);

    // What lanes' labels keep clear of: the today line and its word, and the context line.
    let context = context_line(&painter, &mapping, view.scale, frame);
    let today_x = mapping.x_from_time(view.scale.to_view(view.today_days + 0.5));
    let today_shown = frame.x_range().contains(today_x);
    let walls: Vec<f32> = if today_shown {
        vec![today_x]
    } else {
        Vec::new()
    };
    let mut over_labels: Vec<Rect> = context.iter().map(|(_, r)| *r).collect();
    over_labels.extend(breaks.iter().map(|b| b.words_rect));
    if today_shown {
        over_labels.push(Rect::from_min_max(
            pos2(today_x + 1.0, frame.bottom() - 18.0),
            pos2(today_x + 36.0, frame.bottom()),
        ));
    }

    // Today.
    if today_shown {
        let c = palette::today_color(dark);
        painter.add(Shape::dashed_line(
            &[pos2(today_x, frame.top()), pos2(today_x, frame.bottom())],
            Stroke::new(1.0, c),
            4.0,
            3.0,
        ));
        painter.text(
            pos2(today_x + 3.0, frame.bottom() - 4.0),
            Align2::LEFT_BOTTOM,
            "today",
            FontId::proportional(11.0),
            c,
        );
    }

    let lane_nodes: Vec<(String, Rect, usize)> = (view.index.lanes.iter().enumerate())
        .map(|(lane_i, lane)| {
            let top = lanes_top + lane_i as f32 * lane_height;
            let rect =
                Rect::from_min_size(pos2(frame.left(), top), vec2(frame.width(), lane_height));
            let name = view
                .timeline
                .lane_label(crate::model::LaneId(lane_i as u16));
            (name.to_owned(), rect.intersect(frame), lane.events.len())
        })
        .collect();
    for (lane_i, lane) in view.index.lanes.iter().enumerate() {
        let top = lanes_top + lane_i as f32 * lane_height;
        let lane_rect =
            Rect::from_min_size(pos2(frame.left(), top), vec2(frame.width(), lane_height));
        if lane_i % 2 == 1 {
            painter.rect_filled(lane_rect, 0.0, ui.visuals().faint_bg_color);
        }
        let look = LaneLook::of(lane_i, dark);
        let color = look.color;
        let marker_y = top + MARKER_LINE;
        painter.hline(
            frame.x_range(),
            marker_y,
            Stroke::new(1.0, color.gamma_multiply(0.25)),
        );

        let rows = ((lane_height - MARKER_LINE - 10.0) / LABEL_ROW)
            .floor()
            .max(1.0) as usize;
        let font = FontId::proportional(LABEL_FONT_SIZE);
        // The marks and label places depend only on the index, the view and the frame (all of it, since
        // what is drawn is baked clipped to it): frames that keep these (hover, animation, repaint) reuse them.
        let key = memo::key_of((
            view.index.generation,
            mapping.start_days.to_bits(),
            mapping.end_days.to_bits(),
            frame.min.x.to_bits(),
            frame.min.y.to_bits(),
            frame.max.x.to_bits(),
            frame.max.y.to_bits(),
            rows,
        ));
        let marks = memo::memoized(
            ui.ctx(),
            plot_response.id.with(("lane-layout", lane_i)),
            key,
            || layout::lane_marks(lane, &mapping, layout::MERGE_POINTS),
        );
        let marks = marks.as_slice();
        // The selected event's mark; when a cluster, the event is marked there and the cluster's label
        // names it.
        let selected_mark = view.selected.and_then(|i| {
            selected_mark(view.timeline, lane, marks, &mapping, (today, view.scale), i)
        });
        let selected_in = selected_mark.filter(|s| !marks[s.mark].is_single());
        // Labels keep clear of the today line, and of what is drawn over this lane's rows.
        let blocked = over_labels
            .iter()
            .map(|r| {
                (
                    label_rows_under(marker_y, rows, r.y_range()),
                    r.left(),
                    r.right(),
                )
            })
            .filter(|(rows, _, _)| !rows.is_empty())
            .collect();
        let room = LabelRoom {
            rows,
            selected_mark: selected_mark.map(|s| s.mark),
            walls: walls.clone(),
            blocked,
        };
        let slots_key = memo::key_of((
            key,
            room.selected_mark,
            room.walls.iter().map(|w| w.to_bits()).collect::<Vec<_>>(),
            room.blocked
                .iter()
                .map(|(r, a, b)| (r.start, r.end, a.to_bits(), b.to_bits()))
                .collect::<Vec<_>>(),
        ));
        let slots = memo::memoized(
            ui.ctx(),
            plot_response.id.with(("lane-label-slots", lane_i)),
            slots_key,
            || {
                // Up to a few dozen marks, labels are measured by their characters' widths in the
                // label font: near what a layout gives, without laying anything out.
                let font = FontId::proportional(LABEL_FONT_SIZE);
                let measure = |text: String| {
                    ui.ctx()
                        .fonts_mut(|f| text.chars().map(|c| f.glyph_width(&font, c)).sum())
                };
                let measure: Option<&dyn Fn(String) -> f32> =
                    (marks.len() <= MAX_MEASURED).then_some(&measure);
                lane_label_slots(view.timeline, lane, marks, frame, &room, measure)
            },
        );
        let slots = slots.as_slice();

        // Ticks in one mesh when the lane is too crowded for a shape per mark, baked and kept while the
        // marks, the search, the selection and the colours stay the same.
        let dense = marks.len() as f32 * MARK_ROOM > frame.width();
        let count_color = ui.visuals().text_color();
        let marks_key = memo::key_of((
            key,
            dense,
            text_generation,
            view.highlight_key,
            view.selected,
            look,
            count_color,
            dark,
            marker_y.to_bits(),
        ));
        let kept = memo::memoized(
            ui.ctx(),
            plot_response.id.with(("lane-marks", lane_i)),
            marks_key,
            || {
                let lane_marks = LaneMarks {
                    marks,
                    lane,
                    events: &view.timeline.events,
                    highlight: view.highlight,
                    selected: view.selected,
                    selected_in,
                    look,
                    count_color,
                    dark,
                    marker_y,
                    clip: frame.x_range().expand(20.0),
                    draft: view.draft_tag,
                };
                let LaneShapes { shapes, targets } = if dense {
                    lane_marks.ticks(&painter)
                } else {
                    lane_marks.shapes(&painter)
                };
                KeptMarks {
                    drawn: bake::bake(ui.ctx(), frame, shapes),
                    targets,
                }
            },
        );
        painter.extend(kept.drawn.meshes.iter().cloned());
        shapes += marks.len();
        targets.extend(kept.targets.iter().copied());
        label_texts_by_target.resize(targets.len(), None);
        target_lanes.resize(targets.len(), lane_i);
        // Labels, laid out once per view, search, selection and colours.
        let visuals = ui.visuals();
        let (text_color, weak_color, selection_fill) = (
            visuals.text_color(),
            visuals.weak_text_color().gamma_multiply(0.6),
            visuals.selection.bg_fill,
        );
        let label_key = memo::key_of((
            slots_key,
            text_generation,
            view.highlight_key,
            view.selected,
            color,
            text_color,
            weak_color,
            selection_fill,
            marker_y.to_bits(),
        ));
        let labels = memo::memoized(
            ui.ctx(),
            plot_response.id.with(("lane-labels", lane_i)),
            label_key,
            || {
                let mut out = LabelShapes::default();
                let mut drawn = Vec::new();
                for (mark_i, slot) in slots.iter().enumerate() {
                    let Some(slot) = slot else { continue };
                    let m = &marks[mark_i];
                    let mut event_i = lane.events[named_position(view.timeline, lane, m)] as usize;
                    let mut target = Target::of(m, event_i);
                    let holds_selected = selected_in.filter(|s| s.mark == mark_i);
                    if let Some(inside) = holds_selected {
                        event_i = inside.event;
                        target = target.holding(inside.event);
                    }
                    // Cut to what the slot can show before anything is laid out: a 10 MB title costs
                    // what its slot holds, not what it holds.
                    let room = elide::max_chars_for(slot.width, font.size);
                    let text = mark_label(&view.timeline.events[event_i], m.count, room);
                    let y = marker_y + LABEL_TOP + slot.row as f32 * LABEL_ROW;
                    let selected = holds_selected.is_some()
                        || (m.is_single() && view.selected == Some(event_i));
                    let dim = view.highlight.is_some_and(|h| !h(event_i));
                    let color_here = if dim { weak_color } else { text_color };
                    let mut job =
                        LayoutJob::simple_singleline(text.clone(), font.clone(), color_here);
                    job.wrap = TextWrapping {
                        // Rounded down to 8 points, so a label keeps its galley (from egui's cache)
                        // while small pans change its room a little.
                        max_width: (slot.width / 8.0).floor() * 8.0,
                        max_rows: 1,
                        break_anywhere: true,
                        overflow_character: Some('…'),
                    };
                    let galley = painter.layout_job(job);
                    // A label placed before its mark (as at the right edge) ends at its slot's end, at
                    // the mark, so its leader meets it.
                    let (anchor, natural_x, _) = label_anchor(m, frame);
                    let x = if slot.x + 1.0 < natural_x {
                        slot.x + slot.width - galley.size().x
                    } else {
                        slot.x
                    };
                    let label_rect = Rect::from_min_size(pos2(x, y), galley.size());
                    if selected {
                        drawn.push(Shape::rect_filled(
                            label_rect.expand(2.0),
                            3.0,
                            selection_fill,
                        ));
                    }
                    if slot.row > 0 || m.is_bar() || slot.x + 1.0 < natural_x {
                        drawn.push(Shape::vline(
                            anchor,
                            (marker_y + MARKER_RADIUS)..=y,
                            Stroke::new(1.0, color.gamma_multiply(0.35)),
                        ));
                    }
                    drawn.push(Shape::galley(label_rect.min, galley, color_here));
                    out.targets.push((label_rect, target));
                    out.texts.push(text);
                }
                out.drawn = bake::bake(ui.ctx(), frame, drawn);
                out
            },
        );
        painter.extend(labels.drawn.meshes.iter().cloned());
        shapes += labels.texts.len();
        targets.extend(labels.targets.iter().copied());
        target_lanes.resize(targets.len(), lane_i);
        let lane_at = lane_labels.len();
        label_texts_by_target.extend((0..labels.texts.len()).map(|k| Some((lane_at, k))));
        lane_labels.push(labels);

        // Lane name, on a backing so events never hide it.
        let lane_font = FontId::proportional(13.0);
        let name = elide::one_line(
            view.timeline
                .lane_label(crate::model::LaneId(lane_i as u16)),
            elide::max_chars_for(frame.width() / 3.0, lane_font.size),
        );
        // The lane's colour, darkened or lightened where needed to read at 4.5:1 as text.
        let name_color = super::contrast::readable_on(
            color,
            &super::contrast::backgrounds(ui.visuals()),
            super::contrast::TEXT_CONTRAST,
        );
        let mut job =
            LayoutJob::simple_singleline(name.clone().into_owned(), lane_font, name_color);
        job.wrap = TextWrapping {
            max_width: frame.width() / 3.0,
            max_rows: 1,
            break_anywhere: true,
            overflow_character: Some('…'),
        };
        let galley = painter.layout_job(job);
        // Lanes that share a colour with an earlier one show their glyph before their name, as the
        // legend does.
        let glyph_room = if look.marks_glyph() { 14.0 } else { 0.0 };
        let name_rect = Rect::from_min_size(
            pos2(frame.left() + 6.0, top + 4.0),
            galley.size() + vec2(glyph_room, 0.0),
        )
        .expand(2.0);
        painter.rect_filled(
            name_rect,
            3.0,
            ui.visuals().extreme_bg_color.gamma_multiply(0.85),
        );
        if look.marks_glyph() {
            let mut glyph = Vec::new();
            let at = pos2(name_rect.left() + 8.0, name_rect.center().y);
            marks::paint_glyph(&mut glyph, look.glyph, at, 5.0, color, None);
            painter.extend(glyph);
        }
        painter.galley(
            name_rect.min + vec2(2.0 + glyph_room, 2.0),
            galley,
            name_color,
        );
    }

    context_line_ui(ui, &painter, context, plot_response.id);

    // Interaction: each mark is a clickable, draggable widget with an accessible label — while there are
    // few enough for that to be useful; beyond that, one hit test against the pointer serves hover and
    // click, and only the selected event's marks are widgets (to be dragged). A widget's id comes from
    // its event's id, so it stays the same while the event is dragged to another place in the order.
    let mut clicked_target = None;
    let mut double_clicked_target = None;
    let mut drag_started: Option<(usize, Pos2)> = None;
    let per_mark_widgets = targets.len() <= MAX_MARK_WIDGETS;
    if !per_mark_widgets
        && let Some(pos) = plot_response.hover_pos()
        && let Some(target) = layout::hit_test(&targets, pos, HIT_RADIUS)
    {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        plot_response
            .clone()
            .on_hover_ui_at_pointer(|ui| target_tooltip(ui, view.timeline, view.scale, target));
    }
    let lanes_geometry = (lanes_top, lane_height, view.index.lanes.len());
    // The nodes assistive technology reads, beneath the marks' widgets.
    let today_node = today_shown.then(|| {
        (
            Rect::from_x_y_ranges((today_x - 3.0)..=(today_x + 3.0), frame.y_range()),
            format!(
                "Today, {}",
                super::access::range_words(view.today_days, view.today_days + 1.0)
            ),
        )
    });
    let nodes = super::nodes::build(
        ui,
        &super::nodes::NodesIn {
            timeline: view.timeline,
            draft_tag: view.draft_tag,
            selected: view.selected,
            shown: view.index.len(),
            range_days: view
                .scale
                .span_to_days((mapping.start_days, mapping.end_days)),
            frame,
            lanes: lane_nodes,
            targets: &targets,
            target_lanes: &target_lanes,
            every_mark: per_mark_widgets,
            take_focus: view.take_focus,
            periods: period_strips,
            today: today_node,
        },
    );
    if let Some(e) = nodes.chosen {
        commands.push(Command::Select(Some(e)));
    }
    for (i, (rect, target)) in targets.iter().enumerate() {
        let is_selected = matches!(target, Target::Event(e) if view.selected == Some(*e));
        if !per_mark_widgets && !is_selected {
            continue;
        }
        let id = mark_widget_id(
            ui,
            view.timeline,
            *target,
            label_texts_by_target[i].is_some(),
        );
        let hit_rect = rect.expand(2.0).intersect(frame);
        if !hit_rect.is_positive() {
            continue;
        }
        // Marks take the pointer, not the Tab key: the timeline is one Tab stop (see `nodes`).
        let sense = if matches!(target, Target::Event(_)) {
            Sense::CLICK | Sense::DRAG
        } else {
            Sense::CLICK
        };
        let lane_ui = nodes.lanes.get(target_lanes[i]).unwrap_or(&*ui);
        let r = lane_ui.interact(hit_rect, id, sense);
        // An event is read through its one node (see `nodes`); a cluster is a node of its own, named
        // only when asked (accessibility on). A tooltip only for the mark under the pointer: hundreds of
        // marks each frame would otherwise cost a string and a popup check apiece.
        match (target, label_texts_by_target[i]) {
            (Target::Cluster { .. }, None) => r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::ListBoxOption,
                    true,
                    cluster_name(view, target_lanes[i], *target),
                )
            }),
            // A label's words are in its event's (or cluster's) name; its node is kept hidden from
            // assistive technology, only to say where the words are drawn.
            (_, Some((lane, k))) => {
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Label,
                        true,
                        lane_labels[lane].texts[k].clone(),
                    )
                });
                ui.ctx().accesskit_node_builder(r.id, |node| {
                    node.set_hidden();
                    if let Some(words) = node.value().map(str::to_owned) {
                        node.set_label(words);
                    }
                });
            }
            (Target::Event(_), None) => {}
        }
        if let Target::Event(e) = *target
            && is_selected
            && let Some(pos) = r.hover_pos()
            && view.timeline.events[e].when.is_span()
        {
            let (s, end) = view
                .scale
                .span_to_view(span_days(view.timeline.events[e].when.covered(today)));
            let part = drag::part_at(
                &view.timeline.events[e].when,
                pos.x,
                mapping.x_from_time(s),
                mapping.x_from_time(end),
            );
            if part != crate::model::shift::Part::Whole {
                ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
            }
        }
        if (r.hovered() || r.is_tooltip_open()) && !r.dragged() {
            r.clone()
                .on_hover_ui(|ui| target_tooltip(ui, view.timeline, view.scale, *target));
        }
        if r.clicked() {
            clicked_target = Some(*target);
        }
        if r.double_clicked() {
            double_clicked_target = Some(*target);
        }
        if let Target::Event(e) = *target
            && r.drag_started()
            && let Some(pos) = r.interact_pointer_pos()
        {
            drag_started = Some((e, pos));
        }
    }
    follow_drag(ui, view, &mapping, lanes_geometry, drag_started, commands);
    if clicked_target.is_none()
        && plot_response.clicked()
        && let Some(pos) = plot_response.interact_pointer_pos()
    {
        clicked_target = layout::hit_test(&targets, pos, HIT_RADIUS);
        if clicked_target.is_none() {
            commands.push(Command::Select(None));
        }
    }
    let chose_event = nodes.chosen.is_some() || matches!(clicked_target, Some(Target::Event(_)));
    match clicked_target {
        Some(Target::Event(i)) => commands.push(Command::Select(Some(i))),
        Some(Target::Cluster { t0, t1, .. }) => commands.push(Command::ShowRange(t0, t1)),
        None => {}
    }
    // A double-click on an event edits it; on empty space in a lane, makes an event there, dated at
    // the day under the pointer (at the precision the zoom suggests); above the lanes, shows everything.
    if plot_response.double_clicked()
        && let Some(pos) = plot_response.interact_pointer_pos()
    {
        double_clicked_target = layout::hit_test(&targets, pos, HIT_RADIUS);
        if double_clicked_target.is_none() {
            match drag::lane_at(pos.y, lanes_top, lane_height, view.index.lanes.len()) {
                Some(lane) => commands.push(Command::NewEvent {
                    day: Some(view.scale.to_days(mapping.time_from_x(pos.x))),
                    lane: Some(lane),
                }),
                None => commands.push(Command::FitAll),
            }
        }
    }
    if let Some(Target::Event(i)) = double_clicked_target {
        commands.push(Command::Select(Some(i)));
        commands.push(Command::StartEditing);
    }
    TimelineOutput {
        range: (mapping.start_days, mapping.end_days),
        width: frame.width(),
        shapes,
        stop: nodes.stop,
        focused: nodes.focused,
        chose_event,
    }
}

/// The context line's text and where it goes, when the view needs one (see [`context_line_ui`]).
/// The id of a mark's (or a label's) widget: from its event's id, or a cluster's span, so it names the
/// same thing from frame to frame whatever moves around it.
fn mark_widget_id(ui: &egui::Ui, timeline: &Timeline, target: Target, label: bool) -> egui::Id {
    match target {
        Target::Event(i) => {
            ui.make_persistent_id(("dateline-event", timeline.events[i].id(), label))
        }
        Target::Cluster { t0, t1, count, .. } => {
            ui.make_persistent_id(("dateline-cluster", t0.to_bits(), t1.to_bits(), count, label))
        }
    }
}

/// Starts, follows and ends a drag of an event. The drag is followed from the pointer itself, so it goes
/// on while the event's mark moves (to another place in time or another lane); each new date or lane
/// is sent once, as a step of one undoable move, and letting go ends the step.
fn follow_drag(
    ui: &egui::Ui,
    view: &TimelineView<'_>,
    mapping: &TimeMapping,
    (lanes_top, lane_height, lanes): (f32, f32, usize),
    started: Option<(usize, Pos2)>,
    commands: &mut Vec<Command>,
) {
    let key = egui::Id::unique("dateline-drag");
    let today = date_from_days(view.today_days as i64);
    if let Some((e, pos)) = started {
        let event = view.timeline.events[e].clone();
        let (s, end) = view
            .scale
            .span_to_view(span_days(event.when.covered(today)));
        let part = drag::part_at(
            &event.when,
            pos.x,
            mapping.x_from_time(s),
            mapping.x_from_time(end),
        );
        let drag_number = ui.ctx().cumulative_pass_nr();
        let grab = drag::Grab::new(
            event,
            part,
            view.scale.to_days(mapping.time_from_x(pos.x)),
            drag_number,
        );
        ui.ctx().data_mut(|d| d.insert_temp(key, grab));
        if view.selected != Some(e) {
            commands.push(Command::Select(Some(e)));
        }
    }
    let Some(mut grab) = ui.ctx().data(|d| d.get_temp::<drag::Grab>(key)) else {
        return;
    };
    let (down, pos) = ui
        .ctx()
        .input(|i| (i.pointer.primary_down(), i.pointer.latest_pos()));
    if !down {
        ui.ctx().data_mut(|d| d.remove::<drag::Grab>(key));
        commands.push(Command::EndDrag);
        return;
    }
    let Some(pos) = pos else { return };
    // Where the event is now: the selection follows it as it moves.
    let id = grab.original.id();
    let at = view
        .selected
        .filter(|&i| view.timeline.events.get(i).is_some_and(|e| e.id() == id))
        .or_else(|| view.timeline.event_index(id));
    let Some(at) = at else {
        // The event is gone (undone, reloaded): the drag ends.
        ui.ctx().data_mut(|d| d.remove::<drag::Grab>(key));
        return;
    };
    let lane = drag::lane_at(pos.y, lanes_top, lane_height, lanes);
    if let Some(event) = grab.moved(view.scale.to_days(mapping.time_from_x(pos.x)), lane) {
        commands.push(Command::DragEvent {
            at,
            event: Box::new(event),
            drag: grab.drag,
        });
    }
    // What the event will be, beside the pointer.
    let words = crate::model::capitalize(&grab.last.0.describe());
    let painter = ui
        .ctx()
        .layer_painter(egui::LayerId::new(egui::Order::Tooltip, key));
    let galley = painter.layout_no_wrap(
        words,
        FontId::proportional(13.0),
        ui.visuals().strong_text_color(),
    );
    let at_pointer = pos + vec2(14.0, -24.0);
    painter.rect_filled(
        Rect::from_min_size(at_pointer, galley.size()).expand(4.0),
        4.0,
        ui.visuals().extreme_bg_color,
    );
    painter.galley(at_pointer, galley, ui.visuals().strong_text_color());
    ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
    ui.ctx().data_mut(|d| d.insert_temp(key, grab));
}

fn context_line(
    painter: &egui::Painter,
    mapping: &TimeMapping,
    scale: &Scale,
    frame: Rect,
) -> Option<(String, Rect)> {
    let (start, end) = scale.span_to_days((mapping.start_days, mapping.end_days));
    let unit = axis::choose_unit(
        mapping.points_per_day(),
        axis::MIN_LABEL_SPACING,
        start,
        end,
    );
    let years = axis::context_label(start, end, unit)?;
    let galley = painter.layout_no_wrap(years.clone(), FontId::proportional(12.5), Color32::WHITE);
    let rect = Rect::from_min_size(
        pos2(frame.left() + 6.0, frame.bottom() - galley.size().y - 6.0),
        galley.size(),
    )
    .expand(2.0);
    Some((years, rect))
}

/// The day a range starting at `days` begins with, in words.
fn first_day_words(days: f64) -> String {
    crate::model::EdtfDate::on_day(crate::model::Day::containing(days)).words()
}

/// The last day of a range ending (exclusive) at `days`, in words.
fn last_day_words(days: f64) -> String {
    crate::model::EdtfDate::on_day(crate::model::Day::containing(days.ceil() - 1.0)).words()
}

/// A break of the story scale as drawn: its band, and the words saying how long it is.
struct BreakMark {
    band: Rect,
    words: String,
    words_rect: Rect,
    days: (f64, f64),
}

/// The breaks of `scale` in view, where they are drawn and what they say.
fn break_marks(
    painter: &egui::Painter,
    mapping: &TimeMapping,
    scale: &Scale,
    frame: Rect,
) -> Vec<BreakMark> {
    scale
        .breaks()
        .filter_map(|b| {
            let x0 = mapping.x_from_time(b.view.0);
            let x1 = mapping.x_from_time(b.view.1);
            if x1 < frame.left() || x0 > frame.right() {
                return None;
            }
            let words = scale::hidden_words(b.hidden_days());
            let size = painter
                .layout_no_wrap(words.clone(), FontId::proportional(11.5), Color32::WHITE)
                .size();
            let centre = f32::midpoint(x0, x1);
            let words_rect = Rect::from_center_size(
                pos2(centre, frame.bottom() - 6.0 - size.y / 2.0),
                size + vec2(8.0, 4.0),
            );
            Some(BreakMark {
                band: Rect::from_x_y_ranges(x0..=x1, frame.y_range()),
                words,
                words_rect,
                days: b.days,
            })
        })
        .collect()
}

/// Draws the breaks: a shaded band between two zigzag edges, the scale's own sign that it is not linear,
/// with how long each is; hovering one says what it hides (also to screen readers).
fn paint_breaks(
    ui: &egui::Ui,
    painter: &egui::Painter,
    breaks: &[BreakMark],
    frame: Rect,
    plot_id: egui::Id,
) {
    let visuals = ui.visuals();
    let edge = Stroke::new(1.2, visuals.weak_text_color());
    for (i, b) in breaks.iter().enumerate() {
        painter.rect_filled(b.band, 0.0, visuals.extreme_bg_color.gamma_multiply(0.9));
        for x in [b.band.left(), b.band.right()] {
            let mut points = Vec::new();
            let mut y = frame.top();
            let mut side = -1.0;
            while y <= frame.bottom() {
                points.push(pos2(x + side * 2.5, y));
                y += 5.0;
                side = -side;
            }
            painter.add(Shape::line(points, edge));
        }
        let color = visuals.strong_text_color();
        painter.rect_filled(b.words_rect, 3.0, visuals.extreme_bg_color);
        painter.text(
            b.words_rect.center(),
            Align2::CENTER_CENTER,
            &b.words,
            FontId::proportional(11.5),
            color,
        );
        let said = format!(
            "A break in the scale: about {}, from {} to {}, not drawn to scale",
            b.words.trim_start_matches("≈ "),
            first_day_words(b.days.0),
            last_day_words(b.days.1),
        );
        let hover = b.band.union(b.words_rect).intersect(frame);
        let response = ui.interact(hover, plot_id.with(("scale-break", i)), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &said));
        response.on_hover_text(said);
    }
}

/// The years in view, at the bottom left, when the axis's labels do not say them (days read "16 Jun"):
/// on a backing, so events never hide it, and announced to screen readers.
fn context_line_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    line: Option<(String, Rect)>,
    plot_id: egui::Id,
) {
    let Some((years, rect)) = line else {
        return;
    };
    let color = ui.visuals().strong_text_color();
    let galley = painter.layout_no_wrap(years.clone(), FontId::proportional(12.5), color);
    painter.rect_filled(
        rect,
        3.0,
        ui.visuals().extreme_bg_color.gamma_multiply(0.85),
    );
    painter.galley(rect.min + vec2(2.0, 2.0), galley, color);
    let response = ui.interact(rect, plot_id.with("context-line"), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &years));
}

/// The grid spacer: calendar ticks of the unit that fits the zoom level, in the parts of the view drawn at
/// the normal scale (none inside a break of the story scale).
fn calendar_grid(input: &GridInput, scale: &Scale) -> Vec<GridMark> {
    let (start, end) = input.bounds;
    // `base_step_size` is the plot's days per minimum grid spacing; turn it into points per day.
    let points_per_day = 8.0 / input.base_step_size.max(f64::MIN_POSITIVE);
    let (first, last) = (scale.to_days(start), scale.to_days(end));
    let unit = axis::choose_unit(points_per_day, axis::MIN_LABEL_SPACING, first, last);
    let min_gap = axis::MIN_LABEL_SPACING / points_per_day;
    axis::scaled_ticks(scale, start, end, unit, min_gap)
        .into_iter()
        .map(|t| GridMark {
            value: t.days,
            step_size: unit.min_gap_days(),
        })
        .collect()
}

/// Which of `marks` holds the selected event `i`, and where the event starts: found by its start,
/// without a pass over the lane.
fn selected_mark(
    timeline: &Timeline,
    lane: &LaneIndex,
    marks: &[Mark],
    mapping: &TimeMapping,
    (today, scale): (chrono::NaiveDate, &Scale),
    i: usize,
) -> Option<SelectedInCluster> {
    let event = timeline.events.get(i)?;
    let start = scale.to_view(span_days(event.when.covered(today)).0);
    let pos = lane.position_of(u32::try_from(i).ok()?, start)?;
    let mark = layout::mark_holding(marks, lane, pos, mapping.start_days)?;
    Some(SelectedInCluster {
        mark,
        x: mapping.x_from_time(start),
        event: i,
    })
}

/// Labels shortened below this width are left out instead (they show on hover): a dozen characters or so,
/// since a label cut to a word or two says no more than its lane's name.
const MIN_LABEL_WIDTH: f32 = 96.0;
/// Bars narrower than this have their labels' leaders rise from their middle.
const SHORT_BAR: f32 = 40.0;
/// The size of the labels' font.
const LABEL_FONT_SIZE: f32 = 12.5;
/// Up to this many marks in a lane, their labels are measured; more, and their widths are estimated (a
/// new view of many marks would otherwise measure hundreds of labels).
const MAX_MEASURED: usize = 40;
/// Average width of a label character at the label font, in points, erring wide.
const LABEL_CHAR_WIDTH: f32 = 7.0;

/// Where a mark's leader rises (a point's centre, or a bar's visible start), where its label starts when
/// after the mark, and where it ends when before it.
fn label_anchor(m: &Mark, frame: Rect) -> (f32, f32, f32) {
    if m.is_bar() {
        let start = m.x0.max(frame.left());
        let end = m.x1.min(frame.right()).max(start);
        // A short bar's leader rises from its middle, clear of a neighbour's marker at its start.
        let anchor = if end - start < SHORT_BAR {
            f32::midpoint(start, end)
        } else {
            start + 1.0
        };
        (anchor, start, anchor + 2.0)
    } else {
        let c = m.center_x();
        (c, c - MARKER_RADIUS, c + MARKER_RADIUS)
    }
}

/// The number of characters of an event's label: its title and the date qualifiers [`event_label`] adds.
pub fn label_chars(event: &Event) -> u16 {
    // Bytes, not characters: as fast as a length can be, and an estimate that errs wide outside ASCII.
    let mut chars = event.title().len();
    if event.when.approximate() {
        chars += 3;
    }
    if event.when.uncertain() {
        chars += 4;
    }
    if event.status == Status::Planned {
        chars += 9;
    }
    chars.min(usize::from(u16::MAX)) as u16
}

/// The width a mark's label needs, estimated from its length (a cluster adds "(+N more)").
fn estimated_label_width(chars: usize, count: usize) -> f32 {
    let extra = if count > 1 {
        10 + count.ilog10() as usize
    } else {
        0
    };
    (chars + extra) as f32 * LABEL_CHAR_WIDTH + 4.0
}

/// The text beside an event's marker: its title, with "c." or "?" when its date is approximate or
/// uncertain and "target" when it is a plan, in at most `max_chars` characters. The title is cut (with an
/// ellipsis) before the qualifiers are, since they say how far to trust it.
pub fn event_label(event: &Event, max_chars: usize) -> String {
    with_suffix(event, "", max_chars)
}

/// The label of a mark standing for `count` events whose first is `event`: its label, and how many more a
/// cluster holds ("(+3 more)"), in at most `max_chars` characters.
pub fn mark_label(event: &Event, count: usize, max_chars: usize) -> String {
    if count > 1 {
        with_suffix(
            event,
            &format!(" (+{} more)", format_count(count - 1)),
            max_chars,
        )
    } else {
        event_label(event, max_chars)
    }
}

/// An event's label with `suffix` after it, its title cut so the whole is at most `max_chars` characters.
fn with_suffix(event: &Event, suffix: &str, max_chars: usize) -> String {
    let prefix = if event.when.approximate() { "c. " } else { "" };
    let mut after = String::new();
    if event.when.uncertain() {
        after.push_str(" (?)");
    }
    if event.status == Status::Planned {
        after.push_str(" — target");
    }
    after.push_str(suffix);
    let fixed = prefix.chars().count() + after.chars().count();
    let title = elide::one_line(event.title(), max_chars.saturating_sub(fixed).max(1));
    let mut text = String::with_capacity(prefix.len() + title.len() + after.len());
    text.push_str(prefix);
    text.push_str(&title);
    text.push_str(&after);
    text
}

/// The most characters of a title an accessible name or a tooltip line gives: a screen reader reads a
/// name whole, so it is kept to what a long label would show.
const NAME_CHARS: usize = 200;
/// The most lines a tooltip's title wraps to.
const TOOLTIP_TITLE_LINES: usize = 4;

/// The accessible label of a mark.
/// A cluster's accessible name: its count, range and first titles, and the selected event it holds.
fn cluster_name(view: &TimelineView<'_>, lane: usize, target: Target) -> String {
    let Target::Cluster {
        t0,
        t1,
        count,
        selected,
        first,
    } = target
    else {
        return target_label(view.timeline, view.scale, target);
    };
    let events = view.index.lanes.get(lane).map_or(&[][..], |l| {
        let from = first.min(l.events.len());
        &l.events[from..(from + count).min(l.events.len())]
    });
    let mut name = super::access::cluster_name(
        view.timeline,
        count,
        view.scale.span_to_days((t0, t1)),
        events.iter().map(|&e| e as usize),
    );
    if let Some(e) = selected.and_then(|i| view.timeline.events.get(i)) {
        name.push_str(", holding the selected ");
        name.push_str(&elide::one_line(e.title(), NAME_CHARS));
    }
    name
}

fn target_label(timeline: &Timeline, scale: &Scale, target: Target) -> String {
    match target {
        Target::Event(i) => {
            let e = &timeline.events[i];
            format!(
                "{}, {}",
                elide::one_line(e.title(), NAME_CHARS),
                e.when.short_label()
            )
        }
        Target::Cluster {
            t0,
            t1,
            count,
            selected,
            ..
        } => {
            let (t0, t1) = scale.span_to_days((t0, t1));
            let mut name = format!(
                "cluster of {} events, {} – {}",
                format_count(count),
                date_from_days(t0.floor() as i64),
                date_from_days(t1.ceil() as i64 - 1)
            );
            if let Some(e) = selected.and_then(|i| timeline.events.get(i)) {
                name.push_str(", holding the selected ");
                name.push_str(&elide::one_line(e.title(), NAME_CHARS));
            }
            name
        }
    }
}

fn target_tooltip(ui: &mut egui::Ui, timeline: &Timeline, scale: &Scale, target: Target) {
    match target {
        Target::Event(i) => {
            let e = &timeline.events[i];
            // A few lines of the tooltip's width, at most.
            let room = elide::max_chars_for(ui.spacing().tooltip_width, 14.0) * TOOLTIP_TITLE_LINES;
            ui.strong(elide::one_line(e.title(), room));
            ui.label(crate::model::capitalize(&e.when.describe()));
            let provenance = e.provenance.words();
            if !provenance.is_empty() {
                ui.weak(provenance);
            }
        }
        Target::Cluster {
            t0,
            t1,
            count,
            selected,
            ..
        } => {
            let (t0, t1) = scale.span_to_days((t0, t1));
            ui.strong(format!("{} events", format_count(count)));
            ui.label(format!(
                "{} to {} — click to zoom in",
                first_day_words(t0),
                last_day_words(t1)
            ));
            if let Some(e) = selected.and_then(|i| timeline.events.get(i)) {
                let room = elide::max_chars_for(ui.spacing().tooltip_width, 14.0);
                ui.label(format!(
                    "Selected here: {}",
                    elide::one_line(e.title(), room)
                ));
            }
        }
    }
}

/// A count with thousands separators: "1,234".
pub fn format_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Paints the periods as bands behind the events with their names in a strip at the top; returns how many
/// rows the strip uses.
fn paint_periods(
    ui: &egui::Ui,
    painter: &egui::Painter,
    view: &TimelineView<'_>,
    mapping: &TimeMapping,
    frame: Rect,
    dark: bool,
) -> (usize, Vec<(Rect, usize)>) {
    let today = date_from_days(view.today_days as i64);
    let mut strips = Vec::new();
    let mut row_ends: Vec<f32> = Vec::new();
    let mut placed = Vec::new();
    for (i, p) in view.timeline.periods.iter().enumerate() {
        let (s, e) = view.scale.span_to_view(span_days(p.when.covered(today)));
        let x0 = mapping.x_from_time(s).max(frame.left() - 1.0);
        let x1 = mapping.x_from_time(e).min(frame.right() + 1.0);
        if x1 <= frame.left() || x0 >= frame.right() {
            continue;
        }
        let row = row_ends
            .iter()
            .position(|&end| end <= x0)
            .unwrap_or_else(|| {
                row_ends.push(f32::NEG_INFINITY);
                row_ends.len() - 1
            });
        row_ends[row] = x1 + 2.0;
        placed.push((i, row, x0, x1));
    }
    let rows = row_ends.len();
    for (i, row, x0, x1) in placed {
        let p = &view.timeline.periods[i];
        let color = palette::series_color(i + 3, dark);
        let band = Rect::from_x_y_ranges(x0..=x1, frame.y_range());
        painter.rect_filled(band, 0.0, color.gamma_multiply(0.06));
        let strip = Rect::from_x_y_ranges(
            x0..=x1,
            (frame.top() + row as f32 * PERIOD_ROW + 2.0)
                ..=(frame.top() + (row + 1) as f32 * PERIOD_ROW),
        );
        painter.rect_filled(strip, 3.0, color.gamma_multiply(0.25));
        strips.push((strip.intersect(frame), i));
        let room = elide::max_chars_for(strip.width().min(frame.width()), 12.0);
        let label = format!(
            "{} ({})",
            elide::one_line(&p.title, room),
            p.when.short_label()
        );
        let mut job = LayoutJob::simple_singleline(
            label,
            FontId::proportional(12.0),
            ui.visuals().text_color(),
        );
        job.wrap = TextWrapping {
            max_width: (strip.width() - 8.0).max(0.0),
            max_rows: 1,
            break_anywhere: true,
            overflow_character: Some('…'),
        };
        let galley = painter.layout_job(job);
        let text_x = strip.left().max(frame.left()) + 4.0;
        painter.galley(
            pos2(text_x, strip.center().y - galley.size().y / 2.0),
            galley,
            ui.visuals().text_color(),
        );
    }
    (rows, strips)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpec, DetailsRef};

    fn event(title: &str, date: &str, status: Status) -> Event {
        let when = DateSpec::parse(date).unwrap();
        let mut e = Event::new("e", title, when, &[], &DetailsRef::default());
        e.status = status;
        e
    }

    #[test]
    fn labels_fit_their_room_and_keep_their_qualifiers() {
        let huge = "Kazakhstan joins the WTO ".repeat(400_000);
        for room in [1, 5, 12, 40, 300] {
            for (date, status) in [
                ("2015-11-30", Status::Occurred),
                ("2015~", Status::Occurred),
                ("2026?", Status::Planned),
            ] {
                let e = event(&huge, date, status);
                let single = mark_label(&e, 1, room);
                let cluster = mark_label(&e, 12_345, room);
                // A qualifier or a count may make a label longer than a tiny room; the title, cut to an
                // ellipsis, never does.
                let fixed = mark_label(&event("", date, status), 12_345, room)
                    .chars()
                    .count()
                    + 1;
                assert!(
                    single.chars().count() <= room.max(fixed),
                    "{room}: {single}"
                );
                assert!(
                    cluster.chars().count() <= room.max(fixed),
                    "{room}: {cluster}"
                );
                assert!(single.contains('…') && cluster.ends_with(" (+12,344 more)"));
                if status == Status::Planned {
                    assert!(single.ends_with("(?) — target"), "{single}");
                }
                if date.ends_with('~') && room >= 12 {
                    assert!(single.starts_with("c. Kaz"), "{single}");
                }
            }
        }
        // A title that fits is whole.
        let e = event("Kazakhstan joins the WTO", "2015-11-30", Status::Occurred);
        assert_eq!(mark_label(&e, 1, 40), "Kazakhstan joins the WTO");
        assert_eq!(mark_label(&e, 3, 80), "Kazakhstan joins the WTO (+2 more)");
        assert_eq!(event_label(&e, 10).chars().count(), 10);
    }

    #[test]
    fn accessible_names_are_bounded() {
        let huge = "a".repeat(1_000_000);
        let mut timeline = Timeline::default();
        timeline
            .events
            .push(event(&huge, "2015-11-30", Status::Occurred));
        let name = target_label(&timeline, &Scale::linear(), Target::Event(0));
        assert!(name.chars().count() <= NAME_CHARS + 20, "{}", name.len());
        assert!(
            name.ends_with(", 30 Nov 2015") || name.contains("2015"),
            "{name}"
        );
    }
}
