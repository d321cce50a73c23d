//! Last year's workbook, written by this tool (`previous = "FILE.xlsx"` in review.toml): its Appendix A
//! counts, its combined-ranking positions, its MoRiLE ranks, its number of partnerships and its proposed
//! priorities and themes (SPEC §5.2).
//!
//! Last year's names are matched with this year's taxonomy (its names and aliases, `[names]` when it maps a
//! name to exactly one issue), then `[previous_names]`. A name that still matches nothing is kept, with its
//! figures, as "not comparable". Last year's figures are checked like any input: a count that is not a whole
//! number of 0 or more, or a rank that is not a rank, is an error naming the cell.

use super::sheet::{Sheet, Value, Workbook};
use crate::config::Limits;
use crate::error::Diagnostics;
use crate::schema::output::{
    APPENDIX_A, APPENDIX_B, COMPARISON, CSP_COUNT, ISSUE, ITEM, PARTNERSHIPS_EXPECTED, PRIORITY, PROPOSED, RANK,
    RANKING, RECEIVED_FROM, SUMMARY, TOTAL, TYPE, TYPE_PRIORITY, TYPE_THEME,
};
use crate::taxonomy::{IssueId, Lookup, Taxonomy, key};
use serde::Serialize;
use std::path::Path;

/// A row of last year's workbook that matches no issue of this year's taxonomy: listed with its figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NotComparable {
    /// The name as last year's workbook wrote it.
    pub name: String,
    pub csp_count: Option<usize>,
    /// Its position in last year's combined ranking.
    pub position: Option<usize>,
    pub morile_rank: Option<usize>,
}

/// What last year's review gave.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    pub file: String,
    /// The file's size and SHA-256, from the bytes read.
    pub digest: (u64, String),
    pub year: Option<String>,
    /// Last year's number of partnerships expected, when its workbook says (Summary or Appendix A note).
    pub partnerships: Option<usize>,
    /// (issue, CSPs identifying it), in last year's printed order.
    pub counts: Vec<(IssueId, usize)>,
    /// (issue, its position in last year's combined ranking).
    pub positions: Vec<(IssueId, usize)>,
    /// (issue, MoRiLE rank of its best item, shared).
    pub morile_ranks: Vec<(IssueId, usize, bool)>,
    /// Last year's rows that match no issue this year, with their figures.
    pub not_comparable: Vec<NotComparable>,
    /// Last year's proposed priorities and themes: (name, issue).
    pub priorities: Vec<(String, Option<IssueId>)>,
    pub themes: Vec<(String, Option<IssueId>)>,
}

impl Previous {
    pub fn count(&self, issue: IssueId) -> Option<usize> {
        self.counts.iter().find(|c| c.0 == issue).map(|c| c.1)
    }
    pub fn position(&self, issue: IssueId) -> Option<usize> {
        self.positions.iter().find(|c| c.0 == issue).map(|c| c.1)
    }
    pub fn morile_rank(&self, issue: IssueId) -> Option<usize> {
        self.morile_ranks.iter().find(|c| c.0 == issue).map(|c| c.1)
    }

    /// The entry of a name that matched nothing, made on first use.
    fn not_comparable(&mut self, name: &str) -> &mut NotComparable {
        // "Crime (inc. acquisitive ...)" in Appendix A and "Crime" in the Ranking are one row.
        let base = |n: &str| key(crate::taxonomy::without_trailing_parenthetical(n).unwrap_or(n));
        let k = base(name);
        let at = match self.not_comparable.iter().position(|n| base(&n.name) == k) {
            Some(at) => at,
            None => {
                self.not_comparable.push(NotComparable {
                    name: name.to_string(),
                    ..Default::default()
                });
                self.not_comparable.len() - 1
            }
        };
        &mut self.not_comparable[at]
    }
}

