//! An event from words a person selected in the text, for a date the drafting left out: its quote is the
//! sentence covering the selection, word for word, and its date is what the finder read in the
//! selection, drafted the way every other event is (precision, planned status, title from the clause),
//! when it read one there.

use chrono::NaiveDate;

use super::Reading;
use super::anchor::Mention;
use super::event::{DraftEvent, draft_events};
use super::sentence::{self, Sentence};
use super::token;

/// What a selection gives.
#[derive(Clone, Debug, PartialEq)]
pub struct FromSelection {
    /// The bytes of the sentence covering the selection (the sentences, when it runs over several).
    pub quote: (usize, usize),
    /// The event drafted from the dates the finder read in the selection, when it read one there; its
    /// quote is [`Self::quote`].
    pub event: Option<DraftEvent>,
}

/// The event `text[start..end]` gives. `mentions` are the text's temporal expressions as the finder
/// read them in the whole text (in order, anchored), `document_date` the date the text was written.
/// `None` when the selection holds no word.
pub fn from_selection(
    text: &str,
    mentions: &[Mention],
    document_date: Option<NaiveDate>,
    start: usize,
    end: usize,
) -> Option<FromSelection> {
    let (start, end) = (start.min(end), start.max(end));
    let quote = sentence::covering(text, start, end)?;
    let (q0, q1) = quote;
    let inside = |m: &Mention| q0 <= m.start && m.end <= q1;
    let touched = |m: &Mention| m.start < end.max(start + 1) && start < m.end;
    // The expressions the selection touches, with the other end of a range it touches one end of.
    let first = mentions.partition_point(|m| m.end <= q0);
    let last = first + mentions[first..].partition_point(|m| m.start < q1);
    let here = &mentions[first..last];
    let picked: Vec<Mention> = here
        .iter()
        .filter(|m| inside(m))
        .filter(|m| {
            touched(m)
                || m.range.is_some_and(|r| {
                    here.iter()
                        .any(|other| other.range == Some((r.0, r.1, !r.2)) && touched(other))
                })
        })
        .map(|m| Mention {
            start: m.start - q0,
            end: m.end - q0,
            range: m
                .range
                .map(|(a, b, is_end)| (a.saturating_sub(q0), b - q0.min(b), is_end)),
            ..*m
        })
        .collect();
    if picked.is_empty() {
        return Some(FromSelection { quote, event: None });
    }
    // The quote read as one sentence, with the expressions picked.
    let words = text.get(q0..q1)?;
    let tokens = token::tokenize(words);
    let sentence = Sentence {
        first: 0,
        last: u32::try_from(tokens.len()).ok()?,
        start: 0,
        end: u32::try_from(words.len()).ok()?,
    };
    let reading = Reading {
        tokens,
        sentences: vec![sentence],
        mentions: picked,
    };
    let (events, _) = draft_events(words, &reading, document_date);
    let event = events.into_iter().next().map(|mut e| {
        let shift = |(a, b): (usize, usize)| (a + q0, b + q0);
        e.quotes = e.quotes.into_iter().map(shift).collect();
        e.mentions = e.mentions.into_iter().map(shift).collect();
        e
    });
    Some(FromSelection { quote, event })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    const TEXT: &str = "The Platform\n\nThe talks began in the year of the treaty. The amendment, \
                        enacted in 1974, still applies. Uzbekistan is eyeing membership by 2026. \
                        The war lasted from 1939 to 1945, they said.";

    fn select(words: &str, published: Option<NaiveDate>) -> FromSelection {
        let mentions = crate::draft::mentions(TEXT, published);
        let at = TEXT.find(words).unwrap();
        from_selection(TEXT, &mentions, published, at, at + words.len()).unwrap()
    }

    fn quoted(got: &FromSelection) -> &str {
        &TEXT[got.quote.0..got.quote.1]
    }

    #[test]
    fn words_without_a_date_give_their_sentence_and_no_date() {
        let got = select("the year of the treaty", None);
        assert_eq!(quoted(&got), "The talks began in the year of the treaty.");
        assert_eq!(got.event, None);
    }

    #[test]
    fn a_date_in_the_selection_dates_the_event() {
        let got = select("enacted in 1974", None);
        assert_eq!(
            quoted(&got),
            "The amendment, enacted in 1974, still applies."
        );
        let event = got.event.expect("1974 is read");
        assert_eq!(event.when.to_string(), "1974");
        assert_eq!(event.quotes, vec![got.quote]);
        let at = TEXT.find("1974").unwrap();
        assert_eq!(event.mentions, vec![(at, at + 4)]);
        assert!(
            !event.title.is_empty() && event.title.len() <= 90,
            "{}",
            event.title
        );
    }

    #[test]
    fn a_target_is_planned_and_a_range_is_one_interval() {
        let published = NaiveDate::from_ymd_opt(2025, 2, 1);
        let got = select("membership by 2026", published);
        let event = got.event.expect("2026 is read");
        assert_eq!(event.when.to_string(), "2026");
        assert_eq!(event.status, Status::Planned);
        // Selecting one end of a range takes the whole range.
        let got = select("1939", None);
        assert_eq!(quoted(&got), "The war lasted from 1939 to 1945, they said.");
        assert_eq!(got.event.expect("a range").when.to_string(), "1939/1945");
    }

    #[test]
    fn a_selection_of_white_space_gives_nothing() {
        let mentions = crate::draft::mentions(TEXT, None);
        let gap = TEXT.find("\n\n").unwrap();
        assert_eq!(from_selection(TEXT, &mentions, None, gap, gap + 2), None);
        // A selection given backwards is taken forwards.
        let at = TEXT.find("1974").unwrap();
        let got = from_selection(TEXT, &mentions, None, at + 4, at).unwrap();
        assert!(got.event.is_some());
    }
}
