//! The bundled Kent 2018-19 review reproduces the published 2018 outcome (SPEC §9; domain brief §10):
//! the Appendix A table of the draft CSA (April 2018), the order of its MoRiLE list, and the priorities and
//! themes agreed for 2018/19.

mod common;
use common::*;
use csa_review::config::Action;

fn assessment() -> csa_review::Assessment {
    csa_review::review_folder(&sample()).expect("the bundled review runs")
}

#[test]
fn appendix_a_equals_the_published_table_row_for_row() {
    let a = assessment();
    let tax = &a.review.taxonomy;
    let got: Vec<(&str, usize)> = a
        .appendix_a
        .rows
        .iter()
        .map(|r| (tax.issues[r.issue].label.as_str(), r.csp_count))
        .collect();
    let published = vec![
        ("Domestic Abuse", 10),
        (
            "Safeguarding and Vulnerability (including child sexual exploitation, vulnerable people, victims)",
            10,
        ),
        ("ASB/Environmental", 10),
        (
            "Serious and Organised Crime (including gangs, organised crime groups, modern slavery)",
            8,
        ),
        ("Substance Misuse", 8),
        ("Mental Health", 7),
        (
            "Extremism & Hate (including preventing violent extremism, counter-terrorism & hate crimes)",
            7,
        ),
        ("Reducing Offending and Reoffending", 7),
        ("Crime (inc. acquisitive, property & rural crime)", 4),
        (
            "Community Confidence (quality of life, cohesion, resilience, reassurance)",
            4,
        ),
        ("Road Safety", 3),
    ];
    assert_eq!(got, published);
    assert_eq!(a.appendix_a.total(), 78);
    assert_eq!(a.appendix_a.expected, 11);
    assert_eq!(a.appendix_a.received.len(), 11);
    assert!(a.appendix_a.missing.is_empty());
    for r in &a.appendix_a.rows {
        assert_eq!(
            r.main_priority + r.cross_cutting_theme + r.part_of_broader_theme,
            r.csp_count
        );
        assert_eq!(r.partnerships.len(), r.csp_count);
    }
}

#[test]
fn the_top_issues_are_the_eight_with_seven_or_more() {
    let a = assessment();
    let top: Vec<&str> = a
        .appendix_a
        .rows
        .iter()
        .filter(|r| r.csp_count >= 7)
        .map(|r| a.review.taxonomy.name(r.issue))
        .collect();
    assert_eq!(
        top,
        [
            "Domestic Abuse",
            "Safeguarding and Vulnerability",
            "Anti-Social Behaviour",
            "Serious and Organised Crime",
            "Substance Misuse",
            "Mental Health",
            "Extremism and Hate",
            "Reducing Offending and Reoffending"
        ]
    );
}

#[test]
fn the_other_focus_areas_are_the_published_five() {
    let a = assessment();
    let mut got: Vec<String> = a
        .appendix_a
        .other_focus_areas
        .iter()
        .map(|o| csa_review::taxonomy::key(&o.name))
        .collect();
    got.sort();
    let mut published: Vec<String> = [
        "health & wellbeing",
        "troubled families",
        "young people's services",
        "preventing fires",
        "communication and information sharing",
    ]
    .iter()
    .map(|n| csa_review::taxonomy::key(n))
    .collect();
    published.sort();
    assert_eq!(got, published);
    // Two CSPs wrote "Health & wellbeing" and "Health and wellbeing": one area, two partnerships.
    let health = a
        .appendix_a
        .other_focus_areas
        .iter()
        .find(|o| o.name.starts_with("Health"))
        .unwrap();
    assert_eq!(health.partnerships, ["Canterbury", "Thanet"]);
}

#[test]
fn appendix_b_follows_the_published_morile_order_with_the_tie() {
    let a = assessment();
    let m = a.morile.as_ref().unwrap();
    let order: Vec<&str> = m.items.iter().take(13).map(|i| i.item.as_str()).collect();
    assert_eq!(
        order,
        [
            "Modern Slavery",
            "PREVENT",
            "Child Sexual Exploitation (CSE)",
            "Domestic Abuse",
            "Gangs",
            "Organised Crime Groups (OCGs)",
            "Mental Health",
            "Violent Crime",
            "Anti-Social Behaviour",
            "Cyber Crime",
            "Criminal Damage",
            "Hate Crime",
            "Road Safety"
        ]
    );
    let ranks: Vec<(usize, bool)> = m.items.iter().take(14).map(|i| (i.rank, i.tied)).collect();
    let mut want: Vec<(usize, bool)> = (1..=11).map(|r| (r, false)).collect();
    want.extend([(12, true), (12, true), (14, false)]);
    assert_eq!(ranks, want, "Hate Crime and Road Safety share rank 12; the next is 14");
    assert!(m.items.len() >= 18, "about 20 items were assessed");
    assert!(m.items.iter().skip(13).any(|i| i.item == "Vehicle Crime"));
    assert!(m.items.iter().skip(13).all(|i| i.score < m.items[12].score));
}

