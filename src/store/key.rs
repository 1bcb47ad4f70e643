//! Typed group keys: what a grouped query returns for each row, read once from the cache's text
//! into days, weeks, months, providers and currencies, so callers never parse it again.

use crate::domain::{Account, Currency, Dim, KeyValue, ProviderKind};
use crate::error::{Error, Result};

/// Reads the cache's text for `dim`. A cache edited by hand or damaged can hold a day that
/// is not a date or a provider llmcost does not know: one clear error naming the fix.
pub(crate) fn read(dim: Dim, text: String) -> Result<KeyValue> {
    let bad = |what: &str| damaged(what, &text);
    Ok(match dim {
        Dim::Day => KeyValue::Day(crate::domain::period::parse_date(&text).map_err(|_| bad("day that is not a date"))?),
        Dim::Week => {
            let (year, week) = text.split_once("-W").ok_or_else(|| bad("week that is not a week"))?;
            let year = year.parse().map_err(|_| bad("week that is not a week"))?;
            let week =
                week.parse().ok().filter(|w| (1..=53).contains(w)).ok_or_else(|| bad("week that is not a week"))?;
            KeyValue::Week { year, week }
        }
        Dim::Month => {
            let first = crate::domain::period::parse_date(&format!("{text}-01"))
                .map_err(|_| bad("month that is not a month"))?;
            KeyValue::Month { year: chrono::Datelike::year(&first), month: chrono::Datelike::month(&first) }
        }
        Dim::Provider => KeyValue::Provider(read_provider(&text)?),
        Dim::Currency => KeyValue::Currency(Currency::parse(&text).map_err(|_| bad("currency that is not one"))?),
        Dim::Workspace
        | Dim::Project
        | Dim::Model
        | Dim::LineItem
        | Dim::Team
        | Dim::CostCenter
        | Dim::Hour
        | Dim::Basis
        | Dim::Key
        | Dim::Person => KeyValue::Text(text),
    })
}

/// [`read`] for a column that may be NULL: SQLite's `strftime` gives NULL for a day that is
/// not a date, which is how a damaged day shows in a `--by week` query.
pub(crate) fn read_column(dim: Dim, text: Option<String>) -> Result<KeyValue> {
    match text {
        Some(text) => read(dim, text),
        None => Err(Error::Storage(format!("the cache holds a day that is not a date{FIX}"))),
    }
}

/// A provider id read back from the cache.
pub(crate) fn read_provider(text: &str) -> Result<ProviderKind> {
    ProviderKind::from_id(text).map_err(|_| damaged("provider llmcost does not know", text))
}

const FIX: &str = "; move the cache aside (llmcost cache path) and sync again";

fn damaged(what: &str, text: &str) -> Error {
    Error::Storage(format!("the cache holds a {what} ({:?}){FIX}", crate::sanitize::terminal(text)))
}

/// The values of a row's grouping columns, in `CostQuery::group_by` order. When projects are
/// grouped, the owning account is always part of the key, so two accounts' default projects
/// never merge.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupKey {
    pub values: Vec<KeyValue>,
    /// The account owning the project, when `Dim::Project` is grouped.
    pub owner: Option<Account>,
}

impl GroupKey {
    /// The value of `dim`, when `group_by` (the query's grouping) has it.
    pub fn value(&self, group_by: &[Dim], dim: Dim) -> Option<&KeyValue> {
        group_by.iter().position(|d| *d == dim).and_then(|at| self.values.get(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_text_reads_into_typed_values_and_prints_back_unchanged() {
        for (dim, text) in [
            (Dim::Day, "2026-11-30"),
            (Dim::Week, "2026-W48"),
            (Dim::Week, "2027-W01"),
            (Dim::Month, "2026-02"),
            (Dim::Provider, "openai"),
            (Dim::Provider, "groq"),
            (Dim::Currency, "EUR"),
            (Dim::Project, ""),
            (Dim::Model, "gpt-4.1"),
        ] {
            let value = read(dim, text.to_string()).unwrap();
            assert_eq!(value.to_string(), text, "{dim:?}");
        }
        assert_eq!(read(Dim::Provider, "openai".into()).unwrap(), KeyValue::Provider(ProviderKind::OpenAi));
    }

    #[test]
    fn damaged_cache_text_is_one_clear_error() {
        for (dim, text) in [
            (Dim::Day, "2026-13-01"),
            (Dim::Day, "yesterday"),
            (Dim::Week, "2026-W60"),
            (Dim::Month, "2026-13"),
            (Dim::Currency, "dollars"),
            (Dim::Provider, "\u{1b}[31mevil"),
        ] {
            let e = read(dim, text.to_string()).unwrap_err().to_string();
            assert!(e.contains("move the cache aside") && !e.contains('\u{1b}'), "{dim:?}: {e}");
        }
    }

    #[test]
    fn days_order_by_date_not_text() {
        let a = read(Dim::Week, "2026-W09".into()).unwrap();
        let b = read(Dim::Week, "2026-W10".into()).unwrap();
        assert!(a < b);
    }
}
