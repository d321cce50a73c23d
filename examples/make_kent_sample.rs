//! Writes the illustrative workbooks of the bundled review `samples/kent-2018-19/`:
//! eleven district submissions, `morile.xlsx` and `horizon.xlsx`.
//!
//! The published 2018 figures are reproduced by construction: the Appendix A counts of the draft CSA
//! (April 2018), the order of its MoRiLE list, and its PESTELO horizon scan. Which CSP named which issue,
//! the names they used, and the MoRiLE factor values are NOT published: they are illustrative, chosen to
//! give those published figures. The same program always writes the same bytes.
//!
//! Run from the repository root: `cargo run --example make_kent_sample`

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use std::path::Path;

const DIR: &str = "samples/kent-2018-19";

const CSPS: [&str; 11] = [
    "Ashford",
    "Canterbury",
    "Dartford and Gravesham",
    "Dover",
    "Maidstone",
    "Sevenoaks",
    "Shepway",
    "Swale",
    "Thanet",
    "Tonbridge and Malling",
    "Tunbridge Wells",
];

// Identified as: M main priority, C cross-cutting theme, B part of broader theme.
const M: &str = "Main priority";
const C: &str = "Cross-cutting theme";
const B: &str = "Part of broader theme";

/// Per issue of Appendix A: for each CSP (in CSPS order) how it identified the issue ("" = not) and the
/// name it used. Counts: 10, 10, 10, 8, 8, 7, 7, 7, 4, 4, 3 (total 78), as published.
#[rustfmt::skip]
fn matrix() -> Vec<Vec<(&'static str, &'static str)>> {
    vec![
        // Domestic Abuse: 10 (not Sevenoaks)
        vec![(M, "Domestic Abuse"), (M, "Domestic abuse and sexual violence"), (M, "DA"), (M, "Domestic Abuse"), (M, "Domestic violence"),
             ("", ""), (M, "Domestic Abuse"), (M, "Domestic Abuse."), (M, "domestic abuse"), (C, "Domestic abuse"), (B, "Domestic Abuse")],
        // Safeguarding and Vulnerability: 10 (not Tunbridge Wells)
        vec![(M, "Safeguarding Vulnerable People"), (M, "CSE"), (M, "Vulnerable people"), (C, "Safeguarding"), (M, "Safeguarding and Vulnerability"),
             (B, "Scams"), (M, "Child Sexual Exploitation"), (M, "Safeguarding vulnerable people"), (M, "Vulnerability"), (C, "Victims"), ("", "")],
        // Anti-Social Behaviour: 10 (not Dover)
        vec![(M, "ASB"), (M, "Anti-social behaviour"), (M, "ASB/Environmental"), ("", ""), (M, "Anti-Social Behaviour"),
             (M, "Environmental ASB"), (M, "ASB"), (M, "Antisocial behaviour"), (M, "ASB"), (B, "Fly-tipping"), (M, "Anti social behaviour")],
        // Serious and Organised Crime: 8 (not Sevenoaks, Tonbridge and Malling, Tunbridge Wells)
        vec![(M, "Serious and Organised Crime"), (M, "Gangs"), (M, "Gangs (county lines)"), (B, "Modern Slavery"), (M, "Serious & Organised Crime"),
             ("", ""), (M, "OCGs"), (M, "SOC"), (M, "Modern Slavery / Human Trafficking"), ("", ""), ("", "")],
        // Substance Misuse: 8 (not Ashford, Maidstone, Sevenoaks)
        vec![("", ""), (M, "Drugs and Alcohol"), (M, "Substance Misuse"), (M, "Substance misuse"), ("", ""),
             ("", ""), (B, "Alcohol"), (M, "Drugs and Alcohol"), (M, "Substance Misuse"), (C, "Drug and alcohol misuse"), (B, "Psychoactive substances")],
        // Mental Health: 7, mostly a cross-cutting theme (not Dover, Shepway, Swale, Thanet)
        vec![(C, "Mental Health"), (C, "Mental health and wellbeing"), (M, "Mental Health"), ("", ""), (C, "Mental Health"),
             (C, "Dementia"), ("", ""), ("", ""), ("", ""), (B, "Mental health"), (C, "Mental wellbeing")],
        // Extremism and Hate: 7, mostly as a priority (not Ashford, Dover, Sevenoaks, Tunbridge Wells)
        vec![("", ""), (M, "PREVENT"), (M, "Preventing Violent Extremism"), ("", ""), (B, "Hate Crime"),
             ("", ""), (M, "Extremism & Hate"), (M, "PREVENT"), (C, "Hate crimes"), (B, "Radicalisation"), ("", "")],
        // Reducing Offending and Reoffending: 7 (not Canterbury, Maidstone, Sevenoaks, Tonbridge and Malling)
        vec![(C, "Reducing reoffending"), ("", ""), (M, "IOM"), (C, "Reoffending"), ("", ""),
             ("", ""), (C, "Re-offending"), (B, "Offender management"), (M, "Reducing Offending and Reoffending"), ("", ""), (C, "Reducing reoffending")],
        // Crime: 4 (Ashford, Maidstone, Sevenoaks, Tunbridge Wells)
        vec![(M, "Acquisitive crime"), ("", ""), ("", ""), ("", ""), (M, "Violent crime"),
             (M, "Rural crime"), ("", ""), ("", ""), ("", ""), ("", ""), (M, "Burglary")],
        // Community Confidence: 4 (Canterbury, Dover, Tonbridge and Malling, Tunbridge Wells)
        vec![("", ""), (C, "Community cohesion"), ("", ""), (M, "Quality of life"), ("", ""),
             ("", ""), ("", ""), ("", ""), ("", ""), (C, "Community resilience"), (B, "Reassurance")],
        // Road Safety: 3 (Sevenoaks, Tonbridge and Malling, Tunbridge Wells)
        vec![("", ""), ("", ""), ("", ""), ("", ""), ("", ""),
             (M, "Road Safety"), ("", ""), ("", ""), ("", ""), (B, "Casualty reduction"), (M, "Road casualties")],
    ]
}

