//! The refreshed workbook of SPEC §8, and writing files safely.

use super::{decision_text, fit_row, issue_name, ranking_rank};
use crate::Assessment;
use crate::assess::ranking::TIE_RULES;
use crate::error::{Error, Result};
use crate::read::horizon::Category;
use rust_xlsxwriter::{
    Chart, ChartType, Color, ConditionalFormatText, ConditionalFormatTextRule, DocProperties, ExcelDateTime, Format,
    FormatAlign, Workbook, Worksheet, XlsxError,
};
use std::io::Write;
use std::path::{Path, PathBuf};

const APPENDIX_A_WIDTHS: [f64; 6] = [60.0, 16.0, 13.0, 13.0, 13.0, 70.0];
const APPENDIX_C_WIDTHS: [f64; 6] = [32.0, 70.0, 45.0, 10.0, 10.0, 16.0];
const RANKING_WIDTHS: [f64; 13] = [7.0, 34.0, 7.0, 8.0, 8.0, 8.0, 9.0, 8.0, 9.0, 9.0, 15.0, 70.0, 50.0];
const COMPARISON_WIDTHS: [f64; 7] = [20.0, 36.0, 36.0, 16.0, 80.0, 40.0, 30.0];
const DATA_QUALITY_WIDTHS: [f64; 5] = [36.0, 14.0, 36.0, 90.0, 16.0];

/// The sheet names, in their order: the eight of SPEC §8, with Sensitivity after Ranking and Action plan
/// after Comparison.
pub const SHEETS: [&str; 10] = [
    "Summary",
    "Appendix A",
    "Appendix B",
    "Appendix C",
    "Ranking",
    "Sensitivity",
    "Comparison",
    "Action plan",
    "Data quality",
    "Provenance",
];

/// Widest a column is made by autofit; longer text wraps.
const MAX_WIDTH: u32 = 480;

struct Styles {
    title: Format,
    header: Format,
    wrap: Format,
    bold: Format,
    decimal: Format,
    score: Format,
    /// Notes below a table: not wrapped, so they run across the empty cells to their right.
    note: Format,
    /// Numbers and short text in rows whose other cells wrap.
    top: Format,
    /// Ranks, centred so that "12" and "12=" line up.
    rank: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            bold: Format::new().set_bold(),
            decimal: Format::new().set_num_format("0.000").set_align(FormatAlign::Top),
            score: Format::new().set_num_format("0.00").set_align(FormatAlign::Top),
            top: Format::new().set_align(FormatAlign::Top),
            note: Format::new().set_italic(),
            rank: Format::new().set_align(FormatAlign::Center).set_align(FormatAlign::Top),
        }
    }
}

/// Title in A1, the header in row 2 (frozen, repeated on every printed page), landscape, one page wide.
fn start_sheet(ws: &mut Worksheet, s: &Styles, title: &str, header: &[&str]) -> std::result::Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, title, &s.title)?;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &s.header)?;
    }
    ws.set_freeze_panes(2, 0)?;
    ws.set_repeat_rows(0, 1)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_paper_size(9); // A4
    Ok(())
}

/// Colour the band names in a column: the first band red, the last green, others amber.
fn band_colours(
    ws: &mut Worksheet,
    a: &Assessment,
    first_row: u32,
    last_row: u32,
    col: u16,
) -> std::result::Result<(), XlsxError> {
    if last_row < first_row {
        return Ok(());
    }
    let bands = &a.review.scheme.bands;
    for (i, band) in bands.iter().enumerate() {
        let fill = if i == 0 {
            (0xF8CBAD, 0x9C0006)
        } else if i + 1 == bands.len() {
            (0xC6EFCE, 0x006100)
        } else {
            (0xFFEB9C, 0x9C5700)
        };
        let format = Format::new()
            .set_background_color(Color::RGB(fill.0))
            .set_font_color(Color::RGB(fill.1));
        let cf = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(band.name.clone()))
            .set_format(format);
        ws.add_conditional_format(first_row, col, last_row, col, &cf)?;
    }
    Ok(())
}

/// Set the column widths of a sheet.
fn set_widths(ws: &mut Worksheet, widths: &[f64]) -> std::result::Result<(), XlsxError> {
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

/// Write a row of text cells (empty ones left blank), wrapped, and fit its height.
fn write_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[String],
    wrap: &Format,
    widths: &[f64],
) -> std::result::Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string_with_format(row, c as u16, v, wrap)?;
        }
    }
    let texts: Vec<(u16, &str)> = cells.iter().enumerate().map(|(c, v)| (c as u16, v.as_str())).collect();
    fit_row(ws, row, &texts, widths)
}

