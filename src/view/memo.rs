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

/// A number that changes whenever egui drops the text it has laid out (its glyph atlas filled up, or the
/// text options changed): a kept galley would then point into an atlas that is gone, so it belongs in the
/// key of anything holding galleys. Found by laying out one small probe text each frame, which egui keeps
/// while it is used: a different galley than last frame's means egui started afresh.
pub fn text_generation(painter: &egui::Painter) -> u64 {
    /// Last frame's probe, held so its memory cannot be reused by the next one.
    #[derive(Clone)]
    struct Probe {
        galley: Arc<egui::Galley>,
        generation: u64,
    }
    let id = egui::Id::unique("dateline-text-generation");
    let galley = painter.layout_no_wrap(
        "0".to_owned(),
        egui::FontId::proportional(10.0),
        egui::Color32::WHITE,
    );
    let ctx = painter.ctx();
    let generation = match ctx.data(|d| d.get_temp::<Probe>(id)) {
        Some(probe) if Arc::ptr_eq(&probe.galley, &galley) => return probe.generation,
        Some(probe) => probe.generation + 1,
        None => 0,
    };
    ctx.data_mut(|d| d.insert_temp(id, Probe { galley, generation }));
    generation
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
    fn keys_tell_float_bits_apart() {
        assert_ne!(
            key_of((0.1f64).to_bits()),
            key_of((0.1f64 + 1e-15).to_bits())
        );
        assert_eq!(key_of((1u64, 2u32)), key_of((1u64, 2u32)));
    }
}
