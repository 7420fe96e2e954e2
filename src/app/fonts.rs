//! Fonts for every script the machine can show. egui's built-in fonts cover Latin, Greek, Cyrillic and
//! emoji; for any other character (Chinese, Japanese, Arabic, Hebrew, Devanagari, Thai…) the system's own
//! font fallback is asked for a font that has it, so a title is drawn in its script rather than as boxes.

use std::sync::{Arc, OnceLock};

use egui_system_font_provider::SystemFontProvider;

/// One provider for the whole process: it enumerates the system's fonts once, on a thread of its own.
fn provider() -> Arc<SystemFontProvider> {
    static PROVIDER: OnceLock<Arc<SystemFontProvider>> = OnceLock::new();
    Arc::clone(PROVIDER.get_or_init(|| Arc::new(SystemFontProvider::new())))
}

/// Lets `ctx` take glyphs its fonts lack from the system's fonts.
pub fn install(ctx: &egui::Context) {
    ctx.add_font_provider(provider());
}
