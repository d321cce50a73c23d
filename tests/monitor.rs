//! `csa-review monitor` on the bundled Kent 2018-19 sample (SPEC §10.6): the published indicator changes
//! and the RAG counts of the illustrative updates, through the real binary.

mod common;
use common::{bin, sample_copy, snapshot};
use serde_json::Value;

fn json(dir: &std::path::Path) -> Value {
    let out = bin().args(["monitor", "--format", "json"]).arg(dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn indicator<'a>(j: &'a Value, name: &str) -> &'a Value {
    j["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["indicator"] == name)
        .unwrap_or_else(|| panic!("no indicator {name}"))
}

#[test]
fn the_published_changes_come_out_with_their_directions() {
    let s = sample_copy();
    let j = json(s.path());
    let da = indicator(&j, "Reported domestic abuse incidents");
    assert_eq!(da["previous"]["value"], 34664.0);
    assert_eq!(da["latest"]["value"], 39756.0);
    assert_eq!(da["change"], 5092.0);
    assert_eq!(da["percent_change"], 14.69);
    assert_eq!(da["direction"], "up");
    assert_eq!(da["reading"], "no judgement");

    let asb = indicator(&j, "ASB incidents");
    assert_eq!(
        (asb["previous"]["value"].as_f64(), asb["latest"]["value"].as_f64()),
        (Some(46036.0), Some(40151.0))
    );
    assert_eq!(asb["change"], -5885.0);
    assert_eq!(asb["percent_change"], -12.783);
    assert_eq!(asb["direction"], "down");
    assert_eq!(asb["reading"], "improving");
    assert_eq!(asb["stated_change"]["text"], "decrease of 12.8%");
    assert_eq!(asb["stated_change"]["computed"], -12.8);
    assert_eq!(asb["stated_change"]["agrees"], true);

    let hate = indicator(&j, "Hate crimes and incidents");
    assert_eq!(
        (hate["previous"]["value"].as_f64(), hate["latest"]["value"].as_f64()),
        (Some(1730.0), Some(3082.0))
    );
    assert_eq!(hate["percent_change"], 78.15);
    assert_eq!(hate["direction"], "up");

    let roads = indicator(&j, "Road casualties");
    assert_eq!(
        (roads["previous"]["value"].as_f64(), roads["latest"]["value"].as_f64()),
        (Some(5799.0), Some(6122.0))
    );
    assert_eq!(roads["percent_change"], 5.57);
    assert_eq!(roads["direction"], "up");
    assert_eq!(roads["reading"], "worsening");

    // "up 20%" against 19.51% rounds to 20%: no warning; and the sample has no warnings at all.
    assert_eq!(
        indicator(&j, "Domestic abuse-related offences recorded by the police")["stated_change"]["agrees"],
        true
    );
    assert_eq!(j["warnings"].as_array().unwrap().len(), 0, "{:#}", j["warnings"]);
}

#[test]
fn the_terminal_summary_shows_the_published_percentages_in_100_columns() {
    let s = sample_copy();
    let out = bin().arg("monitor").arg(s.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "+14.7%",
        "−12.8%",
        "+78.2%",
        "+5.6%",
        "↓ down",
        "improving",
        "worsening",
        "Priority: Road Safety",
    ] {
        assert!(text.contains(want), "{want} missing from\n{text}");
    }
    assert!(text.contains("Reporting date 2019-03-29 (the latest update date found)"));
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line}");
    }
}

