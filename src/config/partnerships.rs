//! The partnerships expected to submit and their aliases: every name and alias unique by key.

use crate::error::{Diagnostics, Location};
use crate::taxonomy::{self, key};
use indexmap::IndexMap;
use std::collections::HashMap;
use toml::Spanned;

/// The partnerships as resolved: their names in order, and every name and alias by key.
#[derive(Debug, Clone, Default)]
pub(super) struct Partnerships {
    pub names: Vec<String>,
    pub index: HashMap<String, usize>,
}

/// Check `partnerships` and `[partnership_aliases]`; `at` turns a span into a line of review.toml.
pub(super) fn resolve(
    written: &[Spanned<String>],
    aliases: &IndexMap<String, Vec<String>>,
    shown: &str,
    at: &dyn Fn(std::ops::Range<usize>) -> Location,
    d: &mut Diagnostics,
) -> Partnerships {
    let mut p = Partnerships::default();
    for (i, written_name) in written.iter().enumerate() {
        let name = taxonomy::tidy(written_name.get_ref());
        let k = key(&name);
        if k.is_empty() {
            d.error(at(written_name.span()), "a partnership name is empty");
        } else if let Some(&j) = p.index.get(&k) {
            d.error(
                at(written_name.span()),
                format!(
                    "the partnership \"{name}\" is listed twice (as \"{}\" too)",
                    written[j].get_ref().as_str()
                ),
            );
        } else {
            p.index.insert(k, i);
        }
        p.names.push(name);
    }
    if p.names.is_empty() {
        d.error(
            Location::file(shown),
            "`partnerships` is empty: list the CSPs expected to submit",
        );
    }
    for (name, alias_list) in aliases {
        let Some(&i) = p.index.get(&key(name)) else {
            d.error(
                Location::file(shown),
                format!("[partnership_aliases]: \"{name}\" is not one of `partnerships`"),
            );
            continue;
        };
        for alias in alias_list {
            let k = key(alias);
            match p.index.get(&k) {
                Some(&j) if j != i => d.error(
                    Location::file(shown),
                    format!("[partnership_aliases]: \"{alias}\" already names \"{}\"", p.names[j]),
                ),
                _ if k.is_empty() => d.error(Location::file(shown), "[partnership_aliases]: an alias is empty"),
                _ => {
                    p.index.insert(k, i);
                }
            }
        }
    }
    p
}
