//! The refreshed workbook (SPEC §8), safe writing, the templates and `init` (SPEC §6).

mod common;
use calamine::{Data, Reader, open_workbook_auto};
use common::*;
use std::io::{Read, Write};
use std::path::Path;

fn write_workbook(dir: &Path, out: &Path) {
    let o = bin()
        .args(["review", "--format", "json", "--out"])
        .arg(out)
        .arg(dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn sheet(path: &Path, name: &str) -> calamine::Range<Data> {
    let mut wb = open_workbook_auto(path).unwrap();
    wb.worksheet_range(name).unwrap()
}

fn text(r: &calamine::Range<Data>, row: u32, col: u32) -> String {
    r.get_value((row, col)).map(|d| d.to_string()).unwrap_or_default()
}

fn number(r: &calamine::Range<Data>, row: u32, col: u32) -> f64 {
    match r.get_value((row, col)) {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("expected a number at ({row}, {col}), found {other:?}"),
    }
}

/// Appendix A and B as read back from a workbook (any format calamine reads): (label, count) and item order.
fn appendices(path: &Path) -> (Vec<(String, f64)>, Vec<String>) {
    let a = sheet(path, "Appendix A");
    assert_eq!(text(&a, 0, 0), "Appendix A: Strategic Assessments (2018-19)");
    assert_eq!(text(&a, 1, 0), "Priority");
    assert_eq!(text(&a, 1, 1), "No. of CSPs identifying these issues");
    let rows: Vec<(String, f64)> = (2..13).map(|r| (text(&a, r, 0), number(&a, r, 1))).collect();
    let b = sheet(path, "Appendix B");
    assert_eq!(text(&b, 0, 0), "Appendix B: MoRiLE Assessment (2018-19)");
    assert_eq!(text(&b, 1, 0), "Rank");
    let items: Vec<String> = (2..15).map(|r| text(&b, r, 1)).collect();
    (rows, items)
}

const PUBLISHED_COUNTS: [f64; 11] = [10.0, 10.0, 10.0, 8.0, 8.0, 7.0, 7.0, 7.0, 4.0, 4.0, 3.0];

#[test]
fn the_workbook_has_the_sheets_in_order_and_the_published_appendices_as_numbers() {
    let dir = sample_copy();
    let out = dir.path().join("out/csa.xlsx");
    write_workbook(dir.path(), &out);
    let wb = open_workbook_auto(&out).unwrap();
    let names = wb.sheet_names();
    assert_eq!(
        names,
        [
            "Summary",
            "Appendix A",
            "Appendix B",
            "Appendix C",
            "Ranking",
            "Sensitivity",
            "Comparison",
            "Action plan",
            "Data quality",
            "Provenance"
        ]
    );
    let eight: Vec<&String> = names
        .iter()
        .filter(|n| *n != "Sensitivity" && *n != "Action plan")
        .collect();
    assert_eq!(
        eight,
        [
            "Summary",
            "Appendix A",
            "Appendix B",
            "Appendix C",
            "Ranking",
            "Comparison",
            "Data quality",
            "Provenance"
        ]
    );
    let (rows, items) = appendices(&out);
    assert_eq!(rows.iter().map(|r| r.1).collect::<Vec<_>>(), PUBLISHED_COUNTS);
    assert_eq!(rows[2].0, "ASB/Environmental");
    assert_eq!(items[0], "Modern Slavery");
    assert_eq!(items[11..], ["Hate Crime", "Road Safety"]);
    let b = sheet(&out, "Appendix B");
    assert_eq!(text(&b, 13, 0), "12=");
    assert_eq!(text(&b, 14, 0), "12=");
    assert_eq!(number(&b, 2, 7), 800.0, "scores are numbers");
    let a = sheet(&out, "Appendix A");
    assert_eq!(text(&a, 13, 0), "Total");
    assert_eq!(number(&a, 13, 1), 78.0);
    let ranking = sheet(&out, "Ranking");
    assert!(
        matches!(ranking.get_value((2, 6)), Some(Data::Float(_))),
        "combined scores are numbers"
    );
    let prov = sheet(&out, "Provenance");
    let hashes: Vec<String> = (0..prov.height() as u32)
        .map(|r| text(&prov, r, 2))
        .filter(|h| h.len() == 64)
        .collect();
    assert_eq!(
        hashes.len(),
        19,
        "review.toml, 11 submissions, morile.xlsx, horizon.xlsx, last year's workbook, plan.xlsx, 2 updates, indicators.xlsx"
    );
    let dq = sheet(&out, "Data quality");
    assert_eq!(text(&dq, 2, 1), "received");
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let dir = sample_copy();
    let (one, two) = (dir.path().join("one.xlsx"), dir.path().join("two.xlsx"));
    write_workbook(dir.path(), &one);
    write_workbook(dir.path(), &two);
    assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());
    let a = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let b = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn the_workbook_has_frozen_headers_print_setup_charts_band_colours_and_properties() {
    let dir = sample_copy();
    let out = dir.path().join("csa.xlsx");
    write_workbook(dir.path(), &out);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let appendix_b = read("xl/worksheets/sheet3.xml");
    assert!(appendix_b.contains("state=\"frozen\""));
    assert!(appendix_b.contains("orientation=\"landscape\"") && appendix_b.contains("fitToHeight=\"0\""));
    assert!(appendix_b.contains("<conditionalFormatting"));
    assert!(read("xl/workbook.xml").contains("_xlnm.Print_Titles"));
    assert!(read("xl/charts/chart1.xml").contains("barDir val=\"bar\""));
    assert!(read("xl/charts/chart2.xml").contains("MoRiLE score"));
    let core = read("docProps/core.xml");
    assert!(core.contains("Kent Community Safety Agreement review 2018-19") && core.contains("csa-review"));
}

#[test]
fn writing_never_overwrites_an_input_nor_leaves_a_partial_file() {
    let dir = sample_copy();
    let input = dir.path().join("morile.xlsx");
    let before = snapshot(dir.path());
    bin()
        .args(["review", "--out"])
        .arg(&input)
        .arg(dir.path())
        .assert()
        .code(2);
    bin()
        .args(["review", "--out"])
        .arg(dir.path().join("submissions/summary.xlsx"))
        .arg(dir.path())
        .assert()
        .code(2);
    assert_eq!(snapshot(dir.path()), before);
    // A failed write (a full disk) leaves no file behind.
    if Path::new("/dev/full").exists() {
        let o = bin()
            .args(["review", "--out", "/dev/full"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&o.stderr).contains("/dev/full"));
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::metadata("/dev/full").unwrap().file_type().is_char_device(),
            "the device is left alone"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn an_output_folder_that_cannot_be_made_is_a_clear_error() {
    // A folder under a regular file cannot be made, for root too (a read-only folder would not stop root).
    let dir = sample_copy();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let before = snapshot(dir.path());
    let o = bin()
        .args(["review", "--out"])
        .arg(blocker.join("x.xlsx"))
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("not-a-folder") && !e.contains("panicked"), "{e}");
    assert_eq!(snapshot(dir.path()), before);
}

/// Fill cells of a template as a person would: the sheet's XML gets the values (inline strings).
fn fill(template: &Path, out: &Path, sheet_name: &str, cells: &[(&str, &str)]) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(template).unwrap()).unwrap();
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    let at = workbook.find(&format!("name=\"{sheet_name}\"")).unwrap();
    let rid = workbook[at..]
        .split("r:id=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .trim_start_matches("rId")
        .to_string();
    let target = format!("xl/worksheets/sheet{rid}.xml");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == target {
            let mut xml = String::from_utf8(bytes).unwrap();
            for (cell, value) in cells {
                let start = xml
                    .find(&format!("<c r=\"{cell}\""))
                    .unwrap_or_else(|| panic!("no cell {cell}"));
                let end = start + xml[start..].find('>').unwrap();
                let open = xml[start..end].trim_end_matches('/').to_string();
                let after = if xml[..end].ends_with('/') {
                    end + 1
                } else {
                    end + 1 + xml[end + 1..].find("</c>").unwrap() + 4
                };
                let open = open.split(" t=\"").next().unwrap().to_string();
                let new = format!("{open} t=\"inlineStr\"><is><t>{value}</t></is></c>");
                xml.replace_range(start..after, &new);
            }
            bytes = xml.into_bytes();
        }
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
}

#[test]
fn the_district_template_has_drop_downs_and_is_read_back_when_filled() {
    let dir = sample_copy();
    let template = dir.path().join("district.xlsx");
    bin()
        .args(["template", "district", "--review"])
        .arg(dir.path())
        .arg("--out")
        .arg(&template)
        .assert()
        .success();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&template).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with("xl/worksheets/") {
            f.read_to_string(&mut all).unwrap();
        }
    }
    assert!(
        all.contains("errorStyle=\"information\""),
        "free text is allowed in the Issue column"
    );
    assert_eq!(
        all.matches("<dataValidation ").count(),
        3,
        "partnership, issue and identified-as lists"
    );
    assert!(all.contains("<sheetProtection"), "sheets are protected");
    let lists = sheet(&template, "Lists");
    let names: Vec<String> = (1..12).map(|r| text(&lists, r, 0)).collect();
    assert!(
        names.contains(&"Tunbridge Wells".to_string()),
        "the review's partnerships"
    );

    // Ashford fills it in; the blank template's own rows name every issue, left blank (not identified).
    std::fs::remove_file(dir.path().join("submissions/01-ashford.xlsx")).unwrap();
    let filled = dir.path().join("submissions/01-ashford.xlsx");
    fill(
        &template,
        &filled,
        "Issues",
        &[
            ("B4", "Main priority"),
            ("B5", "Cross-cutting theme"),
            ("B6", "Main priority"),
            ("B7", "Part of broader theme"),
            ("B13", "Main priority"),
            ("A15", "Troubled families"),
            ("B15", "Main priority"),
        ],
    );
    std::fs::remove_file(&template).unwrap();
    let tmp = dir.path().join("step.xlsx");
    std::fs::rename(&filled, &tmp).unwrap();
    fill(&tmp, &filled, "Submission", &[("B3", "Ashford")]);
    std::fs::remove_file(&tmp).unwrap();
    let a = csa_review::review_folder(dir.path()).expect("the filled template is read back");
    let ashford = a
        .received
        .iter()
        .find(|r| r.submission.file.ends_with("01-ashford.xlsx"))
        .unwrap();
    let named: Vec<(&str, &str)> = ashford
        .submission
        .rows
        .iter()
        .filter(|r| r.identified != csa_review::read::submission::Identification::NotIdentified)
        .map(|r| (r.name.as_str(), r.identified.label()))
        .collect();
    assert_eq!(
        named,
        [
            ("Domestic Abuse", "Main priority"),
            ("Safeguarding and Vulnerability", "Cross-cutting theme"),
            ("Anti-Social Behaviour", "Main priority"),
            ("Serious and Organised Crime", "Part of broader theme"),
            ("Community Confidence", "Main priority"),
            ("Troubled families", "Main priority")
        ]
    );
    assert!(
        a.appendix_a
            .other_focus_areas
            .iter()
            .any(|o| o.name == "Troubled families" && o.partnerships == ["Ashford", "Swale"])
    );
}

