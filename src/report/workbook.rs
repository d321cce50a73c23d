//! The refreshed workbook of SPEC §8, laid out from the report sections and set up to print like the
//! published appendices (§8.1); and writing files safely.

use super::sections::{self, Cell, Report, Section, Shown};
use crate::Assessment;
use crate::error::{Location, Problem, Severity};
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFont, ChartType, Color, ConditionalFormatText, ConditionalFormatTextRule,
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

type XResult<T = ()> = std::result::Result<T, XlsxError>;

/// The sheet names, in their order: the eight of SPEC §8, with Sensitivity after Ranking and Action plan
/// after Comparison.
pub use crate::schema::output::SHEETS;

/// The most characters a spreadsheet cell holds (Excel's limit).
pub const CELL_LIMIT: usize = 32_767;

/// Column widths (in characters of the default font), chosen so that each sheet printed one page wide on
/// A4 landscape keeps its text at 8 points or more (SPEC §8.1): no sheet is wider than about 180 characters.
const SUMMARY_WIDTHS: [f64; 2] = [30.0, 110.0];
const APPENDIX_A_WIDTHS: [f64; 6] = [46.0, 15.0, 11.0, 12.0, 12.0, 56.0];
const APPENDIX_B_WIDTHS: [f64; 10] = [7.0, 30.0, 30.0, 9.0, 11.0, 15.0, 11.0, 10.0, 10.0, 24.0];
const APPENDIX_C_WIDTHS: [f64; 6] = [22.0, 62.0, 38.0, 9.0, 9.0, 16.0];
const RANKING_WIDTHS: [f64; 13] = [6.0, 26.0, 7.0, 8.0, 9.0, 9.0, 11.0, 9.0, 9.0, 11.0, 17.0, 34.0, 28.0];
const SENSITIVITY_WIDTHS: [f64; 7] = [34.0, 10.0, 14.0, 18.0, 10.0, 10.0, 10.0];
const COMPARISON_WIDTHS: [f64; 10] = [14.0, 26.0, 26.0, 13.0, 36.0, 20.0, 20.0, 9.0, 9.0, 12.0];
const ACTION_PLAN_WIDTHS: [f64; 6] = [8.0, 40.0, 40.0, 30.0, 14.0, 30.0];
const DATA_QUALITY_WIDTHS: [f64; 5] = [30.0, 14.0, 34.0, 72.0, 16.0];
const PROVENANCE_WIDTHS: [f64; 3] = [36.0, 60.0, 66.0];

/// Height of one line of wrapped 11-point text, in points (Excel and LibreOffice use about 14).
const LINE: f64 = 14.5;

struct Styles {
    title: Format,
    header: Format,
    /// The heading of a column of numbers, over its figures: on the right (ranks in the middle).
    header_right: Format,
    header_centre: Format,
    /// Text in a table: wrapped, top-aligned, indented so it never touches a number to its left.
    text: Format,
    bold: Format,
    /// Whole numbers, right-aligned with padding so they never touch the text to their right.
    whole: Format,
    decimal3: Format,
    decimal2: Format,
    percent: Format,
    /// Ranks, centred so that "12" and "12=" line up.
    rank: Format,
    /// Notes and footnotes: merged across the table's width and wrapped.
    note: Format,
}

impl Styles {
    fn new() -> Styles {
        let number = |f: &str| Format::new().set_num_format(f).set_align(FormatAlign::Top);
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            header: header.clone(),
            header_right: header.clone().set_align(FormatAlign::Right),
            header_centre: header.set_align(FormatAlign::Center),
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top).set_indent(1),
            bold: Format::new().set_bold().set_align(FormatAlign::Top),
            whole: number("0_);-0_)"),
            decimal3: number("0.000_);-0.000_)"),
            decimal2: number("0.00_);-0.00_)"),
            percent: number("0%_)"),
            rank: Format::new()
                .set_num_format("0")
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::Top),
            note: Format::new()
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Left),
        }
    }
}

/// One sheet being written: the worksheet, its styles, its column widths, and the cells it had to shorten.
struct Page<'a> {
    ws: &'a mut Worksheet,
    s: &'a Styles,
    widths: &'a [f64],
    shortened: &'a mut Vec<Problem>,
}

