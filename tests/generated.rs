//! A review folder made by the peers' generator (`make_review.py --partnerships 12 --missing 1 --seed 2`,
//! committed under tests/fixtures/synthshire), with the figures it knows by construction: every layout and
//! spelling the contract allows must give exactly those counts.

mod common;
use common::*;

#[test]
fn a_generated_review_gives_the_figures_known_by_construction() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("synthshire-expected.json")).unwrap()).unwrap();
    let out = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .arg(root.join("synthshire"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["partnerships"], expected["partnerships"]);
    let keys = [
        "issue",
        "label",
        "csp_count",
        "main_priority",
        "cross_cutting_theme",
        "part_of_broader_theme",
        "partnerships",
    ];
    let pick = |rows: &serde_json::Value| -> Vec<Vec<serde_json::Value>> {
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| keys.iter().map(|k| r[*k].clone()).collect())
            .collect()
    };
    assert_eq!(pick(&got["appendix_a"]), pick(&expected["appendix_a"]));
    assert_eq!(got["other_focus_areas"], expected["other_focus_areas"]);
}
