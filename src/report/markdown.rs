//! `--format markdown`: a paper for the Working Group with the same sections as the HTML report (SPEC §8.2),
//! in the order of the published covering report. Laid out from the report sections.

use super::neutralise;
use super::sections::{self, Section};
use crate::Assessment;
use std::fmt::Write;

/// A table cell: pipes escaped, formula-like text neutralised, line breaks flattened.
fn cell(text: &str) -> String {
    neutralise(text).replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The columns `keys` of a section as a markdown table, or its words for an empty table.
fn table(out: &mut String, s: &Section, keys: &[&str]) {
    if s.rows.is_empty() {
        if let Some(e) = &s.empty {
            let _ = writeln!(out, "{}\n", cell(e));
        }
        return;
    }
    let (headings, rows) = s.pick(keys);
    let _ = writeln!(out, "| {} |", headings.join(" | "));
    let _ = writeln!(
        out,
        "|{}|",
        headings.iter().map(|_| "---").collect::<Vec<_>>().join("|")
    );
    for r in rows {
        let _ = writeln!(
            out,
            "| {} |",
            r.iter().map(|c| cell(&c.text)).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

fn all(s: &Section) -> Vec<&str> {
    s.keys()
}

fn facts(out: &mut String, s: &Section) {
    for (label, value) in &s.facts {
        let _ = writeln!(out, "- {}: {}", label, cell(&value.text));
    }
    out.push('\n');
}

fn notes(out: &mut String, notes: &[String]) {
    for n in notes {
        let _ = writeln!(out, "{}\n", cell(n));
    }
}

pub fn render(a: &Assessment) -> String {
    let rep = sections::build(a);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", cell(&rep.title));

    let _ = writeln!(out, "## Summary\n");
    notes(&mut out, &rep.summary.notes);
    facts(&mut out, &rep.headline);
    for r in &rep.headline.rows {
        let _ = writeln!(out, "  - {}", cell(&r[0].text));
    }
    if !rep.headline.rows.is_empty() {
        out.push('\n');
    }

    let s = &rep.appendix_a;
    let _ = writeln!(out, "## {}\n", s.title);
    table(
        &mut out,
        s,
        &sections::with(&sections::APPENDIX_A_COUNTS, &["partnerships"]),
    );
    notes(&mut out, &s.notes[..1]);
    let o = &rep.other_focus_areas;
    if o.rows.is_empty() {
        let _ = writeln!(out, "{}: {}\n", o.title, sections::words::NONE);
    } else {
        let _ = writeln!(out, "{}:\n", o.title);
        table(&mut out, o, &all(o));
    }

    let s = &rep.appendix_b;
    let _ = writeln!(out, "## {}\n", s.title);
    table(&mut out, s, &["rank", "item", "issue", "score", "band", "confidence"]);
    if !s.rows.is_empty() {
        notes(&mut out, &s.notes);
    }

    let s = &rep.appendix_c;
    let _ = writeln!(out, "## {}\n", s.title);
    if s.rows.is_empty() {
        notes(&mut out, s.empty.as_slice());
    }
    let mut category = "";
    for r in &s.rows {
        if r[0].text != category {
            if !category.is_empty() {
                out.push('\n');
            }
            category = &r[0].text;
            let _ = writeln!(out, "**{}:**\n", cell(category));
        }
        let related = if r[2].is_empty() {
            String::new()
        } else {
            format!(" (related: {})", r[2].text)
        };
        let _ = writeln!(out, "- {}{} - impact {}", cell(&r[1].text), cell(&related), r[3].text);
    }
    if !s.rows.is_empty() {
        out.push('\n');
    }

    let s = &rep.ranking;
    let _ = writeln!(out, "## {}\n", s.title);
    notes(&mut out, &s.notes);
    table(
        &mut out,
        s,
        &sections::with(
            &sections::RANKING_FIGURES,
            &["current", "recommendation", "reason", "decision"],
        ),
    );

    let s = &rep.comparison;
    let _ = writeln!(out, "## {}\n", s.title);
    facts(&mut out, s);
    table(&mut out, s, &all(s));

    if let Some(s) = &rep.delivery {
        let _ = writeln!(out, "### {}\n", cell(&s.title));
        table(&mut out, s, &all(s));
        notes(&mut out, &s.notes);
    }

    if let Some(s) = &rep.movement {
        let _ = writeln!(out, "## {}\n", cell(&s.title));
        table(&mut out, s, &all(s));
        notes(&mut out, &s.notes);
    }

    let s = &rep.sensitivity;
    let _ = writeln!(out, "## {}\n", s.title);
    table(&mut out, s, &all(s));
    notes(&mut out, &s.notes);

    let s = &rep.data_quality;
    let _ = writeln!(out, "## {}\n", s.title);
    facts(&mut out, s);
    table(&mut out, s, &all(s));
    if let Some(n) = &rep.names_used {
        let _ = writeln!(out, "### {}\n", n.title);
        table(&mut out, n, &all(n));
    }
    let w = &rep.warnings;
    let _ = writeln!(out, "### {}\n", w.title);
    table(&mut out, w, &all(w));

    let s = &rep.provenance;
    let _ = writeln!(out, "## {}\n", s.title);
    for (label, value) in &s.facts {
        if label != "MoRiLE scheme in full" {
            let _ = writeln!(out, "- {}: {}", label, cell(&value.text));
        }
    }
    out.push('\n');
    table(&mut out, &rep.inputs, &all(&rep.inputs));
    out
}
