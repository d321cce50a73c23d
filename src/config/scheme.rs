//! The MoRiLE scoring scheme (SPEC §4.2): the built-in one in `templates/morile-scheme.toml`, changed in
//! part by a review's `[morile_scheme]`.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The built-in MoRiLE scheme.
pub const DEFAULT_SCHEME: &str = include_str!("../../templates/morile-scheme.toml");

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct SchemeFile {
    risk: Option<RiskFormula>,
    bands: Option<Vec<Band>>,
    harm: Option<Section>,
    likelihood: Option<Section>,
    organisational: Option<OrganisationalSection>,
    levels: Option<IndexMap<String, IndexMap<String, f64>>>,
    confidence_discount: Option<IndexMap<String, f64>>,
}

/// How harm and likelihood make the risk score.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RiskFormula {
    /// Harm × Likelihood × multiplier.
    Product,
    /// (Harm + Likelihood) × multiplier.
    Sum,
}

/// How a section's factor points are combined.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Combine {
    #[default]
    Sum,
    Max,
    Mean,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub factors: Vec<String>,
    #[serde(default)]
    pub combine: Combine,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationalSection {
    pub factors: Vec<String>,
    #[serde(default)]
    pub combine: Combine,
    pub multiplier: Multiplier,
}

/// The organisational-position multiplier at the lowest and the highest possible OP.
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Multiplier {
    pub low: f64,
    pub high: f64,
}

/// A band: scores at or above `min` take it (the last band has no minimum).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub name: String,
    #[serde(default)]
    pub min: Option<f64>,
}

/// The MoRiLE scoring scheme in force for a review.
#[derive(Debug, Clone, Serialize)]
pub struct Scheme {
    pub risk: RiskFormula,
    pub bands: Vec<Band>,
    pub harm: Section,
    pub likelihood: Section,
    pub organisational: OrganisationalSection,
    /// Factor column → (level label → points), in order of severity (points ascending).
    pub levels: IndexMap<String, IndexMap<String, f64>>,
    pub confidence_discount: IndexMap<String, f64>,
    /// True when any part differs from the built-in default.
    pub customised: bool,
}

impl Scheme {
    pub fn builtin() -> Scheme {
        let file: SchemeFile = toml::from_str(DEFAULT_SCHEME).expect("the built-in MoRiLE scheme is valid");
        Scheme::from_parts(file, None).expect("the built-in MoRiLE scheme is complete")
    }

    /// The built-in scheme with a review's `[morile_scheme]` laid over it.
    pub(super) fn with_override(over: SchemeFile) -> std::result::Result<Scheme, String> {
        let base: SchemeFile = toml::from_str(DEFAULT_SCHEME).expect("the built-in MoRiLE scheme is valid");
        Scheme::from_parts(base, Some(over))
    }

    fn from_parts(base: SchemeFile, over: Option<SchemeFile>) -> std::result::Result<Scheme, String> {
        let customised = over.is_some();
        let over = over.unwrap_or_default();
        let mut levels = base.levels.unwrap_or_default();
        if let Some(l) = over.levels {
            for (column, scale) in l {
                levels.insert(column, scale);
            }
        }
        // In order of severity, the fewest points first (None, Limited, ... Critical), whatever order the
        // TOML reader hands them over in: drop-downs, help and output list them so.
        for scale in levels.values_mut() {
            scale.sort_by(|_, a, _, b| a.total_cmp(b));
        }
        let scheme = Scheme {
            risk: over.risk.or(base.risk).unwrap_or(RiskFormula::Product),
            bands: over.bands.or(base.bands).unwrap_or_default(),
            harm: over.harm.or(base.harm).ok_or("no [harm] section")?,
            likelihood: over.likelihood.or(base.likelihood).ok_or("no [likelihood] section")?,
            organisational: over
                .organisational
                .or(base.organisational)
                .ok_or("no [organisational] section")?,
            levels,
            confidence_discount: over
                .confidence_discount
                .or(base.confidence_discount)
                .unwrap_or_default(),
            customised,
        };
        scheme.check()?;
        Ok(scheme)
    }

    fn check(&self) -> std::result::Result<(), String> {
        if self.bands.is_empty() {
            return Err("bands: at least one band is needed".into());
        }
        for (i, band) in self.bands.iter().enumerate() {
            let last = i + 1 == self.bands.len();
            match (band.min, last) {
                (None, false) => {
                    return Err(format!(
                        "bands: band \"{}\" needs a `min` (only the last band has none)",
                        band.name
                    ));
                }
                (Some(m), _) if !m.is_finite() => {
                    return Err(format!("bands: the minimum of \"{}\" is not a number", band.name));
                }
                _ => {}
            }
            if i > 0
                && let (Some(prev), Some(this)) = (self.bands[i - 1].min, band.min)
                && this >= prev
            {
                return Err("bands: list them highest first, each minimum below the one before".into());
            }
        }
        for factor in self.all_factors() {
            let Some(scale) = self.levels.get(factor) else {
                return Err(format!("levels: no levels for the factor \"{factor}\""));
            };
            if scale.is_empty() {
                return Err(format!("levels: the factor \"{factor}\" has no levels"));
            }
            if scale.values().any(|p| !p.is_finite()) {
                return Err(format!("levels: a level of \"{factor}\" is not a number"));
            }
        }
        let m = self.organisational.multiplier;
        if !(m.low.is_finite() && m.high.is_finite()) || m.low < 0.0 || m.high < 0.0 {
            return Err("organisational.multiplier: low and high must be numbers of 0 or more".into());
        }
        if self.confidence_discount.values().any(|d| !d.is_finite() || *d < 0.0) {
            return Err("confidence_discount: factors must be numbers of 0 or more".into());
        }
        Ok(())
    }

    /// Every factor column, in section order.
    pub fn all_factors(&self) -> impl Iterator<Item = &String> {
        self.harm
            .factors
            .iter()
            .chain(&self.likelihood.factors)
            .chain(&self.organisational.factors)
    }

    /// The band a score falls in (scores within 1e-9 of a threshold reach it).
    pub fn band(&self, score: f64) -> &str {
        &self.bands[self.band_position(score)].name
    }

    /// The position of the band a score falls in: 0 is the scheme's top band, whatever a review calls it.
    pub fn band_position(&self, score: f64) -> usize {
        let reaches = |min: f64| score + crate::assess::TOLERANCE * score.abs().max(1.0) >= min;
        self.bands
            .iter()
            .position(|band| band.min.is_none_or(reaches))
            .unwrap_or(self.bands.len() - 1)
    }
}
