//! Drafting events from a text's dated sentences: one event per dated statement, dated at the
//! precision written (approximate for "early 2015", uncertain when the year was taken from the date
//! mentioned before), planned when it lies after the text's own date or the sentence speaks of the
//! future, titled from the clause around its date, with its sentence as the quote word for word. The
//! same date told twice of the same thing is one event. Mentions that cannot be placed ("a recent
//! meeting", "yesterday" in a text without a date) are listed as needing a date, never guessed.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::anchor::{Anchor, Mention};
use super::lexicon::Season;
use super::sentence::Sentence;
use super::tense::{self, Tense};
use super::title;
use super::value::{Grain, Point, Value, YearPart};
use super::{Modifier, Reading};
use crate::model::Day;
use crate::model::{
    DateSpec, DetailsRef, EdtfDate, Event, IntervalEnd, Provenance, QuoteRef, SourceText, Status,
    Tag, TagId, Timeline,
};

/// The tag every drafted event carries until a person has reviewed it.
pub const DRAFT_TAG: &str = "draft";

/// The draft tag's name in the legend.
pub const DRAFT_TAG_LABEL: &str = "Draft — not reviewed";

/// How a draft is labelled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftOptions {
    /// The name of the text (its file name), for the timeline's title and description.
    pub name: String,
}

impl DraftOptions {
    /// Options for a text read from `path`.
    pub fn for_file(path: &Path) -> Self {
        Self {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

/// One drafted event, before it becomes part of a timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftEvent {
    /// When, at the precision written.
    pub when: DateSpec,
    /// A short title from the clause around the date.
    pub title: String,
    /// Planned (a target, or after the text's date) or occurred.
    pub status: Status,
    /// The sentences that tell of it, word for word, with their byte ranges in the text.
    pub quotes: Vec<(usize, usize)>,
    /// The bytes of the temporal expressions that date it.
    pub mentions: Vec<(usize, usize)>,
    /// A remark on the date: how it was anchored.
    pub note: Option<String>,
}

/// A dated-sounding mention that could not be placed on the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undated {
    /// The bytes of the expression.
    pub mention: (usize, usize),
    /// The bytes of its sentence.
    pub sentence: (usize, usize),
    /// The expression's words.
    pub words: String,
    /// Why it has no date.
    pub reason: &'static str,
}

impl Undated {
    /// One line for a person: the words and why they need a date.
    pub fn describe(&self) -> String {
        let words: String = self.words.chars().take(60).collect();
        format!("{:?} ({})", words, self.reason)
    }
}

/// A drafted timeline, with what could not be dated.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The draft as a timeline: every event tagged [`DRAFT_TAG`], from the article.
    pub timeline: Timeline,
    /// The drafted events, in the order of the timeline's events.
    pub events: Vec<DraftEvent>,
    /// Mentions that need a date before they can be placed.
    pub undated: Vec<Undated>,
    /// Every temporal expression of the text, in order, anchored (what the drafting read).
    pub mentions: Vec<Mention>,
}

/// Drafts a timeline from `text`, written on `document_date` when known.
pub fn draft(text: &str, document_date: Option<NaiveDate>, options: &DraftOptions) -> Draft {
    let reading = super::read(text, document_date);
    let (events, undated) = draft_events(text, &reading, document_date);
    let timeline = timeline(text, &events, &undated, document_date, options);
    Draft {
        timeline,
        events,
        undated,
        mentions: reading.mentions,
    }
}

