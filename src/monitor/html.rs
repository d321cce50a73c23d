//! The "Action Plan & Performance Summary" as one self-contained HTML file (SPEC §10.5, as §8.2): no
//! scripts, no network requests, a content security policy, every text from the inputs escaped, charts as
//! inline SVG. One section per priority, as the published summaries lay it out.

use super::Monitoring;
use super::assess::{IndicatorState, Rag};
use super::indicators::Indicator;
use super::report::{heading, indicator_cells, indicators_of};
use std::fmt::Write;

/// Escape text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Paragraphs of free text: blank lines separate paragraphs, single line breaks are kept.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| format!("<p>{}</p>", esc(p).replace('\n', "<br>")))
        .collect()
}

const STYLE: &str = "body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;color:#111;max-width:60em;margin:1em auto;padding:0 1em}
h1{font-size:16pt}h2{font-size:14pt;border-bottom:2px solid #1f4e79;margin-top:2em;page-break-before:auto}h3{font-size:12pt}
table{border-collapse:collapse;width:100%;margin:0.5em 0 1em}th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;text-align:left}
th{background:#d9e1f2}td.n{text-align:right;white-space:nowrap}.rag{font-weight:bold;white-space:nowrap}
.meta{color:#333}.warn{font-size:10pt}svg{display:block}
@media print{body{max-width:none;font-size:10pt}h2{page-break-before:always}h2.first{page-break-before:avoid}tr{page-break-inside:avoid}}
@page{size:A4 landscape;margin:15mm}";

/// A small line chart of an indicator's values by period, with the first and last values labelled.
fn chart(m: &Monitoring, row: &Indicator) -> String {
    let periods = m.indicators.as_ref().map(|i| i.periods.as_slice()).unwrap_or(&[]);
    let points: Vec<(usize, f64)> = row
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.value().map(|x| (i, x)))
        .collect();
    if points.len() < 2 {
        return String::new();
    }
    let (w, h, pad) = (180.0, 48.0, 6.0);
    let lo = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let span = if hi > lo { hi - lo } else { 1.0 };
    // Across the indicator's own periods, from its first value to its last.
    let (from, to) = (points[0].0, points[points.len() - 1].0);
    let x = |i: usize| pad + (w - 2.0 * pad) * (i - from) as f64 / (to - from).max(1) as f64;
    let y = |v: f64| h - 14.0 - (h - 22.0) * (v - lo) / span;
    let line: Vec<String> = points
        .iter()
        .map(|(i, v)| format!("{:.1},{:.1}", x(*i), y(*v)))
        .collect();
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{}"><polyline fill="none" stroke="#1f4e79" stroke-width="2" points="{}"/>"##,
        esc(&format!("{}: trend by period", row.name)),
        line.join(" ")
    );
    for (i, v) in &points {
        let _ = write!(
            svg,
            r##"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="#1f4e79"/>"##,
            x(*i),
            y(*v)
        );
    }
    let (first, last) = (points[0], points[points.len() - 1]);
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{h}" font-size="9" text-anchor="start">{}</text><text x="{:.1}" y="{h}" font-size="9" text-anchor="end">{}</text></svg>"#,
        x(first.0),
        esc(&periods[first.0]),
        x(last.0),
        esc(&periods[last.0])
    );
    svg
}

fn indicator_table(m: &Monitoring, rows: &[(&Indicator, &IndicatorState)], out: &mut String) {
    out.push_str("<table><thead><tr><th>Indicator</th><th>Periods</th><th>Previous</th><th>Latest</th><th>Change</th><th>%</th><th>Direction</th><th>Reading</th><th>Trend</th></tr></thead><tbody>");
    for (row, s) in rows {
        let c = indicator_cells(m, s);
        let mut about = esc(&row.name);
        for extra in [&row.geography, &row.unit].into_iter().flatten() {
            let _ = write!(about, " <span class=\"meta\">({})</span>", esc(extra));
        }
        if let Some(note) = &row.note {
            let _ = write!(about, "<br><small>Note: {}</small>", esc(note));
        }
        if let Some((st, _)) = &row.stated_change {
            let agrees = match s.stated_change {
                Some((_, true)) => "agrees with the figures",
                Some((_, false)) => "does not agree with the figures",
                None => "not checked",
            };
            let _ = write!(about, "<br><small>Published: {} ({agrees})</small>", esc(&st.text));
        }
        let run = if c.run.is_empty() {
            String::new()
        } else {
            format!("<br><small>{}</small>", esc(&c.run))
        };
        let _ = write!(
            out,
            "<tr><td>{about}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}{run}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.periods),
            esc(&c.previous),
            esc(&c.latest),
            esc(&c.change),
            esc(&c.percent),
            esc(&c.direction),
            esc(&c.reading),
            chart(m, row)
        );
    }
    out.push_str("</tbody></table>");
}

