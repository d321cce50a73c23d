//! The blank templates the districts and the Working Group fill in (SPEC §6), with drop-down lists,
//! instructions, unlocked input cells and the rest protected (no password). They are read back unchanged.

use crate::config::Scheme;
use crate::read::horizon::Category;
use crate::read::submission::Identification;
use crate::schema::{horizon as pestelo, morile as mor, submission as sub};
use crate::taxonomy::Taxonomy;
use crate::vocab::{Confidence, Impact};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, Formula, ProtectionOptions,
    Workbook, Worksheet, XlsxError,
};

/// Rows offered for filling in below the header of a template's data sheet.
pub const BLANK_ROWS: u32 = 60;

/// What a template is made from: the review's partnerships (may be empty), taxonomy and scheme.
pub struct TemplateSource<'a> {
    pub area: &'a str,
    pub year: &'a str,
    pub partnerships: &'a [String],
    pub taxonomy: &'a Taxonomy,
    pub scheme: &'a Scheme,
}

struct Styles {
    title: Format,
    header: Format,
    label: Format,
    input: Format,
    text: Format,
}

fn styles() -> Styles {
    Styles {
        title: Format::new().set_bold().set_font_size(14),
        header: Format::new()
            .set_bold()
            .set_background_color(0xD9E1F2)
            .set_border(rust_xlsxwriter::FormatBorder::Thin),
        label: Format::new().set_bold(),
        input: Format::new()
            .set_unlocked()
            .set_background_color(0xFFF2CC)
            .set_border(rust_xlsxwriter::FormatBorder::Thin)
            .set_text_wrap(),
        text: Format::new().set_text_wrap(),
    }
}

fn new_workbook(title: &str) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(title)
        .set_author(format!("csa-review {}", crate::VERSION))
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(&props);
    Ok(wb)
}

fn instructions(ws: &mut Worksheet, s: &Styles, title: &str, lines: &[String]) -> Result<(), XlsxError> {
    ws.set_name("Instructions")?;
    ws.write_string_with_format(0, 0, title, &s.title)?;
    for (i, line) in lines.iter().enumerate() {
        ws.write_string_with_format(2 + i as u32, 0, line, &s.text)?;
        super::fit_row(ws, 2 + i as u32, &[(0, line)], &[110.0])?;
    }
    ws.set_column_width(0, 110)?;
    print_setup(ws);
    ws.protect();
    Ok(())
}

/// A hidden sheet `Lists` holding the drop-down values in columns; returns the formula of each column.
fn lists(ws: &mut Worksheet, columns: &[(&str, Vec<String>)]) -> Result<Vec<Option<Formula>>, XlsxError> {
    ws.set_name("Lists")?;
    let mut formulas = Vec::new();
    for (c, (title, values)) in columns.iter().enumerate() {
        ws.write_string(0, c as u16, *title)?;
        for (r, v) in values.iter().enumerate() {
            ws.write_string(1 + r as u32, c as u16, v)?;
        }
        let col = crate::read::a1(0, c as u32).trim_end_matches('1').to_string();
        formulas
            .push((!values.is_empty()).then(|| Formula::new(format!("=Lists!${col}$2:${col}${}", values.len() + 1))));
    }
    ws.set_hidden(true);
    ws.protect();
    Ok(formulas)
}

/// Landscape, one page wide.
fn print_setup(ws: &mut Worksheet) {
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_paper_size(9);
}

fn protect_data_sheet(ws: &mut Worksheet) {
    print_setup(ws);
    let options = ProtectionOptions {
        insert_rows: true,
        delete_rows: true,
        format_columns: true,
        ..ProtectionOptions::new()
    };
    ws.protect_with_options(&options);
}

/// Every issue name and the common sub-issues: the drop-down of the Issue column.
fn issue_choices(t: &Taxonomy) -> Vec<String> {
    let mut v: Vec<String> = t.issues.iter().map(|i| i.name.clone()).collect();
    for i in &t.issues {
        v.extend(i.sub_issues.iter().cloned());
    }
    v
}

