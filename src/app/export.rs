//! Giving the data back from the window: the timeline as dateline JSON or CSV, and the timeline area as a
//! PNG picture. Every write goes through [`formats::write_atomic`], so a crash never leaves a half-written
//! file. Cropping and PNG encoding are pure functions, tested without a window.

use std::path::Path;

use egui::{Color32, ColorImage, Rect};

use crate::formats;
use crate::model::Timeline;

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The timeline as dateline JSON.
    Json,
    /// The timeline as dateline CSV.
    Csv,
    /// The timeline area as a PNG picture.
    Png,
    /// The timeline as a `TimelineJS` 3 file, to publish on the web.
    TimelineJs,
    /// The timeline as a Markwhen text file.
    Markwhen,
    /// A figure of the whole timeline (or the visible range) as SVG.
    FigureSvg(FigureChoice),
    /// A figure of the whole timeline (or the visible range) as PNG.
    FigurePng(FigureChoice),
}

/// What a figure export draws: how wide, and whether only the visible range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureChoice {
    /// The width in pixels.
    pub width: u32,
    /// Only the range on screen, rather than the whole timeline.
    pub visible_only: bool,
}

impl Default for FigureChoice {
    fn default() -> Self {
        Self {
            width: crate::figure::DEFAULT_WIDTH,
            visible_only: false,
        }
    }
}

/// The widths the File menu offers for figures, in pixels.
pub const FIGURE_WIDTHS: [u32; 5] = [1000, 1600, 2400, 3200, 4800];

/// Lays out the figure of `timeline` (the events `index` holds) and makes its SVG text: quick, done on the
/// thread that asked. Rendering a PNG and writing are left to [`write_figure`].
pub fn figure_svg(
    timeline: &Timeline,
    index: &crate::view::index::EventIndex,
    options: &crate::figure::FigureOptions,
    path: &Path,
) -> Result<(String, (f32, f32)), String> {
    let figure = crate::figure::layout(timeline, index, options)
        .map_err(|e| format!("{}: nothing written: {e}", path.display()))?;
    Ok((
        crate::figure::svg::to_string(&figure),
        (figure.width, figure.height),
    ))
}

/// Writes a figure's SVG text to `path` as SVG, or as PNG rendered from it (`png`), atomically. Returns a
/// one-line message for the person, naming the file either way.
pub fn write_figure(
    svg: String,
    size: (f32, f32),
    png: bool,
    path: &Path,
) -> Result<String, String> {
    let (bytes, name) = if png {
        let bytes = crate::figure::raster::render_png(&svg)
            .map_err(|e| format!("{}: nothing written: {e}", path.display()))?;
        (bytes, "PNG figure")
    } else {
        (svg.into_bytes(), "SVG figure")
    };
    formats::write_atomic(path, &bytes)
        .map_err(|e| format!("{}: cannot write the file: {e}", path.display()))?;
    Ok(format!(
        "Wrote {} ({name}, {}×{} pixels)",
        path.display(),
        size.0,
        size.1
    ))
}

impl ExportKind {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json | Self::TimelineJs => "json",
            Self::Csv => "csv",
            Self::Markwhen => "mw",
            Self::Png | Self::FigurePng(_) => "png",
            Self::FigureSvg(_) => "svg",
        }
    }

    /// What is added to a proposed file name that would otherwise be the open file's own.
    fn suffix(self) -> &'static str {
        match self {
            Self::Json | Self::Csv | Self::Markwhen => "dateline",
            Self::Png => "view",
            Self::TimelineJs => "timelinejs",
            Self::FigureSvg(_) | Self::FigurePng(_) => "figure",
        }
    }

    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "dateline JSON",
            Self::Csv => "dateline CSV",
            Self::Png => "PNG picture",
            Self::TimelineJs => "TimelineJS",
            Self::Markwhen => "Markwhen",
            Self::FigureSvg(_) => "SVG figure",
            Self::FigurePng(_) => "PNG figure",
        }
    }
}

/// Writes the timeline to `path` as dateline JSON, CSV, `TimelineJS` or Markwhen, atomically (`today` ends
/// the spans still going on, for `TimelineJS`). Returns a one-line message for the person, naming the file
/// either way.
pub fn write_timeline(
    timeline: &Timeline,
    kind: ExportKind,
    path: &Path,
    today: chrono::NaiveDate,
) -> Result<String, String> {
    // Each event is converted only while it is written, so an export holds no second copy of the timeline.
    let timelinejs =
        |t: &Timeline, out: &mut dyn std::io::Write| formats::timelinejs::write_to(t, today, out);
    let write: &dyn Fn(&Timeline, &mut dyn std::io::Write) -> std::io::Result<()> = match kind {
        ExportKind::Json => &formats::native::write_to,
        ExportKind::Csv => &formats::write_csv_to,
        ExportKind::TimelineJs => &timelinejs,
        ExportKind::Markwhen => &formats::markwhen::write_to,
        ExportKind::Png | ExportKind::FigureSvg(_) | ExportKind::FigurePng(_) => {
            return Err(format!(
                "{}: a timeline is written as JSON or CSV; a PNG is a picture of the view",
                path.display()
            ));
        }
    };
    formats::write_atomic_with(path, &mut |out| write(timeline, out))
        .map_err(|e| format!("{}: cannot write the file: {e}", path.display()))?;
    Ok(format!(
        "Wrote {} ({}): {} events, {} periods",
        path.display(),
        kind.name(),
        timeline.events.len(),
        timeline.periods.len()
    ))
}

