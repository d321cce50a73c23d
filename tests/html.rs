//! The HTML report (SPEC §8.2), rendered through the library and checked in a real browser: headless
//! Chromium dumps the DOM, prints to PDF and takes a screenshot. Where Chromium is not installed the browser
//! test says "skipped", except under CI, where it fails.

mod common;
use common::*;
use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The report of a review folder, written to `dir/report.html`.
fn write_report(folder: &Path, dir: &Path) -> (String, PathBuf) {
    let a = csa_review::review_folder(folder).unwrap();
    let html = csa_review::report::html::render(&a);
    let path = dir.join("report.html");
    std::fs::write(&path, &html).unwrap();
    (html, path)
}

fn json_of(folder: &Path) -> serde_json::Value {
    let out = bin()
        .args(["review", "--no-workbook", "--format", "json"])
        .arg(folder)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").is_err(),
            "under CI the HTML test needs Chromium (Debian package chromium)"
        );
        eprintln!("skipped: chromium is not installed");
    }
    found
}

/// Run headless Chromium on a file with one more flag; returns its standard output.
fn browse(browser: &str, profile: &Path, page: &Path, flag: &str) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(flag)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &scraper::ElementRef) -> String {
    e.text().collect::<String>()
}

/// The cells of the table that follows a section's heading, by column key.
fn column(doc: &Html, section: &str, key: &str) -> Vec<String> {
    select(
        doc,
        &format!("section#{section} > div.wide > table td[data-key=\"{key}\"]"),
    )
    .iter()
    .map(text)
    .collect()
}

