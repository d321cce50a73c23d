//! Opening workbooks safely, sheets as sparse rows of values, header rows, and A1 references.

use crate::config::Limits;
use crate::error::{Location, Problem};
use crate::taxonomy::{key, names_match};
use calamine::{Data, DataRef, Reader, Sheets, open_workbook_auto_from_rs};
use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// How many rows from the top of a sheet may hold its header row.
pub const HEADER_SEARCH_ROWS: u32 = 20;

/// The A1 reference of a zero-based row and column: `a1(0, 0)` is `"A1"`, `a1(9, 27)` is `"AB10"`.
pub fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        let rem = ((c - 1) % 26) as u8;
        letters.push(b'A' + rem);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8(letters).unwrap_or_default(), row as u64 + 1)
}

/// One cell's value, as the readers need it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date, shown as YYYY-MM-DD.
    Date(String),
    /// A formula error such as `#REF!`.
    Error(String),
}

impl Value {
    fn from_data(d: &Data) -> Value {
        match d {
            Data::Empty => Value::Empty,
            Data::String(s) => Value::text(s),
            Data::Int(i) => Value::Number(*i as f64),
            Data::Float(f) => Value::Number(*f),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(dt) => Value::Date(serial_to_date(dt.as_f64())),
            Data::DateTimeIso(s) => Value::Date(s.chars().take(10).collect()),
            Data::DurationIso(s) => Value::Text(s.clone()),
            Data::Error(e) => Value::Error(e.to_string()),
        }
    }

    fn from_ref(d: &DataRef<'_>) -> Value {
        Value::from_data(&Data::from(d.clone()))
    }

    fn text(s: &str) -> Value {
        if s.trim().is_empty() {
            Value::Empty
        } else {
            Value::Text(s.to_string())
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Value::Empty)
    }

    /// The value as text, tidied; numbers as they would print. `None` for empty cells and formula errors.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::Empty | Value::Error(_) => None,
            Value::Text(s) => Some(crate::taxonomy::tidy(s)),
            Value::Number(n) => Some(format_number(*n)),
            Value::Bool(b) => Some(if *b { "TRUE".into() } else { "FALSE".into() }),
            Value::Date(d) => Some(d.clone()),
        }
    }

    /// The value as a number; numbers stored as text are read too.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Text(s) => s.trim().replace(',', "").parse::<f64>().ok().filter(|n| n.is_finite()),
            _ => None,
        }
    }

    /// What kind of value this is, for messages ("a date", "the error #REF!").
    pub fn describe(&self) -> String {
        match self {
            Value::Empty => "an empty cell".into(),
            Value::Text(s) => format!("\"{}\"", crate::taxonomy::tidy(s).chars().take(60).collect::<String>()),
            Value::Number(n) => format!("the number {}", format_number(*n)),
            Value::Bool(b) => format!("the true/false value {}", if *b { "TRUE" } else { "FALSE" }),
            Value::Date(d) => format!("the date {d}"),
            Value::Error(e) => format!("the formula error {e}"),
        }
    }
}

