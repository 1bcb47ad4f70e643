//! `llmcost sync`: fetch a period into the cache ahead of time.

use clap::Args;

use super::App;
use super::args::{PeriodArgs, ScopeArgs};
use crate::app::sync::failures;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost sync                      Stale days of this month, every workspace
  llmcost sync --year               Backfill this year
  llmcost sync --last 7 --refresh   Refetch the last week even if cached")]
pub struct SyncArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Refetch every day of the period, even days already cached
    #[arg(long)]
    pub refresh: bool,
}

pub(super) fn run(app: &App, args: SyncArgs) -> Result<()> {
    let range = args.period.resolve(app.clock.today())?;
    let (accounts, outcomes) =
        crate::app::sync::run(app, &args.scope.provider, &args.scope.workspace, range, args.refresh)?;
    if app.is_demo() {
        app.note("The demo's data is built in: there is nothing to sync.");
        return Ok(());
    }
    for account in &accounts {
        match outcomes.iter().find(|o| &o.account == account) {
            None => app.note(&format!("{account}: up to date ({} to {})", range.since, range.until)),
            Some(o) if o.error.is_none() => app.note(&format!(
                "{account}: fetched {} day(s) in {:.1}s ({})",
                o.days_fetched,
                o.elapsed.as_secs_f64(),
                o.requests_text()
            )),
            Some(_) => {}
        }
    }
    let failed = failures(&outcomes);
    if failed.is_empty() { Ok(()) } else { Err(Error::Accounts(failed)) }
}