#[test]
fn the_morile_and_horizon_templates_have_their_sheets_and_lists() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, data_sheet, header) in [("morile", "MoRiLE", "Item"), ("horizon", "PESTELO", "Category")] {
        let p = dir.path().join(format!("{kind}.xlsx"));
        bin().args(["template", kind, "--out"]).arg(&p).assert().success();
        let s = sheet(&p, data_sheet);
        assert_eq!(text(&s, 2, 0), header);
        assert!(!text(&sheet(&p, "Instructions"), 2, 0).is_empty());
    }
    let m = sheet(&dir.path().join("morile.xlsx"), "MoRiLE");
    assert_eq!(text(&m, 2, 6), "Geographic scope");
}

#[test]
fn init_makes_a_review_folder_and_refuses_to_overwrite_one() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("2026-27");
    bin()
        .args(["init"])
        .arg(&review)
        .args(["--area", "Kent", "--year", "2026-27"])
        .assert()
        .success();
    for f in [
        "review.toml",
        "templates/district.xlsx",
        "templates/morile.xlsx",
        "templates/horizon.xlsx",
    ] {
        assert!(review.join(f).is_file(), "{f}");
    }
    assert!(review.join("submissions").is_dir());
    let toml = std::fs::read_to_string(review.join("review.toml")).unwrap();
    assert!(toml.contains("area = \"Kent\"") && toml.contains("year = \"2026-27\"") && toml.contains("# "));
    let before = snapshot(&review);
    bin()
        .args(["init"])
        .arg(&review)
        .args(["--area", "Kent", "--year", "2026-27"])
        .assert()
        .code(2);
    assert_eq!(snapshot(&review), before);
    // The new folder reads as a review: with partnerships listed and one return, it runs.
    let toml = toml.replace("partnerships = []", "partnerships = [\"Ashford\"]");
    std::fs::write(review.join("review.toml"), toml).unwrap();
    submission(
        &review.join("submissions/ashford.xlsx"),
        "Ashford",
        &[("DA", "Main priority")],
    );
    bin().args(["review", "--no-workbook"]).arg(&review).assert().success();
}

