//! What `monitor` works out (SPEC §10.4), from plain records and a reporting date. Touches no files.

use super::dates::Date;
use super::indicators::{Better, Direction, Indicator, Indicators, StatedChange};
use super::plan::Plan;
use super::updates::{Status, Update};
use crate::error::Diagnostics;
use crate::taxonomy::names_match;

/// An action's RAG rating at the reporting date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Rag {
    Complete,
    Green,
    Amber,
    Red,
    Grey,
    #[serde(rename = "No update")]
    NoUpdate,
}

impl Rag {
    /// In the order the counts are shown.
    pub const ALL: [Rag; 6] = [
        Rag::Complete,
        Rag::Green,
        Rag::Amber,
        Rag::Red,
        Rag::Grey,
        Rag::NoUpdate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Complete => "Complete",
            Rag::Green => "Green",
            Rag::Amber => "Amber",
            Rag::Red => "Red",
            Rag::Grey => "Grey",
            Rag::NoUpdate => "No update",
        }
    }

    /// The fill colour of the workbook and the report (RGB).
    pub fn colour(self) -> u32 {
        match self {
            Rag::Complete => 0x9DC3E6,
            Rag::Green => 0xA9D08E,
            Rag::Amber => 0xFFD966,
            Rag::Red => 0xF4B084,
            Rag::Grey => 0xD9D9D9,
            Rag::NoUpdate => 0xFFFFFF,
        }
    }
}

/// The settings the rules use.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    pub as_of: Date,
    pub stale_days: u32,
    /// Per cent.
    pub stable_band: f64,
}

/// One action at the reporting date.
#[derive(Debug, Clone)]
pub struct ActionState {
    /// The index of the action in the plan.
    pub action: usize,
    /// Its latest update on or before the reporting date (an index into the updates).
    pub latest: Option<usize>,
    pub status: Option<Status>,
    pub due: Option<Date>,
    pub overdue: bool,
    pub stale: bool,
    pub days_since_update: Option<i64>,
    /// Updates dated after the reporting date, not counted.
    pub later_updates: usize,
    pub rag: Rag,
}

/// The RAG rule of SPEC §10.4: Complete; Red when off track or overdue; Green on track; Amber at risk; Grey
/// not started (and not yet due); "No update" when nothing has been reported and it is not overdue.
pub fn rag(status: Option<Status>, overdue: bool) -> Rag {
    match status {
        Some(Status::Complete) => Rag::Complete,
        _ if overdue => Rag::Red,
        Some(Status::OffTrack) => Rag::Red,
        Some(Status::AtRisk) => Rag::Amber,
        Some(Status::OnTrack) => Rag::Green,
        Some(Status::NotStarted) => Rag::Grey,
        None => Rag::NoUpdate,
    }
}

/// Every action at the reporting date, in plan order.
pub fn actions(plan: &Plan, updates: &[Update], rules: Rules) -> Vec<ActionState> {
    let mut latest: Vec<Option<usize>> = vec![None; plan.actions.len()];
    let mut later = vec![0usize; plan.actions.len()];
    for (i, u) in updates.iter().enumerate() {
        if u.date > rules.as_of {
            later[u.action] += 1;
            continue;
        }
        // The latest date wins; on one date (same status) the one read last.
        if latest[u.action].is_none_or(|j| updates[j].date <= u.date) {
            latest[u.action] = Some(i);
        }
    }
    plan.actions
        .iter()
        .enumerate()
        .map(|(a, action)| {
            let last = latest[a].map(|i| &updates[i]);
            let status = last.map(|u| u.status);
            let due = action.due.due();
            let complete = status == Some(Status::Complete);
            let overdue = !complete && due.is_some_and(|d| d < rules.as_of);
            let days = last.map(|u| rules.as_of.days() - u.date.days());
            let stale = !complete && days.is_some_and(|n| n > i64::from(rules.stale_days));
            ActionState {
                action: a,
                latest: latest[a],
                status,
                due,
                overdue,
                stale,
                days_since_update: days,
                later_updates: later[a],
                rag: rag(status, overdue),
            }
        })
        .collect()
}

