//! The "Lanes, tags and periods" window: add, rename, reorder and delete the timeline's lanes and tags, and
//! add, rename, redate, duplicate and delete its periods. Deleting a lane that holds events asks what
//! becomes of them (moved to another lane, or deleted with it); deleting a tag says how many events lose
//! it. Every change is pushed as one undoable edit; nothing changes here.

use crate::app::command::Command;
use crate::model::edit::Edit;
use crate::model::structure::{self, LaneFate};
use crate::model::{DateSpec, Lane, LaneId, Period, Provenance, Tag, Timeline};
use crate::view::elide;

/// Lanes or tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The timeline's rows.
    Lane,
    /// The timeline's themes.
    Tag,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Self::Lane => "lane",
            Self::Tag => "tag",
        }
    }
}

/// What the window holds between frames: a name being typed, a question being asked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StructureState {
    /// The name typed for a new lane.
    pub new_lane: String,
    /// The name typed for a new tag.
    pub new_tag: String,
    /// A lane's or tag's new name while it is typed: which, and the text so far.
    pub renaming: Option<(Kind, usize, String)>,
    /// A lane or tag whose deletion is being asked about, and (for a lane) where its events would go.
    pub deleting: Option<(Kind, usize, Option<usize>)>,
    /// A period's date while it is typed: which period, and the text so far.
    pub redating: Option<(usize, String)>,
    /// A period's name while it is typed: which period, and the text so far.
    pub renaming_period: Option<(usize, String)>,
    /// The name typed for a new period.
    pub new_period: String,
    /// The date typed for a new period.
    pub new_period_date: String,
}

/// A name as a step names it: quoted, on one line, short.
fn quoted(name: &str) -> String {
    format!("'{}'", elide::one_line(name, 40))
}

/// Shows the window while `open`; its buttons push [`Command::ApplyEdit`].
pub fn structure_ui(
    ctx: &egui::Context,
    open: &mut bool,
    timeline: &Timeline,
    state: &mut StructureState,
    commands: &mut Vec<Command>,
) {
    let id = egui::Id::unique("dateline-structure-window");
    egui::Window::new("Lanes, tags and periods")
        .id(id)
        .open(open)
        .resizable(true)
        .default_width(460.0)
        .default_height(600.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("Lanes");
                ui.label("Rows of the timeline, top to bottom.");
                for at in 0..timeline.lanes.len() {
                    item_row(ui, timeline, Kind::Lane, at, state, commands);
                }
                add_row(ui, timeline, Kind::Lane, state, commands);
                ui.add_space(10.0);
                ui.heading("Tags");
                ui.label("Themes, in the order the legend lists them.");
                for at in 0..timeline.tags.len() {
                    item_row(ui, timeline, Kind::Tag, at, state, commands);
                }
                add_row(ui, timeline, Kind::Tag, state, commands);
                ui.add_space(10.0);
                ui.heading("Periods");
                ui.label("Eras drawn as bands behind the events, with their dates in EDTF (1947~/1991~).");
                for at in 0..timeline.periods.len() {
                    period_row(ui, timeline, at, state, commands);
                }
                add_period_row(ui, timeline, state, commands);
            });
        });
    super::nodes::name_window_title(ctx, id, "Lanes, tags and periods");
}

