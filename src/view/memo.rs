//! Keeping what a frame computed for the next frame while its inputs stay the same: marks, label places
//! and overview ticks depend only on the index and the view, so frames that only hover, animate or repaint
//! reuse them instead of clustering a million events again.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A value computed for one key, kept in egui's per-widget temporary storage.
struct Memo<T> {
    key: u64,
    value: Arc<T>,
}

impl<T> Clone for Memo<T> {
    fn clone(&self) -> Self {
        Self {
            key: self.key,
            value: Arc::clone(&self.value),
        }
    }
}

/// The value stored under `id` when it was computed for `key`; otherwise `compute()`, stored for next
/// time. One value per `id`: a new key replaces the old one.
pub fn memoized<T: Send + Sync + 'static>(
    ctx: &egui::Context,
    id: egui::Id,
    key: u64,
    compute: impl FnOnce() -> T,
) -> Arc<T> {
    if let Some(memo) = ctx.data(|d| d.get_temp::<Memo<T>>(id))
        && memo.key == key
    {
        return memo.value;
    }
    let value = Arc::new(compute());
    ctx.data_mut(|d| {
        d.insert_temp(
            id,
            Memo {
                key,
                value: Arc::clone(&value),
            },
        );
    });
    value
}

/// Last frame's probe of egui's text (see [`text_generation`]), held so its memory cannot be reused by the
/// next one.
#[derive(Clone)]
struct Probe {
    galley: Arc<egui::Galley>,
    /// The glyph atlas's size in texels when the probe was taken.
    atlas: [usize; 2],
    generation: u64,
    /// The pass it was taken in.
    pass: u64,
}

/// Where the probe is kept.
fn probe_id() -> egui::Id {
    egui::Id::unique("dateline-text-generation")
}

/// A number that changes whenever what egui has laid out stops matching its glyph atlas, so it belongs in
/// the key of anything holding galleys or meshes of text:
/// - egui dropped its text (the atlas filled up, or the text options changed): a kept galley would point
///   into an atlas that is gone. Found by laying out one small probe text each frame, which egui keeps while
///   it is used: a different galley than last frame's means egui started afresh.
/// - the atlas grew: a baked mesh's texture coordinates are fractions of the atlas's size, and would now
///   show the wrong part of it.
pub fn text_generation(painter: &egui::Painter) -> u64 {
    let galley = painter.layout_no_wrap(
        "0".to_owned(),
        egui::FontId::proportional(10.0),
        egui::Color32::WHITE,
    );
    let ctx = painter.ctx();
    let atlas = atlas_size(ctx);
    let generation = match ctx.data(|d| d.get_temp::<Probe>(probe_id())) {
        Some(probe) if Arc::ptr_eq(&probe.galley, &galley) && probe.atlas == atlas => {
            probe.generation
        }
        Some(probe) => probe.generation + 1,
        None => 0,
    };
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| {
        d.insert_temp(
            probe_id(),
            Probe {
                galley,
                atlas,
                generation,
                pass,
            },
        );
    });
    generation
}

/// The glyph atlas's size in texels.
#[expect(
    clippy::redundant_closure_for_method_calls,
    reason = "the method path does not satisfy the reader's lifetime bound"
)]
fn atlas_size(ctx: &egui::Context) -> [usize; 2] {
    ctx.fonts(|f| f.font_image_size())
}

/// Whether the glyph atlas has grown since [`text_generation`] looked in this pass: text laid out later in
/// the same frame can do that, and what was baked before it then needs another frame, which makes it
/// again. False in a pass that did not look, so a frame without kept drawings never asks for another.
pub fn atlas_grew_since_generation(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<Probe>(probe_id()))
        .is_some_and(|probe| {
            probe.pass == ctx.cumulative_pass_nr() && probe.atlas != atlas_size(ctx)
        })
}

/// A key made of everything a computation depends on (floats by their bits, so any change counts).
pub fn key_of(parts: impl Hash) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_reused_for_the_same_key_and_recomputed_for_another() {
        let ctx = egui::Context::default();
        let id = egui::Id::unique("memo-test");
        let mut runs = 0;
        let a = memoized(&ctx, id, 1, || {
            runs += 1;
            vec![1, 2, 3]
        });
        let b = memoized(&ctx, id, 1, || {
            runs += 1;
            vec![9]
        });
        assert_eq!(runs, 1);
        assert!(Arc::ptr_eq(&a, &b));
        let c = memoized(&ctx, id, 2, || {
            runs += 1;
            vec![4]
        });
        assert_eq!((runs, c.as_slice()), (2, [4].as_slice()));
    }

    #[test]
    fn the_text_generation_holds_across_frames_and_changes_when_egui_starts_afresh() {
        let ctx = egui::Context::default();
        let frame = || {
            let mut generation = 0;
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                generation = text_generation(ui.painter());
            });
            output.textures_delta.clear();
            generation
        };
        let first = frame();
        assert_eq!(frame(), first);
        assert_eq!(frame(), first);
        // New text options (here a new scale) make egui drop every galley.
        ctx.set_pixels_per_point(2.0);
        let _ = frame();
        let after = frame();
        assert_ne!(after, first);
        assert_eq!(frame(), after);
    }

    #[test]
    fn the_text_generation_changes_when_the_glyph_atlas_grows() {
        let ctx = egui::Context::default();
        let fill_atlas = |ctx: &egui::Context| {
            let text: String = ('A'..='Z').chain('a'..='z').collect();
            ctx.fonts_mut(|f| {
                f.layout_no_wrap(text, egui::FontId::proportional(90.0), egui::Color32::WHITE)
            });
        };
        // A frame's text generation, and whether the atlas grew after it was taken.
        let frame = |grow_late: bool| {
            let (mut generation, mut grew) = (0, false);
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                generation = text_generation(ui.painter());
                assert!(!atlas_grew_since_generation(ui.ctx()));
                if grow_late {
                    fill_atlas(ui.ctx());
                    grew = atlas_grew_since_generation(ui.ctx());
                }
            });
            output.textures_delta.clear();
            (generation, grew)
        };
        let (first, _) = frame(false);
        assert_eq!(frame(false), (first, false));
        // Text laid out after the probe grows the atlas: that frame knows, and the next one has a new
        // generation.
        assert_eq!(frame(true), (first, true));
        let (after, _) = frame(false);
        assert_ne!(after, first);
        assert_eq!(frame(false), (after, false));
        // A frame that keeps no drawings (takes no probe) never asks for another, whatever grows.
        let (mut asked, mut grew) = (true, false);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let before = atlas_size(ui.ctx());
            let text: String = ('A'..='Z').chain('a'..='z').collect();
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(text, egui::FontId::monospace(150.0), egui::Color32::WHITE)
            });
            grew = atlas_size(ui.ctx()) != before;
            asked = atlas_grew_since_generation(ui.ctx());
        });
        output.textures_delta.clear();
        assert!(grew, "the atlas grew");
        assert!(!asked);
    }

    #[test]
    fn keys_tell_float_bits_apart() {
        assert_ne!(
            key_of((0.1f64).to_bits()),
            key_of((0.1f64 + 1e-15).to_bits())
        );
        assert_eq!(key_of((1u64, 2u32)), key_of((1u64, 2u32)));
    }
}
