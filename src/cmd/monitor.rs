//! `csa-review monitor`: follow the action plan and its indicators through the year (SPEC §10).

use clap::ValueEnum;
use csa_review::error::Result;
use csa_review::monitor;
use std::path::PathBuf;

/// Follow the action plan through the year: status and RAG per action, indicators with their direction of
/// travel; writes the monitoring workbook and the "Action Plan & Performance Summary" (HTML).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  csa-review monitor                                      the review folder you are in
  csa-review monitor samples/kent-2018-19
  csa-review monitor reviews/2025-26 --as-of 2025-12-31 --format json

Reads plan.xlsx, updates/ and indicators.xlsx (or the paths under [monitoring] in review.toml).
The reporting date is --as-of, else the latest update date, else today. See docs/monitoring.md.")]
pub struct Args {
    /// The review folder (holding review.toml, or that file) [default: the current folder].
    dir: Option<PathBuf>,
    /// The reporting date (2019-03-31 or 31/03/2019) [default: the latest update date].
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// Where to write the workbook [default: DIR/out/<area>-csa-<year>-monitoring.xlsx]; the HTML
    /// summary is written beside it.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// What to print on stdout.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Markdown,
}

pub fn run(args: Args) -> Result<()> {
    let dir = super::review_dir(args.dir, "monitor")?;
    let format = match args.format {
        Format::Table => monitor::Format::Table,
        Format::Json => monitor::Format::Json,
        Format::Markdown => monitor::Format::Markdown,
    };
    let (text, [workbook, report]) = monitor::run(&dir, args.as_of.as_deref(), args.out, format)?;
    super::print(&text)?;
    // Last, after the summary, so that it does not scroll away (as `review` does).
    eprintln!(
        "csa-review: wrote the workbook {} and the report {}",
        workbook.display(),
        report.display()
    );
    Ok(())
}
