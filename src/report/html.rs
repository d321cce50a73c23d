//! The report for the Working Group, `<area>-csa-<year>.html` (SPEC §8.2): one self-contained page, laid out
//! from the report sections, with its charts drawn as inline SVG.
//!
//! Why askama: the page is an HTML template compiled into the binary and checked when it is built, and
//! askama escapes every value put into it by default, so no text from a submission can become markup. The
//! charts are plain SVG elements written by the same template from geometry worked out here (a charting
//! crate would add a large dependency and fonts for a few rectangles, lines and labels; plain elements keep
//! the file small and its text selectable and searchable).

use super::sections::{self, Report, Section};
use crate::Assessment;
use askama::Template;

/// A table cell as the template shows it.
pub struct Td {
    pub text: String,
    pub key: &'static str,
    pub numeric: bool,
}

/// A section's table.
pub struct HtmlTable {
    pub headings: Vec<&'static str>,
    pub keys: Vec<&'static str>,
    pub rows: Vec<Vec<Td>>,
    pub empty: String,
}

fn table(s: &Section, keys: &[&str]) -> HtmlTable {
    let (headings, rows) = s.pick(keys);
    HtmlTable {
        headings,
        keys: keys.iter().map(|k| s.columns[s.position(k)].key).collect(),
        rows: rows
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .zip(keys)
                    .map(|(c, k)| Td {
                        text: c.text.clone(),
                        key: s.columns[s.position(k)].key,
                        numeric: c.number.is_some(),
                    })
                    .collect()
            })
            .collect(),
        empty: s.empty.clone().unwrap_or_default(),
    }
}

fn all(s: &Section) -> HtmlTable {
    table(s, &s.keys())
}

/// Label and value lines.
pub struct Fact {
    pub label: String,
    pub value: String,
}

fn facts(s: &Section) -> Vec<Fact> {
    s.facts
        .iter()
        .map(|(l, v)| Fact {
            label: l.clone(),
            value: v.text.clone(),
        })
        .collect()
}

/// A coordinate in an SVG, to one decimal place (so the same inputs give the same bytes).
fn px(x: f64) -> String {
    format!("{x:.1}")
}

/// One bar of a horizontal bar chart.
pub struct Bar {
    pub label: String,
    pub value: String,
    pub y: String,
    pub text_y: String,
    pub width: String,
    pub value_x: String,
    pub class: String,
}

pub struct BarChart {
    pub title: String,
    pub width: String,
    pub height: String,
    pub label_width: String,
    pub bars: Vec<Bar>,
    pub bar_height: String,
    /// Legend entries: (class, text).
    pub legend: Vec<(String, String)>,
}

const CHART_WIDTH: f64 = 760.0;
const BAR_PITCH: f64 = 24.0;
/// Average width of a character of the charts' 12-pixel text, for placing labels.
const CHAR_WIDTH: f64 = 6.4;

fn bar_chart(title: &str, bars: Vec<(String, String, f64, String)>, legend: Vec<(String, String)>) -> BarChart {
    let longest = bars.iter().map(|b| b.0.chars().count()).max().unwrap_or(0) as f64;
    let label_width = (longest * CHAR_WIDTH + 12.0).min(CHART_WIDTH * 0.5);
    let room = CHART_WIDTH - label_width - 60.0;
    let max = bars.iter().map(|b| b.2).fold(0.0, f64::max).max(1e-9);
    let top = if legend.is_empty() { 8.0 } else { 30.0 };
    let n = bars.len() as f64;
    BarChart {
        title: title.to_string(),
        width: px(CHART_WIDTH),
        height: px(top + n * BAR_PITCH + 8.0),
        label_width: px(label_width),
        bar_height: px(BAR_PITCH - 8.0),
        bars: bars
            .into_iter()
            .enumerate()
            .map(|(i, (label, value, x, class))| {
                let y = top + i as f64 * BAR_PITCH;
                let width = (x / max * room).max(0.0);
                // A label longer than the room is cut, with the whole text in the table beside it.
                let label = if label.chars().count() as f64 * CHAR_WIDTH > label_width - 12.0 {
                    let keep = ((label_width - 12.0) / CHAR_WIDTH) as usize;
                    format!(
                        "{}…",
                        label
                            .chars()
                            .take(keep.saturating_sub(1))
                            .collect::<String>()
                            .trim_end()
                    )
                } else {
                    label
                };
                Bar {
                    label,
                    value,
                    y: px(y),
                    text_y: px(y + (BAR_PITCH - 8.0) / 2.0 + 4.0),
                    width: px(width),
                    value_x: px(label_width + width + 6.0),
                    class,
                }
            })
            .collect(),
        legend,
    }
}

