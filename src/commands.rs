//! What each subcommand does, from parsed arguments to output. `main.rs` only maps the result to an exit code.

use crate::cli::{Command, Format, TemplateKind};
use crate::config::{Review, Scheme};
use crate::error::{Error, Result};
use crate::report::{self, template::TemplateSource};
use crate::taxonomy::Taxonomy;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Review {
            dir,
            out,
            format,
            no_workbook,
        } => review(dir, out, format, no_workbook),
        Command::Validate { paths } => validate(&paths),
        Command::Template { kind, review, out } => template(kind, review.as_deref(), &out),
        Command::Init { dir, area, year } => init(&dir, &area, &year),
        Command::Explain { issue, dir } => explain(&issue, dir),
        Command::Status { dir, format } => status(dir, format),
        Command::Completions { shell } => completions(shell),
    }
}

fn completions(shell: crate::cli::Shell) -> Result<()> {
    use clap::CommandFactory;
    let mut cmd = crate::cli::Cli::command();
    let mut out = Vec::new();
    let shell = match shell {
        crate::cli::Shell::Bash => clap_complete::Shell::Bash,
        crate::cli::Shell::Zsh => clap_complete::Shell::Zsh,
        crate::cli::Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut cmd, "csa-review", &mut out);
    print(&String::from_utf8_lossy(&out))
}

fn status(dir: Option<PathBuf>, format: Format) -> Result<()> {
    let dir = dir.unwrap_or_else(sample_dir);
    let s = crate::status(&dir)?;
    let text = match format {
        Format::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&s).expect("the status always serialises")
        ),
        _ => report::table::status(&s),
    };
    print(&text)
}

fn explain(name: &str, dir: Option<PathBuf>) -> Result<()> {
    let dir = dir.unwrap_or_else(sample_dir);
    let a = crate::review_folder(&dir)?;
    let Some(issue) = a.review.taxonomy.find(name) else {
        return Err(Error::input(
            crate::error::Location::none(),
            format!(
                "\"{name}\" is not an issue of this review's taxonomy{}",
                a.review
                    .taxonomy
                    .closest(name)
                    .map(|n| format!("; did you mean \"{n}\"?"))
                    .unwrap_or_default()
            ),
        ));
    };
    print(&report::table::explain(&a, issue))
}

/// The bundled sample: in the current folder when run from the repository, else beside the sources.
fn sample_dir() -> PathBuf {
    let here = PathBuf::from(crate::SAMPLE);
    if here.join(crate::config::REVIEW_FILE).is_file() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::SAMPLE)
    }
}

fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is not an error of the review.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("standard output", e)),
    }
}

fn review(dir: Option<PathBuf>, out: Option<PathBuf>, format: Format, no_workbook: bool) -> Result<()> {
    let dir = dir.unwrap_or_else(sample_dir);
    let progress = std::io::IsTerminal::is_terminal(&std::io::stderr()) && format != Format::Json;
    let a = crate::review_folder_with(&dir, progress)?;
    if !no_workbook {
        let path = out.unwrap_or_else(|| a.review.default_output());
        let bytes = report::workbook::build(&a).map_err(|e| Error::io(&path, e))?;
        let mut inputs: Vec<PathBuf> = a.inputs.iter().map(|f| dir.join(&f.shown)).collect();
        inputs.extend(a.review.previous.iter().cloned());
        report::workbook::write_atomically(&path, &bytes, &inputs, std::slice::from_ref(&a.review.submissions))?;
        eprintln!("csa-review: wrote {}", path.display());
    }
    let text = match format {
        Format::Table => report::table::render(&a),
        Format::Json => report::json::render(&a),
        Format::Csv => report::csv::render(&a),
        Format::Markdown => report::markdown::render(&a),
    };
    print(&text)?;
    if !a.warnings.is_empty() && format != Format::Table {
        eprintln!(
            "csa-review: {} warning(s); see \"warnings\" in the output or the Data quality sheet",
            a.warnings.len()
        );
    }
    Ok(())
}

