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

/// The columns of Appendix A as printed, and one row's cells.
pub const APPENDIX_A_HEADER: [&str; 5] = [
    "Priority",
    "No. of CSPs identifying these issues",
    "Main priority",
    "Cross-cutting theme",
    "Part of broader theme",
];

pub fn appendix_a_cells(a: &Assessment, r: &crate::assess::appendix_a::AppendixRow) -> Vec<String> {
    vec![
        a.review.taxonomy.issues[r.issue].label.clone(),
        r.csp_count.to_string(),
        r.main_priority.to_string(),
        r.cross_cutting_theme.to_string(),
        r.part_of_broader_theme.to_string(),
    ]
}

/// The columns of the year-on-year table, and one issue's cells.
pub const MOVEMENT_HEADER: [&str; 10] = [
    "Issue",
    "CSPs last year",
    "CSPs now",
    "Change",
    "Share change",
    "Position last year",
    "Position now",
    "Places",
    "MoRiLE rank last year",
    "Movement",
];

/// A year-on-year row (SPEC §5.2): `places` positive when the issue rose.
pub fn movement_cells(
    a: &Assessment,
    issue: crate::taxonomy::IssueId,
    m: &crate::assess::movement::Movement,
) -> Vec<String> {
    let opt = |x: Option<usize>| x.map(|r| r.to_string()).unwrap_or_default();
    vec![
        a.review.taxonomy.name(issue).to_string(),
        m.previous_csp_count.to_string(),
        a.appendix_a.count(issue).to_string(),
        format!("{:+}", m.csp_change),
        format!("{:+.3}", m.share_change),
        opt(m.previous_position),
        opt(m.position),
        m.places.map(|p| format!("{p:+}")).unwrap_or_default(),
        opt(m.previous_morile_rank),
        m.movement.to_string(),
    ]
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
