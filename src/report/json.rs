//! The JSON output of SPEC §7.

use crate::Assessment;
use crate::assess::ranking::Current;
use crate::config::round;
use serde::Serialize;

/// The schema version of the JSON output.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Json<'a> {
    pub schema_version: u32,
    pub area: &'a str,
    pub year: &'a str,
    /// The taxonomy counted in: a built-in name or the file (SPEC §2, §3).
    pub taxonomy: &'a str,
    pub partnerships: Partnerships<'a>,
    pub appendix_a: Vec<AppendixRow<'a>>,
    pub other_focus_areas: Vec<OtherFocus<'a>>,
    /// The `[names]` mappings the returns used (SPEC §3.3).
    pub names_used: &'a [crate::taxonomy::NameUsed],
    pub morile: Vec<MorileItem<'a>>,
    pub horizon: Vec<HorizonItem<'a>>,
    pub ranking: Vec<RankingRow<'a>>,
    pub proposed: Proposed<'a>,
    pub comparison: Comparison<'a>,
    /// Against last year's workbook, when `previous` names it (SPEC §5.2).
    pub year_on_year: Option<crate::assess::movement::YearOnYear<'a>>,
    /// How the action plan is going per current priority; null without `[monitoring]` (SPEC §10.5).
    pub delivery: Option<Vec<DeliveryRow>>,
    pub warnings: Vec<Warning<'a>>,
}

/// One current priority's plan, as the report's delivery section shows it.
#[derive(Serialize)]
pub struct DeliveryRow {
    pub priority: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// The plan priority it was matched with; null when the plan does not name it.
    pub plan_priority: Option<String>,
    pub actions: usize,
    pub complete: usize,
    pub overdue: usize,
    pub improving: usize,
    pub worsening: usize,
}

/// The delivery rows, read from the report's section so that the JSON carries the figures it shows.
fn delivery(a: &Assessment) -> Option<Vec<DeliveryRow>> {
    let s = crate::report::sections::delivery(a)?;
    let text = |r: &[crate::report::sections::Cell], key: &str| r[s.position(key)].text.clone();
    let count = |r: &[crate::report::sections::Cell], key: &str| r[s.position(key)].number.unwrap_or(0.0) as usize;
    let in_plan = a.delivery.as_ref().map(|p| &p.priorities);
    Some(
        s.rows
            .iter()
            .enumerate()
            .map(|(i, r)| DeliveryRow {
                priority: text(r, "priority"),
                issue: Some(text(r, "issue")).filter(|t| !t.is_empty()),
                plan_priority: in_plan.and_then(|p| p[i].plan_priority.clone()),
                actions: count(r, "actions"),
                complete: count(r, "complete"),
                overdue: count(r, "overdue"),
                improving: count(r, "improving"),
                worsening: count(r, "worsening"),
            })
            .collect(),
    )
}

#[derive(Serialize)]
pub struct Partnerships<'a> {
    pub expected: usize,
    pub received: usize,
    pub missing: &'a [String],
}

#[derive(Serialize)]
pub struct AppendixRow<'a> {
    pub issue: &'a str,
    pub label: &'a str,
    pub csp_count: usize,
    pub main_priority: usize,
    pub cross_cutting_theme: usize,
    pub part_of_broader_theme: usize,
    pub partnerships: &'a [String],
}

#[derive(Serialize)]
pub struct OtherFocus<'a> {
    pub name: &'a str,
    pub partnerships: &'a [String],
}

#[derive(Serialize)]
pub struct MorileItem<'a> {
    pub rank: usize,
    pub tied: bool,
    pub item: &'a str,
    pub issue: Option<&'a str>,
    pub score: f64,
    pub band: Option<&'a str>,
    pub confidence: Option<&'a str>,
}

#[derive(Serialize)]
pub struct HorizonItem<'a> {
    pub category: &'a str,
    pub item: &'a str,
    pub issues: Vec<&'a str>,
    pub impact: u8,
    pub timescale: Option<&'a str>,
}

#[derive(Serialize)]
pub struct DecisionJson<'a> {
    pub action: &'a str,
    pub name: Option<&'a str>,
    pub reason: &'a str,
}

#[derive(Serialize)]
pub struct RankingRow<'a> {
    pub rank: usize,
    pub issue: &'a str,
    pub csp_count: usize,
    pub local: f64,
    pub morile: f64,
    pub horizon: f64,
    pub combined: f64,
    pub current: Current,
    pub recommendation: &'a str,
    pub reason: &'a str,
    pub decision: Option<DecisionJson<'a>>,
    pub sensitivity: Option<SensitivityJson>,
    /// The movement since last year, when `previous` names last year's workbook.
    pub previous: Option<&'a crate::assess::movement::Movement>,
}

/// The sensitivity of one issue, its figures rounded as SPEC §7 says (shares 3 decimals, weights 2).
#[derive(Serialize)]
pub struct SensitivityJson {
    pub top_n: usize,
    pub in_top_n: bool,
    pub in_top_n_share: f64,
    pub smallest_weight_change: Option<f64>,
    pub at_weights: Option<crate::config::Weights>,
}

