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

/// Turn a TOML error into an input error naming the file and line, in words for a person who uses Excel:
/// what the key should hold, never a Rust type; with a suggestion for an unknown key.
pub fn toml_error(file: &str, text: &str, err: &toml::de::Error) -> Error {
    let mut line = err.span().map(|s| line_of(text, s));
    let raw = err.message().trim().to_string();
    let message = if let Some(rest) = raw.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = raw
            .split("expected")
            .nth(1)
            .unwrap_or("")
            .split('`')
            .skip(1)
            .step_by(2)
            .collect();
        let mut hint = String::new();
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
        let known: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
        format!(
            "`{unknown}` is not a setting review.toml knows here{hint}; the settings here are {}",
            known.join(", ")
        )
    } else {
        in_plain_words(&raw, err.span().and_then(|span| key_before(text, span.start)))
    };
    let location = match line {
        Some(l) => Location::line(file, l),
        None => Location::file(file),
    };
    Error::input(location, message)
}

/// The key whose value starts at `at`: the last `key =` before it on its line, if any.
fn key_before(text: &str, at: usize) -> Option<String> {
    let before = text.get(..at.min(text.len()))?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let line = if line.trim().is_empty() {
        // A duplicate key's span starts at the key itself.
        text.get(at..)?.lines().next()?
    } else {
        line
    };
    let (k, _) = line.rsplit_once('=').or_else(|| line.split_once('='))?;
    let k = k.rsplit(['{', ',', '[']).next()?.trim().trim_matches('"').trim();
    (!k.is_empty() && !k.starts_with('#')).then(|| k.to_string())
}

/// A TOML or serde message said as what the setting should hold.
fn in_plain_words(raw: &str, key: Option<String>) -> String {
    let setting = key.map_or_else(|| "this value".to_string(), |k| format!("`{k}`"));
    if let Some(field) = raw.strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
        return format!("`{field}` is missing here: add `{field} = ...`");
    }
    let found = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|p| raw.strip_prefix(p))
        .and_then(|r| r.split_once(", expected "));
    if raw.starts_with("duplicate key") {
        return format!("{setting} is given twice: keep one");
    }
    let Some((got, wanted)) = found else {
        // A TOML syntax error: the parser's own words are already plain ("unclosed array", "expected `=`").
        return format!("this line is not written as review.toml expects: {raw}");
    };
    let should = match wanted.trim() {
        "f64" | "f32" => "a number, such as 0.5".to_string(),
        w if w.starts_with('u') || w.starts_with('i') && w[1..].chars().all(|c| c.is_ascii_digit()) => {
            "a whole number of 0 or more, such as 100000".to_string()
        }
        "a string" => "text in double quotes".to_string(),
        "a sequence" => "a list in square brackets, such as [\"Ashford\", \"Dover\"]".to_string(),
        "a boolean" => "true or false".to_string(),
        "struct CurrentFileItem" => "entries written { name = \"...\", issue = \"...\" }".to_string(),
        "struct DecisionFile" => "decisions written [[decision]] with issue, action and reason".to_string(),
        w if w.starts_with("struct") || w.contains("map") => "a table of settings, such as { local = 0.5 }".to_string(),
        w if w.starts_with("one of") => w.to_string(),
        _ => "another kind of value".to_string(),
    };
    format!("{setting} should hold {should}; it holds {}", described(got))
}

/// How TOML describes a value, in plain words.
fn described(got: &str) -> String {
    let value = |s: &str| s.trim().trim_matches('`').to_string();
    if let Some(s) = got.strip_prefix("string ") {
        format!("the text {}", s.trim())
    } else if let Some(s) = got
        .strip_prefix("integer ")
        .or_else(|| got.strip_prefix("floating point "))
    {
        format!("the number {}", value(s))
    } else if let Some(s) = got.strip_prefix("boolean ") {
        value(s)
    } else if got.starts_with("sequence") {
        "a list".to_string()
    } else if got.starts_with("map") {
        "a table".to_string()
    } else {
        got.to_string()
    }
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
    pub(super) area: Spanned<String>,
    pub(super) year: Spanned<String>,
    #[serde(default)]
    pub(super) submissions: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) morile: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) horizon: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) taxonomy: Option<String>,
    #[serde(default)]
    pub(super) previous: Option<Spanned<String>>,
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
    #[serde(default)]
    pub(super) names: taxonomy::names::NameTable,
    #[serde(default)]
    pub(super) previous_names: taxonomy::names::NameTable,
    /// Read by `crate::monitor::config` (SPEC §10); accepted here so that review.toml may hold it.
    #[serde(default)]
    #[allow(dead_code)]
    pub(super) monitoring: Option<toml::Value>,
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

/// The text of review.toml. A file saved in another encoding than UTF-8 (Notepad's "ANSI" or "Unicode")
/// says how to save it as UTF-8; a UTF-8 byte-order mark is dropped.
pub(super) fn read_text(path: &Path) -> Result<String> {
    let shown = super::REVIEW_FILE;
    let bytes = crate::io::read_settings_file(
        path,
        &path.display().to_string(),
        "the review folder has no review.toml",
    )?;
    let save_as = "save review.toml as UTF-8 (in Notepad: File > Save as, Encoding: UTF-8) and run again";
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::input(
            Location::file(shown),
            format!("the file is saved as UTF-16 (\"Unicode\"), not UTF-8: {save_as}"),
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
            Err(Error::input(
                Location::line(shown, line),
                format!(
                    "the file is not saved as UTF-8 (perhaps as \"ANSI\"); this line has a character that is not UTF-8: {save_as}"
                ),
            ))
        }
    }
}

/// The line of `key` in the table `[table]`, when written there as `key = ...`.
pub(super) fn line_of_key(text: &str, table: &str, key: &str) -> Option<usize> {
    let mut current = String::new();
    for (i, l) in text.lines().enumerate() {
        let t = l.trim();
        if let Some(name) = t.strip_prefix('[') {
            current = name
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
        } else if current == table
            && let Some((k, _)) = t.split_once('=')
            && k.trim().trim_matches('"') == key
        {
            return Some(i + 1);
        }
    }
    None
}
