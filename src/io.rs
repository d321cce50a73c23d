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

// ---------------------------------------------------------------------------------------------------------
// Writing outputs

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Component, PathBuf};

/// The prefix and suffix of the temporary files written beside an output (`.csa-review-<pid>-XXXXXX.tmp`).
const TEMP_PREFIX: &str = ".csa-review-";
const TEMP_SUFFIX: &str = ".tmp";

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Replace an existing output (`review`, `monitor`).
    Allowed,
    /// Never replace an existing file (`template`, `init`, SPEC §6).
    Never,
}

/// Where a path really is, without creating anything: the longest part that exists is resolved by the file
/// system (symbolic links followed), and the rest, which does not exist yet, is appended with `.` and `..`
/// worked out by name, which is where writing would put it once its folders are created.
pub fn real_location(path: &Path) -> PathBuf {
    let mut current = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Resolving can bring new links into view ("new/../link/file"): repeat until nothing changes.
    for _ in 0..16 {
        let next = resolve_once(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

fn resolve_once(path: &Path) -> PathBuf {
    let parts: Vec<Component<'_>> = path.components().collect();
    for split in (1..=parts.len()).rev() {
        let head: PathBuf = parts[..split].iter().collect();
        if let Ok(base) = head.canonicalize() {
            let mut out = base;
            for part in &parts[split..] {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    other => out.push(other.as_os_str()),
                }
            }
            return out;
        }
    }
    path.to_path_buf()
}

/// The real location an output may be written to, resolved before anything is created. Refused (a usage
/// error naming both paths) when it is, or is inside, any of `protected`: every input of this run and
/// every file or folder the next review would read (review.toml, taxonomy.toml, the submissions folder
/// and its contents, the MoRiLE and horizon workbooks, `previous`, the monitoring inputs), whether or not
/// it exists yet. However the path is spelt (`out/../horizon.xlsx` through a folder that does not exist
/// yet, a symbolic link, a second hard link), it is compared by where it really is, and by device and
/// inode where the file exists. A folder, or something that is not a regular file, is refused too.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("horizon.xlsx"), b"input").unwrap();
/// let protected = [dir.path().join("horizon.xlsx")];
/// let sneaky = dir.path().join("out/../horizon.xlsx");
/// assert!(csa_review::io::resolve_output(&sneaky, &protected).is_err());
/// let fine = csa_review::io::resolve_output(&dir.path().join("out/kent.xlsx"), &protected).unwrap();
/// assert!(fine.ends_with("out/kent.xlsx"));
/// ```
pub fn resolve_output(out: &Path, protected: &[PathBuf]) -> Result<PathBuf> {
    let real = real_location(out);
    let meta = std::fs::metadata(&real).ok();
    if let Some(m) = &meta {
        if m.is_dir() {
            return Err(Error::Usage(format!(
                "{} is a folder; give a file name such as {}",
                out.display(),
                out.join("csa.xlsx").display()
            )));
        }
        if !m.is_file() {
            return Err(Error::Io {
                path: out.to_path_buf(),
                message:
                    "cannot be written: it is not a regular file (a device or a pipe); give the path of a file to write"
                        .into(),
            });
        }
    }
    for p in protected {
        let guarded = real_location(p);
        let same_file = match (&meta, std::fs::metadata(&guarded)) {
            (Some(a), Ok(b)) => same_inode(a, &b),
            _ => false,
        };
        if real == guarded || same_file {
            return Err(Error::Usage(format!(
                "refusing to write {}: it is {}, which the review reads; give another --out",
                out.display(),
                if real == guarded {
                    format!("the input {}", p.display())
                } else {
                    format!("the same file as the input {}", p.display())
                }
            )));
        }
        if real.starts_with(&guarded) {
            return Err(Error::Usage(format!(
                "refusing to write {}: it is inside {}, which the review reads (a file there would be read as an input next time); give another --out",
                out.display(),
                p.display()
            )));
        }
    }
    Ok(real)
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// Write a file all or nothing: `write` fills a temporary file in the destination's folder (named
/// `.csa-review-<pid>-XXXXXX.tmp`), which is flushed to disk and renamed over `path`. On any failure the
/// temporary file is removed and `path` is as it was. Temporary files left in that folder by a run that
/// was killed are removed first. With [`Replace::Never`], an existing `path` is refused and left alone.
/// `path` should come from [`resolve_output`]. Errors say what to do (an output open in Excel: "close the
/// workbook in Excel or give --out"), without a temporary path or an OS error number.
///
/// ```
/// use csa_review::io::{Replace, write_atomically};
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("out/report.txt");
/// write_atomically(&path, Replace::Allowed, |w| w.write_all(b"hello")).unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"hello");
/// assert!(write_atomically(&path, Replace::Never, |w| w.write_all(b"again")).is_err());
/// ```
pub fn write_atomically(
    path: &Path,
    mode: Replace,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let exists = std::fs::symlink_metadata(path).is_ok();
    if exists && mode == Replace::Never {
        return Err(already_exists(path));
    }
    if exists {
        check_replaceable(path)?;
    }
    std::fs::create_dir_all(dir).map_err(|e| folder_error(dir, &e))?;
    remove_stale_temporaries(dir);
    let mut builder = tempfile::Builder::new();
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // An ordinary document: readable by others, as a file saved by a spreadsheet program would be.
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| folder_error(dir, &e))?;
    {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut buffered)
            .and_then(|_| buffered.flush())
            .map_err(|e| write_error(path, &e))?;
    }
    tmp.as_file().sync_all().map_err(|e| write_error(path, &e))?;
    match mode {
        Replace::Allowed => tmp
            .persist(path)
            .map(|_| ())
            .map_err(|e| destination_error(path, &e.error)),
        Replace::Never => tmp.persist_noclobber(path).map(|_| ()).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                already_exists(path)
            } else {
                destination_error(path, &e.error)
            }
        }),
    }?;
    // The rename is durable once the folder is flushed too; a failure here loses nothing already written.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn already_exists(path: &Path) -> Error {
    Error::Usage(format!(
        "{} already exists and is not replaced; remove it first or give another --out",
        path.display()
    ))
}

