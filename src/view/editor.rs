//! Editing the selected event in the details panel. The form holds the fields as typed; a field is applied
//! when `Enter` is pressed or it loses focus, as one undoable step, and `Esc` puts back what the event
//! says. A date is checked as it is typed: the panel says what it means ("in 1974, known to the year") or
//! the loader's own words for what is wrong, and the old date stays until a good one is applied.

use egui::RichText;

use crate::app::command::Command;
use crate::model::{
    DateSpec, DetailsRef, Event, LaneId, Media, Provenance, QuoteRef, Status, TagId, Timeline,
};
use crate::view::elide;

/// The fields of the event being edited, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventForm {
    /// The event's position and the history generation the form was filled at: a form for another event
    /// or an older state is filled again.
    pub filled_for: Option<(usize, u64)>,
    /// The id.
    pub id: String,
    /// The title.
    pub title: String,
    /// The date, or a span's start, in EDTF.
    pub date: String,
    /// A span's end in EDTF (`..` ongoing), empty for a single date.
    pub end: String,
    /// The status.
    pub status: Status,
    /// The lane.
    pub lane: LaneId,
    /// The tags.
    pub tags: Vec<TagId>,
    /// What happened.
    pub summary: String,
    /// A remark on the date.
    pub note: String,
    /// The quotes: words and who said them.
    pub quotes: Vec<(String, String)>,
    /// People, separated by `;`.
    pub people: String,
    /// Places, separated by `;`.
    pub places: String,
    /// Sources: label and address.
    pub sources: Vec<(String, String)>,
    /// Where the event came from.
    pub provenance: Provenance,
    /// The media the event had: the parts the form does not edit (thumbnail, title, link) are kept from it.
    pub media: Option<Media>,
    /// The media's address, caption, credit and alt text, as typed.
    pub media_fields: [String; 4],
    /// The `at` of each quote, kept as the event had it.
    quote_places: Vec<Option<u32>>,
}

impl EventForm {
    /// The form for `event` (at position `at`, history generation `generation`).
    pub fn of(event: &Event, at: usize, generation: u64) -> Self {
        let d = event.details_ref();
        let (date, end) = match event.when {
            DateSpec::Single(date) => (date.to_string(), String::new()),
            spec @ DateSpec::Interval { .. } => {
                let text = spec.to_string();
                match text.split_once('/') {
                    Some((s, e)) => (
                        s.to_owned(),
                        if e.is_empty() {
                            "?".to_owned()
                        } else {
                            e.to_owned()
                        },
                    ),
                    None => (text, String::new()),
                }
            }
        };
        Self {
            filled_for: Some((at, generation)),
            id: event.id().to_owned(),
            title: event.title().to_owned(),
            date,
            end,
            status: event.status,
            lane: event.lane,
            tags: event.tags().collect(),
            summary: d.summary.to_owned(),
            note: d.note.unwrap_or_default().to_owned(),
            quotes: d
                .quotes
                .iter()
                .map(|q| (q.text.to_owned(), q.speaker.unwrap_or_default().to_owned()))
                .collect(),
            quote_places: d.quotes.iter().map(|q| q.at).collect(),
            people: d.people.join("; "),
            places: d.places.join("; "),
            sources: d
                .sources
                .iter()
                .map(|&(label, url)| (label.to_owned(), url.unwrap_or_default().to_owned()))
                .collect(),
            provenance: event.provenance,
            media: d.media.as_ref().map(crate::model::MediaRef::to_owned_media),
            media_fields: d.media.map_or_else(Default::default, |m| {
                [
                    m.url,
                    m.caption.unwrap_or_default(),
                    m.credit.unwrap_or_default(),
                    m.alt.unwrap_or_default(),
                ]
                .map(str::to_owned)
            }),
        }
    }

