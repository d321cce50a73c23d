//! Suggestions cost what reading costs (issue 13 family 7, issue 18): a return naming 3,000 long unknown
//! issues reads quickly and every one of them gets the right warning. No timing assertion: the time is
//! printed (`cargo test --test taxonomy_cost -- --nocapture`).

mod common;
use common::{Small, bin, put_rows};
use rust_xlsxwriter::Workbook;

/// A made-up word from a number: letters only, so that names share few words with each other or with
/// the taxonomy.
fn word(mut n: u64, salt: u64) -> String {
    n = n
        .wrapping_mul(6364136223846793005)
        .wrapping_add(salt.wrapping_mul(1442695040888963407));
    let syllables = [
        "zor", "vax", "qui", "mel", "tru", "bex", "pol", "dra", "kin", "fes", "lum", "gor",
    ];
    (0..4).map(|i| syllables[((n >> (i * 8)) % 12) as usize]).collect()
}

#[test]
fn three_thousand_long_unknown_names_read_quickly_with_the_right_warnings() {
    let s = Small::new(&["North"], "");
    let mut names = Vec::new();
    for i in 0..3000u64 {
        let name = match i % 100 {
            // A heading with known names inside it.
            0 => format!(
                "Local concern {i}: {} {} including knife crime and gangs",
                word(i, 1),
                word(i, 2)
            ),
            // A short misspelling.
            1 => "Domestik abuse".to_string(),
            // Short unknown names, the misspelling search's worst case.
            2..=30 => format!("{} {} {i}", word(i, 3), word(i, 4)),
            // Long names, most of the return: eight made-up words, about 110 characters.
            _ => {
                let words: Vec<String> = (5..13).map(|salt| word(i, salt)).collect();
                format!("{} {i}", words.join(" "))
            }
        };
        names.push(name);
    }
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Submission").unwrap();
    put_rows(
        ws,
        0,
        &[vec!["Partnership", "North"], vec!["Assessment year", "2024-25"]],
    );
    let ws = wb.add_worksheet().set_name("Issues").unwrap();
    let mut rows = vec![vec!["Issue", "Identified as"]];
    rows.extend(names.iter().map(|n| vec![n.as_str(), "Main priority"]));
    put_rows(ws, 0, &rows);
    let path = s.sub("north.xlsx");
    wb.save(&path).unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();

    if let Ok(keep) = std::env::var("COST_KEEP") {
        common::copy_dir(s.path(), std::path::Path::new(&keep));
    }
    let started = std::time::Instant::now();
    let out = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .arg(s.path())
        .output()
        .unwrap();
    let took = started.elapsed();
    println!(
        "a return of {} KB naming {} unknown issues: reviewed in {} ms",
        bytes / 1024,
        names.len(),
        took.as_millis()
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings: Vec<&str> = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .filter(|m| m.contains("matches no issue"))
        .collect();
    assert_eq!(warnings.len(), 3000);
    // Each distinct name is one other focus area; the repeated misspelling is one.
    assert_eq!(j["other_focus_areas"].as_array().unwrap().len(), 3000 - 29);
    let knife = warnings
        .iter()
        .filter(|w| {
            w.contains("It names Serious Violence (\"knife crime\") and Serious and Organised Crime (\"gangs\")")
        })
        .count();
    assert_eq!(knife, 30);
    let misspelt = warnings
        .iter()
        .filter(|w| w.contains("Did you mean \"Domestic Abuse\"?"))
        .count();
    assert_eq!(misspelt, 30);
    let nothing = warnings
        .iter()
        .filter(|w| w.contains("No issue's name is close"))
        .count();
    assert_eq!(nothing, 3000 - 60);
    // Nothing counted: made-up names never roll up.
    assert_eq!(j["appendix_a"].as_array().unwrap().len(), 0);
}