/// Extra rows of some CSPs: a second name rolling up to an issue already named (it counts once), the
/// other focus areas of the published footer, and template rows marked not identified.
#[rustfmt::skip]
fn extra_rows(csp: usize) -> Vec<(&'static str, &'static str, &'static str)> {
    match csp {
        0 => vec![("Communication and information sharing", C, "Partnership working"), ("Road Safety", "Not identified", "")],
        1 => vec![("Scams", B, "Protecting vulnerable people"), ("Health & wellbeing", C, "")],
        3 => vec![("Young people's services", M, "Young people"), ("Crime", "No", "")],
        4 => vec![("Preventing fires", B, "Safer homes")],
        7 => vec![("Troubled families", C, "Supporting families"), ("Human Trafficking", M, "Serious and organised crime")],
        8 => vec![("Health and wellbeing", C, "Healthy communities")],
        _ => vec![],
    }
}

const HEADINGS: [&str; 5] = [
    "Protecting vulnerable people",
    "Safer streets",
    "Reducing harm",
    "Strong communities",
    "Tackling crime",
];
const ISSUE_NAMES: [&str; 11] = [
    "Domestic Abuse",
    "Safeguarding",
    "Anti-Social Behaviour",
    "Serious and Organised Crime",
    "Substance Misuse",
    "Mental Health",
    "Extremism and Hate",
    "Reducing reoffending",
    "Crime",
    "Community Confidence",
    "Road Safety",
];

fn new_workbook() -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_author("csa-review sample generator")
        .set_comment(
            "Illustrative data: the per-CSP detail is not published; the totals are the published 2018 figures",
        )
        .set_creation_datetime(&ExcelDateTime::from_ymd(2018, 1, 15)?);
    wb.set_properties(&props);
    Ok(wb)
}

fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    words.join("-")
}

fn write_submission(
    dir: &str,
    year: &str,
    csp: usize,
    m: &[Vec<(&'static str, &'static str)>],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut wb = new_workbook()?;
    let name = CSPS[csp];
    // Shepway was renamed Folkestone & Hythe in April 2018; its return uses the new name (an alias).
    let label = if name == "Shepway" && year != "2017-18" {
        "Folkestone & Hythe"
    } else {
        name
    };
    if csp.is_multiple_of(3) {
        wb.add_worksheet().set_name("Instructions")?.write_string(
            0,
            0,
            "Fill in one row per community safety issue identified in your strategic assessment.",
        )?;
    }
    let ws = wb.add_worksheet();
    ws.set_name(if csp == 4 { "SUBMISSION" } else { "Submission" })?;
    let colon = if csp % 4 == 1 { ":" } else { "" };
    let rows: [(&str, String); 5] = [
        ("Partnership", label.to_string()),
        ("Assessment year", year.into()),
        (
            "Completed by",
            format!("{label} Community Safety Partnership (illustrative)"),
        ),
        ("Date completed", String::new()),
        (
            "Districts covered",
            if name == "Dartford and Gravesham" {
                "Dartford; Gravesham".into()
            } else {
                name.to_string()
            },
        ),
    ];
    for (r, (l, v)) in rows.iter().enumerate() {
        ws.write_string_with_format(r as u32, 0, format!("{l}{colon}"), &bold)?;
        if *l == "Date completed" {
            let y: u16 = if year == "2017-18" { 2017 } else { 2018 };
            ws.write_datetime_with_format(r as u32, 1, ExcelDateTime::from_ymd(y, 1, 8 + csp as u8)?, &date)?;
        } else {
            ws.write_string(r as u32, 1, v)?;
        }
    }
    ws.set_column_width(0, 20)?;
    ws.set_column_width(1, 50)?;

    let ws = wb.add_worksheet();
    ws.set_name("Issues")?;
    // Layouts vary as real returns do: title rows above the header, other column orders, an extra column.
    let (top, columns): (u32, Vec<&str>) = match csp % 4 {
        0 => (0, vec!["Issue", "Identified as", "Local heading", "Notes"]),
        1 => (2, vec!["Issue", "Identified as", "Local heading", "Notes"]),
        2 => (1, vec!["Local heading", "Issue", "Identified as", "Notes"]),
        _ => (
            3,
            vec!["Notes", "Identified as", "ISSUE", "Local heading", "Lead agency"],
        ),
    };
    if top > 0 {
        ws.write_string_with_format(
            0,
            0,
            format!("{label}: community safety issues identified in the strategic assessment {year} (illustrative)"),
            &bold,
        )?;
    }
    for (c, h) in columns.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *h, &bold)?;
    }
    let mut r = top + 1;
    let mut put = |r: u32, issue: &str, ident: &str, heading: &str, note: &str| -> Result<(), XlsxError> {
        for (c, col) in columns.iter().enumerate() {
            let v = match col.to_lowercase().as_str() {
                "issue" => issue,
                "identified as" => ident,
                "local heading" => heading,
                "notes" => note,
                _ => "Police and district council",
            };
            if !v.is_empty() {
                ws.write_string(r, c as u16, v)?;
            }
        }
        Ok(())
    };
    for (i, issue) in m.iter().enumerate() {
        let (ident, used) = issue[csp];
        if ident.is_empty() {
            continue;
        }
        // Accepted variants of "Identified as" appear now and then.
        let ident = match (ident, (csp + i) % 7) {
            (M, 0) => "Priority",
            (C, 1) => "Cross cutting",
            (B, 2) => "Broader theme",
            _ => ident,
        };
        let note = if i % 3 == 0 {
            "See the strategic assessment for the evidence"
        } else {
            ""
        };
        put(r, used, ident, HEADINGS[(i + csp) % HEADINGS.len()], note)?;
        r += 1;
        if csp == 6 && i == 2 {
            r += 1; // a blank row in the middle, as people leave them
        }
    }
    for (issue, ident, heading) in extra_rows(csp) {
        put(r, issue, ident, heading, "")?;
        r += 1;
    }
    // The template's rows for issues this CSP did not identify, left as "Not identified".
    if csp == 10 {
        for (i, issue) in m.iter().enumerate() {
            if issue[csp].0.is_empty() {
                put(r, ISSUE_NAMES[i], "Not identified", "", "")?;
                r += 1;
            }
        }
    }
    ws.set_column_width(0, 40)?;
    ws.set_column_width(1, 28)?;
    ws.set_column_width(2, 30)?;
    ws.set_column_width(3, 40)?;
    let file = format!("{dir}/submissions/{:02}-{}.xlsx", csp + 1, slug(label));
    wb.save(Path::new(&file))
}

