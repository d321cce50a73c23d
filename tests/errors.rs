//! Every error case of SPEC §4.1: exit status 1, a message naming the file (and sheet and cell where there
//! is one), nothing written, inputs untouched.

mod common;
use common::*;
use rust_xlsxwriter::Workbook;

/// Run `review` on a copy of the sample after `damage`; check the failure and return stderr.
fn fails_after(damage: impl FnOnce(&std::path::Path)) -> String {
    let dir = sample_copy();
    damage(dir.path());
    let before = snapshot(dir.path());
    let out = bin().arg("review").arg(dir.path()).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.is_empty(),
        "nothing is printed on stdout when the review fails"
    );
    assert!(!dir.path().join("out").exists(), "nothing is written");
    assert_eq!(snapshot(dir.path()), before, "inputs are never modified");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn subs(dir: &std::path::Path) -> std::path::PathBuf {
    dir.join("submissions")
}

#[test]
fn an_unknown_partnership_names_the_file_and_cell() {
    let e = fails_after(|d| submission(&subs(d).join("12-medway.xlsx"), "Medway", &[("DA", "Main priority")]));
    assert!(
        e.contains("submissions/12-medway.xlsx")
            && e.contains("cell B1")
            && e.contains("unknown partnership \"Medway\""),
        "{e}"
    );
}

#[test]
fn two_files_for_one_partnership_name_both_files() {
    let e = fails_after(|d| {
        submission(
            &subs(d).join("99-dover-again.xlsx"),
            "Dover",
            &[("DA", "Main priority")],
        )
    });
    assert!(
        e.contains("04-dover.xlsx") && e.contains("99-dover-again.xlsx") && e.contains("two files"),
        "{e}"
    );
}

#[test]
fn an_empty_file_is_an_error_naming_it() {
    let e = fails_after(|d| std::fs::write(subs(d).join("05-maidstone.xlsx"), b"").unwrap());
    assert!(e.contains("05-maidstone.xlsx") && e.contains("empty"), "{e}");
}

#[test]
fn a_password_protected_workbook_is_an_error_naming_it() {
    // Made with msoffcrypto-tool from the sample's Ashford submission (password "secret").
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/password-protected.xlsx");
    let e = fails_after(|d| {
        std::fs::copy(&fixture, subs(d).join("01-ashford.xlsx")).unwrap();
    });
    assert!(e.contains("01-ashford.xlsx") && e.contains("password-protected"), "{e}");
}

#[test]
fn a_corrupt_workbook_is_an_error_naming_it() {
    let e = fails_after(|d| {
        let p = subs(d).join("02-canterbury.xlsx");
        let bytes = std::fs::read(&p).unwrap();
        std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
    });
    assert!(e.contains("02-canterbury.xlsx") && e.contains("damaged"), "{e}");
}

#[test]
fn a_text_file_named_xlsx_is_not_a_spreadsheet() {
    let e = fails_after(|d| {
        std::fs::write(
            subs(d).join("03-dartford-and-gravesham.xlsx"),
            "Issue,Identified as\nDA,Main\n",
        )
        .unwrap()
    });
    assert!(
        e.contains("03-dartford-and-gravesham.xlsx") && e.contains("not a spreadsheet"),
        "{e}"
    );
}

#[test]
fn a_missing_sheet_is_an_error_naming_file_and_sheet() {
    let e = fails_after(|d| {
        let mut wb = Workbook::new();
        put_rows(
            wb.add_worksheet().set_name("Submission").unwrap(),
            0,
            &[vec!["Partnership", "Dover"]],
        );
        put_rows(
            wb.add_worksheet().set_name("Sheet2").unwrap(),
            0,
            &[vec!["Issue", "Identified as"]],
        );
        wb.save(subs(d).join("04-dover.xlsx")).unwrap();
    });
    assert!(
        e.contains("04-dover.xlsx") && e.contains("no sheet named 'Issues'") && e.contains("'Sheet2'"),
        "{e}"
    );
}

