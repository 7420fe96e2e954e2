//! A short title for a drafted event, made from the clause around its date: the clause without the
//! date and the word that introduces it, without leading connectives ("with", "including"), with the
//! sentence's subject put back when the clause has none ("The amendment, enacted in 1974" gives "The
//! amendment enacted"), at most [`MAX_TITLE_CHARS`] characters.

/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 80;

/// Words that introduce a date and go with it: "in 2015", "by 2026".
const DATE_LEADS: &[&str] = &[
    "in",
    "on",
    "at",
    "by",
    "since",
    "during",
    "from",
    "until",
    "till",
    "before",
    "after",
    "around",
    "about",
    "circa",
    "of",
    "early",
    "late",
    "as",
    "for",
    "through",
    "throughout",
];

/// Words that join a clause to the one before and say nothing of the event.
const CONNECTIVES: &[&str] = &[
    "and",
    "but",
    "or",
    "while",
    "with",
    "including",
    "when",
    "whereas",
    "meanwhile",
    "then",
    "which",
    "who",
    "where",
    "so",
    "yet",
    "also",
    "however",
    "moreover",
    "although",
    "though",
    "thus",
    "as",
];

/// The title for an event dated by `sentence[date.0..date.1]`.
pub fn from_clause(sentence: &str, date: (usize, usize)) -> String {
    let (start, end) = clause_around(sentence, date);
    let before = sentence.get(start..date.0).unwrap_or_default();
    let after = sentence.get(date.1..end).unwrap_or_default();
    let mut before_words: Vec<&str> = before.split_whitespace().collect();
    // The word that introduces the date goes with it.
    while before_words
        .last()
        .is_some_and(|w| DATE_LEADS.contains(&w.to_lowercase().as_str()))
    {
        before_words.pop();
    }
    let after_words: Vec<&str> = after.split_whitespace().collect();
    let mut words: Vec<&str> = before_words.into_iter().chain(after_words).collect();
    while words
        .first()
        .is_some_and(|w| CONNECTIVES.contains(&bare(w).to_lowercase().as_str()))
    {
        words.remove(0);
    }
    // A clause without a subject ("enacted", "signaling …") takes the sentence's first clause.
    let subjectless = words.len() < 3
        || words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase) && is_participle(w));
    if subjectless && start > 0 {
        let (first_start, first_end) = clause_around(sentence, (0, 0));
        let subject: Vec<&str> = sentence
            .get(first_start..first_end.min(start))
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        if !subject.is_empty() && subject.len() <= 8 {
            words = subject.into_iter().chain(words).collect();
        }
    }
    let joined = words.join(" ");
    let trimmed = joined.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '—' | '–' | '-' | '(' | ')')
    });
    let title = if trimmed.is_empty() {
        sentence.trim()
    } else {
        trimmed
    };
    shorten(&crate::model::capitalize(title))
}

/// A word without the punctuation around it.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

fn is_participle(word: &str) -> bool {
    let w = bare(word).to_lowercase();
    (w.ends_with("ed") || w.ends_with("ing")) && w.len() > 4
}

/// The bytes of the clause of `sentence` that holds `date`: cut at commas, semicolons, colons, dashes
/// and brackets outside the date.
fn clause_around(sentence: &str, date: (usize, usize)) -> (usize, usize) {
    let is_cut = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')' | '“' | '”' | '"');
    let mut start = 0;
    for (i, c) in sentence[..date.0.min(sentence.len())].char_indices() {
        if is_cut(c) {
            start = i + c.len_utf8();
        }
    }
    let from = date.1.min(sentence.len());
    let (end, cut_len) = sentence[from..]
        .char_indices()
        .find(|&(_, c)| is_cut(c))
        .map_or((sentence.len(), 0), |(i, c)| (from + i, c.len_utf8()));
    // An empty clause before the date ("In 2015, …") is no clause: take the one after.
    if sentence[start..date.0.min(sentence.len())]
        .split_whitespace()
        .count()
        <= 1
        && end < sentence.len()
        && sentence[from..end].trim().is_empty()
    {
        let after = end + cut_len;
        let next_end = sentence[after..]
            .char_indices()
            .find(|&(_, c)| is_cut(c))
            .map_or(sentence.len(), |(i, _)| after + i);
        return (start, next_end);
    }
    (start, end)
}

/// `text` cut to [`MAX_TITLE_CHARS`] characters at a word boundary, with an ellipsis when cut.
pub fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_TITLE_CHARS {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > MAX_TITLE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(MAX_TITLE_CHARS - 1).collect();
    }
    let out = out.trim_end_matches([',', ';', ':']);
    format!("{out}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(sentence: &str, date: &str) -> String {
        let at = sentence.find(date).unwrap();
        from_clause(sentence, (at, at + date.len()))
    }

    #[test]
    fn the_clause_around_the_date_makes_the_title() {
        assert_eq!(
            title(
                "Kazakhstan joined the WTO in 2015, signaling its readiness to integrate further.",
                "2015"
            ),
            "Kazakhstan joined the WTO"
        );
        assert_eq!(
            title(
                "Meanwhile, Uzbekistan and Tajikistan continue to pursue individual trade agreements, \
                 with Uzbekistan eyeing WTO membership by 2026.",
                "2026"
            ),
            "Uzbekistan eyeing WTO membership"
        );
        assert_eq!(
            title(
                "The amendment, enacted in 1974, aimed to promote human rights by tying trade \
                 liberalization to emigration policies in Soviet-bloc countries.",
                "1974"
            ),
            "The amendment enacted"
        );
        assert_eq!(
            title("In 1945, the war ended in Europe and Asia.", "1945"),
            "The war ended in Europe and Asia"
        );
    }

    #[test]
    fn a_clause_cut_by_a_dash_of_several_bytes_is_read_whole() {
        assert_eq!(
            title(
                "30 November 2015 : the following year –",
                "30 November 2015"
            ),
            "The following year"
        );
        assert_eq!(
            title("In 2015 – the talks ended.", "2015"),
            "The talks ended"
        );
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let long = format!("In 1990 {}", "the committee decided again ".repeat(10));
        let t = title(&long, "1990");
        assert!(t.chars().count() <= MAX_TITLE_CHARS, "{t}");
        assert!(
            t.ends_with('…') && t.starts_with("The committee decided"),
            "{t}"
        );
    }
}
