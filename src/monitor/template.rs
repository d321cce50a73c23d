//! The three monitoring templates (SPEC §6, §10): the action plan (made from the review's proposed
//! priorities and themes and their leads), a progress return (the plan's actions listed, with a status
//! drop-down) and the indicators sheet. Each has instructions, drop-down lists and A4 printing, and is read
//! back by the monitoring readers without change.

use super::indicators::Better;
use super::updates::Status;
use crate::config::Review;
use crate::error::{Error, Result};
use crate::schema::{indicators as ind, plan, progress};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, FormatBorder, Formula, Workbook,
    Worksheet, XlsxError,
};
use std::path::{Path, PathBuf};

/// Blank rows offered below a header.
pub const BLANK_ROWS: u32 = 60;

/// Which monitoring template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Plan,
    Progress,
    Indicators,
}

fn title_format() -> Format {
    Format::new().set_bold().set_font_size(14)
}
fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(0xD9E1F2)
        .set_border(FormatBorder::Thin)
}
fn input_format() -> Format {
    Format::new()
        .set_unlocked()
        .set_text_wrap()
        .set_background_color(0xFFF2CC)
        .set_border(FormatBorder::Thin)
}

fn new_workbook(title: &str) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author(format!("csa-review {}", crate::VERSION))
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    Ok(wb)
}

fn print_setup(ws: &mut Worksheet, header_row: u32) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, header_row)?;
    ws.set_freeze_panes(header_row + 1, 0)?;
    Ok(())
}

fn instructions(wb: &mut Workbook, title: &str, lines: &[String]) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("Instructions")?;
    ws.write_string_with_format(0, 0, title, &title_format())?;
    let wrap = Format::new().set_text_wrap();
    for (i, line) in lines.iter().enumerate() {
        ws.write_string_with_format(2 + i as u32, 0, line, &wrap)?;
        crate::report::fit_row(ws, 2 + i as u32, &[(0, line)], &[110.0])?;
    }
    ws.set_column_width(0, 110)?;
    print_setup(ws, 0)?;
    Ok(())
}

/// A hidden sheet `Lists` with one drop-down list per column; the formula of each.
fn lists(wb: &mut Workbook, columns: &[(&str, Vec<String>)]) -> Result<Vec<Option<Formula>>, XlsxError> {
    let ws = wb.add_worksheet().set_name("Lists")?;
    let mut out = Vec::new();
    for (c, (title, values)) in columns.iter().enumerate() {
        ws.write_string(0, c as u16, *title)?;
        for (r, v) in values.iter().enumerate() {
            ws.write_string(1 + r as u32, c as u16, v)?;
        }
        let col = crate::read::a1(0, c as u32).trim_end_matches('1').to_string();
        out.push((!values.is_empty()).then(|| Formula::new(format!("=Lists!${col}$2:${col}${}", values.len() + 1))));
    }
    ws.set_hidden(true);
    Ok(out)
}

fn drop_down(ws: &mut Worksheet, first: u32, last: u32, col: u16, list: &Formula, what: &str) -> Result<(), XlsxError> {
    let v = DataValidation::new()
        .allow_list_formula(list.clone())
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_title("Not in the list")?
        .set_error_message(format!(
            "Choose {what} from the list, or type it exactly as it is listed."
        ))?;
    ws.add_data_validation(first, col, last, col, &v)?;
    Ok(())
}

fn header_row(ws: &mut Worksheet, row: u32, columns: &[(&str, f64)]) -> Result<(), XlsxError> {
    let h = header_format();
    for (c, (name, width)) in columns.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *name, &h)?;
        ws.set_column_width(c as u16, *width)?;
    }
    ws.set_row_height(row, 30)?;
    Ok(())
}

fn blank_inputs(ws: &mut Worksheet, first: u32, rows: u32, cols: u16) -> Result<(), XlsxError> {
    let f = input_format();
    for r in first..first + rows {
        for c in 0..cols {
            ws.write_blank(r, c, &f)?;
        }
    }
    Ok(())
}

/// The priorities and themes a plan serves, with their leads: the review's proposed set when its inputs
/// are there and it runs, else `[current]`.
/// A priority or theme's name and its lead.
type Named = (String, Option<String>);

