//! Year on year across change (SPEC §5.2): partnerships that split, a taxonomy that changed, renamed
//! priorities and themes (SPEC §5.1). Last year's workbooks are written by the tool itself in each test.

mod common;
use common::{bin, row, submission};
use std::path::{Path, PathBuf};

/// A review folder: review.toml from its parts, one return per (partnership, issues named as main priorities).
fn folder(dir: &Path, year: &str, partnerships: &[&str], extra: &str, returns: &[(&str, Vec<&str>)]) {
    std::fs::create_dir_all(dir.join("submissions")).unwrap();
    let list: Vec<String> = partnerships.iter().map(|p| format!("\"{p}\"")).collect();
    std::fs::write(
        dir.join("review.toml"),
        format!(
            "area = \"Kent\"\nyear = \"{year}\"\npartnerships = [{}]\n{extra}\n",
            list.join(", ")
        ),
    )
    .unwrap();
    for (i, (p, issues)) in returns.iter().enumerate() {
        let rows: Vec<(&str, &str)> = issues.iter().map(|n| (*n, "Main priority")).collect();
        submission(&dir.join("submissions").join(format!("{i:02}.xlsx")), p, &rows);
    }
}

/// Run a review; write its workbook to `workbook` when given. Returns the JSON.
fn review(dir: &Path, workbook: Option<&Path>) -> serde_json::Value {
    let mut cmd = bin();
    cmd.args(["review", "--format", "json"]).arg(dir);
    match workbook {
        Some(w) => cmd.arg("--out").arg(w),
        None => cmd.arg("--no-workbook"),
    };
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn previous<'a>(j: &'a serde_json::Value, issue: &str) -> &'a serde_json::Value {
    &row(j, "ranking", issue)["previous"]
}

const TEN: [&str; 10] = [
    "Ashford",
    "Canterbury",
    "Dover",
    "Folkestone and Hythe",
    "Maidstone",
    "Sevenoaks",
    "Swale",
    "Thanet",
    "Tonbridge and Malling",
    "Tunbridge Wells",
];

