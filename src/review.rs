//! The pipeline: a review folder read, counted, scored, ranked and compared into an [`Assessment`]; and
//! `validate`, which runs the same checks and writes nothing.

use crate::assess::appendix_a::{AppendixA, Received};
use crate::assess::horizon::Horizon;
use crate::assess::morile::Morile;
use crate::assess::ranking::{Outcome, Ranked};
use crate::config::{self, Review};
use crate::error::{Diagnostics, Error, Location, Problem, Result};
use crate::intake::{self, OnProgress};
use crate::{assess, read, taxonomy};
use std::path::{Path, PathBuf};

/// The warning of a review with no priorities in force (SPEC §5.1).
pub const NO_CURRENT_PRIORITIES: &str = "no current priorities: review.toml has no [current] priorities and no `previous` workbook gives them, so every issue with local support will read as new (\"add\"); list the priorities in force under [current]";

/// The warning of a review run without MoRiLE scores: its recommendations rest on local support alone.
pub const NO_MORILE: &str = "this review has no MoRiLE scores (no morile.xlsx in the review folder and none named in review.toml), so no priority is retained on its MoRiLE band and every MoRiLE figure is 0; save the filled-in MoRiLE workbook as morile.xlsx in the review folder";

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
    /// Current priorities and themes kept under a new name (SPEC §5.1 `renamed`, `themes_renamed`).
    pub renamed: Vec<assess::movement::Renamed>,
    pub themes_renamed: Vec<assess::movement::Renamed>,
    /// The sensitivity of each ranked issue to the weights, in ranking order.
    pub sensitivity: Vec<(taxonomy::IssueId, assess::sensitivity::Sensitivity)>,
    /// How the action plan is going per current priority, when review.toml has `[monitoring]` (SPEC §10.5).
    pub delivery: Option<crate::monitor::PlanDelivery>,
    /// Warnings, sorted by file and cell.
    pub warnings: Vec<Problem>,
    pub inputs: Vec<InputFile>,
}

/// The size and SHA-256 of a file, in hex.
pub fn sha256_file(path: &Path) -> Result<(u64, String)> {
    let bytes = crate::io::read_input(path, 1 << 30).map_err(|m| Error::Io {
        path: path.to_path_buf(),
        message: m,
    })?;
    Ok((bytes.len() as u64, read::sheet::sha256_hex(&bytes)))
}

/// Run the review of a folder: read, count, score, rank and compare. Errors stop it with every problem found.
pub fn review_folder(folder: &Path) -> Result<Assessment> {
    review_folder_with(folder, &intake::no_progress)
}

