//! A sheet as sparse rows of values, and finding its header row by the column names (SPEC §4).

use super::cell::{Value, a1};
use crate::error::{Location, Problem};
use crate::taxonomy::{key, names_match, names_match_key};

/// How many rows from the top of a sheet may hold its header row.
pub const HEADER_SEARCH_ROWS: u32 = 20;
/// A sheet as sparse rows: only the cells that hold something are kept, so a sheet that declares a huge
/// dimension costs nothing.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The file as shown to the user.
    pub file: String,
    /// The sheet's name as written in the workbook.
    pub name: String,
    /// (zero-based row, cells of the row as (zero-based column, value)), rows ascending, columns ascending.
    pub rows: Vec<(u32, Vec<(u32, Value)>)>,
}

impl Sheet {
    /// Build a sheet from (row, column, value) triples in any order.
    pub fn from_cells(file: &str, name: &str, mut cells: Vec<(u32, u32, Value)>) -> Sheet {
        cells.retain(|(_, _, v)| !v.is_empty());
        cells.sort_by_key(|(r, c, _)| (*r, *c));
        let mut rows: Vec<(u32, Vec<(u32, Value)>)> = Vec::new();
        for (r, c, v) in cells {
            match rows.last_mut() {
                Some((row, cells)) if *row == r => cells.push((c, v)),
                _ => rows.push((r, vec![(c, v)])),
            }
        }
        Sheet {
            file: file.to_string(),
            name: name.to_string(),
            rows,
        }
    }

    /// The value at a row and column (empty when there is none).
    pub fn get(&self, row: u32, col: u32) -> &Value {
        static EMPTY: Value = Value::Empty;
        self.rows
            .binary_search_by_key(&row, |(r, _)| *r)
            .ok()
            .and_then(|i| {
                let cells = &self.rows[i].1;
                cells.binary_search_by_key(&col, |(c, _)| *c).ok().map(|j| &cells[j].1)
            })
            .unwrap_or(&EMPTY)
    }

    pub fn location(&self, row: u32, col: u32) -> Location {
        Location::cell(&self.file, &self.name, a1(row, col))
    }

    pub fn sheet_location(&self) -> Location {
        Location::sheet(&self.file, &self.name)
    }

    /// Find the header row: the first row among the first 20 that holds every `required` column name.
    /// Names are compared like issue names (case, spaces, hyphens, "&", a trailing colon ignored).
    pub fn header(&self, required: &[&str], optional: &[&str]) -> Result<Header, Problem> {
        let mut best: Option<(usize, u32)> = None;
        let required_keys: Vec<String> = required.iter().map(|n| key(n)).collect();
        for (row, cells) in self.rows.iter().take_while(|(r, _)| *r < HEADER_SEARCH_ROWS) {
            let keys: Vec<(u32, String)> = cells.iter().filter_map(|(c, v)| v.as_text().map(|t| (*c, t))).collect();
            let found = required_keys
                .iter()
                .filter(|k| keys.iter().any(|(_, t)| names_match_key(t, k)))
                .count();
            if found == required.len() {
                let mut columns = Vec::new();
                let mut keys_asked = Vec::new();
                for name in required.iter().chain(optional) {
                    let k = key(name);
                    let matches: Vec<u32> = keys
                        .iter()
                        .filter(|(_, t)| names_match_key(t, &k))
                        .map(|(c, _)| *c)
                        .collect();
                    if matches.len() > 1 {
                        return Err(Problem::error(
                            self.location(*row, matches[1]),
                            format!(
                                "the column \"{name}\" appears twice in the header row (cells {} and {}); keep one",
                                a1(*row, matches[0]),
                                a1(*row, matches[1])
                            ),
                        ));
                    }
                    columns.push((name.to_string(), matches.first().copied()));
                    keys_asked.push(k);
                }
                return Ok(Header {
                    row: *row,
                    columns,
                    keys: keys_asked,
                });
            }
            if found > 0 && best.is_none_or(|(n, _)| found > n) {
                best = Some((found, *row));
            }
        }
        let wanted = required
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        Err(match best {
            Some((_, row)) => {
                let missing: Vec<String> = required
                    .iter()
                    .filter(|name| {
                        !self.rows.iter().any(|(r, cells)| {
                            *r == row
                                && cells
                                    .iter()
                                    .any(|(_, v)| v.as_text().is_some_and(|t| names_match(&t, name)))
                        })
                    })
                    .map(|n| format!("\"{n}\""))
                    .collect();
                Problem::error(
                    self.location(row, 0),
                    format!(
                        "the header row (row {}) has no {} column; the columns needed are {wanted}",
                        row + 1,
                        missing.join(" or ")
                    ),
                )
            }
            None => Problem::error(
                self.sheet_location(),
                format!("no header row found in the first {HEADER_SEARCH_ROWS} rows; it needs the columns {wanted}"),
            ),
        })
    }

    /// The rows below the header, skipping blank ones.
    pub fn rows_below(&self, header: &Header) -> impl Iterator<Item = u32> + '_ {
        let start = header.row;
        self.rows.iter().filter(move |(r, _)| *r > start).map(|(r, _)| *r)
    }
}

/// A header row: where it is and which column holds each name.
#[derive(Debug, Clone)]
pub struct Header {
    pub row: u32,
    /// (column name as asked for, its column if present).
    pub columns: Vec<(String, Option<u32>)>,
    /// The key of each name in `columns`, in the same order.
    keys: Vec<String>,
}

impl Header {
    /// The column of a name asked for when the header was found (compared like issue names).
    pub fn col(&self, name: &str) -> Option<u32> {
        // Callers ask with the very names they gave `header`: try those before keying.
        if let Some((_, c)) = self.columns.iter().find(|(n, _)| n == name) {
            return *c;
        }
        let k = key(name);
        let i = self.keys.iter().position(|ck| *ck == k)?;
        self.columns[i].1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_found_below_title_rows_in_any_order_and_case() {
        let cells = vec![
            (0, 0, Value::Text("Ashford CSP: issues".into())),
            (3, 1, Value::Text("identified AS:".into())),
            (3, 2, Value::Text(" ISSUE ".into())),
            (4, 2, Value::Text("DA".into())),
        ];
        let s = Sheet::from_cells("f.xlsx", "Issues", cells);
        let h = s.header(&["Issue", "Identified as"], &["Notes"]).unwrap();
        assert_eq!(h.row, 3);
        assert_eq!(h.col("Issue"), Some(2));
        assert_eq!(h.col("identified as"), Some(1));
        assert_eq!(h.col("Notes"), None);
    }

    #[test]
    fn a_duplicate_header_column_is_an_error_with_its_cell() {
        let cells = vec![
            (0, 0, Value::Text("Issue".into())),
            (0, 1, Value::Text("Identified as".into())),
            (0, 2, Value::Text("issue".into())),
        ];
        let s = Sheet::from_cells("f.xlsx", "Issues", cells);
        let e = s.header(&["Issue", "Identified as"], &[]).unwrap_err();
        assert_eq!(e.location.cell.as_deref(), Some("C1"));
    }
}
