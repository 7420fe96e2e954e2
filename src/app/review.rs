//! Drafting a timeline from a text in the window, and reviewing the draft beside the text: the draft is
//! made on a background thread, opens as a new unsaved timeline with its text in the side panel, and each
//! drafted event (tagged "draft" until reviewed) is accepted, rejected, edited or merged with another,
//! every step undoable. Mentions that could not be dated are listed, each ready to become an event.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::{DatelineApp, Notice};
use crate::document::Document;
use crate::draft::{self, DRAFT_TAG, DRAFT_TAG_LABEL, Draft, DraftOptions};
use crate::model::edit::Edit;
use crate::model::{DetailsRef, Event, Provenance, QuoteRef, Status, Tag, TagId, Timeline};
use crate::view::text_panel::SourceTextView;

/// What a finished drafting gives: the draft and the text it was made from, or why it could not be made.
type Drafted = Result<(Box<Draft>, String), String>;

/// A drafting under way on another thread.
pub struct Drafting {
    /// The text file drafted from.
    pub path: PathBuf,
    result: mpsc::Receiver<Drafted>,
}

/// A mention of a date the finder could not place, kept beside the draft for the person to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedsDate {
    /// The mention's words and why it has no date ("\"recent\" (relative, and the text has no date)").
    pub describe: String,
    /// Its sentence, word for word.
    pub sentence: String,
    /// Where the sentence begins in the text, in characters.
    pub at: u32,
}

/// Whether `path` names a text to draft from (plain text, Markdown or HTML) rather than a timeline.
pub fn is_text_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "text" | "md" | "markdown" | "html" | "htm"
        )
    })
}

/// The id of the draft tag in `timeline`, if it has one.
pub fn draft_tag(timeline: &Timeline) -> Option<TagId> {
    timeline
        .tags
        .iter()
        .position(|t| t.id == DRAFT_TAG)
        .and_then(|i| u16::try_from(i).ok())
        .map(TagId)
}

/// Whether the event at `at` is a draft not yet reviewed.
pub fn is_draft(timeline: &Timeline, at: usize) -> bool {
    draft_tag(timeline)
        .zip(timeline.events.get(at))
        .is_some_and(|(tag, e)| e.has_tag(tag))
}

/// The event without the draft tag: reviewed.
fn accepted(timeline: &Timeline, at: usize) -> Option<Event> {
    let tag = draft_tag(timeline)?;
    let event = timeline.events.get(at)?;
    let tags: Vec<TagId> = event.tags().filter(|&t| t != tag).collect();
    Some(event.with_tags(&tags))
}

/// The next draft after position `from` in time order (wrapping round), if any is left.
pub fn next_draft(timeline: &Timeline, from: Option<usize>) -> Option<usize> {
    let tag = draft_tag(timeline)?;
    let n = timeline.events.len();
    let start = from.map_or(0, |f| f + 1);
    (0..n)
        .map(|k| (start + k) % n.max(1))
        .find(|&i| timeline.events[i].has_tag(tag))
}