/// How many lines `text` takes wrapped in a column `width` characters wide (an estimate on the safe side:
/// spreadsheet programs do not always fit row heights on opening).
fn lines_in(text: &str, width: f64) -> usize {
    // A column `width` characters wide holds about that many characters of ordinary text in the default
    // font, less one for the indent.
    let chars = (width * 1.05 - 1.0).floor().max(3.0) as usize;
    text.split('\n').map(|l| textwrap::wrap(l, chars).len().max(1)).sum()
}

/// A text no longer than a cell holds: a longer one is cut and marked (SPEC §8).
fn shorten(text: &str) -> Option<String> {
    let n = text.chars().count();
    if n <= CELL_LIMIT {
        return None;
    }
    let mark = format!(" … [shortened by csa-review: {n} characters in all; the JSON output holds the whole text]");
    let keep = CELL_LIMIT - mark.chars().count();
    Some(text.chars().take(keep).collect::<String>() + &mark)
}

impl Page<'_> {
    fn name(&self) -> String {
        self.ws.name()
    }

    fn string(&mut self, row: u32, col: u16, text: &str, format: &Format) -> XResult {
        match shorten(text) {
            None => self.ws.write_string_with_format(row, col, text, format)?,
            Some(short) => {
                let name = self.name();
                self.shortened.push(Problem {
                    location: Location::cell("the output workbook", name, crate::read::sheet::a1(row, u32::from(col))),
                    severity: Severity::Warning,
                    message: format!(
                        "a text of {} characters is longer than a spreadsheet cell holds ({CELL_LIMIT}); it was shortened and marked",
                        text.chars().count()
                    ),
                });
                self.ws.write_string_with_format(row, col, short, format)?
            }
        };
        Ok(())
    }

    /// Write one cell of a section: a number as a number in its format, text wrapped.
    fn cell(&mut self, row: u32, col: u16, c: &Cell, rank: bool) -> XResult {
        let s = self.s;
        match c.number {
            Some(n) => {
                let f = match c.shown {
                    _ if rank => &s.rank,
                    Shown::Whole => &s.whole,
                    Shown::Places(3) => &s.decimal3,
                    Shown::Places(_) => &s.decimal2,
                    Shown::Percent => &s.percent,
                };
                self.ws.write_number_with_format(row, col, n, f)?;
            }
            None if c.is_empty() => {}
            None if rank => self.string(row, col, &c.text, &s.rank)?,
            None => self.string(row, col, &c.text, &s.text)?,
        }
        Ok(())
    }

    /// Make a row tall enough for the wrapped text of its cells.
    fn fit(&mut self, row: u32, texts: &[(u16, &str)], format_lines: f64) -> XResult {
        let lines = texts
            .iter()
            .map(|(c, t)| lines_in(t, self.widths.get(*c as usize).copied().unwrap_or(10.0)))
            .max()
            .unwrap_or(1);
        let height = LINE * lines.max(1) as f64 * format_lines;
        if lines > 1 || format_lines > 1.0 {
            self.ws.set_row_height(row, height.min(409.0))?;
        }
        Ok(())
    }

    /// A header row, tall enough for its wrapped headings.
    fn header(&mut self, row: u32, headings: &[&str]) -> XResult {
        let s = self.s;
        for (c, h) in headings.iter().enumerate() {
            self.ws.write_string_with_format(row, c as u16, *h, &s.header)?;
        }
        let texts: Vec<(u16, &str)> = headings.iter().enumerate().map(|(c, h)| (c as u16, *h)).collect();
        // Bold text is wider: allow for it.
        let lines = texts
            .iter()
            .map(|(c, t)| lines_in(t, self.widths.get(*c as usize).copied().unwrap_or(10.0) * 0.9))
            .max()
            .unwrap_or(1);
        self.ws.set_row_height(row, LINE * lines as f64 + 2.0)?;
        Ok(())
    }

    /// The rows of a section's columns `keys` from `row` on, under their header row; returns the next free
    /// row. A column of numbers is headed on the right (ranks in the middle), so that each heading stands
    /// over its own figures however wide the column is.
    fn rows(&mut self, row: u32, section: &Section, keys: &[&str]) -> XResult<u32> {
        let (headings, rows) = section.pick(keys);
        let s = self.s;
        for (c, heading) in headings.iter().enumerate() {
            let mut filled = rows.iter().map(|r| r[c]).filter(|x| !x.is_empty()).peekable();
            let rank = keys[c].ends_with("rank");
            let numeric =
                filled.peek().is_some() && filled.all(|x| x.number.is_some() || rank && x.text.ends_with('='));
            if numeric && row > 0 {
                let format = if rank { &s.header_centre } else { &s.header_right };
                self.ws.write_string_with_format(row - 1, c as u16, *heading, format)?;
            }
        }
        let mut r = row;
        for cells in rows {
            for (c, cell) in cells.iter().enumerate() {
                self.cell(r, c as u16, cell, keys[c].ends_with("rank"))?;
            }
            let texts: Vec<(u16, &str)> = cells
                .iter()
                .enumerate()
                .filter(|(_, c)| c.number.is_none())
                .map(|(i, c)| (i as u16, c.text.as_str()))
                .collect();
            self.fit(r, &texts, 1.0)?;
            r += 1;
        }
        Ok(r)
    }

    /// A note across the table's width: merged over its columns and wrapped, so it never widens the page.
    fn note(&mut self, row: u32, text: &str, format: Option<&Format>) -> XResult {
        let s = self.s;
        let format = format.unwrap_or(&s.note);
        let last = self.widths.len().max(1) as u16 - 1;
        let total: f64 = self.widths.iter().sum();
        let text = shorten(text).unwrap_or_else(|| text.to_string());
        if last == 0 {
            self.ws.write_string_with_format(row, 0, &text, format)?;
        } else {
            self.ws.merge_range(row, 0, row, last, &text, format)?;
        }
        let lines = lines_in(&text, total);
        if lines > 1 {
            self.ws.set_row_height(row, (LINE * lines as f64).min(409.0))?;
        }
        Ok(())
    }

    /// A bar chart of `values` against `categories` (sheet columns), every bar labelled with its name and value.
    fn bar_chart(&mut self, at: u32, title: &str, name: &str, rows: (u32, u32), (cat, val): (u16, u16)) -> XResult {
        let sheet = self.name();
        let (first, last) = rows;
        let n = last + 1 - first;
        let mut font = ChartFont::new();
        font.set_size(10);
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_categories((sheet.as_str(), first, cat, last, cat))
            .set_values((sheet.as_str(), first, val, last, val))
            .set_name(name)
            .set_data_label(ChartDataLabel::new().show_value().set_font(&font));
        let mut title_font = ChartFont::new();
        title_font.set_size(12).set_bold();
        chart.title().set_name(title).set_font(&title_font);
        chart.y_axis().set_reverse().set_label_interval(1).set_font(&font);
        chart.x_axis().set_font(&font);
        chart.legend().set_hidden();
        // As wide as the table (never wider, so it never widens the page), tall enough for every label.
        let table_px: f64 = self.widths.iter().map(|w| w * 7.0 + 5.0).sum();
        chart.set_width(table_px.min(1000.0) as u32).set_height(120 + 26 * n);
        // The chart starts a page of its own, so that it is never cut or printed under repeated rows.
        self.ws.set_page_breaks(&[at])?;
        self.ws.insert_chart(at, 0, &chart)?;
        Ok(())
    }
}

