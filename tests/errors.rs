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
