//! The command line (SPEC §6): clap definitions and help texts.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateKind {
    /// The strategic-assessment return each CSP fills in
    District,
    /// The MoRiLE scoring sheet
    Morile,
    /// The PESTELO horizon-scan sheet
    Horizon,
    /// The CSA action plan (priorities and actions)
    Plan,
    /// A lead's progress return on the plan's actions
    Progress,
    /// The indicators watched for each priority
    Indicators,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a review: print the appendices, ranking and comparison, and write the refreshed workbook.
    #[command(after_help = "Examples:
  csa-review review                                   the bundled Kent 2018-19 sample
  csa-review review reviews/2025-26 --out csa.xlsx    a review of your own
  csa-review review --format json --no-workbook       JSON on stdout, nothing written")]
    Review {
        /// The review folder (holding review.toml); the bundled samples/kent-2018-19 when left out.
        dir: Option<PathBuf>,
        /// Where to write the workbook [default: DIR/out/<area>-csa-<year>.xlsx].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// What to print on stdout.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Print only; write no workbook.
        #[arg(long)]
        no_workbook: bool,
    },
    /// Check submissions, MoRiLE and horizon workbooks or whole review folders, writing nothing.
    #[command(after_help = "Examples:
  csa-review validate samples/kent-2018-19
  csa-review validate submissions/ashford.xlsx submissions/dover.ods

Every problem is listed with its file, sheet and cell. Exit status 1 when there is an error.")]
    Validate {
        /// Files or review folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Write a blank template with drop-down lists and instructions.
    #[command(after_help = "Examples:
  csa-review template district --review samples/kent-2018-19 --out district.xlsx
  csa-review template morile --out morile.xlsx")]
    Template {
        #[arg(value_enum)]
        kind: TemplateKind,
        /// Take the partnerships, taxonomy and scoring scheme from this review folder.
        #[arg(long, value_name = "DIR")]
        review: Option<PathBuf>,
        /// The template file to write (.xlsx).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Explain one issue's place: the CSPs behind it, its MoRiLE and horizon items, its scores, the rule
    /// that gave its recommendation, any decision and its sensitivity to the weights.
    #[command(after_help = "Examples:
  csa-review explain \"Road Safety\"
  csa-review explain CSE reviews/2025-26          a sub-issue finds its issue")]
    Explain {
        /// The issue, sub-issue or alias (matched like a submission's names).
        issue: String,
        /// The review folder; the bundled sample when left out.
        dir: Option<PathBuf>,
    },
    /// While returns come in: one line per expected partnership (received, missing or invalid), then totals.
    #[command(after_help = "Examples:
  csa-review status reviews/2025-26
  csa-review status reviews/2025-26 --format json

Writes nothing. Exit status 0 unless the folder itself cannot be read.")]
    Status {
        /// The review folder; the bundled sample when left out.
        dir: Option<PathBuf>,
        /// table or json.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Follow the action plan through the year: status and RAG per action, indicators with their direction of
    /// travel; writes the monitoring workbook and the "Action Plan & Performance Summary" (HTML).
    #[command(after_help = "Examples:
  csa-review monitor samples/kent-2018-19
  csa-review monitor reviews/2025-26 --as-of 2025-12-31 --format json

Reads plan.xlsx, updates/ and indicators.xlsx (or the paths under [monitoring] in review.toml).
The reporting date is --as-of, else the latest update date, else today. See docs/monitoring.md.")]
    Monitor {
        /// The review folder; the bundled sample when left out.
        dir: Option<PathBuf>,
        /// The reporting date (2019-03-31 or 31/03/2019) [default: the latest update date].
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Where to write the workbook [default: DIR/out/<area>-csa-<year>-monitoring.xlsx]; the HTML
        /// summary is written beside it.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// What to print on stdout.
        #[arg(long, value_enum, default_value_t = crate::monitor::Format::Table)]
        format: crate::monitor::Format,
    },
    /// Print a shell completion script.
    #[command(after_help = "Example:
  csa-review completions bash > /etc/bash_completion.d/csa-review")]
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Start a new review folder with review.toml, the three templates and an empty submissions folder.
    #[command(after_help = "Example:
  csa-review init reviews/2026-27 --area Kent --year 2026-27")]
    Init {
        /// The folder to create (it must not hold a review already).
        dir: PathBuf,
        /// The county or area, e.g. Kent.
        #[arg(long)]
        area: String,
        /// The plan year, YYYY-YY, e.g. 2026-27.
        #[arg(long)]
        year: String,
    },
}