/// [`review_folder`], telling `progress` of each submission read (the command line draws a bar from it).
pub fn review_folder_with(folder: &Path, progress: OnProgress<'_>) -> Result<Assessment> {
    let review = Review::load(folder)?;
    let mut d = review.warnings.clone();
    // Last year's workbook, MoRiLE and the horizon scan are read beside the submissions (on a thread of
    // their own when there is more than one core); their problems are told in the same order as ever.
    let parallel = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    let read_submissions = |d: &mut Diagnostics| {
        let files = intake::submission_files(&review, d)?;
        let submissions = intake::read_submissions(&review, &files, progress, d);
        Ok::<_, Error>((files, submissions))
    };
    let (others, d_submissions, submissions) = if parallel {
        std::thread::scope(|scope| {
            let side = scope.spawn(|| Others::read(&review));
            let mut d_submissions = Diagnostics::default();
            let submissions = read_submissions(&mut d_submissions);
            let others = side.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            (others, d_submissions, submissions)
        })
    } else {
        let others = Others::read(&review);
        let mut d_submissions = Diagnostics::default();
        let submissions = read_submissions(&mut d_submissions);
        (others, d_submissions, submissions)
    };
    let Others {
        previous,
        previous_d,
        morile: morile_sheet,
        morile_d,
        horizon: horizon_read,
        horizon_d,
    } = others;
    d.extend(previous_d);
    let mut review = review;
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
    if review.priorities.is_empty() {
        d.warning(Location::file(config::REVIEW_FILE), NO_CURRENT_PRIORITIES);
    }
    d.extend(d_submissions);
    let (files, submissions) = submissions?;
    let received = assess::appendix_a::match_partnerships(&review, submissions, &mut d);
    let appendix_a = assess::appendix_a::count(&review, &received, &mut d);

    d.extend(morile_d);
    let morile = morile_sheet
        .as_ref()
        .map(|sheet| assess::morile::assess(sheet, &review.scheme, &review.taxonomy, &mut d));
    d.extend(horizon_d);
    let horizon_rows = horizon_read.as_ref().map(|(rows, _)| rows.as_slice());
    let horizon = assess::horizon::assess(horizon_rows.unwrap_or(&[]), &review.taxonomy, &mut d);

    if d.has_errors() {
        return Err(Error::Input(d));
    }
    let ranking = assess::ranking::rank(&review, &appendix_a, morile.as_ref(), &horizon);
    let outcome = assess::ranking::outcome(&review, &ranking);
    let (renamed, themes_renamed) = assess::movement::renamed(&review, &ranking);
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

    // Inputs were fingerprinted from the bytes read; only those not read as workbooks (review.toml, a
    // taxonomy file, a submission that could not be read) are read again here.
    let mut digests: std::collections::HashMap<&str, &(u64, String)> = received
        .iter()
        .map(|r| (r.submission.file.as_str(), &r.submission.digest))
        .collect();
    digests.extend(previous.as_ref().map(|p| (p.file.as_str(), &p.digest)));
    digests.extend(morile_sheet.as_ref().map(|m| (m.file.as_str(), &m.digest)));
    let horizon_digest = review.horizon.as_ref().map(|p| review.shown(p));
    if let (Some(shown), Some((_, digest))) = (&horizon_digest, &horizon_read) {
        digests.insert(shown.as_str(), digest);
    }
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
    let delivery = crate::monitor::review_delivery(folder, &review, &mut d);
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
        renamed,
        themes_renamed,
        sensitivity,
        delivery,
        warnings,
        inputs,
    })
}

/// The inputs other than the submissions, as read, each with the problems found in it.
struct Others {
    previous: Option<read::previous::Previous>,
    previous_d: Diagnostics,
    morile: Option<read::morile::MorileSheet>,
    morile_d: Diagnostics,
    horizon: Option<(Vec<read::horizon::HorizonRow>, (u64, String))>,
    horizon_d: Diagnostics,
}

impl Others {
    fn read(review: &Review) -> Others {
        let (mut previous_d, mut morile_d, mut horizon_d) = Default::default();
        let previous = review
            .previous
            .as_ref()
            .and_then(|p| read::previous::read(p, &review.shown(p), &review.taxonomy, review.limits, &mut previous_d));
        let morile = review.morile.as_ref().and_then(|p| {
            read::morile::read_with_scheme(p, &review.shown(p), &review.scheme, review.limits, &mut morile_d)
        });
        let horizon = review
            .horizon
            .as_ref()
            .and_then(|p| read::horizon::read_digested(p, &review.shown(p), review.limits, &mut horizon_d));
        Others {
            previous,
            previous_d,
            morile,
            morile_d,
            horizon,
            horizon_d,
        }
    }
}

