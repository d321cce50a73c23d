//! Opening a workbook safely and reading one sheet into sparse rows.

use super::cell::Value;
use super::guard::{Format, check_ods_content, check_xls, check_zip, guarded, sniff};
use super::header::Sheet;
use crate::config::Limits;
use crate::error::{Location, Problem};
use calamine::{Data, DataRef, Ods, Reader, SheetType, SheetVisible, Sheets, Xls, Xlsx};
use std::io::Cursor;
use std::path::Path;

/// An open workbook, read entirely into memory first so that the input file is only ever opened to read.
pub struct Workbook {
    pub file: String,
    /// The file's size and SHA-256 (hex), taken from the bytes read, for the Provenance sheet.
    pub digest: (u64, String),
    /// What the file is, from its content.
    pub format: Format,
    /// Warnings met while finding sheets (a hidden sheet read because it is the only one of its name);
    /// a reader moves them into its diagnostics with [`Workbook::take_warnings`].
    pub warnings: Vec<Problem>,
    inner: Sheets<Cursor<Vec<u8>>>,
    limits: Limits,
}

/// The SHA-256 of some bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A sheet name as SPEC §4 compares it: case and surrounding spaces ignored, every other character counts
/// ("Issues_", "Issues." and Excel's copy "Issues (2)" are other sheets than "Issues").
pub fn sheet_name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Whether a sheet's name is the name wanted, by [`sheet_name_key`].
pub fn sheet_name_matches(name: &str, wanted: &str) -> bool {
    sheet_name_key(name) == sheet_name_key(wanted)
}

impl Workbook {
    /// Open a workbook for reading. The file's content decides how it is read, whatever its name; every
    /// guard for that format runs first. The problems a user can meet (not a file, not a spreadsheet,
    /// password-protected, damaged, too big) come back as a clear message naming the file.
    pub fn open(path: &Path, shown: &str, limits: Limits) -> Result<Workbook, Problem> {
        let here = Location::file(shown);
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let bytes =
            crate::io::read_input(path, limits.max_unpacked_bytes).map_err(|m| Problem::error(here.clone(), m))?;
        if bytes.is_empty() {
            return Err(Problem::error(
                here,
                "the file is empty (0 bytes): it may not have finished saving or copying",
            ));
        }
        let digest = (bytes.len() as u64, sha256_hex(&bytes));
        let format = sniff(&bytes);
        let although = if ext.is_empty() || ext == "xlsb" {
            String::new()
        } else {
            format!(", although it is named .{ext}")
        };
        match format {
            Format::Encrypted => {
                return Err(Problem::error(
                    here,
                    "the workbook is password-protected (encrypted): open it, remove the password (File > Info > Protect Workbook > Encrypt with Password, and clear it), save it and send it again",
                ));
            }
            Format::Xls => check_xls(&bytes, shown, limits)?,
            Format::Xlsx => check_zip(&bytes, shown, limits)?,
            Format::Ods => {
                check_zip(&bytes, shown, limits)?;
                check_ods_content(&bytes, shown, limits)?;
            }
            Format::Xlsb => {
                return Err(Problem::error(
                    here,
                    format!(
                        "the file is an Excel binary workbook (.xlsb){although}, a format the tool does not read: open it in Excel and save it as an Excel Workbook (.xlsx)"
                    ),
                ));
            }
            Format::OtherZip => {
                return Err(Problem::error(
                    here,
                    "not a spreadsheet: the file is a zip file holding no workbook (it may be another document renamed, or damaged); save the workbook from the spreadsheet program as .xlsx",
                ));
            }
            Format::Other if ext == "xls" => {
                return Err(Problem::error(
                    here,
                    "not an Excel 97-2003 workbook (it may be a web page, text or CSV file renamed .xls); save it from the spreadsheet program as .xlsx",
                ));
            }
            Format::Other => {
                return Err(Problem::error(
                    here,
                    "not a spreadsheet: the file is not a workbook (it may be a text or CSV file renamed); save it from the spreadsheet program as .xlsx",
                ));
            }
        }
        let opened = guarded(|| -> Result<Sheets<Cursor<Vec<u8>>>, String> {
            let cursor = Cursor::new(bytes);
            match format {
                Format::Xls => Xls::new(cursor).map(Sheets::Xls).map_err(|e| e.to_string()),
                Format::Ods => Ods::new(cursor).map(Sheets::Ods).map_err(|e| e.to_string()),
                _ => Xlsx::new(cursor).map(Sheets::Xlsx).map_err(|e| e.to_string()),
            }
        });
        let inner = match opened {
            Ok(Ok(wb)) => wb,
            Ok(Err(e)) => return Err(Problem::error(here, describe_open_error(&e))),
            Err(m) => {
                return Err(Problem::error(
                    here,
                    format!("the workbook is damaged and could not be read ({m})"),
                ));
            }
        };
        Ok(Workbook {
            file: shown.to_string(),
            digest,
            format,
            warnings: Vec::new(),
            inner,
            limits,
        })
    }

    /// The names of the workbook's sheets.
    pub fn sheet_names(&self) -> Vec<String> {
        self.inner.sheet_names()
    }