    /// The media as the form has it: the fields typed over what the event had (a field left as it was
    /// keeps the event's own value, even an empty alt text), or none when nothing is said.
    fn edited_media(&self) -> Option<Media> {
        let mut media = self.media.clone().unwrap_or_default();
        let [url, caption, credit, alt] = &self.media_fields;
        media.url.clone_from(url);
        for (part, typed) in [
            (&mut media.caption, caption),
            (&mut media.credit, credit),
            (&mut media.alt, alt),
        ] {
            if part.as_deref().unwrap_or_default() != typed.as_str() {
                *part = Some(typed.clone()).filter(|t| !t.trim().is_empty());
            }
        }
        Some(media).filter(|m| !m.is_empty())
    }

    /// The date as typed, read: a single date, or a span when an end is typed (`?` for an unknown end).
    pub fn when(&self) -> Result<DateSpec, String> {
        let end = self.end.trim();
        let text = match end {
            "" => self.date.trim().to_owned(),
            "?" => format!("{}/", self.date.trim()),
            _ => format!("{}/{end}", self.date.trim()),
        };
        DateSpec::parse(&text).map_err(|e| e.to_string())
    }

    /// The event as the form has it, or what is wrong with its date.
    pub fn event(&self) -> Result<Event, String> {
        Ok(self.event_dated(self.when()?))
    }

    /// The event as the form has it, dated `when`.
    fn event_dated(&self, when: DateSpec) -> Event {
        let list = |text: &str| -> Vec<String> {
            text.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let (people, places) = (list(&self.people), list(&self.places));
        let media = self.edited_media();
        let quotes: Vec<(String, String, Option<u32>)> = self
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, (text, _))| !text.trim().is_empty())
            .map(|(i, (text, speaker))| {
                (
                    text.clone(),
                    speaker.clone(),
                    self.quote_places.get(i).copied().flatten(),
                )
            })
            .collect();
        let details = DetailsRef {
            summary: &self.summary,
            note: Some(self.note.as_str()).filter(|n| !n.trim().is_empty()),
            text_date: None,
            quotes: quotes
                .iter()
                .map(|(text, speaker, at)| QuoteRef {
                    text,
                    speaker: Some(speaker.as_str()).filter(|s| !s.trim().is_empty()),
                    at: *at,
                })
                .collect(),
            people: people.iter().map(String::as_str).collect(),
            places: places.iter().map(String::as_str).collect(),
            sources: self
                .sources
                .iter()
                .filter(|(label, url)| !label.trim().is_empty() || !url.trim().is_empty())
                .map(|(label, url)| {
                    let label = if label.trim().is_empty() {
                        url.as_str()
                    } else {
                        label.as_str()
                    };
                    (label, Some(url.as_str()).filter(|u| !u.trim().is_empty()))
                })
                .collect(),
            media: media.as_ref().map(Media::borrowed),
        };
        let mut event = Event::new(&self.id, &self.title, when, &self.tags, &details);
        event.status = self.status;
        event.lane = self.lane;
        event.provenance = self.provenance;
        event
    }
}

/// Keeps the text the event had for a field so the details (like its text date) not in the form survive.
fn keep_text_date(new: Event, old: &Event) -> Event {
    let old_details = old.details_ref();
    if old_details.text_date.is_none() {
        return new;
    }
    let mut details = new.details_ref();
    details.text_date = old_details.text_date;
    let tags: Vec<TagId> = new.tags().collect();
    let mut event = Event::new(new.id(), new.title(), new.when, &tags, &details);
    event.status = new.status;
    event.lane = new.lane;
    event.provenance = new.provenance;
    event
}

/// What a field change is called in the undo history.
fn step_name(field: &str, title: &str) -> String {
    format!("{field} {}", crate::app::editing::step_title(title))
}