/// The part of `image` inside `rect` (in points; `pixels_per_point` converts), clamped to the image.
/// `None` when nothing of the rectangle is inside the image.
pub fn crop(image: &ColorImage, rect: Rect, pixels_per_point: f32) -> Option<ColorImage> {
    let [width, height] = image.size;
    let to_px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (to_px(rect.min.x, width), to_px(rect.max.x, width));
    let (y0, y1) = (to_px(rect.min.y, height), to_px(rect.max.y, height));
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for row in y0..y1 {
        pixels.extend_from_slice(image.pixels.get(row * width + x0..row * width + x1)?);
    }
    Some(ColorImage::new([x1 - x0, y1 - y0], pixels))
}

/// Encodes an image as an 8-bit RGBA PNG.
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, png::EncodingError> {
    let [width, height] = image.size;
    let too_big = |_| png::EncodingError::LimitsExceeded;
    let width = u32::try_from(width).map_err(too_big)?;
    let height = u32::try_from(height).map_err(too_big)?;
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        let data: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(Color32::to_srgba_unmultiplied)
            .collect();
        writer.write_image_data(&data)?;
        writer.finish()?;
    }
    Ok(bytes)
}

/// Crops a screenshot to the timeline area, encodes it and writes it to `path` atomically. Returns a
/// one-line message for the person, naming the file either way.
pub fn write_png(
    screenshot: &ColorImage,
    rect: Rect,
    pixels_per_point: f32,
    path: &Path,
) -> Result<String, String> {
    let image = crop(screenshot, rect, pixels_per_point).ok_or_else(|| {
        format!(
            "{}: the timeline area was not on the screenshot; nothing written",
            path.display()
        )
    })?;
    let bytes = encode_png(&image)
        .map_err(|e| format!("{}: cannot encode the picture: {e}", path.display()))?;
    formats::write_atomic(path, &bytes)
        .map_err(|e| format!("{}: cannot write the file: {e}", path.display()))?;
    Ok(format!(
        "Wrote {} (PNG picture, {}×{} pixels)",
        path.display(),
        image.size[0],
        image.size[1]
    ))
}

/// The name the built-in dataset's exports are proposed under, without extension.
pub const BUILTIN_EXPORT_STEM: &str = "kazakhstan-us";

