//! `csa-review`: the annual review of a county's community safety priorities.
//!
//! Data flows one way: [`read`] turns workbooks into plain records, [`assess`] counts, scores and ranks
//! them without touching files, and [`report`] writes the results. [`review_folder`] runs the whole job.
//!
//! ```no_run
//! let a = csa_review::review_folder(std::path::Path::new("samples/kent-2018-19")).unwrap();
//! for row in &a.appendix_a.rows {
//!     println!("{} {}", a.review.taxonomy.issues[row.issue].label, row.csp_count);
//! }
//! ```

pub mod assess;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod read;
pub mod report;
pub mod taxonomy;

use assess::appendix_a::{AppendixA, Received};
use assess::horizon::Horizon;
use assess::morile::Morile;
use assess::ranking::{Outcome, Ranked};
use config::Review;
use error::{Diagnostics, Error, Location, Problem, Result};
use std::path::{Path, PathBuf};

/// The tool's version, as recorded in the Provenance sheet.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The bundled example review, run by `csa-review review` with no folder.
pub const SAMPLE: &str = "samples/kent-2018-19";
/// The file types read as submissions (SPEC §2).
pub const SUBMISSION_TYPES: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// An input file and its fingerprint, for the Provenance sheet.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub shown: String,
    pub bytes: u64,
    pub sha256: String,
}

/// Everything a review produces.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub review: Review,
    pub received: Vec<Received>,
    pub appendix_a: AppendixA,
    pub morile: Option<Morile>,
    pub horizon: Horizon,
    pub ranking: Vec<Ranked>,
    pub outcome: Outcome,
    /// Last year's review, when `previous` names its workbook, and each issue's movement since.
    pub previous: Option<read::previous::Previous>,
    pub movement: Vec<(taxonomy::IssueId, assess::movement::Movement)>,
    /// The sensitivity of each ranked issue to the weights, in ranking order.
    pub sensitivity: Vec<(taxonomy::IssueId, assess::sensitivity::Sensitivity)>,
    /// Warnings, sorted by file and cell.
    pub warnings: Vec<Problem>,
    pub inputs: Vec<InputFile>,
}

/// The size and SHA-256 of a file, in hex.
pub fn sha256_file(path: &Path) -> Result<(u64, String)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok((bytes.len() as u64, read::sheet::sha256_hex(&bytes)))
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
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if path.is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if name.starts_with("~$") || name.starts_with(".~lock") {
            d.warning(
                Location::file(review.shown(&path)),
                "a lock file left by a spreadsheet program (the workbook may be open); ignored",
            );
        } else if SUBMISSION_TYPES.contains(&ext.as_str()) {
            files.push(path);
        } else {
            d.warning(
                Location::file(review.shown(&path)),
                "not a workbook (.xlsx, .xlsm, .xls or .ods); ignored",
            );
        }
    }
    files.sort();
    if files.is_empty() {
        d.error(
            Location::file(&shown),
            "the submissions folder holds no workbooks (.xlsx, .xlsm, .xls or .ods)",
        );
    }
    Ok(files)
}

/// Read every submission; in parallel when there are many. `progress` shows a bar on stderr.
fn read_submissions(
    review: &Review,
    files: &[PathBuf],
    progress: bool,
    d: &mut Diagnostics,
) -> Vec<read::submission::Submission> {
    let bar = if progress && files.len() >= PROGRESS_FROM {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("reading submissions {bar:40} {pos}/{len} {elapsed}")
        {
            bar.set_style(style);
        }
        bar.tick(); // drawn at once, however quickly the reading goes
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let read_one = |path: &PathBuf| {
        let mut local = Diagnostics::default();
        let s = read::submission::read(path, &review.shown(path), review.limits, &mut local);
        bar.inc(1);
        (s, local)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let results: Vec<(Option<read::submission::Submission>, Diagnostics)> = if files.len() < 16 || threads < 2 {
        files.iter().map(read_one).collect()
    } else {
        let chunk = files.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(read_one).collect::<Vec<_>>()))
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        })
    };
    bar.finish_and_clear();
    let mut out = Vec::new();
    for (s, local) in results {
        d.extend(local);
        out.extend(s);
    }
    out
}

/// Show a progress bar (when asked) from this many submissions.
pub const PROGRESS_FROM: usize = 50;

/// Run the review of a folder: read, count, score, rank and compare. Errors stop it with every problem found.
pub fn review_folder(folder: &Path) -> Result<Assessment> {
    review_folder_with(folder, false)
}

