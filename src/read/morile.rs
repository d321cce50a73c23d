//! The MoRiLE workbook (SPEC §4.2): sheet `MoRiLE`, one row per assessed item, with either the factor
//! columns of the scoring scheme, a `Score` column, or a `Rank` column. Values are kept as written; the
//! scheme turns them into points in `assess::morile`.

use super::sheet::{Value, Workbook};
use crate::config::Limits;
use crate::error::{Diagnostics, Location};
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
}

/// Read the MoRiLE sheet, with the factor columns `factors` of the scheme in force.
pub fn read(path: &Path, shown: &str, factors: &[String], limits: Limits, d: &mut Diagnostics) -> Option<MorileSheet> {
    let mut wb = Workbook::open(path, shown, limits).map_err(|p| d.push(p)).ok()?;
    let sheet = wb.sheet("MoRiLE").map_err(|p| d.push(p)).ok()?;
    let mut optional: Vec<&str> = vec!["Issue", "Score", "Rank", "Confidence"];
    optional.extend(factors.iter().map(String::as_str));
    let header = sheet.header(&["Item"], &optional).map_err(|p| d.push(p)).ok()?;
    let present: Vec<&String> = factors.iter().filter(|f| header.col(f).is_some()).collect();
    let (kind, columns): (MorileKind, Vec<u32>) = if !factors.is_empty() && present.len() == factors.len() {
        (
            MorileKind::Factors,
            factors.iter().filter_map(|f| header.col(f)).collect(),
        )
    } else if let Some(c) = header.col("Score") {
        (MorileKind::Score, vec![c])
    } else if let Some(c) = header.col("Rank") {
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
    let item_col = header.col("Item")?;
    let cell = |row: u32, col: u32| Cell {
        value: sheet.get(row, col).clone(),
        at: sheet.location(row, col),
    };
    let mut rows = Vec::new();
    for row in sheet.rows_below(&header) {
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
            issue: optional("Issue"),
            values: columns.iter().map(|c| cell(row, *c)).collect(),
            confidence: optional("Confidence"),
        });
    }
    if rows.is_empty() {
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
    })
}