    /// The warnings met so far, moved out.
    pub fn take_warnings(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.warnings)
    }

    /// The sheet whose name matches `wanted` (compared by [`sheet_name_matches`]). A visible sheet wins over
    /// hidden ones; the only sheet of that name, hidden, is read with a warning (in `warnings`); two
    /// visible sheets (or, with none visible, two hidden ones) that match are an error naming both.
    pub fn sheet(&mut self, wanted: &str) -> Result<Sheet, Problem> {
        let names = self.sheet_names();
        let matching: Vec<(String, bool)> = self
            .inner
            .sheets_metadata()
            .iter()
            .filter(|s| s.typ != SheetType::ChartSheet && sheet_name_matches(&s.name, wanted))
            .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
            .collect();
        let visible: Vec<&String> = matching.iter().filter(|(_, v)| *v).map(|(n, _)| n).collect();
        let candidates: Vec<&String> = if visible.is_empty() {
            matching.iter().map(|(n, _)| n).collect()
        } else {
            visible
        };
        let name = match candidates.as_slice() {
            [] => {
                let listed = if names.is_empty() {
                    "it has no sheets".to_string()
                } else {
                    format!(
                        "its sheets are {}",
                        names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
                    )
                };
                return Err(Problem::error(
                    Location::file(&self.file),
                    format!("no sheet named '{wanted}' ({listed})"),
                ));
            }
            [one] => (*one).clone(),
            [first, second, ..] => {
                return Err(Problem::error(
                    Location::file(&self.file),
                    format!(
                        "two sheets, '{first}' and '{second}', both match the name '{wanted}': delete or rename the one that should not be read"
                    ),
                ));
            }
        };
        if matching.iter().all(|(_, v)| !v) {
            self.warnings.push(Problem::warning(
                Location::sheet(&self.file, &name),
                format!(
                    "the sheet '{name}' is hidden; it was read because it is the only sheet of that name (unhide it in the spreadsheet program if it is the right one)"
                ),
            ));
        }
        let file = self.file.clone();
        let limits = self.limits;
        let inner = &mut self.inner;
        let result = guarded(|| read_cells(inner, &name, limits));
        let at = Location::sheet(&file, &name);
        match result {
            Ok(Ok(cells)) => Ok(Sheet::from_cells(&file, &name, cells)),
            Ok(Err(message)) => Err(Problem::error(at, message)),
            Err(m) => Err(Problem::error(
                at,
                format!("the sheet is damaged and could not be read ({m})"),
            )),
        }
    }
}

/// Read a sheet's non-empty cells, refusing one with more than `limits.max_cells` before storing them.
fn read_cells(wb: &mut Sheets<Cursor<Vec<u8>>>, name: &str, limits: Limits) -> Result<Vec<(u32, u32, Value)>, String> {
    let mut cells = Vec::new();
    // Keep a cell that holds something, refusing the sheet once it holds more than the limit.
    let mut keep = |r: u32, c: u32, v: Value| -> Result<(), String> {
        if v.is_empty() {
            return Ok(());
        }
        if cells.len() >= limits.max_cells {
            return Err(format!(
                "the sheet has more than {} filled cells, more than a review needs; remove what is not needed or raise [limits] max_cells",
                limits.max_cells
            ));
        }
        cells.push((r, c, v));
        Ok(())
    };
    match wb {
        Sheets::Xlsx(x) => {
            // Streamed, so a huge sheet is refused before it is held in memory.
            let mut reader = x
                .worksheet_cells_reader(name)
                .map_err(|e| format!("the sheet could not be read: {e}"))?;
            while let Some(cell) = reader
                .next_cell_with_formula_metadata()
                .map_err(|e| format!("the sheet is damaged: {e}"))?
            {
                // A formula saved without its value (as openpyxl writes them) is not an empty cell; one whose
                // stored value is empty text (="") is.
                let v = if matches!(cell.value, DataRef::Empty) && cell.formula.is_some() {
                    Value::Uncached
                } else {
                    Value::from_ref(&cell.value)
                };
                keep(cell.pos.0, cell.pos.1, v)?;
            }
        }
        other => {
            // The .xls and .ods guards have bounded the rectangle these readers build.
            let range = other
                .worksheet_range(name)
                .map_err(|e| format!("the sheet could not be read: {e}"))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, d) in range.used_cells() {
                keep(r0 + r as u32, c0 + c as u32, Value::from_data(d))?;
            }
            // An .ods formula with no value (no value type) reads as empty; .xls always stores a value.
            if let Sheets::Ods(o) = other {
                let formulas = o.worksheet_formula(name).unwrap_or_default();
                let (f0, g0) = formulas.start().unwrap_or((0, 0));
                for (r, c, f) in formulas.used_cells() {
                    let (r, c) = (f0 + r as u32, g0 + c as u32);
                    if !f.is_empty() && range.get_value((r, c)).is_none_or(|d| matches!(d, Data::Empty)) {
                        keep(r, c, Value::Uncached)?;
                    }
                }
            }
        }
    }
    Ok(cells)
}

fn describe_open_error(raw: &str) -> String {
    let lower = raw.to_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        "the workbook is password-protected: remove the password, save it and send it again".into()
    } else {
        format!("the workbook is damaged or not a spreadsheet and could not be opened ({raw})")
    }
}

#[cfg(test)]
mod tests {
    use super::{sheet_name_key, sheet_name_matches};

    #[test]
    fn sheet_names_are_compared_ignoring_case_and_surrounding_spaces_only() {
        for same in ["issues", " ISSUES ", "Issues\t"] {
            assert!(sheet_name_matches(same, "Issues"), "{same:?}");
        }
        for other in ["Issues_", "Issues.", "Issues (2)", "Is-sues", "Old Issues", "Issues 2"] {
            assert!(!sheet_name_matches(other, "Issues"), "{other:?}");
        }
        assert_eq!(sheet_name_key(" MoRiLE "), "morile");
    }
}
