//! `csa-review monitor` on a fictional review folder built here: several update files, an update after the
//! reporting date, a zero earlier value, an unparseable timescale, stated figures that disagree, and every
//! error of SPEC §10.2 and §4 (file, sheet and cell named; exit 1; nothing written).

mod common;
use common::bin;
use rust_xlsxwriter::{ExcelDateTime, Workbook};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Write a workbook of named sheets; a cell "d:YYYY-MM-DD" is written as a real date, "n:123" as a number.
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet().set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if let Some(d) = v.strip_prefix("d:") {
                    let p: Vec<u16> = d.split('-').map(|x| x.parse().unwrap()).collect();
                    let f = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
                    ws.write_datetime_with_format(
                        r,
                        c,
                        ExcelDateTime::from_ymd(p[0], p[1] as u8, p[2] as u8).unwrap(),
                        &f,
                    )
                    .unwrap();
                } else if let Some(n) = v.strip_prefix("n:") {
                    ws.write_number(r, c, n.parse::<f64>().unwrap()).unwrap();
                } else if !v.is_empty() {
                    ws.write_string(r, c, *v).unwrap();
                }
            }
        }
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    wb.save(path).unwrap();
}

/// The fictional Testshire review's monitoring inputs, each part replaceable by a test.
struct Folder {
    dir: tempfile::TempDir,
}

fn priorities() -> Vec<Vec<&'static str>> {
    vec![
        vec!["Testshire action plan 2024-25"],
        vec![],
        vec!["Priority", "Lead", "Aim", "Context"],
        vec![
            "Domestic Abuse",
            "Chair of the DA board",
            "Reduce harm",
            "Reports <b>rose</b> & fell.",
        ],
        vec!["Road Safety", "Roads lead", "Fewer casualties", ""],
        vec!["Youth Diversion", "Youth lead", "", ""],
    ]
}

fn actions() -> Vec<Vec<&'static str>> {
    vec![
        vec!["No.", "Priority", "Objective", "Actions", "Timescale", "Lead agency"],
        vec![
            "1.1",
            "Domestic Abuse",
            "Supporting victims: help",
            "Action A",
            "Q3 2024-25",
            "Team",
        ],
        vec![
            "1.1",
            "domestic abuse",
            "Supporting victims: help",
            "Action B",
            "Mar 2025",
            "Team",
        ],
        vec!["1.2", "Domestic Abuse", "", "Action C", "03/2025", "Team"],
        vec!["1.3*", "Domestic Abuse", "", "Action D", "when funds allow", "Team"],
        vec!["2.1", "Road Safety", "", "Action E", "Ongoing", "Roads"],
        vec!["2.2", "Road Safety", "", "Action F", "TBC", "Roads"],
        vec!["3.1", "Youth Diversion", "", "Action G", "31/01/2025", "Youth"],
    ]
}

fn updates_a() -> Vec<Vec<&'static str>> {
    vec![
        vec!["Ref", "Status", "Update", "Updated by", "Date"],
        vec!["1.1a", "On track", "Started", "Team", "d:2024-10-01"],
        vec!["2.1", "on-track", "Going", "Roads", "01/06/2024"],
        vec!["1.2", "At risk", "Slipping", "Team", "d:2024-11-01"],
    ]
}

fn updates_b() -> Vec<Vec<&'static str>> {
    vec![
        vec!["Progress return Q4"],
        vec!["Ref", "Date", "Status", "Progress"],
        vec!["1.1A", "d:2025-02-01", "Completed", "Done"],
        vec!["1.1b", "d:2025-02-15", "Off track", "Stuck"],
        vec![
            "1.2",
            "d:2025-05-01",
            "On track",
            "Back on track after the reporting date",
        ],
        vec!["3.1", "10/01/2025", "Not started", "Waiting"],
        vec!["2.2", "", "", ""],
    ]
}

