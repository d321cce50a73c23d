//! `review` shows beside each current priority how its action plan is going, when review.toml has
//! `[monitoring]` (SPEC §10.5, last point), through the real binary.

mod common;
use calamine::{Data, Reader, open_workbook_auto};
use common::*;
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::path::Path;

fn review(dir: &Path, format: &str) -> (String, String) {
    let out = bin()
        .args(["review", "--no-workbook", "--format", format])
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn review_json(dir: &Path) -> Value {
    serde_json::from_str(&review(dir, "json").0).unwrap()
}

fn monitor_json(dir: &Path) -> Value {
    let out = bin()
        .args(["monitor", "--format", "json", "--out"])
        .arg(dir.join("out/m.xlsx"))
        .arg(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn entry<'a>(delivery: &'a Value, priority: &str) -> &'a Value {
    delivery
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["priority"] == priority)
        .unwrap_or_else(|| panic!("no delivery entry for {priority}: {delivery}"))
}

#[test]
fn the_bundled_review_shows_the_figures_monitor_gives_for_each_current_priority() {
    let s = sample_copy();
    let review = review_json(s.path());
    let monitor = monitor_json(s.path());
    let delivery = &review["delivery"];
    let current: Vec<&str> = vec![
        "Anti-Social Behaviour",
        "Domestic Abuse",
        "Substance Misuse",
        "Safeguarding Vulnerable People",
        "Serious and Organised Crime",
        "Road Safety",
    ];
    let names: Vec<&str> = delivery
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["priority"].as_str().unwrap())
        .collect();
    assert_eq!(names, current, "one entry per current priority, in review.toml's order");
    for name in current {
        let d = entry(delivery, name);
        let m = monitor["priorities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("monitor has no priority {name}"));
        assert_eq!(d["plan_priority"], m["name"], "{name}");
        assert_eq!(d["actions"], m["actions"], "{name}");
        assert_eq!(d["complete"], m["rag"]["complete"], "{name}");
        assert_eq!(
            d["overdue"].as_u64().unwrap() as usize,
            m["overdue"].as_array().unwrap().len(),
            "{name}"
        );
        assert_eq!(d["improving"], m["indicators_improving"], "{name}");
        assert_eq!(d["worsening"], m["indicators_worsening"], "{name}");
    }
    // The figures are not all zero: the sample's plan has actions, completions, an overdue one and indicators.
    let road = entry(delivery, "Road Safety");
    assert_eq!(
        (
            road["actions"].as_u64(),
            road["complete"].as_u64(),
            road["worsening"].as_u64()
        ),
        (Some(4), Some(1), Some(1))
    );
    assert_eq!(road["issue"], "Road Safety");
    assert_eq!(
        entry(delivery, "Safeguarding Vulnerable People")["issue"],
        "Safeguarding and Vulnerability"
    );
    assert_eq!(entry(delivery, "Substance Misuse")["overdue"], 1);
    assert_eq!(entry(delivery, "Anti-Social Behaviour")["improving"], 1);
}

