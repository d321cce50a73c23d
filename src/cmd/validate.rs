//! `csa-review validate`: check files or review folders, writing nothing.

use super::print;
use csa_review::error::{Error, Result};
use std::path::PathBuf;

/// Check submissions, MoRiLE and horizon workbooks or whole review folders, writing nothing.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  csa-review validate samples/kent-2018-19
  csa-review validate submissions/ashford.xlsx submissions/dover.ods

Every problem is listed with its file, sheet and cell. Exit status 1 when there is an error.")]
pub struct Args {
    /// Files or review folders.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    let paths: Vec<PathBuf> = args.paths.into_iter().map(super::folder_of).collect();
    let problems = csa_review::validate(&paths);
    let mut text = String::new();
    for p in &problems {
        text.push_str(&p.to_string());
        text.push('\n');
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    text.push_str(&format!(
        "{errors} error(s), {warnings} warning(s) in {} path(s)\n",
        paths.len()
    ));
    print(&text)?;
    if errors > 0 {
        Err(Error::Reported(format!("{errors} error(s) found")))
    } else {
        Ok(())
    }
}
