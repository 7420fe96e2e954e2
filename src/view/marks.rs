//! How a lane's marks look: an event is a dot, a diamond (a plan) or a bar (a span), dashed when its date
//! is vague; a cluster is a pill with its count; and where marks are too many for shapes of their own,
//! they are ticks in one mesh with the counts that fit. Each lane has a look of its own, a colour and a
//! glyph (see [`LaneLook`]). Shapes are drawn into a list, so the timeline can keep them from frame to
//! frame.

use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, pos2, vec2};

use super::index::LaneIndex;
use super::layout::Mark;
use super::palette::{self, Glyph};
use super::timeline::format_count;
use crate::model::{Event, Status};

/// Radius of a point marker.
pub(super) const MARKER_RADIUS: f32 = 6.0;
/// Half the height of a cluster's pill: its round ends are then small enough for egui's prepared discs
/// (up to 8 pixels, less a margin for sharp edges) at one pixel per point.
const PILL_RADIUS: f32 = 6.5;

/// What tells a lane's marks from another lane's: its colour and its glyph. The first lanes are told by
/// colour alone, drawn as discs; once every colour is taken, the next lanes take the colours again with
/// the next glyph. Every colour with every glyph gives 42 looks; beyond as many lanes, looks repeat, and a
/// lane is told by its name on its row and in the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct LaneLook {
    /// The lane's colour.
    pub color: Color32,
    /// The lane's glyph.
    pub glyph: Glyph,
}

impl LaneLook {
    /// The look of the `index`-th lane.
    pub fn of(index: usize, dark: bool) -> Self {
        Self {
            color: palette::series_color(index, dark),
            glyph: Glyph::of_lane(index),
        }
    }

    /// Whether its glyph is more than the disc every mark would be without one: plans and spans then carry
    /// it too.
    pub fn marks_glyph(self) -> bool {
        self.glyph != Glyph::Circle
    }
}

impl Glyph {
    /// The convex pieces that make up the glyph around `c` for a marker of radius `r` (a disc is drawn as a
    /// circle instead and has none). Sizes are chosen so every glyph covers about a disc's area.
    fn pieces(self, c: Pos2, r: f32) -> Vec<Vec<Pos2>> {
        let at = |points: &[(f32, f32)]| -> Vec<Pos2> {
            points
                .iter()
                .map(|&(x, y)| pos2(c.x + x * r, c.y + y * r))
                .collect()
        };
        match self {
            Self::Circle => Vec::new(),
            Self::Square => vec![at(&[
                (-0.85, -0.85),
                (0.85, -0.85),
                (0.85, 0.85),
                (-0.85, 0.85),
            ])],
            Self::TriangleUp => vec![at(&[(0.0, -1.15), (1.1, 0.85), (-1.1, 0.85)])],
            Self::TriangleDown => vec![at(&[(0.0, 1.15), (-1.1, -0.85), (1.1, -0.85)])],
            Self::Plus => vec![
                at(&[(-1.05, -0.38), (1.05, -0.38), (1.05, 0.38), (-1.05, 0.38)]),
                at(&[(-0.38, -1.05), (0.38, -1.05), (0.38, 1.05), (-0.38, 1.05)]),
            ],
            Self::Cross => {
                let turn = |p: Vec<Pos2>| -> Vec<Pos2> {
                    let rot = egui::emath::Rot2::from_angle(std::f32::consts::FRAC_PI_4);
                    p.into_iter().map(|q| c + rot * (q - c)).collect()
                };
                Self::Plus.pieces(c, r).into_iter().map(turn).collect()
            }
        }
    }

