//! `llmcost projects`: each workspace's projects (archived too) and their spend in a period.

use clap::Args;

use super::App;
use super::args::{CurrencyArgs, Format, FreshnessArgs, PeriodArgs, ScopeArgs};
use crate::error::{Error, Result};
use crate::output::{self, projects_view::ProjectsView};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost projects
      Every workspace, spend this month
  llmcost projects --workspace edugami --year --format csv")]
pub struct ProjectsArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
    #[command(flatten)]
    pub currency: CurrencyArgs,
}

pub(super) fn run(app: &App, args: ProjectsArgs) -> Result<()> {
    let range = args.period.resolve(app.clock.today())?;
    let accounts = app.select(&args.scope.provider, &args.scope.workspace)?;
    let mut store = app.open_store()?;
    let failed = crate::app::projects::refresh_for_view(
        app,
        &mut store,
        &accounts,
        range,
        args.fresh.offline,
        args.fresh.refresh,
    )?;
    let currency = args.currency.resolve(app)?;
    let query = crate::store::CostQuery::all(accounts.clone(), range, vec![]);
    let rates = crate::app::fx::rates_for(app, &mut store, &query, currency, args.fresh.offline)?;
    let mut view = ProjectsView::build_in(&store, &accounts, range, app.clock.today(), currency, Some(&rates))?;
    view.budgets = crate::app::budgets::relevant(app, &store, &accounts, &[], &[], range.until);
    super::write_stdout(|out| output::render_projects(&view, args.format, out))?;
    if !failed.is_empty() {
        return Err(Error::Accounts(failed));
    }
    Ok(())
}
