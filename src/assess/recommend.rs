//! The recommendation rules of SPEC §5.1: what the tool proposes for one issue, and why, in a sentence that
//! quotes its figures. "High" MoRiLE band means the scheme's top band, by position, whatever it is called.

use super::appendix_a::AppendixA;
use crate::config::Review;
use crate::taxonomy::IssueId;
use crate::vocab::Action;

/// What the rules look at for one issue.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub issue: IssueId,
    /// The share of the expected CSPs that identified it.
    pub share: f64,
    /// Whether it has any local, MoRiLE or horizon score.
    pub has_any_score: bool,
    /// The rank ("12=") and band name of its best MoRiLE item.
    pub morile_rank: Option<&'a str>,
    pub morile_band: Option<&'a str>,
    /// Whether that band is the scheme's top band.
    pub top_band: bool,
}

/// An action, the rule that gave it and the reason quoting the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub action: Action,
    /// The rule of SPEC §5.1, in a few words.
    pub rule: &'static str,
    pub reason: String,
}

fn pct(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// The recommendation of SPEC §5.1 for one issue, with its rule and a reason that quotes the figures.
pub fn recommend(review: &Review, a: &AppendixA, facts: &Facts) -> Recommendation {
    let &Facts {
        issue,
        share,
        has_any_score,
        morile_rank,
        morile_band,
        top_band: high,
    } = facts;
    let count = a.count(issue);
    let row = a.row(issue);
    let (main, cross) = row.map_or((0, 0), |r| (r.main_priority, r.cross_cutting_theme));
    let support = review.thresholds.support;
    let supported = share + super::TOLERANCE >= support;
    let csps = format!(
        "identified by {count} of {} CSPs ({}, {} the {} support threshold)",
        a.expected,
        pct(share),
        if supported { "at or above" } else { "below" },
        pct(support)
    );
    let morile = match (morile_rank, morile_band) {
        (Some(r), Some(b)) => format!("MoRiLE rank {r}, {b}"),
        (Some(r), None) => format!("MoRiLE rank {r}"),
        _ => "not assessed by MoRiLE".to_string(),
    };
    let priority = review.current_priority(issue);
    let theme = review.current_theme(issue);
    if let Some(p) = priority {
        if !has_any_score {
            return Recommendation {
                action: Action::Review,
                rule: "current priority with no score",
                reason: format!(
                    "Current priority \"{}\" with no score at all: no CSP identified it, it was not assessed by MoRiLE and no horizon item relates to it.",
                    p.name
                ),
            };
        }
        if supported || high {
            let why = if supported && high {
                "local support and a High MoRiLE band"
            } else if supported {
                "local support"
            } else {
                "a High MoRiLE band"
            };
            return Recommendation {
                action: Action::Retain,
                rule: "current priority with local support or a High MoRiLE band",
                reason: format!("Current priority \"{}\" with {why}: {csps}; {morile}.", p.name),
            };
        }
        return Recommendation {
            action: Action::Review,
            rule: "current priority without local support or a High MoRiLE band",
            reason: format!(
                "Current priority \"{}\" without local support or a High MoRiLE band: {csps}; {morile}.",
                p.name
            ),
        };
    }
    if supported {
        if cross > main {
            return Recommendation {
                action: Action::Theme,
                rule: "local support, named more often as a cross-cutting theme",
                reason: format!(
                    "Not a current priority; {csps}, more often as a cross-cutting theme ({cross}) than as a main priority ({main}); {morile}."
                ),
            };
        }
        if let Some(t) = theme {
            return Recommendation {
                action: Action::Theme,
                rule: "local support, linked to a current theme",
                reason: format!("Linked to the current theme \"{}\"; {csps}; {morile}.", t.name),
            };
        }
        return Recommendation {
            action: Action::Add,
            rule: "local support, not a current priority",
            reason: format!(
                "Not a current priority; {csps}, {main} as a main priority and {cross} as a cross-cutting theme; {morile}."
            ),
        };
    }
    if let Some(t) = theme {
        return Recommendation {
            action: Action::Theme,
            rule: "the issue of a current theme",
            reason: format!("The issue of the current theme \"{}\"; {csps}; {morile}.", t.name),
        };
    }
    if high {
        return Recommendation {
            action: Action::Watch,
            rule: "no local support but a High MoRiLE band",
            reason: format!("Not a current priority; {csps}; but {morile}: watch it."),
        };
    }
    Recommendation {
        action: Action::None,
        rule: "no local support, no High MoRiLE band",
        reason: format!("Not a current priority or theme; {csps}; {morile}."),
    }
}
