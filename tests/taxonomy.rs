//! The built-in taxonomies, the analyst's `[names]`, and the help given for names that match nothing
//! (SPEC §2, §3).

mod common;
use common::{Small, bin, row, submission};
use csa_review::taxonomy::advice::Advice;
use csa_review::taxonomy::{Taxonomy, names::names_line};

fn rolls_up(t: &Taxonomy, spec: &[(&str, &[&str])]) {
    for (issue, names) in spec {
        let id = t
            .by_name(issue)
            .unwrap_or_else(|| panic!("{issue} is not an issue of {}", t.source));
        assert_eq!(t.name(id), *issue);
        for name in *names {
            assert_eq!(t.find(name).map(|i| t.name(i)), Some(*issue), "{name} in {}", t.source);
        }
    }
}

const ASB_SPELLINGS: [&str; 6] = [
    "Anti-social behaviour",
    "antisocial behaviour",
    "anti social behavior",
    "Anti-Social Behavior",
    "ASB/Environmental",
    "Environmental ASB",
];

/// The other names of SPEC §3.1 are checked in tests/reading.rs (`every_name_listed_in_the_spec_rolls_up`);
/// here, every spelling of anti-social behaviour, which both taxonomies must accept.
#[test]
fn every_spelling_of_anti_social_behaviour_rolls_up_in_both_taxonomies() {
    for name in ["kent-2018-19", "standard-2025"] {
        rolls_up(
            &Taxonomy::builtin(name).unwrap(),
            &[("Anti-Social Behaviour", &ASB_SPELLINGS)],
        );
    }
}

#[test]
fn standard_2025_has_the_fourteen_issues_of_spec_3_2_in_order_with_their_labels() {
    let t = Taxonomy::builtin("standard-2025").unwrap();
    let want = [
        ("Domestic Abuse", "Domestic Abuse"),
        (
            "Violence Against Women and Girls",
            "Violence Against Women and Girls (including sexual violence, stalking and harassment)",
        ),
        (
            "Serious Violence",
            "Serious Violence (including knife crime and violence reduction)",
        ),
        (
            "Serious and Organised Crime",
            "Serious and Organised Crime (including county lines, gangs, modern slavery)",
        ),
        (
            "Safeguarding and Vulnerability",
            "Safeguarding and Vulnerability (including exploitation of children, vulnerable adults, victims)",
        ),
        (
            "Anti-Social Behaviour",
            "Anti-Social Behaviour (including environmental crime and nuisance)",
        ),
        (
            "Neighbourhood and Acquisitive Crime",
            "Neighbourhood and Acquisitive Crime (burglary, robbery, theft, vehicle and rural crime)",
        ),
        (
            "Fraud and Scams",
            "Fraud and Scams (including cyber-enabled fraud and doorstep crime)",
        ),
        ("Substance Misuse", "Substance Misuse"),
        ("Mental Health", "Mental Health"),
        (
            "Extremism and Hate",
            "Extremism and Hate (including Prevent and hate crime)",
        ),
        (
            "Reducing Offending and Reoffending",
            "Reducing Offending and Reoffending",
        ),
        (
            "Community Confidence",
            "Community Confidence (public confidence, cohesion, resilience, reassurance)",
        ),
        ("Road Safety", "Road Safety"),
    ];
    let got: Vec<(&str, &str)> = t.issues.iter().map(|i| (i.name.as_str(), i.label.as_str())).collect();
    assert_eq!(got, want);
}