#[test]
fn appendix_c_holds_the_38_published_items_in_seven_categories() {
    use csa_review::read::horizon::Category;
    let a = assessment();
    let counts: Vec<usize> = Category::ALL
        .iter()
        .map(|c| a.horizon.items.iter().filter(|h| h.row.category == *c).count())
        .collect();
    assert_eq!(counts, [2, 6, 12, 3, 2, 9, 4]);
}

#[test]
fn the_recommendations_are_the_published_ones() {
    let a = assessment();
    let rec = |name: &str| {
        let id = a.review.taxonomy.by_name(name).unwrap();
        a.ranking.iter().find(|r| r.issue == id).unwrap().recommendation
    };
    for retained in [
        "Domestic Abuse",
        "Safeguarding and Vulnerability",
        "Anti-Social Behaviour",
        "Serious and Organised Crime",
        "Substance Misuse",
    ] {
        assert_eq!(rec(retained), Action::Retain, "{retained}");
    }
    assert_eq!(rec("Road Safety"), Action::Review);
    assert_eq!(rec("Extremism and Hate"), Action::Add);
    assert_eq!(rec("Mental Health"), Action::Theme);
}

#[test]
fn with_the_decisions_the_proposed_set_is_the_published_2018_19_one() {
    let a = assessment();
    let o = &a.outcome;
    let mut priorities = o.priorities.clone();
    priorities.sort();
    assert_eq!(
        priorities,
        [
            "Anti-Social Behaviour",
            "Domestic Abuse",
            "Preventing Extremism and Hate",
            "Road Safety",
            "Safeguarding Vulnerable People",
            "Serious and Organised Crime",
            "Substance Misuse"
        ]
    );
    assert_eq!(
        o.themes,
        [
            "Early intervention, prevention & education",
            "Reduce re-offending and support victims",
            "Improve quality of life and enhance community resilience",
            "Support mental health wellbeing"
        ]
    );
    assert_eq!((o.retained.len(), o.added.len(), o.removed.len()), (6, 1, 0));
    assert_eq!(o.added, ["Preventing Extremism and Hate"]);
    assert_eq!(o.themes_added, ["Support mental health wellbeing"]);
    assert!(o.themes_removed.is_empty());
    assert!(
        o.awaiting_decision.is_empty(),
        "Road Safety's review is settled by the recorded decision"
    );
}

#[test]
fn without_the_decisions_road_safety_awaits_one_and_mental_health_is_still_a_theme() {
    let dir = sample_copy();
    let toml = std::fs::read_to_string(dir.path().join("review.toml")).unwrap();
    let cut = toml.find("[[decision]]").unwrap();
    let leads = toml.find("[leads]").unwrap();
    std::fs::write(
        dir.path().join("review.toml"),
        format!("{}{}", &toml[..cut], &toml[leads..]),
    )
    .unwrap();
    let a = csa_review::review_folder(dir.path()).unwrap();
    assert_eq!(a.outcome.awaiting_decision, ["Road Safety"]);
    assert!(a.outcome.priorities.contains(&"Extremism and Hate".to_string()));
    assert!(a.outcome.themes.contains(&"Mental Health".to_string()));
}

#[test]
fn the_json_carries_the_published_figures() {
    let out = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is exactly the JSON");
    assert_eq!(j["schema_version"], 1);
    assert_eq!(j["area"], "Kent");
    assert_eq!(j["year"], "2018-19");
    assert_eq!(j["partnerships"]["expected"], 11);
    assert_eq!(j["partnerships"]["received"], 11);
    let counts: Vec<u64> = j["appendix_a"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["csp_count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [10, 10, 10, 8, 8, 7, 7, 7, 4, 4, 3]);
    assert_eq!(j["morile"][0]["item"], "Modern Slavery");
    assert_eq!(j["morile"][11]["score"], 183.33);
    assert_eq!(j["morile"][12]["rank"], 12);
    let rs = row(&j, "ranking", "Road Safety");
    assert_eq!(rs["recommendation"], "review");
    assert_eq!(rs["decision"]["action"], "retain");
    assert_eq!(rs["current"], "priority");
    assert!(rs["reason"].as_str().unwrap().contains("3 of 11 CSPs"));
    assert!(rs["reason"].as_str().unwrap().contains("MoRiLE rank 12="));
    assert_eq!(
        j["comparison"]["added"],
        serde_json::json!(["Preventing Extremism and Hate"])
    );
    for key in ["other_focus_areas", "proposed", "warnings"] {
        assert!(j.get(key).is_some(), "{key}");
    }
}