#[test]
fn a_missing_column_is_an_error_naming_the_header_row() {
    let e = fails_after(|d| {
        let mut wb = Workbook::new();
        put_rows(
            wb.add_worksheet().set_name("Submission").unwrap(),
            0,
            &[vec!["Partnership", "Dover"]],
        );
        put_rows(
            wb.add_worksheet().set_name("Issues").unwrap(),
            0,
            &[vec!["Title"], vec!["Issue", "Notes"], vec!["DA", ""]],
        );
        wb.save(subs(d).join("04-dover.xlsx")).unwrap();
    });
    assert!(
        e.contains("04-dover.xlsx, sheet 'Issues', cell A2") && e.contains("\"Identified as\""),
        "{e}"
    );
}

#[test]
fn an_unknown_identified_as_value_names_its_cell() {
    let e = fails_after(|d| {
        submission(
            &subs(d).join("04-dover.xlsx"),
            "Dover",
            &[("DA", "Main priority"), ("ASB", "Top priority")],
        )
    });
    assert!(
        e.contains("04-dover.xlsx, sheet 'Issues', cell B3") && e.contains("\"Top priority\""),
        "{e}"
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let e = fails_after(|d| {
        submission(
            &subs(d).join("04-dover.xlsx"),
            "Dover",
            &[("DA", "Yes"), ("ASB", "Definitely")],
        );
        std::fs::write(subs(d).join("05-maidstone.xlsx"), b"").unwrap();
    });
    assert!(
        e.contains("cell B2") && e.contains("cell B3") && e.contains("05-maidstone.xlsx"),
        "{e}"
    );
    assert!(e.contains("3 error(s)"), "{e}");
}

#[test]
fn a_missing_or_empty_submissions_folder_is_an_error() {
    let e = fails_after(|d| std::fs::remove_dir_all(subs(d)).unwrap());
    assert!(e.contains("submissions") && e.contains("does not exist"), "{e}");
    let e = fails_after(|d| {
        for f in std::fs::read_dir(subs(d)).unwrap() {
            std::fs::remove_file(f.unwrap().path()).unwrap();
        }
    });
    assert!(e.contains("holds no workbooks"), "{e}");
}

#[test]
fn a_bad_review_toml_names_the_line() {
    let e = fails_after(|d| {
        let p = d.join("review.toml");
        let t = std::fs::read_to_string(&p)
            .unwrap()
            .replace("support = 0.6", "suport = 0.6");
        std::fs::write(p, t).unwrap();
    });
    assert!(e.contains("review.toml, line") && e.contains("suport"), "{e}");
}

#[test]
fn a_decision_for_an_unknown_issue_names_the_line() {
    let e = fails_after(|d| {
        let p = d.join("review.toml");
        let t = std::fs::read_to_string(&p)
            .unwrap()
            .replace("issue = \"Road Safety\"\naction", "issue = \"Road Safty\"\naction");
        std::fs::write(p, t).unwrap();
    });
    assert!(
        e.contains("review.toml, line") && e.contains("Road Safty") && e.contains("nearest: \"Road Safety\""),
        "{e}"
    );
}

#[test]
fn validate_lists_every_problem_sorted_by_file_and_cell() {
    let dir = sample_copy();
    let subs = dir.path().join("submissions");
    submission(
        &subs.join("04-dover.xlsx"),
        "Dover",
        &[("DA", "Yes"), ("ASB", "Main priority"), ("CSE", "Definitely")],
    );
    submission(&subs.join("02-canterbury.xlsx"), "Canterbury", &[("DA", "Maybe")]);
    std::fs::write(subs.join("10-tonbridge-and-malling.xlsx"), b"").unwrap();
    let out = bin().arg("validate").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 4, "{text}");
    assert!(
        errors[0].contains("02-canterbury.xlsx") && errors[0].contains("cell B2"),
        "{text}"
    );
    assert!(
        errors[1].contains("04-dover.xlsx") && errors[1].contains("cell B2"),
        "{text}"
    );
    assert!(
        errors[2].contains("04-dover.xlsx") && errors[2].contains("cell B4"),
        "{text}"
    );
    assert!(errors[3].contains("10-tonbridge-and-malling.xlsx"), "{text}");
}

/// Run `review` on a small review whose review.toml ends with `extra`; expect exit 1 and return stderr.
fn toml_fails(extra: &str) -> String {
    let s = Small::new(&["A"], extra);
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    s.fails()
}

