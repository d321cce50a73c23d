//! Indicators, `indicators.xlsx` (SPEC §10.3): sheet `Indicators`, one row per indicator, with one column per
//! period after the descriptive columns, oldest on the left.

use super::{Cells, open};
use crate::config::Limits;
use crate::error::{Diagnostics, Location};
use crate::read::Value;
use crate::schema::indicators::{
    ALIASES, BETTER, COLUMNS, GEOGRAPHY, INDICATOR, NOTE, NOTES, PRIORITY, REQUIRED, SHEET, SOURCE, STATED_CHANGE,
    STATED_DIRECTION, UNIT,
};
use crate::taxonomy::key;
use std::path::Path;

/// Which way is good news for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Lower,
    Higher,
    /// Neither: reported domestic abuse may rise as confidence to report rises.
    Neither,
}

impl Better {
    pub const ALL: [Better; 3] = [Better::Lower, Better::Higher, Better::Neither];

    pub fn as_str(self) -> &'static str {
        match self {
            Better::Lower => "lower",
            Better::Higher => "higher",
            Better::Neither => "neither",
        }
    }

    pub fn parse(text: &str) -> Option<Better> {
        Some(match key(text).as_str() {
            "lower" | "lowerisbetter" | "low" | "down" | "decrease" | "fewer" => Better::Lower,
            "higher" | "higherisbetter" | "high" | "up" | "increase" | "more" => Better::Higher,
            "neither" | "none" | "nojudgement" | "nojudgment" | "na" | "either" => Better::Neither,
            _ => return None,
        })
    }
}

/// A direction of travel: computed, or as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
    Stable,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Stable => "stable",
        }
    }

    /// The arrow printed beside the word.
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "↑",
            Direction::Down => "↓",
            Direction::Stable => "↔",
        }
    }

    /// A published direction: a word ("up", "increase", "stable") or an arrow (↑ ↓ ↔).
    pub fn parse(text: &str) -> Option<Direction> {
        let t = text.trim();
        match t {
            "↑" | "▲" | "⬆" | "↗" => return Some(Direction::Up),
            "↓" | "▼" | "⬇" | "↘" => return Some(Direction::Down),
            "↔" | "→" | "⟷" | "=" | "⬌" | "►" => return Some(Direction::Stable),
            _ => {}
        }
        Some(match key(t).as_str() {
            "up" | "increase" | "increased" | "rise" | "risen" | "rising" | "higher" | "upward" | "upwards" => {
                Direction::Up
            }
            "down" | "decrease" | "decreased" | "fall" | "fallen" | "falling" | "lower" | "downward" | "downwards"
            | "reduction" | "reduced" => Direction::Down,
            "stable" | "nochange" | "same" | "flat" | "steady" | "similar" | "unchanged" | "relativelystable" => {
                Direction::Stable
            }
            _ => return None,
        })
    }
}

/// A change as published ("+14.7%", "up 20%", "-5,885", "decrease of 12.8%").
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StatedChange {
    pub text: String,
    /// The number as stated, with its sign when one is stated.
    pub value: f64,
    /// Whether a sign was stated (by "+"/"-" or by a word such as "up" or "decrease").
    pub signed: bool,
    pub percent: bool,
    /// Decimal places as stated: the precision it is checked to.
    pub decimals: u32,
}

const UP_WORDS: [&str; 10] = [
    "up",
    "increase",
    "increased",
    "rise",
    "rose",
    "risen",
    "more",
    "higher",
    "grew",
    "growth",
];
const DOWN_WORDS: [&str; 12] = [
    "down",
    "decrease",
    "decreased",
    "fall",
    "fell",
    "fallen",
    "fewer",
    "less",
    "lower",
    "reduction",
    "drop",
    "dropped",
];

/// Read a stated change. `None` when the text holds no number.
pub fn parse_stated_change(text: &str) -> Option<StatedChange> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| if matches!(c, '−' | '–' | '—') { '-' } else { c })
        .collect::<String>()
        .to_lowercase();
    let chars: Vec<char> = t.chars().collect();
    let start = chars.iter().position(|c| c.is_ascii_digit())?;
    let mut end = start;
    while end < chars.len() && (chars[end].is_ascii_digit() || chars[end] == ',' || chars[end] == '.') {
        end += 1;
    }
    let number: String = chars[start..end].iter().collect::<String>();
    let number = number.trim_end_matches(['.', ',']);
    let magnitude = strict_number(number)?;
    let decimals = number.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    let after: String = chars[start + number.chars().count()..].iter().collect();
    let after = after.trim_start();
    let percent = after.starts_with('%') || after.starts_with("per cent") || after.starts_with("percent");
    let explicit = start
        .checked_sub(1)
        .map(|i| chars[i])
        .filter(|c| *c == '+' || *c == '-');
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let up = words.iter().any(|w| UP_WORDS.contains(w));
    let down = words.iter().any(|w| DOWN_WORDS.contains(w));
    let sign = match (explicit, up, down) {
        (Some('-'), _, _) => Some(-1.0),
        (Some(_), _, _) => Some(1.0),
        (None, true, false) => Some(1.0),
        (None, false, true) => Some(-1.0),
        _ => None,
    };
    Some(StatedChange {
        text: crate::taxonomy::tidy(text),
        value: magnitude * sign.unwrap_or(1.0),
        signed: sign.is_some(),
        percent,
        decimals,
    })
}

