//! Splitting a text into sentences. A full stop ends a sentence unless it ends an abbreviation that
//! never ends one (`Mr.`, `Dr.`, `Gen.`, `Jan.`, `No.`), an initial (`J.`), or a dotted abbreviation
//! such as `U.S.` followed by a word that does not start sentences; a blank line always ends one.

use super::token::{Kind, Token};

/// One sentence: its tokens and its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The index of its first token.
    pub first: u32,
    /// One past the index of its last token.
    pub last: u32,
    /// Its first byte.
    pub start: u32,
    /// One past its last byte.
    pub end: u32,
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

/// Abbreviations after which a full stop does not end the sentence.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "cpt", "sgt", "maj", "adm",
    "cmdr", "brig", "gov", "sen", "rep", "pres", "rev", "hon", "st", "mt", "ft", "no", "nos", "vs",
    "v", "cf", "ca", "c", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "fig", "vol", "pp", "p", "op", "jr", "sr", "messrs", "esq", "gens",
];

/// Words that start sentences often: after `U.S.` or `B.C.` one of them means a new sentence.
const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "however",
    "his",
    "her",
    "their",
    "its",
    "after",
    "by",
    "during",
    "when",
    "while",
    "as",
    "meanwhile",
    "although",
    "from",
    "for",
    "with",
    "yet",
    "some",
];

/// Splits `tokens` of `text` into sentences (every token belongs to exactly one).
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut first = 0usize;
    let close = |first: usize, last: usize, out: &mut Vec<Sentence>| {
        if last > first {
            out.push(Sentence {
                first: first as u32,
                last: last as u32,
                start: tokens[first].start,
                end: tokens[last - 1].end,
            });
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if i > first && t.paragraph_before {
            close(first, i, &mut sentences);
            first = i;
        }
        let ends = match t.kind {
            Kind::Punct('!' | '?') => true,
            Kind::Punct('.') => full_stop_ends(text, tokens, i),
            _ => false,
        };
        if ends {
            // Closing quotes and brackets belong to the sentence they close.
            let mut last = i + 1;
            while last < tokens.len()
                && !tokens[last].space_before
                && matches!(
                    tokens[last].kind,
                    Kind::Punct('"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
                )
            {
                last += 1;
            }
            close(first, last, &mut sentences);
            first = last;
            i = last;
            continue;
        }
        i += 1;
    }
    close(first, tokens.len(), &mut sentences);
    sentences
}

/// The tokens of the sentence that holds token `at`, found by looking from it to the sentence ends on
/// either side, as [`split`] would cut them: `(first, last)` token indices, `last` exclusive.
pub fn around(text: &str, tokens: &[Token], at: usize) -> (usize, usize) {
    let ends_at = |i: usize| ends_at(text, tokens, i);
    let mut first = at.min(tokens.len());
    while first > 0 && !tokens[first].paragraph_before && !ends_at(first - 1) {
        first -= 1;
    }
    let mut last = at;
    while last < tokens.len() {
        if last > at && tokens[last].paragraph_before {
            break;
        }
        last += 1;
        if ends_at(last - 1) {
            break;
        }
    }
    (first, last.min(tokens.len()))
}

/// The bytes of the sentence that covers `text[start..end]` (the sentences, when it runs over more than
/// one), cut as [`split`] would cut them, without the white space around: `None` when the range holds
/// no word, number or mark. Only the paragraph around the range is read (a blank line always ends a
/// sentence).
pub fn covering(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (start, end) = (
        start.min(end).min(text.len()),
        end.max(start).min(text.len()),
    );
    let from = paragraph_start(text, start);
    let to = paragraph_end(text, end).max(from);
    let window = text.get(from..to)?;
    let tokens = super::token::tokenize(window);
    let (s, e) = (start - from, end - from);
    let first = tokens.partition_point(|t| (t.end as usize) <= s);
    let last = tokens.partition_point(|t| (t.start as usize) < e.max(s + 1));
    if first >= last {
        return None;
    }
    // Closing quotes and brackets belong to the sentence they close, as `split` cuts it: a selection
    // starting or ending on one is in that sentence.
    let closes = |t: &Token| {
        !t.space_before
            && matches!(
                t.kind,
                Kind::Punct('"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
            )
    };
    let back = |mut i: usize| {
        while i > 0 && closes(&tokens[i]) {
            i -= 1;
        }
        i
    };
    let (mut sentence_first, _) = around(window, &tokens, back(first));
    let (_, mut sentence_last) = around(window, &tokens, back(last - 1));
    if sentence_first > 0 && ends_at(window, &tokens, sentence_first - 1) {
        while sentence_first + 1 < sentence_last && closes(&tokens[sentence_first]) {
            sentence_first += 1;
        }
    }
    if sentence_last > 0 && ends_at(window, &tokens, sentence_last - 1) {
        while tokens.get(sentence_last).is_some_and(closes) {
            sentence_last += 1;
        }
    }
    let a = tokens.get(sentence_first)?.start as usize;
    let b = tokens.get(sentence_last.checked_sub(1)?)?.end as usize;
    Some((from + a, from + b))
}

/// Where the paragraph holding byte `at` starts: just after the blank line before it, or at the start.
fn paragraph_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut newlines = 0;
    let mut i = at.min(bytes.len());
    while i > 0 {
        match bytes[i - 1] {
            b'\n' => {
                newlines += 1;
                if newlines == 2 {
                    return i;
                }
            }
            b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => {}
            _ => newlines = 0,
        }
        i -= 1;
    }
    0
}

/// Where the paragraph holding byte `at` ends: at the blank line after it, or at the end.
fn paragraph_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut newlines = 0;
    let mut i = at.min(bytes.len());
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                newlines += 1;
                if newlines == 2 {
                    return i;
                }
            }
            b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => {}
            _ => newlines = 0,
        }
        i += 1;
    }
    bytes.len()
}