#[test]
fn the_terminal_markdown_workbook_and_report_show_the_same_delivery() {
    let s = sample_copy();
    let (table, _) = review(s.path(), "table");
    let at = table
        .find("How the action plan is going (at 2019-03-29)")
        .expect(&table);
    assert!(
        table.find("Comparison with the priorities in force").unwrap() < at,
        "the delivery follows the comparison"
    );
    let road = table[at..]
        .lines()
        .find(|l| l.trim_start().starts_with("Road Safety"))
        .unwrap();
    let figures: Vec<&str> = road.split_whitespace().skip(4).collect();
    assert_eq!(figures, ["4", "1", "0", "0", "1"], "{road}");

    let (md, _) = review(s.path(), "markdown");
    assert!(md.contains("### How the action plan is going (at 2019-03-29)"), "{md}");
    assert!(
        md.contains("| Road Safety | Road Safety | 4 | 1 | 0 | 0 | 1 | Road Safety |"),
        "{md}"
    );
    assert!(
        md.contains("| Substance Misuse | Substance Misuse | 7 | 0 | 1 | 0 | 0 | Substance Misuse |"),
        "{md}"
    );

    let xlsx = s.path().join("out/review.xlsx");
    let out = bin()
        .args(["review", "--format", "json", "--out"])
        .arg(&xlsx)
        .arg(s.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    let sheet = wb.worksheet_range("Comparison").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let title = rows
        .iter()
        .position(|r| r[0].to_string().starts_with("How the action plan is going"))
        .expect("the Comparison sheet has the delivery table");
    assert_eq!(rows[title + 1][0].to_string(), "Current priority");
    assert_eq!(rows[title + 1][2].to_string(), "Actions");
    let road = rows[title..].iter().find(|r| r[0] == "Road Safety").unwrap();
    let numbers: Vec<Data> = road[2..7].to_vec();
    assert_eq!(
        numbers,
        [4.0, 1.0, 0.0, 0.0, 1.0].map(Data::Float).to_vec(),
        "real numbers, not text"
    );

    let html = std::fs::read_to_string(s.path().join("out/Kent-csa-2018-19.html")).unwrap();
    let at = html
        .find("<h3>How the action plan is going (at 2019-03-29)</h3>")
        .expect("the report has it");
    assert!(html.find("What changes, and why").unwrap() < at);
    let table_html = &html[at..at + html[at..].find("</table>").unwrap()];
    assert!(table_html.contains("Road Safety"), "{table_html}");
    assert!(table_html.contains("Indicators worsening"), "{table_html}");
}

#[test]
fn a_review_without_monitoring_shows_no_delivery() {
    let s = sample_copy();
    let last_year = s.path().parent().unwrap().join("kent-2017-18");
    let j = review_json(&last_year);
    assert!(j["delivery"].is_null(), "{}", j["delivery"]);
    let (md, _) = review(&last_year, "markdown");
    assert!(!md.contains("How the action plan is going"));
    let (table, _) = review(&last_year, "table");
    assert!(!table.contains("How the action plan is going"));
}

#[test]
fn monitoring_paths_may_point_at_another_years_folder() {
    let s = sample_copy();
    let last_year = s.path().parent().unwrap().join("kent-2017-18");
    let toml = last_year.join("review.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str(
        "\n[monitoring]\nplan = \"../kent-2018-19/plan.xlsx\"\nupdates = \"../kent-2018-19/updates\"\nindicators = \"../kent-2018-19/indicators.xlsx\"\n",
    );
    // A current priority the plan does not name is shown as such, with nothing counted.
    let text = text.replace(
        "{ name = \"Substance Misuse\", issue = \"Substance Misuse\" }",
        "{ name = \"Drugs and alcohol\", issue = \"Substance Misuse\" }",
    );
    assert!(text.contains("Drugs and alcohol"));
    std::fs::write(&toml, text).unwrap();
    let j = review_json(&last_year);
    let road = entry(&j["delivery"], "Road Safety");
    assert_eq!(
        (road["actions"].as_u64(), road["complete"].as_u64()),
        (Some(4), Some(1))
    );
    let drugs = entry(&j["delivery"], "Drugs and alcohol");
    assert!(drugs["plan_priority"].is_null(), "{drugs}");
    assert_eq!(
        (drugs["actions"].as_u64(), drugs["issue"].as_str()),
        (Some(0), Some("Substance Misuse"))
    );
    let (md, _) = review(&last_year, "markdown");
    assert!(
        md.contains("From ../kent-2018-19/plan.xlsx with its progress updates"),
        "{md}"
    );
    assert!(
        md.contains("| Drugs and alcohol | not in the plan | 0 | 0 | 0 | 0 | 0 | Substance Misuse |"),
        "{md}"
    );
    // The monitoring workbooks read are listed among the review's input files with their fingerprints.
    assert!(md.contains("| ../kent-2018-19/plan.xlsx | "), "{md}");
    assert!(md.contains("| ../kent-2018-19/indicators.xlsx | "), "{md}");
    assert!(
        md.contains("| ../kent-2018-19/updates/2018-q4-progress.xlsx | "),
        "{md}"
    );
}

#[test]
fn a_monitoring_error_is_a_warning_naming_file_and_cell_and_the_review_still_runs() {
    let s = sample_copy();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Progress").unwrap();
    put_rows(
        ws,
        0,
        &[
            vec!["Ref", "Status", "Update", "Updated by", "Date"],
            vec!["9.9", "On track", "Begun", "Someone", "2019-01-15"],
        ],
    );
    wb.save(s.path().join("updates/stray.xlsx")).unwrap();

    let before = snapshot(s.path());
    let (stdout, stderr) = review(s.path(), "json");
    let j: Value = serde_json::from_str(&stdout).unwrap();
    assert!(
        j["delivery"].is_null(),
        "no delivery from inputs with errors: {}",
        j["delivery"]
    );
    let w = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["file"] == "updates/stray.xlsx")
        .unwrap_or_else(|| panic!("the monitoring error is among the warnings: {}", j["warnings"]));
    assert_eq!(w["sheet"], "Progress");
    assert_eq!(w["cell"], "A2");
    let message = w["message"].as_str().unwrap();
    assert!(message.contains("9.9"), "{message}");
    assert!(
        message.contains("does not show how the action plan is going"),
        "{message}"
    );
    assert!(stderr.contains("warning"), "{stderr}");
    assert_eq!(before, snapshot(s.path()), "--no-workbook writes nothing");

    // The rest of the review is unchanged by it.
    assert_eq!(j["proposed"]["priorities"].as_array().unwrap().len(), 7);
    let (table, _) = review(s.path(), "table");
    assert!(!table.contains("How the action plan is going"));
    assert!(
        table.contains("updates/stray.xlsx"),
        "the terminal lists it with the other warnings: {table}"
    );
}
