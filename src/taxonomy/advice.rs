//! Help with a name that matches nothing (SPEC §3.3).
//!
//! In order: the known names the name contains as whole words ("Exploitation – to include gangs, modern
//! slavery, child sexual exploitation and Prevent" names three issues); else a misspelling of a known name
//! (edit distance allowed by length: none up to 5 letters, 1 up to 11, 2 beyond); else a shared significant
//! word ("Exploitation" and "Child Sexual Exploitation"; stop words and the taxonomy's `generic_words`,
//! such as "crime" and "safety", never count); else nothing.
//!
//! Cost is bounded whatever the input: a name is read up to [`MAX_CHARS`] characters and [`MAX_WORDS`]
//! words; whole words are found by hash lookups of at most the longest known name's word count; the
//! misspelling search compares the name only with known names of about its length, stopping as soon as
//! the distance is out of reach, and only for names of at most [`MAX_FUZZY_LEN`] letters; shared words are hash lookups.

use super::{IssueId, Taxonomy, key, names::names_line, shorten};
use std::collections::{HashMap, HashSet};

/// The characters of a name that are read for advice.
pub const MAX_CHARS: usize = 400;
/// The words of a name that are read for advice.
pub const MAX_WORDS: usize = 64;
/// The longest name (in letters and digits) checked for misspellings.
pub const MAX_FUZZY_LEN: usize = 30;
/// The most known names a heading is said to contain, and the most issues a shared word suggests.
const MAX_LISTED: usize = 3;

/// Words that never show two names are about the same thing.
const STOP_WORDS: [&str; 34] = [
    "a",
    "an",
    "and",
    "the",
    "of",
    "to",
    "in",
    "for",
    "with",
    "on",
    "at",
    "by",
    "or",
    "from",
    "our",
    "their",
    "its",
    "into",
    "as",
    "is",
    "are",
    "be",
    "this",
    "that",
    "other",
    "etc",
    "inc",
    "incl",
    "including",
    "include",
    "includes",
    "against",
    "within",
    "across",
];

/// Known single-word names that are also everyday words: found in a heading only when capitalised
/// ("the Prevent duty", not "work to prevent fires").
const EVERYDAY_WORDS: [&str; 1] = ["prevent"];

/// The generic words of a taxonomy file that gives none.
pub fn default_generic_words() -> Vec<String> {
    [
        "crime",
        "crimes",
        "safety",
        "safe",
        "safer",
        "community",
        "communities",
        "reduction",
        "reducing",
        "reduce",
        "prevention",
        "preventing",
        "protecting",
        "protect",
        "tackling",
        "tackle",
        "supporting",
        "support",
        "improving",
        "improve",
        "people",
        "person",
        "young",
        "youth",
        "child",
        "children",
        "adult",
        "adults",
        "public",
        "serious",
        "local",
        "services",
        "service",
        "work",
        "working",
        "priority",
        "priorities",
        "issue",
        "issues",
        "theme",
        "related",
        "harm",
        "impact",
        "risk",
        "partnership",
        "other",
        "general",
        "strategy",
        "plan",
        "behaviour",
        "management",
        "engagement",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// A word compared for shared words: its key, with a plural "s" dropped ("gangs" and "gang" agree).
pub fn word_key(word: &str) -> String {
    let k = key(word);
    let n = k.len();
    if n > 4 && k.ends_with('s') && !k.ends_with("ss") && !k.ends_with("us") && !k.ends_with("is") {
        k[..n - 1].to_string()
    } else {
        k
    }
}

/// The words of a name, as written (up to the bounds), "&" counting as "and".
fn words(name: &str) -> Vec<&str> {
    let mut end = name.len().min(MAX_CHARS * 4);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let cut: &str = match name[..end].char_indices().nth(MAX_CHARS) {
        Some((i, _)) => &name[..i],
        None => &name[..end],
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in cut.char_indices() {
        let in_word = c.is_alphanumeric() || c == '\'' || c == '’';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&cut[s..i]);
                start = None;
            }
            _ => {}
        }
        if c == '&' {
            out.push("and");
        }
        if out.len() >= MAX_WORDS {
            return out;
        }
    }
    if let Some(s) = start {
        out.push(&cut[s..]);
    }
    out.truncate(MAX_WORDS);
    out
}

/// The edit distance a name of this many letters may be from a known name to count as a misspelling.
fn allowed_distance(len: usize) -> usize {
    match len {
        0..=5 => 0,
        6..=11 => 1,
        _ => 2,
    }
}

/// The optimal-string-alignment distance of `a` and `b` (a transposition counts as one edit), when it is at
/// most `k`; stops as soon as a row of the table exceeds `k`, so unrelated names cost a few rows.
fn distance_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let m = b.len();
    let mut before: Vec<usize> = vec![0; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur: Vec<usize> = vec![0; m + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[m] <= k).then_some(prev[m])
}