/// The MoRiLE items (about 20 assessed): item, issue (where the name alone does not say), the five harm
/// factors, frequency, vulnerability, capacity, capability, opportunity and confidence. Illustrative values
/// that give the published order; Hate Crime and Road Safety tie at 183 1/3 (40 x 5 x 11/12 = 55 x 4 x 5/6).
#[rustfmt::skip]
const MORILE: [(&str, &str, [&str; 10], &str); 21] = [
    ("Modern Slavery", "", ["Critical", "Critical", "Substantial", "Substantial", "National", "Unlikely", "High", "Partial", "Partial", "Medium"], "Low"),
    ("PREVENT", "Extremism and Hate", ["Critical", "Critical", "Moderate", "Substantial", "National", "Rare", "High", "Partial", "Partial", "Medium"], "Medium"),
    ("Child Sexual Exploitation (CSE)", "", ["Critical", "Critical", "Limited", "Moderate", "County", "Unlikely", "High", "Partial", "Partial", "Medium"], "Medium"),
    ("Domestic Abuse", "", ["Substantial", "Substantial", "Moderate", "Moderate", "County", "Almost certain", "Significant", "Partial", "Partial", "Medium"], "High"),
    ("Gangs", "", ["Substantial", "Substantial", "Moderate", "Substantial", "County", "Possible", "Significant", "Partial", "Partial", "Medium"], "Medium"),
    ("Organised Crime Groups (OCGs)", "Serious and Organised Crime", ["Moderate", "Moderate", "Substantial", "Substantial", "County", "Possible", "Significant", "Partial", "Partial", "Medium"], "Medium"),
    ("Mental Health", "", ["Moderate", "Substantial", "Limited", "Moderate", "County", "Likely", "Significant", "Partial", "Partial", "Medium"], "High"),
    ("Violent Crime", "Crime", ["Substantial", "Moderate", "Limited", "Moderate", "District", "Likely", "Significant", "Partial", "Partial", "Medium"], "High"),
    ("Anti-Social Behaviour", "", ["Limited", "Moderate", "Limited", "Substantial", "District", "Almost certain", "Some", "Partial", "Partial", "Medium"], "High"),
    ("Cyber Crime", "Safeguarding and Vulnerability", ["Limited", "Moderate", "Substantial", "Limited", "National", "Possible", "None", "Partial", "Partial", "Medium"], "Low"),
    ("Criminal Damage", "Crime", ["Limited", "Limited", "Moderate", "Moderate", "District", "Likely", "Some", "Partial", "Partial", "Medium"], "High"),
    ("Hate Crime", "Extremism and Hate", ["Moderate", "Substantial", "None", "Substantial", "Local", "Possible", "Some", "Sufficient", "Sufficient", "Medium"], "Medium"),
    ("Road Safety", "", ["Substantial", "Limited", "Limited", "None", "District", "Likely", "Some", "Partial", "Sufficient", "Medium"], "High"),
    ("Scams", "Safeguarding and Vulnerability", ["Limited", "Moderate", "Substantial", "None", "County", "Unlikely", "Some", "Partial", "Partial", "Medium"], "Medium"),
    ("Vehicle Crime", "Crime", ["Limited", "Limited", "Moderate", "Limited", "District", "Likely", "None", "Partial", "Partial", "Medium"], "High"),
    ("Burglary", "Crime", ["Moderate", "Moderate", "Moderate", "Limited", "District", "Possible", "None", "Partial", "Partial", "Medium"], "High"),
    ("Drugs and Alcohol", "Substance Misuse", ["Moderate", "Moderate", "Limited", "Limited", "District", "Possible", "None", "Partial", "Partial", "Medium"], "High"),
    ("Reoffending", "Reducing Offending and Reoffending", ["Limited", "Limited", "Limited", "Moderate", "District", "Possible", "None", "Partial", "Partial", "Medium"], "Medium"),
    ("Fly-tipping", "Anti-Social Behaviour", ["None", "Limited", "Limited", "Limited", "District", "Likely", "None", "Partial", "Partial", "Medium"], "High"),
    ("Community cohesion", "Community Confidence", ["None", "Limited", "None", "Substantial", "County", "Unlikely", "None", "Partial", "Partial", "Medium"], "Low"),
    ("Rural crime", "Crime", ["Limited", "Limited", "Moderate", "Limited", "District", "Unlikely", "None", "Partial", "Partial", "Medium"], "Medium"),
];

