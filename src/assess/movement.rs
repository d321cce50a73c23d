//! Year on year against last year's workbook (SPEC §5.2), read as a league table: `places` = last year's
//! position − this year's, so a positive number means the issue has risen. When the number of partnerships
//! changed (a split or a merger), shares are compared beside counts and the output says so.

use super::appendix_a::AppendixA;
use super::morile::Morile;
use super::ranking::Ranked;
use crate::config::round;
use crate::read::previous::{NotComparable, Previous};
use crate::taxonomy::IssueId;
use serde::Serialize;

/// How an issue moved since last year: the five movement words of SPEC §5.2, written as the words
/// (JSON `movement`, the tables, the workbook).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Moved {
    /// Higher in this year's combined ranking (places > 0).
    Risen,
    /// Lower in this year's combined ranking (places < 0).
    Dropped,
    /// The same position (places = 0).
    NoChange,
    /// Not in last year's ranking.
    New,
    /// In last year's ranking, not this year's.
    Gone,
}

impl Moved {
    pub const ALL: [Moved; 5] = [Moved::Risen, Moved::Dropped, Moved::NoChange, Moved::New, Moved::Gone];

    /// The words of SPEC §5.2: "risen up the listing", "dropped down the list", ...
    pub const fn as_str(self) -> &'static str {
        match self {
            Moved::Risen => "risen up the listing",
            Moved::Dropped => "dropped down the list",
            Moved::NoChange => "no change",
            Moved::New => "new this year",
            Moved::Gone => "no longer identified",
        }
    }
}

impl std::fmt::Display for Moved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Moved {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Compared with its words, as the JSON reads.
impl PartialEq<&str> for Moved {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// How one issue moved since last year. Serialised as JSON `ranking[].previous` (SPEC §7): last year's
/// `csp_count`, `position` and `morile_rank`, then `csp_change`, `share_change`, `places`, `movement`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Movement {
    /// CSPs identifying it last year (0 when it was not in last year's Appendix A).
    #[serde(rename = "csp_count")]
    pub previous_csp_count: usize,
    /// Its position in last year's combined ranking; `None` when it was not ranked.
    #[serde(rename = "position")]
    pub previous_position: Option<usize>,
    /// The MoRiLE rank of its best item last year.
    #[serde(rename = "morile_rank")]
    pub previous_morile_rank: Option<usize>,
    /// This year's count − last year's.
    pub csp_change: i64,
    /// This year's share of partnerships − last year's (3 decimals).
    pub share_change: f64,
    /// Last year's position − this year's: positive = risen; `None` unless ranked both years.
    pub places: Option<i64>,
    /// One of the five movements, serialised as its words.
    pub movement: Moved,
    /// Its position in this year's combined ranking.
    #[serde(skip)]
    pub position: Option<usize>,
    /// Its share of partnerships last year and this year.
    #[serde(skip)]
    pub previous_share: f64,
    #[serde(skip)]
    pub share: f64,
    /// The change in its best MoRiLE rank (negative = up the ranking).
    #[serde(skip)]
    pub morile_rank_change: Option<i64>,
}

/// What the comparison as a whole says: against which year, the partnerships then and now, and last
/// year's rows that cannot be compared (JSON `year_on_year`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearOnYear<'a> {
    pub file: &'a str,
    pub year: Option<&'a str>,
    /// Last year's number of partnerships (this year's when last year's workbook does not say).
    pub partnerships_then: usize,
    pub partnerships_now: usize,
    /// A sentence for the output when the number of partnerships changed.
    pub note: Option<String>,
    pub not_comparable: &'a [NotComparable],
}

/// The summary of the comparison.
pub fn summary(prev: &Previous, expected: usize) -> YearOnYear<'_> {
    let then = prev.partnerships.unwrap_or(expected);
    YearOnYear {
        file: &prev.file,
        year: prev.year.as_deref(),
        partnerships_then: then,
        partnerships_now: expected,
        note: partnerships_note(prev, expected),
        not_comparable: &prev.not_comparable,
    }
}

/// "The number of partnerships changed from 11 to 12 ...", when it did.
pub fn partnerships_note(prev: &Previous, expected: usize) -> Option<String> {
    let then = prev.partnerships?;
    (then != expected).then(|| {
        format!(
            "the number of partnerships changed from {then} last year to {expected} this year; counts are not directly comparable, so shares of partnerships are compared beside them"
        )
    })
}