/// A number written as text the way SPEC §4 allows: an optional sign, digits, an optional decimal point;
/// commas only between groups of three digits. Finite and at most 1e12 in size.
pub fn strict_number(text: &str) -> Option<f64> {
    // The readers' own rule (SPEC §4), so that a figure reads the same in every workbook.
    crate::read::Value::Text(text.to_string()).number().ok().flatten()
}

/// One period's value of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum PeriodValue {
    Value(f64),
    /// Blank, "n/a", "NYA" and the like: not available, never zero. Holds what the cell said.
    NotAvailable(Option<String>),
}

impl PeriodValue {
    pub fn value(&self) -> Option<f64> {
        match self {
            PeriodValue::Value(v) => Some(*v),
            PeriodValue::NotAvailable(_) => None,
        }
    }
}

/// One indicator row.
#[derive(Debug, Clone)]
pub struct Indicator {
    pub priority: String,
    pub name: String,
    pub better: Better,
    pub unit: Option<String>,
    pub geography: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub stated_change: Option<(StatedChange, Location)>,
    pub stated_direction: Option<(Direction, String, Location)>,
    /// One per period of [`Indicators::periods`].
    pub values: Vec<PeriodValue>,
    pub cell: Location,
}

/// The indicators workbook.
#[derive(Debug, Clone)]
pub struct Indicators {
    pub file: String,
    pub digest: (u64, String),
    /// Period labels in column order.
    pub periods: Vec<String>,
    pub rows: Vec<Indicator>,
}

/// Whether a cell's text means "not available" rather than a number.
fn not_available(text: &str) -> bool {
    let k = key(text);
    k.is_empty()
        || [
            "na",
            "nya",
            "notavailable",
            "notyetavailable",
            "notknown",
            "unknown",
            "tbc",
            "x",
            "nodata",
            "none",
            "notpublished",
            "dna",
        ]
        .contains(&k.as_str())
}