#[test]
fn every_name_spec_3_2_lists_rolls_up_in_standard_2025() {
    let t = Taxonomy::builtin("standard-2025").unwrap();
    rolls_up(
        &t,
        &[
            (
                "Domestic Abuse",
                &[
                    "DA",
                    "domestic violence",
                    "domestic abuse and stalking",
                    "coercive control",
                    "domestic homicide reviews",
                ],
            ),
            (
                "Violence Against Women and Girls",
                &[
                    "VAWG",
                    "violence against women",
                    "sexual violence",
                    "sexual offences",
                    "rape",
                    "stalking",
                    "harassment",
                    "spiking",
                ],
            ),
            (
                "Serious Violence",
                &[
                    "violence",
                    "violent crime",
                    "knife crime",
                    "knife and weapon crime",
                    "weapons",
                    "youth violence",
                    "serious youth violence",
                    "violence reduction",
                    "serious violence duty",
                    "public place violence",
                ],
            ),
            (
                "Serious and Organised Crime",
                &[
                    "SOC",
                    "serious & organised crime",
                    "organised crime groups",
                    "OCGs",
                    "gangs",
                    "county lines",
                    "cuckooing",
                    "modern slavery",
                    "human trafficking",
                    "drug supply",
                ],
            ),
            (
                "Safeguarding and Vulnerability",
                &[
                    "safeguarding",
                    "safeguarding vulnerable people",
                    "vulnerability",
                    "vulnerable people",
                    "vulnerable adults",
                    "victims",
                    "child sexual exploitation",
                    "CSE",
                    "child criminal exploitation",
                    "CCE",
                    "child exploitation",
                    "missing children",
                    "online safety",
                    "social isolation",
                ],
            ),
            (
                "Anti-Social Behaviour",
                &[
                    "ASB",
                    "environmental crime",
                    "environmental ASB",
                    "fly-tipping",
                    "nuisance",
                    "youth-related ASB",
                ],
            ),
            ("Anti-Social Behaviour", &ASB_SPELLINGS),
            (
                "Neighbourhood and Acquisitive Crime",
                &[
                    "neighbourhood crime",
                    "acquisitive crime",
                    "property crime",
                    "burglary",
                    "robbery",
                    "theft",
                    "shoplifting",
                    "retail crime",
                    "business crime",
                    "vehicle crime",
                    "rural crime",
                    "criminal damage",
                ],
            ),
            (
                "Fraud and Scams",
                &[
                    "fraud",
                    "scams",
                    "doorstep crime",
                    "cyber crime",
                    "cybercrime",
                    "cyber-enabled fraud",
                ],
            ),
            (
                "Substance Misuse",
                &[
                    "Drugs",
                    "Alcohol",
                    "Drugs and Alcohol",
                    "Drug and alcohol misuse",
                    "Psychoactive substances",
                ],
            ),
            (
                "Mental Health",
                &[
                    "Mental health and wellbeing",
                    "Mental wellbeing",
                    "Dementia",
                    "suicide prevention",
                ],
            ),
            (
                "Extremism and Hate",
                &[
                    "Extremism & Hate",
                    "Preventing Extremism and Hate",
                    "PREVENT",
                    "Preventing Violent Extremism",
                    "PVE",
                    "Counter-terrorism",
                    "Radicalisation",
                    "Hate Crime",
                    "Hate crimes",
                    "Prevent",
                    "counter terrorism",
                    "hate incidents",
                ],
            ),
            (
                "Reducing Offending and Reoffending",
                &[
                    "Reducing reoffending",
                    "Reoffending",
                    "Re-offending",
                    "Offender management",
                    "IOM",
                ],
            ),
            (
                "Community Confidence",
                &[
                    "Quality of life",
                    "Community cohesion",
                    "Cohesion",
                    "Community resilience",
                    "Reassurance",
                    "Public confidence",
                    "public confidence and trust",
                ],
            ),
            (
                "Road Safety",
                &[
                    "Road casualties",
                    "Casualty reduction",
                    "Killed or seriously injured (KSI)",
                    "road danger",
                    "speeding",
                    "anti-social driving",
                ],
            ),
        ],
    );
}

fn issues_of(t: &Taxonomy, advice: &Advice) -> Vec<String> {
    advice.issues().iter().map(|&i| t.name(i).to_string()).collect()
}

