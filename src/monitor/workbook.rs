//! The monitoring workbook (SPEC §10.5): sheets Summary, Actions (RAG coloured), Indicators (values by
//! period, change, %, direction, reading and a sparkline per row), Data quality and Provenance, printable
//! on A4 landscape one page wide with the header rows repeated. The same inputs give the same bytes.

use super::Monitoring;
use super::assess::Rag;
use super::dates::Date;
use super::indicators::PeriodValue;
use super::report::{heading, indicator_cells};
use crate::report::fit_row;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Sparkline, SparklineType, Workbook, Worksheet,
    XlsxError,
};

/// The sheet names, in order.
pub use crate::schema::monitoring::SHEETS;
use crate::schema::monitoring::{ACTIONS, DATA_QUALITY, INDICATORS, PROVENANCE};

struct Styles {
    title: Format,
    header: Format,
    text: Format,
    number: Format,
    percent: Format,
    date: Format,
    rag: Vec<(Rag, Format)>,
}

impl Styles {
    fn new() -> Styles {
        let cell = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(0xD9E1F2)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top),
            text: cell.clone().set_text_wrap().set_indent(1),
            number: cell.clone().set_num_format("#,##0.###").set_indent(1),
            percent: cell.clone().set_num_format("+0.0%;-0.0%;0.0%").set_indent(1),
            date: cell.clone().set_num_format("yyyy-mm-dd"),
            rag: Rag::ALL
                .iter()
                .map(|r| (*r, cell.clone().set_bold().set_background_color(r.colour())))
                .collect(),
        }
    }

    fn rag(&self, r: Rag) -> &Format {
        self.rag
            .iter()
            .find(|(x, _)| *x == r)
            .map(|x| &x.1)
            .unwrap_or(&self.text)
    }
}

fn page(ws: &mut Worksheet, m: &Monitoring, title: &str, header_row: u32) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, header_row)?;
    ws.set_freeze_panes(header_row + 1, 0)?;
    let esc = |s: &str| s.replace('&', "&&");
    ws.set_header(format!("&L{}&R{} CSA {}", esc(title), esc(&m.area), esc(&m.year)));
    ws.set_footer("&CPage &P of &N");
    Ok(())
}

fn headers(ws: &mut Worksheet, s: &Styles, row: u32, names: &[&str], widths: &[f64]) -> Result<(), XlsxError> {
    for (c, (name, w)) in names.iter().zip(widths).enumerate() {
        ws.write_string_with_format(row, c as u16, *name, &s.header)?;
        ws.set_column_width(c as u16, *w)?;
    }
    let cells: Vec<(u16, &str)> = names.iter().enumerate().map(|(c, n)| (c as u16, *n)).collect();
    fit_row(ws, row, &cells, widths)
}

fn excel_date(d: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year as u16, d.month as u8, d.day as u8)
}

fn text(ws: &mut Worksheet, s: &Styles, row: u32, col: u16, value: &str) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, col, value, &s.text)?;
    Ok(())
}

fn summary(ws: &mut Worksheet, m: &Monitoring, s: &Styles) -> Result<(), XlsxError> {
    let h = heading(m);
    ws.write_string_with_format(0, 0, &h[0], &s.title)?;
    ws.write_string(1, 0, &h[1])?;
    let names = [
        "Priority",
        "Lead",
        "Actions",
        "Complete",
        "Green",
        "Amber",
        "Red",
        "Grey",
        "No update",
        "% complete",
        "Overdue",
        "Stale",
        "Indicators improving",
        "Indicators worsening",
    ];
    let widths = [
        28.0, 30.0, 8.0, 9.0, 7.0, 7.0, 6.0, 6.0, 8.0, 9.0, 14.0, 14.0, 11.0, 11.0,
    ];
    let hr = 3;
    headers(ws, s, hr, &names, &widths)?;
    for (i, (p, st)) in m.plan.priorities.iter().zip(&m.priorities).enumerate() {
        let r = hr + 1 + i as u32;
        text(ws, s, r, 0, &p.name)?;
        text(ws, s, r, 1, p.lead.as_deref().unwrap_or(""))?;
        ws.write_number_with_format(r, 2, st.total as f64, &s.number)?;
        for (j, rag) in Rag::ALL.iter().enumerate() {
            ws.write_number_with_format(r, 3 + j as u16, st.count(*rag) as f64, &s.number)?;
        }
        match st.share_complete {
            Some(x) => ws.write_number_with_format(r, 9, x, &s.percent.clone().set_num_format("0%"))?,
            None => ws.write_string_with_format(r, 9, "", &s.text)?,
        };
        text(ws, s, r, 10, &st.overdue.join(", "))?;
        text(ws, s, r, 11, &st.stale.join(", "))?;
        ws.write_number_with_format(r, 12, st.improving as f64, &s.number)?;
        ws.write_number_with_format(r, 13, st.worsening as f64, &s.number)?;
        let cells = [
            (0u16, p.name.as_str()),
            (1, p.lead.as_deref().unwrap_or("")),
            (10, &st.overdue.join(", ")),
            (11, &st.stale.join(", ")),
        ];
        fit_row(ws, r, &cells, &widths)?;
    }
    page(ws, m, "Action Plan & Performance Summary", hr)
}

