//! Pure functions over the records read: counting (Appendix A), MoRiLE scoring (Appendix B), the horizon
//! scan (Appendix C), the combined ranking with its recommendation, and the comparison. No files here.

pub mod appendix_a;
pub mod horizon;
pub mod morile;
pub mod movement;
pub mod ranking;
pub mod recommend;
pub mod sensitivity;

/// Scores that agree this closely (relative to their size, at least 1) are equal (SPEC §4.2).
pub const TOLERANCE: f64 = 1e-9;

/// Whether two scores are equal within [`TOLERANCE`].
pub fn same_score(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOLERANCE * a.abs().max(b.abs()).max(1.0)
}

/// A rank as printed: "12" or, when shared, "12=".
pub fn rank_label(rank: usize, tied: bool) -> String {
    if tied { format!("{rank}=") } else { rank.to_string() }
}

/// Competition ranks (1, 2, 2, 4) for items already in order, where `equal(i, j)` says whether the
/// neighbours i and j tie. Returns (rank, shares its rank) for each.
pub fn competition_ranks(n: usize, equal: impl Fn(usize, usize) -> bool) -> Vec<(usize, bool)> {
    let mut ranks = vec![(0, false); n];
    for i in 0..n {
        ranks[i].0 = if i > 0 && equal(i - 1, i) {
            ranks[i - 1].0
        } else {
            i + 1
        };
    }
    for i in 0..n {
        let shared = (i > 0 && ranks[i - 1].0 == ranks[i].0) || (i + 1 < n && ranks[i + 1].0 == ranks[i].0);
        ranks[i].1 = shared;
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn competition_ranking_shares_and_skips() {
        let scores = [9.0, 5.0, 5.0, 1.0];
        let r = competition_ranks(4, |i, j| same_score(scores[i], scores[j]));
        assert_eq!(r, vec![(1, false), (2, true), (2, true), (4, false)]);
    }

    #[test]
    fn floating_point_does_not_split_a_tie() {
        let a = 40.0 * 5.0 * (11.0 / 12.0);
        let b = 55.0 * 4.0 * (5.0 / 6.0);
        assert!(same_score(a, b));
        assert!(!same_score(183.33, 183.34));
    }
}
