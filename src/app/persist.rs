//! What the app remembers between launches: the open files, the visible range, the selection, the
//! filters and the theme. A stored state that cannot be read, or that an older version wrote, gives the
//! defaults — never an error dialog or a crash.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::explore::filter::Filters;

/// The version of the stored state; a different stored version is ignored.
pub const STATE_VERSION: u32 = 1;

/// The storage key.
pub const STATE_KEY: &str = "dateline-state";

/// The theme the person chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always dark.
    Dark,
    /// Always light.
    Light,
}

impl ThemeChoice {
    /// The egui preference for this choice.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Dark => egui::ThemePreference::Dark,
            Self::Light => egui::ThemePreference::Light,
        }
    }

    /// The choice for an egui preference.
    pub fn from_preference(preference: egui::ThemePreference) -> Self {
        match preference {
            egui::ThemePreference::System => Self::System,
            egui::ThemePreference::Dark => Self::Dark,
            egui::ThemePreference::Light => Self::Light,
        }
    }
}

/// The side panel's tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideTab {
    /// The selected event's details.
    #[default]
    Details,
    /// The source text with the quoted passages highlighted.
    Text,
}

/// The remembered state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// [`STATE_VERSION`] when written.
    pub version: u32,
    /// The open timeline file; `None` for the built-in dataset.
    pub file: Option<PathBuf>,
    /// The open source text, as an older version remembered it (for whatever timeline was open); read
    /// once into [`Self::texts`] and no longer written.
    #[serde(skip_serializing)]
    pub text_file: Option<PathBuf>,
    /// The source text read beside each timeline, most recent first.
    pub texts: Vec<TextFor>,
    /// The visible range, in days since 1970-01-01.
    pub view_range: Option<(f64, f64)>,
    /// Whether the scale for stories is on (long empty stretches compressed into breaks).
    pub story_scale: bool,
    /// The selected event's id.
    pub selected_id: Option<String>,
    /// The filters.
    pub filters: Filters,
    /// The theme.
    pub theme: ThemeChoice,
    /// The side panel's tab.
    pub side_tab: SideTab,
    /// Recently opened timeline files, most recent first (at most [`MAX_RECENT`]).
    pub recent: Vec<PathBuf>,
    /// How the open file was read (a spreadsheet's columns and day order, as chosen in its dialog), so
    /// opening it again at the next launch reads it the same way without asking.
    pub reading: crate::formats::ReadOptions,
}

/// A source text remembered for one timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextFor {
    /// The timeline file; `None` for the built-in dataset.
    pub timeline: Option<PathBuf>,
    /// The text read beside it.
    pub text: PathBuf,
}

/// How many timelines' texts are remembered.
pub const MAX_TEXTS: usize = 20;

/// The text remembered for `timeline`, if any.
pub fn text_for<'a>(texts: &'a [TextFor], timeline: Option<&Path>) -> Option<&'a Path> {
    texts
        .iter()
        .find(|t| t.timeline.as_deref() == timeline)
        .map(|t| t.text.as_path())
}

/// Remembers `text` for `timeline` (forgets it with `None`), most recent first, at most [`MAX_TEXTS`].
pub fn set_text_for(texts: &mut Vec<TextFor>, timeline: Option<&Path>, text: Option<&Path>) {
    texts.retain(|t| t.timeline.as_deref() != timeline);
    if let Some(text) = text {
        texts.insert(
            0,
            TextFor {
                timeline: timeline.map(Path::to_owned),
                text: text.to_owned(),
            },
        );
    }
    texts.truncate(MAX_TEXTS);
}

/// How many recently opened files are remembered.
pub const MAX_RECENT: usize = 10;

/// Puts `path` first in `recent`, removing it further down and keeping at most [`MAX_RECENT`].
pub fn push_recent(recent: &mut Vec<PathBuf>, path: &Path) {
    recent.retain(|p| p != path);
    recent.insert(0, path.to_owned());
    recent.truncate(MAX_RECENT);
}

impl Default for Persisted {
    fn default() -> Self {
        Self {
            version: STATE_VERSION,
            file: None,
            text_file: None,
            texts: Vec::new(),
            view_range: None,
            story_scale: false,
            selected_id: None,
            filters: Filters::default(),
            theme: ThemeChoice::System,
            side_tab: SideTab::Details,
            recent: Vec::new(),
            reading: crate::formats::ReadOptions::default(),
        }
    }
}

