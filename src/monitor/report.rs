//! The terminal summary, the JSON and the markdown of `monitor` (SPEC §10.5). Computes nothing.

use super::assess::{IndicatorState, Rag};
use super::indicators::Indicator;
use super::{Monitoring, fmt_number, signed};
use crate::config::round;
use prettytable::format::{FormatBuilder, LinePosition, LineSeparator};
use prettytable::{Cell, Row, Table};
use serde_json::{Value, json};
use std::fmt::Write;

/// The widest line the terminal summary prints.
pub const WIDTH: usize = 100;

fn new_table(header: &[&str]) -> Table {
    let mut t = Table::new();
    let format = FormatBuilder::new()
        .column_separator(' ')
        .separators(&[LinePosition::Title], LineSeparator::new('-', ' ', ' ', ' '))
        .padding(0, 1)
        .build();
    t.set_format(format);
    t.set_titles(Row::new(header.iter().map(|h| Cell::new(h)).collect()));
    t
}

fn wrap(text: &str, width: usize) -> String {
    textwrap::fill(text, width)
}

fn opt(x: Option<f64>, f: impl Fn(f64) -> String) -> String {
    x.map_or_else(|| "–".to_string(), f)
}

/// The lines that head every output: the title, the reporting date and where it came from, the rules.
pub fn heading(m: &Monitoring) -> Vec<String> {
    vec![
        format!(
            "{} Community Safety Agreement {}: Action Plan & Performance Summary",
            m.area, m.year
        ),
        format!(
            "Reporting date {} ({}). Stale: no update in {} days. Stable: a change under {}%.",
            m.as_of,
            m.as_of_source.describe(),
            m.settings.stale_days,
            fmt_number(m.settings.stable_band)
        ),
    ]
}

/// The words of one indicator's figures: (previous, latest, change, %, direction, reading).
pub struct IndicatorCells {
    pub previous: String,
    pub latest: String,
    pub change: String,
    pub percent: String,
    pub direction: String,
    pub reading: String,
    pub periods: String,
    pub run: String,
}

pub fn indicator_cells(m: &Monitoring, s: &IndicatorState) -> IndicatorCells {
    let periods = &m.indicators.as_ref().map(|i| i.periods.clone()).unwrap_or_default();
    IndicatorCells {
        previous: opt(s.previous.map(|p| p.1), fmt_number),
        latest: opt(s.latest.map(|p| p.1), fmt_number),
        change: opt(s.change, |c| signed(c, if c.fract() == 0.0 { 0 } else { 2 })),
        percent: opt(s.percent_change, |p| format!("{}%", signed(p, 1))),
        direction: s
            .direction
            .map_or("–".into(), |d| format!("{} {}", d.arrow(), d.as_str())),
        reading: s.reading.map_or("–".into(), |r| r.as_str().to_string()),
        periods: match (s.previous, s.latest) {
            (Some((a, _)), Some((b, _))) => format!("{} to {}", periods[a], periods[b]),
            (None, Some((b, _))) => format!("{} only", periods[b]),
            _ => "no values".into(),
        },
        run: match s.run {
            Some((d, n)) if n > 1 => format!("{} {n} periods running", d.as_str()),
            _ => String::new(),
        },
    }
}

/// The indicators of a priority (`Some(index)`) or of no plan priority (`None`).
pub fn indicators_of(m: &Monitoring, priority: Option<usize>) -> Vec<(&Indicator, &IndicatorState)> {
    match &m.indicators {
        None => Vec::new(),
        Some(ind) => ind
            .rows
            .iter()
            .zip(&m.indicator_states)
            .filter(|(_, s)| s.priority == priority)
            .collect(),
    }
}

fn refs(list: &[String]) -> String {
    if list.is_empty() {
        "none".into()
    } else {
        list.join(", ")
    }
}

