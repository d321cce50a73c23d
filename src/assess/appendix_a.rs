//! Appendix A: per issue, how many CSPs identified it, and how (SPEC §4.1, §7, §9).

use crate::config::Review;
use crate::error::{Diagnostics, Location};
use crate::read::submission::{Identification, Submission};
use crate::taxonomy::{IssueId, Lookup, NameUsed, Taxonomy, key, suggest};
use std::collections::{BTreeMap, HashMap};

/// One row of Appendix A.
#[derive(Debug, Clone)]
pub struct AppendixRow {
    pub issue: IssueId,
    pub csp_count: usize,
    pub main_priority: usize,
    pub cross_cutting_theme: usize,
    pub part_of_broader_theme: usize,
    /// The CSPs that identified it (their review.toml names), sorted.
    pub partnerships: Vec<String>,
    /// Each CSP's strongest identification and the names it used, for `explain` and the workbook.
    pub detail: Vec<(String, Identification, Vec<String>)>,
}

/// A name that matched no issue.
#[derive(Debug, Clone)]
pub struct OtherFocusArea {
    pub name: String,
    pub partnerships: Vec<String>,
}

/// A submission matched to its partnership.
#[derive(Debug, Clone)]
pub struct Received {
    pub partnership: usize,
    pub submission: Submission,
}

#[derive(Debug, Clone)]
pub struct AppendixA {
    /// In the printed order: count descending, ties in taxonomy order.
    pub rows: Vec<AppendixRow>,
    pub other_focus_areas: Vec<OtherFocusArea>,
    /// The `[names]` mappings of review.toml that the returns used, in review.toml order (SPEC §3.3).
    pub names_used: Vec<NameUsed>,
    pub expected: usize,
    pub received: Vec<String>,
    pub missing: Vec<String>,
}

impl AppendixA {
    pub fn total(&self) -> usize {
        self.rows.iter().map(|r| r.csp_count).sum()
    }
    pub fn row(&self, issue: IssueId) -> Option<&AppendixRow> {
        self.rows.iter().find(|r| r.issue == issue)
    }
    pub fn count(&self, issue: IssueId) -> usize {
        self.row(issue).map_or(0, |r| r.csp_count)
    }
}

/// Match each submission to its partnership. An unknown name or two files for one partnership is an error
/// naming the files; a missing partnership is a warning.
pub fn match_partnerships(review: &Review, submissions: Vec<Submission>, d: &mut Diagnostics) -> Vec<Received> {
    let mut by_partnership: HashMap<usize, String> = HashMap::new();
    let mut received = Vec::new();
    for s in submissions {
        let Some(p) = review.partnership(&s.partnership) else {
            let known = review
                .partnerships
                .iter()
                .map(String::as_str)
                .chain(review.partnership_aliases.values().flatten().map(String::as_str));
            let hint = suggest(&s.partnership, known)
                .map(|n| format!(" Did you mean \"{n}\"?"))
                .unwrap_or_default();
            d.error(
                s.partnership_cell.clone(),
                format!("unknown partnership \"{}\": it is not in `partnerships` or [partnership_aliases] of review.toml.{hint}", s.partnership),
            );
            continue;
        };
        if let Some(first) = by_partnership.get(&p) {
            d.error(
                Location::file(&s.file),
                format!(
                    "two files for the partnership \"{}\": {first} and {}; remove one",
                    review.partnerships[p], s.file
                ),
            );
            continue;
        }
        by_partnership.insert(p, s.file.clone());
        received.push(Received {
            partnership: p,
            submission: s,
        });
    }
    received.sort_by_key(|r| r.partnership);
    received
}

