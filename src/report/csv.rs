//! `--format csv`: Appendix A, then a blank line, then the ranking, each with its own header row.
//! Text that a spreadsheet would take for a formula is written with a leading apostrophe.

use super::{decision_text, issue_name, neutralise, num, ranking_rank};
use crate::Assessment;

fn write_rows(rows: Vec<Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for r in rows {
        let r: Vec<String> = r.iter().map(|c| neutralise(c)).collect();
        w.write_record(&r).expect("writing CSV to memory cannot fail");
    }
    String::from_utf8(w.into_inner().expect("writing CSV to memory cannot fail")).expect("CSV of UTF-8 text is UTF-8")
}

pub fn render(a: &Assessment) -> String {
    let tax = &a.review.taxonomy;
    let mut rows = vec![
        [
            "issue",
            "label",
            "csp_count",
            "main_priority",
            "cross_cutting_theme",
            "part_of_broader_theme",
            "partnerships",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for r in &a.appendix_a.rows {
        rows.push(vec![
            tax.name(r.issue).to_string(),
            tax.issues[r.issue].label.clone(),
            r.csp_count.to_string(),
            r.main_priority.to_string(),
            r.cross_cutting_theme.to_string(),
            r.part_of_broader_theme.to_string(),
            r.partnerships.join("; "),
        ]);
    }
    for o in &a.appendix_a.other_focus_areas {
        rows.push(vec![
            o.name.clone(),
            "Other focus area".into(),
            o.partnerships.len().to_string(),
            String::new(),
            String::new(),
            String::new(),
            o.partnerships.join("; "),
        ]);
    }
    let mut out = write_rows(rows);
    out.push('\n');
    let mut rows = vec![
        [
            "rank",
            "issue",
            "csp_count",
            "local",
            "morile",
            "horizon",
            "combined",
            "current",
            "recommendation",
            "reason",
            "decision",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for r in &a.ranking {
        rows.push(vec![
            ranking_rank(r),
            issue_name(a, r).to_string(),
            r.csp_count.to_string(),
            num(r.components.local, 3),
            num(r.components.morile, 3),
            num(r.components.horizon, 3),
            num(r.combined, 3),
            r.current.label().to_string(),
            r.recommendation.as_str().to_string(),
            r.reason.clone(),
            decision_text(r),
        ]);
    }
    out.push_str(&write_rows(rows));
    out
}