/// The events and the undated mentions of a text already read.
pub fn draft_events(
    text: &str,
    reading: &Reading,
    document_date: Option<NaiveDate>,
) -> (Vec<DraftEvent>, Vec<Undated>) {
    let mut events: Vec<DraftEvent> = Vec::new();
    let mut by_date = HashMap::default();
    let mut undated = Vec::new();
    let mut next_mention = 0;
    let mentions = &reading.mentions;
    for sentence in &reading.sentences {
        let (s_start, s_end) = (sentence.start as usize, sentence.end as usize);
        let first = next_mention;
        while next_mention < mentions.len() && mentions[next_mention].start < s_end {
            next_mention += 1;
        }
        let here = &mentions[first..next_mention];
        if here.is_empty() {
            continue;
        }
        let tense = tense::of_sentence(
            text,
            &reading.tokens[sentence.first as usize..sentence.last as usize],
        );
        let mut dated: Vec<Dated<'_>> = Vec::new();
        let mut k = 0;
        while k < here.len() {
            let m = &here[k];
            // A range is one thing: its two ends make one interval.
            if let Some((r_start, r_end, false)) = m.range
                && let Some(end) = here
                    .get(k + 1)
                    .filter(|e| e.range == Some((r_start, r_end, true)))
            {
                if let (Some(a), Some(b)) = (date_of(m), date_of(end)) {
                    let spec = interval(a, b);
                    if let Some(spec) = spec {
                        dated.push((
                            spec,
                            (r_start, r_end),
                            vec![(m.start, m.end), (end.start, end.end)],
                            m,
                        ));
                    }
                }
                k += 2;
                continue;
            }
            match classify(m, text) {
                Class::Dated(spec) => {
                    dated.push((spec, (m.start, m.end), vec![(m.start, m.end)], m));
                }
                Class::Undated(reason) => undated.push(Undated {
                    mention: (m.start, m.end),
                    sentence: (s_start, s_end),
                    words: text.get(m.start..m.end).unwrap_or_default().to_owned(),
                    reason,
                }),
                Class::NotAnEvent => {}
            }
            k += 1;
        }
        // A coarse date that holds a finer one of the same sentence tells of the same thing.
        let kept: Vec<usize> = (0..dated.len())
            .filter(|&a| {
                !dated
                    .iter()
                    .enumerate()
                    .any(|(b, other)| b != a && finer_inside(&other.0, &dated[a].0))
            })
            .collect();
        for a in kept {
            let (when, span, spans, m) = &dated[a];
            let sentence_text = sentence.text(text);
            let local = (
                span.0.clamp(s_start, s_end) - s_start,
                span.1.clamp(s_start, s_end) - s_start,
            );
            let title = title::from_clause(sentence_text, local);
            let planned = is_planned(when, tense, document_date, m, text);
            let event = DraftEvent {
                when: *when,
                title,
                status: if planned {
                    Status::Planned
                } else {
                    Status::Occurred
                },
                quotes: vec![trimmed(text, sentence)],
                mentions: spans.clone(),
                note: note(m),
            };
            merge_or_push(&mut events, &mut by_date, event, text);
        }
    }
    events.sort_by_key(|e| e.when.first_day());
    (events, undated)
}

/// A date found in a sentence: the date, the bytes of its expression (a whole range for a range),
/// the bytes of each expression, and the mention itself.
type Dated<'m> = (DateSpec, (usize, usize), Vec<(usize, usize)>, &'m Mention);

enum Class {
    Dated(DateSpec),
    Undated(&'static str),
    NotAnEvent,
}

fn classify(m: &Mention, text: &str) -> Class {
    match m.value {
        Value::Point(_) | Value::Unknown if m.anchor == Anchor::Missing => {
            Class::Undated("a relative date, and the text's own date is not known")
        }
        Value::Point(p) if !p.is_anchored() => Class::Undated("the year is not known"),
        Value::Point(_) => match date_of(m) {
            Some(spec) => Class::Dated(spec),
            None => Class::Undated("the date cannot be placed"),
        },
        // "a recent meeting", "his recent visit": one occurrence, not dated; "recent years" is no event.
        Value::Past if one_occurrence(text, m) => {
            Class::Undated("said to be in the past, without a date")
        }
        _ => Class::NotAnEvent,
    }
}

/// Whether the words before a mention make it one occurrence ("a recent meeting", "the recent visit").
fn one_occurrence(text: &str, m: &Mention) -> bool {
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "his", "her", "its", "their", "our", "this",
    ];
    let before = text.get(..m.start).unwrap_or_default().trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    DETERMINERS.contains(&word.as_str())
}

