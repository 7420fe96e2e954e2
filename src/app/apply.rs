//! How the app applies what the person asked for: each command, after the frame that emitted it, so
//! drawing never changes the model halfway through.

use super::{DatelineApp, Notice, command, editing, export, files, persist};
use crate::view::{mapping, present};
use command::Command;

impl DatelineApp {
    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(selection) => {
                self.selected = selection.filter(|&i| i < self.doc.timeline().events.len());
                self.reveal = self.selected.is_some();
                self.flash_start = None;
            }
            Command::SelectAndReveal(i) => self.select_and_reveal(i),
            Command::Step(direction) => {
                let shown = self.shown_in_order();
                if let Some(j) = self.step_in(&shown, direction) {
                    self.select_and_reveal(j);
                }
            }
            Command::StepLane(direction) => {
                let shown = self.shown_in_order();
                if let Some(j) = self.step_lane_in(&shown, direction) {
                    self.select_and_reveal(j);
                }
            }
            Command::StepToEnd(last) => {
                let shown = self.shown_in_order();
                let end = if last { shown.last() } else { shown.first() };
                if let Some(&j) = end {
                    self.select_and_reveal(j);
                }
            }
            Command::OpenDetails => {
                if self.selected.is_some() {
                    self.side_tab = persist::SideTab::Details;
                }
            }
            Command::StepMatch(direction) => {
                let matches = self.matches.clone();
                if let Some(j) = self.step_in(&matches, direction) {
                    self.select_and_reveal(j);
                }
            }
            Command::FitAll => self.pending_range = Some(self.fit_range()),
            Command::SetStoryScale(on) => self.set_story_scale(on),
            Command::ZoomBy(factor) => {
                let m = self.current_mapping();
                let z = m.zoom_at(factor, m.width / 2.0);
                self.pending_range = Some((z.start_days, z.end_days));
            }
            Command::ShowRange(s, e) => self.pending_range = Some(mapping::fit_range(s, e)),
            Command::SetView(s, e) => self.pending_range = Some(mapping::clamp_span(s, e)),
            Command::SetFilters(filters) => {
                self.filters = filters;
                self.refilter();
                if self.selected.is_some_and(|i| !self.keeps(i)) {
                    self.selected = None;
                }
            }
            Command::Escape => {
                if self.query.is_empty() {
                    self.selected = None;
                } else {
                    self.query.clear();
                    self.rematch();
                }
            }
            Command::SetTab(tab) => {
                self.side_tab = tab;
                self.reveal = true;
            }
            Command::OpenText(path) => {
                let path = std::path::absolute(&path).unwrap_or(path);
                if self.open_text(&path) {
                    persist::set_text_for(&mut self.texts, self.doc.file(), Some(&path));
                }
            }
            Command::CloseText => {
                self.source_text = None;
                persist::set_text_for(&mut self.texts, self.doc.file(), None);
            }
            Command::Open(path) => self.when_saved_or_asked(editing::Pending::Open(path)),
            Command::OpenBuiltin => self.when_saved_or_asked(editing::Pending::OpenBuiltin),
            Command::Reload => self.when_saved_or_asked(editing::Pending::Reload),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Save => {
                let ctx = self.repaint.ctx();
                self.save(ctx.as_ref());
            }
            Command::SaveAs(path) => self.save_as(&path, false),
            Command::NewEvent { day, lane } => self.new_event(day, lane),
            Command::ReplaceEvent { at, event, name } => {
                self.edit(
                    crate::model::edit::Edit::ReplaceEvent {
                        at,
                        event: *event,
                        to: None,
                    },
                    name,
                    None,
                );
            }
            Command::DragEvent { at, event, drag } => {
                let name = format!("move {}", editing::step_title(event.title()));
                self.edit(
                    crate::model::edit::Edit::ReplaceEvent {
                        at,
                        event: *event,
                        to: None,
                    },
                    name,
                    Some(drag),
                );
            }
            Command::EndDrag => self.doc.seal(),
            Command::ApplyEdit { edit, name } => {
                self.edit(*edit, name, None);
            }
            Command::ShowLanesAndTags(show) => self.show_structure = show,
            Command::DraftFromText(path) => {
                self.draft_offer = None;
                self.when_saved_or_asked(editing::Pending::Draft(path));
            }
            Command::DeclineDraft => self.draft_offer = None,
            Command::AcceptDraft => self.accept_selected(),
            Command::RejectDraft => self.reject_selected(),
            Command::AcceptAllDrafts => self.accept_all(),
            Command::NextDraft => self.go_to_next_draft(None),
            Command::MergeWithPrevious => self.merge_selected(),
            Command::DateMention(k) => self.date_mention(k),
            Command::EventFromText { start, end } => self.event_from_text(start, end),
            Command::DeleteSelected => self.delete_selected(),
            Command::DuplicateSelected => self.duplicate_selected(),
            Command::StartEditing => self.start_editing(),
            Command::StopEditing => self.editing = false,
            Command::AnswerUnsaved(answer) => self.answer_unsaved(answer),
            Command::RestoreRecovery => self.restore_recovery(),
            Command::DiscardRecovery => {
                self.recovery_offer = None;
                self.remove_recovery();
            }
            Command::ReloadDroppingEdits => {
                self.disk_changed = false;
                self.go_on(editing::Pending::Reload);
            }
            Command::KeepEdits => {
                self.disk_changed = false;
                self.doc.keep_over_disk_change();
            }
            Command::CancelLoad => self.cancel_load(),
            Command::MapSheetColumn { role, column } => {
                if let Some(dialog) = &mut self.sheet_mapping {
                    dialog.set_column(role, column);
                }
            }
            Command::SetSheetDayOrder(order) => {
                if let Some(dialog) = &mut self.sheet_mapping {
                    dialog.set_order(order);
                }
            }
            Command::OpenMappedSheet => self.open_mapped_sheet(),
            Command::CancelSheetMapping => self.cancel_sheet_mapping(),
            Command::ExportJson(path) => self.request_export(export::ExportKind::Json, path),
            Command::ExportCsv(path) => self.request_export(export::ExportKind::Csv, path),
            Command::ExportTimelineJs(path) => {
                self.request_export(export::ExportKind::TimelineJs, path);
            }
            Command::ExportMarkwhen(path) => {
                self.request_export(export::ExportKind::Markwhen, path);
            }
            Command::ExportPng(path) => self.request_export(export::ExportKind::Png, path),
            Command::ExportFigure(kind, path) => self.request_export(kind, path),
            Command::ConfirmReplace => {
                if let Some(prompt) = self.replace_prompt.take() {
                    if prompt.save_as {
                        self.save_as(&prompt.path, true);
                    } else {
                        self.export_now(prompt.kind, prompt.path);
                    }
                }
            }
            Command::CancelReplace => {
                if let Some(prompt) = self.replace_prompt.take() {
                    self.notice = Some(Notice::info(format!(
                        "Nothing written: {} is as it was.",
                        files::shown_path(&prompt.path)
                    )));
                }
            }
            Command::ClearRecent => self.recent.clear(),
            Command::Quit => self.when_saved_or_asked(editing::Pending::Quit),
            Command::Present(true) => {
                let at = match self.selected {
                    Some(i) if self.matches.binary_search(&i).is_ok() => present::At::Event(i),
                    _ => present::At::Title,
                };
                self.editing = false;
                self.go_to_slide(at);
            }
            Command::Present(false) => {
                self.present = None;
                self.glide = None;
                if let Some(ctx) = self.repaint.ctx()
                    && ctx.input(|i| i.viewport().fullscreen == Some(true))
                {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                }
            }
            Command::PresentStep(direction) => {
                if let Some(at) = self.present {
                    self.go_to_slide(present::step(&self.matches, at, direction));
                }
            }
            Command::PresentTitle => {
                if self.present.is_some() {
                    self.go_to_slide(present::At::Title);
                }
            }
            Command::PresentEvent(i) => {
                if self.present.is_some() && i < self.doc.timeline().events.len() {
                    self.go_to_slide(present::At::Event(i));
                }
            }
            Command::ToggleFullscreen => {
                if let Some(ctx) = self.repaint.ctx() {
                    let full = ctx.input(|i| i.viewport().fullscreen == Some(true));
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
                }
            }
        }
    }

    /// Shows slide `at` in story mode: its event is selected and the view glides to centre it (to the
    /// whole timeline for the title slide), keeping the zoom unless the event is wider than the view.
    fn go_to_slide(&mut self, at: present::At) {
        self.present = Some(at);
        let (view_start, view_end) = self
            .glide
            .map(|g| g.to)
            .or(self.pending_range)
            .or(self.view_range)
            .unwrap_or_else(|| self.fit_range());
        let to = match at {
            present::At::Title => {
                self.selected = None;
                self.fit_range()
            }
            present::At::Event(i) => {
                self.selected = Some(i);
                self.reveal = true;
                match self.event_span(i) {
                    Some((first, after)) => {
                        let half = ((view_end - view_start) / 2.0).max((after - first) * 0.65);
                        let centre = f64::midpoint(first, after);
                        mapping::clamp_span(centre - half, centre + half)
                    }
                    None => (view_start, view_end),
                }
            }
        };
        self.glide = Some(super::Glide {
            from: (view_start, view_end),
            to,
            started: None,
        });
    }

    /// The event after (or before) the selection among `shown` (time-ordered); without a selection, the
    /// first (or last) one in view.
    /// The events shown (passing the filters, and matching the search when there is one), in time
    /// order.
    pub(super) fn shown_in_order(&self) -> Vec<usize> {
        if self.query.is_empty() {
            (0..self.doc.timeline().events.len())
                .filter(|&i| self.keeps(i))
                .collect()
        } else {
            self.matches.clone()
        }
    }

    /// The event of `shown` to select when moving to the next lane down (`direction > 0`) or up: the one
    /// nearest in time to the selected event in the nearest lane that has any; with nothing selected, the
    /// first shown event.
    pub(super) fn step_lane_in(&self, shown: &[usize], direction: isize) -> Option<usize> {
        let timeline = self.doc.timeline();
        let Some(from) = self.selected.filter(|&i| i < timeline.events.len()) else {
            return shown.first().copied();
        };
        let lane = i64::from(timeline.events[from].lane.0);
        let centre = |i: usize| self.event_span(i).map_or(0.0, |(s, e)| f64::midpoint(s, e));
        let at = centre(from);
        shown
            .iter()
            .copied()
            .filter(|&i| {
                let l = i64::from(timeline.events[i].lane.0);
                if direction > 0 { l > lane } else { l < lane }
            })
            .min_by(|&a, &b| {
                let gap = |i: usize| (i64::from(timeline.events[i].lane.0) - lane).abs();
                gap(a)
                    .cmp(&gap(b))
                    .then((centre(a) - at).abs().total_cmp(&(centre(b) - at).abs()))
            })
    }

    pub(super) fn step_in(&self, shown: &[usize], direction: isize) -> Option<usize> {
        if shown.is_empty() {
            return None;
        }
        match self.selected {
            Some(i) => {
                let at = shown.partition_point(|&j| j < i);
                if direction > 0 {
                    let k = if shown.get(at) == Some(&i) {
                        at + 1
                    } else {
                        at
                    };
                    shown.get(k).copied()
                } else {
                    at.checked_sub(1).and_then(|k| shown.get(k).copied())
                }
            }
            None if direction > 0 => {
                let start = self.view_range.map_or(f64::MIN, |r| r.0);
                Some(
                    shown
                        .iter()
                        .copied()
                        .find(|&i| self.event_span(i).is_some_and(|s| s.1 > start))
                        .unwrap_or(shown[0]),
                )
            }
            None => {
                let end = self.view_range.map_or(f64::MAX, |r| r.1);
                Some(
                    shown
                        .iter()
                        .rev()
                        .copied()
                        .find(|&i| self.event_span(i).is_some_and(|s| s.0 < end))
                        .unwrap_or(shown[shown.len() - 1]),
                )
            }
        }
    }
}
