//! Appendix B: scoring and ranking the MoRiLE items (SPEC §4.2).

use super::{competition_ranks, same_score};
use crate::config::{Combine, RiskFormula, Scheme};
use crate::error::{Diagnostics, Location};
use crate::read::Value;
use crate::read::morile::{Cell, MorileKind, MorileSheet};
use crate::taxonomy::{IssueId, Taxonomy, key};
use serde::Serialize;

pub use crate::vocab::Confidence;

/// The section scores of an item scored from its factors.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sections {
    pub harm: f64,
    pub likelihood: f64,
    pub organisational: f64,
    pub multiplier: f64,
}

/// One item of Appendix B.
#[derive(Debug, Clone)]
pub struct ScoredItem {
    pub item: String,
    pub issue: Option<IssueId>,
    /// The points of each factor (scheme order), when scored from factors.
    pub factor_points: Vec<f64>,
    pub sections: Option<Sections>,
    pub score: f64,
    /// `None` for a rank-only sheet.
    pub band: Option<String>,
    /// The band's position in the scheme: 0 is the top band (SPEC §5.1 "High"). `None` for a rank-only sheet.
    pub band_position: Option<usize>,
    pub confidence: Option<Confidence>,
    pub rank: usize,
    pub tied: bool,
    pub at: Location,
}

#[derive(Debug, Clone)]
pub struct Morile {
    pub kind: MorileKind,
    /// In rank order; equal scores keep the sheet's order.
    pub items: Vec<ScoredItem>,
}

impl Morile {
    /// An issue's MoRiLE score: the highest score among its items, and that item.
    pub fn issue_best(&self, issue: IssueId) -> Option<&ScoredItem> {
        // Items are in rank order, so the first of the issue's items is its best.
        self.items.iter().find(|i| i.issue == Some(issue))
    }
}

fn combine(how: Combine, points: &[f64]) -> f64 {
    match how {
        Combine::Sum => points.iter().sum(),
        Combine::Max => points.iter().copied().fold(0.0, f64::max),
        Combine::Mean if points.is_empty() => 0.0,
        Combine::Mean => points.iter().sum::<f64>() / points.len() as f64,
    }
}

/// The lowest and highest points a factor can take.
fn range(scheme: &Scheme, factor: &str) -> (f64, f64) {
    let scale = &scheme.levels[factor];
    let lo = scale.values().copied().fold(f64::INFINITY, f64::min);
    let hi = scale.values().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, hi)
}

/// Score one item from its factor points (in the scheme's factor order): the sections, and the score.
///
/// With the default scheme, harm is the sum of the five harm factors, likelihood the sum of frequency and
/// vulnerability, and the score Harm × Likelihood × (0.75 + 0.5 × (OP − 3) / 6).
pub fn score_item(scheme: &Scheme, points: &[f64]) -> (Sections, f64) {
    let (nh, nl) = (scheme.harm.factors.len(), scheme.likelihood.factors.len());
    let harm = combine(scheme.harm.combine, &points[..nh]);
    let likelihood = combine(scheme.likelihood.combine, &points[nh..nh + nl]);
    let op_points = &points[nh + nl..];
    let organisational = combine(scheme.organisational.combine, op_points);
    let lows: Vec<f64> = scheme
        .organisational
        .factors
        .iter()
        .map(|f| range(scheme, f).0)
        .collect();
    let highs: Vec<f64> = scheme
        .organisational
        .factors
        .iter()
        .map(|f| range(scheme, f).1)
        .collect();
    let (op_min, op_max) = (
        combine(scheme.organisational.combine, &lows),
        combine(scheme.organisational.combine, &highs),
    );
    let m = scheme.organisational.multiplier;
    let position = if op_max > op_min {
        (organisational - op_min) / (op_max - op_min)
    } else {
        0.0
    };
    let multiplier = m.low + (m.high - m.low) * position;
    let score = match scheme.risk {
        RiskFormula::Product => harm * likelihood * multiplier,
        RiskFormula::Sum => (harm + likelihood) * multiplier,
    };
    (
        Sections {
            harm,
            likelihood,
            organisational,
            multiplier,
        },
        score,
    )
}

