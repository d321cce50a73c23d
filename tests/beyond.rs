//! Sensitivity to the weights, `explain`, `status` and shell completions.

mod common;
use common::*;
use csa_review::assess::sensitivity;
use predicates::prelude::*;

#[test]
fn an_issue_far_ahead_is_stable_and_two_equal_issues_are_not() {
    let a = csa_review::review_folder(&sample()).unwrap();
    let sg = a.review.taxonomy.by_name("Safeguarding and Vulnerability").unwrap();
    let s = &a.sensitivity.iter().find(|x| x.0 == sg).unwrap().1;
    assert!(
        s.in_top_n && s.in_top_n_share == 1.0 && s.smallest_weight_change.is_none(),
        "{s:?}"
    );

    // Two issues with equal combined scores from different sources, on the edge of the top 1: Domestic
    // Abuse from the CSPs alone, Road Safety from MoRiLE alone. Any move of the weights decides between them.
    let toml = "[current]\npriorities = [{ name = \"DA\", issue = \"Domestic Abuse\" }]\n[weights]\nlocal = 0.5\nmorile = 0.5\nhorizon = 0\n";
    let s = Small::new(&["A", "B"], toml);
    submission(&s.sub("a.xlsx"), "A", &[("DA", "Main priority")]);
    submission(&s.sub("b.xlsx"), "B", &[("DA", "Main priority")]);
    morile(
        &s.path().join("morile.xlsx"),
        &["Item", "Score"],
        &[vec!["Road Safety", "100"]],
    );
    let j = s.json();
    let da = &row(&j, "ranking", "Domestic Abuse");
    let rs = &row(&j, "ranking", "Road Safety");
    assert_eq!(da["combined"], rs["combined"]);
    for (name, x) in [
        ("Domestic Abuse", &da["sensitivity"]),
        ("Road Safety", &rs["sensitivity"]),
    ] {
        assert_eq!(x["top_n"], 1);
        let share = x["in_top_n_share"].as_f64().unwrap();
        assert!(share > 0.2 && share < 0.8, "{name} is not stable: {x}");
        assert!(
            x["smallest_weight_change"].as_f64().unwrap() <= 0.02,
            "{name}: a tiny change moves it: {x}"
        );
    }
}

#[test]
fn the_same_inputs_give_the_same_sensitivity() {
    let a = csa_review::review_folder(&sample()).unwrap();
    let b = csa_review::review_folder(&sample()).unwrap();
    assert_eq!(a.sensitivity, b.sensitivity);
}

#[test]
fn the_reported_smallest_change_really_moves_the_issue() {
    let a = csa_review::review_folder(&sample()).unwrap();
    let n = a.outcome.priorities.len();
    let base = sensitivity::top_n(&a.ranking, &a.review.weights, n);
    let mut checked = 0;
    for (issue, s) in &a.sensitivity {
        let Some(w) = s.at_weights else { continue };
        let moved = sensitivity::top_n(&a.ranking, &w, n);
        assert_ne!(base.contains(issue), moved.contains(issue), "{issue}: {s:?}");
        // And the rank recomputed from scratch at those weights agrees.
        let again = csa_review::assess::ranking::rank_with(&a.review, &w, &a.appendix_a, a.morile.as_ref(), &a.horizon);
        assert_eq!(again.iter().take(n).any(|r| r.issue == *issue), moved.contains(issue));
        let d = s.smallest_weight_change.unwrap();
        assert!((w.local - a.review.weights.local).abs() <= d + 1e-9);
        checked += 1;
    }
    assert!(checked >= 3, "some issues can be moved by the weights");
}

