//! The floor for the benchmark (issue 18): what any tool doing csa-review's job must at least do. It reads
//! review.toml, parses every input workbook of the folder with calamine (every cell of every sheet: the
//! submissions, morile, horizon and last year's workbook when review.toml names one) and writes a workbook
//! of the same shape as csa-review's (the same sheets and the same cells, values only: no formats, widths or
//! charts) with rust_xlsxwriter, the same way csa-review does (a temporary file beside the target, synced,
//! then renamed). Single-threaded apart from rust_xlsxwriter's own save. Nothing else: no matching, no
//! scoring, no checks, no output on stdout beyond one line.
//!
//! `cargo run --release --example floor -- DIR SHAPE OUT.xlsx`, where SHAPE comes from `examples/floor_shape.rs`
//! run on the workbook csa-review wrote for DIR.

use calamine::{Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;
use std::io::Write;
use std::path::{Path, PathBuf};

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The input workbooks a review folder names (SPEC.md section 2), with csa-review's defaults.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let text = std::fs::read_to_string(dir.join("review.toml")).expect("DIR/review.toml");
    let toml: toml::Table = toml::from_str(&text).expect("a valid review.toml");
    let key = |k: &str, default: &str| dir.join(toml.get(k).and_then(|v| v.as_str()).unwrap_or(default));
    let mut files: Vec<PathBuf> = std::fs::read_dir(key("submissions", "submissions"))
        .expect("the submissions folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && !p.file_name().unwrap().to_string_lossy().starts_with(['.', '~'])
                && p.extension()
                    .is_some_and(|x| ["xlsx", "xlsm", "xls", "ods"].contains(&&*x.to_string_lossy()))
        })
        .collect();
    files.sort();
    files.push(key("morile", "morile.xlsx"));
    files.push(key("horizon", "horizon.xlsx"));
    if let Some(p) = toml.get("previous").and_then(|v| v.as_str()) {
        files.push(dir.join(p));
    }
    files
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, shape, out] = &args[..] else {
        panic!("usage: floor DIR SHAPE OUT.xlsx")
    };
    let dir = Path::new(dir);
    let out = Path::new(out);

    let mut cells = 0usize;
    let files = inputs(dir);
    for f in files.iter().filter(|f| f.is_file()) {
        let mut wb = open_workbook_auto(f).expect("a workbook");
        for name in wb.sheet_names() {
            if let Ok(range) = wb.worksheet_range(&name) {
                cells += range.used_cells().count();
            }
        }
    }

    let shape = std::fs::read_to_string(shape).expect("SHAPE (from examples/floor_shape.rs)");
    let mut wb = Workbook::new();
    let mut sheet = None;
    let mut written = 0usize;
    for line in shape.lines() {
        let mut f = line.splitn(4, '\t');
        let (a, b) = (f.next().unwrap(), f.next().unwrap_or(""));
        if a == "S" {
            let ws = wb.add_worksheet();
            ws.set_name(unescape(b)).expect("a sheet name");
            sheet = Some(wb.worksheets_mut().len() - 1);
            continue;
        }
        let ws = &mut wb.worksheets_mut()[sheet.expect("a sheet before its cells")];
        let (row, col): (u32, u16) = (a.parse().unwrap(), b.parse().unwrap());
        match (f.next(), f.next()) {
            (Some("n"), Some(v)) => ws.write_number(row, col, v.parse::<f64>().unwrap()).map(|_| ()),
            (Some(_), Some(v)) => ws.write_string(row, col, unescape(v)).map(|_| ()),
            _ => panic!("a bad SHAPE line: {line}"),
        }
        .expect("a cell");
        written += 1;
    }
    let bytes = wb.save_to_buffer().expect("the workbook");

    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(parent).expect("a temporary file beside OUT");
    tmp.write_all(&bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .expect("the workbook written");
    tmp.persist(out).expect("the workbook in place");
    println!("{} inputs, {cells} cells read; {written} cells written", files.len());
}
