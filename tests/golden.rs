//! Golden outputs: the bundled reviews' whole outputs, compared with the copies saved in
//! `tests/snapshots/`. Every change to what users see shows here as a diff to review.
//!
//! To accept an intended change: run `cargo insta test --accept --test golden` (or run the tests with
//! `INSTA_UPDATE=always`), look at the diff in `git diff tests/snapshots`, and commit it with the change.

mod common;

use common::{bin, sample_copy};
use std::path::Path;

/// Run the binary in a folder and return its standard output; the run must succeed.
fn stdout_of(dir: &Path, args: &[&str]) -> String {
    let out = bin()
        .current_dir(dir)
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every sheet of a workbook as text: one line per row, cells separated by " | ".
fn workbook_text(path: &Path) -> String {
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(path).unwrap();
    let mut text = String::new();
    for name in wb.sheet_names() {
        text.push_str(&format!("=== {name}\n"));
        let range = wb.worksheet_range(&name).unwrap();
        for row in range.rows() {
            let cells: Vec<String> = row.iter().map(|c| c.to_string()).collect();
            text.push_str(cells.join(" | ").trim_end_matches([' ', '|']));
            text.push('\n');
        }
    }
    text
}

#[test]
fn the_bundled_review_in_every_format() {
    let copy = sample_copy();
    let dir = copy.path();
    let parent = dir.parent().unwrap();
    let run = |args: &[&str]| stdout_of(parent, args);
    insta::assert_snapshot!("review_table", run(&["review", "kent-2018-19", "--no-workbook"]));
    insta::assert_snapshot!(
        "review_json",
        run(&["review", "kent-2018-19", "--no-workbook", "--format", "json"])
    );
    insta::assert_snapshot!(
        "review_csv",
        run(&["review", "kent-2018-19", "--no-workbook", "--format", "csv"])
    );
    insta::assert_snapshot!(
        "review_markdown",
        run(&["review", "kent-2018-19", "--no-workbook", "--format", "markdown"])
    );
    insta::assert_snapshot!("status_table", run(&["status", "kent-2018-19"]));
    insta::assert_snapshot!("explain_road_safety", run(&["explain", "Road Safety", "kent-2018-19"]));
}

#[test]
fn the_bundled_review_workbook_sheet_by_sheet() {
    let copy = sample_copy();
    let out = copy.path().join("golden.xlsx");
    bin()
        .args(["review"])
        .arg(copy.path())
        .arg("--out")
        .arg(&out)
        .arg("--format")
        .arg("json")
        .assert()
        .success();
    insta::assert_snapshot!("review_workbook", workbook_text(&out));
}

#[test]
fn last_years_review_in_the_terminal_and_workbook() {
    let copy = sample_copy();
    let dir = copy.path().parent().unwrap().join("kent-2017-18");
    let out = dir.join("golden.xlsx");
    let table = stdout_of(
        dir.parent().unwrap(),
        &["review", "kent-2017-18", "--out", out.to_str().unwrap()],
    );
    // The last line names the output, which lives in a temporary folder.
    let table: String = table
        .lines()
        .filter(|l| !l.contains("golden.xlsx"))
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("review_2017_table", table);
    insta::assert_snapshot!("review_2017_workbook", workbook_text(&out));
}
