//! Search: case- and accent-insensitive matching of titles, summaries, quotes, people and places.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::{Event, Timeline};

/// Calls `each(offset, c)` for the folded characters of `text`, with the byte offset of the character each
/// came from: accents removed, lower case, typographic quotes and dashes made plain, runs of white space
/// made one space (leading white space dropped).
pub fn fold_chars(text: &str, mut each: impl FnMut(usize, char)) {
    let mut last_space = true;
    for (offset, original) in text.char_indices() {
        for c in std::iter::once(original).nfd() {
            if is_combining_mark(c) {
                continue;
            }
            let c = match c {
                '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if c == ' ' {
                if !last_space {
                    each(offset, ' ');
                }
                last_space = true;
            } else {
                last_space = false;
                for lower in c.to_lowercase() {
                    each(offset, lower);
                }
            }
        }
    }
}

/// Folds text for matching (see [`fold_chars`]), without a trailing space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_chars(text, |_, c| out.push(c));
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Everything about an event a search looks at, folded.
pub fn haystack(event: &Event) -> String {
    let d = event.details_ref();
    let mut text = String::new();
    text.push_str(event.title());
    text.push('\n');
    text.push_str(d.summary);
    for q in &d.quotes {
        text.push('\n');
        text.push_str(q.text);
        if let Some(s) = q.speaker {
            text.push('\n');
            text.push_str(s);
        }
    }
    for p in d.people.iter().chain(&d.places) {
        text.push('\n');
        text.push_str(p);
    }
    fold(&text)
}

/// A search over one timeline: its folded texts, built once.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    texts: Vec<String>,
}

impl SearchIndex {
    /// Folds every event of `timeline`.
    pub fn build(timeline: &Timeline) -> Self {
        Self {
            texts: timeline.events.iter().map(haystack).collect(),
        }
    }

    /// Whether event `i` matches every word of the folded `query` (an empty query matches everything).
    pub fn matches(&self, i: usize, folded_query: &str) -> bool {
        let Some(text) = self.texts.get(i) else {
            return false;
        };
        folded_query
            .split(' ')
            .filter(|w| !w.is_empty())
            .all(|w| text.contains(w))
    }

    /// Follows a change of one event: the text of the event that was at `removed` is dropped, and
    /// `inserted`'s text (its position and the event now there) put in its place in the order.
    pub fn follow(&mut self, removed: Option<usize>, inserted: Option<(usize, &Event)>) {
        if let Some(r) = removed
            && r < self.texts.len()
        {
            self.texts.remove(r);
        }
        if let Some((i, event)) = inserted {
            self.texts.insert(i.min(self.texts.len()), haystack(event));
        }
    }

    /// The indices of the matching events, in order.
    pub fn find(&self, query: &str) -> Vec<usize> {
        let q = fold(query);
        (0..self.texts.len())
            .filter(|&i| self.matches(i, &q))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_typography() {
        assert_eq!(fold("Brasília"), "brasilia");
        assert_eq!(fold("TOKAYEV’s  “threat”\n– x"), "tokayev's \"threat\" - x");
        assert_eq!(fold("  Ünïcödé  "), "unicode");
    }

    #[test]
    fn search_finds_the_two_wto_events_and_people() {
        let t = crate::formats::builtin().unwrap();
        let s = SearchIndex::build(&t);
        let wto: Vec<&str> = s.find("WTO").iter().map(|&i| t.events[i].id()).collect();
        assert!(
            wto.contains(&"kazakhstan-joins-wto")
                && wto.contains(&"kazakhstan-signs-wto-accession-protocol"),
            "{wto:?}"
        );
        assert!(!s.find("tokayev").is_empty());
        assert!(!s.find("TOKÁYEV").is_empty(), "accent-insensitive");
        assert_eq!(s.find("").len(), t.events.len());
        assert!(s.find("zzzz-nothing").is_empty());
    }
}
