//! Colours: the Okabe–Ito palette, safe for the common kinds of colour blindness, tuned for dark and light
//! themes so every colour stays readable on both.

use egui::Color32;

/// How many colours lanes and tags take in turn.
pub const SERIES_COLORS: usize = 7;

/// Okabe–Ito colours for dark backgrounds.
const DARK: [Color32; SERIES_COLORS] = [
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0xF0, 0xE4, 0x42), // yellow
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0x8C, 0xA6, 0xFF), // a lighter blue in place of Okabe–Ito's dark blue
];

/// The same hues, darkened where needed to read on white.
const LIGHT: [Color32; SERIES_COLORS] = [
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0xC2, 0x7A, 0x00), // orange, darker
    Color32::from_rgb(0x00, 0x86, 0x60), // bluish green, darker
    Color32::from_rgb(0xB0, 0x4F, 0x8A), // reddish purple, darker
    Color32::from_rgb(0x8A, 0x7D, 0x00), // yellow turned olive to read on white
    Color32::from_rgb(0xC0, 0x4E, 0x00), // vermillion
    Color32::from_rgb(0x44, 0x5E, 0xC8), // indigo
];

/// The colour of the `index`-th lane or tag. Colours repeat after [`SERIES_COLORS`]: lanes add a second
/// cue then (see `marks::LaneLook`).
pub fn series_color(index: usize, dark_mode: bool) -> Color32 {
    let palette = if dark_mode { &DARK } else { &LIGHT };
    palette[index % palette.len()]
}

/// The colour of "from the article" marks.
pub fn article_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0x7F, 0xD3, 0x8B)
    } else {
        Color32::from_rgb(0x1B, 0x7A, 0x2E)
    }
}

/// The colour of "context" marks.
pub fn context_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xB8, 0xB8, 0xC8)
    } else {
        Color32::from_rgb(0x5A, 0x5A, 0x6E)
    }
}

/// The colour of the "today" line.
pub fn today_color(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0xFF, 0x6B, 0x6B)
    } else {
        Color32::from_rgb(0xC6, 0x28, 0x28)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: Color32) -> f32 {
        let f = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(c.r()) + 0.7152 * f(c.g()) + 0.0722 * f(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f32 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn the_colours_written_as_text_read_at_aa_on_their_theme() {
        use crate::view::contrast::{TEXT_CONTRAST, backgrounds, ratio, visuals};
        for dark in [true, false] {
            let v = visuals(dark);
            for (name, c) in [
                ("article", article_color(dark)),
                ("context", context_color(dark)),
                ("today", today_color(dark)),
            ] {
                for bg in backgrounds(&v) {
                    let r = ratio(c, bg);
                    assert!(
                        r >= TEXT_CONTRAST,
                        "{name} on {bg:?}: {r:.2} (dark: {dark})"
                    );
                }
            }
        }
    }

    #[test]
    fn every_colour_reads_on_its_theme_background() {
        for i in 0..7 {
            assert!(
                contrast(series_color(i, true), Color32::from_gray(10)) >= 3.0,
                "dark {i}"
            );
            assert!(
                contrast(series_color(i, false), Color32::from_gray(248)) >= 3.0,
                "light {i}"
            );
        }
    }
}

/// The shape a lane's point events are drawn as: the second cue, after the colour, that tells lanes
/// apart once the palette's colours have all been used (in the window and in figures alike).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Glyph {
    /// A disc: the first lanes' dots.
    Circle,
    /// A square.
    Square,
    /// A triangle pointing up.
    TriangleUp,
    /// A triangle pointing down.
    TriangleDown,
    /// A plus sign.
    Plus,
    /// A cross, the plus turned by 45°.
    Cross,
}

impl Glyph {
    /// The glyph of the `index`-th lane: one per round of the palette's colours.
    pub fn of_lane(index: usize) -> Self {
        GLYPHS[(index / SERIES_COLORS) % GLYPHS.len()]
    }
}

/// The glyphs in the order lanes take them, one per round of the palette.
pub const GLYPHS: [Glyph; 6] = [
    Glyph::Circle,
    Glyph::Square,
    Glyph::TriangleUp,
    Glyph::TriangleDown,
    Glyph::Plus,
    Glyph::Cross,
];
