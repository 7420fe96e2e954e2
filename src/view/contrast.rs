//! Contrast as WCAG 2 measures it, and the themes' text colours made to meet it: every text reads at
//! least 4.5:1 (level AA) on the backgrounds it is drawn on, in the dark and the light theme alike.

use egui::{Color32, Visuals};

/// The least contrast of text with its background (WCAG 2, level AA, normal text).
pub const TEXT_CONTRAST: f32 = 4.5;

/// The relative luminance of an opaque colour (WCAG 2).
pub fn luminance(c: Color32) -> f32 {
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

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white). A translucent colour is
/// taken as drawn over `b`.
pub fn ratio(a: Color32, b: Color32) -> f32 {
    let a = over(a, b);
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `top` drawn over the opaque `bottom`.
pub fn over(top: Color32, bottom: Color32) -> Color32 {
    let [red, green, blue, alpha] = top.to_srgba_unmultiplied();
    if alpha == 255 {
        return Color32::from_rgb(red, green, blue);
    }
    let share = f32::from(alpha) / 255.0;
    let mix = |x: u8, y: u8| (f32::from(x) * share + f32::from(y) * (1.0 - share)).round() as u8;
    Color32::from_rgb(
        mix(red, bottom.r()),
        mix(green, bottom.g()),
        mix(blue, bottom.b()),
    )
}

/// `color`, darkened (on a light background) or lightened (on a dark one) in small steps until it reads at
/// least `target`:1 on every one of `backgrounds`, keeping its hue; unchanged when it already does.
pub fn readable_on(color: Color32, backgrounds: &[Color32], target: f32) -> Color32 {
    let Some(&first) = backgrounds.first() else {
        return color;
    };
    let towards = if luminance(first) > 0.18 {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    let mut c = over(color, first);
    for step in 0..=20 {
        if backgrounds.iter().all(|&b| ratio(c, b) >= target) {
            return c;
        }
        let t = step as f32 / 20.0;
        c = lerp(over(color, first), towards, t);
    }
    towards
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

/// The backgrounds text is drawn on in a theme: panels, windows, text fields and the plot, and the
/// alternate lanes' faint band over the plot.
pub fn backgrounds(visuals: &Visuals) -> Vec<Color32> {
    let extreme = visuals.extreme_bg_color;
    vec![
        visuals.panel_fill,
        visuals.window_fill,
        extreme,
        over(visuals.faint_bg_color, extreme),
        over(visuals.faint_bg_color, visuals.panel_fill),
    ]
}

/// egui's visuals for the dark or light theme with every text colour made to read at
/// [`TEXT_CONTRAST`] on the theme's backgrounds (egui's weak text in the light theme is about 2.9:1).
pub fn visuals(dark: bool) -> Visuals {
    let mut v = if dark {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    let bgs = backgrounds(&v);
    let fix = |c: Color32| readable_on(c, &bgs, TEXT_CONTRAST);
    v.weak_text_color = Some(fix(v.weak_text_color()));
    v.hyperlink_color = fix(v.hyperlink_color);
    v.warn_fg_color = fix(v.warn_fg_color);
    v.error_fg_color = fix(v.error_fg_color);
    for w in [
        &mut v.widgets.noninteractive,
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.fg_stroke.color = fix(w.fg_stroke.color);
    }
    v
}

/// The text colours of a theme, named, for the test that checks each of them.
pub fn text_colors(visuals: &Visuals) -> Vec<(&'static str, Color32)> {
    vec![
        ("text", visuals.text_color()),
        ("weak text", visuals.weak_text_color()),
        ("strong text", visuals.strong_text_color()),
        ("link", visuals.hyperlink_color),
        ("warning", visuals.warn_fg_color),
        ("error", visuals.error_fg_color),
        ("button text", visuals.widgets.inactive.fg_stroke.color),
        ("label text", visuals.widgets.noninteractive.fg_stroke.color),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ratio_is_wcags() {
        assert!((ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
        // WCAG's own example: #767676 on white is 4.54:1.
        assert!((ratio(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn egui_s_light_weak_text_is_too_faint_and_ours_is_not() {
        let stock = Visuals::light();
        let stock_weak = ratio(stock.weak_text_color(), stock.panel_fill);
        assert!(stock_weak < TEXT_CONTRAST, "{stock_weak}");
        let ours = visuals(false);
        assert!(ratio(ours.weak_text_color(), ours.panel_fill) >= TEXT_CONTRAST);
    }

    #[test]
    fn every_text_reads_on_every_background_in_both_themes() {
        for dark in [true, false] {
            let v = visuals(dark);
            for (name, color) in text_colors(&v) {
                for bg in backgrounds(&v) {
                    let r = ratio(color, bg);
                    assert!(
                        r >= TEXT_CONTRAST,
                        "{name} {color:?} on {bg:?}: {r:.2}:1 (dark theme: {dark})"
                    );
                }
            }
        }
    }

    #[test]
    fn readable_on_keeps_what_already_reads_and_fixes_what_does_not() {
        let white = [Color32::WHITE];
        assert_eq!(
            readable_on(Color32::BLACK, &white, TEXT_CONTRAST),
            Color32::BLACK
        );
        let orange = Color32::from_rgb(0xE6, 0x9F, 0x00);
        let fixed = readable_on(orange, &white, TEXT_CONTRAST);
        assert!(ratio(fixed, Color32::WHITE) >= TEXT_CONTRAST);
        // Still an orange: red above green above blue.
        assert!(fixed.r() > fixed.g() && fixed.g() > fixed.b(), "{fixed:?}");
        let dark = [Color32::from_gray(10)];
        let blue = Color32::from_rgb(0x00, 0x20, 0x60);
        assert!(ratio(readable_on(blue, &dark, TEXT_CONTRAST), dark[0]) >= TEXT_CONTRAST);
    }
}