/// The sentence's bytes without the white space around it.
fn trimmed(text: &str, sentence: &Sentence) -> (usize, usize) {
    let s = sentence.text(text);
    let lead = s.len() - s.trim_start().len();
    let tail = s.len() - s.trim_end().len();
    (sentence.start as usize + lead, sentence.end as usize - tail)
}

/// Whether `finer` is more precise than `coarse` and lies within it ("1 September 1939" in "1939").
fn finer_inside(finer: &DateSpec, coarse: &DateSpec) -> bool {
    let far = NaiveDate::MAX;
    let (fs, fe) = finer.covered(far);
    let (cs, ce) = coarse.covered(far);
    let (f_len, c_len) = (fe.0 - fs.0, ce.0 - cs.0);
    fs >= cs && fe <= ce && f_len < c_len
}

/// Adds `event`, or merges it into an earlier one with the same date that tells of the same thing.
/// `by_date` holds, for each date, the indices of the events on it and their significant words.
fn merge_or_push(
    events: &mut Vec<DraftEvent>,
    by_date: &mut HashMap<DateSpec, Vec<(usize, BTreeSet<String>)>>,
    event: DraftEvent,
    text: &str,
) {
    let words = significant_words(&event.title);
    let same_day = by_date.entry(event.when).or_default();
    let same = same_day.iter().find(|(_, other)| {
        !words.is_empty() && words.intersection(other).count() * 2 >= words.len().min(other.len())
    });
    if let Some(&(index, _)) = same {
        let same = &mut events[index];
        for q in event.quotes {
            if !same
                .quotes
                .iter()
                .any(|&s| text.get(s.0..s.1) == text.get(q.0..q.1))
            {
                same.quotes.push(q);
            }
        }
        same.mentions.extend(event.mentions);
        return;
    }
    same_day.push((events.len(), words));
    events.push(event);
}

/// The words of a title that say what it is about (not "the", "in", "was").
fn significant_words(title: &str) -> BTreeSet<String> {
    const STOP: &[&str] = &[
        "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "by", "for", "with", "was",
        "were", "is", "are", "its", "his", "her", "their", "it", "he", "she", "they", "that",
        "this", "from", "as", "had", "has", "have", "be", "been",
    ];
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// Whether the event is a plan or target: after the text's own date, or told in the future tense ("is
/// eyeing membership by 2026", "will open in 2030") at a date not before the text's own.
fn is_planned(
    when: &DateSpec,
    tense: Tense,
    document_date: Option<NaiveDate>,
    m: &Mention,
    text: &str,
) -> bool {
    let first = when.first_day();
    if let Some(d) = document_date.map(Day::from) {
        if first > d {
            return true;
        }
        if when.covered(d).1 < d {
            return false;
        }
    }
    let by = text
        .get(..m.start)
        .unwrap_or_default()
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("by"));
    tense == Tense::Future || (by && document_date.is_none() && tense != Tense::Past)
}

fn note(m: &Mention) -> Option<String> {
    match m.anchor {
        Anchor::Document => Some("Counted from the text's own date.".to_owned()),
        Anchor::Narrative => Some(
            "The text does not say the year here; it is taken from the date mentioned before."
                .to_owned(),
        ),
        Anchor::Absolute | Anchor::Missing => None,
    }
}

/// The date of a mention as the model writes it, at the precision written.
pub fn date_of(m: &Mention) -> Option<DateSpec> {
    let Value::Point(p) = m.value else {
        return None;
    };
    let approximate = matches!(
        m.modifier,
        Modifier::Early | Modifier::Mid | Modifier::Late | Modifier::Approx
    );
    let uncertain = m.anchor == Anchor::Narrative && p.year.is_some();
    let spec = spec_of(&p)?;
    Some(qualify(spec, approximate, uncertain))
}

