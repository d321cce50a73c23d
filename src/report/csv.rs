//! `--format csv`: two tables in one file, Appendix A (with the other focus areas) and the ranking, each
//! with its own header row and a blank line between them. Every row, header rows included, starts with a
//! `table` column naming its table (`appendix_a` or `ranking`), so a spreadsheet filter or
//! `grep '^ranking,'` picks out one table. Text that a spreadsheet would take for a formula is written with
//! a leading apostrophe.

use super::neutralise;
use super::sections::{self, Cell};
use crate::Assessment;

fn write_rows(rows: Vec<Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for r in rows {
        let r: Vec<String> = r.iter().map(|c| neutralise(c)).collect();
        w.write_record(&r).expect("writing CSV to memory cannot fail");
    }
    String::from_utf8(w.into_inner().expect("writing CSV to memory cannot fail")).expect("CSV of UTF-8 text is UTF-8")
}

/// A cell as CSV text: lists joined by "; ".
fn text(c: &Cell) -> String {
    if c.items.is_empty() {
        c.text.clone()
    } else {
        c.items.join("; ")
    }
}

/// The header (`table`, then the columns' keys) and rows of a section's columns `keys`, each row starting
/// with the table's name.
fn block(table: &str, section: &sections::Section, keys: &[&str]) -> Vec<Vec<String>> {
    let (_, rows) = section.pick(keys);
    let mut out = vec![
        std::iter::once("table")
            .chain(keys.iter().copied())
            .map(String::from)
            .collect::<Vec<_>>(),
    ];
    out.extend(rows.into_iter().map(|r| {
        std::iter::once(table.to_string())
            .chain(r.into_iter().map(text))
            .collect()
    }));
    out
}

pub fn render(a: &Assessment) -> String {
    let rep = sections::build(a);
    let mut rows = block("appendix_a", &rep.appendix_a, &rep.appendix_a.keys());
    for o in &rep.other_focus_areas.rows {
        let count = o[1].items.len().to_string();
        rows.push(vec![
            "appendix_a".into(),
            o[0].text.clone(),
            "Other focus area".into(),
            count,
            String::new(),
            String::new(),
            String::new(),
            text(&o[1]),
        ]);
    }
    let mut out = write_rows(rows);
    out.push('\n');
    out.push_str(&write_rows(block(
        "ranking",
        &rep.ranking,
        &sections::with(
            &sections::RANKING_FIGURES,
            &["current", "recommendation", "reason", "decision"],
        ),
    )));
    out
}
