//! Hostile and broken input: nothing panics, nothing partial is written, nothing is lost. Each case runs the
//! real binary on a copy of the sample with one file damaged, and checks the exit status, the message
//! (file, and sheet and cell where there is one), that no output is written and that inputs are unchanged.

mod common;
use common::*;
use rust_xlsxwriter::{Formula, Workbook};
use std::io::Write;
use std::path::Path;

/// Run `review` and `validate` after `damage`; both must fail cleanly. Returns review's stderr.
fn rejects(damage: impl FnOnce(&Path)) -> String {
    let dir = sample_copy();
    damage(dir.path());
    let before = snapshot(dir.path());
    let out = bin()
        .arg("review")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists(), "no output on error");
    let v = bin()
        .arg("validate")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(v.status.code(), Some(1));
    assert_eq!(snapshot(dir.path()), before, "inputs untouched");
    stderr
}

fn sub(dir: &Path, name: &str) -> std::path::PathBuf {
    dir.join("submissions").join(name)
}

/// A Dover submission whose Issues sheet is written by `issues`.
fn dover_with(dir: &Path, issues: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) {
    let mut wb = Workbook::new();
    put_rows(
        wb.add_worksheet().set_name("Submission").unwrap(),
        0,
        &[vec!["Partnership", "Dover"]],
    );
    issues(wb.add_worksheet().set_name("Issues").unwrap());
    wb.save(sub(dir, "04-dover.xlsx")).unwrap();
}