#[test]
fn a_review_whose_partnerships_split_compares_shares_and_says_so() {
    let root = tempfile::tempdir().unwrap();
    // 2020-21: eleven partnerships, Dartford and Gravesham joint.
    let last_year = root.path().join("2020-21");
    let mut eleven: Vec<&str> = TEN.to_vec();
    eleven.push("Dartford and Gravesham");
    let returns: Vec<(&str, Vec<&str>)> = eleven
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut issues = vec!["Domestic abuse"];
            if i < 6 {
                issues.push("ASB");
            }
            if *p == "Dartford and Gravesham" {
                issues.push("Knife crime");
            }
            (*p, issues)
        })
        .collect();
    folder(&last_year, "2020-21", &eleven, "", &returns);
    let workbook: PathBuf = root.path().join("kent-2020-21.xlsx");
    review(&last_year, Some(&workbook));

    // 2021-22: twelve, Dartford and Gravesham apart; each names knife crime.
    let this_year = root.path().join("2021-22");
    let mut twelve: Vec<&str> = TEN.to_vec();
    twelve.extend(["Dartford", "Gravesham"]);
    let returns: Vec<(&str, Vec<&str>)> = twelve
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut issues = vec!["Domestic abuse"];
            if i < 6 {
                issues.push("ASB");
            }
            if p.starts_with("Dartford") || p.starts_with("Gravesham") {
                issues.push("Knife crime");
            }
            (*p, issues)
        })
        .collect();
    folder(
        &this_year,
        "2021-22",
        &twelve,
        "previous = \"../kent-2020-21.xlsx\"",
        &returns,
    );
    let j = review(&this_year, None);

    let yoy = &j["year_on_year"];
    assert_eq!(
        (yoy["partnerships_then"].as_u64(), yoy["partnerships_now"].as_u64()),
        (Some(11), Some(12))
    );
    assert!(
        yoy["note"]
            .as_str()
            .unwrap()
            .contains("changed from 11 last year to 12 this year"),
        "{yoy}"
    );
    assert!(
        j["warnings"]
            .to_string()
            .contains("changed from 11 last year to 12 this year")
    );

    // Every partnership named domestic abuse both years: one more CSP, the same share.
    let da = previous(&j, "Domestic Abuse");
    assert_eq!(
        (da["csp_count"].as_u64(), da["csp_change"].as_i64()),
        (Some(11), Some(1))
    );
    assert_eq!(da["share_change"], 0.0);
    // Six both years: the same count is a smaller share of twelve.
    let asb = previous(&j, "Anti-Social Behaviour");
    assert_eq!(asb["csp_change"], 0);
    assert_eq!(asb["share_change"], -0.045); // 6/12 − 6/11
    let sv = previous(&j, "Serious Violence");
    assert_eq!(
        (sv["csp_count"].as_u64(), sv["csp_change"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(sv["share_change"], 0.076); // 2/12 − 1/11
    for issue in ["Domestic Abuse", "Anti-Social Behaviour", "Serious Violence"] {
        let p = previous(&j, issue);
        assert_eq!(p["places"], 0, "{issue}: {p}");
        assert_eq!(p["movement"], "no change");
        assert!(p["position"].as_u64().is_some());
    }
}

fn kent_2017_18_workbook() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples/kent-2017-18/Kent-csa-2017-18.xlsx")
        .display()
        .to_string()
        .replace('\\', "/")
}

const ELEVEN_2018: [&str; 11] = [
    "Ashford",
    "Canterbury",
    "Dartford and Gravesham",
    "Dover",
    "Maidstone",
    "Sevenoaks",
    "Shepway",
    "Swale",
    "Thanet",
    "Tonbridge and Malling",
    "Tunbridge Wells",
];

fn standard_review_against_2017(extra: &str) -> serde_json::Value {
    standard_folder_against_2017(extra).1
}

fn standard_folder_against_2017(extra: &str) -> (tempfile::TempDir, serde_json::Value) {
    let root = tempfile::tempdir().unwrap();
    let returns: Vec<(&str, Vec<&str>)> = ELEVEN_2018
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                *p,
                if i < 5 {
                    vec!["Domestic abuse", "Burglary"]
                } else {
                    vec!["Domestic abuse", "VAWG"]
                },
            )
        })
        .collect();
    folder(
        root.path(),
        "2018-19",
        &ELEVEN_2018,
        &format!("previous = \"{}\"\n{extra}", kent_2017_18_workbook()),
        &returns,
    );
    let j = review(root.path(), None);
    (root, j)
}

#[test]
fn last_years_workbook_in_the_2018_rows_read_by_a_standard_2025_review() {
    let (dir, j) = standard_folder_against_2017("");
    assert_eq!(j["taxonomy"], "standard-2025");
    // The 2018 labels that standard-2025 knows are compared.
    assert_eq!(previous(&j, "Domestic Abuse")["csp_count"], 10);
    // "Crime" has no row in standard-2025: not comparable, listed with its figures, never dropped.
    let nc = j["year_on_year"]["not_comparable"].as_array().unwrap();
    assert_eq!(nc.len(), 1, "{nc:?}");
    assert!(nc[0]["name"].as_str().unwrap().starts_with("Crime"), "{nc:?}");
    assert_eq!(nc[0]["csp_count"], 4);
    assert!(nc[0]["position"].as_u64().is_some());
    let warnings = j["warnings"].to_string();
    assert!(
        warnings.contains("listed as not comparable") && warnings.contains("[previous_names]"),
        "{warnings}"
    );
    // Issues last year's rows never had are new this year.
    assert_eq!(
        previous(&j, "Violence Against Women and Girls")["movement"],
        "new this year"
    );
    assert_eq!(
        previous(&j, "Neighbourhood and Acquisitive Crime")["movement"],
        "new this year"
    );
    // Last year's issues that are not in this year's ranking are no longer identified.
    let a = csa_review::review_folder(dir.path()).unwrap();
    let gone: Vec<&str> = a
        .movement
        .iter()
        .filter(|(_, m)| m.movement == "no longer identified")
        .map(|(i, _)| a.review.taxonomy.name(*i))
        .collect();
    assert!(gone.contains(&"Mental Health"), "{gone:?}");
    for issue in &gone {
        assert!(
            j["ranking"].as_array().unwrap().iter().all(|r| r["issue"] != *issue),
            "{issue}"
        );
    }

    // The analyst's reading of last year's "Crime" makes it comparable.
    let j = standard_review_against_2017("[previous_names]\n\"Crime\" = \"Neighbourhood and Acquisitive Crime\"\n");
    assert_eq!(j["year_on_year"]["not_comparable"], serde_json::json!([]));
    let nac = previous(&j, "Neighbourhood and Acquisitive Crime");
    assert_eq!(
        (nac["csp_count"].as_u64(), nac["csp_change"].as_i64()),
        (Some(4), Some(1))
    );
    assert_ne!(nac["movement"], "new this year");
}

