//! The `[monitoring]` table of review.toml (SPEC §2, §10): where the plan, the updates and the indicators
//! are, and the stale and stable-band settings. Read from the raw TOML so that `monitor` needs nothing else
//! of the review to be valid beyond what review.toml itself requires.

use crate::error::{Error, Location, Result};
use crate::schema::folder;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Days without an update after which an action is stale, unless `[monitoring] stale_days` says otherwise.
pub const DEFAULT_STALE_DAYS: u32 = 120;
/// The band (in per cent) within which a change reads as "stable", unless `[monitoring] stable_band` says.
pub const DEFAULT_STABLE_BAND: f64 = 2.0;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MonitoringFile {
    plan: Option<String>,
    updates: Option<String>,
    indicators: Option<String>,
    stale_days: Option<i64>,
    stable_band: Option<f64>,
}

#[derive(Debug, Deserialize)]
struct Outer {
    monitoring: Option<MonitoringFile>,
}

/// The monitoring settings of a review folder, with paths resolved against the folder.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Whether review.toml has a `[monitoring]` table at all.
    pub given: bool,
    pub plan: PathBuf,
    pub updates: PathBuf,
    pub indicators: PathBuf,
    /// Whether each path was named in review.toml (a named file that is missing is an error; a default
    /// one is only a warning, except the plan).
    pub plan_named: bool,
    pub updates_named: bool,
    pub indicators_named: bool,
    pub stale_days: u32,
    /// Per cent.
    pub stable_band: f64,
}

impl Settings {
    /// Read `[monitoring]` from the text of a review.toml in `folder`.
    pub fn parse(folder: &Path, text: &str) -> Result<Settings> {
        let shown = crate::config::REVIEW_FILE;
        let outer: Outer = toml::from_str(text).map_err(|e| {
            // Only the [monitoring] table is looked at here; other errors are the review's to report.
            crate::config::toml_error(shown, text, &e)
        })?;
        let given = outer.monitoring.is_some();
        let m = outer.monitoring.unwrap_or_default();
        let at = || Location::file(shown);
        let stale_days = match m.stale_days {
            None => DEFAULT_STALE_DAYS,
            Some(n) if (1..=3650).contains(&n) => n as u32,
            Some(n) => {
                return Err(Error::input(
                    at(),
                    format!("[monitoring] stale_days = {n}: give a number of days between 1 and 3650, such as 120"),
                ));
            }
        };
        let stable_band = match m.stable_band {
            None => DEFAULT_STABLE_BAND,
            Some(b) if b.is_finite() && (0.0..=100.0).contains(&b) => b,
            Some(b) => {
                return Err(Error::input(
                    at(),
                    format!("[monitoring] stable_band = {b}: give a percentage between 0 and 100, such as 2"),
                ));
            }
        };
        let path = |given: &Option<String>, default: &str| folder.join(given.as_deref().unwrap_or(default));
        Ok(Settings {
            given,
            plan: path(&m.plan, folder::PLAN),
            updates: path(&m.updates, folder::UPDATES),
            indicators: path(&m.indicators, folder::INDICATORS),
            plan_named: m.plan.is_some(),
            updates_named: m.updates.is_some(),
            indicators_named: m.indicators.is_some(),
            stale_days,
            stable_band,
        })
    }

    /// Read `[monitoring]` from `folder/review.toml`.
    pub fn load(folder: &Path) -> Result<Settings> {
        let path = folder.join(crate::config::REVIEW_FILE);
        let bytes = crate::io::read_settings_file(&path, &path.display().to_string(), "the folder has no review.toml")?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::input(
                Location::file(crate::config::REVIEW_FILE),
                "review.toml is not saved as UTF-8 text; save it again as UTF-8",
            )
        })?;
        Settings::parse(folder, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_when_the_table_is_absent() {
        let s = Settings::parse(Path::new("/r"), "area = \"X\"\n").unwrap();
        assert!(!s.given);
        assert_eq!(s.plan, Path::new("/r/plan.xlsx"));
        assert_eq!(s.stale_days, 120);
        assert_eq!(s.stable_band, 2.0);
    }

    #[test]
    fn paths_are_relative_to_the_folder_and_settings_are_checked() {
        let s = Settings::parse(
            Path::new("/r"),
            "[monitoring]\nplan = \"../last/plan.xlsx\"\nstale_days = 90\nstable_band = 5\n",
        )
        .unwrap();
        assert!(s.given && s.plan_named && !s.updates_named);
        assert_eq!(s.plan, Path::new("/r/../last/plan.xlsx"));
        assert_eq!((s.stale_days, s.stable_band), (90, 5.0));
        assert!(Settings::parse(Path::new("/r"), "[monitoring]\nstale_days = -1\n").is_err());
        assert!(Settings::parse(Path::new("/r"), "[monitoring]\nstale = 1\n").is_err());
    }
}
