//! `review.toml` into a typed [`Review`] (SPEC §2), and the MoRiLE scoring scheme (SPEC §4.2).

use crate::error::{Diagnostics, Error, Location, Result};
use crate::taxonomy::{self, IssueId, Taxonomy, key};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The built-in MoRiLE scheme.
pub const DEFAULT_SCHEME: &str = include_str!("../templates/morile-scheme.toml");
/// The file name of a review's settings.
pub const REVIEW_FILE: &str = "review.toml";

/// Turn a TOML error into an input error naming the file and line, with a suggestion for an unknown key.
pub fn toml_error(file: &str, text: &str, err: &toml::de::Error) -> Error {
    let mut line = err.span().map(|s| line_of(text, s));
    let message = err.message().trim().to_string();
    let mut hint = String::new();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = message
            .split("expected")
            .nth(1)
            .unwrap_or("")
            .split('`')
            .skip(1)
            .step_by(2)
            .collect();
        if expected.len() > 1
            && let Some(s) = taxonomy::suggest(unknown, expected.iter().copied())
        {
            hint = format!(" (did you mean `{s}`?)");
        }
        // The span covers the whole table; point at the key's own line.
        if let (Some(span), false) = (err.span(), unknown.is_empty()) {
            let from = line_of(text, span.clone());
            let own = text.lines().enumerate().skip(from - 1).find(|(_, l)| {
                let t = l.trim_start().trim_start_matches('"');
                t.starts_with(unknown)
                    && t[unknown.len()..]
                        .trim_start_matches('"')
                        .trim_start()
                        .starts_with(['=', '.'])
            });
            if let Some((i, _)) = own {
                line = Some(i + 1);
            }
        }
    }
    let location = match line {
        Some(l) => Location::line(file, l),
        None => Location::file(file),
    };
    Error::input(location, format!("{message}{hint}"))
}

