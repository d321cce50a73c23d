//! MoRiLE scoring, the horizon scan, the ranking and the recommendation (SPEC §4.2, §4.3, §5).

mod common;
use common::*;
use serde_json::json;

const FACTORS: [&str; 12] = [
    "Item",
    "Issue",
    "Physical",
    "Psychological",
    "Financial",
    "Community",
    "Geographic scope",
    "Frequency",
    "Vulnerability",
    "Capacity",
    "Capability",
    "Opportunity",
];

fn scores(j: &serde_json::Value) -> Vec<(String, f64, Option<String>)> {
    j["morile"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["item"].as_str().unwrap().to_string(),
                m["score"].as_f64().unwrap(),
                m["band"].as_str().map(String::from),
            )
        })
        .collect()
}

fn one_csp() -> Small {
    let s = Small::new(&["A"], "");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    s
}

#[test]
fn the_default_scheme_scores_by_hand_computed_examples() {
    let s = one_csp();
    morile(
        &s.path().join("morile.xlsx"),
        &FACTORS,
        &[
            // Harm 40+40+20+20+40 = 160; likelihood 2+3 = 5; OP 2+2+2 = 6, multiplier 1: 800, High.
            vec![
                "Modern Slavery",
                "",
                "Critical",
                "Critical",
                "Substantial",
                "Substantial",
                "National",
                "Unlikely",
                "High",
                "Partial",
                "Partial",
                "Medium",
            ],
            // Points instead of labels, numbers as text: harm 10+5+0+0+5 = 20; likelihood 3+1 = 4; OP 9 gives 1.25: 100, Low.
            vec![
                "Graffiti",
                "Anti-Social Behaviour",
                "10",
                "5",
                "0",
                "0",
                "5",
                "3",
                "1",
                "3",
                "3",
                "3",
            ],
            // 55 x 4 x 5/6 and 40 x 5 x 11/12 are both 183 1/3: a tie, Medium.
            vec![
                "Hate Crime",
                "",
                "Moderate",
                "Substantial",
                "None",
                "Substantial",
                "Local",
                "Possible",
                "Some",
                "Sufficient",
                "Sufficient",
                "Medium",
            ],
            vec![
                "Road Safety",
                "",
                "Substantial",
                "Limited",
                "Limited",
                "None",
                "District",
                "Likely",
                "Some",
                "Partial",
                "Sufficient",
                "Medium",
            ],
        ],
    );
    let j = s.json();
    let got = scores(&j);
    assert_eq!(got[0], ("Modern Slavery".into(), 800.0, Some("High".into())));
    assert_eq!(got[1], ("Hate Crime".into(), 183.33, Some("Medium".into())));
    assert_eq!(got[2], ("Road Safety".into(), 183.33, Some("Medium".into())));
    assert_eq!(got[3], ("Graffiti".into(), 100.0, Some("Low".into())));
    let ranks: Vec<u64> = j["morile"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, [1, 2, 2, 4]);
}

#[test]
fn a_scheme_changed_in_review_toml_changes_the_scores() {
    let extra = r#"
[morile_scheme]
risk = "sum"
bands = [{ name = "Red", min = 50 }, { name = "Green" }]
[morile_scheme.harm]
factors = ["Physical"]
[morile_scheme.likelihood]
factors = ["Frequency"]
[morile_scheme.organisational]
factors = ["Capacity"]
multiplier = { low = 2, high = 1 }
[morile_scheme.levels]
"Physical" = { Low = 1, High = 50 }
"Frequency" = { Rare = 1, Often = 10 }
"Capacity" = { Good = 1, Poor = 3 }
"#;
    let s = Small::new(&["A"], extra);
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    morile(
        &s.path().join("morile.xlsx"),
        &["Item", "Physical", "Frequency", "Capacity"],
        &[
            // (50 + 10) x 2 (Good capacity gives the low end, 2): 120, Red.
            vec!["Domestic Abuse", "High", "Often", "Good"],
            // (1 + 1) x 1 (Poor capacity gives the high end, 1): 2, Green. A cell holds a level or its points
            // exactly (SPEC §4.2), never a value between them.
            vec!["Burglary", "Low", "Rare", "3"],
        ],
    );
    let got = scores(&s.json());
    assert_eq!(
        got,
        vec![
            ("Domestic Abuse".into(), 120.0, Some("Red".into())),
            ("Burglary".into(), 2.0, Some("Green".into()))
        ]
    );
}

