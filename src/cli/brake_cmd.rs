//! `llmcost brake`: stop spend at the providers, reversibly; `--undo` and `--status`.

use clap::Args;

use super::App;
use super::args::{Format, ScopeArgs};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "\
Stops spend with the providers' own reversible levers: Anthropic API keys set
inactive, OpenRouter keys disabled, OpenAI project rate limits lowered to 1 per
period. Nothing is deleted or archived. Without --apply it is a dry run that
only reads; with --apply each change is written with the account's write key
(LLMCOST_WRITE_KEY_<PROVIDER>_<WORKSPACE>, never the read key) after the
journal in the cache keeps the value it replaces, so --undo restores it.

Examples:
  llmcost --demo brake                      The plan, on the demo organization
  llmcost brake --provider anthropic        What would stop (reads only)
  llmcost brake --provider openrouter --apply
  llmcost brake --status                    What is braked now
  llmcost brake --undo                      What undoing the last would restore
  llmcost brake --undo 3 --apply            Restore brake 3's settings")]
pub struct BrakeArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Only the levers of this project (OpenAI) or workspace (Anthropic), by id
    #[arg(long, value_name = "ID")]
    pub project: Option<String>,
    /// Only this key or rate limit, by the id the plan shows
    #[arg(long, value_name = "ID")]
    pub key: Option<String>,
    /// Send the changes (without it, a dry run that only reads)
    #[arg(long)]
    pub apply: bool,
    /// Undo brake ID (without an ID, the latest still in place); a dry run without --apply
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "latest",
          conflicts_with_all = ["status", "project", "key", "provider", "workspace"])]
    pub undo: Option<String>,
    /// What is braked now, from the journal (no request is sent)
    #[arg(long, conflicts_with_all = ["apply", "project", "key"])]
    pub status: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub(super) fn run(app: &App, args: BrakeArgs) -> Result<()> {
    if args.status {
        let view = crate::app::brake::status_view(app)?;
        return super::write_stdout(|out| crate::output::brake_out::render_status(&view, args.format, out));
    }
    let answer = if let Some(id) = args.undo.as_deref() {
        let id = match id {
            "latest" => None,
            n => Some(n.trim().parse::<i64>().map_err(|_| {
                Error::Usage(format!("--undo takes a brake number (see 'llmcost brake --status'), not {n:?}"))
            })?),
        };
        crate::app::brake::undo(app, id, args.apply)?
    } else {
        let req = crate::app::brake::BrakeRequest {
            providers: args.scope.provider,
            workspaces: args.scope.workspace,
            projects: args.project.into_iter().collect(),
            key: args.key,
            apply: args.apply,
        };
        crate::app::brake::run(app, &req)?
    };
    super::write_stdout(|out| crate::output::brake_out::render(&answer.view, args.format, out))?;
    answer.into_result()
}
