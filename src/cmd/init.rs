//! `csa-review init`: a new review folder with review.toml, the templates and an empty submissions folder.

use csa_review::config::{REVIEW_FILE, Scheme, output_stem, plan_year};
use csa_review::error::{Error, Result};
use csa_review::report::{self, template::TemplateSource};
use csa_review::taxonomy::Taxonomy;
use std::path::{Path, PathBuf};

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
    /// The built-in taxonomy to count in (copied into the folder as taxonomy.toml to read).
    #[arg(long, default_value = csa_review::taxonomy::DEFAULT, value_parser = builtin_taxonomies())]
    taxonomy: String,
}

fn builtin_taxonomies() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(csa_review::taxonomy::BUILTIN.map(|(name, _)| name))
}

/// The plan year before `year` (YYYY-YY): "2026-27" gives "2025-26".
fn year_before(year: &str) -> String {
    let first: u32 = year[..4].parse().unwrap_or(1);
    let before = first.saturating_sub(1);
    format!("{before:04}-{:02}", (before + 1) % 100)
}

/// The commented review.toml that `init` writes.
pub fn review_toml(area: &str, year: &str, taxonomy: &str) -> String {
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    format!(
        r#"# Settings of the {area} Community Safety Agreement review {year}. See docs/guide.md of csa-review.
area = {area_q}
year = {year_q}
taxonomy = {taxonomy_q}          # the issues counted: a built-in taxonomy. taxonomy.toml beside this file is a
                                   # copy of it to read; to change the issues, edit taxonomy.toml and write
                                   # taxonomy = "taxonomy.toml" here
submissions = "submissions"        # one workbook per CSP; make the form to send them once `partnerships` is filled in:
                                   # csa-review template district --review . --out district-return.xlsx
# morile = "morile.xlsx"           # fill in templates/morile.xlsx and save it here (the default name)
# horizon = "horizon.xlsx"         # fill in templates/horizon.xlsx and save it here (the default name)
# previous = "../{last}/out/{last_stem}.xlsx"   # last year's workbook, for year-on-year change

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
        taxonomy_q = q(taxonomy),
        last = year_before(year),
        last_stem = output_stem(area, &year_before(year)),
        defaults = csa_review::config::defaults::written_by_init(),
        actions = csa_review::vocab::Action::choices()
    )
}

pub fn run(args: Args) -> Result<()> {
    let dir = args.dir.as_path();
    let Some(year) = plan_year(&args.year) else {
        return Err(Error::Usage(format!(
            "--year must be written YYYY-YY, such as 2026-27 (got \"{}\")",
            args.year
        )));
    };
    let area = args.area.trim();
    if area.is_empty() {
        return Err(Error::Usage("--area must not be empty".into()));
    }
    if area.chars().any(char::is_control) {
        return Err(Error::Usage(
            "--area must be one line of text, such as Kent, without line breaks, tabs or other control characters"
                .into(),
        ));
    }
    if dir.join(REVIEW_FILE).exists() {
        return Err(Error::Usage(format!(
            "{} already holds a review (review.toml); nothing was changed",
            dir.display()
        )));
    }
    let files = files(area, &year, &args.taxonomy)?;
    for (name, _) in &files {
        if dir.join(name).exists() {
            return Err(Error::Usage(format!(
                "{} already exists; init never replaces a file, so nothing was changed",
                dir.join(name).display()
            )));
        }
    }
    write_all_or_none(dir, &files)?;
    eprint!("{}", next_steps(dir));
    Ok(())
}

/// What `init` says when it has made the folder: what to do next, in order. The district return is made
/// after the partnerships are filled in, so that its drop-down offers their names.
pub fn next_steps(dir: &Path) -> String {
    let d = dir.display();
    // In the command to copy, a folder with spaces is quoted.
    let quoted = |p: &Path| {
        let t = p.display().to_string();
        if t.chars().any(char::is_whitespace) {
            format!("\"{t}\"")
        } else {
            t
        }
    };
    let (q, out) = (quoted(dir), quoted(&dir.join("district-return.xlsx")));
    format!(
        "csa-review: made the review folder {d}. Next:
  1. In {d}/review.toml, list the partnerships (CSPs) expected to send a return
     under `partnerships`, and the priorities and themes in force under [current].
  2. Then make the return the CSPs fill in, with their names in its drop-down, and send it to them:
       csa-review template district --review {q} --out {out}
  3. Save their returns in {d}/submissions/. Fill in templates/morile.xlsx and templates/horizon.xlsx
     and save them in the review folder as morile.xlsx and horizon.xlsx.
  4. See who has sent a usable return: csa-review status {q}
"
    )
}

