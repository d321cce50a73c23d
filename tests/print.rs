//! The workbook printed (SPEC §8.1), checked the way a person would: LibreOffice turns it into a PDF and
//! poppler's word boxes say the page size, the smallest text and whether any two words overprint.
//!
//! Needs `soffice` (LibreOffice), `pdftotext` and `pdfinfo` (poppler-utils) and the Carlito font
//! (fonts-crosextra-carlito, Calibri's metrics). Without them the test says "skipped", except under CI,
//! where it fails.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn have(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn has_carlito() -> bool {
    Command::new("fc-list")
        .arg("Carlito")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("Carlito"))
}

/// One word of `pdftotext -bbox-layout`: its page, box and text.
#[derive(Debug, Clone)]
struct Word {
    page: usize,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

/// The pages (width, height) and words of a bbox-layout document.
fn parse(html: &str) -> (Vec<(f64, f64)>, Vec<Word>) {
    let mut pages = Vec::new();
    let mut words = Vec::new();
    for (i, page) in html.split("<page ").skip(1).enumerate() {
        let tag = &page[..page.find('>').unwrap()];
        pages.push((attr(tag, "width"), attr(tag, "height")));
        for w in page.split("<word ").skip(1) {
            let close = w.find('>').unwrap();
            let text = &w[close + 1..w.find("</word>").unwrap()];
            words.push(Word {
                page: i + 1,
                x0: attr(&w[..close], "xMin"),
                y0: attr(&w[..close], "yMin"),
                x1: attr(&w[..close], "xMax"),
                y1: attr(&w[..close], "yMax"),
                text: text
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
            });
        }
    }
    (pages, words)
}

/// Two words overprint when their boxes share more than a point across and more than a third of a line
/// down (boxes of neighbouring lines of one cell touch: their fonts' boxes are taller than the lines).
fn overprint(a: &Word, b: &Word) -> bool {
    let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
    let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
    a.page == b.page && dx > 1.0 && dy > 0.34 * (a.y1 - a.y0).min(b.y1 - b.y0)
}

/// Numbers run into their neighbours: "0.52611=", "1040.00High", "1Ashbury".
fn run_together(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let digit_then_capital = chars
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_uppercase());
    let decimal_then_tie = word.ends_with('=') && word.contains('.');
    digit_then_capital || decimal_then_tie
}

fn to_pdf(soffice: &str, xlsx: &Path, dir: &Path) -> std::path::PathBuf {
    let profile = dir.join("lo-profile");
    let out = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(xlsx)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = xlsx.with_extension("pdf");
    assert!(pdf.is_file(), "LibreOffice wrote no PDF");
    pdf
}

#[test]
fn the_printed_workbook_is_a4_landscape_with_text_of_8_points_or_more_and_nothing_overprinted() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|p| have(p, "--version"));
    let tools = soffice.is_some() && have("pdftotext", "-v") && have("pdfinfo", "-v") && has_carlito();
    let Some(soffice) = soffice.filter(|_| tools) else {
        assert!(
            std::env::var("CI").is_err(),
            "under CI the print test needs soffice, poppler-utils and fonts-crosextra-carlito"
        );
        eprintln!("skipped: soffice, pdftotext/pdfinfo (poppler-utils) or the Carlito font is not installed");
        return;
    };
    let dir = sample_copy();
    let xlsx = dir.path().join("csa.xlsx");
    let o = bin()
        .args(["review", "--format", "json", "--out"])
        .arg(&xlsx)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = to_pdf(soffice, &xlsx, dir.path());

    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(info.contains("(A4)"), "{info}");

    let html = dir.path().join("words.html");
    let o = Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(&pdf)
        .arg(&html)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (pages, words) = parse(&std::fs::read_to_string(&html).unwrap());
    assert!(pages.len() >= 10, "every sheet prints: {} pages", pages.len());
    for (i, (w, h)) in pages.iter().enumerate() {
        assert!(
            (w - 841.89).abs() < 1.0 && (h - 595.28).abs() < 1.0,
            "page {} is {w} x {h} points, not A4 landscape",
            i + 1
        );
    }

    let smallest = words
        .iter()
        .min_by(|a, b| (a.y1 - a.y0).total_cmp(&(b.y1 - b.y0)))
        .unwrap();
    let height = smallest.y1 - smallest.y0;
    eprintln!(
        "{} pages; smallest word \"{}\" on page {}: {height:.2} points high",
        pages.len(),
        smallest.text,
        smallest.page
    );
    // A word's box is its font's ascent and descent: 1.22 times the size in Carlito, so 8-point text
    // makes boxes 9.77 points high.
    assert!(height >= 9.7, "text below 8 points: {smallest:?}");

    let mut clashes = Vec::new();
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if overprint(a, b) {
                clashes.push(format!("page {}: \"{}\" over \"{}\"", a.page, a.text, b.text));
            }
        }
    }
    assert!(clashes.is_empty(), "words print over each other: {clashes:#?}");

    let joined: Vec<&str> = words
        .iter()
        .map(|w| w.text.as_str())
        .filter(|t| run_together(t))
        .collect();
    assert!(joined.is_empty(), "numbers run into their neighbours: {joined:?}");

    // Every sheet's title is in its page header, with the area and year.
    let text: String = words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
    for title in [
        "Appendix A: Strategic Assessments (2018-19)",
        "Appendix B: MoRiLE Assessment (2018-19)",
        "Appendix C: Horizon Scanning (2018-19)",
        "Ranking and recommendation (2018-19)",
        "Data quality (2018-19)",
        "Kent 2018-19",
    ] {
        assert!(text.contains(title), "\"{title}\" is not printed");
    }
    // Every bar of Appendix A's chart carries its count: the chart page shows each label beside a count.
    // The chart's page carries Appendix A's title three times: the page header, the repeated title row
    // and the chart's title.
    let titles = |page: usize| {
        words
            .windows(3)
            .filter(|w| w[0].page == page && w[0].text == "Appendix" && w[1].text == "A:" && w[2].text == "Strategic")
            .count()
    };
    let chart_page = (1..=pages.len())
        .find(|&p| titles(p) >= 3)
        .expect("a page with Appendix A's chart");
    let counts: Vec<&str> = words
        .iter()
        .filter(|w| w.page == chart_page && w.text.chars().all(|c| c.is_ascii_digit()))
        .map(|w| w.text.as_str())
        .collect();
    for n in ["10", "8", "7", "4", "3"] {
        assert!(counts.contains(&n), "the chart has no bar labelled {n}: {counts:?}");
    }
    assert!(
        counts.iter().filter(|c| **c == "10").count() >= 3,
        "three bars of 10, each labelled: {counts:?}"
    );
}

#[test]
fn overprinting_and_run_together_numbers_are_caught() {
    let w = |x0: f64, y0: f64, text: &str| Word {
        page: 1,
        x0,
        y0,
        x1: x0 + 30.0,
        y1: y0 + 10.0,
        text: text.into(),
    };
    assert!(overprint(&w(0.0, 0.0, "MoRiLE"), &w(10.0, 5.0, "rank")));
    assert!(!overprint(&w(0.0, 0.0, "one"), &w(0.0, 8.0, "line below")));
    assert!(!overprint(&w(0.0, 0.0, "left"), &w(31.0, 0.0, "right")));
    for joined in ["0.52611=", "1040.00High", "1Ashbury"] {
        assert!(run_together(joined), "{joined}");
    }
    for fine in ["12=", "0.526", "2018-19", "(2018-19)", "A4"] {
        assert!(!run_together(fine), "{fine}");
    }
}
