//! The action plan, `plan.xlsx` (SPEC §10.1): sheet `Priorities` (one row per priority) and sheet
//! `Actions` (one row per action, several rows may share an objective's No.).

use super::dates::{self, Timescale};
use super::{Cells, open};
use crate::config::Limits;
use crate::error::{Diagnostics, Location};
use crate::schema::plan::{
    ACTION, ACTIONS_ALIASES, ACTIONS_OPTIONAL, ACTIONS_REQUIRED, AIM, CONTEXT, LEAD, LEAD_AGENCY, MEASURE, NO,
    OBJECTIVE, PRIORITIES_ALIASES, PRIORITIES_OPTIONAL, PRIORITIES_REQUIRED, PRIORITY, REF, SHEET_ACTIONS,
    SHEET_PRIORITIES, TIMESCALE,
};
use crate::taxonomy::{key, names_match};
use std::collections::HashMap;
use std::path::Path;

/// One priority of the plan, with what the summary prints about it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PlanPriority {
    pub name: String,
    pub lead: Option<String>,
    pub aim: Option<String>,
    pub context: Option<String>,
    #[serde(skip)]
    pub cell: Location,
}

/// One action of the plan.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Action {
    /// The reference progress updates use: `Ref`, else the No., else the No. and a letter ("1.1a").
    pub reference: String,
    /// The objective's number as written, without its `*`.
    pub no: String,
    /// A `*` after the No.: work funded by the partnership or the PCC.
    pub funded: bool,
    /// The index of its priority in [`Plan::priorities`].
    #[serde(skip)]
    pub priority: usize,
    pub objective: Option<String>,
    /// The category an objective begins with ("Supporting victims" of "Supporting victims: ...").
    pub category: Option<String>,
    pub action: String,
    pub measure: Option<String>,
    /// The `Timescale` cell as written.
    pub timescale: Option<String>,
    #[serde(skip)]
    pub due: Timescale,
    pub lead_agency: Option<String>,
    /// The No. cell, for messages.
    #[serde(skip)]
    pub cell: Location,
}

/// The action plan.
#[derive(Debug, Clone)]
pub struct Plan {
    pub file: String,
    pub digest: (u64, String),
    pub priorities: Vec<PlanPriority>,
    pub actions: Vec<Action>,
}

impl Plan {
    /// The action with a reference, compared as [`reference_key`] does.
    pub fn action(&self, reference: &str) -> Option<usize> {
        let k = reference_key(reference);
        self.actions.iter().position(|a| reference_key(&a.reference) == k)
    }
}

/// How references are compared: case, spaces and a trailing `*` ignored ("1.1A " is "1.1a"). Not the
/// name key of SPEC §3, which would make "1.11" and "11.1" the same.
pub fn reference_key(reference: &str) -> String {
    reference
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches('*')
        .to_lowercase()
}

