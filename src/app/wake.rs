//! Waking the window from other threads: the loader and the file watcher call a [`Wake`] when they have
//! news, and the app's closure asks egui for a repaint. Nothing polls, so an idle window paints nothing.

use std::sync::{Arc, Mutex};

pub use crate::document::Wake;

/// The egui context to repaint, shared with the background threads. The app sets it on every frame, so a
/// context that changes (as in tests that build the app before its window) is followed.
#[derive(Clone, Default)]
pub struct RepaintHandle(Arc<Mutex<Option<egui::Context>>>);

impl std::fmt::Debug for RepaintHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RepaintHandle")
    }
}

impl RepaintHandle {
    /// Remembers the context to repaint, when it is not the one already remembered.
    pub fn set(&self, ctx: &egui::Context) {
        if let Ok(mut slot) = self.0.lock()
            && slot.as_ref() != Some(ctx)
        {
            *slot = Some(ctx.clone());
        }
    }

    /// The remembered context.
    pub fn ctx(&self) -> Option<egui::Context> {
        self.0.lock().ok().and_then(|slot| slot.clone())
    }

    /// Asks for a repaint, when a context is known.
    pub fn repaint(&self) {
        if let Some(ctx) = self.ctx() {
            ctx.request_repaint();
        }
    }

    /// A [`Wake`] that asks for a repaint.
    pub fn wake(&self) -> Wake {
        let handle = self.clone();
        Arc::new(move || handle.repaint())
    }
}