/// The district strategic-assessment template (SPEC §4.1).
pub fn district(src: &TemplateSource) -> Result<Vec<u8>, XlsxError> {
    let s = styles();
    let mut wb = new_workbook(&format!(
        "{} community safety strategic assessment return {}",
        src.area, src.year
    ))?;
    let lines = vec![
        format!("This workbook is your partnership's return for the {} Community Safety Agreement review {}.", src.area, src.year),
        "1. On the Submission sheet, choose your partnership's name and fill in the other yellow cells.".into(),
        "2. On the Issues sheet, every community safety issue of the county list is already named. For each one your strategic assessment identified, choose in 'Identified as' whether it is a Main priority, a Cross-cutting theme or Part of broader theme. Leave it blank (or choose Not identified) when it is not one of yours.".into(),
        "3. You may name sub-issues (for example CSE, Modern Slavery, PREVENT, Drugs and Alcohol) or issues of your own in the blank rows below. Names of your own are welcome: they are listed as other focus areas.".into(),
        "4. 'Local heading' is the heading the issue sits under in your own plan; 'Notes' is for anything the county team should know.".into(),
        "5. Please do not rename the sheets or the column headings, and do not add a password. Save as .xlsx and send it back.".into(),
        "Each partnership counts once per issue, with its strongest identification: Main priority, then Cross-cutting theme, then Part of broader theme.".into(),
    ];
    instructions(wb.add_worksheet(), &s, "How to fill in this return", &lines)?;

    let identified: Vec<String> = Identification::CHOICES.iter().map(|i| i.label().to_string()).collect();
    let choices = issue_choices(src.taxonomy);
    let (p_formula, i_formula, id_formula) = {
        let mut ws = Worksheet::new();
        let f = lists(
            &mut ws,
            &[
                (sub::PARTNERSHIP, src.partnerships.to_vec()),
                (sub::ISSUE, choices.clone()),
                (sub::IDENTIFIED_AS, identified.clone()),
            ],
        )?;
        wb.push_worksheet(ws);
        (f[0].clone(), f[1].clone(), f[2].clone())
    };

    let ws = wb.add_worksheet();
    ws.set_name(sub::SHEET_SUBMISSION)?;
    ws.write_string_with_format(0, 0, format!("Strategic assessment return {}", src.year), &s.title)?;
    for (i, label) in sub::LABELS.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_string_with_format(r, 0, *label, &s.label)?;
        if *label == sub::ASSESSMENT_YEAR {
            ws.write_string_with_format(r, 1, src.year, &s.input)?;
        } else if *label == sub::DATE_COMPLETED {
            ws.write_blank(r, 1, &s.input.clone().set_num_format("dd/mm/yyyy"))?;
        } else {
            ws.write_blank(r, 1, &s.input)?;
        }
    }
    if let Some(f) = p_formula {
        let dv = DataValidation::new()
            .allow_list_formula(f)
            .set_input_message("Choose your partnership")?;
        ws.add_data_validation(2, 1, 2, 1, &dv)?;
    }
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 50)?;
    // A one-page form: A4 portrait, fitted to the page.
    ws.set_paper_size(9);
    ws.set_portrait();
    ws.set_print_fit_to_pages(1, 1);
    ws.protect();

    let ws = wb.add_worksheet();
    ws.set_name(sub::SHEET_ISSUES)?;
    ws.write_string_with_format(
        0,
        0,
        "Community safety issues identified in the strategic assessment",
        &s.title,
    )?;
    for (c, h) in sub::ISSUES_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &s.header)?;
    }
    let first = 3u32;
    let named = src.taxonomy.issues.len() as u32;
    let last = first + named + BLANK_ROWS - 1;
    for r in first..=last {
        let i = (r - first) as usize;
        match src.taxonomy.issues.get(i) {
            Some(issue) => ws.write_string_with_format(r, 0, &issue.name, &s.input)?,
            None => ws.write_blank(r, 0, &s.input)?,
        };
        for c in 1..sub::ISSUES_COLUMNS.len() as u16 {
            ws.write_blank(r, c, &s.input)?;
        }
    }
    if let Some(f) = i_formula {
        // Information style: the list helps, but an issue of the partnership's own is still allowed.
        let dv = DataValidation::new()
            .allow_list_formula(f)
            .set_error_style(DataValidationErrorStyle::Information)
            .set_error_title("Not on the county list")?
            .set_error_message(
                "This name is not on the county list. It will be kept and listed as an other focus area.",
            )?;
        ws.add_data_validation(first, 0, last, 0, &dv)?;
    }
    if let Some(f) = id_formula {
        let dv = DataValidation::new()
            .allow_list_formula(f)
            .ignore_blank(true)
            .set_error_title(sub::IDENTIFIED_AS)?
            .set_error_message(format!("Choose {}.", Identification::choices()))?;
        ws.add_data_validation(first, 1, last, 1, &dv)?;
    }
    ws.set_freeze_panes(3, 0)?;
    for (c, w) in [(0u16, 45), (1, 24), (2, 30), (3, 50)] {
        ws.set_column_width(c, w)?;
    }
    protect_data_sheet(ws);
    wb.save_to_buffer()
}