fn summary(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    let aa = &a.appendix_a;
    let o = &a.outcome;
    ws.write_string_with_format(
        0,
        0,
        format!("{} Community Safety Agreement review {}", a.review.area, a.review.year),
        &s.title,
    )?;
    let rows: Vec<(&str, String)> = vec![
        ("Area", a.review.area.clone()),
        ("Year", a.review.year.clone()),
        ("Partnerships expected", aa.expected.to_string()),
        ("Partnerships received", aa.received.len().to_string()),
        ("Partnerships missing", if aa.missing.is_empty() { "none".into() } else { aa.missing.join(", ") }),
        ("Proposed priorities", o.priorities.join("; ")),
        ("Proposed cross-cutting themes", o.themes.join("; ")),
        ("Retained / added / removed", format!("{} / {} / {}", o.retained.len(), o.added.len(), o.removed.len())),
        ("Awaiting a decision", if o.awaiting_decision.is_empty() { "none".into() } else { o.awaiting_decision.join("; ") }),
        ("Warnings", a.warnings.len().to_string()),
        ("Note", "MoRiLE is not used in isolation: it is shown beside the district counts and the horizon scan, and the Working Group decides.".into()),
    ];
    for (i, (label, value)) in rows.iter().enumerate() {
        let r = i as u32 + 2;
        ws.write_string_with_format(r, 0, *label, &s.bold)?;
        if let Ok(n) = value.parse::<f64>() {
            ws.write_number(r, 1, n)?;
        } else {
            ws.write_string_with_format(r, 1, value, &s.wrap)?;
        }
    }
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 100)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn appendix_a(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    let tax = &a.review.taxonomy;
    let aa = &a.appendix_a;
    let title = format!("Appendix A: Strategic Assessments ({})", a.review.year);
    start_sheet(
        ws,
        s,
        &title,
        &[
            "Priority",
            "No. of CSPs identifying these issues",
            "Main priority",
            "Cross-cutting theme",
            "Part of broader theme",
            "CSPs",
        ],
    )?;
    let mut r = 2u32;
    for row in &aa.rows {
        ws.write_string_with_format(r, 0, &tax.issues[row.issue].label, &s.wrap)?;
        ws.write_number_with_format(r, 1, row.csp_count as f64, &s.top)?;
        ws.write_number_with_format(r, 2, row.main_priority as f64, &s.top)?;
        ws.write_number_with_format(r, 3, row.cross_cutting_theme as f64, &s.top)?;
        ws.write_number_with_format(r, 4, row.part_of_broader_theme as f64, &s.top)?;
        let csps = row.partnerships.join(", ");
        ws.write_string_with_format(r, 5, &csps, &s.wrap)?;
        fit_row(
            ws,
            r,
            &[(0, &tax.issues[row.issue].label), (5, &csps)],
            &APPENDIX_A_WIDTHS,
        )?;
        r += 1;
    }
    let last = r - 1;
    ws.write_string_with_format(r, 0, "Total", &s.bold)?;
    ws.write_number_with_format(r, 1, aa.total() as f64, &s.bold)?;
    r += 2;
    let others: Vec<String> = aa.other_focus_areas.iter().map(|o| o.name.clone()).collect();
    ws.write_string_with_format(
        r,
        0,
        format!(
            "Other focus areas: {}",
            if others.is_empty() {
                "none".into()
            } else {
                others.join(", ")
            }
        ),
        &s.note,
    )?;
    r += 1;
    ws.write_string_with_format(
        r,
        0,
        format!(
            "Strategic assessments received from {} of {} CSPs.",
            aa.received.len(),
            aa.expected
        ),
        &s.note,
    )?;
    set_widths(ws, &APPENDIX_A_WIDTHS)?;
    if !aa.rows.is_empty() {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_categories(("Appendix A", 2, 0, last, 0))
            .set_values(("Appendix A", 2, 1, last, 1))
            .set_name("No. of CSPs");
        chart.title().set_name(&title);
        chart.y_axis().set_reverse();
        chart.legend().set_hidden();
        chart.set_width(720).set_height(420);
        ws.insert_chart(r + 2, 0, &chart)?;
    }
    Ok(())
}

