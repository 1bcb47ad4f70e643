//! `llmcost tui`: the interactive dashboard.

use clap::Args;

use super::App;
use crate::error::Result;

#[derive(Debug, Args)]
#[command(after_help = "\
Keys: tab pane · arrows/hjkl move · enter narrow to a project · p provider · w workspace ·
o project · t period (week, month, year, custom) · [ ] previous/next period · s/S sort ·
/ filter models · r refresh · e export CSV · ? help · q or esc quit.

Examples:
  llmcost --demo tui          Try it on the built-in sample organization
  llmcost tui --offline       Only the cache, no network")]
pub struct TuiArgs {
    /// Never touch the network: show the cache as it is
    #[arg(long)]
    pub offline: bool,
}

pub fn run(app: App, args: TuiArgs) -> Result<()> {
    crate::tui::run(app, args.offline)
}