    /// The glyph's outline around `c` as one closed polygon (a disc's as 24 points).
    fn outline(self, c: Pos2, r: f32) -> Vec<Pos2> {
        match self {
            Self::Circle => (0..24)
                .map(|i| c + r * Vec2::angled(i as f32 / 24.0 * std::f32::consts::TAU))
                .collect(),
            Self::Square | Self::TriangleUp | Self::TriangleDown => {
                self.pieces(c, r).into_iter().flatten().collect()
            }
            Self::Plus | Self::Cross => {
                // The twelve corners of the sign, clockwise from the top of its upper arm.
                let (a, b) = (0.38, 1.05);
                let corners = [
                    (-a, -b),
                    (a, -b),
                    (a, -a),
                    (b, -a),
                    (b, a),
                    (a, a),
                    (a, b),
                    (-a, b),
                    (-a, a),
                    (-b, a),
                    (-b, -a),
                    (-a, -a),
                ];
                let rot = egui::emath::Rot2::from_angle(if self == Self::Cross {
                    std::f32::consts::FRAC_PI_4
                } else {
                    0.0
                });
                corners
                    .iter()
                    .map(|&(x, y)| c + rot * vec2(x * r, y * r))
                    .collect()
            }
        }
    }
}

/// Draws `glyph` around `c` at radius `r` into `out`: filled with `fill` (when not transparent), and
/// outlined with `stroke` when given, dashed if asked.
pub(super) fn paint_glyph(
    out: &mut Vec<Shape>,
    glyph: Glyph,
    c: Pos2,
    r: f32,
    fill: Color32,
    stroke: Option<(Stroke, bool)>,
) {
    if fill != Color32::TRANSPARENT {
        if glyph == Glyph::Circle {
            out.push(Shape::circle_filled(c, r, fill));
        } else {
            out.extend(
                glyph
                    .pieces(c, r)
                    .into_iter()
                    .map(|piece| Shape::convex_polygon(piece, fill, Stroke::NONE)),
            );
        }
    }
    match stroke {
        Some((stroke, true)) if glyph == Glyph::Circle => dashed_circle(out, c, r, stroke.color),
        Some((stroke, true)) => {
            let mut points = glyph.outline(c, r);
            points.extend(points.first().copied());
            out.extend(Shape::dashed_line(&points, stroke, 3.0, 2.0));
        }
        Some((stroke, false)) if glyph == Glyph::Circle => {
            out.push(Shape::circle_stroke(c, r, stroke));
        }
        Some((stroke, false)) => out.push(Shape::closed_line(glyph.outline(c, r), stroke)),
        None => {}
    }
}

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
        /// The selected event, when it is one of them.
        selected: Option<usize>,
        /// Where its first event is in its lane's events (time order).
        first: usize,
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
                selected: None,
                first: m.first,
            }
        }
    }

    /// The same target, noting that it holds the selected event `selected` when it is a cluster.
    #[must_use]
    pub(super) fn holding(self, selected: usize) -> Self {
        match self {
            Self::Cluster {
                t0,
                t1,
                count,
                first,
                ..
            } => Self::Cluster {
                t0,
                t1,
                count,
                first,
                selected: Some(selected),
            },
            Self::Event(_) => self,
        }
    }
}