#[test]
fn last_years_figures_are_checked_like_any_input() {
    let root = tempfile::tempdir().unwrap();
    // A copy of last year's workbook with a count of 2.7 in Appendix A.
    let mut book = with_a_bad_count(&kent_2017_18_workbook());
    book.0 = root.path().join("last.xlsx");
    std::fs::write(&book.0, &book.1).unwrap();
    let returns: Vec<(&str, Vec<&str>)> = ELEVEN_2018.iter().map(|p| (*p, vec!["Domestic abuse"])).collect();
    folder(
        root.path(),
        "2018-19",
        &ELEVEN_2018,
        "previous = \"last.xlsx\"\ntaxonomy = \"kent-2018-19\"",
        &returns,
    );
    let out = bin()
        .args(["review", "--no-workbook"])
        .arg(root.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("last.xlsx, sheet 'Appendix A', cell B3") && e.contains("whole number"),
        "{e}"
    );
}

/// Last year's workbook with Appendix A's first count (B3) replaced by 2.7, rewritten cell by cell.
fn with_a_bad_count(path: &str) -> (PathBuf, Vec<u8>) {
    use calamine::{Data, Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(path).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in wb.sheet_names().to_vec() {
        let range = wb.worksheet_range(&name).unwrap();
        let ws = out.add_worksheet().set_name(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.cells() {
            let (r, c) = (r0 + r as u32, (c0 + c as u32) as u16);
            if name == "Appendix A" && (r, c) == (2, 1) {
                ws.write_number(r, c, 2.7).unwrap();
                continue;
            }
            match v {
                Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()).unwrap(),
                Data::Int(i) => ws.write_number(r, c, *i as f64).map(|_| ()).unwrap(),
                Data::String(s) => ws.write_string(r, c, s).map(|_| ()).unwrap(),
                Data::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ()).unwrap(),
                _ => {}
            }
        }
    }
    (PathBuf::new(), out.save_to_buffer().unwrap())
}

