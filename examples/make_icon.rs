//! Renders the app's icon, `assets/dateline.svg`, to the PNG the window and the desktop file use
//! (`assets/dateline.png`, 256×256), with the same renderer as the figure export:
//! `cargo run --example make_icon`.

fn main() -> anyhow::Result<()> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let svg = std::fs::read_to_string(root.join("dateline.svg"))?;
    let png = dateline::figure::raster::render_png(&svg)?;
    dateline::formats::write_atomic(&root.join("dateline.png"), &png)?;
    println!(
        "wrote {} ({} bytes)",
        root.join("dateline.png").display(),
        png.len()
    );
    Ok(())
}
