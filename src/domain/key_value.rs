//! A grouped value, typed by its dimension: a day, an ISO week, a month, a provider, a currency,
//! or the text of a workspace, project, model or line item.

use std::fmt;

use chrono::NaiveDate;

use super::{Currency, ProviderKind};

/// One grouping column's value, typed by its dimension.
///
/// Ordering follows the value (days by date, providers in registry order), which is what a
/// sorted listing wants; values of different dimensions are never compared with each other.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyValue {
    Day(NaiveDate),
    /// ISO 8601 week-year and week (Monday first).
    Week {
        year: i32,
        week: u32,
    },
    Month {
        year: i32,
        month: u32,
    },
    Provider(ProviderKind),
    Currency(Currency),
    /// A workspace, project id (`""` is the default project), model or line item; and, once a
    /// view allocates them, a team or cost centre.
    Text(String),
}

impl KeyValue {
    pub fn day(&self) -> Option<NaiveDate> {
        match self {
            KeyValue::Day(day) => Some(*day),
            _ => None,
        }
    }

    pub fn currency(&self) -> Option<Currency> {
        match self {
            KeyValue::Currency(c) => Some(*c),
            _ => None,
        }
    }
}

/// The form the output shows and the JSON contract holds: `2026-11-30`, `2026-W48`, `2026-11`,
/// `openai`, `EUR`, or the text itself.
impl fmt::Display for KeyValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyValue::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            KeyValue::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            KeyValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            KeyValue::Provider(p) => f.write_str(p.id()),
            KeyValue::Currency(c) => f.write_str(c.as_str()),
            KeyValue::Text(t) => f.write_str(t),
        }
    }
}
