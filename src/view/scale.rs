//! The scale for stories: time ↔ the view's coordinate, with the long empty stretches of a timeline
//! compressed into short breaks, so a timeline like 1974, then 2000–2006, then 2015–2026 reads at one
//! glance. Pure.
//!
//! The view lays everything out in *view days*: a monotonic, piecewise linear function of time. Outside the
//! breaks a view day is a day (the slope is 1, so zooming, clustering and the calendar's ticks work as on
//! a linear axis); inside a break many days share a short stretch. The linear scale is the identity.

use super::timeline::format_count;

/// What share of the whole a stretch without events must be to be compressed.
const GAP_SHARE: f64 = 0.15;
/// A break's length, as a share of the whole (after compressing).
const BREAK_SHARE: f64 = 0.025;
/// Room kept at the normal scale after the events before a break, for their labels (a share of the whole).
const ROOM_AFTER: f64 = 0.05;
/// Room kept at the normal scale before the events after a break.
const ROOM_BEFORE: f64 = 0.015;
/// A span longer than this share of the whole counts as its two ends (see `gaps`).
const LONG_SHARE: f64 = 0.3;
/// At most this many breaks: each takes its share of the whole.
const MAX_BREAKS: usize = 8;
/// A break hides at least this many times its own length, or it is not worth the broken axis.
const MIN_SQUEEZE: f64 = 3.0;

/// One compressed stretch: the days it covers and where it is drawn, in view days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Break {
    /// The first and last time inside the break, in days since 1970-01-01.
    pub days: (f64, f64),
    /// Where the break is drawn, in view days.
    pub view: (f64, f64),
}

impl Break {
    /// How long the compressed stretch is, in days.
    pub fn hidden_days(&self) -> f64 {
        self.days.1 - self.days.0
    }
}

/// A monotonic, piecewise linear map between time and view days; linear (the identity) by default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scale {
    /// The corners of the map, `(days, view days)`, both strictly increasing; two for each break (its
    /// start and its end). Before the first and after the last, the slope is 1.
    knots: Vec<(f64, f64)>,
}

impl Scale {
    /// The linear scale: view days are days.
    pub fn linear() -> Self {
        Self::default()
    }

    /// Whether this is the linear scale.
    pub fn is_linear(&self) -> bool {
        self.knots.is_empty()
    }

    /// The story scale for events covering `spans` (`[start, end)` in days, in any order): every stretch
    /// between them that is long against the whole becomes a short break, leaving room for labels on either
    /// side. Fewer than two separate stretches of events, or none long enough, give the linear scale.
    pub fn story(spans: impl IntoIterator<Item = (f64, f64)>) -> Self {
        let gaps = gaps(spans);
        let Some(occupied) = gaps.occupied else {
            return Self::linear();
        };
        // Which gaps are long is judged against the whole as it is; how short a break is drawn, and the
        // room kept beside it, against the whole as it will be.
        let total = occupied + gaps.lengths.iter().sum::<f64>();
        let room = ROOM_AFTER + ROOM_BEFORE;
        let mut order: Vec<usize> = (0..gaps.lengths.len())
            .filter(|&i| gaps.lengths[i] > GAP_SHARE * total)
            .collect();
        order.sort_unstable_by(|&a, &b| gaps.lengths[b].total_cmp(&gaps.lengths[a]));
        order.truncate(MAX_BREAKS);
        let mut compressed = vec![false; gaps.lengths.len()];
        let mut kept = total - occupied;
        let mut whole = total;
        for (n, &i) in order.iter().enumerate() {
            let g = gaps.lengths[i];
            let breaks = (n + 1) as f64;
            let after = (occupied + (kept - g).max(0.0)) / (1.0 - breaks * (BREAK_SHARE + room));
            // Worth a broken axis only if it hides much more than it takes.
            if g - room * after <= MIN_SQUEEZE * BREAK_SHARE * after {
                break;
            }
            compressed[i] = true;
            kept -= g;
            whole = after;
        }
        let mut knots = Vec::new();
        let mut shift = 0.0;
        for (i, &g) in gaps.lengths.iter().enumerate() {
            let start = gaps.starts[i];
            if !compressed[i] {
                continue;
            }
            // The whole only shrank since the gap was chosen, so it still hides more than the break takes.
            let hidden = g - (ROOM_AFTER + ROOM_BEFORE) * whole;
            let a = start + ROOM_AFTER * whole;
            let b = a + hidden;
            knots.push((a, a - shift));
            shift += hidden - BREAK_SHARE * whole;
            knots.push((b, b - shift));
        }
        Self { knots }
    }

