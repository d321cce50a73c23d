//! The issues that submissions are counted in, their aliases, and how names are matched (SPEC §3).
//!
//! Two taxonomies are built in ([`BUILTIN`]: `kent-2018-19` and `standard-2025`, the default); a review may
//! bring its own file. The analyst's `[names]` and `[previous_names]` of review.toml ([`names`]) are held
//! with the taxonomy, so every lookup sees them; [`advice`] helps with names that match nothing.

pub mod advice;
pub mod names;

use crate::error::{Error, Location, Result};
pub use names::{Lookup, NameMap, NameUsed};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// The built-in taxonomies: (name, the text of their file in `templates/`).
pub const BUILTIN: [(&str, &str); 2] = [
    ("kent-2018-19", include_str!("../../templates/kent-2018-19.toml")),
    ("standard-2025", include_str!("../../templates/standard-2025.toml")),
];
/// The taxonomy of a review whose review.toml names none and whose folder has no taxonomy.toml.
pub const DEFAULT: &str = "standard-2025";
/// The file a review folder may hold to bring its own taxonomy.
pub const FOLDER_FILE: &str = crate::schema::folder::TAXONOMY;

/// The text of a built-in taxonomy's file (for `init`, which copies it into a new review folder).
pub fn builtin_text(name: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(n, _)| key(n) == key(name)).map(|(_, t)| *t)
}
/// The matching key of a name: what is left once the differences SPEC §3 ignores are taken out
/// (case, spaces, a trailing full stop or colon, "&" versus "and", hyphens, slashes, American spellings).
///
/// ```
/// use csa_review::taxonomy::key;
/// assert_eq!(key("Anti-social behavior."), key("antisocial  Behaviour"));
/// assert_eq!(key("Serious & Organised Crime"), key("serious and organised crime"));
/// ```
pub fn key(name: &str) -> String {
    let mut k = if name.is_ascii() {
        // The common case in one pass and one allocation; the same result as the general case below.
        let mut k = String::with_capacity(name.len() + 4);
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                k.push(b.to_ascii_lowercase() as char);
            } else if b == b'&' {
                k.push_str("and");
            }
        }
        k
    } else {
        let lowered = name.trim().to_lowercase().replace('&', " and ");
        lowered.chars().filter(|c| c.is_alphanumeric()).collect()
    };
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
    names_match_key(written, &key(wanted))
}

/// [`names_match`] with the wanted name's [`key`] computed beforehand (for names compared many times).
pub fn names_match_key(written: &str, wanted_key: &str) -> bool {
    key(written) == wanted_key || without_trailing_parenthetical(written).is_some_and(|w| key(w) == wanted_key)
}