fn write_morile() -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let mut wb = new_workbook()?;
    let ws = wb.add_worksheet();
    ws.set_name("MoRiLE")?;
    ws.write_string_with_format(0, 0, "MoRiLE assessment 2017-18 (illustrative factor values, chosen to give the published order; not official MoRiLE values)", &bold)?;
    let header = [
        "Item",
        "Issue",
        "Physical",
        "Psychological",
        "Financial",
        "Community",
        "Geographic scope",
        "Frequency",
        "Vulnerability",
        "Capacity",
        "Capability",
        "Opportunity",
        "Confidence",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold)?;
    }
    for (i, (item, issue, factors, confidence)) in MORILE.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, *item)?;
        if !issue.is_empty() {
            ws.write_string(r, 1, *issue)?;
        }
        for (c, f) in factors.iter().enumerate() {
            ws.write_string(r, 2 + c as u16, *f)?;
        }
        ws.write_string(r, 12, *confidence)?;
    }
    ws.set_column_width(0, 32)?;
    ws.set_column_width(1, 34)?;
    wb.save(Path::new(&format!("{DIR}/morile.xlsx")))
}

/// The published Appendix C: Horizon Scanning (2017-18), 38 items, with illustrative related issues and impacts.
#[rustfmt::skip]
const HORIZON: [(&str, &str, &str, &str); 38] = [
    ("Political", "Government triggered Article 50 with Brexit completion due March 2019", "Community Confidence", "Medium"),
    ("Political", "Local council elections (Maidstone, & Tunbridge Wells) in May 2018", "", "Low"),
    ("Economic", "Impact of Brexit on the economy", "Community Confidence", "Medium"),
    ("Economic", "Public sector budget cuts", "", "High"),
    ("Economic", "Commissioning of services and securing new funding sources", "", "Medium"),
    ("Economic", "Roll out of Universal Credit", "Vulnerable people", "Medium"),
    ("Economic", "Increased minimum wage", "", "Low"),
    ("Economic", "Housing and infrastructure development", "Community Confidence", "Low"),
    ("Social / Demographic", "domestic abuse", "Domestic Abuse", "High"),
    ("Social / Demographic", "preventing violent extremism", "Preventing Violent Extremism", "High"),
    ("Social / Demographic", "child sexual exploitation", "Child Sexual Exploitation", "High"),
    ("Social / Demographic", "human trafficking/modern slavery", "Modern Slavery", "High"),
    ("Social / Demographic", "unaccompanied asylum seeking children and looked after children", "Safeguarding", "Medium"),
    ("Social / Demographic", "organised crime groups", "OCGs", "Medium"),
    ("Social / Demographic", "urbanised street gangs", "Gangs", "High"),
    ("Social / Demographic", "psychoactive substances", "Psychoactive substances", "Medium"),
    ("Social / Demographic", "hate crime", "Hate Crime", "High"),
    ("Social / Demographic", "mental health (including dementia)", "Mental Health", "High"),
    ("Social / Demographic", "ageing population", "Vulnerable people; Dementia", "Low"),
    ("Social / Demographic", "social isolation", "Social isolation; Mental Health", "Medium"),
    ("Technological", "Cyber-crime and cyber-enabled crime", "Cyber Crime", "High"),
    ("Technological", "Online safety", "Online safety", "Medium"),
    ("Technological", "Increased availability and use", "", "Low"),
    ("Environmental (and Geographical)", "New or potential developments i.e. North Kent Development, New Dartford Crossing", "Road Safety; Community Confidence", "Medium"),
    ("Environmental (and Geographical)", "Extreme weather events, i.e. flooding / drought", "Community resilience", "Low"),
    ("Legislation", "Offender Rehabilitation Act 2014", "Reducing reoffending", "Medium"),
    ("Legislation", "Counter-terrorism and Security Act 2015", "PREVENT", "High"),
    ("Legislation", "Modern Slavery Act 2015", "Modern Slavery", "Medium"),
    ("Legislation", "Serious Crime Act 2015", "Serious and Organised Crime; Domestic Abuse", "Medium"),
    ("Legislation", "Psychoactive Substances Act 2016", "Substance Misuse", "Medium"),
    ("Legislation", "Cities and Local Government Devolution Act 2016", "", "Low"),
    ("Legislation", "Policing and Crime Act 2017", "", "Low"),
    ("Legislation", "Homelessness Reduction Act 2017", "Vulnerable people", "Medium"),
    ("Legislation", "General Data Protection Regulation", "", "Medium"),
    ("Organisational", "Public sector restructures", "", "Medium"),
    ("Organisational", "New ways of working (i.e. service commissioning, multi-agency hubs)", "", "Low"),
    ("Organisational", "Increased collaboration between emergency services", "Road Safety", "Low"),
    ("Organisational", "Increased support from volunteers", "Community Confidence", "Low"),
];

