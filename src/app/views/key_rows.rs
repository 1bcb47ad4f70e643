//! Cost rows by API key and person (`--by key`, `--by person`): each billed line (an account's
//! day, project and model) split between the keys that used it, in proportion to the list-price
//! value of each key's tokens of that model (its tokens where the model has no list price). The
//! parts of a line add up exactly to its bill; a line no key used (tools, storage, a provider
//! that reports no keys) stays whole under `(no key)`. Rows say how they were reached: `basis`
//! `allocated` for a split, `billed` for a line kept whole.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use rust_decimal::Decimal;

use super::cost_row::{Cell, CostRow, Labels};
use crate::domain::{Account, ApiKeyInfo, Basis, Currency, Dim, KeyValue, Money, UsageTotals};
use crate::error::{Error, Result};
use crate::fx::{FxUse, Rates};
use crate::store::{CostQuery, GroupKey, KeyLine, KeyUse, Store};
use crate::teams::Line;

/// The label of spend no key used.
pub(crate) const NO_KEY: &str = "(no key)";
/// How a key owned by a service account names its owner: `service account ci-runner`.
pub(crate) const SERVICE_ACCOUNT: &str = "service account ";

/// The dimensions keys cannot be split by: a line's keys are one currency's, and bills come
/// by day, not by hour.
const NOT_WITH_KEYS: [Dim; 2] = [Dim::Currency, Dim::Hour];

/// Refuses a grouping keys cannot be split by (a currency, an hour).
pub(crate) fn check_dims(group_by: &[Dim]) -> Result<()> {
    match group_by.iter().find(|d| NOT_WITH_KEYS.contains(d)) {
        Some(d) => Err(Error::Usage(format!(
            "--by {d} cannot be combined with key or person: use provider, workspace, project, model, line_item, \
             day, week, month, team or cost_center"
        ))),
        None => Ok(()),
    }
}

/// The finest grain a key is allocated on, then the view's other dimensions.
const GRAIN: [Dim; 5] = [Dim::Provider, Dim::Workspace, Dim::Day, Dim::Project, Dim::Model];

/// Where a part of a line's bill goes: a key of the line's uses, or no key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum To {
    Key(usize),
    NoKey,
}

/// Splits `amount` between `uses` by their weights; the heaviest key takes the remainder, so
/// the parts add up to `amount` exactly.
fn split(amount: Money, uses: &[Decimal]) -> Vec<(To, Basis, Money)> {
    let total: Decimal = uses.iter().sum();
    if uses.is_empty() || total <= Decimal::ZERO {
        return vec![(To::NoKey, Basis::Billed, amount)];
    }
    let heaviest = uses.iter().enumerate().max_by(|a, b| a.1.cmp(b.1)).map_or(0, |(i, _)| i);
    let mut parts = Vec::with_capacity(uses.len());
    let mut given = Decimal::ZERO;
    for (i, w) in uses.iter().enumerate() {
        if i == heaviest {
            continue;
        }
        let share = (amount.decimal() * *w / total).round_dp(10);
        given += share;
        parts.push((To::Key(i), Basis::Allocated, Money::from_decimal(share)));
    }
    parts.push((To::Key(heaviest), Basis::Allocated, Money::from_decimal(amount.decimal() - given)));
    parts
}

/// A key's weight on a line: its tokens at the model's list prices, else its tokens.
fn weight(prices: Option<&crate::prices::Rates>, t: &UsageTotals) -> Decimal {
    let tokens = Decimal::from(t.input_tokens.saturating_add(t.output_tokens));
    prices.and_then(|r| crate::savings::token_cost(r, t)).filter(|d| *d > Decimal::ZERO).unwrap_or(tokens)
}

/// A line's parts: where the provider bills per key (`KeyUse::billed`), each key's bill
/// (`billed`) and what no key accounts for under `(no key)`; else the line split by usage
/// (`allocated`). With `as_weights` (a line read by line item, while keys are billed per model;
/// a view in another currency than the keys' bills) the bills weigh the line.
fn parts_of(amount: Money, uses: &[KeyUse], weights: &[Decimal], as_weights: bool) -> Vec<(To, Basis, Money)> {
    if uses.is_empty() || uses.iter().any(|u| u.billed.is_none()) {
        return split(amount, weights);
    }
    let billed: Vec<Decimal> = uses.iter().map(|u| u.billed.map_or(Decimal::ZERO, Money::decimal)).collect();
    if as_weights {
        return split(amount, &billed);
    }
    let mut parts: Vec<(To, Basis, Money)> =
        billed.iter().enumerate().map(|(i, b)| (To::Key(i), Basis::Billed, Money::from_decimal(*b))).collect();
    let rest = amount.decimal() - billed.iter().sum::<Decimal>();
    if !rest.is_zero() {
        parts.push((To::NoKey, Basis::Billed, Money::from_decimal(rest)));
    }
    parts
}

