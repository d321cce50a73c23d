//! Every name SPEC.md fixes for the workbooks, typed once: the sheets and columns the readers look for and
//! the templates write (SPEC §4, §10), and the sheets and headers of the output workbook that last year's
//! reader relies on (SPEC §8, §5.2). Readers, template writers and the workbook writer all name them from
//! here, so a renamed column or an added one is changed in one place.
//!
//! Names are compared the way SPEC §4 says (case, spaces, hyphens, "&"/"and", a trailing colon ignored): these
//! are the spellings the templates write and the messages quote.

/// A district submission (SPEC §4.1).
/// The review folder's files by their default names (SPEC §2, §10): each used when review.toml names none.
pub mod folder {
    /// The settings of the review.
    pub const REVIEW: &str = "review.toml";
    /// The review's own taxonomy, when it brings one (SPEC §2, §3).
    pub const TAXONOMY: &str = "taxonomy.toml";
    /// The folder of the district returns.
    pub const SUBMISSIONS: &str = "submissions";
    pub const MORILE: &str = "morile.xlsx";
    pub const HORIZON: &str = "horizon.xlsx";
    /// The action plan, the folder of its progress updates, and the indicators (SPEC §10).
    pub const PLAN: &str = "plan.xlsx";
    pub const UPDATES: &str = "updates";
    pub const INDICATORS: &str = "indicators.xlsx";
    /// Everything a review folder reads by default.
    pub const ALL: [&str; 8] = [
        REVIEW,
        TAXONOMY,
        SUBMISSIONS,
        MORILE,
        HORIZON,
        PLAN,
        UPDATES,
        INDICATORS,
    ];
}

pub mod submission {
    /// The sheet of labels (column A) and values (column B) (SPEC §4.1).
    pub const SHEET_SUBMISSION: &str = "Submission";
    /// The required label naming the partnership that sent the return (SPEC §4.1).
    pub const PARTNERSHIP: &str = "Partnership";
    /// The label of the year the return is for (SPEC §4.1).
    pub const ASSESSMENT_YEAR: &str = "Assessment year";
    /// The label of who completed the return (SPEC §4.1).
    pub const COMPLETED_BY: &str = "Completed by";
    /// The label of the date the return was completed (SPEC §4.1).
    pub const DATE_COMPLETED: &str = "Date completed";
    /// The label of the districts the partnership covers (SPEC §4.1).
    pub const DISTRICTS_COVERED: &str = "Districts covered";
    /// The labels of the `Submission` sheet, in the order the template writes them (SPEC §4.1).
    pub const LABELS: [&str; 5] = [
        PARTNERSHIP,
        ASSESSMENT_YEAR,
        COMPLETED_BY,
        DATE_COMPLETED,
        DISTRICTS_COVERED,
    ];

    /// The sheet of issues, one row per issue (SPEC §4.1).
    pub const SHEET_ISSUES: &str = "Issues";
    /// Required column: the issue as the CSP names it (SPEC §4.1).
    pub const ISSUE: &str = "Issue";
    /// Required column: how the CSP identified the issue (SPEC §4.1).
    pub const IDENTIFIED_AS: &str = "Identified as";
    /// Optional column: the heading the issue sits under in the CSP's own plan (SPEC §4.1).
    pub const LOCAL_HEADING: &str = "Local heading";
    /// Optional column: free notes (SPEC §4.1).
    pub const NOTES: &str = "Notes";
    /// The required columns of `Issues` (SPEC §4.1).
    pub const ISSUES_REQUIRED: [&str; 2] = [ISSUE, IDENTIFIED_AS];
    /// The optional columns of `Issues` (SPEC §4.1).
    pub const ISSUES_OPTIONAL: [&str; 2] = [LOCAL_HEADING, NOTES];
    /// Every column of `Issues`, in the order the template writes them (SPEC §4.1).
    pub const ISSUES_COLUMNS: [&str; 4] = [ISSUE, IDENTIFIED_AS, LOCAL_HEADING, NOTES];
}