/// One issue on the priority matrix: its marker and its label.
pub struct Marker {
    pub issue: String,
    pub x: String,
    pub y: String,
    pub current: bool,
    pub label: String,
    pub label_x: String,
    pub label_y: String,
    pub anchor: &'static str,
    pub local: String,
    pub score: String,
}

/// A grid line and its label.
pub struct Tick {
    pub at: String,
    pub label: String,
}

pub struct Matrix {
    pub width: String,
    pub height: String,
    pub left: String,
    pub right: String,
    pub top: String,
    pub bottom: String,
    pub support_x: String,
    pub support_label: String,
    pub band_y: Option<String>,
    pub band_label: String,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub markers: Vec<Marker>,
    pub y_title: String,
}

const M_WIDTH: f64 = 760.0;
const M_HEIGHT: f64 = 500.0;
const M_LEFT: f64 = 60.0;
const M_RIGHT: f64 = 740.0;
const M_TOP: f64 = 20.0;
const M_BOTTOM: f64 = 450.0;
const LABEL_HEIGHT: f64 = 14.0;

/// A rectangle (x0, y0, x1, y1).
type Rect = (f64, f64, f64, f64);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Place labels beside their markers so that no two labels and no label and marker overlap: each label
/// tries positions right, left, above and below its marker, then the same moved further away step by
/// step, and takes the first that is free and inside the plot. Markers are placed in a fixed order
/// (top to bottom, then left to right), so the layout is deterministic.
fn place_labels(points: &[(f64, f64, String)]) -> Vec<(f64, f64, &'static str)> {
    let mut taken: Vec<Rect> = points
        .iter()
        .map(|p| (p.0 - 6.0, p.1 - 6.0, p.0 + 6.0, p.1 + 6.0))
        .collect();
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| {
        points[a]
            .1
            .total_cmp(&points[b].1)
            .then(points[a].0.total_cmp(&points[b].0))
    });
    let mut placed = vec![(0.0, 0.0, "start"); points.len()];
    for i in order {
        let (x, y, label) = (&points[i].0, &points[i].1, &points[i].2);
        let w = label.chars().count() as f64 * CHAR_WIDTH;
        let mut choice = None;
        'search: for step in 0..40 {
            let d = f64::from(step) * 8.0;
            let candidates = [
                (x + 9.0, y - d, "start"),
                (x + 9.0, y + d, "start"),
                (x - 9.0, y - d, "end"),
                (x - 9.0, y + d, "end"),
                (x - w / 2.0 + d, y - 10.0 - d, "start"),
                (x - w / 2.0 - d, y + 20.0 + d, "start"),
            ];
            for (lx, ly, anchor) in candidates {
                let x0 = if anchor == "end" { lx - w } else { lx };
                let rect = (x0, ly - LABEL_HEIGHT + 3.0, x0 + w, ly + 3.0);
                let inside = rect.0 >= 2.0 && rect.2 <= M_WIDTH - 2.0 && rect.1 >= 2.0 && rect.3 <= M_BOTTOM;
                if inside && !taken.iter().any(|t| overlaps(*t, rect)) {
                    taken.push(rect);
                    choice = Some((lx, ly, anchor));
                    break 'search;
                }
            }
        }
        placed[i] = choice.unwrap_or((x + 9.0, *y, "start"));
    }
    placed
}