fn line_of(text: &str, span: std::ops::Range<usize>) -> usize {
    text.as_bytes()[..span.start.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

// ---------------------------------------------------------------------------------------------------------
// The file as written

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewFile {
    area: String,
    year: String,
    #[serde(default)]
    submissions: Option<String>,
    #[serde(default)]
    morile: Option<String>,
    #[serde(default)]
    horizon: Option<String>,
    #[serde(default)]
    taxonomy: Option<String>,
    #[serde(default)]
    previous: Option<String>,
    partnerships: Vec<Spanned<String>>,
    #[serde(default)]
    partnership_aliases: IndexMap<String, Vec<String>>,
    #[serde(default)]
    current: CurrentFile,
    #[serde(default)]
    weights: Weights,
    #[serde(default)]
    thresholds: Thresholds,
    #[serde(default)]
    decision: Vec<DecisionFile>,
    #[serde(default)]
    leads: IndexMap<String, String>,
    #[serde(default)]
    morile_scheme: Option<SchemeFile>,
    #[serde(default)]
    limits: Limits,
    #[serde(default)]
    names: taxonomy::names::NameTable,
    #[serde(default)]
    previous_names: taxonomy::names::NameTable,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrentFile {
    #[serde(default)]
    priorities: Vec<CurrentFileItem>,
    #[serde(default)]
    themes: Vec<CurrentFileItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrentFileItem {
    name: Spanned<String>,
    #[serde(default)]
    issue: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionFile {
    issue: Spanned<String>,
    action: Spanned<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    reason: String,
}

/// The weights of the combined score (SPEC §2, §5), as given; [`Review::weights`] holds them normalised.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub local: f64,
    pub morile: f64,
    pub horizon: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            local: 0.5,
            morile: 0.35,
            horizon: 0.15,
        }
    }
}

impl Weights {
    pub fn sum(&self) -> f64 {
        self.local + self.morile + self.horizon
    }
    /// The weights scaled to sum to 1.
    pub fn normalised(&self) -> Weights {
        let s = self.sum();
        Weights {
            local: self.local / s,
            morile: self.morile / s,
            horizon: self.horizon / s,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// The share of CSPs at or above which an issue has local support.
    pub support: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { support: 0.6 }
    }
}

/// Guards against files too big for a real review (SPEC §4; hostile input).
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// The most non-empty cells read from one sheet.
    #[serde(default = "default_max_cells")]
    pub max_cells: usize,
    /// The most bytes a workbook may inflate to.
    #[serde(default = "default_max_unpacked")]
    pub max_unpacked_bytes: u64,
}

fn default_max_cells() -> usize {
    100_000
}
fn default_max_unpacked() -> u64 {
    100 * 1024 * 1024
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_cells: default_max_cells(),
            max_unpacked_bytes: default_max_unpacked(),
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// The MoRiLE scheme

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SchemeFile {
    risk: Option<RiskFormula>,
    bands: Option<Vec<Band>>,
    harm: Option<Section>,
    likelihood: Option<Section>,
    organisational: Option<OrganisationalSection>,
    levels: Option<IndexMap<String, IndexMap<String, f64>>>,
    confidence_discount: Option<IndexMap<String, f64>>,
}

/// How harm and likelihood make the risk score.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RiskFormula {
    /// Harm × Likelihood × multiplier.
    Product,
    /// (Harm + Likelihood) × multiplier.
    Sum,
}

/// How a section's factor points are combined.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Combine {
    #[default]
    Sum,
    Max,
    Mean,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub factors: Vec<String>,
    #[serde(default)]
    pub combine: Combine,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationalSection {
    pub factors: Vec<String>,
    #[serde(default)]
    pub combine: Combine,
    pub multiplier: Multiplier,
}

/// The organisational-position multiplier at the lowest and the highest possible OP.
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Multiplier {
    pub low: f64,
    pub high: f64,
}

/// A band: scores at or above `min` take it (the last band has no minimum).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub name: String,
    #[serde(default)]
    pub min: Option<f64>,
}

/// The MoRiLE scoring scheme in force for a review.
#[derive(Debug, Clone, Serialize)]
pub struct Scheme {
    pub risk: RiskFormula,
    pub bands: Vec<Band>,
    pub harm: Section,
    pub likelihood: Section,
    pub organisational: OrganisationalSection,
    /// Factor column → (level label → points), in the order written.
    pub levels: IndexMap<String, IndexMap<String, f64>>,
    pub confidence_discount: IndexMap<String, f64>,
    /// True when any part differs from the built-in default.
    pub customised: bool,
}

impl Scheme {
    pub fn builtin() -> Scheme {
        let file: SchemeFile = toml::from_str(DEFAULT_SCHEME).expect("the built-in MoRiLE scheme is valid");
        Scheme::from_parts(file, None).expect("the built-in MoRiLE scheme is complete")
    }

    fn from_parts(base: SchemeFile, over: Option<SchemeFile>) -> std::result::Result<Scheme, String> {
        let customised = over.is_some();
        let over = over.unwrap_or_default();
        let mut levels = base.levels.unwrap_or_default();
        if let Some(l) = over.levels {
            for (column, scale) in l {
                levels.insert(column, scale);
            }
        }
        let scheme = Scheme {
            risk: over.risk.or(base.risk).unwrap_or(RiskFormula::Product),
            bands: over.bands.or(base.bands).unwrap_or_default(),
            harm: over.harm.or(base.harm).ok_or("no [harm] section")?,
            likelihood: over.likelihood.or(base.likelihood).ok_or("no [likelihood] section")?,
            organisational: over
                .organisational
                .or(base.organisational)
                .ok_or("no [organisational] section")?,
            levels,
            confidence_discount: over
                .confidence_discount
                .or(base.confidence_discount)
                .unwrap_or_default(),
            customised,
        };
        scheme.check()?;
        Ok(scheme)
    }

    fn check(&self) -> std::result::Result<(), String> {
        if self.bands.is_empty() {
            return Err("bands: at least one band is needed".into());
        }
        for (i, band) in self.bands.iter().enumerate() {
            let last = i + 1 == self.bands.len();
            match (band.min, last) {
                (None, false) => {
                    return Err(format!(
                        "bands: band \"{}\" needs a `min` (only the last band has none)",
                        band.name
                    ));
                }
                (Some(m), _) if !m.is_finite() => {
                    return Err(format!("bands: the minimum of \"{}\" is not a number", band.name));
                }
                _ => {}
            }
            if i > 0
                && let (Some(prev), Some(this)) = (self.bands[i - 1].min, band.min)
                && this >= prev
            {
                return Err("bands: list them highest first, each minimum below the one before".into());
            }
        }
        for factor in self.all_factors() {
            let Some(scale) = self.levels.get(factor) else {
                return Err(format!("levels: no levels for the factor \"{factor}\""));
            };
            if scale.is_empty() {
                return Err(format!("levels: the factor \"{factor}\" has no levels"));
            }
            if scale.values().any(|p| !p.is_finite()) {
                return Err(format!("levels: a level of \"{factor}\" is not a number"));
            }
        }
        let m = self.organisational.multiplier;
        if !(m.low.is_finite() && m.high.is_finite()) || m.low < 0.0 || m.high < 0.0 {
            return Err("organisational.multiplier: low and high must be numbers of 0 or more".into());
        }
        if self.confidence_discount.values().any(|d| !d.is_finite() || *d < 0.0) {
            return Err("confidence_discount: factors must be numbers of 0 or more".into());
        }
        Ok(())
    }

    /// Every factor column, in section order.
    pub fn all_factors(&self) -> impl Iterator<Item = &String> {
        self.harm
            .factors
            .iter()
            .chain(&self.likelihood.factors)
            .chain(&self.organisational.factors)
    }

    /// The band a score falls in (scores within 1e-9 of a threshold reach it).
    pub fn band(&self, score: f64) -> &str {
        for band in &self.bands {
            match band.min {
                Some(min) if score + crate::assess::TOLERANCE * score.abs().max(1.0) >= min => return &band.name,
                Some(_) => continue,
                None => return &band.name,
            }
        }
        &self.bands[self.bands.len() - 1].name
    }
}

// ---------------------------------------------------------------------------------------------------------
// The typed review

/// A current priority or theme (SPEC §2 `[current]`).
#[derive(Debug, Clone, Serialize)]
pub struct CurrentItem {
    pub name: String,
    pub issue: Option<IssueId>,
}

/// The action of a recommendation or a decision (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Retain,
    Add,
    Theme,
    Review,
    Watch,
    None,
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::Retain,
        Action::Add,
        Action::Theme,
        Action::Review,
        Action::Watch,
        Action::None,
    ];
    pub fn as_str(&self) -> &'static str {
        match self {
            Action::Retain => "retain",
            Action::Add => "add",
            Action::Theme => "theme",
            Action::Review => "review",
            Action::Watch => "watch",
            Action::None => "none",
        }
    }
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| key(a.as_str()) == key(s))
    }
}

