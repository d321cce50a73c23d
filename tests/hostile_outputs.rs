//! Issue 13, families 1 and 8 through the binary: outputs never land on inputs or on files the next review
//! would read, however the path is spelt; `template` never replaces a file; a killed run's temporary files
//! are cleaned up; an output that cannot be replaced says what to do. Inputs are compared by SHA-256.

mod common;
mod hostile_support;
use common::*;
use hostile_support::digests;
use std::path::Path;

/// Run the binary with `args` on a copy of the sample; it must refuse (exit 1 or 2), leave every file as it
/// was and create nothing. Returns stderr.
fn refuses(args: impl Fn(&Path) -> Vec<std::ffi::OsString>) -> String {
    let copy = sample_copy();
    let dir = copy.path();
    let args = args(dir);
    let before = digests(dir);
    let out = bin()
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        matches!(out.status.code(), Some(1 | 2)),
        "exit {:?}: {stderr}",
        out.status.code()
    );
    assert_eq!(digests(dir), before, "inputs byte-identical, nothing created: {stderr}");
    assert!(
        !stderr.contains(".csa-review-") && !stderr.contains("os error"),
        "{stderr}"
    );
    stderr
}

fn review_out(out: &str) -> impl Fn(&Path) -> Vec<std::ffi::OsString> + '_ {
    move |dir| vec!["review".into(), dir.into(), "--out".into(), dir.join(out).into()]
}

#[test]
fn review_never_writes_onto_an_input_through_a_folder_that_does_not_exist_yet() {
    for out in [
        "out/../horizon.xlsx",
        "new/deeper/../../morile.xlsx",
        "./out/./../review.toml",
    ] {
        let e = refuses(review_out(out));
        assert!(e.contains("refusing to write"), "{out}: {e}");
    }
}

#[test]
fn review_never_writes_a_file_the_next_review_would_read() {
    // The bundled review also names an action plan, its progress updates and indicators (SPEC §10).
    for out in [
        "taxonomy.toml",
        "submissions/12-new.xlsx",
        "submissions/new/x.xlsx",
        "plan.xlsx",
        "indicators.xlsx",
        "updates/2019-q1.xlsx",
    ] {
        let e = refuses(review_out(out));
        assert!(e.contains("refusing to write"), "{out}: {e}");
    }
}

#[test]
fn review_never_writes_onto_a_taxonomy_file_named_in_review_toml() {
    let e = refuses(|dir| {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/kent-2018-19.toml"),
            dir.join("our-issues.toml"),
        )
        .unwrap();
        let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
        let changed = toml.replace("taxonomy = \"kent-2018-19\"", "taxonomy = \"our-issues.toml\"");
        assert_ne!(toml, changed);
        std::fs::write(dir.join("review.toml"), changed).unwrap();
        vec![
            "review".into(),
            dir.into(),
            "--out".into(),
            dir.join("our-issues.toml").into(),
        ]
    });
    assert!(e.contains("refusing to write") && e.contains("our-issues.toml"), "{e}");
}

#[cfg(unix)]
#[test]
fn review_never_writes_onto_an_input_through_a_symbolic_link() {
    let e = refuses(|dir| {
        std::os::unix::fs::symlink(dir, dir.join("same-folder")).unwrap();
        vec![
            "review".into(),
            dir.into(),
            "--out".into(),
            dir.join("same-folder/horizon.xlsx").into(),
        ]
    });
    assert!(e.contains("horizon.xlsx"), "{e}");
}

#[test]
fn template_never_replaces_a_file() {
    for (kind, target) in [
        ("district", "submissions/04-dover.xlsx"),
        ("morile", "morile.xlsx"),
        ("horizon", "horizon.xlsx"),
        ("district", "README.md"),
    ] {
        let e = refuses(|dir| vec!["template".into(), kind.into(), "--out".into(), dir.join(target).into()]);
        assert!(
            e.contains(target.rsplit('/').next().unwrap()),
            "{kind} onto {target}: {e}"
        );
    }
}