/// The MoRiLE workbook (SPEC §4.2). The factor columns come from the scoring scheme in force.
pub mod morile {
    /// The sheet of assessed items (SPEC §4.2).
    pub const SHEET: &str = "MoRiLE";
    /// Required column: the assessed item (SPEC §4.2).
    pub const ITEM: &str = "Item";
    /// Optional column: the taxonomy issue of the item (SPEC §4.2).
    pub const ISSUE: &str = "Issue";
    /// The single column of a sheet already scored (SPEC §4.2).
    pub const SCORE: &str = "Score";
    /// The single column of a sheet ranked elsewhere (SPEC §4.2).
    pub const RANK: &str = "Rank";
    /// Optional column: the assessors' confidence, High, Medium or Low (SPEC §4.2).
    pub const CONFIDENCE: &str = "Confidence";
}

/// The horizon scan (SPEC §4.3).
pub mod horizon {
    /// The sheet of horizon-scan items (SPEC §4.3).
    pub const SHEET: &str = "PESTELO";
    /// Required column: one of the seven PESTELO categories (SPEC §4.3).
    pub const CATEGORY: &str = "Category";
    /// Required column: the item (SPEC §4.3).
    pub const ITEM: &str = "Item";
    /// Optional column: the issues the item bears on, separated by `;` (SPEC §4.3).
    pub const RELATED_ISSUES: &str = "Related issues";
    /// Optional column: High 3, Medium 2, Low 1; blank is Low (SPEC §4.3).
    pub const IMPACT: &str = "Impact";
    /// Optional column: free text (SPEC §4.3).
    pub const TIMESCALE: &str = "Timescale";
    /// The required columns of `PESTELO` (SPEC §4.3).
    pub const REQUIRED: [&str; 2] = [CATEGORY, ITEM];
    /// The optional columns of `PESTELO` (SPEC §4.3).
    pub const OPTIONAL: [&str; 3] = [RELATED_ISSUES, IMPACT, TIMESCALE];
    /// Every column of `PESTELO`, in the order the template writes them (SPEC §4.3).
    pub const COLUMNS: [&str; 5] = [CATEGORY, ITEM, RELATED_ISSUES, IMPACT, TIMESCALE];
}

/// The action plan (SPEC §10.1).
pub mod plan {
    /// The sheet of priorities (SPEC §10.1).
    pub const SHEET_PRIORITIES: &str = "Priorities";
    /// Column of both sheets: the priority's name (SPEC §10.1).
    pub const PRIORITY: &str = "Priority";
    /// Optional `Priorities` column: the priority's lead (SPEC §10.1).
    pub const LEAD: &str = "Lead";
    /// Optional `Priorities` column: the priority's aim (SPEC §10.1).
    pub const AIM: &str = "Aim";
    /// Optional `Priorities` column: the narrative the summary prints (SPEC §10.1).
    pub const CONTEXT: &str = "Context";
    /// The required columns of `Priorities` (SPEC §10.1).
    pub const PRIORITIES_REQUIRED: [&str; 1] = [PRIORITY];
    /// The optional columns of `Priorities` (SPEC §10.1).
    pub const PRIORITIES_OPTIONAL: [&str; 3] = [LEAD, AIM, CONTEXT];
    /// Other headings read as a `Priorities` column (as written, as read), as in the published plans.
    pub const PRIORITIES_ALIASES: &[(&str, &str)] = &[("Priority name", PRIORITY), ("Lead officer", LEAD)];