/// [`review_folder`], with a progress bar on stderr while the submissions are read when `progress` is set
/// (the command line sets it when stderr is a terminal and the output is not JSON).
pub fn review_folder_with(folder: &Path, progress: bool) -> Result<Assessment> {
    let review = Review::load(folder)?;
    let mut d = review.warnings.clone();
    let mut review = review;
    let previous = review
        .previous
        .clone()
        .and_then(|p| read::previous::read(&p, &review.shown(&p), &review.taxonomy, review.limits, &mut d));
    // With no [current] in review.toml, the priorities and themes in force are last year's proposed ones.
    if let Some(prev) = &previous
        && review.priorities.is_empty()
        && review.themes.is_empty()
    {
        let item = |(name, issue): &(String, Option<taxonomy::IssueId>)| config::CurrentItem {
            name: name.clone(),
            issue: *issue,
        };
        review.priorities = prev.priorities.iter().filter(|p| p.1.is_some()).map(item).collect();
        review.themes = prev.themes.iter().map(item).collect();
    }
    let files = submission_files(&review, &mut d)?;
    let submissions = read_submissions(&review, &files, progress, &mut d);
    let received = assess::appendix_a::match_partnerships(&review, submissions, &mut d);
    let appendix_a = assess::appendix_a::count(&review, &received, &mut d);

    let factors: Vec<String> = review.scheme.all_factors().cloned().collect();
    let morile = review.morile.as_ref().and_then(|p| {
        let sheet = read::morile::read(p, &review.shown(p), &factors, review.limits, &mut d)?;
        Some(assess::morile::assess(&sheet, &review.scheme, &review.taxonomy, &mut d))
    });
    let horizon_rows = review
        .horizon
        .as_ref()
        .and_then(|p| read::horizon::read(p, &review.shown(p), review.limits, &mut d));
    let horizon = assess::horizon::assess(horizon_rows.as_deref().unwrap_or(&[]), &review.taxonomy, &mut d);

    if d.has_errors() {
        return Err(Error::Input(d));
    }
    let ranking = assess::ranking::rank(&review, &appendix_a, morile.as_ref(), &horizon);
    let outcome = assess::ranking::outcome(&review, &ranking);
    let movement = previous
        .as_ref()
        .map(|p| assess::movement::assess(p, &appendix_a, &ranking, morile.as_ref()))
        .unwrap_or_default();
    if let Some(note) = previous
        .as_ref()
        .and_then(|p| assess::movement::partnerships_note(p, appendix_a.expected))
    {
        d.warning(
            Location::file(review.shown(review.previous.as_deref().unwrap_or(folder))),
            note,
        );
    }
    let sensitivity = assess::sensitivity::assess(&ranking, &review.weights, outcome.priorities.len());

    // Submissions were fingerprinted from the bytes read; the other inputs are read again here.
    let digests: std::collections::HashMap<&str, &(u64, String)> = received
        .iter()
        .map(|r| (r.submission.file.as_str(), &r.submission.digest))
        .collect();
    let mut paths = vec![folder.join(config::REVIEW_FILE)];
    if !review.taxonomy.builtin {
        paths.push(folder.join(&review.taxonomy.source));
    }
    paths.extend(files.iter().cloned());
    paths.extend(
        [&review.morile, &review.horizon, &review.previous]
            .into_iter()
            .flatten()
            .cloned(),
    );
    let mut inputs = Vec::new();
    for path in &paths {
        let shown = review.shown(path);
        let (bytes, sha256) = match digests.get(shown.as_str()) {
            Some(d) => (*d).clone(),
            None => sha256_file(path)?,
        };
        inputs.push(InputFile { shown, bytes, sha256 });
    }
    let warnings = d.sorted();
    Ok(Assessment {
        review,
        received,
        appendix_a,
        morile,
        horizon,
        ranking,
        outcome,
        previous,
        movement,
        sensitivity,
        warnings,
        inputs,
    })
}

/// Check files or review folders without writing anything. Returns every problem found, sorted.
pub fn validate(paths: &[PathBuf]) -> Vec<Problem> {
    let mut all = Diagnostics::default();
    for path in paths {
        if path.is_dir() {
            match review_folder(path) {
                Ok(a) => all.problems.extend(a.warnings),
                Err(Error::Input(d)) => all.extend(d),
                Err(e) => all.error(Location::file(path.display().to_string()), e.to_string()),
            }
        } else {
            validate_file(path, &mut all);
        }
    }
    all.sorted()
}

/// Check one workbook on its own: a submission, a MoRiLE or a horizon workbook, told apart by its sheets.
fn validate_file(path: &Path, d: &mut Diagnostics) {
    let shown = path.display().to_string();
    let limits = config::Limits::default();
    let wb = match read::Workbook::open(path, &shown, limits) {
        Ok(wb) => wb,
        Err(p) => {
            d.push(p);
            return;
        }
    };
    let names: Vec<String> = wb.sheet_names().iter().map(|n| taxonomy::key(n)).collect();
    let tax = taxonomy::Taxonomy::standard();
    if names.iter().any(|n| n == "morile") {
        let scheme = config::Scheme::builtin();
        let factors: Vec<String> = scheme.all_factors().cloned().collect();
        if let Some(sheet) = read::morile::read(path, &shown, &factors, limits, d) {
            assess::morile::assess(&sheet, &scheme, &tax, d);
        }
    } else if names.iter().any(|n| n == "pestelo") {
        if let Some(rows) = read::horizon::read(path, &shown, limits, d) {
            assess::horizon::assess(&rows, &tax, d);
        }
    } else if let Some(s) = read::submission::read(path, &shown, limits, d) {
        for row in &s.rows {
            if row.identified != read::submission::Identification::NotIdentified && tax.find(&row.name).is_none() {
                d.warning(row.cell.clone(), tax.advise(&row.name).message(&tax, &row.name));
            }
        }
    }
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
    for path in &files {
        let shown = review.shown(path);
        let mut d = Diagnostics::default();
        let read = read::submission::read(path, &shown, review.limits, &mut d);
        let name = read
            .as_ref()
            .map(|s| s.partnership.clone())
            .or_else(|| read::submission::read_partnership(path, &shown, review.limits));
        let first_error = d
            .sorted()
            .into_iter()
            .find(|p| p.is_error())
            .map(|p| p.to_string().trim_start_matches("error: ").to_string());
        let Some(p) = name.as_deref().and_then(|n| review.partnership(n)) else {
            let why = first_error.unwrap_or_else(|| {
                format!(
                    "the partnership \"{}\" is not expected in review.toml",
                    name.unwrap_or_default()
                )
            });
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
                    "a second file for \"{}\" (the first is {})",
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
            s.unwrap_or(ReturnStatus {
                partnership: review.partnerships[p].clone(),
                status: "missing",
                file: None,
                date_completed: None,
                completed_by: None,
                problem: None,
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