/// What the tool can say about a name that matches nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    /// The name contains known names as whole words: each issue (taxonomy order) with the words found.
    Contains(Vec<(IssueId, Vec<String>)>),
    /// The name is a misspelling of a known name.
    Misspelt { known: String, issue: IssueId },
    /// The name shares significant words with known names of these issues (the best, taxonomy order).
    SharesWords {
        words: Vec<String>,
        matches: Vec<(IssueId, String)>,
    },
    /// Nothing known is close.
    Nothing,
}

impl Advice {
    /// The issues the advice points to.
    pub fn issues(&self) -> Vec<IssueId> {
        match self {
            Advice::Contains(v) => v.iter().map(|x| x.0).collect(),
            Advice::Misspelt { issue, .. } => vec![*issue],
            Advice::SharesWords { matches, .. } => matches.iter().map(|x| x.0).collect(),
            Advice::Nothing => Vec::new(),
        }
    }

    /// A known name to offer in a short message ("nearest: ..."), if any.
    pub fn closest_name(&self, t: &Taxonomy) -> Option<String> {
        match self {
            Advice::Contains(v) => Some(v.iter().map(|x| t.name(x.0)).collect::<Vec<_>>().join("\", \"")),
            Advice::Misspelt { known, .. } => Some(known.clone()),
            Advice::SharesWords { matches, .. } => matches.first().map(|m| m.1.clone()),
            Advice::Nothing => None,
        }
    }

