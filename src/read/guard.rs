//! The guards against hostile input that run before a workbook reader sees a file: what the bytes are,
//! what a container unpacks to, how much a sheet can ask for, and a net for panics inside the readers.

use crate::config::Limits;
use crate::error::{Location, Problem};
use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The .xls reader of calamine reserves room for a sheet's declared dimensions and then builds the whole
/// rectangle between its first and last cells, so a small crafted file can ask for gigabytes. Walk the BIFF
/// records first: the declared dimensions, the number of cells and the rectangle they span must each stay
/// within a generous multiple of the cell limit.
pub(super) fn check_xls(bytes: &[u8], shown: &str, limits: Limits) -> Result<(), Problem> {
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
/// An encrypted Office Open XML workbook is a compound file holding an `EncryptionInfo` stream.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// What a file is, from its content: the name of a file never decides how it is read (SPEC §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML (.xlsx, .xlsm): a zip holding `xl/workbook.xml`.
    Xlsx,
    /// Excel binary workbook (.xlsb): a zip holding `xl/workbook.bin`.
    Xlsb,
    /// OpenDocument spreadsheet (.ods): a zip holding `content.xml`.
    Ods,
    /// Excel 97-2003 (.xls): a compound file.
    Xls,
    /// An Office file encrypted with a password: a compound file holding `EncryptionInfo`.
    Encrypted,
    /// A zip that is none of the above (a Word document, an archive), or one too damaged to list.
    OtherZip,
    /// Anything else: text, CSV, a web page, random bytes.
    Other,
}

impl Format {
    /// What the format is called, for messages.
    pub fn described(self) -> &'static str {
        match self {
            Format::Xlsx => "an Excel workbook (.xlsx)",
            Format::Xlsb => "an Excel binary workbook (.xlsb)",
            Format::Ods => "an OpenDocument spreadsheet (.ods)",
            Format::Xls => "an Excel 97-2003 workbook (.xls)",
            Format::Encrypted => "a password-protected workbook",
            Format::OtherZip => "a zip file that is not a spreadsheet",
            Format::Other => "not a spreadsheet",
        }
    }
}

/// Tell a file's format from its bytes.
pub fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
            return Format::OtherZip;
        };
        let has = |name: &str| archive.file_names().flatten().any(|n| n.eq_ignore_ascii_case(name));
        if has("xl/workbook.bin") {
            Format::Xlsb
        } else if has("xl/workbook.xml") {
            Format::Xlsx
        } else if has("content.xml") {
            Format::Ods
        } else {
            Format::OtherZip
        }
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        if is_encrypted_ooxml(bytes) {
            Format::Encrypted
        } else {
            Format::Xls
        }
    } else {
        Format::Other
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
pub(super) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
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
/// Check a zip container before the reader sees it: what it declares it unpacks to must be within the limit.
/// A zip bomb that lies about its size is stopped by the zip reader itself, which refuses to inflate an
/// entry past its declared size (the reader then reports the file as damaged).
pub(super) fn check_zip(bytes: &[u8], shown: &str, limits: Limits) -> Result<(), Problem> {
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
pub(super) fn check_ods_content(bytes: &[u8], shown: &str, limits: Limits) -> Result<(), Problem> {
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
    // Where the reader would build: the rectangle between the first and last filled cells of each table.
    let (mut table, mut row, mut col): (String, u64, u64) = (String::new(), 0, 0);
    let mut bounds: Option<(u64, u64, u64, u64)> = None;
    let area_limit = (limits.max_cells as u64).saturating_mul(10);
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.0 == name)
            .map(|a| a.value.trim().to_string())
    };
    let repeat = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> u64 {
        attr(e, name).and_then(|v| v.parse().ok()).unwrap_or(1).max(1)
    };
    loop {
        let event = reader.read_event_into(&mut buf);
        if let Ok(Event::Start(e) | Event::Empty(e)) = &event {
            seen_root = true;
            let is_empty_element = matches!(event, Ok(Event::Empty(_)));
            match e.name().0 {
                "text:s" => check_space_count(e).map_err(damaged)?,
                "table:table" => {
                    (filled, row, bounds) = (0, 0, None);
                    table = attr(e, "table:name").unwrap_or_default();
                }
                "table:table-row" => {
                    row_repeat = repeat(e, "table:number-rows-repeated");
                    col = 0;
                    if is_empty_element {
                        row = row.saturating_add(row_repeat);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let columns = repeat(e, "table:number-columns-repeated");
                    let is_filled = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.0 == "office:value-type" || a.key.0 == "table:formula");
                    if is_filled {
                        filled = filled.saturating_add(row_repeat.saturating_mul(columns));
                        if filled > limits.max_cells as u64 {
                            return Err(Problem::error(
                                Location::sheet(shown, &table),
                                format!(
                                    "the sheet repeats its values over more than {} filled cells, more than a review needs; remove what is not needed or raise [limits] max_cells",
                                    limits.max_cells
                                ),
                            ));
                        }
                        let (last_row, last_col) =
                            (row.saturating_add(row_repeat - 1), col.saturating_add(columns - 1));
                        let b = bounds.get_or_insert((row, last_row, col, last_col));
                        *b = (b.0.min(row), b.1.max(last_row), b.2.min(col), b.3.max(last_col));
                        let area = (b.1 - b.0)
                            .saturating_add(1)
                            .saturating_mul((b.3 - b.2).saturating_add(1));
                        if area > area_limit {
                            let far = super::cell::a1(
                                u32::try_from(last_row).unwrap_or(u32::MAX - 1),
                                u32::try_from(last_col).unwrap_or(u32::MAX - 1),
                            );
                            return Err(Problem::error(
                                Location::cell(shown, &table, far.clone()),
                                format!(
                                    "the sheet's filled cells are spread over more than {area_limit} cells (a value at {far} lies far from the rest); delete what is not part of the table, save and send it again"
                                ),
                            ));
                        }
                    }
                    col = col.saturating_add(columns);
                }
                _ => {}
            }
        }
        if let Ok(Event::End(e)) = &event
            && e.name().0 == "table:table-row"
        {
            row = row.saturating_add(row_repeat);
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
