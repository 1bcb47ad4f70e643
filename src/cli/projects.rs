//! `llmcost projects`: each workspace's projects (archived too) and their spend in a period.

use clap::Args;

use super::App;
use super::args::{CurrencyArgs, Format, FreshnessArgs, PeriodArgs, ScopeArgs};
use crate::error::Result;
use crate::output;

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
    let scope = super::args::scope(app, &args.scope, args.fresh, &args.currency)?;
    let answer = crate::app::projects::run(app, &scope, range)?;
    super::write_stdout(|out| output::render_projects(&answer.view, args.format, out))?;
    answer.into_result()
}
