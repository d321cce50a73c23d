//! The families of hostile input of issue 13, through the real binary on copies of the bundled review:
//! files that are not what their name says, things that are not regular files, silent wrong values and
//! numbers that are not numbers. Every run is made under an address-space limit and a time limit, so a
//! regression fails the test instead of filling the machine; each case checks the exit status, the message
//! (file, sheet, cell), that nothing is written and that every input is byte-identical (SHA-256).

mod common;
mod hostile_support;
use common::*;
use hostile_support::*;
use rust_xlsxwriter::{Formula, Workbook};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// `review` of a copy of the sample after `damage` must fail with exit 1, write nothing and leave every
/// input as it was. Returns stderr.
fn refused(damage: impl FnOnce(&Path)) -> String {
    let copy = sample_copy();
    let dir = copy.path();
    damage(dir);
    let before = digests(dir);
    let r = run(&["review".as_ref(), dir.as_os_str()]);
    assert_eq!(r.code, Some(1), "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    assert!(!dir.join("out").exists(), "nothing is written on error");
    assert_eq!(digests(dir), before, "inputs byte-identical");
    r.stderr
}

/// `review --format json` of a copy of the sample after `change`: must succeed. Returns (JSON, stderr).
fn accepted(change: impl FnOnce(&Path)) -> (serde_json::Value, String) {
    let copy = sample_copy();
    let dir = copy.path();
    change(dir);
    let before = digests(dir);
    let r = run(&[
        "review".as_ref(),
        "--no-workbook".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        dir.as_os_str(),
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(digests(dir), before, "inputs byte-identical");
    (serde_json::from_str(&r.stdout).unwrap(), r.stderr)
}

fn sub(dir: &Path, name: &str) -> PathBuf {
    dir.join("submissions").join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)).unwrap()
}

/// The entries of a zip, in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    for (name, data) in entries {
        z.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
    out.into_inner()
}

/// Change one entry of a zip.
fn rezip_with(bytes: &[u8], entry: &str, change: impl Fn(String) -> String) -> Vec<u8> {
    let mut entries = unzip(bytes);
    let found = entries.iter_mut().find(|(n, _)| n == entry).expect("entry");
    found.1 = change(String::from_utf8(found.1.clone()).unwrap()).into_bytes();
    zip_of(&entries)
}

fn appendix_a(j: &serde_json::Value) -> serde_json::Value {
    j["appendix_a"].clone()
}

// ---------------------------------------------------------------------------------------------------------
// Family 2: files that are not what their name says

/// An Excel binary workbook (.xlsb) holding one number at XFD1048576, the last cell of a sheet: the
/// records are written by hand (no crate writes .xlsb).
fn xlsb_with_the_last_cell() -> Vec<u8> {
    fn record(kind: u8, data: &[u8]) -> Vec<u8> {
        let mut r = vec![kind, data.len() as u8];
        r.extend_from_slice(data);
        r
    }
    let mut row = 1_048_575u32.to_le_bytes().to_vec();
    row.extend_from_slice(&[0; 13]);
    let mut cell = 16_383u32.to_le_bytes().to_vec();
    cell.extend_from_slice(&[0; 4]);
    cell.extend_from_slice(&42.0f64.to_le_bytes());
    let mut sheet = record(0, &row);
    sheet.extend(record(5, &cell));
    let types = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>"#;
    zip_of(&[
        ("[Content_Types].xml".into(), types.as_bytes().to_vec()),
        ("xl/workbook.bin".into(), vec![0x83, 0x01, 0x00]),
        ("xl/worksheets/sheet1.bin".into(), sheet),
    ])
}

#[test]
fn an_xlsb_named_xlsx_is_refused_by_name_without_reading_its_last_cell() {
    let e = refused(|d| std::fs::write(sub(d, "04-dover.xlsx"), xlsb_with_the_last_cell()).unwrap());
    assert!(
        e.contains("submissions/04-dover.xlsx")
            && e.contains("Excel binary workbook (.xlsb)")
            && e.contains("although it is named .xlsx"),
        "{e}"
    );
    // As the MoRiLE workbook too.
    let e = refused(|d| std::fs::write(d.join("morile.xlsx"), xlsb_with_the_last_cell()).unwrap());
    assert!(e.contains("morile.xlsx") && e.contains(".xlsb"), "{e}");
}

