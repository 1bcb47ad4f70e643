//! One person, one name: the config's `[people]` says which names the providers use for the same
//! person (GitHub's login, an OpenAI e-mail, a second address), so `--by person`, person budgets,
//! teams' person rules and the activity view count them once, under the name the config gives.

use std::collections::{BTreeMap, HashMap};

/// The names providers use for people, each mapped to the person's own name. Matching ignores
/// case: e-mail addresses and GitHub logins are case-insensitive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    /// Lower-cased name as a provider writes it → the person's name as the config writes it.
    names: HashMap<String, String>,
}

impl People {
    /// Checks `[people]` (`"ana@edugami.org" = ["ana-edugami"]`): no empty name, no name given to
    /// two people. The error names the entries to fix.
    pub fn from_config(people: &BTreeMap<String, Vec<String>>) -> Result<People, String> {
        let mut names: HashMap<String, String> = HashMap::new();
        let mut claim = |seen: &str, person: &str| -> Result<(), String> {
            let seen = seen.trim();
            if seen.is_empty() {
                return Err(format!("[people] \"{person}\": a name is empty; list the names providers use"));
            }
            match names.insert(seen.to_lowercase(), person.to_string()) {
                Some(other) if other != person => Err(format!(
                    "[people]: '{seen}' is given to both \"{other}\" and \"{person}\"; a name belongs to one person"
                )),
                _ => Ok(()),
            }
        };
        for person in people.keys() {
            if person.trim().is_empty() {
                return Err("[people]: a person's name is empty; use the name reports should show".into());
            }
            claim(person, person)?;
        }
        for (person, aliases) in people {
            for seen in aliases {
                claim(seen, person)?;
            }
        }
        Ok(People { names })
    }

    /// The person's name for a name a provider used; the name itself when the config does not
    /// list it.
    pub fn name<'a>(&'a self, seen: &'a str) -> &'a str {
        if self.names.is_empty() {
            return seen;
        }
        self.names.get(&seen.to_lowercase()).map_or(seen, String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(entries: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        entries.iter().map(|(p, a)| (p.to_string(), a.iter().map(ToString::to_string).collect())).collect()
    }

    #[test]
    fn aliases_and_other_cases_name_the_person() {
        let people = People::from_config(&config(&[("ana@edugami.org", &["ana-edugami", "Ana.S@Gmail.com"])])).unwrap();
        assert_eq!(people.name("ana-edugami"), "ana@edugami.org");
        assert_eq!(people.name("ANA-EDUGAMI"), "ana@edugami.org");
        assert_eq!(people.name("ana.s@gmail.com"), "ana@edugami.org");
        assert_eq!(people.name("Ana@Edugami.org"), "ana@edugami.org");
        assert_eq!(people.name("ben@edugami.org"), "ben@edugami.org");
        assert_eq!(People::default().name("ana-edugami"), "ana-edugami");
    }

    #[test]
    fn a_name_belongs_to_one_person() {
        let err =
            People::from_config(&config(&[("ana@edugami.org", &["ana"]), ("ben@edugami.org", &["ANA"])])).unwrap_err();
        assert!(err.contains("'ANA' is given to both \"ana@edugami.org\" and \"ben@edugami.org\""), "{err}");
        let err = People::from_config(&config(&[("ana@edugami.org", &["ben@edugami.org"]), ("ben@edugami.org", &[])]))
            .unwrap_err();
        assert!(err.contains("given to both"), "{err}");
        let err = People::from_config(&config(&[("ana@edugami.org", &[" "])])).unwrap_err();
        assert!(err.contains("a name is empty"), "{err}");
        // Listing a person's own name, or one alias twice, is harmless.
        People::from_config(&config(&[("ana@edugami.org", &["ana@edugami.org", "ana", "ana"])])).unwrap();
    }
}
