//! Progress updates, `updates/*.xlsx|xlsm|xls|ods` (SPEC §10.2): sheet `Progress`, one row per update.

use super::dates::{self, Date};
use super::plan::Plan;
use super::{Cells, open};
use crate::config::Limits;
use crate::error::{Diagnostics, Location};
use crate::schema::progress::{ALIASES, DATE, OPTIONAL, REF, REQUIRED, SHEET, STATUS, UPDATE, UPDATED_BY};
use crate::taxonomy::key;
use std::path::{Path, PathBuf};

/// An action's status as a lead reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Status {
    #[serde(rename = "Not started")]
    NotStarted,
    #[serde(rename = "On track")]
    OnTrack,
    #[serde(rename = "At risk")]
    AtRisk,
    #[serde(rename = "Off track")]
    OffTrack,
    Complete,
}

impl Status {
    /// Every status, in the order of the drop-down lists.
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::Complete,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::OnTrack => "On track",
            Status::AtRisk => "At risk",
            Status::OffTrack => "Off track",
            Status::Complete => "Complete",
        }
    }

    /// A status as written: the names above and their common variants, compared as SPEC §3 compares names.
    pub fn parse(text: &str) -> Option<Status> {
        let k = key(crate::taxonomy::without_trailing_parenthetical(text).unwrap_or(text));
        Some(match k.as_str() {
            "notstarted" | "notyetstarted" | "notbegun" => Status::NotStarted,
            "ontrack" | "ontarget" | "inprogress" | "green" => Status::OnTrack,
            "atrisk" | "amber" => Status::AtRisk,
            "offtrack" | "red" | "delayed" => Status::OffTrack,
            "complete" | "completed" | "done" | "achieved" => Status::Complete,
            _ => return None,
        })
    }
}

/// One update of one action.
#[derive(Debug, Clone)]
pub struct Update {
    /// The index of its action in the plan.
    pub action: usize,
    pub status: Status,
    pub text: Option<String>,
    pub by: Option<String>,
    pub date: Date,
    /// The file, sheet and cell of its `Status`.
    pub cell: Location,
}

/// The update workbooks of a folder, sorted by name; other files are skipped with a warning.
pub fn files(dir: &Path, shown: &dyn Fn(&Path) -> String, d: &mut Diagnostics) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    crate::intake::workbook_files(entries, shown, d).unwrap_or_default()
}

/// Read one progress workbook against the plan. Rows with a Ref but no status, update or date (an action
/// listed in a template and not reported on) are skipped.
pub fn read(
    path: &Path,
    shown: &str,
    plan: &Plan,
    limits: Limits,
    d: &mut Diagnostics,
) -> Option<(Vec<Update>, (u64, String))> {
    let mut wb = open(path, shown, limits, d)?;
    let mut sheet = wb.sheet(SHEET).map_err(|p| d.push(p)).ok()?;
    super::rename_headers(&mut sheet, ALIASES);
    let h = sheet.header(&REQUIRED, &OPTIONAL).map_err(|p| d.push(p)).ok()?;
    let c = Cells::new(&sheet, &h);
    let refs: Vec<&str> = plan.actions.iter().map(|a| a.reference.as_str()).collect();
    let mut out = Vec::new();
    for row in sheet.rows_below(&h) {
        let status_cell = c.value(row, STATUS);
        let date_cell = c.value(row, DATE);
        let text = c.paragraphs(row, UPDATE, d);
        let reference = c.text(row, REF, d);
        if status_cell.is_empty() && date_cell.is_empty() && text.is_none() {
            continue;
        }
        let Some(reference) = reference else {
            d.error(
                c.at(row, REF),
                "this update has no Ref; give the reference of the action it is about (such as 1.1a)",
            );
            continue;
        };
        let action = plan.action(&reference);
        if action.is_none() {
            let nearest = refs
                .iter()
                .map(|r| (strsim::jaro_winkler(&reference.to_lowercase(), &r.to_lowercase()), *r))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, r)| r);
            d.error(
                c.at(row, REF),
                format!(
                    "\"{reference}\" is not the reference of an action in the plan ({}){}",
                    plan.file,
                    nearest.map(|n| format!("; the nearest is \"{n}\"")).unwrap_or_default()
                ),
            );
        }
        let status = match &status_cell {
            crate::read::Value::Error(e) => {
                d.error(c.at(row, STATUS), super::formula_error(e));
                None
            }
            v => match v.as_text() {
                None => {
                    d.error(
                        c.at(row, STATUS),
                        "the Status is empty; use Not started, On track, At risk, Off track or Complete",
                    );
                    None
                }
                Some(t) => Status::parse(&t).or_else(|| {
                    d.error(
                        c.at(row, STATUS),
                        format!("unknown status \"{t}\"; use Not started, On track, At risk, Off track or Complete"),
                    );
                    None
                }),
            },
        };
        let date = match &date_cell {
            crate::read::Value::Error(e) => {
                d.error(c.at(row, DATE), super::formula_error(e));
                None
            }
            v => dates::update_date(v).or_else(|| {
                d.error(
                    c.at(row, DATE),
                    format!(
                        "the Date is {}, not a date; give the date of the update, such as 31/03/2019",
                        v.describe()
                    ),
                );
                None
            }),
        };
        if let (Some(action), Some(status), Some(date)) = (action, status, date) {
            out.push(Update {
                action,
                status,
                text,
                by: c.text(row, UPDATED_BY, d),
                date,
                cell: c.at(row, STATUS),
            });
        }
    }
    Some((out, wb.digest.clone()))
}

/// Two updates of one action on one date with different statuses: an error naming both cells.
pub fn check_conflicts(updates: &[Update], plan: &Plan, d: &mut Diagnostics) {
    let mut first: std::collections::HashMap<(usize, Date), &Update> = std::collections::HashMap::new();
    for a in updates {
        match first.get(&(a.action, a.date)) {
            Some(b) if b.status != a.status => d.error(
                a.cell.clone(),
                format!(
                    "two updates of action {} dated {} give different statuses: \"{}\" here and \"{}\" at {}; correct one of them",
                    plan.actions[a.action].reference,
                    a.date,
                    a.status.as_str(),
                    b.status.as_str(),
                    b.cell
                ),
            ),
            Some(_) => {}
            None => {
                first.insert((a.action, a.date), a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_their_variants() {
        assert_eq!(Status::parse("On track"), Some(Status::OnTrack));
        assert_eq!(Status::parse("on-track"), Some(Status::OnTrack));
        assert_eq!(Status::parse("NOT STARTED"), Some(Status::NotStarted));
        assert_eq!(Status::parse("Completed."), Some(Status::Complete));
        assert_eq!(Status::parse("At risk (funding)"), Some(Status::AtRisk));
        assert_eq!(Status::parse("Sort of"), None);
    }
}
