//! The tense of a sentence, as far as anchoring needs it: whether it speaks of the future ("will",
//! "plans to", "is expected to"), of the past ("was", "joined", "had"), or of the present.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::token::{Kind, Token};

/// The time a sentence speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    /// It tells of what happened.
    Past,
    /// It tells of what is.
    Present,
    /// It tells of what will or should happen: a plan, a target, a forecast.
    Future,
}

/// Words that make a sentence speak of the future.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "ll",
    "plans",
    "plan",
    "planned",
    "planning",
    "aims",
    "aim",
    "aiming",
    "intends",
    "intend",
    "expects",
    "expected",
    "eyeing",
    "eyes",
    "targets",
    "target",
    "targeting",
    "hopes",
    "hoping",
    "scheduled",
    "upcoming",
    "forthcoming",
    "seeks",
    "seeking",
    "goal",
    "projected",
    "forecast",
    "due",
];

/// Words that make a sentence speak of the past.
const PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "ago", "became", "began", "took", "went", "came", "won",
    "lost", "fought", "led", "made", "saw", "met", "fell", "left", "gave", "held", "rose", "sent",
    "told", "thought", "knew", "found", "brought", "wrote", "ran", "broke", "chose", "drove",
    "got",
];

/// Words ending in "ed" that are not past forms.
const NOT_PAST: &[&str] = &[
    "need",
    "indeed",
    "speed",
    "seed",
    "feed",
    "red",
    "bed",
    "united",
    "limited",
    "based",
    "related",
    "proposed",
    "expected",
    "planned",
    "scheduled",
    "projected",
    "hundred",
    "interested",
    "concerned",
    "supposed",
    "used",
    "advanced",
    "detailed",
    "varied",
    "skilled",
    "shared",
    "continued",
];

/// How a word bears on the tense.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Future,
    Past,
    NotPast,
}

fn marks() -> &'static FxHashMap<&'static [u8], Mark> {
    static MARKS: OnceLock<FxHashMap<&'static [u8], Mark>> = OnceLock::new();
    MARKS.get_or_init(|| {
        let mut m = FxHashMap::default();
        for w in NOT_PAST {
            m.insert(w.as_bytes(), Mark::NotPast);
        }
        for w in PAST {
            m.insert(w.as_bytes(), Mark::Past);
        }
        for w in FUTURE {
            m.insert(w.as_bytes(), Mark::Future);
        }
        m
    })
}

/// The tense of the sentence made of `tokens` of `text`.
pub fn of_sentence(text: &str, tokens: &[Token]) -> Tense {
    let mut past = false;
    let marks = marks();
    for t in tokens {
        if t.kind != Kind::Word || t.len() > 14 {
            continue;
        }
        let mut buffer = [0u8; 14];
        let raw = t.text(text).as_bytes();
        let lower = &mut buffer[..raw.len()];
        lower.copy_from_slice(raw);
        lower.make_ascii_lowercase();
        match marks.get(&*lower) {
            Some(Mark::Future) => return Tense::Future,
            Some(Mark::Past) => past = true,
            Some(Mark::NotPast) => {}
            None => past |= lower.len() > 4 && lower.ends_with(b"ed"),
        }
    }
    if past { Tense::Past } else { Tense::Present }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn tense(text: &str) -> Tense {
        of_sentence(text, &tokenize(text))
    }

    #[test]
    fn plans_the_past_and_the_present_are_told_apart() {
        assert_eq!(
            tense("Uzbekistan is eyeing WTO membership by 2026."),
            Tense::Future
        );
        assert_eq!(tense("The talks will resume on Friday."), Tense::Future);
        assert_eq!(tense("Kazakhstan joined the WTO in 2015."), Tense::Past);
        assert_eq!(tense("They met on Friday."), Tense::Past);
        assert_eq!(tense("Kazakhstan is a market economy."), Tense::Present);
    }
}
