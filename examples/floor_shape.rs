//! The shape of a workbook for the benchmark floor (`examples/floor.rs`): every sheet's name and every cell's
//! position and value, as text. bench/run runs it once on the workbook csa-review wrote, outside the timings.
//!
//! `cargo run --release --example floor_shape -- WORKBOOK.xlsx > SHAPE`
//!
//! Format, one record a line: `S<TAB>sheet name` starts a sheet; `row<TAB>col<TAB>n<TAB>number` and
//! `row<TAB>col<TAB>s<TAB>text` are cells (0-based); in names and text `\\`, `\t` and `\n` are escaped.

use calamine::{Data, Reader, open_workbook_auto};
use std::io::{BufWriter, Write};

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n")
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: floor_shape WORKBOOK.xlsx > SHAPE");
    let mut wb = open_workbook_auto(&path).expect("a workbook calamine can read");
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for name in wb.sheet_names() {
        writeln!(out, "S\t{}", escape(&name)).unwrap();
        let Ok(range) = wb.worksheet_range(&name) else { continue };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            let (r, c) = (r as u32 + r0, c as u32 + c0);
            match v {
                Data::Int(i) => writeln!(out, "{r}\t{c}\tn\t{i}"),
                Data::Float(f) => writeln!(out, "{r}\t{c}\tn\t{f}"),
                Data::Bool(b) => writeln!(out, "{r}\t{c}\ts\t{b}"),
                Data::Empty => continue,
                other => writeln!(out, "{r}\t{c}\ts\t{}", escape(&other.to_string())),
            }
            .unwrap();
        }
    }
}