impl Persisted {
    /// Reads the state from storage; anything unreadable or from another version gives the defaults.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| s.get_string(STATE_KEY))
            .map_or_else(Self::default, |text| Self::from_ron(&text))
    }

    /// Parses stored text; anything unreadable or from another version gives the defaults.
    pub fn from_ron(text: &str) -> Self {
        match ron::from_str::<Self>(text) {
            Ok(state) if state.version == STATE_VERSION => state.sanitized(),
            _ => Self::default(),
        }
    }

    /// Writes the state to storage.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        if let Ok(text) = ron::to_string(self) {
            storage.set_string(STATE_KEY, text);
        }
    }

    /// Drops values no view could show (a range that is not finite or is reversed).
    fn sanitized(mut self) -> Self {
        self.recent.truncate(MAX_RECENT);
        if let Some(text) = self.text_file.take()
            && text_for(&self.texts, self.file.as_deref()).is_none()
        {
            let file = self.file.clone();
            set_text_for(&mut self.texts, file.as_deref(), Some(&text));
        }
        self.texts.truncate(MAX_TEXTS);
        if let Some((s, e)) = self.view_range
            && !(s.is_finite() && e.is_finite() && e > s)
        {
            self.view_range = None;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_a_sheet_was_read_is_remembered() {
        use crate::formats::sheet::{DayOrder, Mapping, Role};
        let mut mapping = Mapping::default();
        mapping.set(Role::Date, Some(0));
        mapping.set(Role::Lane, Some(3));
        let mut state = Persisted::default();
        state.reading.sheet.order = Some(DayOrder::DayFirst);
        state.reading.sheet.mapping = Some(mapping);
        state.reading.sheet.columns = vec![(Role::Title, "Event".into())];
        let text = ron::to_string(&state).unwrap();
        assert_eq!(Persisted::from_ron(&text), state);
        // A state written before readings were remembered still reads, with none.
        let old = text.replace(
            &format!(",reading:{}", ron::to_string(&state.reading).unwrap()),
            "",
        );
        assert!(!old.contains("reading"), "{old}");
        assert_eq!(
            Persisted::from_ron(&old).reading,
            crate::formats::ReadOptions::default()
        );
    }

    #[test]
    fn round_trips_and_survives_garbage() {
        let mut state = Persisted {
            view_range: Some((1.0, 2.0)),
            selected_id: Some("x".into()),
            ..Persisted::default()
        };
        state.filters.article_only = true;
        let text = ron::to_string(&state).unwrap();
        assert_eq!(Persisted::from_ron(&text), state);
        assert_eq!(
            Persisted::from_ron("not ron at all {"),
            Persisted::default()
        );
        assert_eq!(
            Persisted::from_ron("(version: 0, selected_id: Some(\"x\"))"),
            Persisted::default()
        );
        assert_eq!(
            Persisted::from_ron("(version: 1, view_range: Some((5.0, 1.0)))").view_range,
            None
        );
    }

    #[test]
    fn each_timeline_keeps_its_own_text() {
        let mut texts = Vec::new();
        let mine = Path::new("/t/mine.json");
        set_text_for(&mut texts, None, Some(Path::new("/t/article.txt")));
        set_text_for(&mut texts, Some(mine), Some(Path::new("/t/other.txt")));
        assert_eq!(text_for(&texts, None), Some(Path::new("/t/article.txt")));
        assert_eq!(
            text_for(&texts, Some(mine)),
            Some(Path::new("/t/other.txt"))
        );
        assert_eq!(text_for(&texts, Some(Path::new("/t/new.json"))), None);
        // Closing the text forgets it for that timeline only.
        set_text_for(&mut texts, Some(mine), None);
        assert_eq!(text_for(&texts, Some(mine)), None);
        assert_eq!(text_for(&texts, None), Some(Path::new("/t/article.txt")));
        for i in 0..30 {
            let timeline = PathBuf::from(format!("/t/{i}.json"));
            set_text_for(&mut texts, Some(&timeline), Some(Path::new("/t/x.txt")));
        }
        assert_eq!(texts.len(), MAX_TEXTS);
    }

    #[test]
    fn an_older_states_single_text_belongs_to_the_timeline_it_was_open_with() {
        let state = Persisted::from_ron(
            "(version: 1, file: Some(\"/t/mine.json\"), text_file: Some(\"/t/article.txt\"))",
        );
        assert_eq!(
            text_for(&state.texts, Some(Path::new("/t/mine.json"))),
            Some(Path::new("/t/article.txt"))
        );
        assert_eq!(text_for(&state.texts, None), None);
        assert!(!ron::to_string(&state).unwrap().contains("text_file"));
    }

    #[test]
    fn recent_files_are_most_recent_first_without_repeats_and_at_most_ten() {
        let mut recent = Vec::new();
        for i in 0..12 {
            push_recent(&mut recent, Path::new(&format!("/f{i}.json")));
        }
        assert_eq!(recent.len(), MAX_RECENT);
        assert_eq!(recent[0], Path::new("/f11.json"));
        push_recent(&mut recent, Path::new("/f5.json"));
        assert_eq!(recent[0], Path::new("/f5.json"));
        assert_eq!(recent.iter().filter(|p| p.ends_with("f5.json")).count(), 1);
        assert_eq!(recent.len(), MAX_RECENT);
        // A state stored before the list existed still reads, with an empty list.
        assert!(Persisted::from_ron("(version: 1)").recent.is_empty());
    }
}
