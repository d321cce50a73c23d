//! The terminal tables printed by `review` (the default `--format table`).

use super::{decision_text, issue_name, num, ranking_rank};
use crate::Assessment;
use crate::assess::rank_label;
use crate::assess::ranking::TIE_RULES;
use prettytable::format::{FormatBuilder, LinePosition, LineSeparator};
use prettytable::{Cell, Row, Table};
use std::fmt::Write;

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    let format = FormatBuilder::new()
        .column_separator(' ')
        .borders(' ')
        .separators(&[LinePosition::Title], LineSeparator::new('-', ' ', ' ', ' '))
        .padding(0, 1)
        .build();
    t.set_format(format);
    t.set_titles(Row::new(header.iter().map(|h| Cell::new(h)).collect()));
    t
}

fn row(cells: Vec<String>) -> Row {
    Row::new(cells.iter().map(|c| Cell::new(c)).collect())
}

/// Appendix A as printed.
pub fn appendix_a(a: &Assessment, out: &mut String) {
    let aa = &a.appendix_a;
    let tax = &a.review.taxonomy;
    let _ = writeln!(out, "Appendix A: Strategic Assessments ({})", a.review.year);
    let mut t = table(&[
        "Priority",
        "No. of CSPs identifying these issues",
        "Main priority",
        "Cross-cutting theme",
        "Part of broader theme",
    ]);
    for r in &aa.rows {
        t.add_row(row(vec![
            tax.issues[r.issue].label.clone(),
            r.csp_count.to_string(),
            r.main_priority.to_string(),
            r.cross_cutting_theme.to_string(),
            r.part_of_broader_theme.to_string(),
        ]));
    }
    let _ = write!(out, "{t}");
    let _ = writeln!(
        out,
        " Total: {} identifications by {} of {} CSPs",
        aa.total(),
        aa.received.len(),
        aa.expected
    );
    let others: Vec<String> = aa
        .other_focus_areas
        .iter()
        .map(|o| format!("{} ({})", o.name, o.partnerships.join(", ")))
        .collect();
    let _ = writeln!(
        out,
        " Other focus areas: {}",
        if others.is_empty() {
            "none".to_string()
        } else {
            others.join("; ")
        }
    );
    out.push('\n');
}

/// Appendix B as printed.
pub fn appendix_b(a: &Assessment, out: &mut String) {
    let Some(m) = &a.morile else {
        let _ = writeln!(
            out,
            "Appendix B: MoRiLE Assessment ({}): no MoRiLE workbook\n",
            a.review.year
        );
        return;
    };
    let tax = &a.review.taxonomy;
    let _ = writeln!(out, "Appendix B: MoRiLE Assessment ({})", a.review.year);
    let mut t = table(&[
        "Rank",
        "Item",
        "Issue",
        "Harm",
        "Likelihood",
        "OP",
        "Score",
        "Band",
        "Confidence",
    ]);
    for i in &m.items {
        let s = i.sections;
        let conf = match i.confidence {
            Some(crate::assess::morile::Confidence::Low) => "Low (intelligence gap)".to_string(),
            Some(c) => c.as_str().to_string(),
            None => String::new(),
        };
        t.add_row(row(vec![
            rank_label(i.rank, i.tied),
            i.item.clone(),
            i.issue
                .map(|id| tax.name(id).to_string())
                .unwrap_or_else(|| "(no issue)".into()),
            s.map(|s| num(s.harm, 2)).unwrap_or_default(),
            s.map(|s| num(s.likelihood, 2)).unwrap_or_default(),
            s.map(|s| num(s.organisational, 2)).unwrap_or_default(),
            num(i.score, 2),
            i.band.clone().unwrap_or_default(),
            conf,
        ]));
    }
    let _ = write!(out, "{t}");
    if a.review.scheme.customised {
        let _ = writeln!(
            out,
            " Scores use the scheme set in review.toml (local values, not official MoRiLE values)."
        );
    } else {
        let _ = writeln!(
            out,
            " Scores use csa-review's default scheme: local defaults, not official MoRiLE values."
        );
    }
    out.push('\n');
}

/// Appendix C as printed.
pub fn appendix_c(a: &Assessment, out: &mut String) {
    let tax = &a.review.taxonomy;
    let _ = writeln!(out, "Appendix C: Horizon Scanning ({})", a.review.year);
    if a.horizon.items.is_empty() {
        let _ = writeln!(out, " No horizon-scan items.\n");
        return;
    }
    let mut t = table(&["Category", "Item", "Related issues", "Impact"]);
    for h in &a.horizon.items {
        let impact = match h.row.impact {
            3 => "High",
            2 => "Medium",
            _ => "Low",
        };
        t.add_row(row(vec![
            h.row.category.heading().to_string(),
            h.row.item.clone(),
            h.issues.iter().map(|&i| tax.name(i)).collect::<Vec<_>>().join("; "),
            impact.to_string(),
        ]));
    }
    let _ = write!(out, "{t}");
    out.push('\n');
}

