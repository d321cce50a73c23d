//! Documentation that cannot rot: every `csa-review` (or `cargo run --release --`) command in a `sh` block of README.md and
//! docs/guide.md is run, in order, in a scratch folder holding a copy of the bundled sample, and must
//! succeed; a `text` block after a command (before the next command) shows lines its output must contain.

mod common;
use common::*;
use std::path::Path;

/// (command, lines its output must show) for every documented command, in order.
fn documented(markdown: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut fence: Option<String> = None;
    let mut last_was_command = false;
    for line in markdown.lines() {
        if let Some(kind) = line.strip_prefix("```") {
            fence = match fence {
                Some(_) => None,
                None => Some(kind.trim().to_string()),
            };
            continue;
        }
        match fence.as_deref() {
            Some("sh") => {
                // `cargo run --release -- ARGS` is the same command as `csa-review ARGS`.
                let command = line
                    .split(" #")
                    .next()
                    .unwrap()
                    .trim()
                    .replace("cargo run --release -- ", "csa-review ");
                if command.starts_with("csa-review ") {
                    out.push((command, Vec::new()));
                    last_was_command = true;
                }
            }
            Some("text") if last_was_command => {
                let shown = line.split_whitespace().collect::<Vec<_>>().join(" ");
                if !shown.is_empty() && !shown.contains("...") {
                    out.last_mut().unwrap().1.push(shown);
                }
            }
            _ => {}
        }
    }
    out
}

/// Runs them; returns (commands run, output lines checked).
fn run_documented(file: &str) -> (usize, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    let commands = documented(&text);
    let scratch = tempfile::tempdir().unwrap();
    // A copy of the checkout's Cargo.toml: `cargo run -- review` with no folder runs the bundled sample there.
    std::fs::copy(root.join("Cargo.toml"), scratch.path().join("Cargo.toml")).unwrap();
    copy_dir(&sample(), &scratch.path().join("samples/kent-2018-19"));
    copy_dir(
        &sample().parent().unwrap().join("kent-2017-18"),
        &scratch.path().join("samples/kent-2017-18"),
    );
    let bin_dir = assert_cmd::cargo::cargo_bin("csa-review")
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    for (command, shown) in &commands {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(command)
            .current_dir(scratch.path())
            .env("PATH", &path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{file}: `{command}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let flat: Vec<String> = stdout
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        for line in shown {
            assert!(
                flat.iter().any(|l| l.contains(line.as_str())),
                "{file}: `{command}` does not show \"{line}\":\n{stdout}"
            );
        }
    }
    (commands.len(), commands.iter().map(|c| c.1.len()).sum())
}

#[test]
fn every_command_in_the_guide_runs_as_shown() {
    let (commands, lines) = run_documented("docs/guide.md");
    assert!(commands >= 7 && lines >= 5, "{commands} commands, {lines} output lines");
}

#[test]
fn every_command_in_the_readme_runs() {
    let (commands, lines) = run_documented("README.md");
    assert!(commands >= 6 && lines >= 8, "{commands} commands, {lines} output lines");
}
