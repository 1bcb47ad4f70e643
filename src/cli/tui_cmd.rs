//! `llmcost tui`: the interactive dashboard.

use clap::Args;

use super::App;
use crate::error::Result;

#[derive(Debug, Args)]
#[command(after_help = "\
Keys: tab pane · arrows/hjkl move · enter narrow to a project · p provider · w
workspace · o project · t period (week, month, year, custom) · [ ] previous/next
period · s/S sort · / filter models · r refresh · e export CSV · ? help · q or
esc quit.

Examples:
  llmcost --demo tui          Try it on the built-in sample organization
  llmcost tui --offline       Only the cache, no network
  LLMCOST_REMOTE_TOKEN=... llmcost --remote http://llmcost.internal:9464 tui
                              A team server's data, without keys or cache")]
pub struct TuiArgs {
    /// Never touch the network: show the cache as it is
    #[arg(long)]
    pub offline: bool,
    /// Show amounts in this currency (ISO 4217), converting with each day's ECB rate (rates are
    /// fetched first when needed) [default: the config's [display] currency, else USD]
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
}

pub(super) fn run(app: App, args: TuiArgs) -> Result<()> {
    let currency =
        crate::app::fx::reporting_currency(args.currency.as_deref(), app.config.display.currency.as_deref())?;
    // Said before any rate is fetched.
    crate::tui::need_terminal()?;
    // The dashboard converts with cached rates: fetch this year's now if they are needed.
    crate::app::dashboard::prefetch_rates(&app, currency, args.offline)?;
    crate::tui::run(app, args.offline, currency)
}

/// `--remote URL tui`: the dashboard on a team server's data. `--offline` means nothing there
/// (the server syncs on its own), so it is refused rather than ignored.
pub(super) fn run_remote(server: crate::app::remote::Server, args: &TuiArgs) -> Result<()> {
    if args.offline {
        return Err(crate::error::Error::Usage(
            "--offline is for the local cache; with --remote the server's cache is shown as it is".into(),
        ));
    }
    let currency = crate::app::fx::reporting_currency(args.currency.as_deref(), None)?;
    crate::tui::run_remote(server, currency)
}
