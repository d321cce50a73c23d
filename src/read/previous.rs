//! Last year's workbook, written by this tool (`previous = "FILE.xlsx"` in review.toml): its Appendix A
//! counts, its MoRiLE ranks and its proposed priorities and themes.

use super::sheet::{Value, Workbook};
use crate::config::Limits;
use crate::error::Diagnostics;
use crate::taxonomy::{IssueId, Taxonomy, key};
use std::path::Path;

/// What last year's review gave.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    pub file: String,
    pub year: Option<String>,
    /// (issue, CSPs identifying it), in last year's printed order.
    pub counts: Vec<(IssueId, usize)>,
    /// (issue, MoRiLE rank of its best item, shared).
    pub morile_ranks: Vec<(IssueId, usize, bool)>,
    /// Last year's proposed priorities and themes: (name, issue).
    pub priorities: Vec<(String, Option<IssueId>)>,
    pub themes: Vec<(String, Option<IssueId>)>,
}

pub fn read(path: &Path, shown: &str, taxonomy: &Taxonomy, limits: Limits, d: &mut Diagnostics) -> Option<Previous> {
    let mut wb = Workbook::open(path, shown, limits).map_err(|p| d.push(p)).ok()?;
    let mut prev = Previous {
        file: shown.to_string(),
        ..Default::default()
    };

    let a = wb.sheet("Appendix A").map_err(|p| d.push(p)).ok()?;
    let header = a
        .header(&["Priority", "No. of CSPs identifying these issues"], &[])
        .map_err(|p| d.push(p))
        .ok()?;
    if let Some(Value::Text(title)) = Some(a.get(0, 0)) {
        prev.year = title.rsplit('(').next().map(|y| y.trim_end_matches(')').to_string());
    }
    let (label_col, count_col) = (
        header.col("Priority")?,
        header.col("No. of CSPs identifying these issues")?,
    );
    for row in a.rows_below(&header) {
        let Some(label) = a.get(row, label_col).as_text() else {
            break;
        };
        if key(&label) == "total" {
            break;
        }
        match (taxonomy.find(&label), a.get(row, count_col).as_number()) {
            (Some(issue), Some(n)) if n >= 0.0 => prev.counts.push((issue, n as usize)),
            _ => d.warning(
                a.location(row, label_col),
                format!("last year's row \"{label}\" matches no issue of this year's taxonomy; it is not compared"),
            ),
        }
    }

    if let Ok(b) = wb.sheet("Appendix B")
        && let Ok(h) = b.header(&["Rank", "Item", "Issue"], &[])
    {
        let (rank_col, issue_col) = (h.col("Rank")?, h.col("Issue")?);
        for row in b.rows_below(&h) {
            let Some(rank_text) = b.get(row, rank_col).as_text() else {
                break;
            };
            let tied = rank_text.ends_with('=');
            let Ok(rank) = rank_text.trim_end_matches('=').parse::<usize>() else {
                break;
            };
            if let Some(issue) = b.get(row, issue_col).as_text().and_then(|n| taxonomy.find(&n))
                && !prev.morile_ranks.iter().any(|m| m.0 == issue)
            {
                prev.morile_ranks.push((issue, rank, tied));
            }
        }
    }

    if let Ok(c) = wb.sheet("Comparison")
        && let Ok(h) = c.header(&["Type", "Proposed"], &["Issue"])
    {
        let (type_col, proposed_col) = (h.col("Type")?, h.col("Proposed")?);
        for row in c.rows_below(&h) {
            let (Some(kind), Some(name)) = (c.get(row, type_col).as_text(), c.get(row, proposed_col).as_text()) else {
                continue;
            };
            let issue = h
                .col("Issue")
                .and_then(|col| c.get(row, col).as_text())
                .and_then(|n| taxonomy.by_name(&n));
            match key(&kind).as_str() {
                "priority" => prev.priorities.push((
                    name,
                    issue.or_else(|| taxonomy.find(&c.get(row, proposed_col).as_text().unwrap_or_default())),
                )),
                "crosscuttingtheme" => prev.themes.push((name, issue)),
                _ => {}
            }
        }
    }
    Some(prev)
}
