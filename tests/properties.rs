//! Property tests of counting, ranking and name matching (SPEC §3, §4.1, §5).

use csa_review::assess::appendix_a::{self, Received};
use csa_review::assess::horizon::Horizon;
use csa_review::assess::ranking;
use csa_review::config::Review;
use csa_review::error::{Diagnostics, Location};
use csa_review::read::submission::{Identification, IssueRow, Submission};
use csa_review::taxonomy::{Taxonomy, key};
use proptest::prelude::*;

const NAMES: [&str; 16] = [
    "DA",
    "Domestic Abuse",
    "CSE",
    "Safeguarding",
    "ASB",
    "anti social behavior",
    "Gangs",
    "Modern Slavery",
    "Drugs",
    "PREVENT",
    "Hate crime",
    "IOM",
    "Burglary",
    "Cohesion",
    "Road Safety",
    "Troubled families",
];

fn review(n: usize) -> Review {
    let list: Vec<String> = (0..n).map(|i| format!("\"P{i}\"")).collect();
    let text = format!(
        "area = \"T\"\nyear = \"2024-25\"\npartnerships = [{}]\n",
        list.join(", ")
    );
    Review::parse(std::path::Path::new("/nonexistent"), &text).unwrap()
}

fn identification(i: u8) -> Identification {
    Identification::CHOICES[i as usize % 4]
}

/// Submissions from (partnership, rows of (name index, identification index)).
fn submissions(rows: &[Vec<(usize, u8)>]) -> Vec<Received> {
    rows.iter()
        .enumerate()
        .map(|(p, rows)| Received {
            partnership: p,
            submission: Submission {
                file: format!("f{p}.xlsx"),
                partnership: format!("P{p}"),
                partnership_cell: Location::none(),
                assessment_year: None,
                completed_by: None,
                date_completed: None,
                districts_covered: None,
                digest: (0, String::new()),
                rows: rows
                    .iter()
                    .map(|(n, i)| IssueRow {
                        name: NAMES[*n % NAMES.len()].to_string(),
                        identified: identification(*i),
                        cell: Location::none(),
                        local_heading: None,
                        notes: None,
                    })
                    .collect(),
            },
        })
        .collect()
}

type Counts = Vec<(usize, usize, usize, usize, usize, Vec<String>)>;

fn counts(r: &Review, received: &[Received]) -> (Counts, Vec<(String, Vec<String>)>) {
    let a = appendix_a::count(r, received, &mut Diagnostics::default());
    let rows = a
        .rows
        .iter()
        .map(|x| {
            (
                x.issue,
                x.csp_count,
                x.main_priority,
                x.cross_cutting_theme,
                x.part_of_broader_theme,
                x.partnerships.clone(),
            )
        })
        .collect();
    let others = a
        .other_focus_areas
        .iter()
        .map(|o| (o.name.clone(), o.partnerships.clone()))
        .collect();
    (rows, others)
}

fn csp_rows() -> impl Strategy<Value = Vec<Vec<(usize, u8)>>> {
    prop::collection::vec(prop::collection::vec((0..NAMES.len(), 0u8..4), 0..12), 1..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_order_of_the_submissions_does_not_change_the_result(rows in csp_rows(), seed in any::<u64>()) {
        let r = review(rows.len());
        let received = submissions(&rows);
        let mut shuffled = received.clone();
        // A deterministic shuffle from the seed, and new file names.
        let mut s = seed | 1;
        for i in (1..shuffled.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            shuffled.swap(i, (s % (i as u64 + 1)) as usize);
        }
        for (i, x) in shuffled.iter_mut().enumerate() {
            x.submission.file = format!("renamed-{i}.xls");
        }
        prop_assert_eq!(counts(&r, &received), counts(&r, &shuffled));
    }

    #[test]
    fn repeating_a_row_does_not_change_a_count(rows in csp_rows(), which in any::<prop::sample::Index>()) {
        let r = review(rows.len());
        let received = submissions(&rows);
        let mut repeated = received.clone();
        let p = which.index(repeated.len());
        if let Some(first) = repeated[p].submission.rows.first().cloned() {
            repeated[p].submission.rows.push(first);
        }
        prop_assert_eq!(counts(&r, &received), counts(&r, &repeated));
    }

    #[test]
    fn counts_are_bounded_and_breakdowns_add_up(rows in csp_rows()) {
        let r = review(rows.len());
        let (rows_out, _) = counts(&r, &submissions(&rows));
        for (_, count, main, cross, broader, who) in &rows_out {
            prop_assert!(*count <= r.partnerships.len());
            prop_assert_eq!(main + cross + broader, *count);
            prop_assert_eq!(who.len(), *count);
        }
        for w in rows_out.windows(2) {
            prop_assert!(w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0), "printed order");
        }
    }

    #[test]
    fn the_same_inputs_give_the_same_ranking(rows in csp_rows()) {
        let r = review(rows.len());
        let received = submissions(&rows);
        let run = || {
            let a = appendix_a::count(&r, &received, &mut Diagnostics::default());
            ranking::rank(&r, &a, None, &Horizon::default())
                .iter()
                .map(|x| (x.issue, x.rank, x.combined.to_bits(), x.recommendation))
                .collect::<Vec<_>>()
        };
        let first = run();
        prop_assert_eq!(&first, &run());
        for w in first.windows(2) {
            prop_assert!(w[0].1 <= w[1].1);
        }
    }

    #[test]
    fn name_normalisation_is_idempotent_and_ignores_what_the_spec_ignores(name in "[A-Za-z&\\- .]{0,30}") {
        let k = key(&name);
        prop_assert_eq!(key(&k), k.clone());
        prop_assert_eq!(key(&format!("  {}.  ", name.to_uppercase())), key(&name.to_lowercase()));
        let t = Taxonomy::builtin("kent-2018-19").unwrap();
        prop_assert_eq!(t.find(&name.replace('&', " and ")), t.find(&name));
    }
}
