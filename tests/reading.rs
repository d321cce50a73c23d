//! Reading what districts really send: messy layouts, aliases, other file formats (SPEC §3, §4.1).

mod common;
use common::*;
use rust_xlsxwriter::Workbook;

#[test]
fn messy_layouts_give_the_right_counts() {
    let s = Small::new(&["Northtown", "Southtown", "East Vale"], "");
    // Title rows above the header, shuffled and oddly cased headers, an extra column, blank rows,
    // a trailing colon on labels, stray spaces.
    let mut wb = Workbook::new();
    wb.add_worksheet()
        .set_name("Instructions")
        .unwrap()
        .write_string(0, 0, "Fill this in")
        .unwrap();
    let ws = wb.add_worksheet().set_name("  submission ").unwrap();
    put_rows(
        ws,
        0,
        &[
            vec!["Return for 2024-25"],
            vec![""],
            vec!["Partnership:", "  northtown "],
        ],
    );
    let ws = wb.add_worksheet().set_name("ISSUES").unwrap();
    put_rows(
        ws,
        0,
        &[
            vec!["Northtown CSP issues"],
            vec![""],
            vec!["Notes", "IDENTIFIED AS:", "Lead agency", "issue", "Local Heading"],
            vec!["", "Main priority", "Police", "CSE", "Vulnerable people"],
            vec!["", "", "", "", ""],
            vec!["note", "cross cutting", "", "  Safeguarding   Vulnerable People ", ""],
            vec!["", "n/a", "", "Road Safety", ""],
            vec!["", "Broader theme", "", "anti social behavior.", ""],
            vec!["", "Priority", "", "Gangs (county lines)", ""],
        ],
    );
    wb.save(s.sub("north.xlsx")).unwrap();
    submission(
        &s.sub("south.xlsx"),
        "Southtown",
        &[("Domestic violence", "Theme"), ("ASB", "Main")],
    );
    let j = s.json();
    let safeguarding = row(&j, "appendix_a", "Safeguarding and Vulnerability");
    assert_eq!(
        safeguarding["csp_count"], 1,
        "two sub-issues of one issue in one CSP count once"
    );
    assert_eq!(safeguarding["main_priority"], 1, "the strongest identification is kept");
    assert_eq!(safeguarding["cross_cutting_theme"], 0);
    let asb = row(&j, "appendix_a", "Anti-Social Behaviour");
    assert_eq!(asb["csp_count"], 2);
    assert_eq!(
        (asb["main_priority"].as_u64(), asb["part_of_broader_theme"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(row(&j, "appendix_a", "Serious and Organised Crime")["csp_count"], 1);
    assert_eq!(row(&j, "appendix_a", "Domestic Abuse")["cross_cutting_theme"], 1);
    assert!(
        j["appendix_a"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["issue"] != "Road Safety"),
        "n/a is not identified"
    );
    assert_eq!(j["partnerships"]["missing"], serde_json::json!(["East Vale"]));
    assert_eq!(
        j["partnerships"]["expected"], 3,
        "the denominator stays the expected number"
    );
    assert!(
        j["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["message"].as_str().unwrap().contains("East Vale"))
    );
}

#[test]
fn an_unknown_name_is_listed_and_warned_about_never_dropped_or_mapped() {
    let s = Small::new(&["A", "B"], "");
    submission(
        &s.sub("a.xlsx"),
        "A",
        &[
            ("Troubled families", "Main priority"),
            ("Domestik abuse", "Main priority"),
        ],
    );
    submission(
        &s.sub("b.xlsx"),
        "B",
        &[
            ("troubled families", "Cross-cutting theme"),
            ("Hidden issue", "Not identified"),
        ],
    );
    let j = s.json();
    let others = j["other_focus_areas"].as_array().unwrap();
    assert_eq!(others.len(), 2, "{others:?}");
    let tf = others.iter().find(|o| o["name"] == "Troubled families").unwrap();
    assert_eq!(tf["partnerships"], serde_json::json!(["A", "B"]));
    assert!(
        j["appendix_a"].as_array().unwrap().is_empty(),
        "nothing was silently mapped"
    );
    let warnings: Vec<&str> = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("Domestik abuse") && w.contains("Domestic Abuse")),
        "{warnings:?}"
    );
    assert!(
        !warnings.iter().any(|w| w.contains("Hidden issue")),
        "a name marked Not identified is not listed"
    );
}

#[test]
fn a_partnership_alias_counts_under_its_review_name() {
    let s = Small::new(
        &["Shepway", "Dover"],
        "[partnership_aliases]\n\"Shepway\" = [\"Folkestone & Hythe\"]\n",
    );
    submission(&s.sub("fh.xlsx"), "Folkestone and Hythe", &[("DA", "Main priority")]);
    submission(&s.sub("dover.xlsx"), "DOVER", &[("DA", "Main priority")]);
    let j = s.json();
    assert_eq!(
        row(&j, "appendix_a", "Domestic Abuse")["partnerships"],
        serde_json::json!(["Dover", "Shepway"])
    );
}

#[test]
fn ods_and_xls_submissions_read_the_same_as_xlsx() {
    // tests/fixtures/swale.ods and dover.xls were made from the sample's .xlsx submissions with
    // `soffice --headless --convert-to ods|xls` (LibreOffice 7.4).
    let s = sample_copy();
    let subs = s.path().join("submissions");
    std::fs::remove_file(subs.join("08-swale.xlsx")).unwrap();
    std::fs::remove_file(subs.join("04-dover.xlsx")).unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::copy(fixtures.join("swale.ods"), subs.join("08-swale.ods")).unwrap();
    std::fs::copy(fixtures.join("dover.xls"), subs.join("04-dover.xls")).unwrap();
    let via_other = csa_review::review_folder(s.path()).unwrap();
    let via_xlsx = csa_review::review_folder(&sample()).unwrap();
    let counts = |a: &csa_review::Assessment| -> Vec<(usize, usize, usize, usize, Vec<String>)> {
        a.appendix_a
            .rows
            .iter()
            .map(|r| {
                (
                    r.issue,
                    r.csp_count,
                    r.main_priority,
                    r.cross_cutting_theme,
                    r.partnerships.clone(),
                )
            })
            .collect()
    };
    assert_eq!(counts(&via_other), counts(&via_xlsx));
    assert_eq!(via_other.appendix_a.received.len(), 11);
    let dover = via_other
        .received
        .iter()
        .find(|r| r.submission.file.ends_with("04-dover.xls"))
        .unwrap();
    assert_eq!(
        dover.submission.date_completed.as_deref(),
        Some("2018-01-11"),
        "a date read from .xls"
    );
}

#[test]
fn other_files_in_the_submissions_folder_are_ignored_with_a_warning() {
    let s = Small::new(&["A"], "");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    std::fs::write(s.sub("notes.txt"), "covering email").unwrap();
    std::fs::write(s.sub("~$a.xlsx"), "lock").unwrap();
    let j = s.json();
    let files: Vec<&str> = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["file"].as_str())
        .collect();
    assert!(files.contains(&"submissions/notes.txt"), "{files:?}");
    assert!(files.contains(&"submissions/~$a.xlsx"), "{files:?}");
    assert_eq!(row(&j, "appendix_a", "Domestic Abuse")["csp_count"], 1);
}

#[test]
fn numbers_and_formulas_are_read_by_value() {
    let s = Small::new(&["A"], "");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Submission").unwrap();
    ws.write_string(0, 0, "Partnership").unwrap();
    ws.write_formula(0, 1, rust_xlsxwriter::Formula::new("=\"A\"").set_result("A"))
        .unwrap();
    let ws = wb.add_worksheet().set_name("Issues").unwrap();
    put_rows(
        ws,
        0,
        &[vec!["Issue", "Identified as"], vec!["Road Safety", "Main priority"]],
    );
    wb.save(s.sub("a.xlsx")).unwrap();
    let j = s.json();
    assert_eq!(
        row(&j, "appendix_a", "Road Safety")["partnerships"],
        serde_json::json!(["A"])
    );
}

#[test]
fn trailing_parentheticals_are_ignored_in_headers_labels_values_and_partnerships() {
    let s = Small::new(&["Ashford", "Dover"], "");
    let mut wb = Workbook::new();
    put_rows(
        wb.add_worksheet().set_name("Submission").unwrap(),
        0,
        &[vec!["Partnership (name of your CSP):", "Ashford (CSP)"]],
    );
    put_rows(
        wb.add_worksheet().set_name("Issues").unwrap(),
        0,
        &[
            vec!["Issue (as named locally)", "Identified as (choose one)"],
            vec!["DA", "Main priority (top)"],
            vec!["ASB", "Cross-cutting theme (new)"],
        ],
    );
    wb.save(s.sub("a.xlsx")).unwrap();
    let j = s.json();
    assert_eq!(row(&j, "appendix_a", "Domestic Abuse")["main_priority"], 1);
    assert_eq!(row(&j, "appendix_a", "Anti-Social Behaviour")["cross_cutting_theme"], 1);
    assert_eq!(
        row(&j, "appendix_a", "Domestic Abuse")["partnerships"],
        serde_json::json!(["Ashford"])
    );
}

/// Every name SPEC §3 says a submission may use rolls up to its issue in the default taxonomy.
#[test]
fn every_name_listed_in_the_spec_rolls_up() {
    let t = csa_review::taxonomy::Taxonomy::builtin();
    let spec: [(&str, &[&str]); 11] = [
        (
            "Domestic Abuse",
            &["DA", "domestic violence", "domestic abuse and sexual violence"],
        ),
        (
            "Safeguarding and Vulnerability",
            &[
                "Safeguarding",
                "Safeguarding Vulnerable People",
                "Vulnerability",
                "Vulnerable people",
                "Child Sexual Exploitation",
                "CSE",
                "Victims",
                "Scams",
                "Cyber Crime",
                "Cybercrime",
                "Online safety",
                "Social isolation",
            ],
        ),
        (
            "Anti-Social Behaviour",
            &[
                "ASB",
                "ASB/Environmental",
                "Environmental ASB",
                "Environmental crime",
                "Fly-tipping",
                "Anti-social behaviour",
                "antisocial behaviour",
                "anti social behaviour",
                "Anti-social behavior",
            ],
        ),
        (
            "Serious and Organised Crime",
            &[
                "SOC",
                "Serious & Organised Crime",
                "Serious Organised Crime",
                "Organised Crime Groups",
                "OCGs",
                "Gangs",
                "Modern Slavery",
                "Human Trafficking",
                "Modern Slavery / Human Trafficking",
            ],
        ),
        (
            "Substance Misuse",
            &[
                "Drugs",
                "Alcohol",
                "Drugs and Alcohol",
                "Drug and alcohol misuse",
                "Psychoactive substances",
            ],
        ),
        (
            "Mental Health",
            &["Mental health and wellbeing", "Mental wellbeing", "Dementia"],
        ),
        (
            "Extremism and Hate",
            &[
                "Extremism & Hate",
                "Preventing Extremism and Hate",
                "PREVENT",
                "Preventing Violent Extremism",
                "PVE",
                "Counter-terrorism",
                "Radicalisation",
                "Hate Crime",
                "Hate crimes",
            ],
        ),
        (
            "Reducing Offending and Reoffending",
            &[
                "Reducing reoffending",
                "Reoffending",
                "Re-offending",
                "Offender management",
                "IOM",
            ],
        ),
        (
            "Crime",
            &[
                "Acquisitive crime",
                "Property crime",
                "Rural crime",
                "Burglary",
                "Vehicle crime",
                "Violent crime",
                "Criminal damage",
            ],
        ),
        (
            "Community Confidence",
            &[
                "Quality of life",
                "Community cohesion",
                "Cohesion",
                "Community resilience",
                "Reassurance",
                "Public confidence",
            ],
        ),
        (
            "Road Safety",
            &[
                "Road casualties",
                "Casualty reduction",
                "Killed or seriously injured (KSI)",
            ],
        ),
    ];
    for (issue, names) in spec {
        let id = t.by_name(issue).unwrap_or_else(|| panic!("{issue} is an issue"));
        assert_eq!(t.find(issue), Some(id));
        assert_eq!(t.find(&t.issues[id].label), Some(id), "the printed label of {issue}");
        for name in names {
            assert_eq!(t.find(name), Some(id), "{name} rolls up to {issue}");
            assert_eq!(
                t.find(&format!("  {}. ", name.to_uppercase())),
                Some(id),
                "{name}, shouted with a full stop"
            );
        }
    }
}

/// A workbook saved in the 1904 date system (as Excel for Mac once did): `workbookPr date1904="1"` added to
/// a workbook written with the 1900 system, and its date serials moved by the 1,462 days between the two.
fn submission_with_date(path: &std::path::Path, date1904: bool, completed: &str) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Submission").unwrap();
    put_rows(ws, 0, &[vec!["Partnership", "Northtown"], vec!["Date completed"]]);
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    // 2026-01-30 is serial 46052 in the 1900 system, 44590 in the 1904 one.
    let serial = if date1904 { 46052.0 - 1462.0 } else { 46052.0 };
    if completed.is_empty() {
        ws.write_number_with_format(1, 1, serial, &date_format).unwrap();
    } else {
        ws.write_string(1, 1, completed).unwrap();
    }
    put_rows(
        wb.add_worksheet().set_name("Issues").unwrap(),
        0,
        &[vec!["Issue", "Identified as"], vec!["DA", "Main priority"]],
    );
    let bytes = wb.save_to_buffer().unwrap();
    let bytes = if date1904 {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = std::io::Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        for i in 0..z.len() {
            let mut f = z.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut data = String::new();
            std::io::Read::read_to_string(&mut f, &mut data).unwrap();
            if name == "xl/workbook.xml" {
                data = if data.contains("<workbookPr") {
                    data.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
                } else {
                    data.replacen("<bookViews>", "<workbookPr date1904=\"1\"/><bookViews>", 1)
                };
                assert!(data.contains("date1904"));
            }
            w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            std::io::Write::write_all(&mut w, data.as_bytes()).unwrap();
        }
        w.finish().unwrap();
        out.into_inner()
    } else {
        bytes
    };
    std::fs::write(path, bytes).unwrap();
}

