//! How a lane's marks look: an event is a dot, a diamond (a plan) or a bar (a span), dashed when its date
//! is vague; a cluster is a pill with its count; and where marks are too many for shapes of their own,
//! they are ticks in one mesh with the counts that fit. Shapes are drawn into a list, so the timeline can
//! keep them from frame to frame.

use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2, vec2};

use super::index::LaneIndex;
use super::layout::Mark;
use super::timeline::format_count;
use crate::model::{Event, Status};

/// Radius of a point marker.
pub(super) const MARKER_RADIUS: f32 = 6.0;
/// Half the height of a cluster's pill: its round ends are then small enough for egui's prepared discs
/// (up to 8 pixels, less a margin for sharp edges) at one pixel per point.
const PILL_RADIUS: f32 = 6.5;

/// Something the pointer can hit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Target {
    /// One event, by its index in the timeline.
    Event(usize),
    /// A cluster of events between two times (days since 1970-01-01).
    Cluster {
        /// Its first event's start.
        t0: f64,
        /// Its last event's end.
        t1: f64,
        /// How many events it holds.
        count: usize,
    },
}

impl Target {
    /// What a mark stands for; `event_i` is its first event.
    pub(super) fn of(m: &Mark, event_i: usize) -> Self {
        if m.is_single() {
            Self::Event(event_i)
        } else {
            Self::Cluster {
                t0: m.t0,
                t1: m.t1,
                count: m.count,
            }
        }
    }
}

/// One lane's marks in view, with what decides how they look.
pub(super) struct LaneMarks<'a> {
    /// The marks.
    pub marks: &'a [Mark],
    /// The lane's events in time order (marks refer to them).
    pub lane: &'a LaneIndex,
    /// The timeline's events.
    pub events: &'a [Event],
    /// Events that match the search, when one is active (others fade).
    pub highlight: Option<&'a dyn Fn(usize) -> bool>,
    /// The selected event.
    pub selected: Option<usize>,
    /// The lane's colour.
    pub color: Color32,
    /// The colour of the counts beside ticks.
    pub count_color: Color32,
    /// The dark theme is on.
    pub dark: bool,
    /// The lane's marker line.
    pub marker_y: f32,
    /// How far marks may reach sideways (the view, plus a little so ends stay hidden).
    pub clip: egui::Rangef,
}

/// What a lane's marks paint, and what the pointer can hit.
pub(super) struct LaneShapes {
    /// What to paint.
    pub shapes: Vec<Shape>,
    /// Where each mark is, and what it stands for.
    pub targets: Vec<(Rect, Target)>,
}