fn actions(ws: &mut Worksheet, m: &Monitoring, s: &Styles) -> Result<(), XlsxError> {
    // The objective is left out so that the sheet prints one page wide at no less than 8 points.
    let names = [
        "Ref",
        "Priority",
        "Action",
        "Timescale",
        "Due",
        "Lead agency",
        "Status",
        "RAG",
        "Flags",
        "Updated",
        "Latest update",
        "Updated by",
    ];
    let widths = [6.0, 14.0, 30.0, 10.0, 11.0, 14.0, 9.0, 10.0, 8.0, 11.0, 30.0, 12.0];
    headers(ws, s, 0, &names, &widths)?;
    for (i, st) in m.actions.iter().enumerate() {
        let r = 1 + i as u32;
        let a = &m.plan.actions[st.action];
        let latest = st.latest.map(|u| &m.updates[u]);
        let priority = &m.plan.priorities[a.priority].name;
        text(ws, s, r, 0, &a.reference)?;
        text(ws, s, r, 1, priority)?;
        text(ws, s, r, 2, &a.action)?;
        text(ws, s, r, 3, a.timescale.as_deref().unwrap_or(""))?;
        match st.due {
            Some(d) => ws.write_datetime_with_format(r, 4, excel_date(d)?, &s.date)?,
            None => ws.write_string_with_format(r, 4, "", &s.text)?,
        };
        text(ws, s, r, 5, a.lead_agency.as_deref().unwrap_or(""))?;
        text(ws, s, r, 6, st.status.map_or("", |x| x.as_str()))?;
        ws.write_string_with_format(r, 7, st.rag.as_str(), s.rag(st.rag))?;
        let flags: Vec<&str> = [(st.overdue, "overdue"), (st.stale, "stale")]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, f)| *f)
            .collect();
        text(ws, s, r, 8, &flags.join(", "))?;
        match latest {
            Some(u) => ws.write_datetime_with_format(r, 9, excel_date(u.date)?, &s.date)?,
            None => ws.write_string_with_format(r, 9, "", &s.text)?,
        };
        let update = latest.and_then(|u| u.text.clone()).unwrap_or_default();
        text(ws, s, r, 10, &update)?;
        text(ws, s, r, 11, latest.and_then(|u| u.by.as_deref()).unwrap_or(""))?;
        let cells = [
            (1u16, priority.as_str()),
            (2, a.action.as_str()),
            (5, a.lead_agency.as_deref().unwrap_or("")),
            (10, update.as_str()),
            (11, latest.and_then(|u| u.by.as_deref()).unwrap_or("")),
        ];
        fit_row(ws, r, &cells, &widths)?;
    }
    ws.autofilter(0, 0, m.actions.len() as u32, names.len() as u16 - 1)?;
    page(ws, m, ACTIONS, 0)
}

fn indicators(ws: &mut Worksheet, m: &Monitoring, s: &Styles) -> Result<(), XlsxError> {
    let periods = m.indicators.as_ref().map(|i| i.periods.clone()).unwrap_or_default();
    // Narrow columns so that a sheet of seven periods prints one page wide at no less than 8 points.
    let mut names: Vec<String> = vec!["Priority".into(), "Indicator".into(), "Better".into()];
    names.extend(periods.iter().cloned());
    let after = [
        "Change",
        "% change",
        "Direction",
        "Reading",
        "Stated change",
        "Trend",
        "Note",
    ];
    names.extend(after.iter().map(|x| x.to_string()));
    let mut widths: Vec<f64> = vec![12.0, 24.0, 7.0];
    widths.extend(periods.iter().map(|_| 8.0));
    widths.extend([8.0, 8.0, 8.0, 10.0, 12.0, 8.0, 16.0]);
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    headers(ws, s, 0, &name_refs, &widths)?;
    let first_period = 3u16;
    let after_col = first_period + periods.len() as u16;
    if let Some(ind) = &m.indicators {
        for (i, (row, st)) in ind.rows.iter().zip(&m.indicator_states).enumerate() {
            let r = 1 + i as u32;
            let c = indicator_cells(m, st);
            text(ws, s, r, 0, &row.priority)?;
            let name = match &row.geography {
                Some(g) => format!("{} ({g})", row.name),
                None => row.name.clone(),
            };
            text(ws, s, r, 1, &name)?;
            text(ws, s, r, 2, row.better.as_str())?;
            for (j, v) in row.values.iter().enumerate() {
                let col = first_period + j as u16;
                match v {
                    PeriodValue::Value(x) => ws.write_number_with_format(r, col, *x, &s.number)?,
                    PeriodValue::NotAvailable(note) => {
                        ws.write_string_with_format(r, col, note.as_deref().unwrap_or(""), &s.text)?
                    }
                };
            }
            match st.change {
                Some(x) => ws.write_number_with_format(r, after_col, x, &s.number)?,
                None => ws.write_string_with_format(r, after_col, "", &s.text)?,
            };
            match st.percent_change {
                Some(x) => ws.write_number_with_format(r, after_col + 1, x / 100.0, &s.percent)?,
                None => ws.write_string_with_format(r, after_col + 1, "", &s.text)?,
            };
            text(ws, s, r, after_col + 2, &c.direction.replace('–', ""))?;
            let reading = match c.run.as_str() {
                "" => c.reading.replace('–', ""),
                run => format!("{}; {run}", c.reading),
            };
            text(ws, s, r, after_col + 3, &reading)?;
            let stated = match (&row.stated_change, st.stated_change) {
                (Some((x, _)), Some((_, true))) => format!("{} (agrees)", x.text),
                (Some((x, _)), Some((_, false))) => format!("{} (does not agree)", x.text),
                (Some((x, _)), None) => format!("{} (not checked)", x.text),
                _ => String::new(),
            };
            text(ws, s, r, after_col + 4, &stated)?;
            ws.write_string_with_format(r, after_col + 5, "", &s.text)?;
            if !periods.is_empty() {
                let spark = Sparkline::new()
                    .set_range((INDICATORS, r, first_period, r, after_col - 1))
                    .set_type(SparklineType::Line)
                    .show_markers(true);
                ws.add_sparkline(r, after_col + 5, &spark)?;
            }
            let mut note = row.note.clone().unwrap_or_default();
            for (what, v) in [("Unit", &row.unit), ("Source", &row.source)] {
                if let Some(v) = v {
                    note.push_str(&format!("{}{what}: {v}", if note.is_empty() { "" } else { "\n" }));
                }
            }
            text(ws, s, r, after_col + 6, &note)?;
            let cells = [
                (0u16, row.priority.as_str()),
                (1, name.as_str()),
                (after_col + 3, reading.as_str()),
                (after_col + 4, stated.as_str()),
                (after_col + 6, note.as_str()),
            ];
            fit_row(ws, r, &cells, &widths)?;
        }
    }
    page(ws, m, INDICATORS, 0)
}