/// Shows the form for the event at `at`. Each applied field pushes [`Command::ReplaceEvent`]; Done pushes
/// [`Command::StopEditing`].
pub fn editor_ui(
    ui: &mut egui::Ui,
    timeline: &Timeline,
    at: usize,
    form: &mut EventForm,
    commands: &mut Vec<Command>,
) {
    let Some(old) = timeline.events.get(at) else {
        return;
    };
    let mut changed: Option<&'static str> = None;
    ui.horizontal(|ui| {
        ui.heading("Edit event");
        if ui
            .button("Done")
            .on_hover_text("Stop editing (Esc)")
            .clicked()
        {
            commands.push(Command::StopEditing);
        }
    });
    ui.add_space(4.0);
    // The fields' column gets what the panel has left after the names' column.
    let field_width = (ui.available_width() - GRID_NAMES - 8.0).max(120.0);
    egui::Grid::new("event-editor")
        .num_columns(2)
        .min_col_width(GRID_NAMES)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Title");
            if line(ui, &mut form.title, "Title", Some(old.title()), field_width) {
                changed = Some("rename");
            }
            ui.end_row();

            ui.label("Date");
            let was_date = date_text(old, true);
            if line(ui, &mut form.date, "Date", Some(&was_date), field_width) {
                changed = Some("change the date of");
            }
            ui.end_row();
            ui.label("End");
            let was_end = date_text(old, false);
            if line(ui, &mut form.end, "End", Some(&was_end), field_width) {
                changed = Some("change the date of");
            }
            ui.end_row();
            ui.label("");
            match form.when() {
                Ok(when) => {
                    let precision = match when.precision() {
                        crate::model::Precision::Year => "known to the year",
                        crate::model::Precision::Month => "known to the month",
                        crate::model::Precision::Day => "known to the day",
                    };
                    ui.weak(format!(
                        "{}, {precision}",
                        crate::model::capitalize(&when.describe())
                    ));
                }
                Err(message) => {
                    ui.colored_label(ui.visuals().warn_fg_color, message);
                }
            }
            ui.end_row();

            ui.label("Status");
            let status = form.status;
            egui::ComboBox::from_id_salt("editor-status")
                .selected_text(status.as_str())
                .show_ui(ui, |ui| {
                    for s in [Status::Occurred, Status::Planned, Status::Ongoing] {
                        ui.selectable_value(&mut form.status, s, s.as_str());
                    }
                })
                .response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Status"));
            if form.status != status {
                changed = Some("change the status of");
            }
            ui.end_row();

            ui.label("Lane");
            let lane = form.lane;
            egui::ComboBox::from_id_salt("editor-lane")
                .selected_text(elide::one_line(timeline.lane_label(lane), 40))
                .show_ui(ui, |ui| {
                    for (i, l) in timeline.lanes.iter().enumerate() {
                        ui.selectable_value(
                            &mut form.lane,
                            LaneId(i as u16),
                            elide::one_line(&l.label, 40),
                        );
                    }
                })
                .response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Lane"));
            if form.lane != lane {
                changed = Some("move");
            }
            ui.end_row();

            ui.label("Provenance");
            let provenance = form.provenance;
            egui::ComboBox::from_id_salt("editor-provenance")
                .selected_text(provenance_name(provenance))
                .show_ui(ui, |ui| {
                    for p in [
                        Provenance::Article,
                        Provenance::Context,
                        Provenance::Unstated,
                    ] {
                        ui.selectable_value(&mut form.provenance, p, provenance_name(p));
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Provenance")
                });
            if form.provenance != provenance {
                changed = Some("change where it came from:");
            }
            ui.end_row();
        });
    if !timeline.tags.is_empty() {
        ui.label("Tags");
        ui.horizontal_wrapped(|ui| {
            for (i, tag) in timeline.tags.iter().enumerate() {
                let id = TagId(i as u16);
                let mut on = form.tags.contains(&id);
                if ui
                    .checkbox(&mut on, elide::one_line(&tag.label, 40))
                    .changed()
                {
                    if on {
                        form.tags.push(id);
                        form.tags.sort_unstable();
                    } else {
                        form.tags.retain(|t| *t != id);
                    }
                    changed = Some("change the tags of");
                }
            }
        });
    }
    ui.label("Summary");
    if area(
        ui,
        &mut form.summary,
        "Summary",
        Some(old.details_ref().summary),
    ) {
        changed = Some("edit");
    }
    ui.label("Note on the date");
    if area(
        ui,
        &mut form.note,
        "Note",
        Some(old.details_ref().note.unwrap_or_default()),
    ) {
        changed = Some("edit");
    }
    ui.label("People (separated by ;)");
    if line(
        ui,
        &mut form.people,
        "People",
        Some(&old.details_ref().people.join("; ")),
        ui.available_width(),
    ) {
        changed = Some("edit");
    }
    ui.label("Places (separated by ;)");
    if line(
        ui,
        &mut form.places,
        "Places",
        Some(&old.details_ref().places.join("; ")),
        ui.available_width(),
    ) {
        changed = Some("edit");
    }
    ui.label("What the text says");
    let mut remove_quote = None;
    for (i, (text, speaker)) in form.quotes.iter_mut().enumerate() {
        if area(ui, text, &format!("Quote {}", i + 1), None) {
            changed = Some("edit the quotes of");
        }
        ui.horizontal(|ui| {
            ui.label("said by");
            if line(
                ui,
                speaker,
                &format!("Speaker of quote {}", i + 1),
                None,
                ui.available_width() - REMOVE_ROOM,
            ) {
                changed = Some("edit the quotes of");
            }
            if ui.small_button("Remove").clicked() {
                remove_quote = Some(i);
            }
        });
    }
    if let Some(i) = remove_quote {
        form.quotes.remove(i);
        if i < form.quote_places.len() {
            form.quote_places.remove(i);
        }
        changed = Some("edit the quotes of");
    }
    if ui.small_button("Add a quote").clicked() {
        form.quotes.push((String::new(), String::new()));
        form.quote_places.push(None);
    }
    ui.label("Sources");
    let mut remove_source = None;
    for (i, (label, url)) in form.sources.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            if line(
                ui,
                label,
                &format!("Source {} label", i + 1),
                None,
                ui.available_width() - REMOVE_ROOM,
            ) {
                changed = Some("edit the sources of");
            }
            if ui.small_button("Remove").clicked() {
                remove_source = Some(i);
            }
        });
        if line(
            ui,
            url,
            &format!("Source {} address", i + 1),
            None,
            ui.available_width(),
        ) {
            changed = Some("edit the sources of");
        }
    }
    if let Some(i) = remove_source {
        form.sources.remove(i);
        changed = Some("edit the sources of");
    }
    if ui.small_button("Add a source").clicked() {
        form.sources.push((String::new(), String::new()));
    }
    ui.label("Media (a picture, video, map or page)");
    let was = old.details_ref().media.unwrap_or_default();
    let was_parts = [
        was.url,
        was.caption.unwrap_or_default(),
        was.credit.unwrap_or_default(),
        was.alt.unwrap_or_default(),
    ];
    for ((field, name), was) in form
        .media_fields
        .iter_mut()
        .zip([
            "Media address",
            "Media caption",
            "Media credit",
            "Media alt text",
        ])
        .zip(was_parts)
    {
        if line(ui, field, name, Some(was), ui.available_width()) {
            changed = Some("edit the media of");
        }
    }
    if let Some(field) = changed {
        // A date typed wrong is not applied (its message shows under it): the event keeps its date, and
        // the other fields still apply.
        let when = form.when().unwrap_or(old.when);
        let event = keep_text_date(form.event_dated(when), old);
        if &event != old {
            commands.push(Command::ReplaceEvent {
                at,
                event: Box::new(event),
                name: step_name(field, old.title()),
            });
        }
    }
}