/// Refuse to replace a file that is marked read-only or that a spreadsheet program has open (its lock file
/// is beside it): the user would lose their changes or Excel would keep the old one.
fn check_replaceable(path: &Path) -> Result<()> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| destination_error(path, &e))?;
    if meta.is_file() && meta.permissions().readonly() {
        return Err(locked(path, "is read-only"));
    }
    if let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) {
        let excel = dir.join(format!("~${name}"));
        let libreoffice = dir.join(format!(".~lock.{name}#"));
        if excel.exists() || libreoffice.exists() {
            return Err(locked(path, "is open in a spreadsheet program"));
        }
    }
    Ok(())
}

fn locked(path: &Path, why: &str) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        message: format!("cannot be replaced: the file {why}; close the workbook in Excel or give --out"),
    }
}

/// The destination could not be replaced.
fn destination_error(path: &Path, e: &std::io::Error) -> Error {
    use std::io::ErrorKind::*;
    match e.kind() {
        PermissionDenied | ReadOnlyFilesystem | ResourceBusy | ExecutableFileBusy => {
            locked(path, "is open, read-only or locked")
        }
        _ => write_error(path, e),
    }
}

/// The folder could not be written into (a temporary file could not be made there).
fn folder_error(dir: &Path, e: &std::io::Error) -> Error {
    use std::io::ErrorKind::*;
    let message = match e.kind() {
        PermissionDenied | ReadOnlyFilesystem => {
            "the folder cannot be written to (it is read-only, or you may not write there); give --out with another folder".to_string()
        }
        StorageFull => "the disk is full; free some space or give --out on another disk".to_string(),
        _ => format!("the folder cannot be written to ({}); give --out with another folder", plain_os_message(e)),
    };
    Error::Io {
        path: dir.to_path_buf(),
        message,
    }
}

fn write_error(path: &Path, e: &std::io::Error) -> Error {
    let message = match e.kind() {
        std::io::ErrorKind::StorageFull => {
            "could not be written: the disk is full; free some space or give --out on another disk".to_string()
        }
        _ => format!("could not be written ({}); nothing was changed", plain_os_message(e)),
    };
    Error::Io {
        path: path.to_path_buf(),
        message,
    }
}

