//! Budget evaluation from the cache: which accounts and projects a budget covers, its status,
//! and the budgets a view should mention. Used by `costs`, `projects`, `report`, `budgets` and
//! the dashboard.

use super::App;
use crate::budget::BudgetRow;
use crate::budget::{self, Budget, Status};
use crate::domain::Account;
use crate::error::{Error, Result};
use crate::store::{CostQuery, Store};

/// The accounts a budget covers.
pub(crate) fn budget_accounts(app: &App, b: &Budget) -> Result<Vec<Account>> {
    let providers: Vec<String> = b.scope.provider.iter().map(|p| p.id().to_string()).collect();
    let workspaces: Vec<String> = b.scope.workspace.iter().cloned().collect();
    app.select(&providers, &workspaces).map_err(|e| match e {
        Error::Usage(m) | Error::Config(m) => Error::Config(format!("budget '{}': {m}", b.name)),
        other => other,
    })
}

/// The estimated part of a budget's spend over its period up to `as_of`, in the budget's
/// currency (estimates are in dollars; other currencies convert with the cached rates).
fn estimated_part(
    store: &Store,
    query: &CostQuery,
    period: crate::domain::DateRange,
    as_of: chrono::NaiveDate,
) -> Result<crate::domain::Money> {
    let range = crate::domain::DateRange::new(period.since, as_of.min(period.until).max(period.since));
    let q = CostQuery { range, ..query.clone() };
    let usd = crate::domain::Currency::USD;
    Ok(super::estimates::with_estimated(store, &q, usd, &store.cached_rates(&q, usd)?)?.1)
}

/// Evaluates budgets from the cache as it is, for their current periods.
pub(crate) fn evaluate(app: &App, store: &Store, budgets: &[Budget]) -> Result<Vec<BudgetRow>> {
    evaluate_as_of(app, store, budgets, app.clock.today())
}

/// Evaluates each budget for its period containing `as_of` (the last day a view shows): the
/// one rule for which period's budget a view shows.
pub(crate) fn evaluate_as_of(
    app: &App,
    store: &Store,
    budgets: &[Budget],
    as_of: chrono::NaiveDate,
) -> Result<Vec<BudgetRow>> {
    let today = app.clock.today();
    let as_of = as_of.min(today);
    let mut rows = Vec::new();
    for b in budgets {
        let accounts = budget_accounts(app, b)?;
        let projects = match &b.scope.project {
            Some(p) => super::select::resolve_projects(store, &accounts, std::slice::from_ref(p))
                .map_err(|e| Error::Config(format!("budget '{}': {e}", b.name)))?,
            None => vec![],
        };
        let range = budget::needed_days(b, as_of);
        let query = CostQuery {
            accounts: accounts.clone(),
            projects,
            models: b.scope.model.iter().cloned().collect(),
            range,
            group_by: vec![crate::domain::Dim::Day],
            estimates: b.include_estimate,
        };
        if b.scope.key.is_some() || b.scope.person.is_some() {
            for (one, daily) in super::key_budgets::series(store, b, &query, today)? {
                let mut status: Status = budget::evaluate_as_of(&one, &daily, as_of, today);
                let missing = missing_data(app, store, &accounts, status.period, today)?;
                status.level = status.level.with_missing(missing.len(), counted(&accounts));
                let projects = query.projects.clone();
                let accounts = accounts.clone();
                rows.push(BudgetRow {
                    budget: one,
                    status,
                    accounts,
                    missing,
                    projects,
                    braked: None,
                    estimated: None,
                });
            }
            continue;
        }
        // Spend in the budget's currency: other currencies converted with the cached ECB rates.
        let rates = store.cached_rates(&query, b.currency)?;
        if let Some(team) = &b.scope.team {
            let period = budget::current_period(b.period, b.start_day, as_of);
            let period = crate::domain::DateRange::new(period.since, as_of.min(period.until));
            let daily = super::teams::team_daily(app, store, &accounts, range, period, b.currency, &rates, team)?;
            let mut status: Status = budget::evaluate_as_of(b, &daily, as_of, today);
            let missing = missing_data(app, store, &accounts, status.period, today)?;
            status.level = status.level.with_missing(missing.len(), counted(&accounts));
            rows.push(BudgetRow {
                budget: b.clone(),
                status,
                accounts,
                missing,
                projects: vec![],
                braked: None,
                estimated: None,
            });
            continue;
        }
        let daily: Vec<_> = store
            .aggregate_costs_in(&query, b.currency, &rates)?
            .0
            .into_iter()
            .filter_map(|(key, cost)| Some((key.values.first()?.day()?, cost)))
            .collect();
        let mut status: Status = budget::evaluate_as_of(b, &daily, as_of, today);
        let missing = missing_data(app, store, &accounts, status.period, today)?;
        status.level = status.level.with_missing(missing.len(), counted(&accounts));
        let estimated =
            if b.include_estimate { Some(estimated_part(store, &query, status.period, as_of)?) } else { None };
        rows.push(BudgetRow {
            budget: b.clone(),
            status,
            accounts,
            missing,
            projects: query.projects,
            braked: None,
            estimated,
        });
    }
    Ok(rows)
}

