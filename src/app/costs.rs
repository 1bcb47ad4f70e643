//! The costs use case: billed spend for a period, grouped by any dimensions, with the budgets
//! whose scope the view covers. `costs`, and the CSV of `report`, render what it returns.

use super::answer::Answer;
use super::select::{Scope, resolve_projects};
use super::views::CostView;
use super::{App, models};
use crate::domain::{DateRange, Dim};
use crate::error::Result;
use crate::store::CostQuery;

/// What `llmcost costs` asks.
#[derive(Clone, Debug)]
pub(crate) struct Request {
    pub scope: Scope,
    /// Projects as typed: ids or names (empty: all).
    pub projects: Vec<String>,
    /// Models as the tables show them (empty: all).
    pub models: Vec<String>,
    /// One team's spend, its parts of shared costs included.
    pub team: Option<String>,
    pub range: DateRange,
    pub group_by: Vec<Dim>,
    /// Days whose bill has not arrived show llmcost's estimate (`--include-estimate`, `--today`,
    /// `--by hour`), labelled by a `basis` column.
    pub estimates: bool,
}

/// Workspaces, projects, models and line items belong to a provider: when the view mixes
/// providers it groups by provider first, so openai/edugami and anthropic/edugami stay two rows.
fn with_provider(accounts: &[crate::domain::Account], mut group_by: Vec<Dim>) -> Vec<Dim> {
    let mixed = accounts.iter().any(|a| a.provider != accounts[0].provider);
    let provider_specific = group_by.iter().any(|d| {
        !(d.is_time()
            || matches!(d, Dim::Provider | Dim::Currency | Dim::Team | Dim::CostCenter | Dim::Person | Dim::Basis))
    });
    if mixed && provider_specific && !group_by.contains(&Dim::Provider) {
        group_by.insert(0, Dim::Provider);
    }
    group_by
}

pub(crate) fn run(app: &App, req: &Request) -> Result<Answer<CostView>> {
    let accounts = app.select(&req.scope.providers, &req.scope.workspaces)?;
    let mut group_by = with_provider(&accounts, req.group_by.clone());
    let estimates = req.estimates || group_by.iter().any(|d| d.needs_estimates());
    if estimates && (req.team.is_some() || group_by.iter().any(|d| d.is_allocated())) {
        return Err(crate::error::Error::Usage(
            "estimates are not allocated to teams: drop --include-estimate (or --by hour/basis), or --team and \
             --by team/cost_center"
                .into(),
        ));
    }
    if group_by.iter().any(|d| d.is_key()) {
        if estimates {
            return Err(crate::error::Error::Usage(
                "keys are allocated from the bill: drop --include-estimate (or --today's estimate with --billed-only)"
                    .into(),
            ));
        }
        super::views::key_rows::check_dims(&group_by)?;
        // Allocated and billed rows are told apart.
        if !group_by.contains(&Dim::Basis) {
            group_by.push(Dim::Basis);
        }
    }
    // Never summed with the bill unlabelled: every view with estimates is split by basis.
    if estimates && !group_by.contains(&Dim::Basis) {
        group_by.push(Dim::Basis);
    }
    // Checked before anything is fetched: a team that does not exist is a usage error.
    let teams = super::teams::scope(&app.config.teams, &app.config.shared_costs, req.team.as_deref(), &group_by)?;
    let mut p = super::select::prepare_for(app, &req.scope, accounts, req.range)?;
    if estimates && req.range.until >= app.clock.today().pred_opt().unwrap_or(req.range.until) {
        // The bill was fetched: an estimate that could not be refreshed is a warning, not a failure.
        for failed in super::live::refresh(app, &mut p.store, &p.accounts, req.scope.offline)?.failed {
            app.note(&format!("warning: today's estimate not refreshed: {failed}"));
        }
    }
    let projects = resolve_projects(&p.store, &p.accounts, &req.projects)?;
    let models = models::resolve_models(&p.store, &p.accounts, &req.models)?;
    let query = CostQuery { accounts: p.accounts, projects, models, range: req.range, group_by, estimates };
    let today = app.clock.today();
    let mut view =
        CostView::build_with_teams(&p.store, &query, today, req.projects.clone(), p.currency, &p.rates, teams)?;
    if estimates {
        let open = super::estimates::open_estimates(&p.store, &query.accounts, req.range.since, req.range.until)?;
        view.estimate_notes = open.iter().map(super::estimates::note).collect();
        // A provider that bills whole days only is in today's view through its live figure.
        view.today_not_reported.retain(|p| !open.iter().any(|e| e.account.provider == *p && e.day == today));
    }
    view.budgets =
        super::budgets::relevant(app, &p.store, &query.accounts, &query.projects, &query.models, query.range.until);
    if let Some(team) = &view.team {
        // A team's view mentions only that team's budgets.
        view.budgets.retain(|b| b.budget.scope.team.as_ref() == Some(team));
    }
    Ok(Answer { view, failed: p.failed })
}