/// The terminal summary: a table of the priorities, then each priority's indicators and the actions that
/// need attention, then the warnings. Fits 100 columns.
pub fn table(m: &Monitoring) -> String {
    let mut out = String::new();
    for line in heading(m) {
        let _ = writeln!(out, "{}", wrap(&line, WIDTH));
    }
    let _ = writeln!(out);
    let mut t = new_table(&[
        "Priority", "Actions", "Complete", "Green", "Amber", "Red", "Grey", "No upd.", "% done", "Overdue", "Stale",
    ]);
    for (p, s) in m.plan.priorities.iter().zip(&m.priorities) {
        let mut cells = vec![wrap(&p.name, 22), s.total.to_string()];
        cells.extend(Rag::ALL.iter().map(|r| s.count(*r).to_string()));
        cells.push(opt(s.share_complete, |x| {
            format!("{}%", fmt_number(round(x * 100.0, 0)))
        }));
        cells.push(s.overdue.len().to_string());
        cells.push(s.stale.len().to_string());
        t.add_row(Row::new(cells.iter().map(|c| Cell::new(c)).collect()));
    }
    out.push_str(&t.to_string());

    let groups: Vec<(String, Option<usize>)> = m
        .plan
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| (p.name.clone(), Some(i)))
        .chain(std::iter::once(("Other indicators".to_string(), None)))
        .collect();
    for (name, idx) in groups {
        let inds = indicators_of(m, idx);
        if idx.is_none() && inds.is_empty() {
            continue;
        }
        let title = match idx {
            Some(_) => format!("Priority: {name}"),
            None => format!("{name} (under no priority of the plan)"),
        };
        let _ = writeln!(out, "\n{}", wrap(&title, WIDTH));
        if let Some(i) = idx {
            let s = &m.priorities[i];
            let line = format!(
                "Overdue: {}. Stale: {}. No update: {}.",
                refs(&s.overdue),
                refs(&s.stale),
                refs(&s.no_update)
            );
            let _ = writeln!(out, "{}", wrap(&line, WIDTH));
        }
        if inds.is_empty() {
            continue;
        }
        let mut t = new_table(&["Indicator", "Previous", "Latest", "Change", "%", "Direction", "Reading"]);
        for (row, s) in inds {
            let c = indicator_cells(m, s);
            let mut label = format!("{} ({})", row.name, c.periods);
            if !c.run.is_empty() {
                label.push_str(&format!("; {}", c.run));
            }
            t.add_row(Row::new(
                [
                    wrap(&label, 30),
                    c.previous,
                    c.latest,
                    c.change,
                    c.percent,
                    c.direction,
                    c.reading,
                ]
                .iter()
                .map(|x| Cell::new(x))
                .collect(),
            ));
        }
        out.push_str(&t.to_string());
    }
    if !m.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings ({}):", m.warnings.len());
        for w in &m.warnings {
            let _ = writeln!(
                out,
                "{}",
                textwrap::fill(&w.to_string(), textwrap::Options::new(WIDTH).subsequent_indent("    "))
            );
        }
    }
    out
}

fn r3(x: f64) -> f64 {
    round(x, 3)
}

/// Every figure of SPEC §10.4 as JSON: finite numbers, ISO dates.
pub fn json_value(m: &Monitoring) -> Value {
    let periods = m.indicators.as_ref().map(|i| i.periods.clone()).unwrap_or_default();
    let priorities: Vec<Value> = m
        .plan
        .priorities
        .iter()
        .zip(&m.priorities)
        .map(|(p, s)| {
            let mut counts = serde_json::Map::new();
            for r in Rag::ALL {
                counts.insert(r.as_str().to_lowercase().replace(' ', "_"), json!(s.count(r)));
            }
            json!({
                "name": p.name, "lead": p.lead, "aim": p.aim, "context": p.context,
                "actions": s.total, "rag": counts,
                "share_complete": s.share_complete.map(r3),
                "overdue": s.overdue, "stale": s.stale, "no_update": s.no_update,
                "indicators_improving": s.improving, "indicators_worsening": s.worsening,
            })
        })
        .collect();
    let actions: Vec<Value> = m
        .actions
        .iter()
        .map(|s| {
            let a = &m.plan.actions[s.action];
            let latest = s.latest.map(|i| &m.updates[i]);
            json!({
                "ref": a.reference, "no": a.no, "funded": a.funded,
                "priority": m.plan.priorities[a.priority].name,
                "category": a.category, "objective": a.objective, "action": a.action, "measure": a.measure,
                "timescale": a.timescale, "due": s.due, "lead_agency": a.lead_agency,
                "status": s.status.map(|x| x.as_str()),
                "latest_update": latest.map(|u| json!({
                    "date": u.date, "text": u.text, "updated_by": u.by,
                    "file": u.cell.file, "cell": u.cell.cell,
                })),
                "days_since_update": s.days_since_update,
                "overdue": s.overdue, "stale": s.stale, "no_update": s.latest.is_none(),
                "later_updates_ignored": s.later_updates,
                "rag": s.rag.as_str(),
            })
        })
        .collect();
    let indicators: Vec<Value> = match &m.indicators {
        None => Vec::new(),
        Some(ind) => ind
            .rows
            .iter()
            .zip(&m.indicator_states)
            .map(|(row, s)| {
                let values: Vec<Value> = row
                    .values
                    .iter()
                    .zip(&periods)
                    .map(|(v, p)| match v {
                        super::indicators::PeriodValue::Value(x) => json!({"period": p, "value": r3(*x)}),
                        super::indicators::PeriodValue::NotAvailable(note) => {
                            json!({"period": p, "value": null, "note": note})
                        }
                    })
                    .collect();
                let point = |x: Option<(usize, f64)>| x.map(|(i, v)| json!({"period": periods[i], "value": r3(v)}));
                json!({
                    "priority": row.priority,
                    "plan_priority": s.priority.map(|i| m.plan.priorities[i].name.clone()),
                    "indicator": row.name, "better": row.better.as_str(), "unit": row.unit,
                    "geography": row.geography, "source": row.source, "note": row.note,
                    "values": values,
                    "latest": point(s.latest), "previous": point(s.previous),
                    "change": s.change.map(r3), "percent_change": s.percent_change.map(r3),
                    "direction": s.direction.map(|d| d.as_str()),
                    "reading": s.reading.map(|r| r.as_str()),
                    "run": s.run.map(|(d, n)| json!({"direction": d.as_str(), "periods": n})),
                    "stated_change": row.stated_change.as_ref().map(|(st, _)| json!({
                        "text": st.text,
                        "computed": s.stated_change.map(|x| r3(x.0)),
                        "agrees": s.stated_change.map(|x| x.1),
                    })),
                    "stated_direction": row.stated_direction.as_ref().map(|(dir, text, _)| json!({
                        "text": text, "direction": dir.as_str(), "agrees": s.stated_direction_agrees,
                    })),
                })
            })
            .collect(),
    };
    let warnings: Vec<Value> = m
        .warnings
        .iter()
        .map(|w| json!({"file": w.location.file, "sheet": w.location.sheet, "cell": w.location.cell, "message": w.message}))
        .collect();
    json!({
        "schema_version": 1,
        "area": m.area, "year": m.year,
        "as_of": m.as_of, "as_of_source": m.as_of_source,
        "stale_days": m.settings.stale_days, "stable_band": r3(m.settings.stable_band),
        "plan": m.plan.file, "plan_names_checked_against": m.checked_against,
        "update_files": m.update_files,
        "periods": periods,
        "priorities": priorities, "actions": actions, "indicators": indicators,
        "warnings": warnings,
    })
}

