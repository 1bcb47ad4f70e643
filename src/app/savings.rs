//! The facts `optimize`, `reconcile` and the report's savings section need, read from the cache
//! in US dollars (list prices are in dollars): spend per day, project and model from the anomaly
//! window's start, batch line items, and token counts per day.

use std::collections::{BTreeMap, HashMap};

use chrono::Days;

use super::App;
use crate::domain::{Account, Currency, DateRange, Dim, Money, UsageTotals};
use crate::error::Result;
use crate::savings::ModelLine;
use crate::store::{CostQuery, KeyValue, Store};

type Key = (String, String, String, String); // provider, workspace, project, model

/// The period's model lines of `accounts`, converting other currencies to USD with ECB rates.
fn lines(
    app: &App,
    store: &mut Store,
    accounts: &[Account],
    range: DateRange,
    offline: bool,
) -> Result<Vec<ModelLine>> {
    let window = DateRange::new(range.since - Days::new(crate::report::anomaly::WINDOW), range.until);
    let query = |range: DateRange, group_by: Vec<Dim>| CostQuery::all(accounts.to_vec(), range, group_by);
    let daily_dims = vec![Dim::Day, Dim::Provider, Dim::Workspace, Dim::Project, Dim::Model];
    let rates = super::fx::rates_for(app, store, &query(window, daily_dims.clone()), Currency::USD, offline)?;
    let names = store.project_names()?;
    let mut lines: BTreeMap<Key, ModelLine> = BTreeMap::new();
    for (key, cost) in store.aggregate_costs_in(&query(window, daily_dims.clone()), Currency::USD, &rates)?.0 {
        let Some((KeyValue::Day(day), rest)) = key.values.split_first() else { continue };
        let day = *day;
        if let Some(line) = entry(&mut lines, &names, rest) {
            line.daily.push((day, cost));
            if range.contains(day) {
                line.billed += cost;
            }
        }
    }
    let item_dims = vec![Dim::Provider, Dim::Workspace, Dim::Project, Dim::Model, Dim::LineItem];
    for (key, cost) in store.aggregate_costs_in(&query(range, item_dims), Currency::USD, &rates)?.0 {
        let [rest @ .., KeyValue::Text(item)] = key.values.as_slice() else { continue };
        // OpenAI names batch spend `batch | <model>, <kind>`; other providers say "batch" too.
        if item.to_ascii_lowercase().contains("batch")
            && let Some(line) = entry(&mut lines, &names, rest)
        {
            line.batch_billed += cost;
        }
    }
    let usage: HashMap<_, UsageTotals> = store.aggregate_usage(&query(range, daily_dims))?;
    for (key, totals) in usage {
        let Some((KeyValue::Day(day), rest)) = key.values.split_first() else { continue };
        let day = *day;
        if let Some(line) = entry(&mut lines, &names, rest) {
            line.usage.push((day, totals));
        }
    }
    Ok(lines.into_values().collect())
}

/// The line of `provider, workspace, project, model` (created empty).
fn entry<'a>(
    lines: &'a mut BTreeMap<Key, ModelLine>,
    names: &HashMap<(String, String, String), String>,
    v: &[KeyValue],
) -> Option<&'a mut ModelLine> {
    let [KeyValue::Provider(kind), KeyValue::Text(workspace), KeyValue::Text(project), KeyValue::Text(model)] = v
    else {
        return None;
    };
    let (kind, provider) = (*kind, kind.id().to_string());
    let key = (provider.clone(), workspace.clone(), project.clone(), model.clone());
    Some(lines.entry(key).or_insert_with(|| ModelLine {
        provider: kind,
        workspace: workspace.clone(),
        project_id: project.clone(),
        project_name: names.get(&(provider.clone(), workspace.clone(), project.clone())).cloned().unwrap_or_default(),
        model: model.clone(),
        billed: Money::ZERO,
        batch_billed: Money::ZERO,
        usage: Vec::new(),
        daily: Vec::new(),
    }))
}

/// What a savings use case found, and what it was found from.
pub(crate) struct Analysis<T> {
    pub answer: T,
    /// Where the price table came from.
    pub prices: crate::prices::Source,
    /// Accounts that could not be refreshed.
    pub failed: Vec<String>,
    /// No day of the period was ever fetched: nothing was looked at.
    pub no_data: bool,
}

/// The days savings are estimated over when a view is of a period still running (or none was
/// asked for): the last 30 complete UTC days, so a few days of a new month are not extrapolated
/// to 30 and a one-day spike is not called a monthly saving. A closed period is its own window.
pub(crate) fn window_for(range: DateRange, today: chrono::NaiveDate) -> DateRange {
    if range.until < today {
        return range;
    }
    let yesterday = today.pred_opt().unwrap_or(today);
    DateRange::new(yesterday.checked_sub_days(Days::new(29)).unwrap_or(yesterday), yesterday)
}

/// Refreshes what is stale, reads the facts and the price table, and runs `analyse` on them:
/// what every savings use case does.
pub(crate) fn analyse<T>(
    app: &App,
    accounts: &[Account],
    range: DateRange,
    offline: bool,
    refresh: bool,
    analyse: impl FnOnce(&crate::savings::Input<'_>) -> T,
) -> Result<Analysis<T>> {
    let mut store = app.open_store()?;
    let window = DateRange::new(range.since - Days::new(crate::report::anomaly::WINDOW), range.until);
    let failed = super::select::refresh_for_view(app, &mut store, accounts, window, offline, refresh)?;
    let (answer, prices) = analyse_cached(app, &mut store, accounts, range, offline, analyse)?;
    let no_data = !super::select::has_any_data(&store, accounts, range)?;
    Ok(Analysis { answer, prices, failed, no_data })
}

/// [`analyse`] on the cache as it is (the report has refreshed it already); with the price
/// table's source.
pub(crate) fn analyse_cached<T>(
    app: &App,
    store: &mut Store,
    accounts: &[Account],
    range: DateRange,
    offline: bool,
    analyse: impl FnOnce(&crate::savings::Input<'_>) -> T,
) -> Result<(T, crate::prices::Source)> {
    let lines = lines(app, store, accounts, range, offline)?;
    let prices = super::prices::load(app);
    let input = crate::savings::Input {
        range,
        today: app.clock.today(),
        lines,
        prices: &prices,
        batchable: &app.config.optimize.batchable,
    };
    Ok((analyse(&input), prices.source.clone()))
}