    /// The warning for an other focus area: what it is, what the name points to, and the `[names]` line
    /// that records the analyst's decision.
    pub fn message(&self, t: &Taxonomy, name: &str) -> String {
        if name.chars().count() > MAX_REPEATED {
            return self.short_message(t, name);
        }
        let shown = shorten(name);
        let head = format!("\"{shown}\" matches no issue of the taxonomy; it is listed under other focus areas.");
        let quoted = |s: &str| format!("\"{s}\"");
        let and_list = |items: Vec<String>| -> String {
            match items.as_slice() {
                [] => String::new(),
                [one] => one.clone(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            }
        };
        let issue_names = |ids: &[IssueId]| ids.iter().map(|&i| t.name(i)).collect::<Vec<_>>();
        match self {
            Advice::Contains(found) => {
                let parts: Vec<String> = found
                    .iter()
                    .map(|(i, ws)| {
                        let ws: Vec<String> = ws.iter().map(|w| quoted(w)).collect();
                        format!("{} ({})", t.name(*i), ws.join(", "))
                    })
                    .collect();
                let ids: Vec<IssueId> = found.iter().map(|x| x.0).collect();
                let these = if ids.len() == 1 { "this issue" } else { "these issues" };
                format!(
                    "{head} It names {}. To count it as {these}, add under [names] in review.toml: {}",
                    and_list(parts),
                    names_line(name, &issue_names(&ids))
                )
            }
            Advice::Misspelt { known, issue } => {
                let what = if key(known) == key(t.name(*issue)) {
                    quoted(known)
                } else {
                    format!("{} ({})", quoted(known), t.name(*issue))
                };
                format!(
                    "{head} Did you mean {what}? To count it, add under [names] in review.toml: {}",
                    names_line(name, &[t.name(*issue)])
                )
            }
            Advice::SharesWords { words, matches } => {
                let ws: Vec<String> = words.iter().map(|w| quoted(w)).collect();
                let with: Vec<String> = matches
                    .iter()
                    .map(|(i, k)| {
                        if key(k) == key(t.name(*i)) {
                            quoted(k)
                        } else {
                            format!("{} ({})", quoted(k), t.name(*i))
                        }
                    })
                    .collect();
                let word = if ws.len() == 1 { "the word" } else { "the words" };
                let line = names_line(name, &[t.name(matches[0].0)]);
                let such = if matches.len() > 1 { " a line such as" } else { "" };
                format!(
                    "{head} It shares {word} {} with {}. To count it, add under [names] in review.toml{such}: {line}",
                    and_list(ws),
                    if matches.len() > 1 {
                        format!("{} (choose one, or several in [ ])", with.join(" and "))
                    } else {
                        with.join("")
                    }
                )
            }
            Advice::Nothing => format!(
                "{head} No issue's name is close. To count it as an issue, add under [names] in review.toml a line such as {}; to list it without this warning, {}",
                names_line(name, &["<issue>"]),
                names_line(name, &[])
            ),
        }
    }
}

/// A known name's key for the misspelling search, with its letter counts: names whose counts differ by
/// more than twice the allowed distance cannot be that close, and are passed over at once.
#[derive(Debug, Clone)]
struct Known {
    index: usize,
    chars: Vec<char>,
    counts: [u8; 37],
}

fn letter_counts(chars: &[char]) -> [u8; 37] {
    let mut counts = [0u8; 37];
    for c in chars {
        let slot = match c {
            'a'..='z' => *c as usize - 'a' as usize,
            '0'..='9' => 26 + (*c as usize - '0' as usize),
            _ => 36,
        };
        counts[slot] = counts[slot].saturating_add(1);
    }
    counts
}

/// The longest name repeated in full in a warning's `[names]` line; a longer one is to be copied from its
/// cell (a warning stays short whatever a return holds).
pub const MAX_REPEATED: usize = 200;

impl Advice {
    /// The warning for a name too long to repeat: the gist, and where to record the decision.
    fn short_message(&self, t: &Taxonomy, name: &str) -> String {
        let issues: Vec<String> = self.issues().iter().map(|&i| format!("\"{}\"", t.name(i))).collect();
        let gist = match self {
            Advice::Contains(_) => format!(" It names {}.", issues.join(", ")),
            Advice::Misspelt { .. } | Advice::SharesWords { .. } => format!(" Nearest: {}.", issues.join(", ")),
            Advice::Nothing => " No issue's name is close.".to_string(),
        };
        let value = match issues.as_slice() {
            [] => "\"<issue>\" (or [])".to_string(),
            [one] => one.clone(),
            many => format!("[{}]", many.join(", ")),
        };
        format!(
            "\"{}\" matches no issue; listed under other focus areas.{gist} Record a decision under [names] in review.toml: the name from its cell = {value}",
            shorten(name)
        )
    }
}

/// The indexes behind advice, built once per taxonomy.
#[derive(Debug, Clone, Default)]
pub struct Advisor {
    /// The most words in a known name (issue names, sub-issues, aliases), capped.
    max_words: usize,
    /// Significant word → indexes into `Taxonomy::known`.
    words: HashMap<String, Vec<usize>>,
    /// The keys of known names as characters, by their length (up to [`MAX_FUZZY_LEN`] + 2).
    by_length: Vec<Vec<Known>>,
    /// Stop words and generic words, as word keys.
    ignored: HashSet<String>,
}

impl Advisor {
    pub fn new(t: &Taxonomy) -> Advisor {
        let mut a = Advisor {
            ignored: STOP_WORDS
                .iter()
                .map(|w| word_key(w))
                .chain(t.generic_words.iter().cloned())
                .collect(),
            ..Default::default()
        };
        for (i, (k, name)) in t.known().iter().enumerate() {
            let ws = words(name);
            a.max_words = a.max_words.max(ws.len()).min(12);
            for w in ws {
                let wk = word_key(w);
                if wk.len() >= 3 && !a.ignored.contains(&wk) {
                    let list = a.words.entry(wk).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
            let chars: Vec<char> = k.chars().collect();
            if chars.len() <= MAX_FUZZY_LEN + 2 {
                if a.by_length.len() <= chars.len() {
                    a.by_length.resize(chars.len() + 1, Vec::new());
                }
                a.by_length[chars.len()].push(Known {
                    index: i,
                    counts: letter_counts(&chars),
                    chars,
                });
            }
        }
        a
    }

    pub fn advise(&self, t: &Taxonomy, name: &str) -> Advice {
        let ws = words(name);
        if let Some(found) = self.contained(t, &ws) {
            return Advice::Contains(found);
        }
        if let Some((known, issue)) = self.misspelt(t, name) {
            return Advice::Misspelt { known, issue };
        }
        self.shared(t, &ws)
    }

    /// The known names found as whole words, longest first from each word.
    fn contained(&self, t: &Taxonomy, ws: &[&str]) -> Option<Vec<(IssueId, Vec<String>)>> {
        let keys: Vec<String> = ws.iter().map(|w| key(w)).collect();
        let mut found: Vec<(IssueId, Vec<String>)> = Vec::new();
        let mut i = 0;
        let mut joined = String::new();
        while i < ws.len() {
            joined.clear();
            let mut best: Option<(usize, IssueId)> = None;
            for len in 1..=self.max_words.min(ws.len() - i) {
                joined.push_str(&keys[i + len - 1]);
                if let Some(id) = t.issue_of_key(&joined) {
                    let everyday =
                        len == 1 && EVERYDAY_WORDS.contains(&joined.as_str()) && !ws[i].starts_with(char::is_uppercase);
                    if !everyday {
                        best = Some((len, id));
                    }
                }
            }
            match best {
                Some((len, id)) => {
                    let text = ws[i..i + len].join(" ");
                    match found.iter_mut().find(|f| f.0 == id) {
                        Some(f) if f.1.len() < MAX_LISTED && !f.1.contains(&text) => f.1.push(text),
                        Some(_) => {}
                        None => found.push((id, vec![text])),
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        found.sort_by_key(|f| f.0);
        (!found.is_empty()).then_some(found)
    }

    /// The known name this one is a misspelling of, if any (the nearest; ties in taxonomy order).
    fn misspelt(&self, t: &Taxonomy, name: &str) -> Option<(String, IssueId)> {
        let k = key(super::without_trailing_parenthetical(name).unwrap_or(name));
        let len = k.chars().count();
        if len > MAX_FUZZY_LEN || allowed_distance(len) == 0 {
            return None;
        }
        let query: Vec<char> = k.chars().collect();
        let mut best: Option<(usize, usize)> = None; // (distance, known index)
        let lengths = len.saturating_sub(2)..=(len + 2).min(self.by_length.len().saturating_sub(1));
        let counts = letter_counts(&query);
        for known in lengths.flat_map(|l| &self.by_length[l]) {
            let allowed = allowed_distance(len.max(known.chars.len()));
            let apart: usize = counts
                .iter()
                .zip(&known.counts)
                .map(|(a, b)| usize::from(a.abs_diff(*b)))
                .sum();
            if apart > 2 * allowed {
                continue;
            }
            if let Some(d) = distance_within(&query, &known.chars, allowed)
                && best.is_none_or(|b| (d, known.index) < b)
            {
                best = Some((d, known.index));
            }
        }
        let (_, i) = best?;
        let (known_key, known) = &t.known()[i];
        Some((known.clone(), t.issue_of_key(known_key)?))
    }

    /// The issues whose known names share the most significant words with this name.
    fn shared(&self, t: &Taxonomy, ws: &[&str]) -> Advice {
        let mut query: Vec<String> = Vec::new();
        for w in ws {
            let wk = word_key(w);
            if wk.len() >= 3 && !self.ignored.contains(&wk) && !query.contains(&wk) {
                query.push(wk);
            }
        }
        // issue -> (words shared, best known name index and how many words it shares)
        let mut by_issue: HashMap<IssueId, (Vec<String>, usize, usize)> = HashMap::new();
        let mut per_known: HashMap<usize, usize> = HashMap::new();
        for q in &query {
            for &i in self.words.get(q).into_iter().flatten() {
                *per_known.entry(i).or_default() += 1;
                let Some(issue) = t.issue_of_key(&t.known()[i].0) else {
                    continue;
                };
                let entry = by_issue.entry(issue).or_insert((Vec::new(), i, 0));
                if !entry.0.contains(q) {
                    entry.0.push(q.clone());
                }
            }
        }
        if by_issue.is_empty() {
            return Advice::Nothing;
        }
        for (issue, entry) in by_issue.iter_mut() {
            let best = per_known
                .iter()
                .filter(|(i, _)| t.issue_of_key(&t.known()[**i].0) == Some(*issue))
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
            if let Some((&i, &n)) = best {
                entry.1 = i;
                entry.2 = n;
            }
        }
        let top = by_issue.values().map(|e| e.0.len()).max().unwrap_or(0);
        let mut matches: Vec<(IssueId, String)> = by_issue
            .iter()
            .filter(|(_, e)| e.0.len() == top)
            .map(|(issue, e)| (*issue, t.known()[e.1].1.clone()))
            .collect();
        matches.sort_by_key(|m| m.0);
        matches.truncate(MAX_LISTED);
        let mut shared: Vec<String> = matches.iter().flat_map(|m| by_issue[&m.0].0.iter().cloned()).collect();
        shared.sort_by_key(|w| query.iter().position(|q| q == w));
        shared.dedup();
        // Show the words as the name wrote them.
        let words: Vec<String> = shared
            .iter()
            .filter_map(|s| ws.iter().find(|w| &word_key(w) == s).map(|w| w.to_string()))
            .collect();
        Advice::SharesWords { words, matches }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_with_a_bound() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(distance_within(&c("domestikabuse"), &c("domesticabuse"), 2), Some(1));
        assert_eq!(distance_within(&c("burgalry"), &c("burglary"), 1), Some(1));
        assert_eq!(distance_within(&c("firesafety"), &c("onlinesafety"), 2), None);
        assert_eq!(distance_within(&c("abc"), &c("abc"), 0), Some(0));
    }

    #[test]
    fn words_are_split_and_bounded() {
        assert_eq!(words("Gangs/OCGs & CSE"), ["Gangs", "OCGs", "and", "CSE"]);
        let long = "word ".repeat(1000);
        assert_eq!(words(&long).len(), MAX_WORDS);
    }
}
