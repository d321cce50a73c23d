//! Every section of the report built once, as plain rows and words, from the assessment. The renderers
//! (terminal table, markdown, CSV, workbook, HTML) only lay these out: they choose columns and styles, never
//! words or figures. All the wording users read in the report lives here and in [`words`].

use crate::Assessment;
use crate::assess::rank_label;
use crate::assess::ranking::TIE_RULES;
use crate::config::round;
use crate::read::horizon::Category;
use crate::read::submission::Identification;
use crate::schema::output;

/// The words of the report that more than one section or renderer uses.
pub mod words {
    /// What an empty list reads as.
    pub const NONE: &str = "none";
    /// Last year's name that matches no issue of this year's taxonomy (SPEC §5.2).
    pub const NOT_COMPARABLE: &str = "not comparable";
    /// A name mapped to `[]` under `[names]`: listed as an other focus area.
    pub const COUNTED_AS_NONE: &str = "none (an other focus area)";
    /// A Low MoRiLE confidence, flagged as SPEC §4.2 asks.
    pub const LOW_CONFIDENCE: &str = "Low (intelligence gap)";
    /// An Appendix B item whose issue is not known.
    pub const NO_ISSUE: &str = "(no issue)";
    /// A proposed priority still marked `review` with no decision recorded.
    pub const AWAITING: &str = "awaiting a decision";
    /// The MoRiLE caveat of the published covering report.
    pub const MORILE_NOT_ALONE: &str = "MoRiLE is not used in isolation: it is shown beside the district counts and the horizon scan, and the Working Group decides.";

    /// The label of a horizon-scan impact (3 High, 2 Medium, else Low).
    pub fn impact(points: u8) -> &'static str {
        crate::vocab::Impact::from_points(points).label()
    }

    /// The note under Appendix B saying which scoring scheme gave the scores.
    pub fn scheme_note(customised: bool) -> &'static str {
        if customised {
            "Scores use the scoring scheme set in review.toml: local values, not official MoRiLE values."
        } else {
            "Scores use csa-review's default scheme: local defaults, not official MoRiLE values."
        }
    }

    /// A list as one line: "a; b; c", or "none".
    pub fn list(items: &[String]) -> String {
        if items.is_empty() {
            NONE.to_string()
        } else {
            items.join("; ")
        }
    }

    /// The title of the whole report.
    pub fn report_title(area: &str, year: &str) -> String {
        format!("{area} Community Safety Agreement review {year}")
    }
}

/// How a number is shown: whole, with a fixed number of decimals, or as a percentage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown {
    Whole,
    Places(u8),
    Percent,
}

/// One cell: the text every renderer shows and, where the cell is a number, the number (rounded as shown,
/// so the workbook, the HTML and the JSON carry the same figure).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub number: Option<f64>,
    pub shown: Shown,
    /// A list (of partnerships, issues): its items, for renderers that lay lists out their own way.
    pub items: Vec<String>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            number: None,
            shown: Shown::Whole,
            items: Vec::new(),
        }
    }
    pub fn empty() -> Cell {
        Cell::text("")
    }
    pub fn whole(n: usize) -> Cell {
        Cell {
            text: n.to_string(),
            number: Some(n as f64),
            ..Cell::empty()
        }
    }
    /// A signed whole number ("+3", "-2", "+0").
    pub fn signed(n: i64) -> Cell {
        Cell {
            text: format!("{n:+}"),
            number: Some(n as f64),
            ..Cell::empty()
        }
    }
    /// A number rounded to `places` decimals, shown without trailing zeros.
    pub fn decimal(x: f64, places: u8) -> Cell {
        Cell {
            text: num(x, places as usize),
            number: Some(round(x, i32::from(places))),
            shown: Shown::Places(places),
            items: Vec::new(),
        }
    }
    /// A share shown as a whole percentage ("47%").
    pub fn percent(share: f64) -> Cell {
        Cell {
            text: format!("{}%", (share * 100.0).round()),
            number: Some(round(share, 3)),
            shown: Shown::Percent,
            items: Vec::new(),
        }
    }
    /// A competition rank: a number, or the text "12=" when tied (SPEC §8).
    pub fn rank(rank: usize, tied: bool) -> Cell {
        if tied {
            Cell::text(rank_label(rank, true))
        } else {
            Cell::whole(rank)
        }
    }
    /// A rank given as text ("3" or "12="): a number unless tied.
    pub fn rank_text(text: &str) -> Cell {
        match text.parse::<usize>() {
            Ok(n) => Cell::whole(n),
            Err(_) => Cell::text(text),
        }
    }
    /// A list, shown joined by ", ".
    pub fn list(items: &[String]) -> Cell {
        Cell {
            text: items.join(", "),
            items: items.to_vec(),
            ..Cell::empty()
        }
    }
    pub fn opt(text: Option<impl Into<String>>) -> Cell {
        text.map(Cell::text).unwrap_or_else(Cell::empty)
    }
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// A number with up to `places` decimals and no trailing zeros.
pub fn num(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A column: its key (the CSV header and the renderers' handle) and its heading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub key: &'static str,
    pub heading: &'static str,
}

const fn col(key: &'static str, heading: &'static str) -> Column {
    Column { key, heading }
}

/// One section of the report: a title, facts (label and value lines), a table, and notes below it.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub title: String,
    /// Label and value lines shown before the table ("Proposed priorities: ...").
    pub facts: Vec<(String, Cell)>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// What to say instead of the table when it has no rows.
    pub empty: Option<String>,
    /// Sentences shown under the table.
    pub notes: Vec<String>,
}