#[test]
fn random_bytes_named_xlsx() {
    let mut x: u64 = 0x9E3779B97F4A7C15;
    let bytes: Vec<u8> = (0..5000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let e = rejects(|d| std::fs::write(sub(d, "04-dover.xlsx"), &bytes).unwrap());
    assert!(e.contains("04-dover.xlsx") && e.contains("not a spreadsheet"), "{e}");
}

#[test]
fn random_bytes_after_a_zip_signature() {
    let e = rejects(|d| {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend((0..3000u32).map(|i| (i * 7919 % 251) as u8));
        std::fs::write(sub(d, "04-dover.xlsx"), bytes).unwrap()
    });
    assert!(e.contains("04-dover.xlsx") && e.contains("damaged"), "{e}");
}

#[test]
fn a_zip_that_is_not_a_workbook() {
    let e = rejects(|d| {
        let mut z = zip::ZipWriter::new(std::fs::File::create(sub(d, "04-dover.xlsx")).unwrap());
        z.start_file("readme.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(b"hello").unwrap();
        z.finish().unwrap();
    });
    assert!(e.contains("04-dover.xlsx"), "{e}");
}

#[test]
fn a_header_that_is_never_found() {
    let e = rejects(|d| {
        dover_with(d, |ws| {
            for r in 0..40 {
                ws.write_string(r, 0, format!("row {r}")).unwrap();
            }
        })
    });
    assert!(
        e.contains("04-dover.xlsx, sheet 'Issues'") && e.contains("no header row"),
        "{e}"
    );
}

#[test]
fn a_header_below_row_20_is_not_found() {
    let e = rejects(|d| {
        dover_with(d, |ws| {
            put_rows(ws, 25, &[vec!["Issue", "Identified as"], vec!["DA", "Main priority"]])
        })
    });
    assert!(e.contains("no header row found in the first 20 rows"), "{e}");
}

#[test]
fn duplicate_header_columns() {
    let e = rejects(|d| {
        dover_with(d, |ws| {
            put_rows(
                ws,
                0,
                &[
                    vec!["Issue", "Identified as", "Identified As"],
                    vec!["DA", "Main priority", "Theme"],
                ],
            )
        })
    });
    assert!(
        e.contains("sheet 'Issues', cell C1") && e.contains("appears twice"),
        "{e}"
    );
}

#[test]
fn formula_errors_where_a_name_or_a_score_should_be() {
    for error in ["#REF!", "#N/A", "#DIV/0!"] {
        let e = rejects(|d| {
            dover_with(d, |ws| {
                put_rows(ws, 0, &[vec!["Issue", "Identified as"]]);
                ws.write_formula(1, 0, Formula::new("=A99/0").set_result(error))
                    .unwrap();
                ws.write_string(1, 1, "Main priority").unwrap();
            })
        });
        assert!(
            e.contains("sheet 'Issues', cell A2") && e.contains(error),
            "{error}: {e}"
        );
    }
    let e = rejects(|d| morile(&d.join("morile.xlsx"), &["Item", "Score"], &[vec!["Gangs", "#N/A"]]));
    assert!(
        e.contains("morile.xlsx, sheet 'MoRiLE', cell B2") && e.contains("#N/A"),
        "{e}"
    );
}

#[test]
fn dates_and_booleans_where_text_is_expected() {
    let e = rejects(|d| {
        dover_with(d, |ws| {
            put_rows(ws, 0, &[vec!["Issue", "Identified as"]]);
            let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
            ws.write_datetime_with_format(
                1,
                0,
                rust_xlsxwriter::ExcelDateTime::from_ymd(2018, 1, 1).unwrap(),
                &date,
            )
            .unwrap();
            ws.write_string(1, 1, "Main priority").unwrap();
            ws.write_string(2, 0, "DA").unwrap();
            ws.write_boolean(2, 1, true).unwrap();
        })
    });
    assert!(e.contains("cell A2") && e.contains("date"), "{e}");
    assert!(e.contains("cell B3") && e.contains("TRUE"), "{e}");
}

#[test]
fn merged_cells_very_long_strings_and_non_ascii_names_are_read() {
    let s = Small::new(&["Ynys Môn", "Caerdydd 🐉"], "");
    let long: String = "Very long issue name ".repeat(1500).chars().take(32000).collect();
    let mut wb = Workbook::new();
    put_rows(
        wb.add_worksheet().set_name("Submission").unwrap(),
        0,
        &[vec!["Partnership", "ynys môn"]],
    );
    let ws = wb.add_worksheet().set_name("Issues").unwrap();
    put_rows(ws, 0, &[vec!["Issue", "Identified as", "Notes"]]);
    ws.merge_range(1, 0, 2, 0, "Domestic Abuse", &rust_xlsxwriter::Format::new())
        .unwrap();
    ws.write_string(1, 1, "Main priority").unwrap();
    ws.write_string(3, 0, &long).unwrap();
    ws.write_string(3, 1, "Cross-cutting theme").unwrap();
    ws.write_string(4, 0, "Diogelwch cymunedol – Community safety ✓")
        .unwrap();
    ws.write_string(4, 1, "Main priority").unwrap();
    wb.save(s.sub("ynys-môn-é.xlsx")).unwrap();
    submission(
        &s.sub("caerdydd-🐉.xlsx"),
        "Caerdydd 🐉",
        &[("Hate crime", "Main priority")],
    );
    let j = s.json();
    assert_eq!(
        row(&j, "appendix_a", "Domestic Abuse")["partnerships"],
        serde_json::json!(["Ynys Môn"])
    );
    assert_eq!(
        row(&j, "appendix_a", "Extremism and Hate")["partnerships"],
        serde_json::json!(["Caerdydd 🐉"])
    );
    assert_eq!(j["other_focus_areas"].as_array().unwrap().len(), 2);
    let warning = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .find(|m| m.contains("Very long"))
        .unwrap();
    assert!(warning.chars().count() < 300, "long names are shortened in messages");
}

#[test]
fn a_sheet_declaring_a_huge_dimension_costs_nothing() {
    let s = Small::new(&["A"], "");
    let mut wb = Workbook::new();
    put_rows(
        wb.add_worksheet().set_name("Submission").unwrap(),
        0,
        &[vec!["Partnership", "A"]],
    );
    let ws = wb.add_worksheet().set_name("Issues").unwrap();
    put_rows(ws, 0, &[vec!["Issue", "Identified as"], vec!["DA", "Main priority"]]);
    ws.write_string(1_048_575, 16_383, "far away").unwrap(); // the sheet's dimension becomes A1:XFD1048576
    wb.save(s.sub("a.xlsx")).unwrap();
    let j = s.json();
    assert_eq!(row(&j, "appendix_a", "Domestic Abuse")["csp_count"], 1);
}

#[test]
fn a_sheet_beyond_the_cell_limit_is_refused() {
    let s = Small::new(&["A"], "[limits]\nmax_cells = 50\n");
    let mut wb = Workbook::new();
    put_rows(
        wb.add_worksheet().set_name("Submission").unwrap(),
        0,
        &[vec!["Partnership", "A"]],
    );
    let ws = wb.add_worksheet().set_name("Issues").unwrap();
    put_rows(ws, 0, &[vec!["Issue", "Identified as"]]);
    for r in 1..100 {
        put_rows(ws, r, &[vec!["DA", "Main priority"]]);
    }
    wb.save(s.sub("a.xlsx")).unwrap();
    let e = s.fails();
    assert!(
        e.contains("a.xlsx, sheet 'Issues'") && e.contains("more than 50 filled cells"),
        "{e}"
    );
}

/// A valid submission with an entry of `size` zero bytes: a tiny file that inflates hugely. When it lies about
/// its size, the bomb replaces the shared strings, which every reader must inflate.
fn zip_bomb(path: &Path, size: usize, lie_about_size: bool) {
    let bomb_entry = if lie_about_size {
        "xl/sharedStrings.xml"
    } else {
        "xl/media/padding.bin"
    };
    let original = std::fs::read(sample().join("submissions/04-dover.xlsx")).unwrap();
    let mut input = zip::ZipArchive::new(std::io::Cursor::new(original)).unwrap();
    let mut out = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
        for i in 0..input.len() {
            let f = input.by_index_raw(i).unwrap();
            if f.name().unwrap() != bomb_entry {
                z.raw_copy_file(f).unwrap();
            }
        }
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        z.start_file(bomb_entry, opts).unwrap();
        let chunk = vec![0u8; 1 << 20];
        for _ in 0..size / chunk.len() {
            z.write_all(&chunk).unwrap();
        }
        z.finish().unwrap();
    }
    if lie_about_size {
        // Rewrite the declared uncompressed size of the last entry, in its local and central headers, to 1 KB.
        let declared = (size as u32).to_le_bytes();
        let small = 1024u32.to_le_bytes();
        let mut i = 0;
        while i + 4 <= out.len() {
            if out[i..i + 4] == declared {
                out[i..i + 4].copy_from_slice(&small);
            }
            i += 1;
        }
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn a_zip_bomb_is_refused_quickly_whether_or_not_it_declares_its_size() {
    for lie in [false, true] {
        // The limit is lowered for the test so that the bomb is quick to make; the default is 100 MB.
        let e = rejects(|d| {
            let p = d.join("review.toml");
            let t = std::fs::read_to_string(&p).unwrap();
            std::fs::write(p, format!("{t}\n[limits]\nmax_unpacked_bytes = 8_000_000\n")).unwrap();
            zip_bomb(&sub(d, "04-dover.xlsx"), 24 << 20, lie)
        });
        assert!(e.contains("04-dover.xlsx"), "{e}");
        assert!(e.contains("limit") || e.contains("damaged"), "{e}");
    }
}

#[test]
fn the_same_partnership_listed_twice_in_review_toml() {
    let e = rejects(|d| {
        let p = d.join("review.toml");
        let t = std::fs::read_to_string(&p)
            .unwrap()
            .replace("\"Tunbridge Wells\"]", "\"Tunbridge Wells\", \"tunbridge  wells\"]");
        std::fs::write(p, t).unwrap();
    });
    assert!(e.contains("review.toml, line") && e.contains("listed twice"), "{e}");
}

#[test]
fn text_that_looks_like_a_formula_stays_text_in_every_output() {
    let s = Small::new(&["A"], "");
    submission(
        &s.sub("a.xlsx"),
        "A",
        &[
            ("=HYPERLINK(\"http://x\",\"click\")", "Main priority"),
            ("+1+2", "Main priority"),
            ("@SUM(A1)", "Cross-cutting theme"),
            ("-5", "Main priority"),
        ],
    );
    let csv = bin()
        .args(["review", "--no-workbook", "--format", "csv"])
        .arg(s.path())
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    for record in reader.records() {
        for field in record.unwrap().iter() {
            assert!(
                !field.starts_with(['=', '+', '-', '@']),
                "a formula-like value reached the CSV unescaped: {field}"
            );
        }
    }
    assert!(
        csv.contains("'+1+2") && csv.contains("'@SUM(A1)") && csv.contains("'-5"),
        "{csv}"
    );
    let md = bin()
        .args(["review", "--no-workbook", "--format", "markdown"])
        .arg(s.path())
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("'+1+2") && !md.contains("| =HYPERLINK"), "{md}");
    let out = s.path().join("out.xlsx");
    bin()
        .args(["review", "--format", "json", "--out"])
        .arg(&out)
        .arg(s.path())
        .assert()
        .success();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with("xl/worksheets/sheet") {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut f, &mut xml).unwrap();
            assert!(!xml.contains("<f>"), "no formula in {}", f.name().unwrap());
        }
    }
}

