//! Files in and out, safely: inputs are read only when they are regular files, and never past a size
//! limit whatever the file claims; outputs are written to a temporary file beside the destination and
//! renamed into place, never onto an input or a file the next review would read (SPEC §4, §6).

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

/// Read a whole input file, refusing anything that is not a regular file (a FIFO, a device such as
/// `/dev/zero` or `/dev/stdin`, a folder) and reading at most `limit` bytes, counted as they are read rather
/// than taken from the size the file reports. The error is a sentence for the user, without the path (the
/// caller names the file).
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let err = csa_review::io::read_input(dir.path(), 1000).unwrap_err();
/// assert!(err.contains("a folder"));
/// ```
pub fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    // Refuse what is not a regular file before opening it: opening a FIFO waits for a writer.
    let meta = std::fs::metadata(path).map_err(|e| describe_read_error(&e))?;
    not_regular(&meta)?;
    let mut file = open_without_waiting(path).map_err(|e| describe_read_error(&e))?;
    // The file may have been swapped between the check and the open: check what was opened.
    not_regular(&file.metadata().map_err(|e| describe_read_error(&e))?)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit).min(64 << 20) as usize);
    (&mut file)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| describe_read_error(&e))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "the file is larger than the limit of {limit} bytes ([limits] max_unpacked_bytes); it is not a normal input"
        ));
    }
    Ok(bytes)
}

fn not_regular(meta: &std::fs::Metadata) -> Result<(), String> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    let what = if t.is_dir() {
        "a folder"
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                "a pipe (FIFO)"
            } else if t.is_char_device() || t.is_block_device() {
                "a device"
            } else if t.is_socket() {
                "a socket"
            } else {
                "not a regular file"
            }
        }
        #[cfg(not(unix))]
        {
            "not a regular file"
        }
    };
    Err(format!("this is {what}, not a file: give the path of a saved file"))
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

/// An input that cannot be read, in words for an Excel user (no OS error number).
pub fn describe_read_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "the file does not exist".into(),
        PermissionDenied => "the file cannot be opened: permission denied (it may be open and locked in another program, or you may not have access to it)".into(),
        IsADirectory => "this is a folder, not a file: give the path of a saved file".into(),
        InvalidData => "the file could not be read: its content is not valid".into(),
        _ => format!("the file could not be read ({})", plain_os_message(e)),
    }
}

/// An OS error's message without its "(os error N)" tail.
pub fn plain_os_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