/// Read the plan. Problems go to `d`; `None` when the file or a required sheet or column cannot be read.
pub fn read(path: &Path, shown: &str, limits: Limits, d: &mut Diagnostics) -> Option<Plan> {
    let mut wb = open(path, shown, limits, d)?;
    let mut psheet = wb.sheet(SHEET_PRIORITIES).map_err(|p| d.push(p)).ok();
    let mut asheet = wb.sheet(SHEET_ACTIONS).map_err(|p| d.push(p)).ok();
    let (psheet, asheet) = (psheet.as_mut()?, asheet.as_mut()?);
    super::rename_headers(psheet, PRIORITIES_ALIASES);
    super::rename_headers(asheet, ACTIONS_ALIASES);

    let ph = psheet
        .header(&PRIORITIES_REQUIRED, &PRIORITIES_OPTIONAL)
        .map_err(|p| d.push(p))
        .ok();
    let ah = asheet
        .header(&ACTIONS_REQUIRED, &ACTIONS_OPTIONAL)
        .map_err(|p| d.push(p))
        .ok();
    let (ph, ah) = (ph?, ah?);

    let mut priorities: Vec<PlanPriority> = Vec::new();
    let p = Cells::new(psheet, &ph);
    for row in psheet.rows_below(&ph) {
        let Some(name) = p.text(row, PRIORITY, d) else {
            if p.any(row) {
                d.error(
                    p.at(row, PRIORITY),
                    "this row has no priority name; give one or delete the row",
                );
            }
            continue;
        };
        if let Some(first) = priorities.iter().find(|x| names_match(&x.name, &name)) {
            d.error(
                p.at(row, PRIORITY),
                format!(
                    "the priority \"{name}\" is listed twice (first at {}); keep one row per priority",
                    first.cell.cell.clone().unwrap_or_default()
                ),
            );
            continue;
        }
        priorities.push(PlanPriority {
            cell: p.at(row, PRIORITY),
            name,
            lead: p.text(row, LEAD, d),
            aim: p.text(row, AIM, d),
            context: p.paragraphs(row, CONTEXT, d),
        });
    }
    if priorities.is_empty() {
        d.error(
            psheet.sheet_location(),
            "the plan lists no priorities; give one row per priority under the header",
        );
    }

    let a = Cells::new(asheet, &ah);
    struct Row {
        row: u32,
        no: String,
        given_ref: Option<String>,
    }
    let mut rows: Vec<(Row, Action)> = Vec::new();
    for row in asheet.rows_below(&ah) {
        if !a.any(row) {
            continue;
        }
        let no_text = a.text(row, NO, d);
        let priority_text = a.text(row, PRIORITY, d);
        let action_text = a.paragraphs(row, ACTION, d);
        let mut ok = true;
        for (what, v) in [(NO, &no_text), (PRIORITY, &priority_text), (ACTION, &action_text)] {
            if v.is_none() {
                d.error(
                    a.at(row, what),
                    format!("the {what} cell is empty; every action needs a No., a Priority and an Action"),
                );
                ok = false;
            }
        }
        let priority = priority_text.as_ref().and_then(|name| {
            let found = priorities.iter().position(|x| names_match(&x.name, name));
            if found.is_none() {
                let nearest = crate::taxonomy::suggest(name, priorities.iter().map(|x| x.name.as_str()));
                d.error(
                    a.at(row, PRIORITY),
                    format!(
                        "\"{name}\" is not a priority of the Priorities sheet{}; use the name as listed there",
                        nearest.map(|n| format!(" (did you mean \"{n}\"?)")).unwrap_or_default()
                    ),
                );
            }
            found
        });
        let (Some(no_text), Some(priority), Some(action_text), true) = (no_text, priority, action_text, ok) else {
            continue;
        };
        let funded = no_text.trim_end().ends_with('*');
        let no = no_text.trim().trim_end_matches('*').trim().to_string();
        let timescale_cell = a.value(row, TIMESCALE);
        let due = dates::timescale(&timescale_cell);
        if due == Timescale::Unreadable {
            d.warning(
                a.at(row, TIMESCALE),
                format!(
                    "the timescale {} is not a month and year (\"March 2019\"), a quarter (\"Q3 2018-19\"), a date, \"Ongoing\" or \"To be confirmed\"; the action has no due date",
                    timescale_cell.describe()
                ),
            );
        }
        let objective = a.paragraphs(row, OBJECTIVE, d);
        let category = objective.as_ref().and_then(|o| {
            let (head, rest) = o.split_once(':')?;
            (!rest.trim().is_empty() && head.split_whitespace().count() <= 6).then(|| head.trim().to_string())
        });
        let action = Action {
            reference: String::new(),
            no: no.clone(),
            funded,
            priority,
            objective,
            category,
            action: action_text,
            measure: a.paragraphs(row, MEASURE, d),
            timescale: timescale_cell.as_text(),
            due,
            lead_agency: a.text(row, LEAD_AGENCY, d),
            cell: a.at(row, NO),
        };
        let given_ref = a.text(row, REF, d);
        rows.push((Row { row, no, given_ref }, action));
    }

    // References: Ref when given, else the No. when used once, else the No. and a letter in row order.
    let mut uses: HashMap<String, usize> = HashMap::new();
    for (r, _) in &rows {
        *uses.entry(reference_key(&r.no)).or_default() += 1;
    }
    let mut seen_of_no: HashMap<String, usize> = HashMap::new();
    let mut taken: HashMap<String, (String, Location)> = HashMap::new();
    let mut actions = Vec::new();
    for (r, mut action) in rows {
        let k = reference_key(&r.no);
        let nth = seen_of_no.entry(k.clone()).or_default();
        let letter = letters(*nth);
        *nth += 1;
        let (reference, at) = match &r.given_ref {
            Some(given) => (given.trim().to_string(), a.at(r.row, REF)),
            None if uses[&k] == 1 => (r.no.clone(), a.at(r.row, NO)),
            None => (format!("{}{letter}", r.no), a.at(r.row, NO)),
        };
        let rk = reference_key(&reference);
        if let Some((other, first)) = taken.get(&rk) {
            d.error(
                at.clone(),
                format!(
                    "the reference \"{reference}\" is also the reference of the action at {} (\"{other}\"); references must be unique: give one of them a different Ref",
                    first.cell.clone().unwrap_or_default()
                ),
            );
            continue;
        }
        taken.insert(rk, (reference.clone(), at));
        action.reference = reference;
        actions.push(action);
    }
    if actions.is_empty() && !priorities.is_empty() {
        d.warning(
            asheet.sheet_location(),
            "the plan has no actions yet; add one row per action under the header",
        );
    }
    Some(Plan {
        file: shown.to_string(),
        digest: wb.digest.clone(),
        priorities,
        actions,
    })
}

/// The letters of the n-th action of an objective: a, b, ..., z, aa, ab, ...
fn letters(n: usize) -> String {
    let mut n = n + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'a' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Whether a plan's priority name is one of a set of names (compared as SPEC §3 compares names).
pub fn in_set(name: &str, set: &[String]) -> bool {
    set.iter().any(|s| names_match(name, s) || key(name) == key(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_ignore_case_spaces_and_the_funding_star() {
        assert_eq!(reference_key(" 1.1A "), "1.1a");
        assert_eq!(reference_key("1.3*"), "1.3");
        assert_ne!(reference_key("1.11"), reference_key("11.1"));
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
    }
}