/// Check files or review folders without writing anything. Returns every problem found, sorted.
///
/// A workbook inside a review folder (its folder or the one above holds review.toml) is checked against that
/// review: a submission's partnership and Assessment year, and every workbook's names against the review's
/// taxonomy and scheme, with the folder review's own messages. Outside a review folder it is checked on its
/// own, and a warning says what could not be checked.
pub fn validate(paths: &[PathBuf]) -> Vec<Problem> {
    let mut all = Diagnostics::default();
    for path in paths {
        if path.is_dir() {
            match review_folder(path) {
                Ok(a) => all.problems.extend(a.warnings),
                Err(Error::Input(d)) => all.extend(d),
                Err(e) => all.error(Location::file(path.display().to_string()), e.to_string()),
            }
            continue;
        }
        let Some(folder) = review_folder_of(path) else {
            validate_file(path, None, &mut all);
            continue;
        };
        match Review::load(&folder) {
            Ok(review) => validate_file(path, Some(&review), &mut all),
            Err(Error::Input(d)) => {
                // Shown from where the user stands, since the file is named that way too.
                for mut p in d.problems.into_iter().filter(Problem::is_error) {
                    if let Some(f) = &p.location.file {
                        p.location.file = Some(folder.join(f).display().to_string());
                    }
                    all.push(p);
                }
                all.warning(
                    Location::file(path.display().to_string()),
                    format!(
                        "not checked: the review.toml of {} beside it has errors (above); correct them and validate again",
                        folder.display()
                    ),
                );
            }
            Err(e) => all.error(Location::file(path.display().to_string()), e.to_string()),
        }
    }
    all.sorted()
}

/// The review folder a workbook belongs to: its own folder or the one above, when it holds review.toml.
pub fn review_folder_of(path: &Path) -> Option<PathBuf> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let grandparent = match parent.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ if parent == Path::new(".") => PathBuf::from(".."),
        _ => PathBuf::from("."),
    };
    [parent, grandparent]
        .into_iter()
        .find(|dir| dir.join(config::REVIEW_FILE).is_file())
}

/// What `validate FILE` says of a workbook outside any review folder.
pub const NOT_IN_A_REVIEW: &str = "not inside a review folder (no review.toml in its folder or the one above): its partnership and Assessment year could not be checked against a review, and names were matched with the built-in taxonomy and MoRiLE scheme; validate it where it sits in the review folder, such as reviews/2026-27/submissions/";

/// Check one workbook: a submission, a MoRiLE or a horizon workbook, told apart by its sheets. Within a
/// review, as the folder review checks it; else on its own.
fn validate_file(path: &Path, review: Option<&Review>, d: &mut Diagnostics) {
    let builtin = (taxonomy::Taxonomy::standard(), config::Scheme::builtin());
    let (tax, scheme, limits) = match review {
        Some(r) => (&r.taxonomy, &r.scheme, r.limits),
        None => (&builtin.0, &builtin.1, config::Limits::default()),
    };
    let shown = review.map_or_else(|| path.display().to_string(), |r| r.shown(path));
    let names = match read::Workbook::open(path, &shown, limits) {
        Ok(wb) => wb.sheet_names().iter().map(|n| taxonomy::key(n)).collect::<Vec<_>>(),
        Err(p) => {
            d.push(p);
            return;
        }
    };
    if names.iter().any(|n| n == "morile") {
        if let Some(sheet) = read::morile::read_with_scheme(path, &shown, scheme, limits, d) {
            assess::morile::assess(&sheet, scheme, tax, d);
        }
    } else if names.iter().any(|n| n == "pestelo") {
        if let Some(rows) = read::horizon::read(path, &shown, limits, d) {
            assess::horizon::assess(&rows, tax, d);
        }
    } else if let Some(review) = review {
        // As the folder review reads, matches and counts it: the same messages.
        if let Some(s) = intake::read_submission(review, path, d) {
            let received = assess::appendix_a::match_partnerships(review, vec![s], d);
            // Only what concerns this file: not the other partnerships' missing returns.
            let mut counted = Diagnostics::default();
            assess::appendix_a::count(review, &received, &mut counted);
            d.problems.extend(
                counted
                    .problems
                    .into_iter()
                    .filter(|p| p.location.file.as_deref() == Some(shown.as_str())),
            );
        }
    } else if let Some(s) = read::submission::read(path, &shown, limits, d) {
        for row in &s.rows {
            if row.identified != read::submission::Identification::NotIdentified && tax.find(&row.name).is_none() {
                d.warning(row.cell.clone(), tax.advise(&row.name).message(tax, &row.name));
            }
        }
    }
    if review.is_none() {
        d.warning(Location::file(&shown), NOT_IN_A_REVIEW);
    }
}