fn date_completed(path: &std::path::Path) -> Option<String> {
    let mut d = csa_review::error::Diagnostics::default();
    let s = csa_review::read::submission::read(path, "n.xlsx", csa_review::config::Limits::default(), &mut d);
    assert!(!d.has_errors(), "{:?}", d.problems);
    s.unwrap().date_completed
}

#[test]
fn dates_honour_the_workbooks_date_system_and_show_as_iso() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("1900.xlsx"), dir.path().join("1904.xlsx"));
    submission_with_date(&a, false, "");
    submission_with_date(&b, true, "");
    assert_eq!(date_completed(&a).as_deref(), Some("2026-01-30"));
    assert_eq!(date_completed(&b).as_deref(), Some("2026-01-30"), "not four years out");
}

#[test]
fn a_date_typed_as_text_shows_as_iso_when_it_can_be_read_only_one_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.xlsx");
    for (typed, shown) in [
        ("30/01/2026", "2026-01-30"),
        ("30 January 2026", "2026-01-30"),
        ("Jan 30, 2026", "2026-01-30"),
        ("01/02/2026", "01/02/2026"),
        ("end of January", "end of January"),
    ] {
        submission_with_date(&path, false, typed);
        assert_eq!(date_completed(&path).as_deref(), Some(shown), "{typed}");
    }
}