/// Collapse runs of whitespace and trim: how free text is shown back to the user.
pub fn tidy(text: &str) -> String {
    if is_tidy(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether [`tidy`] would leave `text` as it is: no whitespace at either end, only single spaces inside.
fn is_tidy(text: &str) -> bool {
    let mut after_space = true; // a leading space is not tidy
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
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
    #[serde(default)]
    generic_words: Option<Vec<String>>,
    issue: Vec<Issue>,
}

/// The issues of a review, in taxonomy order, with an index of every name that rolls up to each, and the
/// analyst's `[names]` and `[previous_names]`.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub issues: Vec<Issue>,
    /// Where it came from: a built-in name ("standard-2025") or the file as given in review.toml.
    pub source: String,
    /// Whether it is one of [`BUILTIN`] (no file to fingerprint).
    pub builtin: bool,
    /// Words too common to show that two names are about the same thing (for suggestions).
    pub generic_words: Vec<String>,
    /// The analyst's reading of names the taxonomy does not know (`[names]`, SPEC §3.3).
    pub names: NameMap,
    /// Last year's names that this year's taxonomy does not know (`[previous_names]`, SPEC §5.2).
    pub previous_names: NameMap,
    index: HashMap<String, IssueId>,
    /// (matching key, name) of every issue name, sub-issue and alias: the candidates for suggestions.
    known: Vec<(String, String)>,
    /// The indexes behind suggestions, built the first time a name matches nothing.
    advisor: OnceLock<advice::Advisor>,
}

impl Taxonomy {
    /// A built-in taxonomy by name (`kent-2018-19`, `standard-2025`), or `None` for any other name.
    ///
    /// ```
    /// use csa_review::taxonomy::Taxonomy;
    /// let t = Taxonomy::builtin("standard-2025").unwrap();
    /// assert_eq!(t.issues.len(), 14);
    /// assert_eq!(t.find("Knife crime").map(|i| t.name(i)), Some("Serious Violence"));
    /// assert!(Taxonomy::builtin("kent-1999").is_none());
    /// ```
    pub fn builtin(name: &str) -> Option<Taxonomy> {
        let (n, text) = BUILTIN.iter().find(|(n, _)| key(n) == key(name))?;
        let mut t = Taxonomy::parse(text, n).expect("the built-in taxonomies are valid");
        t.builtin = true;
        Some(t)
    }

    /// The default taxonomy, `standard-2025`.
    pub fn standard() -> Taxonomy {
        Taxonomy::builtin(DEFAULT).expect("the default taxonomy is built in")
    }

    /// The taxonomy of a review folder (SPEC §2): `given` is the `taxonomy` key of review.toml (a built-in
    /// name, or a path relative to the folder); without it, the folder's taxonomy.toml when there is one,
    /// else `standard-2025`.
    pub fn for_review(folder: &Path, given: Option<&str>) -> Result<Taxonomy> {
        match given.map(str::trim) {
            Some(name) => {
                if let Some(t) = Taxonomy::builtin(name) {
                    return Ok(t);
                }
                let path = folder.join(name);
                if !path.is_file() {
                    let builtins: Vec<&str> = BUILTIN.iter().map(|b| b.0).collect();
                    return Err(Error::input(
                        Location::file(crate::config::REVIEW_FILE),
                        format!(
                            "`taxonomy = \"{name}\"` is neither a built-in taxonomy ({}) nor a file in the review folder",
                            builtins.join(", ")
                        ),
                    ));
                }
                Taxonomy::load(&path, name)
            }
            None if folder.join(FOLDER_FILE).is_file() => Taxonomy::load(&folder.join(FOLDER_FILE), FOLDER_FILE),
            None => Ok(Taxonomy::standard()),
        }
    }

    /// Read a taxonomy file (the format of `templates/standard-2025.toml`).
    pub fn load(path: &Path, shown_as: &str) -> Result<Taxonomy> {
        let bytes = crate::io::read_settings_file(path, shown_as, "the taxonomy file does not exist")?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::input(
                Location::file(shown_as),
                "the taxonomy file is not saved as UTF-8: save it as UTF-8 (in Notepad: File > Save as, Encoding: UTF-8)",
            )
        })?;
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
        let generic_words = file
            .generic_words
            .unwrap_or_else(advice::default_generic_words)
            .iter()
            .map(|w| advice::word_key(w))
            .collect();
        Ok(Taxonomy {
            issues: file.issue,
            source: shown_as.to_string(),
            builtin: false,
            generic_words,
            names: NameMap::default(),
            previous_names: NameMap::default(),
            index,
            known,
            advisor: OnceLock::new(),
        })
    }

    /// The taxonomy's own issue for a name (names, sub-issues, aliases, labels), ignoring `[names]`.
    pub fn find_own(&self, name: &str) -> Option<IssueId> {
        let k = key(name);
        if k.is_empty() {
            return None;
        }
        if let Some(&id) = self.index.get(&k) {
            return Some(id);
        }
        without_trailing_parenthetical(name).and_then(|rest| self.find_own(rest))
    }

    /// What a name counts as (SPEC §3.3): the analyst's `[names]` first, then the taxonomy's own names.
    pub fn lookup(&self, name: &str) -> Lookup<'_> {
        if let Some((entry, issues)) = self.names.get(name) {
            return Lookup::Mapped { entry, issues };
        }
        match self.find_own(name) {
            Some(id) => Lookup::Issue(id),
            None => Lookup::Unknown,
        }
    }

    /// The issue a name rolls up to, or `None` for an "other focus area" (SPEC §3). A name that `[names]`
    /// maps to several issues gives the first of them (use [`Taxonomy::lookup`] to count it as each).
    pub fn find(&self, name: &str) -> Option<IssueId> {
        match self.lookup(name) {
            Lookup::Issue(id) => Some(id),
            Lookup::Mapped { issues, .. } => issues.first().copied(),
            Lookup::Unknown => None,
        }
    }

    /// The issue with exactly this name (compared by key), for names from review.toml.
    pub fn by_name(&self, name: &str) -> Option<IssueId> {
        let k = key(name);
        self.issues
            .iter()
            .position(|i| key(&i.name) == k)
            .or_else(|| self.find(name))
    }

    /// Advice on a name that matches nothing (SPEC §3.3): the issues it names as whole words, or a
    /// genuinely close known name, or nothing. Cheap: the search is indexed by words and bounded.
    pub fn advise(&self, name: &str) -> advice::Advice {
        self.advisor
            .get_or_init(|| advice::Advisor::new(self))
            .advise(self, name)
    }

    /// The closest known name for a message, when one is genuinely close (see [`Taxonomy::advise`]).
    pub fn closest(&self, name: &str) -> Option<String> {
        self.advise(name).closest_name(self)
    }

    /// A message fragment for a name that matches nothing: " (nearest: \"X\")" or "".
    pub fn hint(&self, name: &str) -> String {
        self.closest(name)
            .map(|n| format!(" (nearest: \"{n}\")"))
            .unwrap_or_default()
    }

    /// The known name nearest to one that matched nothing; kept for older callers, who should prefer
    /// [`Taxonomy::hint`] or [`Taxonomy::closest`] (which say nothing when nothing is close).
    pub fn nearest(&self, name: &str) -> String {
        self.closest(name).unwrap_or_else(|| "none close".to_string())
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

    /// Every known name (issue names, sub-issues, aliases) with its matching key.
    pub fn known(&self) -> &[(String, String)] {
        &self.known
    }

    /// The issue a known-name key belongs to (labels included).
    pub(crate) fn issue_of_key(&self, k: &str) -> Option<IssueId> {
        self.index.get(k).copied()
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
    fn key_and_tidy_agree_with_their_plain_definitions() {
        let plain_key = |name: &str| {
            let lowered = name.trim().to_lowercase().replace('&', " and ");
            let mut k: String = lowered.chars().filter(|c| c.is_alphanumeric()).collect();
            for (us, uk) in [("behavior", "behaviour"), ("organiz", "organis"), ("center", "centre")] {
                k = k.replace(us, uk);
            }
            k
        };
        let plain_tidy = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in [
            "",
            " ",
            "Anti-Social Behavior",
            "Drugs & Alcohol",
            "  Domestic   abuse ",
            "Organized\tcrime\n",
            "Café culture & ΣΟΦΙΑΣ",
            "Ünïcödé  ",
            "a\u{a0}b",
            "Child sexual exploitation (CSE):",
            "x",
            "x ",
            " x",
            "Community Center",
        ] {
            assert_eq!(key(text), plain_key(text), "{text:?}");
            assert_eq!(tidy(text), plain_tidy(text), "{text:?}");
            assert!(names_match_key(text, &key(text)));
        }
    }

    #[test]
    fn every_spelling_the_spec_allows_rolls_up() {
        let t = Taxonomy::builtin("kent-2018-19").unwrap();
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
        let t = Taxonomy::builtin("kent-2018-19").unwrap();
        assert_eq!(t.find("Troubled families"), None);
        assert_eq!(t.find("Health & wellbeing"), None);
        assert_eq!(t.find(""), None);
        assert_eq!(t.closest("Domestik abuse").as_deref(), Some("Domestic Abuse"));
        assert_eq!(t.closest("Troubled families"), None);
    }

    #[test]
    fn a_name_in_two_issues_is_refused() {
        let text = "[[issue]]\nname = \"A\"\nlabel = \"A\"\naliases = [\"X\"]\n[[issue]]\nname = \"B\"\nlabel = \"B\"\naliases = [\"x\"]\n";
        let err = Taxonomy::parse(text, "taxonomy.toml").unwrap_err();
        assert!(matches!(err, Error::Input(_)));
    }
}
