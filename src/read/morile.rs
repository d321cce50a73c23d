//! The MoRiLE workbook (SPEC §4.2): sheet `MoRiLE`, one row per assessed item, with either the factor
//! columns of the scoring scheme, a `Score` column, or a `Rank` column. Values are kept as written; the
//! scheme turns them into points in `assess::morile`.

use super::sheet::{Value, Workbook, format_number};
use crate::config::{Limits, Scheme};
use crate::error::{Diagnostics, Location};
use crate::schema::morile::{CONFIDENCE, ISSUE, ITEM, RANK, SCORE, SHEET};
use crate::taxonomy::tidy;
use std::path::Path;

/// What the sheet holds for each item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MorileKind {
    /// The factor columns of the scheme, to be scored.
    Factors,
    /// A score already worked out.
    Score,
    /// A rank given elsewhere (1 is the highest).
    Rank,
}

/// A cell's value and where it is.
#[derive(Debug, Clone)]
pub struct Cell {
    pub value: Value,
    pub at: Location,
}

/// One assessed item.
#[derive(Debug, Clone)]
pub struct MorileRow {
    pub item: String,
    pub at: Location,
    /// The `Issue` column, when filled in.
    pub issue: Option<Cell>,
    /// For `Factors`: one cell per factor of the scheme, in the scheme's order. For `Score` and `Rank`: one cell.
    pub values: Vec<Cell>,
    pub confidence: Option<Cell>,
}

#[derive(Debug, Clone)]
pub struct MorileSheet {
    pub file: String,
    pub kind: MorileKind,
    pub rows: Vec<MorileRow>,
    /// The file's size and SHA-256, from the bytes read.
    pub digest: (u64, String),
}

/// Read the MoRiLE sheet with the scoring scheme in force, checking every factor cell against the scheme's
/// levels: a cell holds a level's label or exactly one of the levels' point values (SPEC §4.2), so 15
/// where the levels are 0, 5, 10, 20, 40 is an error naming the cell. Rows with such a cell are left out
/// (the review stops on the error).
pub fn read_with_scheme(
    path: &Path,
    shown: &str,
    scheme: &Scheme,
    limits: Limits,
    d: &mut Diagnostics,
) -> Option<MorileSheet> {
    let factors: Vec<String> = scheme.all_factors().cloned().collect();
    let mut sheet = read(path, shown, &factors, limits, d)?;
    if sheet.kind == MorileKind::Factors {
        sheet.rows.retain(|row| {
            let mut fine = true;
            for (factor, cell) in factors.iter().zip(&row.values) {
                let Some(levels) = scheme.levels.get(factor) else {
                    continue;
                };
                let Some(n) = cell.value.as_number() else {
                    continue; // a label, checked where it is scored
                };
                let (lo, hi) = levels
                    .values()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(*p), hi.max(*p)));
                // Outside the range is reported where it is scored; between two levels only here.
                if n >= lo && n <= hi && !levels.values().any(|p| (p - n).abs() < 1e-9) {
                    let allowed = levels
                        .iter()
                        .map(|(label, p)| format!("{label} {}", format_number(*p)))
                        .collect::<Vec<_>>()
                        .join(", ");
                    d.error(
                        cell.at.clone(),
                        format!(
                            "\"{factor}\" is {}, which is not one of its levels: give a level or its points ({allowed})",
                            format_number(n)
                        ),
                    );
                    fine = false;
                }
            }
            fine
        });
    }
    Some(sheet)
}

/// Read the MoRiLE sheet, with the factor columns `factors` of the scheme in force. The factor cells are
/// not checked against the scheme's levels: see [`read_with_scheme`].
pub fn read(path: &Path, shown: &str, factors: &[String], limits: Limits, d: &mut Diagnostics) -> Option<MorileSheet> {
    let mut wb = Workbook::open(path, shown, limits).map_err(|p| d.push(p)).ok()?;
    let sheet = wb.sheet(SHEET).map_err(|p| d.push(p)).ok()?;
    d.problems.extend(wb.take_warnings());
    let mut optional: Vec<&str> = vec![ISSUE, SCORE, RANK, CONFIDENCE];
    optional.extend(factors.iter().map(String::as_str));
    let header = sheet.header(&[ITEM], &optional).map_err(|p| d.push(p)).ok()?;
    let present: Vec<&String> = factors.iter().filter(|f| header.col(f).is_some()).collect();
    let (kind, columns): (MorileKind, Vec<u32>) = if !factors.is_empty() && present.len() == factors.len() {
        (
            MorileKind::Factors,
            factors.iter().filter_map(|f| header.col(f)).collect(),
        )
    } else if let Some(c) = header.col(SCORE) {
        (MorileKind::Score, vec![c])
    } else if let Some(c) = header.col(RANK) {
        (MorileKind::Rank, vec![c])
    } else {
        let missing: Vec<String> = factors
            .iter()
            .filter(|f| header.col(f).is_none())
            .map(|f| format!("\"{f}\""))
            .collect();
        let message = if present.is_empty() {
            format!(
                "the header row has neither the factor columns of the scoring scheme ({}) nor a \"Score\" or \"Rank\" column",
                factors
                    .iter()
                    .map(|f| format!("\"{f}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            format!(
                "the header row lacks the factor column(s) {} (and has no \"Score\" or \"Rank\" column)",
                missing.join(", ")
            )
        };
        d.error(sheet.location(header.row, 0), message);
        return None;
    };
    let item_col = header.col(ITEM)?;
    let cell = |row: u32, col: u32| Cell {
        value: sheet.get(row, col).clone(),
        at: sheet.location(row, col),
    };
    let mut needed: Vec<u32> = vec![item_col];
    needed.extend([ISSUE, CONFIDENCE].iter().filter_map(|n| header.col(n)));
    needed.extend(&columns);
    let mut rows = Vec::new();
    let mut unusable_rows = 0;
    for row in sheet.rows_below(&header) {
        // Formula errors, formulas without values, and numbers the tool may not read: each an error with its cell.
        let mut unusable = false;
        for &c in &needed {
            let v = sheet.get(row, c);
            let why = v
                .unusable()
                .or_else(|| columns.contains(&c).then(|| v.number().err()).flatten());
            if let Some(why) = why {
                d.error(sheet.location(row, c), why);
                unusable = true;
            }
        }
        if unusable {
            unusable_rows += 1;
            continue;
        }
        let item = match sheet.get(row, item_col) {
            Value::Empty => {
                if columns.iter().any(|c| !sheet.get(row, *c).is_empty()) {
                    d.error(sheet.location(row, item_col), "a row has scores but no item name");
                }
                continue;
            }
            v @ (Value::Error(_) | Value::Bool(_) | Value::Date(_)) => {
                d.error(
                    sheet.location(row, item_col),
                    format!("expected the name of an item, found {}", v.describe()),
                );
                continue;
            }
            v => tidy(&v.as_text().unwrap_or_default()),
        };
        let optional = |name: &str| header.col(name).map(|c| cell(row, c)).filter(|c| !c.value.is_empty());
        rows.push(MorileRow {
            item,
            at: sheet.location(row, item_col),
            issue: optional(ISSUE),
            values: columns.iter().map(|c| cell(row, *c)).collect(),
            confidence: optional(CONFIDENCE),
        });
    }
    if rows.is_empty() && unusable_rows == 0 {
        d.error(
            sheet.sheet_location(),
            "the MoRiLE sheet has no items below its header row",
        );
        return None;
    }
    Some(MorileSheet {
        file: shown.to_string(),
        kind,
        rows,
        digest: wb.digest.clone(),
    })
}