fn indicators() -> Vec<Vec<&'static str>> {
    vec![
        vec![
            "Priority",
            "Indicator",
            "Better",
            "Note",
            "Stated change",
            "Stated direction",
            "2021",
            "2022",
            "2023",
            "2024",
            "Comments",
        ],
        vec![
            "Domestic Abuse",
            "Zero start",
            "lower",
            "",
            "",
            "",
            "",
            "",
            "n:0",
            "n:5",
            "x",
        ],
        vec![
            "Road Safety",
            "Casualties",
            "lower",
            "",
            "+10.0%",
            "↑",
            "n:100",
            "n:110",
            "n:120",
            "n:130",
            "",
        ],
        vec![
            "Road Safety",
            "Near stable",
            "higher",
            "",
            "",
            "",
            "n:100",
            "NYA",
            "n/a",
            "101",
            "",
        ],
        vec![
            "Domestic Abuse",
            "Stated wrong way",
            "neither",
            "",
            "",
            "up",
            "",
            "",
            "n:50",
            "n:40",
            "",
        ],
        vec!["Other things", "Orphan", "higher", "", "", "", "", "", "n:1", "n:2", ""],
    ]
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("review.toml"),
            r#"area = "Testshire"
year = "2024-25"
partnerships = ["North", "South"]
[current]
priorities = [ { name = "Domestic Abuse", issue = "Domestic Abuse" }, { name = "Road Safety", issue = "Road Safety" } ]
[monitoring]
updates = "returns"
"#,
        )
        .unwrap();
        let f = Folder { dir };
        f.plan(priorities(), actions());
        workbook(&f.path().join("returns/a.xlsx"), &[("Progress", updates_a())]);
        workbook(&f.path().join("returns/b.xlsx"), &[("Progress", updates_b())]);
        std::fs::write(f.path().join("returns/notes.txt"), "not a workbook").unwrap();
        f.indicators(indicators());
        f
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn plan(&self, p: Vec<Vec<&str>>, a: Vec<Vec<&str>>) {
        workbook(&self.path().join("plan.xlsx"), &[("Priorities", p), ("Actions", a)]);
    }
    fn indicators(&self, rows: Vec<Vec<&str>>) {
        workbook(&self.path().join("indicators.xlsx"), &[("Indicators", rows)]);
    }
    fn update(&self, name: &str, rows: Vec<Vec<&str>>) -> PathBuf {
        let p = self.path().join("returns").join(name);
        workbook(&p, &[("Progress", rows)]);
        p
    }
    fn json(&self, extra: &[&str]) -> Value {
        let out = bin()
            .args(["monitor", "--format", "json"])
            .args(extra)
            .arg(self.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }
    /// Run `monitor` expecting input errors: exit 1, nothing written; returns stderr.
    fn fails(&self) -> String {
        let out = bin().arg("monitor").arg(self.path()).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "stdout: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(!self.path().join("out").exists(), "something was written on error");
        String::from_utf8_lossy(&out.stderr).to_string()
    }
}

fn action<'a>(j: &'a Value, r: &str) -> &'a Value {
    j["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["ref"] == r)
        .unwrap_or_else(|| panic!("no {r}"))
}

fn indicator<'a>(j: &'a Value, name: &str) -> &'a Value {
    j["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["indicator"] == name)
        .unwrap()
}

fn warned(j: &Value, file: &str, cell: &str, words: &str) -> bool {
    j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["file"] == file && w["cell"] == cell && w["message"].as_str().unwrap().contains(words))
}

