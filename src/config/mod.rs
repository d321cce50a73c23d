//! `review.toml` into a typed [`Review`] (SPEC §2), in the order it is read: the file as written
//! ([`file`]), its defaults ([`defaults`]), the partnerships, the current priorities, themes and decisions
//! ([`current`]), and the MoRiLE scoring scheme ([`scheme`]).

mod current;
pub mod defaults;
mod file;
mod inputs;
mod partnerships;
pub mod scheme;

pub use crate::vocab::Action;
pub use current::{CurrentItem, Decision};
pub use defaults::{Limits, Thresholds, Weights};
pub use file::toml_error;
pub use scheme::{Band, Combine, DEFAULT_SCHEME, Multiplier, OrganisationalSection, RiskFormula, Scheme, Section};

use crate::error::{Diagnostics, Error, Location, Result};
use crate::taxonomy::{self, IssueId, Taxonomy, key};
use file::{ReviewFile, line_of};
use indexmap::IndexMap;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The file name of a review's settings.
pub const REVIEW_FILE: &str = crate::schema::folder::REVIEW;

/// A review folder's settings, checked and resolved against the taxonomy.
#[derive(Debug, Clone)]
pub struct Review {
    pub folder: PathBuf,
    pub area: String,
    pub year: String,
    pub submissions: PathBuf,
    pub morile: Option<PathBuf>,
    pub horizon: Option<PathBuf>,
    pub previous: Option<PathBuf>,
    pub partnerships: Vec<String>,
    pub partnership_aliases: IndexMap<String, Vec<String>>,
    pub priorities: Vec<CurrentItem>,
    pub themes: Vec<CurrentItem>,
    /// The weights as given in review.toml.
    pub weights_given: Weights,
    /// The weights normalised to sum to 1.
    pub weights: Weights,
    pub thresholds: Thresholds,
    pub decisions: Vec<Decision>,
    pub leads: IndexMap<String, String>,
    pub scheme: Scheme,
    pub limits: Limits,
    pub taxonomy: Taxonomy,
    /// Warnings found in the settings (weights normalised, a default file missing).
    pub warnings: Diagnostics,
    partnership_index: HashMap<String, usize>,
}

impl Review {
    /// Read `DIR/review.toml`, the taxonomy and the scheme.
    pub fn load(folder: &Path) -> Result<Review> {
        if !folder.is_dir() {
            return Err(Error::input(
                Location::file(folder.display().to_string()),
                "no such review folder (make one with `csa-review init DIR --area NAME --year YYYY-YY`)",
            ));
        }
        let text = file::read_text(&folder.join(REVIEW_FILE))?;
        Review::parse(folder, &text)
    }

    /// Build a review from the text of its review.toml; `folder` resolves the relative paths.
    pub fn parse(folder: &Path, text: &str) -> Result<Review> {
        let shown = REVIEW_FILE;
        let file: ReviewFile = toml::from_str(text).map_err(|e| toml_error(shown, text, &e))?;
        let mut d = Diagnostics::default();
        let at = |span: std::ops::Range<usize>| Location::line(shown, line_of(text, span));

        // The taxonomy (SPEC §2) and the analyst's [names] and [previous_names] (SPEC §3.3, §5.2).
        let mut taxonomy = Taxonomy::for_review(folder, file.taxonomy.as_deref())?;
        edited_copy_unused(folder, file.taxonomy.as_deref(), &mut d);
        taxonomy.names = taxonomy::names::read(&taxonomy, &file.names, "names", true, text, shown, &mut d);
        taxonomy.previous_names = taxonomy::names::read(
            &taxonomy,
            &file.previous_names,
            "previous_names",
            false,
            text,
            shown,
            &mut d,
        );
        if file.area.get_ref().trim().is_empty() {
            d.error(
                at(file.area.span()),
                "`area` is empty: give the county or area, such as \"Kent\"",
            );
        }
        let year = plan_year(file.year.get_ref());
        if year.is_none() {
            d.error(
                at(file.year.span()),
                format!(
                    "`year` must be written YYYY-YY, such as \"2026-27\" (it is \"{}\")",
                    file.year.get_ref()
                ),
            );
        }
        let partnerships = partnerships::resolve(&file.partnerships, &file.partnership_aliases, shown, &at, &mut d);
        let (priorities, themes) = current::resolve_current(&taxonomy, &file.current, &at, &mut d);
        let decisions = current::resolve_decisions(&taxonomy, &file.decision, (&priorities, &themes), &at, &mut d);
        let weights = defaults::check_weights(&file.weights, text, &mut d);
        defaults::check_thresholds(&file.thresholds, text, &mut d);
        let scheme = match file.morile_scheme {
            None => Scheme::builtin(),
            Some(over) => Scheme::with_override(over)
                .map_err(|m| Error::input(Location::file(shown), format!("[morile_scheme] {m}")))?,
        };
        let path = |key: &str, given: &Option<toml::Spanned<String>>, d: &mut Diagnostics| {
            given_path(folder, key, given.as_ref(), &at, d)
        };
        let submissions = path("submissions", &file.submissions, &mut d);
        let previous = path("previous", &file.previous, &mut d);
        let limits = file.limits;
        let scoring = |input: inputs::Input, given: &Option<toml::Spanned<String>>, d: &mut Diagnostics| {
            let named = path(input.key, given, d);
            let line = given.as_ref().map(|g| at(g.span()));
            if given.is_some() && named.is_none() {
                return None; // an error at its line already
            }
            inputs::find(folder, input, named.zip(line), limits, d)
        };
        let morile = scoring(inputs::MORILE, &file.morile, &mut d);
        let horizon = scoring(inputs::HORIZON, &file.horizon, &mut d);

        if d.has_errors() {
            return Err(Error::Input(d));
        }
        Ok(Review {
            folder: folder.to_path_buf(),
            area: taxonomy::tidy(file.area.get_ref()),
            year: year.unwrap_or_default(),
            submissions: submissions.unwrap_or_else(|| folder.join(crate::schema::folder::SUBMISSIONS)),
            morile,
            horizon,
            previous,
            partnerships: partnerships.names,
            partnership_aliases: file.partnership_aliases,
            priorities,
            themes,
            weights_given: file.weights,
            weights,
            thresholds: file.thresholds,
            decisions,
            leads: file.leads,
            scheme,
            limits: file.limits,
            taxonomy,
            warnings: d,
            partnership_index: partnerships.index,
        })
    }

