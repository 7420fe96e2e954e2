//! Shapes tessellated once and kept as triangle meshes. egui tessellates every shape on every frame: a
//! rounded rectangle with an outline costs a few microseconds, and hundreds of cluster pills and bars cost
//! most of a frame that only hovers. Kept drawings (see [`super::memo`]) are baked when they are made, so
//! later frames only copy their vertices.

use std::sync::Arc;

use egui::epaint::{ClippedShape, Primitive};
use egui::{Galley, Rect, Shape};

/// Shapes baked into meshes.
#[derive(Default)]
pub struct Baked {
    /// The meshes, to paint.
    pub meshes: Vec<Shape>,
    /// The laid-out texts the meshes show, held as long as the meshes. egui's cache lets go of a text not
    /// laid out in a frame: freeing hundreds of them would fall on the first frame that reuses the meshes,
    /// rather than on the frame that replaces them, which lays out text anyway.
    _texts: Vec<Arc<Galley>>,
}

/// `shapes`, clipped to `clip`, as the meshes egui would make of them this frame: the same triangles, the
/// same anti-aliasing for the current pixels per point, the same glyphs from the current font atlas. Keep
/// the result only while those stay the same (the atlas: [`super::memo::text_generation`]).
pub fn bake(ctx: &egui::Context, clip: Rect, shapes: Vec<Shape>) -> Baked {
    if shapes.is_empty() {
        return Baked::default();
    }
    let texts = shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text(text) => Some(Arc::clone(&text.galley)),
            _ => None,
        })
        .collect();
    let clipped = shapes
        .into_iter()
        .map(|shape| ClippedShape::new(clip, shape))
        .collect();
    let meshes = ctx
        .tessellate(clipped, ctx.pixels_per_point())
        .into_iter()
        .filter_map(|clipped| match clipped.primitive {
            Primitive::Mesh(mesh) if !mesh.is_empty() => Some(Shape::mesh(mesh)),
            Primitive::Mesh(_) | Primitive::Callback(_) => None,
        })
        .collect();
    Baked {
        meshes,
        _texts: texts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, FontId, Stroke, StrokeKind, pos2, vec2};

    /// Runs `f` inside a frame of a fresh context, as the timeline does.
    fn in_frame(f: impl FnOnce(&egui::Context)) {
        let ctx = egui::Context::default();
        let mut f = Some(f);
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            if let Some(f) = f.take() {
                f(ui.ctx());
            }
        });
        out.textures_delta.clear();
    }

    #[test]
    fn baked_shapes_cover_what_the_shapes_cover() {
        in_frame(|ctx| {
            let pill = Rect::from_min_size(pos2(10.0, 10.0), vec2(40.0, 14.0));
            let galley = ctx.fonts_mut(|f| {
                f.layout_no_wrap("1,234".into(), FontId::proportional(11.0), Color32::WHITE)
            });
            let shapes = vec![
                Shape::rect_filled(pill, 7.0, Color32::GRAY),
                Shape::rect_stroke(
                    pill,
                    7.0,
                    Stroke::new(1.0, Color32::RED),
                    StrokeKind::Inside,
                ),
                Shape::galley(pos2(14.0, 11.0), galley, Color32::WHITE),
            ];
            let wanted = Shape::Vec(shapes.clone()).visual_bounding_rect();
            let baked = bake(ctx, Rect::EVERYTHING, shapes).meshes;
            assert!(!baked.is_empty());
            assert!(baked.iter().all(|s| matches!(s, Shape::Mesh(_))));
            let got = Shape::Vec(baked).visual_bounding_rect();
            // Anti-aliasing adds at most a pixel's feathering around the edges.
            assert!(
                got.expand(0.01).contains_rect(wanted),
                "{got:?} vs {wanted:?}"
            );
            assert!(
                wanted.expand(1.01).contains_rect(got),
                "{got:?} vs {wanted:?}"
            );
        });
    }

    #[test]
    fn baking_clips_to_the_clip_rect() {
        in_frame(|ctx| {
            let clip = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0));
            let inside = Shape::rect_filled(
                Rect::from_min_size(pos2(10.0, 10.0), vec2(10.0, 10.0)),
                2.0,
                Color32::RED,
            );
            let outside = Shape::rect_filled(
                Rect::from_min_size(pos2(500.0, 10.0), vec2(10.0, 10.0)),
                2.0,
                Color32::RED,
            );
            let got =
                Shape::Vec(bake(ctx, clip, vec![inside, outside]).meshes).visual_bounding_rect();
            assert!(got.max.x < 25.0, "{got:?}");
            assert!(bake(ctx, clip, Vec::new()).meshes.is_empty());
        });
    }
}