impl Section {
    /// The position of a column by its key.
    pub fn position(&self, key: &str) -> usize {
        self.columns
            .iter()
            .position(|c| c.key == key)
            .unwrap_or_else(|| panic!("section '{}' has no column '{key}'", self.title))
    }

    /// The headings and rows of the columns named by `keys`, in that order.
    pub fn pick(&self, keys: &[&str]) -> (Vec<&'static str>, Vec<Vec<&Cell>>) {
        let at: Vec<usize> = keys.iter().map(|k| self.position(k)).collect();
        let headings = at.iter().map(|&i| self.columns[i].heading).collect();
        let rows = self.rows.iter().map(|r| at.iter().map(|&i| &r[i]).collect()).collect();
        (headings, rows)
    }

    /// Every column's key.
    pub fn keys(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.key).collect()
    }

    /// Every column's heading.
    pub fn headings(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.heading).collect()
    }

    /// The value of a fact by its label.
    pub fn fact(&self, label: &str) -> Option<&Cell> {
        self.facts.iter().find(|(l, _)| l == label).map(|(_, c)| c)
    }
}

/// Every section of the report, in the order of SPEC §8.2.
#[derive(Debug, Clone)]
pub struct Report {
    pub title: String,
    pub area: String,
    pub year: String,
    /// The few lines a reader needs first: what is proposed, what changed, returns, problems.
    pub headline: Section,
    pub summary: Section,
    pub appendix_a: Section,
    pub other_focus_areas: Section,
    pub appendix_b: Section,
    pub appendix_c: Section,
    pub ranking: Section,
    pub sensitivity: Section,
    pub comparison: Section,
    /// How the action plan is going per current priority, when review.toml has `[monitoring]`.
    pub delivery: Option<Section>,
    pub movement: Option<Section>,
    pub data_quality: Section,
    pub names_used: Option<Section>,
    pub warnings: Section,
    pub provenance: Section,
    pub inputs: Section,
}

/// Build every section once.
pub fn build(a: &Assessment) -> Report {
    Report {
        title: words::report_title(&a.review.area, &a.review.year),
        area: a.review.area.clone(),
        year: a.review.year.clone(),
        headline: headline(a),
        summary: summary(a),
        appendix_a: appendix_a(a),
        other_focus_areas: other_focus_areas(a),
        appendix_b: appendix_b(a),
        appendix_c: appendix_c(a),
        ranking: ranking(a),
        sensitivity: sensitivity(a),
        comparison: comparison(a),
        delivery: delivery(a),
        movement: movement(a),
        data_quality: data_quality(a),
        names_used: names_used(a),
        warnings: warnings(a),
        provenance: provenance(a),
        inputs: inputs(a),
    }
}

fn fact(label: &str, value: Cell) -> (String, Cell) {
    (label.to_string(), value)
}

fn list_fact(label: &str, items: &[String]) -> (String, Cell) {
    let mut c = Cell::list(items);
    c.text = words::list(items);
    fact(label, c)
}

/// How many warnings the headline shows.
pub const HEADLINE_WARNINGS: usize = 3;

/// "retained 6; added 1 (X); removed 0": counts, with the names where there are any.
fn changes(label: &str, names: &[String]) -> String {
    if names.is_empty() {
        format!("{label} 0")
    } else {
        format!("{label} {} ({})", names.len(), names.join("; "))
    }
}

/// The headline: what is proposed, what changed, how many returns of those expected, and the problems
/// (the first warnings as rows).
pub fn headline(a: &Assessment) -> Section {
    let aa = &a.appendix_a;
    let o = &a.outcome;
    let mut facts = vec![
        list_fact(&format!("Proposed priorities ({})", o.priorities.len()), &o.priorities),
        list_fact(
            &format!("Proposed cross-cutting themes ({})", o.themes.len()),
            &o.themes,
        ),
        fact(
            "What changed",
            Cell::text(format!(
                "{}; {}; {}; {}; {}",
                changes("priorities retained", &o.retained),
                changes("added", &o.added),
                changes("removed", &o.removed),
                changes("themes added", &o.themes_added),
                changes("themes removed", &o.themes_removed)
            )),
        ),
        fact(
            "Returns",
            Cell::text(format!(
                "{} of {} expected received; missing: {}",
                aa.received.len(),
                aa.expected,
                if aa.missing.is_empty() {
                    words::NONE.to_string()
                } else {
                    aa.missing.join(", ")
                }
            )),
        ),
    ];
    if !o.awaiting_decision.is_empty() {
        facts.push(list_fact("Awaiting a decision", &o.awaiting_decision));
    }
    let n = a.warnings.len();
    facts.push(fact(
        "Problems",
        Cell::text(match n {
            0 => "no warnings".to_string(),
            1 => "1 warning (below, and under Data quality)".to_string(),
            n if n <= HEADLINE_WARNINGS => format!("{n} warnings (below, and under Data quality)"),
            n => format!("{n} warnings; the first {HEADLINE_WARNINGS} below, all under Data quality"),
        }),
    ));
    Section {
        title: "Summary".into(),
        facts,
        columns: vec![col("warning", "Warning")],
        rows: most_important(a)
            .into_iter()
            .take(HEADLINE_WARNINGS)
            .map(|w| vec![Cell::text(w.to_string())])
            .collect(),
        empty: None,
        notes: Vec::new(),
    }
}

