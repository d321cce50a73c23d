//! What `review` prints: a summary first, tables that fit the terminal, JSON figures rounded as SPEC §7
//! says, CSV blocks that say which table they are, and a markdown paper with every section of the report.

mod common;
use common::*;

fn review(columns: &str, format: &str) -> String {
    let out = bin()
        .env("COLUMNS", columns)
        .args(["review", "--no-workbook", "--format", format])
        .arg(sample())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_terminal_output_starts_with_a_summary_and_fits_the_width_without_splitting_words() {
    let json: serde_json::Value = serde_json::from_str(&review("100", "json")).unwrap();
    for width in [60usize, 80, 100, 140] {
        let text = review(&width.to_string(), "table");
        for line in text.lines() {
            assert!(
                line.chars().count() <= width,
                "a line of {} characters at width {width}: {line}",
                line.chars().count()
            );
        }
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2], "Summary", "the summary comes first");
        let end = lines.iter().position(|l| l.starts_with("Appendix A")).unwrap();
        let summary: String = lines[3..end].join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(summary.contains("Proposed priorities (7):"), "{summary}");
        assert!(summary.contains("Proposed cross-cutting themes (4):"), "{summary}");
        assert!(summary.contains("Returns: 11 of 11 expected received"), "{summary}");
        assert!(summary.contains("Problems: 9 warnings"), "{summary}");
        // Every word of every Appendix A label is printed whole (wrapping never splits a word).
        let words: std::collections::HashSet<&str> = text.split_whitespace().collect();
        for row in json["appendix_a"].as_array().unwrap() {
            for word in row["label"].as_str().unwrap().split_whitespace() {
                assert!(words.contains(word), "\"{word}\" is split at width {width}");
            }
        }
    }
}

#[test]
fn the_sensitivity_table_explains_top_n_and_none_and_states_the_range_found() {
    let text = review("100", "table");
    let title = text
        .lines()
        .find(|l| l.starts_with("Sensitivity to the weights"))
        .unwrap();
    assert_eq!(
        title,
        "Sensitivity to the weights (top 7; changes of 0.21 to 0.49 in the weights move an issue in or out)"
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Top N: the first 7 of the ranking, N being the number of proposed priorities."));
    assert!(flat.contains("\"none\": no weights at all would move it."));
}

/// Every number of a JSON value, with where it is.
fn numbers(v: &serde_json::Value, at: String, out: &mut Vec<(String, f64)>) {
    match v {
        serde_json::Value::Number(n) => out.push((at, n.as_f64().unwrap())),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| numbers(x, format!("{at}[{i}]"), out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| numbers(x, format!("{at}.{k}"), out)),
        _ => {}
    }
}

#[test]
fn every_json_number_has_at_most_three_decimals() {
    let json: serde_json::Value = serde_json::from_str(&review("100", "json")).unwrap();
    let mut all = Vec::new();
    numbers(&json, String::new(), &mut all);
    assert!(all.len() > 100);
    for (at, x) in all {
        let text = x.to_string();
        let decimals = text.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 3, "{at} = {text}");
    }
    assert_eq!(json["ranking"][10]["sensitivity"]["at_weights"]["morile"], 0.46);
}

#[test]
fn each_csv_row_names_its_table() {
    let text = review("100", "csv");
    let blocks: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(blocks.len(), 2);
    for (block, name) in blocks.iter().zip(["appendix_a", "ranking"]) {
        let mut lines = block.lines();
        assert!(lines.next().unwrap().starts_with("table,"));
        for l in lines {
            assert!(l.starts_with(&format!("{name},")), "{l}");
        }
    }
    assert!(text.contains("appendix_a,Troubled families,Other focus area,1,"));
    assert!(text.contains("ranking,11,Road Safety,3,"));
}

#[test]
fn the_markdown_paper_has_the_proposed_themes_and_every_section_of_the_report() {
    let text = review("100", "markdown");
    assert!(text.contains(
        "- Proposed cross-cutting themes (4): Early intervention, prevention & education; Reduce re-offending and support victims; Improve quality of life and enhance community resilience; Support mental health wellbeing"
    ));
    let order = [
        "## Summary",
        "## Appendix A",
        "## Appendix B",
        "## Appendix C",
        "## Ranking",
        "## Comparison",
        "## Year on year",
        "## Sensitivity",
        "## Data quality",
        "## Provenance",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|h| text.find(h).unwrap_or_else(|| panic!("{h}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
}

#[test]
fn status_fits_the_width_even_with_a_file_it_cannot_count() {
    let copy = sample_copy();
    let dir = copy.path();
    let subs = dir.join("submissions");
    std::fs::copy(
        subs.join("04-dover.xlsx"),
        subs.join("12-a-second-return-from-dover.xlsx"),
    )
    .unwrap();
    for width in [60usize, 100] {
        let out = bin()
            .env("COLUMNS", width.to_string())
            .args(["status"])
            .arg(dir)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        for line in text.lines() {
            assert!(line.chars().count() <= width, "{width}: {line}");
        }
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("submissions/12-a-second-return-from-dover.xlsx: a second file for \"Dover\""),
            "{text}"
        );
    }
}
