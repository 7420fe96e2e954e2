//! Time ↔ screen x. Pure: a small value rebuilt each frame from the visible range and the plot's width.
//! Time is `f64` days since 1970-01-01 (day `d` covers `[d, d + 1)`); `f32` would lose days within decades.

use crate::model::date::MAX_ABS_YEAR;

/// The shortest span the view zooms to: two hours.
pub const MIN_SPAN_DAYS: f64 = 1.0 / 12.0;
/// The days the model can date: from the first day of the year −[`MAX_ABS_YEAR`] to the last day of the
/// year [`MAX_ABS_YEAR`], the limits the loaders accept.
pub const DATABLE_DAYS: f64 = 365.2425 * (2.0 * MAX_ABS_YEAR as f64 + 1.0);
/// The longest span the view zooms out to: everything the model can date, with room for what "fit all"
/// adds around it (5% on each side, and a little more on the right for labels).
pub const MAX_SPAN_DAYS: f64 = DATABLE_DAYS * 1.25;

/// A visible time range laid over a horizontal pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeMapping {
    /// The time at the left edge, in days since 1970-01-01.
    pub start_days: f64,
    /// The time at the right edge.
    pub end_days: f64,
    /// The screen x of the left edge, in points.
    pub left_x: f32,
    /// The width in points (positive).
    pub width: f32,
}

impl TimeMapping {
    /// A mapping of `[start_days, end_days]` onto `[left_x, left_x + width]`.
    pub fn new(start_days: f64, end_days: f64, left_x: f32, width: f32) -> Self {
        Self {
            start_days,
            end_days,
            left_x,
            width: width.max(1.0),
        }
    }

    /// The visible span in days.
    pub fn span_days(&self) -> f64 {
        (self.end_days - self.start_days).max(f64::MIN_POSITIVE)
    }

    /// Points per day.
    pub fn points_per_day(&self) -> f64 {
        f64::from(self.width) / self.span_days()
    }

    /// The screen x of a time.
    pub fn x_from_time(&self, days: f64) -> f32 {
        (f64::from(self.left_x) + (days - self.start_days) * self.points_per_day()) as f32
    }

    /// The time at a screen x.
    pub fn time_from_x(&self, x: f32) -> f64 {
        self.start_days + f64::from(x - self.left_x) / self.points_per_day()
    }

    /// The mapping moved by `dx` points (positive moves the content right, showing earlier times).
    #[must_use]
    pub fn pan(&self, dx: f32) -> Self {
        let dt = f64::from(dx) / self.points_per_day();
        Self {
            start_days: self.start_days - dt,
            end_days: self.end_days - dt,
            ..*self
        }
    }

    /// The mapping zoomed by `factor` (> 1 zooms in) keeping the time under `x` fixed, within the zoom
    /// limits.
    #[must_use]
    pub fn zoom_at(&self, factor: f64, x: f32) -> Self {
        let anchor = self.time_from_x(x);
        let span =
            (self.span_days() / factor.max(f64::MIN_POSITIVE)).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let left_fraction = f64::from(x - self.left_x) / f64::from(self.width);
        let start = anchor - span * left_fraction;
        Self {
            start_days: start,
            end_days: start + span,
            ..*self
        }
    }

    /// The mapping moved just enough to show `[start, end]` with `margin` points to spare, zooming out when
    /// it does not fit.
    #[must_use]
    pub fn bring_into_view(&self, start: f64, end: f64, margin: f32) -> Self {
        let margin_days = f64::from(margin) / self.points_per_day();
        let (lo, hi) = (start - margin_days, end + margin_days);
        if hi - lo > self.span_days() {
            let m = fit_range(start, end);
            return Self {
                start_days: m.0,
                end_days: m.1,
                ..*self
            };
        }
        if lo < self.start_days {
            let shift = self.start_days - lo;
            Self {
                start_days: lo,
                end_days: self.end_days - shift,
                ..*self
            }
        } else if hi > self.end_days {
            let shift = hi - self.end_days;
            Self {
                start_days: self.start_days + shift,
                end_days: hi,
                ..*self
            }
        } else {
            *self
        }
    }
}

/// The factor a scroll of `points` (egui's smoothed wheel delta: positive when the wheel turns away from
/// the person) zooms in by, as on a map: the visible span is divided by it, and scrolling back undoes it.
pub fn wheel_zoom_factor(points: f32) -> f64 {
    (f64::from(points) / WHEEL_POINTS_PER_E).exp()
}

/// Scrolling this many points zooms by a factor of e (a notch of a mouse wheel, about 50 points, by 28%).
const WHEEL_POINTS_PER_E: f64 = 200.0;

/// A range that shows `[start, end]` with 5% to spare on each side, within the zoom limits.
pub fn fit_range(start: f64, end: f64) -> (f64, f64) {
    let (start, end) = if end < start {
        (end, start)
    } else {
        (start, end)
    };
    let span = (end - start).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS / 1.1);
    let center = f64::midpoint(start, end);
    let half = span * 1.1 / 2.0;
    (center - half, center + half)
}

