//! A district submission (SPEC §4.1): sheet `Submission` (labels and values) and sheet `Issues`.

use super::cell::date_text_to_iso;
use super::sheet::{Sheet, Workbook};
use crate::config::Limits;
use crate::error::{Diagnostics, Location};
use crate::schema::submission::{
    DATE_COMPLETED, IDENTIFIED_AS, ISSUE, ISSUES_OPTIONAL, ISSUES_REQUIRED, LABELS, LOCAL_HEADING, NOTES, SHEET_ISSUES,
    SHEET_SUBMISSION,
};
use crate::taxonomy::{key, tidy};
use serde::Serialize;
use std::path::Path;

/// How a CSP identified an issue, weakest first (so the strongest is the maximum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Identification {
    NotIdentified,
    PartOfBroaderTheme,
    CrossCuttingTheme,
    MainPriority,
}

impl Identification {
    /// The values offered in the templates, in the order shown there.
    pub const CHOICES: [Identification; 4] = [
        Identification::MainPriority,
        Identification::CrossCuttingTheme,
        Identification::PartOfBroaderTheme,
        Identification::NotIdentified,
    ];

    pub const fn label(&self) -> &'static str {
        match self {
            Identification::MainPriority => "Main priority",
            Identification::CrossCuttingTheme => "Cross-cutting theme",
            Identification::PartOfBroaderTheme => "Part of broader theme",
            Identification::NotIdentified => "Not identified",
        }
    }

    /// "Main priority, Cross-cutting theme, Part of broader theme or Not identified", for messages.
    pub fn choices() -> String {
        crate::vocab::one_of(&Identification::CHOICES.map(|i| i.label()))
    }

    /// Read an `Identified as` value and its accepted variants; blank means not identified.
    pub fn parse(text: &str) -> Option<Identification> {
        Identification::parse_exact(text)
            .or_else(|| crate::taxonomy::without_trailing_parenthetical(text).and_then(Identification::parse_exact))
    }

    fn parse_exact(text: &str) -> Option<Identification> {
        Some(match key(text).as_str() {
            "mainpriority" | "priority" | "main" => Identification::MainPriority,
            "crosscuttingtheme" | "crosscutting" | "theme" => Identification::CrossCuttingTheme,
            "partofbroadertheme" | "broadertheme" | "partofabroadertheme" => Identification::PartOfBroaderTheme,
            "notidentified" | "no" | "none" | "na" | "" => Identification::NotIdentified,
            _ => return None,
        })
    }
}

/// One row of a submission's `Issues` sheet.
#[derive(Debug, Clone)]
pub struct IssueRow {
    /// The name as the CSP wrote it, spaces tidied.
    pub name: String,
    pub identified: Identification,
    /// The cell of the issue name, for messages.
    pub cell: Location,
    pub local_heading: Option<String>,
    pub notes: Option<String>,
}

/// One district submission, as read.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The file as shown to the user.
    pub file: String,
    /// The partnership as written in the `Partnership` cell.
    pub partnership: String,
    pub partnership_cell: Location,
    pub assessment_year: Option<String>,
    pub completed_by: Option<String>,
    pub date_completed: Option<String>,
    pub districts_covered: Option<String>,
    pub rows: Vec<IssueRow>,
    /// The file's size and SHA-256, from the bytes read.
    pub digest: (u64, String),
}

/// Read one submission. Problems go into `d`; `None` when the file cannot give a submission at all.
/// The `Assessment year` is not checked: see [`read_for_year`].
pub fn read(path: &Path, shown: &str, limits: Limits, d: &mut Diagnostics) -> Option<Submission> {
    read_for_year(path, shown, limits, None, d)
}

/// Read one submission for the review of `year` ("2026-27"): an `Assessment year` that is another year
/// (a return from last year sent by mistake) is a warning naming the file and cell; the return still
/// counts (SPEC §4.1).
pub fn read_for_year(
    path: &Path,
    shown: &str,
    limits: Limits,
    year: Option<&str>,
    d: &mut Diagnostics,
) -> Option<Submission> {
    let mut wb = match Workbook::open(path, shown, limits) {
        Ok(wb) => wb,
        Err(p) => {
            d.push(p);
            return None;
        }
    };
    let details = match wb.sheet(SHEET_SUBMISSION) {
        Ok(s) => read_details(&s, year, d),
        Err(p) => {
            d.push(p);
            None
        }
    };
    let rows = match wb.sheet(SHEET_ISSUES) {
        Ok(s) => read_issues(&s, d),
        Err(p) => {
            d.push(p);
            None
        }
    };
    d.problems.extend(wb.take_warnings());
    let (details, rows) = (details?, rows?);
    Some(Submission {
        file: shown.to_string(),
        rows,
        digest: wb.digest.clone(),
        ..details
    })
}