fn review_sets(dir: &Path) -> Result<(Review, Vec<Named>)> {
    let review = Review::load(dir)?;
    let proposed = crate::review_folder(dir).ok();
    let items: Vec<Named> = match &proposed {
        Some(a) => a
            .outcome
            .priorities
            .iter()
            .zip(&a.outcome.priority_issues)
            .map(|(n, i)| (n.clone(), review.lead(n, Some(*i)).map(str::to_string)))
            .chain(
                a.outcome
                    .themes
                    .iter()
                    .zip(&a.outcome.theme_issues)
                    .map(|(n, i)| (n.clone(), review.lead(n, *i).map(str::to_string))),
            )
            .collect(),
        None => review
            .priorities
            .iter()
            .chain(&review.themes)
            .map(|p| (p.name.clone(), review.lead(&p.name, p.issue).map(str::to_string)))
            .collect(),
    };
    Ok((review, items))
}

fn plan_bytes(review: Option<&Path>) -> Result<Vec<u8>> {
    let (area_year, items) = match review {
        Some(dir) => {
            let (r, items) = review_sets(dir)?;
            (format!("{} {}", r.area, r.year), items)
        }
        None => (String::new(), Vec::new()),
    };
    let made = (|| -> Result<Vec<u8>, XlsxError> {
        let mut wb = new_workbook(&format!("CSA action plan {area_year}"))?;
        instructions(
            &mut wb,
            &format!("CSA action plan {area_year}: how to fill in this workbook"),
            &[
                "Sheet Priorities: one row per priority (and cross-cutting theme) of the agreement, with its lead, its aim and, optionally, the context the summary prints for it.".into(),
                "Sheet Actions: one row per action. No. is <priority>.<objective>, such as 1.3; add * (1.3*) for work funded by the partnership or the PCC. Several actions may share a No.: they are then referred to as 1.1a, 1.1b... unless you give a Ref.".into(),
                "Priority: choose from the drop-down (the names on the Priorities sheet). Objective may begin with a category and a colon: \"Supporting victims: ...\".".into(),
                "Timescale: Ongoing, To be confirmed, a month and year (March 2019: due on its last day), a quarter of the financial year (Q3 2018-19: due 31 December 2018) or a date. Leave it blank for no due date.".into(),
                "Ref (optional): the reference leads will use in their progress returns; it must be unique.".into(),
                "Save the workbook as plan.xlsx in the review folder (or name it under [monitoring] plan in review.toml), then run csa-review template progress --review DIR to make the leads' progress return.".into(),
            ],
        )?;
        let names: Vec<String> = items.iter().map(|(n, _)| n.clone()).collect();
        let ws = wb.add_worksheet().set_name(plan::SHEET_PRIORITIES)?;
        ws.write_string_with_format(0, 0, format!("Priorities {area_year}").trim(), &title_format())?;
        header_row(
            ws,
            2,
            &[
                (plan::PRIORITY, 32.0),
                (plan::LEAD, 36.0),
                (plan::AIM, 50.0),
                (plan::CONTEXT, 70.0),
            ],
        )?;
        let f = input_format();
        for (i, (name, lead)) in items.iter().enumerate() {
            ws.write_string_with_format(3 + i as u32, 0, name, &f)?;
            ws.write_string_with_format(3 + i as u32, 1, lead.as_deref().unwrap_or(""), &f)?;
            ws.write_blank(3 + i as u32, 2, &f)?;
            ws.write_blank(3 + i as u32, 3, &f)?;
        }
        blank_inputs(ws, 3 + items.len() as u32, 10, 4)?;
        print_setup(ws, 2)?;
        let ws = wb.add_worksheet().set_name(plan::SHEET_ACTIONS)?;
        ws.write_string_with_format(0, 0, format!("Actions {area_year}").trim(), &title_format())?;
        header_row(
            ws,
            2,
            &[
                (plan::NO, 7.0),
                (plan::PRIORITY, 24.0),
                (plan::OBJECTIVE, 36.0),
                (plan::ACTION, 44.0),
                (plan::MEASURE, 30.0),
                (plan::TIMESCALE, 14.0),
                (plan::LEAD_AGENCY, 22.0),
                (plan::REF, 8.0),
            ],
        )?;
        blank_inputs(ws, 3, BLANK_ROWS, 8)?;
        print_setup(ws, 2)?;
        let formulas = lists(
            &mut wb,
            &[
                (plan::SHEET_PRIORITIES, names),
                (plan::TIMESCALE, vec!["Ongoing".into(), "To be confirmed".into()]),
            ],
        )?;
        let ws = wb.worksheet_from_name(plan::SHEET_ACTIONS)?;
        if let Some(f) = &formulas[0] {
            drop_down(ws, 3, 2 + BLANK_ROWS, 1, f, "a priority")?;
        }
        wb.save_to_buffer()
    })();
    made.map_err(|e| Error::Usage(format!("the template could not be made: {e}")))
}