#[test]
fn review_toml_mistakes_say_what_the_setting_should_hold_with_the_line() {
    let e = toml_fails("[weights]\nlocal = \"half\"\nmorile = 1\nhorizon = 1");
    assert!(
        e.contains("review.toml, line 5: `local` should hold a number, such as 0.5; it holds the text \"half\""),
        "{e}"
    );
    let e = toml_fails("[current]\npriorities = [\"Domestic Abuse\"]");
    assert!(
        e.contains("line 5") && e.contains("{ name = \"...\", issue = \"...\" }"),
        "{e}"
    );
    let e = toml_fails("[current]\npriorities = \"Domestic Abuse\"");
    assert!(
        e.contains("line 5: `priorities` should hold a list in square brackets"),
        "{e}"
    );
    let e = toml_fails("[[decision]]\nissue = \"Road Safety\"");
    assert!(e.contains("`action` is missing here"), "{e}");
    for e in [
        toml_fails("[weights]\nlocal = \"x\"\nmorile = 1\nhorizon = 1"),
        toml_fails("[current]\npriorities = [\"DA\"]"),
        toml_fails("[current]\npriorities = \"DA\""),
        toml_fails("[limits]\nmax_cells = -1"),
    ] {
        for programmer in ["f64", "struct", "sequence", "usize", "CurrentFileItem", "invalid type"] {
            assert!(!e.contains(programmer), "{programmer} in: {e}");
        }
    }
}

#[test]
fn a_review_toml_not_saved_as_utf8_says_to_save_it_as_utf8() {
    let s = Small::new(&["A"], "");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    let p = s.path().join("review.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    // Notepad's "ANSI" (Windows-1252): é is the single byte 0xE9, on line 5.
    let mut ansi = text.clone().into_bytes();
    ansi.extend(b"# R\xE9sum\xE9\n");
    std::fs::write(&p, &ansi).unwrap();
    let e = s.fails();
    assert!(
        e.contains("review.toml, line 5") && e.contains("save review.toml as UTF-8"),
        "{e}"
    );
    assert!(!e.contains("stream did not contain"), "{e}");
    // Notepad's "Unicode" (UTF-16 with a byte-order mark).
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&p, &utf16).unwrap();
    let e = s.fails();
    assert!(e.contains("UTF-16") && e.contains("save review.toml as UTF-8"), "{e}");
    // A UTF-8 byte-order mark (Notepad's "UTF-8 with BOM") is fine.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(text.as_bytes());
    std::fs::write(&p, &bom).unwrap();
    s.json();
}

#[test]
fn an_empty_file_setting_names_the_setting_and_its_line() {
    for key in ["morile", "horizon", "submissions", "previous"] {
        let e = toml_fails(&format!("{key} = \"\""));
        assert!(e.contains(&format!("review.toml, line 4: `{key}` is empty")), "{e}");
        assert!(!e.contains("directory"), "{e}");
    }
    let e = toml_fails("morile = \"submissions\"");
    assert!(
        e.contains("line 4: `morile` names the folder \"submissions\", not a workbook"),
        "{e}"
    );
}

#[test]
fn weights_must_be_sane_numbers() {
    for (bad, shown) in [("inf", "inf"), ("nan", "NaN"), ("1e13", "10000000000000"), ("-1", "-1")] {
        let e = toml_fails(&format!("[weights]\nlocal = 0.5\nmorile = {bad}\nhorizon = 0.1"));
        assert!(
            e.contains("review.toml, line 6: [weights] `morile` must be a number from 0 to 1000000000000")
                && e.contains(&format!("(it is {shown})")),
            "{e}"
        );
    }
    // Only the ratios matter: large but sane weights are scaled.
    let s = Small::new(&["A"], "[weights]\nlocal = 1000\nmorile = 0\nhorizon = 0");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    let j = s.json();
    assert_eq!(
        row(&j, "ranking", "Domestic Abuse")["combined"],
        1.0,
        "local support alone counts"
    );
}

