//! Splitting a text into words, numbers and punctuation, with their byte offsets. One pass over the
//! bytes; the finder only looks closely at the few tokens that can start a temporal expression.

use super::lexicon::{self, Lex};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters (any script), such as `November` or `Tết`.
    Word,
    /// A run of ASCII digits.
    Number,
    /// One punctuation or symbol character, such as `,`, `–` or `$`.
    Punct(char),
}

/// One token of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The first byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// What it is.
    pub kind: Kind,
    /// Whether white space separates it from the token before.
    pub space_before: bool,
    /// Whether a blank line (a paragraph break) separates it from the token before.
    pub paragraph_before: bool,
    /// What the word means to the finder, for a word it reads.
    pub lex: Option<Lex>,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }

    /// Whether it is this punctuation character.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// Whether it is a dash or hyphen of any kind (`-`, `‐`, `‑`, `–`, `—`).
    pub fn is_dash(&self) -> bool {
        matches!(
            self.kind,
            Kind::Punct('-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}')
        )
    }

    /// Whether it is an apostrophe (`'` or `’`).
    pub fn is_apostrophe(&self) -> bool {
        matches!(self.kind, Kind::Punct('\'' | '\u{2019}'))
    }

    /// The number of bytes it spans.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether it spans no bytes (never true of a token the tokenizer made).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Splits `text` into tokens. Offsets are byte offsets on character boundaries; texts longer than
/// `u32::MAX` bytes are cut there (callers refuse such texts before).
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let len = bytes.len().min(u32::MAX as usize);
    let mut tokens = Vec::with_capacity(len / 4 + 8);
    let mut i = 0;
    let mut space = false;
    let mut newlines = 0u32;
    let lexicon = lexicon::table();
    while i < len {
        let b = bytes[i];
        let start = i;
        let kind = if b.is_ascii_alphabetic() {
            i += 1;
            loop {
                while i < len && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                if i >= len || bytes[i] < 0x80 || !is_word_byte(text, &mut i) {
                    break;
                }
            }
            Kind::Word
        } else if b.is_ascii_digit() {
            i += 1;
            while i < len && bytes[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Number
        } else if b < 0x80 {
            i += 1;
            if b.is_ascii_whitespace() {
                space = true;
                if b == b'\n' {
                    newlines += 1;
                }
                continue;
            }
            Kind::Punct(char::from(b))
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_alphabetic() {
                while i < len && is_word_byte(text, &mut i) {}
                Kind::Word
            } else if c.is_whitespace() {
                space = true;
                continue;
            } else {
                Kind::Punct(c)
            }
        };
        let lex = if kind == Kind::Word {
            lexicon.get(&bytes[start..i])
        } else {
            None
        };
        tokens.push(Token {
            start: start as u32,
            end: i as u32,
            kind,
            space_before: space,
            paragraph_before: newlines >= 2,
            lex,
        });
        space = false;
        newlines = 0;
    }
    tokens
}

/// Advances `i` past one more letter of a word, when there is one there; says whether it did. `i` is
/// always on a character boundary of `text`.
fn is_word_byte(text: &str, i: &mut usize) -> bool {
    let b = text.as_bytes()[*i];
    if b.is_ascii_alphabetic() {
        *i += 1;
        return true;
    }
    if b < 0x80 {
        return false;
    }
    // A multi-byte character: a letter continues the word; anything else (a dash, a quote) ends it.
    match text.get(*i..).and_then(|rest| rest.chars().next()) {
        Some(c) if c.is_alphabetic() => {
            *i += c.len_utf8();
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Kind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn words_numbers_and_punctuation_keep_their_offsets() {
        assert_eq!(
            kinds("On 30 Nov. 2015–16, Tết"),
            [
                ("On", Kind::Word),
                ("30", Kind::Number),
                ("Nov", Kind::Word),
                (".", Kind::Punct('.')),
                ("2015", Kind::Number),
                ("–", Kind::Punct('–')),
                ("16", Kind::Number),
                (",", Kind::Punct(',')),
                ("Tết", Kind::Word),
            ]
        );
    }

    #[test]
    fn spaces_and_paragraphs_are_noted() {
        let t = tokenize("a b\n\nc-d");
        assert!(!t[0].space_before && t[1].space_before && t[2].paragraph_before);
        assert!(!t[3].space_before && !t[4].space_before);
    }
}
