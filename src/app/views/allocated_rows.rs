//! Cost rows grouped by team or cost centre (`--by team`, `--team NAME`): the cache's lines,
//! allocated by the config's `[[teams]]` and `[[shared_costs]]` within each group of the other
//! dimensions. Shared accounts are split in the whole view's proportions, and each group's parts
//! add up exactly to the group, so the view's total is the bill.

use std::collections::BTreeMap;

use super::cost_row::{Cell, CostRow, GroupedLine, Labels};
use crate::domain::{Account, Currency, Dim, Money};
use crate::error::Result;
use crate::fx::{FxUse, Rates};
use crate::store::{CostQuery, GroupKey, KeyValue, Store};
use crate::teams::allocate::allocate_groups;
use crate::teams::{Line, SharedCost, Team, cost_center_of};

/// The teams a view allocates spend to, and the one team it keeps (`--team`), if any.
#[derive(Clone, Copy, Debug)]
pub struct TeamScope<'a> {
    pub teams: &'a [Team],
    pub shared: &'a [SharedCost],
    pub only: Option<&'a str>,
}

/// The allocated rows (unsorted, without shares), the rates used, and notes about shared costs
/// that could not be split.
pub(crate) fn rows(
    store: &Store,
    query: &CostQuery,
    currency: Currency,
    rates: &Rates,
    scope: TeamScope<'_>,
    labels: &Labels,
) -> Result<(Vec<CostRow>, Vec<FxUse>, Vec<String>)> {
    let other: Vec<Dim> = query.group_by.iter().copied().filter(|d| !d.is_allocated()).collect();
    let mut base = other.clone();
    base.extend(Line::DIMS.iter().filter(|d| !other.contains(d)));
    let (lines, fx) = if crate::teams::needs_keys(scope.teams, scope.shared) || other.iter().any(|d| d.is_key()) {
        super::key_rows::team_lines(store, query, &other, currency, rates)?
    } else {
        lines(store, query, &other, &base, currency, rates)?
    };
    let (parts, notes) = allocate_groups(scope.teams, scope.shared, &lines);
    // `summed`: the rows shown (one team's with `--team`); `whole`: every team's, the groups
    // the cents are rounded over.
    let mut summed: BTreeMap<(Vec<String>, GroupKey), Money> = BTreeMap::new();
    let mut whole: BTreeMap<(Vec<String>, GroupKey), Money> = BTreeMap::new();
    for (group, team, cost) in parts {
        let allocated: Vec<String> = query
            .group_by
            .iter()
            .filter(|d| d.is_allocated())
            .map(|d| match d {
                Dim::CostCenter => cost_center_of(scope.teams, &team).to_string(),
                _ => team.clone(),
            })
            .collect();
        *whole.entry((allocated.clone(), group.clone())).or_insert(Money::ZERO) += cost;
        if scope.only.is_none_or(|only| only == team) {
            *summed.entry((allocated, group)).or_insert(Money::ZERO) += cost;
        }
    }
    // One team's view is a part of each group, not a split of it: no remainder rule applies.
    let cents = if scope.only.is_none() { in_cents(&whole, currency) } else { BTreeMap::new() };
    let rows = summed
        .into_iter()
        .map(|((allocated, group), cost)| {
            let in_cents = cents.get(&(allocated.clone(), group.clone())).copied();
            let mut allocated = allocated.into_iter();
            let mut others = group.values.into_iter();
            let cells = query
                .group_by
                .iter()
                .map(|dim| {
                    if dim.is_allocated() {
                        let value = allocated.next().unwrap_or_default();
                        Cell { dim: *dim, key: KeyValue::Text(value.clone()), label: value.clone(), value }
                    } else {
                        let value = others.next().unwrap_or(KeyValue::Text(String::new()));
                        labels.cell(*dim, &value, group.owner.as_ref())
                    }
                })
                .collect();
            CostRow { cells, owner: group.owner, cost, share: Default::default(), usage: None, billed: None, in_cents }
        })
        .collect();
    Ok((rows, fx, notes))
}

/// The cache's lines at the grain rules look at, grouped by `other`.
fn lines(
    store: &Store,
    query: &CostQuery,
    other: &[Dim],
    base: &[Dim],
    currency: Currency,
    rates: &Rates,
) -> Result<(Vec<GroupedLine>, Vec<FxUse>)> {
    let base_query = CostQuery { group_by: base.to_vec(), ..query.clone() };
    let (costs, fx) = store.aggregate_costs_in(&base_query, currency, rates)?;
    let names = store.project_names()?;
    let mut lines: Vec<GroupedLine> = Vec::with_capacity(costs.len());
    for (key, cost) in costs {
        let text = |dim: Dim| key.value(base, dim).map(ToString::to_string).unwrap_or_default();
        let line = Line::from_key(Line::DIMS.map(text), &names);
        let owner = match key.value(base, Dim::Provider) {
            Some(KeyValue::Provider(provider)) if other.contains(&Dim::Project) => {
                Some(Account { provider: *provider, workspace: line.workspace.clone() })
            }
            _ => None,
        };
        let group = GroupKey { values: key.values.into_iter().take(other.len()).collect(), owner };
        lines.push((group, line, cost));
    }
    Ok((lines, fx))
}

/// Each allocated row in the currency's minor unit, rounded within its group (the rows that
/// share every other dimension: a month, a model) by the remainder rule, as the chargeback is.
fn in_cents(
    rows: &BTreeMap<(Vec<String>, GroupKey), Money>,
    currency: Currency,
) -> BTreeMap<(Vec<String>, GroupKey), Money> {
    let mut groups: BTreeMap<&GroupKey, Vec<&(Vec<String>, GroupKey)>> = BTreeMap::new();
    for key in rows.keys() {
        groups.entry(&key.1).or_default().push(key);
    }
    let mut out = BTreeMap::new();
    for keys in groups.into_values() {
        let exact: Vec<_> = keys.iter().map(|k| rows.get(*k).copied().unwrap_or_default().decimal()).collect();
        let rounded = crate::domain::money::round_preserving_sum(&exact, currency.places());
        for (key, cents) in keys.into_iter().zip(rounded) {
            out.insert(key.clone(), Money::from_decimal(cents));
        }
    }
    out
}