fn appendix_b(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    let tax = &a.review.taxonomy;
    let title = format!("Appendix B: MoRiLE Assessment ({})", a.review.year);
    start_sheet(
        ws,
        s,
        &title,
        &[
            "Rank",
            "Item",
            "Issue",
            "Harm",
            "Likelihood",
            "Organisational position",
            "Multiplier",
            "Score",
            "Band",
            "Confidence",
        ],
    )?;
    let Some(m) = &a.morile else {
        ws.write_string(2, 0, "No MoRiLE workbook in this review.")?;
        return Ok(());
    };
    let mut r = 2u32;
    for i in &m.items {
        if i.tied {
            ws.write_string_with_format(r, 0, format!("{}=", i.rank), &s.rank)?;
        } else {
            ws.write_number_with_format(r, 0, i.rank as f64, &s.rank)?;
        }
        ws.write_string_with_format(r, 1, &i.item, &s.wrap)?;
        ws.write_string_with_format(r, 2, i.issue.map(|id| tax.name(id)).unwrap_or("(no issue)"), &s.wrap)?;
        if let Some(sec) = i.sections {
            ws.write_number(r, 3, sec.harm)?;
            ws.write_number(r, 4, sec.likelihood)?;
            ws.write_number(r, 5, sec.organisational)?;
            ws.write_number_with_format(r, 6, sec.multiplier, &s.decimal)?;
        }
        ws.write_number_with_format(r, 7, crate::config::round(i.score, 2), &s.score)?;
        if let Some(b) = &i.band {
            ws.write_string(r, 8, b)?;
        }
        if let Some(c) = i.confidence {
            let text = if c == crate::assess::morile::Confidence::Low {
                "Low (intelligence gap)"
            } else {
                c.as_str()
            };
            ws.write_string(r, 9, text)?;
        }
        r += 1;
    }
    band_colours(ws, a, 2, r.saturating_sub(1), 8)?;
    r += 1;
    let note = if a.review.scheme.customised {
        "Scores use the scoring scheme set in review.toml: local values, not official MoRiLE values."
    } else {
        "Scores use csa-review's default scheme: local defaults, not official MoRiLE values."
    };
    ws.write_string_with_format(r, 0, note, &s.note)?;
    ws.write_string_with_format(
        r + 1,
        0,
        "Equal scores share a rank (\"12=\"). Confidence is shown beside the score, never merged into it.",
        &s.note,
    )?;
    ws.set_autofit_max_width(MAX_WIDTH);
    ws.autofit();
    ws.set_column_width(0, 8)?;
    if !m.items.is_empty() {
        let mut chart = Chart::new(ChartType::Bar);
        let last = 2 + m.items.len() as u32 - 1;
        chart
            .add_series()
            .set_categories(("Appendix B", 2, 1, last, 1))
            .set_values(("Appendix B", 2, 7, last, 7))
            .set_name("MoRiLE score");
        chart.title().set_name(&title);
        chart.y_axis().set_reverse();
        chart.legend().set_hidden();
        chart.set_width(720).set_height(480);
        ws.insert_chart(r + 3, 0, &chart)?;
    }
    Ok(())
}

fn appendix_c(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    let tax = &a.review.taxonomy;
    start_sheet(
        ws,
        s,
        &format!("Appendix C: Horizon Scanning ({})", a.review.year),
        &[
            "Category",
            "Item",
            "Related issues",
            "Impact",
            "Impact points",
            "Timescale",
        ],
    )?;
    let mut r = 2u32;
    for cat in Category::ALL {
        for h in a.horizon.items.iter().filter(|h| h.row.category == cat) {
            ws.write_string_with_format(r, 0, cat.heading(), &s.top)?;
            ws.write_string_with_format(r, 1, &h.row.item, &s.wrap)?;
            ws.write_string_with_format(
                r,
                2,
                h.issues.iter().map(|&i| tax.name(i)).collect::<Vec<_>>().join("; "),
                &s.wrap,
            )?;
            ws.write_string(r, 3, ["Low", "Low", "Medium", "High"][h.row.impact.min(3) as usize])?;
            ws.write_number(r, 4, f64::from(h.row.impact))?;
            if let Some(t) = &h.row.timescale {
                ws.write_string(r, 5, t)?;
            }
            let related = h.issues.iter().map(|&i| tax.name(i)).collect::<Vec<_>>().join("; ");
            fit_row(ws, r, &[(1, &h.row.item), (2, &related)], &APPENDIX_C_WIDTHS)?;
            r += 1;
        }
    }
    set_widths(ws, &APPENDIX_C_WIDTHS)?;
    Ok(())
}