/// The accounts a verdict counts: every account in scope but imported ones, which have no
/// days to fetch (what was imported is what there is), unless the scope is imported only.
fn counted(accounts: &[Account]) -> usize {
    let fetched = accounts.iter().filter(|a| !a.provider.is_imported()).count();
    if fetched == 0 { accounts.len() } else { fetched }
}

/// Accounts in scope with no data for `period` up to the newest day their provider serves:
/// never fetched (no key, a missing CI secret, never synced). The one rule every front end's
/// verdict goes through, so "no data" is never shown as "ok".
pub(crate) fn missing_data(
    app: &App,
    store: &Store,
    accounts: &[Account],
    period: crate::domain::DateRange,
    today: chrono::NaiveDate,
) -> Result<Vec<Account>> {
    let mut missing = Vec::new();
    if app.is_demo() {
        return Ok(missing);
    }
    for account in accounts.iter().filter(|a| !a.provider.is_imported()) {
        let (_, newest) = account.provider.servable_days(today);
        let until = newest.min(period.until);
        if until < period.since {
            continue;
        }
        if store.synced_days(account.provider.id(), &account.workspace, period.since, until)?.is_empty() {
            missing.push(account.clone());
        }
    }
    Ok(missing)
}

/// Budgets whose scope lies within what a `costs`, `projects` or `report` view shows.
/// Each is evaluated for its period containing `as_of`, the view's last day.
pub(crate) fn relevant(
    app: &App,
    store: &Store,
    shown: &[Account],
    projects: &[String],
    models: &[String],
    as_of: chrono::NaiveDate,
) -> Vec<BudgetRow> {
    // A key's or a person's budget is about them, not about the view's scope: `budgets` shows it.
    let budgets: Vec<Budget> =
        app.config.budgets.iter().filter(|b| b.scope.key.is_none() && b.scope.person.is_none()).cloned().collect();
    let rows = match evaluate_as_of(app, store, &budgets, as_of) {
        Ok(rows) => rows,
        Err(e) => {
            app.note(&format!("warning: budgets not shown: {e}"));
            return Vec::new();
        }
    };
    let today = app.clock.today();
    rows.into_iter()
        // A view of a past period shows the budgets whose period it covers, not one still
        // running (a weekly budget has no verdict on November as a whole).
        .filter(|r| as_of >= today || r.status.period.until <= as_of)
        .filter(|r| r.accounts.iter().all(|a| shown.contains(a)))
        // A view narrowed to projects (or models) shows only budgets narrowed to them too.
        .filter(|r| projects.is_empty() || (!r.projects.is_empty() && r.projects.iter().all(|p| projects.contains(p))))
        .filter(|r| models.is_empty() || r.budget.scope.model.as_ref().is_some_and(|m| models.contains(m)))
        .collect()
}

/// `budgets list`, `notify test`: the budgets' verdicts from the cache as it is.
pub(crate) fn status(app: &App, budgets: &[Budget]) -> Result<Vec<BudgetRow>> {
    evaluate(app, &app.open_store()?, budgets)
}

/// What `budgets check` asks: the budgets (empty: all), and whether to sync first.
#[derive(Clone, Debug, Default)]
pub(crate) struct CheckRequest {
    pub names: Vec<String>,
    pub offline: bool,
    /// Every budget counts estimates of days whose bill has not arrived (`--include-estimate`).
    pub include_estimate: bool,
}

/// The verdicts, and what could not be brought up to date for them.
pub(crate) struct Checked {
    pub rows: Vec<BudgetRow>,
    /// Every account that failed to sync.
    pub failed: Vec<String>,
    /// Those of them that are setup problems (a key refused, a missing permission), which
    /// `--fail-open` never lets through.
    pub setup_failures: Vec<String>,
    /// The balance floors (`min_balance`) at each prepaid account they cover.
    pub floors: Vec<super::balances::FloorRow>,
}

