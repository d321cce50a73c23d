//! Opening a workbook safely and reading one sheet into sparse rows.

use super::cell::Value;
use super::guard::{check_ods_content, check_xls, check_zip, guarded, is_encrypted_ooxml, sniff};
use super::header::Sheet;
use crate::config::Limits;
use crate::error::{Location, Problem};
use crate::taxonomy::key;
use calamine::{Reader, Sheets, open_workbook_auto_from_rs};
use std::io::{Cursor, Read};
use std::path::Path;

/// An open workbook, read entirely into memory first so that the input file is only ever opened to read.
pub struct Workbook {
    pub file: String,
    /// The file's size and SHA-256 (hex), taken from the bytes read, for the Provenance sheet.
    pub digest: (u64, String),
    inner: Sheets<Cursor<Vec<u8>>>,
    limits: Limits,
}
/// The SHA-256 of some bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
impl Workbook {
    /// Open a workbook for reading. The problems a user can meet (not a spreadsheet, password-protected,
    /// damaged, too big) come back as a clear message naming the file.
    pub fn open(path: &Path, shown: &str, limits: Limits) -> Result<Workbook, Problem> {
        let here = Location::file(shown);
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let meta = std::fs::metadata(path).map_err(|e| Problem::error(here.clone(), format!("cannot be read: {e}")))?;
        if meta.len() > limits.max_unpacked_bytes {
            return Err(Problem::error(
                here,
                format!(
                    "the file is {} bytes, larger than the limit of {} bytes",
                    meta.len(),
                    limits.max_unpacked_bytes
                ),
            ));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map_err(|e| Problem::error(here.clone(), format!("cannot be read: {e}")))?;
        if bytes.is_empty() {
            return Err(Problem::error(
                here,
                "the file is empty (0 bytes): it may not have finished saving or copying",
            ));
        }
        let digest = (bytes.len() as u64, sha256_hex(&bytes));
        let kind = sniff(&bytes);
        match (ext.as_str(), kind) {
            (_, "cfb") if is_encrypted_ooxml(&bytes) => {
                return Err(Problem::error(
                    here,
                    "the workbook is password-protected (encrypted): open it, remove the password (File > Info > Protect Workbook > Encrypt with Password, and clear it), save it and send it again",
                ));
            }
            // An Excel 97-2003 workbook under another name is still read, as a spreadsheet program would.
            ("xlsx" | "xlsm" | "ods" | "xls", "cfb") => check_xls(&bytes, shown, limits)?,
            ("xlsx" | "xlsm", "zip") => check_zip(&bytes, shown, limits)?,
            ("ods", "zip") => {
                check_zip(&bytes, shown, limits)?;
                check_ods_content(&bytes, shown, limits)?;
            }
            ("xlsx" | "xlsm" | "ods", _) => {
                return Err(Problem::error(
                    here,
                    format!(
                        "not a spreadsheet: the file is not a .{ext} workbook (it may be a text or CSV file renamed); save it from the spreadsheet program as .{ext}"
                    ),
                ));
            }
            ("xls", _) => {
                return Err(Problem::error(
                    here,
                    "not an Excel 97-2003 workbook (it may be a web page, text or CSV file renamed .xls); save it from the spreadsheet program as .xlsx",
                ));
            }
            _ => {
                return Err(Problem::error(
                    here,
                    format!("not a supported workbook type (.{ext}); use .xlsx, .xlsm, .xls or .ods"),
                ));
            }
        }
        let opened = guarded(|| open_workbook_auto_from_rs(Cursor::new(bytes)));
        let inner = match opened {
            Ok(Ok(wb)) => wb,
            Ok(Err(e)) => return Err(Problem::error(here, describe_open_error(&e.to_string()))),
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
            inner,
            limits,
        })
    }

    /// The names of the workbook's sheets.
    pub fn sheet_names(&self) -> Vec<String> {
        self.inner.sheet_names()
    }

    /// The sheet whose name matches `wanted` (case and surrounding spaces ignored).
    pub fn sheet(&mut self, wanted: &str) -> Result<Sheet, Problem> {
        let names = self.sheet_names();
        let Some(name) = names.iter().find(|n| key(n) == key(wanted)).cloned() else {
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
        };
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
    let too_big = || {
        format!(
            "the sheet has more than {} filled cells, more than a review needs; remove what is not needed or raise [limits] max_cells",
            limits.max_cells
        )
    };
    let mut cells = Vec::new();
    match wb {
        Sheets::Xlsx(x) => {
            // Streamed, so a huge sheet is refused before it is held in memory.
            let mut reader = x
                .worksheet_cells_reader(name)
                .map_err(|e| format!("the sheet could not be read: {e}"))?;
            while let Some(cell) = reader.next_cell().map_err(|e| format!("the sheet is damaged: {e}"))? {
                let v = Value::from_ref(cell.get_value());
                if !v.is_empty() {
                    if cells.len() >= limits.max_cells {
                        return Err(too_big());
                    }
                    let (r, c) = cell.get_position();
                    cells.push((r, c, v));
                }
            }
        }
        other => {
            let range = other
                .worksheet_range(name)
                .map_err(|e| format!("the sheet could not be read: {e}"))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, d) in range.used_cells() {
                let v = Value::from_data(d);
                if !v.is_empty() {
                    if cells.len() >= limits.max_cells {
                        return Err(too_big());
                    }
                    cells.push((r0 + r as u32, c0 + c as u32, v));
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
