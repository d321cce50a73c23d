//! The terminal output of `review` (the default `--format table`): a short summary first, then the detail,
//! every table wrapped to the terminal's width (SPEC §6). Laid out from the report sections.

use super::sections::{self, Section, num};
use crate::Assessment;
use crate::assess::rank_label;
use prettytable::format::{FormatBuilder, LinePosition, LineSeparator};
use prettytable::{Row, Table};
use std::fmt::Write;
use textwrap::core::display_width;

/// The width the output is laid out to when it is not a terminal and COLUMNS is not set.
pub const DEFAULT_WIDTH: usize = 100;
/// The narrowest layout: below this, tables would be one word a line.
const MIN_WIDTH: usize = 40;

/// The width to lay the output out to: COLUMNS when set, else the terminal's, else 100.
pub fn terminal_width() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok());
    let width = from_env
        .filter(|w| *w > 0)
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .unwrap_or(DEFAULT_WIDTH);
    width.max(MIN_WIDTH)
}

/// Text laid out to a width: headings, wrapped paragraphs and tables.
struct Page {
    width: usize,
    out: String,
}

impl Page {
    fn new(width: usize) -> Page {
        Page {
            width: width.max(MIN_WIDTH),
            out: String::new(),
        }
    }

    fn line(&mut self, text: &str) {
        let _ = writeln!(self.out, "{text}");
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    /// A section as its title, its table of columns `keys`, its notes and a blank line.
    fn titled_table(&mut self, s: &Section, keys: &[&str]) {
        self.para(&s.title, "", "");
        self.section_table(s, keys);
        for n in &s.notes {
            self.note(n);
        }
        self.blank();
    }

    /// A paragraph wrapped to the width, its first line indented by `first` and the rest by `rest`.
    fn para(&mut self, text: &str, first: &str, rest: &str) {
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        for l in textwrap::wrap(text, options) {
            self.line(l.trim_end());
        }
    }

    /// A note under a table.
    fn note(&mut self, text: &str) {
        self.para(text, " ", " ");
    }

    /// "Label: value", the value wrapped under itself.
    fn fact(&mut self, label: &str, value: &str) {
        self.para(&format!("{label}: {value}"), " ", "   ");
    }

    /// A table of the given headings and cells, its columns fitted to the width, cell text wrapped at
    /// word boundaries (a word is split only when it is longer than its column).
    fn table(&mut self, headings: &[&str], rows: &[Vec<String>]) {
        let n = headings.len();
        if n == 0 {
            return;
        }
        // Each column takes one space of padding and one of separation.
        let budget = self.width.saturating_sub(2 * n - 1).max(n * 3);
        let widths = fit_widths(headings, rows, budget);
        let mut t = Table::new();
        t.set_format(
            FormatBuilder::new()
                .column_separator(' ')
                .separators(&[LinePosition::Title], LineSeparator::new('-', ' ', ' ', ' '))
                .padding(1, 0)
                .build(),
        );
        let wrap = |text: &str, w: usize| textwrap::wrap(text, w).join("\n");
        t.set_titles(Row::new(
            headings
                .iter()
                .zip(&widths)
                .map(|(h, w)| prettytable::Cell::new(&wrap(h, *w)))
                .collect(),
        ));
        for r in rows {
            t.add_row(Row::new(
                r.iter()
                    .zip(&widths)
                    .map(|(c, w)| prettytable::Cell::new(&wrap(c, *w)))
                    .collect(),
            ));
        }
        for l in t.to_string().lines() {
            self.line(l.trim_end());
        }
    }

    /// A section's columns `keys` as a table, or its words for an empty table.
    fn section_table(&mut self, s: &Section, keys: &[&str]) {
        if s.rows.is_empty() {
            if let Some(e) = &s.empty {
                self.note(e);
            }
            return;
        }
        let (headings, rows) = s.pick(keys);
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|r| r.into_iter().map(|c| c.text.clone()).collect())
            .collect();
        self.table(&headings, &rows);
    }
}

/// The widest line of a text.
fn text_width(text: &str) -> usize {
    text.lines().map(display_width).max().unwrap_or(0)
}

/// The longest word of a text.
fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(display_width).max().unwrap_or(0)
}

