//! Submission intake: the files of the submissions folder, read (in parallel when there are many) with
//! progress reported through a callback, and where each expected partnership's return stands (`status`).

use crate::config::Review;
use crate::error::{Diagnostics, Error, Location, Result};
use crate::read;
use crate::read::submission::Submission;
use std::path::{Path, PathBuf};

/// The file types read as submissions (SPEC §2).
pub const SUBMISSION_TYPES: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// Show a progress bar (when asked) from this many submissions.
pub const PROGRESS_FROM: usize = 50;

/// Read submissions on several threads from this many files.
pub const PARALLEL_FROM: usize = 4;

/// What the intake reports while it reads submissions, for a progress bar drawn by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Reading starts: this many files.
    Started { files: usize },
    /// One more file read.
    Read,
    /// Every file read.
    Finished,
}

/// A progress callback; it may be called from several threads at once.
pub type OnProgress<'a> = &'a (dyn Fn(Progress) + Sync);

/// A callback that shows nothing.
pub fn no_progress(_: Progress) {}

/// The workbooks (.xlsx, .xlsm, .xls, .ods) among a folder's entries, sorted by name. Lock files left by a
/// spreadsheet program and other files are skipped, each with a warning (`shown` gives a path as messages
/// show it). A folder named like a workbook is kept, so that reading it is an error naming it (SPEC §4).
pub fn workbook_files(
    entries: std::fs::ReadDir,
    shown: &dyn Fn(&Path) -> String,
    d: &mut Diagnostics,
) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let workbook_like = SUBMISSION_TYPES.contains(&ext.as_str());
        if path.is_dir() && !workbook_like {
            continue;
        } else if name.starts_with("~$") || name.starts_with(".~lock") {
            d.warning(
                Location::file(shown(&path)),
                "a lock file left by a spreadsheet program (the workbook may be open); ignored",
            );
        } else if workbook_like {
            files.push(path);
        } else if !name.starts_with(".csa-review-") {
            d.warning(
                Location::file(shown(&path)),
                "not a workbook (.xlsx, .xlsm, .xls or .ods); ignored",
            );
        }
    }
    files.sort();
    Ok(files)
}

/// The submission files of a folder, sorted by name; other files give a warning and are skipped.
pub fn submission_files(review: &Review, d: &mut Diagnostics) -> Result<Vec<PathBuf>> {
    let dir = &review.submissions;
    let shown = review.shown(dir);
    let entries = std::fs::read_dir(dir).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::input(Location::file(&shown), "the submissions folder does not exist")
        } else {
            Error::io(dir, e)
        }
    })?;
    let files = workbook_files(entries, &|p: &Path| review.shown(p), d).map_err(|e| Error::io(dir, e))?;
    if files.is_empty() {
        d.error(
            Location::file(&shown),
            "the submissions folder holds no workbooks (.xlsx, .xlsm, .xls or .ods)",
        );
    }
    Ok(files)
}

/// Read every submission; in parallel when there are many. `progress` hears of each file read.
pub fn read_submissions(
    review: &Review,
    files: &[PathBuf],
    progress: OnProgress<'_>,
    d: &mut Diagnostics,
) -> Vec<Submission> {
    progress(Progress::Started { files: files.len() });
    let read_one = |path: &PathBuf| {
        let mut local = Diagnostics::default();
        let s = read_submission(review, path, &mut local);
        progress(Progress::Read);
        (s, local)
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(files.len());
    let results: Vec<(Option<Submission>, Diagnostics)> = if files.len() < PARALLEL_FROM || threads < 2 {
        files.iter().map(read_one).collect()
    } else {
        // Each thread takes the next file not yet taken, so that a thread slowed by other work (a large
        // file, the other inputs read beside) does not hold the rest up; results are put back in file order.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let take = || {
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                mine.push((i, read_one(path)));
            }
            mine
        };
        let mut all: Vec<(usize, _)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(take)).collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        all.sort_unstable_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, r)| r).collect()
    };
    progress(Progress::Finished);
    let mut out = Vec::new();
    for (s, local) in results {
        d.extend(local);
        out.extend(s);
    }
    out
}

/// Read one submission of a review: the single place where a review reads a return (the folder review,
/// `status` and `validate FILE` alike), so that each gets the same checks. An `Assessment year` that is not
/// the review's year is a warning naming the file and cell; the return still counts (SPEC §4.1).
pub fn read_submission(review: &Review, path: &Path, d: &mut Diagnostics) -> Option<Submission> {
    read::submission::read_for_year(path, &review.shown(path), review.limits, Some(&review.year), d)
}