#[test]
fn template_force_replaces_a_template_but_never_an_input() {
    // --force never reaches a review's inputs, whether or not --review names the review.
    for with_review in [false, true] {
        let e = refuses(|dir| {
            let mut args: Vec<std::ffi::OsString> = vec!["template".into(), "morile".into(), "--force".into()];
            if with_review {
                args.extend(["--review".into(), dir.into()]);
            }
            args.extend(["--out".into(), dir.join("morile.xlsx").into()]);
            args
        });
        assert!(e.contains("morile.xlsx"), "{e}");
    }
    // A template of its own is replaced with --force, and only then.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("blank.xlsx");
    std::fs::write(&out, b"old").unwrap();
    let template = |force: bool| {
        let mut c = bin();
        c.args(["template", "horizon", "--out"]).arg(&out);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    assert!(!template(false).status.success());
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
    assert!(template(true).status.success());
    assert_ne!(std::fs::read(&out).unwrap(), b"old");
}

#[test]
fn a_killed_runs_temporary_file_is_removed_by_the_next_run() {
    let copy = sample_copy();
    let dir = copy.path();
    std::fs::create_dir_all(dir.join("out")).unwrap();
    // A process id above any the kernel hands out: that run is certainly gone.
    let stale = dir.join("out/.csa-review-99999999-a1b2c3.tmp");
    std::fs::write(&stale, b"half a workbook").unwrap();
    bin().arg("review").arg(dir).assert().success();
    assert!(!stale.exists(), "the stale temporary file is removed");
    let left: Vec<_> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty());
}

#[test]
fn an_output_that_is_read_only_says_to_close_it_or_give_out() {
    let copy = sample_copy();
    let dir = copy.path();
    let out = dir.join("kent.xlsx");
    std::fs::write(&out, b"the analyst's copy").unwrap();
    let mut perms = std::fs::metadata(&out).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&out, perms).unwrap();
    let r = bin().arg("review").arg(dir).arg("--out").arg(&out).output().unwrap();
    let e = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{e}");
    assert!(e.contains("close the workbook in Excel or give --out"), "{e}");
    assert!(!e.contains(".csa-review-") && !e.contains("os error"), "{e}");
    assert_eq!(std::fs::read(&out).unwrap(), b"the analyst's copy");
}

#[cfg(unix)]
#[test]
fn output_that_cannot_be_printed_stops_the_run_with_nothing_written() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full here");
        return;
    }
    let copy = sample_copy();
    let dir = copy.path();
    let before = digests(dir);
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("csa-review"))
        .arg("review")
        .arg(dir)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!dir.join("out").exists(), "no workbook or report written");
    assert_eq!(digests(dir), before);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("standard output") && !stderr.contains("os error"),
        "{stderr}"
    );
}

#[test]
fn force_never_replaces_a_reviews_action_plan_files_even_without_review() {
    for (kind, target) in [
        ("plan", "plan.xlsx"),
        ("indicators", "indicators.xlsx"),
        ("progress", "updates/2018-q2-progress.xlsx"),
    ] {
        let e = refuses(|dir| {
            vec![
                "template".into(),
                kind.into(),
                "--force".into(),
                "--out".into(),
                dir.join(target).into(),
            ]
        });
        assert!(e.contains("refusing to write"), "{kind} onto {target}: {e}");
    }
    // A review whose settings cannot be read is still protected, by the files a review folder holds.
    let e = refuses(|dir| {
        let toml = std::fs::read_to_string(dir.join("review.toml")).unwrap();
        std::fs::write(dir.join("review.toml"), toml.replace("year = ", "year_typo = ")).unwrap();
        vec![
            "template".into(),
            "morile".into(),
            "--force".into(),
            "--out".into(),
            dir.join("morile.xlsx").into(),
        ]
    });
    assert!(e.contains("refusing to write"), "{e}");
}
