//! `llmcost activity`: people's coding-assistant activity (Claude Code's analytics) with the
//! vendor's estimated cost, per person, model, day, terminal or account type.

use clap::{Args, ValueEnum};

use super::App;
use super::args::{Format, FreshnessArgs, PeriodArgs, ScopeArgs};
use crate::app::activity::ActivityBy;
use crate::error::Result;

#[derive(Debug, Args)]
#[command(after_help = "\
What each person (or API key) did with Claude Code per UTC day, as Anthropic's
Claude Code analytics report it: sessions, lines added and removed, commits,
pull requests, edits accepted, tokens, and Anthropic's estimated cost. The cost
is an estimate inside other figures (API-billed use is in Anthropic's bill,
subscription use is covered by seats), so it is labelled and never added to a
billed total.

Examples:
  llmcost --demo activity
  llmcost activity --last-month --by model
  llmcost activity --last 7 --by day --format csv > claude-code.csv
  llmcost activity --by customer-type --format json")]
pub struct ActivityArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// One row per person (or API key), model, UTC day, terminal or account type
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum By {
    #[default]
    Person,
    Model,
    Day,
    Terminal,
    /// api or subscription; also written customer_type
    #[value(alias = "customer_type")]
    CustomerType,
}

pub(super) fn run(app: &App, args: ActivityArgs) -> Result<()> {
    let by = match args.by {
        By::Person => ActivityBy::Person,
        By::Model => ActivityBy::Model,
        By::Day => ActivityBy::Day,
        By::Terminal => ActivityBy::Terminal,
        By::CustomerType => ActivityBy::CustomerType,
    };
    let scope = crate::app::select::Scope {
        providers: args.scope.provider,
        workspaces: args.scope.workspace,
        offline: args.fresh.offline,
        refresh: args.fresh.refresh,
        currency: None,
    };
    let answer = crate::app::activity::run(app, &scope, args.period.resolve(app.clock.today())?, by)?;
    super::write_stdout(|out| crate::output::activity_out::render(&answer.view, args.format, out))?;
    answer.into_result()
}