/// The warnings in order of importance for the summary: those about the review itself (review.toml, a
/// missing partnership) first, then those about the returns, then the rest; otherwise in their order.
fn most_important(a: &Assessment) -> Vec<&crate::error::Problem> {
    let submissions = a.review.shown(&a.review.submissions);
    let mut w: Vec<&crate::error::Problem> = a.warnings.iter().collect();
    w.sort_by_key(|p| match p.location.file.as_deref() {
        None => 0,
        Some(f) if f.ends_with(".toml") => 0,
        Some(f) if f.starts_with(&submissions) => 1,
        Some(_) => 2,
    });
    w
}

/// The summary: what is proposed, what changed, how many returns, problems.
pub fn summary(a: &Assessment) -> Section {
    let aa = &a.appendix_a;
    let o = &a.outcome;
    let mut missing = Cell::list(&aa.missing);
    if aa.missing.is_empty() {
        missing.text = words::NONE.into();
    }
    Section {
        title: "Summary".into(),
        facts: vec![
            fact("Area", Cell::text(&a.review.area)),
            fact("Year", Cell::text(&a.review.year)),
            fact(output::PARTNERSHIPS_EXPECTED, Cell::whole(aa.expected)),
            fact("Partnerships received", Cell::whole(aa.received.len())),
            fact("Partnerships missing", missing),
            list_fact("Proposed priorities", &o.priorities),
            list_fact("Proposed cross-cutting themes", &o.themes),
            fact(
                "Retained / added / removed",
                Cell::text(format!(
                    "{} / {} / {}",
                    o.retained.len(),
                    o.added.len(),
                    o.removed.len()
                )),
            ),
            list_fact("Awaiting a decision", &o.awaiting_decision),
            fact("Warnings", Cell::whole(a.warnings.len())),
            fact("Note", Cell::text(words::MORILE_NOT_ALONE)),
        ],
        notes: vec![format!(
            "Strategic assessments were received from {} of the {} Community Safety Partnerships. The review proposes {} priorities and {} cross-cutting themes: {} retained, {} added and {} removed.",
            aa.received.len(),
            aa.expected,
            o.priorities.len(),
            o.themes.len(),
            o.retained.len(),
            o.added.len(),
            o.removed.len()
        )],
        ..Section::default()
    }
}

/// The columns shared by every layout of Appendix A: the label and the counts.
pub const APPENDIX_A_COUNTS: [&str; 5] = [
    "label",
    "csp_count",
    "main_priority",
    "cross_cutting_theme",
    "part_of_broader_theme",
];

/// The columns shared by every layout of the ranking: the rank, the issue and its figures.
pub const RANKING_FIGURES: [&str; 7] = ["rank", "issue", "csp_count", "local", "morile", "horizon", "combined"];

/// `keys` followed by `more`.
pub fn with(keys: &[&'static str], more: &[&'static str]) -> Vec<&'static str> {
    keys.iter().chain(more).copied().collect()
}

pub const APPENDIX_A_COLUMNS: [Column; 7] = [
    col("issue", output::ISSUE),
    col("label", output::PRIORITY),
    col("csp_count", output::CSP_COUNT),
    col("main_priority", Identification::MainPriority.label()),
    col("cross_cutting_theme", Identification::CrossCuttingTheme.label()),
    col("part_of_broader_theme", Identification::PartOfBroaderTheme.label()),
    col("partnerships", "CSPs"),
];

/// Appendix A: one row per issue named by at least one CSP, in the printed order.
pub fn appendix_a(a: &Assessment) -> Section {
    let tax = &a.review.taxonomy;
    let aa = &a.appendix_a;
    let others: Vec<String> = aa.other_focus_areas.iter().map(|o| o.name.clone()).collect();
    Section {
        title: format!("Appendix A: Strategic Assessments ({})", a.review.year),
        columns: APPENDIX_A_COLUMNS.to_vec(),
        rows: aa
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::text(tax.name(r.issue)),
                    Cell::text(&tax.issues[r.issue].label),
                    Cell::whole(r.csp_count),
                    Cell::whole(r.main_priority),
                    Cell::whole(r.cross_cutting_theme),
                    Cell::whole(r.part_of_broader_theme),
                    Cell::list(&r.partnerships),
                ]
            })
            .collect(),
        facts: vec![
            fact(output::TOTAL, Cell::whole(aa.total())),
            fact(
                "Other focus areas",
                Cell::text(words::list(&others).replace("; ", ", ")),
            ),
        ],
        empty: Some("No issue was identified by any CSP.".into()),
        notes: vec![
            format!(
                "Total: {} identifications by {} of {} CSPs",
                aa.total(),
                aa.received.len(),
                aa.expected
            ),
            format!(
                "Other focus areas: {}",
                if others.is_empty() {
                    words::NONE.to_string()
                } else {
                    aa.other_focus_areas
                        .iter()
                        .map(|o| format!("{} ({})", o.name, o.partnerships.join(", ")))
                        .collect::<Vec<_>>()
                        .join("; ")
                }
            ),
            format!(
                "{}{} of {} CSPs.",
                output::RECEIVED_FROM,
                aa.received.len(),
                aa.expected
            ),
        ],
    }
}

