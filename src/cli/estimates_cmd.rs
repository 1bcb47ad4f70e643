//! `llmcost estimates`: how good llmcost's estimates are, and the ones standing in for a bill now.

use clap::Args;

use super::App;
use super::args::{Format, ScopeArgs};
use crate::error::Result;

#[derive(Debug, Args)]
#[command(after_help = "\
Until a day's bill arrives, llmcost estimates it from each provider's live usage
(OpenAI, Anthropic: tokens x the day's list prices; OpenRouter, xAI: their live
dollars). When the bill arrives it replaces the estimate, and the pair is kept:
this command shows the error per provider and model over the last 30 UTC days,
and the estimates standing in for a bill now.

Examples:
  llmcost --demo estimates
  llmcost estimates --provider anthropic --format json
  llmcost estimates --offline          Without refreshing today's estimates")]
pub struct EstimatesArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Use the cache only: today's estimates are not refreshed
    #[arg(long)]
    pub offline: bool,
}

pub(super) fn run(app: &App, args: EstimatesArgs) -> Result<()> {
    let scope = args.scope.reading_now(args.offline);
    let answer = crate::app::estimates::run(app, &scope)?;
    super::write_stdout(|out| crate::output::estimates_out::render(&answer.view, args.format, out))?;
    answer.into_result()
}