fn qualify(spec: DateSpec, approximate: bool, uncertain: bool) -> DateSpec {
    let q = |mut d: EdtfDate| {
        d.approximate |= approximate;
        d.uncertain |= uncertain;
        d
    };
    match spec {
        DateSpec::Single(d) => DateSpec::Single(q(d)),
        DateSpec::Interval { start, end } => DateSpec::Interval {
            start: start.map(q),
            end: match end {
                IntervalEnd::Date(d) => IntervalEnd::Date(q(d)),
                other => other,
            },
        },
    }
}

/// A calendar value as a model date: a single date for a year, month or day, an interval for a week,
/// a season, a quarter, a half, a decade or a century.
fn spec_of(p: &Point) -> Option<DateSpec> {
    let single = |y: i32, m: Option<u8>, d: Option<u8>| {
        EdtfDate::new(i64::from(y), m, d).map(DateSpec::Single)
    };
    let span = |a: EdtfDate, b: EdtfDate| {
        Some(DateSpec::Interval {
            start: Some(a),
            end: IntervalEnd::Date(b),
        })
    };
    match p.grain {
        Grain::Year => single(p.year?, None, None),
        Grain::Month => single(p.year?, Some(p.month?), None),
        Grain::Day | Grain::Time => single(p.year?, Some(p.month?), Some(p.day?)),
        Grain::Week => {
            let monday =
                NaiveDate::from_isoywd_opt(p.year?, u32::from(p.week?), chrono::Weekday::Mon)?;
            let sunday = monday + chrono::Duration::days(6);
            span(EdtfDate::from_naive(monday), EdtfDate::from_naive(sunday))
        }
        Grain::Part => {
            let y = p.year?;
            let (a, b) = match p.part? {
                YearPart::Season(Season::Winter) => ((y, 12), (y + 1, 2)),
                YearPart::Season(s) => {
                    let (first, last) = s.months();
                    ((y, first), (y, last))
                }
                YearPart::Quarter(q) => ((y, 3 * q - 2), (y, 3 * q)),
                YearPart::Half(h) => ((y, 6 * h - 5), (y, 6 * h)),
            };
            span(
                EdtfDate::new(i64::from(a.0), Some(a.1), None)?,
                EdtfDate::new(i64::from(b.0), Some(b.1), None)?,
            )
        }
        Grain::Decade | Grain::Century | Grain::Millennium => {
            let size = match p.grain {
                Grain::Decade => 10,
                Grain::Century => 100,
                _ => 1000,
            };
            let (first, last) = if p.bc {
                // Historical years: the 470s BC run from 479 BC to 470 BC.
                let oldest = p.era_number * size + size - 1;
                let newest = (p.era_number * size).max(1);
                (1 - oldest, 1 - newest)
            } else {
                let first = (p.era_number * size).max(1);
                (first, p.era_number * size + size - 1)
            };
            span(
                EdtfDate::new(i64::from(first), None, None)?,
                EdtfDate::new(i64::from(last), None, None)?,
            )
        }
    }
}

/// One interval from the two ends of a range.
fn interval(a: DateSpec, b: DateSpec) -> Option<DateSpec> {
    let start = a.anchor();
    let end = match b {
        DateSpec::Single(d)
        | DateSpec::Interval {
            end: IntervalEnd::Date(d),
            ..
        } => d,
        DateSpec::Interval { .. } => b.anchor(),
    };
    if end.last_day() < start.first_day() {
        return None;
    }
    Some(DateSpec::Interval {
        start: Some(start),
        end: IntervalEnd::Date(end),
    })
}