/// The names no taxonomy issue matched, with the CSPs that named them.
pub fn other_focus_areas(a: &Assessment) -> Section {
    Section {
        title: "Other focus areas".into(),
        columns: vec![col("name", "Other focus area"), col("partnerships", "CSPs")],
        rows: a
            .appendix_a
            .other_focus_areas
            .iter()
            .map(|o| vec![Cell::text(&o.name), Cell::list(&o.partnerships)])
            .collect(),
        empty: Some(words::NONE.into()),
        ..Section::default()
    }
}

/// The confidence as shown beside a MoRiLE score, Low flagged.
fn confidence(c: Option<crate::assess::morile::Confidence>) -> Cell {
    match c {
        Some(crate::assess::morile::Confidence::Low) => Cell::text(words::LOW_CONFIDENCE),
        Some(c) => Cell::text(c.as_str()),
        None => Cell::empty(),
    }
}

pub const APPENDIX_B_COLUMNS: [Column; 10] = [
    col("rank", output::RANK),
    col("item", output::ITEM),
    col("issue", output::ISSUE),
    col("harm", "Harm"),
    col("likelihood", "Likelihood"),
    col("organisational", "Organisational position"),
    col("multiplier", "Multiplier"),
    col("score", "Score"),
    col("band", "Band"),
    col("confidence", "Confidence"),
];

/// Appendix B: the MoRiLE items in score order.
pub fn appendix_b(a: &Assessment) -> Section {
    let tax = &a.review.taxonomy;
    let title = format!("Appendix B: MoRiLE Assessment ({})", a.review.year);
    let Some(m) = &a.morile else {
        return Section {
            title,
            columns: APPENDIX_B_COLUMNS.to_vec(),
            empty: Some("No MoRiLE workbook in this review.".into()),
            ..Section::default()
        };
    };
    // The sections and the multiplier are kept whole in the cell's number: the workbook shows them rounded.
    let opt = |x: Option<f64>, places: u8| {
        x.map(|v| Cell {
            number: Some(v),
            ..Cell::decimal(v, places)
        })
        .unwrap_or_else(Cell::empty)
    };
    Section {
        title,
        columns: APPENDIX_B_COLUMNS.to_vec(),
        rows: m
            .items
            .iter()
            .map(|i| {
                let s = i.sections;
                vec![
                    Cell::rank(i.rank, i.tied),
                    Cell::text(&i.item),
                    Cell::text(i.issue.map(|id| tax.name(id)).unwrap_or(words::NO_ISSUE)),
                    opt(s.map(|s| s.harm), 2),
                    opt(s.map(|s| s.likelihood), 2),
                    opt(s.map(|s| s.organisational), 2),
                    opt(s.map(|s| s.multiplier), 3),
                    Cell::decimal(i.score, 2),
                    Cell::opt(i.band.clone()),
                    confidence(i.confidence),
                ]
            })
            .collect(),
        empty: Some("No MoRiLE items.".into()),
        notes: vec![
            words::scheme_note(a.review.scheme.customised).into(),
            "Equal scores share a rank (\"12=\"). Confidence is shown beside the score, never merged into it.".into(),
        ],
        ..Section::default()
    }
}

pub const APPENDIX_C_COLUMNS: [Column; 6] = [
    col("category", "Category"),
    col("item", "Item"),
    col("issues", "Related issues"),
    col("impact", "Impact"),
    col("impact_points", "Impact points"),
    col("timescale", "Timescale"),
];

/// Appendix C: the horizon-scan items by PESTELO category.
pub fn appendix_c(a: &Assessment) -> Section {
    let tax = &a.review.taxonomy;
    let mut rows = Vec::new();
    for cat in Category::ALL {
        for h in a.horizon.items.iter().filter(|h| h.row.category == cat) {
            let issues: Vec<String> = h.issues.iter().map(|&i| tax.name(i).to_string()).collect();
            let mut related = Cell::list(&issues);
            related.text = issues.join("; ");
            rows.push(vec![
                Cell::text(cat.heading()),
                Cell::text(&h.row.item),
                related,
                Cell::text(words::impact(h.row.impact)),
                Cell::whole(usize::from(h.row.impact)),
                Cell::opt(h.row.timescale.clone()),
            ]);
        }
    }
    Section {
        title: format!("Appendix C: Horizon Scanning ({})", a.review.year),
        columns: APPENDIX_C_COLUMNS.to_vec(),
        rows,
        empty: Some("No horizon-scan items.".into()),
        ..Section::default()
    }
}

pub const RANKING_COLUMNS: [Column; 15] = [
    col("rank", output::RANK),
    col("issue", output::ISSUE),
    col("csp_count", "CSPs"),
    col("local", "Local"),
    col("morile", "MoRiLE"),
    col("horizon", "Horizon"),
    col("combined", "Combined"),
    col("morile_rank", "MoRiLE rank"),
    col("morile_band", "MoRiLE band"),
    col("morile_score", "MoRiLE score"),
    col("current", "Current"),
    col("recommendation", "Recommendation"),
    col("reason", "Reason"),
    col("decision", "Decision"),
    col("decision_action", "Decision"),
];