/// Just the partnership a workbook says it is from, when it can be told (for `status` on a broken return).
pub fn read_partnership(path: &Path, shown: &str, limits: Limits) -> Option<String> {
    let mut wb = Workbook::open(path, shown, limits).ok()?;
    let sheet = wb.sheet(SHEET_SUBMISSION).ok()?;
    read_details(&sheet, None, &mut Diagnostics::default()).map(|s| s.partnership)
}

/// The `Submission` sheet: labels in column A (a trailing colon ignored), values in column B.
fn read_details(s: &Sheet, review_year: Option<&str>, d: &mut Diagnostics) -> Option<Submission> {
    let mut values: [Option<(String, Location)>; 5] = Default::default();
    let label_keys = LABELS.map(key);
    for (row, _) in &s.rows {
        let Some(label) = s.get(*row, 0).as_text() else {
            continue;
        };
        let Some(i) = label_keys
            .iter()
            .position(|l| crate::taxonomy::names_match_key(&label, l))
        else {
            continue;
        };
        if values[i].is_some() {
            continue; // the first one counts, as a reader's eye would take it
        }
        let cell = s.get(*row, 1);
        if let Some(why) = cell.unusable() {
            d.error(s.location(*row, 1), format!("the value of \"{}\": {why}", LABELS[i]));
            if i == 0 {
                return None;
            }
            continue;
        }
        if let Some(mut v) = cell.as_text() {
            if LABELS[i] == DATE_COMPLETED
                && let Some(iso) = date_text_to_iso(&v)
            {
                v = iso;
            }
            values[i] = Some((v, s.location(*row, 1)));
        } else if i == 0 {
            d.error(
                s.location(*row, 1),
                "the partnership's name is empty: write it next to \"Partnership\"",
            );
            return None;
        }
    }
    let [partnership, year, by, date, districts] = values;
    if let (Some(want), Some((written, at))) = (review_year, &year)
        && !same_year(written, want)
    {
        d.warning(
            at.clone(),
            format!(
                "the assessment year is {written}, not the review's year {want}: check that this is this year's return (it is counted)"
            ),
        );
    }
    let Some((partnership, partnership_cell)) = partnership else {
        d.error(
            s.sheet_location(),
            "no \"Partnership\" label in column A: the sheet must say which partnership sent it",
        );
        return None;
    };
    Some(Submission {
        file: s.file.clone(),
        partnership,
        partnership_cell,
        assessment_year: year.map(|v| v.0),
        completed_by: by.map(|v| v.0),
        date_completed: date.map(|v| v.0),
        districts_covered: districts.map(|v| v.0),
        rows: Vec::new(),
        digest: (0, String::new()),
    })
}