/// A JSON number as the report prints it: up to its decimals, no trailing zeros.
fn shown(v: &serde_json::Value) -> String {
    let x = v.as_f64().unwrap();
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[test]
fn the_report_holds_the_sections_in_order_with_a_security_policy_and_no_script() {
    let dir = sample_copy();
    let (html, _) = write_report(dir.path(), dir.path());
    let order = [
        "id=\"summary\"",
        "id=\"matrix\"",
        "id=\"appendix-a\"",
        "id=\"appendix-b\"",
        "id=\"appendix-c\"",
        "id=\"ranking\"",
        "id=\"year-on-year\"",
        "id=\"sensitivity\"",
        "id=\"data-quality\"",
        "id=\"provenance\"",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|s| html.find(s).unwrap_or_else(|| panic!("{s}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
    ));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(
        !html.contains("http://") || !html.contains("src=\"http"),
        "no network request"
    );
    for attr in ["src=\"http", "href=\"http", "url("] {
        assert!(!html.contains(attr), "{attr}");
    }
    assert_eq!(
        html,
        write_report(dir.path(), dir.path()).0,
        "the same inputs give the same bytes"
    );
    eprintln!("report size: {} bytes", html.len());
}

#[test]
fn a_submission_cannot_inject_markup_or_script() {
    let dir = sample_copy();
    let issue = "<script>alert(1)</script>";
    // Swale names an issue whose name is a script: it becomes an other focus area, shown as text.
    let swale = dir.path().join("submissions/08-swale.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let s = wb.add_worksheet().set_name("Submission").unwrap();
    s.write(0, 0, "Partnership").unwrap();
    s.write(0, 1, "Swale").unwrap();
    let s = wb.add_worksheet().set_name("Issues").unwrap();
    s.write(0, 0, "Issue").unwrap();
    s.write(0, 1, "Identified as").unwrap();
    s.write(1, 0, "Domestic Abuse").unwrap();
    s.write(1, 1, "Main priority").unwrap();
    s.write(2, 0, issue).unwrap();
    s.write(2, 1, "Main priority").unwrap();
    wb.save(&swale).unwrap();
    let (html, path) = write_report(dir.path(), dir.path());
    assert!(!html.contains(issue), "the name reached the page unescaped");
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;") || html.contains("&lt;script&gt;alert(1)"));
    let doc = Html::parse_document(&html);
    assert!(select(&doc, "script").is_empty());
    assert!(text(&doc.root_element()).contains(issue), "the name shows as text");

    let Some(browser) = chromium() else { return };
    let profile = tempfile::tempdir().unwrap();
    let dom = browse(browser, profile.path(), &path, "--dump-dom");
    let doc = Html::parse_document(&dom);
    assert!(select(&doc, "script").is_empty(), "the browser built no script element");
    assert!(text(&doc.root_element()).contains(issue));
}

#[test]
fn in_a_browser_the_report_renders_prints_on_a4_and_its_figures_equal_the_json() {
    let Some(browser) = chromium() else { return };
    let dir = sample_copy();
    let (_, path) = write_report(dir.path(), dir.path());
    let json = json_of(dir.path());
    let profile = tempfile::tempdir().unwrap();

    let dom = browse(browser, profile.path(), &path, "--dump-dom");
    let doc = Html::parse_document(&dom);
    let labels = column(&doc, "appendix-a", "label");
    let counts = column(&doc, "appendix-a", "csp_count");
    let rows = json["appendix_a"].as_array().unwrap();
    assert_eq!(labels.len(), rows.len());
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(labels[i], r["label"].as_str().unwrap());
        assert_eq!(counts[i], r["csp_count"].to_string());
    }
    let issues = column(&doc, "ranking", "issue");
    let combined = column(&doc, "ranking", "combined");
    let ranking = json["ranking"].as_array().unwrap();
    assert_eq!(issues.len(), ranking.len());
    for (i, r) in ranking.iter().enumerate() {
        assert_eq!(issues[i], r["issue"].as_str().unwrap());
        assert_eq!(combined[i], shown(&r["combined"]), "{}", issues[i]);
    }
    let summary = text(&select(&doc, "section#summary")[0]);
    for p in json["proposed"]["priorities"].as_array().unwrap() {
        assert!(summary.contains(p.as_str().unwrap()), "{p} is not in the summary");
    }
    for t in json["proposed"]["themes"].as_array().unwrap() {
        assert!(summary.contains(t.as_str().unwrap()), "{t} is not in the summary");
    }
    let markers = select(&doc, "svg.matrix g.marker");
    assert_eq!(markers.len(), ranking.len(), "one marker per ranked issue");
    let marked: Vec<&str> = markers.iter().map(|m| m.value().attr("data-issue").unwrap()).collect();
    let ranked: Vec<&str> = ranking.iter().map(|r| r["issue"].as_str().unwrap()).collect();
    assert_eq!(marked, ranked);
    let current = select(&doc, "svg.matrix g.marker.current").len();
    let current_json = ranking.iter().filter(|r| r["current"] == "priority").count();
    assert_eq!(current, current_json, "current priorities are marked");

    let pdf = dir.path().join("report.pdf");
    browse(
        browser,
        profile.path(),
        &path,
        &format!("--print-to-pdf={}", pdf.display()),
    );
    let info = Command::new("pdfinfo").arg(&pdf).output();
    match info {
        Ok(o) if o.status.success() => {
            let info = String::from_utf8_lossy(&o.stdout).to_string();
            assert!(info.contains("(A4)"), "{info}");
            eprintln!(
                "printed: {}",
                info.lines().filter(|l| l.starts_with("Pages")).collect::<String>()
            );
        }
        _ => eprintln!("pdfinfo (poppler-utils) is not installed: the page size is not checked"),
    }

    let shot = dir.path().join("report.png");
    browse(
        browser,
        profile.path(),
        &path,
        &format!("--screenshot={}", shot.display()),
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a screenshot of a rendered page"
    );
    // For looking at by eye: CSA_KEEP_REPORT=DIR keeps the page, its PDF and the screenshot.
    if let Ok(keep) = std::env::var("CSA_KEEP_REPORT") {
        for f in [&path, &pdf, &shot] {
            std::fs::copy(f, Path::new(&keep).join(f.file_name().unwrap())).unwrap();
        }
    }
}

/// Labels on the priority matrix never overlap one another.
#[test]
fn matrix_labels_do_not_overlap() {
    let dir = sample_copy();
    let (html, _) = write_report(dir.path(), dir.path());
    let doc = Html::parse_document(&html);
    let boxes: Vec<(f64, f64, f64, f64, String)> = select(&doc, "svg.matrix g.marker text")
        .iter()
        .map(|t| {
            let v = t.value();
            let x: f64 = v.attr("x").unwrap().parse().unwrap();
            let y: f64 = v.attr("y").unwrap().parse().unwrap();
            let label = text(t);
            let w = label.chars().count() as f64 * 6.4;
            let x0 = if v.attr("text-anchor") == Some("end") { x - w } else { x };
            (x0, y - 11.0, x0 + w, y + 3.0, label)
        })
        .collect();
    assert!(boxes.len() >= 10);
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
            assert!(apart, "\"{}\" overlaps \"{}\"", a.4, b.4);
        }
    }
}

/// A review without a MoRiLE workbook or last year's still gets a whole report: every ranked issue on the
/// matrix (on the bottom line), Appendix B saying there is no workbook, no year-on-year section.
#[test]
fn a_review_without_morile_or_last_year_still_gets_a_whole_report() {
    let dir = sample_copy();
    let toml = dir.path().join("review.toml");
    let settings: String = std::fs::read_to_string(&toml)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("morile = \"") && !l.starts_with("previous = "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&toml, settings).unwrap();
    std::fs::remove_file(dir.path().join("morile.xlsx")).unwrap();
    let (html, _) = write_report(dir.path(), dir.path());
    let json = json_of(dir.path());
    let doc = Html::parse_document(&html);
    let ranked = json["ranking"].as_array().unwrap().len();
    assert_eq!(select(&doc, "svg.matrix g.marker").len(), ranked);
    assert!(text(&select(&doc, "section#appendix-b")[0]).contains("No MoRiLE workbook in this review."));
    assert!(select(&doc, "section#year-on-year").is_empty());
}