/// The MoRiLE scoring template (SPEC §4.2), with a drop-down of levels for each factor column.
pub fn morile(src: &TemplateSource) -> Result<Vec<u8>, XlsxError> {
    let s = styles();
    let mut wb = new_workbook(&format!("{} MoRiLE assessment {}", src.area, src.year))?;
    let factors: Vec<String> = src.scheme.all_factors().cloned().collect();
    let mut lines = vec![
        "One row per assessed item on the MoRiLE sheet. 'Item' is required; 'Issue' links the item to an issue of the county list (leave it blank when the item's name is itself an issue or sub-issue).".to_string(),
        "Each factor cell takes a level from its drop-down, or its points. The levels and points below are csa-review's local defaults, not official MoRiLE values; a review may change them in review.toml.".into(),
    ];
    for f in &factors {
        let levels = src.scheme.levels[f]
            .iter()
            .map(|(l, p)| format!("{l} {}", crate::read::sheet::format_number(*p)))
            .collect::<Vec<_>>()
            .join(", ");
        lines.push(format!("{f}: {levels}"));
    }
    lines.push("Harm and likelihood are summed; the score is Harm x Likelihood x a multiplier from the organisational position. 'Confidence' (High, Medium, Low) is shown beside the score: Low marks an intelligence gap.".into());
    lines.push("Instead of the factor columns a sheet may hold a single 'Score' column (already scored) or a 'Rank' column (ranked elsewhere).".into());
    instructions(wb.add_worksheet(), &s, "How to fill in the MoRiLE assessment", &lines)?;

    let mut columns: Vec<(&str, Vec<String>)> =
        vec![(mor::ISSUE, src.taxonomy.issues.iter().map(|i| i.name.clone()).collect())];
    for f in &factors {
        columns.push((f.as_str(), src.scheme.levels[f].keys().cloned().collect()));
    }
    columns.push((
        mor::CONFIDENCE,
        Confidence::ALL.iter().map(|c| c.as_str().to_string()).collect(),
    ));
    let formulas = {
        let mut ws = Worksheet::new();
        let f = lists(&mut ws, &columns)?;
        wb.push_worksheet(ws);
        f
    };
    let ws = wb.add_worksheet();
    ws.set_name(mor::SHEET)?;
    ws.write_string_with_format(
        0,
        0,
        format!(
            "MoRiLE assessment {}: local default scheme, not official MoRiLE values",
            src.year
        ),
        &s.title,
    )?;
    let mut header: Vec<&str> = vec![mor::ITEM, mor::ISSUE];
    header.extend(factors.iter().map(String::as_str));
    header.push(mor::CONFIDENCE);
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &s.header)?;
    }
    let (first, last) = (3u32, 3 + BLANK_ROWS - 1);
    for r in first..=last {
        for c in 0..header.len() as u16 {
            ws.write_blank(r, c, &s.input)?;
        }
    }
    for (i, f) in formulas.into_iter().enumerate() {
        let Some(f) = f else { continue };
        // Factor cells may hold points as well as labels: warn, do not stop.
        let dv = DataValidation::new()
            .allow_list_formula(f)
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_message("Choose a level from the list, or type its points.")?;
        let col = i as u16 + 1;
        ws.add_data_validation(first, col, last, col, &dv)?;
    }
    ws.set_freeze_panes(3, 1)?;
    ws.set_column_width(0, 36)?;
    ws.set_column_width(1, 30)?;
    for c in 2..header.len() as u16 {
        ws.set_column_width(c, 14)?;
    }
    protect_data_sheet(ws);
    wb.save_to_buffer()
}