/// The issue of this year that a name of last year's workbook stands for (SPEC §5.2): the taxonomy's own
/// names, `[names]` when it maps the name to exactly one issue, then `[previous_names]`.
pub fn match_name(taxonomy: &Taxonomy, name: &str) -> Option<IssueId> {
    match taxonomy.lookup(name) {
        Lookup::Issue(id) => Some(id),
        Lookup::Mapped { issues: [one], .. } => Some(*one),
        _ => taxonomy
            .previous_names
            .get(name)
            .and_then(|(_, issues)| issues.first().copied()),
    }
}

/// A whole number of 0 or more (at most 1e12), as last year's counts must be.
fn whole(v: &Value) -> Option<usize> {
    let n = v.as_number()?;
    (n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= 1e12).then_some(n as usize)
}

/// A rank as the tool writes it: a whole number of 1 or more, or one followed by "=" (a tie).
fn rank(v: &Value) -> Option<(usize, bool)> {
    if let Value::Number(_) = v {
        return whole(v).filter(|r| *r >= 1).map(|r| (r, false));
    }
    let text = v.as_text()?;
    let tied = text.ends_with('=');
    let digits = text.trim_end_matches('=').trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 12 {
        return None;
    }
    digits.parse::<usize>().ok().filter(|r| *r >= 1).map(|r| (r, tied))
}

fn bad_figure(sheet: &Sheet, row: u32, col: u32, what: &str, d: &mut Diagnostics) {
    d.error(
        sheet.location(row, col),
        format!(
            "last year's {what} is {}; it must be {}. Check that this is the workbook csa-review wrote last year",
            sheet.get(row, col).describe(),
            if what == "count" {
                "a whole number of 0 or more"
            } else {
                "a rank such as 3 or 3="
            }
        ),
    );
}