impl LaneMarks<'_> {
    /// Whether the event is faded by the search.
    fn dim(&self, event_i: usize) -> bool {
        self.highlight.is_some_and(|h| !h(event_i))
    }

    /// Each mark as a shape or a few of its own (see [`paint_mark`]).
    pub fn shapes(&self, painter: &egui::Painter) -> LaneShapes {
        let mut shapes = Vec::new();
        let targets = self
            .marks
            .iter()
            .map(|m| {
                let event_i = self.lane.events[m.first] as usize;
                let style = MarkStyle {
                    y: self.marker_y,
                    color: self.color,
                    faded: self.dim(event_i),
                    selected: self.selected == Some(event_i),
                    dark: self.dark,
                };
                paint_mark(
                    &mut shapes,
                    painter,
                    m,
                    (event_i, &self.events[event_i]),
                    style,
                )
            })
            .collect();
        LaneShapes { shapes, targets }
    }

    /// The marks as ticks in one mesh, for a lane too crowded for shapes of their own, with the counts
    /// that fit before the next tick.
    pub fn ticks(&self, painter: &egui::Painter) -> LaneShapes {
        let (marker_y, clip, color) = (self.marker_y, self.clip, self.color);
        let mut mesh = TickMesh::default();
        let mut shapes = Vec::new();
        let mut targets = Vec::with_capacity(self.marks.len());
        for (k, m) in self.marks.iter().enumerate() {
            let event_i = self.lane.events[m.first] as usize;
            // Taller for larger clusters, in whole points (a tick's edges are not anti-aliased, so that is
            // what the screen shows anyway, and neighbours of one height join); spans running in from
            // before the view are a thin, faint band, so they do not read as a burst at the left edge.
            let half = if m.overhang {
                2.0
            } else {
                ((3.0 + (m.count as f32).log10() * 2.5) * 2.0).round() / 2.0
            };
            let x0 = m.x0.max(clip.min);
            let x1 = m.x1.min(clip.max).max(x0 + 1.5);
            let rect = Rect::from_x_y_ranges(x0..=x1, (marker_y - half)..=(marker_y + half));
            let fill = if self.dim(event_i) {
                color.gamma_multiply(0.25)
            } else if m.overhang {
                color.gamma_multiply(0.4)
            } else if m.is_single() {
                color
            } else {
                color.gamma_multiply(0.75)
            };
            mesh.add(rect, fill);
            targets.push((rect, Target::of(m, event_i)));
            if m.count > 1 {
                // Digits and thousands separators, counted before the text is made.
                let digits = m.count.ilog10() as usize + 1;
                let chars = digits + (digits - 1) / 3;
                let room = self.marks.get(k + 1).map_or(f32::INFINITY, |n| n.x0) - x1;
                if room > chars as f32 * 7.0 + 6.0 {
                    let galley = painter.layout_no_wrap(
                        format_count(m.count),
                        FontId::proportional(10.5),
                        self.count_color,
                    );
                    let at = pos2(x1 + 2.0, marker_y - galley.size().y / 2.0);
                    shapes.push(Shape::galley(at, galley, self.count_color));
                }
            }
        }
        shapes.push(Shape::mesh(mesh.finish()));
        LaneShapes { shapes, targets }
    }
}

/// Rectangles in one mesh, where a rectangle touching the one before it, of the same height and colour,
/// joins it: a busy lane is a few long bands, not thousands of ticks.
#[derive(Default)]
pub(super) struct TickMesh {
    mesh: egui::Mesh,
    /// The rectangle being drawn, while ticks still join it.
    run: Option<(Rect, Color32)>,
}

impl TickMesh {
    /// Adds a rectangle (left to right).
    pub fn add(&mut self, rect: Rect, color: Color32) {
        match &mut self.run {
            Some((run, c))
                if *c == color
                    && run.y_range() == rect.y_range()
                    && rect.left() <= run.right() + 0.75 =>
            {
                run.max.x = run.max.x.max(rect.right());
            }
            _ => {
                if let Some((run, c)) = self.run.replace((rect, color)) {
                    self.mesh.add_colored_rect(run, c);
                }
            }
        }
    }

    /// The mesh of everything added.
    pub fn finish(mut self) -> egui::Mesh {
        if let Some((run, c)) = self.run.take() {
            self.mesh.add_colored_rect(run, c);
        }
        self.mesh
    }
}

/// How one lane draws its marks.
#[derive(Clone, Copy)]
struct MarkStyle {
    /// The lane's marker line.
    y: f32,
    /// The lane's colour.
    color: Color32,
    /// Drawn faint: an event the search does not match.
    faded: bool,
    /// Ringed as the selected event.
    selected: bool,
    /// The dark theme is on.
    dark: bool,
}

