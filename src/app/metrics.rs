//! The metrics use case: what the exporter and `llmcost metrics` publish (this month's and
//! today's spend per provider, workspace, project and model, project names, budget verdicts,
//! when each account last synced), read from the cache as it is.

use chrono::{DateTime, Utc};

use super::App;
use super::answer::Answer;
use crate::budget::BudgetRow;
use crate::domain::{Account, Currency, DateRange, Dim, Money};
use crate::error::Result;
use crate::store::{CostQuery, Store};

/// Spend of one provider, workspace, project and model.
#[derive(Clone, Debug)]
pub(crate) struct SpendSample {
    pub provider: String,
    pub workspace: String,
    pub project: String,
    pub model: String,
    pub cost: Money,
    /// Today's samples: `billed` or `estimate` (an account's estimate stands in for its partial
    /// bill until the bill arrives, as `costs --today` shows it); `None` for the month's bill.
    pub basis: Option<String>,
}

/// Everything the exposition shows.
#[derive(Clone, Debug)]
pub(crate) struct MetricsView {
    pub currency: Currency,
    pub spend_month: Vec<SpendSample>,
    pub spend_today: Vec<SpendSample>,
    /// This month's spend per person (the owners of the API keys it was allocated to), where
    /// the providers report usage per key: `project` empty, `model` the person.
    pub spend_month_by_person: Vec<SpendSample>,
    /// `((provider, workspace, project id), name)` of the configured accounts' projects.
    pub project_names: Vec<((String, String, String), String)>,
    /// Every configured budget, evaluated for its current period (the same verdict `budgets`
    /// gives: no data is never ok).
    pub budgets: Vec<BudgetRow>,
    pub last_sync: Vec<(Account, Option<DateTime<Utc>>)>,
    /// This month's coding-assistant activity per person (Claude Code's analytics), with the
    /// vendor's estimate, one view per account: the view `llmcost activity --month` shows.
    pub activity_month: Vec<super::activity::ActivityView>,
}

/// This month to date (UTC days).
fn this_month(app: &App) -> DateRange {
    let today = app.clock.today();
    DateRange::new(crate::domain::period::first_of_month(today), today)
}

fn samples(
    store: &Store,
    accounts: &[Account],
    range: DateRange,
    currency: Currency,
    estimates: bool,
) -> Result<Vec<SpendSample>> {
    let mut dims = vec![Dim::Provider, Dim::Workspace, Dim::Project, Dim::Model];
    if estimates {
        dims.push(Dim::Basis);
    }
    let q = CostQuery { estimates, ..CostQuery::all(accounts.to_vec(), range, dims) };
    // In `currency`: other currencies converted with the cached ECB rates.
    let rates = store.cached_rates(&q, currency)?;
    let mut out = Vec::new();
    for (key, cost) in store.aggregate_costs_in(&q, currency, &rates)?.0 {
        let [provider, workspace, project, model, rest @ ..] = key.values.as_slice() else { continue };
        let [provider, workspace, project, model] = [provider, workspace, project, model].map(ToString::to_string);
        let basis = rest.first().map(ToString::to_string);
        out.push(SpendSample { provider, workspace, project, model, cost, basis });
    }
    Ok(out)
}

/// Spend per provider, workspace and person (`costs --by provider,workspace,person`), each with
/// its basis (`allocated` between keys, or `billed` for spend no key used).
fn by_person(store: &Store, accounts: &[Account], range: DateRange, currency: Currency) -> Result<Vec<SpendSample>> {
    let q = CostQuery::all(accounts.to_vec(), range, vec![Dim::Provider, Dim::Workspace, Dim::Person, Dim::Basis]);
    let rates = store.cached_rates(&q, currency)?;
    let labels = super::views::cost_row::Labels::new(Default::default(), range.until, range);
    let (rows, _) = super::views::key_rows::rows(store, &q, currency, &rates, &labels)?;
    Ok(rows
        .into_iter()
        .map(|r| SpendSample {
            provider: r.value(Dim::Provider).to_string(),
            workspace: r.value(Dim::Workspace).to_string(),
            project: String::new(),
            model: r.value(Dim::Person).to_string(),
            cost: r.cost,
            basis: Some(r.value(Dim::Basis).to_string()),
        })
        .collect())
}