/// The PESTELO horizon-scan template (SPEC §4.3).
pub fn horizon(src: &TemplateSource) -> Result<Vec<u8>, XlsxError> {
    let s = styles();
    let mut wb = new_workbook(&format!("{} PESTELO horizon scan {}", src.area, src.year))?;
    let lines = vec![
        "One row per item on the PESTELO sheet: its Category (Political, Economic, Social / Demographic, Technological, Environmental, Legislation, Organisational) and the Item.".to_string(),
        "'Related issues' names the issues of the county list the item bears on, separated by ';' (for example: Domestic Abuse; Mental Health). Each related issue gains the item's impact points.".into(),
        "'Impact' is High (3), Medium (2) or Low (1); blank counts as Low. 'Timescale' is free text.".into(),
    ];
    instructions(wb.add_worksheet(), &s, "How to fill in the horizon scan", &lines)?;
    let formulas = {
        let mut ws = Worksheet::new();
        let f = lists(
            &mut ws,
            &[
                (
                    pestelo::CATEGORY,
                    Category::ALL.iter().map(|c| c.heading().to_string()).collect(),
                ),
                (
                    pestelo::IMPACT,
                    Impact::ALL.iter().map(|i| i.label().to_string()).collect(),
                ),
                (sub::ISSUE, src.taxonomy.issues.iter().map(|i| i.name.clone()).collect()),
            ],
        )?;
        wb.push_worksheet(ws);
        f
    };
    let ws = wb.add_worksheet();
    ws.set_name(pestelo::SHEET)?;
    ws.write_string_with_format(0, 0, format!("PESTELO horizon scan {}", src.year), &s.title)?;
    for (c, h) in pestelo::COLUMNS.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &s.header)?;
    }
    let (first, last) = (3u32, 3 + BLANK_ROWS - 1);
    for r in first..=last {
        for c in 0..pestelo::COLUMNS.len() as u16 {
            ws.write_blank(r, c, &s.input)?;
        }
    }
    if let Some(f) = formulas[0].clone() {
        ws.add_data_validation(first, 0, last, 0, &DataValidation::new().allow_list_formula(f))?;
    }
    if let Some(f) = formulas[1].clone() {
        ws.add_data_validation(
            first,
            3,
            last,
            3,
            &DataValidation::new().allow_list_formula(f).ignore_blank(true),
        )?;
    }
    if let Some(f) = formulas[2].clone() {
        let dv = DataValidation::new()
            .allow_list_formula(f)
            .set_error_style(DataValidationErrorStyle::Information)
            .set_error_message("Several issues may be given, separated by ';'.")?;
        ws.add_data_validation(first, 2, last, 2, &dv)?;
    }
    ws.set_freeze_panes(3, 0)?;
    for (c, w) in [(0u16, 30), (1, 60), (2, 45), (3, 10), (4, 16)] {
        ws.set_column_width(c, w)?;
    }
    protect_data_sheet(ws);
    wb.save_to_buffer()
}