    /// The sheet of actions, one row per action (SPEC §10.1).
    pub const SHEET_ACTIONS: &str = "Actions";
    /// Required `Actions` column: "<priority>.<objective>", a trailing `*` for funded work (SPEC §10.1).
    pub const NO: &str = "No.";
    /// Optional `Actions` column: the objective, perhaps with a category and a colon (SPEC §10.1).
    pub const OBJECTIVE: &str = "Objective";
    /// Required `Actions` column: the action (SPEC §10.1).
    pub const ACTION: &str = "Action";
    /// Optional `Actions` column: how the action is measured (SPEC §10.1).
    pub const MEASURE: &str = "Measure";
    /// Optional `Actions` column: when it is due (SPEC §10.1).
    pub const TIMESCALE: &str = "Timescale";
    /// Optional `Actions` column: who leads the action (SPEC §10.1).
    pub const LEAD_AGENCY: &str = "Lead agency";
    /// Optional `Actions` column: the action's reference (SPEC §10.1).
    pub const REF: &str = "Ref";
    /// The required columns of `Actions` (SPEC §10.1).
    pub const ACTIONS_REQUIRED: [&str; 3] = [NO, PRIORITY, ACTION];
    /// The optional columns of `Actions` (SPEC §10.1).
    pub const ACTIONS_OPTIONAL: [&str; 5] = [OBJECTIVE, MEASURE, TIMESCALE, LEAD_AGENCY, REF];
    /// Other headings read as an `Actions` column (as written, as read): the published 2018/19 plan's.
    pub const ACTIONS_ALIASES: &[(&str, &str)] = &[
        ("Actions", ACTION),
        ("Objective / Planned Outcomes", OBJECTIVE),
        ("Objectives", OBJECTIVE),
        ("Measures", MEASURE),
        ("Lead Agency / Officer", LEAD_AGENCY),
        ("Reference", REF),
        ("Number", NO),
    ];
}

/// A progress update workbook (SPEC §10.2).
pub mod progress {
    /// The sheet of updates (SPEC §10.2).
    pub const SHEET: &str = "Progress";
    /// Required column: the action's reference (SPEC §10.2).
    pub const REF: &str = "Ref";
    /// Required column: Not started, On track, At risk, Off track or Complete (SPEC §10.2).
    pub const STATUS: &str = "Status";
    /// Optional column: the text of the update (SPEC §10.2).
    pub const UPDATE: &str = "Update";
    /// Optional column: who gave the update (SPEC §10.2).
    pub const UPDATED_BY: &str = "Updated by";
    /// Required column: the date of the update (SPEC §10.2).
    pub const DATE: &str = "Date";
    /// The required columns of `Progress` (SPEC §10.2).
    pub const REQUIRED: [&str; 3] = [REF, STATUS, DATE];
    /// The optional columns of `Progress` (SPEC §10.2).
    pub const OPTIONAL: [&str; 2] = [UPDATE, UPDATED_BY];
    /// Other headings read as a `Progress` column (as written, as read).
    pub const ALIASES: &[(&str, &str)] = &[
        ("Reference", REF),
        ("Action ref", REF),
        ("Progress", UPDATE),
        ("Progress update", UPDATE),
        ("Date of update", DATE),
        ("Date updated", DATE),
        ("RAG status", STATUS),
    ];
}

/// The indicators workbook (SPEC §10.3). The period columns follow the named ones.
pub mod indicators {
    /// The sheet of indicators (SPEC §10.3).
    pub const SHEET: &str = "Indicators";
    /// Required column: the priority the indicator represents (SPEC §10.3).
    pub const PRIORITY: &str = "Priority";
    /// Required column: the indicator (SPEC §10.3).
    pub const INDICATOR: &str = "Indicator";
    /// Required column: "lower", "higher" or "neither" (SPEC §10.3).
    pub const BETTER: &str = "Better";
    /// Optional column (SPEC §10.3).
    pub const UNIT: &str = "Unit";
    /// Optional column (SPEC §10.3).
    pub const GEOGRAPHY: &str = "Geography";
    /// Optional column (SPEC §10.3).
    pub const SOURCE: &str = "Source";
    /// Optional column: a caveat (SPEC §10.3).
    pub const NOTE: &str = "Note";
    /// Optional column: a change as published (SPEC §10.3).
    pub const STATED_CHANGE: &str = "Stated change";
    /// Optional column: a direction as published (SPEC §10.3).
    pub const STATED_DIRECTION: &str = "Stated direction";
    /// Read beside `Note` when a sheet heads its caveats so.
    pub const NOTES: &str = "Notes";
    /// The named columns: the first three required, the others optional; the period columns follow
    /// (SPEC §10.3).
    pub const COLUMNS: [&str; 10] = [
        PRIORITY,
        INDICATOR,
        BETTER,
        UNIT,
        GEOGRAPHY,
        SOURCE,
        NOTE,
        STATED_CHANGE,
        STATED_DIRECTION,
        NOTES,
    ];
    /// How many of [`COLUMNS`] are required.
    pub const REQUIRED: usize = 3;
    /// Other headings read as a column (as written, as read).
    pub const ALIASES: &[(&str, &str)] = &[("Better if", BETTER), ("Better when", BETTER)];
}