/// One lane or tag: its name (typed over to rename it), how much it holds, up and down, delete.
fn item_row(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    kind: Kind,
    at: usize,
    state: &mut StructureState,
    commands: &mut Vec<Command>,
) {
    let (id, label, count, total) = match kind {
        Kind::Lane => {
            let lane = &timeline.lanes[at];
            let (events, _) = structure::in_lane(timeline, at);
            (&lane.id, &lane.label, events, timeline.lanes.len())
        }
        Kind::Tag => {
            let tag = &timeline.tags[at];
            (
                &tag.id,
                &tag.label,
                structure::tagged(timeline, at),
                timeline.tags.len(),
            )
        }
    };
    ui.horizontal(|ui| {
        let typing = matches!(&state.renaming, Some((k, i, _)) if *k == kind && *i == at);
        let mut text = match &state.renaming {
            Some((_, _, t)) if typing => t.clone(),
            _ => label.clone(),
        };
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(200.0)
                .id_salt((kind.word(), "name", at)),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::TextInput,
                true,
                format!("Name of {} {}", kind.word(), elide::one_line(label, 60)),
            )
        });
        if field.changed() {
            state.renaming = Some((kind, at, text.clone()));
        }
        if field.lost_focus() && typing {
            let cancelled = ui.input(|i| i.key_pressed(egui::Key::Escape));
            let new = text.trim();
            if !cancelled && !new.is_empty() && new != label {
                let name = format!("rename {} {}", kind.word(), quoted(label));
                let edit = match kind {
                    Kind::Lane => Edit::ReplaceLane {
                        at,
                        lane: Lane {
                            id: id.clone(),
                            label: new.to_owned(),
                        },
                    },
                    Kind::Tag => Edit::ReplaceTag {
                        at,
                        tag: Tag {
                            id: id.clone(),
                            label: new.to_owned(),
                        },
                    },
                };
                commands.push(Command::ApplyEdit {
                    edit: Box::new(edit),
                    name,
                });
            }
            state.renaming = None;
        }
        ui.weak(match count {
            1 => "1 event".to_owned(),
            n => format!("{} events", crate::view::timeline::format_count(n)),
        });
        let moved = |to: usize| match kind {
            Kind::Lane => Edit::MoveLane { from: at, to },
            Kind::Tag => Edit::MoveTag { from: at, to },
        };
        let up = ui
            .add_enabled(at > 0, egui::Button::new("Up"))
            .on_hover_text(format!("Move this {} up", kind.word()));
        if up.clicked() {
            commands.push(Command::ApplyEdit {
                edit: Box::new(moved(at - 1)),
                name: format!("move {} {} up", kind.word(), quoted(label)),
            });
        }
        let down = ui
            .add_enabled(at + 1 < total, egui::Button::new("Down"))
            .on_hover_text(format!("Move this {} down", kind.word()));
        if down.clicked() {
            commands.push(Command::ApplyEdit {
                edit: Box::new(moved(at + 1)),
                name: format!("move {} {} down", kind.word(), quoted(label)),
            });
        }
        if ui.button("Delete…").clicked() {
            let (_, periods) = structure::in_lane(timeline, at);
            let empty = count == 0 && (kind == Kind::Tag || periods == 0);
            if empty {
                commands.push(Command::ApplyEdit {
                    edit: Box::new(match kind {
                        Kind::Lane => structure::remove_lane(timeline, at, LaneFate::DeleteWith),
                        Kind::Tag => structure::remove_tag(timeline, at),
                    }),
                    name: format!("delete {} {}", kind.word(), quoted(label)),
                });
            } else {
                let other = (0..total).find(|&i| i != at);
                state.deleting = Some((kind, at, other.filter(|_| kind == Kind::Lane)));
            }
        }
    });
    if matches!(state.deleting, Some((k, i, _)) if k == kind && i == at) {
        delete_question(ui, timeline, kind, at, label, count, state, commands);
    }
}

/// Asks what becomes of what a lane or tag holds before it is deleted.
#[allow(clippy::too_many_arguments)]
fn delete_question(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    kind: Kind,
    at: usize,
    label: &str,
    count: usize,
    state: &mut StructureState,
    commands: &mut Vec<Command>,
) {
    let name = format!("delete {} {}", kind.word(), quoted(label));
    egui::Frame::group(ui.style()).show(ui, |ui| match kind {
        Kind::Tag => {
            ui.label(format!(
                "{} of the events have the tag “{}”. They keep everything else.",
                crate::view::timeline::format_count(count),
                elide::one_line(label, 60)
            ));
            ui.horizontal(|ui| {
                if ui.button("Delete the tag").clicked() {
                    commands.push(Command::ApplyEdit {
                        edit: Box::new(structure::remove_tag(timeline, at)),
                        name,
                    });
                    state.deleting = None;
                }
                if ui.button("Cancel").clicked() {
                    state.deleting = None;
                }
            });
        }
        Kind::Lane => {
            let (events, periods) = structure::in_lane(timeline, at);
            ui.label(format!(
                "The lane “{}” holds {} and {}. What becomes of them?",
                elide::one_line(label, 60),
                plural(events, "event"),
                plural(periods, "period")
            ));
            let mut target = state.deleting.and_then(|(_, _, t)| t);
            if let Some(to) = target.as_mut() {
                ui.horizontal(|ui| {
                    ui.label("Move them to");
                    egui::ComboBox::from_id_salt(("dateline-lane-fate", at))
                        .selected_text(elide::one_line(&timeline.lanes[*to].label, 40))
                        .show_ui(ui, |ui| {
                            for (i, lane) in timeline.lanes.iter().enumerate() {
                                if i != at {
                                    ui.selectable_value(to, i, elide::one_line(&lane.label, 40));
                                }
                            }
                        })
                        .response
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Move them to")
                        });
                });
            }
            state.deleting = Some((kind, at, target));
            ui.horizontal(|ui| {
                if let Some(to) = target
                    && ui.button("Move them and delete the lane").clicked()
                {
                    commands.push(Command::ApplyEdit {
                        edit: Box::new(structure::remove_lane(timeline, at, LaneFate::MoveTo(to))),
                        name: name.clone(),
                    });
                    state.deleting = None;
                }
                if ui.button("Delete the lane and them").clicked() {
                    commands.push(Command::ApplyEdit {
                        edit: Box::new(structure::remove_lane(timeline, at, LaneFate::DeleteWith)),
                        name: name.clone(),
                    });
                    state.deleting = None;
                }
                if ui.button("Cancel").clicked() {
                    state.deleting = None;
                }
            });
        }
    });
}

