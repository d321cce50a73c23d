//! Issue 14, the analyst's day: a fresh review folder made with `init`, filled in as an analyst would, and
//! what each command says about the likely mistakes (SPEC §4.1, §4.2, §6).

mod common;

use common::{bin, put_rows};
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

/// A review folder made by `csa-review init` (Kent, 2026-27) with these partnerships filled in.
fn fresh_review(root: &Path, partnerships: &[&str]) -> PathBuf {
    let dir = root.join("2026-27");
    bin()
        .arg("init")
        .arg(&dir)
        .args(["--area", "Kent", "--year", "2026-27"])
        .assert()
        .success();
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
    let list = partnerships
        .iter()
        .map(|p| format!("\"{p}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let toml = toml.replace("partnerships = []", &format!("partnerships = [{list}]"));
    assert!(
        toml.contains(&list),
        "init's review.toml has a `partnerships = []` line to fill in"
    );
    std::fs::write(dir.join("review.toml"), toml).unwrap();
    dir
}

/// A return as a CSP fills in the district template: labels in A, values in B, from row 3 (below a title).
fn district_return(path: &Path, partnership: &str, year: &str, issues: &[(&str, &str)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Submission").unwrap();
    ws.write_string(0, 0, "Strategic assessment return").unwrap();
    put_rows(
        ws,
        2,
        &[
            vec!["Partnership", partnership],
            vec!["Assessment year", year],
            vec!["Completed by", "Community Safety Manager"],
        ],
    );
    let ws = wb.add_worksheet().set_name("Issues").unwrap();
    let mut rows = vec![vec!["Issue", "Identified as"]];
    rows.extend(issues.iter().map(|(i, id)| vec![*i, *id]));
    put_rows(ws, 0, &rows);
    wb.save(path).unwrap();
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_string()
}

#[test]
fn validate_checks_a_mistyped_return_against_its_review_as_the_folder_review_does() {
    let root = tempfile::tempdir().unwrap();
    let dir = fresh_review(root.path(), &["Ashford", "Kingsmoor", "Dover"]);
    district_return(
        &dir.join("submissions/ashford.xlsx"),
        "Ashford",
        "2026-27",
        &[("DA", "Main priority")],
    );
    district_return(
        &dir.join("submissions/kingsmore.xlsx"),
        "Kingsmore",
        "2026-27",
        &[("DA", "Main priority")],
    );

    let review = bin().args(["review", "--no-workbook"]).arg(&dir).output().unwrap();
    assert_eq!(review.status.code(), Some(1));
    let review_err = text(&review.stderr);
    let reported = review_err
        .lines()
        .find(|l| l.starts_with("error:") && l.contains("Kingsmore"))
        .unwrap_or_else(|| panic!("the folder review names the mistyped return: {review_err}"))
        .to_string();
    assert!(
        reported.contains("cell B3") && reported.contains("Did you mean \"Kingsmoor\""),
        "{reported}"
    );

    // Validating that one file, inside its review folder, reports the same error and fails.
    let out = bin()
        .arg("validate")
        .arg(dir.join("submissions/kingsmore.xlsx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let stdout = text(&out.stdout);
    assert!(
        stdout.lines().any(|l| l == reported),
        "{stdout}\nexpected the line: {reported}"
    );
    assert!(stdout.contains("1 error(s)"), "{stdout}");
    // Only what concerns this file: not the other partnerships' missing returns.
    assert!(!stdout.contains("no submission from"), "{stdout}");

    // A correct return validates cleanly against the same review, from inside the submissions folder too.
    let out = bin()
        .arg("validate")
        .arg("ashford.xlsx")
        .current_dir(dir.join("submissions"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("0 error(s), 0 warning(s)"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_return_of_another_year_is_a_warning_naming_file_and_cell_and_still_counts() {
    let root = tempfile::tempdir().unwrap();
    let dir = fresh_review(root.path(), &["Ashford", "Dover"]);
    district_return(
        &dir.join("submissions/ashford.xlsx"),
        "Ashford",
        "2026/27",
        &[("DA", "Main priority")],
    );
    district_return(
        &dir.join("submissions/dover.xlsx"),
        "Dover",
        "2025-26",
        &[("DA", "Main priority")],
    );

    let out = bin()
        .arg("validate")
        .arg(dir.join("submissions/dover.xlsx"))
        .arg(dir.join("submissions/ashford.xlsx"))
        .output()
        .unwrap();
    assert!(out.status.success(), "a warning, not an error: {}", text(&out.stdout));
    let stdout = text(&out.stdout);
    let warning = stdout
        .lines()
        .find(|l| l.contains("2025-26"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        warning.starts_with("warning: submissions/dover.xlsx, sheet 'Submission', cell B4:")
            && warning.contains("2026-27"),
        "{warning}"
    );
    assert!(!stdout.contains("ashford"), "2026/27 is the review's year: {stdout}");

    // The folder review warns once about it and counts the return.
    let out = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let about_year: Vec<&serde_json::Value> = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["message"].as_str().unwrap().contains("2025-26"))
        .collect();
    assert_eq!(about_year.len(), 1, "{about_year:?}");
    assert_eq!(about_year[0]["file"], "submissions/dover.xlsx");
    assert_eq!(about_year[0]["cell"], "B4");
    assert_eq!(j["partnerships"]["received"], 2);
    assert_eq!(j["appendix_a"][0]["csp_count"], 2);
}

#[test]
fn validate_outside_a_review_folder_says_what_it_could_not_check() {
    let root = tempfile::tempdir().unwrap();
    let loose = root.path().join("loose");
    std::fs::create_dir_all(&loose).unwrap();
    district_return(
        &loose.join("kingsmore.xlsx"),
        "Kingsmore",
        "2019-20",
        &[("DA", "Main priority")],
    );
    let out = bin()
        .arg("validate")
        .arg(loose.join("kingsmore.xlsx"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stdout));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("not inside a review folder")
            && stdout.contains("partnership and Assessment year could not be checked"),
        "{stdout}"
    );
    assert!(!stdout.contains("Kingsmoor") && !stdout.contains("2019-20"), "{stdout}");
}

#[test]
fn status_suggests_the_expected_partnership_a_return_is_close_to() {
    let root = tempfile::tempdir().unwrap();
    let dir = fresh_review(root.path(), &["Ashford", "Kingsmoor", "Dover"]);
    district_return(
        &dir.join("submissions/ashford.xlsx"),
        "Ashford",
        "2026-27",
        &[("DA", "Main priority")],
    );
    district_return(
        &dir.join("submissions/kingsmore.xlsx"),
        "Kingsmore",
        "2026-27",
        &[("DA", "Main priority")],
    );
    let out = bin().arg("status").arg(&dir).output().unwrap();
    assert!(out.status.success());
    // The table wraps to the terminal's width: compare with the line breaks taken out.
    let stdout = text(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        stdout.contains("Did you mean \"Kingsmoor\""),
        "the suggestion validate makes: {stdout}"
    );
    assert!(
        stdout.contains("1 received, 2 missing, 0 invalid of 3 expected"),
        "{stdout}"
    );

    let out = bin().args(["status", "--format", "json"]).arg(&dir).output().unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = |name: &str| {
        j["partnerships"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["partnership"] == name)
            .unwrap()
            .clone()
    };
    let kingsmoor = row("Kingsmoor");
    assert_eq!(kingsmoor["status"], "missing");
    let hint = kingsmoor["problem"].as_str().unwrap();
    assert!(
        hint.contains("submissions/kingsmore.xlsx") && hint.contains("\"Kingsmore\""),
        "{hint}"
    );
    assert!(row("Dover")["problem"].is_null(), "no return is close to Dover");
    let unmatched = j["unmatched"][0].as_array().unwrap();
    assert_eq!(unmatched[0], "submissions/kingsmore.xlsx");
    assert!(
        unmatched[1]
            .as_str()
            .unwrap()
            .starts_with("sheet 'Submission', cell B3: unknown partnership")
    );
}

#[test]
fn a_filled_morile_workbook_left_in_templates_stops_the_review_and_says_where_to_move_it() {
    let root = tempfile::tempdir().unwrap();
    let dir = fresh_review(root.path(), &["Ashford", "Dover", "Kingsmoor"]);
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap().replace(
        "priorities = [\n",
        "priorities = [\n  { name = \"Modern Slavery\", issue = \"Serious and Organised Crime\" },\n",
    );
    std::fs::write(dir.join("review.toml"), toml).unwrap();
    for (file, p) in [("a.xlsx", "Ashford"), ("d.xlsx", "Dover"), ("k.xlsx", "Kingsmoor")] {
        district_return(
            &dir.join("submissions").join(file),
            p,
            "2026-27",
            &[("DA", "Main priority")],
        );
    }
    // The blank templates init wrote do not count as filled in: the review runs, warning that it has no MoRiLE.
    let out = bin().args(["review", "--no-workbook"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The terminal wraps long lines: compare with the line breaks taken out.
    let stdout = text(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        stdout.contains("no morile.xlsx in the review folder, so the review runs without MoRiLE scores"),
        "{stdout}"
    );
    assert!(
        text(&out.stderr).contains("warning: this review has no MoRiLE scores"),
        "said on the terminal too, after the tables: {}",
        text(&out.stderr)
    );

    // The analyst fills in templates/morile.xlsx where init put it.
    common::morile(
        &dir.join("templates/morile.xlsx"),
        &["Item", "Issue", "Score"],
        &[
            vec!["Modern Slavery", "Serious and Organised Crime", "760"],
            vec!["Burglary", "", "90"],
        ],
    );
    let before = common::snapshot(&dir);
    let out = bin().arg("review").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "never a review silently without MoRiLE");
    let stderr = text(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("error: templates/morile.xlsx:"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        line.contains("filled in (2 items)")
            && line.contains("Move it to morile.xlsx")
            && line.contains("morile = \"templates/morile.xlsx\""),
        "{line}"
    );
    assert_eq!(common::snapshot(&dir), before, "nothing written");
    // validate on the folder says the same.
    let out = bin().arg("validate").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains(line), "{}", text(&out.stdout));

    // Moved where review.toml says, the review runs with it: the priority is retained on its High band.
    std::fs::rename(dir.join("templates/morile.xlsx"), dir.join("morile.xlsx")).unwrap();
    let out = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let soc = common::row(&j, "ranking", "Serious and Organised Crime");
    assert_eq!(soc["recommendation"], "retain", "{soc}");
}

#[test]
fn a_filled_horizon_scan_saved_under_another_name_is_an_error_naming_it() {
    let root = tempfile::tempdir().unwrap();
    let dir = fresh_review(root.path(), &["Ashford"]);
    district_return(
        &dir.join("submissions/a.xlsx"),
        "Ashford",
        "2026-27",
        &[("DA", "Main priority")],
    );
    common::horizon(
        &dir.join("Horizon scan 2026-27.xlsx"),
        &[vec!["Political", "New strategy", "Domestic Abuse", "High"]],
    );
    let out = bin().args(["review", "--no-workbook"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error: Horizon scan 2026-27.xlsx: this horizon-scan workbook is filled in (1 item)")
            && stderr.contains("Move it to horizon.xlsx"),
        "{stderr}"
    );
    // Named in review.toml, it is read.
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap().replace(
        "# horizon = \"horizon.xlsx\"",
        "horizon = \"Horizon scan 2026-27.xlsx\"",
    );
    std::fs::write(dir.join("review.toml"), toml).unwrap();
    let out = bin().args(["review", "--no-workbook"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// The non-blank cells of a column of a sheet, top to bottom.
fn column(path: &Path, sheet: &str, col: u32) -> Vec<String> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    (0..range.end().map_or(0, |e| e.0 + 1))
        .map(|r| range.get_value((r, col)).map(|d| d.to_string()).unwrap_or_default())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The XML of a workbook's sheet, found by its name.
fn sheet_xml(path: &Path, name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    // rust_xlsxwriter numbers the sheet files in the order of the workbook's sheets.
    let names: Vec<&str> = workbook
        .split("<sheet ")
        .skip(1)
        .map(|s| s.split("name=\"").nth(1).unwrap().split('"').next().unwrap())
        .collect();
    let n = names.iter().position(|n| *n == name).unwrap() + 1;
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn init_says_to_fill_in_the_partnerships_then_make_the_district_return_that_offers_them() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("2026-27");
    let out = bin()
        .arg("init")
        .arg(&dir)
        .args(["--area", "Kent", "--year", "2026-27"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = text(&out.stderr);
    assert!(
        !said.contains("send templates/district.xlsx"),
        "never the template made before the partnerships: {said}"
    );
    let fill = said
        .find("list the partnerships")
        .expect("says to fill in the partnerships");
    let make = said
        .find("csa-review template district --review")
        .expect("says how to make the return");
    assert!(fill < make, "first the partnerships, then the template: {said}");

    // The analyst fills in the partnerships, then runs the command exactly as init printed it.
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap().replace(
        "partnerships = []",
        "partnerships = [\"Ashford\", \"Kingsmoor\", \"Dover\"]",
    );
    std::fs::write(dir.join("review.toml"), toml).unwrap();
    let command: Vec<&str> = said
        .lines()
        .find(|l| l.contains("csa-review template district"))
        .unwrap()
        .split_whitespace()
        .skip(1)
        .collect();
    bin().args(&command).assert().success();
    let made = PathBuf::from(command[command.iter().position(|a| *a == "--out").unwrap() + 1]);
    assert_eq!(made, dir.join("district-return.xlsx"));
    assert_eq!(
        column(&made, "Lists", 0),
        ["Partnership", "Ashford", "Kingsmoor", "Dover"],
        "the drop-down offers review.toml's partnerships"
    );
    let submission = sheet_xml(&made, "Submission");
    assert!(
        submission.contains("sqref=\"B3\"><formula1>Lists!$A$2:$A$4</formula1>"),
        "the Partnership cell's drop-down: {submission}"
    );
    // The Submission sheet prints on one A4 page: fitted to the page, one wide and (by default) one tall.
    assert!(submission.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{submission}");
    assert!(
        submission.contains("paperSize=\"9\"") && !submission.contains("fitToHeight=\"0\""),
        "{submission}"
    );
    // The review reads the returns made from it: an untouched one is refused for its empty Partnership.
    std::fs::copy(&made, dir.join("submissions/blank.xlsx")).unwrap();
    let out = bin()
        .args(["validate"])
        .arg(dir.join("submissions/blank.xlsx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("sheet 'Submission', cell B3"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn the_morile_template_lists_levels_in_order_of_severity() {
    let root = tempfile::tempdir().unwrap();
    let dir = fresh_review(root.path(), &["Ashford"]);
    let made = dir.join("templates/morile.xlsx");
    let lists = |col| column(&made, "Lists", col);
    let header = lists(0);
    assert_eq!(header[0], "Issue");
    let levels = |factor: &str| {
        let c = (0..20)
            .find(|&c| lists(c).first().map(String::as_str) == Some(factor))
            .unwrap();
        lists(c)[1..].to_vec()
    };
    assert_eq!(
        levels("Physical"),
        ["None", "Limited", "Moderate", "Substantial", "Critical"]
    );
    assert_eq!(
        levels("Frequency"),
        ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
    );
    assert_eq!(levels("Capacity"), ["Sufficient", "Partial", "Insufficient"]);
    assert_eq!(levels("Opportunity"), ["Low", "Medium", "High"]);
    let help = column(&made, "Instructions", 0).join("\n");
    assert!(
        help.contains("Physical: None 0, Limited 5, Moderate 10, Substantial 20, Critical 40"),
        "{help}"
    );
    // The same from `template morile`, with a review's own scheme written in any order.
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap()
        + "\n[morile_scheme.levels]\n\"Physical\" = { Severe = 30, Minor = 1, Serious = 10 }\n";
    std::fs::write(dir.join("review.toml"), toml).unwrap();
    let own = root.path().join("own-morile.xlsx");
    bin()
        .args(["template", "morile", "--review"])
        .arg(&dir)
        .arg("--out")
        .arg(&own)
        .assert()
        .success();
    assert_eq!(column(&own, "Lists", 1), ["Physical", "Minor", "Serious", "Severe"]);
}

/// Every number of a JSON value, with where it is.
fn numbers(v: &serde_json::Value, at: String, out: &mut Vec<(String, serde_json::Number)>) {
    match v {
        serde_json::Value::Number(n) => out.push((at, n.clone())),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                numbers(x, format!("{at}[{i}]"), out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                numbers(x, format!("{at}.{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn json_numbers_carry_no_float_noise() {
    // The bundled reviews (2017-18 has weights whose nearest changes land on 0.35) and a small fresh one.
    let root = tempfile::tempdir().unwrap();
    let dir = fresh_review(root.path(), &["Ashford", "Dover", "Kingsmoor"]);
    common::morile(
        &dir.join("morile.xlsx"),
        &["Item", "Issue", "Score"],
        &[
            vec!["Modern Slavery", "Serious and Organised Crime", "760.123456"],
            vec!["Burglary", "", "90.5"],
        ],
    );
    for (file, p, issue) in [
        ("a.xlsx", "Ashford", "DA"),
        ("d.xlsx", "Dover", "Burglary"),
        ("k.xlsx", "Kingsmoor", "DA"),
    ] {
        district_return(
            &dir.join("submissions").join(file),
            p,
            "2026-27",
            &[(issue, "Main priority")],
        );
    }
    let root_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    for folder in [root_dir.join("kent-2017-18"), common::sample(), dir] {
        let out = bin()
            .args(["review", "--no-workbook", "--format", "json"])
            .arg(&folder)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut all = Vec::new();
        numbers(&j, String::new(), &mut all);
        assert!(
            all.iter().any(|(at, _)| at.contains("at_weights")),
            "sensitivity is there to check"
        );
        for (at, n) in all {
            let shown = n.to_string();
            let decimals = shown.split_once('.').map_or(0, |(_, d)| d.len());
            let most = if at.starts_with(".morile[") && at.ends_with(".score") {
                2
            } else {
                3
            };
            assert!(decimals <= most, "{}: {at} = {shown}", folder.display());
        }
    }
}

#[test]
fn a_scoring_workbook_named_in_review_toml_but_missing_is_an_error_at_its_line() {
    let root = tempfile::tempdir().unwrap();
    let dir = fresh_review(root.path(), &["Ashford"]);
    district_return(
        &dir.join("submissions/a.xlsx"),
        "Ashford",
        "2026-27",
        &[("DA", "Main priority")],
    );
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
    let line = toml.lines().position(|l| l.starts_with("# morile =")).unwrap() + 1;
    let toml = toml.replace("# morile = \"morile.xlsx\"", "morile = \"scores.xlsx\"");
    std::fs::write(dir.join("review.toml"), toml).unwrap();
    let out = bin().args(["review", "--no-workbook"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&format!(
            "error: review.toml, line {line}: `morile` names scores.xlsx, which is not in the review folder"
        )),
        "{}",
        text(&out.stderr)
    );
    // validate on a return of that folder says the review.toml cannot be used, not that the return is fine.
    let out = bin()
        .arg("validate")
        .arg(dir.join("submissions/a.xlsx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("`morile` names scores.xlsx") && stdout.contains("not checked"),
        "{stdout}"
    );
}