/// The money a walk over key parts is read in.
#[derive(Clone, Copy)]
pub(crate) enum Amounts<'a> {
    /// Converted to one currency.
    In(Currency, &'a Rates),
    /// Each line in the currency it was billed in (FOCUS).
    AsBilled,
}

/// One key's part of a billed line.
pub(crate) struct Part<'a> {
    pub account: &'a Account,
    pub day: NaiveDate,
    pub project: &'a str,
    pub model: &'a str,
    /// Set when the parts are read by line item.
    pub line_item: Option<&'a str>,
    /// `""`: no key.
    pub key_id: &'a str,
    pub info: Option<&'a ApiKeyInfo>,
    pub basis: Basis,
    pub cost: Money,
    pub currency: Currency,
}

impl Part<'_> {
    /// The part's value of `dim`, as a view groups it.
    pub(crate) fn value(&self, dim: Dim) -> KeyValue {
        match dim {
            Dim::Provider => KeyValue::Provider(self.account.provider),
            Dim::Workspace => KeyValue::Text(self.account.workspace.clone()),
            Dim::Project => KeyValue::Text(self.project.to_string()),
            Dim::Model => KeyValue::Text(self.model.to_string()),
            Dim::LineItem => KeyValue::Text(self.line_item.unwrap_or_default().to_string()),
            Dim::Day => KeyValue::Day(self.day),
            Dim::Week => week_of(self.day),
            Dim::Month => {
                KeyValue::Month { year: chrono::Datelike::year(&self.day), month: chrono::Datelike::month(&self.day) }
            }
            Dim::Basis => KeyValue::Text(self.basis.as_str().to_string()),
            Dim::Key => KeyValue::Text(key_text(self.key_id, self.info)),
            Dim::Person => KeyValue::Text(self.person()),
            _ => KeyValue::Text(String::new()),
        }
    }

    /// The key's owner, as `--by person` names it.
    pub(crate) fn person(&self) -> String {
        person_text(self.key_id, self.info)
    }

    /// The line teams' rules are matched against: the part's line, key and person.
    pub(crate) fn team_line(&self, names: &HashMap<(String, String, String), String>) -> Line {
        let text = |dim: Dim| self.value(dim).to_string();
        let mut line = Line::from_key(Line::DIMS.map(text), names);
        line.key_id = self.key_id.to_string();
        line.key_name = self.info.map_or_else(String::new, |k| k.name.clone());
        line.person = self.person();
        line
    }
}

/// The lines teams are allocated from when their rules look at keys or people: every billed
/// line by line item, split by key, grouped by `other` (the view's dimensions besides team and
/// cost centre), with the rates used.
pub(crate) fn team_lines(
    store: &Store,
    query: &CostQuery,
    other: &[Dim],
    currency: Currency,
    rates: &Rates,
) -> Result<(Vec<super::cost_row::GroupedLine>, Vec<FxUse>)> {
    let names = store.project_names()?;
    let with_owner = other.contains(&Dim::Project);
    let mut summed: BTreeMap<(GroupKey, Line), Money> = BTreeMap::new();
    let fx = each_part(store, query, Amounts::In(currency, rates), true, |part| {
        let group = GroupKey {
            values: other.iter().map(|d| part.value(*d)).collect(),
            owner: with_owner.then(|| part.account.clone()),
        };
        let sum = summed.entry((group, part.team_line(&names))).or_insert(Money::ZERO);
        *sum = sum.checked_add(part.cost).ok_or_else(|| Error::Storage("a key's spend overflows".into()))?;
        Ok(())
    })?;
    Ok((summed.into_iter().map(|((group, line), cost)| (group, line, cost)).collect(), fx))
}