/// Remove the temporary files that runs killed before they finished left in `dir`: every
/// `.csa-review-*.tmp` whose process is gone (a running csa-review's own file is left alone).
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(middle) = name.strip_prefix(TEMP_PREFIX).and_then(|n| n.strip_suffix(TEMP_SUFFIX)) else {
            continue;
        };
        let owner = middle.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if owner.is_some_and(process_is_running) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn process_is_running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // Signal 0 checks that the process exists without touching it.
    // SAFETY: kill with signal 0 sends nothing; it only reports whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_is_running(pid: u32) -> bool {
    pid == std::process::id()
}

/// The largest settings file read (review.toml, a taxonomy): far beyond any real one.
pub const TEXT_FILE_LIMIT: u64 = 8 << 20;

/// Read a settings file (review.toml, a taxonomy file) as [`read_input`] does: a regular file only, never
/// more than [`TEXT_FILE_LIMIT`] bytes. A missing file says `missing`; anything else names the file.
pub fn read_settings_file(path: &Path, shown: &str, missing: &str) -> Result<Vec<u8>> {
    read_input(path, TEXT_FILE_LIMIT).map_err(|message| {
        let message = if path.exists() || path.is_symlink() {
            message
        } else {
            missing.to_string()
        };
        Error::input(crate::error::Location::file(shown), message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(e: &Error) -> String {
        e.to_string()
    }

    #[test]
    fn an_output_through_a_folder_that_does_not_exist_yet_is_resolved_before_anything_is_made() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("horizon.xlsx"), b"input").unwrap();
        let protected = [dir.path().join("horizon.xlsx")];
        for sneaky in [
            "out/../horizon.xlsx",
            "out/new/../../horizon.xlsx",
            "./out/./../horizon.xlsx",
        ] {
            let e = resolve_output(&dir.path().join(sneaky), &protected).unwrap_err();
            assert!(message(&e).contains("refusing to write"), "{sneaky}: {e}");
        }
        assert!(!dir.path().join("out").exists(), "nothing was created");
        assert_eq!(std::fs::read(dir.path().join("horizon.xlsx")).unwrap(), b"input");
    }

    #[test]
    fn a_file_the_next_review_would_read_is_protected_even_before_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let protected = [dir.path().join("taxonomy.toml"), dir.path().join("submissions")];
        assert!(resolve_output(&dir.path().join("taxonomy.toml"), &protected).is_err());
        let e = resolve_output(&dir.path().join("submissions/new/x.xlsx"), &protected).unwrap_err();
        assert!(message(&e).contains("inside"), "{e}");
        assert!(resolve_output(&dir.path().join("out/x.xlsx"), &protected).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_and_hard_links_to_an_input_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("review/morile.xlsx");
        std::fs::create_dir_all(input.parent().unwrap()).unwrap();
        std::fs::write(&input, b"input").unwrap();
        let protected = [input.clone(), dir.path().join("review/submissions")];
        std::os::unix::fs::symlink(dir.path().join("review"), dir.path().join("link")).unwrap();
        assert!(resolve_output(&dir.path().join("link/morile.xlsx"), &protected).is_err());
        assert!(resolve_output(&dir.path().join("link/submissions/x.xlsx"), &protected).is_err());
        assert!(resolve_output(&dir.path().join("link/gone/../morile.xlsx"), &protected).is_err());
        std::fs::hard_link(&input, dir.path().join("copy.xlsx")).unwrap();
        let e = resolve_output(&dir.path().join("copy.xlsx"), &protected).unwrap_err();
        assert!(message(&e).contains("same file"), "{e}");
        std::os::unix::fs::symlink(&input, dir.path().join("points-at-input.xlsx")).unwrap();
        assert!(resolve_output(&dir.path().join("points-at-input.xlsx"), &protected).is_err());
    }

    #[test]
    fn a_folder_or_a_device_is_not_an_output() {
        let dir = tempfile::tempdir().unwrap();
        assert!(message(&resolve_output(dir.path(), &[]).unwrap_err()).contains("is a folder"));
        #[cfg(unix)]
        assert!(message(&resolve_output(Path::new("/dev/null"), &[]).unwrap_err()).contains("not a regular file"));
    }

    #[test]
    fn a_written_file_replaces_the_old_one_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out/a.xlsx");
        write_atomically(&path, Replace::Allowed, |w| w.write_all(b"first")).unwrap();
        write_atomically(&path, Replace::Allowed, |w| w.write_all(b"second")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("out"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.xlsx")]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.xlsx");
        std::fs::write(&path, b"old").unwrap();
        let e = write_atomically(&path, Replace::Allowed, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("boom"))
        })
        .unwrap_err();
        assert!(!message(&e).contains(TEMP_PREFIX), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn never_replace_leaves_an_existing_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("district.xlsx");
        std::fs::write(&path, b"a return").unwrap();
        let e = write_atomically(&path, Replace::Never, |w| w.write_all(b"template")).unwrap_err();
        assert!(message(&e).contains("already exists"), "{e}");
        assert_eq!(e.exit_code(), 2);
        assert_eq!(std::fs::read(&path).unwrap(), b"a return");
        write_atomically(&dir.path().join("new.xlsx"), Replace::Never, |w| w.write_all(b"t")).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn temporary_files_of_killed_runs_are_removed_and_those_of_running_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".csa-review-{dead}-abc123.tmp"));
        let old_style = dir.path().join(".csa-review-Xy12ab.tmp");
        let running = dir.path().join(format!(".csa-review-{}-zzz.tmp", std::process::id()));
        let unrelated = dir.path().join("notes.tmp");
        for p in [&stale, &old_style, &running, &unrelated] {
            std::fs::write(p, b"x").unwrap();
        }
        write_atomically(&dir.path().join("a.xlsx"), Replace::Allowed, |w| w.write_all(b"new")).unwrap();
        assert!(!stale.exists() && !old_style.exists());
        assert!(running.exists() && unrelated.exists());
    }

    #[test]
    fn a_read_only_or_open_workbook_says_to_close_it_or_give_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kent.xlsx");
        std::fs::write(&path, b"old").unwrap();
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&path, perms).unwrap();
        let e = message(&write_atomically(&path, Replace::Allowed, |w| w.write_all(b"new")).unwrap_err());
        assert!(e.contains("close the workbook in Excel or give --out"), "{e}");
        let open = dir.path().join("open.xlsx");
        std::fs::write(&open, b"old").unwrap();
        std::fs::write(dir.path().join(".~lock.open.xlsx#"), b"lock").unwrap();
        let e = message(&write_atomically(&open, Replace::Allowed, |w| w.write_all(b"new")).unwrap_err());
        assert!(e.contains("close the workbook in Excel or give --out"), "{e}");
        assert_eq!(std::fs::read(&open).unwrap(), b"old");
        // What the OS says when Excel holds the file on Windows, or the folder is read-only.
        for kind in [std::io::ErrorKind::PermissionDenied, std::io::ErrorKind::ResourceBusy] {
            let e = message(&destination_error(&path, &std::io::Error::from(kind)));
            assert!(
                e.contains("close the workbook in Excel or give --out") && !e.contains("os error"),
                "{e}"
            );
        }
        let e = message(&folder_error(
            dir.path(),
            &std::io::Error::from_raw_os_error(libc::EROFS),
        ));
        assert!(
            e.contains("give --out") && !e.contains("os error") && !e.contains(TEMP_PREFIX),
            "{e}"
        );
    }

    #[test]
    fn inputs_that_are_not_regular_files_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_input(dir.path(), 100).unwrap_err().contains("a folder"));
        #[cfg(unix)]
        {
            assert!(
                read_input(Path::new("/dev/zero"), 100)
                    .unwrap_err()
                    .contains("a device")
            );
            let fifo = dir.path().join("pipe.xlsx");
            let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
            // SAFETY: mkfifo with a valid C string.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
            assert!(read_input(&fifo, 100).unwrap_err().contains("pipe"));
        }
        let big = dir.path().join("big.xlsx");
        std::fs::write(&big, vec![0u8; 101]).unwrap();
        assert!(read_input(&big, 100).unwrap_err().contains("larger than"));
        assert_eq!(read_input(&big, 101).unwrap().len(), 101);
        assert!(
            read_input(&dir.path().join("missing.xlsx"), 100)
                .unwrap_err()
                .contains("does not exist")
        );
    }
}
