//! Where each paragraph of a long text stands in the text panel's scrolled column, without laying out
//! the whole text: a paragraph not yet laid out has a height estimated from its lines' lengths, and
//! takes its true height once it has been laid out (when it comes near the view). A place in the text
//! is kept as a paragraph and a fraction of it, so that the view stays on the same words while the
//! estimates above it are corrected. Pure: heights in points, no egui.

/// The heights and tops of a text's paragraphs, in points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Heights {
    /// Each paragraph's height.
    each: Vec<f32>,
    measured: Vec<bool>,
    /// `tops[k]` is where paragraph `k` starts; one more entry for the end.
    tops: Vec<f32>,
    /// The space between two paragraphs.
    gap: f32,
}

/// A place in the column: a paragraph and how far into it (0 at its top, 1 at its bottom).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    /// The paragraph.
    pub paragraph: usize,
    /// How far into it.
    pub fraction: f32,
}

/// The estimated height of a paragraph whose lines have `line_chars` characters each, when a row holds
/// about `chars_per_row` characters of `row_height` points: each line takes at least one row.
pub fn estimate(line_chars: &[u32], chars_per_row: f32, row_height: f32, min_height: f32) -> f32 {
    let per_row = chars_per_row.max(1.0);
    let rows: f32 = line_chars
        .iter()
        .map(|&n| (n as f32 / per_row).ceil().max(1.0))
        .sum();
    (rows.max(1.0) * row_height).max(min_height)
}

impl Heights {
    /// Paragraphs of these estimated heights, `gap` apart.
    pub fn new(estimates: Vec<f32>, gap: f32) -> Self {
        let n = estimates.len();
        let mut heights = Self {
            each: estimates,
            measured: vec![false; n],
            tops: Vec::new(),
            gap,
        };
        heights.settle();
        heights
    }

    /// How many paragraphs there are.
    pub fn len(&self) -> usize {
        self.each.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.each.is_empty()
    }

    /// Where paragraph `k` starts (the end of the column past the last).
    pub fn top(&self, k: usize) -> f32 {
        self.tops
            .get(k)
            .or(self.tops.last())
            .copied()
            .unwrap_or(0.0)
    }

    /// The height of paragraph `k` (0 past the last).
    pub fn height(&self, k: usize) -> f32 {
        self.each.get(k).copied().unwrap_or(0.0)
    }

    /// The height of the whole column.
    pub fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Whether paragraph `k` has its true height.
    pub fn is_measured(&self, k: usize) -> bool {
        self.measured.get(k).copied().unwrap_or(true)
    }

    /// Gives paragraph `k` its true height; says whether anything moved. Call [`Self::settle`] before
    /// asking where paragraphs are again.
    pub fn measure(&mut self, k: usize, height: f32) -> bool {
        let Some(h) = self.each.get_mut(k) else {
            return false;
        };
        self.measured[k] = true;
        let moved = *h != height;
        *h = height;
        moved
    }

    /// Places the paragraphs again after some were measured.
    pub fn settle(&mut self) {
        self.tops.clear();
        self.tops.reserve(self.each.len() + 1);
        let mut y = 0.0f32;
        for (k, &h) in self.each.iter().enumerate() {
            self.tops.push(y);
            y += h;
            if k + 1 < self.each.len() {
                y += self.gap;
            }
        }
        self.tops.push(y);
    }

    /// The paragraph at height `y` in the column (the nearest one in a gap or past the ends).
    pub fn at(&self, y: f32) -> usize {
        if self.each.is_empty() {
            return 0;
        }
        let k = self.tops[..self.each.len()].partition_point(|&top| top <= y);
        k.saturating_sub(1)
    }

    /// The paragraphs that reach into the heights `from..to`.
    pub fn between(&self, from: f32, to: f32) -> std::ops::Range<usize> {
        if self.each.is_empty() || to <= from {
            return 0..0;
        }
        let first = self.at(from);
        let first = if self.top(first) + self.height(first) <= from {
            first + 1
        } else {
            first
        };
        let last = self.tops[..self.each.len()].partition_point(|&top| top < to);
        first.min(last)..last
    }

    /// The place at height `y`.
    pub fn place(&self, y: f32) -> Place {
        let k = self.at(y);
        let h = self.height(k);
        let fraction = if h > 0.0 {
            ((y - self.top(k)) / h).clamp(0.0, 1.0)
        } else {
            0.0
        };
        Place {
            paragraph: k,
            fraction,
        }
    }

    /// The height in the column of `place`.
    pub fn y_of(&self, place: Place) -> f32 {
        self.top(place.paragraph) + place.fraction * self.height(place.paragraph)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_count_a_row_for_every_line_and_the_wrapped_rows() {
        assert_eq!(estimate(&[10], 50.0, 16.0, 18.0), 18.0);
        assert_eq!(estimate(&[120, 0, 49], 50.0, 16.0, 18.0), 5.0 * 16.0);
        assert_eq!(estimate(&[], 50.0, 16.0, 0.0), 16.0);
        assert_eq!(estimate(&[10], 0.0, 16.0, 0.0), 10.0 * 16.0);
    }

    #[test]
    fn paragraphs_stand_one_under_the_other_with_gaps() {
        let h = Heights::new(vec![10.0, 20.0, 30.0], 5.0);
        assert_eq!(
            (h.top(0), h.top(1), h.top(2), h.total()),
            (0.0, 15.0, 40.0, 70.0)
        );
        assert_eq!(h.at(-3.0), 0);
        assert_eq!(h.at(12.0), 0);
        assert_eq!(h.at(15.0), 1);
        assert_eq!(h.at(500.0), 2);
        assert_eq!(h.between(12.0, 15.0), 1..1);
        assert_eq!(h.between(0.0, 15.0), 0..1);
        assert_eq!(h.between(9.0, 41.0), 0..3);
        assert_eq!(h.between(36.0, 100.0), 2..3);
        assert_eq!(h.between(20.0, 20.0), 0..0);
        assert_eq!(Heights::default().between(0.0, 10.0), 0..0);
    }

    #[test]
    fn a_place_keeps_its_words_when_the_paragraphs_above_it_are_measured() {
        let mut h = Heights::new(vec![100.0; 50], 8.0);
        let y = h.top(20) + 40.0;
        let place = h.place(y);
        assert_eq!(place.paragraph, 20);
        assert!((place.fraction - 0.4).abs() < 1e-6);
        assert!(!h.is_measured(3));
        assert!(h.measure(3, 160.0));
        assert!(!h.measure(4, 100.0));
        assert!(!h.measure(99, 1.0));
        h.settle();
        assert!(h.is_measured(3) && h.is_measured(4));
        assert_eq!(h.y_of(place), y + 60.0);
        assert_eq!(h.place(h.y_of(place)), place);
    }
}
