//! `csa-review template`: a blank template with drop-down lists and instructions.

use clap::ValueEnum;
use csa_review::config::{REVIEW_FILE, Review, Scheme};
use csa_review::error::Result;
use csa_review::io::Replace;
use csa_review::monitor;
use csa_review::report::{self, template::TemplateSource};
use csa_review::taxonomy::Taxonomy;
use std::path::{Path, PathBuf};

/// Write a blank template with drop-down lists and instructions.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  csa-review template district --review samples/kent-2018-19 --out district.xlsx
  csa-review template morile --out morile.xlsx
  csa-review template plan --review samples/kent-2018-19 --out plan.xlsx
  csa-review template progress --review samples/kent-2018-19 --out progress.xlsx
  csa-review template progress --review samples/kent-2018-19 --lead KCST --out kcst-progress.xlsx")]
pub struct Args {
    #[arg(value_enum)]
    kind: Kind,
    /// Take the partnerships, taxonomy and scoring scheme from this review folder.
    #[arg(long, value_name = "DIR")]
    review: Option<PathBuf>,
    /// The template file to write (.xlsx); an existing file is never replaced without --force.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Replace an existing template (never a file a review reads).
    #[arg(long)]
    force: bool,
    /// For `progress`: only the actions whose lead agency names this lead (one return per lead).
    #[arg(long, value_name = "LEAD")]
    lead: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Kind {
    /// The strategic-assessment return each CSP fills in
    District,
    /// The MoRiLE scoring sheet
    Morile,
    /// The PESTELO horizon-scan sheet
    Horizon,
    /// The CSA action plan (priorities and actions), made from the review's proposed set
    Plan,
    /// A lead's progress return on the plan's actions
    Progress,
    /// The indicators watched for each priority
    Indicators,
}

fn bytes(kind: Kind, src: &TemplateSource) -> Result<Vec<u8>> {
    super::made(match kind {
        Kind::District => report::template::district(src),
        Kind::Morile => report::template::morile(src),
        Kind::Horizon => report::template::horizon(src),
        Kind::Plan | Kind::Progress | Kind::Indicators => unreachable!("written by monitor::template"),
    })
}

pub fn run(args: Args) -> Result<()> {
    let out = &args.out;
    if args.lead.is_some() && args.kind != Kind::Progress {
        return Err(csa_review::error::Error::Usage(
            "--lead is for `template progress` (one return per lead)".into(),
        ));
    }
    let monitoring = match args.kind {
        Kind::Plan => Some(monitor::template::Kind::Plan),
        Kind::Progress => Some(monitor::template::Kind::Progress),
        Kind::Indicators => Some(monitor::template::Kind::Indicators),
        _ => None,
    };
    let mode = if args.force { Replace::Allowed } else { Replace::Never };
    if let Some(kind) = monitoring {
        let dir = args.review.map(super::folder_of);
        let (made, mut protected) = monitor::template::made(kind, dir.as_deref(), args.lead.as_deref())?;
        // Never over a file a review reads: the review given, and any review whose folder it lands in.
        protected.extend(enclosing_inputs(out));
        super::write_output(out, &made, &protected, mode)?;
        super::wrote(out);
        return Ok(());
    }
    let review = match args.review.map(super::folder_of) {
        Some(dir) => Some(Review::load(&dir)?),
        None => None,
    };
    let (t, s) = (Taxonomy::standard(), Scheme::builtin());
    let src = match &review {
        Some(r) => TemplateSource {
            area: &r.area,
            year: &r.year,
            partnerships: &r.partnerships,
            taxonomy: &r.taxonomy,
            scheme: &r.scheme,
        },
        None => TemplateSource {
            area: "",
            year: "",
            partnerships: &[],
            taxonomy: &t,
            scheme: &s,
        },
    };
    let made = bytes(args.kind, &src)?;
    // Never over a file a review reads: the review given, and any review whose folder the template lands in.
    let mut protected = review.as_ref().map(super::read_by_review).unwrap_or_default();
    protected.extend(enclosing_inputs(out));
    super::write_output(out, &made, &protected, mode)?;
    super::wrote(out);
    Ok(())
}

/// What the review whose folder (or a folder inside it) a file is written into reads: from its review.toml
/// when that can be read, else the files a review folder holds by default, so that a review with mistakes
/// in its settings is protected too.
fn enclosing_inputs(out: &Path) -> Vec<PathBuf> {
    let real = csa_review::io::real_location(out);
    let Some(dir) = real.ancestors().skip(1).take(3).find(|d| d.join(REVIEW_FILE).is_file()) else {
        return Vec::new();
    };
    match Review::load(dir) {
        Ok(r) => super::read_by_review(&r),
        Err(_) => csa_review::schema::folder::ALL
            .iter()
            .map(|name| dir.join(name))
            .collect(),
    }
}