pub fn json(m: &Monitoring) -> String {
    format!(
        "{}\n",
        serde_json::to_string_pretty(&json_value(m)).expect("monitoring JSON always serialises")
    )
}

fn md(text: &str) -> String {
    crate::report::neutralise(text)
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

fn md_indicators(m: &Monitoring, priority: Option<usize>, out: &mut String) {
    let inds = indicators_of(m, priority);
    if !inds.is_empty() {
        let _ = writeln!(
            out,
            "| Indicator | Periods | Previous | Latest | Change | % | Direction | Reading |\n|---|---|---:|---:|---:|---:|---|---|"
        );
        for (row, s) in inds {
            let c = indicator_cells(m, s);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                md(&row.name),
                md(&c.periods),
                c.previous,
                c.latest,
                c.change,
                c.percent,
                c.direction,
                c.reading
            );
        }
        out.push('\n');
    }
}

/// The summary as markdown.
pub fn markdown(m: &Monitoring) -> String {
    let mut out = String::new();
    let h = heading(m);
    let _ = writeln!(out, "# {}\n\n{}\n", md(&h[0]), md(&h[1]));
    let _ = writeln!(
        out,
        "| Priority | Actions | Complete | Green | Amber | Red | Grey | No update | % complete | Overdue | Stale |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    );
    for (p, s) in m.plan.priorities.iter().zip(&m.priorities) {
        let counts: Vec<String> = Rag::ALL.iter().map(|r| s.count(*r).to_string()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            md(&p.name),
            s.total,
            counts.join(" | "),
            opt(s.share_complete, |x| format!("{}%", fmt_number(round(x * 100.0, 0)))),
            md(&refs(&s.overdue)),
            md(&refs(&s.stale))
        );
    }
    for (i, p) in m.plan.priorities.iter().enumerate() {
        let _ = writeln!(out, "\n## Priority: {}\n", md(&p.name));
        if let Some(lead) = &p.lead {
            let _ = writeln!(out, "Lead: {}\n", md(lead));
        }
        if let Some(aim) = &p.aim {
            let _ = writeln!(out, "Aim: {}\n", md(aim));
        }
        md_indicators(m, Some(i), &mut out);
        let _ = writeln!(
            out,
            "| Ref | Action | Due | Status | RAG | Latest update |\n|---|---|---|---|---|---|"
        );
        for s in m.actions.iter().filter(|s| m.plan.actions[s.action].priority == i) {
            let a = &m.plan.actions[s.action];
            let latest = s.latest.map(|u| &m.updates[u]);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                md(&a.reference),
                md(&a.action),
                md(a.timescale.as_deref().unwrap_or("")),
                s.status.map_or("", |x| x.as_str()),
                s.rag.as_str(),
                latest.map_or(String::new(), |u| format!(
                    "{}: {}",
                    u.date,
                    md(u.text.as_deref().unwrap_or(""))
                ))
            );
        }
    }
    if !indicators_of(m, None).is_empty() {
        let _ = writeln!(out, "\n## Other indicators\n");
        md_indicators(m, None, &mut out);
    }
    if !m.warnings.is_empty() {
        let _ = writeln!(out, "\n## Data quality\n");
        for w in &m.warnings {
            let _ = writeln!(out, "- {}", md(&w.to_string()));
        }
    }
    out
}