fn write_horizon() -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let mut wb = new_workbook()?;
    let ws = wb.add_worksheet();
    ws.set_name("PESTELO")?;
    ws.write_string_with_format(
        0,
        0,
        "PESTELO horizon scan 2017-18: the published items; related issues and impacts are illustrative",
        &bold,
    )?;
    for (c, h) in ["Category", "Item", "Related issues", "Impact", "Timescale"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(1, c as u16, *h, &bold)?;
    }
    for (i, (cat, item, related, impact)) in HORIZON.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_string(r, 0, *cat)?;
        ws.write_string(r, 1, *item)?;
        if !related.is_empty() {
            ws.write_string(r, 2, *related)?;
        }
        ws.write_string(r, 3, *impact)?;
    }
    ws.set_column_width(0, 32)?;
    ws.set_column_width(1, 80)?;
    ws.set_column_width(2, 45)?;
    wb.save(Path::new(&format!("{DIR}/horizon.xlsx")))
}

/// The illustrative 2017-18 review, whose workbook is the 2018-19 review's `previous`: Extremism and Hate
/// named by fewer CSPs (3) and Road Safety by more (6), so that the one is seen rising and the other
/// dropping, as the 2018 report says. Nothing of 2017-18 is published: all of it is made up.
const DIR_2017: &str = "samples/kent-2017-18";

