//! Arbitrary text never makes the finder or the drafter panic, and every mention's offsets lie on
//! character boundaries of the text, in order.

use chrono::NaiveDate;
use dateline::draft::{self, DraftOptions};
use proptest::prelude::*;

/// Text made of the pieces dates are made of, mixed with anything at all.
fn texts() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("1974".to_owned()),
        Just("30 November 2015".to_owned()),
        Just("Nov. 30".to_owned()),
        Just("the 1990s".to_owned()),
        Just("499 BC".to_owned()),
        Just("B.C.".to_owned()),
        Just("from".to_owned()),
        Just(" to ".to_owned()),
        Just("–".to_owned()),
        Just("-".to_owned()),
        Just("'".to_owned()),
        Just("the following year".to_owned()),
        Just("two days later".to_owned()),
        Just("last Friday".to_owned()),
        Just("11 a.m.".to_owned()),
        Just(":".to_owned()),
        Just(". ".to_owned()),
        Just("\n\n".to_owned()),
        Just("Tết ".to_owned()),
        Just("é".to_owned()),
        "[0-9]{1,5}",
        "[a-zA-Z]{1,9}",
        "\\PC{0,6}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_and_offsets_are_character_boundaries(
        text in texts(),
        dated in any::<bool>(),
    ) {
        let dct = dated.then(|| NaiveDate::from_ymd_opt(2025, 2, 1)).flatten();
        let mentions = draft::mentions(&text, dct);
        let mut last_end = 0;
        for m in &mentions {
            prop_assert!(m.start < m.end && m.end <= text.len());
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            prop_assert!(m.start >= last_end, "mentions overlap");
            last_end = m.end;
            let words = &text[m.start..m.end];
            prop_assert!(!words.trim().is_empty());
            if let Some((s, e, _)) = m.range {
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s <= m.start && m.end <= e);
            }
        }
        // The light path and the full reading agree.
        prop_assert_eq!(&mentions, &draft::read(&text, dct).mentions);
        let mut out = Vec::new();
        draft::write_mentions(&text, &mentions, &mut out).unwrap();
        for (line, m) in String::from_utf8(out).unwrap().lines().zip(&mentions) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            prop_assert_eq!(v["text"].as_str(), Some(&text[m.start..m.end]));
        }
        let d = draft::draft(&text, dct, &DraftOptions::default());
        for e in &d.timeline.events {
            prop_assert!(!e.id().is_empty() && !e.title().is_empty());
            prop_assert!(e.title().chars().count() <= 81);
        }
    }
}
