//! The dashboard's use case: everything one screen shows for a scope and period, loaded from
//! the cache as it is (the dashboard syncs on its own, so a screen never waits on a provider).

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::app::views::CostView;
use crate::budget;
use crate::budget::BudgetRow;
use crate::domain::{Account, DateRange, Dim, Money};
use crate::error::Result;
use crate::report::previous_period;
use crate::store::{CostQuery, Store};

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ModelRow {
    pub model: String,
    pub provider: String,
    pub cost: Money,
    #[serde(with = "crate::domain::wire::decimal")]
    pub share: Decimal,
    pub input_tokens: u64,
    pub output_tokens: u64,
    pub requests: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProjectRow {
    pub id: String,
    pub name: String,
    pub owner: Account,
    pub cost: Money,
}

/// A team's allocated spend in the period (direct claims and parts of shared costs).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TeamRow {
    pub name: String,
    pub cost_center: Option<String>,
    pub cost: Money,
}

/// A person's spend in the period: the owner of the API keys it was allocated to, as
/// `costs --by person` has it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PersonRow {
    pub person: String,
    pub cost: Money,
}

/// Today so far, with llmcost's estimate where the bill has not arrived (`costs --today`'s
/// answer): what the Total card says next to the period's bill.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TodayCard {
    /// Today's spend, each account's estimate standing in for its bill until the bill arrives.
    pub with_estimates: Money,
    /// Of it, estimated.
    pub estimated: Money,
    /// Today's partial bill, as the period's total counts it.
    pub billed: Money,
    /// The estimates' typical error (the largest of the accounts estimated), when measured.
    #[serde(default, with = "crate::domain::wire::opt_decimal")]
    pub typical_percent: Option<Decimal>,
    /// The oldest refresh of today's estimates.
    pub refreshed_at: Option<DateTime<Utc>>,
}

/// Everything one screen shows.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Snapshot {
    /// The days shown: the period up to today.
    pub range: DateRange,
    pub total: Money,
    pub previous_total: Money,
    /// A projection to the period's end, when the period is not over.
    pub forecast: Option<Money>,
    pub daily: Vec<(NaiveDate, Money)>,
    pub models: Vec<ModelRow>,
    pub projects: Vec<ProjectRow>,
    pub budgets: Vec<BudgetRow>,
    /// The config's teams and what they spent in the scope shown (empty without `[[teams]]`).
    pub teams: Vec<TeamRow>,
    pub updated_at: Option<DateTime<Utc>>,
    /// Days of the period never fetched, over all accounts.
    pub missing_days: u64,
    /// Today so far with estimates, when the period includes today.
    #[serde(default)]
    pub today: Option<Box<TodayCard>>,
    /// Each person's allocated spend, largest first (empty when no provider reports keys).
    #[serde(default)]
    pub people: Vec<PersonRow>,
    /// Each person's coding-assistant activity with the vendor's estimate (Claude Code), as
    /// `llmcost activity` shows it for the period: beside the bill, never in the total (empty
    /// without an activity account in the query).
    #[serde(default)]
    pub activity: Vec<ActivityRow>,
}

/// A person's (or API key's) activity and estimated cost in the period.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ActivityRow {
    pub person: String,
    pub sessions: u64,
    /// The vendor's estimate, in its own currency (never converted: it is no bill).
    pub estimated: Money,
    pub currency: crate::domain::Currency,
}

/// The question a load answers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Query {
    /// The currency amounts are shown in; others are converted with the cached ECB rates.
    pub currency: crate::domain::Currency,
    pub accounts: Vec<Account>,
    /// A project id; `None` is all.
    pub project: Option<String>,
    /// The visible days (period up to today).
    pub range: DateRange,
    /// The period's last day, which may be after today.
    pub period_end: NaiveDate,
    pub today: NaiveDate,
    /// Days whose bill has not arrived show their estimate, labelled (the dashboard's default).
    #[serde(default)]
    pub estimates: bool,
    /// Accounts that report people's activity (Claude Code), shown in their own pane.
    #[serde(default)]
    pub activity: Vec<Account>,
}

impl Query {
    fn cost_query(&self, range: DateRange, group_by: Vec<Dim>) -> CostQuery {
        CostQuery {
            accounts: self.accounts.clone(),
            projects: self.project.iter().cloned().collect(),
            models: vec![],
            range,
            group_by,
            // The period's figures are the bill; today's estimate has its own card.
            estimates: false,
        }
    }
}

/// The cached ECB rates that convert what `q` covers into `to` (never 1:1).
/// Sums in `to`, other currencies converted with the cached ECB rates.
fn sums_in(store: &Store, q: &CostQuery, to: crate::domain::Currency) -> Result<Vec<(crate::store::GroupKey, Money)>> {
    Ok(store.aggregate_costs_in(q, to, &store.cached_rates(q, to)?)?.0)
}

