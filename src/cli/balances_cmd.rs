//! `llmcost balances`: prepaid balances (OpenRouter's credits, a prepaid xAI team's) and how long they last.

use clap::Args;

use super::App;
use super::args::{Format, ScopeArgs};
use crate::error::Result;

#[derive(Debug, Args)]
#[command(after_help = "\
Each prepaid account's balance as the provider reports it now (kept in the cache
as a series), the average billed spend of the last 7 complete UTC days, and the
runway at that rate: the day the balance runs out.

Examples:
  llmcost --demo balances
  llmcost balances --provider openrouter --format json
  llmcost balances --offline          The last balance fetched")]
pub struct BalancesArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// The last balance fetched, without asking the provider
    #[arg(long)]
    pub offline: bool,
}

pub(super) fn run(app: &App, args: BalancesArgs) -> Result<()> {
    let scope = args.scope.reading_now(args.offline);
    let answer = crate::app::balances::run(app, &scope)?;
    super::write_stdout(|out| crate::output::balances_out::render(&answer.view, args.format, out))?;
    answer.into_result()
}
