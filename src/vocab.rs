//! The closed sets of the review's vocabulary (SPEC §5, §4.2), each with its labels in one place: what is
//! written in review.toml or a workbook is parsed here, and what users read is printed from here.

use crate::taxonomy::key;
use serde::{Deserialize, Serialize};

/// "a, b, c or d": the labels of a closed set, for messages.
pub fn one_of(labels: &[&str]) -> String {
    match labels {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The action of a recommendation or a decision (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Retain,
    Add,
    Theme,
    Review,
    Watch,
    None,
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::Retain,
        Action::Add,
        Action::Theme,
        Action::Review,
        Action::Watch,
        Action::None,
    ];
    /// As written in review.toml and the outputs: "retain", "add", ...
    pub fn as_str(&self) -> &'static str {
        match self {
            Action::Retain => "retain",
            Action::Add => "add",
            Action::Theme => "theme",
            Action::Review => "review",
            Action::Watch => "watch",
            Action::None => "none",
        }
    }
    /// An action as written by a person (any case and spacing).
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| key(a.as_str()) == key(s))
    }
    /// "retain, add, theme, review, watch or none", for messages.
    pub fn choices() -> String {
        one_of(&Action::ALL.map(|a| a.as_str()))
    }
}

/// Whether an issue is in force now, as a priority or a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Current {
    Priority,
    Theme,
    None,
}

impl Current {
    /// As shown in tables: "priority", "theme" or nothing.
    pub fn label(&self) -> &'static str {
        match self {
            Current::Priority => "priority",
            Current::Theme => "theme",
            Current::None => "",
        }
    }
}

/// The assessors' confidence in an item's MoRiLE scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    /// A confidence as written in the MoRiLE workbook: the word or its first letter(s), any case.
    pub fn parse(text: &str) -> Option<Confidence> {
        match key(text).as_str() {
            "high" | "h" => Some(Confidence::High),
            "medium" | "med" | "m" => Some(Confidence::Medium),
            "low" | "l" => Some(Confidence::Low),
            _ => None,
        }
    }
    pub fn as_str(&self) -> &'static str {
        match self {
            Confidence::High => "High",
            Confidence::Medium => "Medium",
            Confidence::Low => "Low",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_label() {
        for a in Action::ALL {
            assert_eq!(Action::parse(&a.as_str().to_uppercase()), Some(a));
        }
        assert_eq!(Action::choices(), "retain, add, theme, review, watch or none");
    }
}