#[test]
fn actions_at_a_reporting_date_across_several_update_files() {
    let f = Folder::new();
    let j = f.json(&["--as-of", "2025-03-31"]);
    assert_eq!(
        j["update_files"],
        serde_json::json!(["returns/a.xlsx", "returns/b.xlsx"])
    );
    assert_eq!(action(&j, "1.1a")["rag"], "Complete");
    assert_eq!(action(&j, "1.1a")["due"], "2024-12-31");
    assert_eq!(action(&j, "1.1b")["rag"], "Red");
    assert_eq!(action(&j, "1.1b")["overdue"], false);
    // 1.2's update of 1 May 2025 is after the reporting date: its March return stands, 150 days old.
    let c = action(&j, "1.2");
    assert_eq!(
        (
            c["rag"].as_str(),
            c["stale"].as_bool(),
            c["later_updates_ignored"].as_u64()
        ),
        (Some("Amber"), Some(true), Some(1))
    );
    assert_eq!(c["due"], "2025-03-31");
    assert!(warned(
        &j,
        "returns/b.xlsx",
        "C5",
        "after the reporting date 2025-03-31"
    ));
    // The unreadable timescale is a warning with its cell, and the action has no due date.
    assert_eq!(action(&j, "1.3")["due"], Value::Null);
    assert_eq!(action(&j, "1.3")["funded"], true);
    assert_eq!(action(&j, "1.3")["rag"], "No update");
    assert!(warned(&j, "plan.xlsx", "E5", "the action has no due date"));
    assert_eq!(action(&j, "2.1")["rag"], "Green");
    assert_eq!(action(&j, "2.1")["stale"], true);
    // 2.2 is listed in a return with nothing filled in: not an update.
    assert_eq!(action(&j, "2.2")["rag"], "No update");
    assert_eq!(action(&j, "3.1")["rag"], "Red");
    assert_eq!(action(&j, "3.1")["overdue"], true);
    let da = &j["priorities"][0];
    assert_eq!(da["rag"]["complete"], 1);
    assert_eq!(da["share_complete"], 0.25);
    assert_eq!(da["stale"], serde_json::json!(["1.2"]));
    // Youth Diversion is not one of [current]: a warning naming its cell.
    assert!(warned(
        &j,
        "plan.xlsx",
        "A6",
        "not one of the current priorities and themes"
    ));
    assert_eq!(j["plan_names_checked_against"], "current");
    assert!(
        j["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["file"] == "returns/notes.txt")
    );
}

#[test]
fn the_reporting_date_defaults_to_the_latest_update() {
    let f = Folder::new();
    let j = f.json(&[]);
    assert_eq!(j["as_of"], "2025-05-01");
    assert_eq!(j["as_of_source"], "latest_update");
    // On track by then, but due at the end of March and not complete: overdue, so Red.
    assert_eq!(action(&j, "1.2")["status"], "On track");
    assert_eq!(action(&j, "1.2")["overdue"], true);
    assert_eq!(action(&j, "1.2")["rag"], "Red");
}

#[test]
fn indicators_with_a_zero_earlier_value_gaps_and_stated_figures_that_disagree() {
    let f = Folder::new();
    let j = f.json(&["--as-of", "2025-03-31"]);
    assert_eq!(j["periods"], serde_json::json!(["2021", "2022", "2023", "2024"]));
    let zero = indicator(&j, "Zero start");
    assert_eq!(zero["change"], 5.0);
    assert_eq!(zero["percent_change"], Value::Null);
    assert_eq!(zero["direction"], "up");
    assert_eq!(zero["reading"], "worsening");
    let cas = indicator(&j, "Casualties");
    assert_eq!(cas["run"], serde_json::json!({"direction": "up", "periods": 3}));
    assert_eq!(cas["stated_change"]["agrees"], false);
    assert_eq!(cas["stated_change"]["computed"], 8.3);
    assert!(warned(&j, "indicators.xlsx", "E3", "does not agree"));
    assert_eq!(cas["stated_direction"]["agrees"], true);
    // NYA and n/a are not available, never zero: 100 (2021) to 101 (2024) is 1%, inside the 2% band.
    let near = indicator(&j, "Near stable");
    assert_eq!(near["previous"], serde_json::json!({"period": "2021", "value": 100.0}));
    assert_eq!(near["values"][1]["note"], "NYA");
    assert_eq!(near["direction"], "stable");
    assert_eq!(near["reading"], "stable");
    let wrong = indicator(&j, "Stated wrong way");
    assert_eq!(wrong["stated_direction"]["agrees"], false);
    assert!(warned(&j, "indicators.xlsx", "F5", "disagrees"));
    assert_eq!(wrong["reading"], "no judgement");
    assert_eq!(indicator(&j, "Orphan")["plan_priority"], Value::Null);
}

#[test]
fn a_wider_stable_band_from_review_toml() {
    let f = Folder::new();
    let toml = std::fs::read_to_string(f.path().join("review.toml")).unwrap();
    std::fs::write(
        f.path().join("review.toml"),
        format!("{toml}stable_band = 10\nstale_days = 400\n"),
    )
    .unwrap();
    let j = f.json(&["--as-of", "2025-03-31"]);
    assert_eq!(indicator(&j, "Casualties")["direction"], "stable");
    assert_eq!(action(&j, "2.1")["stale"], false);
    assert_eq!(j["stable_band"], 10.0);
}

#[test]
fn the_report_escapes_text_from_the_inputs() {
    let f = Folder::new();
    assert!(bin().arg("monitor").arg(f.path()).output().unwrap().status.success());
    let page = std::fs::read_to_string(f.path().join("out/Testshire-csa-2024-25-monitoring.html")).unwrap();
    assert!(page.contains("Reports &lt;b&gt;rose&lt;/b&gt; &amp; fell."));
    assert!(!page.contains("<b>rose"));
}

#[test]
fn an_unknown_reference_is_an_error_with_the_nearest() {
    let f = Folder::new();
    f.update(
        "c.xlsx",
        vec![vec!["Ref", "Status", "Date"], vec!["1.1x", "On track", "01/01/2025"]],
    );
    let err = f.fails();
    assert!(err.contains("returns/c.xlsx, sheet 'Progress', cell A2"), "{err}");
    assert!(err.contains("\"1.1x\" is not the reference of an action"), "{err}");
    assert!(err.contains("the nearest is \"1.1"), "{err}");
}

#[test]
fn two_updates_on_one_date_with_different_statuses_name_both_cells() {
    let f = Folder::new();
    f.update(
        "c.xlsx",
        vec![vec!["Ref", "Status", "Date"], vec!["2.1", "Off track", "01/06/2024"]],
    );
    let err = f.fails();
    assert!(err.contains("returns/c.xlsx, sheet 'Progress', cell B2"), "{err}");
    assert!(err.contains("returns/a.xlsx, sheet 'Progress', cell B3"), "{err}");
}

#[test]
fn a_duplicate_reference_is_an_error() {
    let f = Folder::new();
    let mut a = actions();
    a[0].push("Ref");
    a[1].push("X1");
    a[2].push("x1");
    f.plan(priorities(), a);
    let err = f.fails();
    assert!(err.contains("plan.xlsx, sheet 'Actions', cell G3"), "{err}");
    assert!(err.contains("references must be unique"), "{err}");
}

#[test]
fn a_missing_required_column_is_an_error() {
    let f = Folder::new();
    f.update(
        "c.xlsx",
        vec![vec!["Ref", "Update", "Date"], vec!["2.1", "x", "01/06/2024"]],
    );
    let err = f.fails();
    assert!(err.contains("returns/c.xlsx, sheet 'Progress', cell A1"), "{err}");
    assert!(err.contains("no \"Status\" column"), "{err}");
}

#[test]
fn a_bad_number_is_an_error_naming_its_cell() {
    let f = Folder::new();
    let mut rows = indicators();
    rows[2][7] = "183,33";
    f.indicators(rows);
    let err = f.fails();
    assert!(err.contains("indicators.xlsx, sheet 'Indicators', cell H3"), "{err}");
    assert!(err.contains("not a number"), "{err}");
}

#[test]
fn an_unknown_status_a_missing_date_and_an_unknown_plan_priority_are_errors() {
    let f = Folder::new();
    f.update(
        "c.xlsx",
        vec![
            vec!["Ref", "Status", "Date"],
            vec!["2.1", "Sort of", "01/06/2024"],
            vec!["2.2", "On track", ""],
        ],
    );
    let mut a = actions();
    a[7][1] = "Youth diversion and engagement";
    f.plan(priorities(), a);
    let err = f.fails();
    assert!(err.contains("cell B2: unknown status \"Sort of\""), "{err}");
    assert!(err.contains("cell C3: the Date is an empty cell"), "{err}");
    assert!(err.contains("plan.xlsx, sheet 'Actions', cell B8"), "{err}");
}

#[test]
fn monitor_needs_a_plan_but_no_submissions() {
    let f = Folder::new();
    std::fs::remove_file(f.path().join("plan.xlsx")).unwrap();
    let err = f.fails();
    assert!(err.contains("csa-review template plan"), "{err}");
}

#[test]
fn a_bad_as_of_is_a_usage_error() {
    let f = Folder::new();
    let out = bin()
        .args(["monitor", "--as-of", "soon"])
        .arg(f.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a date"));
}

#[test]
fn the_terminal_summary_lists_the_warnings_within_100_columns() {
    let f = Folder::new();
    let out = bin()
        .args(["monitor", "--as-of", "2025-03-31"])
        .arg(f.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Reporting date 2025-03-31 (given with --as-of)"),
        "{text}"
    );
    assert!(
        text.contains("Other indicators (under no priority of the plan)"),
        "{text}"
    );
    assert!(text.contains("warning: plan.xlsx, sheet 'Actions', cell E5"), "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line}");
    }
}