#[test]
fn a_heading_naming_known_names_lists_every_issue_they_belong_to() {
    let t = Taxonomy::standard();
    let exploitation = "Exploitation - to include gangs, modern slavery, child sexual exploitation and Prevent";
    let a = t.advise(exploitation);
    assert!(matches!(a, Advice::Contains(_)), "{a:?}");
    assert_eq!(
        issues_of(&t, &a),
        [
            "Serious and Organised Crime",
            "Safeguarding and Vulnerability",
            "Extremism and Hate"
        ]
    );
    let message = a.message(&t, exploitation);
    assert!(
        message.contains(&names_line(
            exploitation,
            &[
                "Serious and Organised Crime",
                "Safeguarding and Vulnerability",
                "Extremism and Hate"
            ]
        )),
        "{message}"
    );
    assert_eq!(
        issues_of(&t, &t.advise("Serious Violence and Organised Crime")),
        ["Serious Violence", "Serious and Organised Crime"]
    );
}

#[test]
fn suggestions_only_when_genuinely_close() {
    for name in ["standard-2025", "kent-2018-19"] {
        let t = Taxonomy::builtin(name).unwrap();
        // A shared significant word.
        let a = t.advise("Exploitation");
        assert_eq!(issues_of(&t, &a), ["Safeguarding and Vulnerability"], "{name}: {a:?}");
        // A misspelling.
        let a = t.advise("Domestik abuse");
        assert_eq!(issues_of(&t, &a), ["Domestic Abuse"], "{name}: {a:?}");
        assert!(
            a.message(&t, "Domestik abuse")
                .contains("Did you mean \"Domestic Abuse\"?")
        );
        // Generic words and nothing close give nothing.
        for nothing in [
            "Fire safety",
            "Youth provision",
            "Troubled families",
            "Preventing fires",
            "Young people's services",
        ] {
            let a = t.advise(nothing);
            assert_eq!(a, Advice::Nothing, "{name}: {nothing} gave {a:?}");
            let m = a.message(&t, nothing);
            assert!(
                m.contains(&format!("\"{nothing}\" = []")) && m.contains("add under [names] in review.toml"),
                "{m}"
            );
        }
    }
    // "Violence against women and girls" is never "Violent crime" (kent-2018-19 has no VAWG row).
    let kent = Taxonomy::builtin("kent-2018-19").unwrap();
    let a = kent.advise("Violence against women and girls");
    assert!(!issues_of(&kent, &a).contains(&"Crime".to_string()), "{a:?}");
    assert!(
        !a.message(&kent, "Violence against women and girls")
            .contains("Violent crime")
    );
    // Nor "Exploitation" "Shoplifting", nor "Fire safety" "Online safety".
    let t = Taxonomy::standard();
    assert!(
        !t.advise("Exploitation")
            .message(&t, "Exploitation")
            .contains("Shoplifting")
    );
    assert!(
        !t.advise("Fire safety")
            .message(&t, "Fire safety")
            .contains("Online safety")
    );
}

fn names_review(extra: &str) -> Small {
    let s = Small::new(&["North", "South", "East"], extra);
    submission(
        &s.sub("north.xlsx"),
        "North",
        &[
            ("Exploitation", "Cross-cutting theme"),
            ("Gangs", "Main priority"),
            ("Youth provision", "Main priority"),
        ],
    );
    submission(
        &s.sub("south.xlsx"),
        "South",
        &[("exploitation.", "Main priority"), ("Knife crime", "Main priority")],
    );
    submission(&s.sub("east.xlsx"), "East", &[("Domestic abuse", "Main priority")]);
    s
}

const NAMES: &str = "[names]\n\"Exploitation\" = [\"Serious and Organised Crime\", \"Safeguarding and Vulnerability\"]\n\"Knife crime\" = \"Serious Violence\"\n\"Youth provision\" = []\n\"Never used\" = \"Road Safety\"\n";