/// One edit that merges the event at `from` into the event at `into`: `into` keeps its date and title and
/// takes the other's quotes, people, places and sources that it lacks; `from` goes.
pub fn merge(timeline: &Timeline, from: usize, into: usize) -> Option<Edit> {
    if from == into {
        return None;
    }
    let (a, b) = (timeline.events.get(into)?, timeline.events.get(from)?);
    let (da, db) = (a.details_ref(), b.details_ref());
    let mut details: DetailsRef<'_> = da.clone();
    for q in db.quotes {
        if !details.quotes.iter().any(|have| have.text == q.text) {
            details.quotes.push(q);
        }
    }
    details
        .quotes
        .sort_by_key(|q: &QuoteRef<'_>| q.at.unwrap_or(u32::MAX));
    for p in db.people {
        if !details.people.contains(&p) {
            details.people.push(p);
        }
    }
    for p in db.places {
        if !details.places.contains(&p) {
            details.places.push(p);
        }
    }
    for s in db.sources {
        if !details.sources.contains(&s) {
            details.sources.push(s);
        }
    }
    let tags: Vec<TagId> = a.tags().collect();
    let mut merged = Event::new(a.id(), a.title(), a.when, &tags, &details);
    merged.status = a.status;
    merged.lane = a.lane;
    merged.provenance = a.provenance;
    // Replace first (positions stay), then remove the other.
    Some(Edit::Batch(vec![
        Edit::ReplaceEvent {
            at: into,
            event: merged,
            to: Some(into),
        },
        Edit::RemoveEvent { at: from },
    ]))
}

impl DatelineApp {
    /// Starts drafting a timeline from the text at `path` on another thread.
    pub(super) fn start_draft(&mut self, path: PathBuf) {
        let (tx, rx) = mpsc::channel();
        let wake = self.repaint.wake();
        let file = path.clone();
        let spawned = std::thread::Builder::new()
            .name("dateline-draft".into())
            .spawn(move || {
                let result = draft::input::read_path(&file)
                    .map_err(|e| e.to_string())
                    .map(|source| {
                        let published = draft::published::stated(&source.text);
                        let made =
                            draft::draft(&source.text, published, &DraftOptions::for_file(&file));
                        (Box::new(made), source.text)
                    });
                let _ = tx.send(result);
                wake();
            });
        match spawned {
            Ok(_) => self.drafting = Some(Drafting { path, result: rx }),
            Err(e) => self.notice = Some(Notice::error(format!("Cannot start drafting: {e}"))),
        }
    }

    /// Takes a finished draft: it becomes the open timeline, unsaved, with its text beside it.
    pub(super) fn poll_draft(&mut self) {
        let Some(job) = &self.drafting else { return };
        let result = match job.result.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => {
                Err("drafting stopped unexpectedly".to_owned())
            }
        };
        let path = job.path.clone();
        self.drafting = None;
        match result {
            Ok((made, text)) => self.install_draft(&path, *made, text),
            Err(message) => {
                self.notice = Some(Notice::error(format!(
                    "{message}\nThe timeline on screen is unchanged."
                )));
            }
        }
    }

    fn install_draft(&mut self, path: &Path, made: Draft, text: String) {
        let Draft {
            timeline,
            undated,
            mentions,
            ..
        } = made;
        let events = timeline.events.len();
        if events == 0 && undated.is_empty() {
            self.notice = Some(Notice::error(format!(
                "{}: no dates found in this text, so there is nothing to draft.\nThe timeline on screen is unchanged.",
                crate::formats::show::path(path)
            )));
            return;
        }
        let mut doc = Document::new(timeline, None, false);
        doc.mark_unsaved();
        self.install_document(doc);
        self.needs_date = undated
            .iter()
            .map(|u| NeedsDate {
                describe: u.describe(),
                sentence: text
                    .get(u.sentence.0..u.sentence.1)
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
                at: u32::try_from(text.get(..u.sentence.0).map_or(0, |t| t.chars().count()))
                    .unwrap_or(u32::MAX),
            })
            .collect();
        let published = draft::published::stated(&text);
        self.source_text = Some(SourceTextView::with_mentions(
            path.to_owned(),
            text,
            self.doc.timeline(),
            mentions,
            published,
        ));
        self.side_tab = super::persist::SideTab::Text;
        self.selected = next_draft(self.doc.timeline(), None);
        self.reveal = self.selected.is_some();
        let waiting = match self.needs_date.len() {
            1 => "1 mention needing a date".to_owned(),
            n => format!("{n} mentions needing a date"),
        };
        let drafted = match events {
            1 => "1 event to review".to_owned(),
            n => format!("{n} events to review"),
        };
        self.notice = Some(Notice::info(format!(
            "Drafted from {}: {drafted}, {waiting}. Accept (A), reject (R) or edit (E) each; J goes to the next.",
            crate::formats::show::path(path)
        )));
    }

    /// Accepts the selected draft (it is reviewed), and goes to the next.
    pub(super) fn accept_selected(&mut self) {
        let Some(at) = self.selected.filter(|&i| is_draft(self.doc.timeline(), i)) else {
            return;
        };
        let Some(event) = accepted(self.doc.timeline(), at) else {
            return;
        };
        let name = format!("accept {}", super::editing::step_title(event.title()));
        let id = event.id().to_owned();
        if self.edit(
            Edit::ReplaceEvent {
                at,
                event,
                to: Some(at),
            },
            name,
            None,
        ) {
            let here = self.doc.timeline().event_index(&id);
            self.go_to_next_draft(here);
        }
    }

    /// Rejects the selected draft (it is deleted), and goes to the next.
    pub(super) fn reject_selected(&mut self) {
        let Some(at) = self.selected.filter(|&i| is_draft(self.doc.timeline(), i)) else {
            return;
        };
        let name = format!(
            "reject {}",
            super::editing::step_title(self.doc.timeline().events[at].title())
        );
        if self.edit(Edit::RemoveEvent { at }, name, None) {
            self.go_to_next_draft(at.checked_sub(1));
        }
    }

    /// Accepts every draft left, as one step.
    pub(super) fn accept_all(&mut self) {
        let timeline = self.doc.timeline();
        let edits: Vec<Edit> = (0..timeline.events.len())
            .filter(|&i| is_draft(timeline, i))
            .filter_map(|i| {
                accepted(timeline, i).map(|event| Edit::ReplaceEvent {
                    at: i,
                    event,
                    to: Some(i),
                })
            })
            .collect();
        if edits.is_empty() {
            return;
        }
        let n = edits.len();
        self.edit(Edit::Batch(edits), format!("accept {n} drafts"), None);
    }

    /// Merges the selected draft into the event before it in time (one event mentioned twice).
    pub(super) fn merge_selected(&mut self) {
        let Some(at) = self.selected.filter(|&i| i > 0) else {
            return;
        };
        let into = at - 1;
        let Some(edit) = merge(self.doc.timeline(), at, into) else {
            return;
        };
        let name = format!(
            "merge {} into {}",
            super::editing::step_title(self.doc.timeline().events[at].title()),
            super::editing::step_title(self.doc.timeline().events[into].title())
        );
        if self.edit(edit, name, None) {
            self.select_and_reveal(into);
        }
    }

    /// Selects the next draft after `from`, or says that none is left.
    pub(super) fn go_to_next_draft(&mut self, from: Option<usize>) {
        match next_draft(self.doc.timeline(), from.or(self.selected)) {
            Some(i) => self.select_and_reveal(i),
            None => {
                self.notice = Some(Notice::info(
                    "Every draft is reviewed. Save As keeps the timeline.",
                ));
            }
        }
    }

    /// Makes an event from the sentence of a mention that needed a date, and opens it for editing (the
    /// person types its date).
    pub(super) fn date_mention(&mut self, k: usize) {
        let Some(item) = self.needs_date.get(k).cloned() else {
            return;
        };
        let title: String = crate::view::elide::one_line(&item.sentence, 80).into_owned();
        let mut details = DetailsRef::default();
        details.quotes.push(QuoteRef {
            text: &item.sentence,
            speaker: None,
            at: Some(item.at),
        });
        let when = self.date_in_view();
        let id = self.doc.fresh_id("dated-mention");
        let tags: Vec<TagId> = draft_tag(self.doc.timeline()).into_iter().collect();
        let mut event = Event::new(&id, &title, when, &tags, &details);
        event.provenance = Provenance::Article;
        if self.edit(
            Edit::InsertEvent { at: None, event },
            format!("add {}", super::editing::step_title(&title)),
            None,
        ) {
            self.needs_date.remove(k);
            self.start_editing();
            self.notice = Some(Notice::info(
                "Type the date the text means for this sentence, then accept it.",
            ));
        }
    }

    /// Makes an event from the words of the source text at bytes `start..end`: its quote is the
    /// sentence covering them, word for word; its date, title and status are drafted from the dates the
    /// finder read in them when it read one there, and otherwise it waits in the middle of the view for
    /// the person to type its date. It is a draft from the article (the timeline gets the draft tag when
    /// it has none), selected and open in the editor. One undoable step.
    pub(super) fn event_from_text(&mut self, start: usize, end: usize) {
        let Some(text) = &self.source_text else {
            return;
        };
        let Some(made) = draft::selection::from_selection(
            &text.text,
            &text.mentions,
            text.published,
            start,
            end,
        ) else {
            self.notice = Some(Notice::info(
                "Select words of a sentence to make an event from them.",
            ));
            return;
        };
        let (q0, q1) = made.quote;
        let sentence = text.text.get(q0..q1).unwrap_or_default().to_owned();
        let at =
            u32::try_from(text.text.get(..q0).map_or(0, |t| t.chars().count())).unwrap_or(u32::MAX);
        let timeline = self.doc.timeline();
        let (tag, add_tag) = if let Some(tag) = draft_tag(timeline) {
            (tag, None)
        } else {
            let place = timeline.tags.len();
            let add = Edit::InsertTag {
                at: place,
                tag: Tag {
                    id: DRAFT_TAG.to_owned(),
                    label: DRAFT_TAG_LABEL.to_owned(),
                },
            };
            (TagId(u16::try_from(place).unwrap_or(u16::MAX)), Some(add))
        };
        let (when, title, status, note) = match &made.event {
            Some(e) => (e.when, e.title.clone(), e.status, e.note.clone()),
            None => (
                self.date_in_view(),
                draft::title::shorten(&sentence),
                Status::Occurred,
                None,
            ),
        };
        let dated = made.event.is_some();
        let mut details = DetailsRef {
            note: note.as_deref(),
            ..DetailsRef::default()
        };
        details.quotes.push(QuoteRef {
            text: &sentence,
            speaker: None,
            at: Some(at),
        });
        let slug: String = crate::formats::timelinejs::slugify(&title)
            .chars()
            .take(40)
            .collect();
        let id = self.doc.fresh_id(&format!(
            "{}-{}",
            when.anchor().year,
            slug.trim_end_matches('-')
        ));
        let mut event = Event::new(&id, &title, when, &[tag], &details);
        event.status = status;
        event.provenance = Provenance::Article;
        let insert = Edit::InsertEvent { at: None, event };
        let edit = match add_tag {
            Some(add) => Edit::Batch(vec![add, insert]),
            None => insert,
        };
        if !self.edit(
            edit,
            format!("add {}", super::editing::step_title(&title)),
            None,
        ) {
            return;
        }
        self.text_panel.clear_selection();
        // The text kept the keyboard: the editor's fields take it now.
        if let Some(ctx) = self.repaint.ctx() {
            ctx.memory_mut(egui::Memory::stop_text_input);
        }
        if let Some(i) = self.doc.timeline().event_index(&id) {
            self.select_and_reveal(i);
        }
        self.start_editing();
        self.notice = Some(Notice::info(if dated {
            format!(
                "Made an event {} from the words selected: check it, then accept it (A).",
                when.describe()
            )
        } else {
            "The words selected give no date the finder reads: type the date the text means, then \
             accept it (A)."
                .to_owned()
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drafted() -> Timeline {
        let text = "The amendment was passed in 1974. Kazakhstan joined the WTO in 2015. \
                    In 2015 Kazakhstan became a member of the WTO.";
        draft::draft(text, None, &DraftOptions::default()).timeline
    }

    #[test]
    fn drafts_are_found_in_order_and_counted() {
        let t = drafted();
        let tag = draft_tag(&t).expect("a draft has the draft tag");
        let n = crate::explore::filter::Counts::of(&t).tags[usize::from(tag.0)];
        assert!(n >= 2, "{n}");
        let first = next_draft(&t, None).unwrap();
        assert!(is_draft(&t, first));
        assert_ne!(next_draft(&t, Some(first)), Some(first));
    }

    #[test]
    fn a_merge_keeps_both_quotes_in_one_event() {
        let t = drafted();
        let with_quotes: Vec<usize> = (0..t.events.len()).collect();
        let (into, from) = (with_quotes[0], with_quotes[1]);
        let edit = merge(&t, from, into).unwrap();
        let mut after = t.clone();
        let mut ids = crate::model::edit::Ids::of(&after);
        crate::model::edit::apply(&mut after, &mut ids, edit).unwrap();
        assert_eq!(after.events.len(), t.events.len() - 1);
        let quotes = after.events[into].details().quotes;
        let want = t.events[into].details().quotes.len() + t.events[from].details().quotes.len();
        assert_eq!(quotes.len(), want);
        assert!(merge(&t, 0, 0).is_none());
    }

    #[test]
    fn text_files_are_told_from_timelines_by_their_names() {
        assert!(is_text_file(Path::new("article.txt")));
        assert!(is_text_file(Path::new("Page.HTML")));
        assert!(is_text_file(Path::new("notes.md")));
        assert!(!is_text_file(Path::new("timeline.json")));
        assert!(!is_text_file(Path::new("sheet.csv")));
    }
}
