//! A [`Figure`] as an SVG document, written with the `svg` crate (which escapes text and attributes).

use svg::Document;
use svg::node::element::{
    Circle, Definitions, Element, Group, Line, Polygon, Rectangle, Text, Title,
};

use super::{Figure, Glyph, MarkShape, Rgb};

/// The fonts asked for, in order: ones that cover Latin, Cyrillic, Greek and the CJK scripts, then any.
pub const FONT_FAMILY: &str = "Noto Sans, DejaVu Sans, Liberation Sans, Arial, WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif";

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// A number with at most two decimals, as SVG wants it.
fn n(v: f32) -> f64 {
    (f64::from(v) * 100.0).round() / 100.0
}

/// The font of a script whose shaping changes the number of glyphs (the Brahmic scripts, Thai, Lao,
/// Myanmar, Khmer): a run of it is set in its own font, since a renderer's per-glyph fallback from a Latin
/// font cannot draw it.
fn script_font(c: char) -> Option<&'static str> {
    Some(match u32::from(c) {
        0x0900..=0x097F | 0xA8E0..=0xA8FF => "Noto Sans Devanagari",
        0x0980..=0x09FF => "Noto Sans Bengali",
        0x0A00..=0x0A7F => "Noto Sans Gurmukhi",
        0x0A80..=0x0AFF => "Noto Sans Gujarati",
        0x0B00..=0x0B7F => "Noto Sans Oriya",
        0x0B80..=0x0BFF => "Noto Sans Tamil",
        0x0C00..=0x0C7F => "Noto Sans Telugu",
        0x0C80..=0x0CFF => "Noto Sans Kannada",
        0x0D00..=0x0D7F => "Noto Sans Malayalam",
        0x0D80..=0x0DFF => "Noto Sans Sinhala",
        0x0E00..=0x0E7F => "Noto Sans Thai",
        0x0E80..=0x0EFF => "Noto Sans Lao",
        0x1000..=0x109F => "Noto Sans Myanmar",
        0x1780..=0x17FF => "Noto Sans Khmer",
        _ => return None,
    })
}

/// XML text escaping, for the runs written as one piece (see [`script_runs`]).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A `<text>` holding `text`: as it is, or, when it has runs of the scripts [`script_font`] names, as
/// `<tspan>`s giving each such run its font. The runs are written as one piece, so no line break or
/// indentation comes between them (which SVG would draw as a space).
fn script_runs(text: &str) -> Text {
    // Right-to-left text mixed with such runs trips the renderer's bidi layout: it is left whole.
    let rtl = |c: char| matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFEFF);
    if !text.chars().any(|c| script_font(c).is_some()) || text.chars().any(rtl) {
        return Text::new(text.to_owned());
    }
    let mut inner = String::new();
    let mut run = String::new();
    let mut font: Option<&'static str> = None;
    let flush = |inner: &mut String, run: &mut String, font: Option<&'static str>| {
        if run.is_empty() {
            return;
        }
        match font {
            Some(family) => {
                inner.push_str("<tspan font-family=\"");
                inner.push_str(family);
                inner.push_str(", sans-serif\">");
            }
            None => inner.push_str("<tspan>"),
        }
        inner.push_str(&escape(run));
        inner.push_str("</tspan>");
        run.clear();
    };
    for c in text.chars() {
        // Spaces, punctuation and combining marks stay in the run they follow.
        let this = if c.is_alphanumeric() {
            script_font(c)
        } else {
            font
        };
        if this != font {
            flush(&mut inner, &mut run, font);
            font = this;
        }
        run.push(c);
    }
    flush(&mut inner, &mut run, font);
    Text::new(String::new()).add(svg::node::Blob::new(inner))
}

