//! The defaults of review.toml, read from `templates/review-defaults.toml` (the same text `init` writes).

use super::file::line_of_key;
use crate::error::{Diagnostics, Location};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The defaults file as shipped.
pub const DEFAULTS_TOML: &str = include_str!("../../templates/review-defaults.toml");

#[derive(Deserialize)]
struct Defaults {
    weights: Weights,
    thresholds: Thresholds,
    limits: Limits,
}

static DEFAULTS: LazyLock<Defaults> =
    LazyLock::new(|| toml::from_str(DEFAULTS_TOML).expect("templates/review-defaults.toml is valid and complete"));

/// The part of the defaults file that `init` writes into a new review.toml: every section before `[limits]`,
/// comments included.
pub fn written_by_init() -> &'static str {
    let start = DEFAULTS_TOML.find("\n[weights]").map_or(0, |i| i + 1);
    let end = DEFAULTS_TOML
        .find("\n# Guards")
        .or_else(|| DEFAULTS_TOML.find("\n[limits]"))
        .unwrap_or(DEFAULTS_TOML.len());
    DEFAULTS_TOML[start..end].trim_end()
}

/// The weights of the combined score (SPEC §2, §5), as given; [`Review::weights`](super::Review) holds them
/// normalised.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub local: f64,
    pub morile: f64,
    pub horizon: f64,
}

impl Default for Weights {
    fn default() -> Self {
        DEFAULTS.weights
    }
}

impl Weights {
    pub fn sum(&self) -> f64 {
        self.local + self.morile + self.horizon
    }
    /// The weights scaled to sum to 1.
    pub fn normalised(&self) -> Weights {
        let s = self.sum();
        Weights {
            local: self.local / s,
            morile: self.morile / s,
            horizon: self.horizon / s,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// The share of CSPs at or above which an issue has local support.
    pub support: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        DEFAULTS.thresholds
    }
}

/// Guards against files too big for a real review (SPEC §4; hostile input).
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// The most non-empty cells read from one sheet.
    #[serde(default = "default_max_cells")]
    pub max_cells: usize,
    /// The most bytes a workbook may inflate to.
    #[serde(default = "default_max_unpacked")]
    pub max_unpacked_bytes: u64,
}

// Only called for a key missing from a review's [limits]; the defaults file itself gives every key.
fn default_max_cells() -> usize {
    DEFAULTS.limits.max_cells
}
fn default_max_unpacked() -> u64 {
    DEFAULTS.limits.max_unpacked_bytes
}

impl Default for Limits {
    fn default() -> Self {
        DEFAULTS.limits
    }
}

/// The largest weight taken as meant (weights are scaled to sum to 1, so only their ratios matter).
pub const MAX_WEIGHT: f64 = 1e12;

/// The weights as given, checked: numbers from 0 to [`MAX_WEIGHT`], not all 0; scaled to sum to 1 (with a
/// warning when they did not). `text` is review.toml's, to name the line.
pub(super) fn check_weights(w: &Weights, text: &str, d: &mut Diagnostics) -> Weights {
    let shown = super::REVIEW_FILE;
    let mut ok = true;
    for (key, x) in [("local", w.local), ("morile", w.morile), ("horizon", w.horizon)] {
        if x.is_finite() && (0.0..=MAX_WEIGHT).contains(&x) {
            continue;
        }
        ok = false;
        let at = line_of_key(text, "weights", key).map_or_else(|| Location::file(shown), |l| Location::line(shown, l));
        d.error(
            at,
            format!("[weights] `{key}` must be a number from 0 to {MAX_WEIGHT}, such as 0.5 (it is {x})"),
        );
    }
    if !ok {
        return *w;
    }
    if w.sum() <= 0.0 {
        d.error(Location::file(shown), "[weights]: at least one weight must be above 0");
        return *w;
    }
    if (w.sum() - 1.0).abs() > 1e-9 {
        d.warning(
            Location::file(shown),
            format!(
                "[weights] sum to {}, not 1; they were scaled to sum to 1",
                super::round(w.sum(), 6)
            ),
        );
    }
    w.normalised()
}

/// The support threshold must be a share.
pub(super) fn check_thresholds(t: &Thresholds, text: &str, d: &mut Diagnostics) {
    let shown = super::REVIEW_FILE;
    if !(0.0..=1.0).contains(&t.support) {
        let at = line_of_key(text, "thresholds", "support")
            .map_or_else(|| Location::file(shown), |l| Location::line(shown, l));
        d.error(
            at,
            format!(
                "[thresholds] `support` must be a share between 0 and 1, such as 0.6 (it is {})",
                t.support
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_file_gives_every_default() {
        assert_eq!(Weights::default().sum(), 1.0);
        assert_eq!(Thresholds::default().support, 0.6);
        assert_eq!(Limits::default().max_cells, 100_000);
        assert_eq!(Limits::default().max_unpacked_bytes, 100 * 1024 * 1024);
    }

    #[test]
    fn init_writes_the_weights_and_thresholds_but_not_the_limits() {
        let text = written_by_init();
        assert!(text.starts_with("[weights]") && text.contains("[thresholds]"), "{text}");
        assert!(!text.contains("limits"), "{text}");
        let parsed: toml::Table = toml::from_str(text).unwrap();
        assert_eq!(parsed["weights"]["morile"].as_float(), Some(0.35));
    }
}