fn ranking(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    start_sheet(
        ws,
        s,
        &format!("Ranking and recommendation ({})", a.review.year),
        &[
            "Rank",
            "Issue",
            "CSPs",
            "Local",
            "MoRiLE",
            "Horizon",
            "Combined",
            "MoRiLE rank",
            "MoRiLE band",
            "Current",
            "Recommendation",
            "Reason",
            "Decision",
        ],
    )?;
    let mut r = 2u32;
    for x in &a.ranking {
        if x.tied {
            ws.write_string_with_format(r, 0, ranking_rank(x), &s.rank)?;
        } else {
            ws.write_number_with_format(r, 0, x.rank as f64, &s.rank)?;
        }
        ws.write_string_with_format(r, 1, issue_name(a, x), &s.top)?;
        ws.write_number_with_format(r, 2, x.csp_count as f64, &s.top)?;
        ws.write_number_with_format(r, 3, crate::config::round(x.components.local, 3), &s.decimal)?;
        ws.write_number_with_format(r, 4, crate::config::round(x.components.morile, 3), &s.decimal)?;
        ws.write_number_with_format(r, 5, crate::config::round(x.components.horizon, 3), &s.decimal)?;
        ws.write_number_with_format(r, 6, crate::config::round(x.combined, 3), &s.decimal)?;
        write_row(
            ws,
            r,
            &[
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                x.morile_rank.clone().unwrap_or_default(),
                x.morile_band.clone().unwrap_or_default(),
                x.current.label().to_string(),
                x.recommendation.as_str().into(),
                x.reason.clone(),
                decision_text(x),
            ],
            &s.wrap,
            &RANKING_WIDTHS,
        )?;
        r += 1;
    }
    band_colours(ws, a, 2, r.saturating_sub(1), 8)?;
    r += 1;
    let w = a.review.weights;
    ws.write_string_with_format(r, 0, "Weights", &s.bold)?;
    for (i, (label, value)) in [
        ("Local", w.local),
        ("MoRiLE", w.morile),
        ("Horizon", w.horizon),
        ("Support threshold", a.review.thresholds.support),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(r + 1 + i as u32, 1, *label)?;
        ws.write_number_with_format(r + 1 + i as u32, 2, *value, &s.decimal)?;
    }
    ws.write_string_with_format(r + 6, 0, format!("Ties: {TIE_RULES}"), &s.note)?;
    set_widths(ws, &RANKING_WIDTHS)?;
    Ok(())
}

fn sensitivity(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    let n = a.outcome.priorities.len();
    start_sheet(
        ws,
        s,
        &format!("Sensitivity of the top {n} to the weights ({})", a.review.year),
        &[
            "Issue",
            "In top N",
            "Share of samples in top N",
            "Smallest weight change that moves it",
            "Local",
            "MoRiLE",
            "Horizon",
        ],
    )?;
    let mut r = 2u32;
    for (issue, x) in &a.sensitivity {
        ws.write_string(r, 0, a.review.taxonomy.name(*issue))?;
        ws.write_string(r, 1, if x.in_top_n { "yes" } else { "no" })?;
        ws.write_number_with_format(r, 2, x.in_top_n_share, &Format::new().set_num_format("0%"))?;
        match (x.smallest_weight_change, x.at_weights) {
            (Some(d), Some(w)) => {
                ws.write_number_with_format(r, 3, d, &s.score)?;
                ws.write_number_with_format(r, 4, crate::config::round(w.local, 2), &s.score)?;
                ws.write_number_with_format(r, 5, crate::config::round(w.morile, 2), &s.score)?;
                ws.write_number_with_format(r, 6, crate::config::round(w.horizon, 2), &s.score)?;
            }
            _ => {
                ws.write_string(r, 3, "none")?;
            }
        }
        r += 1;
    }
    let note = format!(
        "N is the number of proposed priorities. Shares come from {} fixed-seed samples with each weight moved up to {} either way; the smallest change is the largest move of any one weight (weights summing to 1, searched in steps of {}). The recommendations of SPEC §5 use the share of CSPs, the MoRiLE band and what is in force, not the weights: the weights move the ranking.",
        crate::assess::sensitivity::SAMPLES,
        crate::assess::sensitivity::SPREAD,
        crate::assess::sensitivity::GRID_STEP
    );
    ws.write_string_with_format(r + 1, 0, note, &s.note)?;
    set_widths(ws, &[34.0, 10.0, 14.0, 18.0, 10.0, 10.0, 10.0])?;
    Ok(())
}