/// The output workbook (SPEC §8), and the headers last year's reader looks for in it (SPEC §5.2).
pub mod output {
    /// The first sheet (SPEC §8).
    pub const SUMMARY: &str = "Summary";
    /// The districts' counts (SPEC §8).
    pub const APPENDIX_A: &str = "Appendix A";
    /// The MoRiLE items (SPEC §8).
    pub const APPENDIX_B: &str = "Appendix B";
    /// The PESTELO items (SPEC §8).
    pub const APPENDIX_C: &str = "Appendix C";
    /// The combined ranking (SPEC §8).
    pub const RANKING: &str = "Ranking";
    /// Inserted after `Ranking` (SPEC §8).
    pub const SENSITIVITY: &str = "Sensitivity";
    /// Current versus proposed (SPEC §8).
    pub const COMPARISON: &str = "Comparison";
    /// Inserted after `Comparison` (SPEC §8).
    pub const ACTION_PLAN: &str = "Action plan";
    /// Partnerships received and missing, warnings (SPEC §8).
    pub const DATA_QUALITY: &str = "Data quality";
    /// Tool version, settings, inputs' SHA-256 (SPEC §8).
    pub const PROVENANCE: &str = "Provenance";
    /// The sheets in their order: the eight of SPEC §8, with Sensitivity after Ranking and Action plan
    /// after Comparison.
    pub const SHEETS: [&str; 10] = [
        SUMMARY,
        APPENDIX_A,
        APPENDIX_B,
        APPENDIX_C,
        RANKING,
        SENSITIVITY,
        COMPARISON,
        ACTION_PLAN,
        DATA_QUALITY,
        PROVENANCE,
    ];

    /// First header of `Appendix A`: the issue's label (SPEC §8).
    pub const PRIORITY: &str = "Priority";
    /// Second header of `Appendix A` (SPEC §8).
    pub const CSP_COUNT: &str = "No. of CSPs identifying these issues";
    /// First header of `Appendix B` and of `Ranking` (SPEC §8).
    pub const RANK: &str = "Rank";
    /// Second header of `Appendix B` (SPEC §8).
    pub const ITEM: &str = "Item";
    /// Header of `Appendix B`, `Ranking` and `Comparison`: the taxonomy issue (SPEC §8).
    pub const ISSUE: &str = "Issue";
    /// The row under the `Appendix A` table that ends it (SPEC §8).
    pub const TOTAL: &str = "Total";
    /// `Comparison` header: a priority or a cross-cutting theme (SPEC §8).
    pub const TYPE: &str = "Type";
    /// `Comparison` header: the proposed name (SPEC §8).
    pub const PROPOSED: &str = "Proposed";
    /// `Comparison` type of a priority (SPEC §8).
    pub const TYPE_PRIORITY: &str = "Priority";
    /// `Comparison` type of a cross-cutting theme (SPEC §8).
    pub const TYPE_THEME: &str = "Cross-cutting theme";
    /// The `Summary` label of the number of partnerships expected, which last year's reader takes (SPEC §5.2).
    pub const PARTNERSHIPS_EXPECTED: &str = "Partnerships expected";
    /// How the note under `Appendix A` begins: "Strategic assessments received from 11 of 12 CSPs."
    /// (last year's number of partnerships when its Summary does not say, SPEC §5.2).
    pub const RECEIVED_FROM: &str = "Strategic assessments received from ";
}