/// The combined ranking with recommendations and reasons.
pub fn ranking(a: &Assessment, out: &mut String) {
    let w = a.review.weights;
    let _ = writeln!(
        out,
        "Ranking (weights: local {}, MoRiLE {}, horizon {}; local support at {}% of CSPs)",
        num(w.local, 3),
        num(w.morile, 3),
        num(w.horizon, 3),
        num(a.review.thresholds.support * 100.0, 1)
    );
    let mut t = table(&[
        "Rank",
        "Issue",
        "CSPs",
        "Local",
        "MoRiLE",
        "Horizon",
        "Combined",
        "Current",
        "Recommendation",
        "Decision",
    ]);
    for r in &a.ranking {
        let decision = r
            .decision
            .as_ref()
            .map(|d| d.action.as_str().to_string())
            .unwrap_or_else(|| {
                if r.awaiting_decision() {
                    "awaiting".into()
                } else {
                    String::new()
                }
            });
        t.add_row(row(vec![
            ranking_rank(r),
            issue_name(a, r).to_string(),
            r.csp_count.to_string(),
            num(r.components.local, 3),
            num(r.components.morile, 3),
            num(r.components.horizon, 3),
            num(r.combined, 3),
            match r.current {
                crate::assess::ranking::Current::Priority => "priority".into(),
                crate::assess::ranking::Current::Theme => "theme".into(),
                crate::assess::ranking::Current::None => String::new(),
            },
            r.recommendation.as_str().to_string(),
            decision,
        ]));
    }
    let _ = write!(out, "{t}");
    let _ = writeln!(out, " Reasons:");
    for r in &a.ranking {
        let _ = writeln!(
            out,
            "  {} {}: {} - {}",
            ranking_rank(r),
            issue_name(a, r),
            r.recommendation.as_str(),
            r.reason
        );
        if r.decision.is_some() {
            let _ = writeln!(out, "     Decision: {}", decision_text(r));
        }
    }
    let _ = writeln!(out, " Ties: {TIE_RULES}");
    out.push('\n');
}

/// Current versus proposed priorities and themes.
pub fn comparison(a: &Assessment, out: &mut String) {
    let o = &a.outcome;
    let list = |v: &[String]| if v.is_empty() { "none".to_string() } else { v.join("; ") };
    let _ = writeln!(out, "Comparison with the priorities in force");
    let current: Vec<String> = a.review.priorities.iter().map(|p| p.name.clone()).collect();
    let themes: Vec<String> = a.review.themes.iter().map(|p| p.name.clone()).collect();
    let _ = writeln!(out, " Current priorities ({}): {}", current.len(), list(&current));
    let proposed: Vec<String> = o
        .priorities
        .iter()
        .map(|p| {
            if o.awaiting_decision.contains(p) {
                format!("{p} (awaiting a decision)")
            } else {
                p.clone()
            }
        })
        .collect();
    let _ = writeln!(out, " Proposed priorities ({}): {}", proposed.len(), list(&proposed));
    let _ = writeln!(out, " Current themes ({}): {}", themes.len(), list(&themes));
    let _ = writeln!(out, " Proposed themes ({}): {}", o.themes.len(), list(&o.themes));
    let _ = writeln!(
        out,
        " Retained: {} | Added: {} | Removed: {}",
        o.retained.len(),
        o.added.len(),
        o.removed.len()
    );
    let _ = writeln!(out, "   added: {}", list(&o.added));
    let _ = writeln!(out, "   removed: {}", list(&o.removed));
    let _ = writeln!(out, "   themes added: {}", list(&o.themes_added));
    let _ = writeln!(out, "   themes removed: {}", list(&o.themes_removed));
    out.push('\n');
}

/// Partnerships received and missing, and every warning.
pub fn data_quality(a: &Assessment, out: &mut String) {
    let aa = &a.appendix_a;
    let _ = writeln!(out, "Data quality");
    let _ = writeln!(
        out,
        " Partnerships: {} expected, {} received, missing: {}",
        aa.expected,
        aa.received.len(),
        if aa.missing.is_empty() {
            "none".to_string()
        } else {
            aa.missing.join(", ")
        }
    );
    if a.warnings.is_empty() {
        let _ = writeln!(out, " No warnings.");
    }
    for w in &a.warnings {
        let _ = writeln!(out, " {w}");
    }
}

/// The whole terminal report.
pub fn render(a: &Assessment) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} Community Safety Agreement review {}\n",
        a.review.area, a.review.year
    );
    appendix_a(a, &mut out);
    appendix_b(a, &mut out);
    appendix_c(a, &mut out);
    ranking(a, &mut out);
    comparison(a, &mut out);
    data_quality(a, &mut out);
    out
}
