//! `[people]` against what the providers reported: the names the config lists that no key
//! owner or activity in the cache carries (a typo, or someone who has not spent yet), for
//! `doctor`.

use std::collections::BTreeSet;

use super::App;
use crate::error::Result;

/// A name `[people]` lists that the cache has never seen.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Unseen {
    /// As the config writes it.
    pub name: String,
    /// The person it names.
    pub person: String,
}

/// The `[people]` names (people and their other names) no provider has reported; none before
/// the cache exists.
pub(crate) fn unseen(app: &App) -> Result<Vec<Unseen>> {
    if app.config.raw_people.is_empty() || !app.db_path.exists() {
        return Ok(Vec::new());
    }
    let seen: BTreeSet<String> = app.open_store()?.people_seen()?.iter().map(|n| n.to_lowercase()).collect();
    let mut out = Vec::new();
    for (person, names) in &app.config.raw_people {
        for name in std::iter::once(person).chain(names) {
            let name = name.trim();
            if !seen.contains(&name.to_lowercase()) && !out.iter().any(|u: &Unseen| u.name == name) {
                out.push(Unseen { name: name.to_string(), person: person.clone() });
            }
        }
    }
    Ok(out)
}
