//! The issues that submissions are counted in, their aliases, and how names are matched (SPEC §3).

use crate::error::{Error, Location, Result};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// The built-in default taxonomy: the Appendix A rows of 2018-19.
pub const DEFAULT_TAXONOMY: &str = include_str!("../templates/taxonomy.toml");

/// The matching key of a name: what is left once the differences SPEC §3 ignores are taken out
/// (case, spaces, a trailing full stop or colon, "&" versus "and", hyphens, slashes, American spellings).
///
/// ```
/// use csa_review::taxonomy::key;
/// assert_eq!(key("Anti-social behavior."), key("antisocial  Behaviour"));
/// assert_eq!(key("Serious & Organised Crime"), key("serious and organised crime"));
/// ```
pub fn key(name: &str) -> String {
    let lowered = name.trim().to_lowercase().replace('&', " and ");
    let mut k: String = lowered.chars().filter(|c| c.is_alphanumeric()).collect();
    for (us, uk) in [("behavior", "behaviour"), ("organiz", "organis"), ("center", "centre")] {
        if k.contains(us) {
            k = k.replace(us, uk);
        }
    }
    k
}

/// The name with a trailing parenthetical removed ("Gangs (county lines)" gives "Gangs"), if it has one.
pub fn without_trailing_parenthetical(name: &str) -> Option<&str> {
    let t = name.trim().trim_end_matches(['.', ':']).trim_end();
    if !t.ends_with(')') {
        return None;
    }
    let open = t.rfind('(')?;
    let rest = t[..open].trim_end();
    if rest.is_empty() { None } else { Some(rest) }
}

/// Whether a name written in a workbook is `wanted`, compared as SPEC §3 compares issue names (and SPEC §4
/// column names, labels and values): by [`key`], or by the key of the name without a trailing parenthetical.
///
/// ```
/// use csa_review::taxonomy::names_match;
/// assert!(names_match("Identified as (choose one):", "Identified as"));
/// assert!(!names_match("Identified", "Identified as"));
/// ```
pub fn names_match(written: &str, wanted: &str) -> bool {
    let k = key(wanted);
    key(written) == k || without_trailing_parenthetical(written).is_some_and(|w| key(w) == k)
}

/// Collapse runs of whitespace and trim: how free text is shown back to the user.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text shortened for a message: at most 80 characters, with an ellipsis when cut.
pub fn shorten(text: &str) -> String {
    let t = tidy(text);
    if t.chars().count() <= 80 {
        t
    } else {
        format!("{}…", t.chars().take(79).collect::<String>())
    }
}

/// The position of an issue in the taxonomy; also the taxonomy order.
pub type IssueId = usize;

/// One issue of the taxonomy.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub name: String,
    pub label: String,
    #[serde(default)]
    pub sub_issues: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFile {
    issue: Vec<Issue>,
}

/// The issues of a review, in taxonomy order, with an index of every name that rolls up to each.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub issues: Vec<Issue>,
    /// Where it came from: "built-in" or the file's path.
    pub source: String,
    index: HashMap<String, IssueId>,
    /// (matching key, name) of every issue name, sub-issue and alias: the candidates for suggestions.
    known: Vec<(String, String)>,
}

impl Taxonomy {
    /// The built-in default taxonomy.
    pub fn builtin() -> Taxonomy {
        Taxonomy::parse(DEFAULT_TAXONOMY, "built-in").expect("the built-in taxonomy is valid")
    }

