//! The text panel's runs: a stretch of the source text cut wherever a quoted passage, a temporal
//! expression the finder found, or the person's selection begins or ends, so that each run is drawn one
//! way (a passage's background, an expression's underline, the selection's colour).

use crate::draft::Mention;
use crate::explore::text_match::QuoteSpan;

/// One run of the text, drawn one way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Its first byte in the text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The quoted passage it lies in (an index into the quotes given), if any.
    pub quote: Option<usize>,
    /// The temporal expression it lies in (an index into the mentions given), if any.
    pub mention: Option<usize>,
    /// Whether it lies in the person's selection.
    pub selected: bool,
}

/// The runs of `text[within.0..within.1]`, in order, covering it exactly, each cut on character
/// boundaries. `quotes` and `mentions` are sorted by position and do not overlap among themselves (as
/// [`crate::explore::text_match::locate_quotes`] and [`crate::draft::mentions`] give them); they may
/// overlap each other and reach outside `within`. Offsets that are not character boundaries are moved
/// back to the nearest one; an empty or reversed range has no runs.
pub fn pieces(
    text: &str,
    within: (usize, usize),
    quotes: &[QuoteSpan],
    mentions: &[Mention],
    selection: Option<(usize, usize)>,
) -> Vec<Piece> {
    let at = |i: usize| text.floor_char_boundary(i.min(text.len()));
    let (from, to) = (at(within.0), at(within.1));
    if from >= to {
        return Vec::new();
    }
    // The quotes and mentions that reach into the range.
    let q0 = quotes.partition_point(|q| q.end <= from);
    let q1 = q0 + quotes[q0..].partition_point(|q| q.start < to);
    let m0 = mentions.partition_point(|m| m.end <= from);
    let m1 = m0 + mentions[m0..].partition_point(|m| m.start < to);
    let selection = selection
        .map(|(a, b)| (at(a.min(b)), at(a.max(b))))
        .filter(|(a, b)| a < b);

    let mut cuts: Vec<usize> = Vec::with_capacity(2 * (q1 - q0 + m1 - m0) + 4);
    cuts.extend([from, to]);
    for q in &quotes[q0..q1] {
        cuts.extend([at(q.start), at(q.end)]);
    }
    for m in &mentions[m0..m1] {
        cuts.extend([at(m.start), at(m.end)]);
    }
    if let Some((a, b)) = selection {
        cuts.extend([a, b]);
    }
    cuts.retain(|&c| (from..=to).contains(&c));
    cuts.sort_unstable();
    cuts.dedup();

    let (mut q, mut m) = (q0, m0);
    let mut out = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        while q < q1 && at(quotes[q].end) <= start {
            q += 1;
        }
        while m < m1 && at(mentions[m].end) <= start {
            m += 1;
        }
        let quote = (q < q1 && at(quotes[q].start) <= start).then_some(q);
        let mention = (m < m1 && at(mentions[m].start) <= start).then_some(m);
        let selected = selection.is_some_and(|(a, b)| a <= start && end <= b);
        out.push(Piece {
            start,
            end,
            quote,
            mention,
            selected,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(start: usize, end: usize) -> QuoteSpan {
        QuoteSpan {
            start,
            end,
            events: vec![0],
        }
    }

    /// Each run's words, with `q`, `m` and `s` for a quote, a mention and the selection.
    fn runs(text: &str, pieces: &[Piece]) -> Vec<(String, String)> {
        pieces
            .iter()
            .map(|p| {
                let mut marks = String::new();
                if p.quote.is_some() {
                    marks.push('q');
                }
                if p.mention.is_some() {
                    marks.push('m');
                }
                if p.selected {
                    marks.push('s');
                }
                (text[p.start..p.end].to_owned(), marks)
            })
            .collect()
    }

    #[test]
    fn passages_expressions_and_the_selection_cut_the_text_into_runs() {
        let text = "Intro. The amendment, enacted in 1974, still applies. It lasted three years.";
        let mentions = crate::draft::mentions(text, None);
        assert_eq!(mentions.len(), 2, "{mentions:?}");
        let amendment = text.find("The amendment").unwrap();
        let applies = text.find("It lasted").unwrap() - 1;
        let quotes = [quote(amendment, applies)];
        let lasted = text.find("lasted").unwrap();
        let got = pieces(
            text,
            (0, text.len()),
            &quotes,
            &mentions,
            Some((lasted, lasted + 6)),
        );
        let want: Vec<(String, String)> = [
            ("Intro. ", ""),
            ("The amendment, enacted in ", "q"),
            ("1974", "qm"),
            (", still applies.", "q"),
            (" It ", ""),
            ("lasted", "s"),
            (" ", ""),
            ("three years", "m"),
            (".", ""),
        ]
        .iter()
        .map(|&(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
        assert_eq!(runs(text, &got), want);
        assert_eq!(got[2].mention, Some(0));
        assert_eq!(got[7].mention, Some(1));
        assert_eq!(got[1].quote, Some(0));
    }

    #[test]
    fn a_range_inside_the_text_keeps_only_what_reaches_into_it() {
        let text = "In 1974 it passed. In 2015 it joined. In 2022 it changed.";
        let mentions = crate::draft::mentions(text, None);
        let second = text.find("In 2015").unwrap();
        let third = text.find("In 2022").unwrap();
        let quotes = [
            quote(0, 18),
            quote(second, third - 1),
            quote(third, text.len()),
        ];
        let got = pieces(text, (second + 3, third + 5), &quotes, &mentions, None);
        assert_eq!(
            runs(text, &got),
            [
                ("2015".to_owned(), "qm".to_owned()),
                (" it joined.".to_owned(), "q".to_owned()),
                (" ".to_owned(), String::new()),
                ("In ".to_owned(), "q".to_owned()),
                ("20".to_owned(), "qm".to_owned()),
            ]
        );
        // Indices are into the slices given, not into the range.
        assert_eq!(got[0].quote, Some(1));
        assert_eq!(got[0].mention, Some(1));
        assert_eq!(got[3].quote, Some(2));
        assert_eq!(got[4].mention, Some(2));
    }

    #[test]
    fn runs_cover_the_range_exactly_on_character_boundaries() {
        let text = "Él llegó en 1974 — «en noviembre de 2015» — y se fue. 日本 2022年。";
        let mentions = crate::draft::mentions(text, None);
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..2_000 {
            let mut offsets: Vec<usize> = (0..6).map(|_| rng.usize(0..=text.len() + 3)).collect();
            let (a, b) = (offsets[0].min(offsets[1]), offsets[0].max(offsets[1]));
            offsets[2..4].sort_unstable();
            let quotes = [quote(offsets[2], offsets[3])];
            let selection = Some((offsets[4], offsets[5]));
            let got = pieces(text, (a, b), &quotes, &mentions, selection);
            let from = text.floor_char_boundary(a.min(text.len()));
            let to = text.floor_char_boundary(b.min(text.len()));
            let joined: String = got.iter().map(|p| &text[p.start..p.end]).collect();
            assert_eq!(joined, &text[from..to]);
            for pair in got.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
            }
            assert!(got.iter().all(|p| p.start < p.end));
        }
        assert!(pieces(text, (9, 3), &[], &mentions, None).is_empty());
    }
}
