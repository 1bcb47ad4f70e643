//! `llmcost export --format focus`: the cached spend as a FOCUS 1.2 CSV for FinOps tools.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::App;
use super::args::{FreshnessArgs, PeriodArgs, ScopeArgs};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExportFormat {
    /// FOCUS 1.2 CSV (FinOps Foundation), one row per UTC day x account x project x line item
    #[default]
    Focus,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  llmcost export --format focus --month --out llm-spend-focus.csv
  llmcost export --format focus --year --provider openai > openai-focus.csv")]
pub struct ExportArgs {
    /// The format
    #[arg(long, value_enum, default_value_t)]
    pub format: ExportFormat,
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Write to this file (atomically) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub fresh: FreshnessArgs,
}

pub(super) fn run(app: &App, args: ExportArgs) -> Result<()> {
    let range = args.period.resolve(app.clock.today())?;
    // FOCUS keeps each row in the currency it was billed in: nothing is converted.
    let scope = crate::app::select::Scope {
        providers: args.scope.provider.clone(),
        workspaces: args.scope.workspace.clone(),
        offline: args.fresh.offline,
        refresh: args.fresh.refresh,
        currency: None,
    };
    let answer = crate::app::export::focus(app, &scope, range)?;
    let mut bytes = Vec::new();
    let rows = crate::output::focus::write(&answer.view, &mut bytes)?;
    match &args.out {
        Some(path) => {
            crate::config::write_atomically(path, &bytes)?;
            app.note(&format!(
                "Wrote {rows} FOCUS 1.2 row(s) to {} ({} to {}, UTC days).",
                path.display(),
                range.since,
                range.until
            ));
        }
        None => super::write_stdout(|out| out.write_all(&bytes))?,
    }
    answer.into_result()
}