#[test]
fn the_illustrative_updates_give_these_rag_counts() {
    let s = sample_copy();
    let j = json(s.path());
    assert_eq!(j["as_of"], "2019-03-29");
    assert_eq!(j["as_of_source"], "latest_update");
    assert_eq!(j["actions"].as_array().unwrap().len(), 41);
    let mut totals = std::collections::BTreeMap::new();
    for a in j["actions"].as_array().unwrap() {
        *totals.entry(a["rag"].as_str().unwrap().to_string()).or_insert(0) += 1;
    }
    let want: std::collections::BTreeMap<String, i32> = [
        ("Complete", 7),
        ("Green", 24),
        ("Amber", 4),
        ("Red", 2),
        ("Grey", 2),
        ("No update", 2),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(totals, want);
    let sm = &j["priorities"][2];
    assert_eq!(sm["name"], "Substance Misuse");
    assert_eq!(sm["rag"]["red"], 2);
    assert_eq!(sm["overdue"], serde_json::json!(["3.2"]));
    assert_eq!(sm["no_update"], serde_json::json!(["3.4"]));
    let asb = &j["priorities"][3];
    assert_eq!(asb["stale"], serde_json::json!(["4.3"]));
    // Three DHR actions share 1.1: they are 1.1a, 1.1b, 1.1c; a funded objective keeps its star apart.
    let refs: Vec<&str> = j["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["ref"].as_str().unwrap())
        .collect();
    assert_eq!(&refs[..4], &["1.1a", "1.1b", "1.1c", "1.2a"]);
    assert_eq!(j["actions"][5]["ref"], "1.3");
    assert_eq!(j["actions"][5]["funded"], true);
    assert_eq!(j["actions"][5]["due"], "2018-09-30");
}

#[test]
fn an_earlier_reporting_date_ignores_later_updates_and_makes_late_actions_overdue() {
    let s = sample_copy();
    let out = bin()
        .args(["monitor", "--format", "json", "--as-of", "31/12/2018"])
        .arg(s.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["as_of"], "2018-12-31");
    assert_eq!(j["as_of_source"], "given");
    let action = |r: &str| {
        j["actions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["ref"] == r)
            .unwrap()
            .clone()
    };
    // 5.2b (June 2018) was complete in July; 7.2 (November 2018) only reported complete on 30 November.
    assert_eq!(action("5.2b")["rag"], "Complete");
    assert_eq!(action("7.2")["rag"], "Complete");
    // 1.1b's only update is dated March 2019: after this date, so no update yet.
    assert_eq!(action("1.1b")["rag"], "No update");
    assert_eq!(action("1.1b")["later_updates_ignored"], 1);
    assert_eq!(action("1.1a")["latest_update"]["date"], "2018-10-12");
}

#[test]
fn the_workbook_and_report_are_written_and_inputs_left_alone() {
    let s = sample_copy();
    let before = snapshot(s.path());
    let out = bin().arg("monitor").arg(s.path()).output().unwrap();
    assert!(out.status.success());
    let xlsx = s.path().join("out/Kent-csa-2018-19-monitoring.xlsx");
    let html = s.path().join("out/Kent-csa-2018-19-monitoring.html");
    let first = std::fs::read(&xlsx).unwrap();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
    assert!(!page.contains("<script"));
    for want in [
        "Priority: Domestic Abuse",
        "Priority: Preventing Extremism and Hate",
        "Lead:</strong> Chair of the Domestic Abuse and Sexual Violence Executive Group (DASVEG)",
        "↓ down",
        "improving",
        "<svg",
    ] {
        assert!(page.contains(want), "{want} missing from the report");
    }
    // Sheets in order, and the same inputs give the same bytes.
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    use calamine::Reader;
    assert_eq!(
        wb.sheet_names(),
        vec!["Summary", "Actions", "Indicators", "Data quality", "Provenance"]
    );
    let actions = wb.worksheet_range("Actions").unwrap();
    let header: Vec<String> = (0..actions.width() as u32)
        .map(|c| actions.get_value((0, c)).unwrap().to_string())
        .collect();
    let rag = header.iter().position(|h| h == "RAG").unwrap() as u32;
    let row = (1..actions.height() as u32)
        .find(|r| *actions.get_value((*r, 0)).unwrap() == "3.2")
        .unwrap();
    assert_eq!(actions.get_value((row, rag)).unwrap().to_string(), "Red");
    let after: Vec<_> = snapshot(s.path())
        .into_iter()
        .filter(|(p, _)| !p.starts_with(s.path().join("out")))
        .collect();
    assert_eq!(after, before);
    assert!(bin().arg("monitor").arg(s.path()).output().unwrap().status.success());
    assert_eq!(std::fs::read(&xlsx).unwrap(), first);
}

#[test]
fn markdown_has_a_section_per_priority() {
    let s = sample_copy();
    let out = bin()
        .args(["monitor", "--format", "markdown"])
        .arg(s.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("\n## Priority: ").count(), 7);
    assert!(text.contains("| ASB incidents | 2016 to 2017 | 46,036 | 40,151 | −5,885 | −12.8% | ↓ down | improving |"));
}

#[test]
fn the_review_exposes_delivery_per_current_priority() {
    let d = csa_review::monitor::delivery(&common::sample()).unwrap().unwrap();
    let roads = d.iter().find(|x| x.priority == "Road Safety").unwrap();
    assert_eq!((roads.actions_total, roads.actions_complete, roads.overdue), (4, 1, 0));
    assert_eq!((roads.indicators_improving, roads.indicators_worsening), (0, 1));
    let asb = d.iter().find(|x| x.priority == "Anti-Social Behaviour").unwrap();
    assert_eq!(asb.indicators_improving, 1);
    assert_eq!(d.len(), 6);
}