fn progress_bytes(review: Option<&Path>, lead: Option<&str>) -> Result<(Vec<u8>, Vec<PathBuf>)> {
    let mut inputs = Vec::new();
    let (area_year, actions) = match review {
        Some(dir) => {
            let r = Review::load(dir)?;
            let settings = super::config::Settings::load(dir)?;
            let mut d = crate::error::Diagnostics::default();
            let plan = super::plan::read(&settings.plan, &r.shown(&settings.plan), r.limits, &mut d);
            let Some(plan) = plan.filter(|_| !d.has_errors()) else {
                return Err(Error::Input(d));
            };
            inputs.push(settings.plan.clone());
            // One lead's return: the actions whose lead agency names it.
            let leads = |a: &super::plan::Action| {
                lead.is_none_or(|l| {
                    let k = crate::taxonomy::key(l);
                    a.lead_agency
                        .as_deref()
                        .is_some_and(|x| crate::taxonomy::key(x).contains(&k))
                })
            };
            if !plan.actions.iter().any(leads) {
                let mut agencies: Vec<&str> = plan.actions.iter().filter_map(|a| a.lead_agency.as_deref()).collect();
                agencies.sort();
                agencies.dedup();
                return Err(Error::Usage(format!(
                    "no action of the plan has the lead agency \"{}\"; the lead agencies are: {}",
                    lead.unwrap_or_default(),
                    agencies.join("; ")
                )));
            }
            let rows: Vec<(String, String, String)> = plan
                .actions
                .iter()
                .filter(|a| leads(a))
                .map(|a| {
                    (
                        a.reference.clone(),
                        plan.priorities[a.priority].name.clone(),
                        a.action.clone(),
                    )
                })
                .collect();
            (format!("{} {}", r.area, r.year), rows)
        }
        None => (String::new(), Vec::new()),
    };
    let made = (|| -> Result<Vec<u8>, XlsxError> {
        let mut wb = new_workbook(&format!("CSA action plan progress return {area_year}"))?;
        instructions(
            &mut wb,
            &format!("Progress return {area_year}: how to fill in this workbook"),
            &[
                "Sheet Progress: one row per update. The plan's actions are listed by their Ref; fill in the rows of the actions you lead and leave the others blank.".into(),
                "Status: choose Not started, On track, At risk, Off track or Complete from the drop-down.".into(),
                "Update: what has been done since the last return, in a sentence or two. Updated by: your name and organisation. Date: the date of the update (such as 31/03/2019).".into(),
                "To report on an action twice (two dates), copy its row. Two updates of one action with the same date must give the same status.".into(),
                "Save the workbook in the review's updates folder with a name that says who and when, such as updates/2019-Q4-kcst.xlsx.".into(),
            ],
        )?;
        let ws = wb.add_worksheet().set_name(progress::SHEET)?;
        ws.write_string_with_format(0, 0, format!("Progress return {area_year}").trim(), &title_format())?;
        header_row(
            ws,
            2,
            &[
                (progress::REF, 8.0),
                (plan::PRIORITY, 22.0),
                (plan::ACTION, 44.0),
                (progress::STATUS, 13.0),
                (progress::UPDATE, 50.0),
                (progress::UPDATED_BY, 20.0),
                (progress::DATE, 12.0),
            ],
        )?;
        let fixed = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
        let input = input_format();
        let date = input_format().set_num_format("dd/mm/yyyy");
        let rows = actions.len() as u32 + BLANK_ROWS;
        for r in 0..rows {
            let row = 3 + r;
            match actions.get(r as usize) {
                Some((reference, priority, action)) => {
                    ws.write_string_with_format(row, 0, reference, &fixed)?;
                    ws.write_string_with_format(row, 1, priority, &fixed)?;
                    ws.write_string_with_format(row, 2, action, &fixed)?;
                    crate::report::fit_row(ws, row, &[(2, action)], &[8.0, 22.0, 44.0])?;
                }
                None => {
                    for c in 0..3 {
                        ws.write_blank(row, c, &input)?;
                    }
                }
            }
            ws.write_blank(row, 3, &input)?;
            ws.write_blank(row, 4, &input)?;
            ws.write_blank(row, 5, &input)?;
            ws.write_blank(row, 6, &date)?;
        }
        print_setup(ws, 2)?;
        let statuses: Vec<String> = Status::ALL.iter().map(|s| s.as_str().to_string()).collect();
        let formulas = lists(&mut wb, &[(progress::STATUS, statuses)])?;
        let ws = wb.worksheet_from_name(progress::SHEET)?;
        if let Some(f) = &formulas[0] {
            drop_down(ws, 3, 2 + rows, 3, f, "a status")?;
        }
        let dates = DataValidation::new()
            .allow_date(rust_xlsxwriter::DataValidationRule::GreaterThan(
                ExcelDateTime::from_ymd(2000, 1, 1)?,
            ))
            .set_error_title("Not a date")?
            .set_error_message("Type the date of the update, such as 31/03/2019.")?;
        ws.add_data_validation(3, 6, 2 + rows, 6, &dates)?;
        wb.save_to_buffer()
    })();
    made.map(|b| (b, inputs))
        .map_err(|e| Error::Usage(format!("the template could not be made: {e}")))
}