/// Draws one mark into `out`: a pill with its count for a cluster; for an event, a dot, a diamond for a
/// plan, or a bar for a span, dashed when the date is vague. Returns what the pointer can hit.
/// `event` is the mark's first event, `event_i` its index.
fn paint_mark(
    out: &mut Vec<Shape>,
    painter: &egui::Painter,
    m: &Mark,
    (event_i, event): (usize, &Event),
    style: MarkStyle,
) -> (Rect, Target) {
    let MarkStyle {
        y,
        color,
        faded,
        selected,
        dark,
    } = style;
    // Shapes reaching outside the view are drawn only over the view (plus a little, so their ends stay
    // hidden): a cluster's count then shows, and a dashed outline costs dashes only where it is seen.
    let clip = painter.clip_rect().x_range().expand(20.0);
    let clipped_x = |m: &Mark| {
        let x0 = m.x0.max(clip.min);
        (x0, m.x1.min(clip.max).max(x0))
    };
    if !m.is_single() {
        let text = format_count(m.count);
        let galley = painter.layout_no_wrap(text, FontId::proportional(11.0), Color32::WHITE);
        let (x0, x1) = clipped_x(m);
        let w = (x1 - x0).max(galley.size().x + 8.0);
        let rect =
            Rect::from_center_size(pos2(f32::midpoint(x0, x1), y), vec2(w, PILL_RADIUS * 2.0));
        let fill = if dark {
            Color32::from_gray(90)
        } else {
            Color32::from_gray(110)
        };
        // The lane's colour as a one-point outline around the grey.
        stadium(out, rect, color);
        stadium(out, rect.shrink(1.0), fill);
        out.push(Shape::galley(
            rect.center() - galley.size() / 2.0,
            galley,
            Color32::WHITE,
        ));
        return (rect, Target::of(m, event_i));
    }
    let vague = event.when.approximate() || event.when.uncertain();
    let alpha = if faded { 0.25 } else { 1.0 };
    let color = color.gamma_multiply(alpha);
    let fill = match (event.status, vague) {
        (Status::Planned, _) => Color32::TRANSPARENT,
        (_, true) => color.gamma_multiply(0.35),
        _ => color,
    };
    let rect = if m.is_bar() {
        let (x0, x1) = clipped_x(m);
        let rect = Rect::from_x_y_ranges(x0..=x1, (y - 5.0)..=(y + 5.0));
        out.push(Shape::rect_filled(rect, 2.0, fill));
        if fill != color {
            outline(out, rect, color, vague || event.status == Status::Planned);
        }
        if event.when.is_open() {
            arrow(
                out,
                pos2(m.x1 - 2.0, y),
                vec2(10.0, 0.0),
                Stroke::new(2.0, color),
            );
        }
        rect
    } else {
        let c = pos2(m.center_x(), y);
        let rect = Rect::from_center_size(c, Vec2::splat(MARKER_RADIUS * 2.0));
        if event.status == Status::Planned {
            let pts = vec![
                pos2(c.x, c.y - MARKER_RADIUS - 1.0),
                pos2(c.x + MARKER_RADIUS + 1.0, c.y),
                pos2(c.x, c.y + MARKER_RADIUS + 1.0),
                pos2(c.x - MARKER_RADIUS - 1.0, c.y),
            ];
            out.push(Shape::closed_line(pts, Stroke::new(2.0, color)));
        } else {
            out.push(Shape::circle_filled(c, MARKER_RADIUS, fill));
            if vague {
                dashed_circle(out, c, MARKER_RADIUS, color);
            }
        }
        rect
    };
    if selected {
        out.push(Shape::rect_stroke(
            rect.expand(4.0),
            4.0,
            Stroke::new(2.0, if dark { Color32::WHITE } else { Color32::BLACK }),
            StrokeKind::Outside,
        ));
    }
    (rect, Target::Event(event_i))
}

/// A stadium (a rectangle with round ends) filled with `color`, from two discs and a rectangle: egui draws
/// small discs as four vertices each from prepared textures, where a rounded rectangle takes a hundred.
fn stadium(out: &mut Vec<Shape>, rect: Rect, color: Color32) {
    let r = rect.height() / 2.0;
    let y = rect.center().y;
    let left = rect.left() + r;
    let right = (rect.right() - r).max(left);
    out.push(Shape::circle_filled(pos2(left, y), r, color));
    if right > left {
        out.push(Shape::rect_filled(
            Rect::from_x_y_ranges(left..=right, rect.y_range()),
            0.0,
            color,
        ));
        out.push(Shape::circle_filled(pos2(right, y), r, color));
    }
}