/// A recorded decision of the Working Group.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub issue: IssueId,
    pub action: Action,
    pub name: Option<String>,
    pub reason: String,
}

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
        let path = folder.join(REVIEW_FILE);
        if !folder.is_dir() {
            return Err(Error::input(
                Location::file(folder.display().to_string()),
                "no such review folder (make one with `csa-review init DIR --area NAME --year YYYY-YY`)",
            ));
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::input(
                    Location::file(path.display().to_string()),
                    "the review folder has no review.toml",
                )
            } else {
                Error::io(&path, e)
            }
        })?;
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

        if file.area.trim().is_empty() {
            d.error(Location::file(shown), "`area` is empty");
        }
        if file.year.trim().is_empty() {
            d.error(Location::file(shown), "`year` is empty");
        }

        // Partnerships and their aliases: every name and alias must be unique by key.
        let mut partnership_index: HashMap<String, usize> = HashMap::new();
        let mut partnerships = Vec::new();
        for (i, p) in file.partnerships.iter().enumerate() {
            let name = taxonomy::tidy(p.get_ref());
            let k = key(&name);
            if k.is_empty() {
                d.error(at(p.span()), "a partnership name is empty");
            } else if let Some(&j) = partnership_index.get(&k) {
                d.error(
                    at(p.span()),
                    format!(
                        "the partnership \"{name}\" is listed twice (as \"{}\" too)",
                        file.partnerships[j].get_ref().as_str()
                    ),
                );
            } else {
                partnership_index.insert(k, i);
            }
            partnerships.push(name);
        }
        if partnerships.is_empty() {
            d.error(
                Location::file(shown),
                "`partnerships` is empty: list the CSPs expected to submit",
            );
        }
        for (name, aliases) in &file.partnership_aliases {
            let Some(&i) = partnership_index.get(&key(name)) else {
                d.error(
                    Location::file(shown),
                    format!("[partnership_aliases]: \"{name}\" is not one of `partnerships`"),
                );
                continue;
            };
            for alias in aliases {
                let k = key(alias);
                match partnership_index.get(&k) {
                    Some(&j) if j != i => d.error(
                        Location::file(shown),
                        format!(
                            "[partnership_aliases]: \"{alias}\" already names \"{}\"",
                            partnerships[j]
                        ),
                    ),
                    _ if k.is_empty() => d.error(Location::file(shown), "[partnership_aliases]: an alias is empty"),
                    _ => {
                        partnership_index.insert(k, i);
                    }
                }
            }
        }

        let resolve_issue = |name: &Spanned<String>, d: &mut Diagnostics| -> Option<IssueId> {
            let found = taxonomy.by_name(name.get_ref());
            if found.is_none() {
                d.error(
                    at(name.span()),
                    format!(
                        "\"{}\" is not an issue of the taxonomy{}",
                        name.get_ref(),
                        taxonomy.hint(name.get_ref())
                    ),
                );
            }
            found
        };

        let mut priorities = Vec::new();
        for item in &file.current.priorities {
            let issue = match &item.issue {
                Some(i) => resolve_issue(i, &mut d),
                None => taxonomy.find(item.name.get_ref()).or_else(|| {
                    d.error(
                        at(item.name.span()),
                        format!("the current priority \"{}\" needs `issue = \"...\"`: its name is not an issue of the taxonomy", item.name.get_ref()),
                    );
                    None
                }),
            };
            if let Some(id) = issue
                && priorities.iter().any(|p: &CurrentItem| p.issue == Some(id))
            {
                d.error(
                    at(item.name.span()),
                    format!("two current priorities are linked to \"{}\"", taxonomy.name(id)),
                );
            }
            priorities.push(CurrentItem {
                name: taxonomy::tidy(item.name.get_ref()),
                issue,
            });
        }
        let mut themes = Vec::new();
        for item in &file.current.themes {
            let issue = item.issue.as_ref().and_then(|i| resolve_issue(i, &mut d));
            themes.push(CurrentItem {
                name: taxonomy::tidy(item.name.get_ref()),
                issue,
            });
        }

        let w = file.weights;
        let mut weights = w;
        if [w.local, w.morile, w.horizon]
            .iter()
            .any(|x| !x.is_finite() || *x < 0.0)
        {
            d.error(Location::file(shown), "[weights]: weights must be numbers of 0 or more");
        } else if w.sum() <= 0.0 {
            d.error(Location::file(shown), "[weights]: at least one weight must be above 0");
        } else {
            if (w.sum() - 1.0).abs() > 1e-9 {
                d.warning(
                    Location::file(shown),
                    format!(
                        "[weights] sum to {}, not 1; they were scaled to sum to 1",
                        round(w.sum(), 6)
                    ),
                );
            }
            weights = w.normalised();
        }
        let support = file.thresholds.support;
        if !(0.0..=1.0).contains(&support) {
            d.error(
                Location::file(shown),
                "[thresholds]: `support` must be a share between 0 and 1, such as 0.6",
            );
        }

        let mut decisions: Vec<Decision> = Vec::new();
        for dec in &file.decision {
            let issue = resolve_issue(&dec.issue, &mut d);
            let action = Action::parse(dec.action.get_ref());
            if action.is_none() {
                d.error(
                    at(dec.action.span()),
                    format!(
                        "unknown action \"{}\": use one of retain, add, theme, review, watch, none",
                        dec.action.get_ref()
                    ),
                );
            }
            if let (Some(issue), Some(action)) = (issue, action) {
                if decisions.iter().any(|x| x.issue == issue) {
                    d.error(
                        at(dec.issue.span()),
                        format!("two decisions for \"{}\"", taxonomy.name(issue)),
                    );
                }
                let name = dec.name.as_deref().map(taxonomy::tidy).filter(|n| !n.is_empty());
                decisions.push(Decision {
                    issue,
                    action,
                    name,
                    reason: taxonomy::tidy(&dec.reason),
                });
            }
        }

        let scheme = match file.morile_scheme {
            None => Scheme::builtin(),
            Some(over) => {
                let base: SchemeFile = toml::from_str(DEFAULT_SCHEME).expect("the built-in MoRiLE scheme is valid");
                Scheme::from_parts(base, Some(over))
                    .map_err(|m| Error::input(Location::file(shown), format!("[morile_scheme] {m}")))?
            }
        };

        let optional_file = |given: &Option<String>, default: &str, d: &mut Diagnostics| -> Option<PathBuf> {
            let p = folder.join(given.as_deref().unwrap_or(default));
            if given.is_none() && !p.exists() {
                d.warning(
                    Location::file(default),
                    format!("no {default} in the review folder; its scores are taken as none"),
                );
                return None;
            }
            Some(p)
        };
        let morile = optional_file(&file.morile, "morile.xlsx", &mut d);
        let horizon = optional_file(&file.horizon, "horizon.xlsx", &mut d);

        if d.has_errors() {
            return Err(Error::Input(d));
        }
        Ok(Review {
            folder: folder.to_path_buf(),
            area: taxonomy::tidy(&file.area),
            year: taxonomy::tidy(&file.year),
            submissions: folder.join(file.submissions.as_deref().unwrap_or("submissions")),
            morile,
            horizon,
            previous: file.previous.map(|p| folder.join(p)),
            partnerships,
            partnership_aliases: file.partnership_aliases,
            priorities,
            themes,
            weights_given: w,
            weights,
            thresholds: file.thresholds,
            decisions,
            leads: file.leads,
            scheme,
            limits: file.limits,
            taxonomy,
            warnings: d,
            partnership_index,
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
        self.folder
            .join("out")
            .join(format!("{}-csa-{}.xlsx", safe(&self.area), safe(&self.year)))
    }
}

/// Round to `places` decimals (for display and JSON).
pub fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Review> {
        Review::parse(Path::new("/nonexistent"), text)
    }

    const MINIMAL: &str = "area = \"Kent\"\nyear = \"2018-19\"\nmorile = \"m.xlsx\"\nhorizon = \"h.xlsx\"\npartnerships = [\"Ashford\", \"Dover\"]\n";

    #[test]
    fn an_unknown_key_names_the_key_the_line_and_a_suggestion() {
        let err = parse(&format!("{MINIMAL}[thresholds]\nsuport = 0.5\n")).unwrap_err();
        let Error::Input(d) = err else { panic!() };
        let p = &d.problems[0];
        assert_eq!(p.location.line, Some(7));
        assert!(
            p.message.contains("suport") && p.message.contains("expected `support`"),
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
    }
}