/// The Swale .ods as LibreOffice saved it (each sheet ends with a run of 1,048,570 repeated empty rows
/// and one more empty row), with that last row of the last sheet filled: the reader would build the whole
/// rectangle down to row 1,048,576.
fn ods_with_a_far_filled_row() -> Vec<u8> {
    rezip_with(&fixture("swale.ods"), "content.xml", |xml| {
        let last_row = "<table:table-row table:style-name=\"ro1\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row></table:table>";
        let filled = "<table:table-row table:style-name=\"ro1\"><table:table-cell office:value-type=\"string\"><text:p>stray</text:p></table:table-cell><table:table-cell table:number-columns-repeated=\"3\"/><table:table-cell office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p></table:table-cell><table:table-cell table:number-columns-repeated=\"16379\"/></table:table-row></table:table>";
        let at = xml.rfind(last_row).expect("LibreOffice's last row");
        format!("{}{filled}{}", &xml[..at], &xml[at + last_row.len()..])
    })
}

#[test]
fn an_ods_with_a_filled_row_after_a_million_empty_ones_stays_small_whatever_its_name() {
    for name in ["08-swale.ods", "08-swale.xlsx"] {
        let e = refused(|d| {
            std::fs::remove_file(sub(d, "08-swale.xlsx")).unwrap();
            std::fs::write(sub(d, name), ods_with_a_far_filled_row()).unwrap();
        });
        assert!(
            e.contains(&format!("submissions/{name}, sheet '"))
                && e.contains("cell A1048576")
                && e.contains("lies far from the rest"),
            "{name}: {e}"
        );
    }
}

#[test]
fn a_truncated_ods_named_xlsx_is_damaged_not_a_hang() {
    let e = refused(|d| {
        let bytes = rezip_with(&fixture("swale.ods"), "content.xml", |xml| {
            xml[..xml.len() / 2].to_string()
        });
        std::fs::write(sub(d, "08-swale.xlsx"), bytes).unwrap();
    });
    assert!(e.contains("submissions/08-swale.xlsx") && e.contains("damaged"), "{e}");
}

#[test]
fn each_format_is_read_as_what_it_is_whatever_its_extension() {
    let (plain, _) = accepted(|d| {
        std::fs::remove_file(sub(d, "08-swale.xlsx")).unwrap();
        std::fs::write(sub(d, "08-swale.ods"), fixture("swale.ods")).unwrap();
        std::fs::remove_file(sub(d, "04-dover.xlsx")).unwrap();
        std::fs::write(sub(d, "04-dover.xls"), fixture("dover.xls")).unwrap();
    });
    let (swapped, _) = accepted(|d| {
        // The .ods named .xlsx, the .xls named .ods, and an .xlsx named .xls.
        std::fs::write(sub(d, "08-swale.xlsx"), fixture("swale.ods")).unwrap();
        std::fs::remove_file(sub(d, "04-dover.xlsx")).unwrap();
        std::fs::write(sub(d, "04-dover.ods"), fixture("dover.xls")).unwrap();
        std::fs::rename(sub(d, "01-ashford.xlsx"), sub(d, "01-ashford.xls")).unwrap();
    });
    assert_eq!(appendix_a(&swapped), appendix_a(&plain));
}

// ---------------------------------------------------------------------------------------------------------
// Family 3: things that are not regular files

#[cfg(unix)]
fn fifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

fn point_morile_at(dir: &Path, target: &str) {
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
    let changed = toml.replace("morile = \"morile.xlsx\"", &format!("morile = \"{target}\""));
    assert_ne!(toml, changed);
    std::fs::write(dir.join("review.toml"), changed).unwrap();
}

