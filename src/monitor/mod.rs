//! `csa-review monitor` (SPEC §10): the action plan, its progress updates and its indicators through the
//! year, published as the "Action Plan & Performance Summary".
//!
//! [`plan`], [`updates`] and [`indicators`] read the workbooks; [`assess`] works out statuses, RAG ratings,
//! changes and directions without touching files; [`report`] writes the terminal summary, JSON, markdown,
//! the monitoring workbook and the HTML summary; [`template`] writes the three blank workbooks.
//!
//! ```no_run
//! let m = csa_review::monitor::load(std::path::Path::new("samples/kent-2018-19"), None).unwrap();
//! println!("reporting date {}", m.as_of);
//! ```

pub mod assess;
pub mod config;
pub mod dates;
pub mod html;
pub mod indicators;
pub mod plan;
pub mod report;
pub mod template;
pub mod updates;
pub mod workbook;

use crate::InputFile;
use crate::config::{Limits, Review};
use crate::error::{Diagnostics, Error, Location, Problem, Result};
use crate::read::{Header, Sheet, Value, Workbook};
use crate::taxonomy::names_match;
use dates::Date;
use std::path::{Path, PathBuf};

/// What `monitor` prints on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Markdown,
}

/// Where the reporting date came from (said in every output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AsOfSource {
    /// `--as-of`.
    Given,
    /// The latest update date found.
    LatestUpdate,
    /// No updates: today.
    Today,
}

impl AsOfSource {
    pub fn describe(self) -> &'static str {
        match self {
            AsOfSource::Given => "given with --as-of",
            AsOfSource::LatestUpdate => "the latest update date found",
            AsOfSource::Today => "today: no updates were found",
        }
    }
}

/// Everything `monitor` works out for a review folder.
#[derive(Debug, Clone)]
pub struct Monitoring {
    pub area: String,
    pub year: String,
    pub folder: PathBuf,
    /// The review's own default workbook, which names the monitoring one.
    review_output: PathBuf,
    pub settings: config::Settings,
    pub as_of: Date,
    pub as_of_source: AsOfSource,
    /// Which set the plan's priority names were checked against: "proposed" or "current".
    pub checked_against: &'static str,
    pub plan: plan::Plan,
    pub updates: Vec<updates::Update>,
    /// The update files read, as shown.
    pub update_files: Vec<String>,
    pub indicators: Option<indicators::Indicators>,
    pub actions: Vec<assess::ActionState>,
    pub priorities: Vec<assess::PriorityState>,
    pub indicator_states: Vec<assess::IndicatorState>,
    pub warnings: Vec<Problem>,
    pub inputs: Vec<InputFile>,
}

impl Monitoring {
    /// The default workbook: `DIR/out/<area>-csa-<year>-monitoring.xlsx`, beside the review's own.
    pub fn default_output(&self) -> PathBuf {
        let stem = self.review_output.file_stem().unwrap_or_default().to_string_lossy();
        self.review_output.with_file_name(format!("{stem}-monitoring.xlsx"))
    }
}

// ---------------------------------------------------------------------------------------------------------
// Helpers shared by the readers

/// Open a workbook, reporting a problem to `d`.
fn open(path: &Path, shown: &str, limits: Limits, d: &mut Diagnostics) -> Option<Workbook> {
    Workbook::open(path, shown, limits).map_err(|p| d.push(p)).ok()
}

/// Replace header names a plan or return may use for a column by the name SPEC §10 gives it (compared as
/// SPEC §3 compares names), in the rows where a header may be.
fn rename_headers(sheet: &mut Sheet, aliases: &[(&str, &str)]) {
    for (row, cells) in sheet.rows.iter_mut() {
        if *row >= crate::read::sheet::HEADER_SEARCH_ROWS {
            break;
        }
        for (_, v) in cells.iter_mut() {
            if let Some(t) = v.as_text()
                && let Some((_, to)) = aliases.iter().find(|(from, _)| names_match(&t, from))
            {
                *v = Value::Text((*to).to_string());
            }
        }
    }
}

