//! `[current]` and `[[decision]]`: the priorities and themes in force and the Working Group's decisions,
//! resolved against the taxonomy.

use super::file::{CurrentFile, DecisionFile};
use crate::error::{Diagnostics, Location};
use crate::taxonomy::{self, IssueId, Taxonomy};
use crate::vocab::Action;
use serde::Serialize;
use toml::Spanned;

/// A current priority or theme (SPEC §2 `[current]`).
#[derive(Debug, Clone, Serialize)]
pub struct CurrentItem {
    pub name: String,
    pub issue: Option<IssueId>,
}

/// A recorded decision of the Working Group.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub issue: IssueId,
    pub action: Action,
    pub name: Option<String>,
    pub reason: String,
}

type At<'a> = &'a dyn Fn(std::ops::Range<usize>) -> Location;

/// The issue a name in review.toml refers to, or an error at its line.
fn resolve_issue(taxonomy: &Taxonomy, name: &Spanned<String>, at: At, d: &mut Diagnostics) -> Option<IssueId> {
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
}

/// The current priorities and themes.
pub(super) fn resolve_current(
    taxonomy: &Taxonomy,
    file: &CurrentFile,
    at: At,
    d: &mut Diagnostics,
) -> (Vec<CurrentItem>, Vec<CurrentItem>) {
    let mut priorities: Vec<CurrentItem> = Vec::new();
    for item in &file.priorities {
        let issue = match &item.issue {
            Some(i) => resolve_issue(taxonomy, i, at, d),
            None => taxonomy.find(item.name.get_ref()).or_else(|| {
                d.error(
                    at(item.name.span()),
                    format!(
                        "the current priority \"{}\" needs `issue = \"...\"`: its name is not an issue of the taxonomy",
                        item.name.get_ref()
                    ),
                );
                None
            }),
        };
        if let Some(id) = issue
            && priorities.iter().any(|p| p.issue == Some(id))
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
    let themes = file
        .themes
        .iter()
        .map(|item| CurrentItem {
            name: taxonomy::tidy(item.name.get_ref()),
            issue: item.issue.as_ref().and_then(|i| resolve_issue(taxonomy, i, at, d)),
        })
        .collect();
    (priorities, themes)
}

/// The Working Group's decisions: each names an issue of the taxonomy and an action.
/// A decision may name its issue by a current priority's or theme's own name ("Protecting Vulnerable People").
pub(super) fn resolve_decisions(
    taxonomy: &Taxonomy,
    written: &[DecisionFile],
    (priorities, themes): (&[CurrentItem], &[CurrentItem]),
    at: At,
    d: &mut Diagnostics,
) -> Vec<Decision> {
    let by_current_name = |name: &str| {
        priorities
            .iter()
            .chain(themes)
            .find(|c| c.issue.is_some() && taxonomy::key(&c.name) == taxonomy::key(name))
            .and_then(|c| c.issue)
    };
    let mut decisions: Vec<Decision> = Vec::new();
    for dec in written {
        let issue = match by_current_name(dec.issue.get_ref()) {
            Some(id) if taxonomy.by_name(dec.issue.get_ref()).is_none() => Some(id),
            _ => resolve_issue(taxonomy, &dec.issue, at, d),
        };
        let action = Action::parse(dec.action.get_ref());
        if action.is_none() {
            d.error(
                at(dec.action.span()),
                format!(
                    "unknown action \"{}\": use one of {}",
                    dec.action.get_ref(),
                    Action::ALL.map(|a| a.as_str()).join(", ")
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
    decisions
}