fn matrix(a: &Assessment, rep: &Report) -> Matrix {
    let s = &rep.ranking;
    let (_, rows) = s.pick(&["issue", "local", "morile_score", "current", "morile_band"]);
    let top_band = a.review.scheme.bands.first();
    let band_min = top_band.and_then(|b| b.min);
    let max_score = rows
        .iter()
        .filter_map(|r| r[2].number)
        .chain(band_min)
        .fold(0.0, f64::max)
        .max(1.0)
        * 1.1;
    let sx = |share: f64| M_LEFT + share.clamp(0.0, 1.0) * (M_RIGHT - M_LEFT);
    let sy = |score: f64| M_BOTTOM - (score / max_score).clamp(0.0, 1.0) * (M_BOTTOM - M_TOP);
    let points: Vec<(f64, f64, String)> = rows
        .iter()
        .map(|r| {
            (
                sx(r[1].number.unwrap_or(0.0)),
                sy(r[2].number.unwrap_or(0.0)),
                r[0].text.clone(),
            )
        })
        .collect();
    let labels = place_labels(&points);
    let step = nice_step(max_score);
    let y_ticks = (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|v| *v <= max_score)
        .map(|v| Tick {
            at: px(sy(v)),
            label: sections::num(v, 0),
        })
        .collect();
    let support = a.review.thresholds.support;
    Matrix {
        width: px(M_WIDTH),
        height: px(M_HEIGHT),
        left: px(M_LEFT),
        right: px(M_RIGHT),
        top: px(M_TOP),
        bottom: px(M_BOTTOM),
        support_x: px(sx(support)),
        support_label: format!("support threshold {}%", sections::num(support * 100.0, 1)),
        band_y: band_min.map(|m| px(sy(m))),
        band_label: top_band
            .map(|b| format!("{} band from {}", b.name, sections::num(b.min.unwrap_or(0.0), 2)))
            .unwrap_or_default(),
        x_ticks: (0..=10)
            .map(|i| Tick {
                at: px(sx(f64::from(i) / 10.0)),
                label: format!("{}%", i * 10),
            })
            .collect(),
        y_ticks,
        markers: rows
            .iter()
            .zip(points.iter().zip(labels))
            .map(|(r, (p, l))| Marker {
                issue: r[0].text.clone(),
                x: px(p.0),
                y: px(p.1),
                current: r[3].text == "priority",
                label: r[0].text.clone(),
                label_x: px(l.0),
                label_y: px(l.1),
                anchor: l.2,
                local: r[1].text.clone(),
                score: if r[2].is_empty() {
                    "not assessed".into()
                } else {
                    r[2].text.clone()
                },
            })
            .collect(),
        y_title: "MoRiLE score".into(),
    }
}

/// A round step for about five grid lines up to `max`.
fn nice_step(max: f64) -> f64 {
    let raw = max / 5.0;
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p)
}

/// One PESTELO category and its items.
pub struct Category {
    pub name: String,
    pub items: Vec<Vec<Td>>,
}

#[derive(Template)]
#[template(path = "html/report.html")]
pub struct Page {
    pub title: String,
    pub lead: Vec<String>,
    pub headline: Vec<Fact>,
    pub headline_warnings: Vec<String>,
    pub changes: HtmlTable,
    pub delivery_title: String,
    pub delivery: Option<HtmlTable>,
    pub delivery_notes: Vec<String>,
    pub matrix: Matrix,
    pub appendix_a_title: String,
    pub appendix_a: HtmlTable,
    pub appendix_a_notes: Vec<String>,
    pub others: HtmlTable,
    pub appendix_a_chart: BarChart,
    pub appendix_b_title: String,
    pub appendix_b: HtmlTable,
    pub appendix_b_notes: Vec<String>,
    pub appendix_b_chart: Option<BarChart>,
    pub appendix_c_title: String,
    pub appendix_c: Vec<Category>,
    pub appendix_c_empty: String,
    pub ranking_title: String,
    pub ranking_notes: Vec<String>,
    pub ranking: HtmlTable,
    pub movement_title: String,
    pub movement: Option<HtmlTable>,
    pub sensitivity_title: String,
    pub sensitivity: HtmlTable,
    pub sensitivity_notes: Vec<String>,
    pub movement_notes: Vec<String>,
    pub names_used: Option<HtmlTable>,
    pub names_used_title: String,
    pub data_quality_title: String,
    pub data_quality_facts: Vec<Fact>,
    pub data_quality: HtmlTable,
    pub warnings_title: String,
    pub warnings: HtmlTable,
    pub provenance: Vec<Fact>,
    pub inputs: HtmlTable,
}

/// The band class of a band name: the first band is "top", the last "bottom", others "middle".
fn band_class(a: &Assessment, band: &str) -> String {
    let bands = &a.review.scheme.bands;
    match bands.iter().position(|b| b.name == band) {
        Some(0) => "band-top".into(),
        Some(i) if i + 1 == bands.len() => "band-bottom".into(),
        Some(_) => "band-middle".into(),
        None => "band-none".into(),
    }
}

