//! Records out: terminal tables, JSON, CSV, markdown, the workbook and the templates. Nothing is computed
//! here beyond formatting.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;
pub mod template;
pub mod workbook;

use crate::Assessment;
use crate::assess::rank_label;
use crate::assess::ranking::Ranked;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Text from a submission that a spreadsheet program would take for a formula is written as text:
/// a leading `=`, `+`, `-`, `@` (or tab or carriage return) gets a leading apostrophe (CSV and markdown).
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The name a ranked issue is shown under: its taxonomy name.
pub fn issue_name<'a>(a: &'a Assessment, r: &Ranked) -> &'a str {
    a.review.taxonomy.name(r.issue)
}

/// The rank of a ranked issue as printed ("3" or "3=").
pub fn ranking_rank(r: &Ranked) -> String {
    rank_label(r.rank, r.tied)
}

/// A number with up to `places` decimals and no trailing zeros.
pub fn num(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The decision column: "retain: reason" or empty.
pub fn decision_text(r: &Ranked) -> String {
    match &r.decision {
        Some(d) if d.reason.is_empty() => d.action.as_str().to_string(),
        Some(d) => format!("{}: {}", d.action.as_str(), d.reason),
        None if r.awaiting_decision() => "awaiting a decision".to_string(),
        None => String::new(),
    }
}

/// Make a row tall enough for its wrapped text: spreadsheet programs do not always do it on opening.
pub fn fit_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[(u16, &str)],
    widths: &[f64],
) -> std::result::Result<(), XlsxError> {
    let lines = cells
        .iter()
        .map(|(c, text)| {
            let width = widths.get(*c as usize).copied().unwrap_or(10.0).max(4.0);
            text.split('\n')
                .map(|l| (l.chars().count() as f64 / (width * 0.95)).ceil().max(1.0) as u32)
                .sum::<u32>()
        })
        .max()
        .unwrap_or(1);
    if lines > 1 {
        ws.set_row_height(row, 15.0 * f64::from(lines))?;
    }
    Ok(())
}