    /// The view day of a time.
    pub fn to_view(&self, days: f64) -> f64 {
        map(&self.knots, days, |k| k.0, |k| k.1)
    }

    /// The time at a view day.
    pub fn to_days(&self, view: f64) -> f64 {
        map(&self.knots, view, |k| k.1, |k| k.0)
    }

    /// A span `(start, end)` in days, in view days.
    pub fn span_to_view(&self, (s, e): (f64, f64)) -> (f64, f64) {
        (self.to_view(s), self.to_view(e))
    }

    /// A span `(start, end)` in view days, in days.
    pub fn span_to_days(&self, (s, e): (f64, f64)) -> (f64, f64) {
        (self.to_days(s), self.to_days(e))
    }

    /// The breaks, in time order.
    pub fn breaks(&self) -> impl Iterator<Item = Break> + '_ {
        self.knots.chunks_exact(2).map(|k| Break {
            days: (k[0].0, k[1].0),
            view: (k[0].1, k[1].1),
        })
    }

    /// The stretches of view days drawn at the normal scale that overlap `[start, end]`, in order: the
    /// whole range for the linear scale, the parts between breaks otherwise.
    pub fn linear_parts(&self, start: f64, end: f64) -> Vec<(f64, f64)> {
        let mut parts = Vec::new();
        let mut from = start;
        for b in self.breaks() {
            if b.view.0 > from {
                parts.push((from, b.view.0.min(end)));
            }
            from = from.max(b.view.1);
            if from >= end {
                break;
            }
        }
        if from < end {
            parts.push((from, end));
        }
        parts.retain(|(a, b)| b > a);
        parts
    }
}

/// `x` mapped through the knots, read from one side (`from`) to the other (`to`), with slope 1 beyond them.
fn map(
    knots: &[(f64, f64)],
    x: f64,
    from: impl Fn(&(f64, f64)) -> f64,
    to: impl Fn(&(f64, f64)) -> f64,
) -> f64 {
    let (Some(first), Some(last)) = (knots.first(), knots.last()) else {
        return x;
    };
    if x <= from(first) {
        return to(first) + (x - from(first));
    }
    if x >= from(last) {
        return to(last) + (x - from(last));
    }
    // The knot pair around `x`: the first knot beyond it, and the one before.
    let beyond = knots
        .partition_point(|k| from(k) <= x)
        .clamp(1, knots.len() - 1);
    let (lo, hi) = (&knots[beyond - 1], &knots[beyond]);
    let share = (x - from(lo)) / (from(hi) - from(lo));
    to(lo) + share * (to(hi) - to(lo))
}

/// The stretches without events between the merged spans.
struct Gaps {
    /// The total length of the merged spans, when there are two or more of them.
    occupied: Option<f64>,
    /// Where each gap starts (the end of the merged span before it).
    starts: Vec<f64>,
    /// Each gap's length.
    lengths: Vec<f64>,
}

/// The gaps between `spans`, merged where they touch or overlap.
fn gaps(spans: impl IntoIterator<Item = (f64, f64)>) -> Gaps {
    let spans: Vec<(f64, f64)> = spans
        .into_iter()
        .filter(|(s, e)| s.is_finite() && e.is_finite())
        .map(|(s, e)| (s.min(e), s.max(e)))
        .collect();
    // A span long against the whole (a state that lasts, "in force since 1975") needs its start and end at
    // the normal scale, not its middle: it counts as its first and last day.
    let first = spans.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
    let last = spans.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    let long = LONG_SHARE * (last - first);
    // Alone, or with one other, a span is the story itself and stays whole.
    let several = spans.len() >= 3;
    let mut ends = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        if several && e - s > long && e - s > 2.0 {
            ends.extend([(s, s + 1.0), (e - 1.0, e)]);
        } else {
            ends.push((s, e));
        }
    }
    let mut spans = ends;
    if !spans.is_sorted_by(|a, b| a.0 <= b.0) {
        spans.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    }
    let mut out = Gaps {
        occupied: None,
        starts: Vec::new(),
        lengths: Vec::new(),
    };
    let mut spans = spans.into_iter();
    let Some(mut current) = spans.next() else {
        return out;
    };
    let mut occupied = 0.0;
    for (s, e) in spans {
        if s > current.1 {
            occupied += current.1 - current.0;
            out.starts.push(current.1);
            out.lengths.push(s - current.1);
            current = (s, e);
        } else {
            current.1 = current.1.max(e);
        }
    }
    occupied += current.1 - current.0;
    if !out.lengths.is_empty() {
        out.occupied = Some(occupied);
    }
    out
}

