//! The report use case: the period's facts (with the window before it, for comparisons and
//! anomalies), built into a `Report` with its budgets, savings and chargeback.

use chrono::Days;

use super::App;
use crate::domain::{Account, Currency, DateRange, Dim};
use crate::error::Result;
use crate::fx::Rates;
use crate::output::CostView;
use crate::output::allocated_rows::TeamScope;
use crate::report::{self, Fact, Report};
use crate::store::{CostQuery, Store};

/// The grouping a report's facts are read in.
pub(crate) const FACT_DIMS: [Dim; 5] = [Dim::Day, Dim::Provider, Dim::Workspace, Dim::Project, Dim::Model];

/// What to report on. `current` is the period's view (grouped by [`FACT_DIMS`]), already built
/// by the caller, which also renders it when the report is a CSV.
pub(crate) struct Request<'a> {
    pub accounts: &'a [Account],
    /// Resolved project ids (empty: all).
    pub projects: &'a [String],
    pub range: DateRange,
    /// The range plus the days before it that comparisons and anomalies need.
    pub window: DateRange,
    pub period_end: Option<chrono::NaiveDate>,
    pub current: CostView,
    pub currency: Currency,
    pub rates: &'a Rates,
    pub teams: Option<TeamScope<'a>>,
    /// `--by week` (`Some(true)`) or `--by month` (`Some(false)`): a section by period.
    pub by_week: Option<bool>,
    pub offline: bool,
}

pub(crate) fn build(app: &App, store: &mut Store, req: &Request<'_>) -> Result<Report> {
    let today = app.clock.today();
    let query = |r: DateRange| CostQuery {
        accounts: req.accounts.to_vec(),
        projects: req.projects.to_vec(),
        models: vec![],
        range: r,
        group_by: FACT_DIMS.to_vec(),
    };
    let (range, currency, rates) = (req.range, req.currency, req.rates);
    let mut all_facts = match req.teams {
        // Shared costs are split in each period's own proportions: the window before the
        // period on its own, so the period's figures are the team's chargeback.
        Some(teams) => {
            let before = DateRange::new(req.window.since, range.since - Days::new(1));
            let before =
                CostView::build_with_teams(store, &query(before), today, vec![], currency, rates, Some(teams))?;
            let mut f = facts(&before);
            f.extend(facts(&req.current));
            f
        }
        None => facts(&CostView::build_in(store, &query(req.window), today, vec![], currency, rates)?),
    };
    all_facts.retain(|f| !f.cost.is_zero());
    let mut r = report::build(report::Input { range, today, period_end: req.period_end, facts: all_facts });
    r.currency = currency;
    r.budgets = super::budgets::relevant(app, store, req.accounts, req.projects, &[], range.until);
    r.team = req.current.team.clone();
    if let Some(weeks) = req.by_week {
        r.by_period = report::buckets(&r.daily, weeks);
    }
    if r.team.is_none() && req.projects.is_empty() {
        let window = super::savings::window_for(range, today);
        r.savings_window = Some(window);
        r.savings = super::savings::analyse_cached(app, store, req.accounts, window, req.offline, |input| {
            crate::savings::optimize(input).into_iter().take(report::TOP_SAVINGS).collect()
        })?
        .0;
    }
    if let Some(team) = &r.team {
        r.budgets.retain(|b| b.budget.scope.team.as_ref() == Some(team));
    } else if !app.config.teams.is_empty() && req.projects.is_empty() {
        let lines = super::teams::lines(store, req.accounts, range, currency, rates)?;
        let allocation = crate::teams::allocate::allocate(&app.config.teams, &app.config.shared_costs, &lines);
        r.chargeback = Some(crate::output::teams_out::ChargebackView::build(
            &app.config.teams,
            &allocation,
            range,
            currency,
            false,
        ));
    }
    Ok(r)
}

/// The view's rows as facts (the view groups by `FACT_DIMS`, so every row has its day: the
/// cache's text was read into a date, or was an error naming the fix, when it was queried).
fn facts(view: &CostView) -> Vec<Fact> {
    view.rows
        .iter()
        .filter_map(|row| {
            let day = row.cell(Dim::Day)?.key.day()?;
            Some(Fact {
                day,
                provider: row.value(Dim::Provider).to_string(),
                workspace: row.value(Dim::Workspace).to_string(),
                project_id: row.value(Dim::Project).to_string(),
                project_name: row.cell(Dim::Project).map(|c| c.label.clone()).unwrap_or_default(),
                model: row.value(Dim::Model).to_string(),
                cost: row.cost,
                usage: row.usage,
            })
        })
        .collect()
}