/// The metrics from the cache as it is (a scrape never waits on a provider).
pub(crate) fn snapshot(app: &App, currency: Currency) -> Result<MetricsView> {
    let store = app.open_store()?;
    view_of(app, &store, currency)
}

fn view_of(app: &App, store: &Store, currency: Currency) -> Result<MetricsView> {
    let accounts = app.accounts();
    let today = app.clock.today();
    let (spend_month, spend_today) = if accounts.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        (
            samples(store, &accounts, this_month(app), currency, false)?,
            samples(store, &accounts, DateRange::single(today), currency, true)?,
        )
    };
    let spend_month_by_person = if store.has_key_usage(&accounts)? {
        by_person(store, &accounts, this_month(app), currency)?
    } else {
        Vec::new()
    };
    let mut project_names: Vec<_> = store
        .project_names()?
        .into_iter()
        .filter(|((p, w, _), _)| accounts.iter().any(|a| a.provider.id() == p && &a.workspace == w))
        .collect();
    project_names.sort();
    let budgets = if app.config.budgets.is_empty() {
        Vec::new()
    } else {
        super::budgets::evaluate(app, store, &app.config.budgets)?
    };
    let mut last_sync = Vec::new();
    for a in accounts {
        let at = store.last_sync(a.provider.id(), &a.workspace)?;
        last_sync.push((a, at));
    }
    // One view per account, so each gauge names its account.
    let mut activity_month = Vec::new();
    for account in super::activity::configured(app) {
        let by = super::activity::ActivityBy::Person;
        activity_month.push(super::activity::read(store, vec![account], this_month(app), by, app.clock.today())?);
    }
    Ok(MetricsView {
        currency,
        spend_month,
        spend_today,
        spend_month_by_person,
        project_names,
        budgets,
        last_sync,
        activity_month,
    })
}

/// `llmcost metrics`: this month synced first (unless offline), with its rates, then the view.
pub(crate) fn refreshed(app: &App, offline: bool, currency: Currency) -> Result<Answer<MetricsView>> {
    let mut store = app.open_store()?;
    let accounts = app.accounts();
    let failed = if accounts.is_empty() {
        Vec::new()
    } else {
        let range = this_month(app);
        let failed = super::select::refresh(app, &mut store, &accounts, range, offline, false)?;
        super::fx::rates_for(app, &mut store, &CostQuery::all(accounts, range, vec![]), currency, offline)?;
        failed
    };
    Ok(Answer { view: view_of(app, &store, currency)?, failed })
}

/// The exporter's periodic sync: this month (today included) for every account, today's
/// estimates, and the rates
/// its scrapes convert with, off the scrape path. Returns each account's outcome.
pub(crate) fn sync_month(app: &App, currency: Currency) -> Result<Vec<crate::sync::AccountSync>> {
    let accounts = app.accounts();
    if accounts.is_empty() || app.is_demo() {
        return Ok(Vec::new());
    }
    let range = this_month(app);
    let mut store = app.open_store()?;
    let outcomes = super::sync::sync_accounts(app, &mut store, &accounts, range, false)?;
    // Today's estimates too, which the today gauges show until the bill arrives.
    for failed in super::live::refresh(app, &mut store, &accounts, false)?.failed {
        app.note(&format!("today's estimate not refreshed: {failed}"));
    }
    if let Err(e) = super::fx::rates_for(app, &mut store, &CostQuery::all(accounts, range, vec![]), currency, false) {
        app.note(&format!("exchange rates: {e}"));
    }
    Ok(outcomes)
}

/// The exporter's minute: today's estimates of every account refreshed (providers are asked at
/// most once a minute per account); the accounts whose estimate could not be.
pub(crate) fn refresh_today(app: &App) -> Vec<String> {
    let accounts = app.accounts();
    if accounts.is_empty() || app.is_demo() {
        return Vec::new();
    }
    match app.open_store().and_then(|mut store| super::live::refresh(app, &mut store, &accounts, false)) {
        Ok(done) => done.failed,
        Err(e) => vec![e.to_string()],
    }
}