/// The workbook `monitor` writes (SPEC §10.5).
pub mod monitoring {
    /// A summary per priority (SPEC §10.5).
    pub const SUMMARY: &str = super::output::SUMMARY;
    /// The actions, RAG coloured (SPEC §10.5).
    pub const ACTIONS: &str = super::plan::SHEET_ACTIONS;
    /// The indicators' values by period, with a sparkline per row (SPEC §10.5).
    pub const INDICATORS: &str = super::indicators::SHEET;
    /// Warnings with file and cell (SPEC §10.5).
    pub const DATA_QUALITY: &str = super::output::DATA_QUALITY;
    /// Tool version and the inputs' SHA-256 (SPEC §10.5).
    pub const PROVENANCE: &str = super::output::PROVENANCE;
    /// The sheets in their order (SPEC §10.5).
    pub const SHEETS: [&str; 5] = [SUMMARY, ACTIONS, INDICATORS, DATA_QUALITY, PROVENANCE];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column added to a sheet's list of columns is also required or optional, and the other way round,
    /// so the template writes every column the reader looks for.
    #[test]
    fn every_column_a_template_writes_is_one_its_reader_looks_for() {
        let joined = |a: &[&'static str], b: &[&'static str]| a.iter().chain(b).copied().collect::<Vec<_>>();
        assert_eq!(
            joined(&submission::ISSUES_REQUIRED, &submission::ISSUES_OPTIONAL),
            submission::ISSUES_COLUMNS
        );
        assert_eq!(joined(&horizon::REQUIRED, &horizon::OPTIONAL), horizon::COLUMNS);
        assert_eq!(submission::LABELS[0], submission::PARTNERSHIP);
    }

    #[test]
    fn the_eight_sheets_of_spec_8_keep_their_order() {
        let eight = [
            "Summary",
            "Appendix A",
            "Appendix B",
            "Appendix C",
            "Ranking",
            "Comparison",
            "Data quality",
            "Provenance",
        ];
        let kept: Vec<&str> = output::SHEETS.iter().copied().filter(|s| eight.contains(s)).collect();
        assert_eq!(kept, eight);
        let after = |sheet: &str| output::SHEETS[output::SHEETS.iter().position(|s| *s == sheet).unwrap() - 1];
        assert_eq!(after(output::SENSITIVITY), output::RANKING);
        assert_eq!(after(output::ACTION_PLAN), output::COMPARISON);
        assert_eq!(
            monitoring::SHEETS,
            ["Summary", "Actions", "Indicators", "Data quality", "Provenance"]
        );
    }

    /// Column names are found the way SPEC §4 compares names, so no two names of one sheet may be the same
    /// name in that comparison.
    #[test]
    fn no_two_columns_of_a_sheet_are_the_same_name() {
        use crate::taxonomy::key;
        let sheets: [&[&str]; 7] = [
            &submission::LABELS,
            &submission::ISSUES_COLUMNS,
            &horizon::COLUMNS,
            &[
                morile::ITEM,
                morile::ISSUE,
                morile::SCORE,
                morile::RANK,
                morile::CONFIDENCE,
            ],
            &[plan::ACTIONS_REQUIRED.as_slice(), &plan::ACTIONS_OPTIONAL].concat(),
            &[progress::REQUIRED.as_slice(), &progress::OPTIONAL].concat(),
            &indicators::COLUMNS,
        ];
        for names in sheets {
            let mut keys: Vec<String> = names.iter().map(|n| key(n)).collect();
            keys.sort();
            let n = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), n, "{names:?}");
        }
    }
}
