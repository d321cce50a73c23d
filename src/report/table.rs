//! The terminal tables printed by `review` (the default `--format table`).

use super::{
    APPENDIX_A_HEADER, MOVEMENT_HEADER, appendix_a_cells, decision_text, issue_name, movement_cells, num, ranking_rank,
};
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
    let _ = writeln!(out, "Appendix A: Strategic Assessments ({})", a.review.year);
    let mut t = table(&APPENDIX_A_HEADER);
    for r in &aa.rows {
        t.add_row(row(appendix_a_cells(a, r)));
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
            r.current.label().to_string(),
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

/// How the top N holds when the weights move.
pub fn sensitivity(a: &Assessment, out: &mut String) {
    let n = a.outcome.priorities.len();
    let _ = writeln!(
        out,
        "Sensitivity to the weights (top {n}; {} samples with each weight moved up to {} either way; the recommendations themselves do not use the weights)",
        crate::assess::sensitivity::SAMPLES,
        crate::assess::sensitivity::SPREAD
    );
    let mut t = table(&[
        "Issue",
        "In top N",
        "Share of samples in top N",
        "Smallest weight change that moves it",
        "At weights (local, MoRiLE, horizon)",
    ]);
    for (issue, s) in &a.sensitivity {
        t.add_row(row(vec![
            a.review.taxonomy.name(*issue).to_string(),
            if s.in_top_n { "yes".into() } else { "no".into() },
            format!("{}%", (s.in_top_n_share * 100.0).round()),
            s.smallest_weight_change
                .map(|d| num(d, 2))
                .unwrap_or_else(|| "none".into()),
            s.at_weights
                .map(|w| format!("{}, {}, {}", num(w.local, 2), num(w.morile, 2), num(w.horizon, 2)))
                .unwrap_or_default(),
        ]));
    }
    let _ = write!(out, "{t}");
    out.push('\n');
}

/// Year-on-year movement, when last year's workbook is given.
pub fn movement(a: &Assessment, out: &mut String) {
    let Some(prev) = &a.previous else { return };
    let _ = writeln!(
        out,
        "Year on year (against {}{})",
        prev.file,
        prev.year.as_ref().map(|y| format!(", {y}")).unwrap_or_default()
    );
    let mut t = table(&MOVEMENT_HEADER);
    for (issue, m) in &a.movement {
        t.add_row(row(movement_cells(a, *issue, m)));
    }
    let _ = write!(out, "{t}");
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
    sensitivity(a, &mut out);
    comparison(a, &mut out);
    movement(a, &mut out);
    data_quality(a, &mut out);
    out
}

/// `csa-review status`: one line per expected partnership, then files that match none, then totals.
pub fn status(s: &crate::Status) -> String {
    let mut out = String::new();
    let mut t = table(&[
        "Partnership",
        "Status",
        "File",
        "Date completed",
        "Completed by / problem",
    ]);
    for p in &s.partnerships {
        t.add_row(row(vec![
            p.partnership.clone(),
            p.status.to_string(),
            p.file.clone().unwrap_or_default(),
            p.date_completed.clone().unwrap_or_default(),
            p.problem.clone().or_else(|| p.completed_by.clone()).unwrap_or_default(),
        ]));
    }
    let _ = write!(out, "{t}");
    for (file, why) in &s.unmatched {
        let _ = writeln!(out, " not counted: {file}: {why}");
    }
    let _ = writeln!(
        out,
        " {} received, {} missing, {} invalid of {} expected",
        s.received,
        s.missing,
        s.invalid,
        s.partnerships.len()
    );
    out
}

/// `csa-review explain`: everything behind one issue's place.
pub fn explain(a: &Assessment, issue: crate::taxonomy::IssueId) -> String {
    let tax = &a.review.taxonomy;
    let mut out = String::new();
    let i = &tax.issues[issue];
    let _ = writeln!(out, "{} (Appendix A label: {})\n", i.name, i.label);
    let aa = &a.appendix_a;
    match aa.row(issue) {
        Some(r) => {
            let _ = writeln!(
                out,
                "Identified by {} of {} CSPs: {} as a main priority, {} as a cross-cutting theme, {} as part of a broader theme.",
                r.csp_count, aa.expected, r.main_priority, r.cross_cutting_theme, r.part_of_broader_theme
            );
            for (p, how, names) in &r.detail {
                let _ = writeln!(out, "  {p}: {} (as \"{}\")", how.label(), names.join("\", \""));
            }
        }
        None => {
            let _ = writeln!(out, "Identified by no CSP (of {}).", aa.expected);
        }
    }
    out.push('\n');
    let items: Vec<&crate::assess::morile::ScoredItem> = a
        .morile
        .iter()
        .flat_map(|m| &m.items)
        .filter(|x| x.issue == Some(issue))
        .collect();
    if items.is_empty() {
        let _ = writeln!(out, "Not assessed by MoRiLE.");
    } else {
        let factors: Vec<&String> = a.review.scheme.all_factors().collect();
        let _ = writeln!(out, "MoRiLE items (the issue's score is its highest item's):");
        for x in items {
            let _ = writeln!(
                out,
                "  rank {} {}: score {}{}{}",
                rank_label(x.rank, x.tied),
                x.item,
                num(x.score, 2),
                x.band.as_ref().map(|b| format!(", {b}")).unwrap_or_default(),
                x.confidence
                    .map(|c| format!(", confidence {}", c.as_str()))
                    .unwrap_or_default()
            );
            if let Some(sec) = x.sections {
                let points: Vec<String> = factors
                    .iter()
                    .zip(&x.factor_points)
                    .map(|(f, p)| format!("{f} {}", num(*p, 2)))
                    .collect();
                let _ = writeln!(
                    out,
                    "    harm {}, likelihood {}, organisational position {} (multiplier {}): {}",
                    num(sec.harm, 2),
                    num(sec.likelihood, 2),
                    num(sec.organisational, 2),
                    num(sec.multiplier, 3),
                    points.join(", ")
                );
            }
        }
    }
    out.push('\n');
    let horizon: Vec<&crate::assess::horizon::HorizonItem> =
        a.horizon.items.iter().filter(|h| h.issues.contains(&issue)).collect();
    if horizon.is_empty() {
        let _ = writeln!(out, "No horizon-scan item relates to it.");
    } else {
        let _ = writeln!(out, "Horizon-scan items (score {}):", num(a.horizon.score(issue), 2));
        for h in horizon {
            let _ = writeln!(
                out,
                "  {}: {} (impact {})",
                h.row.category.heading(),
                h.row.item,
                h.row.impact
            );
        }
    }
    out.push('\n');
    if let Some((_, m)) = a.movement.iter().find(|m| m.0 == issue) {
        let _ = writeln!(
            out,
            "Since last year: {} CSPs then, {} now ({:+}); {}{}.\n",
            m.previous_csp_count,
            a.appendix_a.count(issue),
            m.csp_change,
            m.movement,
            m.morile_rank_change
                .map(|c| format!("; MoRiLE rank {c:+}"))
                .unwrap_or_default()
        );
    }
    let w = a.review.weights;
    match a.ranking.iter().find(|r| r.issue == issue) {
        None => {
            let _ = writeln!(out, "Not ranked: it has no local, MoRiLE or horizon score.");
        }
        Some(r) => {
            let c = r.components;
            let _ = writeln!(
                out,
                "Combined score {} = {} x local {} + {} x MoRiLE {} + {} x horizon {}; rank {} of {}.",
                num(r.combined, 3),
                num(w.local, 3),
                num(c.local, 3),
                num(w.morile, 3),
                num(c.morile, 3),
                num(w.horizon, 3),
                num(c.horizon, 3),
                rank_label(r.rank, r.tied),
                a.ranking.len()
            );
            let _ = writeln!(out, "Recommendation: {} (rule: {}).", r.recommendation.as_str(), r.rule);
            let _ = writeln!(out, "  {}", r.reason);
            match &r.decision {
                Some(d) => {
                    let _ = writeln!(
                        out,
                        "Decision of the Working Group: {}{}. {}",
                        d.action.as_str(),
                        d.name.as_ref().map(|n| format!(" as \"{n}\"")).unwrap_or_default(),
                        d.reason
                    );
                }
                None => {
                    let _ = writeln!(out, "No decision recorded.");
                }
            }
            if let Some((_, s)) = a.sensitivity.iter().find(|s| s.0 == issue) {
                let _ = writeln!(
                    out,
                    "Sensitivity: {} the top {}; in it in {}% of weight samples; {}.",
                    if s.in_top_n { "in" } else { "outside" },
                    s.top_n,
                    (s.in_top_n_share * 100.0).round(),
                    match (s.smallest_weight_change, s.at_weights) {
                        (Some(d), Some(w)) => format!(
                            "a change of {} in the weights (to local {}, MoRiLE {}, horizon {}) would move it {}",
                            num(d, 2),
                            num(w.local, 2),
                            num(w.morile, 2),
                            num(w.horizon, 2),
                            if s.in_top_n { "out" } else { "in" }
                        ),
                        _ => "no weights would move it".to_string(),
                    }
                );
            }
        }
    }
    out
}
