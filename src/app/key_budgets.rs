//! Budgets per API key and per person (`key = "..."`, `person = "..."` or `person = "*"`): the
//! allocated spend `costs --by key,person` shows, day by day, against the amount. A wildcard
//! is one verdict per person seen in the period (its name `budget/person`), so each person is
//! alerted once per period on their own.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::budget::Budget;
use crate::domain::{Dim, Money};
use crate::error::Result;
use crate::store::{CostQuery, Store};

/// What a wildcard matches: every person.
pub(crate) const EVERY_PERSON: &str = "*";

/// Whether a key row's label names `wanted` (its name, `name (hint)`, or an unlisted key's id).
fn key_matches(label: &str, wanted: &str) -> bool {
    label == wanted || label.strip_prefix(wanted).is_some_and(|rest| rest.starts_with(" ("))
}

/// Whether a key's owner is a person: not spend without a key, a key with no known owner, or
/// a service account (which `person = "*"` leaves to key budgets).
fn is_person(who: &str) -> bool {
    use super::views::key_rows::{NO_KEY, SERVICE_ACCOUNT};
    who != NO_KEY && who != "(unknown)" && !who.starts_with(SERVICE_ACCOUNT)
}

/// A budget's spend per UTC day.
pub(crate) type Daily = Vec<(NaiveDate, Money)>;

/// The daily spend a key or person budget watches: one budget, or one per person for
/// `person = "*"` (named `budget/person`, its scope that person). `budgets` evaluates them.
pub(crate) fn series(store: &Store, b: &Budget, query: &CostQuery, today: NaiveDate) -> Result<Vec<(Budget, Daily)>> {
    let dim = if b.scope.key.is_some() { Dim::Key } else { Dim::Person };
    let q = CostQuery { group_by: vec![Dim::Day, dim], estimates: false, ..query.clone() };
    let rates = store.cached_rates(&q, b.currency)?;
    let labels = super::views::cost_row::Labels::new(Default::default(), today, q.range);
    let (rows, _) = super::views::key_rows::rows(store, &q, b.currency, &rates, &labels)?;
    let mut daily: BTreeMap<String, Daily> = BTreeMap::new();
    for r in rows {
        let (Some(day), Some(who)) = (r.cells.first().and_then(|c| c.key.day()), r.cells.get(1)) else { continue };
        let matched = match (&b.scope.key, b.scope.person.as_deref()) {
            (Some(key), _) => key_matches(&who.value, key).then(|| b.name.clone()),
            (None, Some(EVERY_PERSON)) => is_person(&who.value).then(|| who.value.clone()),
            (None, Some(person)) => (who.value == person).then(|| b.name.clone()),
            (None, None) => None,
        };
        if let Some(name) = matched {
            daily.entry(name).or_default().push((day, r.cost));
        }
    }
    // A budget whose key or person spent nothing yet still has its verdict.
    if daily.is_empty() || b.scope.person.as_deref() != Some(EVERY_PERSON) {
        daily.entry(b.name.clone()).or_default();
    }
    Ok(daily
        .into_iter()
        .map(|(who, series)| {
            let mut one = b.clone();
            if b.scope.person.as_deref() == Some(EVERY_PERSON) && who != b.name {
                one.name = format!("{}/{who}", b.name);
                one.scope.person = Some(who);
            }
            (one, series)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_by_name_or_id_and_people_exclude_placeholders() {
        assert!(key_matches("grading-ben-agent (sk-proj-...b_b)", "grading-ben-agent"));
        assert!(key_matches("key_123", "key_123"));
        assert!(!key_matches("grading-ben-agent-2 (sk-...)", "grading-ben-agent"));
        assert!(is_person("ben@edugami.org") && !is_person("(no key)") && !is_person("(unknown)"));
        assert!(!is_person("service account ci"));
    }
}
