//! How robust the ranking is to the weights. The recommendation rules of SPEC §5 do not use the weights
//! (they use the share of CSPs, the MoRiLE band and what is in force), so what the weights can change is an
//! issue's place in the ranking, and with it whether it is among the top N, N being the number of
//! proposed priorities. For each issue this reports the share of weight samples around the chosen weights
//! in which it stays in the top N, and the smallest change of the weights that moves it in or out.

use super::ranking::{Ranked, ranking_order};
use crate::config::Weights;
use crate::taxonomy::IssueId;
use serde::Serialize;

/// Samples drawn around the chosen weights.
pub const SAMPLES: usize = 1000;
/// How far each weight is moved, at most, in a sample.
pub const SPREAD: f64 = 0.1;
/// The step of the grid searched for the smallest change.
pub const GRID_STEP: f64 = 0.01;

/// The sensitivity of one issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    pub top_n: usize,
    /// Whether it is in the top N at the chosen weights.
    pub in_top_n: bool,
    /// Share of the samples in which it is in the top N.
    pub in_top_n_share: f64,
    /// The smallest change of the weights (the largest change of any one weight, weights summing to 1) that
    /// moves it in or out of the top N; `None` when no weights do.
    pub smallest_weight_change: Option<f64>,
    /// The weights at which that happens.
    pub at_weights: Option<Weights>,
}

/// xorshift64*: fixed seed, so the same inputs always give the same figures.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545F4914F6CDD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The issues in the top N of the ranking with `weights` (the order of `ranking::rank_with`).
pub fn top_n(ranking: &[Ranked], weights: &Weights, n: usize) -> Vec<IssueId> {
    let mut order: Vec<(f64, usize, IssueId)> = ranking
        .iter()
        .map(|r| (r.components.combined(weights), r.csp_count, r.issue))
        .collect();
    order.sort_by(|x, y| ranking_order(*x, *y));
    order.iter().take(n).map(|x| x.2).collect()
}

/// [`top_n`] for many weights over the same ranking, without allocating for each: the components are taken
/// once, and the order is built in one reused buffer. The same order as `top_n` (the same comparisons, the
/// same stable sort), so the same figures.
struct TopN {
    /// Each issue's components and CSP count, in ranking order.
    parts: Vec<(crate::assess::ranking::Components, usize, IssueId)>,
    /// (combined score, CSP count, issue, position in the ranking), sorted for the weights last asked.
    order: Vec<(f64, usize, IssueId, usize)>,
    /// Whether each position of the ranking is in the top N for the weights last asked.
    inside: Vec<bool>,
}

impl TopN {
    fn new(ranking: &[Ranked]) -> TopN {
        TopN {
            parts: ranking.iter().map(|r| (r.components, r.csp_count, r.issue)).collect(),
            order: Vec::with_capacity(ranking.len()),
            inside: vec![false; ranking.len()],
        }
    }

    /// Mark the top N for `weights`; then `inside[i]` tells whether the i-th issue of the ranking is in it.
    fn mark(&mut self, weights: &Weights, n: usize) {
        // `Components::combined` normalises the weights it is given: the same arithmetic, done once.
        let w = weights.normalised();
        self.order.clear();
        self.order
            .extend(self.parts.iter().enumerate().map(|(i, (c, count, issue))| {
                (
                    w.local * c.local + w.morile * c.morile + w.horizon * c.horizon,
                    *count,
                    *issue,
                    i,
                )
            }));
        self.order
            .sort_by(|x, y| ranking_order((x.0, x.1, x.2), (y.0, y.1, y.2)));
        self.inside.fill(false);
        for x in self.order.iter().take(n) {
            self.inside[x.3] = true;
        }
    }
}

/// The sensitivity of every issue of `ranking` to the weights.
pub fn assess(ranking: &[Ranked], weights: &Weights, n: usize) -> Vec<(IssueId, Sensitivity)> {
    let base: Vec<IssueId> = ranking.iter().take(n).map(|r| r.issue).collect();
    let in_base: Vec<bool> = ranking.iter().map(|r| base.contains(&r.issue)).collect();
    let mut top = TopN::new(ranking);
    let mut rng = Rng(0x00C5_A5E7_0000_2018);
    let mut in_top = vec![0usize; ranking.len()];
    for _ in 0..SAMPLES {
        let mut w = Weights {
            local: (weights.local + SPREAD * (2.0 * rng.unit() - 1.0)).max(0.0),
            morile: (weights.morile + SPREAD * (2.0 * rng.unit() - 1.0)).max(0.0),
            horizon: (weights.horizon + SPREAD * (2.0 * rng.unit() - 1.0)).max(0.0),
        };
        if w.sum() <= 0.0 {
            w = *weights;
        }
        top.mark(&w.normalised(), n);
        for (count, inside) in in_top.iter_mut().zip(&top.inside) {
            *count += usize::from(*inside);
        }
    }
    // Every point of the weight grid, nearest first, with the top N there.
    let steps = (1.0 / GRID_STEP).round() as usize;
    let mut grid: Vec<(f64, Weights)> = Vec::new();
    for a in 0..=steps {
        for b in 0..=steps - a {
            // Divided, not multiplied by the step: 47 / 100 is the number nearest 0.47 (and shows as 0.47),
            // where 47 × 0.01 is 0.47000000000000003.
            let w = Weights {
                local: a as f64 / steps as f64,
                morile: b as f64 / steps as f64,
                horizon: (steps - a - b) as f64 / steps as f64,
            };
            let d = (w.local - weights.local)
                .abs()
                .max((w.morile - weights.morile).abs())
                .max((w.horizon - weights.horizon).abs());
            grid.push((d, w));
        }
    }
    grid.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut first_change: Vec<Option<(f64, Weights)>> = vec![None; ranking.len()];
    let mut open = ranking.len();
    for (d, w) in &grid {
        if open == 0 {
            break;
        }
        top.mark(w, n);
        for i in 0..ranking.len() {
            if first_change[i].is_none() && top.inside[i] != in_base[i] {
                first_change[i] = Some((*d, *w));
                open -= 1;
            }
        }
    }
    ranking
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                r.issue,
                Sensitivity {
                    top_n: n,
                    in_top_n: base.contains(&r.issue),
                    in_top_n_share: in_top[i] as f64 / SAMPLES as f64,
                    smallest_weight_change: first_change[i].map(|c| crate::config::round(c.0, 2)),
                    at_weights: first_change[i].map(|c| c.1),
                },
            )
        })
        .collect()
}