/// A real spreadsheet program opens the workbook and sees the published appendices.
#[test]
fn libreoffice_reads_the_published_appendices() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        assert!(
            std::env::var("CI").is_err(),
            "soffice is required under CI (.ci/run installs it)"
        );
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return;
    };
    let dir = sample_copy();
    let out = dir.path().join("csa.xlsx");
    write_workbook(dir.path(), &out);
    let profile = dir.path().join("lo-profile");
    let status = std::process::Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "ods", "--outdir"])
        .arg(dir.path())
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let ods = dir.path().join("csa.ods");
    let (rows, items) = appendices(&ods);
    assert_eq!(rows.iter().map(|r| r.1).collect::<Vec<_>>(), PUBLISHED_COUNTS);
    assert_eq!(
        items[..4],
        [
            "Modern Slavery",
            "PREVENT",
            "Child Sexual Exploitation (CSE)",
            "Domestic Abuse"
        ]
    );
    assert_eq!(number(&sheet(&ods, "Appendix B"), 2, 7), 800.0);
}

#[test]
fn the_action_plan_sheet_has_a_numbered_skeleton_per_proposed_priority_with_its_lead() {
    let dir = sample_copy();
    let out = dir.path().join("csa.xlsx");
    write_workbook(dir.path(), &out);
    let plan = sheet(&out, "Action plan");
    let cells: Vec<(u32, String)> = (0..plan.height() as u32).map(|r| (r, text(&plan, r, 0))).collect();
    let priorities: Vec<&(u32, String)> = cells.iter().filter(|(_, t)| t.starts_with("Priority: ")).collect();
    assert_eq!(priorities.len(), 7);
    let road = priorities.iter().find(|(_, t)| t == "Priority: Road Safety").unwrap();
    assert_eq!(
        text(&plan, road.0 + 1, 0),
        "Lead: Kent and Medway Road Casualty Reduction Partnership"
    );
    let peh = priorities
        .iter()
        .find(|(_, t)| t == "Priority: Preventing Extremism and Hate")
        .unwrap();
    assert_eq!(
        text(&plan, peh.0 + 1, 0),
        "Lead: Prevent and Channel Strategic Manager, Kent County Council"
    );
    assert_eq!(text(&plan, peh.0 + 3, 0), "No.");
    assert_eq!(text(&plan, peh.0 + 3, 5), "Lead Agency");
    let p = priorities.iter().position(|x| x.1 == peh.1).unwrap() + 1;
    assert_eq!(text(&plan, peh.0 + 4, 0), format!("{p}.1"));
    assert_eq!(text(&plan, peh.0 + 6, 0), format!("{p}.3"));
}