/// How one priority's plan is going.
#[derive(Debug, Clone, Default)]
pub struct PriorityState {
    /// Actions by RAG, in the order of [`Rag::ALL`].
    pub rag: [usize; 6],
    pub total: usize,
    /// Complete ÷ total; none when the priority has no actions.
    pub share_complete: Option<f64>,
    pub overdue: Vec<String>,
    pub stale: Vec<String>,
    pub no_update: Vec<String>,
    /// Indicators improving and worsening.
    pub improving: usize,
    pub worsening: usize,
}

impl PriorityState {
    pub fn count(&self, rag: Rag) -> usize {
        self.rag[Rag::ALL.iter().position(|r| *r == rag).unwrap_or(0)]
    }
}

/// Per plan priority: the RAG counts, share complete, the overdue, stale and silent actions, and how many of
/// its indicators improve and worsen.
pub fn priorities(plan: &Plan, states: &[ActionState], indicators: &[IndicatorState]) -> Vec<PriorityState> {
    let mut out = vec![PriorityState::default(); plan.priorities.len()];
    for s in states {
        let action = &plan.actions[s.action];
        let p = &mut out[action.priority];
        p.total += 1;
        p.rag[Rag::ALL.iter().position(|r| *r == s.rag).unwrap_or(0)] += 1;
        if s.overdue {
            p.overdue.push(action.reference.clone());
        }
        if s.stale {
            p.stale.push(action.reference.clone());
        }
        if s.latest.is_none() {
            p.no_update.push(action.reference.clone());
        }
    }
    for i in indicators {
        if let Some(p) = i.priority {
            match i.reading {
                Some(Reading::Improving) => out[p].improving += 1,
                Some(Reading::Worsening) => out[p].worsening += 1,
                _ => {}
            }
        }
    }
    for p in &mut out {
        p.share_complete = (p.total > 0).then(|| p.count(Rag::Complete) as f64 / p.total as f64);
    }
    out
}

/// What a direction means, given which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Reading {
    #[serde(rename = "improving")]
    Improving,
    #[serde(rename = "worsening")]
    Worsening,
    #[serde(rename = "stable")]
    Stable,
    #[serde(rename = "no judgement")]
    NoJudgement,
}

impl Reading {
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Improving => "improving",
            Reading::Worsening => "worsening",
            Reading::Stable => "stable",
            Reading::NoJudgement => "no judgement",
        }
    }
}

/// The reading of a direction: with Better = lower, down is improving; with higher, up is; neither gives
/// no judgement; stable is stable either way.
pub fn reading(direction: Direction, better: Better) -> Reading {
    match (direction, better) {
        (Direction::Stable, _) => Reading::Stable,
        (_, Better::Neither) => Reading::NoJudgement,
        (Direction::Down, Better::Lower) | (Direction::Up, Better::Higher) => Reading::Improving,
        _ => Reading::Worsening,
    }
}

/// The direction from an earlier value to a later one: stable when the % change is within the band
/// (below it in size); by the sign of the change when the earlier value is 0.
pub fn direction(earlier: f64, later: f64, stable_band: f64) -> Direction {
    let change = later - earlier;
    match percent_change(earlier, later) {
        Some(p) if p.abs() < stable_band => Direction::Stable,
        _ if change > 0.0 => Direction::Up,
        _ if change < 0.0 => Direction::Down,
        _ => Direction::Stable,
    }
}

/// The % change; none when the earlier value is 0.
pub fn percent_change(earlier: f64, later: f64) -> Option<f64> {
    (earlier != 0.0).then(|| (later - earlier) / earlier.abs() * 100.0)
}

/// Round half away from zero to `decimals` places, as published figures are rounded. A tiny allowance keeps
/// binary fractions such as 4.45 (stored as 4.4499999...) rounding the way they are written.
pub fn round_half_away(x: f64, decimals: u32) -> f64 {
    let f = 10f64.powi(decimals as i32);
    let scaled = x * f;
    let nudged = scaled + scaled.signum() * 1e-9 * scaled.abs().max(1.0);
    nudged.round() / f
}

