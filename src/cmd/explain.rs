//! `csa-review explain`: everything behind one issue's place.

use super::print;
use csa_review::error::{Error, Location, Result};
use csa_review::report;
use std::path::PathBuf;

/// Explain one issue's place: the CSPs behind it, its MoRiLE and horizon items, its scores, the rule
/// that gave its recommendation, any decision and its sensitivity to the weights.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  csa-review explain \"Road Safety\"
  csa-review explain CSE reviews/2025-26          a sub-issue finds its issue")]
pub struct Args {
    /// The issue, sub-issue or alias (matched like a submission's names).
    issue: String,
    /// The review folder (holding review.toml, or that file) [default: the current folder].
    dir: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    let dir = super::review_dir(args.dir, "explain")?;
    let name = args.issue;
    let a = csa_review::review_folder(&dir)?;
    let Some(issue) = a.review.taxonomy.find(&name) else {
        return Err(Error::input(
            Location::none(),
            format!(
                "\"{name}\" is not an issue of this review's taxonomy{}",
                a.review
                    .taxonomy
                    .closest(&name)
                    .map(|n| format!("; did you mean \"{n}\"?"))
                    .unwrap_or_default()
            ),
        ));
    };
    print(&report::table::explain(&a, issue))
}