    /// Read a taxonomy file (the format of `templates/taxonomy.toml`).
    pub fn load(path: &Path, shown_as: &str) -> Result<Taxonomy> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Taxonomy::parse(&text, shown_as)
    }

    pub fn parse(text: &str, shown_as: &str) -> Result<Taxonomy> {
        let file: TaxonomyFile = toml::from_str(text).map_err(|e| crate::config::toml_error(shown_as, text, &e))?;
        if file.issue.is_empty() {
            return Err(Error::input(Location::file(shown_as), "the taxonomy has no [[issue]]"));
        }
        let mut index: HashMap<String, IssueId> = HashMap::new();
        for (id, issue) in file.issue.iter().enumerate() {
            if key(&issue.name).is_empty() {
                return Err(Error::input(
                    Location::file(shown_as),
                    format!("issue {} has an empty name", id + 1),
                ));
            }
            let names = [&issue.name, &issue.label]
                .into_iter()
                .chain(&issue.sub_issues)
                .chain(&issue.aliases);
            for name in names {
                let k = key(name);
                if k.is_empty() {
                    continue;
                }
                match index.get(&k) {
                    Some(&other) if other != id => {
                        return Err(Error::input(
                            Location::file(shown_as),
                            format!(
                                "the name \"{name}\" rolls up to both \"{}\" and \"{}\"; a name may belong to one issue only",
                                file.issue[other].name, issue.name
                            ),
                        ));
                    }
                    _ => {
                        index.insert(k, id);
                    }
                }
            }
        }
        let known = file
            .issue
            .iter()
            .flat_map(|i| std::iter::once(&i.name).chain(&i.sub_issues).chain(&i.aliases))
            .map(|n| (key(n), n.clone()))
            .collect();
        Ok(Taxonomy {
            issues: file.issue,
            source: shown_as.to_string(),
            index,
            known,
        })
    }

    /// The issue a name rolls up to, or `None` for an "other focus area" (SPEC §3).
    pub fn find(&self, name: &str) -> Option<IssueId> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        if let Some(&id) = self.index.get(&k) {
            return Some(id);
        }
        without_trailing_parenthetical(name).and_then(|rest| self.find(rest))
    }

    /// The issue with exactly this name (compared by key), for names from review.toml.
    pub fn by_name(&self, name: &str) -> Option<IssueId> {
        let k = key(name);
        self.issues
            .iter()
            .position(|i| key(&i.name) == k)
            .or_else(|| self.find(name))
    }

    /// The known name (issue, sub-issue or alias) nearest to one that matched nothing: the suggestion.
    pub fn nearest(&self, name: &str) -> &str {
        let k = key(without_trailing_parenthetical(name).unwrap_or(name));
        let mut best: (f64, &str) = (-1.0, &self.issues[0].name);
        for (known_key, known) in &self.known {
            let score = strsim::jaro_winkler(&k, known_key);
            if score > best.0 {
                best = (score, known);
            }
        }
        best.1
    }

    pub fn name(&self, id: IssueId) -> &str {
        &self.issues[id].name
    }

    pub fn len(&self) -> usize {
        self.issues.len()
    }

    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be worth suggesting.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let k = key(word);
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&k, &key(c)), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_the_spec_allows_rolls_up() {
        let t = Taxonomy::builtin();
        let asb = t.by_name("Anti-Social Behaviour").unwrap();
        for name in [
            "ASB",
            "anti social behavior",
            "Antisocial behaviour.",
            "  ASB / Environmental ",
            "Fly-tipping",
        ] {
            assert_eq!(t.find(name), Some(asb), "{name}");
        }
        let soc = t.by_name("Serious and Organised Crime").unwrap();
        for name in [
            "SOC",
            "Serious & Organised Crime",
            "OCGs",
            "Modern Slavery / Human Trafficking",
            "Gangs (county lines)",
        ] {
            assert_eq!(t.find(name), Some(soc), "{name}");
        }
        let eh = t.by_name("Extremism and Hate").unwrap();
        for name in [
            "PREVENT",
            "Hate crimes",
            "Counter terrorism",
            "Extremism & Hate (including preventing violent extremism, counter-terrorism & hate crimes)",
        ] {
            assert_eq!(t.find(name), Some(eh), "{name}");
        }
    }

    #[test]
    fn unknown_names_are_not_mapped_and_get_a_suggestion() {
        let t = Taxonomy::builtin();
        assert_eq!(t.find("Troubled families"), None);
        assert_eq!(t.find("Health & wellbeing"), None);
        assert_eq!(t.find(""), None);
        assert_eq!(t.nearest("Domestik abuse"), "Domestic Abuse");
    }

    #[test]
    fn a_name_in_two_issues_is_refused() {
        let text = "[[issue]]\nname = \"A\"\nlabel = \"A\"\naliases = [\"X\"]\n[[issue]]\nname = \"B\"\nlabel = \"B\"\naliases = [\"x\"]\n";
        let err = Taxonomy::parse(text, "taxonomy.toml").unwrap_err();
        assert!(matches!(err, Error::Input(_)));
    }
}