#[test]
fn explain_an_issue_a_sub_issue_and_an_unknown_name() {
    bin()
        .args(["explain", "Road Safety"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Identified by 3 of 11 CSPs"))
        .stdout(predicate::str::contains("rank 12= Road Safety"))
        .stdout(predicate::str::contains(
            "rule: current priority without local support or a High MoRiLE band",
        ))
        .stdout(predicate::str::contains("Decision of the Working Group: retain"));
    bin()
        .args(["explain", "cse"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Safeguarding and Vulnerability"))
        .stdout(predicate::str::contains(
            "Canterbury: Main priority (as \"CSE\", \"Scams\")",
        ));
    bin()
        .args(["explain", "Road Safty"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean \"Road Safety\""));
}

#[test]
fn status_shows_received_missing_and_invalid_returns() {
    let dir = sample_copy();
    let out = bin().arg("status").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("11 received, 0 missing, 0 invalid of 11 expected"));

    std::fs::remove_file(dir.path().join("submissions/06-sevenoaks.xlsx")).unwrap();
    submission(&dir.path().join("submissions/04-dover.xlsx"), "Dover", &[("DA", "Top")]);
    let before = snapshot(dir.path());
    let out = bin().arg("status").arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "status exits 0 while returns are incomplete");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("9 received, 1 missing, 1 invalid of 11 expected"),
        "{text}"
    );
    // The table wraps to the width: Dover's row may take several lines.
    let dover = text
        .lines()
        .skip_while(|l| !l.contains("Dover"))
        .take_while(|l| !l.contains("Maidstone"))
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(dover.contains("invalid") && dover.contains("cell B2"), "{dover}");
    assert!(text.lines().any(|l| l.contains("Sevenoaks") && l.contains("missing")));

    let out = bin()
        .args(["status", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (j["received"].as_u64(), j["missing"].as_u64(), j["invalid"].as_u64()),
        (Some(9), Some(1), Some(1))
    );
    let d = j["partnerships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["partnership"] == "Dover")
        .unwrap();
    assert_eq!(d["status"], "invalid");
    assert!(d["file"].as_str().unwrap().contains("04-dover.xlsx"));
    assert!(
        d["problem"].as_str().unwrap().contains("sheet 'Issues', cell B2"),
        "{d}"
    );
    assert_eq!(snapshot(dir.path()), before, "status writes nothing");
    bin().arg("status").arg(dir.path().join("nowhere")).assert().code(1);
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef csa-review"),
        ("fish", "complete -c csa-review"),
    ] {
        bin()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(marker));
    }
}

#[test]
fn a_progress_bar_only_on_a_terminal_and_never_with_json() {
    let names: Vec<String> = (0..csa_review::PROGRESS_FROM + 5).map(|i| format!("P{i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let s = Small::new(&refs, "");
    for n in &names {
        submission(&s.sub(&format!("{n}.xlsx")), n, &[("DA", "Main priority")]);
    }
    let piped = bin().args(["review", "--no-workbook"]).arg(s.path()).output().unwrap();
    assert!(piped.status.success());
    assert!(
        !String::from_utf8_lossy(&piped.stderr).contains("reading submissions"),
        "nothing extra when piped"
    );
    // Under a pseudo-terminal (util-linux `script`), the bar is drawn on stderr, and never with JSON.
    if std::process::Command::new("script").arg("--version").output().is_ok() {
        let exe = assert_cmd::cargo::cargo_bin("csa-review");
        let run = |extra: &str| {
            let cmd = format!(
                "{} review --no-workbook {extra} {} >/dev/null",
                exe.display(),
                s.path().display()
            );
            let o = std::process::Command::new("script")
                .args(["-qec", &cmd, "/dev/null"])
                .output()
                .unwrap();
            String::from_utf8_lossy(&o.stdout).to_string()
        };
        assert!(run("").contains("reading submissions"));
        assert!(!run("--format json").contains("reading submissions"));
    }
}

#[test]
fn year_on_year_extremism_and_hate_rises_and_road_safety_drops() {
    let out = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .output()
        .unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // SPEC §7 ranking[].previous: last year's csp_count, position, morile_rank; places positive = risen.
    let eh = &row(&j, "ranking", "Extremism and Hate")["previous"];
    assert_eq!(
        (eh["csp_count"].as_u64(), eh["csp_change"].as_i64()),
        (Some(3), Some(4))
    );
    assert_eq!(eh["movement"], "risen up the listing");
    assert!(eh["places"].as_i64().unwrap() > 0, "{eh}");
    assert_eq!(eh["morile_rank"], 8, "{eh}");
    let rs = &row(&j, "ranking", "Road Safety")["previous"];
    assert_eq!(
        (rs["csp_count"].as_u64(), rs["csp_change"].as_i64()),
        (Some(6), Some(-3))
    );
    assert_eq!(rs["movement"], "dropped down the list");
    assert!(rs["places"].as_i64().unwrap() < 0, "{rs}");
    assert_eq!(
        row(&j, "ranking", "Safeguarding and Vulnerability")["previous"]["movement"],
        "no change"
    );
}

#[test]
fn without_current_priorities_last_years_proposed_ones_are_in_force() {
    let dir = sample_copy();
    let p = dir.path().join("review.toml");
    let toml = std::fs::read_to_string(&p).unwrap();
    let (start, end) = (toml.find("[current]").unwrap(), toml.find("[weights]").unwrap());
    std::fs::write(&p, format!("{}{}", &toml[..start], &toml[end..])).unwrap();
    let a = csa_review::review_folder(dir.path()).unwrap();
    let mut names: Vec<&str> = a.review.priorities.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Anti-Social Behaviour",
            "Domestic Abuse",
            "Road Safety",
            "Safeguarding Vulnerable People",
            "Serious and Organised Crime",
            "Substance Misuse"
        ]
    );
    assert!(
        a.review.priorities.iter().all(|p| p.issue.is_some()),
        "each keeps its issue link"
    );
}