/// The selected event when a cluster holds it: which mark, where the event itself starts on screen, and
/// which event it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct SelectedInCluster {
    /// The index of the cluster among the lane's marks.
    pub mark: usize,
    /// The screen x of the event's start.
    pub x: f32,
    /// The event, by its index in the timeline.
    pub event: usize,
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
    /// The cluster that holds the selected event, when one does: it is ringed, and a notch points at the
    /// event's own time.
    pub selected_in: Option<SelectedInCluster>,
    /// The lane's colour and glyph.
    pub look: LaneLook,
    /// The colour of the counts beside ticks.
    pub count_color: Color32,
    /// The dark theme is on.
    pub dark: bool,
    /// The lane's marker line.
    pub marker_y: f32,
    /// How far marks may reach sideways (the view, plus a little so ends stay hidden).
    pub clip: egui::Rangef,
    /// The tag drafted events carry until they are reviewed, when the timeline has it: they are drawn
    /// in a dashed grey frame.
    pub draft: Option<crate::model::TagId>,
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
            .enumerate()
            .map(|(k, m)| {
                let event_i = self.lane.events[m.first] as usize;
                let style = MarkStyle {
                    y: self.marker_y,
                    look: self.look,
                    faded: self.dim(event_i),
                    selected: self.selected == Some(event_i),
                    dark: self.dark,
                    draft: self.draft.is_some_and(|t| self.events[event_i].has_tag(t)),
                };
                let (rect, target) = paint_mark(
                    &mut shapes,
                    painter,
                    m,
                    (event_i, &self.events[event_i]),
                    style,
                );
                self.mark_selected_inside(&mut shapes, k, rect, target)
            })
            .collect();
        LaneShapes { shapes, targets }
    }

    /// When the `k`-th mark is the cluster holding the selected event: rings it as a selected event is
    /// ringed, with a notch above it at the event's own time, and returns its target noting the event.
    fn mark_selected_inside(
        &self,
        out: &mut Vec<Shape>,
        k: usize,
        rect: Rect,
        target: Target,
    ) -> (Rect, Target) {
        let Some(inside) = self.selected_in.filter(|s| s.mark == k) else {
            return (rect, target);
        };
        let ink = if self.dark {
            Color32::WHITE
        } else {
            Color32::BLACK
        };
        let ring = rect.expand(3.0);
        out.push(Shape::rect_stroke(
            ring,
            ring.height() / 2.0,
            Stroke::new(2.0, ink),
            StrokeKind::Outside,
        ));
        let x = inside.x.clamp(rect.left(), rect.right());
        out.push(Shape::convex_polygon(
            vec![
                pos2(x - 4.5, ring.top() - 8.0),
                pos2(x + 4.5, ring.top() - 8.0),
                pos2(x, ring.top() - 2.0),
            ],
            ink,
            Stroke::NONE,
        ));
        (rect, target.holding(inside.event))
    }

    /// The marks as ticks in one mesh, for a lane too crowded for shapes of their own, with the counts
    /// that fit before the next tick.
    pub fn ticks(&self, painter: &egui::Painter) -> LaneShapes {
        let (marker_y, clip, color) = (self.marker_y, self.clip, self.look.color);
        let mut mesh = TickMesh::default();
        let mut shapes = Vec::new();
        let mut targets = Vec::with_capacity(self.marks.len());
        // The selected event's cluster is ringed over the ticks.
        let mut on_top = Vec::new();
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
            targets.push(self.mark_selected_inside(&mut on_top, k, rect, Target::of(m, event_i)));
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
        shapes.extend(on_top);
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
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent looks of one mark, each a yes or no"
)]
struct MarkStyle {
    /// The lane's marker line.
    y: f32,
    /// The lane's colour and glyph.
    look: LaneLook,
    /// Drawn faint: an event the search does not match.
    faded: bool,
    /// Ringed as the selected event.
    selected: bool,
    /// The dark theme is on.
    dark: bool,
    /// A draft not yet reviewed.
    draft: bool,
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
        look,
        faded,
        selected,
        dark,
        draft,
    } = style;
    let color = look.color;
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
        // The lane's glyph at the bar's start, where there is room for it: dark on a solid bar.
        if look.marks_glyph() && rect.width() >= 14.0 {
            let ink = if fill != color {
                color
            } else if dark {
                Color32::from_gray(16)
            } else {
                Color32::WHITE
            };
            paint_glyph(out, look.glyph, pos2(x0 + 6.0, y), 3.5, ink, None);
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
            // A plan is a diamond in every lane; the lane's glyph, small, inside it.
            if look.marks_glyph() {
                paint_glyph(out, look.glyph, c, 2.8, color, None);
            }
        } else {
            let dashes = vague.then_some((Stroke::new(1.5, color), true));
            paint_glyph(out, look.glyph, c, MARKER_RADIUS, fill, dashes);
        }
        rect
    };
    if draft && m.is_single() {
        let grey = if dark {
            Color32::from_gray(170)
        } else {
            Color32::from_gray(90)
        };
        outline(out, rect.expand(2.5), grey, true);
    }
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
    use crate::view::palette::GLYPHS;

    /// How many lanes have looks of their own: every colour with every glyph.
    const DISTINCT_LOOKS: usize = palette::SERIES_COLORS * GLYPHS.len();

    #[test]
    fn no_two_lanes_look_the_same() {
        assert_eq!(DISTINCT_LOOKS, 42);
        for dark in [true, false] {
            let looks: Vec<LaneLook> = (0..DISTINCT_LOOKS).map(|i| LaneLook::of(i, dark)).collect();
            for (i, a) in looks.iter().enumerate() {
                for (j, b) in looks.iter().enumerate().skip(i + 1) {
                    assert_ne!(a, b, "lanes {i} and {j} look the same (dark: {dark})");
                }
            }
            // The first round is told by colour alone, as dots.
            assert!((0..palette::SERIES_COLORS).all(|i| !LaneLook::of(i, dark).marks_glyph()));
            assert!(LaneLook::of(palette::SERIES_COLORS, dark).marks_glyph());
        }
    }

    /// Whether the filled glyph covers `p`.
    fn covers(glyph: Glyph, c: Pos2, r: f32, p: Pos2) -> bool {
        if glyph == Glyph::Circle {
            return (p - c).length() <= r;
        }
        glyph.pieces(c, r).iter().any(|piece| {
            let sides = piece.iter().zip(piece.iter().cycle().skip(1));
            let turns: Vec<f32> = sides
                .map(|(a, b)| (*b - *a).x * (p - *a).y - (*b - *a).y * (p - *a).x)
                .collect();
            turns.iter().all(|&t| t >= 0.0) || turns.iter().all(|&t| t <= 0.0)
        })
    }

    #[test]
    fn every_glyph_covers_a_shape_of_its_own_of_about_a_discs_size() {
        let (c, r) = (pos2(0.0, 0.0), MARKER_RADIUS);
        let grid: Vec<Pos2> = (-40..=40)
            .flat_map(|y| (-40..=40).map(move |x| pos2(x as f32 * 0.2, y as f32 * 0.2)))
            .collect();
        let disc = grid
            .iter()
            .filter(|&&p| covers(Glyph::Circle, c, r, p))
            .count();
        for (i, &a) in GLYPHS.iter().enumerate() {
            let area = grid.iter().filter(|&&p| covers(a, c, r, p)).count();
            assert!(
                area * 2 > disc && area < disc * 2,
                "{a:?} covers {area} samples against a disc's {disc}"
            );
            for &b in &GLYPHS[i + 1..] {
                let differ = grid
                    .iter()
                    .filter(|&&p| covers(a, c, r, p) != covers(b, c, r, p))
                    .count();
                // An eighth of a disc: a square's corners against a disc's edge, the closest pair.
                assert!(
                    differ * 8 > disc,
                    "{a:?} and {b:?} differ at only {differ} samples"
                );
            }
            // Its outline goes round what it covers.
            let outline = a.outline(c, r);
            assert!(outline.len() >= 3);
            let bounds = Rect::from_points(&outline);
            assert!(
                grid.iter()
                    .filter(|&&p| covers(a, c, r, p))
                    .all(|&p| bounds.expand(1e-3).contains(p))
            );
        }
    }

    #[test]
    fn a_glyph_is_filled_outlined_or_dashed_as_asked() {
        let c = pos2(50.0, 50.0);
        for glyph in GLYPHS {
            let mut filled = Vec::new();
            paint_glyph(&mut filled, glyph, c, 6.0, Color32::RED, None);
            assert!(
                !filled.is_empty() && bounds(filled.clone()).contains(c),
                "{glyph:?}"
            );
            let mut hollow = Vec::new();
            let stroke = Stroke::new(1.5, Color32::RED);
            paint_glyph(
                &mut hollow,
                glyph,
                c,
                6.0,
                Color32::TRANSPARENT,
                Some((stroke, false)),
            );
            let mut dashed = Vec::new();
            paint_glyph(
                &mut dashed,
                glyph,
                c,
                6.0,
                Color32::TRANSPARENT,
                Some((stroke, true)),
            );
            assert!(
                !hollow.is_empty() && dashed.len() > hollow.len(),
                "{glyph:?}"
            );
        }
    }

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