/// Clamps a range to the zoom limits, keeping its centre.
pub fn clamp_span(start: f64, end: f64) -> (f64, f64) {
    let span = end - start;
    if span.is_finite() && (MIN_SPAN_DAYS..=MAX_SPAN_DAYS).contains(&span) {
        return (start, end);
    }
    let center = if (start + end).is_finite() {
        f64::midpoint(start, end)
    } else {
        0.0
    };
    let half = span.clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS) / 2.0;
    let half = if half.is_finite() {
        half
    } else {
        MIN_SPAN_DAYS
    };
    (center - half, center + half)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> TimeMapping {
        TimeMapping::new(1000.0, 2000.0, 100.0, 500.0)
    }

    #[test]
    fn round_trips() {
        let m = m();
        for t in [1000.0, 1234.5, 2000.0, -5000.0, 1.0e6] {
            assert!(
                (m.time_from_x(m.x_from_time(t)) - t).abs() < 1e-2 * (1.0 + t.abs() / 1.0e4),
                "{t}"
            );
        }
        for x in [100.0_f32, 250.0, 600.0] {
            assert!((m.x_from_time(m.time_from_x(x)) - x).abs() < 1e-3);
        }
        assert_eq!(m.x_from_time(1000.0), 100.0);
        assert_eq!(m.x_from_time(2000.0), 600.0);
    }

    #[test]
    fn zoom_keeps_the_anchor_fixed_and_respects_limits() {
        let m = m();
        let z = m.zoom_at(2.0, 350.0);
        assert!((z.time_from_x(350.0) - m.time_from_x(350.0)).abs() < 1e-9);
        assert!((z.span_days() - 500.0).abs() < 1e-9);
        assert!((m.zoom_at(1e12, 300.0).span_days() - MIN_SPAN_DAYS).abs() < 1e-12);
        assert!((m.zoom_at(1e-12, 300.0).span_days() - MAX_SPAN_DAYS).abs() < 1e-3);
    }

    #[test]
    fn the_wheel_zooms_in_away_from_the_person_and_back_exactly() {
        assert!(wheel_zoom_factor(50.0) > 1.2 && wheel_zoom_factor(50.0) < 1.3);
        assert!(wheel_zoom_factor(-50.0) < 1.0);
        assert_eq!(wheel_zoom_factor(0.0), 1.0);
        for points in [1.0, 37.5, 120.0, 800.0] {
            let there_and_back = wheel_zoom_factor(points) * wheel_zoom_factor(-points);
            assert!((there_and_back - 1.0).abs() < 1e-12, "{points}");
        }
    }

    #[test]
    fn pan_moves_by_points() {
        let p = m().pan(50.0);
        assert!((p.start_days - 900.0).abs() < 1e-9 && (p.end_days - 1900.0).abs() < 1e-9);
    }

    #[test]
    fn bring_into_view_moves_the_least() {
        let m = m();
        assert_eq!(m.bring_into_view(1500.0, 1500.0, 10.0), m);
        let right = m.bring_into_view(2100.0, 2100.0, 0.0);
        assert!(
            (right.end_days - 2100.0).abs() < 1e-9 && (right.span_days() - 1000.0).abs() < 1e-9
        );
        let wide = m.bring_into_view(0.0, 5000.0, 0.0);
        assert!(wide.start_days < 0.0 && wide.end_days > 5000.0);
    }

    #[test]
    fn time_and_x_round_trip_at_every_scale_from_the_big_bang_to_a_day() {
        let moon = crate::model::Day::from_ymd(1969, 7, 20).days();
        let big_bang = crate::model::Day::year_start(-13_800_000_000).days();
        let mut span = MIN_SPAN_DAYS;
        while span <= MAX_SPAN_DAYS {
            // Near the common era every zoom is exact; at the Big Bang, f64 days are exact to about a
            // thousandth of a day, so views of a year and more are.
            let centres: &[f64] = if span >= 365.0 {
                &[moon, big_bang]
            } else {
                &[moon]
            };
            for &centre in centres {
                let m = TimeMapping::new(centre - span / 2.0, centre + span / 2.0, 40.0, 1200.0);
                for x in [40.0_f32, 300.5, 640.0, 1239.0] {
                    let t = m.time_from_x(x);
                    assert!(
                        (m.x_from_time(t) - x).abs() < 0.01,
                        "span {span} at {centre}"
                    );
                }
                let x = m.x_from_time(centre);
                assert!(
                    (x - 640.0).abs() < 0.01,
                    "span {span}: the centre is at {x}"
                );
                // Zooming in and out by the same factor comes back to the same view.
                let back = m.zoom_at(1.5, 500.0).zoom_at(1.0 / 1.5, 500.0);
                if back.span_days() == m.span_days() {
                    assert!((back.start_days - m.start_days).abs() <= span * 1e-9 + 1e-3);
                }
            }
            span *= 1.9;
        }
    }

    #[test]
    fn everything_the_model_can_date_fits_in_view_with_margins() {
        let first = crate::model::EdtfDate::new(-MAX_ABS_YEAR, None, None).unwrap();
        let last = crate::model::EdtfDate::new(MAX_ABS_YEAR, None, None).unwrap();
        let (start, end) = (first.first_day().days(), last.last_day().days() + 1.0);
        let (a, b) = fit_range(start, end);
        assert!(a < start && b > end, "{a}..{b} misses {start}..{end}");
        // With the room for labels the app adds on the right, the view is still within the zoom limits.
        let (a, b) = clamp_span(a, b + (b - a) * 0.06);
        assert!(a < start && b > end, "{a}..{b} misses {start}..{end}");
        assert!((end - start) <= DATABLE_DAYS + 1.0);
    }

    #[test]
    fn clamp_span_repairs_bad_ranges() {
        assert_eq!(clamp_span(0.0, 10.0), (0.0, 10.0));
        let (a, b) = clamp_span(5.0, 5.0);
        assert!((b - a - MIN_SPAN_DAYS).abs() < 1e-12);
        let (a, b) = clamp_span(f64::NAN, 1.0);
        assert!(a.is_finite() && b.is_finite());
    }
}