/// The data validations of every worksheet of a workbook, as XML elements.
fn validations(path: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with("xl/worksheets/") {
            let mut xml = String::new();
            f.read_to_string(&mut xml).unwrap();
            out.extend(
                xml.split("<dataValidation ")
                    .skip(1)
                    .map(|v| v.split('>').next().unwrap().to_string()),
            );
        }
    }
    out
}

#[test]
fn the_morile_and_horizon_templates_have_drop_downs() {
    let dir = tempfile::tempdir().unwrap();
    let (m, h) = (dir.path().join("m.xlsx"), dir.path().join("h.xlsx"));
    bin().args(["template", "morile", "--out"]).arg(&m).assert().success();
    bin().args(["template", "horizon", "--out"]).arg(&h).assert().success();
    // MoRiLE: the Issue column, ten factor columns (labels or points, so a warning only), Confidence.
    let mv = validations(&m);
    assert_eq!(mv.len(), 12, "{mv:?}");
    assert_eq!(mv.iter().filter(|v| v.contains("errorStyle=\"warning\"")).count(), 12);
    // Horizon: Category (strict), Impact (strict), Related issues (information: several may be given).
    let hv = validations(&h);
    assert_eq!(hv.len(), 3, "{hv:?}");
    assert_eq!(
        hv.iter().filter(|v| v.contains("errorStyle=\"information\"")).count(),
        1
    );
}

