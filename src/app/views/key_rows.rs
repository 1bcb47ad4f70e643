//! Cost rows by API key and person (`--by key`, `--by person`): each billed line (an account's
//! day, project and model) split between the keys that used it, in proportion to the list-price
//! value of each key's tokens of that model (its tokens where the model has no list price). The
//! parts of a line add up exactly to its bill; a line no key used (tools, storage, a provider
//! that reports no keys) stays whole under `(no key)`. Rows say how they were reached: `basis`
//! `allocated` for a split, `billed` for a line kept whole.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::cost_row::{Cell, CostRow, Labels};
use crate::domain::{Account, ApiKeyInfo, Basis, Currency, Dim, KeyValue, Money, UsageTotals};
use crate::error::{Error, Result};
use crate::fx::{FxUse, Rates};
use crate::store::{CostQuery, KeyLine, KeyUse, Store};

/// The label of spend no key used.
pub(crate) const NO_KEY: &str = "(no key)";
/// How a key owned by a service account names its owner: `service account ci-runner`.
pub(crate) const SERVICE_ACCOUNT: &str = "service account ";

/// The dimensions a key view can be grouped by besides `key` and `person`.
const WITH_KEYS: [Dim; 8] =
    [Dim::Provider, Dim::Workspace, Dim::Project, Dim::Model, Dim::Day, Dim::Week, Dim::Month, Dim::Basis];

/// Refuses a grouping keys cannot be split by (a line item, a currency, a team, an hour).
pub(crate) fn check_dims(group_by: &[Dim]) -> Result<()> {
    match group_by.iter().find(|d| !d.is_key() && !WITH_KEYS.contains(d)) {
        Some(d) => Err(Error::Usage(format!(
            "--by {d} cannot be combined with key or person: use provider, workspace, project, model, day, week or month"
        ))),
        None => Ok(()),
    }
}

/// The finest grain a key is allocated on, then the view's other dimensions.
const GRAIN: [Dim; 5] = [Dim::Provider, Dim::Workspace, Dim::Day, Dim::Project, Dim::Model];

/// One part of a line's bill.
struct Part {
    key: String,
    basis: Basis,
    cost: Money,
}

/// Splits `amount` between `uses` by their weights; the heaviest key takes the remainder, so
/// the parts add up to `amount` exactly.
fn split(amount: Money, uses: &[(String, Decimal)]) -> Vec<Part> {
    let total: Decimal = uses.iter().map(|(_, w)| *w).sum();
    if uses.is_empty() || total <= Decimal::ZERO {
        return vec![Part { key: NO_KEY.into(), basis: Basis::Billed, cost: amount }];
    }
    let heaviest = uses.iter().enumerate().max_by(|a, b| a.1.1.cmp(&b.1.1)).map_or(0, |(i, _)| i);
    let mut parts: Vec<Part> = Vec::with_capacity(uses.len());
    let mut given = Decimal::ZERO;
    for (i, (key, w)) in uses.iter().enumerate() {
        if i == heaviest {
            continue;
        }
        let share = (amount.decimal() * *w / total).round_dp(10);
        given += share;
        parts.push(Part { key: key.clone(), basis: Basis::Allocated, cost: Money::from_decimal(share) });
    }
    parts.push(Part {
        key: uses[heaviest].0.clone(),
        basis: Basis::Allocated,
        cost: Money::from_decimal(amount.decimal() - given),
    });
    parts
}

/// A key's weight on a line: its tokens at the model's list prices, else its tokens.
fn weight(prices: Option<&crate::prices::Rates>, t: &UsageTotals) -> Decimal {
    let tokens = Decimal::from(t.input_tokens.saturating_add(t.output_tokens));
    prices.and_then(|r| crate::savings::token_cost(r, t)).filter(|d| *d > Decimal::ZERO).unwrap_or(tokens)
}