/// One indicator's figures.
#[derive(Debug, Clone)]
pub struct IndicatorState {
    /// The index of its priority in the plan, when its Priority names one.
    pub priority: Option<usize>,
    /// (period index, value) of the latest period with a value and of the one before it with a value.
    pub latest: Option<(usize, f64)>,
    pub previous: Option<(usize, f64)>,
    pub change: Option<f64>,
    pub percent_change: Option<f64>,
    pub direction: Option<Direction>,
    pub reading: Option<Reading>,
    /// The direction of the latest change and how many periods running it has gone that way.
    pub run: Option<(Direction, usize)>,
    /// The stated change checked: the computed figure rounded to the stated precision, and whether it agrees.
    pub stated_change: Option<(f64, bool)>,
    pub stated_direction_agrees: Option<bool>,
}

/// Every indicator's figures, with the published figures checked (a disagreement is a warning naming the
/// cell). Indicators whose Priority is not a plan priority are warned about too.
pub fn indicators(ind: &Indicators, plan: &Plan, rules: Rules, d: &mut Diagnostics) -> Vec<IndicatorState> {
    ind.rows
        .iter()
        .map(|row| {
            let priority = plan.priorities.iter().position(|p| names_match(&p.name, &row.priority));
            if priority.is_none() {
                let mut at = row.cell.clone();
                at.cell = None;
                d.warning(
                    at,
                    format!(
                        "the indicator \"{}\" is under \"{}\", which is not a priority of the plan; it is shown under Other indicators",
                        row.name, row.priority
                    ),
                );
            }
            indicator(row, priority, &ind.periods, rules, d)
        })
        .collect()
}

fn indicator(
    row: &Indicator,
    priority: Option<usize>,
    periods: &[String],
    rules: Rules,
    d: &mut Diagnostics,
) -> IndicatorState {
    let known: Vec<(usize, f64)> = row
        .values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.value().map(|x| (i, x)))
        .collect();
    let latest = known.last().copied();
    let previous = known.len().checked_sub(2).map(|i| known[i]);
    let mut s = IndicatorState {
        priority,
        latest,
        previous,
        change: None,
        percent_change: None,
        direction: None,
        reading: None,
        run: None,
        stated_change: None,
        stated_direction_agrees: None,
    };
    let (Some((li, lv)), Some((pi, pv))) = (latest, previous) else {
        for (what, at) in [
            ("change", row.stated_change.as_ref().map(|x| &x.1)),
            ("direction", row.stated_direction.as_ref().map(|x| &x.2)),
        ] {
            if let Some(at) = at {
                d.warning(
                    at.clone(),
                    format!(
                        "the stated {what} cannot be checked: the indicator has fewer than two periods with a value"
                    ),
                );
            }
        }
        return s;
    };
    let change = lv - pv;
    let pct = percent_change(pv, lv);
    let dir = direction(pv, lv, rules.stable_band);
    s.change = Some(change);
    s.percent_change = pct;
    s.direction = Some(dir);
    s.reading = Some(reading(dir, row.better));
    let steps: Vec<Direction> = known
        .windows(2)
        .map(|w| direction(w[0].1, w[1].1, rules.stable_band))
        .collect();
    let run = steps.iter().rev().take_while(|x| **x == dir).count();
    s.run = Some((dir, run));
    let between = format!(
        "{} in {} to {} in {}",
        super::fmt_number(pv),
        periods[pi],
        super::fmt_number(lv),
        periods[li]
    );
    if let Some((stated, at)) = &row.stated_change {
        s.stated_change = check_stated(stated, change, pct).map(|(rounded, ok)| {
            if !ok {
                d.warning(
                    at.clone(),
                    format!(
                        "the stated change \"{}\" does not agree with the figures: {between} is {} ({}) to the precision stated; check the stated change or the values",
                        stated.text,
                        super::signed(change, 0),
                        pct.map_or("no % change: the earlier value is 0".into(), |p| format!("{}%", super::signed(p, stated.decimals as usize)))
                    ),
                );
            }
            (rounded, ok)
        });
        if s.stated_change.is_none() {
            d.warning(
                at.clone(),
                format!(
                    "the stated change \"{}\" is a percentage, but the earlier value is 0 so there is no % change; not checked",
                    stated.text
                ),
            );
        }
    }
    if let Some((stated, text, at)) = &row.stated_direction {
        let ok = *stated == dir;
        s.stated_direction_agrees = Some(ok);
        if !ok {
            d.warning(
                at.clone(),
                format!(
                    "the stated direction \"{text}\" disagrees with the figures: {between} is {} (changes under {}% read as stable)",
                    dir.as_str(),
                    super::fmt_number(rules.stable_band)
                ),
            );
        }
    }
    s
}