/// The message for a formula error in a cell the tool needs.
fn formula_error(e: &str) -> String {
    format!("the cell holds the formula error {e}; correct the formula or type the value")
}

/// Reading the cells of one sheet by column name.
struct Cells<'a> {
    sheet: &'a Sheet,
    header: &'a Header,
}

impl<'a> Cells<'a> {
    fn new(sheet: &'a Sheet, header: &'a Header) -> Self {
        Cells { sheet, header }
    }

    fn value(&self, row: u32, name: &str) -> Value {
        self.header
            .col(name)
            .map(|c| self.sheet.get(row, c).clone())
            .unwrap_or(Value::Empty)
    }

    /// The location of a column's cell (the first column when the sheet has no such column).
    fn at(&self, row: u32, name: &str) -> Location {
        self.sheet.location(row, self.header.col(name).unwrap_or(0))
    }

    /// Whether any of the named columns holds something in this row.
    fn any(&self, row: u32) -> bool {
        self.header
            .columns
            .iter()
            .filter_map(|(_, c)| *c)
            .any(|c| !self.sheet.get(row, c).is_empty())
    }

    /// A cell as tidy text; a formula error is reported.
    fn text(&self, row: u32, name: &str, d: &mut Diagnostics) -> Option<String> {
        match self.value(row, name) {
            Value::Error(e) => {
                d.error(self.at(row, name), formula_error(&e));
                None
            }
            v => v.as_text(),
        }
    }

    /// Free text keeping its line breaks (each line tidied, blank lines between paragraphs kept once).
    fn paragraphs(&self, row: u32, name: &str, d: &mut Diagnostics) -> Option<String> {
        match self.value(row, name) {
            Value::Text(t) => {
                let mut lines: Vec<String> = Vec::new();
                for line in t.lines().map(crate::taxonomy::tidy) {
                    if !(line.is_empty() && lines.last().is_none_or(String::is_empty)) {
                        lines.push(line);
                    }
                }
                while lines.last().is_some_and(String::is_empty) {
                    lines.pop();
                }
                (!lines.is_empty()).then(|| lines.join("\n"))
            }
            _ => self.text(row, name, d),
        }
    }
}

/// A number as people write it: thousands separated by commas, up to 3 decimals.
pub fn fmt_number(x: f64) -> String {
    let s = crate::report::sections::num(x, 3);
    let (sign, rest) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A change with its sign ("+5,092", "−5,885"), to `places` decimals.
pub fn signed(x: f64, places: usize) -> String {
    let r = assess::round_half_away(x, places as u32);
    let body = fmt_number(r.abs());
    let body = if places > 0 && !body.contains('.') {
        format!("{body}.{}", "0".repeat(places))
    } else {
        body
    };
    if r > 0.0 {
        format!("+{body}")
    } else if r < 0.0 {
        format!("−{body}")
    } else {
        body
    }
}

// ---------------------------------------------------------------------------------------------------------
// Loading a folder

/// The names the plan's priorities are checked against: the review's proposed set when its inputs are in
/// the folder and it runs, else `[current]`.
fn expected_names(
    folder: &Path,
    review: &Review,
    current_only: bool,
    d: &mut Diagnostics,
) -> (Vec<String>, &'static str) {
    let current = || {
        review
            .priorities
            .iter()
            .chain(&review.themes)
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
    };
    let has_inputs = std::fs::read_dir(&review.submissions).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            e.path()
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| crate::SUBMISSION_TYPES.contains(&x.to_ascii_lowercase().as_str()))
        })
    });
    if current_only || !has_inputs {
        return (current(), "current");
    }
    match crate::review_folder(folder) {
        Ok(a) => (
            a.outcome.priorities.iter().chain(&a.outcome.themes).cloned().collect(),
            "proposed",
        ),
        Err(_) => {
            d.warning(
                Location::file(crate::config::REVIEW_FILE),
                "the review itself does not run (see `csa-review validate`), so the plan's priorities are checked against [current] instead of the proposed set",
            );
            (current(), "current")
        }
    }
}