/// The period's spend by provider and model: the model table, and what `e` exports.
fn models_view(store: &Store, q: &Query) -> Result<CostView> {
    let cq = q.cost_query(q.range, vec![Dim::Provider, Dim::Model]);
    CostView::build_in(store, &cq, q.today, vec![], q.currency, &store.cached_rates(&cq, q.currency)?)
}

pub fn load(store: &Store, q: &Query) -> Result<Snapshot> {
    let view = models_view(store, q)?;
    let models = view
        .rows
        .iter()
        .map(|r| {
            let u = r.usage.unwrap_or_default();
            ModelRow {
                provider: r.value(Dim::Provider).to_string(),
                model: r.value(Dim::Model).to_string(),
                cost: r.cost,
                share: r.share,
                input_tokens: u.input_tokens,
                output_tokens: u.output_tokens,
                requests: u.requests_known().then_some(u.requests),
            }
        })
        .collect();
    let previous: Money = sums_in(store, &q.cost_query(previous_period(q.range), vec![Dim::Provider]), q.currency)?
        .into_iter()
        .map(|(_, m)| m)
        .sum();
    // The days of the period and the forecast's run-rate window before it (the budgets' series).
    let series = budget::forecast_series(q.range.since, q.range.until, q.today);
    let mut daily: Vec<(NaiveDate, Money)> = series.days().map(|d| (d, Money::ZERO)).collect();
    for (key, cost) in sums_in(store, &q.cost_query(series, vec![Dim::Day]), q.currency)? {
        let day = key.values.first().and_then(crate::store::KeyValue::day);
        if let Some(slot) = daily.iter_mut().find(|(d, _)| Some(*d) == day) {
            slot.1 = cost;
        }
    }
    let forecast = (q.period_end >= q.today && q.range.contains(q.today))
        .then(|| budget::forecast(&daily, DateRange::new(q.range.since, q.period_end), q.today).total);
    // The chart shows the period's own days.
    daily.retain(|(d, _)| q.range.contains(*d));
    let mut projects: Vec<ProjectRow> = store
        .project_spend_in(&q.accounts, q.range, q.currency, None)?
        .into_iter()
        .filter(|p| !p.info.id.is_empty())
        .map(|p| ProjectRow {
            name: if p.info.name.is_empty() { p.info.id.clone() } else { p.info.name },
            id: p.info.id,
            owner: p.account,
            cost: p.cost,
        })
        .collect();
    projects.sort_by(|a, b| b.cost.cmp(&a.cost).then_with(|| a.name.cmp(&b.name)));
    Ok(Snapshot {
        range: q.range,
        total: view.total,
        previous_total: previous,
        forecast,
        daily,
        models,
        projects,
        budgets: Vec::new(),
        teams: Vec::new(),
        updated_at: view.updated_at,
        missing_days: view.missing_days.iter().map(|m| m.days).sum(),
        today: today_card(store, q)?,
        people: people(store, q)?,
        activity: activity(store, q)?,
    })
}

/// The period's activity per person (`llmcost activity`'s view), when the query has such accounts.
fn activity(store: &Store, q: &Query) -> Result<Vec<ActivityRow>> {
    if q.activity.is_empty() {
        return Ok(Vec::new());
    }
    let by = super::activity::ActivityBy::Person;
    let view = super::activity::read(store, q.activity.clone(), q.range, by, q.today)?;
    Ok(view
        .lines
        .into_iter()
        .map(|l| ActivityRow {
            person: l.key,
            sessions: l.work.map_or(0, |w| w.sessions),
            estimated: l.estimated,
            currency: l.currency,
        })
        .collect())
}

/// The period's spend per person (`costs --by person`), when a provider reports keys.
fn people(store: &Store, q: &Query) -> Result<Vec<PersonRow>> {
    if !store.has_key_usage(&q.accounts)? {
        return Ok(Vec::new());
    }
    let cq = q.cost_query(q.range, vec![Dim::Person]);
    let labels = super::views::cost_row::Labels::new(Default::default(), q.today, q.range);
    let rates = store.cached_rates(&cq, q.currency)?;
    let (rows, _) = super::views::key_rows::rows(store, &cq, q.currency, &rates, &labels)?;
    let mut people: Vec<PersonRow> =
        rows.into_iter().map(|r| PersonRow { person: r.value(Dim::Person).to_string(), cost: r.cost }).collect();
    people.sort_by(|a, b| b.cost.cmp(&a.cost).then_with(|| a.person.cmp(&b.person)));
    Ok(people)
}

