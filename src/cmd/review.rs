//! `csa-review review`: run a review, print it and write the refreshed workbook.

use super::print;
use clap::ValueEnum;
use csa_review::config::output_stem;
use csa_review::error::{Error, Result};
use csa_review::intake::{PROGRESS_FROM, Progress};
use csa_review::io::Replace;
use csa_review::report;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Run a review: print the appendices, ranking and comparison, and write the refreshed workbook.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  csa-review review                                   the review folder you are in
  csa-review review reviews/2025-26/review.toml       the same as naming its folder
  csa-review review reviews/2025-26 --out csa.xlsx    a review of your own
  csa-review review --format json --no-workbook       JSON on stdout, nothing written")]
pub struct Args {
    /// The review folder (holding review.toml, or that file) [default: the current folder].
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

pub fn run(args: Args) -> Result<()> {
    let dir = super::review_dir(args.dir, "review")?;
    let show_bar = std::io::IsTerminal::is_terminal(&std::io::stderr()) && args.format != Format::Json;
    let bar: OnceLock<indicatif::ProgressBar> = OnceLock::new();
    let progress = |p: Progress| match p {
        Progress::Started { files } if show_bar && files >= PROGRESS_FROM => {
            let b = bar.get_or_init(|| progress_bar(files));
            b.tick(); // drawn at once, however quickly the reading goes
        }
        Progress::Read => {
            if let Some(b) = bar.get() {
                b.inc(1);
            }
        }
        Progress::Finished => {
            if let Some(b) = bar.get() {
                b.finish_and_clear();
            }
        }
        Progress::Started { .. } => {}
    };
    let out = args.out.map(with_extension);
    let a = csa_review::review_folder_with(&dir, &progress)?;
    // Made and checked before anything is printed or written: an error leaves nothing behind.
    let outputs = if args.no_workbook {
        None
    } else {
        Some(Outputs::prepare(&a, &dir, out)?)
    };
    let text = match args.format {
        Format::Table => report::table::render(&a),
        Format::Json => report::json::render(&a),
        Format::Csv => report::csv::render(&a),
        Format::Markdown => report::markdown::render(&a),
    };
    // Printed before the files are written: output that cannot be printed (a full disk behind `>`) stops
    // the run with nothing written (SPEC §6).
    print(&text)?;
    let written = outputs.map(Outputs::write).transpose()?;
    if !a.warnings.is_empty() && args.format != Format::Table {
        eprintln!(
            "csa-review: {} warning(s); see \"warnings\" in the output or the Data quality sheet",
            a.warnings.len()
        );
    }
    if a.review.priorities.is_empty() {
        eprintln!("csa-review: warning: {}", csa_review::review::NO_CURRENT_PRIORITIES);
    }
    if a.morile.is_none() {
        eprintln!("csa-review: warning: {}", csa_review::review::NO_MORILE);
    }
    // Last, after the tables, so that it does not scroll away (SPEC §6): the table's own last line; beside
    // JSON, CSV or markdown, which are documents, it goes to the diagnostics.
    if let Some((workbook, html)) = written {
        let line = format!(
            "csa-review: wrote the workbook {} and the report {}",
            workbook.display(),
            html.display()
        );
        if args.format == Format::Table {
            print(&format!("{line}\n"))?;
        } else {
            eprintln!("{line}");
        }
    }
    Ok(())
}

/// The workbook and the report beside it, made and their places checked, not yet written.
struct Outputs {
    workbook: PathBuf,
    workbook_at: PathBuf,
    bytes: Vec<u8>,
    shortened: Vec<csa_review::error::Problem>,
    html: PathBuf,
    html_at: PathBuf,
    page: String,
    protected: Vec<PathBuf>,
}

impl Outputs {
    fn prepare(a: &csa_review::Assessment, dir: &Path, out: Option<PathBuf>) -> Result<Outputs> {
        let workbook = out.unwrap_or_else(|| a.review.default_output());
        // The report for the Working Group goes beside the workbook (SPEC §8.2), whatever --out calls it.
        let html = workbook
            .parent()
            .unwrap_or(Path::new(""))
            .join(format!("{}.html", output_stem(&a.review.area, &a.review.year)));
        // The submissions folder is protected whole (read_by_review), so the files in it need not be
        // resolved one by one (a thousand returns cost a thousand path resolutions each time otherwise);
        // they are still compared by device and inode with an output that exists (a second hard link).
        let (submissions, mut protected): (Vec<PathBuf>, Vec<PathBuf>) = a
            .inputs
            .iter()
            .map(|f| dir.join(&f.shown))
            .partition(|p| p.starts_with(&a.review.submissions));
        protected.extend(super::read_by_review(&a.review));
        // Both places are checked before either file is written: an error leaves neither behind.
        let workbook_at = csa_review::io::resolve_output(&workbook, &protected)?;
        let html_at = csa_review::io::resolve_output(&html, &protected)?;
        refuse_a_second_link(&workbook, &workbook_at, &submissions)?;
        refuse_a_second_link(&html, &html_at, &submissions)?;
        if workbook_at == html_at {
            return Err(Error::Usage(format!(
                "--out {} would be both the workbook and the report; give the workbook a name ending .xlsx",
                workbook.display()
            )));
        }
        let (bytes, shortened) = report::workbook::build_with_warnings(a).map_err(|e| Error::io(&workbook, e))?;
        let page = report::html::render(a);
        Ok(Outputs {
            workbook,
            workbook_at,
            bytes,
            shortened,
            html,
            html_at,
            page,
            protected,
        })
    }

    /// Write both files, all or nothing each; returns the places as given, for the last line.
    fn write(self) -> Result<(PathBuf, PathBuf)> {
        super::write_output(&self.workbook_at, &self.bytes, &self.protected, Replace::Allowed)?;
        super::write_output(&self.html_at, self.page.as_bytes(), &self.protected, Replace::Allowed)?;
        for w in &self.shortened {
            eprintln!("{w}");
        }
        Ok((self.workbook, self.html))
    }
}

/// `--out report` means report.xlsx: a workbook needs its extension to open in Excel.
fn with_extension(out: PathBuf) -> PathBuf {
    // An existing path without an extension (a device such as /dev/null) is left as given.
    if out.extension().is_some() || out.exists() {
        return out;
    }
    let with = out.with_extension("xlsx");
    eprintln!(
        "csa-review: --out {} has no extension; the workbook is written as {}",
        out.display(),
        with.display()
    );
    with
}

fn progress_bar(files: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("reading submissions {bar:40} {pos}/{len} {elapsed}") {
        bar.set_style(style);
    }
    bar
}

/// Refuse an output that already exists as another name of one of `inputs` (a hard link), comparing device
/// and inode; nothing is looked at when the output does not exist yet.
fn refuse_a_second_link(out: &Path, real: &Path, inputs: &[PathBuf]) -> Result<()> {
    #[cfg(unix)]
    if let Ok(target) = std::fs::metadata(real) {
        use std::os::unix::fs::MetadataExt;
        for input in inputs {
            if std::fs::metadata(input).is_ok_and(|m| m.dev() == target.dev() && m.ino() == target.ino()) {
                return Err(Error::Usage(format!(
                    "refusing to write {}: it is the same file as the input {}, which the review reads; give another --out",
                    out.display(),
                    input.display()
                )));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (out, real, inputs);
    Ok(())
}