/// Read and assess a review folder's monitoring inputs. `as_of` is the reporting date when given. The
/// plan's names are checked against the review's proposed set when its inputs are in the folder, else
/// against `[current]`.
pub fn load(folder: &Path, as_of: Option<Date>) -> Result<Monitoring> {
    load_checked(folder, as_of, false)
}

/// [`load`]; with `current_only` the plan's names are checked against `[current]` without running the
/// review (as `review` itself reads a plan through [`delivery`]).
pub fn load_checked(folder: &Path, as_of: Option<Date>, current_only: bool) -> Result<Monitoring> {
    let review = Review::load(folder)?;
    let settings = config::Settings::load(folder)?;
    let mut d = Diagnostics::default();
    let limits = review.limits;
    let shown = |p: &Path| review.shown(p);
    if !settings.plan.is_file() {
        return Err(Error::input(
            Location::file(shown(&settings.plan)),
            "there is no action plan: make one with `csa-review template plan --review DIR --out plan.xlsx`, fill it in and name it under [monitoring] plan in review.toml",
        ));
    }
    let plan = plan::read(&settings.plan, &shown(&settings.plan), limits, &mut d);
    let Some(plan) = plan else {
        return Err(Error::Input(d));
    };

    let (names, checked_against) = expected_names(folder, &review, current_only, &mut d);
    for p in &plan.priorities {
        if !plan::in_set(&p.name, &names) {
            d.warning(
                p.cell.clone(),
                format!(
                    "\"{}\" is not one of the {checked_against} priorities and themes of this review ({}); check the name",
                    p.name,
                    names.join(", ")
                ),
            );
        }
    }

    let mut update_list = Vec::new();
    let mut update_files = Vec::new();
    let mut inputs = vec![InputFile {
        shown: crate::config::REVIEW_FILE.into(),
        bytes: 0,
        sha256: String::new(),
    }];
    let (b, h) = crate::sha256_file(&folder.join(crate::config::REVIEW_FILE))?;
    inputs[0].bytes = b;
    inputs[0].sha256 = h;
    inputs.push(InputFile {
        shown: plan.file.clone(),
        bytes: plan.digest.0,
        sha256: plan.digest.1.clone(),
    });
    if settings.updates.is_dir() {
        for path in updates::files(&settings.updates, &shown, &mut d) {
            let s = shown(&path);
            if let Some((mut list, digest)) = updates::read(&path, &s, &plan, limits, &mut d) {
                update_list.append(&mut list);
                inputs.push(InputFile {
                    shown: s.clone(),
                    bytes: digest.0,
                    sha256: digest.1,
                });
                update_files.push(s);
            }
        }
    } else if settings.updates_named {
        d.error(
            Location::file(shown(&settings.updates)),
            "the updates folder named under [monitoring] does not exist",
        );
    } else {
        d.warning(
            Location::file(shown(&settings.updates)),
            "no updates folder: every action reads as \"No update\"",
        );
    }
    updates::check_conflicts(&update_list, &plan, &mut d);

    let indicators = if settings.indicators.is_file() {
        let s = shown(&settings.indicators);
        let read = indicators::read(&settings.indicators, &s, limits, &mut d);
        if let Some(i) = &read {
            inputs.push(InputFile {
                shown: s,
                bytes: i.digest.0,
                sha256: i.digest.1.clone(),
            });
        }
        read
    } else {
        let at = Location::file(shown(&settings.indicators));
        if settings.indicators_named {
            d.error(at, "the indicators workbook named under [monitoring] does not exist");
        } else {
            d.warning(at, "no indicators workbook: no indicators are shown");
        }
        None
    };
    if d.has_errors() {
        return Err(Error::Input(d));
    }

    let (as_of, as_of_source) = match as_of {
        Some(date) => (date, AsOfSource::Given),
        None => match update_list.iter().map(|u| u.date).max() {
            Some(date) => (date, AsOfSource::LatestUpdate),
            None => (Date::today(), AsOfSource::Today),
        },
    };
    let rules = assess::Rules {
        as_of,
        stale_days: settings.stale_days,
        stable_band: settings.stable_band,
    };
    for u in update_list.iter().filter(|u| u.date > as_of) {
        d.warning(
            u.cell.clone(),
            format!(
                "this update of {} is dated {}, after the reporting date {as_of}; it is not counted",
                plan.actions[u.action].reference, u.date
            ),
        );
    }
    let actions = assess::actions(&plan, &update_list, rules);
    let indicator_states = indicators
        .as_ref()
        .map(|i| assess::indicators(i, &plan, rules, &mut d))
        .unwrap_or_default();
    let priorities = assess::priorities(&plan, &actions, &indicator_states);
    Ok(Monitoring {
        area: review.area.clone(),
        year: review.year.clone(),
        folder: folder.to_path_buf(),
        review_output: review.default_output(),
        settings,
        as_of,
        as_of_source,
        checked_against,
        plan,
        updates: update_list,
        update_files,
        indicators,
        actions,
        priorities,
        indicator_states,
        warnings: d.sorted(),
        inputs,
    })
}

