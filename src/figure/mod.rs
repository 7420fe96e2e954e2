//! Whole-timeline figures for reports: the timeline (or a range of it) laid out at a chosen width with its
//! title, source line, a legend of lanes and their colours, eras, the calendar axis and every label that
//! fits, independent of the screen. [`layout`] decides where everything goes (pure, reusing the
//! timeline's own level of detail, label placement and axis); [`svg`] writes that as an SVG document and
//! [`raster`] renders the same SVG to PNG, so both images come from one drawing.

pub mod raster;
pub mod svg;

use chrono::NaiveDate;

use crate::model::{Provenance, Status, Timeline};
use crate::view::index::{EventIndex, span_days};
use crate::view::layout::{self, LabelArea, LabelRequest, MERGE_POINTS, MIN_BAR_POINTS};
use crate::view::mapping::{self, TimeMapping};
use crate::view::{axis, elide, palette, timeline as tl};

/// The narrowest figure, in pixels.
pub const MIN_WIDTH: u32 = 320;
/// The widest figure, in pixels.
pub const MAX_WIDTH: u32 = 20_000;
/// The width used when none is given.
pub const DEFAULT_WIDTH: u32 = 1600;

/// What went wrong making a figure.
#[derive(Debug, thiserror::Error)]
pub enum FigureError {
    /// The width asked for is outside what a figure can be.
    #[error("a figure is {MIN_WIDTH} to {MAX_WIDTH} pixels wide, not {0}")]
    Width(u32),
    /// The range asked for is empty or backwards.
    #[error("the range to draw ends before it starts")]
    Range,
    /// The picture would be too large to hold in memory.
    #[error(
        "the picture would be {0}×{1} pixels, more than a PNG export makes; choose a smaller width"
    )]
    TooLarge(u32, u32),
    /// The SVG could not be read back to be rendered.
    #[error("cannot render the figure: {0}")]
    Render(String),
    /// The PNG could not be encoded.
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// How a figure is made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureOptions {
    /// The width in pixels.
    pub width: u32,
    /// The range to draw, in days since 1970-01-01 (end exclusive); the whole timeline without one.
    pub range: Option<(f64, f64)>,
    /// The day ongoing spans reach.
    pub today: NaiveDate,
}

/// A colour, as red, green and blue.
pub type Rgb = [u8; 3];

/// The text colour.
pub const INK: Rgb = [0x22, 0x22, 0x28];
/// The colour of secondary text and the axis.
pub const MUTED: Rgb = [0x5A, 0x5A, 0x6E];
/// The colour of the today line.
pub const TODAY: Rgb = [0xC8, 0x3C, 0x3C];
/// The colour of era bands.
pub const BAND: Rgb = [0xEC, 0xEC, 0xF2];

/// A run of text on the figure.
#[derive(Clone, Debug, PartialEq)]
pub struct TextItem {
    /// The text, on one line, already cut to the room it has.
    pub text: String,
    /// Where its baseline starts (or ends, when `end_anchored`).
    pub x: f32,
    /// The baseline's y.
    pub y: f32,
    /// The font size in pixels.
    pub size: f32,
    /// Whether it is bold.
    pub bold: bool,
    /// Its colour.
    pub color: Rgb,
    /// Whether `x` is where it ends rather than starts.
    pub end_anchored: bool,
}

/// The shape of a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkShape {
    /// One event known to a day, or too short to be a bar: a dot.
    Point,
    /// One event drawn over the time it covers.
    Bar,
    /// A plan or target: a diamond.
    Diamond,
    /// Several events too close to tell apart, with how many.
    Cluster(usize),
}

pub use crate::view::palette::Glyph;

/// A mark on a lane's line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkItem {
    /// Its shape.
    pub shape: MarkShape,
    /// Where it starts.
    pub x0: f32,
    /// Where it ends (`x0` for a point).
    pub x1: f32,
    /// The lane's marker line.
    pub y: f32,
    /// Its colour.
    pub color: Rgb,
    /// Whether it is drawn hollow: an approximate, uncertain or planned date.
    pub hollow: bool,
    /// The lane's glyph, for a point.
    pub glyph: Glyph,
}

