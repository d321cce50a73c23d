//! The command line (SPEC §6): the top-level parser and what every subcommand shares. Each subcommand is one
//! file here with its arguments, its help text and its `run`; they never reach into one another.

pub mod completions;
pub mod explain;
pub mod init;
pub mod monitor;
pub mod review;
pub mod status;
pub mod template;
pub mod validate;

use clap::{Parser, Subcommand};
use csa_review::config::REVIEW_FILE;
use csa_review::error::{Error, Result};
use csa_review::io::Replace;
use std::io::Write;
use std::path::{Path, PathBuf};

const AFTER_HELP: &str = "Examples:
  csa-review review                         the review in the current folder (from the project's
                                            checkout: the bundled Kent 2018-19 sample)
  csa-review review reviews/2025-26 --format json
  csa-review validate reviews/2025-26/submissions/*.xlsx
  csa-review template district --review reviews/2025-26 --out district-template.xlsx
  csa-review init reviews/2026-27 --area Kent --year 2026-27
  csa-review status reviews/2026-27
  csa-review explain \"Road Safety\"

The analyst's guide, step by step: docs/guide.md.
Exit status: 0 done (warnings allowed), 1 problems in the input, 2 usage errors.";

/// The annual review of a county's community safety priorities: counts the district strategic assessments
/// (Appendix A), scores MoRiLE (Appendix B), lists the PESTELO horizon scan (Appendix C), ranks the issues,
/// recommends, compares with the priorities in force and writes a refreshed workbook.
#[derive(Debug, Parser)]
#[command(name = "csa-review", version, after_help = AFTER_HELP, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Review(review::Args),
    Validate(validate::Args),
    Template(template::Args),
    Explain(explain::Args),
    Status(status::Args),
    Completions(completions::Args),
    Init(init::Args),
    Monitor(monitor::Args),
}

pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Review(args) => review::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Template(args) => template::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Status(args) => status::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Init(args) => init::run(args),
        Command::Monitor(args) => monitor::run(args),
    }
}

/// The review folder a command works on (SPEC §6): the one given (a path to its review.toml means its
/// folder); else the current folder when it holds review.toml; else, run from the project's own checkout (as
/// `cargo run` does), the bundled sample; else a usage error saying which folder to give.
pub fn review_dir(given: Option<PathBuf>, command: &str) -> Result<PathBuf> {
    if let Some(path) = given {
        return Ok(folder_of(path));
    }
    if Path::new(REVIEW_FILE).is_file() {
        return Ok(PathBuf::from("."));
    }
    let here = std::env::current_dir().map_err(|e| Error::io("the current folder", e))?;
    if let Some(root) = here.ancestors().find(|dir| is_checkout(dir)) {
        return Ok(if root == here {
            PathBuf::from(csa_review::SAMPLE)
        } else {
            root.join(csa_review::SAMPLE)
        });
    }
    Err(Error::Usage(format!(
        "the current folder holds no review.toml: give the review folder, such as `csa-review {command} reviews/2026-27`, or run it from inside that folder (make one with `csa-review init DIR --area NAME --year YYYY-YY`)"
    )))
}

/// A path to a review.toml file means its folder.
pub fn folder_of(path: PathBuf) -> PathBuf {
    if path.is_file() && path.file_name().is_some_and(|n| n == REVIEW_FILE) {
        match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    } else {
        path
    }
}

/// Whether a folder is this project's own checkout: its Cargo.toml names the csa-review package and it holds
/// the bundled sample.
fn is_checkout(dir: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(dir.join("Cargo.toml")) else {
        return false;
    };
    let named = toml::from_str::<toml::Table>(&text).ok().is_some_and(|t| {
        t.get("package").and_then(|p| p.get("name")).and_then(|n| n.as_str()) == Some(env!("CARGO_PKG_NAME"))
    });
    named && dir.join(csa_review::SAMPLE).join(REVIEW_FILE).is_file()
}

/// Print on stdout; a closed pipe (`| head`) is not an error of the review.
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("standard output", e)),
    }
}

/// Say where a file was written.
pub fn wrote(path: &Path) {
    eprintln!("csa-review: wrote {}", path.display());
}

/// A template made, or a usage error saying it could not be.
pub fn made<E: std::fmt::Display>(made: std::result::Result<Vec<u8>, E>) -> Result<Vec<u8>> {
    made.map_err(|e| Error::Usage(format!("the template could not be made: {e}")))
}

/// Everything a review folder's next run would read, which no output may replace: review.toml, the
/// taxonomy file, the submissions folder and what is in it, the MoRiLE and horizon workbooks, last year's
/// workbook, and the action plan, its progress updates and indicators.
pub fn read_by_review(review: &csa_review::config::Review) -> Vec<PathBuf> {
    let dir = &review.folder;
    let mut paths = vec![
        dir.join(REVIEW_FILE),
        dir.join("taxonomy.toml"),
        review.submissions.clone(),
    ];
    paths.extend(review.morile.iter().cloned());
    paths.extend(review.horizon.iter().cloned());
    paths.extend(review.previous.iter().cloned());
    if !review.taxonomy.builtin {
        paths.push(dir.join(&review.taxonomy.source));
    }
    // The action plan and its progress and indicators, which `monitor` and `review` read (SPEC §10).
    if let Ok(m) = csa_review::monitor::config::Settings::load(dir) {
        paths.extend([m.plan, m.updates, m.indicators]);
    }
    paths
}

/// Write an output all or nothing (a temporary file beside it, renamed), never onto anything in
/// `protected`, however its path is spelt; with [`Replace::Never`] an existing file is left alone.
pub fn write_output(path: &Path, bytes: &[u8], protected: &[PathBuf], mode: Replace) -> Result<PathBuf> {
    let real = csa_review::io::resolve_output(path, protected)?;
    csa_review::io::write_atomically(&real, mode, |w| w.write_all(bytes))?;
    Ok(real)
}