/// A skeleton action plan per proposed priority, with the columns of the published 2018/19 plan.
fn action_plan(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    ws.write_string_with_format(
        0,
        0,
        format!(
            "{} Community Safety Agreement action plan {} (skeleton)",
            a.review.area, a.review.year
        ),
        &s.title,
    )?;
    let header = [
        "No.",
        "Objective / Planned Outcomes",
        "Actions",
        "Measure",
        "Timescale",
        "Lead Agency",
    ];
    let mut r = 2u32;
    for (p, name) in a.outcome.priorities.iter().enumerate() {
        let lead = a.review.lead(name, a.outcome.priority_issue(name));
        ws.write_string_with_format(r, 0, format!("Priority: {name}"), &s.bold)?;
        ws.write_string(r + 1, 0, format!("Lead: {}", lead.unwrap_or("(to be agreed)")))?;
        ws.write_string(r + 2, 0, "Aim:")?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(r + 3, c as u16, *h, &s.header)?;
        }
        for o in 1..=3 {
            ws.write_string(r + 3 + o, 0, format!("{}.{}", p + 1, o))?;
        }
        r += 9;
    }
    set_widths(ws, &[8.0, 40.0, 40.0, 30.0, 14.0, 30.0])?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn comparison(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    start_sheet(
        ws,
        s,
        &format!("Current and proposed priorities and themes ({})", a.review.year),
        &["Type", "Current", "Proposed", "Change", "Why", "Lead", "Issue"],
    )?;
    let o = &a.outcome;
    let tax = &a.review.taxonomy;
    let reason_of = |issue: Option<usize>| -> String {
        issue
            .and_then(|i| a.ranking.iter().find(|r| r.issue == i))
            .map(|r| {
                if let Some(d) = &r.decision {
                    format!("Decision: {}", d.reason)
                } else {
                    r.reason.clone()
                }
            })
            .unwrap_or_default()
    };
    let lead = |name: &str, issue: Option<usize>| a.review.lead(name, issue).unwrap_or_default().to_string();
    let mut r = 2u32;
    for p in &a.review.priorities {
        let ranked = p.issue.and_then(|i| a.ranking.iter().find(|x| x.issue == i));
        let proposed_name = p.issue.and_then(|i| o.priority_named_for(i));
        let change = if o.retained.contains(&p.name) {
            if ranked.is_some_and(|x| x.awaiting_decision()) {
                "retained, awaiting a decision"
            } else {
                "retained"
            }
        } else {
            "removed"
        };
        write_row(
            ws,
            r,
            &[
                "Priority".into(),
                p.name.clone(),
                proposed_name.cloned().unwrap_or_default(),
                change.into(),
                reason_of(p.issue),
                lead(&p.name, p.issue),
                p.issue.map(|i| tax.name(i).to_string()).unwrap_or_default(),
            ],
            &s.wrap,
            &COMPARISON_WIDTHS,
        )?;
        r += 1;
    }
    for name in &o.added {
        let issue = o.priority_issue(name);
        write_row(
            ws,
            r,
            &[
                "Priority".into(),
                String::new(),
                name.clone(),
                "added".into(),
                reason_of(issue),
                lead(name, issue),
                issue.map(|i| tax.name(i).to_string()).unwrap_or_default(),
            ],
            &s.wrap,
            &COMPARISON_WIDTHS,
        )?;
        r += 1;
    }
    for t in &a.review.themes {
        let change = if o.themes_removed.contains(&t.name) {
            "removed"
        } else {
            "retained"
        };
        write_row(
            ws,
            r,
            &[
                "Cross-cutting theme".into(),
                t.name.clone(),
                if change == "retained" {
                    t.name.clone()
                } else {
                    String::new()
                },
                change.into(),
                reason_of(t.issue),
                String::new(),
                t.issue.map(|i| tax.name(i).to_string()).unwrap_or_default(),
            ],
            &s.wrap,
            &COMPARISON_WIDTHS,
        )?;
        r += 1;
    }
    for name in &o.themes_added {
        let issue = o.theme_issue(name);
        write_row(
            ws,
            r,
            &[
                "Cross-cutting theme".into(),
                String::new(),
                name.clone(),
                "added".into(),
                reason_of(issue),
                String::new(),
                issue.map(|i| tax.name(i).to_string()).unwrap_or_default(),
            ],
            &s.wrap,
            &COMPARISON_WIDTHS,
        )?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(
        r,
        0,
        format!(
            "Retained {}, added {}, removed {}; themes added {}, themes removed {}.",
            o.retained.len(),
            o.added.len(),
            o.removed.len(),
            o.themes_added.len(),
            o.themes_removed.len()
        ),
        &s.bold,
    )?;
    if let Some(prev) = &a.previous {
        r += 2;
        ws.write_string_with_format(r, 0, format!("Year on year, against {}", prev.file), &s.bold)?;
        r += 1;
        for (c, h) in super::MOVEMENT_HEADER.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, *h, &s.header)?;
        }
        for (issue, m) in &a.movement {
            r += 1;
            for (c, cell) in super::movement_cells(a, *issue, m).iter().enumerate() {
                match cell.parse::<f64>() {
                    Ok(n) if c > 0 => ws.write_number(r, c as u16, n)?,
                    _ => ws.write_string(r, c as u16, cell)?,
                };
            }
        }
    }
    set_widths(ws, &COMPARISON_WIDTHS)?;
    Ok(())
}