/// A4 landscape, one page wide, the title and area/year in the page header, header rows repeated.
fn page_setup(ws: &mut Worksheet, a: &Assessment, title: &str, repeat: Option<u32>) -> XResult {
    let escape = |t: &str| t.replace('&', "&&").chars().take(100).collect::<String>();
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.7, 0.6, 0.3, 0.3);
    ws.set_header(format!(
        "&L{}&R{} {}",
        escape(title),
        escape(&a.review.area),
        escape(&a.review.year)
    ));
    ws.set_footer("&RPage &P of &N");
    if let Some(last) = repeat {
        ws.set_repeat_rows(0, last)?;
    }
    Ok(())
}

/// Title in A1, the header in row 2 (frozen, repeated on every printed page).
fn start(p: &mut Page, a: &Assessment, title: &str, headings: &[&str]) -> XResult {
    let s = p.s;
    p.ws.write_string_with_format(0, 0, title, &s.title)?;
    p.ws.set_row_height(0, 21.0)?;
    p.header(1, headings)?;
    p.ws.set_freeze_panes(2, 0)?;
    page_setup(p.ws, a, title, Some(1))?;
    for (c, w) in p.widths.iter().enumerate() {
        p.ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

/// Label and value lines from `row`, labels bold; returns the next free row.
fn facts(p: &mut Page, row: u32, facts: &[(String, Cell)]) -> XResult<u32> {
    let s = p.s;
    let mut r = row;
    for (label, value) in facts {
        p.ws.write_string_with_format(r, 0, label, &s.bold)?;
        match value.number {
            // A figure beside its label reads from the left, like the text values around it.
            Some(n) => {
                p.ws.write_number_with_format(r, 1, n, &s.whole.clone().set_align(FormatAlign::Left).set_indent(1))?;
            }
            None => {
                p.cell(r, 1, value, false)?;
                p.fit(r, &[(1, &value.text)], 1.0)?;
            }
        }
        r += 1;
    }
    Ok(r)
}

fn summary(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let s = p.s;
    p.ws.write_string_with_format(0, 0, &rep.title, &s.title)?;
    p.ws.set_row_height(0, 21.0)?;
    for (c, w) in p.widths.iter().enumerate() {
        p.ws.set_column_width(c as u16, *w)?;
    }
    facts(p, 2, &rep.summary.facts)?;
    page_setup(p.ws, a, &rep.title, Some(0))
}

fn appendix_a(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let sec = &rep.appendix_a;
    let keys = sections::with(&sections::APPENDIX_A_COUNTS, &["partnerships"]);
    let (headings, _) = sec.pick(&keys);
    start(p, a, &sec.title, &headings)?;
    let mut r = p.rows(2, sec, &keys)?;
    let last = r - 1;
    let s = p.s;
    p.ws.write_string_with_format(r, 0, crate::schema::output::TOTAL, &s.bold)?;
    if let Some(t) = sec.fact(crate::schema::output::TOTAL) {
        p.ws.write_number_with_format(r, 1, t.number.unwrap_or_default(), &s.whole.clone().set_bold())?;
    }
    r += 2;
    let others = sec
        .fact("Other focus areas")
        .map(|c| c.text.clone())
        .unwrap_or_default();
    p.note(r, &format!("Other focus areas: {others}"), None)?;
    p.note(r + 1, &sec.notes[2], None)?;
    if !sec.rows.is_empty() {
        p.bar_chart(r + 3, &sec.title, "No. of CSPs", (2, last), (0, 1))?;
    }
    Ok(())
}

/// Colour the band names in a column: the first band red, the last green, others amber.
fn band_colours(p: &mut Page, a: &Assessment, first_row: u32, last_row: u32, col: u16) -> XResult {
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
        p.ws.add_conditional_format(first_row, col, last_row, col, &cf)?;
    }
    Ok(())
}

fn appendix_b(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let sec = &rep.appendix_b;
    let keys = sec.keys();
    start(p, a, &sec.title, &sec.headings())?;
    if a.morile.is_none() {
        let s = p.s;
        p.ws.write_string_with_format(
            2,
            0,
            sec.empty.as_deref().unwrap_or_default(),
            &s.text.clone().set_indent(0),
        )?;
        return Ok(());
    }
    let mut r = p.rows(2, sec, &keys)?;
    band_colours(p, a, 2, r.saturating_sub(1), 8)?;
    r += 1;
    for (i, n) in sec.notes.iter().enumerate() {
        p.note(r + i as u32, n, None)?;
    }
    if !sec.rows.is_empty() {
        p.bar_chart(
            r + 3,
            &sec.title,
            "MoRiLE score",
            (2, 1 + sec.rows.len() as u32),
            (1, 7),
        )?;
    }
    Ok(())
}

fn appendix_c(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let sec = &rep.appendix_c;
    let keys = sec.keys();
    start(p, a, &sec.title, &sec.headings())?;
    p.rows(2, sec, &keys)?;
    Ok(())
}

fn ranking(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let sec = &rep.ranking;
    let keys = sections::with(
        &sections::RANKING_FIGURES,
        &[
            "morile_rank",
            "morile_band",
            "current",
            "recommendation",
            "reason",
            "decision",
        ],
    );
    let (headings, _) = sec.pick(&keys);
    start(p, a, &sec.title, &headings)?;
    let mut r = p.rows(2, sec, &keys)?;
    band_colours(p, a, 2, r.saturating_sub(1), 8)?;
    r += 1;
    let s = p.s;
    p.ws.write_string_with_format(r, 0, "Weights", &s.bold)?;
    for (i, (label, value)) in sec.facts.iter().enumerate() {
        let row = r + 1 + i as u32;
        p.ws.write_string_with_format(row, 1, label, &s.text)?;
        p.cell(row, 2, value, false)?;
    }
    p.note(r + 6, &sec.notes[1], None)?;
    Ok(())
}

fn sensitivity(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let sec = &rep.sensitivity;
    let keys = sec.keys();
    start(p, a, &sec.title, &sec.headings())?;
    let r = p.rows(2, sec, &keys)?;
    for (i, n) in sec.notes.iter().enumerate() {
        p.note(r + 1 + i as u32, n, None)?;
    }
    Ok(())
}

/// A skeleton action plan per proposed priority, with the columns of the published 2018/19 plan.
fn action_plan(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let s = p.s;
    let title = format!(
        "{} Community Safety Agreement action plan {} (skeleton)",
        a.review.area, a.review.year
    );
    p.ws.write_string_with_format(0, 0, &title, &s.title)?;
    let header = [
        "No.",
        "Objective / Planned Outcomes",
        "Actions",
        "Measure",
        "Timescale",
        "Lead Agency",
    ];
    let mut r = 2u32;
    for (n, name) in a.outcome.priorities.iter().enumerate() {
        let lead = a.review.lead(name, a.outcome.priority_issue(name));
        p.string(r, 0, &format!("Priority: {name}"), &s.bold)?;
        p.string(
            r + 1,
            0,
            &format!("Lead: {}", lead.unwrap_or("(to be agreed)")),
            &Format::new(),
        )?;
        p.ws.write_string(r + 2, 0, "Aim:")?;
        p.header(r + 3, &header)?;
        for o in 1..=3 {
            p.ws.write_string_with_format(r + 3 + o, 0, format!("{}.{}", n + 1, o), &s.text)?;
        }
        r += 9;
    }
    for (c, w) in p.widths.iter().enumerate() {
        p.ws.set_column_width(c as u16, *w)?;
    }
    page_setup(p.ws, a, &title, Some(0))?;
    let _ = rep;
    Ok(())
}

fn comparison(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let sec = &rep.comparison;
    let keys = sec.keys();
    start(p, a, &sec.title, &sec.headings())?;
    let mut r = p.rows(2, sec, &keys)?;
    r += 1;
    let s = p.s;
    p.note(r, &sec.notes[0], Some(&s.bold.clone().set_text_wrap()))?;
    if let Some(d) = &rep.delivery {
        r += 2;
        p.note(r, &d.title, Some(&s.bold.clone().set_text_wrap()))?;
        r += 1;
        // Seven columns, as the comparison above has: the issue is in the comparison's own rows.
        let keys = &d.keys()[..7];
        let (headings, _) = d.pick(keys);
        p.header(r, &headings)?;
        r = p.rows(r + 1, d, keys)?;
        for n in &d.notes {
            r += 1;
            p.note(r, n, None)?;
        }
    }
    if let Some(m) = &rep.movement {
        r += 2;
        p.note(r, &m.title, Some(&s.bold.clone().set_text_wrap()))?;
        r += 1;
        p.header(r, &m.headings())?;
        let keys = m.keys();
        p.rows(r + 1, m, &keys)?;
    }
    Ok(())
}

fn data_quality(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let sec = &rep.data_quality;
    let keys = sec.keys();
    start(p, a, &sec.title, &sec.headings())?;
    let mut r = p.rows(2, sec, &keys)?;
    r += 1;
    let s = p.s;
    if let Some(n) = &rep.names_used {
        p.ws.write_string_with_format(r, 0, &n.title, &s.bold)?;
        r += 1;
        p.header(r, &n.headings())?;
        let keys = n.keys();
        r = p.rows(r + 1, n, &keys)? + 1;
    }
    let w = &rep.warnings;
    p.ws.write_string_with_format(r, 0, &w.title, &s.bold)?;
    r += 1;
    p.header(r, &w.headings())?;
    let keys = w.keys();
    p.rows(r + 1, w, &keys)?;
    Ok(())
}

fn provenance(p: &mut Page, a: &Assessment, rep: &Report) -> XResult {
    let sec = &rep.provenance;
    start(p, a, &sec.title, &sec.headings())?;
    let mut r = facts(p, 2, &sec.facts)?;
    r += 1;
    let inputs = &rep.inputs;
    p.header(r, &inputs.headings())?;
    let keys = inputs.keys();
    p.rows(r + 1, inputs, &keys)?;
    Ok(())
}

/// The workbook's bytes. The same assessment always gives the same bytes (the creation date is fixed).
pub fn build(a: &Assessment) -> XResult<Vec<u8>> {
    build_with_warnings(a).map(|(bytes, _)| bytes)
}

/// The workbook's bytes, and a warning for each text too long for a cell (shortened and marked, SPEC §8).
/// The warnings are also listed on the workbook's own Data quality sheet.
pub fn build_with_warnings(a: &Assessment) -> XResult<(Vec<u8>, Vec<Problem>)> {
    let mut rep = sections::build(a);
    // A first pass finds the texts too long for a cell, so that the Data quality sheet can list them.
    let (bytes, shortened) = write(a, &rep)?;
    if shortened.is_empty() {
        return Ok((bytes, shortened));
    }
    for w in &shortened {
        let l = &w.location;
        rep.warnings.rows.push(vec![
            Cell::opt(l.file.clone()),
            Cell::opt(l.sheet.clone()),
            Cell::opt(l.cell.clone()),
            Cell::text(&w.message),
        ]);
    }
    write(a, &rep).map(|(bytes, _)| (bytes, shortened))
}

/// The zip compression level of the workbook (1 fastest to 9 smallest; rust_xlsxwriter's default is 6).
const ZIP_LEVEL: u8 = 3;

fn write(a: &Assessment, rep: &Report) -> XResult<(Vec<u8>, Vec<Problem>)> {
    let s = Styles::new();
    let mut wb = Workbook::new();
    // Zip level 3 rather than 6, chosen by measurement (examples/floor_zip_levels.rs, issue 18): at 1,000
    // partnerships the save takes 8.3 ms instead of 12.9 ms for a file 7.7% larger. The same bytes every run.
    wb.set_zip_compression_level(ZIP_LEVEL);
    let props = DocProperties::new()
        .set_title(&rep.title)
        .set_subject("Annual review of community safety priorities: Appendices A to C, ranking and comparison")
        .set_author(format!("csa-review {}", crate::VERSION))
        .set_comment("Written by csa-review")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(&props);
    type SheetFn = fn(&mut Page, &Assessment, &Report) -> XResult;
    let sheets: [(&str, SheetFn, &[f64]); 10] = [
        (SHEETS[0], summary, &SUMMARY_WIDTHS),
        (SHEETS[1], appendix_a, &APPENDIX_A_WIDTHS),
        (SHEETS[2], appendix_b, &APPENDIX_B_WIDTHS),
        (SHEETS[3], appendix_c, &APPENDIX_C_WIDTHS),
        (SHEETS[4], ranking, &RANKING_WIDTHS),
        (SHEETS[5], sensitivity, &SENSITIVITY_WIDTHS),
        (SHEETS[6], comparison, &COMPARISON_WIDTHS),
        (SHEETS[7], action_plan, &ACTION_PLAN_WIDTHS),
        (SHEETS[8], data_quality, &DATA_QUALITY_WIDTHS),
        (SHEETS[9], provenance, &PROVENANCE_WIDTHS),
    ];
    let mut shortened = Vec::new();
    for (name, f, widths) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        let mut page = Page {
            ws,
            s: &s,
            widths,
            shortened: &mut shortened,
        };
        f(&mut page, a, rep)?;
    }
    Ok((wb.save_to_buffer()?, shortened))
}
