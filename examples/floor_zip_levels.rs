//! How the zip compression level changes the cost of saving a workbook of csa-review's shape (issue 18's
//! "choose the zip compression level by measurement"): builds the workbook of a SHAPE file (see
//! `examples/floor_shape.rs`) and times `save_to_buffer` at each level, in this process, on one thread of work.
//!
//! `cargo run --release --example floor_zip_levels -- SHAPE [REPEATS]`

use rust_xlsxwriter::Workbook;
use std::time::Instant;

fn unescape(s: &str) -> String {
    s.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")
}

fn build(shape: &str, level: Option<u8>) -> Workbook {
    let mut wb = Workbook::new();
    if let Some(l) = level {
        wb.set_zip_compression_level(l);
    }
    let mut sheet = 0;
    for line in shape.lines() {
        let f: Vec<&str> = line.splitn(4, '\t').collect();
        if f[0] == "S" {
            wb.add_worksheet().set_name(unescape(f[1])).expect("a sheet name");
            sheet = wb.worksheets_mut().len() - 1;
            continue;
        }
        let ws = &mut wb.worksheets_mut()[sheet];
        let (row, col): (u32, u16) = (f[0].parse().unwrap(), f[1].parse().unwrap());
        if f[2] == "n" {
            ws.write_number(row, col, f[3].parse::<f64>().unwrap()).unwrap();
        } else {
            ws.write_string(row, col, unescape(f[3])).unwrap();
        }
    }
    wb
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shape = std::fs::read_to_string(&args[0]).expect("SHAPE");
    let repeats: usize = args.get(1).map_or(20, |r| r.parse().expect("REPEATS"));
    println!("level  median save (ms)  bytes");
    for level in [None, Some(1), Some(2), Some(3), Some(4), Some(5), Some(6), Some(9)] {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..repeats {
            let mut wb = build(&shape, level);
            let t = Instant::now();
            size = wb.save_to_buffer().expect("saved").len();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let name = level.map_or("default".to_string(), |l| l.to_string());
        println!("{name:>7}  {:>16.2}  {size}", times[times.len() / 2]);
    }
}