#[test]
fn the_year_is_written_yyyy_yy_and_a_slash_is_read_as_a_dash() {
    let s = Small::new(&["A"], "");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    let p = s.path().join("review.toml");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("\"2024-25\"", "\"2024\"")).unwrap();
    let e = s.fails();
    assert!(
        e.contains("review.toml, line 2: `year` must be written YYYY-YY, such as \"2026-27\" (it is \"2024\")"),
        "{e}"
    );
    std::fs::write(&p, text.replace("\"2024-25\"", "\"2024/25\"")).unwrap();
    assert_eq!(s.json()["year"], "2024-25");
}

#[test]
fn a_decision_may_name_a_current_priority_by_its_own_name() {
    let s = Small::new(
        &["A"],
        r#"[current]
priorities = [{ name = "Protecting Vulnerable People", issue = "Safeguarding and Vulnerability" }]
[[decision]]
issue = "Protecting Vulnerable People"
action = "retain"
reason = "Still the county's first concern""#,
    );
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    let j = s.json();
    let r = row(&j, "ranking", "Safeguarding and Vulnerability");
    assert_eq!(r["decision"]["action"], "retain", "{r}");
}

#[test]
fn a_review_with_no_current_priorities_warns_that_everything_reads_as_new() {
    let s = Small::new(&["A"], "");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    let out = bin().args(["review", "--no-workbook"]).arg(s.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: no current priorities") && err.contains("will read as new"),
        "{err}"
    );
    let j = s.json();
    assert!(
        j["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["message"].as_str().unwrap().starts_with("no current priorities")),
        "{}",
        j["warnings"]
    );
}

#[test]
fn out_without_an_extension_gets_xlsx_and_says_so_and_the_last_line_says_where() {
    let s = Small::new(&["A"], "");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    let out = bin()
        .current_dir(s.path())
        .args(["review", "--out", "report"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(s.path().join("report.xlsx").is_file() && !s.path().join("report").exists());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--out report has no extension; the workbook is written as report.xlsx"),
        "{err}"
    );
    // The table's last line says where the files went (SPEC §6).
    let printed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        printed.lines().last().unwrap(),
        "csa-review: wrote the workbook report.xlsx and the report Testshire-csa-2024-25.html"
    );
    // Beside JSON (a document) it goes to the diagnostics, and stdout is the JSON alone.
    let out = bin()
        .current_dir(s.path())
        .args(["review", "--out", "report2.xlsx", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote the workbook report2.xlsx"));
}

fn init(dir: &std::path::Path, area: &str, year: &str) -> std::process::Output {
    bin()
        .arg("init")
        .arg(dir)
        .args(["--area", area, "--year", year])
        .output()
        .unwrap()
}

#[test]
fn init_checks_its_area_and_year_and_writes_the_year_before_as_previous() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("r");
    let out = init(&dir, "Kent\nshire", "2027-28");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--area must be one line of text"));
    let out = init(&dir, "Kent", "2027-29");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--year must be written YYYY-YY, such as 2026-27"));
    assert!(!dir.exists(), "nothing written");
    assert!(init(&dir, "Kent", "2027/28").status.success());
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
    assert!(toml.contains("year = \"2027-28\""), "{toml}");
    assert!(
        toml.contains("# previous = \"../2026-27/out/Kent-csa-2026-27.xlsx\""),
        "{toml}"
    );
}

#[test]
fn init_writes_all_of_its_files_or_none_and_never_replaces_one() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("r");
    std::fs::create_dir(&dir).unwrap();
    // A file where init's templates folder goes: init fails part way.
    std::fs::write(dir.join("templates"), "in the way").unwrap();
    let out = init(&dir, "Kent", "2026-27");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["templates"], "a failed init leaves nothing of its own");
    assert_eq!(
        std::fs::read_dir(root.path()).unwrap().count(),
        1,
        "no staging folder is left beside it"
    );
    std::fs::remove_file(dir.join("templates")).unwrap();
    assert!(
        init(&dir, "Kent", "2026-27").status.success(),
        "a second init then works"
    );
    for f in [
        "review.toml",
        "templates/district.xlsx",
        "templates/morile.xlsx",
        "templates/horizon.xlsx",
    ] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    let before = snapshot(&dir);
    let out = init(&dir, "Kent", "2026-27");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already holds a review"));
    assert_eq!(snapshot(&dir), before, "nothing replaced");
}