/// The decision as one text: "retain: reason", "awaiting a decision" or empty.
pub fn decision_text(r: &crate::assess::ranking::Ranked) -> String {
    match &r.decision {
        Some(d) if d.reason.is_empty() => d.action.as_str().to_string(),
        Some(d) => format!("{}: {}", d.action.as_str(), d.reason),
        None if r.awaiting_decision() => words::AWAITING.to_string(),
        None => String::new(),
    }
}

/// The combined ranking, with the recommendation, its reason and the Working Group's decision.
pub fn ranking(a: &Assessment) -> Section {
    let tax = &a.review.taxonomy;
    let w = a.review.weights;
    Section {
        title: format!("Ranking and recommendation ({})", a.review.year),
        facts: vec![
            fact("Local", Cell::decimal(w.local, 3)),
            fact("MoRiLE", Cell::decimal(w.morile, 3)),
            fact("Horizon", Cell::decimal(w.horizon, 3)),
            fact("Support threshold", Cell::decimal(a.review.thresholds.support, 3)),
        ],
        columns: RANKING_COLUMNS.to_vec(),
        rows: a
            .ranking
            .iter()
            .map(|r| {
                vec![
                    Cell::rank(r.rank, r.tied),
                    Cell::text(tax.name(r.issue)),
                    Cell::whole(r.csp_count),
                    Cell::decimal(r.components.local, 3),
                    Cell::decimal(r.components.morile, 3),
                    Cell::decimal(r.components.horizon, 3),
                    Cell::decimal(r.combined, 3),
                    r.morile_rank
                        .as_deref()
                        .map(Cell::rank_text)
                        .unwrap_or_else(Cell::empty),
                    Cell::opt(r.morile_band.clone()),
                    a.morile
                        .as_ref()
                        .and_then(|m| m.issue_best(r.issue))
                        .map(|i| Cell::decimal(i.score, 2))
                        .unwrap_or_else(Cell::empty),
                    Cell::text(r.current.label()),
                    Cell::text(r.recommendation.as_str()),
                    Cell::text(&r.reason),
                    Cell::text(decision_text(r)),
                    Cell::text(match &r.decision {
                        Some(d) => d.action.as_str(),
                        None if r.awaiting_decision() => "awaiting",
                        None => "",
                    }),
                ]
            })
            .collect(),
        empty: Some("No issue has a local, MoRiLE or horizon score.".into()),
        notes: vec![
            format!(
                "Ranking (weights: local {}, MoRiLE {}, horizon {}; local support at {}% of CSPs)",
                num(w.local, 3),
                num(w.morile, 3),
                num(w.horizon, 3),
                num(a.review.thresholds.support * 100.0, 1)
            ),
            format!("Ties: {TIE_RULES}"),
        ],
    }
}

pub const SENSITIVITY_COLUMNS: [Column; 7] = [
    col("issue", "Issue"),
    col("in_top_n", "In top N"),
    col("share", "Share of samples in top N"),
    col("smallest_change", "Smallest weight change that moves it"),
    col("at_local", "At local weight"),
    col("at_morile", "At MoRiLE weight"),
    col("at_horizon", "At horizon weight"),
];

/// How the top N (N = the number of proposed priorities) holds when the weights move.
pub fn sensitivity(a: &Assessment) -> Section {
    use crate::assess::sensitivity::{GRID_STEP, SAMPLES, SPREAD};
    let n = a.outcome.priorities.len();
    // The real range of the changes found, for the title (SPEC: the title states the real range).
    let found: Vec<f64> = a
        .sensitivity
        .iter()
        .filter_map(|(_, s)| s.smallest_weight_change)
        .collect();
    let largest = found.iter().copied().reduce(f64::max);
    let smallest = found.iter().copied().reduce(f64::min);
    let range = match (smallest, largest) {
        (Some(lo), Some(hi)) if num(lo, 2) == num(hi, 2) => {
            format!("a change of {} in the weights moves an issue in or out", num(lo, 2))
        }
        (Some(lo), Some(hi)) => format!(
            "changes of {} to {} in the weights move an issue in or out",
            num(lo, 2),
            num(hi, 2)
        ),
        _ => "no change of the weights moves any issue in or out".to_string(),
    };
    Section {
        title: format!("Sensitivity to the weights (top {n}; {range})"),
        columns: SENSITIVITY_COLUMNS.to_vec(),
        rows: a
            .sensitivity
            .iter()
            .map(|(issue, s)| {
                let (d, at) = match (s.smallest_weight_change, s.at_weights) {
                    (Some(d), Some(w)) => (
                        Cell::decimal(d, 2),
                        [
                            Cell::decimal(w.local, 2),
                            Cell::decimal(w.morile, 2),
                            Cell::decimal(w.horizon, 2),
                        ],
                    ),
                    _ => (Cell::text(words::NONE), [Cell::empty(), Cell::empty(), Cell::empty()]),
                };
                let [l, m, h] = at;
                vec![
                    Cell::text(a.review.taxonomy.name(*issue)),
                    Cell::text(if s.in_top_n { "yes" } else { "no" }),
                    Cell::percent(s.in_top_n_share),
                    d,
                    l,
                    m,
                    h,
                ]
            })
            .collect(),
        empty: Some("Nothing ranked.".into()),
        facts: vec![
            fact("N", Cell::whole(n)),
            fact("Samples", Cell::whole(SAMPLES)),
            fact("Spread", Cell::decimal(SPREAD, 2)),
            fact("Largest change found", largest.map(|d| Cell::decimal(d, 2)).unwrap_or_else(|| Cell::text(words::NONE))),
        ],
        notes: vec![
            format!(
                "Top N: the first {n} of the ranking, N being the number of proposed priorities. \"In top N\" says whether the issue is among them at the chosen weights; the share is of {SAMPLES} fixed-seed samples with each weight moved up to {} either way.",
                num(SPREAD, 2)
            ),
            format!(
                "The smallest change is the largest move of any one weight (weights summing to 1, searched in steps of {}) that takes the issue into or out of the top {n}; the weights at which that happens follow it. \"none\": no weights at all would move it.{}",
                num(GRID_STEP, 2),
                largest
                    .map(|d| format!(" The changes found run up to {}.", num(d, 2)))
                    .unwrap_or_default()
            ),
            "The recommendations use the share of CSPs, the MoRiLE band and what is in force, not the weights: the weights move only the ranking.".into(),
        ],
    }
}

