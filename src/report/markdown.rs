//! `--format markdown`: a paper for the Working Group, in the order of the published covering report.

use super::{
    APPENDIX_A_HEADER, MOVEMENT_HEADER, appendix_a_cells, decision_text, issue_name, movement_cells, neutralise, num,
    ranking_rank,
};
use crate::Assessment;
use crate::assess::rank_label;
use crate::assess::ranking::TIE_RULES;
use std::fmt::Write;

/// A table cell: pipes escaped, formula-like text neutralised, line breaks flattened.
fn cell(text: &str) -> String {
    neutralise(text).replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn table(out: &mut String, header: &[&str], rows: Vec<Vec<String>>) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}|", header.iter().map(|_| "---").collect::<Vec<_>>().join("|"));
    for r in rows {
        let _ = writeln!(out, "| {} |", r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
    }
    out.push('\n');
}

fn list(v: &[String]) -> String {
    if v.is_empty() { "none".into() } else { v.join("; ") }
}

pub fn render(a: &Assessment) -> String {
    let tax = &a.review.taxonomy;
    let aa = &a.appendix_a;
    let o = &a.outcome;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} Community Safety Agreement review {}\n",
        a.review.area, a.review.year
    );
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(
        out,
        "Strategic assessments were received from {} of the {} Community Safety Partnerships. The review proposes {} priorities and {} cross-cutting themes: {} retained, {} added and {} removed.\n",
        aa.received.len(),
        aa.expected,
        o.priorities.len(),
        o.themes.len(),
        o.retained.len(),
        o.added.len(),
        o.removed.len()
    );
    let _ = writeln!(out, "- Proposed priorities: {}", list(&o.priorities));
    let _ = writeln!(out, "- Proposed cross-cutting themes: {}", list(&o.themes));
    if !o.awaiting_decision.is_empty() {
        let _ = writeln!(
            out,
            "- Awaiting a decision of the Working Group: {}",
            list(&o.awaiting_decision)
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## Appendix A: Strategic Assessments ({})\n", a.review.year);
    table(
        &mut out,
        &APPENDIX_A_HEADER,
        aa.rows.iter().map(|r| appendix_a_cells(a, r)).collect(),
    );
    let others: Vec<String> = aa.other_focus_areas.iter().map(|x| cell(&x.name)).collect();
    let _ = writeln!(out, "Other focus areas: {}.\n", list(&others));

    let _ = writeln!(out, "## Appendix B: MoRiLE Assessment ({})\n", a.review.year);
    match &a.morile {
        None => {
            let _ = writeln!(out, "No MoRiLE workbook.\n");
        }
        Some(m) => table(
            &mut out,
            &["Rank", "Item", "Issue", "Score", "Band", "Confidence"],
            m.items
                .iter()
                .map(|i| {
                    vec![
                        rank_label(i.rank, i.tied),
                        i.item.clone(),
                        i.issue.map(|id| tax.name(id).to_string()).unwrap_or_default(),
                        num(i.score, 2),
                        i.band.clone().unwrap_or_default(),
                        i.confidence.map(|c| c.as_str().to_string()).unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
    }

    let _ = writeln!(out, "## Appendix C: Horizon Scanning ({})\n", a.review.year);
    for cat in crate::read::horizon::Category::ALL {
        let items: Vec<&crate::assess::horizon::HorizonItem> =
            a.horizon.items.iter().filter(|h| h.row.category == cat).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{}:**\n", cat.heading());
        for h in items {
            let _ = writeln!(out, "- {}", cell(&h.row.item));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## Ranking and recommendations\n");
    let w = a.review.weights;
    let _ = writeln!(
        out,
        "Weights: local {}, MoRiLE {}, horizon {}. {}\n",
        num(w.local, 3),
        num(w.morile, 3),
        num(w.horizon, 3),
        TIE_RULES
    );
    table(
        &mut out,
        &[
            "Rank",
            "Issue",
            "CSPs",
            "Combined",
            "Recommendation",
            "Reason",
            "Decision",
        ],
        a.ranking
            .iter()
            .map(|r| {
                vec![
                    ranking_rank(r),
                    issue_name(a, r).to_string(),
                    r.csp_count.to_string(),
                    num(r.combined, 3),
                    r.recommendation.as_str().into(),
                    r.reason.clone(),
                    decision_text(r),
                ]
            })
            .collect(),
    );

    let _ = writeln!(out, "## Comparison with the current priorities\n");
    let current: Vec<String> = a.review.priorities.iter().map(|p| p.name.clone()).collect();
    let themes: Vec<String> = a.review.themes.iter().map(|p| p.name.clone()).collect();
    let _ = writeln!(out, "- Current priorities: {}", list(&current));
    let _ = writeln!(out, "- Proposed priorities: {}", list(&o.priorities));
    let _ = writeln!(out, "- Retained: {}", list(&o.retained));
    let _ = writeln!(out, "- Added: {}", list(&o.added));
    let _ = writeln!(out, "- Removed: {}", list(&o.removed));
    let _ = writeln!(out, "- Current themes: {}", list(&themes));
    let _ = writeln!(out, "- Themes added: {}", list(&o.themes_added));
    let _ = writeln!(out, "- Themes removed: {}\n", list(&o.themes_removed));

    if let Some(prev) = &a.previous {
        let _ = writeln!(out, "## Year on year\n");
        let _ = writeln!(
            out,
            "Against last year's review ({}).\n",
            prev.year.as_deref().unwrap_or(&prev.file)
        );
        table(
            &mut out,
            &MOVEMENT_HEADER,
            a.movement
                .iter()
                .map(|(issue, m)| movement_cells(a, *issue, m))
                .collect(),
        );
    }

    let _ = writeln!(out, "## How robust the ranking is\n");
    let moved: Vec<String> = a
        .sensitivity
        .iter()
        .filter_map(|(issue, s)| {
            s.smallest_weight_change
                .map(|d| format!("{} (a change of {} in the weights)", tax.name(*issue), num(d, 2)))
        })
        .collect();
    let _ = writeln!(
        out,
        "The weights move the ranking, not the recommendations. Issues whose place in the top {} a change of the weights could alter: {}.\n",
        o.priorities.len(),
        list(&moved)
    );

    let _ = writeln!(out, "## Data quality\n");
    let _ = writeln!(
        out,
        "- Partnerships expected: {}; received: {}; missing: {}",
        aa.expected,
        aa.received.len(),
        list(&aa.missing)
    );
    for w in &a.warnings {
        let _ = writeln!(out, "- {}", cell(&w.to_string()));
    }
    out
}