    /// The partnership a name (or alias) refers to.
    pub fn partnership(&self, name: &str) -> Option<usize> {
        self.partnership_index.get(&key(name)).copied().or_else(|| {
            taxonomy::without_trailing_parenthetical(name).and_then(|n| self.partnership_index.get(&key(n)).copied())
        })
    }

    /// How a path is shown to the user: relative to the review folder where it is inside it.
    pub fn shown(&self, path: &Path) -> String {
        path.strip_prefix(&self.folder).unwrap_or(path).display().to_string()
    }

    /// The current priority linked to an issue.
    pub fn current_priority(&self, issue: IssueId) -> Option<&CurrentItem> {
        self.priorities.iter().find(|p| p.issue == Some(issue))
    }

    /// The current theme linked to an issue.
    pub fn current_theme(&self, issue: IssueId) -> Option<&CurrentItem> {
        self.themes.iter().find(|t| t.issue == Some(issue))
    }

    /// Who leads a priority (`[leads]`): by the name it goes by, else by its issue's name.
    pub fn lead(&self, name: &str, issue: Option<IssueId>) -> Option<&str> {
        self.leads
            .get(name)
            .or_else(|| issue.and_then(|i| self.leads.get(self.taxonomy.name(i))))
            .map(String::as_str)
    }

    pub fn decision(&self, issue: IssueId) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.issue == issue)
    }

    /// The default output workbook: `DIR/out/<area>-csa-<year>.xlsx`.
    pub fn default_output(&self) -> PathBuf {
        self.folder
            .join("out")
            .join(format!("{}.xlsx", output_stem(&self.area, &self.year)))
    }
}

/// `init` copies the built-in taxonomy it names into the folder to be read: when the analyst has changed
/// that copy but review.toml still names the built-in one, the changes would silently not count.
fn edited_copy_unused(folder: &Path, named: Option<&str>, d: &mut Diagnostics) {
    let Some(builtin) = named.and_then(taxonomy::builtin_text) else {
        return;
    };
    let copy = folder.join(taxonomy::FOLDER_FILE);
    if let Ok(bytes) = crate::io::read_input(&copy, crate::io::TEXT_FILE_LIMIT)
        && bytes != builtin.as_bytes()
    {
        d.warning(
            Location::file(taxonomy::FOLDER_FILE),
            format!(
                "taxonomy.toml differs from the built-in taxonomy \"{}\" that review.toml names, so its changes are not used: to count with it, write taxonomy = \"taxonomy.toml\" in review.toml",
                named.unwrap_or_default()
            ),
        );
    }
}

/// A path given in review.toml, relative to the folder; an empty one is an error at its line.
fn given_path(
    folder: &Path,
    key: &str,
    given: Option<&toml::Spanned<String>>,
    at: &dyn Fn(std::ops::Range<usize>) -> Location,
    d: &mut Diagnostics,
) -> Option<PathBuf> {
    let given = given?;
    if given.get_ref().trim().is_empty() {
        d.error(
            at(given.span()),
            format!("`{key}` is empty: give a file or folder name in the review folder, or remove the line"),
        );
        return None;
    }
    let path = folder.join(given.get_ref());
    if key != "submissions" && path.is_dir() {
        d.error(
            at(given.span()),
            format!(
                "`{key}` names the folder \"{}\", not a workbook: give the workbook's file name, such as \"{key}.xlsx\"",
                given.get_ref()
            ),
        );
        return None;
    }
    Some(path)
}