#[rustfmt::skip]
fn matrix_2017() -> Vec<Vec<(&'static str, &'static str)>> {
    let mut m = matrix();
    m[6] = vec![("", ""), (M, "PREVENT"), (C, "Preventing Violent Extremism"), ("", ""), ("", ""),
                ("", ""), ("", ""), (B, "Hate Crime"), ("", ""), ("", ""), ("", "")];
    m[10] = vec![(M, "Road Safety"), ("", ""), ("", ""), (C, "Road Safety"), (B, "Casualty reduction"),
                 (M, "Road Safety"), ("", ""), ("", ""), ("", ""), (B, "Casualty reduction"), (M, "Road casualties")];
    m
}

fn write_2017_18() -> Result<(), XlsxError> {
    std::fs::create_dir_all(format!("{DIR_2017}/submissions"))?;
    let m = matrix_2017();
    for csp in 0..CSPS.len() {
        write_submission(DIR_2017, "2017-18", csp, &m)?;
    }
    // MoRiLE in 2016-17 was a pilot: a sheet of scores already worked out (illustrative).
    let mut wb = new_workbook()?;
    let ws = wb.add_worksheet();
    ws.set_name("MoRiLE")?;
    put(ws, 0, &["Item", "Issue", "Score", "Confidence"])?;
    let items: [(&str, &str, &str); 10] = [
        ("Child Sexual Exploitation (CSE)", "", "600"),
        ("Modern Slavery", "", "560"),
        ("Domestic Abuse", "", "520"),
        ("Gangs", "", "430"),
        ("Road Safety", "", "380"),
        ("Mental Health", "", "330"),
        ("Anti-Social Behaviour", "", "300"),
        ("PREVENT", "Extremism and Hate", "260"),
        ("Drugs and Alcohol", "Substance Misuse", "150"),
        ("Hate Crime", "Extremism and Hate", "120"),
    ];
    for (i, (item, issue, score)) in items.iter().enumerate() {
        put(ws, 1 + i as u32, &[item, issue, score, "Medium"])?;
    }
    wb.save(Path::new(&format!("{DIR_2017}/morile.xlsx")))?;
    let mut wb = new_workbook()?;
    let ws = wb.add_worksheet();
    ws.set_name("PESTELO")?;
    put(ws, 0, &["Category", "Item", "Related issues", "Impact"])?;
    put(
        ws,
        1,
        &[
            "Political",
            "Police and Crime Plan 2017-2021",
            "Domestic Abuse; Road Safety",
            "Medium",
        ],
    )?;
    put(
        ws,
        2,
        &[
            "Legislation",
            "Psychoactive Substances Act 2016",
            "Substance Misuse",
            "Medium",
        ],
    )?;
    put(
        ws,
        3,
        &["Social / Demographic", "Child sexual exploitation", "CSE", "High"],
    )?;
    wb.save(Path::new(&format!("{DIR_2017}/horizon.xlsx")))?;
    Ok(())
}

/// Write text cells in a row ("" leaves a cell empty).
fn put(ws: &mut rust_xlsxwriter::Worksheet, row: u32, cells: &[&str]) -> Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(row, c as u16, *v)?;
        }
    }
    Ok(())
}

fn main() -> Result<(), XlsxError> {
    std::fs::create_dir_all(format!("{DIR}/submissions"))?;
    let m = matrix();
    for csp in 0..CSPS.len() {
        write_submission(DIR, "2018-19", csp, &m)?;
    }
    write_2017_18()?;
    // The 2017-18 review's own workbook, written by csa-review: the 2018-19 review's `previous`.
    let a = csa_review::review_folder(Path::new(DIR_2017)).expect("the 2017-18 sample runs");
    let bytes = csa_review::report::workbook::build(&a)?;
    std::fs::write(format!("{DIR_2017}/Kent-csa-2017-18.xlsx"), bytes)?;
    write_morile()?;
    write_horizon()?;
    println!(
        "wrote {DIR}: {} submissions, morile.xlsx ({} items), horizon.xlsx ({} items)",
        CSPS.len(),
        MORILE.len(),
        HORIZON.len()
    );
    Ok(())
}