#[cfg(unix)]
#[test]
fn a_pipe_where_a_workbook_is_expected_is_an_error_not_a_wait() {
    let e = refused(|d| fifo(&sub(d, "04-dover.xlsx")));
    assert!(
        e.contains("submissions/04-dover.xlsx") && e.contains("a pipe (FIFO), not a file"),
        "{e}"
    );
    let e = refused(|d| fifo(&d.join("morile.xlsx")));
    assert!(e.contains("morile.xlsx") && e.contains("a pipe (FIFO)"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_pipe_or_device_as_review_toml_or_taxonomy_is_an_error_not_a_wait() {
    let e = refused(|d| fifo(&d.join("review.toml")));
    assert!(e.contains("review.toml") && e.contains("a pipe (FIFO)"), "{e}");
    let e = refused(|d| {
        let toml = std::fs::read_to_string(d.join("review.toml")).unwrap();
        let changed = toml.replace("taxonomy = \"kent-2018-19\"", "taxonomy = \"issues.toml\"");
        assert_ne!(toml, changed);
        std::fs::write(d.join("review.toml"), changed).unwrap();
        fifo(&d.join("issues.toml"));
    });
    assert!(e.contains("issues.toml"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_device_or_a_folder_where_a_workbook_is_expected_is_an_error_not_a_flood() {
    for (target, says) in [
        ("/dev/zero", "a device"),
        ("/dev/stdin", "not a file"),
        ("/dev/urandom", "a device"),
    ] {
        let e = refused(|d| point_morile_at(d, target));
        assert!(e.contains(target) && e.contains(says), "{target}: {e}");
    }
    let e = refused(|d| {
        std::fs::remove_file(d.join("morile.xlsx")).unwrap();
        std::fs::create_dir(d.join("morile.xlsx")).unwrap();
    });
    assert!(e.contains("morile.xlsx") && e.contains("folder"), "{e}");
    // A folder named like a return among the submissions is not passed over in silence.
    let e = refused(|d| std::fs::create_dir(sub(d, "12-extra.xlsx")).unwrap());
    assert!(e.contains("submissions/12-extra.xlsx") && e.contains("a folder"), "{e}");
}

// ---------------------------------------------------------------------------------------------------------
// Family 4: silent wrong values

/// A Dover submission: the Submission sheet, then `sheets` as (name, hidden, rows); a name starting with
/// "!" is very hidden (only a macro can show it), the "!" dropped.
fn dover(dir: &Path, year: &str, sheets: &[(&str, bool, Vec<Vec<&str>>)]) {
    let mut wb = Workbook::new();
    put_rows(
        wb.add_worksheet().set_name("Submission").unwrap(),
        0,
        &[vec!["Partnership", "Dover"], vec!["Assessment year", year]],
    );
    for (name, hidden, rows) in sheets {
        let very = name.starts_with('!');
        let ws = wb.add_worksheet().set_name(name.trim_start_matches('!')).unwrap();
        put_rows(ws, 0, rows);
        if very {
            ws.set_very_hidden(true);
        } else if *hidden {
            ws.set_hidden(true);
        }
    }
    wb.save(sub(dir, "04-dover.xlsx")).unwrap();
}

fn issues(rows: &[(&'static str, &'static str)]) -> Vec<Vec<&'static str>> {
    let mut all = vec![vec!["Issue", "Identified as"]];
    all.extend(rows.iter().map(|(a, b)| vec![*a, *b]));
    all
}

fn csp_count(j: &serde_json::Value, issue: &str) -> u64 {
    j["appendix_a"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["issue"] == issue)
        .map_or(0, |r| r["csp_count"].as_u64().unwrap())
}

#[test]
fn a_hidden_sheet_never_shadows_the_visible_one() {
    let current = issues(&[("Road Safety", "Main priority")]);
    let stale = issues(&[("Mental Health", "Main priority")]);
    let (base, _) = accepted(|d| dover(d, "2018-19", &[("Issues", false, current.clone())]));
    // A stale hidden copy placed first, under a name that matches ("Issues ", " ISSUES"), and visible
    // sheets that do not ("Issues_", "! Issues").
    for stale_name in ["Issues ", " ISSUES", "! Issues"] {
        let (j, _) = accepted(|d| {
            dover(
                d,
                "2018-19",
                &[
                    (stale_name, true, stale.clone()),
                    ("Issues_", false, stale.clone()),
                    ("Issues", false, current.clone()),
                ],
            )
        });
        assert_eq!(appendix_a(&j), appendix_a(&base), "{stale_name:?}");
    }
    // The only sheet of that name is hidden: read, with a warning naming it.
    let (j, _) = accepted(|d| dover(d, "2018-19", &[("Issues", true, current.clone())]));
    assert_eq!(appendix_a(&j), appendix_a(&base));
    let warned = j["warnings"].as_array().unwrap().iter().any(|w| {
        w["file"].as_str().unwrap_or("").ends_with("04-dover.xlsx")
            && w["sheet"] == "Issues"
            && w["message"].as_str().unwrap().contains("hidden")
    });
    assert!(warned, "{}", j["warnings"]);
    // Sheets are found ignoring case and surrounding spaces only (SPEC §4): a copy named "Issues (2)" or
    // "Issues." beside the real one is another sheet, and the real one is read.
    for other in ["Issues.", "Issues (2)"] {
        let (j, _) = accepted(|d| {
            dover(
                d,
                "2018-19",
                &[(other, false, stale.clone()), ("Issues", false, current.clone())],
            )
        });
        assert_eq!(appendix_a(&j), appendix_a(&base), "{other:?}");
    }
    // Two visible sheets matching one name: an error naming both.
    for second in ["issues ", " ISSUES"] {
        let e = refused(|d| {
            dover(
                d,
                "2018-19",
                &[("Issues", false, current.clone()), (second, false, stale.clone())],
            )
        });
        assert!(
            e.contains("submissions/04-dover.xlsx") && e.contains(&format!("'Issues' and '{second}'")),
            "{e}"
        );
    }
}

/// Remove the stored values of every formula in a workbook's sheets: with no value element at all, or as
/// openpyxl writes them (no type, an empty `<v/>`).
fn strip_formula_values(path: &Path, openpyxl: bool) {
    let mut entries = unzip(&std::fs::read(path).unwrap());
    for (name, data) in &mut entries {
        if name.starts_with("xl/worksheets/sheet") {
            let xml = String::from_utf8(data.clone()).unwrap();
            let mut out = String::new();
            let mut rest = xml.as_str();
            while let Some(i) = rest.find("</f><v>") {
                out.push_str(&rest[..i + 4]);
                if openpyxl {
                    out.push_str("<v/>");
                }
                let after = &rest[i + 4..];
                let end = after.find("</v>").unwrap() + 4;
                rest = &after[end..];
            }
            out.push_str(rest);
            if openpyxl {
                out = out.replace(" t=\"str\"", "");
            }
            *data = out.into_bytes();
        }
    }
    std::fs::write(path, zip_of(&entries)).unwrap();
}

#[test]
fn a_formula_without_its_stored_value_is_an_error_naming_the_cell() {
    for openpyxl in [false, true] {
        let e = refused(|d| {
            let mut wb = Workbook::new();
            put_rows(
                wb.add_worksheet().set_name("Submission").unwrap(),
                0,
                &[vec!["Partnership", "Dover"], vec!["Assessment year", "2018-19"]],
            );
            let ws = wb.add_worksheet().set_name("Issues").unwrap();
            put_rows(ws, 0, &[vec!["Issue", "Identified as"], vec!["Road Safety"]]);
            ws.write_formula(
                1,
                1,
                Formula::new("=IF(1,\"Main priority\",\"\")").set_result("Main priority"),
            )
            .unwrap();
            wb.save(sub(d, "04-dover.xlsx")).unwrap();
            strip_formula_values(&sub(d, "04-dover.xlsx"), openpyxl);
        });
        assert!(
            e.contains("submissions/04-dover.xlsx, sheet 'Issues', cell B2")
                && e.contains("open and save the file in Excel or LibreOffice so that its values are stored"),
            "{e}"
        );
    }
}

#[test]
fn an_ods_formula_without_its_value_is_an_error_naming_the_cell_whatever_the_files_name() {
    for name in ["08-swale.ods", "08-swale.xlsx"] {
        let e = refused(|d| {
            let bytes = rezip_with(&fixture("swale.ods"), "content.xml", |xml| {
                let filled = "<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>Main priority</text:p></table:table-cell>";
                let formula = "<table:table-cell table:formula=\"of:=&quot;Main priority&quot;\"/>";
                assert!(xml.contains(filled));
                xml.replacen(filled, formula, 1)
            });
            std::fs::remove_file(sub(d, "08-swale.xlsx")).unwrap();
            std::fs::write(sub(d, name), bytes).unwrap();
        });
        assert!(
            e.contains(&format!("submissions/{name}, sheet 'Issues', cell"))
                && e.contains("so that its values are stored"),
            "{name}: {e}"
        );
    }
}

#[test]
fn a_formula_whose_stored_value_is_empty_text_is_a_blank_cell() {
    let (j, _) = accepted(|d| {
        let mut wb = Workbook::new();
        put_rows(
            wb.add_worksheet().set_name("Submission").unwrap(),
            0,
            &[vec!["Partnership", "Dover"], vec!["Assessment year", "2018-19"]],
        );
        let ws = wb.add_worksheet().set_name("Issues").unwrap();
        put_rows(
            ws,
            0,
            &[
                vec!["Issue", "Identified as"],
                vec!["Road Safety", "Main priority"],
                vec!["Mental Health"],
            ],
        );
        // ="" as Excel stores it: a text formula with an empty value (<c t="str"><f>..</f><v></v></c>).
        ws.write_formula(2, 1, Formula::new("=IF(1,\"\",\"Main priority\")").set_result("EMPTY"))
            .unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let bytes = rezip_with(&bytes, "xl/worksheets/sheet2.xml", |xml| {
            assert!(xml.contains("t=\"str\""));
            xml.replace("<v>EMPTY</v>", "<v></v>")
        });
        std::fs::write(sub(d, "04-dover.xlsx"), bytes).unwrap();
    });
    let (base, _) = accepted(|d| {
        dover(
            d,
            "2018-19",
            &[("Issues", false, issues(&[("Road Safety", "Main priority")]))],
        );
    });
    assert_eq!(appendix_a(&j), appendix_a(&base));
}

#[test]
fn formula_errors_in_horizon_cells_are_errors_not_low_or_none() {
    for (col, error) in [(3u16, "#N/A"), (2, "#REF!")] {
        let e = refused(|d| {
            let mut wb = Workbook::new();
            let ws = wb.add_worksheet().set_name("PESTELO").unwrap();
            put_rows(
                ws,
                0,
                &[
                    vec!["Category", "Item", "Related issues", "Impact"],
                    vec!["Social", "Ageing population", "Mental Health", "High"],
                ],
            );
            ws.write_formula(1, col, Formula::new("=NA()").set_result(error))
                .unwrap();
            wb.save(d.join("horizon.xlsx")).unwrap();
        });
        let cell = if col == 3 { "D2" } else { "C2" };
        assert!(
            e.contains(&format!("horizon.xlsx, sheet 'PESTELO', cell {cell}")) && e.contains(error),
            "{error}: {e}"
        );
    }
}

#[test]
fn a_morile_factor_between_two_levels_is_an_error_naming_the_cell() {
    // The built-in scheme's factors, each at its first level's points; then the Physical harm (0, 5, 10, 20,
    // 40) set between two levels.
    let scheme = csa_review::config::Scheme::builtin();
    let factors: Vec<String> = scheme.all_factors().cloned().collect();
    let mut header = vec!["Item"];
    header.extend(factors.iter().map(String::as_str));
    let points: Vec<String> = factors
        .iter()
        .map(|f| scheme.levels[f].values().next().unwrap().to_string())
        .collect();
    assert_eq!(factors[0], "Physical");
    for (value, cell) in [("7", "B2"), ("15", "B2")] {
        let e = refused(|d| {
            let mut row = vec!["Gangs"];
            row.extend(points.iter().map(String::as_str));
            row[1] = value;
            morile(&d.join("morile.xlsx"), &header, &[row])
        });
        assert!(
            e.contains(&format!("morile.xlsx, sheet 'MoRiLE', cell {cell}"))
                && e.contains(&format!("is {value}, which is not one of its levels")),
            "{value}: {e}"
        );
    }
}

#[test]
fn an_assessment_year_that_is_not_the_reviews_is_a_warning_and_still_counts() {
    let rows = issues(&[("Road Safety", "Main priority")]);
    let (this_year, _) = accepted(|d| dover(d, "2018/19", &[("Issues", false, rows.clone())]));
    let year_warning = |j: &serde_json::Value| {
        j["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["message"].as_str().unwrap().contains("assessment year"))
            .cloned()
    };
    assert_eq!(year_warning(&this_year), None, "2018/19 is the review's 2018-19");
    let (last_year, _) = accepted(|d| dover(d, "2017-18", &[("Issues", false, rows.clone())]));
    let w = year_warning(&last_year).expect("a warning");
    assert!(
        w["file"].as_str().unwrap().ends_with("04-dover.xlsx") && w["cell"] == "B2",
        "{w}"
    );
    assert_eq!(
        csp_count(&last_year, "Road Safety"),
        csp_count(&this_year, "Road Safety"),
        "still counts"
    );
}

// ---------------------------------------------------------------------------------------------------------
// Family 5: numbers that are not numbers

#[test]
fn numbers_that_are_malformed_or_absurd_are_errors_naming_the_cell() {
    for (score, says) in [
        ("183,33", "not a number the tool can read"),
        ("1,2,3", "not a number the tool can read"),
        ("1e308", "the score must be"),
    ] {
        let e = refused(|d| morile(&d.join("morile.xlsx"), &["Item", "Score"], &[vec!["Gangs", score]]));
        assert!(
            e.contains("morile.xlsx, sheet 'MoRiLE', cell B2") && e.contains(says),
            "{score}: {e}"
        );
    }
    let e = refused(|d| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("MoRiLE").unwrap();
        put_rows(ws, 0, &[vec!["Item", "Score"], vec!["Gangs"]]);
        ws.write_number(1, 1, 1e308).unwrap();
        wb.save(d.join("morile.xlsx")).unwrap();
    });
    assert!(e.contains("cell B2") && e.contains("beyond the largest"), "{e}");
    // Thousands separators in their places are numbers.
    let (j, _) = accepted(|d| {
        morile(
            &d.join("morile.xlsx"),
            &["Item", "Score"],
            &[vec!["Gangs", "1,000"], vec!["Road Safety", "12,345.5"]],
        )
    });
    let scores: Vec<f64> = j["morile"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["score"].as_f64().unwrap())
        .collect();
    assert_eq!(scores, vec![12345.5, 1000.0]);
}