fn validate(paths: &[PathBuf]) -> Result<()> {
    let problems = crate::validate(paths);
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

fn template_bytes(kind: TemplateKind, src: &TemplateSource) -> Result<Vec<u8>> {
    let made = match kind {
        TemplateKind::District => report::template::district(src),
        TemplateKind::Morile => report::template::morile(src),
        TemplateKind::Horizon => report::template::horizon(src),
    };
    made.map_err(|e| Error::Usage(format!("the template could not be made: {e}")))
}

fn template(kind: TemplateKind, review_dir: Option<&Path>, out: &Path) -> Result<()> {
    let bytes = match review_dir {
        Some(dir) => {
            let r = Review::load(dir)?;
            let src = TemplateSource {
                area: &r.area,
                year: &r.year,
                partnerships: &r.partnerships,
                taxonomy: &r.taxonomy,
                scheme: &r.scheme,
            };
            let bytes = template_bytes(kind, &src)?;
            let mut inputs = vec![dir.join(crate::config::REVIEW_FILE)];
            inputs.extend(r.morile.iter().cloned());
            inputs.extend(r.horizon.iter().cloned());
            report::workbook::write_atomically(out, &bytes, &inputs, std::slice::from_ref(&r.submissions))?;
            return done(out);
        }
        None => {
            let (t, s) = (Taxonomy::standard(), Scheme::builtin());
            template_bytes(
                kind,
                &TemplateSource {
                    area: "",
                    year: "",
                    partnerships: &[],
                    taxonomy: &t,
                    scheme: &s,
                },
            )?
        }
    };
    report::workbook::write_atomically(out, &bytes, &[], &[])?;
    done(out)
}

fn done(out: &Path) -> Result<()> {
    eprintln!("csa-review: wrote {}", out.display());
    Ok(())
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

[weights]                          # of the combined score; scaled to sum to 1
local = 0.5
morile = 0.35
horizon = 0.15

[thresholds]
support = 0.6                      # share of CSPs at or above which an issue has local support

# The Working Group's decisions, added after its meeting; each overrides the tool's recommendation.
# [[decision]]
# issue = "Road Safety"
# action = "retain"                # retain, add, theme, review, watch or none
# name = "Road Safety"             # optional: the name it takes in the agreement
# reason = "Retained: led by the Road Casualty Reduction Partnership"

[leads]
# "Road Safety" = "Kent and Medway Road Casualty Reduction Partnership"
"#,
        area_q = q(area),
        year_q = q(year)
    )
}

fn init(dir: &Path, area: &str, year: &str) -> Result<()> {
    check_year(year)?;
    if area.trim().is_empty() {
        return Err(Error::Usage("--area must not be empty".into()));
    }
    if dir.join(crate::config::REVIEW_FILE).exists() {
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
    let (t, s) = (Taxonomy::standard(), Scheme::builtin());
    let src = TemplateSource {
        area,
        year,
        partnerships: &[],
        taxonomy: &t,
        scheme: &s,
    };
    let made: Vec<(&str, Vec<u8>)> = vec![
        ("district.xlsx", template_bytes(TemplateKind::District, &src)?),
        ("morile.xlsx", template_bytes(TemplateKind::Morile, &src)?),
        ("horizon.xlsx", template_bytes(TemplateKind::Horizon, &src)?),
    ];
    std::fs::create_dir_all(dir.join("submissions")).map_err(|e| Error::io(dir, e))?;
    for (name, bytes) in made {
        report::workbook::write_atomically(&templates.join(name), &bytes, &[], &[])?;
    }
    report::workbook::write_atomically(
        &dir.join(crate::config::REVIEW_FILE),
        review_toml(area, year).as_bytes(),
        &[],
        &[],
    )?;
    eprintln!(
        "csa-review: made the review folder {}: edit review.toml, send templates/district.xlsx to the CSPs and put their returns in submissions/",
        dir.display()
    );
    Ok(())
}