/// Column widths that fit `budget`: each column as wide as its content where all fit; else every column
/// at least as wide as its longest word (shrunk in proportion when even that does not fit), and the
/// room left given to the columns that lack the most.
fn fit_widths(headings: &[&str], rows: &[Vec<String>], budget: usize) -> Vec<usize> {
    let n = headings.len();
    let natural: Vec<usize> = (0..n)
        .map(|i| {
            let cells = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| text_width(c))
                .max()
                .unwrap_or(0);
            cells.max(longest_word(headings[i])).max(1)
        })
        .collect();
    if natural.iter().sum::<usize>() <= budget {
        return natural;
    }
    let mut widths: Vec<usize> = (0..n)
        .map(|i| {
            let word = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| longest_word(c))
                .chain([longest_word(headings[i])])
                .max()
                .unwrap_or(1);
            word.min(natural[i]).max(1)
        })
        .collect();
    let least: usize = widths.iter().sum();
    if least > budget {
        for w in &mut widths {
            *w = (*w * budget / least).max(3);
        }
    }
    let mut left = budget.saturating_sub(widths.iter().sum());
    while left > 0 {
        let Some(i) = (0..n)
            .filter(|&i| widths[i] < natural[i])
            .max_by_key(|&i| (natural[i] - widths[i], std::cmp::Reverse(i)))
        else {
            break;
        };
        widths[i] += 1;
        left -= 1;
    }
    widths
}

/// The summary: what is proposed, what changed, the returns and the problems.
fn headline(p: &mut Page, s: &Section) {
    p.line(&s.title);
    for (label, value) in &s.facts {
        p.fact(label, &value.text);
    }
    for r in &s.rows {
        p.para(&r[0].text, "   - ", "     ");
    }
    p.blank();
}

fn facts(p: &mut Page, s: &Section) {
    for (label, value) in &s.facts {
        p.fact(label, &value.text);
    }
}

/// The whole terminal report, laid out to the terminal's width.
pub fn render(a: &Assessment) -> String {
    render_width(a, terminal_width())
}

/// The whole terminal report, laid out to `width` columns: no line is longer.
pub fn render_width(a: &Assessment, width: usize) -> String {
    let rep = sections::build(a);
    let mut p = Page::new(width);
    p.para(&rep.title, "", "");
    p.blank();
    headline(&mut p, &rep.headline);

    let s = &rep.appendix_a;
    p.para(&s.title, "", "");
    p.section_table(s, &sections::APPENDIX_A_COUNTS);
    p.note(&s.notes[0]);
    p.note(&s.notes[1]);
    p.blank();

    let s = &rep.appendix_b;
    p.para(&s.title, "", "");
    p.section_table(s, &["rank", "item", "issue", "score", "band", "confidence"]);
    if !s.rows.is_empty() {
        p.note(&s.notes[0]);
    }
    p.blank();

    let s = &rep.appendix_c;
    p.para(&s.title, "", "");
    p.section_table(s, &["category", "item", "issues", "impact"]);
    p.blank();

    let s = &rep.ranking;
    // The weights and the threshold head the table: they are what its figures depend on.
    p.para(&s.notes[0], "", "");
    p.section_table(
        s,
        &sections::with(
            &sections::RANKING_FIGURES,
            &["current", "recommendation", "decision_action"],
        ),
    );
    p.note("Reasons:");
    let (_, rows) = s.pick(&["rank", "issue", "recommendation", "reason", "decision"]);
    for r in rows {
        p.para(
            &format!("{} {}: {} - {}", r[0].text, r[1].text, r[2].text, r[3].text),
            "  ",
            "     ",
        );
        if !r[4].is_empty() && r[4].text != sections::words::AWAITING {
            p.para(&format!("Decision: {}", r[4].text), "     ", "     ");
        }
    }
    p.note(&s.notes[1]);
    p.blank();

    p.titled_table(&rep.sensitivity, &rep.sensitivity.keys());

    let s = &rep.comparison;
    p.para(&s.title, "", "");
    facts(&mut p, s);
    p.note(&s.notes[0]);
    p.blank();

    if let Some(s) = &rep.delivery {
        p.titled_table(s, &s.keys()[..7]);
    }
    if let Some(s) = &rep.movement {
        p.titled_table(s, &s.keys());
    }

    let s = &rep.data_quality;
    p.para(&s.title, "", "");
    facts(&mut p, s);
    if let Some(n) = &rep.names_used {
        p.para(&n.title, "", "");
        p.section_table(n, &n.keys());
    }
    let w = &rep.warnings;
    if w.notes.is_empty() {
        p.note(w.empty.as_deref().unwrap_or_default());
    }
    p.note(&w.title);
    for n in &w.notes {
        p.para(n, "   - ", "     ");
    }
    p.out
}