/// A lane: its band and name.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneItem {
    /// Its name, cut to the room there is.
    pub label: String,
    /// Its colour.
    pub color: Rgb,
    /// The top of its band.
    pub top: f32,
    /// The bottom of its band.
    pub bottom: f32,
    /// Its marker line.
    pub marker_y: f32,
}

/// An era: a band behind the events.
#[derive(Clone, Debug, PartialEq)]
pub struct BandItem {
    /// Where it starts.
    pub x0: f32,
    /// Where it ends.
    pub x1: f32,
    /// Its top.
    pub top: f32,
    /// Its bottom.
    pub bottom: f32,
}

/// A line: a leader from a mark to its label, a grid line, the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineItem {
    /// One end.
    pub from: (f32, f32),
    /// The other end.
    pub to: (f32, f32),
    /// Its colour.
    pub color: Rgb,
    /// Its width.
    pub width: f32,
}

/// A legend entry: a lane's colour and name.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    /// The swatch's left edge.
    pub x: f32,
    /// The swatch's top.
    pub y: f32,
    /// The colour.
    pub color: Rgb,
    /// The lane's glyph.
    pub glyph: Glyph,
}

/// Everything a figure shows, placed: what [`svg::document`] draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figure {
    /// The width in pixels.
    pub width: f32,
    /// The height in pixels.
    pub height: f32,
    /// The figure's title, for the SVG's `<title>`.
    pub title: String,
    /// Era bands, drawn first.
    pub bands: Vec<BandItem>,
    /// Lanes.
    pub lanes: Vec<LaneItem>,
    /// Lines: grid, axis, lane lines and leaders.
    pub lines: Vec<LineItem>,
    /// Legend swatches (their names are in `texts`).
    pub legend: Vec<LegendItem>,
    /// Marks.
    pub marks: Vec<MarkItem>,
    /// Every text: title, source line, legend, lane names, era names, labels, axis.
    pub texts: Vec<TextItem>,
    /// The texts of the event labels placed, in `texts` order (for checking what a figure shows).
    pub labels: Vec<String>,
    /// How many events are in the range drawn.
    pub events: usize,
}

/// The room around the figure.
const MARGIN: f32 = 24.0;
/// The font size of event labels.
const LABEL_SIZE: f32 = 12.0;
/// The height of a row of labels.
const LABEL_ROW: f32 = 16.0;
/// How far under the marker line the first row of labels starts.
const LABEL_TOP: f32 = 10.0;
/// The most rows of labels under a lane.
const MAX_LABEL_ROWS: usize = 12;
/// The radius of a point mark.
const MARK_RADIUS: f32 = 4.5;

/// The width a text takes at `size`, estimated generously: most Latin letters are narrower than 0.6 em,
/// and East Asian characters are 1 em wide.
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| {
            if is_wide(c) {
                1.0
            } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
                0.72
            } else {
                0.56
            }
        })
        .sum::<f32>()
        * size
}

/// Whether a character is drawn a full em wide (CJK, Hangul, full-width forms, emoji).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// `text` on one line, cut (with an ellipsis) to what fits in `width` pixels at `size`, and with the
/// characters XML cannot hold replaced; empty when not even the ellipsis fits.
pub fn fit(text: &str, width: f32, size: f32) -> String {
    // Bounded first: a 10 MB title costs no more than a line.
    let max = elide::max_chars_for(width, size);
    let mut line: String = xml_safe(&elide::one_line(text, max));
    while !line.is_empty() && text_width(&line, size) > width {
        let keep = line.chars().count().saturating_sub(2);
        if keep == 0 {
            return String::new();
        }
        line = elide::one_line(&line, keep).into_owned();
    }
    line
}

/// The text with what XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF) made spaces.
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn rgb(c: egui::Color32) -> Rgb {
    [c.r(), c.g(), c.b()]
}

