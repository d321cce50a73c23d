//! Issue 18: the output guard no longer resolves every submission path; a submission is still protected
//! through the folder it is in, and by device and inode against an output that already exists.

mod common;
mod hostile_support;
use common::*;
use hostile_support::digests;

#[cfg(unix)]
#[test]
fn review_never_writes_onto_a_submission_through_a_second_hard_link() {
    let copy = sample_copy();
    let dir = copy.path();
    let link = dir.join("ashford-copy.xlsx");
    std::fs::hard_link(dir.join("submissions/01-ashford.xlsx"), &link).unwrap();
    let before = digests(dir);
    let out = bin()
        .args(["review".as_ref(), dir.as_os_str(), "--out".as_ref(), link.as_os_str()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("same file as the input") && stderr.contains("01-ashford.xlsx"),
        "{stderr}"
    );
    assert_eq!(digests(dir), before, "nothing written or created: {stderr}");
}

#[cfg(unix)]
#[test]
fn review_never_writes_into_the_submissions_folder_through_a_symbolic_link() {
    let copy = sample_copy();
    let dir = copy.path();
    std::os::unix::fs::symlink(dir.join("submissions"), dir.join("returns")).unwrap();
    let before = digests(dir);
    for out in ["returns/01-ashford.xlsx", "returns/new.xlsx"] {
        let o = bin()
            .args([
                "review".as_ref(),
                dir.as_os_str(),
                "--out".as_ref(),
                dir.join(out).as_os_str(),
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{out}: {stderr}");
        assert!(stderr.contains("refusing to write"), "{out}: {stderr}");
    }
    assert_eq!(digests(dir), before);
}