fn data_quality(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    start_sheet(
        ws,
        s,
        &format!("Data quality ({})", a.review.year),
        &["Partnership", "Status", "File", "Completed by", "Date completed"],
    )?;
    let mut r = 2u32;
    for (p, name) in a.review.partnerships.iter().enumerate() {
        let got = a.received.iter().find(|x| x.partnership == p);
        let s_ = &got.map(|g| &g.submission);
        write_row(
            ws,
            r,
            &[
                name.clone(),
                if got.is_some() {
                    "received".into()
                } else {
                    "missing".into()
                },
                s_.map(|x| x.file.clone()).unwrap_or_default(),
                s_.and_then(|x| x.completed_by.clone()).unwrap_or_default(),
                s_.and_then(|x| x.date_completed.clone()).unwrap_or_default(),
            ],
            &s.wrap,
            &DATA_QUALITY_WIDTHS,
        )?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, format!("Warnings ({})", a.warnings.len()), &s.bold)?;
    r += 1;
    for (c, h) in ["File", "Sheet", "Cell or line", "Message"].iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &s.header)?;
    }
    r += 1;
    for w in &a.warnings {
        let l = &w.location;
        let cell = l
            .cell
            .clone()
            .or_else(|| l.line.map(|n| format!("line {n}")))
            .unwrap_or_default();
        write_row(
            ws,
            r,
            &[
                l.file.clone().unwrap_or_default(),
                l.sheet.clone().unwrap_or_default(),
                cell,
                w.message.clone(),
            ],
            &s.wrap,
            &DATA_QUALITY_WIDTHS,
        )?;
        r += 1;
    }
    // The analyst's [names] mappings that the returns used (SPEC §3.3).
    if !a.appendix_a.names_used.is_empty() {
        r += 1;
        ws.write_string_with_format(r, 0, "Names counted through [names] in review.toml", &s.bold)?;
        r += 1;
        for (c, h) in ["Name", "Counted as", "Partnerships"].iter().enumerate() {
            ws.write_string_with_format(r, c as u16, *h, &s.header)?;
        }
        r += 1;
        for n in &a.appendix_a.names_used {
            let issues = if n.issues.is_empty() {
                "none (an other focus area)".to_string()
            } else {
                n.issues.join("; ")
            };
            write_row(
                ws,
                r,
                &[n.name.clone(), issues, n.partnerships.join(", ")],
                &s.wrap,
                &DATA_QUALITY_WIDTHS,
            )?;
            r += 1;
        }
    }
    set_widths(ws, &DATA_QUALITY_WIDTHS)?;
    Ok(())
}