/// The line under the title: who published the source text, who wrote it, when, and where to read it.
pub fn source_line(timeline: &Timeline) -> Option<String> {
    let s = timeline.source.as_ref()?;
    let mut parts: Vec<String> = Vec::new();
    if !s.title.is_empty() {
        parts.push(format!("“{}”", s.title));
    }
    parts.extend(s.publisher.clone());
    parts.extend(s.author.as_ref().map(|a| format!("by {a}")));
    parts.extend(s.published.map(|p| p.to_string()));
    parts.extend(s.url.clone());
    (!parts.is_empty()).then(|| format!("Source: {}", parts.join(", ")))
}

/// Lays out the figure of `timeline`, whose events `index` holds (those passing the filters).
pub fn layout(
    timeline: &Timeline,
    index: &EventIndex,
    options: &FigureOptions,
) -> Result<Figure, FigureError> {
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&options.width) {
        return Err(FigureError::Width(options.width));
    }
    let width = options.width as f32;
    let (start, end) = match options.range {
        Some((s, e)) if s.is_finite() && e.is_finite() && s < e => mapping::clamp_span(s, e),
        Some(_) => return Err(FigureError::Range),
        None => {
            if let Some((s, e)) = index.extent {
                // Labels run to the right of their marks: the right gets more room.
                let pad = ((e - s) * 0.03).max(15.0);
                mapping::clamp_span(s - pad, e + 4.0 * pad)
            } else {
                let t = crate::model::date::days_from_epoch(options.today) as f64;
                (t - 365.0, t + 1.0)
            }
        }
    };
    let mut fig = Figure {
        width,
        title: xml_safe(&elide::one_line(&timeline.title, 500)),
        ..Figure::default()
    };
    let inner = width - 2.0 * MARGIN;
    let mut y = MARGIN;

    // The title, the source line and the range shown.
    let title = if timeline.title.trim().is_empty() {
        "Untitled timeline"
    } else {
        &timeline.title
    };
    y += 22.0;
    fig.texts.push(TextItem {
        text: fit(title, inner, 22.0),
        x: MARGIN,
        y,
        size: 22.0,
        bold: true,
        color: INK,
        end_anchored: false,
    });
    if let Some(line) = source_line(timeline) {
        y += 20.0;
        fig.texts.push(TextItem {
            text: fit(&line, inner, 13.0),
            x: MARGIN,
            y,
            size: 13.0,
            bold: false,
            color: MUTED,
            end_anchored: false,
        });
    }
    let first = crate::model::date::date_from_days(start.ceil() as i64);
    let last = crate::model::date::date_from_days((end.floor() as i64) - 1);
    y += 18.0;
    fig.events = index
        .lanes
        .iter()
        .map(|l| l.visible(start, end).count())
        .sum();
    fig.texts.push(TextItem {
        text: format!(
            "{} – {} · {} events",
            crate::model::date::EdtfDate::from_naive(first).words(),
            crate::model::date::EdtfDate::from_naive(last).words(),
            tl::format_count(fig.events)
        ),
        x: MARGIN,
        y,
        size: 12.0,
        bold: false,
        color: MUTED,
        end_anchored: false,
    });

    // The legend: each lane's colour and name, wrapping.
    y += 14.0;
    let mut x = MARGIN;
    let legend_size = 13.0;
    for (k, lane) in timeline.lanes.iter().enumerate() {
        let label = fit(&lane.label, inner - 20.0, legend_size);
        let item_width = 18.0 + text_width(&label, legend_size) + 18.0;
        if x > MARGIN && x + item_width > width - MARGIN {
            x = MARGIN;
            y += 20.0;
        }
        let color = rgb(palette::series_color(k, false));
        fig.legend.push(LegendItem {
            x,
            y,
            color,
            glyph: Glyph::of_lane(k),
        });
        fig.texts.push(TextItem {
            text: label,
            x: x + 18.0,
            y: y + 11.0,
            size: legend_size,
            bold: false,
            color: INK,
            end_anchored: false,
        });
        x += item_width;
    }
    y += 28.0;

    // Eras' names in a strip above the lanes.
    let mapping = TimeMapping::new(start, end, MARGIN, inner);
    let plot_top = y;
    let visible_periods: Vec<(f32, f32, &str)> = timeline
        .periods
        .iter()
        .filter_map(|p| {
            let (s, e) = span_days(p.when.covered(options.today));
            (e > start && s < end).then(|| {
                (
                    mapping.x_from_time(s).max(MARGIN),
                    mapping.x_from_time(e).min(width - MARGIN),
                    p.title.as_str(),
                )
            })
        })
        .collect();
    if !visible_periods.is_empty() {
        y += 16.0;
        for &(x0, x1, name) in &visible_periods {
            let text = fit(name, (x1 - x0 - 6.0).max(0.0), 11.0);
            if !text.is_empty() {
                fig.texts.push(TextItem {
                    text,
                    x: x0 + 3.0,
                    y: y - 4.0,
                    size: 11.0,
                    bold: false,
                    color: MUTED,
                    end_anchored: false,
                });
            }
        }
    }

    // The lanes: a name, a marker line, marks, and labels placed as on screen.
    for (k, lane_index) in index.lanes.iter().enumerate() {
        let Some(lane) = timeline.lanes.get(k) else {
            continue;
        };
        let color = rgb(palette::series_color(k, false));
        let top = y;
        let name_y = top + 16.0;
        let marker_y = name_y + 14.0;
        fig.texts.push(TextItem {
            text: fit(&lane.label, inner, 13.0),
            x: MARGIN,
            y: name_y,
            size: 13.0,
            bold: true,
            color,
            end_anchored: false,
        });
        let marks = layout::lane_marks(lane_index, &mapping, MERGE_POINTS);
        let mut requests = Vec::with_capacity(marks.len());
        let mut texts = Vec::with_capacity(marks.len());
        for m in &marks {
            let event = &timeline.events[lane_index.events[m.first] as usize];
            let hollow = event.when.approximate()
                || event.when.uncertain()
                || event.status == Status::Planned;
            let shape = if !m.is_single() {
                MarkShape::Cluster(m.count)
            } else if event.status == Status::Planned && !m.is_bar() {
                MarkShape::Diamond
            } else if m.x1 - m.x0 >= MIN_BAR_POINTS {
                MarkShape::Bar
            } else {
                MarkShape::Point
            };
            let (x0, x1) = (m.x0.max(MARGIN), m.x1.min(width - MARGIN));
            fig.marks.push(MarkItem {
                shape,
                x0,
                x1,
                y: marker_y,
                color,
                hollow,
                glyph: Glyph::of_lane(k),
            });
            let text = xml_safe(&tl::mark_label(
                event,
                m.count,
                elide::max_chars_for(inner, LABEL_SIZE),
            ));
            let label_width = (text_width(&text, LABEL_SIZE) + 4.0).min(inner);
            let (anchor, after_x, before_end) = if shape == MarkShape::Bar {
                (x0 + 1.0, x0, x0 + 3.0)
            } else {
                let c = m.center_x();
                (c, c - MARK_RADIUS, c + MARK_RADIUS)
            };
            let article = event.provenance == Provenance::Article;
            requests.push(LabelRequest {
                anchor,
                after_x,
                before_end,
                width: label_width,
                priority: match (m.is_single(), article) {
                    (true, true) => 3,
                    (true, false) => 2,
                    (false, true) => 1,
                    (false, false) => 0,
                },
            });
            texts.push(text);
        }
        let area = LabelArea {
            left: MARGIN,
            right: width - MARGIN,
            rows: MAX_LABEL_ROWS,
            gap: 8.0,
            min_width: 48.0,
            walls: Vec::new(),
            blocked: Vec::new(),
        };
        let slots = layout::place_labels(&requests, &area);

        let mut rows_used = 0;
        for ((slot, text), request) in slots.iter().zip(texts).zip(&requests) {
            let Some(slot) = slot else {
                continue;
            };
            let text = if slot.width + 0.5 >= request.width {
                text
            } else {
                fit(&text, slot.width - 4.0, LABEL_SIZE)
            };
            if text.is_empty() {
                continue;
            }
            rows_used = rows_used.max(slot.row + 1);
            let baseline = marker_y + LABEL_TOP + slot.row as f32 * LABEL_ROW + 11.0;
            fig.lines.push(LineItem {
                from: (request.anchor, marker_y + MARK_RADIUS),
                to: (request.anchor, baseline + 2.0),
                color: [0xB8, 0xB8, 0xC4],
                width: 0.75,
            });
            fig.labels.push(text.clone());
            fig.texts.push(TextItem {
                text,
                x: slot.x + 2.0,
                y: baseline,
                size: LABEL_SIZE,
                bold: false,
                color: INK,
                end_anchored: false,
            });
        }
        let bottom = marker_y + LABEL_TOP + rows_used.max(1) as f32 * LABEL_ROW + 8.0;
        fig.lines.push(LineItem {
            from: (MARGIN, marker_y),
            to: (width - MARGIN, marker_y),
            color,
            width: 1.0,
        });
        fig.lanes.push(LaneItem {
            label: lane.label.clone(),
            color,
            top,
            bottom,
            marker_y,
        });
        y = bottom;
    }

    // Eras behind it all, from the strip to the axis.
    for &(x0, x1, _) in &visible_periods {
        fig.bands.push(BandItem {
            x0,
            x1,
            top: plot_top,
            bottom: y,
        });
    }

    // Today, when it is in the range: where ongoing spans end and plans begin.
    let today = crate::model::date::days_from_epoch(options.today) as f64;
    let today_x = mapping.x_from_time(today);
    if (start..end).contains(&today) && (MARGIN..=width - MARGIN).contains(&today_x) {
        fig.lines.push(LineItem {
            from: (today_x, plot_top),
            to: (today_x, y),
            color: TODAY,
            width: 1.0,
        });
        fig.texts.push(TextItem {
            text: "today".to_owned(),
            x: today_x - 3.0,
            y: plot_top + 10.0,
            size: 10.0,
            bold: false,
            color: TODAY,
            end_anchored: true,
        });
    }

    // The axis: a line, ticks and their labels, and faint grid lines up through the lanes.
    let unit = axis::choose_unit(
        mapping.points_per_day(),
        axis::MIN_LABEL_SPACING,
        start,
        end,
    );
    let label_width =
        (unit.min_gap_days() * mapping.points_per_day()).max(axis::MIN_LABEL_SPACING) as f32 - 8.0;
    fig.lines.push(LineItem {
        from: (MARGIN, y),
        to: (width - MARGIN, y),
        color: MUTED,
        width: 1.0,
    });
    for tick in axis::ticks(start, end, unit) {
        let x = mapping.x_from_time(tick.days);
        if !(MARGIN..=width - MARGIN).contains(&x) {
            continue;
        }
        fig.lines.push(LineItem {
            from: (x, plot_top),
            to: (x, y),
            color: [0xE2, 0xE2, 0xEA],
            width: 0.75,
        });
        fig.lines.push(LineItem {
            from: (x, y),
            to: (x, y + 5.0),
            color: MUTED,
            width: 1.0,
        });
        fig.texts.push(TextItem {
            text: fit(&tick.label, label_width, 11.0),
            x: x + 3.0,
            y: y + 17.0,
            size: 11.0,
            bold: false,
            color: MUTED,
            end_anchored: false,
        });
    }
    fig.height = (y + 24.0 + MARGIN).ceil();
    Ok(fig)
}

