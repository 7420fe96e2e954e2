//! Finding the events' quotes in the source text, tolerant of typographic quotes, dashes, case, accents and
//! line breaks, so the text panel can highlight each quoted passage and link it to its events.

use crate::model::Timeline;

/// Text folded for matching, with the original byte offset of every folded byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    /// The folded text (see [`super::search::fold`]).
    pub text: String,
    /// For each byte of `text`, the byte offset in the original it came from; one extra entry for the end.
    pub origin: Vec<usize>,
}

/// Folds `text` like [`super::search::fold`], remembering where each folded byte came from.
pub fn fold_with_map(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    super::search::fold_chars(text, |offset, c| {
        out.push(c);
        origin.extend(std::iter::repeat_n(offset, c.len_utf8()));
    });
    origin.push(text.len());
    Folded { text: out, origin }
}

/// Where a quote stands in the source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the first character in the original text.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The events quoting this passage, in timeline order.
    pub events: Vec<usize>,
}

/// The byte range of `needle` in `haystack`, both original texts, or `None`.
pub fn find(haystack: &Folded, original_haystack: &str, needle: &str) -> Option<(usize, usize)> {
    let folded_needle = super::search::fold(needle);
    if folded_needle.is_empty() {
        return None;
    }
    let at = haystack.text.find(&folded_needle)?;
    let start = haystack.origin[at];
    let last = at + folded_needle.len() - 1;
    let last_origin = haystack.origin[last];
    // The end is just past the original character the last folded byte came from.
    let end = original_haystack[last_origin..]
        .chars()
        .next()
        .map_or(original_haystack.len(), |c| last_origin + c.len_utf8());
    Some((start, end))
}

/// Every quote of `timeline` found in `text`, sorted by position; quotes of several events at the same
/// place share a span.
pub fn locate_quotes(text: &str, timeline: &Timeline) -> Vec<QuoteSpan> {
    let folded = fold_with_map(text);
    let mut spans: Vec<QuoteSpan> = Vec::new();
    for (i, event) in timeline.events.iter().enumerate() {
        for &crate::model::QuoteRef { text: quote, .. } in &event.details_ref().quotes {
            let Some((start, end)) = find(&folded, text, quote) else {
                continue;
            };
            match spans.iter_mut().find(|s| s.start == start && s.end == end) {
                Some(span) => {
                    if !span.events.contains(&i) {
                        span.events.push(i);
                    }
                }
                None => spans.push(QuoteSpan {
                    start,
                    end,
                    events: vec![i],
                }),
            }
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    // Drop spans nested inside an earlier one: the outer passage already links to its events.
    let mut kept: Vec<QuoteSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        match kept.last_mut() {
            Some(prev) if span.start < prev.end => {
                for e in span.events {
                    if !prev.events.contains(&e) {
                        prev.events.push(e);
                    }
                }
            }
            _ => kept.push(span),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_variants_match() {
        let text = "He said: “This is a relic of an era that’s passed.” Then – nothing.";
        let folded = fold_with_map(text);
        let (s, e) = find(
            &folded,
            text,
            "\"this is a relic of an era that's passed.\"",
        )
        .unwrap();
        assert_eq!(&text[s..e], "“This is a relic of an era that’s passed.”");
        let (s, e) = find(&folded, text, "Then - nothing").unwrap();
        assert_eq!(&text[s..e], "Then – nothing");
    }

    #[test]
    fn sentences_across_lines_match() {
        let text = "The amendment, enacted in\n1974,   aimed to promote\r\nhuman rights.";
        let folded = fold_with_map(text);
        let (s, e) = find(
            &folded,
            text,
            "The amendment, enacted in 1974, aimed to promote human rights.",
        )
        .unwrap();
        assert_eq!((s, e), (0, text.len()));
        assert!(find(&folded, text, "not there").is_none());
        assert!(find(&folded, text, "   ").is_none());
    }

    #[test]
    fn accents_map_back_to_whole_characters() {
        let text = "a Brasília b";
        let folded = fold_with_map(text);
        let (s, e) = find(&folded, text, "brasilia").unwrap();
        assert_eq!(&text[s..e], "Brasília");
    }

    #[test]
    fn the_builtin_quotes_are_found_in_the_article() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/reference/article.txt");
        let Ok(article) = std::fs::read_to_string(path) else {
            return;
        };
        let t = crate::formats::builtin().unwrap();
        let spans = locate_quotes(&article, &t);
        let quoted: usize = t
            .events
            .iter()
            .filter(|e| !e.details().quotes.is_empty())
            .count();
        let linked: std::collections::BTreeSet<usize> =
            spans.iter().flat_map(|s| s.events.clone()).collect();
        assert_eq!(linked.len(), quoted);
        assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
