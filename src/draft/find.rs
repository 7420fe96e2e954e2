//! Finding temporal expressions in tokens: what each says, before it is anchored to a date. The finder
//! reads English constructions (a day and a month, a year and its era, a decade, a season of a year, a
//! unit counted back from now or on from an earlier date, a range with a start and an end) and looks
//! closely only where a month, a number or a word of time stands.

#![allow(
    clippy::many_single_char_names,
    reason = "token indices (i, j, k) and the parts they hold (m, n, d) are the parser's vocabulary"
)]

use super::lexicon::{DayPart, Lex, Season, Unit, W};
use super::token::{Kind, Token};
use super::value::{Clock, Grain, Point, SetValue, Value, YearPart};

/// How an expression narrows or blurs the stretch it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Modifier {
    /// No modifier.
    #[default]
    None,
    /// "early 2015", "the beginning of 1864".
    Early,
    /// "mid-1990s", "the middle of December".
    Mid,
    /// "late 1943", "the end of 1944".
    Late,
    /// "ca. 466 BC", "around 1947".
    Approx,
    /// "by 2026", "before 1945": at or before.
    ByOrBefore,
    /// "since 1991", "after 1945": at or after.
    SinceOrAfter,
}

impl Modifier {
    /// The TIMEX3 `mod` attribute, when there is one.
    pub fn timex_name(self) -> Option<&'static str> {
        match self {
            Self::None => None,
            Self::Early => Some("EARLY"),
            Self::Mid => Some("MID"),
            Self::Late => Some("LATE"),
            Self::Approx => Some("APPROX"),
            Self::ByOrBefore => Some("BEFORE"),
            Self::SinceOrAfter => Some("AFTER"),
        }
    }
}

/// What an expression says, before anchoring.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sem {
    /// A calendar value as written; its year may be missing ("in March").
    Cal(Point),
    /// So many units from the time of writing: "yesterday" (-1 day), "next month", "two years ago".
    Deictic(Unit, i32, Option<DayPart>),
    /// A month before, after or of the time of writing: "last March" (-1), "next May" (1), "this June" (0).
    DeicticMonth(u8, i32),
    /// A season before, after or of the time of writing ("next summer"), or of the date last
    /// mentioned when `true` ("the next spring").
    DeicticSeason(Season, i32, bool),
    /// So many units from the date last mentioned: "the following year", "two days later", "that day".
    Anaphoric(Unit, i32, Option<DayPart>),
    /// A weekday: the nearest one before or after the time of writing (by the sentence's tense), or
    /// the given direction when written ("last Friday" -1, "next Friday" 1).
    Weekday(u8, i32),
    /// A year written without its era ("in 480," in a history of Greece): it takes the era of the date
    /// last mentioned, when that is near.
    ErelessYear(u32),
    /// A year written with two digits ("'99"): it takes the century of the date last mentioned.
    ShortYear(u32),
    /// A decade written with two digits ("the '90s"): it takes the century of the date last mentioned.
    ShortDecade(u32),
    /// A value that needs no anchor: `PRESENT_REF`, a duration, a set, or an unknown value.
    Fixed(Value),
}

/// One expression found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    /// Its first byte.
    pub start: u32,
    /// One past its last byte.
    pub end: u32,
    /// The index of its first token.
    pub first_token: u32,
    /// What it says.
    pub sem: Sem,
    /// How it narrows or blurs what it says.
    pub modifier: Modifier,
    /// When it is one end of a range: the bytes of the whole range, and whether it is the end.
    pub range: Option<(u32, u32, bool)>,
}

/// One parsed expression, by token indices.
#[derive(Clone, Copy, Debug)]
struct M {
    first: usize,
    /// One past the last token.
    end: usize,
    sem: Sem,
    modifier: Modifier,
}

/// Finds every temporal expression of `text`, in order, none overlapping another.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Found> {
    let p = Parser { text, toks: tokens };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let worth = match t.kind {
            Kind::Number => true,
            Kind::Word => t.lex.is_some_and(|l| can_start(l, tokens.get(i + 1))),
            Kind::Punct(c) => c == '\'' || c == '\u{2019}',
        };
        if worth && let Some(next) = p.at(i, &mut out) {
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a word can start an expression, judging by the token after it: the common words that
/// only introduce one ("the", "from", "last") are worth a closer look only before a number or
/// another word of time; prepositions never start one.
fn can_start(lex: Lex, next: Option<&Token>) -> bool {
    let next_counts = || {
        next.is_some_and(|t| matches!(t.kind, Kind::Number) || t.is_apostrophe() || t.lex.is_some())
    };
    match lex {
        Lex::Word(w) => match w {
            W::Of
            | W::In
            | W::On
            | W::At
            | W::By
            | W::To
            | W::Until
            | W::Through
            | W::And
            | W::Or
            | W::Since
            | W::During
            | W::Before
            | W::After
            | W::Around
            | W::About
            | W::For
            | W::Within
            | W::Per
            | W::Than
            | W::Times
            | W::Will
            | W::Hundred
            | W::Thousand
            | W::Eve
            | W::Time
            | W::Period
            | W::Era
            | W::Part
            | W::Half
            | W::Latter
            | W::Beginning
            | W::Start
            | W::End
            | W::Middle
            | W::Least
            | W::Am
            | W::Pm
            | W::Hrs
            | W::Ago => false,
            W::Now
            | W::Today
            | W::Yesterday
            | W::Tomorrow
            | W::Tonight
            | W::Currently
            | W::Current
            | W::Recently
            | W::Recent
            | W::Present
            | W::Future
            | W::Nowadays
            | W::Annually
            | W::Yearly
            | W::Daily
            | W::Weekly
            | W::Monthly
            | W::Christmas => true,
            _ => next_counts(),
        },
        Lex::BeforeEra => false,
        _ => true,
    }
}

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Token],
}

/// Words after a number that show it counts things rather than naming a year.
const COUNTED: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mi",
    "metres",
    "meters",
    "m",
    "feet",
    "ft",
    "foot",
    "tons",
    "tonnes",
    "kg",
    "pounds",
    "lb",
    "dollars",
    "euros",
    "yards",
    "acres",
    "hp",
    "strong",
    "more",
    "other",
    "additional",
    "dead",
    "killed",
    "wounded",
    "captured",
    "prisoners",
    "casualties",
    "troops",
    "soldiers",
    "personnel",
    "mm",
    "cm",
    "percent",
    "per",
    "cent",
    "square",
    "sq",
    "hectares",
    "votes",
    "seats",
    "copies",
    "deaths",
    "km2",
    "infantry",
    "cavalry",
    "militia",
    "marines",
    "sailors",
    "civilians",
    "refugees",
];

/// Words ending in s after a number that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "was",
    "has",
    "is",
    "its",
    "his",
    "this",
    "thus",
    "always",
    "perhaps",
    "towards",
    "afterwards",
    "whereas",
    "besides",
    "unless",
    "plus",
    "as",
    "us",
    "was",
    "does",
    "goes",
    "hers",
    "ours",
    "yours",
    "theirs",
    "across",
    "sometimes",
    "elsewhere",
];

/// Words before a number that show it is not a year.
const NUMBERED: &[&str] = &[
    "page",
    "pages",
    "p",
    "pp",
    "number",
    "no",
    "nos",
    "room",
    "flight",
    "route",
    "highway",
    "chapter",
    "section",
    "volume",
    "vol",
    "version",
    "model",
    "code",
    "item",
    "article",
    "rule",
    "paragraph",
    "line",
    "verse",
    "exit",
    "apartment",
    "suite",
    "unit",
    "bus",
    "seat",
    "row",
    "figure",
    "fig",
    "table",
    "score",
    "scored",
    "height",
    "altitude",
    "elevation",
    "hill",
    "resolution",
    "interstate",
    "road",
    "street",
    "avenue",
    "over",
    "nearly",
    "almost",
    "some",
    "approximately",
    "roughly",
    "than",
    "least",
    "total",
    "about",
];

/// Street-type words: a number before a capitalized name and one of these is an address.
const STREETS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "drive",
    "way",
    "place",
    "square",
    "court",
];