pub fn read(path: &Path, shown: &str, taxonomy: &Taxonomy, limits: Limits, d: &mut Diagnostics) -> Option<Previous> {
    let mut wb = Workbook::open(path, shown, limits).map_err(|p| d.push(p)).ok()?;
    let mut prev = Previous {
        file: shown.to_string(),
        digest: wb.digest.clone(),
        ..Default::default()
    };

    let a = wb.sheet(APPENDIX_A).map_err(|p| d.push(p)).ok()?;
    let header = a.header(&[PRIORITY, CSP_COUNT], &[]).map_err(|p| d.push(p)).ok()?;
    if let Some(title) = a.get(0, 0).as_text() {
        prev.year = title.rsplit('(').next().map(|y| y.trim_end_matches(')').to_string());
    }
    let (label_col, count_col) = (header.col(PRIORITY)?, header.col(CSP_COUNT)?);
    let mut in_table = true;
    for row in a.rows_below(&header) {
        let Some(label) = a.get(row, label_col).as_text() else {
            in_table = false;
            continue;
        };
        if key(&label) == key(TOTAL) {
            in_table = false;
            continue;
        }
        if !in_table {
            // The notes below the table: "Strategic assessments received from 11 of 12 CSPs."
            if let Some(rest) = label.strip_prefix(RECEIVED_FROM)
                && let Some(of) = rest.split(" of ").nth(1)
                && prev.partnerships.is_none()
            {
                prev.partnerships = of.split_whitespace().next().and_then(|n| n.parse().ok());
            }
            continue;
        }
        let Some(n) = whole(a.get(row, count_col)) else {
            bad_figure(&a, row, count_col, "count", d);
            continue;
        };
        match match_name(taxonomy, &label) {
            Some(issue) if prev.count(issue).is_none() => prev.counts.push((issue, n)),
            Some(issue) => {
                d.warning(
                    a.location(row, label_col),
                    format!(
                        "last year's row \"{label}\" and an earlier row both stand for \"{}\" this year; this row is listed as not comparable",
                        taxonomy.name(issue)
                    ),
                );
                prev.not_comparable(&label).csp_count = Some(n);
            }
            None => prev.not_comparable(&label).csp_count = Some(n),
        }
    }

    if let Ok(s) = wb.sheet(SUMMARY) {
        for row in 0..40u32 {
            if s.get(row, 0)
                .as_text()
                .is_some_and(|l| key(&l) == key(PARTNERSHIPS_EXPECTED))
            {
                match whole(s.get(row, 1)) {
                    Some(n) => prev.partnerships = Some(n),
                    None => bad_figure(&s, row, 1, "count", d),
                }
                break;
            }
        }
    }

    if let Ok(r) = wb.sheet(RANKING)
        && let Ok(h) = r.header(&[RANK, ISSUE], &[])
    {
        let (rank_col, issue_col) = (h.col(RANK)?, h.col(ISSUE)?);
        for row in r.rows_below(&h) {
            let Some(name) = r.get(row, issue_col).as_text() else {
                break; // the notes below the table
            };
            let Some((position, _)) = rank(r.get(row, rank_col)) else {
                bad_figure(&r, row, rank_col, "rank", d);
                continue;
            };
            match match_name(taxonomy, &name) {
                Some(issue) if prev.position(issue).is_none() => prev.positions.push((issue, position)),
                Some(_) => {}
                None => prev.not_comparable(&name).position = Some(position),
            }
        }
    }

    if let Ok(b) = wb.sheet(APPENDIX_B)
        && let Ok(h) = b.header(&[RANK, ITEM, ISSUE], &[])
    {
        let (rank_col, issue_col) = (h.col(RANK)?, h.col(ISSUE)?);
        for row in b.rows_below(&h) {
            if b.get(row, rank_col).is_empty() {
                break;
            }
            let Some((rank, tied)) = rank(b.get(row, rank_col)) else {
                if b.get(row, issue_col).is_empty() && matches!(b.get(row, rank_col), Value::Text(_)) {
                    break; // a note
                }
                bad_figure(&b, row, rank_col, "MoRiLE rank", d);
                continue;
            };
            let Some(name) = b.get(row, issue_col).as_text() else {
                continue; // an item with no issue
            };
            match match_name(taxonomy, &name) {
                Some(issue) if prev.morile_rank(issue).is_none() => prev.morile_ranks.push((issue, rank, tied)),
                Some(_) => {}
                None => {
                    let entry = prev.not_comparable(&name);
                    if entry.morile_rank.is_none() {
                        entry.morile_rank = Some(rank);
                    }
                }
            }
        }
    }

    if let Ok(c) = wb.sheet(COMPARISON)
        && let Ok(h) = c.header(&[TYPE, PROPOSED], &[ISSUE])
    {
        let (type_col, proposed_col) = (h.col(TYPE)?, h.col(PROPOSED)?);
        for row in c.rows_below(&h) {
            let (Some(kind), Some(name)) = (c.get(row, type_col).as_text(), c.get(row, proposed_col).as_text()) else {
                continue;
            };
            let issue = h
                .col(ISSUE)
                .and_then(|col| c.get(row, col).as_text())
                .and_then(|n| taxonomy.by_name(&n).or_else(|| match_name(taxonomy, &n)));
            match key(&kind) {
                k if k == key(TYPE_PRIORITY) => prev
                    .priorities
                    .push((name.clone(), issue.or_else(|| match_name(taxonomy, &name)))),
                k if k == key(TYPE_THEME) => prev.themes.push((name, issue)),
                _ => {}
            }
        }
    }

    for n in &prev.not_comparable {
        let mut figures = Vec::new();
        if let Some(c) = n.csp_count {
            figures.push(format!("{c} CSPs"));
        }
        if let Some(p) = n.position {
            figures.push(format!("ranked {p}"));
        }
        if let Some(m) = n.morile_rank {
            figures.push(format!("MoRiLE rank {m}"));
        }
        d.warning(
            crate::error::Location::file(shown),
            format!(
                "last year's \"{}\" ({}) matches no issue of this year's taxonomy; it is listed as not comparable. To compare it, add under [previous_names] in review.toml: {}",
                crate::taxonomy::shorten(&n.name),
                figures.join(", "),
                crate::taxonomy::names::names_line(&n.name, &["<issue>"])
            ),
        );
    }
    Some(prev)
}