fn data_quality(ws: &mut Worksheet, m: &Monitoring, s: &Styles) -> Result<(), XlsxError> {
    let widths = [30.0, 14.0, 8.0, 100.0];
    headers(ws, s, 0, &["File", "Sheet", "Cell", "Warning"], &widths)?;
    for (i, w) in m.warnings.iter().enumerate() {
        let r = 1 + i as u32;
        text(ws, s, r, 0, w.location.file.as_deref().unwrap_or(""))?;
        text(ws, s, r, 1, w.location.sheet.as_deref().unwrap_or(""))?;
        text(ws, s, r, 2, w.location.cell.as_deref().unwrap_or(""))?;
        text(ws, s, r, 3, &w.message)?;
        fit_row(ws, r, &[(3, w.message.as_str())], &widths)?;
    }
    if m.warnings.is_empty() {
        text(ws, s, 1, 3, "No warnings.")?;
    }
    page(ws, m, DATA_QUALITY, 0)
}

fn provenance(ws: &mut Worksheet, m: &Monitoring, s: &Styles) -> Result<(), XlsxError> {
    let widths = [34.0, 14.0, 70.0];
    headers(ws, s, 0, &["Setting", "Value", ""], &widths)?;
    let rows = [
        ("Tool", format!("csa-review {}", crate::VERSION)),
        ("Reporting date", m.as_of.to_string()),
        ("Reporting date from", m.as_of_source.describe().to_string()),
        ("Stale after (days)", m.settings.stale_days.to_string()),
        ("Stable band (%)", super::fmt_number(m.settings.stable_band)),
        ("Plan names checked against", format!("the {} set", m.checked_against)),
    ];
    for (i, (k, v)) in rows.iter().enumerate() {
        text(ws, s, 1 + i as u32, 0, k)?;
        text(ws, s, 1 + i as u32, 1, v)?;
    }
    let mut r = 2 + rows.len() as u32;
    for (c, h) in ["Input file", "Bytes", "SHA-256"].iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &s.header)?;
    }
    r += 1;
    for f in &m.inputs {
        text(ws, s, r, 0, &f.shown)?;
        ws.write_number_with_format(r, 1, f.bytes as f64, &s.number)?;
        text(ws, s, r, 2, &f.sha256)?;
        r += 1;
    }
    page(ws, m, PROVENANCE, 0)
}

/// The workbook's bytes.
pub fn build(m: &Monitoring) -> Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_title(format!(
            "{} Community Safety Agreement {}: Action Plan & Performance Summary",
            m.area, m.year
        ))
        .set_author(format!("csa-review {}", crate::VERSION))
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    wb.set_properties(&props);
    type SheetFn = fn(&mut Worksheet, &Monitoring, &Styles) -> Result<(), XlsxError>;
    let sheets: [SheetFn; 5] = [summary, actions, indicators, data_quality, provenance];
    for (name, f) in SHEETS.iter().zip(sheets) {
        let ws = wb.add_worksheet();
        ws.set_name(*name)?;
        f(ws, m, &s)?;
    }
    wb.save_to_buffer()
}