#[test]
fn the_sensitivity_sheet_and_the_year_on_year_block_hold_their_figures() {
    let dir = sample_copy();
    let out = dir.path().join("csa.xlsx");
    write_workbook(dir.path(), &out);
    let s = sheet(&out, "Sensitivity");
    assert_eq!(text(&s, 1, 0), "Issue");
    let rows: Vec<(String, String)> = (2..13).map(|r| (text(&s, r, 0), text(&s, r, 1))).collect();
    assert_eq!(rows.len(), 11);
    assert!(rows.contains(&("Safeguarding and Vulnerability".into(), "yes".into())));
    assert!(rows.contains(&("Road Safety".into(), "no".into())));
    assert_eq!(
        number(&s, 2, 2),
        1.0,
        "the top issue stays in the top N in every sample"
    );
    let c = sheet(&out, "Comparison");
    let start = (0..c.height() as u32)
        .find(|r| text(&c, *r, 0).starts_with("Year on year"))
        .expect("a year-on-year block");
    let road = (start..c.height() as u32)
        .find(|r| text(&c, *r, 0) == "Road Safety")
        .unwrap();
    assert_eq!(
        (number(&c, road, 1), number(&c, road, 2), number(&c, road, 3)),
        (6.0, 3.0, -3.0)
    );
    assert_eq!(text(&c, road, 9), "dropped down the list");
}

/// A text longer than a spreadsheet cell holds (32,767 characters) is shortened with a marked ellipsis and
/// a warning on the Data quality sheet; the review still succeeds and the JSON keeps the whole text.
#[test]
fn a_text_too_long_for_a_cell_is_shortened_and_marked_never_a_failed_review() {
    let dir = sample_copy();
    let toml = dir.path().join("review.toml");
    let long = "Westshire and ".repeat(3_000) + "Eastshire";
    let settings = std::fs::read_to_string(&toml)
        .unwrap()
        .replace("\"Tunbridge Wells\"]", &format!("\"Tunbridge Wells\", \"{long}\"]"));
    std::fs::write(&toml, settings).unwrap();
    let out = dir.path().join("long.xlsx");
    let o = bin()
        .args(["review", "--format", "json", "--out"])
        .arg(&out)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["partnerships"]["missing"][0],
        long.as_str(),
        "the JSON keeps the whole name"
    );
    let prov = sheet(&out, "Provenance");
    let expected = (0..prov.height() as u32)
        .find(|&r| text(&prov, r, 0) == "Partnerships expected")
        .unwrap();
    let cell = text(&prov, expected, 1);
    assert!(cell.chars().count() <= 32_767, "{} characters", cell.chars().count());
    assert!(cell.starts_with("Ashford; Canterbury"));
    assert!(
        cell.ends_with("characters in all; the JSON output holds the whole text]"),
        "{}",
        &cell[cell.len() - 120..]
    );
    let dq = sheet(&out, "Data quality");
    let warned = (0..dq.height() as u32)
        .any(|r| text(&dq, r, 1) == "Provenance" && text(&dq, r, 3).contains("longer than a spreadsheet cell holds"));
    assert!(warned, "the Data quality sheet lists the shortened cell");
}

/// Ranks are numbers wherever they are plain; only a tie ("12=") is text (SPEC §8).
#[test]
fn plain_ranks_are_numbers_and_only_ties_are_text() {
    let dir = sample_copy();
    let out = dir.path().join("csa.xlsx");
    write_workbook(dir.path(), &out);
    let ranking = sheet(&out, "Ranking");
    assert_eq!(text(&ranking, 1, 7), "MoRiLE rank");
    let mut tied = 0;
    for r in 2..13 {
        for c in [0, 7] {
            match ranking.get_value((r, c)) {
                Some(Data::Float(_)) | Some(Data::Int(_)) | None | Some(Data::Empty) => {}
                Some(Data::String(s)) => {
                    assert!(s.ends_with('='), "a plain rank stored as text: {s}");
                    tied += 1;
                }
                other => panic!("{other:?}"),
            }
        }
    }
    assert_eq!(tied, 1, "Road Safety's MoRiLE rank 12= is the one tie");
    let b = sheet(&out, "Appendix B");
    assert!(matches!(b.get_value((2, 0)), Some(Data::Float(_))));
    assert_eq!(text(&b, 13, 0), "12=");
}