/// Read the indicators. Problems go to `d`; `None` when the file, sheet or a required column cannot be read.
pub fn read(path: &Path, shown: &str, limits: Limits, d: &mut Diagnostics) -> Option<Indicators> {
    let mut wb = open(path, shown, limits, d)?;
    let mut sheet = wb.sheet(SHEET).map_err(|p| d.push(p)).ok()?;
    super::rename_headers(&mut sheet, ALIASES);
    let h = sheet
        .header(&COLUMNS[..REQUIRED], &COLUMNS[REQUIRED..])
        .map_err(|p| d.push(p))
        .ok()?;
    let last_known = h.columns.iter().filter_map(|(_, c)| *c).max().unwrap_or(0);
    let header_cells: Vec<(u32, Value)> = sheet
        .rows
        .iter()
        .find(|(r, _)| *r == h.row)
        .map(|(_, cells)| cells.clone())
        .unwrap_or_default();
    let mut periods: Vec<(u32, String)> = Vec::new();
    for (col, v) in header_cells.iter().filter(|(c, _)| *c > last_known) {
        let Some(label) = v.as_text() else { continue };
        if !label.chars().any(|c| c.is_ascii_digit()) {
            continue; // an extra column, not a period
        }
        if periods.iter().any(|(_, l)| key(l) == key(&label)) {
            d.error(
                sheet.location(h.row, *col),
                format!("the period \"{label}\" has two columns; keep one"),
            );
            continue;
        }
        periods.push((*col, label));
    }
    if periods.is_empty() {
        d.warning(
            sheet.location(h.row, last_known),
            "no period columns after the descriptive columns (such as \"2016\", \"2017\"); no change can be worked out",
        );
    }
    let c = Cells::new(&sheet, &h);
    let mut rows = Vec::new();
    for row in sheet.rows_below(&h) {
        if !c.any(row) && periods.iter().all(|(col, _)| sheet.get(row, *col).is_empty()) {
            continue;
        }
        let priority = c.text(row, PRIORITY, d);
        let name = c.text(row, INDICATOR, d);
        let better_text = c.text(row, BETTER, d);
        let mut ok = true;
        for (what, v) in [(PRIORITY, &priority), (INDICATOR, &name), (BETTER, &better_text)] {
            if v.is_none() {
                d.error(
                    c.at(row, what),
                    format!("the {what} cell is empty; every indicator needs a Priority, an Indicator and Better (lower, higher or neither)"),
                );
                ok = false;
            }
        }
        let better = better_text.as_ref().and_then(|t| {
            Better::parse(t).or_else(|| {
                d.error(
                    c.at(row, BETTER),
                    format!("\"{t}\" is not lower, higher or neither (which direction is good news)"),
                );
                None
            })
        });
        let mut values = Vec::new();
        for (col, label) in &periods {
            let at = sheet.location(row, *col);
            let v = sheet.get(row, *col);
            values.push(match v {
                Value::Empty => PeriodValue::NotAvailable(None),
                Value::Number(n) if n.is_finite() && n.abs() <= 1e12 => PeriodValue::Value(*n),
                Value::Text(t) if not_available(t) => PeriodValue::NotAvailable(Some(crate::taxonomy::tidy(t))),
                Value::Text(t) if strict_number(t.trim().trim_end_matches('%')).is_some() => {
                    PeriodValue::Value(strict_number(t.trim().trim_end_matches('%')).unwrap_or_default())
                }
                Value::Error(e) => {
                    d.error(at, super::formula_error(e));
                    ok = false;
                    continue;
                }
                other => {
                    d.error(
                        at,
                        format!(
                            "the value for {label} is {}, not a number; write the number alone (\"39,756\"), or \"n/a\" when it is not available, and put words such as \"approx.\" in the Note column",
                            other.describe()
                        ),
                    );
                    ok = false;
                    continue;
                }
            });
        }
        let stated_change = c
            .text(row, STATED_CHANGE, d)
            .and_then(|t| match parse_stated_change(&t) {
                Some(s) => Some((s, c.at(row, STATED_CHANGE))),
                None => {
                    d.warning(
                        c.at(row, STATED_CHANGE),
                        format!(
                            "the stated change \"{t}\" holds no number (such as \"+14.7%\" or \"-5,885\"); not checked"
                        ),
                    );
                    None
                }
            });
        let stated_direction = c
            .text(row, STATED_DIRECTION, d)
            .and_then(|t| match Direction::parse(&t) {
                Some(dir) => Some((dir, t, c.at(row, STATED_DIRECTION))),
                None => {
                    d.warning(
                        c.at(row, STATED_DIRECTION),
                        format!("the stated direction \"{t}\" is not up, down or stable (or ↑ ↓ ↔); not checked"),
                    );
                    None
                }
            });
        let note = match (c.paragraphs(row, NOTE, d), c.paragraphs(row, NOTES, d)) {
            (Some(a), Some(b)) => Some(format!("{a}\n{b}")),
            (a, b) => a.or(b),
        };
        if let (Some(priority), Some(name), Some(better), true) = (priority, name, better, ok) {
            rows.push(Indicator {
                cell: c.at(row, INDICATOR),
                priority,
                name,
                better,
                unit: c.text(row, UNIT, d),
                geography: c.text(row, GEOGRAPHY, d),
                source: c.text(row, SOURCE, d),
                note,
                stated_change,
                stated_direction,
                values,
            });
        }
    }
    Some(Indicators {
        file: shown.to_string(),
        digest: wb.digest.clone(),
        periods: periods.into_iter().map(|(_, l)| l).collect(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_changes_of_many_shapes() {
        let s = parse_stated_change("+14.7%").unwrap();
        assert_eq!((s.value, s.signed, s.percent, s.decimals), (14.7, true, true, 1));
        let s = parse_stated_change("up 20%").unwrap();
        assert_eq!((s.value, s.signed, s.percent, s.decimals), (20.0, true, true, 0));
        let s = parse_stated_change("-5,885").unwrap();
        assert_eq!((s.value, s.signed, s.percent), (-5885.0, true, false));
        let s = parse_stated_change("decrease of 12.8%").unwrap();
        assert_eq!((s.value, s.signed), (-12.8, true));
        let s = parse_stated_change("−12.8%").unwrap();
        assert_eq!(s.value, -12.8);
        let s = parse_stated_change("14.7%").unwrap();
        assert!(!s.signed);
        assert!(parse_stated_change("increased").is_none());
    }

    #[test]
    fn directions_in_words_and_arrows() {
        assert_eq!(Direction::parse("↑"), Some(Direction::Up));
        assert_eq!(Direction::parse("Down"), Some(Direction::Down));
        assert_eq!(Direction::parse("↔"), Some(Direction::Stable));
        assert_eq!(Direction::parse("no change"), Some(Direction::Stable));
        assert_eq!(Direction::parse("sideways"), None);
    }

    #[test]
    fn numbers_as_text_follow_the_strict_rule() {
        assert_eq!(strict_number("39,756"), Some(39756.0));
        assert_eq!(strict_number("12,345.5"), Some(12345.5));
        assert_eq!(strict_number("-4"), Some(-4.0));
        assert_eq!(strict_number("183,33"), None);
        assert_eq!(strict_number("1,2,3"), None);
        assert_eq!(strict_number("1e5"), None);
        assert_eq!(strict_number("2e12"), None);
        assert!(not_available("NYA") && not_available("n/a") && not_available("-") && !not_available("12"));
    }
}
