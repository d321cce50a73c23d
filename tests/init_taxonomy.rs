//! `init` names its taxonomy in review.toml and copies it into the new folder to be read (SPEC §2); a
//! changed copy that review.toml does not use is said, never silently ignored.

mod common;
use common::bin;

fn init(dir: &std::path::Path, extra: &[&str]) {
    bin()
        .args(["init"])
        .arg(dir)
        .args(["--area", "Northshire", "--year", "2026-27"])
        .args(extra)
        .assert()
        .success();
}

#[test]
fn a_new_review_counts_in_standard_2025_and_holds_a_copy_to_read() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("review");
    init(&dir, &[]);
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
    assert!(toml.contains("taxonomy = \"standard-2025\""), "{toml}");
    let copy = std::fs::read_to_string(dir.join("taxonomy.toml")).unwrap();
    assert_eq!(copy, std::fs::read_to_string("templates/standard-2025.toml").unwrap());
    // The copy is the taxonomy the review counts in: its fourteen issues, Violence Against Women and Girls among them.
    let t = csa_review::taxonomy::Taxonomy::for_review(&dir, Some("taxonomy.toml")).unwrap();
    assert_eq!(t.issues.len(), 14);
    assert!(t.by_name("Violence Against Women and Girls").is_some());
}

#[test]
fn init_can_name_the_2018_taxonomy() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("review");
    init(&dir, &["--taxonomy", "kent-2018-19"]);
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
    assert!(toml.contains("taxonomy = \"kent-2018-19\""), "{toml}");
    let copy = std::fs::read_to_string(dir.join("taxonomy.toml")).unwrap();
    assert_eq!(copy, std::fs::read_to_string("templates/kent-2018-19.toml").unwrap());
    let bad = bin()
        .args(["init"])
        .arg(root.path().join("other"))
        .args(["--area", "X", "--year", "2026-27", "--taxonomy", "kent-2019"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(!root.path().join("other").exists());
}

#[test]
fn a_changed_copy_that_review_toml_does_not_name_is_a_warning() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("review");
    init(&dir, &[]);
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
    std::fs::write(
        dir.join("review.toml"),
        toml.replace("partnerships = []", "partnerships = [\"Ashford\", \"Dover\"]"),
    )
    .unwrap();
    let copy = dir.join("taxonomy.toml");
    let text = std::fs::read_to_string(&copy).unwrap();
    std::fs::write(
        &copy,
        text.replace("\"Road danger\",", "\"Road danger\", \"Pavement parking\","),
    )
    .unwrap();
    let review = csa_review::config::Review::load(&dir).unwrap();
    let said: Vec<String> = review.warnings.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        said.iter()
            .any(|w| w.contains("taxonomy.toml") && w.contains("write taxonomy = \"taxonomy.toml\"")),
        "{said:?}"
    );
    // Once review.toml names the copy, it is used and nothing is said.
    let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
    std::fs::write(
        dir.join("review.toml"),
        toml.replace("taxonomy = \"standard-2025\"", "taxonomy = \"taxonomy.toml\""),
    )
    .unwrap();
    let review = csa_review::config::Review::load(&dir).unwrap();
    assert!(
        review
            .warnings
            .problems
            .iter()
            .all(|p| !p.to_string().contains("taxonomy.toml differs"))
    );
    assert!(review.taxonomy.find("Pavement parking").is_some());
}