/// The key rows (unsorted, without shares) and the rates used.
pub(crate) fn rows(
    store: &Store,
    query: &CostQuery,
    currency: Currency,
    rates: &Rates,
    labels: &Labels,
) -> Result<(Vec<CostRow>, Vec<FxUse>)> {
    let base = CostQuery { group_by: GRAIN.to_vec(), estimates: false, ..query.clone() };
    let (costs, fx) = store.aggregate_costs_in(&base, currency, rates)?;
    let usage: HashMap<KeyLine, Vec<KeyUse>> = store.key_usage(&query.accounts, query.range)?;
    let keys: HashMap<(Account, String), ApiKeyInfo> = store.api_keys(&query.accounts)?;
    let table = crate::prices::PriceTable::built_in();
    let mut summed: BTreeMap<(Vec<KeyValue>, Option<Account>), Money> = BTreeMap::new();
    for (key, amount) in costs {
        let [
            KeyValue::Provider(provider),
            KeyValue::Text(workspace),
            KeyValue::Day(day),
            KeyValue::Text(project),
            KeyValue::Text(model),
        ] = key.values.as_slice()
        else {
            continue;
        };
        let account = Account::new(*provider, workspace.clone());
        let line = KeyLine { account: account.clone(), day: *day, project_id: project.clone(), model: model.clone() };
        let rates_of_model =
            provider.info().price_list.and_then(|list| table.find(list, model)).and_then(|m| m.on(*day));
        let uses: Vec<(String, Decimal)> = usage
            .get(&line)
            .map(|u| u.iter().map(|k| (k.key_id.clone(), weight(rates_of_model.as_ref(), &k.totals))).collect())
            .unwrap_or_default();
        for part in split(amount, &uses) {
            let info = keys.get(&(account.clone(), part.key.clone()));
            let values: Vec<KeyValue> = query
                .group_by
                .iter()
                .map(|dim| match dim {
                    Dim::Provider => KeyValue::Provider(*provider),
                    Dim::Workspace => KeyValue::Text(workspace.clone()),
                    Dim::Project => KeyValue::Text(project.clone()),
                    Dim::Model => KeyValue::Text(model.clone()),
                    Dim::Day => KeyValue::Day(*day),
                    Dim::Week => week_of(*day),
                    Dim::Month => {
                        KeyValue::Month { year: chrono::Datelike::year(day), month: chrono::Datelike::month(day) }
                    }
                    Dim::Basis => KeyValue::Text(part.basis.as_str().to_string()),
                    Dim::Key => KeyValue::Text(key_text(&part.key, info)),
                    Dim::Person => KeyValue::Text(person_text(&part.key, info)),
                    _ => KeyValue::Text(String::new()),
                })
                .collect();
            let owner = query.group_by.contains(&Dim::Project).then(|| account.clone());
            let sum = summed.entry((values, owner)).or_insert(Money::ZERO);
            *sum = sum.checked_add(part.cost).ok_or_else(|| Error::Storage("a key's spend overflows".into()))?;
        }
    }
    let rows = summed
        .into_iter()
        .map(|((values, owner), cost)| {
            let cells = query
                .group_by
                .iter()
                .zip(values)
                .map(|(dim, value)| match dim {
                    Dim::Key | Dim::Person => {
                        let text = value.to_string();
                        Cell { dim: *dim, key: value, label: text.clone(), value: text }
                    }
                    _ => labels.cell(*dim, &value, owner.as_ref()),
                })
                .collect();
            CostRow { cells, owner, cost, share: Decimal::ZERO, usage: None, billed: None, in_cents: None }
        })
        .collect();
    Ok((rows, fx))
}

fn week_of(day: chrono::NaiveDate) -> KeyValue {
    let w = chrono::Datelike::iso_week(&day);
    KeyValue::Week { year: w.year(), week: w.week() }
}

/// `ci-runner (sk-proj-...abc1)`: the key's name and the provider's hint, never its secret;
/// the id when the provider does not list it; `(no key)`.
fn key_text(id: &str, info: Option<&ApiKeyInfo>) -> String {
    match (id, info) {
        (NO_KEY | "", _) => NO_KEY.to_string(),
        (_, Some(k)) => match &k.hint {
            Some(hint) => format!("{} ({hint})", k.name),
            None => k.name.clone(),
        },
        (id, None) => id.to_string(),
    }
}

/// The key's owner (a service account named so); `(unknown)` when the provider does not say;
/// `(no key)`.
fn person_text(id: &str, info: Option<&ApiKeyInfo>) -> String {
    match (id, info.and_then(|k| k.owner.as_deref().map(|o| (o, k.owner_kind.as_str())))) {
        (NO_KEY | "", _) => NO_KEY.to_string(),
        (_, Some((owner, "service_account"))) => format!("{SERVICE_ACCOUNT}{owner}"),
        (_, Some((owner, _))) => owner.to_string(),
        (_, None) => "(unknown)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lines_parts_add_up_to_its_bill_exactly() {
        let amount: Money = "10.000000000001".parse().unwrap();
        let uses = vec![("a".into(), Decimal::ONE), ("b".into(), Decimal::ONE), ("c".into(), Decimal::ONE)];
        let parts = split(amount, &uses);
        let sum: Money = parts.iter().map(|p| p.cost).sum();
        assert_eq!(sum, amount);
        assert!(parts.iter().all(|p| p.basis == Basis::Allocated));
        let whole = split(amount, &[]);
        assert_eq!((whole[0].key.as_str(), whole[0].basis, whole[0].cost), (NO_KEY, Basis::Billed, amount));
        assert_eq!(split(amount, &[("a".into(), Decimal::ZERO)])[0].key, NO_KEY);
    }
}
