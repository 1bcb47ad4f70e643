//! `llmcost costs`: billed spend for a period, grouped by any dimensions.

use clap::Args;

use super::App;
use super::args::{Format, FreshnessArgs, PeriodArgs, ScopeArgs};
use super::syncing::{self, failures};
use crate::domain::dims::parse_dims;
use crate::domain::{Account, DateRange, Dim};
use crate::error::{Error, Result};
use crate::output::{self, CostView};
use crate::store::{CostQuery, Store};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost costs --month                                  This month to date, by model
  llmcost costs --provider openai --workspace edugami --month 2026-10
  llmcost costs --last 7 --by day,model                  A week, day by day
  llmcost costs --year --by workspace,project --format csv > projects.csv
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
    pub period: PeriodArgs,
    /// Group by a comma list of: provider, workspace, project, model, line_item, day
    #[arg(long, value_name = "DIMS", default_value = "model")]
    pub by: String,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
}

pub fn run(app: &App, args: CostsArgs) -> Result<()> {
    let range = args.period.resolve(app.clock.today())?;
    let mut group_by = parse_dims(&args.by).map_err(|e| Error::Usage(e.to_string()))?;
    let accounts = app.select(&args.scope)?;
    // Workspaces, projects, models and line items belong to a provider: say which when the view
    // mixes providers, so openai/edugami and anthropic/edugami stay two rows.
    let mixed = accounts.iter().any(|a| a.provider != accounts[0].provider);
    let provider_specific = group_by.iter().any(|d| !matches!(d, Dim::Day | Dim::Provider));
    if mixed && provider_specific && !group_by.contains(&Dim::Provider) {
        group_by.insert(0, Dim::Provider);
    }
    let mut store = app.open_store()?;
    let failed = refresh(app, &mut store, &accounts, range, args.fresh)?;
    if !failed.is_empty() && failed.len() == accounts.len() && !has_any_data(&store, &accounts, range)? {
        return Err(Error::Accounts(failed));
    }
    let projects = resolve_projects(&store, &accounts, &args.project)?;
    let query = CostQuery { accounts, projects, models: args.model.clone(), range, group_by };
    let mut view = CostView::build(&store, &query, app.clock.today(), args.project.clone())?;
    view.budgets = super::budgets::relevant(app, &store, &query.accounts, &query.projects, &query.models);
    super::write_stdout(|out| output::render_costs(&view, args.format, out))?;
    if !failed.is_empty() {
        return Err(Error::Accounts(failed));
    }
    Ok(())
}

/// Syncs stale days unless offline (or the demo); returns the failed accounts' messages.
pub(super) fn refresh(
    app: &App,
    store: &mut Store,
    accounts: &[Account],
    range: DateRange,
    fresh: FreshnessArgs,
) -> Result<Vec<String>> {
    if fresh.offline || app.is_demo() {
        return Ok(Vec::new());
    }
    let outcomes = syncing::sync_accounts(app, store, accounts, range, fresh.refresh)?;
    Ok(failures(&outcomes))
}

fn has_any_data(store: &Store, accounts: &[Account], range: DateRange) -> Result<bool> {
    for a in accounts {
        if !store.synced_days(a.provider.id(), &a.workspace, range.since, range.until)?.is_empty() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Turns `--project` names or ids into ids; an unknown project is an error, not an empty answer.
pub(super) fn resolve_projects(store: &Store, accounts: &[Account], wanted: &[String]) -> Result<Vec<String>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let known = store.project_spend(accounts, DateRange::all_time())?;
    let mut ids = Vec::new();
    for w in wanted {
        let hits: Vec<&str> = known
            .iter()
            .filter(|p| !p.info.id.is_empty() && (p.info.id == *w || p.info.name.eq_ignore_ascii_case(w)))
            .map(|p| p.info.id.as_str())
            .collect();
        if hits.is_empty() {
            let mut names: Vec<String> = known
                .iter()
                .filter(|p| !p.info.id.is_empty())
                .map(|p| {
                    if p.info.name.is_empty() { p.info.id.clone() } else { format!("{} ({})", p.info.id, p.info.name) }
                })
                .collect();
            names.sort();
            names.dedup();
            let list =
                if names.is_empty() { "none known yet (run 'llmcost sync')".to_string() } else { names.join(", ") };
            return Err(Error::Usage(format!(
                "unknown project '{w}' in the selected workspaces; known projects: {list}"
            )));
        }
        ids.extend(hits.into_iter().map(String::from));
    }
    ids.sort();
    ids.dedup();
    Ok(ids)
}
