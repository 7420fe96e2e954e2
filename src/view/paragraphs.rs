//! The source text cut into the paragraphs the text panel lays out one at a time, so that a long text
//! (a book) costs a frame only the paragraphs in view. A paragraph is a run of lines between blank
//! lines; its line breaks stay inside it. A paragraph much longer than a screen is cut at a line break,
//! and a line longer still at a space, so no one piece of the text is ever laid out whole.

/// A paragraph this long (in bytes) ends at its next line break.
pub const SOFT_MAX_BYTES: usize = 4_000;

/// A line this long (in bytes) is cut at its next space, or where it reaches twice this length.
pub const HARD_MAX_BYTES: usize = 16_000;

/// The byte ranges of the paragraphs of `text`, in order: each starts where a line starts (its indent
/// kept) and ends after a line's last character that is not white space (line breaks inside, none
/// around), lies on character boundaries, and is not blank; every character that is not white space
/// lies in one of them.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 400 + 1);
    // The paragraph being gathered: where it starts and where its last line ends.
    let mut open: Option<(usize, usize)> = None;
    let mut line_start = 0;
    while line_start <= text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        if line.trim().is_empty() {
            if let Some(p) = open.take() {
                out.push(p);
            }
        } else {
            let content_end = line_start + line.trim_end().len();
            long_line(text, line_start, content_end, &mut open, &mut out);
            if let Some((start, end)) = open
                && end - start >= SOFT_MAX_BYTES
            {
                out.push((start, end));
                open = None;
            }
        }
        line_start = line_end + 1;
    }
    if let Some(p) = open {
        out.push(p);
    }
    out
}

/// Adds the line `text[start..end]` to the paragraph being gathered, cutting it at spaces (or, without
/// one, at a character boundary) wherever it runs past [`HARD_MAX_BYTES`].
fn long_line(
    text: &str,
    start: usize,
    end: usize,
    open: &mut Option<(usize, usize)>,
    out: &mut Vec<(usize, usize)>,
) {
    let mut from = start;
    while end - from > HARD_MAX_BYTES {
        let search = text.ceil_char_boundary(from + HARD_MAX_BYTES);
        let limit = text
            .floor_char_boundary((from + 2 * HARD_MAX_BYTES).min(end))
            .max(search);
        let cut = text[search..limit]
            .find(char::is_whitespace)
            .map_or(limit, |i| search + i);
        if cut >= end {
            break;
        }
        let first = open.take().map_or(from, |(s, _)| s);
        out.push((first, cut));
        // The next piece starts after the spaces at the cut.
        let rest = &text[cut..end];
        from = cut + (rest.len() - rest.trim_start().len());
        if from >= end {
            return;
        }
    }
    *open = Some(open.map_or((from, end), |(s, _)| (s, end)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|&(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn blank_lines_end_paragraphs_and_line_breaks_stay_inside() {
        assert_eq!(
            texts("\n\nThe Platform\n\nKazakhstan joined the\nWTO in 2015.  \n \t\n\nLast line"),
            [
                "The Platform",
                "Kazakhstan joined the\nWTO in 2015.",
                "Last line"
            ]
        );
        assert_eq!(
            texts("One\r\n\r\nTwo\r\nlines\r\n"),
            ["One", "Two\r\nlines"]
        );
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n\n \t").is_empty());
    }

    #[test]
    fn a_long_paragraph_is_cut_at_a_line_break_and_a_long_line_at_a_space() {
        let line = "A line of a hard-wrapped book, seventy characters or so in each line.";
        let book = vec![line; 200].join("\n");
        let got = paragraphs(&book);
        assert!(got.len() > 1, "{}", got.len());
        for &(a, b) in &got {
            assert!(b - a < SOFT_MAX_BYTES + line.len() + 1);
            assert!(book[a..b].starts_with('A') && book[a..b].ends_with('.'));
        }
        let one_line = "word ".repeat(10_000);
        let got = paragraphs(&one_line);
        assert!(got.len() > 2);
        for &(a, b) in &got {
            assert!(b - a <= 2 * HARD_MAX_BYTES);
            assert!(one_line[a..b].starts_with('w') && one_line[a..b].ends_with('d'));
        }
        // Without a space, the cut still falls on a character boundary.
        let dense = "日".repeat(20_000);
        let got = paragraphs(&dense);
        assert!(got.len() > 1);
        assert!(got.iter().all(|&(a, b)| dense.get(a..b).is_some()));
    }

    #[test]
    fn every_character_that_is_not_white_space_is_in_one_paragraph() {
        let mut rng = fastrand::Rng::with_seed(3);
        let alphabet = ['a', 'é', '日', ' ', '\n', '\n', '\r', '\t', '.'];
        for round in 0..300 {
            let len = if round % 10 == 0 { 40_000 } else { 300 };
            let text: String = (0..len)
                .map(|_| alphabet[rng.usize(0..alphabet.len())])
                .collect();
            let got = paragraphs(&text);
            let mut covered = vec![false; text.len()];
            let mut last_end = 0;
            for &(a, b) in &got {
                assert!(a >= last_end && a < b, "{a}..{b} after {last_end}");
                assert!(!text[a..b].trim().is_empty());
                assert_eq!(text[a..b].trim_end().len(), b - a);
                last_end = b;
                covered[a..b].iter_mut().for_each(|c| *c = true);
            }
            for (i, c) in text.char_indices() {
                assert!(c.is_whitespace() || covered[i], "{c:?} at {i} left out");
            }
        }
    }
}