fn page(a: &Assessment) -> Page {
    let rep = sections::build(a);
    let aa = &rep.appendix_a;
    let (_, a_rows) = aa.pick(&["label", "csp_count"]);
    let appendix_a_chart = bar_chart(
        "CSPs identifying each issue",
        a_rows
            .iter()
            .map(|r| {
                (
                    r[0].text.clone(),
                    r[1].text.clone(),
                    r[1].number.unwrap_or(0.0),
                    "bar".into(),
                )
            })
            .collect(),
        Vec::new(),
    );
    let b = &rep.appendix_b;
    let appendix_b_chart = (!b.rows.is_empty()).then(|| {
        let (_, rows) = b.pick(&["item", "score", "band"]);
        bar_chart(
            "MoRiLE score of each item, coloured by band",
            rows.iter()
                .map(|r| {
                    (
                        r[0].text.clone(),
                        r[1].text.clone(),
                        r[1].number.unwrap_or(0.0),
                        band_class(a, &r[2].text),
                    )
                })
                .collect(),
            a.review
                .scheme
                .bands
                .iter()
                .map(|band| (band_class(a, &band.name), band.name.clone()))
                .collect(),
        )
    });
    let c = &rep.appendix_c;
    let mut appendix_c: Vec<Category> = Vec::new();
    for row in all(c).rows {
        let name = row[0].text.clone();
        let items = row.into_iter().skip(1).collect();
        match appendix_c.last_mut() {
            Some(cat) if cat.name == name => cat.items.push(items),
            _ => appendix_c.push(Category {
                name,
                items: vec![items],
            }),
        }
    }
    let m = rep.movement.as_ref();
    Page {
        title: rep.title.clone(),
        lead: rep.summary.notes.clone(),
        headline: facts(&rep.headline),
        headline_warnings: rep.headline.rows.iter().map(|r| r[0].text.clone()).collect(),
        changes: table(&rep.comparison, &["type", "current", "proposed", "change", "why"]),
        delivery_title: rep.delivery.as_ref().map(|d| d.title.clone()).unwrap_or_default(),
        delivery: rep.delivery.as_ref().map(|d| table(d, &d.keys()[..7])),
        delivery_notes: rep.delivery.as_ref().map(|d| d.notes.clone()).unwrap_or_default(),
        matrix: matrix(a, &rep),
        appendix_a_title: aa.title.clone(),
        appendix_a: table(aa, &sections::with(&sections::APPENDIX_A_COUNTS, &["partnerships"])),
        appendix_a_notes: aa.notes[..1].to_vec(),
        others: all(&rep.other_focus_areas),
        appendix_a_chart,
        appendix_b_title: b.title.clone(),
        appendix_b: all(b),
        appendix_b_notes: if b.rows.is_empty() { Vec::new() } else { b.notes.clone() },
        appendix_b_chart,
        appendix_c_title: c.title.clone(),
        appendix_c,
        appendix_c_empty: c.empty.clone().unwrap_or_default(),
        ranking_title: rep.ranking.title.clone(),
        ranking_notes: rep.ranking.notes.clone(),
        ranking: table(
            &rep.ranking,
            &sections::with(
                &sections::RANKING_FIGURES,
                &["morile_band", "current", "recommendation", "reason", "decision"],
            ),
        ),
        movement_title: m.map(|m| m.title.clone()).unwrap_or_default(),
        movement_notes: m.map(|m| m.notes.clone()).unwrap_or_default(),
        names_used: rep.names_used.as_ref().map(all),
        names_used_title: rep.names_used.as_ref().map(|n| n.title.clone()).unwrap_or_default(),
        movement: m.map(all),
        sensitivity_title: rep.sensitivity.title.clone(),
        sensitivity: all(&rep.sensitivity),
        sensitivity_notes: rep.sensitivity.notes.clone(),
        data_quality_title: rep.data_quality.title.clone(),
        data_quality_facts: facts(&rep.data_quality),
        data_quality: all(&rep.data_quality),
        warnings_title: rep.warnings.title.clone(),
        warnings: all(&rep.warnings),
        provenance: facts(&rep.provenance),
        inputs: all(&rep.inputs),
    }
}

/// The self-contained HTML report of an assessment. The same assessment always gives the same bytes.
pub fn render(a: &Assessment) -> String {
    page(a)
        .render()
        .expect("the report template renders any assessment: it only writes strings it is given")
}