#[test]
fn a_score_only_sheet_uses_the_bands() {
    let s = one_csp();
    morile(
        &s.path().join("morile.xlsx"),
        &["Item", "Score"],
        &[
            vec!["Gangs", "150"],
            vec!["Domestic Abuse", "420.5"],
            vec!["Scams", "90"],
        ],
    );
    let got = scores(&s.json());
    assert_eq!(got[0], ("Domestic Abuse".into(), 420.5, Some("High".into())));
    assert_eq!(got[1], ("Gangs".into(), 150.0, Some("Medium".into())));
    assert_eq!(got[2], ("Scams".into(), 90.0, Some("Low".into())));
}

#[test]
fn a_rank_only_sheet_scores_highest_rank_plus_one_minus_rank_and_has_no_bands() {
    let s = one_csp();
    morile(
        &s.path().join("morile.xlsx"),
        &["Rank", "Item"],
        &[
            vec!["2", "Gangs"],
            vec!["1", "Domestic Abuse"],
            vec!["2", "Hate Crime"],
            vec!["4", "Burglary"],
        ],
    );
    let j = s.json();
    let got = scores(&j);
    assert_eq!(
        got,
        vec![
            ("Domestic Abuse".into(), 4.0, None),
            ("Gangs".into(), 3.0, None),
            ("Hate Crime".into(), 3.0, None),
            ("Burglary".into(), 1.0, None)
        ]
    );
    assert_eq!(row(&j, "ranking", "Domestic Abuse")["morile"], 1.0);
    assert_eq!(row(&j, "ranking", "Crime")["morile"], 0.25);
}

#[test]
fn an_issue_not_assessed_by_morile_scores_zero_there_and_says_so() {
    let s = Small::new(
        &["A", "B"],
        "[current]\npriorities = [{ name = \"Substance Misuse\", issue = \"Substance Misuse\" }]\n",
    );
    submission(&s.sub("a.xlsx"), "A", &[("Drugs", "Main priority")]);
    submission(&s.sub("b.xlsx"), "B", &[("Alcohol", "Main priority")]);
    morile(
        &s.path().join("morile.xlsx"),
        &["Item", "Score"],
        &[vec!["Gangs", "500"]],
    );
    let j = s.json();
    let sm = row(&j, "ranking", "Substance Misuse");
    assert_eq!(sm["morile"], 0.0);
    assert_eq!(
        sm["recommendation"], "retain",
        "MoRiLE is not used in isolation: local support retains it"
    );
    assert!(sm["reason"].as_str().unwrap().contains("not assessed by MoRiLE"));
}