/// An .ods whose content repeats a filled row a million times over a thousand columns (a billion cells).
#[test]
fn an_ods_that_repeats_a_value_over_a_billion_cells_is_refused() {
    let e = rejects(|d| {
        let original = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/swale.ods")).unwrap();
        let mut input = zip::ZipArchive::new(std::io::Cursor::new(original)).unwrap();
        let mut z = zip::ZipWriter::new(std::fs::File::create(sub(d, "08-swale.ods")).unwrap());
        for i in 0..input.len() {
            let mut f = input.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut data).unwrap();
            if name == "content.xml" {
                let text = String::from_utf8(data).unwrap();
                let bomb = "<table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell table:number-columns-repeated=\"1000\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>";
                let at = text.find("</table:table>").unwrap();
                data = format!("{}{bomb}{}", &text[..at], &text[at..]).into_bytes();
            }
            z.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            z.write_all(&data).unwrap();
        }
        z.finish().unwrap();
    });
    assert!(e.contains("08-swale.ods") && e.contains("filled cells"), "{e}");
}

/// An .xls whose sheet declares the largest dimensions BIFF allows (65,536 rows by 256 columns).
#[test]
fn an_xls_declaring_huge_dimensions_is_refused_before_it_is_read() {
    let e = rejects(|d| {
        let mut bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dover.xls")).unwrap();
        let mut patched = 0;
        let mut i = 0;
        while i + 18 <= bytes.len() {
            // A DIMENSIONS record of BIFF8: type 0x0200, length 14.
            if bytes[i..i + 4] == [0x00, 0x02, 0x0E, 0x00] {
                bytes[i + 8..i + 12].copy_from_slice(&65_536u32.to_le_bytes());
                bytes[i + 14..i + 16].copy_from_slice(&256u16.to_le_bytes());
                patched += 1;
            }
            i += 1;
        }
        assert!(patched >= 1);
        std::fs::remove_file(sub(d, "04-dover.xlsx")).unwrap();
        std::fs::write(sub(d, "04-dover.xls"), bytes).unwrap();
    });
    assert!(e.contains("04-dover.xls") && e.contains("spans more than"), "{e}");
}
