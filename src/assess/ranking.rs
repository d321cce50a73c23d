//! The combined ranking (SPEC §5.1), the proposed set and the comparison; the recommendation rules are in
//! [`recommend`](super::recommend).

use super::appendix_a::AppendixA;
use super::horizon::Horizon;
use super::morile::Morile;
use super::recommend::{Facts, recommend};
use super::{competition_ranks, rank_label, same_score};
use crate::config::{Action, Decision, Review, Weights};
use crate::taxonomy::IssueId;
use serde::Serialize;

pub use crate::vocab::Current;

/// The three normalised components of an issue's combined score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Components {
    pub local: f64,
    pub morile: f64,
    pub horizon: f64,
}

impl Components {
    pub fn combined(&self, w: &Weights) -> f64 {
        let w = w.normalised();
        w.local * self.local + w.morile * self.morile + w.horizon * self.horizon
    }
}

/// One issue of the ranking.
#[derive(Debug, Clone)]
pub struct Ranked {
    pub issue: IssueId,
    pub rank: usize,
    pub tied: bool,
    pub csp_count: usize,
    pub components: Components,
    pub combined: f64,
    pub current: Current,
    pub recommendation: Action,
    pub reason: String,
    /// The rule of SPEC §5 that gave the recommendation, in a few words.
    pub rule: &'static str,
    pub decision: Option<Decision>,
    /// The rank of the issue's best MoRiLE item ("12="), and its band.
    pub morile_rank: Option<String>,
    pub morile_band: Option<String>,
}

impl Ranked {
    /// The decision's action, else the recommendation.
    pub fn final_action(&self) -> Action {
        self.decision.as_ref().map_or(self.recommendation, |d| d.action)
    }
    pub fn awaiting_decision(&self) -> bool {
        self.decision.is_none() && self.recommendation == Action::Review
    }
}

impl Outcome {
    /// The name a proposed priority goes by, given its issue.
    pub fn priority_named_for(&self, issue: IssueId) -> Option<&String> {
        self.priority_issues
            .iter()
            .position(|i| *i == issue)
            .map(|k| &self.priorities[k])
    }

    /// The issue of a proposed priority, given its name.
    pub fn priority_issue(&self, name: &str) -> Option<IssueId> {
        self.priorities
            .iter()
            .position(|p| p == name)
            .map(|k| self.priority_issues[k])
    }

    /// The issue of a proposed theme, given its name.
    pub fn theme_issue(&self, name: &str) -> Option<IssueId> {
        self.themes
            .iter()
            .position(|t| t == name)
            .and_then(|k| self.theme_issues[k])
    }
}

/// The proposed priorities and themes, and how they differ from the current ones.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Outcome {
    pub priorities: Vec<String>,
    pub themes: Vec<String>,
    /// Proposed priorities still marked `review` with no decision recorded.
    pub awaiting_decision: Vec<String>,
    pub retained: Vec<String>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub themes_added: Vec<String>,
    pub themes_removed: Vec<String>,
    /// The issue of each proposed priority, in the order of `priorities`.
    #[serde(skip)]
    pub priority_issues: Vec<IssueId>,
    /// The issue (if any) of each proposed theme, in the order of `themes`.
    #[serde(skip)]
    pub theme_issues: Vec<Option<IssueId>>,
}

/// The raw inputs of the ranking for every issue of the taxonomy: CSP count, MoRiLE score (if assessed),
/// horizon score.
pub fn components(
    review: &Review,
    a: &AppendixA,
    morile: Option<&Morile>,
    horizon: &Horizon,
) -> Vec<(usize, Option<f64>, f64)> {
    (0..review.taxonomy.len())
        .map(|issue| {
            (
                a.count(issue),
                morile.and_then(|m| m.issue_best(issue)).map(|i| i.score),
                horizon.score(issue),
            )
        })
        .collect()
}

/// Normalise the raw inputs: share of CSPs, share of the highest MoRiLE and horizon scores.
pub fn normalise(expected: usize, raw: &[(usize, Option<f64>, f64)]) -> Vec<Components> {
    let top_m = raw.iter().filter_map(|r| r.1).fold(0.0, f64::max);
    let top_h = raw.iter().map(|r| r.2).fold(0.0, f64::max);
    raw.iter()
        .map(|(count, m, h)| Components {
            local: if expected > 0 {
                *count as f64 / expected as f64
            } else {
                0.0
            },
            morile: match m {
                Some(m) if top_m > 0.0 => m / top_m,
                _ => 0.0,
            },
            horizon: if top_h > 0.0 { h / top_h } else { 0.0 },
        })
        .collect()
}

/// Rank every issue that has any local, MoRiLE or horizon score (and every current priority), and
/// recommend an action for each.
pub fn rank(review: &Review, a: &AppendixA, morile: Option<&Morile>, horizon: &Horizon) -> Vec<Ranked> {
    rank_with(review, &review.weights, a, morile, horizon)
}