fn provenance(ws: &mut Worksheet, a: &Assessment, s: &Styles) -> std::result::Result<(), XlsxError> {
    start_sheet(ws, s, "Provenance", &["Setting", "Value"])?;
    let w = a.review.weights_given;
    let scheme = serde_json::to_string(&a.review.scheme).unwrap_or_default();
    let settings: Vec<(&str, String)> = vec![
        ("Tool", format!("csa-review {}", crate::VERSION)),
        ("Area", a.review.area.clone()),
        ("Year", a.review.year.clone()),
        ("Partnerships expected", a.review.partnerships.join("; ")),
        (
            "Weights as given (local, MoRiLE, horizon)",
            format!("{}, {}, {}", w.local, w.morile, w.horizon),
        ),
        ("Support threshold", a.review.thresholds.support.to_string()),
        ("Taxonomy", a.review.taxonomy.source.clone()),
        (
            "MoRiLE scheme",
            if a.review.scheme.customised {
                "set in review.toml (local values)".into()
            } else {
                "csa-review default (local defaults, not official MoRiLE values)".into()
            },
        ),
        ("MoRiLE scheme in full", scheme),
        ("Tie rules", TIE_RULES.into()),
    ];
    let mut r = 2u32;
    for (k, v) in settings {
        ws.write_string_with_format(r, 0, k, &s.bold)?;
        ws.write_string_with_format(r, 1, v, &s.wrap)?;
        r += 1;
    }
    r += 1;
    for (c, h) in ["Input file", "Bytes", "SHA-256"].iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &s.header)?;
    }
    r += 1;
    for f in &a.inputs {
        ws.write_string(r, 0, &f.shown)?;
        ws.write_number(r, 1, f.bytes as f64)?;
        ws.write_string(r, 2, &f.sha256)?;
        r += 1;
    }
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 90)?;
    ws.set_column_width(2, 70)?;
    Ok(())
}

/// The workbook's bytes. The same assessment always gives the same bytes (the creation date is fixed).
pub fn build(a: &Assessment) -> std::result::Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(format!(
            "{} Community Safety Agreement review {}",
            a.review.area, a.review.year
        ))
        .set_subject("Annual review of community safety priorities: Appendices A to C, ranking and comparison")
        .set_author(format!("csa-review {}", crate::VERSION))
        .set_comment("Written by csa-review")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(&props);
    type SheetFn = fn(&mut Worksheet, &Assessment, &Styles) -> std::result::Result<(), XlsxError>;
    let sheets: [(&str, SheetFn); 10] = [
        (SHEETS[0], summary),
        (SHEETS[1], appendix_a),
        (SHEETS[2], appendix_b),
        (SHEETS[3], appendix_c),
        (SHEETS[4], ranking),
        (SHEETS[5], sensitivity),
        (SHEETS[6], comparison),
        (SHEETS[7], action_plan),
        (SHEETS[8], data_quality),
        (SHEETS[9], provenance),
    ];
    for (name, f) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        f(ws, a, &s)?;
    }
    wb.save_to_buffer()
}

/// Canonical form of a path for comparing (the parent folder resolved when the file does not exist yet).
fn canonical(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    let parent = p
        .parent()
        .filter(|x| !x.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), p.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => p.to_path_buf(),
    }
}

/// Write bytes to `path` safely: refuse to overwrite an input or to write into the submissions folder,
/// create the folder, write a temporary file beside it and rename it into place.
pub fn write_atomically(path: &Path, bytes: &[u8], inputs: &[PathBuf], protected_dirs: &[PathBuf]) -> Result<()> {
    let target = canonical(path);
    if inputs.iter().any(|i| canonical(i) == target) {
        return Err(Error::Usage(format!(
            "refusing to write {}: it is one of the review's input files",
            path.display()
        )));
    }
    if let Some(parent) = target.parent()
        && protected_dirs.iter().any(|d| canonical(d) == parent)
    {
        return Err(Error::Usage(format!(
            "refusing to write {} into the submissions folder: it would be read as a submission next time",
            path.display()
        )));
    }
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "{} is a folder; give a file name such as {}/csa.xlsx",
            path.display(),
            path.display()
        )));
    }
    // Never replace a device, pipe or socket (such as /dev/full) with a file.
    if std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file() && !m.file_type().is_symlink()) {
        return Err(Error::io(
            path,
            "not a regular file; give the path of a workbook to write",
        ));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".csa-review-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // An ordinary document: readable by others, as a file saved by a spreadsheet program would be.
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}
