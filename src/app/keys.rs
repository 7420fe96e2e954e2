//! The keyboard: which keys ask for what, as commands (see the `?` window for the list).

use super::{DatelineApp, SEARCH_ID, command, focus, persist};
use crate::view::file_menu::DialogPurpose;
use command::Command;
use persist::SideTab;

impl DatelineApp {
    pub(super) fn keyboard(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.swallow_slash {
            ctx.input_mut(|i| {
                let slash = |e: &egui::Event| matches!(e, egui::Event::Text(t) if t == "/");
                if let Some(k) = i.events.iter().position(slash) {
                    i.events.remove(k);
                    self.swallow_slash = false;
                } else if i.events.iter().any(|e| matches!(e, egui::Event::Text(_))) {
                    self.swallow_slash = false;
                }
            });
        }
        let search_id = egui::Id::unique(SEARCH_ID);
        let search_focused = ctx.memory(|m| m.has_focus(search_id));
        if self.dialogs.is_open()
            || self.replace_prompt.is_some()
            || self.unsaved_prompt.is_some()
            || self.recovery_offer.is_some()
            || self.sheet_mapping.is_some()
        {
            // The file dialog or the question takes the keyboard (Esc closes it, typing names a file).
            return;
        }
        if self.present.is_some() {
            Self::presenting_keys(ctx, commands);
            return;
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            self.open_dialog(ctx, DialogPurpose::Open);
            return;
        }
        let shift_command = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
        if ctx.input_mut(|i| i.consume_key(shift_command, egui::Key::S)) {
            self.open_dialog(ctx, DialogPurpose::SaveAs);
            return;
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S)) {
            commands.push(Command::Save);
            return;
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            self.focus_search = true;
        }
        // Every shortcut works whatever has the focus, except in a text field, which keeps its own undo
        // (Ctrl+Z) and its own keys. The source text has the keyboard to select and copy, but cannot be
        // typed into: the shortcuts work there, except the keys that move in the text.
        let reading = self.text_panel.keyboard(ctx).is_some();
        if ctx.text_edit_focused() && !reading {
            if search_focused && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
                commands.push(Command::Escape);
            }
            return;
        }
        let region = self.focus.region;
        let in_events = matches!(region, focus::Region::Timeline | focus::Region::List);
        ctx.input_mut(|i| {
            // Checked before Ctrl+Z alone, which they contain.
            if i.consume_key(shift_command, egui::Key::Z)
                || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y)
            {
                commands.push(Command::Redo);
            }
            if i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z) {
                commands.push(Command::Undo);
            }
            if i.consume_key(egui::Modifiers::COMMAND, egui::Key::D) {
                commands.push(Command::DuplicateSelected);
            }
            if i.modifiers.is_none() {
                if i.key_pressed(egui::Key::N) {
                    commands.push(Command::NewEvent {
                        day: None,
                        lane: None,
                    });
                }
                if i.key_pressed(egui::Key::E) {
                    commands.push(Command::StartEditing);
                }
                if i.key_pressed(egui::Key::S) {
                    commands.push(Command::SetStoryScale(!self.story_scale));
                }
                if i.key_pressed(egui::Key::Delete) {
                    commands.push(Command::DeleteSelected);
                }
                // Reviewing a draft.
                if i.key_pressed(egui::Key::A) {
                    commands.push(Command::AcceptDraft);
                }
                if i.key_pressed(egui::Key::R) {
                    commands.push(Command::RejectDraft);
                }
                if i.key_pressed(egui::Key::J) {
                    commands.push(Command::NextDraft);
                }
                if i.key_pressed(egui::Key::P) {
                    commands.push(Command::Present(true));
                }
                if i.key_pressed(egui::Key::M)
                    && self.side_tab == SideTab::Text
                    && let Some(text) = &self.source_text
                    && let Some((start, end)) = self.text_panel.selection(text)
                {
                    commands.push(Command::EventFromText { start, end });
                }
            }
            if i.key_pressed(egui::Key::Slash) {
                self.focus_search = true;
                let before = i.events.len();
                i.events
                    .retain(|e| !matches!(e, egui::Event::Text(t) if t == "/"));
                self.swallow_slash = i.events.len() == before;
            }
            if i.key_pressed(egui::Key::Questionmark) {
                self.show_help = !self.show_help;
            }
            if i.key_pressed(egui::Key::T) && i.modifiers.is_none() {
                commands.push(Command::SetTab(if self.side_tab == SideTab::Text {
                    SideTab::Details
                } else {
                    SideTab::Text
                }));
            }
            // In the text, the arrows, Home and End move the cursor, and Esc leaves it.
            if !reading {
                // Every press counts, however many arrive in one frame (a key held down, or a fast
                // typist).
                for _ in 0..i.num_presses(egui::Key::ArrowRight) {
                    commands.push(Command::Step(1));
                }
                for _ in 0..i.num_presses(egui::Key::ArrowLeft) {
                    commands.push(Command::Step(-1));
                }
                // Up and Down go through the list in the list, and from lane to lane in the timeline;
                // Home and End go to the first and last event there, and Enter shows the event's details.
                for _ in 0..i.num_presses(egui::Key::ArrowDown) {
                    match region {
                        focus::Region::List => commands.push(Command::Step(1)),
                        focus::Region::Timeline => commands.push(Command::StepLane(1)),
                        _ => {}
                    }
                }
                for _ in 0..i.num_presses(egui::Key::ArrowUp) {
                    match region {
                        focus::Region::List => commands.push(Command::Step(-1)),
                        focus::Region::Timeline => commands.push(Command::StepLane(-1)),
                        _ => {}
                    }
                }
                if i.key_pressed(egui::Key::Home) {
                    commands.push(if in_events {
                        Command::StepToEnd(false)
                    } else {
                        Command::FitAll
                    });
                }
                if in_events && i.key_pressed(egui::Key::End) {
                    commands.push(Command::StepToEnd(true));
                }
                if in_events && i.key_pressed(egui::Key::Enter) {
                    commands.push(Command::OpenDetails);
                }
            }
            if i.modifiers.is_none() && i.key_pressed(egui::Key::F) {
                commands.push(Command::FitAll);
            }
            let zoom_in = i.num_presses(egui::Key::Plus) + i.num_presses(egui::Key::Equals);
            for _ in 0..zoom_in {
                commands.push(Command::ZoomBy(1.5));
            }
            for _ in 0..i.num_presses(egui::Key::Minus) {
                commands.push(Command::ZoomBy(1.0 / 1.5));
            }
            if !reading && i.key_pressed(egui::Key::Escape) {
                commands.push(Command::Escape);
            }
            if i.key_pressed(egui::Key::F11) {
                commands.push(Command::ToggleFullscreen);
            }
        });
    }

    /// The keys of story mode: →, Space and Page Down step forward, ← and Page Up back, Home goes to the
    /// title slide, F11 toggles full screen and Esc leaves. Every other key and typed text is dropped,
    /// so nothing else (Delete, N, a focused button) reacts while presenting.
    fn presenting_keys(ctx: &egui::Context, commands: &mut Vec<Command>) {
        ctx.input_mut(|i| {
            let presses = |i: &egui::InputState, keys: &[egui::Key]| -> usize {
                keys.iter().map(|&k| i.num_presses(k)).sum()
            };
            let forward = presses(
                i,
                &[egui::Key::ArrowRight, egui::Key::Space, egui::Key::PageDown],
            );
            for _ in 0..forward {
                commands.push(Command::PresentStep(1));
            }
            for _ in 0..presses(i, &[egui::Key::ArrowLeft, egui::Key::PageUp]) {
                commands.push(Command::PresentStep(-1));
            }
            if i.key_pressed(egui::Key::Home) {
                commands.push(Command::PresentTitle);
            }
            if i.key_pressed(egui::Key::F11) {
                commands.push(Command::ToggleFullscreen);
            }
            if i.key_pressed(egui::Key::Escape) {
                commands.push(Command::Present(false));
            }
            i.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::Key { .. } | egui::Event::Text(_) | egui::Event::Paste(_)
                )
            });
        });
    }
}