pub const MOVEMENT_COLUMNS: [Column; 10] = [
    col("issue", "Issue"),
    col("previous_csp_count", "CSPs last year"),
    col("csp_count", "CSPs now"),
    col("csp_change", "Change"),
    col("share_change", "Share change"),
    col("previous_position", "Position last year"),
    col("position", "Position now"),
    col("places", "Places"),
    col("previous_morile_rank", "MoRiLE rank last year"),
    col("movement", "Movement"),
];

/// Year on year, when last year's workbook is given (SPEC §5.2): `places` positive when an issue rose;
/// last year's rows that match no issue now are listed as not comparable, never dropped.
pub fn movement(a: &Assessment) -> Option<Section> {
    let prev = a.previous.as_ref()?;
    let opt = |x: Option<usize>| x.map(Cell::whole).unwrap_or_else(Cell::empty);
    let mut rows: Vec<Vec<Cell>> = a
        .movement
        .iter()
        .map(|(issue, m)| {
            vec![
                Cell::text(a.review.taxonomy.name(*issue)),
                Cell::whole(m.previous_csp_count),
                Cell::whole(a.appendix_a.count(*issue)),
                Cell::signed(m.csp_change),
                Cell {
                    text: format!("{:+.3}", m.share_change),
                    ..Cell::decimal(m.share_change, 3)
                },
                opt(m.previous_position),
                opt(m.position),
                m.places.map(Cell::signed).unwrap_or_else(Cell::empty),
                opt(m.previous_morile_rank),
                Cell::text(m.movement.as_str()),
            ]
        })
        .collect();
    for n in &prev.not_comparable {
        rows.push(vec![
            Cell::text(format!("{} ({})", n.name, words::NOT_COMPARABLE)),
            opt(n.csp_count),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
            opt(n.position),
            Cell::empty(),
            Cell::empty(),
            opt(n.morile_rank),
            Cell::text(words::NOT_COMPARABLE),
        ]);
    }
    let mut notes = vec![format!(
        "Against last year's review ({}). Places = last year's position minus this year's: positive means risen.",
        prev.year.as_deref().unwrap_or(&prev.file)
    )];
    notes.extend(crate::assess::movement::partnerships_note(prev, a.appendix_a.expected));
    if !prev.not_comparable.is_empty() {
        notes.push(format!(
            "{} of last year's names match no issue of this year's taxonomy; map them under [previous_names] in review.toml to compare them.",
            prev.not_comparable.len()
        ));
    }
    Some(Section {
        title: format!(
            "Year on year, against {}{}",
            prev.file,
            prev.year.as_ref().map(|y| format!(" ({y})")).unwrap_or_default()
        ),
        facts: vec![
            fact("Against", Cell::text(&prev.file)),
            fact("Last year", Cell::opt(prev.year.clone())),
        ],
        columns: MOVEMENT_COLUMNS.to_vec(),
        rows,
        empty: Some("Nothing to compare.".into()),
        notes,
    })
}

/// The analyst's `[names]` mappings that the returns used (SPEC §3.3), when there are any.
pub fn names_used(a: &Assessment) -> Option<Section> {
    let used = &a.appendix_a.names_used;
    if used.is_empty() {
        return None;
    }
    Some(Section {
        title: "Names counted through [names] in review.toml".into(),
        facts: Vec::new(),
        columns: vec![
            col("name", "Name"),
            col("issues", "Counted as"),
            col("partnerships", "Partnerships"),
        ],
        rows: used
            .iter()
            .map(|n| {
                let mut issues = Cell::list(&n.issues);
                if n.issues.is_empty() {
                    issues.text = words::COUNTED_AS_NONE.into();
                }
                vec![Cell::text(&n.name), issues, Cell::list(&n.partnerships)]
            })
            .collect(),
        empty: None,
        notes: Vec::new(),
    })
}

pub const COMPARISON_COLUMNS: [Column; 7] = [
    col("type", output::TYPE),
    col("current", "Current"),
    col("proposed", output::PROPOSED),
    col("change", "Change"),
    col("why", "Why"),
    col("lead", "Lead"),
    col("issue", output::ISSUE),
];

