//! `llmcost costs`: billed spend for a period, grouped by any dimensions.

use clap::Args;

use super::App;
use super::args::{CurrencyArgs, Format, FreshnessArgs, PeriodArgs, ScopeArgs, TeamArgs};
use crate::domain::dims::parse_dims;
use crate::error::{Error, Result};
use crate::output;

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
  llmcost costs --month --by person
      Who spent it: each key owner's share, across providers
  llmcost costs --since 2026-01-01 --until 2026-03-31 --format json --offline
  llmcost costs --today --by hour
      Today so far, hour by hour: ≈ estimates until the bill arrives
  llmcost costs --month --include-estimate
      The month with today's estimate, labelled by basis")]
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
    /// [[teams]]), key, person (each API key's and key owner's share, one person per [people]
    /// entry), hour (today's estimate), basis
    #[arg(long, value_name = "DIMS", default_value = "model")]
    pub by: String,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
    #[command(flatten)]
    pub currency: CurrencyArgs,
    /// Show llmcost's estimate (live usage x list prices, or the provider's live figure) for days
    /// whose bill has not arrived, labelled `basis` estimate; implied by --today and --by hour
    #[arg(long)]
    pub include_estimate: bool,
    /// The bill only, even with --today: no estimates
    #[arg(long, conflicts_with = "include_estimate")]
    pub billed_only: bool,
}

fn group_by_needs_estimates(dims: &[crate::domain::Dim]) -> bool {
    dims.iter().any(|d| d.needs_estimates())
}

pub(super) fn run(app: &App, args: CostsArgs) -> Result<()> {
    let range = args.period.resolve(app.clock.today())?;
    let group_by = parse_dims(&args.by).map_err(|e| Error::Usage(e.to_string()))?;
    let request = crate::app::costs::Request {
        scope: super::args::scope(app, &args.scope, args.fresh, &args.currency)?,
        projects: args.project,
        models: args.model,
        team: args.team.team.clone(),
        // Today's estimate, unless the bill is split between keys or teams (allocated from the
        // bill only): then `--today` is the bill, as before estimates.
        estimates: !args.billed_only
            && (args.include_estimate
                || (args.period.today
                    && args.team.team.is_none()
                    && !group_by.iter().any(|d| d.is_key() || d.is_allocated()))),
        range,
        group_by: group_by.clone(),
    };
    if args.billed_only && group_by_needs_estimates(&request.group_by) {
        return Err(Error::Usage("--by hour and --by basis need estimates: drop --billed-only".into()));
    }
    let answer = crate::app::costs::run(app, &request)?;
    for note in &answer.view.allocation_notes {
        app.note(note);
    }
    super::write_stdout(|out| output::render_costs(&answer.view, args.format, out))?;
    answer.into_result()
}
