//! The horizon scan (SPEC §4.3): sheet `PESTELO`, one row per item.

use super::sheet::{Value, Workbook};
use crate::config::Limits;
use crate::error::{Diagnostics, Location};
use crate::schema::horizon::{CATEGORY, IMPACT, ITEM, OPTIONAL, RELATED_ISSUES, REQUIRED, SHEET, TIMESCALE};
use crate::taxonomy::{key, tidy, without_trailing_parenthetical};
use serde::Serialize;
use std::path::Path;

/// The seven PESTELO categories, in their printed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Category {
    Political,
    Economic,
    Social,
    Technological,
    Environmental,
    Legislation,
    Organisational,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Political,
        Category::Economic,
        Category::Social,
        Category::Technological,
        Category::Environmental,
        Category::Legislation,
        Category::Organisational,
    ];

    /// Its short name: "Political", "Social", "Legislation"...
    pub const fn name(&self) -> &'static str {
        match self {
            Category::Political => "Political",
            Category::Economic => "Economic",
            Category::Social => "Social",
            Category::Technological => "Technological",
            Category::Environmental => "Environmental",
            Category::Legislation => "Legislation",
            Category::Organisational => "Organisational",
        }
    }

    /// "Political, Economic, ... or Organisational", for messages.
    pub fn choices() -> String {
        crate::vocab::one_of(&Category::ALL.map(|c| c.name()))
    }

    /// The heading printed in Appendix C, as in the published 2017-18 scan.
    pub fn heading(&self) -> &'static str {
        match self {
            Category::Political => "Political",
            Category::Economic => "Economic",
            Category::Social => "Social / Demographic",
            Category::Technological => "Technological",
            Category::Environmental => "Environmental (and Geographical)",
            Category::Legislation => "Legislation",
            Category::Organisational => "Organisational",
        }
    }

    /// Read a category in any common spelling ("Social / Demographic", "Legal", "Environmental (and Geographical)").
    pub fn parse(text: &str) -> Option<Category> {
        let k = key(text);
        let found = match k.as_str() {
            "political" | "politics" | "p" => Category::Political,
            "economic" | "economical" | "economy" | "e" => Category::Economic,
            "social" | "socialdemographic" | "demographic" | "sociocultural" | "socialanddemographic" | "s" => {
                Category::Social
            }
            "technological" | "technology" | "technical" | "t" => Category::Technological,
            "environmental"
            | "environment"
            | "environmentalandgeographical"
            | "geographical"
            | "environmentalgeographical" => Category::Environmental,
            "legislation" | "legal" | "legislative" | "l" => Category::Legislation,
            "organisational" | "organisation" | "o" => Category::Organisational,
            _ => return without_trailing_parenthetical(text).and_then(Category::parse),
        };
        Some(found)
    }
}

/// One horizon-scan item.
#[derive(Debug, Clone)]
pub struct HorizonRow {
    pub category: Category,
    pub item: String,
    pub at: Location,
    /// Each related name as written, with the cell it came from.
    pub related: Vec<String>,
    pub related_at: Location,
    /// Impact points: High 3, Medium 2, Low 1 (blank is Low).
    pub impact: u8,
    pub timescale: Option<String>,
}

/// The impact points of a cell: High 3, Medium 2, Low 1; blank is Low. `None` for anything else.
pub fn impact_points(v: &Value) -> Option<u8> {
    if v.unusable().is_some() {
        return None;
    }
    if let Some(n) = v.as_number() {
        return [1.0, 2.0, 3.0].contains(&n).then_some(n as u8);
    }
    crate::vocab::Impact::parse(&v.as_text().unwrap_or_default()).map(crate::vocab::Impact::points)
}

pub fn read(path: &Path, shown: &str, limits: Limits, d: &mut Diagnostics) -> Option<Vec<HorizonRow>> {
    read_digested(path, shown, limits, d).map(|(rows, _)| rows)
}