/// The whole page.
pub fn render(m: &Monitoring) -> String {
    let h = heading(m);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>\n",
        esc(&h[0])
    );
    let _ = writeln!(
        out,
        "<h1>Appendix: {} Community Safety Agreement (CSA) - Action Plan &amp; Performance Summary</h1><p class=\"meta\">{} {}</p>",
        esc(&m.area),
        esc(&m.year),
        esc(&h[1])
    );
    out.push_str("<table><thead><tr><th>Priority</th><th>Actions</th>");
    for r in Rag::ALL {
        let _ = write!(out, "<th>{}</th>", r.as_str());
    }
    out.push_str("<th>Overdue</th><th>Stale</th></tr></thead><tbody>");
    for (p, s) in m.plan.priorities.iter().zip(&m.priorities) {
        let _ = write!(out, "<tr><td>{}</td><td class=\"n\">{}</td>", esc(&p.name), s.total);
        for r in Rag::ALL {
            let _ = write!(out, "<td class=\"n\">{}</td>", s.count(r));
        }
        let _ = write!(
            out,
            "<td>{}</td><td>{}</td></tr>",
            esc(&s.overdue.join(", ")),
            esc(&s.stale.join(", "))
        );
    }
    out.push_str("</tbody></table>\n");

    for (i, p) in m.plan.priorities.iter().enumerate() {
        let class = if i == 0 { " class=\"first\"" } else { "" };
        let _ = write!(out, "<section><h2{class}>Priority: {}</h2>", esc(&p.name));
        if let Some(lead) = &p.lead {
            let _ = write!(out, "<p><strong>Lead:</strong> {}</p>", esc(lead));
        }
        if let Some(aim) = &p.aim {
            let _ = write!(out, "<p><strong>Aim:</strong> {}</p>", esc(aim));
        }
        if let Some(context) = &p.context {
            let _ = write!(out, "<h3>Context</h3>{}", paragraphs(context));
        }
        let inds = indicators_of(m, Some(i));
        if !inds.is_empty() {
            out.push_str("<h3>Indicators</h3>");
            indicator_table(m, &inds, &mut out);
        }
        out.push_str("<h3>Actions and progress</h3><table><thead><tr><th>Ref</th><th>Actions</th><th>Timescale</th><th>RAG</th><th>Progress</th></tr></thead><tbody>");
        for s in m.actions.iter().filter(|s| m.plan.actions[s.action].priority == i) {
            let a = &m.plan.actions[s.action];
            let latest = s.latest.map(|u| &m.updates[u]);
            let mut flags = Vec::new();
            if s.overdue {
                flags.push("overdue");
            }
            if s.stale {
                flags.push("stale");
            }
            let flags = if flags.is_empty() {
                String::new()
            } else {
                format!("<br><small>{}</small>", flags.join(", "))
            };
            let progress = match latest {
                Some(u) => format!(
                    "<small>{}{}</small><br>{}",
                    u.date,
                    u.by.as_deref().map(|b| format!(", {}", esc(b))).unwrap_or_default(),
                    paragraphs(u.text.as_deref().unwrap_or(""))
                ),
                None => "No update received.".into(),
            };
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"rag\" style=\"background:#{:06X}\">{}{}{flags}</td><td>{progress}</td></tr>",
                esc(&a.reference),
                esc(&a.action).replace('\n', "<br>"),
                esc(a.timescale.as_deref().unwrap_or("")),
                s.rag.colour(),
                s.rag.as_str(),
                s.status
                    .map(|x| format!("<br><small>{}</small>", x.as_str()))
                    .unwrap_or_default(),
            );
        }
        out.push_str("</tbody></table></section>\n");
    }
    let others = indicators_of(m, None);
    if !others.is_empty() {
        out.push_str("<section><h2>Other indicators</h2>");
        indicator_table(m, &others, &mut out);
        out.push_str("</section>\n");
    }
    if !m.warnings.is_empty() {
        out.push_str("<section><h2>Data quality</h2><ul class=\"warn\">");
        for w in &m.warnings {
            let _ = write!(out, "<li>{}</li>", esc(&w.to_string()));
        }
        out.push_str("</ul></section>\n");
    }
    let _ = writeln!(
        out,
        "<footer><p class=\"meta\"><small>Written by csa-review {} from {}.</small></p></footer></body></html>",
        crate::VERSION,
        esc(&m.inputs.iter().map(|f| f.shown.as_str()).collect::<Vec<_>>().join(", "))
    );
    out
}