/// Whether the token at `i` ends its sentence (before any closing quotes or brackets).
fn ends_at(text: &str, tokens: &[Token], i: usize) -> bool {
    match tokens[i].kind {
        Kind::Punct('!' | '?') => true,
        Kind::Punct('.') => full_stop_ends(text, tokens, i),
        _ => false,
    }
}

/// Whether the full stop at `i` ends its sentence.
fn full_stop_ends(text: &str, tokens: &[Token], i: usize) -> bool {
    // Closing quotes and brackets right after the stop belong to the sentence; look past them.
    let mut after = i + 1;
    while tokens.get(after).is_some_and(|t| {
        !t.space_before
            && matches!(
                t.kind,
                Kind::Punct('"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
            )
    }) {
        after += 1;
    }
    if after > i + 1 {
        return tokens
            .get(after)
            .is_none_or(|t| t.space_before && starts_sentence(text, tokens, after));
    }
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    // "3.5", "U.S": no space after the stop.
    if !next.space_before {
        return false;
    }
    let Some(before) = i.checked_sub(1).map(|b| &tokens[b]) else {
        return true;
    };
    if before.kind != Kind::Word || before.end != tokens[i].start {
        return starts_sentence(text, tokens, i + 1);
    }
    let word = before.text(text);
    let lower = word.to_ascii_lowercase();
    let dotted = i >= 3 && tokens[i - 2].is('.') && tokens[i - 2].end == before.start;
    if dotted || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)) {
        // "U.S.", "B.C.", "J.": a new sentence only before a word that often starts one.
        let next_word = tokens[i + 1].text(text);
        return starts_sentence(text, tokens, i + 1)
            && STARTERS.contains(&next_word.to_ascii_lowercase().as_str());
    }
    if NEVER_FINAL.contains(&lower.as_str()) {
        return false;
    }
    starts_sentence(text, tokens, i + 1)
}

/// Whether the token at `i` can start a sentence: a capital letter, a digit, a quote or a bracket.
fn starts_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    match t.kind {
        Kind::Word => t
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase()),
        Kind::Number => true,
        Kind::Punct(c) => matches!(
            c,
            '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[' | '-' | '\u{2013}' | '\u{2014}'
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split(text, &tokens).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Mr. Smith met Dr. Jones on Jan. 5. Gen. Lee left No. 10 at 3.30 p.m. on Friday. \
                 The U.S. Senate voted. It passed in the U.S. The vote was close!"
            ),
            [
                "Mr. Smith met Dr. Jones on Jan. 5.",
                "Gen. Lee left No. 10 at 3.30 p.m. on Friday.",
                "The U.S. Senate voted.",
                "It passed in the U.S.",
                "The vote was close!",
            ]
        );
    }

    #[test]
    fn quotes_and_paragraphs_close_sentences() {
        assert_eq!(
            sentences("\u{201c}We need friends.\u{201d} He said so\n\nA heading\nNext line."),
            [
                "\u{201c}We need friends.\u{201d}",
                "He said so",
                "A heading\nNext line.",
            ]
        );
    }

    #[test]
    fn the_sentence_covering_a_selection_is_found_word_for_word() {
        let text = "Intro line.\n\nMr. Smith met Dr. Jones in the year of the treaty. It was \
                    signed in\nGeneva. The U.S. Senate voted.\n\nA new paragraph.";
        let cover = |words: &str| {
            let at = text.find(words).unwrap();
            covering(text, at, at + words.len()).map(|(a, b)| &text[a..b])
        };
        assert_eq!(
            cover("the year of the treaty"),
            Some("Mr. Smith met Dr. Jones in the year of the treaty.")
        );
        // Part of a word, and a selection over a line break.
        assert_eq!(
            cover("ith me"),
            Some("Mr. Smith met Dr. Jones in the year of the treaty.")
        );
        assert_eq!(cover("in\nGeneva"), Some("It was signed in\nGeneva."));
        // Over two sentences: both.
        assert_eq!(
            cover("treaty. It was"),
            Some("Mr. Smith met Dr. Jones in the year of the treaty. It was signed in\nGeneva.")
        );
        assert_eq!(cover("Senate"), Some("The U.S. Senate voted."));
        assert_eq!(cover("new"), Some("A new paragraph."));
        // Only white space: no sentence.
        let gap = text.find("\n\nMr.").unwrap();
        assert_eq!(covering(text, gap, gap + 2), None);
        // Reversed and out-of-range ends are taken in order and within the text.
        let at = text.find("Senate").unwrap();
        assert_eq!(
            covering(text, at + 3, at).map(|(a, b)| &text[a..b]),
            Some("The U.S. Senate voted.")
        );
        assert_eq!(
            covering(text, text.len() - 3, text.len() + 40).map(|(a, b)| &text[a..b]),
            Some("A new paragraph.")
        );
    }

    #[test]
    fn the_covering_sentence_is_the_one_the_splitter_cuts() {
        let text = "He left on Jan. 5. Gen. Lee stayed.\n\u{201c}We need friends.\u{201d} He said so. \
                    It passed in the U.S. The vote was close!";
        let tokens = tokenize(text);
        for s in split(text, &tokens) {
            let words = s.text(text).trim();
            let at = s.start as usize + s.text(text).find(words).unwrap();
            for k in 0..words.len() {
                if !words.is_char_boundary(k) || words[k..].starts_with(char::is_whitespace) {
                    continue;
                }
                let got = covering(text, at + k, at + k + 1).map(|(a, b)| &text[a..b]);
                assert_eq!(got, Some(words), "at {k} of {words:?}");
            }
        }
    }
}