/// A stated change against the computed one, rounded half away from zero to the stated precision: the
/// rounded figure and whether it agrees. A stated figure with no sign is compared by size. `None` when the
/// stated change is a percentage and there is no % change.
pub fn check_stated(stated: &StatedChange, change: f64, pct: Option<f64>) -> Option<(f64, bool)> {
    let computed = if stated.percent { pct? } else { change };
    let rounded = round_half_away(computed, stated.decimals);
    let tolerance = 0.5 * 10f64.powi(-(stated.decimals as i32)) * 1e-6;
    let ok = if stated.signed {
        (rounded - stated.value).abs() <= tolerance
    } else {
        (rounded.abs() - stated.value.abs()).abs() <= tolerance
    };
    Some((rounded, ok))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::monitor::indicators::parse_stated_change;

    #[test]
    fn the_published_changes() {
        let pct = percent_change(34_664.0, 39_756.0).unwrap();
        assert_eq!(round_half_away(pct, 1), 14.7);
        assert_eq!(direction(46_036.0, 40_151.0, 2.0), Direction::Down);
        assert_eq!(reading(Direction::Down, Better::Lower), Reading::Improving);
        assert_eq!(reading(Direction::Up, Better::Lower), Reading::Worsening);
        assert_eq!(reading(Direction::Up, Better::Neither), Reading::NoJudgement);
        let asb = parse_stated_change("decrease of 12.8%").unwrap();
        assert_eq!(
            check_stated(&asb, -5885.0, percent_change(46_036.0, 40_151.0)),
            Some((-12.8, true))
        );
    }

    #[test]
    fn stated_changes_are_checked_to_their_precision() {
        // "4.0%" against 4.46%: 4.5% to one decimal, a disagreement; "up 20%" against 19.51%: 20%, agreed.
        let four = parse_stated_change("4.0%").unwrap();
        assert_eq!(check_stated(&four, 0.0, Some(4.46)), Some((4.5, false)));
        let twenty = parse_stated_change("up 20%").unwrap();
        assert_eq!(check_stated(&twenty, 0.0, Some(19.51)), Some((20.0, true)));
        let count = parse_stated_change("-5,885").unwrap();
        assert_eq!(check_stated(&count, -5885.0, None), Some((-5885.0, true)));
        let wrong_sign = parse_stated_change("+5,885").unwrap();
        assert_eq!(check_stated(&wrong_sign, -5885.0, None).map(|x| x.1), Some(false));
        assert_eq!(check_stated(&twenty, 5.0, None), None);
        assert_eq!(round_half_away(4.45, 1), 4.5);
        assert_eq!(round_half_away(-4.45, 1), -4.5);
        assert_eq!(round_half_away(2.5, 0), 3.0);
    }

    #[test]
    fn the_stable_band_and_a_zero_earlier_value() {
        assert_eq!(direction(100.0, 101.9, 2.0), Direction::Stable);
        assert_eq!(direction(100.0, 102.0, 2.0), Direction::Up);
        assert_eq!(direction(0.0, 5.0, 2.0), Direction::Up);
        assert_eq!(percent_change(0.0, 5.0), None);
        assert_eq!(direction(0.0, 0.0, 2.0), Direction::Stable);
    }

    #[test]
    fn rag_rules() {
        assert_eq!(rag(Some(Status::Complete), true), Rag::Complete);
        assert_eq!(rag(Some(Status::OnTrack), true), Rag::Red);
        assert_eq!(rag(Some(Status::NotStarted), false), Rag::Grey);
        assert_eq!(rag(None, false), Rag::NoUpdate);
        assert_eq!(rag(None, true), Rag::Red);
        assert_eq!(rag(Some(Status::AtRisk), false), Rag::Amber);
    }
}
