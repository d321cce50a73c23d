//! The command line (SPEC §6): the top-level parser and what every subcommand shares. Each subcommand is one
//! file here with its arguments, its help text and its `run`; they never reach into one another.

pub mod completions;
pub mod explain;
pub mod init;
pub mod review;
pub mod status;
pub mod template;
pub mod validate;

use clap::{Parser, Subcommand};
use csa_review::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

const AFTER_HELP: &str = "Examples:
  csa-review review                         run the bundled Kent 2018-19 review
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
    }
}

/// The review folder a command works on (SPEC §6): the one given, else the bundled sample.
pub fn review_dir(given: Option<PathBuf>) -> Result<PathBuf> {
    Ok(given.unwrap_or_else(sample_dir))
}

/// The bundled sample: in the current folder when run from the repository, else beside the sources.
fn sample_dir() -> PathBuf {
    let here = PathBuf::from(csa_review::SAMPLE);
    if here.join(csa_review::config::REVIEW_FILE).is_file() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(csa_review::SAMPLE)
    }
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