fn provenance_name(p: Provenance) -> &'static str {
    match p {
        Provenance::Article => "from the article",
        Provenance::Context => "context",
        Provenance::Unstated => "not stated",
    }
}

/// The event's date (`start`) or end as the form shows it.
fn date_text(event: &Event, start: bool) -> String {
    match event.when {
        DateSpec::Single(date) if start => date.to_string(),
        DateSpec::Single(_) => String::new(),
        spec @ DateSpec::Interval { .. } => {
            let text = spec.to_string();
            let (s, e) = text.split_once('/').unwrap_or((&text, ""));
            match (start, e) {
                (true, _) => s.to_owned(),
                (false, "") => "?".to_owned(),
                (false, e) => e.to_owned(),
            }
        }
    }
}

/// The room a row keeps for its Remove button after its field.
const REMOVE_ROOM: f32 = 72.0;

/// The width of the editor's column of field names.
const GRID_NAMES: f32 = 80.0;

/// A one-line field named `name`: applied (returns true) on Enter or when it loses focus after a change;
/// Esc puts back `was`.
/// `width` is the room the panel gives, never more: a field asking for more would widen the panel, frame
/// after frame.
fn line(ui: &mut egui::Ui, text: &mut String, name: &str, was: Option<&str>, width: f32) -> bool {
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(width.max(80.0))
            .hint_text(RichText::new(name).weak()),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
    committed(ui, &response, text, was)
}