/// The points of one factor cell: a level label, or a number within the factor's range.
fn factor_points(scheme: &Scheme, factor: &str, cell: &Cell, d: &mut Diagnostics) -> Option<f64> {
    let scale = &scheme.levels[factor];
    let (lo, hi) = range(scheme, factor);
    let labels = || scale.keys().map(String::as_str).collect::<Vec<_>>().join(", ");
    match &cell.value {
        Value::Empty => {
            d.error(
                cell.at.clone(),
                format!("\"{factor}\" is empty: give one of {} (or its points)", labels()),
            );
            None
        }
        v => {
            if let Some(n) = v.as_number() {
                if n >= lo && n <= hi {
                    return Some(n);
                }
                d.error(
                    cell.at.clone(),
                    format!(
                        "\"{factor}\" is {}, outside the range {lo} to {hi} of the scheme",
                        crate::read::sheet::format_number(n)
                    ),
                );
                return None;
            }
            let text = v.as_text().unwrap_or_default();
            if let Some((_, p)) = scale.iter().find(|(label, _)| key(label) == key(&text)) {
                return Some(*p);
            }
            d.error(
                cell.at.clone(),
                format!(
                    "unknown level {} for \"{factor}\": use one of {}",
                    v.describe(),
                    labels()
                ),
            );
            None
        }
    }
}

/// Score, band and rank every item of the sheet; map each to its taxonomy issue.
pub fn assess(sheet: &MorileSheet, scheme: &Scheme, taxonomy: &Taxonomy, d: &mut Diagnostics) -> Morile {
    let factors: Vec<&String> = scheme.all_factors().collect();
    let mut items = Vec::new();
    for row in &sheet.rows {
        let confidence = match &row.confidence {
            None => None,
            Some(c) => match Confidence::parse(&c.value.as_text().unwrap_or_default()) {
                Some(x) => Some(x),
                None => {
                    d.error(
                        c.at.clone(),
                        format!("unknown confidence {}: use High, Medium or Low", c.value.describe()),
                    );
                    continue;
                }
            },
        };
        let (factor_points_, sections, mut score) = match sheet.kind {
            MorileKind::Factors => {
                let points: Vec<Option<f64>> = factors
                    .iter()
                    .zip(&row.values)
                    .map(|(f, c)| factor_points(scheme, f, c, d))
                    .collect();
                if points.iter().any(Option::is_none) {
                    continue;
                }
                let points: Vec<f64> = points.into_iter().flatten().collect();
                let (sections, score) = score_item(scheme, &points);
                (points, Some(sections), score)
            }
            MorileKind::Score | MorileKind::Rank => {
                let cell = &row.values[0];
                let what = if sheet.kind == MorileKind::Score {
                    "score"
                } else {
                    "rank"
                };
                match cell.value.as_number() {
                    Some(n) if n >= 0.0 && (sheet.kind == MorileKind::Score || (n >= 1.0 && n.fract() == 0.0)) => {
                        (Vec::new(), None, n)
                    }
                    _ => {
                        let rule = if what == "rank" {
                            "a whole number from 1"
                        } else {
                            "a number of 0 or more"
                        };
                        d.error(
                            cell.at.clone(),
                            format!("the {what} must be {rule}, found {}", cell.value.describe()),
                        );
                        continue;
                    }
                }
            }
        };
        if let (Some(c), false) = (confidence, scheme.confidence_discount.is_empty())
            && let Some((_, f)) = scheme
                .confidence_discount
                .iter()
                .find(|(k, _)| key(k) == key(c.as_str()))
        {
            score *= f;
        }
        let issue = match &row.issue {
            Some(cell) => {
                let name = cell.value.as_text().unwrap_or_default();
                let found = taxonomy.find(&name);
                if found.is_none() {
                    d.warning(cell.at.clone(), format!("\"{name}\" is not an issue of the taxonomy{}; the item is kept in Appendix B without an issue", taxonomy.hint(&name)));
                }
                found
            }
            None => {
                let found = taxonomy.find(&row.item);
                if found.is_none() {
                    d.warning(
                        row.at.clone(),
                        format!(
                            "the item \"{}\" matches no issue{}; fill in its Issue column to count it",
                            row.item,
                            taxonomy.hint(&row.item)
                        ),
                    );
                }
                found
            }
        };
        items.push(ScoredItem {
            item: row.item.clone(),
            issue,
            factor_points: factor_points_,
            sections,
            score,
            band: None,
            band_position: None,
            confidence,
            rank: 0,
            tied: false,
            at: row.at.clone(),
        });
    }
    if sheet.kind == MorileKind::Rank {
        // Rank N becomes score (highest rank + 1 - N), so rank 1 scores highest.
        let highest = items.iter().map(|i| i.score).fold(0.0, f64::max);
        for i in &mut items {
            i.score = highest + 1.0 - i.score;
        }
    } else {
        for i in &mut items {
            let position = scheme.band_position(i.score);
            i.band = Some(scheme.bands[position].name.clone());
            i.band_position = Some(position);
        }
    }
    for (i, item) in items.iter().enumerate() {
        if item.confidence == Some(Confidence::Low) {
            d.warning(
                item.at.clone(),
                format!("\"{}\" is scored with Low confidence: an intelligence gap", item.item),
            );
        }
        let _ = i;
    }
    order_by_score(&mut items);
    let ranks = competition_ranks(items.len(), |a, b| same_score(items[a].score, items[b].score));
    for (item, (rank, tied)) in items.iter_mut().zip(ranks) {
        item.rank = rank;
        item.tied = tied;
    }
    Morile {
        kind: sheet.kind,
        items,
    }
}