/// Parse `--as-of`: an ISO date or a date as written in the UK (31/03/2019).
pub fn parse_as_of(text: &str) -> Result<Date> {
    Date::parse(text).ok_or_else(|| {
        Error::Usage(format!(
            "--as-of \"{text}\" is not a date; write it as 2019-03-31 or 31/03/2019"
        ))
    })
}

/// Run `csa-review monitor`: print the summary in the format asked for, and write the workbook (to `out`,
/// else `DIR/out/<area>-csa-<year>-monitoring.xlsx`) and beside it the HTML summary. Returns the text to
/// print and the two files written.
pub fn run(dir: &Path, as_of: Option<&str>, out: Option<PathBuf>, format: Format) -> Result<(String, [PathBuf; 2])> {
    let as_of = as_of.map(parse_as_of).transpose()?;
    let m = load(dir, as_of)?;
    let path = out.unwrap_or_else(|| m.default_output());
    let html_path = path.with_extension("html");
    if html_path == path {
        return Err(Error::Usage(format!(
            "--out {} would be both the workbook and the report; give the workbook's name, ending .xlsx",
            path.display()
        )));
    }
    let bytes = workbook::build(&m).map_err(|e| Error::io(&path, e))?;
    let html = html::render(&m);
    let mut inputs: Vec<PathBuf> = m.inputs.iter().map(|f| dir.join(&f.shown)).collect();
    inputs.push(m.settings.plan.clone());
    inputs.push(m.settings.indicators.clone());
    inputs.push(m.settings.updates.clone());
    inputs.push(dir.join(crate::config::REVIEW_FILE));
    if let Ok(r) = crate::config::Review::load(dir) {
        inputs.push(r.submissions.clone());
        inputs.extend(r.morile.iter().cloned());
        inputs.extend(r.horizon.iter().cloned());
        inputs.extend(r.previous.iter().cloned());
    }
    // Both files are checked before either is written, so an error leaves neither behind.
    let path = crate::io::resolve_output(&path, &inputs)?;
    let html_path = crate::io::resolve_output(&html_path, &inputs)?;
    crate::io::write_atomically(&path, crate::io::Replace::Allowed, |w| w.write_all(&bytes))?;
    crate::io::write_atomically(&html_path, crate::io::Replace::Allowed, |w| {
        w.write_all(html.as_bytes())
    })?;
    let text = match format {
        Format::Table => report::table(&m),
        Format::Json => report::json(&m),
        Format::Markdown => report::markdown(&m),
    };
    Ok((text, [path, html_path]))
}

/// How one current priority's plan is going, for `review` (SPEC §10.5, last point).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Delivery {
    /// The current priority's name (review.toml).
    pub priority: String,
    /// Its issue in the taxonomy, when review.toml gives one.
    pub issue: Option<crate::taxonomy::IssueId>,
    /// The plan priority it was matched with (by name), if any.
    pub plan_priority: Option<String>,
    pub actions_total: usize,
    pub actions_complete: usize,
    pub overdue: usize,
    pub indicators_improving: usize,
    pub indicators_worsening: usize,
}