/// The movement of every issue ranked or counted this year or last, in this year's ranking order, then
/// the issues only last year knew (in last year's order).
pub fn assess(prev: &Previous, a: &AppendixA, ranking: &[Ranked], morile: Option<&Morile>) -> Vec<(IssueId, Movement)> {
    let then_expected = prev.partnerships.unwrap_or(a.expected).max(1) as f64;
    let now_expected = a.expected.max(1) as f64;
    let mut issues: Vec<IssueId> = ranking.iter().map(|r| r.issue).collect();
    for (issue, _) in prev.positions.iter().chain(&prev.counts) {
        if !issues.contains(issue) {
            issues.push(*issue);
        }
    }
    issues
        .into_iter()
        .map(|issue| {
            let count = a.count(issue);
            let before = prev.count(issue).unwrap_or(0);
            let position = ranking.iter().find(|r| r.issue == issue).map(|r| r.rank);
            let previous_position = prev.position(issue);
            let places = previous_position
                .zip(position)
                .map(|(then, now)| then as i64 - now as i64);
            let movement = match (previous_position, position, places) {
                (None, Some(_), _) => Moved::New,
                (Some(_), None, _) => Moved::Gone,
                (_, _, Some(p)) if p > 0 => Moved::Risen,
                (_, _, Some(p)) if p < 0 => Moved::Dropped,
                (_, _, Some(_)) => Moved::NoChange,
                // In neither ranking (a workbook with no Ranking sheet): by count.
                _ if count > 0 && before == 0 => Moved::New,
                _ if count == 0 && before > 0 => Moved::Gone,
                _ => Moved::NoChange,
            };
            let previous_morile_rank = prev.morile_rank(issue);
            let morile_now = morile.and_then(|m| m.issue_best(issue)).map(|b| b.rank);
            let (previous_share, share) = (before as f64 / then_expected, count as f64 / now_expected);
            (
                issue,
                Movement {
                    previous_csp_count: before,
                    previous_position,
                    previous_morile_rank,
                    csp_change: count as i64 - before as i64,
                    share_change: round(share - previous_share, 3) + 0.0, // never -0
                    places,
                    movement,
                    position,
                    previous_share,
                    share,
                    morile_rank_change: previous_morile_rank
                        .zip(morile_now)
                        .map(|(then, now)| now as i64 - then as i64),
                },
            )
        })
        .collect()
}

/// A priority or theme kept under a new name (SPEC §5.1 `comparison.renamed`, `themes_renamed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renamed {
    pub from: String,
    pub to: String,
}

/// The current priorities retained under a new name (a `retain` decision with a `name`), and the current
/// themes whose issue gets a `theme` decision with a `name`, in the order of `[current]`.
pub fn renamed(review: &crate::config::Review, ranking: &[Ranked]) -> (Vec<Renamed>, Vec<Renamed>) {
    use crate::config::Action;
    let new_name = |issue: Option<IssueId>, action: Action, from: &str| -> Option<Renamed> {
        let r = ranking.iter().find(|r| Some(r.issue) == issue)?;
        let d = r
            .decision
            .as_ref()
            .filter(|d| d.action == action && r.final_action() == action)?;
        let to = d.name.as_deref()?;
        (crate::taxonomy::key(to) != crate::taxonomy::key(from)).then(|| Renamed {
            from: from.to_string(),
            to: to.to_string(),
        })
    };
    let priorities = review
        .priorities
        .iter()
        .filter_map(|p| new_name(p.issue, Action::Retain, &p.name))
        .collect();
    let themes = review
        .themes
        .iter()
        .filter_map(|t| new_name(t.issue, Action::Theme, &t.name))
        .collect();
    (priorities, themes)
}

#[cfg(test)]
mod tests {
    use super::Moved;

    #[test]
    fn movements_are_written_as_the_words_of_spec_5_2() {
        let words: Vec<String> = Moved::ALL
            .iter()
            .map(|m| serde_json::to_value(m).unwrap().as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            words,
            [
                "risen up the listing",
                "dropped down the list",
                "no change",
                "new this year",
                "no longer identified"
            ]
        );
        assert_eq!(Moved::Gone, "no longer identified");
        assert_eq!(Moved::Risen.to_string(), "risen up the listing");
    }
}