/// A whole table laid out to the terminal's width (for `status`).
fn fitted(headings: &[&str], rows: &[Vec<String>]) -> String {
    let mut p = Page::new(terminal_width());
    p.table(headings, rows);
    p.out
}

/// `csa-review status`: one line per expected partnership, then files that match none, then totals.
pub fn status(s: &crate::Status) -> String {
    let rows: Vec<Vec<String>> = s
        .partnerships
        .iter()
        .map(|p| {
            vec![
                p.partnership.clone(),
                p.status.to_string(),
                p.file.clone().unwrap_or_default(),
                p.date_completed.clone().unwrap_or_default(),
                p.problem.clone().or_else(|| p.completed_by.clone()).unwrap_or_default(),
            ]
        })
        .collect();
    let out = fitted(
        &[
            "Partnership",
            "Status",
            "File",
            "Date completed",
            "Completed by / problem",
        ],
        &rows,
    );
    let mut notes = String::new();
    for (file, why) in &s.unmatched {
        let _ = writeln!(notes, " not counted: {file}: {why}");
    }
    let _ = writeln!(
        notes,
        " {} received, {} missing, {} invalid of {} expected",
        s.received,
        s.missing,
        s.invalid,
        s.partnerships.len()
    );
    out + &wrap_lines(&notes, terminal_width())
}

/// Every line of `text` wrapped to `width`, continuation lines indented two more than the line.
fn wrap_lines(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let indent = &line[..line.len() - line.trim_start().len()];
        let rest = format!("{indent}  ");
        let options = textwrap::Options::new(width.max(MIN_WIDTH))
            .initial_indent(indent)
            .subsequent_indent(&rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            // First fit never runs past the width (optimal fit may, to balance the lines).
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        let wrapped = textwrap::wrap(line.trim_start(), options);
        if wrapped.is_empty() {
            out.push('\n');
        }
        for l in wrapped {
            let _ = writeln!(out, "{}", l.trim_end());
        }
    }
    out
}