/// A lane's glyph around (`cx`, `cy`) for a marker of radius `r`, filled with `fill` and outlined with
/// `stroke` (a plus and a cross are drawn in `stroke`).
fn glyph(kind: Glyph, cx: f32, cy: f32, r: f32, fill: &str, stroke: &str) -> Element {
    let points = |pts: &[(f32, f32)]| {
        pts.iter()
            .map(|(x, y)| format!("{},{}", n(cx + x * r), n(cy + y * r)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let polygon = |pts: &[(f32, f32)]| -> Element {
        Polygon::new()
            .set("points", points(pts))
            .set("fill", fill)
            .set("stroke", stroke)
            .set("stroke-width", 1.5)
            .into()
    };
    let bars = |a: (f32, f32), b: (f32, f32), c: (f32, f32), d: (f32, f32)| -> Element {
        let line = |p: (f32, f32), q: (f32, f32)| {
            Line::new()
                .set("x1", n(cx + p.0 * r))
                .set("y1", n(cy + p.1 * r))
                .set("x2", n(cx + q.0 * r))
                .set("y2", n(cy + q.1 * r))
        };
        Group::new()
            .set("stroke", stroke)
            .set("stroke-width", n(r * 0.7))
            .add(line(a, b))
            .add(line(c, d))
            .into()
    };
    match kind {
        Glyph::Circle => Circle::new()
            .set("cx", n(cx))
            .set("cy", n(cy))
            .set("r", n(r))
            .set("fill", fill)
            .set("stroke", stroke)
            .set("stroke-width", 1.5)
            .into(),
        Glyph::Square => polygon(&[(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)]),
        Glyph::TriangleUp => polygon(&[(0.0, -1.2), (1.1, 0.85), (-1.1, 0.85)]),
        Glyph::TriangleDown => polygon(&[(0.0, 1.2), (1.1, -0.85), (-1.1, -0.85)]),
        Glyph::Plus => bars((-1.1, 0.0), (1.1, 0.0), (0.0, -1.1), (0.0, 1.1)),
        Glyph::Cross => bars((-0.85, -0.85), (0.85, 0.85), (-0.85, 0.85), (0.85, -0.85)),
    }
}

/// The SVG document drawing `figure`: a white page, era bands, lanes, grid and axis, marks and texts.
pub fn document(figure: &Figure) -> Document {
    let mut doc = Document::new()
        .set("width", n(figure.width))
        .set("height", n(figure.height))
        .set("viewBox", (0, 0, n(figure.width), n(figure.height)))
        .set("font-family", FONT_FAMILY)
        .add(Title::new(figure.title.clone()))
        .add(Definitions::new())
        .add(
            Rectangle::new()
                .set("width", "100%")
                .set("height", "100%")
                .set("fill", "#ffffff"),
        );
    let mut bands = Group::new()
        .set("class", "eras")
        .set("fill", hex(super::BAND));
    for b in &figure.bands {
        bands = bands.add(
            Rectangle::new()
                .set("x", n(b.x0))
                .set("y", n(b.top))
                .set("width", n((b.x1 - b.x0).max(1.0)))
                .set("height", n(b.bottom - b.top)),
        );
    }
    doc = doc.add(bands);
    let mut lines = Group::new()
        .set("class", "lines")
        .set("stroke-linecap", "round");
    for l in &figure.lines {
        lines = lines.add(
            Line::new()
                .set("x1", n(l.from.0))
                .set("y1", n(l.from.1))
                .set("x2", n(l.to.0))
                .set("y2", n(l.to.1))
                .set("stroke", hex(l.color))
                .set("stroke-width", n(l.width)),
        );
    }
    doc = doc.add(lines);
    let mut legend = Group::new().set("class", "legend");
    for item in &figure.legend {
        legend = if item.glyph == Glyph::Circle {
            legend.add(
                Rectangle::new()
                    .set("x", n(item.x))
                    .set("y", n(item.y))
                    .set("width", 12)
                    .set("height", 12)
                    .set("rx", 2)
                    .set("fill", hex(item.color)),
            )
        } else {
            legend.add(glyph(
                item.glyph,
                item.x + 6.0,
                item.y + 6.0,
                6.0,
                &hex(item.color),
                &hex(item.color),
            ))
        };
    }
    doc = doc.add(legend);
    let mut marks = Group::new().set("class", "marks");
    for m in &figure.marks {
        let color = hex(m.color);
        let fill = if m.hollow {
            "#ffffff".to_owned()
        } else {
            color.clone()
        };
        let c = f32::midpoint(m.x0, m.x1);
        marks = match m.shape {
            MarkShape::Point => marks.add(glyph(m.glyph, c, m.y, 4.5, &fill, &color)),
            MarkShape::Bar => {
                let mut bar = Rectangle::new()
                    .set("x", n(m.x0))
                    .set("y", n(m.y - 4.0))
                    .set("width", n((m.x1 - m.x0).max(1.0)))
                    .set("height", 8)
                    .set("rx", 2)
                    .set("fill", fill)
                    .set("stroke", color)
                    .set("stroke-width", 1.5);
                if m.hollow {
                    bar = bar.set("stroke-dasharray", "4 2");
                }
                marks.add(bar)
            }
            MarkShape::Diamond => marks.add(
                Polygon::new()
                    .set(
                        "points",
                        format!(
                            "{},{} {},{} {},{} {},{}",
                            n(c),
                            n(m.y - 6.0),
                            n(c + 6.0),
                            n(m.y),
                            n(c),
                            n(m.y + 6.0),
                            n(c - 6.0),
                            n(m.y)
                        ),
                    )
                    .set("fill", fill)
                    .set("stroke", color)
                    .set("stroke-width", 1.5),
            ),
            MarkShape::Cluster(count) => marks
                .add(
                    Circle::new()
                        .set("cx", n(c))
                        .set("cy", n(m.y))
                        .set("r", 7)
                        .set("fill", color.clone()),
                )
                .add(
                    Text::new(if count > 99 {
                        "99+".to_owned()
                    } else {
                        count.to_string()
                    })
                    .set("x", n(c))
                    .set("y", n(m.y + 3.0))
                    .set("font-size", 8)
                    .set("text-anchor", "middle")
                    .set("fill", "#ffffff"),
                ),
        };
    }
    doc = doc.add(marks);
    let mut texts = Group::new().set("class", "texts");
    for t in &figure.texts {
        let mut text = script_runs(&t.text)
            .set("x", n(t.x))
            .set("y", n(t.y))
            .set("font-size", n(t.size))
            .set("fill", hex(t.color));
        if t.bold {
            text = text.set("font-weight", "bold");
        }
        if t.end_anchored {
            text = text.set("text-anchor", "end");
        }
        texts = texts.add(text);
    }
    doc.add(texts)
}

/// The SVG text of `figure`.
pub fn to_string(figure: &Figure) -> String {
    document(figure).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_complex_scripts_get_their_own_font_and_the_rest_stays_whole() {
        let plain = script_runs("北京 <b> & Қазақстан").to_string();
        assert!(!plain.contains("tspan"), "{plain}");
        assert!(!script_runs("القاهرة दिल्ली").to_string().contains("tspan"));
        let mixed = script_runs("दिल्ली, Delhi & คน").to_string();
        assert!(
            mixed.contains(
                "<tspan font-family=\"Noto Sans Devanagari, sans-serif\">दिल्ली, </tspan><tspan>Delhi &amp; </tspan><tspan font-family=\"Noto Sans Thai, sans-serif\">คน</tspan>"
            ),
            "{mixed}"
        );
    }
}