/// Count the CSPs per issue. A CSP counts at most once per issue, with its strongest identification.
pub fn count(review: &Review, received: &[Received], d: &mut Diagnostics) -> AppendixA {
    let taxonomy: &Taxonomy = &review.taxonomy;
    // (issue, partnership) -> (strongest identification, names used)
    let mut best: BTreeMap<(IssueId, usize), (Identification, Vec<String>)> = BTreeMap::new();
    // matching key -> (spellings seen with how often, partnerships)
    let mut others: BTreeMap<String, (BTreeMap<String, usize>, Vec<usize>)> = BTreeMap::new();
    // [names] entry -> partnerships that used it
    let mut used: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    // Each distinct unknown name is advised on once (SPEC §3.3; the search is bounded, but a return may
    // repeat a name thousands of times).
    let mut advice: HashMap<String, String> = HashMap::new();
    for r in received {
        for row in &r.submission.rows {
            if row.identified == Identification::NotIdentified {
                continue;
            }
            let one: [IssueId; 1];
            let (issues, warn): (&[IssueId], bool) = match taxonomy.lookup(&row.name) {
                Lookup::Issue(id) => {
                    one = [id];
                    (&one, false)
                }
                Lookup::Mapped { entry, issues } => {
                    let who = used.entry(entry).or_default();
                    if !who.contains(&r.partnership) {
                        who.push(r.partnership);
                    }
                    (issues, false)
                }
                Lookup::Unknown => (&[], true),
            };
            for &issue in issues {
                let entry = best
                    .entry((issue, r.partnership))
                    .or_insert((row.identified, Vec::new()));
                entry.0 = entry.0.max(row.identified);
                if !entry.1.contains(&row.name) {
                    entry.1.push(row.name.clone());
                }
            }
            if issues.is_empty() {
                if warn {
                    // By the name as written: the message quotes it and gives its [names] line.
                    let message = advice
                        .entry(row.name.clone())
                        .or_insert_with(|| taxonomy.advise(&row.name).message(taxonomy, &row.name));
                    d.warning(row.cell.clone(), message.clone());
                }
                let entry = others.entry(key(&row.name)).or_default();
                *entry.0.entry(row.name.clone()).or_default() += 1;
                if !entry.1.contains(&r.partnership) {
                    entry.1.push(r.partnership);
                }
            }
        }
    }
    let names = |ids: &[usize]| -> Vec<String> {
        let mut v: Vec<String> = ids.iter().map(|&p| review.partnerships[p].clone()).collect();
        v.sort();
        v
    };
    let mut rows: Vec<AppendixRow> = (0..taxonomy.len())
        .filter_map(|issue| {
            let who: Vec<(usize, Identification, Vec<String>)> = best
                .iter()
                .filter(|((i, _), _)| *i == issue)
                .map(|((_, p), (id, used))| (*p, *id, used.clone()))
                .collect();
            if who.is_empty() {
                return None;
            }
            let n = |want: Identification| who.iter().filter(|(_, id, _)| *id == want).count();
            let mut detail: Vec<(String, Identification, Vec<String>)> = who
                .iter()
                .map(|(p, id, used)| (review.partnerships[*p].clone(), *id, used.clone()))
                .collect();
            detail.sort_by(|a, b| a.0.cmp(&b.0));
            Some(AppendixRow {
                issue,
                csp_count: who.len(),
                main_priority: n(Identification::MainPriority),
                cross_cutting_theme: n(Identification::CrossCuttingTheme),
                part_of_broader_theme: n(Identification::PartOfBroaderTheme),
                partnerships: names(&who.iter().map(|w| w.0).collect::<Vec<_>>()),
                detail,
            })
        })
        .collect();
    rows.sort_by(|a, b| b.csp_count.cmp(&a.csp_count).then(a.issue.cmp(&b.issue)));

    // An other focus area is shown in its most used spelling (ties: the first in code-point order).
    let mut other_focus_areas: Vec<OtherFocusArea> = others
        .into_values()
        .map(|(spellings, who)| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            OtherFocusArea {
                name,
                partnerships: names(&who),
            }
        })
        .collect();
    other_focus_areas.sort_by(|a, b| a.name.cmp(&b.name));

    let names_used = used
        .into_iter()
        .map(|(entry, who)| {
            let mapped = &taxonomy.names.entries[entry];
            NameUsed {
                name: mapped.name.clone(),
                issues: mapped.issues.iter().map(|&i| taxonomy.name(i).to_string()).collect(),
                partnerships: names(&who),
            }
        })
        .collect();

    let got: Vec<usize> = received.iter().map(|r| r.partnership).collect();
    let mut missing: Vec<String> = (0..review.partnerships.len())
        .filter(|p| !got.contains(p))
        .map(|p| review.partnerships[p].clone())
        .collect();
    missing.sort();
    for m in &missing {
        d.warning(
            Location::file(review.shown(&review.submissions)),
            format!(
                "no submission from \"{m}\"; the denominator stays {}",
                review.partnerships.len()
            ),
        );
    }
    AppendixA {
        rows,
        other_focus_areas,
        names_used,
        expected: review.partnerships.len(),
        received: names(&got),
        missing,
    }
}