/// Kent's real change from 2021/22 to 2022/23: violence against women and girls added as a priority
/// (against the officers' proposal to fold it into Domestic Abuse), "Anti-Social Behaviour" renamed
/// "Preventing Neighbourhood Crime and ASB", and the Covid theme renamed. The returns, and the themes'
/// exact wording, are illustrative; the decisions are the recorded ones.
#[test]
fn kents_2021_22_to_2022_23_change_as_recorded_decisions() {
    let root = tempfile::tempdir().unwrap();
    let mut twelve: Vec<&str> = TEN.to_vec();
    twelve.extend(["Dartford", "Gravesham"]);
    let current = r#"
[current]
priorities = [
  { name = "Serious Violence and Organised Crime", issue = "Serious and Organised Crime" },
  { name = "Domestic Abuse", issue = "Domestic Abuse" },
  { name = "Anti-Social Behaviour", issue = "Anti-Social Behaviour" },
  { name = "Substance Misuse", issue = "Substance Misuse" },
  { name = "Safeguarding Vulnerable People", issue = "Safeguarding and Vulnerability" },
  { name = "Road Safety", issue = "Road Safety" },
  { name = "Preventing Extremism and Hate", issue = "Extremism and Hate" },
]
themes = [
  { name = "Early intervention, prevention and education" },
  { name = "Reduce re-offending and support victims", issue = "Reducing Offending and Reoffending" },
  { name = "Responding to and recovering from Covid-19", issue = "Community Confidence" },
]
"#;
    // Every partnership names the core five; `vawg` of them name VAWG; four name three more issues.
    let named = |i: usize, vawg: usize| -> Vec<&str> {
        let mut v = vec![
            "Domestic abuse",
            "ASB",
            "County lines",
            "Substance misuse",
            "Safeguarding",
        ];
        if i < vawg {
            v.push("VAWG");
        }
        if i < 4 {
            v.extend(["Road safety", "Prevent", "Community resilience"]);
        }
        v
    };
    let last_year = root.path().join("2021-22");
    let returns: Vec<(&str, Vec<&str>)> = twelve.iter().enumerate().map(|(i, p)| (*p, named(i, 2))).collect();
    folder(&last_year, "2021-22", &twelve, current, &returns);
    review(&last_year, Some(&root.path().join("kent-2021-22.xlsx")));

    let this_year = root.path().join("2022-23");
    let decisions = r#"
[[decision]]
issue = "Violence Against Women and Girls"
action = "add"
name = "Violence Against Women and Girls"
reason = "Added as a priority in its own right rather than folded into Domestic Abuse, as the officers had proposed"

[[decision]]
issue = "Anti-Social Behaviour"
action = "retain"
name = "Preventing Neighbourhood Crime and ASB"
reason = "Retained, renamed to take in neighbourhood crime"

[[decision]]
issue = "Community Confidence"
action = "theme"
name = "Supporting community recovery and resilience"
reason = "The Covid-19 theme renamed as the response gives way to recovery"
"#;
    let returns: Vec<(&str, Vec<&str>)> = twelve.iter().enumerate().map(|(i, p)| (*p, named(i, 10))).collect();
    folder(
        &this_year,
        "2022-23",
        &twelve,
        &format!("previous = \"../kent-2021-22.xlsx\"\n{current}{decisions}"),
        &returns,
    );
    let j = review(&this_year, None);
    let c = &j["comparison"];
    assert!(
        c["added"].to_string().contains("Violence Against Women and Girls"),
        "{c}"
    );
    assert!(c["retained"].to_string().contains("\"Anti-Social Behaviour\""), "{c}");
    assert_eq!(
        c["renamed"],
        serde_json::json!([{ "from": "Anti-Social Behaviour", "to": "Preventing Neighbourhood Crime and ASB" }])
    );
    assert_eq!(
        c["themes_renamed"],
        serde_json::json!([{ "from": "Responding to and recovering from Covid-19", "to": "Supporting community recovery and resilience" }])
    );
    let proposed = j["proposed"].to_string();
    assert!(
        proposed.contains("Preventing Neighbourhood Crime and ASB"),
        "{proposed}"
    );
    assert!(
        proposed.contains("Supporting community recovery and resilience"),
        "{proposed}"
    );
    assert!(
        !proposed.contains("Responding to and recovering from Covid-19"),
        "{proposed}"
    );
    // Year on year against 2021-22: VAWG named by 2 partnerships then, 10 now.
    let vawg = previous(&j, "Violence Against Women and Girls");
    assert_eq!(
        (vawg["csp_count"].as_u64(), vawg["csp_change"].as_i64()),
        (Some(2), Some(8))
    );
    assert!(vawg["places"].as_i64().unwrap() > 0, "{vawg}");
    assert_eq!(vawg["movement"], "risen up the listing");
    assert_eq!(j["year_on_year"]["partnerships_then"], 12);
    assert!(j["year_on_year"]["note"].is_null());
}
