//! The overview strip: the whole time span in miniature, event ticks, and the current view as a window
//! one drags to pan or drags by its edges to zoom — so one never gets lost.

use egui::{Color32, CursorIcon, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

use super::index::EventIndex;
use super::layout;
use super::mapping::{self, TimeMapping};
use super::marks::TickMesh;
use super::memo;
use super::palette;
use super::scale::Scale;

/// Height of the strip.
pub const HEIGHT: f32 = 46.0;
/// How close to the window's edge a drag resizes it.
const EDGE_GRAB: f32 = 6.0;

/// What a drag on the strip does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DragMode {
    /// Move the window.
    Pan,
    /// Move the window's left edge.
    Left,
    /// Move the window's right edge.
    Right,
}

/// What a press at `x` grabs, given the window's screen edges.
pub fn grab(x: f32, window_left: f32, window_right: f32) -> DragMode {
    let near_left = (x - window_left).abs() <= EDGE_GRAB;
    let near_right = (x - window_right).abs() <= EDGE_GRAB;
    match (near_left, near_right) {
        (true, true) if x < f32::midpoint(window_left, window_right) => DragMode::Left,
        (true, false) => DragMode::Left,
        (true | false, true) => DragMode::Right,
        (false, false) => DragMode::Pan,
    }
}

/// The view range after dragging by `dx_days` in `mode` from `range`, within the zoom limits.
pub fn dragged(mode: DragMode, range: (f64, f64), dx_days: f64) -> (f64, f64) {
    let (s, e) = range;
    let (s, e) = match mode {
        DragMode::Pan => (s + dx_days, e + dx_days),
        DragMode::Left => ((s + dx_days).min(e - mapping::MIN_SPAN_DAYS), e),
        DragMode::Right => (s, (e + dx_days).max(s + mapping::MIN_SPAN_DAYS)),
    };
    mapping::clamp_span(s, e)
}

/// The range covering the whole timeline and the current view.
pub fn strip_range(extent: Option<(f64, f64)>, view: (f64, f64)) -> (f64, f64) {
    let (s, e) = extent.map_or(view, |(s, e)| mapping::fit_range(s, e));
    (s.min(view.0), e.max(view.1))
}

/// One mesh of ticks per lane, each lane a row of the strip.
fn tick_meshes(index: &EventIndex, m: &TimeMapping, rect: Rect, dark: bool) -> Vec<egui::Shape> {
    let lanes = index.lanes.len().max(1) as f32;
    let row = (rect.height() - 8.0) / lanes;
    index
        .lanes
        .iter()
        .enumerate()
        .map(|(i, lane)| {
            let y0 = rect.top() + 4.0 + i as f32 * row;
            let color = palette::series_color(i, dark);
            let y1 = (y0 + row - 1.0).max(y0 + 1.0);
            // Touching ticks join (see `TickMesh`): a busy lane is a few bands, not thousands of ticks.
            let mut mesh = TickMesh::default();
            for mark in layout::lane_marks(lane, m, 2.0) {
                let x0 = mark.x0.max(rect.left());
                let x1 = mark.x1.min(rect.right()).max(x0 + 1.5);
                mesh.add(Rect::from_x_y_ranges(x0..=x1, y0..=y1), color);
            }
            egui::Shape::mesh(mesh.finish())
        })
        .collect()
}

