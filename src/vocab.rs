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
    /// High to Low, as offered in the MoRiLE template.
    pub const ALL: [Confidence; 3] = [Confidence::High, Confidence::Medium, Confidence::Low];
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

/// The impact of a horizon-scan item (SPEC §4.3): High 3, Medium 2, Low 1; blank is Low.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Impact {
    Low,
    Medium,
    High,
}

impl Impact {
    /// High to Low, as offered in the horizon-scan template.
    pub const ALL: [Impact; 3] = [Impact::High, Impact::Medium, Impact::Low];

    /// Its points: High 3, Medium 2, Low 1.
    pub const fn points(self) -> u8 {
        match self {
            Impact::High => 3,
            Impact::Medium => 2,
            Impact::Low => 1,
        }
    }

    /// The impact of `points`: 3 (or more) High, 2 Medium, anything else Low.
    pub const fn from_points(points: u8) -> Impact {
        match points {
            3.. => Impact::High,
            2 => Impact::Medium,
            _ => Impact::Low,
        }
    }

    /// As written in the templates and the outputs: "High", "Medium", "Low".
    pub const fn label(self) -> &'static str {
        match self {
            Impact::High => "High",
            Impact::Medium => "Medium",
            Impact::Low => "Low",
        }
    }

    /// An impact as written in the horizon scan: the word or its first letter(s), any case; blank is Low.
    pub fn parse(text: &str) -> Option<Impact> {
        match key(text).as_str() {
            "high" | "h" => Some(Impact::High),
            "medium" | "med" | "m" => Some(Impact::Medium),
            "low" | "l" | "" => Some(Impact::Low),
            _ => None,
        }
    }

    /// "High, Medium or Low", for messages.
    pub fn choices() -> String {
        one_of(&Impact::ALL.map(Impact::label))
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

    #[test]
    fn impacts_read_back_from_their_labels_and_points() {
        for i in Impact::ALL {
            assert_eq!(Impact::parse(&i.label().to_lowercase()), Some(i));
            assert_eq!(Impact::from_points(i.points()), i);
        }
        assert_eq!(Impact::parse(" "), Some(Impact::Low));
        assert_eq!(Impact::parse("Severe"), None);
        assert_eq!(Impact::choices(), "High, Medium or Low");
    }

    #[test]
    fn closed_sets_list_their_labels_for_messages() {
        use crate::read::submission::Identification;
        assert_eq!(
            Identification::choices(),
            "Main priority, Cross-cutting theme, Part of broader theme or Not identified"
        );
        for i in Identification::CHOICES {
            assert_eq!(Identification::parse(i.label()), Some(i));
        }
        assert_eq!(one_of(&["a"]), "a");
        for c in Confidence::ALL {
            assert_eq!(Confidence::parse(c.as_str()), Some(c));
        }
    }
}
