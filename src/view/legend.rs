//! Filters and legend: each lane's colour doubles as its toggle; tags, status and provenance toggles; a
//! count beside each; "reset" restores everything. Emits commands.

use egui::{RichText, Sense, vec2};

use super::marks::{self, LaneLook};
use super::palette;
use crate::app::command::Command;
use crate::explore::filter::{Counts, Filters};
use crate::model::Timeline;

/// The most characters of a lane's or tag's name the legend shows.
const LABEL_CHARS: usize = 48;

/// Shows the legend and filters.
pub fn legend_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    filters: &Filters,
    counts: &Counts,
    commands: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.strong("Lanes");
        if filters.is_active()
            && ui
                .small_button("reset")
                .on_hover_text("Show everything again")
                .clicked()
        {
            commands.push(Command::SetFilters(Filters::default()));
        }
    });
    for (i, lane) in timeline.lanes.iter().enumerate() {
        let shown = !filters.hidden_lanes.contains(&lane.id);
        let look = LaneLook::of(i, dark);
        let color = look.color;
        let count = counts.lanes.get(i).copied().unwrap_or(0);
        let text = format!(
            "{}  ({count})",
            super::elide::one_line(&lane.label, LABEL_CHARS)
        );
        ui.horizontal(|ui| {
            // The swatch is the lane's look: its colour, and its glyph once colours repeat.
            let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            if look.marks_glyph() {
                let (fill, stroke) = if shown {
                    (color, None)
                } else {
                    (
                        egui::Color32::TRANSPARENT,
                        Some((egui::Stroke::new(1.5, color), false)),
                    )
                };
                let mut glyph = Vec::new();
                marks::paint_glyph(&mut glyph, look.glyph, rect.center(), 5.0, fill, stroke);
                ui.painter().extend(glyph);
            } else if shown {
                ui.painter().rect_filled(rect, 2.0, color);
            } else {
                ui.painter().rect_stroke(
                    rect,
                    2.0,
                    egui::Stroke::new(1.5, color),
                    egui::StrokeKind::Inside,
                );
            }
            if ui
                .checkbox(&mut shown.clone(), text)
                .on_hover_text("Show or hide this lane")
                .clicked()
            {
                let mut f = filters.clone();
                f.toggle_lane(&lane.id);
                commands.push(Command::SetFilters(f));
            }
        });
    }
    if !timeline.tags.is_empty() {
        ui.add_space(4.0);
        ui.strong("Tags");
        ui.horizontal_wrapped(|ui| {
            for (i, tag) in timeline.tags.iter().enumerate() {
                let shown = !filters.hidden_tags.contains(&tag.id);
                let count = counts.tags.get(i).copied().unwrap_or(0);
                if ui
                    .selectable_label(
                        shown,
                        format!(
                            "{} ({count})",
                            super::elide::one_line(&tag.label, LABEL_CHARS)
                        ),
                    )
                    .on_hover_text("Show or hide events with this tag")
                    .clicked()
                {
                    let mut f = filters.clone();
                    f.toggle_tag(&tag.id);
                    commands.push(Command::SetFilters(f));
                }
            }
        });
    }
    ui.add_space(4.0);
    ui.strong("Show");
    let mut f = filters.clone();
    let mut changed = false;
    let mut occurred = !f.hide_occurred;
    if ui
        .checkbox(&mut occurred, format!("Occurred ({})", counts.occurred))
        .changed()
    {
        f.hide_occurred = !occurred;
        changed = true;
    }
    let mut planned = !f.hide_planned;
    if ui
        .checkbox(
            &mut planned,
            format!("Planned / target ({})", counts.planned),
        )
        .changed()
    {
        f.hide_planned = !planned;
        changed = true;
    }
    let article = palette::article_color(dark);
    let mut with_context = !f.article_only;
    // Only a timeline that says where some events came from can be narrowed to the article's.
    let stated = counts.article + counts.context > 0;
    let label = RichText::new(format!(
        "With context ({} more)",
        counts.context + counts.unstated
    ));
    if (stated || f.article_only)
        && ui
            .checkbox(&mut with_context, label)
            .on_hover_text(format!(
                "Untick to see only the {} events the article itself states",
                counts.article
            ))
            .changed()
    {
        f.article_only = !with_context;
        changed = true;
    }
    if f.article_only {
        ui.label(
            RichText::new("Showing only what the article says")
                .color(article)
                .small(),
        );
    }
    if changed {
        commands.push(Command::SetFilters(f));
    }
}