/// How long a break is, in words for its mark: "≈ 24 years", "≈ 1,200 years", "≈ 8 months", "≈ 12 days".
pub fn hidden_words(days: f64) -> String {
    const YEAR: f64 = 365.2425;
    let years = days / YEAR;
    if years >= 1_000_000.0 {
        let millions = years / 1_000_000.0;
        if millions >= 100.0 {
            format!(
                "≈ {} million years",
                format_count(millions.round() as usize)
            )
        } else {
            format!("≈ {millions:.1} million years")
        }
    } else if years >= 1.5 {
        let rounded = if years >= 100.0 {
            // Two significant figures are all a break claims.
            let step = 10f64.powi(years.log10().floor() as i32 - 1);
            (years / step).round() * step
        } else {
            years.round()
        };
        format!("≈ {} years", format_count(rounded as usize))
    } else if days >= 45.0 {
        format!("≈ {} months", (days / (YEAR / 12.0)).round() as u64)
    } else if days >= 1.5 {
        format!("≈ {} days", days.round() as u64)
    } else {
        "≈ 1 day".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const YEAR: f64 = 365.2425;

    /// A year-long event starting in `year` (days since 1970, roughly).
    fn year(y: i32) -> (f64, f64) {
        let s = f64::from(y - 1970) * YEAR;
        (s, s + YEAR)
    }

    /// The article's shape: 1974, then 2000–2006, then 2015–2026.
    fn article() -> Vec<(f64, f64)> {
        [
            1974, 2000, 2001, 2004, 2006, 2015, 2016, 2018, 2022, 2024, 2026,
        ]
        .into_iter()
        .map(year)
        .collect()
    }

    #[test]
    fn the_linear_scale_is_the_identity() {
        let s = Scale::linear();
        assert!(s.is_linear());
        for x in [-1e9, -3.5, 0.0, 17.25, 4e6] {
            assert_eq!(s.to_view(x), x);
            assert_eq!(s.to_days(x), x);
        }
        assert_eq!(s.breaks().count(), 0);
        assert_eq!(s.linear_parts(0.0, 10.0), vec![(0.0, 10.0)]);
    }

    #[test]
    fn the_article_s_long_gaps_become_short_breaks() {
        let s = Scale::story(article());
        let breaks: Vec<Break> = s.breaks().collect();
        // 1975–2000, and 2007–2015.
        assert_eq!(breaks.len(), 2, "{breaks:?}");
        assert!(breaks[1].days.0 > year(2006).1 && breaks[1].days.1 < year(2015).0);
        let b = breaks[0];
        // The break lies in the 1975–2000 gap, leaving room after 1974 and before 2000.
        assert!(b.days.0 > year(1974).1 && b.days.1 < year(2000).0, "{b:?}");
        let years = b.hidden_days() / YEAR;
        assert!((15.0..25.0).contains(&years), "{years}");
        // It is drawn much shorter than what it hides.
        assert!(b.view.1 - b.view.0 < b.hidden_days() / 5.0);
        // The whole reads in far less than its 53 years.
        let whole = s.to_view(year(2026).1) - s.to_view(year(1974).0);
        assert!(whole < 40.0 * YEAR, "{}", whole / YEAR);
        // Outside the break, a view day is a day.
        let (a, b2) = (s.to_view(year(2015).0), s.to_view(year(2016).0));
        assert!((b2 - a - YEAR).abs() < 1e-6);
    }

    #[test]
    fn evenly_spread_events_keep_a_linear_scale() {
        let spans: Vec<_> = (1900..2000).step_by(5).map(year).collect();
        assert!(Scale::story(spans).is_linear());
        assert!(Scale::story([year(2000)]).is_linear());
        assert!(Scale::story(Vec::new()).is_linear());
        // Overlapping events are one stretch.
        let mut decade: Vec<_> = (2000..2010).map(year).collect();
        decade.push((11_000.0, 11_050.0));
        assert!(Scale::story(decade).is_linear());
    }

    #[test]
    fn a_long_span_keeps_its_ends_but_not_its_middle_at_the_normal_scale() {
        // In force from 1975 to today, among events in 1974, 2000 and 2015–2026.
        let mut spans = article();
        spans.push((year(1975).0, year(2026).1));
        let s = Scale::story(spans);
        let breaks: Vec<Break> = s.breaks().collect();
        assert!(!breaks.is_empty());
        for b in &breaks {
            assert!(b.days.0 > year(1975).0 + 1.0 && b.days.1 < year(2026).1 - 1.0);
        }
    }

    #[test]
    fn the_model_s_farthest_years_and_bad_values_keep_the_map_sound() {
        // 200,000 BCE, one event in 1974, one in 200,000 CE; and spans that are not numbers or reversed.
        let far = 200_000.0 * YEAR;
        let s = Scale::story([
            (-far, -far + 1.0),
            year(1974),
            (far, far + 1.0),
            (f64::NAN, 3.0),
            (10.0, f64::INFINITY),
            (500.0, 400.0),
        ]);
        assert!(s.breaks().count() >= 1);
        for x in [-far, -far / 2.0, 0.0, 1974.0, far / 3.0, far] {
            let back = s.to_days(s.to_view(x));
            // Inside a break many days share a view day, so a round trip there is exact to within a
            // billionth of the whole (minutes, across 400,000 years).
            assert!((back - x).abs() < 1e-9 * far, "{x} -> {back}");
        }
        // Where the events are, it is exact.
        for x in [-far, year(1974).0, year(1974).1, far] {
            assert!((s.to_days(s.to_view(x)) - x).abs() < 1e-6, "{x}");
        }
    }

    #[test]
    fn linear_parts_skip_the_breaks() {
        let s = Scale::story(article());
        let b = s.breaks().next().unwrap();
        let parts = s.linear_parts(b.view.0 - 100.0, b.view.1 + 100.0);
        assert_eq!(
            parts,
            vec![(b.view.0 - 100.0, b.view.0), (b.view.1, b.view.1 + 100.0)]
        );
        // A range inside a break has no linear part.
        let mid = f64::midpoint(b.view.0, b.view.1);
        assert!(s.linear_parts(mid - 1.0, mid + 1.0).is_empty());
    }

    #[test]
    fn breaks_are_told_in_words() {
        assert_eq!(hidden_words(24.2 * YEAR), "≈ 24 years");
        assert_eq!(hidden_words(1_234.0 * YEAR), "≈ 1,200 years");
        assert_eq!(hidden_words(66_000_000.0 * YEAR), "≈ 66.0 million years");
        assert_eq!(hidden_words(240.0), "≈ 8 months");
        assert_eq!(hidden_words(12.0), "≈ 12 days");
        assert_eq!(hidden_words(0.5), "≈ 1 day");
    }

    /// Random timelines: clusters of events with gaps of every size between them.
    fn spans() -> impl Strategy<Value = Vec<(f64, f64)>> {
        prop::collection::vec((0.0f64..1e5, 0.0f64..3e3, 1usize..4), 1..12).prop_map(|clusters| {
            let mut at = -2e5;
            let mut out = Vec::new();
            for (gap, len, n) in clusters {
                at += gap;
                for k in 0..n {
                    let s = at + k as f64 * len / n as f64;
                    out.push((s, s + 1.0 + len / n as f64));
                }
                at += len + 1.0;
            }
            out
        })
    }

    proptest! {
        #[test]
        fn the_story_scale_is_monotonic_and_round_trips(spans in spans(), xs in prop::collection::vec(-5e5f64..5e5, 2..40)) {
            let s = Scale::story(spans.clone());
            let mut xs = xs;
            xs.sort_by(f64::total_cmp);
            let views: Vec<f64> = xs.iter().map(|&x| s.to_view(x)).collect();
            for w in views.windows(2) {
                prop_assert!(w[0] <= w[1]);
            }
            for (&x, &v) in xs.iter().zip(&views) {
                prop_assert!((s.to_days(v) - x).abs() < 1e-6 * (1.0 + x.abs()), "{} -> {} -> {}", x, v, s.to_days(v));
            }
            // No event's start or end is inside a break.
            for &(a, e) in &spans {
                for b in s.breaks() {
                    prop_assert!(!(b.days.0 < a && a < b.days.1), "{:?} starts in {:?}", (a, e), b);
                    prop_assert!(!(b.days.0 < e && e < b.days.1), "{:?} ends in {:?}", (a, e), b);
                }
            }
            // Breaks are in order, each shorter drawn than what it hides.
            let breaks: Vec<Break> = s.breaks().collect();
            for b in &breaks {
                prop_assert!(b.view.1 - b.view.0 < b.hidden_days());
                prop_assert!(b.view.1 > b.view.0);
            }
            for w in breaks.windows(2) {
                prop_assert!(w[0].days.1 < w[1].days.0);
            }
        }
    }
}