/// The figure of the whole of `timeline` (every event), or of `options.range`.
pub fn layout_all(timeline: &Timeline, options: &FigureOptions) -> Result<Figure, FigureError> {
    let index = EventIndex::build(
        timeline,
        options.today,
        &crate::view::scale::Scale::linear(),
        |_| true,
    );
    layout(timeline, &index, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    fn options(width: u32) -> FigureOptions {
        FigureOptions {
            width,
            range: None,
            today: today(),
        }
    }

    #[test]
    fn the_figure_has_the_width_asked_and_room_for_every_lane() {
        let t = crate::formats::builtin().unwrap();
        for width in [800, 1600, 3200] {
            let fig = layout_all(&t, &options(width)).unwrap();
            assert_eq!(fig.width, width as f32);
            assert_eq!(fig.lanes.len(), t.lanes.len());
            // Lanes stack without overlapping, and everything is inside the figure.
            for pair in fig.lanes.windows(2) {
                assert!(pair[0].bottom <= pair[1].top);
            }
            for text in &fig.texts {
                assert!(text.y < fig.height);
                assert!(
                    text.x >= 0.0 && text.x + text_width(&text.text, text.size) <= fig.width + 1.0,
                    "{:?} runs out of a {width} px figure",
                    text.text
                );
            }
            for m in &fig.marks {
                assert!(m.x0 >= MARGIN - 0.5 && m.x1 <= fig.width - MARGIN + 0.5);
            }
        }
    }

    #[test]
    fn a_wider_figure_has_room_for_more_labels() {
        let t = crate::formats::builtin().unwrap();
        let narrow = layout_all(&t, &options(600)).unwrap();
        let wide = layout_all(&t, &options(4000)).unwrap();
        assert!(wide.labels.len() > narrow.labels.len());
        // At 4000 pixels all but a few marks of the article's timeline have their labels.
        assert!(
            wide.labels.len() + 2 >= wide.marks.len(),
            "{:?}",
            wide.labels
        );
    }

    #[test]
    fn a_range_shows_only_what_is_in_it() {
        let t = crate::formats::builtin().unwrap();
        let d = |y| {
            crate::model::date::days_from_epoch(NaiveDate::from_ymd_opt(y, 1, 1).unwrap()) as f64
        };
        let fig = layout(
            &t,
            &EventIndex::build(&t, today(), &crate::view::scale::Scale::linear(), |_| true),
            &FigureOptions {
                range: Some((d(2015), d(2027))),
                ..options(1600)
            },
        )
        .unwrap();
        let all = layout_all(&t, &options(1600)).unwrap();
        assert!(fig.marks.len() < all.marks.len());
        assert!(
            fig.texts
                .iter()
                .any(|t| t.text.starts_with("1 January 2015 – "))
        );
        assert!(matches!(
            layout_all(
                &t,
                &FigureOptions {
                    range: Some((5.0, 1.0)),
                    ..options(1600)
                }
            ),
            Err(FigureError::Range)
        ));
        assert!(matches!(
            layout_all(&t, &options(10)),
            Err(FigureError::Width(10))
        ));
    }

    #[test]
    fn lanes_past_the_palette_take_the_next_glyph() {
        assert_eq!(Glyph::of_lane(0), Glyph::Circle);
        assert_eq!(Glyph::of_lane(palette::SERIES_COLORS - 1), Glyph::Circle);
        assert_eq!(Glyph::of_lane(palette::SERIES_COLORS), Glyph::Square);
        let mut t = crate::formats::builtin().unwrap();
        t.lanes = (0..9)
            .map(|k| crate::model::Lane {
                id: format!("l{k}"),
                label: format!("Lane {k}"),
            })
            .collect();
        t.events[0].lane = crate::model::LaneId(8);
        let fig = layout_all(&t, &options(1200)).unwrap();
        assert_eq!(fig.legend[8].glyph, Glyph::Square);
        assert_eq!(fig.legend[8].color, fig.legend[1].color);
        assert!(fig.marks.iter().any(|m| m.glyph == Glyph::Square));
    }

    #[test]
    fn texts_are_cut_to_their_room_and_safe_for_xml() {
        assert_eq!(fit("short", 500.0, 12.0), "short");
        let long = "a".repeat(10_000_000);
        let cut = fit(&long, 200.0, 12.0);
        assert!(text_width(&cut, 12.0) <= 200.0);
        assert!(cut.ends_with(elide::ELLIPSIS));
        assert_eq!(fit("a\u{1}b\u{FFFF}", 500.0, 12.0), "a b ");
        assert_eq!(fit("anything", 2.0, 12.0), "");
        // East Asian text is measured a full em a character.
        assert!(text_width("北京", 10.0) >= 20.0);
    }
}