/// The draft as a timeline a person can open, review and save.
fn timeline(
    text: &str,
    events: &[DraftEvent],
    undated: &[Undated],
    document_date: Option<NaiveDate>,
    options: &DraftOptions,
) -> Timeline {
    let name = if options.name.is_empty() {
        "the text".to_owned()
    } else {
        options.name.clone()
    };
    let mut description = format!(
        "Drafted from {name}: one event per dated statement, each with its sentence. Every \
         event is tagged \"{DRAFT_TAG}\" until it is reviewed."
    );
    if !undated.is_empty() {
        let _ = write!(
            description,
            " {} mention{} need{} a date and {} not on the timeline: ",
            undated.len(),
            if undated.len() == 1 { "" } else { "s" },
            if undated.len() == 1 { "s" } else { "" },
            if undated.len() == 1 { "is" } else { "are" },
        );
        let listed: Vec<String> = undated
            .iter()
            .take(10)
            .map(|u| {
                let sentence = text.get(u.sentence.0..u.sentence.1).unwrap_or_default();
                format!(
                    "{} in \"{}\"",
                    u.describe(),
                    title::shorten(sentence.trim())
                )
            })
            .collect();
        description.push_str(&listed.join("; "));
        if undated.len() > 10 {
            let _ = write!(description, "; and {} more", undated.len() - 10);
        }
        description.push('.');
    }
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let mut timeline = Timeline {
        title: format!(
            "Draft: {}",
            title::shorten(if first_line.is_empty() {
                &name
            } else {
                first_line
            })
        ),
        description,
        source: Some(SourceText {
            title: title::shorten(first_line),
            published: document_date.map(|d| {
                DateSpec::Single(
                    EdtfDate::new(
                        i64::from(d.year()),
                        Some(d.month() as u8),
                        Some(d.day() as u8),
                    )
                    .unwrap_or_else(|| EdtfDate::from_naive(d)),
                )
            }),
            note: Some(format!("Drafted from {name}.")),
            ..SourceText::default()
        }),
        tags: vec![Tag {
            id: DRAFT_TAG.to_owned(),
            label: DRAFT_TAG_LABEL.to_owned(),
        }],
        ..Timeline::default()
    };
    let char_at = char_offsets(
        text,
        events.iter().flat_map(|e| e.quotes.iter().map(|q| q.0)),
    );
    let mut used = BTreeSet::new();
    for e in events {
        let base = format!(
            "{}-{}",
            e.when.anchor().year,
            crate::formats::timelinejs::slugify(&e.title)
                .chars()
                .take(40)
                .collect::<String>()
        );
        let mut id = base.trim_end_matches('-').to_owned();
        let mut n = 2;
        while !used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let quotes = e
            .quotes
            .iter()
            .map(|&(a, b)| QuoteRef {
                text: text.get(a..b).unwrap_or_default(),
                speaker: None,
                at: char_at.get(&a).copied(),
            })
            .collect();
        let details = DetailsRef {
            note: e.note.as_deref(),
            quotes,
            ..DetailsRef::default()
        };
        let mut event = Event::new(&id, &e.title, e.when, &[TagId(0)], &details);
        event.status = e.status;
        event.provenance = Provenance::Article;
        timeline.events.push(event);
    }
    timeline.sort_chronologically();
    timeline
}

/// The character offset of each of `bytes` (UTF-8 byte offsets into `text`), found in one pass over
/// the text. Offsets that are not character boundaries are left out.
fn char_offsets(text: &str, bytes: impl Iterator<Item = usize>) -> HashMap<usize, u32> {
    let mut wanted: Vec<usize> = bytes.collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut found = HashMap::default();
    let mut next = wanted.iter().peekable();
    for (chars, (byte, _)) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .enumerate()
    {
        while let Some(&&w) = next.peek() {
            if w < byte {
                next.next();
            } else {
                break;
            }
        }
        if next.peek() == Some(&&byte) {
            found.insert(byte, u32::try_from(chars).unwrap_or(u32::MAX));
            next.next();
        }
        if next.peek().is_none() {
            break;
        }
    }
    found
}