/// Every file `init` writes, by its path in the new folder.
fn files(area: &str, year: &str, taxonomy: &str) -> Result<Vec<(String, Vec<u8>)>> {
    let (t, s) = (
        Taxonomy::builtin(taxonomy).unwrap_or_else(Taxonomy::standard),
        Scheme::builtin(),
    );
    let copy = csa_review::taxonomy::builtin_text(taxonomy).unwrap_or_default();
    let src = TemplateSource {
        area,
        year,
        partnerships: &[],
        taxonomy: &t,
        scheme: &s,
    };
    Ok(vec![
        (
            "templates/district.xlsx".into(),
            super::made(report::template::district(&src))?,
        ),
        (
            "templates/morile.xlsx".into(),
            super::made(report::template::morile(&src))?,
        ),
        (
            "templates/horizon.xlsx".into(),
            super::made(report::template::horizon(&src))?,
        ),
        (REVIEW_FILE.into(), review_toml(area, year, taxonomy).into_bytes()),
        (csa_review::taxonomy::FOLDER_FILE.into(), copy.as_bytes().to_vec()),
    ])
}

/// Write the files into a folder staged beside `dir`, then move them in: a failure leaves nothing behind,
/// and an existing file is never replaced.
fn write_all_or_none(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Folders made here for the parent are taken away again if init fails.
    let made_parent = parent
        .ancestors()
        .take_while(|a| !a.exists())
        .last()
        .map(Path::to_path_buf);
    let result = std::fs::create_dir_all(&parent)
        .map_err(|e| Error::io(&parent, e))
        .and_then(|_| write_beside(dir, &parent, files));
    if let (Err(_), Some(made)) = (&result, made_parent) {
        let _ = std::fs::remove_dir_all(made);
    }
    result
}

fn write_beside(dir: &Path, parent: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    // Made with create_dir (not a private temporary folder) so the new folder gets the usual permissions.
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stage = Stage(parent.join(format!(".{name}.csa-review-init-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&stage.0); // one left by a killed run
    std::fs::create_dir(&stage.0).map_err(|e| Error::io(dir, e))?;
    std::fs::create_dir_all(stage.0.as_path().join("submissions")).map_err(|e| Error::io(dir, e))?;
    for (name, bytes) in files {
        let path = stage.0.as_path().join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(dir.join(name), e))?;
    }
    if !dir.exists() {
        // The whole folder at once.
        return std::fs::rename(stage.0.as_path(), dir).map_err(|e| Error::io(dir, e));
    }
    // Into a folder that is already there: file by file, taking them back out if one cannot be moved.
    let mut moved: Vec<PathBuf> = Vec::new();
    let mut made_dirs: Vec<PathBuf> = Vec::new();
    let mut wanted: Vec<&str> = vec!["submissions"];
    wanted.extend(files.iter().map(|(n, _)| n.as_str()));
    for name in wanted {
        let (from, to) = (stage.0.as_path().join(name), dir.join(name));
        let result = if from.is_dir() {
            if to.is_dir() {
                Ok(())
            } else {
                std::fs::create_dir_all(&to).map(|_| made_dirs.push(to.clone()))
            }
        } else {
            let folder = to.parent().map(Path::to_path_buf).unwrap_or_default();
            let made = !folder.exists();
            std::fs::create_dir_all(&folder)
                .map(|_| {
                    if made {
                        made_dirs.push(folder.clone())
                    }
                })
                .and_then(|_| {
                    if to.exists() {
                        Err(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "already exists"))
                    } else {
                        std::fs::rename(&from, &to).map(|_| moved.push(to.clone()))
                    }
                })
        };
        if let Err(e) = result {
            for path in moved.iter().rev() {
                let _ = std::fs::remove_file(path);
            }
            for folder in made_dirs.iter().rev() {
                let _ = std::fs::remove_dir(folder);
            }
            return Err(Error::io(&to, e));
        }
    }
    Ok(())
}

/// The staging folder, removed however `init` ends.
struct Stage(PathBuf);

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
