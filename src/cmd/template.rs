//! `csa-review template`: a blank template with drop-down lists and instructions.

use clap::ValueEnum;
use csa_review::config::{REVIEW_FILE, Review, Scheme};
use csa_review::error::Result;
use csa_review::report::{self, template::TemplateSource};
use csa_review::taxonomy::Taxonomy;
use std::path::{Path, PathBuf};

/// Write a blank template with drop-down lists and instructions.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  csa-review template district --review samples/kent-2018-19 --out district.xlsx
  csa-review template morile --out morile.xlsx")]
pub struct Args {
    #[arg(value_enum)]
    kind: Kind,
    /// Take the partnerships, taxonomy and scoring scheme from this review folder.
    #[arg(long, value_name = "DIR")]
    review: Option<PathBuf>,
    /// The template file to write (.xlsx).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Kind {
    /// The strategic-assessment return each CSP fills in
    District,
    /// The MoRiLE scoring sheet
    Morile,
    /// The PESTELO horizon-scan sheet
    Horizon,
}

fn bytes(kind: Kind, src: &TemplateSource) -> Result<Vec<u8>> {
    super::made(match kind {
        Kind::District => report::template::district(src),
        Kind::Morile => report::template::morile(src),
        Kind::Horizon => report::template::horizon(src),
    })
}

pub fn run(args: Args) -> Result<()> {
    let out = &args.out;
    match args.review.map(super::folder_of).as_deref() {
        Some(dir) => write_for_review(args.kind, dir, out)?,
        None => {
            let (t, s) = (Taxonomy::builtin(), Scheme::builtin());
            let src = TemplateSource {
                area: "",
                year: "",
                partnerships: &[],
                taxonomy: &t,
                scheme: &s,
            };
            report::workbook::write_atomically(out, &bytes(args.kind, &src)?, &[], &[])?;
        }
    }
    super::wrote(out);
    Ok(())
}

/// A template for one review's partnerships, taxonomy and scheme; never over one of its inputs.
fn write_for_review(kind: Kind, dir: &Path, out: &Path) -> Result<()> {
    let r = Review::load(dir)?;
    let src = TemplateSource {
        area: &r.area,
        year: &r.year,
        partnerships: &r.partnerships,
        taxonomy: &r.taxonomy,
        scheme: &r.scheme,
    };
    let made = bytes(kind, &src)?;
    let mut inputs = vec![dir.join(REVIEW_FILE)];
    inputs.extend(r.morile.iter().cloned());
    inputs.extend(r.horizon.iter().cloned());
    report::workbook::write_atomically(out, &made, &inputs, std::slice::from_ref(&r.submissions))
}