/// Period labels to start the indicators sheet with: the three calendar years before the review's year.
fn period_labels(year: Option<&str>) -> Vec<String> {
    match year.and_then(super::dates::financial_year_start) {
        Some(y) => (y - 3..y).map(|x| x.to_string()).collect(),
        None => vec!["Year 1".into(), "Year 2".into(), "Year 3".into()],
    }
}

fn indicators_bytes(review: Option<&Path>) -> Result<Vec<u8>> {
    let (area_year, year, names) = match review {
        Some(dir) => {
            let (r, items) = review_sets(dir)?;
            (
                format!("{} {}", r.area, r.year),
                Some(r.year.clone()),
                items.into_iter().map(|(n, _)| n).collect(),
            )
        }
        None => (String::new(), None, Vec::new()),
    };
    let periods = period_labels(year.as_deref());
    let made = (|| -> Result<Vec<u8>, XlsxError> {
        let mut wb = new_workbook(&format!("CSA indicators {area_year}"))?;
        instructions(
            &mut wb,
            &format!("Indicators {area_year}: how to fill in this workbook"),
            &[
                "Sheet Indicators: one row per indicator, under the priority it represents. The measures only give an indication of the direction of travel.".into(),
                "Better: which direction is good news: lower, higher or neither (reported domestic abuse may rise as confidence to report rises, so neither is common).".into(),
                "Periods: one column per period after Stated direction, headed by its label (2016, 2016/17, YE Sep 2017, Q1 2025-26...), oldest on the left. Rename or add period columns as needed; every label must contain a digit.".into(),
                "Values: numbers only (39756 or 39,756). Leave a cell blank, or write n/a or NYA, when the figure is not available: it is never read as zero. Put caveats (\"approx.\", \"not directly comparable\") in Note.".into(),
                "Stated change and Stated direction (optional): the change as published (+14.7%, up 20%, -5,885) and its direction (up, down, stable or an arrow); csa-review checks them against the figures.".into(),
            ],
        )?;
        let ws = wb.add_worksheet().set_name(ind::SHEET)?;
        ws.write_string_with_format(0, 0, format!("Indicators {area_year}").trim(), &title_format())?;
        let mut cols: Vec<(&str, f64)> = vec![
            (ind::PRIORITY, 22.0),
            (ind::INDICATOR, 32.0),
            (ind::BETTER, 9.0),
            (ind::UNIT, 9.0),
            (ind::GEOGRAPHY, 11.0),
            (ind::SOURCE, 16.0),
            (ind::NOTE, 24.0),
            (ind::STATED_CHANGE, 10.0),
            (ind::STATED_DIRECTION, 10.0),
        ];
        cols.extend(periods.iter().map(|p| (p.as_str(), 11.0)));
        header_row(ws, 2, &cols)?;
        blank_inputs(ws, 3, BLANK_ROWS, cols.len() as u16)?;
        print_setup(ws, 2)?;
        let formulas = lists(
            &mut wb,
            &[
                (plan::SHEET_PRIORITIES, names),
                (
                    ind::BETTER,
                    Better::ALL.iter().map(|b| b.as_str().to_string()).collect(),
                ),
                ("Direction", vec!["up".into(), "down".into(), "stable".into()]),
            ],
        )?;
        let ws = wb.worksheet_from_name(ind::SHEET)?;
        for (col, f, what) in [
            (0u16, &formulas[0], "a priority"),
            (2, &formulas[1], "lower, higher or neither"),
            (8, &formulas[2], "up, down or stable"),
        ] {
            if let Some(f) = f {
                drop_down(ws, 3, 2 + BLANK_ROWS, col, f, what)?;
            }
        }
        wb.save_to_buffer()
    })();
    made.map_err(|e| Error::Usage(format!("the template could not be made: {e}")))
}