/// Calls `each` with every key's part of every billed line of `query`'s accounts and range (by
/// line item too when `by_line_item`); returns the rates used.
pub(crate) fn each_part(
    store: &Store,
    query: &CostQuery,
    amounts: Amounts<'_>,
    by_line_item: bool,
    mut each: impl FnMut(&Part<'_>) -> Result<()>,
) -> Result<Vec<FxUse>> {
    let mut grain = GRAIN.to_vec();
    if by_line_item {
        grain.push(Dim::LineItem);
    }
    let (costs, fx) = match amounts {
        Amounts::In(currency, rates) => {
            let base = CostQuery { group_by: grain, estimates: false, ..query.clone() };
            store.aggregate_costs_in(&base, currency, rates)?
        }
        Amounts::AsBilled => {
            grain.push(Dim::Currency);
            (store.aggregate_costs(&CostQuery { group_by: grain, estimates: false, ..query.clone() })?, Vec::new())
        }
    };
    let usage: HashMap<KeyLine, Vec<KeyUse>> = store.key_usage(&query.accounts, query.range)?;
    let keys: HashMap<(Account, String), ApiKeyInfo> = store.api_keys(&query.accounts)?;
    let table = crate::prices::PriceTable::built_in();
    let mut line = KeyLine {
        account: Account::new(crate::providers::ProviderKind::OpenAi, String::new()),
        day: NaiveDate::MIN,
        project_id: String::new(),
        model: String::new(),
    };
    for (key, amount) in costs {
        let (
            [
                KeyValue::Provider(provider),
                KeyValue::Text(workspace),
                KeyValue::Day(day),
                KeyValue::Text(project),
                KeyValue::Text(model),
            ],
            rest,
        ) = (key.values.get(..5).unwrap_or_default(), key.values.get(5..).unwrap_or_default())
        else {
            continue;
        };
        let line_item = rest.iter().find_map(|v| match v {
            KeyValue::Text(t) if by_line_item => Some(t.as_str()),
            _ => None,
        });
        let currency = match (amounts, rest.last()) {
            (Amounts::In(currency, _), _) => currency,
            (Amounts::AsBilled, Some(KeyValue::Currency(c))) => *c,
            (Amounts::AsBilled, _) => continue,
        };
        if line.account.provider != *provider || line.account.workspace != *workspace {
            line.account = Account::new(*provider, workspace.clone());
        }
        line.day = *day;
        line.project_id.clone_from(project);
        line.model.clone_from(model);
        let uses: &[KeyUse] = usage.get(&line).map_or(&[], Vec::as_slice);
        let rates_of_model =
            provider.info().price_list.and_then(|list| table.find(list, model)).and_then(|m| m.on(*day));
        let weights: Vec<Decimal> = uses.iter().map(|k| weight(rates_of_model.as_ref(), &k.totals)).collect();
        // Keys' bills are in dollars (OpenRouter's): in another currency they weigh the line.
        let as_weights = by_line_item || currency != Currency::USD;
        for (to, basis, cost) in parts_of(amount, uses, &weights, as_weights) {
            let key_id = match to {
                To::Key(i) => uses.get(i).map_or("", |u| u.key_id.as_str()),
                To::NoKey => "",
            };
            let info = keys.get(&(line.account.clone(), key_id.to_string()));
            each(&Part {
                account: &line.account,
                day: *day,
                project,
                model,
                line_item,
                key_id,
                info,
                basis,
                cost,
                currency,
            })?;
        }
    }
    Ok(fx)
}

/// The key rows (unsorted, without shares) and the rates used.
pub(crate) fn rows(
    store: &Store,
    query: &CostQuery,
    currency: Currency,
    rates: &Rates,
    labels: &Labels,
) -> Result<(Vec<CostRow>, Vec<FxUse>)> {
    let mut summed: BTreeMap<(Vec<KeyValue>, Option<Account>), Money> = BTreeMap::new();
    let by_line_item = query.group_by.contains(&Dim::LineItem);
    let with_owner = query.group_by.contains(&Dim::Project);
    let fx = each_part(store, query, Amounts::In(currency, rates), by_line_item, |part| {
        let values: Vec<KeyValue> = query.group_by.iter().map(|dim| part.value(*dim)).collect();
        let owner = with_owner.then(|| part.account.clone());
        let sum = summed.entry((values, owner)).or_insert(Money::ZERO);
        *sum = sum.checked_add(part.cost).ok_or_else(|| Error::Storage("a key's spend overflows".into()))?;
        Ok(())
    })?;
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
        let parts = split(amount, &[Decimal::ONE, Decimal::ONE, Decimal::ONE]);
        let sum: Money = parts.iter().map(|p| p.2).sum();
        assert_eq!(sum, amount);
        assert!(parts.iter().all(|p| p.1 == Basis::Allocated));
        assert_eq!(split(amount, &[]), vec![(To::NoKey, Basis::Billed, amount)]);
        assert_eq!(split(amount, &[Decimal::ZERO])[0].0, To::NoKey);
    }
}
