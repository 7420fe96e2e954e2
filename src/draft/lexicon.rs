//! The English words temporal expressions are made of: months, weekdays, seasons, units of time, number
//! words, ordinals, and the words that make an expression relative, fuzzy or repeated.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// A season of the year, as TIMEX3 writes it (`SP`, `SU`, `FA`, `WI`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    /// Spring (`SP`).
    Spring,
    /// Summer (`SU`).
    Summer,
    /// Autumn or fall (`FA`).
    Fall,
    /// Winter (`WI`).
    Winter,
}

impl Season {
    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Spring => "SP",
            Self::Summer => "SU",
            Self::Fall => "FA",
            Self::Winter => "WI",
        }
    }

    /// The first and last month it covers in the northern hemisphere (winter runs into the next year).
    pub fn months(self) -> (u8, u8) {
        match self {
            Self::Spring => (3, 5),
            Self::Summer => (6, 8),
            Self::Fall => (9, 11),
            Self::Winter => (12, 2),
        }
    }
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A night (a day, as a duration).
    Night,
    /// A week.
    Week,
    /// A fortnight (two weeks).
    Fortnight,
    /// A month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
    /// A millennium.
    Millennium,
}

impl Unit {
    /// The TIMEX3 duration letter and how many of it one unit is (`("Y", 10)` for a decade).
    pub fn duration_code(self) -> (&'static str, u32, bool) {
        match self {
            Self::Minute => ("M", 1, true),
            Self::Hour => ("H", 1, true),
            Self::Day | Self::Night => ("D", 1, false),
            Self::Week => ("W", 1, false),
            Self::Fortnight => ("W", 2, false),
            Self::Month => ("M", 1, false),
            Self::Quarter => ("M", 3, false),
            Self::Year => ("Y", 1, false),
            Self::Decade => ("Y", 10, false),
            Self::Century => ("Y", 100, false),
            Self::Millennium => ("Y", 1000, false),
        }
    }
}

/// A part of the day, as TIMEX3 writes it after `T`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayPart {
    /// Morning (`MO`).
    Morning,
    /// Midday, noon (`MI`).
    Midday,
    /// Afternoon (`AF`).
    Afternoon,
    /// Evening (`EV`).
    Evening,
    /// Night (`NI`).
    Night,
    /// Daytime (`DT`).
    Daytime,
}

impl DayPart {
    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Morning => "MO",
            Self::Midday => "MI",
            Self::Afternoon => "AF",
            Self::Evening => "EV",
            Self::Night => "NI",
            Self::Daytime => "DT",
        }
    }
}

/// What a word means to the finder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lex {
    /// A month 1–12; `abbreviated` for `Jan`, `Sept` and the like.
    Month(u8, bool),
    /// A weekday 1 (Monday) – 7 (Sunday).
    Weekday(u8),
    /// A season.
    Season(Season),
    /// A unit of time; `plural` for `years`.
    Unit(Unit, bool),
    /// A number written as a word (`three`, `twenty`).
    NumberWord(u32),
    /// An ordinal written as a word (`third`, `twentieth`).
    Ordinal(u32),
    /// A part of the day.
    DayPart(DayPart),
    /// `noon` or `midnight`: a clock time.
    Clock(u8),
    /// `BC`, `BCE`: before the common era.
    BeforeEra,
    /// `AD`, `CE`: the common era.
    CommonEra,
    /// Any other word the finder reads.
    Word(W),
}

/// Words with a role of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs, reason = "each variant is the word it names")]
pub enum W {
    The,
    A,
    An,
    Of,
    In,
    On,
    At,
    By,
    From,
    To,
    Until,
    Through,
    Between,
    And,
    Or,
    Since,
    During,
    Before,
    After,
    Around,
    Circa,
    Ca,
    C,
    About,
    Early,
    Late,
    Mid,
    Middle,
    Beginning,
    Start,
    End,
    Half,
    Latter,
    Part,
    Last,
    Next,
    This,
    That,
    These,
    Coming,
    Past,
    Previous,
    Following,
    Same,
    Ago,
    Later,
    Earlier,
    Previously,
    Afterwards,
    Now,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Currently,
    Current,
    Recently,
    Recent,
    Present,
    Future,
    Former,
    Nowadays,
    Few,
    Several,
    Some,
    Many,
    Couple,
    Every,
    Each,
    Annually,
    Yearly,
    Daily,
    Weekly,
    Monthly,
    Hourly,
    Per,
    Am,
    Pm,
    Hrs,
    Christmas,
    Eve,
    Time,
    Period,
    Era,
    Over,
    For,
    Within,
    Almost,
    Nearly,
    Just,
    Only,
    More,
    Than,
    Less,
    Least,
    Once,
    Twice,
    Times,
    Shortly,
    Soon,
    Immediately,
    Will,
    Hundred,
    Thousand,
}

