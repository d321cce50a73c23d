//! Helpers for the hostile-input tests: running the binary under an address-space and a time limit, and
//! fingerprinting a folder's files by SHA-256 without opening pipes or following links.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

/// The address space a run may use: far above what a review needs, far below what the bombs asked for.
pub const MEMORY_LIMIT: u64 = 1536 << 20;
/// The time a run may take: a hang fails the test instead of blocking it.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Run the binary under the memory and time limits.
pub fn run(args: &[&std::ffi::OsStr]) -> Run {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("csa-review"));
    cmd.args(args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setrlimit only, between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: MEMORY_LIMIT as libc::rlim_t,
                    rlim_max: MEMORY_LIMIT as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let out = assert_cmd::Command::from_std(cmd).timeout(TIME_LIMIT).output().unwrap();
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("memory allocation"),
        "{}",
        run.stderr
    );
    assert!(run.code.is_some(), "killed (time limit or signal): {}", run.stderr);
    run
}

/// SHA-256 of every regular file under a folder (pipes and devices are listed, never opened).
pub fn digests(dir: &Path) -> Vec<(PathBuf, String)> {
    use sha2::Digest;
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            if meta.is_dir() {
                stack.push(p);
            } else if meta.is_file() {
                let hash = sha2::Sha256::digest(std::fs::read(&p).unwrap());
                out.push((p, hash.iter().map(|b| format!("{b:02x}")).collect()));
            } else {
                out.push((p, "not a regular file".into()));
            }
        }
    }
    out.sort();
    out
}