/// A number as a person would write it: no trailing ".0".
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// An Excel serial date (1900 system) as YYYY-MM-DD.
fn serial_to_date(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..=2_958_465.0).contains(&serial) {
        return format!("{serial}");
    }
    // Days from 1970-01-01; Excel's day 25569 is 1970-01-01.
    let z = serial.floor() as i64 - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

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
        for (row, cells) in self.rows.iter().take_while(|(r, _)| *r < HEADER_SEARCH_ROWS) {
            let keys: Vec<(u32, String)> = cells.iter().filter_map(|(c, v)| v.as_text().map(|t| (*c, t))).collect();
            let found = required
                .iter()
                .filter(|name| keys.iter().any(|(_, t)| names_match(t, name)))
                .count();
            if found == required.len() {
                let mut columns = Vec::new();
                for name in required.iter().chain(optional) {
                    let matches: Vec<u32> = keys
                        .iter()
                        .filter(|(_, t)| names_match(t, name))
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
                }
                return Ok(Header { row: *row, columns });
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
}

impl Header {
    pub fn col(&self, name: &str) -> Option<u32> {
        self.columns
            .iter()
            .find(|(n, _)| key(n) == key(name))
            .and_then(|(_, c)| *c)
    }
}

/// An open workbook, read entirely into memory first so that the input file is only ever opened to read.
pub struct Workbook {
    pub file: String,
    /// The file's size and SHA-256 (hex), taken from the bytes read, for the Provenance sheet.
    pub digest: (u64, String),
    inner: Sheets<Cursor<Vec<u8>>>,
    limits: Limits,
}

/// The .xls reader of calamine reserves room for a sheet's declared dimensions and then builds the whole
/// rectangle between its first and last cells, so a small crafted file can ask for gigabytes. Walk the BIFF
/// records first: the declared dimensions, the number of cells and the rectangle they span must each stay
/// within a generous multiple of the cell limit.
fn check_xls(bytes: &[u8], shown: &str, limits: Limits) -> Result<(), Problem> {
    let here = Location::file(shown);
    let damaged = |why: String| {
        Problem::error(
            here.clone(),
            format!("the workbook is damaged ({why}); open it in the spreadsheet program, save it again and resend it"),
        )
    };
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
        .ok_or_else(|| damaged("it has no workbook stream".into()))?;
    let mut stream = Vec::new();
    file.open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|e| damaged(e.to_string()))?;
    let area_limit = (limits.max_cells as u64).saturating_mul(10);
    let too_big = || {
        Problem::error(
            here.clone(),
            format!(
                "a sheet spans more than {area_limit} cells or holds more than {} filled cells, more than a review needs; remove what is not needed or raise [limits] max_cells",
                limits.max_cells
            ),
        )
    };
    let u16_at = |d: &[u8], i: usize| d.get(i..i + 2).map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])));
    let u32_at = |d: &[u8], i: usize| {
        d.get(i..i + 4)
            .map(|b| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
    };
    let (mut cells, mut bounds): (u64, Option<(u64, u64, u64, u64)>) = (0, None);
    let mut at = 0usize;
    while at + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
        let data = &stream[at + 4..(at + 4 + len).min(stream.len())];
        match kind {
            0x0809 => (cells, bounds) = (0, None), // a new sheet (BOF)
            0x0200 => {
                // DIMENSIONS: BIFF8 has 32-bit rows, older versions 16-bit.
                let (rows, cols) = if len >= 14 {
                    (
                        u32_at(data, 4).zip(u32_at(data, 0)).map(|(b, a)| b.saturating_sub(a)),
                        u16_at(data, 10).zip(u16_at(data, 8)).map(|(b, a)| b.saturating_sub(a)),
                    )
                } else {
                    (
                        u16_at(data, 2).zip(u16_at(data, 0)).map(|(b, a)| b.saturating_sub(a)),
                        u16_at(data, 6).zip(u16_at(data, 4)).map(|(b, a)| b.saturating_sub(a)),
                    )
                };
                if rows.unwrap_or(0).saturating_mul(cols.unwrap_or(0)) > area_limit {
                    return Err(too_big());
                }
            }
            // Cell records: number, label, string table label, RK, bool/error, formula, rich string; MULRK.
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0205 | 0x0006 | 0x00D6 | 0x00BD => {
                let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) else {
                    break;
                };
                let n = if kind == 0x00BD {
                    (len.saturating_sub(6) / 6).max(1) as u64
                } else {
                    1
                };
                cells += n;
                let last_col = col + n - 1;
                let b = bounds.get_or_insert((row, row, col, last_col));
                *b = (b.0.min(row), b.1.max(row), b.2.min(col), b.3.max(last_col));
                let area = (b.1 - b.0 + 1).saturating_mul(b.3 - b.2 + 1);
                if cells > limits.max_cells as u64 || area > area_limit {
                    return Err(too_big());
                }
            }
            _ => {}
        }
        at += 4 + len;
    }
    Ok(())
}

/// The SHA-256 of some bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// An encrypted Office Open XML workbook is a compound file holding an `EncryptionInfo` stream.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// What a file's first bytes say it is.
fn sniff(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"PK\x03\x04") {
        "zip"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        "cfb"
    } else {
        "other"
    }
}

thread_local! {
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True while this thread is inside a guarded call into a workbook reader, whose panics are caught and
/// reported as problems with the file (the panic hook stays quiet then).
pub fn in_guarded_read() -> bool {
    GUARDED.with(|g| g.get())
}

static CAUGHT_PANICS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many panics inside the workbook readers were caught and reported as damaged files (for the tests).
pub fn caught_panics() -> usize {
    CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed)
}

/// Call a workbook reader, turning a panic inside it into an `Err` with its message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    GUARDED.with(|g| g.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(false));
    result.map_err(|p| {
        CAUGHT_PANICS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        quiet_panic_message(p.as_ref())
    })
}