impl Parser<'_> {
    fn word(&self, i: usize) -> Option<W> {
        match self.toks.get(i)?.lex {
            Some(Lex::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn is_word(&self, i: usize, w: W) -> bool {
        self.word(i) == Some(w)
    }

    fn lex(&self, i: usize) -> Option<Lex> {
        self.toks.get(i)?.lex
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    fn text_of(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        let t = self.text_of(i);
        t.len() <= 14 && words.contains(&t.to_ascii_lowercase().as_str())
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is(c))
    }

    fn is_dash(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_dash)
    }

    /// Whether token `i` touches the one before it (no space between).
    fn touches(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Word)
            && self
                .text_of(i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// A run of digits: its value and how many digits it has.
    fn number(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || t.len() > 9 {
            return None;
        }
        let s = t.text(self.text);
        Some((s.parse().ok()?, s.len()))
    }

    /// A number written in digits or in words ("three", "twenty-one", "a", "an"); `None` amount for
    /// "a few", "several", "some", "many".
    fn amount(&self, i: usize) -> Option<(Option<u32>, usize)> {
        if let Some((n, digits)) = self.number(i)
            && digits <= 4
            && !self.is_punct(i + 1, ',')
        {
            return Some((Some(n), i + 1));
        }
        match self.lex(i)? {
            Lex::NumberWord(n) => {
                // "twenty-one"
                if n >= 20
                    && self.is_dash(i + 1)
                    && self.touches(i + 1)
                    && let Some(Lex::NumberWord(m)) = self.lex(i + 2)
                    && m < 10
                {
                    return Some((Some(n + m), i + 3));
                }
                Some((Some(n), i + 1))
            }
            Lex::Word(W::A | W::An) => match self.word(i + 1) {
                Some(W::Few | W::Couple) => {
                    let next = if self.is_word(i + 2, W::Of) {
                        i + 3
                    } else {
                        i + 2
                    };
                    Some((None, next))
                }
                _ => Some((Some(1), i + 1)),
            },
            Lex::Word(W::Few | W::Several | W::Some | W::Many) => Some((None, i + 1)),
            _ => None,
        }
    }

    /// A unit word at `i`.
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i)? {
            Lex::Unit(u, plural) => Some((u, plural)),
            _ => None,
        }
    }

    /// A month at `i`: its number and the index after it (and after an abbreviation's full stop).
    fn month(&self, i: usize) -> Option<(u8, usize)> {
        let Lex::Month(m, abbreviated) = self.lex(i)? else {
            return None;
        };
        let cap = self.capitalized(i);
        if abbreviated {
            if !cap {
                return None;
            }
            if self.is_punct(i + 1, '.') && self.touches(i + 1) {
                return Some((m, i + 2));
            }
            // "Nov 30": an abbreviation without its stop only before a number.
            return self.number(i + 1).map(|_| (m, i + 1));
        }
        // Month names are capitalized; "may" and "march" in lower case are verbs.
        if !cap {
            return None;
        }
        Some((m, i + 1))
    }

    /// Whether a bare month name at `i` (no day, no year) is a date and not a verb or a name ("May I",
    /// "Theresa May", "the March on Rome").
    fn bare_month_ok(&self, i: usize, m: u8) -> bool {
        let prev = i.checked_sub(1);
        let after_time_word = prev.is_some_and(|p| {
            matches!(
                self.word(p),
                Some(
                    W::In
                        | W::Of
                        | W::Since
                        | W::Until
                        | W::By
                        | W::From
                        | W::To
                        | W::Through
                        | W::Early
                        | W::Late
                        | W::Mid
                        | W::Last
                        | W::Next
                        | W::This
                        | W::During
                        | W::Before
                        | W::After
                        | W::And
                        | W::Or
                        | W::Between
                        | W::Previous
                        | W::Following
                        | W::Coming
                        | W::Past
                        | W::Same
                )
            ) || self.is_dash(p)
        });
        if m == 5 || m == 3 {
            return after_time_word;
        }
        // Other months: anywhere but inside a run of capitalized names ("August Strindberg").
        after_time_word || !self.capitalized(i + 1)
    }

    /// A day of the month at `i` ("30", "30th", "the 30th"): the day and the index after it.
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let (n, digits) = self.number(i)?;
        if digits > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut next = i + 1;
        if self.touches(next) && self.lower_is(next, &["st", "nd", "rd", "th"]) {
            next += 1;
        }
        Some((n as u8, next))
    }

    /// An era marker at `i`: `BC`, `BCE`, `B.C.`, `B.C`, `AD`, `A.D.`, `CE`: whether it is before the
    /// common era, and the index after it.
    fn era(&self, i: usize) -> Option<(bool, usize)> {
        match self.lex(i) {
            Some(Lex::BeforeEra) if self.text_of(i).chars().all(char::is_uppercase) => {
                return Some((true, i + 1));
            }
            Some(Lex::CommonEra) if self.text_of(i).chars().all(char::is_uppercase) => {
                return Some((false, i + 1));
            }
            _ => {}
        }
        let first = self.text_of(i);
        if (first == "B" || first == "A")
            && self.is_punct(i + 1, '.')
            && self.touches(i + 1)
            && self.touches(i + 2)
        {
            let second = self.text_of(i + 2);
            let bc = match (first, second) {
                ("B", "C") => true,
                ("A", "D") => false,
                _ => return None,
            };
            let mut next = i + 3;
            if bc && self.text_of(next) == "E" && self.touches(next) {
                next += 1;
            }
            if self.is_punct(next, '.') && self.touches(next) {
                next += 1;
            }
            return Some((bc, next));
        }
        None
    }

    /// A year at `i` written in digits, with its era when written: the astronomical year, whether an
    /// era was written, and the index after it. `strict` refuses numbers that need context to be years.
    fn year(&self, i: usize, strict: bool) -> Option<(i32, bool, usize)> {
        // "AD 9"
        if let Some((false, next)) = self.era(i)
            && let Some((n, digits)) = self.number(next)
            && digits <= 4
        {
            return Some((n as i32, true, next + 1));
        }
        let (n, digits) = self.number(i)?;
        if digits > 4 || n == 0 {
            return None;
        }
        if let Some((bc, next)) = self.era(i + 1) {
            let year = if bc { 1 - n as i32 } else { n as i32 };
            return Some((year, true, next));
        }
        if strict && (digits != 4 || !(1000..=2199).contains(&n)) {
            return None;
        }
        Some((n as i32, false, i + 1))
    }

    /// Whether the 4-digit number at `i` stands for a year where it stands, judging by its neighbours.
    fn year_in_context(&self, i: usize) -> bool {
        let prev = i.checked_sub(1);
        let next = i + 1;
        // Part of a larger number or code: "1,945", "1945.5", "F-1945", "12:1945".
        if let Some(p) = prev
            && self.touches(i)
        {
            let pt = &self.toks[p];
            match pt.kind {
                Kind::Punct(
                    ',' | '.' | ':' | '/' | '#' | '$' | '£' | '€' | '¥' | '+' | '=' | '×',
                ) => {
                    return false;
                }
                Kind::Punct(_) if pt.is_dash() => {
                    if let Some(pp) = p.checked_sub(1)
                        && self.touches(p)
                        && !matches!(self.word(pp), Some(W::Mid | W::Early | W::Late))
                        && !self.lower_is(pp, &["pre", "post", "circa"])
                        && self.toks[pp].kind != Kind::Number
                    {
                        return false;
                    }
                }
                Kind::Word | Kind::Number => return false,
                Kind::Punct(_) => {}
            }
        }
        if let Some(t) = self.tok(next)
            && !t.space_before
        {
            match t.kind {
                Kind::Punct('%') | Kind::Word | Kind::Number => return false,
                Kind::Punct('.' | ',' | ':')
                    if self
                        .tok(next + 1)
                        .is_some_and(|n| n.kind == Kind::Number && !n.space_before) =>
                {
                    return false;
                }
                Kind::Punct(_) => {}
            }
        }
        let prev_word = prev.map_or("", |p| self.text_of(p));
        if let Some(p) = prev {
            if self.lower_is(p, NUMBERED) {
                return false;
            }
            // "Windows 2000", "Resolution 1441": a name, not a year.
            if self.capitalized(p) && self.lex(p).is_none() && prev_word.len() > 1 {
                return false;
            }
            if matches!(self.toks[p].kind, Kind::Punct('$' | '£' | '€' | '¥' | '#')) {
                return false;
            }
        }
        let strong_prep = prev.is_some_and(|p| {
            matches!(
                self.word(p),
                Some(W::In | W::Since | W::During | W::Until | W::Before | W::After)
            )
        });
        if self.tok(next).is_some_and(|t| t.kind == Kind::Word) {
            let w = self.text_of(next);
            let lower = w.to_ascii_lowercase();
            if COUNTED.contains(&lower.as_str()) && !strong_prep {
                return false;
            }
            let plural = w.len() > 3
                && lower.ends_with('s')
                && !lower.ends_with("ss")
                && !NOT_PLURAL.contains(&lower.as_str())
                && w.chars().next().is_some_and(char::is_lowercase);
            if plural && !strong_prep {
                return false;
            }
            // "1600 Pennsylvania Avenue"
            if self.capitalized(next) && self.lower_is(next + 1, STREETS) {
                return false;
            }
        }
        true
    }

    fn sentence_initial(&self, i: usize) -> bool {
        match i.checked_sub(1) {
            None => true,
            Some(p) => {
                self.toks[i].paragraph_before
                    || matches!(
                        self.toks[p].kind,
                        Kind::Punct('.' | '!' | '?' | '"' | '\u{201c}' | '(' | ':' | '\n')
                    )
            }
        }
    }

    /// Parses what starts at `i`, pushes it (two entries for a range), and returns the index after it.
    fn at(&self, i: usize, out: &mut Vec<Found>) -> Option<usize> {
        let before = out.len();
        if let Some(next) = self.range(i, out) {
            if self.one_paragraph(i, next) {
                return Some(next);
            }
            out.truncate(before);
        }
        let m = self.expr(i)?;
        if !self.one_paragraph(m.first, m.end) {
            return None;
        }
        out.push(self.found(&m));
        Some(m.end)
    }

    /// Whether tokens `first..end` lie in one paragraph: no expression runs across a blank line.
    fn one_paragraph(&self, first: usize, end: usize) -> bool {
        self.toks
            .get(first + 1..end)
            .is_none_or(|t| t.iter().all(|t| !t.paragraph_before))
    }

    fn found(&self, m: &M) -> Found {
        Found {
            start: self.toks[m.first].start,
            end: self.toks[m.end - 1].end,
            first_token: m.first as u32,
            sem: m.sem,
            modifier: m.modifier,
            range: None,
        }
    }

    /// A range: "from 1939 to 1945", "between March and May 2015", "1939–45", "6–7 January 1916",
    /// "March 5–9, 1918", "1 to 3 June". The start takes what it leaves unsaid from the end.
    fn range(&self, i: usize, out: &mut Vec<Found>) -> Option<usize> {
        let intro = self.word(i);
        let k = match intro {
            Some(W::From | W::Between) => i + 1,
            _ => i,
        };
        let first = self
            .expr(k)
            .filter(|m| matches!(m.sem, Sem::Cal(_)))
            .or_else(|| self.bare(k))?;
        let c = first.end;
        let connector = if self.is_dash(c) {
            true
        } else {
            match self.word(c) {
                Some(W::To | W::Until | W::Through) => intro != Some(W::Between),
                Some(W::And) => intro == Some(W::Between),
                _ => false,
            }
        };
        if !connector {
            return None;
        }
        let Sem::Cal(a) = first.sem else {
            return None;
        };
        let second_at = c + 1;
        let mut second = self
            .expr(second_at)
            .filter(|m| matches!(m.sem, Sem::Cal(_)));
        // "March 5–9, 1918", "1939–45": a bare number completes the first.
        if second.is_none() {
            second = self.bare_end(second_at, &a);
        }
        let second = second?;
        let Sem::Cal(b) = second.sem else {
            return None;
        };
        let (a, b) = complete_range(a, b)?;
        // A dash between two bare numbers is a range of years only when the first reads as a year.
        if !a.is_anchored() && !b.is_anchored() && a.month.is_none() {
            return None;
        }
        let whole = (self.toks[i].start, self.toks[second.end - 1].end);
        out.push(Found {
            range: Some((whole.0, whole.1, false)),
            sem: Sem::Cal(a),
            ..self.found(&first)
        });
        out.push(Found {
            range: Some((whole.0, whole.1, true)),
            sem: Sem::Cal(b),
            ..self.found(&second)
        });
        Some(second.end)
    }

    /// The start of a range written as a bare number: a day ("6" in "6–7 January") or a year without
    /// its era ("499" in "from 499 to 493 BC").
    fn bare(&self, i: usize) -> Option<M> {
        let (n, digits) = self.number(i)?;
        let next = i + 1;
        let point = if digits <= 2 && (1..=31).contains(&n) {
            Point {
                day: Some(n as u8),
                ..Point::empty(Grain::Day)
            }
        } else if digits <= 4 && n > 0 {
            Point {
                year: Some(n as i32),
                era_number: -1,
                ..Point::empty(Grain::Year)
            }
        } else {
            return None;
        };
        Some(M {
            first: i,
            end: next,
            sem: Sem::Cal(point),
            modifier: Modifier::None,
        })
    }

    /// The end of a range written as a bare number after a full start: "9" in "March 5–9, 1918" (with
    /// the year after it), "45" in "1939–45".
    fn bare_end(&self, i: usize, start: &Point) -> Option<M> {
        let (n, digits) = self.number(i)?;
        if start.grain == Grain::Day && start.month.is_some() && digits <= 2 {
            let mut end = i + 1;
            let mut year = start.year;
            if self.is_punct(end, ',')
                && let Some((y, _, next)) = self.year(end + 1, true)
            {
                year = Some(y);
                end = next;
            }
            return Some(M {
                first: i,
                end,
                sem: Sem::Cal(Point {
                    year,
                    day: Some(n as u8),
                    ..*start
                }),
                modifier: Modifier::None,
            });
        }
        if start.grain == Grain::Year
            && let Some(y) = start.year
            && y > 0
            && (digits == 2 || (digits == 4 && (n as i32) > y))
            && self.touches(i)
        {
            let year = if digits == 2 {
                let century = y - y % 100;
                let mut e = century + n as i32;
                if e < y {
                    e += 100;
                }
                e
            } else {
                n as i32
            };
            let mut end = i + 1;
            if self.touches(end) && self.lower_is(end, &["s"]) {
                return None;
            }
            if let Some((_, next)) = self.era(end) {
                end = next;
            }
            return Some(M {
                first: i,
                end,
                sem: Sem::Cal(Point::year(year)),
                modifier: Modifier::None,
            });
        }
        None
    }

    /// One expression at `i`, with the modifiers written before it.
    fn expr(&self, i: usize) -> Option<M> {
        let (modifier, k) = self.modifier(i);
        if k > i
            && let Some(mut m) = self.core(k)
        {
            m.first = i;
            if m.modifier == Modifier::None {
                m.modifier = modifier;
            }
            return Some(m);
        }
        // "the end of the year", "the beginning of the month": the year or month last mentioned.
        if k > i
            && modifier != Modifier::None
            && self.is_word(k, W::The)
            && let Some((unit @ (Unit::Year | Unit::Month | Unit::Week | Unit::Day), false)) =
                self.unit(k + 1)
        {
            return Some(M {
                first: i,
                end: k + 2,
                sem: Sem::Anaphoric(unit, 0, None),
                modifier,
            });
        }
        self.core(i)
    }

    /// Modifiers before an expression: "early", "late in", "mid-", "the middle of", "the end of", "the
    /// beginning of", "ca.", "circa". Returns the modifier and where the expression proper starts.
    fn modifier(&self, i: usize) -> (Modifier, usize) {
        let the = usize::from(self.is_word(i, W::The));
        let j = i + the;
        match self.word(j) {
            Some(W::Early | W::Late) => {
                let m = if self.is_word(j, W::Early) {
                    Modifier::Early
                } else {
                    Modifier::Late
                };
                let mut k = j + 1;
                if self.is_word(k, W::In) {
                    k += 1;
                    if self.is_word(k, W::The) {
                        k += 1;
                    }
                }
                (m, k)
            }
            Some(W::Mid) => {
                let mut k = j + 1;
                if self.is_dash(k) {
                    k += 1;
                }
                (Modifier::Mid, k)
            }
            Some(W::Middle | W::End | W::Beginning | W::Start) if the == 1 => {
                if !self.is_word(j + 1, W::Of) {
                    return (Modifier::None, i);
                }
                let m = match self.word(j) {
                    Some(W::Middle) => Modifier::Mid,
                    Some(W::End) => Modifier::Late,
                    _ => Modifier::Early,
                };
                let k = j + 2;
                // "the end of the year": the article belongs to what follows; "the end of the war" is
                // not a date.
                if self.is_word(k, W::The) && self.lex(k + 1).is_none() {
                    return (Modifier::None, i);
                }
                (m, k)
            }
            Some(W::Ca | W::C) if the == 0 && self.is_punct(j + 1, '.') => {
                (Modifier::Approx, j + 2)
            }
            Some(W::Circa) if the == 0 => (Modifier::Approx, j + 1),
            _ => (Modifier::None, i),
        }
    }

    /// The expression proper at `i`.
    fn core(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let m = match t.kind {
            Kind::Number => self.numeric(i),
            Kind::Word => self.worded(i),
            Kind::Punct(_) if t.is_apostrophe() => self.short_year(i),
            Kind::Punct(_) => None,
        }?;
        Some(m)
    }

    /// "'99", "'90s": a year or decade written with two digits.
    fn short_year(&self, i: usize) -> Option<M> {
        let (n, digits) = self.number(i + 1)?;
        if digits != 2 || !self.touches(i + 1) {
            return None;
        }
        if self.touches(i + 2) && self.lower_is(i + 2, &["s"]) {
            return Some(M {
                first: i,
                end: i + 3,
                sem: Sem::ShortDecade(n),
                modifier: Modifier::None,
            });
        }
        // A word or number right after ("'99ers") is something else.
        if self.touches(i + 2) && self.tok(i + 2).is_some_and(|t| t.kind != Kind::Punct('.')) {
            return None;
        }
        Some(M {
            first: i,
            end: i + 2,
            sem: Sem::ShortYear(n),
            modifier: Modifier::None,
        })
    }

    /// Expressions that start with a number.
    fn numeric(&self, i: usize) -> Option<M> {
        let (n, digits) = self.number(i)?;
        // ISO 8601: 2015-11-30. ("2007-08" alone is a range of years, the 2007–08 season, more often
        // than a month.)
        if digits == 4
            && self.is_punct(i + 1, '-')
            && self.touches(i + 1)
            && self.touches(i + 2)
            && let Some((m, 2)) = self.number(i + 2)
            && (1..=12).contains(&m)
            && self.is_punct(i + 3, '-')
            && self.touches(i + 3)
            && self.touches(i + 4)
            && let Some((d, 2)) = self.number(i + 4)
            && valid_day(n as i32, m as u8, d as u8)
        {
            return Some(cal(i, i + 5, Point::day(Some(n as i32), m as u8, d as u8)));
        }
        // 11/30/2015 or 30/11/2015.
        if digits <= 2
            && self.is_punct(i + 1, '/')
            && self.touches(i + 1)
            && let Some((b, bd)) = self.number(i + 2)
            && bd <= 2
            && self.is_punct(i + 3, '/')
            && self.touches(i + 3)
            && let Some((y, 4)) = self.number(i + 4)
        {
            let (m, d) = if n > 12 { (b, n) } else { (n, b) };
            if valid_day(y as i32, m as u8, d as u8) {
                return Some(cal(i, i + 5, Point::day(Some(y as i32), m as u8, d as u8)));
            }
        }
        // A clock time: 10:58, 3:00 a.m., 05:30hrs, 11 a.m.
        if let Some(m) = self.clock(i) {
            return Some(m);
        }
        // A decade: 1990s, 470s BC.
        if (digits == 4 || digits == 3)
            && n % 10 == 0
            && self.touches(i + 1)
            && self.lower_is(i + 1, &["s"])
        {
            let mut end = i + 2;
            let mut bc = false;
            if let Some((era_bc, next)) = self.era(end) {
                bc = era_bc;
                end = next;
            }
            return Some(cal(i, end, Point::decade(n as i32 / 10, bc)));
        }
        // An ordinal century: the 19th century, the 4th century BC.
        if digits <= 2
            && self.touches(i + 1)
            && self.lower_is(i + 1, &["st", "nd", "rd", "th"])
            && let Some(m) = self.century(i, n, i + 2)
        {
            return Some(m);
        }
        // A day and a month: 30 November 2015, 6 July, 2 May, 1777.
        if let Some((d, k)) = self.day(i) {
            let k2 = if self.is_word(k, W::Of) { k + 1 } else { k };
            if let Some((m, after)) = self.month(k2) {
                let (year, end) = self.year_after(after);
                if valid_day(year.unwrap_or(2000), m, d) {
                    return Some(cal(i, end, Point::day(year, m, d)));
                }
            }
        }
        // A count of units: "three years" (a duration), "two years later" (a date).
        if let Some(m) = self.counted(i) {
            return Some(m);
        }
        // A year: 1974, 499 BC.
        let (year, era, end) = self.year(i, false)?;
        if !era && (digits != 4 || !(1000..=2199).contains(&n) || !self.year_in_context(i)) {
            return self.narrative_year(i, n, digits);
        }
        Some(cal(i, end, Point::year(year)))
    }

    /// A year of one to three digits without its era ("in 480," in a history of Greece): it takes the
    /// era and the neighbourhood of the date last mentioned, so it is marked for the anchoring step.
    fn narrative_year(&self, i: usize, n: u32, digits: usize) -> Option<M> {
        if digits > 3 || n < 10 {
            return None;
        }
        let prev = i.checked_sub(1)?;
        let after_prep = matches!(
            self.word(prev),
            Some(W::In | W::Since | W::Until | W::By | W::Of | W::From | W::Before | W::After)
        );
        let next_is_break = self.tok(i + 1).is_none_or(|t| {
            matches!(t.kind, Kind::Punct(',' | '.' | ';' | ')'))
                && self
                    .tok(i + 2)
                    .is_none_or(|n| n.kind != Kind::Number || n.space_before)
        });
        if !(after_prep && next_is_break) {
            return None;
        }
        Some(M {
            first: i,
            end: i + 1,
            sem: Sem::ErelessYear(n),
            modifier: Modifier::None,
        })
    }

    /// An optional year after a day and month: ", 1777", " 1918", " of 1940", " 480 BC".
    fn year_after(&self, i: usize) -> (Option<i32>, usize) {
        let mut k = i;
        if self.is_punct(k, ',') || self.is_word(k, W::Of) {
            k += 1;
        }
        if let Some((y, era, next)) = self.year(k, false)
            && (era
                || (self.number(k).is_some_and(|(_, d)| d == 4) && self.year_in_context_loose(k)))
        {
            return (Some(y), next);
        }
        (None, i)
    }

    /// A year after a month or day: only a few things stop a 4-digit number being one there.
    fn year_in_context_loose(&self, i: usize) -> bool {
        let next = i + 1;
        if let Some(t) = self.tok(next)
            && !t.space_before
            && matches!(t.kind, Kind::Word | Kind::Number | Kind::Punct('%' | ':'))
        {
            return false;
        }
        !self.lower_is(next, COUNTED)
    }

    /// "the 19th century", "the nineteenth century", "eighteenth-century", "the 4th century BC": `n` is
    /// the ordinal, `k` the index after it.
    fn century(&self, first: usize, n: u32, k: usize) -> Option<M> {
        let mut k = k;
        if self.is_dash(k) {
            k += 1;
        }
        let (Unit::Century, false) = self.unit(k)? else {
            return None;
        };
        if n == 0 || n > 30 {
            return None;
        }
        let mut end = k + 1;
        let mut bc = false;
        if let Some((era_bc, next)) = self.era(end) {
            bc = era_bc;
            end = next;
        }
        Some(cal(first, end, Point::century(n as i32 - 1, bc)))
    }

    /// A clock time at `i`.
    fn clock(&self, i: usize) -> Option<M> {
        let (h, hd) = self.number(i)?;
        let mut minutes = 0;
        let mut end = i + 1;
        let mut explicit = false;
        if self.is_punct(i + 1, ':')
            && self.touches(i + 1)
            && self.touches(i + 2)
            && let Some((m, 2)) = self.number(i + 2)
        {
            if m >= 60 || hd > 2 {
                return None;
            }
            minutes = m;
            end = i + 3;
            explicit = true;
        }
        if h > 24 {
            return None;
        }
        let mut hour = h;
        // a.m., p.m., am, pm, AM, hrs, o'clock
        if let Some((pm, next)) = self.meridiem(end) {
            if h == 0 || h > 12 {
                return None;
            }
            hour = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, _) => h + 12,
                _ => h,
            };
            end = next;
            explicit = true;
        } else if self.touches(end) && self.lower_is(end, &["hrs", "h"]) {
            end += 1;
        } else if !explicit {
            return None;
        }
        if !explicit {
            return None;
        }
        let mut point = Point {
            clock: Some(Clock::At(hour as u8, minutes as u8)),
            ..Point::empty(Grain::Time)
        };
        // "9:34 p.m., March 19 EST", "11 a.m. on 11 November 1918"
        let mut k = end;
        if self.is_punct(k, ',') {
            k += 1;
        }
        if let Some(date) = self.core_date(k) {
            let Sem::Cal(d) = date.sem else {
                return None;
            };
            point = Point {
                grain: Grain::Time,
                clock: point.clock,
                ..d
            };
            end = date.end;
        }
        if self.lower_is(end, &["est", "edt", "gmt", "utc", "cet", "pst", "pdt"]) {
            end += 1;
        }
        Some(cal(i, end, point))
    }

    /// A calendar date of day precision at `i` (used after a clock time or a part of the day).
    fn core_date(&self, i: usize) -> Option<M> {
        let m = match self.tok(i)?.kind {
            Kind::Number => self.numeric(i),
            Kind::Word => self.worded(i),
            Kind::Punct(_) => None,
        }?;
        match m.sem {
            Sem::Cal(p) if p.grain == Grain::Day => Some(m),
            _ => None,
        }
    }

    /// `a.m.`, `p.m.`, `am`, `pm` at `i`: whether it is after noon, and the index after it.
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        let t = self.text_of(i).to_ascii_lowercase();
        match t.as_str() {
            "am" | "pm" => Some((t == "pm", i + 1)),
            "a" | "p" => {
                if self.is_punct(i + 1, '.')
                    && self.touches(i + 1)
                    && self.text_of(i + 2).eq_ignore_ascii_case("m")
                    && self.touches(i + 2)
                {
                    let mut next = i + 3;
                    if self.is_punct(next, '.') && self.touches(next) {
                        next += 1;
                    }
                    Some((t == "p", next))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// "three years", "two years later", "a day earlier", "two years ago", "a few weeks later",
    /// "three-day": a count of units at `i`, as a duration or, with a direction, a date.
    fn counted(&self, i: usize) -> Option<M> {
        let (amount, k) = self.amount(i)?;
        let mut k = k;
        let hyphenated = self.is_dash(k) && self.touches(k) && self.touches(k + 1);
        if hyphenated {
            k += 1;
        }
        let (unit, plural) = self.unit(k)?;
        if amount == Some(1) && plural && !hyphenated {
            return None;
        }
        if amount.is_some_and(|n| n > 1) && !plural && !hyphenated {
            return None;
        }
        // "a year" alone is too common a phrase ("a year of war") to be a duration; "a year later" is a date.
        let direction = self.direction(k + 1);
        if let Some((sign, anaphoric, end)) = direction {
            let n = amount.map(|a| sign * a as i32);
            let sem = match (n, anaphoric) {
                (Some(n), true) => Sem::Anaphoric(unit, n, None),
                (Some(n), false) => Sem::Deictic(unit, n, None),
                (None, _) => Sem::Fixed(if sign < 0 { Value::Past } else { Value::Future }),
            };
            return Some(M {
                first: i,
                end,
                sem,
                modifier: Modifier::None,
            });
        }
        if matches!(self.word(i), Some(W::A | W::An)) && amount == Some(1) && !hyphenated {
            // "for a year", "within a week": a duration only after such a word.
            let prev_ok = i.checked_sub(1).is_some_and(|p| {
                matches!(self.word(p), Some(W::For | W::Within | W::Over | W::Than))
            });
            if !prev_ok {
                return None;
            }
        }
        if unit == Unit::Night && amount.is_none() {
            return None;
        }
        Some(M {
            first: i,
            end: k + 1,
            sem: Sem::Fixed(Value::Duration(amount, unit)),
            modifier: Modifier::None,
        })
    }

    /// A direction after a count of units: "ago" (back from now), "later", "after", "afterwards" (on
    /// from the date last mentioned), "earlier", "before", "previously". Returns the sign, whether it
    /// counts from the date last mentioned, and the index after it.
    fn direction(&self, i: usize) -> Option<(i32, bool, usize)> {
        match self.word(i)? {
            W::Ago => Some((-1, false, i + 1)),
            W::Later | W::Afterwards | W::After => Some((1, true, i + 1)),
            W::Earlier | W::Previously | W::Before => Some((-1, true, i + 1)),
            _ => None,
        }
    }

    /// Expressions that start with a word.
    fn worded(&self, i: usize) -> Option<M> {
        match self.lex(i)? {
            Lex::Month(..) => self.month_led(i),
            Lex::Weekday(d) => self.weekday_led(i, d),
            Lex::Season(s) => self.season_led(i, s, None),
            Lex::NumberWord(_) => self.counted(i),
            Lex::Ordinal(n) => self.century(i, n, i + 1),
            Lex::DayPart(part) => self.day_part(i, part),
            Lex::Clock(h) => Some(cal(
                i,
                i + 1,
                Point {
                    clock: Some(Clock::At(h, 0)),
                    ..Point::empty(Grain::Time)
                },
            )),
            Lex::Unit(..) => self.unit_led(i),
            Lex::BeforeEra => None,
            Lex::CommonEra => self.numeric_after_era(i),
            Lex::Word(w) => self.word_led(i, w),
        }
    }

    /// "AD 9".
    fn numeric_after_era(&self, i: usize) -> Option<M> {
        let (year, true, end) = self.year(i, false)? else {
            return None;
        };
        Some(cal(i, end, Point::year(year)))
    }

    /// "November 30, 2015", "Nov. 30", "November 2015", "February of 1940", "March".
    fn month_led(&self, i: usize) -> Option<M> {
        let (m, k) = self.month(i)?;
        // Month day[, year]
        if let Some((d, after)) = self.day(k)
            && !(self.is_punct(after, ',') && self.number(after + 1).is_some_and(|(_, n)| n < 4))
            && !self.lower_is(after, COUNTED)
        {
            let (year, end) = self.year_after(after);
            if valid_day(year.unwrap_or(2000), m, d) && self.day_not_count(k, after) {
                let end = self.of_that_year(end, year.is_none());
                return Some(cal(i, end, Point::day(year, m, d)));
            }
        }
        // Month [,|of] year
        let (year, end) = self.year_after(k);
        if let Some(y) = year {
            return Some(cal(i, end, Point::month(Some(y), m)));
        }
        if !self.bare_month_ok(i, m) {
            return None;
        }
        let end = self.of_that_year(k, true);
        Some(cal(i, end, Point::month(None, m)))
    }

    /// Whether the number after a month is its day and not a count ("May 12 soldiers" is rare; "in
    /// November 30 ships" rarer): a day is followed by a comma, a year, or the end of a phrase.
    fn day_not_count(&self, _day_at: usize, after: usize) -> bool {
        self.tok(after).is_none_or(|t| {
            t.kind != Kind::Word
                || !self.text_of(after).chars().all(char::is_lowercase)
                || self.lex(after).is_some()
                || !self.text_of(after).ends_with('s')
        })
    }

    /// "of that year", "of the same year", "of the following year" after a month: part of the
    /// expression (the year is the one last mentioned).
    fn of_that_year(&self, end: usize, yearless: bool) -> usize {
        if yearless
            && self.is_word(end, W::Of)
            && (self.is_word(end + 1, W::That)
                || (self.is_word(end + 1, W::The) && self.is_word(end + 2, W::Same)))
        {
            let k = if self.is_word(end + 1, W::That) {
                end + 2
            } else {
                end + 3
            };
            if self.unit(k) == Some((Unit::Year, false)) {
                return k + 1;
            }
        }
        end
    }

    /// "Friday", "Saturday, June 24, 1950", "Sunday 25 June".
    fn weekday_led(&self, i: usize, d: u8) -> Option<M> {
        if !self.capitalized(i) {
            return None;
        }
        let mut k = i + 1;
        if self.is_punct(k, ',') {
            k += 1;
        }
        if let Some(date) = self.core_date(k) {
            return Some(M { first: i, ..date });
        }
        // "Sunday dawn of 25 June 1950"
        Some(M {
            first: i,
            end: i + 1,
            sem: Sem::Weekday(d, 0),
            modifier: Modifier::None,
        })
    }

    /// "spring 2015", "the spring of 1794", "autumn of 481 BC", "winter", "the winter of 1941–42".
    fn season_led(&self, i: usize, s: Season, _the: Option<usize>) -> Option<M> {
        let mut k = i + 1;
        if self.is_word(k, W::Of) {
            k += 1;
        }
        let year = self
            .year(k, false)
            .filter(|&(_, era, _)| era || self.number(k).is_some_and(|(_, d)| d == 4));
        // "the fall of Saigon": "fall" is a season only before a year or after "in the"/"last"/"this".
        if s == Season::Fall && year.is_none() {
            let prev = i.checked_sub(1);
            let ok = prev.is_some_and(|p| {
                matches!(
                    self.word(p),
                    Some(W::The | W::Last | W::Next | W::This | W::That)
                ) && !self.is_word(i + 1, W::Of)
            }) && !self.is_word(i + 1, W::Of);
            if !ok || !self.prev_is_time_prep(i) {
                return None;
            }
        }
        let mut point = Point {
            part: Some(YearPart::Season(s)),
            ..Point::empty(Grain::Part)
        };
        let mut end = i + 1;
        if let Some((y, _, next)) = year {
            point.year = Some(y);
            end = next;
            // "the winter of 1941–42": the winter that starts in the first year.
            if s == Season::Winter
                && self.is_dash(end)
                && let Some((_, 2)) = self.number(end + 1)
            {
                end += 2;
            }
        }
        Some(cal(i, end, point))
    }

    /// Whether the words before `i` are "in the", "during the", "last", "this" and the like.
    fn prev_is_time_prep(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        match self.word(p) {
            Some(W::Last | W::Next | W::This | W::That | W::Early | W::Late) => true,
            Some(W::The) => p.checked_sub(1).is_some_and(|pp| {
                matches!(
                    self.word(pp),
                    Some(W::In | W::During | W::By | W::Until | W::Since | W::Through | W::Of)
                )
            }),
            _ => false,
        }
    }

    /// "morning", "the morning of April 19", "the night of 20 June 1791".
    fn day_part(&self, i: usize, part: DayPart) -> Option<M> {
        if self.is_word(i + 1, W::Of)
            && let Some(date) = self.core_date(i + 2)
        {
            let Sem::Cal(d) = date.sem else {
                return None;
            };
            return Some(cal(
                i,
                date.end,
                Point {
                    grain: Grain::Time,
                    clock: Some(Clock::Part(part)),
                    ..d
                },
            ));
        }
        None
    }

    /// Expressions that start with a unit word: "night" (in "at night"), "the night of …" (handled with
    /// parts of the day), and the centuries and decades named by words.
    fn unit_led(&self, i: usize) -> Option<M> {
        let (unit, plural) = self.unit(i)?;
        if unit == Unit::Night && !plural {
            if self.is_word(i + 1, W::Of)
                && let Some(m) = self.day_part(i, DayPart::Night)
            {
                return Some(m);
            }
            let prev = i.checked_sub(1)?;
            if matches!(self.word(prev), Some(W::At | W::By)) {
                return Some(time_part(i, i + 1, DayPart::Night));
            }
        }
        None
    }

    /// Expressions that start with another word of time.
    fn word_led(&self, i: usize, w: W) -> Option<M> {
        let fixed = |end: usize, v: Value| M {
            first: i,
            end,
            sem: Sem::Fixed(v),
            modifier: Modifier::None,
        };
        let sem = |end: usize, s: Sem| M {
            first: i,
            end,
            sem: s,
            modifier: Modifier::None,
        };
        match w {
            W::Today => Some(sem(i + 1, Sem::Deictic(Unit::Day, 0, None))),
            W::Yesterday => {
                let part = self.part_after(i + 1);
                Some(sem(
                    i + 1 + usize::from(part.is_some()),
                    Sem::Deictic(Unit::Day, -1, part),
                ))
            }
            W::Tomorrow => {
                let part = self.part_after(i + 1);
                Some(sem(
                    i + 1 + usize::from(part.is_some()),
                    Sem::Deictic(Unit::Day, 1, part),
                ))
            }
            W::Tonight => Some(sem(i + 1, Sem::Deictic(Unit::Day, 0, Some(DayPart::Night)))),
            W::Now => {
                // "now that" is a conjunction, but the time is still the present.
                let prev_right = i
                    .checked_sub(1)
                    .is_some_and(|p| self.lower_is(p, &["right", "until", "till", "by", "from"]));
                let first = if prev_right && self.lower_is(i - 1, &["right"]) {
                    i - 1
                } else {
                    i
                };
                Some(M {
                    first,
                    ..fixed(i + 1, Value::Present)
                })
            }
            W::Currently | W::Nowadays => Some(fixed(i + 1, Value::Present)),
            W::Current => {
                // "current" before a noun: the present.
                Some(fixed(i + 1, Value::Present))
            }
            W::Recently => Some(fixed(i + 1, Value::Past)),
            W::Recent => {
                // "in recent years": the past.
                Some(fixed(i + 1, Value::Past))
            }
            W::Future if !self.touches(i + 1) || !self.lower_is(i + 1, &["s"]) => {
                Some(fixed(i + 1, Value::Future))
            }
            W::Present => {
                let prev = i.checked_sub(1);
                let ok = prev.is_some_and(|p| matches!(self.word(p), Some(W::The | W::At)))
                    || (self.is_dash(i + 1) && self.unit(i + 2) == Some((Unit::Day, false)));
                if !ok {
                    return None;
                }
                if self.is_dash(i + 1) && self.unit(i + 2) == Some((Unit::Day, false)) {
                    return Some(fixed(i + 3, Value::Present));
                }
                Some(fixed(i + 1, Value::Present))
            }
            W::Past
                if i.checked_sub(1).is_some_and(|p| self.is_word(p, W::The))
                    && !self.is_word(i + 1, W::Of)
                    && self.lex(i + 1).is_none_or(|l| {
                        !matches!(
                            l,
                            Lex::Unit(..) | Lex::NumberWord(_) | Lex::Word(W::Few | W::Several)
                        )
                    }) =>
            {
                Some(fixed(i + 1, Value::Past))
            }
            W::The => self.the_led(i),
            W::Last | W::Next | W::This | W::Coming | W::Past | W::Previous | W::Following => {
                self.relative(i, i, w)
            }
            W::That => self.that_led(i),
            W::Every | W::Each => self.every(i),
            W::Annually | W::Yearly => Some(fixed(i + 1, Value::Set(SetValue::Every(Unit::Year)))),
            W::Daily if self.set_adverb(i) => {
                Some(fixed(i + 1, Value::Set(SetValue::Every(Unit::Day))))
            }
            W::Weekly if self.set_adverb(i) => {
                Some(fixed(i + 1, Value::Set(SetValue::Every(Unit::Week))))
            }
            W::Monthly if self.set_adverb(i) => {
                Some(fixed(i + 1, Value::Set(SetValue::Every(Unit::Month))))
            }
            W::Once | W::Twice => {
                // "once a year", "twice a week"
                if matches!(self.word(i + 1), Some(W::A | W::Per))
                    && let Some((u, false)) = self.unit(i + 2)
                {
                    return Some(fixed(i + 3, Value::Set(SetValue::Every(u))));
                }
                None
            }
            W::Christmas => self.holiday(i, 12, 25),
            W::Later | W::Earlier => {
                // "later that month", "earlier that year", "later in the year"
                let mut k = i + 1;
                if self.is_word(k, W::In) && self.is_word(k + 1, W::The) {
                    k += 2;
                } else if self.is_word(k, W::That) || self.is_word(k, W::This) {
                    k += 1;
                } else if self.is_word(k, W::In)
                    && let Some(m) = self.expr(k + 1)
                    && matches!(m.sem, Sem::Cal(p) if p.is_anchored())
                {
                    let modifier = if w == W::Later {
                        Modifier::Late
                    } else {
                        Modifier::Early
                    };
                    return Some(M {
                        first: i,
                        modifier,
                        ..m
                    });
                } else {
                    return None;
                }
                let (u, false) = self.unit(k)? else {
                    return None;
                };
                Some(sem(k + 1, Sem::Anaphoric(u, 0, None)))
            }
            W::Shortly | W::Soon | W::Immediately
                if matches!(self.word(i + 1), Some(W::Afterwards | W::After))
                    && self.word(i + 1) == Some(W::Afterwards) =>
            {
                Some(fixed(i + 2, Value::Unknown))
            }
            W::Just | W::Only | W::Almost | W::Nearly | W::Over | W::Some => {
                // "just 14 years later", "almost two decades earlier"
                let m = self.counted(i + 1)?;
                if matches!(m.sem, Sem::Fixed(Value::Duration(..))) {
                    return None;
                }
                Some(M { first: i, ..m })
            }
            W::Less | W::More if self.is_word(i + 1, W::Than) => {
                let m = self.counted(i + 2)?;
                if matches!(m.sem, Sem::Fixed(Value::Duration(..))) {
                    return None;
                }
                Some(M { first: i, ..m })
            }
            W::A | W::An | W::Few | W::Several | W::Many | W::Couple => self.counted(i),
            _ => None,
        }
    }

    /// Whether "daily", "weekly" or "monthly" is an adverb of repetition here and not part of a name
    /// ("the Daily Telegraph", "a weekly newspaper" is still a set in TIMEX3).
    fn set_adverb(&self, i: usize) -> bool {
        !self.capitalized(i)
    }

    /// "morning", "afternoon", "evening", "night" right after "yesterday" or "tomorrow".
    fn part_after(&self, i: usize) -> Option<DayPart> {
        match self.lex(i)? {
            Lex::DayPart(p) => Some(p),
            Lex::Unit(Unit::Night, false) => Some(DayPart::Night),
            _ => None,
        }
    }

    /// "Christmas", "Christmas 2007", "Christmas Eve".
    fn holiday(&self, i: usize, month: u8, day: u8) -> Option<M> {
        // "White Christmas", "A Christmas Carol": part of a name.
        if i.checked_sub(1)
            .is_some_and(|p| self.capitalized(p) && !self.sentence_initial(p))
        {
            return None;
        }
        let mut day = day;
        let mut k = i + 1;
        if self.is_word(k, W::Eve) {
            day -= 1;
            k += 1;
        }
        let (year, end) = self.year_after(k);
        Some(cal(i, end, Point::day(year, month, day)))
    }

    /// "every year", "each Monday", "every other week".
    fn every(&self, i: usize) -> Option<M> {
        let k = i + 1;
        let v = match self.lex(k)? {
            Lex::Unit(u, false) => Value::Set(SetValue::Every(u)),
            Lex::Weekday(d) => Value::Set(SetValue::Weekday(d)),
            Lex::Season(_) | Lex::Month(..) => Value::Set(SetValue::Every(Unit::Year)),
            Lex::DayPart(_) => Value::Set(SetValue::Every(Unit::Day)),
            _ => return None,
        };
        Some(M {
            first: i,
            end: k + 1,
            sem: Sem::Fixed(v),
            modifier: Modifier::None,
        })
    }

    /// "that year", "that day", "that morning", "that same day", "that time", "that period".
    fn that_led(&self, i: usize) -> Option<M> {
        let mut k = i + 1;
        if self.is_word(k, W::Same) {
            k += 1;
        }
        self.anaphor_noun(i, k)
    }

    /// The unit or part of the day after "that", "the same": anchored to the date last mentioned.
    fn anaphor_noun(&self, i: usize, k: usize) -> Option<M> {
        let sem = match self.lex(k)? {
            Lex::Unit(u, false) if u != Unit::Minute && u != Unit::Hour => {
                if u == Unit::Night {
                    Sem::Anaphoric(Unit::Day, 0, Some(DayPart::Night))
                } else {
                    Sem::Anaphoric(u, 0, None)
                }
            }
            Lex::DayPart(p) => Sem::Anaphoric(Unit::Day, 0, Some(p)),
            Lex::Season(s) => {
                return Some(M {
                    first: i,
                    end: k + 1,
                    sem: Sem::Cal(Point {
                        part: Some(YearPart::Season(s)),
                        ..Point::empty(Grain::Part)
                    }),
                    modifier: Modifier::None,
                });
            }
            Lex::Word(W::Time | W::Period | W::Era) => Sem::Fixed(Value::Unknown),
            _ => return None,
        };
        Some(M {
            first: i,
            end: k + 1,
            sem,
            modifier: Modifier::None,
        })
    }

    /// Expressions that start with "the": "the 1990s", "the 19th century", "the following year",
    /// "the next day", "the same month", "the past", "the future", "the first quarter of 2015", "the
    /// second half of 2008", "the 20th", "the spring of 1794".
    fn the_led(&self, i: usize) -> Option<M> {
        let k = i + 1;
        let Some(lex) = self.lex(k) else {
            return self.the_number(i, k);
        };
        match lex {
            Lex::Word(W::Past)
                if !self.is_word(k + 1, W::Of)
                    && self.amount(k + 1).is_none()
                    && self.unit(k + 1).is_none() =>
            {
                Some(M {
                    first: i,
                    end: k + 1,
                    sem: Sem::Fixed(Value::Past),
                    modifier: Modifier::None,
                })
            }
            Lex::Word(
                w @ (W::Next | W::Following | W::Previous | W::Last | W::Past | W::Coming),
            ) => {
                self.relative(i, k, w).map(|mut m| {
                    // With "the", "next" and "last" count from the date last mentioned.
                    if let Sem::Deictic(u, n, p) = m.sem
                        && matches!(w, W::Next | W::Following | W::Previous)
                    {
                        m.sem = Sem::Anaphoric(u, n, p);
                    }
                    m
                })
            }
            Lex::Word(W::Same) => self.anaphor_noun(i, k + 1),
            Lex::Word(W::Future) => Some(M {
                first: i,
                end: k + 1,
                sem: Sem::Fixed(Value::Future),
                modifier: Modifier::None,
            }),
            Lex::Word(W::Present)
                if !self.is_word(k + 1, W::Of)
                    && self.lex(k + 1).is_none_or(|l| !matches!(l, Lex::Unit(..))) =>
            {
                Some(M {
                    first: i,
                    end: k + 1,
                    sem: Sem::Fixed(Value::Present),
                    modifier: Modifier::None,
                })
            }
            Lex::Ordinal(n) => {
                // "the first quarter of 2015", "the second half of 2008", "the nineteenth century"
                if let Some(m) = self.part_of_year(i, k + 1, n) {
                    return Some(m);
                }
                self.century(i, n, k + 1)
            }
            Lex::Word(W::Latter) => self.part_of_year(i, k + 1, 2),
            Lex::Word(W::Early | W::Late | W::Mid) => {
                let mut m = self.expr(k)?;
                m.first = i;
                Some(m)
            }
            Lex::Season(s) => {
                let m = self.season_led(k, s, Some(i))?;
                Some(M { first: i, ..m })
            }
            Lex::Unit(Unit::Day, false)
                if matches!(self.word(k + 1), Some(W::After | W::Before | W::Following)) =>
            {
                let n = if self.is_word(k + 1, W::Before) {
                    -1
                } else {
                    1
                };
                Some(M {
                    first: i,
                    end: k + 2,
                    sem: Sem::Anaphoric(Unit::Day, n, None),
                    modifier: Modifier::None,
                })
            }
            _ => None,
        }
    }

    /// "the 1990s", "the 19th century", "the 20th" (a day of the month last mentioned), "the '90s".
    fn the_number(&self, i: usize, k: usize) -> Option<M> {
        if self.is_apostrophe_at(k) {
            return self.short_year(k).map(|m| M { first: i, ..m });
        }
        let (n, _) = self.number(k)?;
        let m = self.numeric(k);
        if let Some(m) = m
            && matches!(m.sem, Sem::Cal(p) if matches!(p.grain, Grain::Decade | Grain::Century | Grain::Day))
        {
            return Some(M { first: i, ..m });
        }
        // "on the 20th": a day of the month last mentioned; not "the 24th Infantry Division" or "the
        // 5th of the prisoners".
        let ordinal = self.touches(k + 1) && self.lower_is(k + 1, &["st", "nd", "rd", "th"]);
        let after = k + 2;
        let ends_phrase = self.tok(after).is_none_or(|t| match t.kind {
            Kind::Punct(c) => matches!(c, ',' | '.' | ';' | ')' | ':'),
            Kind::Word => {
                !self.capitalized(after)
                    && self.lex(after).is_none_or(|l| !matches!(l, Lex::Unit(..)))
                    && !self.is_word(after, W::Of)
            }
            Kind::Number => false,
        });
        let after_day_word = i.checked_sub(1).is_some_and(|p| {
            matches!(
                self.word(p),
                Some(W::On | W::By | W::Until | W::From | W::To | W::Through | W::And | W::Since)
            )
        });
        if ordinal && (1..=31).contains(&n) && ends_phrase && after_day_word {
            return Some(cal(
                i,
                after,
                Point {
                    day: Some(n as u8),
                    ..Point::empty(Grain::Day)
                },
            ));
        }
        m.map(|m| M { first: i, ..m })
            .filter(|m| matches!(m.sem, Sem::Cal(_)))
    }

    fn is_apostrophe_at(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_apostrophe)
    }

    /// "the first quarter of 2015", "the second half of 2008", "the latter half of 2008": `k` is the
    /// index after the ordinal.
    fn part_of_year(&self, i: usize, k: usize, n: u32) -> Option<M> {
        let part = match self.lex(k)? {
            Lex::Unit(Unit::Quarter, false) if (1..=4).contains(&n) => YearPart::Quarter(n as u8),
            Lex::Word(W::Half) if (1..=2).contains(&n) => YearPart::Half(n as u8),
            _ => return None,
        };
        if !self.is_word(k + 1, W::Of) {
            return None;
        }
        let mut j = k + 2;
        let mut point = Point {
            part: Some(part),
            ..Point::empty(Grain::Part)
        };
        if let Some((y, _, next)) = self.year(j, true) {
            point.year = Some(y);
            j = next;
            return Some(cal(i, j, point));
        }
        // "the first half of the year": the year last mentioned.
        if self.is_word(j, W::The) && self.unit(j + 1) == Some((Unit::Year, false)) {
            j += 2;
            return Some(cal(i, j, point));
        }
        None
    }

    /// "last year", "next month", "this week", "last March", "next summer", "last Friday", "the past
    /// three years" (a duration), "the following day": `w` at `k` is the relative word.
    fn relative(&self, i: usize, k: usize, w: W) -> Option<M> {
        let n = match w {
            W::Last | W::Past | W::Previous => -1,
            W::Next | W::Coming | W::Following => 1,
            _ => 0,
        };
        let j = k + 1;
        let m = |end: usize, sem: Sem| M {
            first: i,
            end,
            sem,
            modifier: Modifier::None,
        };
        match self.lex(j)? {
            Lex::Unit(u, false) => {
                if u == Unit::Night {
                    return Some(m(
                        j + 1,
                        Sem::Deictic(Unit::Day, n.min(0), Some(DayPart::Night)),
                    ));
                }
                if matches!(w, W::Past) || (w == W::Last && self.is_word(i, W::The)) {
                    // "the past year": a duration reaching up to now.
                    return Some(m(j + 1, Sem::Fixed(Value::Duration(Some(1), u))));
                }
                Some(m(j + 1, Sem::Deictic(u, n, None)))
            }
            Lex::Month(mo, _) if self.capitalized(j) => {
                if n != 0 && self.is_word(i, W::The) {
                    // "the previous April": relative to the date last mentioned.
                    return Some(m(j + 1, Sem::Cal(Point::month(None, mo))));
                }
                Some(m(j + 1, Sem::DeicticMonth(mo, n)))
            }
            Lex::Season(s) => Some(m(j + 1, Sem::DeicticSeason(s, n, self.is_word(i, W::The)))),
            Lex::Weekday(d) => Some(m(j + 1, Sem::Weekday(d, n))),
            Lex::DayPart(p) if matches!(w, W::This | W::Next | W::Following) => {
                Some(m(j + 1, Sem::Deictic(Unit::Day, n, Some(p))))
            }
            // "at this time", "by this time"; "this time, they won" means "on this occasion".
            Lex::Word(W::Time)
                if w == W::This
                    && i.checked_sub(1).is_some_and(|p| {
                        matches!(
                            self.word(p),
                            Some(W::At | W::By | W::Until | W::Since | W::During)
                        )
                    }) =>
            {
                Some(m(j + 1, Sem::Fixed(Value::Present)))
            }
            Lex::Word(W::Period | W::Era) if w == W::This => {
                Some(m(j + 1, Sem::Fixed(Value::Unknown)))
            }
            Lex::NumberWord(_) | Lex::Word(W::Few | W::Several) => {
                // "the last three years", "the past few months": a duration.
                let (amount, after) = self.amount(j)?;
                let (u, true) = self.unit(after)? else {
                    return None;
                };
                Some(m(after + 1, Sem::Fixed(Value::Duration(amount, u))))
            }
            _ => {
                if let Some((amount, after)) = self.amount(j)
                    && let Some((u, true)) = self.unit(after)
                {
                    return Some(m(after + 1, Sem::Fixed(Value::Duration(amount, u))));
                }
                None
            }
        }
    }
}

/// A part of the day with no date yet, from token `first` to `end`.
fn time_part(first: usize, end: usize, part: DayPart) -> M {
    cal(
        first,
        end,
        Point {
            clock: Some(Clock::Part(part)),
            ..Point::empty(Grain::Time)
        },
    )
}

/// A calendar value from token `first` to `end`.
fn cal(first: usize, end: usize, p: Point) -> M {
    M {
        first,
        end,
        sem: Sem::Cal(p),
        modifier: Modifier::None,
    }
}

/// Whether the day exists in that month (in a leap year when the year is not known).
fn valid_day(year: i32, month: u8, day: u8) -> bool {
    chrono::NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day)).is_some()
}