/// What `word` means, ignoring case; `None` for words the finder does not read.
pub fn lookup(word: &str) -> Option<Lex> {
    table().get(word.as_bytes())
}

impl Lexicon {
    /// What `word` means, ignoring case.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<Lex> {
        let first = *word.first()?;
        // Most words are ruled out by their first letter and their length alone.
        let letter = usize::from(first | 0x20).wrapping_sub(usize::from(b'a'));
        if word.len() > 15
            || self
                .lengths
                .get(letter)
                .is_none_or(|bits| bits & (1 << word.len()) == 0)
        {
            return None;
        }
        self.find(key_of(word)?)
    }

    fn find(&self, key: u128) -> Option<Lex> {
        let table = self;
        let mut slot = slot_of(key);
        loop {
            let (k, lex) = table.slots[slot];
            if k == key {
                return lex;
            }
            if k == 0 {
                return None;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }
}

/// A word folded to lower case and packed into 16 bytes: the key of the table. `None` for words that
/// cannot be in it (longer than 15 bytes, or with a byte that is not an ASCII letter).
fn key_of(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 15 {
        return None;
    }
    let mut buffer = [0u8; 16];
    buffer[..word.len()].copy_from_slice(word);
    let mut letters = true;
    for b in &mut buffer[..word.len()] {
        letters &= b.is_ascii_alphabetic();
        *b |= 0x20;
    }
    letters.then(|| u128::from_le_bytes(buffer))
}

/// Slots in the table: a power of two, a few times the number of words.
const SLOTS: usize = 2048;

fn slot_of(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 11)) as usize
}

/// The words, in an open-addressed table: looking a word up costs one multiplication and, for most
/// words, one comparison; before that, most words are ruled out by their first letter and length.
pub struct Lexicon {
    slots: Vec<(u128, Option<Lex>)>,
    /// For each first letter a–z, the lengths of the words that start with it (bit n for length n).
    lengths: [u16; 26],
}

/// The lexicon, built on first use.
pub fn table() -> &'static Lexicon {
    static TABLE: OnceLock<Lexicon> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut slots = vec![(0u128, None); SLOTS];
        let mut lengths = [0u16; 26];
        for (word, lex) in build() {
            let Some(key) = key_of(word.as_bytes()) else {
                continue;
            };
            lengths[usize::from(word.as_bytes()[0] - b'a')] |= 1 << word.len();
            let mut slot = slot_of(key);
            while slots[slot].0 != 0 && slots[slot].0 != key {
                slot = (slot + 1) & (SLOTS - 1);
            }
            slots[slot] = (key, Some(lex));
        }
        Lexicon { slots, lengths }
    })
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const NUMBER_WORDS: [(&str, u32); 28] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
];

const ORDINALS: [(&str, u32); 24] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("hundredth", 100),
];