fn quiet_panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".into())
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

/// Check a zip container before the reader sees it: what it declares it unpacks to must be within the limit.
/// A zip bomb that lies about its size is stopped by the zip reader itself, which refuses to inflate an
/// entry past its declared size (the reader then reports the file as damaged).
fn check_zip(bytes: &[u8], shown: &str, limits: Limits) -> Result<(), Problem> {
    let here = Location::file(shown);
    let damaged = |e: &dyn std::fmt::Display| {
        Problem::error(
            here.clone(),
            format!(
                "the workbook is damaged or incomplete ({e}); open it in the spreadsheet program, save it again and resend it"
            ),
        )
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let too_big = |n: u64| {
        Problem::error(
            here.clone(),
            format!(
                "the workbook unpacks to more than {n} bytes, beyond the limit of {} bytes; it is not a normal workbook",
                limits.max_unpacked_bytes
            ),
        )
    };
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        declared = declared.saturating_add(archive.by_index_raw(i).map(|f| f.size()).unwrap_or(0));
    }
    if declared > limits.max_unpacked_bytes {
        return Err(too_big(declared));
    }
    Ok(())
}

/// The ODS reader of calamine can loop for ever on a truncated `content.xml` and take a space count of any
/// size: read the XML through once first, requiring it to be whole and well formed, with sane space counts.
/// It also counts the filled cells the repeat attributes ask for, so that a sheet that repeats a value over
/// millions of cells is refused before the reader builds it.
fn check_ods_content(bytes: &[u8], shown: &str, limits: Limits) -> Result<(), Problem> {
    use quick_xml::events::Event;
    let here = Location::file(shown);
    let damaged = |why: String| {
        Problem::error(
            here.clone(),
            format!("the workbook is damaged ({why}); open it in the spreadsheet program, save it again and resend it"),
        )
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    let mut xml = Vec::new();
    archive
        .by_name("content.xml")
        .map_err(|_| damaged("it has no content.xml".into()))?
        .read_to_end(&mut xml)
        .map_err(|e| damaged(e.to_string()))?;
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut depth: usize = 0;
    let mut seen_root = false;
    let (mut row_repeat, mut filled): (u64, u64) = (1, 0);
    let repeat = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.0 == name)
            .and_then(|a| a.value.trim().parse().ok())
            .unwrap_or(1)
    };
    loop {
        let event = reader.read_event_into(&mut buf);
        if let Ok(Event::Start(e) | Event::Empty(e)) = &event {
            seen_root = true;
            match e.name().0 {
                "text:s" => check_space_count(e).map_err(damaged)?,
                "table:table" => filled = 0,
                "table:table-row" => row_repeat = repeat(e, "table:number-rows-repeated"),
                "table:table-cell" if e.attributes().flatten().any(|a| a.key.0 == "office:value-type") => {
                    filled =
                        filled.saturating_add(row_repeat.saturating_mul(repeat(e, "table:number-columns-repeated")));
                    if filled > limits.max_cells as u64 {
                        return Err(Problem::error(
                            here.clone(),
                            format!(
                                "a sheet repeats its values over more than {} filled cells, more than a review needs; remove what is not needed or raise [limits] max_cells",
                                limits.max_cells
                            ),
                        ));
                    }
                }
                _ => {}
            }
        }
        match event {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::Empty(_)) => {}
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(damaged(format!("content.xml: {e}"))),
        }
        buf.clear();
    }
    if !seen_root || depth != 0 {
        return Err(damaged("content.xml ends before it is complete".into()));
    }
    Ok(())
}

fn check_space_count(e: &quick_xml::events::BytesStart<'_>) -> Result<(), String> {
    for a in e.attributes().flatten() {
        if a.key.0 == "text:c" {
            let n: u64 = a.value.trim().parse().unwrap_or(u64::MAX);
            if n > 10_000 {
                return Err("content.xml asks for an impossible run of spaces".into());
            }
        }
    }
    Ok(())
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
    use super::*;

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(13, 0), "A14");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn serial_dates() {
        assert_eq!(serial_to_date(43101.0), "2018-01-01");
        assert_eq!(serial_to_date(25569.0), "1970-01-01");
    }

    #[test]
    fn numbers_stored_as_text_are_numbers() {
        assert_eq!(Value::Text(" 40 ".into()).as_number(), Some(40.0));
        assert_eq!(Value::Text("forty".into()).as_number(), None);
    }

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
