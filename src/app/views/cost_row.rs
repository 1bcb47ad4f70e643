//! One row of a cost answer and its cells: what the cache grouped, and the labels a person
//! reads. Shared by the plain cost view and the rows allocated to teams.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::{Account, DateRange, Dim, Money, ProviderKind, UsageTotals};
use crate::store::KeyValue;

/// A line teams' rules look at, its cost, and the group of the view's other dimensions it falls
/// in: what allocated rows are made from (by line item, or by key when rules name keys).
pub(crate) type GroupedLine = (crate::store::GroupKey, crate::teams::Line, crate::domain::Money);

/// One grouping value: what the cache holds, and what a person reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub dim: Dim,
    /// The typed value: a day as a date, a provider as the enum...
    pub key: KeyValue,
    /// The value as the machine formats write it: a project id (`""` for the default project),
    /// `2026-11-30`, a model...
    pub value: String,
    /// For people: a project's name, a day marked partial.
    pub label: String,
}

#[derive(Clone, Debug)]
pub struct CostRow {
    pub cells: Vec<Cell>,
    /// The account owning the project, when projects are grouped.
    pub owner: Option<Account>,
    pub cost: Money,
    pub share: Decimal,
    pub usage: Option<UsageTotals>,
    /// Grouped by currency: what was billed, in the row's own currency, before conversion.
    pub billed: Option<Money>,
    /// An allocated row (by team or cost centre) in the currency's minor unit by the remainder
    /// rule over its group, as `llmcost teams` shows it: the rows of a group add up to the
    /// group's bill rounded. Tables and Markdown show it; JSON and CSV keep the exact cost.
    pub in_cents: Option<Money>,
}

impl CostRow {
    /// The amount a table shows: the allocated figure in cents when there is one.
    pub fn shown_cost(&self) -> Money {
        self.in_cents.unwrap_or(self.cost)
    }
}

impl CostRow {
    /// The row's billing currency and the amount billed in it (`--by currency`).
    pub fn billed_in(&self) -> Option<(crate::domain::Currency, Money)> {
        let currency = self.cells.iter().find_map(|c| c.key.currency())?;
        Some((currency, self.billed?))
    }

    /// The cell of grouping dimension `dim`, if the view groups by it.
    pub fn cell(&self, dim: Dim) -> Option<&Cell> {
        self.cells.iter().find(|c| c.dim == dim)
    }

    /// The raw value of `dim` (`""` when the view does not group by it).
    pub fn value(&self, dim: Dim) -> &str {
        self.cell(dim).map_or("", |c| c.value.as_str())
    }
}

/// What a cell's label needs: project names, today (partial days) and the view's period.
pub(crate) struct Labels {
    names: HashMap<(String, String, String), String>,
    today: NaiveDate,
    range: DateRange,
}

impl Labels {
    /// Project names by (provider, workspace, id), today, and the view's period.
    pub(crate) fn new(names: HashMap<(String, String, String), String>, today: NaiveDate, range: DateRange) -> Self {
        Labels { names, today, range }
    }

    /// A cell for a typed group value: its text for the machine formats, its label for people.
    pub(crate) fn cell(&self, dim: Dim, value: &KeyValue, owner: Option<&Account>) -> Cell {
        let text = value.to_string();
        let label = match (dim, value) {
            (Dim::Project, _) if text.is_empty() => {
                owner.map_or(ProviderKind::OpenAi, |o| o.provider).default_project_label().to_string()
            }
            (Dim::Project, _) => owner
                .and_then(|o| self.names.get(&(o.provider.id().to_string(), o.workspace.clone(), text.clone())))
                .cloned()
                .unwrap_or_else(|| text.clone()),
            (_, KeyValue::Day(day)) if *day == self.today => format!("{text} (partial)"),
            // An estimate is marked wherever a person reads it.
            (Dim::Basis, _) if text == crate::domain::Basis::Estimate.as_str() => "≈ estimate".to_string(),
            (Dim::Hour, _) if text == "day" => "whole day".to_string(),
            // A week or month cut by the period's ends, or still running, is not a whole one.
            (_, KeyValue::Week { .. } | KeyValue::Month { .. }) => match span(value) {
                Some(s)
                    if s.since < self.range.since
                        || s.until > self.range.until.min(self.today)
                        || s.contains(self.today) =>
                {
                    format!("{text} (partial)")
                }
                _ => text.clone(),
            },
            _ => text.clone(),
        };
        Cell { dim, key: value.clone(), value: text, label }
    }
}

/// The days of a `--by week` (`2026-W48`) or `--by month` (`2026-11`) value.
fn span(value: &KeyValue) -> Option<DateRange> {
    match *value {
        KeyValue::Week { year, week } => {
            let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
            Some(DateRange::new(monday, monday + chrono::Days::new(6)))
        }
        KeyValue::Month { year, month } => {
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            Some(DateRange::new(first, crate::domain::period::last_of_month(first)))
        }
        _ => None,
    }
}
