//! The frame's layout: the menus, the title bar with the search, the side panel, the timeline and the
//! overview strip, the windows and questions over them. It shows the app's state and pushes commands;
//! the state changes only when they are applied.

use super::{
    DatelineApp, NOTICE_LINES, SEARCH_ID, SEARCH_WIDTH, announce, command, editing, files, focus,
    fonts, persist,
};
use crate::model::date::days_from_epoch;
use crate::view::confirm;
use crate::view::file_menu;
use crate::view::mapping;
use crate::view::overview;
use crate::view::text_panel::{self, FLASH_SECS};
use crate::view::{details, help, legend, list, timeline};
use command::Command;
use persist::{SideTab, ThemeChoice};
use std::path::Path;

impl DatelineApp {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
                node.set_role(egui::accesskit::Role::MenuBar);
                node.set_label("Menu bar");
            });
            let file = ui.menu_button("File", |ui| {
                let menu = file_menu::FileMenu {
                    recent: &self.recent,
                    file: self.doc.file(),
                    text_open: self.source_text.is_some(),
                    dirty: self.doc.is_dirty(),
                    saves_in_place: self.doc.saves_in_place(),
                };
                file_menu::file_menu_ui(ui, &menu, &mut self.dialogs, commands);
            });
            let edit = ui.menu_button("Edit", |ui| self.edit_menu_ui(ui, commands));
            let view = ui.menu_button("View", |ui| {
                if ui.button("Fit all        Home").clicked() {
                    commands.push(Command::FitAll);
                }
                if ui.button("Zoom in        +").clicked() {
                    commands.push(Command::ZoomBy(1.5));
                }
                if ui.button("Zoom out       -").clicked() {
                    commands.push(Command::ZoomBy(1.0 / 1.5));
                }
                let mut story = self.story_scale;
                if ui
                    .checkbox(&mut story, "Scale for stories   S")
                    .on_hover_text(
                        "Compress the long empty stretches into short marked breaks, so the whole \
                         story reads at one glance (the scale is then not linear)",
                    )
                    .changed()
                {
                    commands.push(Command::SetStoryScale(story));
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Present").shortcut_text("P"))
                    .on_hover_text("Story mode: one event at a time in large type, for a room")
                    .clicked()
                {
                    commands.push(Command::Present(true));
                }
                if ui
                    .add(egui::Button::new("Full screen").shortcut_text("F11"))
                    .clicked()
                {
                    commands.push(Command::ToggleFullscreen);
                }
                ui.separator();
                if ui.button("Details panel").clicked() {
                    commands.push(Command::SetTab(SideTab::Details));
                }
                if ui.button("Source text    T").clicked() {
                    commands.push(Command::SetTab(SideTab::Text));
                }
                ui.separator();
                ui.label("Theme");
                // In words, not only symbols, so every reader knows which is which.
                for (choice, words) in [
                    (ThemeChoice::System, "Follow the system"),
                    (ThemeChoice::Dark, "Dark"),
                    (ThemeChoice::Light, "Light"),
                ] {
                    if ui
                        .add(egui::Button::selectable(self.theme_choice == choice, words))
                        .clicked()
                    {
                        ui.ctx().set_theme(choice.preference());
                    }
                }
            });
            let help = ui.menu_button("Help", |ui| {
                if ui.button("Keyboard shortcuts   ?").clicked() {
                    self.show_help = true;
                }
            });
            // The menus' buttons are the menu bar's items, each opening its menu.
            for item in [file, edit, view, help] {
                ui.ctx().accesskit_node_builder(item.response.id, |node| {
                    node.set_role(egui::accesskit::Role::MenuItem);
                    node.set_has_popup(egui::accesskit::HasPopup::Menu);
                });
            }
        });
    }

    /// The Edit menu: undo and redo, named for their steps; new, edit, duplicate and delete.
    pub(super) fn edit_menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let history = self.doc.history();
        let undo = history
            .undo_name()
            .map_or_else(|| "Undo".to_owned(), |n| format!("Undo {n}"));
        if ui
            .add_enabled(
                history.undo_name().is_some(),
                egui::Button::new(undo).shortcut_text("Ctrl+Z"),
            )
            .clicked()
        {
            commands.push(Command::Undo);
        }
        let redo = history
            .redo_name()
            .map_or_else(|| "Redo".to_owned(), |n| format!("Redo {n}"));
        if ui
            .add_enabled(
                history.redo_name().is_some(),
                egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"),
            )
            .clicked()
        {
            commands.push(Command::Redo);
        }
        ui.separator();
        if ui
            .add(egui::Button::new("New event").shortcut_text("N"))
            .clicked()
        {
            commands.push(Command::NewEvent {
                day: None,
                lane: None,
            });
        }
        let selected = self.selected.is_some();
        if ui
            .add_enabled(selected, egui::Button::new("Edit event").shortcut_text("E"))
            .clicked()
        {
            commands.push(Command::StartEditing);
        }
        if ui
            .add_enabled(
                selected,
                egui::Button::new("Duplicate event").shortcut_text("Ctrl+D"),
            )
            .clicked()
        {
            commands.push(Command::DuplicateSelected);
        }
        if ui
            .add_enabled(
                selected,
                egui::Button::new("Delete event").shortcut_text("Delete"),
            )
            .clicked()
        {
            commands.push(Command::DeleteSelected);
        }
        ui.separator();
        if ui.button("Lanes, tags and periods…").clicked() {
            commands.push(Command::ShowLanesAndTags(true));
        }
    }

    /// The title line: the timeline's title and source on the left, cut to the room left once the search
    /// box and the buttons on the right have theirs (which they always get in full).
    pub(super) fn top_bar(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        // Copies of what the left side shows, so the right side may change the app; a title is cut well
        // past any room first.
        let title = crate::view::elide::bounded(&self.doc.timeline().title, 2_000).into_owned();
        let source = self.doc.timeline().source.clone();
        egui::Sides::new().shrink_left().truncate().show(
            ui,
            |ui| title_ui(ui, &title, source.as_ref()),
            |ui| {
                // The search box first, so Tab reaches it right after the menus, then the timeline and
                // the list (their stops are put in the Tab order here), then these buttons.
                self.search_ui(ui, commands);
                self.focus.register_stops(ui);
                let (icon, next, tip) = match self.theme_choice {
                    ThemeChoice::System => (
                        "Theme: system",
                        ThemeChoice::Dark,
                        "The theme follows the system; click for dark",
                    ),
                    ThemeChoice::Dark => (
                        "Theme: dark",
                        ThemeChoice::Light,
                        "Dark theme; click for light",
                    ),
                    ThemeChoice::Light => (
                        "Theme: light",
                        ThemeChoice::System,
                        "Light theme; click to follow the system",
                    ),
                };
                if ui.button(icon).on_hover_text(tip).clicked() {
                    ui.ctx().set_theme(next.preference());
                }
                if ui
                    .button("Shortcuts")
                    .on_hover_text("Every keyboard shortcut (?)")
                    .clicked()
                {
                    self.show_help = true;
                }
                let text_open = self.side_tab == SideTab::Text;
                if ui
                    .selectable_label(text_open, "Text")
                    .on_hover_text("Show the source text beside the timeline (T)")
                    .clicked()
                {
                    commands.push(Command::SetTab(if text_open {
                        SideTab::Details
                    } else {
                        SideTab::Text
                    }));
                }
                if ui
                    .button("New event")
                    .on_hover_text(
                        "Add an event in the middle of the view (N), or double-click a lane",
                    )
                    .clicked()
                {
                    commands.push(Command::NewEvent {
                        day: None,
                        lane: None,
                    });
                }
                if ui
                    .button("Fit all")
                    .on_hover_text("Show every event (Home, or double-click the timeline)")
                    .clicked()
                {
                    commands.push(Command::FitAll);
                }
            },
        );
    }

    pub(super) fn search_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let id = egui::Id::unique(SEARCH_ID);
        if !self.query.is_empty() {
            if ui
                .small_button("Next")
                .on_hover_text("Next match (Enter)")
                .clicked()
            {
                commands.push(Command::StepMatch(1));
            }
            if ui
                .small_button("Prev")
                .on_hover_text("Previous match (Shift+Enter)")
                .clicked()
            {
                commands.push(Command::StepMatch(-1));
            }
            let n = self.matches.len();
            ui.label(if n == 1 {
                "1 match".to_owned()
            } else {
                format!("{n} matches")
            });
        }
        // The search box keeps a usable width whatever the window's: the title gives way instead.
        let edit = egui::TextEdit::singleline(&mut self.query)
            .id(id)
            .hint_text("Search (Ctrl+F or /)")
            .desired_width(SEARCH_WIDTH)
            .min_size(egui::vec2(SEARCH_WIDTH, 0.0));
        let response = ui
            .add(edit)
            .on_hover_text("Titles, summaries, quotes, people and places");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, "Search"));
        if response.changed() {
            self.rematch();
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            commands.push(Command::StepMatch(if back { -1 } else { 1 }));
            response.request_focus();
        }
        if self.focus_search {
            response.request_focus();
            self.focus_search = false;
        }
    }

    pub(super) fn side_panel(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui
                .selectable_label(self.side_tab == SideTab::Details, "Details")
                .clicked()
            {
                commands.push(Command::SetTab(SideTab::Details));
            }
            if ui
                .selectable_label(self.side_tab == SideTab::Text, "Text")
                .clicked()
            {
                commands.push(Command::SetTab(SideTab::Text));
            }
        });
        ui.separator();
        crate::view::review::review_bar(
            ui,
            self.doc.timeline(),
            self.selected,
            self.selected
                .is_some_and(|i| super::review::is_draft(self.doc.timeline(), i)),
            self.drafts_to_review(),
            &self.needs_date,
            commands,
        );
        match self.side_tab {
            SideTab::Details => match self
                .selected
                .filter(|&i| i < self.doc.timeline().events.len())
            {
                Some(at) if self.editing => {
                    let generation = self.doc.history().generation();
                    let filled = self.form.filled_for == Some((at, generation));
                    let typing = ui.ctx().memory(|m| m.focused().is_some());
                    if !filled && !typing {
                        self.form = crate::view::editor::EventForm::of(
                            &self.doc.timeline().events[at],
                            at,
                            generation,
                        );
                    }
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            crate::view::editor::editor_ui(
                                ui,
                                self.doc.timeline(),
                                at,
                                &mut self.form,
                                commands,
                            );
                        });
                }
                Some(at) => {
                    ui.horizontal(|ui| {
                        if ui
                            .button("Edit")
                            .on_hover_text("Edit this event (E)")
                            .clicked()
                        {
                            commands.push(Command::StartEditing);
                        }
                        if ui
                            .button("Duplicate")
                            .on_hover_text("Add a copy of this event (Ctrl+D)")
                            .clicked()
                        {
                            commands.push(Command::DuplicateSelected);
                        }
                        if ui
                            .button("Delete")
                            .on_hover_text("Delete this event (Delete)")
                            .clicked()
                        {
                            commands.push(Command::DeleteSelected);
                        }
                    });
                    let event = &self.doc.timeline().events[at];
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            details::details_ui(ui, self.doc.timeline(), event, self.doc.file());
                        });
                }
                None => {
                    ui.weak("Click an event on the timeline or in the list to read what the text says about it.");
                }
            },
            SideTab::Text => {
                let now = ui.input(|i| i.time);
                let flash = match (self.selected, self.flash_start) {
                    (Some(_), Some(start)) if now - start < FLASH_SECS => {
                        ui.ctx().request_repaint();
                        Some(((now - start) / FLASH_SECS) as f32)
                    }
                    _ => None,
                };
                if self.reveal && self.selected.is_some() {
                    self.flash_start = Some(now);
                }
                match &self.source_text {
                    Some(text) => text_panel::text_ui(
                        ui,
                        &text_panel::TextPanel {
                            timeline: self.doc.timeline(),
                            text,
                            selected: self.selected,
                            reveal: self.reveal,
                            flash,
                        },
                        &mut self.text_panel,
                        commands,
                    ),
                    None => text_panel::quotes_ui(
                        ui,
                        self.doc.timeline(),
                        self.index.generation,
                        self.selected,
                        self.reveal,
                        commands,
                    ),
                }
            }
        }
    }

    /// The questions over the window: replace a file, save unsaved changes, restore a recovery copy.
    pub(super) fn questions_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(prompt) = &self.replace_prompt {
            confirm::replace_prompt_ui(ctx, prompt, commands);
        }
        if let Some(pending) = &self.unsaved_prompt {
            let name = self.doc.file().and_then(Path::file_name).map_or_else(
                || self.doc.timeline().title.clone(),
                |n| n.to_string_lossy().into_owned(),
            );
            crate::view::unsaved::unsaved_prompt_ui(ctx, &name, pending.doing(), commands);
        }
        if let Some(dialog) = &self.sheet_mapping {
            crate::view::sheet_mapping::sheet_mapping_ui(ctx, dialog, commands);
        }
        if let Some(path) = &self.draft_offer {
            crate::view::review::draft_offer_ui(ctx, path, commands);
        }
        if let Some(found) = &self.recovery_offer {
            let name = found
                .origin
                .as_deref()
                .and_then(Path::file_name)
                .map_or_else(
                    || "the built-in timeline".to_owned(),
                    |n| n.to_string_lossy().into_owned(),
                );
            let written = found
                .written
                .map(|t| {
                    let when: chrono::DateTime<chrono::Local> = t.into();
                    format!(" on {}", when.format("%-d %B %Y at %H:%M"))
                })
                .unwrap_or_default();
            crate::view::unsaved::recovery_prompt_ui(ctx, &name, &written, commands);
        }
    }

    /// Closing the window with unsaved changes asks first.
    pub(super) fn guard_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.quitting {
            return;
        }
        if self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.unsaved_prompt = Some(editing::Pending::Quit);
        } else {
            self.remove_recovery();
        }
    }

    /// Shows the whole window's contents for one frame and applies what the person did.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        if !self.fonts_installed {
            fonts::install(ui.ctx());
            // Pictures in the details panel: read and fetched in the background, within limits.
            super::media_loader::MediaBytesLoader::install(
                ui.ctx(),
                super::media_loader::Limits::default(),
            );
            // Every text at least 4.5:1 on its background, in both themes.
            ui.ctx()
                .set_visuals_of(egui::Theme::Dark, crate::view::contrast::visuals(true));
            ui.ctx()
                .set_visuals_of(egui::Theme::Light, crate::view::contrast::visuals(false));
            self.fonts_installed = true;
        }
        self.repaint.set(ui.ctx());
        self.poll_background();
        self.poll_draft();
        self.ensure_watcher();
        self.update_title(ui.ctx());
        // The window is named as its title bar is, for screen readers.
        let title = self.window_title();
        ui.ctx()
            .accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title));
        self.theme_choice = ThemeChoice::from_preference(ui.ctx().options(|o| o.theme_preference));
        self.focus.read(ui.ctx());
        self.keyboard(ui.ctx(), &mut commands);
        self.guard_close(ui.ctx());
        self.keep_recovery_copy();
        if self.unsaved_prompt.is_some()
            || self.replace_prompt.is_some()
            || self.sheet_mapping.is_some()
        {
            // A question (closing the window with unsaved changes) is answered in the full window.
            self.present = None;
        }
        if self.present.is_some() {
            self.presenting_ui(ui, &mut commands);
            self.finish_frame(ui, commands);
            return;
        }
        files::dropped_files(ui.ctx(), &mut commands);

        egui::Panel::top("menu-bar").show(ui, |ui| self.menu_bar(ui, &mut commands));
        egui::Panel::top("top-bar").show(ui, |ui| {
            ui.add_space(2.0);
            self.top_bar(ui, &mut commands);
            if let Some(loading) = &self.loading {
                files::loading_ui(ui, loading, &mut commands);
            }
            if self.disk_changed {
                files::disk_changed_banner_ui(ui, &mut commands);
            }
            if let Some(error) = &self.reload_error {
                files::reload_banner_ui(ui, error);
            }
            if let Some(notice) = self.notice.clone() {
                ui.horizontal(|ui| {
                    let color = if notice.error {
                        ui.visuals().warn_fg_color
                    } else {
                        ui.visuals().text_color()
                    };
                    let said =
                        ui.colored_label(color, files::shortened(&notice.text, NOTICE_LINES));
                    // Read out when it appears: errors at once, news politely.
                    ui.ctx().accesskit_node_builder(said.id, |node| {
                        node.set_live(if notice.error {
                            egui::accesskit::Live::Assertive
                        } else {
                            egui::accesskit::Live::Polite
                        });
                    });
                    if ui.small_button("dismiss").clicked() {
                        self.notice = None;
                    }
                });
            }
            ui.add_space(2.0);
        });
        let announcement = self.announcer.text.clone();
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            announce::live_region_ui(ui, &announcement);
            let shown = self.index.len();
            let total = self.doc.timeline().events.len();
            let filtered = if shown == total { String::new() } else { format!("{shown} of {total} events shown · ") };
            if let Some(job) = &self.drafting {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!(
                        "Drafting a timeline from {}…",
                        crate::formats::show::path(&job.path)
                    ));
                });
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            let drafts = self.drafts_to_review();
            if drafts > 0 {
                ui.weak(format!("{filtered}{drafts} drafts to review · A accept · R reject · E edit · J next draft · M an event from words selected in the text · Ctrl+Z undo"));
                return;
            }
            ui.weak(format!("{filtered}Drag to pan · wheel or +/- to zoom · click an event to read it · Left/Right: previous/next · ?: all shortcuts"));
        });
        egui::Panel::left("event-list")
            .resizable(true)
            .default_size(290.0)
            .min_size(200.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                egui::CollapsingHeader::new("Filters and legend")
                    .default_open(true)
                    .show(ui, |ui| {
                        legend::legend_ui(
                            ui,
                            self.doc.timeline(),
                            &self.filters,
                            &self.counts,
                            &mut commands,
                        );
                    });
                ui.separator();
                ui.strong(if self.query.is_empty() {
                    "Events".to_owned()
                } else {
                    format!(
                        "Events matching “{}”",
                        crate::view::elide::one_line(&self.query, 40)
                    )
                });
                let out = list::list_ui(
                    ui,
                    &list::ListView {
                        timeline: self.doc.timeline(),
                        rows: &self.list_rows,
                        events: &self.matches,
                        selected: self.selected,
                        reveal: self.reveal,
                        take_focus: self.focus.takes(focus::Region::List),
                    },
                    &mut commands,
                );
                self.focus.list_stop = out.stop;
                if out.clicked {
                    self.focus.pending = Some(focus::Region::List);
                }
            });
        if self.selected.is_some() || self.side_tab == SideTab::Text || !self.needs_date.is_empty()
        {
            egui::Panel::right("side-panel")
                .resizable(true)
                .default_size(340.0)
                .min_size(240.0)
                .show(ui, |ui| {
                    self.side_panel(ui, &mut commands);
                });
        }
        self.reveal = false;
        egui::CentralPanel::default().show(ui, |ui| {
            let overview_height = overview::HEIGHT + 8.0;
            let timeline_height = (ui.available_height() - overview_height).max(120.0);
            let query_active = !self.query.is_empty();
            let matches = &self.matches;
            let highlight = move |i: usize| matches.binary_search(&i).is_ok();
            let view = timeline::TimelineView {
                timeline: self.doc.timeline(),
                index: &self.index,
                selected: self.selected,
                highlight: if query_active { Some(&highlight) } else { None },
                highlight_key: if query_active {
                    self.matches_generation
                } else {
                    0
                },
                today_days: days_from_epoch(self.today) as f64,
                set_range: self.pending_range.take(),
                draft_tag: super::review::draft_tag(self.doc.timeline()),
                scale: &self.scale,
                take_focus: self.focus.takes(focus::Region::Timeline),
            };
            let drawn = ui.allocate_ui(egui::vec2(ui.available_width(), timeline_height), |ui| {
                timeline::timeline_ui(ui, &view, &mut commands)
            });
            if let Ok(mut rect) = self.timeline_rect.lock() {
                *rect = Some(drawn.response.rect);
            }
            let out = drawn.inner;
            self.focus.timeline_stop = Some(out.stop);
            if out.chose_event {
                self.focus.pending = Some(focus::Region::Timeline);
            }
            let (s, e) = mapping::clamp_span(out.range.0, out.range.1);
            if (s, e) != out.range {
                self.pending_range = Some((s, e));
            }
            self.view_range = Some((s, e));
            self.plot_width = out.width;
            self.shapes = out.shapes;
            ui.add_space(6.0);
            if let Some((s, e)) = overview::overview_ui(
                ui,
                &self.index,
                &self.scale,
                (s, e),
                &mut self.overview_drag,
            ) {
                commands.push(Command::SetView(s, e));
            }
        });
        help::help_window(ui.ctx(), &mut self.show_help);
        crate::view::structure::structure_ui(
            ui.ctx(),
            &mut self.show_structure,
            self.doc.timeline(),
            &mut self.structure,
            &mut commands,
        );
        self.dialogs.show(ui.ctx(), &mut commands);
        self.questions_ui(ui.ctx(), &mut commands);
        files::drop_overlay(ui.ctx());
        self.finish_frame(ui, commands);
    }

    /// Tells in the live region what changed this frame (see `announce`).
    fn announce(&mut self, zoomed: bool) {
        let timeline = self.doc.timeline();
        let draft_tag = super::review::draft_tag(timeline);
        let now = announce::Seen {
            selection: self
                .selected
                .map(|i| crate::view::access::event_name(timeline, i, draft_tag)),
            search: (self.query.clone(), self.matches.len()),
            shown: (self.index.len(), timeline.events.len()),
            zoomed_to: zoomed
                .then_some(self.pending_range)
                .flatten()
                .map(|r| crate::view::access::showing_words(self.scale.span_to_days(r))),
        };
        self.announcer.observe(now);
    }

    /// Applies the frame's commands, and asks for another frame when something changed.
    fn finish_frame(&mut self, ui: &egui::Ui, commands: Vec<Command>) {
        // Text laid out after the timeline can grow the glyph atlas under what the timeline baked.
        let repaint = !commands.is_empty()
            || self.pending_range.is_some()
            || crate::view::memo::atlas_grew_since_generation(ui.ctx());
        let selected = self.selected;
        let zoomed = commands.iter().any(|c| {
            matches!(
                c,
                Command::ZoomBy(_) | Command::FitAll | Command::ShowRange(..)
            )
        });
        for command in commands {
            self.apply(command);
        }
        self.focus.follow_selection(self.selected != selected);
        self.announce(zoomed);
        if repaint {
            ui.ctx().request_repaint();
        }
    }
}

