//! review.toml as written: its text read and parsed into plain structs, and TOML errors turned into
//! messages that name the line.

use super::defaults::{Limits, Thresholds, Weights};
use super::scheme::SchemeFile;
use crate::error::{Error, Location, Result};
use crate::taxonomy;
use indexmap::IndexMap;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// Turn a TOML error into an input error naming the file and line, with a suggestion for an unknown key.
pub fn toml_error(file: &str, text: &str, err: &toml::de::Error) -> Error {
    let mut line = err.span().map(|s| line_of(text, s));
    let message = err.message().trim().to_string();
    let mut hint = String::new();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = message
            .split("expected")
            .nth(1)
            .unwrap_or("")
            .split('`')
            .skip(1)
            .step_by(2)
            .collect();
        if expected.len() > 1
            && let Some(s) = taxonomy::suggest(unknown, expected.iter().copied())
        {
            hint = format!(" (did you mean `{s}`?)");
        }
        // The span covers the whole table; point at the key's own line.
        if let (Some(span), false) = (err.span(), unknown.is_empty()) {
            let from = line_of(text, span.clone());
            let own = text.lines().enumerate().skip(from - 1).find(|(_, l)| {
                let t = l.trim_start().trim_start_matches('"');
                t.starts_with(unknown)
                    && t[unknown.len()..]
                        .trim_start_matches('"')
                        .trim_start()
                        .starts_with(['=', '.'])
            });
            if let Some((i, _)) = own {
                line = Some(i + 1);
            }
        }
    }
    let location = match line {
        Some(l) => Location::line(file, l),
        None => Location::file(file),
    };
    Error::input(location, format!("{message}{hint}"))
}

pub(super) fn line_of(text: &str, span: std::ops::Range<usize>) -> usize {
    text.as_bytes()[..span.start.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ReviewFile {
    pub(super) area: String,
    pub(super) year: String,
    #[serde(default)]
    pub(super) submissions: Option<String>,
    #[serde(default)]
    pub(super) morile: Option<String>,
    #[serde(default)]
    pub(super) horizon: Option<String>,
    #[serde(default)]
    pub(super) taxonomy: Option<String>,
    #[serde(default)]
    pub(super) previous: Option<String>,
    pub(super) partnerships: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) partnership_aliases: IndexMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) current: CurrentFile,
    #[serde(default)]
    pub(super) weights: Weights,
    #[serde(default)]
    pub(super) thresholds: Thresholds,
    #[serde(default)]
    pub(super) decision: Vec<DecisionFile>,
    #[serde(default)]
    pub(super) leads: IndexMap<String, String>,
    #[serde(default)]
    pub(super) morile_scheme: Option<SchemeFile>,
    #[serde(default)]
    pub(super) limits: Limits,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CurrentFile {
    #[serde(default)]
    pub(super) priorities: Vec<CurrentFileItem>,
    #[serde(default)]
    pub(super) themes: Vec<CurrentFileItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CurrentFileItem {
    pub(super) name: Spanned<String>,
    #[serde(default)]
    pub(super) issue: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DecisionFile {
    pub(super) issue: Spanned<String>,
    pub(super) action: Spanned<String>,
    #[serde(default)]
    pub(super) name: Option<String>,
    #[serde(default)]
    pub(super) reason: String,
}

/// The text of review.toml.
pub(super) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::input(
                Location::file(path.display().to_string()),
                "the review folder has no review.toml",
            )
        } else {
            Error::io(path, e)
        }
    })
}
