//! The date finder scored on the development corpus (`../shared/corpus/temporal/wikiwars-dev`) through
//! the library, the way `score.py` scores it: mentions typed DATE or TIME, paired one to one (identical
//! spans first, then the longest overlaps), relaxed F1 over overlapping pairs, value F1 as relaxed F1
//! times the share of pairs whose canonical values agree. The floors are kept just below what the
//! finder reaches, so a regression shows at once; raise them as it improves.

use std::path::Path;

use chrono::NaiveDate;
use dateline::draft::{self, TimexType};
use serde::Deserialize;

/// Relaxed F1 (DATE and TIME) the finder must keep.
const RELAXED_F1_FLOOR: f64 = 0.945;
/// Value F1 (DATE and TIME) the finder must keep.
const VALUE_F1_FLOOR: f64 = 0.855;

#[derive(Deserialize)]
struct Gold {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

struct Span {
    start: usize,
    end: usize,
    value: String,
}

/// The scorer's canonical value: trimmed, upper case, astronomical years as BC years, a zero seconds
/// field dropped, decades, centuries and millennia of a duration in years.
fn canonical(value: &str) -> String {
    let mut v = value.trim().to_uppercase();
    if v.is_empty() || v.starts_with('P') {
        for (unit, years) in [("DE", 10), ("CE", 100), ("ML", 1000)] {
            if let Some(n) = v.strip_suffix(unit).and_then(|s| s.strip_prefix('P'))
                && let Ok(n) = n.parse::<u32>()
            {
                v = format!("P{}Y", n * years);
            }
        }
        return v;
    }
    let (sign, rest) = match v.strip_prefix('-') {
        Some(r) => (-1, r.to_owned()),
        None => (1, v.trim_start_matches('+').to_owned()),
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() >= 4 {
        let year: i64 = digits.parse().unwrap_or(1);
        let tail = &rest[digits.len()..];
        if sign < 0 || (year == 0 && digits.len() == 4) {
            v = format!("BC{:04}{tail}", year + 1);
        } else {
            v = format!("{digits}{tail}");
        }
    }
    if let Some(stripped) = v.strip_suffix(":00")
        && stripped.matches(':').count() == 1
        && stripped.contains('T')
    {
        v = stripped.to_string();
    }
    v
}

/// One-to-one pairs: identical spans first, then the longest overlaps.
fn pairs(gold: &[Span], pred: &[Span]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (g, a) in gold.iter().enumerate() {
        for (p, b) in pred.iter().enumerate() {
            let overlap = a.end.min(b.end) as i64 - a.start.max(b.start) as i64;
            if overlap > 0 {
                let strict = a.start == b.start && a.end == b.end;
                candidates.push((!strict, -overlap, a.start, b.start, g, p));
            }
        }
    }
    candidates.sort_unstable();
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = Vec::new();
    for (_, _, _, _, g, p) in candidates {
        if !used_g[g] && !used_p[p] {
            used_g[g] = true;
            used_p[p] = true;
            out.push((g, p));
        }
    }
    out
}

fn f1(hits: usize, predicted: usize, gold: usize) -> f64 {
    let p = hits as f64 / predicted.max(1) as f64;
    let r = hits as f64 / gold.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn the_development_set_scores_above_the_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/temporal/wikiwars-dev");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "skipped: the development corpus is not at {}",
            dir.display()
        );
        return;
    };
    let mut docs: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    docs.sort();
    assert!(!docs.is_empty());
    let (mut n_gold, mut n_pred, mut relaxed, mut valued) = (0, 0, 0, 0);
    for txt in &docs {
        let text = std::fs::read_to_string(txt).unwrap();
        let dct_text = std::fs::read_to_string(txt.with_extension("dct")).unwrap();
        let dct = NaiveDate::parse_from_str(dct_text.trim(), "%Y-%m-%d").ok();
        let gold_path = txt.with_extension("gold.jsonl");
        let gold: Vec<Span> = std::fs::read_to_string(&gold_path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str::<Gold>(l).unwrap())
            .filter(|g| g.kind == "DATE" || g.kind == "TIME")
            .map(|g| Span {
                start: g.start,
                end: g.end,
                value: g.value,
            })
            .collect();
        let pred: Vec<Span> = draft::mentions(&text, dct)
            .iter()
            .filter(|m| matches!(m.kind, TimexType::Date | TimexType::Time))
            .map(|m| Span {
                start: m.start,
                end: m.end,
                value: m.value.to_string(),
            })
            .collect();
        let matched = pairs(&gold, &pred);
        n_gold += gold.len();
        n_pred += pred.len();
        relaxed += matched.len();
        valued += matched
            .iter()
            .filter(|&&(g, p)| canonical(&gold[g].value) == canonical(&pred[p].value))
            .count();
    }
    let relaxed_f1 = f1(relaxed, n_pred, n_gold);
    let value_f1 = relaxed_f1 * valued as f64 / relaxed.max(1) as f64;
    eprintln!(
        "development set (DATE+TIME): gold {n_gold}, predicted {n_pred}, relaxed F1 {:.2}, value F1 {:.2}",
        100.0 * relaxed_f1,
        100.0 * value_f1
    );
    assert!(
        relaxed_f1 >= RELAXED_F1_FLOOR,
        "relaxed F1 fell to {relaxed_f1:.4}"
    );
    assert!(value_f1 >= VALUE_F1_FLOOR, "value F1 fell to {value_f1:.4}");
}

#[test]
fn canonical_values_follow_the_scorer() {
    assert_eq!(canonical("-0498"), "BC0499");
    assert_eq!(canonical("0000"), "BC0001");
    assert_eq!(canonical("2009-12-19T17:00:00"), "2009-12-19T17:00");
    assert_eq!(canonical("P1DE"), "P10Y");
    assert_eq!(canonical("xxxx-wi"), "XXXX-WI");
    assert_eq!(canonical("BC049"), "BC049");
}