/// Current versus proposed priorities and themes, with what changed and why.
pub fn comparison(a: &Assessment) -> Section {
    let o = &a.outcome;
    let tax = &a.review.taxonomy;
    let reason_of = |issue: Option<usize>| -> String {
        issue
            .and_then(|i| a.ranking.iter().find(|r| r.issue == i))
            .map(|r| match &r.decision {
                Some(d) => format!("Decision: {}", d.reason),
                None => r.reason.clone(),
            })
            .unwrap_or_default()
    };
    let lead = |name: &str, issue: Option<usize>| a.review.lead(name, issue).unwrap_or_default().to_string();
    let issue_name = |issue: Option<usize>| issue.map(|i| tax.name(i).to_string()).unwrap_or_default();
    let (renamed, themes_renamed) = (&a.renamed, &a.themes_renamed);
    let new_name = |list: &[crate::assess::movement::Renamed], from: &str| {
        list.iter().find(|r| r.from == from).map(|r| r.to.clone())
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for p in &a.review.priorities {
        let ranked = p.issue.and_then(|i| a.ranking.iter().find(|x| x.issue == i));
        let proposed = p.issue.and_then(|i| o.priority_named_for(i));
        let change = if o.retained.contains(&p.name) {
            if ranked.is_some_and(|x| x.awaiting_decision()) {
                "retained, awaiting a decision"
            } else if new_name(renamed, &p.name).is_some() {
                "retained, renamed"
            } else {
                "retained"
            }
        } else {
            "removed"
        };
        rows.push(vec![
            output::TYPE_PRIORITY.into(),
            p.name.clone(),
            proposed.cloned().unwrap_or_default(),
            change.into(),
            reason_of(p.issue),
            lead(&p.name, p.issue),
            issue_name(p.issue),
        ]);
    }
    for name in &o.added {
        let issue = o.priority_issue(name);
        rows.push(vec![
            output::TYPE_PRIORITY.into(),
            String::new(),
            name.clone(),
            "added".into(),
            reason_of(issue),
            lead(name, issue),
            issue_name(issue),
        ]);
    }
    for t in &a.review.themes {
        let removed = o.themes_removed.contains(&t.name);
        let to = new_name(themes_renamed, &t.name);
        rows.push(vec![
            output::TYPE_THEME.into(),
            t.name.clone(),
            if removed {
                String::new()
            } else {
                to.clone().unwrap_or_else(|| t.name.clone())
            },
            match (removed, &to) {
                (true, _) => "removed",
                (false, Some(_)) => "retained, renamed",
                (false, None) => "retained",
            }
            .into(),
            reason_of(t.issue),
            String::new(),
            issue_name(t.issue),
        ]);
    }
    for name in &o.themes_added {
        let issue = o.theme_issue(name);
        rows.push(vec![
            output::TYPE_THEME.into(),
            String::new(),
            name.clone(),
            "added".into(),
            reason_of(issue),
            String::new(),
            issue_name(issue),
        ]);
    }
    let current: Vec<String> = a.review.priorities.iter().map(|p| p.name.clone()).collect();
    let themes: Vec<String> = a.review.themes.iter().map(|p| p.name.clone()).collect();
    let proposed: Vec<String> = o
        .priorities
        .iter()
        .map(|p| {
            if o.awaiting_decision.contains(p) {
                format!("{p} ({})", words::AWAITING)
            } else {
                p.clone()
            }
        })
        .collect();
    Section {
        title: format!("Comparison with the priorities in force ({})", a.review.year),
        facts: vec![
            list_fact("Current priorities", &current),
            list_fact("Proposed priorities", &proposed),
            list_fact("Priorities retained", &o.retained),
            list_fact("Priorities added", &o.added),
            list_fact("Priorities removed", &o.removed),
            list_fact("Current themes", &themes),
            list_fact("Proposed themes", &o.themes),
            list_fact("Cross-cutting themes added", &o.themes_added),
            list_fact("Cross-cutting themes removed", &o.themes_removed),
        ],
        columns: COMPARISON_COLUMNS.to_vec(),
        rows: rows
            .into_iter()
            .map(|r| r.into_iter().map(Cell::text).collect())
            .collect(),
        empty: Some("No current or proposed priorities.".into()),
        notes: vec![format!(
            "Retained: {} | Added: {} | Removed: {} | Themes added: {} | Themes removed: {}",
            o.retained.len(),
            o.added.len(),
            o.removed.len(),
            o.themes_added.len(),
            o.themes_removed.len()
        )],
    }
}

pub const DELIVERY_COLUMNS: [Column; 8] = [
    col("priority", "Current priority"),
    col("plan_priority", "In the plan as"),
    col("actions", "Actions"),
    col("complete", "Complete"),
    col("overdue", "Overdue"),
    col("improving", "Indicators improving"),
    col("worsening", "Indicators worsening"),
    col("issue", "Issue"),
];

/// What the plan column says of a current priority the plan does not name.
pub const NOT_IN_PLAN: &str = "not in the plan";

/// How the action plan is going beside each current priority (SPEC §10.5, last point), when review.toml
/// has `[monitoring]` and its inputs could be read.
pub fn delivery(a: &Assessment) -> Option<Section> {
    let p = a.delivery.as_ref()?;
    let tax = &a.review.taxonomy;
    Some(Section {
        title: format!("How the action plan is going (at {})", p.as_of),
        facts: vec![
            fact("Action plan", Cell::text(&p.plan)),
            fact(
                "Reporting date",
                Cell::text(format!("{} ({})", p.as_of, p.as_of_source.describe())),
            ),
        ],
        columns: DELIVERY_COLUMNS.to_vec(),
        rows: p
            .priorities
            .iter()
            .map(|d| {
                vec![
                    Cell::text(&d.priority),
                    Cell::text(d.plan_priority.as_deref().unwrap_or(NOT_IN_PLAN)),
                    Cell::whole(d.actions_total),
                    Cell::whole(d.actions_complete),
                    Cell::whole(d.overdue),
                    Cell::whole(d.indicators_improving),
                    Cell::whole(d.indicators_worsening),
                    Cell::opt(d.issue.map(|i| tax.name(i).to_string())),
                ]
            })
            .collect(),
        empty: Some("No current priorities to follow.".into()),
        notes: vec![format!(
            "From {} with its progress updates and indicators, at {} ({}). Complete and overdue count the plan's actions (overdue: due date passed and not complete); improving and worsening count its indicators by the direction the plan calls better. `csa-review monitor` shows each action and indicator.",
            p.plan,
            p.as_of,
            p.as_of_source.describe()
        )],
    })
}

/// Partnerships expected, received and missing.
pub fn data_quality(a: &Assessment) -> Section {
    let aa = &a.appendix_a;
    let mut missing = Cell::list(&aa.missing);
    if aa.missing.is_empty() {
        missing.text = words::NONE.into();
    }
    Section {
        title: format!("Data quality ({})", a.review.year),
        facts: vec![
            fact(output::PARTNERSHIPS_EXPECTED, Cell::whole(aa.expected)),
            fact("Partnerships received", Cell::whole(aa.received.len())),
            fact("Partnerships missing", missing),
        ],
        columns: vec![
            col("partnership", "Partnership"),
            col("status", "Status"),
            col("file", "File"),
            col("completed_by", "Completed by"),
            col("date_completed", "Date completed"),
        ],
        rows: a
            .review
            .partnerships
            .iter()
            .enumerate()
            .map(|(p, name)| {
                let got = a.received.iter().find(|x| x.partnership == p).map(|g| &g.submission);
                vec![
                    Cell::text(name),
                    Cell::text(if got.is_some() { "received" } else { "missing" }),
                    Cell::opt(got.map(|x| x.file.clone())),
                    Cell::opt(got.and_then(|x| x.completed_by.clone())),
                    Cell::opt(got.and_then(|x| x.date_completed.clone())),
                ]
            })
            .collect(),
        empty: Some("No partnerships expected.".into()),
        notes: Vec::new(),
    }
}

/// Every warning, with its file and cell.
pub fn warnings(a: &Assessment) -> Section {
    Section {
        title: format!("Warnings ({})", a.warnings.len()),
        columns: vec![
            col("file", "File"),
            col("sheet", "Sheet"),
            col("cell", "Cell or line"),
            col("message", "Message"),
        ],
        rows: a
            .warnings
            .iter()
            .map(|w| {
                let l = &w.location;
                vec![
                    Cell::opt(l.file.clone()),
                    Cell::opt(l.sheet.clone()),
                    Cell::opt(l.cell.clone().or_else(|| l.line.map(|n| format!("line {n}")))),
                    Cell::text(&w.message),
                ]
            })
            .collect(),
        empty: Some("No warnings.".into()),
        // The whole warning as one line, for the terminal and the markdown paper.
        notes: a.warnings.iter().map(|w| w.to_string()).collect(),
        ..Section::default()
    }
}

/// The tool, the settings and the scheme.
pub fn provenance(a: &Assessment) -> Section {
    let w = a.review.weights_given;
    // The scheme as JSON with spaces between its parts, so that it wraps between words.
    let scheme = serde_json::to_string_pretty(&a.review.scheme)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    Section {
        title: "Provenance".into(),
        facts: vec![
            fact("Tool", Cell::text(format!("csa-review {}", crate::VERSION))),
            fact("Area", Cell::text(&a.review.area)),
            fact("Year", Cell::text(&a.review.year)),
            fact(
                output::PARTNERSHIPS_EXPECTED,
                Cell::text(a.review.partnerships.join("; ")),
            ),
            fact(
                "Weights as given (local, MoRiLE, horizon)",
                Cell::text(format!("{}, {}, {}", w.local, w.morile, w.horizon)),
            ),
            fact("Support threshold", Cell::text(a.review.thresholds.support.to_string())),
            fact("Taxonomy", Cell::text(&a.review.taxonomy.source)),
            fact(
                "MoRiLE scheme",
                Cell::text(if a.review.scheme.customised {
                    "set in review.toml (local values)"
                } else {
                    "csa-review default (local defaults, not official MoRiLE values)"
                }),
            ),
            fact("MoRiLE scheme in full", Cell::text(scheme)),
            fact("Tie rules", Cell::text(TIE_RULES)),
        ],
        columns: vec![col("setting", "Setting"), col("value", "Value")],
        ..Section::default()
    }
}

/// The input files, their sizes and SHA-256.
pub fn inputs(a: &Assessment) -> Section {
    Section {
        title: "Input files".into(),
        columns: vec![
            col("file", "Input file"),
            col("bytes", "Bytes"),
            col("sha256", "SHA-256"),
        ],
        rows: a
            .inputs
            .iter()
            .chain(a.delivery.iter().flat_map(|d| &d.inputs))
            .map(|f| {
                vec![
                    Cell::text(&f.shown),
                    Cell::whole(f.bytes as usize),
                    Cell::text(&f.sha256),
                ]
            })
            .collect(),
        empty: Some("No input files.".into()),
        ..Section::default()
    }
}