/// [`read`], with the file's size and SHA-256 from the bytes read (so that it need not be read again).
pub fn read_digested(
    path: &Path,
    shown: &str,
    limits: Limits,
    d: &mut Diagnostics,
) -> Option<(Vec<HorizonRow>, (u64, String))> {
    let mut wb = Workbook::open(path, shown, limits).map_err(|p| d.push(p)).ok()?;
    let sheet = wb.sheet(SHEET).map_err(|p| d.push(p)).ok()?;
    let header = sheet.header(&REQUIRED, &OPTIONAL).map_err(|p| d.push(p)).ok()?;
    let (cat_col, item_col) = (header.col(CATEGORY)?, header.col(ITEM)?);
    let mut rows = Vec::new();
    let mut ok = true;
    d.problems.extend(wb.take_warnings());
    let needed: Vec<u32> = [CATEGORY, ITEM, RELATED_ISSUES, IMPACT]
        .iter()
        .filter_map(|n| header.col(n))
        .collect();
    for row in sheet.rows_below(&header) {
        let mut unusable = false;
        for &c in &needed {
            if let Some(why) = sheet.get(row, c).unusable() {
                d.error(sheet.location(row, c), why);
                unusable = true;
            }
        }
        if unusable {
            ok = false;
            continue;
        }
        let item = sheet.get(row, item_col);
        let cat = sheet.get(row, cat_col);
        let item = match item {
            Value::Text(_) | Value::Number(_) => item.as_text().unwrap_or_default(),
            Value::Empty => {
                if !cat.is_empty() {
                    d.error(sheet.location(row, item_col), "a row has a category but no item");
                    ok = false;
                }
                continue;
            }
            other => {
                d.error(
                    sheet.location(row, item_col),
                    format!("expected the text of an item, found {}", other.describe()),
                );
                ok = false;
                continue;
            }
        };
        let Some(category) = cat.as_text().as_deref().and_then(Category::parse) else {
            d.error(
                sheet.location(row, cat_col),
                format!("unknown category {}: use {}", cat.describe(), Category::choices()),
            );
            ok = false;
            continue;
        };
        let (related, related_at) = match header.col(RELATED_ISSUES) {
            Some(c) => {
                let names = sheet.get(row, c).as_text().unwrap_or_default();
                (
                    names.split(';').map(tidy).filter(|n| !n.is_empty()).collect(),
                    sheet.location(row, c),
                )
            }
            None => (Vec::new(), sheet.location(row, item_col)),
        };
        let impact = match header.col(IMPACT) {
            Some(c) => match impact_points(sheet.get(row, c)) {
                Some(p) => p,
                None => {
                    d.error(
                        sheet.location(row, c),
                        format!(
                            "unknown impact {}: use {} (blank is Low)",
                            sheet.get(row, c).describe(),
                            crate::vocab::Impact::choices()
                        ),
                    );
                    ok = false;
                    continue;
                }
            },
            None => 1,
        };
        let timescale = header.col(TIMESCALE).and_then(|c| sheet.get(row, c).as_text());
        rows.push(HorizonRow {
            category,
            item: tidy(&item),
            at: sheet.location(row, item_col),
            related,
            related_at,
            impact,
            timescale,
        });
    }
    ok.then_some((rows, wb.digest.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_spellings() {
        assert_eq!(Category::parse("Social / Demographic"), Some(Category::Social));
        assert_eq!(
            Category::parse("Environmental (and Geographical)"),
            Some(Category::Environmental)
        );
        assert_eq!(Category::parse("Legal"), Some(Category::Legislation));
        assert_eq!(Category::parse("Legislation:-"), Some(Category::Legislation));
        assert_eq!(Category::parse("Weather"), None);
        for c in Category::ALL {
            assert_eq!(Category::parse(c.name()), Some(c));
            assert_eq!(Category::parse(c.heading()), Some(c));
        }
        assert_eq!(
            Category::choices(),
            "Political, Economic, Social, Technological, Environmental, Legislation or Organisational"
        );
    }

    #[test]
    fn impacts() {
        assert_eq!(impact_points(&Value::Text("High".into())), Some(3));
        assert_eq!(impact_points(&Value::Empty), Some(1));
        assert_eq!(impact_points(&Value::Number(2.0)), Some(2));
        assert_eq!(impact_points(&Value::Number(4.0)), None);
        assert_eq!(impact_points(&Value::Text("Severe".into())), None);
    }
}
