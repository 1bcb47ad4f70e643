//! `llmcost limits plan|apply|drift`: budgets held by the providers as their own spend limits.

use clap::{Args, Subcommand};

use super::App;
use super::args::Format;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
#[command(after_help = "\
A budget with enforce = \"provider\" in the config asks its provider to hold the
amount as its own monthly spend limit, so spend stops at the provider. Anthropic
holds organization and workspace limits (an early access preview of its Admin
API); OpenAI, OpenRouter and xAI cannot, and the plan says why.

Examples:
  llmcost --demo limits plan
  llmcost limits plan --format json
  llmcost limits apply          Write the limits that differ (write keys)
  llmcost limits drift          Exit 3 when a provider's limit differs")]
pub struct LimitsArgs {
    #[command(subcommand)]
    pub action: LimitsAction,
}

#[derive(Debug, Subcommand)]
pub enum LimitsAction {
    /// Each provider's limit next to what the config asks, in the provider's units
    #[command(after_help = "Examples:\n  llmcost --demo limits plan\n  llmcost limits plan --format json")]
    Plan {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Write the limits that differ, journaled (undo: llmcost brake --undo N --apply)
    #[command(
        after_help = "Examples:\n  llmcost limits apply\n  llmcost brake --undo 4 --apply     Take back apply run 4"
    )]
    Apply {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The CI gate: exit 3 when a provider's limit differs from the config
    #[command(
        after_help = "Examples:\n  llmcost limits drift              Exit 3 on drift, in a CI job\n  llmcost limits drift --format json"
    )]
    Drift {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

pub(super) fn run(app: &App, args: LimitsArgs) -> Result<()> {
    let (answer, format, drift) = match args.action {
        LimitsAction::Plan { format } => (crate::app::limits::plan(app)?, format, false),
        LimitsAction::Apply { format } => (crate::app::limits::apply(app)?, format, false),
        LimitsAction::Drift { format } => (crate::app::limits::plan(app)?, format, true),
    };
    super::write_stdout(|out| crate::output::limits_out::render(&answer.view, format, out))?;
    let differs: Vec<&str> = answer
        .view
        .iter()
        .filter(|r| r.verdict == crate::app::limits::Verdict::Differs)
        .map(|r| r.budget.as_str())
        .collect();
    if drift && !differs.is_empty() {
        for f in &answer.failed {
            app.note(&format!("error: {f}"));
        }
        return Err(Error::BudgetExceeded(format!(
            "{} provider limit(s) differ from the config: {}; run 'llmcost limits apply'",
            differs.len(),
            differs.join(", ")
        )));
    }
    answer.into_result()
}
