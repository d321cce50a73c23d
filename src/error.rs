//! One error type for the library. Every problem with the input carries where it is: file, sheet and cell.

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;

/// Where a problem is. Any part may be missing (a problem with a whole file has no sheet or cell).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// The file, as shown to the user (relative to the review folder where possible).
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// An A1-style reference such as `B7`.
    pub cell: Option<String>,
    /// A line of a text file such as review.toml.
    pub line: Option<usize>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: Some(file.into()),
            ..Default::default()
        }
    }
    pub fn sheet(file: impl Into<String>, sheet: impl Into<String>) -> Self {
        Location {
            file: Some(file.into()),
            sheet: Some(sheet.into()),
            ..Default::default()
        }
    }
    pub fn cell(file: impl Into<String>, sheet: impl Into<String>, cell: impl Into<String>) -> Self {
        Location {
            file: Some(file.into()),
            sheet: Some(sheet.into()),
            cell: Some(cell.into()),
            line: None,
        }
    }
    pub fn line(file: impl Into<String>, line: usize) -> Self {
        Location {
            file: Some(file.into()),
            line: Some(line),
            ..Default::default()
        }
    }
    pub fn none() -> Self {
        Location::default()
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.clone());
        }
        match (&self.sheet, &self.cell) {
            (Some(s), Some(c)) => parts.push(format!("sheet '{s}', cell {c}")),
            (Some(s), None) => parts.push(format!("sheet '{s}'")),
            (None, Some(c)) => parts.push(format!("cell {c}")),
            (None, None) => {}
        }
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        write!(f, "{}", parts.join(", "))
    }
}

/// How serious a problem is: an error stops the review, a warning is reported under Data quality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub location: Location,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Problem {
            location,
            severity: Severity::Error,
            message: message.into(),
        }
    }
    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Problem {
            location,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let at = self.location.to_string();
        if at.is_empty() {
            write!(f, "{kind}: {}", self.message)
        } else {
            write!(f, "{kind}: {at}: {}", self.message)
        }
    }
}

/// Problems collected while reading; readers go on after a problem so that one run reports them all.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    pub problems: Vec<Problem>,
}

impl Diagnostics {
    pub fn error(&mut self, location: Location, message: impl Into<String>) {
        self.problems.push(Problem::error(location, message));
    }
    pub fn warning(&mut self, location: Location, message: impl Into<String>) {
        self.problems.push(Problem::warning(location, message));
    }
    pub fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }
    pub fn extend(&mut self, other: Diagnostics) {
        self.problems.extend(other.problems);
    }
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| !p.is_error())
    }
    /// Problems sorted by file, sheet and cell (cells in row-then-column order), duplicates removed.
    pub fn sorted(&self) -> Vec<Problem> {
        let mut all = self.problems.clone();
        all.sort_by(|a, b| {
            (&a.location.file, &a.location.sheet, a.location.line)
                .cmp(&(&b.location.file, &b.location.sheet, b.location.line))
                .then_with(|| cell_order(&a.location.cell).cmp(&cell_order(&b.location.cell)))
                .then_with(|| a.message.cmp(&b.message))
        });
        all.dedup();
        all
    }
}

/// A sort key for an A1 reference: row first, then column.
fn cell_order(cell: &Option<String>) -> (u64, u64) {
    let Some(cell) = cell else { return (0, 0) };
    let letters: String = cell.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits: String = cell
        .chars()
        .skip(letters.len())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let col = letters
        .bytes()
        .fold(0u64, |acc, b| acc * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1));
    (digits.parse().unwrap_or(0), col)
}

/// The library's error: what stops a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the input (exit status 1). Holds every problem found, warnings included.
    #[error("{} problem(s) in the input", .0.errors().count())]
    Input(Diagnostics),
    /// A problem with how the tool was called (exit status 2).
    #[error("{0}")]
    Usage(String),
    /// Problems already reported to the user, such as by `validate` (exit status 1).
    #[error("{0}")]
    Reported(String),
    /// A file could not be read or written (exit status 1).
    #[error("{}: {message}", path.display())]
    Io { path: PathBuf, message: String },
}

impl Error {
    pub fn input(location: Location, message: impl Into<String>) -> Self {
        let mut d = Diagnostics::default();
        d.error(location, message);
        Error::Input(d)
    }
    /// A file that could not be read or written; the OS error number is left out (SPEC §6).
    pub fn io(path: impl Into<PathBuf>, err: impl fmt::Display) -> Self {
        let message = err.to_string();
        let message = match message.rfind(" (os error ") {
            Some(i) if message.ends_with(')') => message[..i].to_string(),
            _ => message,
        };
        Error::Io {
            path: path.into(),
            message,
        }
    }
    /// The exit status of SPEC §6: 1 for input errors, 2 for usage errors.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::Input(_) | Error::Reported(_) | Error::Io { .. } => 1,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_io_error_shows_no_os_error_number() {
        let e = Error::io("out/x.xlsx", std::io::Error::from_raw_os_error(13));
        let shown = e.to_string();
        assert!(
            shown.starts_with("out/x.xlsx: ") && !shown.contains("os error"),
            "{shown}"
        );
    }
}