/// A monitoring template's bytes, and the files of the review it was made from that no template may
/// replace (review.toml, the plan and indicators workbooks, the review's own inputs). With `lead`, a
/// progress return lists only the actions whose lead agency names it.
pub fn made(kind: Kind, review: Option<&Path>, lead: Option<&str>) -> Result<(Vec<u8>, Vec<PathBuf>)> {
    let (bytes, mut inputs) = match kind {
        Kind::Plan => (plan_bytes(review)?, Vec::new()),
        Kind::Progress => progress_bytes(review, lead)?,
        Kind::Indicators => (indicators_bytes(review)?, Vec::new()),
    };
    if let Some(dir) = review {
        inputs.push(dir.join(crate::config::REVIEW_FILE));
        if let Ok(s) = super::config::Settings::load(dir) {
            inputs.extend([s.plan, s.indicators, s.updates]);
        }
        if let Ok(r) = Review::load(dir) {
            inputs.push(r.submissions.clone());
            inputs.extend(r.morile.iter().cloned());
            inputs.extend(r.horizon.iter().cloned());
        }
    }
    Ok((bytes, inputs))
}

/// Write a monitoring template to `out`. It never replaces an existing file unless `force` is given, and
/// never an input of the review.
pub fn write_for(kind: Kind, review: Option<&Path>, out: &Path, force: bool, lead: Option<&str>) -> Result<()> {
    let (bytes, protected) = made(kind, review, lead)?;
    let real = crate::io::resolve_output(out, &protected)?;
    let mode = if force {
        crate::io::Replace::Allowed
    } else {
        crate::io::Replace::Never
    };
    crate::io::write_atomically(&real, mode, |w| w.write_all(&bytes))?;
    eprintln!("csa-review: wrote {}", out.display());
    Ok(())
}

/// [`write_for`] with no lead.
pub fn write(kind: Kind, review: Option<&Path>, out: &Path, force: bool) -> Result<()> {
    write_for(kind, review, out, force, None)
}

/// The action-plan template (`template plan`): the review's proposed priorities and themes with their leads.
pub fn write_plan_template(review: Option<&Path>, out: &Path, force: bool) -> Result<()> {
    write(Kind::Plan, review, out, force)
}

/// The progress-return template (`template progress`): the plan's actions listed by reference; with
/// `lead`, only the actions whose lead agency names it (one return per lead).
pub fn write_progress_template(review: Option<&Path>, out: &Path, force: bool, lead: Option<&str>) -> Result<()> {
    write_for(Kind::Progress, review, out, force, lead)
}

/// The indicators template (`template indicators`).
pub fn write_indicators_template(review: Option<&Path>, out: &Path, force: bool) -> Result<()> {
    write(Kind::Indicators, review, out, force)
}
