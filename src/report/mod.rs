//! Records out: terminal tables, JSON, CSV, markdown, the workbook and the templates. Nothing is computed
//! here beyond formatting.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sections;
pub mod table;
pub mod template;
pub mod workbook;

use rust_xlsxwriter::{Worksheet, XlsxError};

/// Text from a submission that a spreadsheet program would take for a formula is written as text:
/// a leading `=`, `+`, `-`, `@` (or tab or carriage return) gets a leading apostrophe (CSV and markdown).
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
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