#[test]
fn ties_in_the_ranking_fall_to_csp_count_then_taxonomy_order() {
    // Only local scores: equal shares tie on the combined score and the CSP count, so taxonomy order decides.
    let s = Small::new(&["A", "B"], "[weights]\nlocal = 1\nmorile = 0\nhorizon = 0\n");
    submission(
        &s.sub("a.xlsx"),
        "A",
        &[
            ("Road Safety", "Main priority"),
            ("DA", "Main priority"),
            ("Crime", "Main priority"),
        ],
    );
    submission(&s.sub("b.xlsx"), "B", &[("Crime", "Main priority")]);
    let j = s.json();
    let order: Vec<(&str, u64)> = j["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["issue"].as_str().unwrap(), r["rank"].as_u64().unwrap()))
        .collect();
    assert_eq!(order, [("Crime", 1), ("Domestic Abuse", 2), ("Road Safety", 2)]);
}

fn rec(j: &serde_json::Value, issue: &str) -> String {
    row(j, "ranking", issue)["recommendation"].as_str().unwrap().to_string()
}

#[test]
fn each_recommendation_rule() {
    let toml = r#"
[current]
priorities = [{ name = "DA", issue = "Domestic Abuse" }, { name = "Roads", issue = "Road Safety" },
              { name = "SOC", issue = "Serious and Organised Crime" }, { name = "Drugs", issue = "Substance Misuse" }]
themes = [{ name = "Offending theme", issue = "Reducing Offending and Reoffending" },
          { name = "Confidence theme", issue = "Community Confidence" }, { name = "Unlinked theme" }]
"#;
    let s = Small::new(&["A", "B", "C", "D", "E"], toml);
    let m = "Main priority";
    let c = "Cross-cutting theme";
    submission(
        &s.sub("a.xlsx"),
        "A",
        &[
            ("DA", m),
            ("Mental Health", c),
            ("PREVENT", m),
            ("Reoffending", m),
            ("Crime", m),
        ],
    );
    submission(
        &s.sub("b.xlsx"),
        "B",
        &[("DA", m), ("Mental Health", c), ("PREVENT", m), ("Reoffending", m)],
    );
    submission(
        &s.sub("c.xlsx"),
        "C",
        &[
            ("DA", m),
            ("Mental Health", m),
            ("Hate crime", c),
            ("Reoffending", m),
            ("Road Safety", m),
        ],
    );
    submission(&s.sub("d.xlsx"), "D", &[("Quality of life", m)]);
    submission(&s.sub("e.xlsx"), "E", &[("Gangs", m)]);
    morile(
        &s.path().join("morile.xlsx"),
        &["Item", "Score"],
        &[
            vec!["Gangs", "500"],
            vec!["Cyber Crime", "450"],
            vec!["Violent crime", "100"],
        ],
    );
    let j = s.json();
    assert_eq!(
        rec(&j, "Domestic Abuse"),
        "retain",
        "current priority with local support (3 of 5)"
    );
    assert_eq!(
        rec(&j, "Serious and Organised Crime"),
        "retain",
        "current priority with a High MoRiLE band only"
    );
    assert_eq!(rec(&j, "Road Safety"), "review", "current priority without either");
    assert_eq!(
        rec(&j, "Substance Misuse"),
        "review",
        "current priority with no score at all"
    );
    assert!(
        row(&j, "ranking", "Substance Misuse")["reason"]
            .as_str()
            .unwrap()
            .contains("no score at all")
    );
    assert_eq!(
        rec(&j, "Mental Health"),
        "theme",
        "supported, named more as a cross-cutting theme"
    );
    assert_eq!(
        rec(&j, "Extremism and Hate"),
        "add",
        "supported, more as a main priority"
    );
    assert_eq!(
        rec(&j, "Reducing Offending and Reoffending"),
        "theme",
        "supported and linked to a current theme"
    );
    assert_eq!(
        rec(&j, "Community Confidence"),
        "theme",
        "no support, but a current theme's issue"
    );
    assert_eq!(
        rec(&j, "Safeguarding and Vulnerability"),
        "watch",
        "no support, High MoRiLE band"
    );
    assert_eq!(rec(&j, "Crime"), "none");
    let o = &j["comparison"];
    assert_eq!(
        o["retained"],
        json!(["DA", "Roads", "SOC", "Drugs"]),
        "a review with no decision stays, awaiting one"
    );
    assert_eq!(o["added"], json!(["Extremism and Hate"]));
    assert_eq!(j["proposed"]["awaiting_decision"], json!(["Roads", "Drugs"]));
    assert_eq!(
        j["proposed"]["themes"],
        json!(["Offending theme", "Confidence theme", "Unlinked theme", "Mental Health"])
    );
    assert_eq!(o["themes_added"], json!(["Mental Health"]));
}

#[test]
fn decisions_override_and_name_the_proposed_set() {
    let toml = r#"
[current]
priorities = [{ name = "Roads", issue = "Road Safety" }]
themes = [{ name = "Confidence theme", issue = "Community Confidence" }]
[[decision]]
issue = "Road Safety"
action = "none"
reason = "Led elsewhere"
[[decision]]
issue = "Domestic Abuse"
action = "add"
name = "Tackling Domestic Abuse"
reason = "Rising"
[[decision]]
issue = "Community Confidence"
action = "none"
reason = "Folded into others"
"#;
    let s = Small::new(&["A"], toml);
    submission(
        &s.sub("a.xlsx"),
        "A",
        &[
            ("DA", "Main priority"),
            ("Road Safety", "Main priority"),
            ("Cohesion", "Main priority"),
        ],
    );
    let j = s.json();
    let rs = row(&j, "ranking", "Road Safety");
    assert_eq!(
        rs["recommendation"], "retain",
        "the tool's own recommendation stays in the JSON"
    );
    assert_eq!(
        rs["decision"],
        json!({ "action": "none", "name": null, "reason": "Led elsewhere" })
    );
    assert_eq!(j["proposed"]["priorities"], json!(["Tackling Domestic Abuse"]));
    assert_eq!(j["comparison"]["removed"], json!(["Roads"]));
    assert_eq!(j["comparison"]["themes_removed"], json!(["Confidence theme"]));
}

#[test]
fn the_horizon_score_sums_impacts_of_related_items() {
    let s = one_csp();
    horizon(
        &s.path().join("horizon.xlsx"),
        &[
            vec!["Social / Demographic", "Rising abuse", "Domestic Abuse; DA", "High"],
            vec!["Legal", "New duty", "domestic abuse; Road Safety", ""],
            vec![
                "Environmental (and Geographical)",
                "Flooding",
                "Community resilience",
                "Medium",
            ],
        ],
    );
    let j = s.json();
    assert_eq!(j["horizon"][0]["category"], "Social / Demographic");
    assert_eq!(
        j["horizon"][1]["category"], "Environmental (and Geographical)",
        "PESTELO order"
    );
    assert_eq!(j["horizon"][2]["category"], "Legislation");
    // Domestic Abuse: 3 (named twice in one item, counted once) + 1 (blank impact is Low) = 4, the highest.
    assert_eq!(row(&j, "ranking", "Domestic Abuse")["horizon"], 1.0);
    assert_eq!(row(&j, "ranking", "Community Confidence")["horizon"], 0.5);
    assert_eq!(row(&j, "ranking", "Road Safety")["horizon"], 0.25);
}

#[test]
fn bad_morile_and_horizon_cells_are_errors_with_their_cells() {
    let s = one_csp();
    let mut bad = vec![
        "Gangs", "", "Critical", "Critical", "Enormous", "None", "Local", "Rare", "None", "Partial", "Partial",
        "Medium",
    ];
    morile(&s.path().join("morile.xlsx"), &FACTORS, &[bad.clone()]);
    let e = s.fails();
    assert!(
        e.contains("morile.xlsx, sheet 'MoRiLE', cell E2") && e.contains("Enormous"),
        "{e}"
    );
    bad[4] = "55";
    morile(&s.path().join("morile.xlsx"), &FACTORS, &[bad]);
    let e = s.fails();
    assert!(e.contains("cell E2") && e.contains("outside the range"), "{e}");
    morile(
        &s.path().join("morile.xlsx"),
        &["Item", "Physical"],
        &[vec!["Gangs", "None"]],
    );
    let e = s.fails();
    assert!(e.contains("\"Psychological\""), "missing factor columns are named: {e}");
    morile(
        &s.path().join("morile.xlsx"),
        &["Item", "Score"],
        &[vec!["Gangs", "lots"]],
    );
    assert!(s.fails().contains("cell B2"));
    std::fs::remove_file(s.path().join("morile.xlsx")).unwrap();
    horizon(&s.path().join("horizon.xlsx"), &[vec!["Weather", "Storms", "", "High"]]);
    let e = s.fails();
    assert!(
        e.contains("horizon.xlsx, sheet 'PESTELO', cell A2") && e.contains("Weather"),
        "{e}"
    );
    horizon(
        &s.path().join("horizon.xlsx"),
        &[vec!["Political", "Elections", "", "Huge"]],
    );
    assert!(s.fails().contains("cell D2"));
}

#[test]
fn weights_are_checked_and_normalised() {
    let s = Small::new(&["A"], "[weights]\nlocal = 1\nmorile = 1\nhorizon = 0\n");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    let j = s.json();
    assert_eq!(row(&j, "ranking", "Domestic Abuse")["combined"], 0.5);
    assert!(
        j["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["message"].as_str().unwrap().contains("scaled"))
    );
    let s = Small::new(&["A"], "[weights]\nlocal = 0\nmorile = 0\nhorizon = 0\n");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    assert!(s.fails().contains("at least one weight"));
}

#[test]
fn a_review_folder_may_bring_its_own_taxonomy() {
    let s = Small::new(&["A"], "");
    std::fs::write(
        s.path().join("taxonomy.toml"),
        "[[issue]]\nname = \"Violence\"\nlabel = \"Serious Violence\"\naliases = [\"Knife crime\"]\n[[issue]]\nname = \"Domestic Abuse\"\nlabel = \"Domestic Abuse\"\n",
    )
    .unwrap();
    submission(
        &s.sub("a.xlsx"),
        "A",
        &[("knife crime", "Main priority"), ("DA", "Main priority")],
    );
    let j = s.json();
    assert_eq!(row(&j, "appendix_a", "Violence")["label"], "Serious Violence");
    assert_eq!(
        j["other_focus_areas"][0]["name"], "DA",
        "DA is not an alias in this taxonomy"
    );
}

#[test]
fn confidence_is_reported_beside_the_score_and_a_discount_is_only_applied_when_set() {
    let rows = [vec!["Gangs", "400", "Low"], vec!["Scams", "300", "High"]];
    let s = one_csp();
    morile(&s.path().join("morile.xlsx"), &["Item", "Score", "Confidence"], &rows);
    let j = s.json();
    assert_eq!(
        scores(&j)[0],
        ("Gangs".into(), 400.0, Some("High".into())),
        "off by default"
    );
    assert_eq!(j["morile"][0]["confidence"], "Low");
    assert!(
        j["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["message"].as_str().unwrap().contains("intelligence gap"))
    );

    let s = Small::new(&["A"], "[morile_scheme]\nconfidence_discount = { Low = 0.5 }\n");
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    morile(&s.path().join("morile.xlsx"), &["Item", "Score", "Confidence"], &rows);
    let got = scores(&s.json());
    assert_eq!(got[0], ("Scams".into(), 300.0, Some("Medium".into())));
    assert_eq!(got[1], ("Gangs".into(), 200.0, Some("Medium".into())));
}

#[test]
fn a_decision_to_add_an_issue_no_one_named_still_adds_it() {
    let toml = "[[decision]]\nissue = \"Road Safety\"\naction = \"add\"\nreason = \"New county duty\"\n";
    let s = Small::new(&["A"], toml);
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    let j = s.json();
    let rs = row(&j, "ranking", "Road Safety");
    assert_eq!(rs["recommendation"], "none");
    assert_eq!(rs["decision"]["action"], "add");
    assert!(
        j["proposed"]["priorities"]
            .as_array()
            .unwrap()
            .contains(&json!("Road Safety"))
    );
}

#[test]
fn a_current_priority_in_the_top_band_is_retained_whatever_the_band_is_called() {
    // SPEC §5.1: "High" means the scheme's top band. Same thresholds as the default, renamed.
    let extra = r#"
[current]
priorities = [{ name = "Gangs", issue = "Serious and Organised Crime" }]

[morile_scheme]
bands = [{ name = "Red", min = 400 }, { name = "Amber", min = 150 }, { name = "Green" }]
"#;
    let s = Small::new(&["A", "B", "C"], extra);
    // One CSP of three (33%, below the 60% support threshold) names something else.
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    morile(
        &s.path().join("morile.xlsx"),
        &["Item", "Issue", "Score"],
        &[
            vec!["County lines", "Serious and Organised Crime", "450"],
            vec!["Prevent", "Extremism and Hate", "420"],
            vec!["Speeding", "Road Safety", "160"],
        ],
    );
    let j = s.json();
    let gangs = row(&j, "ranking", "Serious and Organised Crime");
    assert_eq!(gangs["recommendation"], "retain", "{gangs}");
    assert!(
        gangs["reason"].as_str().unwrap().contains("MoRiLE rank 1, Red"),
        "the reason quotes the band by its own name: {gangs}"
    );
    // Not current, no support, in the top band: watch. In the second band: none.
    assert_eq!(rec(&j, "Extremism and Hate"), "watch");
    assert_eq!(rec(&j, "Road Safety"), "none");
}