/// The two ends of a range with what one leaves unsaid taken from the other: the start's month and
/// year from the end ("6–7 January 1916", "between March and May 2015"), the start's era from the
/// end ("from 499 to 493 BC").
fn complete_range(a: Point, b: Point) -> Option<(Point, Point)> {
    let mut a = a;
    let mut b = b;
    // A bare number starting a range.
    if a.grain == Grain::Day && a.month.is_none() {
        // "6–7 January 1916"
        if b.grain != Grain::Day || b.month.is_none() {
            return None;
        }
        a.month = b.month;
        a.year = b.year;
    } else if a.grain == Grain::Year && a.era_number == -1 {
        // "from 499 to 493 BC", "1939–1945"
        let (Some(ay), Some(by)) = (a.year, b.year) else {
            return None;
        };
        if b.grain != Grain::Year {
            return None;
        }
        if by <= 0 {
            a.year = Some(1 - ay);
            if a.year > Some(by) {
                // A BC range runs from the larger number down.
            }
        } else if !(1000..=2199).contains(&ay) {
            return None;
        }
        a.era_number = 0;
    }
    if a.year.is_none() && b.year.is_some() && a.grain >= Grain::Year && a.grain != Grain::Time {
        a.year = b.year;
        if a.month.is_some() && b.month.is_some() && a.month > b.month {
            // "between November and February 1942": the start is in the year before.
            a.year = b.year.map(|y| y - 1);
        }
    }
    if b.grain == Grain::Year && b.era_number == -1 {
        b.era_number = 0;
    }
    Some((a, b))
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        find(text, &tokens)
            .iter()
            .map(|f| &text[f.start as usize..f.end as usize])
            .collect()
    }

    #[test]
    fn dates_at_every_precision_are_found_whole() {
        assert_eq!(
            spans(
                "In 1974, on 30 November 2015 and Nov. 30, 2015, in November 2015 and on 2015-11-30."
            ),
            [
                "1974",
                "30 November 2015",
                "Nov. 30, 2015",
                "November 2015",
                "2015-11-30"
            ]
        );
        assert_eq!(
            spans("the 1990s, the mid-1990s, the 19th century, 499 BC, AD 9, spring 2015"),
            [
                "the 1990s",
                "the mid-1990s",
                "the 19th century",
                "499 BC",
                "AD 9",
                "spring 2015"
            ]
        );
    }

    #[test]
    fn numbers_that_are_not_years_are_left_alone() {
        assert!(spans("They sent 2000 troops and paid $1974 for page 1945.").is_empty());
        assert!(
            spans("He lived at 1600 Pennsylvania Avenue; the score was 1999 points.").is_empty()
        );
        assert!(spans("You may go. They march on.").is_empty());
    }
}