/// A bar's outline, dashed when its date is vague or it is a plan.
fn outline(out: &mut Vec<Shape>, rect: Rect, color: Color32, dashed: bool) {
    if dashed {
        let pts = [
            rect.left_top(),
            rect.right_top(),
            rect.right_bottom(),
            rect.left_bottom(),
            rect.left_top(),
        ];
        out.extend(Shape::dashed_line(&pts, Stroke::new(1.5, color), 4.0, 3.0));
    } else {
        out.push(Shape::rect_stroke(
            rect,
            2.0,
            Stroke::new(1.0, color),
            StrokeKind::Inside,
        ));
    }
}

/// An arrow from `origin` along `vec`, as [`egui::Painter::arrow`] draws it.
fn arrow(out: &mut Vec<Shape>, origin: Pos2, vec: Vec2, stroke: Stroke) {
    let rot = egui::emath::Rot2::from_angle(std::f32::consts::TAU / 10.0);
    let tip_length = vec.length() * 0.25;
    let tip = origin + vec;
    let dir = vec.normalized();
    out.push(Shape::line_segment([origin, tip], stroke));
    out.push(Shape::line_segment(
        [tip, tip - tip_length * (rot * dir)],
        stroke,
    ));
    out.push(Shape::line_segment(
        [tip, tip - tip_length * (rot.inverse() * dir)],
        stroke,
    ));
}

/// A dashed circle: six dashes round it.
fn dashed_circle(out: &mut Vec<Shape>, c: Pos2, r: f32, color: Color32) {
    let n = 12;
    for i in (0..n).step_by(2) {
        let a0 = i as f32 / n as f32 * std::f32::consts::TAU;
        let a1 = (i + 1) as f32 / n as f32 * std::f32::consts::TAU;
        out.push(Shape::line_segment(
            [c + r * Vec2::angled(a0), c + r * Vec2::angled(a1)],
            Stroke::new(1.5, color),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(shapes: Vec<Shape>) -> Rect {
        Shape::Vec(shapes).visual_bounding_rect()
    }

    #[test]
    fn touching_ticks_of_one_height_and_colour_join() {
        let tick = |x0: f32, x1: f32, h: f32| Rect::from_x_y_ranges(x0..=x1, -h..=h);
        let mut mesh = TickMesh::default();
        mesh.add(tick(0.0, 2.0, 3.0), Color32::RED);
        mesh.add(tick(2.5, 4.0, 3.0), Color32::RED); // touching: joins
        mesh.add(tick(4.0, 6.0, 4.0), Color32::RED); // taller: a new rectangle
        mesh.add(tick(6.0, 8.0, 4.0), Color32::BLUE); // another colour: new
        mesh.add(tick(20.0, 22.0, 4.0), Color32::BLUE); // a gap: new
        let mesh = mesh.finish();
        assert_eq!(mesh.vertices.len(), 4 * 4);
        assert_eq!(
            mesh.calc_bounds(),
            Rect::from_x_y_ranges(0.0..=22.0, -4.0..=4.0)
        );
    }

    #[test]
    fn a_stadium_fills_its_rect_and_no_more() {
        for width in [13.0, 14.0, 40.0, 600.0] {
            let rect = Rect::from_min_size(pos2(10.0, 20.0), vec2(width, 13.0));
            let mut out = Vec::new();
            stadium(&mut out, rect, Color32::RED);
            assert_eq!(bounds(out), rect, "width {width}");
        }
    }

    #[test]
    fn a_round_stadium_is_one_disc() {
        let rect = Rect::from_center_size(pos2(50.0, 50.0), vec2(13.0, 13.0));
        let mut out = Vec::new();
        stadium(&mut out, rect, Color32::RED);
        assert_eq!(out.len(), 1);
        assert!(
            matches!(&out[0], Shape::Circle(c) if c.radius == 6.5 && c.center == rect.center())
        );
    }
}