/// The file name a save dialog proposes for an export of the timeline read from `open_file` (`None` for
/// the built-in dataset): the open file's name with the export's extension, but never the open file's own
/// name, so accepting the proposal cannot replace what was opened.
pub fn proposed_export_name(open_file: Option<&Path>, kind: ExportKind) -> String {
    let extension = kind.extension();
    let Some(open_file) = open_file else {
        return format!("{BUILTIN_EXPORT_STEM}.{extension}");
    };
    let stem = open_file.file_stem().map_or_else(
        || "timeline".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    let proposed = format!("{stem}.{extension}");
    let own = open_file
        .file_name()
        .is_some_and(|name| name.to_string_lossy().eq_ignore_ascii_case(&proposed));
    if own {
        format!("{stem}-{}.{extension}", kind.suffix())
    } else {
        proposed
    }
}

/// Whether `a` and `b` name the same file: the same path once links and `..` are resolved, or the same
/// spelling when either cannot be resolved (a file that does not exist yet is not the same as any other).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

/// `path`, with `.extension` added when it has no extension.
pub fn with_extension(path: &Path, extension: &str) -> std::path::PathBuf {
    if path.extension().is_some() {
        path.to_owned()
    } else {
        path.with_extension(extension)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    /// A 4×3 image whose pixel at (x, y) has red = x and green = y.
    fn gradient() -> ColorImage {
        let pixels = (0..3_u8)
            .flat_map(|y| (0..4_u8).map(move |x| Color32::from_rgb(x, y, 200)))
            .collect();
        ColorImage::new([4, 3], pixels)
    }

    fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut data = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut data).unwrap();
        data.truncate(info.buffer_size());
        (info.width, info.height, data)
    }

    #[test]
    fn a_png_decodes_back_to_the_same_pixels() {
        let image = gradient();
        let bytes = encode_png(&image).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let (w, h, data) = decode(&bytes);
        assert_eq!((w, h), (4, 3));
        let expected: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(Color32::to_srgba_unmultiplied)
            .collect();
        assert_eq!(data, expected);
    }

    #[test]
    fn crop_takes_the_rect_in_points_and_clamps_to_the_image() {
        let image = gradient();
        // At 2 pixels per point, points (0.5, 0.5)–(1.5, 1.5) are pixels (1, 1)–(3, 3).
        let part = crop(
            &image,
            Rect::from_min_max(pos2(0.5, 0.5), pos2(1.5, 1.5)),
            2.0,
        )
        .unwrap();
        assert_eq!(part.size, [2, 2]);
        assert_eq!(part.pixels[0], Color32::from_rgb(1, 1, 200));
        assert_eq!(part.pixels[3], Color32::from_rgb(2, 2, 200));
        // Past the edges: clamped.
        let part = crop(
            &image,
            Rect::from_min_max(pos2(2.0, -5.0), pos2(50.0, 50.0)),
            1.0,
        )
        .unwrap();
        assert_eq!(part.size, [2, 3]);
        assert_eq!(part.pixels[0], Color32::from_rgb(2, 0, 200));
        // Nothing inside.
        assert!(
            crop(
                &image,
                Rect::from_min_max(pos2(10.0, 0.0), pos2(20.0, 2.0)),
                1.0
            )
            .is_none()
        );
    }

    #[test]
    fn exports_are_written_atomically_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let timeline = crate::formats::builtin().unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        for kind in [
            ExportKind::Json,
            ExportKind::Csv,
            ExportKind::TimelineJs,
            ExportKind::Markwhen,
        ] {
            let path = dir
                .path()
                .join(format!("out-{}.{}", kind.suffix(), kind.extension()));
            let message = write_timeline(&timeline, kind, &path, today).unwrap();
            assert!(message.contains("out-"), "{message}");
            assert!(message.contains(kind.name()), "{message}");
            let back = crate::formats::load_path(&path).unwrap();
            assert_eq!(back.events.len(), timeline.events.len(), "{}", kind.name());
            let dates = |t: &Timeline| t.events.iter().map(|e| e.when).collect::<Vec<_>>();
            assert_eq!(dates(&back), dates(&timeline), "{}", kind.name());
        }
        let png_path = dir.path().join("view.png");
        let message = write_png(
            &gradient(),
            Rect::from_min_max(pos2(1.0, 1.0), pos2(3.0, 3.0)),
            1.0,
            &png_path,
        )
        .unwrap();
        assert!(message.contains("2×2"), "{message}");
        let (w, h, _) = decode(&std::fs::read(&png_path).unwrap());
        assert_eq!((w, h), (2, 2));
        // No temporary files are left beside them.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| Path::new(n).extension().is_none_or(|e| e != "tmp")),
            "{names:?}"
        );
        // A folder that does not exist: a message naming the file.
        let missing = dir.path().join("no/such/dir/out.json");
        let err = write_timeline(
            &timeline,
            ExportKind::Json,
            &missing,
            chrono::NaiveDate::MIN,
        )
        .unwrap_err();
        assert!(err.contains("out.json"), "{err}");
    }

    #[test]
    fn the_proposed_name_is_never_the_open_files_own() {
        assert_eq!(
            proposed_export_name(None, ExportKind::Json),
            "kazakhstan-us.json"
        );
        assert_eq!(
            proposed_export_name(None, ExportKind::Png),
            "kazakhstan-us.png"
        );
        let tljs = Path::new("/data/story.json");
        assert_eq!(
            proposed_export_name(Some(tljs), ExportKind::Json),
            "story-dateline.json"
        );
        assert_eq!(
            proposed_export_name(Some(tljs), ExportKind::Csv),
            "story.csv"
        );
        let sheet = Path::new("/data/Sheet.CSV");
        assert_eq!(
            proposed_export_name(Some(sheet), ExportKind::Csv),
            "Sheet-dateline.csv"
        );
        assert_eq!(
            proposed_export_name(Some(sheet), ExportKind::Json),
            "Sheet.json"
        );
    }

    #[test]
    fn the_same_file_is_found_through_links_and_other_spellings() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.json");
        std::fs::write(&file, "{}").unwrap();
        let other = dir.path().join("u.json");
        std::fs::write(&other, "{}").unwrap();
        assert!(same_file(&file, &dir.path().join(".").join("t.json")));
        assert!(!same_file(&file, &other));
        assert!(!same_file(&file, &dir.path().join("new.json")));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert!(same_file(&file, &link));
        }
    }

    #[test]
    fn a_missing_extension_is_added() {
        assert_eq!(
            with_extension(Path::new("a/b"), "csv"),
            Path::new("a/b.csv")
        );
        assert_eq!(
            with_extension(Path::new("a/b.txt"), "csv"),
            Path::new("a/b.txt")
        );
    }
}