#[test]
fn a_name_mapped_to_two_issues_counts_once_for_each_with_the_rows_identification() {
    let s = names_review(NAMES);
    let j = s.json();
    assert_eq!(j["taxonomy"], "standard-2025");
    // North: SOC as a main priority (Gangs is stronger than its cross-cutting Exploitation); South: main.
    let soc = row(&j, "appendix_a", "Serious and Organised Crime");
    assert_eq!(
        (soc["csp_count"].as_u64(), soc["main_priority"].as_u64()),
        (Some(2), Some(2))
    );
    let sg = row(&j, "appendix_a", "Safeguarding and Vulnerability");
    assert_eq!(sg["csp_count"], 2);
    assert_eq!(
        (sg["main_priority"].as_u64(), sg["cross_cutting_theme"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        row(&j, "appendix_a", "Serious Violence")["partnerships"],
        serde_json::json!(["South"])
    );
    // [] is an other focus area, listed without a warning.
    assert_eq!(j["other_focus_areas"][0]["name"], "Youth provision");
    let warnings = j["warnings"].to_string();
    assert!(!warnings.contains("Youth provision"), "{warnings}");
    // Every mapping used is listed, in review.toml order; one never used is not.
    assert_eq!(
        j["names_used"],
        serde_json::json!([
            { "name": "Exploitation", "issues": ["Serious and Organised Crime", "Safeguarding and Vulnerability"],
              "partnerships": ["North", "South"] },
            { "name": "Knife crime", "issues": ["Serious Violence"], "partnerships": ["South"] },
            { "name": "Youth provision", "issues": [], "partnerships": ["North"] },
        ])
    );
}

#[test]
fn without_names_the_same_returns_get_warnings_that_say_what_to_add() {
    let j = names_review("").json();
    let warnings: Vec<String> = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap().to_string())
        .collect();
    let about = |name: &str| {
        warnings
            .iter()
            .find(|w| w.starts_with(&format!("\"{name}\"")))
            .unwrap()
            .clone()
    };
    assert!(
        about("Exploitation").contains("\"Safeguarding and Vulnerability\""),
        "{}",
        about("Exploitation")
    );
    assert!(about("Youth provision").contains("\"Youth provision\" = []"));
    assert_eq!(j["names_used"], serde_json::json!([]));
    // Knife crime is a name of standard-2025 itself.
    assert_eq!(row(&j, "appendix_a", "Serious Violence")["csp_count"], 1);
}

#[test]
fn a_mapping_to_an_unknown_issue_is_an_error_with_its_line() {
    let s = names_review(
        "[names]\n\"Knife crime\" = \"Serious Violence\"\n\"Exploitation\" = [\"Safeguarding\", \"Exploitation of adults\"]\n",
    );
    let e = s.fails();
    assert!(e.contains("review.toml, line 6"), "{e}");
    assert!(
        e.contains("\"Exploitation of adults\", which is not an issue of the taxonomy"),
        "{e}"
    );
    let s = names_review("[previous_names]\n\"Crime\" = \"Crimes\"\n");
    let e = s.fails();
    assert!(e.contains("review.toml, line 5") && e.contains("\"Crimes\""), "{e}");
}

#[test]
fn the_taxonomy_key_chooses_a_built_in_a_file_or_the_folders_own() {
    let s = names_review("taxonomy = \"kent-2018-19\"");
    let j = s.json();
    assert_eq!(j["taxonomy"], "kent-2018-19");
    // Knife crime is unknown in 2018's rows.
    assert!(j["other_focus_areas"].to_string().contains("Knife crime"));

    let s = names_review("");
    std::fs::write(
        s.path().join("taxonomy.toml"),
        "[[issue]]\nname = \"Abuse\"\nlabel = \"Abuse\"\naliases = [\"Domestic abuse\"]\n",
    )
    .unwrap();
    let j = s.json();
    assert_eq!(j["taxonomy"], "taxonomy.toml");
    assert_eq!(row(&j, "appendix_a", "Abuse")["csp_count"], 1);

    let s = names_review("taxonomy = \"standard-2024\"");
    let e = s.fails();
    assert!(
        e.contains("standard-2024") && e.contains("kent-2018-19, standard-2025"),
        "{e}"
    );
}

#[test]
fn the_bundled_reviews_name_kent_2018_19() {
    for folder in ["samples/kent-2018-19", "samples/kent-2017-18"] {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(folder)
                .join("review.toml"),
        )
        .unwrap();
        assert!(text.contains("\ntaxonomy = \"kent-2018-19\"\n"), "{folder}");
    }
    let out = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .arg(common::sample())
        .output()
        .unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["taxonomy"], "kent-2018-19");
}
