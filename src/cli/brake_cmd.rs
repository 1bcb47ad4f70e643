//! `llmcost brake`: stop spend at the providers, reversibly; `--undo` and `--status`.

use clap::Args;

use super::App;
use super::args::{Format, ScopeArgs};
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "\
Stops spend with the providers' own reversible levers, a ladder of rungs:
throttle (OpenAI project rate limits lowered to 1 per period), deny-models
(OpenAI projects refuse the expensive models), keys (Anthropic API keys set
inactive, OpenRouter keys disabled). Without --rung, each provider's first.
Nothing is deleted or archived. Without --apply it is a dry run that
only reads; with --apply each change is written with the account's write key
(LLMCOST_WRITE_KEY_<PROVIDER>_<WORKSPACE>, never the read key) after the
journal in the cache keeps the value it replaces, so --undo restores it.

Examples:
  llmcost --demo brake                      The plan, on the demo organization
  llmcost brake --provider anthropic        What would stop (reads only)
  llmcost brake --provider openrouter --apply
  llmcost brake --provider openai --rung deny-models
      Refuse the models listed at $20+ per million output tokens
  llmcost brake --rung deny-models --deny-models o1-pro,gpt-4.5-preview
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
    /// The rung of the ladder: throttle, deny-models or keys (default: each provider's
    /// first; a provider without that rung is left alone, and said)
    #[arg(long, value_enum, conflicts_with_all = ["undo", "status"])]
    pub rung: Option<RungArg>,
    /// The models deny-models refuses, by the provider's id (default: those its price list
    /// has at $20 or more per million output tokens)
    #[arg(long, value_name = "MODELS", value_delimiter = ',', conflicts_with_all = ["undo", "status"])]
    pub deny_models: Vec<String>,
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

/// `--rung`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RungArg {
    /// Rate limits lowered to 1 (OpenAI projects)
    Throttle,
    /// The expensive models refused (OpenAI projects' model permissions)
    DenyModels,
    /// API keys disabled or set inactive (Anthropic, OpenRouter)
    Keys,
}

impl RungArg {
    fn rung(self) -> crate::providers::levers::Rung {
        use crate::providers::levers::Rung;
        match self {
            RungArg::Throttle => Rung::Throttle,
            RungArg::DenyModels => Rung::DenyModels,
            RungArg::Keys => Rung::Keys,
        }
    }
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
            rung: args.rung.map(RungArg::rung),
            deny_models: args.deny_models,
        };
        crate::app::brake::run(app, &req)?
    };
    super::write_stdout(|out| crate::output::brake_out::render(&answer.view, args.format, out))?;
    answer.into_result()
}