/// "3 events", "1 period", "no periods".
fn plural(n: usize, word: &str) -> String {
    match n {
        0 => format!("no {word}s"),
        1 => format!("1 {word}"),
        n => format!("{} {word}s", crate::view::timeline::format_count(n)),
    }
}

/// A field for a new lane's or tag's name, and the button that adds it.
fn add_row(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    kind: Kind,
    state: &mut StructureState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let text = match kind {
            Kind::Lane => &mut state.new_lane,
            Kind::Tag => &mut state.new_tag,
        };
        let field = ui.add(
            egui::TextEdit::singleline(text)
                .desired_width(200.0)
                .hint_text(format!("New {} name", kind.word()))
                .id_salt((kind.word(), "new")),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::TextInput,
                true,
                format!("New {} name", kind.word()),
            )
        });
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui
            .add_enabled(
                !text.trim().is_empty(),
                egui::Button::new(format!("Add {}", kind.word())),
            )
            .clicked();
        if (entered || clicked) && !text.trim().is_empty() {
            let label = text.trim().to_owned();
            let edit = match kind {
                Kind::Lane => Edit::InsertLane {
                    at: timeline.lanes.len(),
                    lane: structure::new_lane(timeline, &label),
                },
                Kind::Tag => Edit::InsertTag {
                    at: timeline.tags.len(),
                    tag: structure::new_tag(timeline, &label),
                },
            };
            commands.push(Command::ApplyEdit {
                edit: Box::new(edit),
                name: format!("add {} {}", kind.word(), quoted(&label)),
            });
            text.clear();
        }
    });
}