/// `csa-review explain`: everything behind one issue's place.
pub fn explain(a: &Assessment, issue: crate::taxonomy::IssueId) -> String {
    let tax = &a.review.taxonomy;
    let mut out = String::new();
    let i = &tax.issues[issue];
    let _ = writeln!(out, "{} (Appendix A label: {})\n", i.name, i.label);
    let aa = &a.appendix_a;
    match aa.row(issue) {
        Some(r) => {
            let _ = writeln!(
                out,
                "Identified by {} of {} CSPs: {} as a main priority, {} as a cross-cutting theme, {} as part of a broader theme.",
                r.csp_count, aa.expected, r.main_priority, r.cross_cutting_theme, r.part_of_broader_theme
            );
            for (p, how, names) in &r.detail {
                let _ = writeln!(out, "  {p}: {} (as \"{}\")", how.label(), names.join("\", \""));
            }
        }
        None => {
            let _ = writeln!(out, "Identified by no CSP (of {}).", aa.expected);
        }
    }
    out.push('\n');
    let items: Vec<&crate::assess::morile::ScoredItem> = a
        .morile
        .iter()
        .flat_map(|m| &m.items)
        .filter(|x| x.issue == Some(issue))
        .collect();
    if items.is_empty() {
        let _ = writeln!(out, "Not assessed by MoRiLE.");
    } else {
        let factors: Vec<&String> = a.review.scheme.all_factors().collect();
        let _ = writeln!(out, "MoRiLE items (the issue's score is its highest item's):");
        for x in items {
            let _ = writeln!(
                out,
                "  rank {} {}: score {}{}{}",
                rank_label(x.rank, x.tied),
                x.item,
                num(x.score, 2),
                x.band.as_ref().map(|b| format!(", {b}")).unwrap_or_default(),
                x.confidence
                    .map(|c| format!(", confidence {}", c.as_str()))
                    .unwrap_or_default()
            );
            if let Some(sec) = x.sections {
                let points: Vec<String> = factors
                    .iter()
                    .zip(&x.factor_points)
                    .map(|(f, p)| format!("{f} {}", num(*p, 2)))
                    .collect();
                let _ = writeln!(
                    out,
                    "    harm {}, likelihood {}, organisational position {} (multiplier {}): {}",
                    num(sec.harm, 2),
                    num(sec.likelihood, 2),
                    num(sec.organisational, 2),
                    num(sec.multiplier, 3),
                    points.join(", ")
                );
            }
        }
    }
    out.push('\n');
    let horizon: Vec<&crate::assess::horizon::HorizonItem> =
        a.horizon.items.iter().filter(|h| h.issues.contains(&issue)).collect();
    if horizon.is_empty() {
        let _ = writeln!(out, "No horizon-scan item relates to it.");
    } else {
        let _ = writeln!(out, "Horizon-scan items (score {}):", num(a.horizon.score(issue), 2));
        for h in horizon {
            let _ = writeln!(
                out,
                "  {}: {} (impact {})",
                h.row.category.heading(),
                h.row.item,
                h.row.impact
            );
        }
    }
    out.push('\n');
    if let Some((_, m)) = a.movement.iter().find(|m| m.0 == issue) {
        let _ = writeln!(
            out,
            "Since last year: {} CSPs then, {} now ({:+}); {}{}.\n",
            m.previous_csp_count,
            a.appendix_a.count(issue),
            m.csp_change,
            m.movement,
            m.morile_rank_change
                .map(|c| format!("; MoRiLE rank {c:+}"))
                .unwrap_or_default()
        );
    }
    let w = a.review.weights;
    match a.ranking.iter().find(|r| r.issue == issue) {
        None => {
            let _ = writeln!(out, "Not ranked: it has no local, MoRiLE or horizon score.");
        }
        Some(r) => {
            let c = r.components;
            let _ = writeln!(
                out,
                "Combined score {} = {} x local {} + {} x MoRiLE {} + {} x horizon {}; rank {} of {}.",
                num(r.combined, 3),
                num(w.local, 3),
                num(c.local, 3),
                num(w.morile, 3),
                num(c.morile, 3),
                num(w.horizon, 3),
                num(c.horizon, 3),
                rank_label(r.rank, r.tied),
                a.ranking.len()
            );
            let _ = writeln!(out, "Recommendation: {} (rule: {}).", r.recommendation.as_str(), r.rule);
            let _ = writeln!(out, "  {}", r.reason);
            match &r.decision {
                Some(d) => {
                    let _ = writeln!(
                        out,
                        "Decision of the Working Group: {}{}. {}",
                        d.action.as_str(),
                        d.name.as_ref().map(|n| format!(" as \"{n}\"")).unwrap_or_default(),
                        d.reason
                    );
                }
                None => {
                    let _ = writeln!(out, "No decision recorded.");
                }
            }
            if let Some((_, s)) = a.sensitivity.iter().find(|s| s.0 == issue) {
                let _ = writeln!(
                    out,
                    "Sensitivity: {} the top {}; in it in {}% of weight samples; {}.",
                    if s.in_top_n { "in" } else { "outside" },
                    s.top_n,
                    (s.in_top_n_share * 100.0).round(),
                    match (s.smallest_weight_change, s.at_weights) {
                        (Some(d), Some(w)) => format!(
                            "a change of {} in the weights (to local {}, MoRiLE {}, horizon {}) would move it {}",
                            num(d, 2),
                            num(w.local, 2),
                            num(w.morile, 2),
                            num(w.horizon, 2),
                            if s.in_top_n { "out" } else { "in" }
                        ),
                        _ => "no weights would move it".to_string(),
                    }
                );
            }
        }
    }
    wrap_lines(&out, terminal_width())
}
