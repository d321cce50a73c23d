//! `csa-review status`: who has sent a usable return.

use super::print;
use clap::ValueEnum;
use csa_review::error::Result;
use csa_review::report;
use std::path::PathBuf;

/// While returns come in: one line per expected partnership (received, missing or invalid), then totals.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  csa-review status reviews/2025-26
  csa-review status reviews/2025-26 --format json

Writes nothing. Exit status 0 unless the folder itself cannot be read.")]
pub struct Args {
    /// The review folder (holding review.toml, or that file) [default: the current folder].
    dir: Option<PathBuf>,
    /// What to print on stdout.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
}

pub fn run(args: Args) -> Result<()> {
    let dir = super::review_dir(args.dir, "status")?;
    let s = csa_review::status(&dir)?;
    let text = match args.format {
        Format::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&s).expect("the status always serialises")
        ),
        Format::Table => report::table::status(&s),
    };
    print(&text)
}