impl DatelineApp {
    /// Story mode: the slide in large type over the timeline, which glides to keep the slide's event
    /// centred. Of what the timeline asks for, only moving the view and choosing an event (its slide is
    /// shown) are kept: nothing is edited while presenting.
    fn presenting_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        use crate::view::present;
        let Some(at) = self.present else {
            return;
        };
        if let Some(glide) = &mut self.glide {
            let (range, done) = glide.at(ui.input(|i| i.time));
            self.pending_range = Some(range);
            if done {
                self.glide = None;
            }
            ui.ctx().request_repaint();
        }
        let slide = present::slide_for(self.doc.timeline(), &self.matches, at);
        let mut asked = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            let full = ui.available_rect_before_wrap();
            let timeline_height = (full.height() * 0.36).clamp(140.0, 420.0);
            let counter_height = 36.0;
            let slide_rect = egui::Rect::from_min_max(
                full.min,
                egui::pos2(full.max.x, full.max.y - timeline_height - counter_height),
            );
            let mut slide_ui = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(slide_rect)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            slide_ui.set_clip_rect(slide_rect);
            present::slide_ui(&mut slide_ui, &slide);
            ui.advance_cursor_after_rect(slide_rect);
            present::counter_ui(ui, &slide);
            let view = timeline::TimelineView {
                timeline: self.doc.timeline(),
                index: &self.index,
                selected: self.selected,
                highlight: None,
                highlight_key: 0,
                today_days: days_from_epoch(self.today) as f64,
                set_range: self.pending_range.take(),
                draft_tag: None,
                scale: &self.scale,
                take_focus: false,
            };
            let height = ui.available_height().max(120.0);
            let out = ui
                .allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                    timeline::timeline_ui(ui, &view, &mut asked)
                })
                .inner;
            let (s, e) = mapping::clamp_span(out.range.0, out.range.1);
            self.view_range = Some((s, e));
            self.plot_width = out.width;
            self.shapes = out.shapes;
        });
        commands.extend(asked.into_iter().filter_map(|c| match c {
            Command::Select(Some(i)) | Command::SelectAndReveal(i) => {
                Some(Command::PresentEvent(i))
            }
            c @ (Command::SetView(..)
            | Command::ShowRange(..)
            | Command::ZoomBy(_)
            | Command::FitAll) => Some(c),
            _ => None,
        }));
    }
}

/// The timeline's title, who published its source and a link to it, each cut to the room there is.
fn title_ui(ui: &mut egui::Ui, title: &str, source: Option<&crate::model::SourceText>) {
    use crate::view::elide;
    let room = |ui: &egui::Ui, size: f32| elide::max_chars_for(ui.available_width(), size);
    let heading = room(ui, 20.0);
    ui.add(
        egui::Label::new(egui::RichText::new(elide::one_line(title, heading)).heading()).truncate(),
    )
    .on_hover_text(elide::bounded(title, 1_000));
    let Some(source) = source else {
        return;
    };
    let by: Vec<String> = source
        .publisher
        .iter()
        .cloned()
        .chain(source.author.iter().map(|a| format!("by {a}")))
        .collect();
    if !by.is_empty() && ui.available_width() > 40.0 {
        let line = format!("— {}", by.join(", "));
        ui.add(
            egui::Label::new(egui::RichText::new(elide::one_line(&line, room(ui, 14.0))).weak())
                .truncate(),
        )
        .on_hover_text(elide::bounded(&line, 1_000));
    }
    if let Some(url) = &source.url
        && ui.available_width() > 40.0
    {
        crate::view::link::link_ui(ui, "source", url);
    }
}
