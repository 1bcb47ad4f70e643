//! The report use case: the period's facts (with the window before it, for comparisons and
//! anomalies), built into a `Report` with its budgets, savings and chargeback.

use chrono::Days;

use super::App;
use super::answer::Answer;
use crate::app::views::CostView;
use crate::app::views::allocated_rows::TeamScope;
use crate::domain::{Account, Currency, DateRange, Dim};
use crate::error::Result;
use crate::fx::Rates;
use crate::report::{self, Fact, Report};
use crate::store::{CostQuery, Store};

/// The grouping a report's facts are read in.
pub(crate) const FACT_DIMS: [Dim; 5] = [Dim::Day, Dim::Provider, Dim::Workspace, Dim::Project, Dim::Model];

/// What `llmcost report` asks.
#[derive(Clone, Debug)]
pub(crate) struct Request {
    pub scope: super::select::Scope,
    /// Projects as typed: ids or names (empty: all).
    pub projects: Vec<String>,
    /// One team's report, its parts of shared costs included.
    pub team: Option<String>,
    pub range: DateRange,
    /// The last day of the calendar period the range is in, when it is one (for the forecast).
    pub period_end: Option<chrono::NaiveDate>,
    /// `Dim::Week` or `Dim::Month`: a section by period, and the CSV's buckets.
    pub by: Option<Dim>,
    /// Only the tidy rows (the CSV), not the story.
    pub rows_only: bool,
}

/// The report, or its tidy rows.
pub(crate) enum ReportView {
    Story(Box<Report>),
    Rows(Box<CostView>),
}

/// What the report found, with the accounts it covers.
pub(crate) struct Reported {
    pub view: ReportView,
    pub accounts: Vec<Account>,
    /// The period's figures by day: their allocation notes and the days never fetched are what
    /// a front end warns about, whatever it shows.
    pub current: CostView,
}

/// On the first days of a month, the default report is the month just ended.
const LAST_MONTH_UNTIL_DAY: u32 = 3;

/// The period a report covers when none is asked for, and the end of its calendar period: the
/// month just ended on the 1st to 3rd of a month, else this month to date.
pub(crate) fn default_period(today: chrono::NaiveDate) -> (DateRange, chrono::NaiveDate) {
    use crate::domain::period::{first_of_month, last_of_month};
    if chrono::Datelike::day(&today) <= LAST_MONTH_UNTIL_DAY {
        let last_month = first_of_month(today) - Days::new(1);
        let range = DateRange::new(first_of_month(last_month), last_of_month(last_month));
        return (range, range.until);
    }
    (DateRange::new(first_of_month(today), today), last_of_month(today))
}

pub(crate) fn run(app: &App, req: &Request) -> Result<Answer<Reported>> {
    let today = app.clock.today();
    let accounts = app.select(&req.scope.providers, &req.scope.workspaces)?;
    let teams = super::teams::scope(&app.config.teams, &app.config.shared_costs, req.team.as_deref(), &[])?;
    let window = DateRange::new(report::window_start(req.range), req.range.until);
    let activity: Vec<Account> = if req.team.is_some() || !req.projects.is_empty() {
        Vec::new()
    } else {
        super::activity::in_scope(app, &req.scope.providers, &req.scope.workspaces)?
    };
    let mut p = super::select::prepare_for(app, &req.scope, accounts, window)?;
    if !activity.is_empty() && !req.rows_only {
        let failed =
            super::select::refresh(app, &mut p.store, &activity, req.range, req.scope.offline, req.scope.refresh)?;
        p.failed.extend(failed);
    }
    let projects = super::select::resolve_projects(&p.store, &p.accounts, &req.projects)?;
    let query = |r: DateRange, first: Dim| {
        let mut group_by = FACT_DIMS.to_vec();
        group_by[0] = first;
        CostQuery {
            accounts: p.accounts.clone(),
            projects: projects.clone(),
            models: vec![],
            range: r,
            group_by,
            estimates: false,
        }
    };
    let build = |q: &CostQuery| {
        CostView::build_with_teams(&p.store, q, today, req.projects.clone(), p.currency, &p.rates, teams)
    };
    let current = build(&query(req.range, Dim::Day))?;
    let view = if req.rows_only {
        match req.by {
            Some(by) => ReportView::Rows(Box::new(build(&query(req.range, by))?)),
            None => ReportView::Rows(Box::new(current.clone())),
        }
    } else {
        let accounts = p.accounts.clone();
        let facts = Facts {
            accounts: &accounts,
            projects: &projects,
            range: req.range,
            window,
            period_end: req.period_end,
            current: current.clone(),
            currency: p.currency,
            rates: &p.rates,
            teams,
            by_week: req.by.map(|d| d == Dim::Week),
            offline: req.scope.offline,
            activity: &activity,
        };
        ReportView::Story(Box::new(build_story(app, &mut p.store, &facts)?))
    };
    let reported = Reported { view, accounts: p.accounts, current };
    Ok(Answer { view: reported, failed: p.failed })
}

/// What a report is built from. `current` is the period's view (grouped by [`FACT_DIMS`]).
struct Facts<'a> {
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
    /// The scope's accounts that report activity (Claude Code): their view is the report's
    /// activity section (none for one team's or some projects' report).
    pub activity: &'a [Account],
}

fn build_story(app: &App, store: &mut Store, req: &Facts<'_>) -> Result<Report> {
    let today = app.clock.today();
    let query = |r: DateRange| CostQuery {
        accounts: req.accounts.to_vec(),
        projects: req.projects.to_vec(),
        models: vec![],
        range: r,
        group_by: FACT_DIMS.to_vec(),
        estimates: false,
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
    if !req.activity.is_empty() {
        let by = super::activity::ActivityBy::Person;
        r.activity = Some(super::activity::read(store, req.activity.to_vec(), range, by, today)?);
    }
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
    if r.team.is_none() && store.has_key_usage(req.accounts)? {
        r.by_person = people(store, req, today)?;
    }
    if let Some(team) = &r.team {
        r.budgets.retain(|b| b.budget.scope.team.as_ref() == Some(team));
    } else if !app.config.teams.is_empty() && req.projects.is_empty() {
        r.chargeback = Some(super::teams::chargeback_view(app, store, req.accounts, range, currency, rates, false)?);
    }
    Ok(r)
}

/// The period's spend per person (`costs --by person`), as report lines, largest first.
fn people(store: &Store, req: &Facts<'_>, today: chrono::NaiveDate) -> Result<Vec<report::Line>> {
    let q = CostQuery {
        accounts: req.accounts.to_vec(),
        projects: req.projects.to_vec(),
        models: vec![],
        range: req.range,
        group_by: vec![Dim::Person],
        estimates: false,
    };
    let labels = super::views::cost_row::Labels::new(Default::default(), today, req.range);
    let (rows, _) = super::views::key_rows::rows(store, &q, req.currency, req.rates, &labels)?;
    let total: crate::domain::Money = rows.iter().map(|r| r.cost).sum();
    let mut lines: Vec<report::Line> = rows
        .into_iter()
        .map(|r| report::Line {
            name: r.value(Dim::Person).to_string(),
            owner: String::new(),
            share: r.cost.share_of(total),
            cost: r.cost,
            usage: None,
        })
        .collect();
    lines.sort_by(|a, b| b.cost.cmp(&a.cost).then_with(|| a.name.cmp(&b.name)));
    Ok(lines)
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
