//! The analyst's reading of names (SPEC §3.3 `[names]`, §5.2 `[previous_names]` in review.toml).
//!
//! `[names]` maps a name, matched as §3 matches names, to one issue (`"Knife crime" = "Serious Violence"`),
//! several (`"Exploitation" = ["Serious and Organised Crime", "Safeguarding and Vulnerability"]`) or none
//! (`"Youth provision" = []`: an other focus area, listed without a warning). It wins over the taxonomy's
//! own names. `[previous_names]` maps a name of last year's workbook to one of this year's issues.

use super::{IssueId, Taxonomy, key, without_trailing_parenthetical};
use crate::error::{Diagnostics, Location};
use indexmap::IndexMap;
use serde::Serialize;
use std::collections::HashMap;
use toml::Spanned;

/// What a name counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// One of the taxonomy's own names.
    Issue(IssueId),
    /// A name of `[names]` (entry `entry` of [`Taxonomy::names`]): each of `issues`, or none when empty.
    Mapped { entry: usize, issues: &'a [IssueId] },
    /// An other focus area.
    Unknown,
}

/// One line of `[names]` or `[previous_names]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedName {
    /// The name as written in review.toml.
    pub name: String,
    pub issues: Vec<IssueId>,
    /// Its line in review.toml.
    pub line: usize,
}

/// The names of `[names]` (or `[previous_names]`), matched as SPEC §3 matches names.
#[derive(Debug, Clone, Default)]
pub struct NameMap {
    pub entries: Vec<MappedName>,
    index: HashMap<String, usize>,
}

impl NameMap {
    /// The entry a name matches, with its issues: by key, else without a trailing parenthetical.
    pub fn get(&self, name: &str) -> Option<(usize, &[IssueId])> {
        if self.entries.is_empty() {
            return None;
        }
        let at =
            self.index.get(&key(name)).copied().or_else(|| {
                without_trailing_parenthetical(name).and_then(|rest| self.index.get(&key(rest)).copied())
            })?;
        Some((at, &self.entries[at].issues))
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// A mapping of `[names]` that the review used, for the Data quality sheet and JSON `names_used`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameUsed {
    /// The name as written in review.toml.
    pub name: String,
    /// The taxonomy names of its issues (empty: counted as none).
    pub issues: Vec<String>,
    /// The partnerships whose returns used it, sorted.
    pub partnerships: Vec<String>,
}

/// A table of review.toml as read: name → value, each value with its place in the file.
pub type NameTable = IndexMap<String, Spanned<toml::Value>>;

fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The issue a mapping names: an issue's name, or any of the taxonomy's own names for it.
fn issue_named(taxonomy: &Taxonomy, name: &str) -> Option<IssueId> {
    let k = key(name);
    taxonomy
        .issues
        .iter()
        .position(|i| key(&i.name) == k)
        .or_else(|| taxonomy.find_own(name))
}

/// Read `[names]` (`several` = true: a string, an array of strings or `[]`) or `[previous_names]` (one
/// string). A value naming no issue of the taxonomy, or a name given twice, is an error with its line.
pub fn read(
    taxonomy: &Taxonomy,
    table: &NameTable,
    table_name: &str,
    several: bool,
    text: &str,
    file: &str,
    d: &mut Diagnostics,
) -> NameMap {
    let mut map = NameMap::default();
    let issue_list = || {
        taxonomy
            .issues
            .iter()
            .map(|i| format!("\"{}\"", i.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (name, value) in table {
        let line = line_of(text, value.span().start);
        let at = Location::line(file, line);
        let k = key(name);
        if k.is_empty() {
            d.error(at, format!("[{table_name}]: a name is empty"));
            continue;
        }
        if let Some(&first) = map.index.get(&k) {
            d.error(
                at,
                format!(
                    "[{table_name}]: \"{name}\" is the same name as \"{}\" (line {}); give it once",
                    map.entries[first].name, map.entries[first].line
                ),
            );
            continue;
        }
        let targets: Vec<&str> = match value.get_ref() {
            toml::Value::String(s) => vec![s.as_str()],
            toml::Value::Array(items) if several && items.iter().all(|v| v.is_str()) => {
                items.iter().filter_map(|v| v.as_str()).collect()
            }
            _ => {
                let what = if several {
                    "an issue name in quotes, a list of them in [ ], or [] to count it as none"
                } else {
                    "one issue name in quotes"
                };
                d.error(at, format!("[{table_name}]: \"{name}\" needs {what}"));
                continue;
            }
        };
        let mut issues = Vec::new();
        let mut bad = false;
        for t in targets {
            match issue_named(taxonomy, t) {
                Some(id) if !issues.contains(&id) => issues.push(id),
                Some(_) => {}
                None => {
                    bad = true;
                    d.error(
                        at.clone(),
                        format!(
                            "[{table_name}]: \"{name}\" is mapped to \"{t}\", which is not an issue of the taxonomy ({}); the issues are {}",
                            taxonomy.source,
                            issue_list()
                        ),
                    );
                }
            }
        }
        if bad {
            continue;
        }
        map.index.insert(k, map.entries.len());
        map.entries.push(MappedName {
            name: super::tidy(name),
            issues,
            line,
        });
    }
    map
}

/// The line to add under `[names]` in review.toml to count `name` as `issues` (`[]` for none).
///
/// ```
/// use csa_review::taxonomy::names::names_line;
/// assert_eq!(names_line("Knife crime", &["Serious Violence"]), r#""Knife crime" = "Serious Violence""#);
/// assert_eq!(names_line("Youth \"provision\"", &[]), r#""Youth \"provision\"" = []"#);
/// ```
pub fn names_line(name: &str, issues: &[&str]) -> String {
    let quote = |s: &str| {
        let mut q = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => q.push_str("\\\""),
                '\\' => q.push_str("\\\\"),
                c if c.is_control() => q.push(' '),
                c => q.push(c),
            }
        }
        q.push('"');
        q
    };
    let value = match issues {
        [one] => quote(one),
        many => format!("[{}]", many.iter().map(|i| quote(i)).collect::<Vec<_>>().join(", ")),
    };
    format!("{} = {value}", quote(&super::tidy(name)))
}
