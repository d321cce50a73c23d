//! Year-on-year movement against last year's workbook: the change in CSP count and in MoRiLE rank, and
//! whether an issue has "risen up the listing" or "dropped down the list", as the 2018 report says.

use super::appendix_a::AppendixA;
use super::morile::Morile;
use crate::read::previous::Previous;
use crate::taxonomy::IssueId;
use serde::Serialize;

/// How one issue moved since last year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Movement {
    /// CSPs identifying it last year (0 when it was not in last year's table).
    pub previous_csp_count: usize,
    pub csp_change: i64,
    /// Its place in Appendix A (competition rank by count) last year and this year; `None` when absent.
    pub previous_position: Option<usize>,
    pub position: Option<usize>,
    /// Its best MoRiLE rank last year and the change (negative = up the ranking).
    pub previous_morile_rank: Option<usize>,
    pub morile_rank_change: Option<i64>,
    /// "risen up the listing", "dropped down the list", "no change" or "new to the listing".
    pub movement: &'static str,
}

/// Competition positions by count, for a list already in printed order.
fn positions(counts: &[(IssueId, usize)]) -> Vec<(IssueId, usize)> {
    let mut out = Vec::new();
    for (i, (issue, n)) in counts.iter().enumerate() {
        let pos = if i > 0 && counts[i - 1].1 == *n {
            out.last().map_or(1, |x: &(IssueId, usize)| x.1)
        } else {
            i + 1
        };
        out.push((*issue, pos));
    }
    out
}

/// The movement of every issue named this year or last.
pub fn assess(prev: &Previous, a: &AppendixA, morile: Option<&Morile>) -> Vec<(IssueId, Movement)> {
    let now: Vec<(IssueId, usize)> = a.rows.iter().map(|r| (r.issue, r.csp_count)).collect();
    let (pos_now, pos_then) = (positions(&now), positions(&prev.counts));
    let mut issues: Vec<IssueId> = now.iter().chain(&prev.counts).map(|x| x.0).collect();
    issues.sort();
    issues.dedup();
    issues
        .into_iter()
        .map(|issue| {
            let count = a.count(issue);
            let before = prev.counts.iter().find(|x| x.0 == issue).map_or(0, |x| x.1);
            let position = pos_now.iter().find(|x| x.0 == issue).map(|x| x.1);
            let previous_position = pos_then.iter().find(|x| x.0 == issue).map(|x| x.1);
            let movement = match (previous_position, position) {
                (None, Some(_)) => "new to the listing",
                (Some(_), None) => "dropped down the list",
                (Some(then), Some(now)) if now < then => "risen up the listing",
                (Some(then), Some(now)) if now > then => "dropped down the list",
                _ => "no change",
            };
            let previous_morile_rank = prev.morile_ranks.iter().find(|m| m.0 == issue).map(|m| m.1);
            let morile_now = morile.and_then(|m| m.issue_best(issue)).map(|b| b.rank);
            (
                issue,
                Movement {
                    previous_csp_count: before,
                    csp_change: count as i64 - before as i64,
                    previous_position,
                    position,
                    previous_morile_rank,
                    morile_rank_change: previous_morile_rank
                        .zip(morile_now)
                        .map(|(then, now)| now as i64 - then as i64),
                    movement,
                },
            )
        })
        .collect()
}