/// Where one expected partnership's return stands (`csa-review status`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ReturnStatus {
    pub partnership: String,
    /// "received", "missing" or "invalid".
    pub status: &'static str,
    pub file: Option<String>,
    pub date_completed: Option<String>,
    pub completed_by: Option<String>,
    /// The first problem of an invalid return, with its location.
    pub problem: Option<String>,
}

/// The returns of a review folder: one per expected partnership, then files that match none.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub partnerships: Vec<ReturnStatus>,
    /// Files whose partnership could not be told, or is not expected, with their first problem.
    pub unmatched: Vec<(String, String)>,
    pub received: usize,
    pub missing: usize,
    pub invalid: usize,
}

/// Check each return of a folder on its own. Fails only when the folder itself cannot be read.
pub fn status(folder: &Path) -> Result<Status> {
    let review = Review::load(folder)?;
    let mut ignored = Diagnostics::default();
    let files = submission_files(&review, &mut ignored)?;
    let mut by_partnership: Vec<Option<ReturnStatus>> = vec![None; review.partnerships.len()];
    let mut unmatched = Vec::new();
    // Returns whose partnership is not expected but close to one that is: (expected, file, name written).
    let mut near: Vec<(usize, String, String)> = Vec::new();
    for path in &files {
        let shown = review.shown(path);
        let mut d = Diagnostics::default();
        let read = read_submission(&review, path, &mut d);
        let name = read
            .as_ref()
            .map(|s| s.partnership.clone())
            .or_else(|| read::submission::read_partnership(path, &shown, review.limits));
        let first_error = first_error_in(&d, &shown);
        let Some(p) = name.as_deref().and_then(|n| review.partnership(n)) else {
            if let Some(n) = &name
                && let Some(close) = nearest_partnership(&review, n)
            {
                near.push((close, shown.clone(), n.clone()));
            }
            let why = match read {
                // The folder review's own message, with its suggestion.
                Some(s) => {
                    let mut m = Diagnostics::default();
                    crate::assess::appendix_a::match_partnerships(&review, vec![s], &mut m);
                    first_error_in(&m, &shown).unwrap_or_default()
                }
                None => first_error.unwrap_or_default(),
            };
            unmatched.push((shown, why));
            continue;
        };
        let entry = ReturnStatus {
            partnership: review.partnerships[p].clone(),
            status: if first_error.is_some() { "invalid" } else { "received" },
            file: Some(shown.clone()),
            date_completed: read.as_ref().and_then(|s| s.date_completed.clone()),
            completed_by: read.as_ref().and_then(|s| s.completed_by.clone()),
            problem: first_error,
        };
        match &by_partnership[p] {
            Some(first) => unmatched.push((
                shown,
                format!(
                    "a second file for \"{}\" (the first is {}); remove one",
                    entry.partnership,
                    first.file.clone().unwrap_or_default()
                ),
            )),
            None => by_partnership[p] = Some(entry),
        }
    }
    let partnerships: Vec<ReturnStatus> = by_partnership
        .into_iter()
        .enumerate()
        .map(|(p, s)| {
            s.unwrap_or_else(|| ReturnStatus {
                partnership: review.partnerships[p].clone(),
                status: "missing",
                file: None,
                date_completed: None,
                completed_by: None,
                problem: near.iter().find(|(close, ..)| *close == p).map(|(_, file, written)| {
                    format!(
                        "perhaps {file}, which names \"{written}\": if it is this partnership's return, correct its Partnership cell or add the name under [partnership_aliases] in review.toml"
                    )
                }),
            })
        })
        .collect();
    let count = |what: &str| partnerships.iter().filter(|s| s.status == what).count();
    Ok(Status {
        received: count("received"),
        missing: count("missing"),
        invalid: count("invalid"),
        partnerships,
        unmatched,
    })
}

/// The first error of a return, without its "error: " prefix and without its file name when it is the
/// return's own (`status` shows the file beside it).
fn first_error_in(d: &Diagnostics, shown: &str) -> Option<String> {
    d.sorted().into_iter().find(|p| p.is_error()).map(|mut p| {
        if p.location.file.as_deref() == Some(shown) {
            p.location.file = None;
        }
        p.to_string().trim_start_matches("error: ").to_string()
    })
}

/// The expected partnership a name that is not expected is close to (a misspelling), as the folder review
/// suggests it.
fn nearest_partnership(review: &Review, name: &str) -> Option<usize> {
    let known = review
        .partnerships
        .iter()
        .map(String::as_str)
        .chain(review.partnership_aliases.values().flatten().map(String::as_str));
    crate::taxonomy::suggest(name, known).and_then(|n| review.partnership(n))
}