/// Shows the strip, in the view days of `scale` (its breaks marked). Returns a new view range when the
/// person dragged or clicked.
pub fn overview_ui(
    ui: &mut egui::Ui,
    index: &EventIndex,
    scale: &Scale,
    view: (f64, f64),
    drag: &mut Option<(DragMode, (f64, f64))>,
) -> Option<(f64, f64)> {
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), HEIGHT), Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::ScrollBar,
            true,
            "Overview: drag to pan, drag the edges to zoom",
        )
    });
    let dark = ui.visuals().dark_mode;
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 3.0, ui.visuals().extreme_bg_color);
    let (s, e) = strip_range(index.extent, view);
    let m = TimeMapping::new(s, e, rect.left(), rect.width());

    // Event ticks, one row per lane, merged to whole points so the cost follows the width; kept while the
    // strip's range and size stay the same.
    let key = memo::key_of((
        index.generation,
        s.to_bits(),
        e.to_bits(),
        rect.min.x.to_bits(),
        rect.min.y.to_bits(),
        rect.width().to_bits(),
        dark,
    ));
    let ticks = memo::memoized(ui.ctx(), response.id, key, || {
        tick_meshes(index, &m, rect, dark)
    });
    painter.extend(ticks.iter().cloned());
    // The story scale's breaks: two short slanted strokes each, as on a broken axis.
    let weak = Stroke::new(1.2, ui.visuals().weak_text_color());
    for b in scale.breaks() {
        let x = m.x_from_time(f64::midpoint(b.view.0, b.view.1));
        if rect.x_range().contains(x) {
            for dx in [-2.5, 2.5] {
                painter.line_segment(
                    [
                        pos2(x + dx - 2.0, rect.bottom() - 3.0),
                        pos2(x + dx + 2.0, rect.top() + 3.0),
                    ],
                    weak,
                );
            }
        }
    }

    // The view window.
    let wx0 = m.x_from_time(view.0).max(rect.left());
    let wx1 = m.x_from_time(view.1).min(rect.right()).max(wx0 + 2.0);
    let window = Rect::from_x_y_ranges(wx0..=wx1, rect.y_range());
    let edge = if dark { Color32::WHITE } else { Color32::BLACK };
    painter.rect(
        window,
        2.0,
        edge.gamma_multiply(0.08),
        Stroke::new(1.5, edge.gamma_multiply(0.7)),
        StrokeKind::Inside,
    );
    for x in [wx0, wx1] {
        painter.rect_filled(
            Rect::from_center_size(pos2(x, rect.center().y), vec2(4.0, 16.0)),
            1.0,
            edge.gamma_multiply(0.8),
        );
    }

    if let Some(pos) = response.hover_pos() {
        let icon = match grab(pos.x, wx0, wx1) {
            DragMode::Pan if (wx0..=wx1).contains(&pos.x) => CursorIcon::Grab,
            DragMode::Pan => CursorIcon::PointingHand,
            _ => CursorIcon::ResizeHorizontal,
        };
        ui.ctx().set_cursor_icon(icon);
    }
    // What a drag does is decided where the press began: by the time the pointer has moved far enough
    // for egui to call it a drag, it may have left the edge it grabbed.
    if response.drag_started()
        && let Some(pos) = ui
            .input(|i| i.pointer.press_origin())
            .or_else(|| response.interact_pointer_pos())
    {
        let mode = grab(pos.x, wx0, wx1);
        // A press outside the window centres it there first, then pans.
        let start = if mode == DragMode::Pan && !(wx0..=wx1).contains(&pos.x) {
            let half = (view.1 - view.0) / 2.0;
            let t = m.time_from_x(pos.x);
            (t - half, t + half)
        } else {
            view
        };
        *drag = Some((mode, start));
    }
    let mut result = None;
    if response.dragged()
        && let (Some((mode, start)), Some(origin), Some(now)) = (
            *drag,
            ui.input(|i| i.pointer.press_origin()),
            response.interact_pointer_pos(),
        )
    {
        let dx_days = f64::from(now.x - origin.x) / m.points_per_day();
        result = Some(dragged(mode, start, dx_days));
    }
    if response.drag_stopped() {
        *drag = None;
    }
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let half = (view.1 - view.0) / 2.0;
        let t = m.time_from_x(pos.x);
        result = Some((t - half, t + half));
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grabbing_edges_and_inside() {
        assert_eq!(grab(100.0, 100.0, 200.0), DragMode::Left);
        assert_eq!(grab(197.0, 100.0, 200.0), DragMode::Right);
        assert_eq!(grab(150.0, 100.0, 200.0), DragMode::Pan);
        assert_eq!(grab(20.0, 100.0, 200.0), DragMode::Pan);
        assert_eq!(grab(101.0, 100.0, 104.0), DragMode::Left);
    }

    #[test]
    fn dragging_pans_and_zooms_within_limits() {
        assert_eq!(dragged(DragMode::Pan, (0.0, 10.0), 5.0), (5.0, 15.0));
        assert_eq!(dragged(DragMode::Left, (0.0, 10.0), 4.0), (4.0, 10.0));
        assert_eq!(dragged(DragMode::Right, (0.0, 10.0), -4.0), (0.0, 6.0));
        let (s, e) = dragged(DragMode::Left, (0.0, 10.0), 50.0);
        assert!(e - s >= mapping::MIN_SPAN_DAYS - 1e-12);
    }

    #[test]
    fn the_strip_covers_the_timeline_and_the_view() {
        assert_eq!(strip_range(None, (1.0, 2.0)), (1.0, 2.0));
        let (s, e) = strip_range(Some((0.0, 100.0)), (-50.0, 10.0));
        assert!(s <= -50.0 && e >= 100.0);
    }
}
