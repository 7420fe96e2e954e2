//! The app's identity on the desktop: its app id (the X11 `WM_CLASS` and the Wayland app id, which a
//! launcher matches to `dateline.desktop`) and its window icon, `assets/dateline.png`, built into the
//! binary.

/// The app id: the name of the desktop file and of the icon, without extension.
pub const APP_ID: &str = "dateline";

/// The icon's PNG (256×256, drawn from `assets/dateline.svg` by `cargo run --example make_icon`).
const ICON_PNG: &[u8] = include_bytes!("../../assets/dateline.png");

/// The window icon, decoded; `None` if it cannot be read (the window then has the system's default).
pub fn icon() -> Option<egui::IconData> {
    let decoder = png::Decoder::new(std::io::Cursor::new(ICON_PNG));
    let mut reader = decoder.read_info().ok()?;
    let mut data = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut data).ok()?;
    data.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => data,
        png::ColorType::Rgb => data
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        _ => return None,
    };
    (info.bit_depth == png::BitDepth::Eight).then_some(egui::IconData {
        rgba,
        width: info.width,
        height: info.height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_decodes_to_a_square_rgba_image() {
        let icon = icon().expect("the built-in icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Not blank: the corners are transparent and the middle is drawn.
        assert_eq!(icon.rgba[3], 0);
        let middle = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[middle + 3], 255);
    }

    #[test]
    fn the_desktop_file_names_the_app_id_and_its_icon() {
        let desktop = include_str!("../../assets/dateline.desktop");
        assert!(desktop.starts_with("[Desktop Entry]\n"));
        for line in [
            "Type=Application",
            "Exec=dateline %f",
            &format!("Icon={APP_ID}"),
            &format!("StartupWMClass={APP_ID}"),
        ] {
            assert!(desktop.lines().any(|l| l == line), "{line} missing");
        }
    }
}