fn build() -> FxHashMap<&'static str, Lex> {
    let mut t: FxHashMap<&'static str, Lex> = FxHashMap::default();
    for (i, m) in MONTHS.iter().enumerate() {
        t.insert(m, Lex::Month(i as u8 + 1, false));
    }
    for (abbr, m) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        t.insert(abbr, Lex::Month(m, true));
    }
    for (i, d) in WEEKDAYS.iter().enumerate() {
        t.insert(d, Lex::Weekday(i as u8 + 1));
    }
    for (s, season) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("autumn", Season::Fall),
        ("fall", Season::Fall),
        ("winter", Season::Winter),
    ] {
        t.insert(s, Lex::Season(season));
    }
    for (s, unit, plural) in [
        ("minute", Unit::Minute, false),
        ("minutes", Unit::Minute, true),
        ("hour", Unit::Hour, false),
        ("hours", Unit::Hour, true),
        ("day", Unit::Day, false),
        ("days", Unit::Day, true),
        ("night", Unit::Night, false),
        ("nights", Unit::Night, true),
        ("week", Unit::Week, false),
        ("weeks", Unit::Week, true),
        ("fortnight", Unit::Fortnight, false),
        ("month", Unit::Month, false),
        ("months", Unit::Month, true),
        ("quarter", Unit::Quarter, false),
        ("quarters", Unit::Quarter, true),
        ("year", Unit::Year, false),
        ("years", Unit::Year, true),
        ("decade", Unit::Decade, false),
        ("decades", Unit::Decade, true),
        ("century", Unit::Century, false),
        ("centuries", Unit::Century, true),
        ("millennium", Unit::Millennium, false),
        ("millennia", Unit::Millennium, true),
    ] {
        t.insert(s, Lex::Unit(unit, plural));
    }
    for (s, n) in NUMBER_WORDS {
        t.insert(s, Lex::NumberWord(n));
    }
    for (s, n) in ORDINALS {
        t.insert(s, Lex::Ordinal(n));
    }
    for (s, p) in [
        ("morning", DayPart::Morning),
        ("mornings", DayPart::Morning),
        ("afternoon", DayPart::Afternoon),
        ("evening", DayPart::Evening),
        ("dawn", DayPart::Morning),
        ("daybreak", DayPart::Morning),
        ("dusk", DayPart::Evening),
        ("daytime", DayPart::Daytime),
        ("midday", DayPart::Midday),
    ] {
        t.insert(s, Lex::DayPart(p));
    }
    t.insert("noon", Lex::Clock(12));
    t.insert("midnight", Lex::Clock(0));
    for s in ["bc", "bce"] {
        t.insert(s, Lex::BeforeEra);
    }
    for s in ["ad", "ce"] {
        t.insert(s, Lex::CommonEra);
    }
    for (s, w) in [
        ("the", W::The),
        ("a", W::A),
        ("an", W::An),
        ("of", W::Of),
        ("in", W::In),
        ("on", W::On),
        ("at", W::At),
        ("by", W::By),
        ("from", W::From),
        ("to", W::To),
        ("until", W::Until),
        ("till", W::Until),
        ("through", W::Through),
        ("between", W::Between),
        ("and", W::And),
        ("or", W::Or),
        ("since", W::Since),
        ("during", W::During),
        ("before", W::Before),
        ("after", W::After),
        ("around", W::Around),
        ("circa", W::Circa),
        ("ca", W::Ca),
        ("c", W::C),
        ("about", W::About),
        ("early", W::Early),
        ("late", W::Late),
        ("mid", W::Mid),
        ("middle", W::Middle),
        ("beginning", W::Beginning),
        ("start", W::Start),
        ("end", W::End),
        ("half", W::Half),
        ("latter", W::Latter),
        ("part", W::Part),
        ("last", W::Last),
        ("next", W::Next),
        ("this", W::This),
        ("that", W::That),
        ("these", W::These),
        ("coming", W::Coming),
        ("past", W::Past),
        ("previous", W::Previous),
        ("following", W::Following),
        ("same", W::Same),
        ("ago", W::Ago),
        ("later", W::Later),
        ("earlier", W::Earlier),
        ("previously", W::Previously),
        ("afterwards", W::Afterwards),
        ("afterward", W::Afterwards),
        ("now", W::Now),
        ("today", W::Today),
        ("yesterday", W::Yesterday),
        ("tomorrow", W::Tomorrow),
        ("tonight", W::Tonight),
        ("currently", W::Currently),
        ("current", W::Current),
        ("recently", W::Recently),
        ("recent", W::Recent),
        ("present", W::Present),
        ("future", W::Future),
        ("former", W::Former),
        ("nowadays", W::Nowadays),
        ("few", W::Few),
        ("several", W::Several),
        ("some", W::Some),
        ("many", W::Many),
        ("couple", W::Couple),
        ("every", W::Every),
        ("each", W::Each),
        ("annually", W::Annually),
        ("yearly", W::Yearly),
        ("daily", W::Daily),
        ("weekly", W::Weekly),
        ("monthly", W::Monthly),
        ("hourly", W::Hourly),
        ("per", W::Per),
        ("am", W::Am),
        ("pm", W::Pm),
        ("hrs", W::Hrs),
        ("christmas", W::Christmas),
        ("eve", W::Eve),
        ("time", W::Time),
        ("period", W::Period),
        ("era", W::Era),
        ("over", W::Over),
        ("for", W::For),
        ("within", W::Within),
        ("almost", W::Almost),
        ("nearly", W::Nearly),
        ("just", W::Just),
        ("only", W::Only),
        ("more", W::More),
        ("than", W::Than),
        ("less", W::Less),
        ("least", W::Least),
        ("once", W::Once),
        ("twice", W::Twice),
        ("times", W::Times),
        ("shortly", W::Shortly),
        ("soon", W::Soon),
        ("immediately", W::Immediately),
        ("will", W::Will),
        ("hundred", W::Hundred),
        ("thousand", W::Thousand),
    ] {
        t.insert(s, Lex::Word(w));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_in_any_case() {
        assert_eq!(lookup("November"), Some(Lex::Month(11, false)));
        assert_eq!(lookup("SEPT"), Some(Lex::Month(9, true)));
        assert_eq!(lookup("Friday"), Some(Lex::Weekday(5)));
        assert_eq!(lookup("years"), Some(Lex::Unit(Unit::Year, true)));
        assert_eq!(lookup("twentieth"), Some(Lex::Ordinal(20)));
        assert_eq!(lookup("BCE"), Some(Lex::BeforeEra));
        assert_eq!(lookup("Kazakhstan"), None);
        assert_eq!(lookup("extraordinarily"), None);
    }
}