/// A plan year as written by a person, normalised to YYYY-YY: "2026-27", "2026/27", "2026–27" or "2026-2027"
/// give "2026-27"; anything else, or a second year that does not follow the first, gives `None`.
pub fn plan_year(written: &str) -> Option<String> {
    let t = written.trim();
    let (first, second) = t.split_once(['-', '/', '–'])?;
    let (first, second) = (first.trim(), second.trim());
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if first.len() != 4 || !all_digits(first) || !all_digits(second) {
        return None;
    }
    let a: u32 = first.parse().ok()?;
    let b: u32 = second.parse().ok()?;
    let follows = match second.len() {
        2 => (a + 1) % 100 == b,
        4 => a + 1 == b,
        _ => false,
    };
    follows.then(|| format!("{a:04}-{:02}", (a + 1) % 100))
}

/// The file name, without extension, of a review's outputs: `<area>-csa-<year>`, with anything but letters,
/// digits, `-` and `_` made `-`.
pub fn output_stem(area: &str, year: &str) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    format!("{}-csa-{}", safe(area), safe(year))
}

/// Round to `places` decimals (for display and JSON).
pub fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parse in a folder that holds the scoring workbooks MINIMAL names (empty files: parsing does not read
    /// them, but a named workbook must be there).
    fn parse(text: &str) -> Result<Review> {
        let dir = tempfile::tempdir().unwrap();
        for f in ["m.xlsx", "h.xlsx"] {
            std::fs::write(dir.path().join(f), b"").unwrap();
        }
        Review::parse(dir.path(), text)
    }

    const MINIMAL: &str = "area = \"Kent\"\nyear = \"2018-19\"\nmorile = \"m.xlsx\"\nhorizon = \"h.xlsx\"\npartnerships = [\"Ashford\", \"Dover\"]\n";

    #[test]
    fn an_unknown_key_names_the_key_the_line_and_a_suggestion() {
        let err = parse(&format!("{MINIMAL}[thresholds]\nsuport = 0.5\n")).unwrap_err();
        let Error::Input(d) = err else { panic!() };
        let p = &d.problems[0];
        assert_eq!(p.location.line, Some(7));
        assert!(
            p.message.contains("`suport` is not a setting") && p.message.contains("the settings here are `support`"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_misspelt_top_level_key_gets_a_suggestion() {
        let Err(Error::Input(d)) = parse(&format!("{MINIMAL}horizn_x = 1\nwieghts = 2\n")) else {
            panic!()
        };
        assert_eq!(d.problems[0].location.line, Some(6));
        assert!(d.problems[0].message.contains("horizn_x"), "{}", d.problems[0].message);
        let Err(Error::Input(d)) = parse(&format!("{MINIMAL}wieghts = 2\n")) else {
            panic!()
        };
        assert!(
            d.problems[0].message.contains("did you mean `weights`"),
            "{}",
            d.problems[0].message
        );
    }

    #[test]
    fn weights_that_do_not_sum_to_one_are_scaled_with_a_warning() {
        let r = parse(&format!("{MINIMAL}[weights]\nlocal = 2\nmorile = 1\nhorizon = 1\n")).unwrap();
        assert!((r.weights.local - 0.5).abs() < 1e-12 && (r.weights.morile - 0.25).abs() < 1e-12);
        assert!(r.warnings.warnings().any(|w| w.message.contains("scaled")));
    }

    #[test]
    fn negative_or_all_zero_weights_are_errors() {
        assert!(parse(&format!("{MINIMAL}[weights]\nlocal = -1\nmorile = 1\nhorizon = 1\n")).is_err());
        assert!(parse(&format!("{MINIMAL}[weights]\nlocal = 0\nmorile = 0\nhorizon = 0\n")).is_err());
    }

    #[test]
    fn a_partnership_listed_twice_is_an_error() {
        let text = MINIMAL.replace("[\"Ashford\", \"Dover\"]", "[\"Ashford\", \"ashford \"]");
        let Err(Error::Input(d)) = parse(&text) else { panic!() };
        assert!(d.problems[0].message.contains("listed twice"));
    }

    #[test]
    fn aliases_find_their_partnership() {
        let r = parse(&format!(
            "{MINIMAL}[partnership_aliases]\n\"Dover\" = [\"Dover District\"]\n"
        ))
        .unwrap();
        assert_eq!(r.partnership("dover  district"), Some(1));
        assert_eq!(r.partnership("Canterbury"), None);
    }

    #[test]
    fn the_default_band_thresholds() {
        let s = Scheme::builtin();
        assert_eq!(s.band(400.0), "High");
        assert_eq!(s.band(399.999), "Medium");
        assert_eq!(s.band(150.0), "Medium");
        assert_eq!(s.band(149.9), "Low");
        assert_eq!(s.band(0.0), "Low");
        assert_eq!(
            (s.band_position(400.0), s.band_position(399.0), s.band_position(0.0)),
            (0, 1, 2)
        );
    }
}
