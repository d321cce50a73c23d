//! The physical floor for the benchmark: open every workbook of a review folder with calamine and read
//! every cell of every sheet, doing nothing else. `cargo run --release --example bare_parse -- DIR`

use calamine::{Reader, open_workbook_auto};
use std::path::Path;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: bare_parse DIR");
    let dir = Path::new(&dir);
    let mut files: Vec<_> = std::fs::read_dir(dir.join("submissions"))
        .expect("a review folder with submissions/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.push(dir.join("morile.xlsx"));
    files.push(dir.join("horizon.xlsx"));
    let mut cells = 0usize;
    for f in files.iter().filter(|f| f.is_file()) {
        let mut wb = open_workbook_auto(f).expect("a workbook");
        for name in wb.sheet_names() {
            if let Ok(range) = wb.worksheet_range(&name) {
                cells += range.used_cells().count();
            }
        }
    }
    println!("{} files, {cells} cells", files.len());
}
