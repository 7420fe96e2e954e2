//! Text made to fit the room it has, at a cost bounded by that room rather than by the text: a
//! 10 MB title is cut to what a line can show before anything lays it out.

use std::borrow::Cow;

/// The ellipsis that ends a shortened text.
pub const ELLIPSIS: char = '…';

/// The narrowest a character of text is drawn, as a fraction of the font size. Proportional fonts draw
/// few characters narrower than this (an `i`, a `.`, a thin space), so no line of `width` points holds
/// more than [`max_chars_for`] characters.
const NARROWEST_CHAR_EM: f32 = 0.2;

/// How many characters a line `width_pt` points wide can show at `font_size_pt`, at most: a text cut to
/// this many characters still fills the line, and a longer one is never needed.
pub fn max_chars_for(width_pt: f32, font_size_pt: f32) -> usize {
    let narrowest = (font_size_pt * NARROWEST_CHAR_EM).max(0.5);
    let chars = (width_pt.max(0.0) / narrowest).ceil();
    // Two more: the ellipsis, and one to spare so egui still sees that the text is cut.
    (chars as usize).saturating_add(2).min(1 << 20)
}

/// The text on one line with at most `max_chars` characters: line breaks, tabs and other control
/// characters become spaces, and a longer text is cut with an [`ELLIPSIS`]. Reads at most
/// `max_chars + 1` characters of `text`, whatever its length; borrows when nothing changes.
pub fn one_line(text: &str, max_chars: usize) -> Cow<'_, str> {
    let max_chars = max_chars.max(1);
    let mut end = text.len();
    let mut needs_change = false;
    for (count, (at, c)) in text.char_indices().enumerate() {
        if count == max_chars {
            end = at;
            needs_change = true;
            break;
        }
        needs_change |= c.is_control();
    }
    if !needs_change {
        return Cow::Borrowed(text);
    }
    let cut = end < text.len();
    let kept = if cut {
        // Leave room for the ellipsis within `max_chars`.
        let last = text[..end].char_indices().last().map_or(0, |(i, _)| i);
        &text[..last]
    } else {
        text
    };
    let mut out = String::with_capacity(kept.len() + ELLIPSIS.len_utf8());
    out.extend(kept.chars().map(|c| if c.is_control() { ' ' } else { c }));
    if cut {
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push(ELLIPSIS);
    }
    Cow::Owned(out)
}

/// The text with at most `max_chars` characters, line breaks kept (for wrapped text such as a summary):
/// a longer text is cut with an [`ELLIPSIS`]. Reads at most `max_chars + 1` characters.
pub fn bounded(text: &str, max_chars: usize) -> Cow<'_, str> {
    let max_chars = max_chars.max(1);
    if text.char_indices().nth(max_chars).is_none() {
        return Cow::Borrowed(text);
    }
    let last = text.char_indices().nth(max_chars - 1).map_or(0, |(i, _)| i);
    let mut out = text[..last].trim_end().to_owned();
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_plain_text_is_borrowed() {
        assert!(matches!(one_line("Kazakhstan joins", 40), Cow::Borrowed(_)));
        assert!(matches!(bounded("Kazakhstan joins", 40), Cow::Borrowed(_)));
    }

    #[test]
    fn long_text_is_cut_to_the_limit_with_an_ellipsis() {
        let title = "é".repeat(10_000);
        let shown = one_line(&title, 12);
        assert_eq!(shown.chars().count(), 12);
        assert!(shown.ends_with(ELLIPSIS));
        let shown = bounded(&title, 12);
        assert_eq!(shown.chars().count(), 12);
        assert!(shown.ends_with(ELLIPSIS));
        // Exactly at the limit: unchanged.
        assert_eq!(one_line(&"a".repeat(12), 12), "a".repeat(12));
    }

    #[test]
    fn control_characters_become_spaces_on_one_line() {
        assert_eq!(one_line("a\nb\tc\u{1b}[31m", 40), "a b c [31m");
        assert_eq!(bounded("a\nb", 40), "a\nb");
    }

    #[test]
    fn cutting_never_splits_a_character() {
        for text in ["日本語のタイトルです", "مرحبا بالعالم", "a\u{301}bcdef"]
        {
            for max in 1..12 {
                let shown = one_line(text, max);
                assert!(shown.chars().count() <= max.max(1), "{shown}");
            }
        }
    }

    #[test]
    fn the_room_bounds_the_characters() {
        assert!(max_chars_for(100.0, 14.0) >= 100 / 7);
        assert!(max_chars_for(100.0, 14.0) < 60);
        assert_eq!(max_chars_for(-5.0, 14.0), 2);
        assert!(max_chars_for(f32::INFINITY, 14.0) <= 1 << 20);
    }
}
