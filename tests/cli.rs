//! The command line through the real binary (SPEC §6).

mod common;
use common::*;
use predicates::prelude::*;

#[test]
fn review_with_no_folder_prints_the_bundled_appendix_a() {
    let out = bin().args(["review", "--no-workbook"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Appendix A: Strategic Assessments (2018-19)"));
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("ASB/Environmental"))
        .unwrap();
    assert_eq!(line.split_whitespace().nth(1), Some("10"), "{line}");
    assert!(text.contains("Total: 78"));
    assert!(text.contains("Appendix B: MoRiLE Assessment"));
    assert!(text.contains("12=   Hate Crime"));
    assert!(text.contains("Retained: 6 | Added: 1 | Removed: 0"));
    let sensitivity = text
        .lines()
        .skip_while(|l| !l.starts_with("Sensitivity to the weights (top 7;"))
        .find(|l| l.contains("Safeguarding and Vulnerability"))
        .unwrap();
    assert!(
        sensitivity.contains("Safeguarding and Vulnerability") && sensitivity.contains("100%"),
        "{sensitivity}"
    );
    let road = text
        .lines()
        .skip_while(|l| !l.starts_with("Year on year"))
        .find(|l| l.contains("Road Safety"))
        .unwrap();
    assert!(
        road.contains("-3") && road.contains("-6") && road.contains("dropped"),
        "{road}"
    );
    assert!(text.contains("Data quality"));
}

#[test]
fn json_output_is_only_json_on_stdout() {
    let dir = sample_copy();
    let out = bin()
        .args(["review", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout parses as JSON, nothing else");
    assert_eq!(j["schema_version"], 1);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("wrote"),
        "diagnostics go to stderr"
    );
    assert!(
        dir.path().join("out/Kent-csa-2018-19.xlsx").is_file(),
        "the default workbook path"
    );
}

#[test]
fn csv_output_holds_appendix_a_and_the_ranking() {
    let out = bin()
        .args(["review", "--no-workbook", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut sections = text.split("\n\n");
    let appendix: Vec<&str> = sections.next().unwrap().lines().collect();
    assert!(appendix[0].starts_with("table,issue,label,csp_count"));
    assert!(appendix[1].starts_with("appendix_a,Domestic Abuse,Domestic Abuse,10,"));
    let ranking = sections.next().unwrap();
    assert!(ranking.starts_with("table,rank,issue,csp_count"));
    assert!(ranking.contains("Road Safety,3,"));
}

#[test]
fn markdown_output_is_a_paper() {
    let out = bin()
        .args(["review", "--no-workbook", "--format", "markdown"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for heading in [
        "# Kent Community Safety Agreement review 2018-19",
        "## Appendix A",
        "## Appendix B",
        "## Appendix C",
        "## Ranking",
        "## Comparison",
        "## Year on year",
        "## Sensitivity to the weights",
        "## Data quality",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    assert!(text.contains("| Road Safety | 3 | 2 | 0 | 1 |"));
}

#[test]
fn validate_a_good_folder_exits_0_and_a_bad_file_exits_1_with_its_cell() {
    bin()
        .args(["validate"])
        .arg(sample())
        .assert()
        .success()
        .stdout(predicate::str::contains("0 error(s)"));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.xlsx");
    submission(&p, "X", &[("DA", "Most important")]);
    bin()
        .arg("validate")
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("bad.xlsx, sheet 'Issues', cell B2"));
}

#[test]
fn help_and_usage_errors() {
    bin()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("review"));
    for sub in [
        "review",
        "validate",
        "template",
        "init",
        "explain",
        "status",
        "completions",
    ] {
        bin()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
    bin()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--help").and(predicate::str::contains("docs/guide.md")));
    bin().arg("frobnicate").assert().code(2);
    bin().args(["review", "--format", "yaml"]).assert().code(2);
    bin()
        .args(["init", "/tmp/x", "--area", "Kent", "--year", "2026"])
        .assert()
        .code(2);
}

#[test]
fn a_folder_without_review_toml_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    bin()
        .arg("review")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no review.toml"));
}

#[test]
fn status_accepts_only_the_formats_it_prints() {
    let dir = sample_copy();
    for format in ["csv", "markdown"] {
        let out = bin()
            .args(["status", "--format", format])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--format {format}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("table") && err.contains("json"), "{err}");
        assert!(out.stdout.is_empty());
    }
    bin()
        .args(["status", "--format", "json"])
        .arg(dir.path())
        .assert()
        .success();
}

#[test]
fn with_no_folder_given_the_review_in_the_current_folder_is_run() {
    let copy = sample_copy();
    let out = bin()
        .current_dir(copy.path())
        .args(["review", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["area"], "Kent");
    assert!(
        copy.path().join("out/Kent-csa-2018-19.xlsx").is_file(),
        "the workbook goes into the current review folder"
    );
    for args in [vec!["status"], vec!["explain", "Road Safety"]] {
        bin().current_dir(copy.path()).args(&args).assert().success();
    }
}

#[test]
fn a_folder_with_no_review_and_no_folder_given_is_a_usage_error_saying_what_to_give() {
    let empty = tempfile::tempdir().unwrap();
    for args in [vec!["review"], vec!["status"], vec!["explain", "Road Safety"]] {
        let out = bin().current_dir(empty.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("holds no review.toml") && err.contains(&format!("csa-review {} reviews/", args[0])),
            "{err}"
        );
    }
    assert_eq!(std::fs::read_dir(empty.path()).unwrap().count(), 0, "nothing written");
}

#[test]
fn a_path_to_review_toml_means_its_folder() {
    let copy = sample_copy();
    let out = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .arg(copy.path().join("review.toml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let parent = copy.path().parent().unwrap();
    bin()
        .current_dir(parent)
        .args(["status", "kent-2018-19/review.toml"])
        .assert()
        .success();
}

#[test]
fn from_inside_the_projects_checkout_the_bundled_sample_is_run() {
    // As `cargo run -- review` does from any folder of the checkout.
    let out = bin()
        .current_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
        .args(["review", "--no-workbook", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["year"], "2018-19");
}