/// The `Issues` sheet: columns `Issue`, `Identified as`, optionally `Local heading` and `Notes`.
fn read_issues(s: &Sheet, d: &mut Diagnostics) -> Option<Vec<IssueRow>> {
    let header = match s.header(&ISSUES_REQUIRED, &ISSUES_OPTIONAL) {
        Ok(h) => h,
        Err(p) => {
            d.push(p);
            return None;
        }
    };
    let (issue_col, ident_col) = (header.col(ISSUE)?, header.col(IDENTIFIED_AS)?);
    let (heading_col, notes_col) = (header.col(LOCAL_HEADING), header.col(NOTES));
    let mut rows = Vec::new();
    let mut ok = true;
    for row in s.rows_below(&header) {
        let name_value = s.get(row, issue_col);
        let ident_value = s.get(row, ident_col);
        let mut unusable = false;
        for (col, v) in [(ident_col, ident_value), (issue_col, name_value)] {
            if let Some(why) = v.unusable() {
                d.error(s.location(row, col), why);
                unusable = true;
            }
        }
        if unusable {
            ok = false;
            continue;
        }
        let identified = match ident_value {
            crate::read::Value::Error(e) => {
                d.error(
                    s.location(row, ident_col),
                    format!("\"Identified as\" holds the formula error {e}"),
                );
                ok = false;
                continue;
            }
            v => match Identification::parse(&v.as_text().unwrap_or_default()) {
                Some(i) => i,
                None => {
                    d.error(
                        s.location(row, ident_col),
                        format!(
                            "unknown \"Identified as\" value {}: use {}",
                            v.describe(),
                            Identification::choices()
                        ),
                    );
                    ok = false;
                    continue;
                }
            },
        };
        let name = match name_value {
            crate::read::Value::Text(t) => tidy(t),
            crate::read::Value::Empty => {
                if identified != Identification::NotIdentified {
                    d.warning(
                        s.location(row, issue_col),
                        format!(
                            "a row marked \"{}\" has no issue name; it was ignored",
                            identified.label()
                        ),
                    );
                }
                continue;
            }
            other if identified == Identification::NotIdentified => {
                let _ = other;
                continue;
            }
            other => {
                d.error(
                    s.location(row, issue_col),
                    format!("expected the name of an issue, found {}", other.describe()),
                );
                ok = false;
                continue;
            }
        };
        let optional = |col: Option<u32>| col.and_then(|c| s.get(row, c).as_text());
        rows.push(IssueRow {
            name,
            identified,
            cell: s.location(row, issue_col),
            local_heading: optional(heading_col),
            notes: optional(notes_col),
        });
    }
    ok.then_some(rows)
}

/// A financial year as (first year, second year): "2026-27", "2026/27", "2026-2027", "2026 to 2027".
fn financial_year(text: &str) -> Option<(u32, u32)> {
    let groups: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    match groups.as_slice() {
        [first] if first.len() == 4 => first.parse().ok().map(|y| (y, y)),
        [first, second] if first.len() == 4 && (second.len() == 2 || second.len() == 4) => {
            let y: u32 = first.parse().ok()?;
            let next: u32 = second.parse().ok()?;
            let end = if second.len() == 2 { y - y % 100 + next } else { next };
            (end == y + 1 || (second.len() == 2 && next == (y + 1) % 100)).then_some((y, y + 1))
        }
        _ => None,
    }
}

/// Whether a written assessment year is the review's year. A single calendar year counts when it is either
/// half of the financial year.
fn same_year(written: &str, review: &str) -> bool {
    match (financial_year(written), financial_year(review)) {
        (Some((a, b)), Some((c, d))) if a == b => a == c || a == d,
        (Some(w), Some(r)) => w == r,
        _ => crate::taxonomy::key(written) == crate::taxonomy::key(review),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn assessment_years() {
        use super::same_year;
        assert!(same_year("2026-27", "2026-27"));
        assert!(same_year("2026/27", "2026-27"));
        assert!(same_year("2026-2027", "2026/27"));
        assert!(same_year("2026 to 2027", "2026-27"));
        assert!(same_year("2026", "2026-27"));
        assert!(same_year("1999-00", "1999-2000"));
        assert!(!same_year("2025-26", "2026-27"));
        assert!(!same_year("2024", "2026-27"));
        assert!(!same_year("last year", "2026-27"));
    }

    use super::*;

    #[test]
    fn identified_as_variants() {
        use Identification::*;
        for (text, want) in [
            ("Main priority", MainPriority),
            ("priority", MainPriority),
            ("MAIN", MainPriority),
            ("Cross cutting", CrossCuttingTheme),
            ("cross-cutting theme", CrossCuttingTheme),
            ("Theme", CrossCuttingTheme),
            ("Broader theme", PartOfBroaderTheme),
            ("Part of a broader theme", PartOfBroaderTheme),
            ("n/a", NotIdentified),
            ("None", NotIdentified),
            ("", NotIdentified),
            ("No.", NotIdentified),
        ] {
            assert_eq!(Identification::parse(text), Some(want), "{text}");
        }
        assert_eq!(Identification::parse("Yes"), None);
        assert!(MainPriority > CrossCuttingTheme && CrossCuttingTheme > PartOfBroaderTheme);
    }
}
