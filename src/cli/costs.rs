//! `llmcost costs`: billed spend for a period, grouped by any dimensions.

use clap::Args;

use super::App;
use super::args::{CurrencyArgs, Format, FreshnessArgs, PeriodArgs, ScopeArgs, TeamArgs};
use crate::app::projects::{refresh_for_view, resolve_projects};
use crate::domain::Dim;
use crate::domain::dims::parse_dims;
use crate::error::{Error, Result};
use crate::output::{self, CostView};
use crate::store::CostQuery;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost costs --month
      This month to date, by model
  llmcost costs --provider openai --workspace edugami --month 2026-10
  llmcost costs --last 7 --by day,model                  A week, day by day
  llmcost costs --year --by month
      Month by month (--by week: ISO weeks)
  llmcost costs --year --by workspace,project --format csv > projects.csv
  llmcost costs --last-month --by team,cost_center
      A chargeback by the config's teams
  llmcost costs --team research --by model
      One team's spend, shared parts included
  llmcost costs --since 2026-01-01 --until 2026-03-31 --format json --offline")]
pub struct CostsArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Only this project (repeatable): its id (proj_...) or its exact name
    #[arg(long, value_name = "ID")]
    pub project: Vec<String>,
    /// Only this model (repeatable), as the table shows it, e.g. gpt-4o-2024-08-06
    #[arg(long, value_name = "MODEL")]
    pub model: Vec<String>,
    #[command(flatten)]
    pub team: TeamArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Group by a comma list of: provider, workspace, project, model, line_item, day, week (ISO),
    /// month, currency, team, cost_center (team and cost_center allocate spend by the config's
    /// [[teams]])
    #[arg(long, value_name = "DIMS", default_value = "model")]
    pub by: String,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
    #[command(flatten)]
    pub currency: CurrencyArgs,
}

pub(super) fn run(app: &App, args: CostsArgs) -> Result<()> {
    let range = args.period.resolve(app.clock.today())?;
    let mut group_by = parse_dims(&args.by).map_err(|e| Error::Usage(e.to_string()))?;
    let accounts = app.select(&args.scope.provider, &args.scope.workspace)?;
    // Workspaces, projects, models and line items belong to a provider: say which when the view
    // mixes providers, so openai/edugami and anthropic/edugami stay two rows.
    let mixed = accounts.iter().any(|a| a.provider != accounts[0].provider);
    let provider_specific = group_by
        .iter()
        .any(|d| !(d.is_time() || matches!(d, Dim::Provider | Dim::Currency | Dim::Team | Dim::CostCenter)));
    if mixed && provider_specific && !group_by.contains(&Dim::Provider) {
        group_by.insert(0, Dim::Provider);
    }
    let teams = args.team.resolve(app, &group_by)?;
    let mut store = app.open_store()?;
    let failed = refresh_for_view(app, &mut store, &accounts, range, args.fresh.offline, args.fresh.refresh)?;
    let projects = resolve_projects(&store, &accounts, &args.project)?;
    let models = crate::app::models::resolve_models(&store, &accounts, &args.model)?;
    let query = CostQuery { accounts, projects, models, range, group_by };
    let currency = args.currency.resolve(app)?;
    let rates = crate::app::fx::rates_for(app, &mut store, &query, currency, args.fresh.offline)?;
    let mut view =
        CostView::build_with_teams(&store, &query, app.clock.today(), args.project.clone(), currency, &rates, teams)?;
    for note in &view.allocation_notes {
        app.note(note);
    }
    view.budgets =
        crate::app::budgets::relevant(app, &store, &query.accounts, &query.projects, &query.models, query.range.until);
    if let Some(team) = &view.team {
        // A team's view mentions only that team's budgets.
        view.budgets.retain(|b| b.budget.scope.team.as_ref() == Some(team));
    }
    super::write_stdout(|out| output::render_costs(&view, args.format, out))?;
    if !failed.is_empty() {
        return Err(Error::Accounts(failed));
    }
    Ok(())
}
