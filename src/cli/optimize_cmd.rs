//! `llmcost optimize`: where the money could be saved, each finding with its evidence, an
//! estimated saving per 30 days and how it was estimated.

use clap::Args;

use super::App;
use super::args::{Format, FreshnessArgs, PeriodArgs, ScopeArgs};
use crate::error::Result;
use crate::output::savings_out::{OptimizeView, render_optimize};

#[derive(Debug, Args)]
#[command(after_help = "\
Findings (every saving is an estimate per 30 days at list prices; billed figures
stay the truth):
  caching       much input, little of it read from the prompt cache: priced at
  50% cached batch         projects named in [optimize] batchable, or as steady
  on weekends as on weekdays,
                at the provider's documented batch discount
  model_choice  a premium model with a cheaper sibling, at the current token mix
  (a what-if) waste         retired or deprecated model versions; projects whose
  daily spend jumped

Without a period flag: the last 30 complete UTC days (a few days of a new month
would be extrapolated to 30, and a one-day spike called a monthly saving).

Examples:
  llmcost --demo optimize
      The demo's findings of each kind
  llmcost optimize --last-month
  llmcost optimize --provider openai --format json
  llmcost optimize --month --format markdown >> review.md")]
pub struct OptimizeArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
}

pub(super) fn run(app: &App, args: OptimizeArgs) -> Result<()> {
    let today = app.clock.today();
    // The same window the report's savings section uses (one answer).
    let asked = args.period.resolve(today)?;
    let range = if args.period.is_set() { asked } else { crate::app::savings::window_for(asked, today) };
    let accounts = app.select(&args.scope.provider, &args.scope.workspace)?;
    let found = crate::app::savings::analyse(
        app,
        &accounts,
        range,
        args.fresh.offline,
        args.fresh.refresh,
        crate::savings::optimize,
    )?;
    let view = OptimizeView { range, no_data: found.no_data, findings: found.answer, prices: found.prices };
    let width = super::terminal_width();
    super::write_stdout(|out| render_optimize(&view, args.format, width, out))?;
    super::accounts_result(found.failed)
}