/// One period: its name and its date (typed over to change them), its lane, duplicate, delete.
fn period_row(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    at: usize,
    state: &mut StructureState,
    commands: &mut Vec<Command>,
) {
    let period = &timeline.periods[at];
    let title = quoted(&period.title);
    let replace = |changed: Period| Edit::ReplacePeriod {
        at,
        period: changed,
        to: None,
    };
    ui.horizontal(|ui| {
        // The name.
        let typing = matches!(&state.renaming_period, Some((i, _)) if *i == at);
        let mut text = match &state.renaming_period {
            Some((_, t)) if typing => t.clone(),
            _ => period.title.clone(),
        };
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(170.0)
                .id_salt(("period", "name", at)),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::TextInput,
                true,
                format!("Name of period {}", elide::one_line(&period.title, 60)),
            )
        });
        if field.changed() {
            state.renaming_period = Some((at, text.clone()));
        }
        if field.lost_focus() && typing {
            let cancelled = ui.input(|i| i.key_pressed(egui::Key::Escape));
            let new = text.trim();
            if !cancelled && !new.is_empty() && new != period.title {
                let mut changed = period.clone();
                new.clone_into(&mut changed.title);
                commands.push(Command::ApplyEdit {
                    edit: Box::new(replace(changed)),
                    name: format!("rename period {title}"),
                });
            }
            state.renaming_period = None;
        }
        // The date, checked as it is typed.
        let typing = matches!(&state.redating, Some((i, _)) if *i == at);
        let mut text = match &state.redating {
            Some((_, t)) if typing => t.clone(),
            _ => period.when.to_string(),
        };
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(120.0)
                .id_salt(("period", "date", at)),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::TextInput,
                true,
                format!("Date of period {}", elide::one_line(&period.title, 60)),
            )
        });
        let read = DateSpec::parse(text.trim());
        if field.changed() {
            state.redating = Some((at, text.clone()));
        }
        if field.lost_focus() && typing {
            let cancelled = ui.input(|i| i.key_pressed(egui::Key::Escape));
            if let (false, Ok(when)) = (cancelled, read.as_ref())
                && *when != period.when
            {
                let mut changed = period.clone();
                changed.when = *when;
                commands.push(Command::ApplyEdit {
                    edit: Box::new(replace(changed)),
                    name: format!("change the date of period {title}"),
                });
            }
            state.redating = None;
        }
        // Its lane, or all of them.
        let lane_name = |lane: Option<LaneId>| {
            lane.map_or_else(
                || "All lanes".to_owned(),
                |l| elide::one_line(timeline.lane_label(l), 30).into_owned(),
            )
        };
        let mut lane = period.lane;
        egui::ComboBox::from_id_salt(("period-lane", at))
            .selected_text(lane_name(lane))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut lane, None, "All lanes");
                for i in 0..timeline.lanes.len() {
                    let id = u16::try_from(i).map(LaneId).ok();
                    ui.selectable_value(&mut lane, id, lane_name(id));
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::ComboBox,
                    true,
                    format!("Lane of period {}", elide::one_line(&period.title, 60)),
                )
            });
        if lane != period.lane {
            let mut changed = period.clone();
            changed.lane = lane;
            commands.push(Command::ApplyEdit {
                edit: Box::new(replace(changed)),
                name: format!("move period {title}"),
            });
        }
        if ui
            .button("Duplicate")
            .on_hover_text("Add a copy of this period")
            .clicked()
        {
            let mut copy = period.clone();
            copy.id = free_id(timeline, &format!("{}-copy", period.id));
            commands.push(Command::ApplyEdit {
                edit: Box::new(Edit::InsertPeriod {
                    at: None,
                    period: copy,
                }),
                name: format!("duplicate period {title}"),
            });
        }
        if ui.button("Delete").clicked() {
            commands.push(Command::ApplyEdit {
                edit: Box::new(Edit::RemovePeriod { at }),
                name: format!("delete period {title}"),
            });
        }
    });
    if let Some((i, text)) = &state.redating
        && *i == at
        && let Err(e) = DateSpec::parse(text.trim())
    {
        ui.colored_label(ui.visuals().warn_fg_color, e.to_string());
    }
}

/// `base`, or `base-2`, `base-3`… : the first that no event or period of the timeline has.
fn free_id(timeline: &Timeline, base: &str) -> String {
    let taken = |id: &str| {
        timeline.periods.iter().any(|p| p.id == id) || timeline.event_index(id).is_some()
    };
    if !taken(base) {
        return base.to_owned();
    }
    (2..timeline.periods.len() + timeline.events.len() + 3)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// Fields for a new period's name and date, and the button that adds it.
fn add_period_row(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    state: &mut StructureState,
    commands: &mut Vec<Command>,
) {
    let read = DateSpec::parse(state.new_period_date.trim());
    ui.horizontal(|ui| {
        let name = ui.add(
            egui::TextEdit::singleline(&mut state.new_period)
                .desired_width(170.0)
                .hint_text("New period name")
                .id_salt(("period", "new")),
        );
        name.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New period name")
        });
        let date = ui.add(
            egui::TextEdit::singleline(&mut state.new_period_date)
                .desired_width(120.0)
                .hint_text("1947~/1991~")
                .id_salt(("period", "new-date")),
        );
        date.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New period date")
        });
        let ready = !state.new_period.trim().is_empty() && read.is_ok();
        if ui
            .add_enabled(ready, egui::Button::new("Add period"))
            .clicked()
            && let Ok(when) = read.as_ref()
        {
            let title = state.new_period.trim().to_owned();
            let base = structure::slug(&title, "period");
            let period = Period {
                id: free_id(timeline, &base),
                title: title.clone(),
                when: *when,
                lane: None,
                summary: String::new(),
                provenance: Provenance::Unstated,
                sources: Vec::new(),
            };
            commands.push(Command::ApplyEdit {
                edit: Box::new(Edit::InsertPeriod { at: None, period }),
                name: format!("add period {}", quoted(&title)),
            });
            state.new_period.clear();
            state.new_period_date.clear();
        }
    });
    if !state.new_period_date.trim().is_empty()
        && let Err(e) = read
    {
        ui.colored_label(ui.visuals().warn_fg_color, e.to_string());
    }
}
