//! `csa-review init`: a new review folder with review.toml, the templates and an empty submissions folder.

use csa_review::config::{REVIEW_FILE, Scheme};
use csa_review::error::{Error, Result};
use csa_review::report::{self, template::TemplateSource};
use csa_review::taxonomy::Taxonomy;
use std::path::PathBuf;

/// Start a new review folder with review.toml, the three templates and an empty submissions folder.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  csa-review init reviews/2026-27 --area Kent --year 2026-27")]
pub struct Args {
    /// The folder to create (it must not hold a review already).
    dir: PathBuf,
    /// The county or area, e.g. Kent.
    #[arg(long)]
    area: String,
    /// The plan year, YYYY-YY, e.g. 2026-27.
    #[arg(long)]
    year: String,
}

/// A plan year written YYYY-YY, the second year following the first.
pub fn check_year(year: &str) -> Result<()> {
    let ok = year.len() == 7
        && year.as_bytes()[4] == b'-'
        && year[..4]
            .parse::<u32>()
            .ok()
            .zip(year[5..].parse::<u32>().ok())
            .is_some_and(|(a, b)| (a + 1) % 100 == b);
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "the year must be written YYYY-YY, such as 2026-27 (got \"{year}\")"
        )))
    }
}

/// The commented review.toml that `init` writes.
pub fn review_toml(area: &str, year: &str) -> String {
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    format!(
        r#"# Settings of the {area} Community Safety Agreement review {year}. See docs/guide.md of csa-review.
area = {area_q}
year = {year_q}
submissions = "submissions"        # one workbook per CSP; templates/district.xlsx is the form to send them
# morile = "morile.xlsx"           # fill in templates/morile.xlsx and save it here (the default name)
# horizon = "horizon.xlsx"         # fill in templates/horizon.xlsx and save it here (the default name)
# previous = "../2025-26/out/{area}-csa-2025-26.xlsx"   # last year's workbook, for year-on-year change

# The CSPs expected to submit: their number is the denominator of Appendix A.
partnerships = []

[partnership_aliases]
# "Folkestone and Hythe" = ["Shepway"]

[current]                          # the priorities and themes in force now
priorities = [
  # {{ name = "Domestic Abuse", issue = "Domestic Abuse" }},
]
themes = [
  # {{ name = "Reduce re-offending and support victims", issue = "Reducing Offending and Reoffending" }},
]

{defaults}

# The Working Group's decisions, added after its meeting; each overrides the tool's recommendation.
# [[decision]]
# issue = "Road Safety"
# action = "retain"                # {actions}
# name = "Road Safety"             # optional: the name it takes in the agreement
# reason = "Retained: led by the Road Casualty Reduction Partnership"

[leads]
# "Road Safety" = "Kent and Medway Road Casualty Reduction Partnership"
"#,
        area_q = q(area),
        year_q = q(year),
        defaults = csa_review::config::defaults::written_by_init(),
        actions = csa_review::vocab::Action::choices()
    )
}

pub fn run(args: Args) -> Result<()> {
    let (dir, area, year) = (args.dir.as_path(), args.area.as_str(), args.year.as_str());
    check_year(year)?;
    if area.trim().is_empty() {
        return Err(Error::Usage("--area must not be empty".into()));
    }
    if dir.join(REVIEW_FILE).exists() {
        return Err(Error::Usage(format!(
            "{} already holds a review (review.toml); nothing was changed",
            dir.display()
        )));
    }
    let templates = dir.join("templates");
    for f in ["district.xlsx", "morile.xlsx", "horizon.xlsx"] {
        if templates.join(f).exists() {
            return Err(Error::Usage(format!(
                "{} already exists; nothing was changed",
                templates.join(f).display()
            )));
        }
    }
    let (t, s) = (Taxonomy::builtin(), Scheme::builtin());
    let src = TemplateSource {
        area,
        year,
        partnerships: &[],
        taxonomy: &t,
        scheme: &s,
    };
    let made: Vec<(&str, Vec<u8>)> = vec![
        ("district.xlsx", super::made(report::template::district(&src))?),
        ("morile.xlsx", super::made(report::template::morile(&src))?),
        ("horizon.xlsx", super::made(report::template::horizon(&src))?),
    ];
    std::fs::create_dir_all(dir.join("submissions")).map_err(|e| Error::io(dir, e))?;
    for (name, bytes) in made {
        report::workbook::write_atomically(&templates.join(name), &bytes, &[], &[])?;
    }
    report::workbook::write_atomically(&dir.join(REVIEW_FILE), review_toml(area, year).as_bytes(), &[], &[])?;
    eprintln!(
        "csa-review: made the review folder {}: edit review.toml, send templates/district.xlsx to the CSPs and put their returns in submissions/",
        dir.display()
    );
    Ok(())
}
