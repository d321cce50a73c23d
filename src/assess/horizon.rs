//! Appendix C: the horizon-scan items by PESTELO category, and each issue's horizon score (SPEC §4.3).

use crate::error::Diagnostics;
use crate::read::horizon::HorizonRow;
use crate::taxonomy::{IssueId, Taxonomy};

/// One item of Appendix C, with the issues its related names roll up to.
#[derive(Debug, Clone)]
pub struct HorizonItem {
    pub row: HorizonRow,
    pub issues: Vec<IssueId>,
}

#[derive(Debug, Clone, Default)]
pub struct Horizon {
    /// By category in PESTELO order, then in the sheet's order.
    pub items: Vec<HorizonItem>,
    /// The horizon score of each issue, by taxonomy position.
    pub scores: Vec<f64>,
}

impl Horizon {
    pub fn score(&self, issue: IssueId) -> f64 {
        self.scores.get(issue).copied().unwrap_or(0.0)
    }
}

/// An issue's horizon score is the sum of the impact points of the items related to it (each item once).
pub fn assess(rows: &[HorizonRow], taxonomy: &Taxonomy, d: &mut Diagnostics) -> Horizon {
    let mut scores = vec![0.0; taxonomy.len()];
    let mut items: Vec<HorizonItem> = Vec::new();
    for row in rows {
        let mut issues: Vec<IssueId> = Vec::new();
        for name in &row.related {
            match taxonomy.find(name) {
                Some(id) if !issues.contains(&id) => issues.push(id),
                Some(_) => {}
                None => d.warning(
                    row.related_at.clone(),
                    format!(
                        "related issue \"{name}\" matches no issue of the taxonomy{}; it adds to no score",
                        taxonomy.hint(name)
                    ),
                ),
            }
        }
        for &id in &issues {
            scores[id] += f64::from(row.impact);
        }
        items.push(HorizonItem {
            row: row.clone(),
            issues,
        });
    }
    items.sort_by_key(|i| i.row.category); // stable: the sheet's order within a category
    Horizon { items, scores }
}
