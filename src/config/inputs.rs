//! The MoRiLE and horizon workbooks of a review folder: the one review.toml names, else the default name; and,
//! when that file is not there, a filled-in workbook left elsewhere in the folder (most often the template
//! `init` put in `templates/`, filled in where it lay). Such a workbook stops the review with a message
//! saying where to move it: a review run without its MoRiLE scores would quietly change its recommendations
//! (a retained priority reads "review").

use super::Limits;
use crate::error::{Diagnostics, Location};
use crate::read;
use std::path::{Path, PathBuf};

/// One of the optional scoring workbooks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Input {
    /// The review.toml key.
    pub key: &'static str,
    /// The file name used when review.toml gives none.
    pub default: &'static str,
    /// The sheet that holds its rows.
    pub sheet: &'static str,
    /// What it is, for messages.
    pub what: &'static str,
    /// What a review without it lacks.
    pub lacks: &'static str,
}

pub(super) const MORILE: Input = Input {
    key: "morile",
    default: crate::schema::folder::MORILE,
    sheet: crate::schema::morile::SHEET,
    what: "MoRiLE workbook",
    lacks: "MoRiLE scores",
};

pub(super) const HORIZON: Input = Input {
    key: "horizon",
    default: crate::schema::folder::HORIZON,
    sheet: crate::schema::horizon::SHEET,
    what: "horizon-scan workbook",
    lacks: "horizon-scan scores",
};

/// The folders searched for a filled-in workbook left in the wrong place: where `init` puts the templates,
/// and the review folder itself.
const LOOK_IN: [&str; 2] = ["templates", "."];

/// At most this many files are opened in the search (a folder of hundreds of files stays quick).
const MAX_LOOKED_AT: usize = 40;

/// The workbook of `input` for a review: `given` (review.toml's path, `line` its location there) when it
/// exists; else the default name when the folder holds it. When neither is there, a filled-in workbook
/// elsewhere in the folder is an error saying where to move it; with none, a named file is an error at its
/// line, and a review without the default one is a warning.
pub(super) fn find(
    folder: &Path,
    input: Input,
    given: Option<(PathBuf, Location)>,
    limits: Limits,
    d: &mut Diagnostics,
) -> Option<PathBuf> {
    let (wanted, named_at) = match given {
        Some((path, _)) if path.exists() => return Some(path),
        Some((path, at)) => (path, Some(at)),
        None => {
            let p = folder.join(input.default);
            if p.exists() {
                return Some(p);
            }
            (p, None)
        }
    };
    let shown_wanted = wanted.strip_prefix(folder).unwrap_or(&wanted).display().to_string();
    if let Some((found, items)) = filled_elsewhere(folder, input, &wanted, limits) {
        let shown = found.strip_prefix(folder).unwrap_or(&found).display().to_string();
        let relative = shown.replace('\\', "/");
        d.error(
            Location::file(&shown),
            format!(
                "this {what} is filled in ({items} item{s}), but the review reads its {lacks} from {shown_wanted}, which is not in the review folder. Move it to {shown_wanted} (or copy it there, keeping the blank template), or give its name in review.toml: {key} = \"{relative}\". The review stops here rather than run without them, which would change its recommendations.",
                what = input.what,
                s = if items == 1 { "" } else { "s" },
                lacks = input.lacks,
                key = input.key,
            ),
        );
        return None;
    }
    match named_at {
        Some(at) => {
            d.error(
                at,
                format!(
                    "`{key}` names {shown_wanted}, which is not in the review folder: save the filled-in {what} there, or correct the name (it is relative to the review folder)",
                    key = input.key,
                    what = input.what
                ),
            );
            None
        }
        None => {
            d.warning(
                Location::file(input.default),
                format!(
                    "no {} in the review folder, so the review runs without {}: fill in templates/{} and save it as {} in the review folder (or name it in review.toml: {} = \"...\")",
                    input.default, input.lacks, input.default, input.default, input.key
                ),
            );
            None
        }
    }
}

/// A workbook in the review folder or its `templates/` whose sheet of `input` has rows filled in, with how
/// many; the first by folder and then by name.
fn filled_elsewhere(folder: &Path, input: Input, wanted: &Path, limits: Limits) -> Option<(PathBuf, usize)> {
    let mut looked_at = 0;
    for sub in LOOK_IN {
        let dir = folder.join(sub);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p != wanted && is_workbook(p))
            .collect();
        files.sort();
        for path in files {
            if looked_at == MAX_LOOKED_AT {
                return None;
            }
            looked_at += 1;
            if let Some(n) = items_filled(&path, input.sheet, limits)
                && n > 0
            {
                return Some((path, n));
            }
        }
    }
    None
}

fn is_workbook(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    !name.starts_with("~$") && !name.starts_with(".~lock") && crate::intake::SUBMISSION_TYPES.contains(&ext.as_str())
}

/// How many rows of a workbook's `sheet` have an `Item` filled in; `None` when it has no such sheet.
fn items_filled(path: &Path, sheet: &str, limits: Limits) -> Option<usize> {
    let shown = path.display().to_string();
    let mut wb = read::Workbook::open(path, &shown, limits).ok()?;
    let s = wb.sheet(sheet).ok()?;
    // `Item` is the item column of both the MoRiLE and the PESTELO sheet.
    let header = s.header(&[crate::schema::morile::ITEM], &[]).ok()?;
    let col = header.col(crate::schema::morile::ITEM)?;
    Some(
        s.rows_below(&header)
            .filter(|&r| s.get(r, col).as_text().is_some_and(|t| !t.trim().is_empty()))
            .count(),
    )
}
