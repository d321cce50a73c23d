//! The monitoring templates: made from the review, with drop-downs and A4 printing, and read back by the
//! monitoring readers without change.

mod common;
use common::{bin, sample_copy};
use csa_review::config::Limits;
use csa_review::error::Diagnostics;
use csa_review::monitor::{indicators, plan, updates};
use std::io::Read;
use std::path::Path;

fn make(kind: &str, review: Option<&Path>, out: &Path) {
    let mut cmd = bin();
    cmd.args(["template", kind]);
    if let Some(r) = review {
        cmd.arg("--review").arg(r);
    }
    let o = cmd.arg("--out").arg(out).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The XML of every worksheet of a workbook, joined.
fn sheets_xml(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with("xl/worksheets/sheet") {
            f.read_to_string(&mut all).unwrap();
        }
    }
    all
}

#[test]
fn the_plan_template_lists_the_proposed_priorities_and_themes_with_their_leads_and_reads_back() {
    let s = sample_copy();
    let out = s.path().join("blank-plan.xlsx");
    make("plan", Some(s.path()), &out);
    let mut d = Diagnostics::default();
    let p = plan::read(&out, "blank-plan.xlsx", Limits::default(), &mut d).unwrap();
    assert!(!d.has_errors(), "{:?}", d.problems);
    let names: Vec<&str> = p.priorities.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names.len(), 11);
    assert!(names.contains(&"Preventing Extremism and Hate"));
    assert!(names.contains(&"Support mental health wellbeing"));
    let roads = p.priorities.iter().find(|x| x.name == "Road Safety").unwrap();
    assert_eq!(
        roads.lead.as_deref(),
        Some("Kent and Medway Road Casualty Reduction Partnership")
    );
    assert!(p.actions.is_empty());
    let xml = sheets_xml(&out);
    assert!(xml.contains("<dataValidation"), "no drop-down");
    assert!(xml.contains("paperSize=\"9\"") && xml.contains("orientation=\"landscape\""));
}

#[test]
fn the_progress_template_lists_every_action_and_reads_back_as_no_updates() {
    let s = sample_copy();
    let out = s.path().join("return.xlsx");
    make("progress", Some(s.path()), &out);
    let mut d = Diagnostics::default();
    let the_plan = plan::read(&s.path().join("plan.xlsx"), "plan.xlsx", Limits::default(), &mut d).unwrap();
    let (read, _) = updates::read(&out, "return.xlsx", &the_plan, Limits::default(), &mut d).unwrap();
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert!(read.is_empty());
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    use calamine::Reader;
    let range = wb.worksheet_range("Progress").unwrap();
    let refs: Vec<String> = (3..44).map(|r| range.get_value((r, 0)).unwrap().to_string()).collect();
    assert_eq!(refs[0], "1.1a");
    assert_eq!(refs[40], "7.4");
    let xml = sheets_xml(&out);
    assert!(
        xml.contains("Lists!$A$2:$A$6"),
        "the status drop-down lists the five statuses"
    );
}

#[test]
fn the_indicators_template_reads_back_with_its_periods() {
    let s = sample_copy();
    let out = s.path().join("ind.xlsx");
    make("indicators", Some(s.path()), &out);
    let mut d = Diagnostics::default();
    let i = indicators::read(&out, "ind.xlsx", Limits::default(), &mut d).unwrap();
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert!(i.rows.is_empty());
    assert_eq!(i.periods, vec!["2015", "2016", "2017"]);
    let blank = s.path().join("ind-blank.xlsx");
    make("indicators", None, &blank);
    let i = indicators::read(&blank, "ind-blank.xlsx", Limits::default(), &mut d).unwrap();
    assert_eq!(i.periods.len(), 3);
    assert!(!d.has_errors());
}

#[test]
fn a_template_never_replaces_a_file() {
    let s = sample_copy();
    let plan = s.path().join("plan.xlsx");
    let before = std::fs::read(&plan).unwrap();
    let o = bin()
        .args(["template", "plan", "--review"])
        .arg(s.path())
        .arg("--out")
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    // The plan is an input of the review: refused as such, even with --force.
    assert!(String::from_utf8_lossy(&o.stderr).contains("which the review reads"));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    let other = s.path().join("blank-plan.xlsx");
    std::fs::write(&other, b"x").unwrap();
    let o = bin()
        .args(["template", "plan", "--review"])
        .arg(s.path())
        .arg("--out")
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&other).unwrap(), b"x");
}

#[test]
fn a_progress_return_for_one_lead_lists_only_its_actions() {
    let s = sample_copy();
    let out = s.path().join("police.xlsx");
    bin()
        .args(["template", "progress", "--lead", "Kent Police", "--review"])
        .arg(s.path())
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    use calamine::Reader;
    let range = wb.worksheet_range("Progress").unwrap();
    let refs: Vec<String> = (3..20)
        .filter_map(|r| range.get_value((r, 0)).map(|v| v.to_string()))
        .filter(|v| !v.is_empty())
        .collect();
    assert_eq!(refs, vec!["3.6", "5.3", "5.4"]);
    let err = bin()
        .args(["template", "progress", "--lead", "Nobody", "--review"])
        .arg(s.path())
        .arg("--out")
        .arg(s.path().join("x.xlsx"))
        .output()
        .unwrap();
    assert!(!err.status.success());
    assert!(String::from_utf8_lossy(&err.stderr).contains("the lead agencies are"));
    assert!(!s.path().join("x.xlsx").exists());
    // --lead belongs to the progress return only.
    let other = bin()
        .args(["template", "plan", "--lead", "Kent Police", "--out"])
        .arg(s.path().join("y.xlsx"))
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(2));
}
