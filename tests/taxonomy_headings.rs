//! The real headings of Kent's district partnerships (tests/fixtures/kent-district-headings.txt, from the
//! material file) read through `standard-2025`: each is counted, or gets a warning that helps (SPEC §3.3).

mod common;
use common::{Small, row, submission};
use csa_review::taxonomy::names::names_line;
use csa_review::taxonomy::{Lookup, Taxonomy};

fn headings() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kent-district-headings.txt"
    ))
    .unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (who, heading) = l.split_once(" | ").unwrap();
            (who.to_string(), heading.to_string())
        })
        .collect()
}

/// What the tool says about one heading: the issue it counts as, or its warning.
fn verdict(t: &Taxonomy, heading: &str) -> String {
    match t.lookup(heading) {
        Lookup::Issue(i) => format!("counted: {}", t.name(i)),
        Lookup::Mapped { issues, .. } => format!(
            "counted through [names]: {}",
            issues.iter().map(|&i| t.name(i)).collect::<Vec<_>>().join(", ")
        ),
        Lookup::Unknown => format!("warning: {}", t.advise(heading).message(t, heading)),
    }
}

#[test]
fn every_heading_of_the_material_is_counted_or_gets_a_helpful_warning() {
    let t = Taxonomy::builtin("standard-2025").unwrap();
    let mut table = String::new();
    for (who, heading) in headings() {
        let v = verdict(&t, &heading);
        table.push_str(&format!("{who} | {heading} | {v}\n"));
        // A warning always says how to record the decision.
        if v.starts_with("warning") {
            assert!(v.contains("add under [names] in review.toml"), "{v}");
        }
    }
    if let Ok(out) = std::env::var("HEADINGS_TABLE") {
        std::fs::write(out, &table).unwrap();
    }
}

/// Some headings and what the tool must say of them (SPEC §3.3 and issue 16's examples).
#[test]
fn the_headings_that_span_several_issues_list_them_all() {
    let t = Taxonomy::standard();
    let says = |heading: &str| verdict(&t, heading);
    let cases = [
        (
            "Exploitation – to include gangs, modern slavery and human trafficking, child sexual exploitation, cuckooing and Prevent.",
            "= [\"Serious and Organised Crime\", \"Safeguarding and Vulnerability\", \"Extremism and Hate\"]",
        ),
        (
            "Serious Violence and Organised Crime",
            "= [\"Serious Violence\", \"Serious and Organised Crime\"]",
        ),
        (
            "Preventing Neighbourhood Crime and ASB",
            "= [\"Anti-Social Behaviour\", \"Neighbourhood and Acquisitive Crime\"]",
        ),
        (
            "Safeguarding people at risk of harm – to include domestic abuse, violence against women and girls, stalking, serious violence and fraud and scams",
            "= [\"Domestic Abuse\", \"Violence Against Women and Girls\", \"Serious Violence\", \"Safeguarding and Vulnerability\", \"Fraud and Scams\"]",
        ),
        ("Doorstep Crime incl Scams and Cyber Crime", "= \"Fraud and Scams\""),
        ("Gangs/Organised Crime Groups", "= \"Serious and Organised Crime\""),
        (
            "Tackling Hate Crime, Guarding Against Extremism and Strengthening Community Cohesion",
            "= [\"Extremism and Hate\", \"Community Confidence\"]",
        ),
    ];
    for (heading, line) in cases {
        let v = says(heading);
        assert!(v.starts_with("warning") && v.contains(line), "{heading}: {v}");
    }
    for (heading, issue) in [
        ("Violence Against Women and Girls", "Violence Against Women and Girls"),
        (
            "Preventing Offending and Reducing Re-offending",
            "Reducing Offending and Reoffending",
        ),
        ("Improving Public Confidence and Trust", "Community Confidence"),
        ("theft (including shoplifting)", "Neighbourhood and Acquisitive Crime"),
        ("Community reassurance.", "Community Confidence"),
        ("Violent Crime", "Serious Violence"),
    ] {
        assert_eq!(says(heading), format!("counted: {issue}"));
    }
    for nothing in ["young people", "prevention", "Supporting young people"] {
        assert!(says(nothing).contains("No issue's name is close"), "{nothing}");
    }
}

/// The analyst reads every warning and records a decision under [names]: the material's headings then
/// count without a warning, each mapping is listed, and a heading spanning three issues counts for each.
#[test]
fn the_material_through_standard_2025_with_the_analysts_names() {
    let t = Taxonomy::standard();
    let all = headings();
    let mut who: Vec<String> = all.iter().map(|h| h.0.clone()).collect();
    who.dedup();
    let mut names = String::from("[names]\n");
    let mut seen = std::collections::HashSet::new();
    for (_, heading) in &all {
        if t.find(heading).is_some() || !seen.insert(csa_review::taxonomy::key(heading)) {
            continue;
        }
        let issues: Vec<String> = t
            .advise(heading)
            .issues()
            .iter()
            .map(|&i| t.name(i).to_string())
            .collect();
        let decided: Vec<&str> = match heading.as_str() {
            // The analyst's own reading where the tool has nothing close to offer.
            "Keeping children and young people safe" | "Supporting young people" => {
                vec!["Safeguarding and Vulnerability"]
            }
            "Public and Agency Engagement" => vec!["Community Confidence"],
            _ => issues.iter().map(String::as_str).collect(),
        };
        names.push_str(&names_line(heading, &decided));
        names.push('\n');
    }
    let refs: Vec<&str> = who.iter().map(String::as_str).collect();
    let s = Small::new(&refs, &names);
    for (i, p) in who.iter().enumerate() {
        let rows: Vec<(&str, &str)> = all
            .iter()
            .filter(|h| &h.0 == p)
            .map(|h| (h.1.as_str(), "Main priority"))
            .collect();
        submission(&s.sub(&format!("{i:02}.xlsx")), p, &rows);
    }
    let j = s.json();
    let warnings = j["warnings"].to_string();
    assert!(!warnings.contains("matches no issue"), "{warnings}");
    let used = j["names_used"].as_array().unwrap();
    assert!(used.len() >= 30, "{}", used.len());
    // "young people" and "prevention" were decided as none: other focus areas without a warning.
    let others: Vec<&str> = j["other_focus_areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(others, ["prevention", "young people"]);
    // Tonbridge and Malling 2025-26's exploitation heading counts for each of its three issues.
    for issue in [
        "Serious and Organised Crime",
        "Safeguarding and Vulnerability",
        "Extremism and Hate",
    ] {
        let partnerships = row(&j, "appendix_a", issue)["partnerships"].to_string();
        assert!(
            partnerships.contains("Tonbridge and Malling 2025-26"),
            "{issue}: {partnerships}"
        );
    }
}