/// Sort by score descending; scores equal within the tolerance keep their input order.
fn order_by_score(items: &mut Vec<ScoredItem>) {
    let mut indexed: Vec<(usize, ScoredItem)> = items.drain(..).enumerate().collect();
    indexed.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
    // Re-sort each run of equal scores by input order, so floating point never reorders a tie.
    let mut start = 0;
    while start < indexed.len() {
        let mut end = start + 1;
        while end < indexed.len() && same_score(indexed[end - 1].1.score, indexed[end].1.score) {
            end += 1;
        }
        indexed[start..end].sort_by_key(|(i, _)| *i);
        start = end;
    }
    items.extend(indexed.into_iter().map(|(_, it)| it));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_scheme_by_hand() {
        let s = Scheme::builtin();
        // Harm 20+10+5+10 + County 20 = 65; likelihood Likely 4 + Significant 2 = 6; OP 2+2+2 = 6 gives 1.0.
        let (sec, score) = score_item(&s, &[20.0, 10.0, 5.0, 10.0, 20.0, 4.0, 2.0, 2.0, 2.0, 2.0]);
        assert_eq!((sec.harm, sec.likelihood, sec.organisational), (65.0, 6.0, 6.0));
        assert!((sec.multiplier - 1.0).abs() < 1e-12);
        assert!((score - 390.0).abs() < 1e-9);
        assert_eq!(s.band(score), "Medium");
        // The lowest OP (3) gives 0.75 and the highest (9) gives 1.25.
        let (sec, _) = score_item(&s, &[0.0, 0.0, 0.0, 0.0, 5.0, 1.0, 0.0, 1.0, 1.0, 1.0]);
        assert!((sec.multiplier - 0.75).abs() < 1e-12);
        let (sec, score) = score_item(&s, &[40.0, 40.0, 40.0, 40.0, 40.0, 5.0, 3.0, 3.0, 3.0, 3.0]);
        assert!((sec.multiplier - 1.25).abs() < 1e-12);
        assert!((score - 200.0 * 8.0 * 1.25).abs() < 1e-9);
    }
}
