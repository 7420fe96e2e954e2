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
    let ends_at = |i: usize| match tokens[i].kind {
        Kind::Punct('!' | '?') => true,
        Kind::Punct('.') => full_stop_ends(text, tokens, i),
        _ => false,
    };
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
}