/// [`rank`] with other weights (for sensitivity).
pub fn rank_with(
    review: &Review,
    weights: &Weights,
    a: &AppendixA,
    morile: Option<&Morile>,
    horizon: &Horizon,
) -> Vec<Ranked> {
    let raw = components(review, a, morile, horizon);
    let comps = normalise(a.expected, &raw);
    let mut out: Vec<Ranked> = Vec::new();
    for issue in 0..review.taxonomy.len() {
        let (count, m, h) = raw[issue];
        let has_any_score = count > 0 || m.is_some() || h > 0.0;
        let current = if review.current_priority(issue).is_some() {
            Current::Priority
        } else if review.current_theme(issue).is_some() {
            Current::Theme
        } else {
            Current::None
        };
        // An issue with no score is still listed when it is in force or the Working Group decided on it.
        if !has_any_score && current != Current::Priority && review.decision(issue).is_none() {
            continue;
        }
        let best = morile.and_then(|m| m.issue_best(issue));
        let morile_rank = best.map(|b| rank_label(b.rank, b.tied));
        let morile_band = best.and_then(|b| b.band.clone());
        let c = comps[issue];
        let rec = recommend(
            review,
            a,
            &Facts {
                issue,
                share: c.local,
                has_any_score,
                morile_rank: morile_rank.as_deref(),
                morile_band: morile_band.as_deref(),
                top_band: best.and_then(|b| b.band_position) == Some(0),
            },
        );
        out.push(Ranked {
            issue,
            rank: 0,
            tied: false,
            csp_count: count,
            components: c,
            combined: c.combined(weights),
            current,
            recommendation: rec.action,
            reason: rec.reason,
            rule: rec.rule,
            decision: review.decision(issue).cloned(),
            morile_rank,
            morile_band,
        });
    }
    // Combined score descending, then CSP count descending, then taxonomy order.
    out.sort_by(|x, y| ranking_order((x.combined, x.csp_count, x.issue), (y.combined, y.csp_count, y.issue)));
    let ranks = competition_ranks(out.len(), |i, j| {
        same_score(out[i].combined, out[j].combined) && out[i].csp_count == out[j].csp_count
    });
    for (r, (rank, tied)) in out.iter_mut().zip(ranks) {
        r.rank = rank;
        r.tied = tied;
    }
    out
}

/// The order of the ranking on (combined score, CSP count, issue): combined score descending (equal within
/// the tolerance), then CSP count descending, then taxonomy order.
pub fn ranking_order(x: (f64, usize, IssueId), y: (f64, usize, IssueId)) -> std::cmp::Ordering {
    let by_score = if same_score(x.0, y.0) {
        std::cmp::Ordering::Equal
    } else {
        y.0.total_cmp(&x.0)
    };
    by_score.then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2))
}

/// The tie rules, stated in every output (SPEC §5).
pub const TIE_RULES: &str = "Ranking: combined score descending (scores within 1e-9 are equal), then number of CSPs descending, then taxonomy order; equal combined score and CSP count share a rank. Appendix A: number of CSPs descending, ties in taxonomy order. Appendix B: score descending, equal scores share a rank (\"12=\") and keep the sheet's order.";

/// The proposed priorities and themes, and the comparison with the current ones (SPEC §5).
pub fn outcome(review: &Review, ranking: &[Ranked]) -> Outcome {
    let tax = &review.taxonomy;
    let action_of = |issue: IssueId| ranking.iter().find(|r| r.issue == issue).map(|r| r.final_action());
    let mut o = Outcome::default();
    let mut proposed_issues = Vec::new();
    for r in ranking {
        if matches!(r.final_action(), Action::Retain | Action::Add | Action::Review) {
            let name = r
                .decision
                .as_ref()
                .and_then(|d| d.name.clone())
                .or_else(|| review.current_priority(r.issue).map(|p| p.name.clone()))
                .unwrap_or_else(|| tax.name(r.issue).to_string());
            if r.awaiting_decision() {
                o.awaiting_decision.push(name.clone());
            }
            if review.current_priority(r.issue).is_none() {
                o.added.push(name.clone());
            }
            o.priorities.push(name);
            o.priority_issues.push(r.issue);
            proposed_issues.push(r.issue);
        }
    }
    for p in &review.priorities {
        if p.issue.is_some_and(|i| proposed_issues.contains(&i)) {
            o.retained.push(p.name.clone());
        } else {
            o.removed.push(p.name.clone());
        }
    }
    for t in &review.themes {
        if t.issue.and_then(action_of) == Some(Action::None) {
            o.themes_removed.push(t.name.clone());
        } else {
            // A theme decision with a name renames the current theme (SPEC §5.1 themes_renamed).
            let renamed = t
                .issue
                .and_then(|i| review.decision(i))
                .filter(|d| d.action == Action::Theme)
                .and_then(|d| d.name.clone());
            o.themes.push(renamed.unwrap_or_else(|| t.name.clone()));
            o.theme_issues.push(t.issue);
        }
    }
    for r in ranking {
        if r.final_action() == Action::Theme && review.current_theme(r.issue).is_none() {
            let name = r
                .decision
                .as_ref()
                .and_then(|d| d.name.clone())
                .unwrap_or_else(|| tax.name(r.issue).to_string());
            o.themes_added.push(name.clone());
            o.themes.push(name);
            o.theme_issues.push(Some(r.issue));
        }
    }
    o
}