impl From<&crate::assess::sensitivity::Sensitivity> for SensitivityJson {
    fn from(s: &crate::assess::sensitivity::Sensitivity) -> Self {
        SensitivityJson {
            top_n: s.top_n,
            in_top_n: s.in_top_n,
            in_top_n_share: round(s.in_top_n_share, 3),
            smallest_weight_change: s.smallest_weight_change.map(|d| round(d, 2)),
            at_weights: s.at_weights.map(|w| crate::config::Weights {
                local: round(w.local, 2),
                morile: round(w.morile, 2),
                horizon: round(w.horizon, 2),
            }),
        }
    }
}

#[derive(Serialize)]
pub struct Proposed<'a> {
    pub priorities: &'a [String],
    pub themes: &'a [String],
    pub awaiting_decision: &'a [String],
}

#[derive(Serialize)]
pub struct Comparison<'a> {
    pub retained: &'a [String],
    pub added: &'a [String],
    pub removed: &'a [String],
    pub themes_added: &'a [String],
    pub themes_removed: &'a [String],
    /// Priorities and themes kept under a new name (SPEC §5.1).
    pub renamed: &'a [crate::assess::movement::Renamed],
    pub themes_renamed: &'a [crate::assess::movement::Renamed],
}

#[derive(Serialize)]
pub struct Warning<'a> {
    pub file: Option<&'a str>,
    pub sheet: Option<&'a str>,
    pub cell: Option<&'a str>,
    pub line: Option<usize>,
    pub message: &'a str,
}

/// The JSON document of an assessment.
pub fn build(a: &Assessment) -> Json<'_> {
    let tax = &a.review.taxonomy;
    let aa = &a.appendix_a;
    Json {
        schema_version: SCHEMA_VERSION,
        area: &a.review.area,
        year: &a.review.year,
        taxonomy: &tax.source,
        partnerships: Partnerships {
            expected: aa.expected,
            received: aa.received.len(),
            missing: &aa.missing,
        },
        appendix_a: aa
            .rows
            .iter()
            .map(|r| AppendixRow {
                issue: tax.name(r.issue),
                label: &tax.issues[r.issue].label,
                csp_count: r.csp_count,
                main_priority: r.main_priority,
                cross_cutting_theme: r.cross_cutting_theme,
                part_of_broader_theme: r.part_of_broader_theme,
                partnerships: &r.partnerships,
            })
            .collect(),
        other_focus_areas: aa
            .other_focus_areas
            .iter()
            .map(|o| OtherFocus {
                name: &o.name,
                partnerships: &o.partnerships,
            })
            .collect(),
        names_used: &aa.names_used,
        morile: a
            .morile
            .iter()
            .flat_map(|m| &m.items)
            .map(|i| MorileItem {
                rank: i.rank,
                tied: i.tied,
                item: &i.item,
                issue: i.issue.map(|id| tax.name(id)),
                score: round(i.score, 2),
                band: i.band.as_deref(),
                confidence: i.confidence.map(|c| c.as_str()),
            })
            .collect(),
        horizon: a
            .horizon
            .items
            .iter()
            .map(|h| HorizonItem {
                category: h.row.category.heading(),
                item: &h.row.item,
                issues: h.issues.iter().map(|&i| tax.name(i)).collect(),
                impact: h.row.impact,
                timescale: h.row.timescale.as_deref(),
            })
            .collect(),
        ranking: a
            .ranking
            .iter()
            .map(|r| RankingRow {
                rank: r.rank,
                issue: tax.name(r.issue),
                csp_count: r.csp_count,
                local: round(r.components.local, 3),
                morile: round(r.components.morile, 3),
                horizon: round(r.components.horizon, 3),
                combined: round(r.combined, 3),
                current: r.current,
                recommendation: r.recommendation.as_str(),
                reason: &r.reason,
                sensitivity: a.sensitivity.iter().find(|s| s.0 == r.issue).map(|s| (&s.1).into()),
                previous: a.movement.iter().find(|m| m.0 == r.issue).map(|m| &m.1),
                decision: r.decision.as_ref().map(|d| DecisionJson {
                    action: d.action.as_str(),
                    name: d.name.as_deref(),
                    reason: &d.reason,
                }),
            })
            .collect(),
        proposed: Proposed {
            priorities: &a.outcome.priorities,
            themes: &a.outcome.themes,
            awaiting_decision: &a.outcome.awaiting_decision,
        },
        comparison: Comparison {
            retained: &a.outcome.retained,
            added: &a.outcome.added,
            removed: &a.outcome.removed,
            themes_added: &a.outcome.themes_added,
            themes_removed: &a.outcome.themes_removed,
            renamed: &a.renamed,
            themes_renamed: &a.themes_renamed,
        },
        year_on_year: a
            .previous
            .as_ref()
            .map(|p| crate::assess::movement::summary(p, aa.expected)),
        delivery: delivery(a),
        warnings: a
            .warnings
            .iter()
            .map(|w| Warning {
                file: w.location.file.as_deref(),
                sheet: w.location.sheet.as_deref(),
                cell: w.location.cell.as_deref(),
                line: w.location.line,
                message: &w.message,
            })
            .collect(),
    }
}

/// The JSON text, pretty-printed, ending in a newline.
pub fn render(a: &Assessment) -> String {
    let mut s = serde_json::to_string_pretty(&build(a)).expect("the JSON of an assessment always serialises");
    s.push('\n');
    s
}