/// Today with estimates (the same query as `costs --today`), and today's partial bill.
fn today_card(store: &Store, q: &Query) -> Result<Option<Box<TodayCard>>> {
    if !q.estimates || !q.range.contains(q.today) {
        return Ok(None);
    }
    let today = DateRange::new(q.today, q.today);
    let cq = q.cost_query(today, vec![]);
    let rates = store.cached_rates(&cq, q.currency)?;
    let (with_estimates, estimated) = super::estimates::with_estimated(store, &cq, q.currency, &rates)?;
    let billed = sums_in(store, &q.cost_query(today, vec![]), q.currency)?.into_iter().map(|(_, m)| m).sum();
    let open = super::estimates::open_estimates(store, &q.accounts, q.today, q.today)?;
    Ok(Some(Box::new(TodayCard {
        with_estimates,
        estimated,
        billed,
        typical_percent: open.iter().filter_map(|e| e.typical_percent).max(),
        refreshed_at: open.iter().filter_map(|e| e.refreshed_at).min(),
    })))
}

/// The scope's spend allocated to `teams` (largest first, unallocated last), as `llmcost teams`
/// computes it.
pub fn teams(
    store: &Store,
    q: &Query,
    teams: &[crate::teams::Team],
    shared: &[crate::teams::SharedCost],
) -> Result<Vec<TeamRow>> {
    if teams.is_empty() {
        return Ok(Vec::new());
    }
    let rates = store.cached_rates(&q.cost_query(q.range, vec![]), q.currency)?;
    let mut lines = crate::app::teams::lines(store, &q.accounts, q.range, q.currency, &rates, (teams, shared))?;
    if let Some(project) = &q.project {
        lines.retain(|(l, _)| l.project_id == *project);
    }
    let allocation = crate::teams::allocate::allocate(teams, shared, &lines);
    let mut rows: Vec<TeamRow> = allocation
        .teams
        .into_iter()
        .map(|(name, spend)| TeamRow {
            cost_center: teams.iter().find(|t| t.name == name).and_then(|t| t.cost_center.clone()),
            name,
            cost: spend.total(),
        })
        .collect();
    rows.sort_by_key(|r| (r.name == crate::teams::UNALLOCATED, std::cmp::Reverse(r.cost)));
    Ok(rows)
}

/// The view `e` exports: the period's spend by provider and model, the models `filter`
/// matches (a case-insensitive substring), with its total.
pub fn export_view(store: &Store, q: &Query, filter: &str) -> Result<CostView> {
    let mut view = models_view(store, q)?;
    let needle = filter.to_lowercase();
    if !needle.is_empty() {
        view.rows.retain(|r| r.value(Dim::Model).to_lowercase().contains(&needle));
        view.total = view.rows.iter().map(|r| r.cost).sum();
    }
    Ok(view)
}

/// [`export_view`] from the cache as it is.
pub fn export(app: &crate::app::App, q: &Query, filter: &str) -> Result<CostView> {
    export_view(&app.open_store()?, q, filter)
}

/// The dashboard's `r` (and its refresh every minute): the accounts shown, synced for the
/// period shown, and today's estimates refreshed when the period includes today (its own cache
/// connection: the dashboard keeps drawing meanwhile). Estimates that could not be refreshed
/// are warnings beside the outcomes.
pub fn sync(
    app: &crate::app::App,
    accounts: &[Account],
    range: DateRange,
    refresh: bool,
) -> Result<(Vec<crate::sync::AccountSync>, Vec<String>)> {
    let mut store = app.open_store()?;
    let outcomes = super::sync::sync_accounts(app, &mut store, accounts, range, refresh)?;
    let mut warnings = Vec::new();
    if range.contains(app.clock.today()) {
        warnings = super::live::refresh(app, &mut store, accounts, false)?
            .failed
            .into_iter()
            .map(|f| format!("today's estimate not refreshed: {f}"))
            .collect();
    }
    Ok((outcomes, warnings))
}

/// One screen, with the budgets of the period shown and the teams' spend: what the dashboard
/// asks on every load.
pub fn run(app: &crate::app::App, query: &Query) -> Result<Snapshot> {
    let store = app.open_store()?;
    let mut snapshot = load(&store, query)?;
    let projects: Vec<String> = query.project.iter().cloned().collect();
    snapshot.budgets = super::budgets::relevant(app, &store, &query.accounts, &projects, &[], query.range.until);
    snapshot.teams = teams(&store, query, &app.config.teams, &app.config.shared_costs)?;
    Ok(snapshot)
}

/// Before the dashboard opens: this year's exchange rates, fetched now when the cache lacks
/// them (the dashboard converts with cached rates only).
pub fn prefetch_rates(app: &crate::app::App, currency: crate::domain::Currency, offline: bool) -> Result<()> {
    if app.is_demo() {
        return Ok(());
    }
    let mut store = app.open_store()?;
    let today = app.clock.today();
    let accounts = app.select(&[], &[])?;
    let range =
        DateRange::new(chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 1, 1).unwrap_or(today), today);
    let q = CostQuery::all(accounts, range, vec![]);
    super::fx::rates_for(app, &mut store, &q, currency, offline)?;
    Ok(())
}