/// The plan's delivery per current priority, with the plan it was read from and its reporting date.
#[derive(Debug, Clone)]
pub struct PlanDelivery {
    /// The plan workbook, as shown ("plan.xlsx", "../kent-2017-18/plan.xlsx").
    pub plan: String,
    pub as_of: Date,
    pub as_of_source: AsOfSource,
    /// One entry per current priority, in review.toml's order.
    pub priorities: Vec<Delivery>,
    /// The plan, update and indicator workbooks read, for the review's provenance (review.toml left out).
    pub inputs: Vec<InputFile>,
}

/// Per current priority of the review: actions complete of total, overdue, indicators improving and
/// worsening. `Ok(None)` when review.toml has no `[monitoring]`; errors in the monitoring inputs are errors.
pub fn delivery(review_dir: &Path) -> Result<Option<Vec<Delivery>>> {
    let review = Review::load(review_dir)?;
    Ok(plan_delivery(review_dir, &review.priorities)?.map(|p| p.priorities))
}

/// [`delivery`] for the given current priorities (a review may take them from last year's workbook), with
/// the plan's name and reporting date.
pub fn plan_delivery(review_dir: &Path, current: &[crate::config::CurrentItem]) -> Result<Option<PlanDelivery>> {
    let settings = config::Settings::load(review_dir)?;
    if !settings.given {
        return Ok(None);
    }
    // Read against the review's own current set, without running the review (which may be calling this).
    let m = load_checked(review_dir, None, true)?;
    let priorities = current
        .iter()
        .map(|cur| {
            let found = m.plan.priorities.iter().position(|p| names_match(&p.name, &cur.name));
            let s = found.map(|i| &m.priorities[i]);
            Delivery {
                priority: cur.name.clone(),
                issue: cur.issue,
                plan_priority: found.map(|i| m.plan.priorities[i].name.clone()),
                actions_total: s.map_or(0, |s| s.total),
                actions_complete: s.map_or(0, |s| s.count(assess::Rag::Complete)),
                overdue: s.map_or(0, |s| s.overdue.len()),
                indicators_improving: s.map_or(0, |s| s.improving),
                indicators_worsening: s.map_or(0, |s| s.worsening),
            }
        })
        .collect();
    Ok(Some(PlanDelivery {
        plan: m.plan.file.clone(),
        as_of: m.as_of,
        as_of_source: m.as_of_source,
        priorities,
        inputs: m
            .inputs
            .into_iter()
            .filter(|f| f.shown != crate::config::REVIEW_FILE)
            .collect(),
    }))
}

/// What each monitoring error says when `review` turns it into a warning.
pub const DELIVERY_NOT_SHOWN: &str = "until this is corrected, the review does not show how the action plan is going (`csa-review monitor` checks the plan)";

/// [`plan_delivery`] for `review`, against the review's current priorities: the review still runs when the
/// monitoring inputs have errors. Each error becomes a warning naming its file and cell and saying that no
/// delivery is shown, and none is.
pub fn review_delivery(review_dir: &Path, review: &Review, d: &mut Diagnostics) -> Option<PlanDelivery> {
    let err = match plan_delivery(review_dir, &review.priorities) {
        Ok(p) => return p,
        Err(e) => e,
    };
    let said = |m: &str| format!("{}; {DELIVERY_NOT_SHOWN}", m.trim_end_matches('.'));
    match err {
        Error::Input(problems) => {
            for p in problems.errors() {
                d.warning(p.location.clone(), said(&p.message));
            }
        }
        Error::Io { path, message } => d.warning(Location::file(review.shown(&path)), said(&message)),
        Error::Usage(m) | Error::Reported(m) => d.warning(Location::file(crate::config::REVIEW_FILE), said(&m)),
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_people_write_them() {
        assert_eq!(fmt_number(39756.0), "39,756");
        assert_eq!(fmt_number(-5885.0), "-5,885");
        assert_eq!(fmt_number(1234567.25), "1,234,567.25");
        assert_eq!(signed(5092.0, 0), "+5,092");
        assert_eq!(signed(-12.78, 1), "−12.8");
        assert_eq!(signed(20.0, 1), "+20.0");
    }
}
