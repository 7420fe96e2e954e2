//! A figure rendered to PNG: its own SVG, rendered by `resvg` with the system's fonts, so the PNG and the
//! SVG are the same drawing.

use std::sync::{Arc, OnceLock};

use super::FigureError;

/// The most pixels a PNG export makes (a 20,000-pixel-wide figure 10,000 pixels high).
pub const MAX_PIXELS: u64 = 200_000_000;

/// The system's fonts, found once per process (it takes a moment).
fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        db.set_sans_serif_family("Noto Sans");
        Arc::new(db)
    }))
}

/// Renders an SVG document to PNG bytes at its own size (one pixel a user unit).
pub fn render_png(svg: &str) -> Result<Vec<u8>, FigureError> {
    let options = resvg::usvg::Options {
        fontdb: fonts(),
        ..resvg::usvg::Options::default()
    };
    // The renderer's text layout has been seen to panic on some mixes of scripts: that is an error
    // about this figure, not the end of the program.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        resvg::usvg::Tree::from_str(svg, &options)
    }))
    .map_err(|_| FigureError::Render("the renderer failed on the figure's text".to_owned()))?;
    let tree = parsed.map_err(|e| FigureError::Render(e.to_string()))?;
    let size = tree.size().to_int_size();
    let (w, h) = (size.width(), size.height());
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(FigureError::TooLarge(w, h));
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).ok_or(FigureError::TooLarge(w, h))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| FigureError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_renders_to_a_png_of_its_width() {
        let t = crate::formats::builtin().unwrap();
        let fig = super::super::layout_all(
            &t,
            &super::super::FigureOptions {
                width: 900,
                range: None,
                today: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            },
        )
        .unwrap();
        let png = render_png(&super::super::svg::to_string(&fig)).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let reader = decoder.read_info().unwrap();
        assert_eq!(reader.info().width, 900);
        assert_eq!(reader.info().height, fig.height as u32);
    }

    #[test]
    fn a_broken_svg_is_an_error_not_a_panic() {
        assert!(matches!(render_png("<svg"), Err(FigureError::Render(_))));
    }
}