/// A field of several lines named `name`, applied when it loses focus after a change.
fn area(ui: &mut egui::Ui, text: &mut String, name: &str, was: Option<&str>) -> bool {
    let width = ui.available_width();
    let response = ui.add(
        egui::TextEdit::multiline(text)
            .desired_rows(2)
            .desired_width(width.max(80.0)),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, name));
    committed(ui, &response, text, was)
}

/// Whether the field's change is to be applied now (Enter, or focus moved away); on Esc the field takes back
/// `was` and nothing is applied.
fn committed(
    ui: &egui::Ui,
    response: &egui::Response,
    text: &mut String,
    was: Option<&str>,
) -> bool {
    let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if escape && (response.has_focus() || response.lost_focus()) {
        if let Some(was) = was {
            was.clone_into(text);
        }
        response.surrender_focus();
        return false;
    }
    response.lost_focus()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Timeline {
        crate::formats::builtin().unwrap()
    }

    #[test]
    fn a_form_gives_back_the_event_it_was_filled_from() {
        let t = builtin();
        for (i, event) in t.events.iter().enumerate() {
            let form = EventForm::of(event, i, 0);
            let back = keep_text_date(form.event().unwrap(), event);
            assert_eq!(&back, event, "{}", event.id());
        }
    }

    #[test]
    fn a_form_keeps_the_media_and_edits_its_words() {
        let t = builtin();
        let event = &t.events[0];
        let mut details = event.details();
        details.media = Some(Media {
            url: "media/dot.png".into(),
            alt: Some(String::new()),
            thumbnail: Some("small.png".into()),
            link_target: Some("_blank".into()),
            ..Media::default()
        });
        let tags: Vec<TagId> = event.tags().collect();
        let mut with_media = Event::new(
            event.id(),
            event.title(),
            event.when,
            &tags,
            &details.borrowed(),
        );
        with_media.status = event.status;
        with_media.lane = event.lane;
        with_media.provenance = event.provenance;
        let mut form = EventForm::of(&with_media, 0, 0);
        assert_eq!(
            keep_text_date(form.event().unwrap(), &with_media),
            with_media
        );
        form.media_fields[1] = "A dot".into();
        let edited = form.event().unwrap().details().media.unwrap();
        assert_eq!(edited.caption.as_deref(), Some("A dot"));
        // What the form does not edit, and the empty alt text left alone, are kept.
        assert_eq!(edited.alt.as_deref(), Some(""));
        assert_eq!(edited.thumbnail.as_deref(), Some("small.png"));
        // Emptied, the media is gone.
        form.media_fields = Default::default();
        form.media = None;
        assert_eq!(form.event().unwrap().details().media, None);
    }

    #[test]
    fn a_typed_date_is_read_or_refused_in_the_loaders_words() {
        let t = builtin();
        let mut form = EventForm::of(&t.events[0], 0, 0);
        form.date = "2015-11".into();
        form.end.clear();
        assert_eq!(form.when().unwrap().to_string(), "2015-11");
        form.date = "2015-02-30".into();
        assert_eq!(
            form.when().unwrap_err(),
            "invalid date \"2015-02-30\": that day does not exist"
        );
        form.date = "1939".into();
        form.end = "1945".into();
        assert_eq!(form.when().unwrap().to_string(), "1939/1945");
        form.end = "..".into();
        assert!(form.when().unwrap().is_open());
    }
}