impl Checked {
    /// One line per budget and account whose spend was never fetched for its period, and per
    /// budget with no account at all: why a verdict is `no data` or `partial`, never ok.
    pub(crate) fn no_data(&self, offline: bool) -> Vec<String> {
        let mut out = Vec::new();
        for r in &self.rows {
            for account in &r.missing {
                out.push(format!(
                    "budget {}: no data for {account} since {} (never fetched: no key, or never synced): run 'llmcost sync'{}",
                    r.budget.name,
                    r.status.period.since,
                    if offline { " or drop --offline" } else { "" }
                ));
            }
            if r.accounts.is_empty() {
                out.push(format!("budget {}: no account in its scope has a key or imported spend", r.budget.name));
            }
        }
        for f in self.floors.iter().filter(|f| f.level == crate::budget::Level::NoData) {
            out.push(format!(
                "budget {}: no balance of {} in {} (never fetched): run 'llmcost balances'{}",
                f.floor.name,
                f.account,
                f.floor.currency,
                if offline { " without --offline" } else { "" }
            ));
        }
        out
    }
}

/// The budgets named (all when none), each checked by name first so a typo fails before any
/// network.
fn chosen(app: &App, names: &[String]) -> Result<Vec<Budget>> {
    let mut budgets: Vec<Budget> = app.config.budgets.clone();
    let floors = &app.config.balance_floors;
    if budgets.is_empty() && floors.is_empty() {
        return Err(no_budgets());
    }
    for name in names {
        if !budgets.iter().any(|b| &b.name == name) && !floors.iter().any(|f| &f.name == name) {
            let known: Vec<&str> =
                budgets.iter().map(|b| b.name.as_str()).chain(floors.iter().map(|f| f.name.as_str())).collect();
            return Err(Error::Usage(format!("no budget named '{name}': budgets are {}", known.join(", "))));
        }
    }
    if !names.is_empty() {
        budgets.retain(|b| names.contains(&b.name));
    }
    Ok(budgets)
}

/// The balance floors `names` asks for (all when empty), with each prepaid account's balance
/// read now (unless offline), and the accounts whose balance could not be read.
fn floors(app: &App, names: &[String], offline: bool) -> Result<(Vec<super::balances::FloorRow>, Vec<String>)> {
    let floors: Vec<crate::budget::BalanceFloor> =
        app.config.balance_floors.iter().filter(|f| names.is_empty() || names.contains(&f.name)).cloned().collect();
    if floors.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let scope = super::select::Scope { offline, ..super::select::Scope::default() };
    // A balance never fetched is the floor's no-data verdict, not a failure to check.
    let read = super::balances::read(app, &scope)?;
    let rows = super::balances::floors(app, &floors, &read.rows)?;
    Ok((rows, read.failed))
}

/// The error for a command that needs budgets when the config has none.
pub(crate) fn no_budgets() -> Error {
    Error::Config("no budgets defined: add one with 'llmcost budgets add NAME --amount 500 --period month'".into())
}

/// `budgets check`: one sync covering every account any budget needs, over the longest range
/// any needs (unless offline), each budget's rates, then the verdicts.
pub(crate) fn check(app: &App, req: &CheckRequest) -> Result<Checked> {
    let mut budgets = chosen(app, &req.names)?;
    if req.include_estimate {
        // Team budgets are allocated from the bill only (estimates are not allocated to teams).
        budgets.iter_mut().filter(|b| b.scope.team.is_none()).for_each(|b| b.include_estimate = true);
    }
    let today = app.clock.today();
    let mut store = app.open_store()?;
    let mut accounts: Vec<Account> = Vec::new();
    let mut since = today;
    for b in &budgets {
        for a in budget_accounts(app, b)? {
            if !accounts.contains(&a) {
                accounts.push(a);
            }
        }
        since = since.min(budget::needed_days(b, today).since);
    }
    let outcomes = if app.offline(req.offline) {
        Vec::new()
    } else {
        super::sync::sync_accounts(app, &mut store, &accounts, crate::domain::DateRange::new(since, today), false)?
    };
    let failed = super::sync::failures(&outcomes);
    let (_, setup_failures) = super::sync::split_transient(&outcomes);
    let estimating: Vec<Account> = {
        let mut out = Vec::new();
        for b in budgets.iter().filter(|b| b.include_estimate) {
            out.extend(budget_accounts(app, b)?.into_iter().filter(|a| !out.contains(a)).collect::<Vec<_>>());
        }
        out
    };
    // An estimate that could not be refreshed leaves the last one in place: a warning.
    for failed in super::live::refresh(app, &mut store, &estimating, req.offline)?.failed {
        app.note(&format!("warning: today's estimate not refreshed: {failed}"));
    }
    // Budgets in another currency than their spend need that period's ECB rates.
    for b in &budgets {
        let query = CostQuery::all(budget_accounts(app, b)?, budget::needed_days(b, today), vec![]);
        super::fx::rates_for(app, &mut store, &query, b.currency, req.offline)?;
    }
    let rows = evaluate(app, &store, &budgets)?;
    drop(store);
    let (floors, floor_failures) = floors(app, &req.names, req.offline)?;
    let mut failed = failed;
    failed.extend(floor_failures);
    Ok(Checked { rows, failed, setup_failures, floors })
}
